/* words.c -- the word tokeniser (words.h). */
#include "config.h"

#include <ctype.h>

#include "words.h"

static int
word_byte(unsigned char c)
{
	return isalnum(c) || c >= 0x80;
}

const char *
words_next(const char *p, const char *end, size_t *wlen)
{
	const char *w;

	while (p < end && !word_byte((unsigned char)*p))
		p++;
	if (p >= end)
		return NULL;
	w = p;
	while (p < end) {
		if (word_byte((unsigned char)*p))
			p++;
		else if ((*p == '\'' || *p == '-') && p + 1 < end &&
		    word_byte((unsigned char)p[1]))
			p++;
		else if ((unsigned char)*p == 0xe2 && p + 3 < end &&
		    (unsigned char)p[1] == 0x80 && (unsigned char)p[2] == 0x99 &&
		    word_byte((unsigned char)p[3]))
			p += 3;		/* U+2019, the typographic apostrophe */
		else
			break;
	}
	*wlen = (size_t)(p - w);
	return w;
}

size_t
words_count(const char *text, size_t len)
{
	const char *p = text, *end = text + len;
	size_t n = 0, wlen;

	while ((p = words_next(p, end, &wlen)) != NULL) {
		n++;
		p += wlen;
	}
	return n;
}
