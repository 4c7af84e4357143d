/* aggrow — the rows of an aggregation: see aggrow.h. */
#include <string.h>

#include "agg.h"
#include "aggrow.h"
#include "buf.h"
#include "group.h"
#include "hash.h"
#include "rec.h"

/* ncov is the number of coverage fields of fm's rows. */
static size_t
ncov(const struct aggrow_form *fm)
{
	return fm->cov != NULL ? 2 : 0;
}

/* cov_name appends the name of coverage field k (0 or 1) to b. */
static void
cov_name(struct buf *b, const char *cov, size_t k)
{
	buf_printf(b, "%s_%s", cov, k == 0 ? "expected" : "reported");
}

int
aggrow_check_names(const struct aggrow_form *fm, int partial, int rows,
    size_t *which, struct buf *name)
{
	static const char *fin[] = { "_num", "_den", "", NULL };
	static const char *par[] = { "_num", "_den", "_miss", NULL };
	const char **suf = partial ? par : fin;
	struct hash *h = hash_new();
	struct buf b = { 0 };
	size_t i, k;
	int added, rc = AGGROW_OK;

	for (i = 0; i < fm->ng && rc == AGGROW_OK; i++) {
		hash_add(h, fm->gname[i], strlen(fm->gname[i]), &added);
		if (!added) {
			*which = i;
			rc = AGGROW_DUP_GROUP;
		}
	}
	if (rows)
		hash_add(h, "_rows", 5, NULL);
	for (k = 0; k < ncov(fm) && rc == AGGROW_OK; k++) {
		buf_reset(&b);
		cov_name(&b, fm->cov, k);
		hash_add(h, b.p, b.len, &added);
		if (!added) {
			*which = k;
			buf_add(name, b.p, b.len);
			rc = AGGROW_DUP_COVERAGE;
		}
	}
	for (i = 0; i < fm->nind && rc == AGGROW_OK; i++)
		for (k = 0; suf[k] != NULL && rc == AGGROW_OK; k++) {
			buf_reset(&b);
			buf_printf(&b, "%s%s", fm->ind[i].name, suf[k]);
			hash_add(h, b.p, b.len, &added);
			if (!added) {
				*which = i;
				buf_add(name, b.p, b.len);
				rc = AGGROW_DUP_FIELD;
			}
		}
	buf_free(&b);
	hash_free(h, NULL);
	return rc;
}

void
aggrow_header(struct rec_writer *w, const struct aggrow_form *fm,
    int partial)
{
	struct buf b = { 0 };
	size_t j, k;

	for (j = 0; j < fm->ng; j++)
		rec_puts(w, fm->gname[j]);
	if (partial)
		rec_puts(w, "_rows");
	for (k = 0; k < ncov(fm); k++) {
		buf_reset(&b);
		cov_name(&b, fm->cov, k);
		rec_puts(w, b.p);
	}
	for (k = 0; k < fm->nind; k++) {
		buf_reset(&b);
		agg_fields_names(&b, fm->ind[k].name, partial);
		rec_put_raw(w, b.p, b.len);
	}
	rec_endrow(w);
	buf_free(&b);
}

int
aggrow_sums(struct rec_writer *w, const struct aggrow_form *fm,
    struct agg_groups *t, size_t g, int partial, size_t *bad)
{
	const struct agg_acc *a = agg_groups_acc(t, g);
	const struct agg_counts *n = agg_groups_counts(t, g);
	struct buf b = { 0 };
	size_t k;

	if (partial)
		buf_printf(&b, "%llu\t", n->rows);
	if (fm->cov != NULL)
		buf_printf(&b, "%llu\t%llu\t", n->expected, n->reported);
	if (b.len > 0)
		rec_put_raw(w, b.p, b.len - 1);
	for (k = 0; k < fm->nind; k++) {
		buf_reset(&b);
		if (agg_fields_values(&b, &a[k], partial) < 0) {
			*bad = k;
			buf_free(&b);
			return -1;
		}
		rec_put_raw(w, b.p, b.len);
	}
	rec_endrow(w);
	buf_free(&b);
	return 0;
}

/* expected appends the name of field i of fm's partial form to b. */
static void
expected(struct buf *b, size_t i, const struct aggrow_form *fm)
{
	struct buf three = { 0 };
	const char *p;
	size_t k;

	if (i < fm->ng) {
		buf_adds(b, fm->gname[i]);
		return;
	}
	if (i == fm->ng) {
		buf_adds(b, "_rows");
		return;
	}
	i -= fm->ng + 1;
	if (i < ncov(fm)) {
		cov_name(b, fm->cov, i);
		return;
	}
	i -= ncov(fm);
	/* An indicator's name is an identifier: its three field names
	 * split at the TABs. */
	agg_fields_names(&three, fm->ind[i / 3].name, 1);
	for (p = three.p, k = i % 3; k > 0; k--)
		p = strchr(p, '\t') + 1;
	buf_add(b, p, strcspn(p, "\t"));
	buf_free(&three);
}

int
aggrow_partial_check(const struct aggrow_form *fm, char *const *names,
    size_t nf, struct buf *err)
{
	struct buf want = { 0 };
	size_t i, n = fm->ng + 1 + ncov(fm) + 3 * fm->nind;

	for (i = 0; i < n; i++) {
		buf_reset(&want);
		expected(&want, i, fm);
		if (i >= nf || strcmp(names[i], want.p) != 0) {
			buf_printf(err, "field %zu is \"%s\", expected \"%s\"",
			    i + 1, i < nf ? names[i] : "", want.p);
			buf_free(&want);
			return -1;
		}
	}
	buf_free(&want);
	if (nf != n) {
		buf_printf(err, "%zu fields, expected %zu", nf, n);
		return -1;
	}
	return 0;
}

/* bad_field says that field i of r's row is not a count or a number. */
static int
bad_field(const struct rec_reader *r, size_t i, const char *what,
    struct buf *err)
{
	buf_printf(err, "field \"%s\": \"%s\" is not a %s", r->name[i],
	    r->f[i], what);
	return -1;
}

/* counts reads the counts of r's partial row of form fm into *n, each no
 * larger than the one it is part of: 0, or -1 with the problem in err. */
static int
counts(const struct aggrow_form *fm, const struct rec_reader *r,
    struct agg_counts *n, struct buf *err)
{
	size_t f = fm->ng;

	memset(n, 0, sizeof *n);
	if (agg_parse_count(r->f[f], r->len[f], &n->rows) < 0)
		return bad_field(r, f, "count", err);
	if (fm->cov == NULL)
		return 0;
	if (agg_parse_count(r->f[f + 1], r->len[f + 1], &n->expected) < 0)
		return bad_field(r, f + 1, "count", err);
	if (agg_parse_count(r->f[f + 2], r->len[f + 2], &n->reported) < 0)
		return bad_field(r, f + 2, "count", err);
	if (n->expected > n->rows) {
		buf_printf(err, "field \"%s\": %llu rows expected of %llu "
		    "read", r->name[f + 1], n->expected, n->rows);
		return -1;
	}
	if (n->reported > n->expected) {
		buf_printf(err, "field \"%s\": %llu rows reported of %llu "
		    "expected", r->name[f + 2], n->reported, n->expected);
		return -1;
	}
	return 0;
}

int
aggrow_partial_add(const struct aggrow_form *fm, struct agg_groups *t,
    const struct rec_reader *r, int strict, struct buf *key, size_t *gp,
    struct agg_counts *n, struct buf *err)
{
	const struct agg_ind *ind = fm->ind;
	struct agg_acc a;
	size_t g, k, f0, ng = fm->ng;
	int bad;

	if (counts(fm, r, n, err) < 0)
		return -1;
	group_key_row(key, r, NULL, ng);
	g = agg_groups_add(t, key->p, key->len);
	if (gp != NULL)
		*gp = g;
	/* Every row's counts nest (reported <= expected <= rows), so do
	 * their sums: only _rows can overflow first. */
	if (agg_counts_merge(agg_groups_counts(t, g), n) < 0) {
		buf_printf(err, "field \"%s\": the sum overflows",
		    r->name[ng]);
		return -1;
	}
	for (k = 0; k < fm->nind; k++) {
		f0 = ng + 1 + ncov(fm) + 3 * k;
		if (agg_fields_parse(&r->f[f0], &r->len[f0], &a, &bad) < 0)
			return bad_field(r, f0 + (size_t)bad, bad < 2 ?
			    "number" : "count", err);
		/* Rows left out are rows read: the sums of the misses can
		 * overflow only if the rows' do. */
		if (a.miss > n->rows) {
			buf_printf(err, "field \"%s\": %llu rows left out of "
			    "%llu read", r->name[f0 + 2], a.miss, n->rows);
			return -1;
		}
		if (strict && a.miss > 0) {
			buf_printf(err, "%s: %llu row%s left out here "
			    "(--strict)", ind[k].name, a.miss,
			    a.miss == 1 ? "" : "s");
			return -1;
		}
		if (agg_acc_merge(&agg_groups_acc(t, g)[k], &a) < 0) {
			buf_printf(err, "%s: the sum overflows", ind[k].name);
			return -1;
		}
	}
	return 0;
}
