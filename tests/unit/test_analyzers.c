/* test_analyzers.c -- unit tests of the rules engine and the analyzers:
 * the match limit, byte spans, negation guards, context conditions,
 * parent implication, loader messages, analyze_session on a session. */
#include "config.h"

#include "unit.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "analyze.h"
#include "rules.h"
#include "sentence.h"
#include "session.h"
#include "tags.h"
#include "util.h"

#define tmpdir unit_tmpdir()
static int ndirs;

/* A new directory holding one rule file name with text; free() it. */
static char *
rule_dir(const char *name, const char *text)
{
	char *dir = xasprintf("%s/d%d", tmpdir, ndirs++);
	char *path = xasprintf("%s/%s", dir, name);
	FILE *f;

	ck_assert_int_eq(mkdir(dir, 0700), 0);
	f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	fclose(f);
	free(path);
	return dir;
}

static rules_set *
load_ok(const char *text)
{
	struct rules_errors errs = { 0 };
	char *dir = rule_dir("t.rules", text);
	rules_set *rs = rules_set_load(NULL, dir, &errs);
	char *msg = rules_errors_join(&errs);

	ck_assert_msg(errs.n == 0, "unexpected errors: %s", msg);
	ck_assert_ptr_nonnull(rs);
	free(msg);
	rules_errors_free(&errs);
	free(dir);
	return rs;
}

static const struct rules_rule *
first_rule(const rules_set *rs)
{
	size_t n;
	const struct rules_rule *r = rules_set_rules(rs, &n);

	ck_assert_uint_ge(n, 1);
	return r;
}

START_TEST(test_match_limit)
{
	rules_set *rs = load_ok(
	    "rule evil\ntag validation\npattern (a+)+$\n"
	    "example + aaa\nexample - b\n");
	rules_ctx *cx = rules_ctx_create(rs);
	const struct rules_rule *r = first_rule(rs);
	size_t n = 5000, s, e;
	char *text = xmalloc(n + 2);
	clock_t t0;

	memset(text, 'a', n);
	text[n] = 'b';
	text[n + 1] = '\0';
	t0 = clock();
	ck_assert_int_eq(rules_match(cx, r->pats[0], text, n + 1, 0, &s, &e),
	    0);
	/* Catastrophic backtracking is cut off, not waited out. */
	ck_assert_msg((double)(clock() - t0) / CLOCKS_PER_SEC < 5.0,
	    "match limit did not stop the match promptly");
	ck_assert_uint_eq(rules_ctx_limit_hits(cx), 1);
	/* Ordinary input still matches. */
	ck_assert_int_eq(rules_match(cx, r->pats[0], "aaaa", 4, 0, &s, &e), 1);
	free(text);
	rules_ctx_free(cx);
	rules_set_free(rs);
}
END_TEST

START_TEST(test_spans_and_guard)
{
	rules_set *rs = load_ok(
	    "rule v\ntag validation\n"
	    "pattern \\bmakes\\s+sense\\b\n"
	    "unless \\b(?:doesn't|does not)\\s+make\\s+sense\n"
	    "example + That makes sense.\nexample - That doesn't make sense.\n");
	rules_ctx *cx = rules_ctx_create(rs);
	const struct rules_rule *r = first_rule(rs);
	/* "é" is two bytes: spans are byte offsets. */
	const char *t = "Caf\xc3\xa9 talk. That makes sense.";
	struct rules_subject sub = { t, strlen(t), SIDE_THERAPIST,
	    RULES_PREV_CLIENT };
	size_t s, e;

	ck_assert_int_eq(rules_eval(cx, r, &sub, 0, &s, &e), 1);
	ck_assert_uint_eq(s, 17);
	ck_assert_uint_eq(e, 28);
	/* The guard applies to the sentence of the match only. */
	sub.text = "That doesn't make sense. It makes sense now.";
	sub.len = strlen(sub.text);
	ck_assert_int_eq(rules_eval(cx, r, &sub, 0, &s, &e), 1);
	ck_assert_uint_eq(s, 28);
	sub.text = "No, it does not make sense, it makes sense to nobody.";
	sub.len = strlen(sub.text);
	ck_assert_int_eq(rules_eval(cx, r, &sub, 0, &s, &e), 0);
	/* Curly apostrophes match a pattern's straight one. */
	sub.text = "That doesn\xe2\x80\x99t make sense, it makes sense.";
	sub.len = strlen(sub.text);
	ck_assert_int_eq(rules_eval(cx, r, &sub, 0, &s, &e), 0);
	/* Side: a therapist rule does not fire on the client side. */
	sub.text = "That makes sense.";
	sub.len = strlen(sub.text);
	sub.side = SIDE_CLIENT;
	ck_assert_int_eq(rules_eval(cx, r, &sub, 0, &s, &e), 0);
	rules_ctx_free(cx);
	rules_set_free(rs);
}
END_TEST

START_TEST(test_context_conditions)
{
	rules_set *rs = load_ok(
	    "rule enc\ntag encourager\npattern ^mm-hmm\\W*$\n"
	    "when previous client\nexample + Mm-hmm.\nexample - Go.\n\n"
	    "rule q\ntag collaboration\npattern \\bwould you like\\b\n"
	    "when question\nexample + Would you like to try?\n"
	    "example - Would you like to. Yes.\n");
	rules_ctx *cx = rules_ctx_create(rs);
	size_t n, s, e;
	const struct rules_rule *r = rules_set_rules(rs, &n);
	struct rules_subject sub = { "Mm-hmm.", 7, SIDE_THERAPIST,
	    RULES_PREV_CLIENT };

	ck_assert_uint_eq(n, 2);
	ck_assert_int_eq(rules_eval(cx, &r[0], &sub, 0, &s, &e), 1);
	sub.prev = RULES_PREV_THERAPIST;
	ck_assert_int_eq(rules_eval(cx, &r[0], &sub, 0, &s, &e), 0);
	sub.prev = RULES_PREV_NONE;
	ck_assert_int_eq(rules_eval(cx, &r[0], &sub, 0, &s, &e), 0);
	sub.text = "Okay. Would you like to try that?";
	sub.len = strlen(sub.text);
	ck_assert_int_eq(rules_eval(cx, &r[1], &sub, 0, &s, &e), 1);
	sub.text = "Would you like to know more. I can tell you.";
	sub.len = strlen(sub.text);
	ck_assert_int_eq(rules_eval(cx, &r[1], &sub, 0, &s, &e), 0);
	rules_ctx_free(cx);
	rules_set_free(rs);
}
END_TEST

START_TEST(test_sentences)
{
	const char *t = "Okay. So you \"feel\" it? Yes!  Done";
	size_t s, e, pos = 0, k = 0;
	static const char *const want[] = { "Okay.", "So you \"feel\" it?",
	    "Yes!", "Done" };

	while (sentence_next(t, strlen(t), &pos, &s, &e)) {
		ck_assert_uint_lt(k, 4);
		ck_assert_uint_eq(e - s, strlen(want[k]));
		ck_assert_int_eq(memcmp(t + s, want[k], e - s), 0);
		k++;
	}
	ck_assert_uint_eq(k, 4);
	ck_assert_int_eq(sentence_is_question(t, 6, 23), 1);
	ck_assert_int_eq(sentence_is_question(t, 0, 5), 0);
}
END_TEST

START_TEST(test_loader_messages)
{
	struct rules_errors errs = { 0 };
	char *dir = rule_dir("b.rules",
	    "rule x\ntag nonsense\npattern a(\nexample + a\n\n"
	    "rule y\ntag jargon\npattern foo\nexample + foo\nexample - bar\n"
	    "wibble 3\n");
	rules_set *rs = rules_set_load(NULL, dir, &errs);
	char *all = rules_errors_join(&errs), *p;

	ck_assert_ptr_nonnull(rs);
	ck_assert_ptr_nonnull(all);
	p = xasprintf("%s/b.rules:2: rule x: unknown tag 'nonsense'", dir);
	ck_assert_msg(strstr(all, p) != NULL, "%s", all);
	free(p);
	p = xasprintf("%s/b.rules:3: bad pattern at offset 2: ", dir);
	ck_assert_msg(strstr(all, p) != NULL, "%s", all);
	free(p);
	p = xasprintf("%s/b.rules:1: rule x: missing example", dir);
	ck_assert_msg(strstr(all, p) != NULL, "%s", all);
	free(p);
	p = xasprintf("%s/b.rules:6: rule y: a jargon rule needs term", dir);
	ck_assert_msg(strstr(all, p) != NULL, "%s", all);
	free(p);
	p = xasprintf("%s/b.rules:11: unknown key 'wibble'", dir);
	ck_assert_msg(strstr(all, p) != NULL, "%s", all);
	free(p);
	free(all);
	rules_errors_free(&errs);
	rules_set_free(rs);
	free(dir);
}
END_TEST

START_TEST(test_lexicon)
{
	rules_set *rs = load_ok("lexicon jargon\n"
	    "follow-up | next visit\nCBT | talking therapy\n");
	rules_ctx *cx = rules_ctx_create(rs);
	size_t n, s, e;
	const struct rules_rule *r = rules_set_rules(rs, &n);
	struct rules_subject sub = { "We booked two follow ups.", 25,
	    SIDE_THERAPIST, RULES_PREV_CLIENT };

	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(r[0].name, "jargon.follow-up");
	ck_assert_str_eq(r[0].plain, "next visit");
	ck_assert_int_eq(rules_eval(cx, &r[0], &sub, 0, &s, &e), 1);
	ck_assert_uint_eq(s, 14);
	ck_assert_uint_eq(e, 24);
	/* Acronyms match their case only. */
	sub.text = "I like cbt.";
	sub.len = strlen(sub.text);
	ck_assert_int_eq(rules_eval(cx, &r[1], &sub, 0, &s, &e), 0);
	ck_assert_uint_eq(rules_check_examples(rs, &(struct rules_errors){0}),
	    4);
	rules_ctx_free(cx);
	rules_set_free(rs);
}
END_TEST

/* A session: T/C speakers, utterances alternate as given (who[i]). */
static session *
make_session(const char *const *text, const char *who, size_t n)
{
	session *s = session_create();

	s->id = "U1";
	s->clinician = "C1";
	session_add_speaker(s, "T", SESSION_ROLE_THERAPIST, NULL);
	session_add_speaker(s, "C", SESSION_ROLE_CLIENT, NULL);
	for (size_t i = 0; i < n; i++) {
		struct session_utt u = { .index = i,
			.speaker = who[i] == 'T' ? 0 : 1,
			.text = arena_strdup(s->arena, text[i]),
			.len = strlen(text[i]), .start = NAN, .end = NAN };

		session_push_utt(s, &u);
	}
	return s;
}

static int
tag_of(const char *name)
{
	return tags_lookup(name, strlen(name));
}

START_TEST(test_analyze_session)
{
	static const char *const text[] = {
		"I've been drinking every night and my wife is furious.",
		"It sounds like part of you wants to stop.",
		"Yeah, I guess.",
		"Mm-hmm.",
		"Mm-hmm.",
		"What would you like to do about it?",
		"Do you drink alone?",
		"That doesn't make sense.",
	};
	char *why = NULL;
	analyze_ruleset *rs;
	analyze_ctx *cx;
	struct analyze_result res = { 0 };
	session *s = make_session(text, "CTCTTTTT", 8);

	setenv("RAPPORT_RULES", RAPPORT_SRCDIR "/analyzers/rules", 1);
	rs = analyze_ruleset_load(NULL, 0, &why);
	ck_assert_msg(rs != NULL, "%s", why ? why : "");
	ck_assert_uint_eq(strlen(analyze_ruleset_hash(rs)), 64);
	cx = analyze_ctx_create(rs);
	ck_assert_int_eq(analyze_session(cx, s, &res), 0);
	ck_assert_uint_eq(res.nutts, 8);
	/* Parent implied by child. */
	ck_assert(analyze_has(&res.utts[1], tag_of("reflection.complex")));
	ck_assert(analyze_has(&res.utts[1], tag_of("reflection")));
	ck_assert(!analyze_has(&res.utts[1], tag_of("reflection.simple")));
	ck_assert(!analyze_has(&res.utts[0], tag_of("reflection")));
	/* Encourager needs a client utterance just before. */
	ck_assert(analyze_has(&res.utts[3], tag_of("encourager")));
	ck_assert(!analyze_has(&res.utts[4], tag_of("encourager")));
	ck_assert(analyze_has(&res.utts[5], tag_of("question.open")));
	ck_assert(analyze_has(&res.utts[6], tag_of("question.closed")));
	ck_assert(analyze_has(&res.utts[6], tag_of("question")));
	ck_assert(!analyze_has(&res.utts[7], tag_of("validation")));
	/* Reuse across sessions: a shorter session resets the result. */
	session_free(s);
	s = make_session(text + 5, "T", 1);
	ck_assert_int_eq(analyze_session(cx, s, &res), 0);
	ck_assert_uint_eq(res.nutts, 1);
	ck_assert(analyze_has(&res.utts[0], tag_of("question.open")));
	session_free(s);
	analyze_result_free(&res);
	analyze_ctx_free(cx);
	analyze_ruleset_free(rs);
}
END_TEST

/* Load the bundled rules, tag text (speakers in who) and return the
 * result; the caller frees everything through done_session(). */
struct tagged {
	analyze_ruleset		*rs;
	analyze_ctx		*cx;
	session			*s;
	struct analyze_result	 res;
};

static void
tag_session(struct tagged *t, const char *const *text, const char *who,
    size_t n)
{
	char *why = NULL;

	memset(t, 0, sizeof(*t));
	setenv("RAPPORT_RULES", RAPPORT_SRCDIR "/analyzers/rules", 1);
	t->rs = analyze_ruleset_load(NULL, 0, &why);
	ck_assert_msg(t->rs != NULL, "%s", why ? why : "");
	t->cx = analyze_ctx_create(t->rs);
	t->s = make_session(text, who, n);
	ck_assert_int_eq(analyze_session(t->cx, t->s, &t->res), 0);
}

static void
done_session(struct tagged *t)
{
	session_free(t->s);
	analyze_result_free(&t->res);
	analyze_ctx_free(t->cx);
	analyze_ruleset_free(t->rs);
}

/* Reflections are decided sentence by sentence: a directive is not a
 * reflection, a turn that informs and then reflects, or reflects and
 * then asks, keeps its reflection, and a rising reflection after a
 * backchannel answers what the client said before it. */
START_TEST(test_reflection_sentences)
{
	static const char *const text[] = {
		"I work nights and the kids are up at six.",
		"You should cut down on the overtime.",
		"I've been so tired since the move.",
		"Your blood test came back normal. It sounds like the move "
		    "has worn you out.",
		"The mornings are the worst, honestly.",
		"So you're exhausted. What time do you go to bed?",
		"Yeah.",
		"So mornings are hardest for you?",
	};
	struct tagged t;

	tag_session(&t, text, "CTCTCTCT", 8);
	ck_assert(analyze_has(&t.res.utts[1], tag_of("directive")));
	ck_assert(!analyze_has(&t.res.utts[1], tag_of("reflection")));
	ck_assert(analyze_has(&t.res.utts[3], tag_of("reflection")));
	ck_assert(analyze_has(&t.res.utts[5], tag_of("reflection")));
	ck_assert(analyze_has(&t.res.utts[5], tag_of("question")));
	ck_assert(analyze_has(&t.res.utts[7], tag_of("reflection")));
	done_session(&t);
}
END_TEST

/* Change and sustain talk: negation and the target behaviour decide the
 * direction; a short answer goes the way of what it answers. */
START_TEST(test_talk)
{
	static const char *const text[] = {
		"I don't want to stop.",
		"I don't want to drink any more.",
		"So you'd like to cut down.",
		"Yes.",
		"Do you want to quit?",
		"No.",
		"So you don't want to end up back in court.",
		"No.",
	};
	struct tagged t;

	tag_session(&t, text, "CCTCTCTC", 8);
	ck_assert(analyze_has(&t.res.utts[0], tag_of("sustain-talk")));
	ck_assert(!analyze_has(&t.res.utts[0], tag_of("change-talk")));
	ck_assert(analyze_has(&t.res.utts[1], tag_of("change-talk")));
	ck_assert(analyze_has(&t.res.utts[3], tag_of("change-talk")));
	ck_assert(analyze_has(&t.res.utts[5], tag_of("sustain-talk")));
	ck_assert(analyze_has(&t.res.utts[7], tag_of("change-talk")));
	/* Client talk only on the client side. */
	ck_assert(!analyze_has(&t.res.utts[2], tag_of("change-talk")));
	done_session(&t);
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("analyzers");
	TCase *tc = tcase_create("core");

	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_match_limit);
	tcase_add_test(tc, test_spans_and_guard);
	tcase_add_test(tc, test_context_conditions);
	tcase_add_test(tc, test_sentences);
	tcase_add_test(tc, test_loader_messages);
	tcase_add_test(tc, test_lexicon);
	tcase_add_test(tc, test_analyze_session);
	tcase_add_test(tc, test_reflection_sentences);
	tcase_add_test(tc, test_talk);
	suite_add_tcase(s, tc);
	return s;
}
