/* Unit tests for pipeline: loading (variables, --set, names, inputs,
 * program lookup) and its errors (in a child, to see the exit).  The
 * --dry-run script: test_pipeline_sh. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pipeline.h"
#include "unit.h"

/* write_file writes text to name in the scratch directory, with mode. */
static const char *
write_file(const char *name, const char *text, int mode)
{
	const char *path = unit_puts(name, text);

	assert_int_equal(chmod(path, (mode_t)mode), 0);
	return path;
}

struct load_args {
	const char	 *path;
	size_t		  nset;
	char *const	 *set;
};

static void
load(const void *arg)
{
	const struct load_args *a = arg;

	pipeline_free(pipeline_load(a->path, a->nset, a->set, NULL));
}

/* load_in_child loads path (with set) in a child whose stderr is caught:
 * returns the exit status and the first line of stderr in msg. */
static int
load_in_child(const char *path, size_t nset, char *const *set, char *msg,
    size_t n)
{
	struct load_args a = { path, nset, set };
	int rc = unit_child(load, &a, msg, n);

	unit_first_line(msg);
	return rc;
}

static void
test_load(void **state)
{
	char *set[] = { "level=THPT", "level=THCS", "who=x; rm -rf ~" };
	const char *p;
	struct pipeline *pl;

	(void)state;
	write_file("a.tsv", "x\n", 0644);
	write_file("b.tsv", "x\n", 0644);
	write_file("-c.tsv", "x\n", 0644);
	p = write_file("p.yaml",
	    "name: n-${level}\n"
	    "vars:\n"
	    "  level: THPT\n"
	    "  dir: ${base}/${level}\n"
	    "  base: out\n"
	    "  who:\n"
	    "input: [\"*.tsv\"]\n"
	    "steps:\n"
	    "  - [cat]\n"
	    "  - {name: pick, run: [awk, '$1 != \"${who}\"']}\n"
	    "  - [awk, '{ print }', \"$${dir}\"]\n"
	    "outputs:\n"
	    "  - path: ${dir}/all.tsv\n"
	    "  - path: ${dir}/n.txt\n"
	    "    run: [wc, -l]\n"
	    "  - path: ${dir}/n2.txt\n"
	    "    run: [wc]\n", 0644);
	assert_int_equal(chdir(unit_tmpdir()), 0);
	pl = pipeline_load(p, 3, set, NULL);
	assert_string_equal(pl->name, "n-THCS");
	assert_null(pl->description);
	assert_int_equal(pl->nsteps, 3);
	/* The globbed inputs, sorted by bytes, appended to the first step;
	 * "-c.tsv" made "./-c.tsv". */
	assert_int_equal(pl->ninputs, 3);
	assert_int_equal(pl->steps[0].argc, 4);
	assert_string_equal(pl->steps[0].argv[1], "./-c.tsv");
	assert_string_equal(pl->steps[0].argv[2], "a.tsv");
	assert_string_equal(pl->steps[0].argv[3], "b.tsv");
	assert_null(pl->steps[0].argv[4]);
	assert_string_equal(pl->steps[0].name, "cat");
	/* A --set value is literal, one word. */
	assert_string_equal(pl->steps[1].name, "pick");
	assert_string_equal(pl->steps[1].argv[1], "$1 != \"x; rm -rf ~\"");
	assert_string_equal(pl->steps[2].name, "awk");
	assert_string_equal(pl->steps[2].argv[2], "${dir}");
	assert_int_equal(pl->steps[2].line, 11);
	assert_int_equal(pl->steps[2].col, 5);
	assert_true(pl->has_outputs);
	assert_int_equal(pl->noutputs, 3);
	assert_string_equal(pl->outputs[0].path, "out/THCS/all.tsv");
	assert_int_equal(pl->outputs[0].cmd.argc, 0);
	assert_string_equal(pl->outputs[1].cmd.name, "wc");
	assert_string_equal(pl->outputs[2].cmd.name, "wc-2");
	assert_non_null(strstr(pl->outputs[1].cmd.exe, "/wc"));
	assert_false(pl->outputs[1].cmd.beside);
	pipeline_free(pl);
	pipeline_free(NULL);

	/* No input, no outputs: stdin to stdout. */
	p = write_file("min.yaml", "steps: [[cat]]\n", 0644);
	pl = pipeline_load(p, 0, NULL, NULL);
	assert_false(pl->has_input);
	assert_false(pl->has_outputs);
	assert_null(pl->name);
	assert_int_equal(pl->steps[0].argc, 1);
	pipeline_free(pl);
}

static void
err(const char *yaml, size_t nset, char *const *set, const char *want)
{
	char msg[1024];
	const char *p = write_file("e.yaml", yaml, 0644);

	assert_int_equal(load_in_child(p, nset, set, msg, sizeof msg), 2);
	if (strstr(msg, want) == NULL)
		fail_msg("got \"%s\", want \"%s\"", msg, want);
}

static void
test_errors(void **state)
{
	char *unknown[] = { "nope=1" }, *here[] = { "here=/tmp" };

	(void)state;
	assert_int_equal(chdir(unit_tmpdir()), 0);
	err("steps: [[cat]]\ncolour: red\n", 0, NULL,
	    "e.yaml:2:1: unknown key \"colour\"");
	err("steps:\n  - {run: [cat], nmae: x}\n", 0, NULL,
	    "e.yaml:2:18: unknown key \"nmae\"");
	err("steps: [[srot, -k1]]\n", 0, NULL,
	    "e.yaml:1:10: program \"srot\" not found");
	err("steps: [[./nowhere]]\n", 0, NULL,
	    "e.yaml:1:10: program \"./nowhere\": No such file or directory");
	err("steps: [[\"${x}\"]]\n", 0, NULL,
	    "e.yaml:1:10: variable \"x\" is not set");
	err("vars: {x: }\nsteps: [[\"${x}\"]]\n", 0, NULL,
	    "e.yaml:2:10: variable \"x\" is not set");
	err("vars: {a: '${b}', b: '${a}'}\nsteps: [[\"${a}\"]]\n", 0, NULL,
	    "refers to itself");
	err("steps: [[\"${x\"]]\n", 0, NULL,
	    "e.yaml:1:10: \"${\" must be followed by a variable name");
	err("vars: {x: 1}\nsteps: [[cat]]\n", 1, unknown,
	    "e.yaml: --set nope: no such variable in vars");
	err("vars: {x: 1}\nsteps: [[cat]]\n", 1, here,
	    "e.yaml: --set here: variable \"here\" is built in");
	err("vars: {x: 1, here: 2}\nsteps: [[cat]]\n", 0, NULL,
	    "e.yaml:1:14: variable \"here\" is built in (the directory of "
	    "the pipeline file) and cannot be set in vars");
	err("vars: {1x: 1}\nsteps: [[cat]]\n", 0, NULL,
	    "e.yaml:1:8: \"1x\" is not a variable name");
	err("vars: {x: [1]}\nsteps: [[cat]]\n", 0, NULL,
	    "e.yaml:1:11: variable \"x\": expected a scalar");
	err("input: '*.nothing'\nsteps: [[cat]]\n", 0, NULL,
	    "e.yaml:1:8: input \"*.nothing\": no file matches");
	err("input: [missing.tsv]\nsteps: [[cat]]\n", 0, NULL,
	    "e.yaml:1:9: input \"missing.tsv\": cannot open: No such file");
	err("input: []\nsteps: [[cat]]\n", 0, NULL, "input: an empty list");
	err("steps: []\n", 0, NULL, "e.yaml:1:8: steps: an empty list");
	err("name: x\n", 0, NULL, "missing key \"steps\"");
	err("steps: [[]]\n", 0, NULL, "run: an empty list");
	err("steps: [cat]\n", 0, NULL, "e.yaml:1:9: step: expected a list");
	err("steps: [[cat, [x]]]\n", 0, NULL, "found a nested list");
	err("steps: [{name: x}]\n", 0, NULL, "missing key \"run\"");
	err("steps: [{name: x, run: [cat]}, {name: x, run: [cat]}]\n", 0,
	    NULL, "e.yaml:1:39: name \"x\" repeated (first on line 1)");
	err("steps: [[cat]]\noutputs: [{run: [cat]}]\n", 0, NULL,
	    "missing key \"path\"");
	err("steps: [[cat]]\noutputs: [{path: a}, {path: a}]\n", 0, NULL,
	    "output \"a\" repeated");
	err("steps: [[cat]]\noutputs: [{path: /tmp}]\n", 0, NULL,
	    "path \"/tmp\" names a directory");
	err("steps: [[cat]]\noutputs: [{path: x, name: y}]\n", 0, NULL,
	    "only an output with run has a name");
	err("steps: [[cat]]\noutputs: []\n", 0, NULL,
	    "outputs: an empty list");
	err("steps: [[cat]\n", 0, NULL, "e.yaml:2:1: YAML error");
	err("", 0, NULL, "e.yaml: empty pipeline file");
	err("- a\n", 0, NULL, "pipeline: expected a mapping");
}

/* here_words loads path and returns the words of its one step after the
 * program, joined by spaces (static). */
static const char *
here_words(const char *path, size_t nset, char *const *set)
{
	static char out[2048];
	struct pipeline *pl = pipeline_load(path, nset, set, NULL);
	size_t i, n = 0;

	out[0] = '\0';
	for (i = 1; i < pl->steps[0].argc; i++)
		n += (size_t)snprintf(out + n, sizeof out - n, "%s%s",
		    i > 1 ? " " : "", pl->steps[0].argv[i]);
	pipeline_free(pl);
	return out;
}

static void
test_here(void **state)
{
	static const char yaml[] =
	    "vars:\n"
	    "  top: ${here}/..\n"
	    "  lit: ${here}\n"
	    "steps:\n"
	    "  - [echo, '${here}', '${here}/../a', '${here}/../../a',\n"
	    "     '${here}/x/./y//z', '${here}/..', '${here}/../..',\n"
	    "     '${here}/x/', '${here}/x/..', '${here}/../', '${here}/../../',\n"
	    "     'x${here}/..', '$${here}/..', '${top}/a', '${top}//b/./',\n"
	    "     '${lit}/z']\n";
	char *set[] = { "lit=./x//y" };
	char real[PATH_MAX], abs[PATH_MAX + 16], want[PATH_MAX + 16], yml[512];
	size_t i, n;

	(void)state;
	assert_int_equal(chdir(unit_tmpdir()), 0);
	assert_int_equal(mkdir("d", 0777) == 0 || errno == EEXIST, 1);
	write_file("d/p.yaml", yaml, 0644);
	/* However the file is named, "here" is its directory, cleaned, and
	 * every string that begins with it is cleaned as a path. */
	assert_string_equal(here_words("d/p.yaml", 0, NULL),
	    "d a ../a d/x/y/z . .. d/x/ d . .. xd/.. ${here}/.. a b/ d/z");
	assert_string_equal(here_words("./d/p.yaml", 0, NULL),
	    here_words("d/p.yaml", 0, NULL));
	assert_string_equal(here_words("d//p.yaml", 0, NULL),
	    here_words("d/p.yaml", 0, NULL));
	assert_string_equal(here_words("d/../d/./p.yaml", 0, NULL),
	    here_words("d/p.yaml", 0, NULL));
	/* From its own directory: ".". */
	assert_int_equal(chdir("d"), 0);
	assert_string_equal(here_words("p.yaml", 0, NULL),
	    ". ../a ../../a x/y/z .. ../.. x/ . .. ../.. x./.. ${here}/.. "
	    "../a ../b/ z");
	assert_int_equal(chdir(".."), 0);
	/* A --set value is literal: never cleaned, nor what begins with
	 * it. */
	assert_string_equal(strrchr(here_words("d/p.yaml", 1, set), ' ') + 1,
	    "./x//y/z");
	/* An absolute path: ".." at the root is the root. */
	assert_non_null(realpath(unit_tmpdir(), real));
	n = (size_t)snprintf(yml, sizeof yml, "steps: [[echo, '${here}");
	for (i = 0; i < 40; i++)
		n += (size_t)snprintf(yml + n, sizeof yml - n, "/..");
	snprintf(yml + n, sizeof yml - n, "', '${here}/d/../']]\n");
	write_file("r.yaml", yml, 0644);
	snprintf(abs, sizeof abs, "%s/r.yaml", real);
	snprintf(want, sizeof want, "/ %s/", real);
	assert_string_equal(here_words(abs, 0, NULL), want);
}

static void
test_find(void **state)
{
	char *exe;
	int beside;

	(void)state;
	write_file("luong-x", "#!/bin/sh\n", 0755);
	write_file("noexec", "#!/bin/sh\n", 0644);
	assert_int_equal(pipeline_find("luong-x", unit_tmpdir(), &exe, &beside), 0);
	assert_string_equal(exe, unit_path("luong-x"));
	assert_true(beside);
	free(exe);
	/* Only luong-* names are looked for beside luong-run. */
	assert_int_equal(pipeline_find("noexec", unit_tmpdir(), &exe, &beside), ENOENT);
	assert_null(exe);
	assert_int_equal(pipeline_find(unit_path("noexec"), NULL, &exe,
	    &beside), EACCES);
	assert_int_equal(pipeline_find(unit_tmpdir(), NULL, &exe, &beside), EISDIR);
	assert_int_equal(pipeline_find("", NULL, &exe, &beside), ENOENT);
	setenv("PATH", unit_tmpdir(), 1);
	assert_int_equal(pipeline_find("noexec", NULL, &exe, &beside), EACCES);
	assert_int_equal(pipeline_find("luong-x", NULL, &exe, &beside), 0);
	assert_false(beside);
	free(exe);
	setenv("PATH", "/usr/bin:/bin", 1);
	assert_int_equal(pipeline_find("sh", NULL, &exe, &beside), 0);
	assert_string_equal(exe, "/usr/bin/sh");
	free(exe);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_load),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_here),
		cmocka_unit_test(test_find),
	};

	return cmocka_run_group_tests(tests, unit_tmpdir_setup,
	    unit_tmpdir_teardown);
}
