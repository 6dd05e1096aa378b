/* lag.h -- lag-1 transitions from therapist tags to the client's reply.
 *
 * For every therapist-side utterance immediately followed by a
 * client-side one, each therapist tag on it (rows: the therapist-side
 * leaf tags, or "none") is paired with each client tag on the reply
 * (columns: the client-side leaf tags, or "none"), and the pair counted.
 * Utterances carry several tags, so one transition may add to several
 * cells; the table is then analysed cell by cell (Bakeman & Quera 2011,
 * ch. 9, on multiple codes per event).
 */
#ifndef RAPPORT_LAG_H
#define RAPPORT_LAG_H

#include <stddef.h>

#include "analyze.h"
#include "session.h"
#include "util.h"

/* Number of rows and columns (the last of each is "none"). */
void lag_dims(size_t *rows, size_t *cols);
const char *lag_row_name(size_t i);
const char *lag_col_name(size_t j);

/* Add session s's transitions to counts (rows x cols, row-major). */
void lag_session(const session *s, const struct analyze_result *r,
    unsigned long *counts);

/* The "lag1" object of corpus.json from the corpus's counts. */
void lag_json(const unsigned long *counts, strbuf *b);

#endif
