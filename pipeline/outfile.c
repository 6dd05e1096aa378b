/* outfile.c -- atomic output files: temporary name, then rename. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
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

int
outfile_mkdirs(const char *dir, char **why)
{
	char *p = xstrdup(dir);

	for (char *q = p + 1; ; q++) {
		if (*q == '/' || *q == '\0') {
			char c = *q;

			*q = '\0';
			if (mkdir(p, 0777) != 0 && errno != EEXIST) {
				*why = xasprintf("%s: cannot create directory: %s",
				    p, strerror(errno));
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
	fd = open(f->tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
	if (fd < 0 || (f->fp = fdopen(fd, "w")) == NULL) {
		*why = xasprintf("%s: cannot write: %s", f->tmp, strerror(errno));
		if (fd >= 0)
			close(fd);
		free(f->tmp);
		free(f->final);
		free(f);
		return NULL;
	}
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
	bad = fflush(f->fp) != 0 || ferror(f->fp);
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
	free(f->tmp);
	free(f->final);
	free(f);
}
