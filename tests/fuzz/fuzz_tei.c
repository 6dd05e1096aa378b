/* fuzz_tei.c -- libFuzzer target: any bytes through the TEI importer
 * (ingest/tei.c); see fuzz_import.h. Seeds: tests/inputs/import/tei. */
#include "config.h"

#include "fuzz_import.h"

FUZZ_IMPORT(import_format_tei)
