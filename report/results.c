/* results.c -- reading a results folder back for the reports (results.h). */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "measure.h"
#include "redact.h"
#include "results.h"
#include "session.h"
#include "util.h"

char *
results_str(const cJSON *o, const char *key)
{
	const cJSON *it = cJSON_GetObjectItemCaseSensitive(o, key);

	return cJSON_IsString(it) ? xstrdup(it->valuestring) : NULL;
}

double
results_range(const cJSON *o, const char *key, double lo, double hi)
{
	const cJSON *it = cJSON_GetObjectItemCaseSensitive(o, key);
	double v;

	if (!cJSON_IsNumber(it))
		return NAN;
	v = it->valuedouble;
	/* cJSON reads 1e999 as inf; a NaN fails both comparisons. */
	return isfinite(v) && v >= lo && v <= hi ? v : NAN;
}

double
results_ind_hi(const struct indicator *in)
{
	return isinf(in->hi) ? RESULTS_COUNT_MAX : in->hi;
}

double
results_ind(const cJSON *o, const char *key, const struct indicator *in)
{
	return results_range(o, key, in->lo, results_ind_hi(in));
}

double
results_count(const cJSON *o, const char *key)
{
	double v = results_range(o, key, 0, RESULTS_COUNT_MAX);

	return v == floor(v) ? v : NAN;
}

double
results_num(const cJSON *o, const char *key)
{
	return results_range(o, key, -RESULTS_COUNT_MAX, RESULTS_COUNT_MAX);
}

const cJSON *
results_get(const cJSON *o, const char *key)
{
	return o != NULL ? cJSON_GetObjectItemCaseSensitive(o, key) : NULL;
}

/* o[key] when it is an object (or an array), else NULL: a section of the
 * wrong shape is left out like a missing one, never walked. */
const cJSON *
results_obj(const cJSON *o, const char *key)
{
	const cJSON *it = results_get(o, key);

	return cJSON_IsObject(it) ? it : NULL;
}

const cJSON *
results_arr(const cJSON *o, const char *key)
{
	const cJSON *it = results_get(o, key);

	return cJSON_IsArray(it) ? it : NULL;
}

static char *
slurp(const char *path, char **why)
{
	char *text, *e = NULL;
	size_t len;

	if (read_regular_file(path, &text, &len, &e) != 0) {
		*why = xasprintf("%s: %s (is this a results folder of rapport "
		    "run?)", path, e);
		free(e);
		return NULL;
	}
	return text;
}

/* Call fn on every JSON line of DIR/name. */
static int
each_line(struct results *r, const char *name, int required,
    void (*fn)(struct results *, const cJSON *), char **why)
{
	char *path = xasprintf("%s/%s", r->dir, name), *line = NULL;
	size_t cap = 0;
	long lineno = 0;
	FILE *f = fopen(path, "r");

	if (f == NULL) {
		if (required)
			*why = xasprintf("%s: cannot read (is this a results "
			    "folder of rapport run?)", path);
		free(path);
		return required ? -1 : 0;
	}
	while (getline(&line, &cap, f) > 0) {
		cJSON *o = cJSON_Parse(line);

		lineno++;
		if (o == NULL) {
			*why = xasprintf("%s:%ld: not a JSON object", path,
			    lineno);
			fclose(f);
			free(line);
			free(path);
			return -1;
		}
		fn(r, o);
		cJSON_Delete(o);
	}
	fclose(f);
	free(line);
	free(path);
	return 0;
}

/* The name of measure key "measure_NAME", kept once in r->mnames (sorted
 * at the end by results_read). */
static const char *
measure_name(struct results *r, const char *key)
{
	const char *name = key + 8;

	for (size_t i = 0; i < r->nmnames; i++)
		if (strcmp(r->mnames[i], name) == 0)
			return r->mnames[i];
	r->mnames = xgrow(r->mnames, &r->mcap, r->nmnames + 1,
	    sizeof(*r->mnames));
	return r->mnames[r->nmnames++] = xstrdup(name);
}

static void
add_session(struct results *r, const cJSON *o)
{
	const struct indicator *in;
	const cJSON *it;
	struct rsess *s;
	size_t n;

	in = indicators_all(&n);
	r->s = xgrow(r->s, &r->scap, r->ns + 1, sizeof(*r->s));
	s = &r->s[r->ns++];
	memset(s, 0, sizeof(*s));
	s->id = results_str(o, "session");
	s->clinician = results_str(o, "clinician");
	s->cohort = results_str(o, "cohort");
	s->modality = results_str(o, "modality");
	s->date = results_str(o, "date");
	s->day = session_date_days(s->date);
	s->number = results_count(o, "number");
	for (size_t i = 0; i < n; i++)
		s->v[i] = results_ind(o, in[i].name, &in[i]);
	/* Session measures: any finite number (their scales are the
	 * instruments', not ours), at most MEASURE_MAX_NAMES of them as the
	 * run allows. */
	cJSON_ArrayForEach(it, o) {
		if (it->string == NULL || strncmp(it->string, "measure_", 8) !=
		    0 || it->string[8] == '\0' || s->nm >= MEASURE_MAX_NAMES)
			continue;
		s->m = xrealloc(s->m, (s->nm + 1) * sizeof(*s->m));
		s->m[s->nm].name = measure_name(r, it->string);
		s->m[s->nm++].value = results_num(o, it->string);
	}
	cJSON_ArrayForEach(it, results_arr(o, "events")) {
		char *type = results_str(it, "type");

		if (type == NULL)
			continue;
		s->ev = xrealloc(s->ev, (s->nev + 1) * sizeof(*s->ev));
		/* A time is at most a day's seconds times 2^53: any finite
		 * non-negative number. */
		s->ev[s->nev++] = (struct revent){ type,
			results_range(it, "start", 0, RESULTS_COUNT_MAX),
			results_range(it, "end", 0, RESULTS_COUNT_MAX) };
	}
}

static void
example_free(struct example *e)
{
	free(e->session);
	free(e->clinician);
	free(e->date);
	free(e->kind);
	free(e->text);
	free(e->term);
	free(e->plain);
}

static int
same(const char *a, const char *b)
{
	return a != NULL && b != NULL && strcmp(a, b) == 0;
}

/* The order of examples, best first (< 0: x before y): higher score (a
 * missing score last), then session id and utterance index, so equal
 * scores are chosen and shown the same way every run whatever the order
 * of examples.jsonl. */
static int
example_cmp(const struct example *x, const struct example *y)
{
	int c;

	if (isfinite(x->score) != isfinite(y->score))
		return isfinite(x->score) ? -1 : 1;
	if (isfinite(x->score) && x->score != y->score)
		return x->score > y->score ? -1 : 1;
	if ((c = strcmp(x->session ? x->session : "", y->session ?
	    y->session : "")) != 0)
		return c;
	return x->index < y->index ? -1 : x->index > y->index;
}

int
results_cmp_example(const void *a, const void *b)
{
	return example_cmp(*(const struct example *const *)a,
	    *(const struct example *const *)b);
}

/* Keep the example if it is among the EXAMPLES_SHOWN best of its
 * clinician and kind so far (example_cmp), so memory holds a few per
 * clinician, not the whole file. A text already kept (a clinician who
 * says the same sentence in several sessions) is kept once, in its best
 * instance, so the page shows different sentences; the result does not
 * depend on the order of examples.jsonl. */
static void
add_example(struct results *r, const cJSON *o)
{
	struct example e = { 0 }, *slot = NULL, *dup = NULL;
	size_t n = 0;
	char *raw;

	e.clinician = results_str(o, "clinician");
	e.kind = results_str(o, "kind");
	e.score = results_num(o, "score");
	e.session = results_str(o, "session");
	e.index = results_count(o, "index");
	for (size_t i = 0; i < r->nex; i++) {
		struct example *k = &r->ex[i];

		if (!same(k->clinician, e.clinician) || !same(k->kind, e.kind))
			continue;
		n++;
		if (slot == NULL || example_cmp(k, slot) > 0)
			slot = k;	/* the worst kept so far */
	}
	if (n >= EXAMPLES_SHOWN && example_cmp(&e, slot) >= 0) {
		example_free(&e);
		return;
	}
	/* Redacted at run time with the session's names; again here, as a
	 * second line of defence, with the patterns. */
	raw = results_str(o, "text");
	e.text = redact_text(raw != NULL ? raw : "", NULL, 0);
	free(raw);
	for (size_t i = 0; i < r->nex && dup == NULL; i++)
		if (same(r->ex[i].clinician, e.clinician) &&
		    same(r->ex[i].kind, e.kind) && same(r->ex[i].text, e.text))
			dup = &r->ex[i];
	if (dup != NULL) {
		if (example_cmp(&e, dup) >= 0) {
			example_free(&e);
			return;
		}
		slot = dup;
		example_free(slot);
	} else if (n >= EXAMPLES_SHOWN)
		example_free(slot);
	else {
		r->ex = xgrow(r->ex, &r->excap, r->nex + 1, sizeof(*r->ex));
		slot = &r->ex[r->nex++];
	}
	e.date = results_str(o, "date");
	e.term = results_str(o, "term");
	e.plain = results_str(o, "plain");
	*slot = e;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* Quantile p of sorted x[0..n) (Hyndman & Fan 1996 type 7, R's
 * default). */
static double
quantile(const double *x, size_t n, double p)
{
	double h;
	size_t lo;

	if (n == 0)
		return NAN;
	h = (double)(n - 1) * p;
	lo = (size_t)floor(h);
	return lo + 1 < n ? x[lo] + (h - (double)lo) * (x[lo + 1] - x[lo]) :
	    x[lo];
}

enum results_group
results_group_of(const char *cohort)
{
	return cohort != NULL ? RESULTS_TRAINEES : RESULTS_EXPERIENCED;
}

static int
in_group(const struct rsess *s, enum results_group g)
{
	return g == RESULTS_ALL || results_group_of(s->cohort) == g;
}

static int
cmp_strp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The distribution of every indicator in each peer group. */
static void
groups(struct results *r)
{
	double *x = xcalloc(r->ns + 1, sizeof(*x));
	char **cl = xcalloc(r->ns + 1, sizeof(*cl));

	for (int g = 0; g < RESULTS_NGROUPS; g++) {
		struct rgroup *gr = &r->group[g];
		size_t nc = 0;

		for (size_t k = 0; k < r->ns; k++)
			if (in_group(&r->s[k], g)) {
				gr->nsess++;
				if (r->s[k].clinician != NULL)
					cl[nc++] = r->s[k].clinician;
			}
		qsort(cl, nc, sizeof(*cl), cmp_strp);
		for (size_t k = 0; k < nc; k++)
			gr->nclin += k == 0 || strcmp(cl[k], cl[k - 1]) != 0;
		for (size_t i = 0; i < IND_COUNT; i++) {
			size_t n = 0;

			for (size_t k = 0; k < r->ns; k++)
				if (in_group(&r->s[k], g) &&
				    isfinite(r->s[k].v[i]))
					x[n++] = r->s[k].v[i];
			qsort(x, n, sizeof(*x), cmp_double);
			gr->n[i] = n;
			gr->min[i] = n ? x[0] : NAN;
			gr->p10[i] = quantile(x, n, 0.10);
			gr->q1[i] = quantile(x, n, 0.25);
			gr->median[i] = quantile(x, n, 0.5);
			gr->q3[i] = quantile(x, n, 0.75);
			gr->p90[i] = quantile(x, n, 0.90);
			gr->max[i] = n ? x[n - 1] : NAN;
			gr->mean[i] = gr->sd[i] = NAN;
			if (n > 0) {
				double sum = 0, ss = 0;

				for (size_t k = 0; k < n; k++)
					sum += x[k];
				gr->mean[i] = sum / (double)n;
				for (size_t k = 0; k < n; k++)
					ss += (x[k] - gr->mean[i]) *
					    (x[k] - gr->mean[i]);
				if (n > 1)
					gr->sd[i] = sqrt(ss / (double)(n - 1));
			}
		}
	}
	free(cl);
	free(x);
}

/* The order of sessions on a clinician's pages: by clinician, then day
 * (undated last), then file order, as aggregate.c orders them. */
static const struct results *sort_r;

static int
cmp_ord(const void *a, const void *b)
{
	const struct rsess *x = &sort_r->s[*(const size_t *)a];
	const struct rsess *y = &sort_r->s[*(const size_t *)b];
	size_t i = *(const size_t *)a, j = *(const size_t *)b;
	int c = strcmp(x->clinician, y->clinician);

	if (c != 0)
		return c;
	if (isfinite(x->day) != isfinite(y->day))
		return isfinite(x->day) ? -1 : 1;
	if (isfinite(x->day) && x->day != y->day)
		return x->day < y->day ? -1 : 1;
	return i < j ? -1 : i > j;
}

static void
order_sessions(struct results *r)
{
	size_t *idx = xcalloc(r->ns + 1, sizeof(*idx)), n = 0;

	for (size_t k = 0; k < r->ns; k++)
		if (r->s[k].clinician != NULL)
			idx[n++] = k;
	sort_r = r;	/* the reports run on one thread */
	qsort(idx, n, sizeof(*idx), cmp_ord);
	r->first = xcalloc(n + 2, sizeof(*r->first));
	for (size_t k = 0; k < n;) {
		size_t e = k + 1;

		while (e < n && strcmp(r->s[idx[e]].clinician,
		    r->s[idx[k]].clinician) == 0)
			e++;
		for (size_t j = k; j < e; j++) {
			r->s[idx[j]].ord = j - k + 1;
			r->s[idx[j]].of = e - k;
			r->s[idx[j]].cl = r->ncl;
		}
		r->first[r->ncl++] = k;
		k = e;
	}
	r->first[r->ncl] = n;
	r->order = idx;
	r->norder = n;
}

size_t
results_clinician(const struct results *r, const char *id)
{
	size_t lo = 0, hi = r->ncl;

	while (id != NULL && lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(r->s[r->order[r->first[mid]]].clinician, id);

		if (c == 0)
			return mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (size_t)-1;
}

void
results_free(struct results *r)
{
	for (size_t i = 0; i < r->ns; i++) {
		free(r->s[i].id);
		free(r->s[i].clinician);
		free(r->s[i].cohort);
		free(r->s[i].modality);
		free(r->s[i].date);
		free(r->s[i].m);
		for (size_t k = 0; k < r->s[i].nev; k++)
			free(r->s[i].ev[k].type);
		free(r->s[i].ev);
	}
	free(r->s);
	for (size_t i = 0; i < r->nmnames; i++)
		free(r->mnames[i]);
	free(r->mnames);
	free(r->order);
	free(r->first);
	cJSON_Delete(r->manifest);
	for (size_t i = 0; i < r->nex; i++)
		example_free(&r->ex[i]);
	free(r->ex);
	cJSON_Delete(r->corpus);
	memset(r, 0, sizeof(*r));	/* empty, as results_read() promises */
}

int
results_read(const char *dir, struct results *r, char **why)
{
	char *text, *path = xasprintf("%s/corpus.json", dir);

	memset(r, 0, sizeof(*r));
	r->dir = dir;
	text = slurp(path, why);
	free(path);
	if (text == NULL)
		return -1;
	r->corpus = cJSON_Parse(text);
	free(text);
	if (!cJSON_IsObject(r->corpus)) {
		*why = xasprintf("%s/corpus.json: not a JSON object", dir);
		results_free(r);
		return -1;
	}
	if (each_line(r, "sessions.jsonl", 1, add_session, why) != 0 ||
	    each_line(r, "examples.jsonl", 0, add_example, why) != 0) {
		results_free(r);
		return -1;
	}
	if (r->nmnames > 1)	/* mnames is NULL without measures */
		qsort(r->mnames, r->nmnames, sizeof(*r->mnames), cmp_strp);
	groups(r);
	order_sessions(r);
	/* manifest.json is optional (a folder written by hand); which rules
	 * made the tags decides whether docs/validity.csv applies. */
	path = xasprintf("%s/manifest.json", dir);
	if ((text = slurp(path, why)) != NULL) {
		r->manifest = cJSON_Parse(text);
		if (!cJSON_IsObject(r->manifest)) {
			cJSON_Delete(r->manifest);
			r->manifest = NULL;
		}
		free(text);
	} else {
		free(*why);
		*why = NULL;
	}
	free(path);
	return 0;
}
