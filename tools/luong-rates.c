/*
 * luong-rates — indicators as numerator / denominator, per group.
 *
 * Reads a record stream, sums each indicator's numerator and denominator
 * per group (exactly, in scaled integers: tools/lib/agg.h), and
 * writes one row per group with name_num, name_den and the rate
 * 100 * num / den.  --partial writes the raw sums instead and --merge adds
 * such outputs together (tools/lib/aggrow.h), so a large input can be
 * split, aggregated in parts and merged to the same bytes.  --coverage
 * counts, per group, the rows expected to report and those that did
 * (luong-expect's _expected and _reported); a row that did not report
 * enters no indicator but makes its group appear.  The output order and
 * the total rows are tools/lib/group.h's.  Memory is proportional to the
 * number of groups.  See luong-rates(1).
 */
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agg.h"
#include "aggrow.h"
#include "buf.h"
#include "cli.h"
#include "diag.h"
#include "gaz.h"
#include "group.h"
#include "hash.h"
#include "rec.h"
#include "rowat.h"
#include "stats.h"

enum {
	OPT_COVERAGE = CLI_OPT_FIRST, OPT_MERGE, OPT_ORDER, OPT_PARTIAL,
	OPT_RATE, OPT_STRICT, OPT_TOTAL
};

static const char synopsis[] =
    "usage: luong-rates -g field[,field ...] -i indicators.yaml [-l level]\n"
    "                   [--coverage name] [--merge | --partial]\n"
    "                   [--order [field=]gazetteer.yaml] [--strict]\n"
    "                   [--total field=value[,field=value ...]] [file ...]\n"
    "       luong-rates -g field[,field ...] --rate name=NUM/DEN ...\n"
    "                   [--coverage name] [--merge | --partial]\n"
    "                   [--order [field=]gazetteer.yaml] [--strict]\n"
    "                   [--total field=value[,field=value ...]] [file ...]\n";

/* The run's settings and state; one per process. */
static struct {
	struct cli_list	  g;		/* -g fields */
	int		 *gi;		/* their indices in the input */
	struct agg_ind	 *ind;
	size_t		  nind;
	unsigned long	  nrate;	/* --rate options */
	const char	 *ipath;	/* -i */
	struct cli_pair	 *tot;		/* --total */
	size_t		  nt;
	char		 *ofield;	/* --order field (default district) */
	const char	 *ofile;
	struct group_units *units;	/* --order's gazetteer */
	int		  partial, merge, strict;
	char		 *level;	/* -l */
	char		 *cov;		/* --coverage */
	int		  ci[2];	/* _expected, _reported in the input */
	struct aggrow_form form;	/* the output's fields */
	/* Groups: key = the group's values in stream form, TAB-joined. */
	struct agg_groups *groups;
	/* Where each group's last row was read (for an overflow found only
	 * when the rows are written). */
	struct rowat	 *at;
	/* The input, reachable from here while it is read: an error exits
	 * from deep inside, and LeakSanitizer looks for what it can reach. */
	struct rec_reader *r;
} R;

/* The counts (stats.h), counted as they happen, so that an early exit
 * reports how far the run got. */
static struct {
	unsigned long long *read, *written, *groups, *totals, *skipped,
	    *source, *expected, *reported;
} N;

static void
count_init(void)
{
	N.read = stats_counter("rows_read");
	N.written = stats_counter("rows_written");
	N.groups = stats_counter("groups");
	N.totals = stats_counter("total_rows");
	N.skipped = stats_counter("skipped");
	N.source = stats_counter("source_rows");
}

/* set_coverage takes --coverage's NAME, an identifier as an indicator's
 * name is; its counts are counted from then on. */
static void
set_coverage(const char *arg)
{
	if (!agg_valid_name(arg)) {
		diag_msg(NULL, 0, "--coverage: \"%s\": expected a letter or "
		    "\"_\", then letters, digits and \"_\"", arg);
		cli_usage();
	}
	free(R.cov);
	R.cov = xstrdup(arg);
	N.expected = stats_counter("expected");
	N.reported = stats_counter("reported");
}

static void
add_rate(const char *s, unsigned long ordinal)
{
	R.ind = xrealloc(R.ind, (R.nind + 1) * sizeof *R.ind);
	agg_parse_at(&R.ind[R.nind++], s, 1, "--rate", ordinal, 1, NULL);
}

static void __attribute__((noreturn))
misuse(const char *msg)
{
	diag_msg(NULL, 0, "%s", msg);
	cli_usage();
}

/* check_options: the options that need or exclude each other. */
static void
check_options(void)
{
	struct buf code = { 0 };
	size_t j;

	if (R.g.n == 0)
		cli_required("-g");
	if (R.ipath != NULL && R.nrate > 0)
		misuse("-i and --rate exclude each other");
	if (R.ipath == NULL && R.nrate == 0)
		cli_required("-i or --rate");
	if (R.level != NULL && R.ipath == NULL)
		misuse("-l needs -i");
	if (R.partial && R.merge)
		misuse("--partial and --merge exclude each other");
	if (R.partial && (R.nt > 0 || R.ofile != NULL))
		misuse("--partial writes raw sums: --total and --order belong "
		    "to the final run");
	for (j = 0; j < R.nt; j++)
		if (cli_list_index(&R.g, R.tot[j].field) < 0) {
			diag_msg(NULL, 0, "--total: \"%s\" is not a -g field",
			    R.tot[j].field);
			cli_usage();
		}
	if (R.ofile != NULL) {
		buf_printf(&code, "%s_code", R.ofield);
		if (cli_list_index(&R.g, R.ofield) < 0 &&
		    cli_list_index(&R.g, code.p) < 0) {
			diag_msg(NULL, 0, "--order: neither \"%s\" nor \"%s\" "
			    "is a -g field", R.ofield, code.p);
			cli_usage();
		}
	}
	buf_free(&code);
}

/* check_columns: every output field name must be unique. */
static void
check_columns(void)
{
	struct buf name = { 0 };
	size_t i;

	R.form.gname = R.g.v;
	R.form.ng = R.g.n;
	R.form.cov = R.cov;
	R.form.ind = R.ind;
	R.form.nind = R.nind;
	switch (aggrow_check_names(&R.form, R.partial, R.partial || R.merge,
	    &i, &name)) {
	case AGGROW_DUP_GROUP:
		diag_msg(NULL, 0, "-g: field \"%s\" named twice", R.g.v[i]);
		cli_usage();
	case AGGROW_DUP_COVERAGE:
		diag_msg(NULL, 0, "--coverage: output field \"%s\" would "
		    "appear twice (it is a -g field)", name.p);
		cli_usage();
	case AGGROW_DUP_FIELD:
		agg_fatal(&R.ind[i], 0, "output field \"%s\" would appear "
		    "twice (rename the indicator or the group field)", name.p);
	}
	buf_free(&name);
}

static const char *
pl(unsigned long long n)
{
	return n == 1 ? "" : "s";
}

/* ---- input ------------------------------------------------------------- */

/* next_row reads the next row, noting the name of each file that has
 * rows: line 2 is a file's first row. */
static int
next_row(struct rec_reader *r)
{
	if (!rec_next(r))
		return 0;
	(*N.read)++;
	if (r->line == 2)
		rowat_file(R.at, r->file);
	return 1;
}

/* note_group counts group g when it is new and notes that its last row
 * is r's current one (read by next_row); returns g. */
static size_t
note_group(const struct rec_reader *r, size_t g)
{
	*N.groups = agg_groups_count(R.groups);
	rowat_note(R.at, g, r->line);
	return g;
}

/* group_fatal reports an error about group g at its last row. */
static void __attribute__((noreturn, format(printf, 2, 3)))
group_fatal(size_t g, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	rowat_fatal(R.at, g, fmt, ap);
}

/* bind_fields finds the -g fields and the coverage's in r's header. */
static void
bind_fields(const struct rec_reader *r)
{
	size_t j;

	R.gi = xcalloc(R.g.n, sizeof *R.gi);
	for (j = 0; j < R.g.n; j++)
		if ((R.gi[j] = rec_index(r, R.g.v[j])) < 0)
			diag_fatal(EXIT_USAGE, r->file, 1, "-g: no field \"%s\" "
			    "in the header", R.g.v[j]);
	if (R.cov == NULL)
		return;
	R.ci[0] = rec_index(r, "_expected");
	R.ci[1] = rec_index(r, "_reported");
	if (R.ci[0] < 0 || R.ci[1] < 0)
		diag_fatal(EXIT_USAGE, r->file, 1, "--coverage needs the fields "
		    "_expected and _reported (luong-expect(1) writes them)");
}

/* count_row counts r's row into the counts of group g; 0 when it is a
 * row that did not report (it enters no indicator). */
static int
count_row(const struct rec_reader *r, size_t g)
{
	struct agg_counts *n = agg_groups_counts(R.groups, g), was = *n;
	int rc, badf;

	rc = agg_count_row(R.cov != NULL ? R.ci : NULL, r->f, r->len, n,
	    &badf);
	if (rc < 0)
		diag_fatal(EXIT_DATA, r->file, r->line, "--coverage: field "
		    "\"%s\": \"%s\" is not 1 or 0", r->name[badf], r->f[badf]);
	if (R.cov != NULL) {
		*N.expected += n->expected - was.expected;
		*N.reported += n->reported - was.reported;
	}
	return rc;
}

static void
data_fatal(const struct rec_reader *r, const struct agg_ind *d, int rc,
    int badf)
{
	switch (rc) {
	case AGG_MISSING:
		diag_fatal(EXIT_DATA, r->file, r->line, "%s: field \"%s\" is "
		    "missing (--strict)", d->name, r->name[badf]);
	case AGG_BADNUM:
		diag_fatal(EXIT_DATA, r->file, r->line, "%s: field \"%s\": "
		    "\"%s\" is not a number", d->name, r->name[badf],
		    r->f[badf]);
	case AGG_BADBOOL:
		diag_fatal(EXIT_DATA, r->file, r->line, "%s: field \"%s\": "
		    "\"%s\" is not 1 or 0", d->name, r->name[badf],
		    r->f[badf]);
	default:
		if (badf >= 0)
			diag_fatal(EXIT_DATA, r->file, r->line, "%s: field "
			    "\"%s\": \"%s\" has too many digits", d->name,
			    r->name[badf], r->f[badf]);
		diag_fatal(EXIT_DATA, r->file, r->line, "%s: the sum "
		    "overflows", d->name);
	}
}

/* aggregate reads source rows. */
static void
aggregate(struct rec_reader *r)
{
	struct buf key = { 0 };
	const struct agg_term *bad;
	struct agg_acc *acc;
	size_t k, g, llen = 0;
	int lfi = -1, rc, badf;

	bind_fields(r);
	for (k = 0; k < R.nind; k++)
		if (agg_bind(&R.ind[k], r->name, r->nf, &bad) < 0)
			agg_fatal(&R.ind[k], bad->pos, "%s: no field \"%s\" in "
			    "%s", R.ind[k].name, bad->field, r->file);
	if (R.level != NULL) {
		lfi = rec_index(r, "level");
		llen = strlen(R.level);
	}
	while (next_row(r)) {
		if (lfi >= 0 && (r->len[lfi] != llen ||
		    !hash_same(r->f[lfi], R.level, llen))) {
			(*N.skipped)++;
			continue;
		}
		g = note_group(r, group_add_row(R.groups, &key, r, R.gi,
		    R.g.n));
		if (!count_row(r, g)) {
			(*N.source)++;
			continue;
		}
		acc = agg_groups_acc(R.groups, g);
		for (k = 0; k < R.nind; k++) {
			rc = agg_add(&R.ind[k], r->f, r->len, &acc[k], &badf);
			if (rc == AGG_OK || (rc == AGG_MISSING && !R.strict))
				continue;
			data_fatal(r, &R.ind[k], rc, badf);
		}
		(*N.source)++;
	}
	buf_free(&key);
}

/* merge reads the outputs of --partial runs. */
static void
merge(struct rec_reader *r)
{
	struct buf key = { 0 }, err = { 0 };
	struct agg_counts n;
	size_t g;

	if (aggrow_partial_check(&R.form, r->name, r->nf, &err) < 0)
		diag_fatal(EXIT_USAGE, r->file, 1, "not a --partial output of "
		    "these groups and indicators: %s", err.p);
	while (next_row(r)) {
		if (aggrow_partial_add(&R.form, R.groups, r, R.strict, &key, &g,
		    &n, &err) < 0)
			diag_fatal(EXIT_DATA, r->file, r->line, "%s", err.p);
		note_group(r, g);
		/* The counts nest: only the rows' sum can overflow first. */
		if (*N.source > ULLONG_MAX - n.rows)
			diag_fatal(EXIT_DATA, r->file, r->line, "field \"%s\": "
			    "the sum overflows", r->name[R.g.n]);
		*N.source += n.rows;
		if (R.cov != NULL) {
			*N.expected += n.expected;
			*N.reported += n.reported;
		}
	}
	buf_free(&key);
	buf_free(&err);
}

/* ---- output ------------------------------------------------------------ */

/* load_order reads --order's gazetteer (luong-gazetteer(5), checked as
 * luong-normalise checks it). */
static void
load_order(void)
{
	struct gaz *g = gaz_load(R.ofile);

	R.units = group_units_new(g);
	gaz_free(g);
}

/* output_order returns the groups in output order: first appearance, or
 * with --order the gazetteer's for the field and its _code companion. */
static size_t *
output_order(void)
{
	return group_report_order(R.groups, R.g.v, R.g.n, R.units, R.ofile,
	    R.ofield);
}

/* put_sums writes the indicator fields of group g of t and ends its row.
 * An error names the last row of group at of R.groups, which is what
 * (the group, or the total it goes into). */
static void
put_sums(struct rec_writer *w, struct agg_groups *t, size_t g, size_t at,
    const char *what)
{
	size_t bad;

	if (aggrow_sums(w, &R.form, t, g, R.partial, &bad) < 0)
		group_fatal(at, "%s: the sums of %s are too large to divide "
		    "exactly", R.ind[bad].name, what);
	(*N.written)++;
}

/* put_totals writes one total row per combination of the group fields
 * --total does not name, in output order. */
static void
put_totals(struct rec_writer *w, const size_t *perm)
{
	struct group_totals tot;
	const char **value = xcalloc(R.g.n, sizeof *value);
	size_t i, j, bad[2];

	for (j = 0; j < R.nt; j++)
		value[cli_list_index(&R.g, R.tot[j].field)] = R.tot[j].value;
	if (group_totals(&tot, R.groups, R.g.n, R.nind, perm, value,
	    bad) < 0) {
		/* LeakSanitizer counts what an exit leaves behind. */
		free(value);
		group_fatal(bad[1], "%s: the total this row's group goes into "
		    "overflows", bad[0] < R.nind ? R.ind[bad[0]].name :
		    "_rows");
	}
	*N.totals = tot.n;
	for (i = 0; i < tot.n; i++) {
		group_put_key(w, agg_groups_key(R.groups, tot.rep[i]), R.g.n,
		    value);
		put_sums(w, tot.t, i, tot.rep[i],
		    "the total this row's group goes into");
	}
	free(value);
	group_totals_free(&tot);
}

static void
output(void)
{
	struct rec_writer *w = rec_writer_new(1, "<stdout>");
	size_t ngroups = agg_groups_count(R.groups), g;
	size_t *perm = output_order();

	aggrow_header(w, &R.form, R.partial);
	for (g = 0; g < ngroups; g++) {
		group_put_key(w, agg_groups_key(R.groups, perm[g]), R.g.n,
		    NULL);
		put_sums(w, R.groups, perm[g], perm[g], "this row's group");
	}
	if (R.nt > 0)
		put_totals(w, perm);
	rec_writer_free(w);
	free(perm);
}

static void
summary(void)
{
	size_t ngroups = agg_groups_count(R.groups), k, g;
	unsigned long long miss;
	struct buf b = { 0 };

	if (R.merge)
		buf_printf(&b, "%llu partial row%s read (%llu source row%s)",
		    *N.read, pl(*N.read), *N.source, pl(*N.source));
	else
		buf_printf(&b, "%llu row%s read", *N.read, pl(*N.read));
	if (*N.skipped > 0)
		buf_printf(&b, ", %llu skipped (level is not %s)", *N.skipped,
		    R.level);
	diag_msg(NULL, 0, "%s, %zu group%s, %llu row%s written", b.p,
	    ngroups, pl(ngroups), *N.written, pl(*N.written));
	buf_free(&b);
	if (R.cov != NULL)
		diag_msg(NULL, 0, "%s: %llu expected, %llu reported", R.cov,
		    *N.expected, *N.reported);
	for (k = 0; k < R.nind; k++) {
		miss = 0;
		for (g = 0; g < ngroups; g++)
			miss += agg_groups_acc(R.groups, g)[k].miss;
		if (miss > 0)
			diag_msg(NULL, 0, "%s: %llu row%s left out: a value it "
			    "needs is missing", R.ind[k].name, miss, pl(miss));
	}
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		CLI_HELP_OPTION,
		{ "coverage",	required_argument,	NULL, OPT_COVERAGE },
		{ "merge",	no_argument,		NULL, OPT_MERGE },
		{ "order",	required_argument,	NULL, OPT_ORDER },
		{ "partial",	no_argument,		NULL, OPT_PARTIAL },
		{ "rate",	required_argument,	NULL, OPT_RATE },
		{ "strict",	no_argument,		NULL, OPT_STRICT },
		{ "total",	required_argument,	NULL, OPT_TOTAL },
		{ NULL, 0, NULL, 0 }
	};
	struct rec_reader *r;
	size_t j;
	int ch;

	cli_init("luong-rates", synopsis, argv);
	count_init();
	while ((ch = cli_getopt(argc, argv, "g:i:l:", longopts)) != -1) {
		switch (ch) {
		case 'g':
			cli_list_add(&R.g, "-g", optarg);
			break;
		case 'i':
			R.ipath = optarg;
			break;
		case 'l':
			free(R.level);
			R.level = cli_text("-l", optarg);
			break;
		case OPT_COVERAGE:
			set_coverage(optarg);
			break;
		case OPT_MERGE:
			R.merge = 1;
			break;
		case OPT_ORDER:
			free(R.ofield);
			cli_field_file("--order", optarg, "district", &R.ofield,
			    &R.ofile);
			break;
		case OPT_PARTIAL:
			R.partial = 1;
			break;
		case OPT_RATE:
			add_rate(optarg, ++R.nrate);
			break;
		case OPT_STRICT:
			R.strict = 1;
			break;
		case OPT_TOTAL:
			cli_pairs_add(&R.tot, &R.nt, "--total", optarg);
			break;
		default:
			cli_usage();
		}
	}
	argc -= optind;
	argv += optind;
	check_options();
	if (R.ipath != NULL)
		R.ind = agg_load(R.ipath, R.level, &R.nind);
	check_columns();
	if (R.ofile != NULL)
		load_order();

	R.groups = agg_groups_new(R.nind);
	R.at = rowat_new();
	R.r = r = rec_reader_open(argc, argv);
	if (R.merge)
		merge(r);
	else
		aggregate(r);
	rec_reader_free(r);
	R.r = NULL;
	output();
	summary();

	agg_free(R.ind, R.nind);
	cli_list_free(&R.g);
	for (j = 0; j < R.nt; j++)
		cli_pair_free(&R.tot[j]);
	free(R.tot);
	free(R.gi);
	free(R.ofield);
	free(R.level);
	free(R.cov);
	agg_groups_free(R.groups);
	group_units_free(R.units);
	rowat_free(R.at);

	rec_close_stdout();
	return EXIT_OK;
}
