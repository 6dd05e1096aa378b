/* paths.c -- rapport's own data files (paths.h). */
#include "config.h"

#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "paths.h"
#include "util.h"

char *
paths_schema(const char *opt)
{
	const char *env = getenv("RAPPORT_SCHEMA");
	char *p;

	if (opt != NULL)
		return xstrdup(opt);
	if (env != NULL && *env != '\0')
		return xstrdup(env);
	p = xasprintf("%s/schemas/transcript.xsd", RAPPORT_PKGDATADIR);
	if (access(p, R_OK) == 0)
		return p;
	free(p);
	return xasprintf("%s/schemas/transcript.xsd", RAPPORT_SRCDIR);
}

static int
is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

char *
paths_rules_dir(void)
{
	const char *env = getenv("RAPPORT_RULES");

	if (env != NULL && *env != '\0')
		return xstrdup(env);
	if (is_dir(RAPPORT_PKGDATADIR "/rules"))
		return xstrdup(RAPPORT_PKGDATADIR "/rules");
	return xstrdup(RAPPORT_SRCDIR "/analyzers/rules");
}

char *
paths_validity(void)
{
	const char *env = getenv("RAPPORT_VALIDITY");

	if (env != NULL && *env != '\0')
		return xstrdup(env);
	if (access(RAPPORT_PKGDATADIR "/validity.csv", R_OK) == 0)
		return xstrdup(RAPPORT_PKGDATADIR "/validity.csv");
	return xstrdup(RAPPORT_SRCDIR "/docs/validity.csv");
}
