/* measure.h -- per-session indicators (DESIGN.md section 5, interface).
 *
 * measure_columns() is the one table of sessions.csv's numeric columns:
 * the CSV and JSONL writers, the SQLite schema and the statistics all
 * iterate it, so a column is added in one place.
 */
#ifndef RAPPORT_MEASURE_H
#define RAPPORT_MEASURE_H

#include <stddef.h>

#include "analyze.h"
#include "session.h"

enum measure_type {
	MEASURE_COUNT,	/* a whole number */
	MEASURE_REAL	/* a ratio or score; NaN when undefined */
};

struct measure_column {
	const char		*name;
	enum measure_type	 type;
	const char		*doc;	/* definition, with its source */
};

/* The metadata columns that lead every session row. */
#define MEASURE_META_COLUMNS \
	"session", "clinician", "client", "cohort", "date", "modality", "number"
#define MEASURE_NMETA 7

struct measure_row {
	char	*meta[MEASURE_NMETA];	/* NULL when absent; number as text */
	double	*v;			/* one per measure_columns() */
	char   **mnames;		/* session measures: measure_<name> */
	double	*mvalues;
	size_t	 nmeasures;
};

/* The numeric columns in output order; *n gets their number. */
const struct measure_column *measure_columns(size_t *n);
/* The metadata column names, MEASURE_NMETA of them. */
const char *const *measure_meta_names(void);
/* Index of the numeric column named name, or -1. */
int measure_column_index(const char *name);

/* Fill row from session s and its tags r. Returns 0. Free with
 * measure_row_free(). */
int measure_session(const session *s, const struct analyze_result *r,
    struct measure_row *row);
void measure_row_free(struct measure_row *row);

#endif
