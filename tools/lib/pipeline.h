/* pipeline — the pipeline files of luong-pipeline(5): loading with
 * variables and program lookup.  The POSIX sh script that does what a
 * pipeline does (luong-run --dry-run) is written by pipeline_sh.
 *
 * A struct pipeline owns everything in it; pipeline_free releases it.
 * Every string in it is final: variables substituted, input globs
 * expanded (and appended to the first step's argv), programs resolved.  */
#ifndef LUONG_PIPELINE_H
#define LUONG_PIPELINE_H

#include <stddef.h>

/* The most bytes a string of the file may hold once its variables are
 * substituted (luong-pipeline(5)): half of what Linux takes as one
 * argument of a program (MAX_ARG_STRLEN, 128 KiB). */
#define PIPELINE_MAX_VALUE	65536

/* A command: a step, or the command of an output. */
struct pipeline_cmd {
	char		 *name;		/* unique among the pipeline's commands */
	size_t		  argc;
	char		**argv;		/* argc words and a NULL */
	char		 *exe;		/* the file to execute */
	int		  beside;	/* exe was found beside luong-run */
	unsigned long	  line, col;	/* where it is in the file */
};

struct pipeline_output {
	char			*path;
	struct pipeline_cmd	 cmd;	/* cmd.argc == 0: the stream itself */
};

struct pipeline {
	char			*file;		/* as given to pipeline_load */
	char			*name;		/* NULL when the file has none */
	char			*description;	/* NULL when the file has none */
	int			 has_input;	/* 0: the first step reads stdin */
	size_t			 ninputs;	/* files appended to steps[0] */
	size_t			 nsteps;	/* at least 1 */
	struct pipeline_cmd	*steps;
	int			 has_outputs;	/* 0: the stream goes to stdout */
	size_t			 noutputs;
	struct pipeline_output	*outputs;
};

/* pipeline_load reads path.  set holds nset "name=value" strings (checked
 * with pipeline_set_ok) that override the file's vars, last one winning.
 * selfdir is the directory luong-run is in (NULL: none), searched first
 * for programs named luong-*.  Every error — YAML syntax, an unknown key,
 * an unset variable, a string longer than PIPELINE_MAX_VALUE once
 * substituted, a missing program or input, a --set naming no variable —
 * prints "prog: file:line:col: message" and exits 2. */
struct pipeline *pipeline_load(const char *path, size_t nset,
    char *const *set, const char *selfdir);
void pipeline_free(struct pipeline *p);

/* pipeline_set_ok: arg has the form name=value with a valid variable name
 * (a letter or "_", then letters, digits or "_"). */
int pipeline_set_ok(const char *arg);

/* pipeline_find looks prog up as luong-run does: a name with a "/" is a
 * path; a name starting "luong-" is looked for in selfdir first; then
 * every directory of PATH.  Returns 0 and an owned path in *exe (and in
 * *beside whether it came from selfdir), or an errno value. */
int pipeline_find(const char *prog, const char *selfdir, char **exe,
    int *beside);

#endif
