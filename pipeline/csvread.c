/* csvread.c -- RFC 4180 CSV records with their line numbers. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvread.h"
#include "util.h"

struct csvread {
	FILE	*f;
	char	*shown;
	long	 line;		/* current physical line */
	int	 first;		/* no byte read yet (BOM check) */
	strbuf	 buf;		/* the record's fields, NUL-separated */
	size_t	*off;		/* field starts in buf */
	char   **fields;
	size_t	 n, cap, fcap;
};

csvread *
csvread_open(const char *path, const char *shown, char **why)
{
	csvread *r;
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");

	if (f == NULL) {
		*why = xasprintf("%s:0: cannot open: %s", shown,
		    strerror(errno));
		return NULL;
	}
	r = xcalloc(1, sizeof(*r));
	r->f = f;
	r->shown = xstrdup(shown);
	r->line = 1;
	r->first = 1;
	return r;
}

void
csvread_close(csvread *r)
{
	if (r == NULL)
		return;
	if (r->f != stdin)
		fclose(r->f);
	free(r->shown);
	strbuf_free(&r->buf);
	free(r->off);
	free(r->fields);
	free(r);
}

static int
next_char(csvread *r)
{
	int c = getc(r->f);

	if (r->first) {
		r->first = 0;
		if (c == 0xEF) {	/* a UTF-8 byte-order mark */
			int c2 = getc(r->f), c3 = getc(r->f);

			if (c2 == 0xBB && c3 == 0xBF)
				return getc(r->f);
			/* Not a BOM: let the UTF-8 check report it. */
			if (c3 != EOF)
				ungetc(c3, r->f);
			if (c2 != EOF)
				ungetc(c2, r->f);
		}
	}
	return c;
}

/* Skip to the end of the current line after an error. */
static void
skip_line(csvread *r, int c)
{
	while (c != EOF && c != '\n')
		c = next_char(r);
	if (c == '\n')
		r->line++;
}

static void
end_field(csvread *r)
{
	strbuf_addc(&r->buf, '\0');
	r->off = xgrow(r->off, &r->cap, r->n + 2, sizeof(*r->off));
	r->off[++r->n] = r->buf.len;
}

static int
fail(csvread *r, long line, char **why, const char *msg, int c)
{
	*why = xasprintf("%s:%ld: %s", r->shown, line, msg);
	skip_line(r, c);
	return -1;
}

int
csvread_next(csvread *r, char ***fields, size_t *n, long *line, char **why)
{
	int c, quoted = 0, after_quote = 0;
	long start, qline = 0;
	size_t flen = 0;

	strbuf_reset(&r->buf);
	r->n = 0;
	r->off = xgrow(r->off, &r->cap, 1, sizeof(*r->off));
	r->off[0] = 0;
	start = r->line;
	if ((c = next_char(r)) == EOF)
		return 0;
	for (;; c = next_char(r)) {
		if (c == '\0')
			return fail(r, r->line, why, "NUL byte in the CSV", c);
		if (quoted) {
			if (c == EOF)
				return fail(r, qline, why, "unterminated quoted "
				    "field (the quote opens here)", c);
			if (c == '"') {
				int d = next_char(r);

				if (d == '"') {
					strbuf_addc(&r->buf, '"');
					flen++;
					continue;
				}
				quoted = 0;
				after_quote = 1;
				c = d;
			} else {
				if (c == '\n')
					r->line++;
				strbuf_addc(&r->buf, (char)c);
				if (++flen > CSVREAD_MAX_FIELD)
					return fail(r, start, why, "field longer "
					    "than 8 MiB", c);
				continue;
			}
		}
		if (c == ',' ) {
			end_field(r);
			after_quote = 0;
			flen = 0;
			continue;
		}
		if (c == '\r') {
			int d = next_char(r);

			if (d != '\n' && d != EOF)
				ungetc(d, r->f);
			c = '\n';
		}
		if (c == '\n' || c == EOF) {
			end_field(r);
			if (c == '\n')
				r->line++;
			break;
		}
		if (after_quote)
			return fail(r, r->line, why, "text after a closing "
			    "quote (a quote inside a quoted field is written "
			    "\"\")", c);
		if (c == '"') {
			if (flen > 0)
				return fail(r, r->line, why, "stray quote in an "
				    "unquoted field (quote the whole field and "
				    "double the quote)", c);
			quoted = 1;
			qline = r->line;
			continue;
		}
		strbuf_addc(&r->buf, (char)c);
		if (++flen > CSVREAD_MAX_FIELD)
			return fail(r, start, why, "field longer than 8 MiB",
			    c);
	}
	if (!utf8_valid(r->buf.s, r->buf.len)) {
		*why = xasprintf("%s:%ld: invalid UTF-8 in the record", r->shown,
		    start);
		return -1;
	}
	r->fields = xgrow(r->fields, &r->fcap, r->n, sizeof(*r->fields));
	for (size_t i = 0; i < r->n; i++)
		r->fields[i] = r->buf.s + r->off[i];
	*fields = r->fields;
	*n = r->n;
	*line = start;
	return 1;
}
