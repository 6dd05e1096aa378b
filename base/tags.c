/* tags.c -- the tag vocabulary (docs/architecture.md section 4). */
#include "config.h"

#include <string.h>

#include "tags.h"

/* Sources: MITI 4.2.1 (Moyers et al. 2014) for reflections, questions,
 * affirmation, seeking collaboration, emphasising autonomy and
 * persuasion; MISC 2.5 (Miller et al. 2008) for change and sustain talk;
 * Safran & Muran (2000) for withdrawal and confrontation ruptures. */
static const struct tags_entry vocabulary[TAG_COUNT] = {
	[TAG_REFLECTION] = { "reflection", -1, SIDE_THERAPIST,
	    "reflective listening" },
	[TAG_REFLECTION_SIMPLE] = { "reflection.simple", TAG_REFLECTION,
	    SIDE_THERAPIST, "restates what the client said" },
	[TAG_REFLECTION_COMPLEX] = { "reflection.complex", TAG_REFLECTION,
	    SIDE_THERAPIST, "adds meaning, feeling or inference" },
	[TAG_QUESTION] = { "question", -1, SIDE_THERAPIST, "a question" },
	[TAG_QUESTION_OPEN] = { "question.open", TAG_QUESTION,
	    SIDE_THERAPIST, "invites an open answer" },
	[TAG_QUESTION_CLOSED] = { "question.closed", TAG_QUESTION,
	    SIDE_THERAPIST, "asks for yes/no or a fact" },
	[TAG_VALIDATION] = { "validation", -1, SIDE_THERAPIST,
	    "the client's feelings are understandable" },
	[TAG_AFFIRMATION] = { "affirmation", -1, SIDE_THERAPIST,
	    "recognises strengths or efforts" },
	[TAG_ENCOURAGER] = { "encourager", -1, SIDE_THERAPIST,
	    "minimal encourager" },
	[TAG_JARGON] = { "jargon", -1, SIDE_THERAPIST, "clinical jargon" },
	[TAG_COLLABORATION] = { "collaboration", -1, SIDE_THERAPIST,
	    "seeks collaboration, offers choices" },
	[TAG_AUTONOMY] = { "autonomy", -1, SIDE_THERAPIST,
	    "emphasises the client's choice and control" },
	[TAG_DIRECTIVE] = { "directive", -1, SIDE_THERAPIST,
	    "persuades or tells without permission" },
	[TAG_REPAIR] = { "repair", -1, SIDE_THERAPIST, "rupture repair" },
	[TAG_RUPTURE] = { "rupture", -1, SIDE_CLIENT,
	    "alliance rupture marker" },
	[TAG_RUPTURE_WITHDRAWAL] = { "rupture.withdrawal", TAG_RUPTURE,
	    SIDE_CLIENT, "withdrawal rupture" },
	[TAG_RUPTURE_CONFRONTATION] = { "rupture.confrontation", TAG_RUPTURE,
	    SIDE_CLIENT, "confrontation rupture" },
	[TAG_CHANGE_TALK] = { "change-talk", -1, SIDE_CLIENT,
	    "language for change" },
	[TAG_SUSTAIN_TALK] = { "sustain-talk", -1, SIDE_CLIENT,
	    "language against change" },
	[TAG_TECH_DISRUPTION] = { "tech.disruption", -1, SIDE_ANY,
	    "telehealth disruption" },
};

const struct tags_entry *
tags_all(size_t *n)
{
	*n = TAG_COUNT;
	return vocabulary;
}

const char *
tags_name(int id)
{
	return vocabulary[id].name;
}

int
tags_parent(int id)
{
	return vocabulary[id].parent;
}

int
tags_family(int id)
{
	while (vocabulary[id].parent >= 0)
		id = vocabulary[id].parent;
	return id;
}

int
tags_is_a(int id, int ancestor)
{
	for (; id >= 0; id = vocabulary[id].parent)
		if (id == ancestor)
			return 1;
	return 0;
}

int
tags_lookup(const char *name, size_t n)
{
	for (int i = 0; i < TAG_COUNT; i++)
		if (strlen(vocabulary[i].name) == n &&
		    memcmp(vocabulary[i].name, name, n) == 0)
			return i;
	return -1;
}
