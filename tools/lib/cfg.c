#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <yaml.h>

#include "cfg.h"
#include "diag.h"
#include "num.h"

static struct cfg_node *
node_new(enum cfg_type type, const yaml_mark_t *m)
{
	struct cfg_node *n = xcalloc(1, sizeof *n);

	n->type = type;
	n->line = m->line + 1;
	n->col = m->column + 1;
	return n;
}

static void
node_free(struct cfg_node *n)
{
	size_t i;

	if (n == NULL)
		return;
	for (i = 0; i < n->n; i++) {
		node_free(n->items[i]);
		if (n->keys != NULL)
			node_free(n->keys[i]);
	}
	free(n->items);
	free(n->keys);
	free(n->str);
	free(n);
}

/* append adds child to a sequence, or as a key or a value to a mapping
 * (a mapping's children alternate key, value).  A key must be a scalar
 * and must not repeat: checked here once for every configuration file,
 * since a repeated key is almost always a mistake in a hand-written one
 * and libyaml would otherwise let the second silently win. */
static void
append(struct cfg *c, struct cfg_node *parent, struct cfg_node *child,
    int *want_key)
{
	size_t i;

	if (parent->type == CFG_MAP && *want_key) {
		if (child->type != CFG_SCALAR)
			cfg_error(c, child, "a key must be a scalar");
		for (i = 0; i < parent->n; i++)
			if (strcmp(parent->keys[i]->str, child->str) == 0)
				cfg_error(c, child, "key \"%s\" repeated "
				    "(first on line %lu)", child->str,
				    parent->keys[i]->line);
		parent->keys = xrealloc(parent->keys,
		    (parent->n + 1) * sizeof *parent->keys);
		parent->items = xrealloc(parent->items,
		    (parent->n + 1) * sizeof *parent->items);
		parent->keys[parent->n] = child;
		parent->items[parent->n] = NULL;
		*want_key = 0;
		return;
	}
	if (parent->type == CFG_MAP) {
		parent->items[parent->n++] = child;
		*want_key = 1;
		return;
	}
	parent->items = xrealloc(parent->items,
	    (parent->n + 1) * sizeof *parent->items);
	parent->items[parent->n++] = child;
}

#define MAX_DEPTH 64

/* The one function that fetches and frees libyaml events.  It keeps a stack
 * of open collections; each event either opens one, closes one, or adds a
 * scalar to the innermost. */
struct cfg *
cfg_load(const char *path)
{
	yaml_parser_t parser;
	yaml_event_t ev;
	FILE *fp;
	struct cfg *c;
	struct cfg_node *stack[MAX_DEPTH], *n;
	int want_key[MAX_DEPTH];
	int depth = 0, done = 0;

	if ((fp = fopen(path, "rb")) == NULL)
		diag_fatal(EXIT_USAGE, path, 0, "cannot open: %s",
		    strerror(errno));
	c = xcalloc(1, sizeof *c);
	c->path = xstrdup(path);
	yaml_parser_initialize(&parser);
	yaml_parser_set_input_file(&parser, fp);
	while (!done) {
		if (!yaml_parser_parse(&parser, &ev)) {
			const yaml_mark_t *m = parser.problem_mark.line ||
			    parser.problem_mark.column ? &parser.problem_mark :
			    &parser.context_mark;

			diag_at(path, (unsigned long)m->line + 1,
			    (unsigned long)m->column + 1, "YAML error: %s%s%s",
			    parser.problem ? parser.problem : "syntax error",
			    parser.context ? " " : "",
			    parser.context ? parser.context : "");
			exit(EXIT_USAGE);
		}
		n = NULL;
		switch (ev.type) {
		case YAML_STREAM_END_EVENT:
			done = 1;
			break;
		case YAML_DOCUMENT_START_EVENT:
			if (c->root != NULL) {
				yaml_mark_t m = ev.start_mark;

				yaml_event_delete(&ev);
				diag_at(path, m.line + 1, m.column + 1,
				    "only one YAML document is allowed");
				exit(EXIT_USAGE);
			}
			break;
		case YAML_ALIAS_EVENT: {
			yaml_mark_t m = ev.start_mark;

			yaml_event_delete(&ev);
			diag_at(path, m.line + 1, m.column + 1,
			    "YAML aliases are not supported");
			exit(EXIT_USAGE);
		}
		case YAML_SCALAR_EVENT:
			n = node_new(CFG_SCALAR, &ev.start_mark);
			n->str = xstrndup((char *)ev.data.scalar.value,
			    ev.data.scalar.length);
			n->len = ev.data.scalar.length;
			n->plain = ev.data.scalar.style ==
			    YAML_PLAIN_SCALAR_STYLE;
			break;
		case YAML_SEQUENCE_START_EVENT:
		case YAML_MAPPING_START_EVENT:
			n = node_new(ev.type == YAML_SEQUENCE_START_EVENT ?
			    CFG_SEQ : CFG_MAP, &ev.start_mark);
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			depth--;
			break;
		default:
			break;
		}
		yaml_event_delete(&ev);
		if (n == NULL)
			continue;
		if (depth == 0)
			c->root = n;
		else
			append(c, stack[depth - 1], n, &want_key[depth - 1]);
		if (n->type != CFG_SCALAR) {
			if (depth == MAX_DEPTH)
				cfg_error(c, n, "nested too deeply");
			want_key[depth] = 1;
			stack[depth++] = n;
		}
	}
	yaml_parser_delete(&parser);
	fclose(fp);
	return c;
}

void
cfg_free(struct cfg *c)
{
	if (c == NULL)
		return;
	node_free(c->root);
	free(c->path);
	free(c);
}

void
cfg_error(const struct cfg *c, const struct cfg_node *node,
    const char *fmt, ...)
{
	char msg[2048];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (node != NULL)
		diag_at(c->path, node->line, node->col, "%s", msg);
	else
		diag_msg(c->path, 0, "%s", msg);
	exit(EXIT_USAGE);
}

struct cfg_node *
cfg_get(const struct cfg_node *map, const char *key)
{
	size_t i;

	if (map == NULL || map->type != CFG_MAP)
		return NULL;
	for (i = 0; i < map->n; i++)
		if (map->keys[i]->type == CFG_SCALAR &&
		    strcmp(map->keys[i]->str, key) == 0)
			return map->items[i];
	return NULL;
}

void
cfg_want(const struct cfg *c, const struct cfg_node *node,
    enum cfg_type type, const char *what)
{
	static const char *names[] = { "a scalar", "a list", "a mapping" };

	if (node == NULL)
		cfg_error(c, NULL, "%s: expected %s, found nothing", what,
		    names[type]);
	if (node->type != type)
		cfg_error(c, node, "%s: expected %s, found %s", what,
		    names[type], names[node->type]);
}

void
cfg_keys(const struct cfg *c, const struct cfg_node *map,
    const char *const *allowed)
{
	size_t i;
	const char *const *a;

	for (i = 0; i < map->n; i++) {
		const struct cfg_node *k = map->keys[i];

		for (a = allowed; *a != NULL; a++)
			if (strcmp(*a, k->str) == 0)
				break;
		if (*a == NULL)
			cfg_error(c, k, "unknown key \"%s\"", k->str);
	}
}

const char *
cfg_str(const struct cfg *c, const struct cfg_node *map, const char *key,
    int required, const char *def)
{
	const struct cfg_node *v = cfg_get(map, key);

	if (v == NULL) {
		if (required)
			cfg_error(c, map, "missing key \"%s\"", key);
		return def;
	}
	if (v->type != CFG_SCALAR)
		cfg_error(c, v, "\"%s\": expected a scalar", key);
	return v->str;
}

int
cfg_bool(const struct cfg *c, const struct cfg_node *node)
{
	static const char *yes[] = { "true", "yes", "on", NULL };
	static const char *no[] = { "false", "no", "off", NULL };
	int i;

	cfg_want(c, node, CFG_SCALAR, "value");
	for (i = 0; yes[i] != NULL; i++) {
		if (strcasecmp(node->str, yes[i]) == 0)
			return 1;
		if (strcasecmp(node->str, no[i]) == 0)
			return 0;
	}
	cfg_error(c, node, "\"%s\" is not true or false", node->str);
}

double
cfg_number(const struct cfg *c, const struct cfg_node *node)
{
	double v;

	cfg_want(c, node, CFG_SCALAR, "value");
	if (num_parse_dec(node->str, node->len, NULL, &v) != 0)
		cfg_error(c, node, "\"%s\" is not a number", node->str);
	return v;
}

int
cfg_is_null(const struct cfg_node *node)
{
	return node == NULL || (node->type == CFG_SCALAR && node->plain &&
	    (node->len == 0 || strcmp(node->str, "~") == 0 ||
	    strcmp(node->str, "null") == 0));
}
