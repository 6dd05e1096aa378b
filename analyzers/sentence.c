/* sentence.c -- cutting utterance text into sentences (sentence.h). */
#include "config.h"

#include "sentence.h"

static int
is_term(char c)
{
	return c == '.' || c == '!' || c == '?';
}

static int
is_closer(char c)
{
	return c == '"' || c == '\'' || c == ')' || c == ']';
}

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' ||
	    c == '\v';
}

void
sentence_of(const char *text, size_t len, size_t pos, size_t *s,
    size_t *e)
{
	size_t a = pos > len ? len : pos, b = a;

	/* Back to just after the previous terminator (plus closers) and
	 * the space after it, or a newline. */
	while (a > 0) {
		char c = text[a - 1];

		if (c == '\n')
			break;
		if (is_space(c) && a >= 2) {
			size_t k = a - 2;

			while (k > 0 && is_closer(text[k]))
				k--;
			if (is_term(text[k]))
				break;
		}
		a--;
	}
	while (a < len && is_space(text[a]))
		a++;
	/* Forward to the end of the terminator run and closers that are
	 * followed by space or the end. */
	while (b < len) {
		if (text[b] == '\n')
			break;
		if (is_term(text[b])) {
			while (b < len && is_term(text[b]))
				b++;
			while (b < len && is_closer(text[b]))
				b++;
			if (b == len || is_space(text[b]))
				break;
			continue;
		}
		b++;
	}
	while (b > a && is_space(text[b - 1]))
		b--;
	if (a > b)
		a = b;
	*s = a;
	*e = b;
}

int
sentence_next(const char *text, size_t len, size_t *pos, size_t *s,
    size_t *e)
{
	size_t p = *pos;

	for (;;) {
		while (p < len && is_space(text[p]))
			p++;
		if (p >= len) {
			*pos = len;
			return 0;
		}
		sentence_of(text, len, p, s, e);
		if (*s < p)
			*s = p;
		if (*e > *s) {
			*pos = *e;
			return 1;
		}
		p++;
	}
}

int
sentence_is_question(const char *text, size_t s, size_t e)
{
	while (e > s && (is_space(text[e - 1]) || is_closer(text[e - 1]) ||
	    text[e - 1] == '-'))
		e--;
	return e > s && text[e - 1] == '?';
}
