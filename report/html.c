/* html.c -- escaping and the page frame of the reports (html.h). */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "html.h"

void
html_text(strbuf *b, const char *s)
{
	if (s == NULL)
		return;
	for (; *s != '\0'; s++) {
		switch (*s) {
		case '&':
			strbuf_adds(b, "&amp;");
			break;
		case '<':
			strbuf_adds(b, "&lt;");
			break;
		case '>':
			strbuf_adds(b, "&gt;");
			break;
		case '"':
			strbuf_adds(b, "&quot;");
			break;
		case '\'':
			strbuf_adds(b, "&#39;");
			break;
		default:
			/* C0 controls other than tab, newline and return are
			 * not allowed in XML 1.0 (the pages are also XHTML):
			 * drop them rather than break the page. */
			if ((unsigned char)*s >= 0x20 || *s == '\t' ||
			    *s == '\n' || *s == '\r')
				strbuf_addc(b, *s);
		}
	}
}

void
html_textf(strbuf *b, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	html_text(b, s);
	free(s);
}

void
html_num(strbuf *b, double v, int decimals)
{
	if (!isfinite(v))
		strbuf_adds(b, "&#8211;");
	else
		strbuf_addf(b, "%.*f", decimals, v == 0 ? 0.0 : v);
}

/* Okabe & Ito (2008) colour-blind-safe palette; marks also carry words,
 * never colour alone. Printable on A4 and Letter. */
static const char style[] =
	"body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,"
	"'DejaVu Sans',sans-serif;color:#1a1a1a;max-width:60rem;margin:1.5rem "
	"auto;padding:0 1rem}"
	"h1{font-size:1.7rem;margin:.2rem 0}h2{font-size:1.25rem;margin-top:"
	"1.8rem;border-bottom:2px solid #0072B2;padding-bottom:.2rem}"
	"h3{font-size:1.05rem;margin-bottom:.3rem}"
	"table{border-collapse:collapse;margin:.5rem 0;font-size:.92rem}"
	"th,td{padding:.25rem .55rem;border-bottom:1px solid #ddd;text-align:"
	"left;vertical-align:middle}th{background:#f2f5f8}"
	"td.n{text-align:right;font-variant-numeric:tabular-nums}"
	".mark{display:inline-block;padding:0 .45rem;border-radius:.6rem;"
	"font-size:.8rem;font-weight:600;color:#fff}"
	".good{background:#009E73}.fair{background:#E69F00;color:#000}"
	".below{background:#D55E00}.none{background:#999}"
	".cols{display:flex;flex-wrap:wrap;gap:1.2rem}"
	".cols>div{flex:1 1 18rem}"
	".grid{display:flex;flex-wrap:wrap;gap:.8rem}"
	/* A caption wraps at its chart's width, so charts of one size
	 * line up in rows however long their captions are. */
	".grid figure{margin:0;flex:0 0 auto;width:min-content}"
	"figcaption{font-size:.85rem;color:#444}"
	"blockquote{margin:.4rem 0;padding:.3rem .8rem;border-left:4px solid "
	"#56B4E9;background:#f7fbfe}"
	".meta{color:#555;font-size:.85rem}"
	"svg text{font:11px sans-serif;fill:#333}"
	"footer{margin-top:2rem;color:#666;font-size:.8rem}"
	"@page{margin:15mm}"
	"@media print{body{max-width:none;margin:0;font-size:11pt}"
	"h2{break-after:avoid}figure,table,blockquote{break-inside:avoid}"
	"a{color:inherit;text-decoration:none}}";

void
html_begin(strbuf *b, const char *title)
{
	strbuf_adds(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
	    "<meta charset=\"utf-8\"/>\n<meta name=\"viewport\" "
	    "content=\"width=device-width, initial-scale=1\"/>\n<title>");
	html_text(b, title);
	strbuf_adds(b, "</title>\n<style>");
	strbuf_adds(b, style);
	strbuf_adds(b, "</style>\n</head>\n<body>\n");
}

void
html_end(strbuf *b, const char *footer)
{
	strbuf_adds(b, "<footer><p>");
	html_text(b, footer);
	strbuf_adds(b, "</p></footer>\n</body>\n</html>\n");
}
