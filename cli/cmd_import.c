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
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "init.h"
#include "csvread.h"
#include "ingest.h"
#include "outfile.h"
#include "session.h"
#include "status.h"
#include "tags.h"
#include "util.h"
#include "paths.h"

static int cmd_import_exec(int, char **);

const struct cmd_entry cmd_import_entry = {
	"import", "csv --map KEY=COLUMN,... [--roles VALUE=ROLE,...] "
	"[--codes COLUMN=VALUE:TAG,...] [--set KEY=VALUE]... -o DIR INPUT...",
	"turn a CSV of utterances into transcript XML",
	RAPPORT_INIT_XML,
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
	"Metadata of a column is taken from a session's first row that has\n"
	"it. Rows of a session need not be contiguous: the whole CSV is held\n"
	"in memory (a field may be up to 8 MiB). Characters XML 1.0 forbids\n"
	"(control characters other than tab and line breaks, U+FFFE, U+FFFF)\n"
	"are dropped from text and attributes; file names keep letters,\n"
	"digits, '.', '-' and '_' of the session id, other bytes become '_'.\n"
	"A bad row (bad quoting, a NUL byte, invalid UTF-8, a wrong field\n"
	"count, an unknown speaker, a bad time or metadata value) is reported\n"
	"as FILE:LINE: reason and its session is not written (never part of a\n"
	"session); when the row's session cannot be told, or a quote is still\n"
	"open at the end of the file, no session of that file is written.\n"
	"Every file is checked as `rapport validate` would before it is\n"
	"renamed into place.\n"
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
	size_t	 file;		/* which INPUT it came from */
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
	size_t		 file;			/* the INPUT being read */
	ingest_schema	*schema;		/* NULL: semantic checks only */
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
	if ((tag = tags_lookup(colon + 1, strlen(colon + 1))) < 0)
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

/* Report FILE:LINE: message; the session sess (unless (size_t)-1) is not
 * written. */
static void row_error(struct import *, const char *, long, size_t,
    const char *, ...) __attribute__((format(printf, 5, 6)));

static void
row_error(struct import *im, const char *shown, long line, size_t sess,
    const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s:%ld: ", shown, line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
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
	char *on;
	strbuf b = { 0 };

	vocab = tags_all(&nv);
	on = xcalloc(nv, 1);
	for (size_t i = 0; i < im->ncodes; i++) {
		char *v = token(f[im->codes[i].col]);

		if (strcmp(v, im->codes[i].value) == 0)
			on[im->codes[i].tag] = 1;
		free(v);
	}
	for (size_t t = 0; t < nv; t++) {
		int child = 0;

		if (!on[t])
			continue;
		for (size_t k = 0; k < nv; k++)
			child |= on[k] && vocab[k].parent == (int)t;
		if (child)
			continue;
		strbuf_adds(&b, b.len ? " " : "");
		strbuf_adds(&b, vocab[t].name);
	}
	free(on);
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

/* Why value v cannot be metadata key k of the schema, or NULL when it can. */
static const char *
meta_problem(int k, const char *v)
{
	const char *p = v;
	size_t run = 0;		/* letters of the current subtag */
	int nonzero = 0, later = 0;

	switch (k) {
	case K_DATE:
		return session_valid_date(v) ? NULL : "is not a date of the "
		    "form YYYY-MM-DD";
	case K_MODALITY:
		return strcmp(v, "in-person") == 0 || strcmp(v, "video") == 0 ||
		    strcmp(v, "phone") == 0 ? NULL : "is not one of in-person, "
		    "video, phone";
	case K_NUMBER:
		for (; *p >= '0' && *p <= '9'; p++)
			nonzero |= *p != '0';
		return *p == '\0' && nonzero ? NULL : "is not a session "
		    "number (1, 2, ...)";
	case K_LANGUAGE:
		/* xs:language: [a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})* */
		for (; *p != '\0'; p++) {
			int alpha = (*p >= 'a' && *p <= 'z') ||
			    (*p >= 'A' && *p <= 'Z');
			int digit = *p >= '0' && *p <= '9';

			if (*p == '-' && run > 0 && p[1] != '\0') {
				run = 0;
				later = 1;	/* digits allowed from here */
			} else if ((alpha || (later && digit)) && ++run <= 8)
				continue;
			else
				return "is not a language tag (en, en-GB)";
		}
		return run > 0 ? NULL : "is not a language tag (en, en-GB)";
	default:
		return NULL;
	}
}

/* The session of a malformed record, when its session column was read
 * (the value may still be off when the field count is wrong: that only
 * holds back one more session); (size_t)-1 when it cannot be told. */
static size_t
bad_record_session(struct import *im, char **f, size_t n)
{
	char *sid;
	size_t s = (size_t)-1;

	if (im->col[K_SESSION] < 0 || (size_t)im->col[K_SESSION] >= n)
		return s;
	sid = token(f[im->col[K_SESSION]]);
	if (*sid != '\0')
		s = find_session(im, sid);
	free(sid);
	return s;
}

static const char unknown_session[] = " (the record's session is unknown: "
    "no session of this file is written)";

/* Read one CSV into im. Returns -1 when the file is unusable. */
static int
read_csv(struct import *im, const char *path)
{
	const char *shown = strcmp(path, "-") == 0 ? "<stdin>" : path;
	csvread *r;
	char **f, *why = NULL;
	size_t n, nhead = 0;
	long line;
	int rc, poisoned = 0;

	if ((r = csvread_open(path, shown, &why)) == NULL) {
		fprintf(stderr, "%s\n", why);
		free(why);
		return -1;
	}
	if ((rc = csvread_next(r, &f, &n, &line, &why)) != 1) {
		if (rc < 0)
			fprintf(stderr, "%s (in the header line)\n", why);
		else
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
			size_t bs = bad_record_session(im, f, n);

			/* why is FILE:LINE: reason already. */
			fprintf(stderr, "%s%s\n", why, bs == (size_t)-1 ?
			    unknown_session : "");
			if (bs != (size_t)-1)
				im->s[bs].bad = 1;
			poisoned |= bs == (size_t)-1;
			im->errors++;
			free(why);
			why = NULL;
			continue;
		}
		if (n == 1 && f[0][0] == '\0')
			continue;	/* a blank line */
		if (n != nhead) {
			s = bad_record_session(im, f, n);
			row_error(im, shown, line, s, "%zu fields, the header "
			    "has %zu%s", n, nhead, s == (size_t)-1 ?
			    unknown_session : "");
			poisoned |= s == (size_t)-1;
			continue;
		}
		sid = token(f[im->col[K_SESSION]]);
		if (*sid == '\0') {
			row_error(im, shown, line, (size_t)-1, "empty session "
			    "id%s", unknown_session);
			free(sid);
			poisoned = 1;
			continue;
		}
		s = find_session(im, sid);
		free(sid);
		for (int k = FIRST_META; k < NKEYS; k++) {
			const char *bad;

			if (im->col[k] < 0 || im->s[s].meta[k] != NULL)
				continue;
			im->s[s].meta[k] = token(f[im->col[k]]);
			if (*im->s[s].meta[k] == '\0') {
				free(im->s[s].meta[k]);
				im->s[s].meta[k] = NULL;
				continue;
			}
			if ((bad = meta_problem(k, im->s[s].meta[k])) != NULL)
				row_error(im, shown, line, s, "%s '%s' %s",
				    key_names[k], im->s[s].meta[k], bad);
		}
		im->rows = xgrow(im->rows, &im->rowcap, im->nrows + 1,
		    sizeof(*im->rows));
		w = &im->rows[im->nrows];
		memset(w, 0, sizeof(*w));
		w->session = s;
		w->seq = im->nrows++;
		w->file = im->file;
		w->line = line;
		w->order = 0;
		if (im->col[K_ORDER] >= 0) {
			char *end;

			w->order = strtod(f[im->col[K_ORDER]], &end);
			if (end == f[im->col[K_ORDER]] || *end != '\0' ||
			    w->order != w->order)
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
	if (csvread_truncated(r)) {
		poisoned = 1;
		fprintf(stderr, "%s: the unterminated quote hides the rest of "
		    "the file: no session of this file is written\n", shown);
	}
	if (poisoned)
		for (size_t i = 0; i < im->nrows; i++)
			if (im->rows[i].file == im->file)
				im->s[im->rows[i].session].bad = 1;
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
}

/* Read back the file f as `rapport validate` would: the importer's own
 * output must pass, and a session it cannot write correctly is refused
 * here rather than by the analyses later. Returns 0 when it passes. */
static int
self_check(const struct import *im, const struct sess *s, outfile *f)
{
	const struct diag *d;
	char *why = NULL;
	session *out = NULL;
	ingest *in;
	size_t nd;
	int r, bad = 0;

	if ((in = ingest_open(outfile_tmppath(f), s->id, im->schema,
	    &why)) == NULL) {
		fprintf(stderr, "rapport import: session '%s' not written: %s\n",
		    s->id, why);
		free(why);
		return -1;
	}
	r = ingest_next(in, &out);
	d = ingest_diags(in, &nd);
	for (size_t i = 0; i < nd; i++)
		if (d[i].severity == DIAG_ERROR) {
			fprintf(stderr, "rapport import: session '%s' not "
			    "written: its XML fails validation at line %ld: "
			    "%s\n", s->id, d[i].line, d[i].msg);
			bad = 1;
		}
	session_free(out);
	ingest_close(in);
	return r == 1 && !bad ? 0 : -1;
}

/* Write every good session. Returns the number written; *utts gets the
 * number of their utterances, *rejected the number of sessions refused. */
static size_t
write_sessions(struct import *im, size_t *utts, size_t *rejected)
{
	strbuf b = { 0 };
	size_t written = 0, i = 0, j;
	strset names = { 0 };

	if (im->nrows > 1)
		qsort(im->rows, im->nrows, sizeof(*im->rows), cmp_row);
	/* The rows are sorted by session: rows[i..j) are session si's. */
	for (size_t si = 0; si < im->ns; si++, i = j) {
		const struct sess *s = &im->s[si];
		char *name = NULL, *why = NULL;
		outfile *f = NULL;

		for (j = i; j < im->nrows && im->rows[j].session == si; j++)
			;
		if (s->bad) {
			fprintf(stderr, "rapport import: session '%s' not "
			    "written: it has bad rows\n", s->id);
			(*rejected)++;
			continue;
		}
		if (i == j)
			continue;	/* cannot be: a session comes with a row */
		if (meta(im, s, K_CLINICIAN) == NULL) {
			fprintf(stderr, "rapport import: session '%s' not "
			    "written: no clinician (its %s column is empty)\n",
			    s->id, im->map[K_CLINICIAN]);
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
		render(im, si, im->rows + i, j - i, &b);
		if ((f = outfile_open(im->outdir, name, &why)) == NULL ||
		    fwrite(b.s, 1, b.len, outfile_stream(f)) != b.len ||
		    outfile_finish(f, &why) != 0) {
			fprintf(stderr, "rapport import: %s\n", why ? why :
			    "write error");
			(*rejected)++;
		} else if (self_check(im, s, f) != 0)
			(*rejected)++;
		else if (outfile_commit(f, &why) != 0) {
			fprintf(stderr, "rapport import: %s\n", why);
			(*rejected)++;
		} else {
			f = NULL;	/* committed: nothing to abort */
			written++;
			*utts += j - i;
		}
		free(why);
		outfile_abort(f);
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
	ingest_schema_free(im->schema);
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
			if (*im->set[k] == '\0' ||
			    meta_problem(k, im->set[k]) != NULL)
				return cmd_usage_error(e, "bad --set '%s': %s",
				    optarg, *im->set[k] == '\0' ? "empty value" :
				    meta_problem(k, im->set[k]));
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
	size_t written, utts = 0, rejected = 0, bad_inputs = 0;
	char *why = NULL, *path;
	int rc;

	if ((rc = parse_options(&im, argc, argv)) != 0) {
		import_free(&im);
		return rc < 0 ? EXIT_ALL_OK : rc;
	}
	path = paths_schema(NULL);
	if ((im.schema = ingest_schema_load(path, &why)) == NULL) {
		fprintf(stderr, "rapport import: warning: %s: output checked "
		    "without the schema\n", why);
		free(why);
		why = NULL;
	}
	free(path);
	for (int i = optind; i < argc; i++, im.file++)
		if (read_csv(&im, argv[i]) != 0)
			bad_inputs++;
	if (outfile_mkdirs(im.outdir, &why) != 0) {
		fprintf(stderr, "rapport import: %s\n", why);
		free(why);
		import_free(&im);
		return EXIT_NOTHING;
	}
	written = write_sessions(&im, &utts, &rejected);
	fprintf(stderr, "rapport import: %zu session%s, %zu utterance%s -> "
	    "%s/; %zu session%s rejected, %zu problem%s\n", written,
	    written == 1 ? "" : "s", utts, utts == 1 ? "" : "s",
	    im.outdir, rejected, rejected == 1 ? "" : "s",
	    im.errors + bad_inputs, im.errors + bad_inputs == 1 ? "" : "s");
	import_free(&im);
	if (written == 0)
		return EXIT_NOTHING;
	return rejected > 0 || bad_inputs > 0 || im.errors > 0 ?
	    EXIT_SOME_REJECTED : EXIT_ALL_OK;
}
