/* rterm — the terminal table: see rterm.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "labels.h"
#include "report.h"
#include "rterm.h"
#include "rtext.h"
#include "text.h"

#define HEADER_CAP	24	/* a header wider than this and its column wraps */
#define NARROW_CAP	6	/* narrowed, the same: "Chương / trình" */

static size_t
width(const char *s)
{
	return text_width(s, strlen(s));
}

static void
pad(struct buf *out, size_t n)
{
	while (n-- > 0)
		buf_addc(out, ' ');
}

/* A table laid out for the terminal: every string owned. */
struct grid {
	size_t		 ncol, nrow, nhl;
	char		**cell;		/* nrow * ncol */
	char		**hl;		/* nhl * ncol header lines */
	size_t		 *w;
	int		 *right;
	int		 *total;
	/* Rows not reported: span[r], their words over the columns from
	 * sfirst on (cell[r][sfirst]; the rest empty). */
	int		 *span;
	size_t		  sfirst;
	/* Spans: first[c] is the first column of c's group, or -1; the
	 * group's label in ngl lines, gl[k * ncol + first] (top-aligned,
	 * "" under a short one; NULL elsewhere). */
	int		 *first;
	char		**gl;
	size_t		  ngl;
	int		  groups;
};

/* longest_word: the display width of the widest space-separated word. */
static size_t
longest_word(const char *s)
{
	size_t best = 0, w;
	const char *p = s, *q;

	while (*p != '\0') {
		q = strchr(p, ' ');
		if (q == NULL)
			q = p + strlen(p);
		w = text_width(p, (size_t)(q - p));
		if (w > best)
			best = w;
		p = *q ? q + 1 : q;
	}
	return best;
}

/* wrap splits s into lines of at most w display columns at spaces;
 * returns the number of lines, stored in lines[] (owned) when not NULL. */
static size_t
wrap(const char *s, size_t w, char **lines)
{
	size_t n = 0, lw = 0, ww;
	const char *p = s, *q, *start = s, *end = s;

	while (*p != '\0') {
		q = strchr(p, ' ');
		if (q == NULL)
			q = p + strlen(p);
		ww = text_width(p, (size_t)(q - p));
		if (end > start && lw + 1 + ww > w) {
			if (lines != NULL)
				lines[n] = xstrndup(start, (size_t)(end - start));
			n++;
			start = p;
			lw = ww;
		} else
			lw += (end > start ? 1 : 0) + ww;
		end = q;
		p = *q ? q + 1 : q;
	}
	if (lines != NULL)
		lines[n] = xstrndup(start, (size_t)(end - start));
	return n + 1;
}

static size_t span_width(const struct grid *, size_t, size_t, size_t);
static size_t span_end(const struct grid *, size_t);

/* grid_build lays t out.  A header wider than its column's widest cell
 * wraps past HEADER_CAP, or, narrow, past NARROW_CAP (never inside a
 * word); narrow, a group label wraps at its columns' span. */
static void
grid_build(struct grid *g, const struct rtable *t, const struct labels *l,
    const struct fmt_locale *loc, size_t sepw, int narrow)
{
	struct buf b = { 0 }, tmp = { 0 };
	size_t r, c, k, n, sw = 0, hcap = narrow ? NARROW_CAP : HEADER_CAP;
	char **lines;

	memset(g, 0, sizeof *g);
	g->ncol = t->ncol;
	g->nrow = t->nrow;
	g->cell = xcalloc(t->nrow * t->ncol + 1, sizeof *g->cell);
	g->w = xcalloc(t->ncol + 1, sizeof *g->w);
	g->right = xcalloc(t->ncol + 1, sizeof *g->right);
	g->first = xcalloc(t->ncol + 1, sizeof *g->first);
	g->total = t->total;
	g->span = t->unreported;
	g->sfirst = t->cover ? t->vfirst : t->ncol;
	for (r = 0; r < t->nrow; r++)
		for (c = 0; c < t->ncol; c++) {
			buf_reset(&tmp);
			buf_reset(&b);
			if (g->span[r] && c >= g->sfirst) {
				if (c == g->sfirst)
					rtext_clean(&b, l->not_reported,
					    strlen(l->not_reported));
				g->cell[r * t->ncol + c] = xstrdup(b.p ? b.p :
				    "");
				if (c == g->sfirst && width(b.p) > sw)
					sw = width(b.p);
				continue;
			}
			report_cell(&tmp, t, r, c, loc);
			rtext_clean(&b, tmp.p ? tmp.p : "", tmp.len);
			g->cell[r * t->ncol + c] = xstrdup(b.p ? b.p : "");
			if (width(g->cell[r * t->ncol + c]) > g->w[c])
				g->w[c] = width(g->cell[r * t->ncol + c]);
		}
	/* Headers: a long one wraps at the wider of the cap, its column's
	 * cells and its longest word. */
	for (c = 0; c < t->ncol; c++) {
		size_t hw;

		buf_reset(&b);
		rtext_clean(&b, t->col[c].label, strlen(t->col[c].label));
		hw = width(b.p);
		g->right[c] = t->col[c].kind != RCOL_TEXT;
		if (hw > g->w[c]) {
			size_t cap = g->w[c] > hcap ? g->w[c] : hcap;

			if (longest_word(b.p) > cap)
				cap = longest_word(b.p);
			g->w[c] = hw < cap ? hw : cap;
		}
		n = wrap(b.p, g->w[c], NULL);
		if (n > g->nhl)
			g->nhl = n;
	}
	g->hl = xcalloc(g->nhl * t->ncol + 1, sizeof *g->hl);
	lines = xcalloc(g->nhl + 1, sizeof *lines);
	for (c = 0; c < t->ncol; c++) {
		buf_reset(&b);
		rtext_clean(&b, t->col[c].label, strlen(t->col[c].label));
		n = wrap(b.p, g->w[c], lines);
		for (k = 0; k < n; k++) {
			size_t lw = width(lines[k]);

			if (lw > g->w[c])
				g->w[c] = lw;
		}
		/* Bottom-aligned: the last line sits on the rule. */
		for (k = 0; k < g->nhl; k++)
			g->hl[k * t->ncol + c] = k + n < g->nhl ? xstrdup("") :
			    lines[k + n - g->nhl];
	}
	free(lines);
	/* Groups: runs of columns with the same short group label. */
	for (c = 0; c < t->ncol; c++) {
		g->first[c] = -1;
		if (t->col[c].group_short == NULL)
			continue;
		g->groups = 1;
		if (c > 0 && t->col[c - 1].group == t->col[c].group &&
		    g->first[c - 1] >= 0)
			g->first[c] = g->first[c - 1];
		else
			g->first[c] = (int)c;
	}
	/* A group label wider than its columns wraps when narrow (at its
	 * longest word, at least); then, or else, a label still wider
	 * widens the last of them. */
	for (c = 0; c < t->ncol && g->groups; c++) {
		size_t span = 0, e, gw;

		if (g->first[c] != (int)c)
			continue;
		buf_reset(&b);
		rtext_clean(&b, t->col[c].group_short, strlen(t->col[c].group_short));
		for (e = c; e < t->ncol && g->first[e] == (int)c; e++)
			span += g->w[e] + (e > c ? sepw : 0);
		gw = narrow ? longest_word(b.p) : width(b.p);
		if (gw > span)
			g->w[e - 1] += gw - span, span = gw;
		n = narrow ? wrap(b.p, span, NULL) : 1;
		if (n > g->ngl)
			g->ngl = n;
	}
	g->gl = xcalloc(g->ngl * t->ncol + 1, sizeof *g->gl);
	lines = xcalloc(g->ngl + 1, sizeof *lines);
	for (c = 0; c < t->ncol && g->groups; c++) {
		if (g->first[c] != (int)c)
			continue;
		buf_reset(&b);
		rtext_clean(&b, t->col[c].group_short, strlen(t->col[c].group_short));
		if (narrow)
			n = wrap(b.p, span_width(g, c, span_end(g, c), sepw),
			    lines);
		else
			n = 1, lines[0] = xstrdup(b.p);
		for (k = 0; k < g->ngl; k++)
			g->gl[k * t->ncol + c] = k < n ? lines[k] : xstrdup("");
	}
	free(lines);
	/* The words of a row not reported, wider than all its columns
	 * (a table of one narrow value), widen the last. */
	if (sw > 0 && sw > span_width(g, g->sfirst, g->ncol, sepw))
		g->w[g->ncol - 1] += sw - span_width(g, g->sfirst, g->ncol,
		    sepw);
	buf_free(&b);
	buf_free(&tmp);
}

static void
grid_free(struct grid *g)
{
	size_t i;

	for (i = 0; i < g->nrow * g->ncol; i++)
		free(g->cell[i]);
	for (i = 0; i < g->nhl * g->ncol; i++)
		free(g->hl[i]);
	for (i = 0; i < g->ngl * g->ncol; i++)
		free(g->gl[i]);
	free(g->cell);
	free(g->hl);
	free(g->w);
	free(g->right);
	free(g->first);
	free(g->gl);
}

/* put_cell appends s padded to w columns, right-aligned or not. */
static void
put_cell(struct buf *out, const char *s, size_t w, int right)
{
	size_t sw = width(s);

	if (right)
		pad(out, w - sw);
	buf_adds(out, s);
	if (!right)
		pad(out, w - sw);
}

/* endline trims the spaces that end the current line and adds LF. */
static void
endline(struct buf *out)
{
	while (out->len > 0 && out->p[out->len - 1] == ' ')
		out->len--;
	buf_addc(out, '\n');
}

/* span_end: one past the last column of the group that starts at c. */
static size_t
span_end(const struct grid *g, size_t c)
{
	size_t e = c + 1;

	while (e < g->ncol && g->first[e] == (int)c)
		e++;
	return e;
}

static size_t
span_width(const struct grid *g, size_t c, size_t e, size_t sepw)
{
	size_t w = 0, k;

	for (k = c; k < e; k++)
		w += g->w[k] + (k > c ? sepw : 0);
	return w;
}

/* Plain layout: columns two spaces apart, a dashed rule under the headers
 * and above a total row. */
static void
plain_rule(struct buf *out, const struct grid *g)
{
	size_t c, k;

	for (c = 0; c < g->ncol; c++) {
		if (c > 0)
			buf_adds(out, "  ");
		for (k = 0; k < g->w[c]; k++)
			buf_addc(out, '-');
	}
	endline(out);
}

static void
plain_table(struct buf *out, const struct grid *g)
{
	size_t r, c, k;

	for (k = 0; k < g->ngl; k++) {
		for (c = 0; c < g->ncol; c = g->first[c] >= 0 ?
		    span_end(g, c) : c + 1) {
			if (c > 0)
				buf_adds(out, "  ");
			if (g->first[c] < 0)
				pad(out, g->w[c]);
			else
				put_cell(out, g->gl[k * g->ncol + c],
				    span_width(g, c, span_end(g, c), 2), 0);
		}
		endline(out);
	}
	for (k = 0; k < g->nhl; k++) {
		for (c = 0; c < g->ncol; c++) {
			if (c > 0)
				buf_adds(out, "  ");
			put_cell(out, g->hl[k * g->ncol + c], g->w[c],
			    g->right[c]);
		}
		endline(out);
	}
	plain_rule(out, g);
	for (r = 0; r < g->nrow; r++) {
		if (g->total[r] && r > 0 && !g->total[r - 1])
			plain_rule(out, g);
		for (c = 0; c < g->ncol; c++) {
			if (c > 0)
				buf_adds(out, "  ");
			if (g->span[r] && c == g->sfirst) {
				buf_adds(out, g->cell[r * g->ncol + c]);
				break;
			}
			put_cell(out, g->cell[r * g->ncol + c], g->w[c],
			    g->right[c]);
		}
		endline(out);
	}
}

/* Box drawing.  A junction is drawn from its four arms: the vertical line
 * above and below it, the horizontal line to its left and right. */
static const char *
junction(int up, int down, int left, int right)
{
	static const char *const box[16] = {
		/* u d l r */
		" ",	/* 0000 */
		"─",	/* 0001 */
		"─",	/* 0010 */
		"─",	/* 0011 */
		"│",	/* 0100 */
		"┌",	/* 0101 */
		"┐",	/* 0110 */
		"┬",	/* 0111 */
		"│",	/* 1000 */
		"└",	/* 1001 */
		"┘",	/* 1010 */
		"┴",	/* 1011 */
		"│",	/* 1100 */
		"├",	/* 1101 */
		"┤",	/* 1110 */
		"┼",	/* 1111 */
	};

	return box[(up ? 8 : 0) | (down ? 4 : 0) | (left ? 2 : 0) |
	    (right ? 1 : 0)];
}

/* Bands of rows: the group row has a line at boundary b (0..ncol) only
 * between spans; header and data rows at every boundary. */
enum band { BAND_NONE, BAND_GROUP, BAND_BODY, BAND_SPAN };

static int
vline(const struct grid *g, enum band band, size_t b)
{
	if (band == BAND_NONE)
		return 0;
	if (band == BAND_SPAN)
		return b <= g->sfirst || b == g->ncol;
	if (band == BAND_BODY || b == 0 || b == g->ncol)
		return 1;
	return !(g->first[b] >= 0 && g->first[b] == g->first[b - 1]);
}

/* row_band: the band of data row r, one not reported or not. */
static enum band
row_band(const struct grid *g, size_t r)
{
	return g->span[r] ? BAND_SPAN : BAND_BODY;
}

/* box_rule draws the line between band up and band down; under the group
 * row, columns outside any group get no line (their header spans both). */
static void
box_rule(struct buf *out, const struct grid *g, enum band up, enum band down)
{
	size_t b, k;
	int seg_l = 0, seg_r;

	for (b = 0; b <= g->ncol; b++) {
		seg_r = b < g->ncol && !(up == BAND_GROUP && g->first[b] < 0);
		buf_adds(out, junction(vline(g, up, b), vline(g, down, b),
		    seg_l, seg_r));
		if (b < g->ncol)
			for (k = 0; k < g->w[b] + 2; k++)
				buf_adds(out, seg_r ? "─" : " ");
		seg_l = seg_r;
	}
	endline(out);
}

/* box_row draws a row of cells; span: a row not reported, its words
 * over the columns from sfirst on. */
static void
box_row(struct buf *out, const struct grid *g, char **cells, int span)
{
	size_t c;

	for (c = 0; c < g->ncol; c++) {
		buf_adds(out, "│ ");
		if (span && c == g->sfirst) {
			put_cell(out, cells[c], span_width(g, c, g->ncol, 3),
			    0);
			buf_addc(out, ' ');
			break;
		}
		put_cell(out, cells[c], g->w[c], g->right[c]);
		buf_addc(out, ' ');
	}
	buf_adds(out, "│");
	endline(out);
}

static void
box_table(struct buf *out, const struct grid *g)
{
	size_t r, c, k;
	enum band head = g->groups ? BAND_GROUP : BAND_BODY;

	box_rule(out, g, BAND_NONE, head);
	for (k = 0; k < g->ngl; k++) {
		for (c = 0; c < g->ncol; c = g->first[c] >= 0 ?
		    span_end(g, c) : c + 1) {
			buf_adds(out, "│ ");
			if (g->first[c] < 0)
				pad(out, g->w[c]);
			else
				put_cell(out, g->gl[k * g->ncol + c],
				    span_width(g, c, span_end(g, c), 3), 0);
			buf_addc(out, ' ');
		}
		buf_adds(out, "│");
		endline(out);
	}
	if (g->groups)
		box_rule(out, g, BAND_GROUP, BAND_BODY);
	for (k = 0; k < g->nhl; k++)
		box_row(out, g, &g->hl[k * g->ncol], 0);
	if (g->nrow > 0)
		box_rule(out, g, BAND_BODY, row_band(g, 0));
	for (r = 0; r < g->nrow; r++) {
		if (g->total[r] && r > 0 && !g->total[r - 1])
			box_rule(out, g, row_band(g, r - 1), row_band(g, r));
		box_row(out, g, &g->cell[r * g->ncol], g->span[r]);
	}
	box_rule(out, g, g->nrow > 0 ? row_band(g, g->nrow - 1) : BAND_BODY,
	    BAND_NONE);
}


/* para appends s as lines at most cols wide (0: one line), prefix before
 * the first and hang spaces before the others; a word wider than a line
 * is broken between characters, never before a combining mark. */
static void
para(struct buf *out, const char *prefix, const char *s, size_t cols,
    size_t hang)
{
	struct buf b = { 0 };
	const char *p, *q;
	size_t col, ww, k, cw;
	int fresh = 1;		/* nothing on the line but its indent */

	rtext_clean(&b, s, strlen(s));
	buf_adds(out, prefix);
	col = width(prefix);
	if (cols > 0 && hang >= cols)
		hang = 0;
	for (p = b.p; *p == ' '; p++)
		;
	while (*p != '\0') {
		q = strchr(p, ' ');
		if (q == NULL)
			q = p + strlen(p);
		ww = text_width(p, (size_t)(q - p));
		if (cols > 0 && !fresh && col + 1 + ww > cols) {
			buf_addc(out, '\n');
			pad(out, hang);
			col = hang;
			fresh = 1;
		}
		if (!fresh) {
			buf_addc(out, ' ');
			col++;
		}
		for (; p < q; p += k) {
			unsigned char c = (unsigned char)*p;

			k = c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
			if (k > (size_t)(q - p))
				k = (size_t)(q - p);
			cw = text_width(p, k);
			if (cols > 0 && cw > 0 && col + cw > cols && col > hang) {
				buf_addc(out, '\n');
				pad(out, hang);
				col = hang;
			}
			buf_add(out, p, k);
			col += cw;
		}
		fresh = 0;
		while (*p == ' ')
			p++;
	}
	buf_addc(out, '\n');
	buf_free(&b);
}

/* How far a table is narrowed, each step keeping the ones before. */
enum fit { FIT_FULL, FIT_NO_GAP, FIT_NO_TARGET, FIT_ABBREV };

/* The labels' key of each role's label (enum rcol_role), for its
 * abbreviation. */
static const char *const role_key[] = {
	NULL, "stt", "district", "schools", "actual", "target", "gap",
	"result", "rank"
};

/* kept: column c of a table of rep is shown at step fit. */
static int
kept(const struct report *rep, const struct rcol *c, int fit)
{
	if (rep->layout != LAYOUT_REPORT)
		return 1;
	return !((c->role == RCOL_GAP && fit >= FIT_NO_GAP) ||
	    (c->role == RCOL_TARGET && fit >= FIT_NO_TARGET));
}

/* col_label: c's header at step fit. */
static const char *
col_label(const struct report *rep, const struct rcol *c,
    const struct labels *l, int fit)
{
	const char *a;

	if (fit < FIT_ABBREV)
		return c->label;
	if (rep->layout == LAYOUT_APPENDIX && c->role == RCOL_TARGET &&
	    c->flat != NULL)
		return c->flat;
	if (role_key[c->role] != NULL &&
	    (a = labels_abbrev(l, role_key[c->role])) != NULL)
		return a;
	return c->label;
}

/* cell_text: the cell v of c at step fit: đạt/không đạt abbreviated. */
static const char *
cell_text(const struct rcol *c, const char *v, const struct labels *l,
    int fit)
{
	const char *a;

	if (fit < FIT_ABBREV || !c->met)
		return v;
	if (strcmp(v, l->missed) == 0 && (a = labels_abbrev(l, "missed")))
		return a;
	if (strcmp(v, l->met) == 0 && (a = labels_abbrev(l, "met")))
		return a;
	return v;
}

/* view_make makes v a copy of t with its columns cols[0..n) at step fit
 * (its own col, cell and, for the appendix abbreviated, legend arrays;
 * the rest borrowed from t).  view_free frees those. */
static void
view_make(struct rtable *v, const struct report *rep, const struct rtable *t,
    const struct labels *l, int fit, const size_t *cols, size_t n)
{
	size_t i, r;

	*v = *t;
	v->ncol = n;
	v->col = xcalloc(n + 1, sizeof *v->col);
	v->cell = xcalloc(t->nrow * n + 1, sizeof *v->cell);
	v->vfirst = 0;
	v->legend_short = v->legend_label = NULL;
	v->nlegend = 0;
	for (i = 0; i < n; i++) {
		const struct rcol *c = &t->col[cols[i]];

		v->col[i] = *c;
		v->col[i].label = col_label(rep, c, l, fit);
		v->vfirst += cols[i] < t->vfirst;
		for (r = 0; r < t->nrow; r++)
			v->cell[r * n + i] = cell_text(c,
			    t->cell[r * t->ncol + cols[i]], l, fit);
	}
	if (rep->layout != LAYOUT_APPENDIX || fit < FIT_ABBREV) {
		v->legend_short = xcalloc(t->nlegend + 1, sizeof (char *));
		v->legend_label = xcalloc(t->nlegend + 1, sizeof (char *));
		for (i = 0; i < t->nlegend; i++) {
			v->legend_short[i] = t->legend_short[i];
			v->legend_label[i] = t->legend_label[i];
		}
		v->nlegend = t->nlegend;
		return;
	}
	/* The appendix by its short names: they go in the legend. */
	v->legend_short = xcalloc(n + 1, sizeof (char *));
	v->legend_label = xcalloc(n + 1, sizeof (char *));
	for (i = 0; i < n; i++)
		if (v->col[i].role == RCOL_TARGET &&
		    v->col[i].label != t->col[cols[i]].label) {
			v->legend_short[v->nlegend] = v->col[i].label;
			v->legend_label[v->nlegend++] = t->col[cols[i]].label;
		}
}

static void
view_free(struct rtable *v)
{
	free(v->col);
	free((void *)v->cell);
	free((void *)v->legend_short);
	free((void *)v->legend_label);
}

/* kept_cols lists the columns of t shown at step fit into cols (room for
 * t->ncol); returns how many. */
static size_t
kept_cols(const struct report *rep, const struct rtable *t, int fit,
    size_t *cols)
{
	size_t c, n = 0;

	for (c = 0; c < t->ncol; c++)
		if (kept(rep, &t->col[c], fit))
			cols[n++] = c;
	return n;
}

/* grid_width: the columns a line of g takes. */
static size_t
grid_width(const struct grid *g, int box)
{
	size_t c, w = box && g->ncol > 0 ? 1 : 0;

	for (c = 0; c < g->ncol; c++)
		w += g->w[c] + (box ? 3 : c > 0 ? 2 : 0);
	return w;
}

/* table_width: how wide t is at step fit. */
static size_t
table_width(const struct report *rep, const struct rtable *t,
    const struct labels *l, const struct fmt_locale *loc, int box, int fit)
{
	size_t *cols = xcalloc(t->ncol + 1, sizeof *cols), w;
	struct rtable v;
	struct grid g;

	view_make(&v, rep, t, l, fit, cols, kept_cols(rep, t, fit, cols));
	grid_build(&g, &v, l, loc, box ? 3 : 2, fit >= FIT_ABBREV);
	w = grid_width(&g, box);
	grid_free(&g);
	view_free(&v);
	free(cols);
	return w;
}

/* key_col: column c, the i-th, stays in every part of a split table:
 * STT, the district and its schools; in the plain layout, the first
 * column and the district. */
static int
key_col(const struct report *rep, const struct rcol *c, size_t i)
{
	return c->role == RCOL_STT || c->role == RCOL_DISTRICT ||
	    c->role == RCOL_SCHOOLS || (rep->layout == LAYOUT_PLAIN && i == 0);
}

/* put_grid appends the grid of t's columns cols[0..n) at step fit. */
static void
put_grid(struct buf *out, const struct report *rep, const struct rtable *t,
    const struct labels *l, const struct fmt_locale *loc, int box, int fit,
    const size_t *cols, size_t n)
{
	struct rtable v;
	struct grid g;

	view_make(&v, rep, t, l, fit, cols, n);
	grid_build(&g, &v, l, loc, box ? 3 : 2, fit >= FIT_ABBREV);
	if (box)
		box_table(out, &g);
	else
		plain_table(out, &g);
	grid_free(&g);
	view_free(&v);
}

/* put_split appends t's columns kept[0..n) at step fit in as many parts
 * as it takes for each to be at most width wide: the key columns in
 * each, then as many of the others as fit, a group's columns together.
 * Returns the number of parts. */
static size_t
put_split(struct buf *out, const struct report *rep, const struct rtable *t,
    const struct labels *l, const struct fmt_locale *loc, int box, int fit,
    const size_t *kept, size_t n, size_t width)
{
	size_t *part = xcalloc(n + 1, sizeof *part), *w, sep = box ? 3 : 2;
	size_t i, e, k, nkey = 0, keyw = 0, pw, uw, parts = 0, np;
	struct rtable v;
	struct grid g;

	/* Every column's width, as the whole table has it. */
	view_make(&v, rep, t, l, fit, kept, n);
	grid_build(&g, &v, l, loc, sep, fit >= FIT_ABBREV);
	w = g.w;
	for (i = 0; i < n; i++)
		if (key_col(rep, &t->col[kept[i]], i)) {
			part[nkey++] = kept[i];
			keyw += w[i] + sep;
		}
	for (i = 0; i < n; ) {
		np = nkey;
		pw = keyw + (box ? 1 : 0);
		while (i < n) {
			if (key_col(rep, &t->col[kept[i]], i)) {
				i++;
				continue;
			}
			/* A unit: a group's columns, or one column. */
			for (e = i + 1, uw = w[i] + sep; e < n &&
			    t->col[kept[e]].group != NULL &&
			    t->col[kept[e]].group == t->col[kept[i]].group; e++)
				uw += w[e] + sep;
			if (np > nkey && pw + uw - (box ? 0 : sep) > width)
				break;
			for (k = i; k < e; k++)
				part[np++] = kept[k];
			pw += uw;
			i = e;
		}
		if (np == nkey)
			break;		/* only key columns are left */
		if (parts++ > 0)
			buf_addc(out, '\n');
		put_grid(out, rep, t, l, loc, box, fit, part, np);
	}
	grid_free(&g);
	view_free(&v);
	free(part);
	return parts;
}

/* legend_text appends the legend of t (a view). */
static void
legend_text(struct buf *out, const struct rtable *t, const struct labels *l,
    size_t cols)
{
	struct buf b = { 0 };
	size_t i;

	if (t->nlegend == 0)
		return;
	buf_addc(out, '\n');
	buf_printf(&b, "%s:", l->legend);
	para(out, "", b.p, cols, 0);
	for (i = 0; i < t->nlegend; i++) {
		buf_reset(&b);
		buf_printf(&b, "%s: %s", t->legend_short[i], t->legend_label[i]);
		para(out, "  ", b.p, cols, 4);
	}
	buf_free(&b);
}

/* put_table appends table i of rep at step fit, split when it is wider
 * than width (not 0); returns the number of parts. */
static size_t
put_table(struct buf *out, const struct report *rep, size_t i,
    const struct labels *l, const struct fmt_locale *loc, int box, int fit,
    size_t width)
{
	const struct rtable *t = &rep->t[i];
	size_t *cols = xcalloc(t->ncol + 1, sizeof *cols), n, parts = 1;
	struct buf b = { 0 };
	struct rtable v;

	if (t->heading != NULL) {
		if (rep->layout == LAYOUT_APPENDIX)
			buf_printf(&b, "%s. ", report_roman(i + 1));
		buf_adds(&b, t->heading);
		para(out, "", b.p, width, 0);
		buf_addc(out, '\n');
	}
	if (t->note != NULL) {
		para(out, "", t->note, width, 0);
		buf_addc(out, '\n');
	}
	n = kept_cols(rep, t, fit, cols);
	if (width > 0 && table_width(rep, t, l, loc, box, fit) > width)
		parts = put_split(out, rep, t, l, loc, box, fit, cols, n,
		    width);
	else
		put_grid(out, rep, t, l, loc, box, fit, cols, n);
	if (t->rule != NULL) {
		buf_addc(out, '\n');
		para(out, "", t->rule, width, 0);
	}
	view_make(&v, rep, t, l, fit, cols, n);
	legend_text(out, &v, l, width);
	view_free(&v);
	buf_free(&b);
	free(cols);
	return parts;
}

/* add_change appends what a narrowing did to the list in changes. */
static void
add_change(struct buf *changes, const struct labels *l,
    enum labels_template t, const char *val)
{
	const char *vals[1] = { val };

	if (changes->len > 0)
		buf_adds(changes, "; ");
	labels_template(changes, l, t, vals);
}

/* abbreviations appends the "short: label" pairs shown at step fit. */
static void
abbreviations(struct buf *out, const struct report *rep,
    const struct labels *l, int fit)
{
	static const char *const order[] = { "actual", "target", "gap",
	    "result", "rank", "schools", "district", "stt" };
	size_t k, i, c;
	int seen, results = 0;
	const char *a, *label = NULL;

	for (k = 0; k < sizeof order / sizeof order[0]; k++) {
		seen = 0;
		for (i = 0; i < rep->nt; i++)
			for (c = 0; c < rep->t[i].ncol; c++) {
				const struct rcol *col = &rep->t[i].col[c];

				if (!kept(rep, col, fit) || role_key[col->role]
				    == NULL || strcmp(role_key[col->role],
				    order[k]) != 0 || (rep->layout ==
				    LAYOUT_APPENDIX && col->role ==
				    RCOL_TARGET))
					continue;
				seen = 1;
				label = col->label;
				results |= col->met;
			}
		if (seen && (a = labels_abbrev(l, order[k])) != NULL &&
		    strcmp(a, label) != 0)
			buf_printf(out, "%s%s: %s", out->len > 0 ? "; " : "", a,
			    label);
		/* Đạt and Không đạt right after their column. */
		if (seen && results && strcmp(order[k], "result") == 0) {
			if ((a = labels_abbrev(l, "met")) != NULL &&
			    strcmp(a, l->met) != 0)
				buf_printf(out, "%s%s: %s", out->len > 0 ?
				    "; " : "", a, l->met);
			if ((a = labels_abbrev(l, "missed")) != NULL &&
			    strcmp(a, l->missed) != 0)
				buf_printf(out, "%s%s: %s", out->len > 0 ?
				    "; " : "", a, l->missed);
		}
	}
}

/* narrowed appends the line that says how the tables were narrowed to
 * width: step fit, split into at most parts. */
static void
narrowed(struct buf *out, const struct report *rep, const struct labels *l,
    int fit, size_t parts, size_t width)
{
	struct buf changes = { 0 }, cols = { 0 }, b = { 0 }, line = { 0 };
	int gap = 0, target = 0;
	const char *vals[2];
	char tmp[32];
	size_t i, c;

	for (i = 0; i < rep->nt; i++)
		for (c = 0; c < rep->t[i].ncol; c++) {
			gap |= rep->t[i].col[c].role == RCOL_GAP;
			target |= rep->t[i].col[c].role == RCOL_TARGET;
		}
	if (rep->layout == LAYOUT_REPORT && gap && fit >= FIT_NO_GAP)
		buf_adds(&cols, l->gap);
	if (rep->layout == LAYOUT_REPORT && target && fit >= FIT_NO_TARGET)
		buf_printf(&cols, "%s%s", cols.len > 0 ? ", " : "", l->target);
	if (cols.len > 0)
		add_change(&changes, l, LT_NARROWED_DROPPED, cols.p);
	if (fit >= FIT_ABBREV) {
		abbreviations(&b, rep, l, fit);
		add_change(&changes, l, LT_NARROWED_ABBREVIATED, b.len > 0 ?
		    b.p : l->legend);
	}
	if (parts > 1) {
		snprintf(tmp, sizeof tmp, "%zu", parts);
		add_change(&changes, l, LT_NARROWED_SPLIT, tmp);
	}
	snprintf(tmp, sizeof tmp, "%zu", width);
	vals[0] = tmp;
	vals[1] = changes.p ? changes.p : "";
	labels_template(&line, l, LT_NARROWED, vals);
	para(out, "", line.p, width, 0);
	buf_addc(out, '\n');
	buf_free(&changes);
	buf_free(&cols);
	buf_free(&b);
	buf_free(&line);
}

void
rterm_table(struct buf *out, const struct report *rep,
    const struct labels *l, const struct fmt_locale *loc, int box,
    size_t width)
{
	struct buf body = { 0 };
	int fit = FIT_FULL, last = rep->layout == LAYOUT_PLAIN ? FIT_FULL :
	    FIT_ABBREV, wide;
	size_t i, parts = 1, n;

	/* The first step at which every table fits, or the last. */
	for (; width > 0 && fit < last; fit++) {
		for (i = 0, wide = 0; i < rep->nt && !wide; i++)
			wide = table_width(rep, &rep->t[i], l, loc, box, fit) >
			    width;
		if (!wide)
			break;
	}
	for (i = 0; i < rep->nt; i++) {
		if (i > 0)
			buf_addc(&body, '\n');
		n = put_table(&body, rep, i, l, loc, box, fit, width);
		if (n > parts)
			parts = n;
	}
	if (rep->title_given) {
		para(out, "", rep->title, width, 0);
		buf_addc(out, '\n');
	}
	if (fit > FIT_FULL || parts > 1)
		narrowed(out, rep, l, fit, parts, width);
	buf_add(out, body.p ? body.p : "", body.len);
	buf_free(&body);
}
