/* rhtml — a report as one self-contained HTML file: no external style
 * sheet, font, image or script.  The tables come first, then per table a
 * bar chart in inline SVG for every indicator: a bar per district for the
 * actual value, a marker at its target; met bars solid, missed bars
 * hatched (and coloured apart), so the difference survives a black and
 * white print; each chart's axis from 0 to report_axis's end.  Under a
 * table with a rank, its ranking rule.  The style sheet lays the page out
 * for A4 landscape, in one serif family.  With coverage
 * (report.h): the note on the schools above a level's table, one cell of
 * words over the values of a row not reported, and in the charts its
 * name with the words instead of a bar; the style of these only on a
 * page that has them.
 *
 * The file is polyglot: it parses as HTML5 and as well-formed XML (every
 * element closed, every text escaped with html_escape).  */
#ifndef LUONG_RHTML_H
#define LUONG_RHTML_H

#include <time.h>

#include "buf.h"
#include "fmt.h"

struct labels;
struct report;

/* rhtml_write appends the document to out; when is the time the report
 * states it was made (SOURCE_DATE_EPOCH or now): the meta date in UTC,
 * from 0 to 9999-12-31 23:59:59 (a time gmtime_r cannot break down shows
 * as the epoch); the day shown in Vietnam's time (period_vietnam), in the
 * labels' date form. */
void rhtml_write(struct buf *out, const struct report *rep,
    const struct labels *l, const struct fmt_locale *loc, time_t when);

#endif
