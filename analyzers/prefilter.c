/* prefilter.c -- the Vectorscan prefilter of the rule engine (prefilter.h).
 *
 * The required literals of every pattern (atoms.c) go into one literal
 * database (hs_compile_lit_multi), each with the index of its rule as id
 * and HS_FLAG_CASELESS | HS_FLAG_SINGLEMATCH: the scan needs to know that
 * a rule may match, not where, and one report per literal keeps the
 * callback off the hot path. A rule with a pattern that has no provable
 * literals is always run. Vectorscan's literal matchers (FDR, Teddy:
 * Wang et al., NSDI 2019, section 4) scan many thousands of literals at
 * gigabytes per second, and build in milliseconds.
 *
 * Before the scan a text is checked for characters outside ASCII and the
 * marks of atoms.c (is_mark): one such character and every rule runs.
 * ASCII case is all a literal scan folds, and a caseless PCRE2 pattern
 * can match text outside ASCII that no ASCII literal stands for (U+212A
 * KELVIN SIGN for "k", U+017F LONG S for "s"). The marks are punctuation
 * with no case; atoms holding one hold its exact bytes.
 */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <hs.h>

#include "atoms.h"
#include "prefilter.h"
#include "util.h"

struct prefilter {
	hs_database_t	*db;		/* NULL: no literal at all */
	hs_scratch_t	*proto;		/* cloned per thread */
	size_t		 nrules, nlits, words;
	unsigned char	*always;	/* per rule */
	/* Rule r's patterns are rule_pat[r] .. rule_pat[r+1]-1; pattern
	 * k's clauses pat_cl[k] ..; clause c's literal ids cl_lit[c] ..
	 * in lit[]. A pattern may match when each of its clauses has a
	 * literal in the text, a rule when one of its patterns may. */
	size_t		*rule_pat, *pat_cl, *cl_lit;
	unsigned int	*lit;
	size_t		 nalways;
	double		 seconds;
};

struct prefilter_scratch {
	hs_scratch_t	*s;
};

/* What the scan callback fills. */
struct scan_out {
	uint64_t	*found;
};

/* Literal strings to ids, without duplicates (open addressing, FNV-1a:
 * Fowler, Noll, Vo 1991). */
struct lit_table {
	const char	**s;
	size_t		 *len;
	size_t		  n, cap;
	size_t		 *slot;		/* id + 1, 0 empty */
	size_t		  size;		/* a power of two */
};

static uint64_t
fnv1a(const char *s, size_t len)
{
	uint64_t h = UINT64_C(14695981039346656037);

	for (size_t i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= UINT64_C(1099511628211);
	}
	return h;
}

static unsigned int
lit_id(struct lit_table *t, const char *s, size_t len)
{
	size_t lcap = t->cap, i;

	if (2 * (t->n + 1) > t->size) {
		size_t size = t->size ? 2 * t->size : 1024;
		size_t *slot = xcalloc(size, sizeof(*slot));

		for (size_t k = 0; k < t->n; k++) {
			i = fnv1a(t->s[k], t->len[k]) & (size - 1);
			while (slot[i] != 0)
				i = (i + 1) & (size - 1);
			slot[i] = k + 1;
		}
		free(t->slot);
		t->slot = slot;
		t->size = size;
	}
	i = fnv1a(s, len) & (t->size - 1);
	for (; t->slot[i] != 0; i = (i + 1) & (t->size - 1)) {
		size_t k = t->slot[i] - 1;

		if (t->len[k] == len && memcmp(t->s[k], s, len) == 0)
			return (unsigned int)k;
	}
	t->s = xgrow(t->s, &t->cap, t->n + 1, sizeof(*t->s));
	t->len = xgrow(t->len, &lcap, t->n + 1, sizeof(*t->len));
	t->s[t->n] = s;
	t->len[t->n] = len;
	t->slot[i] = t->n + 1;
	return (unsigned int)t->n++;
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* May every rule be judged by the literal scan of t? Only when t holds
 * ASCII and the marks alone (see the top of this file). */
static int
plain_text(const char *t, size_t len)
{
	const unsigned char *p = (const unsigned char *)t;

	for (size_t i = 0; i < len; i++) {
		if (p[i] < 0x80)
			continue;
		/* The marks are U+2013 U+2014 U+2018 U+2019 U+201C U+201D
		 * U+2026: E2 80 93/94/98/99/9C/9D/A6. */
		if (i + 2 >= len || p[i] != 0xE2 || p[i + 1] != 0x80)
			return 0;
		switch (p[i + 2]) {
		case 0x93: case 0x94: case 0x98: case 0x99: case 0x9C:
		case 0x9D: case 0xA6:
			i += 2;
			continue;
		}
		return 0;
	}
	return 1;
}

prefilter *
prefilter_build(const struct prefilter_pattern *p, size_t np, size_t nrules,
    char **why)
{
	prefilter *pf = xcalloc(1, sizeof(*pf));
	struct atoms_cnf *cnf = xcalloc(np > 0 ? np : 1, sizeof(*cnf));
	struct lit_table t = { 0 };
	unsigned int *ids = NULL, *flags = NULL;
	size_t ncl = 0, nlit = 0, clcap = 0, litcap = 0, k = 0;
	hs_compile_error_t *err = NULL;
	double t0 = now();

	*why = NULL;
	pf->nrules = nrules;
	pf->always = xcalloc(nrules > 0 ? nrules : 1, 1);
	pf->rule_pat = xcalloc(nrules + 1, sizeof(*pf->rule_pat));
	pf->pat_cl = xcalloc(np + 1, sizeof(*pf->pat_cl));
	pf->cl_lit = xcalloc(1, sizeof(*pf->cl_lit));
	for (size_t r = 0; r < nrules; r++) {
		pf->rule_pat[r] = k;
		if (k == np || p[k].rule != r)
			pf->always[r] = 1;	/* no pattern: the exact
						   path decides */
		for (; k < np && p[k].rule == r; k++) {
			pf->pat_cl[k] = ncl;
			if (!atoms_of(p[k].src, &cnf[k])) {
				pf->always[r] = 1;
				continue;
			}
			for (size_t c = 0; c < cnf[k].n; c++) {
				const struct atoms *a = &cnf[k].cl[c];

				pf->cl_lit = xgrow(pf->cl_lit, &clcap,
				    ncl + 2, sizeof(*pf->cl_lit));
				pf->cl_lit[ncl++] = nlit;
				for (size_t j = 0; j < a->n; j++) {
					pf->lit = xgrow(pf->lit, &litcap,
					    nlit + 1, sizeof(*pf->lit));
					pf->lit[nlit++] = lit_id(&t, a->s[j],
					    a->len[j]);
				}
			}
		}
		pf->nalways += pf->always[r];
	}
	if (k != np) {
		*why = xstrdup("prefilter: patterns not in rule order");
		goto fail;
	}
	pf->rule_pat[nrules] = np;
	pf->pat_cl[np] = ncl;
	pf->cl_lit = xgrow(pf->cl_lit, &clcap, ncl + 1, sizeof(*pf->cl_lit));
	pf->cl_lit[ncl] = nlit;
	pf->nlits = t.n;
	pf->words = t.n / 64 + 1;
	if (t.n > 0) {
		ids = xcalloc(t.n, sizeof(*ids));
		flags = xcalloc(t.n, sizeof(*flags));
		for (size_t i = 0; i < t.n; i++) {
			ids[i] = (unsigned int)i;
			flags[i] = HS_FLAG_CASELESS | HS_FLAG_SINGLEMATCH;
		}
		if (hs_compile_lit_multi(t.s, flags, ids, t.len,
		    (unsigned int)t.n, HS_MODE_BLOCK, NULL, &pf->db, &err) !=
		    HS_SUCCESS) {
			*why = xasprintf("Vectorscan cannot build the "
			    "prefilter: %s", err != NULL ? err->message :
			    "unknown error");
			hs_free_compile_error(err);
			pf->db = NULL;
			goto fail;
		}
		if (hs_alloc_scratch(pf->db, &pf->proto) != HS_SUCCESS) {
			*why = xstrdup("Vectorscan cannot allocate scratch "
			    "memory");
			goto fail;
		}
	}
	pf->seconds = now() - t0;
	goto done;
fail:
	prefilter_free(pf);
	pf = NULL;
done:
	for (size_t i = 0; i < np; i++)
		atoms_cnf_free(&cnf[i]);
	free(cnf);
	free(t.s);
	free(t.len);
	free(t.slot);
	free(ids);
	free(flags);
	return pf;
}

void
prefilter_free(prefilter *pf)
{
	if (pf == NULL)
		return;
	hs_free_scratch(pf->proto);
	hs_free_database(pf->db);
	free(pf->always);
	free(pf->rule_pat);
	free(pf->pat_cl);
	free(pf->cl_lit);
	free(pf->lit);
	free(pf);
}

size_t
prefilter_nalways(const prefilter *pf)
{
	return pf->nalways;
}

size_t
prefilter_nliterals(const prefilter *pf)
{
	return pf->nlits;
}

double
prefilter_build_seconds(const prefilter *pf)
{
	return pf->seconds;
}

size_t
prefilter_words(const prefilter *pf)
{
	return pf->words;
}

prefilter_scratch *
prefilter_scratch_create(const prefilter *pf)
{
	prefilter_scratch *sc = xcalloc(1, sizeof(*sc));

	if (pf->proto != NULL &&
	    hs_clone_scratch(pf->proto, &sc->s) != HS_SUCCESS) {
		fprintf(stderr, "rapport: out of memory (Vectorscan scratch)\n");
		abort();
	}
	return sc;
}

void
prefilter_scratch_free(prefilter_scratch *sc)
{
	if (sc == NULL)
		return;
	hs_free_scratch(sc->s);
	free(sc);
}

static int
on_match(unsigned int id, unsigned long long from, unsigned long long to,
    unsigned int flags, void *ctx)
{
	struct scan_out *o = ctx;

	(void)from;
	(void)to;
	(void)flags;
	o->found[id / 64] |= UINT64_C(1) << (id % 64);
	return 0;
}

int
prefilter_scan(const prefilter *pf, prefilter_scratch *sc, const char *text,
    size_t len, uint64_t *found)
{
	struct scan_out o = { found };

	memset(found, 0, pf->words * sizeof(*found));
	if (len > UINT_MAX || !plain_text(text, len))
		return 1;
	if (pf->db == NULL || len == 0)
		return 0;
	if (hs_scan(pf->db, text, (unsigned int)len, 0, sc->s, on_match,
	    &o) != HS_SUCCESS)
		return 1;
	return 0;
}

/* Does every clause of pattern k (global index) have a literal found?
 * A pattern without clauses (no literals proved) makes its rule always
 * run, so it never gets here as a reason to skip. */
static int
clauses_hold(const prefilter *pf, const uint64_t *found, size_t k)
{
	for (size_t c = pf->pat_cl[k]; c < pf->pat_cl[k + 1]; c++) {
		int any = 0;

		for (size_t j = pf->cl_lit[c]; !any && j < pf->cl_lit[c + 1];
		    j++) {
			unsigned int id = pf->lit[j];

			any = (found[id / 64] >> (id % 64)) & 1;
		}
		if (!any)
			return 0;
	}
	return 1;
}

int
prefilter_may(const prefilter *pf, const uint64_t *found, size_t r)
{
	if (r >= pf->nrules || pf->always[r])
		return 1;
	for (size_t k = pf->rule_pat[r]; k < pf->rule_pat[r + 1]; k++)
		if (clauses_hold(pf, found, k))
			return 1;
	return 0;
}

int
prefilter_may_pattern(const prefilter *pf, const uint64_t *found, size_t r,
    size_t k)
{
	if (r >= pf->nrules || pf->always[r] ||
	    k >= pf->rule_pat[r + 1] - pf->rule_pat[r])
		return 1;
	return clauses_hold(pf, found, pf->rule_pat[r] + k);
}
