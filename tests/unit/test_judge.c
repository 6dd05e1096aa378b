/* test_judge.c -- unit tests of report/judge.c: the MITI mark of a mean
 * with its CI, and strengths and things to work on.
 *
 * The marks are checked on intervals computed in R 4.2.2 by
 * tests/unit/stats_reference.R (the "mark" block: glm with quasipoisson
 * or quasibinomial, and the rule written again in R); its output is
 * recorded at the end of that file. The same data also go through
 * stats_describe_bounded() here, so the whole path from session values
 * to a mark is checked.
 */
#include "config.h"

#include "unit.h"
#include <math.h>
#include <string.h>

#include "indicators.h"
#include "judge.h"
#include "stats.h"

#define N_OF(a)	(sizeof(a) / sizeof((a)[0]))

static const struct indicator *
ind(int id)
{
	size_t n;

	return &indicators_all(&n)[id];
}

START_TEST(test_marks_from_r)
{
	static const struct {
		int		 id;
		double		 x[8];
		size_t		 n;
		double		 mean, lo, hi;	/* R */
		enum judge_mark	 mark;		/* R's mark() */
	} c[] = {
		{ IND_RQ, { 0.14, 0.18, 0.89, 1.43, 3.75 }, 5,
		  1.278, 0.302840253546929, 5.39321962951433, JUDGE_UNCERTAIN },
		{ IND_RQ, { 3.1, 2.6, 4.0, 2.9, 3.5, 2.8 }, 6,
		  3.15, 2.651843045256, 3.74173728635667, JUDGE_GOOD },
		{ IND_RQ, { 0.0, 0.1, 0.05, 0.2, 0.0, 0.1 }, 6,
		  0.075, 0.0259573848136289, 0.21670133722615, JUDGE_BELOW },
		{ IND_RQ, { 2.2, 1.9, 2.6, 2.4, 2.1, 1.8 }, 6,
		  2.16666666666667, 1.87263444925131, 2.50686643424792,
		  JUDGE_LIKELY_GOOD },
		{ IND_RQ, { 1.2, 2.1, 1.4, 1.8, 1.0, 1.6 }, 6,
		  1.51666666666667, 1.14832333815967, 2.00316208975102,
		  JUDGE_LIKELY_FAIR },
		{ IND_PCT_CR, { 0.44, 0.46, 0.45, 0.43, 0.47, 0.45, 0.44, 0.46 },
		  8, 0.45, 0.43907984468403, 0.460968550578965, JUDGE_FAIR },
		{ IND_PCT_CR, { 0.3, 0.45, 0.2, 0.35, 0.4 }, 5,
		  0.34, 0.232282714989236, 0.467266356571483,
		  JUDGE_LIKELY_BELOW },
	};

	for (size_t i = 0; i < N_OF(c); i++) {
		const struct indicator *in = ind(c[i].id);
		struct stats_desc d;

		/* R's interval gives R's mark... */
		ck_assert_msg(judge_mark(in, c[i].mean, c[i].lo, c[i].hi, 0) ==
		    c[i].mark, "case %zu: %s", i, judge_mark_name(judge_mark(in,
		    c[i].mean, c[i].lo, c[i].hi, 0)));
		/* ... and so does ours, from the session values. */
		ck_assert_int_eq(stats_describe_bounded(c[i].x, c[i].n, in->lo,
		    in->hi, &d), 0);
		ck_assert_double_eq_tol(d.ci_low, c[i].lo, 1e-6 * c[i].lo);
		ck_assert_double_eq_tol(d.ci_high, c[i].hi, 1e-6 * c[i].hi);
		ck_assert_int_eq(judge_mark(in, d.mean, d.ci_low, d.ci_high, 0),
		    c[i].mark);
	}
}
END_TEST

START_TEST(test_marks_edges)
{
	const struct indicator *rq = ind(IND_RQ), *lsm = ind(IND_LSM);

	/* Thresholds belong to the band above them (MITI: fair >= 1). */
	ck_assert_int_eq(judge_mark(rq, 2.5, 2.0, 3.0, 0), JUDGE_GOOD);
	ck_assert_int_eq(judge_mark(rq, 1.5, 1.0, 1.99, 0), JUDGE_FAIR);
	ck_assert_int_eq(judge_mark(rq, 0.5, 0.2, 0.99, 0), JUDGE_BELOW);
	/* No interval, or a broken one: uncertain, never a band. */
	ck_assert_int_eq(judge_mark(rq, 2.5, NAN, NAN, 0), JUDGE_UNCERTAIN);
	ck_assert_int_eq(judge_mark(rq, 2.5, 3.0, 2.0, 0), JUDGE_UNCERTAIN);
	ck_assert_int_eq(judge_mark(rq, NAN, 1, 2, 0), JUDGE_UNCERTAIN);
	/* Experimental: no mark; no thresholds: none. */
	ck_assert_int_eq(judge_mark(rq, 2.5, 2.2, 2.8, 1), JUDGE_EXPERIMENTAL);
	ck_assert_int_eq(judge_mark(lsm, 0.8, 0.7, 0.9, 0), JUDGE_NONE);
	/* One session's value: its band. */
	ck_assert_int_eq(judge_band(rq, 1.0, 0), JUDGE_FAIR);
	ck_assert_int_eq(judge_band(rq, 0.3, 0), JUDGE_BELOW);
	ck_assert_int_eq(judge_band(rq, 0.3, 1), JUDGE_EXPERIMENTAL);
	ck_assert_int_eq(judge_band(rq, NAN, 0), JUDGE_NONE);
	ck_assert_int_eq(judge_band(lsm, 0.5, 0), JUDGE_NONE);
	ck_assert_str_eq(judge_mark_name(JUDGE_LIKELY_FAIR), "likely fair");
	ck_assert_str_eq(judge_mark_class(JUDGE_LIKELY_FAIR), "likely fair");
	ck_assert_str_eq(judge_mark_class(JUDGE_EXPERIMENTAL), "experimental");
}
END_TEST

/* A peer group of n sessions with the given quartiles, tenths, mean and
 * SD for indicator i, from two clinicians. */
static struct rgroup
peers(size_t i, double p10, double q1, double med, double q3, double p90,
    double mean, double sd)
{
	struct rgroup g;

	memset(&g, 0, sizeof(g));
	g.nsess = 40;
	g.nclin = 5;
	g.n[i] = 40;
	g.p10[i] = p10;
	g.q1[i] = q1;
	g.median[i] = med;
	g.q3[i] = q3;
	g.p90[i] = p90;
	g.mean[i] = mean;
	g.sd[i] = sd;
	return g;
}

static struct stats_desc
mean(double m, double lo, double hi)
{
	struct stats_desc d = { 6, m, 0.1, lo, hi, m, m, m, NULL };

	return d;
}

START_TEST(test_judge_rules)
{
	struct judge_verdict v;
	struct stats_desc d;
	struct rgroup g;

	/* 1. MITI through the mark: likely below is a thing to work on. */
	d = mean(0.36, 0.11, 0.6);
	ck_assert_int_eq(judge(ind(IND_RQ), IND_RQ, &d, NULL, "x", 0, &v), -1);
	ck_assert_int_eq(v.rule, JUDGE_BY_MITI);
	ck_assert_ptr_nonnull(strstr(v.why, "MITI 4.2.1 below"));
	/* ... an uncertain one neither; experimental: not by MITI. */
	d = mean(1.5, 0.4, 3.0);
	ck_assert_int_eq(judge(ind(IND_RQ), IND_RQ, &d, NULL, "x", 0, &v), 0);
	d = mean(3.0, 2.5, 3.5);
	ck_assert_int_eq(judge(ind(IND_RQ), IND_RQ, &d, NULL, "x", 0, &v), 1);
	ck_assert_int_eq(judge(ind(IND_RQ), IND_RQ, &d, NULL, "x", 1, &v), 0);

	/* 2. A clinician far above everyone on jargon, most sessions at
	 * zero: the quartiles cannot say it, rapport's level does. */
	g = peers(IND_JARGON_1000W, 0, 0, 0, 0, 3, 8, 20);
	d = mean(67.9, 40, 90);
	ck_assert_int_eq(judge(ind(IND_JARGON_1000W), IND_JARGON_1000W, &d, &g,
	    "experienced clinicians'", 0, &v), -1);
	ck_assert_int_eq(v.rule, JUDGE_BY_LEVEL);
	ck_assert_ptr_nonnull(strstr(v.why, "above rapport's level of 10"));
	/* Talk share at its aim: a strength. */
	d = mean(0.45, 0.4, 0.5);
	ck_assert_int_eq(judge(ind(IND_TALK_SHARE), IND_TALK_SHARE, &d, NULL,
	    "x", 0, &v), 1);
	/* Repairs: fewer than half of the ruptures. */
	d = mean(0.1, 0.01, 0.5);
	ck_assert_int_eq(judge(ind(IND_REPAIR_SHARE), IND_REPAIR_SHARE, &d,
	    NULL, "x", 0, &v), -1);

	/* 3. Peers: the worse quarter (lower is worse for LSM). */
	g = peers(IND_LSM, 0.6, 0.7, 0.78, 0.85, 0.9, 0.78, 0.1);
	d = mean(0.65, 0.6, 0.7);
	ck_assert_int_eq(judge(ind(IND_LSM), IND_LSM, &d, &g, "trainees'", 0,
	    &v), -1);
	ck_assert_int_eq(v.rule, JUDGE_BY_PEERS);
	ck_assert_ptr_nonnull(strstr(v.why, "worst quarter of trainees' "
	    "sessions"));
	d = mean(0.86, 0.8, 0.9);
	ck_assert_int_eq(judge(ind(IND_LSM), IND_LSM, &d, &g, "trainees'", 0,
	    &v), 1);
	d = mean(0.78, 0.7, 0.8);
	ck_assert_int_eq(judge(ind(IND_LSM), IND_LSM, &d, &g, "trainees'", 0,
	    &v), 0);
	/* Too few peers: no judgement. */
	g.n[IND_LSM] = 5;
	d = mean(0.65, 0.6, 0.7);
	ck_assert_int_eq(judge(ind(IND_LSM), IND_LSM, &d, &g, "x", 0, &v), 0);
	/* Equal quartiles: more than 2 SD from the peers' mean stands out
	 * (the reading grade has no MITI thresholds; lower is better, and
	 * its concern of 8 is not reached). */
	g = peers(IND_FK, 3, 4, 4, 4, 5, 4.2, 0.8);
	d = mean(6.0, 5.5, 6.5);
	ck_assert_int_eq(judge(ind(IND_FK), IND_FK, &d, &g, "all", 0, &v), -1);
	ck_assert_ptr_nonnull(strstr(v.why, "more than 2 SD above"));
	d = mean(5.0, 4.5, 5.5);
	ck_assert_int_eq(judge(ind(IND_FK), IND_FK, &d, &g, "all", 0, &v), 0);
	/* No direction, or no mean: never judged. */
	d = mean(30, 20, 40);
	ck_assert_int_eq(judge(ind(IND_RUPTURE), IND_RUPTURE, &d, &g, "all", 0,
	    &v), 0);
	d = mean(NAN, NAN, NAN);
	ck_assert_int_eq(judge(ind(IND_LSM), IND_LSM, &d, &g, "all", 0, &v), 0);
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("judge");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_marks_from_r);
	tcase_add_test(tc, test_marks_edges);
	tcase_add_test(tc, test_judge_rules);
	suite_add_tcase(s, tc);
	return s;
}
