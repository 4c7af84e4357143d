/* labels — the words of a report in one language: config/labels-LANG.yaml
 * (luong-labels(5) in luong-render(1)'s FILES).
 *
 * A struct labels owns its configuration tree; every string it hands out
 * is borrowed from it and lives until labels_free.  A bad file is a
 * configuration error: "prog: file:line:col: message", exit status 2.  */
#ifndef LUONG_LABELS_H
#define LUONG_LABELS_H

#include <stddef.h>

#include "buf.h"

struct cfg;
struct cfg_node;

/* The templates of a labels file, with their {placeholders}. */
enum labels_template {
	LT_COVERAGE,		/* {reported} {expected} {missing} {rate} */
	LT_TOTAL_COVERAGE,	/* {total} {reported} {expected} */
	LT_RANK_RULE,		/* {keys}: the ranking rule under a table */
	LT_RANK_ASC,		/* {key}: a key ranked smallest first */
	LT_DATE,		/* {day} {month} {year}: when it was made */
	LT_PAGE,		/* {page} {pages}: a printed page's number */
	LT_NARROWED,		/* {width} {changes}: a table narrowed */
	LT_NARROWED_DROPPED,	/* {columns} left out */
	LT_NARROWED_ABBREVIATED, /* {abbreviations} */
	LT_NARROWED_SPLIT,	/* {parts} */
	LT_DATE_LINE,		/* {place} {day} {month} {year} {dd} {mm}:
				 * the PDF's place and date */
	LT_NTEMPLATES
};

struct labels {
	struct cfg		*cfg;
	/* Scalars, all required. */
	const char		*lang;		/* the HTML lang attribute */
	const char		*decimal;	/* decimal mark */
	const char		*group;		/* grouping mark */
	const char		*title;		/* default report title */
	const char		*appendix_title;
	const char		*sheet;		/* XLSX sheet name without levels */
	const char		*stt;
	const char		*district;
	const char		*level;
	const char		*rank;
	const char		*actual;
	const char		*target;
	const char		*gap;
	const char		*result;
	const char		*met;
	const char		*missed;
	const char		*total;		/* the total row's name */
	const char		*created;	/* "generated on" */
	const char		*legend;	/* heading of the indicator list */
	/* Coverage (schools_expected, schools_reported in the stream). */
	const char		*not_reported;	/* a district with no report */
	const char		*schools;	/* column: reported/expected */
	const char		*schools_expected; /* its two in CSV and TSV */
	const char		*schools_reported;
	const char		*coverage;	/* the note: {reported} {expected}
						 * {missing} {rate} */
	const char		*total_coverage; /* {total} {reported} {expected} */
	/* The ranking rule (luong-rank's rank_rule) in words: the keys
	 * joined by rank_then into rank_rule's {keys}; rank_keys, the
	 * words of a key field. */
	const char		*rank_then;
	struct cfg_node		*rank_keys;	/* map field -> words */
	/* Short forms of the labels above, for a table narrowed to fit a
	 * terminal: abbreviations, a map label key -> short form. */
	struct cfg_node		*abbreviations;
	/* The PDF's header block (Nghị định 30/2020/NĐ-CP); its date line
	 * and the page number are templates (LT_DATE_LINE, LT_PAGE). */
	const char		*place;		/* of the date line: "Long An" */
	const char		*nation;	/* the national title */
	const char		*motto;		/* under it */
	/* Every template, by enum labels_template. */
	const char		*tmpl[LT_NTEMPLATES];
	/* Lists and maps, kept as nodes. */
	struct cfg_node		*total_names;	/* seq of scalars */
	struct cfg_node		*levels;	/* map level -> name */
	struct cfg_node		*indicators;	/* map name -> {short, label} */
	struct cfg_node		*issuer;	/* seq of scalars, at least one:
						 * the issuing body, its parent
						 * first */
};

/* labels_load reads path; exits 2 on any error (missing file included). */
struct labels *labels_load(const char *path);
void labels_free(struct labels *l);

/* labels_level returns the name of level (e.g. "THCS"), or level itself. */
const char *labels_level(const struct labels *l, const char *level);

/* labels_nind is the number of indicators the file names, in its order;
 * labels_ind_name the field name of the i-th. */
size_t labels_nind(const struct labels *l);
const char *labels_ind_name(const struct labels *l, size_t i);

/* labels_ind_short and labels_ind_label return an indicator's short
 * label and its full wording at level (level may be NULL).  An indicator
 * the file does not know is labelled by its field name.  */
const char *labels_ind_short(const struct labels *l, const char *name);
const char *labels_ind_label(const struct labels *l, const char *name,
    const char *level);

/* labels_is_total: s[0..n) names a total row — it matches the total label
 * or one of total_names loosely (case, diacritics and spacing ignored). */
int labels_is_total(const struct labels *l, const char *s, size_t n);

/* labels_coverage appends the coverage note with its placeholders
 * filled: {reported}, {expected}, {missing}, {rate} (texts, already in
 * the locale's form).  labels_total_coverage appends the total row's
 * name with its schools: {total} (the total label), {reported},
 * {expected}.  Any other text of the template, braces included, is
 * copied as is; labels_load has refused placeholders they do not know. */
void labels_coverage(struct buf *out, const struct labels *l,
    const char *reported, const char *expected, const char *missing,
    const char *rate);
void labels_total_coverage(struct buf *out, const struct labels *l,
    const char *reported, const char *expected);

/* labels_template appends template t filled with vals, one for each of
 * its placeholders in the order enum labels_template lists them. */
void labels_template(struct buf *out, const struct labels *l,
    enum labels_template t, const char *const *vals);

/* labels_rank_key returns the words of the ranking key field[0..n) from
 * rank_keys, or NULL when it has none. */
const char *labels_rank_key(const struct labels *l, const char *field,
    size_t n);

/* labels_abbrev returns the short form of the label key ("actual",
 * "missed"), or NULL when it has none. */
const char *labels_abbrev(const struct labels *l, const char *key);

/* labels_nissuer is the number of lines of the issuing body (at least
 * one); labels_issuer the i-th, top to bottom. */
size_t labels_nissuer(const struct labels *l);
const char *labels_issuer(const struct labels *l, size_t i);

/* labels_date_line appends the date line with its placeholders filled:
 * {place}, {year}, {day} and {month} as Nghị định 30/2020/NĐ-CP writes
 * them (a day below 10 and the months 1 and 2 with a leading zero:
 * "ngày 07 tháng 3", "ngày 15 tháng 02"), {dd} and {mm} always two
 * digits.  labels_page appends the footer: {page}, {pages}. */
void labels_date_line(struct buf *out, const struct labels *l,
    const char *place, int year, int month, int day);
void labels_page(struct buf *out, const struct labels *l, int page,
    int pages);

#endif
