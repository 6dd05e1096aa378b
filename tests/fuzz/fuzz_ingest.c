/* fuzz_ingest.c -- libFuzzer target: any bytes through the XML ingest.
 *
 * Build with `CC=clang ./configure --enable-fuzzing && make
 * tests/fuzz/fuzz_ingest`, then run `tests/fuzz/fuzz_ingest -max_len=65536
 * tests/inputs/valid tests/inputs/hostile` (a corpus directory to grow
 * first, the seeds after). Ingest reads files, so each input is written to
 * one temporary file and read back, with and without the schema.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "ingest.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char path[] = "/tmp/rapport-fuzz-XXXXXX";
static int fd = -1;
static ingest_schema *schema;

static void
read_all(const ingest_schema *sc)
{
	char *why = NULL;
	ingest *in = ingest_open(path, "fuzz", sc, NULL, &why);
	session *s;
	int r;

	if (in == NULL) {
		free(why);
		return;
	}
	while ((r = ingest_next(in, &s)) != 0) {
		session_free(s);
		if (r < 0)
			break;
	}
	ingest_close(in);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (fd < 0) {
		char *why = NULL;

		ingest_global_init();
		if ((fd = mkstemp(path)) < 0)
			abort();
		schema = ingest_schema_load(RAPPORT_SRCDIR
		    "/schemas/transcript.xsd", &why);
		free(why);
	}
	if (ftruncate(fd, 0) != 0 || pwrite(fd, data, size, 0) !=
	    (ssize_t)size)
		abort();
	read_all(NULL);
	if (schema != NULL)
		read_all(schema);
	return 0;
}
