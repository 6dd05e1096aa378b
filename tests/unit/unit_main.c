/* unit_main.c -- the main() of every Check program (unit.h). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "init.h"
#include "unit.h"
#include "util.h"

static char dir[] = "/tmp/rapport-unit-XXXXXX";

const char *
unit_tmpdir(void)
{
	return dir;
}

int
main(void)
{
	SRunner *sr;
	int failed;

	if (mkdtemp(dir) == NULL) {
		perror("mkdtemp");
		return 99;	/* a hard error for the test harness */
	}
	rapport_init(RAPPORT_INIT_ALL);
	sr = srunner_create(unit_suite());
	srunner_set_fork_status(sr, CK_NOFORK);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	{
		char *cmd = xasprintf("rm -rf '%s'", dir);

		if (system(cmd) != 0)
			fprintf(stderr, "could not remove %s\n", dir);
		free(cmd);
	}
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
