/* schema — the layout of an export (luong-schema(5)): canonical field
 * names in output order, the source headers and aliases that name each
 * one, types, required fields, ranges and cross-field checks; and the
 * conversion of a raw cell to its stream form.
 *
 * Header names, aliases and enum values are matched loosely, by their
 * text_fold_key: case, diacritics, spacing, NFC/NFD and punctuation do not
 * matter.  A struct schema owns everything in it; schema_free releases it.
 * Loading errors exit 2 with file:line:col (cfg_error).  */
#ifndef LUONG_SCHEMA_H
#define LUONG_SCHEMA_H

#include <stddef.h>

#include "buf.h"

struct pat;

enum schema_type {
	SCHEMA_STRING, SCHEMA_INT, SCHEMA_DECIMAL, SCHEMA_BOOL, SCHEMA_ENUM,
	SCHEMA_SCHOOL_YEAR
};

enum schema_op { SCHEMA_LT, SCHEMA_LE, SCHEMA_GT, SCHEMA_GE, SCHEMA_EQ,
    SCHEMA_NE };

/* A folded name and what it stands for (a field, an enum value); text
 * is the name as the schema writes it, NFC, compared first because it is
 * cheaper than folding. */
struct schema_key {
	char		*key;
	char		*text;
	size_t		 tlen;
	size_t		 index;
};

struct schema_field {
	char		 *name;		/* canonical, the output column */
	char		 *header;	/* the source header, NFC */
	enum schema_type  type;
	int		  required;
	int		  has_min, has_max;
	double		  min, max;
	char		 *mintext, *maxtext;	/* canonical, for messages */
	/* enum: canonical values (NFC) and the folded keys naming them. */
	char		**values;
	size_t		 *vlen;		/* their lengths */
	size_t		  vmax;		/* the longest's */
	size_t		  nvalues;
	struct schema_key *vkeys;
	size_t		  nvkeys;
	/* The keys by a hash of their text (its length, first and last
	 * byte), in key order: key numbers + 1, xhead[hash], xnext[key]. */
	size_t		  xhead[64];
	size_t		 *xnext;
	/* string: the pattern as written (NULL: none), compiled anchored,
	 * and what a value of it is, in words, for messages (NULL: none);
	 * the last value it matched (NFC), which regexec need not match
	 * again: a school's export repeats its code on every row (a pattern
	 * the NFA takes is quicker matched than kept, pat.h). */
	char		 *pattern;
	struct pat	 *pat;
	int		  pat_nfa;	/* pat_nfa(pat) */
	const unsigned char *run;	/* pat_run_set(pat, &rmin, &rmax) */
	size_t		  rmin, rmax;
	/* A string or an enum with no min or max: schema_convert_row
	 * converts most of its values itself. */
	int		  quick;
	char		 *pattern_text;
	struct buf	 *matched;
};

struct schema_check {
	size_t		 left;
	enum schema_op	 op;
	int		 right_is_field;
	size_t		 right;		/* field index */
	double		 num;		/* or a number */
	char		*numtext;
};

struct schema {
	char		    *path;
	struct schema_field *f;
	size_t		     nf;
	size_t		     nrequired;
	struct schema_key   *hkeys;	/* folded headers -> field index */
	size_t		     nhkeys;
	struct schema_check *chk;
	size_t		     nchk;
	/* The key of a record (key:): field indexes, in the order written;
	 * nkey 0: none.  Every key field is required. */
	size_t		    *key;
	size_t		     nkey;
};

/* schema_load reads the schema at path.  Any error (cannot open, YAML
 * syntax, an unknown key, a bad type or value) is printed with
 * file:line:col and exits 2. */
struct schema *schema_load(const char *path);
void schema_free(struct schema *s);

/* schema_lookup returns the index of the field that the source header
 * name[0..len) names (its header, an alias, or its canonical name, all
 * matched loosely), or -1.  scratch is a caller's buffer, reused. */
long schema_lookup(const struct schema *s, const char *name, size_t len,
    struct buf *scratch);

/* A converted value.  The canonical text is out->p[off, off + len). */
struct schema_value {
	int		 present;	/* 0: empty, a missing value */
	int		 isint;
	long long	 i;
	double		 d;		/* int and decimal: the number */
	size_t		 off, len;
};

/* schema_convert checks raw[0..n) (valid UTF-8) as a value of field fi:
 * it trims white space, converts, appends the canonical stream form to out
 * (nothing for a missing value) and fills *v.  Returns 0, or -1 with the
 * reason appended to why (the value quoted for typed fields; "missing
 * value" for an empty required field), out as it was; or -2 for a string
 * that does not match its field's pattern, the reason saying what was
 * expected and never the value: a value in the wrong column may be
 * personal data (a date of birth where a code should be), to be shown
 * nowhere.  scratch is reused.
 * Rules: string is NFC, matched whole by its pattern when it has one; int
 * accepts 1.234 grouping; decimal accepts 27,92 and is written with "."
 * and no grouping; bool is written 1 or 0 and an empty cell is 0; enum is
 * written as its canonical value; school_year is written "2022-2023"
 * (period.h: "2022 - 2023", "2022–2023" and "2022-23" are that year). */
int schema_convert(const struct schema *s, size_t fi, const char *raw,
    size_t n, struct buf *out, struct schema_value *v, struct buf *why,
    struct buf *scratch);

/* A step of schema_convert_row: field number field (f, the schema's)
 * from the cell in column col, or, when col < 0 (the export has no
 * column for it), a missing value. */
struct schema_step {
	const struct schema_field *f;
	size_t		 field;
	long		 col;
};

/* schema_plan fills steps[0..s->nf) with the fields in the order
 * order[0..nf) (a permutation of the field numbers), field i from column
 * src[i] (-1: none). */
void schema_plan(const struct schema *s, const size_t *order,
    const long *src, struct schema_step *steps);

/* schema_convert_row converts a row's fields by the steps plan[0..nf),
 * each from the cell raw[col], len[col].  Each value's text is appended
 * to out as schema_convert appends it, with a TAB before each but the
 * first step's; v[field] is what schema_convert fills (a missing value
 * with no column: empty text, v zero but its off), or with v NULL
 * nothing is (a caller that needs the text alone).  Returns -1, or the
 * first field whose conversion failed, *rc its schema_convert return and
 * its reason in why, out holding the values before it (no field after it
 * is converted).  What most values of a string or an enum with no min or
 * max are (the string its own NFC by text_nfc_quick, and its pattern's
 * run; the enum's exact spelling of a value or alias) is converted here,
 * any other value by schema_convert: the same text and values
 * (test_schema holds the one to the other). */
long schema_convert_row(const struct schema *s,
    const struct schema_step *plan, char *const *raw, const size_t *len,
    struct buf *out, struct schema_value *v, struct buf *why,
    struct buf *scratch, int *rc);

/* schema_check_row runs the cross-field checks over v[0..s->nf), whose
 * texts are in out.  A check with a missing value is not evaluated.
 * Returns -1 when none fails, else the index of the first failing check,
 * its reason appended to why; names[i] is how the reason calls field i
 * (the source header). */
long schema_check_row(const struct schema *s, const struct schema_value *v,
    const char *out, const char *const *names, struct buf *why);

#endif
