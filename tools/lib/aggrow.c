/* aggrow — the rows of an aggregation: see aggrow.h. */
#include <limits.h>
#include <string.h>

#include "agg.h"
#include "aggrow.h"
#include "buf.h"
#include "group.h"
#include "hash.h"
#include "rec.h"

int
aggrow_check_names(char *const *gname, size_t ng, const struct agg_ind *ind,
    size_t nind, int partial, int rows, size_t *which, struct buf *name)
{
	static const char *fin[] = { "_num", "_den", "", NULL };
	static const char *par[] = { "_num", "_den", "_miss", NULL };
	const char **suf = partial ? par : fin;
	struct hash *h = hash_new();
	struct buf b = { 0 };
	size_t i, k;
	int added, rc = AGGROW_OK;

	for (i = 0; i < ng && rc == AGGROW_OK; i++) {
		hash_add(h, gname[i], strlen(gname[i]), &added);
		if (!added) {
			*which = i;
			rc = AGGROW_DUP_GROUP;
		}
	}
	if (rows)
		hash_add(h, "_rows", 5, NULL);
	for (i = 0; i < nind && rc == AGGROW_OK; i++)
		for (k = 0; suf[k] != NULL && rc == AGGROW_OK; k++) {
			buf_reset(&b);
			buf_printf(&b, "%s%s", ind[i].name, suf[k]);
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
aggrow_header(struct rec_writer *w, char *const *gname, size_t ng,
    const struct agg_ind *ind, size_t nind, int partial)
{
	struct buf b = { 0 };
	size_t j, k;

	for (j = 0; j < ng; j++)
		rec_puts(w, gname[j]);
	if (partial)
		rec_puts(w, "_rows");
	for (k = 0; k < nind; k++) {
		buf_reset(&b);
		agg_fields_names(&b, ind[k].name, partial);
		rec_put_raw(w, b.p, b.len);
	}
	rec_endrow(w);
	buf_free(&b);
}

int
aggrow_sums(struct rec_writer *w, struct agg_groups *t, size_t g, size_t nind,
    int partial, size_t *bad)
{
	const struct agg_acc *a = agg_groups_acc(t, g);
	struct buf b = { 0 };
	size_t k;

	if (partial) {
		buf_printf(&b, "%llu", *agg_groups_rows(t, g));
		rec_put_raw(w, b.p, b.len);
	}
	for (k = 0; k < nind; k++) {
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

/* expected appends the name of field i of the partial form to b. */
static void
expected(struct buf *b, size_t i, char *const *gname, size_t ng,
    const struct agg_ind *ind)
{
	struct buf three = { 0 };
	const char *p;
	size_t k;

	if (i < ng) {
		buf_adds(b, gname[i]);
		return;
	}
	if (i == ng) {
		buf_adds(b, "_rows");
		return;
	}
	i -= ng + 1;
	/* An indicator's name is an identifier: its three field names
	 * split at the TABs. */
	agg_fields_names(&three, ind[i / 3].name, 1);
	for (p = three.p, k = i % 3; k > 0; k--)
		p = strchr(p, '\t') + 1;
	buf_add(b, p, strcspn(p, "\t"));
	buf_free(&three);
}

int
aggrow_partial_check(char *const *names, size_t nf, char *const *gname,
    size_t ng, const struct agg_ind *ind, size_t nind, struct buf *err)
{
	struct buf want = { 0 };
	size_t i, n = ng + 1 + 3 * nind;

	for (i = 0; i < n; i++) {
		buf_reset(&want);
		expected(&want, i, gname, ng, ind);
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

int
aggrow_partial_add(struct agg_groups *t, const struct rec_reader *r,
    size_t ng, const struct agg_ind *ind, size_t nind, int strict,
    struct buf *key, size_t *gp, unsigned long long *rows, struct buf *err)
{
	struct agg_acc a;
	size_t g, k, f0;
	int bad;

	unsigned long long *sum;

	if (agg_parse_count(r->f[ng], r->len[ng], rows) < 0)
		return bad_field(r, ng, "count", err);
	group_key(key, r->f, r->len, NULL, ng);
	g = agg_groups_add(t, key->p, key->len);
	if (gp != NULL)
		*gp = g;
	sum = agg_groups_rows(t, g);
	if (*sum > ULLONG_MAX - *rows) {
		buf_printf(err, "field \"%s\": the sum overflows",
		    r->name[ng]);
		return -1;
	}
	*sum += *rows;
	for (k = 0; k < nind; k++) {
		f0 = ng + 1 + 3 * k;
		if (agg_fields_parse(&r->f[f0], &r->len[f0], &a, &bad) < 0)
			return bad_field(r, f0 + (size_t)bad, bad < 2 ?
			    "number" : "count", err);
		/* Rows left out are rows read: the sums of the misses can
		 * overflow only if the rows' do. */
		if (a.miss > *rows) {
			buf_printf(err, "field \"%s\": %llu rows left out of "
			    "%llu read", r->name[f0 + 2], a.miss, *rows);
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
