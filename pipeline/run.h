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
};

/*
 * Run the job over the INPUTs args[0..nargs) (files, directories, "-").
 * Problems are printed on stderr as PATH:LINE:COL: REASON. Returns an
 * exit status of status.h: 0 every input used, 1 some rejected (the rest
 * written), 2 a broken rule set or schema, 3 nothing could be processed.
 */
int run_corpus(const struct run_opts *o, char *const *args, int nargs);

#endif
