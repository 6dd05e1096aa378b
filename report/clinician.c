/* clinician.c -- the page a supervisor reads before supervision.
 *
 * One clinician's sessions only: what they did in plain numbers (every
 * indicator, ruptures and directives named in the first lines), strengths
 * and things to work on with the rule and the numbers behind each
 * (judge.h), every indicator's mean with its bounded 95% CI and n against
 * the peer group and the MITI thresholds, how far each indicator agrees
 * with expert coders, trends, session measures, modality, the sessions
 * with links to their pages, redacted quotes. Printed, it fits on three
 * A4 or Letter pages (tests/report.test).
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report_internal.h"

/* The indicators given a trend chart: the headlines, then these. */
static const int trend_extra[] = { IND_DIRECTIVE_100, IND_RUPTURE };

struct page {
	struct report	*rp;
	const char	*id;
	const cJSON	*c;		/* corpus.json clinicians.<id> */
	size_t		*idx, n;	/* the sessions, in date order */
	const struct rgroup *peer;
	const char	*peer_name;
	struct stats_desc d[IND_COUNT];
	strbuf		 b;
};

/* --- the first lines --- */

static void
header(struct page *p)
{
	const cJSON *it;
	size_t dated = 0;
	const char *first = NULL, *last = NULL;

	for (size_t i = 0; i < p->n; i++) {
		const struct rsess *s = &p->rp->r.s[p->idx[i]];

		if (!isfinite(s->day))
			continue;
		dated++;
		if (first == NULL)
			first = s->date;
		last = s->date;
	}
	strbuf_adds(&p->b, "<h1>Clinician ");
	html_text(&p->b, p->id);
	strbuf_adds(&p->b, "</h1>\n<p class=\"meta\">");
	html_textf(&p->b, "%zu session%s", p->n, p->n == 1 ? "" : "s");
	if (first != NULL)
		html_textf(&p->b, ", %s to %s", first, last);
	if (dated < p->n)
		html_textf(&p->b, " (%zu without a date)", p->n - dated);
	cJSON_ArrayForEach(it, results_obj(p->c, "modalities")) {
		double v = cJSON_IsNumber(it) && it->valuedouble >= 0 &&
		    it->valuedouble <= RESULTS_COUNT_MAX ? it->valuedouble : NAN;

		html_textf(&p->b, " \xC2\xB7 %s: %s", it->string,
		    report_num(v, 0, 0).s);
	}
	if (cJSON_IsString(results_get(p->c, "cohort"))) {
		strbuf_adds(&p->b, " \xC2\xB7 trainee, cohort ");
		report_link(&p->b, "cohort",
		    results_get(p->c, "cohort")->valuestring);
	}
	html_textf(&p->b, " \xC2\xB7 compared with the %zu sessions of %zu "
	    "%s", p->peer->nsess, p->peer->nclin,
	    strcmp(p->peer_name, "trainees'") == 0 ? "trainees" :
	    strcmp(p->peer_name, "all") == 0 ? "clinicians" :
	    "experienced clinicians");
	strbuf_adds(&p->b, " \xC2\xB7 <a href=\"index.html\">all results</a>"
	    "</p>\n");
}

/* One sentence with the counts a supervisor acts on: ruptures, how many
 * were repaired, directives, and the MI-consistent counterweights. */
static void
glance(struct page *p)
{
	struct report *rp = p->rp;
	double rupt = report_sum(rp, p->idx, p->n, IND_RUPTURE);
	double w = report_sum(rp, p->idx, p->n, IND_RUPT_WITHDRAWAL);
	double cf = report_sum(rp, p->idx, p->n, IND_RUPT_CONFRONT);
	double rep = report_sum(rp, p->idx, p->n, IND_RUPT_REPAIRED);
	double dir = report_sum(rp, p->idx, p->n, IND_DIRECTIVE);
	double tu = report_sum(rp, p->idx, p->n, IND_T_UTT);
	double col = report_sum(rp, p->idx, p->n, IND_COLLAB);
	double aut = report_sum(rp, p->idx, p->n, IND_AUTONOMY);

	strbuf_adds(&p->b, "<p class=\"glance\" id=\"glance\">");
	html_textf(&p->b, "In these %zu sessions: ", p->n);
	html_textf(&p->b, "%.0f rupture%s", rupt, rupt == 1 ? "" : "s");
	if (rupt > 0) {
		html_textf(&p->b, " (%.0f withdrawal, %.0f confrontation), "
		    "%.0f followed by a repair within %d therapist utterances",
		    w, cf, rep, INDICATORS_REPAIR_WINDOW);
		html_textf(&p->b, " (%.0f%%)", 100 * rep / rupt);
	}
	html_textf(&p->b, "; %.0f repair utterance%s in all",
	    report_sum(rp, p->idx, p->n, IND_REPAIR),
	    report_sum(rp, p->idx, p->n, IND_REPAIR) == 1 ? "" : "s");
	html_textf(&p->b, "; %.0f directive%s", dir, dir == 1 ? "" : "s");
	if (tu > 0)
		html_textf(&p->b, " (%.1f per 100 therapist utterances)",
		    100 * dir / tu);
	html_textf(&p->b, "; %.0f time%s seeking collaboration and %.0f "
	    "supporting autonomy.", col, col == 1 ? "" : "s", aut);
	strbuf_adds(&p->b, "</p>\n");
}

/* At most this many strengths or things to work on in full; the rest
 * are named in one line (the table below has them all). */
#define JUDGED_SHOWN	5

struct judged_item {
	size_t			 ind;
	struct judge_verdict	 v;
};

/* Thresholds before levels before peers; then the report's sections;
 * then the table order. */
static int
cmp_judged(const void *a, const void *b)
{
	const struct judged_item *x = a, *y = b;
	const struct indicator *in = indicators_all(&(size_t){ 0 });

	if (x->v.rule != y->v.rule)
		return x->v.rule < y->v.rule ? -1 : 1;
	if (in[x->ind].group != in[y->ind].group)
		return in[x->ind].group < in[y->ind].group ? -1 : 1;
	return x->ind < y->ind ? -1 : x->ind > y->ind;
}

/* Strengths or things to work on (sign), each with its rule and numbers. */
static void
judged(struct page *p, int sign)
{
	struct report *rp = p->rp;
	struct judged_item item[IND_COUNT];
	size_t n = 0;

	for (size_t i = 0; i < IND_COUNT; i++)
		if (judge(&rp->in[i], i, &p->d[i], p->peer, p->peer_name,
		    report_experimental(rp, &rp->in[i]), &item[n].v) == sign)
			item[n++].ind = i;
	qsort(item, n, sizeof(*item), cmp_judged);
	strbuf_adds(&p->b, sign > 0 ? "<div id=\"strengths\"><h2>Strengths</h2>"
	    "<ul>\n" : "<div id=\"work\"><h2>Things to work on</h2><ul>\n");
	for (size_t k = 0; k < n && k < JUDGED_SHOWN; k++) {
		const struct indicator *in = &rp->in[item[k].ind];

		strbuf_adds(&p->b, "<li data-indicator=\"");
		html_text(&p->b, in->name);
		strbuf_adds(&p->b, "\"><strong>");
		html_text(&p->b, in->label);
		strbuf_adds(&p->b, "</strong>: ");
		html_text(&p->b, sign > 0 ? in->strength : in->work);
		strbuf_adds(&p->b, " <span class=\"why\">(");
		html_text(&p->b, item[k].v.why);
		html_textf(&p->b, "; n = %zu)", p->d[item[k].ind].n);
		strbuf_adds(&p->b, "</span></li>\n");
	}
	if (n > JUDGED_SHOWN) {
		strbuf_adds(&p->b, "<li class=\"also\">Also ");
		html_text(&p->b, sign > 0 ? "better than most peers" :
		    "in the peers' worst quarter");
		strbuf_adds(&p->b, ": ");
		for (size_t k = JUDGED_SHOWN; k < n; k++) {
			strbuf_adds(&p->b, k > JUDGED_SHOWN ? ", " : "");
			html_text(&p->b, rp->in[item[k].ind].label);
		}
		strbuf_adds(&p->b, ".</li>\n");
	}
	if (n == 0)
		strbuf_adds(&p->b, sign > 0 ? "<li>No indicator stands out yet "
		    "against the thresholds, rapport's levels or the peers."
		    "</li>\n" : "<li>No indicator falls below the thresholds, "
		    "beyond rapport's levels or into the peers' worst quarter."
		    "</li>\n");
	strbuf_adds(&p->b, "</ul></div>");
}

/* --- the indicator table --- */

static void
indicator_row(struct page *p, size_t i)
{
	struct report *rp = p->rp;
	const struct indicator *in = &rp->in[i];
	const struct stats_desc *d = &p->d[i];
	int ex = report_experimental(rp, in), dp = in->decimals;
	struct svg_range g = { p->peer->min[i], p->peer->q1[i],
		p->peer->median[i], p->peer->q3[i], p->peer->max[i], in->fair,
		in->good, d->mean, d->ci_low, d->ci_high, 200 };
	char *desc;

	strbuf_adds(&p->b, "<tr data-indicator=\"");
	html_text(&p->b, in->name);
	strbuf_adds(&p->b, "\"><th scope=\"row\">");
	html_text(&p->b, in->label);
	strbuf_adds(&p->b, "</th><td class=\"n\">");
	html_num(&p->b, d->mean, dp);
	strbuf_adds(&p->b, "</td><td class=\"n ci\">");
	if (isfinite(d->ci_low)) {
		html_num(&p->b, d->ci_low, dp);
		strbuf_adds(&p->b, "&#8211;");
		html_num(&p->b, d->ci_high, dp);
	} else
		strbuf_adds(&p->b, "<span class=\"meta\">none</span>");
	strbuf_addf(&p->b, "</td><td class=\"n\">%zu</td><td class=\"n\">",
	    d->n);
	html_num(&p->b, p->peer->median[i], dp);
	strbuf_adds(&p->b, "</td><td>");
	if (indicators_has_thresholds(in))
		report_mark(&p->b, judge_mark(in, d->mean, d->ci_low,
		    d->ci_high, ex));
	else if (ex)
		report_mark(&p->b, JUDGE_EXPERIMENTAL);
	else
		strbuf_adds(&p->b, "&#8211;");
	strbuf_adds(&p->b, "</td><td class=\"trust\">");
	report_trust(&p->b, rp, in);
	strbuf_adds(&p->b, "</td><td class=\"chart\">");
	desc = xasprintf("Mean %s (95%% CI %s to %s, %zu sessions); %s "
	    "sessions: median %s, range %s to %s.", report_num(d->mean, 2,
	    0).s, report_num(d->ci_low, 2, 0).s, report_num(d->ci_high, 2,
	    0).s, d->n, p->peer_name, report_num(g.median, 2, 0).s,
	    report_num(g.min, 2, 0).s, report_num(g.max, 2, 0).s);
	svg_range(&p->b, in->label, desc, &g);
	free(desc);
	strbuf_adds(&p->b, "</td></tr>\n");
}

static void
indicator_table(struct page *p)
{
	strbuf_adds(&p->b, "<h2 id=\"indicators\">Indicators</h2>\n<p class="
	    "\"meta\">Mean over "
	    "the clinician's sessions with its 95% CI (kept inside the "
	    "indicator's range) and n, the sessions with a value; the chart "
	    "sets it (blue) against the ");
	html_text(&p->b, p->peer_name);
	strbuf_adds(&p->b, " sessions (grey range, light blue quartiles, "
	    "median tick) and the MITI 4.2.1 thresholds (dashed: orange "
	    "fair, green good). A MITI mark is claimed only when the whole "
	    "CI lies in its band. Agreement with experts: the indicator's "
	    "session-level r against expert coding (docs/validity.md); "
	    "below 0.5 it is experimental and gets no mark.</p>\n"
	    "<table class=\"indicators\">\n<thead><tr><th scope=\"col\">"
	    "Indicator</th><th scope=\"col\">Mean</th><th scope=\"col\">95% "
	    "CI</th><th scope=\"col\">n</th><th scope=\"col\">Peers' median"
	    "</th><th scope=\"col\">MITI</th><th scope=\"col\">Agreement "
	    "with experts</th><th scope=\"col\">Against the peers</th></tr>"
	    "</thead>\n");
	for (int g = 0; g < IND_GROUP_COUNTS; g++) {
		strbuf_adds(&p->b, "<tbody><tr class=\"group\"><th colspan=\"8\" "
		    "scope=\"rowgroup\">");
		html_text(&p->b, indicators_group_name(g));
		strbuf_adds(&p->b, "</th></tr>\n");
		for (size_t i = 0; i < IND_COUNT; i++)
			if ((int)p->rp->in[i].group == g)
				indicator_row(p, i);
		strbuf_adds(&p->b, "</tbody>\n");
	}
	strbuf_adds(&p->b, "</table>\n");

	/* The counts behind the ratios: mean per session and total. */
	strbuf_adds(&p->b, "<h3>");
	html_text(&p->b, indicators_group_name(IND_GROUP_COUNTS));
	strbuf_adds(&p->b, "</h3>\n<table class=\"counts\"><thead><tr><th "
	    "scope=\"col\">Count</th><th scope=\"col\">Per session</th><th "
	    "scope=\"col\">Total</th><th scope=\"col\">Count</th><th scope="
	    "\"col\">Per session</th><th scope=\"col\">Total</th></tr></thead>"
	    "<tbody>\n");
	{
		size_t k = 0;

		for (size_t i = 0; i < IND_COUNT; i++) {
			if (p->rp->in[i].group != IND_GROUP_COUNTS)
				continue;
			strbuf_adds(&p->b, k % 2 == 0 ? "<tr><th scope=\"row\" "
			    "data-indicator=\"" : "<th scope=\"row\" "
			    "data-indicator=\"");
			html_text(&p->b, p->rp->in[i].name);
			strbuf_adds(&p->b, "\">");
			html_text(&p->b, p->rp->in[i].label);
			strbuf_adds(&p->b, "</th><td class=\"n\">");
			html_num(&p->b, p->d[i].mean, 1);
			strbuf_adds(&p->b, "</td><td class=\"n\">");
			html_num(&p->b, report_sum(p->rp, p->idx, p->n, i), 0);
			strbuf_adds(&p->b, k % 2 == 0 ? "</td>" : "</td></tr>\n");
			k++;
		}
		if (k % 2 == 1)
			strbuf_adds(&p->b, "<td></td><td></td><td></td></tr>\n");
	}
	strbuf_adds(&p->b, "</tbody></table>\n");
}

/* --- trends --- */

/* Has any of the clinician's sessions session measure name? */
static int
has_measure(const struct page *p, const char *name)
{
	for (size_t i = 0; i < p->n; i++)
		if (isfinite(report_measure(&p->rp->r.s[p->idx[i]], name)))
			return 1;
	return 0;
}

static void
trend_figure(struct page *p, size_t ind, const char *measure, int *shown)
{
	struct report *rp = p->rp;
	double *x = xcalloc(p->n + 1, sizeof(*x));
	double *y = xcalloc(p->n + 1, sizeof(*y));
	char **href = xcalloc(p->n + 1, sizeof(*href));
	char **tip = xcalloc(p->n + 1, sizeof(*tip));
	struct svg_trend t = { x, y, p->n, NAN, NAN, NAN, NAN, NAN, 210, 120,
		(const char *const *)href, (const char *const *)tip };
	const struct indicator *in = ind < IND_COUNT ? &rp->in[ind] : NULL;
	const char *label = in != NULL ? in->label : measure;
	struct stats_trend tr = { 0 };
	char why[96], *title, *desc;
	const char *no;

	for (size_t i = 0; i < p->n; i++) {
		const struct rsess *s = &rp->r.s[p->idx[i]];

		x[i] = s->day;
		y[i] = in != NULL ? s->v[ind] : report_measure(s, measure);
		href[i] = report_session_page(s);
		tip[i] = xasprintf("session %zu, %s: %s", s->ord, s->date ?
		    s->date : "no date", report_num(y[i], 2, 0).s);
	}
	if (in != NULL) {
		/* The slope of clinicians.csv (aggregate.c). */
		const cJSON *ci = results_get(results_obj(p->c, "indicators"),
		    in->name);

		t.slope = results_num(ci, "slope_per_30d");
		t.slope_low = results_num(ci, "slope_ci_low");
		t.slope_high = results_num(ci, "slope_ci_high");
		tr.p = results_range(ci, "slope_p", 0, 1);
		t.fair = in->fair;
		t.good = in->good;
	} else {
		stats_trend(x, y, p->n, &tr);
		t.slope = tr.slope;
		t.slope_low = tr.ci_low;
		t.slope_high = tr.ci_high;
	}
	no = report_no_trend(rp, p->idx, p->n, ind, measure, why, sizeof(why));
	title = xasprintf("%s of %s over time", label, p->id);
	desc = xasprintf("%zu sessions as points, each linked to its page; "
	    "the line is the OLS trend (%s per 30 days), the band its 95%% "
	    "CI; dashed lines are MITI thresholds where they exist.", p->n,
	    report_num(t.slope, 3, 1).s);
	strbuf_adds(&p->b, "<figure>");
	svg_trend(&p->b, title, desc, &t);
	strbuf_adds(&p->b, "<figcaption>");
	html_text(&p->b, label);
	if (no != NULL)
		html_textf(&p->b, ": %s", no);
	else if (!isfinite(t.slope))
		html_text(&p->b, ": no trend (no variation)");
	else if (!isfinite(tr.p))
		html_textf(&p->b, ": %s per 30 days, no test (%s)",
		    report_num(t.slope, 2, 1).s, t.slope == 0 ?
		    "the same in every session" : "a perfect fit");
	else {
		html_textf(&p->b, ": %s per 30 days (%s to %s, %s)",
		    report_num(t.slope, 2, 1).s, report_num(t.slope_low, 2,
		    1).s, report_num(t.slope_high, 2, 1).s,
		    report_p(tr.p).s);
		(*shown)++;
	}
	strbuf_adds(&p->b, "</figcaption></figure>\n");
	for (size_t i = 0; i < p->n; i++) {
		free(href[i]);
		free(tip[i]);
	}
	free(title);
	free(desc);
	free(href);
	free(tip);
	free(x);
	free(y);
}

static void
trends(struct page *p)
{
	strbuf page = p->b;	/* the figures go first into a buffer of */
	int shown = 0;		/* their own: the note before them counts */

	memset(&p->b, 0, sizeof(p->b));
	for (size_t h = 0; h < NHEAD; h++)
		trend_figure(p, (size_t)indicators_find(head[h]->name), NULL,
		    &shown);
	for (size_t k = 0; k < sizeof(trend_extra) / sizeof(trend_extra[0]);
	    k++)
		trend_figure(p, (size_t)trend_extra[k], NULL, &shown);
	for (size_t m = 0; m < p->rp->r.nmnames; m++)
		if (has_measure(p, p->rp->r.mnames[m]))
			trend_figure(p, IND_COUNT, p->rp->r.mnames[m], &shown);
	strbuf_adds(&page, "<h2 id=\"trends\">Trends</h2>\n<p class=\"meta\">");
	html_textf(&page, "%d trend%s tested here, each at the 5%% level: "
	    "even if nothing changed, about one in 20 would look significant "
	    "by chance, so read a single small p-value with care (no "
	    "adjustment for multiple comparisons is made). A point is a "
	    "session: follow it to the session's page.", shown,
	    shown == 1 ? " is" : "s are");
	strbuf_adds(&page, "</p>\n<div class=\"grid\">\n");
	strbuf_add(&page, p->b.s, p->b.len);
	strbuf_adds(&page, "</div>\n");
	strbuf_free(&p->b);
	p->b = page;
}

/* --- session measures and modality --- */

static void
measures(struct page *p)
{
	struct report *rp = p->rp;

	size_t have = 0;

	for (size_t m = 0; m < rp->r.nmnames; m++)
		have += has_measure(p, rp->r.mnames[m]);
	if (have == 0)
		return;
	strbuf_adds(&p->b, "<h2 id=\"measures\">Session measures</h2>\n<table "
	    "class=\"measures\"><thead><tr><th "
	    "scope=\"col\">Measure</th><th scope=\"col\">n</th><th scope="
	    "\"col\">Mean</th><th scope=\"col\">95% CI</th><th scope=\"col\">"
	    "Trend per 30 days</th><th scope=\"col\">p</th></tr></thead>"
	    "<tbody>\n");
	for (size_t m = 0; m < rp->r.nmnames; m++) {
		const char *name = rp->r.mnames[m];
		double *x = xcalloc(p->n + 1, sizeof(*x));
		double *y = xcalloc(p->n + 1, sizeof(*y));
		struct stats_desc d;
		struct stats_trend tr;
		char why[96];
		const char *no;
		int known;

		if (!has_measure(p, name)) {
			free(x);
			free(y);
			continue;
		}
		for (size_t i = 0; i < p->n; i++) {
			x[i] = rp->r.s[p->idx[i]].day;
			y[i] = report_measure(&rp->r.s[p->idx[i]], name);
		}
		report_describe_measure(rp, p->idx, p->n, name, &d, &known);
		stats_trend(x, y, p->n, &tr);
		no = report_no_trend(rp, p->idx, p->n, IND_COUNT, name, why,
		    sizeof(why));
		strbuf_adds(&p->b, "<tr><th scope=\"row\">");
		html_text(&p->b, name);
		strbuf_addf(&p->b, "</th><td class=\"n\">%zu</td><td class="
		    "\"n\">", d.n);
		html_num(&p->b, d.mean, 1);
		strbuf_adds(&p->b, "</td><td class=\"n ci\">");
		if (isfinite(d.ci_low)) {
			html_num(&p->b, d.ci_low, 1);
			strbuf_adds(&p->b, "&#8211;");
			html_num(&p->b, d.ci_high, 1);
			if (!known)
				strbuf_adds(&p->b, " <span class=\"meta\">(t; "
				    "scale unknown)</span>");
		} else
			strbuf_adds(&p->b, "<span class=\"meta\">none</span>");
		strbuf_adds(&p->b, "</td><td class=\"n\">");
		if (no != NULL)
			html_text(&p->b, no);
		else {
			html_text(&p->b, report_num(tr.slope, 2, 1).s);
			html_textf(&p->b, " (%s to %s)", report_num(tr.ci_low, 2,
			    1).s, report_num(tr.ci_high, 2, 1).s);
		}
		strbuf_adds(&p->b, "</td><td class=\"n\">");
		html_text(&p->b, no != NULL ? "" : report_p(tr.p).s);
		strbuf_adds(&p->b, "</td></tr>\n");
		free(x);
		free(y);
	}
	strbuf_adds(&p->b, "</tbody></table>\n");
}

static void
modality(struct page *p)
{
	static const char *const modes[] = { "in-person", "video", "phone" };
	struct report *rp = p->rp;
	size_t *k = xcalloc(p->n + 1, sizeof(*k));

	strbuf_adds(&p->b, "<h2>Video and phone against in-person</h2>\n<table"
	    " class=\"modality\"><thead><tr><th scope=\"col\">Indicator</th>");
	for (size_t m = 0; m < 3; m++)
		strbuf_addf(&p->b, "<th scope=\"col\">%s (n)</th>", modes[m]);
	strbuf_adds(&p->b, "</tr></thead>\n<tbody>\n");
	for (size_t h = 0; h < NHEAD; h++) {
		size_t i = (size_t)indicators_find(head[h]->name);

		strbuf_adds(&p->b, "<tr><th scope=\"row\">");
		html_text(&p->b, head[h]->label);
		strbuf_adds(&p->b, "</th>");
		for (size_t m = 0; m < 3; m++) {
			struct stats_desc d;
			size_t n = 0;

			for (size_t j = 0; j < p->n; j++) {
				const char *mo = rp->r.s[p->idx[j]].modality;

				if (mo != NULL && strcmp(mo, modes[m]) == 0)
					k[n++] = p->idx[j];
			}
			report_describe(rp, k, n, i, &d);
			strbuf_adds(&p->b, "<td class=\"n\">");
			html_num(&p->b, d.mean, head[h]->decimals);
			if (n > 0)
				strbuf_addf(&p->b, " <span class=\"meta\">(%zu)"
				    "</span>", d.n);
			strbuf_adds(&p->b, "</td>");
		}
		strbuf_adds(&p->b, "</tr>\n");
	}
	strbuf_adds(&p->b, "</tbody></table>\n");
	free(k);
}

/* --- the sessions, linked to their pages --- */

static void
sessions(struct page *p)
{
	static const int cols[] = { IND_RQ, IND_PCT_CR, IND_PCT_OQ,
		IND_DIRECTIVE, IND_RUPTURE, IND_RUPT_REPAIRED, IND_REPAIR,
		IND_DISRUPT_EVENTS };
	struct report *rp = p->rp;

	strbuf_adds(&p->b, "<h2 id=\"sessions\">Sessions</h2>\n<table class="
	    "\"sessions\">"
	    "<thead><tr><th scope=\"col\">Session</th><th scope=\"col\">Date"
	    "</th><th scope=\"col\">Modality</th>");
	for (size_t c = 0; c < sizeof(cols) / sizeof(cols[0]); c++) {
		strbuf_adds(&p->b, "<th scope=\"col\">");
		html_text(&p->b, indicators_abbr(&rp->in[cols[c]]));
		strbuf_adds(&p->b, "</th>");
	}
	for (size_t m = 0; m < rp->r.nmnames; m++) {
		if (!has_measure(p, rp->r.mnames[m]))
			continue;
		strbuf_adds(&p->b, "<th scope=\"col\">");
		html_text(&p->b, rp->r.mnames[m]);
		strbuf_adds(&p->b, "</th>");
	}
	strbuf_adds(&p->b, "</tr></thead><tbody>\n");
	for (size_t i = 0; i < p->n; i++) {
		const struct rsess *s = &rp->r.s[p->idx[i]];
		char *page = report_session_page(s);

		strbuf_adds(&p->b, "<tr><th scope=\"row\"><a href=\"");
		html_text(&p->b, page);
		strbuf_addf(&p->b, "\">session %zu</a></th><td class=\"date\">",
		    s->ord);
		html_text(&p->b, s->date != NULL ? s->date : "no date");
		strbuf_adds(&p->b, "</td><td>");
		html_text(&p->b, s->modality != NULL ? s->modality : "\xE2\x80\x93");
		strbuf_adds(&p->b, "</td>");
		for (size_t c = 0; c < sizeof(cols) / sizeof(cols[0]); c++) {
			strbuf_adds(&p->b, "<td class=\"n\">");
			html_num(&p->b, s->v[cols[c]],
			    rp->in[cols[c]].type == INDICATOR_COUNT ? 0 :
			    rp->in[cols[c]].decimals);
			strbuf_adds(&p->b, "</td>");
		}
		for (size_t m = 0; m < rp->r.nmnames; m++) {
			if (!has_measure(p, rp->r.mnames[m]))
				continue;
			strbuf_adds(&p->b, "<td class=\"n\">");
			html_num(&p->b, report_measure(s, rp->r.mnames[m]), 1);
			strbuf_adds(&p->b, "</td>");
		}
		strbuf_adds(&p->b, "</tr>\n");
		free(page);
	}
	strbuf_adds(&p->b, "</tbody></table>\n");
}

/* --- quotes --- */

static void
examples(struct page *p)
{
	static const struct { const char *kind, *title; } kinds[] = {
		{ "reflection", "Reflections" },
		{ "validation", "Validations" },
		{ "affirmation", "Affirmations" },
		{ "jargon", "Jargon, with a plain alternative" },
		{ "directive", "Directives: advice without permission (ask "
		    "first, or ask what the client thinks)" },
	};
	const struct results *r = &p->rp->r;
	size_t quote = 0;

	strbuf_adds(&p->b, "<h2 id=\"examples\">Examples</h2>\n<p class="
	    "\"meta\">The strongest "
	    "examples found in this clinician's sessions, redacted; a quote "
	    "is never shown as a skill when it is also a directive.</p>\n"
	    "<div class=\"exgrid\">\n");
	for (size_t k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++) {
		const struct example **pick = xcalloc(r->nex + 1,
		    sizeof(*pick));
		size_t n = 0;

		for (size_t e = 0; e < r->nex; e++) {
			const struct example *x = &r->ex[e];

			if (x->clinician != NULL && x->kind != NULL &&
			    strcmp(x->clinician, p->id) == 0 &&
			    strcmp(x->kind, kinds[k].kind) == 0)
				pick[n++] = x;
		}
		qsort(pick, n, sizeof(*pick), results_cmp_example);
		if (n > EXAMPLES_SHOWN)
			n = EXAMPLES_SHOWN;
		strbuf_adds(&p->b, "<div class=\"examples\" data-kind=\"");
		html_text(&p->b, kinds[k].kind);
		strbuf_adds(&p->b, "\"><h3>");
		html_text(&p->b, kinds[k].title);
		strbuf_adds(&p->b, "</h3>\n");
		if (n == 0)
			strbuf_adds(&p->b, "<p>None found.</p>\n");
		for (size_t j = 0; j < n; j++) {
			strbuf_adds(&p->b, "<blockquote><p>");
			html_text(&p->b, pick[j]->text);
			strbuf_adds(&p->b, "</p>");
			if (pick[j]->term != NULL) {
				strbuf_adds(&p->b, "<p class=\"meta\">&#8220;");
				html_text(&p->b, pick[j]->term);
				if (pick[j]->plain != NULL) {
					strbuf_adds(&p->b, "&#8221; &#8594; say "
					    "&#8220;");
					html_text(&p->b, pick[j]->plain);
				}
				strbuf_adds(&p->b, "&#8221;</p>");
			}
			/* A number on this page, never the session id, which
			 * may hold the client's ("P000113-2026-03-01"). */
			strbuf_addf(&p->b, "<p class=\"meta\">quote %zu", ++quote);
			if (pick[j]->date != NULL) {
				strbuf_adds(&p->b, ", ");
				html_text(&p->b, pick[j]->date);
			}
			strbuf_adds(&p->b, "</p></blockquote>\n");
		}
		strbuf_adds(&p->b, "</div>\n");
		free(pick);
	}
	strbuf_adds(&p->b, "</div>\n");
}

int
report_clinician_page(struct report *rp, const char *id, const cJSON *c,
    char **why)
{
	struct page p = { .rp = rp, .id = id, .c = c };
	const cJSON *cohort = results_get(c, "cohort");
	char *title = xasprintf("Clinician %s", id), *name;
	int rc;

	p.idx = xcalloc(rp->r.ns + 1, sizeof(*p.idx));
	p.n = report_sessions_of(rp, id, NULL, p.idx);
	p.peer = report_peer(rp, cJSON_IsString(cohort) ? cohort->valuestring :
	    NULL, &p.peer_name);
	for (size_t i = 0; i < IND_COUNT; i++)
		report_describe(rp, p.idx, p.n, i, &p.d[i]);
	html_begin(&p.b, title);
	header(&p);
	glance(&p);
	strbuf_adds(&p.b, "<div class=\"cols\">");
	judged(&p, 1);
	judged(&p, -1);
	strbuf_adds(&p.b, "</div>\n");
	indicator_table(&p);
	trends(&p);
	measures(&p);
	modality(&p);
	sessions(&p);
	examples(&p);
	name = report_page_name("clinician", id);
	rc = report_finish(rp, name, &p.b, why);
	free(name);
	free(title);
	free(p.idx);
	return rc;
}
