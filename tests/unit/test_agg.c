/* Unit tests for agg: the expression parser and its error positions, row
 * evaluation with missing values, partial sums, a group's counts (rows and
 * coverage), and the indicators file.
 * The exact decimals under the sums are dec's (test_dec.c). */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agg.h"
#include "hash.h"
#include "unit.h"

#define I128_MAX	((__int128)(((unsigned __int128)1 << 127) - 1))

struct perr {
	const char *src;
	int with_name;
	size_t pos;
	const char *msg;
};

static void
test_parse_errors(void **state)
{
	static const struct perr cases[] = {
		{ "", 0, 0, "expected sum(), count() or count_if(), found the end" },
		{ "sum(a)", 0, 6, "expected \"/\" between numerator and denominator, found the end" },
		{ "sum(a) / ", 0, 9, "expected sum(), count() or count_if(), found the end" },
		{ "avg(a) / count()", 0, 0, "unknown function \"avg\": expected sum, count or count_if" },
		{ "sum a / count()", 0, 4, "expected \"(\" after sum, found \"a\"" },
		{ "sum() / count()", 0, 4, "expected a field name in sum(), found \")\"" },
		{ "sum(a / count()", 0, 6, "expected \")\", found \"/\"" },
		{ "sum(a b) / count()", 0, 6, "expected \")\", found \"b\"" },
		{ "count_if(x=) / count()", 0, 11, "empty value in count_if()" },
		{ "count_if(x=a|) / count()", 0, 13, "empty value in count_if()" },
		{ "count_if(=a) / count()", 0, 9, "expected a field name in count_if(), found \"=\"" },
		{ "count() / count() x", 0, 18, "unexpected \"x\" after the denominator" },
		{ "count() / count() / count()", 0, 18, "unexpected \"/\" after the denominator" },
		{ "=count()/count()", 1, 0, "expected an indicator name (a letter or \"_\", then letters, digits, \"_\")" },
		{ "1x=count()/count()", 1, 0, "expected an indicator name (a letter or \"_\", then letters, digits, \"_\")" },
		{ "x count()/count()", 1, 2, "expected \"=\" after the indicator name, found \"c\"" },
		{ "tỷ_lệ=count()/count()", 1, 1, "expected \"=\" after the indicator name, found a non-ASCII character" },
		{ "x=count()/count(", 1, 16, "expected a field name in count(), found the end" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct agg_ind ind = { 0 };
		struct agg_err e = { 0, "" };

		assert_int_equal(agg_parse(&ind, cases[i].src,
		    cases[i].with_name, &e), -1);
		assert_string_equal(e.msg, cases[i].msg);
		assert_int_equal(e.pos, cases[i].pos);
		assert_null(ind.name);
		assert_null(ind.num.field);
	}
}

static void
test_parse(void **state)
{
	struct agg_ind ind = { 0 };
	struct agg_err e;

	(void)state;
	assert_int_equal(agg_parse(&ind, " rate = sum( vocational )/"
	    "sum(graduates) ", 1, &e), 0);
	assert_string_equal(ind.name, "rate");
	assert_int_equal(ind.num.op, AGG_SUM);
	assert_string_equal(ind.num.field, "vocational");
	assert_int_equal(ind.num.pos, 13);
	assert_string_equal(ind.den.field, "graduates");
	agg_ind_clear(&ind);

	assert_int_equal(agg_parse(&ind, "count_if(outcome = Học trung cấp | "
	    "Học sơ cấp) / count()", 0, &e), 0);
	assert_null(ind.name);
	assert_int_equal(ind.num.op, AGG_COUNT_IN);
	assert_int_equal(ind.num.nvals, 2);
	assert_string_equal(ind.num.vals[0], "Học trung cấp");
	assert_string_equal(ind.num.vals[1], "Học sơ cấp");
	assert_int_equal(ind.den.op, AGG_COUNT);
	assert_null(ind.den.field);
	agg_ind_clear(&ind);

	/* Values are NFC; backslash escapes "|", ")" and a kept space. */
	assert_int_equal(agg_parse(&ind, "count_if(x=Ho\xcc\x9b\xcc\x80|"
	    "a\\|b|c\\)|\\ ) / count(x)", 0, &e), 0);
	assert_int_equal(ind.num.nvals, 4);
	assert_string_equal(ind.num.vals[0], "Hờ");
	assert_string_equal(ind.num.vals[1], "a|b");
	assert_string_equal(ind.num.vals[2], "c)");
	assert_string_equal(ind.num.vals[3], " ");
	assert_int_equal(ind.den.op, AGG_COUNT_FIELD);
	agg_ind_clear(&ind);

	assert_int_equal(agg_parse(&ind, "count_if(has_programme)/count()",
	    0, &e), 0);
	assert_int_equal(ind.num.op, AGG_COUNT_TRUE);
	agg_ind_clear(&ind);

	/* A "/" inside a value is not the division. */
	assert_int_equal(agg_parse(&ind, "count_if(level=THCS/THPT)/count()",
	    0, &e), 0);
	assert_string_equal(ind.num.vals[0], "THCS/THPT");
	agg_ind_clear(&ind);

	assert_true(agg_valid_name("_a1"));
	assert_false(agg_valid_name("1a"));
	assert_false(agg_valid_name(""));
	assert_false(agg_valid_name("a-b"));
}

/* dec_str: d as dec_put writes it. */
static const char *
dec_str(struct buf *b, const struct dec *d)
{
	buf_reset(b);
	dec_put(b, d);
	return b->p;
}

/* agg_add's path for counts over counts (sums at scale 0) against its
 * general one, which a sum at scale 1 takes: every kind of count on
 * random rows (booleans good and bad, values in and out of the list,
 * missing ones) gives the same results, the same sums (as dec_put
 * writes them) and the same rows missing; and at the top of 128 bits,
 * the overflow, the sums left as they were. */
static void
test_add_counts(void **state)
{
	static const char *const srcs[] = {
		"count_if(outcome=Học trung cấp|Học sơ cấp)/count()",
		"count_if(flag)/count(outcome)", "count(flag)/count_if(flag)",
		"count()/count()", "count_if(outcome=x)/count_if(flag)",
		"count_if(flag)/sum(n)", "count()/count_if(outcome=zz)"
	};
	static const char *const vals[] = { "", "1", "0", "yes", "Học sơ cấp",
	    "Học trung cấp", "Học sơ cấ", "x", "2.5" };
	char *names[] = { "outcome", "flag", "n" };
	struct agg_ind ind;
	struct agg_acc fa, ga;
	const struct agg_term *bad;
	struct agg_err e;
	struct buf s = { 0 }, t = { 0 };
	char *f[3];
	size_t len[3], k, i, j;
	int rf, rg, bf, bg;

	(void)state;
	for (k = 0; k < sizeof srcs / sizeof srcs[0]; k++) {
		memset(&ind, 0, sizeof ind);
		assert_int_equal(agg_parse(&ind, srcs[k], 0, &e), 0);
		assert_int_equal(agg_bind(&ind, names, 3, &bad), 0);
		memset(&fa, 0, sizeof fa);
		memset(&ga, 0, sizeof ga);
		ga.num.scale = ga.den.scale = 1;
		for (i = 0; i < 3000; i++) {
			for (j = 0; j < 3; j++) {
				f[j] = (char *)vals[unit_rnd(sizeof vals /
				    sizeof vals[0])];
				if (j == 1 && unit_rnd(4) != 0)
					f[j] = unit_rnd(2) ? "1" : "0";
				if (j == 2 && unit_rnd(4) != 0)
					f[j] = "3";
				len[j] = strlen(f[j]);
			}
			bf = bg = 77;
			rf = agg_add(&ind, f, len, &fa, &bf);
			rg = agg_add(&ind, f, len, &ga, &bg);
			assert_int_equal(rf, rg);
			if (rf != AGG_OK)
				assert_int_equal(bf, bg);
			assert_string_equal(dec_str(&s, &fa.num),
			    dec_str(&t, &ga.num));
			assert_string_equal(dec_str(&s, &fa.den),
			    dec_str(&t, &ga.den));
			assert_int_equal(fa.miss, ga.miss);
		}
		/* At the top: an overflow, and nothing added. */
		f[0] = "x";
		f[1] = "1";
		f[2] = "3";
		for (j = 0; j < 3; j++)
			len[j] = strlen(f[j]);
		memset(&ga, 0, sizeof ga);
		assert_int_equal(agg_add(&ind, f, len, &ga, &bg), AGG_OK);
		fa.num.m = fa.den.m = I128_MAX;
		fa.num.scale = fa.den.scale = 0;
		rf = agg_add(&ind, f, len, &fa, &bf);
		/* Every one of these counts one at least. */
		assert_true(ga.num.m > 0 || ga.den.m > 0);
		assert_int_equal(rf, AGG_OVERFLOW);
		assert_int_equal(bf, -1);
		assert_true(fa.num.m == I128_MAX && fa.den.m == I128_MAX);
		agg_ind_clear(&ind);
	}
	buf_free(&s);
	buf_free(&t);
}

/* agg_groups_add, with its memo in front of the hash, against a hash
 * alone: the same group for every key, in order of first appearance,
 * over keys that share the memo's place (one length, the same bytes
 * where it looks) and keys that do not, in random order. */
static void
test_groups_memo(void **state)
{
	struct agg_groups *t = agg_groups_new(1);
	struct hash *ref = hash_new();
	char k[16];
	size_t i, n, g;

	(void)state;
	for (i = 0; i < 20000; i++) {
		if (unit_rnd(2)) {
			/* 7 bytes: 0, 3, 5 and 6 fixed. */
			memcpy(k, "T..n.An", 7);
			k[1] = (char)('a' + unit_rnd(3));
			k[2] = (char)('a' + unit_rnd(3));
			k[4] = (char)('a' + unit_rnd(3));
			n = 7;
		} else {
			n = unit_rnd(sizeof k);
			for (g = 0; g < n; g++)
				k[g] = (char)('a' + unit_rnd(2));
		}
		g = agg_groups_add(t, k, n);
		assert_int_equal(g, hash_add(ref, k, n, NULL));
		assert_memory_equal(agg_groups_key(t, g), k, n);
		assert_int_equal(agg_groups_key(t, g)[n], '\0');
	}
	assert_int_equal(agg_groups_count(t), hash_count(ref));
	agg_groups_free(t);
	hash_free(ref, NULL);
}

static void
test_add(void **state)
{
	char *names[] = { "district", "graduates", "vocational", "flag" };
	struct agg_ind v = { 0 }, c = { 0 }, b = { 0 };
	struct agg_acc av = { { 0, 0 }, { 0, 0 }, 0 }, ac = av, ab = av, m;
	const struct agg_term *bad;
	struct agg_err e;
	struct buf s = { 0 };
	int badf;
	char *r1[] = { "A", "10", "3", "1" }, *r2[] = { "A", "", "2", "0" },
	    *r3[] = { "A", "5", "x", "1" }, *r4[] = { "A", "4", "1", "yes" },
	    *r5[] = { "A", "2.5", "0.5", "" };
	size_t l1[] = { 1, 2, 1, 1 }, l2[] = { 1, 0, 1, 1 },
	    l3[] = { 1, 1, 1, 1 }, l4[] = { 1, 1, 1, 3 },
	    l5[] = { 1, 3, 3, 0 };

	(void)state;
	assert_int_equal(agg_parse(&v, "sum(vocational)/sum(graduates)", 0,
	    &e), 0);
	assert_int_equal(agg_parse(&c, "count(graduates)/count()", 0, &e), 0);
	assert_int_equal(agg_parse(&b, "count_if(flag)/count()", 0, &e), 0);
	assert_int_equal(agg_bind(&v, names, 4, &bad), 0);
	assert_int_equal(v.nneed, 2);
	assert_int_equal(agg_bind(&c, names, 4, &bad), 0);
	assert_int_equal(c.nneed, 0);
	assert_int_equal(agg_bind(&b, names, 4, &bad), 0);
	assert_int_equal(b.nneed, 1);

	assert_int_equal(agg_add(&v, r1, l1, &av, &badf), AGG_OK);
	assert_int_equal(agg_add(&c, r1, l1, &ac, &badf), AGG_OK);
	assert_int_equal(agg_add(&b, r1, l1, &ab, &badf), AGG_OK);
	/* Missing graduates: left out of v, numerator and denominator. */
	assert_int_equal(agg_add(&v, r2, l2, &av, &badf), AGG_MISSING);
	assert_int_equal(badf, 1);
	assert_int_equal(agg_add(&c, r2, l2, &ac, &badf), AGG_OK);
	assert_int_equal(agg_add(&b, r2, l2, &ab, &badf), AGG_OK);
	assert_int_equal(agg_add(&v, r3, l3, &av, &badf), AGG_BADNUM);
	assert_int_equal(badf, 2);
	assert_int_equal(agg_add(&b, r4, l4, &ab, &badf), AGG_BADBOOL);
	assert_int_equal(badf, 3);
	assert_int_equal(agg_add(&v, r5, l5, &av, &badf), AGG_OK);
	assert_int_equal(agg_add(&b, r5, l5, &ab, &badf), AGG_MISSING);
	assert_int_equal(agg_add(&c, r5, l5, &ac, &badf), AGG_OK);

	dec_put(&s, &av.num);
	buf_addc(&s, ' ');
	dec_put(&s, &av.den);
	unit_buf_is(&s, "3.5 12.5");
	assert_int_equal(av.miss, 1);
	buf_reset(&s);
	dec_put(&s, &ac.num);
	buf_addc(&s, ' ');
	dec_put(&s, &ac.den);
	unit_buf_is(&s, "2 3");
	assert_int_equal(ac.miss, 0);
	buf_reset(&s);
	dec_put(&s, &ab.num);
	buf_addc(&s, ' ');
	dec_put(&s, &ab.den);
	unit_buf_is(&s, "1 2");
	assert_int_equal(ab.miss, 1);

	m = av;
	assert_int_equal(agg_acc_merge(&m, &av), 0);
	buf_reset(&s);
	dec_put(&s, &m.num);
	buf_addc(&s, ' ');
	dec_put(&s, &m.den);
	unit_buf_is(&s, "7 25");
	assert_int_equal(m.miss, 2);

	/* Overflow: the accumulator is left as it was. */
	m.num.m = I128_MAX;
	m.num.scale = 0;
	assert_int_equal(agg_add(&v, r1, l1, &m, &badf), AGG_OVERFLOW);
	assert_true(m.num.m == I128_MAX);
	assert_int_equal(agg_acc_merge(&m, &av), -1);

	/* A field that is not in the header. */
	names[2] = "voc";
	assert_int_equal(agg_bind(&v, names, 4, &bad), -1);
	assert_ptr_equal(bad, &v.num);
	agg_ind_clear(&v);
	agg_ind_clear(&c);
	agg_ind_clear(&b);
	buf_free(&s);
}

static void
test_load(void **state)
{
	const char *path;
	struct agg_ind *v;
	size_t n;

	(void)state;
	path = unit_puts("indicators.yaml", "indicators:\n"
	    "  - name: a\n"
	    "    label: A\n"
	    "    school: count_if(x) / count()\n"
	    "  - name: b\n"
	    "    label: { THCS: B2, THPT: B3 }\n"
	    "    school: \"sum(y) / sum(z)\"\n"
	    "    student:\n"
	    "      THCS: count_if(o=p|q) / count()\n"
	    "      THPT: count_if(o=r) / count()\n");

	v = agg_load(path, NULL, &n);
	assert_int_equal(n, 2);
	assert_string_equal(v[0].name, "a");
	assert_string_equal(v[0].label, "A");
	assert_int_equal(v[0].line, 4);
	assert_int_equal(v[0].col, 13);
	assert_null(v[1].label);	/* per level only */
	assert_int_equal(v[1].col, 14);	/* after the quote */
	assert_string_equal(v[1].den.field, "z");
	agg_free(v, n);

	v = agg_load(path, "THPT", &n);
	assert_int_equal(n, 1);
	assert_string_equal(v[0].name, "b");
	assert_string_equal(v[0].label, "B3");
	assert_string_equal(v[0].num.vals[0], "r");
	assert_int_equal(v[0].line, 10);
	agg_free(v, n);
	agg_free(NULL, 0);
}

static void
test_groups(void **state)
{
	struct agg_groups *t = agg_groups_new(2);
	struct agg_acc a = { { 5, 1 }, { 2, 0 }, 3 }, p;
	struct buf b = { 0 };
	char *f[3];
	size_t len[3], g;
	int bad = -1;

	(void)state;
	assert_int_equal(agg_groups_add(t, "THCS\t794", 8), 0);
	assert_int_equal(agg_groups_add(t, "THPT\t794", 8), 1);
	assert_int_equal(agg_groups_add(t, "THCS\t794", 8), 0);
	assert_int_equal(agg_groups_count(t), 2);
	assert_string_equal(agg_groups_key(t, 1), "THPT\t794");
	/* New groups start at zero; many groups grow the table. */
	assert_int_equal(agg_groups_acc(t, 1)[1].miss, 0);
	assert_true(agg_groups_acc(t, 1)[0].num.m == 0);
	agg_groups_acc(t, 0)[1] = a;
	agg_groups_counts(t, 0)->rows += 7;
	for (g = 0; g < 1000; g++) {
		char k[16];

		snprintf(k, sizeof k, "g%zu", g);
		agg_groups_add(t, k, strlen(k));
	}
	assert_int_equal(agg_groups_count(t), 1002);
	assert_true(agg_groups_counts(t, 0)->rows == 7);
	assert_int_equal(agg_groups_acc(t, 0)[1].miss, 3);
	assert_int_equal(agg_groups_acc(t, 1001)[1].miss, 0);

	agg_fields_names(&b, "v", 0);
	unit_buf_is(&b, "v_num\tv_den\tv");
	buf_reset(&b);
	agg_fields_names(&b, "v", 1);
	unit_buf_is(&b, "v_num\tv_den\tv_miss");
	buf_reset(&b);
	assert_int_equal(agg_fields_values(&b, &a, 0), 0);
	unit_buf_is(&b, "0.5\t2\t25.00");
	buf_reset(&b);
	assert_int_equal(agg_fields_values(&b, &a, 1), 0);
	unit_buf_is(&b, "0.5\t2\t3");

	/* The partial form reads back to the same sums. */
	f[0] = b.p;
	f[1] = strchr(f[0], '\t');
	*f[1]++ = '\0';
	f[2] = strchr(f[1], '\t');
	*f[2]++ = '\0';
	for (g = 0; g < 3; g++)
		len[g] = strlen(f[g]);
	assert_int_equal(agg_fields_parse(f, len, &p, &bad), 0);
	assert_true(p.num.m == 5 && p.num.scale == 1 && p.den.m == 2 &&
	    p.miss == 3);
	f[1] = "x";
	len[1] = 1;
	assert_int_equal(agg_fields_parse(f, len, &p, &bad), -1);
	assert_int_equal(bad, 1);
	f[1] = "2";
	f[2] = "-1";
	len[2] = 2;
	assert_int_equal(agg_fields_parse(f, len, &p, &bad), -1);
	assert_int_equal(bad, 2);
	f[0] = "";
	len[0] = 0;
	assert_int_equal(agg_fields_parse(f, len, &p, &bad), -1);
	assert_int_equal(bad, 0);
	buf_free(&b);
	agg_groups_free(t);
	agg_groups_free(NULL);
}

static void
test_count_row(void **state)
{
	char *f[4] = { "a", "", "1", "0" };
	size_t len[4] = { 1, 0, 1, 1 };
	const int cov[2] = { 2, 3 };
	struct agg_counts n = { 0, 0, 0 };
	int badf = -1;

	(void)state;
	/* Without a coverage every row enters. */
	assert_int_equal(agg_count_row(NULL, f, len, &n, &badf), 1);
	assert_true(n.rows == 1 && n.expected == 0 && n.reported == 0);
	/* Expected, not reported: counted, does not enter. */
	assert_int_equal(agg_count_row(cov, f, len, &n, &badf), 0);
	assert_true(n.rows == 2 && n.expected == 1 && n.reported == 0);
	f[3] = "1";
	assert_int_equal(agg_count_row(cov, f, len, &n, &badf), 1);
	assert_true(n.rows == 3 && n.expected == 2 && n.reported == 1);
	/* Reported, not expected (a school not in the registry). */
	f[2] = "0";
	assert_int_equal(agg_count_row(cov, f, len, &n, &badf), 1);
	assert_true(n.rows == 4 && n.expected == 2 && n.reported == 1);
	/* Anything but 1 or 0, empty too, leaves the counts alone. */
	f[2] = "";
	len[2] = 0;
	assert_int_equal(agg_count_row(cov, f, len, &n, &badf), -1);
	assert_int_equal(badf, 2);
	f[2] = "1";
	len[2] = 1;
	f[3] = "x";
	assert_int_equal(agg_count_row(cov, f, len, &n, &badf), -1);
	assert_int_equal(badf, 3);
	f[3] = "10";
	len[3] = 2;
	assert_int_equal(agg_count_row(cov, f, len, &n, &badf), -1);
	assert_true(n.rows == 4 && n.expected == 2 && n.reported == 1);
}

static void
test_counts_merge(void **state)
{
	struct agg_counts a = { 5, 4, 2 }, b = { 3, 3, 3 },
	    big = { ULLONG_MAX, 0, 0 };

	(void)state;
	assert_int_equal(agg_counts_merge(&a, &b), 0);
	assert_true(a.rows == 8 && a.expected == 7 && a.reported == 5);
	/* Overflow leaves dst as it was. */
	assert_int_equal(agg_counts_merge(&a, &big), -1);
	assert_true(a.rows == 8 && a.expected == 7 && a.reported == 5);
	big.rows = 0;
	big.reported = ULLONG_MAX;
	assert_int_equal(agg_counts_merge(&a, &big), -1);
	assert_true(a.rows == 8 && a.expected == 7 && a.reported == 5);

	assert_int_equal(agg_parse_bool("1", 1), 1);
	assert_int_equal(agg_parse_bool("0", 1), 0);
	assert_int_equal(agg_parse_bool("", 0), -1);
	assert_int_equal(agg_parse_bool("01", 2), -1);
	assert_int_equal(agg_parse_bool("x", 1), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_errors),
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_add),
		cmocka_unit_test(test_add_counts),
		cmocka_unit_test(test_groups_memo),
		cmocka_unit_test(test_groups),
		cmocka_unit_test(test_count_row),
		cmocka_unit_test(test_counts_merge),
		cmocka_unit_test(test_load),
	};

	return cmocka_run_group_tests(tests, unit_tmpdir_setup,
	    unit_tmpdir_teardown);
}
