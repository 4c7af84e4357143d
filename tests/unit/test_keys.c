/* Unit tests for keys: duplicates within a file, the newer file winning
 * whatever the order files are read in, a dropped file's claims gone. */
#include <stdio.h>
#include <string.h>

#include "keys.h"
#include "unit.h"

static int
claim(struct keys *k, const char *key, unsigned long line,
    unsigned long *first)
{
	return keys_claim(k, key, strlen(key), line, first);
}

static void
winner(const struct keys *k, const char *key, size_t file, unsigned long line)
{
	size_t f = 99;
	unsigned long l = 99;

	assert_int_equal(keys_winner(k, key, strlen(key), &f, &l), 0);
	assert_int_equal(f, file);
	assert_int_equal(l, line);
}

static void
test_duplicate(void **state)
{
	struct keys *k = keys_new();
	unsigned long first = 0;

	(void)state;
	assert_int_equal(claim(k, "a\tTHCS", 2, &first), 0);
	assert_int_equal(claim(k, "a\tTHPT", 3, &first), 0);
	assert_int_equal(claim(k, "a\tTHCS", 7, &first), 1);
	assert_int_equal(first, 2);
	keys_commit(k, 0, 5);
	/* The next file starts afresh: a is not its duplicate. */
	assert_int_equal(claim(k, "a\tTHCS", 4, &first), 0);
	keys_drop(k);
	winner(k, "a\tTHCS", 0, 2);
	keys_free(k);
}

static void
test_newer_wins(void **state)
{
	struct keys *k = keys_new();
	unsigned long first;
	size_t f;
	unsigned long l;

	(void)state;
	/* File 0 is the newer (rank 9), read first. */
	claim(k, "x", 2, &first);
	claim(k, "y", 3, &first);
	keys_commit(k, 0, 9);
	/* File 1, older, read second: x stays file 0's, z is its own. */
	claim(k, "x", 5, &first);
	claim(k, "z", 6, &first);
	keys_commit(k, 1, 3);
	/* File 2, the newest: takes y. */
	claim(k, "y", 8, &first);
	keys_commit(k, 2, 12);
	/* File 3, newer still, set aside: its claim on z is gone. */
	claim(k, "z", 2, &first);
	keys_drop(k);
	winner(k, "x", 0, 2);
	winner(k, "y", 2, 8);
	winner(k, "z", 1, 6);
	assert_int_equal(keys_winner(k, "w", 1, &f, &l), -1);
	keys_free(k);
}

static void
test_equal_rank(void **state)
{
	struct keys *k = keys_new();
	unsigned long first;

	(void)state;
	claim(k, "x", 2, &first);
	keys_commit(k, 0, 4);
	claim(k, "x", 3, &first);
	keys_commit(k, 1, 4);
	winner(k, "x", 0, 2);
	keys_free(k);
}

static void
test_many(void **state)
{
	struct keys *k = keys_new();
	char key[16];
	unsigned long first;
	int i;

	(void)state;
	for (i = 0; i < 5000; i++) {
		snprintf(key, sizeof key, "k%d", i);
		assert_int_equal(claim(k, key, (unsigned long)i + 2, &first),
		    0);
	}
	keys_commit(k, 0, 1);
	for (i = 0; i < 5000; i += 2) {
		snprintf(key, sizeof key, "k%d", i);
		claim(k, key, (unsigned long)i, &first);
	}
	keys_commit(k, 1, 2);
	winner(k, "k4998", 1, 4998);
	winner(k, "k4999", 0, 5001);
	keys_free(k);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_duplicate),
		cmocka_unit_test(test_newer_wins),
		cmocka_unit_test(test_equal_rank),
		cmocka_unit_test(test_many),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
