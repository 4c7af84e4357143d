/* csvw — cells for files that spreadsheets open: CSV (RFC 4180) and TSV.
 *
 * A spreadsheet evaluates a cell that begins with "=", "+", "-" or "@" as a
 * formula, even in a CSV file ("CSV injection").  Text cells that begin so
 * are neutralised with a leading "'", which spreadsheets show as nothing
 * and which stops the evaluation; numbers are left alone, so "-0,52" stays
 * a number.  A leading TAB or CR is neutralised the same way, since some
 * spreadsheets strip it and then evaluate what follows.  */
#ifndef LUONG_CSVW_H
#define LUONG_CSVW_H

#include <stddef.h>

#include "buf.h"

/* csvw_risky: s[0..n) begins with one of = + - @ TAB CR. */
int csvw_risky(const char *s, size_t n);

/* csvw_cell appends one CSV field: text is 1 for a text cell (neutralised
 * when risky), 0 for a number (never changed).  The field is quoted when it
 * contains sep, '"', CR or LF, or begins or ends with a space; a '"' inside
 * is doubled.  The caller writes the separators and the CRLF line ends. */
void csvw_cell(struct buf *out, const char *s, size_t n, char sep, int text);

/* csvw_tsv_cell appends one TSV field in the stream's escaped form (\t \n
 * \r \\, luong-stream(5)), neutralised like csvw_cell when text is 1. */
void csvw_tsv_cell(struct buf *out, const char *s, size_t n, int text);

#endif
