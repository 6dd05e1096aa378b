/* caption.h -- caption cues into turns: what the WebVTT and SubRip
 * importers share.
 *
 * vtt.c and srt.c each read their own syntax (blocks, timing lines,
 * markup) into a caption_set: the cues in file order, each with its times
 * and its text cut into segments of plain text. A segment is one line of
 * cue text, or the part of a line a WebVTT voice span (<v Name>) covers.
 * caption_build() then decides who says what, with one rule for both
 * formats, and appends the turns to a doc. Merging the cues of one
 * speaker into turns is not done here: import_build() does it (the
 * formats set `merges`).
 */
#ifndef RAPPORT_CAPTION_H
#define RAPPORT_CAPTION_H

#include <stddef.h>

#include "diag.h"
#include "import.h"
#include "util.h"

/* The label of turns no voice or label names. */
#define CAPTION_UNKNOWN		"unknown"
/* At most this many speakers in a file: further labels are read as text
 * (a session has a handful; hundreds are sentences taken for labels). */
#define CAPTION_MAX_SPEAKERS	256

struct caption_seg {
	size_t	 off, len;	/* its plain text, in the set's buf */
	size_t	 voff, vlen;	/* the voice naming its speaker, in buf;
				   vlen 0: no voice */
	int	 bol;		/* it opens a line of the cue's text */
	long	 line, col;	/* where it starts in the file */
};

struct caption_cue {
	double	 start, end;	/* seconds */
	size_t	 seg, nsegs;	/* its segments, in set->segs */
	long	 line;		/* its timing line */
};

/* The cues of one file. Zero-initialise; free with caption_free(). */
struct caption_set {
	strbuf			 buf;
	struct caption_seg	*segs;
	size_t			 nsegs, segs_cap;
	struct caption_cue	*cues;
	size_t			 ncues, cues_cap;
};

/* Start a cue from start to end (seconds), its timing line at line. */
void caption_cue(struct caption_set *set, double start, double end,
    long line);

/*
 * Append a segment to the last cue (there must be one): text (n bytes of
 * valid UTF-8, markup and references already resolved) is copied. voice
 * (vn bytes, vn 0 for none) names its speaker; bol says it opens a line
 * of cue text, so a speaker label or a dialogue dash may start it; line
 * and col are where it starts in the file. A segment of only white space
 * and no voice is not kept.
 */
void caption_seg(struct caption_set *set, const char *text, size_t n,
    const char *voice, size_t vn, int bol, long line, long col);

/*
 * Undo roll-up captions: drop the first line of a cue when it repeats
 * the last line of the cue before (as parsed), that cue ending no later
 * than this one starts. Only lines without a voice are compared, after
 * trimming. Returns how many lines were dropped.
 */
size_t caption_unroll(struct caption_set *set);

/*
 * The speakers and turns of the cues, appended to doc; warnings to d.
 * The rules (the importers' documentation repeats them):
 *   - a voice names the speaker of its segment;
 *   - a line may open with ">>" (a change of speaker in broadcast
 *     captions) and/or a dialogue dash ("- ", U+2013 or U+2014 and a
 *     space), then a label "Name:" (textin_label) or "[Name]"; a label
 *     is a speaker when it passes the strict test of textin_speaker_like
 *     or, passing the lenient one, opens a line in at least 2 cues of the
 *     file; "[Music]"-like sound tags are never speakers;
 *   - ">>" or a dash without a speaker label starts a turn of "unknown"
 *     (a change to a speaker the file does not name);
 *   - any other text continues the speaker before it, across cues; text
 *     before any speaker is "unknown".
 * Every turn has the times of its cue. Returns 0, or -1 with an error
 * "no cues: ..." when no turn has text (len, the file's length, tells an
 * empty file).
 */
int caption_build(const struct caption_set *set, struct import_doc *doc,
    struct diags *d, size_t len);

void caption_free(struct caption_set *set);

/* --- timing lines: START --> END, as both formats write them --- */

/* What is wrong with a timing line. */
enum caption_bad {
	CAPTION_BAD_START,	/* no start time */
	CAPTION_BAD_ARROW,	/* no "-->" after it */
	CAPTION_BAD_NO_END,	/* nothing after "-->" */
	CAPTION_BAD_END		/* no end time */
};

struct caption_timing {
	double		 start, end;	/* seconds */
	size_t		 at[2], len[2];	/* the two times: offsets into
					   the line, lengths */
	enum caption_bad bad;		/* when it does not parse */
	size_t		 badcol;	/* 1-based */
};

/* Does [s, s+n) hold "-->"? */
int caption_has_arrow(const char *s, size_t n);

/*
 * Read a timing line s (n bytes): white space (space, tab, form feed),
 * a time textin_clock reads, "-->", a time; white space around the arrow
 * is optional, and whatever follows the end time (WebVTT cue settings,
 * SubRip's X1:... Y2:... box) is ignored. Returns 0, or -1 with tm->bad
 * and tm->badcol.
 */
int caption_timing(const char *s, size_t n, struct caption_timing *tm);

/*
 * Report why timing line s (n bytes) at line does not parse, with
 * severity sev: "malformed timing line: '0:1.5' is not a start time
 * (want WANT)" and the like, then tail ("" or more words).
 */
void caption_timing_error(struct diags *d, enum diag_severity sev,
    long line, const char *s, size_t n, const struct caption_timing *tm,
    const char *want, const char *tail);

/* --- helpers --- */

/*
 * The first bytes of a file as ASCII for a sniffer: a UTF-8 BOM is
 * skipped, UTF-16 (by its BOM) is narrowed, every byte or code unit above
 * 0x7f becomes '?'. Writes at most size bytes to buf; returns how many.
 */
size_t caption_sniff_text(const char *data, size_t len, char *buf,
    size_t size);

/* A count of one kind of warning, so that a file with a thousand alike
 * does not print a thousand: the first CAPTION_WARN_MAX are reported. */
#define CAPTION_WARN_MAX	5
struct caption_warns {
	size_t	 n;
};
void caption_warn(struct caption_warns *w, struct diags *d, long line,
    long col, const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* Report how many of kind w were not shown (what: "timing lines ..."). */
void caption_warn_end(struct caption_warns *w, struct diags *d,
    const char *what);

#endif
