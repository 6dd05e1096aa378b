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

/* The transcript schema: opt when not NULL, else $RAPPORT_SCHEMA, else
 * the installed copy, else the source tree's. The caller frees it. */
char *cmd_schema_path(const char *opt);

extern const struct cmd_entry cmd_validate_entry;
extern const struct cmd_entry cmd_run_entry;
extern const struct cmd_entry cmd_tag_entry;
extern const struct cmd_entry cmd_rules_entry;
extern const struct cmd_entry cmd_agree_entry;
extern const struct cmd_entry cmd_import_entry;
extern const struct cmd_entry cmd_report_entry;

#endif
