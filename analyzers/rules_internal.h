/* rules_internal.h -- what the loader and the matcher of rules share.
 *
 * A rule set is built by rules_load.c and read by rules_match.c; the
 * per-thread matching context is made and used by rules_match.c. No
 * other file may look inside them (rules.h is the interface).
 */
#ifndef RAPPORT_RULES_INTERNAL_H
#define RAPPORT_RULES_INTERNAL_H

#include <stdint.h>

#include "prefilter.h"
#include "rules.h"

struct rules_set {
	struct rules_rule	*rules;
	size_t			 n, cap;
	unsigned char		*origin;	/* 0 base, 1 extra, per rule */
	size_t			 origin_cap;
	size_t			 nfiles;
	uint32_t		 max_pairs;	/* for match data */
	char			 hash[65];
	prefilter		*pf;		/* NULL: every rule runs */
};

/* The prefilter's verdict on one text, kept while it is in use: the
 * analyzers evaluate many rules on one utterance and on each of its
 * sentences. An entry is found by the text's bytes, not its address, so a
 * buffer refilled with other words is scanned again. */
struct rules_scan {
	char		*text;		/* a copy */
	size_t		 len, cap;
	uint64_t	*found;		/* literals, prefilter_words() words */
	unsigned char	*verdict;	/* per rule: 0 not asked yet, 1 may
					   match, 2 cannot */
	int		 all;		/* every rule runs */
	unsigned long	 used;		/* clock of the last use */
	int		 valid;
};
#define RULES_SCANS	8

struct rules_ctx {
	pcre2_match_data	*md;
	pcre2_match_context	*mc;
	pcre2_jit_stack		*js;
	unsigned long		 limit_hits;
	const rules_set		*rs;
	prefilter_scratch	*ps;		/* NULL without a prefilter */
	struct rules_scan	 scans[RULES_SCANS];
	unsigned long		 clock;
};

#endif
