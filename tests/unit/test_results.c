/* test_results.c -- unit tests of report/results.c: a results folder,
 * written by hand, read back for the reports. */
#include "config.h"

#include "unit.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cjson/cJSON.h>

#include "results.h"
#include "util.h"

#define tmpdir unit_tmpdir()

/* Write text to DIR/name, DIR = tmpdir/dir (created). */
static void
put(const char *dir, const char *name, const char *text)
{
	char *d = xasprintf("%s/%s", tmpdir, dir);
	char *path = xasprintf("%s/%s", d, name);
	FILE *f;

	mkdir(d, 0700);
	f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	fclose(f);
	free(path);
	free(d);
}

static char *
dir_of(const char *dir)
{
	return xasprintf("%s/%s", tmpdir, dir);
}

/* The id of indicator name. */
static size_t
head(const char *name)
{
	int i = indicators_find(name);

	ck_assert_msg(i >= 0, "%s is not an indicator", name);
	return (size_t)i;
}

START_TEST(test_read)
{
	struct results r;
	char *dir = dir_of("r1"), *why = NULL;
	size_t rq = head("rq_ratio"), cr = head("pct_complex_reflections");

	put("r1", "corpus.json", "{\"rapport_version\": \"1.2\", "
	    "\"n_sessions\": 4}\n");
	put("r1", "sessions.jsonl",
	    "{\"session\":\"S1\",\"clinician\":\"C1\",\"client\":\"P9\","
	    "\"cohort\":\"fall\",\"date\":\"2026-03-14\",\"modality\":"
	    "\"video\",\"rq_ratio\":0.5,\"pct_complex_reflections\":0.4,"
	    "\"measure_SRS\":34,\"measure_ORS\":\"x\",\"events\":[{\"type\":"
	    "\"freeze\",\"start\":12.5,\"end\":-1},{\"type\":7}]}\n"
	    "{\"session\":\"S2\",\"clinician\":\"C1\",\"date\":null,"
	    "\"rq_ratio\":4,\"pct_complex_reflections\":null}\n"
	    /* Mistyped values read as missing, never as a crash. */
	    "{\"session\":7,\"clinician\":[\"C2\"],\"date\":\"2026-02-30\","
	    "\"rq_ratio\":\"high\",\"pct_complex_reflections\":true}\n"
	    "{\"session\":\"S4\",\"clinician\":\"C2\",\"rq_ratio\":1}\n"
	    "{\"session\":\"S5\",\"clinician\":\"C2\",\"rq_ratio\":2}\n");
	ck_assert_int_eq(results_read(dir, &r, &why), 0);
	ck_assert_ptr_null(why);
	ck_assert_str_eq(r.dir, dir);
	ck_assert_uint_eq(r.ns, 5);
	ck_assert_str_eq(r.s[0].id, "S1");
	ck_assert_str_eq(r.s[0].clinician, "C1");
	ck_assert_str_eq(r.s[0].cohort, "fall");
	ck_assert_str_eq(r.s[0].modality, "video");
	ck_assert_str_eq(r.s[0].date, "2026-03-14");
	ck_assert_double_eq(r.s[0].day, 20526);
	ck_assert_double_eq(r.s[0].v[rq], 0.5);
	ck_assert_double_eq(r.s[0].v[cr], 0.4);
	ck_assert(isnan(r.s[0].v[head("lsm")]));	/* absent */
	ck_assert_ptr_null(r.s[1].date);
	ck_assert(isnan(r.s[1].day));
	ck_assert(isnan(r.s[1].v[cr]));
	ck_assert_ptr_null(r.s[2].id);
	ck_assert_ptr_null(r.s[2].clinician);
	ck_assert_str_eq(r.s[2].date, "2026-02-30");
	ck_assert(isnan(r.s[2].day));			/* no such day */
	ck_assert(isnan(r.s[2].v[rq]));
	ck_assert(isnan(r.s[2].v[cr]));
	/* Quartiles of the values there are (R's quantile(), type 7):
	 * rq 0.5 1 2 4 -> 0.875 1.5 2.5; %CR one value. */
	ck_assert_double_eq_tol(r.group[RESULTS_ALL].q1[rq], 0.875, 1e-12);
	ck_assert_double_eq_tol(r.group[RESULTS_ALL].median[rq], 1.5, 1e-12);
	ck_assert_double_eq_tol(r.group[RESULTS_ALL].q3[rq], 2.5, 1e-12);
	ck_assert_double_eq(r.group[RESULTS_ALL].median[cr], 0.4);
	ck_assert_double_eq(r.group[RESULTS_ALL].q1[cr], 0.4);
	ck_assert(isnan(r.group[RESULTS_ALL].median[head("lsm")]));
	/* Peer groups: S1 is a trainee's (cohort fall), the rest not. */
	ck_assert_uint_eq(r.group[RESULTS_TRAINEES].nsess, 1);
	ck_assert_uint_eq(r.group[RESULTS_TRAINEES].nclin, 1);
	ck_assert_uint_eq(r.group[RESULTS_EXPERIENCED].nsess, 4);
	ck_assert_uint_eq(r.group[RESULTS_EXPERIENCED].nclin, 2);
	ck_assert_double_eq(r.group[RESULTS_TRAINEES].median[rq], 0.5);
	/* Each clinician's sessions in date order, undated last: C1 has S1
	 * (dated) then S2; C2 has S4, S5 (no dates: file order). */
	ck_assert_uint_eq(r.s[0].ord, 1);
	ck_assert_uint_eq(r.s[1].ord, 2);
	ck_assert_uint_eq(r.s[1].of, 2);
	ck_assert_uint_eq(r.s[2].ord, 0);	/* no clinician */
	ck_assert_uint_eq(r.s[3].ord, 1);
	ck_assert_uint_eq(r.s[4].ord, 2);
	ck_assert_uint_eq(r.ncl, 2);
	ck_assert_uint_eq(results_clinician(&r, "C2"), 1);
	ck_assert_uint_eq(results_clinician(&r, "C9"), (size_t)-1);
	/* Measures (any finite number) and events. */
	ck_assert_uint_eq(r.nmnames, 2);
	ck_assert_str_eq(r.mnames[0], "ORS");
	ck_assert_str_eq(r.mnames[1], "SRS");
	ck_assert_uint_eq(r.s[0].nm, 2);
	ck_assert_double_eq(r.s[0].m[0].value, 34);
	ck_assert(isnan(r.s[0].m[1].value));
	ck_assert_uint_eq(r.s[0].nev, 1);
	ck_assert_str_eq(r.s[0].ev[0].type, "freeze");
	ck_assert_double_eq(r.s[0].ev[0].start, 12.5);
	ck_assert(isnan(r.s[0].ev[0].end));
	ck_assert_ptr_null(r.manifest);
	/* No examples.jsonl: none, not an error. */
	ck_assert_uint_eq(r.nex, 0);
	ck_assert_str_eq(cJSON_GetStringValue(results_get(r.corpus,
	    "rapport_version")), "1.2");
	results_free(&r);
	free(dir);
}
END_TEST

/* The kept examples of clinician and kind, best first. */
static size_t
kept(const struct results *r, const char *clinician, const char *kind,
    const struct example **out)
{
	size_t n = 0;

	for (size_t i = 0; i < r->nex; i++)
		if (strcmp(r->ex[i].clinician, clinician) == 0 &&
		    strcmp(r->ex[i].kind, kind) == 0)
			out[n++] = &r->ex[i];
	qsort(out, n, sizeof(*out), results_cmp_example);
	return n;
}

START_TEST(test_examples)
{
	struct results r;
	char *dir = dir_of("r2"), *why = NULL;
	const struct example *e[16];
	size_t n;

	put("r2", "corpus.json", "{}");
	put("r2", "sessions.jsonl", "");
	put("r2", "examples.jsonl",
#define EX(sess, idx, kind, score, text) \
	"{\"session\":\"" sess "\",\"clinician\":\"C1\",\"date\":" \
	"\"2026-03-14\",\"kind\":\"" kind "\",\"index\":" #idx "," \
	"\"score\":" score ",\"text\":\"" text "\"}\n"
	    EX("S1", 1, "reflection", "0.5", "fifth")
	    EX("S1", 2, "reflection", "0.9", "first")
	    EX("S2", 3, "reflection", "0.7", "third")
	    EX("S1", 4, "reflection", "null", "no score")
	    EX("S2", 5, "reflection", "0.8", "second")
	    EX("S3", 6, "reflection", "0.7", "fourth")	/* tie: by session */
	    EX("S3", 7, "reflection", "0.6", "sixth")
	    /* The same sentence in another session: kept once, best. */
	    EX("S4", 1, "reflection", "0.95", "second")
	    EX("S0", 8, "validation", "0.1", "Write to me at dana@example.org")
	    "{\"session\":\"S9\",\"clinician\":\"C2\",\"kind\":\"jargon\","
	    "\"score\":1,\"index\":2,\"text\":\"the comorbid stuff\","
	    "\"term\":\"comorbid\",\"plain\":\"happening together\"}\n"
	    /* Mistyped fields. */
	    "{\"session\":1,\"clinician\":\"C2\",\"kind\":\"jargon\","
	    "\"score\":\"high\",\"text\":5}\n");
#undef EX
	ck_assert_int_eq(results_read(dir, &r, &why), 0);
	/* The best EXAMPLES_SHOWN of C1's reflections, each text once. */
	n = kept(&r, "C1", "reflection", e);
	ck_assert_uint_eq(n, EXAMPLES_SHOWN);
	ck_assert_str_eq(e[0]->text, "second");
	ck_assert_str_eq(e[0]->session, "S4");	/* its best instance */
	ck_assert_double_eq(e[0]->score, 0.95);
	ck_assert_str_eq(e[1]->text, "first");
	ck_assert_str_eq(e[2]->text, "third");
	ck_assert_str_eq(e[3]->text, "fourth");
	ck_assert_str_eq(e[3]->date, "2026-03-14");
	/* Text is redacted again while reading. */
	n = kept(&r, "C1", "validation", e);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(e[0]->text, "Write to me at [email]");
	n = kept(&r, "C2", "jargon", e);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(e[0]->term, "comorbid");
	ck_assert_str_eq(e[0]->plain, "happening together");
	ck_assert_str_eq(e[1]->text, "");		/* text 5: none */
	ck_assert(isnan(e[1]->score));
	ck_assert_ptr_null(e[1]->session);
	ck_assert_ptr_null(e[1]->term);
	results_free(&r);

	/* The same examples in the other order keep the same ones. */
	put("r2", "examples.jsonl",
	    "{\"session\":\"S3\",\"clinician\":\"C1\",\"kind\":\"reflection\","
	    "\"index\":6,\"score\":0.7,\"text\":\"fourth\"}\n"
	    "{\"session\":\"S4\",\"clinician\":\"C1\",\"kind\":\"reflection\","
	    "\"index\":1,\"score\":0.95,\"text\":\"second\"}\n"
	    "{\"session\":\"S2\",\"clinician\":\"C1\",\"kind\":\"reflection\","
	    "\"index\":3,\"score\":0.7,\"text\":\"third\"}\n"
	    "{\"session\":\"S3\",\"clinician\":\"C1\",\"kind\":\"reflection\","
	    "\"index\":7,\"score\":0.6,\"text\":\"sixth\"}\n"
	    "{\"session\":\"S2\",\"clinician\":\"C1\",\"kind\":\"reflection\","
	    "\"index\":5,\"score\":0.8,\"text\":\"second\"}\n"
	    "{\"session\":\"S1\",\"clinician\":\"C1\",\"kind\":\"reflection\","
	    "\"index\":2,\"score\":0.9,\"text\":\"first\"}\n");
	ck_assert_int_eq(results_read(dir, &r, &why), 0);
	n = kept(&r, "C1", "reflection", e);
	ck_assert_uint_eq(n, 4);
	ck_assert_str_eq(e[0]->session, "S4");
	ck_assert_str_eq(e[1]->text, "first");
	ck_assert_str_eq(e[2]->text, "third");
	ck_assert_str_eq(e[3]->text, "fourth");
	results_free(&r);
	free(dir);
}
END_TEST

/* results_read of tmpdir/dir must fail with a message holding what, and
 * leave r empty. */
static void
fails(const char *dir, const char *what)
{
	struct results r;
	char *d = dir_of(dir), *why = NULL;

	ck_assert_int_eq(results_read(d, &r, &why), -1);
	ck_assert_ptr_nonnull(why);
	ck_assert_msg(strstr(why, what) != NULL, "'%s' lacks '%s'", why, what);
	ck_assert_uint_eq(r.ns, 0);
	ck_assert_uint_eq(r.nex, 0);
	ck_assert_ptr_null(r.s);
	ck_assert_ptr_null(r.ex);
	ck_assert_ptr_null(r.corpus);
	results_free(&r);	/* empty: freeing it again is harmless */
	free(why);
	free(d);
}

START_TEST(test_refused)
{
	fails("no-such-folder", "cannot read: No such file or directory (is this a results folder");
	put("r3", "corpus.json", "[1, 2, 3]");
	put("r3", "sessions.jsonl", "{}\n");
	fails("r3", "corpus.json: not a JSON object");
	put("r4", "corpus.json", "{\"cut\": ");
	fails("r4", "corpus.json: not a JSON object");
	put("r5", "corpus.json", "{}");
	fails("r5", "sessions.jsonl: cannot read");
	put("r5", "sessions.jsonl", "{\"session\":\"S1\"}\n{oops\n");
	fails("r5", "sessions.jsonl:2: not a JSON object");
	put("r5", "sessions.jsonl", "{\"session\":\"S1\"}\n");
	put("r5", "examples.jsonl", "{\"kind\":\"reflection\"}\nnot json\n");
	fails("r5", "examples.jsonl:2: not a JSON object");
}
END_TEST

START_TEST(test_access)
{
	cJSON *o = cJSON_Parse("{\"s\": \"text\", \"n\": 2.5, \"o\": {}, "
	    "\"a\": [1], \"z\": null}");
	char *s;

	s = results_str(o, "s");
	ck_assert_str_eq(s, "text");
	free(s);
	ck_assert_ptr_null(results_str(o, "n"));
	ck_assert_ptr_null(results_str(o, "missing"));
	ck_assert_ptr_null(results_str(NULL, "s"));
	ck_assert_double_eq(results_num(o, "n"), 2.5);
	ck_assert(isnan(results_num(o, "s")));
	ck_assert(isnan(results_num(o, "z")));
	ck_assert(isnan(results_num(NULL, "n")));
	ck_assert_ptr_nonnull(results_obj(o, "o"));
	ck_assert_ptr_null(results_obj(o, "a"));
	ck_assert_ptr_null(results_obj(o, "s"));
	ck_assert_ptr_nonnull(results_arr(o, "a"));
	ck_assert_ptr_null(results_arr(o, "o"));
	ck_assert_ptr_null(results_arr(NULL, "a"));
	ck_assert_ptr_nonnull(results_get(o, "z"));
	ck_assert_ptr_null(results_get(NULL, "z"));
	/* Keys are case-sensitive. */
	ck_assert_ptr_null(results_get(o, "S"));
	cJSON_Delete(o);
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("results");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_read);
	tcase_add_test(tc, test_examples);
	tcase_add_test(tc, test_refused);
	tcase_add_test(tc, test_access);
	suite_add_tcase(s, tc);
	return s;
}
