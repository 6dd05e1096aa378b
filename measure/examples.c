/* examples.c -- pick and redact example utterances (see examples.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "examples.h"
#include "fmt.h"
#include "redact.h"
#include "tags.h"
#include "textstats.h"

enum kind { K_REFLECTION, K_VALIDATION, K_AFFIRMATION, K_JARGON,
	K_DIRECTIVE, NKINDS };

static const char *const kind_names[NKINDS] = { "reflection", "validation",
	"affirmation", "jargon", "directive" };

/* Examples shorter than this say too little to learn from. */
#define MIN_WORDS 5

struct pick {
	size_t			 utt;
	int			 tag;
	const struct analyze_tag *t;	/* jargon: the tag with the term */
	double			 score;
};

/* The tag of kind k on u, and its score: the skill's weight (complex
 * reflections first) plus up to 1 for length (fuller examples teach
 * more), or -1 when u does not show it. An utterance that also carries
 * a directive never shows a skill ("It sounds like you need to stop"
 * is advice, whatever else it is); directives are a kind of their own,
 * for things to work on. */
static double
score(const struct analyze_utt *u, enum kind k, size_t words, int *tag,
    const struct analyze_tag **jt)
{
	static const char *const names[NKINDS][2] = {
		{ "reflection.complex", "reflection.simple" },
		{ "validation", NULL }, { "affirmation", NULL }, { "jargon", NULL },
		{ "directive", NULL }
	};
	double len = words > 40 ? 1.0 : (double)words / 40.0;

	if ((k == K_REFLECTION || k == K_VALIDATION || k == K_AFFIRMATION) &&
	    analyze_has(u, TAG_DIRECTIVE))
		return -1;

	for (int i = 0; i < 2 && names[k][i] != NULL; i++) {
		int t = tags_lookup(names[k][i], strlen(names[k][i]));

		if (t < 0 || !analyze_has(u, t))
			continue;
		*tag = t;
		if (k == K_JARGON) {
			for (size_t j = 0; j < u->ntags; j++)
				if (u->tags[j].tag == t && u->tags[j].term) {
					*jt = &u->tags[j];
					break;
				}
			return *jt != NULL ? 1.0 + len : -1;
		}
		return (i == 0 ? 2.0 : 1.0) + len;
	}
	return -1;
}

/* Where to cut the redacted text s (len bytes) to at most max bytes: at
 * a UTF-8 character boundary, and before a label ("[email]") the cut
 * would split. */
static size_t
cut(const char *s, size_t len, size_t max)
{
	size_t open;

	if (len <= max)
		return len;
	while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
		max--;
	/* The longest label, "[postcode]", is 10 bytes. */
	for (open = max; open > 0 && max - open < 10; open--)
		if (s[open - 1] == ']')
			break;
		else if (s[open - 1] == '[') {
			const char *close = memchr(s + open, ']', len - open);

			if (close != NULL && close - (s + open) < 10)
				return open - 1;
			break;
		}
	return max;
}

static void
emit(const session *s, const struct pick *p, enum kind k,
    const char *const *names, size_t nnames, strbuf *out)
{
	const struct session_utt *u = &s->utts[p->utt];
	char *text = xstrndup(u->text, u->len), *red;
	size_t n, len, nv;
	const struct tags_entry *vocab = tags_all(&nv);

	/* Redact the whole utterance, then cut: cutting first could cut an
	 * identifier in two and leave a half no pattern finds ("jo.smith@
	 * exam"). */
	red = redact_text(text, names, nnames);
	len = strlen(red);
	n = cut(red, len, EXAMPLES_MAX_BYTES);
	red[n] = '\0';
	strbuf_adds(out, "{\"session\":");
	fmt_json_str(out, s->id);
	strbuf_adds(out, ",\"clinician\":");
	fmt_json_str(out, s->clinician);
	strbuf_adds(out, ",\"date\":");
	fmt_json_str(out, s->date);
	strbuf_addf(out, ",\"index\":%zu,\"kind\":", u->index);
	fmt_json_str(out, kind_names[k]);
	strbuf_adds(out, ",\"tag\":");
	fmt_json_str(out, vocab[p->tag].name);
	strbuf_adds(out, ",\"text\":");
	if (n < len) {
		strbuf b = { 0 };

		strbuf_adds(&b, red);
		strbuf_adds(&b, "\xE2\x80\xA6");	/* ellipsis */
		fmt_json_str(out, b.s);
		strbuf_free(&b);
	} else
		fmt_json_str(out, red);
	strbuf_adds(out, ",\"term\":");
	fmt_json_str(out, p->t ? p->t->term : NULL);
	strbuf_adds(out, ",\"plain\":");
	fmt_json_str(out, p->t ? p->t->plain : NULL);
	strbuf_adds(out, ",\"score\":");
	fmt_json_num(out, p->score);
	strbuf_adds(out, "}\n");
	free(red);
	free(text);
}

size_t
examples_identifiers(const session *s, const char **names)
{
	size_t n = 0;

	names[n++] = s->id;

	for (size_t i = 0; i < s->nspeakers; i++) {
		if (s->speakers[i].name != NULL)
			names[n++] = s->speakers[i].name;
		if (strlen(s->speakers[i].id) >= 3)
			names[n++] = s->speakers[i].id;
	}
	if (s->client != NULL)
		names[n++] = s->client;
	return n;
}

void
examples_session(const session *s, const struct analyze_result *r,
    strbuf *out)
{
	struct pick best[NKINDS][EXAMPLES_PER_KIND];
	size_t nbest[NKINDS] = { 0 }, nnames;
	const char **names = xcalloc(EXAMPLES_NIDENTIFIERS(s), sizeof(*names));

	for (size_t i = 0; i < s->nutts; i++) {
		const struct session_utt *u = &s->utts[i];
		size_t words;

		if (u->side != SIDE_THERAPIST ||
		    r->utts[i].ntags == 0)
			continue;
		words = u->words;
		/* A quote is at most EXAMPLES_MAX_BYTES; an utterance far
		 * longer is not worth redacting whole to quote. */
		if (words < MIN_WORDS || u->len > EXAMPLES_MAX_SOURCE)
			continue;
		for (int k = 0; k < NKINDS; k++) {
			struct pick p = { i, -1, NULL, 0 };
			size_t j;

			p.score = score(&r->utts[i], (enum kind)k, words, &p.tag,
			    &p.t);
			if (p.score < 0)
				continue;
			/* Insert, keeping the best first (earlier on ties). */
			for (j = nbest[k]; j > 0 &&
			    best[k][j - 1].score < p.score; j--)
				if (j < EXAMPLES_PER_KIND)
					best[k][j] = best[k][j - 1];
			if (j < EXAMPLES_PER_KIND) {
				best[k][j] = p;
				if (nbest[k] < EXAMPLES_PER_KIND)
					nbest[k]++;
			}
		}
	}
	nnames = examples_identifiers(s, names);
	for (int k = 0; k < NKINDS; k++)
		for (size_t j = 0; j < nbest[k]; j++)
			emit(s, &best[k][j], (enum kind)k, names, nnames, out);
	free(names);
}
