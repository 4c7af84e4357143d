/* cell — a spreadsheet cell's value as a person typed it: see cell.h. */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cell.h"

/* plain appends the %e-form digits of d ("-2.792e+01" style, from
 * snprintf) as a decimal without exponent. */
static void
plain(struct buf *b, const char *e)
{
	char dig[40];
	const char *p = e, *x;
	size_t nd = 0, i;
	int exp10, point;

	if (*p == '-')
		buf_addc(b, *p++);
	for (; *p != 'e' && *p != '\0'; p++)
		if (*p >= '0' && *p <= '9' && nd < sizeof dig)
			dig[nd++] = *p;
	x = *p == 'e' ? p + 1 : "0";
	exp10 = atoi(x);
	/* Trailing zeros of the mantissa carry no digits. */
	while (nd > 1 && dig[nd - 1] == '0')
		nd--;
	point = exp10 + 1;		/* digits before the point */
	if (point <= 0) {
		buf_adds(b, "0.");
		for (i = 0; i < (size_t)-point; i++)
			buf_addc(b, '0');
		buf_add(b, dig, nd);
	} else if ((size_t)point >= nd) {
		buf_add(b, dig, nd);
		for (i = nd; i < (size_t)point; i++)
			buf_addc(b, '0');
	} else {
		buf_add(b, dig, (size_t)point);
		buf_addc(b, '.');
		buf_add(b, dig + point, nd - (size_t)point);
	}
}

int
cell_number(struct buf *b, double d)
{
	char s[64];
	int prec;

	if (!isfinite(d))
		return -1;
	if (d == 0) {
		buf_addc(b, '0');
		return 0;
	}
	/* Whole numbers, the common case, without printf. */
	if (fabs(d) < 1e15 && d == (double)(long long)d) {
		buf_printf(b, "%lld", (long long)d);
		return 0;
	}
	/* The fewest significant digits that read back to d.  If any k <= 15
	 * do, the 15-digit rounding of d is that number padded with zeros
	 * (d lies far closer to it than the 15-digit grid's spacing), and
	 * plain drops the zeros; else 16, and 17 always do.  A subnormal
	 * holds fewer digits than that argument needs: search them all. */
	for (prec = fabs(d) < DBL_MIN ? 1 : 15; prec <= 17; prec++) {
		snprintf(s, sizeof s, "%.*e", prec - 1, d);
		if (strtod(s, NULL) == d)
			break;
	}
	plain(b, s);
	return 0;
}

/* civil converts days since 1970-01-01 to a date (Howard Hinnant's
 * days_from_civil, inverted). */
static void
civil(long long z, int *y, unsigned *m, unsigned *d)
{
	long long era, yy;
	unsigned doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = (unsigned)(z - era * 146097);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	yy = (long long)yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = (int)(yy + (*m <= 2));
}

int
cell_date(struct buf *b, double d, enum cell_dates sys, int time_only)
{
	long long days, secs;
	int y;
	unsigned m, dd;

	if (!isfinite(d) || d < (sys == CELL_1900 && !time_only ? 1 : 0) ||
	    d > 2958465.99999)
		return -1;
	/* To the second, rounded: 0.5 s up, as spreadsheets show it. */
	secs = llround(d * 86400.0);
	days = secs / 86400;
	secs %= 86400;
	if (!time_only) {
		if (sys == CELL_1900 && days == 60) {
			y = 1900, m = 2, dd = 29;
		} else {
			/* Days since 1970-01-01: 1899-12-31 is serial 0 and,
			 * past the phantom 1900-02-29, 1899-12-30 is. */
			long long z = sys == CELL_1904 ? days - 24107 :
			    days < 60 ? days - 25568 : days - 25569;

			civil(z, &y, &m, &dd);
		}
		if (y > 9999)
			return -1;
		buf_printf(b, "%04d-%02u-%02u", y, m, dd);
		if (secs != 0)
			buf_addc(b, ' ');
	}
	if (secs != 0 || time_only)
		buf_printf(b, "%02lld:%02lld:%02lld", secs / 3600,
		    secs / 60 % 60, secs % 60);
	return 0;
}

int
cell_elapsed(struct buf *b, double d)
{
	long long secs;

	if (!isfinite(d) || d < 0 || d > 36525)
		return -1;
	secs = llround(d * 86400.0);
	buf_printf(b, "%lld:%02lld:%02lld", secs / 3600, secs / 60 % 60,
	    secs % 60);
	return 0;
}

enum cell_fmt
cell_builtin_fmt(unsigned id)
{
	if ((id >= 14 && id <= 17))
		return CELL_FMT_DATE;
	if (id == 22)
		return CELL_FMT_DATETIME;
	if ((id >= 18 && id <= 21) || (id >= 45 && id <= 47))
		return CELL_FMT_TIME;
	return CELL_FMT_NUMBER;
}

enum cell_fmt
cell_code_fmt(const char *code)
{
	const char *p;
	int date = 0, time = 0, elapsed = 0;

	for (p = code; *p != '\0' && *p != ';'; p++) {
		switch (*p) {
		case '"':		/* a literal */
			while (p[1] != '\0' && p[1] != '"')
				p++;
			if (p[1] == '"')
				p++;
			break;
		case '[':		/* [$-42A], [Red], [h] */
			if ((p[1] == 'h' || p[1] == 'H' || p[1] == 'm' ||
			    p[1] == 'M' || p[1] == 's' || p[1] == 'S') &&
			    (p[2] == ']' || p[2] == p[1]))
				time = elapsed = 1;
			while (p[1] != '\0' && p[1] != ']')
				p++;
			if (p[1] == ']')
				p++;
			break;
		case '\\':
		case '_':
		case '*':		/* the next character is literal */
			if (p[1] != '\0')
				p++;
			break;
		case 'd': case 'D': case 'y': case 'Y':
			date = 1;
			break;
		case 'm': case 'M':	/* a month beside d or y, a minute
					 * beside h or s: either way it adds
					 * nothing to the decision */
			break;
		case 'h': case 'H': case 's': case 'S':
			time = 1;
			break;
		default:
			break;
		}
	}
	if (date && time)
		return CELL_FMT_DATETIME;
	if (elapsed)
		return CELL_FMT_ELAPSED;
	if (date)
		return CELL_FMT_DATE;
	if (time)
		return CELL_FMT_TIME;
	return CELL_FMT_NUMBER;
}
