/* period — school years: see period.h. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "period.h"

static int
is_space(unsigned char c)
{
	return c == ' ' || c == '\t';
}

/* year reads 4 digits at *p; returns the year or -1. */
static int
year(const char **p, const char *e)
{
	int i, y = 0;

	if (e - *p < 4)
		return -1;
	for (i = 0; i < 4; i++) {
		if ((*p)[i] < '0' || (*p)[i] > '9')
			return -1;
		y = y * 10 + ((*p)[i] - '0');
	}
	*p += 4;
	return y;
}

/* separator skips one separator, with spaces around it: - / or the en
 * and em dashes (U+2013, U+2014) in UTF-8. */
static int
separator(const char **p, const char *e)
{
	while (*p < e && is_space(**p))
		(*p)++;
	if (*p < e && (**p == '-' || **p == '/'))
		(*p)++;
	else if (e - *p >= 3 && memcmp(*p, "\xe2\x80", 2) == 0 &&
	    ((*p)[2] == '\x93' || (*p)[2] == '\x94'))
		*p += 3;
	else
		return -1;
	while (*p < e && is_space(**p))
		(*p)++;
	return 0;
}

int
period_parse(const char *s, size_t n, int *first)
{
	const char *p = s, *e = s + n;
	int y1, y2;

	while (p < e && is_space(*p))
		p++;
	while (e > p && is_space(e[-1]))
		e--;
	if ((y1 = year(&p, e)) < 0 || separator(&p, e) < 0)
		return -1;
	if (e - p == 2 && p[0] >= '0' && p[0] <= '9' && p[1] >= '0' &&
	    p[1] <= '9') {
		/* "2022-23": the second year's last two digits. */
		if ((p[0] - '0') * 10 + (p[1] - '0') != (y1 + 1) % 100)
			return -1;
		y2 = y1 + 1;
		p += 2;
	} else if ((y2 = year(&p, e)) < 0)
		return -1;
	if (p != e || y2 != y1 + 1 || y1 < 1900 || y1 > 9998)
		return -1;
	*first = y1;
	return 0;
}

void
period_format(struct buf *b, int first)
{
	buf_printf(b, "%04d-%04d", first, first + 1);
}

void
period_dates(int first, char from[11], char to[11])
{
	/* first is 1900..9998 (period_parse): four digits each. */
	snprintf(from, 11, "%04d-09-01", (first % 10000 + 10000) % 10000);
	snprintf(to, 11, "%04d-09-01", ((first + 1) % 10000 + 10000) % 10000);
}

static int
digits(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

int
period_date(const char *s, size_t n)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	int y, m, d, leap;

	if (n != 10 || !digits(s, 4) || s[4] != '-' || !digits(s + 5, 2) ||
	    s[7] != '-' || !digits(s + 8, 2))
		return -1;
	y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
	    (s[3] - '0');
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	if (m < 1 || m > 12 || d < 1 || d > mdays[m - 1] + (m == 2 && leap))
		return -2;
	return 0;
}

/* Vietnam's offset from UTC, in seconds. */
#define VIETNAM_OFFSET	(7 * 3600)

int
period_vietnam(time_t t, struct tm *tm)
{
	time_t local;

	if (t > (time_t)((~(unsigned long long)0 >> 1) - VIETNAM_OFFSET))
		return -1;
	local = t + VIETNAM_OFFSET;
	return gmtime_r(&local, tm) != NULL ? 0 : -1;
}
