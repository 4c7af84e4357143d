/* ingest — school exports to the record stream, one file at a time: the
 * read, map, convert and reject loop of luong-ingest(1).
 *
 * Each file given to ingest_file is read through csvin (gzip by magic,
 * the encoding, BOM, CRLF, RFC 4180 records).  Its header is line 1
 * without a schema; with one, the first line within CSVIN_PEEK_MAX that
 * names every required field (the lines above it are title rows, skipped).
 * The header is mapped to the output columns — the schema's fields, or
 * without a schema the first file's header, which every later file must
 * repeat — and each row is written to out in NFC, converted and checked by
 * the schema.  A bad row (the wrong number of fields, a value that does
 * not convert, a failed check) is rejected: told on stderr as
 * "prog: file:line: ..." and, when there is a rejects writer, written
 * there with its raw text.  The headers of out and of the rejects are
 * written when the first file's header is found.  Flushing the writers
 * is the caller's: luong-ingest's rejects file is a cli_side, flushed at
 * exit however the program ends, so that a run stopped by an error leaves
 * every reject so far in the file.
 *
 * A schema with a key (luong-schema(5)) holds the rows back in a spool
 * (spool.h) behind their file's number and line: each file's rows claim
 * their keys (keys.h), the same key twice in a file is a reject, and
 * ingest_finish writes the row of the newest file for each key and sends
 * the others to the superseded rows.  With quarantine (--max-bad-files) the
 * rows are held too, and a file's rejects until it is done: a file whose
 * fault is found halfway is set aside with everything it gave.
 *
 * Counts (stats.h), kept as they happen, so that an early exit reports
 * them: rows_read (data rows: not title rows, the header or blank lines),
 * rows_written (held rows when ingest_finish writes them), rows_rejected,
 * files (files opened), title_rows, rows_superseded, rows_excluded (by
 * --where, among rows_rejected), rows_withdrawn (of files set aside, not
 * among rows_read); ingest_inbox adds files_read, files_quarantined and
 * files_skipped.
 *
 * Errors exit from inside ingest_file, unless quarantine sets the file
 * aside (the fault told all the same): 2 with "prog: file:line: message"
 * for a file that cannot be opened, whose encoding ENC_AUTO cannot tell,
 * that is empty or whose header is not found or does not fit; 1 for a
 * read error or text that is not valid in its encoding (csvin prints it).
 * Write errors and running out of memory are never a file's fault: they
 * exit.
 *
 * Memory: bounded by the longest row and the schema; nothing is allocated
 * per row once the buffers have grown.  A key adds an entry per distinct
 * key, and every file read an entry (its name and counts).  */
#ifndef LUONG_INGEST_H
#define LUONG_INGEST_H

#include "csvin.h"

struct rec_writer;
struct schema;

struct ingest_opts {
	const struct schema *schema;	/* NULL: every column passes */
	enum enc	 enc;		/* ENC_AUTO: decided per file */
	char		 delim;		/* 0: sniffed per file */
	int		 source;	/* add _file and _line to every row */
	const char	*sheet;		/* a workbook's sheet: name or 1-based
					 * number; NULL: found (see above) */
	/* --where: rows whose field converts to another value are
	 * rejected (and counted rows_excluded); needs a schema. */
	const char *const *where_field, *const *where_value;
	size_t		 nwhere;
	/* A file that cannot be read is set aside, not fatal. */
	int		 quarantine;
	/* Draw progress.h's line (files, rows, MB, MB/s) as the rows go
	 * by; progress_start and progress_end are the caller's. */
	int		 progress;
};

/* A file's counts: rows read (of a file set aside: before its fault),
 * written, rejected and superseded. */
struct ingest_count {
	unsigned long long rows, written, rejected, superseded;
};

struct ingest;

/* ingest_new starts an ingest writing to out, rejected rows to rej and
 * superseded rows to sup (each may be NULL but out).  o, its schema and
 * the writers are borrowed and must outlive the ingest; the writers stay
 * the caller's to flush and free.  --where values that do not convert
 * are exit 2. */
struct ingest *ingest_new(const struct ingest_opts *o, struct rec_writer *out,
    struct rec_writer *rej, struct rec_writer *sup);

/* ingest_file reads path ("-": standard input) to the end, as file number
 * n (0, 1, ... in the order of the calls); rank orders it among the files
 * for a key (greater: newer).  Returns 0 when every row was written,
 * held or rejected.  A file that cannot be read exits as above; with
 * o->quarantine it is set aside instead: its rows, rejects and keys are
 * withdrawn, and ingest_file returns -1 with the reason in *why
 * (borrowed, until the next call). */
int ingest_file(struct ingest *g, const char *path, unsigned long long rank,
    const char **why);

/* ingest_finish writes the rows held back (a key, or quarantine): those
 * whose key no newer row holds to out, the others to sup.  Call it once,
 * after the last file. */
void ingest_finish(struct ingest *g);

/* ingest_inbox reads every file of ib that is not skipped, telling on
 * stderr each file skipped or set aside, then ingest_finish; each file's
 * status, reason and counts are set, and the counters files_read,
 * files_quarantined and files_skipped. */
struct inbox;
void ingest_inbox(struct ingest *g, struct inbox *ib);

/* ingest_count is file number i's counts, complete after ingest_finish. */
const struct ingest_count *ingest_count(const struct ingest *g, size_t i);

/* ingest_free frees g; ingest_free(NULL) is a no-op. */
void ingest_free(struct ingest *g);

#endif
