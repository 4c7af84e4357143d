/* Unit tests for rank: tie rule names, scoring on the values as printed
 * (rounding edges, missing values, errors), held rows, the output order
 * (partitions, totals, keys in both directions with empty values last,
 * the code, the other values) and the three tie rules. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "rank.h"
#include "unit.h"

static void
test_ties(void **state)
{
	enum rank_ties t = RANK_DENSE;

	(void)state;
	assert_int_equal(rank_ties_parse("competition", &t), 0);
	assert_int_equal(t, RANK_COMPETITION);
	assert_int_equal(rank_ties_parse("ordinal", &t), 0);
	assert_int_equal(t, RANK_ORDINAL);
	assert_int_equal(rank_ties_parse("dense", &t), 0);
	assert_int_equal(t, RANK_DENSE);
	assert_int_equal(rank_ties_parse("olympic", &t), -1);
	assert_int_equal(rank_ties_parse("", &t), -1);
	assert_int_equal(rank_ties_parse("Dense", &t), -1);
	assert_int_equal(t, RANK_DENSE);
	assert_string_equal(rank_ties_name(RANK_COMPETITION),
	    "competition (1-2-2-4)");
	assert_string_equal(rank_ties_name(RANK_DENSE), "dense (1-2-2-3)");
	assert_string_equal(rank_ties_name(RANK_ORDINAL), "ordinal (1-2-3-4)");
}

/* score runs rank_score on two strings; returns the result, the gap in
 * *gap (static) and met/which. */
static enum rank_score
score(const char *x, const char *t, const char **gap, int *met, int *which)
{
	static struct buf b;
	enum rank_score rc;

	buf_reset(&b);
	buf_add(&b, "", 0);
	*met = -1;
	*which = -1;
	rc = rank_score(x, strlen(x), t, strlen(t), &b, met, which);
	*gap = b.p;
	return rc;
}

static void
test_score(void **state)
{
	static const struct {
		const char *x, *t, *gap;
		int met;
	} ok[] = {
		{ "27.92", "27.92", "0.00", 1 },
		{ "27.915", "27.92", "0.00", 1 },	/* prints as 27.92 */
		{ "27.914999", "27.92", "-0.01", 0 },
		{ "27.9249999", "27.92", "0.00", 1 },
		{ "27.925", "27.92", "0.01", 1 },
		{ "11.52", "10.01", "1.51", 1 },
		{ "100", "100", "0.00", 1 },
		{ "0", "0.004", "0.00", 1 },
		{ "-0.005", "0", "-0.01", 0 },
		{ "27.9", "27.90", "0.00", 1 },
		{ "10.01", "27.92", "-17.91", 0 },
	};
	const char *gap;
	size_t i;
	int met, which;

	(void)state;
	for (i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		assert_int_equal(score(ok[i].x, ok[i].t, &gap, &met, &which),
		    RANK_SCORED);
		if (strcmp(gap, ok[i].gap) != 0 || met != ok[i].met)
			fail_msg("%s vs %s: gap %s met %d, want %s %d",
			    ok[i].x, ok[i].t, gap, met, ok[i].gap, ok[i].met);
	}
	/* Missing values: nothing written. */
	assert_int_equal(score("", "27.92", &gap, &met, &which),
	    RANK_UNSCORED);
	assert_string_equal(gap, "");
	assert_int_equal(met, -1);
	assert_int_equal(score("27.92", "", &gap, &met, &which),
	    RANK_UNSCORED);
	assert_int_equal(score("", "", &gap, &met, &which), RANK_UNSCORED);
	/* Errors say which value, the value first; a bad value counts even
	 * when its partner is missing. */
	assert_int_equal(score("27,92", "27.92", &gap, &met, &which),
	    RANK_NOT_NUMBER);
	assert_int_equal(which, 0);
	assert_int_equal(score("27.92", "35.09%", &gap, &met, &which),
	    RANK_NOT_NUMBER);
	assert_int_equal(which, 1);
	assert_int_equal(score("x", "y", &gap, &met, &which), RANK_NOT_NUMBER);
	assert_int_equal(which, 0);
	assert_int_equal(score("n/a", "", &gap, &met, &which),
	    RANK_NOT_NUMBER);
	assert_int_equal(which, 0);
	assert_int_equal(score("", "n/a", &gap, &met, &which),
	    RANK_NOT_NUMBER);
	assert_int_equal(which, 1);
	assert_int_equal(score("100000000000000000000", "1", &gap, &met,
	    &which), RANK_OUT_OF_RANGE);
	assert_int_equal(which, 0);
	assert_int_equal(score("1", "-100000000000000000000", &gap, &met,
	    &which), RANK_OUT_OF_RANGE);
	assert_int_equal(which, 1);
	assert_int_equal(score("90000000000000000", "-90000000000000000", &gap,
	    &met, &which), RANK_GAP_RANGE);
	assert_string_equal(gap, "");
}

static void
test_row(void **state)
{
	const char *v[3] = { "a\0b", "", "Tân An" };
	size_t len[3] = { 3, 0, strlen("Tân An") };
	struct rank_row *row = rank_row_new(v, len, 3);

	(void)state;
	/* Copies, NUL-terminated, lengths kept (a NUL inside too). */
	assert_ptr_not_equal(row->v[0], v[0]);
	assert_int_equal(row->vl[0], 3);
	assert_memory_equal(row->v[0], "a\0b", 4);
	assert_int_equal(row->vl[1], 0);
	assert_string_equal(row->v[1], "");
	assert_string_equal(row->v[2], "Tân An");
	assert_int_equal(row->total, 0);
	assert_int_equal(row->rank, 0);
	free(row);
	row = rank_row_new(NULL, NULL, 0);
	free(row);
}

/* Rows for the ranking tests: part, code, score, and whether the row is
 * a total or unranked. */
struct spec {
	const char *part, *code, *score;
	int total, unranked;
};

static struct rank_row **
make(const struct spec *s, size_t n)
{
	struct rank_row **rows = xcalloc(n, sizeof *rows);
	size_t i, k;

	for (i = 0; i < n; i++) {
		const char *v[3] = { s[i].part, s[i].code, s[i].score };
		size_t len[3];

		for (k = 0; k < 3; k++)
			len[k] = strlen(v[k]);
		rows[i] = rank_row_new(v, len, 3);
		rows[i]->total = s[i].total;
		rows[i]->unranked = s[i].unranked;
	}
	return rows;
}

static void
drop(struct rank_row **rows, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(rows[i]);
	free(rows);
}

/* ranked sorts and ranks rows by score (desc unless asc), returns "code
 * rank" pairs in output order ("-" for a total's rank, "~" for an
 * unranked row's) in a static buffer, and the ranked and partition
 * counts. */
static const char *
ranked(const struct spec *s, size_t n, enum rank_ties ties, int by_part,
    int asc, size_t *nranked, size_t *nparts)
{
	static struct buf out;
	struct rank_key key = { 2, !asc };
	size_t part = 0, i;
	struct ranking rk = { &key, 1, &part, by_part ? 1 : 0, 1, 3, ties };
	struct rank_row **rows = make(s, n);

	rank_sort(&rk, rows, n);
	*nranked = rank_assign(&rk, rows, n, nparts);
	buf_reset(&out);
	buf_add(&out, "", 0);
	for (i = 0; i < n; i++) {
		if (rows[i]->total || rows[i]->unranked) {
			assert_int_equal(rows[i]->rank, 0);
			buf_printf(&out, "%s%s %s", i ? " " : "", rows[i]->v[1],
			    rows[i]->total ? "-" : "~");
		} else
			buf_printf(&out, "%s%s %lu", i ? " " : "",
			    rows[i]->v[1], rows[i]->rank);
	}
	drop(rows, n);
	return out.p;
}

static const struct spec ties_rows[] = {
	{ "", "801", "3", 0, 0 },
	{ "", "805", "5", 0, 0 },
	{ "", "803", "3.00", 0, 0 },	/* equals 3 */
	{ "", "802", "3", 0, 0 },
	{ "", "806", "", 0, 0 },		/* no score: last */
	{ "", "804", "1", 0, 0 },
	{ "", "807", "", 0, 0 },
	{ "", "80", "-9", 1, 0 },		/* a total: after the ranked */
};

static void
test_rules(void **state)
{
	size_t n = sizeof ties_rows / sizeof ties_rows[0], nr, np;

	(void)state;
	/* Ties in code order, whatever the rule; the total last. */
	assert_string_equal(ranked(ties_rows, n, RANK_COMPETITION, 0, 0, &nr,
	    &np), "805 1 801 2 802 2 803 2 804 5 806 6 807 6 80 -");
	assert_int_equal(nr, 7);
	assert_int_equal(np, 1);
	assert_string_equal(ranked(ties_rows, n, RANK_DENSE, 0, 0, &nr, &np),
	    "805 1 801 2 802 2 803 2 804 3 806 4 807 4 80 -");
	assert_string_equal(ranked(ties_rows, n, RANK_ORDINAL, 0, 0, &nr, &np),
	    "805 1 801 2 802 3 803 4 804 5 806 6 807 7 80 -");
	/* Ascending: the smallest first, the empty values still last. */
	assert_string_equal(ranked(ties_rows, n, RANK_COMPETITION, 0, 1, &nr,
	    &np), "804 1 801 2 802 2 803 2 805 5 806 6 807 6 80 -");
	/* Nothing to rank. */
	assert_string_equal(ranked(ties_rows, 0, RANK_COMPETITION, 0, 0, &nr,
	    &np), "");
	assert_int_equal(nr, 0);
	assert_int_equal(np, 0);
	assert_string_equal(ranked(ties_rows + 7, 1, RANK_COMPETITION, 0, 0,
	    &nr, &np), "80 -");
	assert_int_equal(nr, 0);
	assert_int_equal(np, 1);
}

static void
test_partitions(void **state)
{
	static const struct spec rows[] = {
		{ "THPT", "794", "1", 0, 0 },
		{ "THCS", "794", "2", 0, 0 },
		{ "THPT", "80", "0", 1, 0 },
		{ "THCS", "808", "3", 0, 0 },
		{ "THPT", "808", "4", 0, 0 },
		{ "THCS", "80", "9", 1, 0 },
		{ "10", "1", "1", 0, 0 },		/* numbers before text */
		{ "", "2", "1", 0, 0 },		/* empty last */
	};
	size_t nr, np;

	(void)state;
	assert_string_equal(ranked(rows, 8, RANK_COMPETITION, 1, 0, &nr, &np),
	    "1 1 808 1 794 2 80 - 808 1 794 2 80 - 2 1");
	assert_int_equal(nr, 6);
	assert_int_equal(np, 4);
	/* Without partitions, one ranking; the totals come last. */
	assert_string_equal(ranked(rows, 8, RANK_COMPETITION, 0, 0, &nr, &np),
	    "808 1 808 2 794 3 1 4 2 4 794 4 80 - 80 -");
	assert_int_equal(np, 1);
}

/* Unranked rows take no place: after the ranked rows of their
 * partition, in code order whatever their scores, before its totals. */
static void
test_unranked(void **state)
{
	static const struct spec rows[] = {
		{ "THCS", "808", "", 0, 1 },
		{ "THCS", "794", "5", 0, 0 },
		{ "THCS", "803", "9", 0, 1 },	/* a score, unranked all the same */
		{ "THCS", "80", "4", 1, 0 },
		{ "THCS", "804", "5", 0, 0 },
		{ "THCS", "795", "", 0, 1 },
		{ "THCS", "805", "3", 0, 0 },
		{ "THPT", "808", "", 0, 1 },
		{ "THPT", "794", "1", 0, 0 },
		{ "THPT", "80", "", 1, 0 },
	};
	size_t nr, np;

	(void)state;
	assert_string_equal(ranked(rows, 10, RANK_COMPETITION, 1, 0, &nr,
	    &np), "794 1 804 1 805 3 795 ~ 803 ~ 808 ~ 80 - "
	    "794 1 808 ~ 80 -");
	assert_int_equal(nr, 4);
	assert_int_equal(np, 2);
	assert_string_equal(ranked(rows, 10, RANK_DENSE, 1, 1, &nr, &np),
	    "805 1 794 2 804 2 795 ~ 803 ~ 808 ~ 80 - 794 1 808 ~ 80 -");
	assert_string_equal(ranked(rows, 10, RANK_ORDINAL, 0, 0, &nr, &np),
	    "794 1 804 2 805 3 794 4 795 ~ 803 ~ 808 ~ 808 ~ 80 - 80 -");
	assert_int_equal(nr, 4);
	assert_int_equal(np, 1);
	/* Only unranked rows: none ranked, one partition. */
	assert_string_equal(ranked(rows, 1, RANK_COMPETITION, 1, 0, &nr, &np),
	    "808 ~");
	assert_int_equal(nr, 0);
	assert_int_equal(np, 1);
}

/* The order never depends on the input's: every permutation of rows
 * that tie on key and code sorts the same. */
static void
test_total_order(void **state)
{
	static const struct spec rows[] = {
		{ "b", "1", "5", 0, 0 },
		{ "a", "1", "5", 0, 0 },
		{ "c", "1", "5", 0, 0 },
	};
	static const int perm[6][3] = {
		{ 0, 1, 2 }, { 0, 2, 1 }, { 1, 0, 2 },
		{ 1, 2, 0 }, { 2, 0, 1 }, { 2, 1, 0 },
	};
	struct rank_key key = { 2, 1 };
	struct ranking rk = { &key, 1, NULL, 0, 1, 3, RANK_ORDINAL };
	size_t p, i;

	(void)state;
	for (p = 0; p < 6; p++) {
		struct spec s[3];
		struct rank_row **r;

		for (i = 0; i < 3; i++)
			s[i] = rows[perm[p][i]];
		r = make(s, 3);
		rank_sort(&rk, r, 3);
		assert_int_equal(rank_assign(&rk, r, 3, NULL), 3);
		assert_string_equal(r[0]->v[0], "a");
		assert_string_equal(r[1]->v[0], "b");
		assert_string_equal(r[2]->v[0], "c");
		assert_int_equal(r[2]->rank, 3);
		assert_true(rank_cmp(&rk, r[0], r[1]) < 0);
		assert_true(rank_cmp(&rk, r[2], r[1]) > 0);
		assert_int_equal(rank_cmp(&rk, r[1], r[1]), 0);
		drop(r, 3);
	}
}

/* A larger sort agrees with rank_cmp pair by pair. */
static void
test_sort(void **state)
{
	enum { N = 500 };
	struct spec s[N];
	char code[N][8], sc[N][8];
	struct rank_key key = { 2, 0 };
	struct ranking rk = { &key, 1, NULL, 0, 1, 3, RANK_COMPETITION };
	struct rank_row **r;
	size_t i;

	(void)state;
	for (i = 0; i < N; i++) {
		snprintf(code[i], sizeof code[i], "%zu", (i * 7919) % 1000);
		snprintf(sc[i], sizeof sc[i], "%zu.%zu", (i * 31) % 17, i % 3);
		s[i].part = "";
		s[i].code = code[i];
		s[i].score = i % 50 == 0 ? "" : sc[i];
		s[i].total = i % 97 == 0;
		s[i].unranked = i % 13 == 0 && !s[i].total;
	}
	r = make(s, N);
	rank_sort(&rk, r, N);
	for (i = 1; i < N; i++)
		assert_true(rank_cmp(&rk, r[i - 1], r[i]) <= 0);
	rank_assign(&rk, r, N, NULL);
	for (i = 1; i < N; i++) {
		/* Ranked, then unranked, then totals. */
		assert_true(r[i - 1]->total <= r[i]->total);
		if (!r[i]->total)
			assert_true(r[i - 1]->unranked <= r[i]->unranked);
		if (r[i]->total || r[i]->unranked)
			assert_int_equal(r[i]->rank, 0);
		else
			assert_true(r[i - 1]->rank <= r[i]->rank);
	}
	drop(r, N);
}

/* The rule as luong-rank records it: keys split at their last ":",
 * written with their direction, read back one at a time. */
static void
test_rule(void **state)
{
	struct buf b = { 0 };
	const char *p, *name;
	size_t n;
	int desc;

	(void)state;
	assert_int_equal(rank_key_split("met_count", 9, &n, &desc), 0);
	assert_int_equal(n, 9);
	assert_int_equal(desc, 1);
	assert_int_equal(rank_key_split("a:b:asc", 7, &n, &desc), 0);
	assert_int_equal(n, 3);
	assert_int_equal(desc, 0);
	assert_int_equal(rank_key_split("gap:desc", 8, &n, &desc), 0);
	assert_int_equal(n, 3);
	assert_int_equal(desc, 1);
	assert_int_equal(rank_key_split("gap:up", 6, &n, &desc), -1);
	assert_int_equal(rank_key_split("gap:", 4, &n, &desc), -1);
	assert_int_equal(rank_key_split(":asc", 4, &n, &desc), -2);
	assert_int_equal(rank_key_split("", 0, &n, &desc), -2);
	/* Only len bytes count: "gap:ascending" cut after "asc". */
	assert_int_equal(rank_key_split("gap:ascending", 7, &n, &desc), 0);
	assert_int_equal(desc, 0);

	rank_rule_add(&b, "met_count", 1);
	rank_rule_add(&b, "vocational_gap", 1);
	rank_rule_add(&b, "vocational", 0);
	assert_string_equal(b.p, "met_count:desc,vocational_gap:desc,"
	    "vocational:asc");
	p = b.p;
	assert_int_equal(rank_rule_next(&p, &name, &n, &desc), 1);
	assert_int_equal(n, 9);
	assert_memory_equal(name, "met_count", 9);
	assert_int_equal(desc, 1);
	assert_int_equal(rank_rule_next(&p, &name, &n, &desc), 1);
	assert_memory_equal(name, "vocational_gap", 14);
	assert_int_equal(rank_rule_next(&p, &name, &n, &desc), 1);
	assert_int_equal(n, 10);
	assert_int_equal(desc, 0);
	assert_int_equal(rank_rule_next(&p, &name, &n, &desc), 0);
	/* A rule written by hand: no direction is desc; a bad item is -1
	 * and the next is still read. */
	p = "score,x:sideways,,y:asc";
	assert_int_equal(rank_rule_next(&p, &name, &n, &desc), 1);
	assert_int_equal(desc, 1);
	assert_int_equal(rank_rule_next(&p, &name, &n, &desc), -1);
	assert_int_equal(rank_rule_next(&p, &name, &n, &desc), -1);
	assert_int_equal(rank_rule_next(&p, &name, &n, &desc), 1);
	assert_memory_equal(name, "y", 1);
	assert_int_equal(desc, 0);
	assert_int_equal(rank_rule_next(&p, &name, &n, &desc), 0);
	p = "";
	assert_int_equal(rank_rule_next(&p, &name, &n, &desc), 0);
	buf_free(&b);
}

/* The fields luong-rank writes: score fields after their target, then
 * met_count, rank and its rule; those the input has keep their place. */
static void
test_fields(void **state)
{
	static char *h1[] = { "district", "vocational", "vocational_target",
	    "counsellor", "counsellor_target", "x_target" };
	static char *h2[] = { "rank_rule", "vocational_met", "vocational",
	    "vocational_target", "met_count", "rank" };
	static char *h3[] = { "district", "score" };
	static const char *const want1[] = { "district", "vocational",
	    "vocational_target", "vocational_gap", "vocational_met",
	    "counsellor", "counsellor_target", "counsellor_gap",
	    "counsellor_met", "x_target", "met_count", "rank", "rank_rule" };
	static const size_t vi1[] = { 0, 1, 2, 6, 7, 3, 4, 8, 9, 5, 10,
	    RANK_NONE, RANK_NONE };
	struct rank_fields f;
	size_t i;

	(void)state;
	assert_int_equal(rank_fields_plan(&f, h1, 6, "rank", "rank_rule"), 0);
	assert_int_equal(f.nind, 2);
	assert_int_equal(f.nv, 6 + 4 + 1);
	assert_int_equal(f.ncol, 13);
	for (i = 0; i < f.ncol; i++) {
		assert_string_equal(f.col[i].name, want1[i]);
		assert_int_equal(f.col[i].vi, vi1[i]);
	}
	assert_int_equal(f.col[11].rank, 1);
	assert_int_equal(f.col[12].rule, 1);
	assert_int_equal(rank_fields_find(&f, "met_count"), 10);
	assert_int_equal(rank_fields_find(&f, "counsellor_gap"), 8);
	assert_int_equal(rank_fields_find(&f, "rank"), RANK_NONE);
	assert_int_equal(rank_fields_find(&f, "rank_rule"), RANK_NONE);
	assert_int_equal(rank_fields_find(&f, "x"), RANK_NONE);
	rank_fields_free(&f);

	/* Already there: in place, nothing added but the gap. */
	assert_int_equal(rank_fields_plan(&f, h2, 6, "rank", "rank_rule"), 0);
	assert_int_equal(f.ncol, 7);
	assert_string_equal(f.col[0].name, "rank_rule");
	assert_int_equal(f.col[0].rule, 1);
	assert_int_equal(f.col[1].vi, 6 + 1);
	assert_string_equal(f.col[4].name, "vocational_gap");
	assert_int_equal(f.col[5].vi, 6 + 2);
	assert_int_equal(f.col[6].rank, 1);
	/* The input's rank may be a key (its old values); its rule not. */
	assert_int_equal(rank_fields_find(&f, "rank"), 5);
	assert_int_equal(rank_fields_find(&f, "rank_rule"), RANK_NONE);
	rank_fields_free(&f);

	/* No indicator: no met_count, which is then just a name. */
	assert_int_equal(rank_fields_plan(&f, h3, 2, "met_count",
	    "met_count_rule"), 0);
	assert_int_equal(f.ncol, 4);
	assert_int_equal(f.nv, 3);
	rank_fields_free(&f);
	assert_int_equal(rank_fields_plan(&f, h1, 6, "met_count", "r"), -1);
	rank_fields_free(&f);
	assert_int_equal(rank_fields_plan(&f, h1, 6, "counsellor_met", "r"),
	    -1);
	rank_fields_free(&f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ties),
		cmocka_unit_test(test_score),
		cmocka_unit_test(test_row),
		cmocka_unit_test(test_rules),
		cmocka_unit_test(test_partitions),
		cmocka_unit_test(test_unranked),
		cmocka_unit_test(test_total_order),
		cmocka_unit_test(test_sort),
		cmocka_unit_test(test_rule),
		cmocka_unit_test(test_fields),
	};

	diag_init("test_rank");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
