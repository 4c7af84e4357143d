#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cfg.h"
#include "diag.h"
#include "labels.h"
#include "text.h"

static const char *const top_keys[] = {
	"lang", "decimal", "group", "title", "appendix_title", "sheet",
	"stt", "district", "level", "rank", "actual", "target", "gap",
	"result", "met", "missed", "total", "total_names", "created",
	"legend", "levels", "indicators", "not_reported", "schools",
	"schools_expected", "schools_reported", "coverage", "total_coverage",
	"rank_rule", "rank_then", "rank_asc", "rank_keys", "date", "page",
	"narrowed", "narrowed_dropped", "narrowed_abbreviated",
	"narrowed_split", "abbreviations", "issuer", "place", "nation",
	"motto", "date_line", NULL
};

/* The templates: each key and its placeholders, in the order of the
 * values labels_template takes (enum labels_template). */
static const struct {
	const char	*key;
	const char	*names[7];
} templates[] = {
	{ "coverage", { "reported", "expected", "missing", "rate", NULL } },
	{ "total_coverage", { "total", "reported", "expected", NULL } },
	{ "rank_rule", { "keys", NULL } },
	{ "rank_asc", { "key", NULL } },
	{ "date", { "day", "month", "year", NULL } },
	{ "page", { "page", "pages", NULL } },
	{ "narrowed", { "width", "changes", NULL } },
	{ "narrowed_dropped", { "columns", NULL } },
	{ "narrowed_abbreviated", { "abbreviations", NULL } },
	{ "narrowed_split", { "parts", NULL } },
	{ "date_line", { "place", "day", "month", "year", "dd", "mm", NULL } },
};
#define NTEMPLATES	(sizeof templates / sizeof templates[0])

/* The labels that may have an abbreviation. */
static const char *const abbrev_keys[] = {
	"stt", "district", "schools", "actual", "target", "gap", "result",
	"rank", "met", "missed", NULL
};

static const char *const ind_keys[] = { "short", "label", NULL };

/* scalar_map checks that every value of map is a scalar. */
static void
scalar_map(const struct cfg *c, const struct cfg_node *map, const char *what)
{
	size_t i;

	cfg_want(c, map, CFG_MAP, what);
	for (i = 0; i < map->n; i++)
		cfg_want(c, map->items[i], CFG_SCALAR, map->keys[i]->str);
}

/* check_indicators validates the indicators map: name -> {short, label},
 * label a scalar or a map level -> wording. */
static void
check_indicators(const struct cfg *c, const struct cfg_node *map)
{
	size_t i;

	cfg_want(c, map, CFG_MAP, "indicators");
	for (i = 0; i < map->n; i++) {
		const struct cfg_node *ind = map->items[i], *label;

		cfg_want(c, ind, CFG_MAP, map->keys[i]->str);
		cfg_keys(c, ind, ind_keys);
		cfg_str(c, ind, "short", 1, NULL);
		label = cfg_get(ind, "label");
		if (label == NULL)
			cfg_error(c, ind, "missing key \"label\"");
		if (label->type == CFG_MAP)
			scalar_map(c, label, "label");
		else
			cfg_want(c, label, CFG_SCALAR, "label");
	}
}

/* placeholder_len: the length of the "{name}" that begins s, or 0 when
 * s does not begin with "{" and a name of letters and "_" closed by
 * "}". */
static size_t
placeholder_len(const char *s)
{
	size_t i = 1;

	if (s[0] != '{')
		return 0;
	while ((s[i] >= 'a' && s[i] <= 'z') || s[i] == '_')
		i++;
	return i > 1 && s[i] == '}' ? i + 1 : 0;
}

/* placeholder_of: the index in names of the placeholder p[0..k) (k
 * from placeholder_len), or -1. */
static int
placeholder_of(const char *p, size_t k, const char *const *names)
{
	int i;

	for (i = 0; names[i] != NULL; i++)
		if (strlen(names[i]) == k - 2 &&
		    strncmp(names[i], p + 1, k - 2) == 0)
			return i;
	return -1;
}

/* check_template checks that every "{" of the scalar key of root begins
 * one of the placeholders names; returns its text. */
static const char *
check_template(const struct cfg *c, const struct cfg_node *root,
    const char *key, const char *const *names)
{
	const struct cfg_node *n = cfg_get(root, key);
	const char *s = cfg_str(c, root, key, 1, NULL), *p;
	size_t k;

	for (p = strchr(s, '{'); p != NULL; p = strchr(p + 1, '{')) {
		if ((k = placeholder_len(p)) == 0)
			cfg_error(c, n, "%s: \"{\" that begins no placeholder "
			    "such as {%s}", key, names[0]);
		if (placeholder_of(p, k, names) < 0)
			cfg_error(c, n, "%s: unknown placeholder \"%.*s\"", key,
			    (int)k, p);
	}
	return s;
}

struct labels *
labels_load(const char *path)
{
	struct labels *l = xcalloc(1, sizeof *l);
	struct cfg *c;
	struct cfg_node *root;
	size_t i;

	c = l->cfg = cfg_load(path);
	root = c->root;
	if (root == NULL)
		cfg_error(c, NULL, "empty file");
	cfg_want(c, root, CFG_MAP, "labels");
	cfg_keys(c, root, top_keys);
#define S(k)	l->k = cfg_str(c, root, #k, 1, NULL)
	S(lang); S(decimal); S(group); S(title); S(appendix_title);
	S(sheet); S(stt); S(district); S(level); S(rank); S(actual);
	S(target); S(gap); S(result); S(met); S(missed); S(total);
	S(created); S(legend); S(not_reported); S(schools);
	S(schools_expected); S(schools_reported); S(rank_then);
	S(place); S(nation); S(motto);
#undef S
	for (i = 0; i < NTEMPLATES; i++)
		l->tmpl[i] = check_template(c, root, templates[i].key,
		    templates[i].names);
	l->coverage = l->tmpl[LT_COVERAGE];
	l->total_coverage = l->tmpl[LT_TOTAL_COVERAGE];
	if (l->lang[0] == '\0')
		cfg_error(c, cfg_get(root, "lang"), "lang must not be empty");
	if (l->decimal[0] == '\0')
		cfg_error(c, cfg_get(root, "decimal"),
		    "decimal must not be empty");
	l->total_names = cfg_get(root, "total_names");
	cfg_want(c, l->total_names, CFG_SEQ, "total_names");
	for (i = 0; i < l->total_names->n; i++)
		cfg_want(c, l->total_names->items[i], CFG_SCALAR,
		    "total_names item");
	l->issuer = cfg_get(root, "issuer");
	if (l->issuer == NULL)
		cfg_error(c, root, "missing key \"issuer\"");
	cfg_want(c, l->issuer, CFG_SEQ, "issuer");
	if (l->issuer->n == 0)
		cfg_error(c, l->issuer, "issuer: an empty list; name the "
		    "issuing body");
	for (i = 0; i < l->issuer->n; i++)
		cfg_want(c, l->issuer->items[i], CFG_SCALAR, "issuer item");
	l->levels = cfg_get(root, "levels");
	scalar_map(c, l->levels, "levels");
	l->indicators = cfg_get(root, "indicators");
	check_indicators(c, l->indicators);
	l->rank_keys = cfg_get(root, "rank_keys");
	scalar_map(c, l->rank_keys, "rank_keys");
	l->abbreviations = cfg_get(root, "abbreviations");
	scalar_map(c, l->abbreviations, "abbreviations");
	cfg_keys(c, l->abbreviations, abbrev_keys);
	return l;
}

void
labels_free(struct labels *l)
{
	if (l == NULL)
		return;
	cfg_free(l->cfg);
	free(l);
}

const char *
labels_level(const struct labels *l, const char *level)
{
	const struct cfg_node *n = cfg_get(l->levels, level);

	return n != NULL ? n->str : level;
}

size_t
labels_nind(const struct labels *l)
{
	return l->indicators->n;
}

const char *
labels_ind_name(const struct labels *l, size_t i)
{
	return l->indicators->keys[i]->str;
}

const char *
labels_ind_short(const struct labels *l, const char *name)
{
	const struct cfg_node *ind = cfg_get(l->indicators, name);

	return ind != NULL ? cfg_get(ind, "short")->str : name;
}

const char *
labels_ind_label(const struct labels *l, const char *name, const char *level)
{
	const struct cfg_node *ind = cfg_get(l->indicators, name), *label, *n;

	if (ind == NULL)
		return name;
	label = cfg_get(ind, "label");
	if (label->type == CFG_SCALAR)
		return label->str;
	/* Wording per level; a level it does not name gets the short one. */
	n = level != NULL ? cfg_get(label, level) : NULL;
	return n != NULL ? n->str : cfg_get(ind, "short")->str;
}

static int
same_key(const char *a, size_t an, const char *b)
{
	struct buf ka = { 0 }, kb = { 0 };
	int eq;

	text_fold_key(&ka, a, an);
	text_fold_key(&kb, b, strlen(b));
	eq = ka.len == kb.len && (ka.len == 0 || memcmp(ka.p, kb.p,
	    ka.len) == 0);
	buf_free(&ka);
	buf_free(&kb);
	return eq;
}

int
labels_is_total(const struct labels *l, const char *s, size_t n)
{
	size_t i;

	if (n == 0)
		return 0;
	if (same_key(s, n, l->total))
		return 1;
	for (i = 0; i < l->total_names->n; i++)
		if (same_key(s, n, l->total_names->items[i]->str))
			return 1;
	return 0;
}

/* fill appends the template tmpl with each "{name}" of names replaced by
 * the string of vals at the same index. */
static void
fill(struct buf *out, const char *tmpl, const char *const *names,
    const char *const *vals)
{
	const char *p = tmpl;
	size_t k;
	int i;

	while (*p != '\0') {
		if ((k = placeholder_len(p)) > 0 &&
		    (i = placeholder_of(p, k, names)) >= 0) {
			buf_adds(out, vals[i]);
			p += k;
		} else
			buf_addc(out, *p++);
	}
}

void
labels_template(struct buf *out, const struct labels *l,
    enum labels_template t, const char *const *vals)
{
	fill(out, l->tmpl[t], templates[t].names, vals);
}

void
labels_coverage(struct buf *out, const struct labels *l, const char *reported,
    const char *expected, const char *missing, const char *rate)
{
	const char *vals[] = { reported, expected, missing, rate };

	labels_template(out, l, LT_COVERAGE, vals);
}

void
labels_total_coverage(struct buf *out, const struct labels *l,
    const char *reported, const char *expected)
{
	const char *vals[] = { l->total, reported, expected };

	labels_template(out, l, LT_TOTAL_COVERAGE, vals);
}

const char *
labels_rank_key(const struct labels *l, const char *field, size_t n)
{
	size_t i;

	for (i = 0; i < l->rank_keys->n; i++)
		if (strlen(l->rank_keys->keys[i]->str) == n &&
		    memcmp(l->rank_keys->keys[i]->str, field, n) == 0)
			return l->rank_keys->items[i]->str;
	return NULL;
}

const char *
labels_abbrev(const struct labels *l, const char *key)
{
	const struct cfg_node *n = cfg_get(l->abbreviations, key);

	return n != NULL ? n->str : NULL;
}

size_t
labels_nissuer(const struct labels *l)
{
	return l->issuer->n;
}

const char *
labels_issuer(const struct labels *l, size_t i)
{
	return l->issuer->items[i]->str;
}

void
labels_date_line(struct buf *out, const struct labels *l, const char *place,
    int year, int month, int day)
{
	char y[16], d[8], m[8], dd[8], mm[8];
	const char *vals[] = { place, d, m, y, dd, mm };

	snprintf(y, sizeof y, "%d", year);
	snprintf(d, sizeof d, "%02d", day);
	snprintf(m, sizeof m, month < 3 ? "%02d" : "%d", month);
	snprintf(dd, sizeof dd, "%02d", day);
	snprintf(mm, sizeof mm, "%02d", month);
	labels_template(out, l, LT_DATE_LINE, vals);
}

void
labels_page(struct buf *out, const struct labels *l, int page, int pages)
{
	char p[16], n[16];
	const char *vals[] = { p, n };

	snprintf(p, sizeof p, "%d", page);
	snprintf(n, sizeof n, "%d", pages);
	labels_template(out, l, LT_PAGE, vals);
}
