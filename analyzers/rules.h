/* rules.h -- rule files: parse, compile with PCRE2 JIT, match with limits.
 *
 * A rule set is data (analyzers/rules/NAME.rules, format in analyzers/README.md)
 * compiled once and then read-only, so one set is shared by every worker
 * thread. Matching needs scratch memory (match data, a JIT stack, a match
 * context carrying the match and depth limits): each thread owns one
 * rules_ctx for that.
 *
 * Every match runs under a match limit, so no pattern and no input can hang
 * a run (docs/architecture.md section 9). A match that hits the limit counts as no
 * match and is counted in the context (rules_ctx_limit_hits()).
 */
#ifndef RAPPORT_RULES_H
#define RAPPORT_RULES_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stddef.h>

#include "prefilter.h"
#include "side.h"

/* Limits handed to pcre2_set_match_limit / _depth_limit / _heap_limit.
 * The match limit is a tenth of PCRE2's default (10,000,000): ordinary
 * rules need a few thousand steps per utterance; catastrophic
 * backtracking needs billions and is cut off in milliseconds. */
#define RULES_MATCH_LIMIT	1000000u
#define RULES_DEPTH_LIMIT	10000u
#define RULES_HEAP_LIMIT_KIB	20480u
#define RULES_JIT_STACK_MAX	(512u * 1024u)

/* Longest accepted line in a rule file. */
#define RULES_MAX_LINE		8192

/* Conditions on the previous utterance. */
enum rules_prev {
	RULES_PREV_ANY = 0,	/* no condition */
	RULES_PREV_THERAPIST,	/* previous utterance is therapist side */
	RULES_PREV_CLIENT,	/* ... client side */
	RULES_PREV_OTHER,	/* ... neither (interpreter, other) */
	RULES_PREV_NONE		/* there is no previous utterance */
};

/* Condition on the sentence the match starts in. */
enum rules_mood {
	RULES_MOOD_ANY = 0,
	RULES_MOOD_QUESTION,	/* the sentence ends with '?' */
	RULES_MOOD_STATEMENT	/* it does not */
};


struct rules_example {
	int		 positive;	/* 1: must fire, 0: must not */
	char		*text;
	long		 line;
};

struct rules_rule {
	char			*name;		/* unique in the set */
	char			*file;		/* path of the rule file */
	long			 line;		/* line of the "rule" keyword */
	int			 tag;		/* enum tag_id (tags.h) */
	enum side		 side;
	int			 caseless;
	pcre2_code		**pats;		/* fires when any matches */
	char			**pat_src;	/* each as compiled (after the
						   apostrophe rewrite) */
	size_t			 npats;
	pcre2_code		**unless;	/* ...and none matches the sentence */
	size_t			 nunless;
	enum rules_prev		 prev;
	enum rules_mood		 mood;
	char			*term, *plain;	/* jargon; else NULL */
	/* Made from a lexicon line's TERM (no PATTERN of its own): the
	 * pattern is \bTERM(?:e?s)?\b with spaces and hyphens flexible. */
	int			 from_term;
	struct rules_example	*examples;
	size_t			 nexamples;
};

typedef struct rules_set rules_set;
typedef struct rules_ctx rules_ctx;

/* Messages for every broken rule or file, each "file:line: reason". */
struct rules_errors {
	char	**msgs;
	size_t	  n, cap;
};
void rules_errors_add(struct rules_errors *e, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* All messages joined by newlines, in a new string the caller frees, or
 * NULL when there are none. */
char *rules_errors_join(const struct rules_errors *e);
void rules_errors_free(struct rules_errors *e);

/*
 * Load a rule set. base is a directory of *.rules files (NULL: none);
 * extra is another directory (NULL: none) whose rules are added, a rule
 * named like one in base replacing it. Files are read in byte order of
 * their names. Every problem is appended to errs as "file:line: reason"
 * and the broken rule is left out; the set of good rules is returned
 * anyway (check errs->n). Returns NULL only when no directory could be
 * read. Free with rules_set_free().
 */
rules_set *rules_set_load(const char *base, const char *extra,
    struct rules_errors *errs);
void rules_set_free(rules_set *rs);

/* The rules in load order (bundled first, replaced ones in place). */
const struct rules_rule *rules_set_rules(const rules_set *rs, size_t *n);
/* SHA-256 (hex) over every rule file read: for each file in load order,
 * its base name, a NUL, its bytes. Borrowed. */
const char *rules_set_hash(const rules_set *rs);
/* Number of rule files read. */
size_t rules_set_nfiles(const rules_set *rs);

/*
 * Build the Vectorscan prefilter of rs (prefilter.h), so that matching
 * runs the PCRE2 patterns only of rules the one scan of a text reports.
 * Results are the same with and without it. Call it before any rules_ctx
 * of rs is made. Returns 0, or -1 and sets *why (the caller frees it);
 * rs then works as before, without a prefilter.
 */
int rules_set_prefilter(rules_set *rs, char **why);
/* The prefilter of rs, or NULL; borrowed. */
const prefilter *rules_set_get_prefilter(const rules_set *rs);

/* Per-thread scratch for matching rules of rs; free with rules_ctx_free. */
rules_ctx *rules_ctx_create(const rules_set *rs);
void rules_ctx_free(rules_ctx *cx);
/* How many matches hit a limit (and counted as no match) so far. */
unsigned long rules_ctx_limit_hits(const rules_ctx *cx);

/*
 * Run one compiled pattern on [subject, subject+len) from offset from.
 * subject must be valid UTF-8 (PCRE2_NO_UTF_CHECK is passed; ingest
 * guarantees it). Returns 1 and sets *start and *end (byte offsets) on a
 * match, 0 on no match or when a limit was hit (counted), -1 on any other
 * matching error.
 */
int rules_match(rules_ctx *cx, const pcre2_code *re, const char *subject,
    size_t len, size_t from, size_t *start, size_t *end);

/* What a rule is evaluated against. */
struct rules_subject {
	const char	*text;		/* valid UTF-8 */
	size_t		 len;
	enum side	 side;		/* speaker side (THERAPIST or CLIENT;
					   ANY means "other") */
	enum rules_prev	 prev;		/* side of the previous utterance:
					   THERAPIST, CLIENT, OTHER or NONE */
};

/*
 * May rule r (of the set cx was made for) match somewhere in sub->text?
 * 0 only when the prefilter proves no pattern of r can; 1 without a
 * prefilter, for a rule of another set, or when the scan failed.
 */
int rules_may_match(rules_ctx *cx, const struct rules_rule *r,
    const struct rules_subject *sub);
/* After rules_may_match() returned 1 for the same r and sub: may pattern
 * p of r (index into r->pats) match there? 0 only when the prefilter
 * proves it cannot. */
int rules_pattern_may_match(rules_ctx *cx, const struct rules_rule *r,
    const struct rules_subject *sub, size_t p);

/*
 * Does rule r fire on sub at or after byte offset from? Checks the side,
 * the previous-utterance condition, the patterns, then for the match
 * found the mood of its sentence and the negation guards (unless) on that
 * sentence; a guarded match is skipped and the search goes on. Returns 1
 * and sets the span of the first firing match, else 0.
 */
int rules_eval(rules_ctx *cx, const struct rules_rule *r,
    const struct rules_subject *sub, size_t from, size_t *start,
    size_t *end);

/*
 * Run every example of every rule of rs through its own rule (positive
 * examples must fire, negative ones must not). A rule whose condition
 * asks for a previous utterance gets one of that side. Failures go to
 * errs as "file:line: reason". Returns the number of examples run.
 */
size_t rules_check_examples(const rules_set *rs, struct rules_errors *errs);

#endif
