/* doc.c -- building import docs (import.h), the parsers' common model. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "import.h"
#include "session.h"

static const char *const key_names[IMPORT_NKEYS] = { "id", "date",
	"modality", "number", "language", "clinician", "cohort", "discipline",
	"client", "age-group" };

const char *
import_key_name(enum import_key k)
{
	return key_names[k];
}

int
import_key_parse(const char *name)
{
	for (int k = 0; k < IMPORT_NKEYS; k++)
		if (strcmp(key_names[k], name) == 0)
			return k;
	return -1;
}

struct import_doc *
import_doc_create(struct import_docs *out)
{
	struct import_doc *doc = xcalloc(1, sizeof(*doc));

	doc->arena = arena_create();
	doc->line = 1;
	out->v = xgrow(out->v, &out->cap, out->n + 1, sizeof(*out->v));
	out->v[out->n++] = doc;
	return doc;
}

static void
doc_free(struct import_doc *doc)
{
	if (doc == NULL)
		return;
	free(doc->speakers);
	free(doc->turns);
	free(doc->events);
	free(doc->measures);
	diags_free(&doc->diags);
	arena_destroy(doc->arena);
	free(doc);
}

void
import_docs_free(struct import_docs *docs)
{
	for (size_t i = 0; i < docs->n; i++)
		doc_free(docs->v[i]);
	free(docs->v);
	memset(docs, 0, sizeof(*docs));
}

static int
is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	    c == '\v';
}

/* [*s, *s + *n) without white space at either end (ASCII, and U+00A0). */
static void
trim(const char **s, size_t *n)
{
	for (;;) {
		if (*n > 0 && is_space((unsigned char)**s))
			(*s)++, (*n)--;
		else if (*n >= 2 && (unsigned char)(*s)[0] == 0xc2 &&
		    (unsigned char)(*s)[1] == 0xa0)
			*s += 2, *n -= 2;
		else
			break;
	}
	for (;;) {
		if (*n > 0 && is_space((unsigned char)(*s)[*n - 1]))
			(*n)--;
		else if (*n >= 2 && (unsigned char)(*s)[*n - 2] == 0xc2 &&
		    (unsigned char)(*s)[*n - 1] == 0xa0)
			*n -= 2;
		else
			break;
	}
}

size_t
import_doc_speaker(struct import_doc *doc, const char *label, size_t n,
    long line, long col)
{
	struct import_speaker *sp;

	trim(&label, &n);
	for (size_t i = 0; i < doc->nspeakers; i++)
		if (strlen(doc->speakers[i].label) == n &&
		    memcmp(doc->speakers[i].label, label, n) == 0)
			return i;
	doc->speakers = xgrow(doc->speakers, &doc->speakers_cap,
	    doc->nspeakers + 1, sizeof(*doc->speakers));
	sp = &doc->speakers[doc->nspeakers];
	sp->label = arena_strndup(doc->arena, label, n);
	sp->name = NULL;
	sp->role = -1;
	sp->line = line;
	sp->col = col;
	return doc->nspeakers++;
}

/*
 * Copy text squashing white space (ASCII white space, NBSP, and the
 * Unicode line and paragraph separators) to single spaces, trimming, and
 * dropping what XML 1.0 forbids: C0 controls other than white space,
 * U+FFFE and U+FFFF. The text is valid UTF-8, so multi-byte sequences are
 * whole.
 */
static char *
squash(arena *a, const char *s, size_t n)
{
	char *out = arena_alloc(a, n + 1);
	size_t o = 0;
	int space = 0;

	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		int ws = is_space(c);

		if (!ws && c == 0xc2 && i + 1 < n &&
		    (unsigned char)s[i + 1] == 0xa0)
			ws = 2;
		else if (!ws && c == 0xe2 && i + 2 < n &&
		    (unsigned char)s[i + 1] == 0x80 &&
		    ((unsigned char)s[i + 2] == 0xa8 ||
		    (unsigned char)s[i + 2] == 0xa9))
			ws = 3;
		if (ws) {
			space = o > 0;
			i += (size_t)(ws > 1 ? ws - 1 : 0);
			continue;
		}
		if (c < 0x20 || c == 0x7f)
			continue;
		if (c == 0xef && i + 2 < n && (unsigned char)s[i + 1] == 0xbf &&
		    ((unsigned char)s[i + 2] == 0xbe ||
		    (unsigned char)s[i + 2] == 0xbf)) {
			i += 2;
			continue;
		}
		if (space)
			out[o++] = ' ';
		space = 0;
		out[o++] = (char)c;
	}
	out[o] = '\0';
	return out;
}

long
import_doc_turn(struct import_doc *doc, size_t spk, double start, double end,
    const char *text, size_t n, long line, long col)
{
	struct import_turn *t;
	char *s = squash(doc->arena, text, n);

	if (*s == '\0')
		return -1;
	doc->turns = xgrow(doc->turns, &doc->turns_cap, doc->nturns + 1,
	    sizeof(*doc->turns));
	t = &doc->turns[doc->nturns];
	t->speaker = spk;
	t->start = start;
	t->end = end;
	t->text = s;
	t->codes = NULL;
	t->line = line;
	t->col = col;
	return (long)doc->nturns++;
}

void
import_doc_meta(struct import_doc *doc, enum import_key k, const char *value,
    size_t n)
{
	trim(&value, &n);
	doc->meta[k] = n > 0 ? squash(doc->arena, value, n) : NULL;
}

void
import_doc_event(struct import_doc *doc, const char *type, double start,
    double end, long line)
{
	struct import_event *e;

	doc->events = xgrow(doc->events, &doc->events_cap, doc->nevents + 1,
	    sizeof(*doc->events));
	e = &doc->events[doc->nevents++];
	e->type = arena_strdup(doc->arena, type);
	e->start = start;
	e->end = end;
	e->line = line;
}

void
import_doc_measure(struct import_doc *doc, const char *name, double value)
{
	struct import_measure *m;

	doc->measures = xgrow(doc->measures, &doc->measures_cap,
	    doc->nmeasures + 1, sizeof(*doc->measures));
	m = &doc->measures[doc->nmeasures++];
	m->name = arena_strdup(doc->arena, name);
	m->value = value;
}

static void
dump_time(strbuf *b, double t)
{
	if (isnan(t))
		strbuf_addc(b, '-');
	else
		strbuf_addf(b, "%.3f", t);
}

void
import_doc_dump(const struct import_doc *doc, strbuf *b)
{
	strbuf_addf(b, "doc line %ld%s\n", doc->line, doc->bad ? " BAD" : "");
	for (int k = 0; k < IMPORT_NKEYS; k++)
		if (doc->meta[k] != NULL)
			strbuf_addf(b, "meta %s=%s\n", key_names[k],
			    doc->meta[k]);
	for (size_t i = 0; i < doc->nmeasures; i++)
		strbuf_addf(b, "measure %s=%g\n", doc->measures[i].name,
		    doc->measures[i].value);
	for (size_t i = 0; i < doc->nspeakers; i++) {
		const struct import_speaker *sp = &doc->speakers[i];

		strbuf_addf(b, "speaker %zu %ld:%ld label=%s name=%s role=%s\n",
		    i, sp->line, sp->col, sp->label, sp->name ? sp->name : "-",
		    sp->role >= 0 ? session_role_name(sp->role) : "-");
	}
	for (size_t i = 0; i < doc->nturns; i++) {
		const struct import_turn *t = &doc->turns[i];

		strbuf_addf(b, "%ld:%ld %zu [", t->line, t->col, t->speaker);
		dump_time(b, t->start);
		strbuf_addc(b, '-');
		dump_time(b, t->end);
		strbuf_addf(b, "]%s%s %s\n", t->codes ? " codes=" : "",
		    t->codes ? t->codes : "", t->text);
	}
	for (size_t i = 0; i < doc->nevents; i++) {
		const struct import_event *e = &doc->events[i];

		strbuf_addf(b, "event %ld %s [", e->line, e->type);
		dump_time(b, e->start);
		strbuf_addc(b, '-');
		dump_time(b, e->end);
		strbuf_adds(b, "]\n");
	}
	for (size_t i = 0; i < doc->diags.n; i++)
		strbuf_addf(b, "diag %ld:%ld %s%s\n", doc->diags.v[i].line,
		    doc->diags.v[i].col, doc->diags.v[i].severity ==
		    DIAG_WARNING ? "warning: " : "", doc->diags.v[i].msg);
}

/*
 * Role words of the formats, lower case. CHAT: the roles of the CHAT
 * manual (MacWhinney, "The CHILDES Project", part 1, section 7.5,
 * @Participants), which TalkBank's depfile lists; TEI and Transcriber
 * files use free words, of which the common clinical ones are here.
 */
static const struct {
	const char	*word;
	int		 role;
} role_words[] = {
	{ "therapist", SESSION_ROLE_THERAPIST },
	{ "clinician", SESSION_ROLE_THERAPIST },
	{ "counselor", SESSION_ROLE_THERAPIST },
	{ "counsellor", SESSION_ROLE_THERAPIST },
	{ "investigator", SESSION_ROLE_THERAPIST },
	{ "interviewer", SESSION_ROLE_THERAPIST },
	{ "psychologist", SESSION_ROLE_THERAPIST },
	{ "psychiatrist", SESSION_ROLE_THERAPIST },
	{ "doctor", SESSION_ROLE_THERAPIST },
	{ "nurse", SESSION_ROLE_THERAPIST },
	{ "teacher", SESSION_ROLE_THERAPIST },
	{ "clinical_worker", SESSION_ROLE_THERAPIST },
	{ "client", SESSION_ROLE_CLIENT },
	{ "patient", SESSION_ROLE_CLIENT },
	{ "target_child", SESSION_ROLE_CLIENT },
	{ "target_adult", SESSION_ROLE_CLIENT },
	{ "participant", SESSION_ROLE_CLIENT },
	{ "child", SESSION_ROLE_CLIENT },
	{ "subject", SESSION_ROLE_CLIENT },
	{ "interviewee", SESSION_ROLE_CLIENT },
	{ "mother", SESSION_ROLE_CAREGIVER },
	{ "father", SESSION_ROLE_CAREGIVER },
	{ "parent", SESSION_ROLE_CAREGIVER },
	{ "caregiver", SESSION_ROLE_CAREGIVER },
	{ "guardian", SESSION_ROLE_CAREGIVER },
	{ "grandmother", SESSION_ROLE_CAREGIVER },
	{ "grandfather", SESSION_ROLE_CAREGIVER },
	{ "grandparent", SESSION_ROLE_CAREGIVER },
	{ "nanny", SESSION_ROLE_CAREGIVER },
	{ "family", SESSION_ROLE_FAMILY },
	{ "sibling", SESSION_ROLE_FAMILY },
	{ "brother", SESSION_ROLE_FAMILY },
	{ "sister", SESSION_ROLE_FAMILY },
	{ "partner", SESSION_ROLE_FAMILY },
	{ "spouse", SESSION_ROLE_FAMILY },
	{ "husband", SESSION_ROLE_FAMILY },
	{ "wife", SESSION_ROLE_FAMILY },
	{ "relative", SESSION_ROLE_FAMILY },
	{ "aunt", SESSION_ROLE_FAMILY },
	{ "uncle", SESSION_ROLE_FAMILY },
	{ "cousin", SESSION_ROLE_FAMILY },
	{ "family_friend", SESSION_ROLE_OTHER },
	{ "interpreter", SESSION_ROLE_INTERPRETER },
	{ "translator", SESSION_ROLE_INTERPRETER },
	{ "other", SESSION_ROLE_OTHER },
	{ "observer", SESSION_ROLE_OTHER },
	{ "visitor", SESSION_ROLE_OTHER },
	{ "narrator", SESSION_ROLE_OTHER },
	{ "unidentified", SESSION_ROLE_OTHER },
	{ "environment", SESSION_ROLE_OTHER },
	{ "media", SESSION_ROLE_OTHER },
	{ "playmate", SESSION_ROLE_OTHER },
	{ "friend", SESSION_ROLE_OTHER },
	{ "student", SESSION_ROLE_OTHER },
	{ "caretaker", SESSION_ROLE_CAREGIVER },
};

int
import_role_word(const char *word, size_t n)
{
	trim(&word, &n);
	for (size_t i = 0; i < sizeof(role_words) / sizeof(role_words[0]);
	    i++)
		if (strlen(role_words[i].word) == n &&
		    strncasecmp(role_words[i].word, word, n) == 0)
			return role_words[i].role;
	return -1;
}
