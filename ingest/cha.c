/* cha.c -- TalkBank CHAT transcripts (.cha: CHILDES, AphasiaBank, ...).
 *
 * A CHAT file is a sequence of tiers, one per line with continuation
 * lines that start with a tab (B. MacWhinney, "Tools for Analyzing Talk,
 * Part 1: The CHAT Transcription Format", TalkBank, editions of 2021 to
 * 2024, https://talkbank.org/manuals/CHAT.html; cited below as "CHAT"
 * with the section's name, which is stable across editions where the
 * numbers are not, and the number where the 2021 edition's is known):
 *   @Header:\tvalue      file headers (CHAT 7, "File Headers")
 *   *CODE:\tutterance    a main tier: what speaker CODE said
 *   %tier:\tannotation   dependent tiers (%mor, %gra, %com, ...)
 * Each tier and its continuation lines are joined into one logical line
 * before it is read. @Participants declares every speaker (CHAT 7,
 * @Participants): a main tier of a code it does not declare rejects
 * the file, since CHAT requires the declaration and an undeclared code is
 * nearly always a typo that would split one speaker in two with no role.
 *
 * The main tier is transcribed speech with CHAT's codes in it; what the
 * analyzers need is the plain words the speaker said, so strip() removes
 * the codes by the rules listed above it, token() and word(), each with
 * its manual section.
 * Dependent tiers are dropped whole. Media bullets (NAK, U+0015, around
 * START_END in milliseconds; CHAT "Scoped Symbols", time marks) give
 * the turn's times.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "import.h"
#include "textin.h"

/* More participants than any recording has: beyond it the header is not
 * a session's (and speaker lookups stay cheap). */
#define CHA_MAX_PARTICIPANTS	1000
/* The longest speaker code read: CHAT's validator takes seven characters;
 * a few more are tolerated. */
#define CHA_MAX_CODE		15

#define NAK	'\x15'

/* Where a piece of a logical line came from. */
struct seg {
	size_t	 off;		/* offset in the logical line */
	long	 line, col;	/* its position in the file */
};

/* A declared speaker code, for lookups by binary search. */
struct code {
	const char	*code;	/* the doc speaker's label */
	size_t		 spk;
};

struct cha {
	const struct import_src	*src;
	struct import_doc	*doc;
	struct diags		*d;
	strbuf			 tier;		/* the logical line */
	struct seg		*segs;
	size_t			 nsegs, segs_cap;
	struct code		*codes;		/* sorted by code */
	size_t			 ncodes, codes_cap;
	long			 participants;	/* line of @Participants */
	int			 begin, end, date;
	long			 after_end;	/* lines after @End */
	long			 after_end_line;
	size_t			 empty;		/* utterances with no words */
	long			 empty_line;
	strbuf			 text;		/* a stripped utterance */
};

/* --- logical lines --- */

static void
seg_add(struct cha *c, long line, long col)
{
	c->segs = xgrow(c->segs, &c->segs_cap, c->nsegs + 1,
	    sizeof(*c->segs));
	c->segs[c->nsegs].off = c->tier.len;
	c->segs[c->nsegs].line = line;
	c->segs[c->nsegs].col = col;
	c->nsegs++;
}

/* The file position of offset off of the logical line. */
static void
where(const struct cha *c, size_t off, long *line, long *col)
{
	size_t i = 0;

	while (i + 1 < c->nsegs && c->segs[i + 1].off <= off)
		i++;
	*line = c->segs[i].line;
	*col = c->segs[i].col + (long)(off - c->segs[i].off);
}

/* A copy of [s, s + n) fit for a message (printable()); free() it. */
static char *
show(const char *s, size_t n)
{
	char *t = xstrndup(s, n), *p = printable(t, 40);

	free(t);
	return p;
}

/* --- the speaker codes --- */

/* Add code (not declared yet) for doc speaker spk, in order. */
static void
code_add(struct cha *c, const char *code, size_t spk)
{
	size_t i = c->ncodes;

	c->codes = xgrow(c->codes, &c->codes_cap, c->ncodes + 1,
	    sizeof(*c->codes));
	while (i > 0 && strcmp(c->codes[i - 1].code, code) > 0) {
		c->codes[i] = c->codes[i - 1];
		i--;
	}
	c->codes[i].code = code;
	c->codes[i].spk = spk;
	c->ncodes++;
}

/* The doc speaker of code (n bytes), or -1 when it is not declared. */
static long
code_find(const struct cha *c, const char *code, size_t n)
{
	size_t lo = 0, hi = c->ncodes;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const char *k = c->codes[mid].code;
		int r = strncmp(k, code, n);

		if (r == 0 && k[n] != '\0')
			r = 1;
		if (r == 0)
			return (long)c->codes[mid].spk;
		if (r < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

/* Speaker codes: letters, digits, '_', '-' and '\'' (CHAT 7,
 * @Participants: three capitals by convention; TalkBank's validator takes
 * up to seven of these characters), which also keeps a code free of the
 * white space and ':' that delimit it. */
static int
code_char(unsigned char ch)
{
	return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') ||
	    (ch >= '0' && ch <= '9') || ch == '_' || ch == '-' || ch == '\'';
}

static int
code_valid(const char *s, size_t n)
{
	if (n == 0 || n > CHA_MAX_CODE)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!code_char((unsigned char)s[i]))
			return 0;
	return 1;
}

/* --- headers --- */

static int
is_ws(char ch)
{
	return ch == ' ' || ch == '\t';
}

/*
 * @Participants: CODE [Name] Role, CODE [Name] Role, ... (CHAT 7,
 * @Participants). The role is the last word and the name, when given,
 * the words between; CHAT writes a name of several words with '_'
 * (Mary_Smith), which is read as spaces so that redaction finds the name
 * as it appears in the text. An entry with a code alone lacks its role
 * (a warning: the speaker is declared, its role unknown).
 */
static int
participants(struct cha *c, size_t voff)
{
	const char *v = c->tier.s;
	size_t n = c->tier.len, i = voff;

	if (c->participants == 0) {
		long col;

		where(c, voff, &c->participants, &col);
	}
	while (i < n) {
		size_t e = i, w[64][2], nw = 0;
		long line, col;

		while (e < n && v[e] != ',')
			e++;
		/* The words of one entry. */
		for (size_t k = i; k < e;) {
			while (k < e && is_ws(v[k]))
				k++;
			if (k >= e)
				break;
			if (nw == sizeof(w) / sizeof(w[0])) {
				where(c, k, &line, &col);
				diags_error(c->d, line, col, "@Participants: an "
				    "entry of more than %zu words", nw);
				return -1;
			}
			w[nw][0] = k;
			while (k < e && !is_ws(v[k]))
				k++;
			w[nw++][1] = k;
		}
		if (nw > 0) {
			const char *code = v + w[0][0];
			size_t clen = w[0][1] - w[0][0], spk;
			struct import_speaker *sp;
			char *shown;

			where(c, w[0][0], &line, &col);
			if (!code_valid(code, clen)) {
				shown = show(code, clen);
				diags_error(c->d, line, col, "@Participants: "
				    "'%s' is not a speaker code (up to %d "
				    "letters, digits, '_', '-' or ''')", shown,
				    CHA_MAX_CODE);
				free(shown);
				return -1;
			}
			if (code_find(c, code, clen) >= 0) {
				diags_error(c->d, line, col, "@Participants: "
				    "speaker '%.*s' is declared twice",
				    (int)clen, code);
				return -1;
			}
			if (c->ncodes >= CHA_MAX_PARTICIPANTS) {
				diags_error(c->d, line, col, "@Participants: "
				    "more than %d participants",
				    CHA_MAX_PARTICIPANTS);
				return -1;
			}
			spk = import_doc_speaker(c->doc, code, clen, line, col);
			sp = &c->doc->speakers[spk];
			if (nw == 1)
				diags_warn(c->d, line, col, "@Participants: "
				    "'%.*s' has no role (CODE [Name] Role)",
				    (int)clen, code);
			else
				sp->role = import_role_word(v + w[nw - 1][0],
				    w[nw - 1][1] - w[nw - 1][0]);
			if (nw >= 3) {
				size_t a = w[1][0], z = w[nw - 2][1];
				char *name = arena_strndup(c->doc->arena, v + a,
				    z - a);

				char *o = name;

				/* One space between the words, whatever
				 * separated them. */
				for (char *p = name; *p != '\0'; p++) {
					char ch = *p == '_' || *p == '\t' ? ' ' :
					    *p;

					if (ch != ' ' || (o > name && o[-1] != ' '))
						*o++ = ch;
				}
				while (o > name && o[-1] == ' ')
					o--;
				*o = '\0';
				sp->name = name;
			}
			code_add(c, sp->label, spk);
		}
		i = e + 1;
	}
	return 0;
}

/*
 * @ID: lang|corpus|code|age|sex|group|SES|role|education|custom| (CHAT 7,
 * @ID). Its role field refines the
 * role of @Participants: when it names a role we know, it is the one
 * used (and a different one in @Participants is worth a warning).
 */
static void
id_header(struct cha *c, size_t voff)
{
	const char *v = c->tier.s + voff;
	size_t n = c->tier.len - voff, f[10][2], nf = 0, k = 0;
	long line, col, spk;
	int role;

	where(c, voff, &line, &col);
	while (nf < 10) {
		size_t e = k;

		while (e < n && v[e] != '|')
			e++;
		f[nf][0] = k;
		f[nf++][1] = e;
		if (e >= n)
			break;
		k = e + 1;
	}
	if (nf < 8) {
		diags_warn(c->d, line, col, "@ID with %zu fields, not "
		    "lang|corpus|code|age|sex|group|SES|role|education|"
		    "custom|: ignored", nf);
		return;
	}
	{
		const char *code = v + f[2][0];
		size_t clen = f[2][1] - f[2][0];

		textin_trim(&code, &clen);
		if ((spk = code_find(c, code, clen)) < 0) {
			char *shown = show(code, clen);

			diags_warn(c->d, line, col, "@ID for '%s', who is not "
			    "in @Participants: ignored", shown);
			free(shown);
			return;
		}
	}
	role = import_role_word(v + f[7][0], f[7][1] - f[7][0]);
	if (role >= 0) {
		struct import_speaker *sp = &c->doc->speakers[spk];

		if (sp->role >= 0 && sp->role != role) {
			char *shown = show(v + f[7][0], f[7][1] - f[7][0]);

			diags_warn(c->d, line, col, "@ID gives %s the role "
			    "'%s', which differs from @Participants: @ID's is "
			    "used", sp->label, shown);
			free(shown);
		}
		sp->role = role;
	}
}

/* @Date: DD-MON-YYYY (CHAT 7, @Date), e.g.
 * 14-MAR-2026, as the ISO date 2026-03-14. */
static void
date_header(struct cha *c, size_t voff)
{
	static const char months[] = "JANFEBMARAPRMAYJUNJULAUGSEPOCTNOVDEC";
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31,
		30, 31 };
	const char *v = c->tier.s + voff;
	size_t n = c->tier.len - voff, i = 0;
	int day = 0, mon = -1, year = 0, k;
	long line, col;
	char iso[40];

	where(c, voff, &line, &col);
	textin_trim(&v, &n);
	for (k = 0; i < n && k < 2 && v[i] >= '0' && v[i] <= '9'; k++)
		day = day * 10 + (v[i++] - '0');
	if (k > 0 && i + 4 < n && v[i] == '-' && v[i + 4] == '-') {
		for (int m = 0; m < 12; m++)
			if (strncasecmp(months + 3 * m, v + i + 1, 3) == 0)
				mon = m;
		i += 5;
	}
	for (k = 0; i < n && k < 4 && v[i] >= '0' && v[i] <= '9'; k++)
		year = year * 10 + (v[i++] - '0');
	if (mon < 0 || k != 4 || i != n || day < 1 || day > mdays[mon] ||
	    (mon == 1 && day == 29 && !(year % 4 == 0 && (year % 100 != 0 ||
	    year % 400 == 0)))) {
		char *shown = show(v, n);

		diags_warn(c->d, line, col, "@Date '%s' is not a date such as "
		    "14-MAR-2026: ignored", shown);
		free(shown);
		return;
	}
	if (c->date) {
		diags_warn(c->d, line, col, "a second @Date: the first is kept");
		return;
	}
	c->date = 1;
	snprintf(iso, sizeof(iso), "%04d-%02d-%02d", year, mon + 1, day);
	import_doc_meta(c->doc, IMPORT_DATE, iso, strlen(iso));
}

static int
header(struct cha *c)
{
	const char *s = c->tier.s;
	size_t n = c->tier.len, k = 1, v;

	while (k < n && s[k] != ':' && !is_ws(s[k]))
		k++;
	v = k;
	if (v < n && s[v] == ':')
		v++;
	while (v < n && is_ws(s[v]))
		v++;
#define IS(name) (k == sizeof(name) - 1 && strncasecmp(s, name, k) == 0)
	if (IS("@Begin"))
		c->begin = 1;
	else if (IS("@End"))
		c->end = 1;
	else if (IS("@Participants"))
		return participants(c, v);
	else if (IS("@ID"))
		id_header(c, v);
	else if (IS("@Date"))
		date_header(c, v);
#undef IS
	/* Others (@UTF8, @Languages, @Media, @Comment, gems, ...) say
	 * nothing the model holds. */
	return 0;
}

/* --- main tiers --- */

/* Media bullets: NAK START_END NAK, in milliseconds; CLAN's older form
 * NAK %snd:"file"_START_END NAK holds the same numbers at its end
 * (CHAT "Scoped Symbols", time marks). Each bullet is blanked out of
 * s; the turn spans them all, from the earliest start to the latest end
 * (in order, the first bullet's start and the last one's end). */
static int
bullets(struct cha *c, char *s, size_t n, size_t base, double *start,
    double *end)
{
	for (size_t i = 0; i < n; i++) {
		size_t j, u1, u2;
		double t[2] = { 0, 0 };
		long line, col;

		if (s[i] != NAK)
			continue;
		for (j = i + 1; j < n && s[j] != NAK; j++)
			;
		if (j >= n) {
			where(c, base + i, &line, &col);
			diags_error(c->d, line, col, "a media bullet (U+0015) "
			    "that is not closed");
			return -1;
		}
		for (u2 = j; u2 > i + 1 && s[u2 - 1] != '_'; u2--)
			;
		for (u1 = u2 > i + 1 ? u2 - 1 : i + 1; u1 > i + 1 &&
		    s[u1 - 1] != '_'; u1--)
			;
		/* [u1, u2 - 1) is START, [u2, j) is END. */
		for (int f = 0; f < 2; f++) {
			size_t a = f == 0 ? u1 : u2, z = f == 0 ? u2 - 1 : j;

			if (u2 <= i + 1 || a >= z || z - a > 12)
				a = z = 0;
			for (size_t k = a; k < z; k++)
				if (s[k] < '0' || s[k] > '9')
					a = z = 0;
			if (a == z) {
				where(c, base + i, &line, &col);
				diags_error(c->d, line, col, "a media bullet "
				    "that is not START_END in milliseconds");
				return -1;
			}
			for (size_t k = a; k < z; k++)
				t[f] = t[f] * 10 + (s[k] - '0');
		}
		if (t[1] < t[0]) {
			where(c, base + i, &line, &col);
			diags_error(c->d, line, col, "a media bullet that ends "
			    "(%.0f ms) before it starts (%.0f ms)", t[1], t[0]);
			return -1;
		}
		if (isnan(*start) || t[0] / 1000 < *start)
			*start = t[0] / 1000;
		if (isnan(*end) || t[1] / 1000 > *end)
			*end = t[1] / 1000;
		memset(s + i, ' ', j - i + 1);
		i = j;
	}
	return 0;
}

/* Is the UTF-8 character at s one of the prosodic or conversation
 * analysis marks that carry no words? Returns its length, or 0. */
static size_t
ca_mark(const unsigned char *s, size_t n)
{
	/*
	 * The marks of CHAT's Conversation Analysis chapter (pitch shifts,
	 * final contours, latching ≈ and continuation ≋, and the paired
	 * delimiters of soft, fast, slow, creaky, whispered, sung, smiling
	 * or breathy speech), stress ˈ ˌ and overlap points ⌈ ⌉ ⌊ ⌋ (CHAT 8
	 * "Words"), the tag „ and vocative ‡ markers ("Utterances"), and
	 * the phonological ‹ › and sign 〔 〕 group brackets. Ἡ and Ϋ are
	 * CA marks too (laughter in a word, a yawn), and so dropped: modern
	 * monotonic Greek writes neither.
	 */
	static const char *const marks[] = {
		"↑", "↓", "↻", "⁑", "≠", "∙", "∾", "⤆", "⤇", "Ἡ", "⁇", "§",
		"⁎", "°", "↫", "∆", "∇", "∬", "∮", "▁", "▔", "◉", "☺", "♋",
		"Ϋ", "→", "↗", "↘", "⇗", "⇘", "↖", "↙", "←", "≈", "≋", "⌈",
		"⌉", "⌊", "⌋", "‡", "„", "‹", "›", "〔", "〕", "ˈ", "ˌ",
	};

	if (n == 0 || s[0] < 0x80)
		return 0;
	for (size_t i = 0; i < sizeof(marks) / sizeof(marks[0]); i++) {
		size_t k = strlen(marks[i]);

		if (k <= n && memcmp(s, marks[i], k) == 0)
			return k;
	}
	return 0;
}

/* Append a word, or punctuation to the word before it. */
static void
put(strbuf *b, const char *s, size_t n, int punct)
{
	if (n == 0 || (punct && b->len == 0))
		return;
	if (!punct && b->len > 0)
		strbuf_addc(b, ' ');
	strbuf_add(b, s, n);
}

static int
all_of(const char *s, size_t n, const char *set)
{
	for (size_t i = 0; i < n; i++)
		if (strchr(set, s[i]) == NULL)
			return 0;
	return 1;
}

/*
 * A word of the main tier as plain text (CHAT 8 "Words"):
 *   word@s:spa, b@l    special form markers and language suffixes are
 *                      dropped (8.3 "Special Form Markers")
 *   (be)cause          shortenings keep the omitted part: "because"
 *                      (8.6.6 "Shortenings")
 *   ice_cream          compounds and linkages are two words: "ice cream"
 *   ice+cream          (8.6.2 "Compounds and Linkages")
 *   bana:nas, ba^na    lengthening ':' and the pause within a word '^'
 *                      are dropped ("Utterances", prosody within words),
 *                      as are the CA marks of ca_mark()
 *   ⌈2no⌉2             overlap points and their indices are dropped
 */
static void
word(strbuf *b, const char *s, size_t n)
{
	strbuf w = { 0 };
	const char *at = memchr(s, '@', n);
	int alnum = 0;

	if (at != NULL && at > s)
		n = (size_t)(at - s);
	for (size_t i = 0; i < n;) {
		unsigned char ch = (unsigned char)s[i];
		size_t k = ca_mark((const unsigned char *)s + i, n - i);

		if (k > 0) {
			/* An overlap point (U+2308 to U+230B) may carry an
			 * index: ⌈2. */
			int overlap = k == 3 && ch == 0xe2 &&
			    (unsigned char)s[i + 1] == 0x8c;

			i += k;
			while (overlap && i < n && s[i] >= '0' && s[i] <= '9')
				i++;
			continue;
		}
		i++;
		if (ch == '(' || ch == ')' || ch == ':' || ch == '^')
			continue;
		if (ch == '_' || ch == '+') {
			strbuf_addc(&w, ' ');
			continue;
		}
		alnum |= ch >= 0x80 || (ch >= '0' && ch <= '9') || (ch >= 'a' &&
		    ch <= 'z') || (ch >= 'A' && ch <= 'Z');
		strbuf_addc(&w, (char)ch);
	}
	if (alnum)
		put(b, w.s, w.len, 0);
	strbuf_free(&w);
}

/*
 * One token of the main tier (white space, '[' and the scope brackets
 * '<' '>' end tokens):
 *   (.) (..) (...) (1.5)   pauses: dropped ("Utterances", pauses)
 *   # ## #1_5              old-style pauses: dropped
 *   &-um                   a filler: "um" (8.5 "Incomplete and Omitted
 *                          Words", fillers)
 *   &+fr &~non &=laughs    fragments, nonwords, simple events, and the
 *   &*MOT:yes              interposed words of another speaker: dropped
 *                          (8.5; "Utterances", local events)
 *   0 0word                an action without speech, an omitted word:
 *                          dropped (8.5)
 *   xxx yyy www            unintelligible, phonological-only and untran-
 *                          scribed material: dropped (8.4 "Unidentifiable
 *                          Material")
 *   . ? !                  terminators, kept as punctuation of the word
 *                          before them ("Utterances", terminators)
 *   +... +/. +//.          trailing off and interruptions: "..."
 *   +..? +/? +!?           the questions among the special terminators:
 *                          "?"; +"/. and +. : "." ("Utterances",
 *                          special utterance terminators)
 *   +< ++ +^ +, +"         utterance linkers: dropped ("Utterances",
 *                          utterance linkers)
 *   , ;                    separators: kept
 *   anything else          a word (word())
 */
static void
token(strbuf *b, const char *s, size_t n)
{
	if (n >= 2 && s[0] == '(' && s[n - 1] == ')' &&
	    all_of(s + 1, n - 2, ".0123456789:"))
		return;
	if (s[0] == '#')
		return;
	if (s[0] == '&') {
		if (n > 2 && s[1] == '-')
			word(b, s + 2, n - 2);
		return;
	}
	if (s[0] == '+') {
		if (memchr(s, '?', n) != NULL)
			put(b, "?", 1, 1);
		else if (memchr(s, '!', n) != NULL)
			put(b, "!", 1, 1);
		else if ((n == 4 && memcmp(s, "+...", 4) == 0) || (n == 3 &&
		    memcmp(s, "+/.", 3) == 0) || (n == 4 &&
		    memcmp(s, "+//.", 4) == 0))
			put(b, "...", 3, 1);
		else if (n >= 2 && s[n - 1] == '.' &&
		    all_of(s, n, "+./\""))
			put(b, ".", 1, 1);
		else if (!all_of(s, n, "+<^,\"/.≈"))
			word(b, s, n);
		return;
	}
	if (n == 1 && strchr(".?!,;", s[0]) != NULL) {
		put(b, s, 1, 1);
		return;
	}
	if (s[0] == '0')
		return;
	if ((n == 3 || (n > 3 && s[3] == '@')) && (memcmp(s, "xxx", 3) == 0 ||
	    memcmp(s, "yyy", 3) == 0 || memcmp(s, "www", 3) == 0))
		return;
	word(b, s, n);
}

/*
 * The plain words of a main tier's content s (n bytes) into c->text.
 * Every scoped annotation in square brackets (CHAT "Scoped Symbols")
 * is dropped whole: retracings [/] [//] [///] [/?] [/-] (the retraced
 * words stay: they were said), replacements [: x] (what was said stays,
 * the intended form goes), explanations [= x], paralinguistics [=! x],
 * alternatives [=? x], comments [% x], error marks [*] [* m], postcodes
 * [+ x], stress [!] [!!], best guesses [?], overlaps [>] [<] [<1],
 * repetitions [x 3], exclusions [e], language precodes [- spa] and
 * freecodes [^ x]. The angle brackets that scope them, <...>, are
 * dropped and the words in them kept.
 */
static int
strip(struct cha *c, const char *s, size_t n, size_t base)
{
	size_t i = 0;

	strbuf_reset(&c->text);
	while (i < n) {
		size_t j;

		if (is_ws(s[i]) || s[i] == '<' || s[i] == '>' || s[i] == ']') {
			i++;
			continue;
		}
		if (s[i] == '[') {
			const char *e = memchr(s + i, ']', n - i);
			long line, col;

			if (e == NULL) {
				where(c, base + i, &line, &col);
				diags_error(c->d, line, col, "a '[' scope that "
				    "is not closed by ']'");
				return -1;
			}
			i = (size_t)(e - s) + 1;
			continue;
		}
		for (j = i; j < n && !is_ws(s[j]) && s[j] != '[' &&
		    (s[i] == '+' || (s[j] != '<' && s[j] != '>')); j++)
			;
		token(&c->text, s + i, j - i);
		i = j;
	}
	return 0;
}

static int
main_tier(struct cha *c)
{
	char *s = c->tier.s;
	size_t n = c->tier.len, k = 1, v;
	double start = NAN, end = NAN;
	long line, col, spk;

	where(c, 0, &line, &col);
	while (k < n && code_char((unsigned char)s[k]) && k <= CHA_MAX_CODE)
		k++;
	if (k == 1 || k >= n || s[k] != ':') {
		diags_error(c->d, line, col, "a main tier is *CODE: followed "
		    "by a tab and the utterance");
		return -1;
	}
	if ((spk = code_find(c, s + 1, k - 1)) < 0) {
		if (c->participants > 0)
			diags_error(c->d, line, col, "speaker '%.*s' is not "
			    "declared in @Participants (line %ld)",
			    (int)(k - 1), s + 1, c->participants);
		else
			diags_error(c->d, line, col, "speaker '%.*s' is not "
			    "declared: the file has no @Participants header",
			    (int)(k - 1), s + 1);
		return -1;
	}
	v = k + 1;
	if (bullets(c, s + v, n - v, v, &start, &end) != 0 ||
	    strip(c, s + v, n - v, v) != 0)
		return -1;
	/* Nothing but codes (&=laughs, xxx, 0, pauses): no words to
	 * analyse, and no turn. */
	if (c->text.len == 0 || import_doc_turn(c->doc, (size_t)spk, start,
	    end, c->text.s, c->text.len, line, col) < 0) {
		if (c->empty++ == 0)
			c->empty_line = line;
	}
	return 0;
}

/* --- the file --- */

/* Read the logical line in c->tier, then empty it. */
static int
flush(struct cha *c)
{
	int r = 0;

	if (c->tier.len > 0) {
		if (c->tier.s[0] == '@')
			r = header(c);
		else if (c->tier.s[0] == '*')
			r = main_tier(c);
		/* '%': dependent tiers (%mor, %gra, %com, ...) are dropped:
		 * they annotate the utterance, they are not speech. */
	}
	strbuf_reset(&c->tier);
	c->nsegs = 0;
	return r;
}

static int
cha_parse(const struct import_src *src, struct import_docs *out,
    struct diags *d)
{
	struct cha c = { 0 };
	struct textin_lines it;
	const char *s;
	size_t len, n;
	char *text;
	int rc = -1;

	if ((text = textin_decode(src->data, src->len, &len, d)) == NULL)
		return -1;
	c.src = src;
	c.d = d;
	c.doc = import_doc_create(out);
	textin_lines_init(&it, text, len);
	while (textin_next_line(&it, &s, &n)) {
		size_t lead = 0;

		if (c.end) {
			if (!textin_blank(s, n) && c.after_end++ == 0)
				c.after_end_line = it.line;
			continue;
		}
		if (textin_blank(s, n)) {
			if (flush(&c) != 0)
				goto fail;
			continue;
		}
		/* A continuation line (CHAT 5 "minCHAT": it starts with a
		 * tab; spaces, which some editors write instead, are taken
		 * too). */
		if (is_ws(s[0])) {
			if (c.tier.len == 0) {
				diags_error(d, it.line, 1, "a continuation line "
				    "(it starts with a tab) outside any tier");
				goto fail;
			}
			while (lead < n && is_ws(s[lead]))
				lead++;
			strbuf_addc(&c.tier, ' ');
			seg_add(&c, it.line, (long)lead + 1);
			strbuf_add(&c.tier, s + lead, n - lead);
			continue;
		}
		if (flush(&c) != 0)
			goto fail;
		if (c.end) {
			c.after_end++;
			c.after_end_line = it.line;
			continue;
		}
		if (s[0] != '@' && s[0] != '*' && s[0] != '%') {
			diags_error(d, it.line, 1, "not a line of CHAT: a line "
			    "starts with @ (a header), * (a speaker's main "
			    "tier), %% (a dependent tier) or a tab (a "
			    "continuation)");
			goto fail;
		}
		seg_add(&c, it.line, 1);
		strbuf_add(&c.tier, s, n);
	}
	if (flush(&c) != 0)
		goto fail;
	if (!c.begin)
		diags_warn(d, 1, 1, "no @Begin header");
	if (!c.end)
		diags_warn(d, it.line, 0, "no @End header: the file may be cut "
		    "short");
	if (c.after_end > 0)
		diags_warn(d, c.after_end_line, 1, "%ld line%s after @End "
		    "ignored", c.after_end, c.after_end == 1 ? "" : "s");
	if (c.empty > 0)
		diags_warn(d, c.empty_line, 1, "%zu utterance%s with no words "
		    "once the CHAT codes are stripped (only events, pauses, "
		    "xxx or 0) not imported", c.empty, c.empty == 1 ? "" : "s");
	if (c.doc->nturns == 0) {
		diags_error(d, 0, 0, "no utterances with words (*CODE: main "
		    "tiers)");
		goto fail;
	}
	rc = 0;
fail:
	strbuf_free(&c.tier);
	strbuf_free(&c.text);
	free(c.segs);
	free(c.codes);
	free(text);
	return rc;
}

/* Does [s, s + n) hold a line that starts with prefix? */
static int
has_line(const char *s, size_t n, const char *prefix)
{
	size_t k = strlen(prefix);

	for (size_t i = 0; i + k <= n; i++)
		if ((i == 0 || s[i - 1] == '\n' || s[i - 1] == '\r') &&
		    memcmp(s + i, prefix, k) == 0)
			return 1;
	return 0;
}

/* Does UTF-16 text (after its BOM, big-endian when be) start with the
 * ASCII word w? */
static int
utf16_starts(const char *s, size_t n, int be, const char *w)
{
	size_t k = strlen(w);

	if (n < 2 * k)
		return 0;
	for (size_t i = 0; i < k; i++)
		if (s[2 * i + be] != w[i] || s[2 * i + !be] != '\0')
			return 0;
	return 1;
}

/* 2 for @UTF8 or @Begin first (CHAT 7, @UTF8 and @Begin; in UTF-8
 * or, told by its BOM, UTF-16), 1 for an @Participants header beside a
 * main tier. */
static int
cha_sniff(const char *data, size_t len)
{
	const unsigned char *u = (const unsigned char *)data;
	const char *p = data, *end = data + len;

	if (len >= 2 && ((u[0] == 0xff && u[1] == 0xfe) || (u[0] == 0xfe &&
	    u[1] == 0xff))) {
		int be = u[0] == 0xfe;

		return utf16_starts(data + 2, len - 2, be, "@UTF8") ||
		    utf16_starts(data + 2, len - 2, be, "@Begin") ? 2 : 0;
	}
	if (len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	while (p < end && (*p == '\n' || *p == '\r' || is_ws(*p)))
		p++;
	if ((end - p >= 5 && memcmp(p, "@UTF8", 5) == 0) ||
	    (end - p >= 6 && memcmp(p, "@Begin", 6) == 0))
		return 2;
	if (has_line(data, len, "@Participants:") && has_line(data, len, "*"))
		return 1;
	return 0;
}

const struct import_format import_format_cha = {
	.name = "cha",
	.exts = "cha",
	.summary = "TalkBank CHAT (CHILDES, AphasiaBank): @Participants and "
	    "*CODE: main tiers, codes stripped to plain words",
	.merges = 0,
	.sniff = cha_sniff,
	.parse = cha_parse,
};
