/* judge.h -- what the reports say about a mean: its MITI mark, and
 * whether it is a strength or a thing to work on.
 *
 * The MITI mark accounts for uncertainty: a band (good, fair, below) is
 * claimed only when the mean's whole 95% CI (stats_describe_bounded())
 * lies in it; a CI across one threshold is "likely" the band of the mean;
 * across both, or no CI, "uncertain" (docs/statistics.md, "The MITI mark
 * of a mean"). An experimental indicator (validity.h) gets no mark.
 *
 * A strength or thing to work on follows the numbers, in this order:
 *   1. MITI 4.2.1 thresholds where they exist, through the mark: good or
 *      likely good is a strength, below or likely below a thing to work
 *      on;
 *   2. the indicator's absolute levels (indicators.h `concern`, `aim`):
 *      beyond its concern a thing to work on, whatever everyone else
 *      does; at its aim a strength;
 *   3. the peer group's session values (results.h: trainees with
 *      trainees, experienced with experienced): in the better or worse
 *      quarter; where most sessions share one value (the quartiles are
 *      equal, as for jargon when most sessions have none), beyond the
 *      worse or better tenth instead.
 * A judgement names its rule and its numbers, so a reader can check it.
 */
#ifndef RAPPORT_JUDGE_H
#define RAPPORT_JUDGE_H

#include <stddef.h>

#include "indicators.h"
#include "results.h"
#include "stats.h"

enum judge_mark {
	JUDGE_NONE,		/* no MITI thresholds */
	JUDGE_GOOD, JUDGE_FAIR, JUDGE_BELOW,
	JUDGE_LIKELY_GOOD, JUDGE_LIKELY_FAIR, JUDGE_LIKELY_BELOW,
	JUDGE_UNCERTAIN,	/* CI across both thresholds, or none */
	JUDGE_EXPERIMENTAL	/* validity below VALIDITY_MIN_R */
};

/* The mark of a mean with CI [lo, hi] (NaN: none) of indicator in. */
enum judge_mark judge_mark(const struct indicator *in, double mean,
    double lo, double hi, int experimental);
/* The band of one session's value (a MITI summary score is a session's):
 * JUDGE_GOOD, _FAIR or _BELOW; JUDGE_NONE without thresholds or value. */
enum judge_mark judge_band(const struct indicator *in, double v,
    int experimental);
/* The words of a mark ("likely fair") and its CSS classes ("likely
 * fair"). */
const char *judge_mark_name(enum judge_mark m);
const char *judge_mark_class(enum judge_mark m);

/* The rule behind a judgement, in the order above (the order pages
 * list them in: thresholds before levels before peers). */
enum judge_rule { JUDGE_BY_NONE, JUDGE_BY_MITI, JUDGE_BY_LEVEL,
	JUDGE_BY_PEERS };

struct judge_verdict {
	int		 sign;	/* 1 a strength, -1 a thing to work on, 0 */
	enum judge_rule	 rule;
	char		 why[200];	/* the rule and its numbers */
};

/* Judge the mean d (stats_describe_bounded() of the clinician's
 * sessions) of indicator in (id ind) against peer, whose name
 * ("trainee", "experienced clinicians'") goes into the reason. Returns
 * out->sign. */
int judge(const struct indicator *in, size_t ind, const struct stats_desc *d,
    const struct rgroup *peer, const char *peer_name, int experimental,
    struct judge_verdict *out);

#endif
