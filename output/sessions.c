/* sessions.c -- the session rows as JSONL and CSV (sessions.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fmt.h"
#include "indicators.h"
#include "sessions.h"

void
sessions_json_line(strbuf *b, const struct measure_row *row)
{
	const char *const *meta = measure_meta_names();
	const struct indicator *cols;
	size_t ncols;

	cols = indicators_all(&ncols);
	strbuf_addc(b, '{');
	for (size_t i = 0; i < MEASURE_NMETA; i++) {
		strbuf_adds(b, i ? ",\"" : "\"");
		strbuf_adds(b, meta[i]);
		strbuf_adds(b, "\":");
		if (i == MEASURE_NMETA - 1 && row->meta[i] != NULL)
			strbuf_adds(b, row->meta[i]);	/* number */
		else
			fmt_json_str(b, row->meta[i]);
	}
	for (size_t i = 0; i < ncols; i++) {
		strbuf_adds(b, ",\"");
		strbuf_adds(b, cols[i].name);
		strbuf_adds(b, "\":");
		fmt_json_num(b, row->v[i]);
	}
	for (size_t i = 0; i < row->nmeasures; i++) {
		strbuf_addc(b, ',');
		fmt_json_str(b, row->mnames[i]);
		strbuf_addc(b, ':');
		fmt_json_num(b, row->mvalues[i]);
	}
	strbuf_adds(b, ",\"events\":[");
	for (size_t i = 0; i < row->nevents; i++) {
		strbuf_adds(b, i ? ",{\"type\":" : "{\"type\":");
		fmt_json_str(b, row->events[i].type);
		strbuf_adds(b, ",\"start\":");
		fmt_json_num(b, row->events[i].start);
		strbuf_adds(b, ",\"end\":");
		fmt_json_num(b, row->events[i].end);
		strbuf_addc(b, '}');
	}
	strbuf_adds(b, "]}\n");
}

static const char *const *sort_names;

static int
cmp_name(const void *x, const void *y)
{
	return strcmp(sort_names[*(const size_t *)x],
	    sort_names[*(const size_t *)y]);
}

/* Write and empty b when it has grown large; -1 on a write error. */
static int
flush(strbuf *b, FILE *f, int force)
{
	int rc = 0;

	if (b->len > 0 && (force || b->len > 65536)) {
		rc = fwrite(b->s, 1, b->len, f) == b->len ? 0 : -1;
		strbuf_reset(b);
	}
	return rc;
}

int
sessions_write_csv(aggregate *a, FILE *f)
{
	const char *const *meta = measure_meta_names();
	const struct indicator *cols;
	const char *const *mnames;
	size_t ncols, nm, *order;
	strbuf b = { 0 };
	int rc = 0;

	cols = indicators_all(&ncols);
	mnames = aggregate_measure_names(a, &nm);
	/* The measure columns sorted by name (qsort is not stable, but the
	 * names are distinct). */
	order = xcalloc(nm + 1, sizeof(*order));
	for (size_t i = 0; i < nm; i++)
		order[i] = i;
	sort_names = mnames;
	qsort(order, nm, sizeof(*order), cmp_name);
	for (size_t i = 0; i < MEASURE_NMETA; i++) {
		strbuf_adds(&b, i ? "," : "");
		fmt_csv_str(&b, meta[i]);
	}
	for (size_t i = 0; i < ncols; i++) {
		strbuf_addc(&b, ',');
		fmt_csv_str(&b, cols[i].name);
	}
	for (size_t i = 0; i < nm; i++) {
		strbuf_addc(&b, ',');
		fmt_csv_str(&b, mnames[order[i]]);
	}
	strbuf_addc(&b, '\n');
	for (size_t s = 0; s < aggregate_nsessions(a) && rc == 0; s++) {
		struct aggregate_row r;

		if (aggregate_session(a, s, &r) != 0) {
			rc = -1;
			break;
		}
		for (size_t i = 0; i < MEASURE_NMETA; i++) {
			strbuf_adds(&b, i ? "," : "");
			fmt_csv_str(&b, r.meta[i]);
		}
		for (size_t i = 0; i < ncols; i++) {
			strbuf_addc(&b, ',');
			fmt_csv_num(&b, r.v[i]);
		}
		for (size_t i = 0; i < nm; i++) {
			strbuf_addc(&b, ',');
			fmt_csv_num(&b, aggregate_session_measure(a, &r,
			    order[i]));
		}
		strbuf_addc(&b, '\n');
		rc = flush(&b, f, 0);
	}
	if (rc == 0)
		rc = flush(&b, f, 1);
	strbuf_free(&b);
	free(order);
	return rc;
}
