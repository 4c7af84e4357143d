/* sheet — an OOXML worksheet read into rows: see sheet.h.
 *
 * Why the parallel parse gives what one parser would.  A segment is
 * parsed by a fresh parser fed first the start tags of the elements
 * open at the cut ("<worksheet><sheetData>"), then the segment.  Expat's
 * state at a point between two tokens, inside the root element, is the
 * stack of open elements' names and nothing else that a later token
 * reads (no DTD is allowed, so no entity and no default attribute; the
 * parser does not process namespaces; only line numbers and byte
 * offsets differ, and are mended).  So the fresh parser reads the
 * segment as the sheet's parser would if (1) the sheet's parser ended at
 * the cut right after a row's end tag (its last row ended at the byte it
 * was fed up to), (2) with exactly those elements open, and (3) the
 * segment closes none of them.  The handlers' own state is the other
 * half: at the cut, no phonetic run, inline string or value is open
 * (checked), and the fresh parser must not read what it does not have:
 * a cell or value before the segment's first row, a value or inline
 * string before its first cell (checked: the parse is then not used).
 * The row number it counts from the segment's start is made the
 * sheet's when the segment is taken; the last cell's type and style,
 * which a segment without cells never set, are carried over. */
#include <limits.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <expat.h>

#include "book.h"
#include "buf.h"
#include "cell.h"
#include "diag.h"
#include "sheet.h"
#include "xlsx.h"

#define CHUNK		65536		/* bytes read, and parsed, at a time */
#define SHEET_SOLO	(256U << 10)	/* read alone, before any thread */
#define SHEET_SEG	(256U << 10)	/* a segment, at least */
#define SHEET_NOCUT	(4U << 20)	/* no row's end in this much: no cuts */
#define SHEET_AHEAD	4		/* segments read ahead of the rows */
#define SHEET_WORKERS	2
#define CUT_TRIES	64		/* chunks tried for the first cut */
#define NAMES_MAX	2		/* elements open around the rows */

/* ---- rows kept until handed out ---- */

struct brow {
	unsigned long	 num;
	int		 abs;		/* num is the sheet's, else counted from
					 * the segment's start */
	size_t		 n;		/* columns */
	size_t		 col;		/* its first in the batch's columns */
};

struct batch {
	struct buf	 data;		/* the cells' text, each NUL-ended */
	struct brow	*row;
	size_t		 nrow, rowcap, next;
	unsigned char	*kind;
	size_t		*off, *len;
	size_t		 ncol, colcap;
};

static void
batch_add(struct batch *b, const struct book_rowbuf *rb, unsigned long num,
    int abs)
{
	size_t i, k, base = b->data.len;

	if (b->nrow == b->rowcap) {
		b->rowcap = b->rowcap ? 2 * b->rowcap : 256;
		b->row = xrealloc(b->row, b->rowcap * sizeof *b->row);
	}
	if (b->ncol + rb->n > b->colcap) {
		while (b->ncol + rb->n > b->colcap)
			b->colcap = b->colcap ? 2 * b->colcap : 4096;
		b->kind = xrealloc(b->kind, b->colcap);
		b->off = xrealloc(b->off, b->colcap * sizeof *b->off);
		b->len = xrealloc(b->len, b->colcap * sizeof *b->len);
	}
	buf_add(&b->data, rb->data.p, rb->data.len);
	for (i = 0; i < rb->n; i++) {
		k = b->ncol + i;
		b->kind[k] = rb->kind[i];
		b->off[k] = rb->kind[i] == BOOK_EMPTY ? 0 : base + rb->off[i];
		b->len[k] = rb->kind[i] == BOOK_EMPTY ? 0 : rb->len[i];
	}
	b->row[b->nrow].num = num;
	b->row[b->nrow].abs = abs;
	b->row[b->nrow].n = rb->n;
	b->row[b->nrow++].col = b->ncol;
	b->ncol += rb->n;
}

static void
batch_reset(struct batch *b)
{
	buf_reset(&b->data);
	b->nrow = b->next = b->ncol = 0;
}

static void
batch_free(struct batch *b)
{
	buf_free(&b->data);
	free(b->row);
	free(b->kind);
	free(b->off);
	free(b->len);
}

/* ---- a parser and its handlers' state ---- */

struct shp {
	struct sheet_part part;		/* stopped: refused, or given up */
	struct shp	*next;		/* in the pool */
	const struct sheet_book *bk;
	int		 spec;		/* a segment's parse, on the context */
	int		 pdepth;	/* (spec) elements opened for it */
	int		 utf8;		/* read as UTF-8 */
	int		 seen_row, seen_c;
	int		 depth, depth_skip, in_text, in_is;
	struct buf	 names[NAMES_MAX];	/* the open elements' names */
	unsigned long long fed;		/* bytes given to the parser */
	unsigned long long rowend;	/* just past the last row's end */
	unsigned long	 lineoff;	/* lines before the parser's first */
	struct buf	 text, val;
	struct book_rowbuf rb;		/* the row being built */
	unsigned long	 row;		/* its number */
	int		 rowabs;	/* row is the sheet's number */
	size_t		 col;		/* next column when c has no r */
	size_t		 ccol;
	int		 ctype;		/* 's', 'n', 'b', 'e', 'i', 'f', 'd' */
	unsigned	 cstyle;
	struct batch	 b;		/* rows ended */
};

void
sheet_stop(struct sheet_part *sp, const char *why)
{
	if (why != NULL && sp->why.len == 0)
		buf_adds(&sp->why, why);
	sp->stopped = 1;
	XML_StopParser(sp->p, XML_FALSE);
}

static void
stop(struct shp *s, const char *why)
{
	sheet_stop(&s->part, why);
}

const char *
sheet_local(const char *name)
{
	const char *s = name;

	for (; *name != '\0'; name++)
		if (*name == ':')
			s = name + 1;
	return s;
}

int
sheet_uint(const char *s, unsigned long *v)
{
	unsigned long n = 0;

	if (s == NULL || *s < '0' || *s > '9')
		return -1;
	/* Digits only, and no more than fit: row numbers, styles and
	 * string indexes, once per cell. */
	for (; *s >= '0' && *s <= '9'; s++) {
		if (n > (ULONG_MAX - 9) / 10)
			return -1;
		n = n * 10 + (unsigned long)(*s - '0');
	}
	if (*s != '\0')
		return -1;
	*v = n;
	return 0;
}

/* sheet_unescape: ECMA-376 22.9.2.19, "_x000D_" is a carriage return,
 * "_x005F_" an underscore. */
void
sheet_unescape(struct buf *b, const char *s, size_t n)
{
	size_t i = 0, k;
	unsigned v;

	while (i < n) {
		if (s[i] == '_' && i + 6 < n && s[i + 1] == 'x' &&
		    s[i + 6] == '_') {
			for (v = 0, k = 2; k < 6; k++) {
				int c = s[i + k];

				if (c >= '0' && c <= '9')
					v = v * 16 + (unsigned)(c - '0');
				else if (c >= 'a' && c <= 'f')
					v = v * 16 + (unsigned)(c - 'a' + 10);
				else if (c >= 'A' && c <= 'F')
					v = v * 16 + (unsigned)(c - 'A' + 10);
				else
					break;
			}
			/* "_x0000_" stays as written: a NUL is no text. */
			if (k == 6 && v != 0 && (v < 0xd800 || v > 0xdfff)) {
				char u[4];

				if (v < 0x80)
					buf_addc(b, (char)v);
				else if (v < 0x800) {
					u[0] = (char)(0xc0 | v >> 6);
					u[1] = (char)(0x80 | (v & 0x3f));
					buf_add(b, u, 2);
				} else {
					u[0] = (char)(0xe0 | v >> 12);
					u[1] = (char)(0x80 | (v >> 6 & 0x3f));
					u[2] = (char)(0x80 | (v & 0x3f));
					buf_add(b, u, 3);
				}
				i += 7;
				continue;
			}
		}
		buf_addc(b, s[i++]);
	}
}

/* is_typed: v, a number cell's text, is already as a person types it: an
 * optional "-", digits without a leading zero (or one "0"), optionally a
 * point and digits not ending in 0, at most 15 significant digits (a
 * double holds them all).  Spreadsheets write most numbers so; the rest
 * ("27.920000000000002", "1.5E-7") go through a double. */
static int
is_typed(const char *v, size_t n)
{
	size_t i = 0, sig = 0, lead;
	int point = 0;

	if (i < n && v[i] == '-')
		i++;
	lead = i;
	if (i == n)
		return 0;
	for (; i < n; i++) {
		if (v[i] == '.') {
			if (point || i == lead || i + 1 == n)
				return 0;
			point = 1;
		} else if (v[i] >= '0' && v[i] <= '9') {
			if (sig > 0 || v[i] != '0')
				sig++;
		} else
			return 0;
	}
	if (v[lead] == '0' && n > lead + 1 && v[lead + 1] != '.')
		return 0;
	if (point && v[n - 1] == '0')
		return 0;
	if (lead > 0 && n == 2 && v[1] == '0')
		return 0;		/* "-0" is "0" */
	return sig <= 15;
}

/* cell_col reads the column of a reference "F7" (0-based); -1 if it is
 * not a cell reference, -2 if it names a column past XFD. */
static long
cell_col(const char *ref)
{
	long c = 0;
	int n = 0;

	/* Capital letters, then the row's digits: "F7". */
	for (; *ref >= 'A' && *ref <= 'Z'; ref++) {
		c = c * 26 + (*ref - 'A' + 1);
		if (++n > 3)
			return -2;
	}
	if (n == 0 || *ref < '1' || *ref > '9')
		return -1;
	while (*ref >= '0' && *ref <= '9')
		ref++;
	if (*ref != '\0')
		return -1;
	return c > BOOK_COLS_MAX ? -2 : c - 1;
}

/* The elements of a worksheet that matter, told apart cheaply: this runs
 * for every tag of every cell. */
enum { E_OTHER, E_ROW, E_C, E_V, E_IS, E_T, E_RPH };

static int
sheet_el(const char *el)
{
	switch (el[0]) {
	case 'c':
		return el[1] == '\0' ? E_C : E_OTHER;
	case 'v':
		return el[1] == '\0' ? E_V : E_OTHER;
	case 't':
		return el[1] == '\0' ? E_T : E_OTHER;
	case 'i':
		return el[1] == 's' && el[2] == '\0' ? E_IS : E_OTHER;
	case 'r':
		return strcmp(el, "row") == 0 ? E_ROW : strcmp(el, "rPh") ==
		    0 ? E_RPH : E_OTHER;
	default:
		return E_OTHER;
	}
}

static void
start_row(struct shp *s, const char **a)
{
	unsigned long v;
	const char *r = NULL;

	for (; a[0] != NULL; a += 2)
		if (strcmp(sheet_local(a[0]), "r") == 0) {
			r = a[1];
			break;
		}
	/* The sheet's own number, as given, even out of order. */
	if (sheet_uint(r, &v) == 0 && v > 0) {
		s->row = v;
		s->rowabs = 1;
	} else
		s->row++;
	s->seen_row = 1;
	s->col = 0;
	book_rowbuf_reset(&s->rb);
}

static void
start_c(struct shp *s, const char **a)
{
	const char *r = NULL, *t = NULL, *st = NULL;
	unsigned long v;
	long c = -1;

	/* One pass over the attributes: r, s and t, unprefixed. */
	for (; a[0] != NULL; a += 2)
		if (a[0][0] != '\0' && a[0][1] == '\0')
			switch (a[0][0]) {
			case 'r':
				r = a[1];
				break;
			case 's':
				st = a[1];
				break;
			case 't':
				t = a[1];
				break;
			}
	s->seen_c = 1;
	if (r != NULL && (c = cell_col(r)) < 0) {
		stop(s, c == -2 ? "has a cell reference past column XFD" :
		    "has a malformed cell reference");
		return;
	}
	s->ccol = c >= 0 ? (size_t)c : s->col;
	if (s->ccol >= BOOK_COLS_MAX) {
		stop(s, "has a row wider than 16384 columns");
		return;
	}
	s->col = s->ccol + 1;
	s->ctype = t == NULL || strcmp(t, "n") == 0 ? 'n' :
	    strcmp(t, "s") == 0 ? 's' : strcmp(t, "b") == 0 ? 'b' :
	    strcmp(t, "e") == 0 ? 'e' : strcmp(t, "inlineStr") == 0 ? 'i' :
	    strcmp(t, "d") == 0 ? 'd' : 'f';	/* "str" */
	/* A style past the table (or past 32 bits) has no format. */
	s->cstyle = sheet_uint(st, &v) == 0 && v <= UINT_MAX ? (unsigned)v :
	    UINT_MAX;
	buf_reset(&s->text);
}

static void XMLCALL
on_start(void *u, const char *name, const char **a)
{
	struct shp *s = u;
	int e;

	if (++s->depth <= NAMES_MAX) {
		buf_reset(&s->names[s->depth - 1]);
		buf_adds(&s->names[s->depth - 1], name);
	}
	e = sheet_el(sheet_local(name));
	if (s->depth_skip > 0 || e == E_RPH) {
		s->depth_skip++;
		return;
	}
	/* A segment's parse would read what it does not have: the column
	 * or row of a cell before its first row, the type of a cell before
	 * its first cell. */
	if (s->spec && ((e != E_OTHER && e != E_ROW && !s->seen_row) ||
	    ((e == E_V || e == E_IS) && !s->seen_c))) {
		stop(s, NULL);
		return;
	}
	switch (e) {
	case E_ROW:
		start_row(s, a);
		break;
	case E_C:
		start_c(s, a);
		break;
	case E_V:
		s->in_text = s->ctype != 'i';
		buf_reset(&s->text);	/* a second <v>: the last one counts */
		break;
	case E_IS:
		s->in_is = 1;
		break;
	case E_T:
		if (s->in_is)
			s->in_text = 1;
		break;
	}
}

/* end_cell turns the cell just read into text in the row. */
static void
end_cell(struct shp *s)
{
	const struct sheet_book *bk = s->bk;
	struct buf *t = &s->text, *v = &s->val;
	const char *p = t->p != NULL ? t->p : "";
	size_t n = t->len;
	unsigned long i;
	double d;
	char *end;
	int kind = BOOK_TEXT, fmt;

	buf_reset(v);
	/* A value's XML may be pretty-printed around it; a string's white
	 * space is its own. */
	if (s->ctype != 'i' && s->ctype != 'f') {
		while (n > 0 && (*p == ' ' || *p == '\t' || *p == '\n' ||
		    *p == '\r')) {
			p++;
			n--;
		}
		while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t' ||
		    p[n - 1] == '\n' || p[n - 1] == '\r'))
			n--;
		if (n == 0)
			return;		/* no value: an empty cell */
		((char *)p)[n] = '\0';
	}
	switch (s->ctype) {
	case 's':
		if (sheet_uint(p, &i) != 0 || i >= bk->nsst) {
			stop(s, "has a cell that names no shared string");
			return;
		}
		/* The shared string straight into the row: no copy between. */
		if (bk->sstoff[i + 1] - bk->sstoff[i] > 1)
			book_rowbuf_set(&s->rb, s->ccol, BOOK_TEXT, bk->sst +
			    bk->sstoff[i], bk->sstoff[i + 1] - bk->sstoff[i] -
			    1);
		return;
	case 'b':
		if (strcmp(p, "1") == 0 || strcmp(p, "true") == 0)
			buf_adds(v, "TRUE");
		else if (strcmp(p, "0") == 0 || strcmp(p, "false") == 0)
			buf_adds(v, "FALSE");
		else {
			stop(s, "has a boolean cell that is neither 1 nor 0");
			return;
		}
		kind = BOOK_BOOL;
		break;
	case 'e':
		buf_adds(v, p);
		kind = BOOK_ERROR;
		break;
	case 'd':
		/* An ISO 8601 date, with a time of day or not. */
		buf_add(v, p, n > 10 && strcmp(p + 10, "T00:00:00") == 0 ?
		    10 : n);
		kind = BOOK_DATE;
		break;
	case 'n':
		fmt = s->cstyle < bk->nxf ? bk->xf[s->cstyle] :
		    CELL_FMT_NUMBER;
		/* A number as typed is a number already (is_typed accepts
		 * nothing strtod would not): the common case, kept as is. */
		if (fmt == CELL_FMT_NUMBER && is_typed(p, n)) {
			book_rowbuf_set(&s->rb, s->ccol, BOOK_NUMBER, p, n);
			return;
		}
		d = strtod(p, &end);
		if (*end != '\0' || end == p) {
			stop(s, "has a number cell that is not a number");
			return;
		}
		kind = BOOK_NUMBER;
		if (fmt == CELL_FMT_ELAPSED && cell_elapsed(v, d) == 0)
			kind = BOOK_DATE;
		else if (fmt != CELL_FMT_NUMBER && fmt != CELL_FMT_ELAPSED &&
		    cell_date(v, d, bk->date1904 ? CELL_1904 : CELL_1900,
		    fmt == CELL_FMT_TIME) == 0)
			kind = BOOK_DATE;
		else if (cell_number(v, d) != 0) {
			stop(s, "has a number cell that is not finite");
			return;
		}
		break;
	default:		/* inline or formula strings */
		sheet_unescape(v, p, t->len);
		break;
	}
	if (v->len > 0)
		book_rowbuf_set(&s->rb, s->ccol, kind, v->p, v->len);
}

static void XMLCALL
on_end(void *u, const char *name)
{
	struct shp *s = u;
	const char *el = sheet_local(name);

	/* A segment's parse closed an element open before it. */
	if (--s->depth < s->pdepth && s->spec) {
		stop(s, NULL);
		return;
	}
	if (s->depth_skip > 0) {
		s->depth_skip--;
		return;
	}
	if ((el[0] == 't' || el[0] == 'v') && el[1] == '\0')
		s->in_text = 0;
	switch (sheet_el(el)) {
	case E_IS:
		s->in_is = 0;
		break;
	case E_C:
		end_cell(s);
		break;
	case E_ROW:
		s->rowend = (unsigned long long)XML_GetCurrentByteIndex(s->part.p) +
		    (unsigned long long)XML_GetCurrentByteCount(s->part.p);
		/* Nothing after a refusal is a row. */
		if (s->rb.n > 0 && !s->part.stopped)
			batch_add(&s->b, &s->rb, s->row, s->rowabs);
		break;
	}
}

int
sheet_collect(struct buf *text, const char *p, int n)
{
	if (text->len + (size_t)n > BOOK_CELL_MAX)
		return -1;
	buf_add(text, p, (size_t)n);
	return 0;
}

void
sheet_xml_error(struct buf *err, const char *pname, XML_Parser p,
    const struct buf *why, unsigned long lineoff)
{
	if (why->len > 0)
		buf_printf(err, "%s %s", pname, why->p);
	else
		buf_printf(err, "%s:%lu: not well-formed XML: %s", pname,
		    lineoff + (unsigned long)XML_GetCurrentLineNumber(p),
		    XML_ErrorString(XML_GetErrorCode(p)));
}

static void XMLCALL
on_text(void *u, const char *p, int n)
{
	struct shp *s = u;

	if (s->in_text && s->depth_skip == 0 &&
	    sheet_collect(&s->text, p, n) != 0)
		stop(s, SHEET_WHY_CELL);
}

static void XMLCALL
on_decl(void *u, const char *version, const char *encoding, int standalone)
{
	struct shp *s = u;

	(void)version, (void)standalone;
	if (encoding != NULL && strcasecmp(encoding, "UTF-8") != 0)
		s->utf8 = 0;
}

static void XMLCALL
on_doctype(void *u, const char *name, const char *sys, const char *pub,
    int internal)
{
	(void)name, (void)sys, (void)pub, (void)internal;
	sheet_stop(u, SHEET_WHY_DOCTYPE);
}

static void XMLCALL
on_entity(void *u, const char *name, int param, const char *value,
    int vlen, const char *base, const char *sys, const char *pub,
    const char *notation)
{
	(void)name, (void)param, (void)value, (void)vlen, (void)base;
	(void)sys, (void)pub, (void)notation;
	sheet_stop(u, SHEET_WHY_ENTITY);
}

void
sheet_guard(XML_Parser p)
{
	XML_SetStartDoctypeDeclHandler(p, on_doctype);
	XML_SetEntityDeclHandler(p, on_entity);
	XML_SetParamEntityParsing(p, XML_PARAM_ENTITY_PARSING_NEVER);
}

static struct shp *
shp_new(const struct sheet_book *bk)
{
	struct shp *s = xcalloc(1, sizeof *s);

	s->bk = bk;
	if ((s->part.p = XML_ParserCreate(NULL)) == NULL)
		diag_fatal(EXIT_DATA, NULL, 0, "out of memory");
	return s;
}

static void
shp_free(struct shp *s)
{
	int i;

	if (s == NULL)
		return;
	XML_ParserFree(s->part.p);
	for (i = 0; i < NAMES_MAX; i++)
		buf_free(&s->names[i]);
	buf_free(&s->part.why);
	buf_free(&s->text);
	buf_free(&s->val);
	book_rowbuf_free(&s->rb);
	batch_free(&s->b);
	free(s);
}

/* shp_start readies s for a sheet from its start, or (spec) for a
 * segment in the context of the elements prefix opens, pdepth of them. */
static void
shp_start(struct shp *s, int spec, const struct buf *prefix, int pdepth)
{
	int i;

	if (!XML_ParserReset(s->part.p, NULL))
		diag_fatal(EXIT_DATA, NULL, 0, "out of memory");
	XML_SetUserData(s->part.p, s);
	XML_SetElementHandler(s->part.p, on_start, on_end);
	XML_SetCharacterDataHandler(s->part.p, on_text);
	sheet_guard(s->part.p);
	XML_SetXmlDeclHandler(s->part.p, on_decl);
	s->spec = spec;
	s->pdepth = spec ? pdepth : 0;
	s->part.stopped = s->seen_row = s->seen_c = 0;
	s->depth = s->depth_skip = s->in_text = s->in_is = 0;
	for (i = 0; i < NAMES_MAX; i++)
		buf_reset(&s->names[i]);
	s->utf8 = 1;
	s->fed = s->rowend = 0;
	s->lineoff = 0;
	buf_reset(&s->part.why);
	buf_reset(&s->text);
	book_rowbuf_reset(&s->rb);
	s->row = 0;
	s->rowabs = !spec;
	s->col = s->ccol = 0;
	s->ctype = 'n';
	s->cstyle = UINT_MAX;
	batch_reset(&s->b);
	if (spec) {
		/* Complete start tags, parsed as they come. */
		if (XML_Parse(s->part.p, prefix->p, (int)prefix->len, 0) !=
		    XML_STATUS_OK)
			s->part.stopped = 1;
		s->fed = prefix->len;
	}
}

/* shp_feed parses p[0..n) (and the end, if final); -1 on an error or a
 * stop. */
static int
shp_feed(struct shp *s, const char *p, size_t n, int final)
{
	size_t k;
	void *b;

	do {
		k = n < CHUNK ? n : CHUNK;
		if ((b = XML_GetBuffer(s->part.p, (int)k)) == NULL)
			diag_fatal(EXIT_DATA, NULL, 0, "out of memory");
		if (k > 0)
			memcpy(b, p, k);
		s->fed += k;
		if (XML_ParseBuffer(s->part.p, (int)k, final && k == n) !=
		    XML_STATUS_OK)
			return -1;
		p += k;
		n -= k;
	} while (n > 0);
	return 0;
}

/* ---- the sheet ---- */

enum { SEG_RAW, SEG_PARSING, SEG_DONE };

/* A piece of the sheet's XML, as the reader thread cut it. */
struct seg {
	struct seg	*next;
	struct buf	 raw;
	int		 state;
	int		 last;		/* nothing after it: the end, or err */
	int		 final;		/* the part's end */
	int		 nocut;		/* not cut at a row's end */
	struct buf	 err;
	struct shp	*sp;		/* its parse, once SEG_DONE */
	int		 ok;		/* ... went through */
};

struct sheet {
	const struct sheet_book *bk;
	const char	*pname;
	sheet_read_fn	 read;
	void		*arg;
	int		 peek;
	int		 cores;
	struct shp	*c;		/* the parser whose state is the sheet's */
	int		 pend;		/* 1: more to read; 0: the end; -1: err */
	struct buf	 err;
	unsigned long	 rownum;
	int		 tries;		/* chunks tried for a first cut */
	char		**hf;		/* the row handed out */
	size_t		*hlen;
	unsigned char	*hkind;
	size_t		 hcap;
	/* The threads, while threads is set; under mu from here on. */
	int		 threads;
	pthread_mutex_t	 mu;
	pthread_cond_t	 work, done, space;
	pthread_t	 reader, worker[SHEET_WORKERS];
	int		 nworkers;
	struct seg	*head, *tail;
	size_t		 nseg;
	int		 stop, fallback;
	struct shp	*pool;		/* parsers free */
	struct buf	 prefix;	/* the context's start tags */
	int		 pdepth;
	struct buf	 pnames[NAMES_MAX];
	struct seg	*spare;		/* segments to fill again */
	/* The reader thread's. */
	struct buf	 cur;		/* the segment being read */
	size_t		 scanned;	/* cur up to here holds no cut */
	int		 nocut;
};

/* find_cut returns the end of the last row end tag ("</row>", "</x:row>")
 * in p[from..n), or 0. */
static size_t
find_cut(const char *p, size_t n, size_t from)
{
	size_t i, k;

	for (i = n; i >= 6 && i - 6 >= from; i--) {
		if (p[i - 1] != '>' || memcmp(p + i - 4, "row", 3) != 0)
			continue;
		k = i - 4;
		if (p[k - 1] == '/' && p[k - 2] == '<')
			return i;
		if (p[k - 1] != ':')
			continue;
		/* A prefix: back over its name to "</". */
		for (k--; k > from + 1 && p[k - 1] != '<' && p[k - 1] != '/' &&
		    p[k - 1] != '>' && p[k - 1] != ' '; k--)
			;
		if (k >= 2 && p[k - 1] == '/' && p[k - 2] == '<')
			return i;
	}
	return 0;
}

/* chain_ok: the sheet's parser c stands right after a row's end in the
 * context the segments are parsed in, with no handler's element open, so
 * a segment's parse is its continuation. */
static int
chain_ok(const struct sheet *sh, const struct shp *c)
{
	int i;

	if (c->depth != sh->pdepth || c->fed != c->rowend || c->part.stopped ||
	    !c->utf8 || c->depth_skip != 0 || c->in_is || c->in_text)
		return 0;
	for (i = 0; i < c->depth; i++)
		if (strcmp(c->names[i].p, sh->pnames[i].p) != 0)
			return 0;
	return 1;
}

static void
xml_error(struct sheet *sh, struct shp *c)
{
	sheet_xml_error(&sh->err, sh->pname, c->part.p, &c->part.why, c->lineoff);
	sh->pend = -1;
}

/* post queues the reader's segment; -1 when the sheet is being closed. */
static int
post(struct sheet *sh, struct seg *g)
{
	pthread_mutex_lock(&sh->mu);
	while (sh->nseg >= SHEET_AHEAD && !sh->stop)
		pthread_cond_wait(&sh->space, &sh->mu);
	if (sh->stop) {
		pthread_mutex_unlock(&sh->mu);
		buf_free(&g->raw);
		buf_free(&g->err);
		free(g);
		return -1;
	}
	if (sh->tail != NULL)
		sh->tail->next = g;
	else
		sh->head = g;
	sh->tail = g;
	sh->nseg++;
	pthread_cond_signal(&sh->work);
	pthread_cond_signal(&sh->done);
	pthread_mutex_unlock(&sh->mu);
	return 0;
}

/* cut_off makes cur[0..n) a segment, the rest the next one's start. */
static struct seg *
cut_off(struct sheet *sh, size_t n)
{
	struct seg *g;

	pthread_mutex_lock(&sh->mu);
	if ((g = sh->spare) != NULL)
		sh->spare = g->next;
	pthread_mutex_unlock(&sh->mu);
	if (g == NULL)
		g = xcalloc(1, sizeof *g);
	buf_reset(&g->raw);
	buf_reset(&g->err);
	buf_grow(&g->raw, SHEET_SEG + 2 * CHUNK);
	/* The segment takes cur's buffer; the rest goes to the spare one. */
	buf_add(&g->raw, sh->cur.p + n, sh->cur.len - n);
	{
		struct buf t = g->raw;

		g->raw = sh->cur;
		sh->cur = t;
	}
	g->raw.len = n;
	g->raw.p[n] = '\0';
	g->next = NULL;
	g->state = SEG_RAW;
	g->last = g->final = g->ok = 0;
	g->nocut = sh->nocut;
	g->sp = NULL;
	sh->scanned = 0;
	return g;
}

static void *
reader_main(void *arg)
{
	struct sheet *sh = arg;
	struct buf err = { 0 };
	struct seg *g;
	long long n;
	size_t cut;

	for (;;) {
		buf_grow(&sh->cur, CHUNK);
		n = sh->read(sh->arg, sh->cur.p + sh->cur.len, CHUNK, &err);
		if (n <= 0) {
			/* The end, or an error after the data read. */
			g = cut_off(sh, sh->cur.len);
			g->last = 1;
			g->final = n == 0;
			buf_add(&g->err, err.p, err.len);
			post(sh, g);
			break;
		}
		sh->cur.len += (size_t)n;
		sh->cur.p[sh->cur.len] = '\0';
		if (sh->cur.len < SHEET_SEG)
			continue;
		if (sh->nocut)
			cut = sh->cur.len;
		else if ((cut = find_cut(sh->cur.p, sh->cur.len,
		    sh->scanned)) == 0) {
			sh->scanned = sh->cur.len - 5;
			/* No row ends here: the rest goes in order. */
			if (sh->cur.len >= SHEET_NOCUT)
				cut = sh->cur.len, sh->nocut = 1;
		}
		if (cut > 0 && post(sh, cut_off(sh, cut)) != 0)
			break;
	}
	buf_free(&err);
	return NULL;
}

/* next_raw is the segment a worker parses next, or NULL. */
static struct seg *
next_raw(struct sheet *sh)
{
	struct seg *g;

	if (sh->fallback)
		return NULL;
	for (g = sh->head; g != NULL; g = g->next) {
		if (g->last || g->nocut)
			return NULL;
		if (g->state == SEG_RAW)
			return g;
	}
	return NULL;
}

static void *
worker_main(void *arg)
{
	struct sheet *sh = arg;
	struct seg *g;
	struct shp *s;

	pthread_mutex_lock(&sh->mu);
	for (;;) {
		while (!sh->stop && (g = next_raw(sh)) == NULL)
			pthread_cond_wait(&sh->work, &sh->mu);
		if (sh->stop)
			break;
		g->state = SEG_PARSING;
		if ((s = sh->pool) != NULL)
			sh->pool = s->next;
		pthread_mutex_unlock(&sh->mu);
		if (s == NULL)
			s = shp_new(sh->bk);
		shp_start(s, 1, &sh->prefix, sh->pdepth);
		g->ok = !s->part.stopped && shp_feed(s, g->raw.p, g->raw.len,
		    0) == 0 && !s->part.stopped;
		pthread_mutex_lock(&sh->mu);
		g->sp = s;
		g->state = SEG_DONE;
		pthread_cond_signal(&sh->done);
	}
	pthread_mutex_unlock(&sh->mu);
	return NULL;
}

static void
seg_free(struct seg *g)
{
	buf_free(&g->raw);
	buf_free(&g->err);
	shp_free(g->sp);
	free(g);
}

static void
threads_stop(struct sheet *sh)
{
	struct seg *g;
	struct shp *s;
	int i;

	if (!sh->threads)
		return;
	pthread_mutex_lock(&sh->mu);
	sh->stop = 1;
	pthread_cond_broadcast(&sh->work);
	pthread_cond_broadcast(&sh->space);
	pthread_mutex_unlock(&sh->mu);
	pthread_join(sh->reader, NULL);
	for (i = 0; i < sh->nworkers; i++)
		pthread_join(sh->worker[i], NULL);
	while ((g = sh->head) != NULL) {
		sh->head = g->next;
		seg_free(g);
	}
	while ((g = sh->spare) != NULL) {
		sh->spare = g->next;
		seg_free(g);
	}
	while ((s = sh->pool) != NULL) {
		sh->pool = s->next;
		shp_free(s);
	}
	pthread_mutex_destroy(&sh->mu);
	pthread_cond_destroy(&sh->work);
	pthread_cond_destroy(&sh->done);
	pthread_cond_destroy(&sh->space);
	buf_free(&sh->cur);
	sh->threads = 0;
}

/* threads_start has the rest of the sheet, from cur (its start, right
 * after a row's end), read and parsed by threads.  0 when running. */
static int
threads_start(struct sheet *sh)
{
	struct shp *c = sh->c;
	int i;

	buf_reset(&sh->prefix);
	for (i = 0; i < c->depth; i++) {
		buf_reset(&sh->pnames[i]);
		buf_adds(&sh->pnames[i], c->names[i].p);
		buf_printf(&sh->prefix, "<%s>", c->names[i].p);
	}
	sh->pdepth = c->depth;
	sh->head = sh->tail = sh->spare = NULL;
	sh->nseg = 0;
	sh->stop = sh->fallback = sh->nocut = 0;
	sh->scanned = 0;
	sh->pool = NULL;
	if (pthread_mutex_init(&sh->mu, NULL) != 0)
		return -1;
	pthread_cond_init(&sh->work, NULL);
	pthread_cond_init(&sh->done, NULL);
	pthread_cond_init(&sh->space, NULL);
	if (pthread_create(&sh->reader, NULL, reader_main, sh) != 0) {
		pthread_mutex_destroy(&sh->mu);
		pthread_cond_destroy(&sh->work);
		pthread_cond_destroy(&sh->done);
		pthread_cond_destroy(&sh->space);
		return -1;
	}
	sh->threads = 1;
	for (sh->nworkers = 0; sh->nworkers < SHEET_WORKERS; sh->nworkers++)
		if (pthread_create(&sh->worker[sh->nworkers], NULL,
		    worker_main, sh) != 0)
			break;
	/* No parser thread: the reader's segments are parsed in order. */
	if (sh->nworkers == 0)
		sh->fallback = 1;
	return 0;
}

/* utf8_start: the sheet's first bytes are of an 8-bit encoding, as
 * UTF-8's (expat would take a UTF-16 sheet by its first bytes). */
static int
utf8_start(const char *b, size_t n)
{
	if (n >= 3 && memcmp(b, "\357\273\277", 3) == 0)
		return n == 3 || b[3] == '<';
	return b[0] == '<' && (n < 2 || b[1] != '\0');
}

/* solo reads and parses a chunk in the caller's thread; past SHEET_SOLO
 * bytes, the parse stops at the chunk's last row end and the threads go
 * on from there. */
static void
solo(struct sheet *sh)
{
	struct shp *c = sh->c;
	size_t cut = 0;
	long long n;
	char *b;

	if ((b = XML_GetBuffer(c->part.p, CHUNK)) == NULL)
		diag_fatal(EXIT_DATA, NULL, 0, "out of memory");
	if ((n = sh->read(sh->arg, b, CHUNK, &sh->err)) < 0) {
		sh->pend = n == -2 ? 0 : -1;
		return;
	}
	if (c->fed == 0 && n > 0 && !utf8_start(b, (size_t)n))
		c->utf8 = 0;
	if (n > 0 && !sh->peek && sh->cores > 1 && c->utf8 &&
	    sh->tries < CUT_TRIES && c->fed + (unsigned long long)n >=
	    SHEET_SOLO) {
		sh->tries++;
		if ((cut = find_cut(b, (size_t)n, 0)) > 0) {
			buf_reset(&sh->cur);
			buf_grow(&sh->cur, SHEET_SEG + 2 * CHUNK);
			buf_add(&sh->cur, b + cut, (size_t)n - cut);
		}
	}
	c->fed += cut > 0 ? cut : (unsigned long long)n;
	if (XML_ParseBuffer(c->part.p, cut > 0 ? (int)cut : (int)n, n == 0) !=
	    XML_STATUS_OK) {
		xml_error(sh, c);
		return;
	}
	if (n == 0) {
		sh->pend = 0;
		return;
	}
	if (cut == 0)
		return;
	if (c->depth >= 1 && c->depth <= NAMES_MAX) {
		int i, ok = 1;

		/* The context holds no element a handler reacts to. */
		for (i = 0; i < c->depth; i++)
			if (sheet_el(sheet_local(c->names[i].p)) != E_OTHER)
				ok = 0;
		sh->pdepth = c->depth;
		for (i = 0; ok && i < c->depth; i++) {
			buf_reset(&sh->pnames[i]);
			buf_adds(&sh->pnames[i], c->names[i].p);
		}
		if (ok && chain_ok(sh, c) && threads_start(sh) == 0) {
			sh->tries = CUT_TRIES;
			return;
		}
	}
	/* Not here: the rest of the chunk as it came. */
	if (shp_feed(c, sh->cur.p, sh->cur.len, 0) != 0)
		xml_error(sh, c);
	buf_reset(&sh->cur);
}

/* adopt takes s's parse of the segment after c's as the sheet's: its rows
 * numbered on from c's, its state the sheet's. */
static void
adopt(struct sheet *sh, struct shp *s)
{
	struct shp *c = sh->c;
	size_t i;

	for (i = 0; i < s->b.nrow; i++)
		if (!s->b.row[i].abs) {
			s->b.row[i].num += c->row;
			s->b.row[i].abs = 1;
		}
	if (!s->rowabs) {
		s->row += c->row;
		s->rowabs = 1;
	}
	if (!s->seen_c) {
		s->ctype = c->ctype;
		s->cstyle = c->cstyle;
		s->ccol = c->ccol;
		buf_reset(&s->text);
		buf_add(&s->text, c->text.p, c->text.len);
	}
	s->lineoff = c->lineoff +
	    (unsigned long)XML_GetCurrentLineNumber(c->part.p) - 1;
	s->spec = 0;
	sh->c = s;
	pthread_mutex_lock(&sh->mu);
	c->next = sh->pool;
	sh->pool = c;
	pthread_mutex_unlock(&sh->mu);
}

/* take reads on from the threads: the next segment's rows if its parse
 * continues the sheet's, else the segment parsed in order. */
static void
take(struct sheet *sh)
{
	struct shp *c = sh->c;
	struct seg *g;
	int ok;

	pthread_mutex_lock(&sh->mu);
	while ((g = sh->head) == NULL || g->state == SEG_PARSING ||
	    (g->state == SEG_RAW && !g->last && !g->nocut && !sh->fallback))
		pthread_cond_wait(&sh->done, &sh->mu);
	if ((sh->head = g->next) == NULL)
		sh->tail = NULL;
	sh->nseg--;
	ok = g->state == SEG_DONE && g->ok && !sh->fallback &&
	    chain_ok(sh, c);
	/* Once a segment is not taken, the rest is parsed in order. */
	if (!ok && !g->last)
		sh->fallback = 1;
	if (g->sp != NULL && !ok) {
		g->sp->next = sh->pool;
		sh->pool = g->sp;
		g->sp = NULL;
	}
	pthread_cond_signal(&sh->space);
	pthread_mutex_unlock(&sh->mu);
	if (ok) {
		adopt(sh, g->sp);
		g->sp = NULL;
	} else if (shp_feed(c, g->raw.p, g->raw.len, g->last && g->final) !=
	    0)
		xml_error(sh, c);
	else if (g->last && g->err.len > 0) {
		buf_add(&sh->err, g->err.p, g->err.len);
		sh->pend = -1;
	} else if (g->last)
		sh->pend = 0;
	pthread_mutex_lock(&sh->mu);
	g->next = sh->spare;
	sh->spare = g;
	pthread_mutex_unlock(&sh->mu);
}

struct sheet *
sheet_new(const struct sheet_book *bk, const char *pname, sheet_read_fn read,
    void *arg, int peek)
{
	struct sheet *sh = xcalloc(1, sizeof *sh);
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	sh->bk = bk;
	sh->pname = pname;
	sh->read = read;
	sh->arg = arg;
	sh->peek = peek;
	sh->cores = n > 1 ? (int)n : 1;
	sh->pend = 1;
	sh->c = shp_new(bk);
	shp_start(sh->c, 0, NULL, 0);
	return sh;
}

/* handout gives the next row of c's batch. */
static void
handout(struct sheet *sh, struct book_row *row)
{
	static char empty[] = "";
	struct batch *b = &sh->c->b;
	struct brow *r = &b->row[b->next++];
	size_t i, k;

	if (r->n > sh->hcap) {
		sh->hcap = r->n;
		sh->hf = xrealloc(sh->hf, r->n * sizeof *sh->hf);
		sh->hlen = xrealloc(sh->hlen, r->n * sizeof *sh->hlen);
		sh->hkind = xrealloc(sh->hkind, r->n);
	}
	for (i = 0; i < r->n; i++) {
		k = r->col + i;
		sh->hkind[i] = b->kind[k];
		sh->hf[i] = b->kind[k] == BOOK_EMPTY ? empty : b->data.p +
		    b->off[k];
		sh->hlen[i] = b->len[k];
	}
	row->num = sh->rownum = r->num;
	row->n = r->n;
	row->f = sh->hf;
	row->len = sh->hlen;
	row->kind = sh->hkind;
}

int
sheet_next(struct sheet *sh, struct book_row *row, struct buf *err)
{
	int rc;

	for (;;) {
		struct batch *b = &sh->c->b;

		if (b->next < b->nrow) {
			handout(sh, row);
			return 1;
		}
		if (sh->pend != 1)
			break;
		batch_reset(b);
		if (sh->threads)
			take(sh);
		else
			solo(sh);
	}
	threads_stop(sh);
	sh->rownum = sh->c->row;
	if ((rc = sh->pend) < 0) {
		buf_add(err, sh->err.p, sh->err.len);
		buf_reset(&sh->err);
		sh->pend = 0;
	}
	return rc;
}

unsigned long
sheet_row_num(const struct sheet *sh)
{
	return sh->rownum;
}

void
sheet_free(struct sheet *sh)
{
	int i;

	if (sh == NULL)
		return;
	threads_stop(sh);
	shp_free(sh->c);
	for (i = 0; i < NAMES_MAX; i++)
		buf_free(&sh->pnames[i]);
	buf_free(&sh->prefix);
	buf_free(&sh->cur);
	buf_free(&sh->err);
	free(sh->hf);
	free(sh->hlen);
	free(sh->hkind);
	free(sh);
}
