/* group — group-by over the record stream, on agg's table of partial sums
 * (struct agg_groups): the key of a group, the order groups are written
 * in, and the total rows that sum groups over some of their fields.
 *
 * A group's key is the values of its ng group fields, each in stream form
 * (rec_escape), joined by TAB.  An escaped value holds no TAB, so a key
 * splits back into its ng parts unambiguously, and a part goes to a
 * stream as it is (rec_put_raw).  */
#ifndef LUONG_GROUP_H
#define LUONG_GROUP_H

#include <stddef.h>

#include "buf.h"

struct agg_groups;
struct gaz;
struct rec_reader;
struct rec_writer;

/* group_key sets key to the key of a row: the fields f[gi[0..ng)] (as a
 * rec_reader gives them, lengths len[]; borrowed), or with gi NULL the
 * first ng fields.  key always has a buffer after it, even for a key of
 * one empty value. */
void group_key(struct buf *key, char *const *f, const size_t *len,
    const int *gi, size_t ng);

/* group_key_row is group_key for the current row of r; a plain row's
 * fields are their stream form already, and go into the key as they are
 * (rec.h). */
void group_key_row(struct buf *key, const struct rec_reader *r,
    const int *gi, size_t ng);

/* group_add_row adds the group of r's current row (its fields gi[0..ng),
 * or with gi NULL its first ng) to t and returns its index, as
 * agg_groups_add of group_key_row's key does.  A plain row's fields side
 * by side are looked up where they are in the row (the row is as it was
 * after); key is for the others. */
size_t group_add_row(struct agg_groups *t, struct buf *key,
    const struct rec_reader *r, const int *gi, size_t ng);

/* group_key_part returns part j (0-based, less than the key's number of
 * parts) of key, borrowed, and sets *n to its length: the part runs on
 * into the rest of the key, so use n, not a NUL. */
const char *group_key_part(const char *key, size_t j, size_t *n);

/* group_put_key writes the ng parts of key to w as fields, as they are;
 * with value not NULL, a part j with value[j] not NULL is written as that
 * text instead (escaped, rec_puts). */
void group_put_key(struct rec_writer *w, const char *key, size_t ng,
    const char *const *value);

/* A gazetteer's units as an order for group fields: each unit's name and
 * code, in stream form, to its place in the report order.  It keeps
 * nothing of the gazetteer, which may be freed. */
struct group_units;

struct group_units *group_units_new(const struct gaz *g);
void group_units_free(struct group_units *u);

/* group_unknown_fn is told, once, of each value of a ranked part that is
 * no unit's name or code: the part j and the value v[0..n), borrowed. */
typedef void group_unknown_fn(void *arg, size_t j, const char *v, size_t n);

/* group_order returns the order to write the groups of t in, ng parts to
 * a key: a new array (owned by the caller, free) of agg_groups_count(t)
 * group indices.  With u NULL it is the order of first appearance.  Else
 * the groups are sorted part by part: a part j with ranked[j] set by the
 * place of the unit it names (values that name no unit after every unit,
 * in order of appearance, each told to unknown when it is not NULL), any
 * other part by the first appearance of its value; groups equal in every
 * part keep their order of first appearance. */
size_t *group_order(const struct agg_groups *t, size_t ng,
    const struct group_units *u, const int *ranked,
    group_unknown_fn *unknown, void *arg);

/* How many values of a part group_report_order names before it counts. */
#define GROUP_UNKNOWN_MAX	10

/* group_report_order is group_order for a report: with u, the parts named
 * field (names[0..ng) are the parts' names) or field "_code" ranked by
 * the gazetteer's order, and each of their values that is no unit named
 * on stderr as "FILE: PART "VALUE" is not in the gazetteer: its rows come
 * last" (file: the gazetteer's), at most GROUP_UNKNOWN_MAX values a part,
 * then one line that counts the rest.  With u NULL, first appearance.
 * Returns the order, owned. */
size_t *group_report_order(const struct agg_groups *t, char *const *names,
    size_t ng, const struct group_units *u, const char *file,
    const char *field);

/* The total rows of a table of groups. */
struct group_totals {
	struct agg_groups *t;	/* the totals, with their sums */
	size_t		  *rep;	/* rep[i]: a group of total i (the first) */
	size_t		   n;
};

/* group_totals sums the groups of t, taken in the order perm[0..n) (a
 * permutation of its indices, as group_order gives), over the parts j
 * that value[j] names (not NULL: the value a total row gives the part):
 * one total for each combination of the values of the other parts, in
 * the order they first come, with the sums of every indicator (nind) and
 * the counts (struct agg_counts).  Total i takes the values of its other
 * parts from its group rep[i] (group_put_key(w, key of rep[i], ng,
 * value) writes them); its keys in tot->t are internal.  Returns 0, or -1
 * when a total overflows (tot then holds nothing to free): bad[0] is the
 * indicator whose sums overflow, or nind for the counts, and bad[1] the
 * group of t whose sums made it overflow. */
int group_totals(struct group_totals *tot, struct agg_groups *t, size_t ng,
    size_t nind, const size_t *perm, const char *const *value,
    size_t bad[2]);

void group_totals_free(struct group_totals *tot);

#endif
