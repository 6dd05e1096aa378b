/* index.c -- the researchers' page: the corpus, its statistics and
 * links to every other page. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report_internal.h"

static void
cell(strbuf *b, double v, int decimals)
{
	strbuf_adds(b, "<td class=\"n\">");
	html_num(b, v, decimals);
	strbuf_adds(b, "</td>");
}

static void
index_tables(strbuf *b, const struct report *rp)
{
	const struct results *r = &rp->r;
	const cJSON *inds = results_obj(r->corpus, "indicators"), *it, *m;
	const cJSON *lag = results_obj(r->corpus, "lag1"), *agree;
	const cJSON *measures = results_obj(r->corpus, "measures");
	int ncorr = 0;

	strbuf_adds(b, "<h2>Therapist effects</h2>\n<p class=\"meta\">ICC(1): "
	    "the share of an indicator's variance that lies between "
	    "clinicians (one-way ANOVA, unequal groups; 95% CI from F "
	    "limits, truncated at 0).</p>\n<table><thead><tr><th scope="
	    "\"col\">Indicator</th><th scope=\"col\">ICC(1)</th><th scope="
	    "\"col\">95% CI</th><th scope=\"col\">Clinicians</th><th scope="
	    "\"col\">Sessions</th></tr></thead><tbody>\n");
	for (size_t i = 0; i < IND_COUNT; i++) {
		const cJSON *icc = results_obj(results_obj(inds,
		    rp->in[i].name), "icc1");

		if (rp->in[i].group == IND_GROUP_COUNTS)
			continue;
		strbuf_adds(b, "<tr><th scope=\"row\">");
		html_text(b, rp->in[i].label);
		strbuf_adds(b, "</th>");
		/* ICC(1) lies in [-1/(k-1), 1] for groups of k >= 2. */
		cell(b, results_range(icc, "value", -1, 1), 2);
		strbuf_adds(b, "<td class=\"n\">");
		html_num(b, results_range(icc, "ci_low", -1, 1), 2);
		strbuf_adds(b, " to ");
		html_num(b, results_range(icc, "ci_high", -1, 1), 2);
		strbuf_adds(b, "</td>");
		cell(b, results_count(icc, "n_clinicians"), 0);
		cell(b, results_count(icc, "n_sessions"), 0);
		strbuf_adds(b, "</tr>\n");
	}
	strbuf_adds(b, "</tbody></table>\n");

	if (measures == NULL || measures->child == NULL)
		strbuf_adds(b, "<h2>Indicators and session measures</h2>\n"
		    "<p>Not available: no session carries outcome or alliance "
		    "measures.</p>\n");
	cJSON_ArrayForEach(m, measures) {
		const cJSON *corr = results_obj(m, "correlations");
		const cJSON *reg = results_obj(m, "regression");

		strbuf_adds(b, "<h2>Indicators and ");
		html_text(b, m->string);
		strbuf_adds(b, "</h2>\n<table><thead><tr><th scope=\"col\">"
		    "Indicator</th><th scope=\"col\">n</th><th scope=\"col\">"
		    "Pearson r</th><th scope=\"col\">95% CI</th><th scope="
		    "\"col\">p</th><th scope=\"col\">Spearman rho</th></tr>"
		    "</thead><tbody>\n");
		for (size_t i = 0; i < NHEAD; i++) {
			const cJSON *c = results_get(corr, head[i]->name);

			strbuf_adds(b, "<tr><th scope=\"row\">");
			html_text(b, head[i]->label);
			strbuf_adds(b, "</th>");
			cell(b, results_count(c, "n"), 0);
			cell(b, results_range(c, "pearson_r", -1, 1), 2);
			strbuf_adds(b, "<td class=\"n\">");
			html_num(b, results_range(c, "ci_low", -1, 1), 2);
			strbuf_adds(b, " to ");
			html_num(b, results_range(c, "ci_high", -1, 1), 2);
			strbuf_adds(b, "</td>");
			strbuf_adds(b, "<td class=\"n\">");
			if (isfinite(results_range(c, "p", 0, 1))) {
				html_text(b, report_p(results_range(c, "p", 0,
				    1)).s + 4);	/* "< 0.001" or "0.025" */
				ncorr++;
			} else
				strbuf_adds(b, "&#8211;");
			strbuf_adds(b, "</td>");
			cell(b, results_range(c, "spearman_rho", -1, 1), 2);
			strbuf_adds(b, "</tr>\n");
		}
		strbuf_adds(b, "</tbody></table>\n<p class=\"meta\">Regression on "
		    "the headline indicators: ");
		html_textf(b, "R\xC2\xB2 = %s, adjusted %s, n = %s",
		    report_num(results_range(reg, "r2", 0, 1), 2, 0).s,
		    report_num(results_range(reg, "adj_r2", -RESULTS_COUNT_MAX, 1), 2, 0).s,
		    report_num(results_count(reg, "n"), 0, 0).s);
		if (cJSON_IsString(results_get(reg, "why"))) {
			strbuf_adds(b, " (");
			html_text(b, results_get(reg, "why")->valuestring);
			strbuf_adds(b, ")");
		}
		strbuf_adds(b, "; coefficients in corpus.json.</p>\n");
	}
	if (ncorr > 0)
	{
		strbuf_adds(b, "<p class=\"meta\">");
		html_textf(b, "%d correlations are tested above, each at the "
		    "5%% level: even with no association at all, about one in "
		    "20 would look significant by chance. No adjustment for "
		    "multiple comparisons is made; read single small p-values "
		    "with care.", ncorr);
		strbuf_adds(b, "</p>\n");
	}

	if (lag == NULL)
		strbuf_adds(b, "<h2>What the client says next</h2>\n<p>Not "
		    "available.</p>\n");
	else {
		const cJSON *to = results_arr(lag, "to"), *from = results_arr(lag, "from"), *f;

		strbuf_adds(b, "<h2>What the client says next</h2>\n<p class="
		    "\"meta\">Lag-1 transitions from therapist tags (rows) to the "
		    "tags of the client's next utterance (columns): transitional "
		    "probability, and the adjusted residual z in brackets "
		    "(bold when |z| &gt; 1.96; Bakeman &amp; Quera 2011)."
		    "</p>\n<table><thead><tr><th scope=\"col\">Therapist</th>");
		cJSON_ArrayForEach(it, to) {
			strbuf_adds(b, "<th scope=\"col\">");
			html_text(b, cJSON_GetStringValue(it));
			strbuf_adds(b, "</th>");
		}
		strbuf_adds(b, "</tr></thead><tbody>\n");
		cJSON_ArrayForEach(f, from) {
			strbuf_adds(b, "<tr><th scope=\"row\">");
			html_text(b, cJSON_GetStringValue(f));
			strbuf_adds(b, "</th>");
			cJSON_ArrayForEach(it, to) {
				const cJSON *c;
				double p = NAN, z = NAN;

				cJSON_ArrayForEach(c, results_arr(lag, "cells"))
					if (strcmp(cJSON_GetStringValue(results_get(c,
					    "from")) ?: "", cJSON_GetStringValue(f)
					    ?: "") == 0 && strcmp(
					    cJSON_GetStringValue(results_get(c, "to")) ?:
					    "", cJSON_GetStringValue(it) ?: "") == 0) {
						p = results_range(c,
						    "probability", 0, 1);
						z = results_num(c, "adjusted_residual");
					}
				strbuf_adds(b, fabs(z) > 1.96 ? "<td class=\"n\">"
				    "<strong>" : "<td class=\"n\">");
				html_num(b, p, 2);
				strbuf_adds(b, " (");
				html_num(b, z, 1);
				strbuf_adds(b, fabs(z) > 1.96 ? ")</strong></td>" :
				    ")</td>");
			}
			strbuf_adds(b, "</tr>\n");
		}
		strbuf_adds(b, "</tbody></table>\n");
	}

	agree = results_get(r->corpus, "agreement");
	strbuf_adds(b, "<h2>Agreement with human codes</h2>\n");
	if (!cJSON_IsObject(agree)) {
		strbuf_adds(b, "<p>No session carries human codes.</p>\n");
		return;
	}
	html_textf(b, "%s coded sessions; presence per utterance.",
	    report_num(results_count(agree, "sessions"), 0, 0).s);
	strbuf_adds(b, "\n<table><thead><tr>");
	static const char *const ac[] = { "tag", "tp", "fp", "fn", "precision",
		"recall", "f1", "kappa", "icc21" };
	for (size_t k = 0; k < sizeof(ac) / sizeof(ac[0]); k++)
		strbuf_addf(b, "<th scope=\"col\">%s</th>", ac[k]);
	strbuf_adds(b, "</tr></thead><tbody>\n");
	cJSON_ArrayForEach(it, results_arr(agree, "tags")) {
		strbuf_adds(b, "<tr><th scope=\"row\">");
		html_text(b, cJSON_GetStringValue(results_get(it, "tag")));
		strbuf_adds(b, "</th>");
		/* tp, fp, fn are counts; precision, recall and F1 shares;
		 * kappa and ICC(2,1) at most 1 (and at least -1). */
		for (size_t k = 1; k < sizeof(ac) / sizeof(ac[0]); k++)
			cell(b, k < 4 ? results_count(it, ac[k]) :
			    results_range(it, ac[k], k < 7 ? 0 : -1, 1),
			    k < 4 ? 0 : 2);
		strbuf_adds(b, "</tr>\n");
	}
	strbuf_adds(b, "</tbody></table>\n");
}

/* The corpus overview: every indicator over all sessions, with the
 * bounded CI, n and the agreement with expert coders. */
static void
corpus_table(strbuf *b, const struct report *rp)
{
	const struct rgroup *all = &rp->r.group[RESULTS_ALL];
	size_t *idx = xcalloc(rp->r.ns + 1, sizeof(*idx));

	for (size_t k = 0; k < rp->r.ns; k++)
		idx[k] = k;
	strbuf_adds(b, "<p class=\"meta\">Session values over the whole "
	    "corpus: n sessions with a value, mean with its 95% CI (kept "
	    "inside the indicator's range), median and range; MITI 4.2.1 "
	    "thresholds where they exist; the indicator's session-level "
	    "agreement with expert coders (docs/validity.md).</p>\n<table "
	    "class=\"indicators\"><thead><tr><th scope=\"col\">Indicator</th>"
	    "<th scope=\"col\">n</th><th scope=\"col\">Mean</th><th "
	    "scope=\"col\">95% CI</th><th scope=\"col\">Median</th><th "
	    "scope=\"col\">Range</th><th scope=\"col\">MITI fair / good</th>"
	    "<th scope=\"col\">Agreement with experts</th></tr></thead>\n");
	for (int g = 0; g < IND_NGROUPS; g++) {
		strbuf_adds(b, "<tbody><tr class=\"group\"><th colspan=\"8\" "
		    "scope=\"rowgroup\">");
		html_text(b, indicators_group_name(g));
		strbuf_adds(b, "</th></tr>\n");
		for (size_t i = 0; i < IND_COUNT; i++) {
			const struct indicator *in = &rp->in[i];
			struct stats_desc d;
			int dp = in->decimals;

			if ((int)in->group != g)
				continue;
			report_describe(rp, idx, rp->r.ns, i, &d);
			strbuf_adds(b, "<tr><th scope=\"row\">");
			html_text(b, in->label);
			strbuf_addf(b, "</th><td class=\"n\">%zu</td>", d.n);
			cell(b, d.mean, dp);
			strbuf_adds(b, "<td class=\"n ci\">");
			html_num(b, d.ci_low, dp);
			strbuf_adds(b, "&#8211;");
			html_num(b, d.ci_high, dp);
			strbuf_adds(b, "</td>");
			cell(b, all->median[i], dp);
			strbuf_adds(b, "<td class=\"n\">");
			html_num(b, all->min[i], dp);
			strbuf_adds(b, "&#8211;");
			html_num(b, all->max[i], dp);
			strbuf_adds(b, "</td><td class=\"n\">");
			if (indicators_has_thresholds(in)) {
				html_num(b, in->fair, 1);
				strbuf_adds(b, " / ");
				html_num(b, in->good, 1);
			} else
				strbuf_adds(b, "&#8211;");
			strbuf_adds(b, "</td><td class=\"trust\">");
			report_trust(b, rp, in);
			strbuf_adds(b, "</td></tr>\n");
		}
		strbuf_adds(b, "</tbody>\n");
	}
	strbuf_adds(b, "</table>\n");
	free(idx);
}

/* Where the validity figures come from, or why there are none. */
static void
validity_note(strbuf *b, const struct report *rp)
{
	strbuf_adds(b, "<h2>How much to trust each number</h2>\n<p>");
	if (rp->val.path == NULL)
		html_text(b, "Validity not measured: no docs/validity.csv was "
		    "found (make eval writes it from expert-coded sessions; "
		    "docs/validity.md describes it). Every indicator above "
		    "says \"not measured\".");
	else if (rp->val.not_applicable != NULL) {
		html_textf(b, "Validity not measured for these results: %s.",
		    rp->val.not_applicable);
	} else {
		html_textf(b, "From %s (%zu figures): the session-level "
		    "Pearson r between each indicator and the experts' codes "
		    "of the same sessions, from a held-out data set when "
		    "there is one; an indicator below r = %.1f is "
		    "experimental and gets no MITI mark. A count of one tag "
		    "without a session-level r shows the tag's F1 per "
		    "utterance instead.", rp->val.path, rp->val.n,
		    VALIDITY_MIN_R);
	}
	strbuf_adds(b, "</p>\n");
}

int
report_index_page(struct report *rp, char **why)
{
	const struct results *r = &rp->r;
	const cJSON *it;
	strbuf b = { 0 };
	double *v = xcalloc(r->ns + 1, sizeof(*v));
	int rc;

	html_begin(&b, "rapport results");
	strbuf_adds(&b, "<h1>rapport results</h1>\n<p>");
	html_textf(&b, "%zu sessions from %s clinicians in %s cohorts.",
	    r->ns, report_num(results_count(r->corpus, "n_clinicians"), 0,
	    0).s, report_num(results_count(r->corpus, "n_cohorts"), 0, 0).s);
	strbuf_adds(&b, "</p>\n<h2>Clinicians</h2>\n<ul>\n");
	cJSON_ArrayForEach(it, results_obj(r->corpus, "clinicians")) {
		strbuf_adds(&b, "<li>");
		report_link(&b, "clinician", it->string);
		html_textf(&b, " \xE2\x80\x94 %s sessions",
		    report_num(results_count(it, "n_sessions"), 0, 0).s);
		if (cJSON_IsString(results_get(it, "cohort")))
			html_textf(&b, ", trainee (%s)",
			    results_get(it, "cohort")->valuestring);
		strbuf_adds(&b, "</li>\n");
	}
	strbuf_adds(&b, "</ul>\n<h2>Cohorts</h2>\n<ul>\n");
	cJSON_ArrayForEach(it, results_obj(r->corpus, "cohorts")) {
		strbuf_adds(&b, "<li>");
		report_link(&b, "cohort", it->string);
		strbuf_adds(&b, "</li>\n");
	}
	strbuf_adds(&b, "</ul>\n<h2>Indicators across sessions</h2>\n");
	corpus_table(&b, rp);
	strbuf_adds(&b, "<div class=\"grid\">\n");
	for (size_t h = 0; h < NHEAD; h++) {
		size_t i = (size_t)indicators_find(head[h]->name);
		char *d;

		for (size_t k = 0; k < r->ns; k++)
			v[k] = r->s[k].v[i];
		d = xasprintf("Histogram of %s over all sessions, 12 bins.",
		    head[h]->label);
		strbuf_adds(&b, "<figure>");
		svg_histogram(&b, head[h]->label, d, v, r->ns, 12);
		strbuf_adds(&b, "<figcaption>");
		html_text(&b, head[h]->label);
		html_textf(&b, " (median %s, n = %zu)",
		    report_num(r->group[RESULTS_ALL].median[i], 2, 0).s,
		    r->group[RESULTS_ALL].n[i]);
		strbuf_adds(&b, "</figcaption></figure>\n");
		free(d);
	}
	strbuf_adds(&b, "</div>\n");
	validity_note(&b, rp);
	index_tables(&b, rp);
	rc = report_finish(rp, "index.html", &b, why);
	free(v);
	return rc;
}
