/* cmd_run.c -- `rapport run`: the options of the run engine (run.h). */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>

#include "cmd.h"
#include "init.h"
#include "run.h"
#include "shard.h"
#include "status.h"

static int cmd_run_exec(int, char **);

const struct cmd_entry cmd_run_entry = {
	"run", "[-j N] [-o DIR] [--rules DIR [--replace-rules]] [--strict] "
	"[--quiet] [--no-reports] [--session-pages] [--shard K/N] [IMPORT] "
	"INPUT...",
	"tag and measure every session; write the result files",
	RAPPORT_INIT_ALL,
	cmd_run_exec
};

static const char options_text[] =
	"Options:\n"
	"  -j, --jobs N       worker threads (default: the number of cores)\n"
	"  -o, --output DIR   results folder (default: results)\n"
	"  --rules DIR        add the rules in DIR to the bundled set (a rule\n"
	"                     with a bundled rule's name replaces it)\n"
	"  --replace-rules    with --rules: use only the rules in DIR\n"
	CMD_NO_PREFILTER_HELP
	"  --strict           also validate every input against the XSD\n"
	"  -q, --quiet        no progress, warnings or summary on stderr\n"
	"  --no-reports       do not write reports/\n"
	"  --session-pages    also write transcripts.jsonl, every utterance's\n"
	"                     text redacted, so that the session pages of the\n"
	"                     reports show the transcript (without it they\n"
	"                     show numbers only)\n"
	"  --shard K/N        only the inputs of shard K of N (1 <= K <= N):\n"
	"                     those whose path below its INPUT hashes to K\n"
	"                     (SHA-256); also writes shard.events for\n"
	"                     `rapport merge` (see rapport(1), SHARDS)\n"
	"  -h, --help         show this help\n\n"
	"Writes utterances.jsonl, sessions.csv, sessions.jsonl, examples.jsonl,\n"
	"(with --session-pages) transcripts.jsonl, clinicians.csv, cohorts.csv,\n"
	"agreement.csv, corpus.json, rapport.sqlite, rejects.csv, manifest.json\n"
	"and reports/ into DIR.\n"
	"Exit status: 0 all inputs used, 1 some rejected (the rest written),\n"
	"2 usage or configuration error, 3 nothing could be processed; a\n"
	"shard that received no input exits 0.\n";

static int
parse_options(struct run_opts *run, struct cmd_import *ci, int argc,
    char **argv)
{
	static const struct option longopts[] = {
		{ "jobs", required_argument, NULL, 'j' },
		{ "output", required_argument, NULL, 'o' },
		{ "rules", required_argument, NULL, 'r' },
		{ "replace-rules", no_argument, NULL, 'R' },
		{ "no-prefilter", no_argument, NULL, CMD_OPT_NO_PREFILTER },
		{ "strict", no_argument, NULL, 's' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "no-reports", no_argument, NULL, 'N' },
		{ "session-pages", no_argument, NULL, 'P' },
		{ "shard", required_argument, NULL, 'S' },
		{ "help", no_argument, NULL, 'h' },
		CMD_IMPORT_LONGOPTS,
		{ NULL, 0, NULL, 0 }
	};
	int c, r;
	char *end;

	optind = 1;
	while ((c = getopt_long(argc, argv, "j:o:qh", longopts, NULL)) != -1) {
		if ((r = cmd_import_option(&cmd_run_entry, ci, c, optarg)) != 0) {
			if (r < 0)
				return EXIT_USAGE;
			continue;
		}
		switch (c) {
		case 'j':
			run->jobs = (int)strtol(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' || run->jobs < 1 ||
			    run->jobs > 256)
				return cmd_usage_error(&cmd_run_entry, "-j takes "
				    "a whole number from 1 to 256");
			break;
		case 'o':
			run->outdir = optarg;
			break;
		case 'r':
			run->rules_dir = optarg;
			break;
		case 'R':
			run->replace_rules = 1;
			break;
		case CMD_OPT_NO_PREFILTER:
			run->no_prefilter = 1;
			break;
		case 's':
			run->strict = 1;
			break;
		case 'q':
			run->quiet = 1;
			break;
		case 'N':
			run->no_reports = 1;
			break;
		case 'P':
			run->session_pages = 1;
			break;
		case 'S':
			if (shard_parse(optarg, &run->shard_k,
			    &run->shard_n) != 0)
				return cmd_usage_error(&cmd_run_entry, "--shard "
				    "takes K/N, whole numbers with 1 <= K <= N "
				    "<= %d (as Slurm's SLURM_ARRAY_TASK_ID/"
				    "count), not '%s'", SHARD_MAX, optarg);
			break;
		case 'h':
			cmd_usage(&cmd_run_entry, options_text, cmd_import_help);
			return -1;
		default:
			return cmd_usage_error(&cmd_run_entry, "unknown option");
		}
	}
	if (run->replace_rules && run->rules_dir == NULL)
		return cmd_usage_error(&cmd_run_entry, "--replace-rules needs "
		    "--rules DIR");
	if (optind >= argc)
		return cmd_usage_error(&cmd_run_entry, "no INPUT given");
	return 0;
}

static int
cmd_run_exec(int argc, char **argv)
{
	struct run_opts o = { .outdir = "results" };
	struct cmd_import ci;
	int rc;

	cmd_import_init(&ci);
	if ((rc = parse_options(&o, &ci, argc, argv)) != 0 ||
	    (rc = cmd_import_ready(&cmd_run_entry, &ci)) != 0) {
		cmd_import_free(&ci);
		return rc < 0 ? EXIT_ALL_OK : rc;
	}
	o.import = &ci.io;
	o.skip = ci.meta_path;
	rc = run_corpus(&o, argv + optind, argc - optind);
	cmd_import_free(&ci);
	return rc;
}
