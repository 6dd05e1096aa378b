/* resultsdb.c -- write the results into SQLite in one transaction. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "fmt.h"
#include "indicators.h"
#include "resultsdb.h"
#include "table.h"
#include "tags.h"
#include "util.h"

struct resultsdb {
	sqlite3		*db;
	sqlite3_stmt	*ins_session;
	sqlite3_stmt	*ins_utt;
	sqlite3_stmt	*ins_tag;
	sqlite3_stmt	*ins_measure;
	char	       **mcols;		/* measure_<name> columns added */
	size_t		 nmcols, mcap;
};

static int
fail(resultsdb *db, char **why, const char *what)
{
	*why = xasprintf("rapport.sqlite: %s: %s", what, sqlite3_errmsg(db->db));
	return -1;
}

static int
exec(resultsdb *db, const char *sql, char **why)
{
	char *err = NULL;

	if (sqlite3_exec(db->db, sql, NULL, NULL, &err) != SQLITE_OK) {
		*why = xasprintf("rapport.sqlite: %s", err ? err : "error");
		sqlite3_free(err);
		return -1;
	}
	return 0;
}

/* Append "name" as an SQL identifier. */
static void
ident(strbuf *b, const char *name)
{
	strbuf_addc(b, '"');
	for (; *name != '\0'; name++) {
		if (*name == '"')
			strbuf_addc(b, '"');
		strbuf_addc(b, *name);
	}
	strbuf_addc(b, '"');
}

/* (Re)prepare the sessions insert for the columns known now. */
static int
prepare_session(resultsdb *db, char **why)
{
	const char *const *meta = measure_meta_names();
	const struct indicator *cols;
	size_t ncols, n = 0;
	strbuf b = { 0 };
	int rc;

	cols = indicators_all(&ncols);
	sqlite3_finalize(db->ins_session);
	db->ins_session = NULL;
	strbuf_adds(&b, "INSERT INTO sessions (");
	for (size_t i = 0; i < MEASURE_NMETA; i++, n++) {
		strbuf_adds(&b, n ? ", " : "");
		ident(&b, meta[i]);
	}
	for (size_t i = 0; i < ncols; i++, n++) {
		strbuf_adds(&b, ", ");
		ident(&b, cols[i].name);
	}
	for (size_t i = 0; i < db->nmcols; i++, n++) {
		strbuf_adds(&b, ", ");
		ident(&b, db->mcols[i]);
	}
	strbuf_adds(&b, ") VALUES (");
	for (size_t i = 0; i < n; i++)
		strbuf_adds(&b, i ? ", ?" : "?");
	strbuf_adds(&b, ")");
	rc = sqlite3_prepare_v2(db->db, b.s, -1, &db->ins_session, NULL);
	strbuf_free(&b);
	return rc == SQLITE_OK ? 0 : fail(db, why, "prepare");
}

void
resultsdb_rows(const session *s, const struct analyze_result *ar,
    struct resultsdb_rows *out)
{
	size_t k = 0;

	memset(out, 0, sizeof(*out));
	out->arena = arena_create();
	out->nutts = s->nutts;
	out->utts = xcalloc(s->nutts ? s->nutts : 1, sizeof(*out->utts));
	for (size_t i = 0; i < s->nutts; i++) {
		const struct session_utt *u = &s->utts[i];
		struct resultsdb_utt *d = &out->utts[i];

		d->index = u->index;
		d->speaker = arena_strdup(out->arena,
		    s->speakers[u->speaker].id);
		d->role = session_role_name(s->speakers[u->speaker].role);
		d->start = u->start;
		d->end = u->end;
		d->words = (long)u->words;
		if (u->ncodes > 0) {
			strbuf b = { 0 };

			for (size_t c = 0; c < u->ncodes; c++) {
				strbuf_adds(&b, c ? " " : "");
				strbuf_adds(&b, u->codes[c]);
			}
			d->codes = arena_strdup(out->arena, b.s);
			strbuf_free(&b);
		}
		out->ntags += ar->utts[i].ntags;
	}
	out->tags = xcalloc(out->ntags ? out->ntags : 1, sizeof(*out->tags));
	for (size_t i = 0; i < s->nutts; i++) {
		for (size_t j = 0; j < ar->utts[i].ntags; j++, k++) {
			const struct analyze_tag *t = &ar->utts[i].tags[j];

			out->tags[k].index = s->utts[i].index;
			out->tags[k].tag = tags_name(t->tag);
			out->tags[k].start = t->start;
			out->tags[k].end = t->end;
			out->tags[k].rule = t->rule;
			out->tags[k].term = t->term;
			out->tags[k].plain = t->plain;
		}
	}
}

void
resultsdb_rows_free(struct resultsdb_rows *r)
{
	free(r->utts);
	free(r->tags);
	arena_destroy(r->arena);
	memset(r, 0, sizeof(*r));
}

resultsdb *
resultsdb_create(const char *path, char **why)
{
	const struct indicator *cols;
	size_t ncols;
	resultsdb *db = xcalloc(1, sizeof(*db));
	strbuf b = { 0 };

	if (sqlite3_open_v2(path, &db->db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		*why = xasprintf("%s: cannot create database: %s", path,
		    db->db ? sqlite3_errmsg(db->db) : "out of memory");
		sqlite3_close(db->db);
		free(db);
		return NULL;
	}
	/* The file is temporary until renamed: no journal is needed. */
	strbuf_adds(&b, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;"
	    "BEGIN; CREATE TABLE sessions (session TEXT PRIMARY KEY, "
	    "clinician TEXT NOT NULL, client TEXT, cohort TEXT, date TEXT, "
	    "modality TEXT, number INTEGER");
	cols = indicators_all(&ncols);
	for (size_t i = 0; i < ncols; i++) {
		strbuf_adds(&b, ", ");
		ident(&b, cols[i].name);
		strbuf_adds(&b, cols[i].type == INDICATOR_COUNT ? " INTEGER" :
		    " REAL");
	}
	strbuf_adds(&b, ");"
	    "CREATE TABLE utterances (session TEXT NOT NULL, idx INTEGER NOT "
	    "NULL, speaker TEXT NOT NULL, role TEXT NOT NULL, start REAL, "
	    "\"end\" REAL, words INTEGER NOT NULL, codes TEXT);"
	    "CREATE TABLE tags (session TEXT NOT NULL, idx INTEGER NOT NULL, "
	    "tag TEXT NOT NULL, start INTEGER NOT NULL, \"end\" INTEGER NOT "
	    "NULL, rule TEXT NOT NULL, term TEXT, plain TEXT);"
	    "CREATE TABLE measures (session TEXT NOT NULL, name TEXT NOT "
	    "NULL, value REAL);");
	if (exec(db, b.s, why) != 0 ||
	    sqlite3_prepare_v2(db->db, "INSERT INTO utterances VALUES "
	    "(?, ?, ?, ?, ?, ?, ?, ?)", -1, &db->ins_utt, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db->db, "INSERT INTO tags VALUES "
	    "(?, ?, ?, ?, ?, ?, ?, ?)", -1, &db->ins_tag, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db->db, "INSERT INTO measures VALUES "
	    "(?, ?, ?)", -1, &db->ins_measure, NULL) != SQLITE_OK ||
	    prepare_session(db, why) != 0) {
		if (*why == NULL)
			fail(db, why, "create");
		strbuf_free(&b);
		resultsdb_abort(db);
		return NULL;
	}
	strbuf_free(&b);
	return db;
}

static void
bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (s == NULL)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
}

static void
bind_num(sqlite3_stmt *st, int i, double v, int integer)
{
	if (!isfinite(v))
		sqlite3_bind_null(st, i);
	else if (integer)
		sqlite3_bind_int64(st, i, (sqlite3_int64)v);
	else
		sqlite3_bind_double(st, i, v);
}

static int
step(resultsdb *db, sqlite3_stmt *st, char **why)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc == SQLITE_DONE ? 0 : fail(db, why, "insert");
}

/* Make sure a measure_<name> column exists for each session measure,
 * up to MEASURE_MAX_NAMES columns: beyond them a measure is only in the
 * measures table, so no corpus can reach SQLite's column limit (run
 * rejects such sessions before they get here, measure.h). */
static int
add_measure_columns(resultsdb *db, const struct measure_row *row,
    char **why)
{
	int added = 0;

	for (size_t i = 0; i < row->nmeasures; i++) {
		size_t j;
		strbuf b = { 0 };
		int rc;

		for (j = 0; j < db->nmcols; j++)
			if (strcmp(db->mcols[j], row->mnames[i]) == 0)
				break;
		if (j < db->nmcols || db->nmcols >= MEASURE_MAX_NAMES)
			continue;
		strbuf_adds(&b, "ALTER TABLE sessions ADD COLUMN ");
		ident(&b, row->mnames[i]);
		strbuf_adds(&b, " REAL");
		rc = exec(db, b.s, why);
		strbuf_free(&b);
		if (rc != 0)
			return -1;
		db->mcols = xgrow(db->mcols, &db->mcap, db->nmcols + 1,
		    sizeof(*db->mcols));
		db->mcols[db->nmcols++] = xstrdup(row->mnames[i]);
		added = 1;
	}
	return added ? prepare_session(db, why) : 0;
}

int
resultsdb_add(resultsdb *db, const char *session_id,
    const struct measure_row *row, const struct resultsdb_rows *rows,
    char **why)
{
	const struct resultsdb_utt *utts = rows->utts;
	const struct resultsdb_tag *tags = rows->tags;
	const struct indicator *cols;
	size_t ncols;
	int k = 1;

	if (add_measure_columns(db, row, why) != 0)
		return -1;
	cols = indicators_all(&ncols);
	for (size_t i = 0; i < MEASURE_NMETA; i++, k++) {
		if (i == MEASURE_NMETA - 1 && row->meta[i] != NULL)
			sqlite3_bind_int64(db->ins_session, k,
			    strtoll(row->meta[i], NULL, 10));
		else
			bind_text(db->ins_session, k, row->meta[i]);
	}
	for (size_t i = 0; i < ncols; i++, k++)
		bind_num(db->ins_session, k, row->v[i],
		    cols[i].type == INDICATOR_COUNT);
	for (size_t i = 0; i < db->nmcols; i++, k++) {
		double v = NAN;

		for (size_t j = 0; j < row->nmeasures; j++)
			if (strcmp(row->mnames[j], db->mcols[i]) == 0)
				v = row->mvalues[j];
		bind_num(db->ins_session, k, v, 0);
	}
	if (step(db, db->ins_session, why) != 0)
		return -1;
	for (size_t i = 0; i < row->nmeasures; i++) {
		const char *name = row->mnames[i];

		if (strncmp(name, "measure_", 8) == 0)
			name += 8;	/* the name of the transcript */
		bind_text(db->ins_measure, 1, session_id);
		bind_text(db->ins_measure, 2, name);
		bind_num(db->ins_measure, 3, row->mvalues[i], 0);
		if (step(db, db->ins_measure, why) != 0)
			return -1;
	}
	for (size_t i = 0; i < rows->nutts; i++) {
		sqlite3_stmt *st = db->ins_utt;

		bind_text(st, 1, session_id);
		sqlite3_bind_int64(st, 2, (sqlite3_int64)utts[i].index);
		bind_text(st, 3, utts[i].speaker);
		bind_text(st, 4, utts[i].role);
		bind_num(st, 5, utts[i].start, 0);
		bind_num(st, 6, utts[i].end, 0);
		sqlite3_bind_int64(st, 7, utts[i].words);
		bind_text(st, 8, utts[i].codes);
		if (step(db, st, why) != 0)
			return -1;
	}
	for (size_t i = 0; i < rows->ntags; i++) {
		sqlite3_stmt *st = db->ins_tag;

		bind_text(st, 1, session_id);
		sqlite3_bind_int64(st, 2, (sqlite3_int64)tags[i].index);
		bind_text(st, 3, tags[i].tag);
		sqlite3_bind_int64(st, 4, (sqlite3_int64)tags[i].start);
		sqlite3_bind_int64(st, 5, (sqlite3_int64)tags[i].end);
		bind_text(st, 6, tags[i].rule);
		bind_text(st, 7, tags[i].term);
		bind_text(st, 8, tags[i].plain);
		if (step(db, st, why) != 0)
			return -1;
	}
	return 0;
}

int
resultsdb_add_table(resultsdb *db, const struct table *t, char **why)
{
	sqlite3_stmt *st = NULL;
	strbuf b = { 0 };
	int rc = 0;

	strbuf_adds(&b, "CREATE TABLE ");
	ident(&b, t->name);
	strbuf_adds(&b, " (");
	for (size_t j = 0; j < t->ncols; j++) {
		strbuf_adds(&b, j ? ", " : "");
		ident(&b, t->cols[j]);
		strbuf_adds(&b, t->types[j] == TABLE_TEXT ? " TEXT" : " REAL");
	}
	strbuf_adds(&b, ");");
	if (exec(db, b.s, why) != 0) {
		strbuf_free(&b);
		return -1;
	}
	strbuf_reset(&b);
	strbuf_adds(&b, "INSERT INTO ");
	ident(&b, t->name);
	strbuf_adds(&b, " VALUES (");
	for (size_t j = 0; j < t->ncols; j++)
		strbuf_adds(&b, j ? ", ?" : "?");
	strbuf_adds(&b, ")");
	if (sqlite3_prepare_v2(db->db, b.s, -1, &st, NULL) != SQLITE_OK) {
		strbuf_free(&b);
		return fail(db, why, "prepare");
	}
	strbuf_free(&b);
	for (size_t i = 0; i < t->nrows && rc == 0; i++) {
		sqlite3_reset(st);
		for (size_t j = 0; j < t->ncols; j++) {
			const struct table_cell *c = &t->cells[i * t->ncols + j];

			if (t->types[j] == TABLE_TEXT)
				bind_text(st, (int)j + 1, c->s);
			else
				bind_num(st, (int)j + 1, c->v, 0);
		}
		rc = step(db, st, why);
	}
	sqlite3_finalize(st);
	return rc;
}

int
resultsdb_add_json(resultsdb *db, const char *name, const char *json,
    char **why)
{
	sqlite3_stmt *st = NULL;
	int rc;

	if (exec(db, "CREATE TABLE IF NOT EXISTS documents (name TEXT "
	    "PRIMARY KEY, json TEXT NOT NULL);", why) != 0)
		return -1;
	if (sqlite3_prepare_v2(db->db, "INSERT INTO documents VALUES (?, ?)",
	    -1, &st, NULL) != SQLITE_OK)
		return fail(db, why, "prepare");
	bind_text(st, 1, name);
	bind_text(st, 2, json);
	rc = step(db, st, why);
	sqlite3_finalize(st);
	return rc;
}

int
resultsdb_finish(resultsdb *db, char **why)
{
	int rc = exec(db, "CREATE INDEX sessions_clinician ON sessions "
	    "(clinician); CREATE INDEX sessions_cohort ON sessions (cohort);"
	    "CREATE INDEX utterances_session ON utterances (session, idx);"
	    "CREATE INDEX tags_session ON tags (session, idx);"
	    "CREATE INDEX tags_tag ON tags (tag);"
	    "CREATE INDEX measures_session ON measures (session);"
	    "CREATE INDEX measures_name ON measures (name); COMMIT;", why);

	if (rc != 0) {
		resultsdb_abort(db);
		return -1;
	}
	sqlite3_finalize(db->ins_session);
	sqlite3_finalize(db->ins_utt);
	sqlite3_finalize(db->ins_tag);
	sqlite3_finalize(db->ins_measure);
	if (sqlite3_close(db->db) != SQLITE_OK) {
		*why = xstrdup("rapport.sqlite: cannot close the database");
		rc = -1;
	}
	for (size_t i = 0; i < db->nmcols; i++)
		free(db->mcols[i]);
	free(db->mcols);
	free(db);
	return rc;
}

void
resultsdb_abort(resultsdb *db)
{
	if (db == NULL)
		return;
	sqlite3_finalize(db->ins_session);
	sqlite3_finalize(db->ins_utt);
	sqlite3_finalize(db->ins_tag);
	sqlite3_finalize(db->ins_measure);
	sqlite3_close(db->db);
	for (size_t i = 0; i < db->nmcols; i++)
		free(db->mcols[i]);
	free(db->mcols);
	free(db);
}
