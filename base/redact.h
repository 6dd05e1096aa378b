/* redact.h -- remove identifiers from text quoted in reports.
 *
 * Quoted utterances are clinical data: before a report shows one, every
 * identifier a pattern can find is replaced by a bracketed category
 * (docs/architecture.md section 9; the categories follow the HIPAA Safe Harbor list,
 * 45 CFR 164.514(b)(2), as far as text patterns can reach):
 *   [email]    user@host.tld
 *   [phone]    +44 20 7946 0958, (555) 123-4567, 555-123-4567,
 *              555.123.4567, 07700 900123
 *   [address]  a house number and one to three capitalised words ending in
 *              Street, St, Road, Rd, Avenue, Ave, Lane, Ln, Drive, Dr,
 *              Boulevard, Blvd, Court, Ct, Way, Place, Pl, Terrace, Close,
 *              Crescent
 *   [date]     2026-03-14, 14/03/2026, 3/14/26, 14.03.2026, March 14,
 *              14 March 2026, Mar 14th, March 14, 2026, the 14th of March
 *   [number]   four or more digits, possibly in groups joined by - or a
 *              space (123-45-6789, 4111 1111 1111 1111); a year standing
 *              alone is a number too
 *   [name]     each of the caller's names (declared speaker names, client
 *              ids) as a whole word, ignoring case; "Alex's" keeps its 's
 * Smaller numbers ("I'm 34", "2 or 3 times") stay; a year alone ("in
 * 2019") and a range such as "30-40" have four digits and become [number]:
 * over-redaction is the safe side. A month without a day ("in May") stays
 * unless May is a declared name.
 *
 * The patterns run in the order above (names last), each over the output of
 * the one before. A name matches only as a whole word, in any case by
 * Unicode case folding (PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS: "Zoë"
 * finds "ZOË"), but not across Unicode normalisation forms (a decomposed
 * "Zoe\u0308" is not "Zoë"); spaces inside a name match any run of white
 * space. Names equal to a label word ("Date") leave the labels alone.
 *
 * Failing closed: text that is not valid UTF-8, or on which a pattern hits
 * the match limit (hostile or enormous text), is replaced whole by
 * REDACT_UNREADABLE, never shown partly searched.
 */
#ifndef RAPPORT_REDACT_H
#define RAPPORT_REDACT_H

#include <stddef.h>

#define REDACT_UNREADABLE "[unreadable]"

/* A redacted copy of text.
 *   text    NUL-terminated UTF-8, borrowed.
 *   names   nnames names to remove (NULL, empty or invalid UTF-8 entries
 *           are skipped; names may be NULL when nnames is 0), borrowed.
 * Returns a new string (never NULL: allocation failure is fatal) that the
 * caller frees with free(). Thread-safe: the fixed patterns are compiled
 * once and every call has its own match data. */
char *redact_text(const char *text, const char *const *names, size_t nnames);

#endif
