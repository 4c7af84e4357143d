#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "html.h"
#include "labels.h"
#include "period.h"
#include "report.h"
#include "rhtml.h"
#include "text.h"

/* The page style: A4 landscape (the table is wide), one serif family for
 * everything, the charts' text included, as the plan and Nghị định
 * 30/2020 set documents (Times New Roman, or Liberation Serif, its
 * metric twin); tables that repeat their header on every printed page,
 * charts never split across pages.  The table is a pixel narrower than
 * the page: with collapsed borders, half of the outer border lies
 * outside a table of the full width, and print cut the right one off.
 * It holds no "<" or "&", so it is also well-formed XML. */
static const char style[] =
"@page { size: A4 landscape; margin: 12mm 12mm 14mm; }\n"
"body { font-family: \"Times New Roman\", \"Liberation Serif\","
" \"DejaVu Serif\", serif;"
" font-size: 11pt; color: #000; background: #fff;"
" max-width: 90em; margin: 1em auto; padding: 0 1em; }\n"
"h1 { font-size: 15pt; text-align: center; }\n"
"h2 { font-size: 13pt; margin-top: 1.5em; }\n"
"h3 { font-size: 11pt; margin: 1em 0 0.3em; }\n"
"p.created { text-align: right; font-size: 10pt; font-style: italic; }\n"
"p.rule { margin: 0.4em 0 0; font-style: italic; }\n"
"table { border-collapse: collapse; width: calc(100% - 2px);"
" margin: 0 1px; font-size: 10pt; }\n"
"thead { display: table-header-group; }\n"
"tr { page-break-inside: avoid; break-inside: avoid; }\n"
"th, td { border: 1px solid #444; padding: 2px 4px; vertical-align: top; }\n"
"th { background: #eee; font-weight: bold; text-align: center; }\n"
"td.n { text-align: right; white-space: nowrap;"
" font-variant-numeric: tabular-nums; }\n"
"td.met { text-align: center; white-space: nowrap; }\n"
"tbody td:nth-child(2) { white-space: nowrap; }\n"
"td.miss { text-align: center; white-space: nowrap; font-weight: bold;"
" font-style: italic;"
" color: #b00020; }\n"
"tr.total td { font-weight: bold; background: #f4f4f4; }\n"
"div.chart { page-break-inside: avoid; break-inside: avoid; }\n"
"svg { width: 100%; max-width: 170mm; height: auto; display: block; }\n"
"svg text { font-family: inherit; font-size: 13px; fill: #000; }\n"
"svg text.total { font-weight: bold; }\n"
"@media print { body { max-width: none; margin: 0; padding: 0; } }\n";

/* The style of coverage, only on a page with it: the note on schools
 * missing, a row not reported and its place in a chart. */
static const char cover_style[] =
"p.coverage { font-weight: bold; border-left: 4px solid #b00020;"
" padding: 0.2em 0.6em; }\n"
"td.nr { text-align: center; font-style: italic; color: #555; }\n"
"svg text.nr { font-style: italic; fill: #555; }\n";

/* Chart geometry, in SVG user units: 720 wide, drawn at most 170 mm
 * wide, so that two charts of 16 bars fit an A4 landscape page. */
#define CW		720	/* width */
#define ROW		17	/* a bar's row */
#define BAR		12	/* a bar's thickness */
#define TOP		34	/* the legend above the bars */
#define BOTTOM		24	/* the axis labels below them */
#define VALW		64	/* room for the value after the longest bar */

static void
esc(struct buf *out, const char *s)
{
	html_escapes(out, s);
}

static void
num(struct buf *out, const char *s, int places, const struct fmt_locale *loc)
{
	struct buf b = { 0 };

	if (fmt_num(&b, s, strlen(s), places, loc, FMT_GROUP) != 0)
		buf_adds(&b, s);
	esc(out, b.p);
	buf_free(&b);
}

static void
table(struct buf *out, const struct rtable *t, const struct fmt_locale *loc,
    const struct labels *l)
{
	struct buf b = { 0 };
	size_t r, c, e;
	int groups = 0;

	for (c = 0; c < t->ncol; c++)
		groups |= t->col[c].group != NULL;
	buf_adds(out, "<table>\n<thead>\n<tr>");
	for (c = 0; c < t->ncol; c = e) {
		e = c + 1;
		if (groups && t->col[c].group == NULL) {
			buf_printf(out, "<th rowspan=\"2\" scope=\"col\">");
			esc(out, t->col[c].label);
		} else if (groups) {
			while (e < t->ncol && t->col[e].group == t->col[c].group)
				e++;
			buf_printf(out, "<th colspan=\"%zu\" scope=\"colgroup\">",
			    e - c);
			esc(out, t->col[c].group);
		} else {
			buf_adds(out, "<th scope=\"col\">");
			esc(out, t->col[c].label);
		}
		buf_adds(out, "</th>");
	}
	buf_adds(out, "</tr>\n");
	if (groups) {
		buf_adds(out, "<tr>");
		for (c = 0; c < t->ncol; c++) {
			if (t->col[c].group == NULL)
				continue;
			buf_adds(out, "<th scope=\"col\">");
			esc(out, t->col[c].label);
			buf_adds(out, "</th>");
		}
		buf_adds(out, "</tr>\n");
	}
	buf_adds(out, "</thead>\n<tbody>\n");
	for (r = 0; r < t->nrow; r++) {
		buf_adds(out, t->total[r] ? "<tr class=\"total\">" : "<tr>");
		for (c = 0; c < t->ncol; c++) {
			const char *v = t->cell[r * t->ncol + c];
			const char *cls = t->col[c].kind != RCOL_TEXT ?
			    " class=\"n\"" : "";

			/* Not reported: one cell over all the values. */
			if (t->unreported[r] && c == t->vfirst) {
				buf_printf(out, "<td colspan=\"%zu\" "
				    "class=\"nr\">", t->ncol - c);
				esc(out, l->not_reported);
				buf_adds(out, "</td>");
				break;
			}

			if (t->col[c].met && strcmp(v, l->met) == 0)
				cls = " class=\"met\"";
			else if (t->col[c].met && strcmp(v, l->missed) == 0)
				cls = " class=\"miss\"";
			buf_printf(out, "<td%s>", cls);
			buf_reset(&b);
			report_cell(&b, t, r, c, loc);
			esc(out, b.p ? b.p : "");
			buf_adds(out, "</td>");
		}
		buf_adds(out, "</tr>\n");
	}
	buf_adds(out, "</tbody>\n</table>\n");
	buf_free(&b);
}

/* tick_text writes the tick at v, a multiple of step, with as many
 * decimals as step has ("0,25"), in loc's form. */
static void
tick_text(struct buf *out, double v, double step,
    const struct fmt_locale *loc)
{
	char tmp[64];
	int places = 0;
	double s = step;

	while (places < 6 && fabs(s - floor(s + 0.5)) > 1e-9) {
		s *= 10;
		places++;
	}
	snprintf(tmp, sizeof tmp, "%.*f", places, v);
	num(out, tmp, places, loc);
}

static void
legend_item(struct buf *out, double x, const char *fill, const char *stroke,
    const char *label)
{
	buf_printf(out, "<rect x=\"%.1f\" y=\"8\" width=\"22\" height=\"%d\" "
	    "fill=\"%s\" stroke=\"%s\"/>", x, BAR, fill, stroke);
	buf_printf(out, "<text x=\"%.1f\" y=\"19\">", x + 28);
	esc(out, label);
	buf_adds(out, "</text>\n");
}

static void
chart(struct buf *out, const struct rchart *ch, const struct labels *l,
    const struct fmt_locale *loc, size_t id)
{
	size_t i, maxname = 0, w, nticks;
	double step, vmax = report_axis(ch, &step), lx, bx, bw, x, y, lxe, tx;
	int h, any_met = 0, any_miss = 0, any_target = 0;
	char hatch[32];

	for (i = 0; i < ch->nbar; i++) {
		w = text_width(ch->bar[i].name, strlen(ch->bar[i].name));
		if (w > maxname)
			maxname = w;
		any_met |= ch->bar[i].met == 1;
		any_miss |= ch->bar[i].met == 0;
		any_target |= ch->bar[i].target != NULL;
	}
	/* Names right-aligned before the bars: about 7 units a character. */
	lx = 7.0 * (double)maxname + 12;
	if (lx < 90)
		lx = 90;
	if (lx > 260)
		lx = 260;
	bx = lx + 4;
	bw = CW - bx - VALW;
	h = TOP + ROW * (int)ch->nbar + BOTTOM;
	snprintf(hatch, sizeof hatch, "miss-%zu", id);
	buf_adds(out, "<div class=\"chart\">\n<h3>");
	esc(out, ch->title);
	buf_adds(out, "</h3>\n");
	buf_printf(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
	    "viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"", CW, h);
	esc(out, ch->title);
	buf_adds(out, "\">\n");
	/* Missed: red diagonal hatching on white, outlined. */
	buf_printf(out, "<defs><pattern id=\"%s\" width=\"6\" height=\"6\" "
	    "patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
	    "<rect width=\"6\" height=\"6\" fill=\"#fff\"/>"
	    "<rect width=\"3\" height=\"6\" fill=\"#c62828\"/></pattern></defs>\n",
	    hatch);
	/* Legend. */
	x = bx;
	if (any_met) {
		legend_item(out, x, "#1b5e20", "#1b5e20", l->met);
		x += 40 + 7.0 * (double)text_width(l->met, strlen(l->met));
	}
	if (any_miss) {
		char fill[48];

		snprintf(fill, sizeof fill, "url(#%s)", hatch);
		legend_item(out, x, fill, "#c62828", l->missed);
		x += 40 + 7.0 * (double)text_width(l->missed,
		    strlen(l->missed));
	}
	if (any_target) {
		buf_printf(out, "<path d=\"M%.1f 5v19\" stroke=\"#000\" "
		    "stroke-width=\"2.5\"/>", x + 6);
		buf_printf(out, "<text x=\"%.1f\" y=\"19\">", x + 16);
		esc(out, l->target);
		buf_adds(out, "</text>\n");
	}
	/* Grid and axis: from 0 to the scale's end (report_axis), a line
	 * at each step. */
	nticks = (size_t)(vmax / step + 0.5);
	for (i = 0; i <= nticks; i++) {
		x = bx + bw * (double)i / (double)nticks;
		buf_printf(out, "<path d=\"M%.1f %dv%d\" stroke=\"#bbb\" "
		    "stroke-width=\"0.8\"/>", x, TOP - 4,
		    ROW * (int)ch->nbar + 4);
		buf_printf(out, "<text x=\"%.1f\" y=\"%d\" "
		    "text-anchor=\"middle\" class=\"tick\">", x, h - 6);
		tick_text(out, step * (double)i, step, loc);
		buf_adds(out, "</text>\n");
	}
	for (i = 0; i < ch->nbar; i++) {
		const struct rbar *b = &ch->bar[i];
		double v = b->actual ? strtod(b->actual, NULL) : 0;
		const char *fill = "#777", *stroke = "#444";
		char fillbuf[48];

		y = TOP + ROW * (double)i;
		if (b->met == 1)
			fill = stroke = "#1b5e20";
		else if (b->met == 0) {
			snprintf(fillbuf, sizeof fillbuf, "url(#%s)", hatch);
			fill = fillbuf;
			stroke = "#c62828";
		}
		if (b->total && i > 0)
			buf_printf(out, "<path d=\"M0 %.1fH%d\" stroke=\"#000\" "
			    "stroke-width=\"0.8\"/>", y - 2, CW);
		buf_adds(out, "<g>");
		buf_adds(out, "<title>");
		esc(out, b->name);
		buf_adds(out, ": ");
		if (b->unreported)
			esc(out, l->not_reported);
		else if (b->actual)
			num(out, b->actual, ch->places, loc);
		else
			buf_adds(out, "\xe2\x80\x94");	/* no data: em dash */
		if (b->target) {
			buf_adds(out, " / ");
			esc(out, l->target);
			buf_adds(out, " ");
			num(out, b->target, ch->tplaces, loc);
		}
		if (b->met >= 0) {
			buf_adds(out, " \xe2\x80\x94 ");	/* em dash */
			esc(out, b->met ? l->met : l->missed);
		}
		buf_adds(out, "</title>");
		buf_printf(out, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\"%s>",
		    lx, y + BAR - 2, b->total ? " class=\"total\"" : "");
		esc(out, b->name);
		buf_adds(out, "</text>");
		/* Not reported: the words where the bar would be. */
		if (b->unreported) {
			buf_printf(out, "<text x=\"%.1f\" y=\"%.1f\" "
			    "class=\"nr\">", bx + 5, y + BAR - 2);
			esc(out, l->not_reported);
			buf_adds(out, "</text>");
		}
		/* The value goes after the bar, or after the target marker
		 * when that is further right. */
		tx = b->target ? bx + bw * strtod(b->target, NULL) / vmax : 0;
		if (b->actual) {
			lxe = bw * (v < 0 ? 0 : v) / vmax;
			buf_printf(out, "<rect x=\"%.1f\" y=\"%.1f\" "
			    "width=\"%.1f\" height=\"%d\" fill=\"%s\" "
			    "stroke=\"%s\" stroke-width=\"1\"/>", bx, y + 1,
			    lxe, BAR, fill, stroke);
			buf_printf(out, "<text x=\"%.1f\" y=\"%.1f\"%s>",
			    (bx + lxe > tx ? bx + lxe : tx) + 5, y + BAR - 2,
			    b->total ? " class=\"total\"" : "");
			num(out, b->actual, ch->places, loc);
			buf_adds(out, "</text>");
		}
		if (b->target)
			buf_printf(out, "<path d=\"M%.1f %.1fv%d\" stroke=\"#000\""
			    " stroke-width=\"2.5\"/>", tx, y - 2, BAR + 6);
		buf_adds(out, "</g>\n");
	}
	buf_adds(out, "</svg>\n</div>\n");
}

/* created writes the line of the day the report was made, in Vietnam's
 * time: "Lập ngày 01/12/2026". */
static void
created(struct buf *out, const struct labels *l, time_t when)
{
	struct buf b = { 0 };
	struct tm tm;
	char d[16], m[16], y[16];
	const char *vals[3] = { d, m, y };
	time_t zero = 0;

	/* A time past a Vietnamese clock (luong-render refuses one) is
	 * dated as the epoch. */
	if (period_vietnam(when, &tm) != 0)
		gmtime_r(&zero, &tm);
	snprintf(d, sizeof d, "%02d", tm.tm_mday);
	snprintf(m, sizeof m, "%02d", tm.tm_mon + 1);
	snprintf(y, sizeof y, "%d", tm.tm_year + 1900);
	buf_printf(&b, "%s ", l->created);
	labels_template(&b, l, LT_DATE, vals);
	esc(out, b.p);
	buf_free(&b);
}

/* iso_time writes when in UTC with fmt.  A time gmtime_r cannot break
 * down (luong-render refuses one before it gets here) is written as the
 * epoch rather than from an uninitialised struct tm. */
static void
iso_time(char *dst, size_t n, time_t when, const char *fmt)
{
	struct tm tm;
	time_t zero = 0;

	if (gmtime_r(&when, &tm) == NULL)
		gmtime_r(&zero, &tm);
	if (strftime(dst, n, fmt, &tm) == 0 && n > 0)
		dst[0] = '\0';
}

void
rhtml_write(struct buf *out, const struct report *rep,
    const struct labels *l, const struct fmt_locale *loc, time_t when)
{
	char iso[64];
	size_t i, c, id = 0;
	int cover = 0;

	iso_time(iso, sizeof iso, when, "%Y-%m-%dT%H:%M:%SZ");
	buf_adds(out, "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/"
	    "xhtml\" lang=\"");
	esc(out, l->lang);
	buf_adds(out, "\" xml:lang=\"");
	esc(out, l->lang);
	buf_adds(out, "\">\n<head>\n<meta charset=\"utf-8\"/>\n"
	    "<meta name=\"viewport\" content=\"width=device-width, "
	    "initial-scale=1\"/>\n<meta name=\"generator\" "
	    "content=\"luong-render\"/>\n");
	buf_printf(out, "<meta name=\"date\" content=\"%s\"/>\n<title>", iso);
	esc(out, rep->title);
	for (i = 0; i < rep->nt; i++)
		cover |= rep->t[i].cover;
	buf_printf(out, "</title>\n<style>\n%s%s</style>\n</head>\n<body>\n"
	    "<h1>", style, cover ? cover_style : "");
	esc(out, rep->title);
	buf_adds(out, "</h1>\n<p class=\"created\">");
	created(out, l, when);
	buf_adds(out, "</p>\n");
	for (i = 0; i < rep->nt; i++) {
		const struct rtable *t = &rep->t[i];

		if (t->heading != NULL) {
			buf_adds(out, "<h2>");
			if (rep->layout == LAYOUT_APPENDIX)
				buf_printf(out, "%s. ", report_roman(i + 1));
			esc(out, t->heading);
			buf_adds(out, "</h2>\n");
		}
		if (t->note != NULL) {
			buf_adds(out, "<p class=\"coverage\">");
			esc(out, t->note);
			buf_adds(out, "</p>\n");
		}
		table(out, t, loc, l);
		if (t->rule != NULL) {
			buf_adds(out, "<p class=\"rule\">");
			esc(out, t->rule);
			buf_adds(out, "</p>\n");
		}
		for (c = 0; c < t->nchart; c++)
			chart(out, &t->chart[c], l, loc, ++id);
	}
	buf_adds(out, "</body>\n</html>\n");
}
