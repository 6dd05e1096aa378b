/* cmd_merge.c -- `rapport merge SHARD_DIR... -o DIR`: combine the results
 * folders of `rapport run --shard K/N` (run.h, run_merge()). */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>

#include "cmd.h"
#include "init.h"
#include "run.h"
#include "status.h"

static int cmd_merge_exec(int, char **);

const struct cmd_entry cmd_merge_entry = {
	"merge", "[-o DIR] [--quiet] [--no-reports] SHARD_DIR...",
	"combine the results folders of run --shard K/N into one",
	RAPPORT_INIT_GSL,
	cmd_merge_exec
};

static const char options_text[] =
	"Reads each SHARD_DIR's manifest.json and shard.events (written by\n"
	"`rapport run --shard K/N`; give all N of them, in any order) and\n"
	"writes into DIR exactly the files one `rapport run` over all the\n"
	"inputs writes (manifest.json's runtime and \"merged\" entries aside):\n"
	"the shards' sessions in input order, sessions across shards with one\n"
	"id rejected as in one run, and every statistic computed afresh from\n"
	"the merged session rows. Shards of another rapport version, rule\n"
	"set, option set or input list, a shard given twice and a missing\n"
	"shard are refused. Write DIR on a local disk: rapport.sqlite is a\n"
	"SQLite database, and SQLite's locking is unreliable over NFS.\n\n"
	"Options:\n"
	"  -o, --output DIR   results folder (default: results)\n"
	"  -q, --quiet        no warnings or summary on stderr\n"
	"  --no-reports       do not write reports/\n"
	"  -h, --help         show this help\n\n"
	"Exit status: 0 all inputs used, 1 some rejected (the rest written),\n"
	"2 usage error or shards that do not belong together, 3 nothing\n"
	"could be processed.\n";

static int
cmd_merge_exec(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "no-reports", no_argument, NULL, 'N' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct merge_opts o = { .outdir = "results" };
	int c;

	optind = 1;
	while ((c = getopt_long(argc, argv, "o:qh", longopts, NULL)) != -1) {
		switch (c) {
		case 'o':
			o.outdir = optarg;
			break;
		case 'q':
			o.quiet = 1;
			break;
		case 'N':
			o.no_reports = 1;
			break;
		case 'h':
			cmd_usage(&cmd_merge_entry, options_text, NULL);
			return EXIT_ALL_OK;
		default:
			return cmd_usage_error(&cmd_merge_entry, "unknown "
			    "option");
		}
	}
	if (optind >= argc)
		return cmd_usage_error(&cmd_merge_entry, "no SHARD_DIR given");
	return run_merge(&o, argv + optind, argc - optind);
}
