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
 * merged later. Memory does not grow with the rows: they go to a private
 * temporary SQLite database on disk (deleted by aggregate_free()) and are
 * read back in ordered passes; only the statistics that need a whole
 * column at once (the corpus median, ICC(1), correlations, the
 * regression) hold that one column, at the end.
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

/* An empty aggregate; its row store is opened here (a failure is kept
 * for aggregate_error()). Free with aggregate_free(). */
aggregate *aggregate_create(void);
/* Add one session: its row, lag counts (lag_dims) and agreement counts
 * (each may be NULL but row). Everything is copied. */
void aggregate_add(aggregate *a, const struct measure_row *row,
    const unsigned long *lag, const struct agree_counts *ac);
/* Whether a session with this id has been added (the row store's index,
 * so rejecting duplicate ids needs no set in memory). */
int aggregate_contains(aggregate *a, const char *session_id);
/* The first error of the row store ("temporary row store: write: database
 * or disk is full"), or NULL; borrowed. */
const char *aggregate_error(const aggregate *a);
/* Compute the statistics into out (freed with aggregate_out_free()).
 * 0, or -1 with *why (when why is not NULL; the caller frees it) if the
 * row store failed; out is filled either way. */
int aggregate_finish(aggregate *a, const char *version,
    struct aggregate_out *out, char **why);

/* The session rows as added, for the writers of sessions.csv. */
struct aggregate_row {
	const char *const	*meta;	/* MEASURE_NMETA values, NULL absent */
	const double		*v;	/* one per indicator */
	const void		*mv;	/* (internal) its measures */
	size_t			 nmv;
};
/* The number of sessions added. */
size_t aggregate_nsessions(const aggregate *a);
/* Session i's row, read back from the row store (borrowed; valid until
 * the next aggregate_session() or aggregate_free()). 0, or -1 when it
 * cannot be read (out is then all missing). */
int aggregate_session(aggregate *a, size_t i, struct aggregate_row *out);
/* Call fn(arg, id) with the session id of every row from `from` (0-based,
 * in the order added) to the last, one at a time, the id borrowed for
 * the call. 0, or -1 when the store cannot be read. */
int aggregate_ids(aggregate *a, size_t from,
    void (*fn)(void *arg, const char *id), void *arg);
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
