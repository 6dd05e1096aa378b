/* paths.h -- where rapport finds its own data files.
 *
 * The schema and the bundled rule set are installed under the package
 * data directory (RAPPORT_PKGDATADIR, from configure); a build that is
 * not installed finds them in its source tree (RAPPORT_SRCDIR), and an
 * environment variable overrides both (for tests and relocated installs).
 */
#ifndef RAPPORT_PATHS_H
#define RAPPORT_PATHS_H

/* The transcript schema: opt when not NULL, else $RAPPORT_SCHEMA, else
 * the installed schemas/transcript.xsd, else the source tree's. The
 * caller frees it. */
char *paths_schema(const char *opt);

/* The directory of the bundled rule set: $RAPPORT_RULES when set, else
 * RAPPORT_PKGDATADIR/rules when it exists, else the source tree's
 * analyzers/rules. The caller frees it. */
char *paths_rules_dir(void);

/* The table of measured validity (docs/validity.csv, which `make eval`
 * writes): $RAPPORT_VALIDITY when set, else RAPPORT_PKGDATADIR/
 * validity.csv when it exists, else the source tree's docs/validity.csv
 * (which may not exist: the reports then say "validity not measured").
 * The caller frees it. */
char *paths_validity(void);

#endif
