/* dec — exact decimal numbers in stream form, as scaled integers.
 *
 * A stream decimal (luong-stream(5)) is an optional sign, one or more
 * digits, and optionally "." followed by one or more digits: "27.92",
 * "-0.5", "+100", "007".  No grouping, no exponent, no spaces: locale
 * forms such as "27,92" are num_parse_dec's business, at ingest.
 *
 * Two forms, both exact — no binary floating point anywhere between the
 * text read and the text written:
 *   - a value rounded to p places is the long long round(value * 10^p)
 *     (dec_parse, dec_fmt): sums, differences and comparisons of such
 *     values are exact;
 *   - a struct dec is the value exactly as written, a 128-bit integer and
 *     its number of places (dec_read, dec_add, dec_put, dec_ratio): for
 *     sums of many values with many places, and rates of such sums.  */
#ifndef LUONG_DEC_H
#define LUONG_DEC_H

#include <stddef.h>

#include "buf.h"

enum { DEC_OK = 0, DEC_ESYNTAX = -1, DEC_ERANGE = -2 };

/* The most places dec_parse and dec_fmt take, and a struct dec holds. */
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
 * "0.00", "100.00"; places 0: no point); places outside
 * 0..DEC_MAX_PLACES is taken as the nearer end.  Any 128-bit v, the least
 * included.  Zero is never "-0". */
void dec_fmt(struct buf *b, __int128 v, int places);

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

/* ---- 128-bit decimals, exact as written ----
 * A struct dec is the value m / 10^scale, 0 <= scale <= DEC_MAX_PLACES.
 * m has 128 bits: a sum of values with many places (a spreadsheet's
 * 27.919999999999998) stays exact far beyond what 64 bits would hold at
 * 15 places.  { 0, 0 } is zero.  It is a plain value: nothing to free.  */
struct dec {
	__int128	m;
	int		scale;
};

/* dec_read reads the stream decimal s[0..n) exactly, at its own number of
 * places: "3.50" is { 350, 2 }, "-7" is { -7, 0 }.  Returns DEC_OK;
 * DEC_ESYNTAX when s is not a stream decimal (dec_check); DEC_ERANGE when
 * it has more than DEC_MAX_PLACES places or m does not fit in 128 bits.
 * *d is set only on DEC_OK.  */
int dec_read(const char *s, size_t n, struct dec *d);

/* dec_add adds b to *a exactly, at the larger of their scales.  Returns
 * DEC_OK, or DEC_ERANGE with *a unchanged when the sum (or either operand
 * at that scale) does not fit in 128 bits.  */
int dec_add(struct dec *a, const struct dec *b);

/* dec_put appends d in its shortest stream form, trailing zero places
 * dropped: "3", "3.5", "-0.25"; zero is "0", never "-0".  */
void dec_put(struct buf *b, const struct dec *d);

/* dec_ratio appends 100 * num / den, a percentage, rounded half away from
 * zero to places decimals (as dec_fmt takes places), computed exactly in
 * integers: 1 / 3 at 2 places is "33.33", 1 / 800 is "0.13"; never
 * "-0.00".  When den is zero it appends nothing and returns DEC_OK: a rate
 * of nothing is empty, not 0 or infinity.  Returns DEC_OK, or DEC_ERANGE
 * with nothing appended when 100 * num * 10^places, at the scale num and
 * den share, does not fit in 128 bits.  */
int dec_ratio(struct buf *b, const struct dec *num, const struct dec *den,
    int places);

#endif
