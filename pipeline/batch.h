/* batch.h -- run per-session work on a thread pool, emit in input order.
 *
 * Workers take inputs in order, read their sessions with ingest and call
 * ops->work on each; the calling thread receives every result, rejection
 * and end-of-input through ops->emit in the order of the inputs and of the
 * sessions inside each, so what it writes is byte-identical for any
 * number of workers (the serial-number idea of htslib's thread pool).
 * Results of inputs ahead of the one being emitted are buffered up to
 * BATCH_AHEAD per input, then their worker waits: memory stays bounded by
 * workers x (BATCH_AHEAD + 1) session results.
 */
#ifndef RAPPORT_BATCH_H
#define RAPPORT_BATCH_H

#include <stddef.h>

#include "ingest.h"
#include "inputs.h"
#include "session.h"

#define BATCH_AHEAD	64

enum batch_kind {
	BATCH_SESSION,		/* a session was read and worked on */
	BATCH_REJECT,		/* a session or the input was rejected */
	BATCH_INPUT_END		/* the input is finished */
};

struct batch_event {
	enum batch_kind		 kind;
	size_t			 input;		/* index into the inputs */
	const char		*path;		/* as listed; "<stdin>" for - */
	void			*result;	/* SESSION: from ops->work */
	/* Diagnostics: warnings of a session, errors of a rejection. An
	 * input that could not be opened has one diagnostic at line 0. */
	struct diag	*diags;
	size_t			 ndiags;
	/* INPUT_END only. */
	const char		*sha256;	/* hex; NULL when never opened */
	unsigned long long	 bytes;
	size_t			 nsessions;	/* sessions emitted as SESSION */
};

struct batch_ops {
	/* Per-worker state, made on the worker thread (may be NULL). */
	void	*(*worker_init)(void *arg);
	void	 (*worker_free)(void *state);
	/* Work on one session (borrowed; freed after). Returns the result
	 * handed to emit, which owns it from then on. */
	void	*(*work)(void *state, const session *s);
	/* Called on the calling thread in input order. */
	void	 (*emit)(void *arg, const struct batch_event *ev);
	void	*arg;
};

struct batch_opts {
	int			 jobs;		/* workers, >= 1 */
	const ingest_schema	*schema;	/* NULL: no XSD validation */
	const struct import_opts *import;	/* other formats (NULL: the
						   defaults) */
	int			 progress;	/* draw a progress line on stderr */
};

struct batch_stats {
	size_t			 inputs;
	size_t			 sessions;
	size_t			 rejects;	/* REJECT events */
	unsigned long long	 bytes;
	double			 seconds;
};

/* Run ops over every input; fills *st. Returns 0, or -1 when a thread
 * could not be started (nothing was emitted then). */
int batch_run(const struct inputs *in, const struct batch_ops *ops,
    const struct batch_opts *opts, struct batch_stats *st);

/* The number of online processors (at least 1). */
int batch_default_jobs(void);

#endif
