/* group — group-by over the record stream: see group.h. */
#include <stdlib.h>
#include <string.h>

#include "agg.h"
#include "buf.h"
#include "diag.h"
#include "gaz.h"
#include "group.h"
#include "hash.h"
#include "rec.h"

void
group_key(struct buf *key, char *const *f, const size_t *len, const int *gi,
    size_t ng)
{
	size_t j, i;

	buf_reset(key);
	for (j = 0; j < ng; j++) {
		i = gi != NULL ? (size_t)gi[j] : j;
		if (j > 0)
			buf_addc(key, '\t');
		rec_escape(key, f[i], len[i]);
	}
	if (key->p == NULL)
		buf_add(key, "", 0);
}

void
group_key_row(struct buf *key, const struct rec_reader *r, const int *gi,
    size_t ng)
{
	size_t j, i;

	if (!r->plain) {
		group_key(key, r->f, r->len, gi, ng);
		return;
	}
	/* Fields side by side in the row (level, district, district_code)
	 * are a piece of its line: one copy. */
	i = gi != NULL && ng > 0 ? (size_t)gi[0] : 0;
	for (j = 1; j < ng && (gi == NULL || (size_t)gi[j] == i + j); j++)
		continue;
	if (j >= ng) {
		key->len = 0;
		rec_span_buf(key, r, i, i + ng);
		return;
	}
	buf_reset(key);
	for (j = 0; j < ng; j++) {
		i = gi != NULL ? (size_t)gi[j] : j;
		if (j > 0)
			buf_put(key, "\t", 1);
		buf_put(key, r->f[i], r->len[i]);
	}
	if (key->p == NULL)
		buf_add(key, "", 0);
}

size_t
group_add_row(struct agg_groups *t, struct buf *key, const struct rec_reader *r,
    const int *gi, size_t ng)
{
	size_t i, j, g;
	char *a;

	i = gi != NULL && ng > 0 ? (size_t)gi[0] : 0;
	for (j = 1; j < ng && (gi == NULL || (size_t)gi[j] == i + j); j++)
		continue;
	if (!r->plain || ng == 0 || j < ng) {
		group_key_row(key, r, gi, ng);
		return agg_groups_add(t, key->p, key->len);
	}
	/* Fields side by side in a plain row are their key where they are,
	 * once the TABs between them are back (the table copies a key it
	 * adds); then they are cut again. */
	a = r->f[i];
	for (j = i; j + 1 < i + ng; j++)
		r->f[j][r->len[j]] = '\t';
	g = agg_groups_add(t, a, (size_t)(r->f[i + ng - 1] +
	    r->len[i + ng - 1] - a));
	for (j = i; j + 1 < i + ng; j++)
		r->f[j][r->len[j]] = '\0';
	return g;
}

const char *
group_key_part(const char *key, size_t j, size_t *n)
{
	const char *p = key, *t;

	while (j-- > 0)
		p = strchr(p, '\t') + 1;
	t = strchr(p, '\t');
	*n = t != NULL ? (size_t)(t - p) : strlen(p);
	return p;
}

void
group_put_key(struct rec_writer *w, const char *key, size_t ng,
    const char *const *value)
{
	const char *p;
	size_t j, n;

	for (j = 0; j < ng; j++) {
		p = group_key_part(key, j, &n);
		if (value != NULL && value[j] != NULL)
			rec_puts(w, value[j]);
		else
			rec_put_raw(w, p, n);
	}
}

struct group_units {
	struct hash	*place;		/* name or code -> report order + 1 */
	size_t		 n;
};

struct group_units *
group_units_new(const struct gaz *g)
{
	struct group_units *u = xcalloc(1, sizeof *u);
	struct buf b = { 0 };
	size_t i, k;

	u->place = hash_new();
	u->n = g->n;
	for (i = 0; i < g->n; i++) {
		const char *v[2] = { g->unit[i].name, g->unit[i].code };

		for (k = 0; k < 2; k++) {
			buf_reset(&b);
			rec_escape(&b, v[k], strlen(v[k]));
			buf_add(&b, "", 0);
			/* The first unit that claims a value keeps it. */
			if (hash_find(u->place, b.p, b.len) == HASH_NONE)
				hash_put(u->place, b.p, b.len,
				    (void *)(g->unit[i].order + 1));
		}
	}
	buf_free(&b);
	return u;
}

void
group_units_free(struct group_units *u)
{
	if (u == NULL)
		return;
	hash_free(u->place, NULL);
	free(u);
}

/* qsort has no argument for its comparison: the ranks it sorts by. */
static const unsigned long long *sort_rank;
static size_t sort_ng;

static int
cmp_rank(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b, j;

	for (j = 0; j < sort_ng; j++) {
		unsigned long long rx = sort_rank[x * sort_ng + j],
		    ry = sort_rank[y * sort_ng + j];

		if (rx != ry)
			return rx < ry ? -1 : 1;
	}
	return x < y ? -1 : x > y;
}

/* rank returns the rank of part j's value p[0..n) of a group: its unit's
 * place, or after every unit; or its first appearance among seen's. */
static unsigned long long
rank(const struct group_units *u, int ranked, struct hash *seen,
    const char *p, size_t n, int *unknown)
{
	void *place;
	size_t s;

	*unknown = 0;
	if (!ranked)
		return hash_add(seen, p, n, NULL);
	if ((place = hash_get(u->place, p, n)) != NULL)
		return (size_t)place - 1;
	s = hash_add(seen, p, n, unknown);
	return u->n + s;
}

size_t *
group_order(const struct agg_groups *t, size_t ng,
    const struct group_units *u, const int *ranked, group_unknown_fn *unknown,
    void *arg)
{
	size_t ngroups = agg_groups_count(t);
	size_t *perm = xcalloc(ngroups ? ngroups : 1, sizeof *perm);
	unsigned long long *rk;
	struct hash **seen;
	size_t g, j, n;
	int added;

	for (g = 0; g < ngroups; g++)
		perm[g] = g;
	if (u == NULL || ngroups == 0 || ng == 0)
		return perm;
	rk = xcalloc(ngroups * ng, sizeof *rk);
	seen = xcalloc(ng, sizeof *seen);
	for (j = 0; j < ng; j++)
		seen[j] = hash_new();
	for (g = 0; g < ngroups; g++) {
		const char *key = agg_groups_key(t, g);

		for (j = 0; j < ng; j++) {
			const char *p = group_key_part(key, j, &n);

			rk[g * ng + j] = rank(u, ranked[j], seen[j], p, n,
			    &added);
			if (added && unknown != NULL)
				unknown(arg, j, p, n);
		}
	}
	sort_rank = rk;
	sort_ng = ng;
	qsort(perm, ngroups, sizeof *perm, cmp_rank);
	for (j = 0; j < ng; j++)
		hash_free(seen[j], NULL);
	free(seen);
	free(rk);
	return perm;
}

int
group_totals(struct group_totals *tot, struct agg_groups *t, size_t ng,
    size_t nind, const size_t *perm, const char *const *value, size_t bad[2])
{
	size_t ngroups = agg_groups_count(t), g, i, j, k, n;
	struct buf key = { 0 };

	tot->t = agg_groups_new(nind);
	tot->rep = xcalloc(ngroups ? ngroups : 1, sizeof *tot->rep);
	tot->n = 0;
	for (g = 0; g < ngroups; g++) {
		const char *gk = agg_groups_key(t, perm[g]);
		const struct agg_acc *a = agg_groups_acc(t, perm[g]);

		/* The key: the parts not named, each ended by a TAB, so that
		 * no two combinations make one key. */
		buf_reset(&key);
		buf_add(&key, "", 0);
		for (j = 0; j < ng; j++) {
			const char *p = group_key_part(gk, j, &n);

			if (value[j] != NULL)
				continue;
			buf_add(&key, p, n);
			buf_addc(&key, '\t');
		}
		i = agg_groups_add(tot->t, key.p, key.len);
		if (i == tot->n)
			tot->rep[tot->n++] = perm[g];
		bad[0] = nind;
		if (agg_counts_merge(agg_groups_counts(tot->t, i),
		    agg_groups_counts(t, perm[g])) < 0)
			goto overflow;
		for (k = 0; k < nind; k++)
			if (agg_acc_merge(&agg_groups_acc(tot->t, i)[k],
			    &a[k]) < 0) {
				bad[0] = k;
				goto overflow;
			}
	}
	buf_free(&key);
	return 0;
overflow:
	bad[1] = perm[g];
	buf_free(&key);
	group_totals_free(tot);
	return -1;
}

void
group_totals_free(struct group_totals *tot)
{
	agg_groups_free(tot->t);
	free(tot->rep);
	tot->t = NULL;
	tot->rep = NULL;
	tot->n = 0;
}

/* What group_report_order's note takes along. */
struct unknowns {
	char *const		*names;
	const char		*file;
	unsigned long long	*n;	/* per part */
};

static void
note_unknown(void *arg, size_t j, const char *v, size_t n)
{
	struct unknowns *u = arg;

	if (u->n[j]++ < GROUP_UNKNOWN_MAX)
		diag_msg(u->file, 0, "%s \"%.*s\" is not in the gazetteer: "
		    "its rows come last", u->names[j], (int)n, v);
}

size_t *
group_report_order(const struct agg_groups *t, char *const *names,
    size_t ng, const struct group_units *u, const char *file,
    const char *field)
{
	struct unknowns k = { names, file, NULL };
	struct buf code = { 0 };
	int *ranked = xcalloc(ng ? ng : 1, sizeof *ranked);
	unsigned long long more;
	size_t *perm, j;

	if (u != NULL) {
		buf_printf(&code, "%s_code", field);
		for (j = 0; j < ng; j++)
			ranked[j] = strcmp(names[j], field) == 0 ||
			    strcmp(names[j], code.p) == 0;
	}
	k.n = xcalloc(ng ? ng : 1, sizeof *k.n);
	perm = group_order(t, ng, u, ranked, note_unknown, &k);
	for (j = 0; j < ng; j++) {
		if (k.n[j] <= GROUP_UNKNOWN_MAX)
			continue;
		more = k.n[j] - GROUP_UNKNOWN_MAX;
		diag_msg(file, 0, "%llu more value%s of %s %s not in the "
		    "gazetteer: %s rows come last", more, more == 1 ? "" : "s",
		    names[j], more == 1 ? "is" : "are", more == 1 ? "its" :
		    "their");
	}
	free(k.n);
	free(ranked);
	buf_free(&code);
	return perm;
}
