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
	/* A host without a dot is an address (issue: emily@localhost). */
	PLAIN("user@localhost", "[email]");
	PLAIN("it's emily@localhost.", "it's [email].");
	/* Read out. */
	PLAIN("as jane dot doe at gmail dot com, ok",
	    "as [email], ok");
	PLAIN("sam [at] yahoo [dot] com", "[email]");
	PLAIN("greg underscore hall at yahoo dot co dot uk", "[email]");
	PLAIN("look at it dot by dot", "look at it dot by dot");
	PLAIN("we met at noon", "we met at noon");
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
	/* A client id is an [id] by its shape before it is a name. */
	expect("P101 said so", (const char *const[]){ "P101" }, 1,
	    "[id] said so");
	expect("pp101 said so", (const char *const[]){ "pp101" }, 1,
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

/* Accents and case: a declared name matches with or without its
 * accents, in any case, composed or decomposed (redact.h). */
START_TEST(accents)
{
	static const char *const renee[] = { "Ren\xC3\xA9" "e" };
	static const char *const chloe[] = { "Chloe" };

	expect("Renee, RENEE, ren\xC3\xA9" "e, REN\xC3\x89" "E and Rene\xCC\x81" "e",
	    renee, 1, "[name], [name], [name], [name] and [name]");
	expect("Chlo\xC3\xA9 and CHLO\xC3\x8B", chloe, 1, "[name] and [name]");
	expect("\xC5\x81ukasz or Lukasz", (const char *const[]){
	    "\xC5\x81ukasz" }, 1, "[name] or [name]");
	expect("Bjorn and Bj\xC3\xB8rn", (const char *const[]){
	    "Bj\xC3\xB8rn" }, 1, "[name] and [name]");
	/* A name in parts: the whole, then each capitalised word. */
	expect("Ana Maria, ANA-MARIA, Maria and Ana", (const char *const[]){
	    "Ana-Mar\xC3\xAD" "a" }, 1, "[name], [name], [name] and [name]");
	expect("Ms Cruz de la Vega said de la", (const char *const[]){
	    "Ana de la Cruz" }, 1, "Ms [name] de la Vega said de la");
	expect("O'Brien and O\xE2\x80\x99" "Brien", (const char *const[]){
	    "O'Brien" }, 1, "[name] and [name]");
	/* Not across other letters: Renee is not Renata. */
	expect("Renata", renee, 1, "Renata");
}
END_TEST

START_TEST(urls_ips)
{
	PLAIN("see https://www.example.com/a/b?c=1, then",
	    "see [url], then");
	PLAIN("on www.my-blog.blogspot.com.", "on [url].");
	PLAIN("instagram.com/danny_rides and fb", "[url] and fb");
	PLAIN("I said no.It hurt", "I said no.It hurt");
	PLAIN("from 192.168.1.44 and 10.0.0.7", "from [ip] and [ip]");
	PLAIN("v6 2001:db8::8a2e:370:7334 here", "v6 [ip] here");
	PLAIN("at 00:05:56 and 2:30", "at 00:05:56 and 2:30");
	PLAIN("version 1.2.3", "version 1.2.3");
}
END_TEST

START_TEST(postcodes_ids_ages)
{
	PLAIN("it's SW1A 1AA or M14 5TP", "it's [postcode] or [postcode]");
	PLAIN("Ottawa, K1A 0B1.", "Ottawa, [postcode].");
	PLAIN("Cambridge, MA 02139", "Cambridge, [postcode]");
	PLAIN("zip code 90210 and 10027-6601",
	    "zip code [postcode] and [postcode]");
	PLAIN("your MRN A1234567 ok", "your MRN [id] ok");
	PLAIN("case number CR-2024-0815", "case number [id]");
	PLAIN("labelled P000113-2026-03-01", "labelled [id]");
	PLAIN("plate AB12CDE or LD23 XYZ", "plate [id] or [id]");
	PLAIN("ref 2024/117/AB", "ref [id]");
	PLAIN("PHQ-9, GAD-7, ICD-10, COVID-19, B12", "PHQ-9, GAD-7, ICD-10, "
	    "COVID-19, B12");
	PLAIN("she's 95 years old", "she's [age]");
	PLAIN("a ninety-three year old", "a [age]");
	PLAIN("he is 92 and aged 91, turned 101", "he is [age] and aged "
	    "[age], turned [age]");
	PLAIN("I'm 100 percent sure, it's 99.9% safe", "I'm 100 percent "
	    "sure, it's 99.9% safe");
	PLAIN("I'm 34 years old", "I'm 34 years old");
	PLAIN("in his 90s now", "in his 90s now");
}
END_TEST

START_TEST(spoken)
{
	PLAIN("at twelve Maple Street, then", "at [address], then");
	PLAIN("the flat at 221B Baker St feels", "the flat at [address] "
	    "feels");
	PLAIN("Flat 3, 88 Queen's Road", "[address], [address]");
	PLAIN("avoiding Sycamore Close since", "avoiding [address] since");
	PLAIN("The Road to recovery", "The Road to recovery");
	PLAIN("it's five five five, two one two, three four five six.",
	    "it's [phone].");
	PLAIN("count one, two, three", "count one, two, three");
	PLAIN("on the third of March", "on [date]");
	PLAIN("September the fifth and April of 2021",
	    "[date] and [date]");
	PLAIN("Christmas Day 2019, not Christmas", "[date], not Christmas");
	PLAIN("first of all, the second time", "first of all, the second "
	    "time");
}
END_TEST

START_TEST(context_names)
{
	PLAIN("So my daughter Emily, as you put it", "So my daughter [name], "
	    "as you put it");
	PLAIN("your husband, Tom, doesn't", "your husband, [name], doesn't");
	PLAIN("your sister Olivia Grant got", "your sister [name] got");
	PLAIN("your best friend Priya's house", "your best friend [name]'s "
	    "house");
	PLAIN("a guy called Kevin", "a guy called [name]");
	PLAIN("Mrs Patel and Dr. Okafor", "Mrs [name] and Dr. [name]");
	PLAIN("Sandra, your mum's friend", "[name], your mum's friend");
	PLAIN("Yes, your mum said", "Yes, your mum said");
	PLAIN("your daughter said so. She left", "your daughter said so. "
	    "She left");
	PLAIN("my son I think", "my son I think");
	PLAIN("You called it The Fog", "You called it The Fog");
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
	const char *fill[] = { "a", "1 ", "1-", "A ", "a.", "a:", "one ",
	    "my son ", "A1", "at dot ", "Ab ", "1/", "a-", "oh " };

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
	tcase_add_test(tc, accents);
	tcase_add_test(tc, urls_ips);
	tcase_add_test(tc, postcodes_ids_ages);
	tcase_add_test(tc, spoken);
	tcase_add_test(tc, context_names);
	tcase_add_test(tc, edges);
	tcase_add_test(tc, hostile);
	suite_add_tcase(s, tc);
	return s;
}

