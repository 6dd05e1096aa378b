/* session.h -- the in-memory model of one transcript session.
 *
 * Ingest builds a session from XML (docs/architecture.md section 3); the analyzers,
 * measures and writers read it. Every string and array hangs off the
 * session's arena and is freed by session_free().
 */
#ifndef RAPPORT_SESSION_H
#define RAPPORT_SESSION_H

#include <stddef.h>

#include "side.h"
#include "util.h"

enum session_role {
	SESSION_ROLE_THERAPIST,
	SESSION_ROLE_CLIENT,
	SESSION_ROLE_CAREGIVER,
	SESSION_ROLE_FAMILY,
	SESSION_ROLE_INTERPRETER,
	SESSION_ROLE_OTHER,
	SESSION_NROLES
};


struct session_speaker {
	const char		*id;
	enum session_role	 role;
	const char		*name;	/* for redaction only; may be NULL */
};

struct session_measure {
	const char	*name;
	double		 value;
};

struct session_utt {
	size_t		 index;		/* 0-based position of the <u> */
	size_t		 speaker;	/* index into session.speakers */
	double		 start, end;	/* seconds; NAN when absent */
	const char	*text;		/* valid UTF-8, NUL-terminated */
	size_t		 len;		/* bytes of text */
	const char     **codes;		/* human codes, or NULL */
	size_t		 ncodes;
	long		 line;		/* line of the <u> in the source */
	/* Facts every stage uses, computed once by session_push_utt(). */
	enum side	 side;		/* of the speaker's role */
	size_t		 words;		/* words_count() of the text */
};

struct session_event {
	const char	*type;
	double		 start, end;	/* NAN when absent */
	long		 line;
};

typedef struct session {
	arena			*arena;
	const char		*id;
	const char		*date;		/* YYYY-MM-DD or NULL */
	const char		*modality;	/* in-person | video | phone | NULL */
	const char		*language;
	long			 number;	/* 0 when absent */
	const char		*clinician;
	const char		*cohort;
	const char		*discipline;
	const char		*client;
	const char		*age_group;

	struct session_measure	*measures;
	size_t			 nmeasures, measures_cap;
	struct session_speaker	*speakers;
	size_t			 nspeakers, speakers_cap;
	/* Speaker ids -> index, so finding a speaker stays constant-time
	 * however many are declared. */
	strmap			 speaker_ids;
	struct session_utt	*utts;
	size_t			 nutts, utts_cap;
	struct session_event	*events;
	size_t			 nevents, events_cap;

	const char		*source;	/* path it came from */
	long			 line;		/* line of <session> */
} session;

/* A new empty session with its own arena; free with session_free(). */
session *session_create(void);
/* Free s and everything it holds; NULL is fine. */
void session_free(session *s);

/*
 * Append a speaker (id, role, name copied into the session's arena; name
 * may be NULL). Returns its index. The caller checks that the id is new.
 */
size_t session_add_speaker(session *s, const char *id, enum session_role role,
    const char *name);
/*
 * Append a copy of utterance u, whose text, codes and speaker index must
 * already belong to s (text in s's arena), and fill in its side (from its
 * speaker's role) and its word count. Returns the stored utterance.
 */
struct session_utt *session_push_utt(session *s, const struct session_utt *u);

/* The role named name, or -1 when it is not one of the transcript format's roles. */
int session_role_parse(const char *name);
const char *session_role_name(enum session_role role);
enum side session_role_side(enum session_role role);
/* Index of the speaker with this id, or -1. */
long session_speaker_find(const session *s, const char *id);

/*
 * Parse a time: seconds ("12.5") or clock time ("00:12:05.5", "12:05").
 * Returns 0 and sets *out, or -1 when text is not a time.
 */
int session_parse_time(const char *text, double *out);
/* Is text an ISO 8601 calendar date YYYY-MM-DD that exists? */
int session_valid_date(const char *text);
/* Days from 1970-01-01 to the valid date text, or NaN (NULL, invalid). */
double session_date_days(const char *text);

#endif
