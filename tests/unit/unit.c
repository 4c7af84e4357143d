/* unit — the unit tests' shared helpers; see unit.h. */
#include <sys/wait.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "unit.h"

static char tmpdir[PATH_MAX];

int
unit_tmpdir_setup(void **state)
{
	const char *t = getenv("TMPDIR");
	char cwd[PATH_MAX];
	int n;

	(void)state;
	if (t == NULL || *t == '\0')
		t = "/tmp";
	/* Absolute, so it stays right for a test that changes directory. */
	if (t[0] != '/' && getcwd(cwd, sizeof cwd) != NULL)
		n = snprintf(tmpdir, sizeof tmpdir, "%s/%s/luong-unit.XXXXXX",
		    cwd, t);
	else
		n = snprintf(tmpdir, sizeof tmpdir, "%s/luong-unit.XXXXXX", t);
	if (n < 0 || (size_t)n >= sizeof tmpdir || mkdtemp(tmpdir) == NULL) {
		tmpdir[0] = '\0';
		return -1;
	}
	return 0;
}

int
unit_tmpdir_teardown(void **state)
{
	pid_t pid;
	int st;

	(void)state;
	if (tmpdir[0] == '\0')
		return -1;
	/* rm itself, not system(3): the path goes to it as one argument,
	 * whatever TMPDIR holds. */
	fflush(NULL);
	if ((pid = fork()) < 0)
		return -1;
	if (pid == 0) {
		execlp("rm", "rm", "-rf", "--", tmpdir, (char *)NULL);
		_exit(127);
	}
	if (waitpid(pid, &st, 0) != pid || !WIFEXITED(st) ||
	    WEXITSTATUS(st) != 0)
		return -1;
	tmpdir[0] = '\0';
	return 0;
}

const char *
unit_tmpdir(void)
{
	assert_true(tmpdir[0] != '\0');
	return tmpdir;
}

/* in_tmpdir writes dir/name into path (size n), failing the test when it
 * does not fit. */
static void
in_tmpdir(char *path, size_t n, const char *name)
{
	int k = snprintf(path, n, "%s/%s", unit_tmpdir(), name);

	assert_true(k > 0 && (size_t)k < n);
}

const char *
unit_path(const char *name)
{
	static char path[PATH_MAX];

	in_tmpdir(path, sizeof path, name);
	return path;
}

const char *
unit_write(const char *name, const void *data, size_t n)
{
	static char path[PATH_MAX];
	FILE *fp;

	in_tmpdir(path, sizeof path, name);
	fp = fopen(path, "wb");
	if (fp == NULL)
		fail_msg("%s: cannot create", path);
	assert_int_equal(fwrite(data, 1, n, fp), n);
	assert_int_equal(fclose(fp), 0);
	return path;
}

const char *
unit_puts(const char *name, const char *text)
{
	return unit_write(name, text, strlen(text));
}

const char *
unit_write_gz(const char *name, const void *data, size_t n)
{
	static char path[PATH_MAX];
	gzFile gz;

	in_tmpdir(path, sizeof path, name);
	gz = gzopen(path, "wb");
	if (gz == NULL)
		fail_msg("%s: cannot create", path);
	assert_true(n <= INT_MAX);
	if (n > 0)
		assert_int_equal(gzwrite(gz, data, (unsigned)n), (int)n);
	assert_int_equal(gzclose(gz), Z_OK);
	return path;
}

const char *
unit_read(const char *path, size_t *n)
{
	static struct buf text;
	char chunk[8192];
	size_t k;
	FILE *fp = fopen(path, "rb");

	if (fp == NULL)
		return NULL;
	buf_reset(&text);
	buf_adds(&text, "");
	while ((k = fread(chunk, 1, sizeof chunk, fp)) > 0)
		buf_add(&text, chunk, k);
	assert_false(ferror(fp));
	fclose(fp);
	if (n != NULL)
		*n = text.len;
	return text.p;
}

int
unit_child(void (*fn)(const void *), const void *arg, char *err, size_t n)
{
	int fds[2], st;
	size_t got = 0;
	ssize_t k;
	char drop[512];
	pid_t pid;

	assert_true(n > 0);
	assert_int_equal(pipe(fds), 0);
	fflush(NULL);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		dup2(fds[1], 2);
		close(fds[0]);
		close(fds[1]);
		fn(arg);
		_exit(0);
	}
	close(fds[1]);
	/* Read to the end, past what fits, so the child never blocks on a
	 * full pipe. */
	for (;;) {
		if (got < n - 1)
			k = read(fds[0], err + got, n - 1 - got);
		else
			k = read(fds[0], drop, sizeof drop);
		if (k <= 0)
			break;
		if (got < n - 1)
			got += (size_t)k;
	}
	err[got] = '\0';
	close(fds[0]);
	assert_int_equal(waitpid(pid, &st, 0), pid);
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

void
unit_child_fails_at(void (*fn)(const void *), const void *arg, int status,
    const char *want, const char *file, int line)
{
	char msg[2048];
	int got = unit_child(fn, arg, msg, sizeof msg);

	if (got != status || strstr(msg, want) == NULL) {
		print_error("ERROR: the child exited %d with \"%s\", want %d "
		    "with \"%s\"\n", got, msg, status, want);
		_fail(file, line);
	}
}

unsigned
unit_rnd(unsigned n)
{
	static unsigned long long x = 88172645463325252ULL;

	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	return (unsigned)(x % n);
}

char *
unit_first_line(char *s)
{
	char *nl = strchr(s, '\n');

	if (nl != NULL)
		*nl = '\0';
	return s;
}

void
unit_buf_is_at(const struct buf *b, const char *want, const char *file,
    int line)
{
	const char *got = b->p != NULL ? b->p : "";
	size_t len = b->p != NULL ? b->len : 0;

	if (len != strlen(want) || memcmp(got, want, len) != 0) {
		print_error("ERROR: buffer holds \"%s\" (%zu bytes), want "
		    "\"%s\" (%zu bytes)\n", got, len, want, strlen(want));
		_fail(file, line);
	}
}
