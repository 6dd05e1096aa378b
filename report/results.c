/* results.c -- reading a results folder back for the reports (results.h). */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

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
	FILE *f = fopen(path, "rb");
	strbuf b = { 0 };
	char buf[65536];
	size_t n;

	if (f == NULL) {
		*why = xasprintf("%s: cannot read (is this a results folder "
		    "of rapport run?)", path);
		return NULL;
	}
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		strbuf_add(&b, buf, n);
	fclose(f);
	return b.s != NULL ? strbuf_release(&b) : xstrdup("");
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

static void
add_session(struct results *r, const cJSON *o)
{
	struct rsess *s;

	r->s = xgrow(r->s, &r->scap, r->ns + 1, sizeof(*r->s));
	s = &r->s[r->ns++];
	s->id = results_str(o, "session");
	s->clinician = results_str(o, "clinician");
	s->cohort = results_str(o, "cohort");
	s->modality = results_str(o, "modality");
	s->date = results_str(o, "date");
	s->day = session_date_days(s->date);
	for (size_t i = 0; i < NHEAD; i++)
		s->v[i] = results_ind(o, indicators_headline()[i]->name,
		    indicators_headline()[i]);
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

static void
quartiles(struct results *r)
{
	double *x = xcalloc(r->ns + 1, sizeof(*x));

	for (size_t i = 0; i < NHEAD; i++) {
		size_t n = 0;

		for (size_t k = 0; k < r->ns; k++)
			if (isfinite(r->s[k].v[i]))
				x[n++] = r->s[k].v[i];
		qsort(x, n, sizeof(*x), cmp_double);
		r->q1[i] = quantile(x, n, 0.25);
		r->median[i] = quantile(x, n, 0.5);
		r->q3[i] = quantile(x, n, 0.75);
	}
	free(x);
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
	}
	free(r->s);
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
	quartiles(r);
	return 0;
}
