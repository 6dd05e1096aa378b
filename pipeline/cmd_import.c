/* cmd_import.c -- `rapport import csv`: utterance CSV to transcript XML.
 *
 * One row per utterance; --map names the columns, --roles maps speaker
 * values to roles, --codes maps label columns to tags of the vocabulary
 * (written to u@codes, for `rapport agree`), --set gives metadata the CSV
 * lacks. Rows are grouped by session (they need not be contiguous),
 * sorted by the order column, and each session is written as
 * DIR/<session>.xml through outfile.h. A malformed row is reported as
 * FILE:LINE: reason and its session is not written (never a partial
 * session); the other sessions are.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "csvread.h"
#include "outfile.h"
#include "session.h"
#include "status.h"
#include "tags.h"
#include "util.h"

static int cmd_import_exec(int, char **);

const struct cmd_entry cmd_import_entry = {
	"import", "csv --map KEY=COLUMN,... [--roles VALUE=ROLE,...] "
	"[--codes COLUMN=VALUE:TAG,...] [--set KEY=VALUE]... -o DIR INPUT...",
	"turn a CSV of utterances into transcript XML",
	cmd_import_exec
};

static const char options_text[] =
	"Options:\n"
	"  --map KEY=COLUMN,...   which CSV column holds what. Required: session,\n"
	"                         speaker, text. Optional: order (sort a session's\n"
	"                         rows by it), time and end (seconds or HH:MM:SS),\n"
	"                         and the metadata keys below\n"
	"  --roles VALUE=ROLE,... the role of each speaker value: therapist,\n"
	"                         client, caregiver, family, interpreter, other\n"
	"                         (default: a value that is itself a role)\n"
	"  --codes COLUMN=VALUE:TAG,...\n"
	"                         human codes: when COLUMN holds VALUE the\n"
	"                         utterance gets TAG (a tag of the vocabulary)\n"
	"  --set KEY=VALUE        metadata for every session: clinician, cohort,\n"
	"                         discipline, client, age-group, date, modality,\n"
	"                         number, language (--map KEY=COLUMN takes it\n"
	"                         from the session's first row instead)\n"
	"  -o, --output DIR       write DIR/<session>.xml (required)\n"
	"  -h, --help             show this help\n\n"
	"Only FORMAT csv is supported; vtt, trs, tei and eaf are not yet.\n"
	"A clinician is required (--set clinician=ID or --map clinician=COL).\n"
	"The whole CSV is held in memory. Characters XML 1.0 forbids (control\n"
	"characters other than tab and line breaks) are dropped from text.\n"
	"A bad row (unknown speaker, wrong field count, bad time) is reported\n"
	"as FILE:LINE: reason and its session is not written.\n"
	"Exit status: 0 every session written, 1 some rejected, 2 usage error,\n"
	"3 nothing written.\n";

/* The keys --map and --set know. */
enum key { K_SESSION, K_ORDER, K_SPEAKER, K_TEXT, K_TIME, K_END,
	K_CLINICIAN, K_COHORT, K_DISCIPLINE, K_CLIENT, K_AGE, K_DATE,
	K_MODALITY, K_NUMBER, K_LANGUAGE, NKEYS };
static const char *const key_names[NKEYS] = { "session", "order",
	"speaker", "text", "time", "end", "clinician", "cohort", "discipline",
	"client", "age-group", "date", "modality", "number", "language" };
#define FIRST_META K_CLINICIAN

struct code_map {
	char	*column, *value;
	int	 tag;
	long	 col;		/* index in the CSV */
};

struct role_map {
	char	*value;
	int	 role;
};

struct row {
	size_t	 session;
	double	 order;
	size_t	 seq;		/* row number, for a stable sort */
	long	 line;
	char	*speaker, *text, *time, *end, *codes;
};

struct sess {
	char	*id;
	char	*meta[NKEYS];	/* from the first row, for mapped keys */
	int	 bad;
};

struct import {
	char		*map[NKEYS];		/* column names */
	long		 col[NKEYS];		/* indices, -1 unmapped */
	char		*set[NKEYS];		/* --set values */
	struct role_map	*roles;
	size_t		 nroles, rcap;
	struct code_map	*codes;
	size_t		 ncodes, ccap;
	const char	*outdir;
	struct sess	*s;
	size_t		 ns, scap;
	struct row	*rows;
	size_t		 nrows, rowcap;
	size_t		 errors;
};

static int
key_index(const char *name)
{
	for (int i = 0; i < NKEYS; i++)
		if (strcmp(key_names[i], name) == 0)
			return i;
	return -1;
}

/* Split "a=b,c=d" into pairs and call fn on each; -1 on a bad item. */
static int
each_pair(char *list, int (*fn)(struct import *, char *, char *),
    struct import *im)
{
	char *save = NULL;

	for (char *it = strtok_r(list, ",", &save); it != NULL;
	    it = strtok_r(NULL, ",", &save)) {
		char *eq = strchr(it, '=');

		if (eq == NULL || eq == it || eq[1] == '\0')
			return -1;
		*eq = '\0';
		if (fn(im, it, eq + 1) != 0)
			return -1;
	}
	return 0;
}

static int
add_map(struct import *im, char *key, char *column)
{
	int k = key_index(key);

	if (k < 0)
		return -1;
	free(im->map[k]);
	im->map[k] = xstrdup(column);
	return 0;
}

static int
add_role(struct import *im, char *value, char *role)
{
	int r = session_role_parse(role);

	if (r < 0)
		return -1;
	im->roles = xgrow(im->roles, &im->rcap, im->nroles + 1,
	    sizeof(*im->roles));
	im->roles[im->nroles++] = (struct role_map){ xstrdup(value), r };
	return 0;
}

static int
add_code(struct import *im, char *column, char *value_tag)
{
	char *colon = strrchr(value_tag, ':');
	int tag;

	if (colon == NULL || colon[1] == '\0')
		return -1;
	*colon = '\0';
	if ((tag = tags_index(colon + 1, strlen(colon + 1))) < 0)
		return -1;
	im->codes = xgrow(im->codes, &im->ccap, im->ncodes + 1,
	    sizeof(*im->codes));
	im->codes[im->ncodes++] = (struct code_map){ xstrdup(column),
	    xstrdup(value_tag), tag, -1 };
	return 0;
}

/* An id fit for an XSD token: trimmed, inner white space single spaces. */
static char *
token(const char *s)
{
	strbuf b = { 0 };
	int space = 0;

	for (; *s != '\0'; s++) {
		if (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n') {
			space = b.len > 0;
			continue;
		}
		if (space)
			strbuf_addc(&b, ' ');
		space = 0;
		strbuf_addc(&b, *s);
	}
	return b.s != NULL ? strbuf_release(&b) : xstrdup("");
}

/* Append s as XML text (attr: also escape quotes); drop characters XML
 * 1.0 forbids. */
static void
xml_text(strbuf *b, const char *s, int attr)
{
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '&')
			strbuf_adds(b, "&amp;");
		else if (c == '<')
			strbuf_adds(b, "&lt;");
		else if (c == '>')
			strbuf_adds(b, "&gt;");
		else if (attr && c == '"')
			strbuf_adds(b, "&quot;");
		else if (attr && (c == '\n' || c == '\r' || c == '\t'))
			strbuf_addf(b, "&#%d;", c);
		else if (c < 0x20 && c != '\n' && c != '\r' && c != '\t')
			continue;
		else if (c == 0xEF && (unsigned char)s[1] == 0xBF &&
		    ((unsigned char)s[2] == 0xBE || (unsigned char)s[2] == 0xBF))
			s += 2;		/* U+FFFE, U+FFFF */
		else
			strbuf_addc(b, (char)c);
	}
}

static size_t
find_session(struct import *im, const char *id)
{
	/* Rows of a session are usually together: look at the last first. */
	if (im->ns > 0 && strcmp(im->s[im->ns - 1].id, id) == 0)
		return im->ns - 1;
	for (size_t i = 0; i < im->ns; i++)
		if (strcmp(im->s[i].id, id) == 0)
			return i;
	im->s = xgrow(im->s, &im->scap, im->ns + 1, sizeof(*im->s));
	memset(&im->s[im->ns], 0, sizeof(*im->s));
	im->s[im->ns].id = xstrdup(id);
	return im->ns++;
}

static void
row_error(struct import *im, const char *shown, long line, size_t sess,
    const char *fmt, const char *arg)
{
	fprintf(stderr, "%s:%ld: ", shown, line);
	fprintf(stderr, fmt, arg);
	fputc('\n', stderr);
	if (sess != (size_t)-1)
		im->s[sess].bad = 1;
	im->errors++;
}

static int
known_role(struct import *im, const char *value)
{
	for (size_t i = 0; i < im->nroles; i++)
		if (strcmp(im->roles[i].value, value) == 0)
			return im->roles[i].role;
	return im->nroles == 0 ? session_role_parse(value) : -1;
}

/* The codes of one row, space-separated, children only when a child and
 * its parent both apply. */
static char *
row_codes(struct import *im, char **f)
{
	const struct tags_entry *vocab;
	size_t nv;
	int on[64] = { 0 };
	strbuf b = { 0 };

	vocab = tags_all(&nv);
	for (size_t i = 0; i < im->ncodes; i++) {
		char *v = token(f[im->codes[i].col]);

		if (strcmp(v, im->codes[i].value) == 0)
			on[im->codes[i].tag] = 1;
		free(v);
	}
	for (size_t t = 0; t < nv && t < 64; t++) {
		int child = 0;

		if (!on[t])
			continue;
		for (size_t k = 0; k < nv && k < 64; k++)
			child |= on[k] && vocab[k].parent != NULL &&
			    strcmp(vocab[k].parent, vocab[t].name) == 0;
		if (child)
			continue;
		strbuf_adds(&b, b.len ? " " : "");
		strbuf_adds(&b, vocab[t].name);
	}
	return b.s != NULL ? strbuf_release(&b) : NULL;
}

static long
column_of(char **f, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(f[i], name) == 0)
			return (long)i;
	return -1;
}

/* Read one CSV into im. Returns -1 when the file is unusable. */
static int
read_csv(struct import *im, const char *path)
{
	const char *shown = strcmp(path, "-") == 0 ? "<stdin>" : path;
	csvread *r;
	char **f, *why = NULL;
	size_t n, nhead = 0;
	long line;
	int rc;

	if ((r = csvread_open(path, shown, &why)) == NULL) {
		fprintf(stderr, "%s\n", why);
		free(why);
		return -1;
	}
	if ((rc = csvread_next(r, &f, &n, &line, &why)) != 1) {
		fprintf(stderr, "%s\n", rc < 0 ? why : "");
		if (rc == 0)
			fprintf(stderr, "%s:1: empty file: no header line\n",
			    shown);
		free(why);
		csvread_close(r);
		return -1;
	}
	nhead = n;
	for (int k = 0; k < NKEYS; k++) {
		im->col[k] = -1;
		if (im->map[k] != NULL &&
		    (im->col[k] = column_of(f, n, im->map[k])) < 0) {
			fprintf(stderr, "%s:%ld: no column '%s' (from --map "
			    "%s=%s)\n", shown, line, im->map[k], key_names[k],
			    im->map[k]);
			csvread_close(r);
			return -1;
		}
	}
	for (size_t i = 0; i < im->ncodes; i++)
		if ((im->codes[i].col = column_of(f, n, im->codes[i].column)) <
		    0) {
			fprintf(stderr, "%s:%ld: no column '%s' (from --codes)\n",
			    shown, line, im->codes[i].column);
			csvread_close(r);
			return -1;
		}
	while ((rc = csvread_next(r, &f, &n, &line, &why)) != 0) {
		struct row *w;
		size_t s;
		char *sid;

		if (rc < 0) {
			/* The record's session cannot be known: it is skipped,
			 * said here, and the exit status is 1. */
			fprintf(stderr, "%s (record skipped)\n", why);
			im->errors++;
			free(why);
			why = NULL;
			continue;
		}
		if (n == 1 && f[0][0] == '\0')
			continue;	/* a blank line */
		if (n != nhead) {
			char buf[64];

			snprintf(buf, sizeof(buf), "%zu fields, the header has "
			    "%zu", n, nhead);
			row_error(im, shown, line, (size_t)-1, "%s", buf);
			continue;
		}
		sid = token(f[im->col[K_SESSION]]);
		if (*sid == '\0') {
			row_error(im, shown, line, (size_t)-1, "empty session "
			    "id%s", "");
			free(sid);
			continue;
		}
		s = find_session(im, sid);
		free(sid);
		for (int k = FIRST_META; k < NKEYS; k++)
			if (im->col[k] >= 0 && im->s[s].meta[k] == NULL &&
			    *f[im->col[k]] != '\0')
				im->s[s].meta[k] = token(f[im->col[k]]);
		im->rows = xgrow(im->rows, &im->rowcap, im->nrows + 1,
		    sizeof(*im->rows));
		w = &im->rows[im->nrows];
		memset(w, 0, sizeof(*w));
		w->session = s;
		w->seq = im->nrows++;
		w->line = line;
		w->order = 0;
		if (im->col[K_ORDER] >= 0) {
			char *end;

			w->order = strtod(f[im->col[K_ORDER]], &end);
			if (end == f[im->col[K_ORDER]] || *end != '\0')
				row_error(im, shown, line, s, "order '%s' is not "
				    "a number", f[im->col[K_ORDER]]);
		}
		w->speaker = token(f[im->col[K_SPEAKER]]);
		if (known_role(im, w->speaker) < 0)
			row_error(im, shown, line, s, "unknown speaker '%s' "
			    "(map it with --roles)", w->speaker);
		w->text = xstrdup(f[im->col[K_TEXT]]);
		for (int k = K_TIME; k <= K_END; k++) {
			char *v;
			double t;

			if (im->col[k] < 0)
				continue;
			v = token(f[im->col[k]]);
			if (*v != '\0' && session_parse_time(v, &t) != 0)
				row_error(im, shown, line, s, "'%s' is not a "
				    "time (seconds or HH:MM:SS)", v);
			if (*v == '\0') {
				free(v);
				v = NULL;
			}
			if (k == K_TIME)
				w->time = v;
			else
				w->end = v;
		}
		w->codes = row_codes(im, f);
	}
	csvread_close(r);
	return 0;
}

static int
cmp_row(const void *x, const void *y)
{
	const struct row *a = x, *b = y;

	if (a->session != b->session)
		return a->session < b->session ? -1 : 1;
	if (a->order != b->order)
		return a->order < b->order ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* The value of metadata key k for session s: mapped, else --set. */
static const char *
meta(const struct import *im, const struct sess *s, int k)
{
	return s->meta[k] != NULL ? s->meta[k] : im->set[k];
}

static void
attr(strbuf *b, const char *name, const char *value)
{
	if (value == NULL)
		return;
	strbuf_addf(b, " %s=\"", name);
	xml_text(b, value, 1);
	strbuf_addc(b, '"');
}

/* A file name for a session id: letters, digits, ".", "-" and "_". */
static char *
file_name(const char *id)
{
	strbuf b = { 0 };

	for (const char *p = id; *p != '\0'; p++)
		strbuf_addc(&b, (*p >= 'a' && *p <= 'z') || (*p >= 'A' &&
		    *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '-' ||
		    *p == '_' || (*p == '.' && p != id) ? *p : '_');
	strbuf_adds(&b, ".xml");
	return strbuf_release(&b);
}

static void
render(const struct import *im, size_t si, const struct row *rows,
    size_t n, strbuf *b)
{
	const struct sess *s = &im->s[si];
	char **spk = xcalloc(n + 1, sizeof(*spk));
	size_t nspk = 0;

	strbuf_adds(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<session");
	attr(b, "id", s->id);
	attr(b, "date", meta(im, s, K_DATE));
	attr(b, "modality", meta(im, s, K_MODALITY));
	attr(b, "number", meta(im, s, K_NUMBER));
	attr(b, "language", meta(im, s, K_LANGUAGE));
	strbuf_adds(b, ">\n  <clinician");
	attr(b, "id", meta(im, s, K_CLINICIAN));
	attr(b, "cohort", meta(im, s, K_COHORT));
	attr(b, "discipline", meta(im, s, K_DISCIPLINE));
	strbuf_adds(b, "/>\n");
	if (meta(im, s, K_CLIENT) != NULL || meta(im, s, K_AGE) != NULL) {
		strbuf_adds(b, "  <client");
		attr(b, "id", meta(im, s, K_CLIENT));
		attr(b, "age-group", meta(im, s, K_AGE));
		strbuf_adds(b, "/>\n");
	}
	strbuf_adds(b, "  <speakers>\n");
	for (size_t i = 0; i < n; i++) {
		size_t k;

		for (k = 0; k < nspk; k++)
			if (strcmp(spk[k], rows[i].speaker) == 0)
				break;
		if (k < nspk)
			continue;
		spk[nspk++] = rows[i].speaker;
		strbuf_adds(b, "    <speaker");
		attr(b, "id", rows[i].speaker);
		attr(b, "role", session_role_name(known_role(
		    (struct import *)im, rows[i].speaker)));
		strbuf_adds(b, "/>\n");
	}
	strbuf_adds(b, "  </speakers>\n  <transcript>\n");
	for (size_t i = 0; i < n; i++) {
		strbuf_adds(b, "    <u");
		attr(b, "who", rows[i].speaker);
		attr(b, "start", rows[i].time);
		attr(b, "end", rows[i].end);
		attr(b, "codes", rows[i].codes);
		strbuf_addc(b, '>');
		xml_text(b, rows[i].text, 0);
		strbuf_adds(b, "</u>\n");
	}
	strbuf_adds(b, "  </transcript>\n</session>\n");
	free(spk);
	(void)si;
}

/* Write every good session. Returns the number written. */
static size_t
write_sessions(struct import *im, size_t *rejected)
{
	strbuf b = { 0 };
	size_t written = 0;
	strset names = { 0 };

	if (im->nrows > 1)
		qsort(im->rows, im->nrows, sizeof(*im->rows), cmp_row);
	for (size_t i = 0, j; i < im->nrows; i = j) {
		const struct sess *s = &im->s[im->rows[i].session];
		char *name, *why = NULL;
		outfile *f;

		for (j = i; j < im->nrows &&
		    im->rows[j].session == im->rows[i].session; j++)
			;
		if (s->bad) {
			fprintf(stderr, "rapport import: session '%s' not "
			    "written: it has bad rows\n", s->id);
			(*rejected)++;
			continue;
		}
		if (meta(im, s, K_CLINICIAN) == NULL) {
			fprintf(stderr, "%s: session '%s' not written: no "
			    "clinician (its first row's %s column is empty)\n",
			    "rapport import", s->id, im->map[K_CLINICIAN]);
			(*rejected)++;
			continue;
		}
		name = file_name(s->id);
		if (strset_add(&names, name) != 0) {
			fprintf(stderr, "rapport import: session '%s' not "
			    "written: its file name %s is taken by another "
			    "session\n", s->id, name);
			(*rejected)++;
			free(name);
			continue;
		}
		strbuf_reset(&b);
		render(im, im->rows[i].session, im->rows + i, j - i, &b);
		if ((f = outfile_open(im->outdir, name, &why)) == NULL ||
		    fwrite(b.s, 1, b.len, outfile_stream(f)) != b.len ||
		    outfile_finish(f, &why) != 0 || outfile_commit(f, &why) !=
		    0) {
			fprintf(stderr, "rapport import: %s\n", why ? why :
			    "write error");
			free(why);
			if (f != NULL)
				outfile_abort(f);
			(*rejected)++;
		} else
			written++;
		free(name);
	}
	strbuf_free(&b);
	strset_free(&names);
	return written;
}

static void
import_free(struct import *im)
{
	for (int k = 0; k < NKEYS; k++) {
		free(im->map[k]);
		free(im->set[k]);
	}
	for (size_t i = 0; i < im->nroles; i++)
		free(im->roles[i].value);
	free(im->roles);
	for (size_t i = 0; i < im->ncodes; i++) {
		free(im->codes[i].column);
		free(im->codes[i].value);
	}
	free(im->codes);
	for (size_t i = 0; i < im->ns; i++) {
		free(im->s[i].id);
		for (int k = 0; k < NKEYS; k++)
			free(im->s[i].meta[k]);
	}
	free(im->s);
	for (size_t i = 0; i < im->nrows; i++) {
		free(im->rows[i].speaker);
		free(im->rows[i].text);
		free(im->rows[i].time);
		free(im->rows[i].end);
		free(im->rows[i].codes);
	}
	free(im->rows);
}

static int
parse_options(struct import *im, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "map", required_argument, NULL, 'm' },
		{ "roles", required_argument, NULL, 'r' },
		{ "codes", required_argument, NULL, 'c' },
		{ "set", required_argument, NULL, 's' },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const struct cmd_entry *e = &cmd_import_entry;
	int c, k;
	char *copy, *eq;

	optind = 1;
	while ((c = getopt_long(argc, argv, "o:h", longopts, NULL)) != -1) {
		int bad = 0;

		switch (c) {
		case 'm':
		case 'r':
		case 'c':
			copy = xstrdup(optarg);
			bad = each_pair(copy, c == 'm' ? add_map : c == 'r' ?
			    add_role : add_code, im) != 0;
			free(copy);
			if (bad)
				return cmd_usage_error(e, "bad --%s '%s': %s",
				    c == 'm' ? "map" : c == 'r' ? "roles" :
				    "codes", optarg, c == 'm' ? "want KEY=COLUMN,"
				    "... with KEY one of session, order, speaker, "
				    "text, time, end or a metadata key" : c == 'r' ?
				    "want VALUE=ROLE,... with a role of DESIGN.md "
				    "(therapist, client, caregiver, family, "
				    "interpreter, other)" : "want COLUMN=VALUE:TAG,"
				    "... with a tag of the vocabulary");
			break;
		case 's':
			eq = strchr(optarg, '=');
			if (eq == NULL || eq == optarg || eq[1] == '\0')
				return cmd_usage_error(e, "bad --set '%s': want "
				    "KEY=VALUE", optarg);
			*eq = '\0';
			k = key_index(optarg);
			*eq = '=';
			if (k < FIRST_META)
				return cmd_usage_error(e, "bad --set '%s': KEY "
				    "is one of clinician, cohort, discipline, "
				    "client, age-group, date, modality, number, "
				    "language", optarg);
			free(im->set[k]);
			im->set[k] = token(eq + 1);
			break;
		case 'o':
			im->outdir = optarg;
			break;
		case 'h':
			cmd_usage(e, options_text);
			return -1;
		default:
			return cmd_usage_error(e, "unknown option");
		}
	}
	if (optind >= argc)
		return cmd_usage_error(e, "no FORMAT given (csv)");
	if (strcmp(argv[optind], "csv") != 0)
		return cmd_usage_error(e, "FORMAT '%s' is not supported yet: "
		    "only csv is", argv[optind]);
	if (++optind >= argc)
		return cmd_usage_error(e, "no INPUT given");
	if (im->outdir == NULL)
		return cmd_usage_error(e, "no -o DIR given");
	for (k = K_SESSION; k <= K_TEXT; k++)
		if (k != K_ORDER && im->map[k] == NULL)
			return cmd_usage_error(e, "--map needs %s=COLUMN",
			    key_names[k]);
	if (im->map[K_CLINICIAN] == NULL && im->set[K_CLINICIAN] == NULL)
		return cmd_usage_error(e, "no clinician: give --set "
		    "clinician=ID or --map clinician=COLUMN");
	return 0;
}

static int
cmd_import_exec(int argc, char **argv)
{
	struct import im = { 0 };
	size_t written, rejected = 0, bad_inputs = 0;
	char *why = NULL;
	int rc;

	if ((rc = parse_options(&im, argc, argv)) != 0) {
		import_free(&im);
		return rc < 0 ? EXIT_ALL_OK : rc;
	}
	for (int i = optind; i < argc; i++)
		if (read_csv(&im, argv[i]) != 0)
			bad_inputs++;
	if (outfile_mkdirs(im.outdir, &why) != 0) {
		fprintf(stderr, "rapport import: %s\n", why);
		free(why);
		import_free(&im);
		return EXIT_NOTHING;
	}
	written = write_sessions(&im, &rejected);
	fprintf(stderr, "rapport import: %zu session%s, %zu utterance%s -> "
	    "%s/; %zu session%s rejected, %zu problem%s\n", written,
	    written == 1 ? "" : "s", im.nrows, im.nrows == 1 ? "" : "s",
	    im.outdir, rejected, rejected == 1 ? "" : "s",
	    im.errors + bad_inputs, im.errors + bad_inputs == 1 ? "" : "s");
	import_free(&im);
	if (written == 0)
		return EXIT_NOTHING;
	return rejected > 0 || bad_inputs > 0 || im.errors > 0 ?
	    EXIT_SOME_REJECTED : EXIT_ALL_OK;
}
