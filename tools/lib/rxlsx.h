/* rxlsx — a report as an XLSX workbook, with libxlsxwriter.
 *
 * One worksheet a table (a level): the title above, the header frozen and
 * under an autofilter, the total row in bold and outside the filter (so a
 * sort leaves it last), columns as wide as their text.  Numbers are
 * numeric cells with a number format of their column's decimals: Excel or
 * LibreOffice shows them with the reader's own decimal mark.  Codes (STT,
 * *_code) are text, as written.
 *
 * Same input, same bytes: the document properties' creation time is when,
 * and libxlsxwriter writes every zip entry with a fixed date.  */
#ifndef LUONG_RXLSX_H
#define LUONG_RXLSX_H

#include <time.h>

#include "buf.h"

struct labels;
struct report;

/* rxlsx_write writes the workbook to path (created or truncated).  Returns
 * 0, or -1 with libxlsxwriter's reason appended to err. */
int rxlsx_write(const char *path, const struct report *rep,
    const struct labels *l, time_t when, struct buf *err);

#endif
