/* cmd.h -- the subcommand table (tmux cmd.c style).
 *
 * Each subcommand lives in cli/cmd_NAME.c and exports one
 * `const struct cmd_entry cmd_NAME_entry`; cli/main.c lists them. The
 * front ends only parse options and print; the work is in the library.
 */
#ifndef RAPPORT_CMD_H
#define RAPPORT_CMD_H

struct cmd_entry {
	const char	*name;		/* "validate" */
	const char	*synopsis;	/* "[options] INPUT..." */
	const char	*summary;	/* one line for `rapport --help` */
	unsigned	 needs;		/* RAPPORT_INIT_* (init.h) */
	/* Run with argv[0] = the subcommand name; returns an exit status
	 * from status.h. Must handle --help (to stdout, status 0). */
	int		(*exec)(int argc, char **argv);
};

/* Print "usage: rapport NAME SYNOPSIS" and the options text to stdout. */
void cmd_usage(const struct cmd_entry *e, const char *options);
/* Print "rapport NAME: message" and a hint to stderr; returns EXIT_USAGE. */
int cmd_usage_error(const struct cmd_entry *e, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Is arg "--help" or "-h"? */
int cmd_is_help(const char *arg);

/* The rule-set options of tag and agree, for a getopt_long table:
 * --rules DIR, --rules-only DIR, --replace-rules. */
#define CMD_RULES_LONGOPTS \
	{ "rules", required_argument, NULL, 'r' }, \
	{ "rules-only", required_argument, NULL, 'o' }, \
	{ "replace-rules", no_argument, NULL, 'R' }

struct tagrun_opts;
/* Apply getopt's c (one of CMD_RULES_LONGOPTS) to o; 1 when it was one
 * of them, else 0. */
int cmd_rules_option(struct tagrun_opts *o, int c, const char *arg);
/* After parsing: NULL, or what is wrong with the rule options given. */
const char *cmd_rules_check(const struct tagrun_opts *o);


extern const struct cmd_entry cmd_validate_entry;
extern const struct cmd_entry cmd_run_entry;
extern const struct cmd_entry cmd_tag_entry;
extern const struct cmd_entry cmd_rules_entry;
extern const struct cmd_entry cmd_agree_entry;
extern const struct cmd_entry cmd_import_entry;
extern const struct cmd_entry cmd_report_entry;

#endif
