/* spool — record rows held back in a temporary file: see spool.h. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "diag.h"
#include "rec.h"
#include "spool.h"

struct spool *
spool_new(const char *what)
{
	const char *dir = getenv("TMPDIR");
	struct spool *s = xcalloc(1, sizeof *s);
	struct buf b = { 0 };

	buf_printf(&b, "%s/.luong-spool.XXXXXX", dir != NULL && *dir != '\0' ?
	    dir : "/tmp");
	if ((s->fd = mkstemp(b.p)) < 0)
		diag_fatal(EXIT_DATA, b.p, 0, "cannot make a temporary file "
		    "for %s: %s", what, strerror(errno));
	unlink(b.p);
	s->name = b.p;
	s->w = rec_writer_new(s->fd, s->name);
	return s;
}

static void __attribute__((noreturn))
fail(const struct spool *s, const char *what)
{
	diag_fatal(EXIT_DATA, s->name, 0, "%s: %s", what, strerror(errno));
}

void
spool_mark(struct spool *s)
{
	rec_flush(s->w);
	if ((s->mark = lseek(s->fd, 0, SEEK_CUR)) < 0)
		fail(s, "cannot seek");
}

void
spool_withdraw(struct spool *s)
{
	rec_flush(s->w);
	if (ftruncate(s->fd, s->mark) != 0 ||
	    lseek(s->fd, s->mark, SEEK_SET) < 0)
		fail(s, "cannot truncate");
}

/* rewind_all flushes s and reads it from the start. */
static void
rewind_all(struct spool *s)
{
	rec_flush(s->w);
	if (lseek(s->fd, 0, SEEK_SET) < 0)
		fail(s, "cannot seek");
}

/* empty leaves s empty, ready for writing. */
static void
empty(struct spool *s)
{
	if (ftruncate(s->fd, 0) != 0 || lseek(s->fd, 0, SEEK_SET) < 0)
		fail(s, "cannot truncate");
	s->mark = 0;
}

void
spool_copy(struct spool *s, struct rec_writer *out)
{
	char chunk[65536];
	ssize_t n;

	rewind_all(s);
	while ((n = read(s->fd, chunk, sizeof chunk)) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			fail(s, "read error");
		}
		rec_put_rows(out, chunk, (size_t)n);
	}
	empty(s);
}

void
spool_each(struct spool *s, void (*fn)(char *row, size_t n, void *arg),
    void *arg)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	FILE *fp;
	int fd;

	rewind_all(s);
	if ((fd = dup(s->fd)) < 0 || (fp = fdopen(fd, "r")) == NULL)
		fail(s, "cannot read back");
	while ((n = getline(&line, &cap, fp)) > 0) {
		if (line[n - 1] == '\n')
			line[--n] = '\0';
		fn(line, (size_t)n, arg);
	}
	if (ferror(fp))
		fail(s, "read error");
	free(line);
	fclose(fp);
	empty(s);
}

void
spool_free(struct spool *s)
{
	if (s == NULL)
		return;
	rec_writer_free(s->w);
	close(s->fd);
	free(s->name);
	free(s);
}
