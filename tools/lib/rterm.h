/* rterm — a report as the table a terminal shows: columns aligned by
 * display width (text_width: combining marks 0, wide characters 2),
 * numbers right-aligned, long headers wrapped; box drawing or spaces and
 * dashes.  Control characters in cells are shown as U+FFFD (TAB, LF, CR
 * as a space), so no cell can move the cursor or change the terminal.
 * With coverage (report.h), the note on the schools above a level's
 * table and the words of a row not reported in place of its values; the
 * ranking rule under a table that has one; the legend of the indicators
 * last.
 *
 * Narrowed to a width: when a table is wider, the gap columns go first,
 * then the target columns (each indicator keeps its value and its
 * đạt/không đạt), then the headers are abbreviated (the labels'
 * abbreviations; the appendix's indicators by their short names, in the
 * legend) and wrap at their columns; a table still too wide is split
 * into several, each with the STT and district columns.  One line above
 * the tables says what was done.  Every prose line (title, note, rule,
 * legend) wraps at the width too.  The writer appends to a caller's
 * buffer; the report and labels are borrowed. */
#ifndef LUONG_RTERM_H
#define LUONG_RTERM_H

#include <stddef.h>

#include "buf.h"
#include "fmt.h"

struct labels;
struct report;

/* rterm_table appends rep's tables; box: Unicode box drawing; width: the
 * terminal's columns, every line at most that wide (a single word wider
 * than it is broken), or 0 for no limit. */
void rterm_table(struct buf *out, const struct report *rep,
    const struct labels *l, const struct fmt_locale *loc, int box,
    size_t width);

#endif
