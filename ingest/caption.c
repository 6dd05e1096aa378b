/* caption.c -- caption cues into turns (caption.h).
 *
 * Who speaks is decided in two passes over the cues. The first collects
 * every label that opens a line (after ">>" and a dialogue dash) and
 * counts the cues it opens; the second walks the cues in order with one
 * current speaker, which a voice or an accepted label changes and every
 * other line continues. A label passing only the lenient test must open
 * lines in two cues or more, so "So what I mean is: ..." said once stays
 * text while "client: ..." on every cue is a speaker.
 */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "caption.h"
#include "textin.h"

/* Does the text hold anything but white space? */
static int
has_words(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c > ' ' && c != 0x7f && !(c == 0xc2 && i + 1 < n &&
		    (unsigned char)s[i + 1] == 0xa0))
			return 1;
		if (c == 0xc2)
			i++;
	}
	return 0;
}

void
caption_cue(struct caption_set *set, double start, double end, long line)
{
	struct caption_cue *c;

	set->cues = xgrow(set->cues, &set->cues_cap, set->ncues + 1,
	    sizeof(*set->cues));
	c = &set->cues[set->ncues++];
	c->start = start;
	c->end = end;
	c->seg = set->nsegs;
	c->nsegs = 0;
	c->line = line;
}

void
caption_seg(struct caption_set *set, const char *text, size_t n,
    const char *voice, size_t vn, int bol, long line, long col)
{
	struct caption_seg *s;

	if (vn == 0 && !has_words(text, n))
		return;
	set->segs = xgrow(set->segs, &set->segs_cap, set->nsegs + 1,
	    sizeof(*set->segs));
	s = &set->segs[set->nsegs++];
	s->off = set->buf.len;
	s->len = n;
	if (n > 0)
		strbuf_add(&set->buf, text, n);
	s->voff = set->buf.len;
	s->vlen = vn;
	if (vn > 0)
		strbuf_add(&set->buf, voice, vn);
	s->bol = bol;
	s->line = line;
	s->col = col;
	set->cues[set->ncues - 1].nsegs++;
}

/* Do segments a and b hold the same line, blanks at the ends aside? */
static int
same_line(const struct caption_set *set, const struct caption_seg *a,
    const struct caption_seg *b)
{
	const char *x = set->buf.s + a->off, *y = set->buf.s + b->off;
	size_t m = a->len, n = b->len;

	textin_trim(&x, &m);
	textin_trim(&y, &n);
	return m == n && memcmp(x, y, n) == 0;
}

size_t
caption_unroll(struct caption_set *set)
{
	struct caption_seg last = { 0 };
	size_t w = 0, dropped = 0;
	double prev_end = 0;
	int have = 0;

	for (size_t c = 0; c < set->ncues; c++) {
		struct caption_cue *cue = &set->cues[c];
		size_t first = cue->seg, n = cue->nsegs;
		/* Its last line as parsed, dropped or not: a 10 ms cue
		 * repeats a line and the next cue repeats it again. */
		struct caption_seg end = n > 0 ? set->segs[first + n - 1] : last;

		cue->seg = w;
		for (size_t k = first; k < first + n; k++) {
			const struct caption_seg *sg = &set->segs[k];

			if (k == first && have && sg->vlen == 0 &&
			    sg->bol && last.vlen == 0 && cue->start >=
			    prev_end - 0.0005 && same_line(set, sg, &last)) {
				dropped++;
				continue;
			}
			set->segs[w++] = *sg;
		}
		if (n > 0) {
			last = end;
			have = 1;
		}
		cue->nsegs = w - cue->seg;
		prev_end = cue->end;
	}
	set->nsegs = w;
	return dropped;
}

void
caption_free(struct caption_set *set)
{
	strbuf_free(&set->buf);
	free(set->segs);
	free(set->cues);
	memset(set, 0, sizeof(*set));
}

/*
 * Sound and silence tags captions put in brackets, which are never
 * speakers however they are capitalised: the common ones of the DCMP
 * Captioning Key ("Sound Effects and Music"), YouTube's "[Music]" and
 * whisper.cpp's "[BLANK_AUDIO]". Compared without case.
 */
static const char *const sound_tags[] = {
	"music", "laughter", "laughs", "laughing", "laugh", "applause",
	"inaudible", "indistinct", "unintelligible", "crosstalk",
	"cross talk", "overlapping", "overlapping speech", "silence",
	"pause", "long pause", "sighs", "sigh", "sighing", "coughs",
	"cough", "coughing", "clears throat", "chuckles", "chuckle",
	"chuckling", "crying", "cries", "sobbing", "sobs", "sniffles",
	"sniffs", "noise", "background noise", "static", "beep", "beeps",
	"phone rings", "phone ringing", "knocking", "door closes",
	"door opens", "foreign language", "no audio", "blank_audio",
	"blank audio", "end", "break", "gap", "audio cuts out",
	"interference", "background chatter",
};

static int
sound_tag(const char *s, size_t n)
{
	for (size_t i = 0; i < sizeof(sound_tags) / sizeof(sound_tags[0]);
	    i++)
		if (strlen(sound_tags[i]) == n &&
		    strncasecmp(sound_tags[i], s, n) == 0)
			return 1;
	return 0;
}

/* What opens a line of cue text. */
struct mark {
	int		 change;	/* ">>" or a dialogue dash */
	size_t		 body;		/* the text after them */
	const char	*label;		/* "Name:" or "[Name]", or NULL */
	size_t		 llen;
	int		 strict;	/* it passes the strict test */
	size_t		 text;		/* the words after the label */
};

static size_t
skip_blanks(const char *s, size_t n, size_t i)
{
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	return i;
}

/*
 * A dialogue dash at s[i]: '-' before a space, a letter or an opening
 * bracket ("- Are you sure?", "-Yes."), not "--" or "-5"; or an en or em
 * dash (U+2013, U+2014) and a space, as European subtitles write it.
 * Returns its width, or 0.
 */
static size_t
dash(const char *s, size_t n, size_t i)
{
	const unsigned char *p = (const unsigned char *)s;

	if (p[i] == '-') {
		if (i + 1 == n || p[i + 1] == ' ' || p[i + 1] == '\t' ||
		    p[i + 1] >= 0x80 || p[i + 1] == '[' || p[i + 1] == '(' ||
		    p[i + 1] == '"' || (p[i + 1] >= 'a' && p[i + 1] <= 'z') ||
		    (p[i + 1] >= 'A' && p[i + 1] <= 'Z'))
			return 1;
		return 0;
	}
	if (n - i >= 4 && p[i] == 0xe2 && p[i + 1] == 0x80 &&
	    (p[i + 2] == 0x93 || p[i + 2] == 0x94) && p[i + 3] == ' ')
		return 3;
	return 0;
}

static void
read_mark(const char *s, size_t n, struct mark *m)
{
	size_t i = skip_blanks(s, n, 0), w, off;

	memset(m, 0, sizeof(*m));
	if (n - i >= 2 && s[i] == '>' && s[i + 1] == '>') {
		while (i < n && s[i] == '>')
			i++;
		m->change = 1;
		i = skip_blanks(s, n, i);
	}
	if (i < n && (w = dash(s, n, i)) > 0) {
		m->change = 1;
		i = skip_blanks(s, n, i + w);
	}
	m->body = m->text = i;
	if (i < n && s[i] == '[') {
		const char *e = memchr(s + i, ']', n - i), *in = s + i + 1;
		size_t k;

		if (e == NULL)
			return;
		k = (size_t)(e - in);
		textin_trim(&in, &k);
		if (!textin_speaker_like(in, k, 0) || sound_tag(in, k))
			return;
		m->label = in;
		m->llen = k;
		off = (size_t)(e - s) + 1;
		if (off < n && s[off] == ':')
			off++;
		m->text = skip_blanks(s, n, off);
	} else if (i < n && textin_label(s + i, n - i, 0, &m->label, &m->llen,
	    &off))
		m->text = i + off;
	if (m->label != NULL)
		m->strict = textin_speaker_like(m->label, m->llen, 1);
}

/* A label opening a line of cue number cue. */
struct cand {
	const char	*s;
	size_t		 n, cue;
};

static int
cand_cmp(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;
	size_t n = x->n < y->n ? x->n : y->n;
	int c = memcmp(x->s, y->s, n);

	if (c != 0)
		return c;
	if (x->n != y->n)
		return x->n < y->n ? -1 : 1;
	return x->cue < y->cue ? -1 : x->cue > y->cue;
}

/* Compare labels only (the cue of key is ignored). */
static int
label_cmp(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;
	size_t n = x->n < y->n ? x->n : y->n;
	int c = memcmp(x->s, y->s, n);

	if (c != 0)
		return c;
	return x->n < y->n ? -1 : x->n > y->n;
}

/* The labels opening lines in two cues or more, sorted, one each;
 * returns how many, the array in *out (free() it). */
static size_t
frequent_labels(const struct caption_set *set, struct cand **out)
{
	struct cand *v = NULL, *f = NULL;
	size_t n = 0, cap = 0, nf = 0;

	for (size_t c = 0; c < set->ncues; c++) {
		const struct caption_cue *cue = &set->cues[c];

		for (size_t k = cue->seg; k < cue->seg + cue->nsegs; k++) {
			const struct caption_seg *sg = &set->segs[k];
			struct mark m;

			if (sg->vlen > 0 || !sg->bol)
				continue;
			read_mark(set->buf.s + sg->off, sg->len, &m);
			if (m.label == NULL)
				continue;
			v = xgrow(v, &cap, n + 1, sizeof(*v));
			v[n].s = m.label;
			v[n].n = m.llen;
			v[n++].cue = c;
		}
	}
	if (n > 0)
		qsort(v, n, sizeof(*v), cand_cmp);
	/* In sorted order a label's cues are adjacent and ascending: count
	 * the distinct ones. */
	for (size_t i = 0; i < n;) {
		size_t j = i + 1, cues = 1;

		for (; j < n && label_cmp(&v[i], &v[j]) == 0; j++)
			if (v[j].cue != v[j - 1].cue)
				cues++;
		if (cues >= 2)
			v[nf++] = v[i];
		i = j;
	}
	if (nf == 0) {
		free(v);
		v = NULL;
	} else
		f = v;
	*out = f;
	return nf;
}

/* The turn being gathered, and the speaker it belongs to. */
struct build {
	const struct caption_set *set;
	struct import_doc	*doc;
	struct diags		*d;
	const struct caption_cue *cue;
	/* the current speaker: label and where it was named */
	const char		*who;
	size_t			 wlen;
	long			 wline, wcol;
	/* speakers made so far: label -> index in doc->speakers */
	struct {
		const char	*s;
		size_t		 n, spk;
	}			*spk;
	size_t			 nspk, spk_cap, last;
	int			 full;	/* CAPTION_MAX_SPEAKERS are */
	/* the open turn */
	int			 open;
	strbuf			 text;
	long			 line, col;
};

/* The index of speaker (s, n), made when new; -1 when new and there are
 * CAPTION_MAX_SPEAKERS already. */
static long
find_speaker(struct build *b, const char *s, size_t n, int make, long line,
    long col)
{
	if (b->last < b->nspk && b->spk[b->last].n == n &&
	    memcmp(b->spk[b->last].s, s, n) == 0)
		return (long)b->spk[b->last].spk;
	for (size_t i = 0; i < b->nspk; i++)
		if (b->spk[i].n == n && memcmp(b->spk[i].s, s, n) == 0) {
			b->last = i;
			return (long)b->spk[i].spk;
		}
	if (!make || b->nspk >= CAPTION_MAX_SPEAKERS)
		return -1;
	b->spk = xgrow(b->spk, &b->spk_cap, b->nspk + 1, sizeof(*b->spk));
	b->spk[b->nspk].s = s;
	b->spk[b->nspk].n = n;
	b->spk[b->nspk].spk = import_doc_speaker(b->doc, s, n, line, col);
	b->last = b->nspk;
	return (long)b->spk[b->nspk++].spk;
}

/* May (s, n) become the current speaker? Not when it would be speaker
 * number CAPTION_MAX_SPEAKERS + 1 (said once). */
static int
speaker_room(struct build *b, const char *s, size_t n, long line)
{
	if (find_speaker(b, s, n, 0, 0, 0) >= 0 || b->nspk <
	    CAPTION_MAX_SPEAKERS)
		return 1;
	if (!b->full)
		diags_warn(b->d, line, 0, "more than %d speaker labels: this "
		    "one and later new ones are read as text",
		    CAPTION_MAX_SPEAKERS);
	b->full = 1;
	return 0;
}

static void
flush(struct build *b)
{
	long spk;

	if (!b->open)
		return;
	b->open = 0;
	if (!has_words(b->text.s, b->text.len))
		return;
	spk = find_speaker(b, b->who, b->wlen, 1, b->wline, b->wcol);
	if (spk < 0)	/* cannot happen: speaker_room() said yes */
		return;
	import_doc_turn(b->doc, (size_t)spk, b->cue->start, b->cue->end,
	    b->text.s, b->text.len, b->line, b->col);
}

/* Open a turn of the current speaker (or of "unknown" when there is none
 * yet) at sg. */
static void
open_turn(struct build *b, const struct caption_seg *sg)
{
	if (b->who == NULL) {
		b->who = CAPTION_UNKNOWN;
		b->wlen = strlen(CAPTION_UNKNOWN);
		b->wline = sg->line;
		b->wcol = sg->col;
	}
	strbuf_reset(&b->text);
	b->open = 1;
	b->line = sg->line;
	b->col = sg->col;
}

static void
set_speaker(struct build *b, const char *s, size_t n, long line, long col)
{
	b->who = s;
	b->wlen = n;
	b->wline = line;
	b->wcol = col;
}

static int
is_frequent(const struct cand *f, size_t nf, const char *s, size_t n)
{
	struct cand key = { s, n, 0 };

	return nf > 0 && bsearch(&key, f, nf, sizeof(*f), label_cmp) != NULL;
}

int
caption_build(const struct caption_set *set, struct import_doc *doc,
    struct diags *d, size_t len)
{
	struct build b = { 0 };
	struct cand *freq;
	size_t nfreq = frequent_labels(set, &freq), before = doc->nturns;

	b.set = set;
	b.doc = doc;
	b.d = d;
	for (size_t c = 0; c < set->ncues; c++) {
		b.cue = &set->cues[c];
		for (size_t k = b.cue->seg; k < b.cue->seg + b.cue->nsegs;
		    k++) {
			const struct caption_seg *sg = &set->segs[k];
			const char *t = set->buf.s != NULL ?
			    set->buf.s + sg->off : "";
			struct mark m;

			if (sg->vlen > 0) {
				const char *v = set->buf.s + sg->voff;

				if (speaker_room(&b, v, sg->vlen, sg->line)) {
					flush(&b);
					set_speaker(&b, v, sg->vlen, sg->line,
					    sg->col);
					open_turn(&b, sg);
				} else if (!b.open)
					open_turn(&b, sg);
				strbuf_add(&b.text, t, sg->len);
				continue;
			}
			if (!sg->bol) {
				if (!b.open)
					open_turn(&b, sg);
				strbuf_add(&b.text, t, sg->len);
				continue;
			}
			read_mark(t, sg->len, &m);
			if (m.label != NULL && (m.strict || is_frequent(freq,
			    nfreq, m.label, m.llen)) && speaker_room(&b,
			    m.label, m.llen, sg->line)) {
				flush(&b);
				set_speaker(&b, m.label, m.llen, sg->line,
				    sg->col);
				open_turn(&b, sg);
				strbuf_add(&b.text, t + m.text, sg->len - m.text);
			} else if (m.change) {
				flush(&b);
				set_speaker(&b, CAPTION_UNKNOWN,
				    strlen(CAPTION_UNKNOWN), sg->line, sg->col);
				open_turn(&b, sg);
				strbuf_add(&b.text, t + m.body, sg->len - m.body);
			} else {
				if (!b.open)
					open_turn(&b, sg);
				else
					strbuf_addc(&b.text, '\n');
				strbuf_add(&b.text, t, sg->len);
			}
		}
		flush(&b);
	}
	free(freq);
	free(b.spk);
	strbuf_free(&b.text);
	if (doc->nturns > before)
		return 0;
	diags_error(d, set->ncues > 0 ? set->cues[0].line : 1, 1,
	    "no cues: %s", len == 0 ? "the file is empty" :
	    set->ncues == 0 ? "the file holds no cue" : "no cue has any text");
	return -1;
}

int
caption_has_arrow(const char *s, size_t n)
{
	for (size_t i = 0; i + 3 <= n; i++)
		if (s[i] == '-' && s[i + 1] == '-' && s[i + 2] == '>')
			return 1;
	return 0;
}

static size_t
skip_ws(const char *s, size_t n, size_t i)
{
	while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\f'))
		i++;
	return i;
}

/* May a time end before s[i]: white space, the line end, or (arrow) the
 * "-->" after a start time? */
static int
time_end(const char *s, size_t n, size_t i, int arrow)
{
	return i == n || s[i] == ' ' || s[i] == '\t' || s[i] == '\f' ||
	    (arrow && s[i] == '-');
}

int
caption_timing(const char *s, size_t n, struct caption_timing *tm)
{
	size_t i = skip_ws(s, n, 0);

	tm->at[0] = i;
	/* A time ends at white space (or at the arrow): "00:00:05:000"
	 * is no time, though textin_clock reads its "00:00:05". */
	if ((tm->len[0] = textin_clock(s + i, n - i, &tm->start)) == 0 ||
	    !time_end(s, n, i + tm->len[0], 1)) {
		tm->bad = CAPTION_BAD_START;
		tm->badcol = i + 1;
		return -1;
	}
	i = skip_ws(s, n, i + tm->len[0]);
	if (n - i < 3 || memcmp(s + i, "-->", 3) != 0) {
		tm->bad = CAPTION_BAD_ARROW;
		tm->badcol = i + 1;
		return -1;
	}
	i = skip_ws(s, n, i + 3);
	tm->at[1] = i;
	if (i == n || (tm->len[1] = textin_clock(s + i, n - i,
	    &tm->end)) == 0 || !time_end(s, n, i + tm->len[1], 0)) {
		tm->bad = i == n ? CAPTION_BAD_NO_END : CAPTION_BAD_END;
		tm->badcol = i + 1;
		return -1;
	}
	return 0;
}

/* The word at s[i..n) for a message, printable (free() it). */
static char *
word_at(const char *s, size_t n, size_t i)
{
	size_t k = i;
	char *w, *p;

	while (k < n && k - i < 24 && s[k] != ' ' && s[k] != '\t')
		k++;
	w = xstrndup(s + i, k - i);
	p = printable(w, 24);
	free(w);
	return p;
}

void
caption_timing_error(struct diags *d, enum diag_severity sev, long line,
    const char *s, size_t n, const struct caption_timing *tm,
    const char *want, const char *tail)
{
	char *w = word_at(s, n, tm->badcol - 1), *msg;

	switch (tm->bad) {
	case CAPTION_BAD_START:
		msg = *w == '\0' ? xstrdup("no start time") : xasprintf("'%s' "
		    "is not a start time (want %s)", w, want);
		break;
	case CAPTION_BAD_ARROW:
		msg = *w == '\0' ? xstrdup("no '-->' after the start time") :
		    xasprintf("no '-->' after the start time (found '%s')", w);
		break;
	case CAPTION_BAD_NO_END:
		msg = xstrdup("no end time after '-->'");
		break;
	default:
		msg = xasprintf("'%s' is not an end time (want %s)", w, want);
		break;
	}
	diags_add(d, sev, line, (long)tm->badcol, "malformed timing line: %s%s",
	    msg, tail);
	free(msg);
	free(w);
}

size_t
caption_sniff_text(const char *data, size_t len, char *buf, size_t size)
{
	const unsigned char *p = (const unsigned char *)data;
	size_t o = 0;

	if (len >= 2 && ((p[0] == 0xff && p[1] == 0xfe) || (p[0] == 0xfe &&
	    p[1] == 0xff))) {
		int be = p[0] == 0xfe;

		for (size_t i = 2; i + 1 < len && o < size; i += 2) {
			unsigned c = be ? (unsigned)(p[i] << 8 | p[i + 1]) :
			    (unsigned)(p[i + 1] << 8 | p[i]);

			buf[o++] = c < 0x80 ? (char)c : '?';
		}
		return o;
	}
	if (len >= 3 && p[0] == 0xef && p[1] == 0xbb && p[2] == 0xbf)
		p += 3, len -= 3;
	for (size_t i = 0; i < len && o < size; i++)
		buf[o++] = p[i] < 0x80 ? (char)p[i] : '?';
	return o;
}

void
caption_warn(struct caption_warns *w, struct diags *d, long line, long col,
    const char *fmt, ...)
{
	va_list ap;
	char *msg;

	if (w->n++ >= CAPTION_WARN_MAX)
		return;
	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	diags_warn(d, line, col, "%s", msg);
	free(msg);
}

void
caption_warn_end(struct caption_warns *w, struct diags *d, const char *what)
{
	if (w->n > CAPTION_WARN_MAX)
		diags_warn(d, 0, 0, "%zu more %s not shown", w->n -
		    CAPTION_WARN_MAX, what);
}
