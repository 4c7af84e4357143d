/* stats — a program's counts as data (luong-stream(5), STATISTICS).
 *
 * With LUONG_STATS_FD=N in the environment, a program writes at exit one
 * record stream to descriptor N: a header line and one row,
 *
 *     program  rows_read  rows_written  rows_rejected  [its own counts]
 *
 * the first four always, in that order, then the program's own counts
 * (files, groups, unmatched, ...) in the order they were first named.
 * It is written however the program exits — after an error too, so a
 * caller learns how far a failed stage got — except when a signal kills
 * it.  luong-run builds its run log from these records; the summary on
 * stderr is for people and is never parsed.
 *
 * Memory: one small array of named counters, owned here until exit.  */
#ifndef LUONG_STATS_H
#define LUONG_STATS_H

/* stats_init reads LUONG_STATS_FD.  Unset or empty: the counters are
 * kept but never written.  A value that is not an open descriptor is exit
 * 2: "PROG: LUONG_STATS_FD=X: not an open file descriptor".  The
 * descriptor is marked close-on-exec, so programs a program starts do not
 * write into it by mistake.  cli_init calls it. */
void stats_init(const char *program);

/* stats_counter returns the counter named name (an identifier, borrowed:
 * a string literal), creating it at 0.  The pointer is owned by this
 * module and stays valid until exit, so a program counts through it and
 * an early exit still reports the count so far. */
unsigned long long *stats_counter(const char *name);

/* stats_set sets a counter, creating it. */
void stats_set(const char *name, unsigned long long v);

/* stats_write appends the record to fd: the header and the row.  Returns
 * 0, or -1 with errno set.  The exit handler calls it. */
int stats_write(int fd);

#endif
