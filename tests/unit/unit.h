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

#endif
