/* period — school years, the period a school-level export reports on.
 *
 * A school year runs from September to the next summer and is written
 * "2022-2023".  Exports spell it many ways: "2022 - 2023" (the bundled
 * samples), "2022–2023" and "2022—2023" (en and em dash, from a word
 * processor), "2022/2023", "2022-23", "Năm học 2022-2023" is not one of
 * them (a title, not a value).  They are one year; the stream writes the
 * first form.
 *
 * As dates, the year Y-(Y+1) is the interval [Y-09-01, (Y+1)-09-01):
 * from the first of September, the end exclusive (luong-registry(5)).
 * A date is written as ISO 8601 writes a day, "2022-09-01", so that dates
 * compare as strings.  */
#ifndef LUONG_PERIOD_H
#define LUONG_PERIOD_H

#include <stddef.h>
#include <time.h>

#include "buf.h"

/* period_parse reads a school year from s[0..n), spaces around it and
 * around its separator allowed.  The two years must follow each other
 * (2022-2024 is not a school year), between 1900 and 9998.  Returns 0
 * and sets *first to the first year, or -1. */
int period_parse(const char *s, size_t n, int *first);

/* period_format appends "Y-(Y+1)" to b. */
void period_format(struct buf *b, int first);

/* period_dates writes the year's first day and the first day after it,
 * "YYYY-MM-DD" with a NUL, into from and to (11 bytes each). */
void period_dates(int first, char from[11], char to[11]);

/* period_date checks that s[0..n) is an ISO date, "YYYY-MM-DD", of the
 * Gregorian calendar (validity dates: the gazetteer's, the registry's).
 * Returns 0; -1 when it is not of that form; -2 when it is of that form
 * but no such day exists ("2023-02-29", "2023-13-01"). */
int period_date(const char *s, size_t n);

/* period_vietnam breaks the time t down as a clock in Vietnam shows it
 * (Asia/Ho_Chi_Minh: UTC+7, no summer time, since 1975), whatever TZ
 * says, so that a report made at 23:30 UTC bears the next day's date.
 * Returns 0, or -1 when t cannot be broken down. */
int period_vietnam(time_t t, struct tm *tm);

#endif
