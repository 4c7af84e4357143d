#if defined(__linux__)
#define _GNU_SOURCE		/* F_SETPIPE_SZ */
#endif
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "diag.h"
#include "input.h"

/* How large input_pipe makes a pipe: Linux's default pipe-max-size. */
#define PIPE_SIZE	(1024 * 1024)

#define RAW_SIZE	(256 * 1024)
#define LINE_INIT	(256 * 1024)

/* Gzip data is inflated a slot at a time, into a ring of NZSLOT slots:
 * by the reading thread itself for the first ZTHREAD_AFTER bytes, then,
 * when there are more, by a thread of the input's own, which fills the
 * slots ahead while the reader parses, so that inflating and parsing
 * overlap on two cores.  Either way a slot is filled by zfill, so the
 * bytes, and where a fault shows (after every byte inflated before it),
 * are the same.  The thread touches only the z_stream, the raw buffer
 * and the slots it fills; it prints nothing (a fault is told by the
 * reader, when it comes to it). */
#define ZSLOT_SIZE	(256 * 1024)
#define NZSLOT		4
#define ZTHREAD_AFTER	(8ULL * 1024 * 1024)

struct zslot {
	unsigned char	*p;
	size_t		 len, pos;
	/* After the bytes: 0 more, 1 the end, -1 a fault: msg, or a read
	 * error (err). */
	int		 end, err;
	char		 msg[128];
};

struct input {
	int		 fd;
	char		*name;
	int		 gzip;
	int		 eof;		/* raw source exhausted */
	int		 zdone;		/* inflate finished the last member */
	z_stream	 z;
	unsigned char	*raw;		/* raw bytes read from fd */
	size_t		 rawpos, rawlen;
	/* Gzip: the slots filled (zhead) and used up (ztail), counted. */
	struct zslot	 slot[NZSLOT];
	unsigned long long zhead, ztail, zout;
	int		 zthread, zstop;
	pthread_t	 zth;
	pthread_mutex_t	 zmu;
	pthread_cond_t	 zcv;
	/* Line buffer: decoded bytes in [pos, len). */
	char		*lb;
	size_t		 lpos, llen, lcap;
	unsigned long long off;
	unsigned long long rawread;	/* bytes read from fd */
};

/* Bytes read from every input of the process (input_total_bytes). */
static unsigned long long total;

/* get reads up to n bytes from in's descriptor: the count (0 at the end,
 * which it notes), or -1 with errno set; every byte counted. */
static ssize_t
get(struct input *in, void *dst, size_t n)
{
	ssize_t r;

	if (in->eof)
		return 0;
	do
		r = read(in->fd, dst, n);
	while (r < 0 && errno == EINTR);
	if (r == 0)
		in->eof = 1;
	if (r > 0) {
		/* Counted where a thread reads (gzip inflated ahead, or
		 * lines read ahead: ahead.h), looked at by the progress
		 * line. */
		__atomic_add_fetch(&in->rawread, (unsigned long long)r,
		    __ATOMIC_RELAXED);
		__atomic_add_fetch(&total, (unsigned long long)r,
		    __ATOMIC_RELAXED);
	}
	return r;
}

/* refill reads the raw buffer afresh: as get. */
static ssize_t
refill(struct input *in)
{
	ssize_t n = get(in, in->raw, RAW_SIZE);

	if (n >= 0) {
		in->rawpos = 0;
		in->rawlen = (size_t)n;
	}
	return n;
}

/* read_failed says that reading failed, errno why; returns -1. */
static ssize_t
read_failed(const struct input *in)
{
	diag_msg(in->name, 0, "read error: %s", strerror(errno));
	return -1;
}

void
input_pipe(int fd)
{
#if defined(F_SETPIPE_SZ)
	struct stat st;

	/* A failure (a limit on pipe memory) leaves the pipe as it was. */
	if (fstat(fd, &st) == 0 && S_ISFIFO(st.st_mode) &&
	    fcntl(fd, F_GETPIPE_SZ) < PIPE_SIZE)
		(void)fcntl(fd, F_SETPIPE_SZ, PIPE_SIZE);
#else
	(void)fd;
#endif
}

struct input *
input_open(const char *path)
{
	struct input *in;
	int fd;

	if (path == NULL || strcmp(path, "-") == 0) {
		fd = STDIN_FILENO;
		path = "<stdin>";
		input_pipe(fd);
	} else if ((fd = open(path, O_RDONLY)) < 0)
		return NULL;
	in = xcalloc(1, sizeof *in);
	in->fd = fd;
	in->name = xstrdup(path);
	in->raw = xmalloc(RAW_SIZE);
	/* Peek at the magic bytes; a short first read is fine. */
	while (in->rawlen < 2 && !in->eof) {
		ssize_t n = get(in, in->raw + in->rawlen,
		    RAW_SIZE - in->rawlen);

		if (n < 0) {
			int e = errno;

			input_close(in);
			errno = e;
			return NULL;
		}
		in->rawlen += (size_t)n;
	}
	/* A lone 1f, the whole of the data, is a gzip header cut short
	 * after its first byte (no text starts with a unit separator and
	 * ends there): inflate finds it truncated. */
	if ((in->rawlen >= 2 && in->raw[0] == 0x1f && in->raw[1] == 0x8b) ||
	    (in->rawlen == 1 && in->raw[0] == 0x1f)) {
		in->gzip = 1;
		if (inflateInit2(&in->z, 15 + 16) != Z_OK) {
			input_close(in);
			errno = ENOMEM;
			return NULL;
		}
	}
	return in;
}

const char *
input_name(const struct input *in)
{
	return in->name;
}

int
input_is_gzip(const struct input *in)
{
	return in->gzip;
}

/* zfill inflates into s as much as it holds, or up to the end of the
 * data or a fault, which s->end tells.  Concatenated members are one
 * stream, as gzip(1) reads them. */
static void
zfill(struct input *in, struct zslot *s)
{
	ssize_t r;
	int rc;

	s->pos = 0;
	s->end = s->err = 0;
	in->z.next_out = s->p;
	in->z.avail_out = ZSLOT_SIZE;
	while (in->z.avail_out > 0) {
		if (in->rawpos == in->rawlen) {
			if ((r = refill(in)) < 0) {
				s->end = -1;
				s->err = errno;
				break;
			}
			if (r == 0) {
				s->end = in->zdone ? 1 : -1;
				if (!in->zdone)
					snprintf(s->msg, sizeof s->msg,
					    "gzip data is truncated");
				break;
			}
		}
		if (in->zdone) {
			/* Another member follows the one that ended. */
			inflateReset(&in->z);
			in->zdone = 0;
		}
		in->z.next_in = in->raw + in->rawpos;
		in->z.avail_in = (uInt)(in->rawlen - in->rawpos);
		rc = inflate(&in->z, Z_NO_FLUSH);
		in->rawpos = in->rawlen - in->z.avail_in;
		if (rc == Z_STREAM_END)
			in->zdone = 1;
		else if (rc != Z_OK && rc != Z_BUF_ERROR) {
			s->end = -1;
			snprintf(s->msg, sizeof s->msg, "gzip data is corrupt: "
			    "%s", in->z.msg ? in->z.msg : "inflate failed");
			break;
		}
	}
	s->len = ZSLOT_SIZE - in->z.avail_out;
}

static void *
zthread(void *arg)
{
	struct input *in = arg;
	struct zslot *s;

	for (;;) {
		pthread_mutex_lock(&in->zmu);
		while (in->zhead - in->ztail == NZSLOT && !in->zstop)
			pthread_cond_wait(&in->zcv, &in->zmu);
		if (in->zstop) {
			pthread_mutex_unlock(&in->zmu);
			return NULL;
		}
		s = &in->slot[in->zhead % NZSLOT];
		pthread_mutex_unlock(&in->zmu);
		zfill(in, s);
		pthread_mutex_lock(&in->zmu);
		in->zhead++;
		pthread_cond_signal(&in->zcv);
		pthread_mutex_unlock(&in->zmu);
		if (s->end != 0)
			return NULL;
	}
}

/* zstart hands the inflating to a thread; when one cannot be made, the
 * reader goes on doing it. */
static void
zstart(struct input *in)
{
	size_t i;

	for (i = 0; i < NZSLOT; i++)
		if (in->slot[i].p == NULL)
			in->slot[i].p = xmalloc(ZSLOT_SIZE);
	if (pthread_mutex_init(&in->zmu, NULL) != 0)
		return;
	if (pthread_cond_init(&in->zcv, NULL) != 0) {
		pthread_mutex_destroy(&in->zmu);
		return;
	}
	if (pthread_create(&in->zth, NULL, zthread, in) != 0) {
		pthread_cond_destroy(&in->zcv);
		pthread_mutex_destroy(&in->zmu);
		return;
	}
	in->zthread = 1;
}

/* next_slot returns the slot to read from: the one under way, or the next,
 * filled here or waited for from the thread. */
static struct zslot *
next_slot(struct input *in)
{
	struct zslot *s;

	if (in->zthread) {
		pthread_mutex_lock(&in->zmu);
		while (in->ztail == in->zhead)
			pthread_cond_wait(&in->zcv, &in->zmu);
		pthread_mutex_unlock(&in->zmu);
		return &in->slot[in->ztail % NZSLOT];
	}
	if (in->ztail < in->zhead)
		return &in->slot[in->ztail % NZSLOT];
	s = &in->slot[in->zhead % NZSLOT];
	if (s->p == NULL)
		s->p = xmalloc(ZSLOT_SIZE);
	zfill(in, s);
	in->zhead++;
	in->zout += s->len;
	if (s->end == 0 && in->zout >= ZTHREAD_AFTER)
		zstart(in);
	return s;
}

static ssize_t
read_gzip(struct input *in, unsigned char *dst, size_t n)
{
	struct zslot *s;
	size_t k;

	for (;;) {
		s = next_slot(in);
		if (s->pos < s->len) {
			k = s->len - s->pos < n ? s->len - s->pos : n;
			memcpy(dst, s->p + s->pos, k);
			s->pos += k;
			return (ssize_t)k;
		}
		if (s->end > 0)
			return 0;
		if (s->end < 0) {
			if (s->err != 0)
				diag_msg(in->name, 0, "read error: %s",
				    strerror(s->err));
			else
				diag_msg(in->name, 0, "%s", s->msg);
			return -1;
		}
		/* Used up: the slot goes back to be filled again. */
		if (in->zthread) {
			pthread_mutex_lock(&in->zmu);
			in->ztail++;
			pthread_cond_signal(&in->zcv);
			pthread_mutex_unlock(&in->zmu);
		} else
			in->ztail++;
	}
}

/* read_decoded reads decoded bytes from the source, bypassing the line
 * buffer. */
static ssize_t
read_decoded(struct input *in, void *dst, size_t n)
{
	size_t k;

	if (in->gzip)
		return read_gzip(in, dst, n);
	if (in->rawpos == in->rawlen && n >= RAW_SIZE) {
		/* A large read goes straight to the caller's buffer. */
		ssize_t r = get(in, dst, n);

		return r < 0 ? read_failed(in) : r;
	}
	if (in->rawpos == in->rawlen) {
		ssize_t r = refill(in);

		if (r <= 0)
			return r < 0 ? read_failed(in) : 0;
	}
	k = in->rawlen - in->rawpos;
	if (k > n)
		k = n;
	memcpy(dst, in->raw + in->rawpos, k);
	in->rawpos += k;
	return (ssize_t)k;
}

ssize_t
input_read(struct input *in, void *dst, size_t n)
{
	size_t k;

	if (n == 0)
		return 0;
	/* Hand out what input_getline already buffered, first. */
	if (in->lpos < in->llen) {
		k = in->llen - in->lpos;
		if (k > n)
			k = n;
		memcpy(dst, in->lb + in->lpos, k);
		in->lpos += k;
		return (ssize_t)k;
	}
	return read_decoded(in, dst, n);
}

ssize_t
input_peek(struct input *in, size_t n, const unsigned char **p)
{
	ssize_t r;

	/* The bytes wait in the line buffer, where input_read and
	 * input_getline take them from first. */
	if (in->lpos > 0) {
		memmove(in->lb, in->lb + in->lpos, in->llen - in->lpos);
		in->llen -= in->lpos;
		in->lpos = 0;
	}
	if (in->lcap < n + 1) {
		in->lcap = n + 1 > LINE_INIT ? n + 1 : LINE_INIT;
		in->lb = xrealloc(in->lb, in->lcap);
	}
	while (in->llen < n) {
		r = read_decoded(in, in->lb + in->llen, in->lcap - in->llen - 1);
		if (r < 0)
			return -1;
		if (r == 0)
			break;
		in->llen += (size_t)r;
	}
	*p = (const unsigned char *)in->lb;
	return (ssize_t)(in->llen < n ? in->llen : n);
}

/* read_line_data reads for input_getline, which always has 64 KiB and
 * more of room: a plain file or pipe straight into the line buffer, not
 * through the raw buffer (one copy of every byte fewer), once the raw
 * buffer's bytes are used up. */
static ssize_t
read_line_data(struct input *in, char *dst, size_t n)
{
	ssize_t r;

	if (in->gzip || in->rawpos < in->rawlen)
		return read_decoded(in, dst, n);
	r = get(in, dst, n);
	return r < 0 ? read_failed(in) : r;
}

int
input_getline(struct input *in, char **line, size_t *len)
{
	char *nl;
	size_t start, n, seen = 0;
	ssize_t r;

	for (;;) {
		/* The bytes of the line looked at already (seen) are not
		 * looked at again: a long line is searched once. */
		start = in->lpos;
		nl = in->lb == NULL ? NULL :
		    memchr(in->lb + start + seen, '\n', in->llen - start - seen);
		if (nl != NULL) {
			n = (size_t)(nl - (in->lb + start));
			in->lpos = start + n + 1;
			in->off += n + 1;
			break;
		}
		seen = in->llen - start;
		/* Move the partial line to the front, grow, and refill. */
		if (start > 0) {
			memmove(in->lb, in->lb + start, in->llen - start);
			in->llen -= start;
			in->lpos = 0;
		}
		if (in->lcap - in->llen < 65536) {
			in->lcap = in->lcap ? in->lcap * 2 : LINE_INIT;
			in->lb = xrealloc(in->lb, in->lcap);
		}
		r = read_line_data(in, in->lb + in->llen,
		    in->lcap - in->llen - 1);
		if (r < 0)
			return -1;
		if (r == 0) {
			if (in->llen == in->lpos)
				return 0;
			/* Last line without "\n". */
			start = in->lpos;
			n = in->llen - start;
			in->lpos = in->llen;
			in->off += n;
			break;
		}
		in->llen += (size_t)r;
	}
	if (n > 0 && in->lb[start + n - 1] == '\r')
		n--;
	in->lb[start + n] = '\0';
	*line = in->lb + start;
	*len = n;
	return 1;
}

size_t
input_window(struct input *in, char **p)
{
	*p = in->lb == NULL ? NULL : in->lb + in->lpos;
	return in->llen - in->lpos;
}

void
input_consume(struct input *in, size_t n)
{
	in->lpos += n;
	in->off += n;
}

unsigned long long
input_offset(const struct input *in)
{
	return in->off;
}

unsigned long long
input_raw_bytes(const struct input *in)
{
	return __atomic_load_n(&in->rawread, __ATOMIC_RELAXED);
}

unsigned long long
input_total_bytes(void)
{
	return __atomic_load_n(&total, __ATOMIC_RELAXED);
}

int
input_is_file(const struct input *in)
{
	struct stat st;

	return !in->gzip && fstat(in->fd, &st) == 0 && S_ISREG(st.st_mode);
}

void
input_close(struct input *in)
{
	size_t i;

	if (in == NULL)
		return;
	if (in->zthread) {
		pthread_mutex_lock(&in->zmu);
		in->zstop = 1;
		pthread_cond_signal(&in->zcv);
		pthread_mutex_unlock(&in->zmu);
		pthread_join(in->zth, NULL);
		pthread_cond_destroy(&in->zcv);
		pthread_mutex_destroy(&in->zmu);
	}
	for (i = 0; i < NZSLOT; i++)
		free(in->slot[i].p);
	if (in->gzip)
		inflateEnd(&in->z);
	if (in->fd != STDIN_FILENO && in->fd >= 0)
		close(in->fd);
	free(in->name);
	free(in->raw);
	free(in->lb);
	free(in);
}
