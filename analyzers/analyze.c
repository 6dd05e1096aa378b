/* analyze.c -- tag every utterance of a session: rule set, contexts, the
 * loop over utterances and analyzers. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "analyze.h"
#include "analyzer.h"
#include "rules.h"
#include "tags.h"
#include "util.h"
#include "paths.h"

struct analyze_ruleset {
	rules_set	*rules;
	void		**states;	/* one per analyzer */
	size_t		 nanalyzers;
};

struct analyze_ctx {
	const analyze_ruleset	*rs;
	rules_ctx		*rcx;
};

analyze_ruleset *
analyze_ruleset_load(const char *extra_dir, int replace, char **why)
{
	struct rules_errors errs = { 0 };
	analyze_ruleset *rs = NULL;
	const struct analyzer *an;
	char *base = NULL;
	rules_set *set;

	*why = NULL;
	if (replace && extra_dir == NULL) {
		*why = xstrdup("--replace-rules needs --rules DIR");
		return NULL;
	}
	if (!replace)
		base = paths_rules_dir();
	set = rules_set_load(base, extra_dir, &errs);
	free(base);
	if (set == NULL || errs.n > 0) {
		*why = rules_errors_join(&errs);
		rules_errors_free(&errs);
		rules_set_free(set);
		return NULL;
	}
	rules_errors_free(&errs);
	rs = xcalloc(1, sizeof(*rs));
	rs->rules = set;
	an = analyzer_all(&rs->nanalyzers);
	rs->states = xcalloc(rs->nanalyzers, sizeof(*rs->states));
	for (size_t i = 0; i < rs->nanalyzers; i++) {
		if (an[i].init == NULL)
			continue;
		rs->states[i] = an[i].init(set, why);
		if (rs->states[i] == NULL && *why != NULL) {
			analyze_ruleset_free(rs);
			return NULL;
		}
	}
	return rs;
}

void
analyze_ruleset_free(analyze_ruleset *rs)
{
	const struct analyzer *an;
	size_t n;

	if (rs == NULL)
		return;
	an = analyzer_all(&n);
	for (size_t i = 0; i < rs->nanalyzers; i++)
		if (rs->states[i] != NULL && an[i].free != NULL)
			an[i].free(rs->states[i]);
	free(rs->states);
	rules_set_free(rs->rules);
	free(rs);
}

int
analyze_ruleset_prefilter(analyze_ruleset *rs, char **why)
{
	return rules_set_prefilter(rs->rules, why);
}

void
analyze_ruleset_prefilter_stats(const analyze_ruleset *rs, FILE *f)
{
	const prefilter *pf = rules_set_get_prefilter(rs->rules);

	if (pf == NULL) {
		fprintf(f, "prefilter: none\n");
		return;
	}
	fprintf(f, "prefilter: %zu rules, %zu literals, %zu rules always "
	    "run, built in %.3f s\n", analyze_ruleset_nrules(rs),
	    prefilter_nliterals(pf), prefilter_nalways(pf),
	    prefilter_build_seconds(pf));
}

const char *
analyze_ruleset_hash(const analyze_ruleset *rs)
{
	return rules_set_hash(rs->rules);
}

size_t
analyze_ruleset_nrules(const analyze_ruleset *rs)
{
	size_t n;

	(void)rules_set_rules(rs->rules, &n);
	return n;
}

analyze_ctx *
analyze_ctx_create(const analyze_ruleset *rs)
{
	analyze_ctx *cx = xcalloc(1, sizeof(*cx));

	cx->rs = rs;
	cx->rcx = rules_ctx_create(rs->rules);
	return cx;
}

void
analyze_ctx_free(analyze_ctx *cx)
{
	if (cx == NULL)
		return;
	rules_ctx_free(cx->rcx);
	free(cx);
}

unsigned long
analyze_ctx_limit_hits(const analyze_ctx *cx)
{
	return rules_ctx_limit_hits(cx->rcx);
}


static int
cmp_tag(const void *a, const void *b)
{
	const struct analyze_tag *x = a, *y = b;
	int c;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->end != y->end)
		return x->end < y->end ? -1 : 1;
	if (x->tag != y->tag)
		return x->tag < y->tag ? -1 : 1;
	c = strcmp(x->rule, y->rule);
	return c;
}

int
analyze_session(analyze_ctx *cx, const session *s, struct analyze_result *out)
{
	const struct analyzer *an;
	size_t nan, oldcap;

	an = analyzer_all(&nan);
	oldcap = out->cap;
	out->utts = xgrow(out->utts, &out->cap, s->nutts, sizeof(*out->utts));
	/* Every slot below cap is either zero or owns its tags array, so
	 * memory is reused across sessions and freed once. */
	if (out->cap > oldcap)
		memset(out->utts + oldcap, 0,
		    (out->cap - oldcap) * sizeof(*out->utts));
	for (size_t i = 0; i < s->nutts; i++)
		out->utts[i].ntags = 0;
	out->nutts = s->nutts;
	for (size_t i = s->nutts; i < out->nutts; i++)
		out->utts[i].ntags = 0;
	out->nutts = s->nutts;

	for (size_t i = 0; i < s->nutts; i++) {
		const struct session_utt *u = &s->utts[i];
		struct analyzer_input in;
		struct analyze_utt *o = &out->utts[i];

		in.s = s;
		in.i = i;
		in.u = u;
		in.sub.text = u->text;
		in.sub.len = u->len;
		in.sub.side = u->side;
		if (i == 0)
			in.sub.prev = RULES_PREV_NONE;
		else {
			enum side ps = s->utts[i - 1].side;

			in.sub.prev = ps == SIDE_THERAPIST ?
			    RULES_PREV_THERAPIST : ps == SIDE_CLIENT ?
			    RULES_PREV_CLIENT : RULES_PREV_OTHER;
		}
		in.done = out->utts;
		in.client = NULL;
		for (size_t k = 1; k <= ANALYZER_CLIENT_LOOKBACK + 1 && k <= i;
		    k++) {
			if (s->utts[i - k].side == SIDE_CLIENT) {
				in.client = &s->utts[i - k];
				break;
			}
		}
		for (size_t a = 0; a < nan; a++)
			if (an[a].run(cx->rs->states[a], cx->rcx, &in, o) < 0)
				return -1;
		if (o->ntags > 1)
			qsort(o->tags, o->ntags, sizeof(*o->tags), cmp_tag);
	}
	return 0;
}

void
analyze_result_free(struct analyze_result *r)
{
	if (r == NULL)
		return;
	for (size_t i = 0; i < r->cap && r->utts != NULL; i++)
		free(r->utts[i].tags);
	free(r->utts);
	memset(r, 0, sizeof(*r));
}

int
analyze_has(const struct analyze_utt *u, int tag)
{
	if (u == NULL)
		return 0;
	for (size_t i = 0; i < u->ntags; i++)
		if (tags_is_a(u->tags[i].tag, tag))
			return 1;
	return 0;
}
