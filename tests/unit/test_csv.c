/* test_csv.c -- unit tests of the RFC 4180 reader (pipeline/csvread.c).
 *
 * Each case feeds bytes to the reader and compares a transcript of what it
 * returned: "LINE:field|field" per record, "ERR LINE <why>" per malformed
 * one (the record as far as read after it), "EOF" at the end.
 */
#include "config.h"

#include "unit.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "csvread.h"
#include "util.h"

/* Read len bytes of text as a CSV named "t.csv"; the transcript (free()
 * it). */
static char *
read_all(const char *text, size_t len, int *truncated)
{
	char path[] = "/tmp/rapport-csv-XXXXXX";
	int fd = mkstemp(path);
	strbuf out = { 0 };
	char **f, *why = NULL;
	size_t n;
	long line;
	csvread *r;
	int rc;

	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(write(fd, text, len), (ssize_t)len);
	close(fd);
	r = csvread_open(path, "t.csv", &why);
	ck_assert_ptr_nonnull(r);
	while ((rc = csvread_next(r, &f, &n, &line, &why)) != 0) {
		if (rc < 0) {
			strbuf_addf(&out, "ERR %s ", why);
			free(why);
			why = NULL;
		}
		strbuf_addf(&out, "%ld:", line);
		for (size_t i = 0; i < n; i++)
			strbuf_addf(&out, "%s%s", i ? "|" : "", f[i]);
		strbuf_addc(&out, '\n');
	}
	strbuf_adds(&out, "EOF");
	if (truncated != NULL)
		*truncated = csvread_truncated(r);
	csvread_close(r);
	unlink(path);
	return strbuf_release(&out);
}

#define CSV(in, want) do {						\
	char *got_ = read_all((in), sizeof(in) - 1, NULL);		\
	ck_assert_str_eq(got_, (want));					\
	free(got_);							\
} while (0)

START_TEST(plain)
{
	CSV("a,b,c\n1,2,3\n", "1:a|b|c\n2:1|2|3\nEOF");
	CSV("a,b\n1,2", "1:a|b\n2:1|2\nEOF");		/* no final newline */
	CSV("a,,\n", "1:a||\nEOF");			/* empty fields */
	CSV("", "EOF");
	CSV("\n", "1:\nEOF");				/* a blank line */
}
END_TEST

START_TEST(quoting)
{
	CSV("\"a,b\",\"say \"\"hi\"\"\"\n", "1:a,b|say \"hi\"\nEOF");
	CSV("\"two\nlines\",x\ny,z\n", "1:two\nlines|x\n3:y|z\nEOF");
	CSV("\"\",x\n", "1:|x\nEOF");
	CSV("\"\"\"\"\n", "1:\"\nEOF");
}
END_TEST

START_TEST(line_ends)
{
	CSV("a,b\r\n1,2\r\n", "1:a|b\n2:1|2\nEOF");
	CSV("a\rb\r", "1:a\n2:b\nEOF");
	CSV("\"x\r\ny\"\r\nz\r\n", "1:x\r\ny\n3:z\nEOF");
}
END_TEST

START_TEST(bom)
{
	CSV("\xEF\xBB\xBFid,t\n1,2\n", "1:id|t\n2:1|2\nEOF");
	/* Not a BOM: the bytes stay and are invalid UTF-8. */
	CSV("\xEF\xBBx\n", "ERR t.csv:1: invalid UTF-8 in the record "
	    "1:\xEF\xBBx\nEOF");
	CSV("\xC3\xA9t\xC3\xA9\n", "1:\xC3\xA9t\xC3\xA9\nEOF");
}
END_TEST

START_TEST(errors)
{
	int trunc = 0;
	char *got;

	CSV("a,b\nx,he said \"hi\"\ny,z\n", "1:a|b\nERR t.csv:2: stray "
	    "quote in an unquoted field (quote the whole field and double "
	    "the quote) 2:x|he said \"hi\"\n3:y|z\nEOF");
	CSV("\"ab\"c,d\ne\n", "ERR t.csv:1: text after a closing quote (a "
	    "quote inside a quoted field is written \"\") 1:abc|d\n2:e\nEOF");
	/* A NUL inside a quoted field: the record still ends after the
	 * field's closing quote, three lines down. */
	CSV("\"a\n\0b\nc\",d\ne\n", "ERR t.csv:2: NUL byte in the CSV "
	    "1:a\nb\nc|d\n4:e\nEOF");
	CSV("caf\xE9\nok\n", "ERR t.csv:1: invalid UTF-8 in the record "
	    "1:caf\xE9\n2:ok\nEOF");
	got = read_all("a\n\"open\nb\nc\n", 12, &trunc);
	ck_assert_str_eq(got, "1:a\nERR t.csv:2: unterminated quoted field "
	    "(the quote opens here) 2:open\nb\nc\n\nEOF");
	ck_assert_int_eq(trunc, 1);
	free(got);
	got = read_all("\"closed\"\n", 9, &trunc);
	ck_assert_int_eq(trunc, 0);
	free(got);
}
END_TEST

START_TEST(long_field)
{
	size_t len = CSVREAD_MAX_FIELD + 10;
	char *text = xmalloc(len + 8), *got;

	text[0] = '"';
	memset(text + 1, 'x', len);
	memcpy(text + 1 + len, "\",y\nz\n", 6);
	got = read_all(text, len + 7, NULL);
	ck_assert_ptr_nonnull(strstr(got, "ERR t.csv:1: field longer than "
	    "8 MiB "));
	/* The reader is still in step: the next record is z. */
	ck_assert_ptr_nonnull(strstr(got, "|y\n2:z\nEOF"));
	free(got);
	free(text);
}
END_TEST

START_TEST(missing_file)
{
	char *why = NULL;

	ck_assert_ptr_null(csvread_open("/nonexistent/x.csv", "x.csv", &why));
	ck_assert_ptr_nonnull(strstr(why, "x.csv:0: cannot open"));
	free(why);
	csvread_close(NULL);
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("csvread");
	TCase *tc = tcase_create("records");

	tcase_add_test(tc, plain);
	tcase_add_test(tc, quoting);
	tcase_add_test(tc, line_ends);
	tcase_add_test(tc, bom);
	tcase_add_test(tc, errors);
	tcase_add_test(tc, long_field);
	tcase_add_test(tc, missing_file);
	suite_add_tcase(s, tc);
	return s;
}

