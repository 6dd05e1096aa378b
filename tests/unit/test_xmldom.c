/* test_xmldom.c -- unit tests of ingest/xmldom.c: the safe libxml2 tree
 * of the XML importers. */
#include "config.h"

#include "unit.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "diag.h"
#include "util.h"
#include "xmldom.h"

#define tmpdir unit_tmpdir()

/* Parse text; returns the tree or NULL, the diagnostics in d. */
static xmlDocPtr
parse(const char *text, struct diags *d)
{
	return xmldom_read(text, strlen(text), d);
}

/* text must be refused with one error whose message holds what, at
 * line (and col when col > 0). */
static void
refused(const char *text, long line, long col, const char *what)
{
	struct diags d = { 0 };
	xmlDocPtr doc = parse(text, &d);

	ck_assert_msg(doc == NULL, "accepted: %s", text);
	ck_assert_uint_eq(d.n, 1);
	ck_assert_int_eq(d.v[0].severity, DIAG_ERROR);
	ck_assert_msg(strstr(d.v[0].msg, what) != NULL, "'%s' lacks '%s'",
	    d.v[0].msg, what);
	ck_assert_msg(d.v[0].line == line, "'%s' at line %ld, want %ld",
	    d.v[0].msg, d.v[0].line, line);
	if (col > 0)
		ck_assert_msg(d.v[0].col == col, "'%s' at column %ld, want "
		    "%ld", d.v[0].msg, d.v[0].col, col);
	diags_free(&d);
}

START_TEST(test_tree)
{
	struct diags d = { 0 };
	xmlDocPtr doc = parse("<?xml version=\"1.0\"?>\n"
	    "<t:ANNOTATION_DOCUMENT xmlns:t=\"urn:x\" xml:lang=\"en\">\n"
	    "  <HEADER/>\n  <!-- a comment -->\n"
	    "  <TIER TIER_ID=\"T1\" xml:id=\"i1\" empty=\"\" t:only=\"ns\">"
	    "a &lt;&amp;&gt; "
	    "&#233;&#x1F642;</TIER>\n"
	    "  <other/>\n  <TIER TIER_ID=\"T2\"><![CDATA[<raw>]]></TIER>\n"
	    "</t:ANNOTATION_DOCUMENT>\n", &d);
	xmlNodePtr root, t1, t2;
	xmlChar *text;

	ck_assert_ptr_nonnull(doc);
	ck_assert_uint_eq(d.n, 0);
	/* Local names, whatever the namespace prefix. */
	ck_assert_str_eq(xmldom_root_name(doc), "ANNOTATION_DOCUMENT");
	root = xmlDocGetRootElement(doc);
	ck_assert(xmldom_is(root, "ANNOTATION_DOCUMENT"));
	ck_assert(!xmldom_is(root, "t:ANNOTATION_DOCUMENT"));
	ck_assert_str_eq(xmldom_attr(root, "xml:lang"), "en");
	ck_assert_ptr_null(xmldom_attr(root, "lang"));	/* not xml:lang */
	ck_assert_ptr_nonnull(xmldom_child(root, "HEADER"));
	t1 = xmldom_child(root, "TIER");
	ck_assert_ptr_nonnull(t1);
	ck_assert_int_eq(xmldom_line(t1), 5);
	ck_assert_str_eq(xmldom_attr(t1, "TIER_ID"), "T1");
	ck_assert_str_eq(xmldom_attr(t1, "xml:id"), "i1");
	ck_assert_ptr_null(xmldom_attr(t1, "id"));
	ck_assert_str_eq(xmldom_attr(t1, "empty"), "");
	ck_assert_ptr_null(xmldom_attr(t1, "missing"));
	/* A plain name is an attribute in no namespace. */
	ck_assert_ptr_null(xmldom_attr(t1, "only"));
	text = xmlNodeGetContent(t1);
	ck_assert_str_eq((const char *)text,
	    "a <&> \xc3\xa9\xf0\x9f\x99\x82");
	xmlFree(text);
	/* The next TIER, skipping <other/>, comments and text. */
	t2 = xmldom_next(t1, "TIER");
	ck_assert_ptr_nonnull(t2);
	ck_assert_str_eq(xmldom_attr(t2, "TIER_ID"), "T2");
	text = xmlNodeGetContent(t2);
	ck_assert_str_eq((const char *)text, "<raw>");
	xmlFree(text);
	ck_assert_ptr_null(xmldom_next(t2, "TIER"));
	ck_assert_ptr_null(xmldom_child(t2, "TIER"));
	/* NULL in, NULL out. */
	ck_assert_ptr_null(xmldom_child(NULL, "TIER"));
	ck_assert_ptr_null(xmldom_next(NULL, "TIER"));
	ck_assert_ptr_null(xmldom_attr(NULL, "x"));
	ck_assert(!xmldom_is(NULL, "TIER"));
	ck_assert_int_eq(xmldom_line(NULL), 0);
	ck_assert_str_eq(xmldom_root_name(NULL), "");
	xmlFreeDoc(doc);
}
END_TEST

START_TEST(test_encoding)
{
	static const char latin1[] = "<?xml version=\"1.0\" encoding="
	    "\"ISO-8859-1\"?>\n<Trans speaker=\"Ren\xe9\">caf\xe9</Trans>\n";
	struct diags d = { 0 };
	xmlDocPtr doc = xmldom_read(latin1, sizeof(latin1) - 1, &d);
	xmlChar *text;

	ck_assert_ptr_nonnull(doc);
	ck_assert_str_eq(xmldom_attr(xmlDocGetRootElement(doc), "speaker"),
	    "Ren\xc3\xa9");
	text = xmlNodeGetContent(xmlDocGetRootElement(doc));
	ck_assert_str_eq((const char *)text, "caf\xc3\xa9");
	xmlFree(text);
	xmlFreeDoc(doc);
	ck_assert_uint_eq(d.n, 0);
}
END_TEST

/* Every declaration of an internal subset is refused at the
 * declaration, before anything could be expanded. */
START_TEST(test_declarations_refused)
{
	refused("<?xml version=\"1.0\"?>\n<!DOCTYPE r [\n"
	    "  <!ENTITY name \"Jane Doe\">\n]>\n<r>&name;</r>\n", 3, 0,
	    "entity declaration 'name' refused");
	/* The billion laughs stop at the first entity. */
	refused("<!DOCTYPE lolz [<!ENTITY lol \"lol\">"
	    "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>"
	    "<lolz>&lol2;</lolz>", 1, 0, "entity declaration 'lol' refused");
	/* External entities (XXE). */
	refused("<!DOCTYPE r [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
	    "<r>&xxe;</r>", 1, 0, "entity declaration 'xxe' refused");
	refused("<!DOCTYPE r [<!ENTITY % pe SYSTEM \"http://example.org/x\">"
	    "%pe;]><r/>", 1, 0, "entity declaration 'pe' refused");
	refused("<!DOCTYPE r [<!NOTATION gif SYSTEM \"image/gif\">"
	    "<!ENTITY pic SYSTEM \"pic.gif\" NDATA gif>]><r/>", 1, 0,
	    "notation declaration 'gif' refused");
	refused("<!DOCTYPE r [<!ENTITY pic SYSTEM \"pic.gif\" NDATA gif>]>"
	    "<r/>", 1, 0, "unparsed entity declaration 'pic' refused");
	/* A parameter entity that was never declared is not looked up
	 * anywhere. */
	refused("<!DOCTYPE r [%pe;]><r/>", 1, 0, "%pe; not found");
	refused("<!DOCTYPE r [<!ATTLIST r who CDATA \"nobody\">]><r/>", 1, 0,
	    "attribute declaration 'who' of <r> refused");
	refused("<!DOCTYPE r [<!ELEMENT r (#PCDATA)>]><r/>", 1, 0,
	    "element declaration 'r' refused");
	/* Undeclared entities are errors, not kept as references. */
	refused("<r>\n  x &nbsp; y</r>", 2, 0, "Entity 'nbsp' not defined");
}
END_TEST

START_TEST(test_external_dtd_not_loaded)
{
	char *dtd = xasprintf("%s/trans-14.dtd", tmpdir);
	FILE *f = fopen(dtd, "w");
	struct diags d = { 0 };
	xmlDocPtr doc;
	char *text;

	/* Loading this DTD would be refused (its declarations) or show
	 * (the attribute default). */
	ck_assert_ptr_nonnull(f);
	fputs("<!ATTLIST Trans leaked CDATA \"yes\">\n"
	    "<!ENTITY secret \"LEAKED\">\n", f);
	fclose(f);
	text = xasprintf("<?xml version=\"1.0\"?>\n<!DOCTYPE Trans SYSTEM "
	    "\"%s\">\n<Trans version=\"1\"><Turn/></Trans>\n", dtd);
	doc = parse(text, &d);
	ck_assert_msg(doc != NULL, "%s", d.n ? d.v[0].msg : "");
	ck_assert_uint_eq(d.n, 0);
	ck_assert_str_eq(xmldom_root_name(doc), "Trans");
	ck_assert_str_eq(xmldom_attr(xmlDocGetRootElement(doc), "version"),
	    "1");
	ck_assert_ptr_null(xmldom_attr(xmlDocGetRootElement(doc), "leaked"));
	xmlFreeDoc(doc);
	free(text);
	/* Its entities are not there either. */
	text = xasprintf("<!DOCTYPE Trans SYSTEM \"%s\">\n<Trans>&secret;"
	    "</Trans>", dtd);
	refused(text, 2, 0, "Entity 'secret' not defined");
	free(text);
	/* A DTD on the network is not fetched (nor waited for). */
	doc = parse("<!DOCTYPE Trans SYSTEM \"http://192.0.2.1/trans-14.dtd\">"
	    "<Trans/>", &d);
	ck_assert_ptr_nonnull(doc);
	ck_assert_uint_eq(d.n, 0);
	xmlFreeDoc(doc);
	free(dtd);
}
END_TEST

START_TEST(test_malformed)
{
	/* An unescaped '&', with the hint. */
	refused("<r>\n<u>Tom & Jerry</u></r>", 2, 9,
	    "an '&' in text must be written &amp;");
	refused("<r><u>AT&T</u></r>", 1, 0,
	    "an '&' in text must be written &amp;");
	refused("<r>\n\n<a></r>", 3, 0, "XML:");
	refused("<r attr=noquotes/>", 1, 0, "XML:");
	/* The file as a whole (line 0), not an internal failure. */
	refused("", 0, 0, "the file is empty");
	refused("just text", 1, 0, "XML:");
	refused("<r/><second/>", 1, 0, "XML:");
}
END_TEST

/* <e a0="0" ... a{n-1}="n-1"/> */
static char *
with_attrs(int n)
{
	strbuf b = { 0 };

	strbuf_adds(&b, "<e");
	for (int i = 0; i < n; i++)
		strbuf_addf(&b, " a%d=\"%d\"", i, i);
	strbuf_adds(&b, "/>");
	return strbuf_release(&b);
}

/* n elements nested in each other. */
static char *
nested(int n)
{
	strbuf b = { 0 };

	for (int i = 0; i < n; i++)
		strbuf_adds(&b, "<d>");
	strbuf_adds(&b, "x");
	for (int i = 0; i < n; i++)
		strbuf_adds(&b, "</d>");
	return strbuf_release(&b);
}

START_TEST(test_caps)
{
	struct diags d = { 0 };
	xmlDocPtr doc;
	char *text;

	text = with_attrs(XMLDOM_MAX_ATTRS);
	doc = parse(text, &d);
	ck_assert_ptr_nonnull(doc);
	ck_assert_str_eq(xmldom_attr(xmlDocGetRootElement(doc), "a255"),
	    "255");
	xmlFreeDoc(doc);
	free(text);
	text = with_attrs(XMLDOM_MAX_ATTRS + 1);
	refused(text, 1, 0, "<e> has 257 attributes, more than the 256 "
	    "allowed");
	free(text);

	text = nested(XMLDOM_MAX_DEPTH);
	doc = parse(text, &d);
	ck_assert_ptr_nonnull(doc);
	xmlFreeDoc(doc);
	free(text);
	text = nested(XMLDOM_MAX_DEPTH + 1);
	refused(text, 1, 0, "elements nest more than 64 deep");
	free(text);
	/* Depth is nesting, not the number of elements. */
	{
		strbuf b = { 0 };

		strbuf_adds(&b, "<r>");
		for (int i = 0; i < 500; i++)
			strbuf_adds(&b, "<a><b/></a>");
		strbuf_adds(&b, "</r>");
		doc = parse(b.s, &d);
		ck_assert_ptr_nonnull(doc);
		xmlFreeDoc(doc);
		strbuf_free(&b);
	}
	ck_assert_uint_eq(d.n, 0);
}
END_TEST

START_TEST(test_no_xinclude)
{
	struct diags d = { 0 };
	xmlDocPtr doc = parse("<r xmlns:xi=\"http://www.w3.org/2001/XInclude\">"
	    "<xi:include href=\"/etc/passwd\" parse=\"text\"/></r>", &d);
	xmlNodePtr inc;

	ck_assert_ptr_nonnull(doc);
	inc = xmldom_child(xmlDocGetRootElement(doc), "include");
	ck_assert_ptr_nonnull(inc);	/* left as it is, not included */
	ck_assert_ptr_null(inc->children);
	xmlFreeDoc(doc);
}
END_TEST

/* xmldom_sniff_root of text: want the name, or NULL for -1. */
static void
sniff(const char *text, const char *want)
{
	char buf[32] = "unchanged";
	int r = xmldom_sniff_root(text, strlen(text), buf, sizeof(buf));

	if (want == NULL) {
		ck_assert_msg(r == -1, "'%s' sniffed as '%s'", text, buf);
		return;
	}
	ck_assert_msg(r == 0, "'%s' not sniffed", text);
	ck_assert_str_eq(buf, want);
}

START_TEST(test_sniff)
{
	char small[4];

	sniff("<Trans>", "Trans");
	sniff("\xef\xbb\xbf<?xml version=\"1.0\"?>\n<ANNOTATION_DOCUMENT "
	    "AUTHOR=\"\">", "ANNOTATION_DOCUMENT");
	sniff("<?xml version=\"1.0\"?><!-- <not-me> --><?pi <no>?>\r\n"
	    "\t<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">", "TEI");
	sniff("<!DOCTYPE Trans SYSTEM \"trans-14.dtd\">\n<Trans>", "Trans");
	sniff("<!DOCTYPE x [<!ENTITY a \">\"> <!ELEMENT x ANY>]><x/>", "x");
	sniff("<w:document xmlns:w=\"urn:w\"><w:body/>", "document");
	sniff("<r\n>", "r");
	sniff("", NULL);
	sniff("   ", NULL);
	sniff("Speaker 1: hello", NULL);
	sniff("<", NULL);
	sniff("<>", NULL);
	sniff("<unterminated", NULL);
	sniff("<!-- never closed <r>", NULL);
	sniff("<?xml version=\"1.0\"", NULL);
	sniff("<p:>", NULL);
	/* The name must fit with its NUL. */
	ck_assert_int_eq(xmldom_sniff_root("<abc>", 5, small, sizeof(small)),
	    0);
	ck_assert_str_eq(small, "abc");
	ck_assert_int_eq(xmldom_sniff_root("<abcd>", 6, small, sizeof(small)),
	    -1);
	/* Only len bytes are looked at. */
	ck_assert_int_eq(xmldom_sniff_root("<abc>", 4, small, sizeof(small)),
	    -1);
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("xmldom");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_tree);
	tcase_add_test(tc, test_encoding);
	tcase_add_test(tc, test_declarations_refused);
	tcase_add_test(tc, test_external_dtd_not_loaded);
	tcase_add_test(tc, test_malformed);
	tcase_add_test(tc, test_caps);
	tcase_add_test(tc, test_no_xinclude);
	tcase_add_test(tc, test_sniff);
	suite_add_tcase(s, tc);
	return s;
}
