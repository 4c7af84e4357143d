/* Unit tests for html: escaping for HTML and XML text and attributes. */
#include <string.h>

#include "html.h"
#include "unit.h"

static void
esc(const char *in, size_t n, const char *want)
{
	struct buf b = { 0 };

	buf_adds(&b, "");
	html_escape(&b, in, n);
	unit_buf_is(&b, want);
	buf_free(&b);
}

static void
test_markup(void **state)
{
	(void)state;
	esc("<script>alert(1)</script> & Co", 30,
	    "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co");
	esc("a\"b'c", 5, "a&quot;b&#39;c");
	esc("&amp;", 5, "&amp;amp;");	/* escaped again: it is text */
	esc("", 0, "");
}

static void
test_vietnamese_untouched(void **state)
{
	(void)state;
	esc("Thạnh Hóa", strlen("Thạnh Hóa"), "Thạnh Hóa");
	esc("東京", strlen("東京"), "東京");
}

static void
test_controls(void **state)
{
	(void)state;
	/* TAB, LF, CR are allowed in XML; other C0 controls are not. */
	esc("a\tb\nc\rd", 7, "a\tb\nc\rd");
	esc("a\x01" "b\x1b" "c", 5, "a\xef\xbf\xbd" "b\xef\xbf\xbd" "c");
	esc("a\0b", 3, "a\xef\xbf\xbd" "b");
	/* U+FFFE and U+FFFF are not characters. */
	esc("x\xef\xbf\xbe" "y\xef\xbf\xbf", 8, "x\xef\xbf\xbd" "y\xef\xbf\xbd");
	/* U+FFFD itself and other EF sequences pass. */
	esc("\xef\xbf\xbd\xef\xbc\x9d", 6, "\xef\xbf\xbd\xef\xbc\x9d");
}

static void
test_escapes_nul_terminated(void **state)
{
	struct buf b = { 0 };

	(void)state;
	html_escapes(&b, "1 < 2");
	unit_buf_is(&b, "1 &lt; 2");
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_markup),
		cmocka_unit_test(test_vietnamese_untouched),
		cmocka_unit_test(test_controls),
		cmocka_unit_test(test_escapes_nul_terminated),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
