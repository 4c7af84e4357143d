/* sheet — an OOXML worksheet's XML read into rows, for xlsx (xlsx.h):
 * expat's handlers for the sheet, rows kept in batches, and a parse on
 * both cores of a large sheet.  Only xlsx.c calls these.
 *
 * A sheet is parsed as it is inflated.  Its first bytes, and every sheet
 * read for a peek, go through one parser in the caller's thread, a
 * chunk at a time.  Past SHEET_SOLO bytes, on a machine of two cores or
 * more, the rest is read by a thread of its own, cut into segments that
 * end with a row's end tag, and the segments are parsed by two more
 * threads, each as the continuation of the element context the sheet
 * had where the parallel read began; the caller takes a segment's rows
 * only when the parse before it ended exactly at that cut, in that
 * context, with nothing read from before the cut.  Otherwise (a cut
 * inside a comment, a malformed row, any error) the segment and the rest
 * are parsed in order by the parser that read up to the cut, so rows,
 * messages and line numbers are those of one parser over the whole sheet.
 *
 * Memory: a few segments (SHEET_SEG bytes each, at most SHEET_AHEAD read
 * ahead), their rows, a parser each, and the widest row and the longest
 * cell (BOOK_CELL_MAX); never the rows of the sheet. */
#ifndef LUONG_SHEET_H
#define LUONG_SHEET_H

#include <stddef.h>

#include <expat.h>

#include "buf.h"

struct book_row;
struct sheet;

/* What a worksheet's cells are read against, the book's, unchanged while
 * a sheet is read. */
struct sheet_book {
	const char		*sst;		/* shared strings, NUL-ended */
	const size_t		*sstoff;	/* nsst + 1 offsets in sst */
	size_t			 nsst;
	const unsigned char	*xf;		/* enum cell_fmt per style */
	size_t			 nxf;
	int			 date1904;
};

/* sheet_read_fn fills b with up to n bytes of the sheet's XML: returns how
 * many (0 at its end), -1 with a message in err, -2 for an end without
 * one (a peek's limit).  Called from one thread at a time, not always
 * the one that made the sheet. */
typedef long long (*sheet_read_fn)(void *arg, char *b, size_t n,
    struct buf *err);

/* sheet_new starts reading a worksheet named pname (in messages) from
 * read(arg): peek reads it in the caller's thread only. */
struct sheet *sheet_new(const struct sheet_book *bk, const char *pname,
    sheet_read_fn read, void *arg, int peek);

/* sheet_next hands out the next row with a value, as book_next does: 1,
 * 0 at the end, -1 with a message in err (and the sheet ended). */
int sheet_next(struct sheet *sh, struct book_row *row, struct buf *err);

/* sheet_row_num is the number of the row last read (at an error, the row
 * being read). */
unsigned long sheet_row_num(const struct sheet *sh);

/* sheet_free stops the sheet's threads and frees it; NULL is a no-op. */
void sheet_free(struct sheet *sh);

/* The head of every part's handlers' state (its first member, so that a
 * handler's user data is one): the parser, and why a handler stopped it. */
struct sheet_part {
	XML_Parser	 p;
	struct buf	 why;
	int		 stopped;
};

/* sheet_stop stops the parse for why (the first reason kept; NULL: none
 * to tell).  sheet_guard has p refuse a document type declaration and
 * an entity declaration (SHEET_WHY_DOCTYPE, SHEET_WHY_ENTITY), its user
 * data a struct sheet_part first. */
void sheet_stop(struct sheet_part *sp, const char *why);
void sheet_guard(XML_Parser p);

/* Why a part is refused, in any part. */
#define SHEET_WHY_DOCTYPE "has a document type declaration (refused: no " \
    "entity is expanded)"
#define SHEET_WHY_ENTITY "declares an entity (refused)"
#define SHEET_WHY_CELL "has a cell of more than 1 MiB of text"

/* Helpers xlsx.c shares: a name's local part ("row" of "x:row"); a
 * decimal without sign, whole (-1 if not, or too large); OOXML's _xHHHH_
 * escapes decoded while s[0..n) is appended to b. */
const char *sheet_local(const char *name);
/* sheet_collect appends p[0..n) to a cell's text: -1 past BOOK_CELL_MAX
 * (then SHEET_WHY_CELL). */
int sheet_collect(struct buf *text, const char *p, int n);
/* sheet_xml_error says why parsing the part pname with p stopped: a
 * handler's reason, else expat's error at its line (lineoff lines
 * before the parser's first). */
void sheet_xml_error(struct buf *err, const char *pname, XML_Parser p,
    const struct buf *why, unsigned long lineoff);
int sheet_uint(const char *s, unsigned long *v);
void sheet_unescape(struct buf *b, const char *s, size_t n);

#endif
