/* unit_main.c -- the main() of every Check program (unit.h). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#ifdef __linux__
#include <linux/capability.h>
#include <sys/syscall.h>
#endif

#include "init.h"
#include "unit.h"
#include "util.h"

static char dir[] = "/tmp/rapport-unit-XXXXXX";

const char *
unit_tmpdir(void)
{
	return dir;
}

#ifdef __linux__
int
unit_dac_override(int on)
{
	struct __user_cap_header_struct h = { _LINUX_CAPABILITY_VERSION_3, 0 };
	struct __user_cap_data_struct d[2];
	const unsigned bits = 1u << CAP_DAC_OVERRIDE |
	    1u << CAP_DAC_READ_SEARCH;

	if (syscall(SYS_capget, &h, d) != 0)
		return -1;
	if (on)
		d[0].effective |= d[0].permitted & bits;
	else
		d[0].effective &= ~bits;
	return syscall(SYS_capset, &h, d) == 0 ? 0 : -1;
}
#else
int
unit_dac_override(int on)
{
	(void)on;
	return -1;
}
#endif

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
