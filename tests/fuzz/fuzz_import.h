/* fuzz_import.h -- what the importer fuzz targets (fuzz_cha.c, fuzz_txt.c,
 * fuzz_docx.c) share: one input through one importer's sniff and parse,
 * and the contract of import.h checked on what comes out.
 *
 * A parse that returns -1 must leave an error diagnostic; one that
 * returns 0 must give docs whose turns name a speaker of the doc, hold
 * non-empty valid UTF-8, and have times that are absent or finite, not
 * negative and in order. A broken contract aborts, which libFuzzer
 * reports as a crash with the input that caused it.
 */
#ifndef RAPPORT_FUZZ_IMPORT_H
#define RAPPORT_FUZZ_IMPORT_H

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "import.h"

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

		if (t->speaker >= doc->nspeakers || t->text == NULL ||
		    *t->text == '\0' || !utf8_valid(t->text, strlen(t->text)))
			abort();
		if (!isnan(t->start) && (!isfinite(t->start) || t->start < 0))
			abort();
		if (!isnan(t->end) && (!isfinite(t->end) || t->end < 0 ||
		    (!isnan(t->start) && t->end < t->start)))
			abort();
	}
}

/* Sniff (the first 64 KiB, as import_detect() gives them) and parse
 * data with fmt, check what comes out and free it. */
static void
fuzz_import(const struct import_format *fmt, const uint8_t *data,
    size_t size)
{
	struct import_src src = { "fuzz", "fuzz", (const char *)data, size,
		NULL };
	struct import_docs docs = { 0 };
	struct diags d = { 0 };
	strbuf dump = { 0 };
	int s = fmt->sniff((const char *)data, size < 65536 ? size : 65536);

	if (s < 0 || s > 2)
		abort();
	if (fmt->parse(&src, &docs, &d) == 0) {
		for (size_t i = 0; i < docs.n; i++) {
			fuzz_check_doc(docs.v[i]);
			import_doc_dump(docs.v[i], &dump);
		}
	} else if (diags_errors(&d) == 0)
		abort();
	for (size_t i = 0; i < d.n; i++)
		if (d.v[i].msg == NULL || !utf8_valid(d.v[i].msg,
		    strlen(d.v[i].msg)))
			abort();
	strbuf_free(&dump);
	diags_free(&d);
	import_docs_free(&docs);
}

#endif
