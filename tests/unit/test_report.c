/* test_report.c -- unit tests of report/report.c: the HTML reports of a
 * results folder written by hand. */
#include "config.h"

#include "unit.h"
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "report.h"
#include "util.h"

#define tmpdir unit_tmpdir()

/* A client id: in sessions.jsonl only, never on a page. */
#define CLIENT	"P-SECRET-77"

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

/* The page tmpdir/dir/reports/name (free() it), or NULL. */
static char *
page(const char *dir, const char *name)
{
	char *path = xasprintf("%s/%s/reports/%s", tmpdir, dir, name);
	FILE *f = fopen(path, "rb");
	strbuf b = { 0 };
	char buf[4096];
	size_t n;

	free(path);
	if (f == NULL)
		return NULL;
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		strbuf_add(&b, buf, n);
	fclose(f);
	return strbuf_release(&b);
}

/* Every file of tmpdir/dir/reports/ is a finished page: no temporary
 * files, nothing but *.html; returns their number. Each page is checked
 * for what no page may hold. */
static size_t
check_pages(const char *dir)
{
	char *rd = xasprintf("%s/%s/reports", tmpdir, dir);
	DIR *d = opendir(rd);
	struct dirent *e;
	size_t n = 0;

	ck_assert_msg(d != NULL, "%s", rd);
	while ((e = readdir(d)) != NULL) {
		size_t len = strlen(e->d_name);
		char *text;

		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		ck_assert_msg(e->d_name[0] != '.', "left over: %s", e->d_name);
		ck_assert_msg(len > 5 && strcmp(e->d_name + len - 5, ".html") ==
		    0, "%s", e->d_name);
		text = page(dir, e->d_name);
		ck_assert_ptr_nonnull(text);
		ck_assert_int_eq(strncmp(text, "<!DOCTYPE html>", 15), 0);
		ck_assert_ptr_nonnull(strstr(text, "</html>\n"));
		ck_assert_msg(strstr(text, CLIENT) == NULL, "%s names the "
		    "client", e->d_name);
		ck_assert_msg(strstr(text, "nan") == NULL, "%s: nan",
		    e->d_name);
		ck_assert_msg(strstr(text, "<script") == NULL, "%s: script",
		    e->d_name);
		ck_assert_msg(strstr(text, "<b>C/2") == NULL, "%s: markup "
		    "from an id", e->d_name);
		free(text);
		n++;
	}
	closedir(d);
	free(rd);
	return n;
}

static const char corpus[] = "{\n"
    "\"rapport_version\": \"1.2.3\", \"n_sessions\": 3,\n"
    "\"n_clinicians\": 2, \"n_cohorts\": 1,\n"
    "\"indicators\": {\"rq_ratio\": {\"n\": 3, \"mean\": 1.2, \"sd\": 0.3,\n"
    "  \"ci_low\": 0.5, \"ci_high\": 1.9, \"median\": 1.1, \"min\": 0.8,\n"
    "  \"max\": 1.6, \"thresholds\": {\"fair\": 1, \"good\": 2},\n"
    "  \"icc1\": {\"value\": 0.4, \"ci_low\": 0, \"ci_high\": 0.9,\n"
    "  \"n_clinicians\": 2, \"n_sessions\": 3}}},\n"
    "\"clinicians\": {\n"
    " \"C1\": {\"cohort\": \"fall\", \"n_sessions\": 2,\n"
    "  \"first_date\": \"2026-01-05\", \"last_date\": \"2026-02-02\",\n"
    "  \"modalities\": {\"video\": 2},\n"
    "  \"indicators\": {\"rq_ratio\": {\"n\": 2, \"mean\": 2.4, \"sd\": 0.2,\n"
    "   \"ci_low\": 0.9, \"ci_high\": 1.5, \"median\": 1.2,\n"
    "   \"slope_per_30d\": 0.3, \"slope_ci_low\": 0.1,\n"
    "   \"slope_ci_high\": 0.5, \"slope_p\": 0.04, \"proficiency\": \"good\",\n"
    "   \"by_modality\": {\"video\": {\"n\": 2, \"mean\": 1.2}}},\n"
    "   \"pct_complex_reflections\": {\"mean\": 0.2,\n"
    "   \"proficiency\": \"below\"}}},\n"
    " \"<b>C/2</b>\": {\"cohort\": null, \"n_sessions\": 1,\n"
    "  \"first_date\": null, \"modalities\": {},\n"
    "  \"indicators\": {\"rq_ratio\": {\"n\": 1, \"mean\": null}}}},\n"
    "\"cohorts\": {\"fall\": {\"clinicians\": [\"C1\"],\n"
    "  \"months\": [{\"month\": \"2026-01\", \"sessions\": 1,\n"
    "   \"indicators\": {\"rq_ratio\": {\"n\": 1, \"mean\": 0.8,\n"
    "   \"ci_low\": null, \"ci_high\": null}}}],\n"
    "  \"trend\": {\"rq_ratio\": {\"n_trainees\": 1, \"mean_slope\": 0.3,\n"
    "   \"ci_low\": null, \"ci_high\": null, \"why\": \"fewer than 2 "
    "values\"}},\n"
    "  \"latest\": {\"C1\": {\"date\": \"2026-02-02\", \"sessions\": 2,\n"
    "   \"below\": [\"pct_complex_reflections\"]}}}},\n"
    "\"measures\": {\"SRS\": {\"correlations\": {\"rq_ratio\": {\"n\": 3,\n"
    "  \"pearson_r\": 0.5, \"ci_low\": -0.9, \"ci_high\": 0.99, \"p\": 0.6,\n"
    "  \"spearman_rho\": 0.5}},\n"
    "  \"regression\": {\"n\": 3, \"r2\": 0.3, \"adj_r2\": null,\n"
    "  \"why\": \"too few sessions\"}}},\n"
    "\"lag1\": {\"from\": [\"reflection.simple\", \"none\"],\n"
    "  \"to\": [\"change-talk\", \"none\"],\n"
    "  \"cells\": [{\"from\": \"reflection.simple\", \"to\": \"change-talk\",\n"
    "  \"count\": 2, \"probability\": 0.5, \"adjusted_residual\": 2.5}]},\n"
    "\"agreement\": {\"sessions\": 1, \"tags\": [{\"tag\": \"reflection\",\n"
    "  \"tp\": 3, \"fp\": 1, \"fn\": 0, \"precision\": 0.75, \"recall\": 1,\n"
    "  \"f1\": 0.857, \"kappa\": 0.77, \"icc21\": null}]}\n"
    "}\n";

static const char sessions[] =
    "{\"session\":\"S1\",\"clinician\":\"C1\",\"client\":\"" CLIENT "\","
    "\"cohort\":\"fall\",\"date\":\"2026-01-05\",\"modality\":\"video\","
    "\"rq_ratio\":0.8,\"pct_complex_reflections\":0.2}\n"
    "{\"session\":\"S2\",\"clinician\":\"C1\",\"client\":\"" CLIENT "\","
    "\"cohort\":\"fall\",\"date\":\"2026-02-02\",\"modality\":\"video\","
    "\"rq_ratio\":1.6,\"pct_complex_reflections\":0.2}\n"
    "{\"session\":\"S3\",\"clinician\":\"<b>C/2</b>\",\"client\":\"" CLIENT
    "\",\"date\":\"2026-01-20\",\"rq_ratio\":null}\n";

static const char examples[] =
    "{\"session\":\"S2\",\"clinician\":\"C1\",\"date\":\"2026-02-02\","
    "\"kind\":\"reflection\",\"index\":4,\"score\":0.9,\"text\":\"It "
    "sounds hard. Call 555-123-4567 <any time>.\"}\n"
    "{\"session\":\"S1\",\"clinician\":\"C1\",\"kind\":\"jargon\","
    "\"index\":2,\"score\":1,\"text\":\"the comorbid stuff\","
    "\"term\":\"comorbid\",\"plain\":\"happening together\"}\n";

START_TEST(test_pages)
{
	char *dir = xasprintf("%s/res", tmpdir), *why = NULL, *p;

	put("res", "corpus.json", corpus);
	put("res", "sessions.jsonl", sessions);
	put("res", "examples.jsonl", examples);
	ck_assert_msg(report_write(dir, &why) == 0, "%s", why ? why : "");
	ck_assert_ptr_null(why);
	/* The index, one page per clinician and per cohort; an id that is
	 * not a safe file name is hex-escaped. */
	ck_assert_uint_eq(check_pages("res"), 4);

	p = page("res", "index.html");
	ck_assert_ptr_nonnull(p);
	ck_assert_ptr_nonnull(strstr(p, "3 sessions from 2 clinicians in 1 "
	    "cohorts."));
	ck_assert_ptr_nonnull(strstr(p, "<a href=\"clinician-C1.html\">C1</a>"));
	ck_assert_ptr_nonnull(strstr(p, "<a href=\"clinician-_3Cb_3EC_2F2_3C"
	    "_2Fb_3E.html\">&lt;b&gt;C/2&lt;/b&gt;</a>"));
	ck_assert_ptr_nonnull(strstr(p, "<a href=\"cohort-fall.html\">fall</a>"));
	ck_assert_ptr_nonnull(strstr(p, "Indicators and SRS"));
	ck_assert_ptr_nonnull(strstr(p, "(too few sessions)"));
	ck_assert_ptr_nonnull(strstr(p, "1 coded sessions"));
	ck_assert_ptr_nonnull(strstr(p, "<strong>0.50 (2.5)</strong>"));
	ck_assert_ptr_nonnull(strstr(p, "rapport 1.2.3 from 3 sessions"));
	free(p);

	p = page("res", "clinician-C1.html");
	ck_assert_ptr_nonnull(p);
	ck_assert_ptr_nonnull(strstr(p, "<h1>Clinician C1</h1>"));
	ck_assert_ptr_nonnull(strstr(p, "2 sessions, 2026-01-05 to 2026-02-02"));
	ck_assert_ptr_nonnull(strstr(p, "<a href=\"cohort-fall.html\">"));
	/* R:Q 2.4 meets MITI good: a strength; %CR 0.2 a thing to work
	 * on. */
	ck_assert_ptr_nonnull(strstr(p, "reflects more than asks"));
	ck_assert_ptr_nonnull(strstr(p, "reflections mostly repeat"));
	/* Quotes redacted again and escaped. */
	ck_assert_ptr_nonnull(strstr(p, "It sounds hard. Call [phone] &lt;any "
	    "time&gt;."));
	ck_assert_ptr_null(strstr(p, "555-123-4567"));
	ck_assert_ptr_nonnull(strstr(p, "&#8220;comorbid&#8221; &#8594; say "
	    "&#8220;happening together&#8221;"));
	/* Both trend points are drawn. */
	ck_assert_ptr_nonnull(strstr(p, ">2026-01-05</text>"));
	ck_assert_ptr_nonnull(strstr(p, ">2026-02-02</text>"));
	free(p);

	p = page("res", "clinician-_3Cb_3EC_2F2_3C_2Fb_3E.html");
	ck_assert_ptr_nonnull(p);
	ck_assert_ptr_nonnull(strstr(p, "<h1>Clinician &lt;b&gt;C/2&lt;/b&gt;"
	    "</h1>"));
	ck_assert_ptr_nonnull(strstr(p, "None found."));
	/* C1's quotes are not on another clinician's page. */
	ck_assert_ptr_null(strstr(p, "It sounds hard"));
	ck_assert_ptr_null(strstr(p, "comorbid"));
	free(p);

	p = page("res", "cohort-fall.html");
	ck_assert_ptr_nonnull(p);
	ck_assert_ptr_nonnull(strstr(p, "Trainees: <a href=\"clinician-C1.html"
	    "\">C1</a>"));
	ck_assert_ptr_nonnull(strstr(p, "<span class=\"mark below\">below"
	    "</span> Share of complex reflections"));
	ck_assert_ptr_nonnull(strstr(p, "(fewer than 2 values)"));
	free(p);

	/* Written again over the old pages. */
	ck_assert_int_eq(report_write(dir, &why), 0);
	ck_assert_uint_eq(check_pages("res"), 4);
	free(dir);
}
END_TEST

/* A corpus.json of the wrong shape everywhere: the pages are written,
 * with "n/a" or nothing where a value should be. */
START_TEST(test_wrong_types)
{
	char *dir = xasprintf("%s/odd", tmpdir), *why = NULL, *p;

	put("odd", "corpus.json", "{\"rapport_version\": 5, "
	    "\"n_clinicians\": \"two\", \"n_cohorts\": [],"
	    "\"clinicians\": {\"C1\": 7, \"C3\": {\"n_sessions\": \"4\", "
	    "\"modalities\": [1, 2], \"indicators\": [], \"cohort\": 3, "
	    "\"first_date\": 12}},"
	    "\"cohorts\": {\"fall\": [], \"spring\": {\"clinicians\": \"C1\", "
	    "\"months\": {\"a\": 1}, \"latest\": [], \"trend\": 5}, "
	    "\"winter\": {\"clinicians\": [1, null, \"C3\"], \"months\": [7, "
	    "{\"month\": 3, \"indicators\": []}], \"latest\": {\"C3\": \"x\", "
	    "\"C9\": {\"below\": [1, \"no_such\"], \"date\": 4}}}},"
	    "\"indicators\": \"x\", \"lag1\": {\"from\": [1, null], \"to\": "
	    "[{}], \"cells\": \"x\"}, \"agreement\": \"yes\", "
	    "\"measures\": {\"SRS\": [], \"ORS\": {\"correlations\": 1, "
	    "\"regression\": {\"why\": 2}}}}");
	put("odd", "sessions.jsonl", "{\"session\":\"S1\",\"clinician\":\"C3\","
	    "\"client\":\"" CLIENT "\",\"date\":\"not a date\","
	    "\"rq_ratio\":\"high\"}\n[]\n42\n");
	put("odd", "examples.jsonl", "{\"clinician\":\"C3\",\"kind\":"
	    "\"reflection\",\"text\":[1],\"score\":\"x\"}\n");
	ck_assert_msg(report_write(dir, &why) == 0, "%s", why ? why : "");
	/* index, C1, C3, fall, spring, winter */
	ck_assert_uint_eq(check_pages("odd"), 6);
	p = page("odd", "index.html");
	ck_assert_ptr_nonnull(strstr(p, "3 sessions from n/a clinicians in n/a "
	    "cohorts."));
	ck_assert_ptr_nonnull(strstr(p, "rapport ? from 3 sessions"));
	ck_assert_ptr_nonnull(strstr(p, "No session carries human codes."));
	free(p);
	p = page("odd", "clinician-C3.html");
	ck_assert_ptr_nonnull(strstr(p, "n/a sessions"));
	free(p);
	p = page("odd", "cohort-spring.html");
	ck_assert_ptr_nonnull(strstr(p, "Not available."));
	free(p);
	free(dir);
}
END_TEST

START_TEST(test_refused)
{
	char *dir = xasprintf("%s/bad", tmpdir), *why = NULL, *reports;
	struct stat st;

	/* Not a results folder. */
	ck_assert_int_eq(report_write(dir, &why), -1);
	ck_assert_ptr_nonnull(strstr(why, "cannot read"));
	free(why);
	why = NULL;
	put("bad", "corpus.json", "[\"not\", \"an\", \"object\"]");
	put("bad", "sessions.jsonl", "");
	ck_assert_int_eq(report_write(dir, &why), -1);
	ck_assert_ptr_nonnull(strstr(why, "corpus.json: not a JSON object"));
	free(why);
	why = NULL;
	reports = xasprintf("%s/reports", dir);
	ck_assert_int_ne(stat(reports, &st), 0);	/* nothing written */
	/* reports/ cannot be made: a file is in the way. */
	put("bad", "corpus.json", "{}");
	put("bad", "reports", "a file");
	ck_assert_int_eq(report_write(dir, &why), -1);
	ck_assert_msg(strstr(why, "/bad/reports: cannot create directory") !=
	    NULL, "%s", why);
	free(why);
	free(reports);
	free(dir);
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("report");
	TCase *tc = tcase_create("core");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_pages);
	tcase_add_test(tc, test_wrong_types);
	tcase_add_test(tc, test_refused);
	suite_add_tcase(s, tc);
	return s;
}
