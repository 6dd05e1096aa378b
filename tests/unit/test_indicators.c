/* test_indicators.c -- unit tests of measure/indicators.c: the one table
 * of session indicators. */
#include "config.h"

#include "unit.h"
#include <math.h>
#include <string.h>

#include "indicators.h"
#include "tags.h"

START_TEST(test_table)
{
	size_t n, ntags;
	const struct indicator *in = indicators_all(&n);
	const struct tags_entry *vocab = tags_all(&ntags);

	ck_assert_uint_eq(n, IND_COUNT);
	for (size_t i = 0; i < n; i++) {
		const struct indicator *x = &in[i];

		ck_assert_ptr_nonnull(x->name);
		ck_assert_uint_gt(strlen(x->name), 0);
		/* A CSV column and SQL name: lower case, digits, '_'. */
		ck_assert_uint_eq(strspn(x->name,
		    "abcdefghijklmnopqrstuvwxyz0123456789_"), strlen(x->name));
		ck_assert_msg(indicators_find(x->name) == (int)i, "%s",
		    x->name);
		ck_assert_msg(x->label != NULL && *x->label != '\0', "%s",
		    x->name);
		ck_assert_msg(x->unit != NULL && *x->unit != '\0', "%s",
		    x->name);
		ck_assert_msg(x->doc != NULL && *x->doc != '\0', "%s",
		    x->name);
		ck_assert_msg(x->lo < x->hi, "%s: range %g .. %g", x->name,
		    x->lo, x->hi);
		ck_assert(!isnan(x->lo) && !isnan(x->hi));
		ck_assert_msg(x->better >= -1 && x->better <= 1, "%s",
		    x->name);
		ck_assert_msg(x->decimals >= 0 && x->decimals <= 3, "%s",
		    x->name);
		ck_assert(x->type == INDICATOR_COUNT ||
		    x->type == INDICATOR_REAL);
		if (x->type == INDICATOR_COUNT) {
			ck_assert_msg(x->lo == 0 && isinf(x->hi), "%s",
			    x->name);
			ck_assert_str_eq(x->unit, "count");
		}
		/* A count of a tag: said by the tag's side. */
		if (x->tag >= 0) {
			ck_assert_int_lt(x->tag, (int)ntags);
			ck_assert_int_eq(x->type, INDICATOR_COUNT);
			ck_assert_msg(x->side == vocab[x->tag].side, "%s",
			    x->name);
			ck_assert_msg(strstr(x->doc, vocab[x->tag].name) !=
			    NULL, "%s: doc does not name %s", x->name,
			    vocab[x->tag].name);
		}
	}
	ck_assert_int_eq(indicators_find("no_such_indicator"), -1);
	ck_assert_int_eq(indicators_find(""), -1);
	ck_assert_int_eq(indicators_find("RQ_RATIO"), -1);
	/* Spot checks of the order of sessions.csv. */
	ck_assert_str_eq(in[IND_T_UTT].name, "t_utterances");
	ck_assert_str_eq(in[IND_RQ].name, "rq_ratio");
	ck_assert_str_eq(in[IND_DISRUPT_SECONDS].name, "disruption_seconds");
	ck_assert_int_eq(in[IND_REFL].tag, TAG_REFLECTION);
	ck_assert_int_eq(in[IND_RUPTURE].side, SIDE_CLIENT);
	ck_assert_int_eq(in[IND_TECH].side, SIDE_ANY);
	ck_assert_double_eq(in[IND_FK].lo, -3.40);
	ck_assert_str_eq(in[IND_REPAIR_SHARE].name, "repair_share");
	ck_assert_str_eq(in[IND_DIRECTIVE_100].name, "directives_per_100");
}
END_TEST

/* The report sections and the absolute levels of the judgement. */
START_TEST(test_groups_levels)
{
	size_t n, per[IND_NGROUPS] = { 0 };
	const struct indicator *in = indicators_all(&n);

	for (size_t i = 0; i < n; i++) {
		const struct indicator *x = &in[i];

		ck_assert_msg(x->group < IND_NGROUPS, "%s", x->name);
		per[x->group]++;
		/* A level is in the indicator's range, on an indicator with
		 * a direction, and its definition says where it comes
		 * from. */
		if (!isnan(x->concern)) {
			ck_assert_msg(x->better != 0, "%s", x->name);
			ck_assert(x->concern >= x->lo && x->concern <= x->hi);
			ck_assert_msg(strstr(x->doc, "concern") != NULL, "%s",
			    x->name);
		}
		if (!isnan(x->aim)) {
			ck_assert_msg(x->better != 0, "%s", x->name);
			ck_assert(x->aim >= x->lo && x->aim <= x->hi);
			ck_assert_msg(strstr(x->doc, "aim") != NULL, "%s",
			    x->name);
			/* The aim is on the better side of the concern. */
			if (!isnan(x->concern))
				ck_assert(x->better * (x->aim - x->concern) >
				    0);
		}
		ck_assert(isnan(x->fair) || isnan(x->concern));
	}
	for (int g = 0; g < IND_NGROUPS; g++) {
		ck_assert_msg(per[g] > 0, "group %d is empty", g);
		ck_assert_uint_gt(strlen(indicators_group_name(g)), 0);
	}
	ck_assert_double_eq(in[IND_JARGON_1000W].concern, 10);
	ck_assert_int_eq(in[IND_RUPTURE].group, IND_GROUP_ALLIANCE);
	ck_assert_int_eq(in[IND_DIRECTIVE].group, IND_GROUP_DIRECTING);
}
END_TEST

START_TEST(test_headline)
{
	size_t n;
	const struct indicator *in = indicators_all(&n);
	const struct indicator *const *h = indicators_headline();
	int seen[INDICATORS_NHEADLINE + 1] = { 0 }, count = 0;

	for (size_t i = 0; i < n; i++) {
		ck_assert_msg(in[i].headline >= 0 &&
		    in[i].headline <= INDICATORS_NHEADLINE, "%s: rank %d",
		    in[i].name, in[i].headline);
		if (in[i].headline > 0) {
			seen[in[i].headline]++;
			count++;
		}
		/* Strengths and things to work on: every indicator with a
		 * direction, and only those. */
		ck_assert_msg((in[i].better != 0) == (in[i].strength != NULL),
		    "%s: strength", in[i].name);
		ck_assert_msg((in[i].better != 0) == (in[i].work != NULL),
		    "%s: work", in[i].name);
		/* A headline has a direction (reports judge it). */
		if (in[i].headline > 0)
			ck_assert_msg(in[i].better != 0, "%s", in[i].name);
	}
	/* Ranks 1..N, each exactly once. */
	ck_assert_int_eq(count, INDICATORS_NHEADLINE);
	for (int r = 1; r <= INDICATORS_NHEADLINE; r++)
		ck_assert_msg(seen[r] == 1, "rank %d used %d times", r, seen[r]);
	for (int r = 0; r < INDICATORS_NHEADLINE; r++) {
		ck_assert_ptr_nonnull(h[r]);
		ck_assert_int_eq(h[r]->headline, r + 1);
		ck_assert_ptr_eq(h[r], &in[indicators_find(h[r]->name)]);
	}
	ck_assert_str_eq(h[0]->name, "rq_ratio");
	ck_assert_str_eq(h[1]->name, "pct_complex_reflections");
}
END_TEST

START_TEST(test_thresholds)
{
	size_t n, k = 0;
	const struct indicator *in = indicators_all(&n);

	/* MITI 4.2.1 thresholds exist for R:Q and %CR only (indicators.c
	 * cites them); every other indicator has NaN for both. */
	for (size_t i = 0; i < n; i++) {
		const struct indicator *x = &in[i];

		if (i == IND_RQ || i == IND_PCT_CR) {
			ck_assert(indicators_has_thresholds(x));
			ck_assert_double_lt(x->fair, x->good);
			ck_assert(x->fair >= x->lo && x->good <= x->hi);
			ck_assert_int_eq(x->better, 1);
			/* The definition states them. */
			ck_assert_ptr_nonnull(strstr(x->doc, "MITI 4.2.1"));
			ck_assert_ptr_nonnull(strstr(x->doc, "fair >="));
			k++;
		} else {
			ck_assert_msg(!indicators_has_thresholds(x), "%s",
			    x->name);
			ck_assert_msg(isnan(x->fair) && isnan(x->good), "%s",
			    x->name);
		}
	}
	ck_assert_uint_eq(k, 2);
	ck_assert_double_eq(in[IND_RQ].fair, 1);
	ck_assert_double_eq(in[IND_RQ].good, 2);
	ck_assert_double_eq(in[IND_PCT_CR].fair, 0.40);
	ck_assert_double_eq(in[IND_PCT_CR].good, 0.50);
}
END_TEST

START_TEST(test_predictors)
{
	size_t n, np, k = 0;
	const struct indicator *in = indicators_all(&n);
	const int *p = indicators_predictors(&np);

	/* Exactly the flagged ones, in table order. */
	for (size_t i = 0; i < n; i++)
		if (in[i].predictor) {
			ck_assert_uint_lt(k, np);
			ck_assert_int_eq(p[k], (int)i);
			k++;
		}
	ck_assert_uint_eq(k, np);
	ck_assert_uint_gt(np, 0);
	ck_assert_int_eq(p[0], IND_RQ);
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("indicators");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_table);
	tcase_add_test(tc, test_headline);
	tcase_add_test(tc, test_groups_levels);
	tcase_add_test(tc, test_thresholds);
	tcase_add_test(tc, test_predictors);
	suite_add_tcase(s, tc);
	return s;
}
