/* svg.c -- inline SVG charts for the reports (svg.h). */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "html.h"
#include "svg.h"

/* Okabe & Ito (2008), "Color Universal Design". */
#define C_BLUE		"#0072B2"
#define C_SKY		"#56B4E9"
#define C_GREEN		"#009E73"
#define C_ORANGE	"#E69F00"
#define C_VERMILLION	"#D55E00"
#define C_GREY		"#999999"

static void
open_svg(strbuf *b, int w, int h, const char *title, const char *desc)
{
	strbuf_addf(b, "<svg "
	    "width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\">"
	    "<title>", w, h, w, h);
	html_text(b, title);
	strbuf_adds(b, "</title><desc>");
	html_text(b, desc);
	strbuf_adds(b, "</desc>");
}

static void
label(strbuf *b, double x, double y, const char *anchor, const char *text)
{
	strbuf_addf(b, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">", x, y,
	    anchor);
	html_text(b, text);
	strbuf_adds(b, "</text>");
}

static void
numlabel(strbuf *b, double x, double y, const char *anchor, double v)
{
	char buf[32];

	snprintf(buf, sizeof(buf), fabs(v) >= 100 ? "%.0f" : fabs(v) >= 10 ?
	    "%.1f" : "%.2f", v == 0 ? 0.0 : v);
	label(b, x, y, anchor, buf);
}

static void
nodata(strbuf *b, int w, int h)
{
	label(b, w / 2.0, h / 2.0, "middle", "no data");
	strbuf_adds(b, "</svg>");
}

/* Safe for any double. The charts draw values with |v| <= SVG_MAX_ABS
 * and leave out every other value, as they leave out NaN: a number that
 * large is damage, not data (results.h range-checks what it reads; this
 * holds for any caller), and keeping inputs this small keeps every sum,
 * difference and product below finite (a slope times a day span is at
 * most 1e24). scale() also clamps what it returns, so every coordinate
 * written is a finite number of bounded length. */
#define SVG_MAX_ABS	1e12

static int
drawable(double v)
{
	return isfinite(v) && fabs(v) <= SVG_MAX_ABS;
}

/* Scale v from [lo, hi] to [a, b]. A point far outside [lo, hi] (a trend
 * line's end) is clamped to 10,000 chart heights away, where the inner
 * viewport clips it: the visible part of a line moves by less than
 * 0.01% of the chart. NaN goes to the middle. */
static double
scale(double v, double lo, double hi, double a, double b)
{
	double t;

	if (!(hi > lo) || !isfinite(hi - lo))
		return (a + b) / 2;
	t = (v - lo) / (hi - lo);
	if (isnan(t))
		return (a + b) / 2;
	t = t < -1e4 ? -1e4 : t > 1e4 ? 1e4 : t;
	return a + t * (b - a);
}

static void
widen(double *lo, double *hi, double v)
{
	if (!drawable(v))
		return;
	if (v < *lo)
		*lo = v;
	if (v > *hi)
		*hi = v;
}

void
svg_range(strbuf *b, const char *title, const char *desc,
    const struct svg_range *r)
{
	const int w = r->width > 40 && r->width < 2000 ? r->width : 260, h = 34;
	double lo = INFINITY, hi = -INFINITY, x0 = 8, x1 = w - 8, y = 14;

	open_svg(b, w, h, title, desc);
	widen(&lo, &hi, r->min);
	widen(&lo, &hi, r->max);
	widen(&lo, &hi, r->ci_low);
	widen(&lo, &hi, r->ci_high);
	widen(&lo, &hi, r->mean);
	widen(&lo, &hi, r->fair);
	widen(&lo, &hi, r->good);
	if (!drawable(lo)) {
		nodata(b, w, h);
		return;
	}
	if (hi == lo)
		hi = lo + 1;
#define X(v) scale((v), lo, hi, x0, x1)
	if (drawable(r->min) && drawable(r->max))
		strbuf_addf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
		    "y2=\"%.1f\" stroke=\"#ccc\" stroke-width=\"4\"/>",
		    X(r->min), y, X(r->max), y);
	if (drawable(r->q1) && drawable(r->q3))
		strbuf_addf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
		    "height=\"10\" fill=\"" C_SKY "\" opacity=\"0.45\"/>",
		    X(r->q1), y - 5, X(r->q3) - X(r->q1));
	if (drawable(r->median))
		strbuf_addf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
		    "y2=\"%.1f\" stroke=\"#555\" stroke-width=\"1.5\"/>",
		    X(r->median), y - 6, X(r->median), y + 6);
	if (drawable(r->fair))
		strbuf_addf(b, "<line x1=\"%.1f\" y1=\"2\" x2=\"%.1f\" y2=\"%d\" "
		    "stroke=\"" C_ORANGE "\" stroke-dasharray=\"3,2\"/>",
		    X(r->fair), X(r->fair), h - 10);
	if (drawable(r->good))
		strbuf_addf(b, "<line x1=\"%.1f\" y1=\"2\" x2=\"%.1f\" y2=\"%d\" "
		    "stroke=\"" C_GREEN "\" stroke-dasharray=\"3,2\"/>",
		    X(r->good), X(r->good), h - 10);
	if (drawable(r->ci_low) && drawable(r->ci_high))
		strbuf_addf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
		    "y2=\"%.1f\" stroke=\"" C_BLUE "\" stroke-width=\"2\"/>",
		    X(r->ci_low), y, X(r->ci_high), y);
	if (drawable(r->mean))
		strbuf_addf(b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4.5\" "
		    "fill=\"" C_BLUE "\"/>", X(r->mean), y);
	numlabel(b, x0, h - 1, "start", lo);
	numlabel(b, x1, h - 1, "end", hi);
#undef X
	strbuf_adds(b, "</svg>");
}

/* YYYY-MM-DD of day d since 1970-01-01 (Hinnant's civil_from_days). */
static void
day_label(double d, char out[48])
{
	long z, era, doe, yoe, y, doy, mp, dd, m;

	/* +-1e8 days (+-270,000 years) keeps z and y within a 32-bit long
	 * and keeps the cast defined for any d; NaN is day 0. */
	d = isnan(d) ? 0 : d < -1e8 ? -1e8 : d > 1e8 ? 1e8 : d;
	z = (long)floor(d) + 719468;

	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	dd = doy - (153 * mp + 2) / 5 + 1;
	m = mp + (mp < 10 ? 3 : -9);
	snprintf(out, 48, "%04d-%02d-%02d", (int)(y + (m <= 2)), (int)m,
	    (int)dd);
}

static void
hline(strbuf *b, double x0, double x1, double y, const char *colour)
{
	strbuf_addf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
	    "stroke=\"%s\" stroke-dasharray=\"4,3\"/>", x0, y, x1, y, colour);
}

void
svg_trend(strbuf *b, const char *title, const char *desc,
    const struct svg_trend *t)
{
	const int w = t->width, h = t->height;
	double xl = 36, xr = w - 8, yt = 8, yb = h - 20;
	double xlo = INFINITY, xhi = -INFINITY, ylo = INFINITY, yhi = -INFINITY;
	double mx = 0, my = 0, pad;
	size_t m = 0;
	char d0[48], d1[48];

	open_svg(b, w, h, title, desc);
	for (size_t i = 0; i < t->n; i++) {
		if (!drawable(t->x[i]) || !drawable(t->y[i]))
			continue;
		widen(&xlo, &xhi, t->x[i]);
		widen(&ylo, &yhi, t->y[i]);
		mx += t->x[i];
		my += t->y[i];
		m++;
	}
	if (m == 0) {
		nodata(b, w, h);
		return;
	}
	mx /= (double)m;
	my /= (double)m;
	widen(&ylo, &yhi, t->fair);
	widen(&ylo, &yhi, t->good);
	if (ylo > 0 && ylo < (yhi - ylo))
		ylo = 0;
	if (yhi == ylo)
		yhi = ylo + 1;
	/* The axis labels name the first and last session (before a lone
	 * day is widened); the plot area gets a margin so no point sits on
	 * its frame. */
	day_label(xlo, d0);
	day_label(xhi, d1);
	if (xhi == xlo) {
		xlo -= 15;
		xhi += 15;
	}
	pad = (xhi - xlo) * 0.04;
	xlo -= pad;
	xhi += pad;
	pad = (yhi - ylo) * 0.06;
	yhi += pad;
	if (ylo != 0)
		ylo -= pad;
#define X(v) scale((v), xlo, xhi, xl, xr)
#define Y(v) scale((v), ylo, yhi, yb, yt)
	strbuf_addf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
	    "height=\"%.1f\" fill=\"none\" stroke=\"#ddd\"/>", xl, yt, xr - xl,
	    yb - yt);
	/* An inner viewport on the plot area clips the band and lines. */
	strbuf_addf(b, "<svg x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
	    "height=\"%.1f\" viewBox=\"%.1f %.1f %.1f %.1f\">", xl, yt,
	    xr - xl, yb - yt, xl, yt, xr - xl, yb - yt);
	if (drawable(t->slope_low) && drawable(t->slope_high)) {
		double lo = t->slope_low / 30, hi = t->slope_high / 30;

		strbuf_addf(b, "<polygon fill=\"" C_SKY "\" opacity=\"0.3\" "
		    "points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f %.1f,%.1f\"/>",
		    X(xlo), Y(my + lo * (xlo - mx)), X(xhi),
		    Y(my + lo * (xhi - mx)), X(xhi), Y(my + hi * (xhi - mx)),
		    X(xlo), Y(my + hi * (xlo - mx)));
	}
	if (drawable(t->fair))
		hline(b, xl, xr, Y(t->fair), C_ORANGE);
	if (drawable(t->good))
		hline(b, xl, xr, Y(t->good), C_GREEN);
	if (drawable(t->slope)) {
		double s = t->slope / 30;

		strbuf_addf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
		    "y2=\"%.1f\" stroke=\"" C_BLUE "\" stroke-width=\"2\"/>",
		    X(xlo), Y(my + s * (xlo - mx)), X(xhi),
		    Y(my + s * (xhi - mx)));
	}
	strbuf_adds(b, "</svg>");
	for (size_t i = 0; i < t->n; i++) {
		if (!drawable(t->x[i]) || !drawable(t->y[i]))
			continue;
		if (t->href != NULL && t->href[i] != NULL) {
			strbuf_adds(b, "<a href=\"");
			html_text(b, t->href[i]);
			strbuf_adds(b, "\">");
		}
		strbuf_addf(b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%s\" "
		    "fill=\"" C_VERMILLION "\">", X(t->x[i]), Y(t->y[i]),
		    t->href != NULL ? "4" : "3");
		if (t->tip != NULL && t->tip[i] != NULL) {
			strbuf_adds(b, "<title>");
			html_text(b, t->tip[i]);
			strbuf_adds(b, "</title>");
		}
		strbuf_adds(b, "</circle>");
		if (t->href != NULL && t->href[i] != NULL)
			strbuf_adds(b, "</a>");
	}
	numlabel(b, xl - 3, yb, "end", ylo);
	numlabel(b, xl - 3, yt + 8, "end", yhi);
	label(b, xl, h - 5, "start", d0);
	label(b, xr, h - 5, "end", d1);
#undef X
#undef Y
	strbuf_adds(b, "</svg>");
}

void
svg_months(strbuf *b, const char *title, const char *desc,
    const char *const *labels, const double *mean, const double *lo,
    const double *hi, size_t n, double fair, double good)
{
	const int w = 420, h = 190;
	double xl = 40, xr = w - 10, yt = 10, yb = h - 24;
	double vlo = INFINITY, vhi = -INFINITY;

	open_svg(b, w, h, title, desc);
	for (size_t i = 0; i < n; i++) {
		widen(&vlo, &vhi, mean[i]);
		widen(&vlo, &vhi, lo[i]);
		widen(&vlo, &vhi, hi[i]);
	}
	if (!drawable(vlo)) {
		nodata(b, w, h);
		return;
	}
	widen(&vlo, &vhi, fair);
	widen(&vlo, &vhi, good);
	if (vlo > 0)
		vlo = 0;
	if (vhi == vlo)
		vhi = vlo + 1;
#define X(i) (xl + ((double)(i) + 0.5) * (xr - xl) / (double)n)
#define Y(v) scale((v), vlo, vhi, yb, yt)
	strbuf_addf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
	    "height=\"%.1f\" fill=\"none\" stroke=\"#ddd\"/>", xl, yt, xr - xl,
	    yb - yt);
	if (drawable(fair))
		hline(b, xl, xr, Y(fair), C_ORANGE);
	if (drawable(good))
		hline(b, xl, xr, Y(good), C_GREEN);
	for (size_t i = 0; i < n; i++) {
		if (drawable(lo[i]) && drawable(hi[i]))
			strbuf_addf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
			    "y2=\"%.1f\" stroke=\"" C_BLUE "\" stroke-width="
			    "\"2\"/>", X(i), Y(lo[i]), X(i), Y(hi[i]));
		if (drawable(mean[i]))
			strbuf_addf(b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" "
			    "fill=\"" C_BLUE "\"/>", X(i), Y(mean[i]));
		label(b, X(i), h - 8, "middle", labels[i]);
	}
	numlabel(b, xl - 3, yb, "end", vlo);
	numlabel(b, xl - 3, yt + 8, "end", vhi);
#undef X
#undef Y
	strbuf_adds(b, "</svg>");
}

void
svg_timeline(strbuf *b, const char *title, const char *desc,
    const char *const *labels, const char *const *colour, size_t rows,
    const unsigned char *mark, size_t n, const double *ev_from,
    const double *ev_to, size_t nev)
{
	const int w = 700, rh = 16, xl = 150, xr = w - 10, yt = 6;
	const int h = yt + (int)rows * rh + 22;

	open_svg(b, w, h, title, desc);
	if (n == 0 || rows == 0) {
		nodata(b, w, h);
		return;
	}
#define X(k) (xl + ((double)(k) + 0.5) * (xr - xl) / (double)n)
	for (size_t e = 0; e < nev; e++) {
		double a = ev_from[e], z = ev_to[e];

		if (!drawable(a) || !drawable(z))
			continue;
		a = a < 0 ? 0 : a > (double)n ? (double)n : a;
		z = z < a ? a : z > (double)n ? (double)n : z;
		strbuf_addf(b, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" "
		    "height=\"%d\" fill=\"" C_GREY "\" opacity=\"0.35\"/>",
		    X(a) - 0.5 * (xr - xl) / (double)n, yt,
		    (z - a + 1) * (xr - xl) / (double)n, (int)rows * rh);
	}
	for (size_t r = 0; r < rows; r++) {
		int y = yt + (int)r * rh;

		strbuf_addf(b, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" "
		    "y2=\"%d\" stroke=\"#eee\"/>", xl, y + rh / 2, xr,
		    y + rh / 2);
		label(b, xl - 6, y + rh - 4, "end", labels[r]);
		for (size_t k = 0; k < n; k++)
			if (mark[r * n + k])
				strbuf_addf(b, "<rect x=\"%.1f\" y=\"%d\" "
				    "width=\"%.1f\" height=\"%d\" fill=\"%s\"/>",
				    X(k) - 1.5, y + 2, 3.0, rh - 4, colour[r]);
	}
	{
		char buf[32];

		label(b, xl, h - 6, "start", "1");
		snprintf(buf, sizeof(buf), "%zu", n);
		label(b, xr, h - 6, "end", buf);
	}
	label(b, (xl + xr) / 2.0, h - 6, "middle", "utterance");
#undef X
	strbuf_adds(b, "</svg>");
}

void
svg_histogram(strbuf *b, const char *title, const char *desc,
    const double *v, size_t n, int bins)
{
	const int w = 280, h = 150;
	double xl = 10, xr = w - 10, yt = 18, yb = h - 22;
	double lo = INFINITY, hi = -INFINITY;
	unsigned long *count = xcalloc(bins > 0 ? (size_t)bins : 1,
	    sizeof(*count)), top = 0;

	open_svg(b, w, h, title, desc);
	for (size_t i = 0; i < n; i++)
		widen(&lo, &hi, v[i]);
	if (!drawable(lo) || bins < 1) {
		free(count);
		nodata(b, w, h);
		return;
	}
	if (hi == lo)
		hi = lo + 1;
	for (size_t i = 0; i < n; i++) {
		double f;
		int k;

		if (!drawable(v[i]))
			continue;
		/* lo <= v <= hi and hi - lo <= 2e12: f is in [0, bins]; the
		 * clamp keeps the index in range whatever rounding does. */
		f = (v[i] - lo) / (hi - lo) * bins;
		k = f >= bins ? bins - 1 : f > 0 ? (int)f : 0;
		if (++count[k] > top)
			top = count[k];
	}
	for (int k = 0; k < bins; k++) {
		double bw = (xr - xl) / bins, bh = (yb - yt) * (double)count[k] /
		    (double)top;

		strbuf_addf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
		    "height=\"%.1f\" fill=\"" C_BLUE "\" stroke=\"#fff\"/>",
		    xl + k * bw, yb - bh, bw, bh);
	}
	strbuf_addf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
	    "stroke=\"#333\"/>", xl, yb, xr, yb);
	numlabel(b, xl, h - 6, "start", lo);
	numlabel(b, xr, h - 6, "end", hi);
	{
		char buf[48];

		snprintf(buf, sizeof(buf), "tallest bar: %lu", top);
		label(b, xr, yt - 6, "end", buf);
	}
	free(count);
	strbuf_adds(b, "</svg>");
}
