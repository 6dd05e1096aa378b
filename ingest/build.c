/* build.c -- an imported doc into a session of the model (import_build).
 *
 * Everything an importer does not know is decided here, the same way for
 * every format: which session and clinician the file belongs to, each
 * speaker's role, the pseudonymous speaker ids the outputs carry, and
 * which consecutive cues are one utterance. Speaker labels from files are
 * often real full names: they never become ids, and are kept only as the
 * names redaction removes from quoted text.
 */
#include "config.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "import.h"
#include "metadata.h"
#include "roles.h"
#include "sheet.h"
#include "tags.h"
#include "util.h"

/* Prefixes of the pseudonymous ids, by enum session_role. */
static const char role_prefix[SESSION_NROLES] = { 'T', 'C', 'G', 'F', 'I',
	'O' };

/* The file name of path without directories and extension. */
static char *
stem(const char *path)
{
	const char *b = strrchr(path, '/'), *dot;

	b = b != NULL ? b + 1 : path;
	dot = strrchr(b, '.');
	return dot != NULL && dot != b ? xstrndup(b, (size_t)(dot - b)) :
	    xstrdup(b);
}

/*
 * Is a speaker label a person's name, worth redacting? Not when it is a
 * role word ("Therapist", "Client") or a generic diarisation label
 * ("Speaker 1", "SPEAKER_00", "spk2", "Unknown", "Participant 3"). A
 * short code ("CHI", "MOT") is kept as a name: it may be one ("SAM"),
 * and redacting a code from quoted text costs nothing.
 */
static int
label_is_name(const char *label)
{
	static const char *const generic[] = { "speaker", "spk", "participant",
		"person", "unknown", "voice", "talker", "guest", "host",
		"user", "caller", "s", "p" };
	size_t n = strlen(label), k = 0;

	if (n == 0 || import_role_word(label, n) >= 0)
		return 0;
	/* A generic word, then spaces, '_', '-', '#' and digits only. */
	while (k < n && isalpha((unsigned char)label[k]))
		k++;
	for (size_t i = 0; i < sizeof(generic) / sizeof(generic[0]); i++)
		if (strlen(generic[i]) == k &&
		    strncasecmp(generic[i], label, k) == 0) {
			size_t j = k;

			while (j < n && strchr(" _-#0123456789", label[j]))
				j++;
			if (j == n)
				return 0;
		}
	return 1;
}

/* The metadata of key k: the sheet's row, the file's own (normalised
 * into own[]), --set. */
static const char *
meta_value(const char *const *own, const struct sheet_row *row,
    const struct import_opts *o, int k)
{
	if (row != NULL && row->meta[k] != NULL)
		return row->meta[k];
	if (own[k] != NULL)
		return own[k];
	return o->meta != NULL ? o->meta->set[k] : NULL;
}

/* The role of speaker i: --roles, the sheet's roles, the file's. */
static int
speaker_role(const struct import_doc *doc, size_t i,
    const struct import_opts *o, const struct roles *sheet_roles)
{
	const char *label = doc->speakers[i].label;
	int r;

	if ((r = roles_match(o->roles, label, strlen(label))) >= 0)
		return r;
	if ((r = roles_match(sheet_roles, label, strlen(label))) >= 0)
		return r;
	return doc->speakers[i].role;
}

/* Say which speakers have no role, and how to give them one. */
static void
unmapped(const struct import_doc *doc, const int *role, const size_t *turns,
    struct diags *d)
{
	strbuf list = { 0 }, fix = { 0 };
	long line = 0, col = 0;

	for (size_t i = 0; i < doc->nspeakers; i++) {
		if (turns[i] == 0)
			continue;
		strbuf_adds(&list, list.len ? ", " : "");
		strbuf_addf(&list, "'%s' (%zu turn%s", doc->speakers[i].label,
		    turns[i], turns[i] == 1 ? "" : "s");
		if (role[i] >= 0)
			strbuf_addf(&list, ", %s", session_role_name(role[i]));
		strbuf_addc(&list, ')');
		if (role[i] < 0) {
			if (line == 0) {
				line = doc->speakers[i].line;
				col = doc->speakers[i].col;
			}
			strbuf_adds(&fix, fix.len ? "," : "");
			strbuf_adds(&fix, doc->speakers[i].label);
			strbuf_adds(&fix, "=ROLE");
		}
	}
	diags_error(d, line, col, "speaker%s without a role: the speakers are "
	    "%s; give --roles '%s' (ROLE: therapist, client, caregiver, "
	    "family, interpreter, other; patterns such as '*=client' work) or "
	    "a roles column in the --meta sheet", strchr(fix.s, ',') ? "s" :
	    "", list.s, fix.s);
	strbuf_free(&list);
	strbuf_free(&fix);
}

/* The human codes of turn t (tag names separated by spaces). */
static int
codes(session *s, struct session_utt *u, const char *text, long line,
    struct diags *d)
{
	const char *p = text;
	size_t n = 0, cap = 0;
	const char **v = NULL;
	int bad = 0;

	for (;;) {
		size_t len;

		while (*p == ' ')
			p++;
		if (*p == '\0')
			break;
		for (len = 0; p[len] != '\0' && p[len] != ' '; len++)
			;
		if (tags_lookup(p, len) < 0) {
			diags_error(d, line, 0, "unknown code '%.*s': not a tag "
			    "of the vocabulary", (int)len, p);
			bad = 1;
		} else {
			v = xgrow(v, &cap, n + 1, sizeof(*v));
			v[n++] = arena_strndup(s->arena, p, len);
		}
		p += len;
	}
	if (n > 0) {
		u->codes = arena_alloc(s->arena, n * sizeof(*v));
		memcpy(u->codes, v, n * sizeof(*v));
		u->ncodes = n;
	}
	free(v);
	return bad ? -1 : 0;
}

/* Set the session's metadata; -1 when it lacks what it must have. */
static int
metadata(session *s, const struct import_doc *doc,
    const struct sheet_row *row, const struct import_opts *o,
    const char *path, struct diags *d)
{
	const char *v, *own[IMPORT_NKEYS] = { NULL };
	char *id;

	/* The file's own metadata passes the same checks as the sheet's. */
	for (int k = 0; k < IMPORT_NKEYS; k++) {
		const char *why;
		char *n;

		if (doc->meta[k] == NULL)
			continue;
		if ((n = metadata_normalise(o->meta, k, doc->meta[k],
		    strlen(doc->meta[k]), &why)) == NULL) {
			if (why != NULL) {
				diags_error(d, doc->line, 0, "%s '%s' %s",
				    import_key_name(k), doc->meta[k], why);
				return -1;
			}
			continue;
		}
		own[k] = arena_strdup(s->arena, n);
		free(n);
	}

	if ((v = meta_value(own, row, o, IMPORT_ID)) != NULL)
		s->id = arena_strdup(s->arena, v);
	else {
		id = stem(path);
		s->id = arena_strdup(s->arena, id);
		free(id);
	}
	s->date = meta_value(own, row, o, IMPORT_DATE);
	s->modality = meta_value(own, row, o, IMPORT_MODALITY);
	s->language = meta_value(own, row, o, IMPORT_LANGUAGE);
	if ((v = meta_value(own, row, o, IMPORT_NUMBER)) != NULL)
		s->number = strtol(v, NULL, 10);
	s->clinician = meta_value(own, row, o, IMPORT_CLINICIAN);
	s->cohort = meta_value(own, row, o, IMPORT_COHORT);
	s->discipline = meta_value(own, row, o, IMPORT_DISCIPLINE);
	s->client = meta_value(own, row, o, IMPORT_CLIENT);
	s->age_group = meta_value(own, row, o, IMPORT_AGE_GROUP);
	/* Copy into the session's arena: the session outlives doc and row. */
	s->date = s->date ? arena_strdup(s->arena, s->date) : NULL;
	s->modality = s->modality ? arena_strdup(s->arena, s->modality) : NULL;
	s->language = s->language ? arena_strdup(s->arena, s->language) : NULL;
	s->clinician = s->clinician ? arena_strdup(s->arena, s->clinician) :
	    NULL;
	s->cohort = s->cohort ? arena_strdup(s->arena, s->cohort) : NULL;
	s->discipline = s->discipline ? arena_strdup(s->arena, s->discipline) :
	    NULL;
	s->client = s->client ? arena_strdup(s->arena, s->client) : NULL;
	s->age_group = s->age_group ? arena_strdup(s->arena, s->age_group) :
	    NULL;
	if (s->clinician == NULL) {
		diags_error(d, doc->line, 0, "session '%s' has no clinician: "
		    "give --set clinician=ID, or a clinician column in the "
		    "--meta sheet%s", s->id, o->sheet != NULL && row == NULL ?
		    " (the sheet has no row for this file)" : "");
		return -1;
	}
	return 0;
}

/* The session's measures: the file's, then the sheet's (a name given
 * twice keeps its first value, as for <measure> in XML). */
static void
measures(session *s, const struct import_doc *doc,
    const struct sheet_row *row)
{
	const struct import_measure *m[2] = { doc->measures,
		row != NULL ? row->measures : NULL };
	size_t n[2] = { doc->nmeasures, row != NULL ? row->nmeasures : 0 };

	for (int k = 0; k < 2; k++)
		for (size_t i = 0; i < n[k]; i++) {
			size_t j;

			for (j = 0; j < s->nmeasures; j++)
				if (strcmp(s->measures[j].name,
				    m[k][i].name) == 0)
					break;
			if (j < s->nmeasures)
				continue;
			s->measures = xgrow(s->measures, &s->measures_cap,
			    s->nmeasures + 1, sizeof(*s->measures));
			s->measures[s->nmeasures].name = arena_strdup(s->arena,
			    m[k][i].name);
			s->measures[s->nmeasures++].value = m[k][i].value;
		}
}

/* May turn b continue turn a as one utterance? */
static int
continues(const struct import_turn *a, const struct import_turn *b,
    const struct import_format *fmt, const struct import_opts *o)
{
	double gap;

	if (!fmt->merges || o->gap < 0 || a->speaker != b->speaker ||
	    a->codes != NULL || b->codes != NULL)
		return 0;
	if (isnan(a->end) || isnan(b->start))
		return 1;	/* no times: a cue of the same speaker */
	gap = b->start - a->end;
	return gap <= o->gap;
}

session *
import_build(const struct import_doc *doc, const struct import_format *fmt,
    const char *path, const char *display, const struct import_opts *o,
    struct diags *d)
{
	const struct sheet_row *row;
	struct roles sheet_roles = { 0 };
	session *s = session_create();
	int *role = xcalloc(doc->nspeakers + 1, sizeof(*role));
	long *spk = xcalloc(doc->nspeakers + 1, sizeof(*spk));
	size_t *turns = xcalloc(doc->nspeakers + 1, sizeof(*turns));
	size_t count[SESSION_NROLES] = { 0 }, errors = diags_errors(d);
	strbuf text = { 0 };
	double last_start = NAN;
	char *why = NULL;
	int missing = 0;

	s->source = arena_strdup(s->arena, display);
	s->line = doc->line;
	row = sheet_find(o->sheet, path, doc->meta[IMPORT_ID]);
	if (row != NULL && row->roles != NULL &&
	    roles_parse(&sheet_roles, row->roles, &why) != 0) {
		diags_error(d, doc->line, 0, "the --meta sheet's roles for this "
		    "file (line %ld): %s", row->line, why);
		free(why);
		goto fail;
	}
	if (metadata(s, doc, row, o, path, d) != 0)
		goto fail;
	measures(s, doc, row);
	if (doc->nturns == 0) {
		diags_error(d, doc->line, 0, "no utterances: the file holds no "
		    "text");
		goto fail;
	}
	for (size_t i = 0; i < doc->nturns; i++)
		turns[doc->turns[i].speaker]++;
	for (size_t i = 0; i < doc->nspeakers; i++) {
		role[i] = speaker_role(doc, i, o, &sheet_roles);
		spk[i] = -1;
		missing |= turns[i] > 0 && role[i] < 0;
	}
	if (missing) {
		unmapped(doc, role, turns, d);
		goto fail;
	}
	/* Speakers in order of their first turn, numbered within role. */
	for (size_t i = 0; i < doc->nturns; i++) {
		size_t k = doc->turns[i].speaker;
		char id[32];

		if (spk[k] >= 0)
			continue;
		snprintf(id, sizeof(id), "%c%zu", role_prefix[role[k]],
		    ++count[role[k]]);
		spk[k] = (long)session_add_speaker(s, id,
		    (enum session_role)role[k], doc->speakers[k].name != NULL ?
		    doc->speakers[k].name : label_is_name(doc->speakers[k].label) ?
		    doc->speakers[k].label : NULL);
	}
	for (size_t i = 0; i < doc->nturns;) {
		const struct import_turn *t = &doc->turns[i];
		struct session_utt u = { 0 };
		size_t j = i + 1;

		strbuf_reset(&text);
		strbuf_adds(&text, t->text);
		while (j < doc->nturns && continues(&doc->turns[j - 1],
		    &doc->turns[j], fmt, o)) {
			strbuf_addc(&text, ' ');
			strbuf_adds(&text, doc->turns[j].text);
			j++;
		}
		u.index = s->nutts;
		u.speaker = (size_t)spk[t->speaker];
		u.start = t->start;
		u.end = doc->turns[j - 1].end;
		if (isnan(u.end))
			u.end = t->end;
		u.text = arena_strndup(s->arena, text.s, text.len);
		u.len = text.len;
		u.line = t->line;
		if (t->codes != NULL && codes(s, &u, t->codes, t->line, d) != 0)
			goto fail;
		if (!isnan(u.start) && !isnan(u.end) && u.end < u.start)
			diags_warn(d, t->line, t->col, "utterance ends (%g s) "
			    "before it starts (%g s)", u.end, u.start);
		if (!isnan(u.start)) {
			if (!isnan(last_start) && u.start < last_start)
				diags_warn(d, t->line, t->col, "utterance starts "
				    "at %g s, before the previous one (%g s)",
				    u.start, last_start);
			last_start = u.start;
		}
		session_push_utt(s, &u);
		i = j;
	}
	for (size_t i = 0; i < doc->nevents; i++) {
		const struct import_event *e = &doc->events[i];

		s->events = xgrow(s->events, &s->events_cap, s->nevents + 1,
		    sizeof(*s->events));
		s->events[s->nevents].type = arena_strdup(s->arena, e->type);
		s->events[s->nevents].start = e->start;
		s->events[s->nevents].end = e->end;
		s->events[s->nevents++].line = e->line;
	}
	if (diags_errors(d) > errors)
		goto fail;
	strbuf_free(&text);
	roles_free(&sheet_roles);
	free(role);
	free(spk);
	free(turns);
	return s;
fail:
	strbuf_free(&text);
	roles_free(&sheet_roles);
	free(role);
	free(spk);
	free(turns);
	session_free(s);
	return NULL;
}
