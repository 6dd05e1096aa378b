/* resultsdb.h -- the results as one SQLite database (rapport.sqlite).
 *
 * Tables (docs/architecture.md section 7):
 *   sessions(session, clinician, ..., <every measure column>,
 *            measure_<name> ...)   -- one row per session, as sessions.csv;
 *            a measure_<name> column for each of the first
 *            MEASURE_MAX_NAMES measure names (measure.h), which is all of
 *            them in a run, since run rejects sessions beyond the cap
 *   measures(session, name, value) -- every session measure, one row
 *            each (the long form: name as in the transcript, "SRS")
 *   utterances(session, idx, speaker, role, start, "end", words, codes)
 *   tags(session, idx, tag, start, "end", rule, term, plain)
 *   clinicians, cohorts, agreement  -- as the CSV files of the same names
 *   documents(name, json)           -- corpus.json as text
 * with indexes on the keys. Everything is written in one transaction into
 * a temporary file that the caller renames into place.
 */
#ifndef RAPPORT_RESULTSDB_H
#define RAPPORT_RESULTSDB_H

#include <stddef.h>

#include "analyze.h"
#include "measure.h"
#include "session.h"
#include "table.h"

typedef struct resultsdb resultsdb;

struct resultsdb_utt {
	size_t		 index;
	const char	*speaker;
	const char	*role;
	double		 start, end;	/* NaN: NULL */
	long		 words;
	const char	*codes;		/* space-separated, or NULL */
};

struct resultsdb_tag {
	size_t		 index;		/* utterance index */
	const char	*tag;
	size_t		 start, end;
	const char	*rule;
	const char	*term, *plain;	/* NULL unless jargon */
};

/* The utterance and tag rows of one session. */
struct resultsdb_rows {
	struct resultsdb_utt	*utts;
	size_t			 nutts;
	struct resultsdb_tag	*tags;
	size_t			 ntags;
	arena			*arena;		/* strings of the rows */
};

/* Fill out with the rows of session s tagged ar (strings copied, except
 * rule, term and plain, which are borrowed from the rule set). Free with
 * resultsdb_rows_free(). */
void resultsdb_rows(const session *s, const struct analyze_result *ar,
    struct resultsdb_rows *out);
void resultsdb_rows_free(struct resultsdb_rows *r);

/* Create the database at path (which must not exist). NULL and *why on
 * failure. */
resultsdb *resultsdb_create(const char *path, char **why);
/* Add one session and its utterances and tags. 0, or -1 and *why. */
int resultsdb_add(resultsdb *db, const char *session_id,
    const struct measure_row *row, const struct resultsdb_rows *rows,
    char **why);
/* Add table t (a CSV output) as an SQLite table of the same name. */
int resultsdb_add_table(resultsdb *db, const struct table *t, char **why);
/* Store a JSON document (corpus.json) in the documents table. */
int resultsdb_add_json(resultsdb *db, const char *name, const char *json,
    char **why);
/* Build the indexes, commit and close. 0, or -1 and *why. db is freed. */
int resultsdb_finish(resultsdb *db, char **why);
/* Close without committing; NULL is fine. */
void resultsdb_abort(resultsdb *db);

#endif
