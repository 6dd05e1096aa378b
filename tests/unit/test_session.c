/* test_session.c -- unit tests of base/session.c: speakers, utterances,
 * roles and sides, times and dates. */
#include "config.h"

#include "unit.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "session.h"
#include "util.h"

START_TEST(test_speakers)
{
	session *s = session_create();
	char id[8] = "T1", name[8] = "Dana";

	ck_assert_ptr_nonnull(s->arena);
	ck_assert_uint_eq(s->nspeakers, 0);
	ck_assert_uint_eq(s->nutts, 0);
	ck_assert_ptr_null(s->id);
	ck_assert_int_eq(s->number, 0);
	ck_assert_int_eq(session_speaker_find(s, "T1"), -1);

	ck_assert_uint_eq(session_add_speaker(s, id, SESSION_ROLE_THERAPIST,
	    name), 0);
	/* Copies: changing the caller's buffers changes nothing. */
	strcpy(id, "XX");
	strcpy(name, "Eve");
	ck_assert_uint_eq(session_add_speaker(s, "C", SESSION_ROLE_CLIENT,
	    NULL), 1);
	for (int i = 0; i < 40; i++) {
		char buf[16];

		snprintf(buf, sizeof(buf), "F%d", i);
		ck_assert_uint_eq(session_add_speaker(s, buf,
		    SESSION_ROLE_FAMILY, buf), (size_t)i + 2);
	}
	ck_assert_uint_eq(s->nspeakers, 42);
	ck_assert_str_eq(s->speakers[0].id, "T1");
	ck_assert_str_eq(s->speakers[0].name, "Dana");
	ck_assert_int_eq(s->speakers[0].role, SESSION_ROLE_THERAPIST);
	ck_assert_ptr_null(s->speakers[1].name);
	ck_assert_str_eq(s->speakers[41].id, "F39");
	ck_assert_int_eq(session_speaker_find(s, "T1"), 0);
	ck_assert_int_eq(session_speaker_find(s, "C"), 1);
	ck_assert_int_eq(session_speaker_find(s, "F39"), 41);
	ck_assert_int_eq(session_speaker_find(s, "XX"), -1);
	ck_assert_int_eq(session_speaker_find(s, "c"), -1);
	session_free(s);
	session_free(NULL);
}
END_TEST

START_TEST(test_push_utt)
{
	static const struct {
		enum session_role role;
		enum side side;
	} who[] = {
		{ SESSION_ROLE_THERAPIST, SIDE_THERAPIST },
		{ SESSION_ROLE_CLIENT, SIDE_CLIENT },
		{ SESSION_ROLE_CAREGIVER, SIDE_CLIENT },
		{ SESSION_ROLE_FAMILY, SIDE_CLIENT },
		{ SESSION_ROLE_INTERPRETER, SIDE_OTHER },
		{ SESSION_ROLE_OTHER, SIDE_OTHER },
	};
	static const struct {
		const char *text;
		size_t words;
	} texts[] = {
		{ "Hi there, how are you?", 5 },
		{ "I don't know... mm-hmm.", 4 },
		{ "", 0 },
		{ " -- ... !? ", 0 },
		{ "Caf\xc3\xa9 na\xc3\xafve it\xe2\x80\x99s", 3 },
		{ "The 3 of us at 10:30", 7 },
	};
	session *s = session_create();
	const char *codes[] = { "validation" };
	struct session_utt *v;

	for (size_t i = 0; i < sizeof(who) / sizeof(who[0]); i++) {
		char id[8];

		snprintf(id, sizeof(id), "S%zu", i);
		session_add_speaker(s, id, who[i].role, NULL);
	}
	/* 6 speakers x 6 texts, more than the first allocation holds. */
	for (size_t k = 0; k < 36; k++) {
		const char *t = texts[k % 6].text;
		struct session_utt u = { .index = k, .speaker = k / 6,
			.start = (double)k, .end = NAN,
			.text = arena_strdup(s->arena, t), .len = strlen(t),
			.line = (long)k + 10,
			/* garbage the session must overwrite */
			.side = SIDE_ANY, .words = 999 };

		if (k == 7) {
			u.codes = codes;
			u.ncodes = 1;
		}
		v = session_push_utt(s, &u);
		ck_assert_ptr_eq(v, &s->utts[k]);
	}
	ck_assert_uint_eq(s->nutts, 36);
	for (size_t k = 0; k < 36; k++) {
		const struct session_utt *u = &s->utts[k];

		ck_assert_uint_eq(u->index, k);
		ck_assert_uint_eq(u->speaker, k / 6);
		ck_assert_msg(u->side == who[k / 6].side, "utt %zu: side %d",
		    k, (int)u->side);
		ck_assert_msg(u->words == texts[k % 6].words,
		    "\"%s\": %zu words", u->text, u->words);
		ck_assert_str_eq(u->text, texts[k % 6].text);
		ck_assert_double_eq(u->start, (double)k);
		ck_assert(isnan(u->end));
		ck_assert_int_eq(u->line, (long)k + 10);
	}
	ck_assert_uint_eq(s->utts[7].ncodes, 1);
	ck_assert_str_eq(s->utts[7].codes[0], "validation");
	ck_assert_ptr_null(s->utts[8].codes);
	session_free(s);
}
END_TEST

START_TEST(test_roles)
{
	static const char *const names[SESSION_NROLES] = { "therapist",
		"client", "caregiver", "family", "interpreter", "other" };

	for (int i = 0; i < SESSION_NROLES; i++) {
		ck_assert_str_eq(session_role_name(i), names[i]);
		ck_assert_int_eq(session_role_parse(names[i]), i);
	}
	ck_assert_int_eq(session_role_side(SESSION_ROLE_THERAPIST),
	    SIDE_THERAPIST);
	ck_assert_int_eq(session_role_side(SESSION_ROLE_CLIENT), SIDE_CLIENT);
	ck_assert_int_eq(session_role_side(SESSION_ROLE_CAREGIVER),
	    SIDE_CLIENT);
	ck_assert_int_eq(session_role_side(SESSION_ROLE_FAMILY), SIDE_CLIENT);
	ck_assert_int_eq(session_role_side(SESSION_ROLE_INTERPRETER),
	    SIDE_OTHER);
	ck_assert_int_eq(session_role_side(SESSION_ROLE_OTHER), SIDE_OTHER);
	ck_assert_int_eq(session_role_parse("Therapist"), -1);
	ck_assert_int_eq(session_role_parse("patient"), -1);
	ck_assert_int_eq(session_role_parse("client "), -1);
	ck_assert_int_eq(session_role_parse(""), -1);
}
END_TEST

START_TEST(test_times)
{
	static const struct {
		const char *text;
		double want;
	} good[] = {
		{ "12.5", 12.5 },
		{ "0", 0 },
		{ "  7.25\t", 7.25 },		/* surrounding space */
		{ "3600", 3600 },
		{ "00:12:05.5", 725.5 },
		{ "1:02:03", 3723 },
		{ "12:05", 725 },
		{ "00:59.75", 59.75 },
		{ "100:00:00", 360000 },	/* hours are not capped */
		{ "90:00", 5400 },		/* nor is a leading minute */
	};
	static const char *const bad[] = {
		"", " ", "abc", "-3", "+3", "1e3", "0x10", "nan", "inf",
		"12.5s", "12 34", "1,5", "1:75", "00:60", "1:60:00",
		"1:00:60", "1.5:20", "1:2.5:00", "1::2", ":5", "5:",
		"1:2:3:4", "12..5", ".",
	};
	double t;

	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		t = -1;
		ck_assert_msg(session_parse_time(good[i].text, &t) == 0,
		    "'%s' refused", good[i].text);
		ck_assert_msg(fabs(t - good[i].want) < 1e-9, "'%s' = %g",
		    good[i].text, t);
	}
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		t = NAN;
		ck_assert_msg(session_parse_time(bad[i], &t) == -1,
		    "'%s' accepted as %g", bad[i], t);
	}
}
END_TEST

START_TEST(test_dates)
{
	ck_assert(session_valid_date("2026-03-14"));
	ck_assert(session_valid_date("2026-01-31"));
	ck_assert(session_valid_date("2026-12-31"));
	ck_assert(!session_valid_date("2026-04-31"));
	ck_assert(!session_valid_date("2026-06-31"));
	/* February 29: every 4th year, not every 100th, every 400th. */
	ck_assert(session_valid_date("2024-02-29"));
	ck_assert(!session_valid_date("2026-02-29"));
	ck_assert(!session_valid_date("2025-02-29"));
	ck_assert(session_valid_date("2000-02-29"));
	ck_assert(!session_valid_date("1900-02-29"));
	ck_assert(!session_valid_date("2100-02-29"));
	ck_assert(session_valid_date("2100-02-28"));
	ck_assert(!session_valid_date("2024-02-30"));
	/* Fields out of range. */
	ck_assert(!session_valid_date("2026-13-01"));
	ck_assert(!session_valid_date("2026-00-10"));
	ck_assert(!session_valid_date("2026-01-00"));
	ck_assert(!session_valid_date("2026-01-32"));
	/* Not YYYY-MM-DD. */
	ck_assert(!session_valid_date("2026-3-14"));
	ck_assert(!session_valid_date("14/03/2026"));
	ck_assert(!session_valid_date("2026/03/14"));
	ck_assert(!session_valid_date("20260314"));
	ck_assert(!session_valid_date("2026-03-14T10:00"));
	ck_assert(!session_valid_date(" 2026-03-1"));
	ck_assert(!session_valid_date("2026-0a-14"));
	ck_assert(!session_valid_date("+026-03-14"));
	ck_assert(!session_valid_date(""));
}
END_TEST

START_TEST(test_date_days)
{
	/* Reference: Python's datetime.date(y, m, d) - date(1970, 1, 1). */
	ck_assert_double_eq(session_date_days("1970-01-01"), 0);
	ck_assert_double_eq(session_date_days("1969-12-31"), -1);
	ck_assert_double_eq(session_date_days("2000-03-01"), 11017);
	ck_assert_double_eq(session_date_days("2024-02-29"), 19782);
	ck_assert_double_eq(session_date_days("2026-03-14"), 20526);
	ck_assert_double_eq(session_date_days("1900-03-01"), -25508);
	/* Across a leap day and a non-leap February. */
	ck_assert_double_eq(session_date_days("2024-03-01") -
	    session_date_days("2024-02-28"), 2);
	ck_assert_double_eq(session_date_days("2023-03-01") -
	    session_date_days("2023-02-28"), 1);
	ck_assert(isnan(session_date_days(NULL)));
	ck_assert(isnan(session_date_days("2026-02-29")));
	ck_assert(isnan(session_date_days("yesterday")));
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("session");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_speakers);
	tcase_add_test(tc, test_push_utt);
	tcase_add_test(tc, test_roles);
	tcase_add_test(tc, test_times);
	tcase_add_test(tc, test_dates);
	tcase_add_test(tc, test_date_days);
	suite_add_tcase(s, tc);
	return s;
}
