/* measure.c -- per-session indicators from tags and text (DESIGN.md s. 5).
 *
 * Counts are of therapist-side utterances carrying a tag (a parent tag is
 * implied by its children) unless the column says otherwise; client-talk
 * and rupture columns count client-side utterances. A ratio whose
 * denominator is zero is NaN, written as an empty CSV cell / JSON null.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "measure.h"
#include "tags.h"
#include "textstats.h"
#include "util.h"

enum {
	M_T_UTT, M_C_UTT, M_T_WORDS, M_C_WORDS, M_TALK_SHARE,
	M_REFL, M_REFL_SIMPLE, M_REFL_COMPLEX,
	M_Q, M_Q_OPEN, M_Q_CLOSED,
	M_RQ, M_PCT_CR, M_PCT_OQ,
	M_VALID, M_AFFIRM, M_ENCOUR,
	M_VALID_100, M_AFFIRM_100, M_ENCOUR_100,
	M_JARGON_1000W, M_FK, M_LSM,
	M_JARGON, M_COLLAB, M_AUTONOMY, M_DIRECTIVE, M_REPAIR,
	M_RUPTURE, M_RUPT_WITHDRAWAL, M_RUPT_CONFRONT,
	M_CHANGE, M_SUSTAIN, M_TECH, M_DISRUPT_EVENTS, M_DISRUPT_SECONDS,
	M_NCOLS
};

/* Thresholds quoted in docs are from MITI 4.2.1 (Moyers, Manuel & Ernst
 * 2014): R:Q fair >= 1, good >= 2; %CR fair >= 40%, good >= 50%. */
static const struct measure_column columns[M_NCOLS] = {
	{ "t_utterances", MEASURE_COUNT, "therapist-side utterances" },
	{ "c_utterances", MEASURE_COUNT,
	  "client-side (client, caregiver, family) utterances" },
	{ "t_words", MEASURE_COUNT, "therapist-side words" },
	{ "c_words", MEASURE_COUNT, "client-side words" },
	{ "talk_share", MEASURE_REAL, "t_words / (t_words + c_words)" },
	{ "reflections", MEASURE_COUNT, "utterances tagged reflection" },
	{ "reflections_simple", MEASURE_COUNT,
	  "utterances tagged reflection.simple" },
	{ "reflections_complex", MEASURE_COUNT,
	  "utterances tagged reflection.complex" },
	{ "questions", MEASURE_COUNT, "utterances tagged question" },
	{ "questions_open", MEASURE_COUNT, "utterances tagged question.open" },
	{ "questions_closed", MEASURE_COUNT,
	  "utterances tagged question.closed" },
	{ "rq_ratio", MEASURE_REAL,
	  "reflections / questions (MITI 4.2.1 R:Q; fair >= 1, good >= 2)" },
	{ "pct_complex_reflections", MEASURE_REAL,
	  "reflections_complex / reflections (MITI 4.2.1 %CR; fair >= 0.40, "
	  "good >= 0.50)" },
	{ "pct_open_questions", MEASURE_REAL, "questions_open / questions" },
	{ "validations", MEASURE_COUNT, "utterances tagged validation" },
	{ "affirmations", MEASURE_COUNT, "utterances tagged affirmation" },
	{ "encouragers", MEASURE_COUNT, "utterances tagged encourager" },
	{ "validations_per_100", MEASURE_REAL,
	  "validations per 100 therapist utterances" },
	{ "affirmations_per_100", MEASURE_REAL,
	  "affirmations per 100 therapist utterances" },
	{ "encouragers_per_100", MEASURE_REAL,
	  "encouragers per 100 therapist utterances" },
	{ "jargon_per_1000w", MEASURE_REAL,
	  "jargon hits per 1000 therapist words" },
	{ "fk_grade", MEASURE_REAL,
	  "Flesch-Kincaid grade of therapist speech: 0.39 words/sentences + "
	  "11.8 syllables/words - 15.59 (Kincaid et al. 1975)" },
	{ "lsm", MEASURE_REAL,
	  "language style matching, therapist vs client side: mean over 9 "
	  "function-word categories of 1 - |p1 - p2| / (p1 + p2 + 0.0001) "
	  "(Ireland & Pennebaker 2010)" },
	{ "jargon_terms", MEASURE_COUNT, "jargon hits (tags, not utterances)" },
	{ "collaborations", MEASURE_COUNT, "utterances tagged collaboration" },
	{ "autonomy_supports", MEASURE_COUNT, "utterances tagged autonomy" },
	{ "directives", MEASURE_COUNT, "utterances tagged directive" },
	{ "repairs", MEASURE_COUNT, "utterances tagged repair" },
	{ "ruptures", MEASURE_COUNT,
	  "client-side utterances tagged rupture" },
	{ "ruptures_withdrawal", MEASURE_COUNT,
	  "client-side utterances tagged rupture.withdrawal" },
	{ "ruptures_confrontation", MEASURE_COUNT,
	  "client-side utterances tagged rupture.confrontation" },
	{ "change_talk", MEASURE_COUNT,
	  "client-side utterances tagged change-talk" },
	{ "sustain_talk", MEASURE_COUNT,
	  "client-side utterances tagged sustain-talk" },
	{ "tech_disruptions", MEASURE_COUNT,
	  "utterances (any speaker) tagged tech.disruption" },
	{ "disruption_events", MEASURE_COUNT,
	  "<event>s of type disconnect, freeze or audio-loss" },
	{ "disruption_seconds", MEASURE_REAL,
	  "summed duration of those events that have start and end" },
};

static const char *const meta_names[MEASURE_NMETA] = { MEASURE_META_COLUMNS };

const struct measure_column *
measure_columns(size_t *n)
{
	*n = M_NCOLS;
	return columns;
}

const char *const *
measure_meta_names(void)
{
	return meta_names;
}

int
measure_column_index(const char *name)
{
	for (int i = 0; i < M_NCOLS; i++)
		if (strcmp(columns[i].name, name) == 0)
			return i;
	return -1;
}

static double
ratio(double num, double den)
{
	return den > 0 ? num / den : NAN;
}

/* The index of a tag this file names; looked up once per session. */
static int
tag(const char *name)
{
	int i = tags_index(name, strlen(name));

	if (i < 0)
		abort();	/* the table above names a tag tags.c lacks */
	return i;
}

static char *
dup_or_null(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

int
measure_session(const session *s, const struct analyze_result *r,
    struct measure_row *row)
{
	/* Therapist-side tag -> column. */
	static const struct {
		const char *tag;
		int col;
	} tcounts[] = {
		{ "reflection", M_REFL },
		{ "reflection.simple", M_REFL_SIMPLE },
		{ "reflection.complex", M_REFL_COMPLEX },
		{ "question", M_Q },
		{ "question.open", M_Q_OPEN },
		{ "question.closed", M_Q_CLOSED },
		{ "validation", M_VALID },
		{ "affirmation", M_AFFIRM },
		{ "encourager", M_ENCOUR },
		{ "collaboration", M_COLLAB },
		{ "autonomy", M_AUTONOMY },
		{ "directive", M_DIRECTIVE },
		{ "repair", M_REPAIR },
	}, ccounts[] = {
		{ "rupture", M_RUPTURE },
		{ "rupture.withdrawal", M_RUPT_WITHDRAWAL },
		{ "rupture.confrontation", M_RUPT_CONFRONT },
		{ "change-talk", M_CHANGE },
		{ "sustain-talk", M_SUSTAIN },
	};
	double *v;
	struct textstats_fk fk = { 0 };
	struct textstats_lsm lsm_t = { 0 }, lsm_c = { 0 };
	int jargon = tag("jargon"), tech = tag("tech.disruption");
	int ttag[sizeof(tcounts) / sizeof(tcounts[0])];
	int ctag[sizeof(ccounts) / sizeof(ccounts[0])];
	char buf[32];

	for (size_t k = 0; k < sizeof(tcounts) / sizeof(tcounts[0]); k++)
		ttag[k] = tag(tcounts[k].tag);
	for (size_t k = 0; k < sizeof(ccounts) / sizeof(ccounts[0]); k++)
		ctag[k] = tag(ccounts[k].tag);

	memset(row, 0, sizeof(*row));
	v = row->v = xcalloc(M_NCOLS, sizeof(double));
	row->meta[0] = dup_or_null(s->id);
	row->meta[1] = dup_or_null(s->clinician);
	row->meta[2] = dup_or_null(s->client);
	row->meta[3] = dup_or_null(s->cohort);
	row->meta[4] = dup_or_null(s->date);
	row->meta[5] = dup_or_null(s->modality);
	if (s->number > 0) {
		snprintf(buf, sizeof(buf), "%ld", s->number);
		row->meta[6] = xstrdup(buf);
	}

	for (size_t i = 0; i < s->nutts; i++) {
		const struct session_utt *u = &s->utts[i];
		const struct analyze_utt *au = &r->utts[i];
		enum session_side side = session_utt_side(s, u);
		double words = (double)textstats_words(u->text, u->len);

		if (analyze_has(au, tech))
			v[M_TECH]++;
		if (side == SESSION_SIDE_THERAPIST) {
			v[M_T_UTT]++;
			v[M_T_WORDS] += words;
			textstats_fk_add(&fk, u->text, u->len);
			textstats_lsm_add(&lsm_t, u->text, u->len);
			for (size_t k = 0; k < sizeof(tcounts) /
			    sizeof(tcounts[0]); k++)
				if (analyze_has(au, ttag[k]))
					v[tcounts[k].col]++;
			for (size_t k = 0; k < au->ntags; k++)
				v[M_JARGON] += au->tags[k].tag == jargon;
		} else if (side == SESSION_SIDE_CLIENT) {
			v[M_C_UTT]++;
			v[M_C_WORDS] += words;
			textstats_lsm_add(&lsm_c, u->text, u->len);
			for (size_t k = 0; k < sizeof(ccounts) /
			    sizeof(ccounts[0]); k++)
				if (analyze_has(au, ctag[k]))
					v[ccounts[k].col]++;
		}
	}
	for (size_t i = 0; i < s->nevents; i++) {
		const struct session_event *e = &s->events[i];

		if (strcmp(e->type, "disconnect") == 0 ||
		    strcmp(e->type, "freeze") == 0 ||
		    strcmp(e->type, "audio-loss") == 0) {
			v[M_DISRUPT_EVENTS]++;
			if (!isnan(e->start) && !isnan(e->end) &&
			    e->end >= e->start)
				v[M_DISRUPT_SECONDS] += e->end - e->start;
		}
	}

	v[M_TALK_SHARE] = ratio(v[M_T_WORDS], v[M_T_WORDS] + v[M_C_WORDS]);
	v[M_RQ] = ratio(v[M_REFL], v[M_Q]);
	v[M_PCT_CR] = ratio(v[M_REFL_COMPLEX], v[M_REFL]);
	v[M_PCT_OQ] = ratio(v[M_Q_OPEN], v[M_Q]);
	v[M_VALID_100] = ratio(100 * v[M_VALID], v[M_T_UTT]);
	v[M_AFFIRM_100] = ratio(100 * v[M_AFFIRM], v[M_T_UTT]);
	v[M_ENCOUR_100] = ratio(100 * v[M_ENCOUR], v[M_T_UTT]);
	v[M_JARGON_1000W] = ratio(1000 * v[M_JARGON], v[M_T_WORDS]);
	v[M_FK] = textstats_fk_grade(&fk);
	v[M_LSM] = textstats_lsm(&lsm_t, &lsm_c);

	for (size_t i = 0; i < s->nmeasures; i++) {
		char *name = xasprintf("measure_%s", s->measures[i].name);
		size_t j;

		for (j = 0; j < row->nmeasures; j++)
			if (strcmp(row->mnames[j], name) == 0)
				break;
		if (j < row->nmeasures) {	/* first value of a name wins */
			free(name);
			continue;
		}
		row->mnames = xrealloc(row->mnames, (row->nmeasures + 1) *
		    sizeof(*row->mnames));
		row->mvalues = xrealloc(row->mvalues, (row->nmeasures + 1) *
		    sizeof(*row->mvalues));
		row->mnames[row->nmeasures] = name;
		row->mvalues[row->nmeasures++] = s->measures[i].value;
	}
	return 0;
}

void
measure_row_free(struct measure_row *row)
{
	if (row == NULL)
		return;
	for (size_t i = 0; i < MEASURE_NMETA; i++)
		free(row->meta[i]);
	for (size_t i = 0; i < row->nmeasures; i++)
		free(row->mnames[i]);
	free(row->mnames);
	free(row->mvalues);
	free(row->v);
	memset(row, 0, sizeof(*row));
}
