/* csv.c -- the CSV importer: one utterance per row (csv.h).
 *
 * Rows are grouped by session (they need not be contiguous; a hash of the
 * session ids keeps that linear in the number of rows), sorted by the
 * order column when there is one (stably: rows with equal order keep the
 * file's order), and each session becomes one doc. A malformed row rejects
 * its session, never part of one; a row whose session cannot be told, or
 * a quote still open at the end of the file, rejects the whole file.
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "csv.h"
#include "csvread.h"
#include "import.h"
#include "session.h"
#include "tags.h"
#include "util.h"

static const char *const key_names[CSV_NKEYS] = { "session", "order",
	"speaker", "text", "start", "end", "date", "modality", "number",
	"language", "clinician", "cohort", "discipline", "client",
	"age-group" };

/* Header names taken for a key that --map does not name, lower case. */
static const char *const synonyms[CSV_NKEYS][8] = {
	[CSV_SESSION] = { "session", "session_id", "transcript_id",
	    "conversation_id", "dialog_id", "dialogue_id" },
	[CSV_ORDER] = { "order", "utterance_id", "turn", "turn_idx",
	    "turn_id", "index", "seq" },
	[CSV_SPEAKER] = { "speaker", "interlocutor", "who", "role",
	    "participant", "speaker_name" },
	[CSV_TEXT] = { "text", "utterance", "utterance_text", "transcript",
	    "content", "message" },
	[CSV_START] = { "start", "time", "timestamp", "begin", "start_time" },
	[CSV_END] = { "end", "stop", "end_time" },
	[CSV_DATE] = { "date", "session_date" },
	[CSV_MODALITY] = { "modality" },
	[CSV_NUMBER] = { "number", "session_number" },
	[CSV_LANGUAGE] = { "language" },
	[CSV_CLINICIAN] = { "clinician", "clinician_id", "therapist_id" },
	[CSV_COHORT] = { "cohort" },
	[CSV_DISCIPLINE] = { "discipline" },
	[CSV_CLIENT] = { "client", "client_id" },
	[CSV_AGE_GROUP] = { "age-group", "age_group" },
};

/* The import_key of a metadata key of this table. */
static int
import_key(int k)
{
	return k >= CSV_DATE ? IMPORT_DATE + (k - CSV_DATE) : -1;
}

/* --- options --- */

/* Call fn on each "a=b" item of the comma-separated list. */
static int
each_pair(struct import_csv_opts *o, const char *arg, const char *what,
    int (*fn)(struct import_csv_opts *, char *, char *, char **),
    char **why)
{
	char *copy = xstrdup(arg), *save = NULL;
	int rc = 0;

	for (char *it = strtok_r(copy, ",", &save); it != NULL && rc == 0;
	    it = strtok_r(NULL, ",", &save)) {
		char *eq = strchr(it, '=');

		if (eq == NULL || eq == it || eq[1] == '\0') {
			*why = xasprintf("'%s' is not %s", it, what);
			rc = -1;
			break;
		}
		*eq = '\0';
		rc = fn(o, it, eq + 1, why);
	}
	free(copy);
	return rc;
}

static int
add_map(struct import_csv_opts *o, char *key, char *column, char **why)
{
	if (strcmp(key, "time") == 0)
		key = "start";
	for (int k = 0; k < CSV_NKEYS; k++)
		if (strcmp(key_names[k], key) == 0) {
			free(o->map[k]);
			o->map[k] = xstrdup(column);
			return 0;
		}
	*why = xasprintf("'%s' is not a key of --map (session, order, "
	    "speaker, text, start, end, or a metadata key)", key);
	return -1;
}

int
csv_opt_map(struct import_csv_opts *o, const char *arg, char **why)
{
	return each_pair(o, arg, "KEY=COLUMN", add_map, why);
}

static int
add_code(struct import_csv_opts *o, char *column, char *value_tag,
    char **why)
{
	char *colon = strrchr(value_tag, ':');
	int tag;

	if (colon == NULL || colon[1] == '\0') {
		*why = xasprintf("'%s' is not VALUE:TAG", value_tag);
		return -1;
	}
	*colon = '\0';
	if ((tag = tags_lookup(colon + 1, strlen(colon + 1))) < 0) {
		*why = xasprintf("'%s' is not a tag of the vocabulary",
		    colon + 1);
		return -1;
	}
	o->codes = xgrow(o->codes, &o->codes_cap, o->ncodes + 1,
	    sizeof(*o->codes));
	o->codes[o->ncodes++] = (struct csv_code){ xstrdup(column),
	    xstrdup(value_tag), tag };
	return 0;
}

int
csv_opt_codes(struct import_csv_opts *o, const char *arg, char **why)
{
	return each_pair(o, arg, "COLUMN=VALUE:TAG", add_code, why);
}

static int
add_measure(struct import_csv_opts *o, char *name, char *column, char **why)
{
	for (const char *p = name; *p != '\0'; p++)
		if (*p == ' ' || *p == '\t') {
			*why = xasprintf("measure name '%s' has white space",
			    name);
			return -1;
		}
	o->measures = xgrow(o->measures, &o->measures_cap, o->nmeasures + 1,
	    sizeof(*o->measures));
	o->measures[o->nmeasures++] = (struct csv_measure){ xstrdup(name),
	    xstrdup(column) };
	return 0;
}

int
csv_opt_measure(struct import_csv_opts *o, const char *arg, char **why)
{
	return each_pair(o, arg, "NAME=COLUMN", add_measure, why);
}

int
csv_opt_delimiter(struct import_csv_opts *o, const char *arg, char **why)
{
	if (strcmp(arg, "tab") == 0 || strcmp(arg, "\\t") == 0)
		o->delimiter = '\t';
	else if (strlen(arg) == 1 && arg[0] != '"' && arg[0] != '\n' &&
	    arg[0] != '\r')
		o->delimiter = (unsigned char)arg[0];
	else {
		*why = xasprintf("--delimiter takes one character (or tab), "
		    "not '%s'", arg);
		return -1;
	}
	return 0;
}

void
csv_opts_free(struct import_csv_opts *o)
{
	for (int k = 0; k < CSV_NKEYS; k++)
		free(o->map[k]);
	for (size_t i = 0; i < o->ncodes; i++) {
		free(o->codes[i].column);
		free(o->codes[i].value);
	}
	free(o->codes);
	for (size_t i = 0; i < o->nmeasures; i++) {
		free(o->measures[i].name);
		free(o->measures[i].column);
	}
	free(o->measures);
	memset(o, 0, sizeof(*o));
}

/* --- reading --- */

struct row {
	size_t	 session;
	double	 order;
	size_t	 seq;
	long	 line;
	char	*speaker, *text, *codes;
	double	 start, end;
	long	 scol;		/* column of the speaker, for messages */
};

struct sess {
	struct import_doc	*doc;
	char			*id;
	int			 meta_seen[CSV_NKEYS];
	int			*measure_seen;
};

struct reader {
	const struct import_csv_opts	*o;
	long				 col[CSV_NKEYS];	/* -1: none */
	long				*code_col;
	long				*measure_col;
	struct import_docs		*out;
	struct sess			*s;
	size_t				 ns, scap;
	strmap				 ids;	/* session id -> index */
	struct row			*rows;
	size_t				 nrows, rcap;
};

/* The session with id, made (with its doc) when new. */
static size_t
session_of(struct reader *rd, const char *id, long line)
{
	long k = strmap_get(&rd->ids, id);
	struct sess *s;

	if (k >= 0)
		return (size_t)k;
	rd->s = xgrow(rd->s, &rd->scap, rd->ns + 1, sizeof(*rd->s));
	s = &rd->s[rd->ns];
	memset(s, 0, sizeof(*s));
	s->id = xstrdup(id);
	s->doc = import_doc_create(rd->out);
	s->doc->line = line;
	if (*id != '\0')
		import_doc_meta(s->doc, IMPORT_ID, id, strlen(id));
	s->measure_seen = xcalloc(rd->o->nmeasures + 1, sizeof(int));
	strmap_add(&rd->ids, s->id, rd->ns);
	return rd->ns++;
}

/* Reject session si with a message at line:col. */
static void
bad(struct reader *rd, size_t si, long line, long col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

static void
bad(struct reader *rd, size_t si, long line, long col, const char *fmt, ...)
{
	struct import_doc *doc = rd->s[si].doc;
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	diags_error(&doc->diags, line, col, "%s", msg);
	free(msg);
	doc->bad = 1;
}

static long
find_column(char **f, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(f[i], name) == 0)
			return (long)i;
	for (size_t i = 0; i < n; i++)
		if (strcasecmp(f[i], name) == 0)
			return (long)i;
	return -1;
}

/* Find every column; -1 (with an error in d) when a mapped or required
 * one is missing. */
static int
header(struct reader *rd, char **f, size_t n, long line, struct diags *d)
{
	const struct import_csv_opts *o = rd->o;
	int rc = 0;

	for (int k = 0; k < CSV_NKEYS; k++) {
		rd->col[k] = -1;
		if (o != NULL && o->map[k] != NULL) {
			if ((rd->col[k] = find_column(f, n, o->map[k])) < 0) {
				diags_error(d, line, 0, "no column '%s' (from "
				    "--map %s=%s)", o->map[k], key_names[k],
				    o->map[k]);
				rc = -1;
			}
			continue;
		}
		for (int j = 0; j < 8 && synonyms[k][j] != NULL &&
		    rd->col[k] < 0; j++)
			rd->col[k] = find_column(f, n, synonyms[k][j]);
	}
	for (int k = CSV_SPEAKER; k <= CSV_TEXT; k++)
		if (rd->col[k] < 0 && (o == NULL || o->map[k] == NULL)) {
			diags_error(d, line, 0, "no %s column: name it with --map "
			    "%s=COLUMN (the header has: %s%s)", key_names[k],
			    key_names[k], f[0], n > 1 ? ", ..." : "");
			rc = -1;
		}
	rd->code_col = xcalloc(o != NULL ? o->ncodes + 1 : 1, sizeof(long));
	for (size_t i = 0; o != NULL && i < o->ncodes; i++)
		if ((rd->code_col[i] = find_column(f, n, o->codes[i].column)) <
		    0) {
			diags_error(d, line, 0, "no column '%s' (from --codes)",
			    o->codes[i].column);
			rc = -1;
		}
	rd->measure_col = xcalloc(o != NULL ? o->nmeasures + 1 : 1,
	    sizeof(long));
	for (size_t i = 0; o != NULL && i < o->nmeasures; i++)
		if ((rd->measure_col[i] = find_column(f, n,
		    o->measures[i].column)) < 0) {
			diags_error(d, line, 0, "no column '%s' (from --measure "
			    "%s=%s)", o->measures[i].column,
			    o->measures[i].name, o->measures[i].column);
			rc = -1;
		}
	return rc;
}

/* The codes of a row, children only when a child and its parent both
 * apply (the parent is implied). */
static char *
row_codes(const struct reader *rd, char **f)
{
	const struct import_csv_opts *o = rd->o;
	char on[TAG_COUNT] = { 0 };
	strbuf b = { 0 };

	for (size_t i = 0; o != NULL && i < o->ncodes; i++) {
		const char *v = f[rd->code_col[i]];
		size_t n = strlen(v);

		while (n > 0 && v[n - 1] == ' ')
			n--;
		while (*v == ' ')
			v++, n--;
		if (strlen(o->codes[i].value) == n &&
		    strncmp(v, o->codes[i].value, n) == 0)
			on[o->codes[i].tag] = 1;
	}
	for (int t = 0; t < TAG_COUNT; t++) {
		int child = 0;

		if (!on[t])
			continue;
		for (int k = 0; k < TAG_COUNT; k++)
			child |= on[k] && tags_parent(k) == t;
		if (child)
			continue;
		strbuf_adds(&b, b.len ? " " : "");
		strbuf_adds(&b, tags_name(t));
	}
	return b.s != NULL ? strbuf_release(&b) : NULL;
}

/* One good record. */
static void
record(struct reader *rd, char **f, long line)
{
	const struct import_csv_opts *o = rd->o;
	struct sess *s;
	struct row *w;
	size_t si;

	si = session_of(rd, rd->col[CSV_SESSION] >= 0 ?
	    f[rd->col[CSV_SESSION]] : "", line);
	s = &rd->s[si];
	for (int k = CSV_DATE; k < CSV_NKEYS; k++)
		if (rd->col[k] >= 0 && !s->meta_seen[k] &&
		    f[rd->col[k]][0] != '\0') {
			import_doc_meta(s->doc, import_key(k), f[rd->col[k]],
			    strlen(f[rd->col[k]]));
			s->meta_seen[k] = 1;
		}
	for (size_t i = 0; o != NULL && i < o->nmeasures; i++) {
		const char *v = f[rd->measure_col[i]];
		char *end;
		double x;

		if (s->measure_seen[i] || *v == '\0')
			continue;
		s->measure_seen[i] = 1;
		errno = 0;
		x = strtod(v, &end);
		if (end == v || *end != '\0' || !isfinite(x) || errno != 0)
			bad(rd, si, line, rd->measure_col[i] + 1, "%s '%s' is "
			    "not a number", o->measures[i].column, v);
		else
			import_doc_measure(s->doc, o->measures[i].name, x);
	}
	rd->rows = xgrow(rd->rows, &rd->rcap, rd->nrows + 1, sizeof(*rd->rows));
	w = &rd->rows[rd->nrows];
	memset(w, 0, sizeof(*w));
	w->session = si;
	w->seq = rd->nrows++;
	w->line = line;
	w->start = w->end = NAN;
	if (rd->col[CSV_ORDER] >= 0) {
		const char *v = f[rd->col[CSV_ORDER]];
		char *end;

		w->order = strtod(v, &end);
		if (end == v || *end != '\0' || isnan(w->order))
			bad(rd, si, line, rd->col[CSV_ORDER] + 1, "order '%s' is "
			    "not a number", v);
	}
	w->speaker = xstrdup(f[rd->col[CSV_SPEAKER]]);
	w->scol = rd->col[CSV_SPEAKER] + 1;
	if (w->speaker[strspn(w->speaker, " \t")] == '\0')
		bad(rd, si, line, w->scol, "empty speaker");
	w->text = xstrdup(f[rd->col[CSV_TEXT]]);
	for (int k = CSV_START; k <= CSV_END; k++) {
		const char *v;
		double t;

		if (rd->col[k] < 0 || *(v = f[rd->col[k]]) == '\0')
			continue;
		if (session_parse_time(v, &t) != 0)
			bad(rd, si, line, rd->col[k] + 1, "%s '%s' is not a time "
			    "(seconds or HH:MM:SS)", key_names[k], v);
		else if (k == CSV_START)
			w->start = t;
		else
			w->end = t;
	}
	w->codes = row_codes(rd, f);
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

/* Turn the sorted rows into each session's turns. */
static void
turns(struct reader *rd)
{
	if (rd->nrows > 1)
		qsort(rd->rows, rd->nrows, sizeof(*rd->rows), cmp_row);
	for (size_t i = 0; i < rd->nrows; i++) {
		struct row *w = &rd->rows[i];
		struct import_doc *doc = rd->s[w->session].doc;
		size_t spk;
		long t;

		if (doc->bad)
			continue;
		spk = import_doc_speaker(doc, w->speaker, strlen(w->speaker),
		    w->line, w->scol);
		if (doc->speakers[spk].role < 0)
			doc->speakers[spk].role = import_role_word(w->speaker,
			    strlen(w->speaker));
		t = import_doc_turn(doc, spk, w->start, w->end, w->text,
		    strlen(w->text), w->line, 1);
		if (t >= 0 && w->codes != NULL)
			doc->turns[t].codes = arena_strdup(doc->arena, w->codes);
	}
}

static void
reader_free(struct reader *rd)
{
	for (size_t i = 0; i < rd->ns; i++) {
		free(rd->s[i].id);
		free(rd->s[i].measure_seen);
	}
	free(rd->s);
	strmap_free(&rd->ids);
	for (size_t i = 0; i < rd->nrows; i++) {
		free(rd->rows[i].speaker);
		free(rd->rows[i].text);
		free(rd->rows[i].codes);
	}
	free(rd->rows);
	free(rd->code_col);
	free(rd->measure_col);
}

/* The reason of a csvread message "SHOWN:LINE: reason"; *line gets its
 * LINE (the physical line of the problem) when there is one. */
static const char *
reason(const char *why, const char *shown, long *line)
{
	size_t n = strlen(shown);
	const char *p = why;

	if (strncmp(why, shown, n) == 0 && why[n] == ':') {
		long l = 0;

		p = why + n + 1;
		while (*p >= '0' && *p <= '9')
			l = l * 10 + (*p++ - '0');
		if (p[0] == ':' && p[1] == ' ') {
			if (l > 0)
				*line = l;
			return p + 2;
		}
	}
	return why;
}

static int
csv_parse(const struct import_src *src, struct import_docs *out,
    struct diags *d)
{
	struct reader rd = { 0 };
	csvread *r;
	char **f, *why = NULL;
	size_t n, nhead;
	long line;
	int rc, poisoned = 0;

	rd.o = src->csv;
	rd.out = out;
	if ((r = csvread_open_mem(src->data, src->len, src->display)) ==
	    NULL) {
		diags_error(d, 0, 0, "cannot read the CSV from memory");
		return -1;
	}
	csvread_set_delimiter(r, src->csv != NULL && src->csv->delimiter ?
	    src->csv->delimiter : csvread_sniff_delimiter(src->data,
	    src->len));
	if ((rc = csvread_next(r, &f, &n, &line, &why)) != 1) {
		diags_error(d, 1, 0, "%s", rc < 0 ? reason(why, src->display,
		    &line) : "empty file: no header line");
		free(why);
		csvread_close(r);
		return -1;
	}
	nhead = n;
	if (header(&rd, f, n, line, d) != 0) {
		csvread_close(r);
		reader_free(&rd);
		return -1;
	}
	while ((rc = csvread_next(r, &f, &n, &line, &why)) != 0) {
		if (rc < 0 || n != nhead) {
			long at = line;
			const char *msg = rc < 0 ? reason(why, src->display,
			    &at) : NULL;
			char *count = NULL;
			long sc = rd.col[CSV_SESSION];

			if (msg == NULL)
				msg = count = xasprintf("%zu fields, the header "
				    "has %zu", n, nhead);
			if (sc < 0 || (size_t)sc >= n ||
			    f[sc][0] == '\0') {
				/* Cannot tell whose row it is. */
				diags_error(d, at, 0, "%s (the record's "
				    "session is unknown: no session of this "
				    "file is written)", msg);
				poisoned = 1;
			} else
				bad(&rd, session_of(&rd, f[sc], line), at, 0,
				    "%s", msg);
			free(count);
			free(why);
			why = NULL;
			continue;
		}
		if (n == 1 && f[0][0] == '\0')
			continue;	/* a blank line */
		if (rd.col[CSV_SESSION] >= 0 &&
		    f[rd.col[CSV_SESSION]][strspn(f[rd.col[CSV_SESSION]],
		    " \t")] == '\0') {
			diags_error(d, line, rd.col[CSV_SESSION] + 1, "empty "
			    "session id (no session of this file is written)");
			poisoned = 1;
			continue;
		}
		record(&rd, f, line);
	}
	if (csvread_truncated(r)) {
		diags_error(d, line, 0, "a quote is still open at the end of the "
		    "file: it hides the rest (no session of this file is "
		    "written)");
		poisoned = 1;
	}
	csvread_close(r);
	if (!poisoned)
		turns(&rd);
	reader_free(&rd);
	if (poisoned)
		return -1;
	if (out->n == 0) {
		diags_error(d, 2, 0, "no rows: the CSV has a header only");
		return -1;
	}
	return 0;
}

/* A CSV whose header names a speaker and a text column reads like one. */
static int
csv_sniff(const char *data, size_t len)
{
	const char *nl = memchr(data, '\n', len);
	size_t n = nl != NULL ? (size_t)(nl - data) : len;
	char *head = xstrndup(data, n > 4096 ? 4096 : n);
	int speaker = 0, text = 0;

	for (char *p = head; *p != '\0'; p++)
		*p = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
	for (int j = 0; j < 8; j++) {
		speaker |= synonyms[CSV_SPEAKER][j] != NULL &&
		    strstr(head, synonyms[CSV_SPEAKER][j]) != NULL;
		text |= synonyms[CSV_TEXT][j] != NULL &&
		    strstr(head, synonyms[CSV_TEXT][j]) != NULL;
	}
	free(head);
	return speaker && text ? 1 : 0;
}

const struct import_format import_format_csv = {
	"csv", "csv tsv", "CSV, one utterance per row", 0, csv_sniff,
	csv_parse
};
