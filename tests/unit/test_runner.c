/* Unit tests for runner: outputs made and renamed, failures and their
 * status, prefixed stderr, the stats records of the processes, nothing
 * left behind. */
#include <sys/wait.h>

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pipeline.h"
#include "runner.h"
#include "unit.h"

static char err[8192];		/* what the last run printed on stderr */

/* run loads yaml as p.yaml and runs it with stderr caught in err; the
 * runner is handed back for inspection (free it). */
static struct runner *
run(const char *yaml, struct pipeline **pp)
{
	struct runner *r;
	int fd, saved;

	unit_puts("p.yaml", yaml);
	*pp = pipeline_load("p.yaml", 0, NULL, NULL);
	r = runner_new(*pp);
	fflush(stderr);
	saved = dup(2);
	fd = open("stderr.txt", O_WRONLY | O_CREAT | O_TRUNC, 0644);
	dup2(fd, 2);
	close(fd);
	runner_run(r);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	snprintf(err, sizeof err, "%s", unit_read("stderr.txt", NULL));
	unlink("stderr.txt");
	return r;
}

static void
done(struct runner *r, struct pipeline *p)
{
	runner_free(r);
	pipeline_free(p);
}

/* only lists the directory: the names joined by spaces, sorted. */
static const char *
only(const char *d)
{
	static char names[1024];
	char cmd[256];
	FILE *fp;
	size_t n;

	snprintf(cmd, sizeof cmd, "ls -A %s | tr '\\n' ' '", d);
	fp = popen(cmd, "r");
	n = fread(names, 1, sizeof names - 1, fp);
	names[n] = '\0';
	pclose(fp);
	return names;
}

static void
test_ok(void **state)
{
	struct pipeline *p;
	struct runner *r;

	(void)state;
	r = run("name: ok\n"
	    "steps:\n"
	    "  - [printf, 'b\\na\\nc\\n']\n"
	    "  - {name: s, run: [sort]}\n"
	    "outputs:\n"
	    "  - path: o/d/all.txt\n"
	    "  - path: o/d/n.txt\n"
	    "    run: [wc, -l]\n", &p);
	assert_int_equal(r->status, 0);
	assert_int_equal(r->signal, 0);
	assert_int_equal(r->error.len, 0);
	assert_int_equal(r->nprocs, 3);
	assert_string_equal(r->procs[1].kind, "stage");
	assert_string_equal(r->procs[2].kind, "output");
	assert_int_equal(r->procs[2].num, 2);
	assert_string_equal(err, "");
	assert_string_equal(unit_read("o/d/all.txt", NULL), "a\nb\nc\n");
	assert_string_equal(unit_read("o/d/n.txt", NULL), "3\n");
	assert_string_equal(only("o/d"), "all.txt n.txt ");
	done(r, p);
}

static void
test_fail(void **state)
{
	struct pipeline *p;
	struct runner *r;

	(void)state;
	unlink("o/d/n.txt");
	unit_puts("o/d/all.txt", "old\n");
	r = run("steps:\n"
	    "  - [printf, 'b\\na\\n']\n"
	    "  - [sh, -c, 'cat; echo oops >&2; exit 2']\n"
	    "  - [sort]\n"
	    "outputs:\n"
	    "  - path: o/d/all.txt\n"
	    "  - path: o/new/n.txt\n"
	    "    run: [wc, -l]\n", &p);
	assert_int_equal(r->status, 2);
	assert_string_equal(r->error.p, "stage 2 (sh): exited with status 2");
	assert_non_null(strstr(err, "[sh] oops\n"));
	assert_non_null(strstr(err, ": stage 2 (sh): exited with status 2\n"));
	/* The old output kept, no temporary file, the new directory gone. */
	assert_string_equal(unit_read("o/d/all.txt", NULL), "old\n");
	assert_string_equal(only("o/d"), "all.txt ");
	assert_string_equal(only("o"), "d ");
	done(r, p);

	/* A signal; a broken pipe upstream of the failure is not named. */
	r = run("steps:\n"
	    "  - [seq, 1, 1000000]\n"
	    "  - [sh, -c, 'head -n 5; kill -9 $$']\n"
	    "outputs:\n"
	    "  - path: o/d/all.txt\n", &p);
	assert_int_equal(r->status, 1);
	assert_string_equal(r->error.p,
	    "stage 2 (sh): killed by signal 9 (Killed)");
	assert_null(strstr(err, "stage 1"));
	assert_string_equal(unit_read("o/d/all.txt", NULL), "old\n");
	assert_string_equal(only("o/d"), "all.txt ");
	done(r, p);

	/* A failure stops the run: the stage and the output command after
	 * it, which would fail too at the end of their input, are sent
	 * SIGTERM before they see it, and are not named. */
	r = run("steps:\n"
	    "  - [sh, -c, 'echo a; exit 1']\n"
	    "  - [sh, -c, 'cat >/dev/null; echo would >&2; exit 2']\n"
	    "outputs:\n"
	    "  - path: o/d/all.txt\n"
	    "  - path: o/d/n.txt\n"
	    "    run: [sh, -c, 'cat >/dev/null; echo would >&2; exit 3']\n", &p);
	assert_int_equal(r->status, 1);
	assert_string_equal(r->error.p, "stage 1 (sh): exited with status 1");
	assert_false(r->procs[0].stopped);
	assert_true(r->procs[1].stopped);
	assert_true(r->procs[2].stopped);
	assert_true(WIFSIGNALED(r->procs[1].status) &&
	    WTERMSIG(r->procs[1].status) == SIGTERM);
	assert_null(strstr(err, "would"));
	assert_null(strstr(err, "stage 2"));
	assert_null(strstr(err, "output"));
	assert_string_equal(unit_read("o/d/all.txt", NULL), "old\n");
	done(r, p);

	/* ... an output command's failure stops a stage that would never
	 * end by itself. */
	r = run("steps:\n"
	    "  - [cat, /dev/zero]\n"
	    "outputs:\n"
	    "  - path: o/d/all.txt\n"
	    "  - path: o/d/n.txt\n"
	    "    run: [sh, -c, 'exit 2']\n", &p);
	assert_int_equal(r->status, 2);
	assert_string_equal(r->error.p, "output 2 (sh): exited with status 2");
	assert_true(r->procs[0].stopped);
	assert_string_equal(err, "luong: output 2 (sh): exited with status 2\n");
	assert_string_equal(only("o/d"), "all.txt ");
	done(r, p);

	/* Only a broken pipe: it is the failure. */
	r = run("steps:\n"
	    "  - [seq, 1, 1000000]\n"
	    "  - [sh, -c, 'read x; echo $x']\n", &p);
	assert_int_equal(r->status, 1);
	assert_string_equal(r->error.p,
	    "stage 1 (seq): killed by signal 13 (Broken pipe)");
	done(r, p);
}

/* A record as stats_write writes it: header, then row. */
#define HEAD	"program\trows_read\trows_written\trows_rejected"

static void
test_stats(void **state)
{
	struct pipeline *p;
	struct runner *r;

	(void)state;
	/* Ours is not theirs: every process is told its own descriptor. */
	setenv("LUONG_STATS_FD", "7", 1);
	r = run("steps:\n"
	    "  - [printf, 'a\\n']\n"
	    "  - {name: x, run: [sh, -c, 'cat; echo \"x: 9 rows read, 8 "
	    "written, 1 rejected\" >&2; printf \"no newline\" >&2']}\n"
	    "  - {name: y, run: [sh, -c, 'cat; printf \"" HEAD "\\tgroups\\n"
	    "y\\t9\\t8\\t1\\t4\\n\" >&$LUONG_STATS_FD']}\n"
	    "outputs:\n"
	    "  - path: o/s.txt\n"
	    "  - {path: o/t.txt, run: [sh, -c, 'cat >/dev/null; printf "
	    "\"" HEAD "\\nt\\t1\\t0\\t0\\n\" >&3']}\n"
	    "  - {path: o/u.txt, run: [sh, -c, 'cat >/dev/null; "
	    "echo $LUONG_STATS_FD']}\n",
	    &p);
	unsetenv("LUONG_STATS_FD");
	assert_int_equal(r->status, 0);
	/* A summary line on stderr is passed on, never read. */
	assert_string_equal(err, "[x] x: 9 rows read, 8 written, 1 rejected\n"
	    "[x] no newline\n");
	assert_int_equal(r->procs[0].stats.n, 0);
	assert_int_equal(r->procs[1].stats.n, 0);
	assert_int_equal(r->procs[2].stats.n, 4);
	assert_string_equal(r->procs[2].stats.program, "y");
	assert_string_equal(r->procs[2].stats.name[0], "rows_read");
	assert_string_equal(r->procs[2].stats.name[3], "groups");
	assert_true(r->procs[2].stats.value[0] == 9 &&
	    r->procs[2].stats.value[1] == 8 &&
	    r->procs[2].stats.value[2] == 1 &&
	    r->procs[2].stats.value[3] == 4);
	assert_int_equal(r->procs[3].stats.n, 3);
	assert_string_equal(r->procs[3].stats.program, "t");
	assert_int_equal(r->procs[4].stats.n, 0);
	assert_string_equal(unit_read("o/s.txt", NULL), "a\n");
	assert_string_equal(unit_read("o/t.txt", NULL), "");
	assert_string_equal(unit_read("o/u.txt", NULL), "3\n");
	done(r, p);

	/* A process killed by a signal, or that never started, has none. */
	r = run("steps:\n"
	    "  - [sh, -c, 'kill -9 $$']\n"
	    "  - [cat]\n", &p);
	assert_int_equal(r->status, 1);
	assert_int_equal(r->procs[0].stats.n, 0);
	done(r, p);
	unit_puts("o/file", "");
	r = run("steps:\n"
	    "  - [cat]\n"
	    "outputs:\n"
	    "  - path: o/file/x\n", &p);
	assert_int_equal(r->status, 1);
	assert_int_equal(r->procs[0].pid, 0);
	assert_int_equal(r->procs[0].stats.n, 0);
	done(r, p);
	unlink("o/file");
	runner_free(NULL);
}

/* parse_is parses text; want: the number of counts, 0 for not a record. */
static void
parse_is(const char *text, size_t want)
{
	struct runner_stats s;
	int rc = runner_stats_parse(&s, text, strlen(text));

	assert_int_equal(rc, want > 0 ? 0 : -1);
	assert_int_equal(s.n, want);
	if (want == 0) {
		assert_null(s.name);
		assert_null(s.value);
	}
	runner_stats_free(&s);
	assert_int_equal(s.n, 0);
}

static void
test_stats_parse(void **state)
{
	static const char good[] = HEAD "\tfiles\tgroups\n"
	    "luong-x\\ty\t120\t118\t2\t7\t0\n";
	struct runner_stats s;
	char *big;
	size_t n;

	(void)state;
	assert_int_equal(runner_stats_parse(&s, good, sizeof good - 1), 0);
	assert_int_equal(s.n, 5);
	assert_string_equal(s.program, "luong-x\ty");	/* unescaped */
	assert_string_equal(s.name[0], "rows_read");
	assert_string_equal(s.name[1], "rows_written");
	assert_string_equal(s.name[2], "rows_rejected");
	assert_string_equal(s.name[3], "files");
	assert_string_equal(s.name[4], "groups");
	assert_true(s.value[0] == 120 && s.value[1] == 118 &&
	    s.value[2] == 2 && s.value[3] == 7 && s.value[4] == 0);
	runner_stats_free(&s);
	runner_stats_free(&s);		/* empty: a no-op */

	parse_is(HEAD "\nx\t1\t1\t0\n", 3);
	parse_is(HEAD "\nx\t18446744073709551615\t0\t0\n", 3);
	parse_is(HEAD "\tA_b9\nx\t1\t1\t0\t0\n", 4);
	/* Not a record. */
	parse_is("", 0);
	parse_is("\n", 0);
	parse_is("garbage\n", 0);
	parse_is(HEAD "\n", 0);
	parse_is(HEAD "\nx\t1\t1\t0", 0);		/* no LF at the end */
	parse_is(HEAD "\nx\t1\t1\t0\n" HEAD "\nx\t1\t1\t0\n", 0);
	parse_is(HEAD "\r\nx\t1\t1\t0\r\n", 0);
	parse_is("program\trows_written\trows_read\trows_rejected\n"
	    "x\t1\t1\t0\n", 0);
	parse_is("program\trows_read\trows_written\nx\t1\t1\n", 0);
	parse_is(HEAD "\nx\t1\t1\n", 0);		/* a field short */
	parse_is(HEAD "\nx\t1\t1\t0\t0\n", 0);	/* one too many */
	parse_is(HEAD "\n\t1\t1\t0\n", 0);		/* no program */
	parse_is(HEAD "\nx\t1\t\t0\n", 0);		/* an empty count */
	parse_is(HEAD "\nx\t1\t-1\t0\n", 0);
	parse_is(HEAD "\nx\t1\t+1\t0\n", 0);
	parse_is(HEAD "\nx\t1\t 1\t0\n", 0);
	parse_is(HEAD "\nx\t1\t1x\t0\n", 0);
	parse_is(HEAD "\nx\t1\t18446744073709551616\t0\n", 0);
	parse_is(HEAD "\tour count\nx\t1\t1\t0\t0\n", 0);
	parse_is(HEAD "\t9lives\nx\t1\t1\t0\t0\n", 0);
	parse_is(HEAD "\t\nx\t1\t1\t0\t0\n", 0);
	assert_int_equal(runner_stats_parse(&s, HEAD "\nx\t1\0\t1\t0\n",
	    sizeof HEAD + 10), -1);
	/* Up to 64 KiB. */
	n = 65536;
	big = calloc(n + 2, 1);
	assert_non_null(big);
	memset(big, 'a', n);
	memcpy(big, HEAD "\t", sizeof HEAD);
	memcpy(big + n - 11, "\nx\t1\t1\t0\t1\n", 11);
	parse_is(big, 4);
	/* One byte more: a longer counter name. */
	memmove(big + 1, big, n);
	memcpy(big, HEAD "\ta", sizeof HEAD + 1);
	parse_is(big, 0);
	free(big);
}

/* The tests run in the scratch directory, where outputs go to o/d. */
static int
setup(void **state)
{
	if (unit_tmpdir_setup(state) != 0 || chdir(unit_tmpdir()) != 0)
		return -1;
	return system("mkdir -p o/d");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ok),
		cmocka_unit_test(test_fail),
		cmocka_unit_test(test_stats),
		cmocka_unit_test(test_stats_parse),
	};

	return cmocka_run_group_tests(tests, setup, unit_tmpdir_teardown);
}
