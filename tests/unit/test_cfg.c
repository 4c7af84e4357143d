/* Unit tests for cfg: the tree, line and column, and the checks that exit 2
 * (run in a child so the exit can be observed). */
#include <string.h>

#include "cfg.h"
#include "unit.h"

/* exit_of loads path with f in a child: its exit status, and the first
 * line of its stderr in msg. */
static int
exit_of(void (*f)(const void *), const char *path, char *msg, size_t n)
{
	int rc = unit_child(f, path, msg, n);

	unit_first_line(msg);
	return rc;
}

static void
test_tree(void **state)
{
	const char *p = unit_puts("ok.yaml",
	    "name: Long An\n"
	    "code: 80\n"
	    "units:\n"
	    "  - name: \"Tân An\"\n"
	    "    aliases: [TP. Tân An, Tp Tan An]\n"
	    "  - name: Đức Hòa\n"
	    "empty:\n");
	struct cfg *c = cfg_load(p);
	struct cfg_node *u, *a;

	(void)state;
	assert_non_null(c->root);
	assert_int_equal(c->root->type, CFG_MAP);
	assert_string_equal(cfg_str(c, c->root, "name", 1, NULL), "Long An");
	assert_int_equal((int)cfg_number(c, cfg_get(c->root, "code")), 80);
	u = cfg_get(c->root, "units");
	assert_int_equal(u->type, CFG_SEQ);
	assert_int_equal(u->n, 2);
	assert_int_equal(u->items[0]->line, 4);
	assert_int_equal(u->items[0]->col, 5);
	assert_false(cfg_get(u->items[0], "name")->plain);
	a = cfg_get(u->items[0], "aliases");
	assert_int_equal(a->n, 2);
	assert_string_equal(a->items[1]->str, "Tp Tan An");
	assert_int_equal(a->items[1]->line, 5);
	assert_true(cfg_is_null(cfg_get(c->root, "empty")));
	assert_true(cfg_is_null(cfg_get(c->root, "absent")));
	assert_null(cfg_str(c, c->root, "absent", 0, NULL));
	cfg_free(c);
}

static void
load_only(const void *path)
{
	cfg_free(cfg_load(path));
}

static void
keys_check(const void *path)
{
	static const char *const allowed[] = { "name", "code", NULL };
	struct cfg *c = cfg_load(path);

	cfg_keys(c, c->root, allowed);
	cfg_free(c);
}

static void
test_errors(void **state)
{
	char msg[512];
	const char *p;

	(void)state;
	p = unit_puts("bad.yaml", "name: [a, b\ncode: 1\n");
	assert_int_equal(exit_of(load_only, p, msg, sizeof msg), 2);
	assert_non_null(strstr(msg, "bad.yaml:"));
	assert_non_null(strstr(msg, "YAML error"));

	p = unit_puts("unknown.yaml", "name: x\n  \ncolour: red\n");
	assert_int_equal(exit_of(keys_check, p, msg, sizeof msg), 2);
	assert_non_null(strstr(msg, "unknown.yaml:3:1: unknown key \"colour\""));

	p = unit_puts("dup.yaml", "name: x\ncode: 1\nname: y\n");
	assert_int_equal(exit_of(keys_check, p, msg, sizeof msg), 2);
	assert_non_null(strstr(msg, "dup.yaml:3:1: key \"name\" repeated "
	    "(first on line 1)"));

	p = unit_puts("alias.yaml", "a: &x 1\nb: *x\n");
	assert_int_equal(exit_of(load_only, p, msg, sizeof msg), 2);
	assert_non_null(strstr(msg, "alias.yaml:2:4: YAML aliases are not "
	    "supported"));

	assert_int_equal(exit_of(load_only, "/nonexistent/x.yaml", msg,
	    sizeof msg), 2);
	assert_non_null(strstr(msg, "/nonexistent/x.yaml: cannot open: "));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tree),
		cmocka_unit_test(test_errors),
	};

	return cmocka_run_group_tests(tests, unit_tmpdir_setup,
	    unit_tmpdir_teardown);
}
