/* fuzz_registry — libFuzzer harness for the registry loader
 * (luong-registry(5)): the input is a registry, a record stream, loaded
 * and keyed on school_id and level, to the end or to the loader's exit
 * (harness.h).  A registry that loads is used as luong-expect uses one:
 * every row found again by its own key, the schools of a few school years
 * counted and each one not expected explained, and every row's key and
 * values shown.  The corpus is the shipped sample registry and those of
 * the tests. */
#include <string.h>

#include "buf.h"
#include "registry.h"
#include "table.h"
#include "harness.h"

static void
run(void *v)
{
	struct registry *reg = registry_load(v);
	struct buf b = { 0 };
	size_t f[2], i, n;
	char *kv[2];
	size_t kl[2];
	int year;

	fuzz_assert(reg->id >= 0 && reg->level >= 0 && reg->code >= 0);
	fuzz_assert(reg->nexpected == reg->t->nrows);
	f[0] = (size_t)reg->id;
	f[1] = (size_t)reg->level;
	registry_key(reg, f, 2);
	for (i = 0; i < reg->t->nrows; i++) {
		kv[0] = (char *)registry_value(reg, i, reg->id);
		kv[1] = (char *)registry_value(reg, i, reg->level);
		kl[0] = strlen(kv[0]);
		kl[1] = strlen(kv[1]);
		fuzz_assert(kl[0] > 0 && kl[1] > 0);
		fuzz_assert(registry_find(reg, kv, kl) == i);
		buf_reset(&b);
		registry_key_text(reg, i, &b);
	}
	for (year = 1999; year <= 2030; year += 7) {
		registry_year(reg, year);
		for (i = n = 0; i < reg->t->nrows; i++) {
			n += reg->expected[i];
			if (reg->expected[i])
				continue;
			buf_reset(&b);
			registry_why(reg, i, &b);
			fuzz_assert(b.len > 0);
		}
		fuzz_assert(n == reg->nexpected);
	}
	buf_free(&b);
	registry_free(reg);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_run(run, (void *)fuzz_file("registry.tsv", data, size, 0600),
	    NULL);
	return 0;
}
