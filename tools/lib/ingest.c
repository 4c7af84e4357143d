/* ingest — school exports to the record stream: see ingest.h. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "csvin.h"
#include "diag.h"
#include "enc.h"
#include "ingest.h"
#include "rec.h"
#include "schema.h"
#include "stats.h"
#include "text.h"

struct ingest {
	const struct schema *schema;	/* NULL: every column passes */
	enum enc	 enc;
	char		 delim;		/* 0: sniffed per file */
	int		 source;
	struct rec_writer *out, *rej;
	/* The output columns: the schema's fields, or the first file's
	 * header; first is the file that set them. */
	size_t		 nout;
	char		**outname;
	char		*first;
	int		 started;
	/* Fields the first file has a column for (schema). */
	char		*had;
	/* The current file. */
	const char	*file;
	int		 gotheader;
	size_t		 ncols;
	char		**colname;	/* its header, trimmed, NFC */
	long		*src;		/* schema field -> column, or -1 */
	/* Scratch, reused for every row. */
	struct buf	 vals, why, scratch, tmp;
	struct schema_value *v;
	const char	**vname;	/* field -> its column's header */
	/* Counts (stats.h). */
	unsigned long long *read, *written, *rejected, *files, *title_rows;
};

static void
free_names(char **names, size_t n)
{
	size_t i;

	if (names == NULL)
		return;
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

/* start writes the headers of the output and of the rejects file. */
static void
start(struct ingest *g)
{
	size_t i;

	for (i = 0; i < g->nout; i++)
		rec_puts(g->out, g->outname[i]);
	if (g->source) {
		rec_puts(g->out, "_file");
		rec_puts(g->out, "_line");
	}
	rec_endrow(g->out);
	if (g->rej != NULL) {
		rec_puts(g->rej, "_file");
		rec_puts(g->rej, "_line");
		rec_puts(g->rej, "_field");
		rec_puts(g->rej, "_reason");
		for (i = 0; i < g->nout; i++)
			rec_puts(g->rej, g->outname[i]);
		rec_endrow(g->rej);
	}
	g->started = 1;
}

/* put_nfc writes s as one field of w, in NFC. */
static void
put_nfc(struct ingest *g, struct rec_writer *w, const char *s, size_t n)
{
	if (text_is_ascii(s, n)) {
		rec_put(w, s, n);
		return;
	}
	buf_reset(&g->tmp);
	text_nfc(&g->tmp, s, n);
	rec_put(w, g->tmp.p, g->tmp.len);
}

/* reject counts row as rejected, says why on stderr and writes its raw
 * text, the output columns only, to the rejects file.  field is the
 * schema field at fault, or -1 for the row as a whole. */
static void
reject(struct ingest *g, const struct csvin_row *row, long field)
{
	size_t i;
	long c;
	/* A row with the wrong number of fields cannot be mapped: by position
	 * a column the schema drops (a date of birth) would land under a
	 * kept field's name.  Its fields stay out; file and line find it. */
	int unmapped = g->schema != NULL && row->n != g->ncols;

	(*g->rejected)++;
	if (field >= 0)
		diag_msg(g->file, row->line, "column \"%s\": %s",
		    g->vname[field], g->why.p);
	else
		diag_msg(g->file, row->line, "%s", g->why.p);
	if (g->rej == NULL)
		return;
	rec_puts(g->rej, g->file);
	rec_put_int(g->rej, (long long)row->line);
	if (field >= 0)
		rec_puts(g->rej, g->schema->f[field].name);
	else
		rec_put(g->rej, "", 0);
	rec_put(g->rej, g->why.p, g->why.len);
	for (i = 0; i < g->nout; i++) {
		c = g->schema != NULL ? g->src[i] : (long)i;
		if (!unmapped && c >= 0 && (size_t)c < row->n)
			put_nfc(g, g->rej, row->f[c], row->len[c]);
		else
			rec_put(g->rej, "", 0);
	}
	rec_endrow(g->rej);
}

/* header_names keeps the current file's header, trimmed and NFC. */
static void
header_names(struct ingest *g, const struct csvin_row *row)
{
	size_t i;

	g->ncols = row->n;
	g->colname = xcalloc(row->n, sizeof *g->colname);
	for (i = 0; i < row->n; i++) {
		const char *s = row->f[i];
		size_t n = row->len[i];

		text_trim(&s, &n);
		buf_reset(&g->tmp);
		text_nfc(&g->tmp, s, n);
		g->colname[i] = xstrndup(g->tmp.p ? g->tmp.p : "", g->tmp.len);
	}
}

/* map_plain: without a schema the header passes as it is; every file's
 * must equal the first one's. */
static void
map_plain(struct ingest *g, const struct csvin_row *row)
{
	size_t i, j;

	for (i = 0; i < g->ncols; i++) {
		if (g->colname[i][0] == '\0')
			diag_fatal(EXIT_USAGE, g->file, row->line,
			    "column %zu of the header has no name", i + 1);
		for (j = 0; j < i; j++)
			if (strcmp(g->colname[i], g->colname[j]) == 0)
				diag_fatal(EXIT_USAGE, g->file, row->line,
				    "column \"%s\" appears twice in the header "
				    "(columns %zu and %zu)", g->colname[i],
				    j + 1, i + 1);
	}
	if (!g->started) {
		g->nout = g->ncols;
		g->outname = g->colname;
		g->colname = NULL;
		return;
	}
	if (g->ncols != g->nout)
		diag_fatal(EXIT_USAGE, g->file, row->line, "the header has %zu "
		    "columns, %s's has %zu", g->ncols, g->first, g->nout);
	for (i = 0; i < g->ncols; i++)
		if (strcmp(g->colname[i], g->outname[i]) != 0)
			diag_fatal(EXIT_USAGE, g->file, row->line, "header "
			    "differs from %s's: column %zu is \"%s\", not "
			    "\"%s\"", g->first, i + 1, g->colname[i],
			    g->outname[i]);
}

/* map_schema finds each schema field's column in the current file. */
static void
map_schema(struct ingest *g, const struct csvin_row *row)
{
	const struct schema *s = g->schema;
	size_t i;
	long fi;

	for (i = 0; i < s->nf; i++) {
		g->src[i] = -1;
		g->vname[i] = s->f[i].header;
	}
	for (i = 0; i < g->ncols; i++) {
		fi = schema_lookup(s, g->colname[i], strlen(g->colname[i]),
		    &g->scratch);
		if (fi < 0)
			continue;	/* not in the schema: dropped */
		if (g->src[fi] >= 0)
			diag_fatal(EXIT_USAGE, g->file, row->line, "columns "
			    "%ld (\"%s\") and %zu (\"%s\") both name field %s",
			    g->src[fi] + 1, g->colname[g->src[fi]], i + 1,
			    g->colname[i], s->f[fi].name);
		g->src[fi] = (long)i;
		g->vname[fi] = g->colname[i];
	}
	for (i = 0; i < s->nf; i++) {
		if (g->src[i] < 0 && s->f[i].required)
			diag_fatal(EXIT_USAGE, g->file, row->line, "no column "
			    "for the required field %s (\"%s\")", s->f[i].name,
			    s->f[i].header);
		if (!g->started) {
			g->had[i] = g->src[i] >= 0;
			continue;
		}
		if (g->had[i] && g->src[i] < 0)
			diag_fatal(EXIT_USAGE, g->file, row->line, "header "
			    "differs from %s's: no column for %s (\"%s\")",
			    g->first, s->f[i].name, s->f[i].header);
		if (!g->had[i] && g->src[i] >= 0)
			diag_fatal(EXIT_USAGE, g->file, row->line, "header "
			    "differs from %s's: column \"%s\" (%s) is not in "
			    "it", g->first, g->colname[g->src[i]],
			    s->f[i].name);
	}
}

static void
on_header(struct ingest *g, const struct csvin_row *row)
{
	/* Title rows, and the blank lines among them, are above it. */
	*g->title_rows += row->line - 1;
	header_names(g, row);
	if (g->schema != NULL)
		map_schema(g, row);
	else
		map_plain(g, row);
	if (!g->started) {
		g->first = xstrdup(g->file);
		start(g);
	}
	g->gotheader = 1;
}

static void
put_source(struct ingest *g, const struct csvin_row *row)
{
	if (!g->source)
		return;
	rec_puts(g->out, g->file);
	rec_put_int(g->out, (long long)row->line);
}

static void
on_row(const struct csvin_row *row, void *arg)
{
	struct ingest *g = arg;
	const struct schema *s = g->schema;
	size_t i;
	long c, k;

	if (!g->gotheader) {
		on_header(g, row);
		return;
	}
	(*g->read)++;
	buf_reset(&g->why);
	if (row->n != g->ncols) {
		buf_printf(&g->why, "%zu field%s, the header has %zu", row->n,
		    row->n == 1 ? "" : "s", g->ncols);
		reject(g, row, -1);
		return;
	}
	if (s == NULL) {
		for (i = 0; i < row->n; i++)
			put_nfc(g, g->out, row->f[i], row->len[i]);
		put_source(g, row);
		rec_endrow(g->out);
		(*g->written)++;
		return;
	}
	buf_reset(&g->vals);
	for (i = 0; i < s->nf; i++) {
		if ((c = g->src[i]) < 0) {
			memset(&g->v[i], 0, sizeof g->v[i]);
			g->v[i].off = g->vals.len;
			continue;
		}
		if (schema_convert(s, i, row->f[c], row->len[c], &g->vals,
		    &g->v[i], &g->why, &g->scratch) < 0) {
			reject(g, row, (long)i);
			return;
		}
	}
	if ((k = schema_check_row(s, g->v, g->vals.p, g->vname,
	    &g->why)) >= 0) {
		reject(g, row, (long)s->chk[k].left);
		return;
	}
	for (i = 0; i < s->nf; i++)
		rec_put(g->out, g->vals.p + g->v[i].off, g->v[i].len);
	put_source(g, row);
	rec_endrow(g->out);
	(*g->written)++;
}

/* find_header looks for the schema's header in the first lines: the first
 * line whose fields name every required field (and at least one field).
 * Sets *line and *delim, or exits 2 saying what is missing. */
static void
find_header(struct ingest *g, struct csvin *ci, unsigned long *line,
    char *delim)
{
	const struct schema *s = g->schema;
	struct csvin_row *row = csvin_row_new();
	char cands[4], *seen = xcalloc(s->nf, 1), *best = xcalloc(s->nf, 1);
	const char *l;
	size_t len, ncand, i, j, found, req, bestfound = 0;
	unsigned long k;
	long fi;
	int r = 0;

	for (k = 1; k <= CSVIN_PEEK_MAX; k++) {
		if ((r = csvin_peek(ci, k, &l, &len)) <= 0)
			break;
		if (g->delim != 0) {
			cands[0] = g->delim;
			cands[1] = '\0';
			ncand = 1;
		} else if ((ncand = csvin_sniff(l, len, cands)) == 0) {
			cands[0] = ',';
			ncand = 1;
		}
		for (j = 0; j < ncand; j++) {
			csvin_split(row, l, len, cands[j]);
			memset(seen, 0, s->nf);
			found = req = 0;
			for (i = 0; i < row->n; i++) {
				fi = schema_lookup(s, row->f[i], row->len[i],
				    &g->scratch);
				if (fi < 0 || seen[fi])
					continue;
				seen[fi] = 1;
				found++;
				req += s->f[fi].required;
			}
			if (found > bestfound) {
				bestfound = found;
				memcpy(best, seen, s->nf);
			}
			if (found > 0 && req == s->nrequired) {
				*line = k;
				*delim = cands[j];
				goto done;
			}
		}
	}
	buf_reset(&g->why);
	for (i = 0; i < s->nf; i++) {
		if (best[i] || !s->f[i].required)
			continue;
		buf_printf(&g->why, "%s\"%s\"", g->why.len ? ", " : "",
		    s->f[i].header);
	}
	csvin_row_free(row);
	free(seen);
	free(best);
	if (r < 0)
		exit(EXIT_DATA);
	if (k == 1)
		diag_fatal(EXIT_USAGE, g->file, 0, "empty input: no header "
		    "line");
	diag_fatal(EXIT_USAGE, g->file, 0, "no header in the first %lu "
	    "lines: %s%s", k - 1, bestfound ? "no column for " :
	    "none of the schema's columns", bestfound ? g->why.p : "");
done:
	csvin_row_free(row);
	free(seen);
	free(best);
}

/* detect decides the current file's encoding for -e auto, and says so
 * when it is not UTF-8: a nightly log then shows which schools still
 * send legacy files. */
static void
detect(struct ingest *g, struct csvin *ci)
{
	struct enc_guess eg;

	switch (csvin_detect(ci, &eg)) {
	case -1:
		exit(EXIT_DATA);
	case 0:
		if (eg.s[eg.enc].score < ENC_MIN_SCORE)
			diag_fatal(EXIT_USAGE, g->file, 0, "cannot tell the "
			    "encoding (not UTF-8, and no Vietnamese in "
			    "cp1258, tcvn3 or viscii); give -e");
		diag_fatal(EXIT_USAGE, g->file, 0, "cannot tell the encoding "
		    "(%s or %s?); give -e", enc_name(eg.enc),
		    enc_name(eg.second));
	}
	if (eg.enc != ENC_UTF8)
		diag_msg(g->file, 0, "read as %s", enc_name(eg.enc));
}

void
ingest_file(struct ingest *g, const char *path)
{
	struct csvin *ci;
	unsigned long line = 1;
	char delim = g->delim, cands[4];
	const char *l;
	size_t len;
	int r;

	if ((ci = csvin_open(path, g->enc)) == NULL)
		diag_fatal(EXIT_USAGE, path, 0, "cannot open: %s",
		    strerror(errno));
	g->file = csvin_name(ci);
	g->gotheader = 0;
	(*g->files)++;
	if (g->enc == ENC_AUTO)
		detect(g, ci);
	if (g->schema != NULL)
		find_header(g, ci, &line, &delim);
	else {
		if ((r = csvin_peek(ci, 1, &l, &len)) < 0)
			exit(EXIT_DATA);
		if (r == 0)
			diag_fatal(EXIT_USAGE, g->file, 0, "empty input: no "
			    "header line");
		if (delim == 0)
			delim = csvin_sniff(l, len, cands) > 0 ? cands[0] : ',';
	}
	if (csvin_read(ci, line, delim, on_row, g) < 0)
		exit(EXIT_DATA);
	if (!g->gotheader)
		diag_fatal(EXIT_USAGE, g->file, 0, "empty input: no header "
		    "line");
	free_names(g->colname, g->ncols);
	g->colname = NULL;
	csvin_close(ci);
}

struct ingest *
ingest_new(const struct ingest_opts *o, struct rec_writer *out,
    struct rec_writer *rej)
{
	struct ingest *g = xcalloc(1, sizeof *g);
	const struct schema *s = o->schema;
	size_t i;

	g->schema = s;
	g->enc = o->enc;
	g->delim = o->delim;
	g->source = o->source;
	g->out = out;
	g->rej = rej;
	g->read = stats_counter("rows_read");
	g->written = stats_counter("rows_written");
	g->rejected = stats_counter("rows_rejected");
	g->files = stats_counter("files");
	g->title_rows = stats_counter("title_rows");
	if (s != NULL) {
		g->nout = s->nf;
		g->outname = xcalloc(s->nf, sizeof *g->outname);
		for (i = 0; i < s->nf; i++)
			g->outname[i] = xstrdup(s->f[i].name);
		g->src = xcalloc(s->nf, sizeof *g->src);
		g->v = xcalloc(s->nf, sizeof *g->v);
		g->vname = xcalloc(s->nf, sizeof *g->vname);
		g->had = xcalloc(s->nf, 1);
		buf_grow(&g->vals, 0);	/* a base even for empty rows */
	}
	return g;
}

void
ingest_free(struct ingest *g)
{
	if (g == NULL)
		return;
	free_names(g->outname, g->nout);
	free_names(g->colname, g->ncols);
	free(g->first);
	free(g->src);
	free(g->v);
	free(g->vname);
	free(g->had);
	buf_free(&g->vals);
	buf_free(&g->why);
	buf_free(&g->scratch);
	buf_free(&g->tmp);
	free(g);
}
