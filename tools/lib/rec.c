#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "hash.h"
#include "input.h"
#include "rec.h"
#include "scan.h"

#if defined(__SSE2__)
#include <immintrin.h>
#endif

#define WBUF_SIZE	(256 * 1024)

size_t
rec_unescape(char *s, size_t n)
{
	char *r, *w, *end = s + n;

	r = memchr(s, '\\', n);
	if (r == NULL)
		return n;
	w = r;
	while (r < end) {
		if (*r == '\\' && r + 1 < end) {
			switch (r[1]) {
			case 't':  *w++ = '\t'; r += 2; continue;
			case 'n':  *w++ = '\n'; r += 2; continue;
			case 'r':  *w++ = '\r'; r += 2; continue;
			case '\\': *w++ = '\\'; r += 2; continue;
			default:   break;
			}
		}
		*w++ = *r++;
	}
	*w = '\0';
	return (size_t)(w - s);
}

/* cut splits line at its ntab TABs, whose offsets scan_tabs put in
 * flen[0..max) (each is read before its slot is overwritten with a
 * length), into at most max fields, unescaping them when esc is set. */
static void
cut(char *line, size_t len, size_t ntab, char **f, size_t *flen, size_t max,
    int esc)
{
	size_t i, start = 0, end, nf = ntab < max ? ntab + 1 : max;

	for (i = 0; i < nf; i++) {
		end = i < ntab ? flen[i] : len;
		line[end] = '\0';
		f[i] = line + start;
		flen[i] = end - start;
		if (esc)
			flen[i] = rec_unescape(f[i], flen[i]);
		start = end + 1;
	}
}

size_t
rec_split(char *line, size_t len, char **f, size_t *flen, size_t max)
{
	unsigned flags;
	size_t ntab = scan_tabs(line, len, flen, max, &flags);

	cut(line, len, ntab, f, flen, max, (flags & SCAN_BACKSLASH) != 0);
	return ntab + 1;
}

static void
open_fail(const char *path)
{
	diag_fatal(EXIT_USAGE, path, 0, "cannot open: %s", strerror(errno));
}

/* nul_field returns the 1-based field of line[0..len) that holds a NUL
 * byte, or 0 when there is none.  A NUL cannot be in a stream: C strings
 * end at it, so one program would see "A" where another sees "A\0B". */
static size_t
nul_field(const char *line, size_t len)
{
	const char *nul = memchr(line, '\0', len), *p;
	size_t k = 1;

	if (nul == NULL)
		return 0;
	for (p = line; (p = memchr(p, '\t', (size_t)(nul - p))) != NULL; p++)
		k++;
	return k;
}

/* check_names refuses a header that cannot be read by name: a field with
 * no name, or a name twice. */
static void
check_names(const struct rec_reader *r)
{
	struct hash *h = hash_new();
	size_t i, j;
	int added;

	for (i = 0; i < r->nf; i++) {
		if (r->name[i][0] == '\0')
			diag_fatal(EXIT_USAGE, r->file, 1, "field %zu of the "
			    "header has no name", i + 1);
		/* Each field before this one added a name: a name's
		 * index in h is its field's. */
		j = hash_add(h, r->name[i], strlen(r->name[i]), &added);
		if (!added)
			diag_fatal(EXIT_USAGE, r->file, 1, "field \"%s\" "
			    "appears twice in the header (fields %zu and %zu)",
			    r->name[i], j + 1, i + 1);
	}
	hash_free(h, NULL);
}

/* read_header reads line 1 of the current file into names, or checks it
 * against the first file's. */
static void
read_header(struct rec_reader *r, int first)
{
	char *line;
	size_t len, n, i, k;
	int rc;

	r->file = input_name(r->in);
	r->line = 0;
	rc = input_getline(r->in, &line, &len);
	if (rc < 0)
		exit(EXIT_DATA);
	if (rc == 0)
		diag_fatal(EXIT_USAGE, r->file, 0, "empty input: no header line");
	r->line = 1;
	if ((k = nul_field(line, len)) > 0)
		diag_fatal(EXIT_USAGE, r->file, 1, "field %zu of the header "
		    "holds a NUL byte (not valid in a record stream)", k);
	if (first) {
		/* Size the field arrays for the header before splitting it. */
		n = 1;
		for (i = 0; i < len; i++)
			n += line[i] == '\t';
		/* A row_fast cuts up to 32 fields past the header's. */
		if (n + 32 > r->cap) {
			r->cap = n + 32;
			r->f = xrealloc(r->f, r->cap * sizeof *r->f);
			r->len = xrealloc(r->len, r->cap * sizeof *r->len);
		}
	}
	n = rec_split(line, len, r->f, r->len, r->cap);
	if (first) {
		r->nf = n;
		r->name = xcalloc(n, sizeof *r->name);
		for (i = 0; i < n; i++)
			r->name[i] = xstrndup(r->f[i], r->len[i]);
		check_names(r);
		return;
	}
	if (n != r->nf)
		diag_fatal(EXIT_USAGE, r->file, 1,
		    "header has %zu fields, %s has %zu", n, r->paths[0], r->nf);
	for (i = 0; i < n; i++)
		if (r->len[i] != strlen(r->name[i]) ||
		    memcmp(r->f[i], r->name[i], r->len[i]) != 0)
			diag_fatal(EXIT_USAGE, r->file, 1,
			    "header differs from %s's: field %zu is \"%s\", "
			    "not \"%s\"", r->paths[0], i + 1, r->f[i],
			    r->name[i]);
}

struct rec_reader *
rec_reader_open(int npaths, char **paths)
{
	static char *stdin_path[] = { "-" };
	struct rec_reader *r;
	struct input *in;
	size_t i;

	if (npaths == 0) {
		npaths = 1;
		paths = stdin_path;
	}
	r = xcalloc(1, sizeof *r);
	r->npaths = (size_t)npaths;
	r->paths = paths;
	/* Open every input now so a missing one fails before any output;
	 * keep only the first open (descriptors are few). */
	for (i = 1; i < r->npaths; i++) {
		if (strcmp(paths[i], "-") == 0)
			continue;
		if ((in = input_open(paths[i])) == NULL)
			open_fail(paths[i]);
		input_close(in);
	}
	if ((r->in = input_open(paths[0])) == NULL)
		open_fail(paths[0]);
	r->cap = 64;
	r->f = xcalloc(r->cap, sizeof *r->f);
	r->len = xcalloc(r->cap, sizeof *r->len);
	read_header(r, 1);
	/* The fastest cut this processor has, as scan_simd says (so that a
	 * lower level set there lowers this too). */
	switch (scan_simd(-1)) {
	case 2:
		if (rec_reader_form(r, REC_FORM_AVX2) == 0)
			break;
		/* FALLTHROUGH */
	case 1:
		if (rec_reader_form(r, REC_FORM_SSE2) == 0)
			break;
		/* FALLTHROUGH */
	default:
		rec_reader_form(r, REC_FORM_NONE);
	}
	return r;
}

/* nul_fatal: field k (1-based) of the current row holds a NUL. */
static void __attribute__((noreturn))
nul_fatal(const struct rec_reader *r, size_t k)
{
	if (k <= r->nf)
		diag_fatal(EXIT_DATA, r->file, r->line, "field \"%s\" holds a "
		    "NUL byte (not valid in a record stream)", r->name[k - 1]);
	diag_fatal(EXIT_DATA, r->file, r->line, "field %zu holds a NUL byte "
	    "(not valid in a record stream)", k);
}

/* cut_line cuts the row line[0..len) (NUL-terminated where its LF or
 * CR LF was): one pass finds the TABs and tells whether the row has a
 * NUL, a backslash or a CR, before the line is cut. */
static void
cut_line(struct rec_reader *r, char *line, size_t len)
{
	size_t n;
	unsigned flags;

	n = scan_tabs(line, len, r->len, r->cap, &flags) + 1;
	if (flags & SCAN_NUL)
		nul_fatal(r, nul_field(line, len));
	if (n != r->nf)
		diag_fatal(EXIT_DATA, r->file, r->line,
		    "%zu field%s, the header has %zu", n, n == 1 ? "" : "s",
		    r->nf);
	cut(line, len, n - 1, r->f, r->len, r->cap,
	    (flags & SCAN_BACKSLASH) != 0);
	r->plain = (flags & (SCAN_BACKSLASH | SCAN_CR)) == 0;
}

/* window_set takes the input's window afresh (after input_getline). */
static void
window_set(struct rec_reader *r)
{
	char *p;
	size_t n = input_window(r->in, &p);

	if (n == 0)
		p = NULL;
	r->wbase = r->wcur = p;
	r->wend = n == 0 ? NULL : p + n;
}

/* next_line reads the next row by input_getline: after the window's
 * bytes, which go back to the input first. */
static int
next_line(struct rec_reader *r)
{
	char *line;
	size_t len;
	int rc;

	if (r->wbase != NULL)
		input_consume(r->in, (size_t)(r->wcur - r->wbase));
	r->wbase = r->wcur = r->wend = NULL;
	for (;;) {
		rc = input_getline(r->in, &line, &len);
		if (rc < 0)
			exit(EXIT_DATA);
		if (rc > 0)
			break;
		/* End of this file: on to the next, whose header must match. */
		if (r->ipath + 1 >= r->npaths)
			return 0;
		input_close(r->in);
		r->ipath++;
		if ((r->in = input_open(r->paths[r->ipath])) == NULL)
			open_fail(r->paths[r->ipath]);
		read_header(r, 0);
	}
	r->line++;
	cut_line(r, line, len);
	window_set(r);
	return 1;
}

#if defined(__SSE2__)

/* uncut puts back the TABs of the first k fields a row_fast cut. */
static void
uncut(struct rec_reader *r, size_t k)
{
	size_t i;

	for (i = 0; i < k; i++)
		r->f[i][r->len[i]] = '\t';
}

/* row_end ends a row_fast at the row's LF, c: the row cut, or given up
 * (bad: it holds a byte that needs the careful cut). */
static inline int
row_end(struct rec_reader *r, char *s, char *c, char **f, size_t *len,
    char *b, int bad, size_t *n)
{
	if (f != r->f + r->nf - 1 || bad) {
		uncut(r, (size_t)(f - r->f));
		*n = (size_t)(c - s);
		return 0;
	}
	*c = '\0';
	*f = b;
	*len = (size_t)(c - b);
	r->wcur = c + 1;
	r->plain = 1;
	return 1;
}

/* CUT_BITS cuts at the bytes of m, bits of the block at q that are up
 * to CR: a TAB ends a field; the LF, the row (bm the backslashes of the
 * block, as bits); anything else makes the row odd. */
#define CUT_BITS(m, q, bmexpr)	CUT_BITS_BY(m, q, bmexpr, \
    (unsigned)__builtin_ctz(m), (m) & ((m) - 1))
#define CUT_BITS_BY(m, q, bmexpr, ctz, blsr)				\
	for (; (m) != 0; (m) = (blsr)) {				\
		c = (q) + (ctz);					\
		if (*c == '\t') {					\
			*c = '\0';					\
			*f++ = b;					\
			*len++ = (size_t)(c - b);			\
			b = c + 1;					\
		} else if (*c == '\n') {				\
			bm = (bmexpr);					\
			goto lf;					\
		} else							\
			odd = 1;					\
	}

/* row_fast cuts the row at the window's cursor in one pass over its
 * bytes, sixteen a step: the bytes up to CR (TAB, LF, NUL, CR and the
 * other controls) are found together, each one told by its value, and
 * each field cut as its TAB is found; the backslashes are gathered apart.
 * A row that holds a NUL, a backslash, a CR (a CR LF end too) or another
 * control byte up to CR, or has more or fewer fields than the header, is
 * given up whole (its TABs put back) for cut_line: returns 0 and *n,
 * where its LF is.  -1: its LF is not in the window (input_getline reads
 * on), or the window is shorter than a step.  1: the row is cut, plain,
 * and the cursor past its LF.  A step cuts up to 32 fields before their
 * count is checked: r->f and r->len have room for them. */
static inline int
row_fast_sse2(struct rec_reader *r, size_t *n)
{
	const __m128i ctl = _mm_set1_epi8('\r'), bs = _mm_set1_epi8('\\');
	/* Locals, not r's fields: the stores of the NULs may alias them. */
	char *s = r->wcur, *end = r->wend, *q, *b = s, *c;
	char **f = r->f, **fl = r->f + r->nf - 1;
	size_t *len = r->len;
	__m128i v, bv, bacc = _mm_setzero_si128();
	unsigned m, bm, sh, odd = 0;

	for (q = s; end - q >= 16; q += 16) {
		v = _mm_loadu_si128((const __m128i *)(void *)q);
		m = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(
		    _mm_min_epu8(v, ctl), v));
		bv = _mm_cmpeq_epi8(v, bs);
		CUT_BITS(m, q, (unsigned)_mm_movemask_epi8(bv))
		if (f > fl)
			goto give_up;	/* too many fields */
		bacc = _mm_or_si128(bacc, bv);
	}
	/* The last bytes: the window's last sixteen, those before q shifted
	 * out. */
	if (q == end || end - r->wbase < 16)
		goto give_up;
	sh = 16 - (unsigned)(end - q);
	v = _mm_loadu_si128((const __m128i *)(void *)(end - 16));
	m = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(v, ctl),
	    v)) >> sh;
	bv = _mm_cmpeq_epi8(v, bs);
	CUT_BITS(m, q, (unsigned)_mm_movemask_epi8(bv) >> sh)
	goto give_up;
lf:
	return row_end(r, s, c, f, len, b, odd ||
	    _mm_movemask_epi8(bacc) != 0 || (bm & ((1u << (c - q)) - 1)) != 0,
	    n);
give_up:
	uncut(r, (size_t)(f - r->f));
	return -1;
}

#if defined(__GNUC__) && defined(__x86_64__)
#define ROW_AVX2

/* row_fast_avx2 is row_fast_sse2 32 bytes a step, for the processors
 * that have AVX2 and BMI (rec_reader_form asks). */
__attribute__((target("avx2,bmi"))) static inline int
row_fast_avx2(struct rec_reader *r, size_t *n)
{
	const __m256i ctl = _mm256_set1_epi8('\r'),
	    bs = _mm256_set1_epi8('\\');
	char *s = r->wcur, *end = r->wend, *q, *b = s, *c;
	char **f = r->f, **fl = r->f + r->nf - 1;
	size_t *len = r->len;
	__m256i v, bv, bacc = _mm256_setzero_si256();
	unsigned long long m;
	unsigned bm, sh, odd = 0;

	for (q = s; end - q >= 32; q += 32) {
		v = _mm256_loadu_si256((const __m256i *)(void *)q);
		m = (unsigned)_mm256_movemask_epi8(_mm256_cmpeq_epi8(
		    _mm256_min_epu8(v, ctl), v));
		bv = _mm256_cmpeq_epi8(v, bs);
		CUT_BITS_BY(m, q, (unsigned)_mm256_movemask_epi8(bv),
		    _tzcnt_u64(m), _blsr_u64(m))
		if (f > fl)
			goto give_up;
		bacc = _mm256_or_si256(bacc, bv);
	}
	if (q == end || end - r->wbase < 32)
		goto give_up;
	sh = 32 - (unsigned)(end - q);
	v = _mm256_loadu_si256((const __m256i *)(void *)(end - 32));
	m = (unsigned)_mm256_movemask_epi8(_mm256_cmpeq_epi8(
	    _mm256_min_epu8(v, ctl), v)) >> sh;
	bv = _mm256_cmpeq_epi8(v, bs);
	CUT_BITS_BY(m, q, (unsigned)_mm256_movemask_epi8(bv) >> sh,
	    _tzcnt_u64(m), _blsr_u64(m))
	goto give_up;
lf:
	return row_end(r, s, c, f, len, b, odd ||
	    _mm256_movemask_epi8(bacc) != 0 ||
	    (bm & (unsigned)((1ull << (c - q)) - 1)) != 0, n);
give_up:
	uncut(r, (size_t)(f - r->f));
	return -1;
}
#endif

#endif

/* next_careful cuts the row at the window's cursor, its LF n bytes on,
 * the careful way: as input_getline would hand it out, without its LF
 * and one CR before it. */
static int
next_careful(struct rec_reader *r, size_t n)
{
	char *line = r->wcur;

	r->wcur += n + 1;
	if (n > 0 && line[n - 1] == '\r')
		n--;
	line[n] = '\0';
	cut_line(r, line, n);
	return 1;
}

/* NEXT_BY is rec_next with the fast cut cut (a row_fast), inline. */
#define NEXT_BY(cut)							\
	size_t n;							\
	int rc;								\
									\
	if (r->wcur == r->wend || (rc = cut(r, &n)) < 0)		\
		return next_line(r);					\
	r->line++;							\
	return rc > 0 ? 1 : next_careful(r, n);

#if defined(__SSE2__)
static int
next_sse2(struct rec_reader *r)
{
	NEXT_BY(row_fast_sse2)
}
#endif

#if defined(ROW_AVX2)
__attribute__((target("avx2,bmi"))) static int
next_avx2(struct rec_reader *r)
{
	NEXT_BY(row_fast_avx2)
}
#endif

int
rec_reader_form(struct rec_reader *r, int form)
{
	switch (form) {
#if defined(ROW_AVX2)
	case REC_FORM_AVX2:
		if (!__builtin_cpu_supports("avx2") ||
		    !__builtin_cpu_supports("bmi"))
			return -1;
		r->next = next_avx2;
		return 0;
#endif
#if defined(__SSE2__)
	case REC_FORM_SSE2:
		r->next = next_sse2;
		return 0;
#endif
	case REC_FORM_NONE:
		r->next = next_line;
		return 0;
	default:
		return -1;
	}
}

int
rec_next(struct rec_reader *r)
{
	return r->next(r);
}

int
rec_index(const struct rec_reader *r, const char *name)
{
	size_t i;

	for (i = 0; i < r->nf; i++)
		if (strcmp(r->name[i], name) == 0)
			return (int)i;
	return -1;
}

void
rec_reader_free(struct rec_reader *r)
{
	size_t i;

	if (r == NULL)
		return;
	input_close(r->in);
	for (i = 0; i < r->nf; i++)
		free(r->name[i]);
	free(r->name);
	free(r->f);
	free(r->len);
	free(r);
}

struct rec_writer {
	int	 fd;
	char	*name;
	char	*b;
	size_t	 len;
	int	 infield;	/* a field has been put in the current row */
	struct buf esc;		/* a field that needs escapes, escaped */
};

struct rec_writer *
rec_writer_new(int fd, const char *name)
{
	struct rec_writer *w = xcalloc(1, sizeof *w);

	w->fd = fd;
	w->name = xstrdup(name);
	w->b = xmalloc(WBUF_SIZE);
	input_pipe(fd);
	return w;
}

int
rec_flush_try(struct rec_writer *w)
{
	size_t off = 0;
	ssize_t n;

	while (off < w->len) {
		n = write(w->fd, w->b + off, w->len - off);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			if (n == 0)
				errno = EIO;
			/* What was written is gone from the buffer. */
			memmove(w->b, w->b + off, w->len - off);
			w->len -= off;
			return -1;
		}
		off += (size_t)n;
	}
	w->len = 0;
	return 0;
}

void
rec_flush(struct rec_writer *w)
{
	if (rec_flush_try(w) != 0)
		diag_fatal(EXIT_DATA, w->name, 0, "write error: %s",
		    strerror(errno));
}

static inline void
wreserve(struct rec_writer *w, size_t n)
{
	if (WBUF_SIZE - w->len < n)
		rec_flush(w);
}

/* wmore copies n bytes, flushing as often as needed. */
static void
wmore(struct rec_writer *w, const char *s, size_t n)
{
	size_t k;

	while (n > 0) {
		if (w->len == WBUF_SIZE)
			rec_flush(w);
		k = WBUF_SIZE - w->len;
		if (k > n)
			k = n;
		memcpy(w->b + w->len, s, k);
		w->len += k;
		s += k;
		n -= k;
	}
}

/* wbytes copies n bytes: one memcpy when they fit. */
static inline void
wbytes(struct rec_writer *w, const char *s, size_t n)
{
	if (n == 0)
		return;		/* s may be NULL then: memcpy must not see it */
	if (WBUF_SIZE - w->len >= n) {
		memcpy(w->b + w->len, s, n);
		w->len += n;
		return;
	}
	wmore(w, s, n);
}

static inline void
wsep(struct rec_writer *w)
{
	if (w->infield) {
		wreserve(w, 1);
		w->b[w->len++] = '\t';
	}
	w->infield = 1;
}

void
rec_put_raw(struct rec_writer *w, const char *s, size_t n)
{
	wsep(w);
	wbytes(w, s, n);
}

void
rec_put_raw_row(struct rec_writer *w, const char *s, size_t n)
{
	if (WBUF_SIZE - w->len < n + 2) {
		rec_put_raw(w, s, n);
		rec_endrow(w);
		return;
	}
	if (w->infield)
		w->b[w->len++] = '\t';
	if (n > 0)
		memcpy(w->b + w->len, s, n);
	w->len += n;
	w->b[w->len++] = '\n';
	w->infield = 0;
}

/* esc_of is the letter that follows the backslash in the escape of c. */
static inline char
esc_of(char c)
{
	switch (c) {
	case '\t': return 't';
	case '\n': return 'n';
	case '\r': return 'r';
	default:   return '\\';
	}
}

void
rec_put(struct rec_writer *w, const char *s, size_t n)
{
	wsep(w);
	if (scan_esc(s, n) == n) {
		wbytes(w, s, n);
		return;
	}
	buf_reset(&w->esc);
	rec_escape(&w->esc, s, n);
	wbytes(w, w->esc.p, w->esc.len);
}

/* untab copies s[0..n) to d, each NUL turned back into the TAB it was
 * before the row was cut. */
static inline void
untab(char *d, const char *s, size_t n)
{
	uint64_t x, z;
	size_t k;

#if defined(__SSE2__)
	const __m128i tab = _mm_set1_epi8('\t'), zero = _mm_setzero_si128();
	__m128i v;

	if (n >= 16) {
		for (k = 0; k + 16 < n; k += 16) {
			v = _mm_loadu_si128((const __m128i *)(const void *)
			    (s + k));
			v = _mm_or_si128(v, _mm_and_si128(_mm_cmpeq_epi8(v,
			    zero), tab));
			_mm_storeu_si128((__m128i *)(void *)(d + k), v);
		}
		/* The last sixteen, over what is copied already. */
		v = _mm_loadu_si128((const __m128i *)(const void *)
		    (s + n - 16));
		v = _mm_or_si128(v, _mm_and_si128(_mm_cmpeq_epi8(v, zero),
		    tab));
		_mm_storeu_si128((__m128i *)(void *)(d + n - 16), v);
		return;
	}
#endif
	/* Eight bytes a step: z has the high bit of each byte of x that
	 * is 0 (exactly: the low seven bits' sum carries into no other
	 * byte), and 9 (TAB) is put in each of them. */
	for (k = 0; k + 8 <= n; k += 8) {
		memcpy(&x, s + k, 8);
		z = ~(((x & 0x7f7f7f7f7f7f7f7fULL) + 0x7f7f7f7f7f7f7f7fULL) |
		    x) & 0x8080808080808080ULL;
		x |= (z >> 7) * 9;
		memcpy(d + k, &x, 8);
	}
	for (; k < n; k++)
		d[k] = s[k] == '\0' ? '\t' : s[k];
}

/* put_fields puts fields i..j-1 of r's row one by one (rec_put). */
static void __attribute__((noinline))
put_fields(struct rec_writer *w, const struct rec_reader *r, size_t i,
    size_t j)
{
	for (; i < j; i++)
		rec_put(w, r->f[i], r->len[i]);
}

void
rec_put_span(struct rec_writer *w, const struct rec_reader *r, size_t i,
    size_t j)
{
	const char *a;
	size_t n;

	if (i >= j)
		return;
	a = r->f[i];
	n = (size_t)(r->f[j - 1] + r->len[j - 1] - a);
	if (!r->plain || n > WBUF_SIZE) {
		put_fields(w, r, i, j);
		return;
	}
	/* A plain row's fields are its line, cut at the TABs, and no NUL
	 * is in it but where a TAB was: one copy, the TABs put back. */
	wsep(w);
	wreserve(w, n);
	untab(w->b + w->len, a, n);
	w->len += n;
}

void
rec_span_buf(struct buf *b, const struct rec_reader *r, size_t i, size_t j)
{
	const char *a;
	size_t k, n;

	if (i >= j) {
		buf_grow(b, 0);
		b->p[b->len] = '\0';
		return;
	}
	if (!r->plain) {
		for (k = i; k < j; k++) {
			if (k > i)
				buf_addc(b, '\t');
			rec_escape(b, r->f[k], r->len[k]);
		}
		return;
	}
	a = r->f[i];
	n = (size_t)(r->f[j - 1] + r->len[j - 1] - a);
	buf_grow(b, n);
	untab(b->p + b->len, a, n);
	b->len += n;
	b->p[b->len] = '\0';
}

/* put_subst is rec_put_row_subst field by field. */
static void __attribute__((noinline))
put_subst(struct rec_writer *w, const struct rec_reader *r, size_t c,
    const char *s, size_t n)
{
	rec_put_span(w, r, 0, c);
	rec_put_raw(w, s, n);
	rec_put_span(w, r, c + 1, r->nf);
	rec_endrow(w);
}

void
rec_put_row_subst(struct rec_writer *w, const struct rec_reader *r,
    size_t c, const char *s, size_t n)
{
	const char *a, *fc, *after, *end;
	size_t nb, na;
	char *d;

	a = r->f[0];
	fc = r->f[c];
	after = fc + r->len[c];
	end = r->f[r->nf - 1] + r->len[r->nf - 1];
	nb = (size_t)(fc - a);
	na = (size_t)(end - after);
	if (!r->plain || w->infield || nb + n + na >= WBUF_SIZE) {
		put_subst(w, r, c, s, n);
		return;
	}
	/* The line before field c with the TAB after it, s, and the line
	 * after field c from the TAB before it. */
	wreserve(w, nb + n + na + 1);
	d = w->b + w->len;
	untab(d, a, nb);
	d += nb;
	if (n > 0)
		memcpy(d, s, n);
	d += n;
	untab(d, after, na);
	d += na;
	*d++ = '\n';
	w->len = (size_t)(d - w->b);
}

void
rec_puts(struct rec_writer *w, const char *s)
{
	rec_put(w, s, strlen(s));
}

void
rec_put_int(struct rec_writer *w, long long v)
{
	char tmp[32];
	int n = snprintf(tmp, sizeof tmp, "%lld", v);

	rec_put_raw(w, tmp, (size_t)n);
}

void
rec_put_rows(struct rec_writer *w, const char *s, size_t n)
{
	wbytes(w, s, n);
	w->infield = 0;
}

void
rec_endrow(struct rec_writer *w)
{
	wreserve(w, 1);
	w->b[w->len++] = '\n';
	w->infield = 0;
}

void
rec_write_row(struct rec_writer *w, char *const *f, const size_t *len,
    size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		rec_put(w, f[i], len[i]);
	rec_endrow(w);
}

void
rec_writer_free(struct rec_writer *w)
{
	if (w == NULL)
		return;
	rec_flush(w);
	free(w->name);
	free(w->b);
	buf_free(&w->esc);
	free(w);
}

void
rec_escape(struct buf *b, const char *s, size_t n)
{
	char esc[2] = { '\\', 0 };
	size_t k;

	buf_grow(b, n);
	while ((k = scan_esc(s, n)) < n) {
		buf_add(b, s, k);
		esc[1] = esc_of(s[k]);
		buf_add(b, esc, 2);
		s += k + 1;
		n -= k + 1;
	}
	buf_add(b, s, n);
}

void
rec_close_stdout(void)
{
	int bad = ferror(stdout);

	if (fclose(stdout) != 0 || bad)
		diag_fatal(EXIT_DATA, "<stdout>", 0, "write error: %s",
		    errno ? strerror(errno) : "unknown error");
}
