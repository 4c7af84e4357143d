/* luong-rank — score rows against their targets, then rank them.
 *
 * Scoring: for every indicator X whose X and X_target are both fields, add
 * X_gap (X - X_target in percentage points) and X_met (1/0), computed on
 * the values as printed — each rounded to 2 decimals first — in exact
 * scaled integers (dec.h), so 27.92 against 27.92 is met with gap 0.00.
 *
 * Ranking: by the -b keys in order, empty values last; ties share a rank
 * (competition, dense) or are broken by the code field (ordinal), never by
 * input order.  Total rows are scored, not ranked, and come last.
 *
 * Memory: a ranking needs every row, so the rows are held — one block
 * each.  The input is the aggregated stream (a row per district and
 * level), never the school or student rows.  */
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "dec.h"
#include "diag.h"
#include "rec.h"
#include "text.h"

#define PLACES		2	/* scores use the values as printed */
#define NOVAL		SIZE_MAX
#define SHOWMAX		40	/* bytes of a bad value quoted in a message */

enum ties { TIES_COMPETITION, TIES_DENSE, TIES_ORDINAL };

static const char *const ties_name[] = {
	"competition (1-2-2-4)", "dense (1-2-2-3)", "ordinal (1-2-3-4)",
};

/* An output column: its name and where its value comes from. */
struct col {
	const char	*name;		/* borrowed from the reader or an ind */
	size_t		 vi;		/* index into row->v; NOVAL: new rank */
	int		 rank;		/* the rank column: written, not read */
};

/* An indicator: input fields X and X_target, and its score fields. */
struct ind {
	size_t		 x, t;		/* input field indexes */
	char		*gap, *met;	/* owned names */
	int		 gap_in, met_in;	/* already in the input */
};

/* A ranking key, as given with -b. */
struct key {
	char		*field;		/* owned */
	int		 desc;
	size_t		 vi;
	int		 check;		/* an input value: check it is a number */
};

/* --total field=value. */
struct total {
	char		*field;		/* owned */
	struct buf	 value;		/* NFC */
	size_t		 vi;
};

/* A held row.  v[0..nf) are the input fields, v[nf + 2k] and
 * v[nf + 2k + 1] indicator k's gap and met.  One allocation: the arrays
 * and the bytes live in the same block. */
struct row {
	const char	**v;
	size_t		 *vl;
	int		  total;
	unsigned long	  rank;
};

static struct key	*keys;
static size_t		 nkeys;
static char		**parts;	/* -p field names, borrowed from argv */
static size_t		*part_vi;
static size_t		 nparts;
static struct total	*totals;
static size_t		 ntotals;
static size_t		 code_vi = NOVAL;
static size_t		 nv;		/* values per row */

static void __attribute__((noreturn))
usage(int status)
{
	FILE *fp = status == EXIT_OK ? stdout : stderr;

	fprintf(fp, "usage: luong-rank [-b field[:asc|desc]] ... [-c field] "
	    "[-p field] ...\n"
	    "                  [--rank-column name] "
	    "[--ties competition|dense|ordinal]\n"
	    "                  [--total field=value] ... [file ...]\n");
	if (status == EXIT_OK)
		rec_close_stdout();
	exit(status);
}

/* bad_option says what getopt_long refused (its own messages are off:
 * they would name argv[0] however the program was started), then prints
 * the usage. */
static void __attribute__((noreturn))
bad_option(char **argv, int help_opt)
{
	const char *arg = argv[optind - 1];

	if (optopt == help_opt)
		diag_msg(NULL, 0, "--help takes no argument");
	else if (optopt == 0)
		diag_msg(NULL, 0, "unknown option %.*s",
		    (int)strcspn(arg, "="), arg);
	else if (optopt > 255)
		diag_msg(NULL, 0, "%s needs an argument", arg);
	else if (strchr("bcp", optopt) != NULL)
		diag_msg(NULL, 0, "-%c needs an argument", optopt);
	else
		diag_msg(NULL, 0, "unknown option -%c", optopt);
	usage(EXIT_USAGE);
}

static void
add_key(const char *spec)
{
	const char *colon = strrchr(spec, ':');
	struct key *k;
	size_t n = colon != NULL ? (size_t)(colon - spec) : strlen(spec);
	int desc = 1;

	if (colon != NULL) {
		if (strcmp(colon + 1, "desc") == 0)
			desc = 1;
		else if (strcmp(colon + 1, "asc") == 0)
			desc = 0;
		else
			diag_fatal(EXIT_USAGE, NULL, 0, "-b: \"%s\": the "
			    "direction must be asc or desc", spec);
	}
	if (n == 0)
		diag_fatal(EXIT_USAGE, NULL, 0, "-b: \"%s\": no field name",
		    spec);
	keys = xrealloc(keys, (nkeys + 1) * sizeof *keys);
	k = &keys[nkeys++];
	k->field = xstrndup(spec, n);
	k->desc = desc;
	k->vi = NOVAL;
	k->check = 0;
}

static void
add_total(const char *spec)
{
	const char *eq = strchr(spec, '=');
	struct total *t;
	size_t bad;

	if (eq == NULL || eq == spec || eq[1] == '\0')
		diag_fatal(EXIT_USAGE, NULL, 0, "--total: \"%s\": expected "
		    "field=value", spec);
	if (text_utf8_check(eq + 1, strlen(eq + 1), &bad) < 0)
		diag_fatal(EXIT_USAGE, NULL, 0, "--total: the value for "
		    "\"%.*s\" is not valid UTF-8", (int)(eq - spec), spec);
	totals = xrealloc(totals, (ntotals + 1) * sizeof *totals);
	t = &totals[ntotals++];
	t->field = xstrndup(spec, (size_t)(eq - spec));
	memset(&t->value, 0, sizeof t->value);
	/* The stream is NFC; a value typed on a terminal may not be. */
	text_nfc(&t->value, eq + 1, strlen(eq + 1));
	t->vi = NOVAL;
}

static int
parse_ties(const char *s)
{
	if (strcmp(s, "competition") == 0)
		return TIES_COMPETITION;
	if (strcmp(s, "dense") == 0)
		return TIES_DENSE;
	if (strcmp(s, "ordinal") == 0)
		return TIES_ORDINAL;
	diag_fatal(EXIT_USAGE, NULL, 0, "--ties: \"%s\": expected "
	    "competition, dense or ordinal", s);
}

/* find_col returns the value index of the field called name (an input
 * field or a score field), or NOVAL.  The new rank column has no value. */
static size_t
find_col(const struct col *cols, size_t ncols, const char *name)
{
	size_t i;

	for (i = 0; i < ncols; i++)
		if (cols[i].vi != NOVAL && strcmp(cols[i].name, name) == 0)
			return cols[i].vi;
	return NOVAL;
}

/* key_cmp orders rows by the -b keys: numerically in each key's
 * direction, an empty value after every number whatever the direction. */
static int
key_cmp(const struct row *x, const struct row *y)
{
	size_t i, vi, xl, yl;
	int c;

	for (i = 0; i < nkeys; i++) {
		vi = keys[i].vi;
		xl = x->vl[vi];
		yl = y->vl[vi];
		if (xl == 0 || yl == 0) {
			if ((c = (xl == 0) - (yl == 0)) != 0)
				return c;
			continue;
		}
		c = dec_cmp(x->v[vi], xl, y->v[vi], yl);
		if (c != 0)
			return keys[i].desc ? -c : c;
	}
	return 0;
}

static int
part_cmp(const struct row *x, const struct row *y)
{
	size_t i, vi;
	int c;

	for (i = 0; i < nparts; i++) {
		vi = part_vi[i];
		c = dec_order(x->v[vi], x->vl[vi], y->v[vi], y->vl[vi]);
		if (c != 0)
			return c;
	}
	return 0;
}

/* row_cmp is the output order: partition, ranked rows before totals,
 * keys, code, then every value's bytes — a total order that never
 * depends on where a row stood in the input. */
static int
row_cmp(const void *pa, const void *pb)
{
	const struct row *x = *(const struct row *const *)pa;
	const struct row *y = *(const struct row *const *)pb;
	size_t i;
	int c;

	if ((c = part_cmp(x, y)) != 0)
		return c;
	if (x->total != y->total)
		return x->total - y->total;
	if (!x->total && (c = key_cmp(x, y)) != 0)
		return c;
	if (code_vi != NOVAL && (c = dec_order(x->v[code_vi], x->vl[code_vi],
	    y->v[code_vi], y->vl[code_vi])) != 0)
		return c;
	for (i = 0; i < nv; i++)
		if ((c = dec_order(x->v[i], x->vl[i], y->v[i], y->vl[i])) != 0)
			return c;
	return 0;
}

/* number reads field name's value s[0..n) rounded to PLACES, or fails
 * with the row's file and line. */
static long long
number(const struct rec_reader *r, const char *name, const char *s, size_t n)
{
	long long v;

	switch (dec_parse(s, n, PLACES, &v)) {
	case DEC_OK:
		return v;
	case DEC_ERANGE:
		diag_fatal(EXIT_DATA, r->file, r->line, "field \"%s\": "
		    "\"%.*s\" is out of range", name, (int)(n > SHOWMAX ?
		    SHOWMAX : n), s);
	default:
		diag_fatal(EXIT_DATA, r->file, r->line, "field \"%s\": "
		    "\"%.*s\" is not a number", name, (int)(n > SHOWMAX ?
		    SHOWMAX : n), s);
	}
}

/* load copies the current row of r and its scores into one block. */
static struct row *
load(const struct rec_reader *r, const struct ind *inds, size_t ninds,
    struct buf *tmp, size_t *off)
{
	struct row *row;
	char *block, *data;
	size_t i, k, hdr;
	long long a = 0, t = 0, gap;

	buf_reset(tmp);
	for (i = 0; i < r->nf; i++) {
		off[i] = tmp->len;
		buf_add(tmp, r->f[i], r->len[i]);
		buf_addc(tmp, '\0');
	}
	for (k = 0; k < ninds; k++) {
		const struct ind *d = &inds[k];
		size_t xl = r->len[d->x], tl = r->len[d->t];

		off[r->nf + 2 * k] = tmp->len;
		if (xl > 0 && tl > 0) {
			a = number(r, r->name[d->x], r->f[d->x], xl);
			t = number(r, r->name[d->t], r->f[d->t], tl);
			if (__builtin_sub_overflow(a, t, &gap))
				diag_fatal(EXIT_DATA, r->file, r->line,
				    "field \"%s\": the gap is out of range",
				    d->gap);
			dec_fmt(tmp, gap, PLACES);
		} else {
			/* Parse what there is: a bad value is an error
			 * even when its partner is missing. */
			if (xl > 0)
				(void)number(r, r->name[d->x], r->f[d->x], xl);
			if (tl > 0)
				(void)number(r, r->name[d->t], r->f[d->t], tl);
		}
		buf_addc(tmp, '\0');
		off[r->nf + 2 * k + 1] = tmp->len;
		if (xl > 0 && tl > 0)
			buf_addc(tmp, a >= t ? '1' : '0');
		buf_addc(tmp, '\0');
	}
	/* Header: the row, then v[] and vl[], then the bytes. */
	hdr = sizeof *row + nv * (sizeof *row->v + sizeof *row->vl);
	block = xmalloc(hdr + tmp->len);
	row = (struct row *)(void *)block;
	row->v = (const char **)(void *)(block + sizeof *row);
	row->vl = (size_t *)(void *)(block + sizeof *row +
	    nv * sizeof *row->v);
	data = block + hdr;
	memcpy(data, tmp->p, tmp->len);
	for (i = 0; i < nv; i++) {
		row->v[i] = data + off[i];
		row->vl[i] = strlen(data + off[i]);
	}
	/* Input fields may hold a NUL after unescaping; keep their length. */
	for (i = 0; i < r->nf; i++)
		row->vl[i] = r->len[i];
	row->total = 0;
	row->rank = 0;
	return row;
}

/* is_total: any --total field=value matches. */
static int
is_total(const struct row *row)
{
	size_t i, vi;

	for (i = 0; i < ntotals; i++) {
		vi = totals[i].vi;
		if (row->vl[vi] == totals[i].value.len &&
		    memcmp(row->v[vi], totals[i].value.p, row->vl[vi]) == 0)
			return 1;
	}
	return 0;
}

/* check_keys: in a ranked row every key is a number or empty. */
static void
check_keys(const struct rec_reader *r, const struct row *row)
{
	size_t i, vi, n;

	for (i = 0; i < nkeys; i++) {
		if (!keys[i].check)
			continue;
		vi = keys[i].vi;
		n = row->vl[vi];
		if (n > 0 && dec_check(row->v[vi], n) < 0)
			diag_fatal(EXIT_DATA, r->file, r->line, "field \"%s\": "
			    "\"%.*s\" is not a number", keys[i].field,
			    (int)(n > SHOWMAX ? SHOWMAX : n), row->v[vi]);
	}
}

/* assign ranks the sorted rows, partition by partition. */
static size_t
assign(struct row **rows, size_t nrows, enum ties ties)
{
	const struct row *prev = NULL;
	unsigned long pos = 0, start = 0, dense = 0;
	size_t i, nranked = 0;

	for (i = 0; i < nrows; i++) {
		struct row *row = rows[i];

		if (i > 0 && part_cmp(rows[i - 1], row) != 0) {
			prev = NULL;
			pos = dense = 0;
		}
		if (row->total)
			continue;
		pos++;
		if (prev == NULL || key_cmp(prev, row) != 0) {
			start = pos;
			dense++;
		}
		switch (ties) {
		case TIES_COMPETITION:	row->rank = start; break;
		case TIES_DENSE:	row->rank = dense; break;
		case TIES_ORDINAL:	row->rank = pos; break;
		}
		prev = row;
		nranked++;
	}
	return nranked;
}

/* find_indicators returns the indicators of r's header: every X_target
 * whose X is a field too, in the order of the targets (owned: free each
 * gap and met name, then the array). */
static struct ind *
find_indicators(const struct rec_reader *r, const char *rank_name,
    size_t *ninds)
{
	struct ind *inds = NULL;
	size_t i;

	*ninds = 0;
	for (i = 0; i < r->nf; i++) {
		const char *name = r->name[i];
		size_t n = strlen(name);
		char *x;
		int xi;

		if (n <= 7 || strcmp(name + n - 7, "_target") != 0)
			continue;
		x = xstrndup(name, n - 7);
		if ((xi = rec_index(r, x)) >= 0) {
			struct ind *d;

			inds = xrealloc(inds, (*ninds + 1) * sizeof *inds);
			d = &inds[(*ninds)++];
			d->x = (size_t)xi;
			d->t = i;
			d->gap = xmalloc(n - 7 + 5);
			d->met = xmalloc(n - 7 + 5);
			snprintf(d->gap, n - 7 + 5, "%s_gap", x);
			snprintf(d->met, n - 7 + 5, "%s_met", x);
			d->gap_in = rec_index(r, d->gap) >= 0;
			d->met_in = rec_index(r, d->met) >= 0;
			if (strcmp(rank_name, d->gap) == 0 ||
			    strcmp(rank_name, d->met) == 0)
				diag_fatal(EXIT_USAGE, NULL, 0, "--rank-column: "
				    "\"%s\" is a score field", rank_name);
		}
		free(x);
	}
	return inds;
}

/* plan_columns returns the output columns (owned; names borrowed from r
 * and inds): the input's, each indicator's gap and met after its target
 * unless the input has them already (they are then recomputed in place),
 * and the rank last unless the input has it (then replaced in place). */
static struct col *
plan_columns(const struct rec_reader *r, const struct ind *inds,
    size_t ninds, const char *rank_name, size_t *ncols)
{
	struct col *cols = xcalloc(r->nf + 2 * ninds + 1, sizeof *cols);
	size_t i, k, n = 0;
	int rank_in = 0;

	for (i = 0; i < r->nf; i++) {
		struct col *c = &cols[n++];

		c->name = r->name[i];
		c->vi = i;
		if (strcmp(r->name[i], rank_name) == 0)
			c->rank = rank_in = 1;
		for (k = 0; k < ninds; k++) {
			if (strcmp(r->name[i], inds[k].gap) == 0)
				c->vi = r->nf + 2 * k;
			if (strcmp(r->name[i], inds[k].met) == 0)
				c->vi = r->nf + 2 * k + 1;
		}
		for (k = 0; k < ninds; k++) {
			if (inds[k].t != i)
				continue;
			if (!inds[k].gap_in) {
				cols[n].name = inds[k].gap;
				cols[n++].vi = r->nf + 2 * k;
			}
			if (!inds[k].met_in) {
				cols[n].name = inds[k].met;
				cols[n++].vi = r->nf + 2 * k + 1;
			}
		}
	}
	if (!rank_in) {
		cols[n].name = rank_name;
		cols[n].vi = NOVAL;
		cols[n++].rank = 1;
	}
	*ncols = n;
	return cols;
}

/* write_rows writes the header and the sorted rows to stdout. */
static void
write_rows(const struct col *cols, size_t ncols, struct row **rows,
    size_t nrows)
{
	struct rec_writer *w = rec_writer_new(STDOUT_FILENO, "<stdout>");
	size_t i, k;

	for (k = 0; k < ncols; k++)
		rec_puts(w, cols[k].name);
	rec_endrow(w);
	for (i = 0; i < nrows; i++) {
		for (k = 0; k < ncols; k++) {
			if (!cols[k].rank)
				rec_put(w, rows[i]->v[cols[k].vi],
				    rows[i]->vl[cols[k].vi]);
			else if (rows[i]->total)
				rec_put(w, "", 0);
			else
				rec_put_int(w, (long long)rows[i]->rank);
		}
		rec_endrow(w);
	}
	rec_writer_free(w);
}

int
main(int argc, char *argv[])
{
	enum { OPT_HELP = 256, OPT_RANK, OPT_TIES, OPT_TOTAL };
	static const struct option longopts[] = {
		{ "by",		 required_argument, NULL, 'b' },
		{ "code",	 required_argument, NULL, 'c' },
		{ "help",	 no_argument,	    NULL, OPT_HELP },
		{ "partition",	 required_argument, NULL, 'p' },
		{ "rank-column", required_argument, NULL, OPT_RANK },
		{ "ties",	 required_argument, NULL, OPT_TIES },
		{ "total",	 required_argument, NULL, OPT_TOTAL },
		{ NULL, 0, NULL, 0 },
	};
	struct rec_reader *r;
	struct col *cols;
	struct ind *inds = NULL;
	struct row **rows = NULL;
	struct buf tmp = { 0 }, by = { 0 };
	const char *code = "district_code", *rank_name = "rank";
	enum ties ties = TIES_COMPETITION;
	size_t ncols = 0, ninds = 0, nrows = 0, cap = 0, nranked, i;
	size_t *off;
	int ch, code_given = 0;

	diag_init("luong-rank");
	opterr = 0;
	while ((ch = getopt_long(argc, argv, "b:c:p:", longopts, NULL)) != -1) {
		switch (ch) {
		case 'b':
			add_key(optarg);
			break;
		case 'c':
			if (*optarg == '\0')
				diag_fatal(EXIT_USAGE, NULL, 0,
				    "-c: empty field name");
			code = optarg;
			code_given = 1;
			break;
		case 'p':
			if (*optarg == '\0')
				diag_fatal(EXIT_USAGE, NULL, 0,
				    "-p: empty field name");
			parts = xrealloc(parts, (nparts + 1) * sizeof *parts);
			parts[nparts++] = optarg;
			break;
		case OPT_HELP:
			usage(EXIT_OK);
		case OPT_RANK:
			if (*optarg == '\0')
				diag_fatal(EXIT_USAGE, NULL, 0,
				    "--rank-column: empty field name");
			rank_name = optarg;
			break;
		case OPT_TIES:
			ties = parse_ties(optarg);
			break;
		case OPT_TOTAL:
			add_total(optarg);
			break;
		default:
			bad_option(argv, OPT_HELP);
		}
	}
	argc -= optind;
	argv += optind;
	if (nkeys == 0)
		add_key("vocational_gap:desc");

	r = rec_reader_open(argc, argv);

	inds = find_indicators(r, rank_name, &ninds);
	nv = r->nf + 2 * ninds;

	cols = plan_columns(r, inds, ninds, rank_name, &ncols);

	/* Resolve every field an option names, before reading a row. */
	for (i = 0; i < nkeys; i++) {
		keys[i].vi = find_col(cols, ncols, keys[i].field);
		if (keys[i].vi == NOVAL)
			diag_fatal(EXIT_USAGE, r->file, 1, "-b: no field \"%s\"",
			    keys[i].field);
		keys[i].check = keys[i].vi < r->nf;
		buf_printf(&by, "%s%s:%s", i > 0 ? " then " : "",
		    keys[i].field, keys[i].desc ? "desc" : "asc");
	}
	part_vi = xcalloc(nparts + 1, sizeof *part_vi);
	for (i = 0; i < nparts; i++)
		if ((part_vi[i] = find_col(cols, ncols, parts[i])) == NOVAL)
			diag_fatal(EXIT_USAGE, r->file, 1, "-p: no field \"%s\"",
			    parts[i]);
	for (i = 0; i < ntotals; i++)
		if ((totals[i].vi = find_col(cols, ncols, totals[i].field)) ==
		    NOVAL)
			diag_fatal(EXIT_USAGE, r->file, 1, "--total: no field "
			    "\"%s\"", totals[i].field);
	code_vi = find_col(cols, ncols, code);
	if (code_vi == NOVAL && (code_given || ties == TIES_ORDINAL))
		diag_fatal(EXIT_USAGE, r->file, 1, "%s: no field \"%s\"%s",
		    code_given ? "-c" : "--ties ordinal", code, code_given ?
		    "" : " to break ties by (see -c)");

	off = xcalloc(nv + 1, sizeof *off);
	while (rec_next(r)) {
		struct row *row = load(r, inds, ninds, &tmp, off);

		row->total = is_total(row);
		if (!row->total)
			check_keys(r, row);
		if (nrows == cap) {
			cap = cap ? 2 * cap : 64;
			rows = xrealloc(rows, cap * sizeof *rows);
		}
		rows[nrows++] = row;
	}
	if (nrows > 0)
		qsort(rows, nrows, sizeof *rows, row_cmp);
	nranked = assign(rows, nrows, ties);

	write_rows(cols, ncols, rows, nrows);

	for (i = 0; i < nparts; i++)
		buf_printf(&by, "%s%s", i > 0 ? " and " : " within ",
		    parts[i]);
	/* "read" and "written" in the words luong-run's log reads. */
	diag_msg(NULL, 0, "%zu row%s read, %zu written, %zu ranked by %s, "
	    "ties: %s%s%s", nrows, nrows == 1 ? "" : "s", nrows, nranked,
	    by.p, ties_name[ties],
	    ties == TIES_ORDINAL ? ", broken by " : "",
	    ties == TIES_ORDINAL ? code : "");

	for (i = 0; i < nrows; i++)
		free(rows[i]);
	free(rows);
	free(off);
	free(cols);
	for (i = 0; i < ninds; i++) {
		free(inds[i].gap);
		free(inds[i].met);
	}
	free(inds);
	for (i = 0; i < nkeys; i++)
		free(keys[i].field);
	free(keys);
	for (i = 0; i < ntotals; i++) {
		free(totals[i].field);
		buf_free(&totals[i].value);
	}
	free(totals);
	free(parts);
	free(part_vi);
	buf_free(&tmp);
	buf_free(&by);
	rec_reader_free(r);
	rec_close_stdout();
	return EXIT_OK;
}
