/* Unit tests for progress: whether the line is wanted, the bytes a
 * drawing, a redrawing, a clearing and a diag message in between write,
 * the cut at its length on a character boundary, and when it is due.
 * Each drawing runs in a child whose stderr, a pipe, is caught. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "diag.h"
#include "progress.h"
#include "unit.h"

static void
test_wanted(void **state)
{
	(void)state;
	unsetenv("LUONG_PROGRESS");
	assert_int_equal(progress_wanted(1), 1);
	assert_int_equal(progress_wanted(0), 0);
	/* A file or a pipe under make check; a terminal when run by hand. */
	assert_int_equal(progress_wanted(-1), isatty(STDERR_FILENO));
	setenv("LUONG_PROGRESS", "1", 1);
	assert_int_equal(progress_wanted(-1), 1);
	assert_int_equal(progress_wanted(0), 0);
	setenv("LUONG_PROGRESS", "0", 1);
	assert_int_equal(progress_wanted(-1), 0);
	assert_int_equal(progress_wanted(1), 1);
	setenv("LUONG_PROGRESS", "yes", 1);	/* neither: the terminal says */
	assert_int_equal(progress_wanted(-1), isatty(STDERR_FILENO));
	unsetenv("LUONG_PROGRESS");
}

static void
draw(const void *arg)
{
	(void)arg;
	diag_init("luong-x");
	progress_show("not on yet");
	progress_start();
	progress_show("%d rows", 1234);
	progress_show("%d rows", 12);	/* shorter: padded over the old */
	diag_msg("a.csv", 7, "bad");	/* cleared first */
	progress_clear();		/* nothing drawn: nothing written */
	progress_show("ab");
	progress_end();
	progress_show("ended");
	diag_msg(NULL, 0, "done");
}

static void
test_draw(void **state)
{
	char out[512];

	(void)state;
	assert_int_equal(unit_child(draw, NULL, out, sizeof out), 0);
	assert_string_equal(out,
	    "\r1234 rows"
	    "\r12 rows  "
	    "\r       \r"	/* the text drawn: the padding is blank */
	    "luong-x: a.csv:7: bad\n"
	    "\rab"
	    "\r  \r"
	    "luong-x: done\n");
}

/* A text longer than the line holds is cut, and a character the cut
 * would split is left out whole. */
static void
cut(const void *arg)
{
	char s[2 * PROGRESS_MAX];

	(void)arg;
	memset(s, 'x', sizeof s - 1);
	s[sizeof s - 1] = '\0';
	memcpy(s + PROGRESS_MAX - 2, "\xc3\xa9", 2);	/* é across the cut */
	progress_start();
	progress_show("%s", s);
}

static void
test_cut(void **state)
{
	char out[2 * PROGRESS_MAX], want[PROGRESS_MAX];

	(void)state;
	assert_int_equal(unit_child(cut, NULL, out, sizeof out), 0);
	want[0] = '\r';
	memset(want + 1, 'x', PROGRESS_MAX - 2);
	want[PROGRESS_MAX - 1] = '\0';
	/* 255 bytes of text end in the first byte of é: 254 x's are left. */
	assert_int_equal(strlen(out), PROGRESS_MAX - 1);
	assert_string_equal(out, want);
}

static void
test_due(void **state)
{
	struct timespec ts = { 0, (PROGRESS_EVERY_MS + 20) * 1000000L };

	(void)state;
	assert_false(progress_due());	/* not on */
	assert_true(progress_seconds() == 0);
	progress_start();
	assert_true(progress_on());
	assert_false(progress_due());	/* too soon */
	nanosleep(&ts, NULL);
	assert_true(progress_due());
	assert_true(progress_seconds() >= PROGRESS_EVERY_MS / 1000.0);
	progress_end();
	assert_false(progress_on());
	assert_false(progress_due());
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_wanted),
		cmocka_unit_test(test_draw),
		cmocka_unit_test(test_cut),
		cmocka_unit_test(test_due),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
