/* report.c -- the HTML reports (report.h): the driver and what every page
 * shares (report_internal.h).
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "outfile.h"
#include "report.h"
#include "report_internal.h"
#include "sha256.h"
#include "tags.h"

/* --- formatting --- */

struct report_num
report_num(double v, int decimals, int sign)
{
	struct report_num n;

	if (!isfinite(v))
		snprintf(n.s, sizeof(n.s), "n/a");
	else
		snprintf(n.s, sizeof(n.s), sign ? "%+.*f" : "%.*f", decimals,
		    v == 0 ? 0.0 : v);
	return n;
}

struct report_num
report_p(double p)
{
	struct report_num n;

	if (!isfinite(p) || p < 0 || p > 1)
		snprintf(n.s, sizeof(n.s), "no test");
	else if (p < 0.001)
		snprintf(n.s, sizeof(n.s), "p < 0.001");
	else
		snprintf(n.s, sizeof(n.s), "p = %.3f", p);
	return n;
}

/* --- pages and links --- */

/* "KIND-ID.html": letters, digits, "." and "-" of the id stay, every
 * other byte becomes "_XX" (its hex value), so two ids never share a
 * page (one clinician's page must never hold another's sessions); the
 * "kind-" prefix keeps "." and ".." out of the name. A name that would
 * pass REPORT_NAME_MAX bytes keeps its first REPORT_NAME_KEEP and ends in
 * "~" and the id's SHA-256 instead. */
#define REPORT_NAME_MAX		200	/* below NAME_MAX (255) with room
					   for a temporary suffix */
#define REPORT_NAME_KEEP	(REPORT_NAME_MAX - 1 - 64 - 5)
char *
report_page_name(const char *kind, const char *id)
{
	strbuf b = { 0 };
	size_t keep = 0;

	strbuf_adds(&b, kind);
	strbuf_addc(&b, '-');
	for (const unsigned char *p = (const unsigned char *)id; *p != '\0';
	    p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || *p == '-' || *p == '.')
			strbuf_addc(&b, (char)*p);
		else
			strbuf_addf(&b, "_%02X", *p);
		if (b.len <= REPORT_NAME_KEEP)
			keep = b.len;
	}
	if (b.len + sizeof(".html") - 1 > REPORT_NAME_MAX) {
		/* Too long for one file name (NAME_MAX is 255 bytes on
		 * Linux filesystems): keep the start, cut after a whole
		 * character or escape, and add the id's SHA-256 so two
		 * ids still never share a page. "~" never appears in the
		 * escaped part. */
		sha256_ctx c;
		char hex[65];

		sha256_init(&c);
		sha256_update(&c, strlen(id), (const uint8_t *)id);
		sha256_final_hex(&c, hex);
		b.len = keep;
		b.s[keep] = '\0';
		strbuf_addf(&b, "~%s", hex);
	}
	strbuf_adds(&b, ".html");
	return strbuf_release(&b);
}

/* The clinician's id, escaped as in report_page_name(), then "--" (two
 * hyphens: "C-1"'s third page and "C"'s page "1-3" cannot meet) and
 * the number: "session-C03--4.html". */
char *
report_session_page(const struct rsess *s)
{
	char *id = xasprintf("%s--%zu", s->clinician ? s->clinician : "",
	    s->ord);
	char *name = report_page_name("session", id);

	free(id);
	return name;
}

void
report_link(strbuf *b, const char *kind, const char *id)
{
	char *name = report_page_name(kind, id);

	strbuf_adds(b, "<a href=\"");
	html_text(b, name);
	strbuf_adds(b, "\">");
	html_text(b, id);
	strbuf_adds(b, "</a>");
	free(name);
}

static int
write_page(struct report *rp, const char *name, const strbuf *b,
    char **why)
{
	char *dir = xstrdup(rp->r.pages);
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

static const char *
footer_text(const struct report *rp)
{
	static char buf[512];
	const char *v = cJSON_GetStringValue(results_get(rp->r.corpus,
	    "rapport_version"));

	snprintf(buf, sizeof(buf), "Written by rapport %s from %zu sessions. "
	    "Quotes and transcripts are redacted: names, contact details, "
	    "addresses, dates, ages over 89 and ID numbers. Intervals are "
	    "95%% and stay inside each indicator's range; formulas and "
	    "sources: docs/statistics.md.", v != NULL ? v : "?", rp->r.ns);
	return buf;
}

int
report_finish(struct report *rp, const char *name, strbuf *b, char **why)
{
	int rc;

	html_end(b, footer_text(rp));
	rc = write_page(rp, name, b, why);
	strbuf_free(b);
	return rc;
}

/* --- cells --- */

void
report_mark(strbuf *b, enum judge_mark m)
{
	strbuf_addf(b, "<span class=\"mark %s\">%s</span>",
	    judge_mark_class(m), judge_mark_name(m));
}

int
report_experimental(const struct report *rp, const struct indicator *in)
{
	return validity_experimental(&rp->val, in->name);
}

void
report_trust(strbuf *b, const struct report *rp, const struct indicator *in)
{
	const struct validity_row *v = validity_session_r(&rp->val, in->name);
	const char *tag = in->tag >= 0 ? tags_name(in->tag) : NULL;

	if (v != NULL) {
		html_textf(b, "r = %s", report_num(v->value, 2, 0).s);
		if (isfinite(v->n))
			html_textf(b, " (%.0f sessions)", v->n);
		if (!(v->value >= VALIDITY_MIN_R))
			strbuf_adds(b, " <span class=\"mark experimental\">"
			    "experimental</span>");
		return;
	}
	/* A count of a tag: the tag's agreement per utterance. */
	if (tag != NULL && (v = validity_find(&rp->val, tag, "f1")) != NULL) {
		html_textf(b, "F1 = %s per utterance", report_num(v->value, 2,
		    0).s);
		return;
	}
	strbuf_adds(b, "<span class=\"meta\">not measured</span>");
}

/* --- numbers of a set of sessions --- */

void
report_describe(const struct report *rp, const size_t *idx, size_t n,
    size_t ind, struct stats_desc *d)
{
	double *x = xcalloc(n + 1, sizeof(*x));

	for (size_t i = 0; i < n; i++)
		x[i] = rp->r.s[idx[i]].v[ind];
	stats_describe_bounded(x, n, rp->in[ind].lo, rp->in[ind].hi, d);
	free(x);
}

double
report_sum(const struct report *rp, const size_t *idx, size_t n, size_t ind)
{
	double sum = 0;

	for (size_t i = 0; i < n; i++)
		if (isfinite(rp->r.s[idx[i]].v[ind]))
			sum += rp->r.s[idx[i]].v[ind];
	return sum;
}

double
report_measure(const struct rsess *s, const char *name)
{
	for (size_t i = 0; i < s->nm; i++)
		if (strcmp(s->m[i].name, name) == 0)
			return s->m[i].value;
	return NAN;
}

/* The instruments whose range rapport knows: the Session Rating Scale
 * (Duncan, Miller, Sparks et al. 2003, J. Brief Therapy 3, 3-12) and the
 * Outcome Rating Scale (Miller, Duncan, Brown et al. 2003, J. Brief
 * Therapy 2, 91-100), each four 10 cm visual analogue lines: 0 to 40. */
static const struct { const char *name; double lo, hi; } instruments[] = {
	{ "SRS", 0, 40 }, { "ORS", 0, 40 },
};

void
report_describe_measure(const struct report *rp, const size_t *idx,
    size_t n, const char *name, struct stats_desc *d, int *known)
{
	double *x = xcalloc(n + 1, sizeof(*x));

	for (size_t i = 0; i < n; i++)
		x[i] = report_measure(&rp->r.s[idx[i]], name);
	*known = 0;
	for (size_t k = 0; k < sizeof(instruments) / sizeof(instruments[0]);
	    k++)
		if (strcmp(instruments[k].name, name) == 0) {
			stats_describe_bounded(x, n, instruments[k].lo,
			    instruments[k].hi, d);
			*known = 1;
		}
	if (!*known)
		stats_describe(x, n, d);
	free(x);
}

size_t
report_sessions_of(const struct report *rp, const char *id,
    const char *cohort, size_t *out)
{
	const struct results *r = &rp->r;
	size_t c = results_clinician(r, id), n = 0;

	if (c == (size_t)-1)
		return 0;
	for (size_t k = r->first[c]; k < r->first[c + 1]; k++) {
		const struct rsess *s = &r->s[r->order[k]];

		if (cohort == NULL || (s->cohort != NULL &&
		    strcmp(s->cohort, cohort) == 0))
			out[n++] = r->order[k];
	}
	return n;
}

const char *
report_no_trend(const struct report *rp, const size_t *idx, size_t n,
    size_t ind, const char *name, char *buf, size_t size)
{
	size_t withv = 0, dated = 0, days = 0;
	double first = NAN;

	for (size_t i = 0; i < n; i++) {
		const struct rsess *s = &rp->r.s[idx[i]];
		double v = ind < IND_COUNT ? s->v[ind] :
		    report_measure(s, name);

		if (!isfinite(v))
			continue;
		withv++;
		if (!isfinite(s->day))
			continue;
		if (dated++ == 0)
			first = s->day;
		else if (s->day != first)
			days = 2;
	}
	if (dated >= 3 && days == 2)
		return NULL;
	if (withv > dated && dated < 3)
		snprintf(buf, size, "no trend: %zu of %zu sessions %s no date",
		    withv - dated, withv, withv - dated == 1 ? "has" : "have");
	else if (dated < 3)
		snprintf(buf, size, "no trend: %zu dated session%s with a "
		    "value, 3 needed", dated, dated == 1 ? "" : "s");
	else
		snprintf(buf, size, "no trend: every session on one day");
	return buf;
}

const struct rgroup *
report_peer(const struct report *rp, const char *cohort, const char **name)
{
	enum results_group g = results_group_of(cohort);

	if (rp->r.group[g].nclin >= 2) {
		*name = g == RESULTS_TRAINEES ? "trainees'" :
		    "experienced clinicians'";
		return &rp->r.group[g];
	}
	*name = "all";
	return &rp->r.group[RESULTS_ALL];
}

/* --- the driver --- */

/* Remove the session pages of an earlier report: sessions come and go,
 * and a page of transcript text must not outlive the run that allowed
 * it (transcripts.jsonl). */
static int
remove_session_pages(const char *rdir, char **why)
{
	DIR *d = opendir(rdir);
	struct dirent *e;
	int rc = 0;

	if (d == NULL)
		return 0;
	while ((e = readdir(d)) != NULL) {
		size_t len = strlen(e->d_name);
		char *p;

		if (strncmp(e->d_name, "session-", 8) != 0 || len < 13 ||
		    strcmp(e->d_name + len - 5, ".html") != 0)
			continue;
		p = xasprintf("%s/%s", rdir, e->d_name);
		if (unlink(p) != 0 && errno != ENOENT && rc == 0) {
			*why = xasprintf("%s: cannot remove: %s", p,
			    strerror(errno));
			rc = -1;
		}
		free(p);
	}
	closedir(d);
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
report_write_to(const char *dir, const char *rdir, char **why)
{
	struct report rp;
	const cJSON *it;
	size_t n;
	int rc = -1;

	memset(&rp, 0, sizeof(rp));
	rp.in = indicators_all(&n);
	if (results_read(dir, &rp.r, why) != 0)
		return -1;
	rp.r.pages = rdir;
	if (validity_load(NULL, &rp.val, why) != 0)
		goto out;
	validity_applies(&rp.val, rp.r.manifest);
	if (outfile_mkdirs(rdir, why) != 0 ||
	    remove_session_pages(rdir, why) != 0)
		goto out;
	cJSON_ArrayForEach(it, results_obj(rp.r.corpus, "clinicians"))
		if (report_clinician_page(&rp, it->string, it, why) != 0)
			goto out;
	cJSON_ArrayForEach(it, results_obj(rp.r.corpus, "cohorts"))
		if (report_cohort_page(&rp, it->string, it, why) != 0)
			goto out;
	if (report_session_pages(&rp, why) != 0)
		goto out;
	rc = report_index_page(&rp, why);
out:
	free(rp.co);
	validity_free(&rp.val);
	results_free(&rp.r);
	return rc;
}
