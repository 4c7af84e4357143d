/* Unit tests for rec and input: splitting, escapes, the reader over
 * several files (plain and gzip), and the writer. */
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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_split),
		cmocka_unit_test(test_split_count),
		cmocka_unit_test(test_escape_roundtrip),
		cmocka_unit_test(test_reader_files),
		cmocka_unit_test(test_input_gzip_members),
		cmocka_unit_test(test_input_read_after_getline),
		cmocka_unit_test(test_writer),
	};

	return cmocka_run_group_tests(tests, unit_tmpdir_setup,
	    unit_tmpdir_teardown);
}
