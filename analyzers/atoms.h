/* atoms.h -- the literals a PCRE2 pattern cannot match without.
 *
 * For a pattern P, atoms_of() finds a set A of strings such that every
 * string P matches contains some member of A (compared without ASCII
 * case), or says there is none it can prove. This is the "prefilter"
 * analysis of RE2's FilteredRE2 (re2/prefilter.cc; Cox, "Regular
 * Expression Matching with a Trigram Index", 2012): each node of the
 * pattern is either *exact* (the small, finite set of strings it
 * matches) or *match* (atoms one of which it contains), concatenation
 * crosses exact sets or keeps the better child's atoms, alternation
 * unions them, and a node that may match anything (\s, ., a quantifier
 * with minimum 0 of something large, a backreference) requires nothing.
 * Zero-width items (\b, ^, $, lookarounds) require nothing either, so
 * the atoms of a pattern are also atoms of every text it matches in,
 * whatever surrounds it.
 */
#ifndef RAPPORT_ATOMS_H
#define RAPPORT_ATOMS_H

#include <stddef.h>

struct atoms {
	char	**s;		/* NUL-free, non-empty */
	size_t	 *len;
	size_t	  n, cap;
};

/*
 * Atoms of the pattern src (PCRE2 syntax, as compiled with PCRE2_UTF |
 * PCRE2_UCP, caseless or not). Returns 1 and fills out (empty on entry;
 * free with atoms_free) when every match of src must contain one of them,
 * 0 when no such set could be proved (syntax this analysis does not know,
 * or a pattern that can match almost anything): then out is empty.
 */
int atoms_of(const char *src, struct atoms *out);
void atoms_free(struct atoms *a);

#endif
