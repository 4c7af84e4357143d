/* stats — a program's counts as data: see stats.h. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "atomic.h"
#include "buf.h"
#include "diag.h"
#include "rec.h"
#include "stats.h"

#define MAXSTATS	32	/* a program has a dozen counts at most */

static const char *program = "luong";
static const char *name[MAXSTATS];
static unsigned long long count[MAXSTATS];
static int nstats, fd = -1, started;

static void
at_exit(void)
{
	if (fd >= 0 && stats_write(fd) != 0) {
		diag_msg(NULL, 0, "LUONG_STATS_FD=%d: write error: %s", fd,
		    strerror(errno));
		fflush(stderr);
		_exit(EXIT_DATA);
	}
}

void
stats_init(const char *prog)
{
	const char *s = getenv("LUONG_STATS_FD");
	char *end;
	long v;
	int fl;

	program = prog;
	stats_counter("rows_read");
	stats_counter("rows_written");
	stats_counter("rows_rejected");
	if (s == NULL || *s == '\0' || started)
		return;
	errno = 0;
	v = strtol(s, &end, 10);
	if (*s < '0' || *s > '9' || *end != '\0' || errno != 0 ||
	    v > 1024 * 1024 || (fl = fcntl((int)v, F_GETFD)) < 0)
		diag_fatal(EXIT_USAGE, NULL, 0, "LUONG_STATS_FD=%s: not an "
		    "open file descriptor", s);
	fd = (int)v;
	fcntl(fd, F_SETFD, fl | FD_CLOEXEC);
	started = 1;
	atexit(at_exit);
}

unsigned long long *
stats_counter(const char *n)
{
	int i;

	for (i = 0; i < nstats; i++)
		if (strcmp(name[i], n) == 0)
			return &count[i];
	if (nstats == MAXSTATS)
		diag_fatal(EXIT_DATA, NULL, 0, "too many counters (%s)", n);
	name[nstats] = n;
	return &count[nstats++];
}

void
stats_set(const char *n, unsigned long long v)
{
	*stats_counter(n) = v;
}

int
stats_write(int to)
{
	struct buf b = { 0 };
	int i, e;

	buf_adds(&b, "program");
	for (i = 0; i < nstats; i++)
		buf_printf(&b, "\t%s", name[i]);
	buf_addc(&b, '\n');
	rec_escape(&b, program, strlen(program));
	for (i = 0; i < nstats; i++)
		buf_printf(&b, "\t%llu", count[i]);
	buf_addc(&b, '\n');
	/* One write: a record shorter than PIPE_BUF reaches a pipe whole. */
	if ((e = atomic_write_all(to, b.p, b.len)) != 0) {
		buf_free(&b);
		errno = e;
		return -1;
	}
	buf_free(&b);
	return 0;
}
