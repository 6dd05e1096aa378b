/* analyze.h -- tag every utterance of a session (the "tag" stage).
 *
 * A rule set (analyze_ruleset) is loaded once, compiled with PCRE2 JIT and
 * then only read, so one set serves every worker thread. Each thread makes
 * its own analyze_ctx (match data, JIT stack, limits) from the set and
 * calls analyze_session() on one session at a time. The registered
 * analyzers (analyzer.h) run in table order on every utterance.
 */
#ifndef RAPPORT_ANALYZE_H
#define RAPPORT_ANALYZE_H

#include <stddef.h>
#include <stdio.h>

#include "session.h"

/* One tag on one utterance. Strings are borrowed from the rule set and
 * live as long as it does. */
struct analyze_tag {
	int		 tag;		/* enum tag_id (tags.h) */
	size_t		 start, end;	/* byte span in the utterance text */
	const char	*rule;		/* name of the rule (or C heuristic) */
	const char	*term, *plain;	/* jargon only, else NULL */
};

/* The tags of one utterance, sorted by start, then end, then tag. */
struct analyze_utt {
	struct analyze_tag	*tags;
	size_t			 ntags, cap;
};

/* Parallel to session.utts. Zero-initialise before first use. */
struct analyze_result {
	struct analyze_utt	*utts;
	size_t			 nutts, cap;
};

typedef struct analyze_ruleset analyze_ruleset;	/* read-only, shareable */
typedef struct analyze_ctx analyze_ctx;		/* one per thread */

/*
 * Load the bundled rule set (rules_bundled_dir()) and, when extra_dir is
 * not NULL, extend it with extra_dir's rules (same name replaces), or with
 * replace set use extra_dir's rules only. Returns NULL and sets *why (a
 * newline-separated list of "file:line: reason"; free() it) when any rule
 * is broken or a directory cannot be read. Free with analyze_ruleset_free.
 */
analyze_ruleset *analyze_ruleset_load(const char *extra_dir, int replace,
    char **why);
void analyze_ruleset_free(analyze_ruleset *rs);

/*
 * Build the Vectorscan prefilter of rs (analyzers/prefilter.h): each
 * utterance is scanned once and only the rules the scan reports run their
 * PCRE2 patterns; the tags are the same without it. Call before the first
 * analyze_ctx_create(). Returns 0, or -1 and sets *why (free() it): rs
 * then still works, without the prefilter.
 */
int analyze_ruleset_prefilter(analyze_ruleset *rs, char **why);
/* Print one line on f: rules, patterns as written and approximated, rules
 * always run, build seconds (for bench/; $RAPPORT_PREFILTER_STATS). */
void analyze_ruleset_prefilter_stats(const analyze_ruleset *rs, FILE *f);

/* SHA-256 (hex) of the rule files used, for the manifest; borrowed. */
const char *analyze_ruleset_hash(const analyze_ruleset *rs);
/* Number of rules in the set. */
size_t analyze_ruleset_nrules(const analyze_ruleset *rs);

/* A per-thread context for rs (which must outlive it); NULL-safe free. */
analyze_ctx *analyze_ctx_create(const analyze_ruleset *rs);
void analyze_ctx_free(analyze_ctx *cx);
/* Matches that hit the PCRE2 match limit in this context so far (each was
 * treated as no match). */
unsigned long analyze_ctx_limit_hits(const analyze_ctx *cx);

/*
 * Tag every utterance of s. out is reset and refilled (its memory reused:
 * keep one result per thread across sessions); out->utts[i] belongs to
 * s->utts[i]. Returns 0, or -1 on a PCRE2 error other than a limit.
 */
int analyze_session(analyze_ctx *cx, const session *s,
    struct analyze_result *out);
void analyze_result_free(struct analyze_result *r);

/* Is tag (or a child of tag) on u? A parent is implied by its child. */
int analyze_has(const struct analyze_utt *u, int tag);

#endif
