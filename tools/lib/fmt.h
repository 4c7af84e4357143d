/* fmt — numbers of the stream shown the way a reader expects them.
 *
 * The stream writes numbers with "." as the decimal point and no grouping
 * (luong-stream(5)).  A report shows them in a locale's form: "27,92" and
 * "1.234" in Vietnamese, "27.92" and "1,234" in English.  Formatting never
 * rounds: it changes the marks, adds grouping and pads the fraction with
 * zeros, so the value shown is the value in the stream.  */
#ifndef LUONG_FMT_H
#define LUONG_FMT_H

#include <stddef.h>

#include "buf.h"

/* The marks of a locale; both are borrowed strings (UTF-8, any length). */
struct fmt_locale {
	const char	*decimal;	/* "," */
	const char	*group;		/* "." */
};

enum {
	FMT_GROUP = 1 << 0,	/* group the integer digits in threes */
	FMT_PLUS  = 1 << 1	/* "+" before a positive non-zero value */
};

/* fmt_decimals returns the number of digits after the point when s[0..n)
 * is a stream number ("-"? digits, then optionally "." and digits), and -1
 * for anything else (empty, "+1", "1e3", "27,92", " 1"). */
int fmt_decimals(const char *s, size_t n);

/* fmt_num appends the stream number s[0..n) to out in loc's form, with at
 * least places digits after the mark (zeros added, never removed) and the
 * flags above.  A negative zero ("-0.00") loses its sign.  Returns 0, or -1
 * with nothing appended when s is not a stream number. */
int fmt_num(struct buf *out, const char *s, size_t n, int places,
    const struct fmt_locale *loc, unsigned flags);

#endif
