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
	hs_database_t	*db;		/* NULL: every rule is always run */
	hs_scratch_t	*proto;		/* cloned per thread */
	size_t		 nrules, words;
	uint64_t	*always;	/* bit per rule */
	size_t		 nalways, nliterals;
	double		 seconds;
};

struct prefilter_scratch {
	hs_scratch_t	*s;
};

/* What the scan callback fills. */
struct scan_out {
	uint64_t	*may;
	size_t		 words;
};

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
	unsigned char *has_pat = xcalloc(nrules > 0 ? nrules : 1, 1);
	const char **lits = NULL;
	size_t *lens = NULL, n = 0, cap = 0, lcap = 0, icap = 0, fcap = 0;
	unsigned int *ids = NULL, *flags = NULL;
	struct atoms *keep = xcalloc(np > 0 ? np : 1, sizeof(*keep));
	hs_compile_error_t *err = NULL;
	double t0 = now();

	*why = NULL;
	pf->nrules = nrules;
	pf->words = nrules / 64 + 1;
	pf->always = xcalloc(pf->words, sizeof(*pf->always));
	for (size_t i = 0; i < np; i++) {
		size_t r = p[i].rule;

		has_pat[r] = 1;
		if (!atoms_of(p[i].src, &keep[i])) {
			pf->always[r / 64] |= UINT64_C(1) << (r % 64);
			continue;
		}
		for (size_t k = 0; k < keep[i].n; k++) {
			lits = xgrow(lits, &cap, n + 1, sizeof(*lits));
			lens = xgrow(lens, &lcap, n + 1, sizeof(*lens));
			ids = xgrow(ids, &icap, n + 1, sizeof(*ids));
			flags = xgrow(flags, &fcap, n + 1, sizeof(*flags));
			lits[n] = keep[i].s[k];
			lens[n] = keep[i].len[k];
			ids[n] = (unsigned int)r;
			flags[n] = HS_FLAG_CASELESS | HS_FLAG_SINGLEMATCH;
			n++;
		}
	}
	/* A rule without a compiled pattern never fires; marking it
	 * always run leaves that to the exact path. */
	for (size_t r = 0; r < nrules; r++)
		if (!has_pat[r])
			pf->always[r / 64] |= UINT64_C(1) << (r % 64);
	for (size_t r = 0; r < nrules; r++)
		if (pf->always[r / 64] & (UINT64_C(1) << (r % 64)))
			pf->nalways++;
	pf->nliterals = n;
	if (n > 0) {
		if (hs_compile_lit_multi(lits, flags, ids, lens,
		    (unsigned int)n, HS_MODE_BLOCK, NULL, &pf->db, &err) !=
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
		atoms_free(&keep[i]);
	free(keep);
	free(lits);
	free(lens);
	free(ids);
	free(flags);
	free(has_pat);
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
	return pf->nliterals;
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
	o->may[id / 64] |= UINT64_C(1) << (id % 64);
	return 0;
}

int
prefilter_scan(const prefilter *pf, prefilter_scratch *sc, const char *text,
    size_t len, uint64_t *may)
{
	struct scan_out o = { may, pf->words };
	hs_error_t rc;

	if (len > UINT_MAX || !plain_text(text, len)) {
		memset(may, 0xff, pf->words * sizeof(*may));
		return 0;
	}
	memcpy(may, pf->always, pf->words * sizeof(*may));
	if (pf->db == NULL || len == 0)
		return 0;
	rc = hs_scan(pf->db, text, (unsigned int)len, 0, sc->s, on_match, &o);
	if (rc != HS_SUCCESS) {
		memset(may, 0xff, pf->words * sizeof(*may));
		return -1;
	}
	return 0;
}
