/* import.c -- the importer registry and format detection (import.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "import.h"
#include "textin.h"
#include "xmldom.h"

/* Every importer: one line each, in the order --help lists them. */
static const struct import_format *const formats[] = {
	&import_format_vtt,
	&import_format_srt,
	&import_format_eaf,
	&import_format_cha,
	&import_format_trs,
	&import_format_tei,
	&import_format_docx,
	&import_format_csv,
	&import_format_txt,	/* the weakest sniffer, last */
	NULL
};
/* The number of formats (the table ends with NULL). */
static size_t
nformats(void)
{
	size_t n = 0;

	while (formats[n] != NULL)
		n++;
	return n;
}
#define NFORMATS nformats()

const struct import_format *const *
import_formats(size_t *n)
{
	*n = NFORMATS;
	return formats;
}

const struct import_format *
import_format_find(const char *name)
{
	for (size_t i = 0; i < NFORMATS; i++)
		if (strcmp(formats[i]->name, name) == 0)
			return formats[i];
	return NULL;
}

/* The last component of path. */
static const char *
basename_of(const char *path)
{
	const char *base = strrchr(path, '/');

	return base != NULL ? base + 1 : path;
}

/* The extension of path's last component, without the dot, or "". */
static const char *
extension(const char *path)
{
	const char *base = basename_of(path), *dot;

	dot = strrchr(base, '.');
	return dot != NULL && dot != base ? dot + 1 : "";
}

/*
 * Does the name of path end in ".EXT" for one of the space-separated
 * words of list (ignoring case)? A word may have dots of its own
 * ("tei.xml"); the name must have something before the extension.
 */
static int
has_ext(const char *list, const char *path)
{
	const char *base = basename_of(path);
	size_t blen = strlen(base);

	for (const char *p = list; *p != '\0';) {
		const char *e = strchr(p, ' ');
		size_t k = e != NULL ? (size_t)(e - p) : strlen(p);

		if (k > 0 && blen > k + 1 && base[blen - k - 1] == '.' &&
		    strncasecmp(base + blen - k, p, k) == 0)
			return 1;
		p += k + (e != NULL);
	}
	return 0;
}

/* Does the text hold NUL bytes without being UTF-16? */
static int
binary(const char *data, size_t len)
{
	const unsigned char *p = (const unsigned char *)data;

	if (len >= 2 && ((p[0] == 0xff && p[1] == 0xfe) ||
	    (p[0] == 0xfe && p[1] == 0xff)))
		return 0;
	return memchr(data, '\0', len) != NULL;
}

static const struct import_format *detect(const char *, const char *,
    size_t, int *, const char **);

const struct import_format *
import_detect(const char *path, const char *data, size_t len, int *native,
    const char **why)
{
	const unsigned char *p = (const unsigned char *)data;
	const struct import_format *f;
	struct diags d = { 0 };
	size_t n = len > 65536 ? 65536 : len, clen;
	char *conv;

	*native = 0;
	*why = NULL;
	/* UTF-16 without a byte-order mark: only XML declares itself so. */
	if (len >= 2 && ((p[0] == '<' && p[1] == 0) || (p[0] == 0 &&
	    p[1] == '<'))) {
		*native = 1;
		return NULL;
	}
	/* UTF-16 with one: tell the format from the head as UTF-8. */
	if (len >= 2 && ((p[0] == 0xff && p[1] == 0xfe) || (p[0] == 0xfe &&
	    p[1] == 0xff))) {
		n &= ~(size_t)1;
		conv = textin_decode(data, n, &clen, &d);
		diags_free(&d);
		if (conv != NULL) {
			f = detect(path, conv, clen, native, why);
			free(conv);
			return f;
		}
	}
	return detect(path, data, len, native, why);
}

static const struct import_format *
detect(const char *path, const char *data, size_t len, int *native,
    const char **why)
{
	const char *ext = extension(path);
	const struct import_format *best = NULL;
	char root[64];
	int score = 0;

	/* Our own XML: a <session> or <corpus> root, whatever the name. */
	if (xmldom_sniff_root(data, len, root, sizeof(root)) == 0 &&
	    (strcmp(root, "session") == 0 || strcmp(root, "corpus") == 0)) {
		*native = 1;
		return NULL;
	}
	/* A signature wins; then the extension; then content that reads
	 * like a format. */
	for (size_t i = 0; i < NFORMATS; i++)
		if (formats[i]->sniff(data, len) == 2)
			return formats[i];
	for (size_t i = 0; i < NFORMATS; i++)
		if (has_ext(formats[i]->exts, path))
			return formats[i];
	if (strcasecmp(ext, "xml") == 0 &&
	    xmldom_sniff_root(data, len, root, sizeof(root)) == 0) {
		/* XML of no format we know: the XML reader says what its
		 * root is, at its line. */
		*native = 1;
		return NULL;
	}
	if (binary(data, len)) {
		*why = "binary data, not a transcript in a format rapport reads";
		return NULL;
	}
	for (size_t i = 0; i < NFORMATS; i++) {
		int s = formats[i]->sniff(data, len);

		if (s > score) {
			score = s;
			best = formats[i];
		}
	}
	if (best == NULL) {
		if (strcasecmp(ext, "xml") == 0) {
			/* Let the XML reader say what is wrong with it. */
			*native = 1;
			return NULL;
		}
		*why = "not a transcript in a format rapport reads (XML, "
		    "WebVTT, SubRip, ELAN, CHAT, Transcriber, TEI, text, "
		    "Word, CSV)";
	}
	return best;
}

int
import_parse(const struct import_format *fmt, const char *path,
    const char *display, const char *data, size_t len,
    const struct import_opts *o, struct import_docs *docs, struct diags *d)
{
	struct import_src src = { display, path, data, len,
		o != NULL ? o->csv : NULL };

	if (len > IMPORT_MAX_BYTES) {
		diags_error(d, 0, 0, "%zu bytes: larger than the %u MiB an "
		    "importer reads (it reads the whole file)", len,
		    IMPORT_MAX_BYTES >> 20);
		return -1;
	}
	if (fmt->parse(&src, docs, d) != 0) {
		if (diags_errors(d) == 0)
			diags_error(d, 0, 0, "not a %s file", fmt->summary);
		import_docs_free(docs);
		return -1;
	}
	return 0;
}

session *
import_session(const struct import_doc *doc, const struct import_format *fmt,
    const char *path, const char *display, const struct import_opts *o,
    struct diags *d)
{
	static const struct import_opts none = { .gap = IMPORT_DEFAULT_GAP };

	diags_append(d, &doc->diags);
	if (doc->bad) {
		if (diags_errors(&doc->diags) == 0)
			diags_error(d, doc->line, 0, "session rejected");
		return NULL;
	}
	return import_build(doc, fmt, path, display, o != NULL ? o : &none, d);
}
