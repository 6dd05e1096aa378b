/* agree.h -- agreement of the analyzers with human codes (u@codes).
 *
 * Per session, agree_session() counts for every tag of the vocabulary the
 * utterances of that tag's side where the analyzers and the human codes
 * agree or not on the tag's presence (a parent is present when any child
 * is), and fills the confusion tables of the two tag families with
 * subtypes. Sessions add into an agree_total, which gives per tag TP, FP,
 * FN, precision, recall, F1 and Cohen's kappa, and the session-level
 * ICC(2,1) of the counts (docs/architecture.md section 6).
 *
 * A session is coded when at least one of its utterances carries codes.
 * A tag is reported when its family (top-level tag) occurs in the codes
 * of some coded session: coders who never code validation say nothing
 * about it, so it is not counted as a miss of theirs.
 */
#ifndef RAPPORT_AGREE_H
#define RAPPORT_AGREE_H

#include <stdint.h>
#include <stdio.h>

#include "analyze.h"
#include "session.h"
#include "table.h"
#include "util.h"

/* Classes of the confusion tables: none, then the two subtypes. */
#define AGREE_NCLASS 3

struct agree_cell { unsigned long tp, fp, fn, tn; };

/* One session's counts. */
struct agree_counts {
	int			 coded;
	size_t			 ntags;		/* tags_all()'s length */
	struct agree_cell	*cell;		/* per tag */
	unsigned long		*human, *machine; /* per tag: utterances */
	uint64_t		 families;	/* bit per tag index in codes */
	/* [human][analyzer]: 0 none, 1 simple/open, 2 complex/closed.
	 * Utterances whose human code names the family but no subtype are
	 * left out (unspecified[]). */
	unsigned long		 reflection[AGREE_NCLASS][AGREE_NCLASS];
	unsigned long		 question[AGREE_NCLASS][AGREE_NCLASS];
	unsigned long		 unspecified[2];
};

/* Count session s tagged r into c (allocated here; agree_counts_free). */
void agree_session(const session *s, const struct analyze_result *r,
    struct agree_counts *c);
void agree_counts_free(struct agree_counts *c);

/* The corpus's sum. Zero-initialise. */
struct agree_total {
	size_t			 sessions;	/* coded sessions */
	size_t			 ntags;
	struct agree_cell	*cell;
	uint64_t		 families;
	double			*pairs;		/* per tag: sessions x 2 */
	size_t			 npairs, cap;	/* rows (sessions) */
	unsigned long		 reflection[AGREE_NCLASS][AGREE_NCLASS];
	unsigned long		 question[AGREE_NCLASS][AGREE_NCLASS];
	unsigned long		 unspecified[2];
};

void agree_total_add(struct agree_total *t, const struct agree_counts *c);
/* agree_total_add() in two steps, for a caller that keeps the per-session
 * pairs elsewhere until the end (aggregate.c): the additive counts of a
 * coded session, and its pair row (analyzer and human counts per tag, in
 * the order the coded sessions were counted; after the counts of at
 * least one coded session). */
void agree_total_count(struct agree_total *t, const struct agree_counts *c);
void agree_total_pair(struct agree_total *t, const unsigned long *machine,
    const unsigned long *human);
/* Is tag index i reported (its family occurs in the codes)? */
int agree_total_reported(const struct agree_total *t, size_t i);
/* agreement.csv: tag, sessions, tp, fp, fn, tn, precision, recall, f1,
 * kappa, icc21, icc21_ci_low, icc21_ci_high. */
void agree_total_table(const struct agree_total *t, struct table *out);
/* The "agreement" object of corpus.json (null when nothing is coded). */
void agree_total_json(const struct agree_total *t, strbuf *b);
/* The human-readable report of `rapport agree`. */
void agree_total_print(const struct agree_total *t, FILE *f);
void agree_total_free(struct agree_total *t);

#endif
