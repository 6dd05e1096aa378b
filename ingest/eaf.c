/* eaf.c -- the ELAN importer: EAF annotation documents (import.h).
 *
 * The model is that of the EAF 3.0 schema (EAFv3.0.xsd) and its manual
 * (H. Sloetjes, "EAF Annotation Format 3.0 and ELAN", MPI for
 * Psycholinguistics, 2017); EAF 2.x files have the same elements.
 *
 *   ANNOTATION_DOCUMENT
 *     HEADER TIME_UNITS=milliseconds|PAL-frames|NTSC-frames
 *     TIME_ORDER / TIME_SLOT TIME_SLOT_ID [TIME_VALUE]
 *     TIER TIER_ID [PARTICIPANT] [PARENT_REF]
 *       ANNOTATION / ALIGNABLE_ANNOTATION TIME_SLOT_REF1 TIME_SLOT_REF2
 *                      / ANNOTATION_VALUE
 *                  / REF_ANNOTATION ANNOTATION_REF / ANNOTATION_VALUE
 *
 * What becomes what:
 *  - A turn is an ALIGNABLE_ANNOTATION of a top-level tier (no
 *    PARENT_REF); its text is the ANNOTATION_VALUE. An empty value is
 *    skipped. Dependent tiers (PARENT_REF: REF_ANNOTATIONs of symbolic
 *    associations and subdivisions, and the ALIGNABLE_ANNOTATIONs of time
 *    subdivisions and included-in tiers) hold glosses, translations or
 *    segmentations of their parent's words, not new utterances: they are
 *    ignored, each with one warning.
 *  - A speaker is a participant: the tier's PARTICIPANT when it is not
 *    empty, else its TIER_ID. Tiers of one participant are one speaker.
 *    The PARTICIPANT is also the speaker's name (for redaction) unless it
 *    is a role word ("Therapist"); the role is import_role_word() of the
 *    PARTICIPANT, else of the TIER_ID. Only tiers with at least one
 *    non-empty annotation make a speaker (ELAN creates an empty "default"
 *    tier in every new document).
 *  - Times: TIME_VALUE in the HEADER's TIME_UNITS (default milliseconds;
 *    PAL frames are 1/25 s, NTSC frames 1001/30000 s). A slot without a
 *    TIME_VALUE (unaligned) gets a time interpolated linearly, by its
 *    position in TIME_ORDER, between the nearest aligned slots before and
 *    after it (an estimate: the file only orders such slots), and no
 *    time (NAN) when either is missing.
 *  - Order: turns of all tiers by start time; ties by tier order, then
 *    document order. A start without a time is a slot before the first or
 *    after the last aligned slot of TIME_ORDER (the others are
 *    interpolated): such turns go before, or after, all the timed ones,
 *    in the TIME_ORDER order of their start slots.
 *
 * Errors (the file is rejected): not an EAF document, a TIME_UNITS
 * outside the schema's three, a TIME_SLOT without id or with a
 * TIME_VALUE that is not a non-negative number, a duplicated slot id, an
 * ALIGNABLE_ANNOTATION without both slot references or referring to a
 * slot that does not exist (the schema's IDREF: every time in the file is
 * then in doubt), a top-level tier without TIER_ID, no turn at all.
 * Warnings (the file is read): ignored dependent tiers, REF_ANNOTATIONs on
 * a top-level tier (skipped), an annotation that ends before it starts
 * (its end is dropped).
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "import.h"
#include "xmldom.h"

/* A TIME_SLOT. */
struct slot {
	const char	*id;
	double		 t;		/* seconds; NAN when unaligned */
	double		 key;		/* t, or -inf / +inf: before the
					   first / after the last aligned */
};

/* A turn waiting to be sorted. */
struct pending {
	size_t		 spk;
	double		 start, end;
	double		 key;		/* the start; -inf, +inf untimed */
	size_t		 slot;		/* TIME_ORDER index of the start */
	size_t		 tier, seq;
	char		*text;
	long		 line;
};

struct eaf {
	struct diags		*d;
	struct import_doc	*doc;
	double			 unit;		/* seconds per time unit */
	struct slot		*slots;
	size_t			 nslots, slots_cap;
	struct xmldom_ids	 ids;
	struct pending		*p;
	size_t			 np, p_cap;
};

static int
eaf_sniff(const char *data, size_t len)
{
	char root[64];

	return xmldom_sniff_root(data, len, root, sizeof(root)) == 0 &&
	    strcmp(root, "ANNOTATION_DOCUMENT") == 0 ? 2 : 0;
}

/* Is s NULL or only white space? */
static int
blank(const char *s)
{
	for (; s != NULL && *s != '\0'; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return 0;
	return 1;
}

/* HEADER@TIME_UNITS: the schema's enumeration, milliseconds by default. */
static int
read_units(struct eaf *e, xmlNodePtr root)
{
	xmlNodePtr h = xmldom_child(root, "HEADER");
	const char *u = xmldom_attr(h, "TIME_UNITS");

	if (u == NULL || strcmp(u, "milliseconds") == 0)
		e->unit = 0.001;
	else if (strcmp(u, "PAL-frames") == 0)
		e->unit = 1.0 / 25;
	else if (strcmp(u, "NTSC-frames") == 0)
		e->unit = 1001.0 / 30000;
	else {
		char *p = printable(u, 40);

		diags_error(e->d, xmldom_line(h), 0, "TIME_UNITS '%s' is not "
		    "milliseconds, PAL-frames or NTSC-frames", p);
		free(p);
		return -1;
	}
	return 0;
}

/*
 * TIME_ORDER: the slots, then times for the unaligned ones. An unaligned
 * slot between aligned slots a (at index i) and b (index j) in TIME_ORDER
 * order gets a.t + (b.t - a.t) * (k - i) / (j - i).
 */
static int
read_slots(struct eaf *e, xmlNodePtr root)
{
	xmlNodePtr to = xmldom_child(root, "TIME_ORDER");
	const struct xmldom_id *dup;
	size_t prev = (size_t)-1;

	for (xmlNodePtr s = xmldom_child(to, "TIME_SLOT"); s != NULL;
	    s = xmldom_next(s, "TIME_SLOT")) {
		const char *id = xmldom_attr(s, "TIME_SLOT_ID");
		const char *v = xmldom_attr(s, "TIME_VALUE");
		double t = NAN;

		if (id == NULL || *id == '\0') {
			diags_error(e->d, xmldom_line(s), 0,
			    "TIME_SLOT without a TIME_SLOT_ID");
			return -1;
		}
		if (v != NULL && (xmldom_number(v, &t) != 0 || t < 0)) {
			char *p = printable(v, 40), *q = printable(id, 40);

			diags_error(e->d, xmldom_line(s), 0, "TIME_VALUE '%s' "
			    "of slot '%s' is not a time (a number of %s, 0 "
			    "or more)", p, q, e->unit == 0.001 ?
			    "milliseconds" : "frames");
			free(p);
			free(q);
			return -1;
		}
		e->slots = xgrow(e->slots, &e->slots_cap, e->nslots + 1,
		    sizeof(*e->slots));
		e->slots[e->nslots].id = id;
		e->slots[e->nslots].t = isnan(t) ? NAN : t * e->unit;
		xmldom_ids_add(&e->ids, id, e->nslots);
		e->nslots++;
	}
	if ((dup = xmldom_ids_sort(&e->ids)) != NULL) {
		char *p = printable(dup->id, 40);
		size_t k = 0;
		xmlNodePtr s;

		/* The line of the second TIME_SLOT with that id. */
		for (s = xmldom_child(to, "TIME_SLOT"); s != NULL;
		    s = xmldom_next(s, "TIME_SLOT"))
			if (k++ == dup->seq)
				break;
		diags_error(e->d, xmldom_line(s), 0, "TIME_SLOT_ID '%s' is "
		    "used twice", p);
		free(p);
		return -1;
	}
	for (size_t k = 0; k < e->nslots; k++) {
		size_t next;

		if (!isnan(e->slots[k].t)) {
			prev = k;
			continue;
		}
		if (prev == (size_t)-1)
			continue;
		for (next = k + 1; next < e->nslots &&
		    isnan(e->slots[next].t); next++)
			;
		if (next == e->nslots)
			break;
		for (size_t m = k; m < next; m++)
			e->slots[m].t = e->slots[prev].t +
			    (e->slots[next].t - e->slots[prev].t) *
			    (double)(m - prev) / (double)(next - prev);
		k = next - 1;
	}
	prev = (size_t)-1;
	for (size_t k = 0; k < e->nslots; k++) {
		if (!isnan(e->slots[k].t))
			prev = k;
		e->slots[k].key = !isnan(e->slots[k].t) ? e->slots[k].t :
		    prev == (size_t)-1 ? -INFINITY : INFINITY;
	}
	return 0;
}

/* The index of the slot named by attribute name of a, or -1 with an
 * error when it is missing or names no slot. */
static long
slot_of(struct eaf *e, xmlNodePtr a, const char *name, const char *tier)
{
	const char *ref = xmldom_attr(a, name);
	long k;
	char *p, *q;

	if (ref == NULL || *ref == '\0') {
		p = printable(tier, 40);
		diags_error(e->d, xmldom_line(a), 0, "an ALIGNABLE_ANNOTATION "
		    "of tier '%s' has no %s", p, name);
		free(p);
		return -1;
	}
	if ((k = xmldom_ids_find(&e->ids, ref, strlen(ref))) < 0) {
		p = printable(ref, 40);
		q = printable(tier, 40);
		diags_error(e->d, xmldom_line(a), 0, "%s '%s' (tier '%s') "
		    "names no TIME_SLOT", name, p, q);
		free(p);
		free(q);
		return -1;
	}
	return k;
}

/* Has the tier at least one ALIGNABLE_ANNOTATION with a non-blank value? */
static int
has_words(xmlNodePtr tier)
{
	strbuf b = { 0 };
	int yes = 0;

	for (xmlNodePtr an = xmldom_child(tier, "ANNOTATION"); an != NULL &&
	    !yes; an = xmldom_next(an, "ANNOTATION")) {
		xmlNodePtr a = xmldom_child(an, "ALIGNABLE_ANNOTATION");

		if (a == NULL)
			continue;
		strbuf_reset(&b);
		xmldom_text(xmldom_child(a, "ANNOTATION_VALUE"), &b);
		yes = !blank(b.s);
	}
	strbuf_free(&b);
	return yes;
}

/* The speaker of a top-level tier: the participant, else the tier. */
static size_t
tier_speaker(struct eaf *e, xmlNodePtr tier, const char *id)
{
	const char *part = xmldom_attr(tier, "PARTICIPANT");
	struct import_speaker *sp;
	size_t spk;
	int role = -1;

	if (blank(part))
		part = NULL;
	spk = import_doc_speaker(e->doc, part != NULL ? part : id,
	    strlen(part != NULL ? part : id), xmldom_line(tier), 0);
	sp = &e->doc->speakers[spk];
	if (part != NULL)
		role = import_role_word(part, strlen(part));
	if (part != NULL && role < 0 && sp->name == NULL)
		sp->name = arena_strdup(e->doc->arena, sp->label);
	if (role < 0)
		role = import_role_word(id, strlen(id));
	if (sp->role < 0)
		sp->role = role;
	return spk;
}

static int
read_tier(struct eaf *e, xmlNodePtr tier, size_t ntier, size_t *seq)
{
	const char *id = xmldom_attr(tier, "TIER_ID");
	const char *parent = xmldom_attr(tier, "PARENT_REF");
	size_t spk, nref = 0;
	char *p, *q;

	if (blank(id)) {
		diags_error(e->d, xmldom_line(tier), 0, "TIER without a "
		    "TIER_ID");
		return -1;
	}
	if (!blank(parent)) {
		p = printable(id, 40);
		q = printable(parent, 40);
		diags_warn(e->d, xmldom_line(tier), 0, "tier '%s' depends on "
		    "tier '%s' (PARENT_REF): its annotations annotate the "
		    "parent's and are not turns; ignored", p, q);
		free(p);
		free(q);
		return 0;
	}
	if (!has_words(tier))
		return 0;
	spk = tier_speaker(e, tier, id);
	for (xmlNodePtr an = xmldom_child(tier, "ANNOTATION"); an != NULL;
	    an = xmldom_next(an, "ANNOTATION")) {
		xmlNodePtr a = xmldom_child(an, "ALIGNABLE_ANNOTATION");
		struct pending *pd;
		strbuf b = { 0 };
		double t1, t2;
		long k1, k2;

		if (a == NULL) {
			nref += xmldom_child(an, "REF_ANNOTATION") != NULL;
			continue;
		}
		if ((k1 = slot_of(e, a, "TIME_SLOT_REF1", id)) < 0 ||
		    (k2 = slot_of(e, a, "TIME_SLOT_REF2", id)) < 0)
			return -1;
		t1 = e->slots[k1].t;
		t2 = e->slots[k2].t;
		if (!isnan(t1) && !isnan(t2) && t2 < t1) {
			p = printable(id, 40);
			diags_warn(e->d, xmldom_line(a), 0, "an annotation of "
			    "tier '%s' ends (%.3f s) before it starts (%.3f "
			    "s): its end is dropped", p, t2, t1);
			free(p);
			t2 = NAN;
		}
		xmldom_text(xmldom_child(a, "ANNOTATION_VALUE"), &b);
		if (blank(b.s)) {
			strbuf_free(&b);
			continue;
		}
		e->p = xgrow(e->p, &e->p_cap, e->np + 1, sizeof(*e->p));
		pd = &e->p[e->np++];
		pd->spk = spk;
		pd->start = t1;
		pd->end = t2;
		pd->key = e->slots[k1].key;
		pd->slot = (size_t)k1;
		pd->tier = ntier;
		pd->seq = (*seq)++;
		pd->text = strbuf_release(&b);
		pd->line = xmldom_line(a);
	}
	if (nref > 0) {
		p = printable(id, 40);
		diags_warn(e->d, xmldom_line(tier), 0, "top-level tier '%s' "
		    "holds %zu REF_ANNOTATION%s, which only a dependent tier "
		    "may; skipped", p, nref, nref == 1 ? "" : "s");
		free(p);
	}
	return 0;
}

static int
pending_cmp(const void *a, const void *b)
{
	const struct pending *x = a, *y = b;

	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	/* Untimed starts on one side of the timed ones: slot order. */
	if (isinf(x->key) && x->slot != y->slot)
		return x->slot < y->slot ? -1 : 1;
	if (x->tier != y->tier)
		return x->tier < y->tier ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static int
eaf_parse(const struct import_src *src, struct import_docs *out,
    struct diags *d)
{
	struct eaf e = { 0 };
	xmlDocPtr x = NULL;
	xmlNodePtr root;
	size_t ntier = 0, seq = 0;
	int rc = -1;

	e.d = d;
	if ((x = xmldom_read(src->data, src->len, d)) == NULL)
		goto fail;
	root = xmlDocGetRootElement(x);
	if (!xmldom_is(root, "ANNOTATION_DOCUMENT") || root->ns != NULL) {
		char *p = printable(xmldom_root_name(x), 40);

		diags_error(d, xmldom_line(root), 0, "not an ELAN document: "
		    "the root element is <%s>, not <ANNOTATION_DOCUMENT>", p);
		free(p);
		goto fail;
	}
	e.doc = import_doc_create(out);
	if (read_units(&e, root) != 0 || read_slots(&e, root) != 0)
		goto fail;
	for (xmlNodePtr t = xmldom_child(root, "TIER"); t != NULL;
	    t = xmldom_next(t, "TIER"))
		if (read_tier(&e, t, ntier++, &seq) != 0)
			goto fail;
	if (e.np > 0)
		qsort(e.p, e.np, sizeof(*e.p), pending_cmp);
	for (size_t i = 0; i < e.np; i++)
		import_doc_turn(e.doc, e.p[i].spk, e.p[i].start, e.p[i].end,
		    e.p[i].text, strlen(e.p[i].text), e.p[i].line, 0);
	if (e.doc->nturns == 0) {
		diags_error(d, xmldom_line(root), 0, "no annotations: no "
		    "top-level tier holds an ALIGNABLE_ANNOTATION with text");
		goto fail;
	}
	rc = 0;
fail:
	for (size_t i = 0; i < e.np; i++)
		free(e.p[i].text);
	free(e.p);
	free(e.slots);
	xmldom_ids_free(&e.ids);
	if (x != NULL)
		xmlFreeDoc(x);
	return rc;
}

const struct import_format import_format_eaf = {
	.name = "eaf",
	.exts = "eaf",
	.summary = "ELAN annotation documents (EAF 2.x, 3.0): top-level "
	    "tiers' annotations",
	.merges = 0,
	.sniff = eaf_sniff,
	.parse = eaf_parse,
};
