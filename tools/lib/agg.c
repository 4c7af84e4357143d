#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agg.h"
#include "cfg.h"
#include "dec.h"
#include "diag.h"
#include "hash.h"
#include "text.h"

#define I128_MAX	((__int128)(((unsigned __int128)1 << 127) - 1))

/* ---- expressions ------------------------------------------------------- */

struct lex {
	const char	*s;
	size_t		 i;
	struct agg_err	*e;
};

static int
fail(struct lex *l, size_t pos, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int
fail(struct lex *l, size_t pos, const char *fmt, ...)
{
	va_list ap;

	l->e->pos = pos;
	va_start(ap, fmt);
	vsnprintf(l->e->msg, sizeof l->e->msg, fmt, ap);
	va_end(ap);
	return -1;
}

static void
skip_ws(struct lex *l)
{
	while (l->s[l->i] == ' ' || l->s[l->i] == '\t')
		l->i++;
}

static int
is_word(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '_';
}

/* is_field_char: a field name is any run of bytes but these. */
static int
is_field_char(char c)
{
	return c != '\0' && strchr(" \t()=|/", c) == NULL;
}

int
agg_valid_name(const char *s)
{
	size_t i;

	if (!((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z') ||
	    s[0] == '_'))
		return 0;
	for (i = 1; s[i] != '\0'; i++)
		if (!is_word(s[i]))
			return 0;
	return 1;
}

/* what names the character at the cursor for a message. */
static const char *
what(struct lex *l, char *tmp, size_t n)
{
	unsigned char c = (unsigned char)l->s[l->i];

	if (c == '\0')
		return "the end";
	if (c < 0x80)
		snprintf(tmp, n, "\"%c\"", c);
	else
		snprintf(tmp, n, "a non-ASCII character");
	return tmp;
}

static int
expect(struct lex *l, char c, const char *where)
{
	char tmp[32];

	skip_ws(l);
	if (l->s[l->i] != c)
		return fail(l, l->i, "expected \"%c\"%s, found %s", c, where,
		    what(l, tmp, sizeof tmp));
	l->i++;
	return 0;
}

/* value reads one count_if value up to an unescaped "|" or ")", trimmed;
 * a backslash takes the next character literally. */
static int
value(struct lex *l, struct agg_term *t)
{
	struct buf raw = { 0 }, nfc = { 0 };
	size_t start, bad, keep = 0;

	skip_ws(l);
	start = l->i;
	for (;;) {
		char c = l->s[l->i];

		if (c == '\0' || c == '|' || c == ')')
			break;
		if (c == '\\' && l->s[l->i + 1] != '\0') {
			buf_addc(&raw, l->s[l->i + 1]);
			l->i += 2;
			keep = raw.len;	/* an escaped space is not trimmed */
			continue;
		}
		buf_addc(&raw, c);
		if (c != ' ' && c != '\t')
			keep = raw.len;
		l->i++;
	}
	raw.len = keep;
	if (raw.len == 0) {
		buf_free(&raw);
		return fail(l, start, "empty value in count_if()");
	}
	raw.p[raw.len] = '\0';
	if (text_utf8_check(raw.p, raw.len, &bad) != 0) {
		buf_free(&raw);
		return fail(l, start, "value is not valid UTF-8");
	}
	/* Stream values are NFC: so are the values they are compared to. */
	text_nfc(&nfc, raw.p, raw.len);
	buf_free(&raw);
	t->vals = xrealloc(t->vals, (t->nvals + 1) * sizeof *t->vals);
	t->vlen = xrealloc(t->vlen, (t->nvals + 1) * sizeof *t->vlen);
	t->vals[t->nvals] = nfc.p;
	t->vlen[t->nvals] = nfc.len;
	t->nvals++;
	return 0;
}

static int
field(struct lex *l, struct agg_term *t, const char *fn)
{
	char tmp[32];
	size_t start;

	skip_ws(l);
	start = l->i;
	while (is_field_char(l->s[l->i]))
		l->i++;
	if (l->i == start)
		return fail(l, start, "expected a field name in %s(), found %s",
		    fn, what(l, tmp, sizeof tmp));
	t->field = xstrndup(l->s + start, l->i - start);
	t->pos = start;
	return 0;
}

static int
term(struct lex *l, struct agg_term *t)
{
	char tmp[32];
	size_t start, n;

	skip_ws(l);
	start = l->i;
	while (is_word(l->s[l->i]))
		l->i++;
	n = l->i - start;
	t->pos = start;
	t->fi = -1;
	if (n == 0)
		return fail(l, start, "expected sum(), count() or count_if(), "
		    "found %s", what(l, tmp, sizeof tmp));
	if (n == 3 && memcmp(l->s + start, "sum", 3) == 0) {
		t->op = AGG_SUM;
		if (expect(l, '(', " after sum") < 0 || field(l, t, "sum") < 0)
			return -1;
	} else if (n == 5 && memcmp(l->s + start, "count", 5) == 0) {
		t->op = AGG_COUNT;
		if (expect(l, '(', " after count") < 0)
			return -1;
		skip_ws(l);
		if (l->s[l->i] != ')') {
			t->op = AGG_COUNT_FIELD;
			if (field(l, t, "count") < 0)
				return -1;
		}
	} else if (n == 8 && memcmp(l->s + start, "count_if", 8) == 0) {
		t->op = AGG_COUNT_TRUE;
		if (expect(l, '(', " after count_if") < 0 ||
		    field(l, t, "count_if") < 0)
			return -1;
		skip_ws(l);
		if (l->s[l->i] == '=') {
			t->op = AGG_COUNT_IN;
			do {
				l->i++;
				if (value(l, t) < 0)
					return -1;
			} while (l->s[l->i] == '|');
		}
	} else
		return fail(l, start, "unknown function \"%.*s\": expected "
		    "sum, count or count_if", (int)n, l->s + start);
	return expect(l, ')', "");
}

static void
term_clear(struct agg_term *t)
{
	size_t i;

	free(t->field);
	for (i = 0; i < t->nvals; i++)
		free(t->vals[i]);
	free(t->vals);
	free(t->vlen);
	memset(t, 0, sizeof *t);
	t->fi = -1;
}

void
agg_ind_clear(struct agg_ind *ind)
{
	free(ind->name);
	free(ind->label);
	free(ind->src);
	free(ind->file);
	term_clear(&ind->num);
	term_clear(&ind->den);
	memset(ind, 0, sizeof *ind);
}

int
agg_parse(struct agg_ind *ind, const char *src, int with_name,
    struct agg_err *e)
{
	struct lex l = { src, 0, e };
	char tmp[32];
	size_t start;

	ind->num.fi = ind->den.fi = -1;
	if (with_name) {
		skip_ws(&l);
		start = l.i;
		while (is_word(src[l.i]))
			l.i++;
		if (l.i == start || (src[start] >= '0' && src[start] <= '9')) {
			fail(&l, start, "expected an indicator name (a letter "
			    "or \"_\", then letters, digits, \"_\")");
			goto bad;
		}
		ind->name = xstrndup(src + start, l.i - start);
		if (expect(&l, '=', " after the indicator name") < 0)
			goto bad;
	}
	if (term(&l, &ind->num) < 0 ||
	    expect(&l, '/', " between numerator and denominator") < 0 ||
	    term(&l, &ind->den) < 0)
		goto bad;
	skip_ws(&l);
	if (src[l.i] != '\0') {
		fail(&l, l.i, "unexpected %s after the denominator",
		    what(&l, tmp, sizeof tmp));
		goto bad;
	}
	ind->src = xstrdup(src);
	return 0;
bad:
	agg_ind_clear(ind);
	return -1;
}

void
agg_fatal(const struct agg_ind *ind, size_t pos, const char *fmt, ...)
{
	char msg[1024];
	unsigned long col = ind->col;
	size_t i;
	va_list ap;

	/* Columns count characters, as libyaml's do: skip UTF-8 trail
	 * bytes. */
	for (i = 0; i < pos && ind->src[i] != '\0'; i++)
		if (((unsigned char)ind->src[i] & 0xC0) != 0x80)
			col++;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	diag_at(ind->file, ind->line, col, "%s", msg);
	exit(EXIT_USAGE);
}

static int
bind_term(struct agg_term *t, char *const *names, size_t nf)
{
	size_t i;

	t->fi = -1;
	if (t->field == NULL)
		return 0;
	for (i = 0; i < nf; i++)
		if (strcmp(names[i], t->field) == 0) {
			t->fi = (int)i;
			return 0;
		}
	return -1;
}

static int
needs(const struct agg_term *t)
{
	return t->op == AGG_SUM || t->op == AGG_COUNT_TRUE ||
	    t->op == AGG_COUNT_IN;
}

int
agg_bind(struct agg_ind *ind, char *const *names, size_t nf,
    const struct agg_term **bad)
{
	if (bind_term(&ind->num, names, nf) < 0) {
		*bad = &ind->num;
		return -1;
	}
	if (bind_term(&ind->den, names, nf) < 0) {
		*bad = &ind->den;
		return -1;
	}
	ind->nneed = 0;
	if (needs(&ind->num))
		ind->need[ind->nneed++] = ind->num.fi;
	if (needs(&ind->den) && !(ind->nneed == 1 &&
	    ind->need[0] == ind->den.fi))
		ind->need[ind->nneed++] = ind->den.fi;
	return 0;
}

/* ---- rows and partial sums --------------------------------------------- */

/* count_of is eval for a term that counts (any but sum): 1 or 0, or -1
 * (*badf set) for a count_if(f) whose f is not 1 or 0. */
static inline int
count_of(const struct agg_term *t, char *const *f, const size_t *len,
    int *badf)
{
	size_t i;
	int rc;

	switch (t->op) {
	case AGG_COUNT:
		return 1;
	case AGG_COUNT_FIELD:
		return len[t->fi] > 0;
	case AGG_COUNT_TRUE:
		if ((rc = agg_parse_bool(f[t->fi], len[t->fi])) < 0)
			*badf = t->fi;
		return rc;
	default:
		for (i = 0; i < t->nvals; i++)
			if (len[t->fi] == t->vlen[i] &&
			    hash_same(f[t->fi], t->vals[i], t->vlen[i]))
				return 1;
		return 0;
	}
}

/* eval puts term t's value on the row in v: a sum's number, or a
 * count's 1 or 0 (count_of). */
static int
eval(const struct agg_term *t, char *const *f, const size_t *len,
    struct dec *v, int *badf)
{
	int rc;

	v->scale = 0;
	if (t->op == AGG_SUM) {
		rc = dec_read(f[t->fi], len[t->fi], v);
		if (rc == DEC_OK)
			return AGG_OK;
		*badf = t->fi;
		return rc == DEC_ESYNTAX ? AGG_BADNUM : AGG_OVERFLOW;
	}
	if ((rc = count_of(t, f, len, badf)) < 0)
		return AGG_BADBOOL;
	v->m = (unsigned)rc;
	return AGG_OK;
}

int
agg_add(const struct agg_ind *ind, char *const *f, const size_t *len,
    struct agg_acc *acc, int *badf)
{
	struct dec n, d, sn, sd;
	size_t i;
	int rc, x, y;

	for (i = 0; i < ind->nneed; i++)
		if (len[ind->need[i]] == 0) {
			acc->miss++;
			*badf = ind->need[i];
			return AGG_MISSING;
		}
	/* Counts over counts (whole numbers, as the sums they go into):
	 * eval and dec_add's results without a struct dec. */
	if (ind->num.op != AGG_SUM && ind->den.op != AGG_SUM &&
	    acc->num.scale == 0 && acc->den.scale == 0) {
		if ((x = count_of(&ind->num, f, len, badf)) < 0 ||
		    (y = count_of(&ind->den, f, len, badf)) < 0)
			return AGG_BADBOOL;
		if ((x > 0 && acc->num.m == I128_MAX) ||
		    (y > 0 && acc->den.m == I128_MAX)) {
			*badf = -1;
			return AGG_OVERFLOW;
		}
		acc->num.m += x;
		acc->den.m += y;
		return AGG_OK;
	}
	if ((rc = eval(&ind->num, f, len, &n, badf)) != AGG_OK ||
	    (rc = eval(&ind->den, f, len, &d, badf)) != AGG_OK)
		return rc;
	sn = acc->num;
	sd = acc->den;
	if (dec_add(&sn, &n) != DEC_OK || dec_add(&sd, &d) != DEC_OK) {
		*badf = -1;
		return AGG_OVERFLOW;
	}
	acc->num = sn;
	acc->den = sd;
	return AGG_OK;
}

int
agg_acc_merge(struct agg_acc *dst, const struct agg_acc *src)
{
	struct dec n = dst->num, d = dst->den;

	if (dec_add(&n, &src->num) != DEC_OK ||
	    dec_add(&d, &src->den) != DEC_OK ||
	    dst->miss > ULLONG_MAX - src->miss)
		return -1;
	dst->num = n;
	dst->den = d;
	dst->miss += src->miss;
	return 0;
}

int
agg_parse_bool(const char *s, size_t n)
{
	if (n == 1 && (s[0] == '1' || s[0] == '0'))
		return s[0] == '1';
	return -1;
}

/* ---- groups -------------------------------------------------------------- */

struct agg_groups {
	struct hash		*keys;		/* looked up through its memo */
	size_t			 nind, cap;
	struct agg_acc		*acc;	/* [group * nind + indicator] */
	struct agg_counts	*cnt;
};

int
agg_counts_merge(struct agg_counts *dst, const struct agg_counts *src)
{
	if (dst->rows > ULLONG_MAX - src->rows ||
	    dst->expected > ULLONG_MAX - src->expected ||
	    dst->reported > ULLONG_MAX - src->reported)
		return -1;
	dst->rows += src->rows;
	dst->expected += src->expected;
	dst->reported += src->reported;
	return 0;
}

int
agg_count_row(const int *cov, char *const *f, const size_t *len,
    struct agg_counts *n, int *badf)
{
	int e, r;

	if (cov == NULL) {
		n->rows++;
		return 1;
	}
	if ((e = agg_parse_bool(f[cov[0]], len[cov[0]])) < 0) {
		*badf = cov[0];
		return -1;
	}
	if ((r = agg_parse_bool(f[cov[1]], len[cov[1]])) < 0) {
		*badf = cov[1];
		return -1;
	}
	n->rows++;
	n->expected += (unsigned)e;
	n->reported += (unsigned)(e && r);
	return r;
}

struct agg_groups *
agg_groups_new(size_t nind)
{
	struct agg_groups *t = xcalloc(1, sizeof *t);

	t->keys = hash_new();
	t->nind = nind;
	return t;
}

void
agg_groups_free(struct agg_groups *t)
{
	if (t == NULL)
		return;
	hash_free(t->keys, NULL);
	free(t->acc);
	free(t->cnt);
	free(t);
}

size_t
agg_groups_add(struct agg_groups *t, const char *key, size_t n)
{
	size_t g;
	int added;

	g = hash_add_memo(t->keys, key, n, &added);
	if (!added)
		return g;
	if (g == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 64;
		t->acc = xrealloc(t->acc, t->cap * (t->nind ? t->nind : 1) *
		    sizeof *t->acc);
		t->cnt = xrealloc(t->cnt, t->cap * sizeof *t->cnt);
	}
	memset(&t->acc[g * t->nind], 0, t->nind * sizeof *t->acc);
	memset(&t->cnt[g], 0, sizeof t->cnt[g]);
	return g;
}

size_t
agg_groups_count(const struct agg_groups *t)
{
	return hash_count(t->keys);
}

const char *
agg_groups_key(const struct agg_groups *t, size_t g)
{
	return hash_key(t->keys, g, NULL);
}

struct agg_acc *
agg_groups_acc(struct agg_groups *t, size_t g)
{
	return &t->acc[g * t->nind];
}

struct agg_counts *
agg_groups_counts(struct agg_groups *t, size_t g)
{
	return &t->cnt[g];
}

void
agg_fields_names(struct buf *b, const char *name, int partial)
{
	buf_printf(b, "%s_num\t%s_den\t%s%s", name, name, name,
	    partial ? "_miss" : "");
}

int
agg_fields_values(struct buf *b, const struct agg_acc *a, int partial)
{
	size_t len = b->len;

	dec_put(b, &a->num);
	buf_addc(b, '\t');
	dec_put(b, &a->den);
	buf_addc(b, '\t');
	if (partial)
		buf_printf(b, "%llu", a->miss);
	else if (dec_ratio(b, &a->num, &a->den, 2) != DEC_OK) {
		b->len = len;
		b->p[len] = '\0';
		return -1;
	}
	return 0;
}

int
agg_parse_count(const char *s, size_t n, unsigned long long *out)
{
	unsigned long long v = 0;
	size_t i;

	if (n == 0)
		return -1;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9' ||
		    v > (ULLONG_MAX - (unsigned)(s[i] - '0')) / 10)
			return -1;
		v = v * 10 + (unsigned)(s[i] - '0');
	}
	*out = v;
	return 0;
}

int
agg_fields_parse(char *const *f, const size_t *len, struct agg_acc *a,
    int *bad)
{
	if (dec_read(f[0], len[0], &a->num) != DEC_OK) {
		*bad = 0;
		return -1;
	}
	if (dec_read(f[1], len[1], &a->den) != DEC_OK) {
		*bad = 1;
		return -1;
	}
	if (agg_parse_count(f[2], len[2], &a->miss) != 0) {
		*bad = 2;
		return -1;
	}
	return 0;
}

/* ---- the indicators file ------------------------------------------------ */

void
agg_parse_at(struct agg_ind *ind, const char *src, int with_name,
    const char *file, unsigned long line, unsigned long col,
    const char *what)
{
	struct agg_err e;

	memset(ind, 0, sizeof *ind);
	if (agg_parse(ind, src, with_name, &e) < 0) {
		struct agg_ind where = { 0 };

		where.file = (char *)file;
		where.line = line;
		where.col = col;
		where.src = (char *)src;
		if (what != NULL)
			agg_fatal(&where, e.pos, "%s: %s", what, e.msg);
		agg_fatal(&where, e.pos, "%s", e.msg);
	}
	ind->file = xstrdup(file);
	ind->line = line;
	ind->col = col;
}

/* parse_node parses the expression in scalar node into ind. */
static void
parse_node(const struct cfg *c, const struct cfg_node *node,
    struct agg_ind *ind, const char *name)
{
	cfg_want(c, node, CFG_SCALAR, name);
	/* A quoted scalar's text starts after its quote. */
	agg_parse_at(ind, node->str, 0, c->path, node->line,
	    node->col + (node->plain ? 0 : 1), name);
	ind->name = xstrdup(name);
}

static char *
label_for(const struct cfg *c, const struct cfg_node *lab, const char *level)
{
	const struct cfg_node *v;
	size_t i;

	if (lab == NULL)
		return NULL;
	if (lab->type == CFG_SCALAR)
		return xstrdup(lab->str);
	if (lab->type != CFG_MAP)
		cfg_error(c, lab, "label: expected a string, or a mapping from "
		    "levels to strings");
	for (i = 0; i < lab->n; i++)
		cfg_want(c, lab->items[i], CFG_SCALAR, "label");
	if (level == NULL || (v = cfg_get(lab, level)) == NULL)
		return NULL;
	return xstrdup(v->str);
}

struct agg_ind *
agg_load(const char *path, const char *level, size_t *n)
{
	static const char *const top_keys[] = { "indicators", NULL };
	static const char *const ind_keys[] = { "name", "label", "school",
	    "student", NULL };
	struct cfg *c = cfg_load(path);
	const struct cfg_node *list, *it, *nm, *school, *student;
	struct agg_ind *v, tmp;
	size_t i, j, k, nv = 0;

	if (c->root == NULL)
		cfg_error(c, NULL, "empty file: expected \"indicators:\"");
	cfg_want(c, c->root, CFG_MAP, "the file");
	cfg_keys(c, c->root, top_keys);
	list = cfg_get(c->root, "indicators");
	if (list == NULL)
		cfg_error(c, c->root, "missing key \"indicators\"");
	cfg_want(c, list, CFG_SEQ, "indicators");
	if (list->n == 0)
		cfg_error(c, list, "indicators: the list is empty");
	v = xcalloc(list->n, sizeof *v);
	for (i = 0; i < list->n; i++) {
		it = list->items[i];
		cfg_want(c, it, CFG_MAP, "an indicator");
		cfg_keys(c, it, ind_keys);
		cfg_str(c, it, "name", 1, NULL);
		nm = cfg_get(it, "name");
		if (!agg_valid_name(nm->str))
			cfg_error(c, nm, "name \"%s\": expected a letter or "
			    "\"_\", then letters, digits and \"_\"", nm->str);
		for (j = 0; j < i; j++) {
			const struct cfg_node *o =
			    cfg_get(list->items[j], "name");

			if (strcmp(o->str, nm->str) == 0)
				cfg_error(c, nm, "indicator \"%s\" is defined "
				    "twice (first on line %lu)", nm->str,
				    o->line);
		}
		school = cfg_get(it, "school");
		student = cfg_get(it, "student");
		if (school == NULL && student == NULL)
			cfg_error(c, it, "indicator \"%s\": no \"school\" or "
			    "\"student\" definition", nm->str);
		free(label_for(c, cfg_get(it, "label"), NULL));
		/* Check every expression, whichever is asked for. */
		if (school != NULL) {
			parse_node(c, school, &tmp, nm->str);
			if (level == NULL) {
				v[nv] = tmp;
				v[nv].label = label_for(c, cfg_get(it, "label"),
				    NULL);
				nv++;
			} else
				agg_ind_clear(&tmp);
		}
		if (student == NULL)
			continue;
		cfg_want(c, student, CFG_MAP, "student");
		for (k = 0; k < student->n; k++) {
			const char *lv = student->keys[k]->str;

			cfg_want(c, student->keys[k], CFG_SCALAR, "a level");

			parse_node(c, student->items[k], &tmp, nm->str);
			if (level != NULL && strcmp(lv, level) == 0) {
				v[nv] = tmp;
				v[nv].label = label_for(c, cfg_get(it, "label"),
				    level);
				nv++;
			} else
				agg_ind_clear(&tmp);
		}
	}
	if (nv == 0) {
		if (level != NULL)
			cfg_error(c, NULL, "no indicator has a student-level "
			    "definition for level \"%s\"", level);
		cfg_error(c, NULL, "no indicator has a school-level "
		    "definition");
	}
	cfg_free(c);
	*n = nv;
	return v;
}

void
agg_free(struct agg_ind *v, size_t n)
{
	size_t i;

	if (v == NULL)
		return;
	for (i = 0; i < n; i++)
		agg_ind_clear(&v[i]);
	free(v);
}
