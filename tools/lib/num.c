#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "num.h"

int
num_parse_int(const char *s, size_t n, long long *out)
{
	const char *p = s, *end = s + n;
	int neg = 0, digits = 0, group = -1, over = 0;
	unsigned long long v = 0;

	if (p < end && (*p == '-' || *p == '+'))
		neg = *p++ == '-';
	if (p == end)
		return -1;
	for (; p < end; p++) {
		if (*p == '.') {
			/* A group mark: the first group has 1-3 digits, every
			 * later one exactly 3. */
			if (digits == 0 || (group < 0 ? digits > 3 :
			    digits != 3))
				return -1;
			group = 1;
			digits = 0;
			continue;
		}
		if (*p < '0' || *p > '9')
			return -1;
		/* Too big is told apart from not a number: the rest must
		 * still be digits in their groups. */
		if (v > (ULLONG_MAX - 9) / 10)
			over = 1;
		else
			v = v * 10 + (unsigned)(*p - '0');
		digits++;
	}
	if (digits == 0 || (group > 0 && digits != 3))
		return -1;
	if (over || v > (unsigned long long)LLONG_MAX + (neg ? 1 : 0))
		return -2;
	*out = neg ? (long long)(0 - v) : (long long)v;
	return 0;
}

int
num_parse_dec(const char *s, size_t n, struct buf *canon, double *out)
{
	const char *p = s, *end = s + n, *last = NULL;
	char dec = 0, grp = 0;
	size_t ndots = 0, ncommas = 0, ndig = 0, i, mark;
	char tmp[128];
	size_t t = 0;

	if (p < end && (*p == '-' || *p == '+')) {
		if (*p == '-')
			tmp[t++] = '-';
		p++;
	}
	for (i = 0; p + i < end; i++) {
		char c = p[i];

		if (c == '.')
			ndots++, last = p + i;
		else if (c == ',')
			ncommas++, last = p + i;
		else if (c >= '0' && c <= '9')
			ndig++;
		else
			return -1;
	}
	if (ndig == 0 || ndig > 100)
		return -1;
	if (ndots && ncommas) {
		dec = *last;
		grp = dec == '.' ? ',' : '.';
		if ((dec == '.' ? ndots : ncommas) != 1)
			return -1;
	} else if (ndots + ncommas == 1)
		dec = last ? *last : 0;
	else if (ndots + ncommas > 1)
		grp = ndots ? '.' : ',';
	/* Copy the digits; check grouping is in threes. */
	mark = 0;
	{
		int digits = 0, grouped = 0, seen_dec = 0;

		for (; p < end; p++) {
			if (*p == grp && grp != 0 && !seen_dec) {
				if (digits == 0 || (grouped ? digits != 3 :
				    digits > 3))
					return -1;
				grouped = 1;
				digits = 0;
				continue;
			}
			if (*p == dec && dec != 0) {
				if (grouped && digits != 3)
					return -1;
				if (t == 0 || tmp[t - 1] == '-') {
					/* ",5" is written "0.5": that 0 is a
					 * digit too, or the canonical form of
					 * 100 digits would be refused. */
					if (ndig == 100)
						return -1;
					tmp[t++] = '0';
				}
				tmp[t++] = '.';
				seen_dec = 1;
				mark = t;
				continue;
			}
			if (*p < '0' || *p > '9')
				return -1;
			tmp[t++] = *p;
			digits++;
		}
		if (grouped && !seen_dec && digits != 3)
			return -1;
		if (seen_dec && t == mark)
			return -1;	/* "12." */
	}
	tmp[t] = '\0';
	if (out != NULL)
		*out = strtod(tmp, NULL);
	if (canon != NULL)
		buf_add(canon, tmp, t);
	return 0;
}
