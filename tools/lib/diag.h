/* diag — diagnostics in the one form every luong program uses:
 *     program: file:line: message
 * Messages go to stderr; data never does.  */
#ifndef LUONG_DIAG_H
#define LUONG_DIAG_H

#include <stdarg.h>
#include <stddef.h>

/* Exit statuses, as DESIGN.md defines them. */
enum { EXIT_OK = 0, EXIT_DATA = 1, EXIT_USAGE = 2 };

/* diag_init records the program name (basename of argv0 is not taken:
 * luong programs name themselves). */
void diag_init(const char *progname);
const char *diag_prog(void);

/* diag_before sets a function called before each message is printed
 * (NULL: none): progress.h clears its status line there, so that a
 * message starts at the left of a line of its own. */
void diag_before(void (*fn)(void));

/* diag_msg prints "prog: file:line: message\n".  file NULL omits the
 * location; line 0 prints "file: " without a line. */
void diag_msg(const char *file, unsigned long line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* diag_at prints "prog: file:line:col: message\n" (configuration files). */
void diag_at(const char *file, unsigned long line, unsigned long col,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));
void diag_vmsg(const char *file, unsigned long line, const char *fmt,
    va_list ap);

/* diag_last returns the text of the last message printed, without the
 * program and location; *line (when line is not NULL) gets its line, 0
 * for none.  "" before any message.  Valid until the next message. */
const char *diag_last(unsigned long *line);

/* diag_fatal prints like diag_msg and exits with status. */
void diag_fatal(int status, const char *file, unsigned long line,
    const char *fmt, ...) __attribute__((format(printf, 4, 5), noreturn));

/* Allocation that never returns NULL: out of memory is fatal (exit 1). */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
/* xgrow returns the array p, of *cap elements of size bytes, with room
 * for want of them: the capacity doubles (from 8), so that n appends copy
 * O(n) bytes in all, not O(n^2); an overflowing size is out of memory. */
void *xgrow(void *p, size_t *cap, size_t want, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

#endif
