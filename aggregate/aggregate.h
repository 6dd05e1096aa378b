/* aggregate.h -- corpus statistics from the session rows (docs/architecture.md 6, 7).
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

/* The session rows as added, for the writers of sessions.csv. */
struct aggregate_row {
	const char *const	*meta;	/* MEASURE_NMETA values, NULL absent */
	const double		*v;	/* one per indicator */
	size_t			 mv0, nmv;	/* (internal) its measures */
};
/* The number of sessions added. */
size_t aggregate_nsessions(const aggregate *a);
/* Session i's row (borrowed; valid until aggregate_free). */
void aggregate_session(const aggregate *a, size_t i, struct aggregate_row *out);
/* The names of the session measures (measure_<name>) in the order first
 * seen; borrowed. */
const char *const *aggregate_measure_names(const aggregate *a, size_t *n);
/* The value of measure name (an index into aggregate_measure_names())
 * in row r, or NaN when the session has none. */
double aggregate_session_measure(const aggregate *a,
    const struct aggregate_row *r, size_t name);
void aggregate_out_free(struct aggregate_out *out);
void aggregate_free(aggregate *a);


#endif
