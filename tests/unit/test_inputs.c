/* test_inputs.c -- unit tests of ingest/inputs.c: INPUT arguments
 * expanded into a sorted list of files. */
#include "config.h"

#include "unit.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "inputs.h"
#include "util.h"

#define tmpdir unit_tmpdir()

/* Create an empty file tmpdir/name. */
static void
touch(const char *name)
{
	char *path = xasprintf("%s/%s", tmpdir, name);
	FILE *f = fopen(path, "wb");

	ck_assert_msg(f != NULL, "%s", path);
	fputs("x", f);
	fclose(f);
	free(path);
}

static void
mkdir_tmp(const char *name)
{
	char *path = xasprintf("%s/%s", tmpdir, name);

	ck_assert_int_eq(mkdir(path, 0700), 0);
	free(path);
}

/* in->v[i].path with the prefix tmpdir/ removed. */
static const char *
rel(const struct inputs *in, size_t i)
{
	size_t n = strlen(tmpdir);

	ck_assert_uint_lt(i, in->n);
	ck_assert_int_eq(strncmp(in->v[i].path, tmpdir, n), 0);
	ck_assert_int_eq(in->v[i].path[n], '/');
	return in->v[i].path + n + 1;
}

/* Expand the one argument tmpdir/name. */
static void
expand(struct inputs *in, const char *name)
{
	char *arg = xasprintf("%s/%s", tmpdir, name);
	char *args[1] = { arg };

	inputs_expand(in, args, 1);
	free(arg);
}

START_TEST(test_sorted)
{
	struct inputs in = { 0 };
	char *p;

	mkdir_tmp("walk");
	mkdir_tmp("walk/b-sub");
	touch("walk/c.xml");
	touch("walk/a.xml");
	touch("walk/b-sub/z.XML");
	touch("walk/notes.md");
	touch("walk/.hidden.xml");
	p = xasprintf("%s/walk/dangling.xml", tmpdir);
	ck_assert_int_eq(symlink("/nonexistent/x.xml", p), 0);
	free(p);
	p = xasprintf("%s/walk/fifo.xml", tmpdir);
	ck_assert_int_eq(mkfifo(p, 0600), 0);
	free(p);
	expand(&in, "walk");
	ck_assert_uint_eq(in.n, 5);
	ck_assert_str_eq(rel(&in, 0), "walk/a.xml");
	ck_assert_ptr_null(in.v[0].why);
	ck_assert_str_eq(rel(&in, 1), "walk/b-sub/z.XML");
	ck_assert_str_eq(rel(&in, 2), "walk/c.xml");
	ck_assert_str_eq(rel(&in, 3), "walk/dangling.xml");
	ck_assert_str_eq(in.v[3].why, "dangling symbolic link");
	ck_assert_str_eq(rel(&in, 4), "walk/fifo.xml");
	ck_assert_ptr_nonnull(strstr(in.v[4].why, "not a regular file"));
	inputs_free(&in);
	ck_assert_uint_eq(in.n, 0);
	ck_assert_ptr_null(in.v);
}
END_TEST

/* Byte order of names (not the locale's, not numeric), directories
 * taken at their place in that order, recursively. */
START_TEST(test_byte_order_recursion)
{
	static const char *const want[] = {
		"order/10.xml", "order/9.xml", "order/B.xml",
		"order/M/1.xml", "order/M/deeper/still/x.xml",
		"order/M/z.xml", "order/Z.xml", "order/_u.xml",
		"order/a.XmL", "order/a.xml", "order/m.xml",
		"order/\xc3\xa9t\xc3\xa9.xml",
	};
	struct inputs in = { 0 };

	mkdir_tmp("order");
	mkdir_tmp("order/M");
	mkdir_tmp("order/M/deeper");
	mkdir_tmp("order/M/deeper/still");
	mkdir_tmp("order/.git");
	touch("order/m.xml");
	touch("order/\xc3\xa9t\xc3\xa9.xml");
	touch("order/a.xml");
	touch("order/a.XmL");
	touch("order/_u.xml");
	touch("order/Z.xml");
	touch("order/M/z.xml");
	touch("order/M/1.xml");
	touch("order/M/deeper/still/x.xml");
	touch("order/B.xml");
	touch("order/9.xml");
	touch("order/10.xml");
	/* Not listed: dot-files and dot-directories, other extensions. */
	touch("order/.a.xml");
	touch("order/.git/config.xml");
	touch("order/M/.swp.xml");
	touch("order/a.xml.bak");
	touch("order/xml");
	touch("order/readme.md");
	expand(&in, "order");
	ck_assert_uint_eq(in.n, sizeof(want) / sizeof(want[0]));
	for (size_t i = 0; i < in.n; i++) {
		ck_assert_str_eq(rel(&in, i), want[i]);
		ck_assert_ptr_null(in.v[i].why);
	}
	inputs_free(&in);
}
END_TEST

START_TEST(test_links)
{
	struct inputs in = { 0 };
	char *p, *target;

	mkdir_tmp("links");
	mkdir_tmp("links/real");
	touch("links/real/s.xml");
	/* A link to a directory is not followed (here it would loop), also
	 * when its name ends in .xml. */
	p = xasprintf("%s/links/loop", tmpdir);
	ck_assert_int_eq(symlink(".", p), 0);
	free(p);
	p = xasprintf("%s/links/dir.xml", tmpdir);
	ck_assert_int_eq(symlink("real", p), 0);
	free(p);
	/* A link to a regular file is listed under the link's name. */
	target = xasprintf("%s/links/real/s.xml", tmpdir);
	p = xasprintf("%s/links/alias.xml", tmpdir);
	ck_assert_int_eq(symlink(target, p), 0);
	free(p);
	free(target);
	p = xasprintf("%s/links/broken.xml", tmpdir);
	ck_assert_int_eq(symlink("nowhere.xml", p), 0);
	free(p);
	expand(&in, "links");
	ck_assert_uint_eq(in.n, 3);
	ck_assert_str_eq(rel(&in, 0), "links/alias.xml");
	ck_assert_ptr_null(in.v[0].why);
	ck_assert_str_eq(rel(&in, 1), "links/broken.xml");
	ck_assert_str_eq(in.v[1].why, "dangling symbolic link");
	ck_assert_str_eq(rel(&in, 2), "links/real/s.xml");
	ck_assert_ptr_null(in.v[2].why);
	inputs_free(&in);
}
END_TEST

/* Arguments that are not directories are taken as they are, in the
 * order given. */
START_TEST(test_arguments)
{
	struct inputs in = { 0 };
	char *dir = xasprintf("%s/args/", tmpdir);
	char *notes = xasprintf("%s/args/notes.md", tmpdir);
	char *missing = xasprintf("%s/args/missing.xml", tmpdir);
	char *fifo = xasprintf("%s/args/pipe", tmpdir);
	char *args[] = { notes, (char *)"-", missing, fifo, dir };

	mkdir_tmp("args");
	touch("args/notes.md");
	touch("args/one.xml");
	ck_assert_int_eq(mkfifo(fifo, 0600), 0);
	inputs_expand(&in, args, 5);
	ck_assert_uint_eq(in.n, 5);
	/* A regular file named on the command line is used whatever its
	 * name ends in. */
	ck_assert_str_eq(in.v[0].path, notes);
	ck_assert_ptr_null(in.v[0].why);
	ck_assert_str_eq(in.v[1].path, "-");
	ck_assert_ptr_null(in.v[1].why);
	ck_assert_str_eq(in.v[2].path, missing);
	ck_assert_ptr_nonnull(strstr(in.v[2].why, "cannot access"));
	ck_assert_str_eq(in.v[3].path, fifo);
	ck_assert_ptr_nonnull(strstr(in.v[3].why, "not a regular file"));
	/* "DIR/" gives DIR/one.xml, not DIR//one.xml. */
	ck_assert_str_eq(rel(&in, 4), "args/one.xml");
	ck_assert_ptr_null(in.v[4].why);
	/* A second call appends. */
	inputs_expand(&in, args, 1);
	ck_assert_uint_eq(in.n, 6);
	ck_assert_str_eq(in.v[5].path, notes);
	inputs_free(&in);
	free(dir);
	free(notes);
	free(missing);
	free(fifo);
}
END_TEST

START_TEST(test_unreadable_dir)
{
	struct inputs in = { 0 };
	char *locked = xasprintf("%s/perm/locked", tmpdir);
	int dropped;

	mkdir_tmp("perm");
	mkdir_tmp("perm/locked");
	touch("perm/locked/hidden.xml");
	touch("perm/open.xml");
	ck_assert_int_eq(chmod(locked, 0), 0);
	/* As root, with the override capabilities off (back on before
	 * anything is asserted). */
	dropped = geteuid() == 0 && unit_dac_override(0) == 0;
	expand(&in, "perm");
	if (dropped)
		ck_assert_int_eq(unit_dac_override(1), 0);
	chmod(locked, 0700);
	if (geteuid() == 0 && !dropped) {
		fprintf(stderr, "test_unreadable_dir: cannot drop root's "
		    "capabilities: skipped\n");
		inputs_free(&in);
		free(locked);
		return;
	}
	/* Listed with a reason, not dropped unseen. */
	ck_assert_uint_eq(in.n, 2);
	ck_assert_str_eq(in.v[0].path, locked);
	ck_assert_ptr_nonnull(strstr(in.v[0].why, "cannot read directory"));
	ck_assert_str_eq(rel(&in, 1), "perm/open.xml");
	ck_assert_ptr_null(in.v[1].why);
	inputs_free(&in);
	free(locked);
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("inputs");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_sorted);
	tcase_add_test(tc, test_byte_order_recursion);
	tcase_add_test(tc, test_links);
	tcase_add_test(tc, test_arguments);
	tcase_add_test(tc, test_unreadable_dir);
	suite_add_tcase(s, tc);
	return s;
}
