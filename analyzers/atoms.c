/* atoms.c -- the literals a PCRE2 pattern cannot match without (atoms.h).
 *
 * A recursive-descent reading of the PCRE2 syntax the rule files use.
 * Every node yields an info:
 *   EXACT  the node matches exactly one of a few short strings (maybe "");
 *   MATCH  every string the node matches contains one of the atoms;
 *   ANY    nothing is known (it may match any string, or the empty one).
 * Each step only ever forgets what a node requires, never invents a
 * requirement: an unknown construct is ANY or ends the analysis (bail),
 * a character whose case-folding could reach outside ASCII is ANY, and
 * a quantifier whose minimum is 0 makes its operand optional. So the
 * atoms found are a sound, possibly weak, necessary condition (RE2
 * re2/prefilter.cc, the Info of Exact / Match sets, same rules).
 *
 * Letters are lower-cased and the scan compares without ASCII case, a
 * superset of both caseless and case-sensitive matching.
 */
#include "config.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "atoms.h"
#include "util.h"

/* Bounds of an exact set (RE2 uses 16 strings too). */
#define EXACT_MAX	16
#define EXACT_LEN	48
/* Most options a character class may have and stay exact. */
#define CLASS_MAX	8

enum kind { EXACT, MATCH, ANY };

/* Clauses kept per node: the most selective ones. */
#define CLAUSE_MAX	6

struct info {
	enum kind	kind;
	struct atoms	set;	/* EXACT: the strings, maybe "" */
	struct atoms	cl[CLAUSE_MAX];	/* MATCH: every clause holds */
	size_t		ncl;
};

struct parser {
	const unsigned char	*p;
	int			 bail;
	int			 depth;
};

/* The punctuation a text may hold and still be judged by the prefilter
 * (prefilter.c): no case, so an atom holding one means those bytes. */
static int
is_mark(unsigned long c)
{
	return c == 0x2013 || c == 0x2014 || c == 0x2018 || c == 0x2019 ||
	    c == 0x201C || c == 0x201D || c == 0x2026;
}

void
atoms_free(struct atoms *a)
{
	for (size_t i = 0; i < a->n; i++)
		free(a->s[i]);
	free(a->s);
	free(a->len);
	memset(a, 0, sizeof(*a));
}

void
atoms_cnf_free(struct atoms_cnf *c)
{
	for (size_t i = 0; i < c->n; i++)
		atoms_free(&c->cl[i]);
	free(c->cl);
	memset(c, 0, sizeof(*c));
}

static int
set_has(const struct atoms *a, const char *s, size_t len)
{
	for (size_t i = 0; i < a->n; i++)
		if (a->len[i] == len && memcmp(a->s[i], s, len) == 0)
			return 1;
	return 0;
}

/* Add s (lower-cased) to a unless it is there. */
static void
set_add(struct atoms *a, const char *s, size_t len)
{
	size_t cap = a->cap;
	char *c;

	c = xmalloc(len + 1);
	for (size_t i = 0; i < len; i++)
		c[i] = (char)tolower((unsigned char)s[i]);
	c[len] = '\0';
	if (set_has(a, c, len)) {
		free(c);
		return;
	}
	a->s = xgrow(a->s, &a->cap, a->n + 1, sizeof(*a->s));
	a->len = xgrow(a->len, &cap, a->n + 1, sizeof(*a->len));
	a->s[a->n] = c;
	a->len[a->n++] = len;
}

static struct info
info_any(void)
{
	struct info x;

	memset(&x, 0, sizeof(x));
	x.kind = ANY;
	return x;
}

static struct info
info_exact1(const char *s, size_t len)
{
	struct info x = info_any();

	x.kind = EXACT;
	set_add(&x.set, s, len);
	return x;
}

static struct info
info_empty(void)
{
	return info_exact1("", 0);
}

static void
info_free(struct info *x)
{
	atoms_free(&x->set);
	for (size_t i = 0; i < x->ncl; i++)
		atoms_free(&x->cl[i]);
	*x = info_any();
}

/* How selective a clause is: its shortest atom, then fewer atoms. */
static int
clause_better(const struct atoms *a, const struct atoms *b)
{
	size_t ma = SIZE_MAX, mb = SIZE_MAX;

	for (size_t i = 0; i < a->n; i++)
		if (a->len[i] < ma)
			ma = a->len[i];
	for (size_t i = 0; i < b->n; i++)
		if (b->len[i] < mb)
			mb = b->len[i];
	if (ma != mb)
		return ma > mb;
	return a->n < b->n;
}

/* Add clause c (consumed) to the MATCH or ANY info x. When x holds
 * CLAUSE_MAX clauses the least selective is dropped: a conjunction
 * with one clause fewer is a weaker, still necessary, condition. */
static void
add_clause(struct info *x, struct atoms *c)
{
	size_t worst = 0;

	x->kind = MATCH;
	if (x->ncl < CLAUSE_MAX) {
		x->cl[x->ncl++] = *c;
		memset(c, 0, sizeof(*c));
		return;
	}
	for (size_t i = 1; i < x->ncl; i++)
		if (clause_better(&x->cl[worst], &x->cl[i]))
			worst = i;
	if (clause_better(c, &x->cl[worst])) {
		atoms_free(&x->cl[worst]);
		x->cl[worst] = *c;
		memset(c, 0, sizeof(*c));
	} else
		atoms_free(c);
}

/* x as clauses: an exact set holding "" requires nothing. */
static void
to_match(struct info *x)
{
	struct atoms set;

	if (x->kind != EXACT)
		return;
	set = x->set;
	memset(&x->set, 0, sizeof(x->set));
	x->kind = ANY;
	x->ncl = 0;
	if (set_has(&set, "", 0))
		atoms_free(&set);
	else
		add_clause(x, &set);
}

/* Every clause of m (consumed) into x: both must hold. */
static void
and_into(struct info *x, struct info *m)
{
	to_match(m);
	for (size_t i = 0; i < m->ncl; i++)
		add_clause(x, &m->cl[i]);
	m->ncl = 0;
	info_free(m);
}

/* The cross product of two exact sets, or 0 when it would be too big. */
static int
cross(struct info *acc, const struct info *c)
{
	struct atoms out = { 0 };
	char buf[2 * EXACT_LEN];

	if (acc->set.n * c->set.n > EXACT_MAX)
		return 0;
	for (size_t i = 0; i < acc->set.n; i++)
		for (size_t j = 0; j < c->set.n; j++)
			if (acc->set.len[i] + c->set.len[j] > EXACT_LEN)
				return 0;
	for (size_t i = 0; i < acc->set.n; i++)
		for (size_t j = 0; j < c->set.n; j++) {
			memcpy(buf, acc->set.s[i], acc->set.len[i]);
			memcpy(buf + acc->set.len[i], c->set.s[j],
			    c->set.len[j]);
			set_add(&out, buf, acc->set.len[i] + c->set.len[j]);
		}
	atoms_free(&acc->set);
	acc->set = out;
	return 1;
}

/* A concatenation being read: the exact run so far and the clauses of
 * the runs and items before it (all of which must hold). */
struct concat {
	struct info	acc, all;
	int		flushed;
};

static void
concat_push(struct concat *c, struct info *x)
{
	if (x->kind == EXACT && cross(&c->acc, x)) {
		info_free(x);
		return;
	}
	c->flushed = 1;
	and_into(&c->all, &c->acc);
	if (x->kind == EXACT) {
		c->acc = *x;
	} else {
		c->acc = info_empty();
		and_into(&c->all, x);
	}
	*x = info_any();
}

static struct info
concat_finish(struct concat *c)
{
	if (!c->flushed) {
		info_free(&c->all);
		return c->acc;
	}
	and_into(&c->all, &c->acc);
	return c->all;
}

/* The most selective clause of the MATCH info x, moved out. */
static struct atoms
take_best(struct info *x)
{
	size_t best = 0;
	struct atoms c;

	for (size_t i = 1; i < x->ncl; i++)
		if (clause_better(&x->cl[i], &x->cl[best]))
			best = i;
	c = x->cl[best];
	memset(&x->cl[best], 0, sizeof(x->cl[best]));
	return c;
}

/* a | b, both consumed. Of two conjunctions, (A1 & A2) | (B1 & B2)
 * implies (A1 | B1): one clause of each side, joined. */
static struct info
alternate(struct info a, struct info b)
{
	struct info x;
	struct atoms ca, cb;

	if (a.kind == EXACT && b.kind == EXACT) {
		size_t extra = 0;

		for (size_t i = 0; i < b.set.n; i++)
			if (!set_has(&a.set, b.set.s[i], b.set.len[i]))
				extra++;
		if (a.set.n + extra <= EXACT_MAX) {
			for (size_t i = 0; i < b.set.n; i++)
				set_add(&a.set, b.set.s[i], b.set.len[i]);
			info_free(&b);
			return a;
		}
	}
	to_match(&a);
	to_match(&b);
	if (a.ncl == 0 || b.ncl == 0) {
		info_free(&a);
		info_free(&b);
		return info_any();
	}
	ca = take_best(&a);
	cb = take_best(&b);
	for (size_t i = 0; i < cb.n; i++)
		set_add(&ca, cb.s[i], cb.len[i]);
	atoms_free(&cb);
	info_free(&a);
	info_free(&b);
	x = info_any();
	add_clause(&x, &ca);
	return x;
}

static struct info parse_alt(struct parser *ps);

/* Length of the UTF-8 sequence at p and its code point; 0 if invalid. */
static size_t
utf8_at(const unsigned char *p, unsigned long *cp)
{
	size_t n;

	if (p[0] < 0x80) {
		*cp = p[0];
		return 1;
	}
	n = (p[0] & 0xE0) == 0xC0 ? 2 : (p[0] & 0xF0) == 0xE0 ? 3 :
	    (p[0] & 0xF8) == 0xF0 ? 4 : 0;
	if (n == 0)
		return 0;
	*cp = p[0] & (0x7F >> n);
	for (size_t i = 1; i < n; i++) {
		if ((p[i] & 0xC0) != 0x80)
			return 0;
		*cp = (*cp << 6) | (p[i] & 0x3F);
	}
	return n;
}

/* \x escape after the 'x': its code point, or -1 on bad syntax. */
static long
hex_escape(struct parser *ps)
{
	long c = 0;
	int n = 0;

	if (*ps->p == '{') {
		for (ps->p++; *ps->p != '}'; ps->p++, n++) {
			if (!isxdigit(*ps->p) || n >= 8)
				return -1;
			c = c * 16 + (isdigit(*ps->p) ? *ps->p - '0' :
			    tolower(*ps->p) - 'a' + 10);
		}
		ps->p++;
		return c;
	}
	for (; n < 2 && isxdigit(*ps->p); ps->p++, n++)
		c = c * 16 + (isdigit(*ps->p) ? *ps->p - '0' :
		    tolower(*ps->p) - 'a' + 10);
	return c;
}

/* Skip a {...} argument (\p{..}, \N{..}, \o{..}, \g{..}); 0 if absent. */
static int
skip_braces(struct parser *ps)
{
	if (*ps->p != '{')
		return 0;
	while (*ps->p != '\0' && *ps->p != '}')
		ps->p++;
	if (*ps->p == '}')
		ps->p++;
	else
		ps->bail = 1;
	return 1;
}

/* One character class element after '[' (or inside it): adds its
 * character to opt, or sets *any when it stands for many or is unknown.
 * Returns 0 when the pattern ends (or on bad syntax). */
static int
class_elem(struct parser *ps, struct atoms *opt, int *any)
{
	const unsigned char *p = ps->p;
	unsigned long cp;
	size_t n;
	char c;

	if (*p == '\0')
		return 0;
	if (*p == '[' && p[1] == ':') {
		const char *e = strstr((const char *)p + 2, ":]");

		if (e == NULL)
			return ps->bail = 1, 0;
		ps->p = (const unsigned char *)e + 2;
		*any = 1;
		return 1;
	}
	if (*p == '\\') {
		p++;
		ps->p = p + 1;
		switch (*p) {
		case '\0':
			return ps->bail = 1, 0;
		case 'x': {
			long v = hex_escape(ps);

			if (v < 0)
				return ps->bail = 1, 0;
			if (v < 0x80) {
				c = (char)v;
				set_add(opt, &c, 1);
			} else
				*any = 1;
			return 1;
		}
		case 'n': c = '\n'; break;
		case 't': c = '\t'; break;
		case 'r': c = '\r'; break;
		case 'f': c = '\f'; break;
		case 'e': c = 0x1b; break;
		case 'a': c = 0x07; break;
		case 'b': c = 0x08; break;
		case 'p': case 'P': case 'N': case 'o':
			if (!skip_braces(ps) && (*p == 'p' || *p == 'P') &&
			    *ps->p != '\0')
				ps->p++;
			*any = 1;
			return 1;
		default:
			if (isalnum(*p)) {
				*any = 1;	/* \d \s \w \h \v ... */
				return 1;
			}
			c = (char)*p;
			break;
		}
		set_add(opt, &c, 1);
		return 1;
	}
	if ((n = utf8_at(p, &cp)) == 0)
		return ps->bail = 1, 0;
	ps->p = p + n;
	if (n > 1 && !is_mark(cp))
		*any = 1;
	else
		set_add(opt, (const char *)p, n);
	return 1;
}

static struct info
parse_class(struct parser *ps)
{
	struct atoms opt = { 0 };
	int neg = 0, any = 0, first = 1;
	struct info x;

	if (*ps->p == '^') {
		neg = 1;
		ps->p++;
	}
	for (;;) {
		if (*ps->p == ']' && !first)
			break;
		if (*ps->p == ']' && first) {
			set_add(&opt, "]", 1);
			ps->p++;
		} else if (!class_elem(ps, &opt, &any))
			break;
		first = 0;
		/* A range: many characters, and case could fold them. */
		if (ps->p[0] == '-' && ps->p[1] != ']' && ps->p[1] != '\0') {
			struct atoms junk = { 0 };
			int j = 0;

			ps->p++;
			(void)class_elem(ps, &junk, &j);
			atoms_free(&junk);
			any = 1;
		}
	}
	if (*ps->p != ']' || ps->bail) {
		atoms_free(&opt);
		ps->bail = 1;
		return info_any();
	}
	ps->p++;
	if (neg || any || opt.n > CLASS_MAX || opt.n == 0) {
		atoms_free(&opt);
		return info_any();
	}
	x = info_any();
	x.kind = EXACT;
	x.set = opt;
	return x;
}

/* An escape outside a class, after the backslash. */
static struct info
parse_escape(struct parser *ps)
{
	unsigned char e = *ps->p;
	char c;

	if (e == '\0') {
		ps->bail = 1;
		return info_any();
	}
	ps->p++;
	switch (e) {
	case 'b': case 'B': case 'A': case 'z': case 'Z': case 'G': case 'K':
	case 'E':
		return info_empty();	/* zero width */
	case 'd': case 'D': case 's': case 'S': case 'w': case 'W': case 'h':
	case 'H': case 'v': case 'V': case 'R': case 'X': case 'C':
		return info_any();
	case 'N': case 'o':
		(void)skip_braces(ps);
		return info_any();
	case 'p': case 'P':
		if (!skip_braces(ps) && *ps->p != '\0')
			ps->p++;
		return info_any();
	case 'c':
		if (*ps->p != '\0')
			ps->p++;
		return info_any();
	case 'g': case 'k':
		/* A backreference or subroutine call: skip its name. */
		if (*ps->p == '{' || *ps->p == '<' || *ps->p == '\'') {
			unsigned char close = *ps->p == '{' ? '}' :
			    *ps->p == '<' ? '>' : '\'';

			while (*ps->p != '\0' && *ps->p != close)
				ps->p++;
			if (*ps->p == '\0')
				ps->bail = 1;
			else
				ps->p++;
		} else {
			if (*ps->p == '-' || *ps->p == '+')
				ps->p++;
			while (isdigit(*ps->p))
				ps->p++;
		}
		return info_any();
	case 'Q':
		/* Quoted text: rare in rules; requiring nothing is safe. */
		while (*ps->p != '\0' && !(ps->p[0] == '\\' && ps->p[1] == 'E'))
			ps->p++;
		if (*ps->p != '\0')
			ps->p += 2;
		return info_any();
	case 'x': {
		long v = hex_escape(ps);

		if (v < 0) {
			ps->bail = 1;
			return info_any();
		}
		if (v >= 0x80)
			return info_any();
		c = (char)v;
		return info_exact1(&c, 1);
	}
	case 'n': c = '\n'; break;
	case 't': c = '\t'; break;
	case 'r': c = '\r'; break;
	case 'f': c = '\f'; break;
	case 'e': c = 0x1b; break;
	case 'a': c = 0x07; break;
	default:
		if (isdigit(e)) {	/* backreference or octal */
			while (isdigit(*ps->p))
				ps->p++;
			return info_any();
		}
		if (isalnum(e)) {	/* an escape we do not know */
			ps->bail = 1;
			return info_any();
		}
		c = (char)e;
		break;
	}
	return info_exact1(&c, 1);
}

/* After "(": a group, a lookaround, inline options or a comment. */
static struct info
parse_group(struct parser *ps)
{
	const unsigned char *p = ps->p;
	int zero = 0;
	struct info x;

	if (*p == '*') {		/* (*VERB) */
		ps->bail = 1;
		return info_any();
	}
	if (*p == '?') {
		p++;
		if (*p == ':' || *p == '>' || *p == '|')
			p++;
		else if (*p == '=' || *p == '!') {
			p++;
			zero = 1;
		} else if (*p == '<' && (p[1] == '=' || p[1] == '!')) {
			p += 2;
			zero = 1;
		} else if (*p == '<' || (*p == 'P' && p[1] == '<') ||
		    *p == '\'') {
			unsigned char close = *p == '\'' ? '\'' : '>';

			while (*p != '\0' && *p != close)
				p++;
			if (*p == '\0') {
				ps->bail = 1;
				return info_any();
			}
			p++;
		} else if (*p == '#') {
			while (*p != '\0' && *p != ')')
				p++;
			if (*p == '\0') {
				ps->bail = 1;
				return info_any();
			}
			ps->p = p + 1;
			return info_empty();
		} else {
			/* Option letters: (?i) (?-i) (?i:...). Extended
			 * syntax (x) changes how the rest reads: give up. */
			while (*p != '\0' && strchr("imnsJU-^", *p) != NULL)
				p++;
			if (*p == ')') {
				ps->p = p + 1;
				return info_empty();
			}
			if (*p != ':') {
				ps->bail = 1;
				return info_any();
			}
			p++;
		}
	}
	ps->p = p;
	if (++ps->depth > 200) {
		ps->bail = 1;
		return info_any();
	}
	x = parse_alt(ps);
	ps->depth--;
	if (*ps->p != ')') {
		ps->bail = 1;
		info_free(&x);
		return info_any();
	}
	ps->p++;
	if (zero) {
		info_free(&x);
		return info_empty();
	}
	return x;
}

static struct info
parse_atom(struct parser *ps)
{
	const unsigned char *p = ps->p;
	unsigned long cp;
	size_t n;

	switch (*p) {
	case '(':
		ps->p++;
		return parse_group(ps);
	case '[':
		ps->p++;
		return parse_class(ps);
	case '\\':
		ps->p++;
		return parse_escape(ps);
	case '.':
		ps->p++;
		return info_any();
	case '^': case '$':
		ps->p++;
		return info_empty();
	case '*': case '+': case '?':
		ps->bail = 1;		/* a quantifier with nothing before */
		return info_any();
	}
	if ((n = utf8_at(p, &cp)) == 0) {
		ps->bail = 1;
		return info_any();
	}
	ps->p += n;
	if (n > 1 && !is_mark(cp))
		return info_any();	/* its case could fold to ASCII */
	return info_exact1((const char *)p, n);
}

/* A quantifier at ps->p: sets *min (0 when unsure) and returns 1. A '{'
 * that PCRE2 may read as a quantifier, in any version, counts as one
 * with minimum 0: reading a literal '{' as that only forgets. */
static int
quantifier(struct parser *ps, unsigned long *min, int *max1)
{
	const unsigned char *p = ps->p;

	*max1 = 0;
	switch (*p) {
	case '*':
		*min = 0;
		break;
	case '+':
		*min = 1;
		break;
	case '?':
		*min = 0;
		*max1 = 1;
		break;
	case '{': {
		const unsigned char *q = p + 1;
		int strict = isdigit(*q);

		while (isdigit(*q) || *q == ',' || *q == ' ')
			q++;
		if (*q != '}' || q == p + 1)
			return 0;
		*min = 0;
		if (strict) {
			const unsigned char *d = p + 1;

			for (*min = 0; isdigit(*d); d++)
				*min = *min > 1000 ? *min : *min * 10 +
				    (unsigned long)(*d - '0');
			if (*d != ',' && *d != '}')
				*min = 0;
			for (const unsigned char *s = p + 1; s < q; s++)
				if (*s == ' ')
					*min = 0;
		}
		ps->p = q + 1;
		goto lazy;
	}
	default:
		return 0;
	}
	ps->p = p + 1;
lazy:
	if (*ps->p == '?' || *ps->p == '+')	/* lazy, possessive */
		ps->p++;
	return 1;
}

static struct info
parse_quantified(struct parser *ps)
{
	struct info x = parse_atom(ps);
	unsigned long min;
	int max1;

	while (!ps->bail && quantifier(ps, &min, &max1)) {
		if (min >= 1) {
			to_match(&x);
			continue;
		}
		if (max1 && x.kind == EXACT && !set_has(&x.set, "", 0) &&
		    x.set.n < EXACT_MAX) {
			set_add(&x.set, "", 0);
			continue;
		}
		if (!(max1 && x.kind == EXACT && set_has(&x.set, "", 0))) {
			info_free(&x);
			x = info_any();
		}
	}
	return x;
}

static struct info
parse_concat(struct parser *ps)
{
	struct concat c;

	c.acc = info_empty();
	c.all = info_any();
	c.flushed = 0;
	while (!ps->bail && *ps->p != '\0' && *ps->p != '|' && *ps->p != ')') {
		struct info x = parse_quantified(ps);

		concat_push(&c, &x);
	}
	return concat_finish(&c);
}

static struct info
parse_alt(struct parser *ps)
{
	struct info x = parse_concat(ps);

	while (!ps->bail && *ps->p == '|') {
		ps->p++;
		x = alternate(x, parse_concat(ps));
	}
	return x;
}

int
atoms_of(const char *src, struct atoms_cnf *out)
{
	struct parser ps = { (const unsigned char *)src, 0, 0 };
	struct info x = parse_alt(&ps);

	memset(out, 0, sizeof(*out));
	if (ps.bail || *ps.p != '\0') {
		info_free(&x);
		return 0;
	}
	to_match(&x);
	if (x.ncl == 0) {
		info_free(&x);
		return 0;
	}
	out->cl = xcalloc(x.ncl, sizeof(*out->cl));
	for (size_t i = 0; i < x.ncl; i++) {
		out->cl[i] = x.cl[i];
		memset(&x.cl[i], 0, sizeof(x.cl[i]));
	}
	out->n = x.ncl;
	x.ncl = 0;
	info_free(&x);
	return 1;
}
