/* Unit tests for cell: numbers as typed, dates in both systems, formats. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cell.h"
#include "unit.h"

static void
num(double d, const char *want)
{
	struct buf b = { 0 };

	assert_int_equal(cell_number(&b, d), 0);
	unit_buf_is(&b, want);
	/* What is written reads back to the same double. */
	assert_true(strtod(b.p, NULL) == d);
	buf_free(&b);
}

static void
test_number(void **state)
{
	struct buf b = { 0 };
	int i;

	(void)state;
	num(80001, "80001");
	num(0, "0");
	num(-0.0, "0");
	num(-3, "-3");
	num(27.92, "27.92");
	num(27.920000000000002, "27.92");	/* the same double */
	num(0.1, "0.1");
	num(0.1 + 0.2, "0.30000000000000004");	/* not the same */
	num(1e-05, "0.00001");
	num(-1.5e-7, "-0.00000015");
	num(1e20, "100000000000000000000");
	num(123456789012345678.0, "123456789012345680");
	num(8000000003.0, "8000000003");
	num(4.35, "4.35");
	num(100.5, "100.5");
	/* A subnormal: 2.5e-320 is "0.", 319 zeros, "25". */
	buf_adds(&b, "0.");
	for (i = 0; i < 319; i++)
		buf_addc(&b, '0');
	buf_adds(&b, "25");
	num(2.5e-320, b.p);
	buf_reset(&b);
	assert_int_equal(cell_number(&b, INFINITY), -1);
	assert_int_equal(cell_number(&b, NAN), -1);
	assert_int_equal(b.len, 0);
	buf_free(&b);
}

static void
date(double d, enum cell_dates sys, int time_only, const char *want)
{
	struct buf b = { 0 };

	if (want == NULL) {
		assert_int_equal(cell_date(&b, d, sys, time_only), -1);
		assert_int_equal(b.len, 0);
	} else {
		assert_int_equal(cell_date(&b, d, sys, time_only), 0);
		unit_buf_is(&b, want);
	}
	buf_free(&b);
}

static void
test_date_1900(void **state)
{
	(void)state;
	date(1, CELL_1900, 0, "1900-01-01");
	date(59, CELL_1900, 0, "1900-02-28");
	date(60, CELL_1900, 0, "1900-02-29");	/* Lotus 1-2-3's phantom */
	date(61, CELL_1900, 0, "1900-03-01");
	date(25569, CELL_1900, 0, "1970-01-01");
	date(44992, CELL_1900, 0, "2023-03-07");
	date(45108, CELL_1900, 0, "2023-07-01");
	date(2958465, CELL_1900, 0, "9999-12-31");
	date(44992.4375, CELL_1900, 0, "2023-03-07 10:30:00");
	date(44992.99999999, CELL_1900, 0, "2023-03-08");	/* rounded */
	date(0.5, CELL_1900, 1, "12:00:00");
	date(0.5, CELL_1900, 0, NULL);		/* no day 0 */
	date(0, CELL_1900, 0, NULL);
	date(-1, CELL_1900, 0, NULL);
	date(2958466, CELL_1900, 0, NULL);
	date(NAN, CELL_1900, 0, NULL);
}

static void
test_date_1904(void **state)
{
	(void)state;
	date(0, CELL_1904, 0, "1904-01-01");
	date(43530, CELL_1904, 0, "2023-03-07");	/* 44992 - 1462 */
	date(1, CELL_1904, 0, "1904-01-02");
	date(-1, CELL_1904, 0, NULL);
	date(2957003, CELL_1904, 0, "9999-12-31");
	date(2957004, CELL_1904, 0, NULL);
}

static void
test_elapsed(void **state)
{
	struct buf b = { 0 };

	(void)state;
	assert_int_equal(cell_elapsed(&b, 1.5), 0);
	unit_buf_is(&b, "36:00:00");
	buf_reset(&b);
	assert_int_equal(cell_elapsed(&b, 0.0006944444444), 0);
	unit_buf_is(&b, "0:01:00");
	buf_reset(&b);
	assert_int_equal(cell_elapsed(&b, -1), -1);
	assert_int_equal(cell_elapsed(&b, NAN), -1);
	unit_buf_is(&b, "");
	buf_free(&b);
}

static void
test_formats(void **state)
{
	(void)state;
	assert_int_equal(cell_builtin_fmt(0), CELL_FMT_NUMBER);
	assert_int_equal(cell_builtin_fmt(2), CELL_FMT_NUMBER);
	assert_int_equal(cell_builtin_fmt(14), CELL_FMT_DATE);
	assert_int_equal(cell_builtin_fmt(17), CELL_FMT_DATE);
	assert_int_equal(cell_builtin_fmt(18), CELL_FMT_TIME);
	assert_int_equal(cell_builtin_fmt(22), CELL_FMT_DATETIME);
	assert_int_equal(cell_builtin_fmt(46), CELL_FMT_TIME);
	assert_int_equal(cell_builtin_fmt(49), CELL_FMT_NUMBER);

	assert_int_equal(cell_code_fmt("dd/mm/yyyy"), CELL_FMT_DATE);
	assert_int_equal(cell_code_fmt("DD/MM/YYYY"), CELL_FMT_DATE);
	assert_int_equal(cell_code_fmt("[$-42A]d mmmm yyyy;@"),
	    CELL_FMT_DATE);
	assert_int_equal(cell_code_fmt("yyyy-mm-dd hh:mm"),
	    CELL_FMT_DATETIME);
	assert_int_equal(cell_code_fmt("hh:mm:ss"), CELL_FMT_TIME);
	assert_int_equal(cell_code_fmt("[h]:mm"), CELL_FMT_ELAPSED);
	assert_int_equal(cell_code_fmt("[mm]:ss"), CELL_FMT_ELAPSED);
	assert_int_equal(cell_code_fmt("h:mm AM/PM"), CELL_FMT_TIME);
	assert_int_equal(cell_code_fmt("General"), CELL_FMT_NUMBER);
	assert_int_equal(cell_code_fmt("0.00"), CELL_FMT_NUMBER);
	assert_int_equal(cell_code_fmt("#,##0"), CELL_FMT_NUMBER);
	assert_int_equal(cell_code_fmt("0.00E+00"), CELL_FMT_NUMBER);
	/* Letters in quotes, brackets and escapes are not date parts. */
	assert_int_equal(cell_code_fmt("#,##0 \"day\""), CELL_FMT_NUMBER);
	assert_int_equal(cell_code_fmt("[Red]0.00"), CELL_FMT_NUMBER);
	assert_int_equal(cell_code_fmt("0\\d"), CELL_FMT_NUMBER);
	assert_int_equal(cell_code_fmt("0_);[Red](0)"), CELL_FMT_NUMBER);
	/* Only the first section counts. */
	assert_int_equal(cell_code_fmt("0.00;\"yes\"d"), CELL_FMT_NUMBER);
	assert_int_equal(cell_code_fmt("@"), CELL_FMT_NUMBER);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_number),
		cmocka_unit_test(test_date_1900),
		cmocka_unit_test(test_date_1904),
		cmocka_unit_test(test_elapsed),
		cmocka_unit_test(test_formats),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
