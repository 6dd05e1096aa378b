/* sentence.h -- cutting utterance text into sentences.
 *
 * Rules (their mood and negation guards) and the question and reflection
 * analyzers decide sentence by sentence; this is the one definition of a
 * sentence they all use.
 */
#ifndef RAPPORT_SENTENCE_H
#define RAPPORT_SENTENCE_H

#include <stddef.h>

/* The sentence of text[0..len) containing byte pos: sets *s and *e (end
 * exclusive, trailing space trimmed). Sentences end at '.', '!', '?' (runs
 * of them) followed by space or the end, and at newlines. */
void sentence_of(const char *text, size_t len, size_t pos, size_t *s,
    size_t *e);
/* Iterate sentences: from *pos, find the next non-empty sentence, set
 * *s and *e and move *pos past it. Returns 1, or 0 at the end. Start with
 * *pos = 0. */
int sentence_next(const char *text, size_t len, size_t *pos,
    size_t *s, size_t *e);
/* Does text[s..e) end with a question mark (ignoring closing quotes,
 * brackets and dashes)? */
int sentence_is_question(const char *text, size_t s, size_t e);

#endif
