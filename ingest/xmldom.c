/* xmldom.c -- safe libxml2 trees for the XML-based importers (xmldom.h).
 *
 * libxml2's own SAX2 tree builder does the work; the handler table is
 * copied and the callbacks that could reach outside the document are
 * replaced: every declaration of the internal subset (entities, also
 * unparsed ones, attribute lists with defaults, elements, notations) is
 * refused and stops the parser, getEntity knows only the predefined
 * entities, and no external subset is ever read (no DTDLOAD, and
 * externalSubset is NULL). The error of the parser is captured with its
 * position instead of being printed.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>

#include "util.h"
#include "xmldom.h"

struct state {
	struct diags	*d;
	int		 failed;	/* an error was recorded */
	int		 depth;
};

static void
record(xmlParserCtxtPtr ctxt, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Record our own error at the parser's position and stop the parser. */
static void
record(xmlParserCtxtPtr ctxt, const char *fmt, ...)
{
	struct state *st = ctxt->_private;
	va_list ap;
	char *msg;

	if (!st->failed) {
		va_start(ap, fmt);
		msg = xvasprintf(fmt, ap);
		va_end(ap);
		diags_error(st->d, ctxt->input != NULL ? ctxt->input->line : 0,
		    ctxt->input != NULL ? ctxt->input->col : 0, "%s", msg);
		free(msg);
		st->failed = 1;
	}
	xmlStopParser(ctxt);
}

static void
on_error(void *user, xmlErrorPtr e)
{
	xmlParserCtxtPtr ctxt = user;
	struct state *st = ctxt->_private;
	char *msg;
	size_t n;

	if (st->failed || e == NULL || e->level < XML_ERR_ERROR)
		return;
	msg = xstrdup(e->message != NULL ? e->message : "XML error");
	/* libxml2's messages may hold line breaks ("...encoding !\nBytes:
	 * 0xE9 ..."): one diagnostic is one line. */
	for (char *p = msg; *p != '\0'; p++)
		if (*p == '\n' || *p == '\r' || *p == '\t')
			*p = ' ';
	n = strlen(msg);
	while (n > 0 && msg[n - 1] == ' ')
		msg[--n] = '\0';
	if (e->code == XML_ERR_NAME_REQUIRED || e->code ==
	    XML_ERR_ENTITYREF_SEMICOL_MISSING)
		diags_error(st->d, e->line, e->int2, "XML: %s (an '&' in text "
		    "must be written &amp;)", msg);
	else if (e->code == XML_ERR_INVALID_ENCODING ||
	    strncmp(msg, "Input is not proper UTF-8", 25) == 0)
		diags_error(st->d, e->line, e->int2, "XML: %s (a file in "
		    "Latin-1 must say so: <?xml version=\"1.0\" encoding="
		    "\"ISO-8859-1\"?>)", msg);
	else
		diags_error(st->d, e->line, e->int2, "XML: %s", msg);
	free(msg);
	st->failed = 1;
}

static void
silent(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

static void
on_entity_decl(void *ctx, const xmlChar *name, int type,
    const xmlChar *public_id, const xmlChar *system_id, xmlChar *content)
{
	(void)type;
	(void)public_id;
	(void)system_id;
	(void)content;
	record(ctx, "entity declaration '%s' refused: transcripts may not "
	    "declare entities", (const char *)name);
}

static void
on_unparsed_decl(void *ctx, const xmlChar *name, const xmlChar *public_id,
    const xmlChar *system_id, const xmlChar *notation)
{
	(void)public_id;
	(void)system_id;
	(void)notation;
	record(ctx, "unparsed entity declaration '%s' refused: transcripts "
	    "may not declare entities", (const char *)name);
}

static void
on_attribute_decl(void *ctx, const xmlChar *elem, const xmlChar *name,
    int type, int def, const xmlChar *value, xmlEnumerationPtr tree)
{
	(void)type;
	(void)def;
	(void)value;
	xmlFreeEnumeration(tree);
	record(ctx, "attribute declaration '%s' of <%s> refused: the "
	    "document may not declare attribute defaults", (const char *)name,
	    (const char *)elem);
}

static void
on_element_decl(void *ctx, const xmlChar *name, int type,
    xmlElementContentPtr content)
{
	(void)type;
	(void)content;
	record(ctx, "element declaration '%s' refused: the document may not "
	    "carry a DTD", (const char *)name);
}

static void
on_notation_decl(void *ctx, const xmlChar *name, const xmlChar *public_id,
    const xmlChar *system_id)
{
	(void)public_id;
	(void)system_id;
	record(ctx, "notation declaration '%s' refused", (const char *)name);
}

static xmlEntityPtr
on_get_entity(void *ctx, const xmlChar *name)
{
	(void)ctx;
	return xmlGetPredefinedEntity(name);
}

static xmlEntityPtr
on_get_parameter_entity(void *ctx, const xmlChar *name)
{
	(void)ctx;
	(void)name;
	return NULL;
}

static void
on_start(void *ctx, const xmlChar *localname, const xmlChar *prefix,
    const xmlChar *uri, int nns, const xmlChar **ns, int nattrs,
    int ndefaulted, const xmlChar **attrs)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct state *st = ctxt->_private;

	if (++st->depth > XMLDOM_MAX_DEPTH) {
		record(ctxt, "elements nest more than %d deep",
		    XMLDOM_MAX_DEPTH);
		return;
	}
	if (nattrs > XMLDOM_MAX_ATTRS) {
		record(ctxt, "<%s> has %d attributes, more than the %d allowed",
		    (const char *)localname, nattrs, XMLDOM_MAX_ATTRS);
		return;
	}
	xmlSAX2StartElementNs(ctx, localname, prefix, uri, nns, ns, nattrs,
	    ndefaulted, attrs);
}

static void
on_end(void *ctx, const xmlChar *localname, const xmlChar *prefix,
    const xmlChar *uri)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct state *st = ctxt->_private;

	st->depth--;
	xmlSAX2EndElementNs(ctx, localname, prefix, uri);
}

xmlDocPtr
xmldom_read(const char *data, size_t len, struct diags *d)
{
	xmlSAXHandler sax;
	xmlParserCtxtPtr ctxt;
	struct state st = { d, 0, 0 };
	xmlDocPtr doc = NULL;

	if (len > (size_t)INT32_MAX) {
		diags_error(d, 0, 0, "the XML document is too large");
		return NULL;
	}
	/* libxml2 makes no parser for zero bytes: say what is wrong. */
	if (len == 0) {
		diags_error(d, 0, 0, "the file is empty: not an XML document");
		return NULL;
	}
	xmlSetGenericErrorFunc(NULL, silent);
	if ((ctxt = xmlCreateMemoryParserCtxt(data, (int)len)) == NULL) {
		diags_error(d, 0, 0, "cannot start the XML parser");
		return NULL;
	}
	memset(&sax, 0, sizeof(sax));
	xmlSAXVersion(&sax, 2);
	sax.entityDecl = on_entity_decl;
	sax.unparsedEntityDecl = on_unparsed_decl;
	sax.attributeDecl = on_attribute_decl;
	sax.elementDecl = on_element_decl;
	sax.notationDecl = on_notation_decl;
	sax.getEntity = on_get_entity;
	sax.getParameterEntity = on_get_parameter_entity;
	sax.externalSubset = NULL;
	sax.resolveEntity = NULL;
	sax.startElementNs = on_start;
	sax.endElementNs = on_end;
	sax.serror = on_error;
	sax.error = silent;
	sax.warning = silent;
	memcpy(ctxt->sax, &sax, sizeof(sax));
	ctxt->_private = &st;
	xmlCtxtUseOptions(ctxt, XML_PARSE_NONET | XML_PARSE_BIG_LINES |
	    XML_PARSE_NOWARNING);
	xmlParseDocument(ctxt);
	if (ctxt->wellFormed && !st.failed && ctxt->myDoc != NULL) {
		doc = ctxt->myDoc;
		ctxt->myDoc = NULL;
	} else {
		if (!st.failed)
			diags_error(d, ctxt->input ? ctxt->input->line : 0,
			    ctxt->input ? ctxt->input->col : 0,
			    "not a well-formed XML document");
		if (ctxt->myDoc != NULL)
			xmlFreeDoc(ctxt->myDoc);
		ctxt->myDoc = NULL;
	}
	ctxt->_private = NULL;
	xmlFreeParserCtxt(ctxt);
	return doc;
}

int
xmldom_is(xmlNodePtr n, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE &&
	    strcmp((const char *)n->name, name) == 0;
}

xmlNodePtr
xmldom_next(xmlNodePtr n, const char *name)
{
	for (n = n != NULL ? n->next : NULL; n != NULL; n = n->next)
		if (xmldom_is(n, name))
			return n;
	return NULL;
}

xmlNodePtr
xmldom_child(xmlNodePtr n, const char *name)
{
	if (n == NULL)
		return NULL;
	for (n = n->children; n != NULL; n = n->next)
		if (xmldom_is(n, name))
			return n;
	return NULL;
}

const char *
xmldom_attr(xmlNodePtr n, const char *name)
{
	int xml_ns = strncmp(name, "xml:", 4) == 0;

	if (n == NULL || n->type != XML_ELEMENT_NODE)
		return NULL;
	for (xmlAttrPtr a = n->properties; a != NULL; a = a->next) {
		const char *an = (const char *)a->name;

		if (xml_ns ? (a->ns != NULL && a->ns->prefix != NULL &&
		    strcmp((const char *)a->ns->prefix, "xml") == 0 &&
		    strcmp(an, name + 4) == 0) : (a->ns == NULL &&
		    strcmp(an, name) == 0)) {
			xmlNodePtr t = a->children;

			return t != NULL && t->type == XML_TEXT_NODE &&
			    t->next == NULL ? (const char *)t->content : "";
		}
	}
	return NULL;
}

long
xmldom_line(xmlNodePtr n)
{
	return n != NULL ? xmlGetLineNo(n) : 0;
}

const char *
xmldom_root_name(xmlDocPtr doc)
{
	xmlNodePtr r = doc != NULL ? xmlDocGetRootElement(doc) : NULL;

	return r != NULL ? (const char *)r->name : "";
}

void
xmldom_text(xmlNodePtr n, strbuf *b)
{
	/* Iterative, so a tree of any depth costs no stack. */
	xmlNodePtr top = n;

	if (n == NULL)
		return;
	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		if (n->content != NULL)
			strbuf_adds(b, (const char *)n->content);
		return;
	}
	if (n->type != XML_ELEMENT_NODE || (n = n->children) == NULL)
		return;
	for (;;) {
		if ((n->type == XML_TEXT_NODE ||
		    n->type == XML_CDATA_SECTION_NODE) && n->content != NULL)
			strbuf_adds(b, (const char *)n->content);
		if (n->type == XML_ELEMENT_NODE && n->children != NULL) {
			n = n->children;
			continue;
		}
		while (n->next == NULL) {
			n = n->parent;
			if (n == NULL || n == top)
				return;
		}
		n = n->next;
	}
}

int
xmldom_number(const char *s, double *v)
{
	double x = 0, scale = 0.1;
	int neg = 0, digits = 0;

	if (s == NULL)
		return -1;
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	if (*s == '+' || *s == '-')
		neg = *s++ == '-';
	for (; *s >= '0' && *s <= '9'; s++, digits++)
		x = x * 10 + (*s - '0');
	if (*s == '.')
		for (s++; *s >= '0' && *s <= '9'; s++, digits++) {
			x += (*s - '0') * scale;
			scale /= 10;
		}
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	if (digits == 0 || *s != '\0' || x > 1e15)
		return -1;
	*v = neg ? -x : x;
	return 0;
}

void
xmldom_ids_add(struct xmldom_ids *ix, const char *id, size_t value)
{
	ix->v = xgrow(ix->v, &ix->cap, ix->n + 1, sizeof(*ix->v));
	ix->v[ix->n].id = id;
	ix->v[ix->n].value = value;
	ix->v[ix->n].seq = ix->n;
	ix->n++;
}

static int
id_cmp(const void *a, const void *b)
{
	const struct xmldom_id *x = a, *y = b;
	int c = strcmp(x->id, y->id);

	if (c != 0)
		return c;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

const struct xmldom_id *
xmldom_ids_sort(struct xmldom_ids *ix)
{
	const struct xmldom_id *dup = NULL;

	if (ix->n > 0)
		qsort(ix->v, ix->n, sizeof(*ix->v), id_cmp);
	for (size_t i = 1; i < ix->n; i++)
		if (strcmp(ix->v[i - 1].id, ix->v[i].id) == 0 &&
		    (dup == NULL || ix->v[i].seq < dup->seq))
			dup = &ix->v[i];
	return dup;
}

/* strcmp(v, the n bytes at k), without reading past the end of v. */
static int
key_cmp(const char *v, const char *k, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char a = (unsigned char)v[i], b = (unsigned char)k[i];

		if (a != b)
			return a < b ? -1 : 1;
		if (a == '\0')
			return -1;	/* k holds a NUL: no id matches */
	}
	return v[n] != '\0';
}

long
xmldom_ids_find(const struct xmldom_ids *ix, const char *id, size_t n)
{
	size_t lo = 0, hi = ix->n;

	/* The first entry not below id: duplicates sort by addition. */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (key_cmp(ix->v[mid].id, id, n) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < ix->n && key_cmp(ix->v[lo].id, id, n) == 0)
		return (long)ix->v[lo].value;
	return -1;
}

void
xmldom_ids_free(struct xmldom_ids *ix)
{
	free(ix->v);
	memset(ix, 0, sizeof(*ix));
}

/* Skip a "<?...?>", "<!--...-->" or "<!DOCTYPE ...>" (with an internal
 * subset in brackets) at p; returns the position after it, or NULL. */
static const char *
skip_markup(const char *p, const char *end)
{
	if (end - p >= 4 && memcmp(p, "<!--", 4) == 0) {
		for (p += 4; end - p >= 3; p++)
			if (memcmp(p, "-->", 3) == 0)
				return p + 3;
		return NULL;
	}
	if (end - p >= 2 && memcmp(p, "<?", 2) == 0) {
		for (p += 2; end - p >= 2; p++)
			if (memcmp(p, "?>", 2) == 0)
				return p + 2;
		return NULL;
	}
	if (end - p >= 9 && memcmp(p, "<!DOCTYPE", 9) == 0) {
		int bracket = 0;
		char quote = 0;

		for (p += 9; p < end; p++) {
			if (quote) {
				if (*p == quote)
					quote = 0;
			} else if (*p == '"' || *p == '\'')
				quote = *p;
			else if (*p == '[')
				bracket = 1;
			else if (*p == ']')
				bracket = 0;
			else if (*p == '>' && !bracket)
				return p + 1;
		}
		return NULL;
	}
	return NULL;
}

int
xmldom_sniff_root(const char *data, size_t len, char *buf, size_t size)
{
	const char *p = data, *end = data + len, *name;
	size_t n;

	if (len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	for (;;) {
		while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' ||
		    *p == '\r'))
			p++;
		if (p >= end || *p != '<')
			return -1;
		if (end - p >= 2 && (p[1] == '?' || p[1] == '!')) {
			if ((p = skip_markup(p, end)) == NULL)
				return -1;
			continue;
		}
		break;
	}
	name = ++p;
	while (p < end && *p != ' ' && *p != '>' && *p != '/' && *p != '\t' &&
	    *p != '\n' && *p != '\r')
		p++;
	if (p == name || p >= end)
		return -1;
	/* The local name: drop a namespace prefix. */
	for (const char *q = name; q < p; q++)
		if (*q == ':')
			name = q + 1;
	n = (size_t)(p - name);
	if (n == 0 || n + 1 > size)
		return -1;
	memcpy(buf, name, n);
	buf[n] = '\0';
	return 0;
}
