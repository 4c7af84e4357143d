/* progress — one status line on stderr, updated in place, for long runs
 * (luong-ingest --progress: files, rows, MB, MB/s; luong-run: its
 * stages' lines).
 *
 * Each drawing is "\r" and the text, padded with spaces over what the
 * line held before, cut to the terminal's width, in one write(2) (a
 * reader of a pipe, such as luong-run, gets it whole).  A diag message
 * clears the line first (diag_before), and progress_end clears it at the
 * end ("\r", spaces, "\r"), so whatever follows starts at the left of a
 * line of its own: the line never ends in a newline, and nothing of it is
 * left on the screen.  The caller decides when to draw by progress_due,
 * true PROGRESS_EVERY_MS milliseconds after the start and after each
 * drawing: a run shorter than that shows nothing.
 *
 * Memory: the text of one line (PROGRESS_MAX bytes), static: one line per
 * process, on its stderr.  */
#ifndef LUONG_PROGRESS_H
#define LUONG_PROGRESS_H

#define PROGRESS_EVERY_MS	250
#define PROGRESS_MAX		256

/* progress_wanted says whether to show the line: opt is 1 for
 * --progress, 0 for --no-progress, -1 for neither; then LUONG_PROGRESS=1
 * in the environment shows it and LUONG_PROGRESS=0 does not, and
 * otherwise it is shown when stderr is a terminal. */
int progress_wanted(int opt);

/* progress_start turns the line on and starts its clock; it sets
 * diag_before.  Once on, a call does nothing. */
void progress_start(void);

/* progress_on is 1 between progress_start and progress_end. */
int progress_on(void);

/* progress_due is 1 when the line is on and was started or last drawn
 * PROGRESS_EVERY_MS or more ago. */
int progress_due(void);

/* progress_seconds is the time since progress_start, in seconds. */
double progress_seconds(void);

/* progress_show draws the line now, when on: printf-style text without a
 * line end, cut at PROGRESS_MAX - 1 bytes and at the terminal's width
 * on a UTF-8 character boundary. */
void progress_show(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* progress_clear blanks the line when something is drawn; the next
 * progress_show draws it again. */
void progress_clear(void);

/* progress_end clears the line and turns it off. */
void progress_end(void);

#endif
