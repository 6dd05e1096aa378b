/* csvread.c -- RFC 4180 CSV records with their line numbers.
 *
 * A record is read to its end even when it is malformed, and the first
 * problem is kept: that way the reader stays in step with the quoting (a
 * NUL byte inside a quoted field does not make the rest of the field look
 * like new records) and the caller still sees which record failed. The
 * recovery for problems outside quotes is that of common readers: a stray
 * quote in an unquoted field is kept as text, text after a closing quote
 * is appended, and the record ends at the end of the physical line.
 */
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
	int	 truncated;	/* a quote was open at the end of the input */
	int	 back[3];	/* pushed-back bytes, the last read first */
	int	 nback;
	strbuf	 buf;		/* the record's fields, NUL-separated */
	size_t	*off;		/* field starts in buf */
	char   **fields;
	size_t	 n, cap, fcap;
	/* The record being read. */
	char	*err;		/* its first problem, or NULL */
	size_t	 flen;		/* bytes in the current field */
	int	 delim;		/* field separator, ',' unless set */
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
	r->delim = ',';
	return r;
}

csvread *
csvread_open_mem(const char *data, size_t len, const char *shown)
{
	csvread *r = xcalloc(1, sizeof(*r));

	/* fmemopen() of an empty buffer fails on some libcs: give it one
	 * byte it never reads. */
	r->f = fmemopen((void *)(len > 0 ? data : "\n"), len > 0 ? len : 1,
	    "rb");
	if (r->f == NULL) {
		free(r);
		return NULL;
	}
	if (len == 0)
		(void)getc(r->f);
	r->shown = xstrdup(shown);
	r->line = 1;
	r->first = 1;
	r->delim = ',';
	return r;
}

void
csvread_set_delimiter(csvread *r, int c)
{
	r->delim = c;
}

int
csvread_sniff_delimiter(const char *data, size_t len)
{
	static const char cands[] = { ',', ';', '\t', '|' };
	size_t count[4] = { 0 };
	int quoted = 0, best = 0;

	/* Count each candidate outside quotes on the first line. */
	for (size_t i = 0; i < len; i++) {
		char c = data[i];

		if (c == '"')
			quoted = !quoted;
		else if (!quoted && (c == '\n' || c == '\r'))
			break;
		else if (!quoted)
			for (int k = 0; k < 4; k++)
				count[k] += c == cands[k];
	}
	for (int k = 1; k < 4; k++)
		if (count[k] > count[best])
			best = k;
	return cands[best];
}

void
csvread_close(csvread *r)
{
	if (r == NULL)
		return;
	if (r->f != stdin)
		fclose(r->f);
	free(r->shown);
	free(r->err);
	strbuf_free(&r->buf);
	free(r->off);
	free(r->fields);
	free(r);
}

int
csvread_truncated(const csvread *r)
{
	return r->truncated;
}

/* Our own push-back: ungetc() promises only one byte, the BOM check
 * needs two. */
static void
unread(csvread *r, int c)
{
	if (c != EOF)
		r->back[r->nback++] = c;
}

static int
next_char(csvread *r)
{
	int c;

	if (r->nback > 0)
		return r->back[--r->nback];
	c = getc(r->f);
	if (r->first) {
		r->first = 0;
		if (c == 0xEF) {	/* a UTF-8 byte-order mark? */
			int c2 = getc(r->f), c3 = c2 == EOF ? EOF : getc(r->f);

			if (c2 == 0xBB && c3 == 0xBF)
				return getc(r->f);
			/* Not a BOM: the UTF-8 check reports the bytes. */
			unread(r, c3);
			unread(r, c2);
		}
	}
	return c;
}

/* Keep the first problem of the record. */
static void
problem(csvread *r, long line, const char *msg)
{
	if (r->err == NULL)
		r->err = xasprintf("%s:%ld: %s", r->shown, line, msg);
}

static void
add(csvread *r, long start, int c)
{
	if (r->flen >= CSVREAD_MAX_FIELD) {
		problem(r, start, "field longer than 8 MiB");
		return;
	}
	if (r->buf.len >= CSVREAD_MAX_RECORD) {
		problem(r, start, "record longer than 64 MiB");
		return;
	}
	strbuf_addc(&r->buf, (char)c);
	r->flen++;
}

static void
end_field(csvread *r)
{
	strbuf_addc(&r->buf, '\0');
	r->off = xgrow(r->off, &r->cap, r->n + 2, sizeof(*r->off));
	r->off[++r->n] = r->buf.len;
	r->flen = 0;
}

int
csvread_next(csvread *r, char ***fields, size_t *n, long *line, char **why)
{
	int c, quoted = 0, after_quote = 0;
	long start, qline = 0;

	strbuf_reset(&r->buf);
	r->n = 0;
	r->flen = 0;
	free(r->err);
	r->err = NULL;
	r->off = xgrow(r->off, &r->cap, 1, sizeof(*r->off));
	r->off[0] = 0;
	start = r->line;
	if ((c = next_char(r)) == EOF)
		return 0;
	for (;; c = next_char(r)) {
		if (c == '\0') {
			problem(r, r->line, "NUL byte in the CSV");
			continue;
		}
		if (quoted) {
			if (c == EOF) {
				r->truncated = 1;
				problem(r, qline, "unterminated quoted field "
				    "(the quote opens here)");
				end_field(r);
				break;
			}
			if (c != '"') {
				if (c == '\n')
					r->line++;
				add(r, start, c);
				continue;
			}
			if ((c = next_char(r)) == '"') {
				add(r, start, '"');
				continue;
			}
			quoted = 0;
			after_quote = 1;
			/* c, the byte after the closing quote, goes on below. */
			if (c == '\0') {
				problem(r, r->line, "NUL byte in the CSV");
				continue;
			}
		}
		if (c == r->delim) {
			end_field(r);
			after_quote = 0;
			continue;
		}
		if (c == '\r') {
			int d = next_char(r);

			if (d != '\n')
				unread(r, d);
			c = '\n';
		}
		if (c == '\n' || c == EOF) {
			end_field(r);
			if (c == '\n')
				r->line++;
			break;
		}
		if (after_quote)
			problem(r, r->line, "text after a closing quote (a "
			    "quote inside a quoted field is written \"\")");
		else if (c == '"' && r->flen == 0) {
			quoted = 1;
			qline = r->line;
			continue;
		} else if (c == '"')
			problem(r, r->line, "stray quote in an unquoted field "
			    "(quote the whole field and double the quote)");
		add(r, start, c);
	}
	if (r->err == NULL && !utf8_valid(r->buf.s, r->buf.len))
		problem(r, start, "invalid UTF-8 in the record");
	r->fields = xgrow(r->fields, &r->fcap, r->n, sizeof(*r->fields));
	for (size_t i = 0; i < r->n; i++)
		r->fields[i] = r->buf.s + r->off[i];
	*fields = r->fields;
	*n = r->n;
	*line = start;
	if (r->err != NULL) {
		*why = r->err;
		r->err = NULL;
		return -1;
	}
	return 1;
}
