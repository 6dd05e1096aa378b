/* indicators.c -- the table of session indicators (indicators.h).
 *
 * Thresholds are MITI 4.2.1's (Moyers, Manuel & Ernst 2014, "Motivational
 * Interviewing Treatment Integrity Coding Manual 4.2.1", table of
 * proficiency thresholds): R:Q fair >= 1, good >= 2; %CR fair >= 40%,
 * good >= 50%. The Flesch-Kincaid grade is Kincaid, Fishburne, Rogers &
 * Chissom (1975); its lowest value, -3.40, is a text of one-syllable
 * one-word sentences. Language style matching is Ireland & Pennebaker
 * (2010). docs/statistics.md has every formula.
 */
#include "config.h"

#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "indicators.h"
#include "tags.h"

#define UNBOUNDED	INFINITY
#define NONE		NAN, NAN

/* Counts of tagged utterances: name, tag, side, label, definition. */
#define TAGGED(name, tag, side, label, doc) \
	{ name, INDICATOR_COUNT, tag, side, label, "count", 0, UNBOUNDED, \
	  NONE, 0, 0, 0, 0, doc, NULL, NULL }
/* Other counts. */
#define COUNT(name, label, doc) \
	{ name, INDICATOR_COUNT, -1, SIDE_ANY, label, "count", 0, UNBOUNDED, \
	  NONE, 0, 0, 0, 0, doc, NULL, NULL }

static const struct indicator table[IND_COUNT] = {
	[IND_T_UTT] = COUNT("t_utterances", "Therapist utterances",
	    "therapist-side utterances"),
	[IND_C_UTT] = COUNT("c_utterances", "Client utterances",
	    "client-side (client, caregiver, family) utterances"),
	[IND_T_WORDS] = COUNT("t_words", "Therapist words",
	    "therapist-side words"),
	[IND_C_WORDS] = COUNT("c_words", "Client words", "client-side words"),
	[IND_TALK_SHARE] = { "talk_share", INDICATOR_REAL, -1, SIDE_ANY,
	    "Therapist share of words", "share", 0, 1, NONE, -1, 2, 10, 0,
	    "t_words / (t_words + c_words)",
	    "lets the client do most of the talking",
	    "talks more than the client: leave more room" },
	[IND_REFL] = TAGGED("reflections", TAG_REFLECTION, SIDE_THERAPIST,
	    "Reflections", "utterances tagged reflection"),
	[IND_REFL_SIMPLE] = TAGGED("reflections_simple",
	    TAG_REFLECTION_SIMPLE, SIDE_THERAPIST, "Simple reflections",
	    "utterances tagged reflection.simple"),
	[IND_REFL_COMPLEX] = TAGGED("reflections_complex",
	    TAG_REFLECTION_COMPLEX, SIDE_THERAPIST, "Complex reflections",
	    "utterances tagged reflection.complex"),
	[IND_Q] = TAGGED("questions", TAG_QUESTION, SIDE_THERAPIST,
	    "Questions", "utterances tagged question"),
	[IND_Q_OPEN] = TAGGED("questions_open", TAG_QUESTION_OPEN,
	    SIDE_THERAPIST, "Open questions", "utterances tagged question.open"),
	[IND_Q_CLOSED] = TAGGED("questions_closed", TAG_QUESTION_CLOSED,
	    SIDE_THERAPIST, "Closed questions",
	    "utterances tagged question.closed"),
	[IND_RQ] = { "rq_ratio", INDICATOR_REAL, -1, SIDE_ANY,
	    "Reflections per question", "ratio", 0, UNBOUNDED, 1.0, 2.0, 1,
	    2, 1, 1,
	    "reflections / questions (MITI 4.2.1 R:Q; fair >= 1, good >= 2)",
	    "reflects more than asks: clients hear themselves understood",
	    "asks more than reflects: try answering a client's statement with "
	    "a reflection before the next question" },
	[IND_PCT_CR] = { "pct_complex_reflections", INDICATOR_REAL, -1,
	    SIDE_ANY, "Share of complex reflections", "share", 0, 1, 0.40,
	    0.50, 1, 2, 2, 1,
	    "reflections_complex / reflections (MITI 4.2.1 %CR; fair >= 0.40, "
	    "good >= 0.50)",
	    "reflections add meaning and feeling, not only repeat",
	    "reflections mostly repeat: add the feeling or meaning you hear" },
	[IND_PCT_OQ] = { "pct_open_questions", INDICATOR_REAL, -1, SIDE_ANY,
	    "Share of open questions", "share", 0, 1, NONE, 1, 2, 3, 1,
	    "questions_open / questions",
	    "questions invite the client to tell their story",
	    "questions are mostly yes/no: try \"what\" and \"how\" questions" },
	[IND_VALID] = TAGGED("validations", TAG_VALIDATION, SIDE_THERAPIST,
	    "Validations", "utterances tagged validation"),
	[IND_AFFIRM] = TAGGED("affirmations", TAG_AFFIRMATION, SIDE_THERAPIST,
	    "Affirmations", "utterances tagged affirmation"),
	[IND_ENCOUR] = TAGGED("encouragers", TAG_ENCOURAGER, SIDE_THERAPIST,
	    "Encouragers", "utterances tagged encourager"),
	[IND_VALID_100] = { "validations_per_100", INDICATOR_REAL, -1,
	    SIDE_ANY, "Validations per 100 utterances", "per 100 utterances",
	    0, 100, NONE, 1, 1, 4, 1,
	    "validations per 100 therapist utterances",
	    "often tells clients their feelings make sense",
	    "validates rarely: say when a reaction is understandable" },
	[IND_AFFIRM_100] = { "affirmations_per_100", INDICATOR_REAL, -1,
	    SIDE_ANY, "Affirmations per 100 utterances", "per 100 utterances",
	    0, 100, NONE, 1, 1, 5, 0,
	    "affirmations per 100 therapist utterances",
	    "notices and names clients' strengths and efforts",
	    "affirms rarely: name the client's strengths and efforts" },
	[IND_ENCOUR_100] = { "encouragers_per_100", INDICATOR_REAL, -1,
	    SIDE_ANY, "Encouragers per 100 utterances", "per 100 utterances",
	    0, 100, NONE, 1, 1, 6, 0,
	    "encouragers per 100 therapist utterances",
	    "keeps clients talking with brief encouragers",
	    "few brief encouragers (\"mm-hmm\", \"go on\")" },
	[IND_JARGON_1000W] = { "jargon_per_1000w", INDICATOR_REAL, -1,
	    SIDE_ANY, "Jargon per 1000 words", "per 1000 words", 0, 1000, NONE,
	    -1, 1, 7, 1, "jargon hits per 1000 therapist words",
	    "speaks in plain language",
	    "uses clinical jargon: say it in everyday words (see the "
	    "examples)" },
	[IND_FK] = { "fk_grade", INDICATOR_REAL, -1, SIDE_ANY,
	    "Reading grade of speech", "grade", -3.40, UNBOUNDED, NONE, -1, 1,
	    8, 0,
	    "Flesch-Kincaid grade of therapist speech: 0.39 words/sentences + "
	    "11.8 syllables/words - 15.59 (Kincaid et al. 1975)",
	    "speech is easy to follow",
	    "long words and sentences: say it more simply" },
	[IND_LSM] = { "lsm", INDICATOR_REAL, -1, SIDE_ANY,
	    "Language style matching", "index", 0, 1, NONE, 1, 2, 9, 1,
	    "language style matching, therapist vs client side: mean over 9 "
	    "function-word categories of 1 - |p1 - p2| / (p1 + p2 + 0.0001) "
	    "(Ireland & Pennebaker 2010)",
	    "matches the client's way of speaking",
	    "speaks in a different style from the client" },
	[IND_JARGON] = COUNT("jargon_terms", "Jargon terms",
	    "jargon hits (tags, not utterances)"),
	[IND_COLLAB] = TAGGED("collaborations", TAG_COLLABORATION,
	    SIDE_THERAPIST, "Seeking collaboration",
	    "utterances tagged collaboration"),
	[IND_AUTONOMY] = TAGGED("autonomy_supports", TAG_AUTONOMY,
	    SIDE_THERAPIST, "Autonomy support", "utterances tagged autonomy"),
	[IND_DIRECTIVE] = TAGGED("directives", TAG_DIRECTIVE, SIDE_THERAPIST,
	    "Directives", "utterances tagged directive"),
	[IND_REPAIR] = TAGGED("repairs", TAG_REPAIR, SIDE_THERAPIST,
	    "Repairs", "utterances tagged repair"),
	[IND_RUPTURE] = TAGGED("ruptures", TAG_RUPTURE, SIDE_CLIENT,
	    "Ruptures", "client-side utterances tagged rupture"),
	[IND_RUPT_WITHDRAWAL] = TAGGED("ruptures_withdrawal",
	    TAG_RUPTURE_WITHDRAWAL, SIDE_CLIENT, "Withdrawal ruptures",
	    "client-side utterances tagged rupture.withdrawal"),
	[IND_RUPT_CONFRONT] = TAGGED("ruptures_confrontation",
	    TAG_RUPTURE_CONFRONTATION, SIDE_CLIENT, "Confrontation ruptures",
	    "client-side utterances tagged rupture.confrontation"),
	[IND_CHANGE] = TAGGED("change_talk", TAG_CHANGE_TALK, SIDE_CLIENT,
	    "Change talk", "client-side utterances tagged change-talk"),
	[IND_SUSTAIN] = TAGGED("sustain_talk", TAG_SUSTAIN_TALK, SIDE_CLIENT,
	    "Sustain talk", "client-side utterances tagged sustain-talk"),
	[IND_TECH] = TAGGED("tech_disruptions", TAG_TECH_DISRUPTION, SIDE_ANY,
	    "Telehealth disruptions mentioned",
	    "utterances (any speaker) tagged tech.disruption"),
	[IND_DISRUPT_EVENTS] = COUNT("disruption_events",
	    "Disconnects, freezes and audio losses",
	    "<event>s of type disconnect, freeze or audio-loss"),
	[IND_DISRUPT_SECONDS] = { "disruption_seconds", INDICATOR_REAL, -1,
	    SIDE_ANY, "Seconds of disruption", "seconds", 0, UNBOUNDED, NONE,
	    -1, 0, 0, 0,
	    "summed duration of those events that have start and end", NULL,
	    NULL },
};

static const struct indicator *headline[INDICATORS_NHEADLINE];
static int predictors[IND_COUNT];
static size_t npredictors;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void
init(void)
{
	size_t n = 0;

	for (int i = 0; i < IND_COUNT; i++) {
		if (table[i].headline > 0 &&
		    table[i].headline <= INDICATORS_NHEADLINE) {
			headline[table[i].headline - 1] = &table[i];
			n++;
		}
		if (table[i].predictor)
			predictors[npredictors++] = i;
	}
	/* The table above ranks exactly INDICATORS_NHEADLINE headlines. */
	for (size_t i = 0; i < INDICATORS_NHEADLINE; i++)
		if (headline[i] == NULL || n != INDICATORS_NHEADLINE)
			abort();
}

const struct indicator *
indicators_all(size_t *n)
{
	*n = IND_COUNT;
	return table;
}

int
indicators_find(const char *name)
{
	for (int i = 0; i < IND_COUNT; i++)
		if (strcmp(table[i].name, name) == 0)
			return i;
	return -1;
}

const struct indicator *const *
indicators_headline(void)
{
	pthread_once(&once, init);
	return headline;
}

const int *
indicators_predictors(size_t *n)
{
	pthread_once(&once, init);
	*n = npredictors;
	return predictors;
}

int
indicators_has_thresholds(const struct indicator *in)
{
	return !isnan(in->fair) && !isnan(in->good);
}
