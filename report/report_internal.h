/* report_internal.h -- what the page writers of report/ share.
 *
 * report.c drives them (report_write()) and holds the helpers every page
 * uses: file names and links, number and p-value formatting, the MITI
 * mark and validity cells, the bounded description of a set of sessions.
 * Each kind of page has its file: index.c, clinician.c, cohort.c,
 * sessionpage.c.
 */
#ifndef RAPPORT_REPORT_INTERNAL_H
#define RAPPORT_REPORT_INTERNAL_H

#include <stddef.h>

#include <cjson/cJSON.h>

#include "html.h"
#include "indicators.h"
#include "judge.h"
#include "results.h"
#include "stats.h"
#include "svg.h"
#include "util.h"
#include "validity.h"

/* A cohort's sessions, for the term-over-term table of every cohort
 * page (cohort.c computes them once). */
struct report_cohort {
	const char		*id;		/* borrowed from corpus.json */
	double			 first;		/* day of its first session */
	size_t			 nclin;		/* trainees listed */
	struct stats_desc	 d[INDICATORS_NHEADLINE];
};

struct report {
	struct results		 r;
	struct validity		 val;
	const struct indicator	*in;	/* indicators_all() */
	struct report_cohort	*co;	/* NULL until the first cohort page */
	size_t			 nco;
};

/* The headline indicators in rank order (indicators.h). */
#define head	(indicators_headline())

/* --- formatting (report.c) --- */

/* v with `decimals` places ("%+" with sign), or "n/a" when it is not a
 * number: for text and chart descriptions (html_num() is for cells).
 * The buffer lives until the end of the full expression (C11 6.2.4). */
struct report_num {
	char	s[48];
};
struct report_num report_num(double v, int decimals, int sign);
/* A p-value as people read it: "p < 0.001", "p = 0.025"; "no test" for
 * NaN. Never "p = 0.000". */
struct report_num report_p(double p);

/* --- pages and links (report.c) --- */

/* "KIND-ID.html" with every byte of id outside [A-Za-z0-9.-] as "_XX";
 * free() it. */
char *report_page_name(const char *kind, const char *id);
/* The session page of s: "session-CLINICIAN-ORD.html" (the position in
 * the clinician's date order, never the session id); free() it. */
char *report_session_page(const struct rsess *s);
/* <a href="KIND-ID.html">ID</a>. */
void report_link(strbuf *b, const char *kind, const char *id);
/* End page b (the footer), write it as reports/name, free b. */
int report_finish(struct report *rp, const char *name, strbuf *b,
    char **why);

/* --- cells (report.c) --- */

/* <span class="mark CLASS">words</span>. */
void report_mark(strbuf *b, enum judge_mark m);
/* The indicator's agreement with expert coders, or "not measured". */
void report_trust(strbuf *b, const struct report *rp,
    const struct indicator *in);
/* Is indicator in experimental (validity.h)? */
int report_experimental(const struct report *rp, const struct indicator *in);

/* --- numbers of a set of sessions (report.c) --- */

/* stats_describe_bounded() of indicator ind over sessions idx[0..n). */
void report_describe(const struct report *rp, const size_t *idx, size_t n,
    size_t ind, struct stats_desc *d);
/* The sum of indicator ind over the sessions (NaN values skipped). */
double report_sum(const struct report *rp, const size_t *idx, size_t n,
    size_t ind);
/* The value of session measure name in s, or NaN. */
double report_measure(const struct rsess *s, const char *name);
/* The description of session measure name over the sessions: bounded
 * to the instrument's range when rapport knows it (SRS, ORS), else the
 * t interval; *known says which. */
void report_describe_measure(const struct report *rp, const size_t *idx,
    size_t n, const char *name, struct stats_desc *d, int *known);
/* The sessions of clinician id (and of cohort, when not NULL) in date
 * order (results.h `ord`); out has room for r.ns. Returns how many. */
size_t report_sessions_of(const struct report *rp, const char *id,
    const char *cohort, size_t *out);
/* Why a trend of the sessions idx of indicator ind (or of session
 * measure name, when ind is IND_COUNT) cannot be fitted, in words that
 * say what is missing ("3 of 5 sessions have no date"), or NULL when it
 * can. */
const char *report_no_trend(const struct report *rp, const size_t *idx,
    size_t n, size_t ind, const char *name, char *buf, size_t size);
/* The peer group of a clinician with this cohort (NULL: experienced),
 * falling back to every session when the group has one clinician; its
 * name for sentences ("trainee", "experienced clinicians'", "all"). */
const struct rgroup *report_peer(const struct report *rp, const char *cohort,
    const char **name);

/* --- the pages --- */

int report_index_page(struct report *rp, char **why);
int report_clinician_page(struct report *rp, const char *id,
    const cJSON *c, char **why);
int report_cohort_page(struct report *rp, const char *id, const cJSON *c,
    char **why);
/* Every session page, streaming utterances.jsonl and, when it exists,
 * transcripts.jsonl. */
int report_session_pages(struct report *rp, char **why);

#endif
