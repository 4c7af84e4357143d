/* ingest — school exports to the record stream: see ingest.h. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book.h"
#include "buf.h"
#include "csvin.h"
#include "diag.h"
#include "enc.h"
#include "hash.h"
#include "ingest.h"
#include "input.h"
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
	/* Workbooks: the sheet asked for, the name "file:sheet", and the
	 * current row seen as a CSV record. */
	const char	*sheet;
	struct buf	 fname;
	struct csvin_row brow;
	char		**bf;
	size_t		*blen, bcap;
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
 * schema field at fault, or -1 for the row as a whole; hide: the row
 * failed a pattern, and none of its values is written. */
static void
reject(struct ingest *g, const struct csvin_row *row, long field, int hide)
{
	size_t i;
	long c;
	/* A row with the wrong number of fields cannot be mapped: by position
	 * a column the schema drops (a date of birth) would land under a
	 * kept field's name.  Its fields stay out; file and line find it.
	 * So do a malformed row's, which has only the fields before the
	 * fault, and those of a row that failed a pattern: the sign of
	 * columns shifted with the field count kept (an unquoted comma in a
	 * name, a cell left out), which put the date of birth where the
	 * school's code should be. */
	int unmapped = g->schema != NULL && (row->n != g->ncols ||
	    row->bad != NULL || hide);

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
 * must equal the first one's.  Names are told apart by a hash, not pair
 * by pair: a wide export (a column per item of a survey) has thousands. */
static void
map_plain(struct ingest *g, const struct csvin_row *row)
{
	struct hash *seen = hash_new();
	size_t i, j = 0;
	int added = 1;

	for (i = 0; i < g->ncols && added; i++) {
		if (g->colname[i][0] == '\0') {
			hash_free(seen, NULL);
			diag_fatal(EXIT_USAGE, g->file, row->line,
			    "column %zu of the header has no name", i + 1);
		}
		/* Every name before i is new, so a name's index in seen is
		 * its column. */
		j = hash_add(seen, g->colname[i], strlen(g->colname[i]),
		    &added);
	}
	hash_free(seen, NULL);
	if (!added)
		diag_fatal(EXIT_USAGE, g->file, row->line, "column \"%s\" "
		    "appears twice in the header (columns %zu and %zu)",
		    g->colname[i - 1], j + 1, i);
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
	int pass, r;

	if (!g->gotheader) {
		if (row->bad != NULL)
			diag_fatal(EXIT_DATA, g->file, row->line, "the header: "
			    "%s", row->bad);
		on_header(g, row);
		return;
	}
	(*g->read)++;
	buf_reset(&g->why);
	if (row->bad != NULL) {
		buf_adds(&g->why, row->bad);
		reject(g, row, -1, 0);
		return;
	}
	if (row->n != g->ncols) {
		buf_printf(&g->why, "%zu field%s, the header has %zu", row->n,
		    row->n == 1 ? "" : "s", g->ncols);
		reject(g, row, -1, 0);
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
	/* The fields with a pattern first: a row whose columns have shifted
	 * fails there, before a typed field could quote a value that is not
	 * its own. */
	for (pass = 0; pass < 2; pass++)
		for (i = 0; i < s->nf; i++) {
			if ((s->f[i].pattern != NULL) != (pass == 0))
				continue;
			if ((c = g->src[i]) < 0) {
				memset(&g->v[i], 0, sizeof g->v[i]);
				g->v[i].off = g->vals.len;
				continue;
			}
			if ((r = schema_convert(s, i, row->f[c], row->len[c],
			    &g->vals, &g->v[i], &g->why, &g->scratch)) < 0) {
				reject(g, row, (long)i, r == -2);
				return;
			}
		}
	if ((k = schema_check_row(s, g->v, g->vals.p, g->vname,
	    &g->why)) >= 0) {
		reject(g, row, (long)s->chk[k].left, 0);
		return;
	}
	for (i = 0; i < s->nf; i++)
		rec_put(g->out, g->vals.p + g->v[i].off, g->v[i].len);
	put_source(g, row);
	rec_endrow(g->out);
	(*g->written)++;
}

/* header_match counts the schema fields that row's fields name, marking
 * them in seen (s->nf bytes); *req gets how many of them are required. */
static size_t
header_match(struct ingest *g, const struct csvin_row *row, char *seen,
    size_t *req)
{
	const struct schema *s = g->schema;
	size_t i, found = 0;
	long fi;

	memset(seen, 0, s->nf);
	*req = 0;
	for (i = 0; i < row->n; i++) {
		fi = schema_lookup(s, row->f[i], row->len[i], &g->scratch);
		if (fi < 0 || seen[fi])
			continue;
		seen[fi] = 1;
		found++;
		*req += s->f[fi].required;
	}
	return found;
}

/* missing_why puts in g->why what the best candidate line lacked. */
static void
missing_why(struct ingest *g, const char *best, size_t bestfound)
{
	const struct schema *s = g->schema;
	size_t i;

	buf_reset(&g->why);
	if (bestfound == 0) {
		buf_adds(&g->why, "none of the schema's columns");
		return;
	}
	buf_adds(&g->why, "no column for ");
	for (i = 0; i < s->nf; i++)
		if (!best[i] && s->f[i].required)
			buf_printf(&g->why, "%s\"%s\"", g->why.p[g->why.len -
			    1] == ' ' ? "" : ", ", s->f[i].header);
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
	size_t len, ncand, j, found, req, bestfound = 0;
	unsigned long k;
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
			found = header_match(g, row, seen, &req);
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
	missing_why(g, best, bestfound);
	csvin_row_free(row);
	free(seen);
	free(best);
	if (r < 0)
		exit(EXIT_DATA);
	if (k == 1)
		diag_fatal(EXIT_USAGE, g->file, 0, "empty input: no header "
		    "line");
	diag_fatal(EXIT_USAGE, g->file, 0, "no header in the first %lu "
	    "lines: %s", k - 1, g->why.p);
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

/* ingest_text reads a CSV or TSV file from in, which it then owns. */
static void
ingest_text(struct ingest *g, struct input *in)
{
	struct csvin *ci;
	unsigned long line = 1;
	char delim = g->delim, cands[4];
	const char *l;
	size_t len;
	int r;

	if ((ci = csvin_open_input(in, g->enc)) == NULL)
		diag_fatal(EXIT_USAGE, input_name(in), 0, "cannot open: %s",
		    strerror(errno));
	g->file = csvin_name(ci);
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
	csvin_close(ci);
}

/* ---- workbooks ---- */

/* view_row shows a workbook row as a CSV record of at least ncols fields.
 * Error values (#N/A) are not values: their cells are empty, unless
 * errors is set (a rejected row keeps its raw text). */
static const struct csvin_row *
view_row(struct ingest *g, const struct book_row *br, size_t ncols,
    int errors)
{
	static char empty[] = "";
	size_t i, n = br->n > ncols ? br->n : ncols;

	if (n > g->bcap) {
		g->bcap = n;
		g->bf = xrealloc(g->bf, n * sizeof *g->bf);
		g->blen = xrealloc(g->blen, n * sizeof *g->blen);
	}
	for (i = 0; i < n; i++) {
		if (i < br->n && (errors || br->kind[i] != BOOK_ERROR)) {
			g->bf[i] = br->f[i];
			g->blen[i] = br->len[i];
		} else {
			g->bf[i] = empty;
			g->blen[i] = 0;
		}
	}
	g->brow.n = n;
	g->brow.f = g->bf;
	g->brow.len = g->blen;
	g->brow.line = br->num;
	return &g->brow;
}

/* col_name appends a column's letters, A for 0. */
static void
col_name(struct buf *b, size_t c)
{
	char l[4];
	int n = 0;

	for (c++; c > 0 && n < 4; c = (c - 1) / 26)
		l[n++] = (char)('A' + (c - 1) % 26);
	while (n > 0)
		buf_addc(b, l[--n]);
}

/* book_row_bad says why a data row of a sheet is rejected as a whole, or
 * returns -2: it is fine.  Returns the schema field at fault, or -1. */
static long
book_row_bad(struct ingest *g, const struct book_row *br)
{
	const struct schema *s = g->schema;
	size_t i;
	long c;

	buf_reset(&g->why);
	if (br->n > g->ncols) {
		buf_adds(&g->why, "a value in column ");
		col_name(&g->why, br->n - 1);
		buf_printf(&g->why, ", right of the header's %zu column%s",
		    g->ncols, g->ncols == 1 ? "" : "s");
		return -1;
	}
	for (i = 0; s != NULL && i < s->nf; i++) {
		c = g->src[i];
		if (c < 0 || (size_t)c >= br->n)
			continue;
		/* An error is no value: in a required field a reject, and
		 * in a bool one too, where an empty cell would read "no". */
		if (br->kind[c] == BOOK_ERROR && (s->f[i].required ||
		    s->f[i].type == SCHEMA_BOOL)) {
			buf_printf(&g->why, "the cell holds the error %s, not "
			    "a value", br->f[c]);
			return (long)i;
		}
		/* A number cell is in stream form: its "." is a decimal
		 * point, never the grouping an int reads in typed text
		 * ("1.234" is not 1234). */
		if (br->kind[c] == BOOK_NUMBER && s->f[i].type == SCHEMA_INT &&
		    memchr(br->f[c], '.', br->len[c]) != NULL) {
			buf_printf(&g->why, "\"%s\" is not a whole number",
			    br->f[c]);
			return (long)i;
		}
	}
	return -2;
}

/* sheet_header looks for the schema's header in the first CSVIN_PEEK_MAX
 * rows of the selected sheet: 1 with its row number in *hdr; 0 with the
 * reason in g->why; -1 with a read error in err. */
static int
sheet_header(struct ingest *g, struct book *b, unsigned long *hdr,
    struct buf *err)
{
	const struct schema *s = g->schema;
	const struct book_row *br;
	char *seen = xcalloc(s->nf, 1), *best = xcalloc(s->nf, 1);
	size_t found, req, bestfound = 0, k;
	int rc = 0;

	for (k = 0; k < CSVIN_PEEK_MAX && (rc = book_next(b, &br, err)) == 1;
	    k++) {
		found = header_match(g, view_row(g, br, 0, 0), seen, &req);
		if (found > bestfound) {
			bestfound = found;
			memcpy(best, seen, s->nf);
		}
		if (found > 0 && req == s->nrequired) {
			*hdr = br->num;
			break;
		}
	}
	if (rc == 1 && k < CSVIN_PEEK_MAX)
		rc = 1;
	else if (rc >= 0) {
		rc = 0;
		buf_reset(&g->why);
		if (k == 0)
			buf_adds(&g->why, "it is empty");
		else {
			struct buf w = { 0 };

			missing_why(g, best, bestfound);
			buf_printf(&w, "no header in its first %zu rows: %s", k,
			    g->why.p);
			buf_reset(&g->why);
			buf_adds(&g->why, w.p);
			buf_free(&w);
		}
	}
	free(seen);
	free(best);
	return rc;
}

/* named_sheet finds --sheet NAME or N; exit 2 listing the sheets. */
static size_t
named_sheet(struct ingest *g, const struct book *b, const char *name)
{
	struct buf list = { 0 };
	size_t i, n = book_nsheets(b);
	char *end;
	unsigned long k;

	for (i = 0; i < n; i++)
		if (strcmp(book_sheet_name(b, i), name) == 0)
			return i;
	k = strtoul(name, &end, 10);
	if (*name >= '1' && *name <= '9' && *end == '\0' && k <= n)
		return k - 1;
	for (i = 0; i < n; i++)
		buf_printf(&list, "%s\"%s\"", i ? ", " : "",
		    book_sheet_name(b, i));
	diag_fatal(EXIT_USAGE, g->file, 0, "no sheet \"%s\" (the sheets: %s)",
	    name, list.p);
}

/* pick_sheet chooses the sheet to read and its header row (0: the first
 * row): --sheet, or the first whose first rows hold the schema's header
 * (without a schema, the first with a row), naming every sheet passed
 * over and why. */
static size_t
pick_sheet(struct ingest *g, struct book *b, unsigned long *hdr)
{
	struct buf err = { 0 };
	const struct book_row *br;
	size_t i, n = book_nsheets(b), bad = 0;
	int rc;

	*hdr = 0;
	if (g->sheet != NULL) {
		i = named_sheet(g, b, g->sheet);
		buf_reset(&g->why);
		if ((rc = book_peek(b, i, &err)) == 0)
			rc = g->schema != NULL ? sheet_header(g, b, hdr, &err) :
			    1;
		if (rc == 1) {
			buf_free(&err);
			return i;
		}
		/* A chart, or no header: the wrong sheet named. */
		buf_reset(&g->fname);
		buf_printf(&g->fname, "%s:%s", g->file, book_sheet_name(b, i));
		diag_fatal(rc == -1 ? EXIT_DATA : EXIT_USAGE, g->fname.p, 0,
		    "%s", rc == 0 ? g->why.p : err.p);
	}
	for (i = 0; i < n; i++) {
		buf_reset(&err);
		buf_reset(&g->why);
		if ((rc = book_peek(b, i, &err)) != 0)
			;	/* a chart (BOOK_NOT_SHEET), or unreadable */
		else if (g->schema != NULL)
			rc = sheet_header(g, b, hdr, &err);
		else if ((rc = book_next(b, &br, &err)) == 0)
			buf_adds(&g->why, "it is empty");
		if (rc == 1) {
			buf_free(&err);
			return i;
		}
		diag_msg(g->file, 0, "sheet \"%s\" passed over: %s",
		    book_sheet_name(b, i), rc == 0 ? g->why.p : err.p);
		bad += rc == -1;
	}
	buf_free(&err);
	/* A sheet that could not be read may have held it: a broken file,
	 * not a wrong one. */
	diag_fatal(bad ? EXIT_DATA : EXIT_USAGE, g->file, 0, "no sheet %s%s",
	    g->schema != NULL ? "holds the schema's header" : "has a row",
	    bad ? ", and a sheet could not be read" : "");
}

/* ingest_book reads the chosen sheet of a workbook, row by row, as
 * ingest_text reads lines; in stays the caller's. */
static void
ingest_book(struct ingest *g, struct input *in, const char *path,
    enum book_kind kind)
{
	struct buf err = { 0 };
	const struct book_row *br;
	struct book *b;
	unsigned long hdr;
	size_t i;
	long bad;
	int rc;

	g->file = input_name(in);
	if ((b = book_open(in, path, kind, &err)) == NULL)
		diag_fatal(EXIT_DATA, g->file, 0, "%s", err.p);
	i = pick_sheet(g, b, &hdr);
	buf_reset(&g->fname);
	buf_printf(&g->fname, "%s:%s", g->file, book_sheet_name(b, i));
	g->file = g->fname.p;
	if (book_select(b, i, &err) != 0)
		diag_fatal(EXIT_DATA, g->file, 0, "%s", err.p);
	while ((rc = book_next(b, &br, &err)) == 1) {
		if (!g->gotheader) {
			if (br->num >= hdr)
				on_header(g, view_row(g, br, 0, 0));
			continue;
		}
		if ((bad = book_row_bad(g, br)) == -2) {
			on_row(view_row(g, br, g->ncols, 0), g);
			continue;
		}
		(*g->read)++;
		/* Cells sit in their columns by reference, not by count: the
		 * header's columns are safe to keep in the rejects. */
		view_row(g, br, g->ncols, 1);
		g->brow.n = g->ncols;
		reject(g, &g->brow, bad, 0);
	}
	if (rc < 0)
		diag_fatal(EXIT_DATA, g->file, book_row_num(b), "%s", err.p);
	if (!g->gotheader)
		diag_fatal(EXIT_USAGE, g->file, 0, "no header row");
	book_close(b);
	buf_free(&err);
}

void
ingest_file(struct ingest *g, const char *path)
{
	const unsigned char *magic;
	struct input *in;
	enum book_kind kind;
	ssize_t n;

	if ((in = input_open(path)) == NULL)
		diag_fatal(EXIT_USAGE, path, 0, "cannot open: %s",
		    strerror(errno));
	g->gotheader = 0;
	(*g->files)++;
	/* A workbook is told by its content, never its name. */
	if ((n = input_peek(in, 8, &magic)) < 0)
		exit(EXIT_DATA);
	kind = book_sniff(magic, (size_t)n);
	if (kind != BOOK_NONE) {
		ingest_book(g, in, path, kind);
		input_close(in);
	} else
		ingest_text(g, in);
	free_names(g->colname, g->ncols);
	g->colname = NULL;
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
	g->sheet = o->sheet;
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
	buf_free(&g->fname);
	free(g->bf);
	free(g->blen);
	free(g);
}
