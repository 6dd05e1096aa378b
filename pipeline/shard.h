/* shard.h -- `run --shard K/N` and `rapport merge`: which inputs a shard
 * takes, and the event log a shard leaves for merge (shard.events).
 *
 * An input belongs to shard 1 + (H mod N), H the first 8 bytes (big
 * endian) of the SHA-256 of its key: its path relative to its INPUT
 * argument (inputs.h). So the same file lands in the same shard on every
 * machine and whatever folder the corpus is mounted at, and a <corpus>
 * file, being one input, is one unit.
 *
 * shard.events is the stream of batch events (batch.h) of the shard's
 * inputs, each with the input's index in the list of all inputs, in the
 * order they were written: every session's rendered lines, row, lag-1
 * and agreement counts and SQLite rows, every rejection and every input's
 * end. `rapport merge` reads the logs of all N shards, interleaves them
 * by that index and replays them through run's writer (run_internal.h),
 * which therefore writes what one run over every input writes.
 *
 * Format (version 1): the line "rapport-shard-events 1\n", then records
 * of little-endian 64-bit unsigned integers, IEEE doubles (their bits as
 * such an integer) and strings (a length, UINT64_MAX for NULL, then the
 * bytes), ending with an end record that counts the records before it,
 * so a truncated file is refused. The reader checks every length.
 * Written by this version of rapport for the same version only: merge
 * refuses shards of another version before reading a log.
 */
#ifndef RAPPORT_SHARD_H
#define RAPPORT_SHARD_H

#include <stddef.h>
#include <stdio.h>

#include "batch.h"
#include "inputs.h"

struct run_result;

/* Largest N of --shard K/N. */
#define SHARD_MAX	100000

/* Parse "K/N" with 1 <= K <= N <= SHARD_MAX into *k, *n. 0, or -1. */
int shard_parse(const char *text, int *k, int *n);
/* The shard (1 .. n) of the input key. */
int shard_of(const char *key, int n);
/* The SHA-256 (hex) of the keys of every input, each followed by a NUL:
 * shards of one job list the same inputs, and merge checks it. */
void shard_inputs_sha256(const struct inputs *in, char hex[65]);

/* Write the log's first line to f. 0, or -1 on a write error. */
int shard_log_begin(FILE *f);
/* Append event ev of the input with global index input; r is its
 * session's result (SESSION) or NULL. 0, or -1 on a write error. */
int shard_log_put(FILE *f, size_t input, const struct batch_event *ev,
    const struct run_result *r);
/* Append the end record after nrecords records. */
int shard_log_end(FILE *f, unsigned long long nrecords);

/* An event read back. */
struct shard_event {
	size_t			 input;		/* global index */
	struct batch_event	 ev;		/* ev.result: a run_result */
	char			*path, *sha256;
	struct diag		*diags;
	size_t			 ndiags;
};

typedef struct shard_reader shard_reader;

/* Open DIR/shard.events. NULL and *why ("DIR/shard.events: ...") on
 * failure. */
shard_reader *shard_reader_open(const char *dir, char **why);
/* Read the next event into *out (clear it with shard_event_clear()):
 * 1, 0 at the end record, or -1 and *why (a truncated or corrupt log).
 * The SESSION result in out->ev.result is the caller's (run_emit frees
 * it). */
int shard_reader_next(shard_reader *r, struct shard_event *out, char **why);
/* Free what *e holds but its result. */
void shard_event_clear(struct shard_event *e);
void shard_reader_close(shard_reader *r);

#endif
