/* lag.c -- lag-1 transition tables (see lag.h). */
#include "config.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "fmt.h"
#include "lag.h"
#include "stats.h"
#include "tags.h"

#define LAG_MAX 64

static int row_tag[LAG_MAX], col_tag[LAG_MAX];
static size_t nrows, ncols;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static int
is_leaf(const struct tags_entry *vocab, size_t n, size_t i)
{
	for (size_t k = 0; k < n; k++)
		if (vocab[k].parent == (int)i)
			return 0;
	return 1;
}

static void
init(void)
{
	size_t n;
	const struct tags_entry *vocab = tags_all(&n);

	for (size_t i = 0; i < n && i < LAG_MAX - 1; i++) {
		if (!is_leaf(vocab, n, i))
			continue;
		if (vocab[i].side == SIDE_THERAPIST)
			row_tag[nrows++] = (int)i;
		else if (vocab[i].side == SIDE_CLIENT)
			col_tag[ncols++] = (int)i;
	}
	row_tag[nrows++] = -1;
	col_tag[ncols++] = -1;
}

void
lag_dims(size_t *rows, size_t *cols)
{
	pthread_once(&once, init);
	*rows = nrows;
	*cols = ncols;
}

static const char *
name(int tag)
{
	size_t n;

	return tag < 0 ? "none" : tags_all(&n)[tag].name;
}

const char *
lag_row_name(size_t i)
{
	pthread_once(&once, init);
	return i < nrows ? name(row_tag[i]) : NULL;
}

const char *
lag_col_name(size_t j)
{
	pthread_once(&once, init);
	return j < ncols ? name(col_tag[j]) : NULL;
}

/* Indices (into row_tag or col_tag) of the tags on u; "none" when none. */
static size_t
present(const struct analyze_utt *u, const int *which, size_t n, size_t *out)
{
	size_t k = 0;

	for (size_t i = 0; i + 1 < n; i++)
		if (analyze_has(u, which[i]))
			out[k++] = i;
	if (k == 0)
		out[k++] = n - 1;
	return k;
}

void
lag_session(const session *s, const struct analyze_result *r,
    unsigned long *counts)
{
	size_t rs[LAG_MAX], cs[LAG_MAX];

	pthread_once(&once, init);
	for (size_t i = 0; i + 1 < s->nutts; i++) {
		size_t nr, nc;

		if (s->utts[i].side != SIDE_THERAPIST ||
		    s->utts[i + 1].side != SIDE_CLIENT)
			continue;
		nr = present(&r->utts[i], row_tag, nrows, rs);
		nc = present(&r->utts[i + 1], col_tag, ncols, cs);
		for (size_t a = 0; a < nr; a++)
			for (size_t b = 0; b < nc; b++)
				counts[rs[a] * ncols + cs[b]]++;
	}
}

void
lag_json(const unsigned long *counts, strbuf *b)
{
	struct stats_lag_cell *cell;

	pthread_once(&once, init);
	cell = xcalloc(nrows * ncols, sizeof(*cell));
	stats_lag1(counts, nrows, ncols, cell);
	strbuf_adds(b, "{\n    \"from\": [");
	for (size_t i = 0; i < nrows; i++) {
		strbuf_adds(b, i ? ", " : "");
		fmt_json_str(b, lag_row_name(i));
	}
	strbuf_adds(b, "],\n    \"to\": [");
	for (size_t j = 0; j < ncols; j++) {
		strbuf_adds(b, j ? ", " : "");
		fmt_json_str(b, lag_col_name(j));
	}
	strbuf_adds(b, "],\n    \"cells\": [");
	for (size_t i = 0; i < nrows; i++)
		for (size_t j = 0; j < ncols; j++) {
			const struct stats_lag_cell *c = &cell[i * ncols + j];

			strbuf_adds(b, i + j ? ",\n      {\"from\": " :
			    "\n      {\"from\": ");
			fmt_json_str(b, lag_row_name(i));
			strbuf_adds(b, ", \"to\": ");
			fmt_json_str(b, lag_col_name(j));
			strbuf_addf(b, ", \"count\": %lu, \"expected\": ", c->count);
			fmt_json_num(b, c->expected);
			strbuf_adds(b, ", \"probability\": ");
			fmt_json_num(b, c->prob);
			strbuf_adds(b, ", \"adjusted_residual\": ");
			fmt_json_num(b, c->z);
			strbuf_adds(b, ", \"yules_q\": ");
			fmt_json_num(b, c->yule_q);
			strbuf_addc(b, '}');
		}
	strbuf_adds(b, "\n    ]\n  }");
	free(cell);
}
