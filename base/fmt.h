/* fmt.h -- deterministic CSV and JSON text for the output files.
 *
 * Numbers print with %.12g (enough for every statistic we report, and the
 * same on every machine with an IEEE libc); a missing value (NaN) is an
 * empty CSV cell and JSON null, never "nan" or "inf" (docs/architecture.md section 5).
 */
#ifndef RAPPORT_FMT_H
#define RAPPORT_FMT_H

#include <stddef.h>

#include "util.h"

/* Append a CSV field: quoted (RFC 4180) only when it must be. NULL is
 * an empty field. */
void fmt_csv_str(strbuf *b, const char *s);
/* Append a number as a CSV field: empty when not finite. */
void fmt_csv_num(strbuf *b, double v);
/* Append a JSON string literal (with quotes); NULL is null. */
void fmt_json_str(strbuf *b, const char *s);
void fmt_json_strn(strbuf *b, const char *s, size_t n);
/* Append a JSON number; null when not finite. */
void fmt_json_num(strbuf *b, double v);

#endif
