/* test_resultsdb.c -- unit tests of output/resultsdb.c: a real SQLite
 * file written, finished, reopened and queried. */
#include "config.h"

#include "unit.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "analyze.h"
#include "indicators.h"
#include "measure.h"
#include "resultsdb.h"
#include "session.h"
#include "table.h"
#include "tags.h"
#include "util.h"

#define tmpdir unit_tmpdir()

/* Session S1: four utterances, tags on two, codes on one. */
static session *
build(struct analyze_result *r)
{
	static const struct {
		size_t speaker;
		const char *text;
		double start, end;
	} u[] = {
		{ 0, "How have things been since last week?", 1.5, 4.25 },
		{ 1, "Honestly pretty rough.", NAN, NAN },
		{ 0, "It sounds like the comorbid stuff is hard.", 9, 12 },
		{ 2, "She says yes.", 13, 14 },
	};
	session *s = session_create();
	const char **codes = arena_alloc(s->arena, 2 * sizeof(*codes));

	s->id = arena_strdup(s->arena, "S1");
	s->clinician = arena_strdup(s->arena, "C07");
	s->cohort = arena_strdup(s->arena, "fall");
	s->date = arena_strdup(s->arena, "2026-03-14");
	s->number = 5;
	session_add_speaker(s, "T", SESSION_ROLE_THERAPIST, "Dana");
	session_add_speaker(s, "P", SESSION_ROLE_CLIENT, NULL);
	session_add_speaker(s, "X", SESSION_ROLE_INTERPRETER, NULL);
	codes[0] = arena_strdup(s->arena, "reflection.complex");
	codes[1] = arena_strdup(s->arena, "validation");
	for (size_t i = 0; i < 4; i++) {
		struct session_utt v = { .index = i, .speaker = u[i].speaker,
			.start = u[i].start, .end = u[i].end,
			.text = arena_strdup(s->arena, u[i].text),
			.len = strlen(u[i].text), .line = (long)i + 20 };

		if (i == 2) {
			v.codes = codes;
			v.ncodes = 2;
		}
		session_push_utt(s, &v);
	}
	memset(r, 0, sizeof(*r));
	r->utts = xcalloc(4, sizeof(*r->utts));
	r->nutts = r->cap = 4;
	r->utts[0].tags = xcalloc(1, sizeof(struct analyze_tag));
	r->utts[0].tags[0] = (struct analyze_tag){ TAG_QUESTION_OPEN, 0, 37,
		"question.open.how", NULL, NULL };
	r->utts[0].ntags = r->utts[0].cap = 1;
	r->utts[2].tags = xcalloc(2, sizeof(struct analyze_tag));
	r->utts[2].tags[0] = (struct analyze_tag){ TAG_REFLECTION_COMPLEX, 0,
		42, "reflection.sounds-like", NULL, NULL };
	r->utts[2].tags[1] = (struct analyze_tag){ TAG_JARGON, 17, 25,
		"jargon", "comorbid", "happening together" };
	r->utts[2].ntags = r->utts[2].cap = 2;
	return s;
}

/* The one value of a query with one result row, as text ("NULL" for
 * NULL, "#" followed by the type for non-text types). */
static char *
q1(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st = NULL;
	char *out;

	ck_assert_msg(sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK,
	    "%s: %s", sql, sqlite3_errmsg(db));
	ck_assert_msg(sqlite3_step(st) == SQLITE_ROW, "%s: no row", sql);
	if (sqlite3_column_type(st, 0) == SQLITE_NULL)
		out = xstrdup("NULL");
	else
		out = xstrdup((const char *)sqlite3_column_text(st, 0));
	ck_assert_msg(sqlite3_step(st) == SQLITE_DONE, "%s: > 1 row", sql);
	sqlite3_finalize(st);
	return out;
}

#define CK_Q(db, sql, want) do {					\
	char *got_ = q1((db), (sql));					\
									\
	ck_assert_msg(strcmp(got_, (want)) == 0, "%s: '%s', want '%s'",	\
	    (sql), got_, (want));					\
	free(got_);							\
} while (0)

START_TEST(test_roundtrip)
{
	static const char *const cols[] = { "clinician", "indicator", "mean" };
	static const enum table_type types[] = { TABLE_TEXT, TABLE_TEXT,
		TABLE_REAL };
	char *path = xasprintf("%s/rapport.sqlite", tmpdir), *why = NULL;
	struct analyze_result r;
	session *s = build(&r);
	struct resultsdb_rows rows;
	struct measure_row row, row2;
	struct table t;
	resultsdb *db;
	sqlite3 *rd;
	char *mn = (char *)"measure_SRS";
	double mv = 34;
	size_t ncols;

	indicators_all(&ncols);
	measure_session(s, &r, &row);
	resultsdb_rows(s, &r, &rows);
	ck_assert_uint_eq(rows.nutts, 4);
	ck_assert_uint_eq(rows.ntags, 3);
	ck_assert_str_eq(rows.utts[2].codes, "reflection.complex validation");
	ck_assert_str_eq(rows.tags[2].tag, "jargon");

	db = resultsdb_create(path, &why);
	ck_assert_msg(db != NULL, "%s", why ? why : "");
	ck_assert_int_eq(resultsdb_add(db, "S1", &row, &rows, &why), 0);
	/* A second session, with a session measure: a new column. */
	memset(&row2, 0, sizeof(row2));
	row2.meta[0] = (char *)"S2";
	row2.meta[1] = (char *)"C08";
	row2.v = xcalloc(ncols, sizeof(*row2.v));
	for (size_t i = 0; i < ncols; i++)
		row2.v[i] = NAN;
	row2.v[IND_T_UTT] = 3;
	row2.mnames = &mn;
	row2.mvalues = &mv;
	row2.nmeasures = 1;
	{
		struct resultsdb_rows none = { 0 };

		ck_assert_int_eq(resultsdb_add(db, "S2", &row2, &none, &why),
		    0);
	}
	table_init(&t, "clinicians", cols, types, 3);
	table_text(&t, "C07");
	table_text(&t, "rq_ratio");
	table_real(&t, 1.25);
	table_text(&t, "C08");
	table_text(&t, NULL);
	table_real(&t, NAN);
	ck_assert_int_eq(resultsdb_add_table(db, &t, &why), 0);
	table_free(&t);
	ck_assert_int_eq(resultsdb_add_json(db, "corpus.json",
	    "{\"n_sessions\": 2}", &why), 0);
	ck_assert_int_eq(resultsdb_finish(db, &why), 0);
	ck_assert_ptr_null(why);

	ck_assert_int_eq(sqlite3_open_v2(path, &rd, SQLITE_OPEN_READONLY,
	    NULL), SQLITE_OK);
	CK_Q(rd, "SELECT count(*) FROM sessions", "2");
	CK_Q(rd, "SELECT clinician FROM sessions WHERE session = 'S1'", "C07");
	CK_Q(rd, "SELECT cohort || ' ' || date FROM sessions WHERE session = "
	    "'S1'", "fall 2026-03-14");
	CK_Q(rd, "SELECT client FROM sessions WHERE session = 'S1'", "NULL");
	CK_Q(rd, "SELECT typeof(number) || number FROM sessions WHERE "
	    "session = 'S1'", "integer5");
	/* Counts are integers, ratios reals, undefined values NULL. */
	CK_Q(rd, "SELECT typeof(t_utterances) || t_utterances FROM sessions "
	    "WHERE session = 'S1'", "integer2");
	CK_Q(rd, "SELECT c_utterances FROM sessions WHERE session = 'S1'",
	    "1");
	CK_Q(rd, "SELECT typeof(rq_ratio) || rq_ratio FROM sessions WHERE "
	    "session = 'S1'", "real1.0");
	CK_Q(rd, "SELECT jargon_terms FROM sessions WHERE session = 'S1'", "1");
	CK_Q(rd, "SELECT rq_ratio FROM sessions WHERE session = 'S2'", "NULL");
	CK_Q(rd, "SELECT number FROM sessions WHERE session = 'S2'", "NULL");
	CK_Q(rd, "SELECT measure_SRS FROM sessions WHERE session = 'S2'",
	    "34.0");
	CK_Q(rd, "SELECT measure_SRS FROM sessions WHERE session = 'S1'",
	    "NULL");

	CK_Q(rd, "SELECT count(*) FROM utterances", "4");
	CK_Q(rd, "SELECT group_concat(speaker || ':' || role, ' ') FROM "
	    "(SELECT * FROM utterances ORDER BY idx)",
	    "T:therapist P:client T:therapist X:interpreter");
	CK_Q(rd, "SELECT start || '-' || \"end\" FROM utterances WHERE idx = 0",
	    "1.5-4.25");
	CK_Q(rd, "SELECT coalesce(start, 'NULL') FROM utterances WHERE idx = 1",
	    "NULL");
	CK_Q(rd, "SELECT words FROM utterances WHERE idx = 2", "8");
	CK_Q(rd, "SELECT codes FROM utterances WHERE idx = 2",
	    "reflection.complex validation");
	CK_Q(rd, "SELECT count(*) FROM utterances WHERE codes IS NULL", "3");
	CK_Q(rd, "SELECT DISTINCT session FROM utterances", "S1");

	CK_Q(rd, "SELECT count(*) FROM tags", "3");
	CK_Q(rd, "SELECT group_concat(tag, ' ') FROM (SELECT * FROM tags "
	    "ORDER BY idx, start)",
	    "question.open reflection.complex jargon");
	CK_Q(rd, "SELECT rule FROM tags WHERE idx = 0", "question.open.how");
	CK_Q(rd, "SELECT start || '-' || \"end\" || ' ' || term || ' / ' || "
	    "plain FROM tags WHERE tag = 'jargon'",
	    "17-25 comorbid / happening together");
	CK_Q(rd, "SELECT coalesce(term, 'NULL') FROM tags WHERE tag = "
	    "'question.open'", "NULL");

	CK_Q(rd, "SELECT mean FROM clinicians WHERE clinician = 'C07'", "1.25");
	CK_Q(rd, "SELECT coalesce(indicator, 'NULL') || coalesce(mean, "
	    "'NULL') FROM clinicians WHERE clinician = 'C08'", "NULLNULL");
	CK_Q(rd, "SELECT json FROM documents WHERE name = 'corpus.json'",
	    "{\"n_sessions\": 2}");
	/* The indexes on the keys. */
	CK_Q(rd, "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND "
	    "name IN ('sessions_clinician', 'sessions_cohort', "
	    "'utterances_session', 'tags_session', 'tags_tag')", "5");
	sqlite3_close(rd);

	/* The path must not exist yet. */
	db = resultsdb_create(path, &why);
	ck_assert_ptr_null(db);
	ck_assert_ptr_nonnull(why);
	ck_assert_ptr_nonnull(strstr(why, "rapport.sqlite"));
	free(why);

	free(row2.v);
	measure_row_free(&row);
	resultsdb_rows_free(&rows);
	analyze_result_free(&r);
	session_free(s);
	free(path);
}
END_TEST

START_TEST(test_errors)
{
	char *path = xasprintf("%s/dup.sqlite", tmpdir), *why = NULL;
	char *bad = xasprintf("%s/no/such/dir/x.sqlite", tmpdir);
	struct analyze_result r;
	session *s = build(&r);
	struct resultsdb_rows rows;
	struct measure_row row;
	resultsdb *db;

	measure_session(s, &r, &row);
	resultsdb_rows(s, &r, &rows);
	db = resultsdb_create(path, &why);
	ck_assert_ptr_nonnull(db);
	ck_assert_int_eq(resultsdb_add(db, "S1", &row, &rows, &why), 0);
	/* The same session twice: refused, with a message. */
	ck_assert_int_eq(resultsdb_add(db, "S1", &row, &rows, &why), -1);
	ck_assert_ptr_nonnull(why);
	ck_assert_ptr_nonnull(strstr(why, "rapport.sqlite: insert"));
	free(why);
	why = NULL;
	/* Abort closes without committing (the caller removes the
	 * temporary file). */
	resultsdb_abort(db);
	resultsdb_abort(NULL);
	db = resultsdb_create(bad, &why);
	ck_assert_ptr_null(db);
	ck_assert_ptr_nonnull(strstr(why, "cannot create database"));
	free(why);
	measure_row_free(&row);
	resultsdb_rows_free(&rows);
	analyze_result_free(&r);
	session_free(s);
	free(bad);
	free(path);
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("resultsdb");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_roundtrip);
	tcase_add_test(tc, test_errors);
	suite_add_tcase(s, tc);
	return s;
}
