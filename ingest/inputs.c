/* inputs.c -- expand INPUT arguments into a sorted list of files. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "import.h"
#include "inputs.h"
#include "util.h"

/* Append path; root is the INPUT argument it was found under (NULL: the
 * argument itself), for its key (inputs.h). */
static void
add_under(struct inputs *out, char *path, char *why, const char *root)
{
	size_t key = 0, n = strlen(path);

	if (root != NULL && strncmp(path, root, strlen(root)) == 0) {
		key = strlen(root);
		while (key < n && path[key] == '/')
			key++;
	}
	if (root == NULL || key >= n) {	/* a file INPUT, or the root */
		const char *slash = strrchr(path, '/');

		key = slash != NULL && slash[1] != '\0' ?
		    (size_t)(slash + 1 - path) : 0;
	}
	out->v = xgrow(out->v, &out->cap, out->n + 1, sizeof(*out->v));
	out->v[out->n].path = path;
	out->v[out->n].why = why;
	out->v[out->n].key = key;
	out->n++;
}

static void
add(struct inputs *out, char *path, char *why)
{
	add_under(out, path, why, NULL);
}

/* Is name a transcript's, by its extension: .xml or one an importer
 * reads (import.h)? */
static int
is_transcript_name(const char *name)
{
	const struct import_format *const *f;
	const char *dot = strrchr(name, '.');
	size_t n;

	if (dot == NULL || dot == name)
		return 0;
	if (strcasecmp(dot + 1, "xml") == 0)
		return 1;
	f = import_formats(&n);
	for (size_t i = 0; i < n; i++) {
		const char *p = f[i]->exts;

		while (*p != '\0') {
			size_t k = strcspn(p, " ");

			if (k == strlen(dot + 1) &&
			    strncasecmp(p, dot + 1, k) == 0)
				return 1;
			p += k + (p[k] == ' ');
		}
	}
	return 0;
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
walk(struct inputs *out, const char *dir, const char *root)
{
	DIR *d;
	struct dirent *e;
	char **names = NULL;
	size_t n = 0, cap = 0;

	if ((d = opendir(dir)) == NULL) {
		add_under(out, xstrdup(dir), xasprintf("cannot read directory: %s",
		    strerror(errno)), root);
		return;
	}
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		names = xgrow(names, &cap, n + 1, sizeof(*names));
		names[n++] = xstrdup(e->d_name);
	}
	closedir(d);
	if (n > 1)
		qsort(names, n, sizeof(*names), by_name);
	for (size_t i = 0; i < n; i++) {
		size_t dl = strlen(dir);
		char *path = xasprintf("%s%s%s", dir,
		    dl > 0 && dir[dl - 1] == '/' ? "" : "/", names[i]);
		struct stat st;

		if (lstat(path, &st) != 0) {
			if (is_transcript_name(names[i]))
				add_under(out, path, xasprintf("cannot access: %s",
				    strerror(errno)), root);
			else
				free(path);
		} else if (S_ISDIR(st.st_mode)) {
			walk(out, path, root);
			free(path);
		} else if (!is_transcript_name(names[i])) {
			free(path);
		} else if (S_ISLNK(st.st_mode) && stat(path, &st) != 0) {
			add_under(out, path, errno == ENOENT ?
			    xstrdup("dangling symbolic link") :
			    xasprintf("cannot follow symbolic link: %s",
			    strerror(errno)), root);
		} else if (S_ISREG(st.st_mode)) {
			add_under(out, path, NULL, root);
		} else if (S_ISDIR(st.st_mode)) {
			free(path);	/* a link to a directory: not followed */
		} else {
			add_under(out, path, xstrdup("not a regular file (FIFO, "
			    "socket or device); refused"), root);
		}
		free(names[i]);
	}
	free(names);
}

void
inputs_expand(struct inputs *out, char *const *args, int nargs)
{
	for (int i = 0; i < nargs; i++) {
		struct stat st;

		if (strcmp(args[i], "-") == 0)
			add(out, xstrdup("-"), NULL);
		else if (stat(args[i], &st) != 0)
			add(out, xstrdup(args[i]), xasprintf("cannot access: %s",
			    strerror(errno)));
		else if (S_ISDIR(st.st_mode))
			walk(out, args[i], args[i]);
		else if (S_ISREG(st.st_mode))
			add(out, xstrdup(args[i]), NULL);
		else
			add(out, xstrdup(args[i]), xstrdup("not a regular file "
			    "(FIFO, socket or device); refused"));
	}
}

void
inputs_skip(struct inputs *in, const char *path)
{
	struct stat a, b;
	size_t k = 0;

	if (path == NULL || stat(path, &a) != 0)
		return;
	for (size_t i = 0; i < in->n; i++) {
		if (in->v[i].why == NULL && strcmp(in->v[i].path, "-") != 0 &&
		    stat(in->v[i].path, &b) == 0 && a.st_dev == b.st_dev &&
		    a.st_ino == b.st_ino) {
			free(in->v[i].path);
			continue;
		}
		in->v[k++] = in->v[i];
	}
	in->n = k;
}

void
inputs_free(struct inputs *in)
{
	for (size_t i = 0; i < in->n; i++) {
		free(in->v[i].path);
		free(in->v[i].why);
	}
	free(in->v);
	in->v = NULL;
	in->n = in->cap = 0;
}
