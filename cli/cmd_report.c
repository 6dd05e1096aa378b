/* cmd_report.c -- `rapport report DIR`: rewrite the HTML reports of a
 * results folder from its files (report.h). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "cmd.h"
#include "outdir.h"
#include "init.h"
#include "report.h"
#include "stats.h"
#include "status.h"

static int cmd_report_exec(int, char **);

const struct cmd_entry cmd_report_entry = {
	"report", "DIR",
	"(re)write the HTML reports of a results folder",
	RAPPORT_INIT_GSL,
	cmd_report_exec
};

static const char options_text[] =
	"Reads DIR/sessions.jsonl, DIR/corpus.json, DIR/examples.jsonl,\n"
	"DIR/manifest.json, DIR/utterances.jsonl and (when `rapport run\n"
	"--session-pages` wrote it) DIR/transcripts.jsonl, and writes\n"
	"DIR/reports/index.html, clinician-<id>.html, cohort-<id>.html and\n"
	"session-<clinician>--<n>.html. The transcripts are not read.\n\n"
	"Options:\n"
	"  -h, --help   show this help\n\n"
	"Exit status: 0 written, 2 usage error, 3 the folder cannot be read.\n";

static int
cmd_report_exec(int argc, char **argv)
{
	char *why = NULL, *tmp, *pages;
	int rc = EXIT_ALL_OK;

	if (argc == 2 && cmd_is_help(argv[1])) {
		cmd_usage(&cmd_report_entry, options_text, NULL);
		return EXIT_ALL_OK;
	}
	if (argc != 2 || argv[1][0] == '-')
		return cmd_usage_error(&cmd_report_entry, "give one results "
		    "folder DIR");
	/* The new pages go into a folder of their own, which then takes
	 * the place of reports/ in one step: a failure leaves the old
	 * pages, never a mix (outdir.h). */
	tmp = xasprintf("%s/.reports.tmp-%ld", argv[1], (long)getpid());
	pages = xasprintf("%s/reports", argv[1]);
	outdir_remove_tree(tmp);
	if (report_write_to(argv[1], tmp, &why) != 0 ||
	    outdir_sync_tree(tmp, &why) != 0 ||
	    outdir_replace(tmp, pages, &why) != 0) {
		fprintf(stderr, "rapport report: %s\n", why);
		free(why);
		outdir_remove_tree(tmp);
		rc = EXIT_NOTHING;
	}
	free(tmp);
	free(pages);
	return rc;
}
