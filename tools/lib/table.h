/* table — a reference table held in memory and looked up by key
 * (luong-join's -t: the plan's targets).
 *
 * A table is a header of field names and rows of values, all of it in
 * memory: it is reference data, tens of rows for a province, not a
 * stream.  Its format is chosen by its name: *.yaml or *.yml, a YAML list
 * of mappings (one per row; the fields are every key seen, in order of
 * first appearance, and a key a row lacks, or "~", is an empty value);
 * *.csv or *.csv.gz, CSV read through csvin as luong-ingest reads an
 * export (encoding told from the file, BOM, RFC 4180 quoting, "," ";" or
 * TAB sniffed from the header line); anything else, a record stream
 * (luong-stream(5)), gzipped or not.  Values are stored in NFC, and kept
 * as written otherwise ("27,92" stays "27,92").
 *
 * Keys: table_index makes a set of fields the key; table_find looks up a
 * key's values, compared after NFC and in stream form (so a TAB in a
 * value cannot fake a field boundary).  An empty value is not a key: a
 * row with one is never indexed, and a lookup with one finds nothing.
 *
 * A struct table owns everything in it until table_free.  */
#ifndef LUONG_TABLE_H
#define LUONG_TABLE_H

#include <stddef.h>

#include "buf.h"

#define TABLE_NONE	((size_t)-1)

struct hash;

struct table {
	const char	 *path;		/* borrowed from table_load's caller */
	size_t		  nf;
	char		**name;		/* the header, owned */
	size_t		  nrows;
	char		**val;		/* [row * nf + field]: owned, NFC,
					   never NULL ("" when empty) */
	unsigned long	 *line;		/* the line each row starts on */
	/* private */
	size_t		  cap;
	size_t		 *key, nkey;	/* the indexed fields */
	struct hash	 *index;	/* key -> row */
	struct buf	  kb, tmp;
};

/* table_load reads the table at path (borrowed: it must outlive the
 * table), in the format its name says.  Returns it owned.  It does not
 * return on an error in the file; it prints "prog: path:line: message"
 * and exits: 2 when it cannot be opened, has no header, has a header
 * field with no name or a name twice, is not a list of mappings (YAML,
 * with line and column) or its encoding cannot be told; 1 for a malformed
 * row (the wrong number of fields, a quoted field still open at the end,
 * invalid UTF-8, a NUL byte). */
struct table *table_load(const char *path);

/* table_free frees t and everything in it; NULL is a no-op. */
void table_free(struct table *t);

/* table_field returns the index of the field called name, or -1. */
int table_field(const struct table *t, const char *name);

/* table_value returns value f of row i (borrowed, valid until
 * table_free or table_where). */
const char *table_value(const struct table *t, size_t i, size_t f);

/* table_where keeps only the rows whose field f equals value (NFC, as
 * cli_pair gives it) byte for byte, in their order, and returns how many
 * it left out.  Call it before table_index: row numbers change. */
size_t table_where(struct table *t, size_t f, const char *value);

/* table_index makes fields[0..n) (borrowed indexes into the header; n >
 * 0) the table's key and indexes every row whose key values are all
 * non-empty.  Returns 0, or -1 when two rows have the same key: then
 * dup[0] is the first of them and dup[1] the second (row indexes), and
 * the table has no index. */
int table_index(struct table *t, const size_t *fields, size_t n,
    size_t dup[2]);

/* table_find returns the row whose key equals v[0..n) (lengths len; n
 * the number of key fields; borrowed), or TABLE_NONE: no such row, an
 * empty value, no index.  Values that are not valid UTF-8 are compared
 * as they are.  */
size_t table_find(struct table *t, char *const *v, const size_t *len);

#endif
