/* test_outfile.c -- unit tests of base/outfile.c: temporary names,
 * commit, abort and mkdirs. */
#include "config.h"

#include "unit.h"
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "outfile.h"
#include "util.h"

#define tmpdir unit_tmpdir()

static int
exists(const char *path)
{
	struct stat st;

	return lstat(path, &st) == 0;
}

/* The whole content of path (free() it), or NULL. */
static char *
slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	strbuf b = { 0 };
	char buf[256];
	size_t n;

	if (f == NULL)
		return NULL;
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		strbuf_add(&b, buf, n);
	fclose(f);
	return strbuf_release(&b);
}

START_TEST(test_mkdirs)
{
	char *dir = xasprintf("%s/mk/a/b/c", tmpdir), *why = NULL;
	char *file = xasprintf("%s/mk/plain", tmpdir), *under;
	struct stat st;
	FILE *f;

	ck_assert_int_eq(outfile_mkdirs(dir, &why), 0);
	ck_assert_ptr_null(why);
	ck_assert_int_eq(stat(dir, &st), 0);
	ck_assert(S_ISDIR(st.st_mode));
	/* Existing directories are fine, and a trailing slash. */
	ck_assert_int_eq(outfile_mkdirs(dir, &why), 0);
	free(dir);
	dir = xasprintf("%s/mk/a/", tmpdir);
	ck_assert_int_eq(outfile_mkdirs(dir, &why), 0);
	ck_assert_ptr_null(why);
	/* A regular file in the way: an error naming it, whether it is
	 * the directory asked for or one of its parents. */
	f = fopen(file, "w");
	ck_assert_ptr_nonnull(f);
	fclose(f);
	under = xasprintf("%s/sub", file);
	ck_assert_int_eq(outfile_mkdirs(under, &why), -1);
	ck_assert_ptr_nonnull(why);
	ck_assert_ptr_nonnull(strstr(why, "/mk/plain: cannot create "
	    "directory: Not a directory"));
	free(why);
	why = NULL;
	ck_assert_int_eq(outfile_mkdirs(file, &why), -1);
	ck_assert_ptr_nonnull(why);
	ck_assert_ptr_nonnull(strstr(why, "/mk/plain: cannot create "
	    "directory: Not a directory"));
	free(why);
	free(under);
	free(file);
	free(dir);
}
END_TEST

START_TEST(test_commit)
{
	char *dir = xasprintf("%s/out", tmpdir), *why = NULL;
	char *final = xasprintf("%s/sessions.csv", dir);
	char *want_tmp = xasprintf("%s/.sessions.csv.tmp-%ld", dir,
	    (long)getpid());
	char *text;
	outfile *f;

	ck_assert_int_eq(outfile_mkdirs(dir, &why), 0);
	f = outfile_open(dir, "sessions.csv", &why);
	ck_assert_ptr_nonnull(f);
	ck_assert_ptr_null(why);
	/* Written under DIR/.NAME.tmp-PID; nothing at the final name. */
	ck_assert_str_eq(outfile_tmppath(f), want_tmp);
	ck_assert(exists(want_tmp));
	ck_assert(!exists(final));
	ck_assert_int_gt(fprintf(outfile_stream(f), "a,b\n1,2\n"), 0);
	ck_assert_int_eq(outfile_finish(f, &why), 0);
	ck_assert_int_eq(outfile_finish(f, &why), 0);	/* twice is fine */
	ck_assert(!exists(final));
	text = slurp(want_tmp);
	ck_assert_str_eq(text, "a,b\n1,2\n");
	free(text);
	ck_assert_int_eq(outfile_commit(f, &why), 0);
	ck_assert_ptr_null(why);
	ck_assert(!exists(want_tmp));
	text = slurp(final);
	ck_assert_str_eq(text, "a,b\n1,2\n");
	free(text);

	/* A second run replaces the file whole; commit finishes the
	 * stream itself. */
	f = outfile_open(dir, "sessions.csv", &why);
	ck_assert_ptr_nonnull(f);
	fputs("new\n", outfile_stream(f));
	ck_assert_int_eq(outfile_commit(f, &why), 0);
	text = slurp(final);
	ck_assert_str_eq(text, "new\n");
	free(text);
	free(want_tmp);
	free(final);
	free(dir);
}
END_TEST

START_TEST(test_abort)
{
	char *dir = xasprintf("%s/ab", tmpdir), *why = NULL, *tmp;
	char *final = xasprintf("%s/corpus.json", dir), *text;
	outfile *f;
	FILE *old;

	ck_assert_int_eq(outfile_mkdirs(dir, &why), 0);
	/* An earlier complete file stays as it was. */
	old = fopen(final, "w");
	ck_assert_ptr_nonnull(old);
	fputs("old\n", old);
	fclose(old);
	f = outfile_open(dir, "corpus.json", &why);
	ck_assert_ptr_nonnull(f);
	fputs("{\"half\": ", outfile_stream(f));
	tmp = xstrdup(outfile_tmppath(f));
	ck_assert(exists(tmp));
	outfile_abort(f);
	ck_assert(!exists(tmp));
	text = slurp(final);
	ck_assert_str_eq(text, "old\n");
	free(text);
	/* After finish, too. */
	f = outfile_open(dir, "corpus.json", &why);
	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(outfile_finish(f, &why), 0);
	ck_assert(exists(tmp));
	outfile_abort(f);
	ck_assert(!exists(tmp));
	outfile_abort(NULL);
	free(tmp);
	free(final);
	free(dir);
}
END_TEST

START_TEST(test_commit_fails)
{
	char *dir = xasprintf("%s/cf", tmpdir), *why = NULL, *tmp;
	char *block = xasprintf("%s/cf/report.html/inner", tmpdir);
	outfile *f;

	/* The final name is a non-empty directory: rename fails, the
	 * caller still owns f and aborts it. */
	ck_assert_int_eq(outfile_mkdirs(block, &why), 0);
	f = outfile_open(dir, "report.html", &why);
	ck_assert_ptr_nonnull(f);
	tmp = xstrdup(outfile_tmppath(f));
	ck_assert_int_eq(outfile_commit(f, &why), -1);
	ck_assert_ptr_nonnull(why);
	ck_assert_ptr_nonnull(strstr(why, "cannot rename"));
	free(why);
	ck_assert(exists(tmp));
	outfile_abort(f);
	ck_assert(!exists(tmp));
	free(tmp);
	free(block);
	free(dir);
}
END_TEST

/* Can this process create a file in dir? (access() would answer for the
 * real user with all permitted capabilities.) */
static int
can_create(const char *dir)
{
	char *p = xasprintf("%s/probe", dir);
	FILE *f = fopen(p, "w");

	if (f != NULL) {
		fclose(f);
		unlink(p);
	}
	free(p);
	return f != NULL;
}

START_TEST(test_readonly_dir)
{
	char *dir = xasprintf("%s/ro", tmpdir), *why = NULL, *why2 = NULL;
	char *sub = xasprintf("%s/ro/new", tmpdir);
	outfile *f = NULL;
	int dropped, writable, mk = 0;

	ck_assert_int_eq(outfile_mkdirs(dir, &why), 0);
	ck_assert_int_eq(chmod(dir, 0555), 0);
	/* Root is refused too, with its override capabilities off; they
	 * are back on before anything is asserted. */
	dropped = geteuid() == 0 && unit_dac_override(0) == 0;
	writable = can_create(dir);
	if (!writable) {
		f = outfile_open(dir, "sessions.csv", &why);
		mk = outfile_mkdirs(sub, &why2);
	}
	if (dropped)
		ck_assert_int_eq(unit_dac_override(1), 0);
	chmod(dir, 0755);
	if (writable) {
		fprintf(stderr, "test_readonly_dir: %s is writable for this "
		    "user: skipped\n", dir);
	} else {
		ck_assert_ptr_null(f);
		ck_assert_ptr_nonnull(why);
		ck_assert_ptr_nonnull(strstr(why, "/ro/.sessions.csv.tmp-"));
		ck_assert_ptr_nonnull(strstr(why, "cannot write"));
		ck_assert_ptr_nonnull(strstr(why, strerror(EACCES)));
		ck_assert_int_eq(mk, -1);
		ck_assert_ptr_nonnull(strstr(why2, "/ro/new: cannot create "
		    "directory"));
		ck_assert_ptr_nonnull(strstr(why2, strerror(EACCES)));
	}
	free(why);
	free(why2);
	free(sub);
	free(dir);
}
END_TEST

/* A run killed by SIGTERM leaves no temporary file and dies of the
 * signal; a file committed before stays. The child runs no Check code
 * (and, killed, dies holding its memory: valgrind without
 * --child-silent-after-fork=yes reports it lost). */
START_TEST(test_signal_cleanup)
{
	char *dir = xasprintf("%s/sig", tmpdir), *why = NULL, *tmp, *done;
	int up[2], down[2], status;
	char c;
	pid_t pid;

	ck_assert_int_eq(outfile_mkdirs(dir, &why), 0);
	ck_assert_int_eq(pipe(up), 0);
	ck_assert_int_eq(pipe(down), 0);
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		outfile *f, *g;

		outfile_cleanup_on_signal();
		g = outfile_open(dir, "done.csv", &why);
		f = outfile_open(dir, "half.csv", &why);
		if (f == NULL || g == NULL || outfile_commit(g, &why) != 0)
			_exit(1);
		fputs("half", outfile_stream(f));
		fflush(outfile_stream(f));
		(void)!write(up[1], "r", 1);	/* ready */
		(void)!read(down[0], &c, 1);	/* killed while waiting */
		_exit(2);
	}
	close(up[1]);
	close(down[0]);
	ck_assert_int_eq(read(up[0], &c, 1), 1);
	tmp = xasprintf("%s/.half.csv.tmp-%ld", dir, (long)pid);
	done = xasprintf("%s/done.csv", dir);
	ck_assert(exists(tmp));
	ck_assert_int_eq(kill(pid, SIGTERM), 0);
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	close(up[0]);
	close(down[1]);
	ck_assert(WIFSIGNALED(status));
	ck_assert_int_eq(WTERMSIG(status), SIGTERM);
	ck_assert(!exists(tmp));
	ck_assert(exists(done));
	free(done);
	free(tmp);
	free(dir);
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("outfile");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_mkdirs);
	tcase_add_test(tc, test_commit);
	tcase_add_test(tc, test_abort);
	tcase_add_test(tc, test_commit_fails);
	tcase_add_test(tc, test_readonly_dir);
	tcase_add_test(tc, test_signal_cleanup);
	suite_add_tcase(s, tc);
	return s;
}
