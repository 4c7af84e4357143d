/* Unit tests for aggrow: unique output names, the header and the sums in
 * the final and partial forms, with and without a coverage, and partial
 * rows read back: the header check, the sums merged, every error. */
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

/* form fills *fm and returns it. */
static const struct aggrow_form *
form(struct aggrow_form *fm, char *const *g, size_t ng, const char *cov,
    const struct agg_ind *ind, size_t nind)
{
	fm->gname = g;
	fm->ng = ng;
	fm->cov = cov;
	fm->ind = ind;
	fm->nind = nind;
	return fm;
}

/* names is aggrow_check_names on a form made of the rest. */
static int
names(char *const *g, size_t ng, const char *cov, const struct agg_ind *ind,
    size_t nind, int partial, int rows, size_t *which, struct buf *name)
{
	struct aggrow_form fm;

	return aggrow_check_names(form(&fm, g, ng, cov, ind, nind), partial,
	    rows, which, name);
}

static void
test_check_names(void **state)
{
	const char *src[2] = { "v=count()/count()", "district=count()/count()" };
	const char *rows[1] = { "_rows=count()/count()" };
	const char *exp[1] = { "s_expected=count()/count()" };
	char *g[3] = { "level", "district", "level" };
	char *gnum[1] = { "v_num" };
	char *grep[2] = { "level", "s_reported" };
	struct agg_ind *ind = inds(src, 2), *r = inds(rows, 1),
	    *e = inds(exp, 1);
	struct buf name = { 0 };
	size_t which = 99;

	(void)state;
	assert_int_equal(names(g, 1, NULL, ind, 1, 0, 0, &which, &name),
	    AGGROW_OK);
	assert_int_equal(names(g, 1, NULL, ind, 2, 1, 1, &which, &name),
	    AGGROW_OK);
	assert_int_equal(names(g, 1, "s", ind, 2, 1, 1, &which, &name),
	    AGGROW_OK);
	assert_int_equal(name.len, 0);

	/* A group field named twice. */
	assert_int_equal(names(g, 3, NULL, ind, 1, 0, 0, &which, &name),
	    AGGROW_DUP_GROUP);
	assert_int_equal(which, 2);

	/* An indicator's field that is a group field: "district" in the
	 * final form only (the partial form says district_miss). */
	assert_int_equal(names(g, 2, NULL, ind, 2, 0, 0, &which, &name),
	    AGGROW_DUP_FIELD);
	assert_int_equal(which, 1);
	assert_string_equal(name.p, "district");
	buf_reset(&name);
	assert_int_equal(names(g, 2, NULL, ind, 2, 1, 1, &which, &name),
	    AGGROW_OK);
	assert_int_equal(names(gnum, 1, NULL, ind, 1, 1, 1, &which, &name),
	    AGGROW_DUP_FIELD);
	assert_int_equal(which, 0);
	assert_string_equal(name.p, "v_num");
	buf_reset(&name);

	/* _rows is taken when the rows are: by an indicator named _rows in
	 * the final form of a merge. */
	assert_int_equal(names(g, 1, NULL, r, 1, 0, 0, &which, &name),
	    AGGROW_OK);
	assert_int_equal(names(g, 1, NULL, r, 1, 0, 1, &which, &name),
	    AGGROW_DUP_FIELD);
	assert_string_equal(name.p, "_rows");
	buf_reset(&name);

	/* The coverage's fields: one that is a group field, one that an
	 * indicator makes too (its rate, in the final form only). */
	assert_int_equal(names(grep, 2, "s", ind, 1, 0, 0, &which, &name),
	    AGGROW_DUP_COVERAGE);
	assert_int_equal(which, 1);
	assert_string_equal(name.p, "s_reported");
	buf_reset(&name);
	assert_int_equal(names(grep, 2, "t", ind, 1, 0, 0, &which, &name),
	    AGGROW_OK);
	assert_int_equal(names(g, 1, "s", e, 1, 0, 0, &which, &name),
	    AGGROW_DUP_FIELD);
	assert_int_equal(which, 0);
	assert_string_equal(name.p, "s_expected");
	buf_reset(&name);
	assert_int_equal(names(g, 1, "s", e, 1, 1, 1, &which, &name),
	    AGGROW_OK);
	assert_int_equal(names(g, 1, NULL, e, 1, 0, 0, &which, &name),
	    AGGROW_OK);
	buf_free(&name);
	inds_free(ind, 2);
	inds_free(r, 1);
	inds_free(e, 1);
}

/* Rows for the writer tests: groups of two indicators over "g x", or
 * with a coverage cov over "g x _expected _reported". */
struct fixture {
	struct agg_ind		*ind;
	struct agg_groups	*t;
	int			 partial;
	int			 rc;
	size_t			 bad;
	const char		*cov;
};

static void
put_rows(struct rec_writer *w, struct fixture *fx)
{
	char *g[1] = { "g" };
	struct aggrow_form fm;
	size_t i;

	form(&fm, g, 1, fx->cov, fx->ind, 2);
	aggrow_header(w, &fm, fx->partial);
	for (i = 0; i < agg_groups_count(fx->t); i++) {
		rec_puts(w, agg_groups_key(fx->t, i));
		fx->rc = aggrow_sums(w, &fm, fx->t, i, fx->partial, &fx->bad);
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

/* fill adds nrow rows of 2 fields (4 with fx->cov) to fx's groups, as
 * luong-rates does: a row that did not report enters no indicator. */
static void
fill(struct fixture *fx, const char *const *row, size_t nrow)
{
	char *names[4] = { "g", "x", "_expected", "_reported" };
	const int cov[2] = { 2, 3 };
	size_t nf = fx->cov != NULL ? 4 : 2;
	const struct agg_term *bad;
	size_t i, j, k, g, len[4];
	char *f[4];
	int badf;

	for (k = 0; k < 2; k++)
		assert_int_equal(agg_bind(&fx->ind[k], names, 2, &bad), 0);
	for (i = 0; i < nrow; i++) {
		for (j = 0; j < nf; j++) {
			f[j] = (char *)row[nf * i + j];
			len[j] = strlen(f[j]);
		}
		g = agg_groups_add(fx->t, f[0], len[0]);
		if (agg_count_row(fx->cov != NULL ? cov : NULL, f, len,
		    agg_groups_counts(fx->t, g), &badf) != 1)
			continue;
		for (k = 0; k < 2; k++)
			agg_add(&fx->ind[k], f, len,
			    &agg_groups_acc(fx->t, g)[k], &badf);
	}
}

/* writes fills a new fixture (coverage cov) with rows of two indicators
 * and checks what it writes in the final and the partial form. */
static void
writes(const char *cov, const char *const *row, size_t nrow,
    const char *final, const char *partial)
{
	const char *src[2] = { "n=count()/count()", "v=sum(x)/count()" };
	struct fixture fx = { inds(src, 2), agg_groups_new(2), 0, 0, 0, cov };
	char *s;

	fill(&fx, row, nrow);
	s = written(&fx);
	assert_string_equal(s, final);
	free(s);
	fx.partial = 1;
	s = written(&fx);
	assert_string_equal(s, partial);
	free(s);
	agg_groups_free(fx.t);
	inds_free(fx.ind, 2);
}

static void
test_write(void **state)
{
	static const char *const row[] = {
		"a", "0.1", "b", "1", "a", "0.2", "a", "",
	};

	(void)state;
	writes(NULL, row, 4,
	    "g\tn_num\tn_den\tn\tv_num\tv_den\tv\n"
	    "a\t3\t3\t100.00\t0.3\t2\t15.00\n"
	    "b\t1\t1\t100.00\t1\t1\t100.00\n",
	    "g\t_rows\tn_num\tn_den\tn_miss\tv_num\tv_den\tv_miss\n"
	    "a\t3\t3\t3\t0\t0.3\t2\t1\n"
	    "b\t1\t1\t1\t0\t1\t1\t0\n");
}

static void
test_write_coverage(void **state)
{
	/* a: two reported, one expected but not reported (its x is not
	 * read); b: only a school that did not report; c: a reported row
	 * that was not expected. */
	static const char *const row[] = {
		"a", "0.1", "1", "1",
		"b", "", "1", "0",
		"a", "bad", "1", "0",
		"a", "0.2", "1", "1",
		"c", "1", "0", "1",
	};

	(void)state;
	writes("s", row, 5,
	    "g\ts_expected\ts_reported\tn_num\tn_den\tn\tv_num\tv_den\tv\n"
	    "a\t3\t2\t2\t2\t100.00\t0.3\t2\t15.00\n"
	    "b\t1\t0\t0\t0\t\t0\t0\t\n"
	    "c\t0\t0\t1\t1\t100.00\t1\t1\t100.00\n",
	    "g\t_rows\ts_expected\ts_reported\tn_num\tn_den\tn_miss\t"
	    "v_num\tv_den\tv_miss\n"
	    "a\t3\t3\t2\t2\t2\t0\t0.3\t2\t0\n"
	    "b\t1\t1\t0\t0\t0\t0\t0\t0\t0\n"
	    "c\t1\t0\t0\t1\t1\t0\t1\t1\t0\n");
}

static void
test_write_too_large(void **state)
{
	/* 10^37 / 1: the rate, 10^39, does not fit. */
	const char *src[2] = { "n=count()/count()", "v=sum(x)/count()" };
	char big[40];
	const char *row[2] = { "a", big };
	struct fixture fx = { inds(src, 2), agg_groups_new(2), 0, 0, 0, NULL };
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

/* check is aggrow_partial_check on a form made of the rest. */
static int
check(char *const *names, size_t nf, char *const *g, size_t ng,
    const char *cov, const struct agg_ind *ind, size_t nind, struct buf *err)
{
	struct aggrow_form fm;

	return aggrow_partial_check(form(&fm, g, ng, cov, ind, nind), names,
	    nf, err);
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
	char *cov[11] = { "level", "district", "_rows", "s_expected",
	    "s_reported", "n_num", "n_den", "n_miss", "v_num", "v_den",
	    "v_miss" };
	struct buf err = { 0 };

	(void)state;
	assert_int_equal(check(ok, 9, g, 2, NULL, ind, 2, &err), 0);
	assert_null(err.p);
	/* One indicator fewer: v_num is not expected... */
	assert_int_equal(check(ok, 9, g, 2, NULL, ind, 1, &err), -1);
	assert_string_equal(err.p, "9 fields, expected 6");
	buf_reset(&err);
	/* ... one more: the header is short. */
	assert_int_equal(check(ok, 6, g, 2, NULL, ind, 2, &err), -1);
	assert_string_equal(err.p, "field 7 is \"\", expected \"v_num\"");
	buf_reset(&err);
	assert_int_equal(check(more, 10, g, 2, NULL, ind, 2, &err),
	    -1);
	assert_string_equal(err.p, "10 fields, expected 9");
	buf_reset(&err);
	/* Another group field, another indicator's name. */
	assert_int_equal(check(ok, 9, g + 1, 1, NULL, ind, 2, &err),
	    -1);
	assert_string_equal(err.p, "field 1 is \"level\", expected "
	    "\"district\"");
	buf_reset(&err);
	ok[7] = "w_den";
	assert_int_equal(check(ok, 9, g, 2, NULL, ind, 2, &err), -1);
	assert_string_equal(err.p, "field 8 is \"w_den\", expected \"v_den\"");
	buf_reset(&err);
	/* A coverage's fields come after _rows: there, or missing. */
	assert_int_equal(check(cov, 11, g, 2, "s", ind, 2, &err), 0);
	assert_int_equal(check(cov, 11, g, 2, NULL, ind, 2, &err), -1);
	assert_string_equal(err.p, "field 4 is \"s_expected\", expected "
	    "\"n_num\"");
	buf_reset(&err);
	assert_int_equal(check(cov, 11, g, 2, "t", ind, 2, &err), -1);
	assert_string_equal(err.p, "field 4 is \"s_expected\", expected "
	    "\"t_expected\"");
	buf_reset(&err);
	ok[7] = "v_den";
	assert_int_equal(check(ok, 9, g, 2, "s", ind, 2, &err), -1);
	assert_string_equal(err.p, "field 4 is \"n_num\", expected "
	    "\"s_expected\"");
	buf_reset(&err);
	cov[4] = "s_expected";
	assert_int_equal(check(cov, 11, g, 2, "s", ind, 2, &err), -1);
	assert_string_equal(err.p, "field 5 is \"s_expected\", expected "
	    "\"s_reported\"");
	buf_free(&err);
	inds_free(ind, 2);
}

/* reader makes a rec_reader that holds one row of the header
 * "g _rows [s_expected s_reported] n_num n_den n_miss v_num v_den v_miss"
 * (the coverage's fields with cov). */
static void
reader(struct rec_reader *r, char **f, size_t *len, int cov)
{
	static char *plain[8] = { "g", "_rows", "n_num", "n_den", "n_miss",
	    "v_num", "v_den", "v_miss" };
	static char *with[10] = { "g", "_rows", "s_expected", "s_reported",
	    "n_num", "n_den", "n_miss", "v_num", "v_den", "v_miss" };
	size_t i;

	memset(r, 0, sizeof *r);
	r->nf = cov ? 10 : 8;
	r->name = cov ? with : plain;
	r->f = f;
	r->len = len;
	for (i = 0; i < r->nf; i++)
		len[i] = strlen(f[i]);
}

/* add_counts adds the partial row line (fields split at spaces) to t, in
 * the form with a coverage s when cov is set: 0 with the row's counts in
 * *n, or -1 with the problem in err. */
static int
add_counts(struct agg_groups *t, const struct agg_ind *ind, int strict,
    int cov, const char *line, struct agg_counts *n, struct buf *err)
{
	char *copy = strdup(line), *f[10], *p = copy, *g[1] = { "g" };
	size_t len[10], i;
	struct aggrow_form fm;
	struct rec_reader r;
	struct buf key = { 0 };
	int rc;

	for (i = 0; i < (cov ? 10u : 8u); i++)
		f[i] = strsep(&p, " ");
	reader(&r, f, len, cov);
	buf_reset(err);
	rc = aggrow_partial_add(form(&fm, g, 1, cov ? "s" : NULL, ind, 2), t,
	    &r, strict, &key, NULL, n, err);
	free(copy);
	buf_free(&key);
	return rc;
}

/* add adds a partial row without a coverage: its _rows (INT_MAX at
 * most), or -1. */
static int
add(struct agg_groups *t, const struct agg_ind *ind, int strict,
    const char *line, struct buf *err)
{
	struct agg_counts n = { 0, 0, 0 };

	if (add_counts(t, ind, strict, 0, line, &n, err) != 0)
		return -1;
	return n.rows > INT_MAX ? INT_MAX : (int)n.rows;
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
	assert_int_equal(agg_groups_counts(t, 0)->rows, 5);
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
	assert_int_equal(agg_groups_counts(t, 4)->rows, ULLONG_MAX);
	assert_int_equal(add(t, ind, 0, "e 1 1 1 0 1 1 0", &err), -1);
	assert_string_equal(err.p, "field \"_rows\": the sum overflows");
	assert_int_equal(agg_groups_counts(t, 4)->rows, ULLONG_MAX);

	/* More rows left out than read. */
	assert_int_equal(add(t, ind, 0, "f 1 1 1 0 1 1 2", &err), -1);
	assert_string_equal(err.p, "field \"v_miss\": 2 rows left out of 1 "
	    "read");

	buf_free(&b);
	buf_free(&err);
	agg_groups_free(t);
	inds_free(ind, 2);
}

static void
test_partial_add_coverage(void **state)
{
	const char *src[2] = { "n=count()/count()", "v=sum(x)/count()" };
	struct agg_ind *ind = inds(src, 2);
	struct agg_groups *t = agg_groups_new(2);
	struct agg_counts n = { 0, 0, 0 }, *c;
	struct buf err = { 0 };

	(void)state;
	assert_int_equal(add_counts(t, ind, 0, 1, "a 3 3 2 2 2 0 0.3 2 0",
	    &n, &err), 0);
	assert_true(n.rows == 3 && n.expected == 3 && n.reported == 2);
	assert_int_equal(add_counts(t, ind, 0, 1, "a 2 1 0 0 0 0 0 0 0", &n,
	    &err), 0);
	assert_int_equal(add_counts(t, ind, 0, 1, "b 1 0 0 1 1 0 1 1 0", &n,
	    &err), 0);
	c = agg_groups_counts(t, 0);
	assert_true(c->rows == 5 && c->expected == 4 && c->reported == 2);
	c = agg_groups_counts(t, 1);
	assert_true(c->rows == 1 && c->expected == 0 && c->reported == 0);

	/* Counts that are not counts, or do not nest. */
	assert_int_equal(add_counts(t, ind, 0, 1, "a 1 x 0 0 0 0 0 0 0", &n,
	    &err), -1);
	assert_string_equal(err.p, "field \"s_expected\": \"x\" is not a "
	    "count");
	assert_int_equal(add_counts(t, ind, 0, 1, "a 1 1 - 0 0 0 0 0 0", &n,
	    &err), -1);
	assert_string_equal(err.p, "field \"s_reported\": \"-\" is not a "
	    "count");
	assert_int_equal(add_counts(t, ind, 0, 1, "a 1 2 0 0 0 0 0 0 0", &n,
	    &err), -1);
	assert_string_equal(err.p, "field \"s_expected\": 2 rows expected of "
	    "1 read");
	assert_int_equal(add_counts(t, ind, 0, 1, "a 3 2 3 0 0 0 0 0 0", &n,
	    &err), -1);
	assert_string_equal(err.p, "field \"s_reported\": 3 rows reported of "
	    "2 expected");
	/* None of them changed the sums. */
	c = agg_groups_counts(t, 0);
	assert_true(c->rows == 5 && c->expected == 4 && c->reported == 2);

	/* The indicators come after the coverage's fields. */
	assert_int_equal(add_counts(t, ind, 0, 1, "a 1 1 1 1 1 0 x 1 0", &n,
	    &err), -1);
	assert_string_equal(err.p, "field \"v_num\": \"x\" is not a number");
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
		cmocka_unit_test(test_write_coverage),
		cmocka_unit_test(test_write_too_large),
		cmocka_unit_test(test_partial_check),
		cmocka_unit_test(test_partial_add),
		cmocka_unit_test(test_partial_add_coverage),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
