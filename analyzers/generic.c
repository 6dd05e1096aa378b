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
 */
#include "config.h"

#include <ctype.h>
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

/* Add the rules keyed by word (n bytes, lower case) to cand. Returns -1
 * when there are more than MAX_CANDIDATES. */
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

/* Add a jargon hit unless a longer overlapping one is there; drop shorter
 * overlapping ones. */
static void
add_jargon(struct analyze_utt *out, int tag, size_t s, size_t e,
    const struct rules_rule *r)
{
	size_t w = 0;

	for (size_t i = 0; i < out->ntags; i++) {
		struct analyze_tag *t = &out->tags[i];

		if (t->tag == tag && t->start < e && s < t->end &&
		    t->end - t->start >= e - s)
			return;
	}
	for (size_t i = 0; i < out->ntags; i++) {
		struct analyze_tag *t = &out->tags[i];

		if (t->tag == tag && t->start < e && s < t->end)
			continue;
		out->tags[w++] = *t;
	}
	out->ntags = w;
	analyzer_add(out, tag, s, e, r->name, r->term, r->plain);
}

static int
generic_run(const void *state, rules_ctx *cx, const struct analyzer_input *in,
    struct analyze_utt *out)
{
	const struct generic *g = state;
	size_t cand[MAX_CANDIDATES], ncand = 0, next = 0;
	int all = candidates(g, in->sub.text, in->sub.len, cand, &ncand) != 0;

	/* Candidates in rule order, so rules still run in load order. */
	if (!all)
		qsort(cand, ncand, sizeof(*cand), size_cmp);
	for (size_t i = 0; i < g->n; i++) {
		const struct rules_rule *r = g->rules[i];
		size_t s, e, from = 0;

		if (g->keyed[i] && !all) {
			while (next < ncand && cand[next] < i)
				next++;
			if (next == ncand || cand[next] != i)
				continue;	/* its first word is absent */
		}
		if (r->tag == g->jargon) {
			while (from <= in->sub.len &&
			    rules_eval(cx, r, &in->sub, from, &s, &e)) {
				add_jargon(out, r->tag, s, e, r);
				from = e > s ? e : s + 1;
				while (from < in->sub.len &&
				    ((unsigned char)in->sub.text[from] & 0xC0)
				    == 0x80)
					from++;
			}
			continue;
		}
		if (analyzer_holds(out, r->tag))
			continue;
		if (rules_eval(cx, r, &in->sub, 0, &s, &e))
			analyzer_add(out, r->tag, s, e, r->name, NULL, NULL);
	}
	return 0;
}

const struct analyzer analyzer_generic = {
	"generic", -1, generic_init, generic_run, generic_free
};
