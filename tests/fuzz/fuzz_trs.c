/* fuzz_trs.c -- libFuzzer target: any bytes through the Transcriber .trs importer
 * (ingest/trs.c); see fuzz_import.h. Seeds: tests/inputs/import/trs. */
#include "config.h"

#include "fuzz_import.h"

FUZZ_IMPORT(import_format_trs)
