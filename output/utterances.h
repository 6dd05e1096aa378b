/* utterances.h -- utterances.jsonl lines (docs/architecture.md section 7, interface).
 *
 * One JSON object per utterance: session, index, speaker, role, start,
 * end, words, tags [{tag, start, end, rule[, term, plain]}], codes. Shared
 * by `rapport run` and `rapport tag`, so both write the same bytes.
 */
#ifndef RAPPORT_UTTERANCES_H
#define RAPPORT_UTTERANCES_H

#include "analyze.h"
#include "session.h"
#include "util.h"

/* Append the start of utterance i's object, shared with transcripts.jsonl:
 * {"session":..,"index":..,"speaker":..,"role":..,"start":..,"end":..
 * (no closing brace). */
void utterances_head(strbuf *b, const session *s, size_t i);
/* Append one line per utterance of s, with its tags from r, to b. */
void utterances_render(strbuf *b, const session *s,
    const struct analyze_result *r);

#endif
