#include <stdlib.h>
#include <string.h>

#include "csvw.h"
#include "diag.h"
#include "labels.h"
#include "report.h"
#include "rtext.h"
#include "text.h"

#define HEADER_CAP	24	/* a header wider than this and its column wraps */
#define REPLACEMENT	"\xef\xbf\xbd"

/* bidi_len: the length of the bidirectional control that begins
 * p[0..n) — U+061C, U+200E, U+200F, U+202A to U+202E, U+2066 to U+2069
 * — or 0; its code point in *cp. */
static size_t
bidi_len(const unsigned char *p, size_t n, unsigned *cp)
{
	if (n >= 2 && p[0] == 0xd8 && p[1] == 0x9c) {
		*cp = 0x061c;
		return 2;
	}
	if (n < 3 || p[0] != 0xe2)
		return 0;
	if ((p[1] == 0x80 && (p[2] == 0x8e || p[2] == 0x8f ||
	    (p[2] >= 0xaa && p[2] <= 0xae))) ||
	    (p[1] == 0x81 && p[2] >= 0xa6 && p[2] <= 0xa9)) {
		*cp = 0x2000u | (unsigned)(p[1] & 0x3f) << 6 |
		    (unsigned)(p[2] & 0x3f);
		return 3;
	}
	return 0;
}

/* clean appends s[0..n) fit for one line of a terminal: TAB, LF and CR
 * become a space, other C0 and C1 controls and DEL become U+FFFD, and
 * a bidirectional control (U+202E RIGHT-TO-LEFT OVERRIDE, which would
 * turn the rest of the line around: "Trojan Source") is shown by its
 * name, "<U+202E>", never obeyed. */
static void
clean(struct buf *out, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i, k;
	unsigned cp;

	buf_add(out, "", 0);	/* out->p is a string even for "" */
	for (i = 0; i < n; i++) {
		if ((k = bidi_len(p + i, n - i, &cp)) > 0) {
			buf_printf(out, "<U+%04X>", cp);
			i += k - 1;
		} else if (p[i] == '\t' || p[i] == '\n' || p[i] == '\r')
			buf_addc(out, ' ');
		else if (p[i] < 0x20 || p[i] == 0x7f)
			buf_adds(out, REPLACEMENT);
		else if (p[i] == 0xc2 && i + 1 < n && p[i + 1] >= 0x80 &&
		    p[i + 1] <= 0x9f) {
			buf_adds(out, REPLACEMENT);
			i++;
		} else
			buf_addc(out, s[i]);
	}
}

void
rtext_line(struct buf *out, const char *s, size_t n)
{
	clean(out, s, n);
}

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
	/* Spans: first[c] is the first column of c's group, or -1. */
	int		 *first;
	const char	**group;
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

static void
grid_build(struct grid *g, const struct rtable *t, const struct labels *l,
    const struct fmt_locale *loc, size_t sepw)
{
	struct buf b = { 0 }, tmp = { 0 };
	size_t r, c, k, n, sw = 0;
	char **lines;

	memset(g, 0, sizeof *g);
	g->ncol = t->ncol;
	g->nrow = t->nrow;
	g->cell = xcalloc(t->nrow * t->ncol + 1, sizeof *g->cell);
	g->w = xcalloc(t->ncol + 1, sizeof *g->w);
	g->right = xcalloc(t->ncol + 1, sizeof *g->right);
	g->first = xcalloc(t->ncol + 1, sizeof *g->first);
	g->group = xcalloc(t->ncol + 1, sizeof *g->group);
	g->total = t->total;
	g->span = t->unreported;
	g->sfirst = t->cover ? t->vfirst : t->ncol;
	for (r = 0; r < t->nrow; r++)
		for (c = 0; c < t->ncol; c++) {
			buf_reset(&tmp);
			buf_reset(&b);
			if (g->span[r] && c >= g->sfirst) {
				if (c == g->sfirst)
					clean(&b, l->not_reported,
					    strlen(l->not_reported));
				g->cell[r * t->ncol + c] = xstrdup(b.p ? b.p :
				    "");
				if (c == g->sfirst && width(b.p) > sw)
					sw = width(b.p);
				continue;
			}
			report_cell(&tmp, t, r, c, loc);
			clean(&b, tmp.p ? tmp.p : "", tmp.len);
			g->cell[r * t->ncol + c] = xstrdup(b.p ? b.p : "");
			if (width(g->cell[r * t->ncol + c]) > g->w[c])
				g->w[c] = width(g->cell[r * t->ncol + c]);
		}
	/* Headers: a long one wraps at the wider of the cap, its column's
	 * cells and its longest word. */
	for (c = 0; c < t->ncol; c++) {
		size_t hw;

		buf_reset(&b);
		clean(&b, t->col[c].label, strlen(t->col[c].label));
		hw = width(b.p);
		g->right[c] = t->col[c].kind != RCOL_TEXT;
		if (hw > g->w[c]) {
			size_t cap = g->w[c] > HEADER_CAP ? g->w[c] : HEADER_CAP;

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
		clean(&b, t->col[c].label, strlen(t->col[c].label));
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
		else {
			g->first[c] = (int)c;
			buf_reset(&b);
			clean(&b, t->col[c].group_short,
			    strlen(t->col[c].group_short));
			g->group[c] = xstrdup(b.p);
		}
	}
	/* A group label wider than its columns widens the last of them. */
	for (c = 0; c < t->ncol; c++) {
		size_t span = 0, e, gw;

		if (g->first[c] != (int)c)
			continue;
		for (e = c; e < t->ncol && g->first[e] == (int)c; e++)
			span += g->w[e] + (e > c ? sepw : 0);
		gw = width(g->group[c]);
		if (gw > span)
			g->w[e - 1] += gw - span;
	}
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
	for (i = 0; i < g->ncol; i++)
		free((char *)g->group[i]);
	free(g->cell);
	free(g->hl);
	free(g->w);
	free(g->right);
	free(g->first);
	free(g->group);
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

	if (g->groups) {
		for (c = 0; c < g->ncol; c = g->first[c] >= 0 ?
		    span_end(g, c) : c + 1) {
			if (c > 0)
				buf_adds(out, "  ");
			if (g->first[c] < 0)
				pad(out, g->w[c]);
			else
				put_cell(out, g->group[c],
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
	if (g->groups) {
		for (c = 0; c < g->ncol; c = g->first[c] >= 0 ?
		    span_end(g, c) : c + 1) {
			buf_adds(out, "│ ");
			if (g->first[c] < 0)
				pad(out, g->w[c]);
			else
				put_cell(out, g->group[c],
				    span_width(g, c, span_end(g, c), 3), 0);
			buf_addc(out, ' ');
		}
		buf_adds(out, "│");
		endline(out);
		box_rule(out, g, BAND_GROUP, BAND_BODY);
	}
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

static void
legend_text(struct buf *out, const struct rtable *t, const struct labels *l)
{
	size_t i;

	if (t->nlegend == 0)
		return;
	buf_addc(out, '\n');
	clean(out, l->legend, strlen(l->legend));
	buf_adds(out, ":\n");
	for (i = 0; i < t->nlegend; i++) {
		buf_adds(out, "  ");
		clean(out, t->legend_short[i], strlen(t->legend_short[i]));
		buf_adds(out, ": ");
		clean(out, t->legend_label[i], strlen(t->legend_label[i]));
		buf_addc(out, '\n');
	}
}

void
rtext_table(struct buf *out, const struct report *rep,
    const struct labels *l, const struct fmt_locale *loc, int box)
{
	struct grid g;
	size_t i;

	if (rep->title_given) {
		clean(out, rep->title, strlen(rep->title));
		buf_adds(out, "\n\n");
	}
	for (i = 0; i < rep->nt; i++) {
		const struct rtable *t = &rep->t[i];

		if (i > 0)
			buf_addc(out, '\n');
		if (t->heading != NULL) {
			if (rep->layout == LAYOUT_APPENDIX)
				buf_printf(out, "%s. ", report_roman(i + 1));
			clean(out, t->heading, strlen(t->heading));
			buf_adds(out, "\n\n");
		}
		if (t->note != NULL) {
			clean(out, t->note, strlen(t->note));
			buf_adds(out, "\n\n");
		}
		grid_build(&g, t, l, loc, box ? 3 : 2);
		if (box)
			box_table(out, &g);
		else
			plain_table(out, &g);
		grid_free(&g);
		legend_text(out, t, l);
	}
}

/* md_text appends s escaped for Markdown: the punctuation that could start
 * emphasis, code, a link, HTML, an entity or a table cell gets a
 * backslash; line breaks become spaces. */
static void
md_text(struct buf *out, const char *s)
{
	struct buf b = { 0 };
	size_t i;

	clean(&b, s, strlen(s));
	for (i = 0; i < b.len; i++) {
		if (strchr("\\`*_[]<>|&~#", b.p[i]) != NULL)
			buf_addc(out, '\\');
		buf_addc(out, b.p[i]);
	}
	buf_free(&b);
}

/* header_text: a column's header on one line: "group: label"; flat: in a
 * single table of every level. */
static void
header_text(struct buf *out, const struct rcol *c, int flat)
{
	if (flat && c->flat != NULL) {
		buf_adds(out, c->flat);
		return;
	}
	if (c->group_short != NULL) {
		buf_adds(out, c->group_short);
		buf_adds(out, ": ");
	}
	buf_adds(out, c->label);
}

void
rtext_md(struct buf *out, const struct report *rep,
    const struct labels *l, const struct fmt_locale *loc)
{
	struct buf b = { 0 };
	size_t i, r, c;

	if (rep->title_given) {
		buf_adds(out, "# ");
		md_text(out, rep->title);
		buf_adds(out, "\n\n");
	}
	for (i = 0; i < rep->nt; i++) {
		const struct rtable *t = &rep->t[i];

		if (i > 0)
			buf_addc(out, '\n');
		if (t->heading != NULL) {
			buf_adds(out, "## ");
			if (rep->layout == LAYOUT_APPENDIX)
				buf_printf(out, "%s. ", report_roman(i + 1));
			md_text(out, t->heading);
			buf_adds(out, "\n\n");
		}
		if (t->note != NULL) {
			buf_adds(out, "**");
			md_text(out, t->note);
			buf_adds(out, "**\n\n");
		}
		buf_addc(out, '|');
		for (c = 0; c < t->ncol; c++) {
			buf_reset(&b);
			header_text(&b, &t->col[c], 0);
			buf_addc(out, ' ');
			md_text(out, b.p);
			buf_adds(out, " |");
		}
		buf_adds(out, "\n|");
		for (c = 0; c < t->ncol; c++)
			buf_adds(out, t->col[c].kind == RCOL_TEXT ? " :--- |" :
			    " ---: |");
		buf_addc(out, '\n');
		for (r = 0; r < t->nrow; r++) {
			buf_addc(out, '|');
			for (c = 0; c < t->ncol; c++) {
				buf_reset(&b);
				/* Not reported: the words in the first value
				 * cell, in italics, the others empty. */
				if (t->unreported[r] && c >= t->vfirst) {
					buf_adds(out, c == t->vfirst ? " _" : " ");
					if (c == t->vfirst) {
						md_text(out, l->not_reported);
						buf_addc(out, '_');
					}
					buf_adds(out, " |");
					continue;
				}
				report_cell(&b, t, r, c, loc);
				buf_addc(out, ' ');
				if (t->total[r] && b.len > 0)
					buf_adds(out, "**");
				md_text(out, b.p ? b.p : "");
				if (t->total[r] && b.len > 0)
					buf_adds(out, "**");
				buf_adds(out, " |");
			}
			buf_addc(out, '\n');
		}
		if (t->nlegend > 0) {
			buf_addc(out, '\n');
			md_text(out, l->legend);
			buf_adds(out, ":\n\n");
			for (c = 0; c < t->nlegend; c++) {
				buf_adds(out, "- ");
				md_text(out, t->legend_short[c]);
				buf_adds(out, ": ");
				md_text(out, t->legend_label[c]);
				buf_addc(out, '\n');
			}
		}
	}
	buf_free(&b);
}

/* csv_count appends the count of schools s[0..n) as a number of a CSV
 * (or, tsv, TSV) cell in loc's form. */
static void
csv_count(struct buf *out, const char *s, size_t n,
    const struct fmt_locale *loc, int tsv)
{
	struct buf b = { 0 };

	if (fmt_num(&b, s, n, 0, loc, FMT_GROUP) != 0)
		buf_add(&b, s, n);
	if (tsv)
		csvw_tsv_cell(out, b.p, b.len, 0);
	else
		csvw_cell(out, b.p, b.len, ',', 0);
	buf_free(&b);
}

/* flat writes every table as one: the level (when the tables have one) in
 * a first column, one header row.  tsv selects the TSV form. */
static void
flat(struct buf *out, const struct report *rep, const struct labels *l,
    const struct fmt_locale *loc, int tsv)
{
	struct buf b = { 0 };
	const char *eol = tsv ? "\n" : "\r\n";
	int lvl = rep->nt > 0 && rep->t[0].level != NULL;
	const char *raw, *slash;
	size_t i, r, c;

#define CELL(s, n, text) do {						\
		if (tsv)						\
			csvw_tsv_cell(out, (s), (n), (text));		\
		else							\
			csvw_cell(out, (s), (n), ',', (text));		\
	} while (0)
#define SEP(first) do { if (!(first)) buf_addc(out, tsv ? '\t' : ','); } while (0)

	if (lvl)
		CELL(l->level, strlen(l->level), 1);
	if (rep->nt > 0)
		for (c = 0; c < rep->t[0].ncol; c++) {
			SEP(c == 0 && !lvl);
			/* The schools: two columns of numbers, as the stream
			 * has them, never a "8/9" a spreadsheet reads as a
			 * date. */
			if (rep->t[0].col[c].kind == RCOL_COVER) {
				CELL(l->schools_expected,
				    strlen(l->schools_expected), 1);
				SEP(0);
				CELL(l->schools_reported,
				    strlen(l->schools_reported), 1);
				continue;
			}
			buf_reset(&b);
			header_text(&b, &rep->t[0].col[c], 1);
			CELL(b.p, b.len, 1);
		}
	buf_adds(out, eol);
	for (i = 0; i < rep->nt; i++) {
		const struct rtable *t = &rep->t[i];

		for (r = 0; r < t->nrow; r++) {
			if (lvl)
				CELL(t->level, strlen(t->level), 1);
			for (c = 0; c < t->ncol; c++) {
				SEP(c == 0 && !lvl);
				buf_reset(&b);
				if (t->col[c].kind == RCOL_COVER) {
					raw = t->cell[r * t->ncol + c];
					slash = strchr(raw, '/');
					csv_count(out, slash + 1, strlen(slash + 1),
					    loc, tsv);
					SEP(0);
					csv_count(out, raw, (size_t)(slash - raw),
					    loc, tsv);
					continue;
				}
				report_cell(&b, t, r, c, loc);
				/* A number is never neutralised, even in a
				 * column of text: "-0.52" stays a number. */
				raw = t->cell[r * t->ncol + c];
				CELL(b.p ? b.p : "", b.len,
				    !report_is_num(t, r, c) &&
				    fmt_decimals(raw, strlen(raw)) < 0);
			}
			buf_adds(out, eol);
		}
	}
#undef CELL
#undef SEP
	buf_free(&b);
}

void
rtext_csv(struct buf *out, const struct report *rep, const struct labels *l,
    const struct fmt_locale *loc)
{
	flat(out, rep, l, loc, 0);
}

void
rtext_tsv(struct buf *out, const struct report *rep, const struct labels *l,
    const struct fmt_locale *loc)
{
	flat(out, rep, l, loc, 1);
}
