/* import.c -- the importer registry and format detection (import.h). */
#include "config.h"

#include <string.h>
#include <strings.h>

#include "import.h"
#include "xmldom.h"

/* Every importer: one line each, in the order --help lists them. */
static const struct import_format *const formats[] = {
	&import_format_cha,
	&import_format_docx,
	&import_format_txt,
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

/* The extension of path's last component, without the dot, or "". */
static const char *
extension(const char *path)
{
	const char *base = strrchr(path, '/'), *dot;

	base = base != NULL ? base + 1 : path;
	dot = strrchr(base, '.');
	return dot != NULL && dot != base ? dot + 1 : "";
}

/* Is ext one of the space-separated words of list (ignoring case)? */
static int
has_ext(const char *list, const char *ext)
{
	size_t n = strlen(ext);

	if (n == 0)
		return 0;
	for (const char *p = list; *p != '\0';) {
		const char *e = strchr(p, ' ');
		size_t k = e != NULL ? (size_t)(e - p) : strlen(p);

		if (k == n && strncasecmp(p, ext, n) == 0)
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

const struct import_format *
import_detect(const char *path, const char *data, size_t len, int *native,
    const char **why)
{
	const char *ext = extension(path);
	const struct import_format *best = NULL;
	char root[64];
	int score = 0;

	*native = 0;
	*why = NULL;
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
		if (has_ext(formats[i]->exts, ext))
			return formats[i];
	if (strcasecmp(ext, "xml") == 0) {
		if (xmldom_sniff_root(data, len, root, sizeof(root)) == 0) {
			*why = "an XML document whose root element is neither "
			    "<session> nor <corpus>, nor that of a format an "
			    "importer reads (ELAN, Transcriber, TEI)";
			return NULL;
		}
		/* Not XML at all: perhaps text with an .xml name. */
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
