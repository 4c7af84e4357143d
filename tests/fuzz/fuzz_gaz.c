/* fuzz_gaz — libFuzzer harness for the gazetteer loader
 * (luong-gazetteer(5)): the input is a gazetteer file, loaded to the end
 * or to the loader's exit 2 (harness.h).  A gazetteer that loads is used
 * as luong-normalise and luong-rates use one: each unit found again by
 * its code and its name, its name and each alias resolved to it, and a
 * few free-text spellings resolved, fuzzy matching and tracing on.  The corpus is the shipped
 * gazetteer and those of the CLI tests. */
#include <string.h>

#include "gaz.h"
#include "harness.h"

static const char *const names[] = {
	"Đức Hòa", "huyện đức hoà", "H. Duc Hoa", "TP Tân An", "tx kiến tường",
	"808", "0794", "Thạnh Hóa", "Thanh Hoa", "Tân Trụ", "", " ", "Long An",
};

/* resolve resolves s; when want is not NULL, to that unit. */
static void
resolve(const struct gaz *g, const char *s, const struct gaz_unit *want,
    struct buf *trace, struct buf *cand)
{
	struct gaz_result res;

	buf_reset(trace);
	gaz_resolve(g, s, strlen(s), GAZ_FUZZY_OK, &res, trace);
	fuzz_assert((res.unit != NULL) == (res.match != GAZ_NONE));
	fuzz_assert(res.ncand <= GAZ_NCAND);
	fuzz_assert(want == NULL || res.unit == want);
	buf_reset(cand);
	gaz_candidates(cand, &res);
	gaz_resolve(g, s, strlen(s), 0, &res, NULL);
	gaz_order(g, s, strlen(s));
}

static void
run(void *v)
{
	struct gaz *g = gaz_load(v);
	struct buf trace = { 0 }, cand = { 0 }, key = { 0 }, fold = { 0 };
	size_t i, j;

	for (i = 0; i < g->n; i++) {
		const struct gaz_unit *u = &g->unit[i];

		fuzz_assert(u->order == i);
		fuzz_assert(gaz_by_code(g, u->code, strlen(u->code)) == u);
		fuzz_assert(gaz_by_name(g, u->name, strlen(u->name)) == u);
		fuzz_assert(gaz_order(g, u->name, strlen(u->name)) ==
		    (long)i);
		resolve(g, u->name, u, &trace, &cand);
		resolve(g, u->code, NULL, &trace, &cand);
		for (j = 0; j < u->nalias; j++)
			resolve(g, u->alias[j], u, &trace, &cand);
		buf_reset(&key);
		buf_reset(&fold);
		gaz_key(&key, &fold, u->name, strlen(u->name));
	}
	for (i = 0; i < sizeof names / sizeof *names; i++)
		resolve(g, names[i], NULL, &trace, &cand);
	buf_free(&trace);
	buf_free(&cand);
	buf_free(&key);
	buf_free(&fold);
	gaz_free(g);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_run(run, (void *)fuzz_file("districts.yaml", data, size, 0600),
	    NULL);
	return 0;
}
