/* cmd_agree.c -- `rapport agree`: the analyzers against human codes.
 *
 * Tags every session of the inputs (tagrun.h: added in input order) and
 * compares the tags with the human codes of its utterances (u@codes):
 * per tag TP, FP, FN, precision, recall, F1 and Cohen's kappa on
 * utterance presence, the session-level ICC(2,1) of the counts, and the
 * none / simple / complex and none / open / closed confusion tables
 * (agree.h). `rapport run` writes the same figures to agreement.csv and
 * corpus.json.
 */
#include "config.h"

#include <getopt.h>

#include <stdio.h>
#include <stdlib.h>

#include "agree.h"
#include "cmd.h"
#include "init.h"
#include "tagrun.h"
#include "stats.h"
#include "status.h"

static int cmd_agree_exec(int, char **);

const struct cmd_entry cmd_agree_entry = {
	"agree", "[--csv] [--rules DIR [--replace-rules] | --rules-only DIR] "
	"[IMPORT] INPUT...",
	"compare the analyzers with the human codes of the transcripts",
	RAPPORT_INIT_ALL,
	cmd_agree_exec
};

static const char options_text[] =
	"Prints, for every tag whose family the human coders used, the\n"
	"utterances where analyzers and codes agree (tp), where only the\n"
	"analyzers tag (fp) or only the codes do (fn), precision, recall, F1\n"
	"and Cohen's kappa; then the confusion tables of reflections (none,\n"
	"simple, complex) and questions (none, open, closed) with the subtype\n"
	"macro-F1. Only sessions with at least one coded utterance count.\n\n"
	"Options:\n"
	"  --csv              print agreement.csv (as `rapport run` writes it)\n"
	"                     instead of the report\n"
	"  --rules DIR        add the rules in DIR to the bundled set\n"
	"  --replace-rules    with --rules: use only the rules in DIR\n"
	"  --rules-only DIR   the same as --rules DIR --replace-rules\n"
	CMD_NO_PREFILTER_HELP
	"  -h, --help         show this help\n\n"
	"Exit status: 0 all inputs used, 1 some rejected, 2 usage error,\n"
	"3 nothing could be processed.\n";

/* On a worker: the session's agreement counts. */
static void *
count(const session *s, const struct analyze_result *r, const void *arg)
{
	struct agree_counts *c = xcalloc(1, sizeof(*c));

	(void)arg;
	agree_session(s, r, c);
	return c;
}

/* In input order: add them up. */
static int
add(void *result, void *arg)
{
	struct agree_counts *c = result;

	agree_total_add(arg, c);
	agree_counts_free(c);
	free(c);
	return 0;
}

static int
cmd_agree_exec(int argc, char **argv)
{
	struct tagrun_opts o = { .name = "agree" };
	struct agree_total total = { 0 };
	struct cmd_import ci;
	int csv = 0, status;

	cmd_import_init(&ci);
	if ((status = cmd_tagrun_options(&cmd_agree_entry, options_text,
	    "csv", &o, &ci, &csv, argc, argv)) != 0) {
		cmd_import_free(&ci);
		return status < 0 ? EXIT_ALL_OK : status;
	}
	o.import = &ci.io;
	o.skip = ci.meta_path;
	status = tagrun(&o, argv + optind, argc - optind, count, NULL, add,
	    &total);
	if (status != EXIT_USAGE) {
		if (csv) {
			struct table t;
			strbuf b = { 0 };

			agree_total_table(&total, &t);
			table_csv(&t, &b);
			fwrite(b.s, 1, b.len, stdout);
			strbuf_free(&b);
			table_free(&t);
		} else
			agree_total_print(&total, stdout);
		if (fflush(stdout) != 0 || ferror(stdout)) {
			perror("rapport agree: standard output");
			status = EXIT_NOTHING;
		}
	}
	agree_total_free(&total);
	cmd_import_free(&ci);
	return status;
}
