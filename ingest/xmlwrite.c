/* xmlwrite.c -- sessions as transcript XML (xmlwrite.h). */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "xmlwrite.h"

/* Append s as XML text (attr: also escape quotes and white space); drop
 * characters XML 1.0 forbids (C0 controls but tab and line breaks,
 * U+FFFE, U+FFFF). s is valid UTF-8. */
static void
text(strbuf *b, const char *s, int attr)
{
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '&')
			strbuf_adds(b, "&amp;");
		else if (c == '<')
			strbuf_adds(b, "&lt;");
		else if (c == '>')
			strbuf_adds(b, "&gt;");
		else if (attr && c == '"')
			strbuf_adds(b, "&quot;");
		else if (attr && (c == '\n' || c == '\r' || c == '\t'))
			strbuf_addf(b, "&#%d;", c);
		else if (c == '\r')
			strbuf_adds(b, "&#13;");	/* survives parsing */
		else if (c < 0x20 && c != '\n' && c != '\t')
			continue;
		else if (c == 0xEF && (unsigned char)s[1] == 0xBF &&
		    ((unsigned char)s[2] == 0xBE || (unsigned char)s[2] == 0xBF))
			s += 2;
		else
			strbuf_addc(b, (char)c);
	}
}

static void
attr(strbuf *b, const char *name, const char *value)
{
	if (value == NULL)
		return;
	strbuf_addf(b, " %s=\"", name);
	text(b, value, 1);
	strbuf_addc(b, '"');
}

/* A number with up to `decimals` places, trailing zeros dropped, never
 * with an exponent (xs:decimal and the schema's time type have none). */
static void
decimal(strbuf *b, double v, int decimals)
{
	char buf[64];
	size_t n;

	snprintf(buf, sizeof(buf), "%.*f", decimals, v);
	n = strlen(buf);
	if (strchr(buf, '.') != NULL) {
		while (n > 0 && buf[n - 1] == '0')
			buf[--n] = '\0';
		if (n > 0 && buf[n - 1] == '.')
			buf[--n] = '\0';
	}
	if (strcmp(buf, "-0") == 0)
		strcpy(buf, "0");
	strbuf_adds(b, buf);
}

static void
time_attr(strbuf *b, const char *name, double t)
{
	if (isnan(t) || t < 0)
		return;
	strbuf_addf(b, " %s=\"", name);
	decimal(b, t, 3);
	strbuf_addc(b, '"');
}

void
xmlwrite_session(strbuf *b, const session *s)
{
	char num[32];

	strbuf_adds(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<session");
	attr(b, "id", s->id);
	attr(b, "date", s->date);
	attr(b, "modality", s->modality);
	if (s->number > 0) {
		snprintf(num, sizeof(num), "%ld", s->number);
		attr(b, "number", num);
	}
	attr(b, "language", s->language);
	strbuf_adds(b, ">\n  <clinician");
	attr(b, "id", s->clinician);
	attr(b, "cohort", s->cohort);
	attr(b, "discipline", s->discipline);
	strbuf_adds(b, "/>\n");
	if (s->client != NULL || s->age_group != NULL) {
		strbuf_adds(b, "  <client");
		attr(b, "id", s->client);
		attr(b, "age-group", s->age_group);
		strbuf_adds(b, "/>\n");
	}
	for (size_t i = 0; i < s->nmeasures; i++) {
		strbuf_adds(b, "  <measure");
		attr(b, "name", s->measures[i].name);
		strbuf_adds(b, " value=\"");
		decimal(b, s->measures[i].value, 6);
		strbuf_adds(b, "\"/>\n");
	}
	strbuf_adds(b, "  <speakers>\n");
	for (size_t i = 0; i < s->nspeakers; i++) {
		strbuf_adds(b, "    <speaker");
		attr(b, "id", s->speakers[i].id);
		attr(b, "role", session_role_name(s->speakers[i].role));
		attr(b, "name", s->speakers[i].name);
		strbuf_adds(b, "/>\n");
	}
	strbuf_adds(b, "  </speakers>\n  <transcript>\n");
	/* Events go before the first utterance that starts after them. */
	for (size_t i = 0, e = 0; i <= s->nutts; i++) {
		const struct session_utt *u = i < s->nutts ? &s->utts[i] : NULL;

		while (e < s->nevents && (u == NULL || (!isnan(u->start) &&
		    !isnan(s->events[e].start) &&
		    s->events[e].start <= u->start))) {
			strbuf_adds(b, "    <event");
			attr(b, "type", s->events[e].type);
			time_attr(b, "start", s->events[e].start);
			time_attr(b, "end", s->events[e].end);
			strbuf_adds(b, "/>\n");
			e++;
		}
		if (u == NULL)
			break;
		strbuf_adds(b, "    <u");
		attr(b, "who", s->speakers[u->speaker].id);
		time_attr(b, "start", u->start);
		time_attr(b, "end", u->end);
		if (u->ncodes > 0) {
			strbuf_adds(b, " codes=\"");
			for (size_t k = 0; k < u->ncodes; k++) {
				strbuf_adds(b, k ? " " : "");
				text(b, u->codes[k], 1);
			}
			strbuf_addc(b, '"');
		}
		strbuf_addc(b, '>');
		text(b, u->text, 0);
		strbuf_adds(b, "</u>\n");
	}
	strbuf_adds(b, "  </transcript>\n</session>\n");
}

char *
xmlwrite_file_name(const char *id)
{
	strbuf b = { 0 };

	for (const char *p = id; *p != '\0'; p++)
		strbuf_addc(&b, (*p >= 'a' && *p <= 'z') || (*p >= 'A' &&
		    *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '-' ||
		    *p == '_' || (*p == '.' && p != id) ? *p : '_');
	strbuf_adds(&b, ".xml");
	return strbuf_release(&b);
}
