/* xlsx — OOXML workbooks for book: see xlsx.h and book.h.
 *
 * Every part is parsed by expat, element names taken without their
 * prefix, so a document that prefixes its elements ("x:row") reads like
 * one that does not.  The small parts (workbook, relationships, styles,
 * shared strings) are parsed whole when the book opens; a worksheet is
 * parsed as it is inflated, by sheet.c, a few rows at a time, while the
 * rest of the sheet is still in the zip.  */
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
#include "sheet.h"
#include "text.h"
#include "xlsx.h"

#define CHUNK	65536

struct bsheet {
	char	*name;
	char	*rid;
	char	*part;		/* the zip entry; NULL: not found */
	int	 chart;		/* a chart sheet, or another non-worksheet */
};

/* What a part's handlers are reading. */
enum part { P_WORKBOOK, P_RELS, P_STYLES, P_SST };

struct xlsx {
	struct sheet_part part;		/* the small part being parsed */
	zip_t		*z;
	struct bsheet	*sheet;
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
	zip_file_t	*zf;
	const char	*pname;
	unsigned long long inflated, max;
	unsigned long long total;	/* inflated, every part so far */
	int		 peek;		/* max ends the part, quietly */
	int		 depth_skip;	/* inside rPh (phonetic runs) */
	int		 in_text;	/* collecting <t> text */
	int		 in_cellxfs, in_si;
	struct buf	 text;
	/* The worksheet being read, and what its cells need of the book. */
	struct sheet	*sh;
	struct sheet_book bk;
};

static const char *
attr(const char **a, const char *name)
{
	for (; a[0] != NULL; a += 2)
		if (strcmp(sheet_local(a[0]), name) == 0)
			return a[1];
	return NULL;
}

static void
stop(struct xlsx *x, const char *why)
{
	sheet_stop(&x->part, why);
}

/* ---- feeding a part to its parser ---- */

static void XMLCALL on_start(void *, const char *, const char **);
static void XMLCALL on_end(void *, const char *);
static void XMLCALL on_text(void *, const char *, int);

static void
part_end(struct xlsx *x)
{
	/* The sheet's threads read the zip: they stop first. */
	sheet_free(x->sh);
	x->sh = NULL;
	if (x->part.p != NULL)
		XML_ParserFree(x->part.p);
	x->part.p = NULL;
	if (x->zf != NULL)
		zip_fclose(x->zf);
	x->zf = NULL;
}

/* part_open opens the zip entry name, to be read up to max bytes.
 * Returns 0, 1 when the entry is absent (and not required), -1 with
 * err. */
static int
part_open(struct xlsx *x, const char *name, unsigned long long max,
    int required, struct buf *err)
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
	x->pname = name;
	x->inflated = 0;
	x->max = max;
	x->peek = 0;
	return 0;
}

/* part_begin opens the zip entry name for parsing as what, as part_open
 * does. */
static int
part_begin(struct xlsx *x, const char *name, enum part what,
    unsigned long long max, int required, struct buf *err)
{
	int rc;

	if ((rc = part_open(x, name, max, required, err)) != 0)
		return rc;
	x->part.p = XML_ParserCreate(NULL);
	if (x->part.p == NULL)
		diag_fatal(EXIT_DATA, NULL, 0, "out of memory");
	XML_SetUserData(x->part.p, x);
	XML_SetElementHandler(x->part.p, on_start, on_end);
	XML_SetCharacterDataHandler(x->part.p, on_text);
	sheet_guard(x->part.p);
	x->what = what;
	buf_reset(&x->part.why);
	x->part.stopped = 0;
	x->depth_skip = x->in_text = x->in_cellxfs = x->in_si = 0;
	buf_reset(&x->text);
	return 0;
}

/* part_read reads up to n bytes of the open part into b, within the
 * limits (a sheet_read_fn): the count, 0 at its end, -1 with err, -2
 * past a peek's limit. */
static long long
part_read(void *arg, char *b, size_t n, struct buf *err)
{
	struct xlsx *x = arg;
	zip_int64_t k;

	if ((k = zip_fread(x->zf, b, n)) < 0) {
		buf_printf(err, "%s: corrupt data: %s", x->pname,
		    zip_file_strerror(x->zf));
		return -1;
	}
	x->inflated += (unsigned long long)k;
	x->total += (unsigned long long)k;
	if (x->inflated > x->max && x->peek)
		return -2;	/* no header this far: enough */
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
	return k;
}

/* part_feed parses the part to its end: 0, or -1 with err. */
static int
part_feed(struct xlsx *x, struct buf *err)
{
	long long n;
	void *b;

	do {
		if ((b = XML_GetBuffer(x->part.p, CHUNK)) == NULL)
			diag_fatal(EXIT_DATA, NULL, 0, "out of memory");
		if ((n = part_read(x, b, CHUNK, err)) < 0)
			return -1;
		if (XML_ParseBuffer(x->part.p, (int)n, n == 0) == XML_STATUS_ERROR) {
			sheet_xml_error(err, x->pname, x->part.p, &x->part.why, 0);
			return -1;
		}
	} while (n > 0);
	return 0;
}

/* part_parse parses a small part whole. */
static int
part_parse(struct xlsx *x, const char *name, enum part what, int required,
    struct buf *err)
{
	int rc = part_begin(x, name, what, BOOK_PART_MAX, required, err);

	if (rc == 0)
		rc = part_feed(x, err);
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
		struct bsheet *s;

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
		struct bsheet *s = &x->sheet[i];
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

		if (sheet_uint(attr(a, "numFmtId"), &id) != 0 || code == NULL ||
		    id > UINT_MAX)
			return;
		x->nf = xrealloc(x->nf, (x->nnf + 1) * sizeof *x->nf);
		x->nf[x->nnf].id = (unsigned)id;
		x->nf[x->nnf++].code = xstrdup(code);
	} else if (strcmp(el, "cellXfs") == 0)
		x->in_cellxfs = 1;
	else if (strcmp(el, "xf") == 0 && x->in_cellxfs) {
		if (sheet_uint(attr(a, "numFmtId"), &id) != 0 || id > UINT_MAX)
			id = 0;
		if (x->nxf == x->xfcap) {
			x->xfcap = x->xfcap ? 2 * x->xfcap : 64;
			x->xfid = xrealloc(x->xfid, x->xfcap * sizeof *x->xfid);
		}
		x->xfid[x->nxf++] = (unsigned)id;
	}
}

static void XMLCALL
on_start(void *u, const char *name, const char **a)
{
	struct xlsx *x = u;
	const char *el = sheet_local(name);

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
	sheet_unescape(&x->sst, x->text.p ? x->text.p : "", x->text.len);
	buf_addc(&x->sst, '\0');
	x->sstoff[++x->nsst] = x->sst.len;
}

static void XMLCALL
on_end(void *u, const char *name)
{
	struct xlsx *x = u;
	const char *el = sheet_local(name);

	if (x->depth_skip > 0) {
		x->depth_skip--;
		return;
	}
	if (el[0] == 't' && el[1] == '\0')
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
	default:
		break;
	}
}

static void XMLCALL
on_text(void *u, const char *s, int n)
{
	struct xlsx *x = u;

	if (x->in_text && x->depth_skip == 0 &&
	    sheet_collect(&x->text, s, n) != 0)
		stop(x, SHEET_WHY_CELL);
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
	x->bk.sst = x->sst.p;
	x->bk.sstoff = x->sstoff;
	x->bk.nsst = x->nsst;
	x->bk.xf = x->xf;
	x->bk.nxf = x->nxf;
	x->bk.date1904 = x->date1904;
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

	struct bsheet *s = &x->sheet[i];

	if (s->part == NULL) {
		buf_adds(err, "not a complete workbook: the sheet has no part");
		return -1;
	}
	if (s->chart) {
		buf_adds(err, "a chart, not a worksheet");
		return BOOK_NOT_SHEET;
	}
	if ((rc = part_open(x, s->part, peek ? BOOK_PEEK_MAX : BOOK_SHEET_MAX,
	    1, err)) != 0)
		return rc;
	x->peek = peek;
	x->sh = sheet_new(&x->bk, s->part, part_read, x, peek);
	return 0;
}

int
xlsx_next(struct xlsx *x, struct book_row *row, struct buf *err)
{
	return x->sh != NULL ? sheet_next(x->sh, row, err) : 0;
}

unsigned long
xlsx_row_num(const struct xlsx *x)
{
	return x->sh != NULL ? sheet_row_num(x->sh) : 0;
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
	buf_free(&x->part.why);
	buf_free(&x->text);
	free(x);
}
