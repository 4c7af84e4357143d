/* Unit tests for inbox: which names are exports, a directory listed in
 * order with the rest skipped, ranks by time then name. */
#include <sys/stat.h>

#include <fcntl.h>

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "inbox.h"
#include "unit.h"

static void
test_is_export(void **state)
{
	(void)state;
	assert_true(inbox_is_export("a.csv"));
	assert_true(inbox_is_export("DUCHOA.CSV"));
	assert_true(inbox_is_export("a.Tsv"));
	assert_true(inbox_is_export("a.xlsx"));
	assert_true(inbox_is_export("a.XLS"));
	assert_true(inbox_is_export("a.csv.gz"));
	assert_true(inbox_is_export("a.xlsx.GZ"));
	assert_true(inbox_is_export("a (1).csv"));
	assert_false(inbox_is_export(".csv"));
	assert_false(inbox_is_export("csv"));
	assert_false(inbox_is_export("a.csv.bak"));
	assert_false(inbox_is_export("a.csv.part"));
	assert_false(inbox_is_export("a.csv~"));
	assert_false(inbox_is_export("a.gz"));
	assert_false(inbox_is_export("a.xlsm"));
	assert_false(inbox_is_export("README"));
}

static void
put(const char *name, time_t t)
{
	struct timespec ts[2] = { { t, 0 }, { t, 0 } };

	unit_puts(name, "x\n");
	assert_int_equal(utimensat(AT_FDCWD, unit_path(name), ts, 0), 0);
}

static void
test_dir(void **state)
{
	struct inbox ib = { 0 };
	char dir[4096];

	(void)state;
	snprintf(dir, sizeof dir, "%s/in", unit_tmpdir());
	assert_int_equal(mkdir(dir, 0777), 0);
	put("in/b.csv", 1000);
	put("in/a.csv", 2000);
	put("in/a (1).csv", 2000);
	put("in/notes.txt", 10);
	assert_int_equal(mkdir(unit_path("in/sub"), 0777), 0);
	inbox_add(&ib, dir);
	inbox_rank(&ib);
	assert_int_equal(ib.n, 5);
	assert_string_equal(ib.f[0].name, "a (1).csv");
	assert_string_equal(ib.f[1].name, "a.csv");
	assert_string_equal(ib.f[2].name, "b.csv");
	assert_string_equal(ib.f[3].name, "notes.txt");
	assert_string_equal(ib.f[4].name, "sub");
	assert_int_equal(ib.f[0].status, INBOX_UNREAD);
	assert_int_equal(ib.f[3].status, INBOX_SKIPPED);
	assert_int_equal(ib.f[4].status, INBOX_SKIPPED);
	assert_string_equal(ib.f[4].reason, "a directory: not searched");
	assert_true(strstr(ib.f[0].path, "/in/a (1).csv") != NULL);
	/* Newest last; equal times by name: "a (1).csv" < "a.csv". */
	assert_true(ib.f[2].rank < ib.f[0].rank);
	assert_true(ib.f[0].rank < ib.f[1].rank);
	assert_int_equal(inbox_count(&ib, INBOX_SKIPPED), 2);
	inbox_set(&ib.f[0], INBOX_QUARANTINED, "no header");
	assert_string_equal(ib.f[0].reason, "no header");
	inbox_set(&ib.f[0], INBOX_READ, NULL);
	assert_null(ib.f[0].reason);
	inbox_free(&ib);
	assert_int_equal(ib.n, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_is_export),
		cmocka_unit_test(test_dir),
	};

	return cmocka_run_group_tests(tests, unit_tmpdir_setup,
	    unit_tmpdir_teardown);
}
