/* Unit tests for fmt: stream numbers shown in a locale's form. */
#include <string.h>

#include "fmt.h"
#include "unit.h"

static const struct fmt_locale vi = { ",", "." };
static const struct fmt_locale en = { ".", "," };

static void
ok(const char *in, int places, const struct fmt_locale *loc, unsigned flags,
    const char *want)
{
	struct buf b = { 0 };

	buf_adds(&b, "");
	assert_int_equal(fmt_num(&b, in, strlen(in), places, loc, flags), 0);
	unit_buf_is(&b, want);
	buf_free(&b);
}

static void
test_decimals(void **state)
{
	(void)state;
	assert_int_equal(fmt_decimals("0", 1), 0);
	assert_int_equal(fmt_decimals("100", 3), 0);
	assert_int_equal(fmt_decimals("27.92", 5), 2);
	assert_int_equal(fmt_decimals("-0.5", 4), 1);
	assert_int_equal(fmt_decimals("", 0), -1);
	assert_int_equal(fmt_decimals("-", 1), -1);
	assert_int_equal(fmt_decimals("+1", 2), -1);
	assert_int_equal(fmt_decimals("1.", 2), -1);
	assert_int_equal(fmt_decimals(".5", 2), -1);
	assert_int_equal(fmt_decimals("27,92", 5), -1);
	assert_int_equal(fmt_decimals("1e3", 3), -1);
	assert_int_equal(fmt_decimals(" 1", 2), -1);
	assert_int_equal(fmt_decimals("1.2.3", 5), -1);
	assert_int_equal(fmt_decimals("12a", 3), -1);
}

static void
test_vi(void **state)
{
	(void)state;
	ok("27.92", 0, &vi, 0, "27,92");
	ok("27.92", 0, &vi, FMT_GROUP, "27,92");
	ok("1234", 0, &vi, FMT_GROUP, "1.234");
	ok("1234", 0, &vi, 0, "1234");
	ok("1234567.5", 2, &vi, FMT_GROUP, "1.234.567,50");
	ok("123", 0, &vi, FMT_GROUP, "123");
	ok("123456", 0, &vi, FMT_GROUP, "123.456");
	ok("-1234.5", 1, &vi, FMT_GROUP, "-1.234,5");
	ok("100", 0, &vi, FMT_GROUP, "100");
	ok("20", 2, &vi, FMT_GROUP, "20,00");	/* padded, as the plan prints */
	ok("35.09", 1, &vi, 0, "35,09");	/* never rounded */
}

static void
test_en(void **state)
{
	(void)state;
	ok("27.92", 0, &en, FMT_GROUP, "27.92");
	ok("1234567.125", 0, &en, FMT_GROUP, "1,234,567.125");
	ok("1000", 2, &en, FMT_GROUP, "1,000.00");
}

static void
test_sign(void **state)
{
	(void)state;
	ok("0.52", 2, &vi, FMT_PLUS, "+0,52");
	ok("-0.52", 2, &vi, FMT_PLUS, "-0,52");
	ok("0.00", 2, &vi, FMT_PLUS, "0,00");
	ok("-0.00", 2, &vi, FMT_PLUS, "0,00");	/* no negative zero */
	ok("-0", 0, &vi, 0, "0");
	ok("7.92", 2, &vi, FMT_PLUS | FMT_GROUP, "+7,92");
}

static void
test_not_a_number(void **state)
{
	struct buf b = { 0 };

	(void)state;
	buf_adds(&b, "x");
	assert_int_equal(fmt_num(&b, "27,92", 5, 2, &vi, 0), -1);
	assert_int_equal(fmt_num(&b, "", 0, 2, &vi, 0), -1);
	assert_int_equal(fmt_num(&b, "n/a", 3, 2, &vi, 0), -1);
	unit_buf_is(&b, "x");	/* nothing appended */
	buf_free(&b);
}

static void
test_multibyte_marks(void **state)
{
	/* A mark may be any string: a narrow no-break space groups in
	 * French. */
	static const struct fmt_locale fr = { ",", "\xe2\x80\xaf" };

	(void)state;
	ok("1234567.5", 0, &fr, FMT_GROUP, "1\xe2\x80\xaf" "234\xe2\x80\xaf"
	    "567,5");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decimals),
		cmocka_unit_test(test_vi),
		cmocka_unit_test(test_en),
		cmocka_unit_test(test_sign),
		cmocka_unit_test(test_not_a_number),
		cmocka_unit_test(test_multibyte_marks),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
