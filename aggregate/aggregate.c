/* aggregate.c -- corpus statistics from the session rows (aggregate.h).
 *
 * Formulas and their sources are in aggregate/stats.c and
 * docs/statistics.md; this file only groups the rows and writes the
 * results in a fixed order (clinicians, cohorts and measures sorted by
 * name, indicators in sessions.csv order), so the output is
 * deterministic.
 *
 * The rows are not held in memory but in the aggregate's row store
 * (rowstore.c), which the statistics read back in ordered passes: a
 * clinician's sessions at a time (ORDER BY clinician, date, input
 * order), a cohort month's, and, for the corpus-wide statistics that
 * need every value at once (the median's sort, ICC(1), Spearman's ranks,
 * the SVD of the regression), one indicator column at a time. Each
 * statistic receives exactly the values, in exactly the order, it
 * received when the rows were held in arrays, so every number (and every
 * floating-point rounding) is the same as before.
 */
#include "config.h"

#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "aggregate.h"
#include "aggregate_internal.h"
#include "indicators.h"
#include "fmt.h"
#include "lag.h"
#include "session.h"
#include "stats.h"

/* Sessions in the latest window of a trainee, for "below threshold in
 * their latest sessions" (issue 6): the last three. */
#define LATEST_SESSIONS 3

/* MITI 4.2.1 proficiency of a mean (thresholds in indicators.c). */
static const char *
proficiency(const struct indicator *in, double mean)
{
	if (!isfinite(mean) || !indicators_has_thresholds(in))
		return NULL;
	return mean >= in->good ? "good" : mean >= in->fair ? "fair" : "below";
}

/* --- grouping --- */

struct names {
	char	**v;
	size_t	  n;
};

/* The distinct values of the SQL query (one TEXT column, sorted by
 * SQLite's BINARY collation, which is memcmp: strcmp's order for
 * strings without NUL, https://sqlite.org/datatype3.html#collation). */
static void
distinct(aggregate *a, const char *sql, const char *bind, struct names *out)
{
	sqlite3_stmt *st = agg_prepare(a, sql);
	size_t cap = 0;

	out->v = NULL;
	out->n = 0;
	if (st != NULL && bind != NULL)
		sqlite3_bind_text(st, 1, bind, -1, SQLITE_STATIC);
	while (agg_step(a, st) == 1) {
		out->v = xgrow(out->v, &cap, out->n + 1, sizeof(*out->v));
		out->v[out->n++] = agg_text(st, 0);
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
	sqlite3_stmt *st = agg_prepare(a, "SELECT " ROW_COLS " FROM s ORDER BY "
	    "seq");

	strbuf_adds(b, ",\n  \"indicators\": {");
	for (size_t c = 0; c < a->ncols; c++) {
		struct stats_desc d;
		struct stats_icc icc;
		size_t n = 0;

		while (agg_step(a, st) == 1 && n < a->n) {
			size_t g = agg_find(CL(w), (const char *)
			    sqlite3_column_text(st, 2));

			if (g == (size_t)-1)
				continue;
			x[n] = agg_value(a, st, c);
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
	sqlite3_stmt *st = agg_prepare(a, cohort == NULL ?
	    "SELECT " ROW_COLS " FROM s WHERE clinician IS NOT NULL "
	    "ORDER BY " CLIN_ORDER :
	    "SELECT " ROW_COLS " FROM s WHERE clinician IS NOT NULL AND "
	    "cohort = ? ORDER BY " CLIN_ORDER);
	struct rows r = { 0 };
	size_t cur = (size_t)-1;

	if (st != NULL && cohort != NULL)
		sqlite3_bind_text(st, 1, cohort, -1, SQLITE_STATIC);
	for (;;) {
		int more = agg_step(a, st) == 1;
		size_t c = more ? agg_find(CL(w), (const char *)
		    sqlite3_column_text(st, 2)) : (size_t)-1;

		if (r.n > 0 && (!more || c != cur)) {
			fn(w, cur, &r, arg);
			agg_rows_clear(&r);
		}
		if (!more)
			break;
		cur = c;
		agg_rows_push(a, &r, st, CL(w));
	}
	sqlite3_finalize(st);
	agg_rows_free(&r);
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
	sqlite3_stmt *st = agg_prepare(a, "SELECT " ROW_COLS " FROM s WHERE "
	    "cohort = ? AND date IS NOT NULL AND substr(date, 1, 7) = ? "
	    "ORDER BY seq");
	struct rows r = { 0 };
	unsigned char *seen = xcalloc(w->cl.n + 1, 1);
	size_t ncl = 0;

	if (st != NULL) {
		sqlite3_bind_text(st, 1, cohort, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, month, -1, SQLITE_STATIC);
	}
	while (agg_step(a, st) == 1)
		agg_rows_push(a, &r, st, CL(w));
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
	agg_rows_free(&r);
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
	if (agg_step(r->a, r->st) != 1)
		return -1;
	for (size_t p = 0; p < r->np; p++)
		x[p] = agg_value(r->a, r->st, (size_t)r->pc[p]);
	*y = agg_measure(r->st, r->m);
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
	sqlite3_stmt *st = a->nm > 0 ? agg_prepare(a, "SELECT " ROW_COLS
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
		for (i = 0; i < a->n && agg_step(a, st) == 1; i++)
			y[i] = agg_measure(st, m);
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
			for (i = 0; i < a->n && agg_step(a, st) == 1; i++)
				x[i] = agg_value(a, st, col);
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
	st = agg_prepare(a, "SELECT ap FROM s WHERE ap IS NOT NULL ORDER BY seq");
	while (agg_step(a, st) == 1) {
		const unsigned long *ap = sqlite3_column_blob(st, 0);
		unsigned long *copy;

		if (ap == NULL || (size_t)sqlite3_column_bytes(st, 0) !=
		    2 * ntags * sizeof(*ap)) {
			agg_fail(a, "agreement pairs");
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
