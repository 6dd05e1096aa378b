/* cohort.c -- the page a training director reads about one cohort.
 *
 * Trainees are compared with trainees, never with experienced clinicians:
 * every median and quartile on this page is of the sessions of trainees
 * (results.h RESULTS_TRAINEES). The trainee table sorts without scripts:
 * the page holds one copy of the table per sort order, server-side
 * sorted, and a column heading links to its copy's id; CSS shows the
 * copy that is the URL's :target and the default copy (by name, the last
 * one) otherwise, and print shows the default only (README, "Reports").
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report_internal.h"

/* "Latest sessions": a trainee's last this many sessions in the cohort
 * by date, as corpus.json's cohorts.<id>.latest (aggregate.c
 * LATEST_SESSIONS). */
#define LATEST	3

/* The latest-window columns of the trainee table. */
static const int latest_cols[] = { IND_RQ, IND_PCT_CR, IND_DIRECTIVE_100 };
#define NLATEST	(sizeof(latest_cols) / sizeof(latest_cols[0]))

struct trainee {
	const char	*id;
	size_t		 n;		/* sessions in this cohort */
	const char	*last;		/* date of the latest, or NULL */
	double		 latest[NLATEST];	/* means over the window */
	enum judge_mark	 lmark[NLATEST];	/* their MITI marks */
	size_t		 window;
	double		 slope, slope_p;	/* rq_ratio, per 30 days */
	/* The headlines whose latest mean is below the MITI fair
	 * threshold, with the mark of that mean's CI. */
	enum judge_mark	 mark[NHEAD];
	int		 below[NHEAD];
	int		 nbelow;
};

struct page {
	struct report	*rp;
	const char	*id;
	const cJSON	*c;
	struct trainee	*t;
	size_t		 nt;
	size_t		*idx;		/* scratch, r.ns + 1 */
	strbuf		 b;
};

static void
trainee_fill(struct page *p, struct trainee *t)
{
	struct report *rp = p->rp;
	const cJSON *ci = results_get(results_obj(results_obj(results_obj(
	    rp->r.corpus, "clinicians"), t->id), "indicators"), "rq_ratio");
	size_t from;

	t->n = report_sessions_of(rp, t->id, p->id, p->idx);
	t->last = NULL;
	for (size_t i = 0; i < t->n; i++)
		if (rp->r.s[p->idx[i]].date != NULL &&
		    isfinite(rp->r.s[p->idx[i]].day))
			t->last = rp->r.s[p->idx[i]].date;
	from = t->n > LATEST ? t->n - LATEST : 0;
	t->window = t->n - from;
	for (size_t k = 0; k < NLATEST; k++) {
		struct stats_desc d;

		const struct indicator *in = &rp->in[latest_cols[k]];

		report_describe(rp, p->idx + from, t->window,
		    (size_t)latest_cols[k], &d);
		t->latest[k] = d.mean;
		t->lmark[k] = judge_mark(in, d.mean, d.ci_low, d.ci_high,
		    report_experimental(rp, in));
	}
	t->nbelow = 0;
	for (size_t h = 0; h < NHEAD; h++) {
		size_t i = (size_t)indicators_find(head[h]->name);
		struct stats_desc d;

		report_describe(rp, p->idx + from, t->window, i, &d);
		t->mark[h] = judge_mark(&rp->in[i], d.mean, d.ci_low,
		    d.ci_high, report_experimental(rp, &rp->in[i]));
		t->below[h] = indicators_has_thresholds(&rp->in[i]) &&
		    d.mean < rp->in[i].fair && t->mark[h] != JUDGE_EXPERIMENTAL;
		t->nbelow += t->below[h];
	}
	t->slope = results_num(ci, "slope_per_30d");
	t->slope_p = results_range(ci, "slope_p", 0, 1);
}

/* --- the sortable trainee table --- */

enum sort { BY_LATEST_RQ, BY_LATEST_CR, BY_DIRECTIVES, BY_TREND, BY_BELOW,
	BY_SESSIONS, BY_NAME, NSORTS };
static const char *const sort_id[NSORTS] = { "by-latest-rq", "by-latest-cr",
	"by-directives", "by-trend", "by-below", "by-sessions", "by-name" };
static const char *const sort_words[NSORTS] = {
	"latest R:Q, lowest first", "latest %CR, lowest first",
	"latest directives, most first", "R:Q trend, lowest first",
	"most indicators below threshold first", "most sessions first",
	"name" };

static enum sort sort_by;

/* NaN sorts last in every order. */
static int
cmp_val(double x, double y, int desc)
{
	if (isnan(x) != isnan(y))
		return isnan(x) ? 1 : -1;
	if (isnan(x) || x == y)
		return 0;
	return (x < y) == !desc ? -1 : 1;
}

static int
cmp_trainee(const void *a, const void *b)
{
	const struct trainee *x = a, *y = b;
	int c = 0;

	switch (sort_by) {
	case BY_LATEST_RQ:
		c = cmp_val(x->latest[0], y->latest[0], 0);
		break;
	case BY_LATEST_CR:
		c = cmp_val(x->latest[1], y->latest[1], 0);
		break;
	case BY_DIRECTIVES:
		c = cmp_val(x->latest[2], y->latest[2], 1);
		break;
	case BY_TREND:
		c = cmp_val(x->slope, y->slope, 0);
		break;
	case BY_BELOW:
		c = cmp_val(x->nbelow, y->nbelow, 1);
		break;
	case BY_SESSIONS:
		c = cmp_val((double)x->n, (double)y->n, 1);
		break;
	default:
		break;
	}
	return c != 0 ? c : strcmp(x->id, y->id);
}

static void
heading(struct page *p, enum sort s, enum sort by, const char *words)
{
	strbuf_addf(&p->b, "<th scope=\"col\"%s><a href=\"#%s\">",
	    s == by ? " aria-sort=\"other\" class=\"sorted-by\"" : "",
	    sort_id[s]);
	html_text(&p->b, words);
	strbuf_adds(&p->b, s == by ? " &#9660;</a></th>" : "</a></th>");
}

static void
trainee_table(struct page *p, enum sort by)
{
	struct report *rp = p->rp;
	const struct rgroup *tg = &rp->r.group[RESULTS_TRAINEES];

	sort_by = by;
	qsort(p->t, p->nt, sizeof(*p->t), cmp_trainee);
	strbuf_addf(&p->b, "<div class=\"sorted%s\" id=\"%s\"><p class=\"meta\">"
	    "Sorted by %s.</p><table class=\"trainees\"><thead><tr>",
	    by == BY_NAME ? " default" : "", sort_id[by], sort_words[by]);
	heading(p, BY_NAME, by, "Trainee");
	heading(p, BY_SESSIONS, by, "Sessions");
	strbuf_adds(&p->b, "<th scope=\"col\">Latest session</th>");
	heading(p, BY_LATEST_RQ, by, "Latest R:Q");
	heading(p, BY_LATEST_CR, by, "Latest %CR");
	heading(p, BY_DIRECTIVES, by, "Latest directives per 100");
	heading(p, BY_TREND, by, "R:Q trend per 30 days");
	heading(p, BY_BELOW, by, "Latest mean below MITI fair");
	strbuf_adds(&p->b, "</tr></thead><tbody>\n");
	for (size_t k = 0; k < p->nt; k++) {
		const struct trainee *t = &p->t[k];
		int any = 0;

		strbuf_adds(&p->b, "<tr><th scope=\"row\">");
		report_link(&p->b, "clinician", t->id);
		strbuf_addf(&p->b, "</th><td class=\"n\">%zu</td><td class="
		    "\"date\">", t->n);
		html_text(&p->b, t->last != NULL ? t->last : "no date");
		strbuf_adds(&p->b, "</td>");
		for (size_t c = 0; c < NLATEST; c++) {
			strbuf_adds(&p->b, "<td class=\"n\">");
			html_num(&p->b, t->latest[c],
			    rp->in[latest_cols[c]].decimals);
			if (t->lmark[c] != JUDGE_NONE) {
				strbuf_addc(&p->b, ' ');
				report_mark(&p->b, t->lmark[c]);
			}
			strbuf_adds(&p->b, "</td>");
		}
		strbuf_adds(&p->b, "<td class=\"n\">");
		html_num(&p->b, t->slope, 2);
		if (isfinite(t->slope_p))
			html_textf(&p->b, " (%s)", report_p(t->slope_p).s);
		strbuf_adds(&p->b, "</td><td>");
		for (size_t h = 0; h < NHEAD; h++) {
			if (!t->below[h])
				continue;
			strbuf_adds(&p->b, any ? "<br/>" : "");
			html_text(&p->b, indicators_abbr(head[h]));
			strbuf_addc(&p->b, ' ');
			report_mark(&p->b, t->mark[h]);
			any = 1;
		}
		if (!any)
			strbuf_adds(&p->b, "none");
		strbuf_adds(&p->b, "</td></tr>\n");
	}
	/* Trainees against trainees: the medians of all trainee sessions. */
	strbuf_addf(&p->b, "<tr class=\"ref\"><th scope=\"row\">All trainees' "
	    "sessions</th><td class=\"n\">%zu</td><td></td>", tg->nsess);
	for (size_t c = 0; c < NLATEST; c++) {
		strbuf_adds(&p->b, "<td class=\"n\">median ");
		html_num(&p->b, tg->median[latest_cols[c]],
		    rp->in[latest_cols[c]].decimals);
		strbuf_adds(&p->b, "</td>");
	}
	strbuf_adds(&p->b, "<td></td><td></td></tr>\n</tbody></table></div>\n");
}

static void
trainees_section(struct page *p)
{
	strbuf_adds(&p->b, "<h2 id=\"trainees\">Trainees</h2>\n<p>");
	html_textf(&p->b, "Latest: the mean of each trainee's last %d "
	    "sessions in this cohort by date (all of them when they have "
	    "fewer). Beside a latest mean, its MITI 4.2.1 mark: a band is "
	    "claimed only when the mean's whole 95%% CI lies in it, so over "
	    "three sessions most marks are \"likely\" or \"uncertain\". "
	    "Trainees are compared with all trainees' sessions, never with "
	    "experienced clinicians. Sort by a column by following its "
	    "heading. The trend column shows one slope per trainee with its "
	    "p-value: with %zu of them at the 5%% level, one may look "
	    "significant by chance (no adjustment for multiple "
	    "comparisons).", LATEST, p->nt);
	strbuf_adds(&p->b, "</p>\n<div class=\"sortable\">\n");
	/* The default order last: the CSS shows it unless an earlier copy
	 * is the :target (the sibling combinator only looks forward). */
	for (int s = 0; s < NSORTS; s++)
		trainee_table(p, (enum sort)s);
	strbuf_adds(&p->b, "</div>\n");
}

/* --- the cohort month by month --- */

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void
months_section(struct page *p)
{
	struct report *rp = p->rp;
	const cJSON *trend = results_obj(p->c, "trend");
	const char **month = xcalloc(rp->r.ns + 1, sizeof(*month));
	size_t nm = 0, undated = 0, *k = xcalloc(rp->r.ns + 1, sizeof(*k));
	char (*buf)[8] = xcalloc(rp->r.ns + 1, sizeof(*buf));

	size_t *cidx = xcalloc(rp->r.ns + 1, sizeof(*cidx)), nc = 0;

	/* The cohort's dated sessions, once. */
	for (size_t s = 0; s < rp->r.ns; s++) {
		const struct rsess *x = &rp->r.s[s];

		if (x->cohort == NULL || strcmp(x->cohort, p->id) != 0)
			continue;
		if (!isfinite(x->day)) {
			undated++;
			continue;
		}
		cidx[nc++] = s;
		memcpy(buf[nm], x->date, 7);
		buf[nm][7] = '\0';
		month[nm] = buf[nm];
		nm++;
	}
	qsort(month, nm, sizeof(*month), cmp_str);
	{
		size_t u = 0;

		for (size_t i = 0; i < nm; i++)
			if (u == 0 || strcmp(month[i], month[u - 1]) != 0)
				month[u++] = month[i];
		nm = u;
	}
	strbuf_adds(&p->b, "<h2 id=\"months\">The cohort month by month</h2>\n"
	    "<p class=\"meta\">");
	html_textf(&p->b, "Every headline indicator: the mean of the "
	    "cohort's sessions in each month with its 95%% CI (kept inside "
	    "the indicator's range; n sessions under each month), "
	    "and the mean of the trainees' own slopes (each trainee's OLS "
	    "trend, then their mean with a t interval).");
	if (undated > 0)
		html_textf(&p->b, " %zu session%s without a date %s not in "
		    "these charts.", undated, undated == 1 ? "" : "s",
		    undated == 1 ? "is" : "are");
	strbuf_adds(&p->b, "</p>\n<div class=\"grid\">\n");
	for (size_t h = 0; h < NHEAD; h++) {
		size_t i = (size_t)indicators_find(head[h]->name);
		const cJSON *tr = results_obj(trend, head[h]->name);
		double *mean = xcalloc(nm + 1, sizeof(double));
		double *lo = xcalloc(nm + 1, sizeof(double));
		double *hi = xcalloc(nm + 1, sizeof(double));
		char **label = xcalloc(nm + 1, sizeof(*label));
		strbuf d = { 0 };
		char *t;

		strbuf_adds(&d, "Monthly mean with 95% CI bars:");
		for (size_t m = 0; m < nm; m++) {
			struct stats_desc sd;
			size_t n = 0;

			for (size_t j = 0; j < nc; j++)
				if (strncmp(rp->r.s[cidx[j]].date, month[m], 7) ==
				    0)
					k[n++] = cidx[j];
			report_describe(rp, k, n, i, &sd);
			mean[m] = sd.mean;
			lo[m] = sd.ci_low;
			hi[m] = sd.ci_high;
			strbuf_addf(&d, " %s %s (n = %zu)%s", month[m],
			    report_num(sd.mean, 2, 0).s, sd.n, m + 1 < nm ?
			    ";" : ".");
			/* n beside every mean: under its month. */
			label[m] = xasprintf("%s (n %zu)", month[m], sd.n);
		}
		t = xasprintf("%s, cohort %s, by month", head[h]->label, p->id);
		strbuf_adds(&p->b, "<figure data-indicator=\"");
		html_text(&p->b, head[h]->name);
		strbuf_adds(&p->b, "\">");
		svg_months(&p->b, t, d.s, (const char *const *)label, mean, lo,
		    hi, nm, rp->in[i].fair, rp->in[i].good);
		strbuf_adds(&p->b, "<figcaption>");
		html_text(&p->b, head[h]->label);
		html_textf(&p->b, ": mean trainee slope %s per 30 days (95%% CI "
		    "%s to %s, %s trainees)", report_num(results_num(tr,
		    "mean_slope"), 2, 1).s, report_num(results_num(tr, "ci_low"),
		    2, 1).s, report_num(results_num(tr, "ci_high"), 2, 1).s,
		    report_num(results_count(tr, "n_trainees"), 0, 0).s);
		if (cJSON_IsString(results_get(tr, "why"))) {
			strbuf_adds(&p->b, " (");
			html_text(&p->b, results_get(tr, "why")->valuestring);
			strbuf_adds(&p->b, ")");
		}
		strbuf_adds(&p->b, "</figcaption></figure>\n");
		free(t);
		strbuf_free(&d);
		for (size_t m = 0; m < nm; m++)
			free(label[m]);
		free(label);
		free(mean);
		free(lo);
		free(hi);
	}
	strbuf_adds(&p->b, "</div>\n");
	free(month);
	free(buf);
	free(k);
	free(cidx);
}

/* --- term over term --- */

static const struct results *sort_r;

static int
cmp_by_cohort(const void *a, const void *b)
{
	const struct rsess *x = &sort_r->s[*(const size_t *)a];
	const struct rsess *y = &sort_r->s[*(const size_t *)b];

	return strcmp(x->cohort, y->cohort);
}

static int
cmp_cohort(const void *a, const void *b)
{
	const struct report_cohort *x = a, *y = b;
	int c = cmp_val(x->first, y->first, 0);

	return c != 0 ? c : strcmp(x->id, y->id);
}

/* Every cohort's headline descriptions, once per report: sessions sorted
 * by cohort, each cohort a run of them. */
static void
cohort_stats(struct report *rp)
{
	const struct results *r = &rp->r;
	const cJSON *it, *all = results_obj(r->corpus, "cohorts");
	size_t *idx = xcalloc(r->ns + 1, sizeof(*idx)), n = 0;

	rp->co = xcalloc((size_t)cJSON_GetArraySize(all) + 1, sizeof(*rp->co));
	for (size_t s = 0; s < r->ns; s++)
		if (r->s[s].cohort != NULL)
			idx[n++] = s;
	sort_r = r;	/* the reports run on one thread */
	qsort(idx, n, sizeof(*idx), cmp_by_cohort);
	cJSON_ArrayForEach(it, all) {
		struct report_cohort *c = &rp->co[rp->nco++];
		size_t a = 0, z;

		c->id = it->string;
		c->first = NAN;
		c->nclin = (size_t)cJSON_GetArraySize(results_arr(it,
		    "clinicians"));
		while (a < n && strcmp(r->s[idx[a]].cohort, c->id) < 0)
			a++;
		for (z = a; z < n && strcmp(r->s[idx[z]].cohort, c->id) == 0;
		    z++)
			if (isfinite(r->s[idx[z]].day) &&
			    !(r->s[idx[z]].day >= c->first))
				c->first = r->s[idx[z]].day;
		for (size_t h = 0; h < NHEAD; h++)
			report_describe(rp, idx + a, z - a,
			    (size_t)indicators_find(head[h]->name), &c->d[h]);
	}
	qsort(rp->co, rp->nco, sizeof(*rp->co), cmp_cohort);
	free(idx);
}

static void
terms_section(struct page *p)
{
	struct report *rp = p->rp;

	if (rp->co == NULL)
		cohort_stats(rp);
	strbuf_adds(&p->b, "<h2 id=\"terms\">Term over term</h2>\n");
	if (rp->nco < 2) {
		strbuf_adds(&p->b, "<p>Only one cohort in these results: no "
		    "term-over-term comparison.</p>\n");
		return;
	}
	strbuf_adds(&p->b, "<p class=\"meta\">Each cohort's sessions, cohorts "
	    "in the order of their first session: mean with its 95% CI and "
	    "n sessions (trainees). Sessions are nested in trainees, and "
	    "cohorts hold few of them: the intervals describe these "
	    "trainees' sessions, not the program, and no difference between "
	    "cohorts is tested.</p>\n<table class=\"terms\"><thead><tr><th "
	    "scope=\"col\">Indicator</th>");
	for (size_t c = 0; c < rp->nco; c++) {
		int this = strcmp(rp->co[c].id, p->id) == 0;

		strbuf_adds(&p->b, this ? "<th scope=\"col\" class=\"this\">" :
		    "<th scope=\"col\">");
		if (this)
			html_text(&p->b, rp->co[c].id);
		else
			report_link(&p->b, "cohort", rp->co[c].id);
		strbuf_adds(&p->b, "</th>");
	}
	strbuf_adds(&p->b, "</tr></thead><tbody>\n");
	for (size_t h = 0; h < NHEAD; h++) {
		strbuf_adds(&p->b, "<tr><th scope=\"row\">");
		html_text(&p->b, head[h]->label);
		strbuf_adds(&p->b, "</th>");
		for (size_t c = 0; c < rp->nco; c++) {
			const struct stats_desc *d = &rp->co[c].d[h];

			strbuf_adds(&p->b, strcmp(rp->co[c].id, p->id) == 0 ?
			    "<td class=\"n this\">" : "<td class=\"n\">");
			html_num(&p->b, d->mean, head[h]->decimals);
			strbuf_adds(&p->b, " <span class=\"meta\">(");
			if (isfinite(d->ci_low)) {
				html_num(&p->b, d->ci_low, head[h]->decimals);
				strbuf_adds(&p->b, "&#8211;");
				html_num(&p->b, d->ci_high, head[h]->decimals);
				strbuf_adds(&p->b, ", ");
			}
			strbuf_addf(&p->b, "n = %zu (%zu)", d->n,
			    rp->co[c].nclin);
			strbuf_adds(&p->b, ")</span></td>");
		}
		strbuf_adds(&p->b, "</tr>\n");
	}
	strbuf_adds(&p->b, "</tbody></table>\n");
}

/* --- each trainee's trajectory --- */

static void
trajectories(struct page *p)
{
	static const int shown[] = { IND_RQ, IND_PCT_CR };
	struct report *rp = p->rp;

	strbuf_adds(&p->b, "<h2 id=\"trajectories\">Each trainee's trajectory"
	    "</h2>\n<p class="
	    "\"meta\">");
	html_textf(&p->b, "A point is a session: follow it to the session's "
	    "page. %zu slopes are tested here, each at the 5%% level: even "
	    "if no one changed, about one in 20 would look significant by "
	    "chance (no adjustment for multiple comparisons).", 2 * p->nt);
	strbuf_adds(&p->b, "</p>\n");
	for (size_t k = 0; k < sizeof(shown) / sizeof(shown[0]); k++) {
		const struct indicator *in = &rp->in[shown[k]];

		strbuf_adds(&p->b, "<h3>");
		html_text(&p->b, in->label);
		strbuf_adds(&p->b, "</h3>\n<div class=\"grid\">\n");
		for (size_t j = 0; j < p->nt; j++) {
			const char *tid = p->t[j].id;
			size_t n = report_sessions_of(rp, tid, p->id, p->idx);
			double *x = xcalloc(n + 1, sizeof(*x));
			double *y = xcalloc(n + 1, sizeof(*y));
			char **href = xcalloc(n + 1, sizeof(*href));
			const cJSON *ci = results_get(results_obj(results_obj(
			    results_obj(rp->r.corpus, "clinicians"), tid),
			    "indicators"), in->name);
			struct svg_trend t = { x, y, n, results_num(ci,
				"slope_per_30d"), results_num(ci, "slope_ci_low"),
				results_num(ci, "slope_ci_high"), in->fair,
				in->good, 220, 130, (const char *const *)href,
				NULL };
			char *title, *desc;

			for (size_t i = 0; i < n; i++) {
				x[i] = rp->r.s[p->idx[i]].day;
				y[i] = rp->r.s[p->idx[i]].v[shown[k]];
				href[i] = report_session_page(&rp->r.s[p->idx[i]]);
			}
			title = xasprintf("%s of %s over time", in->label, tid);
			desc = xasprintf("%zu sessions; OLS trend %s per 30 days "
			    "with its 95%% CI band.", n,
			    report_num(t.slope, 3, 1).s);
			strbuf_adds(&p->b, "<figure>");
			svg_trend(&p->b, title, desc, &t);
			strbuf_adds(&p->b, "<figcaption>");
			report_link(&p->b, "clinician", tid);
			html_textf(&p->b, ": %s per 30 days (%s)",
			    report_num(t.slope, 2, 1).s,
			    report_p(results_range(ci, "slope_p", 0, 1)).s);
			strbuf_adds(&p->b, "</figcaption></figure>\n");
			for (size_t i = 0; i < n; i++)
				free(href[i]);
			free(href);
			free(title);
			free(desc);
			free(x);
			free(y);
		}
		strbuf_adds(&p->b, "</div>\n");
	}
}

int
report_cohort_page(struct report *rp, const char *id, const cJSON *c,
    char **why)
{
	struct page p = { .rp = rp, .id = id, .c = c };
	const cJSON *members = results_arr(c, "clinicians"), *it;
	char *title = xasprintf("Cohort %s", id), *name;
	size_t ns = 0;
	int rc;

	p.idx = xcalloc(rp->r.ns + 1, sizeof(*p.idx));
	p.t = xcalloc((size_t)cJSON_GetArraySize(members) + 1, sizeof(*p.t));
	cJSON_ArrayForEach(it, members)
		if (cJSON_IsString(it)) {
			p.t[p.nt].id = it->valuestring;
			trainee_fill(&p, &p.t[p.nt]);
			ns += p.t[p.nt++].n;
		}
	html_begin(&p.b, title);
	strbuf_adds(&p.b, "<h1>");
	html_text(&p.b, title);
	strbuf_adds(&p.b, "</h1>\n<p class=\"meta\">");
	html_textf(&p.b, "%zu trainee%s, %zu sessions: ", p.nt,
	    p.nt == 1 ? "" : "s", ns);
	for (size_t k = 0; k < p.nt; k++) {
		if (k > 0)
			strbuf_adds(&p.b, ", ");
		report_link(&p.b, "clinician", p.t[k].id);
	}
	strbuf_adds(&p.b, " \xC2\xB7 <a href=\"index.html\">all results</a>"
	    "</p>\n");
	if (p.nt == 0)
		strbuf_adds(&p.b, "<p>Not available. No trainees are listed for this "
		    "cohort.</p>\n");
	trainees_section(&p);
	months_section(&p);
	terms_section(&p);
	trajectories(&p);
	name = report_page_name("cohort", id);
	rc = report_finish(rp, name, &p.b, why);
	free(name);
	free(title);
	free(p.t);
	free(p.idx);
	return rc;
}
