/* run_internal.h -- what run.c shares with merge.c and shard.c.
 *
 * `rapport run` and `rapport merge` write a results folder the same way:
 * a stream of batch events (batch.h) in input order goes through one
 * writer, run_emit(), so a merge of shards replays the events the shards
 * logged (shard.h) through the very code a single run uses, and the files
 * come out byte-identical.
 */
#ifndef RAPPORT_RUN_INTERNAL_H
#define RAPPORT_RUN_INTERNAL_H

#include <pthread.h>
#include <stddef.h>
#include <time.h>

#include "aggregate.h"
#include "agree.h"
#include "analyze.h"
#include "batch.h"
#include "manifest.h"
#include "measure.h"
#include "outdir.h"
#include "outfile.h"
#include "resultsdb.h"
#include "run.h"
#include "util.h"

/* What a worker hands the writer for one session. */
struct run_result {
	char			*id;
	long			 line;
	strbuf			 utt_jsonl;	/* utterances.jsonl lines */
	strbuf			 sess_json;	/* one sessions.jsonl line */
	strbuf			 examples;	/* examples.jsonl lines */
	strbuf			 transcript;	/* transcripts.jsonl lines */
	unsigned long		*lag;		/* lag-1 counts (lag.h) */
	struct agree_counts	 agree;
	struct measure_row	 row;
	struct resultsdb_rows	 db;		/* rows for rapport.sqlite */
};

/* Free r and everything it holds; NULL is fine. */
void run_result_free(struct run_result *r);

struct run {
	const struct run_opts	*o;
	outdir			*od;		/* the results folder */
	const char		*outdir;	/* its staging folder */
	int			 jobs;		/* o->jobs, or the cores */
	int			 quiet;		/* o->quiet */
	int			 progress;	/* a progress line is drawn */
	struct manifest_head	 head;		/* of manifest.json */

	analyze_ruleset		*rs;
	outfile			*utt_f, *sess_f, *rej_f, *man_f, *db_f;
	outfile			*ex_f, *tr_f;	/* tr_f: --session-pages */
	outfile			*log_f;		/* shard.events (--shard) */
	unsigned long long	 log_records;
	aggregate		*agg;
	resultsdb		*db;
	char			*error;		/* first write error */

	size_t			 input_first;	/* its first session in
						   the aggregate */
	size_t			 input_rejects;
	size_t			 ninputs_written;
	size_t			 sessions, utterances, tags, rejects;
	size_t			 warnings, rejected_inputs;
	/* PCRE2 match-limit hits (counted as no match) of the finished
	 * workers, summed under lock as each worker ends (as tagrun.c). */
	pthread_mutex_t		 lock;
	unsigned long		 limit_hits;

	/* --shard K/N: the global index (in the list of every input) of
	 * each input of this shard, and the tail's shard fields. */
	const size_t		*global;
	struct manifest_tail	 tail;		/* shard and merged fields */
};

/* Receive one event in input order and write what it carries. */
void run_emit(void *arg, const struct batch_event *ev);
/* Open every output in the staging folder and write the heads
 * (run->head must be set). 0, or -1 and *why. */
int run_open_outputs(struct run *run, char **why);
/* Write the manifest's tail; t's counts are filled from run. */
void run_write_manifest_tail(struct run *run, struct manifest_tail *t);
/* Finish every file, the statistics and the reports, and put the
 * results folder in place. 0, or -1 and *why. */
int run_commit_outputs(struct run *run, char **why);
/* Remove everything written; the results folder stays as it was. */
void run_abort_outputs(struct run *run);
/* Exit status of a finished run (status.h). */
int run_status(const struct run *run);

#endif
