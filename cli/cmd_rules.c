/* cmd_rules.c -- `rapport rules check`: compile every rule, run every
 * example, report each failure as file:line: reason. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "init.h"
#include "rules.h"
#include "status.h"
#include "tags.h"
#include "util.h"
#include "paths.h"

static int cmd_rules_exec(int, char **);

const struct cmd_entry cmd_rules_entry = {
	"rules", "check [--rules DIR [--replace-rules] | --rules-only DIR] "
	"[-q]",
	"compile every rule and run its examples",
	0,
	cmd_rules_exec
};

static const char options_text[] =
	"Compiles every rule of the rule set (the bundled rules, plus DIR's)\n"
	"and runs each example through its rule: an 'example +' must fire,\n"
	"an 'example -' must not. Each problem is printed on standard error\n"
	"as FILE:LINE: REASON; a summary goes to standard output.\n\n"
	"Options:\n"
	"  --rules DIR        add the rules in DIR to the bundled set\n"
	"  --replace-rules    with --rules: check only the rules in DIR\n"
	"  --rules-only DIR   the same as --rules DIR --replace-rules\n"
	"  -q, --quiet        no summary\n"
	"  -h, --help         show this help\n\n"
	"The bundled rules are read from $RAPPORT_RULES when it is set.\n"
	"Exit status: 0 every rule compiles and passes its examples, 1 some\n"
	"do not, 2 usage error or no rule directory could be read.\n";

static int
cmd_rules_exec(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "rules", required_argument, NULL, 'r' },
		{ "rules-only", required_argument, NULL, 'o' },
		{ "replace-rules", no_argument, NULL, 'R' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *extra = NULL;
	int replace = 0, quiet = 0, c;
	struct rules_errors errs = { 0 };
	size_t nrules = 0, nex, nload;
	char *base = NULL;
	rules_set *rs;

	if (argc >= 2 && cmd_is_help(argv[1])) {
		cmd_usage(&cmd_rules_entry, options_text, NULL);
		return EXIT_ALL_OK;
	}
	if (argc < 2 || strcmp(argv[1], "check") != 0)
		return cmd_usage_error(&cmd_rules_entry,
		    "expected 'rapport rules check'");
	optind = 1;
	argc--;
	argv++;
	while ((c = getopt_long(argc, argv, "qh", longopts, NULL)) != -1) {
		switch (c) {
		case 'r':
			extra = optarg;
			break;
		case 'o':
			extra = optarg;
			replace = 1;
			break;
		case 'R':
			replace = 1;
			break;
		case 'q':
			quiet = 1;
			break;
		case 'h':
			cmd_usage(&cmd_rules_entry, options_text, NULL);
			return EXIT_ALL_OK;
		default:
			return cmd_usage_error(&cmd_rules_entry,
			    "unknown option");
		}
	}
	if (optind < argc)
		return cmd_usage_error(&cmd_rules_entry,
		    "unexpected argument '%s'", argv[optind]);
	if (replace && extra == NULL)
		return cmd_usage_error(&cmd_rules_entry,
		    "--replace-rules needs --rules DIR");
	if (!replace)
		base = paths_rules_dir();
	rs = rules_set_load(base, extra, &errs);
	nload = errs.n;
	if (rs == NULL) {
		for (size_t i = 0; i < errs.n; i++)
			fprintf(stderr, "%s\n", errs.msgs[i]);
		rules_errors_free(&errs);
		free(base);
		return EXIT_USAGE;
	}
	(void)rules_set_rules(rs, &nrules);
	nex = rules_check_examples(rs, &errs);
	for (size_t i = 0; i < errs.n; i++)
		fprintf(stderr, "%s\n", errs.msgs[i]);
	if (!quiet) {
		printf("%zu rule file%s, %zu rule%s compiled, %zu example%s run; "
		    "%zu load error%s, %zu failing example%s\n",
		    rules_set_nfiles(rs), rules_set_nfiles(rs) == 1 ? "" : "s",
		    nrules, nrules == 1 ? "" : "s", nex, nex == 1 ? "" : "s",
		    nload, nload == 1 ? "" : "s", errs.n - nload,
		    errs.n - nload == 1 ? "" : "s");
		printf("rule-set sha256 %s\n", rules_set_hash(rs));
	}
	c = errs.n > 0 ? EXIT_SOME_REJECTED : EXIT_ALL_OK;
	rules_errors_free(&errs);
	rules_set_free(rs);
	free(base);
	return c;
}
