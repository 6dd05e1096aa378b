/* diag.h -- diagnostics: a problem found in an input, with its position.
 *
 * Every stage that reads user input (XML ingest, the importers, the
 * metadata sheet, rule files) reports problems as diagnostics: a severity,
 * a 1-based line and column (0 when unknown: line 0 means the file as a
 * whole) and a message without path or trailing newline. The caller adds
 * the path when it prints them as PATH:LINE:COL: MESSAGE (diag_print()).
 */
#ifndef RAPPORT_DIAG_H
#define RAPPORT_DIAG_H

#include <stddef.h>
#include <stdio.h>

enum diag_severity {
	DIAG_WARNING,	/* the input is still used */
	DIAG_ERROR	/* the session or input is rejected */
};

struct diag {
	enum diag_severity	 severity;
	long			 line, col;
	char			*msg;
};

/* A growable list of diagnostics. Zero-initialise to start. */
struct diags {
	struct diag	*v;
	size_t		 n, cap;
};

/* Append a diagnostic; the message is formatted with printf rules. */
void diags_add(struct diags *d, enum diag_severity sev, long line, long col,
    const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* Shorthands for diags_add(d, DIAG_ERROR / DIAG_WARNING, ...). */
void diags_error(struct diags *d, long line, long col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void diags_warn(struct diags *d, long line, long col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* Append copies of every diagnostic of src. */
void diags_append(struct diags *d, const struct diags *src);
/* How many are errors. */
size_t diags_errors(const struct diags *d);
/* Drop every diagnostic (the memory is kept for reuse). */
void diags_clear(struct diags *d);
void diags_free(struct diags *d);

/*
 * Print one diagnostic as PATH:LINE:COL: [warning: ]MESSAGE on f. The
 * path is printed with control characters escaped (printable()), so a
 * hostile file name cannot forge a line of output or a terminal escape.
 */
void diag_print(FILE *f, const char *path, const struct diag *d);

#endif
