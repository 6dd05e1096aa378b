/* stats.h -- the statistics of docs/architecture.md section 6, on GSL.
 *
 * Pure functions of arrays: no I/O, no global state beyond GSL's error
 * handler, which stats_init() turns off once (every GSL status is then
 * checked here). Missing values are NaN on input and are skipped (or the
 * case dropped, for paired and multivariate statistics).
 *
 * A statistic that cannot be computed (n too small, zero variance, a
 * singular design) is NaN in its result with `why` set to a short static
 * reason ("fewer than 2 values", "zero variance", ...); the writers print
 * NaN as empty (CSV) or null (JSON), never nan or inf. Every function
 * returns 0 when the main value was computed, -1 when it was not.
 *
 * The formula and source of every statistic is in docs/statistics.md;
 * tests/unit/test_stats.c checks each against R (code and values
 * recorded there).
 */
#ifndef RAPPORT_STATS_H
#define RAPPORT_STATS_H

#include <stddef.h>

/* Turn GSL's abort-on-error handler off. Call once, before threads. */
void stats_init(void);

/* Descriptive statistics with a t-based 95% CI of the mean. */
struct stats_desc {
	size_t		 n;		/* non-missing values */
	double		 mean, sd;	/* sd with n - 1 */
	double		 ci_low, ci_high;
	double		 median;
	double		 min, max;
	const char	*why;		/* NULL when all were computed */
};
int stats_describe(const double *x, size_t n, struct stats_desc *out);

/* As stats_describe(), but the 95% CI of the mean respects the range
 * [lo, hi] the values can take (hi may be INFINITY): the logit interval
 * of the fractional-logit GLM for a finite hi, the log interval of the
 * quasi-Poisson GLM for an infinite one (docs/statistics.md,
 * "stats_describe_bounded"). lo must be finite. A value outside [lo, hi]
 * leaves the CI NaN with why "values outside the range". */
int stats_describe_bounded(const double *x, size_t n, double lo, double hi,
    struct stats_desc *out);

/* OLS trend y = a + b t; t in days. Slope and CI are per 30 days,
 * p is two-sided for slope = 0 (t test, n - 2 df). */
struct stats_trend {
	size_t		 n;		/* complete (t, y) pairs */
	double		 slope, ci_low, ci_high, p;	/* per 30 days */
	double		 intercept;	/* at t = 0 */
	const char	*why;
};
int stats_trend(const double *t, const double *y, size_t n,
    struct stats_trend *out);

/* An intraclass correlation with its 95% CI. */
struct stats_icc {
	double		 value, ci_low, ci_high;
	size_t		 n_groups, n;	/* ICC(1): clinicians, sessions */
	const char	*why;
};
/* ICC(1) from one-way ANOVA with unequal group sizes; group[i] is the
 * group (0 .. ngroups - 1) of y[i]. Value and CI limits are truncated at 0. */
int stats_icc1(const double *y, const size_t *group, size_t n,
    size_t ngroups, struct stats_icc *out);
/* ICC(2,1): two-way random effects, absolute agreement, single rater
 * (Shrout & Fleiss 1979). x is n subjects x k raters, row-major; rows
 * with a NaN are dropped. */
int stats_icc21(const double *x, size_t n, size_t k, struct stats_icc *out);

/* Pearson r with Fisher-z 95% CI and two-sided p; Spearman rho (average
 * ranks for ties). Pairs with a NaN are dropped. */
struct stats_corr {
	size_t		 n;
	double		 r, ci_low, ci_high, p;
	double		 rho;
	const char	*why;
};
int stats_correlate(const double *x, const double *y, size_t n,
    struct stats_corr *out);

/* Multiple regression y = b0 + b1 x1 + ... + bk xk by OLS. x is n rows x
 * k predictors, row-major, without the intercept column; rows with a NaN
 * are dropped. Coefficient arrays have k + 1 entries (intercept first). */
struct stats_regression {
	size_t		 n, k;		/* complete rows, predictors */
	double		*coef, *se, *t, *p;
	double		 r2, adj_r2;
	double		 f, f_p;	/* overall F test */
	const char	*why;
};
int stats_regress(const double *x, const double *y, size_t n, size_t k,
    struct stats_regression *out);
/* As stats_regress(), with the n rows supplied by row(arg, i, x, y),
 * which stores row i's k predictors in x[0..k) and its outcome in *y and
 * returns 0 (-1: the row cannot be read, and the regression fails with
 * why "rows could not be read"). It is called for i = 0 .. n-1 in
 * order, twice (to count the complete rows, then to fill the design
 * matrix), so rows can stream from disk instead of an n x k array. */
int stats_regress_rows(size_t n, size_t k,
    int (*row)(void *arg, size_t i, double *x, double *y), void *arg,
    struct stats_regression *out);
void stats_regression_free(struct stats_regression *r);

/* Lag-1 sequential analysis (Bakeman & Quera 2011) of an R x C table of
 * transition counts (row = given, column = target), row-major. */
struct stats_lag_cell {
	unsigned long	 count;
	double		 expected;	/* row total * column total / N */
	double		 prob;		/* count / row total */
	double		 z;		/* adjusted residual */
	double		 yule_q;	/* from the 2 x 2 collapse of the cell */
};
/* out has rows * cols cells. */
int stats_lag1(const unsigned long *counts, size_t rows, size_t cols,
    struct stats_lag_cell *out);

/* Presence agreement of a 2 x 2 table: a = both, b = first only, c =
 * second only, d = neither. */
struct stats_agreement {
	unsigned long	 tp, fp, fn, tn;
	double		 precision, recall, f1, kappa;
	const char	*why;
};
/* tp: analyzer and human; fp: analyzer only; fn: human only; tn: neither. */
int stats_agreement(unsigned long tp, unsigned long fp, unsigned long fn,
    unsigned long tn, struct stats_agreement *out);

#endif
