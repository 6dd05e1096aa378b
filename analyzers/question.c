/* question.c -- open and closed questions, sentence by sentence.
 *
 * A therapist utterance is split into sentences (sentence_of()). A
 * sentence is a question when it ends in '?' or when a question rule that
 * allows statements fires on it ("Tell me about that.", "I wonder what you
 * make of it.", an auxiliary-initial "Do you drink at weekends." whose
 * question mark the transcriber dropped). Following MITI 4.2.1 (Moyers et
 * al. 2014, p. 14-15), an open question invites a wide range of answers
 * (what/how/why, tell me, describe); a closed one asks for yes/no, a short
 * fact or a choice from a list. A '?' sentence with no open cue is closed:
 * declarative questions ("You've been drinking more?") and tag questions
 * ("..., right?") ask for confirmation.
 *
 * Not questions: a one-word sentence ending in '?' ("Okay?", "Sorry?",
 * "Yeah?") is a check-in or a request to repeat, not a question about the
 * client's experience, and counting it would inflate the question count.
 *
 * One question tag per utterance (an utterance is coded once in MITI):
 * open when any question sentence in it is open, else closed. Its span is
 * the first question sentence of that type. The rule that decided it is
 * reported; "question.mark" when only the question mark did.
 *
 * Rules used: tag question.open and question.closed in question.rules.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "analyzer.h"
#include "sentence.h"
#include "tags.h"
#include "util.h"

struct question {
	const struct rules_rule	**open, **closed;
	size_t			  nopen, nclosed;
	int			  t_open, t_closed;
};

static void *
question_init(const rules_set *rs, char **why)
{
	struct question *q = xcalloc(1, sizeof(*q));
	const struct rules_rule *all;
	size_t n;

	(void)why;
	all = rules_set_rules(rs, &n);
	q->t_open = TAG_QUESTION_OPEN;
	q->t_closed = TAG_QUESTION_CLOSED;
	q->open = xcalloc(n ? n : 1, sizeof(*q->open));
	q->closed = xcalloc(n ? n : 1, sizeof(*q->closed));
	for (size_t i = 0; i < n; i++) {
		if (all[i].tag == q->t_open)
			q->open[q->nopen++] = &all[i];
		else if (all[i].tag == q->t_closed)
			q->closed[q->nclosed++] = &all[i];
		/* Rules tagged "question" alone are treated as closed cues. */
		else if (tags_is_a(all[i].tag, TAG_QUESTION))
			q->closed[q->nclosed++] = &all[i];
	}
	return q;
}

static void
question_free(void *state)
{
	struct question *q = state;

	if (q == NULL)
		return;
	free(q->open);
	free(q->closed);
	free(q);
}

/* Number of words (runs of letters, digits, apostrophes) in t[0..n). */
static size_t
count_words(const char *t, size_t n)
{
	size_t w = 0;
	int in = 0;

	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)t[i];
		int wc = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '\'' || c >= 0x80;

		if (wc && !in)
			w++;
		in = wc;
	}
	return w;
}

/* First rule of list firing on the sentence, or NULL. */
static const struct rules_rule *
first_firing(rules_ctx *cx, const struct rules_rule **list, size_t n,
    const struct rules_subject *sub)
{
	size_t s, e;

	for (size_t i = 0; i < n; i++)
		if (rules_eval(cx, list[i], sub, 0, &s, &e))
			return list[i];
	return NULL;
}

static int
question_run(const void *state, rules_ctx *cx, const struct analyzer_input *in,
    struct analyze_utt *out)
{
	const struct question *q = state;
	const char *t = in->sub.text;
	size_t len = in->sub.len, pos = 0, s, e;
	int have_open = 0, have_closed = 0;
	size_t os = 0, oe = 0, cs = 0, ce = 0;
	const char *orule = NULL, *crule = NULL;

	if (in->sub.side != SIDE_THERAPIST)
		return 0;
	while (sentence_next(t, len, &pos, &s, &e)) {
		struct rules_subject sub = in->sub;
		const struct rules_rule *ro, *rc;
		int mark;

		sub.text = t + s;
		sub.len = e - s;
		mark = sentence_is_question(t, s, e);
		if (mark && count_words(sub.text, sub.len) < 2)
			continue;
		ro = first_firing(cx, q->open, q->nopen, &sub);
		rc = ro != NULL ? NULL :
		    first_firing(cx, q->closed, q->nclosed, &sub);
		if (ro != NULL) {
			if (!have_open) {
				os = s;
				oe = e;
				orule = ro->name;
			}
			have_open = 1;
		} else if (rc != NULL || mark) {
			if (!have_closed) {
				cs = s;
				ce = e;
				crule = rc != NULL ? rc->name : "question.mark";
			}
			have_closed = 1;
		}
	}
	if (have_open)
		analyzer_add(out, q->t_open, os, oe, orule, NULL, NULL);
	else if (have_closed)
		analyzer_add(out, q->t_closed, cs, ce, crule, NULL, NULL);
	return 0;
}

const struct analyzer analyzer_question = {
	"question", TAG_QUESTION, question_init, question_run, question_free
};
