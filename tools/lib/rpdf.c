#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>

#include "diag.h"
#include "labels.h"
#include "report.h"
#include "rpdf.h"
#include "rtext.h"

/* The page in points (1/72 inch): A4 landscape, with the margins of Nghị
 * định 30/2020/NĐ-CP: 20 mm top and bottom, 30 mm left, 15 mm right.  The
 * footer sits in the bottom margin. */
#define MM		(72.0 / 25.4)
#define PAGE_W		(297 * MM)
#define PAGE_H		(210 * MM)
#define LEFT		(30 * MM)
#define TEXT_W		(PAGE_W - LEFT - 15 * MM)
#define TOP		(20 * MM)
#define BODY_END	(PAGE_H - 20 * MM)	/* content stops here */
#define FOOT_Y		(PAGE_H - 14 * MM)	/* the footer's top */

/* Liberation Serif has the metrics of Times New Roman, the decree's
 * face, and covers Vietnamese; pango takes the first of these fontconfig
 * has. */
#define FACE		"Liberation Serif, Times New Roman, serif"

/* Sizes, in points.  The decree sets the header block at 12-14 points;
 * a table may be smaller. */
#define HEAD_SIZE	13	/* the issuing body, the national title */
#define BIG_SIZE	14	/* the motto, the date line, the title */
#define LEVEL_SIZE	13	/* a table's heading */
#define NOTE_SIZE	12	/* the note on the schools, the ranking rule */
#define TABLE_SIZE	12	/* a table that fits */
#define TABLE_MIN	7	/* the smallest a table is set */
#define TABLE_FIT	10	/* the smallest it is set to stay on a page */
#define CHART_SIZE	10
#define CTITLE_SIZE	11	/* a chart's title */
#define FOOT_SIZE	11
#define PAD_X		3	/* inside a cell */
#define PAD_Y		2
#define GAP		10	/* between blocks */
#define RULE_GAP	3	/* between a table and its ranking rule */

/* Charts. */
#define BAR_ROW		15	/* a bar's row, at least */
#define BAR_H		9	/* a bar's thickness */
#define LEGEND_H	18
#define AXIS_H		14

/* Text styles. */
#define REG		0
#define BOLD		1
#define ITAL		2

/* One run over the document: the first counts the pages, the second
 * draws them knowing how many there are. */
struct pass {
	cairo_surface_t	*surf;
	cairo_t		*cr;
	PangoFontMap	*fm;
	PangoLayout	*lay;
	PangoFontDescription *font;
	const struct report *rep;
	const struct labels *l;
	const struct fmt_locale *loc;
	struct rpdf_error *e;
	struct buf	 text;		/* the layout's text, cleaned */
	struct buf	 tmp;
	double		 y;		/* where the next block goes */
	int		 page;		/* from 1 */
	int		 pages;		/* 0 while counting */
	int		 fresh;		/* nothing on this page yet */
	int		 failed;
};

static void
rgb(struct pass *p, double r, double g, double b)
{
	cairo_set_source_rgb(p->cr, r, g, b);
}

/* set lays s out, cleaned for a line of text, in size points and style,
 * wrapped at w points (w <= 0: one line) and aligned al. */
static void
set(struct pass *p, const char *s, double size, int style, double w,
    PangoAlignment al)
{
	buf_reset(&p->text);
	rtext_clean(&p->text, s, strlen(s));
	pango_font_description_set_absolute_size(p->font, size * PANGO_SCALE);
	pango_font_description_set_weight(p->font, style & BOLD ?
	    PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
	pango_font_description_set_style(p->font, style & ITAL ?
	    PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
	pango_layout_set_font_description(p->lay, p->font);
	pango_layout_set_width(p->lay, w > 0 ? (int)(w * PANGO_SCALE) : -1);
	pango_layout_set_alignment(p->lay, al);
	pango_layout_set_text(p->lay, p->text.p, (int)p->text.len);
}

/* The laid-out text's width and height, in points. */
static double
text_w(struct pass *p)
{
	PangoRectangle r;

	pango_layout_get_extents(p->lay, NULL, &r);
	return (double)r.width / PANGO_SCALE;
}

static double
text_h(struct pass *p)
{
	PangoRectangle r;

	pango_layout_get_extents(p->lay, NULL, &r);
	return (double)r.height / PANGO_SCALE;
}

/* show draws the laid-out text with its box's top left at (x, y). */
static void
show(struct pass *p, double x, double y)
{
	cairo_move_to(p->cr, x, y);
	pango_cairo_show_layout(p->cr, p->lay);
	p->fresh = 0;
}

/* measure: the width of s on one line. */
static double
measure(struct pass *p, const char *s, double size, int style)
{
	set(p, s, size, style, 0, PANGO_ALIGN_LEFT);
	return text_w(p);
}

/* longest_word: the width of the widest space-separated word of s. */
static double
longest_word(struct pass *p, const char *s, double size, int style)
{
	struct buf w = { 0 };
	const char *q;
	double best = 0, x;

	while (*s != '\0') {
		q = strchr(s, ' ');
		if (q == NULL)
			q = s + strlen(s);
		buf_reset(&w);
		buf_add(&w, s, (size_t)(q - s));
		if (w.len > 0 && (x = measure(p, w.p, size, style)) > best)
			best = x;
		s = *q ? q + 1 : q;
	}
	buf_free(&w);
	return best;
}

static void
line(struct pass *p, double x0, double y0, double x1, double y1, double w)
{
	cairo_set_line_width(p->cr, w);
	cairo_move_to(p->cr, x0, y0);
	cairo_line_to(p->cr, x1, y1);
	cairo_stroke(p->cr);
}

static void
footer(struct pass *p)
{
	buf_reset(&p->tmp);
	labels_page(&p->tmp, p->l, p->page, p->pages > 0 ? p->pages :
	    p->page);
	rgb(p, 0, 0, 0);
	set(p, p->tmp.p, FOOT_SIZE, REG, TEXT_W, PANGO_ALIGN_CENTER);
	show(p, LEFT, FOOT_Y);
}

static void
new_page(struct pass *p)
{
	footer(p);
	cairo_show_page(p->cr);
	p->page++;
	p->y = TOP;
	p->fresh = 1;
}

/* room makes sure h points fit below the current place: a new page when
 * they do not, unless this one is still empty. */
static void
room(struct pass *p, double h)
{
	if (p->y + h > BODY_END && !p->fresh)
		new_page(p);
}

/* fail records why the document cannot be made, at row r of t (or no
 * row, t NULL). */
static void
fail(struct pass *p, const struct rtable *t, size_t r, const char *msg)
{
	if (p->failed)
		return;
	p->failed = 1;
	p->e->file = NULL;
	p->e->line = 0;
	if (t != NULL)
		report_where(p->rep, t, r, &p->e->file, &p->e->line);
	buf_reset(&p->e->msg);
	buf_adds(&p->e->msg, msg);
}

/* The header block, on the first page: the issuing body at the left, the
 * national title and motto at the right with the date line under them,
 * then the title across the page. */
static void
head_block(struct pass *p, const struct rpdf_head *h)
{
	double lw = TEXT_W * 0.42, rx = LEFT + lw, rw = TEXT_W - lw;
	double yl = TOP, yr = TOP, w, th;
	size_t i;

	rgb(p, 0, 0, 0);
	for (i = 0; i < h->nissuer; i++) {
		set(p, h->issuer[i], HEAD_SIZE, i + 1 == h->nissuer ? BOLD :
		    REG, lw, PANGO_ALIGN_CENTER);
		show(p, LEFT, yl);
		yl += text_h(p);
	}
	/* Under the issuing body, a rule a third to a half as long. */
	w = text_w(p) * 0.4;
	line(p, LEFT + (lw - w) / 2, yl + 3, LEFT + (lw + w) / 2, yl + 3,
	    0.6);
	yl += 5;
	set(p, p->l->nation, HEAD_SIZE, BOLD, rw, PANGO_ALIGN_CENTER);
	show(p, rx, yr);
	yr += text_h(p);
	set(p, p->l->motto, BIG_SIZE, BOLD, rw, PANGO_ALIGN_CENTER);
	show(p, rx, yr);
	yr += text_h(p);
	/* The motto underlined, as long as it is. */
	w = text_w(p);
	line(p, rx + (rw - w) / 2, yr + 1, rx + (rw + w) / 2, yr + 1, 0.6);
	yr += 4;
	p->y = (yl > yr ? yl : yr) + 8;
	buf_reset(&p->tmp);
	labels_date_line(&p->tmp, p->l, h->place, h->year, h->month, h->day);
	set(p, p->tmp.p, BIG_SIZE, ITAL, rw, PANGO_ALIGN_CENTER);
	show(p, rx, p->y);
	p->y += text_h(p) + 18;
	set(p, p->rep->title, BIG_SIZE, BOLD, TEXT_W, PANGO_ALIGN_CENTER);
	th = text_h(p);
	show(p, LEFT, p->y);
	p->y += th + GAP;
}

/* --- tables ---------------------------------------------------------- */

/* A table's columns split into bands that fit across the page, each
 * drawn as a table of its own: the key columns, then its others. */
struct tlay {
	const struct rtable *t;
	double		 size;		/* the font size */
	double		*min, *nat;	/* ncol: narrowest (headers wrapped
					 * at spaces) and natural widths */
	size_t		 nkey;
	size_t		 nband;
	size_t		*bstart;	/* nband + 1: the columns after the
					 * keys, [bstart[b], bstart[b + 1]) */
};

/* One band, laid out. */
struct band {
	size_t		*col;		/* the table's columns it shows */
	size_t		 n;
	double		*w;		/* n widths */
	double		 x0;		/* its left edge */
	double		 gh, hh;	/* group row's height, header's */
	double		*rh;		/* nrow: row heights */
};

static int
cell_style(const struct rtable *t, size_t r, size_t c, const struct labels *l)
{
	if (t->col[c].met && strcmp(t->cell[r * t->ncol + c], l->missed) == 0)
		return BOLD | ITAL;
	return t->total[r] ? BOLD : REG;
}

/* spans_from: the row r of t shows the words not reported over its
 * columns from vfirst on. */
static int
spans_from(const struct rtable *t, size_t r, size_t c)
{
	return t->cover && t->unreported[r] && c >= t->vfirst;
}

/* cell_text leaves the text of t's cell (r, c) in p->tmp. */
static void
cell_text(struct pass *p, const struct rtable *t, size_t r, size_t c)
{
	buf_reset(&p->tmp);
	report_cell(&p->tmp, t, r, c, p->loc);
	buf_add(&p->tmp, "", 0);
}

/* measure_cols fills tl->min and tl->nat at tl->size. */
static void
measure_cols(struct pass *p, struct tlay *tl)
{
	const struct rtable *t = tl->t;
	double s = tl->size, x, cells;
	size_t r, c;

	for (c = 0; c < t->ncol; c++) {
		cells = 0;
		for (r = 0; r < t->nrow; r++) {
			if (spans_from(t, r, c))
				continue;
			cell_text(p, t, r, c);
			x = measure(p, p->tmp.p, s, cell_style(t, r, c, p->l));
			if (x > cells)
				cells = x;
		}
		x = longest_word(p, t->col[c].label, s, BOLD);
		tl->min[c] = (x > cells ? x : cells) + 2 * PAD_X + 1;
		x = measure(p, t->col[c].label, s, BOLD);
		tl->nat[c] = (x > cells ? x : cells) + 2 * PAD_X + 1;
	}
}

static double
sum(const double *v, size_t from, size_t to)
{
	double s = 0;

	while (from < to)
		s += v[from++];
	return s;
}

/* tlay_init chooses the table's size and bands: the largest size up to
 * size at which it fits across the page, headers wrapped; at TABLE_MIN,
 * bands of the columns that fit beside the keys. */
static void
tlay_init(struct pass *p, struct tlay *tl, const struct rtable *t,
    double size)
{
	size_t n = t->ncol, c, b;
	double need, cap, run, keys;

	memset(tl, 0, sizeof *tl);
	tl->t = t;
	tl->min = xcalloc(n + 1, sizeof *tl->min);
	tl->nat = xcalloc(n + 1, sizeof *tl->nat);
	tl->bstart = xcalloc(n + 2, sizeof *tl->bstart);
	tl->size = size;
	measure_cols(p, tl);
	need = sum(tl->min, 0, n);
	if (need > TEXT_W) {
		/* Widths go with the size, all but the padding. */
		double pad = (double)n * (2 * PAD_X + 1);

		tl->size = need > pad && TEXT_W > pad ? size *
		    (TEXT_W - pad) / (need - pad) : TABLE_MIN;
		tl->size = floor(tl->size * 4) / 4;
		if (tl->size < TABLE_MIN)
			tl->size = TABLE_MIN;
		for (;;) {
			measure_cols(p, tl);
			need = sum(tl->min, 0, n);
			if (need <= TEXT_W || tl->size <= TABLE_MIN)
				break;
			tl->size -= 0.25;
		}
	}
	/* The keys: what names a row, repeated in every band. */
	if (p->rep->layout == LAYOUT_PLAIN)
		tl->nkey = n > 0 ? 1 : 0;
	else
		tl->nkey = t->cover ? t->vfirst : n < 2 ? n : 2;
	if (need <= TEXT_W) {
		tl->nband = 1;
		tl->bstart[0] = tl->nkey;
		tl->bstart[1] = n;
		return;
	}
	keys = sum(tl->min, 0, tl->nkey);
	if (keys > TEXT_W / 2) {
		tl->nkey = 0;
		keys = 0;
	}
	cap = TEXT_W - keys;
	b = 0;
	tl->bstart[0] = tl->nkey;
	run = 0;
	for (c = tl->nkey; c < n; c++) {
		double w = tl->min[c] < cap ? tl->min[c] : cap;

		if (run > 0 && run + w > cap) {
			tl->bstart[++b] = c;
			run = 0;
		}
		run += w;
	}
	tl->nband = b + 1;
	tl->bstart[tl->nband] = n;
	if (tl->bstart[0] == n)		/* nothing but keys */
		tl->nband = 1;
}

static void
tlay_free(struct tlay *tl)
{
	free(tl->min);
	free(tl->nat);
	free(tl->bstart);
}

/* The group of column c of t, or NULL. */
static const char *
group_of(const struct rtable *t, size_t c)
{
	return t->col[c].group;
}

/* span_end: one past the last band column of the group that starts at
 * band column i (i + 1 when it has none). */
static size_t
span_end(const struct rtable *t, const struct band *bd, size_t i)
{
	size_t j = i + 1;

	if (group_of(t, bd->col[i]) == NULL)
		return j;
	while (j < bd->n && bd->col[j] == bd->col[j - 1] + 1 &&
	    group_of(t, bd->col[j]) == group_of(t, bd->col[i]))
		j++;
	return j;
}

/* row_height: the height of row r in band bd; its text must wrap in
 * columns capped to the page. */
static double
row_height(struct pass *p, const struct tlay *tl, const struct band *bd,
    size_t r)
{
	const struct rtable *t = tl->t;
	double h = 0, x;
	size_t i, j;

	for (i = 0; i < bd->n; i++) {
		size_t c = bd->col[i];

		if (spans_from(t, r, c)) {
			double w = 0;

			for (j = i; j < bd->n; j++)
				w += bd->w[j];
			set(p, p->l->not_reported, tl->size, ITAL,
			    w - 2 * PAD_X, PANGO_ALIGN_CENTER);
			if ((x = text_h(p)) > h)
				h = x;
			break;
		}
		cell_text(p, t, r, c);
		set(p, p->tmp.p, tl->size, cell_style(t, r, c, p->l),
		    bd->w[i] - 2 * PAD_X, PANGO_ALIGN_LEFT);
		if ((x = text_h(p)) > h)
			h = x;
	}
	return h + 2 * PAD_Y;
}

/* band_init lays band b out: its columns, their widths (between the
 * narrowest and the natural, as the page allows), the header's and the
 * rows' heights. */
static void
band_init(struct pass *p, const struct tlay *tl, size_t b, struct band *bd)
{
	const struct rtable *t = tl->t;
	size_t i, c, e, n = 0;
	double mn, nt, k, cap, lh = 0, u;
	int groups = 0;

	memset(bd, 0, sizeof *bd);
	n = tl->nkey + tl->bstart[b + 1] - tl->bstart[b];
	bd->col = xcalloc(n + 1, sizeof *bd->col);
	bd->w = xcalloc(n + 1, sizeof *bd->w);
	n = 0;
	bd->rh = xcalloc(t->nrow + 1, sizeof *bd->rh);
	for (c = 0; c < tl->nkey; c++)
		bd->col[n++] = c;
	for (c = tl->bstart[b]; c < tl->bstart[b + 1]; c++)
		bd->col[n++] = c;
	bd->n = n;
	cap = TEXT_W - sum(tl->min, 0, tl->nkey);
	mn = nt = 0;
	for (i = 0; i < n; i++) {
		c = bd->col[i];
		mn += tl->min[c] < cap ? tl->min[c] : cap;
		nt += tl->nat[c] < cap ? tl->nat[c] : cap;
	}
	k = nt <= TEXT_W ? 1 : nt > mn ? (TEXT_W - mn) / (nt - mn) : 0;
	if (k < 0)
		k = 0;
	for (i = 0; i < n; i++) {
		double a, z;

		c = bd->col[i];
		a = tl->min[c] < cap ? tl->min[c] : cap;
		z = tl->nat[c] < cap ? tl->nat[c] : cap;
		bd->w[i] = a + (z - a) * k;
	}
	bd->x0 = LEFT + (TEXT_W - sum(bd->w, 0, n)) / 2;
	if (bd->x0 < LEFT)
		bd->x0 = LEFT;
	/* The header: a row of groups over a row of labels, or one row. */
	for (i = 0; i < n; i++)
		groups |= group_of(t, bd->col[i]) != NULL;
	for (i = 0; i < n; i = e) {
		e = span_end(t, bd, i);
		if (groups && group_of(t, bd->col[i]) != NULL) {
			set(p, group_of(t, bd->col[i]), tl->size, BOLD,
			    sum(bd->w, i, e) - 2 * PAD_X, PANGO_ALIGN_CENTER);
			if ((u = text_h(p) + 2 * PAD_Y) > bd->gh)
				bd->gh = u;
			for (c = i; c < e; c++) {
				set(p, t->col[bd->col[c]].label, tl->size, BOLD,
				    bd->w[c] - 2 * PAD_X, PANGO_ALIGN_CENTER);
				if ((u = text_h(p) + 2 * PAD_Y) > lh)
					lh = u;
			}
		}
	}
	for (i = 0; i < n; i++) {
		if (groups && group_of(t, bd->col[i]) != NULL)
			continue;
		set(p, t->col[bd->col[i]].label, tl->size, BOLD,
		    bd->w[i] - 2 * PAD_X, PANGO_ALIGN_CENTER);
		u = text_h(p) + 2 * PAD_Y;
		if (u > bd->gh + lh)
			lh = u - bd->gh;
	}
	bd->hh = bd->gh + lh;
	for (i = 0; i < t->nrow; i++)
		bd->rh[i] = row_height(p, tl, bd, i);
}

static void
band_free(struct band *bd)
{
	free(bd->col);
	free(bd->w);
	free(bd->rh);
	memset(bd, 0, sizeof *bd);
}

/* box draws a cell: its shade (grey, or none below 0), its border, and
 * the text laid out in p->lay centred vertically, at x + PAD_X. */
static void
box(struct pass *p, double x, double y, double w, double h, double grey)
{
	if (grey >= 0) {
		rgb(p, grey, grey, grey);
		cairo_rectangle(p->cr, x, y, w, h);
		cairo_fill(p->cr);
	}
	rgb(p, 0, 0, 0);
	cairo_set_line_width(p->cr, 0.5);
	cairo_rectangle(p->cr, x, y, w, h);
	cairo_stroke(p->cr);
}

static void
boxed_text(struct pass *p, double x, double y, double w, double h,
    double grey)
{
	double th = text_h(p);

	box(p, x, y, w, h, grey);
	show(p, x + PAD_X, y + (h - th) / 2);
}

static void
draw_header(struct pass *p, const struct tlay *tl, const struct band *bd)
{
	const struct rtable *t = tl->t;
	double x = bd->x0, y = p->y, w;
	size_t i, c, e;

	for (i = 0; i < bd->n; i = e) {
		e = span_end(t, bd, i);
		w = sum(bd->w, i, e);
		if (bd->gh == 0 || group_of(t, bd->col[i]) == NULL) {
			set(p, t->col[bd->col[i]].label, tl->size, BOLD,
			    w - 2 * PAD_X, PANGO_ALIGN_CENTER);
			boxed_text(p, x, y, w, bd->hh, 0.92);
			x += w;
			continue;
		}
		set(p, group_of(t, bd->col[i]), tl->size, BOLD, w - 2 * PAD_X,
		    PANGO_ALIGN_CENTER);
		boxed_text(p, x, y, w, bd->gh, 0.92);
		for (c = i; c < e; c++) {
			set(p, t->col[bd->col[c]].label, tl->size, BOLD,
			    bd->w[c] - 2 * PAD_X, PANGO_ALIGN_CENTER);
			boxed_text(p, x, y + bd->gh, bd->w[c],
			    bd->hh - bd->gh, 0.92);
			x += bd->w[c];
		}
	}
	p->y += bd->hh;
}

static void
draw_row(struct pass *p, const struct tlay *tl, const struct band *bd,
    size_t r)
{
	const struct rtable *t = tl->t;
	double x = bd->x0, y = p->y, h = bd->rh[r];
	double grey = t->total[r] ? 0.94 : -1;
	size_t i;

	for (i = 0; i < bd->n; i++) {
		size_t c = bd->col[i];
		const struct rcol *col = &t->col[c];
		int style = cell_style(t, r, c, p->l);
		PangoAlignment al = col->met ? PANGO_ALIGN_CENTER :
		    col->kind != RCOL_TEXT ? PANGO_ALIGN_RIGHT :
		    PANGO_ALIGN_LEFT;

		if (spans_from(t, r, c)) {
			double w = sum(bd->w, i, bd->n);

			set(p, p->l->not_reported, tl->size, ITAL,
			    w - 2 * PAD_X, PANGO_ALIGN_CENTER);
			box(p, x, y, w, h, grey);
			rgb(p, 0.33, 0.33, 0.33);
			show(p, x + PAD_X, y + (h - text_h(p)) / 2);
			rgb(p, 0, 0, 0);
			break;
		}
		cell_text(p, t, r, c);
		set(p, p->tmp.p, tl->size, style, bd->w[i] - 2 * PAD_X, al);
		box(p, x, y, bd->w[i], h, grey);
		if (style & ITAL)
			rgb(p, 0.69, 0, 0.125);
		show(p, x + PAD_X, y + (h - text_h(p)) / 2);
		rgb(p, 0, 0, 0);
		x += bd->w[i];
	}
	/* The total set apart: a heavier rule above it. */
	if (t->total[r] && (r == 0 || !t->total[r - 1]))
		line(p, bd->x0, y, bd->x0 + sum(bd->w, 0, bd->n), y, 1.5);
	p->y += h;
}

/* draw_band draws the band's header and rows, over as many pages as
 * they take, the header again at the top of each. */
static void
draw_band(struct pass *p, const struct tlay *tl, const struct band *bd)
{
	const struct rtable *t = tl->t;
	size_t r = 0;

	for (r = 0; r < t->nrow; r++)
		if (bd->hh + bd->rh[r] > BODY_END - TOP) {
			char msg[128];

			snprintf(msg, sizeof msg, "a row too tall for a page "
			    "of the PDF (%.0f points, the page holds %.0f)",
			    bd->rh[r], BODY_END - TOP - bd->hh);
			fail(p, t, r, msg);
			return;
		}
	r = 0;
	for (;;) {
		size_t e, k;
		double y;

		room(p, bd->hh + (r < t->nrow ? bd->rh[r] : 0));
		/* The rows that fit; never the total rows alone on the
		 * next page, when a district can go with them. */
		y = p->y + bd->hh;
		for (e = r; e < t->nrow && (e == r || y + bd->rh[e] <=
		    BODY_END); e++)
			y += bd->rh[e];
		for (k = e; k < t->nrow && t->total[k]; k++)
			;
		if (e < t->nrow && k == t->nrow && e > r + 1 &&
		    !t->total[e - 1])
			e--;
		draw_header(p, tl, bd);
		while (r < e)
			draw_row(p, tl, bd, r++);
		if (r == t->nrow)
			break;
		new_page(p);
	}
	p->y += GAP;
}

/* --- charts ---------------------------------------------------------- */

/* tick appends the number v with as many decimals as step needs. */
static void
tick(struct pass *p, struct buf *out, double v, double step)
{
	char s[64];
	int d = 0;

	while (d < 6 && fabs(step * pow(10, d) - round(step * pow(10, d))) >
	    1e-9)
		d++;
	snprintf(s, sizeof s, "%.*f", d, v);
	if (fmt_num(out, s, strlen(s), d, p->loc, FMT_GROUP) != 0)
		buf_adds(out, s);
}

/* num appends the stream number s in the locale's form, places
 * decimals. */
static void
num(struct pass *p, struct buf *out, const char *s, int places)
{
	if (fmt_num(out, s, strlen(s), places, p->loc, FMT_GROUP) != 0)
		buf_adds(out, s);
}

/* The geometry of a chart. */
struct cgeo {
	double		 lx;		/* names end here */
	double		 bx, bw;	/* the bars' scale */
	double		 vmax, step;	/* the scale's end, its ticks' step */
	double		*rh;		/* nbar: row heights */
};

static void
hatch(struct pass *p, double x, double y, double w, double h)
{
	double d;

	cairo_save(p->cr);
	cairo_rectangle(p->cr, x, y, w, h);
	cairo_clip(p->cr);
	rgb(p, 1, 1, 1);
	cairo_paint(p->cr);
	rgb(p, 0.776, 0.157, 0.157);
	cairo_set_line_width(p->cr, 1.2);
	for (d = -h; d < w; d += 3.5) {
		cairo_move_to(p->cr, x + d, y + h);
		cairo_line_to(p->cr, x + d + h, y);
	}
	cairo_stroke(p->cr);
	cairo_restore(p->cr);
	rgb(p, 0.776, 0.157, 0.157);
	cairo_set_line_width(p->cr, 0.8);
	cairo_rectangle(p->cr, x, y, w, h);
	cairo_stroke(p->cr);
	rgb(p, 0, 0, 0);
}

static void
swatch(struct pass *p, double x, double y, int met)
{
	if (met) {
		rgb(p, 0.106, 0.369, 0.125);
		cairo_rectangle(p->cr, x, y, 18, BAR_H);
		cairo_fill(p->cr);
		rgb(p, 0, 0, 0);
	} else
		hatch(p, x, y, 18, BAR_H);
}

static void
legend(struct pass *p, const struct rchart *ch, const struct cgeo *g)
{
	double x = g->bx, y = p->y + 3;
	int any_met = 0, any_miss = 0, any_target = 0;
	size_t i;

	for (i = 0; i < ch->nbar; i++) {
		any_met |= ch->bar[i].met == 1;
		any_miss |= ch->bar[i].met == 0;
		any_target |= ch->bar[i].target != NULL;
	}
	if (any_met) {
		swatch(p, x, y + 1, 1);
		set(p, p->l->met, CHART_SIZE, REG, 0, PANGO_ALIGN_LEFT);
		show(p, x + 23, y + (BAR_H + 2 - text_h(p)) / 2);
		x += 23 + text_w(p) + 16;
	}
	if (any_miss) {
		swatch(p, x, y + 1, 0);
		set(p, p->l->missed, CHART_SIZE, REG, 0, PANGO_ALIGN_LEFT);
		show(p, x + 23, y + (BAR_H + 2 - text_h(p)) / 2);
		x += 23 + text_w(p) + 16;
	}
	if (any_target) {
		line(p, x + 4, y - 2, x + 4, y + BAR_H + 4, 2);
		set(p, p->l->target, CHART_SIZE, REG, 0, PANGO_ALIGN_LEFT);
		show(p, x + 12, y + (BAR_H + 2 - text_h(p)) / 2);
	}
	p->y += LEGEND_H;
}

/* grid draws the scale's lines from y0 to y1 and its numbers under
 * them. */
static void
grid(struct pass *p, const struct cgeo *g, double y0, double y1)
{
	struct buf b = { 0 };
	double x;
	int i, n = (int)lround(g->vmax / g->step);

	for (i = 0; i <= n; i++) {
		x = g->bx + g->bw * i / n;
		rgb(p, 0.73, 0.73, 0.73);
		line(p, x, y0, x, y1, 0.6);
		rgb(p, 0, 0, 0);
		buf_reset(&b);
		tick(p, &b, g->step * i, g->step);
		set(p, b.p, CHART_SIZE, REG, 0, PANGO_ALIGN_LEFT);
		show(p, x - text_w(p) / 2, y1 + 1);
	}
	buf_free(&b);
}

static void
bar(struct pass *p, const struct rchart *ch, const struct cgeo *g, size_t i)
{
	const struct rbar *b = &ch->bar[i];
	double y = p->y, h = g->rh[i], by = y + (h - BAR_H) / 2;
	double v, len = 0, tx = 0, vx;
	int style = b->total ? BOLD : REG;

	if (b->total && i > 0) {
		rgb(p, 0, 0, 0);
		line(p, LEFT, y, LEFT + TEXT_W, y, 0.8);
	}
	set(p, b->name, CHART_SIZE, style, g->lx - LEFT, PANGO_ALIGN_RIGHT);
	show(p, LEFT, y + (h - text_h(p)) / 2);
	if (b->unreported) {
		set(p, p->l->not_reported, CHART_SIZE, ITAL, 0,
		    PANGO_ALIGN_LEFT);
		rgb(p, 0.33, 0.33, 0.33);
		show(p, g->bx + 4, y + (h - text_h(p)) / 2);
		rgb(p, 0, 0, 0);
	}
	if (b->target) {
		v = strtod(b->target, NULL);
		tx = g->bx + g->bw * (v < 0 ? 0 : v > g->vmax ? g->vmax : v) /
		    g->vmax;
	}
	if (b->actual) {
		v = strtod(b->actual, NULL);
		len = g->bw * (v < 0 ? 0 : v > g->vmax ? g->vmax : v) / g->vmax;
		if (b->met == 0)
			hatch(p, g->bx, by, len, BAR_H);
		else {
			if (b->met == 1)
				rgb(p, 0.106, 0.369, 0.125);
			else
				rgb(p, 0.47, 0.47, 0.47);
			cairo_rectangle(p->cr, g->bx, by, len, BAR_H);
			cairo_fill(p->cr);
			rgb(p, 0, 0, 0);
		}
	}
	if (b->target)
		line(p, tx, by - 2.5, tx, by + BAR_H + 2.5, 2);
	if (b->actual) {
		buf_reset(&p->tmp);
		num(p, &p->tmp, b->actual, ch->places);
		buf_add(&p->tmp, "", 0);
		vx = (g->bx + len > tx ? g->bx + len : tx) + 4;
		set(p, p->tmp.p, CHART_SIZE, style, 0, PANGO_ALIGN_LEFT);
		show(p, vx, y + (h - text_h(p)) / 2);
	}
	p->y += h;
}

static void
chart(struct pass *p, const struct rtable *t, const struct rchart *ch)
{
	struct cgeo g;
	struct buf title = { 0 };
	double nw = 0, vw = 0, x, th, all;
	size_t i, first;

	memset(&g, 0, sizeof g);
	g.rh = xcalloc(ch->nbar + 1, sizeof *g.rh);
	for (i = 0; i < ch->nbar; i++) {
		const struct rbar *b = &ch->bar[i];

		if ((x = measure(p, b->name, CHART_SIZE, b->total ? BOLD :
		    REG)) > nw)
			nw = x;
		if (b->actual != NULL) {
			buf_reset(&p->tmp);
			num(p, &p->tmp, b->actual, ch->places);
			buf_add(&p->tmp, "", 0);
			if ((x = measure(p, p->tmp.p, CHART_SIZE, BOLD)) > vw)
				vw = x;
		}
	}
	/* A point to spare, so that a name measured on one line stays on
	 * one when it is laid out to that width. */
	nw += 1;
	if (nw > TEXT_W * 0.35)
		nw = TEXT_W * 0.35;
	g.lx = LEFT + nw;
	g.bx = g.lx + 8;
	g.bw = LEFT + TEXT_W - (vw + 10) - g.bx;
	g.vmax = report_axis(ch, &g.step);
	for (i = 0; i < ch->nbar; i++) {
		set(p, ch->bar[i].name, CHART_SIZE, ch->bar[i].total ? BOLD :
		    REG, nw, PANGO_ALIGN_RIGHT);
		g.rh[i] = text_h(p) + 3 > BAR_ROW ? text_h(p) + 3 : BAR_ROW;
	}
	if (t->heading != NULL) {
		buf_adds(&title, t->heading);
		buf_adds(&title, " \xe2\x80\x94 ");	/* em dash */
	}
	buf_adds(&title, ch->title);
	set(p, title.p, CTITLE_SIZE, BOLD, TEXT_W, PANGO_ALIGN_LEFT);
	th = text_h(p) + 4;
	/* Whole on a page when it fits on one. */
	all = th + LEGEND_H + sum(g.rh, 0, ch->nbar) + AXIS_H;
	room(p, all <= BODY_END - TOP ? all : th + LEGEND_H +
	    (ch->nbar > 0 ? g.rh[0] : 0) + AXIS_H);
	/* The bars, as many a page as fit, under the title and legend
	 * and over the scale on each. */
	i = 0;
	do {
		double y0, y;
		size_t k;

		set(p, title.p, CTITLE_SIZE, BOLD, TEXT_W, PANGO_ALIGN_LEFT);
		show(p, LEFT, p->y);
		p->y += th;
		legend(p, ch, &g);
		y0 = y = p->y;
		first = i;
		while (i < ch->nbar && (i == first || y + g.rh[i] + AXIS_H <=
		    BODY_END))
			y += g.rh[i++];
		grid(p, &g, y0 - 2, y + 2);
		for (k = first; k < i; k++)
			bar(p, ch, &g, k);
		p->y = y + AXIS_H;
		if (i < ch->nbar)
			new_page(p);
	} while (i < ch->nbar);
	p->y += GAP;
	free(g.rh);
	buf_free(&title);
}

/* --- the document ---------------------------------------------------- */

/* layout lays table t out at size points at most: its bands, the first
 * of them in bd. */
static void
layout(struct pass *p, const struct rtable *t, double size, struct tlay *tl,
    struct band *bd)
{
	tlay_init(p, tl, t, size);
	band_init(p, tl, 0, bd);
}

/* table_h: the height of a table of one band, its rows and header. */
static double
table_h(const struct rtable *t, const struct band *bd)
{
	return bd->hh + sum(bd->rh, 0, t->nrow);
}

/* shrink lays t out at the largest size from below TABLE_SIZE down to
 * TABLE_FIT, in half points, at which it and around, the points of what
 * stays with it above and below, fit below top; returns 0, or -1 (and t
 * laid out at TABLE_SIZE) when none does. */
static int
shrink(struct pass *p, const struct rtable *t, double top, double around,
    struct tlay *tl, struct band *bd)
{
	double s;

	for (s = floor(tl->size * 2) / 2 - 0.5; s >= TABLE_FIT; s -= 0.5) {
		tlay_free(tl);
		band_free(bd);
		layout(p, t, s, tl, bd);
		if (top + around + table_h(t, bd) <= BODY_END)
			return 0;
	}
	tlay_free(tl);
	band_free(bd);
	layout(p, t, TABLE_SIZE, tl, bd);
	return -1;
}

/* place_table lays t out and finds it a place: whole where it is, set
 * smaller if need be (down to TABLE_FIT); else whole on the next page,
 * smaller if need be; else it runs over pages from where it is, its
 * header repeated.  around: the height of its heading and note above it
 * and of its ranking rule below, which stay on its page. */
static void
place_table(struct pass *p, const struct rtable *t, double around,
    struct tlay *tl, struct band *bd)
{
	layout(p, t, TABLE_SIZE, tl, bd);
	if (tl->nband > 1 || p->y + around + table_h(t, bd) <= BODY_END)
		return;
	if (shrink(p, t, p->y, around, tl, bd) == 0 || p->fresh)
		return;
	if (TOP + around + table_h(t, bd) <= BODY_END ||
	    shrink(p, t, TOP, around, tl, bd) == 0)
		new_page(p);
}

/* rule states the ranking rule under the table just drawn, in italics as
 * the other formats do: close under it when it fits on its page, else
 * at the top of the next. */
static void
rule(struct pass *p, const char *s)
{
	double h;

	set(p, s, NOTE_SIZE, ITAL, TEXT_W, PANGO_ALIGN_LEFT);
	h = text_h(p);
	if (p->y - GAP + RULE_GAP + h <= BODY_END)
		p->y -= GAP - RULE_GAP;
	else {
		room(p, h);	/* the footer, laid out, takes the layout */
		set(p, s, NOTE_SIZE, ITAL, TEXT_W, PANGO_ALIGN_LEFT);
	}
	show(p, LEFT, p->y);
	p->y += h + GAP;
}

static void
section(struct pass *p, size_t ti)
{
	const struct rtable *t = &p->rep->t[ti];
	struct tlay tl;
	struct band bd;
	struct buf head = { 0 };
	double hh = 0, nh = 0, rh = 0;
	size_t b, c;

	if (t->heading != NULL) {
		if (p->rep->layout == LAYOUT_APPENDIX)
			buf_printf(&head, "%s. ", report_roman(ti + 1));
		buf_adds(&head, t->heading);
		set(p, head.p, LEVEL_SIZE, BOLD, TEXT_W, PANGO_ALIGN_LEFT);
		hh = text_h(p) + 4;
	}
	if (t->note != NULL) {
		set(p, t->note, NOTE_SIZE, BOLD, TEXT_W, PANGO_ALIGN_LEFT);
		nh = text_h(p) + 4;
	}
	if (t->rule != NULL) {
		set(p, t->rule, NOTE_SIZE, ITAL, TEXT_W, PANGO_ALIGN_LEFT);
		rh = RULE_GAP + text_h(p);
	}
	place_table(p, t, hh + nh + rh, &tl, &bd);
	/* The heading and the note stay with the table's first row. */
	room(p, hh + nh + bd.hh + (t->nrow > 0 ? bd.rh[0] : 0));
	if (t->heading != NULL) {
		set(p, head.p, LEVEL_SIZE, BOLD, TEXT_W, PANGO_ALIGN_LEFT);
		show(p, LEFT, p->y);
		p->y += hh;
	}
	if (t->note != NULL) {
		set(p, t->note, NOTE_SIZE, BOLD, TEXT_W, PANGO_ALIGN_LEFT);
		show(p, LEFT, p->y);
		p->y += nh;
	}
	/* The first band is laid out already. */
	for (b = 0;; b++) {
		if (!p->failed)
			draw_band(p, &tl, &bd);
		band_free(&bd);
		if (b + 1 >= tl.nband || p->failed)
			break;
		band_init(p, &tl, b + 1, &bd);
	}
	if (t->rule != NULL && !p->failed)
		rule(p, t->rule);
	for (c = 0; c < t->nchart && !p->failed; c++)
		chart(p, t, &t->chart[c]);
	tlay_free(&tl);
	buf_free(&head);
}

static cairo_status_t
append(void *closure, const unsigned char *data, unsigned int n)
{
	buf_add(closure, (const char *)data, n);
	return CAIRO_STATUS_SUCCESS;
}

/* pdf_date writes when as the ISO 8601 form cairo's metadata takes. */
static void
pdf_date(char *dst, size_t n, time_t when)
{
	struct tm tm;
	time_t zero = 0;

	if (gmtime_r(&when, &tm) == NULL)
		gmtime_r(&zero, &tm);
	if (strftime(dst, n, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0 && n > 0)
		dst[0] = '\0';
}

/* run makes one pass, writing to out (NULL: nowhere).  Returns cairo's
 * status. */
static cairo_status_t
run(struct pass *p, struct buf *out, const struct rpdf_head *h, time_t when)
{
	cairo_font_options_t *fo;
	PangoContext *ctx;
	cairo_status_t st;
	char date[64];
	size_t i;

	p->surf = cairo_pdf_surface_create_for_stream(out ? append : NULL,
	    out, PAGE_W, PAGE_H);
	pdf_date(date, sizeof date, when);
	cairo_pdf_surface_set_metadata(p->surf, CAIRO_PDF_METADATA_TITLE,
	    p->rep->title);
	cairo_pdf_surface_set_metadata(p->surf, CAIRO_PDF_METADATA_CREATOR,
	    "luong-render");
	cairo_pdf_surface_set_metadata(p->surf,
	    CAIRO_PDF_METADATA_CREATE_DATE, date);
	cairo_pdf_surface_set_metadata(p->surf, CAIRO_PDF_METADATA_MOD_DATE,
	    date);
	p->cr = cairo_create(p->surf);
	ctx = pango_font_map_create_context(p->fm);
	pango_cairo_update_context(p->cr, ctx);
	/* Unhinted metrics: text measures the same on every pass. */
	fo = cairo_font_options_create();
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	pango_cairo_context_set_font_options(ctx, fo);
	cairo_font_options_destroy(fo);
	p->lay = pango_layout_new(ctx);
	g_object_unref(ctx);
	pango_layout_set_wrap(p->lay, PANGO_WRAP_WORD_CHAR);
	p->font = pango_font_description_from_string(FACE);
	p->page = 1;
	p->y = TOP;
	p->fresh = 1;
	head_block(p, h);
	for (i = 0; i < p->rep->nt && !p->failed; i++)
		section(p, i);
	footer(p);
	cairo_show_page(p->cr);
	st = cairo_status(p->cr);
	g_object_unref(p->lay);
	pango_font_description_free(p->font);
	cairo_destroy(p->cr);
	cairo_surface_finish(p->surf);
	if (st == CAIRO_STATUS_SUCCESS)
		st = cairo_surface_status(p->surf);
	cairo_surface_destroy(p->surf);
	return st;
}

/* Pango's font map is gone: set from whichever thread drops its last
 * reference, pango's own fontconfig thread as often as not. */
static GMutex	 gone_mutex;
static GCond	 gone_cond;
static int	 gone;

static void
fm_gone(gpointer data)
{
	(void)data;
	g_mutex_lock(&gone_mutex);
	gone = 1;
	g_cond_signal(&gone_cond);
	g_mutex_unlock(&gone_mutex);
}

/* release_fonts drops the font map and, once it is gone, cairo's and
 * fontconfig's caches, so that a leak checker sees only leaks (fontconfig
 * keeps its configuration where LeakSanitizer and valgrind cannot see it).
 * Pango matches fonts in a thread of its own, whose queued work holds the
 * map: fontconfig is shut down only when that work is done, and left as
 * it is should it not be within seconds. */
static void
release_fonts(PangoFontMap *fm)
{
	gint64 end = g_get_monotonic_time() + 10 * G_TIME_SPAN_SECOND;
	int done;

	g_mutex_lock(&gone_mutex);
	gone = 0;
	g_mutex_unlock(&gone_mutex);
	g_object_set_data_full(G_OBJECT(fm), "luong-rpdf", &gone, fm_gone);
	g_object_unref(fm);
	g_mutex_lock(&gone_mutex);
	while (!gone && g_cond_wait_until(&gone_cond, &gone_mutex, end))
		;
	done = gone;
	g_mutex_unlock(&gone_mutex);
	if (done) {
		cairo_debug_reset_static_data();
		FcFini();
	}
}

int
rpdf_write(struct buf *out, const struct report *rep, const struct labels *l,
    const struct fmt_locale *loc, const struct rpdf_head *h, time_t when,
    struct rpdf_error *e)
{
	struct pass p;
	cairo_status_t st;
	size_t len = out->len;

	memset(&p, 0, sizeof p);
	p.rep = rep;
	p.l = l;
	p.loc = loc;
	p.e = e;
	p.fm = pango_cairo_font_map_new();
	/* First the pages are counted, then drawn with "Trang 1/N". */
	st = run(&p, NULL, h, when);
	if (st == CAIRO_STATUS_SUCCESS && !p.failed) {
		p.pages = p.page;
		st = run(&p, out, h, when);
	}
	release_fonts(p.fm);
	buf_free(&p.text);
	buf_free(&p.tmp);
	if (st != CAIRO_STATUS_SUCCESS)
		fail(&p, NULL, 0, cairo_status_to_string(st));
	if (p.failed) {
		out->len = len;
		if (out->p != NULL)
			out->p[len] = '\0';
		return -1;
	}
	return 0;
}
