/* validity.h -- how far each indicator agrees with expert coders.
 *
 * docs/validity.csv (written by `make eval`, described in
 * docs/validity.md) has one row per measured figure:
 *   indicator_or_tag,measure,value,dataset,n
 * e.g. "pct_complex_reflections,pearson_r,0.41,annomi-dev-held,38" (the
 * session-level Pearson r between rapport's value and the experts' over
 * n sessions) or "directive,f1,0.62,annomi-dev-held,412" (utterance-level
 * F1 of a tag over n utterances). The reports show the row that applies
 * beside each indicator, and an indicator whose session-level r is below
 * VALIDITY_MIN_R is "experimental": no MITI mark. Nothing is hard-coded
 * per indicator: without the file, or without a row, the page says
 * "validity not measured".
 *
 * The figures are of the bundled rule set: for a results folder made with
 * --replace-rules they do not apply (validity_applies()).
 */
#ifndef RAPPORT_VALIDITY_H
#define RAPPORT_VALIDITY_H

#include <stddef.h>

#include <cjson/cJSON.h>

/* Below this session-level r an indicator is experimental (the issue
 * "Reports II": agreement with expert coding below r = 0.5). */
#define VALIDITY_MIN_R	0.5

struct validity_row {
	char	*what;		/* indicator_or_tag */
	char	*measure;	/* pearson_r, f1, kappa, auc_mi_quality, ... */
	char	*dataset;
	double	 value;		/* NaN when not a number */
	double	 n;		/* NaN when not a count */
};

struct validity {
	struct validity_row	*rows;
	size_t			 n;
	char			*path;	/* the file read, or NULL: none */
	/* Why the figures do not apply to this results folder, or NULL. */
	const char		*not_applicable;
};

/* Read the validity table at path (NULL: paths_validity()). A missing
 * file is not an error: v is then empty with v->path NULL. Returns 0, or
 * -1 and *why (free() it) for a file that exists but cannot be read.
 * Rows with the wrong number of fields are skipped. Free with
 * validity_free(). */
int validity_load(const char *path, struct validity *v, char **why);
void validity_free(struct validity *v);

/* Mark the figures as not applying to a results folder whose manifest
 * (manifest.json, may be NULL) says the bundled rules were replaced. */
void validity_applies(struct validity *v, const cJSON *manifest);

/* The session-level agreement of what (an indicator name): its
 * "pearson_r" row of a held-out dataset (a name with "held" in it) if
 * there is one, else the one with the most sessions; NULL when none, or
 * when the figures do not apply. Borrowed from v. */
const struct validity_row *validity_session_r(const struct validity *v,
    const char *what);
/* Any row of what with this measure (the same choice of dataset), or
 * NULL. */
const struct validity_row *validity_find(const struct validity *v,
    const char *what, const char *measure);
/* Is the indicator experimental: a session-level r below VALIDITY_MIN_R
 * (or not a number)? An indicator without a row is not experimental but
 * unmeasured. */
int validity_experimental(const struct validity *v, const char *what);

#endif
