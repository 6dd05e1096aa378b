/* test_transcripts.c -- unit tests of output/transcripts.c: the redacted
 * utterance text of transcripts.jsonl and its tags placed on it. */
#include "config.h"

#include "unit.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "examples.h"
#include "tags.h"
#include "transcripts.h"
#include "util.h"

/* Line k of b, parsed (cJSON_Delete it). */
static cJSON *
line(const strbuf *b, size_t k)
{
	const char *p = b->s;
	char *one;
	cJSON *o;

	for (size_t i = 0; i < k; i++) {
		p = strchr(p, '\n');
		ck_assert_ptr_nonnull(p);
		p++;
	}
	one = xstrndup(p, (size_t)(strchr(p, '\n') - p));
	o = cJSON_Parse(one);
	ck_assert_msg(o != NULL, "not JSON: %s", one);
	free(one);
	return o;
}

/* The text of mark m of line o. */
static char *
marked(const cJSON *o, int m)
{
	const cJSON *mk = cJSON_GetArrayItem(cJSON_GetObjectItem(o, "marks"), m);
	const char *t = cJSON_GetObjectItem(o, "text")->valuestring;
	int a = cJSON_GetObjectItem(mk, "start")->valueint;
	int z = cJSON_GetObjectItem(mk, "end")->valueint;

	ck_assert(0 <= a && a <= z && (size_t)z <= strlen(t));
	return xstrndup(t + a, (size_t)(z - a));
}

START_TEST(test_render)
{
	session *s = session_create();
	struct analyze_result r = { 0 };
	static const char *const texts[] = {
		"Dana, you need to stop. Call me at 555-123-4567 tomorrow.",
		"Whatever, Dana Reyes.",
		"Fine.",
	};
	static const size_t who[] = { 0, 1, 1 };
	struct analyze_tag t0[2] = {
		/* "you need to stop": unchanged by redaction. */
		{ TAG_DIRECTIVE, 6, 22, "d", NULL, NULL },
		/* "Call me at 555-123-4567 tomorrow.": redacted alike. */
		{ TAG_DIRECTIVE, 24, 57, "d", NULL, NULL },
	};
	struct analyze_tag t1 = { TAG_RUPTURE_WITHDRAWAL, 0, 21, "w", NULL,
		NULL };
	strbuf b = { 0 };
	cJSON *o;
	char *m;

	s->id = "P000113-2026-03-01";
	s->clinician = "C1";
	s->client = "P000113";
	session_add_speaker(s, "T", SESSION_ROLE_THERAPIST, NULL);
	session_add_speaker(s, "K", SESSION_ROLE_CLIENT, "Dana Reyes");
	r.utts = xcalloc(3, sizeof(*r.utts));
	r.nutts = 3;
	for (size_t i = 0; i < 3; i++) {
		struct session_utt u = { .index = i, .speaker = who[i],
			.text = texts[i], .len = strlen(texts[i]),
			.start = i == 2 ? NAN : (double)i, .end = NAN };

		session_push_utt(s, &u);
	}
	r.utts[0].tags = t0;
	r.utts[0].ntags = 2;
	r.utts[1].tags = &t1;
	r.utts[1].ntags = 1;
	transcripts_render(&b, s, &r);
	ck_assert_ptr_null(strstr(b.s, "Dana"));
	ck_assert_ptr_null(strstr(b.s, "Reyes"));
	ck_assert_ptr_null(strstr(b.s, "555-123-4567"));

	o = line(&b, 0);
	ck_assert_str_eq(cJSON_GetObjectItem(o, "text")->valuestring,
	    "[name], you need to stop. Call me at [phone] tomorrow.");
	ck_assert_str_eq(cJSON_GetObjectItem(o, "role")->valuestring,
	    "therapist");
	m = marked(o, 0);
	ck_assert_str_eq(m, "you need to stop");
	free(m);
	m = marked(o, 1);
	ck_assert_str_eq(m, "Call me at [phone] tomorrow.");
	free(m);
	cJSON_Delete(o);

	/* The whole utterance: the whole redacted text. */
	o = line(&b, 1);
	ck_assert_str_eq(cJSON_GetObjectItem(o, "text")->valuestring,
	    "Whatever, [name].");
	m = marked(o, 0);
	ck_assert_str_eq(m, "Whatever, [name].");
	free(m);
	ck_assert_str_eq(cJSON_GetObjectItem(cJSON_GetArrayItem(
	    cJSON_GetObjectItem(o, "marks"), 0), "tag")->valuestring,
	    "rupture.withdrawal");
	cJSON_Delete(o);
	o = line(&b, 2);
	ck_assert(cJSON_IsNull(cJSON_GetObjectItem(o, "start")));
	ck_assert_int_eq(cJSON_GetArraySize(cJSON_GetObjectItem(o, "marks")),
	    0);
	cJSON_Delete(o);
	strbuf_free(&b);
	free(r.utts);
	s->id = s->clinician = s->client = NULL;
	session_free(s);
}
END_TEST

/* An utterance over EXAMPLES_MAX_SOURCE is never shown: text null; a
 * repetitive one places its tags in linear time. */
START_TEST(test_long)
{
	session *s = session_create();
	struct analyze_result r = { 0 };
	size_t n = EXAMPLES_MAX_SOURCE + 1;
	char *big = xcalloc(n + 1, 1), *rep = xcalloc(60001, 1);
	struct analyze_tag t = { TAG_REFLECTION, 1000, 1100, "r", NULL, NULL };
	strbuf b = { 0 };
	cJSON *o;

	memset(big, 'a', n);
	memset(rep, 'a', 60000);
	s->id = "S";
	session_add_speaker(s, "T", SESSION_ROLE_THERAPIST, NULL);
	for (size_t i = 0; i < 2; i++) {
		struct session_utt u = { .index = i, .speaker = 0,
			.text = i == 0 ? big : rep, .len = i == 0 ? n : 60000,
			.start = NAN, .end = NAN };

		session_push_utt(s, &u);
	}
	r.utts = xcalloc(2, sizeof(*r.utts));
	r.nutts = 2;
	r.utts[0].tags = r.utts[1].tags = &t;
	r.utts[0].ntags = r.utts[1].ntags = 1;
	transcripts_render(&b, s, &r);
	o = line(&b, 0);
	ck_assert(cJSON_IsNull(cJSON_GetObjectItem(o, "text")));
	ck_assert_int_eq(cJSON_GetArraySize(cJSON_GetObjectItem(o, "marks")),
	    0);
	cJSON_Delete(o);
	o = line(&b, 1);
	ck_assert_int_eq(cJSON_GetArraySize(cJSON_GetObjectItem(o, "marks")),
	    1);
	/* The span found nearest to where it was. */
	ck_assert_int_eq(cJSON_GetObjectItem(cJSON_GetArrayItem(
	    cJSON_GetObjectItem(o, "marks"), 0), "start")->valueint, 1000);
	cJSON_Delete(o);
	strbuf_free(&b);
	free(r.utts);
	free(big);
	free(rep);
	s->id = NULL;
	session_free(s);
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("transcripts");
	TCase *tc = tcase_create("core");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_render);
	tcase_add_test(tc, test_long);
	suite_add_tcase(s, tc);
	return s;
}
