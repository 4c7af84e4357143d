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

/* hash_add_memo's places: the table's copy of a key (stable: keys are
 * never moved or removed), its length and its index. */
#define NMEMO	1024

struct memo {
	const char	*key;
	size_t		 n, i;
};

struct hash {
	struct entry	*e;
	size_t		 n, cap;
	size_t		*slot;
	size_t		 mask;		/* slots - 1 */
	struct memo	*memo;		/* NMEMO, or NULL until used */
};

/* The bytes of a key eight at a time (the last eight overlapping the
 * ones before; a short key in two overlapping halves or its first,
 * middle and last byte, as wyhash reads it), each word mixed in by a
 * multiplication, then a final avalanche, so that the low bits used to
 * pick a slot depend on every byte.  Equal keys read the same words, and
 * the length is mixed in, so keys that differ hash apart. */
static uint64_t
word(const unsigned char *p)
{
	uint64_t x;

	memcpy(&x, p, 8);
	return x;
}

static uint64_t
half(const unsigned char *p)
{
	uint32_t x;

	memcpy(&x, p, 4);
	return x;
}

static uint64_t
mix(uint64_t h, uint64_t x)
{
	h ^= x;
	h *= 0x9e3779b97f4a7c15ULL;
	return h ^ (h >> 29);
}

static inline uint64_t
hash_bytes(const void *key, size_t n)
{
	const unsigned char *p = key;
	uint64_t h = 1469598103934665603ULL ^ n;
	size_t i;

	if (n >= 8) {
		for (i = 0; i + 8 < n; i += 8)
			h = mix(h, word(p + i));
		h = mix(h, word(p + n - 8));
	} else if (n >= 4)
		h = mix(h, half(p) << 32 | half(p + n - 4));
	else if (n > 0)
		h = mix(h, (uint64_t)p[0] << 16 | (uint64_t)p[n / 2] << 8 |
		    p[n - 1]);
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
	free(h->memo);
	free(h);
}

/* lookup returns the slot where key is, or the empty slot where it would
 * go. */
static inline size_t
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
		    hash_same((const unsigned char *)e->key, key, n))
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

size_t
hash_add_memo(struct hash *h, const void *key, size_t n, int *added)
{
	const unsigned char *u = key;
	struct memo *m;
	size_t at = n * 37, i;
	int dummy;

	if (added == NULL)
		added = &dummy;
	if (h->memo == NULL)
		h->memo = xcalloc(NMEMO, sizeof *h->memo);
	if (n > 0)
		at += u[0] * 7u + u[n / 2] * 3u + u[n - 1] * 5u +
		    u[n - 2 + (n < 2)];
	m = &h->memo[at % NMEMO];
	if (m->key != NULL && m->n == n && hash_same(m->key, key, n)) {
		*added = 0;
		return m->i;
	}
	i = hash_add(h, key, n, added);
	m->key = hash_key(h, i, &m->n);
	m->i = i;
	return i;
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
