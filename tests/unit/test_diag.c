/* test_diag.c -- unit tests of base/diag.c: diagnostics lists and
 * diag_print(). */
#include "config.h"

#include "unit.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "util.h"

START_TEST(test_lists)
{
	struct diags d = { 0 }, copy = { 0 };
	size_t cap;

	ck_assert_uint_eq(diags_errors(&d), 0);
	diags_error(&d, 3, 7, "bad <%s> at %d", "u", 42);
	diags_warn(&d, 0, 0, "file-level %s", "warning");
	diags_add(&d, DIAG_ERROR, 12, 1, "%s", "second error");
	ck_assert_uint_eq(d.n, 3);
	ck_assert_int_eq(d.v[0].severity, DIAG_ERROR);
	ck_assert_int_eq(d.v[0].line, 3);
	ck_assert_int_eq(d.v[0].col, 7);
	ck_assert_str_eq(d.v[0].msg, "bad <u> at 42");
	ck_assert_int_eq(d.v[1].severity, DIAG_WARNING);
	ck_assert_int_eq(d.v[1].line, 0);
	ck_assert_str_eq(d.v[1].msg, "file-level warning");
	ck_assert_uint_eq(diags_errors(&d), 2);

	/* Copies: the copy outlives the original. */
	diags_warn(&copy, 1, 1, "already here");
	diags_append(&copy, &d);
	diags_free(&d);
	ck_assert_ptr_null(d.v);
	ck_assert_uint_eq(d.n, 0);
	ck_assert_uint_eq(copy.n, 4);
	ck_assert_str_eq(copy.v[0].msg, "already here");
	ck_assert_str_eq(copy.v[1].msg, "bad <u> at 42");
	ck_assert_int_eq(copy.v[3].line, 12);
	ck_assert_uint_eq(diags_errors(&copy), 2);
	/* A message with a '%' passes through append unformatted. */
	diags_error(&d, 1, 1, "100%% sure");
	diags_append(&copy, &d);
	ck_assert_str_eq(copy.v[4].msg, "100% sure");
	diags_free(&d);

	/* Clear drops the diagnostics but keeps the memory. */
	cap = copy.cap;
	diags_clear(&copy);
	ck_assert_uint_eq(copy.n, 0);
	ck_assert_uint_eq(copy.cap, cap);
	ck_assert_uint_eq(diags_errors(&copy), 0);
	for (int i = 0; i < 100; i++)
		diags_warn(&copy, i, 0, "w%d", i);
	ck_assert_uint_eq(copy.n, 100);
	ck_assert_str_eq(copy.v[99].msg, "w99");
	ck_assert_uint_eq(diags_errors(&copy), 0);
	diags_free(&copy);
	diags_free(&copy);	/* twice is fine */
}
END_TEST

/* diag_print() of d for path, as a new string. */
static char *
printed(const char *path, const struct diag *d)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	ck_assert_ptr_nonnull(f);
	diag_print(f, path, d);
	fclose(f);
	return text;
}

START_TEST(test_print)
{
	struct diag err = { DIAG_ERROR, 12, 5, "unknown role 'x'" };
	struct diag warn = { DIAG_WARNING, 0, 0, "no transcript" };
	char *s;

	s = printed("corpus/a.xml", &err);
	ck_assert_str_eq(s, "corpus/a.xml:12:5: unknown role 'x'\n");
	free(s);
	s = printed("b.xml", &warn);
	ck_assert_str_eq(s, "b.xml:0:0: warning: no transcript\n");
	free(s);
	/* A hostile file name cannot forge a second line of output or send
	 * a terminal escape. */
	s = printed("evil\n/x.xml:1:1: all good\x1b[2J.xml", &err);
	ck_assert_str_eq(s, "evil\\n/x.xml:1:1: all good\\x1b[2J.xml:12:5: "
	    "unknown role 'x'\n");
	ck_assert_ptr_eq(strchr(s, '\n'), s + strlen(s) - 1);
	free(s);
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("diag");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_lists);
	tcase_add_test(tc, test_print);
	suite_add_tcase(s, tc);
	return s;
}
