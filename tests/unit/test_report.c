/* Unit tests for labels, report, rterm and rtext: layouts, totals,
 * decimals, alignment by display width, the ranking view and rule, the
 * charts' axis, the labels' templates, a table narrowed to a width.  Run
 * from the top of the tree (make check does): they read
 * config/labels-vi.yaml. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "labels.h"
#include "rec.h"
#include "report.h"
#include "rterm.h"
#include "rtext.h"
#include "text.h"
#include "unit.h"

static const struct fmt_locale vi = { ",", "." };

/* Every realloc of the program is counted (forwarded to glibc's own), so
 * a test can tell how an array grows without timing it.  Not under
 * AddressSanitizer, whose allocator is not glibc's. */
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#endif
#ifndef UNDER_ASAN
extern void *__libc_realloc(void *, size_t);
static size_t nrealloc;

void *
realloc(void *p, size_t n)
{
	nrealloc++;
	return __libc_realloc(p, n);
}
#endif

/* build writes text to a file and reads it as a report. */
static struct report *
build(const char *text, enum report_layout layout, const struct labels *l,
    int *rc)
{
	char *paths[1];
	struct rec_reader *r;
	struct report *rep;
	struct buf err = { 0 };

	paths[0] = strdup(unit_puts("report.tsv", text));
	assert_non_null(paths[0]);
	r = rec_reader_open(1, paths);
	rep = report_read(r, NULL);
	rec_reader_free(r);
	free(paths[0]);
	*rc = report_build(rep, layout, l, NULL, &err);
	buf_free(&err);
	return rep;
}

static const char *
cell(const struct rtable *t, size_t r, size_t c)
{
	return t->cell[r * t->ncol + c];
}

static void
test_labels(void **state)
{
	struct labels *l = labels_load("config/labels-vi.yaml");

	(void)state;
	assert_string_equal(l->decimal, ",");
	assert_string_equal(l->total, "Tổng cộng");
	assert_true(labels_is_total(l, "Tổng cộng", strlen("Tổng cộng")));
	assert_true(labels_is_total(l, "TỔNG  CỘNG", strlen("TỔNG  CỘNG")));
	assert_true(labels_is_total(l, "tong cong", 9));
	assert_true(labels_is_total(l, "Toàn tỉnh", strlen("Toàn tỉnh")));
	assert_false(labels_is_total(l, "Tân An", strlen("Tân An")));
	assert_false(labels_is_total(l, "", 0));
	assert_string_equal(labels_level(l, "THCS"), "Cấp trung học cơ sở");
	assert_string_equal(labels_level(l, "GDTX"), "GDTX");
	assert_int_equal(labels_nind(l), 3);
	assert_string_equal(labels_ind_name(l, 2), "vocational");
	assert_non_null(strstr(labels_ind_label(l, "vocational", "THPT"),
	    "cao đẳng"));
	assert_non_null(strstr(labels_ind_label(l, "vocational", "THCS"),
	    "sơ cấp, trung cấp"));
	/* An unknown level gets the short label, an unknown indicator its
	 * name. */
	assert_string_equal(labels_ind_label(l, "vocational", "X"), "Học GDNN");
	assert_string_equal(labels_ind_label(l, "dropout", NULL), "dropout");
	labels_free(l);
}

static void
test_report_layout(void **state)
{
	struct labels *l = labels_load("config/labels-vi.yaml");
	struct report *rep;
	const struct rtable *t;
	int rc;

	(void)state;
	rep = build("level\tdistrict\tvocational\tvocational_target\t"
	    "vocational_gap\tvocational_met\trank\n"
	    "THCS\tTân An\t36.2\t35.09\t1.11\t1\t1\n"
	    "THCS\tTOÀN TỈNH\t30.15\t27.92\t2.23\t1\t\n"
	    "THPT\tTân An\t44.17\t44.17\t0.00\t1\t1\n", LAYOUT_REPORT, l, &rc);
	assert_int_equal(rc, 0);
	assert_int_equal(rep->layout, LAYOUT_REPORT);
	assert_int_equal(rep->nt, 2);
	t = &rep->t[0];
	assert_string_equal(t->level, "THCS");
	assert_string_equal(t->heading, "Cấp trung học cơ sở");
	/* STT, district, actual, target, gap, result, rank. */
	assert_int_equal(t->ncol, 7);
	assert_int_equal(t->nrow, 2);
	assert_string_equal(cell(t, 0, 0), "01");
	assert_string_equal(cell(t, 1, 0), "");
	assert_string_equal(cell(t, 1, 1), "Tổng cộng");	/* relabelled */
	assert_true(t->total[1]);
	assert_false(t->total[0]);
	assert_string_equal(cell(t, 0, 5), "Đạt");
	/* The column's most decimals: 36.2 shows as 36,20. */
	assert_int_equal(t->col[2].places, 2);
	assert_int_equal(t->col[4].flags & FMT_PLUS, FMT_PLUS);
	assert_int_equal(t->nchart, 1);
	assert_int_equal(t->chart[0].nbar, 2);
	assert_int_equal(t->chart[0].bar[0].met, 1);
	assert_true(t->chart[0].bar[1].total);
	{
		struct buf b = { 0 };

		report_cell(&b, t, 0, 2, &vi);
		unit_buf_is(&b, "36,20");
		buf_reset(&b);
		report_cell(&b, t, 0, 4, &vi);
		unit_buf_is(&b, "+1,11");
		buf_free(&b);
	}
	assert_true(report_is_num(t, 0, 2));
	assert_false(report_is_num(t, 0, 1));
	assert_false(report_is_num(t, 0, 0));	/* STT is a code */
	report_free(rep);
	labels_free(l);
}

static void
test_fallback_and_plain(void **state)
{
	struct labels *l = labels_load("config/labels-vi.yaml");
	struct report *rep;
	const struct rtable *t;
	int rc;

	(void)state;
	/* No target: not a report, every field as it comes. */
	rep = build("district\tdistrict_code\tvocational_num\tnote\n"
	    "Tân An\t794\t1234\t=x\n"
	    "Bến Lức\t803\t\tok\n", LAYOUT_REPORT, l, &rc);
	assert_int_equal(rc, 0);
	assert_int_equal(rep->layout, LAYOUT_PLAIN);
	t = &rep->t[0];
	assert_int_equal(t->ncol, 4);
	assert_int_equal(t->col[0].kind, RCOL_TEXT);
	assert_int_equal(t->col[1].kind, RCOL_ID);	/* *_code */
	assert_int_equal(t->col[2].kind, RCOL_NUM);	/* empty allowed */
	assert_int_equal(t->col[3].kind, RCOL_TEXT);
	{
		struct buf b = { 0 };

		report_cell(&b, t, 0, 2, &vi);
		unit_buf_is(&b, "1.234");
		buf_reset(&b);
		report_cell(&b, t, 0, 1, &vi);
		unit_buf_is(&b, "794");
		buf_free(&b);
	}
	report_free(rep);
	labels_free(l);
}

static void
test_appendix(void **state)
{
	struct labels *l = labels_load("config/labels-vi.yaml");
	struct report *rep;
	const struct rtable *t;
	int rc;

	(void)state;
	rep = build("level\tdistrict\tprogramme_target\tvocational_target\n"
	    "THCS\tTân An\t100\t35.09\n"
	    "THCS\tThủ Thừa\t100\t20\n"
	    "THCS\tTổng cộng\t100\t27.92\n", LAYOUT_APPENDIX, l, &rc);
	assert_int_equal(rc, 0);
	t = &rep->t[0];
	assert_int_equal(t->ncol, 4);
	assert_int_equal(t->col[2].places, 0);
	assert_int_equal(t->col[3].places, 2);
	{
		struct buf b = { 0 };

		report_cell(&b, t, 1, 3, &vi);
		unit_buf_is(&b, "20,00");
		buf_free(&b);
	}
	assert_string_equal(t->col[3].flat, "Học GDNN");
	report_free(rep);
	rep = build("district\tx\nTân An\t1\n", LAYOUT_APPENDIX, l, &rc);
	assert_int_equal(rc, -1);
	report_free(rep);
	labels_free(l);
}

/* Coverage: schools_expected and schools_reported make a column of the
 * schools, mark a district none of whose schools reported, and a note
 * when some of a level's are missing (its total row's, or its rows'
 * sum). */
static void
test_coverage(void **state)
{
	struct labels *l = labels_load("config/labels-vi.yaml");
	struct report *rep;
	const struct rtable *t;
	struct buf b = { 0 };
	int rc;

	(void)state;
	rep = build("level\tdistrict\tschools_expected\tschools_reported\t"
	    "vocational\tvocational_target\tvocational_met\n"
	    "THCS\tTân An\t1500\t1234\t36.25\t35.09\t1\n"
	    "THCS\tThủ Thừa\t5\t0\t\t20.00\t\n"
	    "THCS\tTổng cộng\t1505\t1234\t36.25\t27.92\t1\n"
	    "THPT\tTân An\t5\t5\t44.17\t44.17\t1\n"
	    "THPT\tĐức Hòa\t0\t0\t40\t43.60\t0\n", LAYOUT_REPORT, l, &rc);
	assert_int_equal(rc, 0);
	assert_int_equal(rep->nt, 2);
	t = &rep->t[0];
	assert_true(t->cover);
	/* STT, district, schools, actual, target, result. */
	assert_int_equal(t->ncol, 6);
	assert_int_equal(t->vfirst, 3);
	assert_int_equal(t->col[2].kind, RCOL_COVER);
	assert_string_equal(t->col[2].label, "Số trường báo cáo");
	assert_string_equal(cell(t, 0, 2), "1234/1500");
	report_cell(&b, t, 0, 2, &vi);
	unit_buf_is(&b, "1.234/1.500");
	assert_false(report_is_num(t, 0, 2));
	/* The values stay in the cells (CSV shows them); the row is
	 * marked. */
	assert_false(t->unreported[0]);
	assert_true(t->unreported[1]);
	assert_false(t->unreported[2]);
	assert_string_equal(cell(t, 1, 4), "20.00");
	/* The total row keeps its name in the table. */
	assert_string_equal(cell(t, 2, 1), "Tổng cộng");
	assert_int_equal(t->expected, 1505);
	assert_int_equal(t->reported, 1234);
	assert_string_equal(t->note, "Đã nhận báo cáo của 1.234/1.505 trường "
	    "(81,99%); 271 trường chưa báo cáo.");
	/* In the chart: no bar, no target for the district not reported;
	 * the total named with its schools. */
	assert_true(t->chart[0].bar[1].unreported);
	assert_null(t->chart[0].bar[1].actual);
	assert_null(t->chart[0].bar[1].target);
	assert_int_equal(t->chart[0].bar[1].met, -1);
	assert_false(t->chart[0].bar[0].unreported);
	assert_string_equal(t->chart[0].bar[2].name,
	    "Tổng cộng (1.234/1.505 trường)");
	/* THPT: every school, and a district with none expected is not
	 * "not reported"; no note. */
	t = &rep->t[1];
	assert_false(t->unreported[1]);
	assert_int_equal(t->expected, 5);
	assert_null(t->note);
	report_free(rep);

	/* Without a total row: the rows' sum. */
	rep = build("district\tschools_expected\tschools_reported\t"
	    "vocational\tvocational_target\n"
	    "Tân An\t8\t7\t36.25\t35.09\n"
	    "Bến Lức\t6\t6\t32.97\t32.01\n", LAYOUT_REPORT, l, &rc);
	t = &rep->t[0];
	assert_int_equal(t->expected, 14);
	assert_int_equal(t->reported, 13);
	assert_string_equal(t->note, "Đã nhận báo cáo của 13/14 trường "
	    "(92,86%); 1 trường chưa báo cáo.");
	report_free(rep);

	/* One of the two fields alone: no coverage; the plain layout
	 * neither. */
	rep = build("district\tschools_reported\tvocational\t"
	    "vocational_target\nTân An\t0\t36.25\t35.09\n", LAYOUT_REPORT,
	    l, &rc);
	assert_false(rep->t[0].cover);
	assert_int_equal(rep->t[0].ncol, 4);
	assert_false(rep->t[0].unreported[0]);
	report_free(rep);
	rep = build("district\tschools_expected\tschools_reported\n"
	    "Tân An\t5\t0\n", LAYOUT_PLAIN, l, &rc);
	assert_false(rep->t[0].cover);
	assert_false(rep->t[0].unreported[0]);
	assert_null(rep->t[0].note);
	report_free(rep);
	buf_free(&b);
	labels_free(l);
}

/* Counts that are not counts, or more reported than expected: -1, the
 * message, and the row's file and line. */
static void
test_coverage_errors(void **state)
{
	static const char *const bad[][2] = {
		{ "x\t1", "field \"schools_expected\": \"x\" is not a number "
		    "of schools (digits, at most 12)" },
		{ "1\t", "field \"schools_reported\": \"\" is not a number "
		    "of schools (digits, at most 12)" },
		{ "1\t+1", "field \"schools_reported\": \"+1\" is not a "
		    "number of schools (digits, at most 12)" },
		{ "1000000000000\t1", "field \"schools_expected\": "
		    "\"1000000000000\" is not a number of schools (digits, at "
		    "most 12)" },
		{ "4\t5", "schools_reported 5 is more than schools_expected 4" },
	};
	struct labels *l = labels_load("config/labels-vi.yaml");
	struct report *rep;
	struct rec_reader *r;
	struct buf text = { 0 }, err = { 0 };
	char *paths[1];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof bad / sizeof *bad; i++) {
		buf_reset(&text);
		buf_reset(&err);
		buf_printf(&text, "district\tschools_expected\t"
		    "schools_reported\tvocational\tvocational_target\n"
		    "Tân An\t999999999999\t999999999999\t1\t2\n"
		    "Bến Lức\t%s\t1\t2\n", bad[i][0]);
		paths[0] = strdup(unit_puts("c.tsv", text.p));
		r = rec_reader_open(1, paths);
		rep = report_read(r, NULL);
		rec_reader_free(r);
		assert_int_equal(report_build(rep, LAYOUT_REPORT, l, NULL,
		    &err), -1);
		unit_buf_is(&err, bad[i][1]);
		assert_string_equal(rep->err_file, paths[0]);
		assert_int_equal(rep->err_line, 3);
		free(paths[0]);
		report_free(rep);
	}
	buf_free(&text);
	buf_free(&err);
	labels_free(l);
}

/* The coverage templates of the labels, filled; other text as is. */
static void
test_labels_coverage(void **state)
{
	struct labels *l = labels_load("config/labels-en.yaml");
	struct buf b = { 0 };

	(void)state;
	labels_coverage(&b, l, "120", "127", "7", "94.49");
	unit_buf_is(&b, "Reports received from 120 of 127 schools (94.49%); "
	    "7 not yet reported.");
	buf_reset(&b);
	labels_total_coverage(&b, l, "120", "127");
	unit_buf_is(&b, "Total (120/127 schools)");
	assert_string_equal(l->not_reported, "Not reported");
	buf_free(&b);
	labels_free(l);
}

/* The same names in NFC and in NFD, and wide characters: the columns
 * line up the same. */
static void
test_alignment(void **state)
{
	struct labels *l = labels_load("config/labels-vi.yaml");
	struct report *a, *b;
	struct buf ta = { 0 }, tb = { 0 };
	int rc;

	(void)state;
	a = build("name\tn\nTh\xe1\xba\xa1nh H\xc3\xb3" "a\t1\n"
	    "\xe6\x9d\xb1\xe4\xba\xac\t22\n", LAYOUT_PLAIN, l, &rc);
	b = build("name\tn\nTha\xcc\xa3nh Ho\xcc\x81" "a\t1\n"
	    "\xe6\x9d\xb1\xe4\xba\xac\t22\n", LAYOUT_PLAIN, l, &rc);
	rterm_table(&ta, a, l, &vi, 0, 0);
	rterm_table(&tb, b, l, &vi, 0, 0);
	unit_buf_is(&ta, tb.p);
	unit_buf_is(&ta,
	    "name        n\n"
	    "---------  --\n"
	    "Thạnh Hóa   1\n"
	    "東京       22\n");
	buf_free(&ta);
	buf_free(&tb);
	report_free(a);
	report_free(b);
	labels_free(l);
}

/* report_read counts the rows into the caller's counter, on top of what
 * it held: a stats counter keeps its count for an early exit. */
static void
test_read_count(void **state)
{
	char path[] = "/tmp/test_report.XXXXXX";
	char *paths[1] = { path };
	const char *text = "district\tn\nA\t1\nB\t2\nC\t3\n";
	unsigned long long n = 10;
	struct rec_reader *r;
	struct report *rep;
	int fd = mkstemp(path);

	(void)state;
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	r = rec_reader_open(1, paths);
	rep = report_read(r, &n);
	assert_int_equal(rep->nrows, 3);
	assert_int_equal(n, 13);
	rec_reader_free(r);
	unlink(path);
	report_free(rep);
}

/* report_where: each row's own file and line, kept by the report after
 * the reader is gone; the header is line 1 of the first file.  Rows of
 * a level are a table's in their order, with their input lines. */
static void
test_where(void **state)
{
	struct labels *l = labels_load("config/labels-vi.yaml");
	char *paths[2];
	struct rec_reader *r;
	struct report *rep;
	struct buf err = { 0 };
	const char *file;
	unsigned long line;

	(void)state;
	paths[0] = strdup(unit_puts("a.tsv", "level\tdistrict\tvocational\t"
	    "vocational_target\nTHCS\tTân An\t1\t2\nTHPT\tTân An\t1\t2\n"));
	paths[1] = strdup(unit_puts("b.tsv", "level\tdistrict\tvocational\t"
	    "vocational_target\nTHCS\tBến Lức\t1\t2\n"));
	r = rec_reader_open(2, paths);
	rep = report_read(r, NULL);
	rec_reader_free(r);
	assert_int_equal(report_build(rep, LAYOUT_REPORT, l, NULL, &err), 0);
	assert_int_equal(rep->nt, 2);
	report_where(rep, &rep->t[0], 1, &file, &line);
	assert_string_equal(file, paths[1]);
	assert_int_equal(line, 2);
	report_where(rep, &rep->t[1], 0, &file, &line);
	assert_string_equal(file, paths[0]);
	assert_int_equal(line, 3);
	report_where(rep, &rep->t[0], (size_t)-1, &file, &line);
	assert_string_equal(file, paths[0]);
	assert_int_equal(line, 1);
	free(paths[0]);
	free(paths[1]);
	buf_free(&err);
	report_free(rep);
	labels_free(l);
}

/* wide_build reads text and builds it as a report in layout, counting
 * the reallocs of report_build into *n. */
static struct report *
wide_build(const char *text, enum report_layout layout,
    const struct labels *l, size_t *n)
{
	char *paths[1];
	struct rec_reader *r;
	struct report *rep;
	struct buf err = { 0 };

	paths[0] = strdup(unit_puts("wide.tsv", text));
	assert_non_null(paths[0]);
	r = rec_reader_open(1, paths);
	rep = report_read(r, NULL);
	rec_reader_free(r);
	free(paths[0]);
#ifndef UNDER_ASAN
	nrealloc = 0;
#endif
	assert_int_equal(report_build(rep, layout, l, NULL, &err), 0);
#ifndef UNDER_ASAN
	*n = nrealloc;
#else
	*n = 0;
#endif
	buf_free(&err);
	return rep;
}

/* 20,000 fields: the columns (and the strings a report makes, one an
 * indicator here) grow geometrically, a few dozen reallocs, not one a
 * column, each of which copies the whole array when realloc moves it
 * (always, under ASan: 20,000 columns took 10 s there). */
static void
test_many_columns(void **state)
{
	struct labels *l = labels_load("config/labels-vi.yaml");
	struct report *rep;
	struct buf b = { 0 };
	size_t i, n;

	(void)state;
	for (i = 0; i < 20000; i++)
		buf_printf(&b, "%sf%zu", i ? "\t" : "", i);
	buf_adds(&b, "\n");
	for (i = 0; i < 20000; i++)
		buf_printf(&b, "%s%zu", i ? "\t" : "", i);
	buf_adds(&b, "\n");
	rep = wide_build(b.p, LAYOUT_PLAIN, l, &n);
	assert_int_equal(rep->t[0].ncol, 20000);
	assert_string_equal(cell(&rep->t[0], 0, 19999), "19999");
	assert_in_range(n, 0, 100);
	report_free(rep);
	/* 10,000 indicators X with X_target, unknown to the labels. */
	buf_reset(&b);
	buf_adds(&b, "district");
	for (i = 0; i < 10000; i++)
		buf_printf(&b, "\tx%zu\tx%zu_target", i, i);
	buf_adds(&b, "\nTân An");
	for (i = 0; i < 10000; i++)
		buf_printf(&b, "\t%zu\t%zu", i, i + 1);
	buf_adds(&b, "\n");
	rep = wide_build(b.p, LAYOUT_REPORT, l, &n);
	assert_int_equal(rep->layout, LAYOUT_REPORT);
	assert_int_equal(rep->t[0].ncol, 2 + 2 * 10000);
	assert_int_equal(rep->t[0].nchart, 10000);
	assert_string_equal(rep->t[0].chart[9999].actual_col, "x9999");
	assert_string_equal(cell(&rep->t[0], 0, 2 + 2 * 9999 + 1), "10000");
	assert_in_range(n, 0, 100);
	report_free(rep);
	buf_free(&b);
	labels_free(l);
}

/* readrep writes text to a file and reads it, unbuilt. */
static struct report *
readrep(const char *text)
{
	char *paths[1];
	struct rec_reader *r;
	struct report *rep;

	paths[0] = strdup(unit_puts("report.tsv", text));
	assert_non_null(paths[0]);
	r = rec_reader_open(1, paths);
	rep = report_read(r, NULL);
	rec_reader_free(r);
	free(paths[0]);
	return rep;
}

/* The columns' roles, and the rule in words from rank_rule. */
static void
test_roles_rule(void **state)
{
	struct labels *l = labels_load("config/labels-vi.yaml");
	static const enum rcol_role want[] = { RCOL_STT, RCOL_DISTRICT,
	    RCOL_ACTUAL, RCOL_TARGET, RCOL_GAP, RCOL_RESULT, RCOL_RANK };
	struct report *rep;
	size_t c;
	int rc;

	(void)state;
	rep = build("district\tvocational\tvocational_target\tvocational_gap\t"
	    "vocational_met\tmet_count\trank\trank_rule\n"
	    "Tân An\t30\t29\t1.00\t1\t1\t1\tmet_count:desc,"
	    "vocational_gap:desc\n", LAYOUT_REPORT, l, &rc);
	assert_int_equal(rc, 0);
	assert_int_equal(rep->t[0].ncol, 7);
	for (c = 0; c < 7; c++)
		assert_int_equal(rep->t[0].col[c].role, want[c]);
	assert_string_equal(rep->t[0].rule, "Xếp hạng theo số chỉ tiêu đạt, "
	    "sau đó theo chênh lệch tỷ lệ học GDNN so với chỉ tiêu.");
	report_free(rep);
	/* No rank_rule, or no rank: no rule. */
	rep = build("district\tvocational\tvocational_target\trank\n"
	    "Tân An\t30\t29\t1\n", LAYOUT_REPORT, l, &rc);
	assert_null(rep->t[0].rule);
	report_free(rep);
	rep = build("district\tvocational\tvocational_target\trank_rule\n"
	    "Tân An\t30\t29\tx\n", LAYOUT_REPORT, l, &rc);
	assert_null(rep->t[0].rule);
	report_free(rep);
	/* Per level: the first row of the table that has one. */
	rep = build("level\tdistrict\tvocational\tvocational_target\trank\t"
	    "rank_rule\nTHCS\tA\t1\t2\t1\t\nTHCS\tB\t1\t2\t2\tvocational:asc\n"
	    "THPT\tA\t1\t2\t1\tfoo\n", LAYOUT_REPORT, l, &rc);
	assert_string_equal(rep->t[0].rule,
	    "Xếp hạng theo tỷ lệ học GDNN (từ thấp đến cao).");
	assert_string_equal(rep->t[1].rule, "Xếp hạng theo foo.");
	report_free(rep);
	/* The plain layout: the district's role only. */
	rep = build("x\tdistrict\nA\tB\n", LAYOUT_PLAIN, l, &rc);
	assert_int_equal(rep->t[0].col[0].role, RCOL_OTHER);
	assert_int_equal(rep->t[0].col[1].role, RCOL_DISTRICT);
	report_free(rep);
	labels_free(l);
}

/* report_by_rank: per level, ranked by rank (ties as they came), then
 * the rows without one, then the totals; its errors. */
static void
test_by_rank(void **state)
{
	struct labels *l = labels_load("config/labels-vi.yaml");
	static const char *const want[] = { "C", "A", "D", "B", "Tổng cộng",
	    "E", "F" };
	struct report *rep;
	struct buf err = { 0 };
	size_t r, k = 0, i;

	(void)state;
	rep = readrep("level\tdistrict\tvocational\tvocational_target\trank\n"
	    "THCS\tTổng cộng\t1\t2\t\nTHCS\tA\t1\t2\t2\nTHCS\tB\t\t2\t\n"
	    "THPT\tE\t1\t2\t1\nTHCS\tC\t1\t2\t1\nTHCS\tD\t1\t2\t2\n"
	    "THPT\tF\t1\t2\t2\n");
	assert_int_equal(report_by_rank(rep, l, &err), 0);
	assert_int_equal(report_build(rep, LAYOUT_REPORT, l, NULL, &err), 0);
	assert_int_equal(rep->nt, 2);
	for (i = 0; i < rep->nt; i++)
		for (r = 0; r < rep->t[i].nrow; r++)
			assert_string_equal(cell(&rep->t[i], r, 1), want[k++]);
	assert_int_equal(k, 7);
	/* STT numbers the rows as shown; a row keeps its file:line. */
	assert_string_equal(cell(&rep->t[0], 0, 0), "01");
	assert_int_equal(rep->rline[rep->t[0].src[0]], 6);
	report_free(rep);

	rep = readrep("district\tvocational\tvocational_target\n"
	    "A\t1\t2\n");
	assert_int_equal(report_by_rank(rep, l, &err), -1);
	assert_string_equal(err.p, "--sort rank: the stream has no \"rank\" "
	    "field (luong-rank writes it)");
	report_free(rep);
	buf_reset(&err);
	rep = readrep("district\trank\nA\t1\nB\t-2\n");
	assert_int_equal(report_by_rank(rep, l, &err), -1);
	assert_string_equal(err.p, "field \"rank\": \"-2\" is not a rank "
	    "(a whole number)");
	assert_int_equal(rep->err_line, 3);
	report_free(rep);
	buf_reset(&err);
	rep = readrep("district\trank\nA\t1234567890123456789\n");
	assert_int_equal(report_by_rank(rep, l, &err), -1);
	report_free(rep);
	buf_free(&err);
	labels_free(l);
}

/* axis returns report_axis of bars with these values and targets. */
static double
axis(const char *const *v, size_t n, double *step)
{
	struct rbar bar[8];
	struct rchart ch = { 0 };
	size_t i;

	memset(bar, 0, sizeof bar);
	for (i = 0; i < n; i++) {
		bar[i].actual = v[2 * i];
		bar[i].target = v[2 * i + 1];
	}
	ch.nbar = n;
	ch.bar = bar;
	return report_axis(&ch, step);
}

static void
test_axis(void **state)
{
	static const char *const a[] = { "35.09", "37.87", "20", "10" };
	static const char *const b[] = { "65.12", "60" };
	static const char *const c[] = { "100", "100" };
	static const char *const d[] = { "0.35", "0.4" };
	static const char *const e[] = { NULL, NULL, "0", NULL, "-5", "0" };
	static const char *const f[] = { "1234", "1000" };
	static const char *const g[] = { "40", "40" };
	static const char *const h[] = { "40.01", NULL };
	double step;

	(void)state;
	assert_true(axis(a, 2, &step) == 40 && step == 10);
	assert_true(axis(b, 1, &step) == 80 && step == 20);
	assert_true(axis(c, 1, &step) == 100 && step == 20);
	assert_true(axis(d, 1, &step) > 0.39999 && axis(d, 1, &step) < 0.40001);
	assert_true(step > 0.09999 && step < 0.10001);
	assert_true(axis(e, 3, &step) == 1 && step > 0.1999 && step < 0.2001);
	assert_true(axis(f, 1, &step) == 1250 && step == 250);
	/* At the value itself, or the next step above. */
	assert_true(axis(g, 1, &step) == 40 && step == 10);
	assert_true(axis(h, 1, &step) == 50 && step == 10);
}

/* The labels' templates, filled. */
static void
test_templates(void **state)
{
	struct labels *l = labels_load("config/labels-vi.yaml");
	const char *date[] = { "01", "12", "2026" }, *page[] = { "1", "2" };
	struct buf b = { 0 };

	(void)state;
	labels_template(&b, l, LT_DATE, date);
	unit_buf_is(&b, "ngày 01/12/2026");
	buf_reset(&b);
	labels_template(&b, l, LT_PAGE, page);
	unit_buf_is(&b, "Trang 1/2");
	buf_reset(&b);
	labels_page(&b, l, 3, 12);
	unit_buf_is(&b, "Trang 3/12");
	/* The decree's day and month: 07, 3; 15, 02. */
	buf_reset(&b);
	labels_date_line(&b, l, "Tân An", 2023, 3, 7);
	unit_buf_is(&b, "Tân An, ngày 07 tháng 3 năm 2023");
	buf_reset(&b);
	labels_date_line(&b, l, "Long An", 2024, 2, 15);
	unit_buf_is(&b, "Long An, ngày 15 tháng 02 năm 2024");
	assert_string_equal(labels_abbrev(l, "actual"), "TH");
	assert_null(labels_abbrev(l, "stt"));
	assert_string_equal(labels_rank_key(l, "met_count", 9),
	    "số chỉ tiêu đạt");
	assert_null(labels_rank_key(l, "met_coun", 8));
	buf_free(&b);
	labels_free(l);
}

/* rterm_table at a width: every line fits it, one line says so; at 0
 * the table is whole. */
static void
test_fit(void **state)
{
	struct labels *l = labels_load("config/labels-vi.yaml");
	struct report *rep;
	struct buf b = { 0 }, w = { 0 };
	const char *p, *q;
	size_t widest = 0, n;
	int rc;

	(void)state;
	rep = build("district\tprogramme\tprogramme_target\tprogramme_gap\t"
	    "programme_met\tvocational\tvocational_target\tvocational_gap\t"
	    "vocational_met\trank\nKiến Tường\t100\t100\t0.00\t1\t29.70\t"
	    "29.81\t-0.11\t0\t1\n", LAYOUT_REPORT, l, &rc);
	rterm_table(&b, rep, l, &vi, 0, 50);
	for (p = b.p; *p != '\0'; p = *q ? q + 1 : q) {
		q = strchr(p, '\n');
		if (q == NULL)
			q = p + strlen(p);
		n = text_width(p, (size_t)(q - p));
		if (n > widest)
			widest = n;
	}
	assert_true(widest <= 50);
	assert_non_null(strstr(b.p, "Bảng thu gọn cho vừa 50 cột: bỏ các "
	    "cột Chênh\nlệch, Chỉ tiêu;"));
	assert_non_null(strstr(b.p, "\nSTT  Huyện/TX/TP   TH  KQ      TH  KQ  "
	    "Hạng\n"));
	assert_non_null(strstr(b.p, " 01  Kiến Tường   100  Đạt  29,70  KĐ "
	    "    1\n"));
	rterm_table(&w, rep, l, &vi, 0, 0);
	assert_null(strstr(w.p, "Bảng thu gọn"));
	assert_non_null(strstr(w.p, "Không đạt"));
	buf_free(&b);
	buf_free(&w);
	report_free(rep);
	labels_free(l);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_labels),
		cmocka_unit_test(test_report_layout),
		cmocka_unit_test(test_fallback_and_plain),
		cmocka_unit_test(test_appendix),
		cmocka_unit_test(test_alignment),
		cmocka_unit_test(test_read_count),
		cmocka_unit_test(test_many_columns),
		cmocka_unit_test(test_where),
		cmocka_unit_test(test_coverage),
		cmocka_unit_test(test_coverage_errors),
		cmocka_unit_test(test_labels_coverage),
		cmocka_unit_test(test_roles_rule),
		cmocka_unit_test(test_by_rank),
		cmocka_unit_test(test_axis),
		cmocka_unit_test(test_templates),
		cmocka_unit_test(test_fit),
	};

	return cmocka_run_group_tests(tests, unit_tmpdir_setup,
	    unit_tmpdir_teardown);
}
