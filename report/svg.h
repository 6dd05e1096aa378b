/* svg.h -- the inline SVG charts of the reports.
 *
 * Each chart is a complete <svg> element with role="img", a <title> and
 * a <desc>, drawn in the Okabe & Ito (2008) palette with labelled axes,
 * so it reads without colour and without JavaScript. Missing values (NaN)
 * are left out; a chart without data says so. Every function is safe for
 * any double: values that are not finite or exceed 1e12 in magnitude are
 * left out like missing ones, and every coordinate written is finite.
 */
#ifndef RAPPORT_SVG_H
#define RAPPORT_SVG_H

#include <stddef.h>

#include "util.h"

/* Where a mean sits in the corpus: the corpus range (min to max) with its
 * quartiles, the MITI fair and good thresholds (NaN: none), and the mean
 * with its 95% CI. */
struct svg_range {
	double	 min, q1, median, q3, max;
	double	 fair, good;
	double	 mean, ci_low, ci_high;
	int	 width;		/* pixels; 0: 260 */
};
void svg_range(strbuf *b, const char *title, const char *desc,
    const struct svg_range *r);

/* A trend: points (x in days since 1970-01-01, y), the OLS line with
 * slope (per 30 days) through the points' centroid, and the band between
 * the lines with the slope's CI limits; thresholds as dashed lines.
 * width x height in pixels (small multiples are small). */
struct svg_trend {
	const double	*x, *y;
	size_t		 n;
	double		 slope, slope_low, slope_high;	/* per 30 days */
	double		 fair, good;
	int		 width, height;
	/* Optional, n each (NULL: none): a link for each point (its
	 * session page) and the text of its tooltip. */
	const char *const *href;
	const char *const *tip;
};
void svg_trend(strbuf *b, const char *title, const char *desc,
    const struct svg_trend *t);

/* Monthly means with 95% CI bars; labels are "YYYY-MM". */
void svg_months(strbuf *b, const char *title, const char *desc,
    const char *const *labels, const double *mean, const double *lo,
    const double *hi, size_t n, double fair, double good);

/* The timeline of one session: utterance k of n at x = k, one row per
 * label (rows of them) drawn in colour[r] ("#RRGGBB"), a tick where row
 * r's mark[r * n + k] is set, and shaded spans [ev_from[e], ev_to[e]]
 * of utterance positions for events. */
void svg_timeline(strbuf *b, const char *title, const char *desc,
    const char *const *labels, const char *const *colour, size_t rows,
    const unsigned char *mark, size_t n, const double *ev_from,
    const double *ev_to, size_t nev);

/* A histogram of values (NaN skipped) in `bins` equal bins. */
void svg_histogram(strbuf *b, const char *title, const char *desc,
    const double *v, size_t n, int bins);

#endif
