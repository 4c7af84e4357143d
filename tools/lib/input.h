/* input — bytes from a file or stdin, gunzipped when the data starts with
 * the gzip magic bytes (1f 8b), whatever the file is called.  Concatenated
 * gzip members are read as one stream, as gzip(1) does.  Data that is
 * exactly one byte, 1f, is a gzip file cut short after its first magic
 * byte: reading it fails with "gzip data is truncated".
 *
 * Gzip data past its first 8 MiB is inflated ahead by a thread of the
 * input's own, while the caller parses (the bytes are the same; input.c
 * says how); input_close stops it.  A fault of the data or a read error
 * is told when the reader comes to it, after every byte before it.
 * Memory: 1.5 MiB (the raw buffer and four slots of inflated data) for a
 * gzip input, besides the line buffer.
 *
 * An input owns its buffers.  input_getline hands out a borrowed pointer
 * that stays valid until the next call on the same input.  */
#ifndef LUONG_INPUT_H
#define LUONG_INPUT_H

#include <stddef.h>
#include <sys/types.h>

struct input;

/* input_pipe makes the pipe fd is (if it is one) hold 1 MiB, where the
 * system lets it: a stage of a pipeline then wakes its neighbour a
 * sixteenth as often as with the 64 KiB pipes Linux makes.  Standard
 * input is grown by input_open, a writer's descriptor by rec_writer_new;
 * nothing else changes, and on other systems nothing at all. */
void input_pipe(int fd);

/* input_open opens path ("-" or NULL: stdin).  On failure it returns NULL
 * with errno set; nothing is printed. */
struct input *input_open(const char *path);

/* The name used in messages: the path, or "<stdin>". */
const char *input_name(const struct input *in);
int input_is_gzip(const struct input *in);
/* input_is_file: in reads a regular file as it is stored (not gzip). */
int input_is_file(const struct input *in);

/* input_read reads up to n decoded bytes.  Returns the count, 0 at end of
 * input, -1 on error (a message naming the file has been printed). */
ssize_t input_read(struct input *in, void *dst, size_t n);

/* input_peek looks at the next n decoded bytes without consuming them:
 * *p (borrowed, valid until the next call on in) points at them.  Returns
 * how many there are (fewer than n at the end of the input), or -1 on an
 * error (printed).  What it looked at is read again by input_read and
 * input_getline. */
ssize_t input_peek(struct input *in, size_t n, const unsigned char **p);

/* input_getline returns the next line without its "\n" (and without one
 * "\r" before it) in *line / *len: 1 for a line, 0 at end of input, -1 on
 * error (printed).  The last line need not end in "\n".  The line is
 * NUL-terminated and may be modified in place by the caller. */
int input_getline(struct input *in, char **line, size_t *len);

/* input_window returns how many decoded bytes input_getline has buffered
 * and not handed out, *p (borrowed, and the caller may change them) the
 * first of them, or 0 (*p NULL).  A reader may cut lines from there itself
 * and tell input_consume how many bytes it took; input_getline goes on
 * after them.  Any other call on in ends the window (its bytes may move). */
size_t input_window(struct input *in, char **p);
void input_consume(struct input *in, size_t n);

/* Bytes consumed so far by input_getline (offset of the next line). */
unsigned long long input_offset(const struct input *in);

/* Bytes read from the file or stdin so far, as they are stored (before
 * gunzip): of this input, and of every input the process opened. */
unsigned long long input_raw_bytes(const struct input *in);
unsigned long long input_total_bytes(void);

void input_close(struct input *in);

#endif
