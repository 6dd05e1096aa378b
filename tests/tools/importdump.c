/* importdump.c -- print what an importer's parser makes of a file.
 *
 *   importdump FORMAT FILE   the docs (import_doc_dump) and diagnostics
 *   importdump detect FILE   the format import_detect() tells
 *
 * For the importer tests (tests/import-formats.test): the goldens in
 * tests/golden/import/ are this tool's output. Exit status 0 when the
 * parse succeeded, 1 when the file was rejected, 2 on usage errors.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import.h"
#include "util.h"

static char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	strbuf b = { 0 };
	char buf[65536];
	size_t n;

	if (f == NULL)
		return NULL;
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		strbuf_add(&b, buf, n);
	fclose(f);
	*len = b.len;
	return b.s != NULL ? strbuf_release(&b) : xstrdup("");
}

int
main(int argc, char **argv)
{
	const struct import_format *fmt;
	struct import_docs docs = { 0 };
	struct diags d = { 0 };
	struct import_src src = { 0 };
	strbuf out = { 0 };
	size_t len;
	char *data;
	int rc;

	if (argc != 3) {
		fprintf(stderr, "usage: importdump FORMAT|detect FILE\n");
		return 2;
	}
	if ((data = slurp(argv[2], &len)) == NULL) {
		perror(argv[2]);
		return 2;
	}
	if (strcmp(argv[1], "detect") == 0) {
		int native;
		const char *why;

		fmt = import_detect(argv[2], data, len, &native, &why);
		printf("%s\n", fmt != NULL ? fmt->name : native ? "xml" : why);
		free(data);
		return 0;
	}
	if ((fmt = import_format_find(argv[1])) == NULL) {
		fprintf(stderr, "importdump: no format '%s'\n", argv[1]);
		free(data);
		return 2;
	}
	src.display = argv[2];
	src.path = argv[2];
	src.data = data;
	src.len = len;
	rc = fmt->parse(&src, &docs, &d);
	for (size_t i = 0; rc == 0 && i < docs.n; i++)
		import_doc_dump(docs.v[i], &out);
	for (size_t i = 0; i < d.n; i++)
		strbuf_addf(&out, "file %ld:%ld %s%s\n", d.v[i].line,
		    d.v[i].col, d.v[i].severity == DIAG_WARNING ? "warning: " :
		    "error: ", d.v[i].msg);
	if (rc != 0)
		strbuf_adds(&out, "REJECTED\n");
	fwrite(out.s != NULL ? out.s : "", 1, out.len, stdout);
	strbuf_free(&out);
	diags_free(&d);
	import_docs_free(&docs);
	free(data);
	return rc == 0 ? 0 : 1;
}
