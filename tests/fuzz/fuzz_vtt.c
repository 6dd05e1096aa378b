/* fuzz_vtt.c -- libFuzzer target: any bytes through the WebVTT importer.
 *
 * Build with `CC=clang ./configure --enable-fuzzing && make
 * tests/fuzz/fuzz_vtt`, then run `tests/fuzz/fuzz_vtt -max_total_time=180
 * corpus tests/inputs/import/vtt` (a corpus directory to grow first, the
 * seeds after). The checks are those of fuzz_import.h.
 */
#include "config.h"

#include "fuzz_import.h"

FUZZ_IMPORT(import_format_vtt)
