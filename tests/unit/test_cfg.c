/* Unit tests for cfg: the tree, line and column, and the checks that exit 2
 * (run in a child so the exit can be observed). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

#include "cfg.h"

static char dir[] = "/tmp/luong-test-cfg.XXXXXX";

static const char *
write_yaml(const char *name, const char *text)
{
	static char path[256];
	FILE *fp;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	fp = fopen(path, "w");
	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
	return path;
}

/* exit_of runs f(path) in a child with stderr captured; returns the exit
 * status and the first line of stderr in msg. */
static int
exit_of(void (*f)(const char *), const char *path, char *msg, size_t n)
{
	int fds[2], st;
	pid_t pid;
	ssize_t k;

	assert_int_equal(pipe(fds), 0);
	pid = fork();
	if (pid == 0) {
		dup2(fds[1], 2);
		close(fds[0]);
		f(path);
		_exit(0);
	}
	close(fds[1]);
	k = read(fds[0], msg, n - 1);
	msg[k > 0 ? k : 0] = '\0';
	if (strchr(msg, '\n'))
		*strchr(msg, '\n') = '\0';
	close(fds[0]);
	waitpid(pid, &st, 0);
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static void
test_tree(void **state)
{
	const char *p = write_yaml("ok.yaml",
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
load_only(const char *path)
{
	cfg_free(cfg_load(path));
}

static void
keys_check(const char *path)
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
	p = write_yaml("bad.yaml", "name: [a, b\ncode: 1\n");
	assert_int_equal(exit_of(load_only, p, msg, sizeof msg), 2);
	assert_non_null(strstr(msg, "bad.yaml:"));
	assert_non_null(strstr(msg, "YAML error"));

	p = write_yaml("unknown.yaml", "name: x\n  \ncolour: red\n");
	assert_int_equal(exit_of(keys_check, p, msg, sizeof msg), 2);
	assert_non_null(strstr(msg, "unknown.yaml:3:1: unknown key \"colour\""));

	p = write_yaml("dup.yaml", "name: x\ncode: 1\nname: y\n");
	assert_int_equal(exit_of(keys_check, p, msg, sizeof msg), 2);
	assert_non_null(strstr(msg, "dup.yaml:3:1: key \"name\" repeated "
	    "(first on line 1)"));

	p = write_yaml("alias.yaml", "a: &x 1\nb: *x\n");
	assert_int_equal(exit_of(load_only, p, msg, sizeof msg), 2);
	assert_non_null(strstr(msg, "alias.yaml:2:4: YAML aliases are not "
	    "supported"));

	assert_int_equal(exit_of(load_only, "/nonexistent/x.yaml", msg,
	    sizeof msg), 2);
	assert_non_null(strstr(msg, "/nonexistent/x.yaml: cannot open: "));
}

static int
setup(void **state)
{
	(void)state;
	return mkdtemp(dir) == NULL;
}

static int
teardown(void **state)
{
	char cmd[300];

	(void)state;
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	return system(cmd);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tree),
		cmocka_unit_test(test_errors),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
