/* fuzz_docx.c -- libFuzzer target: the Word importer, on archives and on
 * the document inside them.
 *
 * Mutated ZIP archives rarely get past the checksums, so an input whose
 * first byte is 'X' is taken for the text of word/document.xml instead
 * and wrapped in a stored (uncompressed) archive made here: that way the
 * XML, the body walker and the text rules are reached as often as the
 * archive reader. Every other input is the archive itself.
 *
 * Build with `CC=clang ./configure --enable-fuzzing && make
 * tests/fuzz/fuzz_docx`, then run `tests/fuzz/fuzz_docx -max_len=262144
 * CORPUS tests/inputs/import/docx` (a corpus directory to grow first, the
 * seeds after). The contract checked is that of fuzz_import.h.
 */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "fuzz_import.h"


/* CRC-32 of ISO 3309 (PKWARE APPNOTE 4.4.7), bit by bit: fast enough. */
static uint32_t
crc32_of(const uint8_t *p, size_t n)
{
	uint32_t c = 0xffffffffu;

	for (size_t i = 0; i < n; i++) {
		c ^= p[i];
		for (int k = 0; k < 8; k++)
			c = c & 1 ? (c >> 1) ^ 0xedb88320u : c >> 1;
	}
	return ~c;
}

static void
put16(strbuf *b, uint32_t v)
{
	char x[2] = { (char)(v & 0xff), (char)(v >> 8 & 0xff) };

	strbuf_add(b, x, 2);
}

static void
put32(strbuf *b, uint32_t v)
{
	put16(b, v & 0xffff);
	put16(b, v >> 16);
}

/* A ZIP archive holding xml (n bytes) as word/document.xml, stored. */
static void
wrap(strbuf *b, const uint8_t *xml, size_t n)
{
	static const char name[] = "word/document.xml";
	uint32_t crc = crc32_of(xml, n), k = sizeof(name) - 1;
	size_t cd;

	strbuf_add(b, "PK\x03\x04", 4);		/* local file header */
	put16(b, 20);
	put16(b, 0);
	put16(b, 0);				/* stored */
	put32(b, 0);				/* time, date */
	put32(b, crc);
	put32(b, (uint32_t)n);
	put32(b, (uint32_t)n);
	put16(b, k);
	put16(b, 0);
	strbuf_add(b, name, k);
	strbuf_add(b, (const char *)xml, n);
	cd = b->len;
	strbuf_add(b, "PK\x01\x02", 4);		/* central directory */
	put16(b, 20);
	put16(b, 20);
	put16(b, 0);
	put16(b, 0);
	put32(b, 0);
	put32(b, crc);
	put32(b, (uint32_t)n);
	put32(b, (uint32_t)n);
	put16(b, k);
	put16(b, 0);
	put16(b, 0);
	put16(b, 0);
	put16(b, 0);
	put32(b, 0);
	put32(b, 0);				/* local header offset */
	strbuf_add(b, name, k);
	strbuf_add(b, "PK\x05\x06", 4);		/* end of central directory */
	put16(b, 0);
	put16(b, 0);
	put16(b, 1);
	put16(b, 1);
	put32(b, (uint32_t)(b->len - cd - 12));
	put32(b, (uint32_t)cd);
	put16(b, 0);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	strbuf b = { 0 };

	if (size > 0 && data[0] == 'X') {
		wrap(&b, data + 1, size - 1);
		fuzz_import(&import_format_docx, (const uint8_t *)b.s, b.len);
		strbuf_free(&b);
	} else
		fuzz_import(&import_format_docx, data, size);
	return 0;
}
