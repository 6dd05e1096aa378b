/* cmd_run.c -- `rapport run`: ingest, tag and measure every session on a
 * pool of workers and write the result files (DESIGN.md section 7).
 *
 * Workers (batch.c) tag and measure each session and render its output
 * lines; this thread receives them in input order and appends them to the
 * output files, so every file is byte-identical for any -j. All files are
 * written under temporary names and renamed at the end, manifest.json
 * last (outfile.h).
 */
#include "config.h"

#include <getopt.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "aggregate.h"
#include "agree.h"
#include "analyze.h"
#include "batch.h"
#include "cmd.h"
#include "init.h"
#include "examples.h"
#include "fmt.h"
#include "inputs.h"
#include "lag.h"
#include "indicators.h"
#include "measure.h"
#include "outfile.h"
#include "report.h"
#include "resultsdb.h"
#include "stats.h"
#include "status.h"
#include "tags.h"
#include "textstats.h"
#include "utterances.h"
#include "util.h"

static int cmd_run_exec(int, char **);

const struct cmd_entry cmd_run_entry = {
	"run", "[-j N] [-o DIR] [--rules DIR [--replace-rules]] [--strict] "
	"[--quiet] [--no-reports] INPUT...",
	"tag and measure every session; write the result files",
	RAPPORT_INIT_ALL,
	cmd_run_exec
};

static const char options_text[] =
	"Options:\n"
	"  -j, --jobs N       worker threads (default: the number of cores)\n"
	"  -o, --output DIR   results folder (default: results)\n"
	"  --rules DIR        add the rules in DIR to the bundled set (a rule\n"
	"                     with a bundled rule's name replaces it)\n"
	"  --replace-rules    with --rules: use only the rules in DIR\n"
	"  --strict           also validate every input against the XSD\n"
	"  -q, --quiet        no progress, warnings or summary on stderr\n"
	"  --no-reports       do not write reports/\n"
	"  -h, --help         show this help\n\n"
	"Writes utterances.jsonl, sessions.csv, sessions.jsonl, examples.jsonl,\n"
	"clinicians.csv, cohorts.csv, agreement.csv, corpus.json,\n"
	"rapport.sqlite, rejects.csv, manifest.json and reports/ into DIR.\n"
	"Exit status: 0 all inputs used, 1 some rejected (the rest written),\n"
	"2 usage or configuration error, 3 nothing could be processed.\n";

/* What a worker hands the writer for one session. */
struct result {
	char			*id;
	long			 line;
	strbuf			 utt_jsonl;	/* utterances.jsonl lines */
	strbuf			 sess_json;	/* one sessions.jsonl line */
	strbuf			 examples;	/* examples.jsonl lines */
	unsigned long		*lag;		/* lag-1 counts (lag.h) */
	struct agree_counts	 agree;
	struct measure_row	 row;
	struct resultsdb_utt	*utts;
	size_t			 nutts;
	struct resultsdb_tag	*tags;
	size_t			 ntags;
	arena			*arena;		/* strings of utts */
};

struct worker {
	analyze_ctx		*cx;
	struct analyze_result	 res;
};

struct run {
	/* Options. */
	const char		*outdir;
	int			 jobs;
	const char		*rules_dir;
	int			 replace_rules;
	int			 quiet;
	int			 strict;
	int			 progress;	/* a progress line is drawn */
	int			 no_reports;

	analyze_ruleset		*rs;
	outfile			*utt_f, *sess_f, *rej_f, *man_f, *db_f;
	outfile			*ex_f;
	aggregate		*agg;
	resultsdb		*db;
	char			*error;		/* first write error */

	strset			 ids;		/* session ids written */
	strbuf			 input_ids;	/* JSON ids of this input */
	size_t			 input_rejects;
	size_t			 ninputs_written;
	size_t			 sessions, utterances, tags, rejects;
	size_t			 warnings, rejected_inputs;
};

/* --- on the workers --- */

static void *
worker_init(void *arg)
{
	struct run *run = arg;
	struct worker *w = xcalloc(1, sizeof(*w));

	w->cx = analyze_ctx_create(run->rs);
	return w;
}

static void
worker_free(void *state)
{
	struct worker *w = state;

	analyze_ctx_free(w->cx);
	analyze_result_free(&w->res);
	free(w);
}

static void
render_session_json(strbuf *b, const struct measure_row *row)
{
	const char *const *meta = measure_meta_names();
	const struct indicator *cols;
	size_t ncols;

	cols = indicators_all(&ncols);
	strbuf_addc(b, '{');
	for (size_t i = 0; i < MEASURE_NMETA; i++) {
		strbuf_adds(b, i ? ",\"" : "\"");
		strbuf_adds(b, meta[i]);
		strbuf_adds(b, "\":");
		if (i == MEASURE_NMETA - 1 && row->meta[i] != NULL)
			strbuf_adds(b, row->meta[i]);	/* number */
		else
			fmt_json_str(b, row->meta[i]);
	}
	for (size_t i = 0; i < ncols; i++) {
		strbuf_adds(b, ",\"");
		strbuf_adds(b, cols[i].name);
		strbuf_adds(b, "\":");
		fmt_json_num(b, row->v[i]);
	}
	for (size_t i = 0; i < row->nmeasures; i++) {
		strbuf_addc(b, ',');
		fmt_json_str(b, row->mnames[i]);
		strbuf_addc(b, ':');
		fmt_json_num(b, row->mvalues[i]);
	}
	strbuf_adds(b, "}\n");
}

/* The rows for SQLite: utterances and tags, strings in r->arena. */
static void
database_rows(struct result *r, const session *s,
    const struct analyze_result *ar)
{
	const struct tags_entry *vocab;
	size_t nvocab, k = 0;

	vocab = tags_all(&nvocab);
	r->nutts = s->nutts;
	r->utts = xcalloc(s->nutts ? s->nutts : 1, sizeof(*r->utts));
	for (size_t i = 0; i < s->nutts; i++) {
		const struct session_utt *u = &s->utts[i];
		struct resultsdb_utt *d = &r->utts[i];

		d->index = u->index;
		d->speaker = arena_strdup(r->arena, s->speakers[u->speaker].id);
		d->role = session_role_name(s->speakers[u->speaker].role);
		d->start = u->start;
		d->end = u->end;
		d->words = (long)u->words;
		if (u->ncodes > 0) {
			strbuf b = { 0 };

			for (size_t c = 0; c < u->ncodes; c++) {
				strbuf_adds(&b, c ? " " : "");
				strbuf_adds(&b, u->codes[c]);
			}
			d->codes = arena_strdup(r->arena, b.s);
			strbuf_free(&b);
		}
		r->ntags += ar->utts[i].ntags;
	}
	r->tags = xcalloc(r->ntags ? r->ntags : 1, sizeof(*r->tags));
	for (size_t i = 0; i < s->nutts; i++) {
		for (size_t j = 0; j < ar->utts[i].ntags; j++, k++) {
			const struct analyze_tag *t = &ar->utts[i].tags[j];

			r->tags[k].index = s->utts[i].index;
			r->tags[k].tag = vocab[t->tag].name;
			r->tags[k].start = t->start;
			r->tags[k].end = t->end;
			r->tags[k].rule = t->rule;
			r->tags[k].term = t->term;
			r->tags[k].plain = t->plain;
		}
	}
}

static void *
work(void *state, const session *s)
{
	struct worker *w = state;
	struct result *r = xcalloc(1, sizeof(*r));
	size_t rows, cols;

	r->id = xstrdup(s->id);
	r->line = s->line;
	r->arena = arena_create();
	analyze_session(w->cx, s, &w->res);
	measure_session(s, &w->res, &r->row);
	utterances_render(&r->utt_jsonl, s, &w->res);
	render_session_json(&r->sess_json, &r->row);
	database_rows(r, s, &w->res);
	examples_session(s, &w->res, &r->examples);
	lag_dims(&rows, &cols);
	r->lag = xcalloc(rows * cols, sizeof(*r->lag));
	lag_session(s, &w->res, r->lag);
	agree_session(s, &w->res, &r->agree);
	return r;
}

static void
result_free(struct result *r)
{
	if (r == NULL)
		return;
	free(r->id);
	strbuf_free(&r->utt_jsonl);
	strbuf_free(&r->sess_json);
	strbuf_free(&r->examples);
	free(r->lag);
	agree_counts_free(&r->agree);
	measure_row_free(&r->row);
	free(r->utts);
	free(r->tags);
	arena_destroy(r->arena);
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

/* A message on stderr; first clear the progress line, which batch.c
 * redraws after us. */
static void __attribute__((format(printf, 2, 3)))
say(const struct run *run, const char *fmt, ...)
{
	va_list ap;

	if (run->quiet)
		return;
	if (run->progress)
		fputs("\r\033[K", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
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
	if (!run->quiet) {
		char *p = printable(path, 4096);

		say(run, "%s:%ld:%ld: %s\n", p, line, col, why);
		free(p);
	}
}

static void
diagnostics(struct run *run, const struct batch_event *ev)
{
	for (size_t i = 0; i < ev->ndiags; i++) {
		const struct ingest_diag *d = &ev->diags[i];

		if (d->severity == INGEST_ERROR)
			reject(run, ev->path, d->line, d->col, d->msg);
		else {
			run->warnings++;
			char *p = printable(ev->path, 4096);

			say(run, "%s:%ld:%ld: warning: %s\n", p, d->line,
			    d->col, d->msg);
			free(p);
		}
	}
}

static void
emit_session(struct run *run, const struct batch_event *ev)
{
	struct result *r = ev->result;
	char *why = NULL;

	diagnostics(run, ev);
	if (strset_add(&run->ids, r->id) != 0) {
		char *msg = xasprintf("duplicate session id '%s': an earlier "
		    "input has a session with this id", r->id);

		reject(run, ev->path, r->line, 1, msg);
		free(msg);
		run->rejects++;
		run->input_rejects++;
		result_free(r);
		return;
	}
	put(run, run->utt_f, r->utt_jsonl.s, r->utt_jsonl.len);
	put(run, run->sess_f, r->sess_json.s, r->sess_json.len);
	put(run, run->ex_f, r->examples.s, r->examples.len);
	aggregate_add(run->agg, &r->row, r->lag, &r->agree);
	if (run->error == NULL && resultsdb_add(run->db, r->id, &r->row,
	    r->utts, r->nutts, r->tags, r->ntags, &why) != 0)
		write_error(run, why);
	strbuf_adds(&run->input_ids, run->input_ids.len ? "," : "");
	fmt_json_str(&run->input_ids, r->id);
	run->sessions++;
	run->utterances += r->nutts;
	run->tags += r->ntags;
	result_free(r);
}

static void
emit_input_end(struct run *run, const struct batch_event *ev)
{
	strbuf b = { 0 };

	diagnostics(run, ev);
	strbuf_adds(&b, run->ninputs_written++ ? ",\n    {\"path\":" :
	    "\n    {\"path\":");
	fmt_json_str(&b, ev->path);
	strbuf_adds(&b, ",\"sha256\":");
	fmt_json_str(&b, ev->sha256);
	strbuf_addf(&b, ",\"bytes\":%llu,\"rejects\":%zu,\"sessions\":[",
	    ev->bytes, run->input_rejects);
	strbuf_add(&b, run->input_ids.s ? run->input_ids.s : "",
	    run->input_ids.len);
	strbuf_adds(&b, "]}");
	put(run, run->man_f, b.s, b.len);
	strbuf_free(&b);
	run->rejected_inputs += run->input_rejects > 0;
	strbuf_reset(&run->input_ids);
	run->input_rejects = 0;
}

static void
emit(void *arg, const struct batch_event *ev)
{
	struct run *run = arg;

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
json_key(strbuf *b, const char *indent, const char *key)
{
	strbuf_adds(b, indent);
	fmt_json_str(b, key);
	strbuf_adds(b, ": ");
}

static void
manifest_head(struct run *run)
{
	strbuf b = { 0 };

	strbuf_adds(&b, "{\n");
	json_key(&b, "  ", "rapport_version");
	fmt_json_str(&b, PACKAGE_VERSION);
	strbuf_adds(&b, ",\n");
	json_key(&b, "  ", "transcript_format");
	strbuf_adds(&b, "1,\n");
	json_key(&b, "  ", "rules");
	strbuf_adds(&b, "{\"sha256\": ");
	fmt_json_str(&b, analyze_ruleset_hash(run->rs));
	strbuf_addf(&b, ", \"rules\": %zu, \"extra_dir\": ",
	    analyze_ruleset_nrules(run->rs));
	fmt_json_str(&b, run->rules_dir);
	strbuf_addf(&b, ", \"replace\": %s},\n",
	    run->replace_rules ? "true" : "false");
	json_key(&b, "  ", "options");
	strbuf_addf(&b, "{\"strict\": %s},\n", run->strict ? "true" : "false");
	json_key(&b, "  ", "inputs");
	strbuf_addc(&b, '[');
	put(run, run->man_f, b.s, b.len);
	strbuf_free(&b);
}

static void
iso_time(char *buf, size_t n, time_t t)
{
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(buf, n, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static void
manifest_tail(struct run *run, const struct batch_stats *st, time_t started)
{
	static const char *const outputs[] = { "utterances.jsonl",
		"sessions.csv", "sessions.jsonl", "examples.jsonl",
		"clinicians.csv", "cohorts.csv", "agreement.csv", "corpus.json",
		"rapport.sqlite", "rejects.csv", "manifest.json" };
	strbuf b = { 0 };
	char t0[32], t1[32];

	strbuf_adds(&b, run->ninputs_written ? "\n  ],\n" : "],\n");
	json_key(&b, "  ", "counts");
	strbuf_addf(&b, "{\"inputs\": %zu, \"rejected_inputs\": %zu, "
	    "\"sessions\": %zu, \"utterances\": %zu, \"tags\": %zu, "
	    "\"rejects\": %zu, \"warnings\": %zu},\n", st->inputs,
	    run->rejected_inputs, run->sessions, run->utterances, run->tags,
	    run->rejects, run->warnings);
	json_key(&b, "  ", "outputs");
	strbuf_addc(&b, '[');
	for (size_t i = 0; i < sizeof(outputs) / sizeof(outputs[0]); i++) {
		strbuf_adds(&b, i ? ", " : "");
		fmt_json_str(&b, outputs[i]);
	}
	strbuf_adds(&b, "],\n");
	json_key(&b, "  ", "reports");
	strbuf_adds(&b, run->no_reports ? "false,\n" : "true,\n");
	/* Everything below varies from run to run. */
	iso_time(t0, sizeof(t0), started);
	iso_time(t1, sizeof(t1), time(NULL));
	json_key(&b, "  ", "runtime");
	strbuf_addf(&b, "{\"jobs\": %d, \"output\": ", run->jobs);
	fmt_json_str(&b, run->outdir);
	strbuf_addf(&b, ", \"started\": \"%s\", \"finished\": \"%s\", "
	    "\"wall_seconds\": %.3f, \"bytes\": %llu}\n}\n", t0, t1,
	    st->seconds, st->bytes);
	put(run, run->man_f, b.s, b.len);
	strbuf_free(&b);
}

static int
strcmp_ptr(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* sessions.csv is sessions.jsonl projected onto columns: read the
 * finished JSONL back twice, once for the union of session measures
 * (sorted, after the fixed columns), once to write the rows. */
static int
write_sessions_csv(struct run *run, outfile *csv, char **why)
{
	const char *const *meta = measure_meta_names();
	const struct indicator *cols;
	size_t ncols, nm = 0, cap = 0;
	char **mnames = NULL, *line = NULL;
	size_t linecap = 0;
	strbuf b = { 0 };
	FILE *in;
	int pass, rc = 0;

	cols = indicators_all(&ncols);
	for (pass = 0; pass < 2 && rc == 0; pass++) {
		if ((in = fopen(outfile_tmppath(run->sess_f), "r")) == NULL) {
			*why = xasprintf("%s: cannot reopen",
			    outfile_tmppath(run->sess_f));
			rc = -1;
			break;
		}
		if (pass == 1) {
			for (size_t i = 0; i < MEASURE_NMETA; i++) {
				strbuf_adds(&b, i ? "," : "");
				fmt_csv_str(&b, meta[i]);
			}
			for (size_t i = 0; i < ncols; i++) {
				strbuf_addc(&b, ',');
				fmt_csv_str(&b, cols[i].name);
			}
			for (size_t i = 0; i < nm; i++) {
				strbuf_addc(&b, ',');
				fmt_csv_str(&b, mnames[i]);
			}
			strbuf_addc(&b, '\n');
		}
		while (getline(&line, &linecap, in) > 0) {
			cJSON *o = cJSON_Parse(line), *it;

			if (o == NULL) {
				*why = xstrdup("sessions.jsonl: cannot read back");
				rc = -1;
				break;
			}
			if (pass == 0) {
				for (it = o->child; it != NULL; it = it->next) {
					size_t j;

					if (strncmp(it->string, "measure_", 8) != 0)
						continue;
					for (j = 0; j < nm; j++)
						if (strcmp(mnames[j], it->string) == 0)
							break;
					if (j == nm) {
						mnames = xgrow(mnames, &cap, nm + 1,
						    sizeof(*mnames));
						mnames[nm++] = xstrdup(it->string);
					}
				}
			} else {
				for (size_t i = 0; i < MEASURE_NMETA + ncols + nm;
				    i++) {
					const char *key = i < MEASURE_NMETA ?
					    meta[i] : i < MEASURE_NMETA + ncols ?
					    cols[i - MEASURE_NMETA].name :
					    mnames[i - MEASURE_NMETA - ncols];

					it = cJSON_GetObjectItemCaseSensitive(o,
					    key);
					if (i > 0)
						strbuf_addc(&b, ',');
					if (cJSON_IsString(it))
						fmt_csv_str(&b, it->valuestring);
					else if (cJSON_IsNumber(it))
						fmt_csv_num(&b, it->valuedouble);
				}
				strbuf_addc(&b, '\n');
			}
			cJSON_Delete(o);
			if (b.len > 65536) {
				fwrite(b.s, 1, b.len, outfile_stream(csv));
				strbuf_reset(&b);
			}
		}
		fclose(in);
		if (pass == 0 && nm > 1)
			qsort(mnames, nm, sizeof(*mnames), strcmp_ptr);
	}
	if (rc == 0 && b.len > 0)
		fwrite(b.s, 1, b.len, outfile_stream(csv));
	for (size_t i = 0; i < nm; i++)
		free(mnames[i]);
	free(mnames);
	free(line);
	strbuf_free(&b);
	return rc;
}

static void
abort_outputs(struct run *run)
{
	outfile_abort(run->utt_f);
	outfile_abort(run->sess_f);
	outfile_abort(run->rej_f);
	outfile_abort(run->man_f);
	outfile_abort(run->ex_f);
	resultsdb_abort(run->db);
	outfile_abort(run->db_f);
	run->utt_f = run->sess_f = run->rej_f = run->man_f = run->db_f = NULL;
	run->ex_f = NULL;
	run->db = NULL;
}

static int
open_outputs(struct run *run, char **why)
{
	static const char rej_head[] = "path,line,column,reason\n";

	if (outfile_mkdirs(run->outdir, why) != 0 ||
	    (run->utt_f = outfile_open(run->outdir, "utterances.jsonl",
	    why)) == NULL ||
	    (run->sess_f = outfile_open(run->outdir, "sessions.jsonl",
	    why)) == NULL ||
	    (run->rej_f = outfile_open(run->outdir, "rejects.csv",
	    why)) == NULL ||
	    (run->ex_f = outfile_open(run->outdir, "examples.jsonl",
	    why)) == NULL ||
	    (run->man_f = outfile_open(run->outdir, "manifest.json",
	    why)) == NULL ||
	    (run->db_f = outfile_open(run->outdir, "rapport.sqlite",
	    why)) == NULL)
		return -1;
	/* SQLite writes the file itself: hand it the empty temporary. */
	if (outfile_finish(run->db_f, why) != 0 ||
	    unlink(outfile_tmppath(run->db_f)) != 0 ||
	    (run->db = resultsdb_create(outfile_tmppath(run->db_f), why)) ==
	    NULL)
		return -1;
	put(run, run->rej_f, rej_head, sizeof(rej_head) - 1);
	manifest_head(run);
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

	aggregate_finish(run->agg, PACKAGE_VERSION, &out);
	if (write_table(run, &out.clinicians, "clinicians.csv", &f[0],
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

/* Finish every file and rename them into place: the data, then the
 * reports (which read the data), then manifest.json last. */
static int
commit_outputs(struct run *run, char **why)
{
	outfile *csv = NULL, *stat[NSTATFILES] = { NULL };
	outfile **data[] = { &run->utt_f, &run->sess_f, &run->ex_f, &csv,
		&stat[0], &stat[1], &stat[2], &stat[3], &run->db_f,
		&run->rej_f };
	size_t i;

	if (run->error != NULL) {
		*why = run->error;
		run->error = NULL;
		return -1;
	}
	if (outfile_finish(run->sess_f, why) != 0 ||
	    outfile_finish(run->ex_f, why) != 0 ||
	    (csv = outfile_open(run->outdir, "sessions.csv", why)) == NULL ||
	    write_sessions_csv(run, csv, why) != 0 ||
	    write_statistics(run, stat, why) != 0 ||
	    resultsdb_finish(run->db, why) != 0) {
		run->db = NULL;
		outfile_abort(csv);
		for (i = 0; i < NSTATFILES; i++)
			outfile_abort(stat[i]);
		return -1;
	}
	run->db = NULL;
	for (i = 0; i < sizeof(data) / sizeof(data[0]); i++) {
		if (outfile_commit(*data[i], why) != 0) {
			for (i++; i < sizeof(data) / sizeof(data[0]); i++) {
				outfile_abort(*data[i]);
				*data[i] = NULL;
			}
			return -1;
		}
		*data[i] = NULL;
	}
	if (!run->no_reports && report_write(run->outdir, why) != 0)
		return -1;
	if (outfile_commit(run->man_f, why) != 0)
		return -1;
	run->man_f = NULL;
	return 0;
}

static int
parse_options(struct run *run, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "jobs", required_argument, NULL, 'j' },
		{ "output", required_argument, NULL, 'o' },
		{ "rules", required_argument, NULL, 'r' },
		{ "replace-rules", no_argument, NULL, 'R' },
		{ "strict", no_argument, NULL, 's' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "no-reports", no_argument, NULL, 'N' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int c;
	char *end;

	optind = 1;
	while ((c = getopt_long(argc, argv, "j:o:qh", longopts, NULL)) != -1) {
		switch (c) {
		case 'j':
			run->jobs = (int)strtol(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' || run->jobs < 1 ||
			    run->jobs > 256)
				return cmd_usage_error(&cmd_run_entry, "-j takes "
				    "a whole number from 1 to 256");
			break;
		case 'o':
			run->outdir = optarg;
			break;
		case 'r':
			run->rules_dir = optarg;
			break;
		case 'R':
			run->replace_rules = 1;
			break;
		case 's':
			run->strict = 1;
			break;
		case 'q':
			run->quiet = 1;
			break;
		case 'N':
			run->no_reports = 1;
			break;
		case 'h':
			cmd_usage(&cmd_run_entry, options_text);
			return -1;
		default:
			return cmd_usage_error(&cmd_run_entry, "unknown option");
		}
	}
	if (run->replace_rules && run->rules_dir == NULL)
		return cmd_usage_error(&cmd_run_entry, "--replace-rules needs "
		    "--rules DIR");
	if (optind >= argc)
		return cmd_usage_error(&cmd_run_entry, "no INPUT given");
	return 0;
}

static int
cmd_run_exec(int argc, char **argv)
{
	struct run run = { .outdir = "results" };
	struct inputs inputs = { 0 };
	struct batch_ops ops = { worker_init, worker_free, work, emit, &run };
	struct batch_opts bopts = { 0 };
	struct batch_stats st;
	ingest_schema *schema = NULL;
	time_t started = time(NULL);
	char *why = NULL;
	int rc;

	run.jobs = batch_default_jobs();
	if ((rc = parse_options(&run, argc, argv)) != 0)
		return rc < 0 ? EXIT_ALL_OK : rc;
	if ((run.rs = analyze_ruleset_load(run.rules_dir, run.replace_rules,
	    &why)) == NULL) {
		fprintf(stderr, "%s\nrapport run: the rule set has errors\n",
		    why);
		free(why);
		return EXIT_USAGE;
	}
	if (run.strict) {
		char *path = cmd_schema_path(NULL);

		schema = ingest_schema_load(path, &why);
		free(path);
		if (schema == NULL) {
			fprintf(stderr, "rapport run: %s\n", why);
			free(why);
			analyze_ruleset_free(run.rs);
			return EXIT_USAGE;
		}
	}
	inputs_expand(&inputs, argv + optind, argc - optind);
	if (inputs.n == 0) {
		fprintf(stderr, "rapport run: no *.xml transcripts in the "
		    "INPUTs given\n");
		analyze_ruleset_free(run.rs);
		ingest_schema_free(schema);
		return EXIT_NOTHING;
	}
	outfile_cleanup_on_signal();
	run.agg = aggregate_create();
	if (open_outputs(&run, &why) != 0)
		goto fail;
	bopts.jobs = run.jobs;
	bopts.schema = schema;
	bopts.progress = run.progress = !run.quiet && isatty(STDERR_FILENO);
	if (batch_run(&inputs, &ops, &bopts, &st) != 0) {
		why = xstrdup("cannot start worker threads");
		goto fail;
	}
	manifest_tail(&run, &st, started);
	if (commit_outputs(&run, &why) != 0)
		goto fail;
	if (!run.quiet)
		fprintf(stderr, "rapport: %zu session%s from %zu input%s, %zu "
		    "reject%s, %zu warning%s, %.1f s -> %s/\n", run.sessions,
		    run.sessions == 1 ? "" : "s", st.inputs, st.inputs == 1 ?
		    "" : "s", run.rejects, run.rejects == 1 ? "" : "s",
		    run.warnings, run.warnings == 1 ? "" : "s", st.seconds,
		    run.outdir);
	rc = run.sessions == 0 ? EXIT_NOTHING : run.rejects > 0 ?
	    EXIT_SOME_REJECTED : EXIT_ALL_OK;
	goto out;
fail:
	fprintf(stderr, "rapport run: %s\n", why);
	free(why);
	abort_outputs(&run);
	rc = EXIT_NOTHING;
out:
	free(run.error);
	aggregate_free(run.agg);
	strset_free(&run.ids);
	strbuf_free(&run.input_ids);
	inputs_free(&inputs);
	ingest_schema_free(schema);
	analyze_ruleset_free(run.rs);
	return rc;
}
