/* book — spreadsheet workbooks read as tables of cells: see book.h.  The
 * OOXML reader is xlsx.c; the BIFF8 one, on libfreexl, is here. */
#include <sys/stat.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <freexl.h>

#include "book.h"
#include "buf.h"
#include "cell.h"
#include "diag.h"
#include "input.h"
#include "xlsx.h"

struct book {
	enum book_kind	 kind;
	struct xlsx	*x;
	/* .xls */
	const void	*xl;
	char		**names;
	size_t		 nsheets;
	unsigned	 rows;		/* of the selected sheet */
	unsigned short	 cols;
	unsigned	 next;		/* 0-based row to read next */
	int		 date1904;
	struct book_rowbuf rb;
	struct book_row	 row;
	unsigned long	 num;
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
	buf_add(&rb->data, s, n);
	buf_addc(&rb->data, '\0');
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

/* spool copies what is left of in to a temporary file and returns its
 * path (owned), or NULL with err. */
static char *
spool(struct input *in, struct buf *err)
{
	const char *dir = getenv("TMPDIR");
	struct buf path = { 0 };
	char chunk[65536];
	ssize_t n, k, w;
	int fd;

	buf_printf(&path, "%s/luong-book.XXXXXX", dir && *dir ? dir : "/tmp");
	if ((fd = mkstemp(path.p)) < 0) {
		buf_printf(err, "cannot copy the workbook to %s: %s", path.p,
		    strerror(errno));
		buf_free(&path);
		return NULL;
	}
	while ((n = input_read(in, chunk, sizeof chunk)) > 0)
		for (k = 0; k < n; k += w)
			if ((w = write(fd, chunk + k, (size_t)(n - k))) < 0) {
				if (errno == EINTR) {
					w = 0;
					continue;
				}
				buf_printf(err, "cannot copy the workbook to "
				    "%s: %s", path.p, strerror(errno));
				n = -2;
				break;
			}
	if (close(fd) != 0 && n == 0) {
		buf_printf(err, "cannot copy the workbook to %s: %s", path.p,
		    strerror(errno));
		n = -2;
	}
	if (n < 0) {
		if (n == -1)
			buf_adds(err, "cannot read the workbook");
		unlink(path.p);
		buf_free(&path);
		return NULL;
	}
	return path.p;
}

/* ---- .xls through libfreexl ---- */

static const char *
xls_strerror(int rc)
{
	switch (rc) {
	case FREEXL_INSUFFICIENT_MEMORY:
		return "out of memory";
	case FREEXL_INVALID_CFBF_HEADER:
	case FREEXL_CFBF_INVALID_SIGNATURE:
	case FREEXL_CFBF_INVALID_SECTOR_SIZE:
		return "a corrupt OLE2 compound file header";
	case FREEXL_CFBF_READ_ERROR:
	case FREEXL_CFBF_SEEK_ERROR:
		return "a truncated or corrupt compound file";
	case FREEXL_BIFF_WORKBOOK_NOT_FOUND:
		return "an OLE2 compound file, but not an Excel workbook (no "
		    "Workbook stream)";
	case FREEXL_CRAFTED_FILE:
		return "a corrupt workbook (libfreexl calls it crafted)";
	case FREEXL_INVALID_CHARACTER:
	case FREEXL_UNSUPPORTED_CHARSET:
		return "text in a code page that cannot be converted";
	default:
		return "a corrupt workbook";
	}
}

/* has_bytes: s[0..n) holds w[0..wn). */
static int
has_bytes(const char *s, size_t n, const char *w, size_t wn)
{
	const char *p = s, *e = s + n;

	while ((size_t)(e - p) >= wn &&
	    (p = memchr(p, w[0], (size_t)(e - p) - wn + 1)) != NULL) {
		if (memcmp(p, w, wn) == 0)
			return 1;
		p++;
	}
	return 0;
}

/* is_encrypted_ooxml: an OLE2 file holding an EncryptedPackage stream is
 * an .xlsx saved with a password (ECMA-376 part 2, MS-OFFCRYPTO).  The
 * stream's name, in UTF-16LE, is in the directory sectors. */
static int
is_encrypted_ooxml(const char *path)
{
	static const char name[] = "E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a"
	    "\0g\0e\0";
	char b[65536];
	size_t n;
	FILE *fp = fopen(path, "rb");
	int found = 0;

	if (fp == NULL)
		return 0;
	while (!found && (n = fread(b, 1, sizeof b, fp)) >= sizeof name - 1) {
		found = has_bytes(b, n, name, sizeof name - 1);
		/* Overlap chunks by the name's length. */
		if (!found && n == sizeof b)
			fseek(fp, -(long)(sizeof name - 1), SEEK_CUR);
		else if (n < sizeof b)
			break;
	}
	fclose(fp);
	return found;
}

static int
xls_open(struct book *b, const char *path, struct buf *err)
{
	unsigned info = 0, i;
	const char *name;
	int rc;

	if ((rc = freexl_open(path, &b->xl)) != FREEXL_OK) {
		b->xl = NULL;
		if (is_encrypted_ooxml(path))
			buf_adds(err, "a password-protected workbook (an "
			    "encrypted .xlsx): save it without a password");
		else
			buf_adds(err, xls_strerror(rc));
		return -1;
	}
	if (freexl_get_info(b->xl, FREEXL_BIFF_PASSWORD, &info) == FREEXL_OK &&
	    info == FREEXL_BIFF_OBFUSCATED) {
		buf_adds(err, "a password-protected workbook: save it without "
		    "a password");
		return -1;
	}
	if (freexl_get_info(b->xl, FREEXL_BIFF_DATEMODE, &info) == FREEXL_OK)
		b->date1904 = info == FREEXL_BIFF_DATEMODE_1904;
	if (freexl_get_info(b->xl, FREEXL_BIFF_SHEET_COUNT, &info) !=
	    FREEXL_OK || info == 0) {
		buf_adds(err, "a workbook with no sheet");
		return -1;
	}
	b->names = xcalloc(info, sizeof *b->names);
	for (i = 0; i < info; i++) {
		if (freexl_get_worksheet_name(b->xl, (unsigned short)i,
		    &name) != FREEXL_OK || name == NULL)
			name = "";
		b->names[i] = xstrdup(name);
	}
	b->nsheets = info;
	return 0;
}

static int
xls_select(struct book *b, size_t i, struct buf *err)
{
	int rc;

	if ((rc = freexl_select_active_worksheet(b->xl, (unsigned short)i)) !=
	    FREEXL_OK ||
	    (rc = freexl_worksheet_dimensions(b->xl, &b->rows, &b->cols)) !=
	    FREEXL_OK) {
		buf_printf(err, "sheet \"%s\": %s", b->names[i],
		    xls_strerror(rc));
		return -1;
	}
	b->next = 0;
	return 0;
}

/* xls_cell puts the cell at (r, c) into the row. */
static int
xls_cell(struct book *b, unsigned r, unsigned short c, struct buf *t,
    struct buf *err)
{
	FreeXL_CellValue v;
	int rc, kind = BOOK_TEXT;

	if ((rc = freexl_get_cell_value(b->xl, r, c, &v)) != FREEXL_OK) {
		buf_adds(err, xls_strerror(rc));
		return -1;
	}
	buf_reset(t);
	switch (v.type) {
	case FREEXL_CELL_INT:
		buf_printf(t, "%d", v.value.int_value);
		kind = BOOK_NUMBER;
		break;
	case FREEXL_CELL_DOUBLE:
		if (cell_number(t, v.value.double_value) != 0) {
			buf_adds(err, "a number cell that is not finite");
			return -1;
		}
		kind = BOOK_NUMBER;
		break;
	case FREEXL_CELL_TEXT:
	case FREEXL_CELL_SST_TEXT:
		buf_adds(t, v.value.text_value ? v.value.text_value : "");
		break;
	case FREEXL_CELL_DATE:
	case FREEXL_CELL_DATETIME:
	case FREEXL_CELL_TIME:
		/* libfreexl writes "2023-03-07", "2023-03-07 10:30:00" or
		 * "10:30:00" itself, in the workbook's date system. */
		buf_adds(t, v.value.text_value ? v.value.text_value : "");
		kind = BOOK_DATE;
		break;
	default:
		return 0;
	}
	if (t->len > 0)
		book_rowbuf_set(&b->rb, c, kind, t->p, t->len);
	return 0;
}

static int
xls_next(struct book *b, struct buf *err)
{
	struct buf t = { 0 };
	unsigned short c;

	while (b->next < b->rows) {
		b->num = ++b->next;
		book_rowbuf_reset(&b->rb);
		for (c = 0; c < b->cols; c++)
			if (xls_cell(b, b->next - 1, c, &t, err) != 0) {
				buf_free(&t);
				return -1;
			}
		if (book_rowbuf_row(&b->rb, &b->row, b->num)) {
			buf_free(&t);
			return 1;
		}
	}
	buf_free(&t);
	return 0;
}

/* ---- the book ---- */

struct book *
book_open(struct input *in, const char *path, enum book_kind kind,
    struct buf *err)
{
	struct book *b;
	struct stat st;
	char *tmp = NULL;
	const char *from = path;
	int rc;

	/* Both formats are read out of order: a pipe or a gzip stream is
	 * copied to a file first. */
	if (path == NULL || strcmp(path, "-") == 0 || input_is_gzip(in) ||
	    stat(path, &st) != 0 || !S_ISREG(st.st_mode)) {
		if ((tmp = spool(in, err)) == NULL)
			return NULL;
		from = tmp;
	}
	b = xcalloc(1, sizeof *b);
	b->kind = kind;
	if (kind == BOOK_XLSX)
		rc = (b->x = xlsx_open(from, err)) == NULL ? -1 : 0;
	else
		rc = xls_open(b, from, err);
	/* Both libraries keep the file open: its name can go now. */
	if (tmp != NULL)
		unlink(tmp);
	free(tmp);
	if (rc != 0) {
		book_close(b);
		return NULL;
	}
	return b;
}

size_t
book_nsheets(const struct book *b)
{
	return b->kind == BOOK_XLSX ? xlsx_nsheets(b->x) : b->nsheets;
}

const char *
book_sheet_name(const struct book *b, size_t i)
{
	return b->kind == BOOK_XLSX ? xlsx_sheet_name(b->x, i) : b->names[i];
}

int
book_select(struct book *b, size_t i, struct buf *err)
{
	b->num = 0;
	if (b->kind == BOOK_XLSX)
		return xlsx_select(b->x, i, err);
	return xls_select(b, i, err);
}

int
book_next(struct book *b, const struct book_row **row, struct buf *err)
{
	int rc;

	if (b->kind == BOOK_XLSX)
		rc = xlsx_next(b->x, &b->row, err);
	else
		rc = xls_next(b, err);
	if (rc == 1)
		*row = &b->row;
	return rc;
}

unsigned long
book_row_num(const struct book *b)
{
	return b->kind == BOOK_XLSX ? xlsx_row_num(b->x) : b->num;
}

void
book_close(struct book *b)
{
	size_t i;

	if (b == NULL)
		return;
	xlsx_close(b->x);
	if (b->xl != NULL)
		freexl_close(b->xl);
	for (i = 0; i < b->nsheets; i++)
		free(b->names[i]);
	free(b->names);
	book_rowbuf_free(&b->rb);
	free(b);
}
