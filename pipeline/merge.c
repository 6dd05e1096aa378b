/* merge.c -- `rapport merge`: shards of `run --shard K/N` into one
 * results folder (run.h).
 *
 * The shards' manifests are checked first (one rapport version, rule set,
 * options, N and input list; every K once); then their event logs
 * (shard.h) are read together, always taking the event of the lowest
 * global input index next, which is the order one run over all inputs
 * emits them in, and each goes through run's writer (run_emit()). So the
 * merged folder is what that one run writes: duplicate session ids across
 * shards are rejected as a single run rejects them, and the statistics,
 * which cannot be averaged (ICCs, CIs, slopes), are computed from the
 * merged session rows. The results folder is staged and locked as run's
 * (outdir.h).
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cjson/cJSON.h>

#include "outdir.h"
#include "outfile.h"
#include "run.h"
#include "run_internal.h"
#include "shard.h"
#include "status.h"
#include "util.h"

/* What merge reads of one shard's manifest.json. */
struct shard_info {
	const char	*dir;
	cJSON		*manifest;
	const char	*version, *rules_sha256, *extra_dir;
	const char	*inputs_sha256;
	double		 nrules;
	int		 replace, strict, session_pages;
	int		 k, n;
	double		 inputs, limit_hits, bytes;
};

static const char *
jstr(const cJSON *o, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);

	return cJSON_IsString(v) ? v->valuestring : NULL;
}

static double
jnum(const cJSON *o, const char *key, double dflt)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);

	return cJSON_IsNumber(v) ? v->valuedouble : dflt;
}

static int
jbool(const cJSON *o, const char *key)
{
	return cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(o, key));
}

/* Read dir's manifest into *si. 0, or -1 and *why. */
static int
shard_info_read(const char *dir, struct shard_info *si, char **why)
{
	char *path = xasprintf("%s/manifest.json", dir), *text, *e = NULL;
	size_t len;
	const cJSON *rules, *opts, *shard, *counts, *rt;

	memset(si, 0, sizeof(*si));
	si->dir = dir;
	if (read_regular_file(path, &text, &len, &e) != 0) {
		*why = xasprintf("%s: %s", path, e);
		free(e);
		free(path);
		return -1;
	}
	si->manifest = cJSON_Parse(text);
	free(text);
	rules = cJSON_GetObjectItemCaseSensitive(si->manifest, "rules");
	opts = cJSON_GetObjectItemCaseSensitive(si->manifest, "options");
	shard = cJSON_GetObjectItemCaseSensitive(si->manifest, "shard");
	counts = cJSON_GetObjectItemCaseSensitive(si->manifest, "counts");
	rt = cJSON_GetObjectItemCaseSensitive(si->manifest, "runtime");
	if (si->manifest == NULL || (si->version = jstr(si->manifest,
	    "rapport_version")) == NULL || (si->rules_sha256 = jstr(rules,
	    "sha256")) == NULL) {
		*why = xasprintf("%s: not a rapport manifest", path);
		free(path);
		return -1;
	}
	if (!cJSON_IsObject(shard)) {
		*why = xasprintf("%s: not the results of `rapport run --shard "
		    "K/N` (no \"shard\" entry)", path);
		free(path);
		return -1;
	}
	si->extra_dir = jstr(rules, "extra_dir");
	si->nrules = jnum(rules, "rules", -1);
	si->replace = jbool(rules, "replace");
	si->strict = jbool(opts, "strict");
	si->session_pages = jbool(si->manifest, "session_pages");
	si->k = (int)jnum(shard, "index", 0);
	si->n = (int)jnum(shard, "count", 0);
	si->inputs_sha256 = jstr(shard, "inputs_sha256");
	si->inputs = jnum(counts, "inputs", 0);
	si->limit_hits = jnum(counts, "match_limit_hits", 0);
	si->bytes = jnum(rt, "bytes", 0);
	if (si->k < 1 || si->n < si->k || si->n > SHARD_MAX ||
	    si->inputs_sha256 == NULL) {
		*why = xasprintf("%s: the \"shard\" entry is broken", path);
		free(path);
		return -1;
	}
	free(path);
	return 0;
}

static int
same_str(const char *a, const char *b)
{
	return (a == NULL && b == NULL) ||
	    (a != NULL && b != NULL && strcmp(a, b) == 0);
}

/* Do the shards belong together, and is each K there once? 0, or -1 and
 * *why. */
static int
check_shards(const struct shard_info *si, int n, char **why)
{
	const struct shard_info *a = &si[0];
	const struct shard_info **byk;
	strbuf missing = { 0 };
	size_t nmissing = 0;

	for (int i = 0; i < n; i++) {
		const struct shard_info *b = &si[i];

		if (strcmp(b->version, PACKAGE_VERSION) != 0) {
			*why = xasprintf("%s: written by rapport %s, this is "
			    "rapport %s: run every shard and the merge with "
			    "one version", b->dir, b->version, PACKAGE_VERSION);
			return -1;
		}
		if (strcmp(b->rules_sha256, a->rules_sha256) != 0 ||
		    b->nrules != a->nrules) {
			*why = xasprintf("%s: rule set sha256 %s differs from "
			    "%s's %s: every shard must run with the same rules",
			    b->dir, b->rules_sha256, a->dir, a->rules_sha256);
			return -1;
		}
		if (!same_str(b->extra_dir, a->extra_dir) ||
		    b->replace != a->replace || b->strict != a->strict ||
		    b->session_pages != a->session_pages) {
			*why = xasprintf("%s: run with other options than %s "
			    "(--rules, --replace-rules, --strict or "
			    "--session-pages): every shard must run with the "
			    "same ones", b->dir, a->dir);
			return -1;
		}
		if (b->n != a->n) {
			*why = xasprintf("%s: shard %d/%d, but %s is shard "
			    "%d/%d: the shards of one merge share N", b->dir,
			    b->k, b->n, a->dir, a->k, a->n);
			return -1;
		}
		if (strcmp(b->inputs_sha256, a->inputs_sha256) != 0) {
			*why = xasprintf("%s: listed other inputs than %s "
			    "(inputs_sha256 %s, not %s): run every shard over "
			    "the same INPUTs", b->dir, a->dir, b->inputs_sha256,
			    a->inputs_sha256);
			return -1;
		}
	}
	byk = xcalloc((size_t)a->n + 1, sizeof(*byk));
	for (int i = 0; i < n; i++) {
		if (byk[si[i].k] != NULL) {
			*why = xasprintf("%s: shard %d/%d given twice (also %s)",
			    si[i].dir, si[i].k, si[i].n, byk[si[i].k]->dir);
			free(byk);
			return -1;
		}
		byk[si[i].k] = &si[i];
	}
	for (int k = 1; k <= a->n; k++)
		if (byk[k] == NULL) {
			if (nmissing++ < 10)
				strbuf_addf(&missing, "%s%d/%d",
				    nmissing > 1 ? ", " : "", k, a->n);
		}
	free(byk);
	if (nmissing > 0) {
		*why = xasprintf("missing shard%s %s%s: give the folders of "
		    "all %d shards", nmissing == 1 ? "" : "s", missing.s,
		    nmissing > 10 ? ", ..." : "", a->n);
		strbuf_free(&missing);
		return -1;
	}
	return 0;
}

/* Replay the shards' events in global input order through run_emit().
 * 0, or -1 and *why. */
static int
replay(struct run *run, const struct shard_info *si, int n, char **why)
{
	shard_reader **r = xcalloc((size_t)n, sizeof(*r));
	struct shard_event *ev = xcalloc((size_t)n, sizeof(*ev));
	int *live = xcalloc((size_t)n, sizeof(*live));
	size_t last = 0;
	int have_last = 0, rc = -1;

	for (int i = 0; i < n; i++) {
		if ((r[i] = shard_reader_open(si[i].dir, why)) == NULL)
			goto out;
		if ((live[i] = shard_reader_next(r[i], &ev[i], why)) < 0)
			goto out;
	}
	for (;;) {
		int best = -1;

		for (int i = 0; i < n; i++)
			if (live[i] == 1 && (best < 0 ||
			    ev[i].input < ev[best].input))
				best = i;
		if (best < 0)
			break;
		if (have_last && ev[best].input < last) {
			*why = xasprintf("%s/shard.events: input %zu out of "
			    "order (an input in two shards?)", si[best].dir,
			    ev[best].input);
			goto out;
		}
		last = ev[best].input;
		have_last = 1;
		run_emit(run, &ev[best].ev);	/* takes ev.result */
		ev[best].ev.result = NULL;
		shard_event_clear(&ev[best]);
		if ((live[best] = shard_reader_next(r[best], &ev[best],
		    why)) < 0)
			goto out;
	}
	rc = 0;
out:
	for (int i = 0; i < n; i++) {
		if (live[i] == 1) {
			run_result_free(ev[i].ev.result);
			shard_event_clear(&ev[i]);
		}
		shard_reader_close(r[i]);
	}
	free(r);
	free(ev);
	free(live);
	return rc;
}

int
run_merge(const struct merge_opts *mo, char *const *dirs, int ndirs)
{
	struct shard_info *si = xcalloc((size_t)ndirs + 1, sizeof(*si));
	struct run_opts o = { .outdir = mo->outdir, .quiet = mo->quiet,
		.no_reports = mo->no_reports };
	struct run run = { .o = &o, .quiet = mo->quiet, .jobs = 1,
		.lock = PTHREAD_MUTEX_INITIALIZER };
	struct manifest_tail tail = { 0 };
	struct timespec t0, t1;
	time_t started = time(NULL);
	char *why = NULL;
	int rc = EXIT_USAGE;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (int i = 0; i < ndirs; i++)
		if (shard_info_read(dirs[i], &si[i], &why) != 0)
			goto usage;
	if (check_shards(si, ndirs, &why) != 0)
		goto usage;
	o.rules_dir = si[0].extra_dir;
	o.replace_rules = si[0].replace;
	o.strict = si[0].strict;
	o.session_pages = si[0].session_pages;
	run.head = (struct manifest_head){ si[0].rules_sha256,
		(size_t)si[0].nrules, si[0].extra_dir, si[0].replace,
		si[0].strict };
	run.tail.merged = ndirs;
	for (int i = 0; i < ndirs; i++) {
		tail.inputs += (size_t)si[i].inputs;
		tail.match_limit_hits += (unsigned long)si[i].limit_hits;
		tail.bytes += (unsigned long long)si[i].bytes;
	}
	if ((run.od = outdir_begin(mo->outdir, &why)) == NULL)
		goto usage;
	run.outdir = outdir_path(run.od);
	outfile_cleanup_on_signal();
	run.agg = aggregate_create();
	if (run_open_outputs(&run, &why) != 0 ||
	    replay(&run, si, ndirs, &why) != 0)
		goto fail;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	tail.started = started;
	tail.finished = time(NULL);
	tail.seconds = (double)(t1.tv_sec - t0.tv_sec) +
	    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	run_write_manifest_tail(&run, &tail);
	if (run_commit_outputs(&run, &why) != 0)
		goto fail;
	if (!run.quiet)
		fprintf(stderr, "rapport merge: %zu session%s from %zu input%s "
		    "in %d shard%s, %zu reject%s -> %s/\n", run.sessions,
		    run.sessions == 1 ? "" : "s", tail.inputs,
		    tail.inputs == 1 ? "" : "s", ndirs, ndirs == 1 ? "" : "s",
		    run.rejects, run.rejects == 1 ? "" : "s", mo->outdir);
	rc = run_status(&run);
	goto out;
usage:
	fprintf(stderr, "rapport merge: %s\n", why);
	free(why);
	rc = EXIT_USAGE;
	goto out;
fail:
	fprintf(stderr, "rapport merge: %s\n", why);
	free(why);
	run_abort_outputs(&run);
	rc = EXIT_NOTHING;
out:
	free(run.error);
	aggregate_free(run.agg);
	pthread_mutex_destroy(&run.lock);
	for (int i = 0; i < ndirs; i++)
		cJSON_Delete(si[i].manifest);
	free(si);
	return rc;
}
