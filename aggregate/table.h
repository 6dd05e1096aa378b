/* table.h -- a small tidy table, written as CSV and into SQLite alike.
 *
 * The statistics outputs (clinicians.csv, cohorts.csv, agreement.csv)
 * are built once as a table of text and number cells, then rendered to a
 * CSV file and to a table of the same name in rapport.sqlite, so the two
 * can never disagree.
 */
#ifndef RAPPORT_TABLE_H
#define RAPPORT_TABLE_H

#include <stddef.h>

#include "util.h"

enum table_type { TABLE_TEXT, TABLE_REAL };

struct table_cell {
	char	*s;	/* TABLE_TEXT: owned copy, NULL when empty */
	double	 v;	/* TABLE_REAL: NaN when empty */
};

struct table {
	const char		*name;		/* "clinicians" */
	const char *const	*cols;		/* column names */
	const enum table_type	*types;
	size_t			 ncols;
	struct table_cell	*cells;		/* nrows x ncols */
	size_t			 nrows, cap;	/* cap in cells */
	size_t			 fill;		/* cells of the row being added */
};

/* Start a table; cols and types are borrowed (static tables). */
void table_init(struct table *t, const char *name, const char *const *cols,
    const enum table_type *types, size_t ncols);
/* Append the next cell of the current row; a row is complete after
 * ncols cells. The type must match the column's. */
void table_text(struct table *t, const char *s);
void table_real(struct table *t, double v);
/* CSV text: header line and one line per row. */
void table_csv(const struct table *t, strbuf *out);
void table_free(struct table *t);

#endif
