/* fuzz_rec — libFuzzer harness for the record stream reader (rec): the
 * input is a stream file, read twice over as two operands (the second
 * header checked against the first), every row to the end or to the
 * reader's exit on a malformed row (harness.h).  Each field must be
 * NUL-terminated and come back from rec_escape and rec_unescape as it
 * was.  The corpus is the stream files of the CLI tests. */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "rec.h"
#include "harness.h"

struct arg {
	const char	*path;
};

static void
check(const char *s, size_t n, struct buf *b)
{
	size_t m;

	fuzz_assert(s[n] == '\0');
	buf_reset(b);
	rec_escape(b, s, n);
	if (n == 0) {
		fuzz_assert(b->len == 0);
		return;
	}
	fuzz_assert(memchr(b->p, '\t', b->len) == NULL);
	fuzz_assert(memchr(b->p, '\n', b->len) == NULL);
	m = rec_unescape(b->p, b->len);
	fuzz_assert(m == n && memcmp(b->p, s, n) == 0);
}

static void
run(void *v)
{
	const struct arg *a = v;
	char *paths[2] = { (char *)a->path, (char *)a->path };
	struct rec_reader *r = rec_reader_open(2, paths);
	struct buf b = { 0 };
	size_t i;

	fuzz_assert(r->nf >= 1);
	for (i = 0; i < r->nf; i++)
		check(r->name[i], strlen(r->name[i]), &b);
	while (rec_next(r) == 1) {
		fuzz_assert(r->line >= 2);
		for (i = 0; i < r->nf; i++)
			check(r->f[i], r->len[i], &b);
	}
	buf_free(&b);
	rec_reader_free(r);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arg a;

	a.path = fuzz_file("stream.tsv", data, size, 0600);
	fuzz_run(run, &a, NULL);
	return 0;
}
