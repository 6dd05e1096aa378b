/* unit.h -- what every Check program of tests/unit/ shares.
 *
 * Each test file tests one module and defines unit_suite(); unit_main.c
 * holds the one main(): it initialises the library as `rapport` does
 * (rapport_init), makes a fresh temporary directory, runs the suite
 * without forking (so valgrind and the sanitizers see every test) and
 * removes the directory.
 */
#ifndef RAPPORT_UNIT_H
#define RAPPORT_UNIT_H

#include <check.h>

/* The module's suite; defined by each test file. */
Suite *unit_suite(void);
/* A temporary directory of this run (created before the suite runs,
 * removed after); borrowed. */
const char *unit_tmpdir(void);
/* Turn off (on: back on) the capabilities that let root ignore file
 * permissions (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH), so that a test of
 * an unreadable or read-only directory means the same when run as root.
 * Returns 0, or -1 when they cannot be changed (not Linux, not allowed). */
int unit_dac_override(int on);

#endif
