/* cfg — YAML configuration files, loaded whole into a small tree whose
 * every node knows its line and column, so that every configuration error
 * can say where it is: "prog: file:line:col: message", exit status 2.
 *
 * The tree is owned by its struct cfg; cfg_free releases all of it.
 * Anchors and aliases are refused; tags are ignored.  */
#ifndef LUONG_CFG_H
#define LUONG_CFG_H

#include <stddef.h>

enum cfg_type { CFG_SCALAR, CFG_SEQ, CFG_MAP };

struct cfg_node {
	enum cfg_type	  type;
	unsigned long	  line, col;	/* 1-based */
	/* CFG_SCALAR: the text, NUL-terminated; plain: it was unquoted. */
	char		 *str;
	size_t		  len;
	int		  plain;
	/* CFG_SEQ: items[0..n); CFG_MAP: keys[i] -> items[i]. */
	size_t		  n;
	struct cfg_node	**items;
	struct cfg_node	**keys;
};

struct cfg {
	char		*path;
	struct cfg_node	*root;		/* NULL for an empty document */
};

/* cfg_load parses path.  A missing file or a YAML syntax error prints the
 * file, libyaml's line and column and the problem, and exits 2. */
struct cfg *cfg_load(const char *path);
void cfg_free(struct cfg *c);

/* cfg_error prints "prog: path:line:col: message" for node (or, with node
 * NULL, "prog: path: message") and exits 2. */
void cfg_error(const struct cfg *c, const struct cfg_node *node,
    const char *fmt, ...) __attribute__((format(printf, 3, 4), noreturn));

/* cfg_get returns the value of key in map, or NULL. */
struct cfg_node *cfg_get(const struct cfg_node *map, const char *key);

/* cfg_want checks node's type, failing with "expected a mapping" etc. */
void cfg_want(const struct cfg *c, const struct cfg_node *node,
    enum cfg_type type, const char *what);

/* cfg_keys checks that every key of map is in the NULL-terminated list
 * allowed; an unknown key is an error naming it. */
void cfg_keys(const struct cfg *c, const struct cfg_node *map,
    const char *const *allowed);

/* cfg_str returns the scalar text of map[key]: required (error when
 * absent), or def when absent and not required. */
const char *cfg_str(const struct cfg *c, const struct cfg_node *map,
    const char *key, int required, const char *def);

/* cfg_bool parses a YAML 1.1 bool scalar (true/false/yes/no/on/off). */
int cfg_bool(const struct cfg *c, const struct cfg_node *node);

/* cfg_number parses a scalar as a decimal number. */
double cfg_number(const struct cfg *c, const struct cfg_node *node);

/* cfg_is_null: an absent node, "~", "null" or an empty plain scalar. */
int cfg_is_null(const struct cfg_node *node);

#endif
