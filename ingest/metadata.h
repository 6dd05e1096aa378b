/* metadata.h -- session metadata from outside the transcript.
 *
 * A transcript exported by Zoom or ELAN knows nothing of its session: id,
 * clinician, client, date, modality, cohort. That comes from the command
 * line (--set KEY=VALUE for every session), from a sheet with a row per
 * file or session (--meta FILE, sheet.h), or from the file's own headers
 * (a CHAT @Date). Every value passes through here before it reaches a
 * session: value maps (--value modality=Zoom:video) are applied, dates in
 * the configured order are turned into YYYY-MM-DD, common modality words
 * are recognised, and what is still not a valid value of the transcript
 * format is reported.
 */
#ifndef RAPPORT_METADATA_H
#define RAPPORT_METADATA_H

#include <stddef.h>

#include "import.h"

/* How a date such as 03/04/2026 is read. */
enum metadata_dates {
	METADATA_DATES_ISO,	/* only YYYY-MM-DD (and YYYY/MM/DD) */
	METADATA_DATES_DMY,	/* day first: 03/04/2026 is 3 April */
	METADATA_DATES_MDY	/* month first: 03/04/2026 is 4 March */
};

struct metadata_map {
	int	 key;		/* enum import_key */
	char	*from, *to;	/* from: compared without case */
};

struct metadata_opts {
	char			*set[IMPORT_NKEYS];	/* --set */
	struct metadata_map	*maps;			/* --value */
	size_t			 nmaps, cap;
	enum metadata_dates	 dates;			/* --dates */
};

/* Parse --set KEY=VALUE into o. 0, or -1 with *why (free() it). */
int metadata_set(struct metadata_opts *o, const char *arg, char **why);
/* Parse --value KEY=FROM:TO[,KEY=FROM:TO...] into o. */
int metadata_value(struct metadata_opts *o, const char *arg, char **why);
/* Parse --dates iso|dmy|mdy into o. */
int metadata_dates(struct metadata_opts *o, const char *arg, char **why);
void metadata_opts_free(struct metadata_opts *o);

/*
 * The value of key k to store: value (n bytes) trimmed, mapped by o's
 * value maps, then normalised (dates to YYYY-MM-DD in o's order, modality
 * words such as "Zoom", "telehealth", "face to face" to the schema's
 * in-person | video | phone). Returns a new string (free() it), or NULL
 * with *why (a static reason) when it is still not valid for k. An empty
 * value returns NULL with *why NULL.
 */
char *metadata_normalise(const struct metadata_opts *o, int k,
    const char *value, size_t n, const char **why);

#endif
