/* cell — a spreadsheet cell's value as a person typed it.
 *
 * Spreadsheets store numbers as binary doubles and dates as serial
 * numbers of days; a record stream wants the text a person typed: 80001,
 * not 80001.0 or 8.0001E4; 27.92, never 27.920000000000002; 2023-03-07,
 * not 44992.  */
#ifndef LUONG_CELL_H
#define LUONG_CELL_H

#include "buf.h"

/* cell_number appends d as a stream decimal: an integer-valued d with no
 * point ("80001", "-3", "0"; "-0" is "0"), any other the shortest decimal
 * that reads back to the same double ("27.92", "0.1", "1e-05" written
 * "0.00001"), never an exponent.  Returns 0, or -1 for an infinity or a
 * NaN (nothing is appended). */
int cell_number(struct buf *b, double d);

/* The two date systems of spreadsheets. */
enum cell_dates { CELL_1900 = 0, CELL_1904 = 1 };

/* cell_date appends the serial number d as an ISO date, "2023-03-07",
 * and, when d has a time of day (to the second, rounded), " 10:30:00"
 * after it; with time_only, "10:30:00" alone.  In the 1900 system, serial
 * 1 is 1900-01-01 and serial 60 the 1900-02-29 that Lotus 1-2-3 and Excel
 * count although it never was; in the 1904 system serial 0 is 1904-01-01.
 * Returns 0, or -1 for a serial before the system's first day (1900: less
 * than 1; 1904: negative) or after 9999-12-31 (nothing is appended). */
int cell_date(struct buf *b, double d, enum cell_dates sys, int time_only);

/* How a number format shows a number. */
enum cell_fmt { CELL_FMT_NUMBER, CELL_FMT_DATE, CELL_FMT_DATETIME,
	CELL_FMT_TIME, CELL_FMT_ELAPSED };

/* cell_builtin_fmt classifies a built-in number format id of OOXML
 * (ECMA-376 18.8.30): 14-17 and 22 are dates (22 with a time), 18-21 and
 * 45-47 times; every other id is a number. */
enum cell_fmt cell_builtin_fmt(unsigned id);

/* cell_elapsed appends d days as a duration, its hours not wrapped at a
 * day: 1.5 is "36:00:00" (to the second, rounded).  Returns 0, or -1 for
 * a negative or non-finite d or one of more than 100 years. */
int cell_elapsed(struct buf *b, double d);

/* cell_code_fmt classifies a custom format code such as "dd/mm/yyyy" or
 * "[$-42A]d mmmm yyyy;@": a date when it has d or y (outside quotes,
 * brackets and escapes), a time when it has h or s, both for a date
 * and time, an elapsed time for [h], [m] or [s] without a date; "m" is a month or a minute and decides nothing.  Only the
 * first section (up to ";") counts; "General" and plain number codes
 * ("0.00", "#,##0") are numbers. */
enum cell_fmt cell_code_fmt(const char *code);

#endif
