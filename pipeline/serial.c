/* serial.c -- read, tag and hand on every session, in input order. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ingest.h"
#include "inputs.h"
#include "serial.h"
#include "status.h"
#include "cmd.h"

int
serial_option(struct serial_opts *o, int c, const char *arg)
{
	switch (c) {
	case 'r':
		o->rules_dir = arg;
		return 1;
	case 'o':
		o->rules_dir = arg;
		o->replace = 1;
		return 1;
	case 'R':
		o->replace = 1;
		return 1;
	}
	return 0;
}

const char *
serial_check(const struct serial_opts *o)
{
	return o->replace && o->rules_dir == NULL ?
	    "--replace-rules needs --rules DIR" : NULL;
}

static size_t
print_diags(const char *path, const struct ingest_diag *d, size_t n)
{
	size_t errors = 0;

	for (size_t i = 0; i < n; i++) {
		fprintf(stderr, "%s:%ld:%ld: %s%s\n", path, d[i].line, d[i].col,
		    d[i].severity == INGEST_WARNING ? "warning: " : "",
		    d[i].msg);
		errors += d[i].severity == INGEST_ERROR;
	}
	return errors;
}

/* Every session of one opened input. Returns -1 when fn stopped. */
static int
each_session(const struct serial_opts *o, ingest *in, const char *shown,
    analyze_ctx *cx, struct analyze_result *res, serial_fn fn, void *arg,
    size_t *sessions, size_t *rejects)
{
	const struct ingest_diag *d;
	session *s = NULL;
	size_t nd;
	int r, rc = 0;

	while (rc == 0 && (r = ingest_next(in, &s)) != 0) {
		d = ingest_diags(in, &nd);
		print_diags(shown, d, nd);
		if (r < 0) {
			(*rejects)++;
			break;
		}
		if (r == 2) {
			(*rejects)++;
			continue;
		}
		if (analyze_session(cx, s, res) < 0) {
			fprintf(stderr, "%s:%ld:0: rapport %s: matching failed "
			    "in session %s\n", shown, s->line, o->name, s->id);
			(*rejects)++;
		} else if (fn(arg, s, res) != 0)
			rc = -1;
		else
			(*sessions)++;
		session_free(s);
		s = NULL;
	}
	return rc;
}

int
serial_run(const struct serial_opts *o, char **argv, int argc, serial_fn fn,
    void *arg)
{
	analyze_ruleset *rs;
	analyze_ctx *cx;
	ingest_schema *schema = NULL;
	struct analyze_result res = { 0 };
	struct inputs inputs = { 0 };
	size_t sessions = 0, rejects = 0;
	char *why = NULL;
	int stopped = 0;

	if ((rs = analyze_ruleset_load(o->rules_dir, o->replace, &why)) ==
	    NULL) {
		fprintf(stderr, "rapport %s: broken rules:\n%s\n", o->name,
		    why != NULL ? why : "(no reason)");
		free(why);
		return EXIT_USAGE;
	}
	if (o->strict) {
		char *path = cmd_schema_path(NULL);

		schema = ingest_schema_load(path, &why);
		free(path);
		if (schema == NULL) {
			fprintf(stderr, "rapport %s: %s\n", o->name, why);
			free(why);
			analyze_ruleset_free(rs);
			return EXIT_USAGE;
		}
	}
	cx = analyze_ctx_create(rs);
	inputs_expand(&inputs, argv, argc);
	for (size_t i = 0; i < inputs.n && !stopped; i++) {
		const struct inputs_item *it = &inputs.v[i];
		const char *shown = strcmp(it->path, "-") == 0 ? "<stdin>" :
		    it->path;
		ingest *in;

		if (it->why != NULL ||
		    (in = ingest_open(it->path, shown, schema, &why)) == NULL) {
			fprintf(stderr, "%s:0:0: %s\n", shown,
			    it->why != NULL ? it->why : why);
			free(why);
			why = NULL;
			rejects++;
			continue;
		}
		stopped = each_session(o, in, shown, cx, &res, fn, arg,
		    &sessions, &rejects) != 0;
		ingest_close(in);
	}
	if (analyze_ctx_limit_hits(cx) > 0)
		fprintf(stderr, "rapport %s: warning: %lu pattern match%s hit "
		    "the match limit and counted as no match\n", o->name,
		    analyze_ctx_limit_hits(cx),
		    analyze_ctx_limit_hits(cx) == 1 ? "" : "es");
	analyze_result_free(&res);
	analyze_ctx_free(cx);
	analyze_ruleset_free(rs);
	ingest_schema_free(schema);
	inputs_free(&inputs);
	if (stopped || (sessions == 0 && rejects > 0))
		return EXIT_NOTHING;
	return rejects > 0 ? EXIT_SOME_REJECTED : EXIT_ALL_OK;
}
