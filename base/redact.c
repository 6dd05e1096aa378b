/* redact.c -- identifier redaction for quoted text (see redact.h).
 *
 * A table of PCRE2 patterns, each replacing what it finds by its label,
 * run in order over the output of the one before; then one pattern per
 * declared name. The patterns are written for speech as transcribed:
 * numbers may be spelled out ("twelve Maple Street", "five five five ..."),
 * emails read out ("jane dot doe at gmail dot com"). What the categories
 * cover and where they stop is in redact.h; tests/inputs/redact/ holds the
 * planted-identifier set that measures them (tests/redact.test).
 */
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

/* --- building blocks (used inside (?i) groups where case is free) --- */

#define MONTH "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|" \
	"june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|" \
	"nov(?:ember)?|dec(?:ember)?)"
#define DAY "(?:[0-3]?\\d)(?:st|nd|rd|th)?"
/* A day of the month in words: first ... thirty-first. */
#define ORDW "(?:(?:twenty|thirty)[\\s-]?(?:first|second|third|fourth|" \
	"fifth|sixth|seventh|eighth|ninth)|first|second|third|fourth|" \
	"fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|" \
	"thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|" \
	"eighteenth|nineteenth|twentieth|thirtieth)"
#define UNITW "(?:one|two|three|four|five|six|seven|eight|nine)"
/* A house number in words: one to nine hundred and ninety-nine. */
#define NUMW "(?:(?:" UNITW "|a)\\s+hundred(?:\\s+(?:and\\s+)?" \
	"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)" \
	"(?:[\\s-]" UNITW ")?|" UNITW "|ten|eleven|twelve))?|" \
	"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)" \
	"(?:[\\s-]" UNITW ")?|" UNITW "|ten|eleven|twelve|thirteen|" \
	"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
/* A digit read out, for phone numbers in words. */
#define DIGW "(?:zero|oh|o|nought|" UNITW "|double|triple|treble|\\d)"
/* Street types, written out or abbreviated (an abbreviation may end in
 * "."). */
#define STREET "(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|" \
	"Boulevard|Blvd|Court|Ct|Way|Place|Pl|Terrace|Close|Crescent|" \
	"Parkway|Pkwy|Highway|Hwy|Square|Sq|Gardens|Grove|Mews|Row|Circle|" \
	"Cir|Trail|Walk|Hill|Rise|View|Park)"
/* Street types that mean a street even without a house number (not
 * "Park", "Hill", "View": "Hyde Park", "Notting Hill" are places). */
#define STREET_ALONE "(?:Street|Road|Avenue|Lane|Drive|Boulevard|Court|" \
	"Way|Place|Terrace|Close|Crescent|Parkway|Highway|Square|Gardens|" \
	"Grove|Mews)"
/* Capitalised words after a kinship word or title that are not names. */
#define NOT_NAME "(?:I|And|But|So|Or|The|He|She|They|We|You|It|Is|Was|" \
	"Who|When|Then|Because|Said|Says|Told|Always|Never|Just|Also|" \
	"Still|Now|Too|Again|Mum|Mom|Dad|Monday|Tuesday|Wednesday|" \
	"Thursday|Friday|Saturday|Sunday|Yes|Yeah|No|Okay|OK|Well|Right|" \
	"Sure|Oh|Hmm|Um|Sorry|Thanks|Please|Look|Listen|Honestly|Actually|" \
	"Maybe|Like|Even|Only|Both|All)\\b"
/* A capitalised name word: "Emily", "O'Brien", "Jean-Luc", not the "'s"
 * of a possessive. */
#define NAMEW "(?!" NOT_NAME ")\\p{Lu}\\p{L}+(?:[-'\xE2\x80\x99](?!s\\b)" \
	"\\p{L}+)*"
#define KIN "(?:daughter|son|wife|husband|partner|boyfriend|girlfriend|" \
	"fianc[e\xC3\xA9]e?|mother|mum|mom|mam|mommy|mummy|father|dad|" \
	"daddy|brother|sister|sis|bro|sibling|aunt|auntie|aunty|uncle|" \
	"cousin|niece|nephew|grandmother|grandma|gran|granny|nan|nana|" \
	"nanna|grandfather|grandpa|grandad|granddad|grandson|" \
	"granddaughter|grandchild|grandkid|step-?(?:mother|mom|mum|father|" \
	"dad|son|daughter|brother|sister)|child|kid|baby|boy|girl|twin|" \
	"friend|mate|bestie|neighbou?r|boss|manager|colleague|co-?worker|" \
	"roommate|flatmate|housemate|teacher|coach|therapist|counsell?or|" \
	"social\\s+worker|doctor|ex|carer|caregiver|landlord|landlady|" \
	"guy|man|woman|lady|bloke|youngest|eldest|oldest|firstborn|" \
	"little\\s+one|other\\s+half)"
#define KINMOD "(?:little|older|younger|big|baby|eldest|oldest|youngest|" \
	"best|new|old|late|middle|twin|half|ex)"
/* An age over 89, HIPAA Safe Harbor's cut-off (45 CFR 164.514(b)(2)(i)
 * (C)): 90 to 120, in digits or words. */
#define AGE "(?:(?:9\\d|1[01]\\d|120)|ninety(?:[\\s-]" UNITW ")?|" \
	"(?:a|one)\\s+hundred(?:\\s+and\\s+\\w+)?)"
#define TLD "(?:com|org|net|edu|gov|mil|int|info|biz|io|me|co|uk|us|ca|au|" \
	"nz|ie|de|fr|nl|es|it|eu|ac|nhs|ly|app|tv|blog)"
/* Top-level domains that end a bare name as a URL ("gofund.me" needs a
 * path: "fine.me" and "no.It" are typing, not addresses). */
#define WEB_TLD "(?:com|org|net|edu|gov|info|biz|io|uk|nhs|blog|app|tv)"
/* A word of an email read out, not the joining "at" or "dot". */
#define WORD_NOT_AT "(?!(?:at|dot)\\b)[\\w+-]+"
/* Between the parts of an email read out: "dot", "(dot)", "[dot]". */
#define SPOKEN(w) "(?:\\s*[\\[(]\\s*" w "\\s*[\\])]\\s*|\\s+" w "\\s+)"

static const struct {
	const char	*label;
	const char	*pattern;
	uint32_t	 flags;
} patterns[] = {
	/* The look-behind starts a match only where a run of address
	 * characters starts, so a long word without a domain is linear.
	 * A host without a dot ("emily@localhost") is an address too. */
	{ "[email]", "(?<![\\w.+-])[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)*", 0 },
	/* Read out: "jane dot doe at gmail dot com", "greg underscore hall
	 * at ...", "sam [at] yahoo [dot] com"; it must end in a top-level
	 * domain. */
	{ "[email]", "(?i)(?<![\\w.+-])" WORD_NOT_AT "(?:" SPOKEN("(?:dot|"
	    "underscore|dash|hyphen)") WORD_NOT_AT "){0,4}" SPOKEN("at")
	    WORD_NOT_AT "(?:" SPOKEN("dot") WORD_NOT_AT "){0,3}" SPOKEN("dot")
	    TLD "\\b", 0 },
	/* A URL: a scheme or www., or a name ending in a known top-level
	 * domain, with its path; trailing punctuation stays outside. */
	{ "[url]", "(?i)(?:\\b(?:https?|ftp)://|\\bwww\\.|(?<![\\w.-])"
	    "(?:[a-z0-9-]+\\.){1,8}(?:" WEB_TLD "\\b|" TLD "(?=/)))"
	    "(?:[^\\s<>\"]*[^\\s<>\".,;:!?)\\]'])?", 0 },
	/* IPv4, and IPv6: hex groups with two or more colons and a hex
	 * letter or "::" (so a time, 00:05:56, is not one). */
	{ "[ip]", "(?<![\\w.])(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)(?:\\.(?:25[0-5]|"
	    "2[0-4]\\d|1?\\d?\\d)){3}(?![\\w]|\\.\\d)", 0 },
	{ "[ip]", "(?i)(?<![\\w:])(?=[0-9a-f:]*(?:[a-f]|::))"
	    "(?=[0-9a-f:]*[0-9a-f]:[0-9a-f:]*:)"
	    "(?:[0-9a-f]{1,4})?(?::[0-9a-f]{0,4}){2,7}(?![\\w:])", 0 },
	{ "[phone]", "(?<![\\w+])(?<!\\d[ .-])(?:\\+\\d{1,3}[ .-]?)?(?:\\(\\d{2,5}\\)[ .-]?"
	    "|\\d{2,5}[ .-])\\d{3,4}[ .-]?\\d{3,4}(?!\\w)(?![ .-]?\\d)", 0 },
	/* Seven or more digits read out: "oh seven seven double oh nine". */
	{ "[phone]", "(?i)\\b" DIGW "(?:[\\s,.-]+" DIGW "\\b){6,20}", 0 },
	/* A house number (digits, maybe a letter, or words) and one to
	 * three capitalised words ending in a street type. */
	{ "[address]", "\\b(?:\\d{1,5}[A-Za-z]?|(?i:" NUMW "))\\s+"
	    "(?:[A-Z][\\w'\xE2\x80\x99-]*\\s+){1,3}" STREET "\\b\\.?", 0 },
	/* Rue, Via, Calle: the street type first. */
	{ "[address]", "\\b\\d{1,5}[A-Za-z]?,?\\s+(?:Rue|Via|Calle|Avenida|"
	    "Rua|Avenue)\\s+(?:(?:de|del|della|di|du|des|la|le|da|do|dos)\\s+)*"
	    "[A-Z][\\w'\xE2\x80\x99-]*(?:\\s+[A-Z][\\w'\xE2\x80\x99-]*)*", 0 },
	/* Flat 3, Apartment 4B, Unit 12, Suite 200, PO Box 4471. */
	{ "[address]", "(?i)\\b(?:apartment|apt|flat|unit|suite|ste|"
	    "p\\.?\\s?o\\.?\\s*box)\\.?\\s*#?\\s*(?=\\w*\\d)\\w{1,6}\\b", 0 },
	/* A street named without a number: "on Hawthorn Drive". */
	{ "[address]", "\\b(?!(?:The|A|An|This|That|My|Your|Our|His|Her|"
	    "Their|On|In|At|Of|And|But|So)\\b)[A-Z][\\w'\xE2\x80\x99-]+"
	    "(?:\\s+[A-Z][\\w'\xE2\x80\x99-]+)?\\s+" STREET_ALONE "\\b", 0 },
	/* UK (SW1A 1AA), Canadian (K1A 0B1), US ZIP after a state (MA
	 * 02139) or written ZIP+4, and after the words zip or postcode. */
	{ "[postcode]", "\\b[A-Z]{1,2}\\d[A-Z\\d]?\\s*\\d[A-Z]{2}\\b", 0 },
	{ "[postcode]", "\\b[A-Z]\\d[A-Z]\\s?\\d[A-Z]\\d\\b", 0 },
	{ "[postcode]", "\\b(?:A[KLRZ]|C[AOT]|D[CE]|FL|GA|HI|I[ADLN]|K[SY]|LA|"
	    "M[ADEINOST]|N[CDEHJMVY]|O[HKR]|PA|RI|S[CD]|T[NX]|UT|V[AT]|"
	    "W[AIVY])\\s+\\d{5}(?:-\\d{4})?\\b", 0 },
	{ "[postcode]", "(?<![\\w-])\\d{5}-\\d{4}(?![\\w-])", 0 },
	{ "[postcode]", "(?i)\\b(?:zip|zip\\s*code|post\\s*code|postal\\s*code)"
	    "\\s*:?\\s*\\K(?=[a-z]*\\d)[a-z0-9]{3,5}(?:[\\s-](?=[a-z]*\\d)"
	    "[a-z0-9]{3,4})?\\b",
	    0 },
	/* An ID with letters: after a word that names one (MRN A1234567,
	 * case number CR-2024-0815), letters then digits (P000113-...,
	 * QQ123456C), or capitals and digits mixed (AB12CDE). Before
	 * [date], so an ID holding a date is one ID. Digits alone are
	 * [number]. */
	{ "[id]", "(?i)\\b(?:MRN|NHS|NI|SSN|SIN|ID|record|chart|case|account|"
	    "acct|patient|member|policy|claim|reference|ref|licen[cs]e|"
	    "passport|medicare|medicaid|insurance|plate|registration|reg|"
	    "badge|employee|student|login|user(?:name)?|code)(?:\\s+(?:no\\.?|"
	    "number|num|#|id|code))?\\s*[:#,]?\\s*\\K(?=[a-z0-9-]*\\d)"
	    "(?=[0-9-]*[a-z])[a-z0-9][a-z0-9-]{3,}\\b", 0 },
	{ "[id]", "\\b[A-Z]{1,4}-?\\d{3,}[A-Za-z0-9]*(?:-[A-Za-z0-9]+)*\\b", 0 },
	{ "[id]", "\\b(?=[A-Z0-9]*\\d[A-Z0-9]*\\d)(?=[A-Z0-9]*[A-Z][A-Z0-9]*"
	    "[A-Z])[A-Z0-9]{6,}\\b", 0 },
	/* A British number plate written with its space: LD23 XYZ. */
	{ "[id]", "\\b[A-Z]{2}\\d{2}\\s[A-Z]{3}\\b", 0 },
	{ "[date]", "(?i)\\b(?:\\d{4}-\\d{1,2}-\\d{1,2}|"
	    "\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4}|"
	    "\\d{1,2}-\\d{1,2}-\\d{2,4}|"
	    "(?:the\\s+)?(?:" DAY "|" ORDW ")\\s+(?:of\\s+)?" MONTH
	    "\\b\\.?(?:,?\\s+\\d{4})?|"
	    MONTH "\\.?\\s+(?:the\\s+)?(?:" DAY "|" ORDW ")\\b(?:,?\\s+\\d{4})?|"
	    MONTH "\\.?,?\\s+(?:of\\s+)?\\d{4}\\b|"
	    "(?:christmas(?:\\s+(?:day|eve))?|new\\s+year'?s(?:\\s+(?:day|eve))?|"
	    "easter(?:\\s+sunday)?|thanksgiving|halloween|boxing\\s+day)"
	    "\\s+(?:of\\s+)?\\d{4}\\b)", 0 },
	/* References in parts joined by "/" with a digit, after [date]
	 * (which takes 02/04/2019): 2024/117/AB. */
	{ "[id]", "(?<![\\w/])(?=[\\w/-]*\\d)[A-Za-z0-9]+(?:/[A-Za-z0-9-]+){2,8}"
	    "(?![\\w/])", 0 },
	/* Ages over 89: before "years old" or "y/o", or after a word that
	 * gives an age (aged, turned, is, I'm, died at); not before a
	 * unit ("95 percent"). */
	{ "[age]", "(?i)\\b" AGE "(?:[\\s-]*(?:years?|yrs?)[\\s-]*(?:old|of\\s+age)"
	    "\\b|\\s*y/?o\\b\\.?)", 0 },
	{ "[age]", "(?i)\\b(?:aged?|turned|turning|turns|is|was|be|being|"
	    "she's|he's|i'm|i\\s+am|who's|they're|died\\s+at|passed\\s+away\\s+at|"
	    "age\\s+of)\\s+\\K" AGE "\\b(?![.,]\\d)(?![\\s-]*(?:%|percent|per\\s*cent|mg|"
	    "kg|lbs?|pounds?|points?|minutes?|mins?|seconds?|degrees?|miles?|"
	    "km|times?|days?|weeks?|months?|years?|hours?|people|dollars|"
	    "euros|quid|pence|cents?))", 0 },
	/* Four or more digits, possibly in up to 16 groups joined by - or
	 * a space; accept() counts them. Last of the number patterns.
	 * Repetitions are bounded here and above so that a long run of
	 * digits or words is matched in pieces, in linear time, instead
	 * of running into the match limit. */
	{ "[number]", "(?<!\\w)\\d+(?:[ -]\\d+){0,15}(?!\\w)", 0 },
	/* Names that were never declared, where the words around say they
	 * are names: a capitalised word after a kinship or relation word
	 * ("my daughter Emily", "your husband, Tom") or before one
	 * ("Sandra, your mum's friend"), after "called" or "name is", or
	 * after a title ("Mrs Patel", "Auntie Pam"). */
	{ "[name]", "(?i:\\b(?:my|his|her|their|our|your|a|the)\\s+(?:"
	    KINMOD "[\\s-]+)?" KIN "(?:-in-law)?(?:'s)?)(?:\\s*,\\s*|\\s+)\\K"
	    NAMEW
	    "(?:\\s+" NAMEW ")?", 0 },
	{ "[name]", "\\b" NAMEW "(?=\\s*,\\s*(?i:(?:my|his|her|their|our|your)"
	    "\\s+(?:" KINMOD "[\\s-]+)?(?:\\w+'s\\s+)?" KIN "(?:-in-law)?)\\b)",
	    0 },
	{ "[name]", "(?i:\\b(?:named|called|name\\s+is|name's|names\\s+are|"
	    "known\\s+as|goes\\s+by))\\s+\\K" NAMEW "(?:\\s+" NAMEW ")?", 0 },
	{ "[name]", "\\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Doctor|Nurse|"
	    "Sister|Father|Rev|Reverend|Auntie|Aunty|Aunt|Uncle|Nan|Nana|"
	    "Grandma|Grandpa|Granny)\\.?\\s+\\K" NAMEW "(?:\\s+" NAMEW ")?", 0 },
};
#define NPATTERNS (sizeof(patterns) / sizeof(patterns[0]))

static pcre2_code *code[NPATTERNS];
static size_t number_pattern;	/* index of "[number]" in the table */
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void
compile_all(void)
{
	/* $RAPPORT_NO_JIT: the interpreter only, for valgrind (which cannot
	 * follow JIT code), as in analyzers/rules.c. */
	const char *nj = getenv("RAPPORT_NO_JIT");
	int jit = nj == NULL || *nj == '\0';

	number_pattern = NPATTERNS;
	for (size_t i = 0; i < NPATTERNS; i++) {
		int err;
		PCRE2_SIZE off;

		if (strcmp(patterns[i].label, "[number]") == 0)
			number_pattern = i;
		code[i] = pcre2_compile((PCRE2_SPTR)patterns[i].pattern,
		    PCRE2_ZERO_TERMINATED, PCRE2_UTF | PCRE2_UCP |
		    patterns[i].flags, &err, &off, NULL);
		if (code[i] == NULL)
			abort();	/* a bug in the table above */
		if (jit)
			pcre2_jit_compile(code[i], PCRE2_JIT_COMPLETE);
	}
	if (number_pattern == NPATTERNS)
		abort();	/* accept() needs it */
}

/* Does the match [s, s+n) count? Numbers need 4 digits or more. */
static int
accept(size_t pattern, const char *s, size_t n)
{
	size_t digits = 0;

	if (pattern != number_pattern)
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
	static const char *const labels[] = { "email", "url", "ip", "phone",
	    "address", "postcode", "id", "date", "age", "number", "name" };

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
		if (ov[1] <= ov[0]) {
			/* Empty (or, with \K, backwards): step over one
			 * whole UTF-8 character and keep it. */
			at = (ov[1] > at ? ov[1] : at) + 1;
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

/* --- declared names --- */

/* Letters of Latin-1 Supplement and Latin Extended-A with their ASCII
 * base letter, from their Unicode canonical decompositions (and ø, đ, ł,
 * ħ, ŧ, ı, ĸ, ŋ, which have none but are read as o, d, l, h, t, i, k,
 * n). Æ, Œ, ß and Þ fold to two letters and are left alone. */
static const struct {
	char		 base;
	const char	*variants;	/* UTF-8, lower and upper case */
} folds[] = {
	{ 'a', "\xC3\xA0\xC3\xA1\xC3\xA2\xC3\xA3\xC3\xA4\xC3\xA5\xC4\x81\xC4\x83"
	    "\xC4\x85\xC3\x80\xC3\x81\xC3\x82\xC3\x83\xC3\x84\xC3\x85\xC4\x80"
	    "\xC4\x82\xC4\x84" },
	{ 'c', "\xC3\xA7\xC4\x87\xC4\x89\xC4\x8B\xC4\x8D\xC3\x87\xC4\x86\xC4\x88"
	    "\xC4\x8A\xC4\x8C" },
	{ 'd', "\xC4\x8F\xC4\x91\xC3\xB0\xC4\x8E\xC4\x90\xC3\x90" },
	{ 'e', "\xC3\xA8\xC3\xA9\xC3\xAA\xC3\xAB\xC4\x93\xC4\x95\xC4\x97\xC4\x99"
	    "\xC4\x9B\xC3\x88\xC3\x89\xC3\x8A\xC3\x8B\xC4\x92\xC4\x94\xC4\x96"
	    "\xC4\x98\xC4\x9A" },
	{ 'g', "\xC4\x9D\xC4\x9F\xC4\xA1\xC4\xA3\xC4\x9C\xC4\x9E\xC4\xA0\xC4\xA2" },
	{ 'h', "\xC4\xA5\xC4\xA7\xC4\xA4\xC4\xA6" },
	{ 'i', "\xC3\xAC\xC3\xAD\xC3\xAE\xC3\xAF\xC4\xA9\xC4\xAB\xC4\xAD\xC4\xAF"
	    "\xC4\xB1\xC3\x8C\xC3\x8D\xC3\x8E\xC3\x8F\xC4\xA8\xC4\xAA\xC4\xAC"
	    "\xC4\xAE\xC4\xB0" },
	{ 'j', "\xC4\xB5\xC4\xB4" },
	{ 'k', "\xC4\xB7\xC4\xB8\xC4\xB6" },
	{ 'l', "\xC4\xBA\xC4\xBC\xC4\xBE\xC5\x80\xC5\x82\xC4\xB9\xC4\xBB\xC4\xBD"
	    "\xC4\xBF\xC5\x81" },
	{ 'n', "\xC3\xB1\xC5\x84\xC5\x86\xC5\x88\xC5\x8B\xC3\x91\xC5\x83\xC5\x85"
	    "\xC5\x87\xC5\x8A" },
	{ 'o', "\xC3\xB2\xC3\xB3\xC3\xB4\xC3\xB5\xC3\xB6\xC3\xB8\xC5\x8D\xC5\x8F"
	    "\xC5\x91\xC3\x92\xC3\x93\xC3\x94\xC3\x95\xC3\x96\xC3\x98\xC5\x8C"
	    "\xC5\x8E\xC5\x90" },
	{ 'r', "\xC5\x95\xC5\x97\xC5\x99\xC5\x94\xC5\x96\xC5\x98" },
	{ 's', "\xC5\x9B\xC5\x9D\xC5\x9F\xC5\xA1\xC5\xBF\xC5\x9A\xC5\x9C\xC5\x9E"
	    "\xC5\xA0" },
	{ 't', "\xC5\xA3\xC5\xA5\xC5\xA7\xC5\xA2\xC5\xA4\xC5\xA6" },
	{ 'u', "\xC3\xB9\xC3\xBA\xC3\xBB\xC3\xBC\xC5\xA9\xC5\xAB\xC5\xAD\xC5\xAF"
	    "\xC5\xB1\xC5\xB3\xC3\x99\xC3\x9A\xC3\x9B\xC3\x9C\xC5\xA8\xC5\xAA"
	    "\xC5\xAC\xC5\xAE\xC5\xB0\xC5\xB2" },
	{ 'w', "\xC5\xB5\xC5\xB4" },
	{ 'y', "\xC3\xBD\xC3\xBF\xC5\xB7\xC3\x9D\xC5\xB6\xC5\xB8" },
	{ 'z', "\xC5\xBA\xC5\xBC\xC5\xBE\xC5\xB9\xC5\xBB\xC5\xBD" },
};
#define NFOLDS (sizeof(folds) / sizeof(folds[0]))

/* The length of the UTF-8 character at p (valid UTF-8). */
static size_t
char_len(const char *p)
{
	unsigned char c = (unsigned char)*p;

	return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

/* The fold entry of the character [p, p+n): an ASCII letter or one of
 * its variants; -1 for anything else. */
static int
fold_of(const char *p, size_t n)
{
	for (size_t i = 0; i < NFOLDS; i++) {
		const char *v = folds[i].variants;

		if (n == 1 && (*p | 0x20) == folds[i].base)
			return (int)i;
		for (; n > 1 && *v != '\0'; v += char_len(v))
			if (char_len(v) == n && memcmp(v, p, n) == 0)
				return (int)i;
	}
	return -1;
}

/* Is [p, p+n) a combining mark (U+0300 to U+036F)? */
static int
combining(const char *p, size_t n)
{
	unsigned char a = (unsigned char)p[0], b = (unsigned char)p[1];

	return n == 2 && ((a == 0xCC && b >= 0x80) || (a == 0xCD && b <= 0xAF));
}

/* A pattern for one name: whole word, any case (Unicode case folding),
 * accents ignored both ways ("Renée" finds "Renee" and "RENEE", "Chloe"
 * finds "Chloé", a letter may carry combining marks), a space or hyphen
 * in the name matching any run of white space or hyphens, an apostrophe
 * matching either apostrophe or none; NULL when the name has nothing to
 * find. Escaping is by hand rather than \Q...\E, which a name holding
 * "\E" would end early. */
static pcre2_code *
name_pattern(const char *name)
{
	strbuf b = { 0 };
	pcre2_code *re;
	int err, any = 0;
	PCRE2_SIZE off;

	strbuf_adds(&b, "(?<![\\w\\p{M}])");
	for (const char *p = name; *p != '\0'; ) {
		size_t n = char_len(p);
		int f;

		if (*p == ' ' || *p == '-') {
			p += strspn(p, " -");
			if (*p != '\0' && any)	/* no leading or trailing */
				strbuf_adds(&b, "[\\s\\-\xE2\x80\x90]+");
			continue;
		}
		if (combining(p, n)) {	/* a decomposed accent: any */
			p += n;
			continue;
		}
		any = 1;
		if (*p == '\'' || (n == 3 && memcmp(p, "\xE2\x80\x99", 3) == 0))
			strbuf_adds(&b, "['\xE2\x80\x99]?");
		else if ((f = fold_of(p, n)) >= 0) {
			strbuf_addc(&b, '[');
			strbuf_addc(&b, folds[f].base);
			strbuf_adds(&b, folds[f].variants);
			strbuf_addc(&b, ']');
		} else {
			if (n == 1 && strchr("\\^$.|?*+()[]{}#", *p) != NULL)
				strbuf_addc(&b, '\\');
			strbuf_add(&b, p, n);
		}
		strbuf_adds(&b, "\\p{M}*");
		p += n;
	}
	if (!any) {
		strbuf_free(&b);
		return NULL;
	}
	strbuf_adds(&b, "(?![\\w\\p{M}])");
	re = pcre2_compile((PCRE2_SPTR)b.s, PCRE2_ZERO_TERMINATED, PCRE2_UTF |
	    PCRE2_UCP | PCRE2_CASELESS, &err, &off, NULL);
	strbuf_free(&b);
	return re;
}

/* Redact name in *text, then each of its words that starts with a
 * capital and has two or more letters ("Mary Ann Smith": "Mary", "Ann",
 * "Smith"; not "de" of "Ana de la Cruz"). 0, or -1 when a match failed. */
static int
redact_name(const char *name, char **text, pcre2_match_context *mc)
{
	const char *p = name;
	int words = 0, rc = 0;
	pcre2_code *re;

	if ((re = name_pattern(name)) == NULL)
		return 0;	/* nothing but spaces */
	rc = substitute(re, NPATTERNS, "[name]", text, mc);
	pcre2_code_free(re);
	for (size_t n; rc == 0 && *p != '\0'; p += n) {
		char *word;
		size_t letters = 0;

		p += strspn(p, " -");
		n = strcspn(p, " -");
		if (n == 0)
			break;
		if (words++ == 0 && p[n] == '\0')
			break;	/* one word: done above */
		for (size_t i = 0; i < n; i += char_len(p + i))
			letters++;
		if (letters < 2 || !((*p >= 'A' && *p <= 'Z') ||
		    (unsigned char)*p >= 0xC3))
			continue;
		word = xstrndup(p, n);
		if ((re = name_pattern(word)) != NULL) {
			rc = substitute(re, NPATTERNS, "[name]", text, mc);
			pcre2_code_free(re);
		}
		free(word);
	}
	return rc;
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
		/* A name that is not valid UTF-8 cannot occur in valid text. */
		if (names[i] == NULL || *names[i] == '\0' ||
		    !utf8_valid(names[i], strlen(names[i])))
			continue;
		if (redact_name(names[i], &out, mc) != 0)
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
