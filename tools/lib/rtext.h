/* rtext — a report as text: an aligned terminal table, Markdown, CSV, TSV.
 *
 * Every writer appends to a caller's buffer; nothing is written to a file
 * here.  The report and labels are borrowed.  */
#ifndef LUONG_RTEXT_H
#define LUONG_RTEXT_H

#include "buf.h"
#include "fmt.h"

struct labels;
struct report;

/* With coverage (report.h), the table and Markdown put the note on the
 * schools above a level's table and the words of a row not reported in
 * place of its values; CSV and TSV stay data (the schools as two numbers,
 * the row's cells as they are).
 *
 * rtext_table: columns aligned by display width (text_width: combining
 * marks 0, wide characters 2), numbers right-aligned, long headers wrapped;
 * box: Unicode box drawing instead of spaces and dashes.  Control
 * characters in cells are shown as U+FFFD (TAB, LF, CR as a space), so no
 * cell can move the cursor or change the terminal. */
void rtext_table(struct buf *out, const struct report *rep,
    const struct labels *l, const struct fmt_locale *loc, int box);

/* rtext_md: GitHub-flavoured Markdown tables, Markdown punctuation in
 * cells escaped with a backslash. */
void rtext_md(struct buf *out, const struct report *rep,
    const struct labels *l, const struct fmt_locale *loc);

/* rtext_csv: one RFC 4180 table (CRLF line ends), text cells neutralised
 * (csvw); tables of several levels become one, the level in a first
 * column.  rtext_tsv: the same, TAB-separated, LF line ends, fields in the
 * stream's escaped form. */
void rtext_csv(struct buf *out, const struct report *rep,
    const struct labels *l, const struct fmt_locale *loc);
void rtext_tsv(struct buf *out, const struct report *rep,
    const struct labels *l, const struct fmt_locale *loc);

/* rtext_line appends s[0..n) fit for one line of text shown to a reader
 * (a terminal, a PDF): TAB, LF and CR as a space, other controls as
 * U+FFFD, a bidirectional control by its name ("<U+202E>"), never
 * obeyed. */
void rtext_line(struct buf *out, const char *s, size_t n);

#endif
