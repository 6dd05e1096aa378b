/* textstats.h -- words, readability and function words of utterance text.
 *
 * Word counting, the Flesch-Kincaid grade (Kincaid, Fishburne, Rogers &
 * Chissom 1975) and language style matching (Ireland & Pennebaker 2010)
 * over nine function-word categories, with word lists written for rapport
 * (textstats.c) -- never the proprietary LIWC dictionary.
 */
#ifndef RAPPORT_TEXTSTATS_H
#define RAPPORT_TEXTSTATS_H

#include <stddef.h>

/* Flesch-Kincaid accumulator over many utterances of one speaker side. */
struct textstats_fk {
	size_t	words, sentences, syllables;
};
void textstats_fk_add(struct textstats_fk *acc, const char *text, size_t len);
/* 0.39 (words/sentences) + 11.8 (syllables/words) - 15.59; NaN when
 * there are no words. */
double textstats_fk_grade(const struct textstats_fk *acc);
/* Syllables of one word by the vowel-group heuristic (textstats.c). */
size_t textstats_syllables(const char *word, size_t len);

/* The nine LSM categories of Ireland & Pennebaker (2010). */
enum textstats_lsm_cat {
	LSM_PERSONAL_PRONOUNS, LSM_IMPERSONAL_PRONOUNS, LSM_ARTICLES,
	LSM_CONJUNCTIONS, LSM_PREPOSITIONS, LSM_AUXILIARY_VERBS,
	LSM_ADVERBS, LSM_NEGATIONS, LSM_QUANTIFIERS, LSM_NCATS
};
struct textstats_lsm {
	size_t	words;
	size_t	cat[LSM_NCATS];
};
void textstats_lsm_add(struct textstats_lsm *acc, const char *text,
    size_t len);
/* The category of a lower-case word, or -1. */
int textstats_lsm_category(const char *word, size_t len);
/* Mean over the nine categories of 1 - |p1 - p2| / (p1 + p2 + 0.0001),
 * p = percentage of the side's words in the category (Ireland &
 * Pennebaker 2010, eq. 1); NaN when either side has no words. */
double textstats_lsm(const struct textstats_lsm *a,
    const struct textstats_lsm *b);

#endif
