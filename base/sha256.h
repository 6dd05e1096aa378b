/* sha256.h -- SHA-256 for input and rule-set provenance.
 *
 * The digest is Nettle's (Debian nettle-dev); this header adds only the
 * lowercase hex form that manifest.json records. Feed data with Nettle's
 * sha256_update(ctx, length, data). */
#ifndef RAPPORT_SHA256_H
#define RAPPORT_SHA256_H

#include <nettle/sha2.h>

typedef struct sha256_ctx sha256_ctx;

/* Finish and write 64 lowercase hex digits and a NUL into hex; the
 * context is reset for another message, as Nettle's sha256_digest. */
void sha256_final_hex(sha256_ctx *c, char hex[65]);

#endif
