/* rowstore.c -- the session rows of the aggregate in a temporary SQLite
 * database (aggregate.h, aggregate_internal.h).
 *
 * aggregate_add() appends each row to a private temporary on-disk
 * database (sqlite3_open_v2 with an empty name: "a private, temporary
 * on-disk database ... automatically deleted as soon as the database
 * connection is closed", https://sqlite.org/inmemorydb.html) with a small
 * page cache; aggregate.c reads it back in ordered passes. Indicator
 * values travel as a BLOB of doubles, not REAL columns: SQLite stores NaN
 * as NULL and may store an integral REAL as an integer
 * (https://sqlite.org/datatype3.html, "REAL affinity"), which would turn
 * -0.0 into 0; a BLOB keeps every bit.
 */
#include "config.h"

#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "aggregate.h"
#include "aggregate_internal.h"
#include "lag.h"
#include "session.h"
#include "util.h"

/* The page cache of the row store, in KiB (PRAGMA cache_size = -N):
 * enough for the B-tree's inner pages, small beside the rest of a run. */
#define STORE_CACHE_KIB 2048

void
agg_fail(aggregate *a, const char *what)
{
	if (a->error == NULL)
		a->error = xasprintf("temporary row store: %s: %s", what,
		    a->db != NULL ? sqlite3_errmsg(a->db) : "out of memory");
}

sqlite3_stmt *
agg_prepare(aggregate *a, const char *sql)
{
	sqlite3_stmt *st = NULL;

	if (a->error == NULL && sqlite3_prepare_v2(a->db, sql, -1, &st,
	    NULL) != SQLITE_OK) {
		agg_fail(a, "prepare");
		sqlite3_finalize(st);
		st = NULL;
	}
	return st;
}

/* Step st; 1 for a row, 0 at the end, -1 on an error (recorded). */
int
agg_step(aggregate *a, sqlite3_stmt *st)
{
	int rc;

	if (st == NULL)
		return -1;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	agg_fail(a, "read");
	return -1;
}

aggregate *
aggregate_create(void)
{
	aggregate *a = xcalloc(1, sizeof(*a));
	char sql[512];

	a->cols = indicators_all(&a->ncols);
	lag_dims(&a->lagrows, &a->lagcols);
	a->lag = xcalloc(a->lagrows * a->lagcols, sizeof(*a->lag));
	a->rv = xcalloc(a->ncols + 1, sizeof(*a->rv));
	snprintf(sql, sizeof(sql), "PRAGMA journal_mode = OFF; "
	    "PRAGMA synchronous = OFF; PRAGMA temp_store = FILE; "
	    "PRAGMA cache_size = -%d; BEGIN; "
	    "CREATE TABLE s (seq INTEGER PRIMARY KEY, session TEXT UNIQUE, "
	    "clinician TEXT, client TEXT, cohort TEXT, date TEXT, "
	    "modality TEXT, number TEXT, day REAL, v BLOB, mv BLOB, "
	    "ap BLOB);",
	    STORE_CACHE_KIB);
	if (sqlite3_open_v2("", &a->db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
		agg_fail(a, "open");
	else if (sqlite3_exec(a->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		agg_fail(a, "create");
	a->ins = agg_prepare(a, "INSERT INTO s VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
	    "?, ?, ?, ?)");
	a->has = agg_prepare(a, "SELECT 1 FROM s WHERE session = ?");
	a->get = agg_prepare(a, "SELECT " ROW_COLS " FROM s WHERE seq = ?");
	return a;
}

const char *
aggregate_error(const aggregate *a)
{
	return a->error;
}

int
aggregate_contains(aggregate *a, const char *session_id)
{
	int rc;

	if (a->has == NULL || session_id == NULL)
		return 0;
	sqlite3_bind_text(a->has, 1, session_id, -1, SQLITE_STATIC);
	rc = agg_step(a, a->has);
	sqlite3_reset(a->has);
	return rc == 1;
}

static void
bind_text_or_null(sqlite3_stmt *st, int i, const char *s)
{
	if (s != NULL)
		sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

void
aggregate_add(aggregate *a, const struct measure_row *row,
    const unsigned long *lag, const struct agree_counts *ac)
{
	struct mvalue *mv = xcalloc(row->nmeasures + 1, sizeof(*mv));
	double day = session_date_days(row->meta[META_DATE]);
	unsigned long *ap = NULL;
	size_t nap = 0;

	/* A coded session's agreement pairs (analyzer and human counts per
	 * tag) wait in the store for the ICC(2,1) at the end; the additive
	 * counts are summed here. */
	if (ac != NULL && ac->coded) {
		nap = 2 * ac->ntags;
		ap = xcalloc(nap + 1, sizeof(*ap));
		memcpy(ap, ac->machine, ac->ntags * sizeof(*ap));
		memcpy(ap + ac->ntags, ac->human, ac->ntags * sizeof(*ap));
	}

	for (size_t i = 0; i < row->nmeasures; i++) {
		size_t k;

		for (k = 0; k < a->nm; k++)
			if (strcmp(a->mnames[k], row->mnames[i]) == 0)
				break;
		if (k == a->nm) {
			a->mnames = xgrow(a->mnames, &a->mcap, a->nm + 1,
			    sizeof(*a->mnames));
			a->mnames[a->nm++] = xstrdup(row->mnames[i]);
		}
		mv[i] = (struct mvalue){ k, row->mvalues[i] };
	}
	if (a->ins != NULL) {
		sqlite3_bind_int64(a->ins, 1, (sqlite3_int64)a->n);
		for (int i = 0; i < MEASURE_NMETA; i++)
			bind_text_or_null(a->ins, i + 2, row->meta[i]);
		if (isfinite(day))
			sqlite3_bind_double(a->ins, MEASURE_NMETA + 2, day);
		else
			sqlite3_bind_null(a->ins, MEASURE_NMETA + 2);
		sqlite3_bind_blob(a->ins, MEASURE_NMETA + 3, row->v,
		    (int)(a->ncols * sizeof(*row->v)), SQLITE_STATIC);
		sqlite3_bind_blob(a->ins, MEASURE_NMETA + 4, mv,
		    (int)(row->nmeasures * sizeof(*mv)), SQLITE_STATIC);
		if (ap != NULL)
			sqlite3_bind_blob(a->ins, MEASURE_NMETA + 5, ap,
			    (int)(nap * sizeof(*ap)), SQLITE_STATIC);
		else
			sqlite3_bind_null(a->ins, MEASURE_NMETA + 5);
		if (sqlite3_step(a->ins) != SQLITE_DONE)
			agg_fail(a, "write");
		sqlite3_reset(a->ins);
		sqlite3_clear_bindings(a->ins);
	}
	free(mv);
	free(ap);
	for (size_t i = 0; lag != NULL && i < a->lagrows * a->lagcols; i++)
		a->lag[i] += lag[i];
	if (ac != NULL)
		agree_total_count(&a->agree, ac);
	a->n++;
}

char *
agg_text(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	return t != NULL ? xstrdup((const char *)t) : NULL;
}

/* Indicator c of the row at st (the blob of column 8), exactly as
 * added. */
double
agg_value(const aggregate *a, sqlite3_stmt *st, size_t c)
{
	const double *v = sqlite3_column_blob(st, 8);
	double x;

	if (v == NULL || (size_t)sqlite3_column_bytes(st, 8) !=
	    a->ncols * sizeof(double))
		return NAN;
	memcpy(&x, (const char *)v + c * sizeof(double), sizeof(x));
	return x;
}

void
agg_rows_clear(struct rows *r)
{
	for (size_t i = 0; i < r->n; i++)
		for (size_t k = 0; k < MEASURE_NMETA; k++)
			free(r->s[i].meta[k]);
	r->n = 0;
}

void
agg_rows_free(struct rows *r)
{
	agg_rows_clear(r);
	free(r->s);
	free(r->v);
	memset(r, 0, sizeof(*r));
}

/* Append the row at st (ROW_COLS) to r; cl from the clinician names. */
void
agg_rows_push(const aggregate *a, struct rows *r, sqlite3_stmt *st,
    const char *const *cl, size_t ncl)
{
	struct sess *s;
	const void *blob;

	r->s = xgrow(r->s, &r->cap, r->n + 1, sizeof(*r->s));
	r->v = xgrow(r->v, &r->vcap, (r->n + 1) * a->ncols, sizeof(*r->v));
	s = &r->s[r->n];
	for (int i = 0; i < MEASURE_NMETA; i++)
		s->meta[i] = agg_text(st, i + 1);
	s->day = session_date_days(s->meta[META_DATE]);
	s->cl = agg_find(cl, ncl, s->meta[META_CLINICIAN]);
	blob = sqlite3_column_blob(st, 8);
	if (blob != NULL && (size_t)sqlite3_column_bytes(st, 8) ==
	    a->ncols * sizeof(double))
		memcpy(r->v + r->n * a->ncols, blob, a->ncols * sizeof(double));
	else
		for (size_t c = 0; c < a->ncols; c++)
			r->v[r->n * a->ncols + c] = NAN;
	r->n++;
}

static int
cmp_str(const void *x, const void *y)
{
	return strcmp(*(char *const *)x, *(char *const *)y);
}

size_t
agg_find(const char *const *v, size_t n, const char *s)
{
	const char *const *p;

	if (s == NULL)
		return (size_t)-1;
	p = bsearch(&s, v, n, sizeof(*v), cmp_str);
	return p ? (size_t)(p - v) : (size_t)-1;
}

/* Measure m of the row at st (its blob of measures, column 9), or NaN. */
double
agg_measure(sqlite3_stmt *st, size_t m)
{
	const char *p = sqlite3_column_blob(st, 9);
	size_t n = (size_t)sqlite3_column_bytes(st, 9) / sizeof(struct mvalue);

	for (size_t i = 0; p != NULL && i < n; i++) {
		struct mvalue mv;

		memcpy(&mv, p + i * sizeof(mv), sizeof(mv));
		if (mv.name == m)
			return mv.v;
	}
	return NAN;
}

size_t
aggregate_nsessions(const aggregate *a)
{
	return a->n;
}

const char *const *
aggregate_measure_names(const aggregate *a, size_t *n)
{
	*n = a->nm;
	return (const char *const *)a->mnames;
}

int
aggregate_session(aggregate *a, size_t i, struct aggregate_row *out)
{
	const void *blob;
	size_t nmv;
	int rc;

	for (size_t k = 0; k < MEASURE_NMETA; k++) {
		free(a->rmeta[k]);
		a->rmeta[k] = NULL;
	}
	for (size_t c = 0; c < a->ncols; c++)
		a->rv[c] = NAN;
	out->meta = (const char *const *)a->rmeta;
	out->v = a->rv;
	out->mv = NULL;
	out->nmv = 0;
	if (a->get == NULL)
		return -1;
	sqlite3_bind_int64(a->get, 1, (sqlite3_int64)i);
	if ((rc = agg_step(a, a->get)) != 1) {
		sqlite3_reset(a->get);
		return -1;
	}
	for (int k = 0; k < MEASURE_NMETA; k++)
		a->rmeta[k] = agg_text(a->get, k + 1);
	for (size_t c = 0; c < a->ncols; c++)
		a->rv[c] = agg_value(a, a->get, c);
	blob = sqlite3_column_blob(a->get, 9);
	nmv = (size_t)sqlite3_column_bytes(a->get, 9) / sizeof(*a->rmv);
	a->rmv = xgrow(a->rmv, &a->rmvcap, nmv + 1, sizeof(*a->rmv));
	if (blob != NULL)
		memcpy(a->rmv, blob, nmv * sizeof(*a->rmv));
	out->mv = a->rmv;
	out->nmv = nmv;
	sqlite3_reset(a->get);
	return 0;
}

int
aggregate_ids(aggregate *a, size_t from,
    void (*fn)(void *arg, const char *id), void *arg)
{
	sqlite3_stmt *st = agg_prepare(a, "SELECT session FROM s WHERE seq >= ? "
	    "ORDER BY seq");
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, (sqlite3_int64)from);
	while ((rc = agg_step(a, st)) == 1)
		fn(arg, (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return rc;
}

double
aggregate_session_measure(const aggregate *a, const struct aggregate_row *r,
    size_t name)
{
	const struct mvalue *mv = r->mv;

	(void)a;
	for (size_t k = 0; k < r->nmv; k++)
		if (mv[k].name == name)
			return mv[k].v;
	return NAN;
}

void
aggregate_free(aggregate *a)
{
	if (a == NULL)
		return;
	sqlite3_finalize(a->ins);
	sqlite3_finalize(a->has);
	sqlite3_finalize(a->get);
	sqlite3_close(a->db);	/* deletes the temporary database */
	for (size_t i = 0; i < a->nm; i++)
		free(a->mnames[i]);
	free(a->mnames);
	free(a->lag);
	for (size_t k = 0; k < MEASURE_NMETA; k++)
		free(a->rmeta[k]);
	free(a->rv);
	free(a->rmv);
	free(a->error);
	agree_total_free(&a->agree);
	free(a);
}

