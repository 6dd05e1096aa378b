/* trs.c -- the Transcriber importer: .trs transcriptions (import.h).
 *
 * The model is Transcriber's DTD, trans-14.dtd (C. Barras, E. Geoffrois
 * et al., "Transcriber: development and use of a tool for assisting
 * speech corpora production", Speech Communication 33, 2001):
 *
 *   Trans
 *     Speakers / Speaker id name [type dialect accent check scope]
 *     Topics / Topic
 *     Episode / Section type startTime endTime
 *       / Turn [speaker="spk1 spk2"] startTime endTime
 *           (#PCDATA | Sync time | Who nb | Event | Comment | Background
 *            | Vocal)*
 *
 * Files are often ISO-8859-1, declared in the XML declaration (libxml2
 * converts them), and name the DTD (<!DOCTYPE Trans SYSTEM
 * "trans-14.dtd">), which is accepted and never loaded (xmldom.h).
 *
 * What becomes what:
 *  - Speakers: one per Speaker, in the order of <Speakers>, also those who
 *    never speak (their names are still redacted where others say them).
 *    The label is the name when it is not blank, else the id; the name is
 *    the speaker's name unless it is a role word ("Therapist"), which is
 *    the role instead (import_role_word() of the name, else of the id;
 *    type="male|female|child" is not a role).
 *  - One turn per Turn; a Turn of several speakers (speaker="spk1 spk2",
 *    overlapping speech) gives one turn per <Who nb="k"/> segment, of the
 *    k-th speaker. Text before the first Who of such a Turn, or in one
 *    without any Who, goes to the first speaker (with a warning).
 *  - Text is the Turn's character data; Event, Comment, Background and
 *    Vocal are not words and are dropped whatever their type and extent
 *    (the words an Event with extent="begin|end|previous|next" qualifies
 *    stay). A Turn without a speaker (music, silence) is skipped, with a
 *    warning when it holds words.
 *  - Times in seconds. A turn starts at the Sync in force at its first
 *    word (the Turn's startTime when none), and ends at the first Sync
 *    after its last word (the Turn's endTime when none): Transcriber
 *    puts a Sync at each breath group, so a Turn that opens or closes
 *    with noise or silence between Syncs gets the times of its words.
 *  - Turns keep document order (Transcriber's order is time order).
 *
 * Errors (the file is rejected): not a <Trans> document, a Turn without
 * startTime or endTime or a time that is not a number of seconds, a
 * <Who nb> that names no speaker of its Turn, no words at all. Warnings:
 * a Turn speaker that <Speakers> does not declare (its id is the label),
 * a Speaker without id (skipped), a turn that ends before it starts (its
 * end is dropped), the cases above.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "import.h"
#include "xmldom.h"

/* The largest number of speakers one Turn may name. */
#define TRS_MAX_TURN_SPEAKERS	16

struct trs {
	struct diags		*d;
	struct import_doc	*doc;
	struct xmldom_ids	 ids;		/* Speaker id -> speaker */
	strset			 unknown;	/* undeclared ids warned of */
};

/* One speaker's stretch of a Turn. */
struct seg {
	char		*text;
	size_t		 spk;		/* index into the Turn's speakers */
	double		 start, end;	/* first word's Sync, Sync after */
	long		 line;
};

/* The Turn being read: its segments wait for the Sync that ends them
 * (with overlapping speech it may come after another's words). */
struct turn {
	size_t		 spk[TRS_MAX_TURN_SPEAKERS];
	size_t		 nspk;
	double		 start, end;
	int		 who;		/* a Who was seen */
	int		 before_who;	/* words before the first Who */
	double		 sync;		/* the Sync in force */
	long		 mark;		/* line of the last Sync or Who */
	struct seg	*segs;
	size_t		 nsegs, segs_cap;
	/* The open segment. */
	strbuf		 text;
	size_t		 cur;		/* its speaker */
	int		 words;		/* it holds words */
	double		 seg_start, end_at;
	long		 line;
};

static int
trs_sniff(const char *data, size_t len)
{
	char root[64];

	return xmldom_sniff_root(data, len, root, sizeof(root)) == 0 &&
	    strcmp(root, "Trans") == 0 ? 2 : 0;
}

static int
blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
			return 0;
	return 1;
}

/* A time attribute in seconds: 0 and sets *t, or -1 with an error. */
static int
time_attr(struct trs *t, xmlNodePtr n, const char *name, double *v)
{
	const char *s = xmldom_attr(n, name);
	char *p;

	if (s == NULL) {
		diags_error(t->d, xmldom_line(n), 0, "<%s> has no %s",
		    (const char *)n->name, name);
		return -1;
	}
	if (xmldom_number(s, v) != 0 || *v < 0) {
		p = printable(s, 40);
		diags_error(t->d, xmldom_line(n), 0, "%s '%s' of <%s> is not "
		    "a time in seconds", name, p, (const char *)n->name);
		free(p);
		return -1;
	}
	return 0;
}

static void
read_speakers(struct trs *t, xmlNodePtr root)
{
	for (xmlNodePtr ss = xmldom_child(root, "Speakers"); ss != NULL;
	    ss = xmldom_next(ss, "Speakers"))
		for (xmlNodePtr s = xmldom_child(ss, "Speaker"); s != NULL;
		    s = xmldom_next(s, "Speaker")) {
			const char *id = xmldom_attr(s, "id");
			const char *name = xmldom_attr(s, "name");
			struct import_speaker *sp;
			size_t k;
			int role;

			if (id == NULL || blank(id, strlen(id))) {
				diags_warn(t->d, xmldom_line(s), 0, "<Speaker> "
				    "without an id: no Turn can name it; "
				    "skipped");
				continue;
			}
			if (name != NULL && blank(name, strlen(name)))
				name = NULL;
			k = import_doc_speaker(t->doc, name != NULL ? name : id,
			    strlen(name != NULL ? name : id), xmldom_line(s),
			    0);
			sp = &t->doc->speakers[k];
			role = name != NULL ? import_role_word(name,
			    strlen(name)) : -1;
			if (name != NULL && role < 0 && sp->name == NULL)
				sp->name = arena_strdup(t->doc->arena,
				    sp->label);
			if (role < 0)
				role = import_role_word(id, strlen(id));
			if (sp->role < 0)
				sp->role = role;
			xmldom_ids_add(&t->ids, id, k);
		}
	xmldom_ids_sort(&t->ids);
}

/* The Turn's speakers from its speaker attribute (IDREFS). */
static void
turn_speakers(struct trs *t, xmlNodePtr n, const char *attr,
    struct turn *tu)
{
	const char *p = attr;

	tu->nspk = 0;
	while (*p != '\0') {
		const char *w;
		size_t len;
		long k;

		while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
			p++;
		for (w = p; *p != '\0' && *p != ' ' && *p != '\t' &&
		    *p != '\n' && *p != '\r'; p++)
			;
		if ((len = (size_t)(p - w)) == 0)
			break;
		if (tu->nspk == TRS_MAX_TURN_SPEAKERS) {
			diags_warn(t->d, xmldom_line(n), 0, "a Turn names more "
			    "than %d speakers: the others are ignored",
			    TRS_MAX_TURN_SPEAKERS);
			break;
		}
		if ((k = xmldom_ids_find(&t->ids, w, len)) < 0) {
			char *id = xstrndup(w, len);

			k = (long)import_doc_speaker(t->doc, w, len,
			    xmldom_line(n), 0);
			if (strset_add(&t->unknown, id) == 0) {
				char *q = printable(id, 40);

				diags_warn(t->d, xmldom_line(n), 0, "speaker "
				    "'%s' is not declared in <Speakers>: its "
				    "id is its label", q);
				free(q);
			}
			free(id);
		}
		tu->spk[tu->nspk++] = (size_t)k;
	}
}

/* Open a segment of speaker k (of the Turn) at line. */
static void
seg_begin(struct turn *tu, size_t k, long line)
{
	strbuf_reset(&tu->text);
	tu->cur = k;
	tu->words = 0;
	tu->seg_start = tu->end_at = NAN;
	tu->line = line;
	tu->mark = line;
}

/* Close the open segment: it waits for its end when it holds words. */
static void
seg_close(struct turn *tu)
{
	struct seg *s;

	if (!tu->words)
		return;
	tu->segs = xgrow(tu->segs, &tu->segs_cap, tu->nsegs + 1,
	    sizeof(*tu->segs));
	s = &tu->segs[tu->nsegs++];
	s->text = xstrndup(tu->text.s, tu->text.len);
	s->spk = tu->cur;
	s->start = tu->seg_start;
	s->end = tu->end_at;
	s->line = tu->line;
	tu->words = 0;
}

/* A Sync at v ends every segment whose last word came before it. */
static void
seg_sync(struct turn *tu, double v)
{
	for (size_t i = 0; i < tu->nsegs; i++)
		if (isnan(tu->segs[i].end))
			tu->segs[i].end = v;
	if (tu->words && isnan(tu->end_at))
		tu->end_at = v;
}

/* The Turn's segments become turns, in document order. */
static void
turn_flush(struct trs *t, struct turn *tu)
{
	for (size_t i = 0; i < tu->nsegs; i++) {
		struct seg *s = &tu->segs[i];
		double end = isnan(s->end) ? tu->end : s->end;

		if (t != NULL && end < s->start) {
			diags_warn(t->d, s->line, 0, "a turn ends (%.3f s) "
			    "before it starts (%.3f s): its end is dropped",
			    end, s->start);
			end = NAN;
		}
		if (t != NULL)
			import_doc_turn(t->doc, tu->spk[s->spk], s->start, end,
			    s->text, strlen(s->text), s->line, 0);
		free(s->text);
	}
	tu->nsegs = 0;
}

static int
read_content(struct trs *t, struct turn *tu, xmlNodePtr n, int depth)
{
	for (xmlNodePtr c = n->children; c != NULL; c = c->next) {
		if (c->type == XML_TEXT_NODE ||
		    c->type == XML_CDATA_SECTION_NODE) {
			const char *txt = (const char *)c->content;
			size_t len = txt != NULL ? strlen(txt) : 0;

			if (blank(txt, len)) {
				strbuf_addc(&tu->text, ' ');
				continue;
			}
			if (!tu->words) {
				tu->words = 1;
				tu->seg_start = tu->sync;
				tu->line = tu->mark;
				if (tu->nspk > 1 && !tu->who)
					tu->before_who = 1;
			}
			tu->end_at = NAN;
			strbuf_add(&tu->text, txt, len);
			continue;
		}
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (xmldom_is(c, "Sync")) {
			double v;

			if (time_attr(t, c, "time", &v) != 0)
				return -1;
			tu->sync = v;
			tu->mark = xmldom_line(c);
			seg_sync(tu, v);
			strbuf_addc(&tu->text, ' ');
		} else if (xmldom_is(c, "Who")) {
			const char *nb = xmldom_attr(c, "nb");
			double k;

			if (xmldom_number(nb, &k) != 0 || k < 1 ||
			    k > (double)tu->nspk || k != floor(k)) {
				char *p = printable(nb != NULL ? nb : "", 20);

				diags_error(t->d, xmldom_line(c), 0, "<Who nb="
				    "\"%s\"> names none of the %zu speaker%s of "
				    "its Turn", p, tu->nspk, tu->nspk == 1 ?
				    "" : "s");
				free(p);
				return -1;
			}
			seg_close(tu);
			tu->who = 1;
			seg_begin(tu, (size_t)k - 1, xmldom_line(c));
		} else if (xmldom_is(c, "Event") || xmldom_is(c, "Comment") ||
		    xmldom_is(c, "Background") || xmldom_is(c, "Vocal"))
			strbuf_addc(&tu->text, ' ');
		else if (depth < XMLDOM_MAX_DEPTH &&
		    read_content(t, tu, c, depth + 1) != 0)
			return -1;
	}
	return 0;
}

static int
read_turn(struct trs *t, xmlNodePtr n, struct turn *tu)
{
	const char *who = xmldom_attr(n, "speaker");

	if (time_attr(t, n, "startTime", &tu->start) != 0 ||
	    time_attr(t, n, "endTime", &tu->end) != 0)
		return -1;
	if (who == NULL || blank(who, strlen(who))) {
		strbuf b = { 0 };

		xmldom_text(n, &b);
		if (!blank(b.s != NULL ? b.s : "", b.len))
			diags_warn(t->d, xmldom_line(n), 0, "a Turn without a "
			    "speaker holds words: they are not imported");
		strbuf_free(&b);
		return 0;
	}
	turn_speakers(t, n, who, tu);
	tu->who = tu->before_who = 0;
	tu->sync = tu->start;
	seg_begin(tu, 0, xmldom_line(n));
	if (read_content(t, tu, n, 0) != 0)
		return -1;
	seg_close(tu);
	turn_flush(t, tu);
	if (tu->before_who) {
		char *p = printable(t->doc->speakers[tu->spk[0]].label, 40);

		diags_warn(t->d, xmldom_line(n), 0, "a Turn of %zu speakers "
		    "has words %s<Who>: they are given to its first speaker, "
		    "'%s'", tu->nspk, tu->who ? "before its first " : "but no ",
		    p);
		free(p);
	}
	return 0;
}

static int
trs_parse(const struct import_src *src, struct import_docs *out,
    struct diags *d)
{
	struct trs t = { 0 };
	struct turn tu;
	xmlDocPtr x = NULL;
	xmlNodePtr root;
	int rc = -1;

	memset(&tu, 0, sizeof(tu));
	t.d = d;
	if ((x = xmldom_read(src->data, src->len, d)) == NULL)
		goto fail;
	root = xmlDocGetRootElement(x);
	if (!xmldom_is(root, "Trans") || root->ns != NULL) {
		char *p = printable(xmldom_root_name(x), 40);

		diags_error(d, xmldom_line(root), 0, "not a Transcriber "
		    "document: the root element is <%s>, not <Trans>", p);
		free(p);
		goto fail;
	}
	t.doc = import_doc_create(out);
	read_speakers(&t, root);
	for (xmlNodePtr ep = xmldom_child(root, "Episode"); ep != NULL;
	    ep = xmldom_next(ep, "Episode"))
		for (xmlNodePtr c = ep->children; c != NULL; c = c->next) {
			/* Turns belong in Sections; one straight in the
			 * Episode is read too. */
			if (xmldom_is(c, "Turn")) {
				if (read_turn(&t, c, &tu) != 0)
					goto fail;
				continue;
			}
			if (!xmldom_is(c, "Section"))
				continue;
			for (xmlNodePtr n = xmldom_child(c, "Turn"); n != NULL;
			    n = xmldom_next(n, "Turn"))
				if (read_turn(&t, n, &tu) != 0)
					goto fail;
		}
	if (t.doc->nturns == 0) {
		diags_error(d, xmldom_line(root), 0, "no speech: no Turn with "
		    "a speaker holds words");
		goto fail;
	}
	rc = 0;
fail:
	turn_flush(NULL, &tu);
	free(tu.segs);
	strbuf_free(&tu.text);
	xmldom_ids_free(&t.ids);
	strset_free(&t.unknown);
	if (x != NULL)
		xmlFreeDoc(x);
	return rc;
}

const struct import_format import_format_trs = {
	.name = "trs",
	.exts = "trs",
	.summary = "Transcriber transcriptions (trans-14.dtd), overlapping "
	    "speech per <Who>",
	.merges = 0,
	.sniff = trs_sniff,
	.parse = trs_parse,
};
