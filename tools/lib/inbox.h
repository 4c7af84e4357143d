/* inbox — the files luong-ingest reads, each accounted for: read,
 * quarantined or skipped (luong-ingest(1), FILES READ).
 *
 * An operand that names a directory stands for the files in it (not in
 * its subdirectories), in bytewise order of name.  A regular file there
 * whose name ends, in any case, in .csv, .tsv, .xlsx or .xls, each
 * optionally followed by .gz, is an export to read; the content then
 * says how.  Anything else in the directory (a README, a .bak, a .part
 * still being uploaded, a subdirectory) is skipped, with its reason.  An
 * operand that names a file is read whatever its name: it was asked for.
 *
 * Each file has a rank for "the newest submission wins": its
 * modification time, then its name bytewise; standard input ranks as of
 * when it is read.
 *
 * The table of files is written as a record stream:
 *     file status reason modified rows written rejected superseded
 * file is the name relative to its directory operand (the operand itself
 * otherwise); modified is the modification time in UTC, ISO 8601; the
 * counts are empty where they do not apply (a skipped file's, and a
 * quarantined file's written, rejected and superseded: none count).
 *
 * Memory: one entry per file.  */
#ifndef LUONG_INBOX_H
#define LUONG_INBOX_H

#include <time.h>

struct rec_writer;

enum inbox_status { INBOX_UNREAD, INBOX_READ, INBOX_QUARANTINED,
    INBOX_SKIPPED };

struct inbox_file {
	char		*path;		/* to open: "-" for standard input */
	char		*name;		/* as the table names it */
	struct timespec	 mtime;
	unsigned long long rank;	/* greater: newer */
	enum inbox_status status;
	char		*reason;	/* NULL: none */
	unsigned long long rows, written, rejected, superseded;
};

struct inbox {
	struct inbox_file *f;
	size_t		   n, cap;
};

/* inbox_add adds an operand: "-" (standard input), a file, or a
 * directory's files.  A missing operand, or a directory that cannot be
 * listed, is exit 2 with "prog: operand: cannot open: reason". */
void inbox_add(struct inbox *ib, const char *operand);

/* inbox_rank sets every file's rank once all operands are added. */
void inbox_rank(struct inbox *ib);

/* inbox_is_export says whether name ends in an export's extension. */
int inbox_is_export(const char *name);

/* inbox_set records a file's fate; reason is copied (NULL: none). */
void inbox_set(struct inbox_file *f, enum inbox_status st,
    const char *reason);

/* inbox_count counts the files with status st. */
unsigned long long inbox_count(const struct inbox *ib, enum inbox_status st);

/* inbox_write writes the table, every file that is not INBOX_UNREAD. */
void inbox_write(const struct inbox *ib, struct rec_writer *w);

void inbox_free(struct inbox *ib);

#endif
