/* rank — scores against targets, and rankings with an explicit tie rule
 * (luong-rank(1)).
 *
 * Scoring: a value X against its target T, both stream decimals, each
 * rounded to RANK_PLACES decimals first (the values as a report prints
 * them) and compared in exact scaled integers (dec.h): the gap X - T in
 * percentage points and met (X >= T).  27.915 against 27.92 is met with a
 * gap of 0.00, since it prints as 27.92.
 *
 * Ranking: rows are arrays of values (stream form, borrowed).  Rows are
 * ordered by partition, ranked rows, then unranked rows (a row the caller
 * will not rank, such as one missing a value), then total rows, by the
 * keys (ranked rows only), the code field, then every value — a total
 * order that never depends on where a row stood in the input — and ranked
 * partition by partition by a tie rule.  Keys compare numerically (dec_cmp), an empty value after every
 * number whatever the direction; partitions, codes and the other values
 * by dec_order (numbers, then text, then empty).
 *
 * Nothing here prints or exits; the caller says what was wrong where.  */
#ifndef LUONG_RANK_H
#define LUONG_RANK_H

#include <stddef.h>

#include "buf.h"

#define RANK_PLACES	2		/* scores use the values as printed */
#define RANK_NONE	((size_t)-1)	/* no such value index */

enum rank_ties { RANK_COMPETITION, RANK_DENSE, RANK_ORDINAL };

/* rank_ties_parse reads a tie rule's name (competition, dense, ordinal)
 * into *ties: 0, or -1 for any other word. */
int rank_ties_parse(const char *s, enum rank_ties *ties);

/* rank_ties_name returns the rule's name with its pattern, for a
 * summary: "competition (1-2-2-4)" (static). */
const char *rank_ties_name(enum rank_ties ties);

/* What rank_score found. */
enum rank_score {
	RANK_SCORED,		/* the gap appended, *met set */
	RANK_UNSCORED,		/* the value or its target is empty */
	RANK_NOT_NUMBER,	/* *which (0 value, 1 target) is not a
				   stream decimal */
	RANK_OUT_OF_RANGE,	/* *which does not fit the scaled integers */
	RANK_GAP_RANGE		/* both fit, their difference does not */
};

/* A ranking rule as luong-rank records it in the stream (the rank_rule
 * field, luong-rank(1)): the keys as -b gives them, each with its
 * direction, comma-separated: "met_count:desc,vocational_gap:desc".
 *
 * rank_key_split reads a key "field[:asc|desc]" s[0..len): the length of
 * the field name in *n and the direction in *desc (desc when none is
 * given, the -b default).  Returns 0, -1 when what follows the last ":"
 * is neither asc nor desc, -2 when the name is empty. */
int rank_key_split(const char *s, size_t len, size_t *n, int *desc);

/* rank_rule_add appends the key name (its direction desc) to the rule in
 * rule, after a comma when rule is not empty. */
void rank_rule_add(struct buf *rule, const char *name, int desc);

/* rank_rule_next reads the next key of the rule at *p (a string,
 * borrowed), advancing *p past it and its comma: the name in
 * *name[0..*n), the direction in *desc.  Returns 1 for a key, 0 at the
 * end, -1 for an item that is no key (an empty one, a bad direction). */
int rank_rule_next(const char **p, const char **name, size_t *n, int *desc);

/* The fields luong-rank writes (luong-rank(1), Fields), planned from the
 * input's header.  Every X_target whose X is a field too is an indicator
 * (in the order of the targets) with the score fields X_gap and X_met;
 * with any indicator, met_count counts those met.  A held row's values
 * (struct rank_row) are the input's nf fields, then each indicator's gap
 * and met (nf + 2k, nf + 2k + 1), then met_count (nf + 2 nind): nv in
 * all.  The output columns are the input's, each indicator's score
 * fields after its target, then met_count, the rank and the rule — any
 * of these the input has keeps its place, its value computed afresh. */
#define RANK_MET_COUNT	"met_count"

struct rank_ind {
	size_t		 x, t;		/* the fields X and X_target */
	char		*gap, *met;	/* X_gap, X_met: owned */
	int		 gap_in, met_in;	/* in the input already */
};

struct rank_col {
	const char	*name;		/* borrowed: a name given, an ind's */
	size_t		 vi;		/* the value written; RANK_NONE for a
					   new rank or rule column */
	int		 rank;		/* the rank: written, not read */
	int		 rule;		/* the rule: the same */
};

struct rank_fields {
	struct rank_ind	*ind;
	size_t		 nind;
	struct rank_col	*col;
	size_t		 ncol;
	size_t		 nv;		/* values of a held row */
};

/* rank_fields_plan plans rf from the header names[0..nf) (borrowed, as
 * are rank_name and rule_name, the rank's and the rule's fields, until
 * rank_fields_free).  Returns 0, or -1 when rank_name is a score field
 * (rf is then still to be freed). */
int rank_fields_plan(struct rank_fields *rf, char *const *names, size_t nf,
    const char *rank_name, const char *rule_name);

/* rank_fields_find returns the value index of the field name (an input
 * field or a score field, never a new rank or rule column), or
 * RANK_NONE. */
size_t rank_fields_find(const struct rank_fields *rf, const char *name);

void rank_fields_free(struct rank_fields *rf);

/* rank_score scores the value x[0..xl) against its target t[0..tl)
 * (borrowed).  Each value present is checked, even when its partner is
 * empty: the value first, then the target.  On RANK_SCORED the gap is
 * appended to gap with RANK_PLACES decimals ("0.00", "-0.06") and *met is
 * 1 or 0; otherwise gap and *met are left alone and, on an error, *which
 * says which value is wrong. */
enum rank_score rank_score(const char *x, size_t xl, const char *t,
    size_t tl, struct buf *gap, int *met, int *which);

/* A row to rank: nv values v[i] of length vl[i] (borrowed; a value may
 * hold a NUL), whether it is a total row (scored, never ranked) or an
 * unranked one (not counted in the ranking), and the rank rank_assign
 * gives it (0 for a total or unranked row). */
struct rank_row {
	const char	**v;
	size_t		 *vl;
	int		  total;
	int		  unranked;
	unsigned long	  rank;
};

/* rank_row_new returns a row holding copies of the nv values v[i] of
 * length len[i] (borrowed; each may hold a NUL), each copy NUL-terminated,
 * all in one allocation with the row: free it with free().  Not a total,
 * not unranked, rank 0. */
struct rank_row *rank_row_new(const char *const *v, const size_t *len,
    size_t nv);

/* A ranking key: a value index and its direction. */
struct rank_key {
	size_t		  vi;
	int		  desc;		/* rank 1 to the largest value */
};

/* How to order and rank: everything borrowed.  Key values of ranked rows
 * must pass dec_check or be empty (the caller checks them). */
struct ranking {
	const struct rank_key	*keys;
	size_t			 nkeys;
	const size_t		*parts;		/* partition value indexes */
	size_t			 nparts;
	size_t			 code;		/* the code's index, or
						   RANK_NONE */
	size_t			 nv;		/* values per row */
	enum rank_ties		 ties;
};

/* rank_cmp compares two rows in the output order above: negative, 0 or
 * positive.  0 only for rows with equal values and flags. */
int rank_cmp(const struct ranking *rk, const struct rank_row *a,
    const struct rank_row *b);

/* rank_sort sorts rows[0..n) (the pointers) in that order. */
void rank_sort(const struct ranking *rk, struct rank_row **rows, size_t n);

/* rank_assign gives each ranked row of the sorted rows[0..n) its rank
 * within its partition by rk->ties: competition 1-2-2-4, dense 1-2-2-3,
 * ordinal 1-2-3-4 (in the sorted order, so ties by code); total and
 * unranked rows get 0 and take no place.  Returns how many rows were
 * ranked; *nparts (when not NULL) is set to the number of partitions
 * among the rows (total and unranked rows included; 0 when n is 0). */
size_t rank_assign(const struct ranking *rk, struct rank_row **rows,
    size_t n, size_t *nparts);

#endif
