/* generic.c -- the rule-driven analyzer: every rule whose tag no family
 * analyzer claims (validation, affirmation, encourager, jargon, ...).
 *
 * A tag is added once per utterance, by the first rule in load order that
 * fires, except jargon: every occurrence of every term is a tag (jargon
 * is counted per 1000 words, docs/architecture.md section 5). Where two jargon terms
 * overlap ("bipolar disorder", "disorder") the longer match wins.
 *
 * The lexicon has hundreds of rules and most utterances hold no jargon, so
 * a rule made from a lexicon TERM runs only when the utterance has a word
 * its pattern could start with: the term's first word, possibly with "s"
 * or "es" added (the pattern is \bTERM(?:e?s)?\b). Words are ASCII letter
 * and digit runs compared without case; any other byte separates words,
 * so every place the pattern can match is found -- the filter only skips
 * rules that cannot fire. Terms whose first word is not plain ASCII run
 * always.
 *
 * Jargon tagging is linear in the utterance (an 8 MiB utterance of "CBT
 * CBT ..." once took hours): a repeated word adds its rules once to the
 * candidates; a lexicon rule (no mood, no unless) is matched with
 * rules_match() directly, pattern by pattern, each pattern's next match
 * remembered while it lies ahead, rather than by rules_eval(), which
 * finds the sentence around every match (a scan back to the sentence
 * start, so quadratic in one long sentence); and the hits are kept as a
 * sorted list of disjoint spans into which each rule's hits (themselves
 * in order and disjoint) are merged in one pass, instead of comparing
 * every hit with every tag. The result is the one the hit-by-hit rule
 * above gives. A jargon rule with a mood or unless (none is bundled)
 * still goes through rules_eval(), whose cost per hit is the length of
 * the hit's sentence.
 */
#include "config.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "analyzer.h"
#include "tags.h"
#include "util.h"

/* A lexicon rule's first word, lower case. */
struct key {
	char	word[32];
	size_t	rule;		/* index into generic.rules */
};

struct generic {
	const struct rules_rule	**rules;
	size_t			  n;
	int			  jargon;	/* tag index */
	unsigned char		 *keyed;	/* per rule: runs only on a key */
	struct key		 *keys;		/* sorted by word */
	size_t			  nkeys;
	size_t			 *table;	/* hash of words -> first key + 1 */
	size_t			  tsize;	/* a power of two */
};

#define MAX_CANDIDATES	64

static size_t
word_hash(const char *w, size_t n)
{
	size_t h = 2166136261u;		/* FNV-1a */

	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)w[i]) * 16777619u;
	return h;
}

static int
size_cmp(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return (x > y) - (x < y);
}

static int
key_cmp(const void *a, const void *b)
{
	const struct key *x = a, *y = b;
	int c = strcmp(x->word, y->word);

	return c != 0 ? c : (x->rule > y->rule) - (x->rule < y->rule);
}

/* The first word of a term, lower case, when it is plain ASCII letters
 * and digits (then 1), else 0. */
static int
first_word(const char *term, char *word, size_t size)
{
	size_t n = 0;

	for (; isalnum((unsigned char)*term); term++) {
		if (n + 1 >= size)
			return 0;
		word[n++] = (char)tolower((unsigned char)*term);
	}
	word[n] = '\0';
	return n > 0 && ((unsigned char)*term < 0x80);
}

static void
index_keys(struct generic *g)
{
	g->keyed = xcalloc(g->n ? g->n : 1, 1);
	g->keys = xcalloc(g->n ? g->n : 1, sizeof(*g->keys));
	for (size_t i = 0; i < g->n; i++) {
		const struct rules_rule *r = g->rules[i];
		struct key *k = &g->keys[g->nkeys];

		if (!r->from_term || r->term == NULL ||
		    !first_word(r->term, k->word, sizeof(k->word)))
			continue;
		k->rule = i;
		g->keyed[i] = 1;
		g->nkeys++;
	}
	qsort(g->keys, g->nkeys, sizeof(*g->keys), key_cmp);
	for (g->tsize = 16; g->tsize < 4 * g->nkeys; g->tsize *= 2)
		;
	g->table = xcalloc(g->tsize, sizeof(*g->table));
	for (size_t i = 0; i < g->nkeys; i++) {
		size_t len = strlen(g->keys[i].word), h;

		if (i > 0 && strcmp(g->keys[i - 1].word, g->keys[i].word) == 0)
			continue;	/* the table holds a word's first key */
		h = word_hash(g->keys[i].word, len) & (g->tsize - 1);
		while (g->table[h] != 0)
			h = (h + 1) & (g->tsize - 1);
		g->table[h] = i + 1;
	}
}

/* Add the rules keyed by word (n bytes, lower case) to cand, each once.
 * Returns -1 when there are more than MAX_CANDIDATES. */
static int
lookup(const struct generic *g, const char *word, size_t n, size_t *cand,
    size_t *ncand)
{
	size_t h, k;

	if (g->nkeys == 0 || n >= sizeof(g->keys[0].word))
		return 0;
	for (h = word_hash(word, n) & (g->tsize - 1); g->table[h] != 0;
	    h = (h + 1) & (g->tsize - 1)) {
		k = g->table[h] - 1;
		if (strncmp(g->keys[k].word, word, n) != 0 ||
		    g->keys[k].word[n] != '\0')
			continue;
		for (; k < g->nkeys && strncmp(g->keys[k].word, word, n) == 0 &&
		    g->keys[k].word[n] == '\0'; k++) {
			size_t c = 0;

			/* A word said again adds nothing new. */
			while (c < *ncand && cand[c] != g->keys[k].rule)
				c++;
			if (c < *ncand)
				continue;
			if (*ncand == MAX_CANDIDATES)
				return -1;
			cand[(*ncand)++] = g->keys[k].rule;
		}
		return 0;
	}
	return 0;
}

/* Which keyed rules could fire on text: their indexes in cand (unsorted).
 * Returns -1 when too many could (then run them all). */
static int
candidates(const struct generic *g, const char *text, size_t len,
    size_t *cand, size_t *ncand)
{
	char w[34];

	*ncand = 0;
	for (size_t i = 0; i < len; ) {
		size_t n = 0;

		if (!isalnum((unsigned char)text[i]) ||
		    (unsigned char)text[i] >= 0x80) {
			i++;
			continue;
		}
		for (; i < len && (unsigned char)text[i] < 0x80 &&
		    isalnum((unsigned char)text[i]); i++)
			if (n < sizeof(w))
				w[n++] = (char)tolower((unsigned char)text[i]);
		if (n > 32)
			continue;	/* longer than any key plus "es" */
		/* The word itself, or it minus a plural "s" / "es". */
		if (lookup(g, w, n, cand, ncand) != 0 ||
		    (n > 1 && w[n - 1] == 's' &&
		    lookup(g, w, n - 1, cand, ncand) != 0) ||
		    (n > 2 && w[n - 1] == 's' && w[n - 2] == 'e' &&
		    lookup(g, w, n - 2, cand, ncand) != 0))
			return -1;
	}
	return 0;
}

static void *
generic_init(const rules_set *rs, char **why)
{
	struct generic *g = xcalloc(1, sizeof(*g));
	const struct rules_rule *all;
	size_t n;

	(void)why;
	all = rules_set_rules(rs, &n);
	g->rules = xcalloc(n ? n : 1, sizeof(*g->rules));
	for (size_t i = 0; i < n; i++)
		if (!analyzer_claimed(all[i].tag))
			g->rules[g->n++] = &all[i];
	g->jargon = TAG_JARGON;
	index_keys(g);
	return g;
}

static void
generic_free(void *state)
{
	struct generic *g = state;

	if (g == NULL)
		return;
	free(g->keyed);
	free(g->keys);
	free(g->table);
	free(g->rules);
	free(g);
}

/* A jargon hit: its span and rule. */
struct hit {
	size_t			 s, e;
	const struct rules_rule	*r;
};

/* The jargon hits of one utterance: spans sorted by start, pairwise
 * disjoint (add_hits() keeps them so). */
struct hits {
	struct hit	*v;
	size_t		 n, cap;
};

/* Merge the hits h[0..nh) of one rule (sorted, disjoint) into j, with
 * the rule of the hit-by-hit version: a hit is dropped when a tag it
 * overlaps is at least as long, and otherwise replaces every tag it
 * overlaps. Taking h in order gives that rule's result: an earlier hit
 * of h never overlaps a later one, and the tags a hit overlaps are one
 * run of j, since j is sorted and disjoint. O(j->n + nh). */
static void
add_hits(struct hits *j, const struct hit *h, size_t nh, struct hits *tmp)
{
	size_t i = 0;

	tmp->n = 0;
	for (size_t k = 0; k < nh; k++) {
		size_t s = h[k].s, e = h[k].e, m;
		int keep = 1;

		while (i < j->n && j->v[i].e <= s) {
			tmp->v = xgrow(tmp->v, &tmp->cap, tmp->n + 1,
			    sizeof(*tmp->v));
			tmp->v[tmp->n++] = j->v[i++];
		}
		/* j->v[i..m) overlap [s, e); an empty hit overlaps nothing,
		 * as t->start < e && s < t->end says. */
		for (m = i; m < j->n && j->v[m].s < e && s < j->v[m].e; m++)
			if (j->v[m].e - j->v[m].s >= e - s)
				keep = 0;
		if (!keep)
			continue;
		i = m;
		tmp->v = xgrow(tmp->v, &tmp->cap, tmp->n + 1, sizeof(*tmp->v));
		tmp->v[tmp->n++] = h[k];
	}
	for (; i < j->n; i++) {
		tmp->v = xgrow(tmp->v, &tmp->cap, tmp->n + 1, sizeof(*tmp->v));
		tmp->v[tmp->n++] = j->v[i];
	}
	/* Swap the buffers: tmp becomes the list, j the scratch. */
	{
		struct hits t = *j;

		*j = *tmp;
		*tmp = t;
	}
}

/* The next match of jargon rule r from `from`, as rules_eval() finds it
 * for a rule without mood or unless: the earliest start over its
 * patterns, the first pattern on a tie. next[p] remembers pattern p's
 * last match (next[p].e == SIZE_MAX: none looked for yet); it stays
 * valid while its start is at or after from, since where a pattern
 * matches does not depend on where the search starts. A search that
 * hit the match limit is not remembered, so it is retried (and counted)
 * as rules_eval() would. */
static int
next_hit(rules_ctx *cx, const struct rules_rule *r,
    const struct rules_subject *sub, size_t from, struct hit *next,
    size_t *start, size_t *end)
{
	int found = 0;

	for (size_t p = 0; p < r->npats; p++) {
		struct hit *c = &next[p];

		if (c->e == SIZE_MAX && r->npats > 1 &&
		    !rules_pattern_may_match(cx, r, sub, p)) {
			c->s = c->e = 0;
			c->r = NULL;	/* the prefilter: no match at all */
		}
		if (c->e == SIZE_MAX || (c->r != NULL && c->s < from)) {
			unsigned long lim = rules_ctx_limit_hits(cx);
			size_t ms, me;

			if (rules_match(cx, r->pats[p], sub->text, sub->len,
			    from, &ms, &me) == 1) {
				c->s = ms;
				c->e = me;
				c->r = r;
			} else if (rules_ctx_limit_hits(cx) == lim) {
				c->s = c->e = 0;
				c->r = NULL;	/* no match from here on */
			} else
				continue;	/* limit: not remembered */
		}
		if (c->r == NULL)
			continue;
		if (!found || c->s < *start) {
			*start = c->s;
			*end = c->e;
			found = 1;
		}
	}
	return found;
}

/* Every hit of jargon rule r in the utterance, in order, into h. */
static void
rule_hits(rules_ctx *cx, const struct rules_rule *r,
    const struct rules_subject *sub, struct hits *h)
{
	struct hit one = { 0, SIZE_MAX, NULL }, *next = &one;
	int direct = r->mood == RULES_MOOD_ANY && r->nunless == 0;
	size_t s, e, from = 0;

	h->n = 0;
	if (r->side != SIDE_ANY && r->side != sub->side)
		return;
	if (r->prev != RULES_PREV_ANY && r->prev != sub->prev)
		return;
	if (!rules_may_match(cx, r, sub))
		return;
	if (direct && r->npats > 1) {
		next = xcalloc(r->npats, sizeof(*next));
		for (size_t p = 0; p < r->npats; p++)
			next[p].e = SIZE_MAX;
	}
	while (from <= sub->len && (direct ?
	    next_hit(cx, r, sub, from, next, &s, &e) :
	    rules_eval(cx, r, sub, from, &s, &e))) {
		h->v = xgrow(h->v, &h->cap, h->n + 1, sizeof(*h->v));
		h->v[h->n++] = (struct hit){ s, e, r };
		from = e > s ? e : s + 1;
		while (from < sub->len &&
		    ((unsigned char)sub->text[from] & 0xC0) == 0x80)
			from++;
	}
	if (next != &one)
		free(next);
}

static int
generic_run(const void *state, rules_ctx *cx, const struct analyzer_input *in,
    struct analyze_utt *out)
{
	const struct generic *g = state;
	size_t cand[MAX_CANDIDATES], ncand = 0, next = 0;
	int all = candidates(g, in->sub.text, in->sub.len, cand, &ncand) != 0;
	struct hits jargon = { 0 }, found = { 0 }, tmp = { 0 };

	/* Candidates in rule order, so rules still run in load order. */
	if (!all)
		qsort(cand, ncand, sizeof(*cand), size_cmp);
	for (size_t i = 0; i < g->n; i++) {
		const struct rules_rule *r = g->rules[i];
		size_t s, e;

		if (g->keyed[i] && !all) {
			while (next < ncand && cand[next] < i)
				next++;
			if (next == ncand || cand[next] != i)
				continue;	/* its first word is absent */
		}
		if (r->tag == g->jargon) {
			/* Only this analyzer adds jargon tags, so the list
			 * starts empty and holds all of them. */
			rule_hits(cx, r, &in->sub, &found);
			if (found.n > 0)
				add_hits(&jargon, found.v, found.n, &tmp);
			continue;
		}
		if (analyzer_holds(out, r->tag))
			continue;
		if (rules_eval(cx, r, &in->sub, 0, &s, &e))
			analyzer_add(out, r->tag, s, e, r->name, NULL, NULL);
	}
	/* analyze_session() sorts the tags, so where they are appended does
	 * not change the output. */
	for (size_t k = 0; k < jargon.n; k++)
		analyzer_add(out, g->jargon, jargon.v[k].s, jargon.v[k].e,
		    jargon.v[k].r->name, jargon.v[k].r->term,
		    jargon.v[k].r->plain);
	free(jargon.v);
	free(found.v);
	free(tmp.v);
	return 0;
}

const struct analyzer analyzer_generic = {
	"generic", -1, generic_init, generic_run, generic_free
};
