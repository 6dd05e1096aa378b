/* redact.h -- remove identifiers from text quoted in reports.
 *
 * Quoted utterances are clinical data: before a report shows one, every
 * identifier a pattern can find is replaced by a bracketed category
 * (DESIGN.md section 9; the categories follow the HIPAA Safe Harbor list,
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
 * Smaller numbers ("I'm 34", "2 or 3 times") stay. Text that is not valid
 * UTF-8 is replaced whole by "[unreadable]".
 */
#ifndef RAPPORT_REDACT_H
#define RAPPORT_REDACT_H

#include <stddef.h>

/* A redacted copy of text (free() it). Thread-safe. */
char *redact_text(const char *text, const char *const *names, size_t nnames);

#endif
