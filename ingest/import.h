/* import.h -- importers: transcript formats other than ours, into sessions.
 *
 * Every importer (ingest/vtt.c, srt.c, eaf.c, cha.c, trs.c, tei.c, txt.c,
 * docx.c, csv.c) is one `const struct import_format` registered in the
 * table of import.c. It parses the bytes of one whole file into one or
 * more import_doc: the speakers as the file names them, their turns with
 * times, the file's own metadata. It knows nothing of roles, ids, the
 * metadata sheet or XML: import_build() (build.c) turns a doc into a
 * session of the model (session.h) -- roles from --roles, the sheet or
 * the file's hints; pseudonymous speaker ids; consecutive cues merged;
 * metadata from the sheet and --set -- and every consumer (`rapport run`,
 * `validate`, `tag`, `agree`, `import`) goes on from that session.
 *
 * Parsers report problems as diagnostics (diag.h) with the 1-based line
 * and column in the file. A file-level problem (not this format, a
 * malformed cue, no turns at all) rejects the file whole: parse returns
 * -1. A format that holds several sessions in one file (CSV) may reject
 * one doc alone: it sets doc->bad and puts the reason in doc->diags.
 */
#ifndef RAPPORT_IMPORT_H
#define RAPPORT_IMPORT_H

#include <stddef.h>

#include "diag.h"
#include "session.h"
#include "util.h"

struct roles;
struct metadata_opts;

/* The largest file an importer reads (it is read whole). */
#define IMPORT_MAX_BYTES	(256u << 20)

/* Metadata a doc, the metadata sheet or --set can give (schema names). */
enum import_key {
	IMPORT_ID,		/* session@id */
	IMPORT_DATE,		/* session@date, YYYY-MM-DD */
	IMPORT_MODALITY,	/* in-person | video | phone */
	IMPORT_NUMBER,		/* session@number, 1, 2, ... */
	IMPORT_LANGUAGE,	/* session@language, en, en-GB */
	IMPORT_CLINICIAN,	/* clinician@id */
	IMPORT_COHORT,
	IMPORT_DISCIPLINE,
	IMPORT_CLIENT,		/* client@id (a pseudonymous id) */
	IMPORT_AGE_GROUP,
	IMPORT_NKEYS
};

/* The schema name of key k ("id", "date", ..., "age-group"). */
const char *import_key_name(enum import_key k);
/* The key named name, or -1. */
int import_key_parse(const char *name);

/* A speaker as the file names it. */
struct import_speaker {
	const char	*label;	/* "Dr Lee", "CHI", "spk1": what --roles
				   patterns match; never an output id */
	const char	*name;	/* a person's name the file gives ("Sarah
				   Lee" for TRS spk1), for redaction; NULL
				   when the label is all there is */
	int		 role;	/* enum session_role the file states (CHAT
				   @Participants, TEI person@role), or -1 */
	long		 line, col;	/* where it is first named */
};

/* One turn (a cue, an annotation, a line of text). */
struct import_turn {
	size_t		 speaker;	/* index into doc->speakers */
	double		 start, end;	/* seconds; NAN when absent */
	const char	*text;		/* valid UTF-8, plain text: markup,
					   entities and format codes resolved */
	const char	*codes;		/* human codes (tag names separated by
					   spaces), or NULL */
	long		 line, col;	/* where the turn starts */
};

struct import_event {
	const char	*type;		/* an event@type of the schema */
	double		 start, end;	/* NAN when absent */
	long		 line;
};

struct import_measure {
	const char	*name;
	double		 value;
};

/* What one file (or one session of a multi-session file) holds. Every
 * string hangs off arena. Build it with the import_doc_* functions. */
struct import_doc {
	arena			*arena;
	const char		*meta[IMPORT_NKEYS];	/* NULL when absent */
	struct import_speaker	*speakers;
	size_t			 nspeakers, speakers_cap;
	struct import_turn	*turns;
	size_t			 nturns, turns_cap;
	struct import_event	*events;
	size_t			 nevents, events_cap;
	struct import_measure	*measures;
	size_t			 nmeasures, measures_cap;
	long			 line;		/* where the doc starts; 1 */
	int			 bad;		/* rejected: see diags */
	struct diags		 diags;		/* this doc's own problems */
};

/* The docs a parse produced. Zero-initialise. */
struct import_docs {
	struct import_doc	**v;
	size_t			  n, cap;
};

/* Options of the CSV importer (--map, --codes, --measure, --delimiter;
 * csv.h). */
struct import_csv_opts;
struct sheet;

/*
 * Consecutive cues of one speaker in a caption format (vtt, srt) are one
 * utterance unless the silence between them is longer than this: twice
 * the "standard maximum" silence of about one second in conversation
 * (Jefferson 1989), so ordinary pauses inside a turn do not split it.
 */
#define IMPORT_DEFAULT_GAP	2.0

/* Everything the command line says about importing (every command that
 * reads transcripts takes these options; cli/cmd.c parses them). */
struct import_opts {
	const struct import_format	*format;	/* forced, or NULL */
	int				 xml_only;	/* --format xml */
	struct roles			*roles;		/* --roles, or NULL */
	struct metadata_opts		*meta;		/* --set, --value,
							   --dates; or NULL */
	const struct sheet		*sheet;		/* --meta, or NULL */
	double				 gap;		/* --gap; < 0: never
							   merge */
	const struct import_csv_opts	*csv;		/* or NULL */
};

/* What a parser is given. */
struct import_src {
	const char			*display;	/* for messages */
	const char			*path;		/* the file ("-": stdin) */
	const char			*data;		/* the whole file */
	size_t				 len;
	const struct import_csv_opts	*csv;		/* NULL: defaults */
};

struct import_format {
	const char	*name;		/* "vtt": `rapport import vtt` */
	const char	*exts;		/* "vtt webvtt": extensions, no dots */
	const char	*summary;	/* one line for --help */
	/* Consecutive turns of one speaker are merged (import_build) when
	 * the gap between them is at most the --gap: caption formats cut
	 * one turn into cues of a few seconds each. */
	int		 merges;
	/*
	 * How sure is it that the file is in this format, from its first
	 * bytes (at most 64 KiB; the whole file when shorter)? 2: a
	 * signature of the format ("WEBVTT", "@UTF8", an XML root element of
	 * its own); 1: it reads like the format; 0: it does not.
	 */
	int		(*sniff)(const char *data, size_t len);
	/*
	 * Parse the whole file src->data. Appends its docs to out (made with
	 * import_doc_create()) and returns 0; diagnostics for the file as a
	 * whole (warnings, and errors of docs it still returns marked bad)
	 * go to d. Returns -1 when the file is rejected whole, with at least
	 * one error in d; the docs it appended are then freed by the caller.
	 */
	int		(*parse)(const struct import_src *src,
			    struct import_docs *out, struct diags *d);
};

/* --- reading a file (import.c) --- */

/*
 * Parse the file path (data, len bytes; display names it in messages)
 * with format fmt into docs (zero it first; free with
 * import_docs_free()). Returns 0, with the file's warnings in d; or -1
 * when the file is rejected whole, its errors in d and docs empty. The
 * docs hold copies of everything: data may be freed after.
 */
int import_parse(const struct import_format *fmt, const char *path,
    const char *display, const char *data, size_t len,
    const struct import_opts *o, struct import_docs *docs, struct diags *d);

/*
 * The session of doc (parsed by fmt from path): its own problems (a doc
 * the parser marked bad) and those of import_build() go to d. Returns
 * the session (free with session_free()), or NULL when it is rejected.
 */
session *import_session(const struct import_doc *doc,
    const struct import_format *fmt, const char *path, const char *display,
    const struct import_opts *o, struct diags *d);

/*
 * Build doc (parsed by fmt from path) into a session of the model:
 *  - metadata: the --meta sheet's row for the file or session, else the
 *    file's own, else --set; the session id defaults to the file name
 *    without its extension; a clinician is required;
 *  - speakers: a role for every label from --roles, else the sheet's
 *    roles column, else the file's own role word; an unmapped label is an
 *    error listing every speaker found and the flag that fixes it. Each
 *    speaker gets a pseudonymous id by role and order of first turn (T1,
 *    T2 therapists; C1 clients; G caregivers; F family; I interpreters;
 *    O others). The label is kept only as the name to redact, unless it
 *    is a generic one ("Speaker 1", "SPEAKER_00", a role word);
 *  - turns: consecutive turns of one speaker merge when fmt->merges and
 *    the silence between them is at most o->gap seconds.
 * Returns the session (free with session_free()), or NULL with the
 * errors in d; warnings go to d too.
 */
session *import_build(const struct import_doc *doc,
    const struct import_format *fmt, const char *path, const char *display,
    const struct import_opts *o, struct diags *d);

/* --- the registry (import.c) --- */

/* Every importer, in the order `rapport import --help` lists them. */
const struct import_format *const *import_formats(size_t *n);
/* The importer named name, or NULL. "xml" is not an importer: it is the
 * native format that ingest.c streams. */
const struct import_format *import_format_find(const char *name);

/*
 * Tell the format of a file from its name and first bytes (data, len).
 * Returns the importer, or NULL with *native set to 1 for our own XML
 * (<session> or <corpus> root) and 0 when no format fits; *why then says
 * what the file looks like ("binary data", "an XML document with root
 * <html>", ...), in a static string.
 */
const struct import_format *import_detect(const char *path,
    const char *data, size_t len, int *native, const char **why);

/* --- building docs (doc.c) --- */

/* A new empty doc (line 1) appended to out; it belongs to out. */
struct import_doc *import_doc_create(struct import_docs *out);
void import_docs_free(struct import_docs *docs);

/* The index of the speaker labelled label (n bytes; compared exactly
 * after trimming white space), added when new with role -1, name NULL
 * and the position given. */
size_t import_doc_speaker(struct import_doc *doc, const char *label,
    size_t n, long line, long col);
/*
 * Append a turn of speaker spk with text (n bytes, valid UTF-8). The text
 * is copied with white space runs (line breaks included) squashed to one
 * space, trimmed, and characters XML 1.0 forbids dropped. A turn whose
 * text is empty after that is not added; returns its index, or -1 then.
 */
long import_doc_turn(struct import_doc *doc, size_t spk, double start,
    double end, const char *text, size_t n, long line, long col);
/* Set metadata key k to a trimmed copy of value (n bytes); an empty value
 * leaves the key unset. */
void import_doc_meta(struct import_doc *doc, enum import_key k,
    const char *value, size_t n);
void import_doc_event(struct import_doc *doc, const char *type,
    double start, double end, long line);
void import_doc_measure(struct import_doc *doc, const char *name,
    double value);

/*
 * A readable dump of a doc for tests and goldens: its metadata, each
 * speaker (label, name, role) and each turn as
 *   LINE:COL SPEAKER [START-END] TEXT
 * one per line, times with three decimals, "-" when absent. Appends to b.
 */
void import_doc_dump(const struct import_doc *doc, strbuf *b);

/* The role named by a file's role word ("Therapist", "Target_Child",
 * "Mother", "Investigator", ... compared without case), or -1. The
 * vocabulary (CHAT depfile roles, TEI and Transcriber conventions) is in
 * doc.c. */
int import_role_word(const char *word, size_t n);

/* The formats (each in its own file). */
extern const struct import_format import_format_vtt;
extern const struct import_format import_format_srt;
extern const struct import_format import_format_eaf;
extern const struct import_format import_format_cha;
extern const struct import_format import_format_trs;
extern const struct import_format import_format_tei;
extern const struct import_format import_format_txt;
extern const struct import_format import_format_docx;
extern const struct import_format import_format_csv;

#endif
