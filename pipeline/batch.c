/* batch.c -- a worker pool over inputs with in-order emission.
 *
 * One mutex guards everything shared: the next input to take, and per
 * input a FIFO of events ("slot") with a done flag. Workers append to the
 * slot of the input they read; the calling thread drains slot 0, then
 * slot 1, and so on. A worker whose input is ahead of the one being
 * drained waits once its slot holds BATCH_AHEAD events. The worker of the
 * input being drained never waits, and inputs are taken in order, so the
 * input being drained always has a running worker: no deadlock.
 */
#include "config.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "batch.h"
#include "util.h"

struct item {
	struct item		*next;
	struct batch_event	 ev;
};

struct slot {
	struct item	*head, *tail;
	size_t		 n;
	int		 done;
};

struct pool {
	pthread_mutex_t			 lock;
	pthread_cond_t			 can_emit;	/* a slot got an item */
	pthread_cond_t			 can_work;	/* the writer moved on */
	const struct inputs		*in;
	const struct batch_ops		*ops;
	const struct batch_opts		*opts;
	struct slot			*slots;
	size_t				 next_input;
	size_t				 emitting;
	int				 writer_waits;	/* on can_emit */
	int				 workers_wait;	/* on can_work */
	unsigned long long		 bytes_read;	/* all workers */
};

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static struct diag *
copy_diags(const struct diag *d, size_t n)
{
	struct diag *v;

	if (n == 0)
		return NULL;
	v = xcalloc(n, sizeof(*v));
	for (size_t i = 0; i < n; i++) {
		v[i] = d[i];
		v[i].msg = xstrdup(d[i].msg);
	}
	return v;
}

static void
free_diags(struct diag *d, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(d[i].msg);
	free(d);
}

/* Append ev to the slot of its input; wait while that input is ahead of
 * the writer and its slot is full. */
static void
push(struct pool *p, const struct batch_event *ev, unsigned long long delta)
{
	struct item *it = xcalloc(1, sizeof(*it));
	struct slot *s = &p->slots[ev->input];

	it->ev = *ev;
	pthread_mutex_lock(&p->lock);
	p->bytes_read += delta;
	if (s->tail != NULL)
		s->tail->next = it;
	else
		s->head = it;
	s->tail = it;
	s->n++;
	if (ev->kind == BATCH_INPUT_END)
		s->done = 1;
	/* Wake the writer only when it waits for this very input. */
	if (p->writer_waits && ev->input == p->emitting)
		pthread_cond_signal(&p->can_emit);
	while (ev->kind != BATCH_INPUT_END && ev->input != p->emitting &&
	    s->n >= BATCH_AHEAD) {
		p->workers_wait++;
		pthread_cond_wait(&p->can_work, &p->lock);
		p->workers_wait--;
	}
	pthread_mutex_unlock(&p->lock);
}

static void
push_reject(struct pool *p, size_t i, const char *path, const char *why)
{
	struct batch_event ev = { .kind = BATCH_REJECT, .input = i,
		.path = path };

	ev.diags = xcalloc(1, sizeof(*ev.diags));
	ev.diags[0].severity = DIAG_ERROR;
	ev.diags[0].msg = xstrdup(why);
	ev.ndiags = 1;
	push(p, &ev, 0);
}

/* Read input i and push its events. */
static void
do_input(struct pool *p, void *state, size_t i)
{
	const struct inputs_item *item = &p->in->v[i];
	const char *path = strcmp(item->path, "-") == 0 ? "<stdin>" :
	    item->path;
	struct batch_event end = { .kind = BATCH_INPUT_END, .input = i,
		.path = path, .sha256 = NULL };
	unsigned long long seen = 0;
	char *why = NULL;
	ingest *in;
	int r;

	if (item->why != NULL) {
		push_reject(p, i, path, item->why);
		push(p, &end, 0);
		return;
	}
	if ((in = ingest_open(item->path, path, p->opts->schema,
	    p->opts->import, &why)) ==
	    NULL) {
		push_reject(p, i, path, why);
		free(why);
		push(p, &end, 0);
		return;
	}
	do {
		struct batch_event ev = { .input = i, .path = path };
		const struct diag *d;
		session *s = NULL;
		unsigned long long bytes;

		r = ingest_next(in, &s);
		d = ingest_diags(in, &ev.ndiags);
		ev.diags = copy_diags(d, ev.ndiags);
		bytes = ingest_bytes(in);
		if (r == 1) {
			ev.kind = BATCH_SESSION;
			ev.result = p->ops->work(state, s);
			session_free(s);
			end.nsessions++;
		} else if (r == 2 || r < 0) {
			ev.kind = BATCH_REJECT;
		} else if (ev.ndiags > 0) {
			/* Warnings about the input as a whole: keep them with
			 * the end of the input. */
			end.diags = ev.diags;
			end.ndiags = ev.ndiags;
			break;
		} else
			break;
		push(p, &ev, bytes - seen);
		seen = bytes;
	} while (r > 0);
	end.sha256 = xstrdup(ingest_sha256(in));
	end.bytes = ingest_bytes(in);
	push(p, &end, end.bytes - seen);
	ingest_close(in);
}

static void *
worker(void *arg)
{
	struct pool *p = arg;
	void *state = p->ops->worker_init != NULL ?
	    p->ops->worker_init(p->ops->arg) : NULL;

	for (;;) {
		size_t i;

		pthread_mutex_lock(&p->lock);
		i = p->next_input++;
		pthread_mutex_unlock(&p->lock);
		if (i >= p->in->n)
			break;
		do_input(p, state, i);
	}
	if (p->ops->worker_free != NULL)
		p->ops->worker_free(state);
	return NULL;
}

static unsigned long long
total_bytes(const struct inputs *in)
{
	unsigned long long total = 0;
	struct stat st;

	for (size_t i = 0; i < in->n; i++)
		if (in->v[i].why == NULL && strcmp(in->v[i].path, "-") != 0 &&
		    stat(in->v[i].path, &st) == 0)
			total += (unsigned long long)st.st_size;
	return total;
}

static void
draw_progress(const struct pool *p, const struct batch_stats *st,
    unsigned long long total, double start)
{
	double t = now() - start, mb = (double)p->bytes_read / 1e6;
	double rate = t > 0 ? mb / t : 0;
	char eta[32] = "--";

	if (rate > 0 && total > p->bytes_read) {
		double left = (double)(total - p->bytes_read) / 1e6 / rate;

		snprintf(eta, sizeof(eta), "%d:%02d", (int)left / 60,
		    (int)left % 60);
	} else if (total > 0 && p->bytes_read >= total)
		snprintf(eta, sizeof(eta), "0:00");
	fprintf(stderr, "\r\033[Krapport: %zu/%zu inputs, %zu sessions, "
	    "%zu rejects, %.1f MB/s, ETA %s", p->emitting, p->in->n,
	    st->sessions, st->rejects, rate, eta);
	fflush(stderr);
}

int
batch_run(const struct inputs *in, const struct batch_ops *ops,
    const struct batch_opts *opts, struct batch_stats *st)
{
	struct pool p;
	pthread_t *threads;
	int jobs = opts->jobs < 1 ? 1 : opts->jobs, started = 0;
	unsigned long long total = opts->progress ? total_bytes(in) : 0;
	double start = now(), last_draw = 0;

	memset(st, 0, sizeof(*st));
	memset(&p, 0, sizeof(p));
	pthread_mutex_init(&p.lock, NULL);
	pthread_cond_init(&p.can_emit, NULL);
	pthread_cond_init(&p.can_work, NULL);
	p.in = in;
	p.ops = ops;
	p.opts = opts;
	p.slots = xcalloc(in->n ? in->n : 1, sizeof(*p.slots));
	if ((size_t)jobs > in->n && in->n > 0)
		jobs = (int)in->n;
	threads = xcalloc((size_t)jobs, sizeof(*threads));
	for (int i = 0; i < jobs; i++) {
		if (pthread_create(&threads[i], NULL, worker, &p) != 0)
			break;
		started++;
	}
	if (started == 0 && in->n > 0) {
		free(threads);
		free(p.slots);
		return -1;
	}

	pthread_mutex_lock(&p.lock);
	while (p.emitting < in->n) {
		struct slot *s = &p.slots[p.emitting];
		struct item *it;

		if (s->head == NULL) {
			p.writer_waits = 1;
			if (opts->progress) {
				struct timespec ts;

				clock_gettime(CLOCK_REALTIME, &ts);
				ts.tv_nsec += 100 * 1000 * 1000;
				if (ts.tv_nsec >= 1000000000L)
					ts.tv_sec++, ts.tv_nsec -= 1000000000L;
				pthread_cond_timedwait(&p.can_emit, &p.lock, &ts);
			} else
				pthread_cond_wait(&p.can_emit, &p.lock);
			p.writer_waits = 0;
		} else {
			it = s->head;
			s->head = it->next;
			if (s->head == NULL)
				s->tail = NULL;
			s->n--;
			pthread_mutex_unlock(&p.lock);

			ops->emit(ops->arg, &it->ev);
			if (it->ev.kind == BATCH_SESSION)
				st->sessions++;
			else if (it->ev.kind == BATCH_REJECT)
				st->rejects++;
			else {
				st->inputs++;
				st->bytes += it->ev.bytes;
				free((char *)it->ev.sha256);
			}
			free_diags(it->ev.diags, it->ev.ndiags);

			pthread_mutex_lock(&p.lock);
			if (it->ev.kind == BATCH_INPUT_END)
				p.emitting++;
			if (p.workers_wait > 0)
				pthread_cond_broadcast(&p.can_work);
			free(it);
		}
		if (opts->progress && now() - last_draw >= 0.1) {
			draw_progress(&p, st, total, start);
			last_draw = now();
		}
	}
	pthread_mutex_unlock(&p.lock);
	for (int i = 0; i < started; i++)
		pthread_join(threads[i], NULL);
	if (opts->progress) {
		draw_progress(&p, st, total, start);
		fputs("\r\033[K", stderr);
	}
	st->seconds = now() - start;
	free(threads);
	free(p.slots);
	pthread_cond_destroy(&p.can_work);
	pthread_cond_destroy(&p.can_emit);
	pthread_mutex_destroy(&p.lock);
	return 0;
}

int
batch_default_jobs(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : n > 256 ? 256 : (int)n;
}
