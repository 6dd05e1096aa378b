/* analyzer.c -- the analyzer registry and helpers shared by analyzers. */
#include "config.h"

#include <string.h>

#include "analyzer.h"
#include "tags.h"
#include "util.h"

/* Run order. Family analyzers first, so the generic analyzer could look at
 * their tags; the order is also the order tags are appended in before
 * analyze_session() sorts them. */
static const struct analyzer *const table[] = {
	&analyzer_question,
	&analyzer_reflection,
	&analyzer_talk,
	&analyzer_talk_sustain,
	&analyzer_generic,
};
#define NTABLE (sizeof(table) / sizeof(table[0]))

static struct analyzer flat[NTABLE];
static int flat_ready;

const struct analyzer *
analyzer_all(size_t *n)
{
	/* Copies of constant structs: filled identically by every caller,
	 * so a race on first use writes the same bytes. Rule sets are loaded
	 * before threads start in practice. */
	if (!flat_ready) {
		for (size_t i = 0; i < NTABLE; i++)
			flat[i] = *table[i];
		flat_ready = 1;
	}
	*n = NTABLE;
	return flat;
}

int
analyzer_claimed(int tag)
{
	for (size_t i = 0; i < NTABLE; i++)
		if (table[i]->claims >= 0 && tags_is_a(tag, table[i]->claims))
			return 1;
	return 0;
}

void
analyzer_add(struct analyze_utt *out, int tag, size_t start, size_t end,
    const char *rule, const char *term, const char *plain)
{
	struct analyze_tag *t;

	out->tags = xgrow(out->tags, &out->cap, out->ntags + 1,
	    sizeof(*out->tags));
	t = &out->tags[out->ntags++];
	t->tag = tag;
	t->start = start;
	t->end = end;
	t->rule = rule;
	t->term = term;
	t->plain = plain;
}

int
analyzer_holds(const struct analyze_utt *out, int tag)
{
	for (size_t i = 0; i < out->ntags; i++)
		if (out->tags[i].tag == tag)
			return 1;
	return 0;
}
