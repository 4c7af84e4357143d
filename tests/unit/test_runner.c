/* Unit tests for runner: outputs made and renamed, failures and their
 * status, prefixed stderr and summaries, nothing left behind. */
#include <fcntl.h>
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

	/* Only a broken pipe: it is the failure. */
	r = run("steps:\n"
	    "  - [seq, 1, 1000000]\n"
	    "  - [sh, -c, 'read x; echo $x']\n", &p);
	assert_int_equal(r->status, 1);
	assert_string_equal(r->error.p,
	    "stage 1 (seq): killed by signal 13 (Broken pipe)");
	done(r, p);
}

static void
test_summary(void **state)
{
	struct pipeline *p;
	struct runner *r;

	(void)state;
	r = run("steps:\n"
	    "  - [printf, 'a\\n']\n"
	    "  - {name: x, run: [sh, -c, 'cat; echo \"x: 9 rows read, 8 "
	    "written, 1 rejected\" >&2; printf \"no newline\" >&2']}\n"
	    "outputs:\n"
	    "  - path: o/s.txt\n"
	    "  - {path: o/t.txt, run: [sh, -c, 'cat >/dev/null; exit 0']}\n",
	    &p);
	assert_int_equal(r->status, 0);
	assert_true(r->procs[1].sum[0] == 9 && r->procs[1].sum[1] == 8 &&
	    r->procs[1].sum[2] == 1);
	assert_true(r->procs[0].sum[0] == -1);
	assert_string_equal(err, "[x] x: 9 rows read, 8 written, 1 rejected\n"
	    "[x] no newline\n");
	assert_string_equal(unit_read("o/s.txt", NULL), "a\n");
	assert_string_equal(unit_read("o/t.txt", NULL), "");
	done(r, p);
	runner_free(NULL);
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
		cmocka_unit_test(test_summary),
	};

	return cmocka_run_group_tests(tests, setup, unit_tmpdir_teardown);
}
