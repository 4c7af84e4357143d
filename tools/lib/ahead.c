/* ahead — lines read and scanned ahead by a thread: see ahead.h.
 *
 * The segments go round: the thread fills seg[w] (its bytes, then a
 * record for each whole line: where it is and what scan_csvline found)
 * and marks it ready; the caller hands out its lines and, when it asks
 * for the line after the last, gives it back.  The bytes of a line cut by
 * the segment's end are carried to the start of the next.  One mutex and
 * one condition guard the ready marks, which are all the two threads
 * share besides the segments themselves (each touched by one thread at a
 * time: the thread before the mark, the caller after it). */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "ahead.h"
#include "diag.h"
#include "input.h"
#include "sbcs.h"
#include "scan.h"

#define NSEG	3
#define SEG	(256 * 1024)
#define RAW	(64 * 1024)	/* a legacy encoding's bytes a read */

struct aline {
	size_t	 off, len;	/* in the segment's text */
	size_t	 pos, npos;	/* in the segment's places */
	unsigned flags;
};

struct seg {
	char		*t;
	size_t		 len, cap;
	struct aline	*l;
	size_t		 nl, lcap;
	size_t		*pos;
	size_t		 npos, poscap;
	int		 ready;		/* the caller's until given back */
	int		 last;		/* the input ends after it */
	int		 err;		/* a read error after its lines */
	int		 bad;		/* a byte the encoding lacks, after */
	unsigned char	 badbyte;
	unsigned long long badoff;
};

struct ahead {
	struct input	*in;
	char		 delim;
	struct seg	 seg[NSEG];
	/* A legacy encoding's tables, and its bytes not yet decoded (an
	 * incomplete character) from offset rawoff of the input. */
	const struct sbcs *sb;
	int		 late;		/* lines scanned by the caller */
	size_t		*cpos, ccapp;	/* ... into these places */
	char		*raw;
	size_t		 rawlen;
	unsigned long long rawoff;
	unsigned char	 badbyte;
	unsigned long long badoff;
	/* The thread's: the bytes of a line cut by a segment's end. */
	char		*carry;
	size_t		 ncarry, ccap;
	/* The caller's: the segment it reads and its next line. */
	size_t		 rd, li;
	int		 held, done, bad;
	int		 stop;
	pthread_t	 th;
	pthread_mutex_t	 mu;
	pthread_cond_t	 cv;
};

/* add_line records s's line at off, n bytes, its k places stored at
 * s->pos[s->npos..] already. */
static void
add_line(struct seg *s, size_t off, size_t n, size_t k, unsigned flags)
{
	struct aline *l;

	s->l = xgrow(s->l, &s->lcap, s->nl + 1, sizeof *s->l);
	l = &s->l[s->nl++];
	l->off = off;
	l->len = n;
	l->pos = s->npos;
	l->npos = k;
	l->flags = flags;
	s->npos += k;
}

/* scan_lines records the whole lines of s from its start and returns
 * where the first line not ended in it starts. */
static size_t
scan_lines(struct ahead *a, struct seg *s)
{
	size_t off = 0, k, n;
	unsigned fl;
	const char *lf;

	while (a->late) {
		if ((lf = memchr(s->t + off, '\n', s->len - off)) == NULL)
			return off;
		n = (size_t)(lf - (s->t + off)) + 1;
		add_line(s, off, n, 0, 0);
		off += n;
	}
	for (;;) {
		k = scan_csvline(s->t + off, s->len - off, a->delim, 1,
		    s->pos + s->npos, s->poscap - s->npos, &fl, &n);
		if (n == 0)
			return off;
		if (k > s->poscap - s->npos) {
			s->pos = xgrow(s->pos, &s->poscap, s->npos + k,
			    sizeof *s->pos);
			k = scan_csvline(s->t + off, s->len - off, a->delim,
			    1, s->pos + s->npos, s->poscap - s->npos, &fl, &n);
		}
		add_line(s, off, n, k, fl);
		off += n;
	}
}

/* last_line records the bytes after the last line end of the input as a
 * line, scanned as csvin scans such a line (scan_csv, without a CR at
 * its end). */
static void
last_line(struct ahead *a, struct seg *s, size_t off)
{
	size_t n = s->len - off, l = n, k;
	unsigned fl;

	if (a->late) {
		add_line(s, off, n, 0, 0);
		return;
	}
	if (l > 0 && s->t[off + l - 1] == '\r')
		l--;
	k = scan_csv(s->t + off, l, a->delim, NULL, 0, &fl);
	s->pos = xgrow(s->pos, &s->poscap, s->npos + k, sizeof *s->pos);
	scan_csv(s->t + off, l, a->delim, s->pos + s->npos, k, &fl);
	add_line(s, off, n, k, fl);
}

/* get_text appends to s's text, up to want bytes, what the input holds
 * next: as read, or decoded by the tables.  Returns the bytes added, 0
 * at the end of the input (or at a byte the encoding lacks: s->bad),
 * -1 on a read error (printed). */
static ssize_t
get_text(struct ahead *a, struct seg *s, size_t want)
{
	size_t k;
	ssize_t r;
	int bad, last;

	if (a->sb == NULL)
		return input_read(a->in, s->t + s->len, want - s->len);
	do {
		r = input_read(a->in, a->raw + a->rawlen, RAW - a->rawlen);
		if (r < 0)
			return -1;
		last = r == 0;
		if (last && a->rawlen == 0)
			return 0;
		a->rawlen += (size_t)r;
		s->t = xgrow(s->t, &s->cap, s->len + 4 * a->rawlen + 4, 1);
		k = sbcs_take(a->sb, a->raw, &a->rawlen, &a->rawoff, last,
		    s->t + s->len, &bad, &s->badbyte, &s->badoff);
		s->len += k;
		if (bad) {
			s->bad = 1;
			return 0;
		}
	} while (k == 0 && !last);
	return (ssize_t)k;
}

/* fill reads into s, after the carried bytes, until it holds SEG bytes
 * more than them or the input ends, then records its lines.  A segment
 * without a whole line (a line longer than it) reads on.  Returns 1 while
 * more input may follow. */
static int
fill(struct ahead *a, struct seg *s)
{
	size_t off, want, looked;
	ssize_t r;

	s->len = s->nl = s->npos = 0;
	s->last = s->err = s->bad = 0;
	/* Room for a place at least: s->pos + s->npos is never NULL + 0. */
	s->pos = xgrow(s->pos, &s->poscap, 1, sizeof *s->pos);
	s->t = xgrow(s->t, &s->cap, a->ncarry + SEG, 1);
	memcpy(s->t, a->carry, a->ncarry);	/* carry: never NULL */
	s->len = looked = a->ncarry;
	for (;;) {
		want = s->len + SEG;
		s->t = xgrow(s->t, &s->cap, want, 1);
		while (s->len < want) {
			if ((r = get_text(a, s, want)) <= 0) {
				s->err = r < 0;
				s->last = 1;
				break;
			}
			if (a->sb == NULL)
				s->len += (size_t)r;
		}
		/* A long line is looked through once, not at each read. */
		if (!s->last && memchr(s->t + looked, '\n', s->len - looked) ==
		    NULL) {
			looked = s->len;
			continue;
		}
		off = scan_lines(a, s);
		if (s->last) {
			/* Before a byte the encoding lacks, the text of its
			 * line is not a line: the fault is told at it. */
			if (off < s->len && !s->err && !s->bad)
				last_line(a, s, off);
			a->ncarry = 0;
			return 0;
		}
		if (s->nl > 0)
			break;
	}
	a->ncarry = s->len - off;
	a->carry = xgrow(a->carry, &a->ccap, a->ncarry + 1, 1);
	memcpy(a->carry, s->t + off, a->ncarry);
	s->len = off;
	return 1;
}

static void *
run(void *arg)
{
	struct ahead *a = arg;
	struct seg *s;
	size_t w = 0;
	int more = 1;

	while (more) {
		s = &a->seg[w];
		pthread_mutex_lock(&a->mu);
		while (s->ready && !a->stop)
			pthread_cond_wait(&a->cv, &a->mu);
		if (a->stop) {
			pthread_mutex_unlock(&a->mu);
			break;
		}
		pthread_mutex_unlock(&a->mu);
		more = fill(a, s);
		pthread_mutex_lock(&a->mu);
		s->ready = 1;
		pthread_cond_broadcast(&a->cv);
		pthread_mutex_unlock(&a->mu);
		w = (w + 1) % NSEG;
	}
	return NULL;
}

struct ahead *
ahead_start(struct input *in, const char *head, size_t n, char delim,
    const struct ahead_sbcs *dec)
{
	struct ahead *a = xcalloc(1, sizeof *a);

	a->in = in;
	a->delim = delim;
	a->cpos = xgrow(a->cpos, &a->ccapp, 1, sizeof *a->cpos);
	if (dec != NULL && dec->sb != NULL) {
		a->sb = dec->sb;
		a->raw = xmalloc(RAW);
		memcpy(a->raw, dec->raw, dec->rawlen);	/* under a read */
		a->rawlen = dec->rawlen;
		a->rawoff = dec->rawoff;
		/* Decoding is the thread's work; the scan is left to the
		 * caller, so that the two take about as long. */
		a->late = 1;
	}
	a->carry = xgrow(a->carry, &a->ccap, n + 1, 1);
	if (n > 0)
		memcpy(a->carry, head, n);
	a->ncarry = n;
	pthread_mutex_init(&a->mu, NULL);
	pthread_cond_init(&a->cv, NULL);
	if (pthread_create(&a->th, NULL, run, a) != 0) {
		pthread_mutex_destroy(&a->mu);
		pthread_cond_destroy(&a->cv);
		free(a->carry);
		free(a->raw);
		free(a->cpos);
		free(a);
		return NULL;
	}
	return a;
}

/* scan_late scans a line the thread only found the end of: as the
 * thread scans one (scan_csvline, or scan_csv on a last line without a
 * line end), into the caller's places. */
static void
scan_late(struct ahead *a, const char *line, size_t len, const size_t **pos,
    size_t *npos, unsigned *flags)
{
	size_t k, n, l = len;
	int lf = len > 0 && line[len - 1] == '\n';

	if (!lf && l > 0 && line[l - 1] == '\r')
		l--;
	for (;;) {
		/* Text decoded by the tables is UTF-8: no check. */
		if (lf)
			k = scan_csvline(line, len, a->delim, 0, a->cpos,
			    a->ccapp, flags, &n);
		else {
			k = scan_csv(line, l, a->delim, a->cpos, a->ccapp,
			    flags);
			*flags &= ~SCAN_UTF8X;
		}
		if (k <= a->ccapp)
			break;
		a->cpos = xgrow(a->cpos, &a->ccapp, k, sizeof *a->cpos);
	}
	*pos = a->cpos;
	*npos = k;
}

/* give_back hands the segment read back to the thread. */
static void
give_back(struct ahead *a)
{
	pthread_mutex_lock(&a->mu);
	a->seg[a->rd].ready = 0;
	pthread_cond_broadcast(&a->cv);
	pthread_mutex_unlock(&a->mu);
	a->rd = (a->rd + 1) % NSEG;
	a->held = 0;
}

int
ahead_next(struct ahead *a, char **line, size_t *len, const size_t **pos,
    size_t *npos, unsigned *flags)
{
	struct seg *s;
	struct aline *l;

	for (;;) {
		if (a->done)
			return a->done < 0 ? -1 : 0;
		s = &a->seg[a->rd];
		if (!a->held) {
			pthread_mutex_lock(&a->mu);
			while (!s->ready)
				pthread_cond_wait(&a->cv, &a->mu);
			pthread_mutex_unlock(&a->mu);
			a->held = 1;
			a->li = 0;
		}
		if (a->li < s->nl)
			break;
		if (s->last) {
			a->done = s->err ? -1 : 1;
			a->badbyte = s->badbyte;
			a->badoff = s->bad ? s->badoff : 0;
			a->bad = s->bad;
			continue;
		}
		give_back(a);
	}
	l = &s->l[a->li++];
	*line = s->t + l->off;
	*len = l->len;
	*pos = s->pos + l->pos;
	*npos = l->npos;
	*flags = l->flags;
	if (a->late)
		scan_late(a, *line, *len, pos, npos, flags);
	return 1;
}

int
ahead_bad(const struct ahead *a, unsigned char *byte, unsigned long long *off)
{
	if (!a->bad)
		return 0;
	*byte = a->badbyte;
	*off = a->badoff;
	return 1;
}

void
ahead_stop(struct ahead *a)
{
	size_t i;

	if (a == NULL)
		return;
	pthread_mutex_lock(&a->mu);
	a->stop = 1;
	pthread_cond_broadcast(&a->cv);
	pthread_mutex_unlock(&a->mu);
	pthread_join(a->th, NULL);
	pthread_mutex_destroy(&a->mu);
	pthread_cond_destroy(&a->cv);
	for (i = 0; i < NSEG; i++) {
		free(a->seg[i].t);
		free(a->seg[i].l);
		free(a->seg[i].pos);
	}
	free(a->carry);
	free(a->raw);
	free(a->cpos);
	free(a);
}
