/* Unit tests for runlog: the record of a run under the header of a new
 * log, of an older log and of any list of log fields; the counts summed
 * over the steps' stats records; the files that are not run logs. */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "pipeline.h"
#include "runlog.h"
#include "runner.h"
#include "unit.h"

#define HEAD	"program\trows_read\trows_written\trows_rejected"

/* log_fd opens name in the scratch directory holding text, for reading
 * and appending. */
static int
log_fd(const char *name, const char *text)
{
	int fd = open(unit_puts(name, text), O_RDWR | O_APPEND);

	assert_true(fd >= 0);
	return fd;
}

/* stats gives process i of r the record text. */
static void
stats(struct runner *r, size_t i, const char *text)
{
	assert_int_equal(runner_stats_parse(&r->procs[i].stats, text,
	    strlen(text)), 0);
}

static void
test_format(void **state)
{
	struct runlog_run run = { "2026-11-27T02:00:00Z", "p.yaml", 0, 1234,
	    NULL };
	struct buf b = { 0 }, why = { 0 };
	struct pipeline *p;
	struct runner *r;
	int fd;

	(void)state;
	assert_int_equal(chdir(unit_tmpdir()), 0);
	unit_puts("p.yaml", "name: night\n"
	    "steps:\n"
	    "  - {name: ingest, run: [cat]}\n"
	    "  - {name: expect, run: [cat]}\n"
	    "  - {name: rank, run: [cat]}\n"
	    "outputs:\n"
	    "  - path: o/r.tsv\n"
	    "  - {path: o/r.md, name: md, run: [cat]}\n");
	p = pipeline_load("p.yaml", 0, NULL, NULL);
	r = runner_new(p);
	stats(r, 0, HEAD "\tfiles_read\tfiles_skipped\trows_excluded\n"
	    "luong-ingest\t40\t28\t12\t12\t2\t5\n");
	stats(r, 1, HEAD "\tschools_expected\tschools_reported\t"
	    "schools_missing\tfiles_read\n"
	    "luong-expect\t28\t35\t0\t127\t120\t7\t1\n");
	/* An output command's counts are in stages only. */
	stats(r, 3, HEAD "\tfiles_read\nluong-render\t35\t35\t0\t99\n");
	run.r = r;

	/* A new log: the header, then the record; a count no step has is
	 * empty (rank wrote no record at all). */
	fd = log_fd("new.tsv", "");
	assert_int_equal(runlog_format(&b, fd, &run, &why), 0);
	unit_buf_is(&b, RUNLOG_FIELDS "\n"
	    "2026-11-27T02:00:00Z\tp.yaml\tnight\t0\t1234\t\t"
	    "ingest=40,28,12;expect=28,35,0;rank=,,;md=35,35,0\t"
	    "o/r.tsv;o/r.md\t13\t\t2\t\t5\t12\t127\t120\t7\n");
	close(fd);

	/* A log begun by an earlier luong-run: its eight fields. */
	buf_reset(&b);
	run.status = 1;
	buf_adds(&r->error, "stage 3 (rank): exited with status 1");
	fd = log_fd("old.tsv", "start\tpipeline\tname\tstatus\tduration_ms\t"
	    "error\tstages\toutputs\nx\tx\tx\t0\t1\t\tx=,,\tx\n");
	assert_int_equal(runlog_format(&b, fd, &run, &why), 0);
	unit_buf_is(&b, "2026-11-27T02:00:00Z\tp.yaml\tnight\t1\t1234\t"
	    "stage 3 (rank): exited with status 1\t"
	    "ingest=40,28,12;expect=28,35,0;rank=,,;md=35,35,0\t\n");
	close(fd);

	/* Any list of log fields, in its order. */
	buf_reset(&b);
	fd = log_fd("some.tsv", "schools_missing\tstatus\tfiles_read\n");
	assert_int_equal(runlog_format(&b, fd, &run, &why), 0);
	unit_buf_is(&b, "7\t1\t13\n");
	/* runlog_append writes the same, and leaves the offset alone. */
	assert_int_equal(runlog_append(fd, &run, &why), 0);
	assert_string_equal(unit_read(unit_path("some.tsv"), NULL),
	    "schools_missing\tstatus\tfiles_read\n7\t1\t13\n");
	close(fd);

	/* A configuration error: no runner, no name, counts or stages. */
	buf_reset(&b);
	run.r = NULL;
	run.status = 2;
	fd = log_fd("some.tsv", "status\terror\tname\tstages\tfiles_read\n");
	assert_int_equal(runlog_format(&b, fd, &run, &why), 0);
	unit_buf_is(&b, "2\tconfiguration error\t\t\t\n");
	close(fd);

	/* Not a regular file: every record with the header, as a new log. */
	buf_reset(&b);
	fd = open("/dev/null", O_RDWR);
	assert_int_equal(runlog_format(&b, fd, &run, &why), 0);
	assert_int_equal(strncmp(b.p, RUNLOG_FIELDS "\n", strlen(RUNLOG_FIELDS) +
	    1), 0);
	close(fd);
	unit_buf_is(&why, "");
	buf_free(&b);
	runner_free(r);
	pipeline_free(p);
}

/* refused checks that a log holding text is refused, saying want. */
static void
refused(const char *text, const char *want)
{
	struct runlog_run run = { "t", "p.yaml", 0, 0, NULL };
	struct buf b = { 0 }, why = { 0 };
	int fd = log_fd("bad.tsv", text);

	assert_int_equal(runlog_check(fd, &why), -1);
	unit_buf_is(&why, want);
	buf_reset(&why);
	assert_int_equal(runlog_format(&b, fd, &run, &why), -1);
	unit_buf_is(&why, want);
	unit_buf_is(&b, "");
	buf_reset(&why);
	assert_int_equal(runlog_append(fd, &run, &why), -1);
	unit_buf_is(&why, want);
	assert_string_equal(unit_read(unit_path("bad.tsv"), NULL), text);
	close(fd);
	buf_free(&why);
}

static void
test_check(void **state)
{
	struct buf why = { 0 };
	char big[5000];
	int fd;

	(void)state;
	fd = log_fd("ok.tsv", "");
	assert_int_equal(runlog_check(fd, &why), 0);
	close(fd);
	fd = log_fd("ok.tsv", RUNLOG_FIELDS "\n");
	assert_int_equal(runlog_check(fd, &why), 0);
	close(fd);
	unit_buf_is(&why, "");
	refused("district\tn\nTân An\t7\n",
	    "\"district\" in its header is not a field of the log");
	refused("status\tname\tstatus\n", "its header names \"status\" twice");
	refused("start\tstatus\r\n",
	    "\"status\\r\" in its header is not a field of the log");
	refused("start\t\n", "\"\" in its header is not a field of the log");
	refused("\nstart\n", "its first line is not a header");
	refused("start", "its first line is not a header");
	memset(big, 'a', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	refused(big, "its first line is not a header");
	/* Not readable: errno, no reason. */
	fd = open(unit_puts("wo.tsv", "start\n"), O_WRONLY | O_APPEND);
	assert_int_equal(runlog_check(fd, &why), -1);
	assert_int_equal(errno, EBADF);
	unit_buf_is(&why, "");
	close(fd);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_check),
	};

	return cmocka_run_group_tests(tests, unit_tmpdir_setup,
	    unit_tmpdir_teardown);
}
