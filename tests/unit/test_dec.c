/* Unit tests for dec: exact stream decimals as scaled integers, rounded
 * to 64 bits or exact in 128, their sums and exact ratios. */
#include <string.h>

#include "dec.h"
#include "unit.h"

#define I128_MAX	((__int128)(((unsigned __int128)1 << 127) - 1))

static void
parse_ok(const char *s, int places, long long want)
{
	long long v = -12345;

	assert_int_equal(dec_parse(s, strlen(s), places, &v), DEC_OK);
	assert_true(v == want);
	assert_int_equal(dec_check(s, strlen(s)), 0);
}

static void
parse_err(const char *s, int places, int want)
{
	long long v = -12345;

	assert_int_equal(dec_parse(s, strlen(s), places, &v), want);
	assert_true(v == -12345);	/* untouched on error */
}

static void
test_check(void **state)
{
	static const char *bad[] = {
		"", "-", "+", ".", "-.5", ".5", "5.", "1.2.3", "27,92", "1e5",
		" 1", "1 ", "1.234.567", "--1", "0x10", "nan", "inf", "1-",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_int_equal(dec_check(bad[i], strlen(bad[i])), -1);
	assert_int_equal(dec_check("0", 1), 0);
	assert_int_equal(dec_check("-0.000", 6), 0);
	assert_int_equal(dec_check("+12.5", 5), 0);
	/* Only n bytes count: "12" of "12abc". */
	assert_int_equal(dec_check("12abc", 2), 0);
}

static void
test_parse_round(void **state)
{
	(void)state;
	parse_ok("27.92", 2, 2792);
	parse_ok("27.915", 2, 2792);		/* half away from zero */
	parse_ok("27.914999", 2, 2791);
	parse_ok("27.9149999999999999999999999999", 2, 2791);
	parse_ok("27.9150000000000000000000000001", 2, 2792);
	parse_ok("-27.915", 2, -2792);		/* away from zero: down */
	parse_ok("-27.914999", 2, -2791);
	parse_ok("100", 2, 10000);
	parse_ok("35.09", 2, 3509);
	parse_ok("35.090000", 2, 3509);
	parse_ok("0.005", 2, 1);
	parse_ok("0.004999", 2, 0);
	parse_ok("-0.004", 2, 0);		/* never -0 */
	parse_ok("-0", 2, 0);
	parse_ok("+7", 0, 7);
	parse_ok("7.5", 0, 8);
	parse_ok("-7.5", 0, -8);
	parse_ok("7.49", 0, 7);
	parse_ok("007.10", 1, 71);
	parse_ok("9.99", 1, 100);		/* carry into the integer */
	parse_ok("99.995", 2, 10000);
	parse_ok("1", DEC_MAX_PLACES, 1000000000000000000LL);
	parse_ok("9223372036854775807", 0, 9223372036854775807LL);
	parse_ok("-9223372036854775807", 0, -9223372036854775807LL);
	parse_ok("92233720368547758.07", 2, 9223372036854775807LL);
}

static void
test_parse_errors(void **state)
{
	(void)state;
	parse_err("abc", 2, DEC_ESYNTAX);
	parse_err("27,92", 2, DEC_ESYNTAX);
	parse_err("", 2, DEC_ESYNTAX);
	parse_err("12.", 2, DEC_ESYNTAX);
	parse_err("1e3", 2, DEC_ESYNTAX);
	parse_err("9223372036854775808", 0, DEC_ERANGE);
	parse_err("92233720368547758.08", 2, DEC_ERANGE);
	parse_err("9223372036854775807.5", 0, DEC_ERANGE);	/* round up */
	parse_err("100000000000000000000", 2, DEC_ERANGE);
	parse_err("10", DEC_MAX_PLACES, DEC_ERANGE);
	parse_err("1", DEC_MAX_PLACES + 1, DEC_ERANGE);
	parse_err("1", -1, DEC_ERANGE);
}

static void
fmt(__int128 v, int places, const char *want)
{
	struct buf b = { 0 };

	buf_adds(&b, "<");
	dec_fmt(&b, v, places);
	assert_string_equal(b.p + 1, want);
	buf_free(&b);
}

static void
test_fmt(void **state)
{
	(void)state;
	fmt(0, 2, "0.00");
	fmt(1, 2, "0.01");
	fmt(-1, 2, "-0.01");
	fmt(-792, 2, "-7.92");
	fmt(2792, 2, "27.92");
	fmt(10000, 2, "100.00");
	fmt(7, 0, "7");
	fmt(-7, 0, "-7");
	fmt(0, 0, "0");
	fmt(5, 3, "0.005");
	fmt(9223372036854775807LL, 2, "92233720368547758.07");
	fmt(-9223372036854775807LL - 1, 0, "-9223372036854775808");
	fmt(1, DEC_MAX_PLACES, "0.000000000000000001");
	/* Places out of range are the nearer end. */
	fmt(5, -1, "5");
	fmt(5, DEC_MAX_PLACES + 1, "0.000000000000000005");
	/* 128 bits, either side of 2^64 (where the digit loop changes). */
	fmt((__int128)18446744073709551615ULL, 2, "184467440737095516.15");
	fmt((__int128)18446744073709551615ULL + 1, 2, "184467440737095516.16");
	fmt(-((__int128)18446744073709551615ULL + 1), 0,
	    "-18446744073709551616");
	fmt(I128_MAX, 0, "170141183460469231731687303715884105727");
	fmt(-I128_MAX - 1, DEC_MAX_PLACES,
	    "-170141183460469231731.687303715884105728");
}

/* Round trip: what dec_fmt prints, dec_parse reads back unchanged. */
static void
test_round_trip(void **state)
{
	static const long long vals[] = {
		0, 1, -1, 99, -100, 2792, 123456789, -987654321012LL,
	};
	struct buf b = { 0 };
	size_t i;
	long long v;
	int p;

	(void)state;
	for (p = 0; p <= 4; p++)
		for (i = 0; i < sizeof vals / sizeof vals[0]; i++) {
			buf_reset(&b);
			dec_fmt(&b, vals[i], p);
			assert_int_equal(dec_parse(b.p, b.len, p, &v), DEC_OK);
			assert_true(v == vals[i]);
		}
	buf_free(&b);
}

static int
cmp(const char *a, const char *b)
{
	int c = dec_cmp(a, strlen(a), b, strlen(b));

	/* Antisymmetric, whatever the sign convention's magnitude. */
	assert_int_equal(c < 0, dec_cmp(b, strlen(b), a, strlen(a)) > 0);
	return c < 0 ? -1 : c > 0;
}

static void
test_cmp(void **state)
{
	(void)state;
	assert_int_equal(cmp("1", "2"), -1);
	assert_int_equal(cmp("10", "9"), 1);
	assert_int_equal(cmp("1.50", "1.5"), 0);
	assert_int_equal(cmp("007", "7"), 0);
	assert_int_equal(cmp("-0", "0.000"), 0);
	assert_int_equal(cmp("+3", "3"), 0);
	assert_int_equal(cmp("-1", "0"), -1);
	assert_int_equal(cmp("-1", "-2"), 1);
	assert_int_equal(cmp("-1.5", "-1.25"), -1);
	assert_int_equal(cmp("0.5", "0.51"), -1);
	assert_int_equal(cmp("0.05", "0.5"), -1);
	assert_int_equal(cmp("27.92", "27.915"), 1);
	assert_int_equal(cmp("100", "99.9999999"), 1);
	/* Exact far beyond a double's 17 digits. */
	assert_int_equal(cmp("1.00000000000000000000001", "1"), 1);
	assert_int_equal(cmp("123456789012345678901234567890",
	    "123456789012345678901234567891"), -1);
	assert_int_equal(cmp("-123456789012345678901234567890",
	    "-123456789012345678901234567891"), 1);
}

static int
order(const char *a, const char *b)
{
	int c = dec_order(a, strlen(a), b, strlen(b));
	int r = dec_order(b, strlen(b), a, strlen(a));

	assert_true((c < 0) == (r > 0) && (c == 0) == (r == 0));
	return c < 0 ? -1 : c > 0;
}

static void
test_order(void **state)
{
	(void)state;
	assert_int_equal(order("9", "10"), -1);		/* not "10" < "9" */
	assert_int_equal(order("794", "808"), -1);
	assert_int_equal(order("-1", "0"), -1);
	assert_int_equal(order("010", "10"), -1);	/* equal: by bytes */
	assert_int_equal(order("10", "10"), 0);
	assert_int_equal(order("1.5", "1.50"), -1);
	assert_int_equal(order("999", "THCS"), -1);	/* numbers first */
	assert_int_equal(order("1a", "1"), 1);		/* "1a" is text */
	assert_int_equal(order("THCS", "THPT"), -1);
	assert_int_equal(order("Tân An", "Tân"), 1);
	assert_int_equal(order("THPT", ""), -1);	/* empty last */
	assert_int_equal(order("0", ""), -1);
	assert_int_equal(order("", ""), 0);
}

static void
read_ok(const char *s, __int128 m, int scale)
{
	struct dec d = { -1, -1 };

	assert_int_equal(dec_read(s, strlen(s), &d), DEC_OK);
	assert_true(d.m == m);
	assert_int_equal(d.scale, scale);
}

static void
put_ok(const char *s, const char *want)
{
	struct dec d;
	struct buf b = { 0 };

	assert_int_equal(dec_read(s, strlen(s), &d), DEC_OK);
	dec_put(&b, &d);
	unit_buf_is(&b, want);
	buf_free(&b);
}

static void
test_read(void **state)
{
	struct dec d;

	(void)state;
	read_ok("0", 0, 0);
	read_ok("42", 42, 0);
	read_ok("-7", -7, 0);
	read_ok("3.50", 350, 2);
	read_ok("-0.25", -25, 2);
	read_ok("9223372036854775807", 9223372036854775807LL, 0);
	read_ok("-9223372036854775807", -9223372036854775807LL, 0);
	read_ok("+1.0", 10, 1);
	read_ok("0.000000000000000001", 1, 18);
	assert_int_equal(dec_read("", 0, &d), DEC_ESYNTAX);
	assert_int_equal(dec_read("-", 1, &d), DEC_ESYNTAX);
	assert_int_equal(dec_read("1.", 2, &d), DEC_ESYNTAX);
	assert_int_equal(dec_read(".5", 2, &d), DEC_ESYNTAX);
	assert_int_equal(dec_read("1.2.3", 5, &d), DEC_ESYNTAX);
	assert_int_equal(dec_read("27,92", 5, &d), DEC_ESYNTAX);
	assert_int_equal(dec_read("--1", 3, &d), DEC_ESYNTAX);
	/* 128 bits: 2^127 - 1 is the largest mantissa, -2^127 the least. */
	read_ok("170141183460469231731687303715884105727", I128_MAX, 0);
	read_ok("-170141183460469231731687303715884105728", -I128_MAX - 1, 0);
	read_ok("11167.9999999999992", 111679999999999992LL, 13);
	assert_int_equal(dec_read("170141183460469231731687303715884105728",
	    39, &d), DEC_ERANGE);
	assert_int_equal(dec_read("1e3", 3, &d), DEC_ESYNTAX);
	assert_int_equal(dec_read(" 1", 2, &d), DEC_ESYNTAX);
	assert_int_equal(dec_read("0.0000000000000000001", 21, &d),
	    DEC_ERANGE);
	/* *d is set only on success. */
	d.m = 5;
	d.scale = 1;
	assert_int_equal(dec_read("x", 1, &d), DEC_ESYNTAX);
	assert_int_equal(dec_read("1e99", 4, &d), DEC_ESYNTAX);
	assert_true(d.m == 5 && d.scale == 1);
	put_ok("3.50", "3.5");
	put_ok("3.00", "3");
	put_ok("-0.250", "-0.25");
	put_ok("0.000", "0");
	put_ok("-0", "0");
	put_ok("0.05", "0.05");
	put_ok("-9223372036854775807", "-9223372036854775807");
	put_ok("1234567.891", "1234567.891");
}

static void
test_add(void **state)
{
	struct dec a = { 0, 0 }, b;
	struct buf s = { 0 };
	int i;

	(void)state;
	/* 0.1 ten times is exactly 1, not 0.9999999999999999. */
	dec_read("0.1", 3, &b);
	for (i = 0; i < 10; i++)
		assert_int_equal(dec_add(&a, &b), DEC_OK);
	dec_put(&s, &a);
	unit_buf_is(&s, "1");
	buf_reset(&s);
	dec_read("2.25", 4, &b);
	assert_int_equal(dec_add(&a, &b), DEC_OK);
	dec_read("-0.125", 6, &b);
	assert_int_equal(dec_add(&a, &b), DEC_OK);
	dec_put(&s, &a);
	unit_buf_is(&s, "3.125");
	/* Overflow leaves the sum as it was. */
	dec_read("170141183460469231731687303715884105727", 39, &a);
	dec_read("1", 1, &b);
	assert_int_equal(dec_add(&a, &b), DEC_ERANGE);
	assert_true(a.m == I128_MAX && a.scale == 0);
	/* So does a rescale that does not fit. */
	dec_read("17014118346046923173168730371588410573", 38, &a);
	dec_read("0.1", 3, &b);
	assert_int_equal(dec_add(&a, &b), DEC_ERANGE);
	assert_true(a.m == I128_MAX / 10 + 1 && a.scale == 0);
	/* 400 times a spreadsheet's 27.92 at 15 places: 64 bits would not
	 * hold it, 128 do. */
	dec_read("0", 1, &a);
	dec_read("27.919999999999998", 18, &b);
	for (i = 0; i < 400; i++)
		assert_int_equal(dec_add(&a, &b), DEC_OK);
	buf_reset(&s);
	dec_put(&s, &a);
	unit_buf_is(&s, "11167.9999999999992");
	buf_free(&s);
}

/* ref_add is dec_add rescaling both sides every time, as it did before
 * its fast path for one scale: the reference for that path. */
static int
ref_add(struct dec *a, const struct dec *b)
{
	int s = a->scale > b->scale ? a->scale : b->scale, i;
	__int128 x = a->m, y = b->m, z;

	for (i = a->scale; i < s; i++)
		if (__builtin_mul_overflow(x, 10, &x))
			return DEC_ERANGE;
	for (i = b->scale; i < s; i++)
		if (__builtin_mul_overflow(y, 10, &y))
			return DEC_ERANGE;
	if (__builtin_add_overflow(x, y, &z))
		return DEC_ERANGE;
	a->m = z;
	a->scale = s;
	return DEC_OK;
}

/* rnd_dec: a mantissa near 0, near either end of 128 bits, or anywhere,
 * at a random scale (often the other's). */
static void
rnd_dec(struct dec *d, int scale)
{
	unsigned __int128 u = 0;
	__int128 m = 0;
	int i;

	switch (unit_rnd(4)) {
	case 0:
		m = (__int128)unit_rnd(5) - 2;
		break;
	case 1:
		m = I128_MAX - unit_rnd(3);
		break;
	case 2:
		m = -I128_MAX - 1 + unit_rnd(3);
		break;
	default:
		for (i = 0; i < 8; i++)
			u = u << 16 | unit_rnd(65536);
		m = (__int128)(u >> unit_rnd(128));
		break;
	}
	d->m = m;
	d->scale = scale >= 0 ? scale : (int)unit_rnd(DEC_MAX_PLACES + 1);
}

static void
test_add_diff(void **state)
{
	struct dec a, b, x;
	int i, rc;

	(void)state;
	for (i = 0; i < 200000; i++) {
		rnd_dec(&a, -1);
		rnd_dec(&b, unit_rnd(2) ? a.scale : -1);
		x = a;
		rc = dec_add(&a, &b);
		assert_int_equal(rc, ref_add(&x, &b));
		assert_true(a.m == x.m && a.scale == x.scale);
	}
}

static void
ratio_ok(const char *n, const char *d, const char *want)
{
	struct dec a, b;
	struct buf s = { 0 };

	assert_int_equal(dec_read(n, strlen(n), &a), DEC_OK);
	assert_int_equal(dec_read(d, strlen(d), &b), DEC_OK);
	assert_int_equal(dec_ratio(&s, &a, &b, 2), DEC_OK);
	unit_buf_is(&s, want);
	buf_free(&s);
}

static void
test_ratio(void **state)
{
	(void)state;
	ratio_ok("1", "3", "33.33");
	ratio_ok("2", "3", "66.67");
	ratio_ok("1026", "2711", "37.85");
	ratio_ok("1", "800", "0.13");	/* 0.125: half away from zero */
	ratio_ok("-1", "800", "-0.13");
	ratio_ok("0", "5", "0.00");
	ratio_ok("5", "0", "");		/* den 0: empty, never 0 or inf */
	ratio_ok("0", "0.000", "");
	ratio_ok("0.3", "0.9", "33.33");
	ratio_ok("1.5", "3", "50.00");
	ratio_ok("1", "0.03", "3333.33");
	ratio_ok("0.125", "100", "0.13");
	ratio_ok("-0.001", "100", "0.00");	/* never "-0.00" */
	ratio_ok("1", "-3", "-33.33");
	ratio_ok("-2", "-3", "66.67");
}

/* ratio_whole checks dec_ratio on whole numbers, at any places. */
static void
ratio_whole(long long num, long long den, int places, const char *want)
{
	struct dec a = { num, 0 }, b = { den, 0 };
	struct buf s = { 0 };

	assert_int_equal(dec_ratio(&s, &a, &b, places), DEC_OK);
	unit_buf_is(&s, want);
	buf_free(&s);
}

static void
test_ratio_places(void **state)
{
	(void)state;
	ratio_whole(1, 3, 2, "33.33");
	ratio_whole(2, 3, 2, "66.67");
	ratio_whole(1, 8, 2, "12.50");
	ratio_whole(1, 1, 2, "100.00");
	ratio_whole(0, 5, 2, "0.00");
	ratio_whole(1, 80000, 2, "0.00");	/* 0.00125 rounds down */
	ratio_whole(1, 40000, 2, "0.00");	/* 0.0025 -> 0.00 */
	ratio_whole(1, 20000, 2, "0.01");	/* 0.005 half away from zero */
	ratio_whole(-1, 20000, 2, "-0.01");
	ratio_whole(-1, 80000, 2, "0.00");	/* never "-0.00" */
	ratio_whole(2792, 10000, 2, "27.92");
	ratio_whole(7, 9, 0, "78");
	ratio_whole(3000000000LL, 7000000000LL, 4, "42.8571");
	ratio_whole(2, 3, DEC_MAX_PLACES, "66.666666666666666667");
	ratio_whole(2, 3, DEC_MAX_PLACES + 1, "66.666666666666666667");
}

/* dec_ratio on what does not fit: DEC_ERANGE, nothing appended. */
static void
test_ratio_range(void **state)
{
	struct dec a, b;
	struct buf s = { 0 };

	(void)state;
	buf_adds(&s, "<");
	/* 100 * (2^127 - 1) does not fit. */
	assert_int_equal(dec_read("170141183460469231731687303715884105727",
	    39, &a), DEC_OK);
	assert_int_equal(dec_read("1", 1, &b), DEC_OK);
	assert_int_equal(dec_ratio(&s, &a, &b, 2), DEC_ERANGE);
	unit_buf_is(&s, "<");
	/* Nor does 10^21 against 10^-18: at their common 18 places the
	 * numerator is 10^39.  1 against 10^-18 does fit. */
	assert_int_equal(dec_read("1000000000000000000000", 22, &a), DEC_OK);
	assert_int_equal(dec_read("0.000000000000000001", 20, &b), DEC_OK);
	assert_int_equal(dec_ratio(&s, &a, &b, 2), DEC_ERANGE);
	unit_buf_is(&s, "<");
	assert_int_equal(dec_read("1", 1, &a), DEC_OK);
	assert_int_equal(dec_ratio(&s, &a, &b, 2), DEC_OK);
	unit_buf_is(&s, "<100000000000000000000.00");
	/* A denominator of -2^127 has no magnitude in 128 bits. */
	buf_reset(&s);
	assert_int_equal(dec_read("-170141183460469231731687303715884105728",
	    40, &b), DEC_OK);
	assert_int_equal(dec_ratio(&s, &a, &b, 2), DEC_ERANGE);
	assert_int_equal(s.len, 0);
	buf_free(&s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_check),
		cmocka_unit_test(test_parse_round),
		cmocka_unit_test(test_parse_errors),
		cmocka_unit_test(test_fmt),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_cmp),
		cmocka_unit_test(test_order),
		cmocka_unit_test(test_read),
		cmocka_unit_test(test_add),
		cmocka_unit_test(test_add_diff),
		cmocka_unit_test(test_ratio),
		cmocka_unit_test(test_ratio_places),
		cmocka_unit_test(test_ratio_range),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
