/* dec — exact decimal numbers in stream form, as scaled integers.
 *
 * A stream decimal (luong-stream(5)) is an optional sign, one or more
 * digits, and optionally "." followed by one or more digits: "27.92",
 * "-0.5", "+100", "007".  No grouping, no exponent, no spaces: locale
 * forms such as "27,92" are num_parse_dec's business, at ingest.
 *
 * A value rounded to p places is the integer round(value * 10^p), so
 * sums, differences and comparisons of such values are exact — no binary
 * floating point anywhere between the text read and the text written.  */
#ifndef LUONG_DEC_H
#define LUONG_DEC_H

#include <stddef.h>

#include "buf.h"

enum { DEC_OK = 0, DEC_ESYNTAX = -1, DEC_ERANGE = -2 };

/* The most places dec_parse and dec_fmt accept. */
#define DEC_MAX_PLACES	18

/* dec_check returns 0 when s[0..n) is a stream decimal, else -1. */
int dec_check(const char *s, size_t n);

/* dec_parse reads the stream decimal s[0..n) and rounds it to places
 * (0..DEC_MAX_PLACES) decimals, half away from zero, exactly: *out is
 * round(value * 10^places), never -0.  Digits beyond the first one after
 * the rounding place do not matter ("27.9149999" is 27.91, "27.915" is
 * 27.92), however many there are.  Returns DEC_OK; DEC_ESYNTAX when s is
 * not a stream decimal; DEC_ERANGE when the result does not fit in a long
 * long (|result| <= LLONG_MAX).  *out is set only on DEC_OK.  */
int dec_parse(const char *s, size_t n, int places, long long *out);

/* dec_fmt appends v / 10^places with exactly places decimals ("-0.01",
 * "0.00", "100.00"; places 0: no point).  Zero is never "-0". */
void dec_fmt(struct buf *b, long long v, int places);

/* dec_cmp compares the stream decimals a[0..an) and b[0..bn) exactly,
 * whatever their length or number of places: negative, 0 or positive as
 * a < b, a == b, a > b.  "1.50" equals "1.5", "-0" equals "0" and "007"
 * equals "7".  Both must pass dec_check (the result is unspecified
 * otherwise). */
int dec_cmp(const char *a, size_t an, const char *b, size_t bn);

/* dec_order is a total order on stream values of any kind, for codes,
 * group keys and partitions: stream decimals first, in numeric order
 * (equal numbers, as "10" and "010", by their bytes), then other text in
 * byte order, then the empty (missing) value last.  It returns 0 only for
 * equal bytes. */
int dec_order(const char *a, size_t an, const char *b, size_t bn);

#endif
