/* test_lag.c -- unit tests of aggregate/lag.c: lag-1 transitions from
 * therapist tags to the client's reply. */
#include "config.h"

#include "unit.h"
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "analyze.h"
#include "lag.h"
#include "session.h"
#include "tags.h"
#include "util.h"

/* One utterance of a hand-built session: speaker index and up to three
 * analyzer tags (-1 ends the list). */
struct spec {
	size_t	speaker;
	int	tags[4];
};

/* Build s (speakers T therapist, C client, G caregiver, I interpreter)
 * and its analyzer result r from n specs. */
static session *
build(const struct spec *sp, size_t n, struct analyze_result *r)
{
	session *s = session_create();

	session_add_speaker(s, "T", SESSION_ROLE_THERAPIST, NULL);
	session_add_speaker(s, "C", SESSION_ROLE_CLIENT, NULL);
	session_add_speaker(s, "G", SESSION_ROLE_CAREGIVER, NULL);
	session_add_speaker(s, "I", SESSION_ROLE_INTERPRETER, NULL);
	memset(r, 0, sizeof(*r));
	r->utts = xcalloc(n ? n : 1, sizeof(*r->utts));
	r->nutts = r->cap = n;
	for (size_t i = 0; i < n; i++) {
		const char *text = arena_strdup(s->arena, "words here");
		struct session_utt u = { .index = i, .speaker = sp[i].speaker,
			.text = text, .len = strlen(text) };
		struct analyze_utt *a = &r->utts[i];

		session_push_utt(s, &u);
		for (size_t k = 0; k < 4 && sp[i].tags[k] >= 0; k++) {
			a->tags = xgrow(a->tags, &a->cap, a->ntags + 1,
			    sizeof(*a->tags));
			a->tags[a->ntags++] = (struct analyze_tag){
				sp[i].tags[k], 0, 5, "test", NULL, NULL };
		}
	}
	return s;
}

static int
is_leaf(int id)
{
	size_t n;
	const struct tags_entry *v = tags_all(&n);

	for (size_t k = 0; k < n; k++)
		if (v[k].parent == id)
			return 0;
	return 1;
}

/* Row (column) of the tag named name. */
static size_t
row_of(const char *name)
{
	size_t rows, cols;

	lag_dims(&rows, &cols);
	for (size_t i = 0; i < rows; i++)
		if (strcmp(lag_row_name(i), name) == 0)
			return i;
	ck_abort_msg("no row %s", name);
	return 0;
}

static size_t
col_of(const char *name)
{
	size_t rows, cols;

	lag_dims(&rows, &cols);
	for (size_t j = 0; j < cols; j++)
		if (strcmp(lag_col_name(j), name) == 0)
			return j;
	ck_abort_msg("no column %s", name);
	return 0;
}

START_TEST(test_dims_names)
{
	size_t rows, cols, n, i = 0, j = 0;
	const struct tags_entry *v = tags_all(&n);

	lag_dims(&rows, &cols);
	/* Rows: the therapist-side leaf tags in vocabulary order, then
	 * "none"; columns the same for the client side. */
	for (size_t t = 0; t < n; t++) {
		if (!is_leaf((int)t))
			continue;
		if (v[t].side == SIDE_THERAPIST)
			ck_assert_str_eq(lag_row_name(i++), v[t].name);
		else if (v[t].side == SIDE_CLIENT)
			ck_assert_str_eq(lag_col_name(j++), v[t].name);
	}
	ck_assert_uint_eq(rows, i + 1);
	ck_assert_uint_eq(cols, j + 1);
	ck_assert_str_eq(lag_row_name(rows - 1), "none");
	ck_assert_str_eq(lag_col_name(cols - 1), "none");
	ck_assert_ptr_null(lag_row_name(rows));
	ck_assert_ptr_null(lag_col_name(cols));
	/* As the vocabulary stands today. */
	ck_assert_uint_eq(rows, 13);
	ck_assert_uint_eq(cols, 5);
	ck_assert_str_eq(lag_row_name(0), "reflection.simple");
	ck_assert_str_eq(lag_col_name(0), "rupture.withdrawal");
	/* Parents and tags of either side are neither rows nor columns. */
	for (i = 0; i < rows; i++) {
		ck_assert_str_ne(lag_row_name(i), "reflection");
		ck_assert_str_ne(lag_row_name(i), "tech.disruption");
	}
	for (j = 0; j < cols; j++)
		ck_assert_str_ne(lag_col_name(j), "rupture");
}
END_TEST

START_TEST(test_counts)
{
	enum { T, C, G, I };
	static const struct spec sp[] = {
		/* 0 -> 1: two therapist tags x one client tag */
		{ T, { TAG_REFLECTION_COMPLEX, TAG_QUESTION_OPEN, -1 } },
		{ C, { TAG_CHANGE_TALK, -1 } },
		/* 1 -> 2: client to therapist, not counted */
		{ T, { -1 } },
		/* 2 -> 3: no tags on either side: none x none */
		{ C, { -1 } },
		/* 3 -> 4 client -> client, 4 -> 5 client -> therapist */
		{ G, { TAG_SUSTAIN_TALK, -1 } },
		/* 5 -> 6: one therapist tag x two tags of a caregiver */
		{ T, { TAG_VALIDATION, -1 } },
		{ G, { TAG_RUPTURE_WITHDRAWAL, TAG_SUSTAIN_TALK, -1 } },
		/* 7 -> 8 therapist -> therapist; 8 -> 9 therapist ->
		 * interpreter: neither counted */
		{ T, { TAG_AFFIRMATION, -1 } },
		{ T, { TAG_DIRECTIVE, -1 } },
		{ I, { TAG_CHANGE_TALK, -1 } },
		/* 10 -> 11: a tag of neither side is "none"; the reply's
		 * tag counted once though carried twice */
		{ T, { TAG_TECH_DISRUPTION, -1 } },
		{ C, { TAG_CHANGE_TALK, TAG_CHANGE_TALK, -1 } },
		/* 12: the last utterance has no reply */
		{ T, { TAG_REFLECTION_SIMPLE, -1 } },
	};
	size_t rows, cols, n = sizeof(sp) / sizeof(sp[0]);
	struct analyze_result r;
	session *s = build(sp, n, &r);
	unsigned long *counts, total = 0;

	lag_dims(&rows, &cols);
	counts = xcalloc(rows * cols, sizeof(*counts));
	lag_session(s, &r, counts);
#define CELL(from, to)	counts[row_of(from) * cols + col_of(to)]
	ck_assert_uint_eq(CELL("reflection.complex", "change-talk"), 1);
	ck_assert_uint_eq(CELL("question.open", "change-talk"), 1);
	ck_assert_uint_eq(CELL("none", "none"), 1);
	ck_assert_uint_eq(CELL("validation", "rupture.withdrawal"), 1);
	ck_assert_uint_eq(CELL("validation", "sustain-talk"), 1);
	ck_assert_uint_eq(CELL("none", "change-talk"), 1);
	for (size_t i = 0; i < rows * cols; i++)
		total += counts[i];
	ck_assert_uint_eq(total, 6);
	/* Counts add up across sessions. */
	lag_session(s, &r, counts);
	ck_assert_uint_eq(CELL("validation", "sustain-talk"), 2);
	ck_assert_uint_eq(CELL("reflection.simple", "none"), 0);
#undef CELL
	free(counts);
	analyze_result_free(&r);
	session_free(s);
}
END_TEST

START_TEST(test_json)
{
	static const struct spec sp[] = {
		{ 0, { TAG_REFLECTION_SIMPLE, -1 } },
		{ 1, { TAG_CHANGE_TALK, -1 } },
		{ 0, { TAG_QUESTION_CLOSED, -1 } },
		{ 1, { -1 } },
		{ 0, { TAG_REFLECTION_SIMPLE, -1 } },
		{ 1, { TAG_CHANGE_TALK, -1 } },
	};
	size_t rows, cols, ncells = 0;
	struct analyze_result r;
	session *s = build(sp, 6, &r);
	unsigned long *counts;
	strbuf b = { 0 };
	cJSON *j, *it;

	lag_dims(&rows, &cols);
	counts = xcalloc(rows * cols, sizeof(*counts));
	lag_session(s, &r, counts);
	lag_json(counts, &b);
	j = cJSON_Parse(b.s);
	ck_assert_msg(j != NULL, "not JSON: %s", b.s);
	ck_assert_int_eq(cJSON_GetArraySize(cJSON_GetObjectItem(j, "from")),
	    (int)rows);
	ck_assert_int_eq(cJSON_GetArraySize(cJSON_GetObjectItem(j, "to")),
	    (int)cols);
	ck_assert_str_eq(cJSON_GetArrayItem(cJSON_GetObjectItem(j, "from"),
	    0)->valuestring, "reflection.simple");
	cJSON_ArrayForEach(it, cJSON_GetObjectItem(j, "cells")) {
		const char *from = cJSON_GetObjectItem(it, "from")->valuestring;
		const char *to = cJSON_GetObjectItem(it, "to")->valuestring;
		double count = cJSON_GetObjectItem(it, "count")->valuedouble;

		ck_assert_double_eq(count, (double)counts[row_of(from) * cols +
		    col_of(to)]);
		if (strcmp(from, "reflection.simple") == 0 &&
		    strcmp(to, "change-talk") == 0) {
			ck_assert_double_eq(count, 2);
			/* Both reflections were followed by change talk. */
			ck_assert_double_eq(cJSON_GetObjectItem(it,
			    "probability")->valuedouble, 1);
			/* row total 2 x column total 2 / 3 transitions */
			ck_assert_double_eq_tol(cJSON_GetObjectItem(it,
			    "expected")->valuedouble, 4.0 / 3, 1e-9);
		}
		ck_assert(cJSON_HasObjectItem(it, "expected"));
		ck_assert(cJSON_HasObjectItem(it, "adjusted_residual"));
		ck_assert(cJSON_HasObjectItem(it, "yules_q"));
		ncells++;
	}
	ck_assert_uint_eq(ncells, rows * cols);
	ck_assert_ptr_null(strstr(b.s, "nan"));
	cJSON_Delete(j);
	strbuf_free(&b);
	free(counts);
	analyze_result_free(&r);
	session_free(s);
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("lag");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_dims_names);
	tcase_add_test(tc, test_counts);
	tcase_add_test(tc, test_json);
	suite_add_tcase(s, tc);
	return s;
}
