/* luong-rank — score rows against their targets, then rank them.
 *
 * Scoring: for every indicator X whose X and X_target are both fields, add
 * X_gap (X - X_target in percentage points) and X_met (1/0), computed on
 * the values as printed — each rounded to 2 decimals first — in exact
 * scaled integers (dec.h), so 27.92 against 27.92 is met with gap 0.00.
 *
 * met_count: how many of the indicators each row met.
 *
 * Ranking: by the -b keys in order, empty values last; ties share a rank
 * (competition, dense) or are broken by the code field (ordinal), never by
 * input order.  The rule (the keys) is written into every row, in
 * rank_rule, so a report says what the ranking is based on.  A row with
 * an indicator's value empty (a district that did
 * not report, or reported only part) is scored but not ranked: it cannot
 * be ranked against districts that have every value.  Such rows come
 * after the ranked rows of their partition, total rows last; or, with
 * --keep-order, every row where it was (luong-rates --order's plan order).
 *
 * Memory: a ranking needs every row, so the rows are held — one block
 * each.  The input is the aggregated stream (a row per district and
 * level), never the school or student rows.  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "cli.h"
#include "dec.h"
#include "diag.h"
#include "rank.h"
#include "rec.h"
#include "stats.h"

#define SHOWMAX		40	/* bytes of a bad value quoted in a message */

enum { OPT_KEEP = CLI_OPT_FIRST, OPT_RANK, OPT_TIES, OPT_TOTAL };

static const char synopsis[] =
    "usage: luong-rank [-b field[:asc|desc]] ... [-c field] [-p field] ...\n"
    "                  [--keep-order] [--rank-column name]\n"
    "                  [--ties competition|dense|ordinal]\n"
    "                  [--total field=value] ... [file ...]\n";

#define RULE_SUFFIX	"_rule"		/* rank_rule: the rule of rank */

/* The command line. */
struct opts {
	struct cli_list	  by;		/* -b field names (the direction
					   cut off into desc) */
	int		 *desc;		/* per -b item */
	struct cli_list	  parts;	/* -p */
	struct cli_pair	 *totals;	/* --total, ntotals of them */
	size_t		  ntotals;
	char		 *code;		/* -c, owned */
	char		 *rank_name;	/* --rank-column, owned */
	char		 *rule_name;	/* rank_name + "_rule", owned */
	int		  code_given;
	int		  keep;		/* --keep-order */
	enum rank_ties	  ties;
};

/* The plan for a run, from the options and the header: the fields
 * (rank.h) and the value indexes of what the options name. */
struct plan {
	struct rank_fields f;
	struct rank_key	 *keys;		/* -b, resolved */
	char		**key_name;	/* borrowed from opts.by */
	size_t		 *parts;	/* -p */
	size_t		 *total_vi;	/* --total */
	const char	**v;		/* scratch for load: a row's values */
	size_t		 *vl, *off;
	struct buf	  tmp;
	struct buf	  rule;		/* the rank_rule field's value */
	struct ranking	  rk;
};

/* The counts (stats.h). */
static unsigned long long *rows_read, *rows_written, *partitions, *ranked;
static unsigned long long *unranked, *totals;

static void
start_stats(void)
{
	rows_read = stats_counter("rows_read");
	rows_written = stats_counter("rows_written");
	(void)stats_counter("rows_rejected");	/* a bad row is fatal */
	partitions = stats_counter("partitions");
	ranked = stats_counter("ranked");
	unranked = stats_counter("unranked");
	totals = stats_counter("totals");
}

/* name_arg returns a field name option's argument, in NFC, not empty. */
static char *
name_arg(const char *opt, const char *arg)
{
	if (*arg == '\0')
		diag_fatal(EXIT_USAGE, NULL, 0, "%s: empty field name", opt);
	return cli_text(opt, arg);
}

/* parse_key splits a -b item at its last ":" into the field name (its
 * length in *n) and the direction. */
static int
parse_key(const char *spec, size_t *n)
{
	int desc, rc = rank_key_split(spec, strlen(spec), n, &desc);

	if (rc == -1)
		diag_fatal(EXIT_USAGE, NULL, 0, "-b: \"%s\": the direction "
		    "must be asc or desc", spec);
	if (rc != 0)
		diag_fatal(EXIT_USAGE, NULL, 0, "-b: \"%s\": no field name",
		    spec);
	return desc;
}

static void
parse_options(int argc, char **argv, struct opts *o)
{
	static const struct option longopts[] = {
		{ "by",		 required_argument, NULL, 'b' },
		{ "code",	 required_argument, NULL, 'c' },
		CLI_HELP_OPTION,
		{ "keep-order",	 no_argument,	    NULL, OPT_KEEP },
		{ "partition",	 required_argument, NULL, 'p' },
		{ "rank-column", required_argument, NULL, OPT_RANK },
		{ "ties",	 required_argument, NULL, OPT_TIES },
		{ "total",	 required_argument, NULL, OPT_TOTAL },
		{ NULL, 0, NULL, 0 },
	};
	struct cli_pair *p;
	size_t i, n;
	int ch;

	while ((ch = cli_getopt(argc, argv, "b:c:p:", longopts)) != -1) {
		switch (ch) {
		case 'b':
			cli_list_add(&o->by, "-b", optarg);
			break;
		case 'c':
			free(o->code);
			o->code = name_arg("-c", optarg);
			o->code_given = 1;
			break;
		case 'p':
			cli_list_add(&o->parts, "-p", optarg);
			break;
		case OPT_KEEP:
			o->keep = 1;
			break;
		case OPT_RANK:
			free(o->rank_name);
			o->rank_name = name_arg("--rank-column", optarg);
			break;
		case OPT_TIES:
			if (rank_ties_parse(optarg, &o->ties) != 0)
				diag_fatal(EXIT_USAGE, NULL, 0, "--ties: \"%s\": "
				    "expected competition, dense or ordinal",
				    optarg);
			break;
		case OPT_TOTAL:
			o->totals = xrealloc(o->totals, (o->ntotals + 1) *
			    sizeof *o->totals);
			p = &o->totals[o->ntotals++];
			cli_pair(p, "--total", optarg);
			/* An empty value is missing, never a total's name. */
			if (*p->value == '\0')
				diag_fatal(EXIT_USAGE, NULL, 0, "--total: "
				    "expected field=value, not \"%s\"", optarg);
			break;
		default:
			cli_usage();
		}
	}
	if (o->by.n == 0)
		cli_list_add(&o->by, "-b", "vocational_gap:desc");
	o->desc = xcalloc(o->by.n, sizeof *o->desc);
	for (i = 0; i < o->by.n; i++) {
		o->desc[i] = parse_key(o->by.v[i], &n);
		o->by.v[i][n] = '\0';
	}
	if (o->code == NULL)
		o->code = cli_text("-c", "district_code");
	if (o->rank_name == NULL)
		o->rank_name = cli_text("--rank-column", "rank");
	o->rule_name = xmalloc(strlen(o->rank_name) + sizeof RULE_SUFFIX);
	snprintf(o->rule_name, strlen(o->rank_name) + sizeof RULE_SUFFIX,
	    "%s%s", o->rank_name, RULE_SUFFIX);
}

/* resolve finds every field an option names, before a row is read. */
static void
resolve(struct plan *pl, const struct rec_reader *r, struct opts *o)
{
	struct ranking *rk = &pl->rk;
	size_t i;

	if (rank_fields_plan(&pl->f, r->name, r->nf, o->rank_name,
	    o->rule_name) != 0)
		diag_fatal(EXIT_USAGE, NULL, 0, "--rank-column: \"%s\" is a "
		    "score field", o->rank_name);
	rk->nv = pl->f.nv;
	pl->v = xcalloc(rk->nv + 1, sizeof *pl->v);
	pl->vl = xcalloc(rk->nv + 1, sizeof *pl->vl);
	pl->off = xcalloc(2 * pl->f.nind + 2, sizeof *pl->off);
	pl->keys = xcalloc(o->by.n, sizeof *pl->keys);
	pl->key_name = xcalloc(o->by.n, sizeof *pl->key_name);
	for (i = 0; i < o->by.n; i++) {
		pl->keys[i].desc = o->desc[i];
		pl->key_name[i] = o->by.v[i];
		if ((pl->keys[i].vi = rank_fields_find(&pl->f, o->by.v[i])) == RANK_NONE)
			diag_fatal(EXIT_USAGE, r->file, 1, "-b: no field \"%s\"",
			    o->by.v[i]);
		rank_rule_add(&pl->rule, o->by.v[i], o->desc[i]);
	}
	pl->parts = xcalloc(o->parts.n + 1, sizeof *pl->parts);
	for (i = 0; i < o->parts.n; i++)
		if ((pl->parts[i] = rank_fields_find(&pl->f, o->parts.v[i])) == RANK_NONE)
			diag_fatal(EXIT_USAGE, r->file, 1, "-p: no field \"%s\"",
			    o->parts.v[i]);
	pl->total_vi = xcalloc(o->ntotals + 1, sizeof *pl->total_vi);
	for (i = 0; i < o->ntotals; i++)
		if ((pl->total_vi[i] = rank_fields_find(&pl->f, o->totals[i].field)) ==
		    RANK_NONE)
			diag_fatal(EXIT_USAGE, r->file, 1, "--total: no field "
			    "\"%s\"", o->totals[i].field);
	rk->code = rank_fields_find(&pl->f, o->code);
	if (rk->code == RANK_NONE && (o->code_given ||
	    o->ties == RANK_ORDINAL))
		diag_fatal(EXIT_USAGE, r->file, 1, "%s: no field \"%s\"%s",
		    o->code_given ? "-c" : "--ties ordinal", o->code,
		    o->code_given ? "" : " to break ties by (see -c)");
	rk->keys = pl->keys;
	rk->nkeys = o->by.n;
	rk->parts = pl->parts;
	rk->nparts = o->parts.n;
	rk->ties = o->ties;
}

/* score appends indicator d's gap of r's row to pl->tmp, and returns its
 * met ('1', '0'), or 0 when there is no score; a bad value is exit 1. */
static char
score(struct plan *pl, const struct rec_reader *r, const struct rank_ind *d)
{
	size_t f;
	int met = 0, which = 0;

	switch (rank_score(r->f[d->x], r->len[d->x], r->f[d->t], r->len[d->t],
	    &pl->tmp, &met, &which)) {
	case RANK_SCORED:
		return met ? '1' : '0';
	case RANK_UNSCORED:
		return 0;
	case RANK_GAP_RANGE:
		diag_fatal(EXIT_DATA, r->file, r->line, "field \"%s\": the "
		    "gap is out of range", d->gap);
	case RANK_OUT_OF_RANGE:
		f = which ? d->t : d->x;
		diag_fatal(EXIT_DATA, r->file, r->line, "field \"%s\": "
		    "\"%.*s\" is out of range", r->name[f], (int)(r->len[f] >
		    SHOWMAX ? SHOWMAX : r->len[f]), r->f[f]);
	default:
		f = which ? d->t : d->x;
		diag_fatal(EXIT_DATA, r->file, r->line, "field \"%s\": "
		    "\"%.*s\" is not a number", r->name[f], (int)(r->len[f] >
		    SHOWMAX ? SHOWMAX : r->len[f]), r->f[f]);
	}
}

/* load scores the current row of r and returns it held, with its
 * scores and met_count; unranked when the value of an indicator is
 * empty. */
static struct rank_row *
load(struct plan *pl, const struct rec_reader *r)
{
	struct rank_row *row;
	size_t i, k, nf = r->nf, *off = pl->off, nv = pl->rk.nv, count = 0;
	int missing = 0, unscored = 0;
	char met, count_s[32] = "";

	buf_reset(&pl->tmp);
	buf_add(&pl->tmp, "", 0);	/* a buffer even with no score */
	for (k = 0; k < pl->f.nind; k++) {
		off[2 * k] = pl->tmp.len;
		met = score(pl, r, &pl->f.ind[k]);
		missing |= r->len[pl->f.ind[k].x] == 0;
		unscored |= met == 0;
		count += met == '1';
		off[2 * k + 1] = pl->tmp.len;
		if (met != 0)
			buf_addc(&pl->tmp, met);
	}
	off[2 * pl->f.nind] = pl->tmp.len;
	for (i = 0; i < nf; i++) {
		pl->v[i] = r->f[i];
		pl->vl[i] = r->len[i];
	}
	for (k = 0; k < 2 * pl->f.nind; k++) {
		pl->v[nf + k] = pl->tmp.p + off[k];
		pl->vl[nf + k] = off[k + 1] - off[k];
	}
	/* met_count: empty unless every indicator was scored. */
	pl->v[nv - 1] = count_s;
	pl->vl[nv - 1] = unscored || pl->f.nind == 0 ? 0 :
	    (size_t)snprintf(count_s, sizeof count_s, "%zu", count);
	row = rank_row_new(pl->v, pl->vl, pl->rk.nv);
	row->unranked = missing;
	return row;
}

/* is_total: any --total field=value matches. */
static int
is_total(const struct plan *pl, const struct opts *o,
    const struct rank_row *row)
{
	size_t i, vi;

	for (i = 0; i < o->ntotals; i++) {
		const char *want = o->totals[i].value;

		vi = pl->total_vi[i];
		if (row->vl[vi] == strlen(want) &&
		    memcmp(row->v[vi], want, row->vl[vi]) == 0)
			return 1;
	}
	return 0;
}

/* check_keys: in a ranked row every key is a number or empty. */
static void
check_keys(const struct plan *pl, const struct rec_reader *r,
    const struct rank_row *row)
{
	size_t i, vi, n;

	for (i = 0; i < pl->rk.nkeys; i++) {
		vi = pl->keys[i].vi;
		/* Score fields are numbers by construction. */
		if (vi >= r->nf)
			continue;
		n = row->vl[vi];
		if (n > 0 && dec_check(row->v[vi], n) < 0)
			diag_fatal(EXIT_DATA, r->file, r->line, "field \"%s\": "
			    "\"%.*s\" is not a number", pl->key_name[i],
			    (int)(n > SHOWMAX ? SHOWMAX : n), row->v[vi]);
	}
}

/* read_rows reads, scores and holds every row; returns how many. */
static size_t
read_rows(struct plan *pl, struct rec_reader *r, const struct opts *o,
    struct rank_row ***rowsp)
{
	struct rank_row **rows = NULL, *row;
	size_t n = 0, cap = 0;

	while (rec_next(r)) {
		(*rows_read)++;
		row = load(pl, r);
		if ((row->total = is_total(pl, o, row)) != 0) {
			row->unranked = 0;
			(*totals)++;
		} else {
			check_keys(pl, r, row);
			*unranked += (unsigned)row->unranked;
		}
		if (n == cap) {
			cap = cap ? 2 * cap : 64;
			rows = xrealloc(rows, cap * sizeof *rows);
		}
		rows[n++] = row;
	}
	*rowsp = rows;
	return n;
}

/* write_rows writes the header and the rows to stdout. */
static void
write_rows(const struct plan *pl, struct rank_row **rows, size_t nrows)
{
	struct rec_writer *w = rec_writer_new(STDOUT_FILENO, "<stdout>");
	const struct rank_col *cols = pl->f.col;
	size_t i, k;

	for (k = 0; k < pl->f.ncol; k++)
		rec_puts(w, cols[k].name);
	rec_endrow(w);
	for (i = 0; i < nrows; i++) {
		for (k = 0; k < pl->f.ncol; k++) {
			if (cols[k].rule)
				rec_put(w, pl->rule.p, pl->rule.len);
			else if (!cols[k].rank)
				rec_put(w, rows[i]->v[cols[k].vi],
				    rows[i]->vl[cols[k].vi]);
			else if (rows[i]->total || rows[i]->unranked)
				rec_put(w, "", 0);
			else
				rec_put_int(w, (long long)rows[i]->rank);
		}
		rec_endrow(w);
		(*rows_written)++;
	}
	rec_writer_free(w);
}

/* summary says, in the words luong-run's log reads, rows "read" and
 * "written", then how they were ranked. */
static void
summary(const struct plan *pl, const struct opts *o)
{
	struct buf by = { 0 };
	size_t i;

	for (i = 0; i < pl->rk.nkeys; i++)
		buf_printf(&by, "%s%s:%s", i > 0 ? " then " : "",
		    pl->key_name[i], pl->keys[i].desc ? "desc" : "asc");
	for (i = 0; i < o->parts.n; i++)
		buf_printf(&by, "%s%s", i > 0 ? " and " : " within ",
		    o->parts.v[i]);
	diag_msg(NULL, 0, "%llu row%s read, %llu written, %llu ranked by %s, "
	    "ties: %s%s%s", *rows_read, *rows_read == 1 ? "" : "s",
	    *rows_written, *ranked, by.p, rank_ties_name(o->ties),
	    o->ties == RANK_ORDINAL ? ", broken by " : "",
	    o->ties == RANK_ORDINAL ? o->code : "");
	if (*unranked > 0)
		diag_msg(NULL, 0, "%llu row%s not ranked: an indicator's value "
		    "is empty", *unranked, *unranked == 1 ? "" : "s");
	buf_free(&by);
}

static void
plan_free(struct plan *pl)
{
	rank_fields_free(&pl->f);
	free(pl->keys);
	free(pl->key_name);
	free(pl->parts);
	free(pl->total_vi);
	free(pl->v);
	free(pl->vl);
	free(pl->off);
	buf_free(&pl->tmp);
	buf_free(&pl->rule);
}

static void
opts_free(struct opts *o)
{
	size_t i;

	cli_list_free(&o->by);
	free(o->desc);
	cli_list_free(&o->parts);
	for (i = 0; i < o->ntotals; i++)
		cli_pair_free(&o->totals[i]);
	free(o->totals);
	free(o->code);
	free(o->rank_name);
	free(o->rule_name);
}

int
main(int argc, char *argv[])
{
	struct opts o = { .ties = RANK_COMPETITION };
	struct plan pl = { 0 };
	struct rec_reader *r;
	struct rank_row **rows, **sorted;
	size_t nrows, i, np;

	cli_init("luong-rank", synopsis, argv);
	start_stats();
	parse_options(argc, argv, &o);
	argc -= optind;
	argv += optind;

	r = rec_reader_open(argc, argv);
	resolve(&pl, r, &o);

	nrows = read_rows(&pl, r, &o, &rows);
	/* Ranked in rank order; written in it, or as they came. */
	sorted = xcalloc(nrows + 1, sizeof *sorted);
	if (nrows > 0)
		memcpy(sorted, rows, nrows * sizeof *rows);
	rank_sort(&pl.rk, sorted, nrows);
	*ranked = rank_assign(&pl.rk, sorted, nrows, &np);
	*partitions = np;
	write_rows(&pl, o.keep ? rows : sorted, nrows);
	summary(&pl, &o);

	for (i = 0; i < nrows; i++)
		free(rows[i]);
	free(rows);
	free(sorted);
	plan_free(&pl);
	opts_free(&o);
	rec_reader_free(r);
	rec_close_stdout();
	return EXIT_OK;
}
