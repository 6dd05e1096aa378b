/* report.h -- the HTML reports of a results folder (docs/architecture.md section 7).
 *
 * report_write() reads DIR/sessions.jsonl, DIR/corpus.json and
 * DIR/examples.jsonl (never the transcripts) and writes DIR/reports/:
 *   index.html             researchers: corpus overview, indicator
 *                          histograms, therapist-effect ICCs, correlations
 *                          with session measures, the lag-1 table, the
 *                          agreement with human codes, links to the rest;
 *   clinician-<id>.html    supervisors: one clinician's sessions only:
 *                          indicators against the corpus and the MITI
 *                          thresholds, trends, modality, strengths and
 *                          things to work on, redacted example quotes;
 *   cohort-<id>.html       training programs: each trainee's trajectory,
 *                          the cohort's monthly means and mean slope, who
 *                          is below threshold in their latest sessions.
 * Pages are self-contained HTML (inline CSS and SVG, no scripts, no
 * external requests), written under temporary names and renamed. Client
 * ids are never printed.
 */
#ifndef RAPPORT_REPORT_H
#define RAPPORT_REPORT_H

/* Write DIR/reports/. Returns 0, or -1 and *why (free() it). */
int report_write(const char *dir, char **why);
/* The same, the pages written into the folder pages (made if needed). */
int report_write_to(const char *dir, const char *pages, char **why);

#endif
