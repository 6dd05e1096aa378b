/* txt.c -- plain-text transcripts: "Speaker: text" lines, Otter.ai, Rev.
 *
 * A turn starts at a speaker line and runs on over the lines that follow
 * until the next speaker line (blank lines included: Otter.ai and Rev put
 * one between paragraphs). The speaker lines rapport knows:
 *   Speaker: text                    any transcript
 *   [00:01:23] Speaker: text         a time first, in brackets or
 *   (01:23) Speaker: text            parentheses, or bare with hours
 *   00:01:23 Speaker: text           (a bare "10:30" is a clock time:
 *                                    "10:30 Meeting:" is no speaker)
 *   Speaker (00:01:23): text         a time after the label (Rev:
 *   Speaker [00:01:23]: text         "Speaker 1 (00:03):" alone on its
 *                                    line, the text on the next lines)
 *   Speaker: [00:01:23] text         a time after the colon (Sonix)
 *   Speaker Name  0:03               Otter.ai (and Microsoft Teams):
 *                                    the name, then a time alone at the
 *                                    end of the line, the text below
 * The label must read like a speaker (textin_speaker_like): capitalised
 * words ("Dr. Lee", "Speaker 2", "CLIENT") pass on their own; any other
 * label ("client", "mum") only when it opens at least two lines, so that
 * a sentence with a colon is not taken for a speaker. A label alone with
 * its colon and no time ("Therapist:", the text below) must recur too,
 * since titles ("Notes:") look the same, and the Otter layout counts only
 * in a file with two such lines at least.
 *
 * A turn's start is the time its speaker line gives; its end is left
 * unknown. The next turn's start is not this turn's end (pauses and
 * overlaps come between), and an invented end would give the turn a
 * duration and a speech rate nobody measured.
 *
 * Lines before the first speaker line (a title, a date, "Transcript by
 * Rev.com") are skipped with one warning; Otter.ai's closing line
 * "Transcribed by https://otter.ai" is dropped.
 */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "import.h"
#include "textin.h"
#include "txt_internal.h"

/* Different labels a file may open lines with, and speakers it may have:
 * beyond these it is not one session's transcript. */
#define TXT_MAX_LABELS		65536
#define TXT_MAX_SPEAKERS	1000

enum layout {
	LAY_COLON,	/* Speaker: text, with or without a time first */
	LAY_TIMED,	/* Speaker (00:01:23): text */
	LAY_OTTER	/* Speaker Name  0:03 */
};

/* What a speaker line says. Offsets are into the line. */
struct head {
	enum layout	 layout;
	size_t		 lab, lablen;	/* the label */
	size_t		 text;		/* where the text starts */
	int		 hastext;
	double		 start;		/* NAN: no time */
};

/* A label that opens lines. */
struct label {
	char	*s;		/* NULL: a free slot */
	size_t	 n;
	long	 count;		/* lines it opens */
	long	 otter;		/* of which in the Otter layout */
	int	 strict;	/* passes the strict test */
	long	 spk;		/* its doc speaker, or -1 */
};

/* Labels by hash, open addressing (cap a power of two). */
struct labels {
	struct label	*v;
	size_t		 n, cap;
};

/* FNV-1a (Fowler, Noll and Vo, 1991). */
static uint64_t
hash(const char *s, size_t n)
{
	uint64_t h = 14695981039346656037ull;

	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
	return h;
}

static struct label *
slot(struct label *v, size_t cap, const char *s, size_t n)
{
	size_t i = (size_t)hash(s, n) & (cap - 1);

	while (v[i].s != NULL && (v[i].n != n || memcmp(v[i].s, s, n) != 0))
		i = (i + 1) & (cap - 1);
	return &v[i];
}

/* The entry of label s (n bytes): found, or added when add (NULL when
 * not found, or when the table holds TXT_MAX_LABELS already). The pointer
 * is good until the next addition. */
static struct label *
labels_get(struct labels *t, const char *s, size_t n, int add)
{
	struct label *e;

	if (t->cap == 0) {
		if (!add)
			return NULL;
		t->cap = 64;
		t->v = xcalloc(t->cap, sizeof(*t->v));
	}
	e = slot(t->v, t->cap, s, n);
	if (e->s != NULL || !add)
		return e->s != NULL ? e : NULL;
	if (t->n >= TXT_MAX_LABELS)
		return NULL;
	if ((t->n + 1) * 2 > t->cap) {
		size_t cap = t->cap * 2;
		struct label *v = xcalloc(cap, sizeof(*v));

		for (size_t i = 0; i < t->cap; i++)
			if (t->v[i].s != NULL)
				*slot(v, cap, t->v[i].s, t->v[i].n) = t->v[i];
		free(t->v);
		t->v = v;
		t->cap = cap;
		e = slot(t->v, t->cap, s, n);
	}
	e->s = xstrndup(s, n);
	e->n = n;
	e->spk = -1;
	t->n++;
	return e;
}

static void
labels_free(struct labels *t)
{
	for (size_t i = 0; i < t->cap; i++)
		free(t->v[i].s);
	free(t->v);
	memset(t, 0, sizeof(*t));
}

/* --- speaker lines --- */

static int
is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* A clock time in brackets or parentheses at s[i] ("[00:01:23]",
 * "(1:02)"): the bytes it takes and *sec, or 0. */
static size_t
bracketed_clock(const char *s, size_t n, size_t i, double *sec)
{
	char close;
	size_t k;

	if (i >= n || (s[i] != '[' && s[i] != '('))
		return 0;
	close = s[i] == '[' ? ']' : ')';
	if ((k = textin_clock(s + i + 1, n - i - 1, sec)) == 0 ||
	    i + 1 + k >= n || s[i + 1 + k] != close)
		return 0;
	return k + 2;
}

/* Does the clock time s (n bytes) have hours, H:MM:SS? */
static int
has_hours(const char *s, size_t n)
{
	const char *c = memchr(s, ':', n);

	return c != NULL && memchr(c + 1, ':', n - (size_t)(c + 1 - s)) !=
	    NULL;
}

/* Could the line s (n bytes) be a speaker line? Fills *h. Whether it is
 * one depends on the label's other lines (accepted()). */
static int
classify(const char *s, size_t n, struct head *h)
{
	const char *p = s, *lab;
	size_t m = n, i, k, r, lablen, off;
	double t = NAN, sec;

	textin_trim(&p, &m);
	if (m == 0)
		return 0;
	i = (size_t)(p - s);
	n = i + m;
	h->start = NAN;

	/* Otter.ai: a label, then a time that ends the line. */
	for (k = n; k > i && !is_blank(s[k - 1]); k--)
		;
	if (k > i && textin_clock(s + k, n - k, &sec) == n - k) {
		p = s + i;
		m = k - i;
		textin_trim(&p, &m);
		if (m > 0 && p[m - 1] != ':' && textin_speaker_like(p, m, 0)) {
			h->layout = LAY_OTTER;
			h->lab = (size_t)(p - s);
			h->lablen = m;
			h->text = n;
			h->hastext = 0;
			h->start = sec;
			return 1;
		}
	}

	/* A time first. Bare, it must have hours: "10:30 Meeting: notes"
	 * is an agenda, not a speaker at 10 minutes 30. */
	r = i;
	if ((k = bracketed_clock(s, n, i, &sec)) > 0) {
		t = sec;
		r = i + k;
	} else if ((k = textin_clock(s + i, n - i, &sec)) > 0 &&
	    has_hours(s + i, k) && i + k < n && is_blank(s[i + k])) {
		t = sec;
		r = i + k;
	}
	while (r < n && is_blank(s[r]))
		r++;

	/* A time between the label and its colon (Rev). The first '(' or
	 * '[' comes before the first ':', which is in the time. */
	if (isnan(t)) {
		for (k = i; k < n && s[k] != ':' && s[k] != '(' && s[k] != '[';
		    k++)
			;
		if (k < n && s[k] != ':' &&
		    (m = bracketed_clock(s, n, k, &sec)) > 0) {
			size_t e = k + m;

			while (e < n && is_blank(s[e]))
				e++;
			p = s + i;
			lablen = k - i;
			textin_trim(&p, &lablen);
			if (e < n && s[e] == ':' && (e + 1 == n ||
			    is_blank(s[e + 1])) && lablen > 0 &&
			    textin_speaker_like(p, lablen, 0)) {
				for (e++; e < n && is_blank(s[e]); e++)
					;
				h->layout = LAY_TIMED;
				h->lab = (size_t)(p - s);
				h->lablen = lablen;
				h->text = e;
				h->hastext = e < n;
				h->start = sec;
				return 1;
			}
		}
	}

	if (r < n && textin_label(s + r, n - r, 0, &lab, &lablen, &off)) {
		h->layout = LAY_COLON;
		h->lab = (size_t)(lab - s);
		h->lablen = lablen;
		h->text = r + off;
		/* A time right after the colon (Sonix): "Speaker: [00:01:23]
		 * text". */
		if (isnan(t) && (k = bracketed_clock(s, n, h->text, &sec)) > 0) {
			t = sec;
			for (h->text += k; h->text < n && is_blank(s[h->text]);
			    h->text++)
				;
		}
		h->hastext = h->text < n;
		h->start = t;
		return 1;
	}
	return 0;
}

/* Is the line h of label e a speaker line, the file's Otter-layout
 * lines counting otter? */
static int
accepted(const struct head *h, const struct label *e, long otter)
{
	if (e == NULL)
		return 0;
	switch (h->layout) {
	case LAY_OTTER:
		return otter >= 2 && (e->strict || e->count >= 2);
	case LAY_TIMED:
		return e->strict || e->count >= 2;
	case LAY_COLON:
		break;
	}
	return h->hastext ? e->strict || e->count >= 2 : e->count >= 2;
}

/* Read every line of src into t: the labels, how many lines each
 * opens. *otter is the number of Otter-layout lines with a label that
 * passes. Returns 0, or -1 when there are more than TXT_MAX_LABELS. */
static int
count_labels(struct txt_source *src, struct labels *t, long *otter)
{
	struct txt_line l;
	struct head h;

	*otter = 0;
	src->rewind(src->ctx);
	while (src->next(src->ctx, &l)) {
		struct label *e;

		if (!classify(l.s, l.n, &h))
			continue;
		if ((e = labels_get(t, l.s + h.lab, h.lablen, 1)) == NULL)
			return -1;
		if (e->count++ == 0)
			e->strict = textin_speaker_like(l.s + h.lab, h.lablen,
			    1);
		e->otter += h.layout == LAY_OTTER;
	}
	for (size_t i = 0; i < t->cap; i++)
		if (t->v[i].s != NULL && (t->v[i].strict || t->v[i].count >= 2))
			*otter += t->v[i].otter;
	return 0;
}

/* --- turns --- */

/*
 * Is a label a person's name (kept as the speaker's name, so that
 * reports redact it where the text mentions it), rather than a role
 * ("Therapist"), a placeholder ("Speaker 2", "SPEAKER_01", "Unknown
 * Speaker", "P1") or an abbreviation ("T", "CL")? When in doubt it is a
 * name: over-redaction is the safe side.
 */
static int
label_is_name(const char *s, size_t n)
{
	static const char *const generic[] = { "speaker", "unknown",
		"unidentified", "spk", "voice", "person", "respondent",
		"moderator", "facilitator", "host", "guest", "audience",
		"crosstalk", "multiple", "both", "all", "group", "mum", "mom",
		"dad", "mommy", "daddy", "mama", "papa", "note", "notes" };
	size_t w = 0, lower = 0;

	if (import_role_word(s, n) >= 0)
		return 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] >= '0' && s[i] <= '9')
			return 0;
		lower += s[i] >= 'a' && s[i] <= 'z';
	}
	while (w < n && s[w] != ' ' && s[w] != '_')
		w++;
	if (import_role_word(s, w) >= 0)
		return 0;
	for (size_t i = 0; i < sizeof(generic) / sizeof(generic[0]); i++)
		if (strlen(generic[i]) == w && strncasecmp(generic[i], s, w) == 0)
			return 0;
	return !(lower == 0 && n <= 3);
}

/* Otter.ai's closing line. */
static int
is_footer(const char *s, size_t n)
{
	static const char footer[] = "Transcribed by https://otter.ai";

	textin_trim(&s, &n);
	return n == sizeof(footer) - 1 && strncasecmp(s, footer, n) == 0;
}

struct turn {
	long	 spk;		/* -1: none open */
	double	 start;
	long	 line, col;
	strbuf	 text;
};

static void
turn_end(struct import_doc *doc, struct turn *t, size_t *nturns)
{
	if (t->spk >= 0 && import_doc_turn(doc, (size_t)t->spk, t->start, NAN,
	    t->text.s != NULL ? t->text.s : "", t->text.len, t->line,
	    t->col) >= 0)
		(*nturns)++;
	strbuf_reset(&t->text);
}

/* "paragraph 12: " to start a message about that unit, "" for lines
 * (the diagnostic's own position says it). buf holds 64 bytes. */
static const char *
at(const struct txt_source *src, long line, char *buf)
{
	if (strcmp(src->unit, "line") == 0)
		return "";
	snprintf(buf, 64, "%s %ld: ", src->unit, line);
	return buf;
}

int
txt_parse_lines(struct txt_source *src, struct import_doc *doc,
    struct diags *d)
{
	char pos[64];
	struct labels t = { 0 };
	struct turn cur = { -1, NAN, 0, 0, { 0 } };
	struct txt_line l;
	struct head h;
	long otter, heads = 0, pre = 0, pre_first = 0, pre_last = 0;
	double last = NAN;
	int back = 0, rc = -1;
	size_t nturns = 0;

	if (count_labels(src, &t, &otter) != 0) {
		diags_error(d, 0, 0, "more than %d different labels open %ss "
		    "('Label: text'): not the transcript of a session",
		    TXT_MAX_LABELS, src->unit);
		goto fail;
	}
	src->rewind(src->ctx);
	while (src->next(src->ctx, &l)) {
		struct label *e = NULL;

		if (classify(l.s, l.n, &h))
			e = labels_get(&t, l.s + h.lab, h.lablen, 0);
		if (e != NULL && accepted(&h, e, otter)) {
			/* A source line of unknown column (0) keeps it. */
			long col = l.col > 0 ? l.col + (long)h.lab : 0;

			turn_end(doc, &cur, &nturns);
			if (e->spk < 0) {
				struct import_speaker *sp;

				if (doc->nspeakers >= TXT_MAX_SPEAKERS) {
					diags_error(d, l.line, col, "%smore than "
					    "%d speakers: not the transcript of "
					    "a session", at(src, l.line, pos),
					    TXT_MAX_SPEAKERS);
					goto fail;
				}
				e->spk = (long)import_doc_speaker(doc, e->s, e->n,
				    l.line, col);
				sp = &doc->speakers[e->spk];
				sp->role = import_role_word(e->s, e->n);
				if (label_is_name(e->s, e->n))
					sp->name = sp->label;
			}
			if (!isnan(h.start)) {
				if (!isnan(last) && h.start < last && !back++)
					diags_warn(d, l.line, col, "%sthe time goes "
					    "back (%.3f s after %.3f s)",
					    at(src, l.line, pos), h.start, last);
				last = h.start;
			}
			cur.spk = e->spk;
			cur.start = h.start;
			cur.line = l.line;
			cur.col = col;
			strbuf_add(&cur.text, l.s + h.text, l.n - h.text);
			heads++;
			continue;
		}
		if (textin_blank(l.s, l.n) || is_footer(l.s, l.n))
			continue;
		if (cur.spk < 0) {
			if (pre++ == 0)
				pre_first = l.line;
			pre_last = l.line;
			continue;
		}
		strbuf_addc(&cur.text, '\n');
		strbuf_add(&cur.text, l.s, l.n);
	}
	turn_end(doc, &cur, &nturns);
	if (heads == 0) {
		diags_error(d, 0, 0, "no 'Speaker: text' %ss (nor the Otter.ai "
		    "or Rev layouts): not a transcript rapport reads",
		    src->unit);
		goto fail;
	}
	if (pre == 1)
		diags_warn(d, pre_first, 1, "%s %ld, before the first speaker "
		    "%s, skipped (a title or header)", src->unit, pre_first,
		    src->unit);
	else if (pre > 1)
		diags_warn(d, pre_first, 1, "%ld %ss (%ss %ld to %ld) before "
		    "the first speaker %s skipped (a title or header)", pre,
		    src->unit, src->unit, pre_first, pre_last, src->unit);
	if (nturns == 0) {
		diags_error(d, 0, 0, "no speaker %s has any text", src->unit);
		goto fail;
	}
	rc = 0;
fail:
	strbuf_free(&cur.text);
	labels_free(&t);
	return rc;
}

/* --- the file --- */

/* The lines of a text: a txt_source. */
struct text_lines {
	const char		*text;
	size_t			 len;
	struct textin_lines	 it;
};

static int
text_next(void *ctx, struct txt_line *l)
{
	struct text_lines *tl = ctx;

	if (!textin_next_line(&tl->it, &l->s, &l->n))
		return 0;
	l->line = tl->it.line;
	l->col = 1;
	return 1;
}

static void
text_rewind(void *ctx)
{
	struct text_lines *tl = ctx;

	textin_lines_init(&tl->it, tl->text, tl->len);
}

static int
txt_parse(const struct import_src *src, struct import_docs *out,
    struct diags *d)
{
	struct text_lines tl;
	struct txt_source ts = { text_next, text_rewind, &tl, "line" };
	char *text;
	int rc;

	if ((text = textin_decode(src->data, src->len, &tl.len, d)) == NULL)
		return -1;
	tl.text = text;
	rc = txt_parse_lines(&ts, import_doc_create(out), d);
	free(text);
	return rc;
}

/* 1 when at least two lines of the first bytes are speaker lines. The
 * bytes are read as they are (a cut at the end of the 64 KiB may split a
 * character); UTF-16 is converted first. */
static int
txt_sniff(const char *data, size_t len)
{
	const unsigned char *u = (const unsigned char *)data;
	struct labels t = { 0 };
	struct text_lines tl = { data, len, { 0 } };
	struct txt_source ts = { text_next, text_rewind, &tl, "line" };
	struct txt_line l;
	struct head h;
	char *conv = NULL;
	long otter, heads = 0;

	if (len >= 2 && ((u[0] == 0xff && u[1] == 0xfe) || (u[0] == 0xfe &&
	    u[1] == 0xff))) {
		struct diags d = { 0 };

		conv = textin_decode(data, len & ~(size_t)1, &tl.len, &d);
		diags_free(&d);
		if (conv == NULL)
			return 0;
		tl.text = conv;
	} else if (memchr(data, '\0', len) != NULL)
		return 0;
	if (count_labels(&ts, &t, &otter) == 0) {
		ts.rewind(ts.ctx);
		while (heads < 2 && ts.next(ts.ctx, &l))
			if (classify(l.s, l.n, &h) && accepted(&h,
			    labels_get(&t, l.s + h.lab, h.lablen, 0), otter))
				heads++;
	}
	labels_free(&t);
	free(conv);
	return heads >= 2;
}

const struct import_format import_format_txt = {
	.name = "txt",
	.exts = "txt text",
	.summary = "plain text: 'Speaker: text' lines, optionally timed; "
	    "Otter.ai and Rev exports",
	.merges = 0,
	.sniff = txt_sniff,
	.parse = txt_parse,
};
