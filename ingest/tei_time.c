/* tei_time.c -- the TEI importer's timelines (tei_internal.h).
 *
 * TEI P5 16.4.2: a timeline holds when elements, each a point in time
 * given absolutely (@absolute) or as an @interval after another when
 * (@since, else the timeline's origin), in the @unit of the when or of
 * its timeline. tei.c points at them from u@start, u@end, @synch and
 * anchors; the model and the decisions are in tei.c's head comment.
 * The element helpers both files use are here too.
 */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "tei_internal.h"

static int
is_ws(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

int
tei_is(xmlNodePtr n, const char *name)
{
	return xmldom_is(n, name) && (n->ns == NULL || (n->ns->href != NULL &&
	    strcmp((const char *)n->ns->href, TEI_NS) == 0));
}

xmlNodePtr
tei_child(xmlNodePtr n, const char *name)
{
	if (n == NULL)
		return NULL;
	for (n = n->children; n != NULL; n = n->next)
		if (tei_is(n, name))
			return n;
	return NULL;
}

xmlNodePtr
tei_walk_next(xmlNodePtr n, xmlNodePtr top, int descend)
{
	if (descend && n->type == XML_ELEMENT_NODE && n->children != NULL)
		return n->children;
	while (n != top && n->next == NULL)
		n = n->parent;
	return n == top ? NULL : n->next;
}

int
tei_pointer(const char *v, const char **id, size_t *n)
{
	const char *e;

	if (v == NULL)
		return 0;
	while (is_ws(*v))
		v++;
	for (e = v; *e != '\0' && !is_ws(*e); e++)
		;
	if (e == v)
		return 0;
	if (*v == '#')
		v++;
	else if (memchr(v, '#', (size_t)(e - v)) != NULL)
		return -1;
	*id = v;
	*n = (size_t)(e - v);
	return *n > 0 ? 1 : 0;
}

/* Seconds per unit, or 0 when the unit is not known. */
static double
unit_seconds(const char *u)
{
	static const struct {
		const char	*name;
		double		 sec;
	} units[] = {
		{ "ms", 0.001 }, { "s", 1 }, { "min", 60 }, { "h", 3600 },
		{ "d", 86400 },
		/* TEI P4 and free spellings. */
		{ "millisecond", 0.001 }, { "milliseconds", 0.001 },
		{ "centisecond", 0.01 }, { "centiseconds", 0.01 },
		{ "sec", 1 }, { "second", 1 }, { "seconds", 1 },
		{ "minute", 60 }, { "minutes", 60 }, { "hour", 3600 },
		{ "hours", 3600 }, { "day", 86400 }, { "days", 86400 },
	};

	for (size_t i = 0; i < sizeof(units) / sizeof(units[0]); i++)
		if (strcmp(units[i].name, u) == 0)
			return units[i].sec;
	return 0;
}

/* Days from 1970-01-01 to y-m-d (proleptic Gregorian; H. Hinnant,
 * "chrono-Compatible Low-Level Date Algorithms", days_from_civil). */
static long
days_from_civil(long y, long m, long d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* n digits at s as a number, or -1. */
static long
digits(const char *s, int n)
{
	long v = 0;

	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

int
tei_date_ok(const char *s)
{
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31,
		30, 31 };
	long y = digits(s, 4), m, d;

	if (y < 0 || s[4] != '-' || (m = digits(s + 5, 2)) < 1 || m > 12 ||
	    s[7] != '-' || (d = digits(s + 8, 2)) < 1 || d > mdays[m - 1])
		return 0;
	/* 29 February only in leap years. */
	return !(m == 2 && d == 29 && (y % 4 != 0 || (y % 100 == 0 &&
	    y % 400 != 0)));
}

enum abs_kind { ABS_NONE, ABS_NUMBER, ABS_CLOCK };

struct abstime {
	enum abs_kind	 kind;
	int		 dated;
	double		 v;	/* the number, or seconds (from 1970 when
				   dated, else from midnight) */
};

/* Read when@absolute: a number, a [date T]time (xs:time, xs:dateTime),
 * or nothing usable. */
static struct abstime
absolute_time(const char *s)
{
	struct abstime a = { ABS_NONE, 0, 0 };
	long h, m, sec, day = 0;
	double frac = 0, scale = 0.1, tz = 0;
	size_t n;

	if (s == NULL)
		return a;
	while (is_ws(*s))
		s++;
	if (xmldom_number(s, &a.v) == 0) {
		a.kind = ABS_NUMBER;
		return a;
	}
	n = strlen(s);
	if (n >= 11 && tei_date_ok(s) && s[10] == 'T') {
		day = days_from_civil(digits(s, 4), digits(s + 5, 2),
		    digits(s + 8, 2));
		a.dated = 1;
		s += 11;
	}
	if ((h = digits(s, 2)) < 0 || h > 24 || s[2] != ':' ||
	    (m = digits(s + 3, 2)) < 0 || m > 59 || s[5] != ':' ||
	    (sec = digits(s + 6, 2)) < 0 || sec > 60)
		return a;
	s += 8;
	if (*s == '.')
		for (s++; *s >= '0' && *s <= '9'; s++) {
			frac += (*s - '0') * scale;
			scale /= 10;
		}
	if (*s == 'Z')
		s++;
	else if ((*s == '+' || *s == '-') && digits(s + 1, 2) >= 0 &&
	    s[3] == ':' && digits(s + 4, 2) >= 0) {
		tz = (double)(digits(s + 1, 2) * 3600 + digits(s + 4, 2) * 60);
		if (*s == '-')
			tz = -tz;
		s += 6;
	}
	while (is_ws(*s))
		s++;
	if (*s != '\0')
		return a;
	a.kind = ABS_CLOCK;
	a.v = (double)day * 86400 + (double)(h * 3600 + m * 60 + sec) +
	    frac - tz;
	return a;
}

/* Seconds per unit of when i (its @unit, else its timeline's, else s);
 * 0 with an error when the unit is unknown. */
static double
when_unit(struct tei_timeline *t, size_t i)
{
	xmlNodePtr n = t->w[i].n;
	const char *u = xmldom_attr(n, "unit");
	double sec;

	if (u == NULL)
		u = xmldom_attr(n->parent, "unit");
	if (u == NULL)
		return 1;
	if ((sec = unit_seconds(u)) == 0) {
		char *p = printable(u, 40);

		tei_fail(t, n, "unit '%s' is not a unit of time (d, h, min, "
		    "s, ms)", p);
		free(p);
	}
	return sec;
}

/* The interval of when i in seconds, NAN when it has none that is a
 * number of 0 or more (TEI P4 wrote -1 for "uncertain"), or when its
 * unit is wrong (then t->failed). */
static double
when_interval(struct tei_timeline *t, size_t i)
{
	xmlNodePtr n = t->w[i].n;
	const char *v = xmldom_attr(n, "interval");
	double x, unit;

	if (v == NULL)
		v = xmldom_attr(n->parent, "interval");
	if (v == NULL || xmldom_number(v, &x) != 0 || x < 0)
		return NAN;
	if ((unit = when_unit(t, i)) == 0)
		return NAN;
	return x * unit;
}

/* The time of when i from @absolute, or NAN. */
static double
when_absolute(struct tei_timeline *t, size_t i)
{
	struct abstime a, o;
	double unit;

	a = absolute_time(xmldom_attr(t->w[i].n, "absolute"));
	switch (a.kind) {
	case ABS_NONE:
		return NAN;
	case ABS_NUMBER:
		unit = when_unit(t, i);
		return unit == 0 ? NAN : a.v * unit;
	case ABS_CLOCK:
		break;
	}
	o = absolute_time(xmldom_attr(t->w[t->w[i].origin].n, "absolute"));
	if (o.kind != ABS_CLOCK)
		return a.dated ? NAN : a.v;
	if (o.dated == a.dated)
		return a.v - o.v;
	/* One has a date, the other not: compare the times of day. */
	return fmod(a.v, 86400) - fmod(o.v, 86400);
}

/*
 * Resolve the time of when i, following @since chains without recursion
 * (a chain may be as long as the timeline). Returns 0 with *sec set (NAN
 * when unknown), or -1 with an error.
 */
static int
when_time(struct tei_timeline *t, size_t i, double *sec)
{
	t->nstack = 0;
	if (t->w[i].state != 2) {
		t->stack = xgrow(t->stack, &t->stack_cap, 1, sizeof(size_t));
		t->stack[t->nstack++] = i;
		t->w[i].state = 1;
	}
	while (t->nstack > 0) {
		size_t k = t->stack[t->nstack - 1];
		struct tei_when *w = &t->w[k];
		const char *since = xmldom_attr(w->n, "since"), *id;
		double v = NAN, iv;
		size_t n;
		long j = -1;
		int pr;

		if (k == w->origin)
			v = 0;
		else if ((pr = tei_pointer(since, &id, &n)) != 0) {
			if (pr < 0 || (j = xmldom_ids_find(&t->ids, id, n)) <
			    0) {
				char *p = printable(since, 40);

				tei_fail(t, w->n, "since '%s' names no <when>",
				    p);
				free(p);
				return -1;
			}
			if (t->w[j].state == 1) {
				char *p = printable(since, 40);

				tei_fail(t, w->n, "since '%s' closes a cycle: "
				    "this <when> is defined by itself", p);
				free(p);
				return -1;
			}
			if (t->w[j].state == 0) {
				t->stack = xgrow(t->stack, &t->stack_cap,
				    t->nstack + 1, sizeof(size_t));
				t->stack[t->nstack++] = (size_t)j;
				t->w[j].state = 1;
				continue;
			}
			iv = when_interval(t, k);
			v = t->w[j].t + iv;
		} else if (xmldom_attr(w->n, "interval") != NULL)
			/* No since: the reference is the origin (at 0). */
			v = when_interval(t, k);
		if (isnan(v) && !t->failed)
			v = when_absolute(t, k);
		if (t->failed)
			return -1;
		if (isnan(v))
			t->nuntimed++;
		w->t = v;
		w->state = 2;
		t->nstack--;
	}
	*sec = t->w[i].t;
	return 0;
}

int
tei_timeline_read(struct tei_timeline *t, xmlNodePtr tei)
{
	const struct xmldom_id *dup;

	for (xmlNodePtr n = tei; n != NULL; n = tei_walk_next(n, tei, 1)) {
		struct tei_when *w;

		if (!tei_is(n, "when") || !tei_is(n->parent, "timeline"))
			continue;
		t->w = xgrow(t->w, &t->w_cap, t->nw + 1, sizeof(*t->w));
		w = &t->w[t->nw];
		w->n = n;
		w->id = xmldom_attr(n, "xml:id");
		w->t = NAN;
		w->state = 0;
		if (w->id != NULL)
			xmldom_ids_add(&t->ids, w->id, t->nw);
		t->nw++;
	}
	if ((dup = xmldom_ids_sort(&t->ids)) != NULL) {
		char *p = printable(dup->id, 40);

		tei_fail(t, t->w[dup->value].n, "two <when> have the xml:id "
		    "'%s'", p);
		free(p);
		return -1;
	}
	/* The origins: a timeline's when are one run of siblings. */
	for (size_t i = 0; i < t->nw; i++) {
		xmlNodePtr tl = t->w[i].n->parent;
		const char *o, *id;
		size_t n;
		long j;
		int pr;

		if (i > 0 && t->w[i - 1].n->parent == tl) {
			t->w[i].origin = t->w[i - 1].origin;
			continue;
		}
		t->w[i].origin = i;
		o = xmldom_attr(tl, "origin");
		if ((pr = tei_pointer(o, &id, &n)) == 0)
			continue;
		j = pr > 0 ? xmldom_ids_find(&t->ids, id, n) : -1;
		if (j >= 0)
			t->w[i].origin = (size_t)j;
		else {
			char *p = printable(o, 40);

			diags_warn(t->d, xmldom_line(tl), 0, "origin '%s' of "
			    "<timeline> names no <when>: its first <when> is "
			    "the origin", p);
			free(p);
		}
	}
	return 0;
}

int
tei_timeline_time(struct tei_timeline *t, xmlNodePtr n, const char *what,
    const char *v, double *sec)
{
	const char *id;
	size_t len;
	long j;
	int pr;

	*sec = NAN;
	if ((pr = tei_pointer(v, &id, &len)) == 0)
		return 0;
	if (pr < 0 || (j = xmldom_ids_find(&t->ids, id, len)) < 0) {
		char *p = printable(v, 40);

		tei_fail(t, n, "%s '%s' names no <when> of the timeline",
		    what, p);
		free(p);
		return -1;
	}
	return when_time(t, (size_t)j, sec);
}

void
tei_fail(struct tei_timeline *t, xmlNodePtr n, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	if (t->failed)
		return;
	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	diags_error(t->d, xmldom_line(n), 0, "%s", msg);
	free(msg);
	t->failed = 1;
}

void
tei_timeline_free(struct tei_timeline *t)
{
	free(t->w);
	free(t->stack);
	xmldom_ids_free(&t->ids);
	memset(t, 0, sizeof(*t));
}
