/* table.c -- tidy tables rendered as CSV (see table.h). */
#include "config.h"

#include <assert.h>
#include <math.h>
#include <stdlib.h>

#include "fmt.h"
#include "table.h"

void
table_init(struct table *t, const char *name, const char *const *cols,
    const enum table_type *types, size_t ncols)
{
	*t = (struct table){ .name = name, .cols = cols, .types = types,
	    .ncols = ncols };
}

static struct table_cell *
next_cell(struct table *t, enum table_type type)
{
	size_t i = t->nrows * t->ncols + t->fill;

	assert(t->types[t->fill] == type);
	t->cells = xgrow(t->cells, &t->cap, i + 1, sizeof(*t->cells));
	if (++t->fill == t->ncols) {
		t->fill = 0;
		t->nrows++;
	}
	return &t->cells[i];
}

void
table_text(struct table *t, const char *s)
{
	struct table_cell *c = next_cell(t, TABLE_TEXT);

	c->s = s != NULL ? xstrdup(s) : NULL;
	c->v = NAN;
}

void
table_real(struct table *t, double v)
{
	struct table_cell *c = next_cell(t, TABLE_REAL);

	c->s = NULL;
	c->v = v;
}

void
table_csv(const struct table *t, strbuf *out)
{
	for (size_t j = 0; j < t->ncols; j++) {
		if (j > 0)
			strbuf_addc(out, ',');
		fmt_csv_str(out, t->cols[j]);
	}
	strbuf_addc(out, '\n');
	for (size_t i = 0; i < t->nrows; i++) {
		for (size_t j = 0; j < t->ncols; j++) {
			const struct table_cell *c = &t->cells[i * t->ncols + j];

			if (j > 0)
				strbuf_addc(out, ',');
			if (t->types[j] == TABLE_TEXT)
				fmt_csv_str(out, c->s);
			else
				fmt_csv_num(out, c->v);
		}
		strbuf_addc(out, '\n');
	}
}

void
table_free(struct table *t)
{
	size_t n = t->nrows * t->ncols + t->fill;

	for (size_t i = 0; i < n; i++)
		free(t->cells[i].s);
	free(t->cells);
	t->cells = NULL;
	t->nrows = t->cap = t->fill = 0;
}
