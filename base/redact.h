/* redact.h -- remove identifiers from text quoted in reports.
 *
 * Quoted utterances are clinical data: before a report shows one, every
 * identifier a pattern can find is replaced by a bracketed category
 * (docs/architecture.md section 9). The categories follow the HIPAA Safe Harbor list,
 * 45 CFR 164.514(b)(2), as far as text patterns reach, and the practice
 * of clinical de-identifiers (PhysioNet deid, Neamatullah et al. 2008;
 * Philter, Norgeot et al. 2020): context words as well as shapes.
 * Speech is transcribed, so numbers may be words and emails read out.
 *   [email]    user@host.tld, user@localhost; read out: "jane dot doe at
 *              gmail dot com", "sam [at] yahoo [dot] com", "greg
 *              underscore hall at ..." (ending in a top-level domain)
 *   [url]      http(s)://..., www...., a name ending in .com .org .net
 *              .edu .gov .io .uk .nhs ... with its path
 *   [ip]       IPv4 192.168.1.44; IPv6 with a hex letter or "::"
 *   [phone]    +44 20 7946 0958, (555) 123-4567, 555-123-4567,
 *              555.123.4567, 07700 900123; seven or more digits read out
 *              ("oh seven seven double oh nine ...")
 *   [address]  a house number (12, 221B, "twelve", "forty-two") and one to
 *              three capitalised words ending in a street type (Street,
 *              St, Road, Lane, Close, Gardens, ...); a capitalised street
 *              name without a number ("on Hawthorn Drive"); 57 Rue de la
 *              Paix; Flat 3, Apartment 4B, Unit 7, Suite 400, PO Box 4471
 *   [postcode] UK (SW1A 1AA), Canadian (K1A 0B1), a US ZIP after a state
 *              code (MA 02139) or "zip", ZIP+4 (10027-6601)
 *   [id]       record numbers with letters: after a word naming one (MRN
 *              A1234567, case number CR-2024-0815, plate, policy, NI
 *              number ...), letters then 3+ digits (P000113-2026-03-01,
 *              QQ123456C), capitals and digits mixed (AB12CDE, LD23 XYZ),
 *              parts joined by "/" (2024/117/AB)
 *   [date]     2026-03-14, 14/03/2026, 3/14/26, 05-11-2024, 14.03.2026,
 *              March 14, 14 March 2026, Mar 14th, the 14th of March, the
 *              third of March, September the fifth, April (of) 2021,
 *              Christmas Day 2019
 *   [age]      ages over 89 (HIPAA's cut-off): "95 years old", "a
 *              ninety-three year old", "94-year-old", and after aged,
 *              turned, is, was, I'm, died at ... ("is 92"), not before a
 *              unit ("100 percent", "99.9%")
 *   [number]   four or more digits, possibly in groups joined by - or a
 *              space (123-45-6789, 4111 1111 1111 1111); a year standing
 *              alone is a number too
 *   [name]     a capitalised word (or two) after a kinship or relation
 *              word ("my daughter Emily", "your husband, Tom", "your best
 *              friend Priya", "sister-in-law Leanne") or before one
 *              ("Sandra, your mum's friend"), after "called" or "name is",
 *              or after a title (Mrs Patel, Dr Okafor, Auntie Pam); and
 *              each of the caller's names (declared speaker names, client
 *              and session ids) as a whole word, then each capitalised
 *              word of two or more letters of a name of several words
 *              ("Alex Morgan": also "Alex", "Morgan")
 * Smaller numbers ("I'm 34", "2 or 3 times") stay; a year alone ("in
 * 2019") and a range such as "30-40" have four digits and become [number]:
 * over-redaction is the safe side. A month without a day ("in May") stays
 * unless May is a declared name.
 *
 * A declared name matches in any case by Unicode case folding
 * (PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS: "Zoë" finds "ZOË") and without
 * its accents, both ways: each letter of Latin-1 Supplement and Latin
 * Extended-A matches its base letter and its other accented forms
 * ("Renée" finds "Renee", "RENEE", "renée"; "Chloe" finds "Chloé";
 * "Łukasz", "Bjørn" find "Lukasz", "Bjorn"), and any letter may carry
 * combining marks (a decomposed "Rene\u0301e"). A space or hyphen in a
 * name matches any run of white space or hyphens ("Ana-María" finds "Ana
 * Maria"), an apostrophe either apostrophe or none. "Alex's" keeps its 's.
 * Limits: letters that fold to two (ß and ss, æ and ae, ä and ae in
 * "Mueller" for "Müller"), other scripts (no transliteration), nicknames
 * ("Dani" for "Danielle") and misspellings are not matched. Names that
 * were never declared are found only next to the context words above, and
 * only capitalised: a lowercase transcript or a bare name ("Sarah, how
 * are you?") is not found. Cities and towns (Safe Harbor's "geographic
 * subdivisions") are not redacted: there is no gazetteer. Measured on the
 * planted-identifier sets of tests/inputs/redact/ (tests/redact.test).
 *
 * The patterns run in the order above (declared names last), each over
 * the output of the one before. Names equal to a label word ("Date")
 * leave the labels alone. Repetitions that could backtrack are bounded
 * or start only where a run starts, so long runs match in linear time.
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
