/* transcripts.h -- transcripts.jsonl, the redacted text of every utterance
 * (docs/architecture.md section 7; interface).
 *
 * Written only when asked for (`rapport run --session-pages`): the text
 * of whole sessions is clinical data, so it is an opt-in file of its own,
 * and the session pages of the reports show it only when it exists. One
 * JSON object per utterance, in input order:
 *   {"session", "index", "speaker", "role", "start", "end",
 *    "text", "marks": [{"tag", "start", "end"}]}
 * "text" is the whole utterance redacted with redact_text() and the
 * session's identifiers (examples_identifiers(): declared names, the
 * client, speaker and session ids), as the quotes of examples.jsonl are;
 * null for an utterance over EXAMPLES_MAX_SOURCE bytes, which is never
 * shown. "marks" place each of the utterance's tags on the redacted
 * text: byte offsets into "text" (UTF-8), the span of the tag's own text
 * where it is found there unchanged or redacted alike, else the whole
 * text (a span whose words redaction changed).
 */
#ifndef RAPPORT_TRANSCRIPTS_H
#define RAPPORT_TRANSCRIPTS_H

#include "analyze.h"
#include "session.h"
#include "util.h"

/* Append session s's transcripts.jsonl lines (tags r) to b. */
void transcripts_render(strbuf *b, const session *s,
    const struct analyze_result *r);

#endif
