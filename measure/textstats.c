/* textstats.c -- word counts, Flesch-Kincaid grade, language style matching.
 *
 * Words are those of base/words.c, so every count agrees.
 *
 * Syllables: the common vowel-group heuristic used by readability tools
 * (e.g. the description in Flesch 1949 and its automations): count groups
 * of adjacent vowels (a e i o u y), drop a final silent "e" (but not
 * "-le" after a consonant, as in "table"), and count at least one per
 * word. Digits and non-ASCII words count one syllable. It errs by about
 * one syllable in eight words, which moves the FK grade by a fraction.
 *
 * Function words: nine categories after Ireland & Pennebaker (2010,
 * JPSP 99(3), "Language style matching in writing"), who defined LSM over
 * LIWC's function-word categories. The lists below were written for
 * rapport from standard grammars of English function words (closed-class
 * words by part of speech), not taken from LIWC, and are open to use.
 */
#include "config.h"

#include <ctype.h>
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "textstats.h"
#include "words.h"

static int
vowel(int c)
{
	return strchr("aeiouy", tolower(c)) != NULL && c != '\0';
}

size_t
textstats_syllables(const char *word, size_t len)
{
	size_t n = 0, letters = 0;
	int prev = 0;

	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)word[i];

		if (!isalpha(c)) {
			if (c >= 0x80 || isdigit(c))
				return 1;
			prev = 0;
			continue;
		}
		letters++;
		if (vowel(c) && !prev)
			n++;
		prev = vowel(c);
	}
	if (letters > 2 && tolower((unsigned char)word[len - 1]) == 'e' &&
	    !(tolower((unsigned char)word[len - 2]) == 'l' &&
	    !vowel(word[len - 3])) && n > 1)
		n--;
	return n > 0 ? n : 1;
}

void
textstats_fk_add(struct textstats_fk *acc, const char *text, size_t len)
{
	const char *p = text, *end = text + len;
	size_t wlen, words = 0, ends = 0;
	int pending = 0;	/* words since the last sentence end */

	while ((p = words_next(p, end, &wlen)) != NULL) {
		const char *q = p + wlen;

		words++;
		pending = 1;
		acc->syllables += textstats_syllables(p, wlen);
		/* A sentence ends at . ! ? (runs count once) after a word. */
		while (q < end && (*q == '"' || *q == '\'' || *q == ')'))
			q++;
		if (q < end && (*q == '.' || *q == '!' || *q == '?')) {
			ends++;
			pending = 0;
		}
		p += wlen;
	}
	acc->words += words;
	/* An utterance is at least one sentence, ended or not. */
	acc->sentences += ends + (size_t)pending;
}

double
textstats_fk_grade(const struct textstats_fk *acc)
{
	double w = (double)acc->words;

	if (acc->words == 0 || acc->sentences == 0)
		return NAN;
	return 0.39 * (w / (double)acc->sentences) +
	    11.8 * ((double)acc->syllables / w) - 15.59;
}

/* --- function words --- */

struct fword {
	const char	*word;
	int		 cat;
};

#define P LSM_PERSONAL_PRONOUNS
#define I LSM_IMPERSONAL_PRONOUNS
#define A LSM_ARTICLES
#define C LSM_CONJUNCTIONS
#define R LSM_PREPOSITIONS
#define X LSM_AUXILIARY_VERBS
#define D LSM_ADVERBS
#define N LSM_NEGATIONS
#define Q LSM_QUANTIFIERS

/* Each word is in one category: where English uses a word in two roles
 * ("that": pronoun or conjunction) it is listed under its more frequent
 * role in conversation. */
static struct fword fwords[] = {
	/* personal pronouns */
	{ "i", P }, { "me", P }, { "my", P }, { "mine", P }, { "myself", P },
	{ "i'm", P }, { "i've", P }, { "i'll", P }, { "i'd", P },
	{ "we", P }, { "us", P }, { "our", P }, { "ours", P },
	{ "ourselves", P }, { "we're", P }, { "we've", P }, { "we'll", P },
	{ "we'd", P }, { "you", P }, { "your", P }, { "yours", P },
	{ "yourself", P }, { "yourselves", P }, { "you're", P },
	{ "you've", P }, { "you'll", P }, { "you'd", P }, { "ya", P },
	{ "he", P }, { "him", P }, { "his", P }, { "himself", P },
	{ "he's", P }, { "he'd", P }, { "he'll", P }, { "she", P },
	{ "her", P }, { "hers", P }, { "herself", P }, { "she's", P },
	{ "she'd", P }, { "she'll", P }, { "they", P }, { "them", P },
	{ "their", P }, { "theirs", P }, { "themselves", P },
	{ "they're", P }, { "they've", P }, { "they'll", P }, { "they'd", P },
	/* impersonal pronouns */
	{ "it", I }, { "its", I }, { "itself", I }, { "it's", I },
	{ "it'll", I }, { "it'd", I }, { "this", I }, { "that", I },
	{ "these", I }, { "those", I }, { "that's", I }, { "what", I },
	{ "what's", I }, { "which", I }, { "who", I }, { "whom", I },
	{ "whose", I }, { "whatever", I }, { "whoever", I },
	{ "whichever", I }, { "anything", I }, { "anyone", I },
	{ "anybody", I }, { "something", I }, { "someone", I },
	{ "somebody", I }, { "everything", I }, { "everyone", I },
	{ "everybody", I }, { "nothing", I }, { "nobody", I },
	{ "one", I }, { "oneself", I }, { "there's", I },
	/* articles */
	{ "a", A }, { "an", A }, { "the", A },
	/* conjunctions */
	{ "and", C }, { "but", C }, { "or", C }, { "nor", C }, { "so", C },
	{ "yet", C }, { "because", C }, { "cause", C }, { "although", C },
	{ "though", C }, { "while", C }, { "whereas", C }, { "unless", C },
	{ "if", C }, { "whether", C }, { "since", C }, { "once", C },
	{ "whenever", C }, { "wherever", C }, { "as", C }, { "than", C },
	{ "also", C }, { "plus", C }, { "however", C }, { "therefore", C },
	/* prepositions */
	{ "about", R }, { "above", R }, { "across", R }, { "after", R },
	{ "against", R }, { "along", R }, { "among", R }, { "around", R },
	{ "at", R }, { "before", R }, { "behind", R }, { "below", R },
	{ "beneath", R }, { "beside", R }, { "besides", R }, { "between", R },
	{ "beyond", R }, { "by", R }, { "despite", R }, { "down", R },
	{ "during", R }, { "except", R }, { "for", R }, { "from", R },
	{ "in", R }, { "inside", R }, { "into", R }, { "like", R },
	{ "near", R }, { "of", R }, { "off", R }, { "on", R }, { "onto", R },
	{ "out", R }, { "outside", R }, { "over", R }, { "past", R },
	{ "through", R }, { "throughout", R }, { "to", R }, { "toward", R },
	{ "towards", R }, { "under", R }, { "underneath", R }, { "until", R },
	{ "till", R }, { "up", R }, { "upon", R }, { "with", R },
	{ "within", R }, { "without", R }, { "via", R }, { "per", R },
	/* auxiliary verbs */
	{ "am", X }, { "is", X }, { "are", X }, { "was", X }, { "were", X },
	{ "be", X }, { "been", X }, { "being", X }, { "have", X },
	{ "has", X }, { "had", X }, { "having", X }, { "do", X },
	{ "does", X }, { "did", X }, { "will", X }, { "would", X },
	{ "shall", X }, { "should", X }, { "can", X }, { "could", X },
	{ "may", X }, { "might", X }, { "must", X }, { "ought", X },
	{ "gonna", X }, { "wanna", X }, { "gotta", X }, { "let's", X },
	/* high-frequency adverbs */
	{ "very", D }, { "really", D }, { "just", D },
	{ "too", D }, { "quite", D }, { "rather", D }, { "pretty", D },
	{ "now", D }, { "then", D }, { "here", D }, { "there", D },
	{ "when", D }, { "where", D }, { "why", D }, { "how", D },
	{ "again", D }, { "already", D }, { "still", D }, { "even", D },
	{ "only", D }, { "ever", D }, { "always", D }, { "often", D },
	{ "sometimes", D }, { "usually", D }, { "maybe", D },
	{ "perhaps", D }, { "actually", D }, { "probably", D },
	{ "almost", D }, { "soon", D }, { "today", D }, { "anyway", D },
	{ "kind", D }, { "sort", D }, { "totally", D }, { "definitely", D },
	/* negations */
	{ "no", N }, { "not", N }, { "never", N }, { "none", N },
	{ "neither", N }, { "nowhere", N }, { "don't", N }, { "doesn't", N },
	{ "didn't", N }, { "isn't", N }, { "aren't", N }, { "wasn't", N },
	{ "weren't", N }, { "won't", N }, { "wouldn't", N }, { "can't", N },
	{ "cannot", N }, { "couldn't", N }, { "shouldn't", N },
	{ "haven't", N }, { "hasn't", N }, { "hadn't", N }, { "mustn't", N },
	{ "ain't", N }, { "nope", N }, { "nah", N },
	/* quantifiers */
	{ "all", Q }, { "any", Q }, { "some", Q }, { "many", Q },
	{ "much", Q }, { "more", Q }, { "most", Q }, { "few", Q },
	{ "fewer", Q }, { "less", Q }, { "least", Q }, { "lot", Q },
	{ "lots", Q }, { "several", Q }, { "each", Q }, { "every", Q },
	{ "both", Q }, { "either", Q }, { "enough", Q }, { "half", Q },
	{ "whole", Q }, { "plenty", Q }, { "bit", Q }, { "little", Q },
	{ "couple", Q }, { "other", Q }, { "another", Q }, { "such", Q },
};

#undef P
#undef I
#undef A
#undef C
#undef R
#undef X
#undef D
#undef N
#undef Q

#define NFWORDS (sizeof(fwords) / sizeof(fwords[0]))

static pthread_once_t fwords_once = PTHREAD_ONCE_INIT;

static int
fword_cmp(const void *a, const void *b)
{
	return strcmp(((const struct fword *)a)->word,
	    ((const struct fword *)b)->word);
}

/* Sort the table once (each word is listed once). */
static void
fwords_sort(void)
{
	qsort(fwords, NFWORDS, sizeof(fwords[0]), fword_cmp);
}

int
textstats_lsm_category(const char *word, size_t len)
{
	char buf[32];
	struct fword key = { buf, 0 }, *hit;

	if (len == 0 || len >= sizeof(buf))
		return -1;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)word[i];

		buf[i] = (char)tolower(c);
	}
	buf[len] = '\0';
	pthread_once(&fwords_once, fwords_sort);
	hit = bsearch(&key, fwords, NFWORDS, sizeof(fwords[0]), fword_cmp);
	return hit != NULL ? hit->cat : -1;
}

void
textstats_lsm_add(struct textstats_lsm *acc, const char *text, size_t len)
{
	const char *p = text, *end = text + len;
	size_t wlen;

	while ((p = words_next(p, end, &wlen)) != NULL) {
		char buf[32];
		size_t n = 0;
		int cat;

		/* Fold U+2019 into ' so "don’t" is "don't". */
		for (size_t i = 0; i < wlen && n < sizeof(buf) - 1; i++) {
			if ((unsigned char)p[i] == 0xe2 && i + 2 < wlen &&
			    (unsigned char)p[i + 1] == 0x80 &&
			    (unsigned char)p[i + 2] == 0x99) {
				buf[n++] = '\'';
				i += 2;
			} else
				buf[n++] = p[i];
		}
		acc->words++;
		if ((cat = textstats_lsm_category(buf, n)) >= 0)
			acc->cat[cat]++;
		p += wlen;
	}
}

double
textstats_lsm(const struct textstats_lsm *a, const struct textstats_lsm *b)
{
	double sum = 0;

	if (a->words == 0 || b->words == 0)
		return NAN;
	for (int c = 0; c < LSM_NCATS; c++) {
		double p1 = 100.0 * (double)a->cat[c] / (double)a->words;
		double p2 = 100.0 * (double)b->cat[c] / (double)b->words;

		sum += 1 - fabs(p1 - p2) / (p1 + p2 + 0.0001);
	}
	return sum / LSM_NCATS;
}
