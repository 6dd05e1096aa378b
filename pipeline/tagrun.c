/* tagrun.c -- tag and hand on every session on the batch driver. */
#include "config.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "batch.h"
#include "diag.h"
#include "ingest.h"
#include "inputs.h"
#include "paths.h"
#include "status.h"
#include "tagrun.h"
#include "util.h"

struct state {
	const struct tagrun_opts *o;
	const analyze_ruleset	*rs;
	tagrun_work_fn		 work;
	const void		*work_arg;
	tagrun_emit_fn		 emit;
	void			*emit_arg;
	pthread_mutex_t		 lock;
	unsigned long		 limit_hits;	/* of finished workers */
	size_t			 sessions, rejects;
	int			 stopped;
};

struct worker {
	struct state		*st;
	analyze_ctx		*cx;
	struct analyze_result	 res;
};

/* What a worker hands on: the caller's result, or a failed match. */
struct item {
	void	*result;
	int	 failed;
	long	 line;
	char	*id;
};

static void *
worker_init(void *arg)
{
	struct worker *w = xcalloc(1, sizeof(*w));

	w->st = arg;
	w->cx = analyze_ctx_create(w->st->rs);
	return w;
}

static void
worker_free(void *state)
{
	struct worker *w = state;

	pthread_mutex_lock(&w->st->lock);
	w->st->limit_hits += analyze_ctx_limit_hits(w->cx);
	pthread_mutex_unlock(&w->st->lock);
	analyze_result_free(&w->res);
	analyze_ctx_free(w->cx);
	free(w);
}

static void *
work(void *state, const session *s)
{
	struct worker *w = state;
	struct item *it = xcalloc(1, sizeof(*it));

	if (analyze_session(w->cx, s, &w->res) < 0) {
		it->failed = 1;
		it->line = s->line;
		it->id = xstrdup(s->id);
	} else
		it->result = w->st->work(s, &w->res, w->st->work_arg);
	return it;
}

static void
emit(void *arg, const struct batch_event *ev)
{
	struct state *st = arg;
	struct item *it = ev->result;

	for (size_t i = 0; i < ev->ndiags; i++)
		diag_print(stderr, ev->path, &ev->diags[i]);
	switch (ev->kind) {
	case BATCH_SESSION:
		if (it->failed) {
			struct diag d = { DIAG_ERROR, it->line, 0, NULL };

			d.msg = xasprintf("rapport %s: matching failed in "
			    "session %s", st->o->name, it->id);
			diag_print(stderr, ev->path, &d);
			free(d.msg);
			st->rejects++;
		} else if (st->emit(it->result, st->emit_arg) != 0)
			st->stopped = 1;
		else
			st->sessions++;
		free(it->id);
		free(it);
		break;
	case BATCH_REJECT:
		st->rejects++;
		break;
	case BATCH_INPUT_END:
		break;
	}
}

int
tagrun(const struct tagrun_opts *o, char *const *args, int nargs,
    tagrun_work_fn fn, const void *work_arg, tagrun_emit_fn efn,
    void *emit_arg)
{
	struct state st = { o, NULL, fn, work_arg, efn, emit_arg,
		PTHREAD_MUTEX_INITIALIZER, 0, 0, 0, 0 };
	struct batch_ops ops = { worker_init, worker_free, work, emit, &st };
	struct batch_opts bopts = { 0 };
	struct batch_stats bst;
	struct inputs inputs = { 0 };
	analyze_ruleset *rs;
	ingest_schema *schema = NULL;
	char *why = NULL;
	int rc;

	if ((rs = analyze_ruleset_load(o->rules_dir, o->replace, &why)) ==
	    NULL) {
		fprintf(stderr, "rapport %s: broken rules:\n%s\n", o->name,
		    why != NULL ? why : "(no reason)");
		free(why);
		return EXIT_USAGE;
	}
	if (!o->no_prefilter && analyze_ruleset_prefilter(rs, &why) < 0) {
		fprintf(stderr, "rapport %s: warning: %s; every rule runs "
		    "(same results, slower)\n", o->name, why);
		free(why);
	} else if (!o->no_prefilter && getenv("RAPPORT_PREFILTER_STATS") != NULL)
		analyze_ruleset_prefilter_stats(rs, stderr);
	if (o->strict) {
		char *path = paths_schema(NULL);

		schema = ingest_schema_load(path, &why);
		free(path);
		if (schema == NULL) {
			fprintf(stderr, "rapport %s: %s\n", o->name, why);
			free(why);
			analyze_ruleset_free(rs);
			return EXIT_USAGE;
		}
	}
	st.rs = rs;
	inputs_expand(&inputs, args, nargs);
	inputs_skip(&inputs, o->skip);
	bopts.import = o->import;
	bopts.jobs = o->jobs > 0 ? o->jobs : batch_default_jobs();
	bopts.schema = schema;
	rc = batch_run(&inputs, &ops, &bopts, &bst);
	if (rc != 0)
		fprintf(stderr, "rapport %s: cannot start worker threads\n",
		    o->name);
	if (st.limit_hits > 0)
		fprintf(stderr, "rapport %s: warning: %lu pattern match%s hit "
		    "the match limit and counted as no match\n", o->name,
		    st.limit_hits, st.limit_hits == 1 ? "" : "es");
	analyze_ruleset_free(rs);
	ingest_schema_free(schema);
	inputs_free(&inputs);
	pthread_mutex_destroy(&st.lock);
	if (rc != 0 || st.stopped || (st.sessions == 0 && st.rejects > 0))
		return EXIT_NOTHING;
	return st.rejects > 0 ? EXIT_SOME_REJECTED : EXIT_ALL_OK;
}
