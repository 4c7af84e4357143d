#include <limits.h>
#include <string.h>

#include "dec.h"

#define I128_MIN	(-(__int128)(((unsigned __int128)1 << 127) - 1) - 1)

static const long long pow10[DEC_MAX_PLACES + 1] = {
	1LL, 10LL, 100LL, 1000LL, 10000LL, 100000LL, 1000000LL, 10000000LL,
	100000000LL, 1000000000LL, 10000000000LL, 100000000000LL,
	1000000000000LL, 10000000000000LL, 100000000000000LL,
	1000000000000000LL, 10000000000000000LL, 100000000000000000LL,
	1000000000000000000LL
};

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

/* clamp_places brings places into 0..DEC_MAX_PLACES. */
static int
clamp_places(int places)
{
	return places < 0 ? 0 : places > DEC_MAX_PLACES ? DEC_MAX_PLACES :
	    places;
}

void
dec_fmt(struct buf *b, __int128 v, int places)
{
	unsigned __int128 m;
	unsigned long long lo;
	char d[48];
	int nd = 0, i;

	places = clamp_places(places);
	/* The magnitude as unsigned, so the least value is fine too. */
	m = v < 0 ? 0 - (unsigned __int128)v : (unsigned __int128)v;
	/* 128-bit division is a library call: only the digits above 64 bits
	 * pay for it, which a rounded stream value never has. */
	while (m > ULLONG_MAX) {
		d[nd++] = (char)('0' + (int)(m % 10));
		m /= 10;
	}
	lo = (unsigned long long)m;
	do {
		d[nd++] = (char)('0' + (int)(lo % 10));
		lo /= 10;
	} while (lo > 0 || nd <= places);
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

/* ---- 128-bit decimals ---------------------------------------------------- */

int
dec_read(const char *s, size_t n, struct dec *d)
{
	const char *p = s, *end = s + n;
	size_t places = 0;
	int neg = 0, point = 0;
	__int128 m = 0;

	if (dec_check(s, n) != 0)
		return DEC_ESYNTAX;
	if (p < end && (*p == '-' || *p == '+'))
		neg = *p++ == '-';
	/* At its own number of places the value is exact: no rounding.  A
	 * negative value is built negative, so -2^127 fits. */
	for (; p < end; p++) {
		if (*p == '.') {
			point = 1;
			continue;
		}
		if (__builtin_mul_overflow(m, 10, &m) ||
		    __builtin_add_overflow(m, neg ? -(*p - '0') : *p - '0',
		    &m))
			return DEC_ERANGE;
		places += point;
	}
	if (places > DEC_MAX_PLACES)
		return DEC_ERANGE;
	d->m = m;
	d->scale = (int)places;
	return DEC_OK;
}

/* rescale sets *out to d's mantissa at scale s >= d->scale; returns -1 on
 * overflow. */
static int
rescale(const struct dec *d, int s, __int128 *out)
{
	return __builtin_mul_overflow(d->m, (__int128)pow10[s - d->scale],
	    out) ? -1 : 0;
}

int
dec_add(struct dec *a, const struct dec *b)
{
	int s = a->scale > b->scale ? a->scale : b->scale;
	__int128 x, y, z;

	/* At one scale (counts: 0) nothing is rescaled, and only the sum
	 * can overflow. */
	if (a->scale == b->scale) {
		if (__builtin_add_overflow(a->m, b->m, &z))
			return DEC_ERANGE;
		a->m = z;
		return DEC_OK;
	}
	if (rescale(a, s, &x) < 0 || rescale(b, s, &y) < 0 ||
	    __builtin_add_overflow(x, y, &z))
		return DEC_ERANGE;
	a->m = z;
	a->scale = s;
	return DEC_OK;
}

/* trim drops trailing zero places: 3.50 is 3.5. */
static struct dec
trim(struct dec d)
{
	while (d.scale > 0 && d.m % 10 == 0) {
		d.m /= 10;
		d.scale--;
	}
	return d;
}

void
dec_put(struct buf *b, const struct dec *d)
{
	struct dec t = trim(*d);

	dec_fmt(b, t.m, t.scale);
}

/* ratio appends 100 * x / y (y not 0) rounded half away from zero to
 * places decimals; -1 with nothing appended when 100 * x * 10^places does
 * not fit. */
static int
ratio(struct buf *b, __int128 x, __int128 y, int places)
{
	__int128 q, r;
	int neg;

	/* -I128_MIN has no value: refuse it rather than overflow. */
	if (__builtin_mul_overflow(x, (__int128)pow10[places] * 100, &x) ||
	    x == I128_MIN || y == I128_MIN)
		return -1;
	/* q = round(x / y), half away from zero, never "-0.00". */
	neg = (x < 0) != (y < 0);
	if (x < 0)
		x = -x;
	if (y < 0)
		y = -y;
	q = x / y;
	r = x % y;
	if (r >= y - r)
		q++;
	dec_fmt(b, neg && q != 0 ? -q : q, places);
	return 0;
}

int
dec_ratio(struct buf *b, const struct dec *num, const struct dec *den,
    int places)
{
	/* Trimmed, the common scale is as small as it can be, and so is the
	 * chance of overflow. */
	struct dec x = trim(*num), y = trim(*den);
	int s = x.scale > y.scale ? x.scale : y.scale;
	__int128 a, c;

	if (y.m == 0)
		return DEC_OK;
	if (rescale(&x, s, &a) < 0 || rescale(&y, s, &c) < 0 ||
	    ratio(b, a, c, clamp_places(places)) < 0)
		return DEC_ERANGE;
	return DEC_OK;
}
