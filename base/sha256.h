/* sha256.h -- SHA-256 (FIPS 180-4) for input and rule-set provenance. */
#ifndef RAPPORT_SHA256_H
#define RAPPORT_SHA256_H

#include <stddef.h>
#include <stdint.h>

typedef struct sha256_ctx {
	uint32_t	h[8];
	uint64_t	nbytes;
	unsigned char	buf[64];
	size_t		nbuf;
} sha256_ctx;

void sha256_init(sha256_ctx *c);
void sha256_update(sha256_ctx *c, const void *data, size_t n);
/* Finish and write 64 lowercase hex digits and a NUL into hex. */
void sha256_final_hex(sha256_ctx *c, char hex[65]);

#endif
