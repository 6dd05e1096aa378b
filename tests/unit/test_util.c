/* test_util.c -- unit tests of base/util.c: strbuf, arena, strset,
 * printable() and utf8_valid(). */
#include "config.h"

#include "unit.h"
#include <stdalign.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

START_TEST(test_strbuf)
{
	strbuf b = { 0 };
	char *s;

	strbuf_add(&b, "abcdef", 3);
	strbuf_adds(&b, "-");
	strbuf_addc(&b, 'x');
	strbuf_addf(&b, "[%d:%s]", 42, "y");
	ck_assert_str_eq(b.s, "abc-x[42:y]");
	ck_assert_uint_eq(b.len, strlen("abc-x[42:y]"));
	ck_assert_uint_gt(b.cap, b.len);	/* room for the NUL */
	/* Bytes, not C strings: an embedded NUL is kept and counted. */
	strbuf_add(&b, "\0z", 2);
	ck_assert_uint_eq(b.len, 13);
	ck_assert_int_eq(b.s[11], '\0');
	ck_assert_int_eq(b.s[12], 'z');
	ck_assert_int_eq(b.s[13], '\0');
	strbuf_reset(&b);
	ck_assert_uint_eq(b.len, 0);
	ck_assert_str_eq(b.s, "");
	/* Growth over many appends keeps every byte. */
	for (int i = 0; i < 10000; i++)
		strbuf_addf(&b, "%04d", i % 10000);
	ck_assert_uint_eq(b.len, 40000);
	ck_assert_int_eq(memcmp(b.s + 4 * 1234, "1234", 4), 0);
	ck_assert_int_eq(memcmp(b.s + 39996, "9999", 4), 0);
	s = strbuf_release(&b);
	ck_assert_ptr_null(b.s);
	ck_assert_uint_eq(b.len, 0);
	ck_assert_uint_eq(b.cap, 0);
	ck_assert_uint_eq(strlen(s), 40000);
	free(s);
	/* Releasing a buffer never written gives "", not NULL. */
	s = strbuf_release(&b);
	ck_assert_str_eq(s, "");
	free(s);
	strbuf_free(&b);	/* an empty buffer is fine */
	ck_assert_ptr_null(b.s);
}
END_TEST

START_TEST(test_alloc)
{
	size_t cap = 0;
	int *v = NULL;
	char *s;

	v = xgrow(v, &cap, 1, sizeof(*v));
	ck_assert_uint_ge(cap, 1);
	v = xgrow(v, &cap, 1000, sizeof(*v));
	ck_assert_uint_ge(cap, 1000);
	for (int i = 0; i < 1000; i++)
		v[i] = i;
	{
		size_t before = cap;
		int *w = xgrow(v, &cap, 10, sizeof(*v));	/* no shrink */

		ck_assert_ptr_eq(w, v);
		ck_assert_uint_eq(cap, before);
	}
	ck_assert_int_eq(v[999], 999);
	free(v);
	s = xstrndup("hello world", 5);
	ck_assert_str_eq(s, "hello");
	free(s);
	s = xasprintf("%s=%05.1f", "x", 2.5);
	ck_assert_str_eq(s, "x=002.5");
	free(s);
}
END_TEST

START_TEST(test_arena)
{
	arena *a = arena_create();
	char *p[2000];
	char *big;

	for (int i = 0; i < 2000; i++) {
		char buf[32];

		snprintf(buf, sizeof(buf), "string %d", i);
		p[i] = arena_strdup(a, buf);
		/* Every allocation is aligned for any type. */
		ck_assert_uint_eq((uintptr_t)p[i] % alignof(max_align_t), 0);
	}
	/* Larger than a chunk: a chunk of its own. */
	big = arena_alloc(a, 200000);
	memset(big, 'b', 200000);
	for (int i = 0; i < 2000; i++) {
		char buf[32];

		snprintf(buf, sizeof(buf), "string %d", i);
		ck_assert_str_eq(p[i], buf);
	}
	ck_assert_str_eq(arena_strndup(a, "abcdef", 2), "ab");
	ck_assert_str_eq(arena_strdup(a, ""), "");
	ck_assert_uint_eq((uintptr_t)arena_alloc(a, 1) %
	    alignof(max_align_t), 0);
	ck_assert_int_eq(big[199999], 'b');
	arena_destroy(a);
	arena_destroy(NULL);
}
END_TEST

START_TEST(test_strset)
{
	strset set = { 0 };
	char buf[32];

	ck_assert_int_eq(strset_add(&set, "alpha"), 0);
	ck_assert_int_eq(strset_add(&set, "alpha"), -1);
	ck_assert_int_eq(strset_add(&set, "Alpha"), 0);	/* case matters */
	ck_assert_int_eq(strset_add(&set, ""), 0);
	ck_assert_int_eq(strset_add(&set, ""), -1);
	ck_assert_uint_eq(set.n, 3);
	/* Growth past many entries: every earlier string is still found. */
	for (int i = 0; i < 20000; i++) {
		snprintf(buf, sizeof(buf), "k%d", i);
		ck_assert_int_eq(strset_add(&set, buf), 0);
	}
	ck_assert_uint_eq(set.n, 20003);
	for (int i = 0; i < 20000; i++) {
		snprintf(buf, sizeof(buf), "k%d", i);
		ck_assert_msg(strset_add(&set, buf) == -1, "%s lost", buf);
	}
	ck_assert_int_eq(strset_add(&set, "alpha"), -1);
	ck_assert_uint_eq(set.n, 20003);
	strset_free(&set);
	ck_assert_uint_eq(set.n, 0);
	ck_assert_ptr_null(set.slot);
	/* Usable again after strset_free. */
	ck_assert_int_eq(strset_add(&set, "alpha"), 0);
	strset_free(&set);
}
END_TEST

/* printable(s, max), compared with want and freed. */
#define ck_printable(s, max, want) do {					\
	char *p_ = printable((s), (max));				\
									\
	ck_assert_str_eq(p_, (want));					\
	free(p_);							\
} while (0)

START_TEST(test_printable)
{
	/* Control characters are shown, never passed through. */
	ck_printable("a\nb\tc\rd\x01\x1b[2J\x7f", 100,
	    "a\\nb\\tc\\x0dd\\x01\\x1b[2J\\x7f");
	ck_printable("plain text, caf\xc3\xa9", 100, "plain text, caf\xc3\xa9");
	ck_printable("", 10, "");
	/* Exactly max bytes: not cut. */
	ck_printable("hello", 5, "hello");
	ck_printable("hello world", 5, "hello...");
	ck_printable("abc", 0, "...");
	/* An escape is never cut in two. */
	ck_printable("ab\ncd", 3, "ab\\n...");
	ck_printable("ab\x01" "cd", 3, "ab\\x01...");
	/* A cut inside a UTF-8 sequence drops the whole sequence... */
	ck_printable("ab\xc3\xa9z", 3, "ab...");
	ck_printable("\xf0\x9f\x99\x82z", 2, "...");
	ck_printable("a\xe2\x82\xac" "b", 3, "a...");
	/* ...and a sequence that fits whole is kept. */
	ck_printable("ab\xc3\xa9z", 4, "ab\xc3\xa9...");
	ck_printable("\xf0\x9f\x99\x82z", 4, "\xf0\x9f\x99\x82...");
	ck_printable("a\xe2\x82\xac" "b", 4, "a\xe2\x82\xac...");
}
END_TEST

#define VALID(lit)	ck_assert_msg(utf8_valid(lit, sizeof(lit) - 1), \
	"%s should be valid", #lit)
#define INVALID(lit)	ck_assert_msg(!utf8_valid(lit, sizeof(lit) - 1), \
	"%s should be invalid", #lit)

START_TEST(test_utf8)
{
	ck_assert(utf8_valid("", 0));
	VALID("caf\xc3\xa9");
	VALID("\xf0\x9f\x99\x82");
	VALID("a\0b");			/* NUL is a code point */
	/* The smallest and largest of each length. */
	VALID("\xc2\x80");		/* U+0080 */
	VALID("\xdf\xbf");		/* U+07FF */
	VALID("\xe0\xa0\x80");		/* U+0800 */
	VALID("\xef\xbf\xbf");		/* U+FFFF */
	VALID("\xf0\x90\x80\x80");	/* U+10000 */
	VALID("\xf4\x8f\xbf\xbf");	/* U+10FFFF */
	/* Either side of the surrogates. */
	VALID("\xed\x9f\xbf");		/* U+D7FF */
	VALID("\xee\x80\x80");		/* U+E000 */
	/* Overlong forms. */
	INVALID("\xc0\xaf");		/* '/' in two bytes */
	INVALID("\xc0\x80");		/* NUL in two bytes */
	INVALID("\xc1\xbf");
	INVALID("\xe0\x80\xaf");
	INVALID("\xe0\x9f\xbf");	/* U+07FF in three bytes */
	INVALID("\xf0\x80\x80\xaf");
	INVALID("\xf0\x8f\xbf\xbf");	/* U+FFFF in four bytes */
	/* Surrogates (CESU-8 and lone halves). */
	INVALID("\xed\xa0\x80");	/* U+D800 */
	INVALID("\xed\xbf\xbf");	/* U+DFFF */
	INVALID("\xed\xa0\xbd\xed\xb8\x82");
	/* Beyond U+10FFFF. */
	INVALID("\xf4\x90\x80\x80");	/* U+110000 */
	INVALID("\xf5\x80\x80\x80");
	INVALID("\xf7\xbf\xbf\xbf");
	INVALID("\xf8\x88\x80\x80\x80");	/* five-byte form */
	INVALID("\xfc\x84\x80\x80\x80\x80");
	INVALID("\xfe");
	INVALID("\xff");
	/* Broken sequences. */
	INVALID("\x80");		/* a lone continuation byte */
	INVALID("caf\xc3\x28");
	INVALID("\xe2\x82");		/* truncated */
	INVALID("\xf0\x9f\x99");
	INVALID("ok \xc3");		/* truncated at the end */
	/* Only the n bytes given are judged. */
	ck_assert(utf8_valid("ab\xc3\xa9", 2));
	ck_assert(!utf8_valid("ab\xc3\xa9", 3));
}
END_TEST

/* strmap: borrowed keys to indexes, through many rehashes. */
START_TEST(test_strmap)
{
	strmap m = { 0 };
	char **keys = xcalloc(5000, sizeof(*keys));

	ck_assert_int_eq(strmap_get(&m, "x"), -1);
	for (size_t i = 0; i < 5000; i++) {
		keys[i] = xasprintf("key-%zu", i);
		ck_assert_int_eq(strmap_add(&m, keys[i], i * 3), 0);
	}
	ck_assert_int_eq(strmap_add(&m, "key-17", 1), -1);
	for (size_t i = 0; i < 5000; i += 7)
		ck_assert_int_eq(strmap_get(&m, keys[i]), (long)(i * 3));
	ck_assert_int_eq(strmap_get(&m, "key-5000"), -1);
	ck_assert_int_eq(strmap_get(&m, NULL), -1);
	ck_assert_uint_eq(m.n, 5000);
	strmap_free(&m);
	ck_assert_int_eq(strmap_get(&m, "key-1"), -1);
	for (size_t i = 0; i < 5000; i++)
		free(keys[i]);
	free(keys);
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("util");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_strbuf);
	tcase_add_test(tc, test_alloc);
	tcase_add_test(tc, test_arena);
	tcase_add_test(tc, test_strset);
	tcase_add_test(tc, test_printable);
	tcase_add_test(tc, test_utf8);
	tcase_add_test(tc, test_strmap);
	suite_add_tcase(s, tc);
	return s;
}
