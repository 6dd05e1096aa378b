/* redact-recall.c -- measure redaction recall and false redactions.
 *
 *   redact-recall [-v] [-r MIN_RECALL] [-c MIN_CATEGORY] [-f MAX_FALSE]
 *                 PLANTED.tsv CLEAN.tsv
 *
 * PLANTED.tsv (tests/inputs/redact/planted.tsv) holds one planted
 * identifier a line: category, identifier, declared names ("|" between,
 * "-" for none), sentence, tab-separated; "#" starts a comment line. Each
 * sentence is redacted with redact_text() and its declared names, as
 * measure/examples.c redacts a quote with its session's names. The
 * identifier leaks when one of its words survives: a run of two or more
 * letters or digits (any byte >= 0x80 counts as a letter; ASCII compared
 * without case) that is not a generic word (the, of, street, years,
 * ... below) and that the sentence does not use outside the identifier,
 * found as a whole word in the redacted sentence. Recall is the share of
 * identifiers that do not leak, per category and overall.
 *
 * CLEAN.tsv holds one identifier-free sentence a line; a sentence is
 * falsely redacted when redaction changes it at all.
 *
 * Prints a table (and with -v every leak and false redaction). Exit 1
 * when overall recall < MIN_RECALL, any category's recall < MIN_CATEGORY
 * or the false-redaction rate > MAX_FALSE (each checked only when given),
 * 2 on usage or read errors. tests/redact.test runs it in make check.
 */
#include "config.h"

#include <ctype.h>
#include <strings.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "redact.h"
#include "util.h"

/* Words of an identifier that identify nothing alone: function words,
 * the words of address, date, ID and age phrases around the identifying
 * part. */
static const char *const generic[] = { "the", "of", "at", "dot", "and",
	"in", "on", "st", "street", "road", "rd", "avenue", "ave", "lane",
	"drive", "way", "close", "terrace", "mr", "mrs", "ms", "dr", "mrn",
	"id", "no", "number", "nhs", "apartment", "flat", "po", "box", "zip",
	"code", "postcode", "years", "year", "old", "aged", "case", "policy",
	"licence", "passport", "day", "com", "net", "org", NULL };

#define MAXCAT	32

struct cat {
	char	name[32];
	size_t	n, caught;
};

static int
is_word_byte(unsigned char c)
{
	return isalnum(c) || c >= 0x80;
}

/* Does word w (n bytes) occur as a whole word in s[0..len)? ASCII is
 * compared without case. */
static int
has_word(const char *s, size_t len, const char *w, size_t n)
{
	for (size_t i = 0; i + n <= len; i++) {
		size_t k = 0;

		if (i > 0 && is_word_byte((unsigned char)s[i - 1]))
			continue;
		while (k < n && tolower((unsigned char)s[i + k]) ==
		    tolower((unsigned char)w[k]))
			k++;
		if (k == n && (i + n == len ||
		    !is_word_byte((unsigned char)s[i + n])))
			return 1;
	}
	return 0;
}

static int
is_generic(const char *w, size_t n)
{
	for (size_t i = 0; generic[i] != NULL; i++)
		if (strlen(generic[i]) == n && strncasecmp(generic[i], w, n) == 0)
			return 1;
	return 0;
}

/* Does the identifier id (found in sentence s) leak into out? Sets
 * *words to the number of identifying words checked. */
static int
leaks(const char *s, const char *id, const char *out, size_t *words)
{
	const char *at = strstr(s, id);
	size_t idlen = strlen(id);
	strbuf rest = { 0 };
	int leak = 0;

	*words = 0;
	if (at == NULL)
		return -1;
	/* The sentence without the identifier, for words used elsewhere. */
	strbuf_add(&rest, s, (size_t)(at - s));
	strbuf_addc(&rest, ' ');
	strbuf_adds(&rest, at + idlen);
	for (size_t i = 0; i < idlen; ) {
		size_t j = i;

		while (j < idlen && is_word_byte((unsigned char)id[j]))
			j++;
		if (j - i >= 2 && !is_generic(id + i, j - i) &&
		    !has_word(rest.s, rest.len, id + i, j - i)) {
			(*words)++;
			if (has_word(out, strlen(out), id + i, j - i))
				leak = 1;
		}
		i = j > i ? j : i + 1;
	}
	strbuf_free(&rest);
	return leak;
}

/* Split line in place on tabs into at most max fields; returns the count. */
static size_t
fields(char *line, char **f, size_t max)
{
	size_t n = 0;

	line[strcspn(line, "\r\n")] = '\0';
	while (n < max) {
		f[n++] = line;
		if ((line = strchr(line, '\t')) == NULL)
			break;
		*line++ = '\0';
	}
	return n;
}

static struct cat *
category(struct cat *cats, size_t *ncats, const char *name)
{
	for (size_t i = 0; i < *ncats; i++)
		if (strcmp(cats[i].name, name) == 0)
			return &cats[i];
	if (*ncats == MAXCAT)
		return NULL;
	memset(&cats[*ncats], 0, sizeof(cats[0]));
	snprintf(cats[*ncats].name, sizeof(cats[0].name), "%s", name);
	return &cats[(*ncats)++];
}

int
main(int argc, char **argv)
{
	double min_recall = -1, min_cat = -1, max_false = -1;
	struct cat cats[MAXCAT];
	size_t ncats = 0, n = 0, caught = 0, clean = 0, changed = 0;
	char *line = NULL;
	size_t cap = 0;
	long lineno = 0;
	int verbose = 0, c, bad = 0;
	FILE *f;

	while ((c = getopt(argc, argv, "vr:c:f:")) != -1) {
		switch (c) {
		case 'v': verbose = 1; break;
		case 'r': min_recall = atof(optarg); break;
		case 'c': min_cat = atof(optarg); break;
		case 'f': max_false = atof(optarg); break;
		default: goto usage;
		}
	}
	if (argc - optind != 2)
		goto usage;
	if ((f = fopen(argv[optind], "r")) == NULL) {
		perror(argv[optind]);
		return 2;
	}
	while (getline(&line, &cap, f) > 0) {
		char *fl[4], *names[16], *out;
		size_t nf, nn = 0, words;
		struct cat *ct;
		int leak;

		lineno++;
		if (line[0] == '#' || line[0] == '\n')
			continue;
		if ((nf = fields(line, fl, 4)) != 4) {
			fprintf(stderr, "%s:%ld: want 4 fields, have %zu\n",
			    argv[optind], lineno, nf);
			return 2;
		}
		if (strcmp(fl[2], "-") != 0)
			for (char *p = fl[2]; p != NULL && nn < 16; ) {
				names[nn++] = p;
				if ((p = strchr(p, '|')) != NULL)
					*p++ = '\0';
			}
		out = redact_text(fl[3], (const char *const *)names, nn);
		leak = leaks(fl[3], fl[1], out, &words);
		if (leak < 0 || words == 0) {
			fprintf(stderr, "%s:%ld: identifier '%s' %s\n",
			    argv[optind], lineno, fl[1], leak < 0 ?
			    "is not in its sentence" : "has no identifying word");
			return 2;
		}
		if ((ct = category(cats, &ncats, fl[0])) == NULL) {
			fprintf(stderr, "too many categories\n");
			return 2;
		}
		ct->n++;
		n++;
		if (!leak) {
			ct->caught++;
			caught++;
		} else if (verbose)
			printf("LEAK %-9s %s\n     -> %s\n", fl[0], fl[1], out);
		free(out);
	}
	fclose(f);
	if ((f = fopen(argv[optind + 1], "r")) == NULL) {
		perror(argv[optind + 1]);
		return 2;
	}
	while (getline(&line, &cap, f) > 0) {
		char *out;

		if (line[0] == '#' || line[0] == '\n')
			continue;
		line[strcspn(line, "\r\n")] = '\0';
		out = redact_text(line, NULL, 0);
		clean++;
		if (strcmp(out, line) != 0) {
			changed++;
			if (verbose)
				printf("FALSE %s\n   -> %s\n", line, out);
		}
		free(out);
	}
	fclose(f);
	free(line);

	printf("%-10s %5s %7s %7s\n", "category", "n", "caught", "recall");
	for (size_t i = 0; i < ncats; i++) {
		double r = (double)cats[i].caught / (double)cats[i].n;

		printf("%-10s %5zu %7zu %7.3f\n", cats[i].name, cats[i].n,
		    cats[i].caught, r);
		if (min_cat >= 0 && r < min_cat) {
			fprintf(stderr, "redact-recall: %s recall %.3f below "
			    "%.3f\n", cats[i].name, r, min_cat);
			bad = 1;
		}
	}
	printf("%-10s %5zu %7zu %7.3f\n", "overall", n, caught,
	    n ? (double)caught / (double)n : 0.0);
	printf("false redactions: %zu of %zu clean sentences (%.3f)\n",
	    changed, clean, clean ? (double)changed / (double)clean : 0.0);
	if (min_recall >= 0 && n > 0 && (double)caught / (double)n <
	    min_recall) {
		fprintf(stderr, "redact-recall: overall recall %.3f below "
		    "%.3f\n", (double)caught / (double)n, min_recall);
		bad = 1;
	}
	if (max_false >= 0 && clean > 0 && (double)changed / (double)clean >
	    max_false) {
		fprintf(stderr, "redact-recall: false-redaction rate %.3f "
		    "above %.3f\n", (double)changed / (double)clean, max_false);
		bad = 1;
	}
	return bad;
usage:
	fprintf(stderr, "usage: redact-recall [-v] [-r MIN_RECALL] "
	    "[-c MIN_CATEGORY] [-f MAX_FALSE] PLANTED.tsv CLEAN.tsv\n");
	return 2;
}
