/* xmlwrite.h -- a session as transcript XML (format version 1).
 *
 * The one writer every importer's output goes through (`rapport import`),
 * so what it writes is what `rapport validate` and the schema accept:
 * text and attributes escaped, characters XML 1.0 forbids dropped, times
 * in seconds with at most three decimals, measure values as plain
 * decimals. Speakers are written with their pseudonymous ids; a speaker's
 * name (for redaction) goes in speaker@name, which no output of rapport
 * ever shows.
 */
#ifndef RAPPORT_XMLWRITE_H
#define RAPPORT_XMLWRITE_H

#include "session.h"
#include "util.h"

/* Append session s as a whole XML document to b. */
void xmlwrite_session(strbuf *b, const session *s);

/* A file name for session id: letters, digits, '.', '-' and '_' kept
 * (a leading '.' is not), every other byte '_', then ".xml". free() it. */
char *xmlwrite_file_name(const char *id);

#endif
