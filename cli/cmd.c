/* cmd.c -- helpers shared by the subcommands (usage text and errors). */
#include "config.h"

#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "diag.h"
#include "status.h"
#include "tagrun.h"

void
cmd_usage(const struct cmd_entry *e, const char *options, const char *more)
{
	printf("usage: rapport %s %s\n\n%s\n", e->name, e->synopsis, e->summary);
	if (options != NULL && *options != '\0')
		printf("\n%s", options);
	if (more != NULL && *more != '\0')
		printf("\n%s", more);
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
	case CMD_OPT_NO_PREFILTER:
		o->no_prefilter = 1;
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

const char cmd_import_help[] =
	"IMPORT: transcripts in other formats (told from each file's content\n"
	"and name):\n"
	"  --format NAME      read every input as NAME: xml, vtt, srt, eaf, cha,\n"
	"                     trs, tei, txt, docx, csv\n"
	"  --meta FILE        a sheet of session metadata, a row per file or\n"
	"                     session (columns file, session, clinician, client,\n"
	"                     cohort, date, modality, number, roles, measure_NAME)\n"
	"  --roles LIST       speaker roles: 'Dr Lee=therapist,*=client' (glob\n"
	"                     patterns, case-insensitive, first match wins)\n"
	"  --set KEY=VALUE    metadata for every session (clinician=C07, ...)\n"
	"  --value KEY=FROM:TO  map metadata values (modality=Zoom:video)\n"
	"  --dates ORDER      read 03/04/2026 as dmy or mdy (default: iso only)\n"
	"  --gap SECONDS      merge a speaker's consecutive caption cues closer\n"
	"                     than this (default 2; -1: never merge)\n"
	"  --map KEY=COLUMN,...  CSV columns: session, order, speaker, text,\n"
	"                     start, end, metadata keys (default: common names)\n"
	"  --codes COLUMN=VALUE:TAG,...  CSV human codes, for rapport agree\n"
	"  --measure NAME=COLUMN,...     CSV columns holding session measures\n"
	"  --delimiter C      CSV field separator (default: told from the header)\n";

void
cmd_import_init(struct cmd_import *ci)
{
	memset(ci, 0, sizeof(*ci));
	ci->io.gap = IMPORT_DEFAULT_GAP;
	ci->io.roles = &ci->roles;
	ci->io.meta = &ci->meta;
	ci->io.csv = &ci->csv;
}

int
cmd_import_option(const struct cmd_entry *e, struct cmd_import *ci, int c,
    const char *arg)
{
	char *why = NULL, *end;
	int rc = 0;

	switch (c) {
	case CMD_OPT_FORMAT:
		ci->io.xml_only = strcmp(arg, "xml") == 0;
		ci->io.format = NULL;
		if (!ci->io.xml_only &&
		    (ci->io.format = import_format_find(arg)) == NULL)
			why = xasprintf("--format '%s': not a format (xml, vtt, "
			    "srt, eaf, cha, trs, tei, txt, docx, csv)", arg);
		break;
	case CMD_OPT_META:
		ci->meta_path = arg;
		break;
	case CMD_OPT_ROLES:
		rc = roles_parse(&ci->roles, arg, &why);
		break;
	case CMD_OPT_SET:
		rc = metadata_set(&ci->meta, arg, &why);
		break;
	case CMD_OPT_VALUE:
		rc = metadata_value(&ci->meta, arg, &why);
		break;
	case CMD_OPT_DATES:
		rc = metadata_dates(&ci->meta, arg, &why);
		break;
	case CMD_OPT_GAP:
		ci->io.gap = strtod(arg, &end);
		if (*arg == '\0' || *end != '\0' || ci->io.gap != ci->io.gap)
			why = xasprintf("--gap takes seconds (2, 0.5; -1 never "
			    "merges), not '%s'", arg);
		break;
	case CMD_OPT_MAP:
		rc = csv_opt_map(&ci->csv, arg, &why);
		break;
	case CMD_OPT_CODES:
		rc = csv_opt_codes(&ci->csv, arg, &why);
		break;
	case CMD_OPT_MEASURE:
		rc = csv_opt_measure(&ci->csv, arg, &why);
		break;
	case CMD_OPT_DELIMITER:
		rc = csv_opt_delimiter(&ci->csv, arg, &why);
		break;
	default:
		return 0;
	}
	if (why != NULL || rc != 0) {
		cmd_usage_error(e, "%s", why != NULL ? why : "bad option");
		free(why);
		return -1;
	}
	return 1;
}

int
cmd_import_ready(const struct cmd_entry *e, struct cmd_import *ci)
{
	struct diags d = { 0 };

	if (ci->meta_path == NULL)
		return 0;
	ci->sheet = sheet_load(ci->meta_path, &ci->meta, &d);
	for (size_t i = 0; i < d.n; i++)
		diag_print(stderr, ci->meta_path, &d.v[i]);
	diags_free(&d);
	if (ci->sheet == NULL) {
		fprintf(stderr, "rapport %s: the --meta sheet %s cannot be used\n",
		    e->name, ci->meta_path);
		return EXIT_USAGE;
	}
	ci->io.sheet = ci->sheet;
	return 0;
}

void
cmd_import_free(struct cmd_import *ci)
{
	roles_free(&ci->roles);
	metadata_opts_free(&ci->meta);
	csv_opts_free(&ci->csv);
	sheet_free(ci->sheet);
	memset(ci, 0, sizeof(*ci));
}

int
cmd_tagrun_options(const struct cmd_entry *e, const char *text,
    const char *own, struct tagrun_opts *o, struct cmd_import *ci,
    int *flag, int argc, char **argv)
{
	struct option longopts[] = {
		{ own, no_argument, NULL, 'x' },
		CMD_RULES_LONGOPTS,
		CMD_IMPORT_LONGOPTS,
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int c, r;

	optind = 1;
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		if (cmd_rules_option(o, c, optarg))
			continue;
		if ((r = cmd_import_option(e, ci, c, optarg)) != 0) {
			if (r < 0)
				return EXIT_USAGE;
			continue;
		}
		switch (c) {
		case 'x':
			*flag = 1;
			break;
		case 'h':
			cmd_usage(e, text, cmd_import_help);
			return -1;
		default:
			return cmd_usage_error(e, "unknown option");
		}
	}
	if (optind >= argc)
		return cmd_usage_error(e, "no INPUT given");
	if (cmd_rules_check(o) != NULL)
		return cmd_usage_error(e, "%s", cmd_rules_check(o));
	return cmd_import_ready(e, ci);
}
