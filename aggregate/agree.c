/* agree.c -- analyzers against human codes (see agree.h).
 *
 * Presence agreement per utterance: TP when both the analyzers and the
 * human codes have the tag (or a child of it), FP analyzers only, FN
 * codes only, TN neither; precision, recall, F1 and Cohen's (1960) kappa
 * from that 2 x 2 table (stats_agreement). Session level: ICC(2,1) of the
 * two raters' counts per session (Shrout & Fleiss 1979).
 */
#include "config.h"

#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "agree.h"
#include "fmt.h"
#include "stats.h"
#include "tags.h"

/* The tag and its ancestors, as a bit mask over tags_all() indices. */
static uint64_t
lineage(const struct tags_entry *vocab, int i)
{
	uint64_t m = 0;

	while (i >= 0) {
		m |= UINT64_C(1) << i;
		i = vocab[i].parent;
	}
	return m;
}

static int
family(const struct tags_entry *vocab, int i)
{
	(void)vocab;
	return tags_family(i);
}

static int
applies(enum side tag, enum side utt)
{
	return tag == SIDE_ANY ||
	    (tag == SIDE_THERAPIST && utt == SIDE_THERAPIST) ||
	    (tag == SIDE_CLIENT && utt == SIDE_CLIENT);
}

/* Class 0 none, 1 first subtype, 2 second; -1 family without subtype. */
static int
klass(uint64_t m, int fam, int sub1, int sub2)
{
	if (m & (UINT64_C(1) << sub2))
		return 2;
	if (m & (UINT64_C(1) << sub1))
		return 1;
	return m & (UINT64_C(1) << fam) ? -1 : 0;
}

void
agree_session(const session *s, const struct analyze_result *r,
    struct agree_counts *c)
{
	const struct tags_entry *vocab = tags_all(&c->ntags);
	int refl = TAG_REFLECTION, rs = TAG_REFLECTION_SIMPLE,
	    rc = TAG_REFLECTION_COMPLEX, q = TAG_QUESTION,
	    qo = TAG_QUESTION_OPEN, qc = TAG_QUESTION_CLOSED;

	assert(c->ntags <= 64 && refl >= 0 && q >= 0);
	c->coded = 0;
	c->families = 0;
	c->cell = xcalloc(c->ntags, sizeof(*c->cell));
	c->human = xcalloc(c->ntags, sizeof(*c->human));
	c->machine = xcalloc(c->ntags, sizeof(*c->machine));
	memset(c->reflection, 0, sizeof(c->reflection));
	memset(c->question, 0, sizeof(c->question));
	memset(c->unspecified, 0, sizeof(c->unspecified));
	for (size_t i = 0; i < s->nutts; i++)
		if (s->utts[i].ncodes > 0)
			c->coded = 1;
	if (!c->coded)
		return;
	for (size_t i = 0; i < s->nutts; i++) {
		const struct session_utt *u = &s->utts[i];
		const struct analyze_utt *a = &r->utts[i];
		enum side side = u->side;
		uint64_t hm = 0, am = 0;
		int h, m;

		for (size_t k = 0; k < u->ncodes; k++) {
			int t = tags_lookup(u->codes[k], strlen(u->codes[k]));

			if (t >= 0) {
				hm |= lineage(vocab, t);
				c->families |= UINT64_C(1) << family(vocab, t);
			}
		}
		for (size_t k = 0; k < a->ntags; k++)
			am |= lineage(vocab, a->tags[k].tag);
		for (size_t t = 0; t < c->ntags; t++) {
			uint64_t bit = UINT64_C(1) << t;

			if (!applies(vocab[t].side, side))
				continue;
			if ((hm & bit) && (am & bit))
				c->cell[t].tp++;
			else if (am & bit)
				c->cell[t].fp++;
			else if (hm & bit)
				c->cell[t].fn++;
			else
				c->cell[t].tn++;
			c->human[t] += (hm & bit) != 0;
			c->machine[t] += (am & bit) != 0;
		}
		if (side != SIDE_THERAPIST)
			continue;
		h = klass(hm, refl, rs, rc);
		m = klass(am, refl, rs, rc);
		if (h < 0)
			c->unspecified[0]++;
		else
			c->reflection[h][m < 0 ? 0 : m]++;
		h = klass(hm, q, qo, qc);
		m = klass(am, q, qo, qc);
		if (h < 0)
			c->unspecified[1]++;
		else
			c->question[h][m < 0 ? 0 : m]++;
	}
}

void
agree_counts_free(struct agree_counts *c)
{
	free(c->cell);
	free(c->human);
	free(c->machine);
	c->cell = NULL;
	c->human = c->machine = NULL;
}

void
agree_total_add(struct agree_total *t, const struct agree_counts *c)
{
	agree_total_count(t, c);
	if (c->coded)
		agree_total_pair(t, c->machine, c->human);
}

void
agree_total_pair(struct agree_total *t, const unsigned long *machine,
    const unsigned long *human)
{
	t->pairs = xgrow(t->pairs, &t->cap, (t->npairs + 1) * t->ntags * 2,
	    sizeof(*t->pairs));
	for (size_t i = 0; i < t->ntags; i++) {
		t->pairs[(t->npairs * t->ntags + i) * 2] = (double)machine[i];
		t->pairs[(t->npairs * t->ntags + i) * 2 + 1] = (double)human[i];
	}
	t->npairs++;
}

void
agree_total_count(struct agree_total *t, const struct agree_counts *c)
{
	if (!c->coded)
		return;
	if (t->cell == NULL) {
		t->ntags = c->ntags;
		t->cell = xcalloc(t->ntags, sizeof(*t->cell));
	}
	t->sessions++;
	t->families |= c->families;
	for (size_t i = 0; i < t->ntags; i++) {
		t->cell[i].tp += c->cell[i].tp;
		t->cell[i].fp += c->cell[i].fp;
		t->cell[i].fn += c->cell[i].fn;
		t->cell[i].tn += c->cell[i].tn;
	}
	for (int h = 0; h < AGREE_NCLASS; h++)
		for (int m = 0; m < AGREE_NCLASS; m++) {
			t->reflection[h][m] += c->reflection[h][m];
			t->question[h][m] += c->question[h][m];
		}
	t->unspecified[0] += c->unspecified[0];
	t->unspecified[1] += c->unspecified[1];
}

int
agree_total_reported(const struct agree_total *t, size_t i)
{
	const struct tags_entry *vocab;
	size_t n;

	vocab = tags_all(&n);
	return t->sessions > 0 && i < t->ntags &&
	    (t->families & (UINT64_C(1) << family(vocab, (int)i))) != 0;
}

/* Session-level ICC(2,1) of analyzer vs human counts of tag i. */
static void
tag_icc(const struct agree_total *t, size_t i, struct stats_icc *icc)
{
	double *x = xmalloc((t->npairs ? t->npairs : 1) * 2 * sizeof(*x));

	for (size_t k = 0; k < t->npairs; k++) {
		x[2 * k] = t->pairs[(k * t->ntags + i) * 2];
		x[2 * k + 1] = t->pairs[(k * t->ntags + i) * 2 + 1];
	}
	stats_icc21(x, t->npairs, 2, icc);
	free(x);
}

static const char *const table_cols[] = { "tag", "sessions", "tp", "fp",
	"fn", "tn", "precision", "recall", "f1", "kappa", "icc21",
	"icc21_ci_low", "icc21_ci_high" };
static const enum table_type table_types[] = { TABLE_TEXT, TABLE_REAL,
	TABLE_REAL, TABLE_REAL, TABLE_REAL, TABLE_REAL, TABLE_REAL, TABLE_REAL,
	TABLE_REAL, TABLE_REAL, TABLE_REAL, TABLE_REAL, TABLE_REAL };

void
agree_total_table(const struct agree_total *t, struct table *out)
{
	const struct tags_entry *vocab;
	size_t n;

	vocab = tags_all(&n);
	table_init(out, "agreement", table_cols, table_types,
	    sizeof(table_cols) / sizeof(table_cols[0]));
	for (size_t i = 0; i < t->ntags; i++) {
		struct stats_agreement a;
		struct stats_icc icc;

		if (!agree_total_reported(t, i))
			continue;
		stats_agreement(t->cell[i].tp, t->cell[i].fp, t->cell[i].fn,
		    t->cell[i].tn, &a);
		tag_icc(t, i, &icc);
		table_text(out, vocab[i].name);
		table_real(out, (double)t->sessions);
		table_real(out, (double)a.tp);
		table_real(out, (double)a.fp);
		table_real(out, (double)a.fn);
		table_real(out, (double)a.tn);
		table_real(out, a.precision);
		table_real(out, a.recall);
		table_real(out, a.f1);
		table_real(out, a.kappa);
		table_real(out, icc.value);
		table_real(out, icc.ci_low);
		table_real(out, icc.ci_high);
	}
}

static void
confusion_json(strbuf *b, const char *name, const char *const *classes,
    const unsigned long m[AGREE_NCLASS][AGREE_NCLASS], unsigned long unspec)
{
	strbuf_addf(b, ",\n    \"%s\": {\"classes\": [", name);
	for (int i = 0; i < AGREE_NCLASS; i++) {
		strbuf_adds(b, i ? ", " : "");
		fmt_json_str(b, classes[i]);
	}
	strbuf_adds(b, "], \"human_by_analyzer\": [");
	for (int h = 0; h < AGREE_NCLASS; h++) {
		strbuf_adds(b, h ? ", [" : "[");
		for (int a = 0; a < AGREE_NCLASS; a++)
			strbuf_addf(b, "%s%lu", a ? ", " : "", m[h][a]);
		strbuf_addc(b, ']');
	}
	strbuf_addf(b, "], \"unspecified\": %lu}", unspec);
}

static const char *const refl_classes[] = { "none", "simple", "complex" };
static const char *const quest_classes[] = { "none", "open", "closed" };

void
agree_total_json(const struct agree_total *t, strbuf *b)
{
	struct table tab;

	if (t->sessions == 0) {
		strbuf_adds(b, "null");
		return;
	}
	agree_total_table(t, &tab);
	strbuf_addf(b, "{\n    \"sessions\": %zu,\n    \"tags\": [", t->sessions);
	for (size_t r = 0; r < tab.nrows; r++) {
		strbuf_adds(b, r ? ",\n      {" : "\n      {");
		for (size_t j = 0; j < tab.ncols; j++) {
			const struct table_cell *c = &tab.cells[r * tab.ncols + j];

			strbuf_adds(b, j ? ", " : "");
			fmt_json_str(b, tab.cols[j]);
			strbuf_adds(b, ": ");
			if (tab.types[j] == TABLE_TEXT)
				fmt_json_str(b, c->s);
			else
				fmt_json_num(b, c->v);
		}
		strbuf_addc(b, '}');
	}
	strbuf_adds(b, "\n    ]");
	confusion_json(b, "reflection", refl_classes,
	    t->reflection, t->unspecified[0]);
	confusion_json(b, "question", quest_classes,
	    t->question, t->unspecified[1]);
	strbuf_adds(b, "\n  }");
	table_free(&tab);
}

static void
print_num(FILE *f, double v)
{
	if (isfinite(v))
		fprintf(f, " %7.3f", v);
	else
		fprintf(f, " %7s", "-");
}

/* Macro-F1 over the two subtypes, among utterances both raters put in
 * the family (the open/closed and simple/complex targets of issue 3). */
static double
subtype_macro_f1(const unsigned long m[AGREE_NCLASS][AGREE_NCLASS])
{
	double sum = 0;

	for (int k = 1; k <= 2; k++) {
		int o = 3 - k;
		double tp = m[k][k], fp = m[o][k], fn = m[k][o];

		if (2 * tp + fp + fn == 0)
			return NAN;
		sum += 2 * tp / (2 * tp + fp + fn);
	}
	return sum / 2;
}

static void
confusion_print(FILE *f, const char *name, const char *const *classes,
    const unsigned long m[AGREE_NCLASS][AGREE_NCLASS], unsigned long unspec)
{
	fprintf(f, "\n%s (rows: human codes, columns: analyzers)\n", name);
	fprintf(f, "%-10s", "");
	for (int a = 0; a < AGREE_NCLASS; a++)
		fprintf(f, " %9s", classes[a]);
	fputc('\n', f);
	for (int h = 0; h < AGREE_NCLASS; h++) {
		fprintf(f, "%-10s", classes[h]);
		for (int a = 0; a < AGREE_NCLASS; a++)
			fprintf(f, " %9lu", m[h][a]);
		fputc('\n', f);
	}
	fprintf(f, "%s vs %s macro-F1 (both raters in the family):", classes[1],
	    classes[2]);
	print_num(f, subtype_macro_f1(m));
	fputc('\n', f);
	if (unspec > 0)
		fprintf(f, "(%lu utterance%s coded %s without a subtype left "
		    "out)\n", unspec, unspec == 1 ? "" : "s", name);
}

void
agree_total_print(const struct agree_total *t, FILE *f)
{
	struct table tab;

	if (t->sessions == 0) {
		fprintf(f, "no session carries human codes (u@codes): nothing "
		    "to compare\n");
		return;
	}
	agree_total_table(t, &tab);
	fprintf(f, "%zu coded session%s\n\n%-22s %7s %7s %7s %7s %7s %7s "
	    "%7s\n", t->sessions, t->sessions == 1 ? "" : "s", "tag", "tp",
	    "fp", "fn", "prec", "recall", "f1", "kappa");
	for (size_t r = 0; r < tab.nrows; r++) {
		const struct table_cell *c = &tab.cells[r * tab.ncols];

		fprintf(f, "%-22s %7.0f %7.0f %7.0f", c[0].s, c[2].v, c[3].v,
		    c[4].v);
		print_num(f, c[6].v);
		print_num(f, c[7].v);
		print_num(f, c[8].v);
		print_num(f, c[9].v);
		fputc('\n', f);
	}
	confusion_print(f, "reflection", refl_classes,
	    t->reflection, t->unspecified[0]);
	confusion_print(f, "question", quest_classes,
	    t->question, t->unspecified[1]);
	table_free(&tab);
}

void
agree_total_free(struct agree_total *t)
{
	free(t->cell);
	free(t->pairs);
	memset(t, 0, sizeof(*t));
}
