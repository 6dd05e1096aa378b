/* serial.h -- the one-thread read-tag loop of `rapport tag` and `agree`.
 *
 * Reads every input in order, tags each session and hands it to a
 * callback, printing each rejected input or session on stderr as
 * PATH:LINE:COL: REASON and going on. `rapport run` is the parallel path
 * (batch.h).
 */
#ifndef RAPPORT_SERIAL_H
#define RAPPORT_SERIAL_H

#include "analyze.h"
#include "session.h"

struct serial_opts {
	const char	*name;		/* subcommand, for messages */
	const char	*rules_dir;	/* --rules DIR, or NULL */
	int		 replace;	/* --replace-rules */
	int		 strict;	/* --strict: validate against the XSD */
};

/* The rule-set options of every serial command, for a getopt_long
 * table: --rules DIR, --rules-only DIR, --replace-rules. */
#define SERIAL_LONGOPTS \
	{ "rules", required_argument, NULL, 'r' }, \
	{ "rules-only", required_argument, NULL, 'o' }, \
	{ "replace-rules", no_argument, NULL, 'R' }

/* Apply getopt's c (one of SERIAL_LONGOPTS); 1 when it was one, else 0. */
int serial_option(struct serial_opts *o, int c, const char *arg);
/* After parsing: NULL, or what is wrong with the options given. */
const char *serial_check(const struct serial_opts *o);

/* Called for every tagged session; returns 0, or -1 to stop. */
typedef int (*serial_fn)(void *arg, const session *s,
    const struct analyze_result *r);

/* Run fn over every session of the inputs. Returns an exit status of
 * status.h: 0 all used, 1 some rejected, 2 broken rules or schema, 3
 * nothing processed (or fn stopped the loop). */
int serial_run(const struct serial_opts *o, char **inputs, int ninputs,
    serial_fn fn, void *arg);

#endif
