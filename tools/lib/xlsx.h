/* xlsx — the OOXML half of book (book.h): a workbook's parts read from
 * its zip with libzip and parsed with expat as they are inflated.  Only
 * book.c calls these; see book.h for what a book promises.  */
#ifndef LUONG_XLSX_H
#define LUONG_XLSX_H

#include <stddef.h>

#include "buf.h"

struct book_row;
struct xlsx;

/* book_rowbuf builds the rows both readers hand out: cells set by column
 * in any order, gaps left empty. */
struct book_rowbuf {
	struct buf	 data;		/* the cells' text, each NUL-ended */
	size_t		*off;		/* per column: offset in data */
	size_t		*len;
	unsigned char	*kind;
	char		**f;
	size_t		 n, cap;	/* columns used, allocated */
};

void book_rowbuf_reset(struct book_rowbuf *rb);
/* book_rowbuf_set sets column col (0-based, < BOOK_COLS_MAX). */
void book_rowbuf_set(struct book_rowbuf *rb, size_t col, int kind,
    const char *s, size_t n);
/* book_rowbuf_row fills row from rb: 1 if a cell is non-empty, else 0. */
int book_rowbuf_row(struct book_rowbuf *rb, struct book_row *row,
    unsigned long num);
void book_rowbuf_free(struct book_rowbuf *rb);

/* xlsx_open reads the workbook, its relationships, styles and shared
 * strings from the zip at path.  NULL with a message in err when it is
 * not a readable workbook. */
struct xlsx *xlsx_open(const char *path, struct buf *err);
size_t xlsx_nsheets(const struct xlsx *x);
const char *xlsx_sheet_name(const struct xlsx *x, size_t i);
int xlsx_select(struct xlsx *x, size_t i, int peek, struct buf *err);
int xlsx_next(struct xlsx *x, struct book_row *row, struct buf *err);
unsigned long xlsx_row_num(const struct xlsx *x);
void xlsx_close(struct xlsx *x);

#endif
