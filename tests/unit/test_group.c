/* Unit tests for group: keys and their parts, writing a key, the output
 * order (first appearance, a gazetteer's), and the total rows. */
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "agg.h"
#include "buf.h"
#include "gaz.h"
#include "group.h"
#include "rec.h"

/* written runs put on a rec_writer and returns what it wrote, owned. */
static char *
written(void (*put)(struct rec_writer *, void *), void *arg)
{
	FILE *fp = tmpfile();
	struct rec_writer *w;
	char *s = calloc(1, 4096);
	size_t n;

	assert_non_null(fp);
	w = rec_writer_new(fileno(fp), "test");
	put(w, arg);
	rec_writer_free(w);
	rewind(fp);
	n = fread(s, 1, 4095, fp);
	s[n] = '\0';
	fclose(fp);
	return s;
}

static void
test_key(void **state)
{
	char *f[3] = { "THCS", "Tân\tAn", "794" };
	size_t len[3] = { 4, 7, 3 }, n;
	int gi[2] = { 2, 1 };
	struct buf key = { 0 };
	const char *p;

	(void)state;
	group_key(&key, f, len, gi, 2);
	/* In stream form: the TAB inside a value is escaped. */
	assert_string_equal(key.p, "794\tTân\\tAn");
	p = group_key_part(key.p, 0, &n);
	assert_int_equal(n, 3);
	assert_memory_equal(p, "794", 3);
	p = group_key_part(key.p, 1, &n);
	assert_int_equal(n, 8);
	assert_memory_equal(p, "Tân\\tAn", 8);

	/* gi NULL: the first ng fields. */
	group_key(&key, f, len, NULL, 3);
	assert_string_equal(key.p, "THCS\tTân\\tAn\t794");
	p = group_key_part(key.p, 2, &n);
	assert_int_equal(n, 3);
	assert_memory_equal(p, "794", 3);

	/* Empty values: a key of one empty value still has a buffer, and
	 * empty parts are parts. */
	f[0] = "";
	len[0] = 0;
	buf_free(&key);
	group_key(&key, f, len, NULL, 1);
	assert_non_null(key.p);
	assert_int_equal(key.len, 0);
	group_key(&key, (char *[]){ "", "", "x" }, (size_t[]){ 0, 0, 1 }, NULL,
	    3);
	assert_string_equal(key.p, "\t\tx");
	group_key_part(key.p, 0, &n);
	assert_int_equal(n, 0);
	group_key_part(key.p, 1, &n);
	assert_int_equal(n, 0);
	p = group_key_part(key.p, 2, &n);
	assert_int_equal(n, 1);
	assert_memory_equal(p, "x", 1);
	buf_free(&key);
}

static void
put_plain(struct rec_writer *w, void *arg)
{
	group_put_key(w, arg, 3, NULL);
	rec_endrow(w);
}

static void
put_valued(struct rec_writer *w, void *arg)
{
	const char *value[3] = { NULL, "Tổng\tcộng", "80" };

	group_put_key(w, arg, 3, value);
	rec_endrow(w);
}

static void
test_put_key(void **state)
{
	char key[] = "THCS\tTân\\tAn\t794", *s;

	(void)state;
	/* Parts go out as they are: they are in stream form already. */
	s = written(put_plain, key);
	assert_string_equal(s, "THCS\tTân\\tAn\t794\n");
	free(s);
	/* A given value is text, escaped. */
	s = written(put_valued, key);
	assert_string_equal(s, "THCS\tTổng\\tcộng\t80\n");
	free(s);
}

/* ind_new parses "name=expr" into a new indicator bound to names. */
static struct agg_ind *
ind_new(const char *src, char **names, size_t nf)
{
	struct agg_ind *ind = calloc(1, sizeof *ind);
	const struct agg_term *bad;
	struct agg_err e;

	assert_int_equal(agg_parse(ind, src, 1, &e), 0);
	assert_int_equal(agg_bind(ind, names, nf, &bad), 0);
	return ind;
}

/* add_row adds a row of (key fields..., x) to t: the group of its first
 * ng fields, one row, indicator ind over all fields. */
static int
add_row(struct agg_groups *t, const struct agg_ind *ind, size_t ng,
    char **f, size_t nf)
{
	struct buf key = { 0 };
	size_t len[8], i, g;
	int badf, rc;

	for (i = 0; i < nf; i++)
		len[i] = strlen(f[i]);
	group_key(&key, f, len, NULL, ng);
	g = agg_groups_add(t, key.p, key.len);
	agg_groups_counts(t, g)->rows++;
	rc = agg_add(ind, f, len, agg_groups_acc(t, g), &badf);
	buf_free(&key);
	return rc;
}

/* sums returns group g's fields in the final form, owned. */
static char *
sums(struct agg_groups *t, size_t g)
{
	struct buf b = { 0 };

	assert_int_equal(agg_fields_values(&b, agg_groups_acc(t, g), 0), 0);
	return b.p;
}

static void
unknown(void *arg, size_t j, const char *v, size_t n)
{
	struct buf *b = arg;

	buf_printf(b, "%zu:%.*s;", j, (int)n, v);
}

static void
test_order(void **state)
{
	/* Units in report order: Tân An 794, Đức Hòa 800, Bến Lức 803. */
	struct gaz_unit unit[3] = {
		{ .name = "Tân An", .code = "794", .order = 0 },
		{ .name = "Đức Hòa", .code = "800", .order = 1 },
		{ .name = "Bến Lức", .code = "803", .order = 2 },
	};
	struct gaz g = { .n = 3, .unit = unit };
	struct group_units *u = group_units_new(&g);
	struct agg_groups *t = agg_groups_new(0);
	struct buf told = { 0 };
	static const char *keys[] = {
		"THPT\tBến Lức", "THCS\tAtlantis", "THCS\t803", "THCS\tTân An",
		"THPT\tĐức Hòa", "THCS\t", "THCS\tAtlantis\\tx", "THPT\tTân An",
	};
	int ranked[2] = { 0, 1 };
	size_t *perm, i;

	(void)state;
	for (i = 0; i < sizeof keys / sizeof keys[0]; i++)
		agg_groups_add(t, keys[i], strlen(keys[i]));

	/* Without units: first appearance. */
	perm = group_order(t, 2, NULL, ranked, unknown, &told);
	for (i = 0; i < 8; i++)
		assert_int_equal(perm[i], i);
	assert_null(told.p);
	free(perm);

	/* The level by first appearance (THPT first), the district by the
	 * unit it names (by name or code, "803" is Bến Lức), values of no
	 * unit after every unit, in order of appearance, told once each. */
	perm = group_order(t, 2, u, ranked, unknown, &told);
	assert_int_equal(perm[0], 7);	/* THPT Tân An */
	assert_int_equal(perm[1], 4);	/* THPT Đức Hòa */
	assert_int_equal(perm[2], 0);	/* THPT Bến Lức */
	assert_int_equal(perm[3], 3);	/* THCS Tân An */
	assert_int_equal(perm[4], 2);	/* THCS 803 */
	assert_int_equal(perm[5], 1);	/* THCS Atlantis */
	assert_int_equal(perm[6], 5);	/* THCS "" */
	assert_int_equal(perm[7], 6);	/* THCS Atlantis\tx */
	assert_string_equal(told.p, "1:Atlantis;1:;1:Atlantis\\tx;");
	free(perm);

	/* Both parts ranked: the level is no unit, so first appearance
	 * among the unknown; nothing ranked: first appearance part by part,
	 * so groups of one level come together. */
	buf_reset(&told);
	ranked[0] = 1;
	perm = group_order(t, 2, u, ranked, NULL, NULL);
	assert_int_equal(perm[0], 7);
	free(perm);
	ranked[0] = ranked[1] = 0;
	perm = group_order(t, 2, u, ranked, unknown, &told);
	assert_int_equal(perm[0], 0);
	assert_int_equal(perm[1], 7);
	assert_int_equal(perm[2], 4);
	assert_int_equal(perm[3], 1);
	assert_int_equal(perm[7], 6);
	assert_int_equal(told.len, 0);
	free(perm);

	/* No groups. */
	agg_groups_free(t);
	t = agg_groups_new(0);
	perm = group_order(t, 2, u, ranked, unknown, &told);
	assert_non_null(perm);
	free(perm);

	buf_free(&told);
	agg_groups_free(t);
	group_units_free(u);
	group_units_free(NULL);
}

static void
test_order_first_unit(void **state)
{
	/* A value two units claim (a name that is another's code) ranks
	 * with the first. */
	struct gaz_unit unit[2] = {
		{ .name = "A", .code = "2", .order = 0 },
		{ .name = "2", .code = "1", .order = 1 },
	};
	struct gaz g = { .n = 2, .unit = unit };
	struct group_units *u = group_units_new(&g);
	struct agg_groups *t = agg_groups_new(0);
	int ranked[1] = { 1 };
	size_t *perm;

	(void)state;
	agg_groups_add(t, "1", 1);
	agg_groups_add(t, "2", 1);
	perm = group_order(t, 1, u, ranked, NULL, NULL);
	assert_int_equal(perm[0], 1);
	assert_int_equal(perm[1], 0);
	free(perm);
	agg_groups_free(t);
	group_units_free(u);
}

static void
test_totals(void **state)
{
	char *names[3] = { "level", "district", "x" };
	struct agg_ind *ind = ind_new("v=sum(x)/count()", names, 3);
	struct agg_groups *t = agg_groups_new(1);
	struct group_totals tot;
	const char *value[2] = { NULL, "ALL" }, *all[2] = { "", "ALL" };
	size_t perm[5] = { 0, 1, 2, 3, 4 }, bad[2];
	char *s;

	(void)state;
	add_row(t, ind, 2, (char *[]){ "THCS", "A", "1" }, 3);
	add_row(t, ind, 2, (char *[]){ "THPT", "A", "2.5" }, 3);
	add_row(t, ind, 2, (char *[]){ "THCS", "B", "3" }, 3);
	add_row(t, ind, 2, (char *[]){ "THCS", "A", "" }, 3);
	add_row(t, ind, 2, (char *[]){ "THPT", "B\tC", "4" }, 3);
	add_row(t, ind, 2, (char *[]){ "GDTX", "A", "10" }, 3);
	/* Coverage counts, as luong-rates --coverage keeps them: THCS A
	 * 2 of 3 expected reported, THCS B none of 1. */
	agg_groups_counts(t, 0)->expected = 3;
	agg_groups_counts(t, 0)->reported = 2;
	agg_groups_counts(t, 2)->expected = 1;

	/* Over the district: one total a level, levels in the order of
	 * perm, each with a group of its own for its level's value. */
	perm[0] = 1;
	perm[1] = 0;
	assert_int_equal(group_totals(&tot, t, 2, 1, perm, value, bad), 0);
	assert_int_equal(tot.n, 3);
	assert_int_equal(tot.rep[0], 1);	/* THPT A */
	assert_int_equal(tot.rep[1], 0);	/* THCS A */
	assert_int_equal(tot.rep[2], 4);	/* GDTX A */
	s = sums(tot.t, 0);
	assert_string_equal(s, "6.5\t2\t325.00");
	free(s);
	s = sums(tot.t, 1);
	assert_string_equal(s, "4\t2\t200.00");	/* the empty x left out */
	free(s);
	assert_int_equal(agg_groups_counts(tot.t, 1)->rows, 3);
	assert_int_equal(agg_groups_counts(tot.t, 1)->expected, 4);
	assert_int_equal(agg_groups_counts(tot.t, 1)->reported, 2);
	assert_int_equal(agg_groups_counts(tot.t, 0)->expected, 0);
	assert_int_equal(agg_groups_acc(tot.t, 1)[0].miss, 1);
	group_totals_free(&tot);

	/* Over every part: one total. */
	assert_int_equal(group_totals(&tot, t, 2, 1, perm, all, bad), 0);
	assert_int_equal(tot.n, 1);
	assert_int_equal(tot.rep[0], 1);
	s = sums(tot.t, 0);
	assert_string_equal(s, "20.5\t5\t410.00");
	free(s);
	assert_int_equal(agg_groups_counts(tot.t, 0)->rows, 6);
	group_totals_free(&tot);

	/* No part named: a total per group. */
	value[1] = NULL;
	assert_int_equal(group_totals(&tot, t, 2, 1, perm, value, bad), 0);
	assert_int_equal(tot.n, 5);
	group_totals_free(&tot);

	agg_groups_free(t);
	agg_ind_clear(ind);
	free(ind);
}

static void
test_totals_overflow(void **state)
{
	/* Two sums that fit, whose total does not (2^127 - 1, twice). */
	char *names[2] = { "g", "x" };
	char big[] = "170141183460469231731687303715884105727";
	struct agg_ind *ind[2];
	struct agg_groups *t = agg_groups_new(2);
	struct group_totals tot = { 0 };
	const char *value[1] = { "ALL" };
	size_t perm[2] = { 1, 0 }, len[2], g, k, bad[2] = { 99, 99 };
	char *f[2];
	int badf;

	(void)state;
	ind[0] = ind_new("n=count()/count()", names, 2);
	ind[1] = ind_new("v=sum(x)/count()", names, 2);
	for (g = 0; g < 2; g++) {
		f[0] = g == 0 ? "a" : "b";
		f[1] = big;
		len[0] = 1;
		len[1] = strlen(big);
		agg_groups_add(t, f[0], 1);
		for (k = 0; k < 2; k++)
			assert_int_equal(agg_add(ind[k], f, len,
			    &agg_groups_acc(t, g)[k], &badf), AGG_OK);
	}
	/* Taken in the order b, a: a's sums make the total overflow. */
	assert_int_equal(group_totals(&tot, t, 1, 2, perm, value, bad), -1);
	assert_int_equal(bad[0], 1);
	assert_int_equal(bad[1], 0);
	assert_null(tot.t);
	assert_null(tot.rep);
	group_totals_free(&tot);

	/* Row counts that fit, whose total does not: bad[0] is nind. */
	agg_groups_counts(t, 0)->rows = ULLONG_MAX;
	agg_groups_counts(t, 1)->rows = 1;
	memset(agg_groups_acc(t, 0), 0, 2 * sizeof(struct agg_acc));
	bad[0] = bad[1] = 99;
	assert_int_equal(group_totals(&tot, t, 1, 2, perm, value, bad), -1);
	assert_int_equal(bad[0], 2);
	assert_int_equal(bad[1], 0);
	assert_null(tot.t);
	group_totals_free(&tot);
	agg_groups_free(t);
	for (k = 0; k < 2; k++) {
		agg_ind_clear(ind[k]);
		free(ind[k]);
	}
}

/* group_key_row, which takes a plain row's fields as they are, against
 * group_key, which escapes the values the reader unescaped: the same
 * keys, for plain rows and rows with escapes, bare backslashes and CRs. */
static void
test_key_row(void **state)
{
	static const char *v[] = { "THCS", "Tân An", "794", "", "a\\tb",
	    "c\\\\d", "\\q", "e\rf", "x\\", "Đức Hòa" };
	FILE *fp = tmpfile();
	char path[64];
	char *paths[1] = { path };
	struct rec_reader *r;
	struct buf a = { 0 }, b = { 0 };
	int gi[3] = { 3, 0, 2 };
	static const int g123[] = { 1, 2, 3 }, g01[] = { 0, 1 }, g3[] = { 3 },
	    g12[] = { 1, 2 }, g0123[] = { 0, 1, 2, 3 };
	static const struct { const int *gi; size_t ng; } side[] = {
		{ g123, 3 }, { g01, 2 }, { g3, 1 }, { g12, 2 }, { g0123, 4 },
		{ NULL, 4 }, { NULL, 1 }, { g3, 0 }, { NULL, 0 }
	};
	struct agg_groups *t[2][sizeof side / sizeof side[0]];
	char *was[4];
	size_t i, j, k, g, rows = 0, plain = 0;

	(void)state;
	assert_non_null(fp);
	fputs("a\tb\tc\td\n", fp);
	/* Every third row plain: v[0..4) and v[9] need no escape. */
	for (i = 0; i < 400; i++)
		for (j = 0; j < 4; j++)
			fprintf(fp, "%s%s", i % 3 == 0 ? v[(i + j) % 4] :
			    v[(i * 7 + j * j * 3 + i / 10) % (sizeof v /
			    sizeof v[0])], j < 3 ? "\t" : "\n");
	fflush(fp);
	snprintf(path, sizeof path, "/dev/fd/%d", fileno(fp));
	for (k = 0; k < sizeof side / sizeof side[0]; k++) {
		t[0][k] = agg_groups_new(1);
		t[1][k] = agg_groups_new(1);
	}
	r = rec_reader_open(1, paths);
	while (rec_next(r)) {
		rows++;
		plain += r->plain != 0;
		group_key(&a, r->f, r->len, gi, 3);
		group_key_row(&b, r, gi, 3);
		assert_int_equal(a.len, b.len);
		assert_memory_equal(a.p, b.p, a.len);
		group_key(&a, r->f, r->len, NULL, 2);
		group_key_row(&b, r, NULL, 2);
		assert_int_equal(a.len, b.len);
		assert_memory_equal(a.p, b.p, a.len);
		/* Fields side by side: one piece of the line. */
		for (k = 0; k < sizeof side / sizeof side[0]; k++) {
			group_key(&a, r->f, r->len, side[k].gi, side[k].ng);
			group_key_row(&b, r, side[k].gi, side[k].ng);
			assert_int_equal(a.len, b.len);
			assert_non_null(b.p);
			assert_memory_equal(a.p, b.p, a.len + 1);
			/* group_add_row: the group agg_groups_add gives
			 * the key, and the row as it was. */
			for (j = 0; j < 4; j++)
				was[j] = strdup(r->f[j]);
			g = agg_groups_add(t[0][k], a.p, a.len);
			assert_int_equal(group_add_row(t[1][k], &b, r,
			    side[k].gi, side[k].ng), g);
			assert_string_equal(agg_groups_key(t[1][k], g),
			    agg_groups_key(t[0][k], g));
			for (j = 0; j < 4; j++) {
				assert_string_equal(r->f[j], was[j]);
				assert_int_equal(r->len[j], strlen(was[j]));
				free(was[j]);
			}
		}
	}
	for (k = 0; k < sizeof side / sizeof side[0]; k++) {
		assert_int_equal(agg_groups_count(t[0][k]),
		    agg_groups_count(t[1][k]));
		agg_groups_free(t[0][k]);
		agg_groups_free(t[1][k]);
	}
	assert_int_equal(rows, 400);
	assert_true(plain > 0 && plain < rows);
	rec_reader_free(r);
	fclose(fp);
	buf_free(&a);
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_key),
		cmocka_unit_test(test_key_row),
		cmocka_unit_test(test_put_key),
		cmocka_unit_test(test_order),
		cmocka_unit_test(test_order_first_unit),
		cmocka_unit_test(test_totals),
		cmocka_unit_test(test_totals_overflow),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
