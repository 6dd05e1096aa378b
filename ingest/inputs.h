/* inputs.h -- expand command-line INPUTs into a sorted list of files.
 *
 * An INPUT is a file, "-" (standard input) or a directory searched
 * recursively for transcripts: *.xml and every extension an importer
 * reads (.vtt, .srt, .eaf, .cha, .trs, .tei, .txt, .docx, .csv, ...;
 * import.h). Entries of a directory are taken in byte order of their
 * names, so the list (and every output built from it) is the same on
 * every machine. Only regular files are listed; an entry with such an
 * extension that is not one (a FIFO, a socket, a dangling link) or a
 * directory that cannot be read is listed with a reason, so nothing is
 * dropped unseen.
 * Names starting with '.' are skipped, and links to directories are not
 * followed (no loops).
 */
#ifndef RAPPORT_INPUTS_H
#define RAPPORT_INPUTS_H

#include <stddef.h>

struct inputs_item {
	char	*path;		/* as given or joined; "-" for stdin */
	char	*why;		/* NULL, or why it cannot be read */
	/* path + key is the path relative to its INPUT argument (a file
	 * found in a directory INPUT: below the directory; a file INPUT:
	 * its base name; "-"), the same whatever folder the corpus sits
	 * in on whichever machine (run --shard hashes it). */
	size_t	 key;
};

struct inputs {
	struct inputs_item	*v;
	size_t			 n, cap;
};

/* Append the files named by args[0..nargs) to out (zero it first). */
void inputs_expand(struct inputs *out, char *const *args, int nargs);
/* Drop the entries that are the file path (same device and inode): the
 * --meta sheet is not a transcript even when it sits among them. */
void inputs_skip(struct inputs *in, const char *path);
void inputs_free(struct inputs *in);

#endif
