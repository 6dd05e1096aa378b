/* csv.h -- the CSV importer's options (--map, --codes, --measure,
 * --delimiter).
 *
 * A CSV holds one utterance per row. Its columns are found by --map
 * KEY=COLUMN or, for a key not mapped, by common header names (compared
 * without case): session (session, session_id, transcript_id,
 * conversation_id, dialog_id), order (order, utterance_id, turn,
 * turn_idx, turn_id, index, seq), speaker (speaker, interlocutor, who,
 * role, participant, speaker_name), text (text, utterance,
 * utterance_text, transcript, content, message), start (start, time,
 * timestamp, begin, start_time), end (end, stop, end_time), and the
 * metadata keys by their own names. Without a session column the file is
 * one session, named after the file.
 */
#ifndef RAPPORT_CSV_H
#define RAPPORT_CSV_H

#include <stddef.h>

/* The keys --map knows: the row's parts, then the metadata keys in
 * enum import_key order from IMPORT_DATE. */
enum csv_key {
	CSV_SESSION, CSV_ORDER, CSV_SPEAKER, CSV_TEXT, CSV_START, CSV_END,
	CSV_DATE, CSV_MODALITY, CSV_NUMBER, CSV_LANGUAGE, CSV_CLINICIAN,
	CSV_COHORT, CSV_DISCIPLINE, CSV_CLIENT, CSV_AGE_GROUP,
	CSV_NKEYS
};

struct csv_code {
	char	*column, *value;
	int	 tag;		/* enum tag_id */
};

struct csv_measure {
	char	*name, *column;
};

struct import_csv_opts {
	char			*map[CSV_NKEYS];	/* column names, or NULL */
	struct csv_code		*codes;
	size_t			 ncodes, codes_cap;
	struct csv_measure	*measures;
	size_t			 nmeasures, measures_cap;
	int			 delimiter;		/* 0: from the header */
};

/* Parse --map KEY=COLUMN,... ; --codes COLUMN=VALUE:TAG,... ; --measure
 * NAME=COLUMN,... ; --delimiter C (a character, "tab" or "\t"). Each
 * returns 0, or -1 with *why (free() it). */
int csv_opt_map(struct import_csv_opts *o, const char *arg, char **why);
int csv_opt_codes(struct import_csv_opts *o, const char *arg, char **why);
int csv_opt_measure(struct import_csv_opts *o, const char *arg, char **why);
int csv_opt_delimiter(struct import_csv_opts *o, const char *arg,
    char **why);
void csv_opts_free(struct import_csv_opts *o);

#endif
