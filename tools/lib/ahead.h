/* ahead — the lines of a plain file, read and scanned ahead by a thread.
 *
 * While the caller converts the rows of one part of a CSV file, a thread
 * of the ahead's own reads the next part into a segment and scans each of
 * its lines with scan_csvline (its end, delimiters, quotes, classes and
 * UTF-8), so that a two-core machine spends the one core on the rows and
 * the other on the bytes.  The caller gets the same lines, in order, with
 * what scan_csvline says of each: the bytes are the file's, and nothing
 * about them is decided on the thread (the checks that print are the
 * caller's, at its line).  A read error is printed by input_read when the
 * thread meets it, and told to the caller after the lines before it.
 *
 * For a file read as it is stored (input_is_file) in UTF-8, or in a
 * legacy encoding decoded by tables (sbcs.h: the thread decodes it); the
 * caller reads anything else itself.  Memory: three segments of 256 KiB
 * (a line longer than that grows its segment) with their lines' records
 * and places, about 2 MiB in all.  */
#ifndef LUONG_AHEAD_H
#define LUONG_AHEAD_H

#include <stddef.h>

struct input;
struct sbcs;
struct ahead;

/* A legacy encoding decoded by its tables (sbcs.h): its bytes read but
 * not yet decoded (an incomplete character), raw[0..rawlen), at offset
 * rawoff of the input, no more than 64 KiB. */
struct ahead_sbcs {
	const struct sbcs	*sb;
	const char		*raw;
	size_t			 rawlen;
	unsigned long long	 rawoff;
};

/* ahead_start reads in from here on, after the text head[0..n) already
 * read from it (copied), finding lines by delim; decoded by dec's tables
 * when dec is not NULL.  The thread is in's only reader until ahead_stop.
 * Returns NULL when no thread can be made: the caller reads on as
 * before. */
struct ahead *ahead_start(struct input *in, const char *head, size_t n,
    char delim, const struct ahead_sbcs *dec);

/* ahead_next hands out the next line with its line end (none on a last
 * line without one) in *line and *len, scan_csvline's places and flags of
 * it in *pos (borrowed), *npos and *flags (scan_csv's on a last line
 * without a line end): 1, 0 at the end of the input, -1 on a read error
 * (printed).  The line may be changed in place, and is valid until the
 * next call. */
int ahead_next(struct ahead *a, char **line, size_t *len, const size_t **pos,
    size_t *npos, unsigned *flags);

/* ahead_bad, once ahead_next has returned 0: 1 when the text stopped at
 * a byte the encoding does not have, that byte in *byte and its offset
 * in the input in *off (the lines before it were handed out; the text of
 * its own line was not); else 0. */
int ahead_bad(const struct ahead *a, unsigned char *byte,
    unsigned long long *off);

/* ahead_stop stops the thread, wherever it is, and frees a. */
void ahead_stop(struct ahead *a);

#endif
