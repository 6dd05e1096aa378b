/* test_table.c -- unit tests of aggregate/table.c: tidy tables as CSV. */
#include "config.h"

#include "unit.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "table.h"
#include "util.h"

static const char *const cols[] = { "name", "value", "note, with comma" };
static const enum table_type types[] = { TABLE_TEXT, TABLE_REAL,
	TABLE_TEXT };

START_TEST(test_csv)
{
	struct table t;
	strbuf b = { 0 };

	table_init(&t, "things", cols, types, 3);
	ck_assert_str_eq(t.name, "things");
	ck_assert_uint_eq(t.ncols, 3);
	ck_assert_uint_eq(t.nrows, 0);
	/* Quoted only when needed (RFC 4180), quotes doubled. */
	table_text(&t, "plain");
	table_real(&t, 3);
	table_text(&t, "a, b");
	table_text(&t, "say \"hi\"");
	table_real(&t, 0.1 + 0.2);
	table_text(&t, "two\nlines");
	table_text(&t, "cr\rhere");
	table_real(&t, -0.0);
	table_text(&t, "semi;colon 'single' tab\there");
	/* Empty cells: NULL text, NaN and infinite numbers. */
	table_text(&t, NULL);
	table_real(&t, NAN);
	table_text(&t, "");
	table_text(&t, "big");
	table_real(&t, INFINITY);
	table_text(&t, NULL);
	table_text(&t, "small");
	table_real(&t, 1.5e-7);
	table_text(&t, "x");
	table_text(&t, "huge");
	table_real(&t, 123456789012345678.0);
	table_text(&t, "neg");
	ck_assert_uint_eq(t.nrows, 7);
	table_csv(&t, &b);
	ck_assert_str_eq(b.s,
	    "name,value,\"note, with comma\"\n"
	    "plain,3,\"a, b\"\n"
	    "\"say \"\"hi\"\"\",0.3,\"two\nlines\"\n"
	    "\"cr\rhere\",0,semi;colon 'single' tab\there\n"
	    ",,\n"
	    "big,,\n"
	    "small,1.5e-07,x\n"
	    "huge,1.23456789012e+17,neg\n");
	strbuf_free(&b);
	table_free(&t);
	ck_assert_uint_eq(t.nrows, 0);
	ck_assert_ptr_null(t.cells);
}
END_TEST

START_TEST(test_rows)
{
	struct table t;
	strbuf b = { 0 };

	/* No rows: the header alone. */
	table_init(&t, "empty", cols, types, 3);
	table_csv(&t, &b);
	ck_assert_str_eq(b.s, "name,value,\"note, with comma\"\n");
	table_free(&t);
	strbuf_reset(&b);

	/* Many rows; a row being added is not written (and is freed). */
	table_init(&t, "many", cols, types, 3);
	for (int i = 0; i < 1000; i++) {
		char name[16];

		snprintf(name, sizeof(name), "r%d", i);
		table_text(&t, name);
		table_real(&t, i / 4.0);
		table_text(&t, i % 2 ? "odd" : NULL);
	}
	table_text(&t, "partial");
	table_real(&t, 1);
	ck_assert_uint_eq(t.nrows, 1000);
	ck_assert_uint_eq(t.fill, 2);
	ck_assert_str_eq(t.cells[999 * 3].s, "r999");
	ck_assert_double_eq(t.cells[999 * 3 + 1].v, 999 / 4.0);
	ck_assert(isnan(t.cells[0].v));		/* text cells carry NaN */
	ck_assert_ptr_null(t.cells[1].s);	/* number cells no text */
	table_csv(&t, &b);
	ck_assert_ptr_nonnull(strstr(b.s, "\nr0,0,\nr1,0.25,odd\n"));
	ck_assert_ptr_nonnull(strstr(b.s, "\nr999,249.75,odd\n"));
	ck_assert_ptr_null(strstr(b.s, "partial"));
	{
		size_t lines = 0;

		for (const char *p = b.s; *p != '\0'; p++)
			lines += *p == '\n';
		ck_assert_uint_eq(lines, 1001);
	}
	table_free(&t);
	strbuf_free(&b);
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("table");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_csv);
	tcase_add_test(tc, test_rows);
	suite_add_tcase(s, tc);
	return s;
}
