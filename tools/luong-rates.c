/*
 * luong-rates — indicators as numerator / denominator, per group.
 *
 * Reads a record stream, sums each indicator's numerator and denominator
 * per group (exactly, in scaled integers: tools/lib/agg.h), and
 * writes one row per group with name_num, name_den and the rate
 * 100 * num / den.  --partial writes the raw sums instead and --merge adds
 * such outputs together, so a large input can be split, aggregated in
 * parts and merged to the same bytes.  Memory is proportional to the
 * number of groups.  See luong-rates(1).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agg.h"
#include "buf.h"
#include "cfg.h"
#include "diag.h"
#include "gaz.h"
#include "hash.h"
#include "rec.h"

enum {
	OPT_HELP = 256, OPT_MERGE, OPT_ORDER, OPT_PARTIAL, OPT_RATE,
	OPT_STRICT, OPT_TOTAL
};

static const char synopsis[] =
    "usage: luong-rates -g field[,field ...] -i indicators.yaml [-l level]\n"
    "                   [--merge | --partial] [--order [field=]gazetteer.yaml]\n"
    "                   [--strict] [--total field=value[,field=value ...]]\n"
    "                   [file ...]\n"
    "       luong-rates -g field[,field ...] --rate name=NUM/DEN ...\n"
    "                   [--merge | --partial] [--order [field=]gazetteer.yaml]\n"
    "                   [--strict] [--total field=value[,field=value ...]]\n"
    "                   [file ...]\n";

static void
usage(void)
{
	fputs(synopsis, stderr);
	exit(EXIT_USAGE);
}

/* The run's settings and state; one per process. */
static struct {
	char		**gname;	/* -g fields */
	size_t		  ng;
	int		 *gi;		/* their indices in the input */
	struct agg_ind	 *ind;
	size_t		  nind;
	char		**tname, **tval;	/* --total */
	size_t		  nt;
	char		 *ofield;	/* --order field (default district) */
	const char	 *ofile;
	struct hash	 *gaz;		/* unit name or code -> rank + 1 */
	size_t		  nunits;
	int		  partial, merge, strict;
	const char	 *level;
	/* Groups: key = the group's values in stream form, TAB-joined. */
	struct agg_groups *groups;
	unsigned long long nread, nskip, nsource;
} R;

/* split_list splits s at commas into a new array of copies. */
static char **
split_list(const char *s, size_t *n, const char *opt)
{
	char **v = NULL;
	const char *p = s, *c;

	*n = 0;
	for (;;) {
		c = strchr(p, ',');
		if (c == NULL)
			c = p + strlen(p);
		if (c == p) {
			diag_msg(NULL, 0, "%s: empty item in \"%s\"", opt, s);
			usage();
		}
		v = xrealloc(v, (*n + 1) * sizeof *v);
		v[(*n)++] = xstrndup(p, (size_t)(c - p));
		if (*c == '\0')
			return v;
		p = c + 1;
	}
}

static void
free_list(char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static void
add_rate(const char *s, unsigned long ordinal)
{
	struct agg_ind *d;
	struct agg_err e;

	R.ind = xrealloc(R.ind, (R.nind + 1) * sizeof *R.ind);
	d = &R.ind[R.nind];
	memset(d, 0, sizeof *d);
	if (agg_parse(d, s, 1, &e) < 0) {
		struct agg_ind where = { 0 };

		where.file = "--rate";
		where.line = ordinal;
		where.col = 1;
		where.src = (char *)s;
		agg_fatal(&where, e.pos, "%s", e.msg);
	}
	d->file = xstrdup("--rate");
	d->line = ordinal;
	d->col = 1;
	R.nind++;
}

static void
parse_total(const char *s)
{
	char **items;
	size_t n, i, j;

	items = split_list(s, &n, "--total");
	for (i = 0; i < n; i++) {
		char *eq = strchr(items[i], '=');

		if (eq == NULL || eq == items[i]) {
			diag_msg(NULL, 0, "--total: expected field=value, "
			    "found \"%s\"", items[i]);
			usage();
		}
		*eq = '\0';
		for (j = 0; j < R.nt; j++)
			if (strcmp(R.tname[j], items[i]) == 0) {
				diag_msg(NULL, 0, "--total: field \"%s\" "
				    "named twice", items[i]);
				usage();
			}
		R.tname = xrealloc(R.tname, (R.nt + 1) * sizeof *R.tname);
		R.tval = xrealloc(R.tval, (R.nt + 1) * sizeof *R.tval);
		R.tname[R.nt] = xstrdup(items[i]);
		R.tval[R.nt] = xstrdup(eq + 1);
		R.nt++;
	}
	free_list(items, n);
}

static int
gindex(const char *name)
{
	size_t j;

	for (j = 0; j < R.ng; j++)
		if (strcmp(R.gname[j], name) == 0)
			return (int)j;
	return -1;
}

/* check_columns: every output field name must be unique. */
static void
check_columns(void)
{
	struct hash *h = hash_new();
	struct buf b = { 0 };
	size_t i, k;
	int added;
	static const char *fin[] = { "_num", "_den", "", NULL };
	static const char *par[] = { "_num", "_den", "_miss", NULL };
	const char **suf = R.partial ? par : fin;

	for (i = 0; i < R.ng; i++) {
		hash_add(h, R.gname[i], strlen(R.gname[i]), &added);
		if (!added) {
			diag_msg(NULL, 0, "-g: field \"%s\" named twice",
			    R.gname[i]);
			usage();
		}
	}
	if (R.partial || R.merge)
		hash_add(h, "_rows", 5, NULL);
	for (i = 0; i < R.nind; i++)
		for (k = 0; suf[k] != NULL; k++) {
			buf_reset(&b);
			buf_printf(&b, "%s%s", R.ind[i].name, suf[k]);
			hash_add(h, b.p, b.len, &added);
			if (!added)
				agg_fatal(&R.ind[i], 0, "output field \"%s\" "
				    "would appear twice (rename the indicator "
				    "or the group field)", b.p);
		}
	buf_free(&b);
	hash_free(h, NULL);
}

/* ---- groups ------------------------------------------------------------ */

static void
group_key(struct buf *key, char *const *f, const size_t *len, const int *gi)
{
	size_t j;

	buf_reset(key);
	for (j = 0; j < R.ng; j++) {
		if (j > 0)
			buf_addc(key, '\t');
		rec_escape(key, f[gi[j]], len[gi[j]]);
	}
	if (key->p == NULL)
		buf_add(key, "", 0);
}

/* key_part returns the j-th TAB-separated part of a group key. */
static const char *
key_part(const char *key, size_t j, size_t *n)
{
	const char *p = key, *t;

	while (j-- > 0)
		p = strchr(p, '\t') + 1;
	t = strchr(p, '\t');
	*n = t != NULL ? (size_t)(t - p) : strlen(p);
	return p;
}

static void
bind_groups(const struct rec_reader *r)
{
	size_t j;

	R.gi = xcalloc(R.ng, sizeof *R.gi);
	for (j = 0; j < R.ng; j++)
		if ((R.gi[j] = rec_index(r, R.gname[j])) < 0)
			diag_fatal(EXIT_USAGE, r->file, 1, "-g: no field \"%s\" "
			    "in the header", R.gname[j]);
}

static void
data_fatal(const struct rec_reader *r, const struct agg_ind *d, int rc,
    int badf)
{
	switch (rc) {
	case AGG_MISSING:
		diag_fatal(EXIT_DATA, r->file, r->line, "%s: field \"%s\" is "
		    "missing (--strict)", d->name, r->name[badf]);
	case AGG_BADNUM:
		diag_fatal(EXIT_DATA, r->file, r->line, "%s: field \"%s\": "
		    "\"%s\" is not a number", d->name, r->name[badf],
		    r->f[badf]);
	case AGG_BADBOOL:
		diag_fatal(EXIT_DATA, r->file, r->line, "%s: field \"%s\": "
		    "\"%s\" is not 1 or 0", d->name, r->name[badf],
		    r->f[badf]);
	default:
		if (badf >= 0)
			diag_fatal(EXIT_DATA, r->file, r->line, "%s: field "
			    "\"%s\": \"%s\" has too many digits", d->name,
			    r->name[badf], r->f[badf]);
		diag_fatal(EXIT_DATA, r->file, r->line, "%s: the sum "
		    "overflows", d->name);
	}
}

/* aggregate reads source rows. */
static void
aggregate(struct rec_reader *r)
{
	struct buf key = { 0 };
	const struct agg_term *bad;
	struct agg_acc *acc;
	size_t k, g, llen = 0;
	int lfi = -1, rc, badf;

	bind_groups(r);
	for (k = 0; k < R.nind; k++)
		if (agg_bind(&R.ind[k], r->name, r->nf, &bad) < 0)
			agg_fatal(&R.ind[k], bad->pos, "%s: no field \"%s\" in "
			    "%s", R.ind[k].name, bad->field, r->file);
	if (R.level != NULL) {
		lfi = rec_index(r, "level");
		llen = strlen(R.level);
	}
	while (rec_next(r)) {
		R.nread++;
		if (lfi >= 0 && (r->len[lfi] != llen ||
		    memcmp(r->f[lfi], R.level, llen) != 0)) {
			R.nskip++;
			continue;
		}
		group_key(&key, r->f, r->len, R.gi);
		g = agg_groups_add(R.groups, key.p, key.len);
		(*agg_groups_rows(R.groups, g))++;
		acc = agg_groups_acc(R.groups, g);
		for (k = 0; k < R.nind; k++) {
			rc = agg_add(&R.ind[k], r->f, r->len, &acc[k], &badf);
			if (rc == AGG_OK || (rc == AGG_MISSING && !R.strict))
				continue;
			data_fatal(r, &R.ind[k], rc, badf);
		}
	}
	R.nsource = R.nread - R.nskip;
	buf_free(&key);
}

/* merge reads the outputs of --partial runs. */
static void
merge(struct rec_reader *r)
{
	struct buf key = { 0 }, want = { 0 };
	const char *p;
	struct agg_acc a;
	unsigned long long n;
	size_t i, k, g, nf = R.ng + 1 + 3 * R.nind;
	int *gi = xcalloc(R.ng, sizeof *gi);

	/* The header must be the one --partial writes for these groups and
	 * indicators. */
	for (i = 0; i < R.ng; i++)
		buf_printf(&want, "%s\t", R.gname[i]);
	buf_adds(&want, "_rows");
	for (k = 0; k < R.nind; k++) {
		buf_addc(&want, '\t');
		agg_fields_names(&want, R.ind[k].name, 1);
	}
	for (i = 0, p = want.p; i < nf; i++, p += n + 1) {
		n = strcspn(p, "\t");
		if (i >= r->nf || strlen(r->name[i]) != n ||
		    memcmp(r->name[i], p, n) != 0)
			diag_fatal(EXIT_USAGE, r->file, 1, "not a --partial "
			    "output of these groups and indicators: field %zu "
			    "is \"%s\", expected \"%.*s\"", i + 1,
			    i < r->nf ? r->name[i] : "", (int)n, p);
	}
	if (r->nf != nf)
		diag_fatal(EXIT_USAGE, r->file, 1, "not a --partial output of "
		    "these groups and indicators: %zu fields, expected %zu",
		    r->nf, nf);
	for (i = 0; i < R.ng; i++)
		gi[i] = (int)i;
	while (rec_next(r)) {
		R.nread++;
		group_key(&key, r->f, r->len, gi);
		g = agg_groups_add(R.groups, key.p, key.len);
		if (agg_parse_count(r->f[R.ng], r->len[R.ng], &n) < 0)
			diag_fatal(EXIT_DATA, r->file, r->line, "field "
			    "\"_rows\": \"%s\" is not a count", r->f[R.ng]);
		*agg_groups_rows(R.groups, g) += n;
		R.nsource += n;
		for (k = 0; k < R.nind; k++) {
			size_t f0 = R.ng + 1 + 3 * k;
			int bad;

			if (agg_fields_parse(&r->f[f0], &r->len[f0], &a,
			    &bad) < 0)
				diag_fatal(EXIT_DATA, r->file, r->line, "field "
				    "\"%s\": \"%s\" is not a %s",
				    r->name[f0 + bad], r->f[f0 + bad],
				    bad < 2 ? "number" : "count");
			if (R.strict && a.miss > 0)
				diag_fatal(EXIT_DATA, r->file, r->line, "%s: "
				    "%llu row%s left out here (--strict)",
				    R.ind[k].name, a.miss, a.miss == 1 ? "" :
				    "s");
			if (agg_acc_merge(&agg_groups_acc(R.groups, g)[k],
			    &a) < 0)
				diag_fatal(EXIT_DATA, r->file, r->line,
				    "%s: the sum overflows", R.ind[k].name);
		}
	}
	free(gi);
	buf_free(&key);
	buf_free(&want);
}

/* ---- order ------------------------------------------------------------- */

/* order_load reads the gazetteer (luong-gazetteer(5), checked as
 * luong-normalise checks it) and keys each unit's name and code, in
 * stream form, to its place in the report order. */
static void
order_load(const char *path)
{
	struct gaz *g = gaz_load(path);
	struct buf b = { 0 };
	size_t i, k;

	R.gaz = hash_new();
	for (i = 0; i < g->n; i++) {
		const char *v[2] = { g->unit[i].name, g->unit[i].code };

		for (k = 0; k < 2; k++) {
			buf_reset(&b);
			rec_escape(&b, v[k], strlen(v[k]));
			if (hash_find(R.gaz, b.p, b.len) == HASH_NONE)
				hash_put(R.gaz, b.p, b.len,
				    (void *)(g->unit[i].order + 1));
		}
	}
	R.nunits = g->n;
	buf_free(&b);
	gaz_free(g);
}

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

/* order returns the output order of the groups: first appearance, or with
 * --order the gazetteer's order for the ordered fields and first
 * appearance of each value for the others, field by field. */
static size_t *
order(size_t ngroups)
{
	size_t *perm = xcalloc(ngroups ? ngroups : 1, sizeof *perm);
	unsigned long long *rank;
	struct hash **seen;
	struct buf code = { 0 };
	size_t g, j, n;
	int of[2];

	for (g = 0; g < ngroups; g++)
		perm[g] = g;
	if (R.ofile == NULL || ngroups == 0)
		return perm;
	buf_printf(&code, "%s_code", R.ofield);
	of[0] = gindex(R.ofield);
	of[1] = gindex(code.p);
	rank = xcalloc(ngroups * R.ng, sizeof *rank);
	seen = xcalloc(R.ng, sizeof *seen);
	for (j = 0; j < R.ng; j++)
		seen[j] = hash_new();
	for (g = 0; g < ngroups; g++) {
		const char *key = agg_groups_key(R.groups, g);

		for (j = 0; j < R.ng; j++) {
			const char *p = key_part(key, j, &n);
			void *u;
			int added;
			size_t s;

			if ((int)j != of[0] && (int)j != of[1]) {
				rank[g * R.ng + j] = hash_add(seen[j], p, n,
				    NULL);
				continue;
			}
			if ((u = hash_get(R.gaz, p, n)) != NULL) {
				rank[g * R.ng + j] = (size_t)u - 1;
				continue;
			}
			/* Not in the gazetteer: after its units, in order
			 * of appearance, and said once. */
			s = hash_add(seen[j], p, n, &added);
			rank[g * R.ng + j] = R.nunits + s;
			if (added)
				diag_msg(R.ofile, 0, "%s \"%.*s\" is not in "
				    "the gazetteer: its rows come last",
				    R.gname[j], (int)n, p);
		}
	}
	sort_rank = rank;
	sort_ng = R.ng;
	qsort(perm, ngroups, sizeof *perm, cmp_rank);
	for (j = 0; j < R.ng; j++)
		hash_free(seen[j], NULL);
	free(seen);
	free(rank);
	buf_free(&code);
	return perm;
}

/* ---- output ------------------------------------------------------------ */

static void
put_header(struct rec_writer *w)
{
	struct buf b = { 0 };
	size_t j, k;

	for (j = 0; j < R.ng; j++)
		rec_puts(w, R.gname[j]);
	if (R.partial)
		rec_puts(w, "_rows");
	for (k = 0; k < R.nind; k++) {
		buf_reset(&b);
		agg_fields_names(&b, R.ind[k].name, R.partial);
		rec_put_raw(w, b.p, b.len);
	}
	rec_endrow(w);
	buf_free(&b);
}

/* put_sums writes the indicator fields of one row. */
static void
put_sums(struct rec_writer *w, const struct agg_acc *a, unsigned long long rows)
{
	struct buf b = { 0 };
	size_t k;

	if (R.partial)
		rec_put_int(w, (long long)rows);
	for (k = 0; k < R.nind; k++) {
		buf_reset(&b);
		if (agg_fields_values(&b, &a[k], R.partial) < 0)
			diag_fatal(EXIT_DATA, NULL, 0, "%s: the sums are too "
			    "large to divide exactly", R.ind[k].name);
		rec_put_raw(w, b.p, b.len);
	}
	buf_free(&b);
}

/* put_totals writes one total row per combination of the group fields
 * --total does not name, in output order. */
static size_t
put_totals(struct rec_writer *w, const size_t *perm, size_t ngroups)
{
	struct agg_groups *tot = agg_groups_new(R.nind);
	struct buf key = { 0 };
	size_t *rep = xcalloc(ngroups ? ngroups : 1, sizeof *rep);
	size_t g, j, k, t, n, nt;
	int *named = xcalloc(R.ng, sizeof *named);

	for (j = 0; j < R.nt; j++)
		named[gindex(R.tname[j])] = (int)j + 1;
	for (g = 0; g < ngroups; g++) {
		const char *gk = agg_groups_key(R.groups, perm[g]);
		const struct agg_acc *a = agg_groups_acc(R.groups, perm[g]);

		buf_reset(&key);
		buf_add(&key, "", 0);
		for (j = 0; j < R.ng; j++) {
			const char *p = key_part(gk, j, &n);

			if (named[j])
				continue;
			buf_add(&key, p, n);
			buf_addc(&key, '\t');
		}
		nt = agg_groups_count(tot);
		t = agg_groups_add(tot, key.p, key.len);
		if (t == nt)
			rep[t] = perm[g];	/* new: its values come from here */
		for (k = 0; k < R.nind; k++)
			if (agg_acc_merge(&agg_groups_acc(tot, t)[k], &a[k]) < 0)
				diag_fatal(EXIT_DATA, NULL, 0, "%s: the total "
				    "overflows", R.ind[k].name);
	}
	nt = agg_groups_count(tot);
	for (t = 0; t < nt; t++) {
		const char *gk = agg_groups_key(R.groups, rep[t]);

		for (j = 0; j < R.ng; j++) {
			const char *p = key_part(gk, j, &n);

			if (named[j])
				rec_puts(w, R.tval[named[j] - 1]);
			else
				rec_put_raw(w, p, n);
		}
		put_sums(w, agg_groups_acc(tot, t), 0);
		rec_endrow(w);
	}
	free(named);
	free(rep);
	buf_free(&key);
	agg_groups_free(tot);
	return nt;
}

static size_t
output(void)
{
	struct rec_writer *w = rec_writer_new(1, "<stdout>");
	size_t ngroups = agg_groups_count(R.groups), g, j, n, nt = 0;
	size_t *perm = order(ngroups);

	put_header(w);
	for (g = 0; g < ngroups; g++) {
		const char *key = agg_groups_key(R.groups, perm[g]);

		for (j = 0; j < R.ng; j++) {
			const char *p = key_part(key, j, &n);

			rec_put_raw(w, p, n);
		}
		put_sums(w, agg_groups_acc(R.groups, perm[g]),
		    *agg_groups_rows(R.groups, perm[g]));
		rec_endrow(w);
	}
	if (R.nt > 0)
		nt = put_totals(w, perm, ngroups);
	rec_writer_free(w);
	free(perm);
	return nt;
}

static const char *
pl(unsigned long long n)
{
	return n == 1 ? "" : "s";
}

static void
summary(size_t ntotal)
{
	size_t ngroups = agg_groups_count(R.groups), k, g;
	unsigned long long miss, nw = ngroups + ntotal;
	struct buf b = { 0 };

	if (R.merge)
		buf_printf(&b, "%llu partial row%s read (%llu source row%s)",
		    R.nread, pl(R.nread), R.nsource, pl(R.nsource));
	else
		buf_printf(&b, "%llu row%s read", R.nread, pl(R.nread));
	if (R.nskip > 0)
		buf_printf(&b, ", %llu skipped (level is not %s)", R.nskip,
		    R.level);
	diag_msg(NULL, 0, "%s, %zu group%s, %llu row%s written", b.p,
	    ngroups, pl(ngroups), nw, pl(nw));
	buf_free(&b);
	for (k = 0; k < R.nind; k++) {
		miss = 0;
		for (g = 0; g < ngroups; g++)
			miss += agg_groups_acc(R.groups, g)[k].miss;
		if (miss > 0)
			diag_msg(NULL, 0, "%s: %llu row%s left out: a value it "
			    "needs is missing", R.ind[k].name, miss, pl(miss));
	}
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "help",	no_argument,		NULL, OPT_HELP },
		{ "merge",	no_argument,		NULL, OPT_MERGE },
		{ "order",	required_argument,	NULL, OPT_ORDER },
		{ "partial",	no_argument,		NULL, OPT_PARTIAL },
		{ "rate",	required_argument,	NULL, OPT_RATE },
		{ "strict",	no_argument,		NULL, OPT_STRICT },
		{ "total",	required_argument,	NULL, OPT_TOTAL },
		{ NULL, 0, NULL, 0 }
	};
	struct rec_reader *r;
	const char *ipath = NULL, *eq;
	unsigned long nrate = 0;
	size_t j, ntotal;
	int ch;

	diag_init("luong-rates");
	/* getopt names the program by argv[0]: make it ours, not a path. */
	argv[0] = (char *)"luong-rates";
	while ((ch = getopt_long(argc, argv, "g:i:l:", longopts, NULL)) != -1) {
		switch (ch) {
		case 'g':
			free_list(R.gname, R.ng);
			R.gname = split_list(optarg, &R.ng, "-g");
			break;
		case 'i':
			ipath = optarg;
			break;
		case 'l':
			R.level = optarg;
			break;
		case OPT_HELP:
			fputs(synopsis, stdout);
			rec_close_stdout();
			return EXIT_OK;
		case OPT_MERGE:
			R.merge = 1;
			break;
		case OPT_ORDER:
			free(R.ofield);
			eq = strchr(optarg, '=');
			R.ofield = eq != NULL ? xstrndup(optarg,
			    (size_t)(eq - optarg)) : xstrdup("district");
			R.ofile = eq != NULL ? eq + 1 : optarg;
			break;
		case OPT_PARTIAL:
			R.partial = 1;
			break;
		case OPT_RATE:
			add_rate(optarg, ++nrate);
			break;
		case OPT_STRICT:
			R.strict = 1;
			break;
		case OPT_TOTAL:
			parse_total(optarg);
			break;
		default:
			usage();
		}
	}
	argc -= optind;
	argv += optind;

	if (R.ng == 0) {
		diag_msg(NULL, 0, "-g is required");
		usage();
	}
	if ((ipath != NULL) == (nrate > 0)) {
		diag_msg(NULL, 0, ipath != NULL ? "-i and --rate exclude each "
		    "other" : "-i or --rate is required");
		usage();
	}
	if (R.level != NULL && ipath == NULL) {
		diag_msg(NULL, 0, "-l needs -i");
		usage();
	}
	if (R.partial && R.merge) {
		diag_msg(NULL, 0, "--partial and --merge exclude each other");
		usage();
	}
	if (R.partial && (R.nt > 0 || R.ofile != NULL)) {
		diag_msg(NULL, 0, "--partial writes raw sums: --total and "
		    "--order belong to the final run");
		usage();
	}
	for (j = 0; j < R.nt; j++)
		if (gindex(R.tname[j]) < 0) {
			diag_msg(NULL, 0, "--total: \"%s\" is not a -g field",
			    R.tname[j]);
			usage();
		}
	if (R.ofile != NULL) {
		struct buf code = { 0 };

		buf_printf(&code, "%s_code", R.ofield);
		if (gindex(R.ofield) < 0 && gindex(code.p) < 0) {
			diag_msg(NULL, 0, "--order: neither \"%s\" nor \"%s\" "
			    "is a -g field", R.ofield, code.p);
			buf_free(&code);
			usage();
		}
		buf_free(&code);
	}
	if (ipath != NULL)
		R.ind = agg_load(ipath, R.level, &R.nind);
	check_columns();
	if (R.ofile != NULL)
		order_load(R.ofile);

	r = rec_reader_open(argc, argv);
	R.groups = agg_groups_new(R.nind);
	if (R.merge)
		merge(r);
	else
		aggregate(r);
	rec_reader_free(r);
	ntotal = output();
	summary(ntotal);

	agg_free(R.ind, R.nind);
	free_list(R.gname, R.ng);
	free_list(R.tname, R.nt);
	free_list(R.tval, R.nt);
	free(R.gi);
	free(R.ofield);
	agg_groups_free(R.groups);
	hash_free(R.gaz, NULL);
	rec_close_stdout();
	return EXIT_OK;
}
