/* aggregate.h -- corpus statistics from the session rows (DESIGN.md 6, 7).
 *
 * `rapport run` adds every session's row (sessions.csv), its lag-1
 * transition counts and its agreement counts; aggregate_finish() then
 * computes, with pipeline/stats:
 *   clinicians.csv  per clinician x indicator: n, mean, SD, 95% CI, median,
 *                   OLS slope per 30 days with CI and p, MITI proficiency;
 *   cohorts.csv     per cohort x month x indicator: sessions, clinicians,
 *                   mean, SD, 95% CI;
 *   agreement.csv   when human codes exist (agree.h);
 *   corpus.json     indicator distributions and therapist-effect ICC(1),
 *                   per-clinician and per-cohort summaries (with the
 *                   two-stage mean of trainee slopes), correlations and
 *                   regressions of each session measure on the
 *                   indicators, the lag-1 table and the agreement.
 * Only session rows and additive counts are used, so shard outputs can be
 * merged later. Memory: one double per indicator per session (about
 * 0.3 KB a session) is held until the end of the run.
 */
#ifndef RAPPORT_AGGREGATE_H
#define RAPPORT_AGGREGATE_H

#include "agree.h"
#include "measure.h"
#include "table.h"
#include "util.h"

typedef struct aggregate aggregate;

struct aggregate_out {
	struct table	 clinicians, cohorts, agreement;
	int		 has_agreement;
	strbuf		 corpus;	/* corpus.json */
};

aggregate *aggregate_create(void);
/* Add one session: its row, lag counts (lag_dims) and agreement counts. */
void aggregate_add(aggregate *a, const struct measure_row *row,
    const unsigned long *lag, const struct agree_counts *ac);
void aggregate_finish(aggregate *a, const char *version,
    struct aggregate_out *out);
void aggregate_out_free(struct aggregate_out *out);
void aggregate_free(aggregate *a);


#endif
