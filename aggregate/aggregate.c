/* aggregate.c -- corpus statistics from the session rows (aggregate.h).
 *
 * Formulas and their sources are in aggregate/stats.c and
 * docs/statistics.md; this file only groups the rows and writes the
 * results in a fixed order (clinicians, cohorts and measures sorted by
 * name, indicators in sessions.csv order), so the output is
 * deterministic.
 *
 * The rows are not held in memory: aggregate_add() appends each to a
 * private temporary SQLite database on disk (sqlite3_open_v2 with an
 * empty name: "a private, temporary on-disk database ... automatically
 * deleted as soon as the database connection is closed",
 * https://sqlite.org/inmemorydb.html), with a small page cache. The
 * statistics then read it back in ordered passes: a clinician's sessions
 * at a time (ORDER BY clinician, date, input order), a cohort month's,
 * and, for the corpus-wide statistics that need every value at once (the
 * median's sort, ICC(1), Spearman's ranks, the SVD of the regression),
 * one indicator column at a time. Each statistic receives exactly the
 * values, in exactly the order, it received when the rows were held in
 * arrays, so every number (and every floating-point rounding) is the
 * same as before.
 *
 * The indicator values travel as a BLOB of doubles, not as REAL columns:
 * SQLite stores NaN as NULL and may store an integral REAL as an integer
 * (https://sqlite.org/datatype3.html, "REAL affinity"), which would turn
 * -0.0 into 0; a BLOB keeps every bit.
 */
#include "config.h"

#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "aggregate.h"
#include "indicators.h"
#include "fmt.h"
#include "lag.h"
#include "session.h"
#include "stats.h"

/* Sessions in the latest window of a trainee, for "below threshold in
 * their latest sessions" (issue 6): the last three. */
#define LATEST_SESSIONS 3

/* The page cache of the row store, in KiB (PRAGMA cache_size = -N):
 * enough for the B-tree's inner pages, small beside the rest of a run. */
#define STORE_CACHE_KIB 2048

/* MITI 4.2.1 proficiency of a mean (thresholds in indicators.c). */
static const char *
proficiency(const struct indicator *in, double mean)
{
	if (!isfinite(mean) || !indicators_has_thresholds(in))
		return NULL;
	return mean >= in->good ? "good" : mean >= in->fair ? "fair" : "below";
}

enum { META_CLINICIAN = 1, META_COHORT = 3, META_DATE = 4, META_MODALITY = 5 };

/* A session measure of a row: name indexes aggregate.mnames. */
struct mvalue {
	size_t	 name;
	double	 v;
};

struct aggregate {
	const struct indicator *cols;
	size_t		 ncols;
	sqlite3		*db;		/* the row store */
	sqlite3_stmt	*ins, *has, *get;
	char		*error;		/* the store's first error */
	size_t		 n;
	char	       **mnames;	/* session measure names, in order seen */
	size_t		 nm, mcap;
	unsigned long	*lag;
	size_t		 lagrows, lagcols;
	struct agree_total agree;
	/* The row aggregate_session() returned last. */
	char		*rmeta[MEASURE_NMETA];
	double		*rv;
	struct mvalue	*rmv;
	size_t		 rmvcap;
};

/* The columns of every SELECT of rows (row_read()). */
#define ROW_COLS "seq, session, clinician, client, cohort, date, modality, " \
	"number, v, mv"
/* The order of a clinician's sessions: by date, dateless ones last, ties
 * in input order. */
#define CLIN_ORDER "clinician, day IS NULL, day, seq"

static void
store_error(aggregate *a, const char *what)
{
	if (a->error == NULL)
		a->error = xasprintf("temporary row store: %s: %s", what,
		    a->db != NULL ? sqlite3_errmsg(a->db) : "out of memory");
}

static sqlite3_stmt *
prepare(aggregate *a, const char *sql)
{
	sqlite3_stmt *st = NULL;

	if (a->error == NULL && sqlite3_prepare_v2(a->db, sql, -1, &st,
	    NULL) != SQLITE_OK) {
		store_error(a, "prepare");
		sqlite3_finalize(st);
		st = NULL;
	}
	return st;
}

/* Step st; 1 for a row, 0 at the end, -1 on an error (recorded). */
static int
step(aggregate *a, sqlite3_stmt *st)
{
	int rc;

	if (st == NULL)
		return -1;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	store_error(a, "read");
	return -1;
}

aggregate *
aggregate_create(void)
{
	aggregate *a = xcalloc(1, sizeof(*a));
	char sql[512];

	a->cols = indicators_all(&a->ncols);
	lag_dims(&a->lagrows, &a->lagcols);
	a->lag = xcalloc(a->lagrows * a->lagcols, sizeof(*a->lag));
	a->rv = xcalloc(a->ncols + 1, sizeof(*a->rv));
	snprintf(sql, sizeof(sql), "PRAGMA journal_mode = OFF; "
	    "PRAGMA synchronous = OFF; PRAGMA temp_store = FILE; "
	    "PRAGMA cache_size = -%d; BEGIN; "
	    "CREATE TABLE s (seq INTEGER PRIMARY KEY, session TEXT UNIQUE, "
	    "clinician TEXT, client TEXT, cohort TEXT, date TEXT, "
	    "modality TEXT, number TEXT, day REAL, v BLOB, mv BLOB, "
	    "ap BLOB);",
	    STORE_CACHE_KIB);
	if (sqlite3_open_v2("", &a->db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
		store_error(a, "open");
	else if (sqlite3_exec(a->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		store_error(a, "create");
	a->ins = prepare(a, "INSERT INTO s VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
	    "?, ?, ?, ?)");
	a->has = prepare(a, "SELECT 1 FROM s WHERE session = ?");
	a->get = prepare(a, "SELECT " ROW_COLS " FROM s WHERE seq = ?");
	return a;
}

const char *
aggregate_error(const aggregate *a)
{
	return a->error;
}

int
aggregate_contains(aggregate *a, const char *session_id)
{
	int rc;

	if (a->has == NULL || session_id == NULL)
		return 0;
	sqlite3_bind_text(a->has, 1, session_id, -1, SQLITE_STATIC);
	rc = step(a, a->has);
	sqlite3_reset(a->has);
	return rc == 1;
}

static void
bind_text_or_null(sqlite3_stmt *st, int i, const char *s)
{
	if (s != NULL)
		sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

void
aggregate_add(aggregate *a, const struct measure_row *row,
    const unsigned long *lag, const struct agree_counts *ac)
{
	struct mvalue *mv = xcalloc(row->nmeasures + 1, sizeof(*mv));
	double day = session_date_days(row->meta[META_DATE]);
	unsigned long *ap = NULL;
	size_t nap = 0;

	/* A coded session's agreement pairs (analyzer and human counts per
	 * tag) wait in the store for the ICC(2,1) at the end; the additive
	 * counts are summed here. */
	if (ac != NULL && ac->coded) {
		nap = 2 * ac->ntags;
		ap = xcalloc(nap + 1, sizeof(*ap));
		memcpy(ap, ac->machine, ac->ntags * sizeof(*ap));
		memcpy(ap + ac->ntags, ac->human, ac->ntags * sizeof(*ap));
	}

	for (size_t i = 0; i < row->nmeasures; i++) {
		size_t k;

		for (k = 0; k < a->nm; k++)
			if (strcmp(a->mnames[k], row->mnames[i]) == 0)
				break;
		if (k == a->nm) {
			a->mnames = xgrow(a->mnames, &a->mcap, a->nm + 1,
			    sizeof(*a->mnames));
			a->mnames[a->nm++] = xstrdup(row->mnames[i]);
		}
		mv[i] = (struct mvalue){ k, row->mvalues[i] };
	}
	if (a->ins != NULL) {
		sqlite3_bind_int64(a->ins, 1, (sqlite3_int64)a->n);
		for (int i = 0; i < MEASURE_NMETA; i++)
			bind_text_or_null(a->ins, i + 2, row->meta[i]);
		if (isfinite(day))
			sqlite3_bind_double(a->ins, MEASURE_NMETA + 2, day);
		else
			sqlite3_bind_null(a->ins, MEASURE_NMETA + 2);
		sqlite3_bind_blob(a->ins, MEASURE_NMETA + 3, row->v,
		    (int)(a->ncols * sizeof(*row->v)), SQLITE_STATIC);
		sqlite3_bind_blob(a->ins, MEASURE_NMETA + 4, mv,
		    (int)(row->nmeasures * sizeof(*mv)), SQLITE_STATIC);
		if (ap != NULL)
			sqlite3_bind_blob(a->ins, MEASURE_NMETA + 5, ap,
			    (int)(nap * sizeof(*ap)), SQLITE_STATIC);
		else
			sqlite3_bind_null(a->ins, MEASURE_NMETA + 5);
		if (sqlite3_step(a->ins) != SQLITE_DONE)
			store_error(a, "write");
		sqlite3_reset(a->ins);
		sqlite3_clear_bindings(a->ins);
	}
	free(mv);
	free(ap);
	for (size_t i = 0; lag != NULL && i < a->lagrows * a->lagcols; i++)
		a->lag[i] += lag[i];
	if (ac != NULL)
		agree_total_count(&a->agree, ac);
	a->n++;
}

/* --- rows read back --- */

struct sess {
	/* The metadata of the row, in measure.h's order: session,
	 * clinician, client, cohort, date, modality, number. */
	char	*meta[MEASURE_NMETA];
	double	 day;		/* days since 1970-01-01; NaN without date */
	size_t	 cl;		/* index into the sorted clinicians */
};

/* Rows of one group (a clinician's, a cohort month's) in memory. */
struct rows {
	struct sess	*s;
	size_t		 n, cap;
	double		*v;		/* n x ncols */
	size_t		 vcap;
};

static char *
column_text(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	return t != NULL ? xstrdup((const char *)t) : NULL;
}

/* Indicator c of the row at st (the blob of column 8), exactly as
 * added. */
static double
row_value(const aggregate *a, sqlite3_stmt *st, size_t c)
{
	const double *v = sqlite3_column_blob(st, 8);
	double x;

	if (v == NULL || (size_t)sqlite3_column_bytes(st, 8) !=
	    a->ncols * sizeof(double))
		return NAN;
	memcpy(&x, (const char *)v + c * sizeof(double), sizeof(x));
	return x;
}

static void
rows_clear(struct rows *r)
{
	for (size_t i = 0; i < r->n; i++)
		for (size_t k = 0; k < MEASURE_NMETA; k++)
			free(r->s[i].meta[k]);
	r->n = 0;
}

static void
rows_free(struct rows *r)
{
	rows_clear(r);
	free(r->s);
	free(r->v);
	memset(r, 0, sizeof(*r));
}

static size_t find(const char *const *v, size_t n, const char *s);

/* Append the row at st (ROW_COLS) to r; cl from the clinician names. */
static void
rows_push(const aggregate *a, struct rows *r, sqlite3_stmt *st,
    const char *const *cl, size_t ncl)
{
	struct sess *s;
	const void *blob;

	r->s = xgrow(r->s, &r->cap, r->n + 1, sizeof(*r->s));
	r->v = xgrow(r->v, &r->vcap, (r->n + 1) * a->ncols, sizeof(*r->v));
	s = &r->s[r->n];
	for (int i = 0; i < MEASURE_NMETA; i++)
		s->meta[i] = column_text(st, i + 1);
	s->day = session_date_days(s->meta[META_DATE]);
	s->cl = find(cl, ncl, s->meta[META_CLINICIAN]);
	blob = sqlite3_column_blob(st, 8);
	if (blob != NULL && (size_t)sqlite3_column_bytes(st, 8) ==
	    a->ncols * sizeof(double))
		memcpy(r->v + r->n * a->ncols, blob, a->ncols * sizeof(double));
	else
		for (size_t c = 0; c < a->ncols; c++)
			r->v[r->n * a->ncols + c] = NAN;
	r->n++;
}

/* --- grouping --- */

struct names {
	char	**v;
	size_t	  n;
};

static int
cmp_str(const void *x, const void *y)
{
	return strcmp(*(char *const *)x, *(char *const *)y);
}

/* The distinct values of the SQL query (one TEXT column, sorted by
 * SQLite's BINARY collation, which is memcmp: strcmp's order for
 * strings without NUL, https://sqlite.org/datatype3.html#collation). */
static void
distinct(aggregate *a, const char *sql, const char *bind, struct names *out)
{
	sqlite3_stmt *st = prepare(a, sql);
	size_t cap = 0;

	out->v = NULL;
	out->n = 0;
	if (st != NULL && bind != NULL)
		sqlite3_bind_text(st, 1, bind, -1, SQLITE_STATIC);
	while (step(a, st) == 1) {
		out->v = xgrow(out->v, &cap, out->n + 1, sizeof(*out->v));
		out->v[out->n++] = column_text(st, 0);
	}
	sqlite3_finalize(st);
	if (out->v == NULL)
		out->v = xcalloc(1, sizeof(*out->v));
}

static void
names_free(struct names *nm)
{
	for (size_t i = 0; i < nm->n; i++)
		free(nm->v[i]);
	free(nm->v);
	nm->v = NULL;
	nm->n = 0;
}

static size_t
find(const char *const *v, size_t n, const char *s)
{
	const char *const *p;

	if (s == NULL)
		return (size_t)-1;
	p = bsearch(&s, v, n, sizeof(*v), cmp_str);
	return p ? (size_t)(p - v) : (size_t)-1;
}

/* Indicator column c of the first n rows of r. */
static void
column(const aggregate *a, const struct rows *r, size_t from, size_t n,
    size_t c, double *x, double *t)
{
	for (size_t i = 0; i < n; i++) {
		x[i] = r->v[(from + i) * a->ncols + c];
		if (t != NULL)
			t[i] = r->s[from + i].day;
	}
}

/* --- JSON helpers --- */

static void
jkey(strbuf *b, const char *key)
{
	fmt_json_str(b, key);
	strbuf_adds(b, ": ");
}

static void
jnum(strbuf *b, const char *key, double v, int comma)
{
	if (comma)
		strbuf_adds(b, ", ");
	jkey(b, key);
	fmt_json_num(b, v);
}

static void
jwhy(strbuf *b, const char *why)
{
	if (why != NULL) {
		strbuf_adds(b, ", ");
		jkey(b, "why");
		fmt_json_str(b, why);
	}
}

static void
desc_json(strbuf *b, const struct stats_desc *d)
{
	jnum(b, "n", (double)d->n, 0);
	jnum(b, "mean", d->mean, 1);
	jnum(b, "sd", d->sd, 1);
	jnum(b, "ci_low", d->ci_low, 1);
	jnum(b, "ci_high", d->ci_high, 1);
	jnum(b, "median", d->median, 1);
	jnum(b, "min", d->min, 1);
	jnum(b, "max", d->max, 1);
}

/* --- the outputs --- */

static const char *const clin_cols[] = { "clinician", "indicator", "n",
	"mean", "sd", "ci_low", "ci_high", "median", "slope_per_30d",
	"slope_ci_low", "slope_ci_high", "slope_p", "threshold_fair",
	"threshold_good", "proficiency" };
static const enum table_type clin_types[] = { TABLE_TEXT, TABLE_TEXT,
	TABLE_REAL, TABLE_REAL, TABLE_REAL, TABLE_REAL, TABLE_REAL, TABLE_REAL,
	TABLE_REAL, TABLE_REAL, TABLE_REAL, TABLE_REAL, TABLE_REAL, TABLE_REAL,
	TABLE_TEXT };

static const char *const coh_cols[] = { "cohort", "month", "indicator",
	"sessions", "clinicians", "mean", "sd", "ci_low", "ci_high" };
static const enum table_type coh_types[] = { TABLE_TEXT, TABLE_TEXT,
	TABLE_TEXT, TABLE_REAL, TABLE_REAL, TABLE_REAL, TABLE_REAL, TABLE_REAL,
	TABLE_REAL };

struct work {
	aggregate	*a;
	struct names	 cl, co, mod;
	double		*x, *t;		/* scratch, xcap each */
	size_t		 xcap, tcap;
};

/* Scratch for n values in w->x and w->t. */
static void
scratch(struct work *w, size_t n)
{
	w->x = xgrow(w->x, &w->xcap, n + 1, sizeof(*w->x));
	w->t = xgrow(w->t, &w->tcap, n + 1, sizeof(*w->t));
}

static void
work_init(struct work *w, aggregate *a)
{
	memset(w, 0, sizeof(*w));
	w->a = a;
	distinct(a, "SELECT DISTINCT clinician FROM s WHERE clinician IS NOT "
	    "NULL ORDER BY clinician", NULL, &w->cl);
	distinct(a, "SELECT DISTINCT cohort FROM s WHERE cohort IS NOT NULL "
	    "ORDER BY cohort", NULL, &w->co);
	distinct(a, "SELECT DISTINCT modality FROM s WHERE modality IS NOT "
	    "NULL ORDER BY modality", NULL, &w->mod);
}

static void
work_free(struct work *w)
{
	names_free(&w->cl);
	names_free(&w->co);
	names_free(&w->mod);
	free(w->x);
	free(w->t);
}

#define CL(w)	((const char *const *)(w)->cl.v), (w)->cl.n

/* The indicators block: distribution and therapist-effect ICC(1), over
 * the sessions that have a clinician (all do: it is required), in input
 * order, one indicator column read at a time. */
static void
indicators_json(struct work *w, strbuf *b)
{
	aggregate *a = w->a;
	size_t *group = xcalloc(a->n + 1, sizeof(*group));
	double *x = xcalloc(a->n + 1, sizeof(*x));
	sqlite3_stmt *st = prepare(a, "SELECT " ROW_COLS " FROM s ORDER BY "
	    "seq");

	strbuf_adds(b, ",\n  \"indicators\": {");
	for (size_t c = 0; c < a->ncols; c++) {
		struct stats_desc d;
		struct stats_icc icc;
		size_t n = 0;

		while (step(a, st) == 1 && n < a->n) {
			size_t g = find(CL(w), (const char *)
			    sqlite3_column_text(st, 2));

			if (g == (size_t)-1)
				continue;
			x[n] = row_value(a, st, c);
			group[n++] = g;
		}
		if (st != NULL)
			sqlite3_reset(st);
		stats_describe(x, n, &d);
		stats_icc1(x, group, n, w->cl.n, &icc);
		strbuf_adds(b, c ? ",\n    " : "\n    ");
		jkey(b, a->cols[c].name);
		strbuf_addc(b, '{');
		desc_json(b, &d);
		if (indicators_has_thresholds(&a->cols[c]))
			strbuf_addf(b, ", \"thresholds\": {\"fair\": %g, "
			    "\"good\": %g}", a->cols[c].fair, a->cols[c].good);
		strbuf_adds(b, ", \"icc1\": {");
		jnum(b, "value", icc.value, 0);
		jnum(b, "ci_low", icc.ci_low, 1);
		jnum(b, "ci_high", icc.ci_high, 1);
		jnum(b, "n_clinicians", (double)icc.n_groups, 1);
		jnum(b, "n_sessions", (double)icc.n, 1);
		jwhy(b, icc.why);
		strbuf_adds(b, "}}");
	}
	strbuf_adds(b, "\n  }");
	sqlite3_finalize(st);
	free(group);
	free(x);
}

/* One clinician's rows of clinicians.csv and entry of corpus.json's
 * "clinicians" block; r holds their sessions in CLIN_ORDER. */
static void
clinician_one(struct work *w, size_t c, const struct rows *r,
    struct table *tab, strbuf *b)
{
	const aggregate *a = w->a;
	size_t n = r->n;
	const char *cohort = NULL, *d0 = NULL, *d1 = NULL;
	double *y;

	scratch(w, n);
	y = xcalloc(n + 1, sizeof(*y));
	for (size_t i = 0; i < n; i++) {
		const struct sess *s = &r->s[i];

		if (s->meta[META_COHORT] != NULL && cohort == NULL)
			cohort = s->meta[META_COHORT];
		if (s->meta[META_DATE] != NULL) {
			if (d0 == NULL)
				d0 = s->meta[META_DATE];
			d1 = s->meta[META_DATE];
		}
	}
	strbuf_adds(b, c ? ",\n    " : "\n    ");
	jkey(b, w->cl.v[c]);
	strbuf_adds(b, "{\"cohort\": ");
	fmt_json_str(b, cohort);
	strbuf_addf(b, ", \"n_sessions\": %zu, \"first_date\": ", n);
	fmt_json_str(b, d0);
	strbuf_adds(b, ", \"last_date\": ");
	fmt_json_str(b, d1);
	strbuf_adds(b, ", \"modalities\": {");
	for (size_t m = 0, k = 0; m < w->mod.n; m++) {
		size_t cnt = 0;

		for (size_t i = 0; i < n; i++)
			cnt += r->s[i].meta[META_MODALITY] != NULL &&
			    strcmp(r->s[i].meta[META_MODALITY],
			    w->mod.v[m]) == 0;
		if (cnt == 0)
			continue;
		strbuf_adds(b, k++ ? ", " : "");
		jkey(b, w->mod.v[m]);
		strbuf_addf(b, "%zu", cnt);
	}
	strbuf_adds(b, "},\n      \"indicators\": {");
	for (size_t col = 0; col < a->ncols; col++) {
		const char *name = a->cols[col].name;
		struct stats_desc d;
		struct stats_trend tr;
		const char *prof;

		column(a, r, 0, n, col, w->x, w->t);
		stats_describe(w->x, n, &d);
		stats_trend(w->t, w->x, n, &tr);
		prof = proficiency(&a->cols[col], d.mean);
		table_text(tab, w->cl.v[c]);
		table_text(tab, name);
		table_real(tab, (double)d.n);
		table_real(tab, d.mean);
		table_real(tab, d.sd);
		table_real(tab, d.ci_low);
		table_real(tab, d.ci_high);
		table_real(tab, d.median);
		table_real(tab, tr.slope);
		table_real(tab, tr.ci_low);
		table_real(tab, tr.ci_high);
		table_real(tab, tr.p);
		table_real(tab, a->cols[col].fair);
		table_real(tab, a->cols[col].good);
		table_text(tab, prof);

		strbuf_adds(b, col ? ",\n        " : "\n        ");
		jkey(b, name);
		strbuf_addc(b, '{');
		desc_json(b, &d);
		jnum(b, "slope_per_30d", tr.slope, 1);
		jnum(b, "slope_ci_low", tr.ci_low, 1);
		jnum(b, "slope_ci_high", tr.ci_high, 1);
		jnum(b, "slope_p", tr.p, 1);
		strbuf_adds(b, ", \"proficiency\": ");
		fmt_json_str(b, prof);
		strbuf_adds(b, ", \"by_modality\": {");
		for (size_t m = 0, k = 0; m < w->mod.n; m++) {
			size_t cnt = 0;

			for (size_t i = 0; i < n; i++)
				if (r->s[i].meta[META_MODALITY] != NULL &&
				    strcmp(r->s[i].meta[META_MODALITY],
				    w->mod.v[m]) == 0)
					y[cnt++] = w->x[i];
			if (cnt == 0)
				continue;
			stats_describe(y, cnt, &d);
			strbuf_adds(b, k++ ? ", " : "");
			jkey(b, w->mod.v[m]);
			strbuf_addc(b, '{');
			jnum(b, "n", (double)d.n, 0);
			jnum(b, "mean", d.mean, 1);
			strbuf_addc(b, '}');
		}
		strbuf_adds(b, "}}");
	}
	strbuf_adds(b, "\n      }}");
	free(y);
}

/* Call fn for each clinician's sessions in CLIN_ORDER, one clinician in
 * memory at a time; cohort, when not NULL, keeps only its sessions. */
static void
by_clinician(struct work *w, const char *cohort,
    void (*fn)(struct work *, size_t, const struct rows *, void *),
    void *arg)
{
	aggregate *a = w->a;
	sqlite3_stmt *st = prepare(a, cohort == NULL ?
	    "SELECT " ROW_COLS " FROM s WHERE clinician IS NOT NULL "
	    "ORDER BY " CLIN_ORDER :
	    "SELECT " ROW_COLS " FROM s WHERE clinician IS NOT NULL AND "
	    "cohort = ? ORDER BY " CLIN_ORDER);
	struct rows r = { 0 };
	size_t cur = (size_t)-1;

	if (st != NULL && cohort != NULL)
		sqlite3_bind_text(st, 1, cohort, -1, SQLITE_STATIC);
	for (;;) {
		int more = step(a, st) == 1;
		size_t c = more ? find(CL(w), (const char *)
		    sqlite3_column_text(st, 2)) : (size_t)-1;

		if (r.n > 0 && (!more || c != cur)) {
			fn(w, cur, &r, arg);
			rows_clear(&r);
		}
		if (!more)
			break;
		cur = c;
		rows_push(a, &r, st, CL(w));
	}
	sqlite3_finalize(st);
	rows_free(&r);
}

struct clin_arg {
	struct table	*tab;
	strbuf		*b;
};

static void
clinician_fn(struct work *w, size_t c, const struct rows *r, void *arg)
{
	struct clin_arg *ca = arg;

	clinician_one(w, c, r, ca->tab, ca->b);
}

/* clinicians.csv rows and the "clinicians" block of corpus.json. */
static void
clinicians(struct work *w, struct table *tab, strbuf *b)
{
	struct clin_arg ca = { tab, b };

	table_init(tab, "clinicians", clin_cols, clin_types,
	    sizeof(clin_cols) / sizeof(clin_cols[0]));
	strbuf_adds(b, ",\n  \"clinicians\": {");
	by_clinician(w, NULL, clinician_fn, &ca);
	strbuf_adds(b, "\n  }");
}

/* A cohort's two-stage trend and latest window, gathered clinician by
 * clinician. */
struct cohort_arg {
	double		*slopes;	/* ncols x nclinicians */
	size_t		*ns;		/* per indicator */
	strbuf		 latest;	/* the "latest" entries */
	size_t		 k;
};

static void
cohort_clinician_fn(struct work *w, size_t c, const struct rows *r,
    void *arg)
{
	const aggregate *a = w->a;
	struct cohort_arg *ca = arg;
	strbuf *b = &ca->latest;
	size_t n = r->n, nb = 0;
	const char *last;

	scratch(w, n);
	for (size_t col = 0; col < a->ncols; col++) {
		struct stats_trend tr;

		column(a, r, 0, n, col, w->x, w->t);
		if (stats_trend(w->t, w->x, n, &tr) == 0)
			ca->slopes[col * (w->cl.n + 1) + ca->ns[col]++] =
			    tr.slope;
	}
	last = r->s[n - 1].meta[META_DATE];
	strbuf_adds(b, ca->k++ ? ",\n        " : "\n        ");
	jkey(b, w->cl.v[c]);
	strbuf_adds(b, "{\"date\": ");
	fmt_json_str(b, last);
	strbuf_addf(b, ", \"sessions\": %d, \"below\": [",
	    n < LATEST_SESSIONS ? (int)n : LATEST_SESSIONS);
	for (size_t col = 0; col < a->ncols; col++) {
		struct stats_desc d;
		size_t from = n > LATEST_SESSIONS ? n - LATEST_SESSIONS : 0;
		const char *p;

		column(a, r, from, n - from, col, w->x, NULL);
		stats_describe(w->x, n - from, &d);
		p = proficiency(&a->cols[col], d.mean);
		if (p != NULL && strcmp(p, "below") == 0) {
			strbuf_adds(b, nb++ ? ", " : "");
			fmt_json_str(b, a->cols[col].name);
		}
	}
	strbuf_adds(b, "]}");
}

/* One cohort month of cohorts.csv and of the "months" list. */
static void
cohort_month(struct work *w, const char *cohort, const char *month,
    int first, struct table *tab, strbuf *b)
{
	aggregate *a = w->a;
	sqlite3_stmt *st = prepare(a, "SELECT " ROW_COLS " FROM s WHERE "
	    "cohort = ? AND date IS NOT NULL AND substr(date, 1, 7) = ? "
	    "ORDER BY seq");
	struct rows r = { 0 };
	unsigned char *seen = xcalloc(w->cl.n + 1, 1);
	size_t ncl = 0;

	if (st != NULL) {
		sqlite3_bind_text(st, 1, cohort, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, month, -1, SQLITE_STATIC);
	}
	while (step(a, st) == 1)
		rows_push(a, &r, st, CL(w));
	sqlite3_finalize(st);
	for (size_t i = 0; i < r.n; i++)
		if (r.s[i].cl != (size_t)-1 && !seen[r.s[i].cl]) {
			seen[r.s[i].cl] = 1;
			ncl++;
		}
	scratch(w, r.n);
	strbuf_adds(b, first ? "\n        {" : ",\n        {");
	jkey(b, "month");
	fmt_json_str(b, month);
	strbuf_addf(b, ", \"sessions\": %zu, \"indicators\": {", r.n);
	for (size_t col = 0; col < a->ncols; col++) {
		struct stats_desc d;

		column(a, &r, 0, r.n, col, w->x, NULL);
		stats_describe(w->x, r.n, &d);
		table_text(tab, cohort);
		table_text(tab, month);
		table_text(tab, a->cols[col].name);
		table_real(tab, (double)r.n);
		table_real(tab, (double)ncl);
		table_real(tab, d.mean);
		table_real(tab, d.sd);
		table_real(tab, d.ci_low);
		table_real(tab, d.ci_high);
		strbuf_adds(b, col ? ", " : "");
		jkey(b, a->cols[col].name);
		strbuf_addc(b, '{');
		jnum(b, "n", (double)d.n, 0);
		jnum(b, "mean", d.mean, 1);
		jnum(b, "ci_low", d.ci_low, 1);
		jnum(b, "ci_high", d.ci_high, 1);
		strbuf_addc(b, '}');
	}
	strbuf_adds(b, "}}");
	rows_free(&r);
	free(seen);
}

/* cohorts.csv rows and the "cohorts" block: per month, the two-stage
 * trend (each trainee's OLS slope, then the mean of the slopes with a t
 * CI: the "slopes as outcomes" approach, e.g. Singer & Willett 2003,
 * ch. 2), and who is below a MITI threshold in their latest sessions. */
static void
cohorts(struct work *w, struct table *tab, strbuf *b)
{
	aggregate *a = w->a;
	double *slopes = xcalloc(a->ncols * (w->cl.n + 1), sizeof(*slopes));
	size_t *ns = xcalloc(a->ncols, sizeof(*ns));

	table_init(tab, "cohorts", coh_cols, coh_types,
	    sizeof(coh_cols) / sizeof(coh_cols[0]));
	strbuf_adds(b, ",\n  \"cohorts\": {");
	for (size_t co = 0; co < w->co.n; co++) {
		const char *cohort = w->co.v[co];
		struct names cls, months;
		struct cohort_arg ca = { slopes, ns, { 0 }, 0 };

		strbuf_adds(b, co ? ",\n    " : "\n    ");
		jkey(b, cohort);
		strbuf_adds(b, "{\"clinicians\": [");
		distinct(a, "SELECT DISTINCT clinician FROM s WHERE cohort = ? "
		    "AND clinician IS NOT NULL ORDER BY clinician", cohort,
		    &cls);
		for (size_t i = 0; i < cls.n; i++) {
			strbuf_adds(b, i ? ", " : "");
			fmt_json_str(b, cls.v[i]);
		}
		names_free(&cls);
		/* Months, sorted: of the sessions with a valid date. */
		distinct(a, "SELECT DISTINCT substr(date, 1, 7) FROM s WHERE "
		    "cohort = ? AND day IS NOT NULL ORDER BY 1", cohort,
		    &months);
		strbuf_adds(b, "],\n      \"months\": [");
		for (size_t m = 0; m < months.n; m++)
			cohort_month(w, cohort, months.v[m], m == 0, tab, b);
		names_free(&months);
		memset(ns, 0, a->ncols * sizeof(*ns));
		by_clinician(w, cohort, cohort_clinician_fn, &ca);
		strbuf_adds(b, "\n      ],\n      \"trend\": {");
		for (size_t col = 0; col < a->ncols; col++) {
			struct stats_desc d;

			stats_describe(slopes + col * (w->cl.n + 1), ns[col],
			    &d);
			strbuf_adds(b, col ? ",\n        " : "\n        ");
			jkey(b, a->cols[col].name);
			strbuf_addc(b, '{');
			jnum(b, "n_trainees", (double)ns[col], 0);
			jnum(b, "mean_slope", d.mean, 1);
			jnum(b, "ci_low", d.ci_low, 1);
			jnum(b, "ci_high", d.ci_high, 1);
			jwhy(b, d.why);
			strbuf_addc(b, '}');
		}
		strbuf_adds(b, "\n      },\n      \"latest\": {");
		if (ca.latest.len > 0)
			strbuf_add(b, ca.latest.s, ca.latest.len);
		strbuf_free(&ca.latest);
		strbuf_adds(b, "\n      }}");
	}
	strbuf_adds(b, "\n  }");
	free(slopes);
	free(ns);
}

static const aggregate *sort_a;

static int
cmp_name_idx(const void *x, const void *y)
{
	const aggregate *a = sort_a;

	return strcmp(a->mnames[*(const size_t *)x],
	    a->mnames[*(const size_t *)y]);
}

/* Measure m of the row at st (its blob of measures, column 9), or NaN. */
static double
row_measure(sqlite3_stmt *st, size_t m)
{
	const char *p = sqlite3_column_blob(st, 9);
	size_t n = (size_t)sqlite3_column_bytes(st, 9) / sizeof(struct mvalue);

	for (size_t i = 0; p != NULL && i < n; i++) {
		struct mvalue mv;

		memcpy(&mv, p + i * sizeof(mv), sizeof(mv));
		if (mv.name == m)
			return mv.v;
	}
	return NAN;
}

/* The rows of the regression of measure m on the predictors pc, read in
 * input order from st (stats_regress_rows() asks for rows 0 .. n-1). */
struct reg_arg {
	aggregate	*a;
	sqlite3_stmt	*st;
	size_t		 m;
	const int	*pc;
	size_t		 np;
};

static int
reg_row(void *arg, size_t i, double *x, double *y)
{
	struct reg_arg *r = arg;

	if (r->st == NULL)
		return -1;
	if (i == 0)
		sqlite3_reset(r->st);
	if (step(r->a, r->st) != 1)
		return -1;
	for (size_t p = 0; p < r->np; p++)
		x[p] = row_value(r->a, r->st, (size_t)r->pc[p]);
	*y = row_measure(r->st, r->m);
	return 0;
}

/* The "measures" block: each session measure against the indicators,
 * over every session in input order. */
static void
measures(struct work *w, strbuf *b)
{
	aggregate *a = w->a;
	size_t *mo = xcalloc(a->nm + 1, sizeof(*mo));
	double *y = xcalloc(a->n + 1, sizeof(*y));
	double *x = xcalloc(a->n + 1, sizeof(*x));
	size_t np;
	const int *pc = indicators_predictors(&np);
	sqlite3_stmt *st = a->nm > 0 ? prepare(a, "SELECT " ROW_COLS
	    " FROM s ORDER BY seq") : NULL;
	struct reg_arg ra = { a, st, 0, pc, np };

	for (size_t i = 0; i < a->nm; i++)
		mo[i] = i;
	sort_a = a;	/* aggregate_finish runs on one thread */
	qsort(mo, a->nm, sizeof(*mo), cmp_name_idx);
	strbuf_adds(b, ",\n  \"measures\": {");
	for (size_t mi = 0; mi < a->nm; mi++) {
		size_t m = mo[mi], i;
		struct stats_regression reg = { 0 };
		const char *name = a->mnames[m];

		for (i = 0; i < a->n; i++)
			y[i] = NAN;
		for (i = 0; i < a->n && step(a, st) == 1; i++)
			y[i] = row_measure(st, m);
		sqlite3_reset(st);
		if (strncmp(name, "measure_", 8) == 0)
			name += 8;
		strbuf_adds(b, mi ? ",\n    " : "\n    ");
		jkey(b, name);
		strbuf_adds(b, "{\"correlations\": {");
		for (size_t col = 0; col < a->ncols; col++) {
			struct stats_corr r;

			for (i = 0; i < a->n; i++)
				x[i] = NAN;
			for (i = 0; i < a->n && step(a, st) == 1; i++)
				x[i] = row_value(a, st, col);
			sqlite3_reset(st);
			stats_correlate(x, y, a->n, &r);
			strbuf_adds(b, col ? ",\n        " : "\n        ");
			jkey(b, a->cols[col].name);
			strbuf_addc(b, '{');
			jnum(b, "n", (double)r.n, 0);
			jnum(b, "pearson_r", r.r, 1);
			jnum(b, "ci_low", r.ci_low, 1);
			jnum(b, "ci_high", r.ci_high, 1);
			jnum(b, "p", r.p, 1);
			jnum(b, "spearman_rho", r.rho, 1);
			jwhy(b, r.why);
			strbuf_addc(b, '}');
		}
		/* The regression reads its rows from the store straight into
		 * GSL's design matrix, after the correlations' arrays are
		 * freed: no n x k copy beside it. */
		free(x);
		free(y);
		x = y = NULL;
		ra.m = m;
		stats_regress_rows(a->n, np, reg_row, &ra, &reg);
		if (st != NULL)
			sqlite3_reset(st);
		x = xcalloc(a->n + 1, sizeof(*x));
		y = xcalloc(a->n + 1, sizeof(*y));
		strbuf_adds(b, "\n      },\n      \"regression\": {");
		jnum(b, "n", (double)reg.n, 0);
		strbuf_adds(b, ", \"predictors\": [");
		for (size_t p = 0; p < np; p++) {
			strbuf_adds(b, p ? ", " : "");
			fmt_json_str(b, a->cols[pc[p]].name);
		}
		strbuf_adds(b, "], \"coefficients\": [");
		for (size_t p = 0; p <= np; p++) {
			strbuf_adds(b, p ? ",\n        {" : "\n        {");
			jkey(b, "term");
			fmt_json_str(b, p == 0 ? "(intercept)" :
			    a->cols[pc[p - 1]].name);
			jnum(b, "estimate", reg.coef ? reg.coef[p] : NAN, 1);
			jnum(b, "se", reg.se ? reg.se[p] : NAN, 1);
			jnum(b, "t", reg.t ? reg.t[p] : NAN, 1);
			jnum(b, "p", reg.p ? reg.p[p] : NAN, 1);
			strbuf_addc(b, '}');
		}
		strbuf_adds(b, "],\n        ");
		jnum(b, "r2", reg.r2, 0);
		jnum(b, "adj_r2", reg.adj_r2, 1);
		jnum(b, "f", reg.f, 1);
		jnum(b, "f_p", reg.f_p, 1);
		jwhy(b, reg.why);
		strbuf_adds(b, "}}");
		stats_regression_free(&reg);
	}
	strbuf_adds(b, "\n  }");
	sqlite3_finalize(st);
	free(mo);
	free(y);
	free(x);
}

/* The coded sessions' agreement pairs, back from the store in input order,
 * for the ICC(2,1) of agree.c (only now, after the measures' arrays are
 * freed). */
static void
agreement_pairs(aggregate *a)
{
	sqlite3_stmt *st;
	size_t ntags = a->agree.ntags;

	if (a->agree.sessions == 0 || a->agree.npairs > 0)
		return;
	st = prepare(a, "SELECT ap FROM s WHERE ap IS NOT NULL ORDER BY seq");
	while (step(a, st) == 1) {
		const unsigned long *ap = sqlite3_column_blob(st, 0);
		unsigned long *copy;

		if (ap == NULL || (size_t)sqlite3_column_bytes(st, 0) !=
		    2 * ntags * sizeof(*ap)) {
			store_error(a, "agreement pairs");
			break;
		}
		copy = xmalloc(2 * ntags * sizeof(*copy) + 1);
		memcpy(copy, ap, 2 * ntags * sizeof(*copy));
		agree_total_pair(&a->agree, copy, copy + ntags);
		free(copy);
	}
	sqlite3_finalize(st);
}

int
aggregate_finish(aggregate *a, const char *version,
    struct aggregate_out *out, char **why)
{
	struct work w;
	strbuf *b = &out->corpus;

	memset(out, 0, sizeof(*out));
	work_init(&w, a);
	strbuf_adds(b, "{\n  \"rapport_version\": ");
	fmt_json_str(b, version);
	strbuf_addf(b, ",\n  \"n_sessions\": %zu,\n  \"n_clinicians\": %zu,\n"
	    "  \"n_cohorts\": %zu", a->n, w.cl.n, w.co.n);
	indicators_json(&w, b);
	clinicians(&w, &out->clinicians, b);
	cohorts(&w, &out->cohorts, b);
	measures(&w, b);
	agreement_pairs(a);
	strbuf_adds(b, ",\n  \"lag1\": ");
	lag_json(a->lag, b);
	strbuf_adds(b, ",\n  \"agreement\": ");
	agree_total_json(&a->agree, b);
	strbuf_adds(b, "\n}\n");
	out->has_agreement = a->agree.sessions > 0;
	agree_total_table(&a->agree, &out->agreement);
	work_free(&w);
	if (a->error != NULL) {
		if (why != NULL)
			*why = xstrdup(a->error);
		return -1;
	}
	return 0;
}

void
aggregate_out_free(struct aggregate_out *out)
{
	table_free(&out->clinicians);
	table_free(&out->cohorts);
	table_free(&out->agreement);
	strbuf_free(&out->corpus);
}

size_t
aggregate_nsessions(const aggregate *a)
{
	return a->n;
}

const char *const *
aggregate_measure_names(const aggregate *a, size_t *n)
{
	*n = a->nm;
	return (const char *const *)a->mnames;
}

int
aggregate_session(aggregate *a, size_t i, struct aggregate_row *out)
{
	const void *blob;
	size_t nmv;
	int rc;

	for (size_t k = 0; k < MEASURE_NMETA; k++) {
		free(a->rmeta[k]);
		a->rmeta[k] = NULL;
	}
	for (size_t c = 0; c < a->ncols; c++)
		a->rv[c] = NAN;
	out->meta = (const char *const *)a->rmeta;
	out->v = a->rv;
	out->mv = NULL;
	out->nmv = 0;
	if (a->get == NULL)
		return -1;
	sqlite3_bind_int64(a->get, 1, (sqlite3_int64)i);
	if ((rc = step(a, a->get)) != 1) {
		sqlite3_reset(a->get);
		return -1;
	}
	for (int k = 0; k < MEASURE_NMETA; k++)
		a->rmeta[k] = column_text(a->get, k + 1);
	for (size_t c = 0; c < a->ncols; c++)
		a->rv[c] = row_value(a, a->get, c);
	blob = sqlite3_column_blob(a->get, 9);
	nmv = (size_t)sqlite3_column_bytes(a->get, 9) / sizeof(*a->rmv);
	a->rmv = xgrow(a->rmv, &a->rmvcap, nmv + 1, sizeof(*a->rmv));
	if (blob != NULL)
		memcpy(a->rmv, blob, nmv * sizeof(*a->rmv));
	out->mv = a->rmv;
	out->nmv = nmv;
	sqlite3_reset(a->get);
	return 0;
}

int
aggregate_ids(aggregate *a, size_t from,
    void (*fn)(void *arg, const char *id), void *arg)
{
	sqlite3_stmt *st = prepare(a, "SELECT session FROM s WHERE seq >= ? "
	    "ORDER BY seq");
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, (sqlite3_int64)from);
	while ((rc = step(a, st)) == 1)
		fn(arg, (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return rc;
}

double
aggregate_session_measure(const aggregate *a, const struct aggregate_row *r,
    size_t name)
{
	const struct mvalue *mv = r->mv;

	(void)a;
	for (size_t k = 0; k < r->nmv; k++)
		if (mv[k].name == name)
			return mv[k].v;
	return NAN;
}

void
aggregate_free(aggregate *a)
{
	if (a == NULL)
		return;
	sqlite3_finalize(a->ins);
	sqlite3_finalize(a->has);
	sqlite3_finalize(a->get);
	sqlite3_close(a->db);	/* deletes the temporary database */
	for (size_t i = 0; i < a->nm; i++)
		free(a->mnames[i]);
	free(a->mnames);
	free(a->lag);
	for (size_t k = 0; k < MEASURE_NMETA; k++)
		free(a->rmeta[k]);
	free(a->rv);
	free(a->rmv);
	free(a->error);
	agree_total_free(&a->agree);
	free(a);
}
