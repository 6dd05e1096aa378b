/* stats.c -- the statistics of docs/architecture.md section 6, on GSL.
 *
 * Every function works on a private copy of its complete cases (NaN
 * dropped), fills its result with NaN first, and then fills in what the
 * data support. A value that cannot be computed stays NaN and `why` names
 * the first reason, a static string; no inf or nan is ever left in a field
 * that reads as computed. GSL's error handler is off (stats_init), so every
 * GSL status and every special value is checked here.
 *
 * Formulas and sources are cited beside the code and collected in
 * docs/statistics.md; tests/unit/test_stats.c checks each against R
 * (tests/unit/stats_reference.R).
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_fit.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_multifit.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>
#include <gsl/gsl_vector.h>

#include "stats.h"
#include "util.h"

/* Two-sided 95% everywhere (docs/architecture.md section 6). */
#define STATS_ALPHA	0.05
/* Standard normal quantile for 0.975, for the Fisher-z interval. */
#define STATS_Z975	1.959963984540054
/* Singular values below this fraction of the largest (after GSL's column
 * balancing) count as zero: the design is then rank deficient. */
#define STATS_RANK_TOL	1e-10

void
stats_init(void)
{
	gsl_set_error_handler_off();
}

/* Upper 1 - alpha/2 quantile of t with df degrees of freedom; NaN when GSL
 * cannot give a finite one. */
static double
t_crit(double df)
{
	double	q;

	if (!(df > 0))
		return NAN;
	q = gsl_cdf_tdist_Pinv(1 - STATS_ALPHA / 2, df);
	return isfinite(q) ? q : NAN;
}

/* Upper 1 - alpha/2 quantile of F(df1, df2); NaN when not finite. */
static double
f_crit(double df1, double df2)
{
	double	q;

	if (!(df1 > 0) || !(df2 > 0))
		return NAN;
	q = gsl_cdf_fdist_Pinv(1 - STATS_ALPHA / 2, df1, df2);
	return isfinite(q) ? q : NAN;
}

/* Two-sided p of a t statistic. */
static double
t_p2(double t, double df)
{
	if (!isfinite(t) || !(df > 0))
		return NAN;
	return 2 * gsl_cdf_tdist_Q(fabs(t), df);
}

/* Copy the non-NaN values of x into a new array; *m gets their number.
 * The caller frees the result (NULL when n is 0). */
static double *
complete1(const double *x, size_t n, size_t *m)
{
	double	*c = NULL;
	size_t	 i;

	*m = 0;
	if (n == 0)
		return NULL;
	c = xmalloc(n * sizeof *c);
	for (i = 0; i < n; i++)
		if (!isnan(x[i]))
			c[(*m)++] = x[i];
	return c;
}

/* Copy the pairs with neither value NaN into two new arrays. */
static size_t
complete2(const double *x, const double *y, size_t n, double **cx,
    double **cy)
{
	size_t	 i, m = 0;

	*cx = *cy = NULL;
	if (n == 0)
		return 0;
	*cx = xmalloc(n * sizeof **cx);
	*cy = xmalloc(n * sizeof **cy);
	for (i = 0; i < n; i++) {
		if (isnan(x[i]) || isnan(y[i]))
			continue;
		(*cx)[m] = x[i];
		(*cy)[m] = y[i];
		m++;
	}
	return m;
}

/* ---- descriptive ---------------------------------------------------- */

/* Mean, SD (n - 1), median, range; 95% CI of the mean as mean +- t(0.975,
 * n - 1) sd / sqrt(n) (Student 1908; e.g. Zar 2010, Biostatistical
 * Analysis, sec. 7.3). Zero SD leaves the CI NaN, as R's t.test refuses
 * constant data. */
int
stats_describe(const double *x, size_t n, struct stats_desc *out)
{
	double	*c = NULL;
	double	 tq;
	size_t	 m;

	out->n = 0;
	out->mean = out->sd = out->ci_low = out->ci_high = NAN;
	out->median = out->min = out->max = NAN;
	out->why = NULL;

	c = complete1(x, n, &m);
	out->n = m;
	if (m == 0) {
		out->why = "no values";
		goto fail;
	}
	gsl_sort(c, 1, m);
	out->mean = gsl_stats_mean(c, 1, m);
	out->median = gsl_stats_median_from_sorted_data(c, 1, m);
	out->min = c[0];
	out->max = c[m - 1];
	if (m < 2) {
		out->why = "fewer than 2 values";
		goto done;
	}
	out->sd = gsl_stats_sd_m(c, 1, m, out->mean);
	if (!(out->sd > 0)) {
		out->why = "zero variance";
		goto done;
	}
	tq = t_crit((double)m - 1);
	if (isnan(tq)) {
		out->why = "t quantile failed";
		goto done;
	}
	out->ci_low = out->mean - tq * out->sd / sqrt((double)m);
	out->ci_high = out->mean + tq * out->sd / sqrt((double)m);
done:
	free(c);
	return 0;
fail:
	free(c);
	return -1;
}

/* The descriptive statistics of stats_describe() with a 95% CI of the
 * mean that stays inside [lo, hi]: the Wald interval, on the link scale,
 * of an intercept-only quasi-likelihood GLM (Wedderburn 1974; McCullagh &
 * Nelder 1989, Generalized Linear Models, 2nd ed., ch. 9), with the t
 * quantile on n - 1 df as R's summary.glm uses for an estimated
 * dispersion, mapped back:
 *   hi finite: y = (x - lo) / (hi - lo) in [0, 1], logit link and
 *     variance mu (1 - mu), the fractional logit of Papke & Wooldridge
 *     (1996): se(logit m) = sd_y / (sqrt(n) m (1 - m));
 *   hi infinite: y = x - lo >= 0, log link and variance mu
 *     (quasi-Poisson): se(log m) = sd_y / (sqrt(n) m).
 * The intercept's estimate is the link of the mean and these standard
 * errors are the delta method's, so the interval is g^-1(g(m) +- t se):
 * inside (lo, hi) whenever it exists, and asymmetric near a bound. */
int
stats_describe_bounded(const double *x, size_t n, double lo, double hi,
    struct stats_desc *out)
{
	double	 m, sd, tq, se, eta;
	int	 rc = stats_describe(x, n, out);

	out->ci_low = out->ci_high = NAN;
	if (rc != 0 || out->n < 2 || !(out->sd > 0))
		return rc;	/* why set by stats_describe */
	if (!isfinite(lo) || !(hi > lo) || out->min < lo || out->max > hi) {
		out->why = "values outside the range";
		return 0;
	}
	tq = t_crit((double)out->n - 1);
	if (isnan(tq)) {
		out->why = "t quantile failed";
		return 0;
	}
	if (isfinite(hi)) {
		m = (out->mean - lo) / (hi - lo);
		sd = out->sd / (hi - lo);
		/* 0 < m < 1: values on both sides of m, sd > 0. */
		se = sd / (sqrt((double)out->n) * m * (1 - m));
		eta = log(m / (1 - m));
		out->ci_low = lo + (hi - lo) / (1 + exp(-(eta - tq * se)));
		out->ci_high = lo + (hi - lo) / (1 + exp(-(eta + tq * se)));
	} else {
		m = out->mean - lo;
		se = out->sd / (sqrt((double)out->n) * m);
		eta = log(m);
		out->ci_low = lo + exp(eta - tq * se);
		out->ci_high = lo + exp(eta + tq * se);
	}
	if (!isfinite(out->ci_low) || !isfinite(out->ci_high)) {
		out->ci_low = out->ci_high = NAN;
		out->why = "interval not finite";
	}
	return 0;
}

/* ---- trend ------------------------------------------------------------ */

/* OLS y = a + b t (gsl_fit_linear), se(b) = sqrt(s^2 / Sxx) with
 * s^2 = RSS / (n - 2); CI b +- t(0.975, n - 2) se(b); p from
 * t = b / se(b) on n - 2 df (Draper & Smith 1998, Applied Regression
 * Analysis, ch. 1). Slope and CI are scaled to 30 days. */
int
stats_trend(const double *t, const double *y, size_t n,
    struct stats_trend *out)
{
	double	*ct = NULL, *cy = NULL;
	double	 c0, c1, cov00, cov01, cov11, sumsq, se, tq, df;
	size_t	 m;

	out->n = 0;
	out->slope = out->ci_low = out->ci_high = out->p = NAN;
	out->intercept = NAN;
	out->why = NULL;

	m = complete2(t, y, n, &ct, &cy);
	out->n = m;
	if (m < 3) {
		out->why = "fewer than 3 pairs";
		goto fail;
	}
	if (!(gsl_stats_variance(ct, 1, m) > 0)) {
		out->why = "no variation in time";
		goto fail;
	}
	if (gsl_fit_linear(ct, 1, cy, 1, m, &c0, &c1, &cov00, &cov01, &cov11,
	    &sumsq) != GSL_SUCCESS || !isfinite(c0) || !isfinite(c1)) {
		out->why = "linear fit failed";
		goto fail;
	}
	out->slope = 30 * c1;
	out->intercept = c0;
	se = sqrt(cov11);
	if (!(se > 0) || !isfinite(se)) {
		out->why = "perfect fit";
		goto done;
	}
	df = (double)m - 2;
	tq = t_crit(df);
	out->p = t_p2(c1 / se, df);
	if (isnan(tq) || isnan(out->p)) {
		out->p = NAN;
		out->why = "t distribution failed";
		goto done;
	}
	out->ci_low = 30 * (c1 - tq * se);
	out->ci_high = 30 * (c1 + tq * se);
done:
	free(ct);
	free(cy);
	return 0;
fail:
	free(ct);
	free(cy);
	return -1;
}

/* ---- intraclass correlations ----------------------------------------- */

static void
icc_clear(struct stats_icc *out)
{
	out->value = out->ci_low = out->ci_high = NAN;
	out->n_groups = out->n = 0;
	out->why = NULL;
}

/* ICC(1) from one-way ANOVA with unequal group sizes.
 *   MSB = SSB / (k - 1), MSW = SSW / (N - k),
 *   n0 = (N - sum n_j^2 / N) / (k - 1)          (Snedecor & Cochran 1989,
 *                                                 sec. 13.11; Donner 1986)
 *   ICC = (MSB - MSW) / (MSB + (n0 - 1) MSW)
 * 95% CI from the F limits (Shrout & Fleiss 1979, case 1; McGraw & Wong
 * 1996, Table 7, with n0 for k):
 *   F = MSB / MSW, F_L = F / F_{.975}(k - 1, N - k),
 *   F_U = F * F_{.975}(N - k, k - 1),
 *   ICC_L = (F_L - 1) / (F_L + n0 - 1), ICC_U = (F_U - 1) / (F_U + n0 - 1).
 * Value and limits are truncated at 0 (docs/architecture.md section 6). */
int
stats_icc1(const double *y, const size_t *group, size_t n, size_t ngroups,
    struct stats_icc *out)
{
	double	*sum = NULL, *cnt = NULL;
	double	 big_n = 0, grand = 0, ssb = 0, ssw = 0, sumsq_n = 0;
	double	 msb, msw, n0, f, fl, fu, lo, hi;
	size_t	 i, j, k = 0;

	icc_clear(out);
	if (ngroups == 0) {
		out->why = "no groups";
		goto fail;
	}
	sum = xcalloc(ngroups, sizeof *sum);
	cnt = xcalloc(ngroups, sizeof *cnt);
	for (i = 0; i < n; i++) {
		if (isnan(y[i]))
			continue;
		if (group[i] >= ngroups) {
			out->why = "group index out of range";
			goto fail;
		}
		sum[group[i]] += y[i];
		cnt[group[i]] += 1;
		grand += y[i];
		big_n += 1;
	}
	for (j = 0; j < ngroups; j++)
		if (cnt[j] > 0) {
			k++;
			sumsq_n += cnt[j] * cnt[j];
		}
	out->n_groups = k;
	out->n = (size_t)big_n;
	if (k < 2) {
		out->why = "fewer than 2 groups";
		goto fail;
	}
	if (big_n <= (double)k) {
		out->why = "no group with 2 values";
		goto fail;
	}
	grand /= big_n;
	/* Two passes over the data: group means first, then squares about
	 * them, which keeps SSW exact for data far from 0. */
	for (j = 0; j < ngroups; j++)
		if (cnt[j] > 0) {
			sum[j] /= cnt[j];
			ssb += cnt[j] * (sum[j] - grand) * (sum[j] - grand);
		}
	for (i = 0; i < n; i++)
		if (!isnan(y[i]))
			ssw += (y[i] - sum[group[i]]) * (y[i] - sum[group[i]]);
	msb = ssb / ((double)k - 1);
	msw = ssw / (big_n - (double)k);
	n0 = (big_n - sumsq_n / big_n) / ((double)k - 1);
	if (!(msb + (n0 - 1) * msw > 0)) {
		out->why = "zero variance";
		goto fail;
	}
	out->value = fmax(0, (msb - msw) / (msb + (n0 - 1) * msw));
	if (!(msw > 0)) {
		out->why = "zero within-group variance";
		goto done;
	}
	f = msb / msw;
	lo = f_crit((double)k - 1, big_n - (double)k);
	hi = f_crit(big_n - (double)k, (double)k - 1);
	if (isnan(lo) || isnan(hi)) {
		out->why = "F quantile failed";
		goto done;
	}
	fl = f / lo;
	fu = f * hi;
	out->ci_low = fmax(0, (fl - 1) / (fl + n0 - 1));
	out->ci_high = fmax(0, (fu - 1) / (fu + n0 - 1));
done:
	free(sum);
	free(cnt);
	return 0;
fail:
	free(sum);
	free(cnt);
	return -1;
}

/* ICC(2,1), two-way random effects, absolute agreement, single rater
 * (Shrout & Fleiss 1979, case 2; McGraw & Wong 1996, ICC(A,1)):
 *   ICC = (MSR - MSE) / (MSR + (k - 1) MSE + k (MSC - MSE) / n)
 * with MSR rows (subjects), MSC columns (raters), MSE residual of the
 * two-way ANOVA without replication. 95% CI by McGraw & Wong (1996,
 * Table 7, case 2A) with Satterthwaite's df v, as R's irr::icc computes it:
 *   Fj = MSC / MSE, r = ICC,
 *   v = (k-1)(n-1) [k r Fj + n (1 + (k-1) r) - k r]^2
 *       / [(n-1) k^2 r^2 Fj^2 + (n (1 + (k-1) r) - k r)^2],
 *   FL = F_{.975}(n - 1, v), FU = F_{.975}(v, n - 1),
 *   L = n (MSR - FL MSE) / (FL (k MSC + (k n - k - n) MSE) + n MSR),
 *   U = n (FU MSR - MSE) / (k MSC + (k n - k - n) MSE + n FU MSR).
 * Not truncated at 0 (as irr::icc and psych::ICC). */
int
stats_icc21(const double *x, size_t n, size_t k, struct stats_icc *out)
{
	double	*c = NULL, *rmean = NULL, *cmean = NULL;
	double	 grand = 0, ssr = 0, ssc = 0, sst = 0, sse, msr, msc, mse;
	double	 dn, dk, r, fj, vn, vd, v, fl, fu, den;
	size_t	 i, j, m = 0;

	icc_clear(out);
	out->n_groups = k;
	if (k < 2) {
		out->why = "fewer than 2 raters";
		goto fail;
	}
	if (n > 0)
		c = xmalloc(n * k * sizeof *c);
	for (i = 0; i < n; i++) {
		for (j = 0; j < k; j++)
			if (isnan(x[i * k + j]))
				break;
		if (j < k)
			continue;
		memcpy(c + m * k, x + i * k, k * sizeof *c);
		m++;
	}
	out->n = m;
	if (m < 2) {
		out->why = "fewer than 2 complete subjects";
		goto fail;
	}
	dn = (double)m;
	dk = (double)k;
	rmean = xcalloc(m, sizeof *rmean);
	cmean = xcalloc(k, sizeof *cmean);
	for (i = 0; i < m; i++)
		for (j = 0; j < k; j++) {
			rmean[i] += c[i * k + j] / dk;
			cmean[j] += c[i * k + j] / dn;
			grand += c[i * k + j];
		}
	grand /= dn * dk;
	for (i = 0; i < m; i++)
		ssr += dk * (rmean[i] - grand) * (rmean[i] - grand);
	for (j = 0; j < k; j++)
		ssc += dn * (cmean[j] - grand) * (cmean[j] - grand);
	/* The residual directly, not SST - SSR - SSC, to avoid cancellation. */
	sse = 0;
	for (i = 0; i < m; i++)
		for (j = 0; j < k; j++) {
			double e = c[i * k + j] - rmean[i] - cmean[j] + grand;

			sse += e * e;
			sst += (c[i * k + j] - grand) * (c[i * k + j] - grand);
		}
	msr = ssr / (dn - 1);
	msc = ssc / (dk - 1);
	mse = sse / ((dn - 1) * (dk - 1));
	den = msr + (dk - 1) * mse + dk * (msc - mse) / dn;
	if (!(sst > 0) || !(den > 0)) {
		out->why = "zero variance";
		goto fail;
	}
	r = (msr - mse) / den;
	out->value = r;
	if (!(mse > 0)) {
		out->why = "zero residual variance";
		goto done;
	}
	fj = msc / mse;
	vn = (dk - 1) * (dn - 1) *
	    pow(dk * r * fj + dn * (1 + (dk - 1) * r) - dk * r, 2);
	vd = (dn - 1) * dk * dk * r * r * fj * fj +
	    pow(dn * (1 + (dk - 1) * r) - dk * r, 2);
	v = vn / vd;
	fl = f_crit(dn - 1, v);
	fu = f_crit(v, dn - 1);
	if (!isfinite(v) || isnan(fl) || isnan(fu)) {
		out->why = "F quantile failed";
		goto done;
	}
	out->ci_low = dn * (msr - fl * mse) /
	    (fl * (dk * msc + (dk * dn - dk - dn) * mse) + dn * msr);
	out->ci_high = dn * (fu * msr - mse) /
	    (dk * msc + (dk * dn - dk - dn) * mse + dn * fu * msr);
	if (!isfinite(out->ci_low) || !isfinite(out->ci_high)) {
		out->ci_low = out->ci_high = NAN;
		out->why = "CI not finite";
	}
done:
	free(c);
	free(rmean);
	free(cmean);
	return 0;
fail:
	free(c);
	free(rmean);
	free(cmean);
	return -1;
}

/* ---- correlation ------------------------------------------------------ */

/* Pearson r (gsl_stats_correlation); p from t = r sqrt((n - 2) / (1 - r^2))
 * on n - 2 df (Fisher 1915); 95% CI tanh(atanh(r) +- 1.959964 / sqrt(n - 3))
 * (Fisher 1921). Spearman rho = Pearson r of average ranks (Spearman 1904),
 * gsl_stats_spearman, which averages tied ranks. */
int
stats_correlate(const double *x, const double *y, size_t n,
    struct stats_corr *out)
{
	double	*cx = NULL, *cy = NULL, *work = NULL;
	double	 r, z, h, tt;
	size_t	 m;

	out->n = 0;
	out->r = out->ci_low = out->ci_high = out->p = out->rho = NAN;
	out->why = NULL;

	m = complete2(x, y, n, &cx, &cy);
	out->n = m;
	if (m < 3) {
		out->why = "fewer than 3 pairs";
		goto fail;
	}
	if (!(gsl_stats_variance(cx, 1, m) > 0) ||
	    !(gsl_stats_variance(cy, 1, m) > 0)) {
		out->why = "zero variance";
		goto fail;
	}
	r = gsl_stats_correlation(cx, 1, cy, 1, m);
	if (!isfinite(r)) {
		out->why = "correlation failed";
		goto fail;
	}
	r = fmax(-1, fmin(1, r));
	out->r = r;
	work = xmalloc(2 * m * sizeof *work);
	out->rho = gsl_stats_spearman(cx, 1, cy, 1, m, work);
	if (!isfinite(out->rho))
		out->rho = NAN;
	if (fabs(r) == 1) {
		/* Perfect linear relation: p is 0, the interval a point
		 * (R's cor.test gives the same). */
		out->p = 0;
		out->ci_low = out->ci_high = r;
		goto done;
	}
	tt = r * sqrt(((double)m - 2) / (1 - r * r));
	out->p = t_p2(tt, (double)m - 2);
	if (m < 4) {
		out->why = "fewer than 4 pairs for the CI";
		goto done;
	}
	z = atanh(r);
	h = STATS_Z975 / sqrt((double)m - 3);
	out->ci_low = tanh(z - h);
	out->ci_high = tanh(z + h);
done:
	free(cx);
	free(cy);
	free(work);
	return 0;
fail:
	free(cx);
	free(cy);
	free(work);
	return -1;
}

/* ---- multiple regression ---------------------------------------------- */

/* OLS by SVD (gsl_multifit_linear_tsvd, which also gives the rank);
 * cov = s^2 (X'X)^-1 with s^2 = RSS / (n - k - 1); t = b / se, p two-sided
 * on n - k - 1 df; R^2 = 1 - RSS / TSS, adjusted R^2 =
 * 1 - (1 - R^2)(n - 1) / (n - k - 1); F = ((TSS - RSS) / k) / s^2 on
 * (k, n - k - 1) df (Draper & Smith 1998, ch. 5-6; Theil 1961 for
 * adjusted R^2). The arrays are allocated even on failure, NaN-filled. */
struct arrays {
	const double	*x, *y;
	size_t		 k;
};

static int
array_row(void *arg, size_t i, double *x, double *y)
{
	const struct arrays *a = arg;

	memcpy(x, a->x + i * a->k, a->k * sizeof(*x));
	*y = a->y[i];
	return 0;
}

int
stats_regress(const double *x, const double *y, size_t n, size_t k,
    struct stats_regression *out)
{
	struct arrays a = { x, y, k };

	return stats_regress_rows(n, k, array_row, &a, out);
}

int
stats_regress_rows(size_t n, size_t k,
    int (*row)(void *arg, size_t i, double *x, double *y), void *arg,
    struct stats_regression *out)
{
	double				*xr = xcalloc(k + 1, sizeof(*xr)), yr;
	gsl_matrix			*X = NULL, *cov = NULL;
	gsl_vector			*Y = NULL, *b = NULL;
	gsl_multifit_linear_workspace	*w = NULL;
	double				 chisq, tss, s2, df, ybar;
	size_t				 i, j, m = 0, p = k + 1, rank;

	memset(out, 0, sizeof *out);
	out->k = k;
	out->coef = xmalloc(p * sizeof *out->coef);
	out->se = xmalloc(p * sizeof *out->se);
	out->t = xmalloc(p * sizeof *out->t);
	out->p = xmalloc(p * sizeof *out->p);
	for (j = 0; j < p; j++)
		out->coef[j] = out->se[j] = out->t[j] = out->p[j] = NAN;
	out->r2 = out->adj_r2 = out->f = out->f_p = NAN;

	if (k == 0) {
		out->why = "no predictors";
		goto fail;
	}
	for (i = 0; i < n; i++) {
		if (row(arg, i, xr, &yr) != 0) {
			out->why = "rows could not be read";
			goto fail;
		}
		if (isnan(yr))
			continue;
		for (j = 0; j < k; j++)
			if (isnan(xr[j]))
				break;
		if (j == k)
			m++;
	}
	out->n = m;
	if (m <= p) {
		out->why = "too few complete rows for the predictors";
		goto fail;
	}
	X = gsl_matrix_alloc(m, p);
	Y = gsl_vector_alloc(m);
	b = gsl_vector_alloc(p);
	cov = gsl_matrix_alloc(p, p);
	w = gsl_multifit_linear_alloc(m, p);
	if (X == NULL || Y == NULL || b == NULL || cov == NULL || w == NULL) {
		out->why = "out of memory";
		goto fail;
	}
	m = 0;
	for (i = 0; i < n; i++) {
		if (row(arg, i, xr, &yr) != 0) {
			out->why = "rows could not be read";
			goto fail;
		}
		if (isnan(yr))
			continue;
		for (j = 0; j < k; j++)
			if (isnan(xr[j]))
				break;
		if (j < k)
			continue;
		gsl_matrix_set(X, m, 0, 1.0);
		for (j = 0; j < k; j++)
			gsl_matrix_set(X, m, j + 1, xr[j]);
		gsl_vector_set(Y, m, yr);
		m++;
	}
	ybar = gsl_stats_mean(Y->data, Y->stride, m);
	tss = 0;
	for (i = 0; i < m; i++)
		tss += (gsl_vector_get(Y, i) - ybar) * (gsl_vector_get(Y, i) -
		    ybar);
	if (!(tss > 0)) {
		out->why = "zero variance in the outcome";
		goto fail;
	}
	if (gsl_multifit_linear_tsvd(X, Y, STATS_RANK_TOL, b, cov, &chisq,
	    &rank, w) != GSL_SUCCESS) {
		out->why = "least squares failed";
		goto fail;
	}
	if (rank < p) {
		out->why = "singular design";
		goto fail;
	}
	df = (double)m - (double)p;
	for (j = 0; j < p; j++)
		out->coef[j] = gsl_vector_get(b, j);
	out->r2 = 1 - chisq / tss;
	out->adj_r2 = 1 - (1 - out->r2) * ((double)m - 1) / df;
	s2 = chisq / df;
	if (!(s2 > 0)) {
		out->why = "perfect fit";
		goto done;
	}
	for (j = 0; j < p; j++) {
		double v = gsl_matrix_get(cov, j, j);

		if (!(v > 0) || !isfinite(v))
			continue;
		out->se[j] = sqrt(v);
		out->t[j] = out->coef[j] / out->se[j];
		out->p[j] = t_p2(out->t[j], df);
	}
	out->f = ((tss - chisq) / (double)k) / s2;
	out->f_p = gsl_cdf_fdist_Q(out->f, (double)k, df);
	if (!isfinite(out->f) || !isfinite(out->f_p))
		out->f = out->f_p = NAN;
done:
	gsl_matrix_free(X);
	gsl_vector_free(Y);
	gsl_vector_free(b);
	gsl_matrix_free(cov);
	gsl_multifit_linear_free(w);
	free(xr);
	return 0;
fail:
	free(xr);
	if (X != NULL)
		gsl_matrix_free(X);
	if (Y != NULL)
		gsl_vector_free(Y);
	if (b != NULL)
		gsl_vector_free(b);
	if (cov != NULL)
		gsl_matrix_free(cov);
	if (w != NULL)
		gsl_multifit_linear_free(w);
	return -1;
}

void
stats_regression_free(struct stats_regression *r)
{
	if (r == NULL)
		return;
	free(r->coef);
	free(r->se);
	free(r->t);
	free(r->p);
	r->coef = r->se = r->t = r->p = NULL;
}

/* ---- lag-1 sequential analysis ---------------------------------------- */

/* For each cell (Bakeman & Quera 2011, Sequential Analysis and Observational
 * Methods, ch. 9; Allison & Liker 1982 for the residual):
 *   e = row * col / N, prob = f / row,
 *   z = (f - e) / sqrt(e (1 - col / N) (1 - row / N)),
 *   Yule's Q = (ad - bc) / (ad + bc) from the 2 x 2 collapse a = f,
 *   b = row - f, c = col - f, d = N - row - col + f (Yule 1912).
 * Undefined values (an empty row or column, a zero denominator) are NaN.
 * Returns -1 when the table is empty. */
int
stats_lag1(const unsigned long *counts, size_t rows, size_t cols,
    struct stats_lag_cell *out)
{
	double	*rt = NULL, *ct = NULL;
	double	 big_n = 0;
	size_t	 i, j;

	if (rows == 0 || cols == 0)
		return -1;
	rt = xcalloc(rows, sizeof *rt);
	ct = xcalloc(cols, sizeof *ct);
	for (i = 0; i < rows; i++)
		for (j = 0; j < cols; j++) {
			rt[i] += (double)counts[i * cols + j];
			ct[j] += (double)counts[i * cols + j];
			big_n += (double)counts[i * cols + j];
		}
	for (i = 0; i < rows; i++)
		for (j = 0; j < cols; j++) {
			struct stats_lag_cell	*o = &out[i * cols + j];
			double			 f, e, den, a, b, c, d, q;

			f = (double)counts[i * cols + j];
			o->count = counts[i * cols + j];
			o->expected = o->prob = o->z = o->yule_q = NAN;
			if (!(big_n > 0))
				continue;
			e = rt[i] * ct[j] / big_n;
			o->expected = e;
			if (rt[i] > 0)
				o->prob = f / rt[i];
			den = e * (1 - ct[j] / big_n) * (1 - rt[i] / big_n);
			if (den > 0)
				o->z = (f - e) / sqrt(den);
			a = f;
			b = rt[i] - f;
			c = ct[j] - f;
			d = big_n - rt[i] - ct[j] + f;
			q = a * d + b * c;
			if (q > 0)
				o->yule_q = (a * d - b * c) / q;
		}
	free(rt);
	free(ct);
	return big_n > 0 ? 0 : -1;
}

/* ---- agreement -------------------------------------------------------- */

/* precision = tp / (tp + fp), recall = tp / (tp + fn), F1 = 2 tp /
 * (2 tp + fp + fn) (van Rijsbergen 1979); Cohen's kappa = (po - pe) /
 * (1 - pe), po = (tp + tn) / N, pe = ((tp + fp)(tp + fn) + (fn + tn)
 * (fp + tn)) / N^2 (Cohen 1960). Returns 0 when kappa was computed. */
int
stats_agreement(unsigned long tp, unsigned long fp, unsigned long fn,
    unsigned long tn, struct stats_agreement *out)
{
	double	a = (double)tp, b = (double)fp, c = (double)fn, d = (double)tn;
	double	big_n = a + b + c + d, po, pe;

	out->tp = tp;
	out->fp = fp;
	out->fn = fn;
	out->tn = tn;
	out->precision = out->recall = out->f1 = out->kappa = NAN;
	out->why = NULL;
	if (!(big_n > 0)) {
		out->why = "no units";
		return -1;
	}
	if (a + b > 0)
		out->precision = a / (a + b);
	else
		out->why = "no analyzer positives";
	if (a + c > 0)
		out->recall = a / (a + c);
	else if (out->why == NULL)
		out->why = "no human positives";
	if (2 * a + b + c > 0)
		out->f1 = 2 * a / (2 * a + b + c);
	po = (a + d) / big_n;
	pe = ((a + b) * (a + c) + (c + d) * (b + d)) / (big_n * big_n);
	if (!(pe < 1)) {
		if (out->why == NULL)
			out->why = "no variation in either source";
		return -1;
	}
	out->kappa = (po - pe) / (1 - pe);
	return 0;
}
