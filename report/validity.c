/* validity.c -- docs/validity.csv read for the reports (validity.h). */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "csvread.h"
#include "paths.h"
#include "util.h"
#include "validity.h"

static double
number(const char *s, int count)
{
	char *end;
	double v;

	if (s == NULL || *s == '\0')
		return NAN;
	errno = 0;
	v = strtod(s, &end);
	if (*end != '\0' || errno != 0 || !isfinite(v))
		return NAN;
	if (count && (v < 0 || v != floor(v)))
		return NAN;
	return v;
}

int
validity_load(const char *path, struct validity *v, char **why)
{
	char *p = path != NULL ? xstrdup(path) : paths_validity();
	char **f;
	size_t n, cap = 0;
	long line;
	csvread *cr;
	struct stat st;
	int rc, header = 1;

	memset(v, 0, sizeof(*v));
	if (stat(p, &st) != 0 && errno == ENOENT) {
		free(p);
		return 0;	/* not measured */
	}
	if ((cr = csvread_open(p, p, why)) == NULL) {
		free(p);
		return -1;
	}
	while ((rc = csvread_next(cr, &f, &n, &line, why)) != 0) {
		struct validity_row *r;

		if (rc < 0) {
			free(*why);	/* one bad row is skipped, not fatal */
			*why = NULL;
			continue;
		}
		if (header) {
			header = 0;
			if (n > 0 && strcmp(f[0], "indicator_or_tag") == 0)
				continue;
		}
		if (n != 5 || *f[0] == '\0' || *f[1] == '\0')
			continue;
		v->rows = xgrow(v->rows, &cap, v->n + 1, sizeof(*v->rows));
		r = &v->rows[v->n++];
		r->what = xstrdup(f[0]);
		r->measure = xstrdup(f[1]);
		r->value = number(f[2], 0);
		r->dataset = xstrdup(f[3]);
		r->n = number(f[4], 1);
	}
	csvread_close(cr);
	v->path = p;
	return 0;
}

void
validity_free(struct validity *v)
{
	for (size_t i = 0; i < v->n; i++) {
		free(v->rows[i].what);
		free(v->rows[i].measure);
		free(v->rows[i].dataset);
	}
	free(v->rows);
	free(v->path);
	memset(v, 0, sizeof(*v));
}

void
validity_applies(struct validity *v, const cJSON *manifest)
{
	const cJSON *rules = cJSON_GetObjectItemCaseSensitive(manifest,
	    "rules");

	if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(rules, "replace")))
		v->not_applicable = "this run replaced the bundled rules "
		    "(--replace-rules); validity was measured for the bundled "
		    "rules";
}

/* Is row a better choice than best: a held-out dataset first, then more
 * units, then the lower value (the cautious one), then the dataset's
 * name (a fixed order whatever the file's). */
static int
better(const struct validity_row *row, const struct validity_row *best)
{
	int h = strstr(row->dataset, "held") != NULL;
	int hb = strstr(best->dataset, "held") != NULL;
	double n = isnan(row->n) ? -1 : row->n, nb = isnan(best->n) ? -1 :
	    best->n;

	if (h != hb)
		return h;
	if (n != nb)
		return n > nb;
	if (row->value != best->value && !isnan(row->value) &&
	    !isnan(best->value))
		return row->value < best->value;
	return strcmp(row->dataset, best->dataset) < 0;
}

const struct validity_row *
validity_find(const struct validity *v, const char *what, const char *measure)
{
	const struct validity_row *best = NULL;

	if (v->not_applicable != NULL || what == NULL)
		return NULL;
	for (size_t i = 0; i < v->n; i++) {
		const struct validity_row *r = &v->rows[i];

		if (strcmp(r->what, what) != 0 || strcmp(r->measure,
		    measure) != 0)
			continue;
		if (best == NULL || better(r, best))
			best = r;
	}
	return best;
}

const struct validity_row *
validity_session_r(const struct validity *v, const char *what)
{
	return validity_find(v, what, "pearson_r");
}

int
validity_experimental(const struct validity *v, const char *what)
{
	const struct validity_row *r = validity_session_r(v, what);

	return r != NULL && !(r->value >= VALIDITY_MIN_R);
}
