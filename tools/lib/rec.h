/* rec — the record stream (luong-stream(5)).
 *
 * UTF-8 text, LF line ends, line 1 the header, fields separated by TAB,
 * every line with the header's number of fields, no NUL byte anywhere,
 * header names not empty and each named once.  Inside a field "\t", "\n",
 * "\r" and "\\" are escapes; a backslash before anything else is a literal
 * backslash.  An empty field is a missing value.
 *
 * Reading: rec_open reads the header; rec_next splits and unescapes each
 * row in place in the input's line buffer — no allocation per row or field.
 * The field pointers in a reader (name, f, len) are borrowed: f and len are
 * valid until the next rec_next.  A reader over several files checks that
 * each file's header equals the first one's.
 *
 * Writing: a rec_writer buffers output and writes it with write(2); a
 * write error (full disk, closed pipe with SIGPIPE ignored) is fatal with
 * exit status 1 and a message, never silent.  */
#ifndef LUONG_REC_H
#define LUONG_REC_H

#include <stddef.h>

#include "buf.h"

struct input;

struct rec_reader {
	/* Header: field names, unescaped, owned by the reader. */
	size_t		  nf;
	char		**name;
	/* Current row after rec_next: borrowed, NUL-terminated. */
	char		**f;
	size_t		 *len;
	/* Where the current row came from. */
	const char	 *file;
	unsigned long	  line;
	/* The current row holds no backslash and no CR: each field's bytes
	 * are its stream form, as rec_put would write them. */
	int		  plain;
	/* private */
	struct input	 *in;
	/* The input's window (input_window): rows are cut from it as it
	 * is, [wcur, wend) not yet read, wbase its first byte. */
	char		 *wbase, *wcur, *wend;
	int		(*next)(struct rec_reader *);	/* rec_next's form */
	char		**paths;
	size_t		  npaths, ipath;
	size_t		  cap;
};

/* rec_reader_open opens every path first (an empty list or "-" is stdin) so
 * that a missing file fails before any output, and reads the first header.
 * On error it prints "prog: file: message" and exits with status 2 (cannot
 * open, no header; at file:1 a header field with no name, a name twice or
 * a NUL byte) — a stream program cannot start without them. */
struct rec_reader *rec_reader_open(int npaths, char **paths);

/* rec_next reads the next row: 1 for a row, 0 at the end of the last file.
 * A row with the wrong number of fields or a NUL byte, a differing or
 * unreadable header in a later file or a read error prints "prog:
 * file:line: message" and exits 1 (a header: 2).  */
int rec_next(struct rec_reader *r);

/* rec_reader_form chooses how rec_next cuts a row that needs no
 * unescaping, for the unit tests, which try every form on the same rows
 * (rec_reader_open chooses the fastest scan_simd allows): in one pass
 * over the input's buffer 32 bytes a step (REC_FORM_AVX2) or 16
 * (REC_FORM_SSE2), or every row by input_getline and scan_tabs
 * (REC_FORM_NONE).  The rows are the same.  Returns 0, or -1 when this
 * build or processor lacks the form (r as it was). */
enum { REC_FORM_NONE, REC_FORM_SSE2, REC_FORM_AVX2 };
int rec_reader_form(struct rec_reader *r, int form);

/* rec_index returns the index of field name, or -1. */
int rec_index(const struct rec_reader *r, const char *name);

void rec_reader_free(struct rec_reader *r);

/* rec_split splits line (len bytes, NUL-terminated, modified in place) into
 * fields, unescaping them.  Returns the number of fields found; at most max
 * are stored in f/len.  */
size_t rec_split(char *line, size_t len, char **f, size_t *flen, size_t max);

/* rec_unescape unescapes s[0..n) in place; returns the new length. */
size_t rec_unescape(char *s, size_t n);

struct rec_writer;

/* rec_writer_new writes to fd; name is used in error messages. */
struct rec_writer *rec_writer_new(int fd, const char *name);

/* rec_put appends one field, escaped, with a TAB before it unless it is
 * the first of its row.  rec_put_raw appends bytes already in stream form
 * as one field. rec_endrow ends the row with LF. */
void rec_put(struct rec_writer *w, const char *s, size_t n);
void rec_puts(struct rec_writer *w, const char *s);
void rec_put_raw(struct rec_writer *w, const char *s, size_t n);
void rec_put_int(struct rec_writer *w, long long v);
void rec_endrow(struct rec_writer *w);

/* rec_put_raw_row is rec_put_raw then rec_endrow, one room check for
 * both: s[0..n) may be several fields in stream form, a TAB between each
 * two, the last of the row. */
void rec_put_raw_row(struct rec_writer *w, const char *s, size_t n);

/* rec_put_span appends fields i..j-1 (i <= j <= r->nf) of r's current
 * row, as rec_next left them, with the bytes rec_put would write for
 * each: a plain row (r->plain) in one copy of its line, where the NULs
 * that end its fields are taken for the TABs they were (so the fields,
 * their pointers and lengths must be as rec_next left them). */
void rec_put_span(struct rec_writer *w, const struct rec_reader *r,
    size_t i, size_t j);

/* rec_span_buf appends fields i..j-1 (i <= j <= r->nf) of r's current
 * row to b, TAB-joined, with the bytes rec_put_span would write: a plain
 * row in one copy.  b has a buffer after it, even when nothing was
 * appended. */
void rec_span_buf(struct buf *b, const struct rec_reader *r, size_t i,
    size_t j);

/* rec_put_row_subst writes r's current row as a whole row of w, field c
 * (c < r->nf) replaced by s[0..n), fields in stream form (one, or more
 * TAB-joined), and ends the row: the bytes of rec_put_span(w, r, 0, c),
 * rec_put_raw(w, s, n), rec_put_span(w, r, c + 1, r->nf) and rec_endrow,
 * a plain row in three copies. */
void rec_put_row_subst(struct rec_writer *w, const struct rec_reader *r,
    size_t c, const char *s, size_t n);

/* rec_put_rows appends s[0..n), whole rows already in stream form, each
 * ending in LF (a row begun with rec_put must be ended first). */
void rec_put_rows(struct rec_writer *w, const char *s, size_t n);

/* rec_write_row writes n fields and ends the row. */
void rec_write_row(struct rec_writer *w, char *const *f, const size_t *len,
    size_t n);

/* rec_flush writes out the buffer; exits 1 on a write error. */
void rec_flush(struct rec_writer *w);

/* rec_flush_try writes out the buffer: 0, or -1 with errno set (what
 * could not be written stays buffered).  For exit handlers, which must
 * not exit. */
int rec_flush_try(struct rec_writer *w);

/* rec_writer_free flushes, then frees.  It does not close fd. */
void rec_writer_free(struct rec_writer *w);

/* rec_escape appends s[0..n) to b in stream form. */
void rec_escape(struct buf *b, const char *s, size_t n);

/* rec_close_stdout closes stdout and exits 1 with a message if anything
 * written to it failed.  Call it last, before returning from main. */
void rec_close_stdout(void);

#endif
