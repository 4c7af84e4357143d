/* Unit tests for rowat: each key's last row, across files, told at exit. */
#include <stdarg.h>
#include <stdlib.h>

#include "diag.h"
#include "rowat.h"
#include "unit.h"

static struct rowat *shared;

static void
fatal_at(struct rowat *a, size_t key, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	rowat_fatal(a, key, fmt, ap);
}

static void
child(const void *arg)
{
	diag_init("test_rowat");
	fatal_at(shared, *(const size_t *)arg, "too large");
}

static void
test_rowat(void **state)
{
	size_t k0 = 0, k1 = 1, k2 = 2;
	size_t key;

	(void)state;
	shared = rowat_new();
	rowat_file(shared, "a.tsv");
	rowat_note(shared, 0, 2);
	rowat_note(shared, 1, 3);
	rowat_note(shared, 0, 4);	/* key 0's last row is now line 4 */
	rowat_file(shared, "b.tsv");
	rowat_note(shared, 1, 2);
	for (key = 2; key < 1000; key++)	/* grows as keys come */
		rowat_note(shared, key, key + 1);
	unit_child_fails(child, &k0, 1, "test_rowat: a.tsv:4: too large");
	unit_child_fails(child, &k1, 1, "test_rowat: b.tsv:2: too large");
	unit_child_fails(child, &k2, 1, "test_rowat: b.tsv:3: too large");
	rowat_free(shared);
	rowat_free(NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rowat),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
