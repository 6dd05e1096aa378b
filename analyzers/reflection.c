/* reflection.c -- simple and complex reflections, in context.
 *
 * Model (MITI 4.2.1, Moyers et al. 2014, pp. 16-17; Miller & Rollnick,
 * "Motivational Interviewing", 3rd ed. 2013, ch. 5): a reflection is a
 * statement by the clinician that mirrors what the client said. A simple
 * reflection conveys understanding while adding little or nothing to what
 * the client said; a complex one adds substantial meaning or emphasis:
 * a feeling the client did not name, a guess at the meaning or the next
 * sentence, "part of you ... and part of you ..." (double-sided),
 * amplification, a metaphor.
 *
 * What a regular expression cannot see is the client's words, so this
 * analyzer does, for each therapist utterance answering a client-side
 * one (analyzer_input.client). It decides sentence by sentence and
 * combines: the utterance is a reflection when one of its sentences is
 * (MITI 4.2.1 codes one behaviour per utterance, but a reflection inside
 * a turn that also informs or asks is still a reflection).
 *
 *  0. A continued turn: an utterance that continues ("- pretty low since
 *     the move.") a therapist utterance cut off two places back, across a
 *     client backchannel with no content ("Mm-hmm."), is one thought with
 *     it and gets its reflection tag, or none (continued_from()).
 *  1. Candidate sentences (read_sentence()): a reflection stem (rules
 *     tagged "reflection": "So you ...", "You feel ...", "You're ...") or
 *     a frame (reflection.frame.*: "It sounds like ...", "What I'm hearing
 *     ...", "My guess is ...", "I wonder if ...") fires on the sentence;
 *     or the sentence echoes the client: at least REFL_ECHO_MIN_WORDS
 *     content words of which REFL_ECHO_OVERLAP or more occur in the
 *     client's utterance ("A quiet flat, a steady job."); or it is a
 *     statement said as a question: a "?" sentence of at least
 *     REFL_RISING_MIN_WORDS words with no interrogative form (no open-
 *     question cue, no auxiliary before the subject, no wh-word form:
 *     "So the evenings are the hardest part?"), which is a reflection with
 *     a rising voice (the question analyzer may tag it a closed question
 *     as well; the codes are multi-label). After a client backchannel
 *     ("Yeah.") a rising reflection answers what the client said before
 *     it (client_context()).
 *     Sentence vetoes: a sentence on which a directive, an affirmation,
 *     an autonomy rule or a reflection.not.* rule (information, the
 *     clinician's own plan) fires is not a reflection, unless a frame
 *     fired on it ("It sounds like you've worked hard for this"): MITI
 *     4.2.1 codes Persuade, Affirm, Emphasize Autonomy and Giving
 *     Information, not Reflection, and a generic "you" ("when you walk,
 *     your heart ...") is not the client's experience.
 *     A short repetition of the client's words (at most
 *     REFL_REPEAT_MAX_WORDS words, every content word the client's: "Two
 *     at most.") is a reflection; so is a first sentence that continues
 *     the client's sentence, opening with a connective ("and keeping out
 *     of trouble", completes_client()).
 *     Weak stems (rules named reflection.weak.*: a statement about the
 *     client with no reflective form of its own, a "So, ..." summary),
 *     echoes, continuations and rising reflections count only when the
 *     utterance neither
 *     asks a question by its form nor has a sentence that starts from the
 *     clinician ("I ...", "We'll ...", self_centred()): there the
 *     statement is a preamble to the question, or the clinician's own
 *     information.
 *     Vetoes (rules named reflection.veto.*) drop every candidate of the
 *     utterance: arguing, warning, confronting (MITI 4.2.1 Persuade and
 *     Confront; Miller & Rollnick 2013, ch. 2, the righting reflex).
 *  2. Complex when a rule tagged reflection.complex fires on a reflective
 *     sentence -- a device that adds by definition: a guess at what the
 *     client has not said, two sides at once, a state the client did not
 *     name, amplification, a metaphor, a feeling -- and the words it
 *     matched are not the client's own in the preceding turns
 *     (client_context(): a feeling the client named is an echo, not
 *     added feeling); or when the reflective sentences elaborate: at
 *     least REFL_ELABORATE_WORDS words holding REFL_ELABORATE_NOVEL or
 *     more content words the client did not say. Simple otherwise
 *     (restating, little added); a rule tagged reflection.simple ("you
 *     said ...") forces simple unless a complex cue fired. A frame ("it
 *     sounds like") is not a cue: it opens simple reflections as often
 *     as complex ones, and counting it made %CR follow a clinician's
 *     habit of speech instead of what the reflections add.
 *
 * Content words: letters-only words not in a function-word list, cut to a
 * crude stem (common suffixes off, first 6 letters) so "drinking" meets
 * "drink". Thresholds were set on the AnnoMI development slice (Wu et al.
 * 2022) and are documented in analyzers/README.md with the figures.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "analyzer.h"
#include "sentence.h"
#include "tags.h"
#include "util.h"

#define REFL_ECHO_MIN_WORDS	2
#define REFL_ECHO_OVERLAP	0.6
/* An elaboration: reflective sentences of REFL_ELABORATE_WORDS words or
 * more, holding at least REFL_ELABORATE_NOVEL content words the client
 * did not say in the preceding turns, paint "a deeper or more complex
 * picture" (MITI 4.2.1, complex reflection) than a restatement can;
 * a long verbatim echo does not. Set on the TUNE half of the AnnoMI
 * development slice for the session-level agreement of %CR; the figures
 * are in docs/validity.md. */
#define REFL_ELABORATE_WORDS	18
#define REFL_ELABORATE_NOVEL	2
#define REFL_STEM_LEN		6
#define REFL_MAX_WORDS		512	/* words compared per utterance */
/* Words a "?" sentence without interrogative form needs to count as a
 * reflection said with a rising voice. */
#define REFL_RISING_MIN_WORDS	3
/* Longest sentence read as a repetition of the client's words ("Two at
 * most.", "A new car, a house."): MITI 4.2.1 counts repeating as a
 * simple reflection, also when a question follows it. */
#define REFL_REPEAT_MAX_WORDS	6
/* Words the client's utterance needs for the clinician to continue it
 * (not "I don't know.", not a question). */
#define REFL_COMPLETE_MIN_WORDS	4

struct reflection {
	const struct rules_rule	**stems, **complex, **simple, **asks, **inter,
				**vetoes, **nots;
	size_t			  nstems, ncomplex, nsimple, nasks, ninter,
				  nvetoes, nnots;
	int			  t_simple, t_complex;
};

/* A weak stem ("reflection.weak.*") is a statement about the client with
 * no reflective form of its own; see is_weak() and reflection_run(). */
#define REFL_WEAK_PREFIX	"reflection.weak."
/* A veto ("reflection.veto.*", tag reflection) marks an utterance that
 * persuades or confronts: none of its sentences is a reflection. */
#define REFL_VETO_PREFIX	"reflection.veto."
/* A sentence veto ("reflection.not.*", tag reflection) marks a sentence
 * that gives information or advice: that sentence is not a reflection. */
#define REFL_NOT_PREFIX		"reflection.not."

/* A frame ("reflection.frame.*") states the clinician's understanding
 * ("It sounds like ...", "What I'm hearing is ...", "I wonder if ..."):
 * what it frames is the clinician's reading of the client, even when it
 * holds advice or praise ("It sounds like you've worked hard for
 * this"), so a sentence veto does not undo it. */
#define REFL_FRAME_PREFIX	"reflection.frame."

static int
is_frame(const struct rules_rule *r)
{
	return r != NULL && strncmp(r->name, REFL_FRAME_PREFIX,
	    sizeof(REFL_FRAME_PREFIX) - 1) == 0;
}

static int
is_weak(const struct rules_rule *r)
{
	return r != NULL && strncmp(r->name, REFL_WEAK_PREFIX,
	    sizeof(REFL_WEAK_PREFIX) - 1) == 0;
}

/* Function words and fillers that carry no content for overlap. */
static const char *const stopwords[] = {
	"a", "about", "actually", "after", "again", "ah", "all", "also", "am", "an",
	"and", "any", "anything", "are", "around", "as", "at", "be", "because",
	"been", "before", "being", "bit", "but", "by", "can", "cause", "could", "d",
	"did",
	"do", "does", "doing", "don", "done", "down", "each", "er", "even", "ever",
	"every", "for", "from", "get", "gets", "getting", "go", "goes", "going",
	"gonna", "got", "gotta", "guess", "had", "has", "have", "having", "he",
	"her", "here", "hers", "him", "his", "hmm", "how", "i", "if", "in", "into",
	"is", "it", "its", "just", "kind", "kinda", "know", "let", "like", "little",
	"ll",
	"lot", "m", "maybe", "me", "mean", "mhm", "mm", "mmh", "more", "most",
	"much", "my", "myself", "no", "not", "now", "of", "off", "oh", "ok", "okay",
	"on", "one", "only", "or", "other", "our", "out", "over", "re", "really",
	"right", "s", "said", "say", "says", "she", "should", "so", "some",
	"something", "sort", "still", "stuff", "such", "sure", "t", "than", "that",
	"the", "their", "them", "then", "there", "these", "they", "thing", "things",
	"think", "this", "those", "through", "to", "too", "uh", "um", "up", "us",
	"ve", "very", "wanna", "was", "way", "we", "well", "were", "what", "when",
	"where", "which", "while", "who", "why", "will", "with", "would", "yeah",
	"yep", "yes", "you", "your", "yours", "yourself",
};
#define NSTOP (sizeof(stopwords) / sizeof(stopwords[0]))

static int
cmp_cstr(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int
is_stop(const char *w)
{
	return bsearch(&w, stopwords, NSTOP, sizeof(stopwords[0]),
	    cmp_cstr) != NULL;
}

/* A set of stems, as a small sorted array of fixed-width strings. */
struct words {
	char	w[REFL_MAX_WORDS][REFL_STEM_LEN + 1];
	size_t	n;
};

static void
stem(const char *w, size_t n, char out[REFL_STEM_LEN + 1])
{
	static const char *const suffixes[] = {
		"ing", "edly", "ed", "ly", "ies", "es", "s", "er", "ness"
	};
	size_t l = n;

	for (size_t i = 0; i < sizeof(suffixes) / sizeof(suffixes[0]); i++) {
		size_t sl = strlen(suffixes[i]);

		if (l > sl + 3 && memcmp(w + l - sl, suffixes[i], sl) == 0) {
			l -= sl;
			break;
		}
	}
	if (l > REFL_STEM_LEN)
		l = REFL_STEM_LEN;
	memcpy(out, w, l);
	out[l] = '\0';
}

/* Content-word stems of t[0..n) into ws (in text order, duplicates
 * kept); returns the count. */
static size_t
content_words(const char *t, size_t n, struct words *ws)
{
	char buf[64];
	size_t i = 0;

	ws->n = 0;
	while (i < n && ws->n < REFL_MAX_WORDS) {
		size_t l = 0;

		while (i < n && !isalpha((unsigned char)t[i]))
			i++;
		while (i < n && (isalpha((unsigned char)t[i]) ||
		    t[i] == '\'')) {
			if (t[i] == '\'') {
				/* Drop the clitic: "you're" -> "you". */
				while (i < n && (isalpha((unsigned char)t[i]) ||
				    t[i] == '\''))
					i++;
				break;
			}
			if (l < sizeof(buf) - 1)
				buf[l++] = (char)tolower((unsigned char)t[i]);
			i++;
		}
		buf[l] = '\0';
		if (l < 2 || is_stop(buf))
			continue;
		stem(buf, l, ws->w[ws->n++]);
	}
	return ws->n;
}

static int
has_word(const struct words *ws, const char *w)
{
	for (size_t i = 0; i < ws->n; i++)
		if (strcmp(ws->w[i], w) == 0)
			return 1;
	return 0;
}

/* Content words of t[0..n) found (found) and not found (novel) in c. */
static void
overlap(const char *t, size_t n, const struct words *c, struct words *tmp,
    size_t *found, size_t *novel)
{
	content_words(t, n, tmp);
	*found = *novel = 0;
	for (size_t i = 0; i < tmp->n; i++) {
		if (has_word(c, tmp->w[i]))
			(*found)++;
		else
			(*novel)++;
	}
}

static void *
reflection_init(const rules_set *rs, char **why)
{
	struct reflection *r = xcalloc(1, sizeof(*r));
	const struct rules_rule *all;
	size_t n;
	int t_parent;

	(void)why;
	all = rules_set_rules(rs, &n);
	t_parent = TAG_REFLECTION;
	r->t_simple = TAG_REFLECTION_SIMPLE;
	r->t_complex = TAG_REFLECTION_COMPLEX;
	r->stems = xcalloc(n ? n : 1, sizeof(*r->stems));
	r->complex = xcalloc(n ? n : 1, sizeof(*r->complex));
	r->simple = xcalloc(n ? n : 1, sizeof(*r->simple));
	r->asks = xcalloc(n ? n : 1, sizeof(*r->asks));
	r->inter = xcalloc(n ? n : 1, sizeof(*r->inter));
	r->vetoes = xcalloc(n ? n : 1, sizeof(*r->vetoes));
	r->nots = xcalloc(n ? n : 1, sizeof(*r->nots));
	for (size_t i = 0; i < n; i++) {
		/* Open-question cues that need no question mark ("Tell me
		 * about ...", "I wonder what ..."): an utterance asking one
		 * is a question first (see reflection_run()). */
		if (all[i].tag == TAG_QUESTION_OPEN)
			r->asks[r->nasks++] = &all[i];
		/* Closed-question forms ("Do you ...", "Is it ..."). */
		else if (tags_is_a(all[i].tag, TAG_QUESTION))
			r->inter[r->ninter++] = &all[i];
		if (all[i].tag == t_parent && strncmp(all[i].name,
		    REFL_VETO_PREFIX, sizeof(REFL_VETO_PREFIX) - 1) == 0)
			r->vetoes[r->nvetoes++] = &all[i];
		else if ((all[i].tag == t_parent && strncmp(all[i].name,
		    REFL_NOT_PREFIX, sizeof(REFL_NOT_PREFIX) - 1) == 0) ||
		    all[i].tag == TAG_DIRECTIVE ||
		    all[i].tag == TAG_AFFIRMATION ||
		    all[i].tag == TAG_AUTONOMY)
			r->nots[r->nnots++] = &all[i];
		else if (all[i].tag == t_parent)
			r->stems[r->nstems++] = &all[i];
		else if (all[i].tag == r->t_complex)
			r->complex[r->ncomplex++] = &all[i];
		else if (all[i].tag == r->t_simple)
			r->simple[r->nsimple++] = &all[i];
	}
	return r;
}

static void
reflection_free(void *state)
{
	struct reflection *r = state;

	if (r == NULL)
		return;
	free(r->stems);
	free(r->complex);
	free(r->simple);
	free(r->asks);
	free(r->inter);
	free(r->vetoes);
	free(r->nots);
	free(r);
}

/* What kind of sentence t[s..e) (also in sub) is. */
enum sentence_kind {
	SK_STATEMENT,	/* no question */
	SK_ASKS,	/* a question by its form: an open-question cue
			 * ("What ...", "Tell me about your week."), an
			 * auxiliary-initial one ("Do you ...?") */
	SK_RISING	/* a statement said as a question: "?" without an
			 * interrogative form ("So that's a big worry?") */
};

/* Words (runs of letters, digits, apostrophes, non-ASCII) in t[0..n). */
static size_t
nwords(const char *t, size_t n)
{
	size_t words = 0;
	int in = 0;

	for (size_t i = 0; i < n; i++) {
		int wc = isalnum((unsigned char)t[i]) || t[i] == '\'' ||
		    (unsigned char)t[i] >= 0x80;

		if (wc && !in)
			words++;
		in = wc;
	}
	return words;
}

static enum sentence_kind
sentence_kind(const struct reflection *r, rules_ctx *cx,
    const struct rules_subject *sub, const char *t, size_t s, size_t e)
{
	size_t ms, me, words = 0;
	int mark = sentence_is_question(t, s, e), in = 0;

	for (size_t i = 0; i < r->nasks; i++)
		if (rules_eval(cx, r->asks[i], sub, 0, &ms, &me))
			return SK_ASKS;
	if (!mark)
		return SK_STATEMENT;
	for (size_t i = 0; i < r->ninter; i++)
		if (rules_eval(cx, r->inter[i], sub, 0, &ms, &me))
			return SK_ASKS;
	for (size_t i = 0; i < sub->len; i++) {
		int wc = isalnum((unsigned char)sub->text[i]) ||
		    sub->text[i] == '\'' || (unsigned char)sub->text[i] >= 0x80;

		if (wc && !in)
			words++;
		in = wc;
	}
	/* "Okay?", "Sorry?", "You know?" are check-ins, not content. */
	return words >= REFL_RISING_MIN_WORDS ? SK_RISING : SK_STATEMENT;
}

/* Does the sentence t[0..n) start from the clinician: its first word,
 * after discourse openers ("okay", "well", "so", "actually"), is I, we,
 * let's, here's, my or our ("Well, I'll print the plan out for you.",
 * "We'll book a follow-up.")? Such a sentence gives the clinician's own
 * information, plans or views (MITI 4.2.1 Giving Information, Persuade). */
static int
self_centred(const char *t, size_t n)
{
	static const char *const openers[] = {
		"actually", "ah", "alright", "and", "but", "fantastic", "fine",
		"good", "great", "now", "oh", "ok", "okay", "right", "so",
		"sure", "uh", "um", "well", "yeah", "yes", "all",
	};
	static const char *const self[] = {
		"i", "i'd", "i'll", "i'm", "i've", "let's", "here's", "my",
		"our", "we", "we'd", "we'll", "we're", "we've",
	};
	size_t i = 0;

	for (;;) {
		char w[16];
		size_t l = 0;
		int known = 0;

		while (i < n && !isalpha((unsigned char)t[i]))
			i++;
		while (i < n && (isalpha((unsigned char)t[i]) || t[i] == '\'')) {
			if (l < sizeof(w) - 1)
				w[l++] = (char)tolower((unsigned char)t[i]);
			i++;
		}
		/* A typographic apostrophe (U+2019) as ASCII. */
		while (i + 2 < n && (unsigned char)t[i] == 0xe2 &&
		    (unsigned char)t[i + 1] == 0x80 &&
		    (unsigned char)t[i + 2] == 0x99) {
			if (l < sizeof(w) - 1)
				w[l++] = '\'';
			i += 3;
			while (i < n && isalpha((unsigned char)t[i])) {
				if (l < sizeof(w) - 1)
					w[l++] = (char)tolower(
					    (unsigned char)t[i]);
				i++;
			}
		}
		w[l] = '\0';
		if (l == 0)
			return 0;
		for (size_t k = 0; k < sizeof(self) / sizeof(self[0]); k++)
			if (strcmp(w, self[k]) == 0)
				return 1;
		for (size_t k = 0; k < sizeof(openers) / sizeof(openers[0]);
		    k++)
			if (strcmp(w, openers[k]) == 0)
				known = 1;
		if (!known)
			return 0;
	}
}

/* Does the utterance start as the continuation of an interrupted one
 * ("-and you ...", "... and", an em or en dash)? */
static int
continues_turn(const char *t, size_t n)
{
	size_t i = 0;

	while (i < n && (t[i] == ' ' || t[i] == '\t'))
		i++;
	if (i < n && (t[i] == '-' || t[i] == '.'))
		return 1;
	/* U+2013, U+2014: E2 80 93 / E2 80 94 */
	return i + 2 < n && (unsigned char)t[i] == 0xe2 &&
	    (unsigned char)t[i + 1] == 0x80 &&
	    ((unsigned char)t[i + 2] == 0x93 ||
	    (unsigned char)t[i + 2] == 0x94);
}

/* Does the utterance end cut off ("... and the-", an em dash)? */
static int
cut_off(const char *t, size_t n)
{
	while (n > 0 && (t[n - 1] == ' ' || t[n - 1] == '\t'))
		n--;
	if (n > 0 && (t[n - 1] == '-' || (t[n - 1] == '.' && n >= 3 &&
	    t[n - 2] == '.' && t[n - 3] == '.')))
		return 1;
	return n >= 3 && (unsigned char)t[n - 3] == 0xe2 &&
	    (unsigned char)t[n - 2] == 0x80 &&
	    ((unsigned char)t[n - 1] == 0x93 ||
	    (unsigned char)t[n - 1] == 0x94);
}

/*
 * A clinician turn split by a client backchannel: "So you've been feeling
 * -" / "Mm-hmm." / "- pretty low since the move." is one utterance in
 * MITI 4.2.1 (Moyers et al. 2014), which codes a behaviour once for the
 * whole thought, so the second half is what the first half was. When
 * in->u continues (continues_turn()) a therapist utterance that was cut
 * off (cut_off()) two places back, with only a client backchannel (no
 * content words) between, *prev gets that utterance's tags (already
 * decided: in->done) and 1 is returned.
 */
static int
continued_from(const struct analyzer_input *in, size_t client_words,
    const struct analyze_utt **prev)
{
	const struct session_utt *p;

	if (in->i < 2 || in->client != &in->s->utts[in->i - 1] ||
	    client_words != 0 || !continues_turn(in->sub.text, in->sub.len))
		return 0;
	p = &in->s->utts[in->i - 2];
	if (p->side != SIDE_THERAPIST ||
	    !cut_off(p->text, p->len))
		return 0;
	*prev = &in->done[in->i - 2];
	return 1;
}

/* The client's words a reflection answers (MITI 4.2.1: a reflection
 * mirrors what the client said; Miller & Rollnick 2013, ch. 5, reflect
 * the client's last statement or the paragraph so far). near: the nearest
 * client-side utterance with content words within REFL_CONTEXT_LOOKBACK
 * utterances; ctx: the content words of up to REFL_CONTEXT_TURNS such
 * utterances. After a backchannel ("Yeah.", "Mm-hmm.") the reflection
 * answers what the client said before it. */
#define REFL_CONTEXT_LOOKBACK	6
#define REFL_CONTEXT_TURNS	2

static void
client_context(const struct analyzer_input *in, struct words *near,
    struct words *ctx, struct words *tmp)
{
	size_t turns = 0;

	near->n = ctx->n = 0;
	for (size_t k = 1; k <= REFL_CONTEXT_LOOKBACK && k <= in->i; k++) {
		const struct session_utt *u = &in->s->utts[in->i - k];

		if (u->side != SIDE_CLIENT)
			continue;
		if (content_words(u->text, u->len, tmp) == 0)
			continue;
		if (turns == 0)
			*near = *tmp;
		for (size_t j = 0; j < tmp->n && ctx->n < REFL_MAX_WORDS; j++)
			memcpy(ctx->w[ctx->n++], tmp->w[j], sizeof(tmp->w[j]));
		if (++turns == REFL_CONTEXT_TURNS)
			break;
	}
}

/*
 * Does the sentence t[0..n), the first of its utterance, continue the
 * sentence of the client just before ("and keeping out of trouble",
 * "like a fresh start", "because it helps you wind down")? It opens with
 * a connective, after discourse openers ("yeah", "mm-hmm"), and the
 * utterance just before is the client's, with content. Miller & Rollnick
 * (2013, ch. 5) call this continuing the paragraph: the listener offers
 * the client's next sentence, a reflection.
 */
static int
completes_client(const struct analyzer_input *in, const char *t, size_t n)
{
	static const char *const openers[] = {
		"mm", "mmh", "hmm", "mhm", "okay", "ok", "right", "yeah",
		"yes", "uh", "um", "oh",
	};
	static const char *const connectives[] = {
		"and", "because", "cause", "like", "or", "which", "especially",
		"even", "until", "unless", "without", "instead", "rather",
		"except", "plus", "whether", "while",
	};
	const struct session_utt *prev;
	size_t i = 0;

	if (in->i == 0)
		return 0;
	prev = &in->s->utts[in->i - 1];
	if (prev->side != SIDE_CLIENT || prev->words < REFL_COMPLETE_MIN_WORDS ||
	    sentence_is_question(prev->text, 0, prev->len))
		return 0;
	for (;;) {
		char w[16];
		size_t l = 0;
		int opener = 0;

		while (i < n && !isalpha((unsigned char)t[i]))
			i++;
		while (i < n && isalpha((unsigned char)t[i])) {
			if (l < sizeof(w) - 1)
				w[l++] = (char)tolower((unsigned char)t[i]);
			i++;
		}
		w[l] = '\0';
		if (l == 0)
			return 0;
		if (strcmp(w, "mm") == 0 && i < n && t[i] == '-')
			continue;	/* mm-hmm */
		for (size_t k = 0; k < sizeof(openers) / sizeof(*openers); k++)
			if (strcmp(w, openers[k]) == 0)
				opener = 1;
		if (opener)
			continue;
		for (size_t k = 0; k < sizeof(connectives) /
		    sizeof(*connectives); k++)
			if (strcmp(w, connectives[k]) == 0)
				return 1;
		return 0;
	}
}

struct scratch {
	struct words	client, near, ctx, tmp;
};

/* Where a candidate sentence's reflective reading comes from. */
enum refl_src {
	SRC_NONE,
	SRC_STEM,	/* a stem rule with a reflective form of its own */
	SRC_WEAK,	/* a weak stem (reflection.weak.*) */
	SRC_ECHO,	/* mostly the client's own words */
	SRC_REPEAT,	/* a short fragment of nothing but the client's words */
	SRC_COMPLETES,	/* continues the client's sentence */
	SRC_RISING	/* a statement said as a question */
};

/* One sentence of the utterance, as the analyzer reads it. */
struct sent {
	size_t			 s, e;
	enum sentence_kind	 kind;
	enum refl_src		 src;
	const char		*rule;		/* what made it a candidate */
	int			 veto;		/* not a reflection (directive,
						   affirmation, information) */
	int			 self;		/* starts from the clinician */
	size_t			 found, novel;	/* content words vs the client */
	size_t			 words;		/* all words */
	size_t			 novel_ctx;	/* content words the client did
						   not say in client_context() */
	const char		*complex_rule, *simple_rule;
};

static int
first_fires(rules_ctx *cx, const struct rules_rule *const *list, size_t n,
    const struct rules_subject *sub, const struct rules_rule **hit)
{
	size_t ms, me;

	for (size_t i = 0; i < n; i++)
		if (rules_eval(cx, list[i], sub, 0, &ms, &me)) {
			if (hit != NULL)
				*hit = list[i];
			return 1;
		}
	return 0;
}

/* The complex cue firing on the sentence whose words are not simply the
 * client's own (a feeling word the client said is an echo, not added
 * feeling), or NULL. */
static const char *
complex_cue(const struct reflection *r, rules_ctx *cx,
    const struct rules_subject *sub, const struct words *client,
    struct words *tmp)
{
	size_t ms, me;

	for (size_t i = 0; i < r->ncomplex; i++) {
		size_t from = 0;

		while (rules_eval(cx, r->complex[i], sub, from, &ms, &me)) {
			size_t f2, n2;

			overlap(sub->text + ms, me - ms, client, tmp, &f2, &n2);
			if (n2 > 0 || f2 == 0)
				return r->complex[i]->name;
			from = me > ms ? me : ms + 1;
		}
	}
	return NULL;
}

/* Read sentence t[s..e) of in into *st. */
static int
read_sentence(const struct reflection *r, rules_ctx *cx,
    const struct analyzer_input *in, struct scratch *sc, size_t s, size_t e,
    struct sent *st)
{
	struct rules_subject sub = in->sub;
	const struct rules_rule *hit = NULL;
	size_t found_ctx;

	memset(st, 0, sizeof(*st));
	st->s = s;
	st->e = e;
	sub.text = in->sub.text + s;
	sub.len = e - s;
	first_fires(cx, (const struct rules_rule *const *)r->stems, r->nstems,
	    &sub, &hit);
	st->kind = sentence_kind(r, cx, &sub, in->sub.text, s, e);
	st->self = self_centred(sub.text, sub.len);
	overlap(sub.text, sub.len, &sc->client, &sc->tmp, &st->found,
	    &st->novel);
	if (hit != NULL) {
		st->src = is_weak(hit) ? SRC_WEAK : SRC_STEM;
		st->rule = hit->name;
	} else if (st->kind == SK_RISING && sc->ctx.n > 0) {
		st->src = SRC_RISING;
		st->rule = "reflection.rising";
	} else if (st->kind == SK_STATEMENT &&
	    st->found >= REFL_ECHO_MIN_WORDS && st->novel == 0 &&
	    nwords(sub.text, sub.len) <= REFL_REPEAT_MAX_WORDS) {
		st->src = SRC_REPEAT;
		st->rule = "reflection.repeat";
	} else if (st->kind == SK_STATEMENT &&
	    st->found + st->novel >= REFL_ECHO_MIN_WORDS &&
	    (double)st->found >= REFL_ECHO_OVERLAP *
	    (double)(st->found + st->novel)) {
		st->src = SRC_ECHO;
		st->rule = "reflection.echo";
	}
	if (st->src == SRC_NONE && s == 0 && st->kind == SK_STATEMENT &&
	    completes_client(in, sub.text, sub.len)) {
		st->src = SRC_COMPLETES;
		st->rule = "reflection.completes";
	}
	if (st->src == SRC_NONE)
		return 0;
	/* Sentence vetoes, which a frame overrides. */
	if (!is_frame(hit))
		st->veto = first_fires(cx,
		    (const struct rules_rule *const *)r->nots, r->nnots, &sub,
		    NULL);
	st->words = nwords(sub.text, sub.len);
	overlap(sub.text, sub.len, &sc->ctx, &sc->tmp, &found_ctx, &st->novel_ctx);
	st->complex_rule = complex_cue(r, cx, &sub, &sc->ctx, &sc->tmp);
	if (first_fires(cx, (const struct rules_rule *const *)r->simple,
	    r->nsimple, &sub, &hit))
		st->simple_rule = hit->name;
	return 0;
}

static int
reflection_run(const void *state, rules_ctx *cx,
    const struct analyzer_input *in, struct analyze_utt *out)
{
	const struct reflection *r = state;
	const char *t = in->sub.text;
	size_t len = in->sub.len, pos = 0, s, e, ms, me, nst = 0, cap = 0;
	size_t span_s = 0, span_e = 0, words_all = 0, novel_ctx = 0;
	const char *stem_rule = NULL, *complex_rule = NULL,
	    *simple_rule = NULL;
	int candidate = 0, strong = 0, asks = 0, vetoed = 0, self = 0;
	struct scratch *sc;
	struct sent *st = NULL;

	if (in->sub.side != SIDE_THERAPIST || in->client == NULL)
		return 0;
	sc = xmalloc(sizeof(*sc));
	content_words(in->client->text, in->client->len, &sc->client);
	{
		const struct analyze_utt *prev;

		if (continued_from(in, sc->client.n, &prev)) {
			free(sc);
			for (size_t i = 0; i < prev->ntags; i++)
				if (prev->tags[i].tag == r->t_simple ||
				    prev->tags[i].tag == r->t_complex) {
					analyzer_add(out, prev->tags[i].tag, 0,
					    len, "reflection.continued", NULL,
					    NULL);
					break;
				}
			return 0;
		}
	}
	client_context(in, &sc->near, &sc->ctx, &sc->tmp);

	while (sentence_next(t, len, &pos, &s, &e)) {
		struct rules_subject sub = in->sub;
		struct sent *x;

		st = xgrow(st, &cap, nst + 1, sizeof(*st));
		x = &st[nst++];
		read_sentence(r, cx, in, sc, s, e, x);
		sub.text = t + s;
		sub.len = e - s;
		for (size_t i = 0; i < r->nvetoes && !vetoed; i++)
			if (rules_eval(cx, r->vetoes[i], &sub, 0, &ms, &me))
				vetoed = 1;
		if (x->kind == SK_ASKS)
			asks = 1;
		if (x->self)
			self = 1;
	}
	for (size_t i = 0; i < nst; i++) {
		struct sent *x = &st[i];

		if (x->src == SRC_NONE || x->veto)
			continue;
		if (!candidate) {
			span_s = x->s;
			stem_rule = x->rule;
		}
		span_e = x->e;
		candidate = 1;
		/* An echo, a rising reflection or a continuation has, like
		 * a weak stem, no reflective form of its own: inside an
		 * utterance that asks a question by its form it is the
		 * question's preamble, and MITI 4.2.1 codes the question. A
		 * repetition of the client's own words ("Two at most. And
		 * on a weekend?") is a simple reflection even there. */
		if (x->src == SRC_STEM || x->src == SRC_REPEAT)
			strong = 1;
		words_all += x->words;
		novel_ctx += x->novel_ctx;
		if (complex_rule == NULL)
			complex_rule = x->complex_rule;
		if (simple_rule == NULL)
			simple_rule = x->simple_rule;
	}
	free(st);
	/* Only weak stems: not a reflection when the utterance asks a
	 * question (its function is the question: MITI 4.2.1 codes the
	 * question, and the statement is its preamble), nor when it
	 * continues the clinician's own turn ("- and you usually ...") across
	 * a client backchannel with nothing to reflect ("Mm-hmm."). */
	if (vetoed)
		candidate = 0;
	if (candidate && !strong && (asks || self ||
	    (sc->client.n == 0 && continues_turn(t, len))))
		candidate = 0;
	free(sc);
	if (!candidate)
		return 0;
	if (complex_rule != NULL)
		analyzer_add(out, r->t_complex, span_s, span_e, complex_rule,
		    NULL, NULL);
	else if (simple_rule == NULL && words_all >= REFL_ELABORATE_WORDS &&
	    novel_ctx >= REFL_ELABORATE_NOVEL)
		analyzer_add(out, r->t_complex, span_s, span_e,
		    "reflection.elaborates", NULL, NULL);
	else
		analyzer_add(out, r->t_simple, span_s, span_e,
		    simple_rule != NULL ? simple_rule : stem_rule, NULL, NULL);
	return 0;
}

const struct analyzer analyzer_reflection = {
	"reflection", TAG_REFLECTION, reflection_init, reflection_run,
	reflection_free
};
