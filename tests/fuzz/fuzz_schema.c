/* fuzz_schema — libFuzzer harness for the schema loader (luong-schema(5)):
 * the input is a schema file, loaded to the end or to the loader's exit 2
 * (harness.h).  A schema that loads is used as luong-ingest uses one:
 * every field looked up by its header and its name, a few typical cells
 * converted for each, and the cross-field checks run over a row.  The
 * corpus is the shipped schemas and those of the CLI tests. */
#include <stdlib.h>
#include <string.h>

#include "schema.h"
#include "text.h"
#include "harness.h"

static const char *const cells[] = {
	"", " 12 ", "1.234", "27,92", "-5", "0", "x", "Có", "không",
	"08/10/2005", "80798303", "abc", "1e3", "9223372036854775808",
};

static void
run(void *v)
{
	struct schema *s = schema_load(v);
	struct schema_value *val;
	struct buf out = { 0 }, why = { 0 }, scratch = { 0 };
	const char **names;
	size_t i, j, bad;

	val = calloc(s->nf ? s->nf : 1, sizeof *val);
	names = calloc(s->nf ? s->nf : 1, sizeof *names);
	for (i = 0; i < s->nf; i++) {
		const struct schema_field *f = &s->f[i];

		names[i] = f->header != NULL ? f->header : f->name;
		fuzz_assert(schema_lookup(s, f->name, strlen(f->name),
		    &scratch) >= 0);
		if (f->header != NULL)
			fuzz_assert(schema_lookup(s, f->header,
			    strlen(f->header), &scratch) >= 0);
		for (j = 0; j < sizeof cells / sizeof *cells; j++) {
			size_t before = out.len;

			buf_reset(&why);
			if (schema_convert(s, i, cells[j], strlen(cells[j]),
			    &out, &val[i], &why, &scratch) == 0)
				fuzz_assert(out.len == before ||
				    text_utf8_check(out.p + before,
				    out.len - before, &bad) == 0);
			else
				fuzz_assert(out.len == before && why.len > 0);
		}
		for (j = 0; j < f->nvalues; j++)
			schema_convert(s, i, f->values[j], strlen(f->values[j]),
			    &out, &val[i], &why, &scratch);
	}
	buf_reset(&why);
	schema_check_row(s, val, out.p != NULL ? out.p : "", names, &why);
	free(val);
	free(names);
	buf_free(&out);
	buf_free(&why);
	buf_free(&scratch);
	schema_free(s);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_run(run, (void *)fuzz_file("schema.yaml", data, size, 0600),
	    NULL);
	return 0;
}
