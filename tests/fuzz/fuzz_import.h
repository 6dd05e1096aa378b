/* fuzz_import.h -- the body of the importer fuzz targets (fuzz_eaf.c,
 * fuzz_trs.c, fuzz_tei.c): one format's sniff and parse over any bytes.
 *
 * Each target is `FUZZ_IMPORT(import_format_X)`. Build with `CC=clang
 * ./configure --enable-fuzzing && make`, then run e.g.
 * `tests/fuzz/fuzz_eaf -max_len=65536 -timeout=10
 * -dict=tests/fuzz/eaf.dict CORPUS tests/inputs/import/eaf` (a corpus
 * directory to grow first, the seeds after). The parse must never crash, leak or hang, whatever it returns;
 * the docs it made are dumped, as importdump does, so every string of
 * every doc is read.
 */
#ifndef RAPPORT_FUZZ_IMPORT_H
#define RAPPORT_FUZZ_IMPORT_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "import.h"
#include "ingest.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int
fuzz_import(const struct import_format *fmt, const uint8_t *data,
    size_t size)
{
	static int ready;
	struct import_docs docs = { 0 };
	struct diags d = { 0 };
	struct import_src src = { 0 };
	strbuf out = { 0 };
	char *copy;

	if (!ready) {
		/* As every command does: the deny-all entity loader. */
		ingest_global_init();
		ready = 1;
	}
	/* A copy of just size bytes, so ASan sees any read past the end. */
	copy = xmalloc(size > 0 ? size : 1);
	memcpy(copy, data, size);
	(void)fmt->sniff(copy, size);
	src.display = "fuzz";
	src.path = "fuzz";
	src.data = copy;
	src.len = size;
	if (fmt->parse(&src, &docs, &d) == 0) {
		for (size_t i = 0; i < docs.n; i++)
			import_doc_dump(docs.v[i], &out);
		/* A parse that succeeds has a doc; one that fails says why. */
		if (docs.n == 0)
			abort();
	} else if (diags_errors(&d) == 0)
		abort();
	strbuf_free(&out);
	diags_free(&d);
	import_docs_free(&docs);
	free(copy);
	return 0;
}

#define FUZZ_IMPORT(format)						\
int									\
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)		\
{									\
	return fuzz_import(&(format), data, size);			\
}

#endif
