/* fuzz_cha.c -- libFuzzer target: any bytes through the CHAT importer.
 *
 * Build with `CC=clang ./configure --enable-fuzzing && make
 * tests/fuzz/fuzz_cha`, then run `tests/fuzz/fuzz_cha -max_len=65536
 * CORPUS tests/inputs/import/cha` (a corpus directory to grow first, the
 * seeds after). The contract checked is that of fuzz_import.h.
 */
#include "config.h"

#include "fuzz_import.h"

FUZZ_IMPORT(import_format_cha)
