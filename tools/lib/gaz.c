#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cfg.h"
#include "diag.h"
#include "gaz.h"
#include "period.h"
#include "text.h"

static const char *const match_names[GAZ_NMATCH] = {
	"none", "exact", "alias", "code", "ascii", "folded", "fuzzy"
};

const char *
gaz_match_name(enum gaz_match m)
{
	return (unsigned)m < GAZ_NMATCH ? match_names[m] : "none";
}

/* The kinds of unit, as the gazetteer writes them. */
static const char *const kinds[] = { "thành phố", "thị xã", "huyện", NULL };

/* Kind prefixes, folded, one word per element. */
static const char *const prefixes[][3] = {
	{ "huyen", NULL }, { "h", NULL }, { "thi", "xa", NULL },
	{ "tx", NULL }, { "thanh", "pho", NULL }, { "tp", NULL },
};

/* word_is reports whether key[a..b) folds to the ASCII word w. */
static int
word_is(const char *key, size_t a, size_t b, const char *w)
{
	struct buf f = { 0 };
	int eq;

	if (b == a)
		return 0;
	text_fold_key(&f, key + a, b - a);
	eq = f.len == strlen(w) && memcmp(f.p, w, f.len) == 0;
	buf_free(&f);
	return eq;
}

size_t
gaz_kind_prefix(const char *key, size_t n)
{
	size_t i, p, e;
	int w;

	for (i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++) {
		p = 0;
		for (w = 0; prefixes[i][w] != NULL; w++) {
			e = p;
			while (e < n && key[e] != ' ' && key[e] != '.')
				e++;
			if (!word_is(key, p, e, prefixes[i][w]))
				break;
			p = e;
			if (prefixes[i][w + 1] != NULL) {
				/* Words of a prefix: one space between. */
				if (p >= n || key[p] != ' ')
					break;
				p++;
			}
		}
		if (prefixes[i][w] != NULL)
			continue;
		if (p == n)
			return n;
		if (key[p] == '.') {
			p++;
			if (p < n && key[p] == ' ')
				p++;
			return p;
		}
		if (key[p] == ' ')
			return p + 1;
	}
	return 0;
}

void
gaz_key(struct buf *key, struct buf *fold, const char *s, size_t n)
{
	struct buf m = { 0 };
	size_t p;

	text_match_key(&m, s, n);
	buf_addc(&m, '\0');	/* m.p is never NULL from here */
	m.len--;
	p = gaz_kind_prefix(m.p, m.len);
	buf_add(key, m.p + p, m.len - p);
	if (fold != NULL)
		text_fold_key(fold, m.p + p, m.len - p);
	buf_free(&m);
}

/* ---- loading ---- */

/* While loading, so that an error exit leaves nothing unreachable. */
static struct gaz *loading;
static struct cfg *loading_cfg;

static char *
nfc_dup(const char *s)
{
	struct buf b = { 0 };

	text_nfc(&b, s, strlen(s));
	buf_addc(&b, '\0');
	return b.p;
}

static char *
buf_dup(const struct buf *b)
{
	return xstrndup(b->p != NULL ? b->p : "", b->len);
}

/* scalar returns map[key], which must be a non-empty scalar; NULL when
 * absent and not required. */
static const struct cfg_node *
scalar(const struct cfg *c, const struct cfg_node *map, const char *key,
    int required)
{
	const struct cfg_node *v = cfg_get(map, key);

	if (v == NULL || (cfg_is_null(v) && !required)) {
		if (required)
			cfg_error(c, map, "missing key \"%s\"", key);
		return NULL;
	}
	if (v->type != CFG_SCALAR)
		cfg_error(c, v, "\"%s\": expected a scalar", key);
	if (v->len == 0 || cfg_is_null(v))
		cfg_error(c, v, "\"%s\" is empty", key);
	return v;
}

static int
all_digits(const char *s, size_t n)
{
	size_t i;

	if (n == 0)
		return 0;
	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

/* code_digits skips leading zeros: "0794" and "794" are one code. */
static const char *
code_digits(const char *s, size_t *n)
{
	while (*n > 1 && *s == '0')
		s++, (*n)--;
	return s;
}

/* The most digits a code has, leading zeros aside: codes are compared
 * as numbers (nearest candidates) in 64 bits. */
#define CODE_MAX_DIGITS	18

static char *
code_of(const struct cfg *c, const struct cfg_node *v)
{
	size_t n = v->len;

	if (!all_digits(v->str, v->len))
		cfg_error(c, v, "code \"%s\" is not a number (digits only)",
		    v->str);
	code_digits(v->str, &n);
	if (n > CODE_MAX_DIGITS)
		cfg_error(c, v, "code \"%s\" is out of range (at most %d "
		    "digits)", v->str, CODE_MAX_DIGITS);
	return xstrdup(v->str);
}

static char *
date_of(const struct cfg *c, const struct cfg_node *v)
{
	switch (period_date(v->str, v->len)) {
	case -1:
		cfg_error(c, v, "\"%s\" is not a date (YYYY-MM-DD)", v->str);
	case -2:
		cfg_error(c, v, "\"%s\" is not a date", v->str);
	}
	return xstrdup(v->str);
}

static char *
kind_of(const struct cfg *c, const struct cfg_node *v)
{
	struct buf k = { 0 }, w = { 0 };
	size_t i;

	text_match_key(&k, v->str, v->len);
	for (i = 0; kinds[i] != NULL; i++) {
		buf_reset(&w);
		text_match_key(&w, kinds[i], strlen(kinds[i]));
		if (k.len == w.len && memcmp(k.p, w.p, k.len) == 0)
			break;
	}
	buf_free(&k);
	buf_free(&w);
	if (kinds[i] == NULL)
		cfg_error(c, v, "kind \"%s\" is not \"thành phố\", \"thị xã\" "
		    "or \"huyện\"", v->str);
	return xstrdup(kinds[i]);
}

/* Nodes kept for messages about one unit. */
struct unit_nodes {
	const struct cfg_node	 *name, *code;
	const struct cfg_node	**alias;
};

static void
load_unit(const struct cfg *c, const struct cfg_node *m, struct gaz_unit *u,
    struct unit_nodes *un)
{
	static const char *const keys[] = { "name", "code", "kind", "aliases",
	    "valid_from", "valid_to", NULL };
	const struct cfg_node *v, *from, *to;
	struct buf k = { 0 }, f = { 0 };
	size_t i;

	cfg_want(c, m, CFG_MAP, "unit");
	cfg_keys(c, m, keys);
	u->line = m->line;
	un->name = scalar(c, m, "name", 1);
	u->name = nfc_dup(un->name->str);
	un->code = scalar(c, m, "code", 1);
	u->code = code_of(c, un->code);
	u->kind = kind_of(c, scalar(c, m, "kind", 1));
	if ((from = scalar(c, m, "valid_from", 0)) != NULL)
		u->valid_from = date_of(c, from);
	if ((to = scalar(c, m, "valid_to", 0)) != NULL)
		u->valid_to = date_of(c, to);
	if (from != NULL && to != NULL &&
	    strcmp(u->valid_from, u->valid_to) >= 0)
		cfg_error(c, to, "valid_to %s is not after valid_from %s",
		    u->valid_to, u->valid_from);

	gaz_key(&k, &f, u->name, strlen(u->name));
	if (k.len == 0)
		cfg_error(c, un->name, "name \"%s\" is blank or only a "
		    "kind prefix", u->name);
	u->key = buf_dup(&k);
	u->fold = buf_dup(&f);

	v = cfg_get(m, "aliases");
	if (v != NULL && !cfg_is_null(v)) {
		cfg_want(c, v, CFG_SEQ, "aliases");
		u->alias = xcalloc(v->n, sizeof *u->alias);
		u->alias_key = xcalloc(v->n, sizeof *u->alias_key);
		un->alias = xcalloc(v->n, sizeof *un->alias);
		for (i = 0; i < v->n; i++) {
			const struct cfg_node *a = v->items[i];

			if (a->type != CFG_SCALAR)
				cfg_error(c, a, "an alias must be a scalar");
			if (a->len == 0 || cfg_is_null(a))
				cfg_error(c, a, "an alias is empty");
			un->alias[i] = a;
			u->alias[i] = nfc_dup(a->str);
			u->nalias++;
			buf_reset(&k);
			gaz_key(&k, NULL, u->alias[i], strlen(u->alias[i]));
			if (k.len == 0)
				cfg_error(c, a, "alias \"%s\" is blank or "
				    "only a kind prefix", a->str);
			u->alias_key[i] = buf_dup(&k);
		}
	}
	buf_free(&k);
	buf_free(&f);
}

static int
same_code(const char *a, const char *b)
{
	size_t na = strlen(a), nb = strlen(b);

	a = code_digits(a, &na);
	b = code_digits(b, &nb);
	return na == nb && memcmp(a, b, na) == 0;
}

/* check_units finds what would make a name resolve to two units. */
static void
check_units(const struct cfg *c, const struct gaz *g,
    const struct unit_nodes *un)
{
	size_t i, j, a, b;

	for (i = 0; i < g->n; i++) {
		const struct gaz_unit *u = &g->unit[i];

		for (j = 0; j < i; j++) {
			const struct gaz_unit *p = &g->unit[j];

			if (same_code(u->code, p->code))
				cfg_error(c, un[i].code, "duplicate code %s: "
				    "\"%s\" on line %lu has it already",
				    u->code, p->name, p->line);
			if (strcmp(u->key, p->key) == 0)
				cfg_error(c, un[i].name, "\"%s\" cannot be "
				    "told apart from \"%s\" on line %lu "
				    "(same name once case, spacing, tone "
				    "placement and kind prefix are ignored)",
				    u->name, p->name, p->line);
		}
		for (a = 0; a < u->nalias; a++) {
			for (j = 0; j < g->n; j++) {
				const struct gaz_unit *p = &g->unit[j];

				if (j != i && strcmp(u->alias_key[a],
				    p->key) == 0)
					cfg_error(c, un[i].alias[a], "alias "
					    "\"%s\" of \"%s\" is the name of "
					    "\"%s\" on line %lu", u->alias[a],
					    u->name, p->name, p->line);
				if (j >= i)
					continue;
				for (b = 0; b < p->nalias; b++)
					if (strcmp(u->alias_key[a],
					    p->alias_key[b]) == 0)
						cfg_error(c, un[i].alias[a],
						    "alias \"%s\" of \"%s\" is "
						    "also an alias of \"%s\" "
						    "on line %lu", u->alias[a],
						    u->name, p->name, p->line);
			}
		}
	}
}

struct gaz *
gaz_load(const char *path)
{
	static const char *const top[] = { "province", "units", NULL };
	static const char *const prov[] = { "name", "code", NULL };
	struct cfg *c;
	struct gaz *g;
	const struct cfg_node *root, *p, *units;
	struct unit_nodes *un;
	struct buf k = { 0 }, f = { 0 };
	size_t i;

	c = loading_cfg = cfg_load(path);
	g = loading = xcalloc(1, sizeof *g);
	g->path = xstrdup(path);
	root = c->root;
	if (cfg_is_null(root))
		cfg_error(c, NULL, "empty gazetteer");
	cfg_want(c, root, CFG_MAP, "gazetteer");
	cfg_keys(c, root, top);

	if ((p = cfg_get(root, "province")) == NULL)
		cfg_error(c, root, "missing key \"province\"");
	cfg_want(c, p, CFG_MAP, "province");
	cfg_keys(c, p, prov);
	g->province = nfc_dup(scalar(c, p, "name", 1)->str);
	g->province_code = code_of(c, scalar(c, p, "code", 1));
	gaz_key(&k, &f, g->province, strlen(g->province));
	g->province_key = buf_dup(&k);
	g->province_fold = buf_dup(&f);
	buf_free(&k);
	buf_free(&f);

	if ((units = cfg_get(root, "units")) == NULL)
		cfg_error(c, root, "missing key \"units\"");
	cfg_want(c, units, CFG_SEQ, "units");
	if (units->n == 0)
		cfg_error(c, units, "no units");
	g->unit = xcalloc(units->n, sizeof *g->unit);
	un = xcalloc(units->n, sizeof *un);
	for (i = 0; i < units->n; i++) {
		g->unit[i].order = i;
		g->n++;
		load_unit(c, units->items[i], &g->unit[i], &un[i]);
	}
	check_units(c, g, un);
	for (i = 0; i < g->n; i++)
		free(un[i].alias);
	free(un);
	cfg_free(c);
	loading = NULL;
	loading_cfg = NULL;
	return g;
}

void
gaz_free(struct gaz *g)
{
	size_t i, a;

	if (g == NULL)
		return;
	for (i = 0; i < g->n; i++) {
		struct gaz_unit *u = &g->unit[i];

		for (a = 0; a < u->nalias; a++) {
			free(u->alias[a]);
			free(u->alias_key[a]);
		}
		free(u->alias);
		free(u->alias_key);
		free(u->name);
		free(u->code);
		free(u->kind);
		free(u->valid_from);
		free(u->valid_to);
		free(u->key);
		free(u->fold);
	}
	free(g->unit);
	free(g->province);
	free(g->province_code);
	free(g->province_key);
	free(g->province_fold);
	free(g->path);
	free(g);
}

/* ---- lookups ---- */

const struct gaz_unit *
gaz_by_code(const struct gaz *g, const char *s, size_t n)
{
	size_t i, m;
	const char *c;

	if (!all_digits(s, n))
		return NULL;
	s = code_digits(s, &n);
	for (i = 0; i < g->n; i++) {
		m = strlen(g->unit[i].code);
		c = code_digits(g->unit[i].code, &m);
		if (m == n && memcmp(c, s, n) == 0)
			return &g->unit[i];
	}
	return NULL;
}

const struct gaz_unit *
gaz_by_name(const struct gaz *g, const char *s, size_t n)
{
	struct buf b = { 0 };
	const struct gaz_unit *u = NULL;
	size_t i;

	text_nfc(&b, s, n);
	for (i = 0; i < g->n && u == NULL; i++)
		if (strlen(g->unit[i].name) == b.len &&
		    memcmp(g->unit[i].name, b.p, b.len) == 0)
			u = &g->unit[i];
	buf_free(&b);
	return u;
}

long
gaz_order(const struct gaz *g, const char *s, size_t n)
{
	const struct gaz_unit *u = gaz_by_code(g, s, n);

	if (u == NULL)
		u = gaz_by_name(g, s, n);
	return u != NULL ? (long)u->order : -1;
}

/* ---- resolving ---- */

static void
trace_line(struct buf *t, const char *step, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
trace_line(struct buf *t, const char *step, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	if (t == NULL)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	buf_printf(t, "%-10s %s\n", step, msg);
}

static int
eq(const char *a, const char *b, size_t nb)
{
	return strlen(a) == nb && memcmp(a, b, nb) == 0;
}

/* Candidates for an unresolved name: the units whose folded name is
 * within a third of its length in edits (at least 2), or, for a code, the
 * numerically nearest codes within 10; nearest first, ties in report
 * order. */
#define CAND_MAX_LEN	256

static unsigned long long
code_value(const char *s, size_t n)
{
	unsigned long long v = 0;

	while (n-- > 0)
		v = v * 10 + (unsigned long long)(*s++ - '0');
	return v;
}

static void
nearest(const struct gaz *g, const char *s, size_t n, int digits,
    struct gaz_result *res)
{
	size_t i, j, d, m, limit, best[GAZ_NCAND];
	unsigned long long v = 0, x;
	const char *c;

	if (n == 0 || n > CAND_MAX_LEN || (digits && n > CODE_MAX_DIGITS))
		return;
	limit = digits ? 10 : n / 3 > 2 ? n / 3 : 2;
	if (digits)
		v = code_value(s, n);
	for (i = 0; i < g->n; i++) {
		c = digits ? g->unit[i].code : g->unit[i].fold;
		m = strlen(c);
		if (digits) {
			x = code_value(c, m);
			x = x > v ? x - v : v - x;
			d = x > limit ? limit + 1 : (size_t)x;
		} else {
			d = text_edit_distance(s, n, c, m);
		}
		if (d > limit)
			continue;
		/* Keep the best in (distance, order) order; i grows. */
		for (j = res->ncand; j > 0 && best[j - 1] > d; j--)
			;
		if (j >= GAZ_NCAND)
			continue;
		for (m = res->ncand < GAZ_NCAND ? res->ncand : GAZ_NCAND - 1;
		    m > j; m--) {
			best[m] = best[m - 1];
			res->cand[m] = res->cand[m - 1];
		}
		best[j] = d;
		res->cand[j] = &g->unit[i];
		if (res->ncand < GAZ_NCAND)
			res->ncand++;
	}
}

void
gaz_candidates(struct buf *out, const struct gaz_result *res)
{
	size_t i;

	for (i = 0; i < res->ncand; i++)
		buf_printf(out, "%s%s (%s)", i ? ", " : "",
		    res->cand[i]->name, res->cand[i]->code);
}

/* by_fold collects the units whose folded name is within dist edits of
 * fold (exactly dist); returns how many, keeping the first GAZ_NCAND. */
static size_t
by_fold(const struct gaz *g, const char *fold, size_t n, size_t dist,
    struct gaz_result *res)
{
	size_t i, count = 0, m;

	res->ncand = 0;
	for (i = 0; i < g->n; i++) {
		m = strlen(g->unit[i].fold);
		if (dist == 0 ? !eq(g->unit[i].fold, fold, n) :
		    (m > n + dist || n > m + dist ||
		    text_edit_distance(fold, n, g->unit[i].fold, m) != dist))
			continue;
		if (res->ncand < GAZ_NCAND)
			res->cand[res->ncand++] = &g->unit[i];
		count++;
	}
	return count;
}

static void
found(struct gaz_result *res, enum gaz_match m, const struct gaz_unit *u,
    struct buf *t, const char *step)
{
	res->match = m;
	res->unit = u;
	res->ncand = 0;
	trace_line(t, step, "%s (%s)", u->name, u->code);
}

/* show returns s[0..n) fit for a message (text_show), in b; nothing when
 * there is no trace to write. */
static const char *
show(const struct buf *t, struct buf *b, const char *s, size_t n)
{
	if (t == NULL)
		return "";
	buf_reset(b);
	text_show(b, s, n);
	buf_addc(b, '\0');
	return b->p;
}

static void
fold_trace(struct buf *t, const char *step, size_t hits, const char *fold)
{
	if (hits == 0)
		trace_line(t, step, "no unit folds to \"%s\"", fold);
	else
		trace_line(t, step, "%zu units fold to \"%s\"", hits, fold);
}

static void
not_reached(struct buf *t, int from)
{
	static const char *steps[] = { "1 exact", "2 alias", "3 code",
	    "4 ascii", "5 folded", "6 fuzzy" };
	int i;

	for (i = from; i < 6; i++)
		trace_line(t, steps[i], "not reached");
}

void
gaz_resolve(const struct gaz *g, const char *s, size_t n, int flags,
    struct gaz_result *res, struct buf *t)
{
	struct buf m = { 0 }, fold = { 0 }, qn = { 0 }, qf = { 0 };
	const char *name;
	size_t nn, i, a, bad, hits, dn;
	const struct gaz_unit *u;
	const char *digits;
	int marks;

	memset(res, 0, sizeof *res);
	res->reason = "no unit matches";
	trace_line(t, "input", "\"%s\"", show(t, &qn, s, n));
	if (text_utf8_check(s, n, &bad) != 0) {
		res->reason = "not valid UTF-8";
		trace_line(t, "key", "not valid UTF-8 at byte %zu", bad);
		not_reached(t, 0);
		goto out;
	}
	text_match_key(&m, s, n);
	buf_addc(&m, '\0');
	m.len--;
	i = gaz_kind_prefix(m.p, m.len);
	name = m.p + i;
	nn = m.len - i;
	trace_line(t, "key", "\"%s\"", show(t, &qn, m.p, m.len));
	if (i > 0)
		trace_line(t, "prefix", "\"%.*s\" removed",
		    (int)(i - (m.p[i - 1] == ' ')), m.p);
	else
		trace_line(t, "prefix", "none");
	if (m.len == 0 || nn == 0) {
		res->reason = m.len == 0 ? "empty value" :
		    "only a kind prefix, no name";
		trace_line(t, "name", "none: %s", res->reason);
		not_reached(t, 0);
		goto out;
	}
	text_fold_key(&fold, name, nn);
	buf_addc(&fold, '\0');
	fold.len--;
	marks = text_has_diacritics(name, nn);
	show(t, &qn, name, nn);
	show(t, &qf, fold.p, fold.len);
	trace_line(t, "name", "\"%s\"", qn.p);
	trace_line(t, "folded", "\"%s\"%s", qf.p,
	    marks ? "" : " (the name has no diacritics)");

	/* 1. exact */
	for (i = 0; i < g->n; i++)
		if (eq(g->unit[i].key, name, nn)) {
			found(res, GAZ_EXACT, &g->unit[i], t, "1 exact");
			not_reached(t, 1);
			goto out;
		}
	trace_line(t, "1 exact", "no unit is named \"%s\"", qn.p);

	/* 2. alias: the loader made sure an alias names one unit. */
	for (i = 0; i < g->n; i++)
		for (a = 0; a < g->unit[i].nalias; a++)
			if (eq(g->unit[i].alias_key[a], name, nn)) {
				found(res, GAZ_ALIAS, &g->unit[i], t,
				    "2 alias");
				not_reached(t, 2);
				goto out;
			}
	trace_line(t, "2 alias", "no unit has the alias \"%s\"", qn.p);

	/* 3. code */
	if (all_digits(name, nn)) {
		if ((u = gaz_by_code(g, name, nn)) != NULL) {
			found(res, GAZ_CODE, u, t, "3 code");
			not_reached(t, 3);
			goto out;
		}
		dn = nn;
		digits = code_digits(name, &dn);
		a = strlen(g->province_code);
		res->reason = "unknown code";
		if (dn == a && memcmp(digits, code_digits(g->province_code,
		    &a), dn) == 0)
			res->reason = "the province's code, not a unit's";
		trace_line(t, "3 code", "%s", res->reason);
		not_reached(t, 3);
		nearest(g, digits, dn, 1, res);
		goto out;
	}
	trace_line(t, "3 code", "not a code");

	/* 4. ascii and 5. folded: the folded form names one unit. */
	hits = by_fold(g, fold.p, fold.len, 0, res);
	if (!marks) {
		if (hits == 1) {
			found(res, GAZ_ASCII, res->cand[0], t, "4 ascii");
			not_reached(t, 4);
			goto out;
		}
		fold_trace(t, "4 ascii", hits, qf.p);
		trace_line(t, "5 folded", "not tried: the name has no "
		    "diacritics");
	} else {
		trace_line(t, "4 ascii", "not tried: the name has diacritics");
		if (hits == 1) {
			found(res, GAZ_FOLDED, res->cand[0], t, "5 folded");
			not_reached(t, 5);
			goto out;
		}
		fold_trace(t, "5 folded", hits, qf.p);
	}
	if (hits > 1) {
		res->reason = "ambiguous: the name without diacritics fits "
		    "several units";
		trace_line(t, "6 fuzzy", "not tried: ambiguous");
		goto out;
	}

	/* 6. fuzzy */
	if (!(flags & GAZ_FUZZY_OK)) {
		trace_line(t, "6 fuzzy", "not tried (no --fuzzy)");
	} else {
		hits = by_fold(g, fold.p, fold.len, 1, res);
		if (hits == 1) {
			found(res, GAZ_FUZZY, res->cand[0], t, "6 fuzzy");
			goto out;
		}
		if (hits > 1) {
			res->reason = "ambiguous: one edit from several units";
			trace_line(t, "6 fuzzy", "%zu units are one edit from "
			    "\"%s\"", hits, qf.p);
			goto out;
		}
		trace_line(t, "6 fuzzy", "no unit is one edit from \"%s\"",
		    qf.p);
	}
	if (eq(g->province_key, name, nn) ||
	    eq(g->province_fold, fold.p, fold.len))
		res->reason = "the province, not one of its units";
	nearest(g, fold.p, fold.len, 0, res);
out:
	buf_free(&m);
	buf_free(&fold);
	buf_free(&qn);
	buf_free(&qf);
}
