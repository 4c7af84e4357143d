/* Unit tests for num: integer and decimal parsing, exact ratio formatting. */
#include <string.h>

#include "num.h"
#include "unit.h"

static void
int_ok(const char *s, long long want)
{
	long long v = -12345;

	assert_int_equal(num_parse_int(s, strlen(s), &v), 0);
	assert_true(v == want);
}

static void
int_bad(const char *s)
{
	long long v;

	assert_int_equal(num_parse_int(s, strlen(s), &v), -1);
}

static void
test_int(void **state)
{
	(void)state;
	int_ok("0", 0);
	int_ok("42", 42);
	int_ok("-7", -7);
	int_ok("+7", 7);
	int_ok("1.234", 1234);
	int_ok("12.345.678", 12345678);
	int_ok("9223372036854775807", 9223372036854775807LL);
	int_ok("-9223372036854775808", (-9223372036854775807LL - 1));
	int_bad("");
	int_bad("-");
	int_bad("12a");
	int_bad("12.34");	/* not a group of three */
	int_bad("1234.567");	/* first group too long */
	int_bad(".123");
	int_bad("1.");
	int_bad("1,234");	/* a comma is a decimal mark, not an int */
	int_bad(" 1");
	int_bad("9223372036854775808");
	int_bad("99999999999999999999999");
}

static void
dec_ok(const char *s, const char *canon, double want)
{
	struct buf b = { 0 };
	double v = -1;

	assert_int_equal(num_parse_dec(s, strlen(s), &b, &v), 0);
	unit_buf_is(&b, canon);
	assert_true(v == want);
	buf_free(&b);
}

static void
dec_bad(const char *s)
{
	struct buf b = { 0 };

	assert_int_equal(num_parse_dec(s, strlen(s), &b, NULL), -1);
	assert_int_equal(b.len, 0);
	buf_free(&b);
}

static void
test_dec(void **state)
{
	(void)state;
	dec_ok("27,92", "27.92", 27.92);
	dec_ok("27.92", "27.92", 27.92);
	dec_ok("100", "100", 100);
	dec_ok("-0,5", "-0.5", -0.5);
	dec_ok(",5", "0.5", 0.5);
	dec_ok("1.234,5", "1234.5", 1234.5);
	dec_ok("1,234.5", "1234.5", 1234.5);
	dec_ok("1.234.567", "1234567", 1234567);
	dec_ok("35,090", "35.090", 35.09);
	dec_bad("");
	dec_bad("abc");
	dec_bad("1,2,3.4.5");
	dec_bad("12.");
	dec_bad("1.23,4");	/* grouping not in threes */
	dec_bad("1.234,5,6");
	dec_bad("1e5");
}

static void
ratio(long long num, long long den, int places, const char *want)
{
	struct buf b = { 0 };

	num_fmt_ratio(&b, num, den, places);
	unit_buf_is(&b, want);
	buf_free(&b);
}

static void
test_ratio(void **state)
{
	(void)state;
	ratio(1, 3, 2, "33.33");
	ratio(2, 3, 2, "66.67");
	ratio(1, 8, 2, "12.50");
	ratio(1, 1, 2, "100.00");
	ratio(0, 5, 2, "0.00");
	ratio(1, 80000, 2, "0.00");	/* 0.00125 rounds down */
	ratio(1, 40000, 2, "0.00");	/* 0.0025 -> 0.00 */
	ratio(1, 20000, 2, "0.01");	/* 0.005 half away from zero */
	ratio(-1, 20000, 2, "-0.01");
	ratio(-1, 80000, 2, "0.00");	/* never "-0.00" */
	ratio(2792, 10000, 2, "27.92");
	ratio(7, 9, 0, "78");
	ratio(3000000000LL, 7000000000LL, 4, "42.8571");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_int),
		cmocka_unit_test(test_dec),
		cmocka_unit_test(test_ratio),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
