/* atoms.h -- the literals a PCRE2 pattern cannot match without.
 *
 * For a pattern P, atoms_of() finds clauses C1 ... Cn, each a set of
 * strings (atoms), such that every string P matches contains, for every
 * clause, one of its atoms (compared without ASCII case); or says there
 * is none it can prove. "\byou\s+(?:care|cared)\s+about\b" gives
 * {you} and {care, cared} and {about}. This is the "prefilter"
 * analysis of RE2's FilteredRE2 (re2/prefilter.cc; Cox, "Regular
 * Expression Matching with a Trigram Index", 2012): each node of the
 * pattern is either *exact* (the small, finite set of strings it
 * matches) or *match* (atoms one of which it contains), concatenation
 * crosses exact sets or joins the children's clauses (AND), alternation
 * unions one clause of each side (OR), and a node that may match anything (\s, ., a quantifier
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

/* Clauses, all of which a match satisfies. */
struct atoms_cnf {
	struct atoms	*cl;
	size_t		 n;
};

/*
 * Clauses of the pattern src (PCRE2 syntax, as compiled with PCRE2_UTF |
 * PCRE2_UCP, caseless or not). Returns 1 and fills out (free with
 * atoms_cnf_free) when every match of src must satisfy them, 0 when no
 * clause could be proved (syntax this analysis does not know, or a
 * pattern that can match almost anything): then out is empty.
 */
int atoms_of(const char *src, struct atoms_cnf *out);
void atoms_cnf_free(struct atoms_cnf *c);
void atoms_free(struct atoms *a);

#endif
