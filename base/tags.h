/* tags.h -- the tag vocabulary of DESIGN.md section 4 (interface).
 *
 * Dotted names; a parent ("reflection") is true when any child is. Human
 * codes in transcripts and analyzer output both use these names.
 */
#ifndef RAPPORT_TAGS_H
#define RAPPORT_TAGS_H

#include <stddef.h>

enum tags_side {
	TAGS_SIDE_THERAPIST,	/* said by the therapist side */
	TAGS_SIDE_CLIENT,	/* said by the client side */
	TAGS_SIDE_ANY
};

struct tags_entry {
	const char	*name;
	const char	*parent;	/* NULL for a top-level tag */
	enum tags_side	 side;
	const char	*meaning;
};

/* The whole vocabulary, in documentation order; *n gets its length. */
const struct tags_entry *tags_all(size_t *n);
/* The entry named name (n bytes), or NULL when it is not a known tag. */
const struct tags_entry *tags_find(const char *name, size_t n);
/* Index of the tag in tags_all(), or -1. */
int tags_index(const char *name, size_t n);

#endif
