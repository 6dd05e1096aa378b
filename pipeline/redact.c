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
	{ "[email]", "[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+", 0 },
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

static pcre2_code *code[NPATTERNS];
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void
compile_all(void)
{
	/* $RAPPORT_NO_JIT: the interpreter only, for valgrind (which cannot
	 * follow JIT code), as in analyzers/rules.c. */
	const char *nj = getenv("RAPPORT_NO_JIT");
	int jit = nj == NULL || *nj == '\0';

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

/* Does the match [s, e) count? Numbers need 4 digits or more. */
static int
accept(size_t pattern, const char *s, size_t e)
{
	size_t digits = 0;

	if (pattern >= NPATTERNS ||
	    strcmp(patterns[pattern].label, "[number]") != 0)
		return 1;
	for (size_t i = 0; i < e; i++)
		digits += s[i] >= '0' && s[i] <= '9';
	return digits >= 4;
}

/* Replace every match of re in *text by label; *text is replaced. */
static void
substitute(pcre2_code *re, size_t pattern, const char *label, char **text,
    pcre2_match_context *mc)
{
	pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);
	const char *s = *text;
	size_t len = strlen(s), at = 0;
	strbuf out = { 0 };

	while (at <= len) {
		PCRE2_SIZE *ov;
		int rc = pcre2_match(re, (PCRE2_SPTR)s, len, at,
		    PCRE2_NO_UTF_CHECK, md, mc);

		if (rc < 0)
			break;	/* no match, or the limit: leave the rest */
		ov = pcre2_get_ovector_pointer(md);
		if (ov[1] == ov[0]) {	/* empty match: step one byte */
			at = ov[1] + 1;
			continue;
		}
		strbuf_add(&out, s + at, ov[0] - at);
		if (accept(pattern, s + ov[0], ov[1] - ov[0]))
			strbuf_adds(&out, label);
		else
			strbuf_add(&out, s + ov[0], ov[1] - ov[0]);
		at = ov[1];
	}
	if (at < len)
		strbuf_add(&out, s + at, len - at);
	pcre2_match_data_free(md);
	free(*text);
	*text = out.s != NULL ? strbuf_release(&out) : xstrdup("");
}

/* A pattern for one name: whole word, any case. */
static pcre2_code *
name_pattern(const char *name)
{
	strbuf b = { 0 };
	pcre2_code *re;
	int err;
	PCRE2_SIZE off;

	strbuf_adds(&b, "(?<!\\w)");
	for (const char *p = name; *p != '\0'; p++) {
		if (strchr("\\^$.|?*+()[]{}-#", *p) != NULL)
			strbuf_addc(&b, '\\');
		if (*p == ' ')
			strbuf_adds(&b, "\\s+");
		else
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
	pcre2_match_context *mc;
	char *out;

	if (!utf8_valid(text, strlen(text)))
		return xstrdup("[unreadable]");
	pthread_once(&once, compile_all);
	mc = pcre2_match_context_create(NULL);
	pcre2_set_match_limit(mc, REDACT_MATCH_LIMIT);
	out = xstrdup(text);
	for (size_t i = 0; i < NPATTERNS; i++)
		substitute(code[i], i, patterns[i].label, &out, mc);
	for (size_t i = 0; i < nnames; i++) {
		pcre2_code *re;

		if (names[i] == NULL || *names[i] == '\0' ||
		    !utf8_valid(names[i], strlen(names[i])) ||
		    (re = name_pattern(names[i])) == NULL)
			continue;
		substitute(re, NPATTERNS, "[name]", &out, mc);
		pcre2_code_free(re);
	}
	pcre2_match_context_free(mc);
	return out;
}
