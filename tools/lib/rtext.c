#include <stdlib.h>
#include <string.h>

#include "csvw.h"
#include "diag.h"
#include "labels.h"
#include "report.h"
#include "rtext.h"
#include "text.h"

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

void
rtext_clean(struct buf *out, const char *s, size_t n)
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

/* md_text appends s escaped for Markdown: the punctuation that could start
 * emphasis, code, a link, HTML, an entity or a table cell gets a
 * backslash; line breaks become spaces. */
static void
md_text(struct buf *out, const char *s)
{
	struct buf b = { 0 };
	size_t i;

	rtext_clean(&b, s, strlen(s));
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
		if (t->rule != NULL) {
			buf_addc(out, '\n');
			md_text(out, t->rule);
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
