/*
 * luong-join — attach a reference table (targets) to the stream by key.
 *
 * The table (a record stream, CSV or YAML file) is loaded into a hash on
 * its key fields; the stream is read row by row and never held.  Keys are
 * compared after NFC.  Unmatched rows on either side are counted, named on
 * stderr and written to -u with the side they came from: never silently
 * dropped.  Memory is proportional to the table.  See luong-join(1).
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "cfg.h"
#include "csvin.h"
#include "diag.h"
#include "enc.h"
#include "hash.h"
#include "input.h"
#include "rec.h"
#include "text.h"

enum { OPT_HELP = 256, OPT_LEFT, OPT_PREFIX, OPT_STRICT, OPT_WHERE };

/* Unmatched rows named one by one on stderr, per side, before a count. */
#define NOTE_MAX	10

static const char synopsis[] =
    "usage: luong-join -t table -k key[,key ...] [--left] [-u unpaired.tsv]\n"
    "                  [--strict] [--prefix P] [--where field=value ...]\n"
    "                  [file ...]\n";

static void
usage(void)
{
	fputs(synopsis, stderr);
	exit(EXIT_USAGE);
}

/* The reference table, all of it in memory: values unescaped, NFC. */
struct table {
	const char	 *path;
	size_t		  nf;
	char		**name;
	size_t		  nrows, cap;
	char		**val;		/* [row * nf + field] */
	unsigned long	 *line;
	unsigned char	 *matched;
};

/* table_field adds a field name (YAML tables find them row by row). */
static size_t
table_field(struct table *t, const char *name)
{
	t->name = xrealloc(t->name, (t->nf + 1) * sizeof *t->name);
	t->name[t->nf] = xstrdup(name);
	return t->nf++;
}

/* table_row appends a row of empty values and returns its index. */
static size_t
table_row(struct table *t, unsigned long line)
{
	if (t->nrows == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 64;
		t->val = xrealloc(t->val, t->cap * t->nf * sizeof *t->val);
		t->line = xrealloc(t->line, t->cap * sizeof *t->line);
	}
	memset(&t->val[t->nrows * t->nf], 0, t->nf * sizeof *t->val);
	t->line[t->nrows] = line;
	return t->nrows++;
}

/* table_set stores s[0..n) in NFC as value f of row i. */
static void
table_set(struct table *t, size_t i, size_t f, const char *s, size_t n)
{
	struct buf b = { 0 };
	size_t bad;

	if (text_utf8_check(s, n, &bad) != 0)
		diag_fatal(EXIT_DATA, t->path, t->line[i], "field \"%s\": "
		    "invalid UTF-8", t->name[f]);
	text_nfc(&b, s, n);
	free(t->val[i * t->nf + f]);
	t->val[i * t->nf + f] = b.p != NULL ? b.p : xstrdup("");
}

static void
table_free(struct table *t)
{
	size_t i;

	for (i = 0; i < t->nrows * t->nf; i++)
		free(t->val[i]);
	for (i = 0; i < t->nf; i++)
		free(t->name[i]);
	free(t->name);
	free(t->val);
	free(t->line);
	free(t->matched);
}

static void
load_stream(struct table *t)
{
	char *paths[1];
	struct rec_reader *r;
	size_t i, k;

	paths[0] = (char *)t->path;
	r = rec_reader_open(1, paths);
	for (k = 0; k < r->nf; k++)
		table_field(t, r->name[k]);
	while (rec_next(r)) {
		i = table_row(t, r->line);
		for (k = 0; k < r->nf; k++)
			table_set(t, i, k, r->f[k], r->len[k]);
	}
	rec_reader_free(r);
}

/* CSV tables are read as luong-ingest reads exports (csvin): any of the
 * encodings (told per file), a BOM, "," ";" or TAB sniffed from the
 * header line, RFC 4180 quoting; each record knows the line it starts on. */
static void
csv_row(const struct csvin_row *row, void *arg)
{
	struct table *t = arg;
	size_t i, k;

	if (t->nf == 0) {
		for (k = 0; k < row->n; k++)
			table_field(t, row->f[k]);
		return;
	}
	if (row->n != t->nf)
		diag_fatal(EXIT_DATA, t->path, row->line, "%zu field%s, the "
		    "header has %zu", row->n, row->n == 1 ? "" : "s", t->nf);
	i = table_row(t, row->line);
	for (k = 0; k < row->n; k++)
		table_set(t, i, k, row->f[k], row->len[k]);
}

static void
load_csv(struct table *t)
{
	struct csvin *ci;
	struct enc_guess g;
	const char *line;
	size_t len;
	char delims[4];
	int rc;

	if ((ci = csvin_open(t->path, ENC_AUTO)) == NULL)
		diag_fatal(EXIT_USAGE, t->path, 0, "cannot open: %s",
		    strerror(errno));
	/* Every way out closes the reader first: LeakSanitizer counts what
	 * an exit leaves behind. */
	if ((rc = csvin_detect(ci, &g)) == 0) {
		csvin_close(ci);
		diag_fatal(EXIT_USAGE, t->path, 0, "cannot tell the encoding "
		    "(%s or %s?); convert the table to UTF-8",
		    enc_name(g.enc), enc_name(g.second));
	}
	if (rc > 0)
		rc = csvin_peek(ci, 1, &line, &len);
	if (rc == 0) {
		csvin_close(ci);
		diag_fatal(EXIT_USAGE, t->path, 0, "empty table: no header "
		    "line");
	}
	if (rc > 0) {
		if (csvin_sniff(line, len, delims) == 0)
			delims[0] = ',';
		rc = csvin_read(ci, 1, delims[0], csv_row, t) == 0 ? 1 : -1;
	}
	if (rc < 0) {
		csvin_close(ci);
		exit(EXIT_DATA);
	}
	csvin_close(ci);
	if (t->nf == 0)
		diag_fatal(EXIT_USAGE, t->path, 0, "empty table: no header "
		    "line");
}

/* YAML: a list of mappings, one per row; the fields are every key seen,
 * in order of first appearance, and a key a row lacks is an empty value. */
static void
load_yaml(struct table *t)
{
	struct cfg *c = cfg_load(t->path);
	const struct cfg_node *list, *row;
	struct hash *names = hash_new();
	size_t i, k, r;

	if (c->root == NULL)
		cfg_error(c, NULL, "empty table: expected a list of rows");
	cfg_want(c, c->root, CFG_SEQ, "the table");
	list = c->root;
	for (i = 0; i < list->n; i++) {
		row = list->items[i];
		cfg_want(c, row, CFG_MAP, "a table row");
		for (k = 0; k < row->n; k++) {
			const struct cfg_node *key = row->keys[k];
			int added;

			cfg_want(c, key, CFG_SCALAR, "a field name");
			if (row->items[k]->type != CFG_SCALAR)
				cfg_error(c, row->items[k], "field \"%s\": "
				    "expected a scalar", key->str);
			hash_add(names, key->str, key->len, &added);
			if (added)
				table_field(t, key->str);
		}
	}
	for (i = 0; i < list->n; i++) {
		row = list->items[i];
		r = table_row(t, row->line);
		for (k = 0; k < row->n; k++) {
			const struct cfg_node *v = row->items[k];
			size_t f = hash_find(names, row->keys[k]->str,
			    row->keys[k]->len);

			if (cfg_is_null(v))
				table_set(t, r, f, "", 0);
			else
				table_set(t, r, f, v->str, v->len);
		}
		for (k = 0; k < t->nf; k++)
			if (t->val[r * t->nf + k] == NULL)
				t->val[r * t->nf + k] = xstrdup("");
	}
	hash_free(names, NULL);
	cfg_free(c);
}

static int
ends_with(const char *s, const char *suf)
{
	size_t n = strlen(s), m = strlen(suf);

	return n >= m && strcmp(s + n - m, suf) == 0;
}

static void
table_load(struct table *t, const char *path)
{
	memset(t, 0, sizeof *t);
	t->path = path;
	if (ends_with(path, ".yaml") || ends_with(path, ".yml"))
		load_yaml(t);
	else if (ends_with(path, ".csv") || ends_with(path, ".csv.gz"))
		load_csv(t);
	else
		load_stream(t);
	t->matched = xcalloc(t->nrows ? t->nrows : 1, 1);
}

/* table_where keeps only the table rows whose field equals value (NFC): a
 * targets table for both levels serves a run over one level without its
 * other half being reported as unmatched. */
static void
table_where(struct table *t, const char *spec)
{
	const char *eq = strchr(spec, '=');
	struct buf want = { 0 };
	size_t f, i, k, keep = 0;
	char *name;

	if (eq == NULL || eq == spec) {
		diag_msg(NULL, 0, "--where: expected field=value, not \"%s\"",
		    spec);
		usage();
	}
	name = xstrndup(spec, (size_t)(eq - spec));
	for (f = 0; f < t->nf && strcmp(t->name[f], name) != 0; f++)
		;
	if (f == t->nf)
		diag_fatal(EXIT_USAGE, t->path, 1, "--where: no field \"%s\" "
		    "in the table", name);
	text_nfc(&want, eq + 1, strlen(eq + 1));
	for (i = 0; i < t->nrows; i++) {
		char **row = &t->val[i * t->nf];

		if (strcmp(row[f], want.p != NULL ? want.p : "") != 0) {
			for (k = 0; k < t->nf; k++)
				free(row[k]);
			continue;
		}
		if (keep != i) {
			memmove(&t->val[keep * t->nf], row,
			    t->nf * sizeof *row);
			t->line[keep] = t->line[i];
		}
		keep++;
	}
	t->nrows = keep;
	free(name);
	buf_free(&want);
}

/* ---- keys -------------------------------------------------------------- */

/* make_key builds the hash key of n values: each in NFC and stream form,
 * TAB-joined.  Returns 0, or -1 when a value is empty (a missing key
 * matches nothing). */
static int
make_key(struct buf *key, struct buf *tmp, char *const *v, const size_t *len,
    size_t n)
{
	size_t i, bad;

	buf_reset(key);
	buf_add(key, "", 0);
	for (i = 0; i < n; i++) {
		if (len[i] == 0)
			return -1;
		if (i > 0)
			buf_addc(key, '\t');
		if (text_is_ascii(v[i], len[i]) ||
		    text_utf8_check(v[i], len[i], &bad) != 0) {
			rec_escape(key, v[i], len[i]);
			continue;
		}
		buf_reset(tmp);
		text_nfc(tmp, v[i], len[i]);
		rec_escape(key, tmp->p, tmp->len);
	}
	return 0;
}

static const char *
pl(unsigned long long n)
{
	return n == 1 ? "" : "s";
}

struct side {
	unsigned long long	n, matched, unmatched, noted;
};

static void
note(struct side *s, const char *file, unsigned long line, const char *msg)
{
	if (s->noted++ < NOTE_MAX)
		diag_msg(file, line, "%s", msg);
}

static void
note_rest(const struct side *s, const char *what)
{
	if (s->noted > NOTE_MAX)
		diag_msg(NULL, 0, "%s: %llu more unmatched rows not listed",
		    what, s->noted - NOTE_MAX);
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "help",	no_argument,		NULL, OPT_HELP },
		{ "left",	no_argument,		NULL, OPT_LEFT },
		{ "prefix",	required_argument,	NULL, OPT_PREFIX },
		{ "strict",	no_argument,		NULL, OPT_STRICT },
		{ "where",	required_argument,	NULL, OPT_WHERE },
		{ NULL, 0, NULL, 0 }
	};
	static const char *const meta[] = { "_side", "_file", "_line" };
	const char *tpath = NULL, *kspec = NULL, *upath = NULL, *prefix = "";
	int left = 0, strict = 0, ch, ufd = -1, added;
	char **where = NULL;
	size_t nwhere = 0;
	struct table t;
	struct rec_reader *r;
	struct rec_writer *w, *u = NULL;
	struct hash *index, *names;
	struct buf key = { 0 }, tmp = { 0 }, nm = { 0 };
	struct side ss = { 0 }, ts = { 0 };
	char **lk = NULL, **rk = NULL, **kv;
	size_t *kl, nk = 0, *lki, *rki, *tout, ntout = 0, i, k, j;
	unsigned char *iskey;
	unsigned long long written = 0;

	diag_init("luong-join");
	/* getopt names the program by argv[0]: make it ours, not a path. */
	argv[0] = (char *)"luong-join";
	while ((ch = getopt_long(argc, argv, "k:t:u:", longopts, NULL)) != -1) {
		switch (ch) {
		case 'k':
			kspec = optarg;
			break;
		case 't':
			tpath = optarg;
			break;
		case 'u':
			upath = optarg;
			break;
		case OPT_HELP:
			fputs(synopsis, stdout);
			rec_close_stdout();
			return EXIT_OK;
		case OPT_LEFT:
			left = 1;
			break;
		case OPT_PREFIX:
			prefix = optarg;
			break;
		case OPT_STRICT:
			strict = 1;
			break;
		case OPT_WHERE:
			where = xrealloc(where, (nwhere + 1) * sizeof *where);
			where[nwhere++] = optarg;
			break;
		default:
			usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (tpath == NULL || kspec == NULL) {
		diag_msg(NULL, 0, "%s is required", tpath == NULL ? "-t" : "-k");
		usage();
	}
	/* -k a,b or -k left=right,…: stream field names and table ones. */
	{
		const char *p = kspec, *c, *eq;

		for (;;) {
			c = strchr(p, ',');
			if (c == NULL)
				c = p + strlen(p);
			eq = memchr(p, '=', (size_t)(c - p));
			if (c == p || eq == p || (eq != NULL && eq + 1 == c)) {
				diag_msg(NULL, 0, "-k: empty field name in "
				    "\"%s\"", kspec);
				usage();
			}
			lk = xrealloc(lk, (nk + 1) * sizeof *lk);
			rk = xrealloc(rk, (nk + 1) * sizeof *rk);
			lk[nk] = xstrndup(p, (size_t)((eq ? eq : c) - p));
			rk[nk] = eq ? xstrndup(eq + 1, (size_t)(c - eq - 1)) :
			    xstrdup(lk[nk]);
			nk++;
			if (*c == '\0')
				break;
			p = c + 1;
		}
	}

	/* The table first: any problem with it is found before output. */
	table_load(&t, tpath);
	for (i = 0; i < nwhere; i++)
		table_where(&t, where[i]);
	free(where);
	rki = xcalloc(nk, sizeof *rki);
	lki = xcalloc(nk, sizeof *lki);
	iskey = xcalloc(t.nf ? t.nf : 1, 1);
	for (k = 0; k < nk; k++) {
		for (j = 0; j < t.nf && strcmp(t.name[j], rk[k]) != 0; j++)
			;
		if (j == t.nf)
			diag_fatal(EXIT_USAGE, tpath, 1, "-k: no field \"%s\" "
			    "in the table", rk[k]);
		rki[k] = j;
		iskey[j] = 1;
	}
	index = hash_new();
	kv = xcalloc(nk, sizeof *kv);
	kl = xcalloc(nk, sizeof *kl);
	for (i = 0; i < t.nrows; i++) {
		size_t first;

		for (k = 0; k < nk; k++) {
			kv[k] = t.val[i * t.nf + rki[k]];
			kl[k] = strlen(kv[k]);
		}
		if (make_key(&key, &tmp, kv, kl, nk) < 0)
			continue;	/* matches nothing: reported below */
		first = hash_add(index, key.p, key.len, &added);
		if (!added)
			diag_fatal(EXIT_DATA, tpath, t.line[i], "duplicate key "
			    "(first on line %lu)",
			    t.line[(size_t)hash_val(index, first)]);
		hash_set(index, first, (void *)i);
	}

	r = rec_reader_open(argc, argv);
	for (k = 0; k < nk; k++) {
		int x = rec_index(r, lk[k]);

		if (x < 0)
			diag_fatal(EXIT_USAGE, r->file, 1, "-k: no field \"%s\" "
			    "in the header", lk[k]);
		lki[k] = (size_t)x;
	}
	/* The table's fields other than its keys follow the stream's. */
	names = hash_new();
	for (i = 0; i < r->nf; i++)
		hash_add(names, r->name[i], strlen(r->name[i]), NULL);
	tout = xcalloc(t.nf ? t.nf : 1, sizeof *tout);
	for (j = 0; j < t.nf; j++) {
		if (iskey[j])
			continue;
		buf_reset(&nm);
		buf_printf(&nm, "%s%s", prefix, t.name[j]);
		hash_add(names, nm.p, nm.len, &added);
		if (!added)
			diag_fatal(EXIT_USAGE, tpath, 1, "field \"%s\" is "
			    "already in the stream%s", nm.p, *prefix ? "" :
			    " (rename the table's with --prefix)");
		tout[ntout++] = j;
	}
	if (upath != NULL) {
		for (k = 0; k < 3; k++)
			if (hash_find(names, meta[k], strlen(meta[k])) !=
			    HASH_NONE)
				diag_fatal(EXIT_USAGE, upath, 0, "field \"%s\" "
				    "of -u is already a field", meta[k]);
		ufd = open(upath, O_WRONLY | O_CREAT | O_TRUNC, 0666);
		if (ufd < 0)
			diag_fatal(EXIT_USAGE, upath, 0, "cannot create: %s",
			    strerror(errno));
		u = rec_writer_new(ufd, upath);
		for (k = 0; k < 3; k++)
			rec_puts(u, meta[k]);
	}

	w = rec_writer_new(1, "<stdout>");
	for (i = 0; i < r->nf; i++) {
		rec_puts(w, r->name[i]);
		if (u != NULL)
			rec_puts(u, r->name[i]);
	}
	for (j = 0; j < ntout; j++) {
		buf_reset(&nm);
		buf_printf(&nm, "%s%s", prefix, t.name[tout[j]]);
		rec_puts(w, nm.p);
		if (u != NULL)
			rec_puts(u, nm.p);
	}
	rec_endrow(w);
	if (u != NULL)
		rec_endrow(u);

	while (rec_next(r)) {
		size_t hit = HASH_NONE;

		ss.n++;
		for (k = 0; k < nk; k++) {
			kv[k] = r->f[lki[k]];
			kl[k] = r->len[lki[k]];
		}
		if (make_key(&key, &tmp, kv, kl, nk) == 0)
			hit = hash_find(index, key.p, key.len);
		if (hit != HASH_NONE) {
			size_t row = (size_t)hash_val(index, hit);

			ss.matched++;
			t.matched[row] = 1;
			for (i = 0; i < r->nf; i++)
				rec_put(w, r->f[i], r->len[i]);
			for (j = 0; j < ntout; j++)
				rec_puts(w, t.val[row * t.nf + tout[j]]);
			rec_endrow(w);
			written++;
			continue;
		}
		ss.unmatched++;
		note(&ss, r->file, r->line, "no match in the table");
		if (left) {
			for (i = 0; i < r->nf; i++)
				rec_put(w, r->f[i], r->len[i]);
			for (j = 0; j < ntout; j++)
				rec_put(w, "", 0);
			rec_endrow(w);
			written++;
		}
		if (u != NULL) {
			rec_puts(u, "stream");
			rec_puts(u, r->file);
			rec_put_int(u, (long long)r->line);
			for (i = 0; i < r->nf; i++)
				rec_put(u, r->f[i], r->len[i]);
			for (j = 0; j < ntout; j++)
				rec_put(u, "", 0);
			rec_endrow(u);
		}
	}
	note_rest(&ss, "stream");

	/* Table rows no stream row matched: their keys go in the stream's
	 * key fields of -u. */
	ts.n = t.nrows;
	for (i = 0; i < t.nrows; i++) {
		if (t.matched[i]) {
			ts.matched++;
			continue;
		}
		ts.unmatched++;
		note(&ts, tpath, t.line[i], "no stream row matched this table "
		    "row");
		if (u == NULL)
			continue;
		rec_puts(u, "table");
		rec_puts(u, tpath);
		rec_put_int(u, (long long)t.line[i]);
		for (j = 0; j < r->nf; j++) {
			for (k = 0; k < nk && lki[k] != j; k++)
				;
			rec_puts(u, k < nk ? t.val[i * t.nf + rki[k]] : "");
		}
		for (j = 0; j < ntout; j++)
			rec_puts(u, t.val[i * t.nf + tout[j]]);
		rec_endrow(u);
	}
	note_rest(&ts, "table");
	rec_writer_free(w);
	if (u != NULL) {
		rec_writer_free(u);
		if (close(ufd) != 0)
			diag_fatal(EXIT_DATA, upath, 0, "write error: %s",
			    strerror(errno));
	}
	diag_msg(NULL, 0, "stream: %llu row%s read, %llu matched, %llu "
	    "unmatched; table: %llu row%s, %llu matched, %llu unmatched; %llu "
	    "row%s written", ss.n, pl(ss.n), ss.matched, ss.unmatched, ts.n,
	    pl(ts.n), ts.matched, ts.unmatched, written, pl(written));

	rec_reader_free(r);
	table_free(&t);
	hash_free(index, NULL);
	hash_free(names, NULL);
	for (k = 0; k < nk; k++) {
		free(lk[k]);
		free(rk[k]);
	}
	free(lk);
	free(rk);
	free(lki);
	free(rki);
	free(kv);
	free(kl);
	free(iskey);
	free(tout);
	buf_free(&key);
	buf_free(&tmp);
	buf_free(&nm);
	rec_close_stdout();
	if (strict && ss.unmatched + ts.unmatched > 0) {
		diag_msg(NULL, 0, "%llu unmatched row%s (--strict)",
		    ss.unmatched + ts.unmatched,
		    ss.unmatched + ts.unmatched == 1 ? "" : "s");
		return EXIT_DATA;
	}
	return EXIT_OK;
}
