/* tags.c -- the tag vocabulary (DESIGN.md section 4). */
#include "config.h"

#include <string.h>

#include "tags.h"

/* Parents first, each followed by its children. Sources: MITI 4.2.1
 * (Moyers et al. 2014) for reflections, questions, affirmation, seeking
 * collaboration, emphasising autonomy and persuasion; MISC 2.5 (Miller et
 * al. 2008) for change and sustain talk; Safran & Muran (2000) for
 * withdrawal and confrontation ruptures. */
static const struct tags_entry vocabulary[] = {
	{ "reflection", NULL, TAGS_SIDE_THERAPIST, "reflective listening" },
	{ "reflection.simple", "reflection", TAGS_SIDE_THERAPIST,
	  "restates what the client said" },
	{ "reflection.complex", "reflection", TAGS_SIDE_THERAPIST,
	  "adds meaning, feeling or inference" },
	{ "question", NULL, TAGS_SIDE_THERAPIST, "a question" },
	{ "question.open", "question", TAGS_SIDE_THERAPIST,
	  "invites an open answer" },
	{ "question.closed", "question", TAGS_SIDE_THERAPIST,
	  "asks for yes/no or a fact" },
	{ "validation", NULL, TAGS_SIDE_THERAPIST,
	  "the client's feelings are understandable" },
	{ "affirmation", NULL, TAGS_SIDE_THERAPIST,
	  "recognises strengths or efforts" },
	{ "encourager", NULL, TAGS_SIDE_THERAPIST, "minimal encourager" },
	{ "jargon", NULL, TAGS_SIDE_THERAPIST, "clinical jargon" },
	{ "collaboration", NULL, TAGS_SIDE_THERAPIST,
	  "seeks collaboration, offers choices" },
	{ "autonomy", NULL, TAGS_SIDE_THERAPIST,
	  "emphasises the client's choice and control" },
	{ "directive", NULL, TAGS_SIDE_THERAPIST,
	  "persuades or tells without permission" },
	{ "repair", NULL, TAGS_SIDE_THERAPIST, "rupture repair" },
	{ "rupture", NULL, TAGS_SIDE_CLIENT, "alliance rupture marker" },
	{ "rupture.withdrawal", "rupture", TAGS_SIDE_CLIENT,
	  "withdrawal rupture" },
	{ "rupture.confrontation", "rupture", TAGS_SIDE_CLIENT,
	  "confrontation rupture" },
	{ "change-talk", NULL, TAGS_SIDE_CLIENT, "language for change" },
	{ "sustain-talk", NULL, TAGS_SIDE_CLIENT, "language against change" },
	{ "tech.disruption", NULL, TAGS_SIDE_ANY, "telehealth disruption" },
};

const struct tags_entry *
tags_all(size_t *n)
{
	*n = sizeof(vocabulary) / sizeof(vocabulary[0]);
	return vocabulary;
}

int
tags_index(const char *name, size_t n)
{
	for (size_t i = 0; i < sizeof(vocabulary) / sizeof(vocabulary[0]); i++)
		if (strlen(vocabulary[i].name) == n &&
		    memcmp(vocabulary[i].name, name, n) == 0)
			return (int)i;
	return -1;
}

const struct tags_entry *
tags_find(const char *name, size_t n)
{
	int i = tags_index(name, n);

	return i < 0 ? NULL : &vocabulary[i];
}
