/* roles.c -- speaker role lists (roles.h). */
#include "config.h"

#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>

#include "roles.h"
#include "session.h"
#include "util.h"

/* The next item of spec from *p: its text unescaped in b. Returns 0 at
 * the end of spec. */
static int
next_item(const char **p, strbuf *b)
{
	const char *s = *p;

	strbuf_reset(b);
	if (*s == '\0')
		return 0;
	for (; *s != '\0' && *s != ','; s++) {
		if (*s == '\\' && (s[1] == ',' || s[1] == '=' || s[1] == '\\')) {
			/* Keep the escape for '=' so the split below sees it. */
			if (s[1] == '=')
				strbuf_addc(b, '\\');
			s++;
		}
		strbuf_addc(b, *s);
	}
	*p = *s == ',' ? s + 1 : s;
	if (b->s == NULL)
		strbuf_adds(b, "");
	return 1;
}

/* Trim spaces at both ends of s in place. */
static char *
trim(char *s)
{
	size_t n;

	while (*s == ' ' || *s == '\t')
		s++;
	n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		s[--n] = '\0';
	return s;
}

int
roles_parse(struct roles *r, const char *spec, char **why)
{
	strbuf b = { 0 };
	const char *p = spec;
	int rc = 0;

	while (rc == 0 && next_item(&p, &b)) {
		char *item = b.s, *eq = NULL, *pat, *role, *o;
		int k;

		/* The last unescaped '=' splits; "\=" stays in the pattern. */
		for (char *q = item; *q != '\0'; q++)
			if (*q == '\\' && q[1] == '=')
				q++;
			else if (*q == '=')
				eq = q;
		if (eq == NULL) {
			*why = xasprintf("'%s' is not PATTERN=ROLE", item);
			rc = -1;
			break;
		}
		*eq = '\0';
		/* Drop the escapes left for '='. */
		for (o = item, pat = item; *pat != '\0'; pat++) {
			if (*pat == '\\' && pat[1] == '=')
				pat++;
			*o++ = *pat;
		}
		*o = '\0';
		pat = trim(item);
		role = trim(eq + 1);
		if (*pat == '\0') {
			*why = xasprintf("empty speaker pattern before '=%s'",
			    role);
			rc = -1;
		} else if ((k = session_role_parse(role)) < 0) {
			*why = xasprintf("'%s' is not a role (therapist, client, "
			    "caregiver, family, interpreter, other)", role);
			rc = -1;
		} else {
			r->v = xgrow(r->v, &r->cap, r->n + 1, sizeof(*r->v));
			r->v[r->n].pattern = xstrdup(pat);
			r->v[r->n++].role = k;
		}
	}
	strbuf_free(&b);
	return rc;
}

int
roles_match(const struct roles *r, const char *label, size_t n)
{
	char *l;
	int role = -1;

	while (n > 0 && (*label == ' ' || *label == '\t'))
		label++, n--;
	while (n > 0 && (label[n - 1] == ' ' || label[n - 1] == '\t'))
		n--;
	l = xstrndup(label, n);
	for (size_t i = 0; r != NULL && i < r->n && role < 0; i++)
		if (fnmatch(r->v[i].pattern, l, FNM_CASEFOLD) == 0)
			role = r->v[i].role;
	free(l);
	return role;
}

void
roles_free(struct roles *r)
{
	for (size_t i = 0; i < r->n; i++)
		free(r->v[i].pattern);
	free(r->v);
	memset(r, 0, sizeof(*r));
}
