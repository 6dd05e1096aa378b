/* indicators.h -- the one table of session indicators (sessions.csv).
 *
 * Every numeric column of sessions.csv (docs/architecture.md section 5, interface)
 * is one row here: its name, how it is counted, its range, its MITI
 * thresholds, the direction that is better and the plain words the
 * reports use. measure.c computes the values from it; the CSV, JSONL and
 * SQLite writers, the statistics and the reports all iterate it, so an
 * indicator is added, renamed or re-sourced in one place.
 */
#ifndef RAPPORT_INDICATORS_H
#define RAPPORT_INDICATORS_H

#include <stddef.h>

#include "side.h"

enum indicator_type {
	INDICATOR_COUNT,	/* a whole number */
	INDICATOR_REAL		/* a ratio or score; NaN when undefined */
};

/* The columns, in output order. */
enum indicator_id {
	IND_T_UTT, IND_C_UTT, IND_T_WORDS, IND_C_WORDS, IND_TALK_SHARE,
	IND_REFL, IND_REFL_SIMPLE, IND_REFL_COMPLEX,
	IND_Q, IND_Q_OPEN, IND_Q_CLOSED,
	IND_RQ, IND_PCT_CR, IND_PCT_OQ,
	IND_VALID, IND_AFFIRM, IND_ENCOUR,
	IND_VALID_100, IND_AFFIRM_100, IND_ENCOUR_100,
	IND_JARGON_1000W, IND_FK, IND_LSM,
	IND_JARGON, IND_COLLAB, IND_AUTONOMY, IND_DIRECTIVE,
	IND_DIRECTIVE_100, IND_REPAIR,
	IND_RUPTURE, IND_RUPT_WITHDRAWAL, IND_RUPT_CONFRONT,
	IND_RUPT_REPAIRED, IND_REPAIR_SHARE,
	IND_CHANGE, IND_SUSTAIN, IND_TECH, IND_DISRUPT_EVENTS,
	IND_DISRUPT_SECONDS,
	IND_COUNT
};

/* The sections of the reports, in the order they show them. */
enum indicator_group {
	IND_GROUP_LISTENING,	/* reflections, questions, validation */
	IND_GROUP_LANGUAGE,	/* jargon, reading grade, style, talk share */
	IND_GROUP_DIRECTING,	/* directives, collaboration, autonomy */
	IND_GROUP_ALLIANCE,	/* ruptures and repairs */
	IND_GROUP_CLIENT,	/* change and sustain talk */
	IND_GROUP_TELEHEALTH,	/* disruptions */
	IND_GROUP_COUNTS,	/* the counts behind the ratios */
	IND_NGROUPS
};

/* A rupture counts as repaired when a therapist utterance tagged repair
 * is among the therapist's next this many utterances (rapport's window;
 * Safran & Muran 2000 describe repair as the therapist's response to the
 * rupture, without a fixed distance). */
#define INDICATORS_REPAIR_WINDOW 3

struct indicator {
	const char		*name;		/* the sessions.csv column */
	enum indicator_type	 type;
	/* A count of utterances carrying tag (enum tag_id; -1: computed
	 * otherwise) said by side (SIDE_ANY: every speaker). */
	int			 tag;
	enum side		 side;
	const char		*label;		/* plain words, for reports */
	const char		*unit;		/* "count", "ratio", "share", ... */
	double			 lo, hi;	/* range; hi INFINITY: unbounded */
	/* MITI 4.2.1 proficiency thresholds; NaN where there are none. */
	double			 fair, good;
	int			 better;	/* +1 higher, -1 lower, 0 neither */
	int			 decimals;	/* shown in reports */
	/* Shown on every report page: the rank (1 first), or 0. */
	int			 headline;
	/* A predictor in the regressions of session measures (corpus.json
	 * measures.<m>.regression). */
	int			 predictor;
	const char		*doc;		/* definition, with its source */
	/* For supervisors: said of a strength and of a thing to work on;
	 * NULL for an indicator the reports do not judge (better 0). */
	const char		*strength, *work;
	enum indicator_group	 group;		/* report section */
	/* Absolute levels for the reports' judgement, in the indicator's
	 * unit (NaN: none): a mean on the better side of `aim` is a
	 * strength, one on the worse side of `concern` a thing to work on,
	 * whatever the rest of the corpus does. The source or rationale of
	 * each is in doc. */
	double			 aim, concern;
	const char		*abbr;		/* for narrow columns, or NULL */
};

/* Headline indicators (headline > 0). */
#define INDICATORS_NHEADLINE	10

/* The table indexed by enum indicator_id; *n gets IND_COUNT. */
const struct indicator *indicators_all(size_t *n);
/* The id of the indicator named name, or -1. */
int indicators_find(const char *name);
/* The headline indicators in rank order (INDICATORS_NHEADLINE of them). */
const struct indicator *const *indicators_headline(void);
/* The ids of the regression predictors in table order; *n their number. */
const int *indicators_predictors(size_t *n);
/* in's short label: abbr, else label. */
const char *indicators_abbr(const struct indicator *in);
/* The section title of group g ("Ruptures and repairs"). */
const char *indicators_group_name(enum indicator_group g);
/* Does the indicator have MITI thresholds? */
int indicators_has_thresholds(const struct indicator *in);

#endif
