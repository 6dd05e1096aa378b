/* report.h -- the HTML reports of a results folder (docs/architecture.md section 7).
 *
 * report_write() reads DIR/sessions.jsonl, DIR/corpus.json,
 * DIR/examples.jsonl, DIR/manifest.json, DIR/utterances.jsonl and, when
 * `rapport run --session-pages` wrote it, DIR/transcripts.jsonl (never
 * the transcripts), and the validity table (validity.h), and writes
 * DIR/reports/:
 *   index.html             researchers: every indicator over the corpus,
 *                          histograms, therapist-effect ICCs, correlations
 *                          with session measures, the lag-1 table, the
 *                          agreement with human codes, links to the rest;
 *   clinician-<id>.html    supervisors: one clinician's sessions only
 *                          (clinician.c);
 *   cohort-<id>.html       training programs (cohort.c);
 *   session-<id>--<n>.html one page per session, the clinician's n-th by
 *                          date (sessionpage.c); those of an earlier
 *                          report are removed first.
 * Pages are self-contained polyglot XHTML (inline CSS and SVG, no
 * scripts, no external requests), written under temporary names and
 * renamed. Client ids, session ids and speaker names are never printed.
 */
#ifndef RAPPORT_REPORT_H
#define RAPPORT_REPORT_H

/* Write DIR/reports/. Returns 0, or -1 and *why (free() it). */
int report_write(const char *dir, char **why);
/* The same, the pages written into the folder pages (made if needed). */
int report_write_to(const char *dir, const char *pages, char **why);

#endif
