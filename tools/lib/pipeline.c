#include <sys/stat.h>

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "cfg.h"
#include "diag.h"
#include "pipeline.h"

/* An output's file as a run will make it: the deepest directory above it
 * that exists, by device and inode, then the rest of the path, as the
 * directories still to be made will hold it. */
struct out_key {
	dev_t		 dev;
	ino_t		 ino;
	char		*rest;		/* "new/dir/name", owned */
	unsigned long	 line;		/* of its path in the file */
};

/* A variable of the file's vars, possibly overridden by --set, or the
 * built-in "here". */
struct var {
	const char		*name;	/* borrowed from the tree */
	const char		*raw;	/* NULL: declared without a value */
	const struct cfg_node	*node;	/* where the value is written */
	int			 literal;	/* a --set value: no substitution */
	int			 state;		/* 0 new, 1 expanding, 2 done */
	/* Its value is a path from the pipeline's directory: it begins with
	 * ${here}, or with a variable that does; it is cleaned. */
	int			 anchored;
	char			*value;		/* expanded, owned */
};

/* The built-in variable: the directory of the pipeline file. */
#define HERE	"here"

struct loader {
	struct cfg	*c;
	struct var	*vars;
	size_t		 nvars;
	/* Where each command's name was written, for repeated names. */
	const struct cfg_node **name_node;
	struct pipeline_cmd **cmds;
	size_t		 ncmds;
	struct out_key	*keys;		/* one per output loaded */
};

static int
name_char(int c, int first)
{
	return c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	    (!first && c >= '0' && c <= '9');
}

static size_t
name_len(const char *s)
{
	size_t n = 0;

	if (!name_char((unsigned char)s[0], 1))
		return 0;
	while (name_char((unsigned char)s[n], n == 0))
		n++;
	return n;
}

int
pipeline_set_ok(const char *arg)
{
	size_t n = name_len(arg);

	return n > 0 && arg[n] == '=';
}

static struct var *
var_find(struct loader *L, const char *name, size_t n)
{
	size_t i;

	for (i = 0; i < L->nvars; i++)
		if (strlen(L->vars[i].name) == n &&
		    memcmp(L->vars[i].name, name, n) == 0)
			return &L->vars[i];
	return NULL;
}

static const char *var_value(struct loader *, struct var *);

/* clean_path rewrites the path s in place, lexically, as Plan 9's
 * cleanname and Go's path.Clean do: no "//", no "." component, no
 * "dir/.." pair, no ".." just below the root; "" becomes ".".  A trailing
 * "/" is kept: it says the path names a directory.  The file system is
 * not consulted, so a link to a directory followed by ".." is taken as
 * the link's own directory ("a/link/.." is "a"). */
static void
clean_path(char *s)
{
	size_t n = strlen(s), r = 0, w = 0, dotdot = 0;
	int rooted = s[0] == '/', trail = n > 1 && s[n - 1] == '/';

	if (rooted)
		r = w = dotdot = 1;
	while (r < n) {
		if (s[r] == '/') {
			r++;
		} else if (s[r] == '.' && (r + 1 == n || s[r + 1] == '/')) {
			r++;
		} else if (s[r] == '.' && s[r + 1] == '.' &&
		    (r + 2 == n || s[r + 2] == '/')) {
			r += 2;
			if (w > dotdot) {
				/* Back over the last component. */
				while (--w > dotdot && s[w] != '/')
					;
			} else if (!rooted) {
				if (w > 0)
					s[w++] = '/';
				s[w++] = '.';
				s[w++] = '.';
				dotdot = w;
			}
		} else {
			if (w != (size_t)rooted)
				s[w++] = '/';
			while (r < n && s[r] != '/')
				s[w++] = s[r++];
		}
	}
	if (w == 0)
		s[w++] = '.';
	/* The input's own trailing "/" was never copied: there is room. */
	if (trail && !(w == 1 && (s[0] == '/' || s[0] == '.')) &&
	    !(w >= 2 && s[w - 1] == '.' && s[w - 2] == '.' &&
	    (w == 2 || s[w - 3] == '/')))
		s[w++] = '/';
	s[w] = '\0';
}

/* anchored: the text s, not yet substituted, begins with ${here}, or with
 * a variable of the file whose value does (a --set value never does). */
static int
anchored(struct loader *L, const char *s)
{
	struct var *v;
	size_t n;

	if (s[0] != '$' || s[1] != '{' || (n = name_len(s + 2)) == 0 ||
	    s[2 + n] != '}' || (v = var_find(L, s + 2, n)) == NULL ||
	    v->raw == NULL)
		return 0;
	var_value(L, v);
	return v->anchored;
}

/* dir_of returns the directory of the file path names, as written and
 * cleaned (not resolved through links): "p.yaml" is in ".",
 * "pipelines/x.yaml" in "pipelines", "/x.yaml" in "/", "a/../x.yaml" in
 * ".".  Owned. */
static char *
dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	struct buf b = { 0 };
	size_t n;

	if (slash == NULL)
		buf_addc(&b, '.');
	else
		buf_add(&b, path, (size_t)(slash - path + 1));
	buf_add(&b, "", 0);
	clean_path(b.p);
	/* The "/" before the name is not a trailing one: "a/x.yaml" is in
	 * "a", not "a/". */
	if ((n = strlen(b.p)) > 1 && b.p[n - 1] == '/')
		b.p[n - 1] = '\0';
	return b.p;
}

/* too_long fails when a string being substituted has grown past
 * PIPELINE_MAX_VALUE: the bytes of a value are bounded whatever the file
 * builds them from (forty variables that each double the last would
 * otherwise take a terabyte). */
static void
too_long(struct loader *L, const struct cfg_node *node, const char *what,
    const struct buf *out)
{
	if (out->len > PIPELINE_MAX_VALUE)
		cfg_error(L->c, node, "%s: longer than %d bytes after "
		    "substitution", what, PIPELINE_MAX_VALUE);
}

/* expand appends s with every ${name} replaced; "$${" stands for "${".
 * Errors are reported at node, the scalar s comes from, which what names
 * in a message about its length. */
static void
expand(struct loader *L, const struct cfg_node *node, const char *what,
    const char *s, struct buf *out)
{
	while (*s != '\0') {
		struct var *v;
		size_t n;

		too_long(L, node, what, out);
		if (s[0] == '$' && s[1] == '$' && s[2] == '{') {
			buf_adds(out, "${");
			s += 3;
			continue;
		}
		if (s[0] != '$' || s[1] != '{') {
			buf_addc(out, *s++);
			continue;
		}
		n = name_len(s + 2);
		if (n == 0 || s[2 + n] != '}')
			cfg_error(L->c, node, "\"${\" must be followed by a "
			    "variable name and \"}\" (write \"$${\" for a "
			    "literal \"${\")");
		v = var_find(L, s + 2, n);
		if (v == NULL || v->raw == NULL)
			cfg_error(L->c, node, "variable \"%.*s\" is not set",
			    (int)n, s + 2);
		buf_adds(out, var_value(L, v));
		s += 2 + n + 1;
	}
	too_long(L, node, what, out);
}

static const char *
var_value(struct loader *L, struct var *v)
{
	struct buf b = { 0 };

	if (v->state == 2)
		return v->value;
	if (v->state == 1)
		cfg_error(L->c, v->node, "variable \"%s\" refers to itself",
		    v->name);
	if (v->literal) {
		buf_adds(&b, v->raw);
	} else {
		struct buf what = { 0 };

		v->state = 1;
		buf_printf(&what, "variable \"%s\"", v->name);
		expand(L, v->node, what.p, v->raw, &b);
		buf_free(&what);
	}
	buf_addc(&b, '\0');	/* an empty value still owns a buffer */
	v->value = b.p;
	v->state = 2;
	if (!v->literal && anchored(L, v->raw)) {
		v->anchored = 1;
		clean_path(v->value);
	}
	return v->value;
}

/* scalar returns node's text with variables substituted, owned; cleaned
 * as a path when it begins with ${here} (anchored). */
static char *
scalar(struct loader *L, const struct cfg_node *node, const char *what)
{
	struct buf b = { 0 };

	cfg_want(L->c, node, CFG_SCALAR, what);
	expand(L, node, what, node->str, &b);
	buf_addc(&b, '\0');
	if (anchored(L, node->str))
		clean_path(b.p);
	return b.p;
}

/* load_vars makes the variables: here, the directory of the file at
 * path, then the file's vars, then the --set values over them. */
static void
load_vars(struct loader *L, const struct cfg_node *vars, size_t nset,
    char *const *set, const char *path)
{
	static const char builtin[] = "variable \"" HERE "\" is built in (the "
	    "directory of the pipeline file) and cannot be set";
	struct var *here;
	size_t i;

	L->vars = xcalloc(1 + (vars != NULL && vars->type == CFG_MAP ?
	    vars->n : 0), sizeof *L->vars);
	here = &L->vars[L->nvars++];
	here->name = HERE;
	here->value = dir_of(path);
	here->raw = here->value;
	here->literal = 1;
	here->anchored = 1;
	here->state = 2;
	if (vars != NULL && !cfg_is_null(vars)) {
		cfg_want(L->c, vars, CFG_MAP, "vars");
		for (i = 0; i < vars->n; i++) {
			const struct cfg_node *k = vars->keys[i];
			const struct cfg_node *v = vars->items[i];
			struct var *var;

			cfg_want(L->c, k, CFG_SCALAR, "variable name");
			if (name_len(k->str) != k->len || k->len == 0)
				cfg_error(L->c, k, "\"%s\" is not a variable "
				    "name (a letter or \"_\", then letters, "
				    "digits or \"_\")", k->str);
			if (strcmp(k->str, HERE) == 0)
				cfg_error(L->c, k, "%s in vars", builtin);
			var = &L->vars[L->nvars++];
			var->name = k->str;
			var->node = v;
			if (cfg_is_null(v)) {
				var->node = k;
				continue;
			}
			if (v->type != CFG_SCALAR)
				cfg_error(L->c, v, "variable \"%s\": expected "
				    "a scalar", k->str);
			var->raw = v->str;
		}
	}
	for (i = 0; i < nset; i++) {
		size_t n = name_len(set[i]);
		struct var *var = var_find(L, set[i], n);

		if (var == here)
			cfg_error(L->c, NULL, "--set %.*s: %s", (int)n, set[i],
			    builtin);
		if (var == NULL)
			cfg_error(L->c, NULL, "--set %.*s: no such variable "
			    "in vars", (int)n, set[i]);
		var->raw = set[i] + n + 1;
		var->literal = 1;
	}
}

static int
exec_check(const char *path)
{
	struct stat st;

	if (stat(path, &st) != 0)
		return errno;
	if (S_ISDIR(st.st_mode))
		return EISDIR;
	if (access(path, X_OK) != 0)
		return errno;
	return 0;
}

static char *
join(const char *dir, size_t n, const char *name)
{
	struct buf b = { 0 };

	if (n == 0)
		buf_addc(&b, '.');	/* an empty PATH entry: the current dir */
	else
		buf_add(&b, dir, n);
	buf_addc(&b, '/');
	buf_adds(&b, name);
	return b.p;
}

int
pipeline_find(const char *prog, const char *selfdir, char **exe,
    int *beside)
{
	const char *path, *p, *end;
	char *cand;
	int e, found = ENOENT;

	*exe = NULL;
	*beside = 0;
	if (*prog == '\0')
		return ENOENT;
	if (strchr(prog, '/') != NULL) {
		if ((e = exec_check(prog)) == 0)
			*exe = xstrdup(prog);
		return e;
	}
	if (selfdir != NULL && strncmp(prog, "luong-", 6) == 0) {
		cand = join(selfdir, strlen(selfdir), prog);
		if (exec_check(cand) == 0) {
			*exe = cand;
			*beside = 1;
			return 0;
		}
		free(cand);
	}
	if ((path = getenv("PATH")) == NULL)
		path = "/usr/local/bin:/usr/bin:/bin";
	for (p = path;; p = end + 1) {
		end = strchr(p, ':');
		if (end == NULL)
			end = p + strlen(p);
		cand = join(p, (size_t)(end - p), prog);
		if ((e = exec_check(cand)) == 0) {
			*exe = cand;
			return 0;
		}
		/* As execvp does: a file found but not executable is worth
		 * saying, unless a later directory has a good one. */
		if (e == EACCES)
			found = EACCES;
		free(cand);
		if (*end == '\0')
			break;
	}
	return found;
}

/* load_cmd fills cmd from a run list (and an optional name node). */
static void
load_cmd(struct loader *L, struct pipeline_cmd *cmd,
    const struct cfg_node *run, const struct cfg_node *name,
    const char *selfdir)
{
	size_t i;
	int e;

	cfg_want(L->c, run, CFG_SEQ, "run");
	if (run->n == 0)
		cfg_error(L->c, run, "run: an empty list (the program and "
		    "its arguments, one word each)");
	cmd->line = run->line;
	cmd->col = run->col;
	cmd->argv = xcalloc(run->n + 1, sizeof *cmd->argv);
	for (i = 0; i < run->n; i++) {
		if (run->items[i]->type != CFG_SCALAR)
			cfg_error(L->c, run->items[i], "run: expected a list "
			    "of words, found a nested %s",
			    run->items[i]->type == CFG_SEQ ? "list" :
			    "mapping");
		cmd->argv[cmd->argc++] = scalar(L, run->items[i], "run");
	}
	e = pipeline_find(cmd->argv[0], selfdir, &cmd->exe, &cmd->beside);
	if (e == ENOENT && strchr(cmd->argv[0], '/') == NULL)
		cfg_error(L->c, run->items[0], "program \"%s\" not found",
		    cmd->argv[0]);
	if (e != 0)
		cfg_error(L->c, run->items[0], "program \"%s\": %s",
		    cmd->argv[0], strerror(e));
	L->cmds = xrealloc(L->cmds, (L->ncmds + 1) * sizeof *L->cmds);
	L->name_node = xrealloc(L->name_node,
	    (L->ncmds + 1) * sizeof *L->name_node);
	L->cmds[L->ncmds] = cmd;
	L->name_node[L->ncmds++] = name;
	if (name != NULL) {
		cmd->name = scalar(L, name, "name");
		if (cmd->name[0] == '\0')
			cfg_error(L->c, name, "name: empty");
	}
}

static int
name_taken(const struct loader *L, const char *name)
{
	size_t i;

	for (i = 0; i < L->ncmds; i++)
		if (L->cmds[i]->name != NULL &&
		    strcmp(L->cmds[i]->name, name) == 0)
			return 1;
	return 0;
}

/* name_cmds checks that the names written are unique, then names every
 * other command after its program, numbering repeats: awk, awk-2. */
static void
name_cmds(struct loader *L)
{
	size_t i, j;

	for (i = 0; i < L->ncmds; i++)
		for (j = 0; j < i && L->name_node[i] != NULL; j++)
			if (L->name_node[j] != NULL &&
			    strcmp(L->cmds[i]->name, L->cmds[j]->name) == 0)
				cfg_error(L->c, L->name_node[i], "name \"%s\" "
				    "repeated (first on line %lu)",
				    L->cmds[i]->name, L->name_node[j]->line);
	for (i = 0; i < L->ncmds; i++) {
		struct pipeline_cmd *cmd = L->cmds[i];
		const char *base = strrchr(cmd->argv[0], '/');
		struct buf b = { 0 };
		unsigned k;

		if (cmd->name != NULL)
			continue;
		base = base != NULL ? base + 1 : cmd->argv[0];
		buf_adds(&b, base);
		for (k = 2; name_taken(L, b.p); k++) {
			buf_reset(&b);
			buf_printf(&b, "%s-%u", base, k);
		}
		cmd->name = b.p;
	}
}

static void
add_input(struct pipeline *p, const char *file)
{
	struct pipeline_cmd *s = &p->steps[0];
	struct buf b = { 0 };

	/* A file called "-x" must not be read as an option by the step. */
	if (file[0] == '-')
		buf_adds(&b, "./");
	buf_adds(&b, file);
	s->argv = xrealloc(s->argv, (s->argc + 2) * sizeof *s->argv);
	s->argv[s->argc++] = b.p;
	s->argv[s->argc] = NULL;
	p->ninputs++;
}

/* load_input adds the file, or the files a pattern matches.  A pattern in
 * a list may match nothing (an inbox without a gzipped export tonight):
 * with alone set, a lone pattern must match, and the caller checks that a
 * list matched something as a whole. */
static void where_looked(struct buf *, const char *);

static void
load_input(struct loader *L, struct pipeline *p, const struct cfg_node *node,
    int alone)
{
	char *pat = scalar(L, node, "input");
	glob_t g;
	size_t i;
	int fd, r;

	if (strpbrk(pat, "*?[") == NULL) {
		if ((fd = open(pat, O_RDONLY)) < 0)
			cfg_error(L->c, node, "input \"%s\": cannot open: %s",
			    pat, strerror(errno));
		close(fd);
		add_input(p, pat);
		free(pat);
		return;
	}
	/* glob(3) sorts with strcoll: luong-run never sets a locale, so the
	 * order is by bytes, whatever the environment says. */
	r = glob(pat, 0, NULL, &g);
	if (r == GLOB_NOMATCH && !alone) {
		free(pat);
		return;
	}
	if (r == GLOB_NOMATCH) {
		struct buf w = { 0 };

		where_looked(&w, pat);
		cfg_error(L->c, node, "input \"%s\": no file matches (%s)",
		    pat, w.p);
	}
	if (r != 0)
		cfg_error(L->c, node, "input \"%s\": cannot expand the "
		    "pattern", pat);
	for (i = 0; i < g.gl_pathc; i++)
		add_input(p, g.gl_pathv[i]);
	globfree(&g);
	free(pat);
}

/* where_looked appends, for a pattern that matched nothing, where it
 * looked: its directory, and whether that is missing, empty or holds
 * files none of which match. */
static void
where_looked(struct buf *b, const char *pat)
{
	const char *slash = strrchr(pat, '/');
	struct buf dir = { 0 };
	struct dirent *e;
	size_t n = 0;
	DIR *d;

	if (slash == NULL)
		buf_addc(&dir, '.');
	else
		buf_add(&dir, pat, slash == pat ? 1 : (size_t)(slash - pat));
	buf_add(&dir, "", 0);
	if (strpbrk(dir.p, "*?[") != NULL)
		buf_printf(b, "in %s", dir.p);
	else if ((d = opendir(dir.p)) == NULL)
		buf_printf(b, "the directory %s %s", dir.p, errno == ENOENT ?
		    "does not exist" : strerror(errno));
	else {
		while ((e = readdir(d)) != NULL)
			n += strcmp(e->d_name, ".") != 0 &&
			    strcmp(e->d_name, "..") != 0;
		closedir(d);
		if (n == 0)
			buf_printf(b, "the directory %s is empty", dir.p);
		else
			buf_printf(b, "no name in the directory %s matches",
			    dir.p);
	}
	buf_free(&dir);
}

/* no_match fails a list of patterns that matched nothing, naming each
 * with where it looked. */
static void __attribute__((noreturn))
no_match(struct loader *L, const struct cfg_node *list)
{
	struct buf b = { 0 };
	size_t i;

	for (i = 0; i < list->n; i++) {
		char *pat = scalar(L, list->items[i], "input");

		buf_printf(&b, "%s\"%s\" (", i ? ", " : "", pat);
		where_looked(&b, pat);
		buf_addc(&b, ')');
		free(pat);
	}
	cfg_error(L->c, list, "input: no file matches any of the patterns: %s",
	    b.p);
}

/* out_key finds the file path names, as a run will write it (runner.h):
 * through a link to a regular file, the file it names (atomic.h); in a
 * directory that exists, that directory, whatever path leads there
 * ("o.tsv", "./o.tsv", "sub/../o.tsv"); in one still to be made, the
 * deepest that exists and the rest of the path with "." and ".." taken
 * out as the directories made will resolve them.  A component that is
 * not a directory stays in the rest: the run fails there anyway. */
static void
out_key(struct out_key *k, const char *path)
{
	struct buf cur = { 0 }, rest = { 0 };
	const char *p, *base, *end;
	char *real = NULL;
	struct stat st;

again:
	buf_reset(&cur);
	buf_reset(&rest);
	base = strrchr(path, '/');
	base = base != NULL ? base + 1 : path;
	buf_adds(&cur, *path == '/' ? "/" : ".");
	for (p = path; p < base; p = end + 1) {
		size_t n;

		end = strchr(p, '/');
		n = (size_t)(end - p);
		if (n == 0 || (n == 1 && *p == '.'))
			continue;
		if (rest.len > 0 && n == 2 && memcmp(p, "..", 2) == 0) {
			while (rest.len > 0 && rest.p[--rest.len] != '/')
				;
			rest.p[rest.len] = '\0';
			continue;
		}
		if (rest.len == 0) {
			size_t was = cur.len;

			buf_addc(&cur, '/');
			buf_add(&cur, p, n);
			if (stat(cur.p, &st) == 0 && S_ISDIR(st.st_mode))
				continue;
			cur.len = was;
			cur.p[was] = '\0';
		}
		if (rest.len > 0)
			buf_addc(&rest, '/');
		buf_add(&rest, p, n);
	}
	/* In a directory that exists, a link to a regular file: the run
	 * replaces that file, which is known by its own path. */
	if (rest.len == 0 && real == NULL) {
		buf_addc(&cur, '/');
		buf_adds(&cur, base);
		if (lstat(cur.p, &st) == 0 && S_ISLNK(st.st_mode) &&
		    (real = realpath(cur.p, NULL)) != NULL) {
			if (stat(real, &st) == 0 && S_ISREG(st.st_mode)) {
				path = real;
				goto again;
			}
		}
		cur.len -= strlen(base) + 1;
		cur.p[cur.len] = '\0';
	}
	if (rest.len > 0)
		buf_addc(&rest, '/');
	buf_adds(&rest, base);
	k->dev = 0;
	k->ino = 0;
	if (stat(cur.p, &st) == 0) {
		k->dev = st.st_dev;
		k->ino = st.st_ino;
	}
	k->rest = xstrdup(rest.p != NULL ? rest.p : "");
	buf_free(&cur);
	buf_free(&rest);
	free(real);
}

static void
load_output(struct loader *L, struct pipeline *p, const struct cfg_node *node,
    const char *selfdir)
{
	static const char *const keys[] = { "name", "path", "run", NULL };
	struct pipeline_output *o = &p->outputs[p->noutputs];
	const struct cfg_node *pn, *run;
	struct out_key *k;
	const char *base;
	struct stat st;
	size_t i;

	cfg_want(L->c, node, CFG_MAP, "output");
	cfg_keys(L->c, node, keys);
	if ((pn = cfg_get(node, "path")) == NULL)
		cfg_error(L->c, node, "output: missing key \"path\"");
	o->path = scalar(L, pn, "path");
	p->noutputs++;
	base = strrchr(o->path, '/');
	base = base != NULL ? base + 1 : o->path;
	if (*base == '\0' || strcmp(base, ".") == 0 || strcmp(base, "..") == 0 ||
	    (stat(o->path, &st) == 0 && S_ISDIR(st.st_mode)))
		cfg_error(L->c, pn, "path \"%s\" names a directory, not a "
		    "file", o->path);
	for (i = 0; i + 1 < p->noutputs; i++)
		if (strcmp(p->outputs[i].path, o->path) == 0)
			cfg_error(L->c, pn, "output \"%s\" repeated", o->path);
	/* Told apart by the file, not the text: "./o.tsv" is "o.tsv", and
	 * the second would silently replace the first. */
	k = &L->keys[p->noutputs - 1];
	out_key(k, o->path);
	k->line = pn->line;
	for (i = 0; i + 1 < p->noutputs; i++)
		if (L->keys[i].dev == k->dev && L->keys[i].ino == k->ino &&
		    strcmp(L->keys[i].rest, k->rest) == 0)
			cfg_error(L->c, pn, "output \"%s\" names the same file "
			    "as \"%s\" (first on line %lu)", o->path,
			    p->outputs[i].path, L->keys[i].line);
	run = cfg_get(node, "run");
	if (run != NULL)
		load_cmd(L, &o->cmd, run, cfg_get(node, "name"), selfdir);
	else if (cfg_get(node, "name") != NULL)
		cfg_error(L->c, cfg_get(node, "name"), "name: only an output "
		    "with run has a name");
}

struct pipeline *
pipeline_load(const char *path, size_t nset, char *const *set,
    const char *selfdir)
{
	static const char *const keys[] = { "name", "description", "vars",
	    "input", "steps", "outputs", NULL };
	static const char *const step_keys[] = { "name", "run", NULL };
	struct loader L = { 0 };
	struct pipeline *p = xcalloc(1, sizeof *p);
	const struct cfg_node *root, *n;
	size_t i;

	p->file = xstrdup(path);
	L.c = cfg_load(path);
	if ((root = L.c->root) == NULL)
		cfg_error(L.c, NULL, "empty pipeline file");
	cfg_want(L.c, root, CFG_MAP, "pipeline");
	cfg_keys(L.c, root, keys);
	load_vars(&L, cfg_get(root, "vars"), nset, set, path);
	if ((n = cfg_get(root, "name")) != NULL && !cfg_is_null(n))
		p->name = scalar(&L, n, "name");
	if ((n = cfg_get(root, "description")) != NULL && !cfg_is_null(n))
		p->description = scalar(&L, n, "description");

	if ((n = cfg_get(root, "steps")) == NULL)
		cfg_error(L.c, root, "missing key \"steps\"");
	cfg_want(L.c, n, CFG_SEQ, "steps");
	if (n->n == 0)
		cfg_error(L.c, n, "steps: an empty list");
	p->steps = xcalloc(n->n, sizeof *p->steps);
	for (i = 0; i < n->n; i++) {
		const struct cfg_node *s = n->items[i];

		if (s->type == CFG_SEQ) {
			load_cmd(&L, &p->steps[i], s, NULL, selfdir);
		} else if (s->type == CFG_MAP) {
			cfg_keys(L.c, s, step_keys);
			if (cfg_get(s, "run") == NULL)
				cfg_error(L.c, s, "step: missing key \"run\"");
			load_cmd(&L, &p->steps[i], cfg_get(s, "run"),
			    cfg_get(s, "name"), selfdir);
		} else {
			cfg_error(L.c, s, "step: expected a list of words or "
			    "a mapping with \"run\"");
		}
		p->nsteps++;
	}

	if ((n = cfg_get(root, "input")) != NULL && !cfg_is_null(n)) {
		p->has_input = 1;
		if (n->type == CFG_SEQ) {
			if (n->n == 0)
				cfg_error(L.c, n, "input: an empty list "
				    "(leave input out to read standard "
				    "input)");
			for (i = 0; i < n->n; i++)
				load_input(&L, p, n->items[i], 0);
			if (p->ninputs == 0)
				no_match(&L, n);
		} else {
			load_input(&L, p, n, 1);
		}
	}

	if ((n = cfg_get(root, "outputs")) != NULL && !cfg_is_null(n)) {
		cfg_want(L.c, n, CFG_SEQ, "outputs");
		if (n->n == 0)
			cfg_error(L.c, n, "outputs: an empty list (leave "
			    "outputs out to write standard output)");
		p->has_outputs = 1;
		p->outputs = xcalloc(n->n, sizeof *p->outputs);
		L.keys = xcalloc(n->n, sizeof *L.keys);
		for (i = 0; i < n->n; i++)
			load_output(&L, p, n->items[i], selfdir);
	}
	name_cmds(&L);

	for (i = 0; i < L.nvars; i++)
		free(L.vars[i].value);
	free(L.vars);
	for (i = 0; i < p->noutputs; i++)
		free(L.keys[i].rest);
	free(L.keys);
	free(L.cmds);
	free(L.name_node);
	cfg_free(L.c);
	return p;
}

static void
cmd_free(struct pipeline_cmd *cmd)
{
	size_t i;

	for (i = 0; i < cmd->argc; i++)
		free(cmd->argv[i]);
	free(cmd->argv);
	free(cmd->exe);
	free(cmd->name);
}

void
pipeline_free(struct pipeline *p)
{
	size_t i;

	if (p == NULL)
		return;
	for (i = 0; i < p->nsteps; i++)
		cmd_free(&p->steps[i]);
	for (i = 0; i < p->noutputs; i++) {
		cmd_free(&p->outputs[i].cmd);
		free(p->outputs[i].path);
	}
	free(p->steps);
	free(p->outputs);
	free(p->name);
	free(p->description);
	free(p->file);
	free(p);
}
