/* csvin — CSV text in: bytes from an input (gzip by magic), decoded to
 * UTF-8 (as is, checked, or through iconv from a legacy Vietnamese
 * encoding), a UTF-8 byte order mark dropped, split into physical lines,
 * and parsed into RFC 4180 records by libcsv.
 *
 * Line numbers are physical lines of the decoded text, counted by LF; a
 * record that spans lines (a quoted field with a line break) is numbered
 * by the line it starts on.  Blank lines are not records.
 *
 * A csvin owns its buffers.  Rows handed to the callback of csvin_read are
 * borrowed and valid only during the call: copy what you keep.  No memory
 * is allocated per row or field once the buffers have grown to the
 * longest row.  */
#ifndef LUONG_CSVIN_H
#define LUONG_CSVIN_H

#include <stddef.h>

#include "enc.h"

/* How many physical lines csvin_peek can look at before csvin_read. */
#define CSVIN_PEEK_MAX	20

/* One record: n fields, each NUL-terminated (a field may also contain
 * NUL bytes of its own: use len).  line: where the record starts.  bad:
 * NULL, or why the record is malformed ("text after the closing quote of
 * field 2"): its fields are then only those before the fault, and the
 * rest of the physical line where the fault is was skipped, never more,
 * so that the next line is a record of its own. */
struct csvin_row {
	size_t		 n;
	char		**f;
	size_t		*len;
	unsigned long	 line;
	const char	*bad;
	/* Set when it is known that no field holds a TAB, LF, CR or
	 * backslash (plain: each field's bytes are its stream form), or a
	 * byte above 0x7f (ascii); 0 says nothing. */
	int		 plain, ascii;
	/* private */
	char		*data;
	size_t		 dlen, dcap;
	size_t		*off;
	size_t		 cap;
};

struct csvin;

/* csvin_open opens path ("-" or NULL: stdin) to be read in encoding enc
 * (enc.h); with ENC_AUTO, csvin_detect decides it.  Returns NULL with
 * errno set on failure; nothing is printed. */
struct csvin *csvin_open(const char *path, enum enc enc);

/* csvin_open_input reads in, already open (bytes looked at with
 * input_peek are read again); the csvin owns it from then on, and closes
 * it.  NULL with errno set (in is still the caller's). */
struct input;
struct csvin *csvin_open_input(struct input *in, enum enc enc);

/* The name used in messages: the path, or "<stdin>". */
const char *csvin_name(const struct csvin *ci);

/* csvin_detect decides the encoding of a csvin opened with ENC_AUTO
 * from the first ENC_SAMPLE bytes of its input (after gunzip), by
 * enc_guess, and reads on in it.  It must come before csvin_peek and
 * csvin_read.  Returns 1 with the encoding in g->enc, 0 when the sample
 * cannot tell (g says the two best readings; the csvin can only be
 * closed), -1 on a read error (printed).  A csvin opened with an
 * encoding returns 1 with that encoding.  A byte beyond the sample that
 * is not valid in the encoding decided is the reader's usual error. */
int csvin_detect(struct csvin *ci, struct enc_guess *g);

/* csvin_peek returns physical line k (1 <= k <= CSVIN_PEEK_MAX) without
 * its line end in *line / *len (borrowed, valid until csvin_read or
 * csvin_close): 1 for a line, 0 when the text has fewer lines, -1 on an
 * error (printed: a read error, a byte that is not valid in the
 * encoding). */
int csvin_peek(struct csvin *ci, unsigned long k, const char **line,
    size_t *len);

/* csvin_read parses the text from physical line first on (the lines
 * before it are skipped) with delim as the field separator, calling
 * fn(row, arg) for each record.  A record whose every field is empty is
 * not passed on (spreadsheets write such lines under a table).  A record
 * with text after the closing quote of a field (`"a"x,1` or `"a" ,1`) is
 * passed on with row->bad set: the caller rejects it, or fails.  A quote
 * inside an unquoted field (`5'6"`) is kept as it is.  Returns 0 at the
 * end of the text, -1 on an error (printed with file:line: a read error,
 * a bad byte, a quoted field still open at the end of the text).
 * csvin_read may be called once per csvin. */
int csvin_read(struct csvin *ci, unsigned long first, char delim,
    void (*fn)(const struct csvin_row *row, void *arg), void *arg);

void csvin_close(struct csvin *ci);

/* csvin_sniff writes to delims the candidate separators (",", ";", TAB)
 * that occur outside double quotes in line, the most frequent first
 * (ties: "," then ";" then TAB), NUL-terminated, and returns how many;
 * delims must hold 4 bytes.  */
size_t csvin_sniff(const char *line, size_t len, char *delims);

/* csvin_split parses one line (no line end) into row, which it owns
 * until csvin_row_free; row->line is left as it was.  Returns 0, or -1
 * if the line ends inside a quoted field. */
int csvin_split(struct csvin_row *row, const char *line, size_t len,
    char delim);

struct csvin_row *csvin_row_new(void);
void csvin_row_free(struct csvin_row *row);

#endif
