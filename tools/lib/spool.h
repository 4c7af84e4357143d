/* spool — record rows held back in a temporary file: luong-ingest's rows
 * until every file is read (a newer file may replace them), and a file's
 * rejects until the file is known to be readable (a file set aside takes
 * its rejects with it).
 *
 * The file is made in $TMPDIR (or /tmp) and unlinked at once: nothing is
 * left behind however the program ends.  Writing through spool->w, the
 * caller marks where a file begins (spool_mark) and can withdraw what was
 * written since (spool_withdraw).  Errors (no room in $TMPDIR) exit 1
 * naming the file.
 *
 * Memory: the writer's buffer and one line being read back; the rows are
 * on disk.  */
#ifndef LUONG_SPOOL_H
#define LUONG_SPOOL_H

#include <stddef.h>
#include <sys/types.h>

struct rec_writer;

struct spool {
	struct rec_writer *w;
	int		   fd;
	off_t		   mark;
	char		  *name;	/* for messages */
};

/* spool_new makes an empty spool; what names it in messages. */
struct spool *spool_new(const char *what);

/* spool_mark: a file begins here. */
void spool_mark(struct spool *s);

/* spool_withdraw discards everything written since the mark. */
void spool_withdraw(struct spool *s);

/* spool_copy appends everything in s to out and empties s. */
void spool_copy(struct spool *s, struct rec_writer *out);

/* spool_each calls fn on every row in s, in order, without its LF
 * (NUL-terminated; fn may change it), then empties s. */
void spool_each(struct spool *s, void (*fn)(char *row, size_t n, void *arg),
    void *arg);

void spool_free(struct spool *s);

#endif
