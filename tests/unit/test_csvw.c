/* Unit tests for csvw: RFC 4180 cells and formula-injection
 * neutralising. */
#include <string.h>

#include "csvw.h"
#include "unit.h"

static void
csv(const char *in, int text, const char *want)
{
	struct buf b = { 0 };

	buf_adds(&b, "");
	csvw_cell(&b, in, strlen(in), ',', text);
	unit_buf_is(&b, want);
	buf_free(&b);
}

static void
tsv(const char *in, int text, const char *want)
{
	struct buf b = { 0 };

	buf_adds(&b, "");
	csvw_tsv_cell(&b, in, strlen(in), text);
	unit_buf_is(&b, want);
	buf_free(&b);
}

static void
test_quoting(void **state)
{
	(void)state;
	csv("Tân An", 1, "Tân An");
	csv("Huyện, thị xã", 1, "\"Huyện, thị xã\"");
	csv("say \"hi\"", 1, "\"say \"\"hi\"\"\"");
	csv("two\nlines", 1, "\"two\nlines\"");
	csv("cr\rhere", 1, "\"cr\rhere\"");
	csv(" padded ", 1, "\" padded \"");
	csv("", 1, "");
	csv("27,92", 0, "\"27,92\"");
}

static void
test_injection(void **state)
{
	(void)state;
	csv("=1+2", 1, "'=1+2");
	csv("+84 912", 1, "'+84 912");
	csv("-2+3", 1, "'-2+3");
	csv("@SUM(A1)", 1, "'@SUM(A1)");
	csv("\tx", 1, "'\tx");
	csv("=HYPERLINK(\"http://x\",\"y\")", 1,
	    "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
	csv("=a,b", 1, "\"'=a,b\"");
	csv("a=b", 1, "a=b");		/* only a leading one */
	/* Numbers are left alone, sign and all. */
	csv("-0,52", 0, "\"-0,52\"");
	csv("-7.14", 0, "-7.14");
	csv("+7.92", 0, "+7.92");
	assert_int_equal(csvw_risky("=", 1), 1);
	assert_int_equal(csvw_risky("\r", 1), 1);
	assert_int_equal(csvw_risky("x", 1), 0);
	assert_int_equal(csvw_risky("", 0), 0);
}

static void
test_tsv(void **state)
{
	(void)state;
	tsv("a\tb", 1, "a\\tb");
	tsv("back\\slash", 1, "back\\\\slash");
	tsv("=cmd", 1, "'=cmd");
	tsv("-3,5", 0, "-3,5");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_quoting),
		cmocka_unit_test(test_injection),
		cmocka_unit_test(test_tsv),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
