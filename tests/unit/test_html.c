/* test_html.c -- unit tests of report/html.c: escaping and the page
 * frame of the reports. */
#include "config.h"

#include "unit.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "html.h"
#include "util.h"

/* html_text of in, compared with want. */
#define ck_text(in, want) do {						\
	strbuf b_ = { 0 };						\
									\
	strbuf_adds(&b_, "[");						\
	html_text(&b_, (in));						\
	strbuf_adds(&b_, "]");						\
	ck_assert_str_eq(b_.s, "[" want "]");				\
	strbuf_free(&b_);						\
} while (0)

#define ck_num(v, d, want) do {						\
	strbuf b_ = { 0 };						\
									\
	strbuf_adds(&b_, "[");						\
	html_num(&b_, (v), (d));					\
	strbuf_adds(&b_, "]");						\
	ck_assert_str_eq(b_.s, "[" want "]");				\
	strbuf_free(&b_);						\
} while (0)

START_TEST(test_text)
{
	ck_text("plain words", "plain words");
	ck_text("a & b < c > d \"e\" 'f'",
	    "a &amp; b &lt; c &gt; d &quot;e&quot; &#39;f&#39;");
	ck_text("<script>alert('x')</script>",
	    "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
	ck_text("\" onload=\"x", "&quot; onload=&quot;x");
	ck_text("&amp;", "&amp;amp;");		/* escaped, not trusted */
	ck_text(NULL, "");
	ck_text("", "");
	/* UTF-8 passes; C0 controls other than tab, LF and CR are not
	 * allowed in XML 1.0 and are dropped. */
	ck_text("caf\xc3\xa9 \xe2\x80\x94 \xf0\x9f\x99\x82",
	    "caf\xc3\xa9 \xe2\x80\x94 \xf0\x9f\x99\x82");
	ck_text("a\tb\nc\rd", "a\tb\nc\rd");
	ck_text("x\x01y\x1b[2Jz\x08", "xy[2Jz");
	{
		strbuf b = { 0 };

		html_textf(&b, "%s & %d%%", "<b>", 3);
		ck_assert_str_eq(b.s, "&lt;b&gt; &amp; 3%");
		strbuf_free(&b);
	}
}
END_TEST

START_TEST(test_num)
{
	ck_num(1.234, 2, "1.23");
	ck_num(1234.5678, 1, "1234.6");
	ck_num(-0.75, 2, "-0.75");
	ck_num(0, 0, "0");
	ck_num(-0.0, 2, "0.00");	/* no "-0.00" */
	ck_num(7, 3, "7.000");
	/* Not a number: an en dash, never "nan" or "inf". */
	ck_num(NAN, 2, "&#8211;");
	ck_num(INFINITY, 1, "&#8211;");
	ck_num(-INFINITY, 0, "&#8211;");
}
END_TEST

START_TEST(test_frame)
{
	strbuf b = { 0 };

	html_begin(&b, "Clinician <C&7>");
	strbuf_adds(&b, "<p>body</p>\n");
	html_end(&b, "Written by \"rapport\" <2>");
	ck_assert_int_eq(strncmp(b.s, "<!DOCTYPE html>\n<html lang=\"en\">", 31),
	    0);
	ck_assert_ptr_nonnull(strstr(b.s, "<meta charset=\"utf-8\"/>"));
	ck_assert_ptr_nonnull(strstr(b.s,
	    "<title>Clinician &lt;C&amp;7&gt;</title>"));
	ck_assert_ptr_nonnull(strstr(b.s, "<style>"));
	ck_assert_ptr_nonnull(strstr(b.s, "</head>\n<body>\n<p>body</p>\n"));
	ck_assert_ptr_nonnull(strstr(b.s, "<footer><p>Written by &quot;rapport"
	    "&quot; &lt;2&gt;</p></footer>"));
	ck_assert_str_eq(b.s + b.len - strlen("</body>\n</html>\n"),
	    "</body>\n</html>\n");
	/* Self-contained: no scripts, no external requests. */
	ck_assert_ptr_null(strstr(b.s, "<script"));
	ck_assert_ptr_null(strstr(b.s, "http:"));
	ck_assert_ptr_null(strstr(b.s, "https:"));
	ck_assert_ptr_null(strstr(b.s, "url("));
	ck_assert_ptr_null(strstr(b.s, "@import"));
	ck_assert_ptr_null(strstr(b.s, "<link"));
	strbuf_free(&b);
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("html");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_text);
	tcase_add_test(tc, test_num);
	tcase_add_test(tc, test_frame);
	suite_add_tcase(s, tc);
	return s;
}
