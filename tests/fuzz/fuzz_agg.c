/* fuzz_agg — libFuzzer harness for the indicators loader (agg,
 * luong-indicators(5)): the input is an indicators file, loaded for the
 * school level and for the student levels THCS and THPT, each to the end
 * or to the loader's exit 2 (harness.h).  The indicators that load are
 * used as luong-rates uses them: bound to a header of the fields they
 * name, a few rows added to their sums, the sums merged and written in
 * both forms.  The input is also parsed as one expression, with and
 * without a name.  The corpus is the shipped indicators file and those
 * of the CLI tests. */
#include <stdlib.h>
#include <string.h>

#include "agg.h"
#include "dec.h"
#include "harness.h"

struct arg {
	const char	*path;
	const char	*level;
};

static const char *const values[] = { "1", "0", "", "2.5", "x", "-3",
    "99999999999999999999999999999999999999" };
#define NVALUES	(sizeof values / sizeof *values)

/* use binds ind to the fields it names and adds rows to its sums. */
static void
use(struct agg_ind *ind)
{
	char *names[2];
	char *f[2];
	size_t len[2], nf = 0, r;
	const struct agg_term *bad;
	struct agg_acc acc = { 0 }, sum = { 0 };
	struct buf b = { 0 };
	int badf;

	if (ind->num.field != NULL)
		names[nf++] = ind->num.field;
	if (ind->den.field != NULL && (nf == 0 ||
	    strcmp(ind->den.field, names[0]) != 0))
		names[nf++] = ind->den.field;
	fuzz_assert(agg_bind(ind, names, nf, &bad) == 0);
	for (r = 0; r < NVALUES * NVALUES; r++) {
		f[0] = (char *)values[r % NVALUES];
		f[1] = (char *)values[r / NVALUES];
		len[0] = strlen(f[0]);
		len[1] = strlen(f[1]);
		agg_add(ind, f, len, &acc, &badf);
	}
	agg_acc_merge(&sum, &acc);
	agg_acc_merge(&sum, &acc);
	agg_fields_names(&b, ind->name, 0);
	agg_fields_values(&b, &sum, 0);
	agg_fields_values(&b, &sum, 1);
	buf_free(&b);
}

static void
run(void *v)
{
	const struct arg *a = v;
	struct agg_ind *ind;
	size_t n, i;

	ind = agg_load(a->path, a->level, &n);
	fuzz_assert(n >= 1);
	for (i = 0; i < n; i++)
		use(&ind[i]);
	agg_free(ind, n);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const levels[] = { NULL, "THCS", "THPT" };
	struct agg_ind ind;
	struct agg_err e;
	struct arg a;
	char *src;
	size_t i;

	a.path = fuzz_file("indicators.yaml", data, size, 0600);
	for (i = 0; i < sizeof levels / sizeof *levels; i++) {
		a.level = levels[i];
		fuzz_run(run, &a, NULL);
	}
	if ((src = malloc(size + 1)) == NULL)
		abort();
	memcpy(src, data, size);
	src[size] = '\0';
	for (i = 0; i < 2; i++) {
		memset(&ind, 0, sizeof ind);
		if (agg_parse(&ind, src, (int)i, &e) == 0)
			agg_ind_clear(&ind);
		else
			fuzz_assert(e.pos <= size);
	}
	free(src);
	return 0;
}
