/* outdir.h -- a results folder replaced whole, or not at all.
 *
 * A run writes every file into a fresh staging folder beside the results
 * folder (DIR's parent holds .NAME.tmp-PID), makes them durable (fsync of
 * every file and folder), and only then puts the staging folder in DIR's
 * place with one atomic step: rename(2) when DIR does not exist, else
 * renameat2(RENAME_EXCHANGE) and the old folder removed after. So a
 * reader sees the complete previous results or the complete new ones,
 * never a mix, whatever fails (a report, a full disk, kill -9), and no
 * file of an earlier run survives in the new results.
 *
 * While a run has DIR open it holds an exclusive flock on DIR's lock
 * file (.NAME.lock in the parent): a second run on the same DIR is
 * refused with a clear message, and the first run clears what dead runs
 * left behind (.NAME.tmp-* and .NAME.old-*). A DIR that exists and is no
 * rapport results folder (not empty, no manifest.json) is never replaced.
 */
#ifndef RAPPORT_OUTDIR_H
#define RAPPORT_OUTDIR_H

typedef struct outdir outdir;

/*
 * Prepare to replace the results folder dir: check it (not empty, not a
 * file, not someone else's folder), take its lock, remove dead runs'
 * staging folders, make its parent when needed and a fresh staging
 * folder. Returns NULL and *why (free() it) on failure, with nothing
 * changed but perhaps the parent folder made.
 */
outdir *outdir_begin(const char *dir, char **why);
/* The staging folder to write every file into; borrowed. */
const char *outdir_path(const outdir *o);
/*
 * fsync every file and folder under the staging folder, put it in dir's
 * place atomically, fsync the parent, remove the old folder. Returns 0,
 * or -1 and *why with dir as it was (the staging folder removed). o is
 * freed either way.
 */
int outdir_commit(outdir *o, char **why);
/* Remove the staging folder, release the lock and free o; NULL is fine. */
void outdir_abort(outdir *o);

/*
 * Put the folder from in the place of the folder to (which may be
 * missing) in one atomic step, then remove what was at to. Returns 0, or
 * -1 and *why with both as they were. (Used for reports/ by `rapport
 * report` too.)
 */
int outdir_replace(const char *from, const char *to, char **why);
/* Remove path and everything under it (no symlink is followed). */
void outdir_remove_tree(const char *path);
/* fsync every regular file and folder under path, and path itself.
 * Returns 0, or -1 and *why. */
int outdir_sync_tree(const char *path, char **why);

#endif
