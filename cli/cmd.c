/* cmd.c -- helpers shared by the subcommands (usage text and errors). */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "status.h"
#include "tagrun.h"

void
cmd_usage(const struct cmd_entry *e, const char *options)
{
	printf("usage: rapport %s %s\n\n%s\n", e->name, e->synopsis, e->summary);
	if (options != NULL && *options != '\0')
		printf("\n%s", options);
	printf("\nSee rapport(1) for details.\n");
}

int
cmd_usage_error(const struct cmd_entry *e, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "rapport %s: ", e->name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry 'rapport %s --help'.\n", e->name);
	return EXIT_USAGE;
}

int
cmd_is_help(const char *arg)
{
	return strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0;
}

int
cmd_rules_option(struct tagrun_opts *o, int c, const char *arg)
{
	switch (c) {
	case 'r':
		o->rules_dir = arg;
		return 1;
	case 'o':
		o->rules_dir = arg;
		o->replace = 1;
		return 1;
	case 'R':
		o->replace = 1;
		return 1;
	}
	return 0;
}

const char *
cmd_rules_check(const struct tagrun_opts *o)
{
	return o->replace && o->rules_dir == NULL ?
	    "--replace-rules needs --rules DIR" : NULL;
}
