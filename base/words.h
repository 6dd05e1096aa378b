/* words.h -- how rapport cuts utterance text into words.
 *
 * One tokeniser for every count (session_utt.words, the Flesch-Kincaid
 * grade, language style matching), so the counts agree: a word is a run
 * of letters, digits and non-ASCII characters, with inner apostrophes
 * (also U+2019) and hyphens kept inside ("don't", "mm-hmm").
 */
#ifndef RAPPORT_WORDS_H
#define RAPPORT_WORDS_H

#include <stddef.h>

/* The next word in [p, end): returns its start and sets *wlen, or NULL
 * when there is none. */
const char *words_next(const char *p, const char *end, size_t *wlen);
/* The number of words of text (len bytes). */
size_t words_count(const char *text, size_t len);

#endif
