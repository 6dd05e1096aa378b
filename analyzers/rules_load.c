/* rules_load.c -- rule files: parse them and compile them with PCRE2 JIT.
 *
 * The file format (analyzers/README.md) is line based: a stanza starts with
 * "rule NAME" and holds "key value" lines; a "lexicon TAG" block holds
 * "TERM | PLAIN [| REGEX]" lines, one jargon rule each. Patterns are
 * collected per stanza and compiled when the stanza ends, so the order of
 * keys inside a stanza does not matter.
 */
#include "config.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rules.h"
#include "rules_internal.h"
#include "sha256.h"
#include "tags.h"
#include "util.h"

/* ---- errors ---- */

void
rules_errors_add(struct rules_errors *e, const char *fmt, ...)
{
	va_list ap;

	e->msgs = xgrow(e->msgs, &e->cap, e->n + 1, sizeof(*e->msgs));
	va_start(ap, fmt);
	e->msgs[e->n++] = xvasprintf(fmt, ap);
	va_end(ap);
}

char *
rules_errors_join(const struct rules_errors *e)
{
	strbuf b = { 0 };

	if (e->n == 0)
		return NULL;
	for (size_t i = 0; i < e->n; i++) {
		if (i > 0)
			strbuf_addc(&b, '\n');
		strbuf_adds(&b, e->msgs[i]);
	}
	return strbuf_release(&b);
}

void
rules_errors_free(struct rules_errors *e)
{
	for (size_t i = 0; i < e->n; i++)
		free(e->msgs[i]);
	free(e->msgs);
	e->msgs = NULL;
	e->n = e->cap = 0;
}

/* ---- parsing ---- */

struct pending_pat {
	char	*src;
	long	 line;
	int	 unless;
};

/* A stanza being read. */
struct stanza {
	int			 open;
	struct rules_rule	 r;
	char			*tagname;
	long			 tagline;
	struct pending_pat	*pats;
	size_t			 npats, pats_cap;
	size_t			 ex_cap;
	int			 broken;	/* an error was reported */
	int			 lexicon;	/* built from a lexicon line */
	int			 side_set;	/* a "side" line was read */
};

struct loader {
	rules_set		*rs;
	struct rules_errors	*errs;
	const char		*file;
	int			 origin;
	struct stanza		 st;
	char			*lexicon_tag;	/* inside a lexicon block */
	long			 lexicon_line;
	int			 no_jit;	/* $RAPPORT_NO_JIT is set */
};

static void
rule_clear(struct rules_rule *r)
{
	free(r->name);
	free(r->file);
	for (size_t i = 0; i < r->npats; i++) {
		pcre2_code_free(r->pats[i]);
		free(r->pat_src[i]);
	}
	free(r->pats);
	free(r->pat_src);
	for (size_t i = 0; i < r->nunless; i++)
		pcre2_code_free(r->unless[i]);
	free(r->unless);
	free(r->term);
	free(r->plain);
	for (size_t i = 0; i < r->nexamples; i++)
		free(r->examples[i].text);
	free(r->examples);
	memset(r, 0, sizeof(*r));
}

static void
stanza_clear(struct stanza *st)
{
	rule_clear(&st->r);
	free(st->tagname);
	for (size_t i = 0; i < st->npats; i++)
		free(st->pats[i].src);
	free(st->pats);
	memset(st, 0, sizeof(*st));
}

static void
lerr(struct loader *ld, long line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
lerr(struct loader *ld, long line, const char *fmt, ...)
{
	va_list ap;
	char *m;

	va_start(ap, fmt);
	m = xvasprintf(fmt, ap);
	va_end(ap);
	rules_errors_add(ld->errs, "%s:%ld: %s", ld->file, line, m);
	free(m);
	if (ld->st.open)
		ld->st.broken = 1;
}

static int
valid_name(const char *s)
{
	if (*s == '\0')
		return 0;
	for (; *s != '\0'; s++)
		if (!(islower((unsigned char)*s) || isdigit((unsigned char)*s) ||
		    *s == '.' || *s == '-' || *s == '_'))
			return 0;
	return 1;
}

static void
add_pattern(struct stanza *st, const char *src, long line, int unless)
{
	st->pats = xgrow(st->pats, &st->pats_cap, st->npats + 1,
	    sizeof(*st->pats));
	st->pats[st->npats].src = xstrdup(src);
	st->pats[st->npats].line = line;
	st->pats[st->npats].unless = unless;
	st->npats++;
}

static void
add_example(struct stanza *st, int positive, const char *text, long line)
{
	struct rules_example *ex;

	st->r.examples = xgrow(st->r.examples, &st->ex_cap,
	    st->r.nexamples + 1, sizeof(*st->r.examples));
	ex = &st->r.examples[st->r.nexamples++];
	ex->positive = positive;
	ex->text = xstrdup(text);
	ex->line = line;
}

/*
 * Transcripts spell the apostrophe both as ' and as U+2019 (’). So that a
 * rule writer need not remember, an ASCII apostrophe in a pattern matches
 * either: outside a character class ' becomes ['’], inside one ’ is added
 * next to it. The error offsets PCRE2 reports then refer to the rewritten
 * pattern, which differs only after an apostrophe.
 */
static void
apostrophes(strbuf *b, const char *src)
{
	int in_class = 0;

	strbuf_add(b, "", 0);
	for (const char *p = src; *p != '\0'; p++) {
		if (*p == '\\' && p[1] != '\0') {
			strbuf_add(b, p, 2);
			p++;
		} else if (*p == '[' && !in_class) {
			in_class = 1;
			strbuf_addc(b, *p);
			/* A ']' right after '[' or '[^' is a literal. */
			if (p[1] == '^') {
				strbuf_addc(b, *++p);
			}
			if (p[1] == ']')
				strbuf_addc(b, *++p);
		} else if (*p == ']' && in_class) {
			in_class = 0;
			strbuf_addc(b, *p);
		} else if (*p == '\'') {
			strbuf_adds(b, in_class ? "'\xe2\x80\x99" :
			    "['\xe2\x80\x99]");
		} else
			strbuf_addc(b, *p);
	}
}

/* Compile src; *as_compiled gets the rewritten source (the caller frees
 * it) when as_compiled is not NULL and the pattern compiled. */
static pcre2_code *
compile(struct loader *ld, const char *src, long line, int caseless,
    char **as_compiled)
{
	int err;
	PCRE2_SIZE off;
	uint32_t opts = PCRE2_UTF | PCRE2_UCP | (caseless ? PCRE2_CASELESS : 0);
	pcre2_code *re;
	uint32_t caps = 0;
	strbuf b = { 0 };

	apostrophes(&b, src);
	re = pcre2_compile((PCRE2_SPTR)b.s, b.len, opts, &err, &off, NULL);
	if (re != NULL && as_compiled != NULL)
		*as_compiled = strbuf_release(&b);
	strbuf_free(&b);
	if (re == NULL) {
		PCRE2_UCHAR msg[256];

		pcre2_get_error_message(err, msg, sizeof(msg));
		lerr(ld, line, "bad pattern at offset %zu: %s", (size_t)off,
		    (char *)msg);
		return NULL;
	}
	/* JIT is an optimisation: without it (unsupported CPU, or
	 * RAPPORT_NO_JIT set because valgrind cannot follow JIT code and
	 * reports false errors in it) pcre2_match interprets the pattern
	 * under the same limits, with the same results. */
	if (!ld->no_jit)
		(void)pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
	if (pcre2_pattern_info(re, PCRE2_INFO_CAPTURECOUNT, &caps) == 0 &&
	    caps + 1 > ld->rs->max_pairs)
		ld->rs->max_pairs = caps + 1;
	return re;
}

static long
find_rule(const rules_set *rs, const char *name)
{
	for (size_t i = 0; i < rs->n; i++)
		if (strcmp(rs->rules[i].name, name) == 0)
			return (long)i;
	return -1;
}

/* Close the open stanza: validate, compile, add to the set. */
static void
stanza_finish(struct loader *ld)
{
	struct stanza *st = &ld->st;
	struct rules_rule *r = &st->r;
	int npos = 0, nneg = 0;
	long at;

	if (!st->open)
		return;
	if (st->tagname == NULL)
		lerr(ld, r->line, "rule %s: no tag", r->name);
	else {
		r->tag = tags_lookup(st->tagname, strlen(st->tagname));
		if (r->tag < 0)
			lerr(ld, st->tagline, "rule %s: unknown tag '%s'",
			    r->name, st->tagname);
		else if (!st->side_set) {
			size_t nv;

			r->side = tags_all(&nv)[r->tag].side;
		}
		if (r->tag == TAG_JARGON &&
		    (r->term == NULL || r->plain == NULL))
			lerr(ld, r->line, "rule %s: a jargon rule needs term "
			    "and plain", r->name);
		if (r->tag >= 0 && r->tag != TAG_JARGON &&
		    (r->term != NULL || r->plain != NULL))
			lerr(ld, r->line, "rule %s: term and plain are for "
			    "jargon rules only", r->name);
	}
	for (size_t i = 0; i < st->npats; i++) {
		char *as = NULL;
		pcre2_code *re = compile(ld, st->pats[i].src, st->pats[i].line,
		    r->caseless, st->pats[i].unless ? NULL : &as);

		if (re == NULL)
			continue;
		if (st->pats[i].unless) {
			r->unless = xrealloc(r->unless,
			    (r->nunless + 1) * sizeof(*r->unless));
			r->unless[r->nunless++] = re;
		} else {
			r->pats = xrealloc(r->pats,
			    (r->npats + 1) * sizeof(*r->pats));
			r->pat_src = xrealloc(r->pat_src,
			    (r->npats + 1) * sizeof(*r->pat_src));
			r->pat_src[r->npats] = as;
			r->pats[r->npats++] = re;
		}
	}
	if (r->npats == 0 && !st->broken)
		lerr(ld, r->line, "rule %s: no pattern", r->name);
	for (size_t i = 0; i < r->nexamples; i++) {
		if (r->examples[i].positive)
			npos++;
		else
			nneg++;
	}
	if (npos == 0)
		lerr(ld, r->line, "rule %s: missing example (needs at least "
		    "one 'example +')", r->name);
	if (nneg == 0)
		lerr(ld, r->line, "rule %s: missing example (needs at least "
		    "one 'example -')", r->name);

	at = find_rule(ld->rs, r->name);
	if (at >= 0 && ld->rs->origin[at] == ld->origin) {
		lerr(ld, r->line, "rule %s: duplicate name (first at %s:%ld)",
		    r->name, ld->rs->rules[at].file, ld->rs->rules[at].line);
	}
	if (st->broken) {
		stanza_clear(st);
		return;
	}
	if (at >= 0) {
		/* An extra rule replaces the bundled one of the same name,
		 * in place, so load order stays stable. */
		rule_clear(&ld->rs->rules[at]);
		ld->rs->rules[at] = *r;
		ld->rs->origin[at] = (unsigned char)ld->origin;
	} else {
		rules_set *rs = ld->rs;

		rs->rules = xgrow(rs->rules, &rs->cap, rs->n + 1,
		    sizeof(*rs->rules));
		rs->origin = xgrow(rs->origin, &rs->origin_cap, rs->n + 1, 1);
		rs->rules[rs->n] = *r;
		rs->origin[rs->n] = (unsigned char)ld->origin;
		rs->n++;
	}
	memset(r, 0, sizeof(*r));
	stanza_clear(st);
}

static void
stanza_start(struct loader *ld, const char *name, long line)
{
	struct stanza *st = &ld->st;

	stanza_finish(ld);
	memset(st, 0, sizeof(*st));
	st->open = 1;
	st->r.name = xstrdup(name);
	st->r.file = xstrdup(ld->file);
	st->r.line = line;
	st->r.side = SIDE_ANY;
	st->r.caseless = 1;
	st->r.tag = -1;
	if (!valid_name(name))
		lerr(ld, line, "rule name '%s' must be lower-case letters, "
		    "digits, '.', '-' or '_'", name);
}

/* Append src to b escaped for a PCRE2 pattern, spaces and hyphens made
 * flexible ("follow-up" matches "follow up" and "follow-up"). */
static void
escape_term(strbuf *b, const char *src)
{
	for (const char *p = src; *p != '\0'; p++) {
		if (*p == ' ' || *p == '-') {
			while (p[1] == ' ' || p[1] == '-')
				p++;
			strbuf_adds(b, "[\\s\\-]+");
		} else if (strchr("\\^$.|?*+()[]{}", *p) != NULL) {
			strbuf_addc(b, '\\');
			strbuf_addc(b, *p);
		} else
			strbuf_addc(b, *p);
	}
}

static char *
trim(char *s)
{
	char *e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
		*--e = '\0';
	return s;
}

/* One "TERM | PLAIN [| REGEX]" line of a lexicon block: a whole rule. */
static void
lexicon_line(struct loader *ld, char *line, long lineno)
{
	char *f[3] = { NULL, NULL, NULL };
	int nf = 0, upper = 0, lower = 0;
	strbuf name = { 0 }, pat = { 0 }, ex = { 0 };
	char *p = line, *bar;
	const char *t;

	while (nf < 3) {
		bar = strchr(p, '|');
		if (bar != NULL && nf < 2)
			*bar = '\0';
		f[nf++] = trim(p);
		if (bar == NULL || nf == 3)
			break;
		p = bar + 1;
	}
	if (nf < 2 || *f[0] == '\0' || *f[1] == '\0') {
		rules_errors_add(ld->errs, "%s:%ld: lexicon line must be "
		    "'TERM | PLAIN [| PATTERN]'", ld->file, lineno);
		return;
	}
	strbuf_adds(&name, ld->lexicon_tag);
	strbuf_addc(&name, '.');
	for (t = f[0]; *t != '\0'; t++) {
		unsigned char c = (unsigned char)*t;

		if (isalnum(c))
			strbuf_addc(&name, (char)tolower(c));
		else if (name.len > 0 && name.s[name.len - 1] != '-')
			strbuf_addc(&name, '-');
		if (isupper(c))
			upper++;
		else if (islower(c))
			lower++;
	}
	while (name.len > 0 && name.s[name.len - 1] == '-')
		name.s[--name.len] = '\0';
	stanza_start(ld, name.s, lineno);
	ld->st.lexicon = 1;
	ld->st.tagname = xstrdup(ld->lexicon_tag);
	ld->st.tagline = lineno;
	ld->st.r.term = xstrdup(f[0]);
	ld->st.r.plain = xstrdup(f[1]);
	/* An acronym (upper case only: "CBT", "ADHD") matches its case
	 * exactly, so "ADD" does not flag "add". */
	ld->st.r.caseless = !(upper >= 2 && lower == 0);
	if (nf == 3 && *f[2] != '\0')
		add_pattern(&ld->st, f[2], lineno, 0);
	else {
		ld->st.r.from_term = 1;
		unsigned char last = (unsigned char)f[0][strlen(f[0]) - 1];

		if (isalnum((unsigned char)f[0][0]))
			strbuf_adds(&pat, "\\b");
		escape_term(&pat, f[0]);
		if (isalpha(last))
			strbuf_adds(&pat, lower > 0 ? "(?:e?s)?" : "s?");
		if (isalnum(last))
			strbuf_adds(&pat, "\\b");
		add_pattern(&ld->st, pat.s, lineno, 0);
	}
	/* The generated examples double as a check of the lexicon entry: the
	 * plain alternative must not itself be flagged by the rule. */
	strbuf_addf(&ex, "We could talk about %s today.", f[0]);
	add_example(&ld->st, 1, ex.s, lineno);
	strbuf_reset(&ex);
	strbuf_addf(&ex, "We could talk about %s today.", f[1]);
	add_example(&ld->st, 0, ex.s, lineno);
	stanza_finish(ld);
	strbuf_free(&name);
	strbuf_free(&pat);
	strbuf_free(&ex);
}

static void
parse_line(struct loader *ld, char *line, long lineno)
{
	struct stanza *st = &ld->st;
	char *key = line, *val;

	if (ld->lexicon_tag != NULL && strncmp(line, "rule ", 5) != 0 &&
	    strncmp(line, "rule\t", 5) != 0 && strncmp(line, "lexicon", 7) != 0) {
		lexicon_line(ld, line, lineno);
		return;
	}
	val = line;
	while (*val != '\0' && *val != ' ' && *val != '\t')
		val++;
	if (*val != '\0')
		*val++ = '\0';
	val = trim(val);

	if (strcmp(key, "rule") == 0) {
		free(ld->lexicon_tag);
		ld->lexicon_tag = NULL;
		if (*val == '\0') {
			stanza_finish(ld);
			rules_errors_add(ld->errs, "%s:%ld: rule needs a name",
			    ld->file, lineno);
			return;
		}
		stanza_start(ld, val, lineno);
		return;
	}
	if (strcmp(key, "lexicon") == 0) {
		stanza_finish(ld);
		free(ld->lexicon_tag);
		ld->lexicon_tag = NULL;
		if (tags_lookup(val, strlen(val)) < 0) {
			rules_errors_add(ld->errs, "%s:%ld: lexicon: unknown tag "
			    "'%s'", ld->file, lineno, val);
			ld->lexicon_tag = xstrdup("jargon");
		} else
			ld->lexicon_tag = xstrdup(val);
		ld->lexicon_line = lineno;
		return;
	}
	if (!st->open) {
		rules_errors_add(ld->errs, "%s:%ld: '%s' outside a rule (start "
		    "a stanza with 'rule NAME')", ld->file, lineno, key);
		return;
	}
	if (*val == '\0') {
		lerr(ld, lineno, "'%s' needs a value", key);
		return;
	}
	if (strcmp(key, "tag") == 0) {
		free(st->tagname);
		st->tagname = xstrdup(val);
		st->tagline = lineno;
	} else if (strcmp(key, "side") == 0) {
		st->side_set = 1;
		if (strcmp(val, "therapist") == 0)
			st->r.side = SIDE_THERAPIST;
		else if (strcmp(val, "client") == 0)
			st->r.side = SIDE_CLIENT;
		else if (strcmp(val, "any") == 0)
			st->r.side = SIDE_ANY;
		else
			lerr(ld, lineno, "side must be therapist, client or "
			    "any, not '%s'", val);
	} else if (strcmp(key, "pattern") == 0) {
		add_pattern(st, val, lineno, 0);
	} else if (strcmp(key, "unless") == 0) {
		add_pattern(st, val, lineno, 1);
	} else if (strcmp(key, "when") == 0) {
		if (strcmp(val, "question") == 0)
			st->r.mood = RULES_MOOD_QUESTION;
		else if (strcmp(val, "statement") == 0)
			st->r.mood = RULES_MOOD_STATEMENT;
		else if (strcmp(val, "previous client") == 0)
			st->r.prev = RULES_PREV_CLIENT;
		else if (strcmp(val, "previous therapist") == 0)
			st->r.prev = RULES_PREV_THERAPIST;
		else if (strcmp(val, "previous other") == 0)
			st->r.prev = RULES_PREV_OTHER;
		else if (strcmp(val, "previous none") == 0 ||
		    strcmp(val, "first") == 0)
			st->r.prev = RULES_PREV_NONE;
		else
			lerr(ld, lineno, "unknown condition 'when %s' (use "
			    "question, statement, first or previous "
			    "client|therapist|other|none)", val);
	} else if (strcmp(key, "caseless") == 0) {
		if (strcmp(val, "yes") == 0)
			st->r.caseless = 1;
		else if (strcmp(val, "no") == 0)
			st->r.caseless = 0;
		else
			lerr(ld, lineno, "caseless must be yes or no");
	} else if (strcmp(key, "term") == 0) {
		free(st->r.term);
		st->r.term = xstrdup(val);
	} else if (strcmp(key, "plain") == 0) {
		free(st->r.plain);
		st->r.plain = xstrdup(val);
	} else if (strcmp(key, "example") == 0) {
		if ((val[0] == '+' || val[0] == '-') &&
		    (val[1] == ' ' || val[1] == '\t') && *trim(val + 2) != '\0')
			add_example(st, val[0] == '+', trim(val + 2), lineno);
		else
			lerr(ld, lineno, "example must be '+ TEXT' (must fire) "
			    "or '- TEXT' (must not)");
	} else
		lerr(ld, lineno, "unknown key '%s'", key);
}

/* Parse one file's bytes into ld->rs. */
static void
parse_file(struct loader *ld, char *buf, size_t len)
{
	char *p = buf, *end = buf + len;
	long lineno = 0;

	if (!utf8_valid(buf, len)) {
		rules_errors_add(ld->errs, "%s:1: not valid UTF-8", ld->file);
		return;
	}
	while (p < end) {
		char *nl = memchr(p, '\n', (size_t)(end - p));
		char *e = nl != NULL ? nl : end, *line;

		lineno++;
		*e = '\0';
		if (e > p && e[-1] == '\r')
			e[-1] = '\0';
		line = trim(p);
		p = e + 1;
		if ((size_t)(e - line) > RULES_MAX_LINE) {
			lerr(ld, lineno, "line longer than %d bytes",
			    RULES_MAX_LINE);
			continue;
		}
		if (*line == '\0' || *line == '#')
			continue;
		parse_line(ld, line, lineno);
	}
	stanza_finish(ld);
	free(ld->lexicon_tag);
	ld->lexicon_tag = NULL;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Load every *.rules file of dir, in byte order of names. */
static int
load_dir(rules_set *rs, const char *dir, int origin, sha256_ctx *hc,
    struct rules_errors *errs)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char **names = NULL;
	size_t n = 0, cap = 0;

	if (d == NULL) {
		rules_errors_add(errs, "%s: cannot read rule directory: %s",
		    dir, strerror(errno));
		return -1;
	}
	while ((de = readdir(d)) != NULL) {
		size_t l = strlen(de->d_name);

		if (de->d_name[0] == '.' || l < 7 ||
		    strcmp(de->d_name + l - 6, ".rules") != 0)
			continue;
		names = xgrow(names, &cap, n + 1, sizeof(*names));
		names[n++] = xstrdup(de->d_name);
	}
	closedir(d);
	if (n > 1)
		qsort(names, n, sizeof(*names), cmp_str);
	for (size_t i = 0; i < n; i++) {
		char *path = xasprintf("%s/%s", dir, names[i]), *buf = NULL;
		char *why = NULL;
		size_t len = 0;
		const char *nj = getenv("RAPPORT_NO_JIT");
		struct loader ld = { rs, errs, path, origin, { 0 }, NULL, 0,
		    nj != NULL && *nj != '\0' && strcmp(nj, "0") != 0 };

		if (read_regular_file(path, &buf, &len, &why) < 0) {
			rules_errors_add(errs, "%s: %s", path, why);
			free(why);
		} else {
			sha256_update(hc, strlen(names[i]) + 1,
			    (const uint8_t *)names[i]);
			sha256_update(hc, len, (const uint8_t *)buf);
			rs->nfiles++;
			parse_file(&ld, buf, len);
		}
		free(buf);
		free(path);
		free(names[i]);
	}
	free(names);
	return 0;
}

rules_set *
rules_set_load(const char *base, const char *extra, struct rules_errors *errs)
{
	rules_set *rs = xcalloc(1, sizeof(*rs));
	sha256_ctx hc;
	int ok = 0;

	rs->max_pairs = 1;
	sha256_init(&hc);
	if (base != NULL && load_dir(rs, base, 0, &hc, errs) == 0)
		ok = 1;
	if (extra != NULL && load_dir(rs, extra, 1, &hc, errs) == 0)
		ok = 1;
	sha256_final_hex(&hc, rs->hash);
	if (!ok) {
		rules_set_free(rs);
		return NULL;
	}
	return rs;
}

void
rules_set_free(rules_set *rs)
{
	if (rs == NULL)
		return;
	for (size_t i = 0; i < rs->n; i++)
		rule_clear(&rs->rules[i]);
	free(rs->rules);
	free(rs->origin);
	prefilter_free(rs->pf);
	free(rs);
}

int
rules_set_prefilter(rules_set *rs, char **why)
{
	struct prefilter_pattern *p = NULL;
	size_t np = 0, cap = 0;

	*why = NULL;
	if (rs->pf != NULL)
		return 0;
	for (size_t i = 0; i < rs->n; i++) {
		const struct rules_rule *r = &rs->rules[i];

		for (size_t k = 0; k < r->npats; k++) {
			p = xgrow(p, &cap, np + 1, sizeof(*p));
			p[np].src = r->pat_src[k];
			p[np].caseless = r->caseless;
			p[np].rule = i;
			np++;
		}
	}
	rs->pf = prefilter_build(p, np, rs->n, why);
	free(p);
	return rs->pf != NULL ? 0 : -1;
}

const prefilter *
rules_set_get_prefilter(const rules_set *rs)
{
	return rs->pf;
}

const struct rules_rule *
rules_set_rules(const rules_set *rs, size_t *n)
{
	*n = rs->n;
	return rs->rules;
}

const char *
rules_set_hash(const rules_set *rs)
{
	return rs->hash;
}

size_t
rules_set_nfiles(const rules_set *rs)
{
	return rs->nfiles;
}
