/* redact.c -- identifier redaction for quoted text (see redact.h). */
#include "config.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "redact.h"
#include "util.h"

/* Match-limit for one pattern on one text: enough for any utterance,
 * small enough that hostile text cannot hang a report. */
#define REDACT_MATCH_LIMIT 1000000

#define MONTH "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|" \
	"june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|" \
	"nov(?:ember)?|dec(?:ember)?)"
#define DAY "(?:[0-3]?\\d)(?:st|nd|rd|th)?"

static const struct {
	const char	*label;
	const char	*pattern;
	uint32_t	 flags;
} patterns[] = {
	/* The look-behind starts a match only where a run of address
	 * characters starts, so a long word without a domain is linear. */
	{ "[email]", "(?<![\\w.+-])[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+", 0 },
	{ "[phone]", "(?<![\\w+])(?<!\\d[ .-])(?:\\+\\d{1,3}[ .-]?)?(?:\\(\\d{2,5}\\)[ .-]?"
	    "|\\d{2,5}[ .-])\\d{3,4}[ .-]?\\d{3,4}(?!\\w)(?![ .-]?\\d)", 0 },
	{ "[address]", "\\b\\d{1,5}[a-z]?\\s+(?:[A-Z][\\w'-]*\\s+){1,3}"
	    "(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Boulevard|Blvd|"
	    "Court|Ct|Way|Place|Pl|Terrace|Close|Crescent)\\b\\.?", 0 },
	{ "[date]", "\\b(?:\\d{4}-\\d{1,2}-\\d{1,2}|"
	    "\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4}|"
	    "(?:the\\s+)?" DAY "\\s+(?:of\\s+)?" MONTH "\\b\\.?(?:,?\\s+\\d{4})?|"
	    MONTH "\\.?\\s+" DAY "\\b(?:,?\\s+\\d{4})?)", PCRE2_CASELESS },
	{ "[number]", "(?<!\\w)\\d+(?:[ -]\\d+)*(?!\\w)", 0 },
};
#define NPATTERNS (sizeof(patterns) / sizeof(patterns[0]))
#define NUMBER_PATTERN (NPATTERNS - 1)	/* "[number]", last in the table */

static pcre2_code *code[NPATTERNS];
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void
compile_all(void)
{
	/* $RAPPORT_NO_JIT: the interpreter only, for valgrind (which cannot
	 * follow JIT code), as in analyzers/rules.c. */
	const char *nj = getenv("RAPPORT_NO_JIT");
	int jit = nj == NULL || *nj == '\0';

	if (strcmp(patterns[NUMBER_PATTERN].label, "[number]") != 0)
		abort();	/* accept() relies on the table's order */
	for (size_t i = 0; i < NPATTERNS; i++) {
		int err;
		PCRE2_SIZE off;

		code[i] = pcre2_compile((PCRE2_SPTR)patterns[i].pattern,
		    PCRE2_ZERO_TERMINATED, PCRE2_UTF | PCRE2_UCP |
		    patterns[i].flags, &err, &off, NULL);
		if (code[i] == NULL)
			abort();	/* a bug in the table above */
		if (jit)
			pcre2_jit_compile(code[i], PCRE2_JIT_COMPLETE);
	}
}

/* Does the match [s, s+n) count? Numbers need 4 digits or more. */
static int
accept(size_t pattern, const char *s, size_t n)
{
	size_t digits = 0;

	if (pattern != NUMBER_PATTERN)
		return 1;
	for (size_t i = 0; i < n; i++)
		digits += s[i] >= '0' && s[i] <= '9';
	return digits >= 4;
}

/* Is [s+b, s+e) the inside of a label this file wrote ("[date]")? A
 * declared name such as "Date" must not rewrite the labels. */
static int
inside_label(const char *s, size_t len, size_t b, size_t e)
{
	static const char *const labels[] = { "email", "phone", "address",
	    "date", "number", "name" };

	if (b == 0 || e >= len || s[b - 1] != '[' || s[e] != ']')
		return 0;
	for (size_t i = 0; i < sizeof(labels) / sizeof(labels[0]); i++)
		if (strlen(labels[i]) == e - b &&
		    memcmp(labels[i], s + b, e - b) == 0)
			return 1;
	return 0;
}

/* Replace every match of re in *text by label; *text is replaced. Returns
 * 0, or -1 when matching failed (the match limit, the JIT stack): the
 * caller must then not show the text, since the rest of it was not
 * searched. */
static int
substitute(pcre2_code *re, size_t pattern, const char *label, char **text,
    pcre2_match_context *mc)
{
	pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);
	const char *s = *text;
	size_t len = strlen(s), at = 0, copied = 0;
	strbuf out = { 0 };
	int rc;

	if (md == NULL)
		abort();	/* out of memory, as xmalloc */
	while (at <= len) {
		PCRE2_SIZE *ov;

		rc = pcre2_match(re, (PCRE2_SPTR)s, len, at,
		    PCRE2_NO_UTF_CHECK, md, mc);
		if (rc == PCRE2_ERROR_NOMATCH)
			break;
		if (rc < 0) {
			pcre2_match_data_free(md);
			strbuf_free(&out);
			return -1;
		}
		ov = pcre2_get_ovector_pointer(md);
		if (ov[1] == ov[0]) {
			/* No pattern here matches empty; were one to, step
			 * over one whole UTF-8 character and keep it. */
			at = ov[1] + 1;
			while (at < len && (s[at] & 0xc0) == 0x80)
				at++;
			continue;
		}
		at = ov[1];
		if (!accept(pattern, s + ov[0], ov[1] - ov[0]) ||
		    inside_label(s, len, ov[0], ov[1]))
			continue;
		strbuf_add(&out, s + copied, ov[0] - copied);
		strbuf_adds(&out, label);
		copied = ov[1];
	}
	strbuf_add(&out, s + copied, len - copied);
	pcre2_match_data_free(md);
	free(*text);
	*text = out.s != NULL ? strbuf_release(&out) : xstrdup("");
	return 0;
}

/* A pattern for one name: whole word, any case, a run of spaces in the
 * name matching any run of white space; NULL when the name has nothing but
 * spaces. Escaping is by hand rather than \Q...\E, which a name holding
 * "\E" would end early. */
static pcre2_code *
name_pattern(const char *name)
{
	strbuf b = { 0 };
	pcre2_code *re;
	int err;
	PCRE2_SIZE off;

	name += strspn(name, " ");
	if (*name == '\0')
		return NULL;
	strbuf_adds(&b, "(?<!\\w)");
	for (const char *p = name; *p != '\0'; p++) {
		if (*p == ' ') {
			p += strspn(p, " ") - 1;
			if (p[1] != '\0')	/* trailing spaces are dropped */
				strbuf_adds(&b, "\\s+");
			continue;
		}
		if (strchr("\\^$.|?*+()[]{}-#", *p) != NULL)
			strbuf_addc(&b, '\\');
		strbuf_addc(&b, *p);
	}
	strbuf_adds(&b, "(?!\\w)");
	re = pcre2_compile((PCRE2_SPTR)b.s, PCRE2_ZERO_TERMINATED, PCRE2_UTF |
	    PCRE2_UCP | PCRE2_CASELESS, &err, &off, NULL);
	strbuf_free(&b);
	return re;
}

char *
redact_text(const char *text, const char *const *names, size_t nnames)
{
	pcre2_match_context *mc = NULL;
	char *out = NULL;

	if (!utf8_valid(text, strlen(text)))
		return xstrdup(REDACT_UNREADABLE);
	pthread_once(&once, compile_all);
	if ((mc = pcre2_match_context_create(NULL)) == NULL)
		abort();	/* out of memory, as xmalloc */
	pcre2_set_match_limit(mc, REDACT_MATCH_LIMIT);
	out = xstrdup(text);
	for (size_t i = 0; i < NPATTERNS; i++)
		if (substitute(code[i], i, patterns[i].label, &out, mc) != 0)
			goto fail;
	for (size_t i = 0; i < nnames; i++) {
		pcre2_code *re;
		int r;

		/* A name that is not valid UTF-8 cannot occur in valid text. */
		if (names[i] == NULL || *names[i] == '\0' ||
		    !utf8_valid(names[i], strlen(names[i])))
			continue;
		if (names[i][strspn(names[i], " ")] == '\0')
			continue;	/* only spaces: nothing to find */
		if ((re = name_pattern(names[i])) == NULL)
			goto fail;
		r = substitute(re, NPATTERNS, "[name]", &out, mc);
		pcre2_code_free(re);
		if (r != 0)
			goto fail;
	}
	pcre2_match_context_free(mc);
	return out;

fail:
	/* Fail closed: text that could not be searched is not shown. */
	pcre2_match_context_free(mc);
	free(out);
	return xstrdup(REDACT_UNREADABLE);
}
