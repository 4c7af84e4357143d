/* Unit tests for rpdf: a document appended whole or not at all, the same
 * bytes for the same report and time, and a row that no page can hold
 * an error at its file and line, never cut.  Run from the top of the
 * tree (make check does): they read config/labels-vi.yaml. */
#include <stdlib.h>
#include <string.h>

#include "labels.h"
#include "rec.h"
#include "report.h"
#include "rpdf.h"
#include "unit.h"

static const struct fmt_locale vi = { ",", "." };
static const char *const issuer[] = { "UBND TỈNH LONG AN",
    "SỞ GIÁO DỤC VÀ ĐÀO TẠO" };
static const struct rpdf_head head = { issuer, 2, "Long An", 2023, 3, 7 };

/* build reads text as a record stream and lays it out as a report. */
static struct report *
build(const char *name, const char *text, const struct labels *l)
{
	char *paths[1];
	struct rec_reader *r;
	struct report *rep;
	struct buf err = { 0 };

	paths[0] = strdup(unit_puts(name, text));
	assert_non_null(paths[0]);
	r = rec_reader_open(1, paths);
	rep = report_read(r, NULL);
	rec_reader_free(r);
	free(paths[0]);
	assert_int_equal(report_build(rep, LAYOUT_REPORT, l, NULL, &err), 0);
	buf_free(&err);
	return rep;
}

static int
has(const struct buf *b, const char *s)
{
	size_t n = strlen(s), i;

	for (i = 0; i + n <= b->len; i++)
		if (memcmp(b->p + i, s, n) == 0)
			return 1;
	return 0;
}

/* The document is appended after what the buffer holds: a PDF from its
 * header to its end-of-file marker, dated as asked; twice, the same
 * bytes, the font caches released and built again in between. */
static void
test_write(void **state)
{
	struct labels *l = labels_load("config/labels-vi.yaml");
	struct report *rep = build("r.tsv", "district\tvocational\t"
	    "vocational_target\tvocational_met\nTân An\t36.25\t35.09\t1\n"
	    "Đức Hòa\t20\t37.87\t0\nTổng cộng\t27.92\t27.92\t1\n", l);
	struct rpdf_error e = { 0 };
	struct buf a = { 0 }, b = { 0 };

	(void)state;
	buf_adds(&a, "kept");
	assert_int_equal(rpdf_write(&a, rep, l, &vi, &head, 1678147200, &e),
	    0);
	assert_true(a.len > 1000);
	assert_memory_equal(a.p, "kept%PDF-1.5\n", 13);
	assert_memory_equal(a.p + a.len - 6, "%%EOF\n", 6);
	assert_true(has(&a, "/CreationDate (20230307000000Z)"));
	assert_true(has(&a, "/ModDate (20230307000000Z)"));
	assert_true(has(&a, "/Type /Page\n") || has(&a, "/Type /Page "));
	assert_int_equal(rpdf_write(&b, rep, l, &vi, &head, 1678147200, &e),
	    0);
	assert_int_equal(b.len, a.len - 4);
	assert_memory_equal(b.p, a.p + 4, b.len);
	buf_free(&a);
	buf_free(&b);
	buf_free(&e.msg);
	report_free(rep);
	labels_free(l);
}

/* A row taller than a page: -1, the row's file and line, the buffer as it
 * was. */
static void
test_too_tall(void **state)
{
	struct labels *l = labels_load("config/labels-vi.yaml");
	struct buf text = { 0 }, out = { 0 };
	struct rpdf_error e = { 0 };
	struct report *rep;
	size_t i;

	(void)state;
	buf_adds(&text, "district\tnote\nTân An\tngắn\nĐức Hòa\t");
	for (i = 0; i < 12000; i++)
		buf_adds(&text, "chữ ");
	buf_adds(&text, "\n");
	rep = build("tall.tsv", text.p, l);
	buf_adds(&out, "kept");
	assert_int_equal(rpdf_write(&out, rep, l, &vi, &head, 0, &e), -1);
	assert_non_null(e.file);
	assert_non_null(strstr(e.file, "tall.tsv"));
	assert_int_equal(e.line, 3);
	assert_non_null(strstr(e.msg.p, "a row too tall for a page"));
	assert_int_equal(out.len, 4);
	assert_string_equal(out.p, "kept");
	buf_free(&out);
	buf_free(&text);
	buf_free(&e.msg);
	report_free(rep);
	labels_free(l);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_write),
		cmocka_unit_test(test_too_tall),
	};

	return cmocka_run_group_tests(tests, unit_tmpdir_setup,
	    unit_tmpdir_teardown);
}
