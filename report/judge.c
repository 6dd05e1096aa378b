/* judge.c -- MITI marks, strengths and things to work on (judge.h). */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "judge.h"

/* A peer distribution is used only with this many session values from
 * at least two clinicians: quartiles of fewer say nothing. */
#define JUDGE_MIN_PEER	8
/* Standard deviations from the peers' mean that make a mean stand out
 * where the quartiles are equal (about the outer 5% of a normal
 * distribution; rapport's rule). */
#define JUDGE_FAR	2.0

static enum judge_mark
band(const struct indicator *in, double v)
{
	return v >= in->good ? JUDGE_GOOD : v >= in->fair ? JUDGE_FAIR :
	    JUDGE_BELOW;
}

enum judge_mark
judge_band(const struct indicator *in, double v, int experimental)
{
	if (!indicators_has_thresholds(in) || !isfinite(v))
		return JUDGE_NONE;
	if (experimental)
		return JUDGE_EXPERIMENTAL;
	return band(in, v);
}

enum judge_mark
judge_mark(const struct indicator *in, double mean, double lo, double hi,
    int experimental)
{
	enum judge_mark bl, bh;

	if (!indicators_has_thresholds(in))
		return JUDGE_NONE;
	if (experimental)
		return JUDGE_EXPERIMENTAL;
	if (!isfinite(mean) || !isfinite(lo) || !isfinite(hi) || lo > hi)
		return JUDGE_UNCERTAIN;
	bl = band(in, lo);
	bh = band(in, hi);
	if (bl == bh)
		return bl;
	if (lo < in->fair && hi >= in->good)
		return JUDGE_UNCERTAIN;
	switch (band(in, mean)) {
	case JUDGE_GOOD:
		return JUDGE_LIKELY_GOOD;
	case JUDGE_FAIR:
		return JUDGE_LIKELY_FAIR;
	default:
		return JUDGE_LIKELY_BELOW;
	}
}

const char *
judge_mark_name(enum judge_mark m)
{
	static const char *const names[] = {
		[JUDGE_NONE] = "no threshold", [JUDGE_GOOD] = "good",
		[JUDGE_FAIR] = "fair", [JUDGE_BELOW] = "below",
		[JUDGE_LIKELY_GOOD] = "likely good",
		[JUDGE_LIKELY_FAIR] = "likely fair",
		[JUDGE_LIKELY_BELOW] = "likely below",
		[JUDGE_UNCERTAIN] = "uncertain",
		[JUDGE_EXPERIMENTAL] = "experimental",
	};

	return m <= JUDGE_EXPERIMENTAL ? names[m] : "";
}

const char *
judge_mark_class(enum judge_mark m)
{
	switch (m) {
	case JUDGE_GOOD:
		return "good";
	case JUDGE_FAIR:
		return "fair";
	case JUDGE_BELOW:
		return "below";
	case JUDGE_LIKELY_GOOD:
		return "likely good";
	case JUDGE_LIKELY_FAIR:
		return "likely fair";
	case JUDGE_LIKELY_BELOW:
		return "likely below";
	case JUDGE_EXPERIMENTAL:
		return "experimental";
	case JUDGE_UNCERTAIN:
		return "uncertain";
	default:
		return "none";
	}
}

/* The worse side of a level for in: above it when lower is better. */
static int
worse_than(const struct indicator *in, double m, double level)
{
	return in->better < 0 ? m > level : m < level;
}

/* At or on the better side of a level. */
static int
at_or_better(const struct indicator *in, double m, double level)
{
	return in->better < 0 ? m <= level : m >= level;
}

static void
say(struct judge_verdict *out, int sign, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
say(struct judge_verdict *out, int sign, const char *fmt, ...)
{
	va_list ap;

	out->sign = sign;
	va_start(ap, fmt);
	vsnprintf(out->why, sizeof(out->why), fmt, ap);
	va_end(ap);
}

int
judge(const struct indicator *in, size_t ind, const struct stats_desc *d,
    const struct rgroup *peer, const char *peer_name, int experimental,
    struct judge_verdict *out)
{
	const int dp = in->decimals < 1 ? 1 : in->decimals;
	const double m = d->mean;
	const char *exp = experimental ? " (an experimental measure)" : "";
	/* "per 100 utterances" says something; "share" or "count" not. */
	const char *unit = strcmp(in->unit, "share") == 0 ||
	    strcmp(in->unit, "ratio") == 0 || strcmp(in->unit, "index") ==
	    0 || strcmp(in->unit, "count") == 0 ? "" : in->unit;

	out->sign = 0;
	out->rule = JUDGE_BY_NONE;
	out->why[0] = '\0';
	if (in->better == 0 || !isfinite(m))
		return 0;

	/* 1. MITI 4.2.1, through the mark. */
	if (indicators_has_thresholds(in) && !experimental) {
		enum judge_mark mk = judge_mark(in, m, d->ci_low, d->ci_high, 0);
		int sign = mk == JUDGE_GOOD || mk == JUDGE_LIKELY_GOOD ? 1 :
		    mk == JUDGE_BELOW || mk == JUDGE_LIKELY_BELOW ? -1 : 0;

		out->rule = JUDGE_BY_MITI;
		if (sign != 0)
			say(out, sign, "MITI 4.2.1 %s: mean %.*f, 95%% CI %.*f "
			    "to %.*f (fair %g, good %g)", judge_mark_name(mk),
			    dp, m, dp, d->ci_low, dp, d->ci_high, in->fair,
			    in->good);
		else if (isnan(d->ci_low))
			say(out, 0, "MITI 4.2.1: too few sessions for an "
			    "interval");
		return out->sign;
	}

	/* 2. The indicator's own levels. */
	out->rule = JUDGE_BY_LEVEL;
	if (!isnan(in->concern) && worse_than(in, m, in->concern)) {
		say(out, -1, "mean %.*f%s%s, %s rapport's level of %g%s", dp, m,
		    *unit ? " " : "", unit, in->better < 0 ? "above" : "below",
		    in->concern, exp);
		return -1;
	}
	if (!isnan(in->aim) && at_or_better(in, m, in->aim)) {
		say(out, 1, "mean %.*f%s%s, within rapport's aim of %g%s", dp,
		    m, *unit ? " " : "", unit, in->aim, exp);
		return 1;
	}
	out->rule = JUDGE_BY_PEERS;

	/* 3. The peers' sessions. */
	if (peer == NULL || peer->n[ind] < JUDGE_MIN_PEER || peer->nclin < 2)
		return 0;
	if (peer->q3[ind] > peer->q1[ind]) {
		double top = in->better > 0 ? peer->q3[ind] : peer->q1[ind];
		double bottom = in->better > 0 ? peer->q1[ind] : peer->q3[ind];

		/* At the best value the indicator can take, a quarter of the
		 * sessions or more are there too: not a strength of one's
		 * own (no directives when most peers give none). */
		if (at_or_better(in, m, top) && !(in->better < 0 ?
		    top <= in->lo : top >= in->hi))
			say(out, 1, "mean %.*f, in the best quarter of %s "
			    "sessions (%s %.*f)%s", dp, m, peer_name,
			    in->better > 0 ? "upper quartile" :
			    "lower quartile", dp, top, exp);
		else if (in->better > 0 ? m <= bottom : m >= bottom)
			say(out, -1, "mean %.*f, in the worst quarter of %s "
			    "sessions (%s %.*f)%s", dp, m, peer_name,
			    in->better > 0 ? "lower quartile" :
			    "upper quartile", dp, bottom, exp);
		return out->sign;
	}
	/* Most sessions share one value (equal quartiles, as for jargon
	 * when most sessions have none): quartiles cannot tell anyone
	 * apart, so a mean more than JUDGE_FAR standard deviations from the
	 * peers' mean stands out. */
	if (peer->sd[ind] > 0) {
		double z = (m - peer->mean[ind]) / peer->sd[ind];

		if (fabs(z) > JUDGE_FAR)
			say(out, (z > 0) == (in->better > 0) ? 1 : -1, "mean "
			    "%.*f, %s %g SD %s the mean of %s sessions (%.*f; "
			    "most have %.*f)%s", dp, m, "more than", JUDGE_FAR,
			    z > 0 ? "above" : "below", peer_name, dp,
			    peer->mean[ind], dp, peer->median[ind], exp);
	}
	return out->sign;
}
