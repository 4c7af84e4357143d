/* rxlsx — a report as an XLSX workbook, with libxlsxwriter.
 *
 * One worksheet a table (a level), in Times New Roman: the title across
 * the table, the header frozen and under an autofilter, the total row in
 * bold and outside the filter (so a sort leaves it last), columns as wide
 * as their text, the ranking rule in a row under the table.  Numbers are
 * numeric cells with a number format of their column's decimals: Excel or
 * LibreOffice shows them with the reader's own decimal mark; STT is a
 * number too, shown "01".  Codes (*_code) are text, as written, and not
 * flagged as numbers stored as text.  Printed:
 * A4 landscape, one page wide, margins set, the rows down to the header
 * and the STT and district columns on every page, the page's number in
 * the footer (the labels' page form).  With coverage (report.h), the note on
 * the schools has a row under the level's name, and a row not reported
 * its words centred across its value cells, never merged (a sort under
 * the filter refuses merged cells).
 *
 * Same input, same bytes: the document properties' creation time is when,
 * and libxlsxwriter writes every zip entry with a fixed date.  */
#ifndef LUONG_RXLSX_H
#define LUONG_RXLSX_H

#include <stddef.h>
#include <time.h>

#include "buf.h"

struct labels;
struct report;

/* The most characters a cell holds, as Excel counts them: UTF-16 code
 * units, so a character beyond the BMP (an emoji) counts 2. */
#define RXLSX_CELL_MAX	32767

/* rxlsx_units: the UTF-16 code units of the UTF-8 text s. */
size_t rxlsx_units(const char *s);

/* What made rxlsx_write fail: the input to blame, file (the report's,
 * borrowed) and line — file NULL when it is the output or the labels —
 * and the message, owned (buf_free it). */
struct rxlsx_error {
	const char	*file;
	unsigned long	 line;
	struct buf	 msg;
};

/* rxlsx_write writes the workbook to path (created or truncated).  Returns
 * 0, or -1 with e set: a text too long for a cell ("file:line: column 2:
 * 40000 characters, more than an XLSX cell holds (32767)"), a table with
 * more rows or columns than a sheet holds, a number beyond a double, or
 * libxlsxwriter's reason.  Nothing is ever dropped or cut: a workbook
 * that cannot hold the report is not written (the file, written or not,
 * is the caller's to remove). */
int rxlsx_write(const char *path, const struct report *rep,
    const struct labels *l, time_t when, struct rxlsx_error *e);

#endif
