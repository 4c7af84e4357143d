/* atomic — files that appear whole or not at all: see atomic.h. */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "atomic.h"
#include "buf.h"
#include "diag.h"

/* The files still open, for the exit handler and the signal handler.
 * The table grows; it is changed only with the four signals blocked, so
 * the handler never sees it half made. */
static struct atomic **pending;
static size_t npending, cappending;
static int hooked;
static const int sigs[] = { SIGHUP, SIGINT, SIGPIPE, SIGTERM };

static void
on_signal(int sig)
{
	size_t i;

	for (i = 0; i < npending; i++)
		if (pending[i] != NULL && pending[i]->tmp != NULL)
			unlink(pending[i]->tmp);
	signal(sig, SIG_DFL);
	raise(sig);
}

static void publish(struct atomic *, int);

static void
at_exit(void)
{
	/* From the last: each file leaves the table as it is done. */
	while (npending > 0) {
		struct atomic *a = pending[npending - 1];

		/* A writer's buffer goes into the file before it is kept. */
		if ((a->flags & ATOMIC_KEEP) && a->tmp != NULL &&
		    a->on_exit != NULL && a->on_exit(a->on_exit_arg) != 0)
			diag_msg(a->path, 0, "write error: %s",
			    strerror(errno));
		if ((a->flags & ATOMIC_KEEP) && a->tmp != NULL &&
		    atomic_commit(a) != 0)
			diag_msg(a->path, 0, "cannot write: %s",
			    strerror(errno));
		atomic_abort(a);
		publish(a, 0);
		/* Nothing runs after this that could use it; freed, it is no
		 * leak for LeakSanitizer when a fatal error ends the program
		 * with the file open. */
		free(a->real);
		free(a);
	}
	free(pending);
	pending = NULL;
	cappending = 0;
}

static void
hook(void)
{
	struct sigaction sa, old;
	size_t i;

	if (hooked)
		return;
	hooked = 1;
	atexit(at_exit);
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
		/* A program that handles a signal itself (luong-run) keeps
		 * its own handler, and an ignored SIGPIPE stays ignored. */
		if (sigaction(sigs[i], NULL, &old) == 0 &&
		    old.sa_handler == SIG_DFL)
			sigaction(sigs[i], &sa, NULL);
	}
}

/* block_sigs blocks the four signals, the mask before in *old. */
static void
block_sigs(sigset_t *old)
{
	sigset_t block;
	size_t i;

	sigemptyset(&block);
	for (i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		sigaddset(&block, sigs[i]);
	sigprocmask(SIG_BLOCK, &block, old);
}

/* publish adds a to the table (on) or takes it out. */
static void
publish(struct atomic *a, int on)
{
	sigset_t old;
	size_t i;

	block_sigs(&old);
	if (on) {
		if (npending == cappending) {
			cappending = cappending ? 2 * cappending : 8;
			pending = xrealloc(pending, cappending *
			    sizeof *pending);
		}
		pending[npending++] = a;
	} else
		for (i = 0; i < npending; i++)
			if (pending[i] == a) {
				pending[i] = pending[--npending];
				break;
			}
	sigprocmask(SIG_SETMASK, &old, NULL);
}

/* under_sys: a path in /dev or /proc, whose links ("/dev/stdout",
 * "/dev/fd/3") name descriptors, not files to replace. */
static int
under_sys(const char *path)
{
	return strncmp(path, "/dev/", 5) == 0 || strncmp(path, "/proc/", 6) == 0;
}

/* open_in_place opens path itself for writing. */
static struct atomic *
open_in_place(const char *path, int flags)
{
	struct atomic *a = xcalloc(1, sizeof *a);

	a->path = path;
	a->flags = flags | ATOMIC_INPLACE;
	if ((a->fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
	    0666)) < 0) {
		int e = errno;

		free(a);
		errno = e;
		return NULL;
	}
	return a;
}

struct atomic *
atomic_open(const char *path, int flags)
{
	struct atomic *a;
	struct buf b = { 0 };
	const char *target = path, *slash;
	char *real = NULL;
	struct stat st;
	sigset_t mask_was;
	mode_t mask;

	/* A symbolic link to a regular file: that file is replaced and the
	 * link stays.  A device, a FIFO, a descriptor in /dev/fd or
	 * /proc: written in place, since renaming over them would replace
	 * the device (as root, /dev/null) or fail. */
	if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode)) {
		if (under_sys(path) || (real = realpath(path, NULL)) == NULL ||
		    stat(real, &st) != 0 || !S_ISREG(st.st_mode)) {
			free(real);
			return open_in_place(path, flags);
		}
		target = real;
	} else if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		if (S_ISDIR(st.st_mode)) {
			errno = EISDIR;
			return NULL;
		}
		return open_in_place(path, flags);
	}
	slash = strrchr(target, '/');
	if (slash != NULL)
		buf_printf(&b, "%.*s.%s.", (int)(slash - target + 1),
		    target, slash + 1);
	else
		buf_printf(&b, ".%s.", target);
	if (flags & ATOMIC_PID)
		buf_printf(&b, "%ld.", (long)getpid());
	buf_adds(&b, "XXXXXX");
	hook();
	a = xcalloc(1, sizeof *a);
	a->path = path;
	a->real = real;
	a->flags = flags;
	/* From the moment the file exists to the moment the handler can
	 * find it, a signal waits: a process stopped then (luong-run stops
	 * the stages after one that failed, as they start) leaves nothing. */
	block_sigs(&mask_was);
	if ((a->fd = mkstemp(b.p)) < 0) {
		int e = errno;

		sigprocmask(SIG_SETMASK, &mask_was, NULL);
		buf_free(&b);
		free(real);
		free(a);
		errno = e;
		return NULL;
	}
	a->tmp = b.p;
	/* Programs that start others (luong-run) must not hand it on. */
	fcntl(a->fd, F_SETFD, FD_CLOEXEC);
	/* mkstemp makes 0600; an output gets what the umask allows. */
	mask = umask(0);
	umask(mask);
	fchmod(a->fd, 0666 & ~mask);
	publish(a, 1);
	sigprocmask(SIG_SETMASK, &mask_was, NULL);
	return a;
}

void
atomic_on_exit(struct atomic *a, int (*fn)(void *), void *arg)
{
	a->on_exit = fn;
	a->on_exit_arg = arg;
}

int
atomic_commit(struct atomic *a)
{
	int e = 0;

	if (a->flags & ATOMIC_INPLACE) {
		if (a->fd >= 0 && close(a->fd) != 0)
			e = errno;
		a->fd = -1;
		errno = e;
		return e != 0 ? -1 : 0;
	}
	if (a->tmp == NULL) {
		errno = EBADF;
		return -1;
	}
	if (fsync(a->fd) != 0 && errno != EINVAL)
		e = errno;
	if (close(a->fd) != 0 && e == 0)
		e = errno;
	a->fd = -1;
	if (e == 0 && rename(a->tmp, a->real != NULL ? a->real : a->path) !=
	    0)
		e = errno;
	if (e != 0) {
		atomic_abort(a);
		errno = e;
		return -1;
	}
	free(a->tmp);
	a->tmp = NULL;
	publish(a, 0);
	return 0;
}

void
atomic_abort(struct atomic *a)
{
	char *t;

	if (a->fd >= 0)
		close(a->fd);
	a->fd = -1;
	if ((t = a->tmp) != NULL) {
		unlink(t);
		a->tmp = NULL;
		free(t);
	}
	publish(a, 0);
}

int
atomic_write_all(int fd, const void *p, size_t n)
{
	const char *s = p;
	ssize_t k;

	while (n > 0) {
		if ((k = write(fd, s, n)) < 0) {
			if (errno == EINTR)
				continue;
			return errno;
		}
		s += k;
		n -= (size_t)k;
	}
	return 0;
}

void
atomic_free(struct atomic *a)
{
	if (a == NULL)
		return;
	atomic_abort(a);
	free(a->real);
	free(a);
}

/* swept: name is base's temporary file made with ATOMIC_PID, and the
 * process that made it is gone. */
static int
swept(const char *name, const char *base)
{
	size_t n = strlen(base), i;
	long pid = 0;

	if (name[0] != '.' || strncmp(name + 1, base, n) != 0 ||
	    name[n + 1] != '.')
		return 0;
	name += n + 2;
	if (*name < '1' || *name > '9')
		return 0;
	for (; *name >= '0' && *name <= '9'; name++) {
		pid = 10 * pid + (*name - '0');
		if (pid > INT_MAX)
			return 0;
	}
	if (*name++ != '.')
		return 0;
	/* What mkstemp puts in place of XXXXXX. */
	for (i = 0; i < 6; i++)
		if (!((name[i] >= 'a' && name[i] <= 'z') ||
		    (name[i] >= 'A' && name[i] <= 'Z') ||
		    (name[i] >= '0' && name[i] <= '9')))
			return 0;
	if (name[6] != '\0' || (pid_t)pid == getpid())
		return 0;
	/* EPERM: alive, someone else's. */
	return kill((pid_t)pid, 0) != 0 && errno == ESRCH;
}

int
atomic_sweep(const char *path)
{
	const char *target = path, *slash, *base;
	struct buf dir = { 0 }, f = { 0 };
	char *real = NULL;
	struct dirent *e;
	struct stat st;
	DIR *d;
	int n = 0;

	if (under_sys(path))
		return 0;
	if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode)) {
		if ((real = realpath(path, NULL)) == NULL ||
		    stat(real, &st) != 0 || !S_ISREG(st.st_mode)) {
			free(real);
			return 0;
		}
		target = real;
	} else if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		return 0;
	}
	slash = strrchr(target, '/');
	base = slash != NULL ? slash + 1 : target;
	if (slash == NULL)
		buf_adds(&dir, ".");
	else
		buf_add(&dir, target, slash == target ? 1 :
		    (size_t)(slash - target));
	if (*base != '\0' && (d = opendir(dir.p)) != NULL) {
		while ((e = readdir(d)) != NULL) {
			if (!swept(e->d_name, base))
				continue;
			buf_reset(&f);
			buf_printf(&f, "%s/%s", dir.p, e->d_name);
			if (lstat(f.p, &st) == 0 && S_ISREG(st.st_mode) &&
			    unlink(f.p) == 0)
				n++;
		}
		closedir(d);
	}
	buf_free(&dir);
	buf_free(&f);
	free(real);
	return n;
}
