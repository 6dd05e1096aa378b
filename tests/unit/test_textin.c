/* test_textin.c -- unit tests of ingest/textin.c: decoding, lines, clock
 * times, character references and speaker labels. */
#include "config.h"

#include "unit.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "textin.h"
#include "util.h"

/* Decode the literal lit; returns the text (free() it) or NULL. */
#define DECODE(lit, outlen, d)	textin_decode(lit, sizeof(lit) - 1, outlen, d)

START_TEST(test_decode_utf8)
{
	struct diags d = { 0 };
	size_t n = 99;
	char *s;

	s = DECODE("caf\xc3\xa9\nline 2\r\n", &n, &d);
	ck_assert_ptr_nonnull(s);
	ck_assert_str_eq(s, "caf\xc3\xa9\nline 2\r\n");
	ck_assert_uint_eq(n, 14);
	ck_assert_uint_eq(d.n, 0);
	free(s);
	/* The UTF-8 byte-order mark is dropped. */
	s = DECODE("\xef\xbb\xbfHi", &n, &d);
	ck_assert_str_eq(s, "Hi");
	ck_assert_uint_eq(n, 2);
	free(s);
	s = DECODE("\xef\xbb\xbf", &n, &d);
	ck_assert_str_eq(s, "");
	ck_assert_uint_eq(n, 0);
	free(s);
	s = DECODE("", &n, &d);
	ck_assert_ptr_nonnull(s);
	ck_assert_uint_eq(n, 0);
	free(s);
	ck_assert_uint_eq(d.n, 0);
}
END_TEST

START_TEST(test_decode_utf16)
{
	/* "Hi" e-acute, U+1F642 (a surrogate pair), "\n" */
	static const char le[] = "\xff\xfe" "H\0i\0\xe9\0\x3d\xd8\x42\xde\n\0";
	static const char be[] = "\xfe\xff" "\0H\0i\0\xe9\xd8\x3d\xde\x42\0\n";
	static const char want[] = "Hi\xc3\xa9\xf0\x9f\x99\x82\n";
	struct diags d = { 0 };
	size_t n;
	char *s;

	s = textin_decode(le, sizeof(le) - 1, &n, &d);
	ck_assert_ptr_nonnull(s);
	ck_assert_str_eq(s, want);
	ck_assert_uint_eq(n, strlen(want));
	free(s);
	s = textin_decode(be, sizeof(be) - 1, &n, &d);
	ck_assert_ptr_nonnull(s);
	ck_assert_str_eq(s, want);
	free(s);
	s = textin_decode("\xff\xfe", 2, &n, &d);	/* only the BOM */
	ck_assert_str_eq(s, "");
	free(s);
	ck_assert_uint_eq(d.n, 0);

	/* Cut short. */
	ck_assert_ptr_null(textin_decode("\xff\xfe" "H\0i", 5, &n, &d));
	ck_assert_uint_eq(d.n, 1);
	ck_assert_int_eq(d.v[0].line, 0);
	ck_assert_ptr_nonnull(strstr(d.v[0].msg, "odd number of bytes"));
	diags_clear(&d);
	/* A lone low surrogate on line 2, column 2. */
	ck_assert_ptr_null(DECODE("\xff\xfe" "a\0\n\0b\0\x00\xdc", &n, &d));
	ck_assert_uint_eq(d.n, 1);
	ck_assert_int_eq(d.v[0].severity, DIAG_ERROR);
	ck_assert_int_eq(d.v[0].line, 2);
	ck_assert_int_eq(d.v[0].col, 2);
	ck_assert_ptr_nonnull(strstr(d.v[0].msg, "unpaired surrogate"));
	diags_clear(&d);
	/* A high surrogate without its low half, at the very end. */
	ck_assert_ptr_null(DECODE("\xfe\xff" "\0a\xd8\x3d", &n, &d));
	ck_assert_int_eq(d.v[0].line, 1);
	ck_assert_int_eq(d.v[0].col, 2);
	diags_clear(&d);
	/* Lines counted as the line iterator counts them: CR, CRLF. */
	ck_assert_ptr_null(DECODE("\xff\xfe" "a\0\r\0b\0\r\0\x00\xdc", &n, &d));
	ck_assert_int_eq(d.v[0].line, 3);
	ck_assert_int_eq(d.v[0].col, 1);
	diags_clear(&d);
	ck_assert_ptr_null(DECODE("\xff\xfe" "a\0\r\0\n\0b\0\x00\xdc", &n, &d));
	ck_assert_int_eq(d.v[0].line, 2);
	ck_assert_int_eq(d.v[0].col, 2);
	diags_clear(&d);
	ck_assert_ptr_null(DECODE("\xff\xfe" "a\0\0\0", &n, &d));
	ck_assert_ptr_nonnull(strstr(d.v[0].msg, "NUL"));
	diags_free(&d);
}
END_TEST

/* textin_decode of lit must fail at line:col with a message holding
 * what. */
#define REFUSED(lit, l, c, what) do {					\
	struct diags d_ = { 0 };					\
	size_t n_;							\
									\
	ck_assert_ptr_null(DECODE(lit, &n_, &d_));			\
	ck_assert_uint_eq(d_.n, 1);					\
	ck_assert_msg(d_.v[0].line == (l) && d_.v[0].col == (c),	\
	    "%s: at %ld:%ld, want %d:%d", #lit, d_.v[0].line,		\
	    d_.v[0].col, (l), (c));					\
	ck_assert_msg(strstr(d_.v[0].msg, (what)) != NULL, "%s: %s",	\
	    #lit, d_.v[0].msg);						\
	diags_free(&d_);						\
} while (0)

START_TEST(test_decode_refused)
{
	/* Latin-1 / Windows-1252 text, with the hint. */
	REFUSED("caf\xe9\n", 1, 4, "invalid UTF-8 (byte 0xe9)");
	REFUSED("caf\xe9\n", 1, 4, "iconv -f windows-1252 -t utf-8");
	REFUSED("ok\r\nna\xefve", 2, 3, "byte 0xef");
	REFUSED("a\rb\rc\xff", 3, 2, "byte 0xff");
	REFUSED("\n\n\x93quoted\x94", 3, 1, "byte 0x93");
	/* The first bad byte, also right after a good sequence. */
	REFUSED("ab\xc3\xa9\x80", 1, 5, "byte 0x80");
	REFUSED("\xc3\xa9\xc3\xa9\xa9z", 1, 5, "byte 0xa9");
	REFUSED("\xc0\xaf", 1, 1, "byte 0xc0");		/* overlong */
	REFUSED("x\xed\xa0\x80", 1, 2, "byte 0xed");	/* surrogate */
	REFUSED("\xf4\x90\x80\x80", 1, 1, "byte 0xf4");	/* > U+10FFFF */
	REFUSED("end\xe2\x82", 1, 4, "byte 0xe2");	/* truncated */
	REFUSED("a\xe2\x82z", 1, 2, "byte 0xe2");
	REFUSED("bin\0ary", 1, 4, "NUL byte");
	REFUSED("ok\n\xef\xbb\xbfmid\0", 2, 7, "NUL byte");
}
END_TEST

START_TEST(test_lines)
{
	static const char text[] = "a\nb\r\nc\rd\n\ne\r\r\nlast";
	static const char *const want[] = { "a", "b", "c", "d", "", "e", "",
		"last" };
	struct textin_lines it;
	const char *s;
	size_t n, k = 0;

	textin_lines_init(&it, text, sizeof(text) - 1);
	ck_assert_int_eq(it.line, 0);
	for (;;) {
		const char *s2;
		size_t n2;
		long before = it.line;

		if (!textin_peek_line(&it, &s, &n))
			break;
		ck_assert_int_eq(it.line, before);	/* peek stays */
		ck_assert_int_eq(textin_next_line(&it, &s2, &n2), 1);
		ck_assert_ptr_eq(s2, s);
		ck_assert_uint_eq(n2, n);
		ck_assert_uint_lt(k, sizeof(want) / sizeof(want[0]));
		ck_assert_uint_eq(n, strlen(want[k]));
		ck_assert_int_eq(memcmp(s, want[k], n), 0);
		k++;
		ck_assert_int_eq(it.line, (long)k);
	}
	ck_assert_uint_eq(k, sizeof(want) / sizeof(want[0]));
	ck_assert_int_eq(textin_next_line(&it, &s, &n), 0);

	/* A final line end does not start another line. */
	textin_lines_init(&it, "x\r\n", 3);
	ck_assert_int_eq(textin_next_line(&it, &s, &n), 1);
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(textin_next_line(&it, &s, &n), 0);
	textin_lines_init(&it, "", 0);
	ck_assert_int_eq(textin_next_line(&it, &s, &n), 0);
	ck_assert_int_eq(textin_peek_line(&it, &s, &n), 0);
	/* LF CR is two line ends. */
	textin_lines_init(&it, "p\n\rq", 4);
	ck_assert_int_eq(textin_next_line(&it, &s, &n), 1);
	ck_assert_int_eq(textin_next_line(&it, &s, &n), 1);
	ck_assert_uint_eq(n, 0);
	ck_assert_int_eq(textin_next_line(&it, &s, &n), 1);
	ck_assert_int_eq(*s, 'q');
	ck_assert_int_eq(it.line, 3);
}
END_TEST

START_TEST(test_blank_trim)
{
	const char *s = " \xc2\xa0\tHi there \xc2\xa0\t";
	size_t n = strlen(s);

	ck_assert(textin_blank("", 0));
	ck_assert(textin_blank(" \t  ", 4));
	ck_assert(textin_blank("\xc2\xa0 \xc2\xa0", 5));
	ck_assert(!textin_blank("  .", 3));
	textin_trim(&s, &n);
	ck_assert_uint_eq(n, 8);
	ck_assert_int_eq(memcmp(s, "Hi there", 8), 0);
	/* Other characters are kept. */
	s = "\xc2\xa1x\r";
	n = 4;
	textin_trim(&s, &n);
	ck_assert_uint_eq(n, 4);
}
END_TEST

START_TEST(test_clock)
{
	static const struct {
		const char *s;
		size_t used;
		double sec;
	} good[] = {
		{ "00:01:02.500", 12, 62.5 },
		{ "1:02", 4, 62 },
		{ "01:02:03,250 --> 01:02:04,000", 12, 3723.25 },
		{ "123:04:05", 9, 123 * 3600 + 4 * 60 + 5 },
		{ "00:00:00", 8, 0 },
		{ "5:07.25 rest", 7, 307.25 },
		{ "10:30 Meeting", 5, 630 },
		{ "00:59:59.", 8, 3599 },	/* a '.' without digits */
		{ "02:03]", 5, 123 },
	};
	static const char *const bad[] = {
		"", "abc", "12", "12.5", ":30", "1:2", "1:2:03", "00:60",
		"1:75:00", "1:00:61", "12:30pm", "12:305", "1:023", "12h30",
		"12:3a", " 12:30",
	};
	double t;

	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		t = NAN;
		ck_assert_msg(textin_clock(good[i].s, strlen(good[i].s), &t) ==
		    good[i].used, "'%s'", good[i].s);
		ck_assert_msg(fabs(t - good[i].sec) < 1e-9, "'%s' = %g",
		    good[i].s, t);
	}
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		ck_assert_msg(textin_clock(bad[i], strlen(bad[i]), &t) == 0,
		    "'%s' taken for a time", bad[i]);
	/* Only n bytes are read. */
	ck_assert_uint_eq(textin_clock("01:02:03", 5, &t), 5);
	ck_assert_double_eq(t, 62);
}
END_TEST

/* textin_entities of in, compared with want. */
#define ck_entities(in, want) do {					\
	strbuf b_ = { 0 };						\
									\
	strbuf_adds(&b_, "[");						\
	textin_entities(&b_, (in), strlen(in));				\
	strbuf_adds(&b_, "]");						\
	ck_assert_str_eq(b_.s, "[" want "]");				\
	strbuf_free(&b_);						\
} while (0)

START_TEST(test_entities)
{
	ck_entities("a &amp; b &lt;c&gt; &quot;q&quot; &apos;s&apos;",
	    "a & b <c> \"q\" 's'");
	ck_entities("no&nbsp;break", "no break");
	ck_entities("x&lrm;y&rlm;z", "xyz");
	ck_entities("caf&#233; caf&#xE9; caf&#Xe9;",
	    "caf\xc3\xa9 caf\xc3\xa9 caf\xc3\xa9");
	ck_entities("&#x1F642;&#128578;", "\xf0\x9f\x99\x82\xf0\x9f\x99\x82");
	ck_entities("&#x10FFFF;", "\xf4\x8f\xbf\xbf");
	ck_entities("&#36;&#x24;", "$$");
	/* Code points that are not characters become U+FFFD. */
	ck_entities("&#0;", "\xef\xbf\xbd");
	ck_entities("&#xD800;", "\xef\xbf\xbd");
	ck_entities("&#1114112;", "\xef\xbf\xbd");	/* 0x110000 */
	/* Whatever is not a known reference stays as it is. */
	ck_entities("AT&T", "AT&T");
	ck_entities("Tom & Jerry", "Tom & Jerry");
	ck_entities("&copy; 2026", "&copy; 2026");
	ck_entities("&amp", "&amp");
	ck_entities("&#;&#x;&#12a;&#xg1;", "&#;&#x;&#12a;&#xg1;");
	ck_entities("&&amp;", "&&");
	ck_entities("&AMP;", "&AMP;");
	ck_entities("&verylongname;", "&verylongname;");
	ck_entities("trailing &", "trailing &");
	/* Only n bytes are read. */
	{
		strbuf b = { 0 };

		textin_entities(&b, "&amp;&lt;", 5);
		ck_assert_str_eq(b.s, "&");
		strbuf_reset(&b);
		textin_entities(&b, "&amp;&lt;", 4);
		ck_assert_str_eq(b.s, "&amp");
		strbuf_free(&b);
	}
}
END_TEST

/* textin_label on s: want 1 with label and the text after it, or 0. */
static void
check_label(const char *s, int strict, const char *label, const char *text)
{
	const char *l = NULL;
	size_t ll = 0, off = 0;
	int r = textin_label(s, strlen(s), strict, &l, &ll, &off);

	if (label == NULL) {
		ck_assert_msg(r == 0, "'%s' (strict %d) split", s, strict);
		return;
	}
	ck_assert_msg(r == 1, "'%s' (strict %d) not split", s, strict);
	ck_assert_msg(ll == strlen(label) && memcmp(l, label, ll) == 0,
	    "'%s': label '%.*s'", s, (int)ll, l);
	ck_assert_str_eq(s + off, text);
}

START_TEST(test_label)
{
	check_label("Dr. Lee: How are you?", 1, "Dr. Lee", "How are you?");
	check_label("Interviewer:  so\ttell me", 1, "Interviewer",
	    "so\ttell me");
	check_label("SPEAKER_01:\tyes", 1, "SPEAKER_01", "yes");
	check_label("Speaker 2:", 1, "Speaker 2", "");
	check_label(" Sam : hi", 1, "Sam", "hi");
	check_label("Zo\xc3\xab: hi", 1, "Zo\xc3\xab", "hi");
	check_label("Parent (Mother): ok", 1, "Parent (Mother)", "ok");
	check_label("Caller #2: ok", 0, "Caller #2", "ok");
	check_label("O'Brien-Smith: yes", 1, "O'Brien-Smith", "yes");
	/* Not capitalised: only when lenient. */
	check_label("client: I guess", 1, NULL, NULL);
	check_label("client: I guess", 0, "client", "I guess");
	check_label("So what I mean is: this", 1, NULL, NULL);
	check_label("and then I said to her: no", 0, NULL, NULL); /* 6 words */
	/* Times, addresses, empty or odd labels never split. */
	check_label("10:30 we met", 0, NULL, NULL);
	check_label("10:30: we met", 0, NULL, NULL);
	check_label("See http://example.org", 0, NULL, NULL);
	check_label("A:B", 0, NULL, NULL);
	check_label(": text", 0, NULL, NULL);
	check_label("   : text", 0, NULL, NULL);
	check_label("12: text", 0, NULL, NULL);		/* no letter */
	check_label("Hi, you: there", 0, NULL, NULL);	/* ',' */
	check_label("No colon here", 0, NULL, NULL);
	check_label("Abcdefghij Abcdefghij Abcdefghij Abcdefghij Abcdefgh"
	    ": long", 0, NULL, NULL);			/* 52 bytes */

	ck_assert(textin_speaker_like("Speaker 2", 9, 1));
	ck_assert(textin_speaker_like("  Interviewer ", 14, 1));
	ck_assert(!textin_speaker_like("speaker 2", 9, 1));
	ck_assert(textin_speaker_like("speaker 2", 9, 0));
	ck_assert(!textin_speaker_like("00:01 Sam", 9, 0));
	ck_assert(!textin_speaker_like("", 0, 0));
	ck_assert(!textin_speaker_like("A B C D E F", 11, 0));
	ck_assert(textin_speaker_like("A B C D E", 9, 1));
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("textin");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_decode_utf8);
	tcase_add_test(tc, test_decode_utf16);
	tcase_add_test(tc, test_decode_refused);
	tcase_add_test(tc, test_lines);
	tcase_add_test(tc, test_blank_trim);
	tcase_add_test(tc, test_clock);
	tcase_add_test(tc, test_entities);
	tcase_add_test(tc, test_label);
	suite_add_tcase(s, tc);
	return s;
}
