/* test_agree.c -- unit tests of aggregate/agree.c: the analyzers against
 * human codes.
 *
 * Every count below is worked out by hand from the two sessions in
 * the comments; kappa from its definition (Cohen 1960), e.g. for
 * "reflection" (tp 3, fp 1, fn 0, tn 5): po = 8/9, pe = (4 x 3 + 5 x 6)
 * / 81 = 42/81, kappa = (po - pe) / (1 - pe) = 30/39.
 */
#include "config.h"

#include "unit.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "agree.h"
#include "stats.h"
#include "tags.h"
#include "util.h"

enum { T, C, I };	/* therapist, client, interpreter */

/* One utterance: its speaker, its human codes (space-separated, or
 * NULL) and up to three analyzer tags (-1 ends the list). */
struct spec {
	size_t		 speaker;
	const char	*codes;
	int		 tags[4];
};

static session *
build(const struct spec *sp, size_t n, struct analyze_result *r)
{
	session *s = session_create();

	session_add_speaker(s, "T", SESSION_ROLE_THERAPIST, NULL);
	session_add_speaker(s, "C", SESSION_ROLE_CLIENT, NULL);
	session_add_speaker(s, "I", SESSION_ROLE_INTERPRETER, NULL);
	memset(r, 0, sizeof(*r));
	r->utts = xcalloc(n, sizeof(*r->utts));
	r->nutts = r->cap = n;
	for (size_t i = 0; i < n; i++) {
		const char *text = arena_strdup(s->arena, "some words");
		struct session_utt u = { .index = i, .speaker = sp[i].speaker,
			.text = text, .len = strlen(text) };
		struct analyze_utt *a = &r->utts[i];

		if (sp[i].codes != NULL) {
			char *copy = arena_strdup(s->arena, sp[i].codes), *tok;
			const char **codes = arena_alloc(s->arena,
			    8 * sizeof(*codes));

			for (tok = strtok(copy, " "); tok != NULL;
			    tok = strtok(NULL, " "))
				codes[u.ncodes++] = tok;
			u.codes = codes;
		}
		session_push_utt(s, &u);
		for (size_t k = 0; k < 4 && sp[i].tags[k] >= 0; k++) {
			a->tags = xgrow(a->tags, &a->cap, a->ntags + 1,
			    sizeof(*a->tags));
			a->tags[a->ntags++] = (struct analyze_tag){
				sp[i].tags[k], 0, 4, "test", NULL, NULL };
		}
	}
	return s;
}

/* Session A. */
static const struct spec sess_a[] = {
	/* 0 */ { T, "reflection.simple", { TAG_REFLECTION_SIMPLE, -1 } },
	/* 1: the parent agrees though the subtypes do not */
	/* 1 */ { T, "reflection.complex", { TAG_REFLECTION_SIMPLE, -1 } },
	/* 2 */ { T, "question.open", { TAG_QUESTION_CLOSED, -1 } },
	/* 3: validation is never coded: not reported */
	/* 3 */ { T, NULL, { TAG_VALIDATION, -1 } },
	/* 4 */ { C, "change-talk", { -1 } },
	/* 5 */ { C, NULL, { TAG_CHANGE_TALK, -1 } },
	/* 6: the family without a subtype */
	/* 6 */ { T, "reflection", { TAG_REFLECTION_COMPLEX, -1 } },
	/* 7: an unknown code is ignored */
	/* 7 */ { T, "question.closed no.such.tag", { -1 } },
	/* 8: an interpreter is on neither side: counted for no tag of
	 * a side */
	/* 8 */ { I, "reflection.simple", { TAG_REFLECTION_SIMPLE, -1 } },
	/* 9, 10: tech.disruption applies to every speaker */
	/* 9 */ { T, "tech.disruption", { TAG_TECH_DISRUPTION, -1 } },
	/* 10 */ { C, NULL, { TAG_TECH_DISRUPTION, -1 } },
};

/* Session B. */
static const struct spec sess_b[] = {
	{ T, "question.open", { TAG_QUESTION_OPEN, -1 } },
	{ C, "change-talk", { TAG_CHANGE_TALK, -1 } },
	{ T, NULL, { TAG_REFLECTION_SIMPLE, -1 } },
};

/* Session C: no codes at all (not coded). */
static const struct spec sess_c[] = {
	{ T, NULL, { TAG_VALIDATION, -1 } },
	{ C, NULL, { TAG_RUPTURE_WITHDRAWAL, -1 } },
};

#define N_OF(a)	(sizeof(a) / sizeof((a)[0]))

static void
ck_cell(const struct agree_cell *c, unsigned long tp, unsigned long fp,
    unsigned long fn, unsigned long tn, const char *what)
{
	ck_assert_msg(c->tp == tp && c->fp == fp && c->fn == fn &&
	    c->tn == tn, "%s: tp %lu fp %lu fn %lu tn %lu, want %lu %lu %lu "
	    "%lu", what, c->tp, c->fp, c->fn, c->tn, tp, fp, fn, tn);
}

START_TEST(test_session_counts)
{
	struct analyze_result r;
	session *s = build(sess_a, N_OF(sess_a), &r);
	struct agree_counts c = { 0 };

	agree_session(s, &r, &c);
	ck_assert_int_eq(c.coded, 1);
	ck_assert_uint_eq(c.ntags, TAG_COUNT);
	/* Therapist-side tags over the 7 therapist utterances. */
	ck_cell(&c.cell[TAG_REFLECTION], 3, 0, 0, 4, "reflection");
	ck_cell(&c.cell[TAG_REFLECTION_SIMPLE], 1, 1, 0, 5, "simple");
	ck_cell(&c.cell[TAG_REFLECTION_COMPLEX], 0, 1, 1, 5, "complex");
	ck_cell(&c.cell[TAG_QUESTION], 1, 0, 1, 5, "question");
	ck_cell(&c.cell[TAG_QUESTION_OPEN], 0, 0, 1, 6, "open");
	ck_cell(&c.cell[TAG_QUESTION_CLOSED], 0, 1, 1, 5, "closed");
	ck_cell(&c.cell[TAG_VALIDATION], 0, 1, 0, 6, "validation");
	/* Client-side over the 3 client utterances; a tag of any side
	 * over all 11, the interpreter's too. */
	ck_cell(&c.cell[TAG_CHANGE_TALK], 0, 1, 1, 1, "change-talk");
	ck_cell(&c.cell[TAG_TECH_DISRUPTION], 1, 1, 0, 9, "tech");
	/* Utterances per rater, for the session-level ICC. */
	ck_assert_uint_eq(c.human[TAG_REFLECTION], 3);
	ck_assert_uint_eq(c.machine[TAG_REFLECTION], 3);
	ck_assert_uint_eq(c.human[TAG_REFLECTION_SIMPLE], 1);
	ck_assert_uint_eq(c.machine[TAG_REFLECTION_SIMPLE], 2);
	ck_assert_uint_eq(c.human[TAG_QUESTION], 2);
	ck_assert_uint_eq(c.machine[TAG_QUESTION], 1);
	ck_assert_uint_eq(c.human[TAG_VALIDATION], 0);
	/* Families named by the codes. */
	ck_assert(c.families & (UINT64_C(1) << TAG_REFLECTION));
	ck_assert(c.families & (UINT64_C(1) << TAG_QUESTION));
	ck_assert(c.families & (UINT64_C(1) << TAG_CHANGE_TALK));
	ck_assert(c.families & (UINT64_C(1) << TAG_TECH_DISRUPTION));
	ck_assert(!(c.families & (UINT64_C(1) << TAG_VALIDATION)));
	ck_assert(!(c.families & (UINT64_C(1) << TAG_REFLECTION_SIMPLE)));
	/* [human][analyzer], therapist utterances; the "reflection"
	 * without a subtype is left out of its table. */
	ck_assert_uint_eq(c.reflection[0][0], 4);
	ck_assert_uint_eq(c.reflection[1][1], 1);
	ck_assert_uint_eq(c.reflection[2][1], 1);
	ck_assert_uint_eq(c.unspecified[0], 1);
	ck_assert_uint_eq(c.question[0][0], 5);
	ck_assert_uint_eq(c.question[1][2], 1);
	ck_assert_uint_eq(c.question[2][0], 1);
	ck_assert_uint_eq(c.unspecified[1], 0);
	agree_counts_free(&c);
	ck_assert_ptr_null(c.cell);
	analyze_result_free(&r);
	session_free(s);
}
END_TEST

/* The total of sessions A, B and C (C is not coded). */
static void
total_of_three(struct agree_total *t)
{
	const struct spec *sp[] = { sess_a, sess_b, sess_c };
	const size_t n[] = { N_OF(sess_a), N_OF(sess_b), N_OF(sess_c) };

	memset(t, 0, sizeof(*t));
	for (size_t k = 0; k < 3; k++) {
		struct analyze_result r;
		session *s = build(sp[k], n[k], &r);
		struct agree_counts c = { 0 };

		agree_session(s, &r, &c);
		ck_assert_int_eq(c.coded, k < 2);
		agree_total_add(t, &c);
		agree_counts_free(&c);
		analyze_result_free(&r);
		session_free(s);
	}
}

START_TEST(test_totals)
{
	static const struct {
		int tag;
		unsigned long tp, fp, fn, tn;
	} want[] = {
		{ TAG_REFLECTION, 3, 1, 0, 5 },
		{ TAG_REFLECTION_SIMPLE, 1, 2, 0, 6 },
		{ TAG_REFLECTION_COMPLEX, 0, 1, 1, 7 },
		{ TAG_QUESTION, 2, 0, 1, 6 },
		{ TAG_QUESTION_OPEN, 1, 0, 1, 7 },
		{ TAG_QUESTION_CLOSED, 0, 1, 1, 7 },
		{ TAG_CHANGE_TALK, 1, 1, 1, 1 },
		{ TAG_TECH_DISRUPTION, 1, 1, 0, 12 },
	};
	struct agree_total t;
	struct table tab;

	total_of_three(&t);
	ck_assert_uint_eq(t.sessions, 2);
	ck_assert_uint_eq(t.npairs, 2);
	for (size_t i = 0; i < N_OF(want); i++)
		ck_cell(&t.cell[want[i].tag], want[i].tp, want[i].fp,
		    want[i].fn, want[i].tn, tags_name(want[i].tag));
	/* Reported: the families that occur in the codes, with their
	 * children; not validation (never coded, though the analyzers
	 * found one) nor rupture (found only in the uncoded session). */
	for (int i = 0; i < TAG_COUNT; i++) {
		int fam = tags_family(i), coded = fam == TAG_REFLECTION ||
		    fam == TAG_QUESTION || fam == TAG_CHANGE_TALK ||
		    fam == TAG_TECH_DISRUPTION;

		ck_assert_msg(agree_total_reported(&t, (size_t)i) == coded,
		    "%s", tags_name(i));
	}
	ck_assert(!agree_total_reported(&t, TAG_COUNT));

	agree_total_table(&t, &tab);
	ck_assert_str_eq(tab.name, "agreement");
	ck_assert_uint_eq(tab.ncols, 13);
	ck_assert_str_eq(tab.cols[10], "icc21");
	ck_assert_uint_eq(tab.nrows, N_OF(want));
	for (size_t i = 0; i < tab.nrows; i++) {
		const struct table_cell *c = &tab.cells[i * tab.ncols];
		double tp = (double)want[i].tp, fp = (double)want[i].fp;
		double fn = (double)want[i].fn, tn = (double)want[i].tn;
		double n = tp + fp + fn + tn, po = (tp + tn) / n;
		double pe = ((tp + fp) * (tp + fn) + (fn + tn) * (fp + tn)) /
		    (n * n);

		/* In vocabulary order. */
		ck_assert_str_eq(c[0].s, tags_name(want[i].tag));
		ck_assert_double_eq(c[1].v, 2);
		ck_assert_double_eq(c[2].v, tp);
		ck_assert_double_eq(c[3].v, fp);
		ck_assert_double_eq(c[4].v, fn);
		ck_assert_double_eq(c[5].v, tn);
		if (tp + fp > 0)
			ck_assert_double_eq_tol(c[6].v, tp / (tp + fp), 1e-12);
		else
			ck_assert(isnan(c[6].v));
		ck_assert_double_eq_tol(c[7].v, tp / (tp + fn), 1e-12);
		if (tp > 0)
			ck_assert_double_eq_tol(c[8].v, 2 * tp / (2 * tp + fp +
			    fn), 1e-12);
		ck_assert_double_eq_tol(c[9].v, (po - pe) / (1 - pe), 1e-12);
	}
	/* "reflection": precision 3/4, recall 1, F1 6/7, kappa 30/39. */
	ck_assert_double_eq_tol(tab.cells[6].v, 0.75, 1e-12);
	ck_assert_double_eq_tol(tab.cells[8].v, 6.0 / 7, 1e-12);
	ck_assert_double_eq_tol(tab.cells[9].v, 30.0 / 39, 1e-12);
	/* The ICC pairs each session's analyzer count with its human
	 * count: "reflection" A 3 and 3, B 1 and 0. */
	{
		double x[] = { 3, 3, 1, 0 };
		struct stats_icc icc;

		stats_icc21(x, 2, 2, &icc);
		if (isnan(icc.value))
			ck_assert(isnan(tab.cells[10].v));
		else
			ck_assert_double_eq(tab.cells[10].v, icc.value);
	}
	table_free(&tab);
	agree_total_free(&t);
	ck_assert_uint_eq(t.sessions, 0);
	ck_assert_ptr_null(t.cell);
}
END_TEST

START_TEST(test_json_print)
{
	struct agree_total t;
	strbuf b = { 0 };
	cJSON *j, *tags, *refl;
	char *text = NULL;
	size_t len = 0;
	FILE *f;

	total_of_three(&t);
	agree_total_json(&t, &b);
	j = cJSON_Parse(b.s);
	ck_assert_msg(j != NULL, "not JSON: %s", b.s);
	ck_assert_double_eq(cJSON_GetObjectItem(j, "sessions")->valuedouble, 2);
	tags = cJSON_GetObjectItem(j, "tags");
	ck_assert_int_eq(cJSON_GetArraySize(tags), 8);
	ck_assert_str_eq(cJSON_GetObjectItem(cJSON_GetArrayItem(tags, 6),
	    "tag")->valuestring, "change-talk");
	ck_assert(cJSON_IsNumber(cJSON_GetObjectItem(cJSON_GetArrayItem(tags,
	    2), "precision")));
	refl = cJSON_GetObjectItem(j, "reflection");
	{
		/* A: [0][0] 4, [1][1] 1, [2][1] 1; B: [0][0] 1, [0][1] 1. */
		static const int want[3][3] = { { 5, 1, 0 }, { 0, 1, 0 },
			{ 0, 1, 0 } };
		cJSON *m = cJSON_GetObjectItem(refl, "human_by_analyzer");

		for (int h = 0; h < 3; h++)
			for (int a = 0; a < 3; a++)
				ck_assert_double_eq(cJSON_GetArrayItem(
				    cJSON_GetArrayItem(m, h), a)->valuedouble,
				    want[h][a]);
	}
	ck_assert_double_eq(cJSON_GetObjectItem(refl,
	    "unspecified")->valuedouble, 1);
	ck_assert_str_eq(cJSON_GetArrayItem(cJSON_GetObjectItem(
	    cJSON_GetObjectItem(j, "question"), "classes"), 2)->valuestring,
	    "closed");
	ck_assert_ptr_null(strstr(b.s, "nan"));
	cJSON_Delete(j);
	strbuf_free(&b);

	f = open_memstream(&text, &len);
	agree_total_print(&t, f);
	fclose(f);
	ck_assert_ptr_nonnull(strstr(text, "2 coded sessions\n"));
	ck_assert_ptr_nonnull(strstr(text, "\nreflection.simple "));
	ck_assert_ptr_null(strstr(text, "\nvalidation "));
	/* Simple vs complex: F1 2/3 and 0, macro 1/3. */
	ck_assert_ptr_nonnull(strstr(text, "simple vs complex macro-F1 (both "
	    "raters in the family):   0.333\n"));
	ck_assert_ptr_nonnull(strstr(text, "(1 utterance coded reflection "
	    "without a subtype left out)"));
	free(text);
	agree_total_free(&t);
}
END_TEST

START_TEST(test_nothing_coded)
{
	struct analyze_result r;
	session *s = build(sess_c, N_OF(sess_c), &r);
	struct agree_counts c = { 0 };
	struct agree_total t = { 0 };
	struct table tab;
	strbuf b = { 0 };
	char *text = NULL;
	size_t len = 0;
	FILE *f;

	agree_session(s, &r, &c);
	ck_assert_int_eq(c.coded, 0);
	agree_total_add(&t, &c);
	ck_assert_uint_eq(t.sessions, 0);
	ck_assert(!agree_total_reported(&t, TAG_VALIDATION));
	agree_total_json(&t, &b);
	ck_assert_str_eq(b.s, "null");
	agree_total_table(&t, &tab);
	ck_assert_uint_eq(tab.nrows, 0);
	table_free(&tab);
	f = open_memstream(&text, &len);
	agree_total_print(&t, f);
	fclose(f);
	ck_assert_ptr_nonnull(strstr(text, "no session carries human codes"));
	free(text);
	strbuf_free(&b);
	agree_total_free(&t);
	agree_counts_free(&c);
	analyze_result_free(&r);
	session_free(s);
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("agree");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_session_counts);
	tcase_add_test(tc, test_totals);
	tcase_add_test(tc, test_json_print);
	tcase_add_test(tc, test_nothing_coded);
	suite_add_tcase(s, tc);
	return s;
}
