/* runlog — the run log of luong-run(1): one record a run appended to a
 * record stream (luong-stream(5)), built from the stats records of the
 * run's processes (runner.h), never from what they print.
 *
 * The fields are RUNLOG_FIELDS, in that order: what ran and how it ended,
 * each process's rows and the outputs replaced (the fields of the first
 * logs, kept first so that a script that cuts them by position still
 * works), then the night's counts summed over the steps' records (files
 * read, quarantined and skipped; rows superseded, of another year,
 * rejected; schools expected, reported and missing), each empty when no
 * step's record has it.
 *
 * A log keeps the header it was started with.  An empty log gets
 * RUNLOG_FIELDS as its header; a log whose header names only fields of
 * the log (a log begun by an earlier luong-run, with fewer of them) gets
 * records of its own fields, in its own order, so that it stays one
 * record stream; any other file is refused, before the run.  Runs that
 * share a log take turns with flock(2), so that only one writes the
 * header of a new log.
 *
 * Memory: the first line of the log and one record.  */
#ifndef LUONG_RUNLOG_H
#define LUONG_RUNLOG_H

#include <stddef.h>

#include "buf.h"

struct runner;

/* The header of a new log. */
#define RUNLOG_FIELDS	"start\tpipeline\tname\tstatus\tduration_ms\terror\t" \
	"stages\toutputs\tfiles_read\tfiles_quarantined\tfiles_skipped\t" \
	"rows_superseded\trows_excluded\trows_rejected\tschools_expected\t" \
	"schools_reported\tschools_missing"

/* What a record says of one run.  Strings are borrowed. */
struct runlog_run {
	const char		*start;		/* UTC, 2026-11-27T02:00:00Z */
	const char		*pipeline;	/* the file as given */
	int			 status;
	long long		 duration_ms;
	/* NULL: the pipeline file could not be loaded, and the record says
	 * "configuration error" with no name, counts, stages or outputs. */
	const struct runner	*r;
};

/* runlog_check reads the header of the log open on fd (for reading; from
 * offset 0, which it does not move) and says whether a record can be
 * appended to it: 0 when it is empty, not a regular file, or its first
 * line names only log fields, each once; -1 with why (appended) saying
 * what is wrong otherwise, or -1 with errno set and why empty when it
 * cannot be read. */
int runlog_check(int fd, struct buf *why);

/* runlog_format appends to b the record of run under the header of the
 * log open on fd (RUNLOG_FIELDS, after that header itself, when the log
 * is empty or not a regular file).  Returns 0, or -1 as runlog_check. */
int runlog_format(struct buf *b, int fd, const struct runlog_run *run,
    struct buf *why);

/* runlog_append appends the record of run to the log open on fd (for
 * reading and appending), in one write(2), under an exclusive flock(2)
 * taken for it.  Returns 0; -1 with errno set (a write error), or -1
 * with why set when the log's header has become one it refuses. */
int runlog_append(int fd, const struct runlog_run *run, struct buf *why);

#endif
