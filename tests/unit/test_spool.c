/* Unit tests for spool: rows held, withdrawn back to the mark, copied out
 * and read back in order. */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "rec.h"
#include "spool.h"
#include "unit.h"

static void
collect(char *row, size_t n, void *arg)
{
	struct buf *b = arg;

	buf_add(b, row, n);
	buf_addc(b, '|');
}

static void
test_spool(void **state)
{
	struct spool *s = spool_new("test rows");
	struct buf got = { 0 };
	struct rec_writer *w;
	const char *text;
	int fd;

	(void)state;
	rec_puts(s->w, "a");
	rec_puts(s->w, "1");
	rec_endrow(s->w);
	spool_mark(s);
	rec_puts(s->w, "b");
	rec_endrow(s->w);
	spool_withdraw(s);		/* b is gone */
	rec_puts(s->w, "c\td");
	rec_endrow(s->w);
	spool_each(s, collect, &got);
	assert_string_equal(got.p, "a\t1|c\\td|");
	/* Empty after: the next rows start afresh. */
	rec_puts(s->w, "e");
	rec_endrow(s->w);
	fd = open(unit_path("out"), O_WRONLY | O_CREAT | O_TRUNC, 0666);
	w = rec_writer_new(fd, "out");
	rec_puts(w, "head");
	rec_endrow(w);
	spool_copy(s, w);
	rec_puts(w, "tail");
	rec_endrow(w);
	rec_writer_free(w);
	close(fd);
	text = unit_read(unit_path("out"), NULL);
	assert_string_equal(text, "head\ne\ntail\n");
	buf_reset(&got);
	spool_each(s, collect, &got);
	assert_int_equal(got.len, 0);
	buf_free(&got);
	spool_free(s);
	spool_free(NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_spool),
	};

	return cmocka_run_group_tests(tests, unit_tmpdir_setup,
	    unit_tmpdir_teardown);
}
