/* num — numbers as they come in, at ingest.
 *
 * Input is forgiving of Vietnamese habits: "27,92" is 27.92, "1.234" in an
 * integer field is 1234.  The stream itself always uses "." as the decimal
 * point and no grouping (luong-stream(5)); numbers in that form, their
 * exact sums, ratios and formatting are dec's (dec.h).  */
#ifndef LUONG_NUM_H
#define LUONG_NUM_H

#include <stddef.h>

#include "buf.h"

/* num_parse_int parses s[0..n): optional sign, digits, optionally grouped
 * in threes by "." (Vietnamese) — "1.234.567", never "12.34".  Surrounding
 * spaces are not accepted (trim first).  Returns 0 and sets *out; -2 for
 * a whole number written right that long long cannot hold (beyond
 * NUM_INT_MIN_TEXT .. NUM_INT_MAX_TEXT); -1 for anything else. */
int num_parse_int(const char *s, size_t n, long long *out);

/* The range of num_parse_int, as messages write it. */
#define NUM_INT_MIN_TEXT	"-9223372036854775808"
#define NUM_INT_MAX_TEXT	"9223372036854775807"

/* num_parse_dec parses a decimal: optional sign, digits, at most one
 * decimal separator ("." or ","), with grouping when both kinds appear:
 * the last separator is the decimal one ("1.234,5" = "1,234.5" = 1234.5);
 * a separator that repeats is grouping ("1.234.567").  On success it
 * appends the canonical stream form to canon (when not NULL: "." decimal
 * point, no grouping, the digits as written), sets *out (when not NULL)
 * and returns 0; on error returns -1 and leaves canon as it was. */
int num_parse_dec(const char *s, size_t n, struct buf *canon, double *out);

#endif
