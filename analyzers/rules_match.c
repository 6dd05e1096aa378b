/* rules_match.c -- run compiled rules with limits (rules.h).
 *
 * Each thread owns a rules_ctx: PCRE2 match data, a match context with the
 * match, depth and heap limits, and a JIT stack. A match that hits a limit
 * counts as no match and is counted, so no pattern and no input can hang
 * a run.
 *
 * With a prefilter (prefilter.h) the context also owns a Vectorscan
 * scratch and the verdicts of the last RULES_SCANS texts scanned: the
 * first rule evaluated on a text scans it once, and every rule the scan
 * does not report is known not to match there, so its PCRE2 patterns are
 * not run. The verdict belongs to the exact bytes scanned; a rule
 * evaluated on a sentence is judged by a scan of that sentence, since an
 * anchor or a lookbehind can match at a sentence's edge and nowhere in
 * the whole utterance.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules.h"
#include "rules_internal.h"
#include "sentence.h"
#include "util.h"

rules_ctx *
rules_ctx_create(const rules_set *rs)
{
	rules_ctx *cx = xcalloc(1, sizeof(*cx));

	cx->md = pcre2_match_data_create(rs != NULL ? rs->max_pairs : 1,
	    NULL);
	cx->mc = pcre2_match_context_create(NULL);
	cx->js = pcre2_jit_stack_create(32 * 1024, RULES_JIT_STACK_MAX, NULL);
	if (cx->md == NULL || cx->mc == NULL) {
		fprintf(stderr, "rapport: out of memory (PCRE2 match data)\n");
		abort();
	}
	pcre2_set_match_limit(cx->mc, RULES_MATCH_LIMIT);
	pcre2_set_depth_limit(cx->mc, RULES_DEPTH_LIMIT);
	pcre2_set_heap_limit(cx->mc, RULES_HEAP_LIMIT_KIB);
	if (cx->js != NULL)
		pcre2_jit_stack_assign(cx->mc, NULL, cx->js);
	cx->rs = rs;
	if (rs != NULL && rs->pf != NULL) {
		cx->ps = prefilter_scratch_create(rs->pf);
		for (size_t i = 0; i < RULES_SCANS; i++) {
			cx->scans[i].found = xcalloc(prefilter_words(rs->pf),
			    sizeof(uint64_t));
			cx->scans[i].verdict = xcalloc(rs->n + 1, 1);
		}
	}
	return cx;
}

void
rules_ctx_free(rules_ctx *cx)
{
	if (cx == NULL)
		return;
	pcre2_match_data_free(cx->md);
	pcre2_match_context_free(cx->mc);
	pcre2_jit_stack_free(cx->js);
	prefilter_scratch_free(cx->ps);
	for (size_t i = 0; i < RULES_SCANS; i++) {
		free(cx->scans[i].text);
		free(cx->scans[i].found);
		free(cx->scans[i].verdict);
	}
	free(cx);
}

unsigned long
rules_ctx_limit_hits(const rules_ctx *cx)
{
	return cx->limit_hits;
}

int
rules_match(rules_ctx *cx, const pcre2_code *re, const char *subject,
    size_t len, size_t from, size_t *start, size_t *end)
{
	int rc;
	PCRE2_SIZE *ov;

	if (from > len)
		return 0;
	/* PCRE2_NO_UTF_CHECK: ingest hands over valid UTF-8 only, and from
	 * is always on a character boundary (see next_char()). */
	rc = pcre2_match(re, (PCRE2_SPTR)subject, len, from,
	    PCRE2_NO_UTF_CHECK, cx->md, cx->mc);
	if (rc >= 0) {
		ov = pcre2_get_ovector_pointer(cx->md);
		*start = ov[0];
		*end = ov[1];
		/* \K can put the start after the end; keep spans ordered. */
		if (*end < *start)
			*end = *start;
		return 1;
	}
	if (rc == PCRE2_ERROR_NOMATCH)
		return 0;
	if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
	    rc == PCRE2_ERROR_HEAPLIMIT || rc == PCRE2_ERROR_JIT_STACKLIMIT ||
	    rc == PCRE2_ERROR_NOMEMORY) {
		cx->limit_hits++;
		return 0;
	}
	return -1;
}

/* The prefilter's verdict on [text, text+len): a kept one when the same
 * bytes were scanned, else a new scan into the least recently used
 * entry. */
static struct rules_scan *
scan_of(rules_ctx *cx, const char *text, size_t len)
{
	struct rules_scan *e = NULL;

	cx->clock++;
	for (size_t i = 0; i < RULES_SCANS; i++) {
		struct rules_scan *c = &cx->scans[i];

		if (c->valid && c->len == len &&
		    (len == 0 || memcmp(c->text, text, len) == 0)) {
			c->used = cx->clock;
			return c;
		}
		if (e == NULL || !c->valid || (e->valid && c->used < e->used))
			e = c;
	}
	e->valid = 0;
	if (len + 1 > e->cap) {
		e->cap = len + 1;
		free(e->text);
		e->text = xmalloc(e->cap);
	}
	memcpy(e->text, text, len);
	e->len = len;
	e->all = prefilter_scan(cx->rs->pf, cx->ps, text, len, e->found) != 0;
	memset(e->verdict, 0, cx->rs->n);
	e->valid = 1;
	e->used = cx->clock;
	return e;
}

int
rules_may_match(rules_ctx *cx, const struct rules_rule *r,
    const struct rules_subject *sub)
{
	struct rules_scan *e;
	size_t i;

	if (cx->ps == NULL || r < cx->rs->rules ||
	    r >= cx->rs->rules + cx->rs->n)
		return 1;
	i = (size_t)(r - cx->rs->rules);
	e = scan_of(cx, sub->text, sub->len);
	if (e->all)
		return 1;
	if (e->verdict[i] == 0)
		e->verdict[i] = prefilter_may(cx->rs->pf, e->found, i) ? 1 : 2;
	return e->verdict[i] == 1;
}

int
rules_pattern_may_match(rules_ctx *cx, const struct rules_rule *r,
    const struct rules_subject *sub, size_t p)
{
	struct rules_scan *e;

	if (cx->ps == NULL || r < cx->rs->rules ||
	    r >= cx->rs->rules + cx->rs->n)
		return 1;
	e = scan_of(cx, sub->text, sub->len);
	if (e->all)
		return 1;
	return prefilter_may_pattern(cx->rs->pf, e->found,
	    (size_t)(r - cx->rs->rules), p);
}

/* Offset of the character after the one at i (UTF-8 lead byte). */
static size_t
next_char(const char *t, size_t len, size_t i)
{
	if (i >= len)
		return len + 1;
	i++;
	while (i < len && ((unsigned char)t[i] & 0xC0) == 0x80)
		i++;
	return i;
}

int
rules_eval(rules_ctx *cx, const struct rules_rule *r,
    const struct rules_subject *sub, size_t from, size_t *start,
    size_t *end)
{
	size_t best_s = 0, best_e = 0;
	int found = 0;

	if (r->side != SIDE_ANY && r->side != sub->side)
		return 0;
	if (r->prev != RULES_PREV_ANY && r->prev != sub->prev)
		return 0;
	if (!rules_may_match(cx, r, sub))
		return 0;
	for (size_t p = 0; p < r->npats; p++) {
		size_t pos = from, ms, me, ss, se;

		if (r->npats > 1 && !rules_pattern_may_match(cx, r, sub, p))
			continue;
		while (rules_match(cx, r->pats[p], sub->text, sub->len, pos,
		    &ms, &me) == 1) {
			int ok = 1;

			if (found && ms >= best_s)
				break;	/* cannot beat the best so far */
			sentence_of(sub->text, sub->len, ms, &ss, &se);
			if (se < me)
				se = me;	/* a match across sentences */
			if (r->mood != RULES_MOOD_ANY) {
				int q = sentence_is_question(sub->text, ss, se);

				if (q != (r->mood == RULES_MOOD_QUESTION))
					ok = 0;
			}
			for (size_t u = 0; ok && u < r->nunless; u++) {
				size_t us, ue;

				if (rules_match(cx, r->unless[u],
				    sub->text + ss, se - ss, 0, &us, &ue) == 1)
					ok = 0;
			}
			if (ok) {
				best_s = ms;
				best_e = me;
				found = 1;
				break;
			}
			pos = se > ms ? se : next_char(sub->text, sub->len, ms);
			if (pos <= ms)
				pos = next_char(sub->text, sub->len, ms);
		}
	}
	if (found) {
		*start = best_s;
		*end = best_e;
	}
	return found;
}

size_t
rules_check_examples(const rules_set *rs, struct rules_errors *errs)
{
	rules_ctx *cx = rules_ctx_create(rs);
	size_t n = 0;

	for (size_t i = 0; i < rs->n; i++) {
		const struct rules_rule *r = &rs->rules[i];

		for (size_t j = 0; j < r->nexamples; j++) {
			const struct rules_example *ex = &r->examples[j];
			struct rules_subject sub;
			size_t s = 0, e = 0;
			int fired;

			sub.text = ex->text;
			sub.len = strlen(ex->text);
			sub.side = r->side == SIDE_CLIENT ?
			    SIDE_CLIENT : SIDE_THERAPIST;
			sub.prev = r->prev == RULES_PREV_ANY ?
			    RULES_PREV_CLIENT : r->prev;
			fired = rules_eval(cx, r, &sub, 0, &s, &e);
			n++;
			if (ex->positive && !fired)
				rules_errors_add(errs, "%s:%ld: rule %s: "
				    "positive example does not match",
				    r->file, ex->line, r->name);
			else if (!ex->positive && fired)
				rules_errors_add(errs, "%s:%ld: rule %s: "
				    "negative example matches at bytes "
				    "%zu-%zu (\"%.*s\")", r->file, ex->line,
				    r->name, s, e, (int)(e - s), ex->text + s);
		}
	}
	rules_ctx_free(cx);
	return n;
}
