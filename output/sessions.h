/* sessions.h -- sessions.jsonl and sessions.csv (docs/architecture.md 5, 7; interface).
 *
 * One row per session: the metadata columns, one column per indicator
 * (indicators.h) and, in the CSV, one measure_<name> column per session
 * measure found in the corpus (at most MEASURE_MAX_NAMES, measure.h, which
 * run enforces by rejecting sessions), sorted by name; the JSONL line holds only
 * the measures its session has, then "events": the session's <event>s as
 * {"type", "start", "end"} in transcript order. The CSV is written at the end of a run
 * from the aggregate's row store (aggregate.h), so both
 * files always agree.
 */
#ifndef RAPPORT_SESSIONS_H
#define RAPPORT_SESSIONS_H

#include <stdio.h>

#include "aggregate.h"
#include "measure.h"
#include "util.h"

/* Append row's sessions.jsonl line to b. */
void sessions_json_line(strbuf *b, const struct measure_row *row);
/* Write sessions.csv, every session row of a, to f. Returns 0, or -1 on
 * a write error. */
int sessions_write_csv(aggregate *a, FILE *f);

#endif
