/* run.c -- `rapport run`: the engine (run.h).
 *
 * Workers (batch.c) tag and measure each session and render its output
 * lines; this thread receives them in input order and appends them to the
 * output files, so every file is byte-identical for any -j. All files are
 * written under temporary names and renamed at the end, manifest.json
 * last (outfile.h).
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "aggregate.h"
#include "agree.h"
#include "analyze.h"
#include "batch.h"
#include "diag.h"
#include "examples.h"
#include "fmt.h"
#include "inputs.h"
#include "lag.h"
#include "manifest.h"
#include "measure.h"
#include "outdir.h"
#include "outfile.h"
#include "paths.h"
#include "report.h"
#include "resultsdb.h"
#include "run.h"
#include "run_internal.h"
#include "shard.h"
#include "sessions.h"
#include "status.h"
#include "transcripts.h"
#include "utterances.h"
#include "util.h"

struct worker {
	struct run		*run;
	analyze_ctx		*cx;
	struct analyze_result	 res;
};


/* --- on the workers --- */

static void *
worker_init(void *arg)
{
	struct run *run = arg;
	struct worker *w = xcalloc(1, sizeof(*w));

	w->run = run;
	w->cx = analyze_ctx_create(run->rs);
	return w;
}

static void
worker_free(void *state)
{
	struct worker *w = state;

	pthread_mutex_lock(&w->run->lock);
	w->run->limit_hits += analyze_ctx_limit_hits(w->cx);
	pthread_mutex_unlock(&w->run->lock);
	analyze_ctx_free(w->cx);
	analyze_result_free(&w->res);
	free(w);
}

static void *
work(void *state, const session *s)
{
	struct worker *w = state;
	struct run_result *r = xcalloc(1, sizeof(*r));
	size_t rows, cols;

	r->id = xstrdup(s->id);
	r->line = s->line;
	analyze_session(w->cx, s, &w->res);
	measure_session(s, &w->res, &r->row);
	utterances_render(&r->utt_jsonl, s, &w->res);
	sessions_json_line(&r->sess_json, &r->row);
	resultsdb_rows(s, &w->res, &r->db);
	examples_session(s, &w->res, &r->examples);
	if (w->run->o->session_pages)
		transcripts_render(&r->transcript, s, &w->res);
	lag_dims(&rows, &cols);
	r->lag = xcalloc(rows * cols, sizeof(*r->lag));
	lag_session(s, &w->res, r->lag);
	agree_session(s, &w->res, &r->agree);
	return r;
}

void
run_result_free(struct run_result *r)
{
	if (r == NULL)
		return;
	free(r->id);
	strbuf_free(&r->utt_jsonl);
	strbuf_free(&r->sess_json);
	strbuf_free(&r->examples);
	strbuf_free(&r->transcript);
	free(r->lag);
	agree_counts_free(&r->agree);
	measure_row_free(&r->row);
	resultsdb_rows_free(&r->db);
	free(r);
}

/* --- on this thread, in input order --- */

static void
write_error(struct run *run, char *why)
{
	if (run->error == NULL)
		run->error = why;
	else
		free(why);
}

static void
put(struct run *run, outfile *f, const char *s, size_t n)
{
	if (n > 0 && run->error == NULL &&
	    fwrite(s, 1, n, outfile_stream(f)) != n)
		write_error(run, xasprintf("%s: write error", outfile_tmppath(f)));
}

/* A diagnostic on stderr (diag_print()), after clearing the progress
 * line. */
static void
say_diag(const struct run *run, const char *path, const struct diag *d)
{
	if (run->quiet)
		return;
	if (run->progress)
		fputs("\r\033[K", stderr);
	diag_print(stderr, path, d);
}

static void
reject(struct run *run, const char *path, long line, long col,
    const char *why)
{
	strbuf b = { 0 };

	fmt_csv_str(&b, path);
	strbuf_addf(&b, ",%ld,%ld,", line, col);
	fmt_csv_str(&b, why);
	strbuf_addc(&b, '\n');
	put(run, run->rej_f, b.s, b.len);
	strbuf_free(&b);
	say_diag(run, path, &(struct diag){ DIAG_ERROR, line, col,
	    (char *)why });
}

static void
diagnostics(struct run *run, const struct batch_event *ev)
{
	for (size_t i = 0; i < ev->ndiags; i++) {
		const struct diag *d = &ev->diags[i];

		if (d->severity == DIAG_ERROR)
			reject(run, ev->path, d->line, d->col, d->msg);
		else {
			run->warnings++;
			say_diag(run, ev->path, d);
		}
	}
}

/* How many distinct measure names the corpus would have with row's:
 * those of the sessions kept so far (the aggregate's) plus row's new
 * ones. */
static size_t
measure_names_with(const struct run *run, const struct measure_row *row)
{
	size_t nm, n;
	const char *const *names = aggregate_measure_names(run->agg, &nm);

	n = nm;
	for (size_t i = 0; i < row->nmeasures; i++) {
		size_t k = 0;

		while (k < nm && strcmp(names[k], row->mnames[i]) != 0)
			k++;
		n += k == nm;	/* row's names are distinct (measure.c) */
	}
	return n;
}

static void
emit_session(struct run *run, const struct batch_event *ev)
{
	struct run_result *r = ev->result;
	char *why = NULL;
	size_t nm;

	diagnostics(run, ev);
	/* A cap on measure names keeps sessions.csv and rapport.sqlite
	 * within column limits (measure.h); the session that would pass it
	 * is rejected, the others are kept. */
	if ((nm = measure_names_with(run, &r->row)) > MEASURE_MAX_NAMES) {
		char *msg = xasprintf("too many session measure names: with "
		    "session '%s' (%zu measure%s) the corpus would have %zu "
		    "distinct names, more than the %d allowed (one column "
		    "each in sessions.csv and rapport.sqlite)", r->id,
		    r->row.nmeasures, r->row.nmeasures == 1 ? "" : "s", nm,
		    MEASURE_MAX_NAMES);

		reject(run, ev->path, r->line, 1, msg);
		free(msg);
		run->rejects++;
		run->input_rejects++;
		run_result_free(r);
		return;
	}
	/* The aggregate's row store knows every id kept so far: no set of
	 * ids grows in memory. */
	if (aggregate_contains(run->agg, r->id)) {
		char *msg = xasprintf("duplicate session id '%s': an earlier "
		    "input has a session with this id", r->id);

		reject(run, ev->path, r->line, 1, msg);
		free(msg);
		run->rejects++;
		run->input_rejects++;
		run_result_free(r);
		return;
	}
	put(run, run->utt_f, r->utt_jsonl.s, r->utt_jsonl.len);
	put(run, run->sess_f, r->sess_json.s, r->sess_json.len);
	put(run, run->ex_f, r->examples.s, r->examples.len);
	if (run->tr_f != NULL)
		put(run, run->tr_f, r->transcript.s, r->transcript.len);
	aggregate_add(run->agg, &r->row, r->lag, &r->agree);
	if (aggregate_error(run->agg) != NULL)
		write_error(run, xstrdup(aggregate_error(run->agg)));
	if (run->error == NULL && resultsdb_add(run->db, r->id, &r->row,
	    &r->db, &why) != 0)
		write_error(run, why);
	run->sessions++;
	run->utterances += r->db.nutts;
	run->tags += r->db.ntags;
	run_result_free(r);
}

/* The manifest's list of an input's session ids, streamed from the
 * aggregate's row store (a <corpus> of a million sessions needs no list
 * in memory). */
struct ids_out {
	struct run	*run;
	strbuf		 b;
	size_t		 n;
};

static void
put_id(void *arg, const char *id)
{
	struct ids_out *o = arg;

	strbuf_adds(&o->b, o->n++ ? "," : "");
	fmt_json_str(&o->b, id);
	if (o->b.len > 65536) {
		put(o->run, o->run->man_f, o->b.s, o->b.len);
		strbuf_reset(&o->b);
	}
}

static void
emit_input_end(struct run *run, const struct batch_event *ev)
{
	struct ids_out o = { run, { 0 }, 0 };

	diagnostics(run, ev);
	manifest_input_begin(&o.b, run->ninputs_written++, ev->path,
	    ev->sha256, ev->bytes, run->input_rejects);
	if (aggregate_ids(run->agg, run->input_first, put_id, &o) != 0)
		write_error(run, xstrdup(aggregate_error(run->agg) != NULL ?
		    aggregate_error(run->agg) : "temporary row store: read"));
	manifest_input_end(&o.b);
	put(run, run->man_f, o.b.s, o.b.len);
	strbuf_free(&o.b);
	run->input_first = aggregate_nsessions(run->agg);
	run->rejected_inputs += run->input_rejects > 0;
	run->input_rejects = 0;
}

void
run_emit(void *arg, const struct batch_event *ev)
{
	struct run *run = arg;

	/* A shard logs every event for merge before acting on it (shard.h):
	 * merge makes the same decisions (duplicates, the measure cap) over
	 * all shards' events. */
	if (run->log_f != NULL && run->error == NULL) {
		size_t input = run->global != NULL ? run->global[ev->input] :
		    ev->input;

		if (shard_log_put(outfile_stream(run->log_f), input, ev,
		    ev->result) != 0)
			write_error(run, xasprintf("%s: write error",
			    outfile_tmppath(run->log_f)));
		run->log_records++;
	}
	switch (ev->kind) {
	case BATCH_SESSION:
		emit_session(run, ev);
		break;
	case BATCH_REJECT:
		diagnostics(run, ev);
		run->rejects++;
		run->input_rejects++;
		break;
	case BATCH_INPUT_END:
		emit_input_end(run, ev);
		break;
	}
}

/* --- the files --- */

static void
write_manifest_head(struct run *run)
{
	strbuf b = { 0 };

	manifest_begin(&b, &run->head);
	put(run, run->man_f, b.s, b.len);
	strbuf_free(&b);
}

void
run_write_manifest_tail(struct run *run, struct manifest_tail *t)
{
	strbuf b = { 0 };

	t->rejected_inputs = run->rejected_inputs;
	t->sessions = run->sessions;
	t->utterances = run->utterances;
	t->tags = run->tags;
	t->rejects = run->rejects;
	t->warnings = run->warnings;
	t->reports = !run->o->no_reports;
	t->transcripts = run->o->session_pages;
	t->jobs = run->jobs;
	t->outdir = run->o->outdir;
	t->shard_k = run->tail.shard_k;
	t->shard_n = run->tail.shard_n;
	t->shard_inputs = run->tail.shard_inputs;
	t->shard_inputs_sha256 = run->tail.shard_inputs_sha256;
	t->merged = run->tail.merged;
	manifest_end(&b, run->ninputs_written, t);
	put(run, run->man_f, b.s, b.len);
	strbuf_free(&b);
}

void
run_abort_outputs(struct run *run)
{
	outfile_abort(run->log_f);
	run->log_f = NULL;
	outfile_abort(run->utt_f);
	outfile_abort(run->sess_f);
	outfile_abort(run->rej_f);
	outfile_abort(run->man_f);
	outfile_abort(run->ex_f);
	outfile_abort(run->tr_f);
	resultsdb_abort(run->db);
	outfile_abort(run->db_f);
	run->utt_f = run->sess_f = run->rej_f = run->man_f = run->db_f = NULL;
	run->ex_f = run->tr_f = NULL;
	run->db = NULL;
	outdir_abort(run->od);
	run->od = NULL;
}

int
run_open_outputs(struct run *run, char **why)
{
	static const char rej_head[] = "path,line,column,reason\n";

	if ((run->utt_f = outfile_open(run->outdir, "utterances.jsonl",
	    why)) == NULL ||
	    (run->sess_f = outfile_open(run->outdir, "sessions.jsonl",
	    why)) == NULL ||
	    (run->rej_f = outfile_open(run->outdir, "rejects.csv",
	    why)) == NULL ||
	    (run->ex_f = outfile_open(run->outdir, "examples.jsonl",
	    why)) == NULL ||
	    (run->o->session_pages && (run->tr_f = outfile_open(run->outdir,
	    "transcripts.jsonl", why)) == NULL) ||
	    (run->man_f = outfile_open(run->outdir, "manifest.json",
	    why)) == NULL ||
	    (run->db_f = outfile_open(run->outdir, "rapport.sqlite",
	    why)) == NULL ||
	    (run->tail.shard_n > 0 && (run->log_f = outfile_open(run->outdir,
	    "shard.events", why)) == NULL))
		return -1;
	if (run->log_f != NULL && shard_log_begin(outfile_stream(run->log_f)) !=
	    0) {
		*why = xasprintf("%s: write error", outfile_tmppath(run->log_f));
		return -1;
	}
	/* SQLite writes the file itself: hand it the empty temporary. */
	if (outfile_finish(run->db_f, why) != 0 ||
	    unlink(outfile_tmppath(run->db_f)) != 0 ||
	    (run->db = resultsdb_create(outfile_tmppath(run->db_f), why)) ==
	    NULL)
		return -1;
	put(run, run->rej_f, rej_head, sizeof(rej_head) - 1);
	write_manifest_head(run);
	return 0;
}

/* sessions.csv, from the aggregate's row store. */
static int
write_csv(aggregate *agg, outfile *f, char **why)
{
	if (sessions_write_csv(agg, outfile_stream(f)) != 0) {
		*why = aggregate_error(agg) != NULL ? xstrdup(aggregate_error(agg)) :
		    xasprintf("%s: write error", outfile_tmppath(f));
		return -1;
	}
	return 0;
}

/* Write one statistics output: a table as CSV and into SQLite. */
static int
write_table(struct run *run, const struct table *t, const char *file,
    outfile **f, char **why)
{
	strbuf b = { 0 };
	int rc = 0;

	table_csv(t, &b);
	if ((*f = outfile_open(run->outdir, file, why)) == NULL ||
	    fwrite(b.s, 1, b.len, outfile_stream(*f)) != b.len ||
	    outfile_finish(*f, why) != 0 ||
	    resultsdb_add_table(run->db, t, why) != 0) {
		if (*why == NULL)
			*why = xasprintf("%s: write error", file);
		rc = -1;
	}
	strbuf_free(&b);
	return rc;
}

/* The corpus statistics: clinicians.csv, cohorts.csv, agreement.csv and
 * corpus.json, also stored in rapport.sqlite. */
static int
write_statistics(struct run *run, outfile **f, char **why)
{
	struct aggregate_out out;
	int rc = -1;

	if (aggregate_finish(run->agg, PACKAGE_VERSION, &out, why) == 0 &&
	    write_table(run, &out.clinicians, "clinicians.csv", &f[0],
	    why) == 0 &&
	    write_table(run, &out.cohorts, "cohorts.csv", &f[1], why) == 0 &&
	    write_table(run, &out.agreement, "agreement.csv", &f[2],
	    why) == 0 &&
	    (f[3] = outfile_open(run->outdir, "corpus.json", why)) != NULL &&
	    fwrite(out.corpus.s, 1, out.corpus.len, outfile_stream(f[3])) ==
	    out.corpus.len && outfile_finish(f[3], why) == 0 &&
	    resultsdb_add_json(run->db, "corpus.json", out.corpus.s, why) == 0)
		rc = 0;
	else if (*why == NULL)
		*why = xstrdup("corpus.json: write error");
	aggregate_out_free(&out);
	/* Done with the session rows: free them before the reports. */
	aggregate_free(run->agg);
	run->agg = NULL;
	return rc;
}

#define NSTATFILES 4

/* Finish every file and rename it into place in the staging folder: the
 * data, then the reports (which read the data), then manifest.json;
 * then put the staging folder in place of the results folder. */
int
run_commit_outputs(struct run *run, char **why)
{
	outfile *csv = NULL, *stat[NSTATFILES] = { NULL };
	outfile **data[] = { &run->utt_f, &run->sess_f, &run->ex_f, &run->tr_f,
		&csv,
		&stat[0], &stat[1], &stat[2], &stat[3], &run->db_f,
		&run->rej_f, &run->log_f };
	size_t i;
	int rc;

	if (run->error != NULL) {
		*why = run->error;
		run->error = NULL;
		return -1;
	}
	if (run->log_f != NULL && (shard_log_end(outfile_stream(run->log_f),
	    run->log_records) != 0 || outfile_finish(run->log_f, why) != 0)) {
		if (*why == NULL)
			*why = xasprintf("%s: write error",
			    outfile_tmppath(run->log_f));
		return -1;
	}
	if (outfile_finish(run->sess_f, why) != 0 ||
	    outfile_finish(run->ex_f, why) != 0 ||
	    (csv = outfile_open(run->outdir, "sessions.csv", why)) == NULL ||
	    write_csv(run->agg, csv, why) != 0 ||
	    write_statistics(run, stat, why) != 0 ||
	    resultsdb_finish(run->db, why) != 0) {
		run->db = NULL;
		outfile_abort(csv);
		for (i = 0; i < NSTATFILES; i++)
			outfile_abort(stat[i]);
		return -1;
	}
	run->db = NULL;
	/* Without --session-pages no text file may exist: a run before
	 * into the same folder may have left one for the reports to show. */
	for (i = 0; i < sizeof(data) / sizeof(data[0]); i++) {
		if (*data[i] == NULL)	/* transcripts.jsonl, not asked for */
			continue;
		if (outfile_commit(*data[i], why) != 0) {
			for (i++; i < sizeof(data) / sizeof(data[0]); i++) {
				outfile_abort(*data[i]);
				*data[i] = NULL;
			}
			return -1;
		}
		*data[i] = NULL;
	}
	if (!run->o->no_reports && report_write(run->outdir, why) != 0)
		return -1;
	if (outfile_commit(run->man_f, why) != 0)
		return -1;
	run->man_f = NULL;
	/* Everything is complete: put it in place of the results folder in
	 * one step (outdir.h). */
	rc = outdir_commit(run->od, why);
	run->od = NULL;
	return rc;
}


/* Is any input one that can be opened (not only reasons)? */
static int
usable(const struct inputs *in)
{
	for (size_t i = 0; i < in->n; i++)
		if (in->v[i].why == NULL)
			return 1;
	return 0;
}

/* --shard K/N: keep in `in` only the inputs of shard k, and record each
 * one's index in the whole list in *global (the caller frees it). */
static void
select_shard(struct inputs *in, int k, int n, size_t **global)
{
	size_t m = 0;

	*global = xcalloc(in->n + 1, sizeof(**global));
	for (size_t i = 0; i < in->n; i++) {
		if (shard_of(in->v[i].path + in->v[i].key, n) != k) {
			free(in->v[i].path);
			free(in->v[i].why);
			continue;
		}
		(*global)[m] = i;
		in->v[m++] = in->v[i];
	}
	in->n = m;
}

int
run_status(const struct run *run)
{
	/* A shard that received no input has nothing to reject: success,
	 * so that a job array does not fail on an empty shard. */
	if (run->tail.shard_n > 0 && run->ninputs_written == 0)
		return EXIT_ALL_OK;
	return run->sessions == 0 ? EXIT_NOTHING : run->rejects > 0 ?
	    EXIT_SOME_REJECTED : EXIT_ALL_OK;
}

int
run_corpus(const struct run_opts *o, char *const *args, int nargs)
{
	struct run run = { .o = o, .quiet = o->quiet,
		.lock = PTHREAD_MUTEX_INITIALIZER };
	struct inputs inputs = { 0 };
	struct batch_ops ops = { worker_init, worker_free, work, run_emit,
		&run };
	struct batch_opts bopts = { 0 };
	struct batch_stats st;
	struct manifest_tail tail = { 0 };
	ingest_schema *schema = NULL;
	time_t started = time(NULL);
	char *why = NULL, digest[65];
	size_t *global = NULL;
	int rc;

	run.jobs = o->jobs > 0 ? o->jobs : batch_default_jobs();
	if ((run.rs = analyze_ruleset_load(o->rules_dir, o->replace_rules,
	    &why)) == NULL) {
		fprintf(stderr, "%s\nrapport run: the rule set has errors\n",
		    why);
		free(why);
		return EXIT_USAGE;
	}
	if (!o->no_prefilter && analyze_ruleset_prefilter(run.rs, &why) < 0) {
		if (!o->quiet)
			fprintf(stderr, "rapport run: warning: %s; every rule "
			    "runs (same results, slower)\n", why);
		free(why);
	}
	if (o->strict) {
		char *path = paths_schema(NULL);

		schema = ingest_schema_load(path, &why);
		free(path);
		if (schema == NULL) {
			fprintf(stderr, "rapport run: %s\n", why);
			free(why);
			analyze_ruleset_free(run.rs);
			return EXIT_USAGE;
		}
	}
	run.head = (struct manifest_head){ analyze_ruleset_hash(run.rs),
		analyze_ruleset_nrules(run.rs), o->rules_dir, o->replace_rules,
		o->strict };
	inputs_expand(&inputs, args, nargs);
	inputs_skip(&inputs, o->skip);
	if (!usable(&inputs)) {
		/* Nothing to read: say why, and make no results folder. */
		for (size_t i = 0; i < inputs.n; i++) {
			struct diag d = { DIAG_ERROR, 0, 0, inputs.v[i].why };

			diag_print(stderr, inputs.v[i].path, &d);
		}
		fprintf(stderr, "rapport run: no transcripts in the INPUTs "
		    "given (files named *.xml, *.vtt, *.srt, *.eaf, *.cha, "
		    "*.trs, *.tei, *.txt, *.docx or *.csv); nothing written\n");
		analyze_ruleset_free(run.rs);
		ingest_schema_free(schema);
		inputs_free(&inputs);
		return EXIT_NOTHING;
	}
	if (o->shard_n > 0) {
		/* Every shard of a job lists the same inputs (checked by
		 * merge through their digest), then keeps its own. */
		shard_inputs_sha256(&inputs, digest);
		run.tail.shard_k = o->shard_k;
		run.tail.shard_n = o->shard_n;
		run.tail.shard_inputs = inputs.n;
		run.tail.shard_inputs_sha256 = digest;
		select_shard(&inputs, o->shard_k, o->shard_n, &global);
		run.global = global;
	}
	if ((run.od = outdir_begin(o->outdir, &why)) == NULL) {
		fprintf(stderr, "rapport run: %s\n", why);
		free(why);
		analyze_ruleset_free(run.rs);
		ingest_schema_free(schema);
		inputs_free(&inputs);
		free(global);
		return EXIT_USAGE;
	}
	run.outdir = outdir_path(run.od);
	outfile_cleanup_on_signal();
	run.agg = aggregate_create();
	if (run_open_outputs(&run, &why) != 0)
		goto fail;
	bopts.jobs = run.jobs;
	bopts.schema = schema;
	bopts.import = o->import;
	bopts.progress = run.progress = !run.quiet && isatty(STDERR_FILENO);
	if (batch_run(&inputs, &ops, &bopts, &st) != 0) {
		why = xstrdup("cannot start worker threads");
		goto fail;
	}
	/* batch_run() has joined the workers: limit_hits is complete. */
	tail.inputs = st.inputs;
	tail.match_limit_hits = run.limit_hits;
	tail.started = started;
	tail.finished = time(NULL);
	tail.seconds = st.seconds;
	tail.bytes = st.bytes;
	run_write_manifest_tail(&run, &tail);
	if (run_commit_outputs(&run, &why) != 0)
		goto fail;
	if (!run.quiet && run.limit_hits > 0)
		fprintf(stderr, "rapport run: warning: %lu pattern match%s hit "
		    "the match limit and counted as no match\n",
		    run.limit_hits, run.limit_hits == 1 ? "" : "es");
	if (!run.quiet) {
		char hits[64] = "", shard[64] = "";

		if (run.limit_hits > 0)
			snprintf(hits, sizeof(hits), ", %lu match-limit hit%s",
			    run.limit_hits, run.limit_hits == 1 ? "" : "s");
		if (o->shard_n > 0)
			snprintf(shard, sizeof(shard), " (shard %d/%d)",
			    o->shard_k, o->shard_n);
		fprintf(stderr, "rapport: %zu session%s from %zu input%s%s, "
		    "%zu reject%s, %zu warning%s%s, %.1f s -> %s/\n",
		    run.sessions, run.sessions == 1 ? "" : "s", st.inputs,
		    st.inputs == 1 ? "" : "s", shard, run.rejects,
		    run.rejects == 1 ? "" : "s", run.warnings,
		    run.warnings == 1 ? "" : "s", hits, st.seconds, o->outdir);
	}
	rc = run_status(&run);
	goto out;
fail:
	fprintf(stderr, "rapport run: %s\n", why);
	free(why);
	run_abort_outputs(&run);
	rc = EXIT_NOTHING;
out:
	free(run.error);
	aggregate_free(run.agg);
	pthread_mutex_destroy(&run.lock);
	inputs_free(&inputs);
	free(global);
	ingest_schema_free(schema);
	analyze_ruleset_free(run.rs);
	return rc;
}
