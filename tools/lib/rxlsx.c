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

/* The formats of a workbook, made once each (the workbook owns them). */
struct fmts {
	lxw_workbook	*wb;
	lxw_format	*title, *heading, *head;
	lxw_format	*text[2], *id[2], *miss[2];
	lxw_format	*num[MAXPLACES + 1][2][2][2];	/* places, plus, group, bold */
};

static lxw_format *
bordered(lxw_workbook *wb, int bold)
{
	lxw_format *f = workbook_add_format(wb);

	format_set_border(f, LXW_BORDER_THIN);
	format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
	if (bold)
		format_set_bold(f);
	return f;
}

static void
fmts_init(struct fmts *f, lxw_workbook *wb)
{
	int b;

	memset(f, 0, sizeof *f);
	f->wb = wb;
	f->title = workbook_add_format(wb);
	format_set_bold(f->title);
	format_set_font_size(f->title, 14);
	f->heading = workbook_add_format(wb);
	format_set_bold(f->heading);
	format_set_font_size(f->heading, 12);
	f->head = bordered(wb, 1);
	format_set_text_wrap(f->head);
	format_set_align(f->head, LXW_ALIGN_CENTER);
	format_set_bg_color(f->head, 0xEEEEEE);
	for (b = 0; b < 2; b++) {
		f->text[b] = bordered(wb, b);
		f->id[b] = bordered(wb, b);
		format_set_align(f->id[b], LXW_ALIGN_RIGHT);
		f->miss[b] = bordered(wb, 1);
		format_set_italic(f->miss[b]);
		format_set_font_color(f->miss[b], 0xB00020);
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
	snprintf(one, sizeof one, "%s0%s%.*s", group ? "#,##" : "",
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

static lxw_error
sheet(lxw_workbook *wb, struct fmts *f, const struct report *rep,
    const struct rtable *t, const struct labels *l, size_t index)
{
	lxw_worksheet *ws;
	struct buf b = { 0 };
	struct fmt_locale en = { ".", "," };
	char name[SHEET_MAX * 4 + 16];
	double *cw = xcalloc(t->ncol + 1, sizeof *cw);
	size_t r, c, e, hr, row0, last;
	int groups = 0, hlines = 1, glines = 1;
	lxw_error rc = LXW_NO_ERROR;

	sheet_name(name, sizeof name, t->heading ? t->level : l->sheet, wb);
	if ((ws = workbook_add_worksheet(wb, name)) == NULL) {
		free(cw);
		return LXW_ERROR_SHEETNAME_ALREADY_USED;
	}
	worksheet_write_string(ws, 0, 0, rep->title, f->title);
	if (t->heading != NULL) {
		buf_reset(&b);
		if (rep->layout == LAYOUT_APPENDIX)
			buf_printf(&b, "%s. ", report_roman(index + 1));
		buf_adds(&b, t->heading);
		worksheet_write_string(ws, 1, 0, b.p, f->heading);
	}
	hr = t->heading != NULL ? 3 : 2;
	for (c = 0; c < t->ncol; c++)
		groups |= t->col[c].group != NULL;
	row0 = hr + (groups ? 2 : 1);
	/* Widths: the widest cell as shown (English marks: the widths are
	 * the same), a header up to HEADER_CAP; then 2 for the margins. */
	for (c = 0; c < t->ncol; c++) {
		size_t hw = width(t->col[c].label);

		cw[c] = (double)(hw < HEADER_CAP ? hw : HEADER_CAP);
		for (r = 0; r < t->nrow; r++) {
			buf_reset(&b);
			report_cell(&b, t, r, c, &en);
			if (b.len > 0 && (double)width(b.p) > cw[c])
				cw[c] = (double)width(b.p);
		}
		cw[c] += 2;
		worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, cw[c], NULL);
	}
	/* Headers: a group spans its columns; outside groups a header spans
	 * both header rows. */
	for (c = 0; c < t->ncol; c = e) {
		e = c + 1;
		if (groups && t->col[c].group != NULL) {
			double span = 0;
			size_t k;

			while (e < t->ncol && t->col[e].group == t->col[c].group)
				e++;
			for (k = c; k < e; k++)
				span += cw[k];
			if (e - c > 1)
				worksheet_merge_range(ws, (lxw_row_t)hr,
				    (lxw_col_t)c, (lxw_row_t)hr, (lxw_col_t)(e - 1),
				    t->col[c].group, f->head);
			else
				worksheet_write_string(ws, (lxw_row_t)hr,
				    (lxw_col_t)c, t->col[c].group, f->head);
			if (lines_for(width(t->col[c].group), span) > glines)
				glines = lines_for(width(t->col[c].group), span);
			for (k = c; k < e; k++)
				worksheet_write_string(ws, (lxw_row_t)hr + 1,
				    (lxw_col_t)k, t->col[k].label, f->head);
		} else if (groups)
			worksheet_merge_range(ws, (lxw_row_t)hr, (lxw_col_t)c,
			    (lxw_row_t)hr + 1, (lxw_col_t)c, t->col[c].label,
			    f->head);
		else
			worksheet_write_string(ws, (lxw_row_t)hr, (lxw_col_t)c,
			    t->col[c].label, f->head);
		for (r = c; r < e; r++)
			if (lines_for(width(t->col[r].label), cw[r]) > hlines)
				hlines = lines_for(width(t->col[r].label),
				    cw[r]);
	}
	if (groups) {
		worksheet_set_row(ws, (lxw_row_t)hr, 15.0 * glines, NULL);
		worksheet_set_row(ws, (lxw_row_t)hr + 1, 15.0 * hlines, NULL);
	} else
		worksheet_set_row(ws, (lxw_row_t)hr, 15.0 * hlines, NULL);
	for (r = 0; r < t->nrow; r++) {
		int bold = t->total[r];
		lxw_row_t row = (lxw_row_t)(row0 + r);

		for (c = 0; c < t->ncol; c++) {
			const struct rcol *col = &t->col[c];
			const char *v = t->cell[r * t->ncol + c];
			lxw_col_t cc = (lxw_col_t)c;

			if (*v == '\0')
				worksheet_write_blank(ws, row, cc, f->text[bold]);
			else if (report_is_num(t, r, c))
				worksheet_write_number(ws, row, cc,
				    strtod(v, NULL), numfmt(f, col->places,
				    col->flags, bold));
			else
				worksheet_write_string(ws, row, cc, v,
				    col->met && strcmp(v, l->missed) == 0 ?
				    f->miss[bold] : col->kind == RCOL_TEXT ?
				    f->text[bold] : f->id[bold]);
		}
	}
	worksheet_freeze_panes(ws, (lxw_row_t)row0,
	    rep->layout == LAYOUT_PLAIN ? 0 : 2);
	/* The filter ends before the trailing total rows. */
	last = t->nrow;
	while (last > 0 && t->total[last - 1])
		last--;
	if (t->ncol > 0)
		rc = worksheet_autofilter(ws, (lxw_row_t)(row0 - 1), 0,
		    (lxw_row_t)(row0 - 1 + last), (lxw_col_t)(t->ncol - 1));
	buf_free(&b);
	free(cw);
	return rc;
}

int
rxlsx_write(const char *path, const struct report *rep,
    const struct labels *l, time_t when, struct buf *err)
{
	lxw_workbook_options opt = { 0 };
	lxw_doc_properties props = { 0 };
	lxw_workbook *wb;
	struct fmts f;
	lxw_error rc = LXW_NO_ERROR;
	size_t i;

	if ((wb = workbook_new_opt(path, &opt)) == NULL) {
		buf_adds(err, "cannot create the workbook");
		return -1;
	}
	props.title = (char *)rep->title;
	props.comments = (char *)"luong-render";
	/* libxlsxwriter reads 0 as "now"; the epoch itself becomes 1 s. */
	props.created = when != 0 ? when : 1;
	workbook_set_properties(wb, &props);
	fmts_init(&f, wb);
	for (i = 0; i < rep->nt && rc == LXW_NO_ERROR; i++)
		rc = sheet(wb, &f, rep, &rep->t[i], l, i);
	if (rep->nt == 0 && workbook_add_worksheet(wb, NULL) == NULL)
		rc = LXW_ERROR_MEMORY_MALLOC_FAILED;
	if (rc != LXW_NO_ERROR) {
		buf_adds(err, lxw_strerror(rc));
		workbook_close(wb);
		return -1;
	}
	if ((rc = workbook_close(wb)) != LXW_NO_ERROR) {
		buf_adds(err, lxw_strerror(rc));
		return -1;
	}
	return 0;
}
