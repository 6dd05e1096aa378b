/* sessionpage.c -- a page per session: the drill-down from a clinician's
 * page.
 *
 * Each page shows one session: its indicators against the clinician's
 * mean and the peers, its session measures, its events (disconnects,
 * freezes), a timeline of the tags over the session, and, only when the
 * results folder has transcripts.jsonl (`rapport run --session-pages`),
 * the redacted transcript with each tag highlighted. Without that file
 * the page shows numbers only. Pages are named by the clinician and the
 * session's position in their date order ("session-C03--4.html"), never
 * by the session id, which may hold the client's; no client id and no
 * speaker name is shown (speakers by role).
 *
 * utterances.jsonl and transcripts.jsonl are read once, in step with
 * sessions.jsonl (a run writes all three in input order), holding one
 * session's lines at a time.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "redact.h"
#include "report_internal.h"
#include "tags.h"

/* --- one session's lines of a JSONL file --- */

struct mark {
	int	 tag;			/* enum tag_id, or -1 */
	size_t	 start, end;		/* bytes of text */
};

struct utt {
	size_t		 index;
	char		*role, *speaker;
	double		 start;
	unsigned	 tags;		/* bit per tag family (families[]) */
	int		*tag;		/* every tag id */
	size_t		 ntag;
	char		*text;		/* transcripts.jsonl; NULL: none */
	struct mark	*marks;
	size_t		 nmarks;
	int		 has_text;	/* a transcripts.jsonl line was read */
};

/* A JSONL file read group by group: the lines of one session. */
struct lines {
	FILE	*f;
	char	*line;
	size_t	 cap;
	cJSON	*next;		/* the first line of the next group */
	char	*next_id;
};

static void
lines_advance(struct lines *l)
{
	cJSON_Delete(l->next);
	free(l->next_id);
	l->next = NULL;
	l->next_id = NULL;
	while (l->f != NULL && getline(&l->line, &l->cap, l->f) > 0) {
		cJSON *o = cJSON_Parse(l->line);

		if (!cJSON_IsObject(o)) {	/* damage: skip the line */
			cJSON_Delete(o);
			continue;
		}
		l->next = o;
		l->next_id = results_str(o, "session");
		if (l->next_id == NULL)
			l->next_id = xstrdup("");
		return;
	}
}

static int
lines_open(struct lines *l, const char *dir, const char *name)
{
	char *path = xasprintf("%s/%s", dir, name);

	memset(l, 0, sizeof(*l));
	l->f = fopen(path, "r");
	free(path);
	if (l->f != NULL)
		lines_advance(l);
	return l->f != NULL;
}

static void
lines_close(struct lines *l)
{
	if (l->f != NULL)
		fclose(l->f);
	cJSON_Delete(l->next);
	free(l->next_id);
	free(l->line);
	memset(l, 0, sizeof(*l));
}

/* The tag families the timeline and the highlights show, in priority
 * order (a span with several gets the first one's colour). */
/* cls names the highlight's CSS class (html.c: a light colour);
 * colour is the timeline's darker one of the same hue. */
static const struct {
	int		 tag;
	const char	*label, *cls, *colour;
} families[] = {
	{ TAG_RUPTURE, "Rupture", "rupture", "#D55E00" },
	{ TAG_DIRECTIVE, "Directive", "directive", "#E69F00" },
	{ TAG_REPAIR, "Repair", "repair", "#009E73" },
	{ TAG_JARGON, "Jargon", "jargon", "#CC79A7" },
	{ TAG_REFLECTION, "Reflection", "reflection", "#0072B2" },
	{ TAG_QUESTION, "Question", "question", "#777777" },
	{ TAG_VALIDATION, "Validation", "validation", "#2f9a66" },
	{ TAG_AFFIRMATION, "Affirmation", "affirmation", "#c9b200" },
	{ TAG_COLLABORATION, "Collaboration", "collaboration", "#56B4E9" },
	{ TAG_AUTONOMY, "Autonomy", "autonomy", "#6aa84f" },
	{ TAG_CHANGE_TALK, "Change talk", "change", "#4f9a3a" },
	{ TAG_SUSTAIN_TALK, "Sustain talk", "sustain", "#b5653e" },
	{ TAG_TECH_DISRUPTION, "Tech disruption", "tech", "#999999" },
	{ TAG_ENCOURAGER, "Encourager", "encourager", "#bbbbbb" },
};
#define NFAM	(sizeof(families) / sizeof(families[0]))

static int
family_of(int tag)
{
	int f = tag >= 0 ? tags_family(tag) : -1;

	for (size_t k = 0; k < NFAM; k++)
		if (families[k].tag == f)
			return (int)k;
	return -1;
}

static int
tag_of(const cJSON *o, const char *key)
{
	const char *name = cJSON_GetStringValue(results_get(o, key));

	return name != NULL ? tags_lookup(name, strlen(name)) : -1;
}

struct session_lines {
	struct utt	*u;
	size_t		 n, cap;
	int		 have_utts, have_text;
};

static void
session_lines_free(struct session_lines *sl)
{
	for (size_t i = 0; i < sl->n; i++) {
		free(sl->u[i].role);
		free(sl->u[i].speaker);
		free(sl->u[i].tag);
		free(sl->u[i].text);
		free(sl->u[i].marks);
	}
	free(sl->u);
	memset(sl, 0, sizeof(*sl));
}

static struct utt *
utt_at(struct session_lines *sl, size_t index)
{
	for (size_t i = 0; i < sl->n; i++)	/* in order: usually the last */
		if (sl->u[sl->n - 1 - i].index == index)
			return &sl->u[sl->n - 1 - i];
	return NULL;
}

static void
take_utterance(struct session_lines *sl, const cJSON *o)
{
	struct utt *u;
	const cJSON *t;

	sl->u = xgrow(sl->u, &sl->cap, sl->n + 1, sizeof(*sl->u));
	u = &sl->u[sl->n++];
	memset(u, 0, sizeof(*u));
	u->index = (size_t)(isfinite(results_count(o, "index")) ?
	    results_count(o, "index") : (double)(sl->n - 1));
	u->role = results_str(o, "role");
	u->speaker = results_str(o, "speaker");
	u->start = results_range(o, "start", 0, RESULTS_COUNT_MAX);
	cJSON_ArrayForEach(t, results_arr(o, "tags")) {
		int id = tag_of(t, "tag"), f = family_of(id);

		if (id < 0)
			continue;
		if (f >= 0)
			u->tags |= 1u << f;
		u->tag = xrealloc(u->tag, (u->ntag + 1) * sizeof(*u->tag));
		u->tag[u->ntag++] = id;
	}
}

static void
take_text(struct session_lines *sl, const cJSON *o)
{
	double idx = results_count(o, "index");
	struct utt *u = isfinite(idx) ? utt_at(sl, (size_t)idx) : NULL;
	const cJSON *m;
	size_t len;

	if (u == NULL) {	/* no utterances.jsonl line: text alone */
		take_utterance(sl, o);
		u = &sl->u[sl->n - 1];
	}
	u->has_text = 1;
	free(u->text);
	/* Redacted at run time with the session's names; again here, as a
	 * second line of defence, with the patterns, as the quotes are. */
	{
		char *raw = results_str(o, "text");

		u->text = raw != NULL ? redact_text(raw, NULL, 0) : NULL;
		/* The marks are offsets into the text as written; a second
		 * redaction that changes it moves them: keep none then. */
		len = u->text != NULL ? strlen(u->text) : 0;
		if (raw != NULL && strcmp(raw, u->text) != 0)
			len = 0;
		free(raw);
	}
	cJSON_ArrayForEach(m, results_arr(o, "marks")) {
		double a = results_count(m, "start"), z = results_count(m,
		    "end");
		struct mark mk = { tag_of(m, "tag"), 0, 0 };

		if (mk.tag < 0 || !(a <= z) || !(z <= (double)len))
			continue;
		mk.start = (size_t)a;
		mk.end = (size_t)z;
		/* On character boundaries of the UTF-8 text only. */
		if (((unsigned char)u->text[mk.start] & 0xC0) == 0x80 ||
		    (mk.end < len && ((unsigned char)u->text[mk.end] & 0xC0) ==
		    0x80))
			continue;
		u->marks = xrealloc(u->marks, (u->nmarks + 1) *
		    sizeof(*u->marks));
		u->marks[u->nmarks++] = mk;
	}
}

/* Read the lines of session id from l (utterances or, text, transcripts)
 * into sl, if its next group is that session's. */
static void
read_group(struct lines *l, const char *id, struct session_lines *sl,
    int text)
{
	while (l->next != NULL && strcmp(l->next_id, id) == 0) {
		if (text)
			take_text(sl, l->next);
		else
			take_utterance(sl, l->next);
		lines_advance(l);
	}
}

/* Skip groups of sessions that are not in sessions.jsonl at or after
 * position k (known[] sorted ids -> position), so that one orphan group
 * cannot hold back every page after it. */
struct known {
	const char	*id;
	size_t		 pos;
};

static int
cmp_known(const void *a, const void *b)
{
	return strcmp(((const struct known *)a)->id,
	    ((const struct known *)b)->id);
}

static void
skip_orphans(struct lines *l, const struct known *kn, size_t nk, size_t k)
{
	while (l->next != NULL) {
		struct known key = { l->next_id, 0 }, *hit;

		hit = bsearch(&key, kn, nk, sizeof(*kn), cmp_known);
		if (hit != NULL && hit->pos >= k)
			return;
		lines_advance(l);
	}
}

/* --- the page --- */

static const char *
role_word(const char *role)
{
	static const char *const words[][2] = {
		{ "therapist", "Therapist" }, { "client", "Client" },
		{ "caregiver", "Caregiver" }, { "family", "Family" },
		{ "interpreter", "Interpreter" }, { "other", "Other" },
	};

	for (size_t i = 0; role != NULL && i < 6; i++)
		if (strcmp(role, words[i][0]) == 0)
			return words[i][1];
	return "Speaker";
}

static void
clock(strbuf *b, double t)
{
	if (!isfinite(t))
		strbuf_adds(b, "&#8211;");
	else if (t >= 3600)
		strbuf_addf(b, "%d:%02d:%02d", (int)(t / 3600),
		    (int)fmod(t / 60, 60), (int)fmod(t, 60));
	else
		strbuf_addf(b, "%d:%02d", (int)(t / 60), (int)fmod(t, 60));
}

struct page {
	struct report		*rp;
	const struct rsess	*s;
	const size_t		*sib;	/* the clinician's sessions by ord */
	size_t			 nsib;
	const struct stats_desc	*cd;	/* the clinician's means */
	const struct rgroup	*peer;
	const char		*peer_name;
	struct session_lines	*sl;
	int			 text_file;	/* transcripts.jsonl exists */
	strbuf			 b;
};

static void
header(struct page *p)
{
	const struct rsess *s = p->s;
	char *back = report_page_name("clinician", s->clinician);

	strbuf_adds(&p->b, "<h1>Clinician ");
	html_text(&p->b, s->clinician);
	html_textf(&p->b, " \xC2\xB7 session %zu of %zu", s->ord, s->of);
	strbuf_adds(&p->b, "</h1>\n");
	strbuf_adds(&p->b, "<p class=\"meta\">");
	html_text(&p->b, s->date != NULL ? s->date : "no date");
	if (s->modality != NULL)
		html_textf(&p->b, " \xC2\xB7 %s", s->modality);
	if (isfinite(s->number))
		html_textf(&p->b, " \xC2\xB7 session %.0f of the client's "
		    "episode", s->number);
	strbuf_adds(&p->b, "</p>\n<nav class=\"pager\"><a rel=\"up\" href=\"");
	html_text(&p->b, back);
	strbuf_adds(&p->b, "\">&#8593; all sessions of ");
	html_text(&p->b, s->clinician);
	strbuf_adds(&p->b, "</a>");
	/* sib[i] is the session of ord i + 1. */
	for (int d = -1; d <= 1; d += 2) {
		const struct rsess *o;
		char *name;

		if ((d < 0 && s->ord < 2) || (d > 0 && s->ord >= p->nsib))
			continue;
		o = &p->rp->r.s[p->sib[d < 0 ? s->ord - 2 : s->ord]];
		name = report_session_page(o);
		strbuf_addf(&p->b, " \xC2\xB7 <a rel=\"%s\" href=\"",
		    d < 0 ? "prev" : "next");
		html_text(&p->b, name);
		strbuf_addf(&p->b, "\">%ssession %zu%s</a>", d < 0 ?
		    "&#8592; " : "", o->ord, d > 0 ? " &#8594;" : "");
		free(name);
	}
	strbuf_adds(&p->b, " \xC2\xB7 <a href=\"index.html\">all results</a>"
	    "</nav>\n");
	free(back);
}

static void
indicators(struct page *p)
{
	struct report *rp = p->rp;

	strbuf_adds(&p->b, "<h2 id=\"indicators\">Indicators</h2>\n<p class="
	    "\"meta\">This "
	    "session's value against the clinician's mean over all their "
	    "sessions and the median of the ");
	html_text(&p->b, p->peer_name);
	strbuf_adds(&p->b, " sessions. MITI 4.2.1 scores a session, so the "
	    "band is of this session's value (experimental indicators get "
	    "none).</p>\n<table class=\"indicators session\"><thead><tr><th "
	    "scope=\"col\">Indicator</th><th scope=\"col\">This session</th>"
	    "<th scope=\"col\">Clinician's mean</th><th scope=\"col\">Peers' "
	    "median</th><th scope=\"col\">MITI band</th></tr></thead>\n");
	for (int g = 0; g < IND_NGROUPS; g++) {
		strbuf_adds(&p->b, "<tbody><tr class=\"group\"><th colspan=\"5\" "
		    "scope=\"rowgroup\">");
		html_text(&p->b, indicators_group_name(g));
		strbuf_adds(&p->b, "</th></tr>\n");
		for (size_t i = 0; i < IND_COUNT; i++) {
			const struct indicator *in = &rp->in[i];
			int dp = in->type == INDICATOR_COUNT ? 0 : in->decimals;

			if ((int)in->group != g)
				continue;
			strbuf_adds(&p->b, "<tr data-indicator=\"");
			html_text(&p->b, in->name);
			strbuf_adds(&p->b, "\"><th scope=\"row\">");
			html_text(&p->b, in->label);
			strbuf_adds(&p->b, "</th><td class=\"n\">");
			html_num(&p->b, p->s->v[i], dp);
			strbuf_adds(&p->b, "</td><td class=\"n\">");
			html_num(&p->b, p->cd[i].mean, in->decimals);
			strbuf_adds(&p->b, "</td><td class=\"n\">");
			html_num(&p->b, p->peer->median[i], in->decimals);
			strbuf_adds(&p->b, "</td><td>");
			if (indicators_has_thresholds(in))
				report_mark(&p->b, judge_band(in, p->s->v[i],
				    report_experimental(rp, in)));
			else
				strbuf_adds(&p->b, "&#8211;");
			strbuf_adds(&p->b, "</td></tr>\n");
		}
		strbuf_adds(&p->b, "</tbody>\n");
	}
	strbuf_adds(&p->b, "</table>\n");
	if (p->s->nm > 0) {
		strbuf_adds(&p->b, "<h2>Session measures</h2>\n<table><thead><tr>"
		    "<th scope=\"col\">Measure</th><th scope=\"col\">Value</th>"
		    "</tr></thead><tbody>\n");
		for (size_t m = 0; m < p->s->nm; m++) {
			strbuf_adds(&p->b, "<tr><th scope=\"row\">");
			html_text(&p->b, p->s->m[m].name);
			strbuf_adds(&p->b, "</th><td class=\"n\">");
			html_num(&p->b, p->s->m[m].value, 1);
			strbuf_adds(&p->b, "</td></tr>\n");
		}
		strbuf_adds(&p->b, "</tbody></table>\n");
	}
}

static void
events(struct page *p)
{
	const struct rsess *s = p->s;

	strbuf_adds(&p->b, "<h2 id=\"events\">Events</h2>\n");
	if (s->nev == 0) {
		strbuf_adds(&p->b, "<p>No disconnects, freezes, audio losses or "
		    "other events recorded.</p>\n");
		return;
	}
	strbuf_adds(&p->b, "<table class=\"events\"><thead><tr><th scope="
	    "\"col\">Event</th><th scope=\"col\">Start</th><th scope=\"col\">"
	    "End</th><th scope=\"col\">Seconds</th></tr></thead><tbody>\n");
	for (size_t e = 0; e < s->nev; e++) {
		strbuf_adds(&p->b, "<tr><th scope=\"row\">");
		html_text(&p->b, s->ev[e].type);
		strbuf_adds(&p->b, "</th><td class=\"n\">");
		clock(&p->b, s->ev[e].start);
		strbuf_adds(&p->b, "</td><td class=\"n\">");
		clock(&p->b, s->ev[e].end);
		strbuf_adds(&p->b, "</td><td class=\"n\">");
		html_num(&p->b, s->ev[e].end >= s->ev[e].start ? s->ev[e].end -
		    s->ev[e].start : NAN, 1);
		strbuf_adds(&p->b, "</td></tr>\n");
	}
	strbuf_adds(&p->b, "</tbody></table>\n");
}

/* The position (in utterances) of time t: the first utterance starting
 * at or after it, or NaN when the utterances have no times. */
static double
position(const struct session_lines *sl, double t)
{
	int timed = 0;

	if (!isfinite(t))
		return NAN;
	for (size_t i = 0; i < sl->n; i++) {
		if (!isfinite(sl->u[i].start))
			continue;
		timed = 1;
		if (sl->u[i].start >= t)
			return (double)i;
	}
	return timed ? (double)sl->n : NAN;
}

static void
timeline(struct page *p)
{
	const struct session_lines *sl = p->sl;
	const char *labels[NFAM], *colours[NFAM];
	unsigned char *mark;
	double *from, *to;
	char *title, *desc;

	strbuf_adds(&p->b, "<h2 id=\"timeline\">Timeline</h2>\n");
	if (!sl->have_utts || sl->n == 0) {
		strbuf_adds(&p->b, "<p>Not available: utterances.jsonl holds no "
		    "utterances of this session.</p>\n");
		return;
	}
	mark = xcalloc(NFAM * sl->n, 1);
	from = xcalloc(p->s->nev + 1, sizeof(*from));
	to = xcalloc(p->s->nev + 1, sizeof(*to));
	for (size_t k = 0; k < NFAM; k++) {
		labels[k] = families[k].label;
		colours[k] = families[k].colour;
		for (size_t i = 0; i < sl->n; i++)
			mark[k * sl->n + i] = (sl->u[i].tags >> k) & 1;
	}
	for (size_t e = 0; e < p->s->nev; e++) {
		from[e] = position(sl, p->s->ev[e].start);
		to[e] = position(sl, p->s->ev[e].end);
		if (isfinite(from[e]) && !isfinite(to[e]))
			to[e] = from[e];
	}
	title = xasprintf("Tags over session %zu of %s", p->s->ord,
	    p->s->clinician);
	desc = xasprintf("%zu utterances from left to right; a mark where an "
	    "utterance carries the row's tag; grey bands are events.", sl->n);
	strbuf_adds(&p->b, "<figure class=\"wide\">");
	svg_timeline(&p->b, title, desc, labels, colours, NFAM, mark, sl->n,
	    from, to, p->s->nev);
	strbuf_adds(&p->b, "</figure>\n");
	free(title);
	free(desc);
	free(mark);
	free(from);
	free(to);
}

/* The text of u with its marks: the text cut where any mark starts or
 * ends, each piece inside the marks that cover it in the colour of the
 * first family (families[] order) among them. */
static void
marked_text(strbuf *b, const struct utt *u)
{
	size_t len = strlen(u->text), *cut, nc = 0;

	cut = xcalloc(2 * u->nmarks + 2, sizeof(*cut));
	cut[nc++] = 0;
	for (size_t m = 0; m < u->nmarks; m++) {
		cut[nc++] = u->marks[m].start;
		cut[nc++] = u->marks[m].end;
	}
	/* Insertion sort: a few marks per utterance. */
	for (size_t i = 1; i < nc; i++)
		for (size_t j = i; j > 0 && cut[j - 1] > cut[j]; j--) {
			size_t t = cut[j];

			cut[j] = cut[j - 1];
			cut[j - 1] = t;
		}
	for (size_t i = 0; i < nc; i++) {
		size_t a = cut[i], z = i + 1 < nc ? cut[i + 1] : len;
		int best = -1;
		strbuf names = { 0 };
		char *piece;

		if (z <= a)
			continue;
		for (size_t m = 0; m < u->nmarks; m++) {
			int f;

			if (u->marks[m].start > a || u->marks[m].end < z)
				continue;
			f = family_of(u->marks[m].tag);
			if (f >= 0 && (best < 0 || f < best))
				best = f;
			strbuf_adds(&names, names.len ? ", " : "");
			strbuf_adds(&names, tags_name(u->marks[m].tag));
		}
		piece = xstrndup(u->text + a, z - a);
		if (best >= 0) {
			strbuf_addf(b, "<mark class=\"tg-%s\" title=\"",
			    families[best].cls);
			html_text(b, names.s);
			strbuf_adds(b, "\">");
			html_text(b, piece);
			strbuf_adds(b, "</mark>");
		} else
			html_text(b, piece);
		free(piece);
		strbuf_free(&names);
	}
	free(cut);
}

static void
transcript(struct page *p)
{
	const struct session_lines *sl = p->sl;
	const struct rsess *s = p->s;
	size_t ev = 0;
	/* Speakers by role, numbered when a role has several. */
	char **seen = xcalloc(sl->n + 1, sizeof(*seen));
	size_t nseen = 0;

	strbuf_adds(&p->b, "<h2 id=\"transcript\">Transcript</h2>\n");
	if (!p->text_file) {
		strbuf_adds(&p->b, "<p class=\"notice\">Numbers only: the text "
		    "of whole sessions is included only when the run is asked "
		    "for it (<code>rapport run --session-pages</code>, which "
		    "writes the redacted text to transcripts.jsonl), and these "
		    "results were written without it.</p>\n");
		free(seen);
		return;
	}
	if (!sl->have_text) {
		strbuf_adds(&p->b, "<p class=\"notice\">Not available: "
		    "transcripts.jsonl holds no text of this session.</p>\n");
		free(seen);
		return;
	}
	strbuf_adds(&p->b, "<p class=\"meta\">Redacted: names, contact "
	    "details, addresses, dates, ages over 89 and ID numbers are "
	    "replaced by [name], [phone], ...; speakers are shown by role. "
	    "Highlights:");
	for (size_t k = 0; k < NFAM; k++) {
		strbuf_addf(&p->b, " <mark class=\"tg-%s\">", families[k].cls);
		html_text(&p->b, families[k].label);
		strbuf_adds(&p->b, "</mark>");
	}
	strbuf_adds(&p->b, ". The tags of each utterance are also listed "
	    "after it in words.</p>\n<div class=\"transcript\">\n");
	for (size_t i = 0; i < sl->n; i++) {
		const struct utt *u = &sl->u[i];
		const char *who = role_word(u->role);
		size_t same = 0, nth = 0;
		int t = u->role != NULL && strcmp(u->role, "therapist") == 0;

		/* Events that start before this utterance. */
		while (ev < s->nev && isfinite(s->ev[ev].start) &&
		    isfinite(u->start) && s->ev[ev].start <= u->start) {
			strbuf_adds(&p->b, "<p class=\"event\">");
			html_text(&p->b, s->ev[ev].type);
			strbuf_adds(&p->b, " at ");
			clock(&p->b, s->ev[ev].start);
			if (s->ev[ev].end >= s->ev[ev].start)
				html_textf(&p->b, ", %.1f s", s->ev[ev].end -
				    s->ev[ev].start);
			strbuf_adds(&p->b, "</p>\n");
			ev++;
		}
		if (u->speaker != NULL) {
			size_t k;

			for (k = 0; k < nseen; k++)
				if (strcmp(seen[k], u->speaker) == 0)
					break;
			if (k == nseen)
				seen[nseen++] = u->speaker;
			for (size_t j = 0; j < nseen; j++) {
				const struct utt *f = NULL;

				for (size_t q = 0; q < sl->n && f == NULL; q++)
					if (sl->u[q].speaker != NULL &&
					    strcmp(sl->u[q].speaker, seen[j]) == 0)
						f = &sl->u[q];
				if (f != NULL && strcmp(role_word(f->role), who) ==
				    0) {
					same++;
					if (j == k)
						nth = same;
				}
			}
		}
		strbuf_addf(&p->b, "<div class=\"utt %s\" id=\"u%zu\"><span "
		    "class=\"who\">", t ? "t" : "c", u->index + 1);
		html_text(&p->b, who);
		if (nth > 1 || (same > 1 && nth > 0))
			strbuf_addf(&p->b, " %zu", nth);
		strbuf_adds(&p->b, "</span><span class=\"time\">");
		clock(&p->b, u->start);
		strbuf_adds(&p->b, "</span><p>");
		if (u->text != NULL)
			marked_text(&p->b, u);
		else
			strbuf_adds(&p->b, "<span class=\"meta\">[not shown: "
			    "longer than 64 KiB]</span>");
		strbuf_adds(&p->b, "</p>");
		if (u->ntag > 0) {
			strbuf_adds(&p->b, "<span class=\"tags\">");
			for (size_t k = 0; k < u->ntag; k++) {
				strbuf_adds(&p->b, k ? ", " : "");
				html_text(&p->b, tags_name(u->tag[k]));
			}
			strbuf_adds(&p->b, "</span>");
		}
		strbuf_adds(&p->b, "</div>\n");
	}
	for (; ev < s->nev; ev++) {
		strbuf_adds(&p->b, "<p class=\"event\">");
		html_text(&p->b, s->ev[ev].type);
		if (isfinite(s->ev[ev].start)) {
			strbuf_adds(&p->b, " at ");
			clock(&p->b, s->ev[ev].start);
		}
		strbuf_adds(&p->b, "</p>\n");
	}
	strbuf_adds(&p->b, "</div>\n");
	free(seen);
}

/* The numbers a supervisor looks at first, in one line. */
static void
glance(struct page *p)
{
	static const int key[] = { IND_RQ, IND_PCT_CR, IND_PCT_OQ,
		IND_DIRECTIVE, IND_RUPTURE, IND_RUPT_REPAIRED, IND_REPAIR,
		IND_DISRUPT_EVENTS };
	struct report *rp = p->rp;

	strbuf_adds(&p->b, "<p class=\"glance\" id=\"glance\">");
	for (size_t k = 0; k < sizeof(key) / sizeof(key[0]); k++) {
		const struct indicator *in = &rp->in[key[k]];

		strbuf_adds(&p->b, k ? " \xC2\xB7 " : "");
		html_text(&p->b, indicators_abbr(in));
		strbuf_addc(&p->b, ' ');
		strbuf_adds(&p->b, "<strong>");
		html_num(&p->b, p->s->v[key[k]], in->type == INDICATOR_COUNT ?
		    0 : in->decimals);
		strbuf_adds(&p->b, "</strong>");
		if (indicators_has_thresholds(in)) {
			strbuf_addc(&p->b, ' ');
			report_mark(&p->b, judge_band(in, p->s->v[key[k]],
			    report_experimental(rp, in)));
		}
	}
	for (size_t m = 0; m < p->s->nm; m++) {
		strbuf_adds(&p->b, " \xC2\xB7 ");
		html_text(&p->b, p->s->m[m].name);
		strbuf_adds(&p->b, " <strong>");
		html_num(&p->b, p->s->m[m].value, 1);
		strbuf_adds(&p->b, "</strong>");
	}
	strbuf_adds(&p->b, "</p>\n");
}

static int
one_page(struct page *p, char **why)
{
	char *title = xasprintf("Clinician %s, session %zu of %zu",
	    p->s->clinician, p->s->ord, p->s->of), *name;
	int rc;

	memset(&p->b, 0, sizeof(p->b));
	html_begin(&p->b, title);
	header(p);
	glance(p);
	events(p);
	timeline(p);
	transcript(p);
	indicators(p);
	name = report_session_page(p->s);
	rc = report_finish(p->rp, name, &p->b, why);
	free(name);
	free(title);
	return rc;
}

int
report_session_pages(struct report *rp, char **why)
{
	struct results *r = &rp->r;
	struct lines ul, tl;
	struct known *kn = xcalloc(r->ns + 1, sizeof(*kn));
	/* Each clinician's means, computed when their first page is. */
	struct stats_desc **cd = xcalloc(r->ncl + 1, sizeof(*cd));
	int text_file;
	int rc = 0;

	for (size_t k = 0; k < r->ns; k++)
		kn[k] = (struct known){ r->s[k].id ? r->s[k].id : "", k };
	qsort(kn, r->ns, sizeof(*kn), cmp_known);
	lines_open(&ul, r->dir, "utterances.jsonl");
	text_file = lines_open(&tl, r->dir, "transcripts.jsonl");
	for (size_t k = 0; k < r->ns && rc == 0; k++) {
		const struct rsess *s = &r->s[k];
		struct session_lines sl = { 0 };
		struct page p = { .rp = rp, .s = s, .sl = &sl,
			.text_file = text_file };
		size_t c = s->cl;

		if (s->id == NULL || s->clinician == NULL || s->ord == 0)
			continue;
		skip_orphans(&ul, kn, r->ns, k);
		skip_orphans(&tl, kn, r->ns, k);
		sl.have_utts = ul.next != NULL && strcmp(ul.next_id, s->id) == 0;
		read_group(&ul, s->id, &sl, 0);
		sl.have_text = tl.next != NULL && strcmp(tl.next_id, s->id) == 0;
		read_group(&tl, s->id, &sl, 1);
		p.sib = r->order + r->first[c];
		p.nsib = r->first[c + 1] - r->first[c];
		if (cd[c] == NULL) {
			cd[c] = xcalloc(IND_COUNT, sizeof(**cd));
			for (size_t i = 0; i < IND_COUNT; i++)
				report_describe(rp, p.sib, p.nsib, i, &cd[c][i]);
		}
		p.cd = cd[c];
		p.peer = report_peer(rp, s->cohort, &p.peer_name);
		rc = one_page(&p, why);
		session_lines_free(&sl);
	}
	for (size_t c = 0; c < r->ncl; c++)
		free(cd[c]);
	free(cd);
	free(kn);
	lines_close(&ul);
	lines_close(&tl);
	return rc;
}
