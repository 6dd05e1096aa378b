/* srt.c -- the SubRip importer: .srt subtitles and caption exports.
 *
 * SubRip has no specification. What every tool writes, and the form the
 * Matroska subtitle notes describe (https://www.matroska.org/technical/
 * subtitles.html, "SRT Subtitles"), is blocks of a cue number, a timing
 * line "00:00:01,000 --> 00:00:04,000" (perhaps followed by a box,
 * "X1:40 X2:600 Y1:20 Y2:50", which is ignored) and lines of text up to a
 * blank line. The importer reads what real files do beside that: a BOM,
 * UTF-16, CRLF or CR line ends, '.' for ',' and any number of fraction
 * digits, hours left out, missing cue numbers, extra blank lines, no
 * blank line at the end. A timing line (or a number and a timing line)
 * right after cue text starts the next cue, with a warning; text after a
 * blank line that starts no cue is the rest of the cue before (a blank
 * line inside its text), with a warning.
 *
 * Markup is dropped, its text kept: HTML-like tags (<i>, <b>, <u>, <s>,
 * <font color="...">, any <name ...> on one line) and the ASS override
 * blocks some tools write ({\an8}, {\i1}); HTML character references are
 * resolved. A '<' or '{' that opens no tag is text ("I <3 it").
 *
 * The file is rejected (an error at its line and column) when it does not
 * start with a cue, when a timing line does not parse, and when no cue
 * has any text. A cue ending before it starts, or starting before the one
 * before, is kept with a warning. Who speaks: caption.h.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "caption.h"
#include "import.h"
#include "textin.h"

/* How a SubRip time is written, for messages. */
#define WANT	"hh:mm:ss,ttt"

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

/* Does the line look meant for a timing line: "-->" and a digit first? */
static int
timing_like(const char *s, size_t n)
{
	const char *t = s;
	size_t k = n;

	textin_trim(&t, &k);
	return k > 0 && *t >= '0' && *t <= '9' && caption_has_arrow(s, n);
}

/* Does a cue start at the next line: a timing line, or a number and a
 * line with "-->"? */
static int
cue_next(const struct textin_lines *it)
{
	struct textin_lines c = *it;
	const char *s;
	size_t n;

	if (!textin_next_line(&c, &s, &n))
		return 0;
	if (caption_has_arrow(s, n))
		return 1;
	return digits_only(s, n) && textin_next_line(&c, &s, &n) &&
	    caption_has_arrow(s, n);
}

/* Append line s (n bytes) to plain with tags and ASS overrides dropped
 * and references resolved; raw is scratch. */
static void
clean_line(strbuf *plain, strbuf *raw, const char *s, size_t n)
{
	strbuf_reset(raw);
	strbuf_reset(plain);
	for (size_t i = 0; i < n; i++) {
		size_t j, k;

		if (s[i] == '<') {
			k = i + 1 < n && s[i + 1] == '/' ? i + 2 : i + 1;
			if (k < n && ((s[k] >= 'a' && s[k] <= 'z') ||
			    (s[k] >= 'A' && s[k] <= 'Z'))) {
				for (j = k; j < n && s[j] != '<' && s[j] != '>';
				    j++)
					;
				if (j < n && s[j] == '>') {
					i = j;
					continue;
				}
			}
		} else if (s[i] == '{' && i + 1 < n && s[i + 1] == '\\') {
			for (j = i + 2; j < n && s[j] != '{' && s[j] != '}'; j++)
				;
			if (j < n && s[j] == '}') {
				i = j;
				continue;
			}
		}
		for (j = i + 1; j < n && s[j] != '<' && s[j] != '{'; j++)
			;
		strbuf_add(raw, s + i, j - i);
		i = j - 1;
	}
	if (raw->len > 0)
		textin_entities(plain, raw->s, raw->len);
}

/* The column of the first character that is not a space or tab. */
static long
first_col(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	return (long)i + 1;
}

struct srt_warns {
	struct caption_warns	 backwards, order, orphan, noblank;
};

/*
 * The text lines of the last cue, up to a blank line or the start of the
 * next cue (no blank line between: a warning).
 */
static void
cue_lines(struct textin_lines *it, struct caption_set *set,
    struct srt_warns *w, struct diags *d)
{
	strbuf plain = { 0 }, raw = { 0 };
	const char *s;
	size_t n;

	while (textin_peek_line(it, &s, &n) && !textin_blank(s, n)) {
		if (timing_like(s, n) || (digits_only(s, n) &&
		    cue_next(it))) {
			caption_warn(&w->noblank, d, it->line + 1, 1, "no blank "
			    "line before this cue");
			break;
		}
		textin_next_line(it, &s, &n);
		clean_line(&plain, &raw, s, n);
		caption_seg(set, plain.s, plain.len, NULL, 0, 1, it->line,
		    first_col(s, n));
	}
	strbuf_free(&plain);
	strbuf_free(&raw);
}

static int
srt_sniff(const char *data, size_t len)
{
	char b[1024];
	size_t n = caption_sniff_text(data, len, b, sizeof(b));
	struct textin_lines it;
	struct caption_timing tm;
	const char *s;

	textin_lines_init(&it, b, n);
	do {
		if (!textin_next_line(&it, &s, &n))
			return 0;
	} while (textin_blank(s, n));
	if (digits_only(s, n) && !textin_next_line(&it, &s, &n))
		return 0;
	return caption_timing(s, n, &tm) == 0;
}

static int
srt_parse(const struct import_src *src, struct import_docs *out,
    struct diags *d)
{
	struct caption_set set = { 0 };
	struct srt_warns w = { { 0 }, { 0 }, { 0 }, { 0 } };
	struct textin_lines it;
	struct import_doc *doc;
	const char *s;
	size_t n, len;
	double last_start = NAN;
	char *text;
	int rc = -1;

	if ((text = textin_decode(src->data, src->len, &len, d)) == NULL)
		return -1;
	textin_lines_init(&it, text, len);
	for (;;) {
		struct caption_timing tm;
		char *p;

		while (textin_peek_line(&it, &s, &n) && textin_blank(s, n))
			textin_next_line(&it, &s, &n);
		if (!textin_peek_line(&it, &s, &n))
			break;
		if (digits_only(s, n) && cue_next(&it))
			textin_next_line(&it, &s, &n);	/* its number */
		textin_peek_line(&it, &s, &n);
		if (caption_has_arrow(s, n)) {
			textin_next_line(&it, &s, &n);
			if (caption_timing(s, n, &tm) != 0) {
				caption_timing_error(d, DIAG_ERROR, it.line, s,
				    n, &tm, WANT, "");
				goto out;
			}
			if (tm.end < tm.start)
				caption_warn(&w.backwards, d, it.line, 1, "cue "
				    "ends (%.3f s) before it starts (%.3f s)",
				    tm.end, tm.start);
			if (!isnan(last_start) && tm.start < last_start)
				caption_warn(&w.order, d, it.line, 1, "cue "
				    "starts (%.3f s) before the previous one "
				    "(%.3f s)", tm.start, last_start);
			last_start = tm.start;
			caption_cue(&set, tm.start, tm.end, it.line);
			cue_lines(&it, &set, &w, d);
			continue;
		}
		if (set.ncues > 0) {
			caption_warn(&w.orphan, d, it.line + 1, 1, "text after "
			    "a blank line is read as the rest of the cue "
			    "before");
			cue_lines(&it, &set, &w, d);
			continue;
		}
		p = xstrndup(s, n > 40 ? 40 : n);
		if (n >= 6 && memcmp(s, "WEBVTT", 6) == 0)
			diags_error(d, it.line + 1, 1, "not SubRip: this is "
			    "a WebVTT file (import it as vtt)");
		else if (digits_only(s, n))
			diags_error(d, it.line + 1, first_col(s, n), "not "
			    "SubRip: cue number %s is not followed by a timing "
			    "line (00:00:01,000 --> 00:00:04,000)", p);
		else
			diags_error(d, it.line + 1, first_col(s, n), "not "
			    "SubRip: a cue number or a timing line "
			    "(00:00:01,000 --> 00:00:04,000) was expected");
		free(p);
		goto out;
	}
	caption_warn_end(&w.backwards, d, "cues ending before they start");
	caption_warn_end(&w.order, d, "cues out of order");
	caption_warn_end(&w.orphan, d, "blank lines inside cues");
	caption_warn_end(&w.noblank, d, "cues without a blank line before");
	doc = import_doc_create(out);
	rc = caption_build(&set, doc, d, len);
out:
	caption_free(&set);
	free(text);
	return rc;
}

const struct import_format import_format_srt = {
	.name = "srt",
	.exts = "srt",
	.summary = "SubRip subtitles and caption exports",
	.merges = 1,
	.sniff = srt_sniff,
	.parse = srt_parse,
};
