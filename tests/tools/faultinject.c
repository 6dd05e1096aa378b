/* faultinject.c -- an LD_PRELOAD shim that fails one I/O call.
 *
 * For tests/integrity.test: with RAPPORT_FAULT_AT=N in the environment,
 * the Nth call (counting from 1, over all the functions below, in the
 * order the process makes them) fails as a full disk would (ENOSPC; EIO
 * for fsync and rename). When RAPPORT_FAULT_LOG names a
 * file, the shim appends "fired N FUNCTION" there when it fails a call,
 * and "calls TOTAL" at exit, so the test knows when N has passed the
 * last call. Built by the test itself: cc -shared -fPIC ... -ldl.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

static long at = -1, calls;

static void
note(const char *what)
{
	const char *log = getenv("RAPPORT_FAULT_LOG");
	int fd;
	char buf[128];
	int n;

	if (log == NULL)
		return;
	n = snprintf(buf, sizeof(buf), "%s\n", what);
	if ((fd = open(log, O_WRONLY | O_CREAT | O_APPEND, 0644)) >= 0) {
		/* The real write: this one must not count. */
		ssize_t (*real)(int, const void *, size_t) =
		    (ssize_t (*)(int, const void *, size_t))dlsym(RTLD_NEXT,
		    "write");

		real(fd, buf, (size_t)n);
		close(fd);
	}
}

static void __attribute__((destructor))
report(void)
{
	char buf[64];

	snprintf(buf, sizeof(buf), "calls %ld", calls);
	note(buf);
}

/* Does this call fail? */
static int
fail(const char *fn)
{
	if (at < 0) {
		const char *e = getenv("RAPPORT_FAULT_AT");

		at = e != NULL ? atol(e) : 0;
	}
	if (++calls == at) {
		char buf[96];

		snprintf(buf, sizeof(buf), "fired %ld %s", calls, fn);
		note(buf);
		return 1;
	}
	return 0;
}

#define REAL(ret, name, args) \
	static ret (*real_##name) args; \
	if (real_##name == NULL) \
		real_##name = (ret (*) args)dlsym(RTLD_NEXT, #name)

ssize_t
write(int fd, const void *buf, size_t n)
{
	REAL(ssize_t, write, (int, const void *, size_t));
	if (fd > 2 && fail("write")) {
		errno = ENOSPC;
		return -1;
	}
	return real_write(fd, buf, n);
}

ssize_t
pwrite(int fd, const void *buf, size_t n, off_t off)
{
	REAL(ssize_t, pwrite, (int, const void *, size_t, off_t));
	if (fail("pwrite")) {
		errno = ENOSPC;
		return -1;
	}
	return real_pwrite(fd, buf, n, off);
}

ssize_t
pwrite64(int fd, const void *buf, size_t n, off_t off)
{
	REAL(ssize_t, pwrite64, (int, const void *, size_t, off_t));
	if (fail("pwrite64")) {
		errno = ENOSPC;
		return -1;
	}
	return real_pwrite64(fd, buf, n, off);
}

size_t
fwrite(const void *p, size_t size, size_t n, FILE *f)
{
	REAL(size_t, fwrite, (const void *, size_t, size_t, FILE *));
	if (f != stdout && f != stderr && fail("fwrite")) {
		errno = ENOSPC;
		return 0;
	}
	return real_fwrite(p, size, n, f);
}

int
fflush(FILE *f)
{
	REAL(int, fflush, (FILE *));
	if (f != NULL && f != stdout && f != stderr && fail("fflush")) {
		errno = ENOSPC;
		return EOF;
	}
	return real_fflush(f);
}

int
fclose(FILE *f)
{
	REAL(int, fclose, (FILE *));
	if (f != stdout && f != stderr && fail("fclose")) {
		real_fclose(f);		/* closed all the same */
		errno = ENOSPC;
		return EOF;
	}
	return real_fclose(f);
}

int
fsync(int fd)
{
	REAL(int, fsync, (int));
	if (fail("fsync")) {
		errno = EIO;
		return -1;
	}
	return real_fsync(fd);
}

int
fdatasync(int fd)
{
	REAL(int, fdatasync, (int));
	if (fail("fdatasync")) {
		errno = EIO;
		return -1;
	}
	return real_fdatasync(fd);
}

int
rename(const char *a, const char *b)
{
	REAL(int, rename, (const char *, const char *));
	if (fail("rename")) {
		errno = EIO;
		return -1;
	}
	return real_rename(a, b);
}

int
renameat2(int fa, const char *a, int fb, const char *b, unsigned flags)
{
	REAL(int, renameat2, (int, const char *, int, const char *, unsigned));
	if (fail("renameat2")) {
		errno = EIO;
		return -1;
	}
	return real_renameat2(fa, a, fb, b, flags);
}
