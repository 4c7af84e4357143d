/* Unit tests for aggrow: unique output names, the header and the sums in
 * the final and partial forms, and partial rows read back: the header
 * check, the sums merged, every error. */
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
#include "aggrow.h"
#include "buf.h"
#include "rec.h"

/* inds parses n "name=expr" into new indicators, unbound. */
static struct agg_ind *
inds(const char **src, size_t n)
{
	struct agg_ind *v = calloc(n, sizeof *v);
	struct agg_err e;
	size_t i;

	for (i = 0; i < n; i++)
		assert_int_equal(agg_parse(&v[i], src[i], 1, &e), 0);
	return v;
}

static void
inds_free(struct agg_ind *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		agg_ind_clear(&v[i]);
	free(v);
}

static void
test_check_names(void **state)
{
	const char *src[2] = { "v=count()/count()", "district=count()/count()" };
	const char *rows[1] = { "_rows=count()/count()" };
	char *g[3] = { "level", "district", "level" };
	char *gnum[1] = { "v_num" };
	struct agg_ind *ind = inds(src, 2), *r = inds(rows, 1);
	struct buf name = { 0 };
	size_t which = 99;

	(void)state;
	assert_int_equal(aggrow_check_names(g, 1, ind, 1, 0, 0, &which,
	    &name), AGGROW_OK);
	assert_int_equal(aggrow_check_names(g, 1, ind, 2, 1, 1, &which,
	    &name), AGGROW_OK);
	assert_int_equal(name.len, 0);

	/* A group field named twice. */
	assert_int_equal(aggrow_check_names(g, 3, ind, 1, 0, 0, &which,
	    &name), AGGROW_DUP_GROUP);
	assert_int_equal(which, 2);

	/* An indicator's field that is a group field: "district" in the
	 * final form only (the partial form says district_miss). */
	assert_int_equal(aggrow_check_names(g, 2, ind, 2, 0, 0, &which,
	    &name), AGGROW_DUP_FIELD);
	assert_int_equal(which, 1);
	assert_string_equal(name.p, "district");
	buf_reset(&name);
	assert_int_equal(aggrow_check_names(g, 2, ind, 2, 1, 1, &which,
	    &name), AGGROW_OK);
	assert_int_equal(aggrow_check_names(gnum, 1, ind, 1, 1, 1, &which,
	    &name), AGGROW_DUP_FIELD);
	assert_int_equal(which, 0);
	assert_string_equal(name.p, "v_num");
	buf_reset(&name);

	/* _rows is taken when the rows are: by an indicator named _rows in
	 * the final form of a merge. */
	assert_int_equal(aggrow_check_names(g, 1, r, 1, 0, 0, &which,
	    &name), AGGROW_OK);
	assert_int_equal(aggrow_check_names(g, 1, r, 1, 0, 1, &which,
	    &name), AGGROW_DUP_FIELD);
	assert_string_equal(name.p, "_rows");
	buf_free(&name);
	inds_free(ind, 2);
	inds_free(r, 1);
}

/* Rows for the writer tests: two groups, two indicators, over "g x". */
struct fixture {
	struct agg_ind		*ind;
	struct agg_groups	*t;
	int			 partial;
	int			 rc;
	size_t			 bad;
};

static void
put_rows(struct rec_writer *w, struct fixture *fx)
{
	char *g[1] = { "g" };
	size_t i;

	aggrow_header(w, g, 1, fx->ind, 2, fx->partial);
	for (i = 0; i < agg_groups_count(fx->t); i++) {
		rec_puts(w, agg_groups_key(fx->t, i));
		fx->rc = aggrow_sums(w, fx->t, i, 2, fx->partial, &fx->bad);
		if (fx->rc < 0)
			break;
	}
}

static char *
written(struct fixture *fx)
{
	FILE *fp = tmpfile();
	struct rec_writer *w;
	char *s = calloc(1, 4096);
	size_t n;

	assert_non_null(fp);
	w = rec_writer_new(fileno(fp), "test");
	put_rows(w, fx);
	rec_writer_free(w);
	rewind(fp);
	n = fread(s, 1, 4095, fp);
	s[n] = '\0';
	fclose(fp);
	return s;
}

static void
fill(struct fixture *fx, const char *const *row, size_t nrow)
{
	char *names[2] = { "g", "x" };
	const struct agg_term *bad;
	size_t i, k, g, len[2];
	char *f[2];
	int badf;

	for (k = 0; k < 2; k++)
		assert_int_equal(agg_bind(&fx->ind[k], names, 2, &bad), 0);
	for (i = 0; i < nrow; i++) {
		f[0] = (char *)row[2 * i];
		f[1] = (char *)row[2 * i + 1];
		len[0] = strlen(f[0]);
		len[1] = strlen(f[1]);
		g = agg_groups_add(fx->t, f[0], len[0]);
		(*agg_groups_rows(fx->t, g))++;
		for (k = 0; k < 2; k++)
			agg_add(&fx->ind[k], f, len,
			    &agg_groups_acc(fx->t, g)[k], &badf);
	}
}

static void
test_write(void **state)
{
	const char *src[2] = { "n=count()/count()", "v=sum(x)/count()" };
	static const char *const row[] = {
		"a", "0.1", "b", "1", "a", "0.2", "a", "",
	};
	struct fixture fx = { inds(src, 2), agg_groups_new(2), 0, 0, 0 };
	char *s;

	(void)state;
	fill(&fx, row, 4);
	s = written(&fx);
	assert_string_equal(s,
	    "g\tn_num\tn_den\tn\tv_num\tv_den\tv\n"
	    "a\t3\t3\t100.00\t0.3\t2\t15.00\n"
	    "b\t1\t1\t100.00\t1\t1\t100.00\n");
	free(s);
	fx.partial = 1;
	s = written(&fx);
	assert_string_equal(s,
	    "g\t_rows\tn_num\tn_den\tn_miss\tv_num\tv_den\tv_miss\n"
	    "a\t3\t3\t3\t0\t0.3\t2\t1\n"
	    "b\t1\t1\t1\t0\t1\t1\t0\n");
	free(s);
	agg_groups_free(fx.t);
	inds_free(fx.ind, 2);
}

static void
test_write_too_large(void **state)
{
	/* 10^37 / 1: the rate, 10^39, does not fit. */
	const char *src[2] = { "n=count()/count()", "v=sum(x)/count()" };
	char big[40];
	const char *row[2] = { "a", big };
	struct fixture fx = { inds(src, 2), agg_groups_new(2), 0, 0, 0 };
	char *s;

	(void)state;
	memset(big, '0', 38);
	big[0] = '1';
	big[38] = '\0';
	fill(&fx, row, 1);
	s = written(&fx);
	assert_int_equal(fx.rc, -1);
	assert_int_equal(fx.bad, 1);
	free(s);
	/* The partial form has no rate: it writes. */
	fx.partial = 1;
	s = written(&fx);
	assert_int_equal(fx.rc, 0);
	free(s);
	agg_groups_free(fx.t);
	inds_free(fx.ind, 2);
}

static void
test_partial_check(void **state)
{
	const char *src[2] = { "n=count()/count()", "v=sum(x)/count()" };
	struct agg_ind *ind = inds(src, 2);
	char *g[2] = { "level", "district" };
	char *ok[9] = { "level", "district", "_rows", "n_num", "n_den",
	    "n_miss", "v_num", "v_den", "v_miss" };
	char *more[10] = { "level", "district", "_rows", "n_num", "n_den",
	    "n_miss", "v_num", "v_den", "v_miss", "extra" };
	struct buf err = { 0 };

	(void)state;
	assert_int_equal(aggrow_partial_check(ok, 9, g, 2, ind, 2, &err), 0);
	assert_null(err.p);
	/* One indicator fewer: v_num is not expected... */
	assert_int_equal(aggrow_partial_check(ok, 9, g, 2, ind, 1, &err), -1);
	assert_string_equal(err.p, "9 fields, expected 6");
	buf_reset(&err);
	/* ... one more: the header is short. */
	assert_int_equal(aggrow_partial_check(ok, 6, g, 2, ind, 2, &err), -1);
	assert_string_equal(err.p, "field 7 is \"\", expected \"v_num\"");
	buf_reset(&err);
	assert_int_equal(aggrow_partial_check(more, 10, g, 2, ind, 2, &err),
	    -1);
	assert_string_equal(err.p, "10 fields, expected 9");
	buf_reset(&err);
	/* Another group field, another indicator's name. */
	assert_int_equal(aggrow_partial_check(ok, 9, g + 1, 1, ind, 2, &err),
	    -1);
	assert_string_equal(err.p, "field 1 is \"level\", expected "
	    "\"district\"");
	buf_reset(&err);
	ok[7] = "w_den";
	assert_int_equal(aggrow_partial_check(ok, 9, g, 2, ind, 2, &err), -1);
	assert_string_equal(err.p, "field 8 is \"w_den\", expected \"v_den\"");
	buf_free(&err);
	inds_free(ind, 2);
}

/* reader makes a rec_reader that holds one row of the header
 * "g _rows n_num n_den n_miss v_num v_den v_miss". */
static void
reader(struct rec_reader *r, char **f, size_t *len)
{
	static char *names[8] = { "g", "_rows", "n_num", "n_den", "n_miss",
	    "v_num", "v_den", "v_miss" };
	size_t i;

	memset(r, 0, sizeof *r);
	r->nf = 8;
	r->name = names;
	r->f = f;
	r->len = len;
	for (i = 0; i < 8; i++)
		len[i] = strlen(f[i]);
}

static int
add(struct agg_groups *t, const struct agg_ind *ind, int strict,
    const char *line, struct buf *err)
{
	char *copy = strdup(line), *f[8], *p = copy;
	size_t len[8], i;
	struct rec_reader r;
	struct buf key = { 0 };
	unsigned long long rows = 0;
	int rc;

	for (i = 0; i < 8; i++)
		f[i] = strsep(&p, " ");
	reader(&r, f, len);
	buf_reset(err);
	rc = aggrow_partial_add(t, &r, 1, ind, 2, strict, &key, NULL, &rows,
	    err);
	free(copy);
	buf_free(&key);
	if (rc != 0)
		return -1;
	return rows > INT_MAX ? INT_MAX : (int)rows;
}

static void
test_partial_add(void **state)
{
	const char *src[2] = { "n=count()/count()", "v=sum(x)/count()" };
	struct agg_ind *ind = inds(src, 2);
	struct agg_groups *t = agg_groups_new(2);
	struct buf err = { 0 }, b = { 0 };
	char big[80];

	(void)state;
	assert_int_equal(add(t, ind, 0, "a 3 3 3 0 0.3 2 1", &err), 3);
	assert_int_equal(add(t, ind, 0, "b 1 1 1 0 1 1 0", &err), 1);
	assert_int_equal(add(t, ind, 0, "a 2 2 2 0 0.25 2 0", &err), 2);
	assert_int_equal(agg_groups_count(t), 2);
	assert_string_equal(agg_groups_key(t, 0), "a");
	assert_int_equal(*agg_groups_rows(t, 0), 5);
	assert_int_equal(agg_fields_values(&b, &agg_groups_acc(t, 0)[1], 1),
	    0);
	assert_string_equal(b.p, "0.55\t4\t1");
	buf_reset(&b);
	assert_int_equal(agg_fields_values(&b, &agg_groups_acc(t, 0)[0], 1),
	    0);
	assert_string_equal(b.p, "5\t5\t0");

	/* A left-out row is an error only with strict. */
	assert_int_equal(add(t, ind, 1, "c 1 1 1 0 0 0 1", &err), -1);
	assert_string_equal(err.p, "v: 1 row left out here (--strict)");
	assert_int_equal(add(t, ind, 1, "c 2 2 2 2 0 0 0", &err), -1);
	assert_string_equal(err.p, "n: 2 rows left out here (--strict)");
	assert_int_equal(add(t, ind, 0, "c 2 2 2 2 0 0 0", &err), 2);

	/* Fields that are not counts or numbers. */
	assert_int_equal(add(t, ind, 0, "a x 3 3 0 0.3 2 1", &err), -1);
	assert_string_equal(err.p, "field \"_rows\": \"x\" is not a count");
	assert_int_equal(add(t, ind, 0, "a -1 3 3 0 0.3 2 1", &err), -1);
	assert_string_equal(err.p, "field \"_rows\": \"-1\" is not a count");
	assert_int_equal(add(t, ind, 0, "a 1 3 3 0 0,3 2 1", &err), -1);
	assert_string_equal(err.p, "field \"v_num\": \"0,3\" is not a number");
	assert_int_equal(add(t, ind, 0, "a 1 x 3 0 0.3 2 1", &err), -1);
	assert_string_equal(err.p, "field \"n_num\": \"x\" is not a number");
	assert_int_equal(add(t, ind, 0, "a 1 3 3 0 0.3 2 1.5", &err), -1);
	assert_string_equal(err.p, "field \"v_miss\": \"1.5\" is not a count");

	/* A sum that overflows: 2^127 - 1 twice. */
	snprintf(big, sizeof big, "d 1 1 1 0 %s 1 0",
	    "170141183460469231731687303715884105727");
	assert_int_equal(add(t, ind, 0, big, &err), 1);
	assert_int_equal(add(t, ind, 0, big, &err), -1);
	assert_string_equal(err.p, "v: the sum overflows");

	/* A row count that overflows: 2^64 - 1 and 1. */
	assert_int_equal(add(t, ind, 0, "e 18446744073709551615 0 0 0 0 0 0",
	    &err), INT_MAX);
	assert_int_equal(*agg_groups_rows(t, 4), ULLONG_MAX);
	assert_int_equal(add(t, ind, 0, "e 1 1 1 0 1 1 0", &err), -1);
	assert_string_equal(err.p, "field \"_rows\": the sum overflows");
	assert_int_equal(*agg_groups_rows(t, 4), ULLONG_MAX);

	/* More rows left out than read. */
	assert_int_equal(add(t, ind, 0, "f 1 1 1 0 1 1 2", &err), -1);
	assert_string_equal(err.p, "field \"v_miss\": 2 rows left out of 1 "
	    "read");

	buf_free(&b);
	buf_free(&err);
	agg_groups_free(t);
	inds_free(ind, 2);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_check_names),
		cmocka_unit_test(test_write),
		cmocka_unit_test(test_write_too_large),
		cmocka_unit_test(test_partial_check),
		cmocka_unit_test(test_partial_add),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
