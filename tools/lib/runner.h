/* runner — run a loaded pipeline (luong-run(1)): every step started with
 * fork/exec and joined by pipes, never through a shell; the final stream
 * copied to every output, each written to a temporary file beside its
 * target (atomic.h) and renamed into place only when every process
 * succeeded.
 *
 * Each process's stderr is copied to ours a line at a time, prefixed
 * "[name] ", and never parsed; of a line redrawn after "\r" (a progress
 * line, progress.h) only the text after the last "\r" counts, as on a
 * terminal, and while it is not ended it is drawn as our own progress
 * line when r->progress is set, dropped otherwise.  Its counts come as data: it finds a file
 * of its own open on descriptor RUNNER_STATS_FD, and LUONG_STATS_FD naming
 * it in its environment (stats.h); the record a luong program writes
 * there at exit is read once it has been waited for.  Memory: one 64 KiB
 * chunk of the stream, and one stderr line and one stats record per
 * process.
 *
 * A runner borrows its pipeline, which must outlive it.  */
#ifndef LUONG_RUNNER_H
#define LUONG_RUNNER_H

#include <stddef.h>
#include <sys/types.h>

#include "buf.h"

struct pipeline;
struct pipeline_cmd;
struct runner_out;

/* The descriptor every process finds its stats file on; its environment
 * says LUONG_STATS_FD=3, whatever luong-run's own says. */
#define RUNNER_STATS_FD	3


/* A stats record (stats.h), as one process wrote it. */
struct runner_stats {
	size_t			  n;	/* counts; 0: no record */
	const char		 *program;
	/* rows_read, rows_written, rows_rejected, then its own counts in
	 * the order of the record. */
	const char		**name;
	unsigned long long	 *value;
	/* private */
	char			 *text;
};

/* runner_stats_parse reads one record from text[0..len) (borrowed) into
 * s, which then owns its strings.  Returns 0, or -1 with s empty (n 0)
 * when text is anything but what stats_write writes: one header line
 * "program rows_read rows_written rows_rejected ..." (names that are
 * identifiers), one row of as many fields (the program's name, then
 * counts in digits), each line ended by LF, at most 64 KiB. */
int runner_stats_parse(struct runner_stats *s, const char *text, size_t len);

/* runner_stats_free frees what s owns and leaves it empty. */
void runner_stats_free(struct runner_stats *s);

/* A process: a step ("stage"), or the command of an output ("output"). */
struct runner_proc {
	const struct pipeline_cmd *cmd;
	const char	*kind;		/* "stage" or "output" */
	size_t		 num;		/* 1-based, within its kind */
	pid_t		 pid;		/* 0: never started */
	int		 status;	/* from waitpid */
	/* Sent SIGTERM when another process failed (the run's cancel):
	 * however it ended, its failure is not named. */
	int		 stopped;
	struct runner_stats stats;	/* what it wrote; n 0 when nothing */
	/* private */
	int		 reaped;
	int		 hold;		/* our copy of its stdout pipe, or -1 */
	int		 err;		/* its stderr, -1 when closed */
	int		 progress;	/* line is a progress line (\r) */
	int		 statfd;	/* its stats file, -1 when closed */
	struct buf	 line;		/* a partial line of it */
};

struct runner {
	const struct pipeline	*p;
	struct runner_proc	*procs;	/* the steps, then the outputs' */
	size_t			 nprocs;
	/* Set before runner_run: when another run holds the lock, fail at
	 * once rather than wait. */
	int			 no_wait;
	/* Set before runner_run: ask the processes for their progress line
	 * (LUONG_PROGRESS=1) and keep the last drawn on our stderr as
	 * "[name] text" (progress.h), cleared before any other line. */
	int			 progress;
	/* After runner_run: */
	int			 status;	/* the exit status */
	struct buf		 error;		/* what failed first, or empty */
	int			 signal;	/* the signal that stopped it */
	/* private */
	int			 cancelled;	/* the others were stopped */
	int			 src_eof;	/* the stream has ended */
	int			 chld[2];	/* SIGCHLD's self-pipe */
	struct runner_out	*outs;
	char			**dirs;		/* directories made, to undo */
	size_t			 ndirs;
	int			 src;		/* the last step's stdout */
	char			**env;		/* the processes' environment */
	char			*lock;		/* the lock file, or NULL */
	int			 lockfd;	/* -1 when not held */
};

struct runner *runner_new(const struct pipeline *p);
void runner_free(struct runner *r);

/* runner_run runs the pipeline once and returns its exit status: 0; the
 * first failing process's, 2 when it exited with 2, else 1 (a process
 * that died of a broken pipe counts only when nothing else failed); 1 for
 * an I/O error of its own.  Every failure is printed as "prog: stage N
 * (name): ..." or "prog: output N (name): ...".  Each process's stats
 * hold the record it wrote, if it wrote one (a process killed by a signal,
 * or not a luong program, writes none).
 *
 * A failure stops the run: the moment a process is seen to have failed
 * (other than of a broken pipe), every process still running is sent
 * SIGTERM and marked stopped, and is not named, whatever its end.  No
 * stage sees the end of its input before the stage that writes it has
 * been waited for (the runner keeps a copy of each pipe's write end until
 * then), nor an output command before the last stage has: a truncated
 * stream never passes downstream as a whole one, and a stage that would
 * fail only because the one before it did ("empty input") is stopped
 * first.  Processes found ended together are named in pipeline order.
 *
 * A run without outputs whose last step died of a broken pipe because
 * our own standard output lost its reader (and where nothing else failed
 * but of a broken pipe) prints nothing: r->signal is SIGPIPE, the status
 * 128 + SIGPIPE, for the caller to die of it as a filter would.
 *
 * Two runs never write the same outputs at once: before anything is
 * made, a run takes an flock(2) on ".NAME.lock" beside its first output
 * that is a file (through a link, beside the file it names), waiting
 * for the run that holds it ("prog: LOCK: waiting for another run to
 * finish") or, with no_wait, failing with status 1 ("prog: LOCK: another
 * run holds the lock").  Under the lock it removes the temporary files
 * of its outputs that runs killed outright left behind (atomic_sweep),
 * and it removes the lock file when it ends, still holding it.
 *
 * SIGPIPE is ignored from then on.  SIGHUP, SIGINT and SIGTERM are caught
 * while it runs: every process is sent SIGTERM, the temporary files are
 * removed, r->signal is set and the status is 128 + the signal; the
 * caller then re-raises it. */
int runner_run(struct runner *r);

/* runner_write_all writes all n bytes of s to fd, retrying after EINTR;
 * *err is 0, or the errno of the write that failed. */
void runner_write_all(int fd, const char *s, size_t n, int *err);

#endif
