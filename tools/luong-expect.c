/*
 * luong-expect — account for every school that should report, against a
 * registry of the schools expected (luong-expect(1)).
 *
 * The registry is loaded and indexed on the key fields (registry.h); the
 * stream is read row by row, each row passed on with _expected and
 * _reported appended, and never held.  After the input, a row for each
 * expected school that sent none, in registry order.  Memory: the
 * registry, a few words a registry row, and the keys of the schools not
 * in it; never the rows.
 */
#include <sys/stat.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "cli.h"
#include "diag.h"
#include "gaz.h"
#include "hash.h"
#include "period.h"
#include "rec.h"
#include "registry.h"
#include "stats.h"
#include "table.h"

enum { OPT_MISSING = CLI_OPT_FIRST, OPT_UNKNOWN, OPT_YEAR };

/* Rows named one by one on stderr, per side, before a count. */
#define NOTE_MAX	10

static const char synopsis[] =
    "usage: luong-expect -t registry -k key[,key ...] [--year year]\n"
    "                    [-g gazetteer.yaml] [--missing missing.tsv]\n"
    "                    [--unknown unknown.tsv] [file ...]\n";

/* The fields --missing has, from the registry (district: see
 * district_of). */
static const char *const missing_fields[] = { "school_id", "school_name",
    "level", "district_code", "district" };

/* The stream's fields --unknown copies after the key, when it has them. */
static const char *const unknown_fields[] = { "school_name",
    "district_code", "district", "_file", "_line" };

/* Where a missing school's row takes a stream field from. */
enum { SRC_EMPTY = -1, SRC_DISTRICT = -2, SRC_YEAR = -3 };

struct opts {
	const char	 *registry;	/* -t */
	const char	 *gazetteer;	/* -g, or NULL */
	const char	 *missing;	/* --missing, or NULL */
	const char	 *unknown;	/* --unknown, or NULL */
	struct cli_list	  keys;		/* -k */
	int		  year;		/* --year's first year, or -1 */
};

struct expect {
	struct registry	 *reg;
	struct gaz	 *g;		/* -g, or NULL */
	size_t		  nk;
	size_t		 *rk, *sk;	/* key field indexes: registry, stream */
	char		**kv;		/* a row's key values, borrowed */
	size_t		 *kl;
	int		 *src;		/* per stream field: SRC_* or the
					   registry field of a missing row */
	size_t		 *uf, nuf;	/* stream fields --unknown copies */
	/* Per registry row: where its first row was (line 0: none yet). */
	unsigned long	 *seen_line;
	size_t		 *seen_file;	/* into files */
	char		**files;	/* the inputs met, owned */
	size_t		  nfiles;
	struct hash	 *unknown;	/* the unknown schools' keys */
	struct buf	  key, why;
	struct buf	  year;		/* "2022-2023", or empty */
};

/* The counts (stats.h) and the stderr notes. */
static unsigned long long *rows_read, *rows_written, *rows_rejected;
static unsigned long long *expected, *reported, *missing, *unknown;
static unsigned long long *repeated;
static unsigned long long noted_stream, noted_registry;

static void
start_stats(void)
{
	rows_read = stats_counter("rows_read");
	rows_written = stats_counter("rows_written");
	rows_rejected = stats_counter("rows_rejected");
	expected = stats_counter("schools_expected");
	reported = stats_counter("schools_reported");
	missing = stats_counter("schools_missing");
	unknown = stats_counter("schools_unknown");
	repeated = stats_counter("rows_repeated");
}

static void
parse_options(int argc, char **argv, struct opts *o)
{
	static const struct option longopts[] = {
		CLI_HELP_OPTION,
		{ "missing",	required_argument,	NULL, OPT_MISSING },
		{ "unknown",	required_argument,	NULL, OPT_UNKNOWN },
		{ "year",	required_argument,	NULL, OPT_YEAR },
		{ NULL, 0, NULL, 0 }
	};
	int ch;

	o->year = -1;
	while ((ch = cli_getopt(argc, argv, "g:k:t:", longopts)) != -1) {
		switch (ch) {
		case 'g':
			o->gazetteer = optarg;
			break;
		case 'k':
			cli_list_add(&o->keys, "-k", optarg);
			break;
		case 't':
			o->registry = optarg;
			break;
		case OPT_MISSING:
			o->missing = optarg;
			break;
		case OPT_UNKNOWN:
			o->unknown = optarg;
			break;
		case OPT_YEAR:
			if (period_parse(optarg, strlen(optarg), &o->year) != 0)
				diag_fatal(EXIT_USAGE, NULL, 0, "--year \"%s\": "
				    "expected a school year such as 2022-2023",
				    optarg);
			break;
		default:
			cli_usage();
		}
	}
	if (o->registry == NULL)
		cli_required("-t");
	if (o->keys.n == 0)
		cli_required("-k");
}

/* load_registry loads and checks the registry (and the gazetteer its
 * codes must be in), keeps the schools of --year and indexes the key. */
static void
load_registry(struct expect *e, const struct opts *o)
{
	size_t k;
	int f;

	e->reg = registry_load(o->registry);
	cli_side_input(o->registry);
	if (o->gazetteer != NULL) {
		e->g = gaz_load(o->gazetteer);
		cli_side_input(o->gazetteer);
		registry_codes(e->reg, e->g);
	}
	if (o->year >= 0) {
		registry_year(e->reg, o->year);
		period_format(&e->year, o->year);
	}
	e->nk = o->keys.n;
	e->rk = xcalloc(e->nk, sizeof *e->rk);
	for (k = 0; k < e->nk; k++) {
		if ((f = table_field(e->reg->t, o->keys.v[k])) < 0)
			diag_fatal(EXIT_USAGE, o->registry, 1, "-k: no field "
			    "\"%s\" in the registry", o->keys.v[k]);
		e->rk[k] = (size_t)f;
	}
	registry_key(e->reg, e->rk, e->nk);
	*expected = e->reg->nexpected;
	e->seen_line = xcalloc(e->reg->t->nrows + 1, sizeof *e->seen_line);
	e->seen_file = xcalloc(e->reg->t->nrows + 1, sizeof *e->seen_file);
	e->unknown = hash_new();
}

/* plan_fields finds the stream's key fields, what a missing school's row
 * puts in each field, and the fields --unknown copies; the fields this
 * program appends must not be in the stream already. */
static void
plan_fields(struct expect *e, const struct rec_reader *r,
    const struct opts *o)
{
	static const char *const added[] = { "_expected", "_reported" };
	size_t i, k;
	int x;

	e->sk = xcalloc(e->nk, sizeof *e->sk);
	for (k = 0; k < e->nk; k++) {
		if ((x = rec_index(r, o->keys.v[k])) < 0)
			diag_fatal(EXIT_USAGE, r->file, 1, "-k: no field \"%s\" "
			    "in the header", o->keys.v[k]);
		e->sk[k] = (size_t)x;
	}
	for (k = 0; k < 2; k++)
		if (rec_index(r, added[k]) >= 0)
			diag_fatal(EXIT_USAGE, r->file, 1, "field \"%s\" is "
			    "already in the stream", added[k]);
	e->src = xcalloc(r->nf ? r->nf : 1, sizeof *e->src);
	for (i = 0; i < r->nf; i++) {
		if (e->g != NULL && strcmp(r->name[i], "district") == 0)
			e->src[i] = SRC_DISTRICT;
		else if ((x = table_field(e->reg->t, r->name[i])) >= 0)
			e->src[i] = x;
		else if (e->year.len > 0 &&
		    strcmp(r->name[i], "school_year") == 0)
			e->src[i] = SRC_YEAR;
		else
			e->src[i] = SRC_EMPTY;
	}
	e->uf = xcalloc(e->nk + 5, sizeof *e->uf);
	for (k = 0; k < e->nk; k++)
		e->uf[e->nuf++] = e->sk[k];
	for (k = 0; k < 5; k++) {
		if ((x = rec_index(r, unknown_fields[k])) < 0)
			continue;
		for (i = 0; i < e->nuf && e->uf[i] != (size_t)x; i++)
			;
		if (i == e->nuf)
			e->uf[e->nuf++] = (size_t)x;
	}
}

/* open_side opens a side file; --missing and --unknown must be two. */
static struct cli_side *
open_side(const char *opt, const char *path, const char *other, int argc,
    char **argv)
{
	struct stat a, b;

	if (path == NULL)
		return NULL;
	if (other != NULL && (strcmp(path, other) == 0 ||
	    (stat(path, &a) == 0 && stat(other, &b) == 0 &&
	    a.st_dev == b.st_dev && a.st_ino == b.st_ino)))
		diag_fatal(EXIT_USAGE, NULL, 0, "--missing and --unknown name "
		    "the same file %s", path);
	return cli_side_open(opt, path, argc, argv);
}

/* district_of returns the name of registry row i's district: the
 * gazetteer's, else the registry's own district field, else "". */
static const char *
district_of(const struct expect *e, size_t i)
{
	const char *code = registry_value(e->reg, i, e->reg->code);
	const struct gaz_unit *u;

	if (e->g != NULL)
		return (u = gaz_by_code(e->g, code, strlen(code))) != NULL ?
		    u->name : "";
	return registry_value(e->reg, i, table_field(e->reg->t, "district"));
}

static void
write_headers(const struct expect *e, const struct rec_reader *r,
    struct rec_writer *w, struct rec_writer *m, struct rec_writer *u)
{
	size_t i;

	for (i = 0; i < r->nf; i++)
		rec_puts(w, r->name[i]);
	rec_puts(w, "_expected");
	rec_puts(w, "_reported");
	rec_endrow(w);
	for (i = 0; m != NULL && i < 5; i++)
		rec_puts(m, missing_fields[i]);
	if (m != NULL)
		rec_endrow(m);
	for (i = 0; u != NULL && i < e->nuf; i++)
		rec_puts(u, r->name[e->uf[i]]);
	if (u != NULL) {
		rec_puts(u, "_reason");
		rec_endrow(u);
	}
}

/* file_index returns the index of the current input's name in e->files,
 * adding it when it is new (the inputs come one after the other). */
static size_t
file_index(struct expect *e, const char *file)
{
	if (e->nfiles == 0 || strcmp(e->files[e->nfiles - 1], file) != 0) {
		e->files = xrealloc(e->files, (e->nfiles + 1) *
		    sizeof *e->files);
		e->files[e->nfiles++] = xstrdup(file);
	}
	return e->nfiles - 1;
}

/* an_unknown lists the current row's school in --unknown, once a
 * school, with why it is not expected; a row with an empty key value is
 * a school of its own. */
static void
an_unknown(struct expect *e, const struct rec_reader *r,
    struct rec_writer *u, size_t i)
{
	size_t k;
	int added = 1;

	buf_reset(&e->why);
	buf_add(&e->why, "", 0);
	for (k = 0; k < e->nk && e->kl[k] > 0; k++)
		;
	if (k < e->nk)
		buf_printf(&e->why, "key field \"%s\" is empty",
		    r->name[e->sk[k]]);
	else if (i == REGISTRY_NONE)
		buf_printf(&e->why, "not in the registry");
	else
		registry_why(e->reg, i, &e->why);
	if (k == e->nk) {
		buf_reset(&e->key);
		for (k = 0; k < e->nk; k++) {
			if (k > 0)
				buf_addc(&e->key, '\t');
			rec_escape(&e->key, e->kv[k], e->kl[k]);
		}
		hash_add(e->unknown, e->key.p, e->key.len, &added);
	}
	if (!added) {
		(*repeated)++;
		return;
	}
	(*unknown)++;
	if (noted_stream++ < NOTE_MAX)
		diag_msg(r->file, r->line, "%s", e->why.p);
	if (u == NULL)
		return;
	for (k = 0; k < e->nuf; k++)
		rec_put(u, r->f[e->uf[k]], r->len[e->uf[k]]);
	rec_puts(u, e->why.p);
	rec_endrow(u);
}

/* pass_rows passes every row on, with _expected 1 on the first row of
 * each expected school and _reported 1 on every row. */
static void
pass_rows(struct expect *e, struct rec_reader *r, struct rec_writer *w,
    struct rec_writer *u)
{
	size_t i, k;
	int first;

	while (rec_next(r)) {
		(*rows_read)++;
		for (k = 0; k < e->nk; k++) {
			e->kv[k] = r->f[e->sk[k]];
			e->kl[k] = r->len[e->sk[k]];
		}
		i = registry_find(e->reg, e->kv, e->kl);
		first = 0;
		if (i != REGISTRY_NONE && e->reg->expected[i]) {
			if (e->seen_line[i] == 0) {
				first = 1;
				e->seen_line[i] = r->line;
				e->seen_file[i] = file_index(e, r->file);
				(*reported)++;
			} else {
				(*repeated)++;
				if (noted_stream++ < NOTE_MAX)
					diag_msg(r->file, r->line, "another "
					    "row for this school (first at "
					    "%s:%lu): passed on, counted once",
					    e->files[e->seen_file[i]],
					    e->seen_line[i]);
			}
		} else
			an_unknown(e, r, u, i);
		for (k = 0; k < r->nf; k++)
			rec_put(w, r->f[k], r->len[k]);
		rec_puts(w, first ? "1" : "0");
		rec_puts(w, "1");
		rec_endrow(w);
		(*rows_written)++;
	}
	if (noted_stream > NOTE_MAX)
		diag_msg(NULL, 0, "stream: %llu more row%s not listed",
		    noted_stream - NOTE_MAX,
		    noted_stream - NOTE_MAX == 1 ? "" : "s");
}

/* add_missing writes a row for each expected school that sent none, in
 * registry order, and lists it in --missing. */
static void
add_missing(struct expect *e, const struct rec_reader *r,
    struct rec_writer *w, struct rec_writer *m)
{
	const struct registry *reg = e->reg;
	const int mf[] = { reg->id, reg->name, reg->level, reg->code };
	size_t i, k;

	for (i = 0; i < reg->t->nrows; i++) {
		if (!reg->expected[i] || e->seen_line[i] != 0)
			continue;
		(*missing)++;
		if (noted_registry++ < NOTE_MAX) {
			buf_reset(&e->why);
			registry_key_text(reg, i, &e->why);
			diag_msg(reg->t->path, registry_line(reg, i), "no row "
			    "for this school (%s)", e->why.p);
		}
		for (k = 0; k < r->nf; k++)
			rec_puts(w, e->src[k] >= 0 ? registry_value(reg, i,
			    e->src[k]) : e->src[k] == SRC_DISTRICT ?
			    district_of(e, i) : e->src[k] == SRC_YEAR ?
			    e->year.p : "");
		rec_puts(w, "1");
		rec_puts(w, "0");
		rec_endrow(w);
		if (m == NULL)
			continue;
		for (k = 0; k < 4; k++)
			rec_puts(m, registry_value(reg, i, mf[k]));
		rec_puts(m, district_of(e, i));
		rec_endrow(m);
	}
	if (noted_registry > NOTE_MAX)
		diag_msg(NULL, 0, "registry: %llu more missing school%s not "
		    "listed", noted_registry - NOTE_MAX,
		    noted_registry - NOTE_MAX == 1 ? "" : "s");
}

static const char *
pl(unsigned long long n)
{
	return n == 1 ? "" : "s";
}

static void
summary(const struct expect *e)
{
	struct buf b = { 0 };
	const char *year = e->year.len > 0 ? e->year.p : "";
	int y = e->year.len > 0;

	buf_printf(&b, "%llu row%s read; %llu school%s expected%s%s, %llu "
	    "reported, %llu missing, %llu not in the registry%s%s", *rows_read,
	    pl(*rows_read), *expected, pl(*expected), y ? " in " : "", year,
	    *reported, *missing, *unknown, y ? " for " : "", year);
	if (*repeated > 0)
		buf_printf(&b, "; %llu row%s for a school already counted",
		    *repeated, pl(*repeated));
	diag_msg(NULL, 0, "%s", b.p);
	buf_free(&b);
}

static void
expect_free(struct expect *e)
{
	size_t i;

	for (i = 0; i < e->nfiles; i++)
		free(e->files[i]);
	free(e->files);
	free(e->rk);
	free(e->sk);
	free(e->kv);
	free(e->kl);
	free(e->src);
	free(e->uf);
	free(e->seen_line);
	free(e->seen_file);
	hash_free(e->unknown, NULL);
	buf_free(&e->key);
	buf_free(&e->why);
	buf_free(&e->year);
	gaz_free(e->g);
	registry_free(e->reg);
}

int
main(int argc, char *argv[])
{
	struct opts o = { 0 };
	struct expect e = { 0 };
	struct rec_reader *r;
	struct rec_writer *w;
	struct cli_side *ms, *us;

	cli_init("luong-expect", synopsis, argv);
	start_stats();
	parse_options(argc, argv, &o);
	argc -= optind;
	argv += optind;

	/* The registry, the stream's header, then the side files: every
	 * usage error comes before anything is written. */
	load_registry(&e, &o);
	r = rec_reader_open(argc, argv);
	plan_fields(&e, r, &o);
	e.kv = xcalloc(e.nk, sizeof *e.kv);
	e.kl = xcalloc(e.nk, sizeof *e.kl);
	ms = open_side("--missing", o.missing, o.unknown, argc, argv);
	us = open_side("--unknown", o.unknown, NULL, argc, argv);
	w = rec_writer_new(STDOUT_FILENO, "<stdout>");
	write_headers(&e, r, w, ms != NULL ? ms->w : NULL,
	    us != NULL ? us->w : NULL);

	pass_rows(&e, r, w, us != NULL ? us->w : NULL);
	add_missing(&e, r, w, ms != NULL ? ms->w : NULL);

	rec_writer_free(w);
	cli_side_close(ms);
	cli_side_close(us);
	summary(&e);
	rec_reader_free(r);
	expect_free(&e);
	cli_list_free(&o.keys);
	rec_close_stdout();
	return EXIT_OK;
}
