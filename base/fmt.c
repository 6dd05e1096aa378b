/* fmt.c -- CSV and JSON formatting shared by every writer. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "fmt.h"

static void
num(strbuf *b, double v)
{
	char buf[64];

	if (v == 0)
		v = 0;		/* no "-0" */
	if (v == floor(v) && fabs(v) < 1e15)
		snprintf(buf, sizeof(buf), "%.0f", v);
	else
		snprintf(buf, sizeof(buf), "%.12g", v);
	strbuf_adds(b, buf);
}

void
fmt_csv_str(strbuf *b, const char *s)
{
	if (s == NULL)
		return;
	if (strpbrk(s, ",\"\r\n") == NULL) {
		strbuf_adds(b, s);
		return;
	}
	strbuf_addc(b, '"');
	for (; *s != '\0'; s++) {
		if (*s == '"')
			strbuf_addc(b, '"');
		strbuf_addc(b, *s);
	}
	strbuf_addc(b, '"');
}

void
fmt_csv_num(strbuf *b, double v)
{
	if (isfinite(v))
		num(b, v);
}

void
fmt_json_strn(strbuf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	size_t run = 0;

	strbuf_addc(b, '"');
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		const char *esc = NULL;

		switch (c) {
		case '"': esc = "\\\""; break;
		case '\\': esc = "\\\\"; break;
		case '\n': esc = "\\n"; break;
		case '\r': esc = "\\r"; break;
		case '\t': esc = "\\t"; break;
		default:
			if (c >= 0x20)
				continue;
		}
		strbuf_add(b, s + run, i - run);
		run = i + 1;
		if (esc != NULL)
			strbuf_adds(b, esc);
		else {
			char u[7] = { '\\', 'u', '0', '0', hex[c >> 4],
				hex[c & 15], 0 };

			strbuf_adds(b, u);
		}
	}
	strbuf_add(b, s + run, n - run);
	strbuf_addc(b, '"');
}

void
fmt_json_str(strbuf *b, const char *s)
{
	if (s == NULL)
		strbuf_adds(b, "null");
	else
		fmt_json_strn(b, s, strlen(s));
}

void
fmt_json_num(strbuf *b, double v)
{
	if (isfinite(v))
		num(b, v);
	else
		strbuf_adds(b, "null");
}
