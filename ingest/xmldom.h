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

/*
 * The local name of the root element of an XML document from its first
 * bytes, without building a tree (for import_detect()): copies it into
 * buf (size bytes) and returns 0, or -1 when the bytes do not start an
 * XML document in UTF-8 (a BOM, an XML declaration, comments, processing
 * instructions and a DOCTYPE may come first).
 */
int xmldom_sniff_root(const char *data, size_t len, char *buf, size_t size);

#endif
