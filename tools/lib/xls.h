/* xls — the BIFF8 half of book (book.h): an .xls read by libfreexl in a
 * child process, which hands the parent every sheet's rows as text.
 * libfreexl trusts what it reads (a corrupt file can make it crash); in a
 * child a crash is a message about the file, never the end of the run.
 * Only book.c calls these.  */
#ifndef LUONG_XLS_H
#define LUONG_XLS_H

#include <stddef.h>

#include "buf.h"

struct book_row;
struct xls;

/* xls_open reads the workbook at path (through a child); NULL with a
 * message in err when it cannot be read.  An .xls holds at most 65,536
 * rows of 256 columns a sheet: its text is held in memory. */
struct xls *xls_open(const char *path, struct buf *err);
size_t xls_nsheets(const struct xls *x);
const char *xls_sheet_name(const struct xls *x, size_t i);
int xls_select(struct xls *x, size_t i, struct buf *err);
int xls_next(struct xls *x, struct book_row *row, struct buf *err);
unsigned long xls_row_num(const struct xls *x);
void xls_close(struct xls *x);

#endif
