/* aggregate_internal.h -- what aggregate.c (the statistics) and rowstore.c
 * (the temporary SQLite store of the session rows) share.
 */
#ifndef RAPPORT_AGGREGATE_INTERNAL_H
#define RAPPORT_AGGREGATE_INTERNAL_H

#include <stddef.h>

#include <sqlite3.h>

#include "aggregate.h"
#include "agree.h"
#include "indicators.h"
#include "measure.h"

enum { META_CLINICIAN = 1, META_COHORT = 3, META_DATE = 4, META_MODALITY = 5 };

/* A session measure of a row: name indexes aggregate.mnames. */
struct mvalue {
	size_t	 name;
	double	 v;
};

struct aggregate {
	const struct indicator *cols;
	size_t		 ncols;
	sqlite3		*db;		/* the row store */
	sqlite3_stmt	*ins, *has, *get;
	char		*error;		/* the store's first error */
	size_t		 n;
	char	       **mnames;	/* session measure names, in order seen */
	size_t		 nm, mcap;
	unsigned long	*lag;
	size_t		 lagrows, lagcols;
	struct agree_total agree;
	/* The row aggregate_session() returned last. */
	char		*rmeta[MEASURE_NMETA];
	double		*rv;
	struct mvalue	*rmv;
	size_t		 rmvcap;
};

/* The columns of every SELECT of rows (row_read()). */
#define ROW_COLS "seq, session, clinician, client, cohort, date, modality, " \
	"number, v, mv"
/* The order of a clinician's sessions: by date, dateless ones last, ties
 * in input order. */
#define CLIN_ORDER "clinician, day IS NULL, day, seq"

struct sess {
	/* The metadata of the row, in measure.h's order: session,
	 * clinician, client, cohort, date, modality, number. */
	char	*meta[MEASURE_NMETA];
	double	 day;		/* days since 1970-01-01; NaN without date */
	size_t	 cl;		/* index into the sorted clinicians */
};

/* Rows of one group (a clinician's, a cohort month's) in memory. */
struct rows {
	struct sess	*s;
	size_t		 n, cap;
	double		*v;		/* n x ncols */
	size_t		 vcap;
};

/* Record the store's first error ("temporary row store: WHAT: ..."). */
void agg_fail(aggregate *a, const char *what);
/* A prepared statement, or NULL with the error recorded. */
sqlite3_stmt *agg_prepare(aggregate *a, const char *sql);
/* Step st (NULL is an error): 1 a row, 0 the end, -1 an error (recorded). */
int agg_step(aggregate *a, sqlite3_stmt *st);
/* Column i of the row at st as a malloc'ed string, or NULL. */
char *agg_text(sqlite3_stmt *st, int i);
/* Indicator c, and session measure m, of the row at st (ROW_COLS). */
double agg_value(const aggregate *a, sqlite3_stmt *st, size_t c);
double agg_measure(sqlite3_stmt *st, size_t m);
/* Append the row at st (ROW_COLS) to r; its cl indexes the sorted
 * clinician names cl[0..ncl). */
void agg_rows_push(const aggregate *a, struct rows *r, sqlite3_stmt *st,
    const char *const *cl, size_t ncl);
void agg_rows_clear(struct rows *r);
void agg_rows_free(struct rows *r);
/* The index of s in the sorted names v[0..n), or (size_t)-1. */
size_t agg_find(const char *const *v, size_t n, const char *s);

#endif
