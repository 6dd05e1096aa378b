/* manifest.h -- manifest.json, the provenance of a run (docs/architecture.md 7).
 *
 * The rapport version, the rule set's SHA-256 and size, the options,
 * every input (path, SHA-256, bytes, rejects, session ids), the counts,
 * the list of outputs, for a shard of `run --shard` its shard object
 * (for a merge, a merged object), and a runtime object (jobs, output folder, start
 * and end, wall seconds, bytes read): the only part that differs between
 * identical runs. The text is built in pieces as the run goes: the head,
 * one entry per input in input order, the tail.
 */
#ifndef RAPPORT_MANIFEST_H
#define RAPPORT_MANIFEST_H

#include <stddef.h>
#include <time.h>

#include "util.h"

struct manifest_head {
	const char	*rules_sha256;
	size_t		 nrules;
	const char	*rules_dir;	/* --rules DIR, or NULL */
	int		 replace_rules;
	int		 strict;
};

struct manifest_tail {
	size_t			 inputs, rejected_inputs, sessions;
	size_t			 utterances, tags, rejects, warnings;
	unsigned long		 match_limit_hits;	/* counted as no match */
	int			 reports;	/* reports/ written */
	int			 transcripts;	/* transcripts.jsonl written
						   (--session-pages) */
	/* run --shard K/N: shard_n > 0, and what every shard of one job
	 * shares: the number of inputs listed before the selection and the
	 * SHA-256 of their keys (shard.h). merged: the number of shards
	 * `rapport merge` combined (0: not a merge). */
	int			 shard_k, shard_n;
	size_t			 shard_inputs;
	const char		*shard_inputs_sha256;
	int			 merged;
	/* The runtime object. */
	int			 jobs;
	const char		*outdir;
	time_t			 started, finished;
	double			 seconds;
	unsigned long long	 bytes;
};

/* Append the head, up to the opening of the inputs list. */
void manifest_begin(strbuf *b, const struct manifest_head *h);
/* Append the entry of the nth input (0-based). ids is the JSON of its
 * session ids, comma-separated, without brackets ("" when none). */
void manifest_input(strbuf *b, size_t nth, const char *path,
    const char *sha256, unsigned long long bytes, size_t rejects,
    const char *ids);
/* manifest_input() in two halves, for ids streamed between them (each
 * id JSON-quoted, comma-separated): up to the opening of the sessions
 * list, and its close. */
void manifest_input_begin(strbuf *b, size_t nth, const char *path,
    const char *sha256, unsigned long long bytes, size_t rejects);
void manifest_input_end(strbuf *b);
/* Append the rest, after ninputs entries. */
void manifest_end(strbuf *b, size_t ninputs, const struct manifest_tail *t);

#endif
