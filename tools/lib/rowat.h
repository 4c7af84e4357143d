/* rowat — where each key's last row was read: the file and line, for an
 * error that is found only after the input is read (a group's sums that
 * overflow when its row is written), told at a row of the input.
 *
 * Keys are the indices 0, 1, 2 ... of a hash.h table, noted in the order
 * they are first seen.  Files are noted as they begin (rowat_file), and
 * their names kept.
 *
 * Memory: two words per key and a name per file.  */
#ifndef LUONG_ROWAT_H
#define LUONG_ROWAT_H

#include <stdarg.h>
#include <stddef.h>

struct rowat;

struct rowat *rowat_new(void);
void rowat_free(struct rowat *a);

/* rowat_file notes that a file named name (copied) begins. */
void rowat_file(struct rowat *a, const char *name);

/* rowat_note notes that key's last row is line of the current file; key
 * is at most one more than the greatest noted so far. */
void rowat_note(struct rowat *a, size_t key, unsigned long line);

/* rowat_fatal prints "prog: file:line: message" for key's last row and
 * exits 1. */
void rowat_fatal(const struct rowat *a, size_t key, const char *fmt,
    va_list ap) __attribute__((noreturn));

#endif
