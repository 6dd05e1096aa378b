/* test_sha256.c -- unit tests of base/sha256.c (the hex form of Nettle's
 * digest, checked against published vectors).
 *
 * The four messages are the SHA-256 examples of FIPS 180-2 appendix B
 * and NIST's "SHA-256 example" documents (the empty string, "abc", the
 * 448-bit and the 896-bit message, and one million 'a'). The padding
 * lengths around the 56-byte boundary were computed with Python 3's
 * hashlib.sha256 (OpenSSL) over bytes (7 i + 3) mod 256, i = 0 .. n-1.
 */
#include "config.h"

#include "unit.h"
#include <stdlib.h>
#include <string.h>

#include "sha256.h"

/* The hash of n bytes of data fed in one update. */
static void
hash(const void *data, size_t n, char hex[65])
{
	sha256_ctx c;

	sha256_init(&c);
	sha256_update(&c, n, (const uint8_t *)data);
	sha256_final_hex(&c, hex);
}

START_TEST(test_fips_vectors)
{
	static const struct {
		const char *msg, *hex;
	} v[] = {
		{ "", "e3b0c44298fc1c149afbf4c8996fb924"
		  "27ae41e4649b934ca495991b7852b855" },
		{ "abc", "ba7816bf8f01cfea414140de5dae2223"
		  "b00361a396177a9cb410ff61f20015ad" },
		{ "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
		  "248d6a61d20638b8e5c026930c3e6039"
		  "a33ce45964ff2167f6ecedd419db06c1" },
		{ "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmn"
		  "hijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
		  "cf5b16a778af8380036ce59e7b049237"
		  "0b249b11e8f07a51afac45037afee9d1" },
	};
	char hex[65];

	for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		hash(v[i].msg, strlen(v[i].msg), hex);
		ck_assert_str_eq(hex, v[i].hex);
	}
}
END_TEST

START_TEST(test_million_a)
{
	static const char want[] = "cdc76e5c9914fb9281a1c7e284d73e67"
	    "f1809a48a497200e046d39ccc7112cd0";
	char *a = malloc(1000000), hex[65];
	sha256_ctx c;

	ck_assert_ptr_nonnull(a);
	memset(a, 'a', 1000000);
	hash(a, 1000000, hex);
	ck_assert_str_eq(hex, want);
	/* The same in odd-sized pieces, one byte pieces among them. */
	sha256_init(&c);
	for (size_t off = 0, k = 0; off < 1000000; k++) {
		size_t n = k % 5 == 0 ? 1 : 997;

		if (n > 1000000 - off)
			n = 1000000 - off;
		sha256_update(&c, n, (const uint8_t *)a + off);
		off += n;
	}
	sha256_final_hex(&c, hex);
	ck_assert_str_eq(hex, want);
	free(a);
}
END_TEST

START_TEST(test_padding_boundaries)
{
	static const struct {
		size_t n;
		const char *hex;
	} v[] = {
		{ 55, "e7313d333c272e639f790978283f9eb392e843d0f29b7016828bb1daa4aac70b" },
		{ 56, "4324d65f3c103567f5589c710bc08f8523f929a9272e3af36fc968e52abc6c27" },
		{ 63, "81c80242132f230c3bd41b3e63bbcff16107339549214a99614ff26664625055" },
		{ 64, "39e3d7b6b5d075d37d053ad89b24b41bef4f3c29760c84447cab3f3be1882241" },
		{ 65, "aacca6ff74fdbb296d165a45cecfa04e5127bc008770fbbdd48006f2d2fae95e" },
		{ 119, "9ce7368e4daf32341631b492e80359dc9f594b48453cd0dd5bf0b19279cc177e" },
		{ 120, "7836b787757e95e58b3ca5aec90b1b004e8deba1e50e9675af9cabf1a13a04b5" },
		{ 128, "d2742f1f4ac6bb7ca2b239ee18402ba8b3f9f8e652d2a72973c2b9ba11c08cf6" },
	};
	unsigned char data[128];
	char hex[65];

	for (size_t i = 0; i < sizeof(data); i++)
		data[i] = (unsigned char)((i * 7 + 3) & 0xff);
	for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		sha256_ctx c;

		hash(data, v[i].n, hex);
		ck_assert_msg(strcmp(hex, v[i].hex) == 0, "%zu bytes: %s",
		    v[i].n, hex);
		/* Byte by byte gives the same. */
		sha256_init(&c);
		for (size_t k = 0; k < v[i].n; k++)
			sha256_update(&c, 1, (const uint8_t *)data + k);
		sha256_final_hex(&c, hex);
		ck_assert_msg(strcmp(hex, v[i].hex) == 0, "%zu bytes, one by "
		    "one: %s", v[i].n, hex);
	}
}
END_TEST

START_TEST(test_reinit)
{
	sha256_ctx c;
	char hex[65];

	/* A context is reusable after sha256_init(). */
	sha256_init(&c);
	sha256_update(&c, 23, (const uint8_t *)"something else entirely");
	sha256_final_hex(&c, hex);
	sha256_init(&c);
	sha256_update(&c, 2, (const uint8_t *)"ab");
	sha256_update(&c, 0, (const uint8_t *)"");
	sha256_update(&c, 1, (const uint8_t *)"c");
	sha256_final_hex(&c, hex);
	ck_assert_str_eq(hex, "ba7816bf8f01cfea414140de5dae2223"
	    "b00361a396177a9cb410ff61f20015ad");
	ck_assert_uint_eq(strlen(hex), 64);
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("sha256");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_fips_vectors);
	tcase_add_test(tc, test_million_a);
	tcase_add_test(tc, test_padding_boundaries);
	tcase_add_test(tc, test_reinit);
	suite_add_tcase(s, tc);
	return s;
}
