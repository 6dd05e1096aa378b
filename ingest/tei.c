/* tei.c -- the TEI importer: transcriptions of speech (import.h).
 *
 * The model is TEI P5 chapter 8, "Transcriptions of Speech", with the
 * timeline of section 16.4.2 ("Placing Synchronous Events in Time") and
 * the annotationBlock of ISO 24624:2016 ("Transcription of spoken
 * language"), in the TEI namespace http://www.tei-c.org/ns/1.0 or in no
 * namespace:
 *
 *   TEI | teiCorpus (of TEI)
 *     teiHeader / profileDesc / particDesc / (listPerson | person |
 *         personGrp)*      person xml:id role / persName | name
 *               / fileDesc / sourceDesc / recordingStmt / recording /
 *         date when
 *     text // timeline unit origin / when xml:id absolute interval since
 *          // annotationBlock who start end / u
 *          // u who start end synch
 *
 * What becomes what:
 *  - One doc per TEI (a teiCorpus gives one per member TEI; a member
 *    with a problem is marked bad alone, and the members read the
 *    corpus's own header too).
 *  - Speakers: every person and personGrp of particDesc (in listPerson,
 *    nested or not, also in standOff/listPerson) that has an xml:id, in
 *    document order: label = xml:id, name = its persName (or name) text
 *    unless that is a role word, role = import_role_word() of the first
 *    @role word it knows (role="therapist", "client", ...), else of a
 *    roleName child.
 *  - Turns: each u inside text, in document order. Its speaker is @who
 *    (or its annotationBlock's): "#id", "id" or "doc.xml#id". A who naming several
 *    pointers ("#A #B") gives the turn to the first (a warning says how
 *    many); a who of several words that are not pointers and not an id
 *    as a whole (TEI-CORPO writes tier names such as "SpL comments") is
 *    one label. A who that names no declared person makes a speaker of
 *    its own, with a warning when the file declares persons.
 *  - Text: character data of u and of seg, w, pc, unclear, choice (its
 *    corr, reg or expan, else its first child), hi, foreign and any other
 *    element; pause, vocal, kinesic, incident, gap, desc, note, shift,
 *    writing, anchor, lb and spanGrp are not words and are dropped. A
 *    space stands in their place, as around w, seg and s, except before
 *    closing punctuation ("step<note>...</note>." is "step."); a pc of
 *    closing punctuation joins the word before it.
 *  - Times: @start and @end of the u, else of its annotationBlock, else
 *    the first and last pointers of @synch, else an anchor@synch before
 *    its first word and one after its last, each pointing at a timeline
 *    when. A when's time, in seconds from its timeline's origin (@origin,
 *    else the timeline's first when), is 0 for the origin; the time of
 *    @since (else of the origin) plus @interval (or the timeline's)
 *    converted from @unit (the when's, else the timeline's: d, h, min, s,
 *    ms, or P4's second, millisecond, ...; seconds when neither says);
 *    else @absolute minus the origin's @absolute (a clock time
 *    [YYYY-MM-DDT]HH:MM:SS[.fff][Z|+HH:MM]; taken as a time from 00:00:00
 *    when the origin has none; a bare number is in @unit). An interval
 *    such as "unknown" or "irregular", or an absolute time that is a
 *    date or prose, leaves the time empty (NAN), with one warning.
 *  - Metadata: the first date@when of sourceDesc/recordingStmt (the
 *    recording's date; a dateTime gives its date) as the session date.
 *
 * The timeline is read by tei_time.c (tei_internal.h).
 *
 * Errors (the file, or a corpus member, is rejected): not TEI, the TEI
 * element in another namespace, two when with one xml:id, a @since or a
 * u's time pointer that names no when (every time is then in doubt), a
 * cycle of @since, a unit outside those above, no u with words. Warnings:
 * a u without any who (skipped), an undeclared who, several speakers in
 * one who, a u that ends before it starts (its end is dropped), an origin
 * that names no when, times left empty, a recording date that is not one.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "import.h"
#include "tei_internal.h"

struct tei {
	struct diags		*d;	/* the file's, or a member's own */
	struct import_doc	*doc;
	struct tei_timeline	 tl;	/* reports to d too */
	struct xmldom_ids	 pids;	/* person xml:id -> speaker */
	strset			 unknown;	/* undeclared who warned of */
	size_t			 nmulti;	/* u naming several speakers */
};

static int
tei_sniff(const char *data, size_t len)
{
	char root[64];

	return xmldom_sniff_root(data, len, root, sizeof(root)) == 0 &&
	    (strcmp(root, "TEI") == 0 || strcmp(root, "teiCorpus") == 0) ?
	    2 : 0;
}

static int
is_ws(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int
blank(const char *s)
{
	for (; s != NULL && *s != '\0'; s++)
		if (!is_ws(*s))
			return 0;
	return 1;
}

/* --- participants --- */

/* Append the text of n to b with a space at each element boundary
 * ("<forename>Ana</forename><surname>Ruiz</surname>"). */
static void
spaced_text(xmlNodePtr n, strbuf *b)
{
	for (xmlNodePtr c = n; c != NULL; c = tei_walk_next(c, n, 1)) {
		if (c->type == XML_TEXT_NODE ||
		    c->type == XML_CDATA_SECTION_NODE)
			strbuf_adds(b, (const char *)c->content);
		else if (c->type == XML_ELEMENT_NODE)
			strbuf_addc(b, ' ');
	}
}

/* A copy of s in a with white space runs made one space, trimmed. */
static char *
collapse(arena *a, const char *s)
{
	char *out = arena_alloc(a, strlen(s) + 1), *o = out;

	for (; *s != '\0'; s++) {
		if (!is_ws(*s)) {
			*o++ = *s;
			continue;
		}
		if (o > out && o[-1] != ' ')
			*o++ = ' ';
	}
	if (o > out && o[-1] == ' ')
		o--;
	*o = '\0';
	return out;
}

static void
read_person(struct tei *t, xmlNodePtr p)
{
	const char *id = xmldom_attr(p, "xml:id"), *role;
	xmlNodePtr pn;
	struct import_speaker *sp;
	strbuf b = { 0 };
	size_t k;
	int r = -1;

	if (id == NULL || blank(id))
		return;		/* no u can name it */
	k = import_doc_speaker(t->doc, id, strlen(id), xmldom_line(p), 0);
	sp = &t->doc->speakers[k];
	xmldom_ids_add(&t->pids, sp->label, k);
	/* @role: a list of words; the first one known. */
	for (role = xmldom_attr(p, "role"); role != NULL && *role != '\0' &&
	    r < 0;) {
		size_t n;

		while (is_ws(*role))
			role++;
		for (n = 0; role[n] != '\0' && !is_ws(role[n]); n++)
			;
		if (n == 0)
			break;
		r = import_role_word(role, n);
		role += n;
	}
	if (r < 0 && (pn = tei_child(p, "roleName")) != NULL) {
		xmldom_text(pn, &b);
		if (b.s != NULL)
			r = import_role_word(b.s, b.len);
		strbuf_reset(&b);
	}
	if ((pn = tei_child(p, "persName")) == NULL)
		pn = tei_child(p, "name");
	if (pn != NULL) {
		spaced_text(pn, &b);
		if (!blank(b.s)) {
			int nr = import_role_word(b.s, b.len);

			if (nr >= 0 && r < 0)
				r = nr;
			else if (nr < 0 && sp->name == NULL)
				sp->name = collapse(t->doc->arena, b.s);
		}
	}
	if (sp->role < 0)
		sp->role = r;
	strbuf_free(&b);
}

/* Every person and personGrp under n (a particDesc or listPerson). */
static void
read_persons(struct tei *t, xmlNodePtr top)
{
	for (xmlNodePtr n = top; n != NULL;) {
		if (tei_is(n, "person") || tei_is(n, "personGrp")) {
			read_person(t, n);
			n = tei_walk_next(n, top, 0);
		} else
			n = tei_walk_next(n, top, 1);
	}
}

static void
read_header_persons(struct tei *t, xmlNodePtr hdr)
{
	for (xmlNodePtr pd = tei_child(hdr, "profileDesc"); pd != NULL;
	    pd = xmldom_next(pd, "profileDesc"))
		for (xmlNodePtr c = tei_child(pd, "particDesc"); c != NULL;
		    c = xmldom_next(c, "particDesc"))
			read_persons(t, c);
}

/* The first date@when of the recordingStmt of hdr, or NULL. */
static xmlNodePtr
recording_date(xmlNodePtr hdr)
{
	xmlNodePtr fd = tei_child(hdr, "fileDesc");

	for (xmlNodePtr sd = tei_child(fd, "sourceDesc"); sd != NULL;
	    sd = xmldom_next(sd, "sourceDesc")) {
		xmlNodePtr rs = tei_child(sd, "recordingStmt");

		for (xmlNodePtr n = rs; n != NULL; n = tei_walk_next(n, rs, 1))
			if (tei_is(n, "date") && xmldom_attr(n, "when") != NULL)
				return n;
	}
	return NULL;
}

static void
read_date(struct tei *t, xmlNodePtr hdr, xmlNodePtr corpus_hdr)
{
	xmlNodePtr n = recording_date(hdr);
	const char *v;

	if (n == NULL)
		n = recording_date(corpus_hdr);
	if (n == NULL)
		return;
	v = xmldom_attr(n, "when");
	if (strlen(v) >= 10 && tei_date_ok(v) && (v[10] == '\0' || v[10] == 'T'))
		import_doc_meta(t->doc, IMPORT_DATE, v, 10);
	else {
		char *p = printable(v, 40);

		diags_warn(t->d, xmldom_line(n), 0, "recording date '%s' is "
		    "not a YYYY-MM-DD date: the session has no date", p);
		free(p);
	}
}

/* --- utterances --- */

/* What reading the content of one u found. */
struct utext {
	strbuf		 b;
	int		 words;		/* non-blank text seen */
	int		 soft;		/* b ends with a space of ours */
	const char	*lead;		/* anchor@synch before the words */
	const char	*trail;		/* anchor@synch after them */
};

/* Elements that are not words (TEI P5 8.3, model.global.spoken, and
 * the apparatus of the text). */
static int
not_words(xmlNodePtr n)
{
	static const char *const names[] = { "pause", "vocal", "kinesic",
		"incident", "gap", "desc", "note", "shift", "writing",
		"anchor", "lb", "spanGrp", "span", "timeline", "figure",
		"interpGrp", "interp", "fs", "link", "linkGrp" };

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (tei_is(n, names[i]))
			return 1;
	return 0;
}

/* Elements whose bounds are word bounds. */
static int
word_bound(xmlNodePtr n)
{
	return tei_is(n, "w") || tei_is(n, "seg") || tei_is(n, "s") ||
	    tei_is(n, "cl") || tei_is(n, "phr") || tei_is(n, "u");
}

/* The child of a choice to read: corr, reg or expan, else the first. */
static xmlNodePtr
choice_pick(xmlNodePtr n)
{
	static const char *const pref[] = { "corr", "reg", "expan" };
	xmlNodePtr first = NULL;

	for (size_t i = 0; i < sizeof(pref) / sizeof(pref[0]); i++)
		if ((first = tei_child(n, pref[i])) != NULL)
			return first;
	for (xmlNodePtr c = n->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			return c;
	return NULL;
}

static void
trim_trailing_space(strbuf *b)
{
	while (b->len > 0 && is_ws(b->s[b->len - 1]))
		b->s[--b->len] = '\0';
}

/* Does s start with closing punctuation, which joins the word before? */
static int
closing_punct(const char *s)
{
	while (is_ws(*s))
		s++;
	return (*s != '\0' && strchr(".,;:!?)]}", *s) != NULL) ||
	    strncmp(s, "\xe2\x80\xa6", 3) == 0;	/* U+2026 ... */
}

/* A word bound we put in: dropped again before closing punctuation. */
static void
soft_space(struct utext *ut)
{
	strbuf_addc(&ut->b, ' ');
	ut->soft = 1;
}

static void
read_u_content(xmlNodePtr n, struct utext *ut)
{
	for (xmlNodePtr c = n->children; c != NULL; c = c->next) {
		if (c->type == XML_TEXT_NODE ||
		    c->type == XML_CDATA_SECTION_NODE) {
			const char *s = (const char *)c->content;

			if (s == NULL)
				continue;
			if (!blank(s)) {
				/* "step<note>..</note>." is "step." */
				if (ut->soft && closing_punct(s))
					trim_trailing_space(&ut->b);
				ut->words = 1;
				ut->trail = NULL;
				ut->soft = 0;
			}
			strbuf_adds(&ut->b, s);
			continue;
		}
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (not_words(c)) {
			if (tei_is(c, "anchor")) {
				const char *sy = xmldom_attr(c, "synch");

				if (sy != NULL && !ut->words && ut->lead ==
				    NULL)
					ut->lead = sy;
				else if (sy != NULL && ut->words)
					ut->trail = sy;
			}
			soft_space(ut);
		} else if (tei_is(c, "choice")) {
			xmlNodePtr pick = choice_pick(c);

			if (pick != NULL)
				read_u_content(pick, ut);
		} else if (tei_is(c, "pc")) {
			struct utext pc = { { 0 }, 0, 0, NULL, NULL };

			read_u_content(c, &pc);
			if (pc.words) {
				if (closing_punct(pc.b.s))
					trim_trailing_space(&ut->b);
				strbuf_add(&ut->b, pc.b.s, pc.b.len);
				ut->words = 1;
				ut->soft = 0;
				ut->trail = NULL;
			}
			strbuf_free(&pc.b);
		} else if (word_bound(c)) {
			soft_space(ut);
			read_u_content(c, ut);
			soft_space(ut);
		} else
			read_u_content(c, ut);
	}
}

/* The n-th (0: first, -1: last) pointer of a list attribute, as a new
 * string, or NULL. */
static char *
list_pointer(const char *v, int last)
{
	const char *w = NULL, *p = v;
	size_t n = 0;

	while (p != NULL && *p != '\0') {
		const char *s;

		while (is_ws(*p))
			p++;
		for (s = p; *p != '\0' && !is_ws(*p); p++)
			;
		if (p == s)
			break;
		w = s;
		n = (size_t)(p - s);
		if (!last)
			break;
	}
	return w != NULL ? xstrndup(w, n) : NULL;
}

/* Count the words of a list attribute; *all_ptr: each starts with '#'. */
static size_t
list_count(const char *v, int *all_ptr)
{
	size_t n = 0;

	*all_ptr = 1;
	while (*v != '\0') {
		while (is_ws(*v))
			v++;
		if (*v == '\0')
			break;
		n++;
		if (*v != '#')
			*all_ptr = 0;
		while (*v != '\0' && !is_ws(*v))
			v++;
	}
	return n;
}

/* The speaker a who value names (see the file comment), or -1 when it
 * names none. */
/* The id a pointer of n bytes at s names: what follows its last '#'
 * ("#A", "people.xml#A"), else all of it. Sets *n to its length. */
static const char *
pointer_id(const char *s, size_t *n)
{
	for (size_t i = *n; i > 0; i--)
		if (s[i - 1] == '#') {
			*n -= i;
			return s + i;
		}
	return s;
}

static size_t
who_speaker(struct tei *t, xmlNodePtr u, const char *who)
{
	const char *s = who, *id;
	size_t n, first, len;
	long k;
	int all_ptr;

	while (is_ws(*s))
		s++;
	n = strlen(s);
	while (n > 0 && is_ws(s[n - 1]))
		n--;
	for (first = 0; first < n && !is_ws(s[first]); first++)
		;
	/* The whole value as one id (spaces and all, as TEI-CORPO). */
	id = *s == '#' ? s + 1 : s;
	len = n - (size_t)(id - s);
	if ((k = xmldom_ids_find(&t->pids, id, len)) >= 0)
		return (size_t)k;
	if (first < n) {
		/* A list of pointers when each word is one or the first
		 * names a person: the first speaker. Else one label. */
		(void)list_count(s, &all_ptr);
		n = first;
		id = pointer_id(s, &n);
		if ((k = xmldom_ids_find(&t->pids, id, n)) < 0 && !all_ptr) {
			id = *s == '#' ? s + 1 : s;
			n = len;
		} else {
			t->nmulti++;
			if (k >= 0)
				return (size_t)k;
		}
	} else
		id = pointer_id(s, &n);
	if (n == 0)
		return (size_t)-1;	/* who="#" */
	k = (long)import_doc_speaker(t->doc, id, n, xmldom_line(u), 0);
	if (t->pids.n > 0) {
		char *label = xstrndup(id, n);

		if (strset_add(&t->unknown, label) == 0) {
			char *p = printable(label, 40);

			diags_warn(t->d, xmldom_line(u), 0, "who '%s' names "
			    "no person of particDesc: it is a speaker of its "
			    "own", p);
			free(p);
		}
		free(label);
	}
	return (size_t)k;
}

/* A time of u: its attribute, its block's, else from synch or anchors. */
static int
u_time(struct tei *t, xmlNodePtr u, xmlNodePtr block, const char *attr,
    const char *fallback, double *sec)
{
	const char *v = xmldom_attr(u, attr);
	xmlNodePtr from = u;
	char *sy = NULL;
	int rc;

	if (v == NULL && block != NULL) {
		v = xmldom_attr(block, attr);
		from = block;
	}
	if (v == NULL) {
		const char *synch = xmldom_attr(u, "synch");
		int all;

		/* One pointer in synch is the start only. */
		if (synch != NULL && (strcmp(attr, "start") == 0 ||
		    list_count(synch, &all) > 1))
			v = sy = list_pointer(synch, strcmp(attr, "end") == 0);
		else
			v = fallback;
	}
	rc = tei_timeline_time(&t->tl, from, attr, v, sec);
	free(sy);
	return rc;
}

static int
read_u(struct tei *t, xmlNodePtr u)
{
	xmlNodePtr block = NULL, who_node = u;
	struct utext ut = { { 0 }, 0, 0, NULL, NULL };
	const char *who = xmldom_attr(u, "who");
	double start, end;
	size_t spk;
	int rc = -1;

	for (xmlNodePtr a = u->parent; a != NULL && a->type ==
	    XML_ELEMENT_NODE; a = a->parent)
		if (tei_is(a, "annotationBlock")) {
			block = a;
			break;
		}
	if (blank(who) && block != NULL) {
		who = xmldom_attr(block, "who");
		who_node = block;
	}
	read_u_content(u, &ut);
	if (!ut.words) {
		rc = 0;
		goto done;
	}
	if (blank(who)) {
		diags_warn(t->d, xmldom_line(u), 0, "<u> names no speaker "
		    "(no who, none on an annotationBlock): skipped");
		rc = 0;
		goto done;
	}
	if ((spk = who_speaker(t, who_node, who)) == (size_t)-1) {
		diags_warn(t->d, xmldom_line(u), 0, "<u> names no speaker "
		    "(who=\"#\"): skipped");
		rc = 0;
		goto done;
	}
	if (u_time(t, u, block, "start", ut.lead, &start) != 0 ||
	    u_time(t, u, block, "end", ut.trail, &end) != 0)
		goto done;
	if (!isnan(start) && !isnan(end) && end < start) {
		diags_warn(t->d, xmldom_line(u), 0, "<u> ends (%.3f s) before "
		    "it starts (%.3f s): its end is dropped", end, start);
		end = NAN;
	}
	import_doc_turn(t->doc, spk, start, end, ut.b.s, ut.b.len,
	    xmldom_line(u), 0);
	rc = 0;
done:
	strbuf_free(&ut.b);
	return rc;
}

static int
read_text(struct tei *t, xmlNodePtr text)
{
	for (xmlNodePtr n = text; n != NULL;) {
		if (tei_is(n, "u")) {
			if (read_u(t, n) != 0)
				return -1;
			n = tei_walk_next(n, text, 0);
		} else
			n = tei_walk_next(n, text, !(tei_is(n, "note") ||
			    tei_is(n, "teiHeader") || tei_is(n, "timeline") ||
			    tei_is(n, "spanGrp")));
	}
	return 0;
}

/* Read one TEI element into a new doc. Problems go to t->d. */
static int
read_tei(struct tei *t, xmlNodePtr tei, xmlNodePtr corpus_hdr)
{
	xmlNodePtr hdr = tei_child(tei, "teiHeader");

	if (tei_timeline_read(&t->tl, tei) != 0)
		return -1;
	if (corpus_hdr != NULL)
		read_header_persons(t, corpus_hdr);
	read_header_persons(t, hdr);
	for (xmlNodePtr so = tei_child(tei, "standOff"); so != NULL;
	    so = xmldom_next(so, "standOff"))
		for (xmlNodePtr lp = tei_child(so, "listPerson"); lp != NULL;
		    lp = xmldom_next(lp, "listPerson"))
			read_persons(t, lp);
	xmldom_ids_sort(&t->pids);
	read_date(t, hdr, corpus_hdr);
	for (xmlNodePtr tx = tei_child(tei, "text"); tx != NULL;
	    tx = xmldom_next(tx, "text"))
		if (read_text(t, tx) != 0)
			return -1;
	if (t->nmulti > 0)
		diags_warn(t->d, xmldom_line(tei), 0, "%zu <u> name several "
		    "speakers in who: each is given to the first", t->nmulti);
	if (t->tl.nuntimed > 0)
		diags_warn(t->d, xmldom_line(tei), 0, "the time of %zu <when> "
		    "is unknown (an interval that is not a number, no "
		    "absolute time): left empty", t->tl.nuntimed);
	if (t->doc->nturns == 0) {
		tei_fail(&t->tl, tei, "no speech: no <u> with words in <text>");
		return -1;
	}
	return 0;
}

static void
tei_reset(struct tei *t)
{
	tei_timeline_free(&t->tl);
	xmldom_ids_free(&t->pids);
	strset_free(&t->unknown);
	memset(t, 0, sizeof(*t));
}

/* The members of a teiCorpus (nested corpora too): each TEI a doc, bad
 * alone when it has an error. Returns how many were read. */
static size_t
read_corpus(xmlNodePtr corpus, struct import_docs *out, int depth)
{
	xmlNodePtr hdr = tei_child(corpus, "teiHeader");
	size_t good = 0;

	for (xmlNodePtr c = corpus->children; c != NULL; c = c->next) {
		struct tei t = { 0 };

		if (tei_is(c, "teiCorpus") && depth < XMLDOM_MAX_DEPTH) {
			good += read_corpus(c, out, depth + 1);
			continue;
		}
		if (!tei_is(c, "TEI"))
			continue;
		t.doc = import_doc_create(out);
		t.doc->line = xmldom_line(c);
		t.d = t.tl.d = &t.doc->diags;
		if (read_tei(&t, c, hdr) != 0)
			t.doc->bad = 1;
		else
			good++;
		tei_reset(&t);
	}
	return good;
}

static int
tei_parse(const struct import_src *src, struct import_docs *out,
    struct diags *d)
{
	xmlDocPtr x;
	xmlNodePtr root;
	struct tei t = { 0 };
	int rc = -1;

	if ((x = xmldom_read(src->data, src->len, d)) == NULL)
		return -1;
	root = xmlDocGetRootElement(x);
	if (!xmldom_is(root, "TEI") && !xmldom_is(root, "teiCorpus")) {
		char *p = printable(xmldom_root_name(x), 40);

		diags_error(d, xmldom_line(root), 0, "not a TEI document: the "
		    "root element is <%s>, not <TEI> or <teiCorpus>", p);
		free(p);
		goto fail;
	}
	if (!tei_is(root, (const char *)root->name)) {
		char *p = printable(root->ns->href != NULL ?
		    (const char *)root->ns->href : "", 60);

		diags_error(d, xmldom_line(root), 0, "<%s> is in the "
		    "namespace '%s', not TEI's (" TEI_NS ") or none",
		    (const char *)root->name, p);
		free(p);
		goto fail;
	}
	if (xmldom_is(root, "teiCorpus")) {
		if (read_corpus(root, out, 0) == 0) {
			diags_error(d, xmldom_line(root), 0, "no member TEI of "
			    "the teiCorpus could be read");
			goto fail;
		}
		rc = 0;
		goto fail;
	}
	t.doc = import_doc_create(out);
	t.d = t.tl.d = d;
	if (read_tei(&t, root, NULL) == 0)
		rc = 0;
fail:
	tei_reset(&t);
	xmlFreeDoc(x);
	return rc;
}

const struct import_format import_format_tei = {
	.name = "tei",
	.exts = "tei tei.xml",
	.summary = "TEI transcriptions of speech (P5 ch. 8, ISO 24624): u, "
	    "timeline, particDesc",
	.merges = 0,
	.sniff = tei_sniff,
	.parse = tei_parse,
};
