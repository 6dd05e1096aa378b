/* results.h -- a results folder read back, for the reports.
 *
 * The reports are made from the files of a results folder only, never
 * from the transcripts: corpus.json (the statistics), sessions.jsonl
 * (each session's headline indicators, for quartiles and trend points)
 * and examples.jsonl (redacted quotes, the best EXAMPLES_SHOWN of each
 * kind per clinician kept while reading). Every value is read
 * defensively: a missing or mistyped field is NaN or NULL, never a crash.
 */
#ifndef RAPPORT_RESULTS_H
#define RAPPORT_RESULTS_H

#include <stddef.h>

#include <cjson/cJSON.h>

#include "indicators.h"

#define NHEAD	INDICATORS_NHEADLINE

struct rsess {
	char	*id, *clinician, *cohort, *modality, *date;
	double	 day;
	double	 v[NHEAD];
};

struct example {
	char	*session, *clinician, *date, *kind, *text, *term, *plain;
	double	 score;
	double	 index;
};

/* At most this many examples of each kind per clinician are kept while
 * reading examples.jsonl (issue 6 asks for three to five). */
#define EXAMPLES_SHOWN 4

struct results {
	const char	*dir;
	struct rsess	*s;
	size_t		 ns, scap;
	struct example	*ex;		/* kept examples */
	size_t		 nex, excap;
	cJSON		*corpus;
	double		 q1[NHEAD], median[NHEAD], q3[NHEAD];
};

/* Read DIR's results into r. Returns 0, or -1 and *why (free() it); r is
 * then empty. Free with results_free(). */
int results_read(const char *dir, struct results *r, char **why);
void results_free(struct results *r);
/* qsort comparator of pointers to examples, best first (highest score,
 * then session id, then utterance index). */
int results_cmp_example(const void *a, const void *b);

/* Defensive JSON access: o[key] as a copy of a string (free() it) or
 * NULL; as a number or NaN; as any item, an object or an array (NULL
 * when missing or of another type; o may be NULL). */
char *results_str(const cJSON *o, const char *key);
double results_num(const cJSON *o, const char *key);
const cJSON *results_get(const cJSON *o, const char *key);
const cJSON *results_obj(const cJSON *o, const char *key);
const cJSON *results_arr(const cJSON *o, const char *key);

#endif
