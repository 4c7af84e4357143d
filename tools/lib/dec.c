#include <limits.h>
#include <string.h>

#include "dec.h"

/* split parses the shape of a stream decimal: sign, integer digits and
 * fraction digits.  Returns 0, or -1 when s is not a stream decimal. */
static int
split(const char *s, size_t n, int *neg, const char **ip, size_t *il,
    const char **fp, size_t *fl)
{
	const char *p = s, *end = s + n;

	*neg = 0;
	if (p < end && (*p == '-' || *p == '+'))
		*neg = *p++ == '-';
	*ip = p;
	while (p < end && *p >= '0' && *p <= '9')
		p++;
	*il = (size_t)(p - *ip);
	*fp = p;
	*fl = 0;
	if (*il == 0)
		return -1;
	if (p == end)
		return 0;
	if (*p != '.')
		return -1;
	*fp = ++p;
	while (p < end && *p >= '0' && *p <= '9')
		p++;
	*fl = (size_t)(p - *fp);
	if (*fl == 0 || p != end)
		return -1;
	return 0;
}

int
dec_check(const char *s, size_t n)
{
	const char *ip, *fp;
	size_t il, fl;
	int neg;

	return split(s, n, &neg, &ip, &il, &fp, &fl);
}

/* push appends digit d to *v; returns -1 when *v would pass LLONG_MAX. */
static int
push(unsigned long long *v, int d)
{
	if (*v > ((unsigned long long)LLONG_MAX - (unsigned)d) / 10)
		return -1;
	*v = *v * 10 + (unsigned)d;
	return 0;
}

int
dec_parse(const char *s, size_t n, int places, long long *out)
{
	const char *ip, *fp;
	size_t il, fl, i;
	unsigned long long v = 0;
	int neg;

	if (places < 0 || places > DEC_MAX_PLACES)
		return DEC_ERANGE;
	if (split(s, n, &neg, &ip, &il, &fp, &fl) < 0)
		return DEC_ESYNTAX;
	for (i = 0; i < il; i++)
		if (push(&v, ip[i] - '0') < 0)
			return DEC_ERANGE;
	for (i = 0; i < (size_t)places; i++)
		if (push(&v, i < fl ? fp[i] - '0' : 0) < 0)
			return DEC_ERANGE;
	/* The magnitude is exact up to here; the first dropped digit alone
	 * decides, since the rest can only add less than one unit of it:
	 * 5 or more rounds the magnitude up (half away from zero). */
	if ((size_t)places < fl && fp[places] >= '5') {
		if (v == (unsigned long long)LLONG_MAX)
			return DEC_ERANGE;
		v++;
	}
	*out = neg ? -(long long)v : (long long)v;
	return DEC_OK;
}

void
dec_fmt(struct buf *b, long long v, int places)
{
	unsigned long long m;
	char d[48];
	int nd = 0, i;

	if (places < 0)
		places = 0;
	if (places > DEC_MAX_PLACES)
		places = DEC_MAX_PLACES;
	/* The magnitude as unsigned, so LLONG_MIN is fine too. */
	m = v < 0 ? 0 - (unsigned long long)v : (unsigned long long)v;
	do {
		d[nd++] = (char)('0' + (int)(m % 10));
		m /= 10;
	} while (m > 0 || nd <= places);
	if (v < 0)
		buf_addc(b, '-');
	for (i = nd - 1; i >= 0; i--) {
		buf_addc(b, d[i]);
		if (i == places && places > 0)
			buf_addc(b, '.');
	}
}

int
dec_cmp(const char *a, size_t an, const char *b, size_t bn)
{
	const char *ai, *af, *bi, *bf;
	size_t ail, afl, bil, bfl, m;
	int aneg, bneg, c, sign;

	if (split(a, an, &aneg, &ai, &ail, &af, &afl) < 0 ||
	    split(b, bn, &bneg, &bi, &bil, &bf, &bfl) < 0)
		return 0;
	/* Canonical magnitudes: no leading zeros in the integer part, no
	 * trailing zeros in the fraction; zero is then empty and unsigned. */
	while (ail > 0 && *ai == '0')
		ai++, ail--;
	while (bil > 0 && *bi == '0')
		bi++, bil--;
	while (afl > 0 && af[afl - 1] == '0')
		afl--;
	while (bfl > 0 && bf[bfl - 1] == '0')
		bfl--;
	if (ail == 0 && afl == 0)
		aneg = 0;
	if (bil == 0 && bfl == 0)
		bneg = 0;
	if (aneg != bneg)
		return aneg ? -1 : 1;
	sign = aneg ? -1 : 1;
	if (ail != bil)
		return ail < bil ? -sign : sign;
	if (ail > 0 && (c = memcmp(ai, bi, ail)) != 0)
		return c < 0 ? -sign : sign;
	m = afl < bfl ? afl : bfl;
	if (m > 0 && (c = memcmp(af, bf, m)) != 0)
		return c < 0 ? -sign : sign;
	if (afl != bfl)
		return afl < bfl ? -sign : sign;
	return 0;
}

/* bytes_cmp orders byte strings: memcmp, then the shorter first. */
static int
bytes_cmp(const char *a, size_t an, const char *b, size_t bn)
{
	int c = memcmp(a, b, an < bn ? an : bn);

	if (c != 0)
		return c;
	return an < bn ? -1 : an > bn;
}

int
dec_order(const char *a, size_t an, const char *b, size_t bn)
{
	int na, nb, c;

	if (an == 0 || bn == 0)
		return (an == 0) - (bn == 0);
	na = dec_check(a, an) == 0;
	nb = dec_check(b, bn) == 0;
	if (na != nb)
		return na ? -1 : 1;
	if (na && (c = dec_cmp(a, an, b, bn)) != 0)
		return c;
	return bytes_cmp(a, an, b, bn);
}
