#include <ctype.h>
#include <string.h>

#include "buf.h"
#include "pipeline.h"
#include "pipeline_sh.h"

void
pipeline_sh_quote(struct buf *b, const char *s, int cmd)
{
	static const char *const reserved[] = { "!", "{", "}", "case", "do",
	    "done", "elif", "else", "esac", "fi", "for", "if", "in", "then",
	    "until", "while", NULL };
	const char *const *r;
	const char *p;
	int plain = *s != '\0';

	for (p = s; *p != '\0' && plain; p++)
		if (!isalnum((unsigned char)*p) &&
		    strchr("_@%+=:,./-", *p) == NULL)
			plain = 0;
	if (plain && cmd) {
		if (strchr(s, '=') != NULL)
			plain = 0;
		for (r = reserved; *r != NULL; r++)
			if (strcmp(*r, s) == 0)
				plain = 0;
	}
	if (plain) {
		buf_adds(b, s);
		return;
	}
	buf_addc(b, '\'');
	for (p = s; *p != '\0'; p++) {
		if (*p == '\'')
			buf_adds(b, "'\\''");
		else
			buf_addc(b, *p);
	}
	buf_addc(b, '\'');
}

/* sh_path quotes a file name that follows a command's options: a name
 * starting "-" gets "./" so that mv and cp take it as a file. */
static void
sh_path(struct buf *b, const char *s)
{
	struct buf t = { 0 };

	if (s[0] == '-')
		buf_adds(&t, "./");
	buf_adds(&t, s);
	pipeline_sh_quote(b, t.p, 0);
	buf_free(&t);
}

static void
sh_cmd(struct buf *b, const struct pipeline_cmd *cmd)
{
	size_t i;

	pipeline_sh_quote(b, cmd->beside ? cmd->exe : cmd->argv[0], 1);
	for (i = 1; i < cmd->argc; i++) {
		buf_addc(b, ' ');
		pipeline_sh_quote(b, cmd->argv[i], 0);
	}
}

/* sh_comment writes s as comment lines, each starting with lead. */
static void
sh_comment(struct buf *b, const char *lead, const char *s)
{
	buf_adds(b, lead);
	for (; *s != '\0'; s++) {
		if (*s == '\n' && s[1] != '\0') {
			buf_adds(b, "\n# ");
		} else if (*s != '\n') {
			buf_addc(b, *s);
		}
	}
	buf_addc(b, '\n');
}

/* dir_of appends the directory part of path ("." when it has none). */
static void
dir_of(struct buf *b, const char *path)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		buf_addc(b, '.');
	else if (slash == path)
		buf_addc(b, '/');
	else
		buf_add(b, path, (size_t)(slash - path));
}

void
pipeline_sh(struct buf *b, const struct pipeline *p)
{
	struct buf t = { 0 };
	size_t i, j;

	sh_comment(b, "# luong-run --dry-run ", p->file);
	if (p->name != NULL)
		sh_comment(b, "# ", p->name);
	if (p->description != NULL)
		sh_comment(b, "# ", p->description);
	buf_adds(b, "set -e\n"
	    /* As in a real run: a descriptor for our counts is not theirs. */
	    "unset LUONG_STATS_FD\n"
	    "t=${TMPDIR:-/tmp}/luong-run.$$\n"
	    "mkdir -m 700 \"$t\"\n");
	for (i = 0; i < p->noutputs; i++) {
		const char *path = p->outputs[i].path;
		const char *base = strrchr(path, '/');

		buf_reset(&t);
		if (base != NULL)
			buf_add(&t, path, (size_t)(base - path + 1));
		buf_printf(&t, ".%s.", base != NULL ? base + 1 : path);
		buf_printf(b, "o%zu=", i + 1);
		sh_path(b, t.p);
		buf_adds(b, "$$\n");
	}
	buf_adds(b, "trap 'rm -rf \"$t\"");
	for (i = 0; i < p->noutputs; i++)
		buf_printf(b, " \"$o%zu\"", i + 1);
	buf_adds(b, "' EXIT\ntrap 'exit 1' HUP INT TERM\n");

	/* The output directories first, as luong-run makes them before it
	 * starts anything: a step may write a side file there (a rejects
	 * file beside the reports). */
	for (i = 0; i < p->noutputs; i++) {
		int seen = 0;

		buf_reset(&t);
		dir_of(&t, p->outputs[i].path);
		for (j = 0; j < i && !seen; j++) {
			struct buf u = { 0 };

			dir_of(&u, p->outputs[j].path);
			seen = strcmp(u.p, t.p) == 0;
			buf_free(&u);
		}
		if (seen || strcmp(t.p, ".") == 0 || strcmp(t.p, "/") == 0)
			continue;
		buf_adds(b, "mkdir -p ");
		sh_path(b, t.p);
		buf_addc(b, '\n');
	}
	/* The steps: each one's failure is written down, as pipefail would
	 * keep it, and checked once the pipeline is over. */
	for (i = 0; i < p->nsteps; i++) {
		buf_adds(b, "{ ");
		sh_cmd(b, &p->steps[i]);
		buf_printf(b, " || echo %zu >>\"$t/failed\"; }", i + 1);
		if (i + 1 < p->nsteps)
			buf_adds(b, " |\n");
		else if (p->has_outputs)
			buf_adds(b, " >\"$t/stream\"\n");
		else
			buf_addc(b, '\n');
	}
	buf_adds(b, "test ! -e \"$t/failed\"\n");

	for (i = 0; i < p->noutputs; i++) {
		const struct pipeline_output *o = &p->outputs[i];

		if (o->cmd.argc == 0) {
			buf_printf(b, "cp \"$t/stream\" \"$o%zu\"\n", i + 1);
			continue;
		}
		sh_cmd(b, &o->cmd);
		buf_printf(b, " <\"$t/stream\" >\"$o%zu\"\n", i + 1);
	}
	for (i = 0; i < p->noutputs; i++) {
		buf_printf(b, "mv -f \"$o%zu\" ", i + 1);
		sh_path(b, p->outputs[i].path);
		buf_addc(b, '\n');
	}
	buf_free(&t);
}
