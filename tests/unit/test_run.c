/* test_run.c -- unit tests of the run engine's library parts: text
 * statistics, CSV/JSON formatting, session indicators and the in-order
 * worker pool. */
#include "config.h"

#include "unit.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "batch.h"
#include "fmt.h"
#include "measure.h"
#include "tags.h"
#include "textstats.h"
#include "util.h"

START_TEST(test_words)
{
	ck_assert_uint_eq(textstats_words("", 0), 0);
	ck_assert_uint_eq(textstats_words("  ...  ", 7), 0);
	ck_assert_uint_eq(textstats_words("I don't know, mm-hmm.", 21), 4);
	/* U+2019 inside a word, and a non-ASCII word. */
	ck_assert_uint_eq(textstats_words("don\xe2\x80\x99t caf\xc3\xa9 !", 14),
	    2);
	ck_assert_uint_eq(textstats_words("3 - 4 times", 11), 3);
}
END_TEST

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

/* Indicators on a hand-built session with hand-placed tags. */
START_TEST(test_measure)
{
	session *s = session_create();
	struct analyze_result r = { 0 };
	struct analyze_tag refl = { tags_index("reflection.complex", 18), 0, 3,
		"t", NULL, NULL };
	struct analyze_tag q = { tags_index("question.open", 13), 0, 3, "t",
		NULL, NULL };
	struct analyze_tag jar = { tags_index("jargon", 6), 0, 3, "t",
		"comorbid", "happening together" };
	struct measure_row row;
	size_t ncols;
	const struct measure_column *cols = measure_columns(&ncols);
	static const char *const texts[] = { "one two three four",
		"you feel stuck", "what else", "comorbid comorbid stuff" };
	static const size_t who[] = { 1, 0, 0, 0 };

	s->id = "S";
	s->clinician = "C";
	s->speakers = xcalloc(2, sizeof(*s->speakers));
	s->speakers[0] = (struct session_speaker){ "T",
		SESSION_ROLE_THERAPIST, NULL };
	s->speakers[1] = (struct session_speaker){ "M",
		SESSION_ROLE_CAREGIVER, NULL };
	s->nspeakers = 2;
	s->nutts = 4;
	s->utts = xcalloc(4, sizeof(*s->utts));
	r.utts = xcalloc(4, sizeof(*r.utts));
	r.nutts = 4;
	for (size_t i = 0; i < 4; i++) {
		s->utts[i].index = i;
		s->utts[i].speaker = who[i];
		s->utts[i].text = texts[i];
		s->utts[i].len = strlen(texts[i]);
		s->utts[i].start = s->utts[i].end = NAN;
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
#define COL(name) row.v[measure_column_index(name)]
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

/* The pool emits in input order for any number of workers. */
static void *
echo_work(void *state, const session *s)
{
	(void)state;
	usleep((useconds_t)(rand() % 500));	/* shuffle finishing order */
	return xstrdup(s->id);
}

static void
collect(void *arg, const struct batch_event *ev)
{
	strbuf *b = arg;

	if (ev->kind == BATCH_SESSION) {
		strbuf_adds(b, ev->result);
		strbuf_addc(b, ' ');
		free(ev->result);
	} else if (ev->kind == BATCH_REJECT)
		strbuf_adds(b, "R ");
	else
		strbuf_adds(b, "| ");
}

START_TEST(test_batch_order)
{
	char dir[] = "/tmp/rapport-batch-XXXXXX";
	struct inputs in = { 0 };
	strbuf want = { 0 };
	char *args[1] = { dir };

	ck_assert_ptr_nonnull(mkdtemp(dir));
	for (int f = 0; f < 12; f++) {
		char *path = xasprintf("%s/f%02d.xml", dir, f);
		FILE *fp = fopen(path, "w");

		fprintf(fp, "<corpus>");
		for (int k = 0; k < 3 + f % 5 * 40; k++) {
			fprintf(fp, "<session id=\"s%d-%d\"><clinician id=\"C\"/>"
			    "<speakers><speaker id=\"T\" role=\"therapist\"/>"
			    "</speakers><transcript/></session>", f, k);
			strbuf_addf(&want, "s%d-%d ", f, k);
		}
		fprintf(fp, f == 7 ? "<oops>" : "</corpus>");
		strbuf_adds(&want, f == 7 ? "R | " : "| ");
		fclose(fp);
		free(path);
	}
	inputs_expand(&in, args, 1);
	for (int jobs = 1; jobs <= 4; jobs++) {
		strbuf got = { 0 };
		struct batch_ops ops = { NULL, NULL, echo_work, collect, &got };
		struct batch_opts o = { jobs, NULL, 0 };
		struct batch_stats st;

		ck_assert_int_eq(batch_run(&in, &ops, &o, &st), 0);
		ck_assert_str_eq(got.s, want.s);
		ck_assert_uint_eq(st.inputs, 12);
		ck_assert_uint_eq(st.rejects, 1);
		strbuf_free(&got);
	}
	inputs_free(&in);
	strbuf_free(&want);
	{
		char *cmd = xasprintf("rm -rf '%s'", dir);

		ck_assert_int_eq(system(cmd), 0);
		free(cmd);
	}
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("run");
	TCase *tc = tcase_create("core");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_words);
	tcase_add_test(tc, test_syllables);
	tcase_add_test(tc, test_fk);
	tcase_add_test(tc, test_lsm);
	tcase_add_test(tc, test_fmt);
	tcase_add_test(tc, test_measure);
	tcase_add_test(tc, test_batch_order);
	suite_add_tcase(s, tc);
	return s;
}
