/* hash — a table from byte-string keys to pointers that remembers the
 * order in which keys were first added.
 *
 * Keys are arbitrary bytes (a length is given, NULs allowed); the table
 * copies them.  Every key has an index, 0, 1, 2 … in order of insertion,
 * which never changes: iterate with hash_count/hash_key/hash_val, or use
 * the index to address parallel arrays of your own (a group's sums).
 * There is no removal.  Values are borrowed pointers unless hash_free is
 * given a function to free them.  */
#ifndef LUONG_HASH_H
#define LUONG_HASH_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define HASH_NONE	((size_t)-1)

struct hash;

struct hash *hash_new(void);

/* hash_free frees the table and its key copies; with free_val not NULL it
 * is called on every value first.  hash_free(NULL, …) is a no-op. */
void hash_free(struct hash *h, void (*free_val)(void *));

/* hash_find returns the index of key[0..n), or HASH_NONE. */
size_t hash_find(const struct hash *h, const void *key, size_t n);

/* hash_add returns the index of key[0..n), adding it (with a NULL value)
 * when absent; *added (when not NULL) says which happened. */
size_t hash_add(struct hash *h, const void *key, size_t n, int *added);

/* hash_add_memo is hash_add with a memo in front: the index of the key
 * last seen at a place picked by its length and four of its bytes, tried
 * with one compare before the table hashes every byte.  For a stream's
 * few distinct values seen over and over (a district, a group); the memo
 * (24 KiB) is made on the first call. */
size_t hash_add_memo(struct hash *h, const void *key, size_t n, int *added);

/* hash_get returns the value of key[0..n), or NULL when absent. */
void *hash_get(const struct hash *h, const void *key, size_t n);

/* hash_put sets the value of key[0..n), adding the key when absent, and
 * returns its index. */
size_t hash_put(struct hash *h, const void *key, size_t n, void *val);

size_t hash_count(const struct hash *h);

/* By index i < hash_count(h): the key (NUL-terminated copy, owned by the
 * table; *n its length when n is not NULL) and the value. */
const char *hash_key(const struct hash *h, size_t i, size_t *n);
void *hash_val(const struct hash *h, size_t i);
void hash_set(struct hash *h, size_t i, void *val);

/* hash_same says whether a[0..n) and b[0..n) are the same bytes, as the
 * table compares keys: a word of eight at a time, the last put against
 * the end (or two overlapping words of four, or the three bytes of a
 * shorter text), no call, no byte read outside either.  Inline: the
 * per-row compares of the stages (rates' level, the groups' memo, an
 * enum's spellings) use it too. */
static inline int
hash_same(const void *va, const void *vb, size_t n)
{
	const char *a = va, *b = vb;
	uint64_t x, y;
	uint32_t p, q;
	size_t i;

	if (n >= 8) {
		for (i = 0; i + 8 < n; i += 8) {
			memcpy(&x, a + i, 8);
			memcpy(&y, b + i, 8);
			if (x != y)
				return 0;
		}
		memcpy(&x, a + n - 8, 8);
		memcpy(&y, b + n - 8, 8);
		return x == y;
	}
	if (n >= 4) {
		memcpy(&p, a, 4);
		memcpy(&q, b, 4);
		if (p != q)
			return 0;
		memcpy(&p, a + n - 4, 4);
		memcpy(&q, b + n - 4, 4);
		return p == q;
	}
	return n == 0 || (a[0] == b[0] && a[n / 2] == b[n / 2] &&
	    a[n - 1] == b[n - 1]);
}

#endif
