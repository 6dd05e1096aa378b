/* report.c -- the HTML reports (see report.h). */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "indicators.h"
#include "html.h"
#include "outfile.h"
#include "redact.h"
#include "results.h"
#include "report.h"
#include "session.h"
#include "svg.h"
#include "util.h"

/* The headline indicators, in the order pages show them, with the
 * direction that is better and plain words for strengths and things to
 * work on: the indicator table (indicators.c). */
#define head	(indicators_headline())

/* --- formatting --- */

/* v with `decimals` places ("%+" with sign > 0), or "n/a" when it is not
 * a number, for text and chart descriptions (html_num() is for cells).
 * The buffer lives until the end of the full expression (C11 6.2.4). */
struct num {
	char	s[32];
};

static struct num
num(double v, int decimals, int sign)
{
	struct num n;

	if (!isfinite(v))
		snprintf(n.s, sizeof(n.s), "n/a");
	else
		snprintf(n.s, sizeof(n.s), sign ? "%+.*f" : "%.*f", decimals,
		    v == 0 ? 0.0 : v);
	return n;
}

/* --- writing --- */

static int
write_page(struct results *r, const char *name, const strbuf *b, char **why)
{
	char *dir = xstrdup(r->pages);
	outfile *f;
	int rc = -1;

	if ((f = outfile_open(dir, name, why)) != NULL) {
		if (fwrite(b->s, 1, b->len, outfile_stream(f)) == b->len &&
		    outfile_finish(f, why) == 0 && outfile_commit(f, why) == 0)
			rc = 0;
		else {
			if (*why == NULL)
				*why = xasprintf("%s/%s: write error", dir, name);
			outfile_abort(f);
		}
	}
	free(dir);
	return rc;
}

/* "clinician-<id>.html": letters, digits, "." and "-" of the id stay,
 * every other byte becomes "_XX" (its hex value), so two ids never share
 * a page (one clinician's page must never hold another's sessions); the
 * "kind-" prefix keeps "." and ".." out of the name. */
static char *
page_name(const char *kind, const char *id)
{
	strbuf b = { 0 };

	strbuf_adds(&b, kind);
	strbuf_addc(&b, '-');
	for (const unsigned char *p = (const unsigned char *)id; *p != '\0';
	    p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || *p == '-' || *p == '.')
			strbuf_addc(&b, (char)*p);
		else
			strbuf_addf(&b, "_%02X", *p);
	}
	strbuf_adds(&b, ".html");
	return strbuf_release(&b);
}

static void
page_link(strbuf *b, const char *kind, const char *id)
{
	char *name = page_name(kind, id);

	strbuf_adds(b, "<a href=\"");
	html_text(b, name);
	strbuf_adds(b, "\">");
	html_text(b, id);
	strbuf_adds(b, "</a>");
	free(name);
}

static void
mark(strbuf *b, const char *prof)
{
	const char *cls = prof == NULL ? "none" : prof;

	strbuf_addf(b, "<span class=\"mark %s\">%s</span>", cls,
	    prof == NULL ? "no threshold" : prof);
}

/* The MITI thresholds of headline indicator i (NaN where none). */
static void
thresholds(size_t i, double *fair, double *good)
{
	*fair = head[i]->fair;
	*good = head[i]->good;
}

/* Is the clinician's mean m a strength (1), a thing to work on (-1), or
 * neither (0)? MITI thresholds where they exist; else the corpus
 * quartiles of session values in the better direction; talk share
 * against an even split. */
static int
judge(const struct results *r, size_t i, double m)
{
	double fair, good;

	if (!isfinite(m))
		return 0;
	thresholds(i, &fair, &good);
	if (isfinite(good))
		return m >= good ? 1 : m < fair ? -1 : 0;
	if (strcmp(head[i]->name, "talk_share") == 0)
		return m <= 0.5 ? 1 : m > 0.6 ? -1 : 0;
	if (!(r->q3[i] > r->q1[i]))
		return 0;
	if (head[i]->better > 0)
		return m >= r->q3[i] ? 1 : m <= r->q1[i] ? -1 : 0;
	return m <= r->q1[i] ? 1 : m >= r->q3[i] ? -1 : 0;
}

static const char *
footer_text(const struct results *r)
{
	static char buf[256];
	const char *v = cJSON_GetStringValue(results_get(r->corpus,
	    "rapport_version"));

	snprintf(buf, sizeof(buf), "Written by rapport %s from %zu sessions. "
	    "Quotes are therapist utterances with names, contact details, "
	    "addresses, dates, ages over 89 and ID numbers redacted. "
	    "Formulas: docs/statistics.md.",
	    v != NULL ? v : "?", r->ns);
	return buf;
}

/* End page b, write it as KIND-ID.html and free b. */
static int
finish_page(struct results *r, const char *kind, const char *id, strbuf *b,
    char **why)
{
	char *name = page_name(kind, id);
	int rc;

	html_end(b, footer_text(r));
	rc = write_page(r, name, b, why);
	free(name);
	strbuf_free(b);
	return rc;
}

/* The sessions of clinician id (and of cohort, when not NULL), as trend
 * points of headline indicator i. */
static size_t
points(const struct results *r, const char *id, const char *cohort,
    size_t i, double *x, double *y)
{
	size_t n = 0;

	for (size_t k = 0; k < r->ns; k++) {
		const struct rsess *s = &r->s[k];

		if (s->clinician == NULL || strcmp(s->clinician, id) != 0 ||
		    (cohort != NULL && (s->cohort == NULL ||
		    strcmp(s->cohort, cohort) != 0)))
			continue;
		x[n] = s->day;
		y[n++] = s->v[i];
	}
	return n;
}

static void
trend_chart(strbuf *b, const struct results *r, const char *id,
    const char *cohort, size_t i, const cJSON *ind, int w, int h)
{
	double *x = xcalloc(r->ns + 1, sizeof(*x));
	double *y = xcalloc(r->ns + 1, sizeof(*y));
	struct svg_trend t = { x, y, 0, NAN, NAN, NAN, NAN, NAN, w, h };
	char *title, *desc;

	t.n = points(r, id, cohort, i, x, y);
	/* A slope and its CI limits have no natural range (results.h). */
	t.slope = results_num(ind, "slope_per_30d");
	t.slope_low = results_num(ind, "slope_ci_low");
	t.slope_high = results_num(ind, "slope_ci_high");
	thresholds(i, &t.fair, &t.good);
	title = xasprintf("%s of %s over time", head[i]->label, id);
	desc = xasprintf("%zu sessions as points; the line is the OLS trend "
	    "(%s per 30 days), the band its 95%% CI; dashed lines are MITI "
	    "thresholds where they exist.", t.n, num(t.slope, 3, 1).s);
	svg_trend(b, title, desc, &t);
	free(title);
	free(desc);
	free(x);
	free(y);
}

static void
examples_section(strbuf *b, const struct results *r, const char *id)
{
	static const struct { const char *kind, *title; } kinds[] = {
		{ "reflection", "Reflections" },
		{ "validation", "Validations" },
		{ "affirmation", "Affirmations" },
		{ "jargon", "Jargon, with a plain alternative" },
	};
	const size_t max = EXAMPLES_SHOWN;
	size_t quote = 0;

	strbuf_adds(b, "<h2>Examples</h2>\n<p class=\"meta\">The strongest "
	    "examples found in this clinician's sessions, redacted.</p>\n");
	for (size_t k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++) {
		const struct example **pick = xcalloc(r->nex + 1,
		    sizeof(*pick));
		size_t n = 0;

		for (size_t e = 0; e < r->nex; e++) {
			const struct example *x = &r->ex[e];

			if (x->clinician != NULL && x->kind != NULL &&
			    strcmp(x->clinician, id) == 0 &&
			    strcmp(x->kind, kinds[k].kind) == 0)
				pick[n++] = x;
		}
		qsort(pick, n, sizeof(*pick), results_cmp_example);
		if (n > max)
			n = max;
		strbuf_adds(b, "<h3>");
		html_text(b, kinds[k].title);
		strbuf_adds(b, "</h3>\n");
		if (n == 0)
			strbuf_adds(b, "<p>None found.</p>\n");
		for (size_t j = 0; j < n; j++) {
			strbuf_adds(b, "<blockquote><p>");
			html_text(b, pick[j]->text);
			strbuf_adds(b, "</p>");
			if (pick[j]->term != NULL) {
				strbuf_adds(b, "<p class=\"meta\">&#8220;");
				html_text(b, pick[j]->term);
				if (pick[j]->plain != NULL) {
					strbuf_adds(b, "&#8221; &#8594; say "
					    "&#8220;");
					html_text(b, pick[j]->plain);
				}
				strbuf_adds(b, "&#8221;</p>");
			}
			/* A number on this page, never the session id, which
			 * may hold the client's ("P000113-2026-03-01"). */
			strbuf_addf(b, "<p class=\"meta\">quote %zu", ++quote);
			if (pick[j]->date != NULL) {
				strbuf_adds(b, ", ");
				html_text(b, pick[j]->date);
			}
			strbuf_adds(b, "</p></blockquote>\n");
		}
		free(pick);
	}
}

/* One column of the clinician's summary: the plain words of every
 * headline indicator judge() puts on side `sign` (1 strengths, -1 things
 * to work on), or `none` when there is none. */
static void
judged_list(strbuf *b, const struct results *r, const cJSON *inds, int sign,
    const char *title, const char *none)
{
	int n = 0;

	strbuf_adds(b, "<div><h2>");
	html_text(b, title);
	strbuf_adds(b, "</h2><ul>\n");
	for (size_t i = 0; i < NHEAD; i++) {
		if (judge(r, i, results_ind(results_get(inds, head[i]->name),
		    "mean", head[i])) != sign)
			continue;
		strbuf_adds(b, "<li>");
		html_text(b, sign > 0 ? head[i]->strength : head[i]->work);
		strbuf_adds(b, "</li>\n");
		n++;
	}
	if (n == 0) {
		strbuf_adds(b, "<li>");
		html_text(b, none);
		strbuf_adds(b, "</li>\n");
	}
	strbuf_adds(b, "</ul></div>");
}

static int
clinician_page(struct results *r, const char *id, const cJSON *c,
    char **why)
{
	const cJSON *inds = results_obj(c, "indicators"), *mods = results_obj(c, "modalities");
	const cJSON *corp = results_obj(r->corpus, "indicators"), *it;
	strbuf b = { 0 };
	char *title = xasprintf("Clinician %s", id);

	html_begin(&b, title);
	strbuf_adds(&b, "<h1>");
	html_text(&b, title);
	strbuf_adds(&b, "</h1>\n<p class=\"meta\">");
	html_textf(&b, "%s sessions", num(results_count(c, "n_sessions"), 0,
	    0).s);
	if (cJSON_IsString(results_get(c, "first_date"))) {
		char *d0 = results_str(c, "first_date"), *d1 = results_str(c, "last_date");

		html_textf(&b, ", %s to %s", d0, d1 ? d1 : d0);
		free(d0);
		free(d1);
	}
	cJSON_ArrayForEach(it, mods) {
		html_textf(&b, " \xC2\xB7 %s: %s", it->string,
		    num(cJSON_IsNumber(it) && it->valuedouble >= 0 &&
		    it->valuedouble <= RESULTS_COUNT_MAX ? it->valuedouble : NAN,
		    0, 0).s);
	}
	if (cJSON_IsString(results_get(c, "cohort"))) {
		strbuf_adds(&b, " \xC2\xB7 cohort ");
		page_link(&b, "cohort", results_get(c, "cohort")->valuestring);
	}
	strbuf_adds(&b, " \xC2\xB7 <a href=\"index.html\">all results</a></p>\n");

	/* Strengths and things to work on. */
	strbuf_adds(&b, "<div class=\"cols\">");
	judged_list(&b, r, inds, 1, "Strengths", "No indicator stands out "
	    "above the corpus yet.");
	judged_list(&b, r, inds, -1, "Things to work on", "No indicator falls "
	    "below the thresholds or the corpus's lower quartile.");
	strbuf_adds(&b, "</div>\n");

	/* Indicators against the corpus. */
	strbuf_adds(&b, "<h2>Indicators</h2>\n<p class=\"meta\">Mean over the "
	    "clinician's sessions with its 95% CI (blue), against all "
	    "sessions of the corpus (grey range, light blue quartiles, median "
	    "tick) and the MITI 4.2.1 thresholds (dashed: orange fair, green "
	    "good).</p>\n<table class=\"indicators\">\n<thead><tr><th "
	    "scope=\"col\">Indicator</th><th scope=\"col\">Mean</th><th "
	    "scope=\"col\">95% CI</th><th scope=\"col\">Corpus median</th>"
	    "<th scope=\"col\">MITI</th><th scope=\"col\">Against the corpus"
	    "</th></tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < NHEAD; i++) {
		const cJSON *ci = results_get(inds, head[i]->name);
		const cJSON *co = results_get(corp, head[i]->name);
		/* The CI limits of a mean may cross the indicator's bounds
		 * (a t interval is not truncated): results_num(). */
		struct svg_range g = { results_ind(co, "min", head[i]), r->q1[i],
			r->median[i], r->q3[i], results_ind(co, "max", head[i]),
			NAN, NAN, results_ind(ci, "mean", head[i]),
			results_num(ci, "ci_low"), results_num(ci, "ci_high") };
		char *desc;

		thresholds(i, &g.fair, &g.good);
		strbuf_adds(&b, "<tr><th scope=\"row\">");
		html_text(&b, head[i]->label);
		strbuf_adds(&b, "</th><td class=\"n\">");
		html_num(&b, g.mean, head[i]->decimals);
		strbuf_adds(&b, "</td><td class=\"n\">");
		html_num(&b, g.ci_low, head[i]->decimals);
		strbuf_adds(&b, " to ");
		html_num(&b, g.ci_high, head[i]->decimals);
		strbuf_adds(&b, "</td><td class=\"n\">");
		html_num(&b, g.median, head[i]->decimals);
		strbuf_adds(&b, "</td><td>");
		if (isfinite(g.good))
			mark(&b, cJSON_GetStringValue(results_get(ci, "proficiency")));
		else
			strbuf_adds(&b, "&#8211;");
		strbuf_adds(&b, "</td><td>");
		desc = xasprintf("Mean %s (95%% CI %s to %s); corpus median %s, "
		    "range %s to %s.", num(g.mean, 2, 0).s, num(g.ci_low, 2,
		    0).s, num(g.ci_high, 2, 0).s, num(g.median, 2, 0).s,
		    num(g.min, 2, 0).s, num(g.max, 2, 0).s);
		svg_range(&b, head[i]->label, desc, &g);
		free(desc);
		strbuf_adds(&b, "</td></tr>\n");
	}
	strbuf_adds(&b, "</tbody></table>\n");

	/* Trends. */
	strbuf_adds(&b, "<h2>Trends</h2>\n<div class=\"grid\">\n");
	for (size_t i = 0; i < NHEAD; i++) {
		const cJSON *ci = results_get(inds, head[i]->name);

		strbuf_adds(&b, "<figure>");
		trend_chart(&b, r, id, NULL, i, ci, 300, 170);
		strbuf_adds(&b, "<figcaption>");
		html_text(&b, head[i]->label);
		html_textf(&b, ": %s per 30 days", num(results_num(ci,
		    "slope_per_30d"), 2, 1).s);
		if (isfinite(results_range(ci, "slope_p", 0, 1)))
			html_textf(&b, " (p = %.3f)", results_range(ci,
			    "slope_p", 0, 1));
		else
			html_text(&b, " (no test: too few sessions or no variation)");
		strbuf_adds(&b, "</figcaption></figure>\n");
	}
	strbuf_adds(&b, "</div>\n");

	/* Modality. */
	strbuf_adds(&b, "<h2>Video and phone against in-person</h2>\n<table>"
	    "<thead><tr><th scope=\"col\">Indicator</th>");
	static const char *const modes[] = { "in-person", "video", "phone" };
	for (size_t m = 0; m < 3; m++)
		strbuf_addf(&b, "<th scope=\"col\">%s</th>", modes[m]);
	strbuf_adds(&b, "</tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < NHEAD; i++) {
		const cJSON *bm = results_obj(results_get(inds, head[i]->name), "by_modality");

		strbuf_adds(&b, "<tr><th scope=\"row\">");
		html_text(&b, head[i]->label);
		strbuf_adds(&b, "</th>");
		for (size_t m = 0; m < 3; m++) {
			const cJSON *x = results_get(bm, modes[m]);

			strbuf_adds(&b, "<td class=\"n\">");
			html_num(&b, results_ind(x, "mean", head[i]),
			    head[i]->decimals);
			if (isfinite(results_count(x, "n")))
				strbuf_addf(&b, " <span class=\"meta\">(n=%.0f)"
				    "</span>", results_count(x, "n"));
			strbuf_adds(&b, "</td>");
		}
		strbuf_adds(&b, "</tr>\n");
	}
	strbuf_adds(&b, "</tbody></table>\n");
	examples_section(&b, r, id);
	free(title);
	return finish_page(r, "clinician", id, &b, why);
}

/* The index of headline indicator name in head[], or NHEAD. */
static size_t
head_index(const char *name)
{
	for (size_t i = 0; i < NHEAD; i++)
		if (strcmp(head[i]->name, name) == 0)
			return i;
	return NHEAD;
}

static int
cohort_page(struct results *r, const char *id, const cJSON *c, char **why)
{
	static const char *const shown[] = { "rq_ratio",
		"pct_complex_reflections" };
	const cJSON *members = results_arr(c, "clinicians"), *it;
	const cJSON *cl = results_obj(r->corpus, "clinicians");
	strbuf b = { 0 };
	char *title = xasprintf("Cohort %s", id);

	html_begin(&b, title);
	strbuf_adds(&b, "<h1>");
	html_text(&b, title);
	strbuf_adds(&b, "</h1>\n<p class=\"meta\">Trainees: ");
	cJSON_ArrayForEach(it, members) {
		if (it != members->child)
			strbuf_adds(&b, ", ");
		if (cJSON_IsString(it))
			page_link(&b, "clinician", it->valuestring);
	}
	strbuf_adds(&b, " \xC2\xB7 <a href=\"index.html\">all results</a></p>\n");

	/* Below threshold in their latest sessions. */
	strbuf_adds(&b, "<h2>Below threshold in the latest sessions</h2>\n"
	    "<table><thead><tr><th scope=\"col\">Trainee</th><th scope=\"col\">"
	    "Latest session</th><th scope=\"col\">Below the MITI fair "
	    "threshold (mean of the last sessions)</th></tr></thead><tbody>\n");
	if (results_obj(c, "latest") == NULL)
		strbuf_adds(&b, "<tr><td colspan=\"3\">Not available.</td></tr>"
		    "\n");
	cJSON_ArrayForEach(it, results_obj(c, "latest")) {
		const cJSON *below = results_arr(it, "below"), *x;
		size_t i;

		strbuf_adds(&b, "<tr><th scope=\"row\">");
		page_link(&b, "clinician", it->string);
		strbuf_adds(&b, "</th><td>");
		html_text(&b, cJSON_GetStringValue(results_get(it, "date")));
		strbuf_adds(&b, "</td><td>");
		if (cJSON_GetArraySize(below) == 0)
			strbuf_adds(&b, "<span class=\"mark good\">none</span>");
		cJSON_ArrayForEach(x, below) {
			if (!cJSON_IsString(x))
				continue;
			strbuf_adds(&b, "<span class=\"mark below\">below</span> ");
			i = head_index(x->valuestring);
			html_text(&b, i < NHEAD ? head[i]->label : x->valuestring);
			strbuf_adds(&b, " ");
		}
		strbuf_adds(&b, "</td></tr>\n");
	}
	strbuf_adds(&b, "</tbody></table>\n");

	/* The cohort's mean trend. */
	strbuf_adds(&b, "<h2>The cohort over the term</h2>\n<div class="
	    "\"grid\">\n");
	for (size_t s = 0; s < 2; s++) {
		const cJSON *months = results_arr(c, "months"), *m;
		const cJSON *tr = results_obj(results_obj(c, "trend"), shown[s]);
		size_t n = (size_t)cJSON_GetArraySize(months), k = 0;
		const char **labels = xcalloc(n + 1, sizeof(*labels));
		double *mean = xcalloc(n + 1, sizeof(double)),
		    *lo = xcalloc(n + 1, sizeof(double)),
		    *hi = xcalloc(n + 1, sizeof(double)), fair, good;
		size_t i = head_index(shown[s]);
		char *t, *d;

		cJSON_ArrayForEach(m, months) {
			const cJSON *v = results_obj(results_obj(m, "indicators"), shown[s]);

			labels[k] = cJSON_GetStringValue(results_get(m, "month"));
			if (labels[k] == NULL)
				labels[k] = "?";
			mean[k] = results_ind(v, "mean", head[i]);
			lo[k] = results_num(v, "ci_low");
			hi[k++] = results_num(v, "ci_high");
		}
		thresholds(i, &fair, &good);
		t = xasprintf("%s, cohort %s, by month", head[i]->label, id);
		d = xasprintf("Monthly mean over the cohort's sessions with 95%% "
		    "CI bars, %zu months; dashed lines are MITI thresholds.", k);
		strbuf_adds(&b, "<figure>");
		svg_months(&b, t, d, labels, mean, lo, hi, k, fair, good);
		strbuf_adds(&b, "<figcaption>");
		html_text(&b, head[i]->label);
		html_textf(&b, ": mean trainee slope %s per 30 days (95%% CI "
		    "%s to %s, %s trainees)", num(results_num(tr, "mean_slope"), 2,
		    1).s, num(results_num(tr, "ci_low"), 2, 0).s, num(results_num(tr,
		    "ci_high"), 2, 0).s, num(results_count(tr, "n_trainees"), 0,
		    0).s);
		if (cJSON_IsString(results_get(tr, "why"))) {
			strbuf_adds(&b, " (");
			html_text(&b, results_get(tr, "why")->valuestring);
			strbuf_adds(&b, ")");
		}
		strbuf_adds(&b, "</figcaption></figure>\n");
		free(t);
		free(d);
		free(labels);
		free(mean);
		free(lo);
		free(hi);
	}
	strbuf_adds(&b, "</div>\n");

	/* Small multiples. */
	strbuf_adds(&b, "<h2>Each trainee's trajectory</h2>\n");
	for (size_t s = 0; s < 2; s++) {
		size_t i = head_index(shown[s]);

		strbuf_adds(&b, "<h3>");
		html_text(&b, head[i]->label);
		strbuf_adds(&b, "</h3>\n<div class=\"grid\">\n");
		cJSON_ArrayForEach(it, members) {
			const cJSON *ci;

			if (!cJSON_IsString(it))
				continue;
			ci = results_obj(results_obj(results_obj(cl, it->valuestring), "indicators"),
			    shown[s]);
			strbuf_adds(&b, "<figure>");
			trend_chart(&b, r, it->valuestring, id, i, ci, 220, 130);
			strbuf_adds(&b, "<figcaption>");
			html_text(&b, it->valuestring);
			html_textf(&b, ": %s per 30 days", num(results_num(ci,
			    "slope_per_30d"), 2, 1).s);
			strbuf_adds(&b, "</figcaption></figure>\n");
		}
		strbuf_adds(&b, "</div>\n");
	}
	free(title);
	return finish_page(r, "cohort", id, &b, why);
}

static void
cell(strbuf *b, double v, int decimals)
{
	strbuf_adds(b, "<td class=\"n\">");
	html_num(b, v, decimals);
	strbuf_adds(b, "</td>");
}

static void
index_tables(strbuf *b, const struct results *r)
{
	const cJSON *inds = results_obj(r->corpus, "indicators"), *it, *m;
	const cJSON *lag = results_obj(r->corpus, "lag1"), *agree;
	const cJSON *measures = results_obj(r->corpus, "measures");

	strbuf_adds(b, "<h2>Therapist effects</h2>\n<p class=\"meta\">ICC(1): "
	    "the share of an indicator's variance that lies between "
	    "clinicians (one-way ANOVA, unequal groups; 95% CI from F "
	    "limits, truncated at 0).</p>\n<table><thead><tr><th scope="
	    "\"col\">Indicator</th><th scope=\"col\">ICC(1)</th><th scope="
	    "\"col\">95% CI</th><th scope=\"col\">Clinicians</th><th scope="
	    "\"col\">Sessions</th></tr></thead><tbody>\n");
	for (size_t i = 0; i < NHEAD; i++) {
		const cJSON *icc = results_obj(results_obj(inds, head[i]->name), "icc1");

		strbuf_adds(b, "<tr><th scope=\"row\">");
		html_text(b, head[i]->label);
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
			cell(b, results_range(c, "p", 0, 1), 3);
			cell(b, results_range(c, "spearman_rho", -1, 1), 2);
			strbuf_adds(b, "</tr>\n");
		}
		strbuf_adds(b, "</tbody></table>\n<p class=\"meta\">Regression on "
		    "the headline indicators: ");
		html_textf(b, "R\xC2\xB2 = %s, adjusted %s, n = %s",
		    num(results_range(reg, "r2", 0, 1), 2, 0).s,
		    num(results_range(reg, "adj_r2", -RESULTS_COUNT_MAX, 1), 2, 0).s,
		    num(results_count(reg, "n"), 0, 0).s);
		if (cJSON_IsString(results_get(reg, "why"))) {
			strbuf_adds(b, " (");
			html_text(b, results_get(reg, "why")->valuestring);
			strbuf_adds(b, ")");
		}
		strbuf_adds(b, "; coefficients in corpus.json.</p>\n");
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
	    num(results_count(agree, "sessions"), 0, 0).s);
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

/* The corpus overview: each headline indicator over all sessions, from
 * corpus.json (the session-level summary of aggregate.c). */
static void
corpus_table(strbuf *b, const struct results *r)
{
	const cJSON *inds = results_obj(r->corpus, "indicators");

	strbuf_adds(b, "<p class=\"meta\">Session values over the whole "
	    "corpus: mean with its 95% CI, standard deviation, median and "
	    "range; MITI 4.2.1 thresholds where they exist.</p>\n<table "
	    "class=\"indicators\"><thead><tr><th scope=\"col\">Indicator</th>"
	    "<th scope=\"col\">Sessions</th><th scope=\"col\">Mean</th><th "
	    "scope=\"col\">95% CI</th><th scope=\"col\">SD</th><th scope="
	    "\"col\">Median</th><th scope=\"col\">Range</th><th scope="
	    "\"col\">MITI fair / good</th></tr></thead><tbody>\n");
	for (size_t i = 0; i < NHEAD; i++) {
		const cJSON *c = results_obj(inds, head[i]->name);
		int d = head[i]->decimals;
		double fair, good;

		thresholds(i, &fair, &good);
		strbuf_adds(b, "<tr><th scope=\"row\">");
		html_text(b, head[i]->label);
		strbuf_adds(b, "</th>");
		cell(b, results_count(c, "n"), 0);
		cell(b, results_ind(c, "mean", head[i]), d);
		strbuf_adds(b, "<td class=\"n\">");
		html_num(b, results_num(c, "ci_low"), d);
		strbuf_adds(b, " to ");
		html_num(b, results_num(c, "ci_high"), d);
		strbuf_adds(b, "</td>");
		/* The sample SD of values in [lo, hi] is at most
		 * (hi - lo) / sqrt(2) (n = 2, one value at each end). */
		cell(b, results_range(c, "sd", 0, results_ind_hi(head[i]) -
		    head[i]->lo), d);
		cell(b, results_ind(c, "median", head[i]), d);
		strbuf_adds(b, "<td class=\"n\">");
		html_num(b, results_ind(c, "min", head[i]), d);
		strbuf_adds(b, " to ");
		html_num(b, results_ind(c, "max", head[i]), d);
		strbuf_adds(b, "</td><td class=\"n\">");
		if (isfinite(good)) {
			html_num(b, fair, 1);
			strbuf_adds(b, " / ");
			html_num(b, good, 1);
		} else
			strbuf_adds(b, "&#8211;");
		strbuf_adds(b, "</td></tr>\n");
	}
	strbuf_adds(b, "</tbody></table>\n");
}

static int
index_page(struct results *r, char **why)
{
	const cJSON *it;
	strbuf b = { 0 };
	double *v = xcalloc(r->ns + 1, sizeof(*v));
	int rc;

	html_begin(&b, "rapport results");
	strbuf_adds(&b, "<h1>rapport results</h1>\n<p>");
	html_textf(&b, "%zu sessions from %s clinicians in %s cohorts.",
	    r->ns, num(results_count(r->corpus, "n_clinicians"), 0, 0).s,
	    num(results_count(r->corpus, "n_cohorts"), 0, 0).s);
	strbuf_adds(&b, "</p>\n<h2>Clinicians</h2>\n<ul>\n");
	cJSON_ArrayForEach(it, results_obj(r->corpus, "clinicians")) {
		strbuf_adds(&b, "<li>");
		page_link(&b, "clinician", it->string);
		html_textf(&b, " \xE2\x80\x94 %s sessions",
		    num(results_count(it, "n_sessions"), 0, 0).s);
		strbuf_adds(&b, "</li>\n");
	}
	strbuf_adds(&b, "</ul>\n<h2>Cohorts</h2>\n<ul>\n");
	cJSON_ArrayForEach(it, results_obj(r->corpus, "cohorts")) {
		strbuf_adds(&b, "<li>");
		page_link(&b, "cohort", it->string);
		strbuf_adds(&b, "</li>\n");
	}
	strbuf_adds(&b, "</ul>\n<h2>Indicators across sessions</h2>\n");
	corpus_table(&b, r);
	strbuf_adds(&b, "<div class=\"grid\">\n");
	for (size_t i = 0; i < NHEAD; i++) {
		char *d;

		for (size_t k = 0; k < r->ns; k++)
			v[k] = r->s[k].v[i];
		d = xasprintf("Histogram of %s over all sessions, 12 bins.",
		    head[i]->label);
		strbuf_adds(&b, "<figure>");
		svg_histogram(&b, head[i]->label, d, v, r->ns, 12);
		strbuf_adds(&b, "<figcaption>");
		html_text(&b, head[i]->label);
		html_textf(&b, " (median %s)", num(r->median[i], 2, 0).s);
		strbuf_adds(&b, "</figcaption></figure>\n");
		free(d);
	}
	strbuf_adds(&b, "</div>\n");
	index_tables(&b, r);
	html_end(&b, footer_text(r));
	rc = write_page(r, "index.html", &b, why);
	strbuf_free(&b);
	free(v);
	return rc;
}

int
report_write(const char *dir, char **why)
{
	char *pages = xasprintf("%s/reports", dir);
	int rc = report_write_to(dir, pages, why);

	free(pages);
	return rc;
}

int
report_write_to(const char *dir, const char *pages, char **why)
{
	struct results r;
	const cJSON *it;
	int rc = -1;

	if (results_read(dir, &r, why) != 0)
		return -1;
	r.pages = pages;
	if (outfile_mkdirs(pages, why) != 0)
		goto out;
	cJSON_ArrayForEach(it, results_obj(r.corpus, "clinicians"))
		if (clinician_page(&r, it->string, it, why) != 0)
			goto out;
	cJSON_ArrayForEach(it, results_obj(r.corpus, "cohorts"))
		if (cohort_page(&r, it->string, it, why) != 0)
			goto out;
	rc = index_page(&r, why);
out:
	results_free(&r);
	return rc;
}
