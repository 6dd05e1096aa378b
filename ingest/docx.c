/* docx.c -- Word documents (.docx): the text of word/document.xml, read
 * by the text rules.
 *
 * A .docx is a ZIP archive (ECMA-376 Part 2, Open Packaging Conventions)
 * whose main part, word/document.xml, holds the body as WordprocessingML
 * (ECMA-376 Part 1, section 17): paragraphs <w:p> of runs <w:r> of text
 * <w:t>, in tables <w:tbl><w:tr><w:tc> and content controls <w:sdt>. Each
 * paragraph becomes a line (a line break <w:br/> inside one starts another
 * line of the same paragraph) for the rules of the text importer
 * (txt_internal.h), which number them by paragraph: "paragraph 12" in a
 * message is the twelfth <w:p> of the body in document order, empty ones
 * and those in tables counted.
 *
 * The archive comes from anyone, so it is read defensively: from memory
 * (nothing is ever written or extracted, so entry names cannot reach the
 * file system, but names with '..' or an absolute path are refused all
 * the same), with libzip's consistency checks, a cap on the number of
 * entries, and word/document.xml decompressed up to a cap whatever its
 * header says, its compression ratio bounded (a zip bomb stops early).
 * The XML goes through xmldom_read() (no entities, no DTD, no network).
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <zip.h>

#include "import.h"
#include "textin.h"
#include "txt_internal.h"
#include "xmldom.h"

/* A Word document has a few dozen parts; thousands mean something else. */
#define DOCX_MAX_ENTRIES	10000
/* The most of word/document.xml read: a transcript of many hours is a few
 * MiB of XML. */
#define DOCX_MAX_XML		(64u << 20)
/* Deflate reaches about 1032:1 at most (zlib technical details, Adler and
 * Gailly); XML text compresses 5 to 20 times. An entry larger than
 * DOCX_RATIO_FLOOR that expands more than DOCX_MAX_RATIO times is
 * refused as a zip bomb. */
#define DOCX_MAX_RATIO		200
#define DOCX_RATIO_FLOOR	(1u << 20)

static const char main_part[] = "word/document.xml";

/* --- the archive --- */

static uint32_t
le16(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8;
}

static uint64_t
le64(const unsigned char *p)
{
	uint64_t v = 0;

	for (int i = 7; i >= 0; i--)
		v = v << 8 | p[i];
	return v;
}

/*
 * The number of entries the end of central directory record declares
 * (PKWARE APPNOTE.TXT 6.3.10, sections 4.3.14-4.3.16, ZIP64 included), or
 * -1 when there is none. Read before libzip sees the archive: libzip
 * loads the whole central directory, so a directory of millions of
 * entries must be refused first.
 */
static int64_t
declared_entries(const unsigned char *p, size_t n)
{
	size_t stop = n > 65535 + 22 ? n - 65535 - 22 : 0;

	if (n < 22)
		return -1;
	for (size_t i = n - 22 + 1; i-- > stop;) {
		size_t loc;
		uint64_t off;

		if (memcmp(p + i, "PK\x05\x06", 4) != 0)
			continue;
		if (le16(p + i + 10) != 0xffff)
			return (int64_t)le16(p + i + 10);
		/* ZIP64: the locator precedes the record. */
		if (i < 20 || memcmp(p + i - 20, "PK\x06\x07", 4) != 0)
			return 0xffff;
		loc = i - 20;
		off = le64(p + loc + 8);
		if (n < 56 || off > n - 56 || memcmp(p + off, "PK\x06\x06", 4)
		    != 0)
			return 0xffff;
		return le64(p + off + 32) > INT64_MAX ? INT64_MAX :
		    (int64_t)le64(p + off + 32);
	}
	return -1;
}

/* Is an entry name one a careless extractor could write outside its
 * directory: absolute ("/x", "\x", "C:x") or with a ".." component? */
static int
unsafe_name(const char *name)
{
	const char *p = name;

	if (name[0] == '/' || name[0] == '\\' || (name[0] != '\0' &&
	    name[1] == ':'))
		return 1;
	while (*p != '\0') {
		size_t k = strcspn(p, "/\\");

		if (k == 2 && p[0] == '.' && p[1] == '.')
			return 1;
		p += k;
		if (*p != '\0')
			p++;
	}
	return 0;
}

/* word/document.xml of the archive data (len bytes), in a new buffer
 * (free() it; *outlen its length), or NULL with an error in d. */
static char *
read_main_part(const char *data, size_t len, size_t *outlen,
    struct diags *d)
{
	zip_error_t ze;
	zip_source_t *zs = NULL;
	zip_t *za = NULL;
	zip_file_t *zf = NULL;
	zip_stat_t st;
	zip_int64_t nent, got;
	int64_t declared;
	long found = -1;
	strbuf b = { 0 };
	char *out = NULL, chunk[65536];

	declared = declared_entries((const unsigned char *)data, len);
	if (declared > DOCX_MAX_ENTRIES) {
		diags_error(d, 0, 0, "the archive declares %lld entries, more "
		    "than the %d a Word document could have", (long long)declared,
		    DOCX_MAX_ENTRIES);
		return NULL;
	}
	zip_error_init(&ze);
	if ((zs = zip_source_buffer_create(data, len, 0, &ze)) == NULL ||
	    (za = zip_open_from_source(zs, ZIP_RDONLY | ZIP_CHECKCONS, &ze)) ==
	    NULL) {
		if (zip_error_code_zip(&ze) == ZIP_ER_EXISTS)
			diags_error(d, 0, 0, "the archive holds two entries of "
			    "the same name: refused as a broken or hostile "
			    "archive");
		else
			diags_error(d, 0, 0, "not a readable ZIP archive (a "
			    ".docx is one): %s", zip_error_strerror(&ze));
		goto fail;
	}
	zs = NULL;	/* the archive owns it */
	if ((nent = zip_get_num_entries(za, 0)) > DOCX_MAX_ENTRIES) {
		diags_error(d, 0, 0, "the archive has %lld entries, more than "
		    "the %d a Word document could have", (long long)nent,
		    DOCX_MAX_ENTRIES);
		goto fail;
	}
	for (zip_int64_t i = 0; i < nent; i++) {
		const char *name = zip_get_name(za, (zip_uint64_t)i,
		    ZIP_FL_ENC_RAW);
		char *shown;

		if (name == NULL)
			continue;
		if (unsafe_name(name)) {
			shown = printable(name, 80);
			diags_error(d, 0, 0, "the archive has an entry named "
			    "'%s', an absolute path or one with '..': refused "
			    "as a hostile archive", shown);
			free(shown);
			goto fail;
		}
		if (strcmp(name, main_part) != 0)
			continue;
		if (found >= 0) {
			diags_error(d, 0, 0, "the archive holds %s twice: which "
			    "one Word reads is undefined", main_part);
			goto fail;
		}
		found = (long)i;
	}
	if (found < 0) {
		diags_error(d, 0, 0, "the archive has no %s: not a Word "
		    "document (an .xlsx, .pptx or .odt is a ZIP archive too)",
		    main_part);
		goto fail;
	}
	zip_stat_init(&st);
	if (zip_stat_index(za, (zip_uint64_t)found, 0, &st) != 0) {
		diags_error(d, 0, 0, "%s: %s", main_part,
		    zip_error_strerror(zip_get_error(za)));
		goto fail;
	}
	if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) &&
	    st.encryption_method != ZIP_EM_NONE) {
		diags_error(d, 0, 0, "%s is encrypted: save the document "
		    "without a password", main_part);
		goto fail;
	}
	if ((zf = zip_fopen_index(za, (zip_uint64_t)found, 0)) == NULL) {
		diags_error(d, 0, 0, "%s cannot be read: %s", main_part,
		    zip_error_strerror(zip_get_error(za)));
		goto fail;
	}
	/* The sizes in the headers are the archive's claims: count what
	 * decompression gives instead. */
	while ((got = zip_fread(zf, chunk, sizeof(chunk))) > 0) {
		strbuf_add(&b, chunk, (size_t)got);
		if (b.len > DOCX_MAX_XML) {
			diags_error(d, 0, 0, "%s is larger than %u MiB once "
			    "decompressed: refused (a zip bomb?)", main_part,
			    DOCX_MAX_XML >> 20);
			goto fail;
		}
		if (b.len > DOCX_RATIO_FLOOR && (st.valid &
		    ZIP_STAT_COMP_SIZE) && b.len / DOCX_MAX_RATIO >
		    st.comp_size) {
			diags_error(d, 0, 0, "%s expands more than %d times: "
			    "refused as a zip bomb", main_part, DOCX_MAX_RATIO);
			goto fail;
		}
	}
	if (got < 0) {
		diags_error(d, 0, 0, "%s cannot be decompressed: %s",
		    main_part, zip_error_strerror(zip_file_get_error(zf)));
		goto fail;
	}
	*outlen = b.len;
	out = b.s != NULL ? strbuf_release(&b) : xstrdup("");
fail:
	strbuf_free(&b);
	if (zf != NULL)
		zip_fclose(zf);
	if (za != NULL)
		zip_discard(za);
	zip_source_free(zs);
	zip_error_fini(&ze);
	return out;
}

/* --- the body --- */

/* A line of the body: its text in body.text. */
struct body_line {
	size_t	 off, n;
	long	 para, col;
};

struct body {
	strbuf			 text;
	struct body_line	*v;
	size_t			 n, cap, i;	/* i: the next to read */
	long			 para;		/* paragraphs so far */
	int			 words;		/* a line is not blank */
};

/* Append the lines of a paragraph's text s (n bytes, lines split at
 * '\n') as paragraph para; their columns are those in s, or unknown (0)
 * when s is not the paragraph's own text. */
static void
add_lines(struct body *x, const char *s, size_t n, long para, int cols)
{
	size_t a = 0;

	for (size_t i = 0; i <= n; i++) {
		if (i < n && s[i] != '\n')
			continue;
		x->v = xgrow(x->v, &x->cap, x->n + 1, sizeof(*x->v));
		x->v[x->n].off = x->text.len;
		x->v[x->n].n = i - a;
		x->v[x->n].para = para;
		x->v[x->n].col = cols ? (long)a + 1 : 0;
		x->n++;
		x->words |= !textin_blank(s + a, i - a);
		strbuf_add(&x->text, s + a, i - a);
		a = i + 1;
	}
}

/* Is run r hidden text (<w:rPr><w:vanish/>, ECMA-376 17.3.2.41)? */
static int
hidden(xmlNodePtr r)
{
	xmlNodePtr v = xmldom_child(xmldom_child(r, "rPr"), "vanish");
	const char *val = xmldom_attr(v, "val");

	if (v == NULL)
		return 0;
	return val == NULL || !(strcmp(val, "0") == 0 ||
	    strcmp(val, "false") == 0 || strcmp(val, "off") == 0);
}

/*
 * The text of the runs under n into b (ECMA-376 17.3.3, run content):
 * <w:t> as it is (white space other than spaces as spaces), <w:tab/> a
 * space, <w:br/> and <w:cr/> a line break, <w:noBreakHyphen/> '-'.
 * Insertions <w:ins> and moves in <w:moveTo> are kept (tracked changes
 * as accepted); deletions <w:del>/<w:delText>, moves away <w:moveFrom>,
 * field instructions <w:instrText> (a field's result is kept), hidden
 * runs, properties, and drawings and objects (their text boxes, and the
 * duplicate fallbacks of <mc:AlternateContent>) are dropped. Hyperlinks,
 * smart tags, content controls and simple fields are read through.
 */
static void
runs(xmlNodePtr n, strbuf *b)
{
	static const char *const skip[] = { "del", "moveFrom", "delText",
		"delInstrText", "instrText", "rPr", "pPr", "sdtPr", "sdtEndPr",
		"drawing", "pict", "object", "AlternateContent", "fldData",
		"customXmlPr", "smartTagPr" };

	for (xmlNodePtr c = n->children; c != NULL; c = c->next) {
		size_t i;

		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (xmldom_is(c, "t")) {
			for (xmlNodePtr t = c->children; t != NULL; t = t->next) {
				if ((t->type != XML_TEXT_NODE && t->type !=
				    XML_CDATA_SECTION_NODE) || t->content == NULL)
					continue;
				for (const xmlChar *p = t->content; *p != '\0';
				    p++)
					strbuf_addc(b, *p < 0x20 ? ' ' :
					    (char)*p);
			}
			continue;
		}
		if (xmldom_is(c, "tab") || xmldom_is(c, "ptab")) {
			strbuf_addc(b, ' ');
			continue;
		}
		if (xmldom_is(c, "br") || xmldom_is(c, "cr")) {
			strbuf_addc(b, '\n');
			continue;
		}
		if (xmldom_is(c, "noBreakHyphen")) {
			strbuf_addc(b, '-');
			continue;
		}
		for (i = 0; i < sizeof(skip) / sizeof(skip[0]); i++)
			if (xmldom_is(c, skip[i]))
				break;
		if (i < sizeof(skip) / sizeof(skip[0]) ||
		    (xmldom_is(c, "r") && hidden(c)))
			continue;
		runs(c, b);
	}
}

static void
paragraph(xmlNodePtr p, struct body *x)
{
	strbuf b = { 0 };

	x->para++;
	runs(p, &b);
	add_lines(x, b.s != NULL ? b.s : "", b.len, x->para, 1);
	strbuf_free(&b);
}

static void blocks(xmlNodePtr n, struct body *x);

/* The words that head the columns of a transcript table. */
static int
column_name(const char *s, size_t n)
{
	static const char *const names[] = { "speaker", "speakers", "name",
		"who", "time", "timestamp", "timecode", "start", "end", "text",
		"transcript", "transcription", "utterance", "dialogue", "dialog",
		"content", "speech", "line", "no.", "#" };

	textin_trim(&s, &n);
	if (n > 0 && s[n - 1] == ':')
		n--;
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strlen(names[i]) == n && strncasecmp(names[i], s, n) == 0)
			return 1;
	return n == 0;
}

/*
 * A table row that reads "Speaker | text" (or "time | Speaker | text"),
 * the layout of many interview transcripts, becomes one line
 * "[time] Speaker: text" for the text rules; each cell a line of its own
 * would separate every speaker from their words. The speaker cell must
 * hold a label that passes the strict test (textin_speaker_like), and
 * the row two or three cells of paragraphs only. A heading row
 * ("Speaker | Text", "Time | Speaker | Transcript") is dropped; any other
 * row is read cell by cell. Returns 1 when the row was read (or
 * dropped).
 */
static int
row_line(xmlNodePtr tr, struct body *x)
{
	strbuf cell[3] = { { 0 } }, line = { 0 };
	xmlNodePtr tc;
	long paras = 0;
	size_t ncells = 0, li = 0;
	int ok = 0, heading = 1;
	double t;

	/* Only cells (and row properties): a cell in a content control
	 * or a tracked change is read cell by cell. */
	for (xmlNodePtr c = tr->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE && !xmldom_is(c, "tc") &&
		    !xmldom_is(c, "trPr") && !xmldom_is(c, "tblPrEx"))
			goto done;
	for (tc = xmldom_child(tr, "tc"); tc != NULL; tc = xmldom_next(tc,
	    "tc")) {
		for (xmlNodePtr c = tc->children; c != NULL; c = c->next) {
			if (c->type != XML_ELEMENT_NODE || xmldom_is(c, "tcPr") ||
			    xmldom_is(c, "bookmarkStart") ||
			    xmldom_is(c, "bookmarkEnd"))
				continue;
			if (!xmldom_is(c, "p"))
				goto done;
			paras++;
			if (ncells < 3) {
				size_t k = cell[ncells].len;

				if (k > 0)
					strbuf_addc(&cell[ncells], ' ');
				runs(c, &cell[ncells]);
				for (; k < cell[ncells].len; k++)
					if (cell[ncells].s[k] == '\n')
						cell[ncells].s[k] = ' ';
			}
		}
		if (ncells < 3)
			heading &= column_name(cell[ncells].s != NULL ?
			    cell[ncells].s : "", cell[ncells].len);
		ncells++;
	}
	if (ncells < 2 || ncells > 3)
		goto done;
	if (heading) {
		/* Column headings are no one's words. */
		x->para += paras;
		ok = 1;
		goto done;
	}
	{
		const char *s = cell[0].s != NULL ? cell[0].s : "";
		size_t n = cell[0].len, k;

		textin_trim(&s, &n);
		if (n > 0 && ((k = textin_clock(s, n, &t)) == n ||
		    (s[0] == '[' && n > 2 && s[n - 1] == ']' &&
		    textin_clock(s + 1, n - 2, &t) == n - 2))) {
			if (ncells < 3)
				goto done;
			strbuf_addf(&line, "[%.*s] ", (int)(s[0] == '[' ?
			    n - 2 : n), s + (s[0] == '['));
			li = 1;
		}
	}
	{
		const char *s = cell[li].s != NULL ? cell[li].s : "";
		size_t n = cell[li].len;

		textin_trim(&s, &n);
		if (n > 0 && s[n - 1] == ':')
			n--;
		textin_trim(&s, &n);
		if (n == 0 || memchr(s, ':', n) != NULL ||
		    !textin_speaker_like(s, n, 1))
			goto done;
		strbuf_add(&line, s, n);
		strbuf_adds(&line, ":");
	}
	for (size_t k = li + 1; k < ncells; k++) {
		strbuf_addc(&line, ' ');
		if (cell[k].len > 0)
			strbuf_add(&line, cell[k].s, cell[k].len);
	}
	add_lines(x, line.s, line.len, x->para + 1, 0);
	x->para += paras;
	ok = 1;
done:
	for (size_t k = 0; k < 3; k++)
		strbuf_free(&cell[k]);
	strbuf_free(&line);
	return ok;
}

/* One block-level element (ECMA-376 17.2.2, body content): a paragraph,
 * a table (row by row, cell by cell), or a container of blocks. */
static void
block(xmlNodePtr c, struct body *x)
{
	static const char *const through[] = { "sdt", "sdtContent",
		"customXml", "ins", "moveTo", "tc", "smartTag" };

	if (xmldom_is(c, "p")) {
		paragraph(c, x);
		return;
	}
	if (xmldom_is(c, "tbl") || xmldom_is(c, "tr")) {
		for (xmlNodePtr r = c->children; r != NULL; r = r->next)
			if (r->type == XML_ELEMENT_NODE && !(xmldom_is(r, "tr") &&
			    row_line(r, x)))
				block(r, x);
		return;
	}
	for (size_t i = 0; i < sizeof(through) / sizeof(through[0]); i++)
		if (xmldom_is(c, through[i])) {
			blocks(c, x);
			return;
		}
	/* Deletions, moves away, section and table properties, bookmarks:
	 * nothing to read. */
}

static void
blocks(xmlNodePtr n, struct body *x)
{
	for (xmlNodePtr c = n->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			block(c, x);
}

static int
body_next(void *ctx, struct txt_line *l)
{
	struct body *x = ctx;

	if (x->i >= x->n)
		return 0;
	l->s = x->text.s + x->v[x->i].off;
	l->n = x->v[x->i].n;
	l->line = x->v[x->i].para;
	l->col = x->v[x->i].col;
	x->i++;
	return 1;
}

static void
body_rewind(void *ctx)
{
	((struct body *)ctx)->i = 0;
}

static int
docx_parse(const struct import_src *src, struct import_docs *out,
    struct diags *d)
{
	struct body x;
	struct txt_source ts = { body_next, body_rewind, &x, "paragraph" };
	struct diags xd = { 0 };
	xmlDocPtr doc = NULL;
	xmlNodePtr root, body;
	size_t len;
	char *xml;
	int rc = -1;

	memset(&x, 0, sizeof(x));
	if ((xml = read_main_part(src->data, src->len, &len, d)) == NULL)
		return -1;
	if ((doc = xmldom_read(xml, len, &xd)) == NULL) {
		for (size_t i = 0; i < xd.n; i++)
			diags_error(d, 0, 0, "%s line %ld, column %ld: %s",
			    main_part, xd.v[i].line, xd.v[i].col, xd.v[i].msg);
		if (xd.n == 0)
			diags_error(d, 0, 0, "%s is not well-formed XML",
			    main_part);
		goto fail;
	}
	root = xmlDocGetRootElement(doc);
	if (!xmldom_is(root, "document") ||
	    (body = xmldom_child(root, "body")) == NULL) {
		diags_error(d, 0, 0, "%s has no <w:document><w:body>: not a "
		    "Word document", main_part);
		goto fail;
	}
	blocks(body, &x);
	if (!x.words) {
		diags_error(d, 0, 0, "the document has no text (%ld empty "
		    "paragraph%s)", x.para, x.para == 1 ? "" : "s");
		goto fail;
	}
	rc = txt_parse_lines(&ts, import_doc_create(out), d);
fail:
	if (doc != NULL)
		xmlFreeDoc(doc);
	diags_free(&xd);
	strbuf_free(&x.text);
	free(x.v);
	free(xml);
	return rc;
}

/* Is there a local file header (APPNOTE 4.3.7) or central directory
 * header (4.3.12) for word/document.xml in the first bytes? */
static int
docx_sniff(const char *data, size_t len)
{
	const unsigned char *p = (const unsigned char *)data;
	size_t k = sizeof(main_part) - 1;

	if (len < 4 || memcmp(p, "PK\x03\x04", 4) != 0)
		return 0;
	for (size_t i = 0; i + 46 <= len; i++) {
		if (p[i] != 'P' || p[i + 1] != 'K')
			continue;
		if (memcmp(p + i + 2, "\x03\x04", 2) == 0 &&
		    le16(p + i + 26) == k && i + 30 + k <= len &&
		    memcmp(p + i + 30, main_part, k) == 0)
			return 2;
		if (memcmp(p + i + 2, "\x01\x02", 2) == 0 &&
		    le16(p + i + 28) == k && i + 46 + k <= len &&
		    memcmp(p + i + 46, main_part, k) == 0)
			return 2;
	}
	return 1;
}

const struct import_format import_format_docx = {
	.name = "docx",
	.exts = "docx",
	.summary = "Word documents: each paragraph read as a line of text "
	    "('Speaker: text', Otter.ai and Rev layouts)",
	.merges = 0,
	.sniff = docx_sniff,
	.parse = docx_parse,
};
