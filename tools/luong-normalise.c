/* luong-normalise — free-text administrative names to canonical names and
 * official codes, from a gazetteer (luong-normalise(1)). */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "gaz.h"
#include "rec.h"
#include "text.h"

enum unknown { UNKNOWN_REJECT, UNKNOWN_KEEP, UNKNOWN_FAIL };

enum {
	OPT_CODE_COLUMN = 256, OPT_EXPLAIN, OPT_FUZZY, OPT_HELP,
	OPT_MATCH_COLUMN, OPT_UNKNOWN
};

static const char synopsis[] =
    "usage: luong-normalise -g gazetteer.yaml -c column [--code-column name]\n"
    "                       [--match-column name] [--fuzzy] [-r rejects.tsv]\n"
    "                       [-m max-rejects] [--unknown reject|keep|fail]\n"
    "                       [file ...]\n"
    "       luong-normalise -g gazetteer.yaml [--fuzzy] --explain name\n";

static void
usage(void)
{
	fputs(synopsis, stderr);
	exit(EXIT_USAGE);
}

/* ---- the cache: one resolution per distinct input string ---- */

struct entry {
	char			*s;		/* the raw value; NULL: free */
	size_t			 n;
	uint64_t		 h;
	struct gaz_result	 res;
	char			*cand;		/* "Name (code), ..." or NULL */
};

struct cache {
	struct entry	*e;
	size_t		 cap, n;		/* cap is a power of two */
};

static uint64_t
hash(const char *s, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ULL;	/* FNV-1a */

	while (n-- > 0) {
		h ^= (unsigned char)*s++;
		h *= 0x100000001b3ULL;
	}
	return h;
}

static struct entry *
slot(struct entry *e, size_t cap, uint64_t h, const char *s, size_t n)
{
	size_t i = (size_t)h & (cap - 1);

	while (e[i].s != NULL && !(e[i].h == h && e[i].n == n &&
	    memcmp(e[i].s, s, n) == 0))
		i = (i + 1) & (cap - 1);
	return &e[i];
}

static void
grow(struct cache *c)
{
	struct entry *old = c->e, *x;
	size_t i, ocap = c->cap;

	c->cap = ocap ? ocap * 2 : 256;
	c->e = xcalloc(c->cap, sizeof *c->e);
	for (i = 0; i < ocap; i++)
		if (old[i].s != NULL) {
			x = slot(c->e, c->cap, old[i].h, old[i].s, old[i].n);
			*x = old[i];
		}
	free(old);
}

/* lookup returns the resolution of s[0..n), resolving it the first time. */
static const struct entry *
lookup(struct cache *c, const struct gaz *g, const char *s, size_t n,
    int flags)
{
	uint64_t h = hash(s, n);
	struct entry *e;
	struct buf b = { 0 };

	if (2 * (c->n + 1) > c->cap)
		grow(c);
	e = slot(c->e, c->cap, h, s, n);
	if (e->s != NULL)
		return e;
	e->s = xstrndup(s, n);
	e->n = n;
	e->h = h;
	gaz_resolve(g, s, n, flags, &e->res, NULL);
	if (e->res.unit == NULL && e->res.ncand > 0) {
		gaz_candidates(&b, &e->res);
		e->cand = b.p;
	}
	c->n++;
	return e;
}

static void
cache_free(struct cache *c)
{
	size_t i;

	for (i = 0; i < c->cap; i++) {
		free(c->e[i].s);
		free(c->e[i].cand);
	}
	free(c->e);
}

/* ---- the two modes ---- */

static int
explain(const struct gaz *g, const char *name, int flags)
{
	struct gaz_result res;
	struct buf t = { 0 }, c = { 0 };

	gaz_resolve(g, name, strlen(name), flags, &res, &t);
	fwrite(t.p, 1, t.len, stdout);
	if (res.unit != NULL) {
		printf("%-10s %s\t%s\t%s\n", "result", res.unit->name,
		    res.unit->code, gaz_match_name(res.match));
	} else {
		printf("%-10s unresolved: %s\n", "result", res.reason);
		gaz_candidates(&c, &res);
		if (c.len > 0)
			printf("%-10s %s\n", "candidates", c.p);
	}
	buf_free(&t);
	buf_free(&c);
	return res.unit != NULL ? EXIT_OK : EXIT_DATA;
}

struct run {
	const char		*column, *code_column, *match_column;
	const char		*rejects;
	long long		 max_rejects;
	enum unknown		 unknown;
	int			 flags;
};

/* report prints the message for an unresolved value. */
static void
report(const struct rec_reader *r, const struct run *o, const char *s,
    size_t n, const struct entry *e)
{
	struct buf v = { 0 };

	text_show(&v, s, n);
	diag_msg(r->file, r->line, "%s \"%s\": %s%s%s", o->column,
	    v.p != NULL ? v.p : "", e->res.reason,
	    e->cand != NULL ? "; nearest: " : "",
	    e->cand != NULL ? e->cand : "");
	buf_free(&v);
}

/* no_field exits 2 when the input already has a field called name. */
static int
no_field(const struct rec_reader *r, const char *name, const char *what)
{
	if (rec_index(r, name) >= 0)
		diag_fatal(EXIT_USAGE, r->file, 0, "the input already has a "
		    "field \"%s\" (choose another name with %s)", name, what);
	return 0;
}

static int
normalise(const struct gaz *g, const struct run *o, int argc, char **argv)
{
	static const char *const rej_fields[] = { "_file", "_line", "_reason",
	    "_candidates" };
	struct rec_reader *r;
	struct rec_writer *w, *rw = NULL;
	struct cache cache = { 0 };
	const struct entry *e;
	unsigned long long nread = 0, nwritten = 0, nrejected = 0;
	unsigned long long count[GAZ_NMATCH] = { 0 };
	char *code_name = NULL, *skip;
	int col, rfd = -1, status = EXIT_OK, ifile, iline;
	size_t i, j;
	char num[32];

	r = rec_reader_open(argc, argv);
	if ((col = rec_index(r, o->column)) < 0)
		diag_fatal(EXIT_USAGE, r->file, 1, "no field \"%s\" in the "
		    "header", o->column);
	if (o->code_column != NULL) {
		code_name = xstrdup(o->code_column);
	} else {
		code_name = xmalloc(strlen(o->column) + 6);
		sprintf(code_name, "%s_code", o->column);
	}
	no_field(r, code_name, "--code-column");
	if (o->match_column != NULL) {
		no_field(r, o->match_column, "--match-column");
		if (strcmp(o->match_column, code_name) == 0)
			diag_fatal(EXIT_USAGE, NULL, 0, "--match-column and "
			    "the code column are both \"%s\"", code_name);
	}
	/* Provenance from luong-ingest --source, when the input has it. */
	ifile = rec_index(r, "_file");
	iline = rec_index(r, "_line");
	/* Input fields named like the rejects' own are not repeated there. */
	skip = xcalloc(r->nf, 1);
	for (i = 0; i < r->nf; i++)
		for (j = 0; j < 4; j++)
			if (strcmp(r->name[i], rej_fields[j]) == 0)
				skip[i] = 1;
	if (o->rejects != NULL) {
		rfd = open(o->rejects, O_WRONLY | O_CREAT | O_TRUNC, 0666);
		if (rfd < 0)
			diag_fatal(EXIT_USAGE, o->rejects, 0,
			    "cannot create: %s", strerror(errno));
		rw = rec_writer_new(rfd, o->rejects);
		for (j = 0; j < 4; j++)
			rec_puts(rw, rej_fields[j]);
		for (i = 0; i < r->nf; i++)
			if (!skip[i])
				rec_puts(rw, r->name[i]);
		rec_endrow(rw);
	}

	w = rec_writer_new(STDOUT_FILENO, "<stdout>");
	for (i = 0; i < r->nf; i++) {
		rec_puts(w, r->name[i]);
		if ((int)i == col) {
			rec_puts(w, code_name);
			if (o->match_column != NULL)
				rec_puts(w, o->match_column);
		}
	}
	rec_endrow(w);

	while (rec_next(r)) {
		nread++;
		e = lookup(&cache, g, r->f[col], r->len[col], o->flags);
		count[e->res.match]++;
		if (e->res.unit == NULL && o->unknown == UNKNOWN_FAIL) {
			report(r, o, r->f[col], r->len[col], e);
			status = EXIT_DATA;
			break;
		}
		if (e->res.unit == NULL && o->unknown == UNKNOWN_REJECT) {
			nrejected++;
			if (rw == NULL) {
				report(r, o, r->f[col], r->len[col], e);
				continue;
			}
			if (ifile >= 0)
				rec_put(rw, r->f[ifile], r->len[ifile]);
			else
				rec_puts(rw, r->file);
			if (iline >= 0) {
				rec_put(rw, r->f[iline], r->len[iline]);
			} else {
				snprintf(num, sizeof num, "%lu", r->line);
				rec_puts(rw, num);
			}
			rec_puts(rw, e->res.reason);
			rec_puts(rw, e->cand != NULL ? e->cand : "");
			for (i = 0; i < r->nf; i++)
				if (!skip[i])
					rec_put(rw, r->f[i], r->len[i]);
			rec_endrow(rw);
			continue;
		}
		nwritten++;
		for (i = 0; i < r->nf; i++) {
			if ((int)i != col) {
				rec_put(w, r->f[i], r->len[i]);
				continue;
			}
			if (e->res.unit == NULL) {	/* --unknown keep */
				rec_put(w, r->f[i], r->len[i]);
				rec_puts(w, "");
			} else {
				rec_puts(w, e->res.unit->name);
				rec_puts(w, e->res.unit->code);
			}
			if (o->match_column != NULL)
				rec_puts(w, e->res.unit != NULL ?
				    gaz_match_name(e->res.match) : "");
		}
		rec_endrow(w);
	}

	rec_writer_free(w);
	if (rw != NULL) {
		rec_writer_free(rw);
		if (close(rfd) != 0)
			diag_fatal(EXIT_DATA, o->rejects, 0, "write error: %s",
			    strerror(errno));
	}
	if (status == EXIT_OK) {
		diag_msg(NULL, 0, "%llu row%s read, %llu written, %llu "
		    "rejected; exact %llu, alias %llu, code %llu, ascii %llu, "
		    "folded %llu, fuzzy %llu, unresolved %llu; %zu distinct "
		    "value%s", nread, nread == 1 ? "" : "s", nwritten,
		    nrejected, count[GAZ_EXACT], count[GAZ_ALIAS],
		    count[GAZ_CODE], count[GAZ_ASCII], count[GAZ_FOLDED],
		    count[GAZ_FUZZY], count[GAZ_NONE], cache.n,
		    cache.n == 1 ? "" : "s");
		if (o->unknown == UNKNOWN_REJECT &&
		    nrejected > (unsigned long long)o->max_rejects) {
			diag_msg(NULL, 0, "%llu row%s rejected, more than the "
			    "%lld that -m allows", nrejected,
			    nrejected == 1 ? "" : "s", o->max_rejects);
			status = EXIT_DATA;
		}
	}
	cache_free(&cache);
	free(skip);
	free(code_name);
	rec_reader_free(r);
	return status;
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "code-column", required_argument, NULL, OPT_CODE_COLUMN },
		{ "explain", required_argument, NULL, OPT_EXPLAIN },
		{ "fuzzy", no_argument, NULL, OPT_FUZZY },
		{ "help", no_argument, NULL, OPT_HELP },
		{ "match-column", required_argument, NULL, OPT_MATCH_COLUMN },
		{ "unknown", required_argument, NULL, OPT_UNKNOWN },
		{ NULL, 0, NULL, 0 }
	};
	static char progname[] = "luong-normalise";
	struct run o = { 0 };
	struct gaz *g;
	const char *gpath = NULL, *name = NULL, *unknown = NULL, *mopt = NULL;
	char *end;
	int ch, status;

	diag_init(progname);
	/* getopt names the program by argv[0]: make it ours, whatever path
	 * ran us. */
	argv[0] = progname;
	while ((ch = getopt_long(argc, argv, "c:g:m:r:", longopts,
	    NULL)) != -1) {
		switch (ch) {
		case 'c':
			o.column = optarg;
			break;
		case 'g':
			gpath = optarg;
			break;
		case 'm':
			mopt = optarg;
			break;
		case 'r':
			o.rejects = optarg;
			break;
		case OPT_CODE_COLUMN:
			o.code_column = optarg;
			break;
		case OPT_EXPLAIN:
			name = optarg;
			break;
		case OPT_FUZZY:
			o.flags |= GAZ_FUZZY_OK;
			break;
		case OPT_HELP:
			fputs(synopsis, stdout);
			rec_close_stdout();
			return EXIT_OK;
		case OPT_MATCH_COLUMN:
			o.match_column = optarg;
			break;
		case OPT_UNKNOWN:
			unknown = optarg;
			break;
		default:
			usage();
		}
	}
	argc -= optind;
	argv += optind;

	if (gpath == NULL)
		usage();
	if (name != NULL && (o.column != NULL || o.code_column != NULL ||
	    o.match_column != NULL || o.rejects != NULL || mopt != NULL ||
	    unknown != NULL || argc > 0))
		usage();
	if (name == NULL && o.column == NULL)
		usage();
	if (unknown == NULL || strcmp(unknown, "reject") == 0)
		o.unknown = UNKNOWN_REJECT;
	else if (strcmp(unknown, "keep") == 0)
		o.unknown = UNKNOWN_KEEP;
	else if (strcmp(unknown, "fail") == 0)
		o.unknown = UNKNOWN_FAIL;
	else
		diag_fatal(EXIT_USAGE, NULL, 0, "--unknown \"%s\": expected "
		    "reject, keep or fail", unknown);
	if (mopt != NULL) {
		errno = 0;
		o.max_rejects = strtoll(mopt, &end, 10);
		if (*mopt < '0' || *mopt > '9' || *end != '\0' || errno != 0)
			diag_fatal(EXIT_USAGE, NULL, 0, "-m \"%s\": expected "
			    "a number of rows", mopt);
	}
	if (o.unknown != UNKNOWN_REJECT && (o.rejects != NULL || mopt != NULL))
		diag_fatal(EXIT_USAGE, NULL, 0, "-r and -m apply only to "
		    "--unknown reject");
	if (o.column != NULL && *o.column == '\0')
		diag_fatal(EXIT_USAGE, NULL, 0, "-c: the column name is empty");
	if ((o.code_column != NULL && *o.code_column == '\0') ||
	    (o.match_column != NULL && *o.match_column == '\0'))
		diag_fatal(EXIT_USAGE, NULL, 0, "a column name is empty");

	g = gaz_load(gpath);
	if (name != NULL) {
		status = explain(g, name, o.flags);
		gaz_free(g);
		rec_close_stdout();
		return status;
	}
	status = normalise(g, &o, argc, argv);
	gaz_free(g);
	rec_close_stdout();
	return status;
}
