/* rtext — a report as text: Markdown, CSV, TSV (the terminal table is
 * rterm's).
 *
 * Every writer appends to a caller's buffer; nothing is written to a file
 * here.  The report and labels are borrowed.  */
#ifndef LUONG_RTEXT_H
#define LUONG_RTEXT_H

#include "buf.h"
#include "fmt.h"

struct labels;
struct report;

/* With coverage (report.h), Markdown puts the note on the schools above
 * a level's table and the words of a row not reported in place of its
 * values; CSV and TSV stay data (the schools as two numbers, the row's
 * cells as they are).  Markdown states the ranking rule under a table
 * that has one; CSV and TSV, data, do not. */

/* rtext_clean appends s[0..n) fit for one line of text shown to a reader
 * (a terminal, a PDF): TAB, LF and CR become a space, other C0 and C1
 * controls and DEL become U+FFFD, and a bidirectional control (U+202E
 * RIGHT-TO-LEFT OVERRIDE, which would turn the rest of the line around:
 * "Trojan Source") is shown by its name, "<U+202E>", never obeyed.
 * out->p is a string after it, even for n 0. */
void rtext_clean(struct buf *out, const char *s, size_t n);

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

#endif
