/* side.h -- the sides of a conversation (docs/architecture.md section 3).
 *
 * A speaker's role puts them on one side (session_role_side()): the
 * therapist side is the therapist; the client side is the client, a
 * caregiver or family; interpreters and others are on neither. Tags and
 * rules name the side they apply to, or SIDE_ANY.
 */
#ifndef RAPPORT_SIDE_H
#define RAPPORT_SIDE_H

enum side {
	SIDE_THERAPIST,		/* therapist */
	SIDE_CLIENT,		/* client, caregiver, family */
	SIDE_OTHER,		/* interpreter, other */
	SIDE_ANY		/* of a tag or a rule: any speaker */
};

#endif
