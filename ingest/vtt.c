/* vtt.c -- the WebVTT importer: Zoom, Microsoft Teams and other captions.
 *
 * The file is read as the parser of the W3C specification reads it
 * ("WebVTT: The Web Video Text Tracks Format", W3C Candidate
 * Recommendation, https://www.w3.org/TR/webvtt1/, section 6.1 "WebVTT
 * file parsing"): the signature WEBVTT, a header block, then blocks
 * separated by blank lines. A block is a cue when its first or second
 * line holds "-->" (the second when the first is the cue identifier:
 * Zoom numbers its cues, Teams gives "<GUID>/<n>-<m>"); any other block
 * (NOTE, STYLE, REGION) holds no words of the session. Cue text is read
 * with the cue text rules of section 6.4: every tag is dropped and its
 * text kept (<c.class>, <i>, <b>, <u>, <lang en>, <00:00:01.000>, and
 * tags the spec does not know), except that a voice (<v Name>,
 * <v.class Name>, the closing </v> optional) names the speaker of its
 * text and the ruby text of <rt> (a reading of the base text, which
 * would count the words twice) is dropped. HTML character references are
 * resolved (textin_entities). Who speaks when there is no voice:
 * caption.h.
 *
 * Where the spec's parser skips silently, this importer says so, since
 * a transcript that loses a cue unseen is worse than one rejected:
 *   - a line with "-->" that is not a timing line rejects the file (the
 *     parser drops the cue), with what is wrong; in a NOTE, STYLE or
 *     REGION block, where "-->" may not stand (section 4), it is a
 *     warning and the block is skipped;
 *   - a timestamp the parser refuses but textin_clock reads ("00:01,000",
 *     "00:01.5", "1:02.000", "75:00.000") is used, with a warning;
 *   - a cue ending before it starts is kept with a warning: the parser
 *     keeps it, only the syntax (section 4.1) forbids it; so is a cue
 *     starting before the previous one (the syntax wants them in order);
 *   - a block of text with no timing line is skipped with a warning;
 *   - a timing line right after cue text (no blank line between) starts
 *     a new cue, as in the spec, with a warning; a last line of digits
 *     before it is its identifier, not text of the cue before.
 * Blocks end at empty lines only, as in the spec: a line of spaces is a
 * line of cue text (YouTube pads its cues with one). A '<' with no '>'
 * after it in the cue is text (the spec's tokenizer would take the rest
 * of the cue for a tag). A "Language:" line in the header (YouTube writes
 * one) gives the doc's language when it is a language tag.
 *
 * YouTube's automatic captions roll up: a cue shows the line of the cue
 * before and a new one, and a 10 ms cue between them shows the old line
 * alone, so every line would be imported two or three times. When cue
 * text holds word timestamps (<00:00:01.500>), which those captions have
 * and hand-made ones rarely do, a first line repeating the last line of
 * a cue it touches is dropped (caption_unroll), with a warning.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "caption.h"
#include "import.h"
#include "textin.h"

/* How a WebVTT timestamp is written, for messages. */
#define WANT	"[hh:]mm:ss.ttt"

/*
 * Is the timestamp at s (n bytes) one the spec's parser (6.1, "collect a
 * WebVTT timestamp") refuses, though textin_clock read it? Without hours
 * the minutes must be two digits below 60, and the fraction is a '.' and
 * exactly three digits.
 */
static int
odd_timestamp(const char *s, size_t n)
{
	size_t lead = 0, colons = 0, frac = 0;
	char sep = 0;

	while (lead < n && s[lead] >= '0' && s[lead] <= '9')
		lead++;
	for (size_t i = 0; i < n; i++)
		if (s[i] == ':')
			colons++;
		else if (s[i] == '.' || s[i] == ',') {
			sep = s[i];
			frac = n - i - 1;
		}
	return sep != '.' || frac != 3 || (colons == 1 && (lead != 2 ||
	    s[0] > '5'));
}

/* --- cue text (6.4, "WebVTT cue text parsing rules") --- */

struct tok {
	struct caption_set	*set;
	strbuf			 raw;	/* text, references unresolved */
	strbuf			 plain;
	strbuf			 voice;	/* the segment's voice */
	int			 voiced;
	int			 bol;	/* the segment opens a line */
	int			 placed;	/* line, col are its first
						   character's */
	long			 line, col;
	int			 rt;	/* inside <rt> */
	int			 timed;	/* a timestamp tag was seen */
};

static void
seg_end(struct tok *t)
{
	strbuf_reset(&t->plain);
	if (t->raw.len > 0)
		textin_entities(&t->plain, t->raw.s, t->raw.len);
	if (t->voiced || t->plain.len > 0)
		caption_seg(t->set, t->plain.s, t->plain.len, t->voice.s,
		    t->voiced ? t->voice.len : 0, t->bol, t->line, t->col);
	strbuf_reset(&t->raw);
	t->placed = 0;
}

static int
is_ws(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Is [s, s+n) the tag name name? (Names are case-sensitive, 6.4.) */
static int
name_is(const char *s, size_t n, const char *name)
{
	return strlen(name) == n && memcmp(s, name, n) == 0;
}

/*
 * The tag s (n bytes between '<' and '>') at line:col. A voice start tag
 * ends the segment and starts one of its speaker: the annotation, its
 * references resolved and white space runs made one space (6.4, "WebVTT
 * start tag annotation state" and the voice's "annotation string").
 */
static void
tag(struct tok *t, const char *s, size_t n, long line, long col)
{
	size_t k, end = n > 0 && s[0] == '/';
	const char *name = s + end;

	if (n > 0 && s[0] >= '0' && s[0] <= '9') {
		t->timed = 1;	/* a timestamp tag */
		return;
	}
	for (k = end; k < n && s[k] != '.' && !is_ws(s[k]); k++)
		;
	if (end) {
		if (name_is(name, k - end, "v")) {
			seg_end(t);
			t->voiced = 0;
			strbuf_reset(&t->voice);
			t->bol = 0;
			t->line = line;
			t->col = col;
		} else if (name_is(name, k - end, "rt") && t->rt > 0)
			t->rt--;
		else if (name_is(name, k - end, "ruby"))
			t->rt = 0;
		return;
	}
	if (name_is(name, k, "rt")) {
		t->rt++;
		return;
	}
	if (!name_is(name, k, "v"))
		return;
	while (k < n && !is_ws(s[k]))
		k++;	/* the classes: <v.loud Name> */
	seg_end(t);
	strbuf_reset(&t->plain);
	textin_entities(&t->plain, s + k, n - k);
	strbuf_reset(&t->voice);
	for (size_t i = 0; i < t->plain.len; i++) {
		if (!is_ws(t->plain.s[i]))
			strbuf_addc(&t->voice, t->plain.s[i]);
		else if (t->voice.len > 0 && i + 1 < t->plain.len &&
		    !is_ws(t->plain.s[i + 1]))
			strbuf_addc(&t->voice, ' ');
	}
	t->voiced = t->voice.len > 0;
	t->bol = 0;
	t->line = line;
	t->col = col;
	t->placed = 1;
}

/* The text of one cue: n bytes at p, its first line line. Lines end at
 * LF, CRLF or CR (textin's rule), and a line of cue text opens a new
 * segment unless a voice span goes on over it. Returns 1 when the text
 * holds a timestamp tag, else 0. */
static int
cue_text(struct caption_set *set, const char *p, size_t n, long line)
{
	struct tok t = { 0 };
	const char *bol = p, *gt = NULL;
	int nogt = 0;

	t.set = set;
	t.bol = 1;
	t.line = line;
	t.col = 1;
	for (size_t i = 0; i < n; i++) {
		char c = p[i];
		size_t k;

		if (c == '\r' || c == '\n') {
			if (c == '\r' && i + 1 < n && p[i + 1] == '\n')
				i++;
			line++;
			bol = p + i + 1;
			if (t.voiced) {
				strbuf_addc(&t.raw, '\n');
				continue;
			}
			seg_end(&t);
			t.bol = 1;
			t.line = line;
			t.col = 1;
			continue;
		}
		if (!t.placed && c != ' ' && c != '\t') {
			t.line = line;
			t.col = (long)(p + i - bol) + 1;
			t.placed = 1;
		}
		if (c == '<' && !nogt) {
			/* Remember the next '>': a run of '<' without one
			 * must not be searched again for each of them. */
			if (gt == NULL || gt < p + i) {
				gt = memchr(p + i, '>', n - i);
				nogt = gt == NULL;
			}
			if (gt != NULL) {
				long tline = line, tcol = (long)(p + i - bol) + 1;

				for (const char *q = p + i; q < gt; q++)
					if (*q == '\n' || (*q == '\r' &&
					    q[1] != '\n')) {
						line++;
						bol = q + 1;
					}
				tag(&t, p + i + 1, (size_t)(gt - p - i - 1),
				    tline, tcol);
				i = (size_t)(gt - p);
				continue;
			}
		}
		/* A run of text up to the next line end or tag. */
		for (k = i + 1; k < n && p[k] != '\r' && p[k] != '\n' &&
		    p[k] != '<'; k++)
			;
		if (t.rt == 0)
			strbuf_add(&t.raw, p + i, k - i);
		i = k - 1;
	}
	seg_end(&t);
	strbuf_free(&t.raw);
	strbuf_free(&t.plain);
	strbuf_free(&t.voice);
	return t.timed;
}

/* --- the file --- */

/* Is the line all digits (a cue number)? */
static int
digits_only(const char *s, size_t n)
{
	textin_trim(&s, &n);
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return n > 0;
}

/* Does the line open a block whose words are not the session's: NOTE
 * (then a space, a tab or the line end), STYLE or REGION (6.1)? */
static int
aside(const char *s, size_t n)
{
	size_t k;

	if (n >= 4 && memcmp(s, "NOTE", 4) == 0)
		return n == 4 || s[4] == ' ' || s[4] == '\t';
	if (n >= 5 && memcmp(s, "STYLE", 5) == 0)
		k = 5;
	else if (n >= 6 && memcmp(s, "REGION", 6) == 0)
		k = 6;
	else
		return 0;
	return textin_blank(s + k, n - k);
}

/* Is [s, s+n) a language tag (xs:language: letters, then '-' and
 * letters or digits, 1 to 8 each)? */
static int
language_tag(const char *s, size_t n)
{
	size_t run = 0, part = 0;

	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		int alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

		if (c == '-') {
			if (run == 0)
				return 0;
			run = 0;
			part++;
		} else if (alpha || (part > 0 && c >= '0' && c <= '9')) {
			if (++run > 8)
				return 0;
		} else
			return 0;
	}
	return run > 0;
}

/* The first line: WEBVTT, then a space, a tab or the line end (6.1,
 * steps 4-6). 0, or -1 with the reason. */
static int
signature(struct textin_lines *it, size_t len, struct diags *d)
{
	const char *s;
	size_t n;

	if (len == 0 || !textin_next_line(it, &s, &n)) {
		diags_error(d, 1, 1, "empty file: a WebVTT file starts with "
		    "the line WEBVTT");
		return -1;
	}
	if (n >= 6 && memcmp(s, "WEBVTT", 6) == 0) {
		if (n == 6 || s[6] == ' ' || s[6] == '\t')
			return 0;
		diags_error(d, 1, 7, "not a WebVTT file: WEBVTT must be "
		    "followed by a space, a tab or the end of the line");
		return -1;
	}
	if (n >= 6 && strncasecmp(s, "WEBVTT", 6) == 0) {
		diags_error(d, 1, 1, "not a WebVTT file: the signature is "
		    "WEBVTT in capitals");
		return -1;
	}
	for (;;) {
		if (!textin_blank(s, n)) {
			textin_trim(&s, &n);
			if (n >= 6 && memcmp(s, "WEBVTT", 6) == 0) {
				diags_error(d, 1, 1, "not a WebVTT file: "
				    "WEBVTT must be the very first line, "
				    "with nothing before it");
				return -1;
			}
			break;
		}
		if (!textin_next_line(it, &s, &n))
			break;
	}
	diags_error(d, 1, 1, "not a WebVTT file: no WEBVTT header (the "
	    "first line must be WEBVTT)");
	return -1;
}

static int
vtt_sniff(const char *data, size_t len)
{
	char b[8];
	size_t n = caption_sniff_text(data, len, b, sizeof(b));

	if (n >= 6 && memcmp(b, "WEBVTT", 6) == 0 && (n == 6 ||
	    b[6] == ' ' || b[6] == '\t' || b[6] == '\n' || b[6] == '\r'))
		return 2;
	return 0;
}

/* What the block loop reports. */
struct vtt_warns {
	struct caption_warns	 odd, order, backwards, orphan, noblank,
				 aside;
};

static int
vtt_parse(const struct import_src *src, struct import_docs *out,
    struct diags *d)
{
	struct caption_set set = { 0 };
	struct vtt_warns w = { { 0 }, { 0 }, { 0 }, { 0 }, { 0 }, { 0 } };
	struct textin_lines it;
	struct import_doc *doc;
	const char *s, *lang = NULL;
	size_t n, len, langlen = 0;
	double last_start = NAN;
	char *text;
	int rc = -1, timed = 0;

	if ((text = textin_decode(src->data, src->len, &len, d)) == NULL)
		return -1;
	textin_lines_init(&it, text, len);
	if (signature(&it, len, d) != 0)
		goto out;
	/* The header: up to a blank line, or up to a line with "-->",
	 * which then starts the first cue (6.1, step 11). */
	while (textin_peek_line(&it, &s, &n) && n > 0 &&
	    !caption_has_arrow(s, n)) {
		textin_next_line(&it, &s, &n);
		if (n > 9 && strncasecmp(s, "Language:", 9) == 0) {
			lang = s + 9;
			langlen = n - 9;
			textin_trim(&lang, &langlen);
			if (!language_tag(lang, langlen))
				lang = NULL;
		}
	}
	for (;;) {
		const char *tb = NULL, *te = NULL, *lb = NULL, *pe = NULL;
		long first, tline = 0, cline = 0;
		int count = 0, seen_arrow = 0, cue = 0, skip, by_arrow = 0;
		int words = 0, bad;
		size_t ntext = 0;
		struct caption_timing tm = { 0 };
		long oddcol = 0;

		while (textin_peek_line(&it, &s, &n) && n == 0)
			textin_next_line(&it, &s, &n);
		if (!textin_peek_line(&it, &s, &n))
			break;
		first = it.line + 1;
		skip = aside(s, n);
		/* 6.1, "collect a WebVTT block". */
		while (textin_peek_line(&it, &s, &n)) {
			if (caption_has_arrow(s, n)) {
				if (!(count == 0 || (count == 1 &&
				    !seen_arrow))) {
					by_arrow = 1;
					break;
				}
				textin_next_line(&it, &s, &n);
				count++;
				seen_arrow = 1;
				bad = caption_timing(s, n, &tm) != 0;
				if (bad && skip) {
					caption_warn(&w.aside, d, it.line, 1,
					    "'-->' in a NOTE, STYLE or REGION "
					    "block, where it may not stand: the "
					    "block is skipped");
					continue;
				}
				if (bad) {
					caption_timing_error(d, DIAG_ERROR,
					    it.line, s, n, &tm, WANT, "");
					goto out;
				}
				cue = 1;
				cline = it.line;
				for (int k = 0; k < 2; k++)
					if (oddcol == 0 && odd_timestamp(s +
					    tm.at[k], tm.len[k]))
						oddcol = (long)tm.at[k] + 1;
				continue;
			}
			if (n == 0) {
				textin_next_line(&it, &s, &n);
				break;
			}
			textin_next_line(&it, &s, &n);
			count++;
			if (!cue) {
				words |= !textin_blank(s, n);
				continue;
			}
			if (tb == NULL) {
				tb = s;
				tline = it.line;
			}
			pe = te;
			lb = s;
			te = s + n;
			ntext++;
		}
		if (!cue) {
			if (!skip && words)
				caption_warn(&w.orphan, d, first, 1, "text "
				    "without a timing line is skipped (WebVTT "
				    "players skip it too)");
			continue;
		}
		if (by_arrow) {
			caption_warn(&w.noblank, d, it.line + 1, 1, "no blank "
			    "line before this cue");
			/* "...text\n12\n00:01:02.000 --> ...": the number
			 * is the next cue's identifier. */
			if (ntext > 0 && digits_only(lb, (size_t)(te - lb))) {
				te = pe;
				ntext--;
			}
		}
		if (oddcol > 0)
			caption_warn(&w.odd, d, cline, oddcol,
			    "timestamp not in WebVTT's form [hh:]mm:ss.ttt "
			    "(players skip the cue); read as written");
		if (tm.end < tm.start)
			caption_warn(&w.backwards, d, cline, 1, "cue ends "
			    "(%.3f s) before it starts (%.3f s)", tm.end,
			    tm.start);
		if (!isnan(last_start) && tm.start < last_start)
			caption_warn(&w.order, d, cline, 1, "cue starts "
			    "(%.3f s) before the previous one (%.3f s)",
			    tm.start, last_start);
		last_start = tm.start;
		caption_cue(&set, tm.start, tm.end, cline);
		if (ntext > 0)
			timed |= cue_text(&set, tb, (size_t)(te - tb), tline);
	}
	/* Word timestamps are the mark of YouTube's automatic captions,
	 * which roll up: each line comes again atop the next cue. */
	if (timed && (n = caption_unroll(&set)) > 0)
		diags_warn(d, 0, 0, "roll-up captions (word timestamps, as in "
		    "YouTube's automatic captions): %zu line%s repeating the "
		    "cue before dropped", n, n == 1 ? "" : "s");
	caption_warn_end(&w.odd, d, "timestamps not in WebVTT's form");
	caption_warn_end(&w.backwards, d, "cues ending before they start");
	caption_warn_end(&w.order, d, "cues out of order");
	caption_warn_end(&w.orphan, d, "blocks without a timing line");
	caption_warn_end(&w.noblank, d, "cues without a blank line before");
	caption_warn_end(&w.aside, d, "NOTE, STYLE or REGION blocks with "
	    "'-->'");
	doc = import_doc_create(out);
	if (lang != NULL)
		import_doc_meta(doc, IMPORT_LANGUAGE, lang, langlen);
	rc = caption_build(&set, doc, d, len);
out:
	caption_free(&set);
	free(text);
	return rc;
}

const struct import_format import_format_vtt = {
	.name = "vtt",
	.exts = "vtt webvtt",
	.summary = "WebVTT captions (Zoom, Microsoft Teams, YouTube, ...)",
	.merges = 1,
	.sniff = vtt_sniff,
	.parse = vtt_parse,
};
