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
	"legend", "levels", "indicators", NULL
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
	S(created); S(legend);
#undef S
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
	l->levels = cfg_get(root, "levels");
	scalar_map(c, l->levels, "levels");
	l->indicators = cfg_get(root, "indicators");
	check_indicators(c, l->indicators);
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
