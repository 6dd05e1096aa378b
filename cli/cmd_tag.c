/* cmd_tag.c -- `rapport tag`: utterances.jsonl lines on standard output.
 *
 * The sessions are tagged on the batch driver's workers (tagrun.h) and
 * written in input order, so the output is deterministic for any number
 * of workers and memory holds a bounded number of sessions.
 */
#include "config.h"

#include <getopt.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyze.h"
#include "cmd.h"
#include "init.h"
#include "tagrun.h"
#include "status.h"
#include "utterances.h"
#include "util.h"

static int cmd_tag_exec(int, char **);

const struct cmd_entry cmd_tag_entry = {
	"tag", "[--rules DIR [--replace-rules] | --rules-only DIR] [--strict] "
	"[IMPORT] INPUT...",
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
	CMD_NO_PREFILTER_HELP
	"  -h, --help         show this help\n\n"
	"The bundled rules are read from $RAPPORT_RULES when it is set.\n"
	"Exit status: 0 all inputs used, 1 some rejected (the rest written),\n"
	"2 usage or configuration error, 3 nothing could be processed.\n";

/* On a worker: the session's lines. */
static void *
render(const session *s, const struct analyze_result *r, const void *arg)
{
	strbuf *b = xcalloc(1, sizeof(*b));

	(void)arg;
	utterances_render(b, s, r);
	return b;
}

/* In input order: write them; after a failed write only free them. */
static int
put(void *result, void *arg)
{
	strbuf *b = result;
	int *failed = arg;

	if (!*failed && b->len > 0 && fwrite(b->s, 1, b->len, stdout) !=
	    b->len)
		*failed = 1;
	strbuf_free(b);
	free(b);
	return *failed ? -1 : 0;
}

static int
cmd_tag_exec(int argc, char **argv)
{
	struct tagrun_opts o = { .name = "tag" };
	struct cmd_import ci;
	int status, failed = 0;

	cmd_import_init(&ci);
	if ((status = cmd_tagrun_options(&cmd_tag_entry, options_text,
	    "strict", &o, &ci, &o.strict, argc, argv)) != 0) {
		cmd_import_free(&ci);
		return status < 0 ? EXIT_ALL_OK : status;
	}
	o.import = &ci.io;
	o.skip = ci.meta_path;
	status = tagrun(&o, argv + optind, argc - optind, render, NULL, put,
	    &failed);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		perror("rapport tag: standard output");
		status = EXIT_NOTHING;
	}
	cmd_import_free(&ci);
	return status;
}
