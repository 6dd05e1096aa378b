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

/* C1: four sessions with R:Q well above MITI good (a strength whatever
 * the interval) and %CR well below fair (a thing to work on); many
 * directives (above rapport's level) and two ruptures of which one was
 * repaired; S3 has no date. The other clinician has one session. */
static const char sessions[] =
    "{\"session\":\"S1\",\"clinician\":\"C1\",\"client\":\"" CLIENT "\","
    "\"cohort\":\"fall\",\"date\":\"2026-01-05\",\"modality\":\"video\","
    "\"rq_ratio\":2.4,\"pct_complex_reflections\":0.2,"
    "\"directives_per_100\":30,\"ruptures\":2,\"ruptures_repaired\":1,"
    "\"ruptures_withdrawal\":2,\"directives\":6,\"t_utterances\":20,"
    "\"measure_SRS\":30,\"events\":[{\"type\":\"disconnect\",\"start\":"
    "65,\"end\":80.5}]}\n"
    "{\"session\":\"S2\",\"clinician\":\"C1\",\"client\":\"" CLIENT "\","
    "\"cohort\":\"fall\",\"date\":\"2026-02-02\",\"modality\":\"video\","
    "\"rq_ratio\":2.6,\"pct_complex_reflections\":0.22,"
    "\"directives_per_100\":25,\"measure_SRS\":32,\"events\":[]}\n"
    "{\"session\":\"S3\",\"clinician\":\"C1\",\"client\":\"" CLIENT "\","
    "\"cohort\":\"fall\",\"date\":null,\"modality\":\"phone\","
    "\"rq_ratio\":2.5,\"pct_complex_reflections\":0.18,"
    "\"directives_per_100\":28,\"measure_SRS\":29}\n"
    "{\"session\":\"S4\",\"clinician\":\"C1\",\"client\":\"" CLIENT "\","
    "\"cohort\":\"fall\",\"date\":\"2026-02-16\",\"modality\":\"video\","
    "\"rq_ratio\":2.3,\"pct_complex_reflections\":0.21,"
    "\"directives_per_100\":31}\n"
    "{\"session\":\"S5\",\"clinician\":\"<b>C/2</b>\",\"client\":\"" CLIENT
    "\",\"date\":\"2026-01-20\",\"rq_ratio\":null}\n";

/* S1's utterances and its redacted text (--session-pages). */
static const char utterances[] =
    "{\"session\":\"S1\",\"index\":0,\"speaker\":\"T\",\"role\":\"therapist\","
    "\"start\":60,\"words\":6,\"tags\":[{\"tag\":\"directive\",\"start\":0,"
    "\"end\":12}]}\n"
    "{\"session\":\"S1\",\"index\":1,\"speaker\":\"C\",\"role\":\"client\","
    "\"start\":90,\"words\":3,\"tags\":[{\"tag\":\"rupture.withdrawal\","
    "\"start\":0,\"end\":9}]}\n"
    "{\"session\":\"S9\",\"index\":0,\"speaker\":\"T\",\"role\":\"therapist\","
    "\"tags\":[]}\n"
    "{\"session\":\"S2\",\"index\":0,\"speaker\":\"T\",\"role\":\"therapist\","
    "\"tags\":[]}\n";
static const char transcripts[] =
    "{\"session\":\"S1\",\"index\":0,\"speaker\":\"T\",\"role\":\"therapist\","
    "\"start\":60,\"text\":\"You need to <stop>, [name].\",\"marks\":"
    "[{\"tag\":\"directive\",\"start\":0,\"end\":11},{\"tag\":\"directive\","
    "\"start\":3,\"end\":999}]}\n"
    "{\"session\":\"S1\",\"index\":1,\"speaker\":\"C\",\"role\":\"client\","
    "\"start\":90,\"text\":\"Whatever. Call 555-123-4567.\",\"marks\":"
    "[{\"tag\":\"rupture.withdrawal\",\"start\":0,\"end\":9}]}\n";

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
	/* No validity file (the source tree has one: point elsewhere). */
	setenv("RAPPORT_VALIDITY", "/nonexistent/validity.csv", 1);
	ck_assert_msg(report_write(dir, &why) == 0, "%s", why ? why : "");
	unsetenv("RAPPORT_VALIDITY");
	ck_assert_ptr_null(why);
	/* The index, one page per clinician, per cohort and per session;
	 * an id that is not a safe file name is hex-escaped. */
	ck_assert_uint_eq(check_pages("res"), 9);

	p = page("res", "index.html");
	ck_assert_ptr_nonnull(p);
	ck_assert_ptr_nonnull(strstr(p, "5 sessions from 2 clinicians in 1 "
	    "cohorts."));
	ck_assert_ptr_nonnull(strstr(p, "<a href=\"clinician-C1.html\">C1</a>"));
	ck_assert_ptr_nonnull(strstr(p, "<a href=\"clinician-_3Cb_3EC_2F2_3C"
	    "_2Fb_3E.html\">&lt;b&gt;C/2&lt;/b&gt;</a>"));
	ck_assert_ptr_nonnull(strstr(p, "<a href=\"cohort-fall.html\">fall</a>"));
	ck_assert_ptr_nonnull(strstr(p, "Indicators and SRS"));
	ck_assert_ptr_nonnull(strstr(p, "(too few sessions)"));
	ck_assert_ptr_nonnull(strstr(p, "1 coded sessions"));
	ck_assert_ptr_nonnull(strstr(p, "<strong>0.50 (2.5)</strong>"));
	ck_assert_ptr_nonnull(strstr(p, "rapport 1.2.3 from 5 sessions"));
	/* p-values as people read them; a note on many tests. */
	ck_assert_ptr_nonnull(strstr(p, "<td class=\"n\">0.600</td>"));
	ck_assert_ptr_nonnull(strstr(p, "1 correlations are tested"));
	/* No validity file: said so. */
	ck_assert_ptr_nonnull(strstr(p, "Validity not measured"));
	free(p);

	p = page("res", "clinician-C1.html");
	ck_assert_ptr_nonnull(p);
	ck_assert_ptr_nonnull(strstr(p, "<h1>Clinician C1</h1>"));
	ck_assert_ptr_nonnull(strstr(p, "4 sessions, 2026-01-05 to 2026-02-16 "
	    "(1 without a date)"));
	ck_assert_ptr_nonnull(strstr(p, "<a href=\"cohort-fall.html\">"));
	/* R:Q's whole CI above MITI good: a strength; %CR's below fair: a
	 * thing to work on; directives beyond rapport's level, named with
	 * their numbers; ruptures and repairs in the first lines. */
	ck_assert_ptr_nonnull(strstr(p, "reflects more than asks"));
	ck_assert_ptr_nonnull(strstr(p, "MITI 4.2.1 good: mean 2.45"));
	ck_assert_ptr_nonnull(strstr(p, "reflections mostly repeat"));
	ck_assert_ptr_nonnull(strstr(p, "MITI 4.2.1 below"));
	ck_assert_ptr_nonnull(strstr(p, "tells the client what to do"));
	ck_assert_ptr_nonnull(strstr(p, "above rapport&#39;s level of 10"));
	ck_assert_ptr_nonnull(strstr(p, "2 ruptures (2 withdrawal, 0 "
	    "confrontation), 1 followed by a repair within 3 therapist "
	    "utterances (50%); 0 repair utterances in all; 6 directives (30.0 "
	    "per 100 therapist "
	    "utterances)"));
	ck_assert_ptr_nonnull(strstr(p, "<span class=\"mark good\">good</span>"));
	ck_assert_ptr_nonnull(strstr(p, "<span class=\"mark below\">below"
	    "</span>"));
	/* The CI of a count stays at or above 0. */
	ck_assert_ptr_null(strstr(p, ">-0."));
	/* Trends: a missing date is said, not "too few sessions"; a
	 * note on the many slopes. */
	ck_assert_ptr_nonnull(strstr(p, "SRS: no trend: 1 of 3 sessions has no "
	    "date"));
	ck_assert_ptr_nonnull(strstr(p, "tested here, each at the 5% level"));
	ck_assert_ptr_nonnull(strstr(p, "(+0.10 to +0.50, p = 0.040)"));
	/* Session measures with n. */
	ck_assert_ptr_nonnull(strstr(p, "<th scope=\"row\">SRS</th><td class="
	    "\"n\">3</td>"));
	/* The session list and the chart points link to session pages,
	 * numbered, never by session id. */
	ck_assert_ptr_nonnull(strstr(p, "<a href=\"session-C1--1.html\">"
	    "session 1</a>"));
	ck_assert_ptr_nonnull(strstr(p, "<a href=\"session-C1--3.html\">"
	    "<circle"));
	ck_assert_ptr_null(strstr(p, ">S1<"));
	/* Quotes redacted again and escaped. */
	ck_assert_ptr_nonnull(strstr(p, "It sounds hard. Call [phone] &lt;any "
	    "time&gt;."));
	ck_assert_ptr_null(strstr(p, "555-123-4567"));
	ck_assert_ptr_nonnull(strstr(p, "&#8220;comorbid&#8221; &#8594; say "
	    "&#8220;happening together&#8221;"));
	/* Dated trend points are drawn. */
	ck_assert_ptr_nonnull(strstr(p, ">2026-01-05</text>"));
	ck_assert_ptr_nonnull(strstr(p, ">2026-02-16</text>"));
	free(p);

	p = page("res", "clinician-_3Cb_3EC_2F2_3C_2Fb_3E.html");
	ck_assert_ptr_nonnull(p);
	ck_assert_ptr_nonnull(strstr(p, "<h1>Clinician &lt;b&gt;C/2&lt;/b&gt;"
	    "</h1>"));
	ck_assert_ptr_nonnull(strstr(p, "None found."));
	/* C1's quotes and sessions are not on another clinician's page. */
	ck_assert_ptr_null(strstr(p, "It sounds hard"));
	ck_assert_ptr_null(strstr(p, "comorbid"));
	ck_assert_ptr_null(strstr(p, "session-C1"));
	free(p);

	/* Session pages: numbers only without transcripts.jsonl; linked
	 * back to the clinician and to the neighbours. */
	p = page("res", "session-C1--1.html");
	ck_assert_ptr_nonnull(p);
	ck_assert_ptr_nonnull(strstr(p, "<h1>Clinician C1 \xC2\xB7 session 1 of "
	    "4</h1>"));
	ck_assert_ptr_nonnull(strstr(p, "href=\"clinician-C1.html\""));
	ck_assert_ptr_nonnull(strstr(p, "rel=\"next\" href=\"session-C1--2."
	    "html\""));
	ck_assert_ptr_null(strstr(p, "rel=\"prev\""));
	ck_assert_ptr_nonnull(strstr(p, "Numbers only"));
	ck_assert_ptr_nonnull(strstr(p, "<th scope=\"row\">disconnect</th>"
	    "<td class=\"n\">1:05</td><td class=\"n\">1:20</td><td class="
	    "\"n\">15.5</td>"));
	ck_assert_ptr_nonnull(strstr(p, "utterances.jsonl holds no "
	    "utterances"));
	free(p);
	/* The undated session comes last among C1's. */
	p = page("res", "session-C1--4.html");
	ck_assert_ptr_nonnull(strstr(p, "no date"));
	ck_assert_ptr_nonnull(strstr(p, "rel=\"prev\" href=\"session-C1--3."
	    "html\""));
	free(p);
	p = page("res", "session-_3Cb_3EC_2F2_3C_2Fb_3E--1.html");
	ck_assert_ptr_nonnull(p);
	free(p);

	p = page("res", "cohort-fall.html");
	ck_assert_ptr_nonnull(p);
	ck_assert_ptr_nonnull(strstr(p, "<a href=\"clinician-C1.html\">C1</a>"));
	/* The sortable table: one copy per order, the default last. */
	ck_assert_ptr_nonnull(strstr(p, "id=\"by-latest-rq\""));
	ck_assert_ptr_nonnull(strstr(p, "<a href=\"#by-latest-rq\">"));
	ck_assert_ptr_nonnull(strstr(p, "class=\"sorted default\" id=\"by-name\""));
	ck_assert(strstr(p, "id=\"by-name\"") > strstr(p, "id=\"by-below\""));
	ck_assert_ptr_nonnull(strstr(p, "Latest: the mean of each trainee"));
	ck_assert_ptr_nonnull(strstr(p, "(fewer than 2 values)"));
	ck_assert_ptr_nonnull(strstr(p, "Only one cohort"));
	free(p);

	/* Written again over the old pages. */
	ck_assert_int_eq(report_write(dir, &why), 0);
	ck_assert_uint_eq(check_pages("res"), 9);
	free(dir);
}
END_TEST

/* With utterances.jsonl and transcripts.jsonl, session pages show the
 * redacted text with its tags; with a validity table, an indicator
 * below r = 0.5 is experimental: no MITI mark. */
START_TEST(test_session_text_validity)
{
	char *dir = xasprintf("%s/txt", tmpdir), *why = NULL, *p;
	char *val = xasprintf("%s/validity.csv", tmpdir);

	put("txt", "corpus.json", corpus);
	put("txt", "sessions.jsonl", sessions);
	put("txt", "utterances.jsonl", utterances);
	put("txt", "transcripts.jsonl", transcripts);
	put(".", "validity.csv", "indicator_or_tag,measure,value,dataset,n\n"
	    "rq_ratio,pearson_r,0.41,annomi-dev-held,38\n"
	    "rq_ratio,pearson_r,0.9,annomi-dev-tune,80\n"
	    "pct_complex_reflections,pearson_r,0.62,annomi-dev-held,30\n"
	    "directive,f1,0.71,annomi-dev-held,400\n"
	    "broken,row\n");
	setenv("RAPPORT_VALIDITY", val, 1);
	ck_assert_msg(report_write(dir, &why) == 0, "%s", why ? why : "");
	unsetenv("RAPPORT_VALIDITY");

	p = page("txt", "session-C1--1.html");
	ck_assert_ptr_nonnull(p);
	ck_assert_ptr_null(strstr(p, "Numbers only"));
	/* Roles, not names; text escaped; marks inside the text, an
	 * impossible one dropped; redacted again on reading. */
	ck_assert_ptr_nonnull(strstr(p, "<span class=\"who\">Therapist</span>"));
	ck_assert_ptr_nonnull(strstr(p, "<mark class=\"tg-directive\" title="
	    "\"directive\">You need to</mark> &lt;stop&gt;, [name]."));
	ck_assert_ptr_nonnull(strstr(p, "Whatever. Call [phone]."));
	ck_assert_ptr_null(strstr(p, "555-123-4567"));
	/* The phone redaction moved the text: its marks are dropped, the
	 * tag is still listed in words. */
	ck_assert_ptr_nonnull(strstr(p, "<span class=\"tags\">"
	    "rupture.withdrawal</span>"));
	/* The event between the two utterances. */
	ck_assert(strstr(p, "<p class=\"event\">disconnect at 1:05") >
	    strstr(p, "You need to"));
	ck_assert(strstr(p, "<p class=\"event\">disconnect") <
	    strstr(p, "Whatever."));
	/* The timeline from utterances.jsonl; the orphan S9 skipped. */
	ck_assert_ptr_nonnull(strstr(p, "<figure class=\"wide\"><svg"));
	ck_assert_ptr_nonnull(strstr(p, "2 utterances from left to right"));
	free(p);
	p = page("txt", "session-C1--2.html");
	ck_assert_ptr_nonnull(strstr(p, "transcripts.jsonl holds no text of "
	    "this session"));
	ck_assert_ptr_nonnull(strstr(p, "1 utterances from left to right"));
	free(p);

	/* R:Q's held-out r is 0.41: experimental, no MITI mark, and not
	 * judged by MITI; %CR 0.62 keeps its mark. */
	p = page("txt", "clinician-C1.html");
	ck_assert_ptr_nonnull(strstr(p, "r = 0.41 (38 sessions) <span class="
	    "\"mark experimental\">experimental</span>"));
	ck_assert_ptr_nonnull(strstr(p, "r = 0.62 (30 sessions)"));
	ck_assert_ptr_nonnull(strstr(p, "F1 = 0.71 per utterance"));
	ck_assert_ptr_null(strstr(p, "MITI 4.2.1 good"));
	ck_assert_ptr_nonnull(strstr(p, "MITI 4.2.1 below"));
	free(p);
	p = page("txt", "index.html");
	ck_assert_ptr_nonnull(strstr(p, "(4 figures)"));
	free(p);

	/* A run that replaced the rules: the figures do not apply. */
	put("txt", "manifest.json", "{\"rules\": {\"replace\": true}}");
	setenv("RAPPORT_VALIDITY", val, 1);
	ck_assert_int_eq(report_write(dir, &why), 0);
	unsetenv("RAPPORT_VALIDITY");
	p = page("txt", "index.html");
	ck_assert_ptr_nonnull(strstr(p, "Validity not measured for these "
	    "results"));
	free(p);
	p = page("txt", "clinician-C1.html");
	ck_assert_ptr_null(strstr(p, "r = 0.41"));
	ck_assert_ptr_nonnull(strstr(p, "MITI 4.2.1 good"));
	free(p);
	free(val);
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
	ck_assert_uint_eq(check_pages("odd"), 7);	/* and S1's page */
	p = page("odd", "index.html");
	ck_assert_ptr_nonnull(strstr(p, "3 sessions from n/a clinicians in n/a "
	    "cohorts."));
	ck_assert_ptr_nonnull(strstr(p, "rapport ? from 3 sessions"));
	ck_assert_ptr_nonnull(strstr(p, "No session carries human codes."));
	free(p);
	p = page("odd", "clinician-C3.html");
	ck_assert_ptr_nonnull(strstr(p, "1 session (1 without a date)"));
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
	tcase_add_test(tc, test_session_text_validity);
	tcase_add_test(tc, test_wrong_types);
	tcase_add_test(tc, test_refused);
	suite_add_tcase(s, tc);
	return s;
}
