/* Unit tests for diag and buf: the message forms every program uses, the
 * exit of diag_fatal, and the growable buffer. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "unit.h"

static void
forms(const void *arg)
{
	(void)arg;
	diag_init("luong-x");
	diag_msg("schools.csv", 17, "column \"%s\": \"%s\" is not a number",
	    "Số HS tốt nghiệp", "12a");
	diag_msg("schools.csv", 0, "cannot open: %s", "No such file");
	diag_msg(NULL, 0, "usage");
	diag_at("s.yaml", 3, 7, "unknown key \"%s\"", "colour");
}

static void
test_forms(void **state)
{
	char out[1024];

	(void)state;
	assert_int_equal(unit_child(forms, NULL, out, sizeof out), 0);
	assert_string_equal(out,
	    "luong-x: schools.csv:17: column \"Số HS tốt nghiệp\": \"12a\" is "
	    "not a number\n"
	    "luong-x: schools.csv: cannot open: No such file\n"
	    "luong-x: usage\n"
	    "luong-x: s.yaml:3:7: unknown key \"colour\"\n");
	assert_string_equal(diag_prog(), "luong");	/* the child's init */
}

static void
fatal(const void *arg)
{
	(void)arg;
	diag_init("luong-y");
	diag_fatal(EXIT_USAGE, "p.yaml", 2, "bad");
}

static void
test_fatal(void **state)
{
	char out[256];

	(void)state;
	assert_int_equal(unit_child(fatal, NULL, out, sizeof out), 2);
	assert_string_equal(out, "luong-y: p.yaml:2: bad\n");
}

static void
test_buf(void **state)
{
	struct buf b = { 0 };
	int i;

	(void)state;
	buf_reset(&b);			/* on an empty buffer: harmless */
	buf_adds(&b, "Tân");
	buf_addc(&b, ' ');
	buf_add(&b, "An\0x", 2);
	unit_buf_is(&b, "Tân An");
	assert_int_equal(b.len, strlen("Tân An"));
	for (i = 0; i < 1000; i++)
		buf_printf(&b, "%d,", i);
	assert_int_equal(b.p[b.len], '\0');
	assert_non_null(strstr(b.p, "998,999,"));
	buf_reset(&b);
	assert_int_equal(b.len, 0);
	unit_buf_is(&b, "");
	buf_free(&b);
	buf_free(&b);			/* twice: a no-op */
	assert_null(b.p);
}

static void
test_alloc(void **state)
{
	char *s;

	(void)state;
	s = xstrndup("Đức Hòa", 4);	/* "Đ" is two bytes */
	assert_memory_equal(s, "\xc4\x90\xe1\xbb\0", 5);
	free(s);
	s = xstrdup("");
	assert_string_equal(s, "");
	free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_forms),
		cmocka_unit_test(test_fatal),
		cmocka_unit_test(test_buf),
		cmocka_unit_test(test_alloc),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
