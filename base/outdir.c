/* outdir.c -- results folders replaced in one step (outdir.h). */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "outdir.h"
#include "outfile.h"
#include "util.h"

struct outdir {
	char	*dir;		/* the results folder, as given */
	char	*parent;	/* its parent folder */
	char	*name;		/* its last component */
	char	*staging;	/* parent/.name.tmp-PID */
	int	 lock;		/* fd of parent/.name.lock, flock()ed */
};

/* Split dir (trailing slashes dropped) into parent and name. */
static void
split(const char *dir, char **parent, char **name)
{
	char *d = xstrdup(dir), *slash;
	size_t n = strlen(d);

	while (n > 1 && d[n - 1] == '/')
		d[--n] = '\0';
	if ((slash = strrchr(d, '/')) == NULL) {
		*parent = xstrdup(".");
		*name = d;
		return;
	}
	*name = xstrdup(slash + 1);
	*slash = '\0';
	*parent = xstrdup(slash == d ? "/" : d);
	free(d);
}

static int
remove_one(const char *path, const struct stat *st, int flag, struct FTW *f)
{
	(void)st;
	(void)f;
	if (flag == FTW_DP)
		rmdir(path);
	else
		unlink(path);
	return 0;
}

void
outdir_remove_tree(const char *path)
{
	nftw(path, remove_one, 16, FTW_DEPTH | FTW_PHYS);
}

/* fsync one path opened read-only (folders too); -1 on failure. */
static int
sync_path(const char *path, int dir)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW |
	    (dir ? O_DIRECTORY : 0)), rc;

	if (fd < 0)
		return -1;
	rc = fsync(fd);
	close(fd);
	return rc;
}

static char *sync_failed;	/* the path nftw's callback could not sync */

static int
sync_one(const char *path, const struct stat *st, int flag, struct FTW *f)
{
	(void)f;
	if ((flag == FTW_F && S_ISREG(st->st_mode)) || flag == FTW_DP) {
		if (sync_path(path, flag == FTW_DP) != 0) {
			sync_failed = xasprintf("%s: cannot sync to disk: %s",
			    path, strerror(errno));
			return 1;
		}
	}
	return 0;
}

int
outdir_sync_tree(const char *path, char **why)
{
	/* Files first, each folder after its contents (FTW_DEPTH). Not
	 * reentrant: runs on the thread that writes the results. */
	sync_failed = NULL;
	if (nftw(path, sync_one, 16, FTW_DEPTH | FTW_PHYS) != 0) {
		*why = sync_failed != NULL ? sync_failed :
		    xasprintf("%s: cannot sync to disk: %s", path,
		    strerror(errno));
		sync_failed = NULL;
		return -1;
	}
	return 0;
}

/* Is the existing folder dir one rapport may replace: empty, or with a
 * manifest.json (a results folder)? */
static int
replaceable(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int empty = 1, manifest = 0;

	if (d == NULL)
		return 0;
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		empty = 0;
		manifest |= strcmp(e->d_name, "manifest.json") == 0;
	}
	closedir(d);
	return empty || manifest;
}

/* Remove what dead runs left beside dir: .name.tmp-* and .name.old-*. */
static void
clear_leftovers(const outdir *o)
{
	char *tmp = xasprintf(".%s.tmp-", o->name);
	char *old = xasprintf(".%s.old-", o->name);
	DIR *d = opendir(o->parent);
	struct dirent *e;

	while (d != NULL && (e = readdir(d)) != NULL)
		if (strncmp(e->d_name, tmp, strlen(tmp)) == 0 ||
		    strncmp(e->d_name, old, strlen(old)) == 0) {
			char *p = xasprintf("%s/%s", o->parent, e->d_name);

			outdir_remove_tree(p);
			free(p);
		}
	if (d != NULL)
		closedir(d);
	free(tmp);
	free(old);
}

static void
outdir_free(outdir *o)
{
	if (o->lock >= 0)
		close(o->lock);		/* releases the flock */
	free(o->dir);
	free(o->parent);
	free(o->name);
	free(o->staging);
	free(o);
}

outdir *
outdir_begin(const char *dir, char **why)
{
	outdir *o;
	struct stat st;
	char *lock;

	if (dir == NULL || *dir == '\0') {
		*why = xstrdup("the results folder name is empty");
		return NULL;
	}
	if (lstat(dir, &st) == 0) {
		if (S_ISLNK(st.st_mode)) {
			*why = xasprintf("%s is a symbolic link: give the results "
			    "folder itself", dir);
			return NULL;
		}
		if (!S_ISDIR(st.st_mode)) {
			*why = xasprintf("%s exists and is not a folder", dir);
			return NULL;
		}
		if (!replaceable(dir)) {
			*why = xasprintf("%s exists and is not a rapport results "
			    "folder (it is not empty and has no manifest.json): "
			    "it is left alone; give another -o", dir);
			return NULL;
		}
	} else if (errno != ENOENT) {
		*why = xasprintf("%s: %s", dir, strerror(errno));
		return NULL;
	}
	o = xcalloc(1, sizeof(*o));
	o->lock = -1;
	o->dir = xstrdup(dir);
	split(dir, &o->parent, &o->name);
	if (strcmp(o->name, ".") == 0 || strcmp(o->name, "..") == 0 ||
	    strcmp(o->name, "/") == 0) {
		*why = xasprintf("%s: name the results folder itself, not . or "
		    "..", dir);
		outdir_free(o);
		return NULL;
	}
	if (outfile_mkdirs(o->parent, why) != 0) {
		outdir_free(o);
		return NULL;
	}
	lock = xasprintf("%s/.%s.lock", o->parent, o->name);
	o->lock = open(lock, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
	if (o->lock < 0) {
		*why = xasprintf("%s: cannot make the lock file: %s", lock,
		    strerror(errno));
		free(lock);
		outdir_free(o);
		return NULL;
	}
	if (flock(o->lock, LOCK_EX | LOCK_NB) != 0) {
		*why = xasprintf("%s is being written by another rapport run "
		    "(it holds %s): wait for it to finish, or give another "
		    "-o", dir, lock);
		free(lock);
		outdir_free(o);
		return NULL;
	}
	free(lock);
	clear_leftovers(o);
	o->staging = xasprintf("%s/.%s.tmp-%ld", o->parent, o->name,
	    (long)getpid());
	if (mkdir(o->staging, 0777) != 0) {
		*why = xasprintf("%s: cannot create folder: %s", o->staging,
		    strerror(errno));
		outdir_free(o);
		return NULL;
	}
	return o;
}

const char *
outdir_path(const outdir *o)
{
	return o->staging;
}

int
outdir_replace(const char *from, const char *to, char **why)
{
	struct stat st;
	char *old;
	int rc = 0;

	if (lstat(to, &st) != 0) {
		if (rename(from, to) != 0) {
			*why = xasprintf("cannot rename %s to %s: %s", from, to,
			    strerror(errno));
			return -1;
		}
		return 0;
	}
#ifdef HAVE_RENAMEAT2
	/* One atomic step: the old folder is now at from. */
	if (renameat2(AT_FDCWD, from, AT_FDCWD, to, RENAME_EXCHANGE) == 0) {
		outdir_remove_tree(from);
		return 0;
	}
	if (errno != EINVAL && errno != ENOSYS) {
		*why = xasprintf("cannot put %s in the place of %s: %s", from, to,
		    strerror(errno));
		return -1;
	}
#endif
	/* A file system without an atomic exchange: two renames. In
	 * between, to is missing (never mixed); the old one comes back when
	 * the second fails. */
	old = xasprintf("%s.old-%ld", from, (long)getpid());
	if (rename(to, old) != 0) {
		*why = xasprintf("cannot move %s aside: %s", to, strerror(errno));
		rc = -1;
	} else if (rename(from, to) != 0) {
		*why = xasprintf("cannot rename %s to %s: %s", from, to,
		    strerror(errno));
		rename(old, to);
		rc = -1;
	} else
		outdir_remove_tree(old);
	free(old);
	return rc;
}

int
outdir_commit(outdir *o, char **why)
{
	int rc = -1;

	if (outdir_sync_tree(o->staging, why) == 0 &&
	    outdir_replace(o->staging, o->dir, why) == 0) {
		/* The rename itself is durable once the parent is synced. */
		if (sync_path(o->parent, 1) != 0) {
			*why = xasprintf("%s: cannot sync to disk: %s", o->parent,
			    strerror(errno));
		} else
			rc = 0;
	}
	if (rc != 0)
		outdir_remove_tree(o->staging);
	outdir_free(o);
	return rc;
}

void
outdir_abort(outdir *o)
{
	if (o == NULL)
		return;
	outdir_remove_tree(o->staging);
	outdir_free(o);
}
