/*
 * luong-join — attach a reference table (targets) to the stream by key.
 *
 * The table (a record stream, CSV or YAML file) is loaded into memory and
 * indexed on its key fields (table.h); the stream is read row by row and
 * never held.  Keys are compared after NFC.  Unmatched rows on either side
 * are counted, named on stderr and written to -u with the side they came
 * from: never silently dropped.  Memory is proportional to the table.  See
 * luong-join(1).
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "atomic.h"
#include "buf.h"
#include "cli.h"
#include "diag.h"
#include "hash.h"
#include "rec.h"
#include "stats.h"
#include "table.h"

enum { OPT_LEFT = CLI_OPT_FIRST, OPT_PREFIX, OPT_STRICT, OPT_WHERE };

/* Unmatched rows named one by one on stderr, per side, before a count. */
#define NOTE_MAX	10

static const char synopsis[] =
    "usage: luong-join -t table -k key[,key ...] [--left] [-u unpaired.tsv]\n"
    "                  [--strict] [--prefix P] [--where field=value ...]\n"
    "                  [file ...]\n";

/* The fields -u has before the output's. */
static const char *const meta[] = { "_side", "_file", "_line" };

/* The command line. */
struct opts {
	const char	 *table;	/* -t */
	const char	 *unpaired;	/* -u, or NULL */
	char		 *prefix;	/* owned, NFC */
	struct cli_list	  keys;		/* -k items: stream[=table] */
	struct cli_pair	 *where;	/* --where, nwhere of them */
	size_t		  nwhere;
	int		  left, strict;
};

/* The join: the key fields on both sides, the table's fields that are
 * written, and what came of each table row. */
struct join {
	struct table	 *t;
	size_t		  nk;
	char		**lk, **rk;	/* stream and table key names, owned */
	size_t		 *lki, *rki;	/* their field indexes */
	size_t		 *tout, ntout;	/* table fields after the stream's */
	char		**kv;		/* a row's key values, borrowed */
	size_t		 *kl;
	unsigned char	 *matched;	/* per table row */
	struct buf	  nm;
	const char	 *prefix;
};

/* The counts (stats.h) and the stderr notes. */
static unsigned long long *rows_read, *rows_written, *rows_rejected;
static unsigned long long *unmatched, *table_rows, *table_excluded;
static unsigned long long *unpaired;
static unsigned long long noted_stream, noted_table;

static void
start_stats(void)
{
	rows_read = stats_counter("rows_read");
	rows_written = stats_counter("rows_written");
	rows_rejected = stats_counter("rows_rejected");
	unmatched = stats_counter("unmatched");
	table_rows = stats_counter("table_rows");
	table_excluded = stats_counter("table_excluded");
	unpaired = stats_counter("unpaired");
}

static void
parse_options(int argc, char **argv, struct opts *o)
{
	static const struct option longopts[] = {
		CLI_HELP_OPTION,
		{ "left",	no_argument,		NULL, OPT_LEFT },
		{ "prefix",	required_argument,	NULL, OPT_PREFIX },
		{ "strict",	no_argument,		NULL, OPT_STRICT },
		{ "where",	required_argument,	NULL, OPT_WHERE },
		{ NULL, 0, NULL, 0 }
	};
	int ch;

	while ((ch = cli_getopt(argc, argv, "k:t:u:", longopts)) != -1) {
		switch (ch) {
		case 'k':
			cli_list_add(&o->keys, "-k", optarg);
			break;
		case 't':
			o->table = optarg;
			break;
		case 'u':
			o->unpaired = optarg;
			break;
		case OPT_LEFT:
			o->left = 1;
			break;
		case OPT_PREFIX:
			free(o->prefix);
			o->prefix = cli_text("--prefix", optarg);
			break;
		case OPT_STRICT:
			o->strict = 1;
			break;
		case OPT_WHERE:
			o->where = xrealloc(o->where, (o->nwhere + 1) *
			    sizeof *o->where);
			cli_pair(&o->where[o->nwhere++], "--where", optarg);
			break;
		default:
			cli_usage();
		}
	}
	if (o->table == NULL)
		cli_required("-t");
	if (o->keys.n == 0)
		cli_required("-k");
	if (o->prefix == NULL)
		o->prefix = cli_text("--prefix", "");
}

/* split_keys splits each -k item, "name" or "stream=table", into the
 * names of both sides. */
static void
split_keys(struct join *j, const struct cli_list *keys)
{
	size_t k;

	j->nk = keys->n;
	j->lk = xcalloc(j->nk, sizeof *j->lk);
	j->rk = xcalloc(j->nk, sizeof *j->rk);
	for (k = 0; k < j->nk; k++) {
		const char *item = keys->v[k], *eq = strchr(item, '=');

		if (eq == item || (eq != NULL && eq[1] == '\0'))
			diag_fatal(EXIT_USAGE, NULL, 0, "-k: empty field name "
			    "in \"%s\"", item);
		j->lk[k] = eq != NULL ? xstrndup(item, (size_t)(eq - item)) :
		    xstrdup(item);
		j->rk[k] = xstrdup(eq != NULL ? eq + 1 : item);
	}
}

/* load_table loads the table, keeps the --where rows and indexes it on
 * its key fields: any problem with it is found before output. */
static void
load_table(struct join *j, const struct opts *o)
{
	size_t i, k, dup[2];
	int f;

	j->t = table_load(o->table);
	for (i = 0; i < o->nwhere; i++) {
		if ((f = table_field(j->t, o->where[i].field)) < 0)
			diag_fatal(EXIT_USAGE, o->table, 1, "--where: no field "
			    "\"%s\" in the table", o->where[i].field);
		*table_excluded += table_where(j->t, (size_t)f,
		    o->where[i].value);
	}
	*table_rows = j->t->nrows;
	j->rki = xcalloc(j->nk, sizeof *j->rki);
	for (k = 0; k < j->nk; k++) {
		if ((f = table_field(j->t, j->rk[k])) < 0)
			diag_fatal(EXIT_USAGE, o->table, 1, "-k: no field \"%s\" "
			    "in the table", j->rk[k]);
		j->rki[k] = (size_t)f;
	}
	if (table_index(j->t, j->rki, j->nk, dup) != 0)
		diag_fatal(EXIT_DATA, o->table, j->t->line[dup[1]], "duplicate "
		    "key (first on line %lu)", j->t->line[dup[0]]);
	j->matched = xcalloc(j->t->nrows ? j->t->nrows : 1, 1);
}

/* out_name returns the output name of table field f (j->nm, reused). */
static const char *
out_name(struct join *j, size_t f)
{
	buf_reset(&j->nm);
	buf_printf(&j->nm, "%s%s", j->prefix, j->t->name[f]);
	return j->nm.p;
}

/* plan_fields finds the stream's key fields and the table fields written
 * after the stream's (all but its keys, each --prefix'ed); a name the
 * output would have twice, or that -u adds, is a usage error. */
static void
plan_fields(struct join *j, const struct rec_reader *r, const struct opts *o)
{
	struct hash *names = hash_new();
	size_t i, f, k;
	int x, added;

	j->lki = xcalloc(j->nk, sizeof *j->lki);
	for (k = 0; k < j->nk; k++) {
		if ((x = rec_index(r, j->lk[k])) < 0)
			diag_fatal(EXIT_USAGE, r->file, 1, "-k: no field \"%s\" "
			    "in the header", j->lk[k]);
		j->lki[k] = (size_t)x;
	}
	for (i = 0; i < r->nf; i++)
		hash_add(names, r->name[i], strlen(r->name[i]), NULL);
	j->tout = xcalloc(j->t->nf ? j->t->nf : 1, sizeof *j->tout);
	for (f = 0; f < j->t->nf; f++) {
		for (k = 0; k < j->nk && j->rki[k] != f; k++)
			;
		if (k < j->nk)
			continue;
		out_name(j, f);
		hash_add(names, j->nm.p, j->nm.len, &added);
		if (!added)
			diag_fatal(EXIT_USAGE, o->table, 1, "field \"%s\" is "
			    "already in the stream%s", j->nm.p, *j->prefix ?
			    "" : " (rename the table's with --prefix)");
		j->tout[j->ntout++] = f;
	}
	for (k = 0; o->unpaired != NULL && k < 3; k++)
		if (hash_find(names, meta[k], strlen(meta[k])) != HASH_NONE)
			diag_fatal(EXIT_USAGE, o->unpaired, 0, "field \"%s\" of "
			    "-u is already a field", meta[k]);
	hash_free(names, NULL);
	j->kv = xcalloc(j->nk, sizeof *j->kv);
	j->kl = xcalloc(j->nk, sizeof *j->kl);
}

/* open_unpaired opens -u, a side output (cli_side_open): refused when it
 * names the table or a stream input, written whole. */
static struct cli_side *
open_unpaired(const struct opts *o, int argc, char **argv)
{
	struct cli_side *s;
	char **in;
	int i, n = 0;

	in = xcalloc((size_t)argc + 2, sizeof *in);
	in[n++] = (char *)o->table;
	for (i = 0; i < argc; i++)
		in[n++] = argv[i];
	if (argc == 0)
		in[n++] = (char *)"-";
	s = cli_side_open("-u", o->unpaired, n, in);
	free(in);
	return s;
}

/* write_header writes the output's field names to w, after the -u
 * fields when meta is set. */
static void
write_header(struct join *j, const struct rec_reader *r, struct rec_writer *w,
    int with_meta)
{
	size_t i;

	for (i = 0; with_meta && i < 3; i++)
		rec_puts(w, meta[i]);
	for (i = 0; i < r->nf; i++)
		rec_puts(w, r->name[i]);
	for (i = 0; i < j->ntout; i++)
		rec_puts(w, out_name(j, j->tout[i]));
	rec_endrow(w);
}

/* write_stream_row writes r's row, then table row t's output fields, or
 * empty ones when t is TABLE_NONE. */
static void
write_stream_row(const struct join *j, const struct rec_reader *r,
    struct rec_writer *w, size_t t)
{
	size_t i;

	for (i = 0; i < r->nf; i++)
		rec_put(w, r->f[i], r->len[i]);
	for (i = 0; i < j->ntout; i++)
		rec_puts(w, t != TABLE_NONE ? table_value(j->t, t,
		    j->tout[i]) : "");
	rec_endrow(w);
}

/* join_stream reads the stream and writes each row with its table row;
 * unmatched rows are noted, written with --left and copied to -u. */
static void
join_stream(struct join *j, struct rec_reader *r, struct rec_writer *w,
    struct rec_writer *u, int left)
{
	size_t k, t;

	while (rec_next(r)) {
		(*rows_read)++;
		for (k = 0; k < j->nk; k++) {
			j->kv[k] = r->f[j->lki[k]];
			j->kl[k] = r->len[j->lki[k]];
		}
		if ((t = table_find(j->t, j->kv, j->kl)) != TABLE_NONE) {
			j->matched[t] = 1;
			write_stream_row(j, r, w, t);
			(*rows_written)++;
			continue;
		}
		(*unmatched)++;
		if (noted_stream++ < NOTE_MAX)
			diag_msg(r->file, r->line, "no match in the table");
		if (left) {
			write_stream_row(j, r, w, TABLE_NONE);
			(*rows_written)++;
		} else
			(*rows_rejected)++;
		if (u != NULL) {
			rec_puts(u, "stream");
			rec_puts(u, r->file);
			rec_put_int(u, (long long)r->line);
			write_stream_row(j, r, u, TABLE_NONE);
		}
	}
	if (noted_stream > NOTE_MAX)
		diag_msg(NULL, 0, "stream: %llu more unmatched rows not listed",
		    noted_stream - NOTE_MAX);
}

/* report_unpaired notes the table rows no stream row matched and copies
 * them to -u, their key values in the stream's key fields. */
static void
report_unpaired(struct join *j, const struct rec_reader *r,
    struct rec_writer *u)
{
	const struct table *t = j->t;
	size_t i, f, k;

	for (i = 0; i < t->nrows; i++) {
		if (j->matched[i])
			continue;
		(*unpaired)++;
		if (noted_table++ < NOTE_MAX)
			diag_msg(t->path, t->line[i], "no stream row matched "
			    "this table row");
		if (u == NULL)
			continue;
		rec_puts(u, "table");
		rec_puts(u, t->path);
		rec_put_int(u, (long long)t->line[i]);
		for (f = 0; f < r->nf; f++) {
			for (k = 0; k < j->nk && j->lki[k] != f; k++)
				;
			rec_puts(u, k < j->nk ? table_value(t, i, j->rki[k]) :
			    "");
		}
		for (f = 0; f < j->ntout; f++)
			rec_puts(u, table_value(t, i, j->tout[f]));
		rec_endrow(u);
	}
	if (noted_table > NOTE_MAX)
		diag_msg(NULL, 0, "table: %llu more unmatched rows not listed",
		    noted_table - NOTE_MAX);
}

static const char *
pl(unsigned long long n)
{
	return n == 1 ? "" : "s";
}

static void
summary(void)
{
	diag_msg(NULL, 0, "stream: %llu row%s read, %llu matched, %llu "
	    "unmatched; table: %llu row%s, %llu matched, %llu unmatched; %llu "
	    "row%s written", *rows_read, pl(*rows_read), *rows_read -
	    *unmatched, *unmatched, *table_rows, pl(*table_rows), *table_rows -
	    *unpaired, *unpaired, *rows_written, pl(*rows_written));
}

static void
join_free(struct join *j)
{
	size_t k;

	for (k = 0; k < j->nk; k++) {
		free(j->lk[k]);
		free(j->rk[k]);
	}
	free(j->lk);
	free(j->rk);
	free(j->lki);
	free(j->rki);
	free(j->tout);
	free(j->kv);
	free(j->kl);
	free(j->matched);
	buf_free(&j->nm);
	table_free(j->t);
}

static void
opts_free(struct opts *o)
{
	size_t i;

	for (i = 0; i < o->nwhere; i++)
		cli_pair_free(&o->where[i]);
	free(o->where);
	cli_list_free(&o->keys);
	free(o->prefix);
}

int
main(int argc, char *argv[])
{
	struct opts o = { 0 };
	struct join j = { 0 };
	struct rec_reader *r;
	struct rec_writer *w, *u = NULL;
	struct cli_side *side = NULL;
	int status = EXIT_OK;

	cli_init("luong-join", synopsis, argv);
	start_stats();
	parse_options(argc, argv, &o);
	argc -= optind;
	argv += optind;
	j.prefix = o.prefix;
	split_keys(&j, &o.keys);

	/* The table, then the stream's header, then -u: every usage error
	 * comes before anything is written. */
	load_table(&j, &o);
	r = rec_reader_open(argc, argv);
	plan_fields(&j, r, &o);
	if (o.unpaired != NULL) {
		side = open_unpaired(&o, argc, argv);
		u = side->w;
		write_header(&j, r, u, 1);
	}
	w = rec_writer_new(STDOUT_FILENO, "<stdout>");
	write_header(&j, r, w, 0);

	join_stream(&j, r, w, u, o.left);
	report_unpaired(&j, r, u);

	rec_writer_free(w);
	cli_side_close(side);
	summary();
	rec_reader_free(r);
	join_free(&j);
	rec_close_stdout();
	if (o.strict && *unmatched + *unpaired > 0) {
		diag_msg(NULL, 0, "%llu unmatched row%s (--strict)",
		    *unmatched + *unpaired, pl(*unmatched + *unpaired));
		status = EXIT_DATA;
	}
	opts_free(&o);
	return status;
}
