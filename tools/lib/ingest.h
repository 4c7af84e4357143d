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
 * Counts (stats.h), kept as they happen, so that an early exit reports
 * them: rows_read (data rows: not title rows, the header or blank lines),
 * rows_written, rows_rejected, files (files opened), title_rows (lines
 * above each file's header).
 *
 * Errors exit from inside ingest_file: 2 with "prog: file:line: message"
 * for a file that cannot be opened, whose encoding ENC_AUTO cannot tell,
 * that is empty or whose header is not found or does not fit; 1 for a
 * read error or text that is not valid in its encoding (csvin prints it).
 *
 * Memory: bounded by the longest row and the schema; nothing is allocated
 * per row once the buffers have grown.  */
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
};

struct ingest;

/* ingest_new starts an ingest writing to out and, when rej is not NULL,
 * rejected rows to rej.  o, its schema, out and rej are borrowed and must
 * outlive the ingest; the writers stay the caller's to flush and free. */
struct ingest *ingest_new(const struct ingest_opts *o, struct rec_writer *out,
    struct rec_writer *rej);

/* ingest_file reads path ("-": standard input) to the end.  Returns only
 * when every row was written or rejected; errors exit as above. */
void ingest_file(struct ingest *g, const char *path);

/* ingest_free frees g; ingest_free(NULL) is a no-op. */
void ingest_free(struct ingest *g);

#endif
