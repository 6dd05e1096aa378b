/* session.c -- the session model: roles, sides, times, dates. */
#include "config.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "session.h"
#include "words.h"

static const char *const role_names[SESSION_NROLES] = {
	"therapist", "client", "caregiver", "family", "interpreter", "other"
};

session *
session_create(void)
{
	session *s = xcalloc(1, sizeof(*s));

	s->arena = arena_create();
	return s;
}

void
session_free(session *s)
{
	if (s == NULL)
		return;
	free(s->measures);
	free(s->speakers);
	strmap_free(&s->speaker_ids);
	free(s->utts);
	free(s->events);
	arena_destroy(s->arena);
	free(s);
}

size_t
session_add_speaker(session *s, const char *id, enum session_role role,
    const char *name)
{
	struct session_speaker *sp;

	s->speakers = xgrow(s->speakers, &s->speakers_cap, s->nspeakers + 1,
	    sizeof(*s->speakers));
	sp = &s->speakers[s->nspeakers];
	sp->id = arena_strdup(s->arena, id);
	sp->role = role;
	sp->name = name != NULL ? arena_strdup(s->arena, name) : NULL;
	strmap_add(&s->speaker_ids, sp->id, s->nspeakers);
	return s->nspeakers++;
}

struct session_utt *
session_push_utt(session *s, const struct session_utt *u)
{
	struct session_utt *v;

	s->utts = xgrow(s->utts, &s->utts_cap, s->nutts + 1, sizeof(*s->utts));
	v = &s->utts[s->nutts++];
	*v = *u;
	v->side = session_role_side(s->speakers[u->speaker].role);
	v->words = words_count(u->text, u->len);
	return v;
}

int
session_role_parse(const char *name)
{
	for (int i = 0; i < SESSION_NROLES; i++)
		if (strcmp(role_names[i], name) == 0)
			return i;
	return -1;
}

const char *
session_role_name(enum session_role role)
{
	return role_names[role];
}

enum side
session_role_side(enum session_role role)
{
	switch (role) {
	case SESSION_ROLE_THERAPIST:
		return SIDE_THERAPIST;
	case SESSION_ROLE_CLIENT:
	case SESSION_ROLE_CAREGIVER:
	case SESSION_ROLE_FAMILY:
		return SIDE_CLIENT;
	default:
		return SIDE_OTHER;
	}
}


long
session_speaker_find(const session *s, const char *id)
{
	return strmap_get(&s->speaker_ids, id);
}

/* Digits, then optionally '.' and digits; at least one digit in all. */
static int
parse_decimal(const char *p, const char *end, double *out)
{
	const char *q = p;
	int digits = 0;
	char buf[64];

	while (q < end && isdigit((unsigned char)*q))
		q++, digits++;
	if (q < end && *q == '.') {
		q++;
		while (q < end && isdigit((unsigned char)*q))
			q++, digits++;
	}
	if (q != end || digits == 0 || (size_t)(end - p) >= sizeof(buf))
		return -1;
	memcpy(buf, p, (size_t)(end - p));
	buf[end - p] = '\0';
	*out = strtod(buf, NULL);
	return isfinite(*out) ? 0 : -1;
}

int
session_parse_time(const char *text, double *out)
{
	const char *p = text, *end;
	double part[3], total = 0;
	int nparts = 0;

	while (isspace((unsigned char)*p))
		p++;
	end = p + strlen(p);
	while (end > p && isspace((unsigned char)end[-1]))
		end--;
	for (;;) {
		const char *colon = memchr(p, ':', (size_t)(end - p));
		const char *stop = colon != NULL ? colon : end;

		if (nparts == 3)
			return -1;
		/* Only the last field may have a fraction. */
		if (colon != NULL && memchr(p, '.', (size_t)(stop - p)) != NULL)
			return -1;
		if (parse_decimal(p, stop, &part[nparts++]) != 0)
			return -1;
		if (colon == NULL)
			break;
		p = colon + 1;
	}
	/* Minutes and seconds below the leading field are less than 60. */
	for (int i = 1; i < nparts; i++)
		if (part[i] >= 60)
			return -1;
	for (int i = 0; i < nparts; i++)
		total = total * 60 + part[i];
	*out = total;
	return 0;
}

int
session_valid_date(const char *text)
{
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	int y, m, d;

	if (strlen(text) != 10 || text[4] != '-' || text[7] != '-')
		return 0;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !isdigit((unsigned char)text[i]))
			return 0;
	y = atoi(text);
	m = atoi(text + 5);
	d = atoi(text + 8);
	if (m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
		return 0;
	if (m == 2 && d == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)))
		return 0;
	return 1;
}

/* Days since 1970-01-01 of a valid YYYY-MM-DD (Hinnant's
 * days_from_civil, http://howardhinnant.github.io/date_algorithms.html). */
double
session_date_days(const char *date)
{
	long y, m, d, era, yoe, doy, doe;

	if (date == NULL || !session_valid_date(date))
		return NAN;
	y = strtol(date, NULL, 10);
	m = strtol(date + 5, NULL, 10);
	d = strtol(date + 8, NULL, 10);
	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (double)(era * 146097 + doe - 719468);
}
