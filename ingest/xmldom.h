/* xmldom.h -- a safe libxml2 tree of an XML-based transcript format.
 *
 * ELAN .eaf, Transcriber .trs, TEI and the document.xml of a .docx are
 * read into a libxml2 tree with the same safety settings as our own
 * ingest (ingest.c, docs/architecture.md section 9): XML_PARSE_NONET, never NOENT,
 * DTDLOAD, DTDATTR, DTDVALID, XINCLUDE or HUGE; a document that declares
 * any entity is refused at the declaration; entity references other than
 * the five predefined ones are errors; a DOCTYPE naming an external DTD
 * (Transcriber's <!DOCTYPE Trans SYSTEM "trans-14.dtd">) is accepted but
 * the DTD is never loaded. Elements may nest at most XMLDOM_MAX_DEPTH
 * deep and carry at most XMLDOM_MAX_ATTRS attributes.
 */
#ifndef RAPPORT_XMLDOM_H
#define RAPPORT_XMLDOM_H

#include <stddef.h>

#include <libxml/tree.h>

#include "diag.h"
#include "util.h"

#define XMLDOM_MAX_DEPTH	64
#define XMLDOM_MAX_ATTRS	256

/*
 * Parse data (len bytes, any encoding its XML declaration names). Returns
 * the tree (free it with xmlFreeDoc()) or NULL with the first error, at
 * its line and column, in d.
 */
xmlDocPtr xmldom_read(const char *data, size_t len, struct diags *d);

/* The first child element of n with local name name (any namespace), or
 * NULL. */
xmlNodePtr xmldom_child(xmlNodePtr n, const char *name);
/* The next sibling element of n with local name name, or NULL. */
xmlNodePtr xmldom_next(xmlNodePtr n, const char *name);
/* Is n an element with local name name? */
int xmldom_is(xmlNodePtr n, const char *name);
/* The value of attribute name of n (no namespace, or the xml: namespace
 * when name is "xml:id" or "xml:lang"), borrowed until the tree is freed,
 * or NULL. */
const char *xmldom_attr(xmlNodePtr n, const char *name);
/* The line of n in the document (0 when unknown). */
long xmldom_line(xmlNodePtr n);
/* Name of the root element, or "" (borrowed). */
const char *xmldom_root_name(xmlDocPtr doc);

/* Append the text of n and of every element inside it (text and CDATA
 * nodes, in document order; comments and processing instructions are
 * not text) to b. */
void xmldom_text(xmlNodePtr n, strbuf *b);

/*
 * Read an attribute value that is a decimal number: optional white space,
 * an optional sign, digits with an optional fraction ("12", "-0.5",
 * ".25", "3."), optional white space; no exponent, no "INF" or "NaN" (the
 * lexical space of xsd:decimal, which EAF's unsignedInt, Transcriber's
 * times and TEI's intervals all fit). Returns 0 and sets *v, or -1 (s
 * NULL, empty or not such a number; *v unchanged).
 */
int xmldom_number(const char *s, double *v);

/*
 * An index of the ids of a document (TIME_SLOT_ID, xml:id, Speaker id):
 * each id (borrowed, it must outlive the index) maps to a number, the
 * caller's index of what it names. Zero-initialise, add every id, sort
 * once, then look ids up in O(log n).
 */
struct xmldom_id {
	const char	*id;
	size_t		 value;
	size_t		 seq;		/* order of addition */
};
struct xmldom_ids {
	struct xmldom_id	*v;
	size_t			 n, cap;
};

void xmldom_ids_add(struct xmldom_ids *ix, const char *id, size_t value);
/* Sort the index. Returns the first id (in order of addition) that was
 * added twice, or NULL; a lookup of a duplicated id finds its first
 * addition. */
const struct xmldom_id *xmldom_ids_sort(struct xmldom_ids *ix);
/* The value of id (n bytes), or -1 when it is not in the sorted index. */
long xmldom_ids_find(const struct xmldom_ids *ix, const char *id, size_t n);
void xmldom_ids_free(struct xmldom_ids *ix);

/*
 * The local name of the root element of an XML document from its first
 * bytes, without building a tree (for import_detect()): copies it into
 * buf (size bytes) and returns 0, or -1 when the bytes do not start an
 * XML document in UTF-8 (a BOM, an XML declaration, comments, processing
 * instructions and a DOCTYPE may come first).
 */
int xmldom_sniff_root(const char *data, size_t len, char *buf, size_t size);

#endif
