/* init.h -- the one place that prepares the libraries rapport uses.
 *
 * Each subcommand says what it needs (cli/cmd.h) and main() calls
 * rapport_init() once, before any thread starts: libxml2 is initialised
 * for use from many threads with an external entity loader that loads
 * nothing (ingest.c, docs/architecture.md section 9), and GSL's abort-on-error
 * handler is turned off so every status is checked (stats.c).
 */
#ifndef RAPPORT_INIT_H
#define RAPPORT_INIT_H

enum rapport_init_flags {
	RAPPORT_INIT_XML = 1 << 0,	/* libxml2: parsing transcripts */
	RAPPORT_INIT_GSL = 1 << 1,	/* GSL: statistics */
	RAPPORT_INIT_ALL = RAPPORT_INIT_XML | RAPPORT_INIT_GSL
};

/* Prepare what flags name. Safe to call more than once. */
void rapport_init(unsigned flags);

#endif
