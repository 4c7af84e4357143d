#include <string.h>

#include "fmt.h"

int
fmt_decimals(const char *s, size_t n)
{
	size_t i = 0, d;

	if (i < n && s[i] == '-')
		i++;
	d = i;
	while (i < n && s[i] >= '0' && s[i] <= '9')
		i++;
	if (i == d)
		return -1;
	if (i == n)
		return 0;
	if (s[i] != '.')
		return -1;
	d = ++i;
	while (i < n && s[i] >= '0' && s[i] <= '9')
		i++;
	if (i == d || i != n)
		return -1;
	return (int)(n - d);
}

int
fmt_num(struct buf *out, const char *s, size_t n, int places,
    const struct fmt_locale *loc, unsigned flags)
{
	int dec = fmt_decimals(s, n), neg, zero = 1;
	size_t i, ib, ie;

	if (dec < 0)
		return -1;
	neg = s[0] == '-';
	ib = neg;
	ie = dec > 0 ? n - (size_t)dec - 1 : n;
	for (i = ib; i < n; i++)
		if (s[i] != '0' && s[i] != '.')
			zero = 0;
	if (neg && !zero)
		buf_addc(out, '-');
	else if (!neg && !zero && (flags & FMT_PLUS))
		buf_addc(out, '+');
	for (i = ib; i < ie; i++) {
		buf_addc(out, s[i]);
		/* A mark after every digit that has a multiple of three
		 * digits to its right, the last one excepted. */
		if ((flags & FMT_GROUP) && i + 1 < ie && (ie - i - 1) % 3 == 0)
			buf_adds(out, loc->group);
	}
	if (dec > 0 || places > 0)
		buf_adds(out, loc->decimal);
	if (dec > 0)
		buf_add(out, s + ie + 1, (size_t)dec);
	for (; dec < places; dec++)
		buf_addc(out, '0');
	return 0;
}
