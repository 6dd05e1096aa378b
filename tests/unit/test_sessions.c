/* test_sessions.c -- unit tests of output/sessions.c: sessions.jsonl
 * lines and sessions.csv. */
#include "config.h"

#include "unit.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "aggregate.h"
#include "indicators.h"
#include "measure.h"
#include "sessions.h"
#include "util.h"

/* A row with every indicator NaN but t_utterances = base and rq_ratio =
 * base / 4; meta and measures borrowed (free row.v only). */
static void
fill(struct measure_row *row, const char *const meta[MEASURE_NMETA],
    double base, char **mnames, double *mvalues, size_t nm)
{
	size_t ncols;

	indicators_all(&ncols);
	memset(row, 0, sizeof(*row));
	for (size_t i = 0; i < MEASURE_NMETA; i++)
		row->meta[i] = (char *)meta[i];
	row->v = xcalloc(ncols, sizeof(*row->v));
	for (size_t i = 0; i < ncols; i++)
		row->v[i] = NAN;
	row->v[IND_T_UTT] = base;
	row->v[IND_RQ] = base / 4;
	row->mnames = mnames;
	row->mvalues = mvalues;
	row->nmeasures = nm;
}

START_TEST(test_json_line)
{
	static const char *const meta[MEASURE_NMETA] = { "S\"1", "C07", NULL,
		"fall", "2026-03-14", NULL, "12" };
	char *mn[] = { (char *)"measure_SRS", (char *)"measure_ORS" };
	double mv[] = { 34, NAN };
	const char *const *names = measure_meta_names();
	struct measure_row row;
	size_t ncols, k = 0;
	const struct indicator *in = indicators_all(&ncols);
	strbuf b = { 0 };
	cJSON *j, *it;

	struct measure_event ev[] = { { (char *)"disconnect", 760, 781.5 },
		{ (char *)"freeze", 12, NAN } };

	fill(&row, meta, 10, mn, mv, 2);
	row.events = ev;
	row.nevents = 2;
	sessions_json_line(&b, &row);
	/* One line. */
	ck_assert_uint_gt(b.len, 0);
	ck_assert_int_eq(b.s[b.len - 1], '\n');
	ck_assert_ptr_eq(strchr(b.s, '\n'), b.s + b.len - 1);
	ck_assert_ptr_null(strstr(b.s, "nan"));
	j = cJSON_Parse(b.s);
	ck_assert_msg(j != NULL, "not JSON: %s", b.s);
	/* Keys in order: metadata, indicators, the session's measures. */
	cJSON_ArrayForEach(it, j) {
		if (k < MEASURE_NMETA)
			ck_assert_str_eq(it->string, names[k]);
		else if (k < MEASURE_NMETA + ncols)
			ck_assert_str_eq(it->string,
			    in[k - MEASURE_NMETA].name);
		else if (k < MEASURE_NMETA + ncols + 2)
			ck_assert_str_eq(it->string,
			    mn[k - MEASURE_NMETA - ncols]);
		else
			ck_assert_str_eq(it->string, "events");
		k++;
	}
	/* ... and the events, last. */
	ck_assert_uint_eq(k, MEASURE_NMETA + ncols + 3);
	ck_assert(cJSON_IsArray(cJSON_GetObjectItem(j, "events")));
	ck_assert_int_eq(cJSON_GetArraySize(cJSON_GetObjectItem(j, "events")),
	    2);
	it = cJSON_GetArrayItem(cJSON_GetObjectItem(j, "events"), 0);
	ck_assert_str_eq(cJSON_GetObjectItem(it, "type")->valuestring,
	    "disconnect");
	ck_assert_double_eq(cJSON_GetObjectItem(it, "start")->valuedouble,
	    760);
	ck_assert_double_eq(cJSON_GetObjectItem(it, "end")->valuedouble,
	    781.5);
	it = cJSON_GetArrayItem(cJSON_GetObjectItem(j, "events"), 1);
	ck_assert(cJSON_IsNull(cJSON_GetObjectItem(it, "end")));
	ck_assert_str_eq(cJSON_GetObjectItem(j, "session")->valuestring,
	    "S\"1");
	ck_assert(cJSON_IsNull(cJSON_GetObjectItem(j, "client")));
	ck_assert(cJSON_IsNull(cJSON_GetObjectItem(j, "modality")));
	/* The session number is a number, not a string. */
	ck_assert(cJSON_IsNumber(cJSON_GetObjectItem(j, "number")));
	ck_assert_double_eq(cJSON_GetObjectItem(j, "number")->valuedouble, 12);
	ck_assert_double_eq(cJSON_GetObjectItem(j,
	    "t_utterances")->valuedouble, 10);
	ck_assert_double_eq(cJSON_GetObjectItem(j, "rq_ratio")->valuedouble,
	    2.5);
	ck_assert(cJSON_IsNull(cJSON_GetObjectItem(j, "questions")));
	ck_assert_double_eq(cJSON_GetObjectItem(j,
	    "measure_SRS")->valuedouble, 34);
	ck_assert(cJSON_IsNull(cJSON_GetObjectItem(j, "measure_ORS")));
	cJSON_Delete(j);
	strbuf_reset(&b);

	/* No number: null. */
	{
		const char *meta2[MEASURE_NMETA] = { "S2", "C07", NULL, NULL,
			NULL, NULL, NULL };

		free(row.v);
		fill(&row, meta2, 3, NULL, NULL, 0);
		sessions_json_line(&b, &row);
		j = cJSON_Parse(b.s);
		ck_assert_ptr_nonnull(j);
		ck_assert(cJSON_IsNull(cJSON_GetObjectItem(j, "number")));
		ck_assert_ptr_null(cJSON_GetObjectItem(j, "measure_SRS"));
		cJSON_Delete(j);
	}
	strbuf_free(&b);
	free(row.v);
}
END_TEST

/* The CSV of a, written to a memory stream. */
static char *
csv_of(aggregate *a)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(sessions_write_csv(a, f), 0);
	fclose(f);
	return text;
}

/* Field k (0-based) of CSV line (no quoted commas in these tests). */
static char *
field(const char *line, size_t k)
{
	const char *p = line, *e;

	for (size_t i = 0; i < k; i++) {
		p = strchr(p, ',');
		ck_assert_ptr_nonnull(p);
		p++;
	}
	e = p + strcspn(p, ",\n");
	return xstrndup(p, (size_t)(e - p));
}

START_TEST(test_csv)
{
	static const char *const m1[MEASURE_NMETA] = { "S1", "C07", "P1",
		"fall", "2026-03-14", "video", "1" };
	static const char *const m2[MEASURE_NMETA] = { "S2", "C08", NULL,
		NULL, NULL, "phone", NULL };
	char *n1[] = { (char *)"measure_SRS", (char *)"measure_ORS" };
	double v1[] = { 34, 21.5 };
	char *n2[] = { (char *)"measure_ALLIANCE" };
	double v2[] = { 4.25 };
	const char *const *meta = measure_meta_names();
	size_t ncols, nfields = 0;
	const struct indicator *in = indicators_all(&ncols);
	aggregate *a = aggregate_create();
	struct measure_row row;
	strbuf want = { 0 };
	char *text, *line2, *line3, *f;

	fill(&row, m1, 8, n1, v1, 2);
	aggregate_add(a, &row, NULL, NULL);
	free(row.v);
	fill(&row, m2, 4, n2, v2, 1);
	aggregate_add(a, &row, NULL, NULL);
	free(row.v);
	text = csv_of(a);

	/* The header: metadata, indicators, then the measure columns of
	 * the whole corpus sorted by name (not in the order seen). */
	for (size_t i = 0; i < MEASURE_NMETA; i++)
		strbuf_addf(&want, "%s%s", i ? "," : "", meta[i]);
	for (size_t i = 0; i < ncols; i++)
		strbuf_addf(&want, ",%s", in[i].name);
	strbuf_adds(&want, ",measure_ALLIANCE,measure_ORS,measure_SRS\n");
	ck_assert_int_eq(strncmp(text, want.s, want.len), 0);
	for (const char *p = want.s; *p != '\n'; p++)
		nfields += *p == ',';
	nfields++;
	ck_assert_uint_eq(nfields, MEASURE_NMETA + ncols + 3);

	line2 = text + want.len;
	line3 = strchr(line2, '\n') + 1;
	ck_assert_ptr_nonnull(strchr(line3, '\n'));
	ck_assert_int_eq(line3[strlen(line3) - 1], '\n');
	ck_assert_ptr_eq(strchr(line3, '\n'), line3 + strlen(line3) - 1);
	ck_assert_int_eq(strncmp(line2, "S1,C07,P1,fall,2026-03-14,video,1,",
	    34), 0);
	/* Absent metadata, NaN indicators and missing measures: empty. */
	ck_assert_int_eq(strncmp(line3, "S2,C08,,,,phone,,", 17), 0);
#define CK_FIELD(line, k, want) do {					\
	f = field((line), (k));						\
	ck_assert_str_eq(f, (want));					\
	free(f);							\
} while (0)
	CK_FIELD(line2, MEASURE_NMETA + IND_T_UTT, "8");
	CK_FIELD(line2, MEASURE_NMETA + IND_RQ, "2");
	CK_FIELD(line2, MEASURE_NMETA + IND_Q, "");
	CK_FIELD(line2, MEASURE_NMETA + ncols, "");	/* ALLIANCE */
	CK_FIELD(line2, MEASURE_NMETA + ncols + 1, "21.5");	/* ORS */
	CK_FIELD(line2, MEASURE_NMETA + ncols + 2, "34");	/* SRS */
	CK_FIELD(line3, MEASURE_NMETA + IND_RQ, "1");
	CK_FIELD(line3, MEASURE_NMETA + ncols, "4.25");
	CK_FIELD(line3, MEASURE_NMETA + ncols + 1, "");
	CK_FIELD(line3, MEASURE_NMETA + ncols + 2, "");
#undef CK_FIELD
	ck_assert_ptr_null(strstr(text, "nan"));
	free(text);
	strbuf_free(&want);
	aggregate_free(a);
}
END_TEST

START_TEST(test_csv_quoting_and_errors)
{
	static const char *const m[MEASURE_NMETA] = { "S,1", "C \"7\"",
		NULL, "fall, 2026", NULL, NULL, NULL };
	aggregate *a = aggregate_create();
	struct measure_row row;
	char *text;
	FILE *full;

	fill(&row, m, 1, NULL, NULL, 0);
	aggregate_add(a, &row, NULL, NULL);
	free(row.v);
	text = csv_of(a);
	ck_assert_ptr_nonnull(strstr(text, "\n\"S,1\",\"C \"\"7\"\"\",,"
	    "\"fall, 2026\",,,,1,"));
	free(text);

	/* A failed write is reported (unbuffered, so at once). */
	full = fopen("/dev/full", "w");
	if (full != NULL) {
		setvbuf(full, NULL, _IONBF, 0);
		ck_assert_int_eq(sessions_write_csv(a, full), -1);
		fclose(full);
	}
	aggregate_free(a);

	/* No sessions: the header alone. */
	a = aggregate_create();
	text = csv_of(a);
	ck_assert_ptr_eq(strchr(text, '\n'), text + strlen(text) - 1);
	ck_assert_int_eq(strncmp(text, "session,clinician,", 18), 0);
	free(text);
	aggregate_free(a);
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("sessions");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_json_line);
	tcase_add_test(tc, test_csv);
	tcase_add_test(tc, test_csv_quoting_and_errors);
	suite_add_tcase(s, tc);
	return s;
}
