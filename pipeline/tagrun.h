/* tagrun.h -- tag every session of the inputs on the batch driver.
 *
 * The loop of `rapport tag` and `rapport agree`: the rule set is loaded,
 * every input is read with the batch driver (batch.h), each session is
 * tagged on a worker and handed to the caller's work function there; its
 * result reaches the caller's emit function on the calling thread, in
 * input order. Rejected inputs and sessions are printed on stderr as
 * PATH:LINE:COL: REASON (diag_print(), the same escaping as `rapport
 * run`), and the loop goes on.
 */
#ifndef RAPPORT_TAGRUN_H
#define RAPPORT_TAGRUN_H

#include "analyze.h"
#include "session.h"

struct tagrun_opts {
	const char	*name;		/* subcommand, for messages */
	const char	*rules_dir;	/* --rules DIR, or NULL */
	int		 replace;	/* --replace-rules */
	int		 no_prefilter;	/* --no-prefilter */
	int		 strict;	/* --strict: validate against the XSD */
	int		 jobs;		/* workers; 0: one per core */
	const struct import_opts *import;	/* other formats, or NULL */
	const char	*skip;		/* a file not to read, or NULL */
};

/* On a worker: the result of session s tagged r (both borrowed). arg is
 * shared by the workers: read it only. */
typedef void *(*tagrun_work_fn)(const session *s,
    const struct analyze_result *r, const void *arg);
/* On the calling thread, in input order, for every result; owns it.
 * Returns 0, or -1 when it could not use it (standard output failed):
 * the exit status is then 3, and emit should only free later results. */
typedef int (*tagrun_emit_fn)(void *result, void *arg);

/* Run over the INPUTs args[0..nargs). Returns an exit status of status.h:
 * 0 all used, 1 some rejected, 2 broken rules or schema, 3 nothing
 * processed (or emit stopped the loop). */
int tagrun(const struct tagrun_opts *o, char *const *args, int nargs,
    tagrun_work_fn work, const void *work_arg, tagrun_emit_fn emit,
    void *emit_arg);

#endif
