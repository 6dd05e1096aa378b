/* test_batch.c -- the in-order worker pool (pipeline/batch.c). */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "unit.h"
#include "batch.h"
#include "util.h"

/* The pool emits in input order for any number of workers. */
static void *
echo_work(void *state, const session *s)
{
	(void)state;
	usleep((useconds_t)(rand() % 500));	/* shuffle finishing order */
	return xstrdup(s->id);
}

static void
collect(void *arg, const struct batch_event *ev)
{
	strbuf *b = arg;

	if (ev->kind == BATCH_SESSION) {
		strbuf_adds(b, ev->result);
		strbuf_addc(b, ' ');
		free(ev->result);
	} else if (ev->kind == BATCH_REJECT)
		strbuf_adds(b, "R ");
	else
		strbuf_adds(b, "| ");
}

START_TEST(test_batch_order)
{
	char dir[] = "/tmp/rapport-batch-XXXXXX";
	struct inputs in = { 0 };
	strbuf want = { 0 };
	char *args[1] = { dir };

	ck_assert_ptr_nonnull(mkdtemp(dir));
	for (int f = 0; f < 12; f++) {
		char *path = xasprintf("%s/f%02d.xml", dir, f);
		FILE *fp = fopen(path, "w");

		fprintf(fp, "<corpus>");
		for (int k = 0; k < 3 + f % 5 * 40; k++) {
			fprintf(fp, "<session id=\"s%d-%d\"><clinician id=\"C\"/>"
			    "<speakers><speaker id=\"T\" role=\"therapist\"/>"
			    "</speakers><transcript/></session>", f, k);
			strbuf_addf(&want, "s%d-%d ", f, k);
		}
		fprintf(fp, f == 7 ? "<oops>" : "</corpus>");
		strbuf_adds(&want, f == 7 ? "R | " : "| ");
		fclose(fp);
		free(path);
	}
	inputs_expand(&in, args, 1);
	for (int jobs = 1; jobs <= 4; jobs++) {
		strbuf got = { 0 };
		struct batch_ops ops = { NULL, NULL, echo_work, collect, &got };
		struct batch_opts o = { .jobs = jobs };
		struct batch_stats st;

		ck_assert_int_eq(batch_run(&in, &ops, &o, &st), 0);
		ck_assert_str_eq(got.s, want.s);
		ck_assert_uint_eq(st.inputs, 12);
		ck_assert_uint_eq(st.rejects, 1);
		strbuf_free(&got);
	}
	inputs_free(&in);
	strbuf_free(&want);
	{
		char *cmd = xasprintf("rm -rf '%s'", dir);

		ck_assert_int_eq(system(cmd), 0);
		free(cmd);
	}
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("batch");
	TCase *tc = tcase_create("core");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_batch_order);
	suite_add_tcase(s, tc);
	return s;
}
