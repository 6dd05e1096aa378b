/* examples.h -- redacted example utterances for the reports.
 *
 * For each session, the therapist utterances that best show a skill
 * (complex, then simple reflections; validations; affirmations; never
 * one that is also a directive) and the ones using jargon or giving
 * directives are picked, redacted whole (redact.h: the session's
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

/* The words that identify the client in session s, for redact_text():
 * declared speaker names, the client id, speaker ids long enough to be
 * names, and the session id (which may hold the client id:
 * "P000113-2026-03-01"). names must have room for
 * EXAMPLES_NIDENTIFIERS(s) entries; they are borrowed from s. Returns
 * how many were stored. */
#define EXAMPLES_NIDENTIFIERS(s)	(2 * (s)->nspeakers + 3)
size_t examples_identifiers(const session *s, const char **names);

/* Append session s's example lines to out. */
void examples_session(const session *s, const struct analyze_result *r,
    strbuf *out);

#endif
