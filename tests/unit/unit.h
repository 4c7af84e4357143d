/* unit — what the unit tests share: cmocka and the headers it needs, a
 * scratch directory per test program, files written into it and read
 * back, a function run in a child whose exit status and stderr are
 * caught, and a buffer compared with the text it should hold.
 *
 * Paths and texts handed back live in static storage, one area per
 * function, valid until that function is called again; copy what must
 * outlive that.  A helper that cannot do its job (no room, a write error)
 * fails the running test, as an assert would.
 *
 * The tests run from the top of the source tree (tests/run-all does), so
 * config/ is at hand; everything they write goes into the scratch
 * directory, under $TMPDIR or /tmp.  */
#ifndef LUONG_UNIT_H
#define LUONG_UNIT_H

/* cmocka needs these first, in this order. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "buf.h"

/* LIT("text"): a string literal as a pointer and a length argument (the
 * length without the terminating NUL, so a literal may hold NULs). */
#define LIT(s)	s, sizeof(s) - 1

/* unit_tmpdir_setup is a cmocka group setup: it makes a fresh directory,
 * $TMPDIR/luong-unit.XXXXXX (/tmp when TMPDIR is unset or empty), and
 * returns 0, or -1 when it cannot.  unit_tmpdir_teardown, the matching
 * group teardown, removes it and everything in it (the current
 * directory may be inside it); 0, or -1 when that fails. */
int unit_tmpdir_setup(void **state);
int unit_tmpdir_teardown(void **state);

/* unit_tmpdir: the scratch directory (absolute when TMPDIR is). */
const char *unit_tmpdir(void);

/* unit_path: name inside the scratch directory. */
const char *unit_path(const char *name);

/* unit_write creates (or truncates) name in the scratch directory with
 * the n bytes at data, and returns its path.  unit_puts writes the
 * string text.  unit_write_gz writes the bytes gzip-compressed, as one
 * member. */
const char *unit_write(const char *name, const void *data, size_t n);
const char *unit_puts(const char *name, const char *text);
const char *unit_write_gz(const char *name, const void *data, size_t n);

/* unit_read returns the whole of the file at path (any path, relative to
 * the current directory) NUL-terminated, its length in *n unless n is
 * NULL; or NULL when it cannot be opened. */
const char *unit_read(const char *path, size_t *n);

/* unit_child runs fn(arg) in a child process with its stderr on a pipe
 * and waits for it; a child that returns from fn exits 0.  All the child
 * printed on stderr is left in err (n bytes at most with the NUL, the
 * rest read and dropped).  Returns the child's exit status, or -1 when a
 * signal ended it.  Output buffered before the call is flushed first, so
 * a child that calls exit(3) prints nothing twice. */
int unit_child(void (*fn)(const void *), const void *arg, char *err,
    size_t n);

/* unit_child_fails(fn, arg, status, want) runs fn(arg) in a child
 * (unit_child) and checks that it exits with status and that what it
 * printed on stderr contains want; a failure is reported at the caller's
 * line, with the message. */
#define unit_child_fails(fn, arg, status, want) \
	unit_child_fails_at((fn), (arg), (status), (want), __FILE__, __LINE__)
void unit_child_fails_at(void (*fn)(const void *), const void *arg,
    int status, const char *want, const char *file, int line);

/* unit_rnd returns a pseudo-random number below n (n > 0), from a
 * generator (xorshift64) that starts at the same state in every test
 * program, so that a random test gives the same inputs every run. */
unsigned unit_rnd(unsigned n);

/* unit_first_line ends s at its first newline, if any; returns s. */
char *unit_first_line(char *s);

/* unit_buf_is(b, want) checks that the struct buf *b holds exactly want:
 * the same bytes and the same length, an unused buffer (b->p NULL)
 * counting as "".  A failure is reported at the caller's line. */
#define unit_buf_is(b, want)	unit_buf_is_at((b), (want), __FILE__, __LINE__)
void unit_buf_is_at(const struct buf *b, const char *want, const char *file,
    int line);

#endif
