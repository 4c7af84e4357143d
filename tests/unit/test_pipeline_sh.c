/* Unit tests for pipeline_sh: sh quoting and the --dry-run script of a
 * loaded pipeline. */
#include <unistd.h>

#include "pipeline.h"
#include "pipeline_sh.h"
#include "unit.h"

static void
quote_is(const char *s, int cmd, const char *want)
{
	struct buf b = { 0 };

	pipeline_sh_quote(&b, s, cmd);
	unit_buf_is(&b, want);
	buf_free(&b);
}

static void
test_quote(void **state)
{
	(void)state;
	quote_is("sort", 1, "sort");
	quote_is("-k2,2n", 0, "-k2,2n");
	quote_is("out/a.tsv", 0, "out/a.tsv");
	quote_is("", 0, "''");
	quote_is("a b", 0, "'a b'");
	quote_is("it's", 0, "'it'\\''s'");
	quote_is("x; rm -rf ~", 0, "'x; rm -rf ~'");
	quote_is("$HOME", 0, "'$HOME'");
	quote_is("~", 0, "'~'");
	quote_is("a=b", 0, "a=b");
	quote_is("a=b", 1, "'a=b'");
	quote_is("if", 1, "'if'");
	quote_is("if", 0, "if");
	quote_is("Tân An", 0, "'Tân An'");
}

static void
test_sh(void **state)
{
	const char *p;
	struct pipeline *pl;
	struct buf b = { 0 };

	(void)state;
	assert_int_equal(chdir(unit_tmpdir()), 0);
	unit_puts("a.tsv", "x\n");
	p = unit_puts("sh.yaml",
	    "name: demo\n"
	    "description: |\n  two\n  lines\n"
	    "input: a.tsv\n"
	    "steps:\n"
	    "  - [sort, '-t\t', -k1]\n"
	    "  - [awk, '{ print \"it''s\", $1 }']\n"
	    "outputs:\n"
	    "  - path: r/x.tsv\n"
	    "  - path: -y.txt\n"
	    "    run: [wc, -l]\n");
	assert_string_equal(p, unit_path("sh.yaml"));
	pl = pipeline_load("sh.yaml", 0, NULL, NULL);
	pipeline_sh(&b, pl);
	unit_buf_is(&b,
	    "# luong-run --dry-run sh.yaml\n"
	    "# demo\n"
	    "# two\n"
	    "# lines\n"
	    "set -e\n"
	    "unset LUONG_STATS_FD\n"
	    "t=${TMPDIR:-/tmp}/luong-run.$$\n"
	    "mkdir -m 700 \"$t\"\n"
	    "o1=r/.x.tsv.$$\n"
	    "o2=.-y.txt.$$\n"
	    "trap 'rm -rf \"$t\" \"$o1\" \"$o2\"' EXIT\n"
	    "trap 'exit 1' HUP INT TERM\n"
	    "mkdir -p r\n"
	    "{ sort '-t\t' -k1 a.tsv || echo 1 >>\"$t/failed\"; } |\n"
	    "{ awk '{ print \"it'\\''s\", $1 }' || "
	    "echo 2 >>\"$t/failed\"; } >\"$t/stream\"\n"
	    "test ! -e \"$t/failed\"\n"
	    "cp \"$t/stream\" \"$o1\"\n"
	    "wc -l <\"$t/stream\" >\"$o2\"\n"
	    "mv -f \"$o1\" r/x.tsv\n"
	    "mv -f \"$o2\" ./-y.txt\n");
	buf_free(&b);
	pipeline_free(pl);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_quote),
		cmocka_unit_test(test_sh),
	};

	return cmocka_run_group_tests(tests, unit_tmpdir_setup,
	    unit_tmpdir_teardown);
}
