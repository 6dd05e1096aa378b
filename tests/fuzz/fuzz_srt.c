/* fuzz_srt.c -- libFuzzer target: any bytes through the SubRip importer.
 *
 * Build with `CC=clang ./configure --enable-fuzzing && make
 * tests/fuzz/fuzz_srt`, then run `tests/fuzz/fuzz_srt -max_total_time=180
 * corpus tests/inputs/import/srt` (a corpus directory to grow first, the
 * seeds after). The checks are those of fuzz_import.h.
 */
#include "config.h"

#include "fuzz_import.h"

FUZZ_IMPORT(import_format_srt)
