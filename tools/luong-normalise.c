/* luong-normalise — free-text administrative names to canonical names and
 * official codes, from a gazetteer (luong-normalise(1)). */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "atomic.h"
#include "cli.h"
#include "diag.h"
#include "gaz.h"
#include "hash.h"
#include "rec.h"
#include "stats.h"
#include "text.h"

enum unknown { UNKNOWN_REJECT, UNKNOWN_KEEP, UNKNOWN_FAIL };

enum {
	OPT_CODE_COLUMN = CLI_OPT_FIRST, OPT_EXPLAIN, OPT_FUZZY,
	OPT_MATCH_COLUMN, OPT_UNKNOWN
};

static const char synopsis[] =
    "usage: luong-normalise -g gazetteer.yaml -c column [--code-column name]\n"
    "                       [--match-column name] [--fuzzy] [-r rejects.tsv]\n"
    "                       [-m max-rejects] [--unknown reject|keep|fail]\n"
    "                       [file ...]\n"
    "       luong-normalise -g gazetteer.yaml [--fuzzy] --explain name\n";

/* The rejects file's own fields, before the input's. */
static const char *const rej_fields[] = { "_file", "_line", "_reason",
    "_candidates" };
#define NREJ_FIELDS	(sizeof rej_fields / sizeof rej_fields[0])

/* The stats counter of each match kind, by enum gaz_match. */
static const char *const match_stat[GAZ_NMATCH] = { "unresolved",
    "match_exact", "match_alias", "match_code", "match_ascii",
    "match_folded", "match_fuzzy" };

/* One resolution per distinct input value, in a hash keyed by the value
 * as read. */
struct resolution {
	struct gaz_result	 res;
	char			*cand;		/* "Name (code), ..." or NULL */
	/* A unit's: the fields that replace the column (name, code and
	 * with --match-column the match), in stream form, TAB-joined. */
	struct buf		 put;
};

struct run {
	/* Options: the column names owned, NFC. */
	char			*column, *code_name, *match_column;
	const char		*rejects;
	unsigned long long	 max_rejects;
	enum unknown		 unknown;
	int			 flags;
	/* The stream. */
	const struct gaz	*g;
	struct rec_reader	*r;
	struct rec_writer	*w, *rw;	/* rw: rside's writer */
	struct cli_side		*rside;
	int			 col, ifile, iline;
	char			*skip;		/* input fields the rejects omit */
	struct hash		*cache;		/* through its memo */
	/* Counts (stats.h). */
	unsigned long long	*read, *written, *rejected, *distinct;
	unsigned long long	*match[GAZ_NMATCH];
};

static void
resolution_free(void *p)
{
	struct resolution *e = p;

	if (e != NULL) {
		free(e->cand);
		buf_free(&e->put);
	}
	free(e);
}

/* resolve returns the resolution of s[0..n), resolving it the first
 * time it is seen. */
static const struct resolution *
resolve(struct run *o, const char *s, size_t n)
{
	struct resolution *e;
	int added;
	size_t i;

	i = hash_add_memo(o->cache, s, n, &added);
	if (!added)
		return hash_val(o->cache, i);
	e = xcalloc(1, sizeof *e);
	gaz_resolve(o->g, s, n, o->flags, &e->res, NULL);
	if (e->res.unit != NULL) {
		const char *kind = gaz_match_name(e->res.match);

		rec_escape(&e->put, e->res.unit->name,
		    strlen(e->res.unit->name));
		buf_addc(&e->put, '\t');
		rec_escape(&e->put, e->res.unit->code,
		    strlen(e->res.unit->code));
		if (o->match_column != NULL) {
			buf_addc(&e->put, '\t');
			rec_escape(&e->put, kind, strlen(kind));
		}
	}
	if (e->res.unit == NULL && e->res.ncand > 0) {
		struct buf b = { 0 };

		gaz_candidates(&b, &e->res);
		e->cand = b.p;
	}
	hash_set(o->cache, i, e);
	(*o->distinct)++;
	return e;
}

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

/* report prints the message for an unresolved value. */
static void
report(const struct run *o, const struct resolution *e)
{
	const struct rec_reader *r = o->r;
	struct buf v = { 0 };

	text_show(&v, r->f[o->col], r->len[o->col]);
	diag_msg(r->file, r->line, "%s \"%s\": %s%s%s", o->column,
	    v.p != NULL ? v.p : "", e->res.reason,
	    e->cand != NULL ? "; nearest: " : "",
	    e->cand != NULL ? e->cand : "");
	buf_free(&v);
}

/* no_field exits 2 when the input already has a field called name. */
static void
no_field(const struct rec_reader *r, const char *name, const char *what)
{
	if (rec_index(r, name) >= 0)
		diag_fatal(EXIT_USAGE, r->file, 0, "the input already has a "
		    "field \"%s\" (choose another name with %s)", name, what);
}

/* start opens the inputs and the rejects file, checks the header and
 * writes the headers of the output and the rejects. */
static void
start(struct run *o, int argc, char **argv)
{
	struct rec_reader *r;
	size_t i, j;

	r = o->r = rec_reader_open(argc, argv);
	if ((o->col = rec_index(r, o->column)) < 0)
		diag_fatal(EXIT_USAGE, r->file, 1, "no field \"%s\" in the "
		    "header", o->column);
	no_field(r, o->code_name, "--code-column");
	if (o->match_column != NULL) {
		no_field(r, o->match_column, "--match-column");
		if (strcmp(o->match_column, o->code_name) == 0)
			diag_fatal(EXIT_USAGE, NULL, 0, "--match-column and "
			    "the code column are both \"%s\"", o->code_name);
	}
	/* Provenance from luong-ingest --source, when the input has it. */
	o->ifile = rec_index(r, "_file");
	o->iline = rec_index(r, "_line");
	/* Input fields named like the rejects' own are not repeated there. */
	o->skip = xcalloc(r->nf, 1);
	for (i = 0; i < r->nf; i++)
		for (j = 0; j < NREJ_FIELDS; j++)
			if (strcmp(r->name[i], rej_fields[j]) == 0)
				o->skip[i] = 1;
	if (o->rejects != NULL) {
		o->rside = cli_side_open("-r", o->rejects, argc, argv);
		o->rw = o->rside->w;
		for (j = 0; j < NREJ_FIELDS; j++)
			rec_puts(o->rw, rej_fields[j]);
		for (i = 0; i < r->nf; i++)
			if (!o->skip[i])
				rec_puts(o->rw, r->name[i]);
		rec_endrow(o->rw);
	}
	o->w = rec_writer_new(STDOUT_FILENO, "<stdout>");
	for (i = 0; i < r->nf; i++) {
		rec_puts(o->w, r->name[i]);
		if ((int)i == o->col) {
			rec_puts(o->w, o->code_name);
			if (o->match_column != NULL)
				rec_puts(o->w, o->match_column);
		}
	}
	rec_endrow(o->w);
}

/* reject_row writes the current row to the rejects file, or says why on
 * stderr when there is none. */
static void
reject_row(struct run *o, const struct resolution *e)
{
	const struct rec_reader *r = o->r;
	struct rec_writer *rw = o->rw;
	size_t i;

	(*o->rejected)++;
	if (rw == NULL) {
		report(o, e);
		return;
	}
	if (o->ifile >= 0)
		rec_put(rw, r->f[o->ifile], r->len[o->ifile]);
	else
		rec_puts(rw, r->file);
	if (o->iline >= 0)
		rec_put(rw, r->f[o->iline], r->len[o->iline]);
	else
		rec_put_int(rw, (long long)r->line);
	rec_puts(rw, e->res.reason);
	rec_puts(rw, e->cand != NULL ? e->cand : "");
	for (i = 0; i < r->nf; i++)
		if (!o->skip[i])
			rec_put(rw, r->f[i], r->len[i]);
	rec_endrow(rw);
}

/* write_row writes the current row with the value resolved (or, with
 * --unknown keep, as it was, with an empty code).  The fields around the
 * column go as they were read (rec_put_row_subst, rec_put_span). */
static void
write_row(struct run *o, const struct resolution *e)
{
	const struct rec_reader *r = o->r;
	struct rec_writer *w = o->w;
	size_t c = (size_t)o->col;

	(*o->written)++;
	if (e->res.unit != NULL) {
		rec_put_row_subst(w, r, c, e->put.p, e->put.len);
		return;
	}
	rec_put_span(w, r, 0, c);
	rec_put(w, r->f[c], r->len[c]);
	rec_puts(w, "");
	if (o->match_column != NULL)
		rec_puts(w, "");
	rec_put_span(w, r, c + 1, r->nf);
	rec_endrow(w);
}

/* summary tells people what the run did; the counts are the stats
 * record's. */
static void
summary(const struct run *o)
{
	unsigned long long *const *m = o->match;

	diag_msg(NULL, 0, "%llu row%s read, %llu written, %llu rejected; "
	    "exact %llu, alias %llu, code %llu, ascii %llu, folded %llu, "
	    "fuzzy %llu, unresolved %llu; %llu distinct value%s", *o->read,
	    *o->read == 1 ? "" : "s", *o->written, *o->rejected,
	    *m[GAZ_EXACT], *m[GAZ_ALIAS], *m[GAZ_CODE], *m[GAZ_ASCII],
	    *m[GAZ_FOLDED], *m[GAZ_FUZZY], *m[GAZ_NONE], *o->distinct,
	    *o->distinct == 1 ? "" : "s");
}

static int
normalise(struct run *o, int argc, char **argv)
{
	const struct resolution *e;
	struct rec_reader *r;
	int status = EXIT_OK;

	start(o, argc, argv);
	r = o->r;
	while (rec_next(r)) {
		(*o->read)++;
		e = resolve(o, r->f[o->col], r->len[o->col]);
		(*o->match[e->res.match])++;
		if (e->res.unit == NULL && o->unknown == UNKNOWN_FAIL) {
			report(o, e);
			status = EXIT_DATA;
			break;
		}
		if (e->res.unit == NULL && o->unknown == UNKNOWN_REJECT)
			reject_row(o, e);
		else
			write_row(o, e);
	}
	rec_writer_free(o->w);
	cli_side_close(o->rside);
	if (status == EXIT_OK) {
		summary(o);
		if (*o->rejected > o->max_rejects) {
			diag_msg(NULL, 0, "%llu row%s rejected, more than the "
			    "%llu that -m allows", *o->rejected,
			    *o->rejected == 1 ? "" : "s", o->max_rejects);
			status = EXIT_DATA;
		}
	}
	hash_free(o->cache, resolution_free);
	free(o->skip);
	rec_reader_free(r);
	return status;
}

/* counters names the counts, in the order the stats record gives them,
 * so that it has them all whenever the run stops. */
static void
counters(struct run *o)
{
	int m;

	o->read = stats_counter("rows_read");
	o->written = stats_counter("rows_written");
	o->rejected = stats_counter("rows_rejected");
	for (m = GAZ_EXACT; m < GAZ_NMATCH; m++)
		o->match[m] = stats_counter(match_stat[m]);
	o->match[GAZ_NONE] = stats_counter(match_stat[GAZ_NONE]);
	o->distinct = stats_counter("distinct_values");
}

/* code_name is the code field's name: --code-column's, or COLUMN_code. */
static char *
code_name(const char *column, const char *code_column)
{
	struct buf b = { 0 };

	if (code_column != NULL)
		return cli_text("--code-column", code_column);
	buf_printf(&b, "%s_code", column);
	return b.p;
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "code-column", required_argument, NULL, OPT_CODE_COLUMN },
		{ "explain", required_argument, NULL, OPT_EXPLAIN },
		{ "fuzzy", no_argument, NULL, OPT_FUZZY },
		CLI_HELP_OPTION,
		{ "match-column", required_argument, NULL, OPT_MATCH_COLUMN },
		{ "unknown", required_argument, NULL, OPT_UNKNOWN },
		{ NULL, 0, NULL, 0 }
	};
	struct run o = { 0 };
	struct gaz *g;
	const char *gpath = NULL, *unknown = NULL, *code_column = NULL;
	char *name = NULL;
	int ch, mset = 0, status;

	cli_init("luong-normalise", synopsis, argv);
	counters(&o);
	while ((ch = cli_getopt(argc, argv, "c:g:m:r:", longopts)) != -1) {
		switch (ch) {
		case 'c':
			free(o.column);
			o.column = cli_text("-c", optarg);
			break;
		case 'g':
			gpath = optarg;
			break;
		case 'm':
			o.max_rejects = cli_count("-m", optarg);
			mset = 1;
			break;
		case 'r':
			o.rejects = optarg;
			break;
		case OPT_CODE_COLUMN:
			code_column = optarg;
			break;
		case OPT_EXPLAIN:
			free(name);
			name = cli_text("--explain", optarg);
			break;
		case OPT_FUZZY:
			o.flags |= GAZ_FUZZY_OK;
			break;
		case OPT_MATCH_COLUMN:
			free(o.match_column);
			o.match_column = cli_text("--match-column", optarg);
			break;
		case OPT_UNKNOWN:
			unknown = optarg;
			break;
		default:
			cli_usage();
		}
	}
	argc -= optind;
	argv += optind;

	if (gpath == NULL)
		cli_required("-g");
	if (name != NULL && (o.column != NULL || code_column != NULL ||
	    o.match_column != NULL || o.rejects != NULL || mset ||
	    unknown != NULL || argc > 0))
		cli_usage();
	if (name == NULL && o.column == NULL)
		cli_required("-c");
	if (unknown == NULL || strcmp(unknown, "reject") == 0)
		o.unknown = UNKNOWN_REJECT;
	else if (strcmp(unknown, "keep") == 0)
		o.unknown = UNKNOWN_KEEP;
	else if (strcmp(unknown, "fail") == 0)
		o.unknown = UNKNOWN_FAIL;
	else
		diag_fatal(EXIT_USAGE, NULL, 0, "--unknown \"%s\": expected "
		    "reject, keep or fail", unknown);
	if (o.unknown != UNKNOWN_REJECT && (o.rejects != NULL || mset))
		diag_fatal(EXIT_USAGE, NULL, 0, "-r and -m apply only to "
		    "--unknown reject");
	if (o.column != NULL && *o.column == '\0')
		diag_fatal(EXIT_USAGE, NULL, 0, "-c: the column name is empty");
	if (o.column != NULL)
		o.code_name = code_name(o.column, code_column);
	if ((o.code_name != NULL && *o.code_name == '\0') ||
	    (o.match_column != NULL && *o.match_column == '\0'))
		diag_fatal(EXIT_USAGE, NULL, 0, "a column name is empty");

	o.g = g = gaz_load(gpath);
	cli_side_input(gpath);
	if (name != NULL)
		status = explain(g, name, o.flags);
	else {
		o.cache = hash_new();
		status = normalise(&o, argc, argv);
	}
	gaz_free(g);
	free(name);
	free(o.column);
	free(o.code_name);
	free(o.match_column);
	rec_close_stdout();
	return status;
}
