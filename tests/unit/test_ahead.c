/* Unit tests for ahead: the lines a thread reads ahead are the file's
 * lines, in order, each with what scan_csvline (scan_csv on a last line
 * without its LF) says of it; over files of many lines of every length,
 * lines longer than a segment, CRLF, with the bytes already read handed
 * in as the head, and a stop before the end. */
#include <stdlib.h>
#include <string.h>

#include "ahead.h"
#include "input.h"
#include "scan.h"
#include "unit.h"

/* expect checks one line a handed out against the file's bytes at *off. */
static void
expect(const char *text, size_t n, size_t *off, const char *line,
    size_t len, const size_t *pos, size_t npos, unsigned flags)
{
	const char *lf = memchr(text + *off, '\n', n - *off);
	size_t wlen = lf ? (size_t)(lf - (text + *off)) + 1 : n - *off, k, l,
	    *want;
	unsigned wfl;

	assert_int_equal(len, wlen);
	assert_memory_equal(line, text + *off, len);
	l = wlen;
	if (l > 0 && text[*off + l - 1] == '\n')
		l--;
	if (l > 0 && text[*off + l - 1] == '\r')
		l--;
	/* scan_csvline's places are scan_csv's of the line's text. */
	k = scan_csv(text + *off, l, ',', NULL, 0, &wfl);
	want = malloc((k ? k : 1) * sizeof *want);
	assert_non_null(want);
	if (lf != NULL)
		k = scan_csvline(text + *off, n - *off, ',', 1, want, k, &wfl, &l);
	else
		k = scan_csv(text + *off, l, ',', want, k, &wfl);
	assert_int_equal(npos, k);
	assert_int_equal(flags, wfl);
	assert_memory_equal(pos, want, k * sizeof *pos);
	free(want);
	*off += len;
}

/* through writes text[0..n) to a file, reads it with head bytes read
 * first (as csvin does), and checks every line; stop > 0 stops after
 * that many lines. */
static void
through(const char *text, size_t n, size_t head, size_t stop)
{
	const char *path = unit_write("ahead.csv", text, n);
	struct input *in = input_open(path);
	struct ahead *a;
	char *hb = malloc(head ? head : 1), *line;
	const size_t *pos;
	size_t got = 0, off = 0, len, npos, lines = 0;
	unsigned flags;
	ssize_t r;
	int k;

	assert_non_null(in);
	assert_non_null(hb);
	assert_true(input_is_file(in));
	while (got < head && (r = input_read(in, hb + got, head - got)) > 0)
		got += (size_t)r;
	assert_int_equal(got, head);
	a = ahead_start(in, hb, head, ',', NULL);
	assert_non_null(a);
	while ((k = ahead_next(a, &line, &len, &pos, &npos, &flags)) > 0) {
		expect(text, n, &off, line, len, pos, npos, flags);
		line[0] = 'X';		/* the caller may change it */
		if (++lines == stop)
			break;
	}
	if (stop == 0) {
		assert_int_equal(k, 0);
		assert_int_equal(off, n);
	}
	ahead_stop(a);
	input_close(in);
	free(hb);
}

static const char *piece[] = { "a", ",", "\"", "\r", "\xc3\xa0", "\t",
    "\\", "\x80", "0123456789abcdef" };

static void
test_lines(void **state)
{
	size_t cap = 3 * 1024 * 1024, n, i, round;
	char *text = malloc(cap);

	(void)state;
	assert_non_null(text);
	for (round = 0; round < 12; round++) {
		n = 0;
		while (n < cap - 700000 && n < (round + 1) * 200000) {
			size_t len = unit_rnd(round % 3 == 0 ? 400 : 60);

			/* Now and then a line longer than a segment. */
			if (unit_rnd(4000) == 0)
				len = 300000 + unit_rnd(100000);
			for (i = 0; i < len; i++) {
				const char *p = piece[unit_rnd(sizeof piece /
				    sizeof piece[0])];

				if (n + strlen(p) + 2 >= cap)
					break;
				memcpy(text + n, p, strlen(p));
				n += strlen(p);
			}
			if (round % 2)
				text[n++] = '\r';
			text[n++] = '\n';
		}
		/* Every other file ends without its line end. */
		if (round % 4 == 3)
			memcpy(text + n - 1, "zz", 2), n++;
		through(text, n, round % 2 ? 0 : unit_rnd(5000), 0);
	}
	through(text, n, 100, 7);	/* stopped with the thread reading */
	through("", 0, 0, 0);
	through("a,b", 3, 3, 0);
	free(text);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lines),
	};

	return cmocka_run_group_tests(tests, unit_tmpdir_setup,
	    unit_tmpdir_teardown);
}
