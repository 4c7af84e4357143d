/* fuzz_labels — libFuzzer harness for the labels loader (labels,
 * config/labels-LANG.yaml): the input is a labels file, loaded to the end
 * or to the loader's exit 2 (harness.h).  Labels that load are used as
 * luong-render uses them: every level and indicator named, each
 * indicator's short label and wording at no level and at each level,
 * the total row's names told, every template filled, the issuing body's
 * lines read.  The corpus is the shipped labels files and those of the
 * CLI tests. */
#include <string.h>

#include "labels.h"
#include "harness.h"

static const char *const levels[] = { "THCS", "THPT", "other" };
static const char *const rows[] = { "Tổng cộng", "TOÀN TỈNH", "total",
    "Đức Hòa", "" };
/* Enough values for any template (the most placeholders, date_line's,
 * is six). */
static const char *const vals[] = { "1", "2", "3", "4", "5", "6", "7" };

static void
run(void *v)
{
	struct labels *l = labels_load(v);
	struct buf b = { 0 };
	size_t i, j, n;

	fuzz_assert(l->lang[0] != '\0' && l->decimal[0] != '\0');
	for (j = 0; j < sizeof levels / sizeof *levels; j++)
		fuzz_assert(labels_level(l, levels[j]) != NULL);
	n = labels_nind(l);
	for (i = 0; i < n; i++) {
		const char *name = labels_ind_name(l, i);

		fuzz_assert(name != NULL);
		fuzz_assert(labels_ind_short(l, name) != NULL);
		fuzz_assert(labels_ind_label(l, name, NULL) != NULL);
		for (j = 0; j < sizeof levels / sizeof *levels; j++)
			fuzz_assert(labels_ind_label(l, name, levels[j]) !=
			    NULL);
	}
	fuzz_assert(labels_ind_short(l, "no_such_indicator") != NULL);
	if (l->total[0] != '\0')
		fuzz_assert(labels_is_total(l, l->total, strlen(l->total)));
	for (j = 0; j < sizeof rows / sizeof *rows; j++)
		labels_is_total(l, rows[j], strlen(rows[j]));
	labels_coverage(&b, l, "120", "127", "7", "94,49");
	labels_total_coverage(&b, l, "120", "127");
	/* Every template with its placeholders filled, the rank keys and
	 * the abbreviations looked up. */
	for (i = 0; i < LT_NTEMPLATES; i++)
		labels_template(&b, l, (enum labels_template)i, vals);
	labels_date_line(&b, l, l->place, 2023, 3, 7);
	labels_page(&b, l, 1, 3);
	n = labels_nissuer(l);
	fuzz_assert(n > 0);
	for (i = 0; i < n; i++)
		fuzz_assert(labels_issuer(l, i) != NULL);
	labels_rank_key(l, "met_count", 9);
	labels_abbrev(l, "actual");
	labels_abbrev(l, "missed");
	buf_free(&b);
	labels_free(l);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_run(run, (void *)fuzz_file("labels.yaml", data, size, 0600),
	    NULL);
	return 0;
}
