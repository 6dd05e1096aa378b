/* test_measure.c -- session indicators from tags (measure/measure.c). */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "unit.h"
#include "indicators.h"
#include "measure.h"
#include "tags.h"
#include "util.h"

/* Indicators on a hand-built session with hand-placed tags. */
START_TEST(test_measure)
{
	session *s = session_create();
	struct analyze_result r = { 0 };
	struct analyze_tag refl = { TAG_REFLECTION_COMPLEX, 0, 3,
		"t", NULL, NULL };
	struct analyze_tag q = { TAG_QUESTION_OPEN, 0, 3, "t",
		NULL, NULL };
	struct analyze_tag jar = { TAG_JARGON, 0, 3, "t",
		"comorbid", "happening together" };
	struct measure_row row;
	size_t ncols;
	const struct indicator *cols = indicators_all(&ncols);
	static const char *const texts[] = { "one two three four",
		"you feel stuck", "what else", "comorbid comorbid stuff" };
	static const size_t who[] = { 1, 0, 0, 0 };

	s->id = "S";
	s->clinician = "C";
	session_add_speaker(s, "T", SESSION_ROLE_THERAPIST, NULL);
	session_add_speaker(s, "M", SESSION_ROLE_CAREGIVER, NULL);
	r.utts = xcalloc(4, sizeof(*r.utts));
	r.nutts = 4;
	for (size_t i = 0; i < 4; i++) {
		struct session_utt u = { .index = i, .speaker = who[i],
			.text = texts[i], .len = strlen(texts[i]),
			.start = NAN, .end = NAN };

		session_push_utt(s, &u);
	}
	r.utts[1].tags = &refl;
	r.utts[1].ntags = 1;
	r.utts[2].tags = &q;
	r.utts[2].ntags = 1;
	r.utts[3].tags = xcalloc(2, sizeof(struct analyze_tag));
	r.utts[3].tags[0] = jar;
	r.utts[3].tags[1] = jar;
	r.utts[3].ntags = 2;
	measure_session(s, &r, &row);
#define COL(name) row.v[indicators_find(name)]
	ck_assert_double_eq(COL("t_utterances"), 3);
	ck_assert_double_eq(COL("c_utterances"), 1);	/* caregiver */
	ck_assert_double_eq(COL("t_words"), 8);
	ck_assert_double_eq(COL("c_words"), 4);
	ck_assert_double_eq_tol(COL("talk_share"), 8.0 / 12, 1e-12);
	ck_assert_double_eq(COL("reflections"), 1);	/* parent implied */
	ck_assert_double_eq(COL("reflections_complex"), 1);
	ck_assert_double_eq(COL("rq_ratio"), 1);
	ck_assert_double_eq(COL("pct_complex_reflections"), 1);
	ck_assert_double_eq(COL("pct_open_questions"), 1);
	ck_assert_double_eq(COL("jargon_terms"), 2);
	ck_assert_double_eq_tol(COL("jargon_per_1000w"), 250, 1e-9);
	ck_assert(isnan(COL("pct_complex_reflections") - 1) == 0);
	ck_assert_double_eq(COL("validations"), 0);
	ck_assert_double_eq(COL("validations_per_100"), 0);
#undef COL
	for (size_t i = 0; i < ncols; i++)
		ck_assert_msg(!isinf(row.v[i]), "%s is infinite", cols[i].name);
	measure_row_free(&row);
	free(r.utts[3].tags);
	free(r.utts);
	s->id = s->clinician = NULL;
	session_free(s);
}
END_TEST

/* A rupture is repaired when a repair is among the therapist's next
 * INDICATORS_REPAIR_WINDOW utterances; directives per 100 therapist
 * utterances. */
START_TEST(test_repairs)
{
	session *s = session_create();
	struct analyze_result r = { 0 };
	/* Who speaks (0 therapist, 1 client) and what is tagged (R rupture,
	 * P repair, D directive, . nothing). */
	static const char who[] = "1000101000100";
	static const char tag[] = "R.D.RPR...R.P";
	struct analyze_tag *t;
	struct measure_row row;
	size_t n = sizeof(who) - 1;

	s->id = "S";
	s->clinician = "C";
	session_add_speaker(s, "T", SESSION_ROLE_THERAPIST, NULL);
	session_add_speaker(s, "K", SESSION_ROLE_CLIENT, NULL);
	r.utts = xcalloc(n, sizeof(*r.utts));
	r.nutts = n;
	t = xcalloc(n, sizeof(*t));
	for (size_t i = 0; i < n; i++) {
		struct session_utt u = { .index = i,
			.speaker = (size_t)(who[i] - '0'), .text = "a b",
			.len = 3, .start = NAN, .end = NAN };

		session_push_utt(s, &u);
		if (tag[i] == '.')
			continue;
		t[i] = (struct analyze_tag){ tag[i] == 'R' ?
		    TAG_RUPTURE_WITHDRAWAL : tag[i] == 'P' ? TAG_REPAIR :
		    TAG_DIRECTIVE, 0, 3, "t", NULL, NULL };
		r.utts[i].tags = &t[i];
		r.utts[i].ntags = 1;
	}
	measure_session(s, &r, &row);
#define COL(name) row.v[indicators_find(name)]
	/* Ruptures at 0 (the repair at 5 is the therapist's 4th utterance
	 * after it: too far), 4 (the repair at 5 is the next: repaired), 6
	 * (the repair at 12 is the 5th after it: too far) and 10 (the
	 * repair at 12 is the 2nd: repaired). */
	ck_assert_double_eq(COL("ruptures"), 4);
	ck_assert_double_eq(COL("ruptures_repaired"), 2);
	ck_assert_double_eq(COL("repair_share"), 0.5);
	ck_assert_double_eq(COL("directives"), 1);
	ck_assert_double_eq_tol(COL("directives_per_100"), 100.0 / 9, 1e-12);
#undef COL
	measure_row_free(&row);
	free(t);
	free(r.utts);
	s->id = s->clinician = NULL;
	session_free(s);
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("measure");
	TCase *tc = tcase_create("core");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_measure);
	tcase_add_test(tc, test_repairs);
	suite_add_tcase(s, tc);
	return s;
}
