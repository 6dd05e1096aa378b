/* fuzz_eaf.c -- libFuzzer target: any bytes through the ELAN .eaf importer
 * (ingest/eaf.c); see fuzz_import.h. Seeds: tests/inputs/import/eaf. */
#include "config.h"

#include "fuzz_import.h"

FUZZ_IMPORT(import_format_eaf)
