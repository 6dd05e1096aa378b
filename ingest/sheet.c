/* sheet.c -- the metadata sheet (sheet.h). */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "csvread.h"
#include "sheet.h"
#include "util.h"

struct sheet {
	char			*path;
	arena			*arena;
	struct sheet_row	*rows;
	size_t			 n, cap;
	strmap			 by_file, by_id;
};

/* What a column holds. */
enum col {
	COL_IGNORED = -1,
	COL_FILE = IMPORT_NKEYS,	/* after the metadata keys */
	COL_ROLES,
	COL_MEASURE
};

/* The column a header names: a metadata key (enum import_key), or
 * COL_*. Names compare without case, '_' and '-' alike. */
static int
column_kind(const char *h)
{
	static const struct {
		const char	*name;
		int		 kind;
	} names[] = {
		{ "file", COL_FILE }, { "filename", COL_FILE },
		{ "file-name", COL_FILE }, { "path", COL_FILE },
		{ "session", IMPORT_ID }, { "session-id", IMPORT_ID },
		{ "clinician", IMPORT_CLINICIAN },
		{ "clinician-id", IMPORT_CLINICIAN },
		{ "client", IMPORT_CLIENT }, { "client-id", IMPORT_CLIENT },
		{ "cohort", IMPORT_COHORT }, { "date", IMPORT_DATE },
		{ "session-date", IMPORT_DATE }, { "modality", IMPORT_MODALITY },
		{ "number", IMPORT_NUMBER }, { "session-number", IMPORT_NUMBER },
		{ "language", IMPORT_LANGUAGE },
		{ "discipline", IMPORT_DISCIPLINE },
		{ "age-group", IMPORT_AGE_GROUP }, { "roles", COL_ROLES },
	};
	char buf[64];
	size_t n = strlen(h);

	if (n >= sizeof(buf))
		return COL_IGNORED;
	for (size_t i = 0; i <= n; i++)
		buf[i] = h[i] == '_' ? '-' : h[i];
	if (strncasecmp(buf, "measure-", 8) == 0 && buf[8] != '\0')
		return COL_MEASURE;
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcasecmp(names[i].name, buf) == 0)
			return names[i].kind;
	return COL_IGNORED;
}

/* The last component of path, and its length without the extension. */
static const char *
base_name(const char *path, size_t *stem)
{
	const char *b = strrchr(path, '/'), *dot;

	b = b != NULL ? b + 1 : path;
	dot = strrchr(b, '.');
	*stem = dot != NULL && dot != b ? (size_t)(dot - b) : strlen(b);
	return b;
}

/* One data row into sh; problems into d. */
static void
add_row(sheet *sh, char **f, size_t n, long line, const int *kind,
    char **head, const struct metadata_opts *o, struct diags *d)
{
	struct sheet_row *r;
	size_t idx = sh->n;

	sh->rows = xgrow(sh->rows, &sh->cap, sh->n + 1, sizeof(*sh->rows));
	r = &sh->rows[sh->n++];
	memset(r, 0, sizeof(*r));
	r->line = line;
	for (size_t c = 0; c < n; c++) {
		const char *why;
		char *v;

		if (kind[c] == COL_IGNORED || f[c][0] == '\0')
			continue;
		if (kind[c] == COL_FILE) {
			size_t stem;
			const char *b = base_name(f[c], &stem);

			r->file = arena_strdup(sh->arena, b);
			if (strmap_add(&sh->by_file, r->file, idx) != 0)
				diags_error(d, line, (long)c + 1, "file '%s' has "
				    "a row already", r->file);
		} else if (kind[c] == COL_ROLES)
			r->roles = arena_strdup(sh->arena, f[c]);
		else if (kind[c] == COL_MEASURE) {
			char *end;
			double v2;

			errno = 0;
			v2 = strtod(f[c], &end);
			while (*end == ' ')
				end++;
			if (end == f[c] || *end != '\0' || !isfinite(v2) ||
			    errno != 0) {
				diags_error(d, line, (long)c + 1, "%s '%s' is not "
				    "a number", head[c], f[c]);
				continue;
			}
			{
				/* Arena memory cannot grow: copy. */
				struct import_measure *old = r->measures;

				r->measures = arena_alloc(sh->arena,
				    (r->nmeasures + 1) * sizeof(*r->measures));
				if (r->nmeasures > 0)
					memcpy(r->measures, old, r->nmeasures *
					    sizeof(*r->measures));
			}
			r->measures[r->nmeasures].name = arena_strdup(sh->arena,
			    head[c] + 8);
			r->measures[r->nmeasures++].value = v2;
		} else if ((v = metadata_normalise(o, kind[c], f[c],
		    strlen(f[c]), &why)) == NULL) {
			if (why != NULL)
				diags_error(d, line, (long)c + 1, "%s '%s' %s",
				    head[c], f[c], why);
		} else {
			r->meta[kind[c]] = arena_strdup(sh->arena, v);
			free(v);
		}
	}
	if (r->file == NULL && r->meta[IMPORT_ID] == NULL)
		diags_error(d, line, 0, "the row names neither a file nor a "
		    "session");
	if (r->meta[IMPORT_ID] != NULL &&
	    strmap_add(&sh->by_id, r->meta[IMPORT_ID], idx) != 0)
		diags_error(d, line, 0, "session '%s' has a row already",
		    r->meta[IMPORT_ID]);
}

sheet *
sheet_load(const char *path, const struct metadata_opts *o, struct diags *d)
{
	sheet *sh;
	csvread *r;
	char **f, *why = NULL, **head = NULL, buf[4096];
	int *kind = NULL, have_key = 0;
	size_t n, nhead = 0, errors = d->n;
	long line;
	FILE *peek;
	int rc;

	if ((r = csvread_open(path, path, &why)) == NULL) {
		diags_error(d, 0, 0, "cannot open the --meta sheet: %s",
		    strchr(why, ' ') ? strchr(why, ' ') + 1 : why);
		free(why);
		return NULL;
	}
	/* The delimiter from the first line. */
	if ((peek = fopen(path, "rb")) != NULL) {
		size_t k = fread(buf, 1, sizeof(buf), peek);

		fclose(peek);
		csvread_set_delimiter(r, csvread_sniff_delimiter(buf, k));
	}
	if ((rc = csvread_next(r, &f, &n, &line, &why)) != 1) {
		diags_error(d, 1, 0, "%s", rc < 0 ? why : "the --meta sheet is "
		    "empty: no header line");
		free(why);
		csvread_close(r);
		return NULL;
	}
	sh = xcalloc(1, sizeof(*sh));
	sh->path = xstrdup(path);
	sh->arena = arena_create();
	nhead = n;
	head = xcalloc(n, sizeof(*head));
	kind = xcalloc(n, sizeof(*kind));
	for (size_t c = 0; c < n; c++) {
		head[c] = xstrdup(f[c]);
		kind[c] = column_kind(f[c]);
		have_key |= kind[c] == COL_FILE || kind[c] == IMPORT_ID;
		if (kind[c] == COL_IGNORED)
			diags_warn(d, line, (long)c + 1, "column '%s' is not "
			    "one rapport reads; ignored", f[c]);
		for (size_t k = 0; k < c; k++)
			if (kind[c] != COL_IGNORED && kind[c] != COL_MEASURE &&
			    kind[k] == kind[c])
				diags_error(d, line, (long)c + 1, "columns '%s' "
				    "and '%s' say the same", head[k], head[c]);
	}
	if (!have_key)
		diags_error(d, line, 0, "the --meta sheet has neither a file "
		    "nor a session column");
	while ((rc = csvread_next(r, &f, &n, &line, &why)) != 0) {
		if (rc < 0) {
			/* why is "PATH:LINE: reason". */
			const char *p = strstr(why, ": ");

			diags_error(d, line, 0, "%s", p != NULL ? p + 2 : why);
			free(why);
			why = NULL;
			continue;
		}
		if (n == 1 && f[0][0] == '\0')
			continue;
		if (n != nhead) {
			diags_error(d, line, 0, "%zu fields, the header has %zu",
			    n, nhead);
			continue;
		}
		add_row(sh, f, n, line, kind, head, o, d);
	}
	if (csvread_truncated(r))
		diags_error(d, line, 0, "a quote is still open at the end of "
		    "the sheet");
	csvread_close(r);
	for (size_t c = 0; c < nhead; c++)
		free(head[c]);
	free(head);
	free(kind);
	for (size_t i = errors; i < d->n; i++)
		if (d->v[i].severity == DIAG_ERROR) {
			sheet_free(sh);
			return NULL;
		}
	return sh;
}

void
sheet_free(sheet *sh)
{
	if (sh == NULL)
		return;
	strmap_free(&sh->by_file);
	strmap_free(&sh->by_id);
	free(sh->rows);
	arena_destroy(sh->arena);
	free(sh->path);
	free(sh);
}

const char *
sheet_path(const sheet *sh)
{
	return sh->path;
}

const struct sheet_row *
sheet_find(const sheet *sh, const char *path, const char *id)
{
	long i = -1;

	if (sh == NULL)
		return NULL;
	if (path != NULL) {
		size_t stem;
		const char *b = base_name(path, &stem);
		char *s = xstrndup(b, stem);

		if ((i = strmap_get(&sh->by_file, b)) < 0)
			i = strmap_get(&sh->by_file, s);
		free(s);
	}
	if (i < 0 && id != NULL)
		i = strmap_get(&sh->by_id, id);
	return i >= 0 ? &sh->rows[i] : NULL;
}
