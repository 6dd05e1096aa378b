/* test_textstats.c -- syllables, Flesch-Kincaid and language style matching (measure/textstats.c). */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "unit.h"
#include "textstats.h"
#include "util.h"

START_TEST(test_syllables)
{
	static const struct {
		const char *w;
		size_t n;
	} cases[] = {
		{ "the", 1 }, { "cat", 1 }, { "table", 2 }, { "simple", 2 },
		{ "make", 1 }, { "cake", 1 }, { "beautiful", 3 },
		{ "rhythm", 1 }, { "queue", 1 }, { "happy", 2 },
		{ "understanding", 4 }, { "be", 1 }, { "42", 1 },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		ck_assert_msg(textstats_syllables(cases[i].w,
		    strlen(cases[i].w)) == cases[i].n, "%s", cases[i].w);
}
END_TEST

/* FK grade worked by hand: "The cat sat on the mat. It was happy!" has
 * 9 words, 2 sentences, 10 syllables: 0.39 * 9/2 + 11.8 * 10/9 - 15.59
 * = -0.723888888889 (Kincaid et al. 1975 formula). */
START_TEST(test_fk)
{
	struct textstats_fk fk = { 0 };
	const char *t = "The cat sat on the mat. It was happy!";

	ck_assert(isnan(textstats_fk_grade(&fk)));
	textstats_fk_add(&fk, t, strlen(t));
	ck_assert_uint_eq(fk.words, 9);
	ck_assert_uint_eq(fk.sentences, 2);
	ck_assert_uint_eq(fk.syllables, 10);
	ck_assert_double_eq_tol(textstats_fk_grade(&fk), -0.723888888889,
	    1e-9);
	/* An utterance without end punctuation is still one sentence. */
	textstats_fk_add(&fk, "so tired", 8);
	ck_assert_uint_eq(fk.sentences, 3);
}
END_TEST

/* LSM worked by hand (Ireland & Pennebaker 2010, eq. 1) on "I think the
 * dog is not here" (7 words: personal pronoun 1, article 1, auxiliary 1,
 * negation 1, adverb 1) against "you and the cat" (4 words: personal
 * pronoun 1, conjunction 1, article 1): mean over the nine categories of
 * 1 - |p1 - p2| / (p1 + p2 + 0.0001) = 0.494952426979 (computed with
 * Python from the category counts, independently of this code). */
START_TEST(test_lsm)
{
	struct textstats_lsm a = { 0 }, b = { 0 };
	const char *ta = "I think the dog is not here";
	const char *tb = "you and the cat";

	ck_assert(isnan(textstats_lsm(&a, &b)));
	textstats_lsm_add(&a, ta, strlen(ta));
	textstats_lsm_add(&b, tb, strlen(tb));
	ck_assert_uint_eq(a.words, 7);
	ck_assert_uint_eq(a.cat[LSM_PERSONAL_PRONOUNS], 1);
	ck_assert_uint_eq(a.cat[LSM_NEGATIONS], 1);
	ck_assert_uint_eq(b.cat[LSM_CONJUNCTIONS], 1);
	ck_assert_double_eq_tol(textstats_lsm(&a, &b), 0.494952426979, 1e-9);
	ck_assert_int_eq(textstats_lsm_category("Don't", 5), LSM_NEGATIONS);
	ck_assert_int_eq(textstats_lsm_category("therapy", 7), -1);
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("textstats");
	TCase *tc = tcase_create("core");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_syllables);
	tcase_add_test(tc, test_fk);
	tcase_add_test(tc, test_lsm);
	suite_add_tcase(s, tc);
	return s;
}
