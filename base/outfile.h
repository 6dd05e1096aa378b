/* outfile.h -- output files written under a temporary name, then renamed.
 *
 * A run writes every output as DIR/.NAME.tmp-PID and renames them all into
 * place only when the run has finished, so a killed run never leaves a
 * truncated file that looks complete (docs/architecture.md section 9).
 */
#ifndef RAPPORT_OUTFILE_H
#define RAPPORT_OUTFILE_H

#include <stdio.h>

typedef struct outfile outfile;

/* Create dir (and its parents) if needed. Returns 0, or -1 and *why. */
int outfile_mkdirs(const char *dir, char **why);
/* Open DIR/.NAME.tmp-PID for writing. Returns NULL and sets *why. */
outfile *outfile_open(const char *dir, const char *name, char **why);
/* The stream to write to; borrowed. */
FILE *outfile_stream(outfile *f);
/* The temporary path (for libraries that want a path, like SQLite). */
const char *outfile_tmppath(const outfile *f);
/* Flush and close the stream (not yet renamed). Returns 0 or -1, *why. */
int outfile_finish(outfile *f, char **why);
/* Rename the finished file into place and free f. Returns 0 or -1. */
int outfile_commit(outfile *f, char **why);
/* Remove the temporary file and free f; NULL is fine. */
void outfile_abort(outfile *f);
/* On SIGINT, SIGTERM or SIGHUP, remove every temporary file still open,
 * then die of the signal as usual. Call once, before outfile_open(). */
void outfile_cleanup_on_signal(void);

#endif
