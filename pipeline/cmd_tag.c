/* cmd_tag.c -- `rapport tag`: utterances.jsonl lines on standard output.
 *
 * A serial, streaming loop: each input's sessions are read, tagged and
 * written in input order, so the output is deterministic and memory holds
 * one session at a time. `rapport run` is the parallel path.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyze.h"
#include "cmd.h"
#include "ingest.h"
#include "inputs.h"
#include "status.h"
#include "utterances.h"
#include "util.h"

static int cmd_tag_exec(int, char **);

const struct cmd_entry cmd_tag_entry = {
	"tag", "[--rules DIR [--replace-rules] | --rules-only DIR] [--strict] "
	"INPUT...",
	"tag every utterance; write utterances.jsonl lines to stdout",
	cmd_tag_exec
};

static const char options_text[] =
	"Writes one JSON object per utterance (the utterances.jsonl format of\n"
	"`rapport run`) to standard output, in input order. A rejected session\n"
	"or input is reported on standard error as PATH:LINE:COL: REASON and\n"
	"the others are still written.\n\n"
	"Options:\n"
	"  --rules DIR        add the rules in DIR to the bundled set (a rule\n"
	"                     with a bundled rule's name replaces it)\n"
	"  --replace-rules    with --rules: use only the rules in DIR\n"
	"  --rules-only DIR   the same as --rules DIR --replace-rules\n"
	"  --strict           also validate every input against the XSD\n"
	"  -h, --help         show this help\n\n"
	"The bundled rules are read from $RAPPORT_RULES when it is set.\n"
	"Exit status: 0 all inputs used, 1 some rejected (the rest written),\n"
	"2 usage or configuration error, 3 nothing could be processed.\n";

static size_t
print_diags(const char *path, const struct ingest_diag *d, size_t n)
{
	size_t errors = 0;

	for (size_t i = 0; i < n; i++) {
		fprintf(stderr, "%s:%ld:%ld: %s%s\n", path, d[i].line, d[i].col,
		    d[i].severity == INGEST_WARNING ? "warning: " : "",
		    d[i].msg);
		errors += d[i].severity == INGEST_ERROR;
	}
	return errors;
}

static int
cmd_tag_exec(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "rules", required_argument, NULL, 'r' },
		{ "rules-only", required_argument, NULL, 'o' },
		{ "replace-rules", no_argument, NULL, 'R' },
		{ "strict", no_argument, NULL, 's' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *rules_dir = NULL;
	int replace = 0, strict = 0, c, status;
	analyze_ruleset *rs = NULL;
	analyze_ctx *cx = NULL;
	ingest_schema *schema = NULL;
	struct analyze_result res = { 0 };
	struct inputs inputs = { 0 };
	strbuf out = { 0 };
	size_t sessions = 0, rejects = 0;
	char *why = NULL;

	optind = 1;
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (c) {
		case 'r':
			rules_dir = optarg;
			break;
		case 'o':
			rules_dir = optarg;
			replace = 1;
			break;
		case 'R':
			replace = 1;
			break;
		case 's':
			strict = 1;
			break;
		case 'h':
			cmd_usage(&cmd_tag_entry, options_text);
			return EXIT_ALL_OK;
		default:
			return cmd_usage_error(&cmd_tag_entry, "unknown option");
		}
	}
	if (optind >= argc)
		return cmd_usage_error(&cmd_tag_entry, "no INPUT given");
	if (replace && rules_dir == NULL)
		return cmd_usage_error(&cmd_tag_entry,
		    "--replace-rules needs --rules DIR");
	if ((rs = analyze_ruleset_load(rules_dir, replace, &why)) == NULL) {
		fprintf(stderr, "rapport tag: broken rules:\n%s\n",
		    why != NULL ? why : "(no reason)");
		free(why);
		return EXIT_USAGE;
	}
	if (strict) {
		char *path = cmd_schema_path(NULL);

		schema = ingest_schema_load(path, &why);
		free(path);
		if (schema == NULL) {
			fprintf(stderr, "rapport tag: %s\n", why);
			free(why);
			analyze_ruleset_free(rs);
			return EXIT_USAGE;
		}
	}
	cx = analyze_ctx_create(rs);
	inputs_expand(&inputs, argv + optind, argc - optind);
	for (size_t i = 0; i < inputs.n; i++) {
		const struct inputs_item *it = &inputs.v[i];
		const char *shown = strcmp(it->path, "-") == 0 ? "<stdin>" :
		    it->path;
		const struct ingest_diag *d;
		size_t nd;
		ingest *in;
		session *s = NULL;
		int r;

		if (it->why != NULL ||
		    (in = ingest_open(it->path, shown, schema, &why)) == NULL) {
			fprintf(stderr, "%s:0:0: %s\n", shown,
			    it->why != NULL ? it->why : why);
			free(why);
			why = NULL;
			rejects++;
			continue;
		}
		while ((r = ingest_next(in, &s)) != 0) {
			d = ingest_diags(in, &nd);
			print_diags(shown, d, nd);
			if (r < 0) {
				rejects++;
				break;
			}
			if (r == 2) {
				rejects++;
				continue;
			}
			if (analyze_session(cx, s, &res) < 0) {
				fprintf(stderr, "%s:%ld:0: matching failed in "
				    "session %s\n", shown, s->line, s->id);
				rejects++;
			} else {
				strbuf_reset(&out);
				utterances_render(&out, s, &res);
				if (out.len > 0)
					fwrite(out.s, 1, out.len, stdout);
				sessions++;
			}
			session_free(s);
			s = NULL;
		}
		ingest_close(in);
	}
	if (analyze_ctx_limit_hits(cx) > 0)
		fprintf(stderr, "rapport tag: warning: %lu pattern match%s hit "
		    "the match limit and counted as no match\n",
		    analyze_ctx_limit_hits(cx),
		    analyze_ctx_limit_hits(cx) == 1 ? "" : "es");
	if (fflush(stdout) != 0 || ferror(stdout)) {
		perror("rapport tag: standard output");
		status = EXIT_NOTHING;
	} else if (sessions == 0 && rejects > 0)
		status = EXIT_NOTHING;
	else
		status = rejects > 0 ? EXIT_SOME_REJECTED : EXIT_ALL_OK;
	strbuf_free(&out);
	analyze_result_free(&res);
	analyze_ctx_free(cx);
	analyze_ruleset_free(rs);
	ingest_schema_free(schema);
	inputs_free(&inputs);
	return status;
}
