/* test_aggregate.c -- unit tests of aggregate/aggregate.c: clinicians,
 * cohorts and corpus.json from hand-built session rows.
 *
 * Seven sessions of two clinicians, added out of order; only rq_ratio,
 * pct_complex_reflections, t_utterances and the SRS measure carry
 * values. Reference values from base R 4.2.2 (Rscript), code and output:
 *
 *   p <- function(name, v) cat(sprintf("%-24s %s\n", name,
 *       paste(sprintf("%.15g", v), collapse = " ")))
 *   day <- function(s) as.numeric(as.Date(s))
 *   c1d <- day(c("2026-01-05", "2026-01-19", "2026-02-02", "2026-02-23"))
 *   c1rq <- c(0.8, 1.1, 1.5, 1.9)
 *   tt <- t.test(c1rq)
 *   p("c1.rq.mean.sd", c(mean(c1rq), sd(c1rq)))
 *   p("c1.rq.ci", tt$conf.int)
 *   p("c1.rq.median", median(c1rq))
 *   fit <- lm(c1rq ~ c1d)
 *   p("c1.rq.slope30", 30 * coef(fit)[2])
 *   p("c1.rq.slope.ci30", 30 * confint(fit)[2, ])
 *   p("c1.rq.slope.p", summary(fit)$coefficients[2, 4])
 *   c2rq <- c(2.2, 2.6)
 *   tt <- t.test(c2rq)
 *   p("c2.rq.mean.sd", c(mean(c2rq), sd(c2rq)))
 *   p("c2.rq.ci", tt$conf.int)
 *   m <- c(0.8, 1.1); tt <- t.test(m)
 *   p("fall.2026-01.rq", c(mean(m), sd(m), tt$conf.int))
 *   icc1 <- function(y, g) {      # as in tests/unit/stats_reference.R
 *       g <- factor(g)
 *       a <- anova(aov(y ~ g))
 *       msb <- a[1, "Mean Sq"]; msw <- a[2, "Mean Sq"]
 *       k <- nlevels(g); N <- length(y); nj <- table(g)
 *       n0 <- (N - sum(nj^2) / N) / (k - 1)
 *       F <- msb / msw
 *       FL <- F / qf(0.975, k - 1, N - k); FU <- F * qf(0.975, N - k, k - 1)
 *       c(icc = (msb - msw) / (msb + (n0 - 1) * msw),
 *         lo = (FL - 1) / (FL + n0 - 1), hi = (FU - 1) / (FU + n0 - 1))
 *   }
 *   y <- c(c1rq, c2rq); g <- c(1, 1, 1, 1, 2, 2)
 *   tt <- t.test(y)
 *   p("corpus.rq.mean.sd", c(mean(y), sd(y)))
 *   p("corpus.rq.ci", tt$conf.int)
 *   p("corpus.rq.median", median(y))
 *   p("corpus.rq.icc1", icc1(y, g))
 *   rq  <- c(2.2, 0.8, 1.1, 1.9, 1.5)
 *   srs <- c(30, 35, 33, 38, 36)
 *   ct <- cor.test(rq, srs)
 *   p("srs.rq.r", ct$estimate)
 *   p("srs.rq.ci", ct$conf.int)
 *   p("srs.rq.p", ct$p.value)
 *   p("srs.rq.rho", cor(rq, srs, method = "spearman"))
 *
 *   c1.rq.mean.sd            1.325 0.478713553878169
 *   c1.rq.ci                 0.563259909585594 2.08674009041441
 *   c1.rq.median             1.3
 *   c1.rq.slope30            0.684913217623526
 *   c1.rq.slope.ci30         0.519614438489729 0.850211996757323
 *   c1.rq.slope.p            0.00313149616725832
 *   c2.rq.mean.sd            2.4 0.282842712474619
 *   c2.rq.ci                 -0.141240947234938 4.94124094723494
 *   fall.2026-01.rq          0.95 0.212132034355964 -0.955930710426204 2.8559307104262
 *   corpus.rq.mean.sd        1.68333333333333 0.67946057035465
 *   corpus.rq.ci             0.970283194899111 2.39638347176756
 *   corpus.rq.median         1.7
 *   corpus.rq.icc1           0.725002799238607 -0.147479528498231 0.999630946026879
 *   srs.rq.r                 -0.215698990703644
 *   srs.rq.ci                -0.92242438664474 0.823231702440104
 *   srs.rq.p                 0.727508255783376
 *   srs.rq.rho               -0.1
 *
 * (stats_icc1 truncates CI limits at 0, so the ICC's lower limit is 0.)
 */
#include "config.h"

#include "unit.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "aggregate.h"
#include "indicators.h"
#include "lag.h"
#include "measure.h"
#include "util.h"

/* got within 1e-6 relative of want (absolute for want == 0). */
#define ck_rel(got, want) do {						\
	double g_ = (got), w_ = (want);					\
	ck_assert_msg(fabs(g_ - w_) <= 1e-6 * fmax(fabs(w_), 1e-300) ||	\
	    (w_ == 0 && fabs(g_) < 1e-12),				\
	    "%s = %.15g, want %.15g", #got, g_, w_);			\
} while (0)

static const struct {
	const char	*id, *clinician, *cohort, *date, *modality;
	double		 rq, cr, tutt, srs;	/* NaN: none */
} rows[] = {
	{ "s1", "C2", "spring", "2026-01-10", "video", 2.2, 0.55, 20, 30 },
	{ "s2", "C1", "fall", "2026-01-05", "in-person", 0.8, 0.30, 12, 35 },
	{ "s3", "C1", "fall", "2026-01-19", "video", 1.1, 0.35, 14, 33 },
	{ "s4", "C2", "spring", "2026-03-01", "video", 2.6, 0.60, 25, NAN },
	{ "s5", "C1", "fall", "2026-02-23", "in-person", 1.9, 0.25, 16, 38 },
	{ "s6", "C1", "fall", "2026-02-02", "phone", 1.5, 0.30, 15, 36 },
	{ "s7", "C2", "spring", "2026-02-01", "video", NAN, NAN, 22, 31 },
};
#define NROWS	(sizeof(rows) / sizeof(rows[0]))

/* An aggregate of the rows above, in that order. */
static aggregate *
make(void)
{
	aggregate *a = aggregate_create();
	size_t ncols, lr, lc;

	indicators_all(&ncols);
	lag_dims(&lr, &lc);
	for (size_t i = 0; i < NROWS; i++) {
		struct measure_row row;
		char num[8];
		char *mname = (char *)"measure_SRS";
		double srs = rows[i].srs;
		unsigned long *lag = xcalloc(lr * lc, sizeof(*lag));

		memset(&row, 0, sizeof(row));
		snprintf(num, sizeof(num), "%zu", i + 1);
		row.meta[0] = (char *)rows[i].id;
		row.meta[1] = (char *)rows[i].clinician;
		row.meta[2] = (char *)"P-secret";
		row.meta[3] = (char *)rows[i].cohort;
		row.meta[4] = (char *)rows[i].date;
		row.meta[5] = (char *)rows[i].modality;
		row.meta[6] = num;
		row.v = xcalloc(ncols, sizeof(*row.v));
		for (size_t c = 0; c < ncols; c++)
			row.v[c] = NAN;
		row.v[IND_RQ] = rows[i].rq;
		row.v[IND_PCT_CR] = rows[i].cr;
		row.v[IND_T_UTT] = rows[i].tutt;
		if (!isnan(srs)) {
			row.mnames = &mname;
			row.mvalues = &srs;
			row.nmeasures = 1;
		}
		lag[lr * lc - 1] = i + 1;	/* none -> none */
		aggregate_add(a, &row, lag, NULL);
		free(lag);
		free(row.v);	/* aggregate_add copies */
	}
	return a;
}

/* The row of clinicians.csv for clinician and indicator. */
static const struct table_cell *
clin_row(const struct table *t, const char *clinician, const char *ind)
{
	for (size_t r = 0; r < t->nrows; r++) {
		const struct table_cell *c = &t->cells[r * t->ncols];

		if (strcmp(c[0].s, clinician) == 0 && strcmp(c[1].s, ind) == 0)
			return c;
	}
	ck_abort_msg("no row %s %s", clinician, ind);
	return NULL;
}

START_TEST(test_rows_kept)
{
	aggregate *a = make();
	struct aggregate_row r;
	const char *const *names;
	size_t n;

	ck_assert_uint_eq(aggregate_nsessions(a), NROWS);
	names = aggregate_measure_names(a, &n);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(names[0], "measure_SRS");
	aggregate_session(a, 3, &r);	/* s4: no SRS */
	ck_assert_str_eq(r.meta[0], "s4");
	ck_assert_str_eq(r.meta[6], "4");
	ck_assert_double_eq(r.v[IND_RQ], 2.6);
	ck_assert(isnan(r.v[IND_Q]));
	ck_assert(isnan(aggregate_session_measure(a, &r, 0)));
	aggregate_session(a, 4, &r);
	ck_assert_double_eq(aggregate_session_measure(a, &r, 0), 38);
	aggregate_free(a);
	aggregate_free(NULL);
}
END_TEST

START_TEST(test_clinicians)
{
	aggregate *a = make();
	struct aggregate_out out;
	const struct table_cell *c;
	size_t ncols;

	indicators_all(&ncols);
	ck_assert_int_eq(aggregate_finish(a, "test-version", &out, NULL), 0);
	ck_assert_str_eq(out.clinicians.name, "clinicians");
	ck_assert_uint_eq(out.clinicians.ncols, 15);
	ck_assert_str_eq(out.clinicians.cols[8], "slope_per_30d");
	/* Sorted by clinician, indicators in sessions.csv order. */
	ck_assert_uint_eq(out.clinicians.nrows, 2 * ncols);
	ck_assert_str_eq(out.clinicians.cells[0].s, "C1");
	ck_assert_str_eq(out.clinicians.cells[1].s, "t_utterances");
	ck_assert_str_eq(out.clinicians.cells[ncols * 15].s, "C2");
	ck_assert_str_eq(out.clinicians.cells[(ncols - 1) * 15 + 1].s,
	    "disruption_seconds");

	c = clin_row(&out.clinicians, "C1", "rq_ratio");
	ck_assert_double_eq(c[2].v, 4);
	ck_rel(c[3].v, 1.325);
	ck_rel(c[4].v, 0.478713553878169);
	ck_rel(c[5].v, 0.563259909585594);
	ck_rel(c[6].v, 2.08674009041441);
	ck_rel(c[7].v, 1.3);
	/* The trend over the dates, whatever the input order. */
	ck_rel(c[8].v, 0.684913217623526);
	ck_rel(c[9].v, 0.519614438489729);
	ck_rel(c[10].v, 0.850211996757323);
	ck_rel(c[11].v, 0.00313149616725832);
	ck_assert_double_eq(c[12].v, 1);	/* MITI R:Q fair */
	ck_assert_double_eq(c[13].v, 2);
	ck_assert_str_eq(c[14].s, "fair");

	/* C2 has one NaN: n 2, no trend from 2 points. */
	c = clin_row(&out.clinicians, "C2", "rq_ratio");
	ck_assert_double_eq(c[2].v, 2);
	ck_rel(c[3].v, 2.4);
	ck_rel(c[4].v, 0.282842712474619);
	ck_rel(c[5].v, -0.141240947234938);
	ck_rel(c[6].v, 4.94124094723494);
	ck_assert(isnan(c[8].v));
	ck_assert_str_eq(c[14].s, "good");

	c = clin_row(&out.clinicians, "C1", "pct_complex_reflections");
	ck_rel(c[3].v, 0.3);
	ck_assert_double_eq(c[12].v, 0.40);
	ck_assert_str_eq(c[14].s, "below");
	c = clin_row(&out.clinicians, "C2", "pct_complex_reflections");
	ck_rel(c[3].v, 0.575);
	ck_assert_str_eq(c[14].s, "good");
	/* No thresholds, no proficiency; no values, n 0. */
	c = clin_row(&out.clinicians, "C1", "t_utterances");
	ck_rel(c[3].v, 14.25);
	ck_assert(isnan(c[12].v) && isnan(c[13].v));
	ck_assert_ptr_null(c[14].s);
	c = clin_row(&out.clinicians, "C2", "questions");
	ck_assert_double_eq(c[2].v, 0);
	ck_assert(isnan(c[3].v));
	ck_assert_ptr_null(c[14].s);
	ck_assert_int_eq(out.has_agreement, 0);
	ck_assert_uint_eq(out.agreement.nrows, 0);
	aggregate_out_free(&out);
	aggregate_free(a);
}
END_TEST

START_TEST(test_cohorts)
{
	aggregate *a = make();
	struct aggregate_out out;
	const struct table *t = &out.clinicians;
	size_t ncols, found = 0;

	indicators_all(&ncols);
	ck_assert_int_eq(aggregate_finish(a, "v", &out, NULL), 0);
	t = &out.cohorts;
	ck_assert_uint_eq(t->ncols, 9);
	/* fall: 2026-01, 2026-02; spring: 2026-01, -02, -03. */
	ck_assert_uint_eq(t->nrows, 5 * ncols);
	ck_assert_str_eq(t->cells[0].s, "fall");
	ck_assert_str_eq(t->cells[1].s, "2026-01");
	ck_assert_str_eq(t->cells[ncols * 9 + 1].s, "2026-02");
	ck_assert_str_eq(t->cells[2 * ncols * 9].s, "spring");
	ck_assert_str_eq(t->cells[4 * ncols * 9 + 1].s, "2026-03");
	for (size_t r = 0; r < t->nrows; r++) {
		const struct table_cell *c = &t->cells[r * t->ncols];

		if (strcmp(c[2].s, "rq_ratio") != 0)
			continue;
		if (strcmp(c[0].s, "fall") == 0 && strcmp(c[1].s, "2026-01") ==
		    0) {
			ck_assert_double_eq(c[3].v, 2);	/* sessions */
			ck_assert_double_eq(c[4].v, 1);	/* clinicians */
			ck_rel(c[5].v, 0.95);
			ck_rel(c[6].v, 0.212132034355964);
			ck_rel(c[7].v, -0.955930710426204);
			ck_rel(c[8].v, 2.8559307104262);
			found++;
		}
		/* A month whose one session has no value. */
		if (strcmp(c[0].s, "spring") == 0 && strcmp(c[1].s, "2026-02") ==
		    0) {
			ck_assert_double_eq(c[3].v, 1);
			ck_assert(isnan(c[5].v));
			found++;
		}
	}
	ck_assert_uint_eq(found, 2);
	aggregate_out_free(&out);
	aggregate_free(a);
}
END_TEST

static const cJSON *
at(const cJSON *o, const char *path)
{
	char *copy = xstrdup(path), *save = NULL;

	for (char *k = strtok_r(copy, ".", &save); k != NULL && o != NULL;
	    k = strtok_r(NULL, ".", &save))
		o = cJSON_GetObjectItemCaseSensitive(o, k);
	free(copy);
	ck_assert_msg(o != NULL, "no %s", path);
	return o;
}

static double
num(const cJSON *o, const char *path)
{
	const cJSON *it = at(o, path);

	ck_assert_msg(cJSON_IsNumber(it), "%s is not a number", path);
	return it->valuedouble;
}

START_TEST(test_corpus_json)
{
	aggregate *a = make();
	struct aggregate_out out;
	cJSON *j;
	const cJSON *below;

	ck_assert_int_eq(aggregate_finish(a, "9.9-test", &out, NULL), 0);
	j = cJSON_Parse(out.corpus.s);
	ck_assert_msg(j != NULL, "corpus.json does not parse");
	ck_assert_ptr_null(strstr(out.corpus.s, "nan"));
	ck_assert_ptr_null(strstr(out.corpus.s, "inf"));
	/* The client id is no part of the statistics. */
	ck_assert_ptr_null(strstr(out.corpus.s, "P-secret"));
	ck_assert_str_eq(at(j, "rapport_version")->valuestring, "9.9-test");
	ck_assert_double_eq(num(j, "n_sessions"), 7);
	ck_assert_double_eq(num(j, "n_clinicians"), 2);
	ck_assert_double_eq(num(j, "n_cohorts"), 2);

	ck_assert_double_eq(num(j, "indicators.rq_ratio.n"), 6);
	ck_rel(num(j, "indicators.rq_ratio.mean"), 1.68333333333333);
	ck_rel(num(j, "indicators.rq_ratio.sd"), 0.67946057035465);
	ck_rel(num(j, "indicators.rq_ratio.ci_low"), 0.970283194899111);
	ck_rel(num(j, "indicators.rq_ratio.ci_high"), 2.39638347176756);
	ck_rel(num(j, "indicators.rq_ratio.median"), 1.7);
	ck_assert_double_eq(num(j, "indicators.rq_ratio.thresholds.good"), 2);
	ck_rel(num(j, "indicators.rq_ratio.icc1.value"), 0.725002799238607);
	ck_assert_double_eq(num(j, "indicators.rq_ratio.icc1.ci_low"), 0);
	ck_rel(num(j, "indicators.rq_ratio.icc1.ci_high"), 0.999630946026879);
	ck_assert_double_eq(num(j, "indicators.rq_ratio.icc1.n_clinicians"),
	    2);
	ck_assert(cJSON_IsNull(at(j, "indicators.questions.mean")));
	ck_assert(!cJSON_HasObjectItem(at(j, "indicators.t_utterances"),
	    "thresholds"));

	ck_assert_str_eq(at(j, "clinicians.C1.cohort")->valuestring, "fall");
	ck_assert_double_eq(num(j, "clinicians.C1.n_sessions"), 4);
	ck_assert_str_eq(at(j, "clinicians.C1.first_date")->valuestring,
	    "2026-01-05");
	ck_assert_str_eq(at(j, "clinicians.C1.last_date")->valuestring,
	    "2026-02-23");
	ck_assert_double_eq(num(j, "clinicians.C1.modalities.in-person"), 2);
	ck_assert_double_eq(num(j, "clinicians.C1.modalities.phone"), 1);
	ck_assert(!cJSON_HasObjectItem(at(j, "clinicians.C2.modalities"),
	    "phone"));
	ck_rel(num(j, "clinicians.C1.indicators.rq_ratio.slope_per_30d"),
	    0.684913217623526);
	ck_assert_double_eq(num(j, "clinicians.C1.indicators.rq_ratio."
	    "by_modality.in-person.n"), 2);
	ck_rel(num(j, "clinicians.C1.indicators.rq_ratio.by_modality."
	    "in-person.mean"), (0.8 + 1.9) / 2);

	/* The cohort's two-stage trend: one trainee, one slope. */
	ck_assert_double_eq(num(j, "cohorts.fall.trend.rq_ratio.n_trainees"),
	    1);
	ck_rel(num(j, "cohorts.fall.trend.rq_ratio.mean_slope"),
	    0.684913217623526);
	ck_assert(cJSON_IsString(at(j, "cohorts.fall.trend.rq_ratio.why")));
	ck_assert_int_eq(cJSON_GetArraySize(at(j, "cohorts.fall.months")), 2);
	/* Latest three sessions of C1: R:Q 1.5 (fair), %CR 0.30 (below). */
	ck_assert_str_eq(at(j, "cohorts.fall.latest.C1.date")->valuestring,
	    "2026-02-23");
	ck_assert_double_eq(num(j, "cohorts.fall.latest.C1.sessions"), 3);
	below = at(j, "cohorts.fall.latest.C1.below");
	ck_assert_int_eq(cJSON_GetArraySize(below), 1);
	ck_assert_str_eq(cJSON_GetArrayItem(below, 0)->valuestring,
	    "pct_complex_reflections");
	ck_assert_int_eq(cJSON_GetArraySize(at(j,
	    "cohorts.spring.latest.C2.below")), 0);

	/* The session measure, without its measure_ prefix. */
	ck_assert_double_eq(num(j, "measures.SRS.correlations.rq_ratio.n"), 5);
	ck_rel(num(j, "measures.SRS.correlations.rq_ratio.pearson_r"),
	    -0.215698990703644);
	ck_rel(num(j, "measures.SRS.correlations.rq_ratio.ci_low"),
	    -0.92242438664474);
	ck_rel(num(j, "measures.SRS.correlations.rq_ratio.ci_high"),
	    0.823231702440104);
	ck_rel(num(j, "measures.SRS.correlations.rq_ratio.p"),
	    0.727508255783376);
	ck_rel(num(j, "measures.SRS.correlations.rq_ratio.spearman_rho"),
	    -0.1);

	/* The lag counts added up: none -> none 1 + ... + 7. */
	{
		const cJSON *cells = at(j, "lag1.cells"), *last;

		last = cJSON_GetArrayItem(cells, cJSON_GetArraySize(cells) - 1);
		ck_assert_str_eq(at(last, "from")->valuestring, "none");
		ck_assert_str_eq(at(last, "to")->valuestring, "none");
		ck_assert_double_eq(num(last, "count"), 28);
	}
	ck_assert(cJSON_IsNull(at(j, "agreement")));
	cJSON_Delete(j);
	aggregate_out_free(&out);
	aggregate_free(a);
}
END_TEST

START_TEST(test_empty)
{
	aggregate *a = aggregate_create();
	struct aggregate_out out;
	cJSON *j;

	ck_assert_int_eq(aggregate_finish(a, "v", &out, NULL), 0);
	j = cJSON_Parse(out.corpus.s);
	ck_assert_ptr_nonnull(j);
	ck_assert_double_eq(num(j, "n_sessions"), 0);
	ck_assert_uint_eq(out.clinicians.nrows, 0);
	ck_assert_uint_eq(out.cohorts.nrows, 0);
	cJSON_Delete(j);
	aggregate_out_free(&out);
	aggregate_free(a);
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("aggregate");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_rows_kept);
	tcase_add_test(tc, test_clinicians);
	tcase_add_test(tc, test_cohorts);
	tcase_add_test(tc, test_corpus_json);
	tcase_add_test(tc, test_empty);
	suite_add_tcase(s, tc);
	return s;
}
