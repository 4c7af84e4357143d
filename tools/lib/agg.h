/* agg — indicators defined as numerator / denominator (as DHIS2 does):
 * the expressions, the exact decimal sums, and the partial sums that make
 * an aggregation mergeable.
 *
 * An expression is "NUM / DEN", each side one of
 *     sum(f)                the sum of field f (a decimal number)
 *     count()               every row
 *     count(f)              rows where f is not empty
 *     count_if(f)           rows where f is 1 (a boolean: 1 or 0)
 *     count_if(f=a|b|…)     rows where f is one of the values
 * A row that lacks a value the indicator needs — f of sum(f) or of
 * count_if(f…) empty — is left out of the indicator, numerator and
 * denominator alike, and counted as missing.  count(f) needs nothing: it
 * counts the rows that have f.
 *
 * Sums are exact: every value and sum is a struct dec (dec.h), 128 bits
 * at up to DEC_MAX_PLACES decimal places, and sums that would overflow are
 * reported, never rounded.  */
#ifndef LUONG_AGG_H
#define LUONG_AGG_H

#include <stddef.h>

#include "buf.h"
#include "dec.h"

enum agg_op {
	AGG_SUM,		/* sum(f) */
	AGG_COUNT,		/* count() */
	AGG_COUNT_FIELD,	/* count(f) */
	AGG_COUNT_TRUE,		/* count_if(f) */
	AGG_COUNT_IN		/* count_if(f=a|b) */
};

struct agg_term {
	enum agg_op	  op;
	char		 *field;	/* NULL for count() */
	size_t		  pos;		/* byte offset of field (or term) in src */
	char		**vals;		/* AGG_COUNT_IN: the values, NFC */
	size_t		 *vlen;
	size_t		  nvals;
	int		  fi;		/* field index after agg_bind */
};

/* One indicator.  Everything is owned by it (agg_ind_clear frees it). */
struct agg_ind {
	char		*name;
	char		*label;		/* NULL when none applies */
	char		*src;		/* the text parsed */
	struct agg_term	 num, den;
	/* Where src is, for messages: file (or "--rate"), line, and the
	 * column of src's first character. */
	char		*file;
	unsigned long	 line, col;
	/* Fields a row must have (after agg_bind). */
	int		 need[2];
	size_t		 nneed;
};

struct agg_err {
	size_t	pos;		/* byte offset in the text */
	char	msg[160];
};

/* agg_parse parses src into ind (zeroed by the caller): "NUM / DEN", or
 * with with_name "name = NUM / DEN" where name is a letter or "_" followed
 * by letters, digits and "_".  Returns 0, or -1 with *e filled (ind is
 * then cleared).  ind->file, line and col are left for the caller. */
int agg_parse(struct agg_ind *ind, const char *src, int with_name,
    struct agg_err *e);

/* agg_parse_at is agg_parse of src, found at file:line:col, into ind
 * (zeroed here), with those set; a fault is exit 2 through agg_fatal,
 * "file:line:col: what: message" (no "what: " when what is NULL). */
void agg_parse_at(struct agg_ind *ind, const char *src, int with_name,
    const char *file, unsigned long line, unsigned long col,
    const char *what);

/* agg_valid_name: a letter or "_", then letters, digits and "_". */
int agg_valid_name(const char *s);

/* agg_ind_clear frees what ind owns and zeroes it. */
void agg_ind_clear(struct agg_ind *ind);

/* agg_fatal prints "prog: file:line:col: message" at byte offset pos of
 * ind->src (the column counts characters) and exits 2. */
void agg_fatal(const struct agg_ind *ind, size_t pos, const char *fmt, ...)
    __attribute__((format(printf, 3, 4), noreturn));

/* agg_bind looks up ind's fields among the header names[0..nf).  Returns
 * 0, or -1 with *bad the first term whose field is not there. */
int agg_bind(struct agg_ind *ind, char *const *names, size_t nf,
    const struct agg_term **bad);

/* The partial sums of one indicator over some rows. */
struct agg_acc {
	struct dec		num, den;
	unsigned long long	miss;	/* rows left out: a value missing */
};

enum {
	AGG_OK,
	AGG_MISSING,	/* the row lacks field *badf: counted in miss */
	AGG_BADNUM,	/* field *badf of sum() is not a number */
	AGG_BADBOOL,	/* field *badf of count_if() is not 1 or 0 */
	AGG_OVERFLOW	/* the sum (or field *badf) does not fit */
};

/* agg_add evaluates a bound ind on one row (f and len borrowed, indexed
 * like the header) and adds it to acc.  On any result but AGG_OK or
 * AGG_MISSING, acc is unchanged. */
int agg_add(const struct agg_ind *ind, char *const *f, const size_t *len,
    struct agg_acc *acc, int *badf);

/* agg_acc_merge adds src to dst; -1 (dst unchanged) on overflow. */
int agg_acc_merge(struct agg_acc *dst, const struct agg_acc *src);

/* agg_parse_bool reads a stream boolean s[0..n): 1, 0, or -1 for
 * anything but "1" and "0". */
int agg_parse_bool(const char *s, size_t n);

/* ---- groups and their partial sums ----
 * A table of groups, each with a key (bytes, copied), its counts and the
 * partial sums of nind indicators, in order of first appearance.  Memory
 * is proportional to the number of groups. */
struct agg_groups;

/* A group's counts: the source rows read into it and, for a coverage
 * (luong-rates --coverage), those of them expected to report
 * (_expected = 1) and those expected that did (_reported = 1 too).  So
 * reported <= expected <= rows, in every group and every sum of groups. */
struct agg_counts {
	unsigned long long	rows, expected, reported;
};

/* agg_counts_merge adds src to dst; -1 (dst unchanged) on overflow. */
int agg_counts_merge(struct agg_counts *dst, const struct agg_counts *src);

/* agg_count_row counts a source row into a group's counts n: one row,
 * and with cov not NULL (the indices of the row's _expected and
 * _reported, as a rec_reader gives f and len) its coverage.  Returns 1
 * when the row enters the indicators (no cov, or _reported is 1), 0 when
 * it does not (_reported is 0: a school that did not report, which makes
 * its group appear and nothing more), or -1 with *badf the field that is
 * not 1 or 0 (n unchanged). */
int agg_count_row(const int *cov, char *const *f, const size_t *len,
    struct agg_counts *n, int *badf);

struct agg_groups *agg_groups_new(size_t nind);
void agg_groups_free(struct agg_groups *t);

/* agg_groups_add returns the index of the group key[0..n), adding it
 * with zero sums when it is new. */
size_t agg_groups_add(struct agg_groups *t, const char *key, size_t n);
size_t agg_groups_count(const struct agg_groups *t);

/* By index: the key (NUL-terminated, owned by the table), the nind
 * accumulators, the counts — borrowed, valid until the next add. */
const char *agg_groups_key(const struct agg_groups *t, size_t g);
struct agg_acc *agg_groups_acc(struct agg_groups *t, size_t g);
struct agg_counts *agg_groups_counts(struct agg_groups *t, size_t g);

/* The fields one indicator adds to a row of output, in stream form.
 * Final form: name_num, name_den, name (100 * num / den, two decimals,
 * empty when den is 0).  Partial form: name_num, name_den, name_miss.
 * agg_fields_names appends the three names, TAB-separated, to b;
 * agg_fields_values the three values (dec_put, dec_ratio).  The latter
 * returns -1 (b as it was) when num and den cannot be divided exactly in
 * 128 bits. */
void agg_fields_names(struct buf *b, const char *name, int partial);
int agg_fields_values(struct buf *b, const struct agg_acc *a, int partial);

/* agg_fields_parse reads the three partial-form values f[0..3) into *a.
 * Returns 0, or -1 with *bad the index (0, 1, 2) of the value that is not
 * a number (num, den) or a count (miss). */
int agg_fields_parse(char *const *f, const size_t *len, struct agg_acc *a,
    int *bad);

/* agg_parse_count parses a non-negative integer s[0..n); 0 or -1. */
int agg_parse_count(const char *s, size_t n, unsigned long long *out);

/* agg_load reads an indicators file (luong-indicators(5)).  With level
 * NULL it returns the school-level definitions, else the student-level
 * definitions for that level; indicators with no such definition are left
 * out.  Every expression in the file is checked, used or not.  Sets *n;
 * the array and everything in it are owned by the caller (agg_free).  Any
 * error in the file prints file:line:col and exits 2. */
struct agg_ind *agg_load(const char *path, const char *level, size_t *n);

void agg_free(struct agg_ind *v, size_t n);

#endif
