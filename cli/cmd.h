/* cmd.h -- the subcommand table (tmux cmd.c style).
 *
 * Each subcommand lives in cli/cmd_NAME.c and exports one
 * `const struct cmd_entry cmd_NAME_entry`; cli/main.c lists them. The
 * front ends only parse options and print; the work is in the library.
 */
#ifndef RAPPORT_CMD_H
#define RAPPORT_CMD_H

#include "csv.h"
#include "import.h"
#include "metadata.h"
#include "roles.h"
#include "sheet.h"

struct cmd_entry {
	const char	*name;		/* "validate" */
	const char	*synopsis;	/* "[options] INPUT..." */
	const char	*summary;	/* one line for `rapport --help` */
	unsigned	 needs;		/* RAPPORT_INIT_* (init.h) */
	/* Run with argv[0] = the subcommand name; returns an exit status
	 * from status.h. Must handle --help (to stdout, status 0). */
	int		(*exec)(int argc, char **argv);
};

/* Print "usage: rapport NAME SYNOPSIS", the options text and more (the
 * import options, or NULL) to stdout. */
void cmd_usage(const struct cmd_entry *e, const char *options,
    const char *more);
/* Print "rapport NAME: message" and a hint to stderr; returns EXIT_USAGE. */
int cmd_usage_error(const struct cmd_entry *e, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Is arg "--help" or "-h"? */
int cmd_is_help(const char *arg);

/* The rule-set options of tag and agree, for a getopt_long table:
 * --rules DIR, --rules-only DIR, --replace-rules, --no-prefilter. */
#define CMD_OPT_NO_PREFILTER	299
#define CMD_RULES_LONGOPTS \
	{ "rules", required_argument, NULL, 'r' }, \
	{ "rules-only", required_argument, NULL, 'o' }, \
	{ "replace-rules", no_argument, NULL, 'R' }, \
	{ "no-prefilter", no_argument, NULL, CMD_OPT_NO_PREFILTER }
/* The --help line of --no-prefilter, shared by tag, agree and run. */
#define CMD_NO_PREFILTER_HELP \
	"  --no-prefilter     run every rule's PCRE2 patterns on every\n" \
	"                     utterance, without the one Vectorscan scan that\n" \
	"                     skips rules that cannot match (same results,\n" \
	"                     slower; to check the prefilter)\n"

struct tagrun_opts;
/* Apply getopt's c (one of CMD_RULES_LONGOPTS) to o; 1 when it was one
 * of them, else 0. */
int cmd_rules_option(struct tagrun_opts *o, int c, const char *arg);
/* After parsing: NULL, or what is wrong with the rule options given. */
const char *cmd_rules_check(const struct tagrun_opts *o);

struct cmd_import;
/*
 * Parse the options of tag and agree into o and ci: the rule-set options,
 * the import options, --help (text is the command's options text) and one
 * flag of the command's own, the long option own (*flag set to 1 when
 * given). Returns 0, -1 after --help, or an exit status.
 */
int cmd_tagrun_options(const struct cmd_entry *e, const char *text,
    const char *own, struct tagrun_opts *o, struct cmd_import *ci,
    int *flag, int argc, char **argv);


/*
 * The import options every command that reads transcripts takes (--format,
 * --meta, --roles, --set, --value, --dates, --gap and the CSV options),
 * for a getopt_long table; their values are above 255 so they never clash
 * with a command's own short options.
 */
enum {
	CMD_OPT_FORMAT = 300, CMD_OPT_META, CMD_OPT_ROLES, CMD_OPT_SET,
	CMD_OPT_VALUE, CMD_OPT_DATES, CMD_OPT_GAP, CMD_OPT_MAP, CMD_OPT_CODES,
	CMD_OPT_MEASURE, CMD_OPT_DELIMITER
};
#define CMD_IMPORT_LONGOPTS \
	{ "format", required_argument, NULL, CMD_OPT_FORMAT }, \
	{ "meta", required_argument, NULL, CMD_OPT_META }, \
	{ "roles", required_argument, NULL, CMD_OPT_ROLES }, \
	{ "set", required_argument, NULL, CMD_OPT_SET }, \
	{ "value", required_argument, NULL, CMD_OPT_VALUE }, \
	{ "dates", required_argument, NULL, CMD_OPT_DATES }, \
	{ "gap", required_argument, NULL, CMD_OPT_GAP }, \
	{ "map", required_argument, NULL, CMD_OPT_MAP }, \
	{ "codes", required_argument, NULL, CMD_OPT_CODES }, \
	{ "measure", required_argument, NULL, CMD_OPT_MEASURE }, \
	{ "delimiter", required_argument, NULL, CMD_OPT_DELIMITER }

/* The --help text of those options. */
extern const char cmd_import_help[];

struct cmd_import {
	struct import_opts	 io;	/* what the library is handed */
	struct roles		 roles;
	struct metadata_opts	 meta;
	struct import_csv_opts	 csv;
	sheet			*sheet;
	const char		*meta_path;	/* --meta FILE */
};

/* Start with the defaults (formats told from each file, --gap 2 s). */
void cmd_import_init(struct cmd_import *ci);
/* Apply getopt's c with arg when it is one of CMD_IMPORT_LONGOPTS:
 * returns 1 (done), -1 (a usage error, already printed for e), or 0
 * (not one of them). */
int cmd_import_option(const struct cmd_entry *e, struct cmd_import *ci,
    int c, const char *arg);
/* After every option: load the --meta sheet. Returns 0, or prints the
 * sheet's problems and returns EXIT_USAGE. */
int cmd_import_ready(const struct cmd_entry *e, struct cmd_import *ci);
void cmd_import_free(struct cmd_import *ci);

extern const struct cmd_entry cmd_validate_entry;
extern const struct cmd_entry cmd_run_entry;
extern const struct cmd_entry cmd_tag_entry;
extern const struct cmd_entry cmd_rules_entry;
extern const struct cmd_entry cmd_agree_entry;
extern const struct cmd_entry cmd_import_entry;
extern const struct cmd_entry cmd_report_entry;
extern const struct cmd_entry cmd_merge_entry;

#endif
