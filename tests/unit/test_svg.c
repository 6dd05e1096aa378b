/* test_svg.c -- unit tests of report/svg.c: the inline SVG charts. */
#include "config.h"

#include "unit.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "svg.h"
#include "util.h"

/* How often needle occurs in hay. */
static size_t
count(const char *hay, const char *needle)
{
	size_t n = 0;

	for (const char *p = hay; (p = strstr(p, needle)) != NULL; p++)
		n++;
	return n;
}

/* A chart is one well-formed <svg> element, labelled for screen
 * readers, with no NaN or infinity printed anywhere. */
static void
ck_chart(const strbuf *b, const char *title_escaped)
{
	xmlDocPtr doc;
	char *want;

	ck_assert_int_eq(strncmp(b->s, "<svg ", 5), 0);
	ck_assert_str_eq(b->s + b->len - 6, "</svg>");
	ck_assert_ptr_nonnull(strstr(b->s, "role=\"img\""));
	want = xasprintf("<title>%s</title><desc>", title_escaped);
	ck_assert_ptr_nonnull(strstr(b->s, want));
	free(want);
	ck_assert_ptr_null(strstr(b->s, "nan"));
	ck_assert_ptr_null(strstr(b->s, "NaN"));
	ck_assert_ptr_null(strstr(b->s, "inf"));
	ck_assert_ptr_null(strstr(b->s, "<script"));
	doc = xmlReadMemory(b->s, (int)b->len, "chart.svg", NULL,
	    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	ck_assert_msg(doc != NULL, "not well-formed: %s", b->s);
	xmlFreeDoc(doc);
}

START_TEST(test_range)
{
	struct svg_range r = { 0.2, 0.9, 1.3, 1.8, 3.1, 1, 2, 1.325, 0.56,
		2.09, 0 };
	strbuf b = { 0 };

	svg_range(&b, "R:Q <ratio> & \"more\"", "Mean 1.33 'here'", &r);
	ck_chart(&b, "R:Q &lt;ratio&gt; &amp; &quot;more&quot;");
	ck_assert_ptr_nonnull(strstr(b.s, "<desc>Mean 1.33 &#39;here&#39;"
	    "</desc>"));
	ck_assert_uint_eq(count(b.s, "<circle"), 1);	/* the mean */
	ck_assert_uint_eq(count(b.s, "stroke-dasharray"), 2);	/* fair, good */
	ck_assert_ptr_nonnull(strstr(b.s, "<rect"));	/* the quartiles */
	/* Axis labels at the ends of the range. */
	ck_assert_ptr_nonnull(strstr(b.s, ">0.20</text>"));
	ck_assert_ptr_nonnull(strstr(b.s, ">3.10</text>"));
	strbuf_reset(&b);

	/* Missing parts are left out, never printed as nan. */
	r = (struct svg_range){ NAN, NAN, NAN, NAN, NAN, NAN, NAN, 1.5, NAN,
		NAN, 0 };
	svg_range(&b, "t", "d", &r);
	ck_chart(&b, "t");
	ck_assert_uint_eq(count(b.s, "<circle"), 1);
	ck_assert_uint_eq(count(b.s, "<line"), 0);
	ck_assert_uint_eq(count(b.s, "<rect"), 0);
	ck_assert_ptr_null(strstr(b.s, "no data"));
	strbuf_reset(&b);
	r = (struct svg_range){ 0, NAN, 2, NAN, 4, NAN, NAN, NAN, 1, INFINITY,
		0 };
	svg_range(&b, "t", "d", &r);
	ck_chart(&b, "t");
	ck_assert_uint_eq(count(b.s, "<circle"), 0);
	ck_assert_uint_eq(count(b.s, "<rect"), 0);	/* q1 without q3 */
	strbuf_reset(&b);
	r = (struct svg_range){ NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN,
		NAN, 0 };
	svg_range(&b, "empty", "nothing", &r);
	ck_chart(&b, "empty");
	ck_assert_ptr_nonnull(strstr(b.s, ">no data</text>"));
	strbuf_reset(&b);
	/* A width of the caller's, or 260 for an absurd one. */
	r = (struct svg_range){ 0, 1, 2, 3, 4, NAN, NAN, 2, 1, 3, 200 };
	svg_range(&b, "w", "d", &r);
	ck_assert_ptr_nonnull(strstr(b.s, "width=\"200\" height=\"34\""));
	strbuf_reset(&b);
	r.width = 1 << 30;
	svg_range(&b, "w", "d", &r);
	ck_assert_ptr_nonnull(strstr(b.s, "width=\"260\" height=\"34\""));
	strbuf_free(&b);
}
END_TEST

START_TEST(test_trend)
{
	/* Days since 1970-01-01: 2026-01-05 = 20458, 2026-03-14 = 20526. */
	double x[] = { 20458, 20472, NAN, 20486, 20526, 20500 };
	double y[] = { 0.8, 1.1, 1.4, NAN, 1.9, 1.5 };
	struct svg_trend t = { x, y, 6, 0.68, 0.52, 0.85, 1, 2, 300, 170,
		NULL, NULL };
	strbuf b = { 0 };

	svg_trend(&b, "R:Q of <C1>", "4 points", &t);
	ck_chart(&b, "R:Q of &lt;C1&gt;");
	ck_assert_ptr_nonnull(strstr(b.s, "width=\"300\" height=\"170\""));
	/* Points with both coordinates only. */
	ck_assert_uint_eq(count(b.s, "<circle"), 4);
	ck_assert_uint_eq(count(b.s, "<polygon"), 1);	/* the CI band */
	ck_assert_uint_eq(count(b.s, "stroke-dasharray"), 2);
	/* The axis names the first and last session's dates. */
	ck_assert_ptr_nonnull(strstr(b.s, ">2026-01-05</text>"));
	ck_assert_ptr_nonnull(strstr(b.s, ">2026-03-14</text>"));
	strbuf_reset(&b);

	/* No trend, no thresholds, one point: still no nan. */
	t = (struct svg_trend){ x, y, 1, NAN, NAN, NAN, NAN, NAN, 220, 130,
		NULL, NULL };
	svg_trend(&b, "one", "d", &t);
	ck_chart(&b, "one");
	ck_assert_uint_eq(count(b.s, "<circle"), 1);
	ck_assert_uint_eq(count(b.s, "<polygon"), 0);
	ck_assert_uint_eq(count(b.s, "stroke-dasharray"), 0);
	ck_assert_ptr_nonnull(strstr(b.s, ">2026-01-05</text>"));
	strbuf_reset(&b);
	/* A slope without its CI: the line, no band. */
	t = (struct svg_trend){ x, y, 2, 0.5, NAN, NAN, NAN, NAN, 220, 130,
		NULL, NULL };
	svg_trend(&b, "two", "d", &t);
	ck_chart(&b, "two");
	ck_assert_uint_eq(count(b.s, "<polygon"), 0);
	ck_assert_uint_eq(count(b.s, "stroke=\"#0072B2\" stroke-width=\"2\""),
	    1);
	strbuf_reset(&b);
	/* Nothing to draw. */
	{
		double nx[] = { NAN, 20000 }, ny[] = { 1, NAN };

		t = (struct svg_trend){ nx, ny, 2, 0.5, 0.1, 0.9, 1, 2, 220,
			130, NULL, NULL };
		svg_trend(&b, "none", "d", &t);
		ck_chart(&b, "none");
		ck_assert_ptr_nonnull(strstr(b.s, ">no data</text>"));
		ck_assert_uint_eq(count(b.s, "<circle"), 0);
		strbuf_reset(&b);
		t.n = 0;
		svg_trend(&b, "none", "d", &t);
		ck_chart(&b, "none");
		ck_assert_ptr_nonnull(strstr(b.s, ">no data</text>"));
	}
	strbuf_free(&b);
}
END_TEST

/* Points linked to their session pages, with a tooltip each. */
START_TEST(test_trend_links)
{
	double x[] = { 20458, 20472, NAN };
	double y[] = { 0.8, 1.1, 1.4 };
	const char *href[] = { "session-C1--1.html", "a\"b<c.html", "x" };
	const char *tip[] = { "session 1 <", NULL, "never drawn" };
	struct svg_trend t = { x, y, 3, NAN, NAN, NAN, NAN, NAN, 220, 130,
		href, tip };
	strbuf b = { 0 };

	svg_trend(&b, "links", "d", &t);
	ck_chart(&b, "links");
	ck_assert_uint_eq(count(b.s, "<a href="), 2);	/* drawn points */
	ck_assert_ptr_nonnull(strstr(b.s, "<a href=\"session-C1--1.html\">"
	    "<circle"));
	ck_assert_ptr_nonnull(strstr(b.s, "href=\"a&quot;b&lt;c.html\""));
	ck_assert_ptr_nonnull(strstr(b.s, "<title>session 1 &lt;</title>"
	    "</circle></a>"));
	ck_assert_ptr_null(strstr(b.s, "never drawn"));
	strbuf_free(&b);
}
END_TEST

START_TEST(test_timeline)
{
	const char *labels[] = { "Rupture", "Repair <x>" };
	const char *colour[] = { "#D55E00", "#009E73" };
	unsigned char mark[] = { 1, 0, 1, 0,  0, 1, 0, 0 };
	double from[] = { 1, NAN, -5 }, to[] = { 2, 3, 1e300 };
	strbuf b = { 0 };

	svg_timeline(&b, "T", "D", labels, colour, 2, mark, 4, from, to, 3);
	ck_chart(&b, "T");
	ck_assert_uint_eq(count(b.s, "fill=\"#D55E00\""), 2);
	ck_assert_uint_eq(count(b.s, "fill=\"#009E73\""), 1);
	/* One event drawn: the others have a NaN start or an absurd end. */
	ck_assert_uint_eq(count(b.s, "opacity=\"0.35\""), 1);
	ck_assert_ptr_nonnull(strstr(b.s, "Repair &lt;x&gt;"));
	ck_assert_ptr_null(strstr(b.s, "nan"));
	strbuf_reset(&b);
	svg_timeline(&b, "E", "D", labels, colour, 2, mark, 0, NULL, NULL, 0);
	ck_chart(&b, "E");
	ck_assert_ptr_nonnull(strstr(b.s, ">no data</text>"));
	strbuf_free(&b);
}
END_TEST

START_TEST(test_months)
{
	const char *labels[] = { "2026-01", "<2026-02>", "2026-03" };
	double mean[] = { 0.95, NAN, 1.7 }, lo[] = { 0.5, NAN, NAN };
	double hi[] = { 1.4, NAN, NAN };
	strbuf b = { 0 };

	svg_months(&b, "Cohort fall", "3 months", labels, mean, lo, hi, 3, 1,
	    2);
	ck_chart(&b, "Cohort fall");
	ck_assert_uint_eq(count(b.s, "<circle"), 2);	/* NaN mean left out */
	ck_assert_ptr_nonnull(strstr(b.s, ">2026-01</text>"));
	ck_assert_ptr_nonnull(strstr(b.s, ">&lt;2026-02&gt;</text>"));
	ck_assert_uint_eq(count(b.s, "stroke-dasharray"), 2);
	strbuf_reset(&b);
	svg_months(&b, "none", "d", labels, mean + 1, lo + 1, hi + 1, 1, NAN,
	    NAN);
	ck_chart(&b, "none");
	ck_assert_ptr_nonnull(strstr(b.s, ">no data</text>"));
	strbuf_reset(&b);
	svg_months(&b, "zero", "d", labels, mean, lo, hi, 0, 1, 2);
	ck_chart(&b, "zero");
	ck_assert_ptr_nonnull(strstr(b.s, ">no data</text>"));
	strbuf_free(&b);
}
END_TEST

START_TEST(test_histogram)
{
	double v[] = { 1, 2, 2, 3, NAN, 3, 3, 10, INFINITY };
	double same[] = { 5, 5, 5 }, none[] = { NAN, NAN };
	strbuf b = { 0 };

	svg_histogram(&b, "Talk share", "d", v, 9, 12);
	ck_chart(&b, "Talk share");
	ck_assert_uint_eq(count(b.s, "<rect"), 12);
	/* 3 appears three times; NaN and infinity are skipped. */
	ck_assert_ptr_nonnull(strstr(b.s, ">tallest bar: 3</text>"));
	ck_assert_ptr_nonnull(strstr(b.s, ">1.00</text>"));
	ck_assert_ptr_nonnull(strstr(b.s, ">10.0</text>"));
	strbuf_reset(&b);
	svg_histogram(&b, "same", "d", same, 3, 4);
	ck_chart(&b, "same");
	ck_assert_uint_eq(count(b.s, "<rect"), 4);
	ck_assert_ptr_nonnull(strstr(b.s, ">tallest bar: 3</text>"));
	strbuf_reset(&b);
	svg_histogram(&b, "none", "d", none, 2, 12);
	ck_chart(&b, "none");
	ck_assert_ptr_nonnull(strstr(b.s, ">no data</text>"));
	ck_assert_uint_eq(count(b.s, "<rect"), 0);
	strbuf_reset(&b);
	svg_histogram(&b, "empty", "d", NULL, 0, 12);
	ck_chart(&b, "empty");
	ck_assert_ptr_nonnull(strstr(b.s, ">no data</text>"));
	strbuf_free(&b);
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("svg");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_range);
	tcase_add_test(tc, test_trend);
	tcase_add_test(tc, test_trend_links);
	tcase_add_test(tc, test_timeline);
	tcase_add_test(tc, test_months);
	tcase_add_test(tc, test_histogram);
	suite_add_tcase(s, tc);
	return s;
}
