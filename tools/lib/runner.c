/* runner — the execution engine of luong-run: see runner.h. */
#define _GNU_SOURCE		/* memfd_create */
#include <sys/file.h>
#include <sys/mman.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "atomic.h"
#include "buf.h"
#include "diag.h"
#include "pipeline.h"
#include "progress.h"
#include "rec.h"
#include "runner.h"

#define CHUNK	65536		/* bytes of the stream in flight */
#define SHELL	"/bin/sh"	/* runs what execve cannot */
#define MAXLINE	65536		/* a longer stderr line is cut */
#define MAXSTATS 65536		/* a longer stats file is not a record */

#define STR(x)	#x
#define XSTR(x)	STR(x)

extern char **environ;

/* An output: its temporary file, and the pipe to its command. */
struct runner_out {
	const struct pipeline_output *o;
	struct atomic	*a;		/* NULL until made */
	int		 in;		/* pipe to the command, -1: none */
	size_t		 off;		/* bytes of the chunk it has taken */
	int		 bad;		/* a write to it failed */
};

static volatile sig_atomic_t got_signal;
/* The lock file while a run waits for its lock, else -1. */
static volatile sig_atomic_t lock_waiting = -1;
/* The write end of the running runner's SIGCHLD self-pipe, else -1. */
static volatile sig_atomic_t chld_fd = -1;

/* on_chld wakes pump's poll: a process has ended (the pipe is non-
 * blocking, and one byte in it is enough). */
static void
on_chld(int sig)
{
	int e = errno;

	(void)sig;
	/* A full pipe has woken pump already: a failed write is nothing. */
	if (chld_fd >= 0)
		(void)!write(chld_fd, "", 1);
	errno = e;
}

static void
on_signal(int sig)
{
	got_signal = sig;
	/* The wait ends at once, whether the signal came during flock (it
	 * fails with EINTR) or just before it (EBADF). */
	if (lock_waiting >= 0) {
		close(lock_waiting);
		lock_waiting = -1;
	}
}

static void
fail(struct runner *r, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void release(struct runner *);
static void reap(struct runner *);
static int running(const struct runner *);

/* fail prints one of luong-run's own failures; the first one is kept for
 * the log and makes the run fail with status 1. */
static void
fail(struct runner *r, const char *fmt, ...)
{
	char msg[2048];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	diag_msg(NULL, 0, "%s", msg);
	if (r->error.len == 0)
		buf_adds(&r->error, msg);
	if (r->status == 0)
		r->status = EXIT_DATA;
}

void
runner_write_all(int fd, const char *s, size_t n, int *err)
{
	*err = atomic_write_all(fd, s, n);
}

/* ident: s is an identifier, as stats counters are named. */
static int
ident(const char *s)
{
	const char *p = s;

	for (; (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
	    *p == '_' || (p > s && *p >= '0' && *p <= '9'); p++)
		;
	return p > s && *p == '\0';
}

/* count parses a count written in digits; -1 when it is not one. */
static int
count(const char *s, unsigned long long *v)
{
	char *end;

	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	*v = strtoull(s, &end, 10);
	return *end == '\0' && errno == 0 ? 0 : -1;
}

int
runner_stats_parse(struct runner_stats *s, const char *text, size_t len)
{
	static const char *const first[] = { "program", "rows_read",
	    "rows_written", "rows_rejected" };
	char *t, *row, **f;
	size_t *fl, hlen, nf, i;
	const char *nl;

	memset(s, 0, sizeof *s);
	/* Two lines, each ended by LF, and no NUL in them. */
	if (len < 2 || len > MAXSTATS || text[len - 1] != '\n' ||
	    memchr(text, '\0', len) != NULL ||
	    (nl = memchr(text, '\n', len)) == text + len - 1 ||
	    memchr(nl + 1, '\n', (size_t)(text + len - 1 - (nl + 1))) != NULL)
		return -1;
	hlen = (size_t)(nl - text);
	t = xmalloc(len);
	memcpy(t, text, len);
	t[hlen] = t[len - 1] = '\0';
	row = t + hlen + 1;
	for (nf = 1, i = 0; i < hlen; i++)
		nf += t[i] == '\t';
	f = xcalloc(2 * nf, sizeof *f);
	fl = xcalloc(2 * nf, sizeof *fl);
	s->value = xcalloc(nf, sizeof *s->value);
	if (nf < 4 || rec_split(t, hlen, f, fl, nf) != nf ||
	    rec_split(row, len - 1 - hlen - 1, f + nf, fl + nf, nf) != nf ||
	    fl[nf] == 0)
		goto bad;
	for (i = 0; i < nf; i++)
		if ((i < 4 && strcmp(f[i], first[i]) != 0) || !ident(f[i]) ||
		    (i > 0 && count(f[nf + i], &s->value[i - 1]) != 0))
			goto bad;
	s->text = t;
	s->program = f[nf];
	s->n = nf - 1;
	/* The names, one after the other: f, shifted past "program". */
	memmove(f, f + 1, s->n * sizeof *f);
	s->name = (const char **)f;
	free(fl);
	return 0;
bad:
	free(t);
	free(f);
	free(fl);
	free(s->value);
	memset(s, 0, sizeof *s);
	return -1;
}

void
runner_stats_free(struct runner_stats *s)
{
	free(s->text);
	free(s->name);
	free(s->value);
	memset(s, 0, sizeof *s);
}

/* emit_line writes a line a process printed on stderr, prefixed with the
 * process's name. */
static void
emit_line(struct runner_proc *pr)
{
	struct buf b = { 0 };
	int e;

	progress_clear();
	buf_printf(&b, "[%s] ", pr->cmd->name);
	buf_add(&b, pr->line.p, pr->line.len);
	buf_addc(&b, '\n');
	runner_write_all(2, b.p, b.len, &e);
	buf_free(&b);
	buf_reset(&pr->line);
}

/* show_progress draws the progress line a process keeps (progress.h),
 * prefixed with its name, when ours is on; its blank line clears ours. */
static void
show_progress(struct runner_proc *pr)
{
	size_t n = pr->line.len;

	while (n > 0 && pr->line.p[n - 1] == ' ')
		n--;
	if (n == 0)
		progress_clear();
	else
		progress_show("[%s] %.*s", pr->cmd->name, (int)n, pr->line.p);
}

static void
read_err(struct runner_proc *pr)
{
	char tmp[4096];
	ssize_t k = read(pr->err, tmp, sizeof tmp);
	const char *s, *nl, *end, *cr;

	if (k < 0 && (errno == EINTR || errno == EAGAIN))
		return;
	if (k <= 0) {
		/* A progress line left over is no message. */
		if (pr->progress)
			progress_clear();
		else if (pr->line.len > 0)
			emit_line(pr);
		buf_reset(&pr->line);
		pr->progress = 0;
		close(pr->err);
		pr->err = -1;
		return;
	}
	for (s = tmp; s < tmp + k; s = nl + 1) {
		nl = memchr(s, '\n', (size_t)(tmp + k - s));
		end = nl != NULL ? nl : tmp + k;
		if (nl != NULL && end > s && end[-1] == '\r')
			end--;		/* CRLF */
		/* A line redrawn after "\r" (progress.h) is what a terminal
		 * would show: the text after the last "\r". */
		for (cr = end; cr > s && cr[-1] != '\r'; cr--)
			;
		if (cr > s) {
			buf_reset(&pr->line);
			s = cr;
			pr->progress = 1;
		}
		buf_add(&pr->line, s, (size_t)(end - s));
		if (nl == NULL) {
			if (pr->progress)
				show_progress(pr);
			else if (pr->line.len >= MAXLINE)
				emit_line(pr);
			break;
		}
		pr->progress = 0;
		emit_line(pr);
	}
}

static void
close_inputs(struct runner *r)
{
	size_t i;

	for (i = 0; i < r->p->noutputs; i++)
		if (r->outs[i].in >= 0) {
			close(r->outs[i].in);
			r->outs[i].in = -1;
		}
}

/* read_src reads the next chunk of the stream and writes it to the outputs
 * that are the stream itself; the others take it through poll. */
static size_t
read_src(struct runner *r, char *chunk)
{
	ssize_t k = read(r->src, chunk, CHUNK);
	size_t i;
	int e;

	if (k < 0 && (errno == EINTR || errno == EAGAIN))
		return 0;
	if (k <= 0) {
		if (k < 0)
			fail(r, "reading the stream: %s", strerror(errno));
		close(r->src);
		r->src = -1;
		r->src_eof = 1;
		release(r);
		return 0;
	}
	for (i = 0; i < r->p->noutputs; i++) {
		struct runner_out *o = &r->outs[i];

		o->off = 0;
		if (o->o->cmd.argc > 0 || o->bad)
			continue;
		runner_write_all(o->a->fd, chunk, (size_t)k, &e);
		if (e != 0) {
			fail(r, "%s: write error: %s", o->a->tmp != NULL ?
			    o->a->tmp : o->a->path, strerror(e));
			o->bad = 1;
		}
	}
	return (size_t)k;
}

static void
write_out(struct runner *r, struct runner_out *o, const char *chunk, size_t clen)
{
	ssize_t k = write(o->in, chunk + o->off, clen - o->off);

	if (k >= 0) {
		o->off += (size_t)k;
		return;
	}
	if (errno == EINTR || errno == EAGAIN)
		return;
	/* EPIPE: the command stopped reading; its exit status decides, as
	 * when it reads a file that holds the stream. */
	if (errno != EPIPE)
		fail(r, "output %s: write error: %s", o->o->path,
		    strerror(errno));
	close(o->in);
	o->in = -1;
}

static void
kill_all(struct runner *r)
{
	size_t i;

	for (i = 0; i < r->nprocs; i++)
		if (r->procs[i].pid > 0 && !r->procs[i].reaped)
			kill(r->procs[i].pid, SIGTERM);
}

/* cancel stops the run after a failure: every process still running is
 * sent SIGTERM and marked stopped. */
static void
cancel(struct runner *r)
{
	size_t i;

	r->cancelled = 1;
	for (i = 0; i < r->nprocs; i++)
		if (r->procs[i].pid > 0 && !r->procs[i].reaped)
			r->procs[i].stopped = 1;
	kill_all(r);
}

/* pump moves the stream from the last step to the outputs and every
 * process's stderr to ours until all of them are at their end.  Writes
 * never block: a command busy writing its stderr is not waited for while
 * its stdin is full. */
static void
pump(struct runner *r)
{
	size_t no = r->p->noutputs, np = r->nprocs;
	char *chunk = xmalloc(CHUNK);
	struct pollfd *pfd = xcalloc(2 + no + np, sizeof *pfd);
	size_t *who = xcalloc(2 + no + np, sizeof *who);
	size_t clen = 0, n, i, k;
	int killed = 0, rc;

	for (;;) {
		int taken = 1;

		if (got_signal && !killed) {
			kill_all(r);
			killed = 1;
		}
		n = 0;
		for (i = 0; i < no; i++)
			if (r->outs[i].in >= 0 && r->outs[i].off < clen) {
				taken = 0;
				pfd[n].fd = r->outs[i].in;
				pfd[n].events = POLLOUT;
				who[n++] = 1 + i;
			}
		if (r->src >= 0 && taken) {
			pfd[n].fd = r->src;
			pfd[n].events = POLLIN;
			who[n++] = 0;
		}
		for (i = 0; i < np; i++)
			if (r->procs[i].err >= 0) {
				pfd[n].fd = r->procs[i].err;
				pfd[n].events = POLLIN;
				who[n++] = 1 + no + i;
			}
		if (running(r)) {
			pfd[n].fd = r->chld[0];
			pfd[n].events = POLLIN;
			who[n++] = 1 + no + np;
		}
		if (n == 0)
			break;
		/* SIGCHLD wakes us when a process ends; the timeout is for
		 * a wake-up lost all the same. */
		if ((rc = poll(pfd, n, running(r) ? 1000 : -1)) < 0) {
			if (errno == EINTR)
				continue;
			diag_fatal(EXIT_DATA, NULL, 0, "poll: %s",
			    strerror(errno));
		}
		if (rc == 0)
			reap(r);
		for (k = 0; k < n; k++) {
			if (pfd[k].revents == 0)
				continue;
			if (who[k] == 0)
				clen = read_src(r, chunk);
			else if (who[k] <= no)
				write_out(r, &r->outs[who[k] - 1], chunk, clen);
			else if (who[k] <= no + np)
				read_err(&r->procs[who[k] - 1 - no]);
			else
				reap(r);
		}
	}
	free(chunk);
	free(pfd);
	free(who);
}

/* spawn starts pr with in (-1: ours), out and err as its standard
 * streams and its stats file on RUNNER_STATS_FD.  Every other descriptor
 * of ours is close-on-exec. */
static int
spawn(const struct runner *r, struct runner_proc *pr, int in, int out,
    int err)
{
	static const int sigs[] = { SIGCHLD, SIGHUP, SIGINT, SIGPIPE, SIGTERM };
	sigset_t all, old, none;
	size_t i;
	pid_t pid, parent = getpid();
	int fd, e;

	/* Signals wait until the child has its own dispositions: a SIGTERM
	 * sent to it before it execs (a cancel, right after it is started)
	 * must stop it, not run our handler in it and be lost. */
	sigfillset(&all);
	sigprocmask(SIG_BLOCK, &all, &old);
	pid = fork();
	if (pid != 0) {
		e = errno;
		sigprocmask(SIG_SETMASK, &old, NULL);
		errno = e;
		if (pid < 0)
			return -1;
		pr->pid = pid;
		return 0;
	}
	/* The lock is ours, not the child's: were we killed now, it would
	 * hold it until its exec. */
	if (r->lockfd >= 0)
		close(r->lockfd);
	for (i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		signal(sigs[i], SIG_DFL);
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
#ifdef __linux__
	/* Killed outright (SIGKILL), luong-run cannot stop what it started:
	 * the system sends each process the SIGTERM luong-run would have.
	 * A parent already gone before the call sends nothing: stop. */
	if (prctl(PR_SET_PDEATHSIG, SIGTERM) != 0 || getppid() != parent)
		_exit(128 + SIGTERM);
#else
	(void)parent;
#endif
	/* The stats file last: in, out or err may be numbered 3. */
	if ((in >= 0 && dup2(in, 0) < 0) || (out != 1 && dup2(out, 1) < 0) ||
	    dup2(err, 2) < 0 || (pr->statfd != RUNNER_STATS_FD ?
	    dup2(pr->statfd, RUNNER_STATS_FD) :
	    fcntl(RUNNER_STATS_FD, F_SETFD, 0)) < 0)
		_exit(127);
	/* Our own LUONG_STATS_FD is close-on-exec (stats_init), and may be
	 * one of the standard streams a process inherits as they are. */
	for (fd = 0; fd < 3; fd++)
		fcntl(fd, F_SETFD, 0);
	execve(pr->cmd->exe, pr->cmd->argv, r->env);
	if (errno == ENOEXEC) {
		/* A file the system cannot execute, such as a script with no
		 * "#!" line, is run by /bin/sh, as execvp(3) and sh(1) do:
		 * so the --dry-run script, run by sh, does the same. */
		char **av = xcalloc(pr->cmd->argc + 2, sizeof *av);

		av[0] = (char *)SHELL;
		av[1] = pr->cmd->exe;
		memcpy(av + 2, pr->cmd->argv + 1,
		    pr->cmd->argc * sizeof *av);
		execve(SHELL, av, r->env);
	}
	diag_msg(pr->cmd->exe, 0, "cannot execute: %s", strerror(errno));
	_exit(127);
}

/* pipe_cloexec makes a pipe that no child inherits but through dup2
 * (luong-run has one thread: nothing forks between pipe and fcntl). */
static int
pipe_cloexec(int fd[2])
{
	if (pipe(fd) != 0)
		return -1;
	fcntl(fd[0], F_SETFD, FD_CLOEXEC);
	fcntl(fd[1], F_SETFD, FD_CLOEXEC);
	return 0;
}

/* make_dirs makes the missing directories above path, remembering them
 * so that a failed run can remove them again. */
static int
make_dirs(struct runner *r, const char *path)
{
	char *d = xstrdup(path), *p;
	int ok = 1;

	if ((p = strrchr(d, '/')) != NULL)
		*p = '\0';
	/* "/x.txt": the directory is the root, there is nothing to make. */
	for (p = *d != '\0' ? d + 1 : NULL; p != NULL && ok &&
	    strrchr(path, '/') != NULL;) {
		char c;

		p += strcspn(p, "/");
		c = *p;
		*p = '\0';
		if (mkdir(d, 0777) == 0) {
			r->dirs = xrealloc(r->dirs,
			    (r->ndirs + 1) * sizeof *r->dirs);
			r->dirs[r->ndirs++] = xstrdup(d);
		} else if (errno != EEXIST) {
			fail(r, "%s: cannot make directory: %s", d,
			    strerror(errno));
			ok = 0;
		}
		*p = c;
		p = c == '\0' ? NULL : p + 1;
	}
	free(d);
	return ok ? 0 : -1;
}

/* make_temp makes the temporary file of an output.  runner_run's signal
 * handlers are in place by now, so atomic.h leaves them alone: a signal
 * stops the run, which then removes the files itself. */
static int
make_temp(struct runner *r, struct runner_out *o)
{
	const char *path = o->o->path;

	if (make_dirs(r, path) != 0)
		return -1;
	/* Named with our pid: a run killed before it could remove them
	 * leaves files that the next run can tell are stale. */
	if ((o->a = atomic_open(path, ATOMIC_PID)) == NULL) {
		fail(r, "%s: cannot make a temporary file beside it: %s",
		    path, strerror(errno));
		return -1;
	}
	/* Only the output's own command gets it, as its stdout. */
	fcntl(o->a->fd, F_SETFD, FD_CLOEXEC);
	return 0;
}

/* lock_path returns the run's lock file, owned: ".NAME.lock" beside the
 * first output that is a file to replace (through a link, beside the file
 * it names, where atomic.h puts its temporary file), that output's path
 * in *out; NULL when there is none, with no outputs or only devices,
 * FIFOs and descriptors. */
static char *
lock_path(const struct pipeline *p, const char **out)
{
	size_t i;

	for (i = 0; i < p->noutputs; i++) {
		const char *path = p->outputs[i].path, *target = path, *slash;
		struct buf b = { 0 };
		char *real = NULL;
		struct stat st;

		if (strncmp(path, "/dev/", 5) == 0 ||
		    strncmp(path, "/proc/", 6) == 0)
			continue;
		if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode)) {
			if ((real = realpath(path, NULL)) == NULL ||
			    stat(real, &st) != 0 || !S_ISREG(st.st_mode)) {
				free(real);
				continue;
			}
			target = real;
		} else if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
			continue;
		}
		slash = strrchr(target, '/');
		if (slash != NULL)
			buf_printf(&b, "%.*s.%s.lock", (int)(slash - target + 1),
			    target, slash + 1);
		else
			buf_printf(&b, ".%s.lock", target);
		free(real);
		*out = path;
		return b.p;
	}
	return NULL;
}

/* wait_lock waits for the lock on r->lockfd: 0, or -1 with errno set.
 * A signal (runner_run's) stops it; the handler may have closed the
 * file, and r->lockfd is then -1. */
static int
wait_lock(struct runner *r)
{
	sigset_t block, old;
	int rc, e, gone;

	sigemptyset(&block);
	sigaddset(&block, SIGHUP);
	sigaddset(&block, SIGINT);
	sigaddset(&block, SIGTERM);
	lock_waiting = r->lockfd;
	rc = got_signal ? -1 : flock(r->lockfd, LOCK_EX);
	e = errno;
	sigprocmask(SIG_BLOCK, &block, &old);
	gone = lock_waiting < 0;
	lock_waiting = -1;
	sigprocmask(SIG_SETMASK, &old, NULL);
	if (gone)
		r->lockfd = -1;
	errno = e;
	return rc;
}

/* lock takes the run's lock, after making the directories above it.  The
 * run holding it removes the file as it ends: a run that then gets the
 * lock of a file no longer there tries again on the one there now, so
 * that two runs never both hold "the" lock.  Returns 0, or -1 after a
 * message or a signal. */
static int
lock(struct runner *r)
{
	const char *out;
	struct stat a, b;
	int said = 0, rc;

	if ((r->lock = lock_path(r->p, &out)) == NULL)
		return 0;
	if (make_dirs(r, r->lock) != 0)
		return -1;
	for (;;) {
		if ((r->lockfd = open(r->lock, O_RDWR | O_CREAT | O_CLOEXEC,
		    0666)) < 0) {
			fail(r, "%s: cannot make a lock file beside it: %s",
			    out, strerror(errno));
			return -1;
		}
		rc = flock(r->lockfd, LOCK_EX | LOCK_NB);
		if (rc != 0 && errno == EWOULDBLOCK && r->no_wait) {
			fail(r, "%s: another run holds the lock", r->lock);
			goto fail;
		}
		if (rc != 0 && errno == EWOULDBLOCK) {
			if (!said)
				diag_msg(NULL, 0, "%s: waiting for another run "
				    "to finish", r->lock);
			said = 1;
			rc = wait_lock(r);
		}
		if (got_signal)
			goto fail;
		if (rc != 0) {
			fail(r, "%s: cannot lock: %s", r->lock,
			    strerror(errno));
			goto fail;
		}
		if (fstat(r->lockfd, &a) == 0 && stat(r->lock, &b) == 0 &&
		    a.st_dev == b.st_dev && a.st_ino == b.st_ino)
			return 0;
		close(r->lockfd);
		r->lockfd = -1;
	}
fail:
	if (r->lockfd >= 0)
		close(r->lockfd);
	r->lockfd = -1;
	return -1;
}

/* unlock removes the lock file while it still holds it, then lets it
 * go. */
static void
unlock(struct runner *r)
{
	if (r->lockfd >= 0) {
		unlink(r->lock);
		close(r->lockfd);
		r->lockfd = -1;
	}
	free(r->lock);
	r->lock = NULL;
}

/* sweep removes the temporary files of an output left by runs that were
 * killed (SIGKILL, a crash) before they could remove them themselves,
 * and says so. */
static void
sweep(const char *path)
{
	int n = atomic_sweep(path);

	if (n > 0)
		diag_msg(NULL, 0, "%s: removed %d temporary file%s left by a "
		    "run that is gone", path, n, n == 1 ? "" : "s");
}

/* stats_file makes the file a process writes its stats record into: a
 * memfd, or where there is none an unlinked temporary file.  It is
 * close-on-exec: only the process it is for gets it, through dup2. */
static int
stats_file(void)
{
	const char *dir = getenv("TMPDIR");
	struct buf b = { 0 };
	int fd;

#ifdef MFD_CLOEXEC
	if ((fd = memfd_create("luong-stats", MFD_CLOEXEC)) >= 0 ||
	    errno != ENOSYS)
		return fd;
#endif
	buf_printf(&b, "%s/.luong-stats.XXXXXX", dir != NULL && *dir != '\0' ?
	    dir : "/tmp");
	if ((fd = mkstemp(b.p)) >= 0) {
		unlink(b.p);
		fcntl(fd, F_SETFD, FD_CLOEXEC);
	}
	buf_free(&b);
	return fd;
}

/* child_env is environ with LUONG_STATS_FD naming RUNNER_STATS_FD: ours,
 * if we have one, is not for the processes we start; with progress,
 * LUONG_PROGRESS=1 too, so that luong-ingest keeps its progress line.
 * The strings are borrowed. */
static char **
child_env(int progress)
{
	static char var[] = "LUONG_STATS_FD=" XSTR(RUNNER_STATS_FD);
	static char pvar[] = "LUONG_PROGRESS=1";
	char **env;
	size_t i, n = 0;

	for (i = 0; environ[i] != NULL; i++)
		;
	env = xcalloc(i + 3, sizeof *env);
	for (i = 0; environ[i] != NULL; i++)
		if (strncmp(environ[i], var, sizeof "LUONG_STATS_FD=" - 1) != 0 &&
		    (!progress || strncmp(environ[i], pvar,
		    sizeof "LUONG_PROGRESS=" - 1) != 0))
			env[n++] = environ[i];
	env[n++] = var;
	if (progress)
		env[n] = pvar;
	return env;
}

/* start makes the temporary files and starts every process.  Returns 0,
 * or -1 when something could not be made (the processes already started
 * are told to stop). */
static int
start(struct runner *r)
{
	const struct pipeline *p = r->p;
	size_t i;
	int in = -1, po[2], pe[2], e = 0;

	for (i = 0; i < p->noutputs; i++)
		sweep(p->outputs[i].path);
	for (i = 0; i < p->noutputs; i++)
		if (make_temp(r, &r->outs[i]) != 0)
			return -1;
	for (i = 0; i < r->nprocs; i++) {
		struct runner_proc *pr = &r->procs[i];
		struct runner_out *o = i < p->nsteps ? NULL : &r->outs[pr->num - 1];
		int last = i + 1 == p->nsteps;
		int cin = in, cout = 1, keep = -1, rc;

		if ((pr->statfd = stats_file()) < 0) {
			e = errno;
			goto err;
		}
		if (pipe_cloexec(pe) != 0) {
			e = errno;
			goto err;
		}
		if (o != NULL || !last || p->has_outputs) {
			if (pipe_cloexec(po) != 0) {
				e = errno;
				close(pe[0]);
				close(pe[1]);
				goto err;
			}
			/* An output's command reads the pipe and writes its
			 * temporary file; a step writes the pipe. */
			cin = o != NULL ? po[0] : in;
			cout = o != NULL ? o->a->fd : po[1];
			keep = o != NULL ? po[1] : po[0];
		}
		rc = spawn(r, pr, cin, cout, pe[1]);
		e = errno;
		close(pe[1]);
		if (cin >= 0)
			close(cin);
		in = -1;
		/* The next stage sees the end of this one's stream only when
		 * reap has waited for it: keep a copy of the write end. */
		if (o == NULL && cout != 1 && !last && rc == 0)
			pr->hold = cout;
		else if (o == NULL && cout != 1)
			close(cout);
		if (rc != 0) {
			close(pe[0]);
			if (keep >= 0)
				close(keep);
			goto err;
		}
		pr->err = pe[0];
		if (o != NULL) {
			o->in = keep;
			fcntl(o->in, F_SETFL, O_NONBLOCK);
		} else if (last) {
			r->src = keep;
		} else {
			in = keep;
		}
	}
	return 0;
err:
	fail(r, "cannot start %s %zu (%s): %s", r->procs[i].kind,
	    r->procs[i].num, r->procs[i].cmd->name, strerror(e));
	if (in >= 0)
		close(in);
	cancel(r);
	return -1;
}

/* read_stats reads the record pr wrote, if it wrote one, and closes its
 * stats file.  Anything but one good record leaves its stats empty. */
static void
read_stats(struct runner_proc *pr)
{
	struct stat st;
	char *t;

	if (pr->statfd < 0)
		return;
	if (fstat(pr->statfd, &st) == 0 && st.st_size > 0 &&
	    st.st_size <= MAXSTATS) {
		t = xmalloc((size_t)st.st_size);
		if (pread(pr->statfd, t, (size_t)st.st_size, 0) == st.st_size)
			runner_stats_parse(&pr->stats, t, (size_t)st.st_size);
		free(t);
	}
	close(pr->statfd);
	pr->statfd = -1;
}

static void
wait_all(struct runner *r)
{
	size_t i;

	for (i = 0; i < r->nprocs; i++) {
		struct runner_proc *pr = &r->procs[i];

		if (pr->pid <= 0 || pr->reaped)
			continue;
		while (waitpid(pr->pid, &pr->status, 0) < 0) {
			if (errno != EINTR)
				break;
			if (got_signal)
				kill_all(r);
		}
		pr->reaped = 1;
		read_stats(pr);
	}
}

static int
failed(const struct runner_proc *pr)
{
	return pr->pid > 0 &&
	    !(WIFEXITED(pr->status) && WEXITSTATUS(pr->status) == 0);
}

/* broken_pipe: pr was killed by SIGPIPE, or is a shell that said so with
 * status 128 + SIGPIPE (141): its reader went away first. */
static int
broken_pipe(const struct runner_proc *pr)
{
	return (WIFSIGNALED(pr->status) && WTERMSIG(pr->status) == SIGPIPE) ||
	    (WIFEXITED(pr->status) && WEXITSTATUS(pr->status) == 128 + SIGPIPE);
}

/* running: some process started has not been waited for. */
static int
running(const struct runner *r)
{
	size_t i;

	for (i = 0; i < r->nprocs; i++)
		if (r->procs[i].pid > 0 && !r->procs[i].reaped)
			return 1;
	return 0;
}

/* release lets each process see the end of its input once the one that
 * writes it has been waited for: the next stage, when a stage has; the
 * output commands, when the stream has ended and the last stage has.
 * After a failure the run is cancelled first, so that they are stopped
 * before they can take a cut stream for a whole one. */
static void
release(struct runner *r)
{
	const struct pipeline *p = r->p;
	size_t i;

	for (i = 0; i + 1 < p->nsteps; i++)
		if (r->procs[i].reaped && r->procs[i].hold >= 0) {
			close(r->procs[i].hold);
			r->procs[i].hold = -1;
		}
	if (r->src_eof && (r->procs[p->nsteps - 1].reaped ||
	    r->procs[p->nsteps - 1].pid <= 0))
		close_inputs(r);
}

/* reap waits for every process that has ended, without blocking, and
 * reads its stats record.  The first real failure (not a broken pipe, not
 * a process already stopped) cancels the run; those that ended before it
 * are failures of their own and stay to be named. */
static void
reap(struct runner *r)
{
	char tmp[64];
	size_t i;
	int bad = 0;

	while (read(r->chld[0], tmp, sizeof tmp) > 0)
		;
	for (i = 0; i < r->nprocs; i++) {
		struct runner_proc *pr = &r->procs[i];
		pid_t k;

		if (pr->pid <= 0 || pr->reaped)
			continue;
		while ((k = waitpid(pr->pid, &pr->status, WNOHANG)) < 0 &&
		    errno == EINTR)
			;
		if (k == 0)
			continue;
		pr->reaped = 1;
		read_stats(pr);
		if (k > 0 && !pr->stopped && failed(pr) && !broken_pipe(pr))
			bad = 1;
	}
	if (bad && !r->cancelled)
		cancel(r);
	release(r);
}

/* stdout_gone: our standard output is a pipe (or socket, or terminal)
 * whose reader has gone. */
static int
stdout_gone(void)
{
	struct pollfd pfd;

	pfd.fd = 1;
	pfd.events = 0;
	pfd.revents = 0;
	return poll(&pfd, 1, 0) == 1 &&
	    (pfd.revents & (POLLERR | POLLHUP)) != 0;
}

/* verdict names every process that failed and sets the run's status from
 * the first of them, as pipefail would.  A process stopped by the cancel
 * (reap) failed because another did: it is not named.  A process that
 * died of a broken pipe only lost its reader: it is named only when
 * nothing else failed.  When the reader was ours ("luong-run p.yaml |
 * head"), nothing failed: the run stops as a filter does, of SIGPIPE,
 * without a word. */
static void
verdict(struct runner *r)
{
	struct buf b = { 0 };
	size_t i;
	int other = 0, first = 1;

	for (i = 0; i < r->nprocs; i++)
		if (failed(&r->procs[i]) && !r->procs[i].stopped &&
		    !broken_pipe(&r->procs[i]))
			other = 1;
	/* Without outputs the last step writes our standard output. */
	if (!other && !r->p->has_outputs &&
	    failed(&r->procs[r->p->nsteps - 1]) && stdout_gone()) {
		buf_reset(&r->error);
		buf_adds(&r->error, "standard output closed by its reader");
		r->signal = SIGPIPE;
		r->status = 128 + SIGPIPE;
		return;
	}
	for (i = 0; i < r->nprocs; i++) {
		const struct runner_proc *pr = &r->procs[i];
		int st = pr->status;

		if (!failed(pr) || pr->stopped || (other && broken_pipe(pr)))
			continue;
		buf_reset(&b);
		buf_printf(&b, "%s %zu (%s): ", pr->kind, pr->num,
		    pr->cmd->name);
		if (WIFSIGNALED(st))
			buf_printf(&b, "killed by signal %d (%s)", WTERMSIG(st),
			    strsignal(WTERMSIG(st)));
		else
			buf_printf(&b, "exited with status %d",
			    WEXITSTATUS(st));
		diag_msg(NULL, 0, "%s", b.p);
		if (!first)
			continue;
		/* The first failing process is the cause, before any error
		 * of luong-run's own that followed from it. */
		first = 0;
		buf_reset(&r->error);
		buf_add(&r->error, b.p, b.len);
		r->status = WIFEXITED(st) && WEXITSTATUS(st) == EXIT_USAGE ?
		    EXIT_USAGE : EXIT_DATA;
	}
	buf_free(&b);
}

static void
sync_dir(const char *path)
{
	char *d = xstrdup(path), *slash = strrchr(d, '/');
	int fd;

	if (slash == NULL)
		strcpy(d, ".");
	else if (slash == d)
		slash[1] = '\0';
	else
		*slash = '\0';
	/* Best effort: the renames are durable once their directory is. */
	if ((fd = open(d, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) >= 0) {
		fsync(fd);
		close(fd);
	}
	free(d);
}

/* commit flushes every temporary file to disk, then renames each onto its
 * output.  Returns 0, or -1 after a message. */
static int
commit(struct runner *r)
{
	size_t i, n = r->p->noutputs;

	/* Every file on disk before the first rename: a write error found
	 * now still leaves every previous output as it was. */
	for (i = 0; i < n; i++) {
		struct atomic *a = r->outs[i].a;

		if (fsync(a->fd) != 0 && errno != EINVAL) {
			fail(r, "%s: write error: %s", a->tmp != NULL ?
			    a->tmp : a->path, strerror(errno));
			return -1;
		}
	}
	for (i = 0; i < n; i++) {
		struct atomic *a = r->outs[i].a;
		/* No temporary file: a device written in place. */
		char *tmp = a->tmp != NULL ? xstrdup(a->tmp) : NULL;
		int rc = atomic_commit(a);

		if (rc != 0 && tmp != NULL)
			fail(r, "%s: cannot rename to %s: %s", tmp, a->path,
			    strerror(errno));
		else if (rc != 0)
			fail(r, "%s: write error: %s", a->path,
			    strerror(errno));
		free(tmp);
		if (rc != 0)
			return -1;
	}
	for (i = 0; i < n; i++)
		sync_dir(r->p->outputs[i].path);
	return 0;
}

/* cleanup closes what is still open and removes the temporary files left
 * (all of them, after a failure) and, after a failure, the directories
 * this run made. */
static void
cleanup(struct runner *r)
{
	size_t i;

	for (i = 0; i < r->p->noutputs; i++) {
		struct runner_out *o = &r->outs[i];

		if (o->in >= 0)
			close(o->in);
		o->in = -1;
		atomic_free(o->a);
		o->a = NULL;
	}
	for (i = 0; i < r->nprocs; i++) {
		if (r->procs[i].statfd >= 0) {
			close(r->procs[i].statfd);
			r->procs[i].statfd = -1;
		}
		if (r->procs[i].hold >= 0) {
			close(r->procs[i].hold);
			r->procs[i].hold = -1;
		}
	}
	if (r->src >= 0)
		close(r->src);
	/* Before the directories: it may be in one made for it. */
	unlock(r);
	for (i = r->ndirs; i > 0; i--) {
		if (r->status != 0)
			rmdir(r->dirs[i - 1]);
		free(r->dirs[i - 1]);
	}
	free(r->dirs);
}

struct runner *
runner_new(const struct pipeline *p)
{
	struct runner *r = xcalloc(1, sizeof *r);
	size_t i, n = 0;

	r->p = p;
	r->src = -1;
	r->lockfd = -1;
	r->chld[0] = r->chld[1] = -1;
	r->procs = xcalloc(p->nsteps + p->noutputs, sizeof *r->procs);
	for (i = 0; i < p->nsteps + p->noutputs; i++) {
		const struct pipeline_cmd *cmd = i < p->nsteps ?
		    &p->steps[i] : &p->outputs[i - p->nsteps].cmd;
		struct runner_proc *pr = &r->procs[n];

		if (cmd->argc == 0)
			continue;
		pr->cmd = cmd;
		pr->kind = i < p->nsteps ? "stage" : "output";
		pr->num = i < p->nsteps ? i + 1 : i - p->nsteps + 1;
		pr->err = -1;
		pr->statfd = -1;
		pr->hold = -1;
		n++;
	}
	r->nprocs = n;
	r->outs = xcalloc(p->noutputs ? p->noutputs : 1, sizeof *r->outs);
	for (i = 0; i < p->noutputs; i++) {
		r->outs[i].o = &p->outputs[i];
		r->outs[i].in = -1;
	}
	return r;
}

void
runner_free(struct runner *r)
{
	size_t i;

	if (r == NULL)
		return;
	for (i = 0; i < r->nprocs; i++) {
		buf_free(&r->procs[i].line);
		runner_stats_free(&r->procs[i].stats);
	}
	free(r->procs);
	free(r->outs);
	buf_free(&r->error);
	free(r);
}

int
runner_run(struct runner *r)
{
	static const int sigs[] = { SIGHUP, SIGINT, SIGTERM };
	struct sigaction sa, old[3], oldchld;
	sigset_t chld, oldmask;
	size_t i;

	got_signal = 0;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;	/* no SA_RESTART: poll must wake */
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < 3; i++)
		sigaction(sigs[i], &sa, &old[i]);
	signal(SIGPIPE, SIG_IGN);
	/* A process that ends wakes pump, which waits for it at once: the
	 * run sees each failure as it happens (see release). */
	if (pipe_cloexec(r->chld) != 0)
		diag_fatal(EXIT_DATA, NULL, 0, "pipe: %s", strerror(errno));
	fcntl(r->chld[0], F_SETFL, O_NONBLOCK);
	fcntl(r->chld[1], F_SETFL, O_NONBLOCK);
	chld_fd = r->chld[1];
	sa.sa_handler = on_chld;
	sa.sa_flags = SA_NOCLDSTOP;
	sigaction(SIGCHLD, &sa, &oldchld);
	/* A mask inherited with SIGCHLD blocked would leave pump asleep. */
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_UNBLOCK, &chld, &oldmask);

	if (r->progress)
		progress_start();
	r->env = child_env(r->progress);
	if (lock(r) == 0 && !got_signal) {
		start(r);
		pump(r);
		wait_all(r);
	}
	if (got_signal) {
		buf_reset(&r->error);
		buf_printf(&r->error, "interrupted by signal %d (%s)",
		    (int)got_signal, strsignal(got_signal));
		diag_msg(NULL, 0, "%s", r->error.p);
		r->signal = got_signal;
		r->status = 128 + got_signal;
	} else {
		verdict(r);
	}
	progress_end();
	if (r->status == 0)
		commit(r);
	cleanup(r);
	free(r->env);
	r->env = NULL;
	for (i = 0; i < 3; i++)
		sigaction(sigs[i], &old[i], NULL);
	sigaction(SIGCHLD, &oldchld, NULL);
	sigprocmask(SIG_SETMASK, &oldmask, NULL);
	chld_fd = -1;
	close(r->chld[0]);
	close(r->chld[1]);
	r->chld[0] = r->chld[1] = -1;
	return r->status;
}
