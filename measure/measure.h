/* measure.h -- per-session indicators (docs/architecture.md section 5, interface).
 *
 * A session row is the metadata columns and one value per indicator of
 * the table in indicators.h, then the session's own measures (SRS, ...)
 * and its events (sessions.jsonl only).
 */
#ifndef RAPPORT_MEASURE_H
#define RAPPORT_MEASURE_H

#include <stddef.h>

#include "analyze.h"
#include "session.h"

/* The metadata columns that lead every session row. */
#define MEASURE_META_COLUMNS \
	"session", "clinician", "client", "cohort", "date", "modality", "number"
#define MEASURE_NMETA 7

/* At most this many distinct session measure names (SRS, ORS, ...) in
 * one corpus: `rapport run` rejects a session that would bring more
 * (pipeline/run.c), so sessions.csv and the sessions table of
 * rapport.sqlite, one measure_<name> column each, stay far below
 * SQLite's 2,000-column limit (SQLITE_MAX_COLUMN) and readable in R and
 * pandas. Outcome and alliance measures in use number a handful. */
#define MEASURE_MAX_NAMES 200

/* An <event> of the session (a disconnect, a freeze, ...), for the
 * session pages of the reports. */
struct measure_event {
	char	*type;
	double	 start, end;		/* seconds; NaN when absent */
};

struct measure_row {
	char	*meta[MEASURE_NMETA];	/* NULL when absent; number as text */
	double	*v;			/* one per indicator (indicators.h) */
	char   **mnames;		/* session measures: measure_<name> */
	double	*mvalues;
	size_t	 nmeasures;
	struct measure_event *events;	/* in transcript order */
	size_t	 nevents;
};

/* The metadata column names, MEASURE_NMETA of them. */
const char *const *measure_meta_names(void);

/* Fill row from session s and its tags r. Returns 0. Free with
 * measure_row_free(). */
int measure_session(const session *s, const struct analyze_result *r,
    struct measure_row *row);
void measure_row_free(struct measure_row *row);

#endif
