/* test_ingest.c -- unit tests of streaming ingest (ingest/ingest.c). */
#include "config.h"

#include "unit.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ingest.h"
#include "session.h"
#include "util.h"

#define tmpdir unit_tmpdir()

/* Write text to a new file in tmpdir; returns its path (free() it). */
static char *
write_file(const char *name, const char *text, size_t len)
{
	char *path = xasprintf("%s/%s", tmpdir, name);
	FILE *f = fopen(path, "wb");

	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(fwrite(text, 1, len, f), len);
	fclose(f);
	return path;
}

#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
#define SPEAKERS "<speakers><speaker id=\"T\" role=\"therapist\"/>" \
	"<speaker id=\"C\" role=\"client\" name=\"Sam\"/></speakers>"

/* Ingest text as one input; returns the first result of ingest_next. */
static int
ingest_text(const char *text, session **s, char **first_msg)
{
	char *path = write_file("t.xml", text, strlen(text)), *why = NULL;
	ingest *in = ingest_open(path, "t.xml", NULL, NULL, &why);
	const struct diag *d;
	size_t nd;
	int r;

	ck_assert_ptr_nonnull(in);
	r = ingest_next(in, s);
	d = ingest_diags(in, &nd);
	*first_msg = nd > 0 ? xasprintf("%ld:%ld: %s", d[0].line, d[0].col,
	    d[0].msg) : NULL;
	ingest_close(in);
	free(path);
	return r;
}

START_TEST(test_model)
{
	session *s = NULL;
	char *msg = NULL;
	int r = ingest_text(HEAD
	    "<session id=\"S0142\" date=\"2026-03-14\" modality=\"video\" "
	    "number=\"5\" language=\"en\">\n"
	    "<clinician id=\"C07\" cohort=\"2026-fall\" discipline=\"OT\"/>\n"
	    "<client id=\"P113\" age-group=\"child\"/>\n"
	    "<measure name=\"SRS\" value=\"34\"/><measure name=\"ORS\" "
	    "value=\"22.5\"/>\n" SPEAKERS "\n<transcript>\n"
	    "<u who=\"T\" start=\"3.2\" end=\"00:00:07.9\">Hi Sam, how &amp; "
	    "<pause/>has &#233;<vocal desc=\"x\">ha</vocal></u>\n"
	    "<u who=\"C\"><![CDATA[Pretty <rough>]]>, honestly.</u>\n"
	    "<event type=\"disconnect\" start=\"760\" end=\"781.5\"/>\n"
	    "<u who=\"T\" codes=\" reflection.complex  validation\">It "
	    "sounds hard.</u>\n</transcript></session>\n", &s, &msg);

	ck_assert_int_eq(r, 1);
	ck_assert_ptr_null(msg);
	ck_assert_str_eq(s->id, "S0142");
	ck_assert_str_eq(s->date, "2026-03-14");
	ck_assert_str_eq(s->modality, "video");
	ck_assert_int_eq(s->number, 5);
	ck_assert_str_eq(s->clinician, "C07");
	ck_assert_str_eq(s->cohort, "2026-fall");
	ck_assert_str_eq(s->discipline, "OT");
	ck_assert_str_eq(s->client, "P113");
	ck_assert_str_eq(s->age_group, "child");
	ck_assert_uint_eq(s->nmeasures, 2);
	ck_assert_str_eq(s->measures[1].name, "ORS");
	ck_assert_double_eq(s->measures[1].value, 22.5);
	ck_assert_uint_eq(s->nspeakers, 2);
	ck_assert_int_eq(s->speakers[1].role, SESSION_ROLE_CLIENT);
	ck_assert_str_eq(s->speakers[1].name, "Sam");
	ck_assert_uint_eq(s->nutts, 3);
	ck_assert_str_eq(s->utts[0].text, "Hi Sam, how & has \xc3\xa9ha");
	ck_assert_uint_eq(s->utts[0].len, strlen(s->utts[0].text));
	ck_assert_double_eq_tol(s->utts[0].start, 3.2, 1e-12);
	ck_assert_double_eq_tol(s->utts[0].end, 7.9, 1e-12);
	ck_assert_int_eq(s->utts[0].side,
	    SIDE_THERAPIST);
	ck_assert_str_eq(s->utts[1].text, "Pretty <rough>, honestly.");
	ck_assert(isnan(s->utts[1].start));
	ck_assert_int_eq(s->utts[1].side, SIDE_CLIENT);
	ck_assert_uint_eq(s->utts[2].index, 2);
	ck_assert_uint_eq(s->utts[2].ncodes, 2);
	ck_assert_str_eq(s->utts[2].codes[0], "reflection.complex");
	ck_assert_str_eq(s->utts[2].codes[1], "validation");
	ck_assert_uint_eq(s->nevents, 1);
	ck_assert_str_eq(s->events[0].type, "disconnect");
	ck_assert_double_eq(s->events[0].end, 781.5);
	session_free(s);
}
END_TEST

START_TEST(test_corpus_streams)
{
	strbuf b = { 0 };
	char *path, *why = NULL;
	ingest *in;
	session *s;
	int n = 0, r;

	strbuf_adds(&b, HEAD "<corpus>\n");
	for (int i = 0; i < 500; i++)
		strbuf_addf(&b, "<session id=\"S%d\"><clinician id=\"C%d\"/>"
		    SPEAKERS "<transcript><u who=\"T\">utterance %d</u>"
		    "</transcript></session>\n", i, i % 7, i);
	strbuf_adds(&b, "</corpus>\n");
	path = write_file("corpus.xml", b.s, b.len);
	in = ingest_open(path, NULL, NULL, NULL, &why);
	ck_assert_ptr_nonnull(in);
	while ((r = ingest_next(in, &s)) == 1) {
		char want[32];

		snprintf(want, sizeof(want), "S%d", n);
		ck_assert_str_eq(s->id, want);
		ck_assert_uint_eq(s->nutts, 1);
		session_free(s);
		n++;
	}
	ck_assert_int_eq(r, 0);
	ck_assert_int_eq(n, 500);
	ck_assert_uint_eq(ingest_bytes(in), b.len);
	ingest_close(in);
	free(path);
	strbuf_free(&b);
}
END_TEST

/* A session-level error rejects that session; the corpus goes on. */
START_TEST(test_reject_one_session)
{
	char *path, *why = NULL;
	const char *text = HEAD "<corpus>"
	    "<session id=\"A\"><clinician id=\"C\"/>" SPEAKERS "<transcript>"
	    "<u who=\"X\">hi</u></transcript></session>\n"
	    "<session id=\"A\"><clinician id=\"C\"/>" SPEAKERS
	    "<transcript/></session>\n"
	    "<session id=\"B\"><clinician id=\"C\"/>" SPEAKERS
	    "<transcript/></session></corpus>";
	ingest *in;
	session *s;
	const struct diag *d;
	size_t nd;

	path = write_file("rej.xml", text, strlen(text));
	in = ingest_open(path, NULL, NULL, NULL, &why);
	ck_assert_int_eq(ingest_next(in, &s), 2);
	d = ingest_diags(in, &nd);
	ck_assert_uint_eq(nd, 1);
	ck_assert_ptr_nonnull(strstr(d[0].msg, "no such speaker"));
	ck_assert_int_eq(ingest_next(in, &s), 2);
	d = ingest_diags(in, &nd);
	ck_assert_ptr_nonnull(strstr(d[0].msg, "duplicate session id 'A'"));
	ck_assert_int_eq(ingest_next(in, &s), 1);
	ck_assert_str_eq(s->id, "B");
	session_free(s);
	ck_assert_int_eq(ingest_next(in, &s), 0);
	ingest_close(in);
	free(path);
}
END_TEST

START_TEST(test_refusals)
{
	static const struct {
		const char *text, *want;
	} cases[] = {
		{ HEAD "<!DOCTYPE session [<!ENTITY x SYSTEM "
		  "\"file:///etc/passwd\">]><session id=\"S\"/>",
		  "2:58: entity declaration 'x' refused" },
		{ HEAD "<!DOCTYPE session [<!ENTITY % p SYSTEM "
		  "\"file:///etc/hostname\"> %p;]><session id=\"S\"/>",
		  "entity declaration 'p' refused" },
		{ HEAD "<!DOCTYPE session SYSTEM \"http://example.invalid/d\">"
		  "<session id=\"S\"/>", "external DTD" },
		{ HEAD "<html/>", "root element is <html>" },
		{ "", "empty file" },
		{ HEAD "<session id=\"S\"><clinician id=\"C\"/>",
		  "input ends inside <session>" },
		{ HEAD "<session xmlns=\"urn:x\" id=\"S\"/>", "namespace" },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		session *s = NULL;
		char *msg = NULL;
		int r = ingest_text(cases[i].text, &s, &msg);

		ck_assert_int_eq(r, -1);
		ck_assert_ptr_null(s);
		ck_assert_ptr_nonnull(msg);
		ck_assert_msg(strstr(msg, cases[i].want) != NULL,
		    "case %zu: '%s' lacks '%s'", i, msg, cases[i].want);
		ck_assert_ptr_null(strstr(msg, "root:"));	/* no passwd */
		free(msg);
	}
}
END_TEST

START_TEST(test_backwards_times_warn)
{
	session *s = NULL;
	char *msg = NULL;
	int r = ingest_text(HEAD "<session id=\"S\"><clinician id=\"C\"/>"
	    SPEAKERS "<transcript><u who=\"T\" start=\"10\">a</u>"
	    "<u who=\"C\" start=\"4\">b</u></transcript></session>", &s, &msg);

	ck_assert_int_eq(r, 1);
	ck_assert_uint_eq(s->nutts, 2);
	ck_assert_ptr_nonnull(strstr(msg, "before the previous one"));
	free(msg);
	session_free(s);
}
END_TEST

/* Encodings other than UTF-8 reach the model as UTF-8. */
START_TEST(test_encodings)
{
	static const struct {
		const char *file, *text;
	} cases[] = {
		{ "latin1.xml", "Caf\xc3\xa9, na\xc3\xafve, \xc3\xbc" "ber." },
		{ "utf16.xml", "UTF-16 text: caf\xc3\xa9." },
		{ "bom.xml", "A file with a byte-order mark." },
		{ "charrefs.xml", "The caf\xc3\xa9 was closed & I didn\xe2\x80\x99t "
		  "know 1 < 2 > 0." },
	};
	const char *src = getenv("srcdir");

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *path = xasprintf("%s/tests/inputs/valid/%s",
		    src ? src : "..", cases[i].file), *why = NULL;
		ingest *in = ingest_open(path, NULL, NULL, NULL, &why);
		session *s;

		ck_assert_msg(in != NULL, "%s: %s", path, why ? why : "");
		ck_assert_int_eq(ingest_next(in, &s), 1);
		ck_assert_str_eq(s->utts[0].text, cases[i].text);
		session_free(s);
		ingest_close(in);
		free(path);
	}
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("ingest");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_model);
	tcase_add_test(tc, test_corpus_streams);
	tcase_add_test(tc, test_reject_one_session);
	tcase_add_test(tc, test_refusals);
	tcase_add_test(tc, test_backwards_times_warn);
	tcase_add_test(tc, test_encodings);
	suite_add_tcase(s, tc);
	return s;
}

