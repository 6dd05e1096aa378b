/* test_report_ranges.c -- the report's inputs and charts with hostile numbers:
 * results.c reads every number range-checked, and every svg.c chart is
 * safe for any double (run it under --enable-asan --enable-ubsan to see
 * an out-of-bounds write or an undefined cast, not just a wrong page). */
#include "config.h"

#include "unit.h"
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "indicators.h"
#include "results.h"
#include "svg.h"
#include "util.h"

/* Every double a damaged results folder could hand a chart. */
static const double nasty[] = { 0, -0.0, 1, -1, 1e12, -1e12, 1e13, -1e13,
	1e308, -1e308, DBL_MAX, -DBL_MAX, DBL_MIN, 4.9e-324, INFINITY,
	-INFINITY, NAN };
#define NNASTY (sizeof(nasty) / sizeof(nasty[0]))

/* The SVG text is sane: no nan or inf, and no number longer than 20
 * characters (a clamped coordinate is at most 10,000 chart heights). */
static void
sane(const strbuf *b, const char *what)
{
	size_t run = 0;

	ck_assert_ptr_nonnull(b->s);
	ck_assert_msg(strstr(b->s, "nan") == NULL && strstr(b->s, "inf") ==
	    NULL, "%s: nan or inf in %s", what, b->s);
	for (const char *p = b->s; *p != '\0'; p++) {
		run = (*p >= '0' && *p <= '9') || *p == '.' ? run + 1 : 0;
		ck_assert_msg(run <= 20, "%s: a number of over 20 characters",
		    what);
	}
	ck_assert_msg(strstr(b->s, "</svg>") != NULL, "%s: unfinished", what);
}

START_TEST(histogram_any_double)
{
	double v[3];

	/* Every pair and triple of nasty values, and each alone. */
	for (size_t i = 0; i < NNASTY; i++)
		for (size_t j = 0; j < NNASTY; j++) {
			strbuf b = { 0 };

			v[0] = nasty[i];
			v[1] = nasty[j];
			v[2] = 0.5;
			svg_histogram(&b, "t", "d", v, 3, 12);
			sane(&b, "histogram");
			strbuf_free(&b);
			svg_histogram(&b, "t", "d", v, 2, 1);
			sane(&b, "histogram, 1 bin");
			strbuf_free(&b);
		}
	{
		strbuf b = { 0 };

		svg_histogram(&b, "t", "d", v, 3, 0);	/* no bins: no data */
		ck_assert_ptr_nonnull(strstr(b.s, "no data"));
		strbuf_free(&b);
	}
}
END_TEST

START_TEST(trend_range_months_any_double)
{
	for (size_t i = 0; i < NNASTY; i++)
		for (size_t j = 0; j < NNASTY; j++) {
			double a = nasty[i], c = nasty[j];
			double x[3] = { a, 20000, 20030 }, y[3] = { c, 1, a };
			struct svg_trend t = { x, y, 3, a, c, a, c, a, 300, 170,
				NULL, NULL };
			struct svg_range g = { a, c, a, c, a, c, a, c, a, c,
				0 };
			const char *labels[2] = { "2026-01", "2026-02" };
			double m[2] = { a, 1 }, lo[2] = { c, 0 }, hi[2] = { a, 2 };
			strbuf b = { 0 };

			svg_trend(&b, "t", "d", &t);
			sane(&b, "trend");
			strbuf_free(&b);
			svg_range(&b, "t", "d", &g);
			sane(&b, "range");
			strbuf_free(&b);
			svg_months(&b, "t", "d", labels, m, lo, hi, 2, a, c);
			sane(&b, "months");
			strbuf_free(&b);
		}
}
END_TEST

static double
read_range(const char *json, double lo, double hi)
{
	cJSON *o = cJSON_Parse(json);
	double v;

	ck_assert_ptr_nonnull(o);
	v = results_range(o, "v", lo, hi);
	cJSON_Delete(o);
	return v;
}

static double
read_with(const char *json, double (*fn)(const cJSON *, const char *))
{
	cJSON *o = cJSON_Parse(json);
	double v;

	ck_assert_ptr_nonnull(o);
	v = fn(o, "v");
	cJSON_Delete(o);
	return v;
}

START_TEST(results_ranges)
{
	const struct indicator *rq, *share;
	cJSON *o;

	ck_assert(read_range("{\"v\":0.5}", 0, 1) == 0.5);
	ck_assert(read_range("{\"v\":0}", 0, 1) == 0);
	ck_assert(read_range("{\"v\":1}", 0, 1) == 1);
	ck_assert(isnan(read_range("{\"v\":1.0001}", 0, 1)));
	ck_assert(isnan(read_range("{\"v\":-1e-9}", 0, 1)));
	ck_assert(isnan(read_range("{\"v\":1e999}", -INFINITY, INFINITY)));
	ck_assert(isnan(read_range("{\"v\":\"0.5\"}", 0, 1)));
	ck_assert(isnan(read_range("{\"v\":null}", 0, 1)));
	ck_assert(isnan(read_range("{}", 0, 1)));
	ck_assert(isnan(results_range(NULL, "v", 0, 1)));

	ck_assert(read_with("{\"v\":12}", results_count) == 12);
	ck_assert(isnan(read_with("{\"v\":-1}", results_count)));
	ck_assert(isnan(read_with("{\"v\":2.5}", results_count)));
	ck_assert(isnan(read_with("{\"v\":1e308}", results_count)));
	ck_assert(read_with("{\"v\":-3.25}", results_num) == -3.25);
	ck_assert(isnan(read_with("{\"v\":1e308}", results_num)));
	ck_assert(isnan(read_with("{\"v\":-1e308}", results_num)));

	/* An indicator's own range; an unbounded one stops at 2^53. */
	rq = &indicators_all(&(size_t){ 0 })[indicators_find("rq_ratio")];
	share = &indicators_all(&(size_t){ 0 })[indicators_find("talk_share")];
	o = cJSON_Parse("{\"a\":1e308,\"b\":-1e308,\"c\":2.5,\"d\":1.5}");
	ck_assert_ptr_nonnull(o);
	ck_assert(isnan(results_ind(o, "a", rq)));
	ck_assert(isnan(results_ind(o, "b", rq)));
	ck_assert(results_ind(o, "c", rq) == 2.5);
	ck_assert(isnan(results_ind(o, "d", share)));
	cJSON_Delete(o);
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("report");
	TCase *tc = tcase_create("hostile numbers");

	tcase_add_test(tc, histogram_any_double);
	tcase_add_test(tc, trend_range_months_any_double);
	tcase_add_test(tc, results_ranges);
	suite_add_tcase(s, tc);
	return s;
}
