/* test_redact.c -- every redaction category of redact.h, with positives
 * and negatives. */
#include "config.h"

#include "unit.h"
#include <stdlib.h>
#include <string.h>

#include "redact.h"

static void
expect(const char *in, const char *const *names, size_t n, const char *want)
{
	char *got = redact_text(in, names, n);

	ck_assert_msg(strcmp(got, want) == 0, "redact(\"%s\") = \"%s\", "
	    "want \"%s\"", in, got, want);
	free(got);
}

#define PLAIN(in, want) expect((in), NULL, 0, (want))

START_TEST(emails)
{
	PLAIN("write to jo.smith+x@mail.example.org today",
	    "write to [email] today");
	PLAIN("we met @ noon", "we met @ noon");
	PLAIN("a@b.org, c@d.co.uk", "[email], [email]");
	PLAIN("user@localhost", "user@localhost");
}
END_TEST

START_TEST(phones)
{
	PLAIN("call +44 20 7946 0958 now", "call [phone] now");
	PLAIN("call (555) 123-4567.", "call [phone].");
	PLAIN("it's 555-123-4567 or 555.123.4567",
	    "it's [phone] or [phone]");
	PLAIN("my mobile is 07700 900123", "my mobile is [phone]");
	PLAIN("between 2 and 3 times a week", "between 2 and 3 times a week");
	PLAIN("2 or 3 times", "2 or 3 times");
	PLAIN("call 555-123-4567 or (555) 123-4567 again",
	    "call [phone] or [phone] again");
}
END_TEST

START_TEST(addresses)
{
	PLAIN("I live at 221 Baker Street with my mum",
	    "I live at [address] with my mum");
	PLAIN("the clinic on 14 North Elm Rd.", "the clinic on [address]");
	PLAIN("3 steps down the road", "3 steps down the road");
	PLAIN("moved to 7 Green Way and 12b Old Mill Lane",
	    "moved to [address] and [address]");
	PLAIN("we walked 5 Miles", "we walked 5 Miles");
}
END_TEST

START_TEST(dates)
{
	PLAIN("on 2026-03-14 I", "on [date] I");
	PLAIN("born 14/03/2026 and 3/14/26", "born [date] and [date]");
	PLAIN("since 14.03.2026", "since [date]");
	PLAIN("since March 14, 2026.", "since [date].");
	PLAIN("on 14 March 2026 we", "on [date] we");
	PLAIN("by Mar 14th", "by [date]");
	PLAIN("on the 14th of March", "on [date]");
	PLAIN("maybe in May we can", "maybe in May we can");
	PLAIN("a march through town", "a march through town");
	PLAIN("March 14 and 1/2/2025", "[date] and [date]");
	PLAIN("I'm 34 and it was March", "I'm 34 and it was March");
}
END_TEST

START_TEST(numbers)
{
	PLAIN("my number is 123-45-6789", "my number is [number]");
	PLAIN("card 4111 1111 1111 1111 ok", "card [number] ok");
	PLAIN("MRN 00123456", "MRN [number]");
	/* A year alone is a number: accepted over-redaction (redact.h). */
	PLAIN("back in 2019", "back in [number]");
	PLAIN("123 45 67", "[number]");
	PLAIN("rooms 12 and 345", "rooms 12 and 345");
	PLAIN("I'm 34 years old", "I'm 34 years old");
	PLAIN("about 120 people", "about 120 people");
}
END_TEST

START_TEST(names)
{
	static const char *const n1[] = { "May", "Alex" };
	static const char *const n2[] = { "Zoë", "Mary Ann" };

	expect("So May, you said Alex's dad helps", n1, 2,
	    "So [name], you said [name]'s dad helps");
	expect("Maybe ALEX can", n1, 2, "Maybe [name] can");
	expect("zoë and Mary  Ann and Maryanne", n2, 2,
	    "[name] and [name] and Maryanne");
	expect("P101 said so", (const char *const[]){ "P101" }, 1,
	    "[name] said so");
	/* "in May" is a date word only with a day, and a name only when
	 * declared. */
	PLAIN("in May we", "in May we");
	expect("in May we", n1, 2, "in [name] we");
	expect("Maybe, maybe May-be", (const char *const[]){ "May" }, 1,
	    "Maybe, maybe [name]-be");
	expect("ZOË, Zoë and zoë; Zoey", n2, 2,
	    "[name], [name] and [name]; Zoey");
	expect("Alex, alex, ALEX's", n1, 2, "[name], [name], [name]'s");
	expect("Mary\nAnn", (const char *const[]){ " Mary  Ann " }, 1,
	    "[name]");
	/* A name that is also a label word leaves the labels alone. */
	expect("date on 2026-03-14, Date", (const char *const[]){ "date" }, 1,
	    "[name] on [date], [name]");
	expect("a \\E b", (const char *const[]){ "\\E" }, 1, "a [name] b");
}
END_TEST

START_TEST(edges)
{
	static const char *const odd[] = { NULL, "", "a(b" };

	PLAIN("", "");
	expect("", (const char *const[]){ "Alex" }, 1, "");
	expect("no names here", NULL, 0, "no names here");
	expect("x", (const char *const[]){ "   " }, 1, "x");
	expect("x a(b y", odd, 3, "x [name] y");
	PLAIN("bad \xff byte", "[unreadable]");
	PLAIN("overlong \xc0\xaf", "[unreadable]");
	/* A non-UTF-8 name cannot occur in valid text and is skipped. */
	expect("Alex", (const char *const[]){ "\xff", "Alex" }, 2, "[name]");
}
END_TEST

/* Hostile text: long runs that invite backtracking finish quickly, and
 * whatever the match limit stops is withheld, never shown half-searched. */
START_TEST(hostile)
{
	size_t n = 200000;
	char *text = malloc(n + 2), *got;
	const char *fill[] = { "a", "1 ", "1-", "A ", "a." };

	ck_assert_ptr_nonnull(text);
	for (size_t f = 0; f < sizeof(fill) / sizeof(fill[0]); f++) {
		size_t k = strlen(fill[f]);

		for (size_t i = 0; i + k <= n; i += k)
			memcpy(text + i, fill[f], k);
		text[n - n % k] = '@';
		text[n - n % k + 1] = '\0';
		got = redact_text(text, (const char *const[]){ "aa" }, 1);
		ck_assert_ptr_nonnull(got);
		ck_assert_msg(strcmp(got, "[unreadable]") == 0 ||
		    strlen(got) < 2 * n, "fill \"%s\"", fill[f]);
		free(got);
	}
	free(text);
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("redact");
	TCase *tc = tcase_create("categories");

	tcase_add_test(tc, emails);
	tcase_add_test(tc, phones);
	tcase_add_test(tc, addresses);
	tcase_add_test(tc, dates);
	tcase_add_test(tc, numbers);
	tcase_add_test(tc, names);
	tcase_add_test(tc, edges);
	tcase_add_test(tc, hostile);
	suite_add_tcase(s, tc);
	return s;
}

