/* fuzz_import.h -- the body of an importer's libFuzzer target.
 *
 * fuzz_import(fmt, data, size) runs fmt's sniffer and parser on the bytes
 * and checks the importer contract (import.h) on what comes back, so the
 * fuzzer finds wrong results as well as crashes: a rejected file has an
 * error and no doc is used; an accepted one has docs whose turns have
 * non-empty, trimmed, valid UTF-8 text, a known speaker and 1-based
 * positions. Any breach aborts. Everything is freed (LeakSanitizer checks).
 */
#ifndef RAPPORT_FUZZ_IMPORT_H
#define RAPPORT_FUZZ_IMPORT_H

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "import.h"
#include "ingest.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
fuzz_check_doc(const struct import_doc *doc)
{
	for (size_t i = 0; i < doc->nspeakers; i++) {
		const struct import_speaker *sp = &doc->speakers[i];

		if (sp->label == NULL || !utf8_valid(sp->label,
		    strlen(sp->label)) || (sp->name != NULL &&
		    !utf8_valid(sp->name, strlen(sp->name))))
			abort();
	}
	for (size_t i = 0; i < doc->nturns; i++) {
		const struct import_turn *t = &doc->turns[i];
		size_t n = strlen(t->text);

		if (n == 0 || t->text[0] == ' ' || t->text[n - 1] == ' ' ||
		    !utf8_valid(t->text, n) || t->speaker >= doc->nspeakers ||
		    t->line < 1 || t->col < 0 ||
		    (!isnan(t->start) && (!isfinite(t->start) ||
		    t->start < 0)) ||
		    (!isnan(t->end) && (!isfinite(t->end) || t->end < 0)))
			abort();
	}
}

static int
fuzz_import(const struct import_format *fmt, const uint8_t *data,
    size_t size)
{
	static int ready;
	/* A copy of just size bytes, so ASan sees any read past the end
	 * (libFuzzer may also pass NULL for an empty input). */
	char *p = xmalloc(size > 0 ? size : 1);
	struct import_src src = { 0 };
	struct import_docs docs = { 0 };
	struct diags d = { 0 };
	strbuf b = { 0 };
	int s, native, rc;
	const char *why;

	if (!ready) {
		/* As every command does: the deny-all entity loader. */
		ingest_global_init();
		ready = 1;
	}
	memcpy(p, data, size);
	s = fmt->sniff(p, size < 65536 ? size : 65536);
	if (s < 0 || s > 2)
		abort();
	(void)import_detect("fuzz", p, size, &native, &why);
	src.display = src.path = "fuzz";
	src.data = p;
	src.len = size;
	rc = fmt->parse(&src, &docs, &d);
	if (rc != 0 && (rc != -1 || diags_errors(&d) == 0))
		abort();
	if (rc == 0) {
		if (docs.n == 0)
			abort();
		for (size_t i = 0; i < docs.n; i++) {
			fuzz_check_doc(docs.v[i]);
			import_doc_dump(docs.v[i], &b);
		}
	}
	for (size_t i = 0; i < d.n; i++)
		if (d.v[i].line < 0 || d.v[i].col < 0 || d.v[i].msg == NULL ||
		    !utf8_valid(d.v[i].msg, strlen(d.v[i].msg)))
			abort();
	strbuf_free(&b);
	diags_free(&d);
	import_docs_free(&docs);
	free(p);
	return 0;
}

/* The whole of a target: FUZZ_IMPORT(import_format_vtt). */
#define FUZZ_IMPORT(fmt) \
	int \
	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) \
	{ \
		return fuzz_import(&(fmt), data, size); \
	}

#endif
