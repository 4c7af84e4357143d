/* book — spreadsheet workbooks read as tables of cells: see book.h.  The
 * OOXML reader is xlsx.c; the BIFF8 one, on libfreexl, is here. */
#include <sys/stat.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "atomic.h"
#include "book.h"
#include "buf.h"
#include "cell.h"
#include "diag.h"
#include "input.h"
#include "xls.h"
#include "xlsx.h"

struct book {
	enum book_kind	 kind;
	struct xlsx	*x;
	struct xls	*xl;
	struct book_row	 row;
};

/* ---- rows ---- */

void
book_rowbuf_reset(struct book_rowbuf *rb)
{
	buf_reset(&rb->data);
	if (rb->n > 0)
		memset(rb->kind, BOOK_EMPTY, rb->n);
	rb->n = 0;
}

void
book_rowbuf_set(struct book_rowbuf *rb, size_t col, int kind,
    const char *s, size_t n)
{
	size_t i;

	if (col >= rb->cap) {
		size_t cap = rb->cap ? rb->cap : 16;

		while (cap <= col)
			cap *= 2;
		rb->off = xrealloc(rb->off, cap * sizeof *rb->off);
		rb->len = xrealloc(rb->len, cap * sizeof *rb->len);
		rb->f = xrealloc(rb->f, cap * sizeof *rb->f);
		rb->kind = xrealloc(rb->kind, cap);
		memset(rb->kind + rb->cap, BOOK_EMPTY, cap - rb->cap);
		rb->cap = cap;
	}
	for (i = rb->n; i < col; i++)
		rb->kind[i] = BOOK_EMPTY;
	if (col >= rb->n)
		rb->n = col + 1;
	rb->off[col] = rb->data.len;
	rb->len[col] = n;
	rb->kind[col] = (unsigned char)kind;
	/* The text and its NUL at once: this runs for every cell. */
	buf_grow(&rb->data, n + 1);
	if (n > 0)
		memcpy(rb->data.p + rb->data.len, s, n);
	rb->data.len += n + 1;
	rb->data.p[rb->data.len - 1] = '\0';
	rb->data.p[rb->data.len] = '\0';
}

int
book_rowbuf_row(struct book_rowbuf *rb, struct book_row *row,
    unsigned long num)
{
	static char empty[] = "";
	size_t i;

	for (i = 0; i < rb->n; i++) {
		if (rb->kind[i] == BOOK_EMPTY) {
			rb->f[i] = empty;
			rb->len[i] = 0;
		} else
			rb->f[i] = rb->data.p + rb->off[i];
	}
	row->num = num;
	row->n = rb->n;
	row->f = rb->f;
	row->len = rb->len;
	row->kind = rb->kind;
	return rb->n > 0;
}

void
book_rowbuf_free(struct book_rowbuf *rb)
{
	buf_free(&rb->data);
	free(rb->off);
	free(rb->len);
	free(rb->kind);
	free(rb->f);
	memset(rb, 0, sizeof *rb);
}

/* ---- what a file is ---- */

enum book_kind
book_sniff(const void *p, size_t n)
{
	static const unsigned char zip[] = { 'P', 'K', 3, 4 };
	static const unsigned char ole[] = { 0xd0, 0xcf, 0x11, 0xe0, 0xa1,
	    0xb1, 0x1a, 0xe1 };

	if (n >= sizeof zip && memcmp(p, zip, sizeof zip) == 0)
		return BOOK_XLSX;
	if (n >= sizeof ole && memcmp(p, ole, sizeof ole) == 0)
		return BOOK_XLS;
	return BOOK_NONE;
}

/* spool copies what is left of in to a temporary file in $TMPDIR, made
 * by atomic (so that a signal during the copy leaves nothing behind), and
 * returns it, never to be committed; NULL with err. */
static struct atomic *
spool(struct input *in, struct buf *err)
{
	/* atomic borrows the name; one workbook is copied at a time. */
	static char name[4096];
	const char *dir = getenv("TMPDIR");
	struct atomic *a;
	char chunk[65536];
	unsigned long long total = 0;
	ssize_t n;
	int e;

	snprintf(name, sizeof name, "%s/luong-book", dir && *dir ? dir :
	    "/tmp");
	if ((a = atomic_open(name, 0)) == NULL) {
		buf_printf(err, "cannot copy the workbook to %s: %s", name,
		    strerror(errno));
		return NULL;
	}
	while ((n = input_read(in, chunk, sizeof chunk)) != 0) {
		if (n < 0) {
			buf_adds(err, "cannot read the workbook");
			break;
		}
		/* A gzip bomb dressed as a workbook stops here. */
		if ((total += (unsigned long long)n) > BOOK_SPOOL_MAX) {
			buf_printf(err, "a workbook of more than %llu MiB from "
			    "a pipe or out of gzip (the limit)",
			    BOOK_SPOOL_MAX >> 20);
			break;
		}
		if ((e = atomic_write_all(a->fd, chunk, (size_t)n)) != 0) {
			buf_printf(err, "cannot copy the workbook to %s: %s",
			    a->tmp, strerror(e));
			break;
		}
	}
	if (n != 0) {
		atomic_free(a);
		return NULL;
	}
	return a;
}

/* ---- the book ---- */

struct book *
book_open(struct input *in, const char *path, enum book_kind kind,
    struct buf *err)
{
	struct book *b;
	struct stat st;
	struct atomic *tmp = NULL;
	const char *from = path;
	int rc;

	/* Both formats are read out of order: a pipe or a gzip stream is
	 * copied to a file first. */
	if (path == NULL || strcmp(path, "-") == 0 || input_is_gzip(in) ||
	    stat(path, &st) != 0 || !S_ISREG(st.st_mode)) {
		if ((tmp = spool(in, err)) == NULL)
			return NULL;
		from = tmp->tmp;
	}
	b = xcalloc(1, sizeof *b);
	b->kind = kind;
	if (kind == BOOK_XLSX)
		rc = (b->x = xlsx_open(from, err)) == NULL ? -1 : 0;
	else
		rc = (b->xl = xls_open(from, err)) == NULL ? -1 : 0;
	/* Both libraries keep the file open (or are done with it): the
	 * copy can go now. */
	atomic_free(tmp);
	if (rc != 0) {
		book_close(b);
		return NULL;
	}
	return b;
}

size_t
book_nsheets(const struct book *b)
{
	return b->kind == BOOK_XLSX ? xlsx_nsheets(b->x) : xls_nsheets(b->xl);
}

const char *
book_sheet_name(const struct book *b, size_t i)
{
	return b->kind == BOOK_XLSX ? xlsx_sheet_name(b->x, i) :
	    xls_sheet_name(b->xl, i);
}

int
book_select(struct book *b, size_t i, struct buf *err)
{
	if (b->kind == BOOK_XLSX)
		return xlsx_select(b->x, i, 0, err);
	return xls_select(b->xl, i, err);
}

int
book_peek(struct book *b, size_t i, struct buf *err)
{
	if (b->kind == BOOK_XLSX)
		return xlsx_select(b->x, i, 1, err);
	return xls_select(b->xl, i, err);
}

int
book_next(struct book *b, const struct book_row **row, struct buf *err)
{
	int rc;

	if (b->kind == BOOK_XLSX)
		rc = xlsx_next(b->x, &b->row, err);
	else
		rc = xls_next(b->xl, &b->row, err);
	if (rc == 1)
		*row = &b->row;
	return rc;
}

unsigned long
book_row_num(const struct book *b)
{
	return b->kind == BOOK_XLSX ? xlsx_row_num(b->x) : xls_row_num(b->xl);
}

void
book_close(struct book *b)
{
	if (b == NULL)
		return;
	xlsx_close(b->x);
	xls_close(b->xl);
	free(b);
}
