/* fuzz_dec — libFuzzer harness for the exact stream decimals (dec): the
 * input is two values, a and b, cut at the first LF (b empty without
 * one).  Checked: dec_check, dec_parse and dec_read agree on what is a
 * decimal; the shortest form dec_put writes is a decimal equal to the
 * one read; a value rounded by dec_parse and written by dec_fmt parses
 * back to itself; dec_cmp and dec_order are antisymmetric, and dec_order
 * is 0 only for equal bytes; a + b is b + a; a / b as a percentage is a
 * decimal or empty.  The corpus is the numbers of the CLI tests. */
#include <string.h>

#include "dec.h"
#include "harness.h"

static int
sign(int v)
{
	return (v > 0) - (v < 0);
}

static void
one(const char *s, size_t n, struct buf *b)
{
	struct dec d, e;
	long long v, w;
	int p, ok = dec_check(s, n) == 0, r;

	for (p = 0; p <= DEC_MAX_PLACES; p++) {
		r = dec_parse(s, n, p, &v);
		fuzz_assert(ok ? r != DEC_ESYNTAX : r == DEC_ESYNTAX);
		if (r != DEC_OK)
			continue;
		buf_reset(b);
		dec_fmt(b, v, p);
		fuzz_assert(dec_check(b->p, b->len) == 0);
		fuzz_assert(dec_parse(b->p, b->len, p, &w) == DEC_OK && v == w);
	}
	r = dec_read(s, n, &d);
	fuzz_assert(ok ? r != DEC_ESYNTAX : r == DEC_ESYNTAX);
	if (r == DEC_OK) {
		buf_reset(b);
		dec_put(b, &d);
		fuzz_assert(dec_check(b->p, b->len) == 0);
		fuzz_assert(dec_cmp(s, n, b->p, b->len) == 0);
		fuzz_assert(dec_read(b->p, b->len, &e) == DEC_OK);
	}
	if (ok)
		fuzz_assert(dec_cmp(s, n, s, n) == 0);
	fuzz_assert(dec_order(s, n, s, n) == 0);
}

static void
two(const char *a, size_t an, const char *b, size_t bn, struct buf *x,
    struct buf *y)
{
	struct dec da, db, s1, s2;
	int r1, r2;

	if (dec_check(a, an) == 0 && dec_check(b, bn) == 0)
		fuzz_assert(sign(dec_cmp(a, an, b, bn)) ==
		    -sign(dec_cmp(b, bn, a, an)));
	fuzz_assert(sign(dec_order(a, an, b, bn)) ==
	    -sign(dec_order(b, bn, a, an)));
	fuzz_assert((dec_order(a, an, b, bn) == 0) ==
	    (an == bn && memcmp(a, b, an) == 0));
	if (dec_read(a, an, &da) != DEC_OK || dec_read(b, bn, &db) != DEC_OK)
		return;
	s1 = da;
	s2 = db;
	r1 = dec_add(&s1, &db);
	r2 = dec_add(&s2, &da);
	fuzz_assert(r1 == r2);
	if (r1 == DEC_OK) {
		buf_reset(x);
		dec_put(x, &s1);
		buf_reset(y);
		dec_put(y, &s2);
		fuzz_assert(x->len == y->len && memcmp(x->p, y->p, x->len) == 0);
	}
	buf_reset(x);
	if (dec_ratio(x, &da, &db, 2) == DEC_OK && x->len > 0)
		fuzz_assert(dec_check(x->p, x->len) == 0);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *a = (const char *)data, *lf = memchr(a, '\n', size);
	size_t an = lf != NULL ? (size_t)(lf - a) : size;
	const char *b = lf != NULL ? lf + 1 : a + size;
	size_t bn = size - an - (lf != NULL);
	struct buf x = { 0 }, y = { 0 };

	one(a, an, &x);
	one(b, bn, &x);
	two(a, an, b, bn, &x, &y);
	buf_free(&x);
	buf_free(&y);
	return 0;
}
