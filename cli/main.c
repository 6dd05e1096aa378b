/* main.c -- rapport's command line: dispatch to the subcommand table. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "init.h"
#include "status.h"

/* Every subcommand, in the order `rapport --help` lists them. */
static const struct cmd_entry *const commands[] = {
	&cmd_run_entry,
	&cmd_validate_entry,
	&cmd_tag_entry,
	&cmd_agree_entry,
	&cmd_import_entry,
	&cmd_report_entry,
	&cmd_merge_entry,
	&cmd_rules_entry,
};
#define NCOMMANDS (sizeof(commands) / sizeof(commands[0]))

static void
usage(FILE *f)
{
	fprintf(f, "usage: rapport COMMAND [options] [INPUT...]\n\n"
	    "rapport tags clinical skills in therapy and counselling session\n"
	    "transcripts and turns them into alliance indicators.\n\n"
	    "Commands:\n");
	for (size_t i = 0; i < NCOMMANDS; i++)
		fprintf(f, "  %-10s %s\n", commands[i]->name, commands[i]->summary);
	fprintf(f, "\nOptions:\n"
	    "  -h, --help     show this help (also after a command)\n"
	    "  -V, --version  show the version\n\n"
	    "INPUT is a transcript file, a directory (searched recursively for\n"
	    "*.xml and the files of every format rapport import --help lists)\n"
	    "or - for standard input. See rapport(1).\n");
}

int
main(int argc, char **argv)
{
	const char *name;

	if (argc < 2) {
		usage(stderr);
		return EXIT_USAGE;
	}
	name = argv[1];
	if (cmd_is_help(name)) {
		usage(stdout);
		return EXIT_ALL_OK;
	}
	if (strcmp(name, "--version") == 0 || strcmp(name, "-V") == 0) {
		printf("rapport %s\n", PACKAGE_VERSION);
		return EXIT_ALL_OK;
	}
	for (size_t i = 0; i < NCOMMANDS; i++) {
		if (strcmp(commands[i]->name, name) == 0) {
			rapport_init(commands[i]->needs);
			return commands[i]->exec(argc - 1, argv + 1);
		}
	}
	fprintf(stderr, "rapport: unknown command '%s'\nTry 'rapport --help'.\n",
	    name);
	return EXIT_USAGE;
}
