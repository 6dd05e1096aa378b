/* sheet.h -- the metadata sheet: --meta sessions.csv.
 *
 * One row per transcript file or session, so 300 Zoom exports and one
 * spreadsheet make a complete corpus. The header names the columns
 * (compared without case; '_' and '-' alike):
 *   file        the transcript's file name (with or without its
 *               extension; a path is matched by its last component)
 *   session     the session id (the key when there is no file column;
 *               else the id given to the file's session)
 *   clinician, client, cohort, date, modality, number, language,
 *   discipline, age-group          the session's metadata
 *   roles       speaker roles as --roles takes them ("Dr Lee=therapist,
 *               *=client"), for this file only
 *   measure_NAME                   a session measure (SRS, ORS, ...)
 * Other columns are ignored, with one warning. The delimiter (',' ';'
 * tab '|') is told from the header line. Values go through
 * metadata_normalise() (value maps, --dates order). A bad value or a key
 * given twice is an error at SHEET:LINE:COL, and loading fails: a sheet
 * is the researcher's own file, half of it is never used.
 */
#ifndef RAPPORT_SHEET_H
#define RAPPORT_SHEET_H

#include <stddef.h>

#include "diag.h"
#include "import.h"
#include "metadata.h"

struct sheet_row {
	long			 line;		/* in the sheet */
	const char		*file;		/* key, or NULL */
	const char		*meta[IMPORT_NKEYS];	/* normalised */
	const char		*roles;		/* or NULL */
	struct import_measure	*measures;
	size_t			 nmeasures;
};

typedef struct sheet sheet;

/* Load path. Returns the sheet, or NULL with every problem in d (each
 * "line:col" of the sheet). Read-only afterwards: threads may share it. */
sheet *sheet_load(const char *path, const struct metadata_opts *o,
    struct diags *d);
void sheet_free(sheet *sh);
/* The path it was loaded from; borrowed. */
const char *sheet_path(const sheet *sh);

/* The row of the transcript at path (matched by file name, with or
 * without extension), else of session id (may be NULL), else NULL. */
const struct sheet_row *sheet_find(const sheet *sh, const char *path,
    const char *id);

#endif
