/* metadata.c -- metadata values from the command line and sheets. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "metadata.h"
#include "session.h"
#include "util.h"

/* Trim spaces and tabs at both ends of [*s, *s + *n). */
static void
trim(const char **s, size_t *n)
{
	while (*n > 0 && (**s == ' ' || **s == '\t' || **s == '\r' ||
	    **s == '\n'))
		(*s)++, (*n)--;
	while (*n > 0 && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t' ||
	    (*s)[*n - 1] == '\r' || (*s)[*n - 1] == '\n'))
		(*n)--;
}

int
metadata_set(struct metadata_opts *o, const char *arg, char **why)
{
	const char *eq = strchr(arg, '=');
	const char *bad;
	char *key, *v;
	int k;

	if (eq == NULL || eq == arg) {
		*why = xasprintf("'%s' is not KEY=VALUE", arg);
		return -1;
	}
	key = xstrndup(arg, (size_t)(eq - arg));
	k = import_key_parse(key);
	if (k < 0 || k == IMPORT_ID) {
		*why = xasprintf("'%s' is not a metadata key (clinician, client, "
		    "cohort, date, modality, number, language, discipline, "
		    "age-group)", key);
		free(key);
		return -1;
	}
	free(key);
	v = metadata_normalise(o, k, eq + 1, strlen(eq + 1), &bad);
	if (v == NULL) {
		*why = xasprintf("--set %s: %s", arg, bad != NULL ? bad :
		    "empty value");
		return -1;
	}
	free(o->set[k]);
	o->set[k] = v;
	return 0;
}

int
metadata_value(struct metadata_opts *o, const char *arg, char **why)
{
	char *copy = xstrdup(arg), *save = NULL;
	int rc = 0;

	for (char *it = strtok_r(copy, ",", &save); it != NULL && rc == 0;
	    it = strtok_r(NULL, ",", &save)) {
		char *eq = strchr(it, '='), *colon;
		int k;

		colon = eq != NULL ? strchr(eq + 1, ':') : NULL;
		if (eq == NULL || colon == NULL || colon == eq + 1) {
			*why = xasprintf("'%s' is not KEY=FROM:TO", it);
			rc = -1;
			break;
		}
		*eq = '\0';
		if ((k = import_key_parse(it)) < 0) {
			*why = xasprintf("'%s' is not a metadata key", it);
			rc = -1;
			break;
		}
		*colon = '\0';
		o->maps = xgrow(o->maps, &o->cap, o->nmaps + 1,
		    sizeof(*o->maps));
		o->maps[o->nmaps].key = k;
		o->maps[o->nmaps].from = xstrdup(eq + 1);
		o->maps[o->nmaps++].to = xstrdup(colon + 1);
	}
	free(copy);
	return rc;
}

int
metadata_dates(struct metadata_opts *o, const char *arg, char **why)
{
	if (strcmp(arg, "iso") == 0)
		o->dates = METADATA_DATES_ISO;
	else if (strcmp(arg, "dmy") == 0)
		o->dates = METADATA_DATES_DMY;
	else if (strcmp(arg, "mdy") == 0)
		o->dates = METADATA_DATES_MDY;
	else {
		*why = xasprintf("--dates takes iso, dmy or mdy, not '%s'", arg);
		return -1;
	}
	return 0;
}

void
metadata_opts_free(struct metadata_opts *o)
{
	for (int k = 0; k < IMPORT_NKEYS; k++)
		free(o->set[k]);
	for (size_t i = 0; i < o->nmaps; i++) {
		free(o->maps[i].from);
		free(o->maps[i].to);
	}
	free(o->maps);
	memset(o, 0, sizeof(*o));
}

/* Up to max digits at s[*i]: their value, or -1 when there are none. */
static long
number(const char *s, size_t n, size_t *i, size_t max)
{
	long v = 0;
	size_t k = 0;

	while (*i < n && k < max && s[*i] >= '0' && s[*i] <= '9') {
		v = v * 10 + (s[(*i)++] - '0');
		k++;
	}
	return k > 0 ? v : -1;
}

/*
 * A date: YYYY-MM-DD or YYYY/MM/DD always (a time after it, "T10:00" or
 * " 10:00", is ignored); D/M/YYYY, D.M.YYYY or D-M-YYYY (and two-digit
 * years, taken as 20YY) in the order o gives. Returns YYYY-MM-DD for a
 * date that exists, else NULL.
 */
static char *
date(enum metadata_dates order, const char *s, size_t n)
{
	long a, b, c;
	size_t i = 0, ia;
	char sep;

	a = number(s, n, &i, 4);
	ia = i;
	if (a < 0 || i >= n || (s[i] != '-' && s[i] != '/' && s[i] != '.'))
		return NULL;
	sep = s[i++];
	if ((b = number(s, n, &i, 2)) < 0 || i >= n || s[i] != sep)
		return NULL;
	i++;
	if ((c = number(s, n, &i, 4)) < 0)
		return NULL;
	if (i < n && s[i] != 'T' && s[i] != ' ')
		return NULL;
	if (ia == 4) {
		/* Year first: always year, month, day. */
	} else if (order == METADATA_DATES_DMY || order == METADATA_DATES_MDY) {
		long d = order == METADATA_DATES_DMY ? a : b;
		long m = order == METADATA_DATES_DMY ? b : a;

		if (c < 100)
			c += 2000;
		a = c;
		b = m;
		c = d;
	} else
		return NULL;
	{
		char buf[16];

		if (a < 1000 || a > 9999 || b < 1 || b > 12 || c < 1 || c > 31)
			return NULL;
		snprintf(buf, sizeof(buf), "%04ld-%02ld-%02ld", a, b, c);
		return session_valid_date(buf) ? xstrdup(buf) : NULL;
	}
}

/* Modality words as clinics and exports write them. */
static const struct {
	const char	*word;
	const char	*modality;
} modality_words[] = {
	{ "in-person", "in-person" }, { "in person", "in-person" },
	{ "inperson", "in-person" }, { "face-to-face", "in-person" },
	{ "face to face", "in-person" }, { "office", "in-person" },
	{ "video", "video" }, { "telehealth", "video" },
	{ "telemedicine", "video" }, { "zoom", "video" }, { "teams", "video" },
	{ "video call", "video" }, { "online", "video" },
	{ "phone", "phone" }, { "telephone", "phone" }, { "call", "phone" },
	{ "audio", "phone" },
};

/* Is s (n bytes) a positive whole number without leading zeros? */
static int
positive(const char *s, size_t n)
{
	if (n == 0 || n > 9 || s[0] == '0')
		return 0;
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

/* xs:language: [a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})* */
static int
language(const char *s, size_t n)
{
	size_t run = 0;
	int later = 0;

	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		int alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
		int digit = c >= '0' && c <= '9';

		if (c == '-' && run > 0 && i + 1 < n) {
			run = 0;
			later = 1;
		} else if ((alpha || (later && digit)) && ++run <= 8)
			continue;
		else
			return 0;
	}
	return run > 0;
}

/* s with white space runs squashed to one space (an xs:token). */
static char *
token(const char *s, size_t n)
{
	strbuf b = { 0 };
	int space = 0;

	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
			space = b.len > 0;
			continue;
		}
		if (c < 0x20 || c == 0x7f)
			continue;
		if (space)
			strbuf_addc(&b, ' ');
		space = 0;
		strbuf_addc(&b, (char)c);
	}
	return b.s != NULL ? strbuf_release(&b) : xstrdup("");
}

char *
metadata_normalise(const struct metadata_opts *o, int k, const char *value,
    size_t n, const char **why)
{
	char *v, *out = NULL;
	size_t len;

	*why = NULL;
	trim(&value, &n);
	for (size_t i = 0; o != NULL && i < o->nmaps; i++)
		if (o->maps[i].key == k && strlen(o->maps[i].from) == n &&
		    strncasecmp(o->maps[i].from, value, n) == 0) {
			value = o->maps[i].to;
			n = strlen(value);
			break;
		}
	v = token(value, n);
	len = strlen(v);
	if (len == 0) {
		free(v);
		return NULL;
	}
	switch (k) {
	case IMPORT_DATE:
		if ((out = date(o != NULL ? o->dates : METADATA_DATES_ISO, v,
		    len)) == NULL)
			*why = o != NULL && o->dates != METADATA_DATES_ISO ?
			    "is not a date (YYYY-MM-DD or the --dates order)" :
			    "is not a date of the form YYYY-MM-DD (for "
			    "03/04/2026 say --dates dmy or mdy)";
		break;
	case IMPORT_MODALITY:
		for (size_t i = 0; i < sizeof(modality_words) /
		    sizeof(modality_words[0]); i++)
			if (strcasecmp(modality_words[i].word, v) == 0) {
				out = xstrdup(modality_words[i].modality);
				break;
			}
		if (out == NULL)
			*why = "is not a modality (in-person, video, phone; map "
			    "others with --value modality=WORD:video)";
		break;
	case IMPORT_NUMBER:
		if (positive(v, len))
			out = xstrdup(v);
		else
			*why = "is not a session number (1, 2, ...)";
		break;
	case IMPORT_LANGUAGE:
		if (language(v, len))
			out = xstrdup(v);
		else
			*why = "is not a language tag (en, en-GB)";
		break;
	default:
		out = xstrdup(v);
		break;
	}
	free(v);
	return out;
}
