/* Unit tests for rxlsx: what a workbook cannot hold is an error at the
 * row to blame, never a cell or a row dropped.  Run from the top of the
 * tree (make check does): they read config/labels-vi.yaml. */
#include <stdlib.h>
#include <string.h>

#include <xlsxwriter.h>

#include "labels.h"
#include "report.h"
#include "rxlsx.h"
#include "unit.h"

static void
test_units(void **state)
{
	(void)state;
	assert_int_equal(rxlsx_units(""), 0);
	assert_int_equal(rxlsx_units("Tân An"), 6);
	/* NFC "ệ" is one character; NFD "e" + two marks is three, as Excel
	 * counts them. */
	assert_int_equal(rxlsx_units("H\xe1\xbb\x87"), 2);
	assert_int_equal(rxlsx_units("He\xcc\xa3\xcc\x82"), 4);
	assert_int_equal(rxlsx_units("\xe6\x9d\xb1"), 1);	/* 東 */
	assert_int_equal(rxlsx_units("\xf0\x9f\x98\x80"), 2);	/* a pair */
}

/* A sheet holds 1,048,576 rows; the plain layout's first data row is
 * the fourth (title, blank, header), so 1,048,573 data rows fit and the
 * next one is the error, at its own file and line.  The table is made
 * by hand: reading a million rows would only make the test slow. */
static void
test_too_many_rows(void **state)
{
	struct labels *l = labels_load("config/labels-vi.yaml");
	struct rcol col;
	struct rtable t;
	struct report rep;
	struct rxlsx_error e = { 0 };
	size_t i, n = LXW_ROW_MAX - 3 + 1;

	(void)state;
	memset(&col, 0, sizeof col);
	col.label = "n";
	col.kind = RCOL_TEXT;
	memset(&t, 0, sizeof t);
	t.ncol = 1;
	t.nrow = n;
	t.col = &col;
	t.cell = calloc(n, sizeof *t.cell);
	t.src = calloc(n, sizeof *t.src);
	t.total = calloc(n, sizeof *t.total);
	memset(&rep, 0, sizeof rep);
	rep.layout = LAYOUT_PLAIN;
	rep.title = "T";
	rep.nt = 1;
	rep.t = &t;
	rep.nrows = n;
	rep.hfile = "first.tsv";
	rep.rfile = calloc(n, sizeof *rep.rfile);
	rep.rline = calloc(n, sizeof *rep.rline);
	assert_non_null(t.cell);
	assert_non_null(t.src);
	assert_non_null(t.total);
	assert_non_null(rep.rfile);
	assert_non_null(rep.rline);
	for (i = 0; i < n; i++) {
		t.cell[i] = "x";
		t.src[i] = i;
		rep.rfile[i] = i < 1000 ? "first.tsv" : "second.tsv";
		rep.rline[i] = i < 1000 ? i + 2 : i - 1000 + 2;
	}
	assert_int_equal(rxlsx_write(unit_path("r.xlsx"), &rep, l, 1, &e),
	    -1);
	assert_string_equal(e.file, "second.tsv");
	assert_int_equal(e.line, LXW_ROW_MAX - 3 - 1000 + 2);
	unit_buf_is(&e.msg, "more rows than an XLSX sheet holds (1048576, "
	    "with 3 for the title and the header)");
	buf_free(&e.msg);
	free(t.cell);
	free(t.src);
	free(t.total);
	free(rep.rfile);
	free(rep.rline);
	labels_free(l);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_units),
		cmocka_unit_test(test_too_many_rows),
	};

	return cmocka_run_group_tests(tests, unit_tmpdir_setup,
	    unit_tmpdir_teardown);
}
