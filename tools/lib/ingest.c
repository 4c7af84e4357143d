/* ingest — school exports to the record stream: see ingest.h. */
#include <sys/stat.h>

#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book.h"
#include "buf.h"
#include "csvin.h"
#include "diag.h"
#include "enc.h"
#include "hash.h"
#include "inbox.h"
#include "ingest.h"
#include "input.h"
#include "keys.h"
#include "progress.h"
#include "rec.h"
#include "scan.h"
#include "schema.h"
#include "spool.h"
#include "stats.h"
#include "text.h"

struct ingest {
	const struct schema *schema;	/* NULL: every column passes */
	enum enc	 enc;
	char		 delim;		/* 0: sniffed per file */
	int		 source;
	/* Where rows and rejects go now: the outputs, or while rows are
	 * held, the spools. */
	struct rec_writer *out, *rej;
	struct rec_writer *real_out, *real_rej, *sup;
	int		 headers_out;	/* written to the outputs */
	/* --where: field, and the value as the field converts it. */
	size_t		 nwhere;
	size_t		*wfield;
	char		**wvalue;
	size_t		*wlen;
	/* Held rows (a key, or quarantine): each is written to the spool
	 * behind its file's number and line, and released by
	 * ingest_finish; a key's claims per file. */
	struct spool	*hold, *rejhold;
	struct keys	*keys;
	struct buf	 key;
	/* The files read: their names in messages, their counts. */
	char		**fname_of;
	struct ingest_count *fc;
	size_t		 nfiles, fcap;
	/* The progress line: drawn or not, and the bytes of workbooks that
	 * libzip or libfreexl read by their path, past what input read. */
	int		 progress;
	unsigned long long book_bytes;
	/* Quarantine: where a file's fault jumps to, what it said, and
	 * what the file had open. */
	int		 quarantine;
	jmp_buf		*trap;
	struct buf	 reason;
	struct input	*cur_in;
	struct csvin	*cur_ci;
	struct book	*cur_book;
	const char	*cur_sheet;
	/* The output columns: the schema's fields, or the first file's
	 * header; first is the file that set them. */
	size_t		 nout;
	char		**outname;
	char		*first;
	int		 started;
	/* Fields the first file has a column for (schema). */
	char		*had;
	/* Fields whose values need no escape when their row's text needs
	 * none (every type but an enum with a value that does); oneput:
	 * every field is, and they are converted in output order, so that
	 * a plain row's g->vals (its values, a TAB between each two) is
	 * the row as written. */
	char		*plain;
	int		 oneput;
	/* The values of a row (g->v) are looked at past their conversion
	 * (checks, --where, a key, or written one by one), not only
	 * written as g->vals holds them. */
	int		 needv;
	/* The order fields are converted in: those with a pattern first,
	 * so that a row whose columns have shifted fails there, before a
	 * typed field could quote a value that is not its own. */
	size_t		*order;
	struct schema_step *plan;	/* order, from the current file's src */
	/* The current file. */
	const char	*file;
	int		 gotheader;
	size_t		 ncols;
	char		**colname;	/* its header, trimmed, NFC */
	long		*src;		/* schema field -> column, or -1 */
	/* Scratch, reused for every row. */
	struct buf	 vals, why, scratch, tmp, err;
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
	unsigned long long *superseded, *excluded, *withdrawn;
	unsigned long long held;
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

/* bail ends the current file after its fault was told (the last
 * message): with quarantine, back to ingest_file, which sets the file
 * aside; otherwise the program exits with status. */
static void __attribute__((noreturn))
bail(struct ingest *g, int status)
{
	unsigned long line;
	const char *msg = diag_last(&line);
	jmp_buf *jb = g->trap;

	if (jb == NULL)
		exit(status);
	g->trap = NULL;
	buf_reset(&g->reason);
	if (line > 0 && g->cur_sheet != NULL)
		buf_printf(&g->reason, "sheet \"%s\", row %lu: ", g->cur_sheet,
		    line);
	else if (line > 0)
		buf_printf(&g->reason, "line %lu: ", line);
	else if (g->cur_sheet != NULL)
		buf_printf(&g->reason, "sheet \"%s\": ", g->cur_sheet);
	buf_adds(&g->reason, msg);
	longjmp(*jb, 1);
}

/* fail tells a fault of the current file, then bails. */
static void __attribute__((noreturn, format(printf, 5, 6)))
fail(struct ingest *g, int status, const char *file, unsigned long line,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_vmsg(file, line, fmt, ap);
	va_end(ap);
	bail(g, status);
}

/* headers writes the headers of the output and of the rejects file. */
static void
headers(struct ingest *g)
{
	size_t i;

	if (g->headers_out)
		return;
	g->headers_out = 1;
	for (i = 0; i < g->nout; i++)
		rec_puts(g->real_out, g->outname[i]);
	if (g->source) {
		rec_puts(g->real_out, "_file");
		rec_puts(g->real_out, "_line");
	}
	rec_endrow(g->real_out);
	if (g->real_rej != NULL) {
		rec_puts(g->real_rej, "_file");
		rec_puts(g->real_rej, "_line");
		rec_puts(g->real_rej, "_field");
		rec_puts(g->real_rej, "_reason");
		for (i = 0; i < g->nout; i++)
			rec_puts(g->real_rej, g->outname[i]);
		rec_endrow(g->real_rej);
	}
}

/* start: the first file's header is found.  With quarantine the headers
 * wait until a file is done (a file set aside may have set the columns);
 * otherwise they are written now, so that a run stopped by an error keeps
 * a rejects file that reads. */
static void
start(struct ingest *g)
{
	g->started = 1;
	if (!g->quarantine)
		headers(g);
}


/* put_nfc writes s, a field of row, as one field of w, in NFC.  What
 * csvin knows of the row saves looking at it again: an ASCII row's text
 * is its NFC, and a plain row's needs no escape (nor does its NFC, which
 * never makes a TAB, LF, CR or backslash: text.h). */
static void
put_nfc(struct ingest *g, struct rec_writer *w, const struct csvin_row *row,
    const char *s, size_t n)
{
	if (!row->ascii && !text_is_ascii(s, n)) {
		buf_reset(&g->tmp);
		text_nfc(&g->tmp, s, n);
		s = g->tmp.p;
		n = g->tmp.len;
	}
	if (row->plain)
		rec_put_raw(w, s, n);
	else
		rec_put(w, s, n);
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
			put_nfc(g, g->rej, row, row->f[c], row->len[c]);
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
			fail(g, EXIT_USAGE, g->file, row->line,
			    "column %zu of the header has no name", i + 1);
		}
		/* Every name before i is new, so a name's index in seen is
		 * its column. */
		j = hash_add(seen, g->colname[i], strlen(g->colname[i]),
		    &added);
	}
	hash_free(seen, NULL);
	if (!added)
		fail(g, EXIT_USAGE, g->file, row->line, "column \"%s\" "
		    "appears twice in the header (columns %zu and %zu)",
		    g->colname[i - 1], j + 1, i);
	if (!g->started) {
		g->nout = g->ncols;
		g->outname = g->colname;
		g->colname = NULL;
		return;
	}
	if (g->ncols != g->nout)
		fail(g, EXIT_USAGE, g->file, row->line, "the header has %zu "
		    "columns, %s's has %zu", g->ncols, g->first, g->nout);
	for (i = 0; i < g->ncols; i++)
		if (strcmp(g->colname[i], g->outname[i]) != 0)
			fail(g, EXIT_USAGE, g->file, row->line, "header "
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
			fail(g, EXIT_USAGE, g->file, row->line, "columns "
			    "%ld (\"%s\") and %zu (\"%s\") both name field %s",
			    g->src[fi] + 1, g->colname[g->src[fi]], i + 1,
			    g->colname[i], s->f[fi].name);
		g->src[fi] = (long)i;
		g->vname[fi] = g->colname[i];
	}
	schema_plan(s, g->order, g->src, g->plan);
	for (i = 0; i < s->nf; i++) {
		if (g->src[i] < 0 && s->f[i].required)
			fail(g, EXIT_USAGE, g->file, row->line, "no column "
			    "for the required field %s (\"%s\")", s->f[i].name,
			    s->f[i].header);
		if (!g->started) {
			g->had[i] = g->src[i] >= 0;
			continue;
		}
		if (g->had[i] && g->src[i] < 0)
			fail(g, EXIT_USAGE, g->file, row->line, "header "
			    "differs from %s's: no column for %s (\"%s\")",
			    g->first, s->f[i].name, s->f[i].header);
		if (!g->had[i] && g->src[i] >= 0)
			fail(g, EXIT_USAGE, g->file, row->line, "header "
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
	/* The name rows of this file go by in superseded rows (the path, or
	 * "path:sheet"), kept past the file's closing. */
	free(g->fname_of[g->nfiles - 1]);
	g->fname_of[g->nfiles - 1] = xstrdup(g->file);
}

/* begin_row starts an output row: a held one behind its file's number
 * and line. */
static void
begin_row(struct ingest *g, unsigned long line)
{
	if (g->hold == NULL)
		return;
	rec_put_int(g->out, (long long)(g->nfiles - 1));
	rec_put_int(g->out, (long long)line);
}

/* end_row ends an output row and counts it: written, or held until
 * ingest_finish; count_row only counts it, ended by the caller. */
static void
count_row(struct ingest *g)
{
	if (g->hold != NULL)
		g->held++;
	else {
		(*g->written)++;
		g->fc[g->nfiles - 1].written++;
	}
}

static void
end_row(struct ingest *g)
{
	rec_endrow(g->out);
	count_row(g);
}

/* key_text appends "school_id 80794201, level THCS": the key's fields
 * and values (stream form), for messages. */
static void
key_text(struct ingest *g, struct buf *b)
{
	const struct schema *s = g->schema;
	const struct schema_value *v;
	size_t i;

	for (i = 0; i < s->nkey; i++) {
		v = &g->v[s->key[i]];
		buf_printf(b, "%s%s ", i > 0 ? ", " : "", s->f[s->key[i]].name);
		buf_add(b, g->vals.p + v->off, v->len);
	}
}

/* claimed claims the row's key for the current file; a key the file
 * claimed on an earlier line makes the row a reject.  Returns 1 when the
 * row was rejected. */
static int
claimed(struct ingest *g, const struct csvin_row *row)
{
	const struct schema *s = g->schema;
	const struct schema_value *v;
	unsigned long first;
	size_t i;

	buf_reset(&g->key);
	for (i = 0; i < s->nkey; i++) {
		v = &g->v[s->key[i]];
		if (i > 0)
			buf_addc(&g->key, '\t');
		rec_escape(&g->key, g->vals.p + v->off, v->len);
	}
	if (keys_claim(g->keys, g->key.p, g->key.len, row->line, &first) == 0)
		return 0;
	buf_reset(&g->why);
	buf_adds(&g->why, "a second row for ");
	key_text(g, &g->why);
	buf_printf(&g->why, ": the first is line %lu", first);
	reject(g, row, -1, 0);
	return 1;
}

/* where_fails returns the first --where the row does not meet, its
 * reason in g->why, or -1. */
static long
where_fails(struct ingest *g)
{
	const struct schema_value *v;
	size_t k;

	for (k = 0; k < g->nwhere; k++) {
		v = &g->v[g->wfield[k]];
		if (v->len == g->wlen[k] && memcmp(g->vals.p + v->off,
		    g->wvalue[k], v->len) == 0)
			continue;
		buf_reset(&g->why);
		buf_printf(&g->why, "%s is \"", g->schema->f[g->wfield[k]].name);
		buf_add(&g->why, g->vals.p + v->off, v->len);
		buf_printf(&g->why, "\", not \"%s\" (--where)", g->wvalue[k]);
		return (long)k;
	}
	return -1;
}

static void
put_source(struct ingest *g, const struct csvin_row *row)
{
	if (!g->source)
		return;
	rec_puts(g->out, g->file);
	rec_put_int(g->out, (long long)row->line);
}

/* tell draws the progress line when it is due: files opened, rows
 * read, the bytes of the files as stored and their rate. */
static void
tell(struct ingest *g)
{
	double mb, secs;

	if (!g->progress || !progress_due())
		return;
	mb = (double)(input_total_bytes() + g->book_bytes) / 1e6;
	secs = progress_seconds();
	progress_show("%s: %llu file%s, %llu rows, %.1f MB, %.1f MB/s",
	    diag_prog(), *g->files, *g->files == 1 ? "" : "s", *g->read, mb,
	    secs > 0 ? mb / secs : 0.0);
}

static void
on_row(const struct csvin_row *row, void *arg)
{
	struct ingest *g = arg;
	const struct schema *s = g->schema;
	size_t i;
	long k;
	int r;

	if (!g->gotheader) {
		if (row->bad != NULL)
			fail(g, EXIT_DATA, g->file, row->line, "the header: "
			    "%s", row->bad);
		on_header(g, row);
		return;
	}
	(*g->read)++;
	/* The clock is looked at every 1024 rows, not on each. */
	if ((*g->read & 1023) == 0)
		tell(g);
	if (g->why.len > 0)	/* else it is empty, NUL-terminated, already */
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
		begin_row(g, row->line);
		for (i = 0; i < row->n; i++)
			put_nfc(g, g->out, row, row->f[i], row->len[i]);
		put_source(g, row);
		end_row(g);
		return;
	}
	g->vals.len = 0;	/* a base since ingest_new: p is not NULL */
	g->vals.p[0] = '\0';
	/* In g->order: the fields with a pattern first. */
	if ((k = schema_convert_row(s, g->plan, row->f, row->len, &g->vals,
	    g->needv || !row->plain ? g->v : NULL, &g->why, &g->scratch,
	    &r)) >= 0) {
		reject(g, row, k, r == -2);
		return;
	}
	if (s->nchk > 0 && (k = schema_check_row(s, g->v, g->vals.p, g->vname,
	    &g->why)) >= 0) {
		reject(g, row, (long)s->chk[k].left, 0);
		return;
	}
	if (g->nwhere > 0 && (k = where_fails(g)) >= 0) {
		(*g->excluded)++;
		reject(g, row, (long)g->wfield[k], 0);
		return;
	}
	if (g->keys != NULL && claimed(g, row))
		return;
	begin_row(g, row->line);
	if (row->plain && g->oneput && !g->source) {
		rec_put_raw_row(g->out, g->vals.p, g->vals.len);
		count_row(g);
		return;
	}
	if (row->plain && g->oneput)
		rec_put_raw(g->out, g->vals.p, g->vals.len);
	else for (i = 0; i < s->nf; i++)
		if (row->plain && g->plain[i])
			rec_put_raw(g->out, g->vals.p + g->v[i].off,
			    g->v[i].len);
		else
			rec_put(g->out, g->vals.p + g->v[i].off, g->v[i].len);
	put_source(g, row);
	end_row(g);
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
		bail(g, EXIT_DATA);
	if (k == 1)
		fail(g, EXIT_USAGE, g->file, 0, "empty input: no header "
		    "line");
	fail(g, EXIT_USAGE, g->file, 0, "no header in the first %lu "
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
		bail(g, EXIT_DATA);
	case 0:
		if (eg.s[eg.enc].score < ENC_MIN_SCORE)
			fail(g, EXIT_USAGE, g->file, 0, "cannot tell the "
			    "encoding (not UTF-8, and no Vietnamese in "
			    "cp1258, tcvn3 or viscii); give -e");
		fail(g, EXIT_USAGE, g->file, 0, "cannot tell the encoding "
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
		fail(g, EXIT_USAGE, input_name(in), 0, "cannot open: %s",
		    strerror(errno));
	g->cur_in = NULL;	/* the csvin's now */
	g->cur_ci = ci;
	g->file = csvin_name(ci);
	if (g->enc == ENC_AUTO)
		detect(g, ci);
	if (g->schema != NULL)
		find_header(g, ci, &line, &delim);
	else {
		if ((r = csvin_peek(ci, 1, &l, &len)) < 0)
			bail(g, EXIT_DATA);
		if (r == 0)
			fail(g, EXIT_USAGE, g->file, 0, "empty input: no "
			    "header line");
		if (delim == 0)
			delim = csvin_sniff(l, len, cands) > 0 ? cands[0] : ',';
	}
	if (csvin_read(ci, line, delim, on_row, g) < 0)
		bail(g, EXIT_DATA);
	if (!g->gotheader)
		fail(g, EXIT_USAGE, g->file, 0, "empty input: no header "
		    "line");
	g->cur_ci = NULL;
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
	size_t i, n = book_nsheets(b);
	char *end;
	unsigned long k;

	for (i = 0; i < n; i++)
		if (strcmp(book_sheet_name(b, i), name) == 0)
			return i;
	k = strtoul(name, &end, 10);
	if (*name >= '1' && *name <= '9' && *end == '\0' && k <= n)
		return k - 1;
	buf_reset(&g->why);
	for (i = 0; i < n; i++)
		buf_printf(&g->why, "%s\"%s\"", i ? ", " : "",
		    book_sheet_name(b, i));
	fail(g, EXIT_USAGE, g->file, 0, "no sheet \"%s\" (the sheets: %s)",
	    name, g->why.p);
}

/* pick_sheet chooses the sheet to read and its header row (0: the first
 * row): --sheet, or the first whose first rows hold the schema's header
 * (without a schema, the first with a row), naming every sheet passed
 * over and why. */
static size_t
pick_sheet(struct ingest *g, struct book *b, unsigned long *hdr)
{
	struct buf *err = &g->err;
	const struct book_row *br;
	size_t i, n = book_nsheets(b), bad = 0;
	int rc;

	*hdr = 0;
	if (g->sheet != NULL) {
		i = named_sheet(g, b, g->sheet);
		buf_reset(&g->why);
		if ((rc = book_peek(b, i, err)) == 0)
			rc = g->schema != NULL ? sheet_header(g, b, hdr, err) :
			    1;
		if (rc == 1)
			return i;
		/* A chart, or no header: the wrong sheet named. */
		buf_reset(&g->fname);
		buf_printf(&g->fname, "%s:%s", g->file, book_sheet_name(b, i));
		fail(g, rc == -1 ? EXIT_DATA : EXIT_USAGE, g->fname.p, 0,
		    "%s", rc == 0 ? g->why.p : err->p);
	}
	for (i = 0; i < n; i++) {
		buf_reset(err);
		buf_reset(&g->why);
		if ((rc = book_peek(b, i, err)) != 0)
			;	/* a chart (BOOK_NOT_SHEET), or unreadable */
		else if (g->schema != NULL)
			rc = sheet_header(g, b, hdr, err);
		else if ((rc = book_next(b, &br, err)) == 0)
			buf_adds(&g->why, "it is empty");
		if (rc == 1)
			return i;
		diag_msg(g->file, 0, "sheet \"%s\" passed over: %s",
		    book_sheet_name(b, i), rc == 0 ? g->why.p : err->p);
		bad += rc == -1;
	}
	/* A sheet that could not be read may have held it: a broken file,
	 * not a wrong one. */
	fail(g, bad ? EXIT_DATA : EXIT_USAGE, g->file, 0, "no sheet %s%s",
	    g->schema != NULL ? "holds the schema's header" : "has a row",
	    bad ? ", and a sheet could not be read" : "");
}

/* book_size counts, for the progress line, the bytes of a workbook that
 * were read by its path rather than through in. */
static void
book_size(struct ingest *g, const struct input *in, const char *path)
{
	struct stat st;

	if (g->progress && strcmp(path, "-") != 0 && stat(path, &st) == 0 &&
	    S_ISREG(st.st_mode) &&
	    (unsigned long long)st.st_size > input_raw_bytes(in))
		g->book_bytes += (unsigned long long)st.st_size -
		    input_raw_bytes(in);
}

/* ingest_book reads the chosen sheet of a workbook, row by row, as
 * ingest_text reads lines; in stays the caller's. */
static void
ingest_book(struct ingest *g, struct input *in, const char *path,
    enum book_kind kind)
{
	struct buf *err = &g->err;
	const struct book_row *br;
	struct book *b;
	unsigned long hdr;
	size_t i;
	long bad;
	int rc;

	g->file = input_name(in);
	if ((b = book_open(in, path, kind, err)) == NULL)
		fail(g, EXIT_DATA, g->file, 0, "%s", err->p);
	g->cur_book = b;
	i = pick_sheet(g, b, &hdr);
	buf_reset(&g->fname);
	buf_printf(&g->fname, "%s:%s", g->file, book_sheet_name(b, i));
	g->file = g->fname.p;
	g->cur_sheet = book_sheet_name(b, i);
	if (book_select(b, i, err) != 0)
		fail(g, EXIT_DATA, g->file, 0, "%s", err->p);
	while ((rc = book_next(b, &br, err)) == 1) {
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
		fail(g, EXIT_DATA, g->file, book_row_num(b), "%s", err->p);
	if (!g->gotheader)
		fail(g, EXIT_USAGE, g->file, 0, "no header row");
	g->cur_book = NULL;
	g->cur_sheet = NULL;
	book_close(b);
	book_size(g, in, path);
}

/* read_file reads path to the end, or bails. */
static void
read_file(struct ingest *g, const char *path)
{
	const unsigned char *magic;
	struct input *in;
	enum book_kind kind;
	ssize_t n;

	if ((in = input_open(path)) == NULL)
		fail(g, EXIT_USAGE, path, 0, "cannot open: %s",
		    strerror(errno));
	g->cur_in = in;
	g->gotheader = 0;
	(*g->files)++;
	tell(g);
	/* A workbook is told by its content, never its name. */
	if ((n = input_peek(in, 8, &magic)) < 0)
		bail(g, EXIT_DATA);
	kind = book_sniff(magic, (size_t)n);
	if (kind != BOOK_NONE) {
		ingest_book(g, in, path, kind);
		g->cur_in = NULL;
		input_close(in);
	} else
		ingest_text(g, in);
	free_names(g->colname, g->ncols);
	g->colname = NULL;
}

/* The counts a file changes, as they were before it. */
struct snap {
	unsigned long long read, rejected, title_rows, excluded, held;
	int		   started;
};

static void
take_snap(const struct ingest *g, struct snap *sn)
{
	sn->read = *g->read;
	sn->rejected = *g->rejected;
	sn->title_rows = *g->title_rows;
	sn->excluded = *g->excluded;
	sn->held = g->held;
	sn->started = g->started;
}

/* set_aside undoes what the current file did: its open files closed, its
 * rows, rejects and keys withdrawn, the counts as before it; the columns
 * too when it was the first file to set them. */
static void
set_aside(struct ingest *g, const struct snap *sn)
{
	struct ingest_count *fc = &g->fc[g->nfiles - 1];

	if (g->cur_book != NULL)
		book_close(g->cur_book);
	if (g->cur_ci != NULL)
		csvin_close(g->cur_ci);
	if (g->cur_in != NULL)
		input_close(g->cur_in);
	g->cur_book = NULL;
	g->cur_ci = NULL;
	g->cur_in = NULL;
	g->cur_sheet = NULL;
	free_names(g->colname, g->ncols);
	g->colname = NULL;
	fc->rows = *g->read - sn->read;
	*g->withdrawn += fc->rows;
	*g->read = sn->read;
	*g->rejected = sn->rejected;
	*g->title_rows = sn->title_rows;
	*g->excluded = sn->excluded;
	g->held = sn->held;
	if (!sn->started && g->started) {
		if (g->schema == NULL) {
			free_names(g->outname, g->nout);
			g->outname = NULL;
			g->nout = 0;
		}
		free(g->first);
		g->first = NULL;
		g->started = 0;
	}
	spool_withdraw(g->hold);
	spool_withdraw(g->rejhold);	/* set_aside: quarantine only */
	if (g->keys != NULL)
		keys_drop(g->keys);
}

/* done_file counts a file read, and with held rows commits its keys and
 * hands its rejects on. */
static void
done_file(struct ingest *g, const struct snap *sn, unsigned long long rank)
{
	struct ingest_count *fc = &g->fc[g->nfiles - 1];

	fc->rows = *g->read - sn->read;
	fc->rejected = *g->rejected - sn->rejected;
	if (g->hold == NULL)
		return;
	if (g->keys != NULL)
		keys_commit(g->keys, g->nfiles - 1, rank);
	if (g->quarantine) {
		headers(g);
		if (g->real_rej != NULL)
			spool_copy(g->rejhold, g->real_rej);
	}
	spool_mark(g->hold);
}

int
ingest_file(struct ingest *g, const char *path, unsigned long long rank,
    const char **why)
{
	struct snap sn;
	jmp_buf jb;

	if (g->nfiles == g->fcap) {
		g->fcap = g->fcap ? 2 * g->fcap : 16;
		g->fc = xrealloc(g->fc, g->fcap * sizeof *g->fc);
		g->fname_of = xrealloc(g->fname_of, g->fcap *
		    sizeof *g->fname_of);
	}
	memset(&g->fc[g->nfiles], 0, sizeof g->fc[g->nfiles]);
	g->fname_of[g->nfiles++] = NULL;
	take_snap(g, &sn);
	if (g->quarantine) {
		if (setjmp(jb) != 0) {
			set_aside(g, &sn);
			if (why != NULL)
				*why = g->reason.p;
			return -1;
		}
		g->trap = &jb;
	}
	read_file(g, path);
	g->trap = NULL;
	done_file(g, &sn, rank);
	return 0;
}

/* field_at finds field k of the stream row p[0..n): *f, *len. */
static void
field_at(const char *p, size_t n, size_t k, const char **f, size_t *len)
{
	const char *e = p + n, *t;

	for (; k > 0 && (t = memchr(p, '\t', (size_t)(e - p))) != NULL; k--)
		p = t + 1;
	t = memchr(p, '\t', (size_t)(e - p));
	*f = p;
	*len = (size_t)((t != NULL ? t : e) - p);
}

/* release writes one held row "file<TAB>line<TAB>row": to the output
 * when no newer row holds its key, else to the superseded rows. */
static void
release(char *row, size_t n, void *arg)
{
	struct ingest *g = arg;
	const struct schema *s = g->schema;
	const char *rest, *kf;
	char *end;
	size_t fi, wf, i, klen;
	unsigned long line, wl;

	fi = (size_t)strtoull(row, &end, 10);
	line = strtoul(end + 1, &end, 10);
	rest = end + 1;
	n -= (size_t)(rest - row);
	if (g->keys != NULL) {
		buf_reset(&g->key);
		for (i = 0; i < s->nkey; i++) {
			field_at(rest, n, s->key[i], &kf, &klen);
			if (i > 0)
				buf_addc(&g->key, '\t');
			buf_add(&g->key, kf, klen);
		}
		if (keys_winner(g->keys, g->key.p, g->key.len, &wf, &wl) == 0 &&
		    (wf != fi || wl != line)) {
			(*g->superseded)++;
			g->fc[fi].superseded++;
			if (g->sup == NULL)
				return;
			rec_puts(g->sup, g->fname_of[fi]);
			rec_put_int(g->sup, (long long)line);
			rec_puts(g->sup, g->fname_of[wf]);
			rec_put_int(g->sup, (long long)wl);
			for (i = 0; i < s->nkey; i++) {
				field_at(rest, n, s->key[i], &kf, &klen);
				rec_put_raw(g->sup, kf, klen);
			}
			rec_endrow(g->sup);
			return;
		}
	}
	rec_put_raw(g->real_out, rest, n);
	rec_endrow(g->real_out);
	(*g->written)++;
	g->fc[fi].written++;
}

void
ingest_finish(struct ingest *g)
{
	if (g->hold == NULL)
		return;
	/* With a schema the columns are known: a night with no file read
	 * still gives a stream, an empty one. */
	if (g->schema != NULL)
		headers(g);
	spool_each(g->hold, release, g);
	g->held = 0;
}

void
ingest_inbox(struct ingest *g, struct inbox *ib)
{
	struct inbox_file *f;
	const struct ingest_count *c;
	const char *why;
	size_t i, n = 0;
	size_t *fileno = xcalloc(ib->n ? ib->n : 1, sizeof *fileno);
	/* Counted as it goes: a fatal error still tells how far it got. */
	unsigned long long *nread = stats_counter("files_read");
	unsigned long long *nbad = stats_counter("files_quarantined");

	stats_set("files_skipped", inbox_count(ib, INBOX_SKIPPED));
	inbox_rank(ib);
	for (i = 0; i < ib->n; i++) {
		f = &ib->f[i];
		if (f->status == INBOX_SKIPPED) {
			diag_msg(f->path, 0, "skipped: %s", f->reason);
			continue;
		}
		fileno[i] = n++;
		if (ingest_file(g, f->path, f->rank, &why) == 0) {
			inbox_set(f, INBOX_READ, NULL);
			(*nread)++;
			continue;
		}
		inbox_set(f, INBOX_QUARANTINED, why);
		(*nbad)++;
		c = ingest_count(g, fileno[i]);
		if (c->rows > 0)
			diag_msg(f->path, 0, "quarantined: its %llu row%s "
			    "withdrawn", c->rows, c->rows == 1 ? " is" :
			    "s are");
		else
			diag_msg(f->path, 0, "quarantined");
	}
	ingest_finish(g);
	for (i = 0; i < ib->n; i++) {
		f = &ib->f[i];
		if (f->status == INBOX_SKIPPED)
			continue;
		c = ingest_count(g, fileno[i]);
		f->rows = c->rows;
		f->written = c->written;
		f->rejected = c->rejected;
		f->superseded = c->superseded;
	}
	free(fileno);
}

const struct ingest_count *
ingest_count(const struct ingest *g, size_t i)
{
	return i < g->nfiles ? &g->fc[i] : NULL;
}

/* where_new takes --where: each field a schema field, each value as the
 * field converts it (" 2022 - 2023" is 2022-2023); exit 2 otherwise. */
static void
where_new(struct ingest *g, const struct ingest_opts *o)
{
	const struct schema *s = o->schema;
	struct schema_value v;
	size_t k, i;

	if (o->nwhere == 0)
		return;
	if (s == NULL)
		diag_fatal(EXIT_USAGE, NULL, 0, "--where needs a schema (-s): "
		    "values are compared as their field converts them");
	g->nwhere = o->nwhere;
	g->wfield = xcalloc(o->nwhere, sizeof *g->wfield);
	g->wvalue = xcalloc(o->nwhere, sizeof *g->wvalue);
	g->wlen = xcalloc(o->nwhere, sizeof *g->wlen);
	for (k = 0; k < o->nwhere; k++) {
		for (i = 0; i < s->nf; i++)
			if (strcmp(s->f[i].name, o->where_field[k]) == 0)
				break;
		if (i == s->nf)
			diag_fatal(EXIT_USAGE, NULL, 0, "--where %s=%s: no field "
			    "%s in %s", o->where_field[k], o->where_value[k],
			    o->where_field[k], s->path);
		buf_reset(&g->tmp);
		buf_reset(&g->why);
		if (schema_convert(s, i, o->where_value[k],
		    strlen(o->where_value[k]), &g->tmp, &v, &g->why,
		    &g->scratch) != 0 || !v.present)
			diag_fatal(EXIT_USAGE, NULL, 0, "--where %s=%s: %s",
			    o->where_field[k], o->where_value[k],
			    v.present ? g->why.p : "an empty value");
		g->wfield[k] = i;
		g->wvalue[k] = xstrndup(g->tmp.p + v.off, v.len);
		g->wlen[k] = v.len;
	}
}

/* sup_header writes the superseded rows' header. */
static void
sup_header(struct ingest *g)
{
	const struct schema *s = g->schema;
	size_t i;

	rec_puts(g->sup, "file");
	rec_puts(g->sup, "line");
	rec_puts(g->sup, "by_file");
	rec_puts(g->sup, "by_line");
	for (i = 0; i < s->nkey; i++)
		rec_puts(g->sup, s->f[s->key[i]].name);
	rec_endrow(g->sup);
}

/* plain_values: what f converts a text that needs no escape to needs
 * none either.  Strings are in NFC, numbers, bools and years in digits
 * and signs; only an enum's canonical values could hold a TAB or a
 * backslash. */
static int
plain_values(const struct schema_field *f)
{
	size_t i, n;

	if (f->type != SCHEMA_ENUM)
		return 1;
	for (i = 0; i < f->nvalues; i++) {
		n = strlen(f->values[i]);
		if (scan_esc(f->values[i], n) < n)
			return 0;
	}
	return 1;
}

struct ingest *
ingest_new(const struct ingest_opts *o, struct rec_writer *out,
    struct rec_writer *rej, struct rec_writer *sup)
{
	struct ingest *g = xcalloc(1, sizeof *g);
	const struct schema *s = o->schema;
	size_t i, j;

	g->schema = s;
	g->enc = o->enc;
	g->delim = o->delim;
	g->source = o->source;
	g->sheet = o->sheet;
	g->quarantine = o->quarantine;
	g->progress = o->progress;
	g->out = g->real_out = out;
	g->rej = g->real_rej = rej;
	if (s != NULL && s->nkey > 0) {
		g->keys = keys_new();
		g->sup = sup;
		if (sup != NULL)
			sup_header(g);
	}
	if (g->keys != NULL || g->quarantine) {
		g->hold = spool_new("the rows held back");
		g->out = g->hold->w;
	}
	if (g->quarantine) {
		g->rejhold = spool_new("the rejects held back");
		if (rej != NULL)
			g->rej = g->rejhold->w;
	}
	where_new(g, o);
	g->read = stats_counter("rows_read");
	g->written = stats_counter("rows_written");
	g->rejected = stats_counter("rows_rejected");
	g->files = stats_counter("files");
	g->title_rows = stats_counter("title_rows");
	g->superseded = stats_counter("rows_superseded");
	g->excluded = stats_counter("rows_excluded");
	g->withdrawn = stats_counter("rows_withdrawn");
	if (s != NULL) {
		g->nout = s->nf;
		g->outname = xcalloc(s->nf, sizeof *g->outname);
		for (i = 0; i < s->nf; i++)
			g->outname[i] = xstrdup(s->f[i].name);
		g->src = xcalloc(s->nf, sizeof *g->src);
		g->v = xcalloc(s->nf, sizeof *g->v);
		g->vname = xcalloc(s->nf, sizeof *g->vname);
		g->had = xcalloc(s->nf, 1);
		g->plain = xcalloc(s->nf, 1);
		for (i = 0; i < s->nf; i++)
			g->plain[i] = plain_values(&s->f[i]);
		g->order = xcalloc(s->nf, sizeof *g->order);
		g->plan = xcalloc(s->nf, sizeof *g->plan);
		for (i = j = 0; i < s->nf; i++)
			if (s->f[i].pattern != NULL)
				g->order[j++] = i;
		for (i = 0; i < s->nf; i++)
			if (s->f[i].pattern == NULL)
				g->order[j++] = i;
		g->oneput = 1;
		for (i = 0; i < s->nf; i++)
			if (g->order[i] != i || !g->plain[i])
				g->oneput = 0;
		buf_grow(&g->vals, 0);	/* a base even for empty rows */
		g->needv = !g->oneput || s->nchk > 0 || g->nwhere > 0 ||
		    g->keys != NULL;
	}
	return g;
}

void
ingest_free(struct ingest *g)
{
	size_t i;

	if (g == NULL)
		return;
	free_names(g->outname, g->nout);
	free_names(g->colname, g->ncols);
	free(g->first);
	free(g->src);
	free(g->v);
	free(g->vname);
	free(g->had);
	free(g->plain);
	free(g->order);
	free(g->plan);
	for (i = 0; i < g->nwhere; i++)
		free(g->wvalue[i]);
	free(g->wfield);
	free(g->wvalue);
	free(g->wlen);
	for (i = 0; i < g->nfiles; i++)
		free(g->fname_of[i]);
	free(g->fname_of);
	free(g->fc);
	spool_free(g->hold);
	spool_free(g->rejhold);
	keys_free(g->keys);
	buf_free(&g->key);
	buf_free(&g->reason);
	buf_free(&g->vals);
	buf_free(&g->why);
	buf_free(&g->scratch);
	buf_free(&g->tmp);
	buf_free(&g->err);
	buf_free(&g->fname);
	free(g->bf);
	free(g->blen);
	free(g);
}
