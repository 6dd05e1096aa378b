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
#include "init.h"
#include "serial.h"
#include "status.h"
#include "utterances.h"
#include "util.h"

static int cmd_tag_exec(int, char **);

const struct cmd_entry cmd_tag_entry = {
	"tag", "[--rules DIR [--replace-rules] | --rules-only DIR] [--strict] "
	"INPUT...",
	"tag every utterance; write utterances.jsonl lines to stdout",
	RAPPORT_INIT_XML,
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

/* Write one session's lines; stop when standard output fails. */
static int
tag_one(void *arg, const session *s, const struct analyze_result *r)
{
	strbuf *out = arg;

	strbuf_reset(out);
	utterances_render(out, s, r);
	if (out->len > 0 && fwrite(out->s, 1, out->len, stdout) != out->len)
		return -1;
	return 0;
}

static int
cmd_tag_exec(int argc, char **argv)
{
	static const struct option longopts[] = {
		SERIAL_LONGOPTS,
		{ "strict", no_argument, NULL, 's' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct serial_opts o = { .name = "tag" };
	strbuf out = { 0 };
	int c, status;

	optind = 1;
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		if (serial_option(&o, c, optarg))
			continue;
		switch (c) {
		case 's':
			o.strict = 1;
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
	if (serial_check(&o) != NULL)
		return cmd_usage_error(&cmd_tag_entry, "%s", serial_check(&o));
	status = serial_run(&o, argv + optind, argc - optind, tag_one, &out);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		perror("rapport tag: standard output");
		status = EXIT_NOTHING;
	}
	strbuf_free(&out);
	return status;
}
