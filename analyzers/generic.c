/* generic.c -- the rule-driven analyzer: every rule whose tag no family
 * analyzer claims (validation, affirmation, encourager, jargon, ...).
 *
 * A tag is added once per utterance, by the first rule in load order that
 * fires, except jargon: every occurrence of every term is a tag (jargon
 * is counted per 1000 words, DESIGN.md section 5). Where two jargon terms
 * overlap ("bipolar disorder", "disorder") the longer match wins.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "analyzer.h"
#include "tags.h"
#include "util.h"

struct generic {
	const struct rules_rule	**rules;
	size_t			  n;
	int			  jargon;	/* tag index */
};

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
	g->jargon = tags_index("jargon", 6);
	return g;
}

static void
generic_free(void *state)
{
	struct generic *g = state;

	if (g == NULL)
		return;
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

	for (size_t i = 0; i < g->n; i++) {
		const struct rules_rule *r = g->rules[i];
		size_t s, e, from = 0;

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
	"generic", NULL, generic_init, generic_run, generic_free
};
