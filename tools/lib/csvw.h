/* csvw — cells for files that spreadsheets open: CSV (RFC 4180) and TSV.
 *
 * A spreadsheet evaluates a cell that begins with "=", "+", "-" or "@" as a
 * formula, even in a CSV file ("CSV injection", OWASP's "CSV Injection"
 * page, https://owasp.org/www-community/attacks/CSV_Injection).  Text
 * cells that begin so are neutralised with a leading "'", which
 * spreadsheets show as nothing and which stops the evaluation; numbers
 * are left alone, so "-0,52" stays a number.  Neutralised as well: a
 * leading TAB, CR or LF (OWASP's list: some spreadsheets strip them and
 * evaluate what follows); a formula character after leading white space
 * (" =1+1", which a trimming reader evaluates); the full-width and small
 * forms of the four (＝ ＋ － ＠, ﹦ ﹢ ﹣ ﹫).
 *
 * A reader that splits on ";" (Excel where ";" is the list separator)
 * starts a cell after every ";" of a text, wherever it is, quoted or not:
 * it honours quotes only at a cell's start.  So a ";" that a risky text
 * follows gets a "'" after it too (a visible one, but only in such a
 * text), and a CSV field that holds a ";" is quoted as one with a ","
 * is.  */
#ifndef LUONG_CSVW_H
#define LUONG_CSVW_H

#include <stddef.h>

#include "buf.h"

/* csvw_risky: s[0..n) begins with TAB, CR or LF, or with one of = + - @
 * (or their full-width or small forms) after any blanks (Unicode's white
 * space, such as space, TAB, CR, LF, U+00A0 and U+3000, and U+200B,
 * U+FEFF). */
int csvw_risky(const char *s, size_t n);

/* csvw_cell appends one CSV field: text is 1 for a text cell (neutralised
 * when risky, and after a ';' that a risky text follows), 0 for a number
 * (never changed).  The field is quoted when it contains sep, ',', ';',
 * '"', CR or LF, or begins or ends with a space; a '"' inside is doubled.
 * The caller writes the separators and the CRLF line ends. */
void csvw_cell(struct buf *out, const char *s, size_t n, char sep, int text);

/* csvw_tsv_cell appends one TSV field in the stream's escaped form (\t \n
 * \r \\, luong-stream(5)), neutralised like csvw_cell when text is 1. */
void csvw_tsv_cell(struct buf *out, const char *s, size_t n, int text);

#endif
