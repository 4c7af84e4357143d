/* Unit tests for rec and input: splitting, escapes, the reader over
 * several files (plain and gzip), and the writer; the fast paths (scan's
 * searches, the plain row's span) against byte-at-a-time references. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "input.h"
#include "rec.h"
#include "unit.h"

static void
test_split(void **state)
{
	char line[] = "a\tb\\tc\t\t\\\\x\\q\\";
	char *f[8];
	size_t len[8], n;

	(void)state;
	n = rec_split(line, strlen(line), f, len, 8);
	assert_int_equal(n, 4);
	assert_string_equal(f[0], "a");
	assert_string_equal(f[1], "b\tc");
	assert_int_equal(len[1], 3);
	assert_string_equal(f[2], "");
	/* Only the four escapes; other backslashes are literal. */
	assert_string_equal(f[3], "\\x\\q\\");
	assert_int_equal(len[3], 5);
}

static void
test_split_count(void **state)
{
	char line[] = "1\t2\t3\t4";
	char *f[2];
	size_t len[2];

	(void)state;
	/* More fields than room: counted, not stored. */
	assert_int_equal(rec_split(line, strlen(line), f, len, 2), 4);
	assert_string_equal(f[0], "1");
}

static void
test_escape_roundtrip(void **state)
{
	struct buf b = { 0 };
	const char raw[] = "x\ty\nz\r\\w";
	char *f[2];
	size_t len[2];

	(void)state;
	rec_escape(&b, raw, sizeof raw - 1);
	unit_buf_is(&b, "x\\ty\\nz\\r\\\\w");
	assert_int_equal(rec_split(b.p, b.len, f, len, 2), 1);
	assert_int_equal(len[0], sizeof raw - 1);
	assert_memory_equal(f[0], raw, sizeof raw - 1);
	buf_free(&b);
}

static void
test_reader_files(void **state)
{
	const char a[] = "id\tname\n1\tTân An\n2\tb\\tc\r\n";
	const char b[] = "id\tname\n3\tlast";
	char *paths[2];
	struct rec_reader *r;

	(void)state;
	paths[0] = strdup(unit_write("a.tsv", a, sizeof a - 1));
	paths[1] = strdup(unit_write_gz("b.tsv.gz", b, sizeof b - 1));
	r = rec_reader_open(2, paths);
	assert_int_equal(r->nf, 2);
	assert_string_equal(r->name[1], "name");
	assert_int_equal(rec_index(r, "name"), 1);
	assert_int_equal(rec_index(r, "nope"), -1);
	assert_int_equal(rec_next(r), 1);
	assert_string_equal(r->f[1], "Tân An");
	assert_int_equal(r->line, 2);
	assert_int_equal(rec_next(r), 1);
	assert_string_equal(r->f[1], "b\tc");	/* CRLF tolerated */
	assert_int_equal(rec_next(r), 1);
	assert_string_equal(r->f[0], "3");
	assert_string_equal(r->f[1], "last");	/* no final newline */
	assert_int_equal(r->line, 2);
	assert_string_equal(r->file, paths[1]);
	assert_int_equal(rec_next(r), 0);
	rec_reader_free(r);
	free(paths[0]);
	free(paths[1]);
}

static void
test_input_gzip_members(void **state)
{
	const char *path;
	char *line;
	size_t len;
	struct input *in;
	gzFile g;
	static char big[300000];
	size_t i;

	(void)state;
	/* Two gzip members, one long line across many buffers. */
	for (i = 0; i < sizeof big - 1; i++)
		big[i] = (char)('a' + i % 26);
	path = unit_write_gz("m.gz", LIT("first\n"));
	g = gzopen(path, "ab");
	gzwrite(g, big, sizeof big - 1);
	gzwrite(g, "\nend\n", 5);
	gzclose(g);
	in = input_open(path);
	assert_non_null(in);
	assert_true(input_is_gzip(in));
	assert_int_equal(input_getline(in, &line, &len), 1);
	assert_string_equal(line, "first");
	assert_int_equal(input_getline(in, &line, &len), 1);
	assert_int_equal(len, sizeof big - 1);
	assert_memory_equal(line, big, len);
	assert_int_equal(input_getline(in, &line, &len), 1);
	assert_string_equal(line, "end");
	assert_int_equal(input_getline(in, &line, &len), 0);
	input_close(in);
}

/* inflate_all inflates the gzip data z[0..zn) (members one after
 * another) in one go, as far as it is good: the reference for what an
 * input reads before it tells a fault. */
static size_t
inflate_all(const unsigned char *z, size_t zn, unsigned char *out,
    size_t cap)
{
	z_stream st;
	int rc = Z_OK;

	memset(&st, 0, sizeof st);
	assert_int_equal(inflateInit2(&st, 15 + 16), Z_OK);
	st.next_in = (unsigned char *)z;
	st.avail_in = (uInt)zn;
	st.next_out = out;
	st.avail_out = (uInt)cap;
	while (st.avail_in > 0) {
		rc = inflate(&st, Z_NO_FLUSH);
		if (rc == Z_STREAM_END && st.avail_in > 0)
			inflateReset(&st);
		else if (rc != Z_OK)
			break;
	}
	inflateEnd(&st);
	return cap - st.avail_out;
}

/* read_all reads path through an input in pieces of every size, the way
 * csvin and the line reader do; returns the bytes read, *rc the last
 * input_read's result (0 at the end, -1 on a fault). */
static size_t
read_all(const char *path, unsigned char *out, size_t cap, ssize_t *rc)
{
	struct input *in = input_open(path);
	size_t n = 0, step = 1;
	ssize_t r = 0;

	assert_non_null(in);
	while (n < cap && (r = input_read(in, out + n, step < cap - n ? step :
	    cap - n)) > 0) {
		n += (size_t)r;
		step = step * 7 % 300007 + 1;
	}
	*rc = r;
	input_close(in);
	return n;
}

/* Gzip data of more than 8 MiB goes through the input's thread: the
 * same bytes as inflate in one go, over two members; and a fault after
 * that is told after every byte inflate gives before it (truncated data,
 * data corrupt halfway). */
static void
test_input_gzip_thread(void **state)
{
	size_t n = 12 * 1024 * 1024 + 12345, i, zn, got, want;
	unsigned char *text = malloc(n), *z, *back = malloc(n + 1);
	const char *path;
	ssize_t rc;
	gzFile g;

	(void)state;
	assert_true(text != NULL && back != NULL);
	for (i = 0; i < n; i++)	/* text gzip cannot shrink to nothing */
		text[i] = (char)(" \tabcdeđ\n"[(i * i + i / 7) % 10]);
	path = unit_path("big.gz");
	g = gzopen(path, "wb1");
	assert_non_null(g);
	gzwrite(g, text, (unsigned)(n / 3));
	gzclose(g);
	g = gzopen(path, "ab1");
	gzwrite(g, text + n / 3, (unsigned)(n - n / 3));
	gzclose(g);
	got = read_all(path, back, n + 1, &rc);
	assert_int_equal(rc, 0);
	assert_int_equal(got, n);
	assert_memory_equal(back, text, n);
	{
		size_t zlen;
		const char *zd = unit_read(path, &zlen);

		z = malloc(zlen);
		assert_non_null(z);
		memcpy(z, zd, zlen);
		zn = zlen;
	}
	/* Truncated: cut a few bytes from the end. */
	path = unit_write("cut.gz", z, zn - 5);
	want = inflate_all(z, zn - 5, text, n);
	got = read_all(path, back, n + 1, &rc);
	assert_int_equal(rc, -1);
	assert_int_equal(got, want);
	assert_memory_equal(back, text, got);
	/* Corrupt past the first 8 MiB of text. */
	for (i = zn * 4 / 5; i < zn * 4 / 5 + 64; i++)
		z[i] ^= 0x55;
	path = unit_write("bad.gz", z, zn);
	want = inflate_all(z, zn, text, n);
	assert_true(want > 8 * 1024 * 1024 && want < n);
	got = read_all(path, back, n + 1, &rc);
	assert_int_equal(rc, -1);
	assert_int_equal(got, want);
	assert_memory_equal(back, text, got);
	free(z);
	free(text);
	free(back);
}

static void
test_input_read_after_getline(void **state)
{
	const char d[] = "title\nrest of it";
	const char *path;
	char *line, buf[64];
	size_t len;
	ssize_t n;
	struct input *in;

	(void)state;
	path = unit_write("r.txt", d, sizeof d - 1);
	in = input_open(path);
	assert_int_equal(input_getline(in, &line, &len), 1);
	assert_int_equal(input_offset(in), 6);
	n = input_read(in, buf, sizeof buf);
	assert_int_equal(n, 10);
	assert_memory_equal(buf, "rest of it", 10);
	assert_int_equal(input_read(in, buf, sizeof buf), 0);
	input_close(in);
}

static void
test_writer(void **state)
{
	const char *path = unit_path("w.tsv");
	char got[256];
	struct rec_writer *w;
	FILE *fp;
	size_t n;
	int fd;

	(void)state;
	fp = fopen(path, "w+");
	assert_non_null(fp);
	fd = fileno(fp);
	w = rec_writer_new(fd, path);
	rec_puts(w, "a\tb");
	rec_put_int(w, -42);
	rec_put(w, "", 0);
	rec_endrow(w);
	rec_writer_free(w);
	rewind(fp);
	n = fread(got, 1, sizeof got, fp);
	fclose(fp);
	assert_int_equal(n, 10);
	assert_memory_equal(got, "a\\tb\t-42\t\n", 10);
}

/* rec_put_raw_row against rec_put_raw and rec_endrow: rows of several
 * fields in stream form, after a field put or none, empty ones, and
 * long ones that fill the writer's buffer at every distance from its
 * end. */
static void
test_raw_row(void **state)
{
	struct buf row = { 0 };
	struct rec_writer *wa, *wb;
	const char *pa, *pb, *a, *b;
	size_t k, la, lb, n, i;
	FILE *fa, *fb;
	char *pac;

	(void)state;
	pac = strdup(unit_path("raw-row.tsv"));
	assert_non_null(pac);
	pa = pac;
	pb = unit_path("raw-put.tsv");
	fa = fopen(pa, "w");
	fb = fopen(pb, "w");
	assert_true(fa != NULL && fb != NULL);
	wa = rec_writer_new(fileno(fa), pa);
	wb = rec_writer_new(fileno(fb), pb);
	for (k = 0; k < 6000; k++) {
		buf_reset(&row);
		buf_add(&row, "", 0);
		n = k % 50 == 0 ? 20000 + unit_rnd(70000) : unit_rnd(120);
		for (i = 0; i < n; i++)
			buf_addc(&row, unit_rnd(8) == 0 ? '\t' :
			    (char)('a' + unit_rnd(26)));
		if (k % 3 == 0) {
			rec_put_int(wa, (long long)k);
			rec_put_int(wb, (long long)k);
		}
		rec_put_raw_row(wa, row.p, row.len);
		rec_put_raw(wb, row.p, row.len);
		rec_endrow(wb);
	}
	rec_writer_free(wa);
	rec_writer_free(wb);
	fclose(fa);
	fclose(fb);
	a = unit_read(pa, &la);
	assert_non_null(a);
	buf_reset(&row);
	buf_add(&row, a, la);	/* unit_read's buffer is reused */
	b = unit_read(pb, &lb);
	assert_int_equal(la, lb);
	assert_true(la > 256 * 1024 * 4);
	assert_memory_equal(row.p, b, la);
	buf_free(&row);
	free(pac);
}

/* ---- the fast paths against the byte-at-a-time ones ---- */

/* ref_escape appends the stream form of s[0..n), a byte at a time. */
static void
ref_escape(struct buf *b, const char *s, size_t n)
{
	size_t i;

	buf_add(b, "", 0);
	for (i = 0; i < n; i++)
		switch (s[i]) {
		case '\t': buf_adds(b, "\\t"); break;
		case '\n': buf_adds(b, "\\n"); break;
		case '\r': buf_adds(b, "\\r"); break;
		case '\\': buf_adds(b, "\\\\"); break;
		default: buf_addc(b, s[i]);
		}
}

/* ref_unescape appends the value of the stream field s[0..n). */
static void
ref_unescape(struct buf *b, const char *s, size_t n)
{
	size_t i;

	buf_add(b, "", 0);
	for (i = 0; i < n; i++) {
		if (s[i] == '\\' && i + 1 < n && strchr("tnr\\", s[i + 1])) {
			buf_addc(b, s[i + 1] == 't' ? '\t' : s[i + 1] == 'n' ?
			    '\n' : s[i + 1] == 'r' ? '\r' : '\\');
			i++;
		} else
			buf_addc(b, s[i]);
	}
}

/* rnd_text appends n bytes, many of them ones that matter to escaping. */
static void
rnd_text(struct buf *b, size_t n, int tabs)
{
	static const char bytes[] = "\\\\tnr\rxy\xc3\xa0\t\n";
	size_t i;
	char c;

	buf_add(b, "", 0);
	for (i = 0; i < n; i++) {
		do
			c = unit_rnd(3) ? (char)('a' + unit_rnd(26)) :
			    bytes[unit_rnd(sizeof bytes - 1)];
		while ((c == '\t' && !tabs) || c == '\n' || c == '\0');
		buf_addc(b, c);
	}
}

/* rec_escape and rec_put against a byte-at-a-time escape, on every
 * length to 100 and a byte that is escaped at every offset, and on
 * random text. */
static void
test_escape_diff(void **state)
{
	static const char esc[] = "\t\n\r\\";
	const char *path = unit_path("esc.tsv");
	struct buf in = { 0 }, want = { 0 }, got = { 0 }, all = { 0 };
	struct rec_writer *w;
	FILE *fp = fopen(path, "w+");
	size_t n, i, k, round;
	const char *file;

	(void)state;
	assert_non_null(fp);
	w = rec_writer_new(fileno(fp), path);
	for (round = 0; round < 3000; round++) {
		buf_reset(&in);
		if (round < 100 * 4) {
			n = round / 4;
			for (i = 0; i < n; i++)
				buf_addc(&in, 'a' + (char)(i % 26));
			if (n > 0)
				in.p[(round * 7) % n] = esc[round % 4];
		} else
			rnd_text(&in, unit_rnd(300), 1);
		buf_reset(&want);
		ref_escape(&want, in.p, in.len);
		buf_reset(&got);
		rec_escape(&got, in.p, in.len);
		assert_int_equal(got.len, want.len);
		assert_memory_equal(got.p, want.p, want.len);
		rec_put(w, in.p, in.len);
		rec_endrow(w);
		buf_add(&all, want.p, want.len);
		buf_addc(&all, '\n');
	}
	rec_writer_free(w);
	fclose(fp);
	file = unit_read(path, &k);
	assert_int_equal(k, all.len);
	assert_memory_equal(file, all.p, k);
	buf_free(&in);
	buf_free(&want);
	buf_free(&got);
	buf_free(&all);
}

/* The shapes of rows reader_diff makes. */
struct shape {
	size_t	nrows, nf;
	size_t	hpad;		/* bytes added to the header's last name */
	int	longrows;	/* a row every so often longer than 64 KiB */
	int	ctl;		/* fields with every control byte to CR */
	int	maxlen;		/* a field's length below this */
	int	lastlf;		/* the last row ends in LF (or CR LF) */
};

/* The reader's form reader_diff tries (rec_reader_form). */
static int form;

/* rnd_field appends a field of up to n bytes for the shape sh. */
static void
rnd_field(struct buf *b, const struct shape *sh, size_t row, size_t n)
{
	size_t k;
	char c;

	buf_reset(b);
	buf_add(b, "", 0);
	if (row % 2) {
		for (k = 0; k < n; k++)
			buf_addc(b, (char)('a' + unit_rnd(26)));
		return;
	}
	rnd_text(b, n, 0);
	if (!sh->ctl)
		return;
	/* Now and then a byte from 01 to 0D that is not TAB or LF: plain
	 * in a stream but for CR, and each one the fast reader gives up. */
	for (k = 0; k < b->len; k++)
		if (unit_rnd(8) == 0) {
			do
				c = (char)(1 + unit_rnd(13));
			while (c == '\t' || c == '\n');
			b->p[k] = c;
		}
}

/* reader_diff checks the reader's split and unescape against a
 * byte-at-a-time one, and its writer's span (one copy for a plain row)
 * and a row with a field replaced (rec_put_row_subst) against rec_put
 * field by field, over rows of the shape sh: escapes,
 * bare backslashes, CRs, CRLF line ends, empty fields, long rows that
 * cross the reader's buffers; the last row without its LF. */
static void
reader_diff(const struct shape *sh)
{
	struct buf file = { 0 }, line = { 0 }, fld = { 0 }, v = { 0 };
	static const char *const subst[] = { "", "T\xc3\xa2n An\t794",
	    "x", "a\\tb\tc\\\\", "0123456789abcdefghij\t1\t2" };
	struct buf *want;
	size_t nrows = sh->nrows, nf = sh->nf, row, i, j, k, n, la, lb, c;
	char *path, *pa, *pb;
	const char *a, *b;
	struct rec_reader *r;
	struct rec_writer *wa, *wb;
	FILE *fa, *fb;
	int plain;

	want = calloc(nrows * nf, sizeof *want);
	assert_non_null(want);
	for (j = 0; j < nf; j++) {
		if (j > 0)
			buf_addc(&file, '\t');
		buf_addc(&file, (char)('a' + j % 26));
		buf_printf(&file, "%zu", j);
	}
	for (k = 0; k < sh->hpad; k++)
		buf_addc(&file, 'h');
	buf_addc(&file, '\n');
	for (row = 0; row < nrows; row++) {
		buf_reset(&line);
		for (j = 0; j < nf; j++) {
			/* Mostly short fields, some long. */
			n = sh->longrows && row % 97 == 0 && j == nf / 2 ?
			    70000 + unit_rnd(9000) : unit_rnd(4) == 0 ? 0 :
			    unit_rnd((unsigned)sh->maxlen);
			rnd_field(&fld, sh, row, n);
			if (j > 0)
				buf_addc(&line, '\t');
			buf_add(&line, fld.p, fld.len);
		}
		/* input_getline takes one CR before the LF as the line end. */
		buf_add(&file, line.p, line.len);
		/* (An empty last line without LF is no line.) */
		if (row + 1 < nrows || sh->lastlf || line.len == 0)
			buf_adds(&file, row % 5 == 0 ? "\r\n" : "\n");
		else if (row % 5 == 0)
			buf_adds(&file, "\r");
		if (row % 5 != 0 && line.len > 0 &&
		    line.p[line.len - 1] == '\r')
			line.p[--line.len] = '\0';
		/* The values, split and unescaped byte by byte. */
		for (i = j = 0; j < nf; j++) {
			k = i;
			while (k < line.len && line.p[k] != '\t')
				k++;
			ref_unescape(&want[row * nf + j], line.p + i, k - i);
			i = k + 1;
		}
	}
	path = strdup(unit_write("diff.tsv", file.p, file.len));
	pa = strdup(unit_path("span.tsv"));
	pb = strdup(unit_path("put.tsv"));
	fa = fopen(pa, "w");
	fb = fopen(pb, "w");
	assert_true(fa != NULL && fb != NULL);
	wa = rec_writer_new(fileno(fa), pa);
	wb = rec_writer_new(fileno(fb), pb);
	r = rec_reader_open(1, &path);
	assert_int_equal(rec_reader_form(r, form), 0);
	assert_int_equal(r->nf, nf);
	for (row = 0; rec_next(r); row++) {
		assert_true(row < nrows);
		assert_int_equal(r->line, row + 2);
		plain = 1;
		for (j = 0; j < nf; j++) {
			v = want[row * nf + j];
			assert_int_equal(r->len[j], v.len);
			assert_memory_equal(r->f[j], v.p, v.len);
			assert_int_equal(r->f[j][v.len], '\0');
			if (memchr(v.p, '\\', v.len) != NULL ||
			    memchr(v.p, '\r', v.len) != NULL ||
			    memchr(v.p, '\n', v.len) != NULL ||
			    memchr(v.p, '\t', v.len) != NULL)
				plain = 0;
			rec_put(wb, r->f[j], r->len[j]);
		}
		if (!plain)	/* a plain row's values are escaped as read */
			assert_int_equal(r->plain, 0);
		rec_endrow(wb);
		/* The row in random spans, empty ones among them. */
		for (i = 0; i < nf; i = j) {
			j = i + unit_rnd((unsigned)(nf - i + 1));
			rec_put_span(wa, r, i, j);
			if (j == i && unit_rnd(2) == 0)
				j = i + 1, rec_put_span(wa, r, i, j);
		}
		rec_endrow(wa);
		/* The row again with a field replaced by fields in stream
		 * form (none, one or two; escapes in them), whole. */
		c = unit_rnd((unsigned)nf);
		k = unit_rnd((unsigned)(sizeof subst / sizeof subst[0]));
		rec_put_row_subst(wa, r, c, subst[k], strlen(subst[k]));
		for (j = 0; j < nf; j++)
			if (j == c)
				rec_put_raw(wb, subst[k], strlen(subst[k]));
			else
				rec_put(wb, r->f[j], r->len[j]);
		rec_endrow(wb);
	}
	assert_int_equal(row, nrows);
	rec_reader_free(r);
	rec_writer_free(wa);
	rec_writer_free(wb);
	fclose(fa);
	fclose(fb);
	a = unit_read(pa, &la);
	assert_non_null(a);
	a = strdup(a);
	b = unit_read(pb, &lb);
	assert_int_equal(la, lb);
	assert_memory_equal(a, b, la);
	free((char *)a);
	for (i = 0; i < nrows * nf; i++)
		buf_free(&want[i]);
	free(want);
	free(path);
	free(pa);
	free(pb);
	buf_free(&file);
	buf_free(&line);
	buf_free(&fld);
}

/* forms_diff runs reader_diff in every form of the reader this build
 * and processor have. */
static void
forms_diff(const struct shape *sh)
{
	static const int forms[] = { REC_FORM_NONE, REC_FORM_SSE2,
	    REC_FORM_AVX2 };
	struct rec_reader *r;
	char *path;
	size_t i;

	path = strdup(unit_write("form.tsv", "a\n", 2));
	r = rec_reader_open(1, &path);
	for (i = 0; i < sizeof forms / sizeof forms[0]; i++) {
		if (rec_reader_form(r, forms[i]) < 0)
			continue;
		form = forms[i];
		reader_diff(sh);
	}
	rec_reader_free(r);
	free(path);
}

static void
test_reader_diff(void **state)
{
	static const struct shape sh = { 4000, 6, 0, 1, 0, 40, 0 };

	(void)state;
	forms_diff(&sh);
}

/* The fast reader's edges: rows of one field, of many short ones (more
 * TABs than 16 bytes hold), shorter than 16 bytes; control bytes; and
 * the line buffer's end (256 KiB of a file's first read) at every offset
 * of the rows around it, the header made longer a byte at a time. */
static void
test_reader_edges(void **state)
{
	struct shape sh = { 3000, 1, 0, 0, 1, 12, 1 };
	size_t pad;

	(void)state;
	forms_diff(&sh);
	for (sh.nrows = 1; sh.nrows < 12; sh.nrows++) {
		sh.lastlf = sh.nrows % 2;
		forms_diff(&sh);
	}
	sh.nrows = 3000;
	sh.nf = 3;
	forms_diff(&sh);
	sh.nf = 40;
	sh.maxlen = 3;
	forms_diff(&sh);
	sh.nf = 2;
	sh.maxlen = 8;
	sh.nrows = 30000;
	forms_diff(&sh);
	sh.nrows = 4000;
	sh.nf = 6;
	sh.maxlen = 30;
	for (pad = 0; pad < 140; pad += 3) {
		sh.hpad = pad;
		sh.ctl = pad % 2;
		sh.lastlf = pad % 3 != 0;
		forms_diff(&sh);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_split),
		cmocka_unit_test(test_split_count),
		cmocka_unit_test(test_escape_roundtrip),
		cmocka_unit_test(test_reader_files),
		cmocka_unit_test(test_input_gzip_members),
		cmocka_unit_test(test_input_gzip_thread),
		cmocka_unit_test(test_input_read_after_getline),
		cmocka_unit_test(test_writer),
		cmocka_unit_test(test_raw_row),
		cmocka_unit_test(test_escape_diff),
		cmocka_unit_test(test_reader_diff),
		cmocka_unit_test(test_reader_edges),
	};

	return cmocka_run_group_tests(tests, unit_tmpdir_setup,
	    unit_tmpdir_teardown);
}
