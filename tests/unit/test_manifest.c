/* test_manifest.c -- unit tests of output/manifest.c: manifest.json is
 * JSON and holds every field of the run. */
#include "config.h"

#include "unit.h"
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "manifest.h"
#include "util.h"

static const cJSON *
get(const cJSON *o, const char *key)
{
	const cJSON *it = cJSON_GetObjectItemCaseSensitive(o, key);

	ck_assert_msg(it != NULL, "no \"%s\"", key);
	return it;
}

static double
num(const cJSON *o, const char *key)
{
	const cJSON *it = get(o, key);

	ck_assert_msg(cJSON_IsNumber(it), "\"%s\" is not a number", key);
	return it->valuedouble;
}

static const char *
str(const cJSON *o, const char *key)
{
	const cJSON *it = get(o, key);

	ck_assert_msg(cJSON_IsString(it), "\"%s\" is not a string", key);
	return it->valuestring;
}

START_TEST(test_full)
{
	static const char sha[] = "0123456789abcdef0123456789abcdef"
	    "0123456789abcdef0123456789abcdef";
	struct manifest_head h = { sha, 142, "my \"rules\"", 1, 1 };
	struct manifest_tail t = { .inputs = 2, .rejected_inputs = 1,
		.sessions = 3, .utterances = 120, .tags = 45, .rejects = 1,
		.warnings = 7, .match_limit_hits = 0, .reports = 1, .jobs = 4,
		.outdir = "out/dir", .started = 1773489600,
		.finished = 1773489725, .seconds = 125.5,
		.bytes = 5000000123ULL };
	strbuf b = { 0 };
	cJSON *j;
	const cJSON *in, *x, *o;
	int found = 0;

	manifest_begin(&b, &h);
	manifest_input(&b, 0, "corpus/a.xml", sha, 5000000000ULL, 0,
	    "\"S1\",\"S2\"");
	manifest_input(&b, 1, "odd \"name\"\\\n.xml", NULL, 0, 2, "");
	manifest_end(&b, 2, &t);
	j = cJSON_Parse(b.s);
	ck_assert_msg(j != NULL, "not JSON:\n%s", b.s);

	ck_assert_str_eq(str(j, "rapport_version"), PACKAGE_VERSION);
	ck_assert_double_eq(num(j, "transcript_format"), 1);
	o = get(j, "rules");
	ck_assert_str_eq(str(o, "sha256"), sha);
	ck_assert_double_eq(num(o, "rules"), 142);
	ck_assert_str_eq(str(o, "extra_dir"), "my \"rules\"");
	ck_assert(cJSON_IsTrue(get(o, "replace")));
	ck_assert(cJSON_IsTrue(get(get(j, "options"), "strict")));

	in = get(j, "inputs");
	ck_assert_int_eq(cJSON_GetArraySize(in), 2);
	x = cJSON_GetArrayItem(in, 0);
	ck_assert_str_eq(str(x, "path"), "corpus/a.xml");
	ck_assert_str_eq(str(x, "sha256"), sha);
	ck_assert_double_eq(num(x, "bytes"), 5000000000.0);	/* > 2^32 */
	ck_assert_double_eq(num(x, "rejects"), 0);
	ck_assert_int_eq(cJSON_GetArraySize(get(x, "sessions")), 2);
	ck_assert_str_eq(cJSON_GetArrayItem(get(x, "sessions"),
	    1)->valuestring, "S2");
	x = cJSON_GetArrayItem(in, 1);
	ck_assert_str_eq(str(x, "path"), "odd \"name\"\\\n.xml");
	ck_assert(cJSON_IsNull(get(x, "sha256")));	/* never opened */
	ck_assert_double_eq(num(x, "rejects"), 2);
	ck_assert_int_eq(cJSON_GetArraySize(get(x, "sessions")), 0);

	o = get(j, "counts");
	ck_assert_double_eq(num(o, "inputs"), 2);
	ck_assert_double_eq(num(o, "rejected_inputs"), 1);
	ck_assert_double_eq(num(o, "sessions"), 3);
	ck_assert_double_eq(num(o, "utterances"), 120);
	ck_assert_double_eq(num(o, "tags"), 45);
	ck_assert_double_eq(num(o, "rejects"), 1);
	ck_assert_double_eq(num(o, "warnings"), 7);

	/* Every file a run writes, itself included. */
	cJSON_ArrayForEach(x, get(j, "outputs")) {
		ck_assert(cJSON_IsString(x));
		found += strcmp(x->valuestring, "manifest.json") == 0;
		found += strcmp(x->valuestring, "sessions.csv") == 0;
		found += strcmp(x->valuestring, "rapport.sqlite") == 0;
		found += strcmp(x->valuestring, "corpus.json") == 0;
	}
	ck_assert_int_eq(found, 4);
	ck_assert(cJSON_IsTrue(get(j, "reports")));
	/* Without --session-pages, no transcripts.jsonl. */
	ck_assert(cJSON_IsFalse(get(j, "session_pages")));
	ck_assert_ptr_null(strstr(b.s, "transcripts.jsonl"));

	o = get(j, "runtime");
	ck_assert_double_eq(num(o, "jobs"), 4);
	ck_assert_str_eq(str(o, "output"), "out/dir");
	ck_assert_str_eq(str(o, "started"), "2026-03-14T12:00:00Z");
	ck_assert_str_eq(str(o, "finished"), "2026-03-14T12:02:05Z");
	ck_assert_double_eq(num(o, "wall_seconds"), 125.5);
	ck_assert_double_eq(num(o, "bytes"), 5000000123.0);
	/* The runtime object is the last: everything before it is the
	 * same between identical runs. */
	ck_assert_ptr_eq(j->child->prev, get(j, "runtime"));
	cJSON_Delete(j);
	strbuf_free(&b);
}
END_TEST

START_TEST(test_minimal)
{
	struct manifest_head h = { NULL, 0, NULL, 0, 0 };
	struct manifest_tail t = { 0 };
	strbuf b = { 0 };
	cJSON *j;

	manifest_begin(&b, &h);
	manifest_end(&b, 0, &t);
	j = cJSON_Parse(b.s);
	ck_assert_msg(j != NULL, "not JSON:\n%s", b.s);
	ck_assert_int_eq(cJSON_GetArraySize(get(j, "inputs")), 0);
	ck_assert(cJSON_IsNull(get(get(j, "rules"), "extra_dir")));
	ck_assert(cJSON_IsFalse(get(get(j, "rules"), "replace")));
	ck_assert(cJSON_IsFalse(get(get(j, "options"), "strict")));
	ck_assert(cJSON_IsFalse(get(j, "reports")));
	ck_assert_str_eq(str(get(j, "runtime"), "started"),
	    "1970-01-01T00:00:00Z");
	cJSON_Delete(j);
	strbuf_reset(&b);

	/* One input without session ids (ids NULL). */
	manifest_begin(&b, &h);
	manifest_input(&b, 0, "-", NULL, 12, 1, NULL);
	manifest_end(&b, 1, &t);
	j = cJSON_Parse(b.s);
	ck_assert_msg(j != NULL, "not JSON:\n%s", b.s);
	ck_assert_str_eq(str(cJSON_GetArrayItem(get(j, "inputs"), 0), "path"),
	    "-");
	cJSON_Delete(j);
	strbuf_reset(&b);

	/* --session-pages: transcripts.jsonl is listed, after
	 * examples.jsonl, and said. */
	t.transcripts = 1;
	manifest_begin(&b, &h);
	manifest_end(&b, 0, &t);
	j = cJSON_Parse(b.s);
	ck_assert_msg(j != NULL, "not JSON:\n%s", b.s);
	ck_assert(cJSON_IsTrue(get(j, "session_pages")));
	ck_assert_ptr_nonnull(strstr(b.s, "\"examples.jsonl\", "
	    "\"transcripts.jsonl\", \"clinicians.csv\""));
	cJSON_Delete(j);
	strbuf_free(&b);
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("manifest");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_full);
	tcase_add_test(tc, test_minimal);
	suite_add_tcase(s, tc);
	return s;
}
