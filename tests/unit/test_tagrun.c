/* test_tagrun.c -- unit tests of pipeline/tagrun.c: tag every session of
 * the inputs on the batch driver, results emitted in input order. */
#include "config.h"

#include "unit.h"
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "status.h"
#include "tagrun.h"
#include "tags.h"
#include "util.h"

#define tmpdir unit_tmpdir()

static void
put(const char *name, const char *text)
{
	char *path = xasprintf("%s/%s", tmpdir, name);
	FILE *f = fopen(path, "w");

	ck_assert_msg(f != NULL, "%s", path);
	fputs(text, f);
	fclose(f);
	free(path);
}

#define SPEAKERS "<speakers><speaker id=\"T\" role=\"therapist\"/>" \
	"<speaker id=\"C\" role=\"client\"/></speakers>"
#define SESSION(id, body) "<session id=\"" id "\" date=\"2026-03-14\">" \
	"<clinician id=\"C1\"/>" SPEAKERS "<transcript>" body \
	"</transcript></session>"

/* Two transcripts (three sessions), a broken one and a text file. */
static char *
corpus(void)
{
	char *dir = xasprintf("%s/tr", tmpdir);

	mkdir(dir, 0700);
	put("tr/a.xml", "<?xml version=\"1.0\"?>\n<corpus>\n"
	    SESSION("A1", "<u who=\"C\">I feel stuck.</u>"
	    "<u who=\"T\">It sounds like you feel stuck.</u>"
	    "<u who=\"T\">What would help?</u>") "\n"
	    SESSION("A2", "<u who=\"T\">Hello.</u>") "\n</corpus>\n");
	put("tr/b.xml", "<?xml version=\"1.0\"?>\n"
	    SESSION("B1", "<u who=\"T\">That makes a lot of sense.</u>"
	    "<u who=\"C\">Yes.</u>") "\n");
	put("tr/notes.md", "not a transcript");
	return dir;
}

/* The argument every worker gets. */
static const int work_arg = 42;

/* What the workers return: "ID:utterances", and for A1 whether its
 * reflection was tagged. No Check assertions here: this runs on the
 * worker threads. */
static void *
work(const session *s, const struct analyze_result *r, const void *arg)
{
	if (arg != &work_arg || r->nutts != s->nutts)
		return xstrdup("bad arguments");
	if (strcmp(s->id, "A1") == 0)
		return xasprintf("%s:%zu:%s", s->id, s->nutts,
		    analyze_has(&r->utts[1], TAG_REFLECTION) ? "reflection" :
		    "-");
	return xasprintf("%s:%zu", s->id, s->nutts);
}

struct seen {
	strbuf		 order;	/* results, one per line */
	pthread_t	 thread;
	int		 other_thread;
	int		 fail_first, calls;
};

static int
emit(void *result, void *arg)
{
	struct seen *sn = arg;

	if (!pthread_equal(pthread_self(), sn->thread))
		sn->other_thread = 1;
	strbuf_addf(&sn->order, "%s\n", (char *)result);
	free(result);
	return sn->fail_first && sn->calls++ == 0 ? -1 : 0;
}

/* Run tagrun with stderr captured; returns its status. */
static int
run(const struct tagrun_opts *o, char **args, int nargs, struct seen *sn,
    char **err)
{
	char *path = xasprintf("%s/stderr.txt", tmpdir);
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600), saved, rc;
	FILE *f;
	strbuf b = { 0 };
	char buf[512];
	size_t n;

	ck_assert_int_ge(fd, 0);
	fflush(stderr);
	saved = dup(2);
	dup2(fd, 2);
	close(fd);
	sn->thread = pthread_self();
	rc = tagrun(o, args, nargs, work, &work_arg, emit, sn);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	f = fopen(path, "r");
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		strbuf_add(&b, buf, n);
	fclose(f);
	free(path);
	*err = strbuf_release(&b);
	return rc;
}

START_TEST(test_in_order)
{
	char *dir = corpus(), *err;
	char *args[1] = { dir };

	/* Whatever the number of workers, the same results in input order
	 * (files sorted, sessions in file order), on the calling thread. */
	for (int jobs = 1; jobs <= 4; jobs++) {
		struct tagrun_opts o = { .name = "tag", .jobs = jobs };
		struct seen sn = { .calls = 0 };

		ck_assert_int_eq(run(&o, args, 1, &sn, &err), EXIT_ALL_OK);
		ck_assert_str_eq(sn.order.s, "A1:3:reflection\nA2:1\nB1:2\n");
		ck_assert_int_eq(sn.other_thread, 0);
		ck_assert_str_eq(err, "");
		free(err);
		strbuf_free(&sn.order);
	}
	free(dir);
}
END_TEST

START_TEST(test_rejects)
{
	char *dir = corpus(), *err, *bad = xasprintf("%s/tr2", tmpdir);
	char *missing = xasprintf("%s/missing.xml", tmpdir);
	struct tagrun_opts o = { .name = "agree", .jobs = 2 };
	struct seen sn = { .calls = 0 };
	char *args[2];

	/* A broken input and a broken session: reported on stderr as
	 * PATH:LINE:COL, the rest still used. */
	mkdir(bad, 0700);
	put("tr2/a.xml", "<?xml version=\"1.0\"?>\n<corpus>\n"
	    SESSION("G1", "<u who=\"T\">Fine.</u>") "\n"
	    SESSION("G2", "<u who=\"Z\">Who?</u>") "\n</corpus>\n");
	put("tr2/b.xml", "<session id=\"X\"><oops></session>\n");
	args[0] = bad;
	ck_assert_int_eq(run(&o, args, 1, &sn, &err), EXIT_SOME_REJECTED);
	ck_assert_str_eq(sn.order.s, "G1:1\n");
	ck_assert_msg(strstr(err, "/tr2/a.xml:4:") != NULL, "%s", err);
	ck_assert_msg(strstr(err, "/tr2/b.xml:1:") != NULL, "%s", err);
	free(err);
	strbuf_free(&sn.order);

	/* Nothing usable at all. */
	args[0] = missing;
	ck_assert_int_eq(run(&o, args, 1, &sn, &err), EXIT_NOTHING);
	ck_assert_ptr_null(sn.order.s);
	ck_assert_ptr_nonnull(strstr(err, "missing.xml"));
	free(err);

	/* Inputs are taken in the order given. */
	args[0] = xasprintf("%s/b.xml", dir);
	args[1] = xasprintf("%s/a.xml", dir);
	ck_assert_int_eq(run(&o, args, 2, &sn, &err), EXIT_ALL_OK);
	ck_assert_str_eq(sn.order.s, "B1:2\nA1:3:reflection\nA2:1\n");
	free(err);
	free(args[0]);
	free(args[1]);
	strbuf_free(&sn.order);
	free(missing);
	free(bad);
	free(dir);
}
END_TEST

START_TEST(test_emit_fails)
{
	char *dir = corpus(), *err;
	char *args[1] = { dir };
	struct tagrun_opts o = { .name = "tag", .jobs = 2 };
	struct seen sn = { .calls = 0 };

	/* Standard output failed on the first result: status 3, and every
	 * later result still reaches emit (to be freed). */
	sn.fail_first = 1;
	ck_assert_int_eq(run(&o, args, 1, &sn, &err), EXIT_NOTHING);
	ck_assert_str_eq(sn.order.s, "A1:3:reflection\nA2:1\nB1:2\n");
	free(err);
	strbuf_free(&sn.order);
	free(dir);
}
END_TEST

START_TEST(test_broken_rules)
{
	char *dir = corpus(), *err, *rules = xasprintf("%s/rules", tmpdir);
	char *args[1] = { dir };
	struct tagrun_opts o = { .name = "tag", .rules_dir = rules,
		.replace = 1, .jobs = 1 };
	struct seen sn = { .calls = 0 };

	mkdir(rules, 0700);
	put("rules/bad.rules", "rule broken.one\ntag no.such.tag\n"
	    "pattern (unclosed\n");
	ck_assert_int_eq(run(&o, args, 1, &sn, &err), EXIT_USAGE);
	ck_assert_ptr_null(sn.order.s);		/* nothing tagged */
	ck_assert_ptr_nonnull(strstr(err, "rapport tag: broken rules"));
	ck_assert_ptr_nonnull(strstr(err, "bad.rules:"));
	free(err);
	free(rules);
	free(dir);
}
END_TEST

START_TEST(test_strict)
{
	char *dir = xasprintf("%s/tr3", tmpdir), *err;
	char *args[1] = { dir };
	struct tagrun_opts o = { .name = "tag", .jobs = 2 };
	struct seen sn = { .calls = 0 };

	/* A language that is no xs:language: used unless --strict
	 * validates against the XSD. */
	mkdir(dir, 0700);
	put("tr3/a.xml", SESSION("OK", "<u who=\"T\">Fine.</u>") "\n");
	put("tr3/b.xml", "<session id=\"ODD\" language=\"Klingon!\"><clinician "
	    "id=\"C1\"/>" SPEAKERS "<transcript><u who=\"T\">Hm.</u>"
	    "</transcript></session>\n");
	ck_assert_int_eq(run(&o, args, 1, &sn, &err), EXIT_ALL_OK);
	ck_assert_str_eq(sn.order.s, "OK:1\nODD:1\n");
	free(err);
	strbuf_free(&sn.order);
	o.strict = 1;
	ck_assert_int_eq(run(&o, args, 1, &sn, &err), EXIT_SOME_REJECTED);
	ck_assert_str_eq(sn.order.s, "OK:1\n");
	ck_assert_ptr_nonnull(strstr(err, "/tr3/b.xml:1:"));
	ck_assert_msg(strstr(err, "language") != NULL, "%s", err);
	free(err);
	strbuf_free(&sn.order);
	/* A schema that cannot be loaded stops before any input. */
	setenv("RAPPORT_SCHEMA", "/nonexistent/transcript.xsd", 1);
	ck_assert_int_eq(run(&o, args, 1, &sn, &err), EXIT_USAGE);
	unsetenv("RAPPORT_SCHEMA");
	ck_assert_ptr_null(sn.order.s);
	ck_assert_ptr_nonnull(strstr(err, "rapport tag: "));
	free(err);
	free(dir);
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("tagrun");
	TCase *tc = tcase_create("core");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_in_order);
	tcase_add_test(tc, test_rejects);
	tcase_add_test(tc, test_emit_fails);
	tcase_add_test(tc, test_broken_rules);
	tcase_add_test(tc, test_strict);
	suite_add_tcase(s, tc);
	return s;
}
