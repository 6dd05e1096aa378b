/* cmd_import.c -- `rapport import`: transcripts of any format as our XML.
 *
 * Every input is read the one way rapport reads transcripts (ingest.h:
 * the format told from the file or named, an importer for formats other
 * than ours, the import options for roles and metadata), and each session
 * is written as DIR/<session>.xml by the one session-to-XML writer
 * (xmlwrite.h), checked against the schema as `rapport validate` would,
 * then renamed into place (outfile.h). A bad input or session is reported
 * as FILE:LINE:COL: reason and not written; the others are.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cmd.h"
#include "diag.h"
#include "import.h"
#include "ingest.h"
#include "init.h"
#include "inputs.h"
#include "outfile.h"
#include "paths.h"
#include "status.h"
#include "util.h"
#include "xmlwrite.h"

static int cmd_import_exec(int, char **);

const struct cmd_entry cmd_import_entry = {
	"import", "[FORMAT] [options] -o DIR INPUT...",
	"write transcripts of any format as transcript XML",
	RAPPORT_INIT_XML,
	cmd_import_exec
};

static const char options_text[] =
	"FORMAT is one of xml, vtt, srt, eaf, cha, trs, tei, txt, docx, csv;\n"
	"without it each file's format is told from its name and content\n"
	"(as `rapport run` does). Each session is written as DIR/<id>.xml,\n"
	"speakers with pseudonymous ids (T1, C1, ...), and checked against\n"
	"the transcript schema before it is renamed into place.\n\n"
	"Options:\n"
	"  -o, --output DIR   write DIR/<session>.xml (required)\n"
	"  -h, --help         show this help\n";

struct importer {
	const char	*outdir;
	ingest_schema	*schema;
	strset		 names;		/* file names written */
	size_t		 written, utts, rejected, problems;
};

/* Write session s; 0, or -1 when it was refused. */
static int
write_session(struct importer *im, const char *shown, const session *s)
{
	struct diags d = { 0 };
	char *name = xmlwrite_file_name(s->id), *why = NULL;
	strbuf b = { 0 };
	outfile *f = NULL;
	int rc = -1;

	if (strset_add(&im->names, name) != 0) {
		diags_error(&d, s->line, 0, "session '%s' not written: its "
		    "file name %s is taken by another session", s->id, name);
		goto out;
	}
	if (im->schema != NULL && ingest_check_session(im->schema, s, &d) != 0)
		goto out;
	xmlwrite_session(&b, s);
	if ((f = outfile_open(im->outdir, name, &why)) == NULL ||
	    fwrite(b.s, 1, b.len, outfile_stream(f)) != b.len ||
	    outfile_finish(f, &why) != 0 || outfile_commit(f, &why) != 0) {
		diags_error(&d, s->line, 0, "session '%s' not written: %s",
		    s->id, why != NULL ? why : "write error");
		goto out;
	}
	f = NULL;	/* committed */
	rc = 0;
out:
	for (size_t i = 0; i < d.n; i++)
		diag_print(stderr, shown, &d.v[i]);
	im->problems += d.n;
	outfile_abort(f);
	diags_free(&d);
	strbuf_free(&b);
	free(why);
	free(name);
	return rc;
}

/* Every session of one input. */
static void
import_input(struct importer *im, const struct inputs_item *it,
    const struct import_opts *io)
{
	const char *shown = strcmp(it->path, "-") == 0 ? "<stdin>" : it->path;
	const struct diag *d;
	char *why = NULL;
	session *s;
	ingest *in;
	size_t nd;
	int r;

	if (it->why != NULL || (in = ingest_open(it->path, shown, NULL, io,
	    &why)) == NULL) {
		struct diag g = { DIAG_ERROR, 0, 0, (char *)(it->why != NULL ?
		    it->why : why) };

		diag_print(stderr, shown, &g);
		free(why);
		im->rejected++;
		im->problems++;
		return;
	}
	do {
		r = ingest_next(in, &s);
		d = ingest_diags(in, &nd);
		for (size_t i = 0; i < nd; i++)
			diag_print(stderr, shown, &d[i]);
		im->problems += nd;
		if (r == 1) {
			if (write_session(im, shown, s) == 0) {
				im->written++;
				im->utts += s->nutts;
			} else
				im->rejected++;
		} else if (r == 2 || r < 0)
			im->rejected++;
		session_free(s);
	} while (r > 0);
	ingest_close(in);
}

static int
parse_options(struct importer *im, struct cmd_import *ci, int argc,
    char **argv)
{
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		CMD_IMPORT_LONGOPTS,
		{ NULL, 0, NULL, 0 }
	};
	const struct cmd_entry *e = &cmd_import_entry;
	struct stat st;
	int c, r;

	optind = 1;
	while ((c = getopt_long(argc, argv, "o:h", longopts, NULL)) != -1) {
		if ((r = cmd_import_option(e, ci, c, optarg)) != 0) {
			if (r < 0)
				return EXIT_USAGE;
			continue;
		}
		switch (c) {
		case 'o':
			im->outdir = optarg;
			break;
		case 'h':
			cmd_usage(e, options_text, cmd_import_help);
			return -1;
		default:
			return cmd_usage_error(e, "unknown option");
		}
	}
	/* A first word that names a format (and is not a file) is one. */
	if (optind < argc && stat(argv[optind], &st) != 0 &&
	    (strcmp(argv[optind], "xml") == 0 ||
	    import_format_find(argv[optind]) != NULL)) {
		if ((r = cmd_import_option(e, ci, CMD_OPT_FORMAT,
		    argv[optind])) < 0)
			return EXIT_USAGE;
		optind++;
	}
	if (optind >= argc)
		return cmd_usage_error(e, "no INPUT given");
	if (im->outdir == NULL || *im->outdir == '\0')
		return cmd_usage_error(e, "no -o DIR given");
	return cmd_import_ready(e, ci);
}

static int
cmd_import_exec(int argc, char **argv)
{
	struct importer im = { 0 };
	struct cmd_import ci;
	struct inputs inputs = { 0 };
	char *why = NULL, *path;
	int rc;

	cmd_import_init(&ci);
	if ((rc = parse_options(&im, &ci, argc, argv)) != 0) {
		cmd_import_free(&ci);
		return rc < 0 ? EXIT_ALL_OK : rc;
	}
	path = paths_schema(NULL);
	if ((im.schema = ingest_schema_load(path, &why)) == NULL) {
		fprintf(stderr, "rapport import: warning: %s: sessions are "
		    "checked without the schema\n", why);
		free(why);
		why = NULL;
	}
	free(path);
	inputs_expand(&inputs, argv + optind, argc - optind);
	inputs_skip(&inputs, ci.meta_path);
	if (outfile_mkdirs(im.outdir, &why) != 0) {
		fprintf(stderr, "rapport import: %s\n", why);
		free(why);
		rc = EXIT_NOTHING;
		goto out;
	}
	for (size_t i = 0; i < inputs.n; i++)
		import_input(&im, &inputs.v[i], &ci.io);
	fprintf(stderr, "rapport import: %zu session%s, %zu utterance%s -> "
	    "%s/; %zu rejected, %zu problem%s\n", im.written,
	    im.written == 1 ? "" : "s", im.utts, im.utts == 1 ? "" : "s",
	    im.outdir, im.rejected, im.problems, im.problems == 1 ? "" : "s");
	rc = im.written == 0 ? EXIT_NOTHING : im.rejected > 0 ?
	    EXIT_SOME_REJECTED : EXIT_ALL_OK;
out:
	inputs_free(&inputs);
	strset_free(&im.names);
	ingest_schema_free(im.schema);
	cmd_import_free(&ci);
	return rc;
}
