/* ingest.h -- stream transcripts (XML, format v1) into sessions.
 *
 * One ingest handle reads one input (a file or standard input) and hands
 * out its sessions one at a time. Our XML (root <session> or <corpus>) is
 * streamed, so memory is bounded by the largest session, not the file;
 * any other format is read whole by its importer (import.h).
 *
 * Problems are diagnostics with line and column. An error inside a session
 * rejects that session only (the next one in a corpus is still read); an
 * error that breaks the XML itself (not well-formed, entity declarations,
 * too deep) ends the input. Warnings (times that go backwards) keep the
 * session.
 */
#ifndef RAPPORT_INGEST_H
#define RAPPORT_INGEST_H

#include <stddef.h>

#include "diag.h"
#include "session.h"

struct import_opts;

/* Limits (documented in schemas/README.md). */
#define INGEST_MAX_DEPTH	32		/* element nesting */
#define INGEST_MAX_ATTRS	64		/* attributes of one element */
#define INGEST_MAX_UTT_BYTES	(8u << 20)	/* text of one utterance */
#define INGEST_MAX_SESSION_BYTES (256u << 20)	/* all text of one session */

typedef struct ingest ingest;
typedef struct ingest_schema ingest_schema;

/*
 * Load the XSD at path for streaming validation. Returns NULL and sets *why
 * (free() it) on failure. The schema is read-only and may be shared by
 * handles on several threads; free it with ingest_schema_free().
 */
ingest_schema *ingest_schema_load(const char *path, char **why);
void ingest_schema_free(ingest_schema *sc);

/*
 * Prepare the XML library for use from many threads and shut off every
 * way to load external resources. Call once, before any other call here.
 */
void ingest_global_init(void);

/*
 * Open path for reading ("-" is standard input). display is the name used
 * in messages and in session.source (NULL: path). schema may be NULL (no
 * XSD validation). io says how to read formats other than ours (NULL:
 * the defaults): the format is io->format when set, else told from the
 * name and the first bytes (import_detect()); a file in another format is
 * read whole by its importer, and each session it gives is checked
 * against the schema (when there is one) as if written as XML. Only
 * regular files are opened: a FIFO, socket or device is refused without
 * blocking. Returns NULL and sets *why on failure.
 */
ingest *ingest_open(const char *path, const char *display,
    const ingest_schema *schema, const struct import_opts *io, char **why);

/*
 * Check session s as `rapport validate` would check it written as XML
 * (xmlwrite.h) against schema sc. Returns 0, or -1 with the reason in d
 * at the session's line.
 */
int ingest_check_session(const ingest_schema *sc, const session *s,
    struct diags *d);

/*
 * Read the next session. Returns 1 and sets *out to a session the caller
 * owns (free with session_free()) -- check ingest_diags() for warnings; 2
 * when a session was read but rejected (*out is NULL; the errors are in
 * ingest_diags()); 0 at the end of the input; -1 when the input failed and
 * nothing more can be read from it (the reason is in ingest_diags()).
 * The diagnostics of the previous call are cleared on each call.
 */
int ingest_next(ingest *in, session **out);

/* Diagnostics of the last ingest_next() call; borrowed, *n gets the count. */
const struct diag *ingest_diags(const ingest *in, size_t *n);

/* Bytes read from the input so far (for progress). */
unsigned long long ingest_bytes(const ingest *in);
/* SHA-256 of the input as a hex string, valid once ingest_next returned 0
 * or -1 (the rest of the input is hashed on close otherwise); borrowed. */
const char *ingest_sha256(ingest *in);
/* Close in; NULL is fine. */
void ingest_close(ingest *in);

#endif
