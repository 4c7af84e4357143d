/* rank — scores against targets, and rankings: see rank.h. */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "dec.h"
#include "diag.h"
#include "hash.h"
#include "rank.h"

static const char *const ties_word[] = { "competition", "dense", "ordinal" };
static const char *const ties_name[] = {
	"competition (1-2-2-4)", "dense (1-2-2-3)", "ordinal (1-2-3-4)",
};

int
rank_ties_parse(const char *s, enum rank_ties *ties)
{
	size_t i;

	for (i = 0; i < sizeof ties_word / sizeof ties_word[0]; i++)
		if (strcmp(s, ties_word[i]) == 0) {
			*ties = (enum rank_ties)i;
			return 0;
		}
	return -1;
}

const char *
rank_ties_name(enum rank_ties ties)
{
	return ties_name[ties];
}

int
rank_key_split(const char *s, size_t len, size_t *n, int *desc)
{
	const char *colon = NULL;
	size_t i, k;

	for (i = 0; i < len; i++)
		if (s[i] == ':')
			colon = s + i;
	*desc = 1;
	*n = colon != NULL ? (size_t)(colon - s) : len;
	if (colon != NULL) {
		k = len - *n - 1;
		if (k == 3 && memcmp(colon + 1, "asc", 3) == 0)
			*desc = 0;
		else if (!(k == 4 && memcmp(colon + 1, "desc", 4) == 0))
			return -1;
	}
	return *n == 0 ? -2 : 0;
}

void
rank_rule_add(struct buf *rule, const char *name, int desc)
{
	buf_printf(rule, "%s%s:%s", rule->len > 0 ? "," : "", name,
	    desc ? "desc" : "asc");
}

int
rank_rule_next(const char **p, const char **name, size_t *n, int *desc)
{
	const char *s = *p, *comma;
	size_t len;

	if (*s == '\0')
		return 0;
	comma = strchr(s, ',');
	len = comma != NULL ? (size_t)(comma - s) : strlen(s);
	*p = comma != NULL ? comma + 1 : s + len;
	*name = s;
	return rank_key_split(s, len, n, desc) == 0 ? 1 : -1;
}

/* score_name returns a new string: the indicator x[0..n) and suffix. */
static char *
score_name(const char *x, size_t n, const char *suffix)
{
	char *s = xmalloc(n + strlen(suffix) + 1);

	memcpy(s, x, n);
	strcpy(s + n, suffix);
	return s;
}

/* find_indicators finds every X_target whose X is a field too. */
static void
find_indicators(struct rank_fields *rf, char *const *names, size_t nf,
    const struct hash *index)
{
	size_t i, n, xi;

	for (i = 0; i < nf; i++) {
		struct rank_ind *d;

		n = strlen(names[i]);
		if (n <= 7 || strcmp(names[i] + n - 7, "_target") != 0 ||
		    (xi = hash_find(index, names[i], n - 7)) == HASH_NONE)
			continue;
		rf->ind = xrealloc(rf->ind, (rf->nind + 1) * sizeof *rf->ind);
		d = &rf->ind[rf->nind++];
		d->x = xi;
		d->t = i;
		d->gap = score_name(names[i], n - 7, "_gap");
		d->met = score_name(names[i], n - 7, "_met");
		d->gap_in = hash_find(index, d->gap, strlen(d->gap)) !=
		    HASH_NONE;
		d->met_in = hash_find(index, d->met, strlen(d->met)) !=
		    HASH_NONE;
	}
}

int
rank_fields_plan(struct rank_fields *rf, char *const *names, size_t nf,
    const char *rank_name, const char *rule_name)
{
	struct hash *index = hash_new();
	struct rank_col *cols, *c;
	size_t i, k, n = 0, ni, count_vi;
	int rank_in = 0, rule_in = 0, count_in, bad = 0;

	memset(rf, 0, sizeof *rf);
	/* A name given twice is the first field of that name. */
	for (i = 0; i < nf; i++)
		hash_add(index, names[i], strlen(names[i]), NULL);
	find_indicators(rf, names, nf, index);
	hash_free(index, NULL);
	ni = rf->nind;
	count_vi = nf + 2 * ni;
	count_in = ni == 0;
	rf->nv = nf + 2 * ni + 1;
	rf->col = cols = xcalloc(nf + 2 * ni + 3, sizeof *cols);
	for (i = 0; i < nf; i++) {
		c = &cols[n++];
		c->name = names[i];
		c->vi = i;
		if (strcmp(names[i], rank_name) == 0)
			c->rank = rank_in = 1;
		else if (strcmp(names[i], rule_name) == 0)
			c->rule = rule_in = 1;
		else if (ni > 0 && strcmp(names[i], RANK_MET_COUNT) == 0)
			c->vi = count_vi, count_in = 1;
		for (k = 0; k < ni; k++) {
			if (strcmp(names[i], rf->ind[k].gap) == 0)
				c->vi = nf + 2 * k;
			if (strcmp(names[i], rf->ind[k].met) == 0)
				c->vi = nf + 2 * k + 1;
		}
		for (k = 0; k < ni; k++) {
			if (rf->ind[k].t != i)
				continue;
			if (!rf->ind[k].gap_in) {
				cols[n].name = rf->ind[k].gap;
				cols[n++].vi = nf + 2 * k;
			}
			if (!rf->ind[k].met_in) {
				cols[n].name = rf->ind[k].met;
				cols[n++].vi = nf + 2 * k + 1;
			}
		}
	}
	if (!count_in) {
		cols[n].name = RANK_MET_COUNT;
		cols[n++].vi = count_vi;
	}
	if (!rank_in) {
		cols[n].name = rank_name;
		cols[n].vi = RANK_NONE;
		cols[n++].rank = 1;
	}
	if (!rule_in) {
		cols[n].name = rule_name;
		cols[n].vi = RANK_NONE;
		cols[n++].rule = 1;
	}
	rf->ncol = n;
	for (k = 0; k < ni; k++)
		bad |= strcmp(rank_name, rf->ind[k].gap) == 0 ||
		    strcmp(rank_name, rf->ind[k].met) == 0;
	return bad || (ni > 0 && strcmp(rank_name, RANK_MET_COUNT) == 0) ?
	    -1 : 0;
}

size_t
rank_fields_find(const struct rank_fields *rf, const char *name)
{
	size_t i;

	for (i = 0; i < rf->ncol; i++)
		if (rf->col[i].vi != RANK_NONE && !rf->col[i].rule &&
		    strcmp(rf->col[i].name, name) == 0)
			return rf->col[i].vi;
	return RANK_NONE;
}

void
rank_fields_free(struct rank_fields *rf)
{
	size_t i;

	for (i = 0; i < rf->nind; i++) {
		free(rf->ind[i].gap);
		free(rf->ind[i].met);
	}
	free(rf->ind);
	free(rf->col);
	memset(rf, 0, sizeof *rf);
}

/* number reads s[0..n) rounded to RANK_PLACES: RANK_SCORED, or the
 * error. */
static enum rank_score
number(const char *s, size_t n, long long *v)
{
	switch (dec_parse(s, n, RANK_PLACES, v)) {
	case DEC_OK:
		return RANK_SCORED;
	case DEC_ERANGE:
		return RANK_OUT_OF_RANGE;
	default:
		return RANK_NOT_NUMBER;
	}
}

enum rank_score
rank_score(const char *x, size_t xl, const char *t, size_t tl,
    struct buf *gap, int *met, int *which)
{
	enum rank_score rc;
	long long a = 0, b = 0, d;

	if (xl > 0 && (rc = number(x, xl, &a)) != RANK_SCORED) {
		*which = 0;
		return rc;
	}
	if (tl > 0 && (rc = number(t, tl, &b)) != RANK_SCORED) {
		*which = 1;
		return rc;
	}
	if (xl == 0 || tl == 0)
		return RANK_UNSCORED;
	if (__builtin_sub_overflow(a, b, &d))
		return RANK_GAP_RANGE;
	dec_fmt(gap, d, RANK_PLACES);
	*met = a >= b;
	return RANK_SCORED;
}

struct rank_row *
rank_row_new(const char *const *v, const size_t *len, size_t nv)
{
	struct rank_row *row;
	size_t i, hdr, bytes = 0;
	char *block, *data;

	for (i = 0; i < nv; i++)
		bytes += len[i] + 1;
	/* The row, then v[] and vl[], then the bytes: pointers first, so
	 * each part is aligned for what it holds. */
	hdr = sizeof *row + nv * (sizeof *row->v + sizeof *row->vl);
	block = xmalloc(hdr + bytes);
	row = (struct rank_row *)(void *)block;
	row->v = (const char **)(void *)(block + sizeof *row);
	row->vl = (size_t *)(void *)(block + sizeof *row +
	    nv * sizeof *row->v);
	data = block + hdr;
	for (i = 0; i < nv; i++) {
		if (len[i] > 0)
			memcpy(data, v[i], len[i]);
		data[len[i]] = '\0';
		row->v[i] = data;
		row->vl[i] = len[i];
		data += len[i] + 1;
	}
	row->total = 0;
	row->unranked = 0;
	row->rank = 0;
	return row;
}

/* key_cmp orders rows by the keys: numerically in each key's direction,
 * an empty value after every number whatever the direction. */
static int
key_cmp(const struct ranking *rk, const struct rank_row *x,
    const struct rank_row *y)
{
	size_t i, vi, xl, yl;
	int c;

	for (i = 0; i < rk->nkeys; i++) {
		vi = rk->keys[i].vi;
		xl = x->vl[vi];
		yl = y->vl[vi];
		if (xl == 0 || yl == 0) {
			if ((c = (xl == 0) - (yl == 0)) != 0)
				return c;
			continue;
		}
		c = dec_cmp(x->v[vi], xl, y->v[vi], yl);
		if (c != 0)
			return rk->keys[i].desc ? -c : c;
	}
	return 0;
}

static int
part_cmp(const struct ranking *rk, const struct rank_row *x,
    const struct rank_row *y)
{
	size_t i, vi;
	int c;

	for (i = 0; i < rk->nparts; i++) {
		vi = rk->parts[i];
		c = dec_order(x->v[vi], x->vl[vi], y->v[vi], y->vl[vi]);
		if (c != 0)
			return c;
	}
	return 0;
}

/* place: ranked rows first in a partition, then unranked, then totals. */
static int
place(const struct rank_row *x)
{
	return x->total ? 2 : x->unranked ? 1 : 0;
}

int
rank_cmp(const struct ranking *rk, const struct rank_row *x,
    const struct rank_row *y)
{
	size_t i, cv = rk->code;
	int c;

	if ((c = part_cmp(rk, x, y)) != 0)
		return c;
	if ((c = place(x) - place(y)) != 0)
		return c;
	if (place(x) == 0 && (c = key_cmp(rk, x, y)) != 0)
		return c;
	if (cv != RANK_NONE && (c = dec_order(x->v[cv], x->vl[cv], y->v[cv],
	    y->vl[cv])) != 0)
		return c;
	for (i = 0; i < rk->nv; i++)
		if ((c = dec_order(x->v[i], x->vl[i], y->v[i], y->vl[i])) != 0)
			return c;
	return 0;
}

/* msort sorts a[0..n) with tmp[0..n) as scratch: a merge sort, since
 * qsort passes its comparison no context. */
static void
msort(const struct ranking *rk, struct rank_row **a, struct rank_row **tmp,
    size_t n)
{
	size_t h = n / 2, i = 0, j = h, k = 0;

	if (n < 2)
		return;
	msort(rk, a, tmp, h);
	msort(rk, a + h, tmp, n - h);
	while (i < h && j < n)
		tmp[k++] = rank_cmp(rk, a[j], a[i]) < 0 ? a[j++] : a[i++];
	while (i < h)
		tmp[k++] = a[i++];
	while (j < n)
		tmp[k++] = a[j++];
	memcpy(a, tmp, n * sizeof *a);
}

void
rank_sort(const struct ranking *rk, struct rank_row **rows, size_t n)
{
	struct rank_row **tmp;

	if (n < 2)
		return;
	tmp = xcalloc(n, sizeof *tmp);
	msort(rk, rows, tmp, n);
	free(tmp);
}

size_t
rank_assign(const struct ranking *rk, struct rank_row **rows, size_t n,
    size_t *nparts)
{
	const struct rank_row *prev = NULL;
	unsigned long pos = 0, start = 0, dense = 0;
	size_t i, nranked = 0, np = n > 0;

	for (i = 0; i < n; i++) {
		struct rank_row *row = rows[i];

		if (i > 0 && part_cmp(rk, rows[i - 1], row) != 0) {
			prev = NULL;
			pos = dense = 0;
			np++;
		}
		if (place(row) != 0) {
			row->rank = 0;
			continue;
		}
		pos++;
		if (prev == NULL || key_cmp(rk, prev, row) != 0) {
			start = pos;
			dense++;
		}
		switch (rk->ties) {
		case RANK_COMPETITION:	row->rank = start; break;
		case RANK_DENSE:	row->rank = dense; break;
		case RANK_ORDINAL:	row->rank = pos; break;
		}
		prev = row;
		nranked++;
	}
	if (nparts != NULL)
		*nparts = np;
	return nranked;
}
