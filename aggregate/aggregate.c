/* aggregate.c -- corpus statistics from the session rows (aggregate.h).
 *
 * Formulas and their sources are in pipeline/stats.c and
 * docs/statistics.md; this file only groups the rows and writes the
 * results in a fixed order (clinicians, cohorts and measures sorted by
 * name, indicators in sessions.csv order), so the output is
 * deterministic.
 */
#include "config.h"

#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "aggregate.h"
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

struct sess {
	/* The metadata of the row, in measure.h's order: session,
	 * clinician, client, cohort, date, modality, number. */
	char	*meta[MEASURE_NMETA];
	double	 day;		/* days since 1970-01-01; NaN without date */
	size_t	 cl, co;	/* indices into the sorted name lists */
	size_t	 mv0, nmv;	/* its session measures in mv[] */
};
enum { META_CLINICIAN = 1, META_COHORT = 3, META_DATE = 4, META_MODALITY = 5 };

struct mvalue {
	size_t	 sess, name;
	double	 v;
};

struct aggregate {
	const struct indicator *cols;
	size_t		 ncols;
	struct sess	*s;
	size_t		 n, scap;
	double		*v;		/* n x ncols */
	size_t		 vcap;
	char	       **mnames;	/* session measure names, in order seen */
	size_t		 nm, mcap;
	struct mvalue	*mv;
	size_t		 nmv, mvcap;
	unsigned long	*lag;
	size_t		 lagrows, lagcols;
	struct agree_total agree;
};

aggregate *
aggregate_create(void)
{
	aggregate *a = xcalloc(1, sizeof(*a));

	a->cols = indicators_all(&a->ncols);
	lag_dims(&a->lagrows, &a->lagcols);
	a->lag = xcalloc(a->lagrows * a->lagcols, sizeof(*a->lag));
	return a;
}

static char *
dup_or_null(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

void
aggregate_add(aggregate *a, const struct measure_row *row,
    const unsigned long *lag, const struct agree_counts *ac)
{
	struct sess *s;

	a->s = xgrow(a->s, &a->scap, a->n + 1, sizeof(*a->s));
	s = &a->s[a->n];
	for (size_t i = 0; i < MEASURE_NMETA; i++)
		s->meta[i] = dup_or_null(row->meta[i]);
	s->day = session_date_days(row->meta[4]);
	s->mv0 = a->nmv;
	s->nmv = row->nmeasures;
	a->v = xgrow(a->v, &a->vcap, (a->n + 1) * a->ncols, sizeof(*a->v));
	memcpy(a->v + a->n * a->ncols, row->v, a->ncols * sizeof(*a->v));
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
		a->mv = xgrow(a->mv, &a->mvcap, a->nmv + 1, sizeof(*a->mv));
		a->mv[a->nmv++] = (struct mvalue){ a->n, k, row->mvalues[i] };
	}
	for (size_t i = 0; lag != NULL && i < a->lagrows * a->lagcols; i++)
		a->lag[i] += lag[i];
	if (ac != NULL)
		agree_total_add(&a->agree, ac);
	a->n++;
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

/* The sorted distinct non-NULL values of metadata field k. */
static void
distinct(const aggregate *a, size_t field, struct names *out)
{
	out->v = xcalloc(a->n + 1, sizeof(*out->v));
	out->n = 0;
	for (size_t i = 0; i < a->n; i++) {
		char *s = a->s[i].meta[field];

		if (s != NULL)
			out->v[out->n++] = s;
	}
	qsort(out->v, out->n, sizeof(*out->v), cmp_str);
	if (out->n > 0) {
		size_t k = 1;

		for (size_t i = 1; i < out->n; i++)
			if (strcmp(out->v[i], out->v[k - 1]) != 0)
				out->v[k++] = out->v[i];
		out->n = k;
	}
}

static size_t
find(const struct names *nm, const char *s)
{
	char **p;

	if (s == NULL)
		return (size_t)-1;
	p = bsearch(&s, nm->v, nm->n, sizeof(*nm->v), cmp_str);
	return p ? (size_t)(p - nm->v) : (size_t)-1;
}

/* Indicator column c of the sessions in idx (n of them). */
static void
column(const aggregate *a, size_t c, const size_t *idx, size_t n, double *x,
    double *t)
{
	for (size_t i = 0; i < n; i++) {
		x[i] = a->v[idx[i] * a->ncols + c];
		if (t != NULL)
			t[i] = a->s[idx[i]].day;
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
	const aggregate	*a;
	struct names	 cl, co, mod;
	size_t		*order;		/* sessions by clinician, day, input */
	size_t		*first;		/* per clinician: start in order */
	double		*x, *t;
};

static const aggregate *sort_a;

static int
cmp_session(const void *x, const void *y)
{
	const struct sess *p = &sort_a->s[*(const size_t *)x],
	    *q = &sort_a->s[*(const size_t *)y];
	size_t i = *(const size_t *)x, j = *(const size_t *)y;

	if (p->cl != q->cl)
		return p->cl < q->cl ? -1 : 1;
	if (isfinite(p->day) && isfinite(q->day) && p->day != q->day)
		return p->day < q->day ? -1 : 1;
	if (isfinite(p->day) != isfinite(q->day))
		return isfinite(p->day) ? -1 : 1;
	return i < j ? -1 : i > j;
}

static void
work_init(struct work *w, aggregate *a)
{
	w->a = a;
	distinct(a, META_CLINICIAN, &w->cl);
	distinct(a, META_COHORT, &w->co);
	distinct(a, META_MODALITY, &w->mod);
	for (size_t i = 0; i < a->n; i++) {
		a->s[i].cl = find(&w->cl, a->s[i].meta[META_CLINICIAN]);
		a->s[i].co = find(&w->co, a->s[i].meta[META_COHORT]);
	}
	w->order = xcalloc(a->n + 1, sizeof(*w->order));
	for (size_t i = 0; i < a->n; i++)
		w->order[i] = i;
	sort_a = a;	/* aggregate_finish runs on one thread */
	qsort(w->order, a->n, sizeof(*w->order), cmp_session);
	w->first = xcalloc(w->cl.n + 1, sizeof(*w->first));
	for (size_t i = 0, c = 0; c <= w->cl.n; c++) {
		while (i < a->n && a->s[w->order[i]].cl < c)
			i++;
		w->first[c] = i;
	}
	w->first[w->cl.n] = a->n;
	w->x = xcalloc(a->n + 1, sizeof(*w->x));
	w->t = xcalloc(a->n + 1, sizeof(*w->t));
}

static void
work_free(struct work *w)
{
	free(w->cl.v);
	free(w->co.v);
	free(w->mod.v);
	free(w->order);
	free(w->first);
	free(w->x);
	free(w->t);
}

/* The indicators block: distribution and therapist-effect ICC(1). */
static void
indicators_json(struct work *w, strbuf *b)
{
	const aggregate *a = w->a;
	size_t *group = xcalloc(a->n + 1, sizeof(*group)), *idx;
	size_t n = 0;

	/* ICC(1) over sessions that have a clinician (all do: required). */
	idx = xcalloc(a->n + 1, sizeof(*idx));
	for (size_t i = 0; i < a->n; i++)
		if (a->s[i].cl != (size_t)-1) {
			idx[n] = i;
			group[n++] = a->s[i].cl;
		}
	strbuf_adds(b, ",\n  \"indicators\": {");
	for (size_t c = 0; c < a->ncols; c++) {
		struct stats_desc d;
		struct stats_icc icc;

		column(a, c, idx, n, w->x, NULL);
		stats_describe(w->x, n, &d);
		stats_icc1(w->x, group, n, w->cl.n, &icc);
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
	free(group);
	free(idx);
}

/* clinicians.csv rows and the "clinicians" block of corpus.json. */
static void
clinicians(struct work *w, struct table *tab, strbuf *b)
{
	const aggregate *a = w->a;

	table_init(tab, "clinicians", clin_cols, clin_types,
	    sizeof(clin_cols) / sizeof(clin_cols[0]));
	strbuf_adds(b, ",\n  \"clinicians\": {");
	for (size_t c = 0; c < w->cl.n; c++) {
		const size_t *idx = w->order + w->first[c];
		size_t n = w->first[c + 1] - w->first[c];
		const char *cohort = NULL, *d0 = NULL, *d1 = NULL;

		for (size_t i = 0; i < n; i++) {
			const struct sess *s = &a->s[idx[i]];

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
				cnt += a->s[idx[i]].meta[META_MODALITY] != NULL &&
				    strcmp(a->s[idx[i]].meta[META_MODALITY],
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

			column(a, col, idx, n, w->x, w->t);
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
				double *y = w->t;	/* reuse as scratch */

				for (size_t i = 0; i < n; i++)
					if (a->s[idx[i]].meta[META_MODALITY] != NULL &&
					    strcmp(a->s[idx[i]].meta[META_MODALITY],
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
	}
	strbuf_adds(b, "\n  }");
}

static void
month_of(const char *date, char out[8])
{
	memcpy(out, date, 7);
	out[7] = '\0';
}

/* cohorts.csv rows and the "cohorts" block: per month, the two-stage
 * trend (each trainee's OLS slope, then the mean of the slopes with a t
 * CI: the "slopes as outcomes" approach, e.g. Singer & Willett 2003,
 * ch. 2), and who is below a MITI threshold in their latest sessions. */
static void
cohorts(struct work *w, struct table *tab, strbuf *b)
{
	const aggregate *a = w->a;
	size_t *idx = xcalloc(a->n + 1, sizeof(*idx));
	double *slopes = xcalloc(w->cl.n + 1, sizeof(*slopes));

	table_init(tab, "cohorts", coh_cols, coh_types,
	    sizeof(coh_cols) / sizeof(coh_cols[0]));
	strbuf_adds(b, ",\n  \"cohorts\": {");
	for (size_t co = 0; co < w->co.n; co++) {
		struct names months = { xcalloc(a->n + 1, sizeof(char *)), 0 };
		char (*mbuf)[8] = xcalloc(a->n + 1, sizeof(*mbuf));
		size_t k = 0;

		strbuf_adds(b, co ? ",\n    " : "\n    ");
		jkey(b, w->co.v[co]);
		strbuf_adds(b, "{\"clinicians\": [");
		for (size_t c = 0; c < w->cl.n; c++) {
			int in = 0;

			for (size_t i = w->first[c]; i < w->first[c + 1]; i++)
				in |= a->s[w->order[i]].co == co;
			if (in) {
				strbuf_adds(b, k++ ? ", " : "");
				fmt_json_str(b, w->cl.v[c]);
			}
		}
		/* Months, sorted. */
		for (size_t i = 0; i < a->n; i++)
			if (a->s[i].co == co && isfinite(a->s[i].day)) {
				month_of(a->s[i].meta[META_DATE], mbuf[months.n]);
				months.v[months.n] = mbuf[months.n];
				months.n++;
			}
		qsort(months.v, months.n, sizeof(char *), cmp_str);
		k = 0;
		for (size_t i = 0; i < months.n; i++)
			if (k == 0 || strcmp(months.v[i], months.v[k - 1]) != 0)
				months.v[k++] = months.v[i];
		months.n = k;
		strbuf_adds(b, "],\n      \"months\": [");
		for (size_t m = 0; m < months.n; m++) {
			size_t n = 0;

			for (size_t i = 0; i < a->n; i++)
				if (a->s[i].co == co && a->s[i].meta[META_DATE] != NULL &&
				    strncmp(a->s[i].meta[META_DATE], months.v[m], 7) == 0)
					idx[n++] = i;
			strbuf_adds(b, m ? ",\n        {" : "\n        {");
			jkey(b, "month");
			fmt_json_str(b, months.v[m]);
			strbuf_addf(b, ", \"sessions\": %zu, \"indicators\": {", n);
			for (size_t col = 0; col < a->ncols; col++) {
				struct stats_desc d;
				size_t ncl = 0;

				column(a, col, idx, n, w->x, NULL);
				stats_describe(w->x, n, &d);
				for (size_t c = 0; c < w->cl.n; c++)
					for (size_t i = 0; i < n; i++)
						if (a->s[idx[i]].cl == c) {
							ncl++;
							break;
						}
				table_text(tab, w->co.v[co]);
				table_text(tab, months.v[m]);
				table_text(tab, a->cols[col].name);
				table_real(tab, (double)n);
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
		}
		strbuf_adds(b, "\n      ],\n      \"trend\": {");
		for (size_t col = 0; col < a->ncols; col++) {
			struct stats_desc d;
			size_t ns = 0;

			for (size_t c = 0; c < w->cl.n; c++) {
				struct stats_trend tr;
				size_t n = 0;

				for (size_t i = w->first[c]; i < w->first[c + 1];
				    i++)
					if (a->s[w->order[i]].co == co)
						idx[n++] = w->order[i];
				if (n == 0)
					continue;
				column(a, col, idx, n, w->x, w->t);
				if (stats_trend(w->t, w->x, n, &tr) == 0)
					slopes[ns++] = tr.slope;
			}
			stats_describe(slopes, ns, &d);
			strbuf_adds(b, col ? ",\n        " : "\n        ");
			jkey(b, a->cols[col].name);
			strbuf_addc(b, '{');
			jnum(b, "n_trainees", (double)ns, 0);
			jnum(b, "mean_slope", d.mean, 1);
			jnum(b, "ci_low", d.ci_low, 1);
			jnum(b, "ci_high", d.ci_high, 1);
			jwhy(b, d.why);
			strbuf_addc(b, '}');
		}
		strbuf_adds(b, "\n      },\n      \"latest\": {");
		k = 0;
		for (size_t c = 0; c < w->cl.n; c++) {
			size_t n = 0, nb = 0;
			const char *last = NULL;

			for (size_t i = w->first[c]; i < w->first[c + 1]; i++)
				if (a->s[w->order[i]].co == co)
					idx[n++] = w->order[i];
			if (n == 0)
				continue;
			last = a->s[idx[n - 1]].meta[META_DATE];
			strbuf_adds(b, k++ ? ",\n        " : "\n        ");
			jkey(b, w->cl.v[c]);
			strbuf_adds(b, "{\"date\": ");
			fmt_json_str(b, last);
			strbuf_addf(b, ", \"sessions\": %d, \"below\": [",
			    n < LATEST_SESSIONS ? (int)n : LATEST_SESSIONS);
			for (size_t col = 0; col < a->ncols; col++) {
				struct stats_desc d;
				size_t from = n > LATEST_SESSIONS ?
				    n - LATEST_SESSIONS : 0;
				const char *p;

				column(a, col, idx + from, n - from, w->x, NULL);
				stats_describe(w->x, n - from, &d);
				p = proficiency(&a->cols[col], d.mean);
				if (p != NULL && strcmp(p, "below") == 0) {
					strbuf_adds(b, nb++ ? ", " : "");
					fmt_json_str(b, a->cols[col].name);
				}
			}
			strbuf_adds(b, "]}");
		}
		strbuf_adds(b, "\n      }}");
		free(months.v);
		free(mbuf);
	}
	strbuf_adds(b, "\n  }");
	free(idx);
	free(slopes);
}

static int
cmp_name_idx(const void *x, const void *y)
{
	const aggregate *a = sort_a;

	return strcmp(a->mnames[*(const size_t *)x],
	    a->mnames[*(const size_t *)y]);
}

/* The "measures" block: each session measure against the indicators. */
static void
measures(struct work *w, strbuf *b)
{
	const aggregate *a = w->a;
	size_t *mo = xcalloc(a->nm + 1, sizeof(*mo));
	double *y = xcalloc(a->n + 1, sizeof(*y));
	size_t np;
	const int *pc = indicators_predictors(&np);
	double *xx = xcalloc((a->n + 1) * np, sizeof(*xx));

	for (size_t i = 0; i < a->nm; i++)
		mo[i] = i;
	qsort(mo, a->nm, sizeof(*mo), cmp_name_idx);
	strbuf_adds(b, ",\n  \"measures\": {");
	for (size_t mi = 0; mi < a->nm; mi++) {
		size_t m = mo[mi];
		struct stats_regression reg = { 0 };
		const char *name = a->mnames[m];

		for (size_t i = 0; i < a->n; i++)
			y[i] = NAN;
		for (size_t i = 0; i < a->nmv; i++)
			if (a->mv[i].name == m)
				y[a->mv[i].sess] = a->mv[i].v;
		if (strncmp(name, "measure_", 8) == 0)
			name += 8;
		strbuf_adds(b, mi ? ",\n    " : "\n    ");
		jkey(b, name);
		strbuf_adds(b, "{\"correlations\": {");
		for (size_t col = 0; col < a->ncols; col++) {
			struct stats_corr r;

			for (size_t i = 0; i < a->n; i++)
				w->x[i] = a->v[i * a->ncols + col];
			stats_correlate(w->x, y, a->n, &r);
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
		for (size_t i = 0; i < a->n; i++)
			for (size_t p = 0; p < np; p++)
				xx[i * np + p] = a->v[i * a->ncols + (size_t)pc[p]];
		stats_regress(xx, y, a->n, np, &reg);
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
	free(mo);
	free(y);
	free(xx);
}

void
aggregate_finish(aggregate *a, const char *version,
    struct aggregate_out *out)
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
	strbuf_adds(b, ",\n  \"lag1\": ");
	lag_json(a->lag, b);
	strbuf_adds(b, ",\n  \"agreement\": ");
	agree_total_json(&a->agree, b);
	strbuf_adds(b, "\n}\n");
	out->has_agreement = a->agree.sessions > 0;
	agree_total_table(&a->agree, &out->agreement);
	work_free(&w);
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

void
aggregate_session(const aggregate *a, size_t i, struct aggregate_row *out)
{
	const struct sess *s = &a->s[i];

	out->meta = (const char *const *)s->meta;
	out->v = a->v + i * a->ncols;
	out->mv0 = s->mv0;
	out->nmv = s->nmv;
}

double
aggregate_session_measure(const aggregate *a, const struct aggregate_row *r,
    size_t name)
{
	for (size_t k = r->mv0; k < r->mv0 + r->nmv; k++)
		if (a->mv[k].name == name)
			return a->mv[k].v;
	return NAN;
}

void
aggregate_free(aggregate *a)
{
	if (a == NULL)
		return;
	for (size_t i = 0; i < a->n; i++)
		for (size_t k = 0; k < MEASURE_NMETA; k++)
			free(a->s[i].meta[k]);
	free(a->s);
	free(a->v);
	for (size_t i = 0; i < a->nm; i++)
		free(a->mnames[i]);
	free(a->mnames);
	free(a->mv);
	free(a->lag);
	agree_total_free(&a->agree);
	free(a);
}
