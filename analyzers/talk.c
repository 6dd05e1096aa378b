/* talk.c -- change talk and sustain talk, in context.
 *
 * Model (MISC 2.5, Houck, Moyers, Miller et al. 2010; Miller & Rollnick,
 * "Motivational Interviewing", 3rd ed. 2013, ch. 12-13): client language
 * about the target behaviour is change talk when it favours change and
 * sustain talk when it favours the status quo. Both come in the same
 * kinds, DARN-CAT: desire, ability, reasons, need (preparatory),
 * commitment, activation, taking steps (mobilising). Everything else the
 * client says is neutral (MISC 2.5 Follow/Neutral).
 *
 * The rules (change-talk.rules) carry the kinds and their negations ("I
 * want to stop" is change talk, "I don't want to stop" sustain talk, "I
 * don't want to drink" change talk again). What they cannot see is the
 * conversation, so this analyzer does, for each client-side utterance:
 *
 *  1. Every change-talk and sustain-talk rule runs on the utterance (its
 *     guards sentence by sentence). When rules of both kinds fire, the
 *     later match decides: an ambivalent client's last word is the one
 *     MISC codes for the utterance ("I like a drink, but I need to cut
 *     down"), and a "but" clause follows what it answers.
 *  2. When none fires, the answer is read against the clinician's
 *     utterance just before (at most TALK_LOOKBACK back): a short assent
 *     ("Yes.", "I do.", "Definitely.") to a question or a reflection
 *     about change ("Are you up for trying ...?", "So you want to cut
 *     back.") is change talk, to one about the status quo ("You really
 *     enjoy it.") sustain talk -- MISC 2.5 codes an answer by what it
 *     answers. A number after a readiness, importance or confidence
 *     ruler is change talk when it is above TALK_RULER_MIN.
 *
 * Context rules are the change-talk.context.* and sustain-talk.context.*
 * rules (side therapist): they only say what the clinician's utterance
 * is about and never tag by themselves.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "analyzer.h"
#include "sentence.h"
#include "tags.h"
#include "util.h"

/* How far back the clinician's utterance an answer answers may be. */
#define TALK_LOOKBACK		2
/* Longest answer (words) read as an assent to the clinician. */
#define TALK_ASSENT_MAX_WORDS	6
/* A ruler answer above this number favours change (0-10 rulers: Miller
 * & Rollnick 2013, ch. 13, "why are you at a 4 and not a 1?"). */
#define TALK_RULER_MIN		3

#define TALK_CONTEXT		".context."
/* Context rules for a readiness, importance or confidence ruler. */
#define TALK_RULER		"change-talk.context.ruler"

struct talk {
	const struct rules_rule	**change, **sustain, **cchange, **csustain,
				**ruler;
	size_t			  nchange, nsustain, ncchange, ncsustain,
				  nruler;
	int			  t_change, t_sustain;
};

static int
is_context(const struct rules_rule *r)
{
	return strstr(r->name, TALK_CONTEXT) != NULL;
}

static void *
talk_init(const rules_set *rs, char **why)
{
	struct talk *k = xcalloc(1, sizeof(*k));
	const struct rules_rule *all;
	size_t n;

	(void)why;
	all = rules_set_rules(rs, &n);
	k->t_change = TAG_CHANGE_TALK;
	k->t_sustain = TAG_SUSTAIN_TALK;
	k->change = xcalloc(n ? n : 1, sizeof(*k->change));
	k->sustain = xcalloc(n ? n : 1, sizeof(*k->sustain));
	k->cchange = xcalloc(n ? n : 1, sizeof(*k->cchange));
	k->csustain = xcalloc(n ? n : 1, sizeof(*k->csustain));
	k->ruler = xcalloc(n ? n : 1, sizeof(*k->ruler));
	for (size_t i = 0; i < n; i++) {
		const struct rules_rule *r = &all[i];

		if (r->tag == k->t_change && strncmp(r->name, TALK_RULER,
		    sizeof(TALK_RULER) - 1) == 0)
			k->ruler[k->nruler++] = r;
		else if (r->tag == k->t_change && is_context(r))
			k->cchange[k->ncchange++] = r;
		else if (r->tag == k->t_change)
			k->change[k->nchange++] = r;
		else if (r->tag == k->t_sustain && is_context(r))
			k->csustain[k->ncsustain++] = r;
		else if (r->tag == k->t_sustain)
			k->sustain[k->nsustain++] = r;
	}
	return k;
}

static void
talk_free(void *state)
{
	struct talk *k = state;

	if (k == NULL)
		return;
	free(k->change);
	free(k->sustain);
	free(k->cchange);
	free(k->csustain);
	free(k->ruler);
	free(k);
}

/* The rule of list whose first firing match starts last on sub, or
 * NULL; *s and *e get its span. */
static const struct rules_rule *
last_firing(rules_ctx *cx, const struct rules_rule *const *list, size_t n,
    const struct rules_subject *sub, size_t *s, size_t *e)
{
	const struct rules_rule *best = NULL;

	for (size_t i = 0; i < n; i++) {
		size_t from = 0, ms, me;

		/* The last match of the rule, not its first. */
		while (from <= sub->len &&
		    rules_eval(cx, list[i], sub, from, &ms, &me)) {
			if (best == NULL || ms > *s) {
				best = list[i];
				*s = ms;
				*e = me;
			}
			from = me > ms ? me : ms + 1;
			while (from < sub->len &&
			    ((unsigned char)sub->text[from] & 0xC0) == 0x80)
				from++;
		}
	}
	return best;
}

static int
any_fires(rules_ctx *cx, const struct rules_rule *const *list, size_t n,
    const struct rules_subject *sub)
{
	size_t s, e;

	for (size_t i = 0; i < n; i++)
		if (rules_eval(cx, list[i], sub, 0, &s, &e))
			return 1;
	return 0;
}

/* The lower-case words of t[0..n), at most max of them, into w (each at
 * most 15 bytes); returns how many there are in all. */
static size_t
lower_words(const char *t, size_t n, char w[][16], size_t max)
{
	size_t k = 0, i = 0;

	while (i < n) {
		size_t l = 0;

		while (i < n && !isalnum((unsigned char)t[i]) && t[i] != '\'')
			i++;
		if (i >= n)
			break;
		while (i < n && (isalnum((unsigned char)t[i]) || t[i] == '\'')) {
			if (k < max && l < 15)
				w[k][l++] = (char)tolower((unsigned char)t[i]);
			i++;
		}
		if (k < max)
			w[k][l] = '\0';
		k++;
	}
	return k;
}

/* Is the utterance a short assent ("Yes.", "Yeah, definitely.", "I
 * do.", "Sure.", "Mm-hmm.")? Words of assent and fillers only, one
 * assent at least. */
static int
assents(const char *t, size_t n)
{
	static const char *const yes[] = {
		"absolutely", "certainly", "correct", "definitely", "exactly",
		"sure", "true", "yeah", "yep", "yes", "yup", "right",
	};
	static const char *const filler[] = {
		"a", "am", "do", "i", "is", "it", "lot", "mm", "oh", "of",
		"okay", "ok", "really", "so", "that's", "think", "uh", "um",
		"very", "well", "will", "would", "hmm", "course", "much",
		"huh",
	};
	char w[TALK_ASSENT_MAX_WORDS + 1][16];
	size_t nw = lower_words(t, n, w, TALK_ASSENT_MAX_WORDS + 1);
	int found = 0;

	if (nw == 0 || nw > TALK_ASSENT_MAX_WORDS)
		return 0;
	for (size_t i = 0; i < nw; i++) {
		int known = 0;

		for (size_t k = 0; k < sizeof(yes) / sizeof(*yes); k++)
			if (strcmp(w[i], yes[k]) == 0)
				known = found = 1;
		/* "Mm-hmm.", "Uh-huh." */
		if (i > 0 && ((strcmp(w[i - 1], "mm") == 0 &&
		    strcmp(w[i], "hmm") == 0) || (strcmp(w[i - 1], "uh") == 0 &&
		    strcmp(w[i], "huh") == 0)))
			known = found = 1;
		/* "I do.", "I will.", "I would.", "Of course." */
		if (i > 0 && strcmp(w[i - 1], "i") == 0 &&
		    (strcmp(w[i], "do") == 0 || strcmp(w[i], "will") == 0 ||
		    strcmp(w[i], "would") == 0 || strcmp(w[i], "am") == 0))
			found = 1;
		if (i > 0 && strcmp(w[i - 1], "of") == 0 &&
		    strcmp(w[i], "course") == 0)
			found = 1;
		for (size_t k = 0; k < sizeof(filler) / sizeof(*filler); k++)
			if (strcmp(w[i], filler[k]) == 0)
				known = 1;
		if (!known)
			return 0;
	}
	return found;
}

/* The number a short answer gives (digits or a number word from zero to
 * ten), or -1. */
static int
ruler_answer(const char *t, size_t n)
{
	static const char *const words[] = {
		"zero", "one", "two", "three", "four", "five", "six", "seven",
		"eight", "nine", "ten",
	};
	char w[8][16];
	size_t nw = lower_words(t, n, w, 8);

	if (nw == 0 || nw > 8)
		return -1;
	for (size_t i = 0; i < nw; i++) {
		if (isdigit((unsigned char)w[i][0])) {
			int v = atoi(w[i]);

			return v >= 0 && v <= 10 ? v : -1;
		}
		for (size_t k = 0; k < sizeof(words) / sizeof(*words); k++)
			if (strcmp(w[i], words[k]) == 0)
				return (int)k;
	}
	return -1;
}

/* Is the utterance a short denial ("No.", "Nope.", "Not really.")? */
static int
denies(const char *t, size_t n)
{
	static const char *const no[] = {
		"no", "nope", "nah", "not", "never", "really", "at", "all",
		"way", "um", "uh", "oh", "well", "i", "don't", "think", "so",
	};
	char w[TALK_ASSENT_MAX_WORDS + 1][16];
	size_t nw = lower_words(t, n, w, TALK_ASSENT_MAX_WORDS + 1);
	int found = 0;

	if (nw == 0 || nw > TALK_ASSENT_MAX_WORDS)
		return 0;
	for (size_t i = 0; i < nw; i++) {
		int known = 0;

		for (size_t k = 0; k < sizeof(no) / sizeof(*no); k++)
			if (strcmp(w[i], no[k]) == 0)
				known = 1;
		if (strcmp(w[i], "no") == 0 || strcmp(w[i], "nope") == 0 ||
		    strcmp(w[i], "nah") == 0 || strcmp(w[i], "not") == 0)
			found = 1;
		if (!known)
			return 0;
	}
	return found;
}

/* Does t[0..n) hold a negation ("not", "don't", "never", "no")? */
static int
negated(const char *t, size_t n)
{
	char w[64][16];
	size_t nw = lower_words(t, n, w, 64);

	if (nw > 64)
		nw = 64;
	for (size_t i = 0; i < nw; i++) {
		size_t l = strlen(w[i]);

		if (strcmp(w[i], "not") == 0 || strcmp(w[i], "never") == 0 ||
		    strcmp(w[i], "no") == 0 ||
		    (l > 3 && strcmp(w[i] + l - 3, "n't") == 0))
			return 1;
	}
	return 0;
}

/*
 * The clinician's words as the client's: "you" -> "I" (or "me" after a
 * verb or preposition that takes an object: "it helps you"), "you're"
 * -> "I'm", "your" -> "my", so that the client rules read a reflection
 * or a question of the clinician ("So you don't want to go back.",
 * "Do you want to stop?") for what it is about. ASCII and typographic
 * apostrophes; other bytes are copied. Writes at most cap - 1 bytes and
 * a NUL into buf; returns the length.
 */
static size_t
as_client(const char *t, size_t n, char *buf, size_t cap)
{
	static const struct {
		const char *from, *to;
	} map[] = {
		{ "you're", "I'm" }, { "you've", "I've" }, { "you'll", "I'll" },
		{ "you'd", "I'd" }, { "your", "my" }, { "yours", "mine" },
		{ "yourself", "myself" }, { "you", "I" },
	};
	static const char *const takes_object[] = {
		"helps", "help", "makes", "make", "gets", "get", "for", "to",
		"with", "at", "about", "tell", "told", "give", "gives",
		"relaxes", "calms", "bothers", "hurts", "hurting", "bothering",
		"than", "like", "from", "of", "keeps", "let", "lets",
	};
	size_t o = 0, i = 0;
	char last[16] = "";

	while (i < n && o + 8 < cap) {
		size_t j = i, l = 0;
		char w[16];

		if (!isalpha((unsigned char)t[i])) {
			buf[o++] = t[i++];
			continue;
		}
		/* A word, with an ASCII or a typographic apostrophe inside. */
		while (j < n) {
			if (isalpha((unsigned char)t[j]) || t[j] == '\'') {
				if (l < sizeof(w) - 1)
					w[l++] = (char)tolower(
					    (unsigned char)t[j]);
				j++;
			} else if (j + 2 < n && (unsigned char)t[j] == 0xe2 &&
			    (unsigned char)t[j + 1] == 0x80 &&
			    (unsigned char)t[j + 2] == 0x99) {
				if (l < sizeof(w) - 1)
					w[l++] = '\'';
				j += 3;
			} else
				break;
		}
		w[l] = '\0';
		{
			const char *to = NULL;

			for (size_t k = 0; k < sizeof(map) / sizeof(*map); k++)
				if (strcmp(w, map[k].from) == 0)
					to = map[k].to;
			if (to != NULL && strcmp(w, "you") == 0)
				for (size_t k = 0; k < sizeof(takes_object) /
				    sizeof(*takes_object); k++)
					if (strcmp(last, takes_object[k]) == 0)
						to = "me";
			if (to != NULL) {
				size_t tl = strlen(to);

				if (o + tl + 1 >= cap)
					break;
				memcpy(buf + o, to, tl);
				o += tl;
			} else {
				if (o + (j - i) + 1 >= cap)
					break;
				memcpy(buf + o, t + i, j - i);
				o += j - i;
			}
		}
		memcpy(last, w, l + 1);
		i = j;
	}
	buf[o] = '\0';
	return o;
}

/* Which way the clinician's utterance points: +1 change, -1 status quo,
 * 0 neither. Read as the client's own words by the client rules (a
 * reflection or a question about the client's change talk), else by the
 * context rules. */
static int
direction(const struct talk *k, rules_ctx *cx, const struct session_utt *u)
{
	struct rules_subject ps;
	const struct rules_rule *c, *st;
	size_t cs = 0, ce = 0, ss = 0, se = 0;
	char *buf = xmalloc(u->len * 2 + 16);
	int ch, su;

	ps.len = as_client(u->text, u->len, buf, u->len * 2 + 16);
	ps.text = buf;
	ps.side = SIDE_CLIENT;
	ps.prev = RULES_PREV_ANY;
	c = last_firing(cx, (const struct rules_rule *const *)k->change,
	    k->nchange, &ps, &cs, &ce);
	st = last_firing(cx, (const struct rules_rule *const *)k->sustain,
	    k->nsustain, &ps, &ss, &se);
	free(buf);
	if (c != NULL && (st == NULL || cs >= ss))
		return 1;
	if (st != NULL)
		return -1;
	ps.text = u->text;
	ps.len = u->len;
	ps.side = SIDE_THERAPIST;
	ch = any_fires(cx, (const struct rules_rule *const *)k->cchange,
	    k->ncchange, &ps);
	su = any_fires(cx, (const struct rules_rule *const *)k->csustain,
	    k->ncsustain, &ps);
	return ch && !su ? 1 : su && !ch ? -1 : 0;
}

/*
 * A short answer read against the clinician's utterance prev: an assent
 * goes the clinician's way; a denial of a question or a statement goes
 * the other way, unless the clinician's words were negative ("So you
 * don't want to go back?" "No."), where it agrees. A number after a
 * ruler above TALK_RULER_MIN is change talk.
 */
static int
answer(const struct talk *k, rules_ctx *cx, const struct analyzer_input *in,
    const struct session_utt *prev, struct analyze_utt *out)
{
	const char *t = in->sub.text;
	size_t n = in->sub.len;
	int dir = 0, v;

	if (assents(t, n))
		dir = direction(k, cx, prev);
	else if (denies(t, n)) {
		dir = direction(k, cx, prev);
		if (!negated(prev->text, prev->len))
			dir = -dir;
	} else if ((v = ruler_answer(t, n)) > TALK_RULER_MIN) {
		struct rules_subject ps;

		ps.text = prev->text;
		ps.len = prev->len;
		ps.side = SIDE_THERAPIST;
		ps.prev = RULES_PREV_ANY;
		if (any_fires(cx, (const struct rules_rule *const *)k->ruler,
		    k->nruler, &ps))
			analyzer_add(out, k->t_change, 0, n,
			    "change-talk.ruler", NULL, NULL);
		return 0;
	}
	if (dir > 0)
		analyzer_add(out, k->t_change, 0, n, "change-talk.answer",
		    NULL, NULL);
	else if (dir < 0)
		analyzer_add(out, k->t_sustain, 0, n, "sustain-talk.answer",
		    NULL, NULL);
	return 0;
}

static int
talk_run(const void *state, rules_ctx *cx, const struct analyzer_input *in,
    struct analyze_utt *out)
{
	const struct talk *k = state;
	const struct rules_rule *c, *st;
	size_t cs = 0, ce = 0, ss = 0, se = 0;
	const struct session_utt *prev = NULL;

	if (in->sub.side != SIDE_CLIENT)
		return 0;
	c = last_firing(cx, (const struct rules_rule *const *)k->change,
	    k->nchange, &in->sub, &cs, &ce);
	st = last_firing(cx, (const struct rules_rule *const *)k->sustain,
	    k->nsustain, &in->sub, &ss, &se);
	if (c != NULL && (st == NULL || cs >= ss)) {
		analyzer_add(out, k->t_change, cs, ce, c->name, NULL, NULL);
		return 0;
	}
	if (st != NULL) {
		analyzer_add(out, k->t_sustain, ss, se, st->name, NULL, NULL);
		return 0;
	}
	/* The clinician's utterance this one answers. */
	for (size_t b = 1; b <= TALK_LOOKBACK && b <= in->i; b++)
		if (in->s->utts[in->i - b].side == SIDE_THERAPIST) {
			prev = &in->s->utts[in->i - b];
			break;
		}
	if (prev != NULL)
		return answer(k, cx, in, prev, out);
	return 0;
}

/* The talk analyzer decides both families: it claims change-talk here
 * and sustain-talk through this second entry, whose run does nothing, so
 * that the generic analyzer runs neither family's rules. */
static int
talk_sustain_run(const void *state, rules_ctx *cx,
    const struct analyzer_input *in, struct analyze_utt *out)
{
	(void)state;
	(void)cx;
	(void)in;
	(void)out;
	return 0;
}

const struct analyzer analyzer_talk = {
	"talk", TAG_CHANGE_TALK, talk_init, talk_run, talk_free
};

const struct analyzer analyzer_talk_sustain = {
	"talk-sustain", TAG_SUSTAIN_TALK, NULL, talk_sustain_run, NULL
};
