/* examples.h -- redacted example utterances for the reports.
 *
 * For each session, the therapist utterances that best show a skill
 * (complex, then simple reflections; validations; affirmations) and the
 * ones using jargon are picked, redacted (redact.h: the session's
 * declared names and client id, emails, phones, addresses, dates, long
 * numbers) and written as examples.jsonl lines:
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
/* Quoted text is cut (at a character boundary) after this many bytes. */
#define EXAMPLES_MAX_BYTES 280

/* Append session s's example lines to out. */
void examples_session(const session *s, const struct analyze_result *r,
    strbuf *out);

#endif
