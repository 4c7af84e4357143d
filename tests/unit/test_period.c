/* Unit tests for period: school years in their spellings, as dates;
 * ISO dates checked. */
#include <string.h>

#include "buf.h"
#include <stdlib.h>
#include <time.h>

#include "period.h"
#include "unit.h"

static void
year_ok(const char *s, int want)
{
	int y = -1;

	assert_int_equal(period_parse(s, strlen(s), &y), 0);
	assert_int_equal(y, want);
}

static void
year_bad(const char *s)
{
	int y = 7;

	assert_int_equal(period_parse(s, strlen(s), &y), -1);
	assert_int_equal(y, 7);
}

static void
test_parse(void **state)
{
	(void)state;
	year_ok("2022-2023", 2022);
	year_ok("2022 - 2023", 2022);
	year_ok(" 2022 -2023 ", 2022);
	year_ok("2022\xe2\x80\x93" "2023", 2022);	/* en dash */
	year_ok("2022 \xe2\x80\x94 2023", 2022);	/* em dash */
	year_ok("2022/2023", 2022);
	year_ok("2022-23", 2022);
	year_ok("2099-00", 2099);
	year_bad("");
	year_bad("2022");
	year_bad("2022-2024");		/* not consecutive */
	year_bad("2023-2022");
	year_bad("2022-24");
	year_bad("2022--2023");
	year_bad("2022.2023");
	year_bad("22-23");
	year_bad("2022-2023a");
	year_bad("Năm học 2022-2023");
	year_bad("2022\xe2\x80\x92" "2023");	/* figure dash: not taken */
	year_bad("1899-1900");
}

static void
test_format_dates(void **state)
{
	struct buf b = { 0 };
	char from[11], to[11];

	(void)state;
	period_format(&b, 2022);
	assert_string_equal(b.p, "2022-2023");
	period_dates(2022, from, to);
	assert_string_equal(from, "2022-09-01");
	assert_string_equal(to, "2023-09-01");
	buf_free(&b);
}

static void
test_date(void **state)
{
	(void)state;
	assert_int_equal(period_date(LIT("2022-09-01")), 0);
	assert_int_equal(period_date(LIT("2024-02-29")), 0);	/* leap */
	assert_int_equal(period_date(LIT("2000-02-29")), 0);	/* by 400 */
	assert_int_equal(period_date(LIT("0001-01-01")), 0);
	assert_int_equal(period_date(LIT("2023-12-31")), 0);
	assert_int_equal(period_date(LIT("2023-02-29")), -2);
	assert_int_equal(period_date(LIT("1900-02-29")), -2);	/* by 100 */
	assert_int_equal(period_date(LIT("2023-04-31")), -2);
	assert_int_equal(period_date(LIT("2023-13-01")), -2);
	assert_int_equal(period_date(LIT("2023-00-10")), -2);
	assert_int_equal(period_date(LIT("2023-01-00")), -2);
	assert_int_equal(period_date(LIT("2023-9-1")), -1);
	assert_int_equal(period_date(LIT("2023/09/01")), -1);
	assert_int_equal(period_date(LIT("01-09-2023")), -1);
	assert_int_equal(period_date(LIT("2023-09-01 ")), -1);
	assert_int_equal(period_date(LIT("2023-09-0x")), -1);
	assert_int_equal(period_date(LIT("")), -1);
	/* Only the first n bytes count. */
	assert_int_equal(period_date("2023-09-01T00", 10), 0);
}

/* Vietnam's clock: UTC+7 whatever TZ says, so that 17:00 UTC is the next
 * day there. */
static void
test_vietnam(void **state)
{
	struct tm tm;

	(void)state;
	setenv("TZ", "America/New_York", 1);
	tzset();
	/* 2023-03-06 16:59:59 UTC: still the 6th in Vietnam, 23:59:59. */
	assert_int_equal(period_vietnam(1678121999, &tm), 0);
	assert_int_equal(tm.tm_year + 1900, 2023);
	assert_int_equal(tm.tm_mon + 1, 3);
	assert_int_equal(tm.tm_mday, 6);
	assert_int_equal(tm.tm_hour, 23);
	assert_int_equal(tm.tm_min, 59);
	/* A second later, the 7th, 00:00. */
	assert_int_equal(period_vietnam(1678122000, &tm), 0);
	assert_int_equal(tm.tm_mday, 7);
	assert_int_equal(tm.tm_hour, 0);
	/* New Year's Eve at 20:00 UTC is New Year's Day. */
	assert_int_equal(period_vietnam(1704052800, &tm), 0);
	assert_int_equal(tm.tm_year + 1900, 2024);
	assert_int_equal(tm.tm_mon, 0);
	assert_int_equal(tm.tm_mday, 1);
	assert_int_equal(tm.tm_hour, 3);
	unsetenv("TZ");
	tzset();
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_format_dates),
		cmocka_unit_test(test_date),
		cmocka_unit_test(test_vietnam),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
