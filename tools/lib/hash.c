#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "hash.h"

/* Entries live in one array in insertion order; an open-addressing index
 * (linear probing, power-of-two size, at most half full) maps a hash to an
 * entry number plus one, 0 meaning an empty slot. */
struct entry {
	char		*key;
	size_t		 len;
	uint64_t	 hv;
	void		*val;
};

struct hash {
	struct entry	*e;
	size_t		 n, cap;
	size_t		*slot;
	size_t		 mask;		/* slots - 1 */
};

/* FNV-1a with a final avalanche, so that the low bits used to pick a slot
 * depend on every byte. */
static uint64_t
hash_bytes(const void *key, size_t n)
{
	const unsigned char *p = key;
	uint64_t h = 1469598103934665603ULL;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= p[i];
		h *= 1099511628211ULL;
	}
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	return h;
}

struct hash *
hash_new(void)
{
	struct hash *h = xcalloc(1, sizeof *h);

	h->mask = 15;
	h->slot = xcalloc(h->mask + 1, sizeof *h->slot);
	return h;
}

void
hash_free(struct hash *h, void (*free_val)(void *))
{
	size_t i;

	if (h == NULL)
		return;
	for (i = 0; i < h->n; i++) {
		if (free_val != NULL)
			free_val(h->e[i].val);
		free(h->e[i].key);
	}
	free(h->e);
	free(h->slot);
	free(h);
}

/* lookup returns the slot where key is, or the empty slot where it would
 * go. */
static size_t
lookup(const struct hash *h, const void *key, size_t n, uint64_t hv)
{
	size_t i = (size_t)hv & h->mask;

	for (;;) {
		size_t s = h->slot[i];
		const struct entry *e;

		if (s == 0)
			return i;
		e = &h->e[s - 1];
		if (e->hv == hv && e->len == n &&
		    (n == 0 || memcmp(e->key, key, n) == 0))
			return i;
		i = (i + 1) & h->mask;
	}
}

static void
rehash(struct hash *h)
{
	size_t i, j;

	free(h->slot);
	h->mask = h->mask * 2 + 1;
	h->slot = xcalloc(h->mask + 1, sizeof *h->slot);
	for (i = 0; i < h->n; i++) {
		j = (size_t)h->e[i].hv & h->mask;
		while (h->slot[j] != 0)
			j = (j + 1) & h->mask;
		h->slot[j] = i + 1;
	}
}

size_t
hash_find(const struct hash *h, const void *key, size_t n)
{
	size_t s = h->slot[lookup(h, key, n, hash_bytes(key, n))];

	return s == 0 ? HASH_NONE : s - 1;
}

size_t
hash_add(struct hash *h, const void *key, size_t n, int *added)
{
	uint64_t hv = hash_bytes(key, n);
	size_t i = lookup(h, key, n, hv);
	struct entry *e;

	if (h->slot[i] != 0) {
		if (added != NULL)
			*added = 0;
		return h->slot[i] - 1;
	}
	if (h->n == h->cap) {
		h->cap = h->cap ? h->cap * 2 : 16;
		h->e = xrealloc(h->e, h->cap * sizeof *h->e);
	}
	e = &h->e[h->n];
	e->key = xstrndup(key, n);
	e->len = n;
	e->hv = hv;
	e->val = NULL;
	h->slot[i] = ++h->n;
	if (2 * h->n > h->mask)
		rehash(h);
	if (added != NULL)
		*added = 1;
	return h->n - 1;
}

void *
hash_get(const struct hash *h, const void *key, size_t n)
{
	size_t i = hash_find(h, key, n);

	return i == HASH_NONE ? NULL : h->e[i].val;
}

size_t
hash_put(struct hash *h, const void *key, size_t n, void *val)
{
	size_t i = hash_add(h, key, n, NULL);

	h->e[i].val = val;
	return i;
}

size_t
hash_count(const struct hash *h)
{
	return h->n;
}

const char *
hash_key(const struct hash *h, size_t i, size_t *n)
{
	if (n != NULL)
		*n = h->e[i].len;
	return h->e[i].key;
}

void *
hash_val(const struct hash *h, size_t i)
{
	return h->e[i].val;
}

void
hash_set(struct hash *h, size_t i, void *val)
{
	h->e[i].val = val;
}
