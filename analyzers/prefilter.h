/* prefilter.h -- one Vectorscan scan per text says which rules may match.
 *
 * Every pattern of every rule is compiled into one Vectorscan (Hyperscan)
 * database; scanning a text once reports the rules of which some pattern
 * may match somewhere in it. The rule engine then runs its exact PCRE2
 * path only for those rules: the scan never decides a match, it only
 * proves that a rule cannot fire (the multi-pattern prefilter of
 * Suricata's MPM stage and of RE2's FilteredRE2; Wang et al., "Hyperscan:
 * a fast multi-pattern regex matcher for modern CPUs", NSDI 2019).
 *
 * Exactness (analyzers/README.md, "Prefilter"): a pattern goes in as its
 * required literals (atoms.h: clauses of literals, every match of the
 * pattern holding one literal of each clause), matched without ASCII case by Vectorscan's literal matcher; a
 * pattern without provable literals makes its rule "always run". A text
 * holding a character outside ASCII and a few case-less punctuation marks
 * makes every rule run, so no Unicode case folding (U+212A KELVIN SIGN
 * matches "k" under PCRE2_CASELESS) can hide a match from the literals.
 * The regular expressions themselves are not given to Vectorscan: built
 * as one regex database (exact where it can, HS_FLAG_PREFILTER where it
 * cannot) the bundled rules took 2.3 to 3.9 s to compile, the literals
 * take milliseconds (bench/README.md).
 *
 * The database is read-only once built and shared by every thread; each
 * thread owns a prefilter_scratch (hs_clone_scratch of the prototype).
 */
#ifndef RAPPORT_PREFILTER_H
#define RAPPORT_PREFILTER_H

#include <stddef.h>
#include <stdint.h>

typedef struct prefilter prefilter;
typedef struct prefilter_scratch prefilter_scratch;

/* One PCRE2 pattern as rules_load.c compiled it (after the apostrophe
 * rewrite), with PCRE2_UTF | PCRE2_UCP and, when caseless is set,
 * PCRE2_CASELESS. rule is the index of its rule, below nrules. */
struct prefilter_pattern {
	const char	*src;
	int		 caseless;
	size_t		 rule;
};

/*
 * Build the database for the patterns p[0..np) of nrules rules, given in
 * rule order (p[i].rule never decreases). Returns
 * NULL and sets *why (the caller frees it) when Vectorscan fails for a
 * reason (out of memory, an unsupported CPU). Free with prefilter_free().
 */
prefilter *prefilter_build(const struct prefilter_pattern *p, size_t np,
    size_t nrules, char **why);
void prefilter_free(prefilter *pf);

/* Number of rules always run (no pattern, or a pattern without provable
 * literals), of literals in the database, and the seconds the build
 * took. */
size_t prefilter_nalways(const prefilter *pf);
size_t prefilter_nliterals(const prefilter *pf);
double prefilter_build_seconds(const prefilter *pf);

/* Words of the bit set of literals prefilter_scan() fills. */
size_t prefilter_words(const prefilter *pf);

/* Per-thread scan memory; NULL-safe free. */
prefilter_scratch *prefilter_scratch_create(const prefilter *pf);
void prefilter_scratch_free(prefilter_scratch *sc);

/*
 * Scan [text, text+len) once: sets bit i of found (prefilter_words(pf)
 * words) for every literal i in the text. Returns 0, or 1 when every rule
 * must run (the text holds a character the literals cannot judge, or the
 * scan failed).
 */
int prefilter_scan(const prefilter *pf, prefilter_scratch *sc,
    const char *text, size_t len, uint64_t *found);

/* After a scan that returned 0: may rule r match in that text? 0 only
 * when one of the clauses of each of its patterns has no literal in
 * found. */
int prefilter_may(const prefilter *pf, const uint64_t *found, size_t r);
/* The same for pattern k (0-based, in the order of rule r's patterns as
 * given to prefilter_build) alone. */
int prefilter_may_pattern(const prefilter *pf, const uint64_t *found,
    size_t r, size_t k);

#endif
