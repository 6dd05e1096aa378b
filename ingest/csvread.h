/* csvread.h -- a streaming RFC 4180 CSV reader with line numbers.
 *
 * Quoted fields with doubled quotes, commas and line breaks inside, CRLF,
 * LF or CR line ends, an optional UTF-8 byte-order mark. Every record is
 * checked: a problem is reported as "FILE:LINE: reason", LINE being the
 * physical line of the problem (of the open quote for an unterminated
 * field, of the record's start for invalid UTF-8 or an over-long field).
 * Memory is bounded by the longest record, never the file.
 */
#ifndef RAPPORT_CSVREAD_H
#define RAPPORT_CSVREAD_H

#include <stddef.h>

/* A field may be at most this long, a record (all its fields) this. */
#define CSVREAD_MAX_FIELD	(8u << 20)
#define CSVREAD_MAX_RECORD	(64u << 20)

typedef struct csvread csvread;

/*
 * Open path ("-" is standard input) for reading; shown names it in
 * messages. Returns the reader (close it with csvread_close()), or NULL
 * and *why ("SHOWN:0: cannot open: ..."; the caller frees it).
 */
csvread *csvread_open(const char *path, const char *shown, char **why);

/* A reader over data (len bytes, borrowed until csvread_close()); NULL
 * only when the C library cannot make a stream of memory. */
csvread *csvread_open_mem(const char *data, size_t len, const char *shown);
/* Separate fields by c instead of ','. */
void csvread_set_delimiter(csvread *r, int c);
/* The likeliest separator of data (',' ';' tab '|'): the one found most
 * often outside quotes on its first line; ',' when none is. */
int csvread_sniff_delimiter(const char *data, size_t len);

/*
 * Read the next record. Returns 1 and sets *fields (*n of them, each
 * NUL-terminated), *line (the physical line where the record starts);
 * 0 at the end of the input; -1 on a malformed record, with *why
 * ("SHOWN:LINE: reason"; the caller frees it) and *fields, *n, *line set
 * to the record as far as it could be read (the caller may use them to
 * say which record failed, not as data). The fields are borrowed and valid
 * until the next call. After -1 reading goes on with the next record: a
 * problem inside a quoted field (a NUL byte, an over-long field) resumes
 * after the field's closing quote, so line breaks inside quotes never
 * start a false record.
 */
int csvread_next(csvread *r, char ***fields, size_t *n, long *line,
    char **why);

/*
 * 1 once a quoted field was still open at the end of the input: every
 * record after its opening quote is lost (it was read as the field's
 * text), so a caller must not take the records it got as the whole file.
 */
int csvread_truncated(const csvread *r);

/* Close r (NULL is fine); standard input is left open. */
void csvread_close(csvread *r);

#endif
