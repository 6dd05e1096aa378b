/* html.h -- escaped HTML text and the shared page frame of the reports.
 *
 * Every piece of text a report takes from data goes through html_text()
 * or html_attr(), so nothing in a transcript or an id can become markup.
 * Pages are self-contained: inline CSS, no scripts, no external requests.
 */
#ifndef RAPPORT_HTML_H
#define RAPPORT_HTML_H

#include "util.h"

/* Append s (NULL: nothing) with &, <, >, " and ' escaped. */
void html_text(strbuf *b, const char *s);
/* Append printf-formatted text, escaped. */
void html_textf(strbuf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* A number with `decimals` places, or an en dash when not finite. */
void html_num(strbuf *b, double v, int decimals);
/* The document head (with the report style sheet) and <body>. */
void html_begin(strbuf *b, const char *title);
/* The footer and the end of the document. */
void html_end(strbuf *b, const char *footer);

#endif
