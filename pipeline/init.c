/* init.c -- library initialisation in one place (init.h). */
#include "config.h"

#include "ingest.h"
#include "init.h"
#include "stats.h"

void
rapport_init(unsigned flags)
{
	if (flags & RAPPORT_INIT_XML)
		ingest_global_init();
	if (flags & RAPPORT_INIT_GSL)
		stats_init();
}
