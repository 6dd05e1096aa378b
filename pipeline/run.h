/* run.h -- the run engine: every stage over a corpus, into a results folder.
 *
 * run_corpus() reads every input with the batch driver (batch.h), tags,
 * measures and renders each session on the workers, and writes the
 * result files of docs/architecture.md section 7 in input order on the calling
 * thread: utterances.jsonl, sessions.jsonl and .csv, examples.jsonl,
 * rejects.csv, the statistics (clinicians.csv, cohorts.csv,
 * agreement.csv, corpus.json), rapport.sqlite, transcripts.jsonl with
 * --session-pages, the reports and manifest.json, each under a temporary name renamed when the run is
 * complete (outfile.h).
 */
#ifndef RAPPORT_RUN_H
#define RAPPORT_RUN_H

struct run_opts {
	const char	*outdir;	/* results folder */
	int		 jobs;		/* workers; 0: one per core */
	const char	*rules_dir;	/* --rules DIR, or NULL */
	int		 replace_rules;	/* --replace-rules */
	int		 no_prefilter;	/* --no-prefilter: every rule runs
					   its PCRE2 patterns */
	int		 strict;	/* validate every input against the XSD */
	int		 quiet;		/* no progress, warnings or summary */
	int		 no_reports;	/* do not write reports/ */
	/* --session-pages: also write transcripts.jsonl, the redacted text
	 * the session pages of the reports show (opt-in: clinical text). */
	int		 session_pages;
	const struct import_opts *import;	/* other formats; NULL: the
						   defaults */
	const char	*skip;		/* a file not to read (the --meta
					   sheet), or NULL */
	/* --shard K/N (shard_n 0: every input): only the inputs of shard
	 * K, and shard.events for `rapport merge` (shard.h). */
	int		 shard_k, shard_n;
};

/*
 * Run the job over the INPUTs args[0..nargs) (files, directories, "-").
 * Problems are printed on stderr as PATH:LINE:COL: REASON. Returns an
 * exit status of status.h: 0 every input used, 1 some rejected (the rest
 * written), 2 a broken rule set or schema, 3 nothing could be processed.
 */
int run_corpus(const struct run_opts *o, char *const *args, int nargs);

/* `rapport merge`: the options that are not read from the shards. */
struct merge_opts {
	const char	*outdir;	/* results folder */
	int		 quiet;
	int		 no_reports;
};

/*
 * Combine the results folders dirs[0..ndirs) of `rapport run --shard K/N`
 * (every K of one N, each once, of one rapport version, rule set and
 * input list) into one results folder that holds exactly what one run
 * over all the inputs writes (but for manifest.json's runtime and its
 * "merged" entry): the shards' logged events are replayed in input order
 * through run's writer, and every statistic is computed afresh from the
 * merged session rows. Returns an exit status as run_corpus(); 2 when the
 * shards do not belong together.
 */
int run_merge(const struct merge_opts *o, char *const *dirs, int ndirs);

#endif
