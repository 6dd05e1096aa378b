/* results.h -- a results folder read back, for the reports.
 *
 * The reports are made from the files of a results folder only, never
 * from the transcripts: corpus.json (the statistics), sessions.jsonl
 * (each session's indicators, measures and events, for the intervals,
 * quartiles, trend points and session pages), examples.jsonl (redacted
 * quotes, the best EXAMPLES_SHOWN of each kind per clinician kept while
 * reading) and manifest.json (the rules used) when present. The session
 * pages read utterances.jsonl and transcripts.jsonl themselves, one
 * session at a time (session_page.c). Every value is read
 * defensively: a missing or mistyped field is NaN or NULL, never a crash.
 * Every number is range-checked as it is read: a value outside the range
 * it can take (an indicator's [lo, hi] of indicators.h, [0, 1] for a
 * share or p value, [-1, 1] for a correlation, a count in [0, 2^53],
 * anything else within +-2^53) or not finite is read as missing (NaN), so a damaged or hand-edited folder
 * cannot put an absurd number on a page. The charts (svg.h) are safe for
 * any double besides.
 */
#ifndef RAPPORT_RESULTS_H
#define RAPPORT_RESULTS_H

#include <stddef.h>

#include <cjson/cJSON.h>

#include "indicators.h"

#define NHEAD	INDICATORS_NHEADLINE

/* A session measure (SRS, ORS, ...) of a session: name without the
 * measure_ prefix, borrowed from results.mnames. */
struct rmeasure {
	const char	*name;
	double		 value;
};

struct revent {
	char	*type;
	double	 start, end;		/* seconds; NaN when absent */
};

struct rsess {
	char		*id, *clinician, *cohort, *modality, *date;
	double		 day;		/* days since 1970-01-01, or NaN */
	double		 v[IND_COUNT];	/* every indicator, by enum indicator_id */
	double		 number;	/* in the client's episode, or NaN */
	struct rmeasure	*m;
	size_t		 nm;
	struct revent	*ev;
	size_t		 nev;
	/* 1-based position among its clinician's sessions by date (then
	 * file order): the number of its session page, and never the
	 * session id, which may hold the client's. 0 without a clinician. */
	size_t		 ord, of;	/* ... of `of` sessions */
	size_t		 cl;		/* its clinician: index into
					   results.order_first */
};

/* Peer groups the reports compare with: trainees (sessions with a
 * cohort) with trainees, experienced clinicians (no cohort) with
 * experienced ones (docs/statistics.md, "Reports"). */
enum results_group { RESULTS_ALL, RESULTS_TRAINEES, RESULTS_EXPERIENCED,
	RESULTS_NGROUPS };

/* The distribution of session values of each indicator in a group
 * (quantiles of R's type 7). */
struct rgroup {
	size_t	 nsess, nclin;		/* sessions, clinicians */
	size_t	 n[IND_COUNT];		/* sessions with a value */
	double	 min[IND_COUNT], p10[IND_COUNT], q1[IND_COUNT];
	double	 median[IND_COUNT], q3[IND_COUNT], p90[IND_COUNT];
	double	 max[IND_COUNT];
	double	 mean[IND_COUNT], sd[IND_COUNT];
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
	const char	*pages;		/* where the pages are written */
	struct rsess	*s;		/* in sessions.jsonl order */
	size_t		 ns, scap;
	struct example	*ex;		/* kept examples */
	size_t		 nex, excap;
	cJSON		*corpus;
	cJSON		*manifest;	/* manifest.json, or NULL */
	char	       **mnames;	/* session measure names, sorted */
	size_t		 nmnames, mcap;
	struct rgroup	 group[RESULTS_NGROUPS];
	/* The sessions with a clinician, by clinician (byte order), then
	 * date (undated last), then file order: clinician c's are
	 * order[first[c] .. first[c + 1]). */
	size_t		*order, norder;
	size_t		*first, ncl;
};

/* The index of clinician id in r->first, or (size_t)-1. */
size_t results_clinician(const struct results *r, const char *id);

/* Read DIR's results into r. Returns 0, or -1 and *why (free() it); r is
 * then empty. Free with results_free(). */
int results_read(const char *dir, struct results *r, char **why);
void results_free(struct results *r);
/* The peer group of a clinician whose sessions have cohort (NULL: none). */
enum results_group results_group_of(const char *cohort);
/* qsort comparator of pointers to examples, best first (highest score,
 * then session id, then utterance index). */
int results_cmp_example(const void *a, const void *b);

/* Defensive JSON access: o[key] as a copy of a string (free() it) or
 * NULL; as a number or NaN; as any item, an object or an array (NULL
 * when missing or of another type; o may be NULL). */
char *results_str(const cJSON *o, const char *key);
/* o[key] as a number in [lo, hi] (closed; lo may be -INFINITY and hi
 * INFINITY, but the value itself must be finite), else NaN. */
double results_range(const cJSON *o, const char *key, double lo, double hi);
/* The largest count, and the largest value of an indicator that
 * indicators.h leaves unbounded (hi INFINITY): 2^53, beyond which doubles
 * skip whole numbers. No session within ingest's 256 MiB limit comes near
 * it (at most 2^28 words or utterances). */
#define RESULTS_COUNT_MAX 9007199254740992.0
/* o[key] on the scale of indicator in (its value, a mean, median or
 * quantile): results_range() with in->lo and in->hi, or
 * RESULTS_COUNT_MAX for an unbounded hi. */
double results_ind(const cJSON *o, const char *key,
    const struct indicator *in);
/* The upper end results_ind() uses for in. */
double results_ind_hi(const struct indicator *in);
/* o[key] as a count: a whole number in [0, RESULTS_COUNT_MAX], else NaN. */
double results_count(const cJSON *o, const char *key);
/* o[key] as a number in [-RESULTS_COUNT_MAX, RESULTS_COUNT_MAX], else
 * NaN: for quantities with no natural range (slopes, residuals, the
 * confidence limits of a mean, which a t interval can put outside the
 * indicator's own range). */
double results_num(const cJSON *o, const char *key);
const cJSON *results_get(const cJSON *o, const char *key);
const cJSON *results_obj(const cJSON *o, const char *key);
const cJSON *results_arr(const cJSON *o, const char *key);

#endif
