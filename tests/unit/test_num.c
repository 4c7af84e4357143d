/* Unit tests for num: integer and decimal parsing in Vietnamese forms.
 * Exact ratios are dec's (test_dec.c). */
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

/* int_range: a whole number written right, too big for long long. */
static void
int_range(const char *s)
{
	long long v;

	assert_int_equal(num_parse_int(s, strlen(s), &v), -2);
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
	/* Out of range is not "not a number"; the syntax still counts. */
	int_range("9223372036854775808");
	int_range("-9223372036854775809");
	int_range("99999999999999999999999");
	int_range("18446744073709551616");
	int_range("9.223.372.036.854.775.808");
	int_bad("99999999999999999999x");
	int_bad("99999999999999999999.12");
	int_bad("99999999999999999999,5");
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
	/* At most 100 digits as written in the stream: ",<100 digits>"
	 * would be "0.<100 digits>" there, which is not read back
	 * (fuzz_num found it). */
	{
		char in[104], canon[104];

		in[0] = ',';
		memset(in + 1, '0', 98);
		strcpy(in + 99, "1");
		strcpy(canon, "0.");
		memcpy(canon + 2, in + 1, 99);
		canon[101] = '\0';
		dec_ok(in, canon, 1e-99);
		memmove(in + 2, in + 1, 100);	/* 100 digits */
		dec_bad(in);
	}
	dec_bad("1e5");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_int),
		cmocka_unit_test(test_dec),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
