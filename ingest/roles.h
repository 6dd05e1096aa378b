/* roles.h -- speaker labels to roles: --roles 'Dr Lee=therapist,*=client'.
 *
 * A role list is PATTERN=ROLE items separated by commas; a pattern is a
 * glob (fnmatch: '*', '?', '[...]') matched against the whole speaker
 * label without regard to case, after trimming. The first item whose
 * pattern matches wins, so '*=client' last gives a default. Roles are
 * those of the transcript format: therapist, client, caregiver, family,
 * interpreter, other.
 */
#ifndef RAPPORT_ROLES_H
#define RAPPORT_ROLES_H

#include <stddef.h>

struct roles_item {
	char	*pattern;
	int	 role;		/* enum session_role */
};

struct roles {
	struct roles_item	*v;
	size_t			 n, cap;
};

/*
 * Append the items of spec (e.g. "Dr Lee=therapist,*=client") to r.
 * Returns 0, or -1 with *why (free() it) naming the bad item. A pattern
 * may contain '=' or ',' when escaped with a backslash.
 */
int roles_parse(struct roles *r, const char *spec, char **why);
/* The role of label (n bytes), or -1 when no item matches. */
int roles_match(const struct roles *r, const char *label, size_t n);
void roles_free(struct roles *r);

#endif
