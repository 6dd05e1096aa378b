/* cmd_validate.c -- `rapport validate`: schema and semantic checks. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "init.h"
#include "ingest.h"
#include "inputs.h"
#include "status.h"
#include "util.h"
#include "paths.h"

static int cmd_validate_exec(int, char **);

const struct cmd_entry cmd_validate_entry = {
	"validate", "[--schema FILE] [--no-schema] [-q] [IMPORT] INPUT...",
	"check transcripts against the schema and the format's rules",
	RAPPORT_INIT_XML,
	cmd_validate_exec
};

static const char options_text[] =
	"Every problem is listed, one line each on standard error, as\n"
	"PATH:LINE:COL: REASON (LINE 0 when the file could not be read).\n"
	"Warnings (times that go backwards) are listed but do not fail.\n\n"
	"Options:\n"
	"  --schema FILE  validate against FILE instead of the installed\n"
	"                 transcript.xsd\n"
	"  --no-schema    only the semantic checks that `rapport run` makes\n"
	"  -q, --quiet    no summary line on standard output\n"
	"  -h, --help     show this help\n\n"
	"Exit status: 0 all inputs valid, 1 some invalid, 2 usage error.\n";

/* Print diagnostics as PATH:LINE:COL: [warning: ]MSG; count the errors. */
static size_t
print_diags(const char *path, const struct diag *d, size_t n)
{
	size_t errors = 0;

	for (size_t i = 0; i < n; i++) {
		diag_print(stderr, path, &d[i]);
		errors += d[i].severity == DIAG_ERROR;
	}
	return errors;
}

static int
cmd_validate_exec(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "schema", required_argument, NULL, 's' },
		{ "no-schema", no_argument, NULL, 'n' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		CMD_IMPORT_LONGOPTS,
		{ NULL, 0, NULL, 0 }
	};
	const char *schema_opt = NULL;
	int use_schema = 1, quiet = 0, c, opt;
	struct cmd_import ci;
	ingest_schema *schema = NULL;
	struct inputs inputs = { 0 };
	size_t bad_files = 0, sessions = 0, rejected = 0;
	char *why = NULL;

	optind = 1;
	cmd_import_init(&ci);
	while ((c = getopt_long(argc, argv, "qh", longopts, NULL)) != -1) {
		if ((opt = cmd_import_option(&cmd_validate_entry, &ci, c,
		    optarg)) != 0) {
			if (opt < 0)
				goto usage;
			continue;
		}
		switch (c) {
		case 's':
			schema_opt = optarg;
			break;
		case 'n':
			use_schema = 0;
			break;
		case 'q':
			quiet = 1;
			break;
		case 'h':
			cmd_usage(&cmd_validate_entry, options_text,
			    cmd_import_help);
			cmd_import_free(&ci);
			return EXIT_ALL_OK;
		default:
			cmd_usage_error(&cmd_validate_entry, "unknown option");
			goto usage;
		}
	}
	if (optind >= argc) {
		cmd_usage_error(&cmd_validate_entry, "no INPUT given");
		goto usage;
	}
	if (cmd_import_ready(&cmd_validate_entry, &ci) != 0)
		goto usage;
	if (use_schema) {
		char *path = paths_schema(schema_opt);

		schema = ingest_schema_load(path, &why);
		free(path);
		if (schema == NULL) {
			fprintf(stderr, "rapport validate: %s\n", why);
			free(why);
			goto usage;
		}
	}
	inputs_expand(&inputs, argv + optind, argc - optind);
	inputs_skip(&inputs, ci.meta_path);
	for (size_t i = 0; i < inputs.n; i++) {
		const struct inputs_item *it = &inputs.v[i];
		const char *shown = strcmp(it->path, "-") == 0 ? "<stdin>" :
		    it->path;
		const struct diag *d;
		size_t nd, errors = 0;
		ingest *in;
		session *s;
		int r;

		if (it->why != NULL ||
		    (in = ingest_open(it->path, shown, schema, &ci.io,
		    &why)) == NULL) {
			char *p = printable(shown, 4096);

			fprintf(stderr, "%s:0:0: %s\n", p,
			    it->why != NULL ? it->why : why);
			free(p);
			free(why);
			why = NULL;
			bad_files++;
			continue;
		}
		do {
			r = ingest_next(in, &s);
			d = ingest_diags(in, &nd);
			errors += print_diags(shown, d, nd);
			sessions += r == 1;
			rejected += r == 2;
			session_free(s);
		} while (r > 0);
		ingest_close(in);
		bad_files += errors > 0;
	}
	if (!quiet)
		printf("%zu input%s, %zu invalid; %zu session%s valid, %zu "
		    "rejected\n", inputs.n, inputs.n == 1 ? "" : "s", bad_files,
		    sessions, sessions == 1 ? "" : "s", rejected);
	inputs_free(&inputs);
	ingest_schema_free(schema);
	cmd_import_free(&ci);
	return bad_files > 0 ? EXIT_SOME_REJECTED : EXIT_ALL_OK;
usage:
	cmd_import_free(&ci);
	return EXIT_USAGE;
}
