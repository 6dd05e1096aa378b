/* ingest.c -- stream transcript XML into sessions with libxml2's SAX2 parser.
 *
 * The file is pushed through a SAX2 push parser in 64 KiB chunks; the
 * callbacks below build one session at a time and queue it when its
 * </session> arrives, so a <corpus> of any size needs memory for one
 * session only. No tree is built.
 *
 * Safety (docs/architecture.md section 9): the parser runs with XML_PARSE_NONET and
 * never with NOENT, DTDLOAD, DTDATTR, DTDVALID, XINCLUDE or HUGE. A
 * document that declares any entity is refused at the declaration, and so
 * is a DOCTYPE that names an external DTD. Entity references are never
 * resolved (on_get_entity finds no entity but the five predefined ones), so
 * nothing is ever expanded: entity expansion is how local-file XXE and
 * billion-laughs / quadratic-blowup attacks work. ingest_global_init() also replaces libxml2's
 * external entity loader with one that loads nothing. Every problem is
 * reported with the parser's line and column.
 *
 * We use SAX rather than xmlTextReader because SAX callbacks see the
 * parser's exact position (the reader runs up to a chunk ahead of the node
 * it returns) and can refuse an entity declaration as it is declared.
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>

#include "import.h"
#include "ingest.h"
#include "xmldom.h"
#include "xmlwrite.h"
#include "sha256.h"
#include "tags.h"
#include "util.h"

#define CHUNK	(64 * 1024)

/* What an open element is, for deciding what may appear inside it. */
enum el {
	EL_CORPUS, EL_SESSION, EL_CLINICIAN, EL_CLIENT, EL_MEASURE,
	EL_SPEAKERS, EL_SPEAKER, EL_TRANSCRIPT, EL_U, EL_EVENT,
	EL_INLINE,	/* unknown element inside <u>: skipped, text kept */
	EL_SKIP		/* inside an element already reported as wrong */
};

struct ingest_schema {
	xmlSchemaPtr	schema;
};

/* A parsed session (or a rejected one) waiting for ingest_next(). */
struct ready {
	session			*s;	/* NULL when rejected */
	struct diag	*diags;
	size_t			 ndiags;
};

struct ingest {
	char			*display;
	char			*path;		/* as opened; "-" for stdin */
	const struct import_opts *io;		/* NULL: defaults */
	int			 imported;	/* read by an importer */
	const struct import_format *fmt;	/* which */
	struct import_docs	 docs;		/* what it parsed */
	size_t			 next_doc;	/* the next to build */
	int			 fd;
	int			 own_fd;
	unsigned char		*buf;
	unsigned long long	 bytes;
	sha256_ctx		 sha;
	char			 hex[65];
	int			 hashed;	/* hex is final */
	int			 eof;		/* input fully read */
	int			 done;		/* nothing more to parse */

	xmlSAXHandler		 sax;
	xmlParserCtxtPtr	 ctxt;
	xmlSchemaValidCtxtPtr	 vctxt;
	const ingest_schema	*schema;
	xmlSchemaSAXPlugPtr	 plug;

	/* Parse state. */
	enum el			 stack[INGEST_MAX_DEPTH + 1];
	int			 depth;
	int			 root_seen;
	size_t			 nsessions;	/* sessions begun */
	session			*cur;		/* session being built */
	int			 cur_bad;	/* it has an error */
	long			 cur_col;
	int			 have_clinician, have_speakers, have_transcript;
	struct session_utt	 u;		/* utterance being built */
	int			 u_bad;
	int			 u_toolong;
	strbuf			 text;
	size_t			 session_bytes;
	double			 last_start;

	struct diag	*cdiags;	/* diagnostics of cur */
	size_t			 ncdiags, cdcap;
	struct diag	*fdiags;	/* input-level (fatal) */
	size_t			 nfdiags, fdcap;
	int			 fatal;
	int			 finishing;	/* the last xmlParseChunk */
	/* The attribute counter ahead of the parser (count_attributes()). */
	int			 scan, scan_quote, scan_off;
	unsigned long		 scan_attrs;
	long			 scan_line, scan_col;
	char			 scan_win[8];

	struct ready		*queue;
	size_t			 qhead, qlen, qcap;
	struct diag	*out;		/* returned by ingest_diags */
	size_t			 nout;

	strset			 ids;		/* session ids seen */
};

/* --- diagnostics --- */

/* Longest message kept: values quoted from a file are cut to fit. */
#define MAX_MSG	400

/* Append a diagnostic; msg is taken over, and made one printable line
 * (a value quoted from the file may hold newlines or be huge). */
static void
diag_push(struct diag **v, size_t *n, size_t *cap,
    enum diag_severity sev, long line, long col, char *msg)
{
	char *clean = printable(msg, MAX_MSG);

	free(msg);
	msg = clean;
	*v = xgrow(*v, cap, *n + 1, sizeof(**v));
	(*v)[*n].severity = sev;
	(*v)[*n].line = line;
	(*v)[*n].col = col;
	(*v)[*n].msg = msg;
	(*n)++;
}

static void
diag_array_free(struct diag *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i].msg);
	free(v);
}

/* The parser's position; 1:1 before the parser exists. */
static long
cur_line(const ingest *in)
{
	return in->ctxt != NULL && in->ctxt->input != NULL ?
	    in->ctxt->input->line : 1;
}

static long
cur_col(const ingest *in)
{
	return in->ctxt != NULL && in->ctxt->input != NULL ?
	    in->ctxt->input->col : 1;
}

/* libxml2's messages may span lines ("...\nBytes: 0xC3 0x28"): fold them
 * into one line, since every diagnostic is one line of output. */
static char *
one_line(const char *msg)
{
	strbuf b = { 0 };

	for (const char *p = msg; *p != '\0'; p++) {
		if (*p != '\n' && *p != '\r')
			strbuf_addc(&b, *p);
		else if (p[1] != '\0' && p[1] != '\n' && p[1] != '\r')
			strbuf_adds(&b, "; ");
	}
	while (b.len > 0 && (b.s[b.len - 1] == ' ' || b.s[b.len - 1] == ';'))
		b.s[--b.len] = '\0';
	return strbuf_release(&b);
}

/* libxml2's message for a parser error, reworded where it names its own
 * internals ("xmlParseCharRef: ...") or asks the reader to "indicate
 * encoding". */
static char *
xml_message(const xmlError *err)
{
	char *msg = one_line(err->message != NULL ? err->message : "XML error");
	const char *p = msg;

	if (err->code == XML_ERR_INVALID_ENCODING ||
	    strncmp(msg, "Input is not proper UTF-8", 25) == 0) {
		const char *bytes = strstr(msg, "Bytes:");
		char *m = xasprintf("invalid byte sequence for the document's "
		    "encoding (UTF-8 unless the XML declaration names another)"
		    "%s%s", bytes ? "; " : "", bytes ? bytes : "");

		free(msg);
		return m;
	}
	if (p[0] == 'x' && p[1] == 'm' && p[2] == 'l') {
		while (isalnum((unsigned char)*p))
			p++;
		if (p[0] == ':' && p[1] == ' ') {
			char *m = xstrdup(p + 2);

			free(msg);
			return m;
		}
	}
	return msg;
}

/* A problem at the parser's position: in the current session when there is
 * one (rejecting it, unless a warning), else for the whole input. */
static void __attribute__((format(printf, 3, 4)))
report(ingest *in, enum diag_severity sev, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	if (in->cur != NULL) {
		diag_push(&in->cdiags, &in->ncdiags, &in->cdcap, sev,
		    cur_line(in), cur_col(in), msg);
		if (sev == DIAG_ERROR)
			in->cur_bad = 1;
	} else {
		diag_push(&in->fdiags, &in->nfdiags, &in->fdcap, sev,
		    cur_line(in), cur_col(in), msg);
		if (sev == DIAG_ERROR)
			in->fatal = 1;
	}
}

/*
 * A problem after which nothing more of this input can be trusted. The
 * callbacks ignore everything after it and feed() reads no more. We do
 * not call xmlStopParser() here: in libxml2 2.9.14 it frees the input
 * buffer under the running parse (and the schema validator then reads
 * freed memory). Stopping is not needed for safety either: entities are
 * never resolved (on_get_entity), so nothing can expand meanwhile.
 */
static void __attribute__((format(printf, 2, 3)))
fatal(ingest *in, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	if (in->fatal)
		return;
	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	diag_push(&in->fdiags, &in->nfdiags, &in->fdcap, DIAG_ERROR,
	    cur_line(in), cur_col(in), msg);
	in->fatal = 1;
}

/*
 * A schema validity error rejects the session it occurs in. The schema's
 * identity constraints (unique session ids, declared speakers) repeat
 * checks ingest makes itself with better positions, so their messages are
 * dropped, as is any schema message at a place where ingest has already
 * reported an error, or after the input failed. A constraint checked at </session> arrives after the session
 * was queued: it then rejects the session queued last.
 */
static void
schema_error(ingest *in, const xmlError *err)
{
	long line = err->line > 0 ? err->line : cur_line(in);
	long col = line == cur_line(in) ? cur_col(in) : 1;
	char *msg;

	if (err->code == XML_SCHEMAV_CVC_IDC || in->fatal)
		return;
	/* Ingest's own message for the same place says it better. */
	for (size_t i = 0; in->cur != NULL && i < in->ncdiags; i++)
		if (in->cdiags[i].line == line && in->cdiags[i].col == col &&
		    in->cdiags[i].severity == DIAG_ERROR)
			return;
	msg = one_line(err->message != NULL ? err->message : "invalid");
	if (in->cur != NULL) {
		diag_push(&in->cdiags, &in->ncdiags, &in->cdcap, DIAG_ERROR,
		    line, col, xasprintf("schema: %s", msg));
		in->cur_bad = 1;
	} else if (in->qlen > in->qhead) {
		struct ready *r = &in->queue[in->qlen - 1];
		size_t cap = r->ndiags;

		for (size_t i = 0; i < r->ndiags; i++)
			if (r->diags[i].line == line && r->diags[i].col == col &&
			    r->diags[i].severity == DIAG_ERROR) {
				free(msg);
				return;
			}

		diag_push(&r->diags, &r->ndiags, &cap, DIAG_ERROR, line, col,
		    xasprintf("schema: %s", msg));
		session_free(r->s);
		r->s = NULL;
	} else
		diag_push(&in->fdiags, &in->nfdiags, &in->fdcap, DIAG_ERROR,
		    line, col, xasprintf("schema: %s", msg));
	free(msg);
}

/* libxml2's structured error handler: parser errors end the input; schema
 * validity errors go to schema_error(). */
static void
on_xml_error(void *data, xmlErrorPtr err)
{
	ingest *in = data;
	char *msg;

	if (in == NULL || err == NULL || err->level == XML_ERR_WARNING ||
	    err->level == XML_ERR_NONE)
		return;
	if (err->domain == XML_FROM_SCHEMASV) {
		schema_error(in, err);
		return;
	}
	/* At the end of the input, libxml2's "premature end" errors say
	 * less than our own "the file is truncated" (feed()). */
	if (in->finishing && (err->code == XML_ERR_TAG_NOT_FINISHED ||
	    err->code == XML_ERR_DOCUMENT_END ||
	    err->code == XML_ERR_DOCUMENT_EMPTY ||
	    err->code == XML_ERR_LTSLASH_REQUIRED ||
	    err->code == XML_ERR_GT_REQUIRED))
		return;
	msg = xml_message(err);
	if (in->fatal) {
		free(msg);
		return;
	}
	if ((err->code == XML_ERR_NAME_REQUIRED &&
	    strstr(err->message ? err->message : "", "EntityRef") != NULL) ||
	    err->code == XML_ERR_ENTITYREF_SEMICOL_MISSING) {
		free(msg);
		msg = xstrdup("an unescaped '&': in text or an attribute, "
		    "write '&' as &amp;");
	}
	diag_push(&in->fdiags, &in->nfdiags, &in->fdcap, DIAG_ERROR,
	    err->line > 0 ? err->line : cur_line(in),
	    err->int2 > 0 ? err->int2 : cur_col(in), msg);
	in->fatal = 1;
}

static void
silent_generic(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

/* --- attributes --- */

/* SAX2 attributes: 5 pointers each (localname, prefix, URI, value, end). */
struct attrs {
	const xmlChar	**a;
	int		  n;
};

static const char *const attrs_session[] = { "id", "date", "modality",
	"number", "language", NULL };
static const char *const attrs_clinician[] = { "id", "cohort", "discipline",
	NULL };
static const char *const attrs_client[] = { "id", "age-group", NULL };
static const char *const attrs_measure[] = { "name", "value", NULL };
static const char *const attrs_speaker[] = { "id", "role", "name", NULL };
static const char *const attrs_u[] = { "who", "start", "end", "codes", NULL };
static const char *const attrs_event[] = { "type", "start", "end", NULL };
static const char *const attrs_none[] = { NULL };

/* The XML Schema instance namespace: xsi:noNamespaceSchemaLocation and
 * its kin may stand on any element of a schema-valid document (XML
 * Schema part 1, section 2.6); they are allowed and ignored (the schema
 * rapport validates against is its own, never one a document names). */
#define XSI_NS "http://www.w3.org/2001/XMLSchema-instance"

/* Report every attribute not in allowed (and any namespaced one but the
 * xsi: ones). */
static void
attrs_check(ingest *in, const struct attrs *at, const char *el,
    const char *const *allowed)
{
	for (int i = 0; i < at->n; i++) {
		const char *name = (const char *)at->a[5 * i];
		int ok = at->a[5 * i + 1] == NULL;

		if (at->a[5 * i + 2] != NULL &&
		    strcmp((const char *)at->a[5 * i + 2], XSI_NS) == 0)
			continue;

		for (const char *const *p = allowed; ok && *p != NULL; p++)
			if (strcmp(*p, name) == 0)
				goto next;
		report(in, DIAG_ERROR, "unknown attribute '%s%s%s' on <%s>",
		    at->a[5 * i + 1] != NULL ? (const char *)at->a[5 * i + 1] :
		    "", at->a[5 * i + 1] != NULL ? ":" : "", name, el);
next:		;
	}
}

/* The value of attribute name copied into the session arena (or into a
 * scratch arena when there is no session), or NULL when absent. */
/*
 * An attribute value as the text it stands for. Without entity
 * substitution libxml2 hands over every '&' of an attribute value (from
 * "&amp;", "&#38;" or "&#x26;") as the five bytes "&#38;", and only
 * those: undo exactly that.
 */
static char *
attr_value(arena *a, const char *v, size_t n)
{
	char *out = arena_alloc(a, n + 1), *o = out;

	for (size_t i = 0; i < n; i++) {
		*o++ = v[i];
		if (v[i] == '&' && i + 4 < n && memcmp(v + i, "&#38;", 5) == 0)
			i += 4;
	}
	*o = '\0';
	return out;
}

static const char *
attr(ingest *in, const struct attrs *at, const char *name)
{
	for (int i = 0; i < at->n; i++) {
		if (at->a[5 * i + 1] == NULL &&
		    strcmp((const char *)at->a[5 * i], name) == 0) {
			const char *v = (const char *)at->a[5 * i + 3];
			const char *end = (const char *)at->a[5 * i + 4];

			/* The XSD's token and number types ignore white space
			 * around a value; so does rapport. */
			while (v < end && isspace((unsigned char)*v))
				v++;
			while (end > v && isspace((unsigned char)end[-1]))
				end--;
			return attr_value(in->cur->arena, v, (size_t)(end - v));
		}
	}
	return NULL;
}

static const char *
attr_required(ingest *in, const struct attrs *at, const char *el,
    const char *name)
{
	const char *v = attr(in, at, name);

	if (v == NULL)
		report(in, DIAG_ERROR, "<%s> has no '%s' attribute", el, name);
	else if (*v == '\0')
		report(in, DIAG_ERROR, "<%s> has an empty '%s' attribute", el,
		    name);
	return v;
}

static double
attr_time(ingest *in, const struct attrs *at, const char *el,
    const char *name)
{
	const char *v = attr(in, at, name);
	double t;

	if (v == NULL)
		return NAN;
	if (session_parse_time(v, &t) != 0) {
		report(in, DIAG_ERROR, "<%s %s=\"%s\">: not a time (seconds "
		    "such as 12.5, or clock time such as 00:12:05.5)", el, name,
		    v);
		return NAN;
	}
	return t;
}

static int
one_of(const char *v, const char *const *allowed)
{
	for (; *allowed != NULL; allowed++)
		if (strcmp(v, *allowed) == 0)
			return 1;
	return 0;
}

/* --- elements --- */

static void
begin_session(ingest *in, const struct attrs *at)
{
	static const char *const modalities[] = { "in-person", "video", "phone",
		NULL };
	session *s;
	const char *v;

	s = in->cur = session_create();
	in->nsessions++;
	in->cur_bad = 0;
	in->have_clinician = in->have_speakers = in->have_transcript = 0;
	in->session_bytes = 0;
	in->last_start = NAN;
	s->source = arena_strdup(s->arena, in->display);
	s->line = cur_line(in);
	in->cur_col = cur_col(in);
	attrs_check(in, at, "session", attrs_session);
	s->id = attr_required(in, at, "session", "id");
	if (s->id != NULL && *s->id != '\0' && strset_add(&in->ids, s->id) != 0)
		report(in, DIAG_ERROR, "duplicate session id '%s' in this "
		    "input", s->id);
	if ((s->date = attr(in, at, "date")) != NULL &&
	    !session_valid_date(s->date))
		report(in, DIAG_ERROR, "session date '%s' is not a date of "
		    "the form YYYY-MM-DD", s->date);
	if ((s->modality = attr(in, at, "modality")) != NULL &&
	    !one_of(s->modality, modalities))
		report(in, DIAG_ERROR, "session modality '%s' is not one of "
		    "in-person, video, phone", s->modality);
	if ((v = attr(in, at, "number")) != NULL) {
		char *end;

		errno = 0;
		s->number = strtol(v, &end, 10);
		if (*v == '\0' || *end != '\0' || errno != 0 || s->number < 1)
			report(in, DIAG_ERROR, "session number '%s' is not a "
			    "positive whole number", v);
	}
	s->language = attr(in, at, "language");
}

static void
end_session(ingest *in)
{
	session *s = in->cur;
	struct ready *r;

	if (!in->have_clinician)
		diag_push(&in->cdiags, &in->ncdiags, &in->cdcap, DIAG_ERROR,
		    s->line, in->cur_col, xasprintf("session '%s' has no "
		    "<clinician>", s->id ? s->id : "?")), in->cur_bad = 1;
	if (!in->have_speakers)
		report(in, DIAG_ERROR, "session '%s' has no <speakers>",
		    s->id ? s->id : "?");
	if (!in->have_transcript)
		report(in, DIAG_ERROR, "session '%s' has no <transcript>",
		    s->id ? s->id : "?");
	in->queue = xgrow(in->queue, &in->qcap, in->qlen + 1, sizeof(*r));
	r = &in->queue[in->qlen++];
	r->diags = in->cdiags;
	r->ndiags = in->ncdiags;
	if (in->cur_bad) {
		session_free(s);
		r->s = NULL;
	} else
		r->s = s;
	in->cdiags = NULL;
	in->ncdiags = in->cdcap = 0;
	in->cur = NULL;
}

static void
begin_utt(ingest *in, const struct attrs *at)
{
	session *s = in->cur;
	const char *who, *codes;
	long sp = -1;

	memset(&in->u, 0, sizeof(in->u));
	in->u.index = s->nutts;
	in->u.line = cur_line(in);
	in->u_bad = in->u_toolong = 0;
	strbuf_reset(&in->text);
	attrs_check(in, at, "u", attrs_u);
	if ((who = attr_required(in, at, "u", "who")) != NULL &&
	    (sp = session_speaker_find(s, who)) < 0)
		report(in, DIAG_ERROR, "<u who=\"%s\">: no such speaker is "
		    "declared in <speakers>", who);
	in->u.speaker = sp < 0 ? 0 : (size_t)sp;
	in->u_bad = sp < 0;
	in->u.start = attr_time(in, at, "u", "start");
	in->u.end = attr_time(in, at, "u", "end");
	if (!isnan(in->u.start) && !isnan(in->u.end) && in->u.end < in->u.start)
		report(in, DIAG_WARNING, "utterance ends (%g s) before it "
		    "starts (%g s)", in->u.end, in->u.start);
	if (!isnan(in->u.start)) {
		if (!isnan(in->last_start) && in->u.start < in->last_start)
			report(in, DIAG_WARNING, "utterance starts at %g s, "
			    "before the previous one (%g s)", in->u.start,
			    in->last_start);
		in->last_start = in->u.start;
	}
	if ((codes = attr(in, at, "codes")) != NULL) {
		const char *p = codes;
		size_t n = 0, cap = 0;
		const char **v = NULL;

		for (;;) {
			size_t len;

			while (isspace((unsigned char)*p))
				p++;
			if (*p == '\0')
				break;
			for (len = 0; p[len] != '\0' &&
			    !isspace((unsigned char)p[len]); len++)
				;
			if (tags_lookup(p, len) < 0)
				report(in, DIAG_ERROR, "unknown code '%.*s' in "
				    "<u codes>: not a tag of the vocabulary",
				    (int)len, p);
			else {
				v = xgrow(v, &cap, n + 1, sizeof(*v));
				v[n++] = arena_strndup(s->arena, p, len);
			}
			p += len;
		}
		if (n > 0) {
			in->u.codes = arena_alloc(s->arena, n * sizeof(*v));
			memcpy(in->u.codes, v, n * sizeof(*v));
			in->u.ncodes = n;
		}
		free(v);
	}
}

static void
end_utt(ingest *in)
{
	session *s = in->cur;

	if (!utf8_valid(in->text.s ? in->text.s : "", in->text.len)) {
		report(in, DIAG_ERROR, "utterance text is not valid UTF-8");
		in->u_bad = 1;
	}
	if (in->u_bad || in->cur_bad)
		return;
	in->u.text = arena_strndup(s->arena, in->text.s ? in->text.s : "",
	    in->text.len);
	in->u.len = in->text.len;
	session_push_utt(s, &in->u);
}

static void
speaker(ingest *in, const struct attrs *at)
{
	session *s = in->cur;
	const char *id, *role;
	int r = -1;

	attrs_check(in, at, "speaker", attrs_speaker);
	id = attr_required(in, at, "speaker", "id");
	role = attr_required(in, at, "speaker", "role");
	if (role != NULL && (r = session_role_parse(role)) < 0)
		report(in, DIAG_ERROR, "speaker role '%s' is not one of "
		    "therapist, client, caregiver, family, interpreter, other",
		    role);
	if (id == NULL || r < 0)
		return;
	if (session_speaker_find(s, id) >= 0) {
		report(in, DIAG_ERROR, "speaker '%s' is declared twice", id);
		return;
	}
	session_add_speaker(s, id, (enum session_role)r, attr(in, at, "name"));
}

static void
measure(ingest *in, const struct attrs *at)
{
	session *s = in->cur;
	const char *name, *value;
	char *end;
	double v;

	attrs_check(in, at, "measure", attrs_measure);
	name = attr_required(in, at, "measure", "name");
	value = attr_required(in, at, "measure", "value");
	if (name == NULL || value == NULL)
		return;
	v = strtod(value, &end);
	if (*value == '\0' || *end != '\0' || !isfinite(v) ||
	    strpbrk(value, "xXnNiI") != NULL) {
		report(in, DIAG_ERROR, "measure '%s' value '%s' is not a "
		    "number", name, value);
		return;
	}
	s->measures = xgrow(s->measures, &s->measures_cap, s->nmeasures + 1,
	    sizeof(*s->measures));
	s->measures[s->nmeasures].name = name;
	s->measures[s->nmeasures].value = v;
	s->nmeasures++;
}

static void
event(ingest *in, const struct attrs *at)
{
	static const char *const types[] = { "disconnect", "freeze",
		"audio-loss", "pause", "interruption", "other", NULL };
	session *s = in->cur;
	struct session_event e;

	attrs_check(in, at, "event", attrs_event);
	e.type = attr_required(in, at, "event", "type");
	e.start = attr_time(in, at, "event", "start");
	e.end = attr_time(in, at, "event", "end");
	e.line = cur_line(in);
	if (e.type == NULL)
		return;
	if (!one_of(e.type, types)) {
		report(in, DIAG_ERROR, "event type '%s' is not one of "
		    "disconnect, freeze, audio-loss, pause, interruption, other",
		    e.type);
		return;
	}
	s->events = xgrow(s->events, &s->events_cap, s->nevents + 1,
	    sizeof(*s->events));
	s->events[s->nevents++] = e;
}

/* Open the element `name` inside `parent`; returns what it is. */
static enum el
open_child(ingest *in, enum el parent, const char *name,
    const struct attrs *at)
{
	session *s = in->cur;

	switch (parent) {
	case EL_CORPUS:
		if (strcmp(name, "session") == 0) {
			begin_session(in, at);
			return EL_SESSION;
		}
		fatal(in, "unexpected element <%s> in <corpus>: a corpus holds "
		    "only <session> elements", name);
		return EL_SKIP;
	case EL_SESSION:
		if (strcmp(name, "clinician") == 0) {
			if (in->have_clinician++)
				report(in, DIAG_ERROR, "more than one "
				    "<clinician>");
			attrs_check(in, at, "clinician", attrs_clinician);
			s->clinician = attr_required(in, at, "clinician", "id");
			s->cohort = attr(in, at, "cohort");
			s->discipline = attr(in, at, "discipline");
			return EL_CLINICIAN;
		} else if (strcmp(name, "client") == 0) {
			attrs_check(in, at, "client", attrs_client);
			s->client = attr(in, at, "id");
			s->age_group = attr(in, at, "age-group");
			return EL_CLIENT;
		} else if (strcmp(name, "measure") == 0) {
			measure(in, at);
			return EL_MEASURE;
		} else if (strcmp(name, "speakers") == 0) {
			in->have_speakers = 1;
			attrs_check(in, at, "speakers", attrs_none);
			return EL_SPEAKERS;
		} else if (strcmp(name, "transcript") == 0) {
			in->have_transcript = 1;
			attrs_check(in, at, "transcript", attrs_none);
			return EL_TRANSCRIPT;
		}
		break;
	case EL_SPEAKERS:
		if (strcmp(name, "speaker") == 0) {
			speaker(in, at);
			return EL_SPEAKER;
		}
		break;
	case EL_TRANSCRIPT:
		if (strcmp(name, "u") == 0) {
			begin_utt(in, at);
			return EL_U;
		} else if (strcmp(name, "event") == 0) {
			event(in, at);
			return EL_EVENT;
		}
		break;
	case EL_U:
	case EL_INLINE:
		return EL_INLINE;
	case EL_SKIP:
		return EL_SKIP;
	default:
		break;
	}
	report(in, DIAG_ERROR, "unexpected element <%s> here", name);
	return EL_SKIP;
}

static const char *const el_names[] = { "corpus", "session", "clinician",
	"client", "measure", "speakers", "speaker", "transcript", "u", "event",
	"inline", "skip" };

static void
on_start(void *ctx, const xmlChar *localname, const xmlChar *prefix,
    const xmlChar *uri, int nb_namespaces, const xmlChar **namespaces,
    int nb_attributes, int nb_defaulted, const xmlChar **attributes)
{
	ingest *in = ctx;
	const char *name = (const char *)localname;
	/* The last nb_defaulted attributes were not written in the element
	 * but filled in from an <!ATTLIST> default: a transcript says what
	 * it says, so they are ignored (as if DTDATTR were off, which it
	 * is; libxml2 applies internal-subset defaults in SAX2 regardless). */
	struct attrs at = { attributes, nb_attributes - nb_defaulted };
	enum el kind;

	(void)namespaces;
	if (in->fatal)
		return;
	if (in->depth >= INGEST_MAX_DEPTH) {
		fatal(in, "elements nested deeper than %d levels",
		    INGEST_MAX_DEPTH);
		return;
	}
	/* Judge an element by its own name: a namespace declared but not used
	 * (xmlns:xi on <session>) is harmless; <xi:include> is not. */
	(void)nb_namespaces;
	if (uri != NULL || prefix != NULL) {
		if (in->depth == 0 || in->cur == NULL)
			fatal(in, "element <%s%s%s> is in a namespace; transcript "
			    "format v1 uses none", prefix ? (const char *)prefix :
			    "", prefix ? ":" : "", name);
		else
			report(in, DIAG_ERROR, "element <%s%s%s> is in a "
			    "namespace; transcript format v1 uses none (XInclude "
			    "and other namespaced markup are not processed)",
			    prefix ? (const char *)prefix : "", prefix ? ":" : "",
			    name);
		in->stack[++in->depth] = EL_SKIP;
		return;
	}
	if (in->depth == 0) {
		if (in->root_seen++) {
			fatal(in, "more than one root element");
			return;
		}
		if (strcmp(name, "session") == 0) {
			begin_session(in, &at);
			kind = EL_SESSION;
		} else if (strcmp(name, "corpus") == 0) {
			attrs_check(in, &at, "corpus", attrs_none);
			kind = EL_CORPUS;
		} else {
			fatal(in, "root element is <%s>; a transcript's root is "
			    "<session> or <corpus>", name);
			return;
		}
	} else
		kind = open_child(in, in->stack[in->depth], name, &at);
	in->stack[++in->depth] = kind;
}

static void
on_end(void *ctx, const xmlChar *localname, const xmlChar *prefix,
    const xmlChar *uri)
{
	ingest *in = ctx;
	enum el kind;

	(void)localname;
	(void)prefix;
	(void)uri;
	if (in->fatal || in->depth == 0)
		return;
	kind = in->stack[in->depth--];
	if (kind == EL_U)
		end_utt(in);
	else if (kind == EL_SESSION)
		end_session(in);
	else if (kind == EL_CORPUS && in->nsessions == 0)
		report(in, DIAG_ERROR, "<corpus> holds no <session>");
}

static void
on_text(void *ctx, const xmlChar *ch, int len)
{
	ingest *in = ctx;
	enum el top;

	if (in->fatal || in->depth == 0)
		return;
	top = in->stack[in->depth];
	if (top == EL_U || top == EL_INLINE) {
		if (in->u_toolong)
			return;
		if (in->text.len + (size_t)len > INGEST_MAX_UTT_BYTES) {
			report(in, DIAG_ERROR, "utterance text longer than "
			    "%u MiB", INGEST_MAX_UTT_BYTES >> 20);
			in->u_toolong = in->u_bad = 1;
			return;
		}
		in->session_bytes += (size_t)len;
		if (in->session_bytes > INGEST_MAX_SESSION_BYTES) {
			fatal(in, "session text longer than %u MiB",
			    INGEST_MAX_SESSION_BYTES >> 20);
			return;
		}
		strbuf_add(&in->text, (const char *)ch, (size_t)len);
		return;
	}
	if (top == EL_SKIP)
		return;
	for (int i = 0; i < len; i++) {
		if (!isspace(ch[i])) {
			report(in, DIAG_ERROR, "text inside <%s>; only <u> "
			    "holds text", el_names[top]);
			return;
		}
	}
}

static void
on_internal_subset(void *ctx, const xmlChar *name, const xmlChar *external_id,
    const xmlChar *system_id)
{
	ingest *in = ctx;

	(void)name;
	if (external_id != NULL || system_id != NULL)
		fatal(in, "the DOCTYPE names an external DTD; transcripts may "
		    "not refer to external files or URLs");
}

static void
on_entity_decl(void *ctx, const xmlChar *name, int type,
    const xmlChar *public_id, const xmlChar *system_id, xmlChar *content)
{
	ingest *in = ctx;

	(void)type;
	(void)public_id;
	(void)system_id;
	(void)content;
	fatal(in, "entity declaration '%s' refused: transcripts may not "
	    "declare entities", (const char *)name);
}

static void
on_unparsed_entity_decl(void *ctx, const xmlChar *name,
    const xmlChar *public_id, const xmlChar *system_id,
    const xmlChar *notation)
{
	(void)public_id;
	(void)system_id;
	(void)notation;
	fatal(ctx, "unparsed entity declaration '%s' refused: transcripts may "
	    "not declare entities", (const char *)name);
}

static xmlEntityPtr
on_get_entity(void *ctx, const xmlChar *name)
{
	(void)ctx;
	(void)name;
	return NULL;	/* only the five predefined entities exist */
}

/* --- the loader that loads nothing --- */

static xmlParserInputPtr
deny_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	(void)url;
	(void)id;
	(void)ctxt;
	return NULL;
}

void
ingest_global_init(void)
{
	xmlInitParser();
	xmlSetExternalEntityLoader(deny_loader);
}

/* --- schema --- */

ingest_schema *
ingest_schema_load(const char *path, char **why)
{
	xmlSchemaParserCtxtPtr pc;
	xmlSchemaPtr schema;
	ingest_schema *sc;
	xmlExternalEntityLoader old = xmlGetExternalEntityLoader();

	/* The schema itself is a local file named on purpose: load it with
	 * the default loader, then put the deny-all loader back. */
	xmlSetExternalEntityLoader(xmlNoNetExternalEntityLoader);
	xmlSetGenericErrorFunc(NULL, silent_generic);
	xmlSetStructuredErrorFunc(NULL, NULL);
	pc = xmlSchemaNewParserCtxt(path);
	schema = pc != NULL ? xmlSchemaParse(pc) : NULL;
	xmlSchemaFreeParserCtxt(pc);
	xmlSetExternalEntityLoader(old);
	if (schema == NULL) {
		*why = xasprintf("%s: cannot load the transcript schema", path);
		return NULL;
	}
	sc = xcalloc(1, sizeof(*sc));
	sc->schema = schema;
	return sc;
}

void
ingest_schema_free(ingest_schema *sc)
{
	if (sc == NULL)
		return;
	xmlSchemaFree(sc->schema);
	free(sc);
}

static int
schema_locator(void *ctx, const char **file, unsigned long *line)
{
	ingest *in = ctx;

	if (file != NULL)
		*file = in->display;
	if (line != NULL)
		*line = (unsigned long)cur_line(in);
	return 0;
}

/* A schema error of a session written as XML, one line. */
static void
check_error(void *data, xmlErrorPtr err)
{
	char **first = data;

	if (*first == NULL && err != NULL && err->level >= XML_ERR_ERROR)
		*first = one_line(err->message != NULL ? err->message :
		    "schema error");
}

int
ingest_check_session(const ingest_schema *sc, const session *s,
    struct diags *d)
{
	strbuf b = { 0 };
	struct diags pd = { 0 };
	xmlSchemaValidCtxtPtr vc;
	xmlDocPtr doc;
	char *first = NULL;
	int rc = 0;

	xmlwrite_session(&b, s);
	if ((doc = xmldom_read(b.s, b.len, &pd)) == NULL) {
		diags_error(d, s->line, 0, "the session cannot be written as "
		    "transcript XML: %s", pd.n > 0 ? pd.v[0].msg : "?");
		rc = -1;
	} else if ((vc = xmlSchemaNewValidCtxt(sc->schema)) != NULL) {
		xmlSchemaSetValidStructuredErrors(vc, check_error, &first);
		if (xmlSchemaValidateDoc(vc, doc) != 0) {
			diags_error(d, s->line, 0, "the session does not fit the "
			    "transcript schema once written as XML: %s",
			    first != NULL ? first : "invalid");
			rc = -1;
		}
		xmlSchemaFreeValidCtxt(vc);
	}
	free(first);
	xmlFreeDoc(doc);
	diags_free(&pd);
	strbuf_free(&b);
	return rc;
}

/* --- open, read, close --- */

ingest *
ingest_open(const char *path, const char *display,
    const ingest_schema *schema, const struct import_opts *io, char **why)
{
	ingest *in;
	struct stat st;
	int fd;

	if (strcmp(path, "-") == 0)
		fd = STDIN_FILENO;
	else {
		/* O_NONBLOCK: opening a FIFO must not wait for a writer. */
		fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
		if (fd < 0) {
			*why = xasprintf("cannot open: %s", strerror(errno));
			return NULL;
		}
		if (fstat(fd, &st) != 0) {
			*why = xasprintf("cannot stat: %s", strerror(errno));
			close(fd);
			return NULL;
		}
		if (!S_ISREG(st.st_mode)) {
			*why = xstrdup(S_ISDIR(st.st_mode) ? "is a directory" :
			    "not a regular file (FIFO, socket or device); "
			    "refused");
			close(fd);
			return NULL;
		}
		fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	}
	in = xcalloc(1, sizeof(*in));
	in->display = xstrdup(display != NULL ? display :
	    strcmp(path, "-") == 0 ? "<stdin>" : path);
	in->path = xstrdup(path);
	in->io = io;
	in->schema = schema;
	in->fd = fd;
	in->own_fd = fd != STDIN_FILENO;
	in->buf = xmalloc(CHUNK);
	sha256_init(&in->sha);

	in->sax.initialized = XML_SAX2_MAGIC;
	in->sax.startElementNs = on_start;
	in->sax.endElementNs = on_end;
	in->sax.characters = on_text;
	in->sax.cdataBlock = on_text;
	in->sax.ignorableWhitespace = on_text;
	in->sax.internalSubset = on_internal_subset;
	in->sax.entityDecl = on_entity_decl;
	in->sax.unparsedEntityDecl = on_unparsed_entity_decl;
	in->sax.getEntity = on_get_entity;
	in->sax.getParameterEntity = on_get_entity;
	if (schema != NULL) {
		in->vctxt = xmlSchemaNewValidCtxt(schema->schema);
		xmlSchemaSetValidStructuredErrors(in->vctxt, on_xml_error, in);
		xmlSchemaValidateSetLocator(in->vctxt, schema_locator, in);
	}
	return in;
}

/*
 * Can the first bytes start an XML document in some encoding? After an
 * optional byte-order mark an XML document starts with '<' or white space
 * (XML 1.0 section 2.8, appendix F). A binary file (a gzip stream, an
 * image) is refused with a clear reason instead of a parser error.
 */
static int
looks_like_xml(const unsigned char *p, size_t n)
{
	if (n >= 3 && p[0] == 0xef && p[1] == 0xbb && p[2] == 0xbf)
		p += 3, n -= 3;				/* UTF-8 BOM */
	else if (n >= 2 && ((p[0] == 0xff && p[1] == 0xfe) ||
	    (p[0] == 0xfe && p[1] == 0xff)))
		return 1;				/* UTF-16 BOM */
	if (n >= 2 && ((p[0] == '<' && p[1] == 0) || (p[0] == 0 && p[1] == '<')))
		return 1;				/* UTF-16, no BOM */
	return n > 0 && (p[0] == '<' || p[0] == ' ' || p[0] == '\t' ||
	    p[0] == '\n' || p[0] == '\r');
}

/* --- other formats, through an importer (import.h) --- */

/* Copy a diagnostics list into a ready entry's array. */
static void
take_diags(struct diag **v, size_t *n, const struct diags *d)
{
	size_t cap = 0;

	for (size_t i = 0; i < d->n; i++)
		diag_push(v, n, &cap, d->v[i].severity, d->v[i].line,
		    d->v[i].col, xstrdup(d->v[i].msg));
}

/*
 * Which importer reads the input, told from --format or from its name
 * and first n bytes (in->buf): sets *fmt, NULL for our own XML. Returns
 * -1, with the reason as the input's fatal error, when no reader fits.
 */
static int
choose_format(ingest *in, size_t n, const struct import_format **fmt)
{
	const char *name = strcmp(in->path, "-") == 0 ? "" : in->path;
	const struct import_format *seen;
	const char *why;
	int native;

	*fmt = NULL;
	if (in->io != NULL && in->io->format != NULL) {
		*fmt = in->io->format;
		return 0;
	}
	seen = import_detect(name, (const char *)in->buf, n, &native, &why);
	if (in->io != NULL && in->io->xml_only) {
		/* Said to be our XML: when it plainly is not, say what
		 * reads it instead of a parser error. */
		if (seen != NULL && !looks_like_xml(in->buf, n)) {
			fatal(in, "not an XML document: this reads as %s; the "
			    "%s importer reads it (drop --format xml, or give "
			    "--format %s)", seen->summary, seen->name,
			    seen->name);
			return -1;
		}
		return 0;
	}
	if (seen == NULL && !native) {
		fatal(in, "%s", why);
		return -1;
	}
	*fmt = seen;
	return 0;
}

/*
 * Read the whole input (its first n bytes are in in->buf) and parse it
 * with its importer; ingest_next() then builds one session at a time
 * (next_import()), so a CSV of a hundred thousand sessions never holds
 * more than one built session.
 */
static void
import_whole(ingest *in, const struct import_format *fmt, size_t n)
{
	strbuf data = { 0 };
	struct diags d = { 0 };
	int toobig = 0;

	strbuf_add(&data, (const char *)in->buf, n);
	for (;;) {
		ssize_t r = read(in->fd, in->buf, CHUNK);

		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			fatal(in, "read error: %s", strerror(errno));
			strbuf_free(&data);
			return;
		}
		if (r == 0)
			break;
		in->bytes += (unsigned long long)r;
		sha256_update(&in->sha, (size_t)r, (const uint8_t *)in->buf);
		if (data.len + (size_t)r > IMPORT_MAX_BYTES)
			toobig = 1;
		else
			strbuf_add(&data, (const char *)in->buf, (size_t)r);
	}
	in->eof = 1;
	in->imported = 1;
	if (toobig) {
		fatal(in, "larger than the %u MiB an importer reads (%s files "
		    "are read whole)", IMPORT_MAX_BYTES >> 20, fmt->name);
		strbuf_free(&data);
		return;
	}
	in->fmt = fmt;
	import_parse(fmt, in->path, in->display, data.s != NULL ? data.s : "",
	    data.len, in->io, &in->docs, &d);
	strbuf_free(&data);
	for (size_t i = 0; i < d.n; i++) {
		diag_push(&in->fdiags, &in->nfdiags, &in->fdcap, d.v[i].severity,
		    d.v[i].line, d.v[i].col, xstrdup(d.v[i].msg));
		in->fatal |= d.v[i].severity == DIAG_ERROR;
	}
	diags_free(&d);
}

/* Build the next imported doc into the queue: its session (checked
 * against the schema when there is one) or its rejection. Returns 0 when
 * there is none left. */
static int
next_import(ingest *in)
{
	const struct import_doc *doc;
	struct diags d = { 0 };
	struct ready *r;
	session *s;

	if (in->next_doc >= in->docs.n)
		return 0;
	doc = in->docs.v[in->next_doc++];
	s = import_session(doc, in->fmt, in->path, in->display, in->io, &d);
	if (s != NULL && in->schema != NULL &&
	    ingest_check_session(in->schema, s, &d) != 0) {
		session_free(s);
		s = NULL;
	}
	if (s != NULL && strset_add(&in->ids, s->id) != 0) {
		diags_error(&d, doc->line, 0, "duplicate session id '%s' in this "
		    "input", s->id);
		session_free(s);
		s = NULL;
	}
	in->queue = xgrow(in->queue, &in->qcap, in->qlen + 1, sizeof(*r));
	r = &in->queue[in->qlen++];
	memset(r, 0, sizeof(*r));
	r->s = s;
	take_diags(&r->diags, &r->ndiags, &d);
	diags_free(&d);
	return 1;
}

/* Create the parser on the first bytes (so it can detect the encoding). */
static int
start_parser(ingest *in, const unsigned char *p, int n)
{
	xmlSAXHandlerPtr saxp = &in->sax;
	void *user = in;

	/* With a schema, the validator sits between the parser and us. */
	if (in->vctxt != NULL &&
	    (in->plug = xmlSchemaSAXPlug(in->vctxt, &saxp, &user)) == NULL)
		return -1;
	in->ctxt = xmlCreatePushParserCtxt(saxp, user, (const char *)p, n,
	    in->display);
	if (in->ctxt == NULL)
		return -1;
	xmlCtxtUseOptions(in->ctxt, XML_PARSE_NONET | XML_PARSE_BIG_LINES);
	return 0;
}

/*
 * At the end of the input, bytes the declared encoding's converter could
 * not decode are still waiting in the parser's raw buffer: libxml2 stops
 * there without an error of its own (a byte above 127 in a file declared
 * US-ASCII, a bad UTF-7 sequence). Say so, at the place it stopped.
 */
static void
undecodable(ingest *in)
{
	xmlParserInputPtr input = in->ctxt->input;
	const char *enc;

	if (input == NULL || input->buf == NULL || input->buf->encoder == NULL ||
	    input->buf->raw == NULL || xmlBufUse(input->buf->raw) == 0)
		return;
	enc = in->ctxt->encoding != NULL ? (const char *)in->ctxt->encoding :
	    input->buf->encoder->name != NULL ? input->buf->encoder->name :
	    "declared";
	fatal(in, "bytes that are not valid %s text: the XML declaration "
	    "names the encoding %s, but the file holds other bytes here "
	    "(convert the file, or declare the encoding it is written in)",
	    enc, enc);
}

/* States of count_attributes(). */
enum { SC_TEXT, SC_LT, SC_BANG, SC_COMMENT, SC_CDATA, SC_PI, SC_DECL, SC_TAG,
	SC_OFF };

/*
 * Count the attributes of each start tag in the bytes about to be parsed,
 * before libxml2 sees the tag: libxml2 reads a whole start tag before it
 * calls us, and checks its attributes for duplicates pairwise, so a tag
 * with a million attributes takes it minutes. A tag with more than
 * INGEST_MAX_ATTRS is refused here first. The scan knows comments, CDATA
 * sections, processing instructions and declarations, and quotes; it is
 * off for UTF-16 documents, whose bytes it cannot read as ASCII.
 */
static void
count_attributes(ingest *in, const unsigned char *p, size_t n)
{
	for (size_t i = 0; i < n && in->scan != SC_OFF && !in->fatal; i++) {
		unsigned char c = p[i];

		if (c == '\n') {
			in->scan_line++;
			in->scan_col = 0;
		}
		in->scan_col++;
		memmove(in->scan_win, in->scan_win + 1, sizeof(in->scan_win) - 1);
		in->scan_win[sizeof(in->scan_win) - 1] = (char)c;
		switch (in->scan) {
		case SC_TEXT:
			if (c == '<')
				in->scan = SC_LT;
			break;
		case SC_LT:
			in->scan = c == '!' ? SC_BANG : c == '?' ? SC_PI :
			    c == '/' ? SC_DECL : SC_TAG;
			in->scan_attrs = 0;
			in->scan_quote = 0;
			in->scan_off = 0;
			break;
		case SC_BANG:
			/* "<!--", "<![CDATA[" or another declaration. */
			if (memcmp(in->scan_win + 5, "!--", 3) == 0)
				in->scan = SC_COMMENT;
			else if (memcmp(in->scan_win, "![CDATA[", 8) == 0)
				in->scan = SC_CDATA;
			else if (c != '-' && c != '[' && strchr("CDATA",
			    c) == NULL)
				in->scan = SC_DECL;
			break;
		case SC_COMMENT:
			if (memcmp(in->scan_win + 5, "-->", 3) == 0)
				in->scan = SC_TEXT;
			break;
		case SC_CDATA:
			if (memcmp(in->scan_win + 5, "]]>", 3) == 0)
				in->scan = SC_TEXT;
			break;
		case SC_PI:
			if (memcmp(in->scan_win + 6, "?>", 2) == 0)
				in->scan = SC_TEXT;
			break;
		case SC_DECL:
			/* A DOCTYPE's internal subset is in brackets. */
			if (in->scan_quote != 0) {
				if (c == in->scan_quote)
					in->scan_quote = 0;
			} else if (c == '"' || c == '\'')
				in->scan_quote = c;
			else if (c == '[')
				in->scan_off++;
			else if (c == ']' && in->scan_off > 0)
				in->scan_off--;
			else if (c == '>' && in->scan_off == 0)
				in->scan = SC_TEXT;
			break;
		case SC_TAG:
			if (in->scan_quote != 0) {
				if (c == in->scan_quote)
					in->scan_quote = 0;
			} else if (c == '"' || c == '\'')
				in->scan_quote = c;
			else if (c == '>')
				in->scan = SC_TEXT;
			else if (c == '=' && ++in->scan_attrs > INGEST_MAX_ATTRS) {
				diag_push(&in->fdiags, &in->nfdiags, &in->fdcap,
				    DIAG_ERROR, in->scan_line, in->scan_col,
				    xasprintf("an element with more than %d "
				    "attributes: refused", INGEST_MAX_ATTRS));
				in->fatal = 1;
			}
			break;
		}
	}
}

/* Hand n bytes to the parser, after counting their attributes. */
static void
parse_chunk(ingest *in, const unsigned char *p, size_t n)
{
	count_attributes(in, p, n);
	if (!in->fatal)
		xmlParseChunk(in->ctxt, (const char *)p, (int)n, 0);
}

/* Read one chunk and parse it (or finish the parse at end of input). */
static void
feed(ingest *in)
{
	ssize_t n;

	xmlSetStructuredErrorFunc(in, on_xml_error);
	xmlSetGenericErrorFunc(NULL, silent_generic);
	/* The first chunk holds at least 4 bytes (or the whole input), so
	 * that the encoding can be told from them even from a slow pipe. */
	n = 0;
	for (;;) {
		ssize_t r = read(in->fd, in->buf + n, (size_t)(CHUNK - n));

		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			n = r;
			break;
		}
		n += r;
		if (r == 0 || in->ctxt != NULL || n >= 4)
			break;
	}
	if (n < 0) {
		fatal(in, "read error: %s", strerror(errno));
		in->done = 1;
		goto out;
	}
	if (n > 0) {
		in->bytes += (unsigned long long)n;
		sha256_update(&in->sha, (size_t)n, (const uint8_t *)in->buf);
	} else
		in->eof = 1;
	if (in->ctxt == NULL) {
		int first = n < 4 ? (int)n : 4;
		const struct import_format *fmt = NULL;

		if (n == 0) {
			fatal(in, "empty file: no transcript");
			in->done = 1;
			goto out;
		}
		if (choose_format(in, (size_t)n, &fmt) != 0) {
			in->done = 1;
			goto out;
		}
		if (fmt != NULL) {
			import_whole(in, fmt, (size_t)n);
			in->done = 1;
			goto out;
		}
		if (!looks_like_xml(in->buf, (size_t)n)) {
			fatal(in, "not an XML document: the file starts with "
			    "binary or other non-XML data");
			in->done = 1;
			goto out;
		}
		if (start_parser(in, in->buf, first) != 0) {
			fatal(in, "cannot create the XML parser");
			in->done = 1;
			goto out;
		}
		in->scan_line = 1;
		in->scan = n >= 2 && (in->buf[0] == 0 || in->buf[1] == 0 ||
		    (in->buf[0] == 0xff && in->buf[1] == 0xfe) ||
		    (in->buf[0] == 0xfe && in->buf[1] == 0xff)) ? SC_OFF :
		    SC_TEXT;
		count_attributes(in, in->buf, (size_t)first);
		parse_chunk(in, in->buf + first, (size_t)n - (size_t)first);
	} else if (n > 0)
		parse_chunk(in, in->buf, (size_t)n);
	else {
		/* The end: let the parser finish what it holds first, so
		 * that its own error (an unescaped '&' in the last text)
		 * is the one reported, not "truncated". */
		in->finishing = 1;
		if (!in->fatal)
			undecodable(in);
		if (!in->fatal)
			xmlParseChunk(in->ctxt, NULL, 0, 1);
		if (in->fatal)
			;
		else if (in->depth > 0)
			fatal(in, "input ends inside <%s>: the file is "
			    "truncated", el_names[in->stack[in->depth]]);
		else if (!in->root_seen)
			fatal(in, "no root element: the file holds no "
			    "<session> or <corpus>");
	}
	if (in->fatal || in->eof)
		in->done = 1;
out:
	xmlSetStructuredErrorFunc(NULL, NULL);
}

int
ingest_next(ingest *in, session **out)
{
	diag_array_free(in->out, in->nout);
	in->out = NULL;
	in->nout = 0;
	*out = NULL;
	for (;;) {
		if (in->qhead < in->qlen) {
			struct ready *r = &in->queue[in->qhead++];

			in->out = r->diags;
			in->nout = r->ndiags;
			if (in->qhead == in->qlen)
				in->qhead = in->qlen = 0;
			if (r->s == NULL)
				return 2;
			*out = r->s;
			return 1;
		}
		if (in->imported && next_import(in))
			continue;
		if (in->done) {
			if (in->nfdiags == 0 && in->ncdiags == 0)
				return 0;
			/* The input failed: its own problems, then those of
			 * the session it failed in. */
			in->out = in->fdiags;
			in->nout = in->nfdiags;
			for (size_t i = 0; i < in->ncdiags; i++)
				diag_push(&in->out, &in->nout, &in->fdcap,
				    in->cdiags[i].severity, in->cdiags[i].line,
				    in->cdiags[i].col, in->cdiags[i].msg);
			free(in->cdiags);
			in->cdiags = NULL;
			in->ncdiags = in->cdcap = 0;
			in->fdiags = NULL;
			in->nfdiags = in->fdcap = 0;
			session_free(in->cur);
			in->cur = NULL;
			return in->fatal ? -1 : 0;
		}
		feed(in);
	}
}

const struct diag *
ingest_diags(const ingest *in, size_t *n)
{
	*n = in->nout;
	return in->out;
}

unsigned long long
ingest_bytes(const ingest *in)
{
	return in->bytes;
}

const char *
ingest_sha256(ingest *in)
{
	if (!in->hashed) {
		ssize_t n;

		while (!in->eof) {
			n = read(in->fd, in->buf, CHUNK);
			if (n < 0 && errno == EINTR)
				continue;
			if (n <= 0)
				break;
			in->bytes += (unsigned long long)n;
			sha256_update(&in->sha, (size_t)n, (const uint8_t *)in->buf);
		}
		in->eof = 1;
		sha256_final_hex(&in->sha, in->hex);
		in->hashed = 1;
	}
	return in->hex;
}

void
ingest_close(ingest *in)
{
	if (in == NULL)
		return;
	if (in->plug != NULL) {
		/* libxml2 2.9.14's validator keeps ~300 bytes of an element's
		 * state when the document ends inside it (tests/valgrind.supp
		 * names that leak); nothing of ours is held past here. */
		xmlSchemaSAXUnplug(in->plug);
		in->plug = NULL;
	}
	if (in->ctxt != NULL) {
		/* libxml2 builds a stand-in document for entity declarations
		 * even in SAX mode (its "SAX compat" mode); the parser context
		 * does not own it. */
		if (in->ctxt->myDoc != NULL)
			xmlFreeDoc(in->ctxt->myDoc);
		xmlFreeParserCtxt(in->ctxt);
		in->ctxt = NULL;
	}
	xmlSchemaFreeValidCtxt(in->vctxt);
	if (in->own_fd)
		close(in->fd);
	for (size_t i = in->qhead; i < in->qlen; i++) {
		session_free(in->queue[i].s);
		diag_array_free(in->queue[i].diags, in->queue[i].ndiags);
	}
	free(in->queue);
	diag_array_free(in->out, in->nout);
	diag_array_free(in->cdiags, in->ncdiags);
	diag_array_free(in->fdiags, in->nfdiags);
	session_free(in->cur);
	strbuf_free(&in->text);
	strset_free(&in->ids);
	import_docs_free(&in->docs);
	free(in->buf);
	free(in->display);
	free(in->path);
	free(in);
}
