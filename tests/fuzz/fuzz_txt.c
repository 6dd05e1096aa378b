/* fuzz_txt.c -- libFuzzer target: any bytes through the plain-text
 * importer (the "Speaker: text", Otter.ai and Rev rules).
 *
 * Build with `CC=clang ./configure --enable-fuzzing && make
 * tests/fuzz/fuzz_txt`, then run `tests/fuzz/fuzz_txt -max_len=65536
 * CORPUS tests/inputs/import/txt` (a corpus directory to grow first, the
 * seeds after). The contract checked is that of fuzz_import.h.
 */
#include "config.h"

#include "fuzz_import.h"

FUZZ_IMPORT(import_format_txt)
