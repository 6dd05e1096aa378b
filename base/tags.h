/* tags.h -- the tag vocabulary of docs/architecture.md section 4 (interface).
 *
 * Dotted names; a parent ("reflection") is true when any child is. Human
 * codes in transcripts and analyzer output both use these names. Code
 * names a tag by its id (enum tag_id); names are for files and people.
 */
#ifndef RAPPORT_TAGS_H
#define RAPPORT_TAGS_H

#include <stddef.h>

#include "side.h"

/* In documentation order: each parent followed by its children. The
 * order is that of every output that lists tags. */
enum tag_id {
	TAG_REFLECTION,
	TAG_REFLECTION_SIMPLE,
	TAG_REFLECTION_COMPLEX,
	TAG_QUESTION,
	TAG_QUESTION_OPEN,
	TAG_QUESTION_CLOSED,
	TAG_VALIDATION,
	TAG_AFFIRMATION,
	TAG_ENCOURAGER,
	TAG_JARGON,
	TAG_COLLABORATION,
	TAG_AUTONOMY,
	TAG_DIRECTIVE,
	TAG_REPAIR,
	TAG_RUPTURE,
	TAG_RUPTURE_WITHDRAWAL,
	TAG_RUPTURE_CONFRONTATION,
	TAG_CHANGE_TALK,
	TAG_SUSTAIN_TALK,
	TAG_TECH_DISRUPTION,
	TAG_COUNT
};

struct tags_entry {
	const char	*name;
	int		 parent;	/* tag id, or -1 for a top-level tag */
	enum side	 side;		/* who says it (SIDE_ANY: anyone) */
	const char	*meaning;
};

/* The whole vocabulary indexed by tag id; *n gets TAG_COUNT. */
const struct tags_entry *tags_all(size_t *n);
/* The name of tag id (e.g. "reflection.simple"). */
const char *tags_name(int id);
/* The parent of tag id, or -1. */
int tags_parent(int id);
/* The top-level tag of id's family (id itself when top-level). */
int tags_family(int id);
/* Is tag id ancestor, or a descendant of it? */
int tags_is_a(int id, int ancestor);
/* The id of the tag named name (n bytes, need not be NUL-terminated),
 * or -1 when it is not a known tag. */
int tags_lookup(const char *name, size_t n);

#endif
