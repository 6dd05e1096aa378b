/* measure.c -- per-session indicators from tags and text (docs/architecture.md s. 5).
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

#include "indicators.h"
#include "measure.h"
#include "tags.h"
#include "textstats.h"
#include "util.h"

static const char *const meta_names[MEASURE_NMETA] = { MEASURE_META_COLUMNS };

const char *const *
measure_meta_names(void)
{
	return meta_names;
}

static double
ratio(double num, double den)
{
	return den > 0 ? num / den : NAN;
}

/* Client-side utterances tagged rupture with a therapist utterance
 * tagged repair among the therapist's next INDICATORS_REPAIR_WINDOW
 * utterances (indicators.h). Linear: the next therapist utterances are
 * found by one backward pass. */
static double
ruptures_repaired(const session *s, const struct analyze_result *r)
{
	/* next_repair[i]: therapist utterances from i up to and including
	 * the next one tagged repair (0 when there is none). */
	size_t *next = xcalloc(s->nutts + 1, sizeof(*next)), dist = 0;
	double n = 0;

	for (size_t i = s->nutts; i-- > 0;) {
		const struct session_utt *u = &s->utts[i];

		if (u->side == SIDE_THERAPIST) {
			if (analyze_has(&r->utts[i], TAG_REPAIR))
				dist = 1;
			else if (dist > 0)
				dist++;
		}
		next[i] = dist;
	}
	for (size_t i = 0; i + 1 < s->nutts; i++)
		if (s->utts[i].side == SIDE_CLIENT &&
		    analyze_has(&r->utts[i], TAG_RUPTURE) && next[i + 1] > 0 &&
		    next[i + 1] <= INDICATORS_REPAIR_WINDOW)
			n++;
	free(next);
	return n;
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
	const struct indicator *ind;
	double *v;
	struct textstats_fk fk = { 0 };
	struct textstats_lsm lsm_t = { 0 }, lsm_c = { 0 };
	size_t nind;
	char buf[32];

	ind = indicators_all(&nind);
	memset(row, 0, sizeof(*row));
	v = row->v = xcalloc(IND_COUNT, sizeof(double));
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
		double words = (double)u->words;

		/* The counts of tagged utterances (indicators.c). */
		for (size_t k = 0; k < nind; k++)
			if (ind[k].tag >= 0 && (ind[k].side == SIDE_ANY ||
			    ind[k].side == u->side) && analyze_has(au, ind[k].tag))
				v[k]++;
		if (u->side == SIDE_THERAPIST) {
			v[IND_T_UTT]++;
			v[IND_T_WORDS] += words;
			textstats_fk_add(&fk, u->text, u->len);
			textstats_lsm_add(&lsm_t, u->text, u->len);
			for (size_t k = 0; k < au->ntags; k++)
				v[IND_JARGON] += au->tags[k].tag == TAG_JARGON;
		} else if (u->side == SIDE_CLIENT) {
			v[IND_C_UTT]++;
			v[IND_C_WORDS] += words;
			textstats_lsm_add(&lsm_c, u->text, u->len);
		}
	}
	if (s->nevents > 0)
		row->events = xcalloc(s->nevents, sizeof(*row->events));
	for (size_t i = 0; i < s->nevents; i++) {
		const struct session_event *e = &s->events[i];

		row->events[i] = (struct measure_event){ xstrdup(e->type),
			e->start, e->end };
		row->nevents++;

		if (strcmp(e->type, "disconnect") == 0 ||
		    strcmp(e->type, "freeze") == 0 ||
		    strcmp(e->type, "audio-loss") == 0) {
			v[IND_DISRUPT_EVENTS]++;
			if (!isnan(e->start) && !isnan(e->end) &&
			    e->end >= e->start)
				v[IND_DISRUPT_SECONDS] += e->end - e->start;
		}
	}

	v[IND_TALK_SHARE] = ratio(v[IND_T_WORDS],
	    v[IND_T_WORDS] + v[IND_C_WORDS]);
	v[IND_RQ] = ratio(v[IND_REFL], v[IND_Q]);
	v[IND_PCT_CR] = ratio(v[IND_REFL_COMPLEX], v[IND_REFL]);
	v[IND_PCT_OQ] = ratio(v[IND_Q_OPEN], v[IND_Q]);
	v[IND_VALID_100] = ratio(100 * v[IND_VALID], v[IND_T_UTT]);
	v[IND_AFFIRM_100] = ratio(100 * v[IND_AFFIRM], v[IND_T_UTT]);
	v[IND_ENCOUR_100] = ratio(100 * v[IND_ENCOUR], v[IND_T_UTT]);
	v[IND_DIRECTIVE_100] = ratio(100 * v[IND_DIRECTIVE], v[IND_T_UTT]);
	v[IND_RUPT_REPAIRED] = ruptures_repaired(s, r);
	v[IND_REPAIR_SHARE] = ratio(v[IND_RUPT_REPAIRED], v[IND_RUPTURE]);
	v[IND_JARGON_1000W] = ratio(1000 * v[IND_JARGON], v[IND_T_WORDS]);
	v[IND_FK] = textstats_fk_grade(&fk);
	v[IND_LSM] = textstats_lsm(&lsm_t, &lsm_c);

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
	for (size_t i = 0; i < row->nevents; i++)
		free(row->events[i].type);
	free(row->events);
	free(row->v);
	memset(row, 0, sizeof(*row));
}
