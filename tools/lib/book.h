/* book — spreadsheet workbooks read as tables of cells: OOXML (.xlsx,
 * through libzip and expat) and BIFF8 (.xls, through libfreexl), told
 * apart by their content, never their name.
 *
 * A book lists its sheets; one sheet at a time is read, a row at a time,
 * each cell already text in the form of the record stream: numbers as a
 * person typed them, dates as ISO dates (cell.h), booleans TRUE/FALSE,
 * shared, inline and rich-text strings joined, a formula's cached value.
 * An .xlsx sheet is parsed as it is inflated, never loaded whole, a large
 * one on two cores (sheet.h): memory grows with the shared-strings table,
 * the widest row and the longest cell (at most BOOK_CELL_MAX), and a few
 * pieces of the sheet read ahead, not with rows.
 * An .xls is read by libfreexl, which holds the file (at most 65,536 rows)
 * in memory.
 *
 * Limits, against hostile files (luong-ingest(1)): a part of an .xlsx
 * may inflate to BOOK_SHEET_MAX bytes (a worksheet) or BOOK_PART_MAX
 * (every other part), all its parts together to BOOK_TOTAL_MAX; a cell's
 * text may be BOOK_CELL_MAX bytes; a row may have BOOK_COLS_MAX columns;
 * a workbook copied from a pipe or out of gzip may be BOOK_SPOOL_MAX
 * bytes; an XML part with a document type declaration is refused (no
 * entity can expand, no external entity is fetched).
 *
 * Errors are returned as text in a caller's struct buf, without the file
 * name, so the caller can say "file:sheet:row: ...".  */
#ifndef LUONG_BOOK_H
#define LUONG_BOOK_H

#include <stddef.h>

#include "buf.h"

struct input;

#define BOOK_SHEET_MAX	(4ULL << 30)	/* 4 GiB of worksheet XML */
#define BOOK_PART_MAX	(256ULL << 20)	/* 256 MiB of any other part */
#define BOOK_TOTAL_MAX	(8ULL << 30)	/* 8 GiB, every part read */
#define BOOK_CELL_MAX	(1U << 20)	/* 1 MiB of text in one cell */
#define BOOK_PEEK_MAX	(16ULL << 20)	/* 16 MiB read of a sheet peeked */
#define BOOK_SPOOL_MAX	(1ULL << 30)	/* 1 GiB copied from a pipe */
#define BOOK_COLS_MAX	16384		/* XFD, Excel's last column */

enum book_kind { BOOK_NONE, BOOK_XLSX, BOOK_XLS };

/* What a cell held. */
enum book_cell { BOOK_EMPTY, BOOK_TEXT, BOOK_NUMBER, BOOK_BOOL,
	BOOK_DATE, BOOK_ERROR };

/* A row of the sheet being read: borrowed, valid until the next
 * book_next or book_select. */
struct book_row {
	unsigned long	 num;		/* the sheet's own 1-based row number */
	size_t		 n;		/* cells up to the last non-empty one */
	char		**f;		/* text, NUL-terminated ("" if empty) */
	size_t		*len;
	unsigned char	*kind;		/* enum book_cell */
};

struct book;

/* book_sniff says what the first bytes p[0..n) of a file are: a zip
 * archive (BOOK_XLSX, to be confirmed by book_open: it must hold
 * xl/workbook.xml), an OLE2 compound file (BOOK_XLS), or neither. */
enum book_kind book_sniff(const void *p, size_t n);

/* book_open reads the workbook of kind from in, whose name is used in
 * nothing but the temporary copy: a workbook read from a pipe or through
 * gzip is first copied to an unlinked temporary file (in $TMPDIR), since
 * both formats must be read out of order.  in is left open, the caller's.
 * Returns the book owned, or NULL with a message in err ("a zip archive
 * but not an Excel workbook", "password-protected", "truncated or corrupt
 * ..."). */
struct book *book_open(struct input *in, const char *path,
    enum book_kind kind, struct buf *err);

size_t book_nsheets(const struct book *b);
const char *book_sheet_name(const struct book *b, size_t i);

/* book_select starts reading sheet i from its first row.  Returns 0;
 * BOOK_NOT_SHEET with a message in err for a sheet that holds no cells (a
 * chart sheet); -1 with a message in err when it cannot be read (a part
 * missing).  book_peek does the same for a look at the sheet's first
 * rows: reading it ends, as at the end of the sheet, after BOOK_PEEK_MAX
 * bytes of its XML, so that a sheet of a million empty rows is not read
 * through to find a header. */
enum { BOOK_NOT_SHEET = -2 };
int book_select(struct book *b, size_t i, struct buf *err);
int book_peek(struct book *b, size_t i, struct buf *err);

/* book_next reads the next row of the selected sheet that has a
 * non-empty cell: 1 with *row set, 0 at the end of the sheet, -1 with a
 * message in err (corrupt data, a limit exceeded); then book_row_num says
 * where. */
int book_next(struct book *b, const struct book_row **row, struct buf *err);

/* book_row_num is the number of the row being read, or last read. */
unsigned long book_row_num(const struct book *b);

void book_close(struct book *b);

#endif
