/* keys — the newest submission of a record wins: see keys.h. */
#include <stdlib.h>

#include "diag.h"
#include "hash.h"
#include "keys.h"

/* A committed claim. */
struct claim {
	size_t		    file;
	unsigned long	    line;
	unsigned long long  rank;
};

struct keys {
	struct hash	*won;		/* key -> index into claim */
	struct claim	*claim;
	size_t		 cap;
	struct hash	*cur;		/* the current file's keys */
	unsigned long	*line;		/* by index in cur */
	size_t		 lcap;
};

struct keys *
keys_new(void)
{
	struct keys *k = xcalloc(1, sizeof *k);

	k->won = hash_new();
	k->cur = hash_new();
	return k;
}

void
keys_free(struct keys *k)
{
	if (k == NULL)
		return;
	hash_free(k->won, NULL);
	hash_free(k->cur, NULL);
	free(k->claim);
	free(k->line);
	free(k);
}

int
keys_claim(struct keys *k, const char *key, size_t n, unsigned long line,
    unsigned long *first)
{
	size_t i;
	int added;

	i = hash_add(k->cur, key, n, &added);
	if (!added) {
		*first = k->line[i];
		return 1;
	}
	if (i >= k->lcap) {
		k->lcap = k->lcap ? 2 * k->lcap : 64;
		k->line = xrealloc(k->line, k->lcap * sizeof *k->line);
	}
	k->line[i] = line;
	return 0;
}

void
keys_drop(struct keys *k)
{
	hash_free(k->cur, NULL);
	k->cur = hash_new();
}

void
keys_commit(struct keys *k, size_t file, unsigned long long rank)
{
	const char *key;
	size_t i, j, n, count = hash_count(k->cur);
	int added;

	for (i = 0; i < count; i++) {
		key = hash_key(k->cur, i, &n);
		j = hash_add(k->won, key, n, &added);
		if (j >= k->cap) {
			k->cap = k->cap ? 2 * k->cap : 64;
			k->claim = xrealloc(k->claim, k->cap *
			    sizeof *k->claim);
		}
		if (!added && k->claim[j].rank >= rank)
			continue;
		k->claim[j].file = file;
		k->claim[j].line = k->line[i];
		k->claim[j].rank = rank;
	}
	keys_drop(k);
}

int
keys_winner(const struct keys *k, const char *key, size_t n, size_t *file,
    unsigned long *line)
{
	size_t j = hash_find(k->won, key, n);

	if (j == HASH_NONE)
		return -1;
	*file = k->claim[j].file;
	*line = k->claim[j].line;
	return 0;
}
