/* xlsx — OOXML workbooks for book: see xlsx.h and book.h.
 *
 * Every part is parsed by expat, element names taken without their
 * prefix, so a document that prefixes its elements ("x:row") reads like
 * one that does not.  The
 * small parts (workbook, relationships, styles, shared strings) are parsed
 * whole when the book opens; a worksheet is parsed as it is inflated, and
 * the parser is suspended at the end of each row that has a value, so a
 * row is handed out while the rest of the sheet is still in the zip.  */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <expat.h>
#include <zip.h>

#include "book.h"
#include "buf.h"
#include "cell.h"
#include "diag.h"
#include "text.h"
#include "xlsx.h"

#define CHUNK	65536

struct sheet {
	char	*name;
	char	*rid;
	char	*part;		/* the zip entry; NULL: not found */
	int	 chart;		/* a chart sheet, or another non-worksheet */
};

/* What a part's handlers are reading. */
enum part { P_WORKBOOK, P_RELS, P_STYLES, P_SST, P_SHEET };

struct xlsx {
	zip_t		*z;
	struct sheet	*sheet;
	size_t		 nsheets;
	int		 date1904;
	/* Shared strings, one after another in sst, each NUL-ended. */
	struct buf	 sst;
	size_t		*sstoff;
	size_t		 nsst, sstcap;
	/* Number formats: per cellXfs entry, enum cell_fmt. */
	unsigned char	*xf;
	size_t		 nxf, xfcap;
	unsigned	*xfid;		/* numFmtId per xf, while parsing */
	struct { unsigned id; char *code; } *nf;
	size_t		 nnf;
	/* The parse in progress. */
	enum part	 what;
	XML_Parser	 p;
	zip_file_t	*zf;
	const char	*pname;
	unsigned long long inflated, max;
	unsigned long long total;	/* inflated, every part so far */
	int		 peek;		/* max ends the part, quietly */
	int		 final;		/* the last chunk was fed */
	int		 ready;		/* a row ended: parser suspended */
	struct buf	 why;		/* a handler's reason to stop */
	int		 depth_skip;	/* inside rPh (phonetic runs) */
	int		 in_text;	/* collecting <t> or <v> text */
	int		 in_cellxfs, in_si, in_is;
	struct buf	 text;
	struct buf	 val;		/* a cell's value, as handed out */
	/* The worksheet row being built. */
	struct book_rowbuf rb;
	unsigned long	 row;		/* current row number */
	size_t		 col;		/* next column when c has no r */
	int		 ctype;		/* 's', 'n', 'b', 'e', 'i', 'f', 'd' */
	unsigned	 cstyle;
	size_t		 ccol;
};

/* local returns the local part of a name, "row" of "x:row".  Namespaces
 * are not resolved: a part that prefixes its elements reads like one that
 * does not, and names stay a few bytes long for the hot loop. */
static const char *
local(const char *name)
{
	const char *s = name;

	for (; *name != '\0'; name++)
		if (*name == ':')
			s = name + 1;
	return s;
}

static const char *
attr(const char **a, const char *name)
{
	for (; a[0] != NULL; a += 2)
		if (strcmp(local(a[0]), name) == 0)
			return a[1];
	return NULL;
}

static void
stop(struct xlsx *x, const char *why)
{
	if (x->why.len == 0)
		buf_adds(&x->why, why);
	XML_StopParser(x->p, XML_FALSE);
}

/* ---- decoding ---- */

/* unescape_x appends s[0..n) to b with OOXML's _xHHHH_ escapes decoded
 * (ECMA-376 22.9.2.19: "_x000D_" is a carriage return, "_x005F_" an
 * underscore). */
static void
unescape_x(struct buf *b, const char *s, size_t n)
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

static int
parse_uint(const char *s, unsigned long *v)
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

/* ---- feeding a part to its parser ---- */

static void XMLCALL on_start(void *, const char *, const char **);
static void XMLCALL on_end(void *, const char *);
static void XMLCALL on_text(void *, const char *, int);

static void XMLCALL
on_doctype(void *u, const char *name, const char *sys, const char *pub,
    int internal)
{
	(void)name, (void)sys, (void)pub, (void)internal;
	stop(u, "has a document type declaration (refused: no entity is "
	    "expanded)");
}

static void XMLCALL
on_entity(void *u, const char *name, int param, const char *value,
    int vlen, const char *base, const char *sys, const char *pub,
    const char *notation)
{
	(void)name, (void)param, (void)value, (void)vlen, (void)base;
	(void)sys, (void)pub, (void)notation;
	stop(u, "declares an entity (refused)");
}

static void
part_end(struct xlsx *x)
{
	if (x->p != NULL)
		XML_ParserFree(x->p);
	x->p = NULL;
	if (x->zf != NULL)
		zip_fclose(x->zf);
	x->zf = NULL;
}

/* part_begin opens the zip entry name for parsing as what.  Returns 0,
 * 1 when the entry is absent (and not required), -1 with err. */
static int
part_begin(struct xlsx *x, const char *name, enum part what,
    unsigned long long max, int required, struct buf *err)
{
	zip_int64_t i = zip_name_locate(x->z, name, ZIP_FL_NOCASE);
	zip_error_t *ze;

	part_end(x);
	if (i < 0) {
		if (!required)
			return 1;
		buf_printf(err, "not a complete workbook: the part %s is "
		    "missing", name);
		return -1;
	}
	if ((x->zf = zip_fopen_index(x->z, (zip_uint64_t)i, 0)) == NULL) {
		ze = zip_get_error(x->z);
		if (zip_error_code_zip(ze) == ZIP_ER_NOPASSWD ||
		    zip_error_code_zip(ze) == ZIP_ER_WRONGPASSWD ||
		    zip_error_code_zip(ze) == ZIP_ER_ENCRNOTSUPP)
			buf_printf(err, "%s is encrypted: the workbook is "
			    "password-protected", name);
		else
			buf_printf(err, "%s: %s", name, zip_error_strerror(ze));
		return -1;
	}
	x->p = XML_ParserCreate(NULL);
	if (x->p == NULL)
		diag_fatal(EXIT_DATA, NULL, 0, "out of memory");
	XML_SetUserData(x->p, x);
	XML_SetElementHandler(x->p, on_start, on_end);
	XML_SetCharacterDataHandler(x->p, on_text);
	XML_SetStartDoctypeDeclHandler(x->p, on_doctype);
	XML_SetEntityDeclHandler(x->p, on_entity);
	XML_SetParamEntityParsing(x->p, XML_PARAM_ENTITY_PARSING_NEVER);
	x->what = what;
	x->pname = name;
	x->inflated = 0;
	x->max = max;
	x->peek = 0;
	x->final = 0;
	x->ready = 0;
	buf_reset(&x->why);
	x->depth_skip = x->in_text = x->in_cellxfs = x->in_si = x->in_is = 0;
	buf_reset(&x->text);
	return 0;
}

static int
xml_error(struct xlsx *x, struct buf *err)
{
	if (x->why.len > 0)
		buf_printf(err, "%s %s", x->pname, x->why.p);
	else
		buf_printf(err, "%s:%lu: not well-formed XML: %s", x->pname,
		    (unsigned long)XML_GetCurrentLineNumber(x->p),
		    XML_ErrorString(XML_GetErrorCode(x->p)));
	return -1;
}

/* part_feed parses on: 1 when a row is ready (the parser suspended), 0
 * at the end of the part, -1 with err. */
static int
part_feed(struct xlsx *x, struct buf *err)
{
	enum XML_Status st;
	zip_int64_t n;
	void *b;

	if (x->ready) {
		x->ready = 0;
		st = XML_ResumeParser(x->p);
		if (st == XML_STATUS_ERROR)
			return xml_error(x, err);
		if (st == XML_STATUS_SUSPENDED)
			return 1;
	}
	while (!x->final) {
		if ((b = XML_GetBuffer(x->p, CHUNK)) == NULL)
			diag_fatal(EXIT_DATA, NULL, 0, "out of memory");
		if ((n = zip_fread(x->zf, b, CHUNK)) < 0) {
			buf_printf(err, "%s: corrupt data: %s", x->pname,
			    zip_file_strerror(x->zf));
			return -1;
		}
		x->inflated += (unsigned long long)n;
		x->total += (unsigned long long)n;
		if (x->inflated > x->max && x->peek)
			return 0;	/* no header this far: enough */
		if (x->inflated > x->max) {
			buf_printf(err, "%s inflates to more than %llu MiB "
			    "(the limit for a part)", x->pname, x->max >> 20);
			return -1;
		}
		if (x->total > BOOK_TOTAL_MAX) {
			buf_printf(err, "the workbook inflates to more than "
			    "%llu MiB, its parts together (the limit)",
			    BOOK_TOTAL_MAX >> 20);
			return -1;
		}
		x->final = n == 0;
		st = XML_ParseBuffer(x->p, (int)n, x->final);
		if (st == XML_STATUS_ERROR)
			return xml_error(x, err);
		if (st == XML_STATUS_SUSPENDED)
			return 1;
	}
	return 0;
}

/* part_parse parses a small part whole. */
static int
part_parse(struct xlsx *x, const char *name, enum part what, int required,
    struct buf *err)
{
	int rc = part_begin(x, name, what, BOOK_PART_MAX, required, err);

	if (rc == 0)
		rc = part_feed(x, err) < 0 ? -1 : 0;
	part_end(x);
	return rc;
}

/* ---- handlers ---- */

static void
start_workbook(struct xlsx *x, const char *el, const char **a)
{
	const char *v;

	if (strcmp(el, "workbookPr") == 0) {
		v = attr(a, "date1904");
		x->date1904 = v != NULL && (strcmp(v, "1") == 0 ||
		    strcmp(v, "true") == 0);
	} else if (strcmp(el, "sheet") == 0) {
		const char *name = attr(a, "name"), *rid = attr(a, "id");
		struct sheet *s;

		if (name == NULL || rid == NULL) {
			stop(x, "has a sheet without a name or an id");
			return;
		}
		x->sheet = xrealloc(x->sheet, (x->nsheets + 1) *
		    sizeof *x->sheet);
		s = &x->sheet[x->nsheets++];
		memset(s, 0, sizeof *s);
		{
			/* Names in NFC, as every text in the stream: --sheet
			 * and FILE:SHEET then match however it was typed. */
			struct buf nfc = { 0 };
			size_t bad;

			if (text_utf8_check(name, strlen(name), &bad) == 0)
				text_nfc(&nfc, name, strlen(name));
			else
				buf_adds(&nfc, name);
			buf_add(&nfc, "", 0);
			s->name = nfc.p;
		}
		s->rid = xstrdup(rid);
	}
}

static void
start_rels(struct xlsx *x, const char *el, const char **a)
{
	const char *id = attr(a, "Id"), *target = attr(a, "Target");
	const char *type = attr(a, "Type");
	size_t i;

	if (strcmp(el, "Relationship") != 0 || id == NULL || target == NULL)
		return;
	for (i = 0; i < x->nsheets; i++) {
		struct sheet *s = &x->sheet[i];
		struct buf b = { 0 };
		const char *t = target;

		if (strcmp(s->rid, id) != 0 || s->part != NULL)
			continue;
		/* Targets are relative to xl/, or absolute in the zip. */
		if (*t == '/')
			buf_adds(&b, t + 1);
		else {
			while (strncmp(t, "./", 2) == 0)
				t += 2;
			buf_printf(&b, "xl/%s", t);
		}
		s->part = b.p;
		s->chart = type != NULL && (strlen(type) < 10 ||
		    strcmp(type + strlen(type) - 10, "/worksheet") != 0);
	}
}

static void
start_styles(struct xlsx *x, const char *el, const char **a)
{
	unsigned long id;

	if (strcmp(el, "numFmt") == 0) {
		const char *code = attr(a, "formatCode");

		if (parse_uint(attr(a, "numFmtId"), &id) != 0 || code == NULL ||
		    id > UINT_MAX)
			return;
		x->nf = xrealloc(x->nf, (x->nnf + 1) * sizeof *x->nf);
		x->nf[x->nnf].id = (unsigned)id;
		x->nf[x->nnf++].code = xstrdup(code);
	} else if (strcmp(el, "cellXfs") == 0)
		x->in_cellxfs = 1;
	else if (strcmp(el, "xf") == 0 && x->in_cellxfs) {
		if (parse_uint(attr(a, "numFmtId"), &id) != 0 || id > UINT_MAX)
			id = 0;
		if (x->nxf == x->xfcap) {
			x->xfcap = x->xfcap ? 2 * x->xfcap : 64;
			x->xfid = xrealloc(x->xfid, x->xfcap * sizeof *x->xfid);
		}
		x->xfid[x->nxf++] = (unsigned)id;
	}
}

/* The elements of a worksheet that matter, told apart cheaply: this runs
 * for every tag of every cell. */
enum { E_OTHER, E_ROW, E_C, E_V, E_IS, E_T };

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
		return strcmp(el, "row") == 0 ? E_ROW : E_OTHER;
	default:
		return E_OTHER;
	}
}

static void
start_sheet(struct xlsx *x, const char *el, const char **a)
{
	unsigned long v;
	const char *s;
	int e = sheet_el(el);

	if (e == E_ROW) {
		/* The sheet's own number, as given, even out of order. */
		if (parse_uint(attr(a, "r"), &v) == 0 && v > 0)
			x->row = v;
		else
			x->row++;
		x->col = 0;
		book_rowbuf_reset(&x->rb);
	} else if (e == E_C) {
		const char *r = NULL, *t = NULL, *st = NULL;
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
		if ((s = r) != NULL && (c = cell_col(s)) < 0) {
			stop(x, c == -2 ? "has a cell reference past column "
			    "XFD" : "has a malformed cell reference");
			return;
		}
		x->ccol = c >= 0 ? (size_t)c : x->col;
		if (x->ccol >= BOOK_COLS_MAX) {
			stop(x, "has a row wider than 16384 columns");
			return;
		}
		x->col = x->ccol + 1;
		s = t;
		x->ctype = s == NULL || strcmp(s, "n") == 0 ? 'n' :
		    strcmp(s, "s") == 0 ? 's' : strcmp(s, "b") == 0 ? 'b' :
		    strcmp(s, "e") == 0 ? 'e' : strcmp(s, "inlineStr") == 0 ?
		    'i' : strcmp(s, "d") == 0 ? 'd' : 'f';	/* "str" */
		/* A style past the table (or past 32 bits) has no format. */
		x->cstyle = parse_uint(st, &v) == 0 && v <= UINT_MAX ?
		    (unsigned)v : UINT_MAX;
		buf_reset(&x->text);
	} else if (e == E_V) {
		x->in_text = x->ctype != 'i';
		buf_reset(&x->text);	/* a second <v>: the last one counts */
	}
	else if (e == E_IS)
		x->in_is = 1;
	else if (e == E_T && x->in_is)
		x->in_text = 1;
}

static void XMLCALL
on_start(void *u, const char *name, const char **a)
{
	struct xlsx *x = u;
	const char *el = local(name);

	if (x->depth_skip > 0 || (el[0] == 'r' && strcmp(el, "rPh") == 0)) {
		x->depth_skip++;
		return;
	}
	switch (x->what) {
	case P_WORKBOOK:
		start_workbook(x, el, a);
		break;
	case P_RELS:
		start_rels(x, el, a);
		break;
	case P_STYLES:
		start_styles(x, el, a);
		break;
	case P_SST:
		if (strcmp(el, "si") == 0) {
			x->in_si = 1;
			buf_reset(&x->text);
		} else if (strcmp(el, "t") == 0 && x->in_si)
			x->in_text = 1;
		break;
	case P_SHEET:
		start_sheet(x, el, a);
		break;
	}
}

static void
sst_add(struct xlsx *x)
{
	/* One offset more than strings: string i ends where i + 1 begins. */
	if (x->nsst + 1 >= x->sstcap) {
		x->sstcap = x->sstcap ? 2 * x->sstcap : 1024;
		x->sstoff = xrealloc(x->sstoff, x->sstcap * sizeof *x->sstoff);
	}
	if (x->nsst == 0)
		x->sstoff[0] = 0;
	unescape_x(&x->sst, x->text.p ? x->text.p : "", x->text.len);
	buf_addc(&x->sst, '\0');
	x->sstoff[++x->nsst] = x->sst.len;
}

/* end_cell turns the cell just read into text in the row. */
static void
end_cell(struct xlsx *x)
{
	struct buf *t = &x->text, *v = &x->val;
	const char *s = t->p != NULL ? t->p : "";
	size_t sn = t->len;
	unsigned long i;
	double d;
	char *end;
	int kind = BOOK_TEXT, fmt;

	buf_reset(v);
	/* A value's XML may be pretty-printed around it; a string's white
	 * space is its own. */
	if (x->ctype != 'i' && x->ctype != 'f') {
		while (sn > 0 && (*s == ' ' || *s == '\t' || *s == '\n' ||
		    *s == '\r')) {
			s++;
			sn--;
		}
		while (sn > 0 && (s[sn - 1] == ' ' || s[sn - 1] == '\t' ||
		    s[sn - 1] == '\n' || s[sn - 1] == '\r'))
			sn--;
		if (sn == 0)
			return;		/* no value: an empty cell */
		((char *)s)[sn] = '\0';
	}
	switch (x->ctype) {
	case 's':
		if (parse_uint(s, &i) != 0 || i >= x->nsst) {
			stop(x, "has a cell that names no shared string");
			return;
		}
		/* The shared string straight into the row: no copy between. */
		if (x->sstoff[i + 1] - x->sstoff[i] > 1)
			book_rowbuf_set(&x->rb, x->ccol, BOOK_TEXT, x->sst.p +
			    x->sstoff[i], x->sstoff[i + 1] - x->sstoff[i] - 1);
		return;
	case 'b':
		if (strcmp(s, "1") == 0 || strcmp(s, "true") == 0)
			buf_adds(v, "TRUE");
		else if (strcmp(s, "0") == 0 || strcmp(s, "false") == 0)
			buf_adds(v, "FALSE");
		else {
			stop(x, "has a boolean cell that is neither 1 nor 0");
			return;
		}
		kind = BOOK_BOOL;
		break;
	case 'e':
		buf_adds(v, s);
		kind = BOOK_ERROR;
		break;
	case 'd':
		/* An ISO 8601 date, with a time of day or not. */
		buf_add(v, s, sn > 10 && strcmp(s + 10, "T00:00:00") == 0 ?
		    10 : sn);
		kind = BOOK_DATE;
		break;
	case 'n':
		fmt = x->cstyle < x->nxf ? x->xf[x->cstyle] : CELL_FMT_NUMBER;
		/* A number as typed is a number already (is_typed accepts
		 * nothing strtod would not): the common case, kept as is. */
		if (fmt == CELL_FMT_NUMBER && is_typed(s, sn)) {
			book_rowbuf_set(&x->rb, x->ccol, BOOK_NUMBER, s, sn);
			return;
		}
		d = strtod(s, &end);
		if (*end != '\0' || end == s) {
			stop(x, "has a number cell that is not a number");
			return;
		}
		kind = BOOK_NUMBER;
		if (fmt == CELL_FMT_ELAPSED && cell_elapsed(v, d) == 0)
			kind = BOOK_DATE;
		else if (fmt != CELL_FMT_NUMBER && fmt != CELL_FMT_ELAPSED &&
		    cell_date(v, d, x->date1904 ? CELL_1904 : CELL_1900,
		    fmt == CELL_FMT_TIME) == 0)
			kind = BOOK_DATE;
		else if (cell_number(v, d) != 0) {
			stop(x, "has a number cell that is not finite");
			return;
		}
		break;
	default:		/* inline or formula strings */
		unescape_x(v, s, t->len);
		break;
	}
	if (v->len > 0)
		book_rowbuf_set(&x->rb, x->ccol, kind, v->p, v->len);
}

static void XMLCALL
on_end(void *u, const char *name)
{
	struct xlsx *x = u;
	const char *el = local(name);

	if (x->depth_skip > 0) {
		x->depth_skip--;
		return;
	}
	if ((el[0] == 't' || el[0] == 'v') && el[1] == '\0')
		x->in_text = 0;
	switch (x->what) {
	case P_STYLES:
		if (strcmp(el, "cellXfs") == 0)
			x->in_cellxfs = 0;
		break;
	case P_SST:
		if (strcmp(el, "si") == 0) {
			sst_add(x);
			x->in_si = 0;
		}
		break;
	case P_SHEET:
		switch (sheet_el(el)) {
		case E_IS:
			x->in_is = 0;
			break;
		case E_C:
			end_cell(x);
			break;
		case E_ROW:
			if (x->rb.n == 0)
				break;
			x->ready = 1;
			XML_StopParser(x->p, XML_TRUE);
			break;
		}
		break;
	default:
		break;
	}
}

static void XMLCALL
on_text(void *u, const char *s, int n)
{
	struct xlsx *x = u;

	if (!x->in_text || x->depth_skip > 0)
		return;
	if (x->text.len + (size_t)n > BOOK_CELL_MAX) {
		stop(x, "has a cell of more than 1 MiB of text");
		return;
	}
	buf_add(&x->text, s, (size_t)n);
}

/* ---- the book ---- */

static void
resolve_formats(struct xlsx *x)
{
	size_t i, k;

	x->xf = xcalloc(x->nxf ? x->nxf : 1, 1);
	for (i = 0; i < x->nxf; i++) {
		int fmt = cell_builtin_fmt(x->xfid[i]);

		for (k = 0; k < x->nnf; k++)
			if (x->nf[k].id == x->xfid[i])
				fmt = cell_code_fmt(x->nf[k].code);
		x->xf[i] = (unsigned char)fmt;
	}
}

struct xlsx *
xlsx_open(const char *path, struct buf *err)
{
	struct xlsx *x;
	int ze = 0;
	zip_error_t e;

	x = xcalloc(1, sizeof *x);
	if ((x->z = zip_open(path, ZIP_RDONLY | ZIP_CHECKCONS, &ze)) == NULL) {
		zip_error_init_with_code(&e, ze);
		buf_printf(err, "a truncated or corrupt zip archive: %s",
		    zip_error_strerror(&e));
		zip_error_fini(&e);
		free(x);
		return NULL;
	}
	if (zip_name_locate(x->z, "xl/workbook.xml", ZIP_FL_NOCASE) < 0) {
		buf_adds(err, "a zip archive, but not an Excel workbook (no "
		    "xl/workbook.xml)");
		xlsx_close(x);
		return NULL;
	}
	if (part_parse(x, "xl/workbook.xml", P_WORKBOOK, 1, err) != 0 ||
	    part_parse(x, "xl/_rels/workbook.xml.rels", P_RELS, 1, err) != 0 ||
	    part_parse(x, "xl/styles.xml", P_STYLES, 0, err) < 0 ||
	    part_parse(x, "xl/sharedStrings.xml", P_SST, 0, err) < 0) {
		xlsx_close(x);
		return NULL;
	}
	if (x->nsheets == 0) {
		buf_adds(err, "not a complete workbook: it lists no sheet");
		xlsx_close(x);
		return NULL;
	}
	resolve_formats(x);
	return x;
}

size_t
xlsx_nsheets(const struct xlsx *x)
{
	return x->nsheets;
}

const char *
xlsx_sheet_name(const struct xlsx *x, size_t i)
{
	return x->sheet[i].name;
}

int
xlsx_select(struct xlsx *x, size_t i, int peek, struct buf *err)
{
	int rc;

	struct sheet *s = &x->sheet[i];

	if (s->part == NULL) {
		buf_adds(err, "not a complete workbook: the sheet has no part");
		return -1;
	}
	if (s->chart) {
		buf_adds(err, "a chart, not a worksheet");
		return BOOK_NOT_SHEET;
	}
	x->row = 0;
	book_rowbuf_reset(&x->rb);
	rc = part_begin(x, s->part, P_SHEET, peek ? BOOK_PEEK_MAX :
	    BOOK_SHEET_MAX, 1, err);
	x->peek = peek;
	return rc;
}

int
xlsx_next(struct xlsx *x, struct book_row *row, struct buf *err)
{
	int rc;

	if (x->p == NULL)
		return 0;
	if ((rc = part_feed(x, err)) <= 0) {
		part_end(x);
		return rc;
	}
	book_rowbuf_row(&x->rb, row, x->row);
	return 1;
}

unsigned long
xlsx_row_num(const struct xlsx *x)
{
	return x->row;
}

void
xlsx_close(struct xlsx *x)
{
	size_t i;

	if (x == NULL)
		return;
	part_end(x);
	if (x->z != NULL)
		zip_discard(x->z);
	for (i = 0; i < x->nsheets; i++) {
		free(x->sheet[i].name);
		free(x->sheet[i].rid);
		free(x->sheet[i].part);
	}
	free(x->sheet);
	for (i = 0; i < x->nnf; i++)
		free(x->nf[i].code);
	free(x->nf);
	free(x->xf);
	free(x->xfid);
	free(x->sstoff);
	buf_free(&x->sst);
	buf_free(&x->why);
	buf_free(&x->text);
	buf_free(&x->val);
	book_rowbuf_free(&x->rb);
	free(x);
}
