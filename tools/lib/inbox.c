/* inbox — the files luong-ingest reads: see inbox.h. */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "buf.h"
#include "diag.h"
#include "inbox.h"
#include "rec.h"

static const char *const export_ext[] = { ".csv", ".tsv", ".xlsx", ".xls",
    NULL };

/* ends_with_ci says whether name[0..n) ends in ext, in any case. */
static int
ends_with_ci(const char *name, size_t n, const char *ext)
{
	size_t e = strlen(ext);

	return n > e && strncasecmp(name + n - e, ext, e) == 0;
}

int
inbox_is_export(const char *name)
{
	size_t n = strlen(name);
	size_t i;

	if (ends_with_ci(name, n, ".gz"))
		n -= 3;
	for (i = 0; export_ext[i] != NULL; i++)
		if (ends_with_ci(name, n, export_ext[i]))
			return 1;
	return 0;
}

static struct inbox_file *
push(struct inbox *ib, const char *path, const char *name)
{
	struct inbox_file *f;

	if (ib->n == ib->cap) {
		ib->cap = ib->cap ? 2 * ib->cap : 16;
		ib->f = xrealloc(ib->f, ib->cap * sizeof *ib->f);
	}
	f = &ib->f[ib->n++];
	memset(f, 0, sizeof *f);
	f->path = xstrdup(path);
	f->name = xstrdup(name);
	return f;
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* add_dir adds the files of directory dir, in order of name. */
static void
add_dir(struct inbox *ib, const char *dir)
{
	struct buf path = { 0 };
	struct dirent *d;
	struct inbox_file *f;
	struct stat st;
	char **names = NULL;
	size_t n = 0, cap = 0, i;
	DIR *dp;

	if ((dp = opendir(dir)) == NULL)
		diag_fatal(EXIT_USAGE, dir, 0, "cannot open: %s",
		    strerror(errno));
	while ((errno = 0, d = readdir(dp)) != NULL) {
		if (strcmp(d->d_name, ".") == 0 || strcmp(d->d_name, "..") == 0)
			continue;
		if (n == cap) {
			cap = cap ? 2 * cap : 32;
			names = xrealloc(names, cap * sizeof *names);
		}
		names[n++] = xstrdup(d->d_name);
	}
	if (errno != 0)
		diag_fatal(EXIT_DATA, dir, 0, "cannot list: %s",
		    strerror(errno));
	closedir(dp);
	if (n > 0)
		qsort(names, n, sizeof *names, by_name);
	for (i = 0; i < n; i++) {
		buf_reset(&path);
		buf_printf(&path, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ?
		    "" : "/", names[i]);
		f = push(ib, path.p, names[i]);
		/* A link is what it points at; a dangling one is nothing. */
		if (stat(path.p, &st) != 0) {
			inbox_set(f, INBOX_SKIPPED, strerror(errno));
			free(names[i]);
			continue;
		}
		f->mtime = st.st_mtim;
		if (S_ISDIR(st.st_mode))
			inbox_set(f, INBOX_SKIPPED, "a directory: not searched");
		else if (!S_ISREG(st.st_mode))
			inbox_set(f, INBOX_SKIPPED, "not a regular file");
		else if (!inbox_is_export(names[i]))
			inbox_set(f, INBOX_SKIPPED, "not an export: the name "
			    "does not end in .csv, .tsv, .xlsx or .xls, "
			    "gzipped or not");
		free(names[i]);
	}
	free(names);
	buf_free(&path);
}

void
inbox_add(struct inbox *ib, const char *operand)
{
	struct inbox_file *f;
	struct stat st;
	int fd;

	if (strcmp(operand, "-") == 0) {
		f = push(ib, "-", "-");
		clock_gettime(CLOCK_REALTIME, &f->mtime);
		return;
	}
	if (stat(operand, &st) != 0)
		diag_fatal(EXIT_USAGE, operand, 0, "cannot open: %s",
		    strerror(errno));
	if (S_ISDIR(st.st_mode)) {
		add_dir(ib, operand);
		return;
	}
	/* Asked for by name: it must open now, before any output; a pipe
	 * is not opened twice (its writer would see its reader go). */
	if (S_ISREG(st.st_mode) && (fd = open(operand, O_RDONLY)) < 0)
		diag_fatal(EXIT_USAGE, operand, 0, "cannot open: %s",
		    strerror(errno));
	if (S_ISREG(st.st_mode))
		close(fd);
	f = push(ib, operand, operand);
	f->mtime = st.st_mtim;
}

/* Files in order of rank: modification time, then name. */
static const struct inbox *sorting;

static int
by_rank(const void *a, const void *b)
{
	const struct inbox_file *x = &sorting->f[*(const size_t *)a];
	const struct inbox_file *y = &sorting->f[*(const size_t *)b];

	if (x->mtime.tv_sec != y->mtime.tv_sec)
		return x->mtime.tv_sec < y->mtime.tv_sec ? -1 : 1;
	if (x->mtime.tv_nsec != y->mtime.tv_nsec)
		return x->mtime.tv_nsec < y->mtime.tv_nsec ? -1 : 1;
	return strcmp(x->name, y->name);
}

void
inbox_rank(struct inbox *ib)
{
	size_t *order, i;

	if (ib->n == 0)
		return;
	order = xcalloc(ib->n, sizeof *order);
	for (i = 0; i < ib->n; i++)
		order[i] = i;
	sorting = ib;
	qsort(order, ib->n, sizeof *order, by_rank);
	sorting = NULL;
	for (i = 0; i < ib->n; i++)
		ib->f[order[i]].rank = i + 1;
	free(order);
}

void
inbox_set(struct inbox_file *f, enum inbox_status st, const char *reason)
{
	f->status = st;
	free(f->reason);
	f->reason = reason != NULL ? xstrdup(reason) : NULL;
}

unsigned long long
inbox_count(const struct inbox *ib, enum inbox_status st)
{
	unsigned long long c = 0;
	size_t i;

	for (i = 0; i < ib->n; i++)
		c += ib->f[i].status == st;
	return c;
}

static void
put_count(struct rec_writer *w, int applies, unsigned long long v)
{
	if (applies)
		rec_put_int(w, (long long)v);
	else
		rec_put(w, "", 0);
}

void
inbox_write(const struct inbox *ib, struct rec_writer *w)
{
	static const char *const status[] = { "", "read", "quarantined",
	    "skipped" };
	static const char *const head[] = { "file", "status", "reason",
	    "modified", "rows", "written", "rejected", "superseded", NULL };
	const struct inbox_file *f;
	struct tm tm;
	char when[32];
	size_t i;

	for (i = 0; head[i] != NULL; i++)
		rec_puts(w, head[i]);
	rec_endrow(w);
	for (i = 0; i < ib->n; i++) {
		f = &ib->f[i];
		if (f->status == INBOX_UNREAD)
			continue;
		rec_puts(w, f->name);
		rec_puts(w, status[f->status]);
		rec_puts(w, f->reason != NULL ? f->reason : "");
		when[0] = '\0';
		if ((f->mtime.tv_sec != 0 || f->mtime.tv_nsec != 0) &&
		    gmtime_r(&f->mtime.tv_sec, &tm) != NULL)
			strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
		rec_puts(w, when);
		put_count(w, f->status != INBOX_SKIPPED, f->rows);
		put_count(w, f->status == INBOX_READ, f->written);
		put_count(w, f->status == INBOX_READ, f->rejected);
		put_count(w, f->status == INBOX_READ, f->superseded);
		rec_endrow(w);
	}
}

void
inbox_free(struct inbox *ib)
{
	size_t i;

	for (i = 0; i < ib->n; i++) {
		free(ib->f[i].path);
		free(ib->f[i].name);
		free(ib->f[i].reason);
	}
	free(ib->f);
	ib->f = NULL;
	ib->n = ib->cap = 0;
}
