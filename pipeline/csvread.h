/* csvread.h -- a streaming RFC 4180 CSV reader with line numbers.
 *
 * Quoted fields with doubled quotes, commas and line breaks inside, CRLF
 * or LF line ends, an optional UTF-8 byte-order mark. Every record is
 * checked: a problem is reported as "FILE:LINE: reason", LINE being the
 * physical line where the record (or the open quote) starts.
 */
#ifndef RAPPORT_CSVREAD_H
#define RAPPORT_CSVREAD_H

#include <stddef.h>

/* A field may be at most this long. */
#define CSVREAD_MAX_FIELD (8u << 20)

typedef struct csvread csvread;

/* Open path ("-" is standard input); shown names it in messages. NULL
 * and *why when it cannot be opened. */
csvread *csvread_open(const char *path, const char *shown, char **why);
/*
 * Read the next record. Returns 1 and sets *fields (n of them, each
 * NUL-terminated, valid until the next call) and *line; 0 at the end;
 * -1 with *why ("FILE:LINE: reason"; free() it) on a malformed record,
 * after which reading goes on at the next line (0 when nothing is left).
 */
int csvread_next(csvread *r, char ***fields, size_t *n, long *line,
    char **why);
void csvread_close(csvread *r);

#endif
