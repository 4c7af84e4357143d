#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dec.h"
#include "diag.h"
#include "hash.h"
#include "labels.h"
#include "rank.h"
#include "rec.h"
#include "report.h"
#include "text.h"

static const char *pool(struct report *, char *);

struct report *
report_read(struct rec_reader *r, unsigned long long *nread)
{
	struct report *rep = xcalloc(1, sizeof *rep);
	struct buf nfc = { 0 };
	size_t i, cap = 0, bad;
	const char *file;		/* the copy of r->file */

	rep->nf = r->nf;
	rep->name = xcalloc(r->nf, sizeof *rep->name);
	rep->fields = hash_new();
	for (i = 0; i < r->nf; i++) {
		size_t len = strlen(r->name[i]);
		int added;
		size_t k = hash_add(rep->fields, r->name[i], len, &added);

		rep->name[i] = xstrdup(r->name[i]);
		/* A name given twice is the first field of that name. */
		if (added)
			hash_set(rep->fields, k, &rep->name[i]);
	}
	file = rep->hfile = pool(rep, xstrdup(r->file));
	while (rec_next(r)) {
		if (nread != NULL)
			(*nread)++;
		if (rep->nrows == cap) {
			cap = cap ? 2 * cap : 64;
			rep->v = xrealloc(rep->v, cap * r->nf * sizeof *rep->v);
			rep->rfile = xrealloc(rep->rfile, cap *
			    sizeof *rep->rfile);
			rep->rline = xrealloc(rep->rline, cap *
			    sizeof *rep->rline);
		}
		/* Where the row came from, for a writer's message; the
		 * reader's name of the file lasts only while it is read. */
		if (strcmp(r->file, file) != 0)
			file = pool(rep, xstrdup(r->file));
		rep->rfile[rep->nrows] = file;
		rep->rline[rep->nrows] = r->line;
		for (i = 0; i < r->nf; i++) {
			if (text_utf8_check(r->f[i], r->len[i], &bad) != 0)
				diag_fatal(EXIT_DATA, r->file, r->line,
				    "field \"%s\": invalid UTF-8 at byte %zu",
				    r->name[i], bad + 1);
			buf_reset(&nfc);
			text_nfc(&nfc, r->f[i], r->len[i]);
			rep->v[rep->nrows * r->nf + i] =
			    xstrndup(nfc.p ? nfc.p : "", nfc.len);
		}
		rep->nrows++;
	}
	buf_free(&nfc);
	return rep;
}

void
report_free(struct report *rep)
{
	size_t i;

	if (rep == NULL)
		return;
	for (i = 0; i < rep->nt; i++) {
		struct rtable *t = &rep->t[i];
		size_t c;

		for (c = 0; c < t->nchart; c++)
			free(t->chart[c].bar);
		free(t->chart);
		free(t->col);
		free(t->cell);
		free(t->src);
		free(t->total);
		free(t->unreported);
		free(t->legend_short);
		free(t->legend_label);
	}
	free(rep->t);
	for (i = 0; i < rep->nrows * rep->nf; i++)
		free(rep->v[i]);
	free(rep->v);
	free(rep->rfile);
	free(rep->rline);
	for (i = 0; i < rep->nf; i++)
		free(rep->name[i]);
	free(rep->name);
	hash_free(rep->fields, NULL);
	for (i = 0; i < rep->npool; i++)
		free(rep->pool[i]);
	free(rep->pool);
	free(rep);
}

/* pool keeps a string made for a table; returns it. */
static const char *
pool(struct report *rep, char *s)
{
	rep->pool = xgrow(rep->pool, &rep->poolcap, rep->npool + 1,
	    sizeof *rep->pool);
	rep->pool[rep->npool++] = s;
	return s;
}

/* field returns the index of the field called name, or -1: a hash
 * lookup, as a stream of 20,000 fields asks for many. */
static int
field(const struct report *rep, const char *name)
{
	char **p = hash_get(rep->fields, name, strlen(name));

	return p == NULL ? -1 : (int)(p - rep->name);
}

static int
field2(const struct report *rep, const char *name, const char *suffix)
{
	char tmp[256];

	if ((size_t)snprintf(tmp, sizeof tmp, "%s%s", name, suffix) >=
	    sizeof tmp)
		return -1;
	return field(rep, tmp);
}

static const char *
val(const struct report *rep, size_t row, int f)
{
	return f < 0 ? "" : rep->v[row * rep->nf + (size_t)f];
}

/* An indicator of the report: the fields its columns come from. */
struct ind {
	const char	*name;
	int		 actual, target, gap, met;
};

/* known_ind: the labels name indicator s[0..n). */
static int
known_ind(const struct labels *l, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < labels_nind(l); i++)
		if (strlen(labels_ind_name(l, i)) == n &&
		    strncmp(labels_ind_name(l, i), s, n) == 0)
			return 1;
	return 0;
}

/* find_indicators lists the indicators the stream carries: those of the
 * labels first, in their order, then any other X with an X_target field,
 * in the stream's order.  With need_actual, X itself must be there too. */
static size_t
find_indicators(struct report *rep, const struct labels *l, int need_actual,
    struct ind **out)
{
	struct ind *ind = xcalloc(labels_nind(l) + rep->nf, sizeof *ind);
	struct hash *seen = hash_new();
	size_t n = 0, i, len;
	const char *name;
	int added;

	for (i = 0; i < labels_nind(l) + rep->nf; i++) {
		if (i < labels_nind(l))
			name = labels_ind_name(l, i);
		else {
			/* Any other X_target field names an indicator X. */
			name = rep->name[i - labels_nind(l)];
			len = strlen(name);
			if (len <= 7 || strcmp(name + len - 7, "_target") != 0)
				continue;
			/* Once each, by a hash: there may be thousands. */
			hash_add(seen, name, len - 7, &added);
			if (!added || known_ind(l, name, len - 7))
				continue;
			name = pool(rep, xstrndup(name, len - 7));
		}
		ind[n].name = name;
		ind[n].actual = field(rep, name);
		ind[n].target = field2(rep, name, "_target");
		ind[n].gap = field2(rep, name, "_gap");
		ind[n].met = field2(rep, name, "_met");
		if (ind[n].target < 0 || (need_actual && ind[n].actual < 0))
			continue;
		n++;
	}
	hash_free(seen, NULL);
	*out = ind;
	return n;
}

/* Columns are added to a table under construction. */
static struct rcol *
add_col(struct rtable *t, const char *label, enum rcol_kind kind)
{
	struct rcol *c;

	t->col = xgrow(t->col, &t->colcap, t->ncol + 1, sizeof *t->col);
	c = &t->col[t->ncol++];
	memset(c, 0, sizeof *c);
	c->label = label;
	c->kind = kind;
	if (kind == RCOL_NUM)
		c->flags = FMT_GROUP;
	return c;
}

static void
add_legend(struct rtable *t, const char *s, const char *label)
{
	size_t cap = t->legendcap;

	t->legend_short = xgrow(t->legend_short, &cap, t->nlegend + 1,
	    sizeof *t->legend_short);
	t->legend_label = xgrow(t->legend_label, &t->legendcap, t->nlegend + 1,
	    sizeof *t->legend_label);
	t->legend_short[t->nlegend] = s;
	t->legend_label[t->nlegend++] = label;
}

/* places_of sets a number column's places: the most digits after the
 * point any of its cells has as written, so "20.00" next to "35.09" stays
 * 20,00 and a column of "100" shows 100. */
static void
set_places(struct rtable *t)
{
	size_t r, c;
	int d;

	for (c = 0; c < t->ncol; c++) {
		if (t->col[c].kind != RCOL_NUM)
			continue;
		for (r = 0; r < t->nrow; r++) {
			const char *s = t->cell[r * t->ncol + c];

			d = fmt_decimals(s, strlen(s));
			if (d > t->col[c].places)
				t->col[c].places = d;
		}
	}
}

/* is_id: a field of codes, years or identifiers, shown as written. */
static int
is_id(const char *name)
{
	static const char *const exact[] = { "code", "id", "year", NULL };
	static const char *const suffix[] = { "_code", "_id", "_year", NULL };
	size_t i, n = strlen(name), k;

	for (i = 0; exact[i] != NULL; i++)
		if (strcmp(name, exact[i]) == 0)
			return 1;
	for (i = 0; suffix[i] != NULL; i++) {
		k = strlen(suffix[i]);
		if (n > k && strcmp(name + n - k, suffix[i]) == 0)
			return 1;
	}
	return 0;
}

/* Sections: the distinct values of the level field, in order of first
 * appearance; one section of every row without a level field. */
static size_t
sections(struct report *rep, int flevel, const char ***levels)
{
	const char **lv = xcalloc(rep->nrows + 1, sizeof *lv);
	size_t n = 0, r, i;

	if (flevel < 0) {
		*levels = lv;
		return 1;
	}
	for (r = 0; r < rep->nrows; r++) {
		const char *v = val(rep, r, flevel);

		for (i = 0; i < n; i++)
			if (strcmp(lv[i], v) == 0)
				break;
		if (i == n)
			lv[n++] = v;
	}
	*levels = lv;
	/* No rows: one table of headers all the same. */
	return n > 0 ? n : 1;
}

static int
in_section(const struct report *rep, size_t r, int flevel, const char *level)
{
	return flevel < 0 || level == NULL ||
	    strcmp(val(rep, r, flevel), level) == 0;
}

static void
alloc_rows(struct report *rep, struct rtable *t, int flevel)
{
	size_t r;

	t->nrow = 0;
	for (r = 0; r < rep->nrows; r++)
		t->nrow += in_section(rep, r, flevel, t->level);
	t->cell = xcalloc(t->nrow * t->ncol + 1, sizeof *t->cell);
	t->src = xcalloc(t->nrow + 1, sizeof *t->src);
	t->total = xcalloc(t->nrow + 1, sizeof *t->total);
	t->unreported = xcalloc(t->nrow + 1, sizeof *t->unreported);
}

static void
build_plain(struct report *rep, const struct labels *l)
{
	struct rtable *t;
	size_t r, c;
	int fdist = field(rep, "district");

	rep->nt = 1;
	rep->t = t = xcalloc(1, sizeof *rep->t);
	for (c = 0; c < rep->nf; c++) {
		enum rcol_kind kind = RCOL_TEXT;
		size_t nnum = 0, nempty = 0;

		for (r = 0; r < rep->nrows; r++) {
			const char *v = val(rep, r, (int)c);

			if (*v == '\0')
				nempty++;
			else if (fmt_decimals(v, strlen(v)) >= 0)
				nnum++;
		}
		if (nnum > 0 && nnum + nempty == rep->nrows)
			kind = is_id(rep->name[c]) ? RCOL_ID : RCOL_NUM;
		add_col(t, rep->name[c], kind)->role = (int)c == fdist ?
		    RCOL_DISTRICT : RCOL_OTHER;
	}
	alloc_rows(rep, t, -1);
	for (r = 0; r < rep->nrows; r++) {
		const char *d = val(rep, r, fdist);

		for (c = 0; c < rep->nf; c++)
			t->cell[r * t->ncol + c] = val(rep, r, (int)c);
		t->src[r] = r;
		t->total[r] = fdist >= 0 && labels_is_total(l, d, strlen(d));
	}
	set_places(t);
}

/* The most digits a count of schools has: sums and rates of such counts
 * stay far inside 64 bits. */
#define COUNT_DIGITS	12

/* count_of reads a count of schools, digits only; returns -1 for
 * anything else (empty included). */
static int
count_of(const char *s, unsigned long long *out)
{
	unsigned long long v = 0;
	size_t i;

	for (i = 0; s[i] != '\0'; i++) {
		if (s[i] < '0' || s[i] > '9' || i == COUNT_DIGITS)
			return -1;
		v = 10 * v + (unsigned long long)(s[i] - '0');
	}
	if (i == 0)
		return -1;
	*out = v;
	return 0;
}

/* The fields of coverage, when the stream has both. */
struct cover {
	int		 expected, reported;
};

/* check_cover checks every row's counts of schools: numbers, no more
 * reported than expected.  Returns -1 with err and the row's place in
 * rep, else 0. */
static int
check_cover(struct report *rep, const struct cover *cv, struct buf *err)
{
	unsigned long long e = 0, n = 0;
	const char *se, *sn;
	size_t r;
	int bad;

	for (r = 0; r < rep->nrows; r++) {
		se = val(rep, r, cv->expected);
		sn = val(rep, r, cv->reported);
		if ((bad = count_of(se, &e) != 0) || count_of(sn, &n) != 0)
			buf_printf(err, "field \"%s\": \"%s\" is not a number "
			    "of schools (digits, at most %d)", bad ?
			    "schools_expected" : "schools_reported", bad ? se :
			    sn, COUNT_DIGITS);
		else if (n > e)
			buf_printf(err, "schools_reported %s is more than "
			    "schools_expected %s", sn, se);
		else
			continue;
		rep->err_file = rep->rfile[r];
		rep->err_line = rep->rline[r];
		return -1;
	}
	return 0;
}

/* put_count appends the count s grouped in the labels' form. */
static void
put_count(struct buf *out, const char *s, const struct labels *l)
{
	struct fmt_locale loc = { l->decimal, l->group };

	if (fmt_num(out, s, strlen(s), 0, &loc, FMT_GROUP) != 0)
		buf_adds(out, s);
}

/* total_label: the total row's name with its schools, "Tổng cộng
 * (120/127 trường)". */
static const char *
total_label(struct report *rep, const struct labels *l, const char *se,
    const char *sn)
{
	struct buf e = { 0 }, n = { 0 }, out = { 0 };

	put_count(&e, se, l);
	put_count(&n, sn, l);
	labels_total_coverage(&out, l, n.p, e.p);
	buf_free(&e);
	buf_free(&n);
	return pool(rep, out.p != NULL ? out.p : xstrdup(""));
}

/* set_note sums t's schools (its first total row's, or all its rows')
 * and writes the note when some have not reported. */
static void
set_note(struct report *rep, struct rtable *t, const struct labels *l,
    const struct cover *cv)
{
	struct fmt_locale loc = { l->decimal, l->group };
	struct buf b[4] = { { 0 }, { 0 }, { 0 }, { 0 } }, out = { 0 };
	struct buf rate = { 0 };
	struct dec num = { 0, 0 }, den = { 0, 0 };
	unsigned long long e = 0, n = 0;
	char tmp[64];
	size_t r, first = t->nrow;
	int i;

	for (r = 0; r < t->nrow && first == t->nrow; r++)
		if (t->total[r])
			first = r;
	t->expected = t->reported = 0;
	for (r = 0; r < t->nrow; r++) {
		if (first < t->nrow && r != first)
			continue;
		/* Checked: at most 12 digits each, so that the sum of
		 * millions of rows still fits. */
		count_of(val(rep, t->src[r], cv->expected), &e);
		count_of(val(rep, t->src[r], cv->reported), &n);
		t->expected += e;
		t->reported += n;
	}
	if (t->reported >= t->expected)
		return;
	/* The rate as luong-rates rounds one, but never 100% while a
	 * school is missing, nor 0% once one has reported. */
	num.m = (__int128)t->reported;
	den.m = (__int128)t->expected;
	dec_ratio(&rate, &num, &den, 2);
	if (strcmp(rate.p, "100.00") == 0) {
		buf_reset(&rate);
		buf_adds(&rate, "99.99");
	} else if (t->reported > 0 && strcmp(rate.p, "0.00") == 0) {
		buf_reset(&rate);
		buf_adds(&rate, "0.01");
	}
	snprintf(tmp, sizeof tmp, "%llu", t->reported);
	put_count(&b[0], tmp, l);
	snprintf(tmp, sizeof tmp, "%llu", t->expected);
	put_count(&b[1], tmp, l);
	snprintf(tmp, sizeof tmp, "%llu", t->expected - t->reported);
	put_count(&b[2], tmp, l);
	fmt_num(&b[3], rate.p, rate.len, 2, &loc, FMT_GROUP);
	buf_free(&rate);
	labels_coverage(&out, l, b[0].p, b[1].p, b[2].p, b[3].p);
	for (i = 0; i < 4; i++)
		buf_free(&b[i]);
	t->note = pool(rep, out.p != NULL ? out.p : xstrdup(""));
}

/* fill_rows fills a report or appendix table: STT, district, the schools
 * (with coverage), then the indicator columns as build_tables lays them
 * out. */
static void
fill_rows(struct report *rep, struct rtable *t, const struct labels *l,
    int flevel, const struct ind *ind, size_t nind, int report, int frank,
    const struct cover *cv)
{
	int fdist = field(rep, "district");
	size_t r, i, k = 0, stt = 0, c;
	unsigned long long e = 0, n = 0;

	alloc_rows(rep, t, flevel);
	for (r = 0; r < rep->nrows; r++) {
		const char **cell;
		const char *d, *m;
		char tmp[32];

		if (!in_section(rep, r, flevel, t->level))
			continue;
		cell = &t->cell[k * t->ncol];
		t->src[k] = r;
		d = val(rep, r, fdist);
		t->total[k] = labels_is_total(l, d, strlen(d));
		c = 0;
		if (t->total[k])
			cell[c++] = "";
		else {
			snprintf(tmp, sizeof tmp, "%02zu", ++stt);
			cell[c++] = pool(rep, xstrdup(tmp));
		}
		cell[c++] = t->total[k] ? l->total : d;
		if (t->cover) {
			const char *se = val(rep, r, cv->expected);
			const char *sn = val(rep, r, cv->reported);
			struct buf b = { 0 };

			buf_printf(&b, "%s/%s", sn, se);
			cell[c++] = pool(rep, b.p);
			/* Checked: counts, no more reported than expected. */
			count_of(se, &e);
			count_of(sn, &n);
			t->unreported[k] = n == 0 && e > 0;
		}
		for (i = 0; i < nind; i++) {
			if (!report) {
				cell[c++] = val(rep, r, ind[i].target);
				continue;
			}
			cell[c++] = val(rep, r, ind[i].actual);
			cell[c++] = val(rep, r, ind[i].target);
			if (ind[i].gap >= 0)
				cell[c++] = val(rep, r, ind[i].gap);
			if (ind[i].met >= 0) {
				m = val(rep, r, ind[i].met);
				cell[c++] = strcmp(m, "1") == 0 ? l->met :
				    strcmp(m, "0") == 0 ? l->missed : m;
			}
		}
		if (frank >= 0)
			cell[c++] = val(rep, r, frank);
		k++;
	}
}

static void
add_charts(struct report *rep, struct rtable *t, const struct labels *l,
    int flevel, const struct ind *ind, size_t nind, const size_t *acol,
    const struct cover *cv)
{
	size_t i, r, k;

	t->chart = xcalloc(nind + 1, sizeof *t->chart);
	t->nchart = nind;
	for (i = 0; i < nind; i++) {
		struct rchart *ch = &t->chart[i];

		ch->title = labels_ind_label(l, ind[i].name, t->level);
		ch->actual_col = ind[i].name;
		ch->places = t->col[acol[i]].places;
		ch->tplaces = t->col[acol[i] + 1].places;
		ch->bar = xcalloc(t->nrow + 1, sizeof *ch->bar);
		for (r = k = 0; r < rep->nrows; r++) {
			struct rbar *b;
			const char *m;

			if (!in_section(rep, r, flevel, t->level))
				continue;
			b = &ch->bar[k];
			b->total = t->total[k];
			b->name = t->cell[k * t->ncol + 1];
			/* A chart has no column of schools: its total says
			 * how many it covers. */
			if (b->total && t->cover)
				b->name = total_label(rep, l,
				    val(rep, r, cv->expected),
				    val(rep, r, cv->reported));
			/* Nothing to draw: no value, and no target to miss. */
			if ((b->unreported = t->unreported[k]) != 0) {
				b->met = -1;
				k++;
				continue;
			}
			b->actual = val(rep, r, ind[i].actual);
			b->target = val(rep, r, ind[i].target);
			if (fmt_decimals(b->actual, strlen(b->actual)) < 0)
				b->actual = NULL;
			if (fmt_decimals(b->target, strlen(b->target)) < 0)
				b->target = NULL;
			m = val(rep, r, ind[i].met);
			b->met = ind[i].met < 0 ? -1 : strcmp(m, "1") == 0 ?
			    1 : strcmp(m, "0") == 0 ? 0 : -1;
			k++;
		}
		ch->nbar = k;
	}
}

/* rule_words appends the ranking rule rule (a rank_rule value) in
 * words: each key's from the labels (or its name), smallest first
 * said so, the later ones after rank_then. */
static void
rule_words(struct buf *out, const char *rule, const struct labels *l)
{
	struct buf keys = { 0 }, key = { 0 }, one = { 0 };
	const char *p = rule, *item, *words, *vals[1];
	size_t n;
	int desc, rc;

	while (item = p, (rc = rank_rule_next(&p, &item, &n, &desc)) != 0) {
		buf_reset(&key);
		buf_reset(&one);
		if (rc < 0) {
			/* Not a key: shown as it is written. */
			n = strcspn(item, ",");
			buf_add(&one, item, n);
		} else if ((words = labels_rank_key(l, item, n)) != NULL)
			buf_adds(&key, words);
		else
			buf_add(&key, item, n);
		if (rc > 0 && !desc) {
			vals[0] = key.p;
			labels_template(&one, l, LT_RANK_ASC, vals);
		} else if (rc > 0)
			buf_add(&one, key.p, key.len);
		if (keys.len > 0)
			buf_adds(&keys, l->rank_then);
		buf_add(&keys, one.p ? one.p : "", one.len);
	}
	vals[0] = keys.p ? keys.p : "";
	labels_template(out, l, LT_RANK_RULE, vals);
	buf_free(&keys);
	buf_free(&key);
	buf_free(&one);
}

/* set_rule sets t's rule from the rank_rule field of its first row that
 * has one. */
static void
set_rule(struct report *rep, struct rtable *t, const struct labels *l,
    int flevel)
{
	int frule = field(rep, "rank_rule");
	struct buf b = { 0 };
	const char *v;
	size_t r;

	if (frule < 0)
		return;
	for (r = 0; r < rep->nrows; r++) {
		if (!in_section(rep, r, flevel, t->level) ||
		    *(v = val(rep, r, frule)) == '\0')
			continue;
		rule_words(&b, v, l);
		t->rule = pool(rep, b.p);
		return;
	}
}

static void
build_tables(struct report *rep, const struct labels *l, int report,
    const struct ind *ind, size_t nind, const struct cover *cv)
{
	int flevel = field(rep, "level"), frank = field(rep, "rank");
	const char **levels;
	size_t s, i, *acol = xcalloc(nind + 1, sizeof *acol);

	rep->nt = sections(rep, flevel, &levels);
	rep->t = xcalloc(rep->nt, sizeof *rep->t);
	for (s = 0; s < rep->nt; s++) {
		struct rtable *t = &rep->t[s];
		struct rcol *c;

		t->level = levels[s];
		t->heading = t->level ? labels_level(l, t->level) : NULL;
		add_col(t, l->stt, RCOL_ID)->role = RCOL_STT;
		add_col(t, l->district, RCOL_TEXT)->role = RCOL_DISTRICT;
		if (cv != NULL) {
			t->cover = 1;
			add_col(t, l->schools, RCOL_COVER)->role = RCOL_SCHOOLS;
			t->vfirst = t->ncol;
		}
		for (i = 0; i < nind; i++) {
			const char *full = labels_ind_label(l, ind[i].name,
			    t->level);
			const char *brief = labels_ind_short(l, ind[i].name);

			if (!report) {
				/* The full wording differs between levels;
				 * one table of all levels uses the short. */
				c = add_col(t, full, RCOL_NUM);
				c->flat = brief;
				c->role = RCOL_TARGET;
				continue;
			}
			if (strcmp(brief, full) != 0)
				add_legend(t, brief, full);
			acol[i] = t->ncol;
			c = add_col(t, l->actual, RCOL_NUM);
			c->group = full, c->group_short = brief;
			c->role = RCOL_ACTUAL;
			c = add_col(t, l->target, RCOL_NUM);
			c->group = full, c->group_short = brief;
			c->role = RCOL_TARGET;
			if (ind[i].gap >= 0) {
				c = add_col(t, l->gap, RCOL_NUM);
				c->group = full, c->group_short = brief;
				c->flags |= FMT_PLUS;
				c->role = RCOL_GAP;
			}
			if (ind[i].met >= 0) {
				c = add_col(t, l->result, RCOL_TEXT);
				c->group = full, c->group_short = brief;
				c->met = 1;
				c->role = RCOL_RESULT;
			}
		}
		if (report && frank >= 0) {
			c = add_col(t, l->rank, RCOL_NUM);
			c->flags = 0;
			c->role = RCOL_RANK;
		}
		fill_rows(rep, t, l, flevel, ind, nind, report,
		    report ? frank : -1, cv);
		if (report && frank >= 0)
			set_rule(rep, t, l, flevel);
		if (t->cover)
			set_note(rep, t, l, cv);
		set_places(t);
		if (report)
			add_charts(rep, t, l, flevel, ind, nind, acol, cv);
	}
	free(acol);
	free(levels);
}

int
report_build(struct report *rep, enum report_layout layout,
    const struct labels *l, const char *title, struct buf *err)
{
	struct ind *ind = NULL;
	struct cover cv = { field(rep, "schools_expected"),
	    field(rep, "schools_reported") };
	size_t nind = 0;
	int fdist = field(rep, "district");

	rep->title_given = title != NULL;
	rep->title = title != NULL ? title : layout == LAYOUT_APPENDIX ?
	    l->appendix_title : l->title;
	if (layout != LAYOUT_PLAIN)
		nind = find_indicators(rep, l, layout == LAYOUT_REPORT, &ind);
	if (layout == LAYOUT_APPENDIX && (fdist < 0 || nind == 0)) {
		buf_adds(err, fdist < 0 ? "the appendix layout needs a "
		    "\"district\" field" : "the appendix layout needs an "
		    "X_target field, such as vocational_target");
		free(ind);
		return -1;
	}
	if (layout == LAYOUT_REPORT && (fdist < 0 || nind == 0))
		layout = LAYOUT_PLAIN;
	rep->layout = layout;
	if (layout == LAYOUT_REPORT && cv.expected >= 0 && cv.reported >= 0 &&
	    check_cover(rep, &cv, err) != 0) {
		free(ind);
		return -1;
	}
	if (layout == LAYOUT_PLAIN)
		build_plain(rep, l);
	else
		build_tables(rep, l, layout == LAYOUT_REPORT, ind, nind,
		    layout == LAYOUT_REPORT && cv.expected >= 0 &&
		    cv.reported >= 0 ? &cv : NULL);
	free(ind);
	return 0;
}

/* A row's place in the ranking view. */
struct by_rank {
	size_t		 section;	/* its level's, in order of appearance */
	int		 place;		/* 0 ranked, 1 not, 2 a total */
	unsigned long long rank;
	size_t		 row;		/* where it came: ties keep it */
};

static int
by_rank_cmp(const void *a, const void *b)
{
	const struct by_rank *x = a, *y = b;

	if (x->section != y->section)
		return x->section < y->section ? -1 : 1;
	if (x->place != y->place)
		return x->place - y->place;
	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	return x->row < y->row ? -1 : x->row > y->row;
}

/* The most digits a rank has (a rank is at most the number of rows). */
#define RANK_DIGITS	18

int
report_by_rank(struct report *rep, const struct labels *l, struct buf *err)
{
	int frank = field(rep, "rank"), flevel = field(rep, "level");
	int fdist = field(rep, "district");
	struct hash *levels = hash_new();
	struct by_rank *k;
	char **v;
	const char **rfile;
	unsigned long *rline;
	size_t r, i, n;

	if (frank < 0) {
		buf_adds(err, "--sort rank: the stream has no \"rank\" field "
		    "(luong-rank writes it)");
		hash_free(levels, NULL);
		return -1;
	}
	k = xcalloc(rep->nrows + 1, sizeof *k);
	for (r = 0; r < rep->nrows; r++) {
		const char *s = val(rep, r, frank), *d = val(rep, r, fdist);

		n = strlen(s);
		k[r].row = r;
		k[r].section = flevel < 0 ? 0 : hash_add(levels,
		    val(rep, r, flevel), strlen(val(rep, r, flevel)), NULL);
		k[r].place = fdist >= 0 && labels_is_total(l, d, strlen(d)) ?
		    2 : n == 0;
		for (i = 0; i < n && s[i] >= '0' && s[i] <= '9'; i++)
			k[r].rank = 10 * k[r].rank + (unsigned)(s[i] - '0');
		if (i < n || n > RANK_DIGITS) {
			buf_printf(err, "field \"rank\": \"%.40s\" is not a rank "
			    "(a whole number)", s);
			rep->err_file = rep->rfile[r];
			rep->err_line = rep->rline[r];
			free(k);
			hash_free(levels, NULL);
			return -1;
		}
	}
	hash_free(levels, NULL);
	qsort(k, rep->nrows, sizeof *k, by_rank_cmp);
	/* The rows moved to their places: values, files and lines. */
	v = xcalloc(rep->nrows * rep->nf + 1, sizeof *v);
	rfile = xcalloc(rep->nrows + 1, sizeof *rfile);
	rline = xcalloc(rep->nrows + 1, sizeof *rline);
	for (r = 0; r < rep->nrows; r++) {
		if (rep->nf > 0)
			memcpy(v + r * rep->nf, rep->v + k[r].row * rep->nf,
			    rep->nf * sizeof *v);
		rfile[r] = rep->rfile[k[r].row];
		rline[r] = rep->rline[k[r].row];
	}
	free(rep->v);
	free(rep->rfile);
	free(rep->rline);
	rep->v = v;
	rep->rfile = rfile;
	rep->rline = rline;
	free(k);
	return 0;
}

double
report_axis(const struct rchart *ch, double *step)
{
	static const double nice[] = { 1, 2, 2.5, 5 };
	double m = 0, v, p, st, end;
	size_t i, k;

	for (i = 0; i < ch->nbar; i++) {
		if (ch->bar[i].actual &&
		    (v = strtod(ch->bar[i].actual, NULL)) > m && isfinite(v))
			m = v;
		if (ch->bar[i].target &&
		    (v = strtod(ch->bar[i].target, NULL)) > m && isfinite(v))
			m = v;
	}
	if (m <= 0)
		m = 1;
	/* The smallest end of 3 to 6 steps of a nice size: steps from a
	 * power of ten below m / 6 up, the first whose end covers m in no
	 * more than 6 of them. */
	p = pow(10, floor(log10(m / 6)));
	for (;; p *= 10)
		for (k = 0; k < sizeof nice / sizeof nice[0]; k++) {
			st = nice[k] * p;
			end = ceil(m / st - 1e-9) * st;
			if (end / st <= 6 + 1e-9) {
				if (end / st < 3 - 1e-9)
					end = 3 * st;
				*step = st;
				return end;
			}
		}
}

int
report_is_num(const struct rtable *t, size_t row, size_t col)
{
	const char *s = t->cell[row * t->ncol + col];

	return t->col[col].kind == RCOL_NUM && fmt_decimals(s, strlen(s)) >= 0;
}

void
report_cell(struct buf *out, const struct rtable *t, size_t row, size_t col,
    const struct fmt_locale *loc)
{
	const struct rcol *c = &t->col[col];
	const char *s = t->cell[row * t->ncol + col], *slash;
	size_t n = strlen(s);

	if (c->kind == RCOL_COVER && (slash = strchr(s, '/')) != NULL &&
	    fmt_num(out, s, (size_t)(slash - s), 0, loc, FMT_GROUP) == 0) {
		buf_addc(out, '/');
		if (fmt_num(out, slash + 1, strlen(slash + 1), 0, loc,
		    FMT_GROUP) != 0)
			buf_adds(out, slash + 1);
		return;
	}
	if (c->kind == RCOL_NUM &&
	    fmt_num(out, s, n, c->places, loc, c->flags) == 0)
		return;
	buf_add(out, s, n);
}

void
report_where(const struct report *rep, const struct rtable *t, size_t row,
    const char **file, unsigned long *line)
{
	if (t == NULL || row >= t->nrow) {
		*file = rep->hfile;
		*line = 1;
		return;
	}
	*file = rep->rfile[t->src[row]];
	*line = rep->rline[t->src[row]];
}

const char *
report_roman(size_t n)
{
	static const char *const units[] = { "", "I", "II", "III", "IV", "V",
	    "VI", "VII", "VIII", "IX" };
	static const char *const tens[] = { "", "X", "XX", "XXX" };
	static char tmp[16];

	if (n < 1 || n > 39)
		return "";
	snprintf(tmp, sizeof tmp, "%s%s", tens[n / 10], units[n % 10]);
	return tmp;
}
