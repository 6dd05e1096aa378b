/* test_tags.c -- unit tests of base/tags.c: the tag vocabulary. */
#include "config.h"

#include "unit.h"
#include <string.h>

#include "tags.h"

START_TEST(test_vocabulary)
{
	size_t n;
	const struct tags_entry *v = tags_all(&n);

	ck_assert_uint_eq(n, TAG_COUNT);
	for (int i = 0; i < TAG_COUNT; i++) {
		int p = v[i].parent;

		ck_assert_ptr_nonnull(v[i].name);
		ck_assert_ptr_nonnull(v[i].meaning);
		ck_assert_str_eq(tags_name(i), v[i].name);
		ck_assert_int_eq(tags_parent(i), p);
		/* Names are unique: lookup finds this very id. */
		ck_assert_int_eq(tags_lookup(v[i].name, strlen(v[i].name)), i);
		if (p < 0) {
			/* A dotted top-level name ("tech.disruption") does
			 * not name a parent that is missing. */
			const char *dot = strchr(v[i].name, '.');

			if (dot != NULL)
				ck_assert_int_eq(tags_lookup(v[i].name,
				    (size_t)(dot - v[i].name)), -1);
			continue;
		}
		/* A child: "parent.sub", said by the parent's side, listed
		 * after its parent with only siblings in between. */
		ck_assert_int_lt(p, i);
		ck_assert_int_eq(v[p].parent, -1);	/* two levels only */
		ck_assert_uint_eq(strncmp(v[i].name, v[p].name,
		    strlen(v[p].name)), 0);
		ck_assert_int_eq(v[i].name[strlen(v[p].name)], '.');
		ck_assert_int_eq(v[i].side, v[p].side);
		for (int k = p + 1; k < i; k++)
			ck_assert_int_eq(v[k].parent, p);
	}
}
END_TEST

START_TEST(test_known_tags)
{
	size_t n;
	const struct tags_entry *v = tags_all(&n);

	ck_assert_str_eq(tags_name(TAG_REFLECTION_SIMPLE), "reflection.simple");
	ck_assert_str_eq(tags_name(TAG_CHANGE_TALK), "change-talk");
	ck_assert_str_eq(tags_name(TAG_TECH_DISRUPTION), "tech.disruption");
	ck_assert_int_eq(tags_parent(TAG_REFLECTION_COMPLEX), TAG_REFLECTION);
	ck_assert_int_eq(tags_parent(TAG_QUESTION_OPEN), TAG_QUESTION);
	ck_assert_int_eq(tags_parent(TAG_RUPTURE_CONFRONTATION), TAG_RUPTURE);
	ck_assert_int_eq(tags_parent(TAG_REFLECTION), -1);
	/* "tech.disruption" has a dot but no parent tag "tech". */
	ck_assert_int_eq(tags_parent(TAG_TECH_DISRUPTION), -1);
	ck_assert_int_eq(tags_lookup("tech", 4), -1);

	ck_assert_int_eq(v[TAG_REFLECTION].side, SIDE_THERAPIST);
	ck_assert_int_eq(v[TAG_SUSTAIN_TALK].side, SIDE_CLIENT);
	ck_assert_int_eq(v[TAG_RUPTURE_WITHDRAWAL].side, SIDE_CLIENT);
	ck_assert_int_eq(v[TAG_TECH_DISRUPTION].side, SIDE_ANY);
}
END_TEST

START_TEST(test_family_is_a)
{
	ck_assert_int_eq(tags_family(TAG_REFLECTION_SIMPLE), TAG_REFLECTION);
	ck_assert_int_eq(tags_family(TAG_REFLECTION), TAG_REFLECTION);
	ck_assert_int_eq(tags_family(TAG_QUESTION_CLOSED), TAG_QUESTION);
	ck_assert_int_eq(tags_family(TAG_RUPTURE_WITHDRAWAL), TAG_RUPTURE);
	ck_assert_int_eq(tags_family(TAG_VALIDATION), TAG_VALIDATION);

	/* A child is its parent; the parent is not its child. */
	ck_assert(tags_is_a(TAG_REFLECTION_COMPLEX, TAG_REFLECTION));
	ck_assert(!tags_is_a(TAG_REFLECTION, TAG_REFLECTION_COMPLEX));
	ck_assert(tags_is_a(TAG_REFLECTION, TAG_REFLECTION));
	ck_assert(tags_is_a(TAG_QUESTION_OPEN, TAG_QUESTION_OPEN));
	/* Siblings and strangers are not. */
	ck_assert(!tags_is_a(TAG_REFLECTION_SIMPLE, TAG_REFLECTION_COMPLEX));
	ck_assert(!tags_is_a(TAG_QUESTION_OPEN, TAG_REFLECTION));
	ck_assert(!tags_is_a(TAG_VALIDATION, TAG_AFFIRMATION));
	ck_assert(!tags_is_a(TAG_RUPTURE_WITHDRAWAL, TAG_REPAIR));
	for (int i = 0; i < TAG_COUNT; i++) {
		ck_assert(tags_is_a(i, tags_family(i)));
		ck_assert(tags_is_a(i, i));
	}
}
END_TEST

START_TEST(test_lookup)
{
	const char *s = "reflection.simplex";

	ck_assert_int_eq(tags_lookup("question.open", 13), TAG_QUESTION_OPEN);
	/* n bytes of a longer string, not NUL-terminated there. */
	ck_assert_int_eq(tags_lookup(s, 17), TAG_REFLECTION_SIMPLE);
	ck_assert_int_eq(tags_lookup(s, 10), TAG_REFLECTION);
	ck_assert_int_eq(tags_lookup(s, 18), -1);
	ck_assert_int_eq(tags_lookup(s, 7), -1);	/* a prefix */
	ck_assert_int_eq(tags_lookup("", 0), -1);
	ck_assert_int_eq(tags_lookup("Reflection", 10), -1);	/* exact */
	ck_assert_int_eq(tags_lookup("reflection ", 11), -1);
	ck_assert_int_eq(tags_lookup("change_talk", 11), -1);
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("tags");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_vocabulary);
	tcase_add_test(tc, test_known_tags);
	tcase_add_test(tc, test_family_is_a);
	tcase_add_test(tc, test_lookup);
	suite_add_tcase(s, tc);
	return s;
}
