/* xls — .xls workbooks for book, through libfreexl in a child: see xls.h.
 *
 * The child writes what it read to a pipe, a line at a time, each field
 * escaped as in the record stream:
 *
 *     S <TAB> sheet name                      one per sheet, in order
 *     R <TAB> sheet <TAB> row <TAB> cell ...  a row with a value; each cell
 *                                             is a kind letter (e t n d)
 *                                             and its text
 *     X <TAB> message                         it could not read the file
 *     D                                       the end
 *
 * and exits with _exit(2), so that nothing of the parent's (its exit
 * handlers, its buffers) runs twice.  */
#define _GNU_SOURCE	/* memmem */
#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <freexl.h>

#include "book.h"
#include "buf.h"
#include "cell.h"
#include "diag.h"
#include "rec.h"
#include "text.h"
#include "xls.h"
#include "xlsx.h"

#define XLS_COLS	256		/* BIFF8 has no more */

struct xsheet {
	char		*name;		/* NFC */
	struct buf	 rows;		/* each row's cells, NUL-ended */
	size_t		*off;
	unsigned long	*num;
	size_t		 n, cap;
};

struct xls {
	struct xsheet	*s;
	size_t		 ns;
	/* The sheet being read. */
	struct xsheet	*cur;
	size_t		 next;
	unsigned long	 row;
	struct buf	 line;
	struct book_rowbuf rb;
};

/* ---- the child ---- */

/* put_esc writes s escaped as a record stream field (rec_escape). */
static void
put_esc(FILE *out, const char *s)
{
	struct buf b = { 0 };

	rec_escape(&b, s, strlen(s));
	if (b.len > 0)
		fwrite(b.p, 1, b.len, out);
	buf_free(&b);
}

static const char *
strerror_xl(int rc)
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

/* is_encrypted_ooxml: an OLE2 file holding an EncryptedPackage stream is
 * an .xlsx saved with a password (MS-OFFCRYPTO).  The stream's name, in
 * UTF-16LE, is in the directory sectors. */
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
		found = memmem(b, n, name, sizeof name - 1) != NULL;
		if (!found && n == sizeof b)
			fseek(fp, -(long)(sizeof name - 1), SEEK_CUR);
		else if (n < sizeof b)
			break;
	}
	fclose(fp);
	return found;
}

static void __attribute__((noreturn))
child_fail(FILE *out, const char *msg)
{
	fputs("X\t", out);
	put_esc(out, msg);
	putc('\n', out);
	fflush(out);
	_exit(1);
}

/* child_cell writes the cell at (r, c): 1 when it has a value. */
static int
child_cell(FILE *out, const void *h, unsigned r, unsigned short c)
{
	FreeXL_CellValue v;
	struct buf t = { 0 };

	if (freexl_get_cell_value(h, r, c, &v) != FREEXL_OK)
		return 0;
	putc('\t', out);
	switch (v.type) {
	case FREEXL_CELL_INT:
		fprintf(out, "n%d", v.value.int_value);
		return 1;
	case FREEXL_CELL_DOUBLE:
		/* cell_number's buffer is the child's own, freed here. */
		if (cell_number(&t, v.value.double_value) != 0) {
			putc('e', out);
			return 0;
		}
		fprintf(out, "n%s", t.p);
		free(t.p);
		return 1;
	case FREEXL_CELL_TEXT:
	case FREEXL_CELL_SST_TEXT:
		putc('t', out);
		put_esc(out, v.value.text_value ? v.value.text_value : "");
		return v.value.text_value != NULL && *v.value.text_value;
	case FREEXL_CELL_DATE:
	case FREEXL_CELL_DATETIME:
	case FREEXL_CELL_TIME:
		/* libfreexl writes "2023-03-07", "2023-03-07 10:30:00" or
		 * "10:30:00" itself, in the workbook's date system. */
		putc('d', out);
		put_esc(out, v.value.text_value ? v.value.text_value : "");
		return 1;
	default:
		putc('e', out);
		return 0;
	}
}

static void __attribute__((noreturn))
child(const char *path, int fd)
{
	FILE *out = fdopen(fd, "w");
	const void *h = NULL;
	const char *name;
	unsigned info = 0, ns, i, r, rows;
	unsigned short c, cols;
	int rc;

	if (out == NULL)
		_exit(1);
	if ((rc = freexl_open(path, &h)) != FREEXL_OK) {
		if (is_encrypted_ooxml(path))
			child_fail(out, "a password-protected workbook (an "
			    "encrypted .xlsx): save it without a password");
		child_fail(out, strerror_xl(rc));
	}
	if (h == NULL)
		child_fail(out, "libfreexl could not read it (a text cell over "
		    "8,224 bytes makes it give up): save it as .xlsx");
	if (freexl_get_info(h, FREEXL_BIFF_PASSWORD, &info) == FREEXL_OK &&
	    info == FREEXL_BIFF_OBFUSCATED)
		child_fail(out, "a password-protected workbook: save it "
		    "without a password");
	if (freexl_get_info(h, FREEXL_BIFF_SHEET_COUNT, &ns) != FREEXL_OK ||
	    ns == 0)
		child_fail(out, "a workbook with no sheet");
	for (i = 0; i < ns; i++) {
		if (freexl_get_worksheet_name(h, (unsigned short)i, &name) !=
		    FREEXL_OK || name == NULL)
			name = "";
		fputs("S\t", out);
		put_esc(out, name);
		putc('\n', out);
	}
	for (i = 0; i < ns; i++) {
		if ((rc = freexl_select_active_worksheet(h,
		    (unsigned short)i)) != FREEXL_OK ||
		    (rc = freexl_worksheet_dimensions(h, &rows, &cols)) !=
		    FREEXL_OK)
			child_fail(out, strerror_xl(rc));
		if (cols > XLS_COLS)
			cols = XLS_COLS;
		for (r = 0; r < rows; r++) {
			fprintf(out, "R\t%u\t%u", i, r + 1);
			for (c = 0; c < cols; c++)
				child_cell(out, h, r, c);
			putc('\n', out);
		}
	}
	freexl_close(h);
	fputs("D\n", out);
	_exit(fflush(out) != 0 || ferror(out) ? 1 : 0);
}

/* ---- the parent ---- */

/* take reads one line of the child's: 1 at "D", 0 to go on, -1 with
 * err. */
static int
take(struct xls *x, char *l, size_t n, struct buf *err)
{
	char *t1, *t2;
	size_t k;
	unsigned long si;
	struct xsheet *s;

	if (n > 0 && l[n - 1] == '\n')
		l[--n] = '\0';
	if (n == 1 && l[0] == 'D')
		return 1;
	if (n < 2 || l[1] != '\t')
		goto bad;
	switch (l[0]) {
	case 'X':
		rec_unescape(l + 2, n - 2);
		buf_adds(err, l + 2);
		return -1;
	case 'S':
		k = rec_unescape(l + 2, n - 2);
		x->s = xrealloc(x->s, (x->ns + 1) * sizeof *x->s);
		s = &x->s[x->ns++];
		memset(s, 0, sizeof *s);
		buf_grow(&s->rows, 0);
		{
			struct buf nfc = { 0 };

			text_nfc(&nfc, l + 2, k);
			buf_add(&nfc, "", 0);
			s->name = nfc.p;
		}
		return 0;
	case 'R':
		/* Sheet and row, then the cells, kept escaped as they are. */
		if ((t1 = memchr(l + 2, '\t', n - 2)) == NULL ||
		    (t2 = memchr(t1 + 1, '\t', (size_t)(l + n - t1 - 1))) ==
		    NULL)
			t2 = l + n;
		si = strtoul(l + 2, NULL, 10);
		if (t1 == NULL || si >= x->ns)
			goto bad;
		s = &x->s[si];
		if (s->n == s->cap) {
			s->cap = s->cap ? 2 * s->cap : 64;
			s->off = xrealloc(s->off, s->cap * sizeof *s->off);
			s->num = xrealloc(s->num, s->cap * sizeof *s->num);
		}
		s->off[s->n] = s->rows.len;
		s->num[s->n++] = strtoul(t1 + 1, NULL, 10);
		k = t2 < l + n ? (size_t)(t2 + 1 - l) : n;
		buf_add(&s->rows, l + k, n - k);
		buf_addc(&s->rows, '\0');
		return 0;
	}
bad:
	buf_adds(err, "the .xls reader's answer is garbled");
	return -1;
}

struct xls *
xls_open(const char *path, struct buf *err)
{
	struct xls *x;
	char *l = NULL;
	size_t cap = 0;
	ssize_t n;
	FILE *in;
	pid_t pid;
	int p[2], st, rc = 0;

	if (pipe(p) != 0) {
		buf_printf(err, "cannot start the .xls reader: %s",
		    strerror(errno));
		return NULL;
	}
	fflush(NULL);
	if ((pid = fork()) < 0) {
		buf_printf(err, "cannot start the .xls reader: %s",
		    strerror(errno));
		close(p[0]);
		close(p[1]);
		return NULL;
	}
	if (pid == 0) {
		int null = open("/dev/null", O_WRONLY);

		/* Its word comes through the pipe; what a crash prints (a
		 * sanitizer's report, say) is not the run's. */
		if (null >= 0)
			dup2(null, STDERR_FILENO);
		close(p[0]);
		child(path, p[1]);
	}
	close(p[1]);
	x = xcalloc(1, sizeof *x);
	if ((in = fdopen(p[0], "r")) == NULL)
		diag_fatal(EXIT_DATA, NULL, 0, "out of memory");
	while (rc == 0 && (n = getline(&l, &cap, in)) > 0)
		rc = take(x, l, (size_t)n, err);
	free(l);
	fclose(in);
	while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
		;
	if (rc == 0) {
		if (WIFSIGNALED(st))
			buf_printf(err, "a corrupt workbook: libfreexl crashed "
			    "reading it (signal %d, %s)", WTERMSIG(st),
			    strsignal(WTERMSIG(st)));
		else
			buf_printf(err, "a corrupt workbook: libfreexl crashed "
			    "reading it (it stopped without an answer, status "
			    "%d)", WIFEXITED(st) ? WEXITSTATUS(st) : -1);
		rc = -1;
	}
	if (rc < 0) {
		xls_close(x);
		return NULL;
	}
	return x;
}

size_t
xls_nsheets(const struct xls *x)
{
	return x->ns;
}

const char *
xls_sheet_name(const struct xls *x, size_t i)
{
	return x->s[i].name;
}

int
xls_select(struct xls *x, size_t i, struct buf *err)
{
	(void)err;
	x->cur = &x->s[i];
	x->next = 0;
	x->row = 0;
	return 0;
}

int
xls_next(struct xls *x, struct book_row *row, struct buf *err)
{
	char *f[XLS_COLS + 1];
	size_t len[XLS_COLS + 1], i, nf;
	struct xsheet *s = x->cur;

	(void)err;
	while (s != NULL && x->next < s->n) {
		const char *cells = s->rows.p + s->off[x->next];

		x->row = s->num[x->next++];
		buf_reset(&x->line);
		buf_adds(&x->line, cells);
		nf = rec_split(x->line.p, x->line.len, f, len, XLS_COLS + 1);
		if (nf > XLS_COLS)
			nf = XLS_COLS;
		book_rowbuf_reset(&x->rb);
		for (i = 0; i < nf; i++) {
			int kind;

			if (len[i] < 2)
				continue;
			kind = f[i][0] == 'n' ? BOOK_NUMBER : f[i][0] == 'd' ?
			    BOOK_DATE : BOOK_TEXT;
			book_rowbuf_set(&x->rb, i, kind, f[i] + 1, len[i] - 1);
		}
		if (book_rowbuf_row(&x->rb, row, x->row))
			return 1;
	}
	return 0;
}

unsigned long
xls_row_num(const struct xls *x)
{
	return x->row;
}

void
xls_close(struct xls *x)
{
	size_t i;

	if (x == NULL)
		return;
	for (i = 0; i < x->ns; i++) {
		free(x->s[i].name);
		buf_free(&x->s[i].rows);
		free(x->s[i].off);
		free(x->s[i].num);
	}
	free(x->s);
	buf_free(&x->line);
	book_rowbuf_free(&x->rb);
	free(x);
}
