/* util.c -- allocation wrappers, string buffer, arena, UTF-8 check. */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util.h"

static void
oom(size_t n)
{
	fprintf(stderr, "rapport: out of memory (allocating %zu bytes)\n", n);
	abort();
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		oom(n);
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (p == NULL)
		oom(n * size);
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (q == NULL)
		oom(n);
	return q;
}

void *
xgrow(void *p, size_t *cap, size_t need, size_t size)
{
	size_t c = *cap;

	if (need <= c)
		return p;
	if (c < 8)
		c = 8;
	while (c < need) {
		if (c > SIZE_MAX / 2 / size)
			oom(SIZE_MAX);
		c *= 2;
	}
	*cap = c;
	return xrealloc(p, c * size);
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
xvasprintf(const char *fmt, va_list ap)
{
	va_list ap2;
	int n;
	char *p;

	va_copy(ap2, ap);
	n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		oom(0);
	p = xmalloc((size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *
xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *p;

	va_start(ap, fmt);
	p = xvasprintf(fmt, ap);
	va_end(ap);
	return p;
}

void
strbuf_add(strbuf *b, const char *p, size_t n)
{
	b->s = xgrow(b->s, &b->cap, b->len + n + 1, 1);
	memcpy(b->s + b->len, p, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void
strbuf_adds(strbuf *b, const char *s)
{
	strbuf_add(b, s, strlen(s));
}

void
strbuf_addc(strbuf *b, char c)
{
	strbuf_add(b, &c, 1);
}

void
strbuf_addf(strbuf *b, const char *fmt, ...)
{
	va_list ap;
	char *p;

	va_start(ap, fmt);
	p = xvasprintf(fmt, ap);
	va_end(ap);
	strbuf_adds(b, p);
	free(p);
}

void
strbuf_reset(strbuf *b)
{
	b->len = 0;
	if (b->s != NULL)
		b->s[0] = '\0';
}

char *
strbuf_release(strbuf *b)
{
	char *s = b->s != NULL ? b->s : xstrdup("");

	b->s = NULL;
	b->len = b->cap = 0;
	return s;
}

void
strbuf_free(strbuf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}

/*
 * The arena hands out memory from chunks, the first ARENA_FIRST bytes and
 * each next one twice the last up to ARENA_CHUNK (larger requests get a
 * chunk of their own), and frees every chunk at once.
 */
#define ARENA_CHUNK	(64 * 1024)
#define ARENA_FIRST	1024

struct arena_chunk {
	struct arena_chunk	*next;
	size_t			 used;
	size_t			 size;
	max_align_t		 data[];
};

struct arena {
	struct arena_chunk	*head;
	size_t			 next;	/* size of the next chunk */
};

arena *
arena_create(void)
{
	return xcalloc(1, sizeof(arena));
}

void *
arena_alloc(arena *a, size_t n)
{
	struct arena_chunk *c = a->head;
	size_t align = sizeof(max_align_t);

	n = (n + align - 1) / align * align;
	if (c == NULL || c->size - c->used < n) {
		size_t size;

		/* Chunks grow from ARENA_FIRST to ARENA_CHUNK: an arena per
		 * session stays small for a short session (a CSV of 100,000
		 * one-line sessions) and needs few chunks for a long one. */
		a->next = a->next == 0 ? ARENA_FIRST : a->next < ARENA_CHUNK ?
		    a->next * 2 : ARENA_CHUNK;
		size = n > a->next ? n : a->next;

		c = xmalloc(sizeof(*c) + size);
		c->used = 0;
		c->size = size;
		c->next = a->head;
		a->head = c;
	}
	c->used += n;
	return (char *)c->data + c->used - n;
}

char *
arena_strndup(arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
arena_strdup(arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

void
arena_destroy(arena *a)
{
	struct arena_chunk *c, *next;

	if (a == NULL)
		return;
	for (c = a->head; c != NULL; c = next) {
		next = c->next;
		free(c);
	}
	free(a);
}

static uint64_t
hash_str(const char *s)
{
	uint64_t h = 1469598103934665603ULL;	/* FNV-1a */

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

/* Put s into a table of cap (a power of two) slots with room. */
static void
strset_place(char **slot, size_t cap, char *s)
{
	size_t i = hash_str(s) & (cap - 1);

	while (slot[i] != NULL)
		i = (i + 1) & (cap - 1);
	slot[i] = s;
}

int
strset_add(strset *set, const char *s)
{
	size_t i;

	if (set->n * 2 >= set->cap) {
		size_t cap = set->cap ? set->cap * 2 : 64;
		char **slot = xcalloc(cap, sizeof(char *));

		for (i = 0; i < set->cap; i++)
			if (set->slot[i] != NULL)
				strset_place(slot, cap, set->slot[i]);
		free(set->slot);
		set->slot = slot;
		set->cap = cap;
	}
	for (i = hash_str(s) & (set->cap - 1); set->slot[i] != NULL;
	    i = (i + 1) & (set->cap - 1))
		if (strcmp(set->slot[i], s) == 0)
			return -1;
	set->slot[i] = xstrdup(s);
	set->n++;
	return 0;
}

void
strset_free(strset *set)
{
	for (size_t i = 0; i < set->cap; i++)
		free(set->slot[i]);
	free(set->slot);
	set->slot = NULL;
	set->n = set->cap = 0;
}

char *
printable(const char *s, size_t max)
{
	strbuf b = { 0 };
	size_t i;

	for (i = 0; s[i] != '\0' && b.len < max; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '\n')
			strbuf_adds(&b, "\\n");
		else if (c == '\t')
			strbuf_adds(&b, "\\t");
		else if (c < 0x20 || c == 0x7f)
			strbuf_addf(&b, "\\x%02x", c);
		else
			strbuf_addc(&b, (char)c);
	}
	if (s[i] != '\0') {
		/* Do not cut a UTF-8 sequence in two: drop the last one when
		 * it is incomplete, keep it when it is whole. */
		size_t j = b.len;

		while (j > 0 && ((unsigned char)b.s[j - 1] & 0xc0) == 0x80)
			j--;
		if (j > 0 && (unsigned char)b.s[j - 1] >= 0xc0) {
			unsigned char lead = (unsigned char)b.s[j - 1];
			size_t want = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;

			if (b.len - (j - 1) < want)
				b.len = j - 1;
		}
		/* strbuf_adds() ends the string (b.s is NULL when max is 0). */
		strbuf_adds(&b, "...");
	}
	return strbuf_release(&b);
}

int
utf8_valid(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + n;

	while (p < end) {
		unsigned c = *p;
		size_t len;
		uint32_t cp, min;

		if (c < 0x80) {
			p++;
			continue;
		} else if ((c & 0xe0) == 0xc0) {
			len = 2, cp = c & 0x1f, min = 0x80;
		} else if ((c & 0xf0) == 0xe0) {
			len = 3, cp = c & 0x0f, min = 0x800;
		} else if ((c & 0xf8) == 0xf0) {
			len = 4, cp = c & 0x07, min = 0x10000;
		} else
			return 0;
		if ((size_t)(end - p) < len)
			return 0;
		for (size_t i = 1; i < len; i++) {
			if ((p[i] & 0xc0) != 0x80)
				return 0;
			cp = (cp << 6) | (p[i] & 0x3f);
		}
		if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			return 0;
		p += len;
	}
	return 1;
}

/* Put key -> val in the free slot of its probe sequence. */
static void
strmap_place(strmap *m, const char *key, size_t val)
{
	size_t i = hash_str(key) & (m->cap - 1);

	while (m->key[i] != NULL)
		i = (i + 1) & (m->cap - 1);
	m->key[i] = key;
	m->val[i] = val;
}

int
strmap_add(strmap *m, const char *key, size_t val)
{
	if (strmap_get(m, key) >= 0)
		return -1;
	if (2 * (m->n + 1) > m->cap) {
		strmap old = *m;

		m->cap = old.cap ? old.cap * 2 : 64;
		m->key = xcalloc(m->cap, sizeof(*m->key));
		m->val = xcalloc(m->cap, sizeof(*m->val));
		for (size_t i = 0; i < old.cap; i++)
			if (old.key[i] != NULL)
				strmap_place(m, old.key[i], old.val[i]);
		free(old.key);
		free(old.val);
	}
	strmap_place(m, key, val);
	m->n++;
	return 0;
}

long
strmap_get(const strmap *m, const char *key)
{
	if (m->cap == 0 || key == NULL)
		return -1;
	for (size_t i = hash_str(key) & (m->cap - 1); m->key[i] != NULL;
	    i = (i + 1) & (m->cap - 1))
		if (strcmp(m->key[i], key) == 0)
			return (long)m->val[i];
	return -1;
}

void
strmap_free(strmap *m)
{
	free(m->key);
	free(m->val);
	memset(m, 0, sizeof(*m));
}

/* Read the regular file path whole into *out (NUL-terminated, the caller
 * frees it) and its length into *outlen. Returns 0, or -1 with *why set
 * (the caller frees it). Only regular files are read, as the input walk
 * does (ingest/inputs.c): a FIFO named "x.rules" or "manifest.json" would
 * otherwise block the open until a writer came, hanging the command. */
int
read_regular_file(const char *path, char **out, size_t *outlen, char **why)
{
	FILE *f = NULL;
	strbuf b = { 0 };
	char chunk[65536];
	struct stat st;
	size_t n;
	int fd;

	/* O_NONBLOCK: opening a FIFO must not wait for a writer. */
	if ((fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)) < 0) {
		*why = xasprintf("cannot read: %s", strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) != 0) {
		*why = xasprintf("cannot read: %s", strerror(errno));
		close(fd);
		return -1;
	}
	if (!S_ISREG(st.st_mode)) {
		*why = xstrdup(S_ISDIR(st.st_mode) ? "is a directory" :
		    "not a regular file (FIFO, socket or device); refused");
		close(fd);
		return -1;
	}
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	if ((f = fdopen(fd, "rb")) == NULL) {
		*why = xasprintf("cannot read: %s", strerror(errno));
		close(fd);
		return -1;
	}
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		strbuf_add(&b, chunk, n);
	if (ferror(f)) {
		*why = xasprintf("cannot read: %s", strerror(errno));
		fclose(f);
		strbuf_free(&b);
		return -1;
	}
	fclose(f);
	if (b.s == NULL)
		strbuf_add(&b, "", 0);
	*outlen = b.len;
	*out = strbuf_release(&b);
	return 0;
}
