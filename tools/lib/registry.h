/* registry — the schools expected to report (luong-registry(5)).
 *
 * A registry is a table (table.h: a record stream, CSV or YAML; values
 * in NFC), one row a school, with at least the fields school_id, level
 * and district_code, none of them empty, and optionally school_name,
 * valid_from and valid_to: ISO dates (period_date), the first day the
 * school is open and the first day it no longer is (exclusive), an empty
 * or absent one unbounded.  registry_load checks all of it, and marks
 * every row expected; registry_year keeps expected the schools open at
 * some time in a school year, those whose validity overlaps the year's
 * [Y-09-01, (Y+1)-09-01) (period.h).  registry_key indexes the rows on
 * the fields a stream is matched by (luong-expect -k), a key no two rows
 * share; lookups compare after NFC.
 *
 * Every error in the file is a configuration error: it prints "prog:
 * path:line: message" and exits 2 (a malformed row, as table_load reads
 * it, exits 1).
 *
 * Memory: the table and a byte a row, owned by the struct registry until
 * registry_free.  */
#ifndef LUONG_REGISTRY_H
#define LUONG_REGISTRY_H

#include <stddef.h>

#include "buf.h"

#define REGISTRY_NONE	((size_t)-1)

struct gaz;
struct table;

struct registry {
	struct table	 *t;		/* owned; t->path is the path */
	/* Field indexes into t: the required ones are >= 0, the optional
	 * ones -1 when the registry does not have them. */
	int		  id, level, code, name, from, to;
	unsigned char	 *expected;	/* per row: 1 when expected */
	size_t		  nexpected;	/* the rows expected */
	int		  year;		/* registry_year's, or -1 */
	/* private */
	size_t		 *key, nkey;	/* registry_key's fields */
};

/* registry_load reads and checks the registry at path (borrowed: it must
 * outlive the registry).  Returns it owned, every row expected.  It does
 * not return on an error: a field it needs missing from the header, a
 * required value empty, a date that is not one, valid_to not after
 * valid_from, exit 2 with path:line; what table_load refuses, as it
 * says. */
struct registry *registry_load(const char *path);

/* registry_free frees reg and its table; NULL is a no-op. */
void registry_free(struct registry *reg);

/* registry_year expects exactly the rows open at some time in the school
 * year first-(first+1) (period.h): valid_from before (first+1)-09-01 and
 * valid_to after first-09-01, an empty one always.  Sets nexpected. */
void registry_year(struct registry *reg, int first);

/* registry_codes checks every row's district_code against the gazetteer
 * g (gaz_by_code): one that is not a unit of it is exit 2, "path:line:
 * district_code \"999\" is not in the gazetteer GAZ". */
void registry_codes(const struct registry *reg, const struct gaz *g);

/* registry_key makes fields[0..n) (borrowed indexes into the header, as
 * table_field finds them; n > 0) the key.  A row with an empty key value,
 * or two rows with one key, is exit 2 with path:line (the second row's,
 * the first's line in the message). */
void registry_key(struct registry *reg, const size_t *fields, size_t n);

/* registry_key_text appends row i's key as "school_id=80794201,
 * level=THCS" (registry_key's fields; values shown as text_show does). */
void registry_key_text(const struct registry *reg, size_t i, struct buf *b);

/* registry_find returns the row whose key values equal v[0..n) (lengths
 * len; borrowed), compared after NFC, or REGISTRY_NONE: no such row, or an
 * empty value.  Expected or not: see reg->expected. */
size_t registry_find(struct registry *reg, char *const *v,
    const size_t *len);

/* registry_value returns field f of row i (borrowed, valid until
 * registry_free); "" when f < 0, a field the registry does not have. */
const char *registry_value(const struct registry *reg, size_t i, int f);

/* registry_line returns the line row i starts on. */
unsigned long registry_line(const struct registry *reg, size_t i);

/* registry_why appends why row i, not expected in registry_year's year,
 * is not, for a message: "closed before 2022-2023 (valid_to 2022-08-01)"
 * or "opens after 2022-2023 (valid_from 2023-09-05)". */
void registry_why(const struct registry *reg, size_t i, struct buf *b);

#endif
