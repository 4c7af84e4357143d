/* cli — the command line every luong program shares: see cli.h. */
#include <sys/stat.h>

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "atomic.h"
#include "buf.h"
#include "cli.h"
#include "diag.h"
#include "rec.h"
#include "stats.h"
#include "text.h"

static const char *synopsis = "usage: luong\n";

void
cli_init(const char *prog, const char *syn, char **argv)
{
	diag_init(prog);
	synopsis = syn;
	/* getopt_long's own messages are off (opterr, ':'), but it still
	 * reads argv[0]: make it ours, whatever path ran us. */
	argv[0] = (char *)prog;
	opterr = 0;
	stats_init(prog);
}

void
cli_usage(void)
{
	fputs(synopsis, stderr);
	exit(EXIT_USAGE);
}

void
cli_required(const char *opt)
{
	diag_msg(NULL, 0, "%s is required", opt);
	cli_usage();
}

static void __attribute__((noreturn))
help(void)
{
	fputs(synopsis, stdout);
	rec_close_stdout();
	exit(EXIT_OK);
}

/* long_name returns the long option that argv[optind - 1] names, up to
 * any "=", as the user typed it. */
static const char *
long_name(char **argv, struct buf *b)
{
	const char *a = argv[optind - 1];

	buf_reset(b);
	buf_add(b, a, strcspn(a, "="));
	return b->p;
}

/* refused reports what getopt_long refused: ch is '?' (unknown, or a
 * long option given an argument it does not take) or ':' (missing
 * argument). */
static void __attribute__((noreturn))
refused(int ch, char **argv, const struct option *longopts)
{
	struct buf b = { 0 };
	const char *a = argv[optind - 1];
	int is_long = a != NULL && a[0] == '-' && a[1] == '-';

	if (ch == ':' && (optopt == 0 || optopt >= 256 || is_long))
		diag_msg(NULL, 0, "option %s requires an argument",
		    long_name(argv, &b));
	else if (ch == ':')
		diag_msg(NULL, 0, "option -%c requires an argument", optopt);
	else if (optopt != 0 && optopt < 256 && !is_long)
		diag_msg(NULL, 0, "unknown option -%c", optopt);
	else {
		const struct option *o;

		/* "--help=yes": a known option, an argument it does not
		 * take. */
		long_name(argv, &b);
		for (o = longopts; o != NULL && o->name != NULL; o++)
			if (strcmp(b.p + 2, o->name) == 0 && o->val == optopt)
				break;
		if (o != NULL && o->name != NULL && optopt != 0)
			diag_msg(NULL, 0, "option %s takes no argument", b.p);
		else
			diag_msg(NULL, 0, "unknown option %s", b.p);
	}
	buf_free(&b);
	cli_usage();
}

int
cli_getopt(int argc, char **argv, const char *optstring,
    const struct option *longopts)
{
	char opts[128];
	int ch;

	snprintf(opts, sizeof opts, ":%s", optstring);
	ch = getopt_long(argc, argv, opts, longopts, NULL);
	if (ch == CLI_HELP)
		help();
	if (ch == '?' || ch == ':')
		refused(ch, argv, longopts);
	return ch;
}

char *
cli_text(const char *opt, const char *arg)
{
	struct buf b = { 0 };
	size_t bad, n = strlen(arg);

	if (text_utf8_check(arg, n, &bad) != 0)
		diag_fatal(EXIT_USAGE, NULL, 0, "%s: not valid UTF-8", opt);
	text_nfc(&b, arg, n);
	buf_add(&b, "", 0);		/* "" still has a buffer */
	return b.p;
}

void
cli_list_add(struct cli_list *l, const char *opt, const char *arg)
{
	const char *s = arg, *c;
	size_t n;

	for (;;) {
		c = strchr(s, ',');
		n = c != NULL ? (size_t)(c - s) : strlen(s);
		if (n == 0)
			diag_fatal(EXIT_USAGE, NULL, 0, "%s: empty item in "
			    "\"%s\"", opt, arg);
		l->v = xrealloc(l->v, (l->n + 1) * sizeof *l->v);
		{
			char *item = xstrndup(s, n);

			l->v[l->n++] = cli_text(opt, item);
			free(item);
		}
		if (c == NULL)
			break;
		s = c + 1;
	}
}

void
cli_list_free(struct cli_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

long
cli_list_index(const struct cli_list *l, const char *item)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (strcmp(l->v[i], item) == 0)
			return (long)i;
	return -1;
}

void
cli_pair(struct cli_pair *p, const char *opt, const char *arg)
{
	const char *eq = strchr(arg, '=');
	char *field;

	if (eq == NULL || eq == arg)
		diag_fatal(EXIT_USAGE, NULL, 0, "%s: expected field=value, "
		    "not \"%s\"", opt, arg);
	field = xstrndup(arg, (size_t)(eq - arg));
	p->field = cli_text(opt, field);
	p->value = cli_text(opt, eq + 1);
	free(field);
}

void
cli_pair_free(struct cli_pair *p)
{
	free(p->field);
	free(p->value);
	p->field = p->value = NULL;
}

/* same_file: a and b are one file (device and inode). */
static int
same_file(const struct stat *a, const struct stat *b)
{
	return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

/* The side files still open: held here too, so that a fatal exit, which
 * leaves them to atomic's exit handler, does not leave them unreachable
 * (LeakSanitizer would call them lost). */
static struct cli_side **sides;
static size_t nsides;

/* Files read beside the stream (cli_side_input). */
static const char *also[8];
static size_t nalso;

void
cli_side_input(const char *path)
{
	if (path != NULL && nalso < sizeof also / sizeof also[0])
		also[nalso++] = path;
}

static int
side_flush(void *arg)
{
	return rec_flush_try(arg);
}

struct cli_side *
cli_side_open(const char *opt, const char *path, int nin,
    char *const *inputs)
{
	struct cli_side *s;
	struct atomic *a;
	struct stat out, in;
	size_t k;
	int i;

	if (*path == '\0')
		diag_fatal(EXIT_USAGE, NULL, 0, "%s: the file name is empty",
		    opt);
	if (stat(path, &out) == 0 && S_ISREG(out.st_mode)) {
		if (nin == 0 && fstat(STDIN_FILENO, &in) == 0 &&
		    same_file(&in, &out))
			diag_fatal(EXIT_USAGE, NULL, 0, "%s %s would "
			    "overwrite the input <stdin>", opt, path);
		for (i = 0; i < nin; i++) {
			int std = strcmp(inputs[i], "-") == 0;

			if ((std ? fstat(STDIN_FILENO, &in) :
			    stat(inputs[i], &in)) == 0 && same_file(&in, &out))
				diag_fatal(EXIT_USAGE, NULL, 0, "%s %s would "
				    "overwrite the input %s", opt, path,
				    std ? "<stdin>" : inputs[i]);
		}
		for (k = 0; k < nalso; k++)
			if (stat(also[k], &in) == 0 && same_file(&in, &out))
				diag_fatal(EXIT_USAGE, NULL, 0, "%s %s would "
				    "overwrite the input %s", opt, path,
				    also[k]);
	}
	if ((a = atomic_open(path, ATOMIC_KEEP)) == NULL)
		diag_fatal(EXIT_USAGE, path, 0, "cannot create: %s",
		    strerror(errno));
	s = xcalloc(1, sizeof *s);
	s->a = a;
	s->w = rec_writer_new(s->a->fd, path);
	atomic_on_exit(s->a, side_flush, s->w);
	sides = xrealloc(sides, (nsides + 1) * sizeof *sides);
	sides[nsides++] = s;
	return s;
}

void
cli_side_close(struct cli_side *s)
{
	size_t i;

	if (s == NULL)
		return;
	rec_flush(s->w);
	if (atomic_commit(s->a) != 0)
		diag_fatal(EXIT_DATA, s->a->path, 0, "write error: %s",
		    strerror(errno));
	rec_writer_free(s->w);
	atomic_free(s->a);
	for (i = 0; i < nsides; i++)
		if (sides[i] == s) {
			sides[i] = sides[--nsides];
			break;
		}
	if (nsides == 0) {
		free(sides);
		sides = NULL;
	}
	free(s);
}

unsigned long long
cli_count(const char *opt, const char *arg)
{
	unsigned long long v;
	char *end;

	errno = 0;
	v = strtoull(arg, &end, 10);
	if (arg[0] < '0' || arg[0] > '9' || *end != '\0' || errno != 0)
		diag_fatal(EXIT_USAGE, NULL, 0, "%s \"%s\": expected a number "
		    "of rows", opt, arg);
	return v;
}

void
cli_pairs_add(struct cli_pair **p, size_t *n, const char *opt,
    const char *arg)
{
	struct cli_list items = { 0 };
	size_t i, j;

	cli_list_add(&items, opt, arg);
	for (i = 0; i < items.n; i++) {
		*p = xrealloc(*p, (*n + 1) * sizeof **p);
		cli_pair(&(*p)[*n], opt, items.v[i]);
		for (j = 0; j < *n; j++)
			if (strcmp((*p)[j].field, (*p)[*n].field) == 0) {
				diag_msg(NULL, 0, "%s: field \"%s\" named twice",
				    opt, (*p)[j].field);
				cli_usage();
			}
		(*n)++;
	}
	cli_list_free(&items);
}

void
cli_field_file(const char *opt, const char *arg, const char *deflt,
    char **field, const char **file)
{
	const char *eq = strchr(arg, '=');
	char *f;

	if (eq == NULL) {
		*field = xstrdup(deflt);
		*file = arg;
		return;
	}
	f = xstrndup(arg, (size_t)(eq - arg));
	*field = cli_text(opt, f);
	*file = eq + 1;
	free(f);
}
