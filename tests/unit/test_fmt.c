/* test_fmt.c -- deterministic CSV and JSON text (base/fmt.c). */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "unit.h"
#include "fmt.h"
#include "util.h"

START_TEST(test_fmt)
{
	strbuf b = { 0 };

	fmt_csv_str(&b, "plain");
	strbuf_addc(&b, ',');
	fmt_csv_str(&b, "a,\"b\"\nc");
	strbuf_addc(&b, ',');
	fmt_csv_num(&b, NAN);
	strbuf_addc(&b, ',');
	fmt_csv_num(&b, 2.0);
	strbuf_addc(&b, ',');
	fmt_csv_num(&b, -0.0);
	strbuf_addc(&b, ',');
	fmt_csv_num(&b, 1.0 / 3);
	ck_assert_str_eq(b.s, "plain,\"a,\"\"b\"\"\nc\",,2,0,0.333333333333");
	strbuf_reset(&b);
	fmt_json_str(&b, "q\"\\\n\t\x01\xc3\xa9");
	strbuf_addc(&b, ' ');
	fmt_json_num(&b, INFINITY);
	strbuf_addc(&b, ' ');
	fmt_json_str(&b, NULL);
	ck_assert_str_eq(b.s, "\"q\\\"\\\\\\n\\t\\u0001\xc3\xa9\" null null");
	strbuf_free(&b);
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("fmt");
	TCase *tc = tcase_create("core");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_fmt);
	suite_add_tcase(s, tc);
	return s;
}
