/* diag.c -- diagnostics lists (diag.h). */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "diag.h"
#include "util.h"

static void
vadd(struct diags *d, enum diag_severity sev, long line, long col,
    const char *fmt, va_list ap)
{
	struct diag *g;

	d->v = xgrow(d->v, &d->cap, d->n + 1, sizeof(*d->v));
	g = &d->v[d->n++];
	g->severity = sev;
	g->line = line;
	g->col = col;
	g->msg = xvasprintf(fmt, ap);
}

void
diags_add(struct diags *d, enum diag_severity sev, long line, long col,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vadd(d, sev, line, col, fmt, ap);
	va_end(ap);
}

void
diags_error(struct diags *d, long line, long col, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vadd(d, DIAG_ERROR, line, col, fmt, ap);
	va_end(ap);
}

void
diags_warn(struct diags *d, long line, long col, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vadd(d, DIAG_WARNING, line, col, fmt, ap);
	va_end(ap);
}

void
diags_append(struct diags *d, const struct diags *src)
{
	for (size_t i = 0; i < src->n; i++)
		diags_add(d, src->v[i].severity, src->v[i].line, src->v[i].col,
		    "%s", src->v[i].msg);
}

size_t
diags_errors(const struct diags *d)
{
	size_t n = 0;

	for (size_t i = 0; i < d->n; i++)
		n += d->v[i].severity == DIAG_ERROR;
	return n;
}

void
diags_clear(struct diags *d)
{
	for (size_t i = 0; i < d->n; i++)
		free(d->v[i].msg);
	d->n = 0;
}

void
diags_free(struct diags *d)
{
	diags_clear(d);
	free(d->v);
	d->v = NULL;
	d->cap = 0;
}

void
diag_print(FILE *f, const char *path, const struct diag *d)
{
	char *p = printable(path, 4096);

	fprintf(f, "%s:%ld:%ld: %s%s\n", p, d->line, d->col,
	    d->severity == DIAG_WARNING ? "warning: " : "", d->msg);
	free(p);
}
