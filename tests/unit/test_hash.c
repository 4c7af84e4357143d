/* Unit tests for hash: lookup, insertion order, growth, binary keys. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "unit.h"

static void
test_basic(void **state)
{
	struct hash *h = hash_new();
	int added = -1;
	size_t n;

	(void)state;
	assert_int_equal(hash_count(h), 0);
	assert_true(hash_find(h, "a", 1) == HASH_NONE);
	assert_null(hash_get(h, "a", 1));
	assert_int_equal(hash_add(h, "Tân An", strlen("Tân An"), &added), 0);
	assert_int_equal(added, 1);
	assert_int_equal(hash_add(h, "Châu Thành", strlen("Châu Thành"),
	    &added), 1);
	assert_int_equal(added, 1);
	assert_int_equal(hash_add(h, "Tân An", strlen("Tân An"), &added), 0);
	assert_int_equal(added, 0);
	assert_int_equal(hash_count(h), 2);
	assert_string_equal(hash_key(h, 1, &n), "Châu Thành");
	assert_int_equal(n, strlen("Châu Thành"));
	/* A prefix is a different key. */
	assert_true(hash_find(h, "Tân", strlen("Tân")) == HASH_NONE);
	/* The empty key is a key like any other. */
	assert_int_equal(hash_add(h, "", 0, &added), 2);
	assert_int_equal(added, 1);
	assert_int_equal(hash_find(h, "", 0), 2);
	hash_free(h, NULL);
	hash_free(NULL, NULL);
}

static void
test_values(void **state)
{
	struct hash *h = hash_new();
	int x = 1, y = 2;

	(void)state;
	assert_int_equal(hash_put(h, "x", 1, &x), 0);
	assert_int_equal(hash_put(h, "y", 1, &y), 1);
	assert_ptr_equal(hash_get(h, "x", 1), &x);
	assert_ptr_equal(hash_val(h, 1), &y);
	assert_int_equal(hash_put(h, "x", 1, &y), 0);	/* replace */
	assert_ptr_equal(hash_get(h, "x", 1), &y);
	hash_set(h, 0, NULL);
	assert_null(hash_get(h, "x", 1));
	assert_int_equal(hash_count(h), 2);
	hash_free(h, NULL);
}

static void
test_binary(void **state)
{
	struct hash *h = hash_new();

	(void)state;
	/* Keys with NUL bytes differ by their bytes after the NUL. */
	assert_int_equal(hash_add(h, "a\0b", 3, NULL), 0);
	assert_int_equal(hash_add(h, "a\0c", 3, NULL), 1);
	assert_int_equal(hash_add(h, "a", 1, NULL), 2);
	assert_int_equal(hash_find(h, "a\0c", 3), 1);
	hash_free(h, NULL);
}

static void
test_grow(void **state)
{
	struct hash *h = hash_new();
	char k[32];
	size_t i, n;

	(void)state;
	/* Enough keys to rehash many times; every index stays put. */
	for (i = 0; i < 100000; i++) {
		n = (size_t)snprintf(k, sizeof k, "key%zu", i);
		assert_int_equal(hash_add(h, k, n, NULL), i);
	}
	assert_int_equal(hash_count(h), 100000);
	for (i = 0; i < 100000; i += 997) {
		n = (size_t)snprintf(k, sizeof k, "key%zu", i);
		assert_int_equal(hash_find(h, k, n), i);
		assert_string_equal(hash_key(h, i, NULL), k);
	}
	assert_true(hash_find(h, "key100000", 9) == HASH_NONE);
	hash_free(h, NULL);
}

static void
test_free_val(void **state)
{
	struct hash *h = hash_new();

	(void)state;
	hash_put(h, "a", 1, strdup("one"));
	hash_put(h, "b", 1, strdup("two"));
	hash_add(h, "c", 1, NULL);	/* a NULL value is passed to free */
	assert_string_equal(hash_get(h, "b", 1), "two");
	hash_free(h, free);	/* valgrind/ASan check nothing leaks */
}

/* hash_same, the table's compare of keys, against memcmp: every length
 * to 40, equal, and with one byte different at each offset. */
static void
test_same(void **state)
{
	unsigned char a[48] = { 0 }, b[48] = { 0 };
	size_t n, i;

	(void)state;
	for (n = 0; n <= 40; n++) {
		for (i = 0; i < n; i++)
			a[i] = b[i] = (unsigned char)(i * 37 + n);
		assert_true(hash_same(a, b, n));
		for (i = 0; i < n; i++) {
			b[i] ^= 0x80;
			assert_false(hash_same(a, b, n));
			b[i] ^= 0x81;
			assert_false(hash_same(a, b, n));
			b[i] ^= 0x01;
		}
		assert_true(hash_same(a, b, n));
	}
}

/* hash_add_memo against hash_add on a second table: the same index and
 * the same "added" for every key, over keys that share the memo's place
 * (one length, the same bytes where it looks) and keys that do not. */
static void
test_memo(void **state)
{
	struct hash *h = hash_new(), *ref = hash_new();
	char k[16];
	size_t i, n, j;
	int a, b;

	(void)state;
	for (i = 0; i < 20000; i++) {
		if (unit_rnd(2)) {
			memcpy(k, "T..n.An", 7);
			k[1] = (char)('a' + unit_rnd(3));
			k[2] = (char)('a' + unit_rnd(3));
			k[4] = (char)('a' + unit_rnd(3));
			n = 7;
		} else {
			n = unit_rnd(sizeof k);
			for (j = 0; j < n; j++)
				k[j] = (char)('a' + unit_rnd(2));
		}
		j = hash_add_memo(h, k, n, &a);
		assert_int_equal(j, hash_add(ref, k, n, &b));
		assert_int_equal(a, b);
		assert_int_equal(j, hash_add_memo(h, k, n, NULL));
	}
	assert_int_equal(hash_count(h), hash_count(ref));
	hash_free(h, NULL);
	hash_free(ref, NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_basic),
		cmocka_unit_test(test_values),
		cmocka_unit_test(test_binary),
		cmocka_unit_test(test_grow),
		cmocka_unit_test(test_free_val),
		cmocka_unit_test(test_same),
		cmocka_unit_test(test_memo),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
