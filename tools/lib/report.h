/* report — the tables a report shows, built from a record stream.
 *
 * A report holds every row it is given: it is meant for the already
 * aggregated rows (a district a level), never for a raw export.  It is a
 * list of tables (one a level when the stream has a "level" field), each a
 * list of columns and rows of cells; the writers (rtext, rhtml, rxlsx)
 * turn it into each output format.  A stream with schools_expected and
 * schools_reported has coverage: a column of the schools, the rows none
 * of whose schools reported, a note when some are missing.  A table
 * with a rank states its ranking rule (rank_rule) in words; the rows are
 * as they come, or in rank order (report_by_rank).
 *
 * Cells keep the stream's text: a number stays "27.92" and is formatted
 * for a locale only when written (fmt).  Every string in a report is owned
 * by it (its rows and its string pool) or borrowed from the labels given to
 * report_build; report_free releases what it owns.  */
#ifndef LUONG_REPORT_H
#define LUONG_REPORT_H

#include <stddef.h>

#include "buf.h"
#include "fmt.h"

struct hash;
struct labels;
struct rec_reader;

enum report_layout {
	LAYOUT_REPORT,		/* the plan's layout: actual, target, gap, met */
	LAYOUT_APPENDIX,	/* the plan's appendix: the targets */
	LAYOUT_PLAIN		/* every field as it comes */
};

enum rcol_kind {
	RCOL_TEXT,		/* left-aligned, as is */
	RCOL_NUM,		/* right-aligned, formatted for the locale */
	RCOL_ID,		/* right-aligned, as is: codes, years */
	RCOL_COVER		/* right-aligned: "reported/expected" schools,
				 * each formatted; two numbers in CSV, TSV */
};

/* What a column of a report or appendix table shows, for a writer that
 * leaves some out or abbreviates them (rtext's narrowed table). */
enum rcol_role {
	RCOL_OTHER,		/* a field of the plain layout */
	RCOL_STT,		/* the row's number: "01", empty on a total */
	RCOL_DISTRICT,
	RCOL_SCHOOLS,		/* the RCOL_COVER column */
	RCOL_ACTUAL,
	RCOL_TARGET,		/* in the appendix, every indicator column */
	RCOL_GAP,
	RCOL_RESULT,		/* đạt/không đạt */
	RCOL_RANK
};

struct rcol {
	const char	*label;		/* header */
	const char	*group;		/* spanning header (full wording), or NULL */
	const char	*group_short;	/* the same, short */
	const char	*flat;		/* header in a single table of every
					 * level (CSV, TSV), or NULL: label */
	enum rcol_kind	 kind;
	int		 places;	/* RCOL_NUM: digits after the mark */
	unsigned	 flags;		/* RCOL_NUM: FMT_GROUP, FMT_PLUS */
	int		 met;		/* a đạt/không đạt column */
	enum rcol_role	 role;
};

/* One bar of a chart: a district's actual value against its target. */
struct rbar {
	const char	*name;		/* with coverage, a total's with its
					 * schools: "Tổng cộng (120/127 trường)" */
	const char	*actual;	/* stream numbers, or NULL */
	const char	*target;
	int		 met;		/* 1, 0, or -1 when unknown */
	int		 total;
	int		 unreported;	/* no school of it reported: no bar */
};

struct rchart {
	const char	*title;		/* the indicator's full wording */
	const char	*actual_col;	/* the column the values come from */
	int		 places;	/* digits shown after the mark */
	int		 tplaces;	/* the same for the targets */
	size_t		 nbar;
	struct rbar	*bar;
};

struct rtable {
	const char	*level;		/* the level field's value, or NULL */
	const char	*heading;	/* the level's name, or NULL */
	size_t		 ncol, nrow;
	struct rcol	*col;
	const char	**cell;		/* nrow * ncol, never NULL ("" empty) */
	size_t		*src;		/* nrow: the input row each one shows */
	int		*total;		/* nrow: a total row */
	size_t		 nchart;
	struct rchart	*chart;
	/* Coverage: in the report layout of a stream with schools_expected
	 * and schools_reported.  A row with unreported set (none of its
	 * schools reported) shows the labels' not_reported over the columns
	 * vfirst..ncol-1 in place of its values (its cells keep them, for
	 * CSV and TSV); expected and reported are the table's schools (its
	 * first total row's, or the sum of its rows), and note, when some
	 * are missing, the sentence that says so (else NULL). */
	int		 cover;
	size_t		 vfirst;
	int		*unreported;	/* nrow */
	unsigned long long expected, reported;
	const char	*note;
	/* The indicators of the legend: short label, full wording. */
	size_t		 nlegend;
	const char	**legend_short, **legend_label;
	/* The ranking rule in words, under the table ("Xếp hạng theo chênh
	 * lệch tỷ lệ học GDNN so với chỉ tiêu."): from the rank_rule field
	 * of its first row that has one, in a table with a rank column;
	 * else NULL. */
	const char	*rule;
	/* private: the capacities of col and the legend's arrays */
	size_t		 colcap, legendcap;
};

struct report {
	enum report_layout layout;	/* the one used (plain as a fallback) */
	const char	*title;
	int		 title_given;	/* from --title, not the default */
	size_t		 nt;
	struct rtable	*t;
	size_t		 nrows;		/* input rows */
	/* Where the row report_build failed on came from: line 0 when it
	 * is no row's fault. */
	const char	*err_file;
	unsigned long	 err_line;
	/* private: the input rows and the strings made for the tables */
	size_t		 nf;
	char		**name;
	struct hash	*fields;	/* name to &name[i] */
	char		**v;		/* nrows * nf */
	const char	*hfile;		/* the first file, of the header */
	const char	**rfile;	/* nrows: the file of each row */
	unsigned long	*rline;		/* nrows: its line */
	char		**pool;
	size_t		 npool, poolcap;
};

/* report_read reads every row of r into a new report: each field checked
 * for UTF-8 and normalised to NFC.  Invalid UTF-8 prints "prog: file:line:
 * field "x": invalid UTF-8" and exits 1.  nread, when not NULL, is
 * incremented as each row is read (a stats counter: an early exit still
 * tells how many were). */
struct report *report_read(struct rec_reader *r, unsigned long long *nread);

/* report_build lays the rows out in layout with the words of l; title may
 * be NULL (the labels' default).  LAYOUT_REPORT falls back to LAYOUT_PLAIN
 * when the stream lacks a "district" field or an indicator with both X
 * and X_target; LAYOUT_APPENDIX needs "district" and an X_target field and
 * returns -1 without them (err tells which), else 0.  In LAYOUT_REPORT a
 * stream with both schools_expected and schools_reported has coverage
 * (struct rtable); a value of them that is not a count of schools, or
 * more reported than expected, returns -1 with err and rep->err_file,
 * err_line saying which row. */
int report_build(struct report *rep, enum report_layout layout,
    const struct labels *l, const char *title, struct buf *err);

/* report_by_rank puts the rows in rank order, for the ranking view
 * (luong-render --sort rank): called between report_read and
 * report_build.  Within each level (in the order levels first appear),
 * the ranked rows by their rank, then the rows without one, then the
 * total rows (a district the labels name a total), each in the order
 * they came.  Returns 0, or -1 with err when the stream has no "rank"
 * field, or a rank is not a whole number (rep->err_file, err_line say
 * which row). */
int report_by_rank(struct report *rep, const struct labels *l,
    struct buf *err);

/* report_axis returns where a chart's scale ends: a round number (1, 2,
 * 2.5 or 5 times a power of ten, times 3 to 6 steps) at or just above
 * the largest value or target of its bars, never a fixed 100; *step is
 * the distance between its ticks.  A chart with nothing above 0 ends at
 * 1. */
double report_axis(const struct rchart *ch, double *step);

/* report_cell appends the text of t's cell (row, col) for a reader:
 * numbers in loc's form (both of an RCOL_COVER cell's), everything else
 * as is. */
void report_cell(struct buf *out, const struct rtable *t, size_t row,
    size_t col, const struct fmt_locale *loc);

/* report_is_num: the cell holds a number (an RCOL_NUM column's stream
 * number); writers keep numbers apart from text (CSV neutralising, XLSX
 * numeric cells). */
int report_is_num(const struct rtable *t, size_t row, size_t col);

/* report_where tells where row of t came from: its file (owned by the
 * report) and line, for a writer's message; a row past the table's (such
 * as (size_t)-1), or t NULL, is the header: the first file, line 1. */
void report_where(const struct report *rep, const struct rtable *t,
    size_t row, const char **file, unsigned long *line);

/* report_roman returns n (1-39) in Roman numerals, as the plan numbers its
 * appendix's tables; "" beyond. */
const char *report_roman(size_t n);

void report_free(struct report *rep);

#endif
