/* test_validity.c -- unit tests of report/validity.c: docs/validity.csv
 * read for the reports. */
#include "config.h"

#include "unit.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "util.h"
#include "validity.h"

static char *
write_file(const char *name, const char *text)
{
	char *path = xasprintf("%s/%s", unit_tmpdir(), name);
	FILE *f = fopen(path, "w");

	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	fclose(f);
	return path;
}

START_TEST(test_load)
{
	char *path = write_file("v.csv",
	    "indicator_or_tag,measure,value,dataset,n\n"
	    "pct_complex_reflections,pearson_r,0.71,annomi-dev-all,120\n"
	    "pct_complex_reflections,pearson_r,0.44,annomi-dev-held,40\n"
	    "pct_open_questions,pearson_r,0.81,annomi-dev-all,120\n"
	    "pct_open_questions,pearson_r,0.70,esconv-dev,200\n"
	    "rq_ratio,auc_mi_quality,0.77,annomi-dev-held,40\n"
	    "lsm,pearson_r,n/a,annomi-dev-held,12\n"
	    "question.open,f1,0.83,annomi-dev-held,900\n"
	    "\"quoted, name\",f1,0.5,x,1.5\n"
	    "too,few,fields\n");
	struct validity v;
	const struct validity_row *r;
	char *why = NULL;

	ck_assert_int_eq(validity_load(path, &v, &why), 0);
	ck_assert_ptr_null(why);
	ck_assert_str_eq(v.path, path);
	ck_assert_uint_eq(v.n, 8);
	/* The held-out data set wins over a bigger one it was tuned on. */
	r = validity_session_r(&v, "pct_complex_reflections");
	ck_assert_ptr_nonnull(r);
	ck_assert_str_eq(r->dataset, "annomi-dev-held");
	ck_assert_double_eq(r->value, 0.44);
	ck_assert_double_eq(r->n, 40);
	ck_assert(validity_experimental(&v, "pct_complex_reflections"));
	/* Without a held-out set, the most sessions. */
	r = validity_session_r(&v, "pct_open_questions");
	ck_assert_str_eq(r->dataset, "esconv-dev");
	ck_assert(!validity_experimental(&v, "pct_open_questions"));
	/* An AUC is not a session-level r: not experimental, unmeasured. */
	ck_assert_ptr_null(validity_session_r(&v, "rq_ratio"));
	ck_assert(!validity_experimental(&v, "rq_ratio"));
	ck_assert_ptr_nonnull(validity_find(&v, "rq_ratio", "auc_mi_quality"));
	/* A value that is not a number counts as below the line. */
	ck_assert(isnan(validity_session_r(&v, "lsm")->value));
	ck_assert(validity_experimental(&v, "lsm"));
	ck_assert_double_eq(validity_find(&v, "question.open", "f1")->value,
	    0.83);
	ck_assert(isnan(validity_find(&v, "quoted, name", "f1")->n));
	ck_assert_ptr_null(validity_session_r(&v, NULL));

	/* --replace-rules: the figures are of other rules. */
	{
		cJSON *m = cJSON_Parse("{\"rules\": {\"replace\": true}}");

		validity_applies(&v, m);
		cJSON_Delete(m);
	}
	ck_assert_ptr_nonnull(v.not_applicable);
	ck_assert_ptr_null(validity_session_r(&v, "pct_open_questions"));
	ck_assert(!validity_experimental(&v, "pct_complex_reflections"));
	validity_free(&v);
	ck_assert_uint_eq(v.n, 0);
	free(path);
}
END_TEST

START_TEST(test_missing)
{
	char *path = xasprintf("%s/no-such.csv", unit_tmpdir());
	struct validity v;
	char *why = NULL;

	/* Not measured: no file, no error. */
	ck_assert_int_eq(validity_load(path, &v, &why), 0);
	ck_assert_ptr_null(v.path);
	ck_assert_uint_eq(v.n, 0);
	ck_assert_ptr_null(validity_session_r(&v, "rq_ratio"));
	validity_applies(&v, NULL);
	ck_assert_ptr_null(v.not_applicable);
	validity_free(&v);
	free(path);
	/* A header only. */
	path = write_file("h.csv", "indicator_or_tag,measure,value,dataset,n\n");
	ck_assert_int_eq(validity_load(path, &v, &why), 0);
	ck_assert_ptr_nonnull(v.path);
	ck_assert_uint_eq(v.n, 0);
	validity_free(&v);
	free(path);
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("validity");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_load);
	tcase_add_test(tc, test_missing);
	suite_add_tcase(s, tc);
	return s;
}
