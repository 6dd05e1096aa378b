/* test_stats.c -- unit tests of pipeline/stats.c against R.
 *
 * Every reference value below was computed with base R 4.2.2 by
 * tests/unit/stats_reference.R (the data are repeated there, and its
 * printed output is recorded at its end); R is not needed to run this
 * test. Values agree to 1e-6 relative. The Shrout & Fleiss (1979) Table 2
 * data also check ICC(1,1) and ICC(2,1) against the published .17 and .29,
 * and their CIs against those printed by psych::ICC's documentation
 * (ICC1 -0.133 .. 0.72, ICC2 0.019 .. 0.76).
 */
#include "config.h"

#include "unit.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "stats.h"

#define N_OF(a)	(sizeof(a) / sizeof((a)[0]))

/* got within 1e-6 relative of want (absolute for want == 0). */
#define ck_rel(got, want) do {						\
	double g_ = (got), w_ = (want);					\
	ck_assert_msg(fabs(g_ - w_) <= 1e-6 * fmax(fabs(w_), 1e-300) ||	\
	    (w_ == 0 && fabs(g_) < 1e-12),				\
	    "%s = %.15g, want %.15g", #got, g_, w_);			\
} while (0)

START_TEST(test_describe)
{
	/* R: t.test(x), sd(x), median(x); the NaN is dropped. */
	double x[] = { 3.1, 4.7, NAN, 2.2, 5.9, 4.4, 3.8, 6.3, 2.9, 4.1,
	    5.0 };
	struct stats_desc d;

	ck_assert_int_eq(stats_describe(x, N_OF(x), &d), 0);
	ck_assert_ptr_null(d.why);
	ck_assert_uint_eq(d.n, 10);
	ck_rel(d.mean, 4.24);
	ck_rel(d.sd, 1.3031585560561);
	ck_rel(d.ci_low, 3.30777652735051);
	ck_rel(d.ci_high, 5.17222347264949);
	ck_rel(d.median, 4.25);
	ck_rel(d.min, 2.2);
	ck_rel(d.max, 6.3);
}
END_TEST

START_TEST(test_describe_degenerate)
{
	double one[] = { NAN, 7.5 }, flat[] = { 2, 2, 2, 2 };
	double nan3[] = { NAN, NAN, NAN };
	struct stats_desc d;

	ck_assert_int_eq(stats_describe(NULL, 0, &d), -1);
	ck_assert_uint_eq(d.n, 0);
	ck_assert(isnan(d.mean) && isnan(d.median));
	ck_assert_ptr_nonnull(d.why);

	ck_assert_int_eq(stats_describe(nan3, 3, &d), -1);
	ck_assert(isnan(d.mean) && isnan(d.sd) && isnan(d.ci_low));
	ck_assert_ptr_nonnull(d.why);

	/* n = 1: the mean is the value, SD and CI undefined. */
	ck_assert_int_eq(stats_describe(one, 2, &d), 0);
	ck_assert_uint_eq(d.n, 1);
	ck_rel(d.mean, 7.5);
	ck_assert(isnan(d.sd) && isnan(d.ci_low) && isnan(d.ci_high));
	ck_assert_str_eq(d.why, "fewer than 2 values");

	/* Zero variance: SD 0, CI undefined (R's t.test refuses). */
	ck_assert_int_eq(stats_describe(flat, 4, &d), 0);
	ck_rel(d.sd, 0);
	ck_assert(isnan(d.ci_low) && isnan(d.ci_high));
	ck_assert_str_eq(d.why, "zero variance");
}
END_TEST

START_TEST(test_describe_bounded)
{
	/* R: the describe_bounded block of stats_reference.R (glm with
	 * quasibinomial or quasipoisson, Wald interval on the link scale
	 * with qt(0.975, n - 1)). */
	static const struct {
		double	 x[8];
		size_t	 n;
		double	 lo, hi, mean, ci_low, ci_high;
	} c[] = {
		{ { 0.62, 0.35, 0.80, 0.41, 0.55, 0.0, 0.73 }, 7, 0, 1,
		  0.494285714285714, 0.264058140083614, 0.726962458777507 },
		{ { 0.14, 0.18, 0.89, 1.43, 3.75 }, 5, 0, INFINITY,
		  1.278, 0.302840253546929, 5.39321962951433 },
		{ { 0, 0, 3, 0, 1, 0 }, 6, 0, INFINITY,
		  0.666666666666667, 0.099076834861953, 4.48585630600457 },
		{ { 2.9, 0, 10.8, 5.1 }, 4, 0, 100,
		  4.7, 0.962642835612723, 20.0148794206178 },
		{ { 5.3, 4.1, 6.8, -1.2, NAN }, 5, -3.4, INFINITY,
		  3.75, -0.104177700437653, 12.1113035120105 },
	};
	double t_low[] = { 0, 0, 3, 0, 1, 0 };
	struct stats_desc d;

	for (size_t i = 0; i < N_OF(c); i++) {
		ck_assert_int_eq(stats_describe_bounded(c[i].x, c[i].n, c[i].lo,
		    c[i].hi, &d), 0);
		ck_assert_ptr_null(d.why);
		ck_rel(d.mean, c[i].mean);
		ck_rel(d.ci_low, c[i].ci_low);
		ck_rel(d.ci_high, c[i].ci_high);
		ck_assert(d.ci_low > c[i].lo && d.ci_high < c[i].hi);
	}
	/* The t interval of the counts goes below 0 (R: t.test gives
	 * -0.604 .. 1.938); the bounded one starts above it. */
	ck_assert_int_eq(stats_describe(t_low, 6, &d), 0);
	ck_rel(d.ci_low, -0.604263008026775);
	ck_assert_int_eq(stats_describe_bounded(t_low, 6, 0, INFINITY, &d), 0);
	ck_assert(d.ci_low > 0);
}
END_TEST

START_TEST(test_describe_bounded_degenerate)
{
	double one[] = { 0.4 }, flat[] = { 0.5, 0.5, 0.5 };
	double zeros[] = { 0, 0, 0, 0 }, out[] = { 0.2, 1.4 };
	struct stats_desc d;

	ck_assert_int_eq(stats_describe_bounded(NULL, 0, 0, 1, &d), -1);
	ck_assert(isnan(d.ci_low) && isnan(d.ci_high));
	ck_assert_int_eq(stats_describe_bounded(one, 1, 0, 1, &d), 0);
	ck_assert_str_eq(d.why, "fewer than 2 values");
	ck_assert(isnan(d.ci_low));
	ck_assert_int_eq(stats_describe_bounded(flat, 3, 0, 1, &d), 0);
	ck_assert_str_eq(d.why, "zero variance");
	/* All at the bound: the mean is 0, no interval (zero variance). */
	ck_assert_int_eq(stats_describe_bounded(zeros, 4, 0, INFINITY, &d),
	    0);
	ck_rel(d.mean, 0);
	ck_assert(isnan(d.ci_low) && isnan(d.ci_high));
	/* A share of 1.4 is outside [0, 1]: the mean is given, no CI. */
	ck_assert_int_eq(stats_describe_bounded(out, 2, 0, 1, &d), 0);
	ck_assert_str_eq(d.why, "values outside the range");
	ck_assert(isnan(d.ci_low));
	ck_assert_int_eq(stats_describe_bounded(out, 2, NAN, 1, &d), 0);
	ck_assert(isnan(d.ci_low));
}
END_TEST

START_TEST(test_trend)
{
	/* R: lm(ty ~ td); slope and confint times 30. A NaN pair is
	 * dropped. */
	double t[] = { 0, 7, 14, 23, 30, 44, 51, 65, 72, 90, 101, 118, 130 };
	double y[] = { 12.0, 11.5, 13.1, 12.2, 14.0, 13.3, 14.8, 15.1, 14.2,
	    16.0, 15.7, 17.3, NAN };
	struct stats_trend tr;

	ck_assert_int_eq(stats_trend(t, y, N_OF(t), &tr), 0);
	ck_assert_ptr_null(tr.why);
	ck_assert_uint_eq(tr.n, 12);
	ck_rel(tr.slope, 1.29362223413215);
	ck_rel(tr.ci_low, 0.963461560348283);
	ck_rel(tr.ci_high, 1.62378290791602);
	ck_rel(tr.p, 5.43595029353815e-06);
	ck_rel(tr.intercept, 11.8900620166909);
}
END_TEST

START_TEST(test_trend_degenerate)
{
	double t2[] = { 1, 2 }, y2[] = { 3, 4 };
	double ts[] = { 5, 5, 5, 5 }, ys[] = { 1, 2, 3, 4 };
	double tl[] = { 0, 10, 20, 30 }, yl[] = { 1, 2, 3, 4 };
	double tn[] = { NAN, NAN, NAN }, yn[] = { 1, 2, 3 };
	struct stats_trend tr;

	ck_assert_int_eq(stats_trend(t2, y2, 2, &tr), -1);
	ck_assert(isnan(tr.slope) && isnan(tr.p));
	ck_assert_ptr_nonnull(tr.why);
	ck_assert_int_eq(stats_trend(tn, yn, 3, &tr), -1);
	ck_assert_uint_eq(tr.n, 0);
	ck_assert(isnan(tr.slope));
	/* All on one day: no slope. */
	ck_assert_int_eq(stats_trend(ts, ys, 4, &tr), -1);
	ck_assert(isnan(tr.slope) && isnan(tr.ci_low));
	ck_assert_str_eq(tr.why, "no variation in time");
	/* A perfect line: slope 3 per 30 days, no CI or p. */
	ck_assert_int_eq(stats_trend(tl, yl, 4, &tr), 0);
	ck_rel(tr.slope, 3);
	ck_assert(isnan(tr.ci_low) && isnan(tr.ci_high) && isnan(tr.p));
	ck_assert_str_eq(tr.why, "perfect fit");
}
END_TEST

START_TEST(test_icc1)
{
	/* R: icc1() of stats_reference.R (aov mean squares, n0). Group 4 is
	 * empty and a NaN is dropped: k = 4 groups, N = 18. */
	double y[] = { 5.1, 6.0, 5.6, 7.2, 6.8, 7.9, 7.5, 6.6, 4.2, 4.9, 5.3,
	    4.4, 6.1, 5.8, 6.9, 6.4, 5.5, 6.2, NAN };
	size_t g[] = { 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3,
	    2 };
	struct stats_icc icc;

	ck_assert_int_eq(stats_icc1(y, g, N_OF(y), 5, &icc), 0);
	ck_assert_ptr_null(icc.why);
	ck_assert_uint_eq(icc.n_groups, 4);
	ck_assert_uint_eq(icc.n, 18);
	ck_rel(icc.value, 0.811545896477405);
	ck_rel(icc.ci_low, 0.457061739343599);
	ck_rel(icc.ci_high, 0.984731214711242);
}
END_TEST

/* Shrout & Fleiss (1979) Table 2: 6 targets x 4 judges. */
static const double sf_data[] = {
	9, 2, 5, 8,
	6, 1, 3, 2,
	8, 4, 6, 8,
	7, 1, 2, 6,
	10, 5, 6, 9,
	6, 2, 4, 7,
};

START_TEST(test_icc_shrout_fleiss)
{
	double y[24];
	size_t g[24], i;
	struct stats_icc icc;

	/* ICC(2,1): published .29; R 0.289763779527559, CI as psych::ICC
	 * prints it (0.019, 0.76). */
	ck_assert_int_eq(stats_icc21(sf_data, 6, 4, &icc), 0);
	ck_assert_ptr_null(icc.why);
	ck_assert_uint_eq(icc.n, 6);
	ck_assert_double_eq_tol(icc.value, 0.29, 0.005);
	ck_rel(icc.value, 0.289763779527559);
	ck_rel(icc.ci_low, 0.018786513374712);
	ck_rel(icc.ci_high, 0.761084369648953);

	/* ICC(1,1) = ICC(1) with targets as groups: published .17; R
	 * 0.165741768405475, CI (-0.1329, 0.7226), the lower limit
	 * truncated at 0 here. */
	for (i = 0; i < 24; i++) {
		y[i] = sf_data[i];
		g[i] = i / 4;
	}
	ck_assert_int_eq(stats_icc1(y, g, 24, 6, &icc), 0);
	ck_assert_double_eq_tol(icc.value, 0.17, 0.005);
	ck_rel(icc.value, 0.165741768405475);
	ck_rel(icc.ci_low, 0);
	ck_rel(icc.ci_high, 0.722560062328121);
}
END_TEST

START_TEST(test_icc21)
{
	/* R: icc21(cm), 8 sessions x 3 coders; a row with a NaN is
	 * dropped. */
	double x[] = {
		12, 14, 11,
		7, 9, 8,
		20, 18, 22,
		3, NAN, 4,
		3, 5, 2,
		15, 15, 17,
		9, 12, 10,
		25, 21, 24,
		11, 10, 14,
	};
	struct stats_icc icc;

	ck_assert_int_eq(stats_icc21(x, 9, 3, &icc), 0);
	ck_assert_ptr_null(icc.why);
	ck_assert_uint_eq(icc.n, 8);
	ck_rel(icc.value, 0.936451169188446);
	ck_rel(icc.ci_low, 0.809553780657613);
	ck_rel(icc.ci_high, 0.985611155326548);
}
END_TEST

START_TEST(test_icc_degenerate)
{
	double y[] = { 1, 2, 3, 4 }, flat[] = { 3, 3, 3, 3, 3, 3 };
	double exact[] = { 1, 1, 5, 5 }, nan4[] = { NAN, NAN, NAN, NAN };
	size_t one[] = { 0, 0, 0, 0 }, each[] = { 0, 1, 2, 3 };
	size_t g3[] = { 0, 0, 1, 1, 2, 2 }, g2[] = { 0, 0, 1, 1 };
	size_t bad[] = { 0, 7, 0, 1 };
	double m1[] = { 1, 2, 3 }, mflat[] = { 4, 4, 4, 4, 4, 4 };
	struct stats_icc icc;

	ck_assert_int_eq(stats_icc1(y, one, 4, 1, &icc), -1);
	ck_assert(isnan(icc.value) && isnan(icc.ci_low));
	ck_assert_str_eq(icc.why, "fewer than 2 groups");
	ck_assert_int_eq(stats_icc1(y, each, 4, 4, &icc), -1);
	ck_assert(isnan(icc.value));
	ck_assert_ptr_nonnull(icc.why);
	ck_assert_int_eq(stats_icc1(flat, g3, 6, 3, &icc), -1);
	ck_assert(isnan(icc.value) && isnan(icc.ci_high));
	ck_assert_str_eq(icc.why, "zero variance");
	ck_assert_int_eq(stats_icc1(nan4, g2, 4, 2, &icc), -1);
	ck_assert(isnan(icc.value));
	ck_assert_int_eq(stats_icc1(y, bad, 4, 2, &icc), -1);
	ck_assert(isnan(icc.value));
	/* No within-group variance: ICC 1, CI undefined (F infinite). */
	ck_assert_int_eq(stats_icc1(exact, g2, 4, 2, &icc), 0);
	ck_rel(icc.value, 1);
	ck_assert(isnan(icc.ci_low) && isnan(icc.ci_high));
	ck_assert_ptr_nonnull(icc.why);

	/* ICC(2,1): one subject, one rater, constant ratings, all NaN. */
	ck_assert_int_eq(stats_icc21(m1, 1, 3, &icc), -1);
	ck_assert(isnan(icc.value));
	ck_assert_int_eq(stats_icc21(m1, 3, 1, &icc), -1);
	ck_assert(isnan(icc.value));
	ck_assert_int_eq(stats_icc21(mflat, 3, 2, &icc), -1);
	ck_assert(isnan(icc.value) && isnan(icc.ci_low));
	ck_assert_str_eq(icc.why, "zero variance");
	ck_assert_int_eq(stats_icc21(nan4, 2, 2, &icc), -1);
	ck_assert(isnan(icc.value));
	ck_assert_uint_eq(icc.n, 0);
}
END_TEST

START_TEST(test_correlate)
{
	/* R: cor.test(cx, cy); cor(cx, cy, method = "spearman") (ties in
	 * cx). A pair with a NaN is dropped. */
	double x[] = { 2, 4, 4, 5, 7, 8, NAN, 9, 11, 12, 12, 14, 15 };
	double y[] = { 3.2, 3.9, 5.1, 4.4, 6.0, 5.5, 1, 7.9, 7.1, 8.8, 8.0,
	    9.9, 9.1 };
	struct stats_corr c;

	ck_assert_int_eq(stats_correlate(x, y, N_OF(x), &c), 0);
	ck_assert_ptr_null(c.why);
	ck_assert_uint_eq(c.n, 12);
	ck_rel(c.r, 0.956657860902905);
	ck_rel(c.ci_low, 0.848735207144606);
	ck_rel(c.ci_high, 0.988077671013304);
	ck_rel(c.p, 1.11987278918821e-06);
	ck_rel(c.rho, 0.964918220505943);
}
END_TEST

START_TEST(test_correlate_degenerate)
{
	double x[] = { 1, 2, 3, 4 }, flat[] = { 5, 5, 5, 5 };
	double nan4[] = { NAN, NAN, NAN, NAN }, neg[] = { 8, 6, 4, 2 };
	struct stats_corr c;

	ck_assert_int_eq(stats_correlate(x, x, 1, &c), -1);
	ck_assert(isnan(c.r) && isnan(c.rho) && isnan(c.p));
	ck_assert_ptr_nonnull(c.why);
	ck_assert_int_eq(stats_correlate(x, flat, 4, &c), -1);
	ck_assert(isnan(c.r) && isnan(c.rho) && isnan(c.ci_low));
	ck_assert_str_eq(c.why, "zero variance");
	ck_assert_int_eq(stats_correlate(nan4, x, 4, &c), -1);
	ck_assert_uint_eq(c.n, 0);
	ck_assert(isnan(c.r));
	/* A perfect inverse line: r = rho = -1, p = 0, a point CI (as R). */
	ck_assert_int_eq(stats_correlate(x, neg, 4, &c), 0);
	ck_rel(c.r, -1);
	ck_rel(c.rho, -1);
	ck_rel(c.p, 0);
	ck_rel(c.ci_low, -1);
	ck_rel(c.ci_high, -1);
}
END_TEST

START_TEST(test_regress)
{
	/* R: summary(lm(ry ~ x1 + x2 + x3)); the last row (NaN) is
	 * dropped. */
	static const double x[] = {
		1.2, 0.5, 3,	2.3, 0.1, 1,	3.1, 0.9, 4,	4.8, 0.4, 1,
		5.0, 1.3, 5,	6.7, 0.8, 9,	7.1, 1.7, 2,	8.4, 1.1, 6,
		9.0, 2.0, 5,	10.2, 1.6, 3,	11.5, 2.4, 5,	12.1, 1.9, 8,
		13.3, 2.8, 9,	14.0, 2.2, 7,	1, NAN, 1,
	};
	static const double y[] = { 10.1, 11.8, 14.2, 15.0, 18.3, 19.9, 21.7,
	    22.0, 25.8, 26.1, 29.4, 29.0, 33.9, 32.5, 3 };
	static const double coef[] = { 7.63285019909658, 1.35318531173134,
	    2.54203544626916, 0.0833934637639544 };
	static const double se[] = { 0.30063477181988, 0.0743250111139767,
	    0.356118150938645, 0.0636463665473697 };
	static const double t[] = { 25.3891130187351, 18.2063250506111,
	    7.13817995395334, 1.31026275792017 };
	static const double p[] = { 2.06053513454604e-10, 5.36665944963595e-09,
	    3.14876546727147e-05, 0.219403361690147 };
	struct stats_regression r;
	size_t j;

	ck_assert_int_eq(stats_regress(x, y, 15, 3, &r), 0);
	ck_assert_ptr_null(r.why);
	ck_assert_uint_eq(r.n, 14);
	ck_assert_uint_eq(r.k, 3);
	for (j = 0; j < 4; j++) {
		ck_rel(r.coef[j], coef[j]);
		ck_rel(r.se[j], se[j]);
		ck_rel(r.t[j], t[j]);
		ck_rel(r.p[j], p[j]);
	}
	ck_rel(r.r2, 0.996952341109812);
	ck_rel(r.adj_r2, 0.996038043442755);
	ck_rel(r.f, 1090.40236788467);
	ck_rel(r.f_p, 7.10841623253956e-13);
	stats_regression_free(&r);
	ck_assert_ptr_null(r.coef);
	stats_regression_free(&r);
	stats_regression_free(NULL);
}
END_TEST

START_TEST(test_regress_degenerate)
{
	/* x2 = 2 x1: singular (R's lm gives NA for x2). */
	double sing[] = { 1, 2, 2, 4, 3, 6, 4, 8, 5, 10 };
	double y[] = { 1.5, 2.1, 3.7, 3.9, 5.2 }, flat[] = { 2, 2, 2, 2, 2 };
	double nan5[] = { NAN, NAN, NAN, NAN, NAN };
	struct stats_regression r;
	size_t j;

	ck_assert_int_eq(stats_regress(sing, y, 5, 2, &r), -1);
	ck_assert_str_eq(r.why, "singular design");
	for (j = 0; j < 3; j++)
		ck_assert(isnan(r.coef[j]) && isnan(r.se[j]) &&
		    isnan(r.p[j]));
	ck_assert(isnan(r.r2) && isnan(r.f) && isnan(r.f_p));
	stats_regression_free(&r);

	/* n <= k + 1: 3 rows for 2 predictors leave no residual df. */
	ck_assert_int_eq(stats_regress(sing, y, 3, 2, &r), -1);
	ck_assert(isnan(r.coef[0]) && isnan(r.r2));
	ck_assert_ptr_nonnull(r.why);
	stats_regression_free(&r);

	ck_assert_int_eq(stats_regress(y, flat, 5, 1, &r), -1);
	ck_assert(isnan(r.coef[1]) && isnan(r.r2));
	ck_assert_ptr_nonnull(r.why);
	stats_regression_free(&r);

	ck_assert_int_eq(stats_regress(y, nan5, 5, 1, &r), -1);
	ck_assert_uint_eq(r.n, 0);
	ck_assert(isnan(r.coef[0]));
	stats_regression_free(&r);
}
END_TEST

START_TEST(test_lag1)
{
	/* R: lag() of stats_reference.R, row-major. */
	static const unsigned long f[] = { 20, 5, 9, 4, 17, 6, 7, 3, 25 };
	static const double e[] = { 10.9791666666667, 8.85416666666667,
	    14.1666666666667, 8.71875, 7.03125, 11.25, 11.3020833333333,
	    9.11458333333333, 14.5833333333333 };
	static const double pr[] = { 0.588235294117647, 0.147058823529412,
	    0.264705882352941, 0.148148148148148, 0.62962962962963,
	    0.222222222222222, 0.2, 0.0857142857142857, 0.714285714285714 };
	static const double z[] = { 4.1169982275807, -1.87414357595779,
	    -2.23644375566856, -2.29081419656272, 5.15634477187178,
	    -2.41732874488961, -1.95096376447637, -2.95444288998514,
	    4.48035748705129 };
	static const double q[] = { 0.737649063032368, -0.468354430379747,
	    -0.470588235294118, -0.574144486692015, 0.856759176365264,
	    -0.545454545454545, -0.443609022556391, -0.714981729598051,
	    0.769230769230769 };
	struct stats_lag_cell c[9];
	size_t i;

	ck_assert_int_eq(stats_lag1(f, 3, 3, c), 0);
	for (i = 0; i < 9; i++) {
		ck_assert_uint_eq(c[i].count, f[i]);
		/* R prints 15 digits: compare to 1e-6 relative. */
		ck_rel(c[i].expected, e[i]);
		ck_rel(c[i].prob, pr[i]);
		ck_rel(c[i].z, z[i]);
		ck_rel(c[i].yule_q, q[i]);
	}
}
END_TEST

START_TEST(test_lag1_degenerate)
{
	/* Row 2 empty: its cells are NaN; the rest as R's lag(lf2). */
	static const unsigned long f[] = { 10, 2, 3, 0, 0, 0, 4, 6, 8 };
	static const double z[] = { 2.57226385765214, -1.33491572767722,
	    -1.48323969741913, NAN, NAN, NAN, -2.57226385765214,
	    1.33491572767722, 1.48323969741913 };
	static const double q[] = { 0.75, -0.529411764705882,
	    -0.523809523809524, NAN, NAN, NAN, -0.75, 0.529411764705882,
	    0.523809523809524 };
	static const unsigned long zero[] = { 0, 0, 0, 0 };
	struct stats_lag_cell c[9];
	size_t i;

	ck_assert_int_eq(stats_lag1(f, 3, 3, c), 0);
	for (i = 0; i < 9; i++) {
		if (isnan(z[i])) {
			ck_assert(isnan(c[i].prob) && isnan(c[i].z) &&
			    isnan(c[i].yule_q));
			ck_rel(c[i].expected, 0);
			continue;
		}
		ck_rel(c[i].z, z[i]);
		ck_rel(c[i].yule_q, q[i]);
	}
	ck_rel(c[0].expected, 6.36363636363636);
	ck_rel(c[0].prob, 10.0 / 15);

	/* An empty table. */
	ck_assert_int_eq(stats_lag1(zero, 2, 2, c), -1);
	for (i = 0; i < 4; i++)
		ck_assert(isnan(c[i].expected) && isnan(c[i].prob) &&
		    isnan(c[i].z) && isnan(c[i].yule_q));
	ck_assert_int_eq(stats_lag1(zero, 0, 2, c), -1);
}
END_TEST

START_TEST(test_agreement)
{
	struct stats_agreement a;

	/* R: the agreement block of stats_reference.R. */
	ck_assert_int_eq(stats_agreement(40, 10, 15, 135, &a), 0);
	ck_assert_ptr_null(a.why);
	ck_assert_uint_eq(a.tp, 40);
	ck_assert_uint_eq(a.tn, 135);
	ck_rel(a.precision, 0.8);
	ck_rel(a.recall, 0.727272727272727);
	ck_rel(a.f1, 0.761904761904762);
	ck_rel(a.kappa, 0.67741935483871);

	/* Empty table; a tag neither source ever used. */
	ck_assert_int_eq(stats_agreement(0, 0, 0, 0, &a), -1);
	ck_assert(isnan(a.precision) && isnan(a.kappa));
	ck_assert_ptr_nonnull(a.why);
	ck_assert_int_eq(stats_agreement(0, 0, 0, 50, &a), -1);
	ck_assert(isnan(a.precision) && isnan(a.recall) && isnan(a.f1) &&
	    isnan(a.kappa));
	ck_assert_ptr_nonnull(a.why);
	/* The analyzer never fires: precision undefined, recall 0. */
	ck_assert_int_eq(stats_agreement(0, 0, 5, 45, &a), 0);
	ck_assert(isnan(a.precision));
	ck_rel(a.recall, 0);
	ck_rel(a.f1, 0);
	ck_rel(a.kappa, 0);
	ck_assert_str_eq(a.why, "no analyzer positives");
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("stats");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_describe);
	tcase_add_test(tc, test_describe_degenerate);
	tcase_add_test(tc, test_describe_bounded);
	tcase_add_test(tc, test_describe_bounded_degenerate);
	tcase_add_test(tc, test_trend);
	tcase_add_test(tc, test_trend_degenerate);
	tcase_add_test(tc, test_icc1);
	tcase_add_test(tc, test_icc_shrout_fleiss);
	tcase_add_test(tc, test_icc21);
	tcase_add_test(tc, test_icc_degenerate);
	tcase_add_test(tc, test_correlate);
	tcase_add_test(tc, test_correlate_degenerate);
	tcase_add_test(tc, test_regress);
	tcase_add_test(tc, test_regress_degenerate);
	tcase_add_test(tc, test_lag1);
	tcase_add_test(tc, test_lag1_degenerate);
	tcase_add_test(tc, test_agreement);
	suite_add_tcase(s, tc);
	return s;
}
