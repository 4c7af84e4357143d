/* fuzz_csvin — libFuzzer harness for the CSV reader (csvin): the input
 * is a CSV or TSV file, read as luong-ingest reads one without a schema
 * (encoding told from the text, the first lines peeked at and split at
 * each separator csvin_sniff finds there, the records parsed from a
 * first line on), then again in an encoding named (input size mod 4:
 * utf-8, cp1258, tcvn3, viscii).  Every field handed out must be valid
 * UTF-8, NUL-terminated, and the records' line numbers must not go back.
 * The corpus is the CSV files of the CLI tests and samples. */
#include <stdlib.h>
#include <string.h>

#include "csvin.h"
#include "text.h"
#include "harness.h"

struct arg {
	const char	*path;
	enum enc	 enc;
	unsigned long	 first, last;
	size_t		 rows;
};

static void
check_fields(const struct csvin_row *row)
{
	size_t i, bad;

	/* A malformed record (text after a closing quote) comes with its
	 * reason and what was read of it, which may be nothing. */
	fuzz_assert(row->n >= 1 || row->bad != NULL);
	for (i = 0; i < row->n; i++) {
		fuzz_assert(row->f[i][row->len[i]] == '\0');
		fuzz_assert(text_utf8_check(row->f[i], row->len[i], &bad) == 0);
	}
}

static void
on_row(const struct csvin_row *row, void *v)
{
	struct arg *a = v;

	check_fields(row);
	fuzz_assert(row->line >= a->first && row->line >= a->last);
	a->last = row->line;
	a->rows++;
}

static void
run(void *v)
{
	struct arg *a = v;
	struct csvin_row *row = csvin_row_new();
	struct enc_guess g;
	struct csvin *ci;
	const char *l;
	char cands[4], delim = ',';
	size_t len, n, j;
	unsigned long k;
	int r;

	if ((ci = csvin_open(a->path, a->enc)) == NULL)
		abort();
	if (csvin_detect(ci, &g) <= 0)
		goto out;
	for (k = 1; k <= CSVIN_PEEK_MAX; k++) {
		if ((r = csvin_peek(ci, k, &l, &len)) < 0)
			goto out;
		if (r == 0)
			break;
		n = csvin_sniff(l, len, cands);
		fuzz_assert(n <= 3 && cands[n] == '\0');
		if (k == 1 && n > 0)
			delim = cands[0];
		for (j = 0; j < n; j++)
			if (csvin_split(row, l, len, cands[j]) == 0)
				check_fields(row);
	}
	a->last = 0;
	csvin_read(ci, a->first, delim, on_row, a);
out:
	csvin_close(ci);
	csvin_row_free(row);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const enum enc named[] = { ENC_UTF8, ENC_CP1258, ENC_TCVN3,
	    ENC_VISCII };
	struct arg a = { 0 };

	a.path = fuzz_file("export.csv", data, size, 0600);
	a.enc = ENC_AUTO;
	a.first = 1;
	fuzz_run(run, &a, NULL);
	a.enc = named[size % 4];
	a.first = 1 + size % 3;
	fuzz_run(run, &a, NULL);
	return 0;
}
