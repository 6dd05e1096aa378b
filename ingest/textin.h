/* textin.h -- reading text-based transcript formats (VTT, SRT, CHAT, txt).
 *
 * The shared first steps of every text importer: decode the file to UTF-8
 * (a UTF-8 or UTF-16 byte-order mark; otherwise it must be UTF-8), walk
 * it line by line whatever the line ends (LF, CRLF, CR), read clock times
 * and resolve HTML character references, with 1-based line and column
 * numbers for every message.
 */
#ifndef RAPPORT_TEXTIN_H
#define RAPPORT_TEXTIN_H

#include <stddef.h>

#include "diag.h"
#include "util.h"

/*
 * The text of a file as UTF-8: a UTF-8 BOM is dropped, UTF-16 (LE or BE,
 * told by its BOM) is converted. NUL bytes are refused ("binary data"),
 * and so is invalid UTF-8, with the line and column of the first bad
 * byte and a hint (Latin-1 or Windows-1252 files need converting).
 * Returns a new NUL-terminated buffer (free() it; *outlen its length) or
 * NULL with an error in d.
 */
char *textin_decode(const char *data, size_t len, size_t *outlen,
    struct diags *d);

/* A line iterator over decoded text. Zero it and set p and end. */
struct textin_lines {
	const char	*p, *end;	/* what is left */
	long		 line;		/* number of the line last returned */
	const char	*base;		/* start of the text (for columns) */
};

void textin_lines_init(struct textin_lines *it, const char *text,
    size_t len);
/* The next line without its line end: sets *s and *n. Returns 1, or 0
 * at the end of the text. it->line is then its 1-based number. */
int textin_next_line(struct textin_lines *it, const char **s, size_t *n);
/* Peek at the next line without moving on. Returns 1, or 0 at the end. */
int textin_peek_line(const struct textin_lines *it, const char **s,
    size_t *n);

/* Is the line blank (only spaces and tabs)? */
int textin_blank(const char *s, size_t n);
/* Trim spaces and tabs (and NBSP) at both ends of [*s, *s + *n). */
void textin_trim(const char **s, size_t *n);

/*
 * A clock time at the start of s (n bytes): [H:]MM:SS with an optional
 * fraction after '.' or ',' ("00:01:02.500", "1:02", "01:02:03,250";
 * hours may have any number of digits, minutes and seconds two, or one
 * for the leading field). Returns the number of bytes read and sets *sec,
 * or 0 when s does not start with such a time.
 */
size_t textin_clock(const char *s, size_t n, double *sec);

/*
 * Append s (n bytes) to b with HTML character references resolved: the
 * five XML ones, &nbsp; (as a space), &lrm; &rlm; (dropped), and
 * numeric references &#NN; &#xHH; (invalid code points become U+FFFD).
 * An '&' that starts no known reference is kept as it is.
 */
void textin_entities(strbuf *b, const char *s, size_t n);

/*
 * Is [s, s+n) a plausible speaker label? 1 to 48 bytes and 1 to 5 words
 * of letters, digits and ". - ' _ ( ) # /", with a letter somewhere, not
 * starting with a clock time ("10:30 Meeting" is not a speaker; "Maya
 * (she/her)", a video-call display name, is). When
 * strict, every word must also start with a capital letter, a digit or
 * '(' ("Dr. Lee", "SPEAKER_01", "Speaker 2", "Interviewer"), so a sentence
 * such as "So what I mean is" is not taken for one; a label that is not
 * capitalised ("client") passes only when not strict.
 */
int textin_speaker_like(const char *s, size_t n, int strict);

/*
 * Split "Label: text" at the first ':' of line (n bytes) when what stands
 * before it passes textin_speaker_like(strict) and the ':' is followed by
 * white space or the end of the line (so "10:30" and "http://x" never
 * split). Returns 1 and sets *label, *label_len (trimmed) and *text_off
 * (the offset of the text after the ':' and its spaces), or 0.
 */
int textin_label(const char *line, size_t n, int strict, const char **label,
    size_t *label_len, size_t *text_off);

#endif
