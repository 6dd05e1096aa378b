/* outfile.c -- atomic output files: temporary name, then rename. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "outfile.h"
#include "util.h"

struct outfile {
	FILE	*fp;
	char	*tmp;
	char	*final;
};

/*
 * The temporary paths open now, for the signal handler. Only the thread
 * that opens and commits files changes the table; a slot's path is set
 * before the slot is counted and cleared before it is freed, so the
 * handler sees either a complete path or NULL.
 */
#define MAX_OPEN	16
static char *volatile open_tmp[MAX_OPEN];

static void
track(char *tmp)
{
	for (int i = 0; i < MAX_OPEN; i++)
		if (open_tmp[i] == NULL) {
			open_tmp[i] = tmp;
			return;
		}
}

static void
untrack(const char *tmp)
{
	for (int i = 0; i < MAX_OPEN; i++)
		if (open_tmp[i] == tmp)
			open_tmp[i] = NULL;
}

static void
on_signal(int sig)
{
	for (int i = 0; i < MAX_OPEN; i++)
		if (open_tmp[i] != NULL)
			unlink(open_tmp[i]);	/* async-signal-safe */
	signal(sig, SIG_DFL);
	raise(sig);
}

void
outfile_cleanup_on_signal(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
}

int
outfile_mkdirs(const char *dir, char **why)
{
	char *p = xstrdup(dir);
	struct stat st;

	for (char *q = p + 1; ; q++) {
		if (*q == '/' || *q == '\0') {
			char c = *q;

			*q = '\0';
			if (mkdir(p, 0777) != 0 && (errno != EEXIST ||
			    stat(p, &st) != 0 || !S_ISDIR(st.st_mode))) {
				*why = xasprintf("%s: cannot create directory: %s",
				    p, strerror(errno == EEXIST ? ENOTDIR : errno));
				free(p);
				return -1;
			}
			*q = c;
			if (c == '\0')
				break;
		}
	}
	free(p);
	return 0;
}

outfile *
outfile_open(const char *dir, const char *name, char **why)
{
	outfile *f = xcalloc(1, sizeof(*f));
	int fd;

	f->final = xasprintf("%s/%s", dir, name);
	f->tmp = xasprintf("%s/.%s.tmp-%ld", dir, name, (long)getpid());
	/* A new file, never one that is there: a symbolic link planted
	 * under the temporary name cannot redirect the write (a dead run's
	 * own leftover is removed first). */
	unlink(f->tmp);
	fd = open(f->tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
	    0666);
	if (fd < 0 || (f->fp = fdopen(fd, "w")) == NULL) {
		*why = xasprintf("%s: cannot write: %s", f->tmp, strerror(errno));
		if (fd >= 0)
			close(fd);
		free(f->tmp);
		free(f->final);
		free(f);
		return NULL;
	}
	track(f->tmp);
	return f;
}

FILE *
outfile_stream(outfile *f)
{
	return f->fp;
}

const char *
outfile_tmppath(const outfile *f)
{
	return f->tmp;
}

int
outfile_finish(outfile *f, char **why)
{
	int bad;

	if (f->fp == NULL)
		return 0;
	/* Written to the disk before it is renamed: a crash never leaves
	 * a renamed file whose data was not written. */
	bad = fflush(f->fp) != 0 || ferror(f->fp) || fsync(fileno(f->fp)) != 0;
	bad |= fclose(f->fp) != 0;
	f->fp = NULL;
	if (bad) {
		*why = xasprintf("%s: write error: %s", f->tmp, strerror(errno));
		return -1;
	}
	return 0;
}

int
outfile_commit(outfile *f, char **why)
{
	if (outfile_finish(f, why) != 0)
		return -1;
	if (rename(f->tmp, f->final) != 0) {
		*why = xasprintf("%s: cannot rename to %s: %s", f->tmp, f->final,
		    strerror(errno));
		return -1;
	}
	untrack(f->tmp);
	free(f->tmp);
	free(f->final);
	free(f);
	return 0;
}

void
outfile_abort(outfile *f)
{
	if (f == NULL)
		return;
	if (f->fp != NULL)
		fclose(f->fp);
	unlink(f->tmp);
	untrack(f->tmp);
	free(f->tmp);
	free(f->final);
	free(f);
}
