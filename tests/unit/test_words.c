/* test_words.c -- the word tokeniser (base/words.c). */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "unit.h"
#include "util.h"
#include "words.h"

START_TEST(test_words)
{
	ck_assert_uint_eq(words_count("", 0), 0);
	ck_assert_uint_eq(words_count("  ...  ", 7), 0);
	ck_assert_uint_eq(words_count("I don't know, mm-hmm.", 21), 4);
	/* U+2019 inside a word, and a non-ASCII word. */
	ck_assert_uint_eq(words_count("don\xe2\x80\x99t caf\xc3\xa9 !", 14),
	    2);
	ck_assert_uint_eq(words_count("3 - 4 times", 11), 3);
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("words");
	TCase *tc = tcase_create("core");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_words);
	suite_add_tcase(s, tc);
	return s;
}
