/* status.h -- process exit statuses (docs/architecture.md section 7, interface). */
#ifndef RAPPORT_STATUS_H
#define RAPPORT_STATUS_H

enum rapport_exit {
	EXIT_ALL_OK = 0,	/* every input used */
	EXIT_SOME_REJECTED = 1,	/* some inputs rejected, the rest written */
	EXIT_USAGE = 2,		/* usage or configuration error */
	EXIT_NOTHING = 3	/* nothing could be processed */
};

#endif
