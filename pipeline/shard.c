/* shard.c -- shard selection and the shard event log (shard.h). */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "diag.h"
#include "indicators.h"
#include "lag.h"
#include "run_internal.h"
#include "sha256.h"
#include "shard.h"
#include "util.h"

#define LOG_MAGIC	"rapport-shard-events 1\n"
#define STR_NULL	UINT64_MAX

/* Record kinds beside enum batch_kind. */
#define REC_END		255

int
shard_parse(const char *text, int *k, int *n)
{
	char *end;
	long a, b;

	errno = 0;
	a = strtol(text, &end, 10);
	if (end == text || *end != '/' || errno != 0)
		return -1;
	text = end + 1;
	b = strtol(text, &end, 10);
	if (end == text || *end != '\0' || errno != 0)
		return -1;
	if (a < 1 || b < 1 || a > b || b > SHARD_MAX)
		return -1;
	*k = (int)a;
	*n = (int)b;
	return 0;
}

int
shard_of(const char *key, int n)
{
	sha256_ctx c;
	uint8_t d[SHA256_DIGEST_SIZE];
	uint64_t h = 0;

	sha256_init(&c);
	sha256_update(&c, strlen(key), (const uint8_t *)key);
	sha256_digest(&c, sizeof(d), d);
	for (int i = 0; i < 8; i++)
		h = h << 8 | d[i];
	return (int)(h % (uint64_t)n) + 1;
}

void
shard_inputs_sha256(const struct inputs *in, char hex[65])
{
	sha256_ctx c;

	sha256_init(&c);
	for (size_t i = 0; i < in->n; i++) {
		const char *key = in->v[i].path + in->v[i].key;

		sha256_update(&c, strlen(key) + 1, (const uint8_t *)key);
	}
	sha256_final_hex(&c, hex);
}

/* --- writing --- */

static void
put_u64(FILE *f, uint64_t v)
{
	unsigned char b[8];

	for (int i = 0; i < 8; i++)
		b[i] = (unsigned char)(v >> (8 * i));
	fwrite(b, 1, sizeof(b), f);
}

static void
put_f64(FILE *f, double v)
{
	uint64_t u;

	memcpy(&u, &v, sizeof(u));
	put_u64(f, u);
}

static void
put_mem(FILE *f, const char *s, size_t n)
{
	put_u64(f, n);
	if (n > 0)
		fwrite(s, 1, n, f);
}

static void
put_str(FILE *f, const char *s)
{
	if (s == NULL)
		put_u64(f, STR_NULL);
	else
		put_mem(f, s, strlen(s));
}

static void
put_buf(FILE *f, const strbuf *b)
{
	put_mem(f, b->s, b->s != NULL ? b->len : 0);
}

static void
put_result(FILE *f, const struct run_result *r)
{
	const struct agree_counts *a = &r->agree;
	const struct measure_row *row = &r->row;
	const struct resultsdb_rows *db = &r->db;
	size_t rows, cols, ncols;

	put_str(f, r->id);
	put_u64(f, (uint64_t)r->line);
	put_buf(f, &r->utt_jsonl);
	put_buf(f, &r->sess_json);
	put_buf(f, &r->examples);
	put_buf(f, &r->transcript);
	lag_dims(&rows, &cols);
	put_u64(f, r->lag != NULL ? rows * cols : 0);
	for (size_t i = 0; r->lag != NULL && i < rows * cols; i++)
		put_u64(f, r->lag[i]);

	put_u64(f, (uint64_t)a->coded);
	put_u64(f, a->cell != NULL ? a->ntags : 0);
	for (size_t i = 0; a->cell != NULL && i < a->ntags; i++) {
		put_u64(f, a->cell[i].tp);
		put_u64(f, a->cell[i].fp);
		put_u64(f, a->cell[i].fn);
		put_u64(f, a->cell[i].tn);
		put_u64(f, a->human[i]);
		put_u64(f, a->machine[i]);
	}
	put_u64(f, a->families);
	for (int i = 0; i < AGREE_NCLASS; i++)
		for (int j = 0; j < AGREE_NCLASS; j++) {
			put_u64(f, a->reflection[i][j]);
			put_u64(f, a->question[i][j]);
		}
	put_u64(f, a->unspecified[0]);
	put_u64(f, a->unspecified[1]);

	for (int i = 0; i < MEASURE_NMETA; i++)
		put_str(f, row->meta[i]);
	indicators_all(&ncols);
	put_u64(f, row->v != NULL ? ncols : 0);
	for (size_t i = 0; row->v != NULL && i < ncols; i++)
		put_f64(f, row->v[i]);
	put_u64(f, row->nmeasures);
	for (size_t i = 0; i < row->nmeasures; i++) {
		put_str(f, row->mnames[i]);
		put_f64(f, row->mvalues[i]);
	}
	put_u64(f, row->nevents);
	for (size_t i = 0; i < row->nevents; i++) {
		put_str(f, row->events[i].type);
		put_f64(f, row->events[i].start);
		put_f64(f, row->events[i].end);
	}

	put_u64(f, db->nutts);
	for (size_t i = 0; i < db->nutts; i++) {
		const struct resultsdb_utt *u = &db->utts[i];

		put_u64(f, u->index);
		put_str(f, u->speaker);
		put_str(f, u->role);
		put_f64(f, u->start);
		put_f64(f, u->end);
		put_u64(f, (uint64_t)u->words);
		put_str(f, u->codes);
	}
	put_u64(f, db->ntags);
	for (size_t i = 0; i < db->ntags; i++) {
		const struct resultsdb_tag *t = &db->tags[i];

		put_u64(f, t->index);
		put_str(f, t->tag);
		put_u64(f, t->start);
		put_u64(f, t->end);
		put_str(f, t->rule);
		put_str(f, t->term);
		put_str(f, t->plain);
	}
}

int
shard_log_begin(FILE *f)
{
	fputs(LOG_MAGIC, f);
	return ferror(f) ? -1 : 0;
}

int
shard_log_put(FILE *f, size_t input, const struct batch_event *ev,
    const struct run_result *r)
{
	put_u64(f, (uint64_t)ev->kind);
	put_u64(f, input);
	put_str(f, ev->path);
	put_u64(f, ev->ndiags);
	for (size_t i = 0; i < ev->ndiags; i++) {
		put_u64(f, (uint64_t)ev->diags[i].severity);
		put_u64(f, (uint64_t)ev->diags[i].line);
		put_u64(f, (uint64_t)ev->diags[i].col);
		put_str(f, ev->diags[i].msg);
	}
	switch (ev->kind) {
	case BATCH_INPUT_END:
		put_str(f, ev->sha256);
		put_u64(f, ev->bytes);
		put_u64(f, ev->nsessions);
		break;
	case BATCH_SESSION:
		put_result(f, r);
		break;
	case BATCH_REJECT:
		break;
	}
	return ferror(f) ? -1 : 0;
}

int
shard_log_end(FILE *f, unsigned long long nrecords)
{
	put_u64(f, REC_END);
	put_u64(f, nrecords);
	return ferror(f) ? -1 : 0;
}

/* --- reading --- */

struct shard_reader {
	FILE		*f;
	char		*path;
	uint64_t	 left;		/* bytes not read yet */
	uint64_t	 nrecords;
	int		 bad;		/* short read or impossible length */
};

static uint64_t
get_u64(shard_reader *r)
{
	unsigned char b[8];
	uint64_t v = 0;

	if (r->bad || r->left < 8 || fread(b, 1, 8, r->f) != 8) {
		r->bad = 1;
		return 0;
	}
	r->left -= 8;
	for (int i = 7; i >= 0; i--)
		v = v << 8 | b[i];
	return v;
}

static double
get_f64(shard_reader *r)
{
	uint64_t u = get_u64(r);
	double v;

	memcpy(&v, &u, sizeof(v));
	return v;
}

/* A count of items of at least size bytes each, checked against what is
 * left of the file. */
static size_t
get_count(shard_reader *r, size_t size)
{
	uint64_t n = get_u64(r);

	if (r->bad || n > r->left / size) {
		r->bad = 1;
		return 0;
	}
	return (size_t)n;
}

/* A string: malloc'ed, or arena-allocated when ar is not NULL; NULL for
 * a NULL string (and on an error, with r->bad set). */
static char *
get_str(shard_reader *r, arena *ar)
{
	uint64_t n = get_u64(r);
	char *s;

	if (r->bad || n == STR_NULL)
		return NULL;
	if (n > r->left) {
		r->bad = 1;
		return NULL;
	}
	s = ar != NULL ? arena_alloc(ar, (size_t)n + 1) : xmalloc((size_t)n + 1);
	if (n > 0 && fread(s, 1, (size_t)n, r->f) != n) {
		r->bad = 1;
		if (ar == NULL)
			free(s);
		return NULL;
	}
	s[n] = '\0';
	r->left -= n;
	return s;
}

static void
get_buf(shard_reader *r, strbuf *b)
{
	uint64_t n = get_u64(r);

	if (r->bad || n == 0)
		return;
	if (n > r->left) {
		r->bad = 1;
		return;
	}
	b->s = xmalloc((size_t)n + 1);
	b->cap = (size_t)n + 1;
	if (fread(b->s, 1, (size_t)n, r->f) != n) {
		r->bad = 1;
		return;
	}
	b->len = (size_t)n;
	b->s[n] = '\0';
	r->left -= n;
}

static struct run_result *
get_result(shard_reader *r)
{
	struct run_result *res = xcalloc(1, sizeof(*res));
	struct agree_counts *a = &res->agree;
	struct measure_row *row = &res->row;
	struct resultsdb_rows *db = &res->db;
	size_t rows, cols, ncols, n;

	res->id = get_str(r, NULL);
	res->line = (long)get_u64(r);
	get_buf(r, &res->utt_jsonl);
	get_buf(r, &res->sess_json);
	get_buf(r, &res->examples);
	get_buf(r, &res->transcript);
	lag_dims(&rows, &cols);
	n = get_count(r, 8);
	if (n != rows * cols)
		r->bad = 1;
	res->lag = xcalloc(rows * cols + 1, sizeof(*res->lag));
	for (size_t i = 0; !r->bad && i < n; i++)
		res->lag[i] = (unsigned long)get_u64(r);

	a->coded = (int)get_u64(r);
	a->ntags = get_count(r, 48);
	a->cell = xcalloc(a->ntags + 1, sizeof(*a->cell));
	a->human = xcalloc(a->ntags + 1, sizeof(*a->human));
	a->machine = xcalloc(a->ntags + 1, sizeof(*a->machine));
	for (size_t i = 0; !r->bad && i < a->ntags; i++) {
		a->cell[i].tp = (unsigned long)get_u64(r);
		a->cell[i].fp = (unsigned long)get_u64(r);
		a->cell[i].fn = (unsigned long)get_u64(r);
		a->cell[i].tn = (unsigned long)get_u64(r);
		a->human[i] = (unsigned long)get_u64(r);
		a->machine[i] = (unsigned long)get_u64(r);
	}
	a->families = get_u64(r);
	for (int i = 0; i < AGREE_NCLASS; i++)
		for (int j = 0; j < AGREE_NCLASS; j++) {
			a->reflection[i][j] = (unsigned long)get_u64(r);
			a->question[i][j] = (unsigned long)get_u64(r);
		}
	a->unspecified[0] = (unsigned long)get_u64(r);
	a->unspecified[1] = (unsigned long)get_u64(r);

	for (int i = 0; i < MEASURE_NMETA; i++)
		row->meta[i] = get_str(r, NULL);
	indicators_all(&ncols);
	n = get_count(r, 8);
	if (n != ncols)
		r->bad = 1;
	row->v = xcalloc(ncols + 1, sizeof(*row->v));
	for (size_t i = 0; !r->bad && i < ncols; i++)
		row->v[i] = get_f64(r);
	row->nmeasures = get_count(r, 16);
	row->mnames = xcalloc(row->nmeasures + 1, sizeof(*row->mnames));
	row->mvalues = xcalloc(row->nmeasures + 1, sizeof(*row->mvalues));
	for (size_t i = 0; !r->bad && i < row->nmeasures; i++) {
		row->mnames[i] = get_str(r, NULL);
		row->mvalues[i] = get_f64(r);
		if (row->mnames[i] == NULL)
			r->bad = 1;
	}
	row->nevents = get_count(r, 24);
	row->events = xcalloc(row->nevents + 1, sizeof(*row->events));
	for (size_t i = 0; !r->bad && i < row->nevents; i++) {
		row->events[i].type = get_str(r, NULL);
		row->events[i].start = get_f64(r);
		row->events[i].end = get_f64(r);
	}

	db->arena = arena_create();
	db->nutts = get_count(r, 56);
	db->utts = xcalloc(db->nutts + 1, sizeof(*db->utts));
	for (size_t i = 0; !r->bad && i < db->nutts; i++) {
		struct resultsdb_utt *u = &db->utts[i];

		u->index = (size_t)get_u64(r);
		u->speaker = get_str(r, db->arena);
		u->role = get_str(r, db->arena);
		u->start = get_f64(r);
		u->end = get_f64(r);
		u->words = (long)get_u64(r);
		u->codes = get_str(r, db->arena);
		if (u->speaker == NULL || u->role == NULL)
			r->bad = 1;
	}
	db->ntags = get_count(r, 56);
	db->tags = xcalloc(db->ntags + 1, sizeof(*db->tags));
	for (size_t i = 0; !r->bad && i < db->ntags; i++) {
		struct resultsdb_tag *t = &db->tags[i];

		t->index = (size_t)get_u64(r);
		t->tag = get_str(r, db->arena);
		t->start = (size_t)get_u64(r);
		t->end = (size_t)get_u64(r);
		t->rule = get_str(r, db->arena);
		t->term = get_str(r, db->arena);
		t->plain = get_str(r, db->arena);
		if (t->tag == NULL || t->rule == NULL)
			r->bad = 1;
	}
	if (res->id == NULL)
		r->bad = 1;
	return res;
}

shard_reader *
shard_reader_open(const char *dir, char **why)
{
	shard_reader *r = xcalloc(1, sizeof(*r));
	char magic[sizeof(LOG_MAGIC) - 1];
	struct stat st;

	r->path = xasprintf("%s/shard.events", dir);
	if ((r->f = fopen(r->path, "rb")) == NULL) {
		*why = xasprintf("%s: %s%s", r->path, strerror(errno),
		    errno == ENOENT ? " (not a results folder of `rapport "
		    "run --shard K/N`)" : "");
		goto fail;
	}
	if (fstat(fileno(r->f), &st) != 0 || fread(magic, 1, sizeof(magic),
	    r->f) != sizeof(magic) || memcmp(magic, LOG_MAGIC,
	    sizeof(magic)) != 0) {
		*why = xasprintf("%s: not a rapport shard event log (version "
		    "1)", r->path);
		goto fail;
	}
	r->left = (uint64_t)st.st_size - sizeof(magic);
	return r;
fail:
	shard_reader_close(r);
	return NULL;
}

int
shard_reader_next(shard_reader *r, struct shard_event *out, char **why)
{
	uint64_t kind;

	memset(out, 0, sizeof(*out));
	kind = get_u64(r);
	if (!r->bad && kind == REC_END) {
		if (get_u64(r) != r->nrecords || r->bad || r->left != 0) {
			*why = xasprintf("%s: corrupt: the end record does not "
			    "match the records read", r->path);
			return -1;
		}
		return 0;
	}
	if (!r->bad && kind > BATCH_INPUT_END)
		r->bad = 1;
	out->ev.kind = (enum batch_kind)kind;
	out->input = (size_t)get_u64(r);
	out->path = get_str(r, NULL);
	out->ndiags = get_count(r, 32);
	out->diags = xcalloc(out->ndiags + 1, sizeof(*out->diags));
	for (size_t i = 0; !r->bad && i < out->ndiags; i++) {
		out->diags[i].severity = get_u64(r) ? DIAG_ERROR : DIAG_WARNING;
		out->diags[i].line = (long)get_u64(r);
		out->diags[i].col = (long)get_u64(r);
		out->diags[i].msg = get_str(r, NULL);
		if (out->diags[i].msg == NULL)
			r->bad = 1;
	}
	if (!r->bad && out->ev.kind == BATCH_INPUT_END) {
		out->sha256 = get_str(r, NULL);
		out->ev.bytes = get_u64(r);
		out->ev.nsessions = (size_t)get_u64(r);
	} else if (!r->bad && out->ev.kind == BATCH_SESSION)
		out->ev.result = get_result(r);
	if (r->bad || out->path == NULL) {
		*why = xasprintf("%s: truncated or corrupt after %llu records",
		    r->path, (unsigned long long)r->nrecords);
		run_result_free(out->ev.result);
		out->ev.result = NULL;
		shard_event_clear(out);
		return -1;
	}
	out->ev.input = out->input;
	out->ev.path = out->path;
	out->ev.sha256 = out->sha256;
	out->ev.diags = out->diags;
	out->ev.ndiags = out->ndiags;
	r->nrecords++;
	return 1;
}

void
shard_event_clear(struct shard_event *e)
{
	free(e->path);
	free(e->sha256);
	for (size_t i = 0; e->diags != NULL && i < e->ndiags; i++)
		free(e->diags[i].msg);
	free(e->diags);
	memset(e, 0, sizeof(*e));
}

void
shard_reader_close(shard_reader *r)
{
	if (r == NULL)
		return;
	if (r->f != NULL)
		fclose(r->f);
	free(r->path);
	free(r);
}
