#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "diag.h"
#include "fmt.h"
#include "labels.h"
#include "report.h"
#include "rxlsx.h"
#include "text.h"

#define MAXPLACES	10
#define HEADER_CAP	30	/* a header wider than this wraps */
#define SHEET_MAX	31	/* Excel's limit, in characters */
/* The font of official documents (Nghị định 30/2020/NĐ-CP); LibreOffice
 * prints it as Liberation Serif, its metric twin, where it is missing. */
#define FONT		"Times New Roman"
#define FONT_SIZE	11
/* Printed margins, in inches: about 10 mm at the sides, 13 mm above,
 * 15 mm below for the footer. */
#define MARGIN_SIDE	0.4
#define MARGIN_TOP	0.5
#define MARGIN_BOTTOM	0.6

/* The formats of a workbook, made once each (the workbook owns them). */
struct fmts {
	lxw_workbook	*wb;
	lxw_format	*title, *heading, *head, *note, *rule;
	lxw_format	*text[2], *id[2], *miss[2], *met[2], *stt[2];
	/* A row not reported: its words centred across the value cells,
	 * outlined as one cell (first, middle, last; one alone). */
	lxw_format	*nr[4][2];
	lxw_format	*num[MAXPLACES + 1][2][2][2];	/* places, plus, group, bold */
};

/* new_format: a format in the report's font. */
static lxw_format *
new_format(lxw_workbook *wb, double size)
{
	lxw_format *f = workbook_add_format(wb);

	format_set_font_name(f, FONT);
	format_set_font_size(f, size);
	return f;
}

/* bordered: a cell of the table. */
static lxw_format *
bordered(lxw_workbook *wb, int bold)
{
	lxw_format *f = new_format(wb, FONT_SIZE);

	format_set_border(f, LXW_BORDER_THIN);
	format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
	if (bold)
		format_set_bold(f);
	return f;
}

/* span_fmt: a cell of the words of a row not reported, at part (0
 * first, 1 middle, 2 last, 3 the only one) of the value cells. */
static lxw_format *
span_fmt(lxw_workbook *wb, int part, int bold)
{
	lxw_format *f = new_format(wb, FONT_SIZE);

	format_set_top(f, LXW_BORDER_THIN);
	format_set_bottom(f, LXW_BORDER_THIN);
	if (part == 0 || part == 3)
		format_set_left(f, LXW_BORDER_THIN);
	if (part == 2 || part == 3)
		format_set_right(f, LXW_BORDER_THIN);
	format_set_align(f, LXW_ALIGN_CENTER_ACROSS);
	format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
	format_set_italic(f);
	format_set_font_color(f, 0x555555);
	if (bold)
		format_set_bold(f);
	return f;
}

static void
fmts_init(struct fmts *f, lxw_workbook *wb)
{
	int b, k;

	memset(f, 0, sizeof *f);
	f->wb = wb;
	/* The title, the note and the rule span the table, wrapped. */
	f->title = new_format(wb, 14);
	format_set_bold(f->title);
	format_set_text_wrap(f->title);
	format_set_align(f->title, LXW_ALIGN_CENTER);
	format_set_align(f->title, LXW_ALIGN_VERTICAL_TOP);
	f->heading = new_format(wb, 12);
	format_set_bold(f->heading);
	f->head = bordered(wb, 1);
	format_set_text_wrap(f->head);
	format_set_align(f->head, LXW_ALIGN_CENTER);
	format_set_align(f->head, LXW_ALIGN_VERTICAL_CENTER);
	format_set_bg_color(f->head, 0xEEEEEE);
	f->note = new_format(wb, FONT_SIZE);
	format_set_bold(f->note);
	format_set_font_color(f->note, 0xB00020);
	format_set_text_wrap(f->note);
	format_set_align(f->note, LXW_ALIGN_VERTICAL_TOP);
	f->rule = new_format(wb, FONT_SIZE);
	format_set_italic(f->rule);
	format_set_text_wrap(f->rule);
	format_set_align(f->rule, LXW_ALIGN_VERTICAL_TOP);
	for (b = 0; b < 2; b++) {
		for (k = 0; k < 4; k++)
			f->nr[k][b] = span_fmt(wb, k, b);
		/* Text a character off the border (an indent goes with
		 * left or right alignment only). */
		f->text[b] = bordered(wb, b);
		format_set_align(f->text[b], LXW_ALIGN_LEFT);
		format_set_indent(f->text[b], 1);
		f->id[b] = bordered(wb, b);
		format_set_align(f->id[b], LXW_ALIGN_RIGHT);
		format_set_indent(f->id[b], 1);
		/* Đạt and Không đạt centred, as the HTML page has them. */
		f->met[b] = bordered(wb, b);
		format_set_align(f->met[b], LXW_ALIGN_CENTER);
		f->miss[b] = bordered(wb, 1);
		format_set_align(f->miss[b], LXW_ALIGN_CENTER);
		format_set_italic(f->miss[b]);
		format_set_font_color(f->miss[b], 0xB00020);
		/* STT: a number shown as the other formats show it, "01". */
		f->stt[b] = bordered(wb, b);
		format_set_align(f->stt[b], LXW_ALIGN_CENTER);
		format_set_num_format(f->stt[b], "00");
	}
}

/* numfmt returns the format of a number with places decimals. */
static lxw_format *
numfmt(struct fmts *f, int places, unsigned flags, int bold)
{
	lxw_format **slot;
	char pat[128], one[32];
	int plus = (flags & FMT_PLUS) != 0, group = (flags & FMT_GROUP) != 0;

	if (places > MAXPLACES)
		places = MAXPLACES;
	slot = &f->num[places][plus][group][bold];
	if (*slot != NULL)
		return *slot;
	/* "_)" ends each with a space as wide as ")": numbers stay off the
	 * right border (LibreOffice ignores an indent there). */
	snprintf(one, sizeof one, "%s0%s%.*s_)", group ? "#,##" : "",
	    places > 0 ? "." : "", places, "0000000000");
	if (plus)
		snprintf(pat, sizeof pat, "+%s;-%s;%s", one, one, one);
	else
		snprintf(pat, sizeof pat, "%s", one);
	*slot = bordered(f->wb, bold);
	format_set_num_format(*slot, pat);
	return *slot;
}

/* sheet_name makes an Excel sheet name from s: at most 31 characters,
 * none of []:*?/\ and unique within the workbook (" (2)" and so on). */
static void
sheet_name(char *dst, size_t cap, const char *s, lxw_workbook *wb)
{
	size_t i = 0, n = 0, k;
	char base[SHEET_MAX * 4 + 1];
	int dup;

	while (s[i] != '\0' && n < SHEET_MAX - 4 && i + 4 < sizeof base) {
		unsigned char c = (unsigned char)s[i];
		size_t len = c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;

		if (strchr("[]:*?/\\'", s[i]) != NULL || c < 0x20) {
			base[i] = '_';
			len = 1;
		} else
			memcpy(base + i, s + i, len);
		i += len;
		n++;
	}
	base[i] = '\0';
	if (i == 0)
		snprintf(base, sizeof base, "Sheet");
	snprintf(dst, cap, "%s", base);
	for (k = 2, dup = 1; dup; k++) {
		dup = workbook_get_worksheet_by_name(wb, dst) != NULL;
		if (dup)
			snprintf(dst, cap, "%s (%zu)", base, k);
	}
}

static size_t
width(const char *s)
{
	return text_width(s, strlen(s));
}

/* lines_for: the lines a text of w columns takes in a cell of cw. */
static int
lines_for(size_t w, double cw)
{
	int n = (int)((double)w / (cw > 1 ? cw - 1 : 1)) + 1;

	return n < 1 ? 1 : n;
}

size_t
rxlsx_units(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = 0;

	for (; *p != '\0'; p++) {
		if ((*p & 0xc0) != 0x80)
			n++;
		if (*p >= 0xf0)
			n++;		/* a surrogate pair */
	}
	return n;
}

/* A sheet being written, and where its errors go. */
struct sheet {
	lxw_worksheet		*ws;
	const struct report	*rep;
	const struct rtable	*t;
	struct rxlsx_error	*e;
};

/* lxw_fail records a libxlsxwriter error rc (not NULL's LXW_NO_ERROR) on
 * the output; returns -1. */
static int
lxw_fail(struct rxlsx_error *e, lxw_error rc)
{
	const char *why = lxw_strerror(rc);
	size_t n = strlen(why);

	/* Its sentences end in a period; our messages do not. */
	while (n > 0 && why[n - 1] == '.')
		n--;
	e->file = NULL;
	e->line = 0;
	buf_reset(&e->msg);
	buf_add(&e->msg, why, n);
	return -1;
}

/* too_long checks text s against Excel's CELL_MAX; when it is longer it
 * records "what: N characters, more than an XLSX cell holds (32767)" at
 * file:line (file NULL: the output) and returns -1. */
static int
too_long(struct rxlsx_error *e, const char *s, const char *file,
    unsigned long line, const char *what)
{
	size_t n = rxlsx_units(s);

	if (n <= RXLSX_CELL_MAX)
		return 0;
	e->file = file;
	e->line = line;
	buf_reset(&e->msg);
	buf_printf(&e->msg, "%s: %zu characters, more than an XLSX cell holds "
	    "(%d)", what, n, RXLSX_CELL_MAX);
	return -1;
}

/* put_text writes the string s into (row, col) — merged over to (row2,
 * col2) when they differ — checked: too long for a cell, an error of
 * libxlsxwriter's.  file, line and what say where s came from. */
static int
put_text(struct sheet *sh, size_t row, size_t col, size_t row2, size_t col2,
    const char *s, lxw_format *f, const char *file, unsigned long line,
    const char *what)
{
	lxw_error rc;

	if (too_long(sh->e, s, file, line, what) != 0)
		return -1;
	if (row2 != row || col2 != col)
		rc = worksheet_merge_range(sh->ws, (lxw_row_t)row,
		    (lxw_col_t)col, (lxw_row_t)row2, (lxw_col_t)col2, s, f);
	else
		rc = worksheet_write_string(sh->ws, (lxw_row_t)row,
		    (lxw_col_t)col, s, f);
	return rc == LXW_NO_ERROR ? 0 : lxw_fail(sh->e, rc);
}

/* header_text writes a column's header text: a field's name in the
 * plain layout (at line 1 of the first file), else a label. */
static int
header_text(struct sheet *sh, size_t row, size_t col, size_t row2,
    size_t col2, const char *s, lxw_format *f)
{
	int plain = sh->rep->layout == LAYOUT_PLAIN;
	char what[64];

	snprintf(what, sizeof what, plain ? "the name of field %zu" :
	    "the label of column %zu", col + 1);
	return put_text(sh, row, col, row2, col2, s, f, plain ?
	    sh->rep->hfile : NULL, plain ? 1 : 0, what);
}

/* check_size: the table fits a sheet (Excel's 1,048,576 rows, 16,384
 * columns) with its first data row at row0. */
static int
check_size(struct sheet *sh, size_t row0)
{
	const struct rtable *t = sh->t;
	const char *file;
	unsigned long line;

	if (t->ncol > LXW_COL_MAX) {
		sh->e->file = sh->rep->hfile;
		sh->e->line = 1;
		buf_reset(&sh->e->msg);
		buf_printf(&sh->e->msg, "%zu columns, more than an XLSX sheet "
		    "holds (%d)", t->ncol, LXW_COL_MAX);
		return -1;
	}
	if (t->nrow > LXW_ROW_MAX - row0) {
		/* The first row with no room. */
		report_where(sh->rep, t, LXW_ROW_MAX - row0, &file, &line);
		sh->e->file = file;
		sh->e->line = line;
		buf_reset(&sh->e->msg);
		buf_printf(&sh->e->msg, "more rows than an XLSX sheet holds "
		    "(%d, with %zu for the title and the header)", LXW_ROW_MAX,
		    row0);
		return -1;
	}
	return 0;
}

/* col_what names column c in a message: its header as the CSV's says
 * it ("Học GDNN: Thực hiện"), or its number when that is long. */
static void
col_what(char *dst, size_t n, const struct rtable *t, size_t c)
{
	const struct rcol *col = &t->col[c];
	size_t len = strlen(col->label) + (col->group_short != NULL ?
	    strlen(col->group_short) + 2 : 0);

	if (len > 48)
		snprintf(dst, n, "column %zu", c + 1);
	else if (col->group_short != NULL)
		snprintf(dst, n, "column \"%s: %s\"", col->group_short,
		    col->label);
	else
		snprintf(dst, n, "column \"%s\"", col->label);
}

/* put_cell writes the table's cell (r, c): blank, a number, or text. */
static int
put_cell(struct sheet *sh, struct fmts *f, const struct labels *l, size_t r,
    size_t c, size_t row0)
{
	const struct rtable *t = sh->t;
	const struct rcol *col = &t->col[c];
	const char *v = t->cell[r * t->ncol + c], *file;
	int bold = t->total[r];
	lxw_row_t row = (lxw_row_t)(row0 + r);
	lxw_col_t cc = (lxw_col_t)c;
	unsigned long line;
	lxw_error rc;
	char what[128];
	double d;

	if (t->unreported[r] && c >= t->vfirst) {
		int part = c + 1 == t->ncol ? (c == t->vfirst ? 3 : 2) :
		    c == t->vfirst ? 0 : 1;

		if (c > t->vfirst)
			rc = worksheet_write_blank(sh->ws, row, cc,
			    f->nr[part][bold]);
		else
			return put_text(sh, row0 + r, c, row0 + r, c,
			    l->not_reported, f->nr[part][bold], NULL, 0,
			    "the words of a district not reported");
	} else if (col->kind == RCOL_COVER) {
		struct fmt_locale loc = { l->decimal, l->group };
		struct buf b = { 0 };
		int k;

		report_cell(&b, t, r, c, &loc);
		k = put_text(sh, row0 + r, c, row0 + r, c, b.p, f->id[bold],
		    NULL, 0, "the schools");
		buf_free(&b);
		return k;
	} else if (*v == '\0')
		rc = worksheet_write_blank(sh->ws, row, cc, f->text[bold]);
	else if (col->role == RCOL_STT && strspn(v, "0123456789") ==
	    strlen(v) && strlen(v) < 16)
		rc = worksheet_write_number(sh->ws, row, cc, strtod(v, NULL),
		    f->stt[bold]);
	else if (report_is_num(t, r, c)) {
		d = strtod(v, NULL);
		if (!isfinite(d)) {
			report_where(sh->rep, t, r, &file, &line);
			sh->e->file = file;
			sh->e->line = line;
			buf_reset(&sh->e->msg);
			col_what(what, sizeof what, t, c);
			buf_printf(&sh->e->msg, "%s: a number of %zu digits, "
			    "beyond what an XLSX number holds", what, strlen(v));
			return -1;
		}
		rc = worksheet_write_number(sh->ws, row, cc, d, numfmt(f,
		    col->places, col->flags, bold));
	} else {
		report_where(sh->rep, t, r, &file, &line);
		col_what(what, sizeof what, t, c);
		return put_text(sh, row0 + r, c, row0 + r, c, v,
		    col->met && strcmp(v, l->missed) == 0 ? f->miss[bold] :
		    col->met ? f->met[bold] : col->kind == RCOL_TEXT ?
		    f->text[bold] : f->id[bold], file, line, what);
	}
	return rc == LXW_NO_ERROR ? 0 : lxw_fail(sh->e, rc);
}

/* spanned writes the text s into row across the table's columns (tw
 * characters wide in all) in f, wrapped, the row as tall as its lines
 * at size points take. */
static int
spanned(struct sheet *sh, size_t row, const char *s, lxw_format *f,
    double tw, double size, const char *what)
{
	size_t last = sh->t->ncol > 0 ? sh->t->ncol - 1 : 0;
	/* Column widths count characters of the 11-point font. */
	int lines = lines_for((size_t)((double)width(s) * size / FONT_SIZE),
	    tw);
	lxw_error rc;

	if (put_text(sh, row, 0, row, last, s, f, NULL, 0, what) != 0)
		return -1;
	rc = worksheet_set_row(sh->ws, (lxw_row_t)row, 1.35 * size * lines,
	    NULL);
	return rc == LXW_NO_ERROR ? 0 : lxw_fail(sh->e, rc);
}

/* footer sets the printed footer, the page's number in the labels' words
 * ("Trang 1/2"): their {page} and {pages} are Excel's &P and &N, and any
 * "&" of theirs is doubled, as Excel reads it. */
static int
footer(struct sheet *sh, const struct labels *l)
{
	struct buf t = { 0 }, f = { 0 };
	const char *vals[2] = { "\001", "\002" };
	size_t i;
	lxw_error rc;

	labels_template(&t, l, LT_PAGE, vals);
	buf_adds(&f, "&C");
	for (i = 0; i < t.len; i++)
		if (t.p[i] == '\001')
			buf_adds(&f, "&P");
		else if (t.p[i] == '\002')
			buf_adds(&f, "&N");
		else if (t.p[i] == '&')
			buf_adds(&f, "&&");
		else
			buf_addc(&f, t.p[i]);
	rc = worksheet_set_footer(sh->ws, f.p);
	buf_free(&t);
	buf_free(&f);
	return rc == LXW_NO_ERROR ? 0 : lxw_fail(sh->e, rc);
}

static int
sheet(lxw_workbook *wb, struct fmts *f, const struct report *rep,
    const struct rtable *t, const struct labels *l, size_t index,
    struct rxlsx_error *e)
{
	struct sheet sh = { NULL, rep, t, e };
	struct buf b = { 0 };
	struct fmt_locale en = { ".", "," };
	char name[SHEET_MAX * 4 + 16];
	double *cw = NULL, tw = 0;
	size_t r, c, k, hr, row0, last;
	int groups = 0, hlines = 1, glines = 1, slines = 1, rc = -1;
	const char *file;
	unsigned long line;
	lxw_error lrc;

	sheet_name(name, sizeof name, t->heading ? t->level : l->sheet, wb);
	if ((sh.ws = workbook_add_worksheet(wb, name)) == NULL)
		return lxw_fail(e, LXW_ERROR_SHEETNAME_ALREADY_USED);
	/* The title, the level's heading, the note on the schools, a blank
	 * row, then the header. */
	hr = 2 + (t->heading != NULL) + (t->note != NULL);
	for (c = 0; c < t->ncol; c++)
		groups |= t->col[c].group != NULL;
	row0 = hr + (groups ? 2 : 1);
	if (check_size(&sh, row0) != 0)
		goto out;
	if (t->heading != NULL) {
		if (rep->layout == LAYOUT_APPENDIX)
			buf_printf(&b, "%s. ", report_roman(index + 1));
		buf_adds(&b, t->heading);
		/* A level the labels do not name is shown as it comes, from
		 * the first row of its table. */
		file = NULL, line = 0;
		if (t->heading == t->level)
			report_where(rep, t, 0, &file, &line);
		if (put_text(&sh, 1, 0, 1, 0, b.p, f->heading, file, line,
		    file != NULL ? "field \"level\"" : "the level's name") != 0)
			goto out;
	}
	/* Widths: the widest cell as shown (English marks: the widths are
	 * the same), a header up to HEADER_CAP; then 2 for the margins. */
	cw = xcalloc(t->ncol + 1, sizeof *cw);
	for (c = 0; c < t->ncol; c++) {
		size_t hw = width(t->col[c].label);

		cw[c] = (double)(hw < HEADER_CAP ? hw : HEADER_CAP);
		/* The schools ("8/9") under a header of two lines (a serif
		 * face is narrower than the widths' unit, Calibri's). */
		if (t->col[c].kind == RCOL_COVER)
			cw[c] = (double)((hw + 1) / 2 - 1);
		for (r = 0; r < t->nrow; r++) {
			buf_reset(&b);
			report_cell(&b, t, r, c, &en);
			if (b.len > 0 && (double)width(b.p) > cw[c])
				cw[c] = (double)width(b.p);
		}
		cw[c] += 2;
		tw += cw[c];
		if ((lrc = worksheet_set_column(sh.ws, (lxw_col_t)c,
		    (lxw_col_t)c, cw[c], NULL)) != LXW_NO_ERROR) {
			lxw_fail(e, lrc);
			goto out;
		}
	}
	/* The title: the labels' (to blame on no input) or --title's,
	 * which luong-render refuses first when it is too long; across the
	 * table, so that it is printed whole on the page with it. */
	if (spanned(&sh, 0, rep->title, f->title, tw, 14, "the title") != 0)
		goto out;
	if (t->note != NULL && spanned(&sh, hr - 2, t->note, f->note, tw,
	    FONT_SIZE, "the note on the schools") != 0)
		goto out;
	/* Headers: a group spans its columns; outside groups a header spans
	 * both header rows. */
	for (c = 0; c < t->ncol; c = k) {
		k = c + 1;
		if (groups && t->col[c].group != NULL) {
			double span = 0;
			size_t j;

			while (k < t->ncol && t->col[k].group == t->col[c].group)
				k++;
			for (j = c; j < k; j++)
				span += cw[j];
			if (header_text(&sh, hr, c, hr, k - 1, t->col[c].group,
			    f->head) != 0)
				goto out;
			if (lines_for(width(t->col[c].group), span) > glines)
				glines = lines_for(width(t->col[c].group), span);
			for (j = c; j < k; j++)
				if (header_text(&sh, hr + 1, j, hr + 1, j,
				    t->col[j].label, f->head) != 0)
					goto out;
		} else if (header_text(&sh, hr, c, groups ? hr + 1 : hr, c,
		    t->col[c].label, f->head) != 0)
			goto out;
		for (r = c; r < k; r++) {
			int n = lines_for(width(t->col[r].label), cw[r]);

			/* A header over both rows has the lines of both. */
			if (groups && t->col[r].group == NULL) {
				if (n > slines)
					slines = n;
			} else if (n > hlines)
				hlines = n;
		}
	}
	if (groups && slines > glines + hlines)
		hlines = slines - glines;
	if (groups) {
		lrc = worksheet_set_row(sh.ws, (lxw_row_t)hr, 15.0 * glines,
		    NULL);
		if (lrc == LXW_NO_ERROR)
			lrc = worksheet_set_row(sh.ws, (lxw_row_t)hr + 1,
			    15.0 * hlines, NULL);
	} else
		lrc = worksheet_set_row(sh.ws, (lxw_row_t)hr, 15.0 * hlines,
		    NULL);
	if (lrc != LXW_NO_ERROR) {
		lxw_fail(e, lrc);
		goto out;
	}
	for (r = 0; r < t->nrow; r++)
		for (c = 0; c < t->ncol; c++)
			if (put_cell(&sh, f, l, r, c, row0) != 0)
				goto out;
	/* The ranking rule under the table, after a blank row. */
	if (t->rule != NULL && spanned(&sh, row0 + t->nrow + 1, t->rule,
	    f->rule, tw, FONT_SIZE, "the ranking rule") != 0)
		goto out;
	worksheet_freeze_panes(sh.ws, (lxw_row_t)row0,
	    rep->layout == LAYOUT_PLAIN ? 0 : 2);
	/* Printed: A4 landscape, one page wide, the header rows (and the
	 * district column) on every page, so no page is numbers without
	 * the names they belong to. */
	worksheet_set_landscape(sh.ws);
	worksheet_set_paper(sh.ws, 9);
	worksheet_fit_to_pages(sh.ws, 1, 0);
	worksheet_set_margins(sh.ws, MARGIN_SIDE, MARGIN_SIDE, MARGIN_TOP,
	    MARGIN_BOTTOM);
	if (footer(&sh, l) != 0)
		goto out;
	if (row0 > 0 && (lrc = worksheet_repeat_rows(sh.ws, 0,
	    (lxw_row_t)row0 - 1)) != LXW_NO_ERROR) {
		lxw_fail(e, lrc);
		goto out;
	}
	if (rep->layout != LAYOUT_PLAIN && t->ncol > 2 &&
	    (lrc = worksheet_repeat_columns(sh.ws, 0, 1)) != LXW_NO_ERROR) {
		lxw_fail(e, lrc);
		goto out;
	}
	/* The filter ends before the trailing total rows. */
	last = t->nrow;
	while (last > 0 && t->total[last - 1])
		last--;
	if (t->ncol > 0 && (lrc = worksheet_autofilter(sh.ws,
	    (lxw_row_t)(row0 - 1), 0, (lxw_row_t)(row0 - 1 + last),
	    (lxw_col_t)(t->ncol - 1))) != LXW_NO_ERROR) {
		lxw_fail(e, lrc);
		goto out;
	}
	/* Every number of the table is a numeric cell; what is text and
	 * looks like one is a code (794, 2023), text on purpose: Excel is
	 * not to flag it as a number stored as text. */
	if (t->ncol > 0 && t->nrow > 0) {
		char range[64];

		lxw_rowcol_to_range(range, (lxw_row_t)row0, 0,
		    (lxw_row_t)(row0 + t->nrow - 1), (lxw_col_t)(t->ncol - 1));
		if ((lrc = worksheet_ignore_errors(sh.ws,
		    LXW_IGNORE_NUMBER_STORED_AS_TEXT, range)) != LXW_NO_ERROR) {
			lxw_fail(e, lrc);
			goto out;
		}
	}
	rc = 0;
out:
	buf_free(&b);
	free(cw);
	return rc;
}

int
rxlsx_write(const char *path, const struct report *rep,
    const struct labels *l, time_t when, struct rxlsx_error *e)
{
	lxw_workbook_options opt = { 0 };
	lxw_doc_properties props = { 0 };
	lxw_workbook *wb;
	struct fmts f;
	lxw_error rc;
	size_t i;
	int bad = 0;

	if ((wb = workbook_new_opt(path, &opt)) == NULL) {
		e->file = NULL;
		e->line = 0;
		buf_reset(&e->msg);
		buf_adds(&e->msg, "cannot create the workbook");
		return -1;
	}
	props.title = (char *)rep->title;
	props.comments = (char *)"luong-render";
	/* libxlsxwriter reads 0 as "now"; the epoch itself becomes 1 s. */
	props.created = when != 0 ? when : 1;
	if ((rc = workbook_set_properties(wb, &props)) != LXW_NO_ERROR)
		bad = lxw_fail(e, rc);
	fmts_init(&f, wb);
	for (i = 0; i < rep->nt && !bad; i++)
		bad = sheet(wb, &f, rep, &rep->t[i], l, i, e);
	if (!bad && rep->nt == 0 && workbook_add_worksheet(wb, NULL) == NULL)
		bad = lxw_fail(e, LXW_ERROR_MEMORY_MALLOC_FAILED);
	/* Closed either way: that frees it (the caller removes the file
	 * of a failed one). */
	rc = workbook_close(wb);
	if (bad)
		return -1;
	if (rc != LXW_NO_ERROR)
		return lxw_fail(e, rc);
	return 0;
}
