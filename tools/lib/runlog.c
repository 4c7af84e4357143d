/* runlog — the run log of luong-run: see runlog.h. */
#include <sys/file.h>
#include <sys/stat.h>

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "atomic.h"
#include "buf.h"
#include "pipeline.h"
#include "rec.h"
#include "runlog.h"
#include "runner.h"

/* The fields, in the order of RUNLOG_FIELDS.  Those from files_read on
 * are counters of the steps' stats records, by the same names. */
enum { F_START, F_PIPELINE, F_NAME, F_STATUS, F_DURATION, F_ERROR,
    F_STAGES, F_OUTPUTS, F_FIRST_COUNT, NFIELDS = F_FIRST_COUNT + 9 };

static const char *const field[NFIELDS] = { "start", "pipeline", "name",
    "status", "duration_ms", "error", "stages", "outputs", "files_read",
    "files_quarantined", "files_skipped", "rows_superseded",
    "rows_excluded", "rows_rejected", "schools_expected",
    "schools_reported", "schools_missing" };

/* A header longer than this is no log's: every field once is far less. */
#define MAXHEADER	4096

/* The header of a log: the fields it names, in its order. */
struct header {
	size_t	n;
	int	idx[NFIELDS];
	int	fresh;		/* empty: it gets RUNLOG_FIELDS first */
};

static int
field_index(const char *name, size_t n)
{
	int i;

	for (i = 0; i < NFIELDS; i++)
		if (strlen(field[i]) == n && memcmp(field[i], name, n) == 0)
			return i;
	return -1;
}

/* read_header reads the header of the log on fd into h.  Returns 0, or -1
 * with why set (or errno, why empty). */
static int
read_header(int fd, struct header *h, struct buf *why)
{
	char line[MAXHEADER];
	const char *p, *end, *nl;
	struct stat st;
	ssize_t k;
	int i, seen[NFIELDS] = { 0 };

	memset(h, 0, sizeof *h);
	if (fstat(fd, &st) != 0)
		return -1;
	/* A device or a FIFO cannot be read back: each record goes with
	 * the header, as to a new log. */
	if (!S_ISREG(st.st_mode) || st.st_size == 0) {
		h->fresh = 1;
		for (i = 0; i < NFIELDS; i++)
			h->idx[h->n++] = i;
		return 0;
	}
	if ((k = pread(fd, line, sizeof line, 0)) < 0)
		return -1;
	if ((nl = memchr(line, '\n', (size_t)k)) == NULL || nl == line) {
		buf_adds(why, "its first line is not a header");
		return -1;
	}
	for (p = line; p <= nl; p = end + 1) {
		end = memchr(p, '\t', (size_t)(nl - p));
		if (end == NULL)
			end = nl;
		if ((i = field_index(p, (size_t)(end - p))) < 0) {
			buf_addc(why, '"');
			rec_escape(why, p, (size_t)(end - p));
			buf_adds(why, "\" in its header is not a field of the "
			    "log");
			return -1;
		}
		if (seen[i]++) {
			buf_printf(why, "its header names \"%s\" twice",
			    field[i]);
			return -1;
		}
		h->idx[h->n++] = i;
	}
	return 0;
}

int
runlog_check(int fd, struct buf *why)
{
	struct header h;

	return read_header(fd, &h, why);
}

/* count sums the counter field[i] over the steps' records into b; nothing
 * when none of them has it. */
static void
count(struct buf *b, const struct runner *r, int i)
{
	unsigned long long sum = 0;
	size_t k, j;
	int found = 0;

	for (k = 0; k < r->nprocs; k++) {
		const struct runner_stats *s = &r->procs[k].stats;

		if (strcmp(r->procs[k].kind, "stage") != 0)
			continue;
		for (j = 0; j < s->n; j++)
			if (strcmp(s->name[j], field[i]) == 0) {
				sum += s->value[j];
				found = 1;
			}
	}
	if (found)
		buf_printf(b, "%llu", sum);
}

/* stages: name=read,written,rejected for every process, from its stats
 * record; empty counts when it wrote none. */
static void
stages(struct buf *b, const struct runner *r)
{
	size_t i, k;

	for (i = 0; i < r->nprocs; i++) {
		const struct runner_proc *pr = &r->procs[i];

		if (i > 0)
			buf_addc(b, ';');
		buf_printf(b, "%s=", pr->cmd->name);
		for (k = 0; k < 3; k++) {
			if (k > 0)
				buf_addc(b, ',');
			if (pr->stats.n > 0)
				buf_printf(b, "%llu", pr->stats.value[k]);
		}
	}
}

/* value appends field i of run to b, in stream form. */
static void
value(struct buf *b, const struct runlog_run *run, int i)
{
	const struct runner *r = run->r;
	struct buf t = { 0 };
	size_t k;

	switch (i) {
	case F_START:
		buf_adds(&t, run->start);
		break;
	case F_PIPELINE:
		buf_adds(&t, run->pipeline);
		break;
	case F_NAME:
		if (r != NULL && r->p->name != NULL)
			buf_adds(&t, r->p->name);
		break;
	case F_STATUS:
		buf_printf(&t, "%d", run->status);
		break;
	case F_DURATION:
		buf_printf(&t, "%lld", run->duration_ms);
		break;
	case F_ERROR:
		if (r == NULL)
			buf_adds(&t, "configuration error");
		else if (r->error.len > 0)
			buf_add(&t, r->error.p, r->error.len);
		break;
	case F_STAGES:
		if (r != NULL)
			stages(&t, r);
		break;
	case F_OUTPUTS:
		for (k = 0; r != NULL && run->status == 0 &&
		    k < r->p->noutputs; k++) {
			if (k > 0)
				buf_addc(&t, ';');
			buf_adds(&t, r->p->outputs[k].path);
		}
		break;
	default:
		if (r != NULL)
			count(&t, r, i);
	}
	rec_escape(b, t.p != NULL ? t.p : "", t.len);
	buf_free(&t);
}

int
runlog_format(struct buf *b, int fd, const struct runlog_run *run,
    struct buf *why)
{
	struct header h;
	size_t k;

	if (read_header(fd, &h, why) != 0)
		return -1;
	if (h.fresh)
		buf_adds(b, RUNLOG_FIELDS "\n");
	for (k = 0; k < h.n; k++) {
		if (k > 0)
			buf_addc(b, '\t');
		value(b, run, h.idx[k]);
	}
	buf_addc(b, '\n');
	return 0;
}

int
runlog_append(int fd, const struct runlog_run *run, struct buf *why)
{
	struct buf b = { 0 };
	int locked, rc, e = 0;

	/* Best effort: a device, or a file system without locks, is
	 * written all the same. */
	while ((locked = flock(fd, LOCK_EX) == 0) == 0 && errno == EINTR)
		;
	errno = 0;
	rc = runlog_format(&b, fd, run, why);
	if (rc != 0)
		e = errno;
	/* One write(2) per record: runs sharing a log do not mix lines. */
	else if ((e = atomic_write_all(fd, b.p, b.len)) != 0)
		rc = -1;
	if (locked)
		flock(fd, LOCK_UN);
	buf_free(&b);
	errno = e;
	return rc;
}
