/* aggrow — the rows of an aggregation (luong-rates): the fields a group's
 * row has, writing it, and reading partial rows back to merge them.
 *
 * A row is the group fields, then with a coverage NAME its two counts
 * NAME_expected and NAME_reported, then for each indicator its three
 * fields (agg_fields_names).  In the final form they are name_num,
 * name_den and name, the rate.  In the partial form (--partial) the
 * group fields are followed by _rows, the source rows read into the
 * group, then the coverage counts, and each indicator's fields are
 * name_num, name_den and name_miss: raw sums, so that the outputs of
 * parts of an input add up (--merge) to what one run over all of it
 * gives.  Memory: nothing is kept between calls.  */
#ifndef LUONG_AGGROW_H
#define LUONG_AGGROW_H

#include <stddef.h>

#include "buf.h"

struct agg_acc;
struct agg_counts;
struct agg_groups;
struct agg_ind;
struct rec_reader;
struct rec_writer;

/* The fields of a row (all borrowed): the group fields gname[0..ng),
 * the coverage's name (NULL: none), the indicators ind[0..nind). */
struct aggrow_form {
	char *const		*gname;
	size_t			 ng;
	const char		*cov;
	const struct agg_ind	*ind;
	size_t			 nind;
};

enum {
	AGGROW_OK,
	AGGROW_DUP_GROUP,	/* group field *which is named twice */
	AGGROW_DUP_COVERAGE,	/* coverage field *which (0 NAME_expected,
				   1 NAME_reported) is a group field */
	AGGROW_DUP_FIELD	/* indicator *which makes a field already there */
};

/* aggrow_check_names checks that the fields of a row of form fm are named
 * once each: the group fields, "_rows" when rows is set (the partial
 * form, or a merge that reads it), the coverage's and those of the
 * indicators in the form partial says.  Returns AGGROW_OK, or the
 * problem with *which its index and, for AGGROW_DUP_COVERAGE and
 * AGGROW_DUP_FIELD, the field's name appended to name. */
int aggrow_check_names(const struct aggrow_form *fm, int partial, int rows,
    size_t *which, struct buf *name);

/* aggrow_header writes the header line of rows of form fm in the final
 * or partial form. */
void aggrow_header(struct rec_writer *w, const struct aggrow_form *fm,
    int partial);

/* aggrow_sums writes the fields after the group fields of group g of t,
 * in form fm, final or partial, and ends the row.  Returns 0, or -1
 * (nothing more written: the row is left unended) with *bad the indicator
 * whose rate cannot be divided exactly. */
int aggrow_sums(struct rec_writer *w, const struct aggrow_form *fm,
    struct agg_groups *t, size_t g, int partial, size_t *bad);

/* aggrow_partial_check compares a header, names[0..nf), with the partial
 * form of fm.  Returns 0, or -1 with what differs appended to err:
 * 'field 3 is "x", expected "y"' or "5 fields, expected 7". */
int aggrow_partial_check(const struct aggrow_form *fm, char *const *names,
    size_t nf, struct buf *err);

/* aggrow_partial_add adds the partial row of form fm that r has just
 * read (its header checked) to its group in t.  The group's counts grow
 * by the row's (_rows and the coverage's), which *n is set to, and its
 * sums by the row's.  With strict, a row that left rows out of an
 * indicator (name_miss not 0) is an error.  key is set to the row's group
 * key (group_key), and *g (unless g is NULL) to its group's index in t,
 * so the caller need not look the key up again.
 * Returns 0, or -1 with the problem appended to err: a field that is not
 * a count or a number, more rows left out of an indicator than _rows,
 * more expected than _rows or more reported than expected, rows left out
 * (strict), a sum that overflows (the group's _rows or an indicator's)
 * — t then holds part of the row. */
int aggrow_partial_add(const struct aggrow_form *fm, struct agg_groups *t,
    const struct rec_reader *r, int strict, struct buf *key, size_t *g,
    struct agg_counts *n, struct buf *err);

#endif
