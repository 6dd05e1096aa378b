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
 * never colour alone. Printable on A4 and Letter: a clinician's page
 * fits on three pages of either (tests/report.test prints them). */
static const char style[] =
	"body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,"
	"'DejaVu Sans',sans-serif;color:#1a1a1a;max-width:64rem;margin:1.5rem "
	"auto;padding:0 1rem}"
	"h1{font-size:1.7rem;margin:.2rem 0}h2{font-size:1.25rem;margin-top:"
	"1.8rem;border-bottom:2px solid #0072B2;padding-bottom:.2rem}"
	"h3{font-size:1.05rem;margin-bottom:.3rem}"
	"table{border-collapse:collapse;margin:.5rem 0;font-size:.92rem}"
	"th,td{padding:.25rem .55rem;border-bottom:1px solid #ddd;text-align:"
	"left;vertical-align:middle}th{background:#f2f5f8}"
	"td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:"
	"nowrap}td.date,.ci{white-space:nowrap}"
	"tr.group th{background:#e1eaf3;font-size:.95em}"
	"td.trust{font-size:.8rem;color:#444}td.chart{padding:0 .3rem}"
	"tr.ref th,tr.ref td{font-style:italic;color:#444}"
	".mark{display:inline-block;padding:0 .45rem;border-radius:.6rem;"
	"font-size:.8rem;font-weight:600;color:#fff;white-space:nowrap;"
	"border:2px solid transparent}"
	".good{background:#009E73}.fair{background:#E69F00;color:#000}"
	".below{background:#D55E00}.none{background:#999}"
	".mark.likely{background:#fff;border-style:dashed}"
	".mark.likely.good{color:#00694d;border-color:#009E73}"
	".mark.likely.fair{color:#7a5000;border-color:#E69F00}"
	".mark.likely.below{color:#a33f00;border-color:#D55E00}"
	".mark.uncertain{background:#fff;color:#555;border-color:#999}"
	".mark.experimental{background:#fff;color:#7a3b69;border:2px dotted "
	"#CC79A7}"
	".glance{background:#fff6ec;border-left:4px solid #D55E00;padding:"
	".4rem .8rem}"
	".why{color:#555;font-size:.85rem}li.also{color:#555;font-size:.85rem}"
	".notice{background:#f2f5f8;border-left:4px solid #999;padding:.4rem "
	".8rem}"
	".cols{display:flex;flex-wrap:wrap;gap:1.2rem}"
	".cols>div{flex:1 1 18rem}"
	".grid{display:flex;flex-wrap:wrap;gap:.8rem}"
	/* A caption wraps at its chart's width, so charts of one size
	 * line up in rows however long their captions are. */
	".grid figure{margin:0;flex:0 0 auto;width:min-content}"
	"figure.wide{margin:.5rem 0}figure.wide svg{max-width:100%;height:auto}"
	"figcaption{font-size:.85rem;color:#444}"
	".exgrid{columns:2 22rem;column-gap:1.5rem}"
	".examples{break-inside:avoid}"
	"blockquote{margin:.4rem 0;padding:.3rem .8rem;border-left:4px solid "
	"#56B4E9;background:#f7fbfe}"
	".meta{color:#555;font-size:.85rem}"
	"svg text{font:11px sans-serif;fill:#333}"
	"svg a circle{stroke:#fff;stroke-width:1}"
	"nav.pager{margin:.5rem 0;font-size:.9rem}"
	/* The sortable table: one copy per order, the :target one shown,
	 * else the default (the last copy). */
	".sortable .sorted{display:none}"
	".sortable .sorted:target,.sortable .sorted.default{display:block}"
	".sortable .sorted:target~.sorted.default{display:none}"
	"th.sorted-by{background:#dbe7f2}"
	/* Transcripts: who, when, what; tags in words after each. */
	".utt{display:grid;grid-template-columns:6.5rem 4rem 1fr;gap:0 .6rem;"
	"padding:.25rem 0;border-bottom:1px solid #eee}"
	".utt p{margin:0}.utt .who{font-weight:600;color:#555}"
	".utt.t .who{color:#0072B2}.utt .time{color:#777;font-size:.85rem;"
	"font-variant-numeric:tabular-nums}"
	".utt .tags{grid-column:3;font-size:.75rem;color:#555}"
	".event{margin:.3rem 0;padding:.2rem .6rem;background:#eee;"
	"font-size:.85rem;font-weight:600}"
	"mark{padding:0 .1rem;border-radius:.2rem;color:inherit}"
	"mark.tg-rupture{background:#f5b88f}mark.tg-directive{background:"
	"#f7d48a}mark.tg-repair{background:#9fdcc4}mark.tg-jargon{background:"
	"#e8c3de}mark.tg-reflection{background:#bfe0f5}mark.tg-question{"
	"background:#dcdcdc}mark.tg-validation{background:#cfe9d9}"
	"mark.tg-affirmation{background:#fff0a0}mark.tg-collaboration{"
	"background:#d2e3f3}mark.tg-autonomy{background:#d9ecd0}"
	"mark.tg-change{background:#c8e6bd}mark.tg-sustain{background:"
	"#f0d5c6}mark.tg-tech{background:#e6e6e6}mark.tg-encourager{"
	"background:#efefef}"
	"footer{margin-top:2rem;color:#666;font-size:.8rem}"
	"@page{margin:11mm}"
	"@media print{body{max-width:none;margin:0;padding:0;font-size:8.5pt;"
	"line-height:1.2}h1{font-size:14pt}h2{font-size:11pt;margin:.6rem 0 "
	".25rem;break-after:avoid}h3{font-size:9.5pt;margin:.4rem 0 .2rem;"
	"break-after:avoid}table{font-size:7.5pt;margin:.3rem 0}th,td{padding:"
	".05rem .3rem}p,ul{margin:.3rem 0}"
	"thead{display:table-header-group}tr,figure,blockquote,.utt,.glance,"
	".examples{break-inside:avoid}h2+p,h3+p{break-before:avoid}"
	/* A section of a table (its heading row and its rows) on one
	 * page: no heading row stranded at a page's foot. */
	"table.indicators tbody{break-inside:avoid}tr.group{break-after:avoid}"
	"td.chart svg{width:126px;height:17px}table.indicators th[scope=row]{white-space:nowrap}"
	".grid{gap:.3rem}.grid figure svg{width:124px;height:auto}"
	"figcaption{font-size:7pt}.why,li.also,.meta{font-size:7.5pt}"
	".mark{font-size:7pt;padding:0 .3rem}"
	"blockquote{padding:.1rem .5rem;margin:.2rem 0}"
	/* On paper the two strongest quotes of each kind, side by side. */
	".exgrid{columns:2}.examples blockquote:nth-of-type(n+3){display:none}"
	".sortable .sorted{display:none!important}"
	".sortable .sorted.default{display:block!important}"
	"a{color:inherit;text-decoration:none}nav.pager{display:none}"
	"footer{margin-top:.6rem}}";

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
