/* Unit tests for cli, atomic and stats: the command line every program
 * shares, files that appear whole, and the stats record. */
#include <sys/stat.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "atomic.h"
#include "cli.h"
#include "diag.h"
#include "rec.h"
#include "stats.h"
#include "unit.h"

static const char syn[] = "usage: prog [-a] [-b arg] [--long x] [file ...]\n";

/* In a child, the code under test may exit: run fn(arg) there with
 * stdout and stderr into files, and return its exit status. */
struct outcome {
	int	 status;
	char	 out[4096], err[4096];
};

static void
run_child(void (*fn)(void *), void *arg, struct outcome *o)
{
	const char *s;
	pid_t pid;
	int st;

	fflush(NULL);
	if ((pid = fork()) == 0) {
		/* A child that cannot redirect exits 98, which no case
		 * expects. */
		if (freopen(unit_path("child.out"), "w", stdout) == NULL ||
		    freopen(unit_path("child.err"), "w", stderr) == NULL)
			_exit(98);
		fn(arg);
		fflush(NULL);
		_exit(77);
	}
	assert_true(pid > 0);
	assert_int_equal(waitpid(pid, &st, 0), pid);
	o->status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
	s = unit_read(unit_path("child.out"), NULL);
	snprintf(o->out, sizeof o->out, "%s", s ? s : "");
	s = unit_read(unit_path("child.err"), NULL);
	snprintf(o->err, sizeof o->err, "%s", s ? s : "");
}

static const struct option longopts[] = {
	{ "long", required_argument, NULL, CLI_OPT_FIRST },
	{ "flag", no_argument, NULL, CLI_OPT_FIRST + 1 },
	CLI_HELP_OPTION,
	{ NULL, 0, NULL, 0 }
};

/* getopt_child parses the NULL-terminated argv in arg, printing each
 * option it returns. */
static void
getopt_child(void *arg)
{
	char **av = arg;
	int ac = 0, ch;

	while (av[ac] != NULL)
		ac++;
	optind = 1;
	cli_init("prog", syn, av);
	while ((ch = cli_getopt(ac, av, "ab:", longopts)) != -1)
		printf("%d %s\n", ch, optarg ? optarg : "-");
	printf("operands from %d\n", optind);
	exit(0);
}

static void
expect_getopt(char **av, int status, const char *out, const char *err)
{
	struct outcome o;

	run_child(getopt_child, av, &o);
	assert_int_equal(o.status, status);
	assert_string_equal(o.out, out);
	assert_string_equal(o.err, err);
}

static void
test_getopt(void **state)
{
	char *ok[] = { "/usr/bin/x", "-a", "-bv", "--long=1", "--flag", "f",
	    NULL };
	char *unk[] = { "x", "-Z", NULL };
	char *unkl[] = { "x", "--bogus=3", NULL };
	char *miss[] = { "x", "-b", NULL };
	char *missl[] = { "x", "--long", NULL };
	char *extra[] = { "x", "--flag=yes", NULL };
	char *help[] = { "x", "--help", NULL };
	char *helpx[] = { "x", "--help=1", NULL };

	(void)state;
	expect_getopt(ok, 0, "97 -\n98 v\n257 1\n258 -\noperands from 5\n",
	    "");
	expect_getopt(unk, 2, "", "prog: unknown option -Z\n" "usage: prog "
	    "[-a] [-b arg] [--long x] [file ...]\n");
	expect_getopt(unkl, 2, "", "prog: unknown option --bogus\n" "usage: "
	    "prog [-a] [-b arg] [--long x] [file ...]\n");
	expect_getopt(miss, 2, "", "prog: option -b requires an argument\n"
	    "usage: prog [-a] [-b arg] [--long x] [file ...]\n");
	expect_getopt(missl, 2, "", "prog: option --long requires an "
	    "argument\n" "usage: prog [-a] [-b arg] [--long x] [file ...]\n");
	expect_getopt(extra, 2, "", "prog: option --flag takes no argument\n"
	    "usage: prog [-a] [-b arg] [--long x] [file ...]\n");
	expect_getopt(help, 0, syn, "");
	expect_getopt(helpx, 2, "", "prog: option --help takes no argument\n"
	    "usage: prog [-a] [-b arg] [--long x] [file ...]\n");
}

static void
help_full_child(void *arg)
{
	char *av[] = { "x", "--help", NULL };

	(void)arg;
	if (freopen("/dev/full", "w", stdout) == NULL)
		_exit(98);
	optind = 1;
	cli_init("prog", syn, av);
	cli_getopt(2, av, "", longopts);
}

static void
test_help_full(void **state)
{
	struct outcome o;

	(void)state;
	run_child(help_full_child, NULL, &o);
	assert_int_equal(o.status, 1);
	assert_string_equal(o.err, "prog: <stdout>: write error: No space "
	    "left on device\n");
}

static void
required_child(void *arg)
{
	char *av[] = { "x", NULL };

	cli_init("prog", syn, av);
	cli_required(arg);
}

static void
test_required(void **state)
{
	struct outcome o;

	(void)state;
	run_child(required_child, "-c", &o);
	assert_int_equal(o.status, 2);
	assert_string_equal(o.err, "prog: -c is required\n"
	    "usage: prog [-a] [-b arg] [--long x] [file ...]\n");
}

static void
test_text_nfc(void **state)
{
	/* "Tân An" with a combining grave (NFD) comes back precomposed. */
	char *s = cli_text("-c", "Ta\xcc\x82n An");

	(void)state;
	assert_string_equal(s, "T\xc3\xa2n An");
	free(s);
	s = cli_text("-c", "");
	assert_string_equal(s, "");
	free(s);
}

static void
bad_text_child(void *arg)
{
	diag_init("prog");
	free(cli_text("--title", arg));
}

static void
test_text_bad(void **state)
{
	struct outcome o;

	(void)state;
	run_child(bad_text_child, "ab\xff", &o);
	assert_int_equal(o.status, 2);
	assert_string_equal(o.err, "prog: --title: not valid UTF-8\n");
}

static void
test_list(void **state)
{
	struct cli_list l = { 0 };

	(void)state;
	cli_list_add(&l, "-g", "district,level");
	cli_list_add(&l, "-g", "Ta\xcc\x82n");
	assert_int_equal(l.n, 3);
	assert_string_equal(l.v[0], "district");
	assert_string_equal(l.v[1], "level");
	assert_string_equal(l.v[2], "T\xc3\xa2n");
	assert_int_equal(cli_list_index(&l, "district"), 0);
	assert_int_equal(cli_list_index(&l, "T\xc3\xa2n"), 2);
	assert_int_equal(cli_list_index(&l, "leve"), -1);
	cli_list_free(&l);
	assert_int_equal(l.n, 0);
	assert_int_equal(cli_list_index(&l, "district"), -1);
	cli_list_free(&l);
}

static void
list_child(void *arg)
{
	struct cli_list l = { 0 };

	diag_init("prog");
	cli_list_add(&l, "-k", arg);
}

static void
test_list_empty(void **state)
{
	static const char *bad[] = { "", "a,", ",a", "a,,b" };
	struct outcome o;
	char want[128];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		run_child(list_child, (void *)bad[i], &o);
		assert_int_equal(o.status, 2);
		snprintf(want, sizeof want, "prog: -k: empty item in \"%s\"\n",
		    bad[i]);
		assert_string_equal(o.err, want);
	}
}

static void
test_pair(void **state)
{
	struct cli_pair p;

	(void)state;
	cli_pair(&p, "--total", "district=Toa\xcc\x80n ti\xcc\x89nh");
	assert_string_equal(p.field, "district");
	assert_string_equal(p.value, "To\xc3\xa0n t\xe1\xbb\x89nh");
	cli_pair_free(&p);
	cli_pair(&p, "--where", "a=b=c");
	assert_string_equal(p.field, "a");
	assert_string_equal(p.value, "b=c");
	cli_pair_free(&p);
	cli_pair(&p, "--where", "a=");
	assert_string_equal(p.value, "");
	cli_pair_free(&p);
}

static void
pair_child(void *arg)
{
	struct cli_pair p;

	diag_init("prog");
	cli_pair(&p, "--total", arg);
}

static void
test_pair_bad(void **state)
{
	struct outcome o;

	(void)state;
	run_child(pair_child, "district", &o);
	assert_int_equal(o.status, 2);
	assert_string_equal(o.err, "prog: --total: expected field=value, "
	    "not \"district\"\n");
	run_child(pair_child, "=x", &o);
	assert_int_equal(o.status, 2);
}

static void
count_child(void *arg)
{
	diag_init("prog");
	printf("%llu\n", cli_count("-m", arg));
	exit(0);
}

static void
test_count(void **state)
{
	static const char *bad[] = { "", "-1", "+1", "1x", " 1",
	    "99999999999999999999999" };
	struct outcome o;
	char want[128];
	size_t i;

	(void)state;
	run_child(count_child, "0", &o);
	assert_string_equal(o.out, "0\n");
	run_child(count_child, "18446744073709551615", &o);
	assert_string_equal(o.out, "18446744073709551615\n");
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		run_child(count_child, (void *)bad[i], &o);
		assert_int_equal(o.status, 2);
		snprintf(want, sizeof want, "prog: -m \"%s\": expected a "
		    "number of rows\n", bad[i]);
		assert_string_equal(o.err, want);
	}
}

/* side_child opens -r unit_path("side") against the inputs in arg and
 * writes to it; with "fail" it then exits 1 without closing it. */
struct side_args {
	char	*inputs[3];
	int	 nin;
	int	 fail;
};

static void
side_child(void *arg)
{
	struct side_args *s = arg;
	struct cli_side *side;

	diag_init("prog");
	side = cli_side_open("-r", unit_path("side"), s->nin, s->inputs);
	rec_puts(side->w, "new");
	rec_endrow(side->w);
	/* A failed run still writes what it buffered, and keeps it. */
	if (s->fail)
		exit(1);
	cli_side_close(side);
	exit(0);
}

static void
test_side(void **state)
{
	struct side_args s = { { NULL }, 0, 0 };
	struct outcome o;
	char dot[600], hard[600], want[1200];

	(void)state;
	/* Naming an input, by another path: refused, the file untouched. */
	unit_puts("side", "input\n");
	snprintf(dot, sizeof dot, "%s/./side", unit_tmpdir());
	s.inputs[0] = (char *)"/dev/null";
	s.inputs[1] = dot;
	s.nin = 2;
	run_child(side_child, &s, &o);
	assert_int_equal(o.status, 2);
	snprintf(want, sizeof want, "prog: -r %s would overwrite the input "
	    "%s\n", unit_path("side"), dot);
	assert_string_equal(o.err, want);
	assert_string_equal(unit_read(unit_path("side"), NULL), "input\n");

	/* A hard link is the same file too. */
	snprintf(want, sizeof want, "%s", unit_path("side"));
	/* Its own copy: unit_path's buffer is the child's to reuse. */
	snprintf(hard, sizeof hard, "%s", unit_path("hard"));
	unlink(hard);
	assert_int_equal(link(want, hard), 0);
	s.inputs[1] = hard;
	run_child(side_child, &s, &o);
	assert_int_equal(o.status, 2);
	snprintf(want, sizeof want, "prog: -r %s would overwrite the input "
	    "%s\n", unit_path("side"), hard);
	assert_string_equal(o.err, want);
	assert_string_equal(unit_read(unit_path("side"), NULL), "input\n");
	unlink(hard);

	/* Any other input: written, whole. */
	s.nin = 1;
	run_child(side_child, &s, &o);
	assert_int_equal(o.status, 0);
	assert_string_equal(o.err, "");
	assert_string_equal(unit_read(unit_path("side"), NULL), "new\n");

	/* A failed run still leaves its side file, whole (ATOMIC_KEEP). */
	unit_puts("side", "old\n");
	s.fail = 1;
	run_child(side_child, &s, &o);
	assert_int_equal(o.status, 1);
	assert_string_equal(unit_read(unit_path("side"), NULL), "new\n");
}

static void
test_atomic(void **state)
{
	struct atomic *a;
	struct stat st;
	mode_t mask;

	(void)state;
	unit_puts("report", "old\n");
	a = atomic_open(unit_path("report"), 0);
	assert_non_null(a);
	assert_int_equal(write(a->fd, "new\n", 4), 4);
	/* Until committed, readers see the old file. */
	assert_string_equal(unit_read(unit_path("report"), NULL), "old\n");
	assert_int_equal(atomic_commit(a), 0);
	assert_null(a->tmp);
	assert_string_equal(unit_read(unit_path("report"), NULL), "new\n");
	mask = umask(0);
	umask(mask);
	assert_int_equal(stat(unit_path("report"), &st), 0);
	assert_int_equal(st.st_mode & 0777, 0666 & ~mask);
	atomic_free(a);

	/* Aborted: the old file stays and the temporary one is gone. */
	a = atomic_open(unit_path("report"), 0);
	assert_int_equal(write(a->fd, "bad\n", 4), 4);
	assert_int_equal(stat(a->tmp, &st), 0);
	{
		char tmp[600];

		snprintf(tmp, sizeof tmp, "%s", a->tmp);
		atomic_free(a);
		assert_int_not_equal(stat(tmp, &st), 0);
	}
	assert_string_equal(unit_read(unit_path("report"), NULL), "new\n");
	atomic_free(NULL);

	/* No such directory: NULL with errno. */
	errno = 0;
	assert_null(atomic_open(unit_path("nodir/report"), 0));
	assert_int_equal(errno, ENOENT);
}

/* A symbolic link to a regular file: the file is replaced, the link
 * stays; through /dev/fd the descriptor is written in place. */
static void
test_atomic_link(void **state)
{
	struct atomic *a;
	struct stat st;
	char target[600], via[64];
	int fd;

	(void)state;
	snprintf(target, sizeof target, "%s", unit_path("linked"));
	unit_puts("linked", "old\n");
	unlink(unit_path("link"));
	assert_int_equal(symlink(target, unit_path("link")), 0);
	a = atomic_open(unit_path("link"), 0);
	assert_non_null(a);
	assert_int_equal(write(a->fd, "new\n", 4), 4);
	assert_int_equal(atomic_commit(a), 0);
	atomic_free(a);
	assert_int_equal(lstat(unit_path("link"), &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	assert_string_equal(unit_read(target, NULL), "new\n");

	fd = open(unit_path("viafd"), O_WRONLY | O_CREAT | O_TRUNC, 0644);
	assert_true(fd >= 0);
	snprintf(via, sizeof via, "/dev/fd/%d", fd);
	a = atomic_open(via, ATOMIC_KEEP);
	assert_non_null(a);
	assert_true(a->flags & ATOMIC_INPLACE);
	assert_int_equal(write(a->fd, "fd\n", 3), 3);
	assert_int_equal(atomic_commit(a), 0);
	atomic_free(a);
	close(fd);
	assert_string_equal(unit_read(unit_path("viafd"), NULL), "fd\n");
}

/* A target that is not a regular file is written in place: renaming over
 * a FIFO (or, as root, over /dev/null) would replace it. */
static void
test_atomic_fifo(void **state)
{
	struct atomic *a;
	struct stat st;
	char got[8];
	int r;

	(void)state;
	unlink(unit_path("fifo"));
	assert_int_equal(mkfifo(unit_path("fifo"), 0600), 0);
	r = open(unit_path("fifo"), O_RDONLY | O_NONBLOCK);
	assert_true(r >= 0);
	a = atomic_open(unit_path("fifo"), ATOMIC_KEEP);
	assert_non_null(a);
	assert_null(a->tmp);
	assert_int_equal(write(a->fd, "abc", 3), 3);
	assert_int_equal(atomic_commit(a), 0);
	atomic_free(a);
	assert_int_equal(read(r, got, sizeof got), 3);
	close(r);
	assert_int_equal(stat(unit_path("fifo"), &st), 0);
	assert_true(S_ISFIFO(st.st_mode));
	/* A directory is refused. */
	errno = 0;
	assert_null(atomic_open(unit_tmpdir(), 0));
	assert_int_equal(errno, EISDIR);
}

static void
exit_child(void *arg)
{
	struct atomic *a = atomic_open(unit_path("report"), 0);

	(void)arg;
	assert_int_equal(write(a->fd, "half", 4), 4);
	exit(1);
}

static void
signal_child(void *arg)
{
	struct atomic *a = atomic_open(unit_path("report"), 0);

	(void)arg;
	assert_int_equal(write(a->fd, "half", 4), 4);
	raise(SIGTERM);
}

static int
count_temps(void)
{
	char cmd[700];
	FILE *fp;
	int n = -1;

	snprintf(cmd, sizeof cmd, "ls -A %s | grep -c '^\\.report\\.'",
	    unit_tmpdir());
	fp = popen(cmd, "r");
	if (fp != NULL && fscanf(fp, "%d", &n) != 1)
		n = -1;
	if (fp != NULL)
		pclose(fp);
	return n;
}

static void
test_atomic_exit(void **state)
{
	struct outcome o;

	(void)state;
	unit_puts("report", "good\n");
	run_child(exit_child, NULL, &o);
	assert_int_equal(o.status, 1);
	assert_string_equal(unit_read(unit_path("report"), NULL), "good\n");
	assert_int_equal(count_temps(), 0);
	run_child(signal_child, NULL, &o);
	assert_int_equal(o.status, 128 + SIGTERM);
	assert_string_equal(unit_read(unit_path("report"), NULL), "good\n");
	assert_int_equal(count_temps(), 0);
}

static void
stats_child(void *arg)
{
	char *av[] = { "x", NULL };
	unsigned long long *read;

	cli_init("luong-test", syn, av);
	read = stats_counter("rows_read");
	*read += 5;
	(*stats_counter("rows_written"))++;
	stats_set("files", 2);
	(*stats_counter("rows_rejected")) += 4;
	if (arg != NULL)
		diag_fatal(EXIT_DATA, NULL, 0, "%s", (char *)arg);
	exit(0);
}

static void
test_stats(void **state)
{
	struct outcome o;
	int fd;

	(void)state;
	/* Unset: nothing written anywhere. */
	unsetenv("LUONG_STATS_FD");
	run_child(stats_child, NULL, &o);
	assert_int_equal(o.status, 0);
	assert_string_equal(o.out, "");
	assert_string_equal(o.err, "");

	fd = open(unit_path("stats"), O_WRONLY | O_CREAT | O_TRUNC, 0644);
	assert_true(fd >= 0);
	if (fd != 9) {
		assert_int_equal(dup2(fd, 9), 9);
		close(fd);
	}
	setenv("LUONG_STATS_FD", "9", 1);
	run_child(stats_child, NULL, &o);
	assert_int_equal(o.status, 0);
	assert_string_equal(unit_read(unit_path("stats"), NULL),
	    "program\trows_read\trows_written\trows_rejected\tfiles\n"
	    "luong-test\t5\t1\t4\t2\n");

	/* After an error: the counts so far. */
	assert_int_equal(ftruncate(9, 0), 0);
	lseek(9, 0, SEEK_SET);
	run_child(stats_child, "boom", &o);
	assert_int_equal(o.status, 1);
	assert_string_equal(o.err, "luong-test: boom\n");
	assert_string_equal(unit_read(unit_path("stats"), NULL),
	    "program\trows_read\trows_written\trows_rejected\tfiles\n"
	    "luong-test\t5\t1\t4\t2\n");
	close(9);

	/* Not an open descriptor, or not a number: exit 2. */
	run_child(stats_child, NULL, &o);
	assert_int_equal(o.status, 2);
	assert_string_equal(o.err, "luong-test: LUONG_STATS_FD=9: not an "
	    "open file descriptor\n");
	setenv("LUONG_STATS_FD", "x", 1);
	run_child(stats_child, NULL, &o);
	assert_int_equal(o.status, 2);
	assert_string_equal(o.err, "luong-test: LUONG_STATS_FD=x: not an "
	    "open file descriptor\n");

	/* A descriptor that cannot be written: exit 1, said. */
	fd = open("/dev/full", O_WRONLY);
	assert_true(fd >= 0);
	assert_int_equal(dup2(fd, 9), 9);
	close(fd);
	setenv("LUONG_STATS_FD", "9", 1);
	run_child(stats_child, NULL, &o);
	assert_int_equal(o.status, 1);
	assert_string_equal(o.err, "luong-test: LUONG_STATS_FD=9: write "
	    "error: No space left on device\n");
	close(9);
	unsetenv("LUONG_STATS_FD");
}

static void
test_pairs(void **state)
{
	struct cli_pair *p = NULL;
	size_t n = 0, i;
	char *field;
	const char *file;

	(void)state;
	cli_pairs_add(&p, &n, "--total", "district=T\xc3\xb4ng,district_code=80");
	cli_pairs_add(&p, &n, "--total", "level=");
	assert_int_equal(n, 3);
	assert_string_equal(p[0].field, "district");
	assert_string_equal(p[1].value, "80");
	assert_string_equal(p[2].field, "level");
	assert_string_equal(p[2].value, "");
	for (i = 0; i < n; i++)
		cli_pair_free(&p[i]);
	free(p);
	cli_field_file("--order", "gaz.yaml", "district", &field, &file);
	assert_string_equal(field, "district");
	assert_string_equal(file, "gaz.yaml");
	free(field);
	cli_field_file("--order", "unit=a=b.yaml", "district", &field, &file);
	assert_string_equal(field, "unit");
	assert_string_equal(file, "a=b.yaml");
	free(field);
}

static void
pairs_child(void *arg)
{
	struct cli_pair *p = NULL;
	size_t n = 0;

	diag_init("prog");
	cli_init("prog", "usage: prog\n", (char *[]){ "prog", NULL });
	cli_pairs_add(&p, &n, "--total", "a=1");
	cli_pairs_add(&p, &n, "--total", arg);
}

static void
test_pairs_twice(void **state)
{
	struct outcome o;

	(void)state;
	run_child(pairs_child, (void *)"b=2,a=3", &o);
	assert_int_equal(o.status, 2);
	assert_non_null(strstr(o.err, "prog: --total: field \"a\" named "
	    "twice\n"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_getopt),
		cmocka_unit_test(test_help_full),
		cmocka_unit_test(test_required),
		cmocka_unit_test(test_text_nfc),
		cmocka_unit_test(test_text_bad),
		cmocka_unit_test(test_list),
		cmocka_unit_test(test_list_empty),
		cmocka_unit_test(test_pairs),
		cmocka_unit_test(test_pairs_twice),
		cmocka_unit_test(test_pair),
		cmocka_unit_test(test_pair_bad),
		cmocka_unit_test(test_count),
		cmocka_unit_test(test_side),
		cmocka_unit_test(test_atomic),
		cmocka_unit_test(test_atomic_fifo),
		cmocka_unit_test(test_atomic_link),
		cmocka_unit_test(test_atomic_exit),
		cmocka_unit_test(test_stats),
	};

	return cmocka_run_group_tests(tests, unit_tmpdir_setup,
	    unit_tmpdir_teardown);
}
