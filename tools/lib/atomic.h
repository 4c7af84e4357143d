/* atomic — files that appear whole or not at all.
 *
 * atomic_open creates a temporary file beside its target (same directory,
 * so rename(2) is atomic), named ".NAME.XXXXXX", with the permissions the
 * umask allows.  A target that is a symbolic link to a regular file: the
 * file is replaced, the link kept.  A target that is a device, a FIFO or
 * a descriptor (/dev/null, /dev/stdout, /dev/fd/3) is written in place:
 * renaming over it would replace the device.  atomic_commit syncs it and renames it over the target;
 * atomic_abort removes it.  A file neither committed nor aborted when the
 * program exits is removed then (atexit), or committed if it was opened
 * with ATOMIC_KEEP — a rejects file describes a failed run too.  SIGHUP,
 * SIGINT, SIGPIPE and SIGTERM, where their disposition is the default,
 * remove every temporary file before the signal takes the process.
 *
 * A reader of the target sees the old file or the new one, never a part:
 * so a side output that names an input can at worst replace it after the
 * input was read, never truncate it under the reader.  */
#ifndef LUONG_ATOMIC_H
#define LUONG_ATOMIC_H

#include <stddef.h>

/* ATOMIC_INPLACE is set by atomic_open for a target written in place.
 * ATOMIC_PID names the temporary file ".NAME.PID.XXXXXX", PID the
 * process's id, so that a later atomic_sweep can tell one whose process
 * was killed before it could remove it. */
enum { ATOMIC_KEEP = 1, ATOMIC_INPLACE = 2, ATOMIC_PID = 4 };

struct atomic {
	const char	*path;		/* the target, borrowed */
	char		*tmp;		/* the temporary file; NULL when done */
	int		 fd;		/* open for writing; -1 when done */
	int		 flags;
	/* private */
	char		*real;		/* the file a link names, owned */
	int		(*on_exit)(void *);
	void		*on_exit_arg;
};

/* atomic_open creates the temporary file for path (borrowed: it must
 * outlive the struct).  Returns it owned, or NULL with errno set (the
 * directory is missing or not writable). */
struct atomic *atomic_open(const char *path, int flags);

/* atomic_on_exit registers fn(arg), called at exit before an ATOMIC_KEEP
 * file still open is committed: a writer's buffered bytes go into it
 * first.  fn returns 0, or -1 with errno set (said; the file is still
 * committed).  arg is borrowed and must live until the file is done. */
void atomic_on_exit(struct atomic *a, int (*fn)(void *), void *arg);

/* atomic_commit closes, fsyncs and renames the file into place.  Returns
 * 0, or -1 with errno set after removing the temporary file.  The struct
 * stays owned by the caller. */
int atomic_commit(struct atomic *a);

/* atomic_abort closes and removes the temporary file; no-op when done. */
void atomic_abort(struct atomic *a);

/* atomic_write_all writes all n bytes at p to fd (an atomic file's, or
 * any), retrying after EINTR and short writes.  Returns 0, or the errno of
 * the write that failed. */
int atomic_write_all(int fd, const void *p, size_t n);

/* atomic_free aborts what is not committed and frees a; NULL is a no-op. */
void atomic_free(struct atomic *a);

/* atomic_sweep removes the temporary files of path (borrowed) that
 * atomic_open made with ATOMIC_PID in processes that no longer exist:
 * regular files beside the target (through a link, beside the file it
 * names) called ".NAME.PID.XXXXXX", PID not ours and not alive.  Other
 * files are left, and so is everything when the target is not a regular
 * file or cannot be.  Returns how many it removed. */
int atomic_sweep(const char *path);

#endif
