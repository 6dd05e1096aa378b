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

/* Counts of tagged utterances: name, tag, side, label, section,
 * definition; not judged. */
#define TAGGED(name_, tag_, side_, label_, group_, doc_) \
	{ .name = name_, .type = INDICATOR_COUNT, .tag = tag_, \
	  .side = side_, .label = label_, .unit = "count", .lo = 0, \
	  .hi = UNBOUNDED, .fair = NAN, .good = NAN, .decimals = 1, \
	  .doc = doc_, .group = group_, .aim = NAN, .concern = NAN }
/* Other counts. */
#define COUNT(name_, label_, group_, doc_) \
	TAGGED(name_, -1, SIDE_ANY, label_, group_, doc_)
/* A count with a short label for narrow columns. */
#define COUNT_ABBR(name_, label_, abbr_, group_, doc_) \
	{ .name = name_, .type = INDICATOR_COUNT, .tag = -1, \
	  .side = SIDE_ANY, .label = label_, .unit = "count", .lo = 0, \
	  .hi = UNBOUNDED, .fair = NAN, .good = NAN, .decimals = 1, \
	  .doc = doc_, .group = group_, .aim = NAN, .concern = NAN, \
	  .abbr = abbr_ }

static const struct indicator table[IND_COUNT] = {
	[IND_T_UTT] = COUNT("t_utterances", "Therapist utterances",
	    IND_GROUP_COUNTS, "therapist-side utterances"),
	[IND_C_UTT] = COUNT("c_utterances", "Client utterances",
	    IND_GROUP_COUNTS,
	    "client-side (client, caregiver, family) utterances"),
	[IND_T_WORDS] = COUNT("t_words", "Therapist words", IND_GROUP_COUNTS,
	    "therapist-side words"),
	[IND_C_WORDS] = COUNT("c_words", "Client words", IND_GROUP_COUNTS,
	    "client-side words"),
	/* Miller & Rollnick (2013, Motivational Interviewing, 3rd ed.,
	 * ch. 5): the client should do most of the talking. The aim (half)
	 * and the concern (60%) are rapport's reading of that. */
	[IND_TALK_SHARE] = { .name = "talk_share", .type = INDICATOR_REAL,
	    .tag = -1, .side = SIDE_ANY, .label = "Therapist share of words",
	    .unit = "share", .lo = 0, .hi = 1, .fair = NAN, .good = NAN,
	    .better = -1, .decimals = 2, .headline = 10,
	    .doc = "t_words / (t_words + c_words); aim <= 0.50, concern "
	    "> 0.60 (rapport's reading of Miller & Rollnick 2013: the client "
	    "does most of the talking)",
	    .strength = "lets the client do most of the talking",
	    .work = "talks more than the client: leave more room",
	    .group = IND_GROUP_LANGUAGE, .aim = 0.50, .concern = 0.60,
	    .abbr = "Talk share" },
	[IND_REFL] = TAGGED("reflections", TAG_REFLECTION, SIDE_THERAPIST,
	    "Reflections", IND_GROUP_COUNTS, "utterances tagged reflection"),
	[IND_REFL_SIMPLE] = TAGGED("reflections_simple",
	    TAG_REFLECTION_SIMPLE, SIDE_THERAPIST, "Simple reflections",
	    IND_GROUP_COUNTS, "utterances tagged reflection.simple"),
	[IND_REFL_COMPLEX] = TAGGED("reflections_complex",
	    TAG_REFLECTION_COMPLEX, SIDE_THERAPIST, "Complex reflections",
	    IND_GROUP_COUNTS, "utterances tagged reflection.complex"),
	[IND_Q] = TAGGED("questions", TAG_QUESTION, SIDE_THERAPIST,
	    "Questions", IND_GROUP_COUNTS, "utterances tagged question"),
	[IND_Q_OPEN] = TAGGED("questions_open", TAG_QUESTION_OPEN,
	    SIDE_THERAPIST, "Open questions", IND_GROUP_COUNTS,
	    "utterances tagged question.open"),
	[IND_Q_CLOSED] = TAGGED("questions_closed", TAG_QUESTION_CLOSED,
	    SIDE_THERAPIST, "Closed questions", IND_GROUP_COUNTS,
	    "utterances tagged question.closed"),
	[IND_RQ] = { .name = "rq_ratio", .type = INDICATOR_REAL, .tag = -1,
	    .side = SIDE_ANY, .label = "Reflections per question",
	    .unit = "ratio", .lo = 0, .hi = UNBOUNDED, .fair = 1.0,
	    .good = 2.0, .better = 1, .decimals = 2, .headline = 1,
	    .predictor = 1,
	    .doc = "reflections / questions (MITI 4.2.1 R:Q; fair >= 1, good "
	    ">= 2)",
	    .strength = "reflects more than asks: clients hear themselves "
	    "understood",
	    .work = "asks more than reflects: try answering a client's "
	    "statement with a reflection before the next question",
	    .group = IND_GROUP_LISTENING, .aim = NAN, .concern = NAN,
	    .abbr = "R:Q" },
	[IND_PCT_CR] = { .name = "pct_complex_reflections",
	    .type = INDICATOR_REAL, .tag = -1, .side = SIDE_ANY,
	    .label = "Share of complex reflections", .unit = "share", .lo = 0,
	    .hi = 1, .fair = 0.40, .good = 0.50, .better = 1, .decimals = 2,
	    .headline = 2, .predictor = 1,
	    .doc = "reflections_complex / reflections (MITI 4.2.1 %CR; fair "
	    ">= 0.40, good >= 0.50)",
	    .strength = "reflections add meaning and feeling, not only repeat",
	    .work = "reflections mostly repeat: add the feeling or meaning you "
	    "hear",
	    .group = IND_GROUP_LISTENING, .aim = NAN, .concern = NAN,
	    .abbr = "%CR" },
	[IND_PCT_OQ] = { .name = "pct_open_questions", .type = INDICATOR_REAL,
	    .tag = -1, .side = SIDE_ANY, .label = "Share of open questions",
	    .unit = "share", .lo = 0, .hi = 1, .fair = NAN, .good = NAN,
	    .better = 1, .decimals = 2, .headline = 3, .predictor = 1,
	    .doc = "questions_open / questions",
	    .strength = "questions invite the client to tell their story",
	    .work = "questions are mostly yes/no: try \"what\" and \"how\" "
	    "questions",
	    .group = IND_GROUP_LISTENING, .aim = NAN, .concern = NAN,
	    .abbr = "%OQ" },
	[IND_VALID] = TAGGED("validations", TAG_VALIDATION, SIDE_THERAPIST,
	    "Validations", IND_GROUP_COUNTS, "utterances tagged validation"),
	[IND_AFFIRM] = TAGGED("affirmations", TAG_AFFIRMATION, SIDE_THERAPIST,
	    "Affirmations", IND_GROUP_COUNTS, "utterances tagged affirmation"),
	[IND_ENCOUR] = TAGGED("encouragers", TAG_ENCOURAGER, SIDE_THERAPIST,
	    "Encouragers", IND_GROUP_COUNTS, "utterances tagged encourager"),
	[IND_VALID_100] = { .name = "validations_per_100",
	    .type = INDICATOR_REAL, .tag = -1, .side = SIDE_ANY,
	    .label = "Validations per 100 utterances",
	    .unit = "per 100 utterances", .lo = 0, .hi = 100, .fair = NAN,
	    .good = NAN, .better = 1, .decimals = 1, .headline = 4,
	    .predictor = 1,
	    .doc = "validations per 100 therapist utterances",
	    .strength = "often tells clients their feelings make sense",
	    .work = "validates rarely: say when a reaction is understandable",
	    .group = IND_GROUP_LISTENING, .aim = NAN, .concern = NAN },
	[IND_AFFIRM_100] = { .name = "affirmations_per_100",
	    .type = INDICATOR_REAL, .tag = -1, .side = SIDE_ANY,
	    .label = "Affirmations per 100 utterances",
	    .unit = "per 100 utterances", .lo = 0, .hi = 100, .fair = NAN,
	    .good = NAN, .better = 1, .decimals = 1, .headline = 5,
	    .doc = "affirmations per 100 therapist utterances",
	    .strength = "notices and names clients' strengths and efforts",
	    .work = "affirms rarely: name the client's strengths and efforts",
	    .group = IND_GROUP_LISTENING, .aim = NAN, .concern = NAN },
	[IND_ENCOUR_100] = { .name = "encouragers_per_100",
	    .type = INDICATOR_REAL, .tag = -1, .side = SIDE_ANY,
	    .label = "Encouragers per 100 utterances",
	    .unit = "per 100 utterances", .lo = 0, .hi = 100, .fair = NAN,
	    .good = NAN, .better = 1, .decimals = 1, .headline = 6,
	    .doc = "encouragers per 100 therapist utterances",
	    .strength = "keeps clients talking with brief encouragers",
	    .work = "few brief encouragers (\"mm-hmm\", \"go on\")",
	    .group = IND_GROUP_LISTENING, .aim = NAN, .concern = NAN },
	[IND_JARGON_1000W] = { .name = "jargon_per_1000w",
	    .type = INDICATOR_REAL, .tag = -1, .side = SIDE_ANY,
	    .label = "Jargon per 1000 words", .unit = "per 1000 words",
	    .lo = 0, .hi = 1000, .fair = NAN, .good = NAN, .better = -1,
	    .decimals = 1, .headline = 7, .predictor = 1,
	    .doc = "jargon hits per 1000 therapist words; concern > 10, one "
	    "term in every 100 words (rapport's level: no published norm)",
	    .strength = "speaks in plain language",
	    .work = "uses clinical jargon: say it in everyday words (see the "
	    "examples)",
	    .group = IND_GROUP_LANGUAGE, .aim = NAN, .concern = 10 },
	/* Weiss (2007, Health Literacy and Patient Safety, AMA Foundation)
	 * and the NIH recommend patient materials at grade 6 to 8; speech
	 * is not print, so grade 8 is a concern, not a target. */
	[IND_FK] = { .name = "fk_grade", .type = INDICATOR_REAL, .tag = -1,
	    .side = SIDE_ANY, .label = "Reading grade of speech",
	    .unit = "grade", .lo = -3.40, .hi = UNBOUNDED, .fair = NAN,
	    .good = NAN, .better = -1, .decimals = 1, .headline = 8,
	    .doc = "Flesch-Kincaid grade of therapist speech: 0.39 "
	    "words/sentences + 11.8 syllables/words - 15.59 (Kincaid et al. "
	    "1975); concern > 8, the top of the grade 6 to 8 advised for "
	    "patients (Weiss 2007)",
	    .strength = "speech is easy to follow",
	    .work = "long words and sentences: say it more simply",
	    .group = IND_GROUP_LANGUAGE, .aim = NAN, .concern = 8 },
	[IND_LSM] = { .name = "lsm", .type = INDICATOR_REAL, .tag = -1,
	    .side = SIDE_ANY, .label = "Language style matching",
	    .unit = "index", .lo = 0, .hi = 1, .fair = NAN, .good = NAN,
	    .better = 1, .decimals = 2, .headline = 9, .predictor = 1,
	    .doc = "language style matching, therapist vs client side: mean "
	    "over 9 function-word categories of 1 - |p1 - p2| / (p1 + p2 + "
	    "0.0001) (Ireland & Pennebaker 2010)",
	    .strength = "matches the client's way of speaking",
	    .work = "speaks in a different style from the client",
	    .group = IND_GROUP_LANGUAGE, .aim = NAN, .concern = NAN },
	[IND_JARGON] = COUNT("jargon_terms", "Jargon terms", IND_GROUP_COUNTS,
	    "jargon hits (tags, not utterances)"),
	[IND_COLLAB] = { .name = "collaborations", .type = INDICATOR_COUNT,
	    .tag = TAG_COLLABORATION, .side = SIDE_THERAPIST,
	    .label = "Seeking collaboration", .unit = "count", .lo = 0,
	    .hi = UNBOUNDED, .fair = NAN, .good = NAN, .better = 1,
	    .decimals = 1, .doc = "utterances tagged collaboration (MITI "
	    "4.2.1 Seek)",
	    .strength = "invites the client's ideas and choices",
	    .work = "rarely asks for the client's ideas: \"What do you think "
	    "would help?\"",
	    .group = IND_GROUP_DIRECTING, .aim = NAN, .concern = NAN },
	[IND_AUTONOMY] = { .name = "autonomy_supports",
	    .type = INDICATOR_COUNT, .tag = TAG_AUTONOMY,
	    .side = SIDE_THERAPIST, .label = "Autonomy support",
	    .unit = "count", .lo = 0, .hi = UNBOUNDED, .fair = NAN,
	    .good = NAN, .better = 1, .decimals = 1,
	    .doc = "utterances tagged autonomy (MITI 4.2.1 Emphasize)",
	    .strength = "makes clear the choice is the client's",
	    .work = "rarely says the choice is the client's: \"It's up to "
	    "you\"",
	    .group = IND_GROUP_DIRECTING, .aim = NAN, .concern = NAN },
	[IND_DIRECTIVE] = TAGGED("directives", TAG_DIRECTIVE, SIDE_THERAPIST,
	    "Directives", IND_GROUP_DIRECTING,
	    "utterances tagged directive (MITI 4.2.1 Persuade without "
	    "permission)"),
	/* MITI 4.2.1 counts persuasion without permission against MI
	 * adherence but sets no rate; one in ten utterances is rapport's
	 * level. */
	[IND_DIRECTIVE_100] = { .name = "directives_per_100",
	    .type = INDICATOR_REAL, .tag = -1, .side = SIDE_ANY,
	    .label = "Directives per 100 utterances",
	    .unit = "per 100 utterances", .lo = 0, .hi = 100, .fair = NAN,
	    .good = NAN, .better = -1, .decimals = 1,
	    .doc = "directives per 100 therapist utterances; concern > 10, "
	    "one utterance in ten (rapport's level: MITI 4.2.1 counts "
	    "Persuade against adherence but sets no rate)",
	    .strength = "advises rarely, and asks first",
	    .work = "tells the client what to do: ask permission before "
	    "advising, or ask what they think first",
	    .group = IND_GROUP_DIRECTING, .aim = NAN, .concern = 10,
	    .abbr = "Directives /100" },
	[IND_REPAIR] = TAGGED("repairs", TAG_REPAIR, SIDE_THERAPIST,
	    "Repairs", IND_GROUP_ALLIANCE, "utterances tagged repair"),
	[IND_RUPTURE] = TAGGED("ruptures", TAG_RUPTURE, SIDE_CLIENT,
	    "Ruptures", IND_GROUP_ALLIANCE,
	    "client-side utterances tagged rupture (Safran & Muran 2000)"),
	[IND_RUPT_WITHDRAWAL] = TAGGED("ruptures_withdrawal",
	    TAG_RUPTURE_WITHDRAWAL, SIDE_CLIENT, "Withdrawal ruptures",
	    IND_GROUP_ALLIANCE,
	    "client-side utterances tagged rupture.withdrawal"),
	[IND_RUPT_CONFRONT] = TAGGED("ruptures_confrontation",
	    TAG_RUPTURE_CONFRONTATION, SIDE_CLIENT, "Confrontation ruptures",
	    IND_GROUP_ALLIANCE,
	    "client-side utterances tagged rupture.confrontation"),
	[IND_RUPT_REPAIRED] = COUNT_ABBR("ruptures_repaired",
	    "Ruptures repaired", "Repaired", IND_GROUP_ALLIANCE,
	    "ruptures with a therapist utterance tagged repair among the "
	    "therapist's next 3 utterances (INDICATORS_REPAIR_WINDOW)"),
	/* Eubanks, Muran & Safran (2018, Psychotherapy 55, 508-519): rupture
	 * repair goes with better outcome; fewer than half repaired is
	 * rapport's level of concern. */
	[IND_REPAIR_SHARE] = { .name = "repair_share",
	    .type = INDICATOR_REAL, .tag = -1, .side = SIDE_ANY,
	    .label = "Share of ruptures repaired", .unit = "share", .lo = 0,
	    .hi = 1, .fair = NAN, .good = NAN, .better = 1, .decimals = 2,
	    .doc = "ruptures_repaired / ruptures, sessions with a rupture "
	    "only; concern < 0.50 (rapport's level; repair goes with better "
	    "outcome, Eubanks, Muran & Safran 2018)",
	    .strength = "repairs ruptures: names a misstep and asks how it "
	    "landed",
	    .work = "ruptures go unrepaired: when the client withdraws or "
	    "pushes back, name it and ask how it landed",
	    .group = IND_GROUP_ALLIANCE, .aim = NAN, .concern = 0.50 },
	[IND_CHANGE] = TAGGED("change_talk", TAG_CHANGE_TALK, SIDE_CLIENT,
	    "Change talk", IND_GROUP_CLIENT,
	    "client-side utterances tagged change-talk"),
	[IND_SUSTAIN] = TAGGED("sustain_talk", TAG_SUSTAIN_TALK, SIDE_CLIENT,
	    "Sustain talk", IND_GROUP_CLIENT,
	    "client-side utterances tagged sustain-talk"),
	[IND_TECH] = TAGGED("tech_disruptions", TAG_TECH_DISRUPTION, SIDE_ANY,
	    "Telehealth disruptions mentioned", IND_GROUP_TELEHEALTH,
	    "utterances (any speaker) tagged tech.disruption"),
	[IND_DISRUPT_EVENTS] = COUNT_ABBR("disruption_events",
	    "Disconnects, freezes and audio losses", "Disruptions",
	    IND_GROUP_TELEHEALTH,
	    "<event>s of type disconnect, freeze or audio-loss"),
	[IND_DISRUPT_SECONDS] = { .name = "disruption_seconds",
	    .type = INDICATOR_REAL, .tag = -1, .side = SIDE_ANY,
	    .label = "Seconds of disruption", .unit = "seconds", .lo = 0,
	    .hi = UNBOUNDED, .fair = NAN, .good = NAN, .decimals = 0,
	    .doc = "summed duration of those events that have start and end",
	    .group = IND_GROUP_TELEHEALTH, .aim = NAN, .concern = NAN },
};

static const char *const group_names[IND_NGROUPS] = {
	[IND_GROUP_LISTENING] = "Listening and questions",
	[IND_GROUP_LANGUAGE] = "Language and talk",
	[IND_GROUP_DIRECTING] = "Directing and collaborating",
	[IND_GROUP_ALLIANCE] = "Ruptures and repairs",
	[IND_GROUP_CLIENT] = "Client change and sustain talk",
	[IND_GROUP_TELEHEALTH] = "Telehealth disruptions",
	[IND_GROUP_COUNTS] = "Counts behind the ratios",
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

const char *
indicators_abbr(const struct indicator *in)
{
	return in->abbr != NULL ? in->abbr : in->label;
}

const char *
indicators_group_name(enum indicator_group g)
{
	return g < IND_NGROUPS ? group_names[g] : "";
}

int
indicators_has_thresholds(const struct indicator *in)
{
	return !isnan(in->fair) && !isnan(in->good);
}
