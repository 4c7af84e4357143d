/* Unit tests for dec: exact stream decimals as scaled integers. */
#include <string.h>

#include "dec.h"
#include "unit.h"

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
fmt(long long v, int places, const char *want)
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
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
