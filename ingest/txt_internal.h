/* txt_internal.h -- the line rules of the text importer (txt.c), which
 * the Word importer (docx.c) feeds with the lines of its paragraphs.
 */
#ifndef RAPPORT_TXT_INTERNAL_H
#define RAPPORT_TXT_INTERNAL_H

#include <stddef.h>

#include "diag.h"
#include "import.h"

/* One line for the rules: a line of a text file, or one line of a Word
 * paragraph (a paragraph with breaks gives several). */
struct txt_line {
	const char	*s;	/* borrowed; need not be NUL-terminated */
	size_t		 n;
	long		 line;	/* its number in messages: the line or the
				   paragraph */
	long		 col;	/* the column of s[0], 1-based; 0 when
				   unknown (text made from a table row) */
};

/* Where the lines come from. The rules read them twice (label counts,
 * then turns), so a source can start over; it never has to hold all of
 * them at once. */
struct txt_source {
	/* Fill *l with the next line and return 1, or return 0 at the
	 * end. */
	int		 (*next)(void *ctx, struct txt_line *l);
	/* Start again from the first line. */
	void		 (*rewind)(void *ctx);
	void		  *ctx;
	const char	  *unit;	/* "line" or "paragraph", for
					   messages */
};

/*
 * Read the lines of src by the text rules (txt.c: "Speaker: text" and its
 * timestamped forms, the Otter.ai and Rev layouts, continuation lines)
 * into doc: its speakers and turns. Warnings and errors go to d, at the
 * line numbers the source gives. Returns 0, or -1 with an error in d
 * when the lines hold no turn.
 */
int txt_parse_lines(struct txt_source *src, struct import_doc *doc,
    struct diags *d);

#endif
