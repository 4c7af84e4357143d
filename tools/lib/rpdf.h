/* rpdf — a report as a PDF to print, sign and send, with cairo and pango.
 *
 * A4 landscape, in the form of Nghị định 30/2020/NĐ-CP: on the first page
 * the issuing body top left (its parent above it, the body itself in bold
 * with a short rule under it), the national title and motto top right
 * (the motto bold and underlined), the place-and-date line in italics
 * under them, then the report's title.  Then each table of the report
 * (a level), its rows in the report's order (the stream's, or the
 * ranking's with --sort rank), with its header rows repeated on every
 * page it runs over and the total row set apart (bold, shaded, a heavier
 * rule above), the ranking rule in italics under it, and after it a bar
 * chart per indicator, as the HTML page draws them: a bar per
 * district, its target marked, met bars solid and missed ones hatched, a
 * district not reported named with the words instead of a bar.  "Trang
 * 1/2" in every page's footer: the document is laid out twice, the first
 * time only to count its pages.  With coverage (report.h), the note on
 * the schools above a level's table and the words of a row not reported
 * across its values, as in every other format.
 *
 * The text is a serif face that covers Vietnamese, Liberation Serif
 * (metric-compatible with Times New Roman; Debian fonts-liberation2),
 * else what fontconfig finds for Times New Roman or serif, embedded as a
 * subset: pdftotext gives the text back.  A table is set at 12 points;
 * smaller, down to 7, when it is too wide for the page, beyond which its
 * columns are split into several tables, the first columns (STT, the
 * district) repeated in each; smaller, down to 10, when that keeps it
 * whole on the page where it starts.  A long header wraps in its cell. A
 * chart stays whole on a page when it fits on one.
 *
 * Same input, same bytes: the document's creation and modification
 * dates are when (cairo 1.16 would write the current time; it writes a
 * date it is given without the "D:" prefix, which readers accept), and
 * nothing else in the file depends on the time or the run (the font
 * subsets' tags come from the glyphs they hold).
 *
 * The report and labels are borrowed; the whole document is built in
 * memory (tens of kilobytes a page) and appended to the caller's
 * buffer.  The fonts pango and cairo load are released before
 * rpdf_write returns (fontconfig shut down with FcFini), so that a leak
 * checker sees only real leaks.  */
#ifndef LUONG_RPDF_H
#define LUONG_RPDF_H

#include <stddef.h>
#include <time.h>

#include "buf.h"
#include "fmt.h"

struct labels;
struct report;

/* The header block: the issuing body's lines, top to bottom (the parent
 * body first, the issuing body last), the place, and the document's
 * date (a day of the Gregorian calendar). */
struct rpdf_head {
	const char *const *issuer;
	size_t		 nissuer;
	const char	*place;
	int		 year, month, day;
};

/* What made rpdf_write fail: the input row to blame, file (the report's,
 * borrowed) and line — file NULL when no row is — and the message,
 * owned (buf_free it). */
struct rpdf_error {
	const char	*file;
	unsigned long	 line;
	struct buf	 msg;
};

/* rpdf_write appends the document to out; when is the time it was made
 * (SOURCE_DATE_EPOCH or now), its metadata's dates.  Returns 0, or -1
 * with e set and out as it was: a row taller than a page ("a row too
 * tall for a page: 40 lines in column 2"), or cairo's reason.  Nothing
 * is ever cut to fit. */
int rpdf_write(struct buf *out, const struct report *rep,
    const struct labels *l, const struct fmt_locale *loc,
    const struct rpdf_head *h, time_t when, struct rpdf_error *e);

#endif
