/* test_shard.c -- unit tests of pipeline/shard.c (K/N parsing, which shard
 * an input key belongs to, the digest of an input list) and of the keys
 * ingest/inputs.c records.
 *
 * Expected shards and digests were computed independently with Python's
 * hashlib (python3 -c: int.from_bytes(sha256(key).digest()[:8], 'big')
 * % n + 1; sha256(b'one.xml\0sub/two.xml\0').hexdigest()). */
#include "config.h"

#include "unit.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "inputs.h"
#include "shard.h"
#include "util.h"

START_TEST(test_parse)
{
	int k = 0, n = 0;

	ck_assert_int_eq(shard_parse("3/7", &k, &n), 0);
	ck_assert_int_eq(k, 3);
	ck_assert_int_eq(n, 7);
	ck_assert_int_eq(shard_parse("1/1", &k, &n), 0);
	ck_assert_int_eq(shard_parse("100000/100000", &k, &n), 0);
	ck_assert_int_eq(shard_parse("0/3", &k, &n), -1);
	ck_assert_int_eq(shard_parse("4/3", &k, &n), -1);
	ck_assert_int_eq(shard_parse("1/0", &k, &n), -1);
	ck_assert_int_eq(shard_parse("1/100001", &k, &n), -1);
	ck_assert_int_eq(shard_parse("1/3x", &k, &n), -1);
	ck_assert_int_eq(shard_parse("a/3", &k, &n), -1);
	ck_assert_int_eq(shard_parse("3", &k, &n), -1);
	ck_assert_int_eq(shard_parse("-1/3", &k, &n), -1);
	ck_assert_int_eq(shard_parse("", &k, &n), -1);
}
END_TEST

START_TEST(test_shard_of)
{
	/* Python hashlib, see the top of the file. */
	ck_assert_int_eq(shard_of("a", 7), 5);
	ck_assert_int_eq(shard_of("C01-S0001.xml", 3), 3);
	ck_assert_int_eq(shard_of("sub/dir/x.vtt", 100000), 42940);
	ck_assert_int_eq(shard_of("", 2), 1);
	for (int n = 1; n <= 9; n++) {
		int k = shard_of("any/file.xml", n);

		ck_assert_int_ge(k, 1);
		ck_assert_int_le(k, n);
	}
}
END_TEST

START_TEST(test_keys_and_digest)
{
	const char *tmp = unit_tmpdir();
	char *root = xasprintf("%s/corpus", tmp), *sub, *a, *b;
	char *arg = xasprintf("%s/corpus/", tmp);
	char *args[2];
	struct inputs in = { 0 };
	char hex[65];
	FILE *f;

	sub = xasprintf("%s/sub", root);
	a = xasprintf("%s/one.xml", root);
	b = xasprintf("%s/two.xml", sub);
	ck_assert_int_eq(mkdir(root, 0700), 0);
	ck_assert_int_eq(mkdir(sub, 0700), 0);
	ck_assert_ptr_nonnull(f = fopen(a, "w"));
	fclose(f);
	ck_assert_ptr_nonnull(f = fopen(b, "w"));
	fclose(f);
	/* A directory INPUT (with or without its slash): keys below it. */
	args[0] = root;
	inputs_expand(&in, args, 1);
	ck_assert_uint_eq(in.n, 2);
	ck_assert_str_eq(in.v[0].path + in.v[0].key, "one.xml");
	ck_assert_str_eq(in.v[1].path + in.v[1].key, "sub/two.xml");
	shard_inputs_sha256(&in, hex);
	ck_assert_str_eq(hex, "bf12710a99cdfd903b6ab9bbe6121c104d65783407871f9"
	    "6cf1082ca1692e48d");
	inputs_free(&in);
	args[0] = arg;
	inputs_expand(&in, args, 1);
	ck_assert_str_eq(in.v[1].path + in.v[1].key, "sub/two.xml");
	inputs_free(&in);
	/* A file INPUT: its base name; standard input: "-". */
	args[0] = b;
	args[1] = (char *)"-";
	inputs_expand(&in, args, 2);
	ck_assert_str_eq(in.v[0].path + in.v[0].key, "two.xml");
	ck_assert_str_eq(in.v[1].path + in.v[1].key, "-");
	inputs_free(&in);
	free(root);
	free(arg);
	free(sub);
	free(a);
	free(b);
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("shard");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_parse);
	tcase_add_test(tc, test_shard_of);
	tcase_add_test(tc, test_keys_and_digest);
	suite_add_tcase(s, tc);
	return s;
}
