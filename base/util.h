/* util.h -- allocation wrappers, a growable string buffer, small helpers.
 *
 * Allocation failure is fatal (tmux xmalloc.c): call sites stay readable and
 * no caller has to handle an out-of-memory path it cannot test.
 */
#ifndef RAPPORT_UTIL_H
#define RAPPORT_UTIL_H

#include <stdarg.h>
#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
/* Grow *p (holding *cap elements of size) so it holds at least need. */
void *xgrow(void *p, size_t *cap, size_t need, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* printf into a new string; the caller frees it with free(). */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap);

/* A regular file read whole (NUL-terminated); 0, or -1 and *why. */
int read_regular_file(const char *path, char **out, size_t *len,
    char **why);

/* A growable NUL-terminated byte buffer. Zero-initialise to start. */
typedef struct strbuf {
	char	*s;
	size_t	 len;
	size_t	 cap;
} strbuf;

void	strbuf_add(strbuf *b, const char *p, size_t n);
void	strbuf_adds(strbuf *b, const char *s);
void	strbuf_addc(strbuf *b, char c);
void	strbuf_addf(strbuf *b, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
void	strbuf_reset(strbuf *b);
/* Give the buffer's string to the caller (free() it) and reset b. */
char   *strbuf_release(strbuf *b);
void	strbuf_free(strbuf *b);

/* An arena: many small allocations freed together (one per session). */
typedef struct arena arena;
arena  *arena_create(void);
void   *arena_alloc(arena *a, size_t n);
char   *arena_strndup(arena *a, const char *s, size_t n);
char   *arena_strdup(arena *a, const char *s);
void	arena_destroy(arena *a);

/* A set of strings (hash table with linear probing). Zero-initialise. */
typedef struct strset {
	char	**slot;
	size_t	  n, cap;
} strset;

/* Add a copy of s; returns 0 when it was new, -1 when already there. */
int	strset_add(strset *set, const char *s);
void	strset_free(strset *set);

/* A map from strings to indexes (hash table with linear probing). The
 * keys are borrowed: they must outlive the map. Zero-initialise. */
typedef struct strmap {
	const char	**key;
	size_t		 *val;
	size_t		  n, cap;
} strmap;

/* Map key to val unless key is there: 0 when added, -1 (nothing
 * changed) when key was there. */
int	strmap_add(strmap *m, const char *key, size_t val);
/* The value of key, or -1 when it is not there. */
long	strmap_get(const strmap *m, const char *key);
void	strmap_free(strmap *m);

/* A copy of s fit for one line of a message: control characters shown
 * as \n, \t or \xNN, and cut after max bytes with "...". free() it. */
char	*printable(const char *s, size_t max);

/* Is [s, s+n) valid UTF-8 (no overlongs, no surrogates, <= U+10FFFF)? */
int	utf8_valid(const char *s, size_t n);

#endif
