/* tei_internal.h -- what the two halves of the TEI importer share: tei.c
 * (documents, participants, utterances) and tei_time.c (timelines). */
#ifndef RAPPORT_TEI_INTERNAL_H
#define RAPPORT_TEI_INTERNAL_H

#include <stddef.h>

#include <libxml/tree.h>

#include "diag.h"
#include "xmldom.h"

#define TEI_NS	"http://www.tei-c.org/ns/1.0"

/* Is n the element name in TEI's namespace, or in none? */
int tei_is(xmlNodePtr n, const char *name);
/* The first child of n that tei_is(name), or NULL. */
xmlNodePtr tei_child(xmlNodePtr n, const char *name);
/* The node after n in document order inside top (n's children first
 * when descend), or NULL at the end of top. */
xmlNodePtr tei_walk_next(xmlNodePtr n, xmlNodePtr top, int descend);
/*
 * A pointer attribute value ("#T1", or "T1" as some exports write it):
 * the id it names, in [*id, *id + *n). Returns 1, 0 when the value is
 * blank, -1 when it points into another document ("other.xml#T1").
 */
int tei_pointer(const char *v, const char **id, size_t *n);
/* Do the first 10 bytes of s make a valid YYYY-MM-DD date? */
int tei_date_ok(const char *s);

/* A when of a timeline. */
struct tei_when {
	xmlNodePtr	 n;
	const char	*id;		/* its xml:id, or NULL */
	size_t		 origin;	/* index of its timeline's origin */
	double		 t;		/* seconds from the origin, or NAN */
	int		 state;		/* 0 new, 1 being resolved, 2 done */
};

/* The timelines of one TEI document. Zero it and set d. */
struct tei_timeline {
	struct diags		*d;		/* where problems go */
	int			 failed;	/* an error was reported */
	struct tei_when		*w;
	size_t			 nw, w_cap;
	struct xmldom_ids	 ids;		/* when xml:id -> index */
	size_t			*stack;		/* of when_time() */
	size_t			 nstack, stack_cap;
	size_t			 nuntimed;	/* when without a time */
};

/* Report the error at n, unless one was reported already (the first is
 * the cause; the rest would follow from it). Sets t->failed. */
void tei_fail(struct tei_timeline *t, xmlNodePtr n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Collect every when of the timelines inside tei. Returns 0, or -1 with
 * an error (two when with one xml:id). */
int tei_timeline_read(struct tei_timeline *t, xmlNodePtr tei);
/*
 * The time the pointer attribute value v (attribute what of n) names:
 * returns 0 with *sec in seconds from the origin (NAN when v is blank or
 * the when has no time), or -1 with an error (v names no when, a cycle
 * of @since, an unknown unit).
 */
int tei_timeline_time(struct tei_timeline *t, xmlNodePtr n,
    const char *what, const char *v, double *sec);
void tei_timeline_free(struct tei_timeline *t);

#endif
