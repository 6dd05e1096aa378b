/* test_redact.c -- every redaction category of redact.h, with positives
 * and negatives. */
#include "config.h"

#include <check.h>
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
}
END_TEST

START_TEST(addresses)
{
	PLAIN("I live at 221 Baker Street with my mum",
	    "I live at [address] with my mum");
	PLAIN("the clinic on 14 North Elm Rd.", "the clinic on [address]");
	PLAIN("3 steps down the road", "3 steps down the road");
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
}
END_TEST

START_TEST(numbers)
{
	PLAIN("my number is 123-45-6789", "my number is [number]");
	PLAIN("card 4111 1111 1111 1111 ok", "card [number] ok");
	PLAIN("MRN 00123456", "MRN [number]");
	PLAIN("back in 2019", "back in [number]");
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
}
END_TEST

START_TEST(edges)
{
	static const char *const odd[] = { NULL, "", "a(b" };

	PLAIN("", "");
	expect("x a(b y", odd, 3, "x [name] y");
	PLAIN("bad \xff byte", "[unreadable]");
}
END_TEST

static Suite *
suite(void)
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
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
