/* examples.h -- redacted example utterances for the reports.
 *
 * For each session, the therapist utterances that best show a skill
 * (complex, then simple reflections; validations; affirmations) and the
 * ones using jargon are picked, redacted whole (redact.h: the session's
 * declared names, client and session ids, and every category there),
 * cut to EXAMPLES_MAX_BYTES and written as examples.jsonl lines:
 *   {"session","clinician","date","index","kind","tag","text","term",
 *    "plain","score"}
 * Reports choose among them; they never read the transcripts.
 */
#ifndef RAPPORT_EXAMPLES_H
#define RAPPORT_EXAMPLES_H

#include "analyze.h"
#include "session.h"
#include "util.h"

/* At most this many examples of each kind per session. */
#define EXAMPLES_PER_KIND 2
/* Quoted text is redacted whole, then cut (at a character boundary, not
 * inside a label) after this many bytes. */
#define EXAMPLES_MAX_BYTES 280
/* Utterances longer than this are never quoted. */
#define EXAMPLES_MAX_SOURCE 65536

/* Append session s's example lines to out. */
void examples_session(const session *s, const struct analyze_result *r,
    strbuf *out);

#endif
