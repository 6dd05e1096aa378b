/* textin.c -- decoding, lines, clock times and references (textin.h). */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "textin.h"

/* Append code point c as UTF-8. */
static void
put_utf8(strbuf *b, uint32_t c)
{
	char u[4];

	if (c < 0x80) {
		strbuf_addc(b, (char)c);
		return;
	}
	if (c < 0x800) {
		u[0] = (char)(0xc0 | (c >> 6));
		u[1] = (char)(0x80 | (c & 0x3f));
		strbuf_add(b, u, 2);
	} else if (c < 0x10000) {
		u[0] = (char)(0xe0 | (c >> 12));
		u[1] = (char)(0x80 | ((c >> 6) & 0x3f));
		u[2] = (char)(0x80 | (c & 0x3f));
		strbuf_add(b, u, 3);
	} else {
		u[0] = (char)(0xf0 | (c >> 18));
		u[1] = (char)(0x80 | ((c >> 12) & 0x3f));
		u[2] = (char)(0x80 | ((c >> 6) & 0x3f));
		u[3] = (char)(0x80 | (c & 0x3f));
		strbuf_add(b, u, 4);
	}
}

/* UTF-16 (big-endian when be) to UTF-8; a lone surrogate is an error. */
static char *
from_utf16(const unsigned char *p, size_t n, int be, size_t *outlen,
    struct diags *d)
{
	strbuf b = { 0 };
	long line = 1, col = 1;
	uint32_t prev = 0;

	if (n % 2 != 0) {
		diags_error(d, 0, 0, "UTF-16 text with an odd number of bytes: "
		    "the file is cut short");
		return NULL;
	}
	for (size_t i = 0; i < n; i += 2) {
		uint32_t c = be ? (uint32_t)(p[i] << 8 | p[i + 1]) :
		    (uint32_t)(p[i + 1] << 8 | p[i]);

		if (c >= 0xd800 && c <= 0xdbff && i + 3 < n) {
			uint32_t lo = be ? (uint32_t)(p[i + 2] << 8 | p[i + 3]) :
			    (uint32_t)(p[i + 3] << 8 | p[i + 2]);

			if (lo >= 0xdc00 && lo <= 0xdfff) {
				c = 0x10000 + ((c - 0xd800) << 10) +
				    (lo - 0xdc00);
				i += 2;
			} else
				c = 0xd800;	/* reported below */
		}
		if ((c >= 0xd800 && c <= 0xdfff) || c == 0) {
			diags_error(d, line, col, "%s in UTF-16 text", c == 0 ?
			    "a NUL character" : "an unpaired surrogate");
			strbuf_free(&b);
			return NULL;
		}
		/* Lines end as textin_next_line() ends them: LF, CRLF, CR. */
		if (c == '\n' || c == '\r') {
			if (c == '\r' || prev != '\r')
				line++;
			col = 1;
		} else
			col++;
		prev = c;
		put_utf8(&b, c);
	}
	*outlen = b.len;
	return b.s != NULL ? strbuf_release(&b) : xstrdup("");
}

char *
textin_decode(const char *data, size_t len, size_t *outlen, struct diags *d)
{
	const unsigned char *p = (const unsigned char *)data, *nul;
	long line = 1;
	size_t bol = 0;

	if (len >= 2 && p[0] == 0xff && p[1] == 0xfe)
		return from_utf16(p + 2, len - 2, 0, outlen, d);
	if (len >= 2 && p[0] == 0xfe && p[1] == 0xff)
		return from_utf16(p + 2, len - 2, 1, outlen, d);
	if (len >= 3 && p[0] == 0xef && p[1] == 0xbb && p[2] == 0xbf)
		p += 3, len -= 3;
	/* A NUL anywhere makes it binary data, whatever comes before it: a
	 * PNG or a gzip stream is not text in the wrong encoding. */
	nul = len > 0 ? memchr(p, 0, len) : NULL;
	for (size_t i = 0; i < len;) {
		size_t k = i;

		if (p + i == nul) {
			diags_error(d, line, (long)(i - bol + 1), "a NUL byte: "
			    "binary data, not a text transcript");
			return NULL;
		}
		if (p[i] == '\n' || (p[i] == '\r' && (i + 1 >= len ||
		    p[i + 1] != '\n'))) {
			line++;
			bol = i + 1;
		}
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		/* One sequence, as long as its lead byte says: let
		 * utf8_valid judge it. A continuation byte after a complete
		 * sequence is judged, and reported, where it stands. */
		k = i + (p[i] >= 0xf0 ? 4 : p[i] >= 0xe0 ? 3 : p[i] >= 0xc0 ?
		    2 : 1);
		if (k > len)
			k = len;
		if (nul != NULL) {
			i = k;	/* the NUL is reported */
			continue;
		}
		if (!utf8_valid((const char *)p + i, k - i)) {
			diags_error(d, line, (long)(i - bol + 1), "invalid UTF-8 "
			    "(byte 0x%02x): save the file as UTF-8, e.g. "
			    "iconv -f windows-1252 -t utf-8", p[i]);
			return NULL;
		}
		i = k;
	}
	*outlen = len;
	return xstrndup((const char *)p, len);
}

void
textin_lines_init(struct textin_lines *it, const char *text, size_t len)
{
	it->p = it->base = text;
	it->end = text + len;
	it->line = 0;
}

static const char *
line_end(const char *p, const char *end)
{
	while (p < end && *p != '\n' && *p != '\r')
		p++;
	return p;
}

int
textin_next_line(struct textin_lines *it, const char **s, size_t *n)
{
	const char *e;

	if (it->p >= it->end)
		return 0;
	e = line_end(it->p, it->end);
	*s = it->p;
	*n = (size_t)(e - it->p);
	if (e < it->end && *e == '\r')
		e++;
	if (e < it->end && *e == '\n' && (e == it->p + *n ||
	    e[-1] == '\r'))
		e++;
	it->p = e;
	it->line++;
	return 1;
}

int
textin_peek_line(const struct textin_lines *it, const char **s, size_t *n)
{
	struct textin_lines copy = *it;

	return textin_next_line(&copy, s, n);
}

int
textin_blank(const char *s, size_t n)
{
	textin_trim(&s, &n);
	return n == 0;
}

void
textin_trim(const char **s, size_t *n)
{
	for (;;) {
		if (*n > 0 && (**s == ' ' || **s == '\t'))
			(*s)++, (*n)--;
		else if (*n >= 2 && (unsigned char)(*s)[0] == 0xc2 &&
		    (unsigned char)(*s)[1] == 0xa0)
			*s += 2, *n -= 2;
		else
			break;
	}
	for (;;) {
		if (*n > 0 && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t'))
			(*n)--;
		else if (*n >= 2 && (unsigned char)(*s)[*n - 2] == 0xc2 &&
		    (unsigned char)(*s)[*n - 1] == 0xa0)
			*n -= 2;
		else
			break;
	}
}

/* Digits at s[i..]: their value in *v, their number returned. */
static size_t
digits(const char *s, size_t n, size_t i, double *v)
{
	size_t k = i;

	*v = 0;
	while (k < n && s[k] >= '0' && s[k] <= '9' && k - i < 12)
		*v = *v * 10 + (s[k++] - '0');
	return k - i;
}

size_t
textin_clock(const char *s, size_t n, double *sec)
{
	double f[3], frac = 0;
	size_t w[3], nf = 0, i = 0;

	for (;;) {
		if ((w[nf] = digits(s, n, i, &f[nf])) == 0)
			return 0;
		i += w[nf++];
		if (nf == 3 || i >= n || s[i] != ':' || i + 1 >= n ||
		    s[i + 1] < '0' || s[i + 1] > '9')
			break;
		i++;
	}
	if (nf < 2)
		return 0;
	/* Every field after the first has two digits and is below 60. */
	for (size_t k = 1; k < nf; k++)
		if (w[k] != 2 || f[k] >= 60)
			return 0;
	if (nf == 3 && w[0] == 0)
		return 0;
	if (i + 1 < n && (s[i] == '.' || s[i] == ',') && s[i + 1] >= '0' &&
	    s[i + 1] <= '9') {
		double scale = 0.1;

		for (i++; i < n && s[i] >= '0' && s[i] <= '9'; i++) {
			frac += (s[i] - '0') * scale;
			scale /= 10;
		}
	}
	/* A time is not followed by more digits or letters ("12:30pm"). */
	if (i < n && ((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' &&
	    s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z')))
		return 0;
	*sec = nf == 3 ? f[0] * 3600 + f[1] * 60 + f[2] + frac :
	    f[0] * 60 + f[1] + frac;
	return i;
}

static const struct {
	const char	*name;
	uint32_t	 cp;	/* 0: drop */
} named_refs[] = {
	{ "amp", '&' }, { "lt", '<' }, { "gt", '>' }, { "quot", '"' },
	{ "apos", '\'' }, { "nbsp", ' ' }, { "lrm", 0 }, { "rlm", 0 },
};

void
textin_entities(strbuf *b, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		size_t k, j;

		if (s[i] != '&') {
			strbuf_addc(b, s[i]);
			continue;
		}
		for (k = i + 1; k < n && k - i <= 10 && s[k] != ';' &&
		    s[k] != '&' && s[k] != ' '; k++)
			;
		if (k >= n || s[k] != ';') {
			strbuf_addc(b, '&');
			continue;
		}
		if (k > i + 2 && s[i + 1] == '#') {
			uint32_t cp = 0;
			int hex = s[i + 2] == 'x' || s[i + 2] == 'X', ok = 1;

			for (j = i + 2 + (size_t)hex; j < k; j++) {
				int v = s[j] >= '0' && s[j] <= '9' ? s[j] - '0' :
				    hex && s[j] >= 'a' && s[j] <= 'f' ?
				    s[j] - 'a' + 10 : hex && s[j] >= 'A' &&
				    s[j] <= 'F' ? s[j] - 'A' + 10 : -1;

				if (v < 0 || cp > 0x10ffff) {
					ok = 0;
					break;
				}
				cp = cp * (hex ? 16 : 10) + (uint32_t)v;
			}
			if (!ok || j == i + 2 + (size_t)hex) {
				strbuf_addc(b, '&');
				continue;
			}
			if (cp == 0 || cp > 0x10ffff || (cp >= 0xd800 &&
			    cp <= 0xdfff))
				cp = 0xfffd;
			put_utf8(b, cp);
			i = k;
			continue;
		}
		for (j = 0; j < sizeof(named_refs) / sizeof(named_refs[0]); j++)
			if (strlen(named_refs[j].name) == k - i - 1 &&
			    memcmp(named_refs[j].name, s + i + 1, k - i - 1) == 0)
				break;
		if (j == sizeof(named_refs) / sizeof(named_refs[0])) {
			strbuf_addc(b, '&');
			continue;
		}
		if (named_refs[j].cp != 0)
			put_utf8(b, named_refs[j].cp);
		i = k;
	}
}

int
textin_speaker_like(const char *s, size_t n, int strict)
{
	size_t words = 0, letters = 0;
	int start = 1;
	double t;

	textin_trim(&s, &n);
	if (n == 0 || n > 48 || textin_clock(s, n, &t) > 0)
		return 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		int letter = c >= 0x80 || (c >= 'a' && c <= 'z') ||
		    (c >= 'A' && c <= 'Z');

		if (c == ' ') {
			start = 1;
			continue;
		}
		/* '/' for the pronouns of a display name: "Maya (she/her)". */
		if (!letter && (c == '\0' || strchr(".-'_()#/0123456789", c) ==
		    NULL))
			return 0;
		if (start) {
			words++;
			/* A lower-case ASCII letter cannot start a word of a
			 * strict label; other scripts have no case to test. */
			if (strict && c >= 'a' && c <= 'z')
				return 0;
		}
		start = 0;
		letters += letter;
	}
	return letters > 0 && words <= 5;
}

int
textin_label(const char *line, size_t n, int strict, const char **label,
    size_t *label_len, size_t *text_off)
{
	const char *colon = memchr(line, ':', n);
	size_t k, off;

	if (colon == NULL)
		return 0;
	k = (size_t)(colon - line);
	off = k + 1;
	if (off < n && line[off] != ' ' && line[off] != '\t')
		return 0;
	if (!textin_speaker_like(line, k, strict))
		return 0;
	while (off < n && (line[off] == ' ' || line[off] == '\t'))
		off++;
	*label = line;
	*label_len = k;
	textin_trim(label, label_len);
	*text_off = off;
	return 1;
}
