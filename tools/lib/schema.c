#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cfg.h"
#include "diag.h"
#include "hash.h"
#include "num.h"
#include "pat.h"
#include "period.h"
#include "rec.h"
#include "schema.h"
#include "text.h"

static const char *const top_keys[] = { "description", "fields", "checks",
    "key", NULL };
static const char *const field_keys[] = { "description", "header",
    "aliases", "type", "required", "min", "max", "values", "pattern",
    "pattern_text", NULL };
static const char *const type_names[] = { "string", "int", "decimal",
    "bool", "enum", "school_year" };

/* Bool spellings, as folded keys: Vietnamese, English, digits and the
 * spreadsheet's "x".  An empty cell is no as well. */
static const char *const yes_words[] = { "co", "x", "1", "yes", "y",
    "true", "dung", NULL };
static const char *const no_words[] = { "khong", "0", "no", "n", "false",
    "sai", NULL };

static const char *const op_text[] = { "<", "<=", ">", ">=", "==", "!=" };
/* What a failed check says: the negation of its operator. */
static const char *const op_fail[] = { "is not less than", "is greater than",
    "is not greater than", "is less than", "is not equal to",
    "is equal to" };

static char *
fold(const char *s, size_t n)
{
	struct buf b = { 0 };
	char *r;

	text_fold_key(&b, s, n);
	r = xstrndup(b.p ? b.p : "", b.len);
	buf_free(&b);
	return r;
}

static char *
nfc(const char *s, size_t n)
{
	struct buf b = { 0 };
	char *r;

	text_nfc(&b, s, n);
	r = xstrndup(b.p ? b.p : "", b.len);
	buf_free(&b);
	return r;
}

/* scalar checks that node is a non-empty scalar of valid UTF-8. */
static const struct cfg_node *
scalar(const struct cfg *c, const struct cfg_node *node, const char *what)
{
	size_t bad;

	cfg_want(c, node, CFG_SCALAR, what);
	if (node->len == 0)
		cfg_error(c, node, "%s: empty", what);
	if (text_utf8_check(node->str, node->len, &bad) < 0)
		cfg_error(c, node, "%s: not UTF-8", what);
	return node;
}

/* add_key records the folded form of node's text as a name of index in
 * keys; a key that already names another index is an error, one that
 * names the same is kept once. */
static void
add_key(const struct cfg *c, const struct cfg_node *node,
    struct schema_key **keys, size_t *nkeys, size_t index,
    const char *what, char *const *owners)
{
	char *k;
	size_t i;

	scalar(c, node, what);
	k = fold(node->str, node->len);
	if (*k == '\0')
		cfg_error(c, node, "%s \"%s\" has no letters or digits", what,
		    node->str);
	for (i = 0; i < *nkeys; i++) {
		if (strcmp((*keys)[i].key, k) != 0)
			continue;
		if ((*keys)[i].index == index) {
			free(k);
			return;
		}
		cfg_error(c, node, "%s \"%s\" also names %s", what,
		    node->str, owners[(*keys)[i].index]);
	}
	*keys = xrealloc(*keys, (*nkeys + 1) * sizeof **keys);
	(*keys)[*nkeys].key = k;
	(*keys)[*nkeys].text = nfc(node->str, node->len);
	(*keys)[*nkeys].tlen = strlen((*keys)[*nkeys].text);
	(*keys)[(*nkeys)++].index = index;
}

/* name_ok: a canonical name is an identifier, [A-Za-z][A-Za-z0-9_]*, so
 * that it is a column name every tool takes as is. */
static int
name_ok(const char *s)
{
	if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z')))
		return 0;
	for (s++; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		    (*s >= '0' && *s <= '9') || *s == '_'))
			return 0;
	return 1;
}

/* list_or_scalar calls fn for each scalar of node: a list of scalars or a
 * single scalar.  A null node has none. */
static void
each_name(const struct cfg *c, const struct cfg_node *node, const char *what,
    struct schema_key **keys, size_t *nkeys, size_t index,
    char *const *owners)
{
	size_t i;

	if (cfg_is_null(node))
		return;
	if (node->type == CFG_SCALAR) {
		add_key(c, node, keys, nkeys, index, what, owners);
		return;
	}
	cfg_want(c, node, CFG_SEQ, what);
	for (i = 0; i < node->n; i++)
		add_key(c, node->items[i], keys, nkeys, index, what, owners);
}

/* int_range appends why a whole number that long long cannot hold is
 * refused: " is out of range (at most ...)", or at least, for neg. */
static void
int_range(struct buf *why, int neg)
{
	buf_printf(why, " is out of range (at %s %s)", neg ? "least" : "most",
	    neg ? NUM_INT_MIN_TEXT : NUM_INT_MAX_TEXT);
}

static void
load_bound(const struct cfg *c, const struct cfg_node *node,
    struct schema_field *f, int is_max)
{
	struct buf b = { 0 };
	long long i;
	double v;
	int r = -1;

	scalar(c, node, is_max ? "max" : "min");
	if (f->type != SCHEMA_INT && f->type != SCHEMA_DECIMAL)
		cfg_error(c, node, "%s: only an int or decimal field has a "
		    "range", is_max ? "max" : "min");
	if (f->type == SCHEMA_INT && (r = num_parse_int(node->str, node->len,
	    &i)) == 0) {
		/* As a cell of the field would be read: "1.000" is 1000. */
		v = (double)i;
		buf_printf(&b, "%lld", i);
	} else if (r == -2) {
		buf_printf(&b, "%s: \"%s\"", is_max ? "max" : "min",
		    node->str);
		int_range(&b, node->str[0] == '-');
		cfg_error(c, node, "%s", b.p);
	} else if (num_parse_dec(node->str, node->len, &b, &v) != 0)
		cfg_error(c, node, "%s: \"%s\" is not a number",
		    is_max ? "max" : "min", node->str);
	else if (f->type == SCHEMA_INT)
		cfg_error(c, node, "%s: \"%s\" is not a whole number",
		    is_max ? "max" : "min", node->str);
	if (is_max) {
		f->has_max = 1;
		f->max = v;
		f->maxtext = xstrndup(b.p, b.len);
	} else {
		f->has_min = 1;
		f->min = v;
		f->mintext = xstrndup(b.p, b.len);
	}
	buf_free(&b);
}

static void text_index(struct schema_field *);

static void
load_values(const struct cfg *c, const struct cfg_node *node,
    struct schema_field *f)
{
	size_t i;

	if (node == NULL)
		cfg_error(c, NULL, "field %s: an enum needs \"values\"",
		    f->name);
	cfg_want(c, node, CFG_MAP, "values");
	if (node->n == 0)
		cfg_error(c, node, "values: none given");
	f->nvalues = node->n;
	f->values = xcalloc(node->n, sizeof *f->values);
	f->vlen = xcalloc(node->n, sizeof *f->vlen);
	for (i = 0; i < node->n; i++) {
		const struct cfg_node *k = node->keys[i];

		scalar(c, k, "value");
		f->values[i] = nfc(k->str, k->len);
		f->vlen[i] = strlen(f->values[i]);
		if (f->vlen[i] > f->vmax)
			f->vmax = f->vlen[i];
		if (strpbrk(f->values[i], "\t\n\r\\") != NULL)
			cfg_error(c, k, "value \"%s\": a TAB, line break or "
			    "backslash is not allowed", k->str);
		add_key(c, k, &f->vkeys, &f->nvkeys, i, "value", f->values);
		each_name(c, node->items[i], "alias", &f->vkeys, &f->nvkeys,
		    i, f->values);
	}
	text_index(f);
}

/* text_hash picks the chain of exact() for a text of n > 0 bytes. */
static size_t
text_hash(const char *s, size_t n)
{
	return (n * 3 + (unsigned char)s[0] + (unsigned char)s[n - 1] * 8) &
	    63;
}

/* text_index chains f's keys by text_hash of their text, in key order. */
static void
text_index(struct schema_field *f)
{
	size_t tail[64] = { 0 }, k, h;

	f->xnext = xcalloc(f->nvkeys ? f->nvkeys : 1, sizeof *f->xnext);
	for (k = 0; k < f->nvkeys; k++) {
		if (f->vkeys[k].tlen == 0)
			continue;	/* no value is empty */
		h = text_hash(f->vkeys[k].text, f->vkeys[k].tlen);
		if (tail[h] == 0)
			f->xhead[h] = k + 1;
		else
			f->xnext[tail[h] - 1] = k + 1;
		tail[h] = k + 1;
	}
}

/* load_pattern compiles a string field's pattern, anchored: "^(P)$", so
 * that the whole value must match, alternatives included. */
static void
load_pattern(const struct cfg *c, const struct cfg_node *node,
    const struct cfg_node *text, struct schema_field *f)
{
	char msg[256];

	if (node == NULL) {
		if (text != NULL)
			cfg_error(c, text, "pattern_text: the field has no "
			    "pattern");
		return;
	}
	scalar(c, node, "pattern");
	if (f->type != SCHEMA_STRING)
		cfg_error(c, node, "pattern: only a string field has a "
		    "pattern");
	if ((f->pat = pat_new(node->str, msg, sizeof msg)) == NULL)
		cfg_error(c, node, "pattern \"%s\": %s", node->str, msg);
	f->pattern = xstrdup(node->str);
	f->matched = xcalloc(1, sizeof *f->matched);
	f->pat_nfa = pat_nfa(f->pat);
	f->run = pat_run_set(f->pat, &f->rmin, &f->rmax);
	if (text != NULL) {
		scalar(c, text, "pattern_text");
		if (strpbrk(text->str, "\t\n\r") != NULL)
			cfg_error(c, text, "pattern_text: a TAB or line break "
			    "is not allowed");
		f->pattern_text = nfc(text->str, text->len);
	}
}

static enum schema_type
load_type(const struct cfg *c, const struct cfg_node *node)
{
	size_t i;

	if (node == NULL)
		return SCHEMA_STRING;
	scalar(c, node, "type");
	for (i = 0; i < sizeof type_names / sizeof type_names[0]; i++)
		if (strcmp(node->str, type_names[i]) == 0)
			return (enum schema_type)i;
	cfg_error(c, node, "type: \"%s\" is not one of string, int, decimal, "
	    "bool, enum, school_year", node->str);
}

static void
load_field(const struct cfg *c, struct schema *s, size_t fi,
    const struct cfg_node *name, const struct cfg_node *spec,
    char **names)
{
	struct schema_field *f = &s->f[fi];
	const struct cfg_node *n;

	scalar(c, name, "field name");
	if (!name_ok(name->str))
		cfg_error(c, name, "field name \"%s\": use letters, digits and "
		    "_, starting with a letter", name->str);
	f->name = xstrdup(name->str);
	names[fi] = f->name;
	if (cfg_is_null(spec))
		spec = NULL;
	else {
		cfg_want(c, spec, CFG_MAP, f->name);
		cfg_keys(c, spec, field_keys);
	}
	f->type = load_type(c, cfg_get(spec, "type"));
	if ((n = cfg_get(spec, "required")) != NULL)
		f->required = cfg_bool(c, n);
	s->nrequired += f->required;
	if ((n = cfg_get(spec, "header")) != NULL) {
		scalar(c, n, "header");
		f->header = nfc(n->str, n->len);
		add_key(c, n, &s->hkeys, &s->nhkeys, fi, "header", names);
	} else
		f->header = xstrdup(f->name);
	add_key(c, name, &s->hkeys, &s->nhkeys, fi, "field name", names);
	each_name(c, cfg_get(spec, "aliases"), "alias", &s->hkeys,
	    &s->nhkeys, fi, names);
	if ((n = cfg_get(spec, "min")) != NULL)
		load_bound(c, n, f, 0);
	if ((n = cfg_get(spec, "max")) != NULL)
		load_bound(c, n, f, 1);
	if (f->has_min && f->has_max && f->min > f->max)
		cfg_error(c, n, "max: %s is less than min %s", f->maxtext,
		    f->mintext);
	n = cfg_get(spec, "values");
	if (f->type == SCHEMA_ENUM)
		load_values(c, n, f);
	else if (n != NULL)
		cfg_error(c, n, "values: only an enum field has values");
	load_pattern(c, cfg_get(spec, "pattern"), cfg_get(spec,
	    "pattern_text"), f);
	f->quick = (f->type == SCHEMA_STRING || f->type == SCHEMA_ENUM) &&
	    !f->has_min && !f->has_max;
}

static long
field_index(const struct schema *s, const char *name, size_t n)
{
	size_t i;

	for (i = 0; i < s->nf; i++)
		if (strlen(s->f[i].name) == n &&
		    memcmp(s->f[i].name, name, n) == 0)
			return (long)i;
	return -1;
}

/* operand parses a field name or a number at *p; returns 1 for a field
 * (*fi set), 0 for a number (*num, canon set), -1 for neither. */
static int
operand(const struct schema *s, const char **p, size_t *fi, double *num,
    struct buf *canon, struct buf *word)
{
	const char *q = *p;
	long i;

	while (*q == ' ' || *q == '\t')
		q++;
	*p = q;
	if ((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z')) {
		while ((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z') ||
		    (*q >= '0' && *q <= '9') || *q == '_')
			q++;
		buf_reset(word);
		buf_add(word, *p, (size_t)(q - *p));
		*p = q;
		if ((i = field_index(s, word->p, word->len)) < 0)
			return -2;
		*fi = (size_t)i;
		return 1;
	}
	while ((*q >= '0' && *q <= '9') || *q == '.' || *q == ',' ||
	    *q == '-' || *q == '+')
		q++;
	if (q == *p || num_parse_dec(*p, (size_t)(q - *p), canon, num) != 0)
		return -1;
	*p = q;
	return 0;
}

static void
load_check(const struct cfg *c, struct schema *s, const struct cfg_node *node,
    struct schema_check *k)
{
	struct buf lc = { 0 }, rc = { 0 }, word = { 0 };
	const char *p;
	size_t lf = 0, rf = 0, i;
	double ln = 0, rn = 0;
	int lt, rt, op = -1;

	scalar(c, node, "check");
	p = node->str;
	lt = operand(s, &p, &lf, &ln, &lc, &word);
	if (lt == -2)
		cfg_error(c, node, "check \"%s\": no field \"%s\"", node->str,
		    word.p);
	while (*p == ' ' || *p == '\t')
		p++;
	for (i = 0; i < 6; i++) {
		size_t ol = strlen(op_text[i]);

		/* The longer operators first: "<=" before "<". */
		if (strncmp(p, op_text[i], ol) == 0 &&
		    (op < 0 || ol > strlen(op_text[op])))
			op = (int)i;
	}
	if (lt < 0 || op < 0)
		cfg_error(c, node, "check \"%s\": expected FIELD OP FIELD or "
		    "FIELD OP NUMBER, OP one of < <= > >= == !=", node->str);
	p += strlen(op_text[op]);
	rt = operand(s, &p, &rf, &rn, &rc, &word);
	if (rt == -2)
		cfg_error(c, node, "check \"%s\": no field \"%s\"", node->str,
		    word.p);
	while (*p == ' ' || *p == '\t')
		p++;
	if (rt < 0 || *p != '\0')
		cfg_error(c, node, "check \"%s\": expected FIELD OP FIELD or "
		    "FIELD OP NUMBER, OP one of < <= > >= == !=", node->str);
	if (lt == 0 && rt == 0)
		cfg_error(c, node, "check \"%s\": compares two numbers",
		    node->str);
	if (lt == 0) {
		/* "0 <= x" is "x >= 0": a field on the left, always. */
		static const enum schema_op flip[] = { SCHEMA_GT, SCHEMA_GE,
		    SCHEMA_LT, SCHEMA_LE, SCHEMA_EQ, SCHEMA_NE };

		lf = rf;
		rt = 0;
		rn = ln;
		buf_free(&rc);
		rc = lc;
		memset(&lc, 0, sizeof lc);
		op = (int)flip[op];
	}
	k->left = lf;
	k->op = (enum schema_op)op;
	k->right_is_field = rt == 1;
	k->right = rf;
	k->num = rn;
	if (rt == 0)
		k->numtext = xstrndup(rc.p, rc.len);
	for (i = 0; i < 2; i++) {
		size_t fi = i == 0 ? lf : rf;

		if (i == 1 && rt != 1)
			break;
		if (s->f[fi].type != SCHEMA_INT &&
		    s->f[fi].type != SCHEMA_DECIMAL)
			cfg_error(c, node, "check \"%s\": %s is not an int or "
			    "decimal field", node->str, s->f[fi].name);
	}
	buf_free(&lc);
	buf_free(&rc);
	buf_free(&word);
}

/* load_key reads key: a field name or a list of them, each a required
 * field, none twice. */
static void
load_key(const struct cfg *c, struct schema *s, const struct cfg_node *key)
{
	const struct cfg_node *n;
	size_t i, j, count;
	long fi;

	if (cfg_is_null(key))
		return;
	count = key->type == CFG_SEQ ? key->n : 1;
	if (count == 0)
		cfg_error(c, key, "key: no field given");
	s->key = xcalloc(count, sizeof *s->key);
	for (i = 0; i < count; i++) {
		n = key->type == CFG_SEQ ? key->items[i] : key;
		scalar(c, n, "key");
		if ((fi = field_index(s, n->str, n->len)) < 0)
			cfg_error(c, n, "key: \"%s\" is not a field", n->str);
		if (!s->f[fi].required)
			cfg_error(c, n, "key: field %s is not required: a row "
			    "without it could not be told apart", n->str);
		for (j = 0; j < s->nkey; j++)
			if (s->key[j] == (size_t)fi)
				cfg_error(c, n, "key: field %s is named twice",
				    n->str);
		s->key[s->nkey++] = (size_t)fi;
	}
}

struct schema *
schema_load(const char *path)
{
	struct cfg *c = cfg_load(path);
	struct schema *s;
	const struct cfg_node *fields, *checks;
	char **names;
	size_t i;

	if (c->root == NULL)
		cfg_error(c, NULL, "empty schema: no fields");
	cfg_want(c, c->root, CFG_MAP, "schema");
	cfg_keys(c, c->root, top_keys);
	if ((fields = cfg_get(c->root, "fields")) == NULL)
		cfg_error(c, c->root, "missing key \"fields\"");
	cfg_want(c, fields, CFG_MAP, "fields");
	if (fields->n == 0)
		cfg_error(c, fields, "fields: none given");
	s = xcalloc(1, sizeof *s);
	s->path = xstrdup(path);
	s->nf = fields->n;
	s->f = xcalloc(s->nf, sizeof *s->f);
	names = xcalloc(s->nf, sizeof *names);
	for (i = 0; i < s->nf; i++)
		load_field(c, s, i, fields->keys[i], fields->items[i], names);
	free(names);
	checks = cfg_get(c->root, "checks");
	if (!cfg_is_null(checks)) {
		cfg_want(c, checks, CFG_SEQ, "checks");
		s->nchk = checks->n;
		s->chk = xcalloc(s->nchk ? s->nchk : 1, sizeof *s->chk);
		for (i = 0; i < checks->n; i++)
			load_check(c, s, checks->items[i], &s->chk[i]);
	}
	load_key(c, s, cfg_get(c->root, "key"));
	cfg_free(c);
	return s;
}

static void
free_keys(struct schema_key *k, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(k[i].key);
		free(k[i].text);
	}
	free(k);
}

void
schema_free(struct schema *s)
{
	size_t i, j;

	if (s == NULL)
		return;
	free(s->key);
	for (i = 0; i < s->nf; i++) {
		struct schema_field *f = &s->f[i];

		free(f->name);
		free(f->header);
		free(f->mintext);
		free(f->maxtext);
		for (j = 0; j < f->nvalues; j++)
			free(f->values[j]);
		free(f->values);
		free(f->vlen);
		free_keys(f->vkeys, f->nvkeys);
		free(f->xnext);
		pat_free(f->pat);
		free(f->pattern);
		free(f->pattern_text);
		if (f->matched != NULL)
			buf_free(f->matched);
		free(f->matched);
	}
	free(s->f);
	free_keys(s->hkeys, s->nhkeys);
	for (i = 0; i < s->nchk; i++)
		free(s->chk[i].numtext);
	free(s->chk);
	free(s->path);
	free(s);
}

static long
find_key(const struct schema_key *k, size_t n, const char *key)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(k[i].key, key) == 0)
			return (long)k[i].index;
	return -1;
}

long
schema_lookup(const struct schema *s, const char *name, size_t len,
    struct buf *scratch)
{
	buf_reset(scratch);
	text_fold_key(scratch, name, len);
	if (scratch->len == 0)
		return -1;
	return find_key(s->hkeys, s->nhkeys, scratch->p);
}

/* quoted appends "value" to why, escaped so that it stays on one line. */
static void
quoted(struct buf *why, const char *s, size_t n)
{
	buf_addc(why, '"');
	rec_escape(why, s, n);
	buf_addc(why, '"');
}

/* copy copies s[0..n) to d: a text of up to 64 bytes (a row's values
 * mostly are) by words of eight, as hash_same reads them, with no call. */
static inline void
copy(char *d, const char *s, size_t n)
{
	uint64_t x;
	uint32_t p, q;
	size_t i;

	if (n > 64)
		memcpy(d, s, n);
	else if (n >= 8) {
		for (i = 0; i + 8 < n; i += 8) {
			memcpy(&x, s + i, 8);
			memcpy(d + i, &x, 8);
		}
		memcpy(&x, s + n - 8, 8);
		memcpy(d + n - 8, &x, 8);
	} else if (n >= 4) {
		memcpy(&p, s, 4);
		memcpy(&q, s + n - 4, 4);
		memcpy(d, &p, 4);
		memcpy(d + n - 4, &q, 4);
	} else if (n > 0) {
		d[0] = s[0];
		d[n / 2] = s[n / 2];
		d[n - 1] = s[n - 1];
	}
}

/* exact returns the index that a key's text names exactly, or -1. */
static inline long
exact(const struct schema_field *f, const char *s, size_t n)
{
	const struct schema_key *k;
	size_t i;

	for (i = f->xhead[text_hash(s, n)]; i != 0; i = f->xnext[i - 1]) {
		k = &f->vkeys[i - 1];
		if (k->tlen == n && hash_same(k->text, s, n))
			return (long)k->index;
	}
	return -1;
}

/* pattern_ok says whether the NFC value s[0..n), NUL-terminated, matches
 * f's pattern, whole: the longest match from its start (POSIX's) ends at
 * its end exactly when "^(pattern)$" would match. */
static inline int
pattern_ok(const struct schema_field *f, const char *s, size_t n)
{
	/* The NFA takes less time than keeping the value would. */
	if (f->pat_nfa)
		return pat_match(f->pat, s, n);
	if (f->matched->len == n && n > 0 && memcmp(f->matched->p, s, n) == 0)
		return 1;
	if (!pat_match(f->pat, s, n))
		return 0;
	buf_reset(f->matched);
	buf_add(f->matched, s, n);
	return 1;
}

static int
word_in(const char *w, const char *const *list)
{
	for (; *list != NULL; list++)
		if (strcmp(w, *list) == 0)
			return 1;
	return 0;
}

int
schema_convert(const struct schema *s, size_t fi, const char *raw,
    size_t n, struct buf *out, struct schema_value *v, struct buf *why,
    struct buf *scratch)
{
	const struct schema_field *f = &s->f[fi];
	size_t start = out->len, i;
	long k;
	int r, hide = 0;

	memset(v, 0, sizeof *v);
	v->off = start;
	text_trim(&raw, &n);
	if (n == 0) {
		if (f->type == SCHEMA_BOOL) {
			/* The spreadsheet convention: blank is no. */
			buf_addc(out, '0');
			v->present = v->isint = 1;
			v->len = 1;
			return 0;
		}
		if (f->required) {
			buf_adds(why, "missing value");
			return -1;
		}
		return 0;
	}
	v->present = 1;
	switch (f->type) {
	case SCHEMA_STRING:
		text_nfc(out, raw, n);
		if (f->pattern != NULL && !pattern_ok(f, out->p + start,
		    out->len - start)) {
			/* The value is never told: it may not be what the
			 * column says it is. */
			if (f->pattern_text != NULL)
				buf_printf(why, "not %s", f->pattern_text);
			else
				buf_printf(why, "does not match the pattern %s",
				    f->pattern);
			hide = 1;
			goto bad;
		}
		break;
	case SCHEMA_INT:
		if ((r = num_parse_int(raw, n, &v->i)) != 0) {
			quoted(why, raw, n);
			if (r == -2)
				int_range(why, *raw == '-');
			else
				buf_adds(why, num_parse_dec(raw, n, NULL,
				    NULL) == 0 ? " is not a whole number" :
				    " is not a number");
			return -1;
		}
		v->isint = 1;
		v->d = (double)v->i;
		buf_printf(out, "%lld", v->i);
		break;
	case SCHEMA_DECIMAL:
		if (num_parse_dec(raw, n, out, &v->d) != 0) {
			quoted(why, raw, n);
			buf_adds(why, " is not a number");
			return -1;
		}
		break;
	case SCHEMA_BOOL:
		/* The usual spellings first, then folded. */
		if (n == 1 && (*raw == '1' || *raw == 'x' || *raw == 'X'))
			v->i = 1;
		else if (n == 1 && *raw == '0')
			v->i = 0;
		else if (n == 3 && memcmp(raw, "C\xc3\xb3", 3) == 0)
			v->i = 1;
		else if (n == 6 && memcmp(raw, "Kh\xc3\xb4ng", 6) == 0)
			v->i = 0;
		else if (buf_reset(scratch), text_fold_key(scratch, raw, n),
		    scratch->len > 0 && word_in(scratch->p, yes_words))
			v->i = 1;
		else if (scratch->len == 0 || !word_in(scratch->p, no_words)) {
			quoted(why, raw, n);
			buf_adds(why, " is not a yes/no value");
			return -1;
		}
		v->isint = 1;
		v->d = (double)v->i;
		buf_addc(out, v->i ? '1' : '0');
		break;
	case SCHEMA_SCHOOL_YEAR:
		if (period_parse(raw, n, &r) != 0) {
			quoted(why, raw, n);
			buf_adds(why, " is not a school year (such as "
			    "2022-2023)");
			return -1;
		}
		period_format(out, r);
		break;
	case SCHEMA_ENUM:
		if ((k = exact(f, raw, n)) >= 0)
			goto found;
		buf_reset(scratch);
		text_fold_key(scratch, raw, n);
		k = scratch->len ? find_key(f->vkeys, f->nvkeys, scratch->p) :
		    -1;
		if (k < 0) {
			quoted(why, raw, n);
			buf_adds(why, " is not one of ");
			for (i = 0; i < f->nvalues; i++) {
				if (i > 0)
					buf_adds(why, ", ");
				buf_adds(why, f->values[i]);
			}
			return -1;
		}
	found:
		buf_put(out, f->values[k], f->vlen[k]);
		break;
	}
	v->len = out->len - start;
	if (f->has_min && v->d < f->min) {
		quoted(why, raw, n);
		buf_printf(why, " is below the minimum %s", f->mintext);
		goto bad;
	}
	if (f->has_max && v->d > f->max) {
		quoted(why, raw, n);
		buf_printf(why, " is above the maximum %s", f->maxtext);
		goto bad;
	}
	return 0;
bad:
	out->len = start;
	if (out->p != NULL)
		out->p[start] = '\0';
	return hide ? -2 : -1;
}

/* schema_convert_row converts what most values of a quick field are
 * itself: a string that text_nfc_copy_quick passes (and its pattern, if
 * any), an enum's value as the schema spells it.  Any other value, or an
 * empty one, goes to schema_convert, from the text trimmed (trimming it
 * again changes nothing) and with out as it was.  Room is made once a
 * field for what it can take there: its TAB, its text or its longest
 * canonical value, and the NUL after them. */
void
schema_plan(const struct schema *s, const size_t *order, const long *src,
    struct schema_step *steps)
{
	size_t j;

	for (j = 0; j < s->nf; j++) {
		steps[j].field = order[j];
		steps[j].f = &s->f[order[j]];
		steps[j].col = src[order[j]];
	}
}

long
schema_convert_row(const struct schema *s,
    const struct schema_step *plan, char *const *raw, const size_t *len,
    struct buf *out, struct schema_value *v, struct buf *why,
    struct buf *scratch, int *rc)
{
	const struct schema_step *st, *end = plan + s->nf;
	const struct schema_field *f;
	struct schema_value *vi, none;
	const char *p;
	char *b = out->p, *d;
	size_t n, at = out->len, at0 = at;
	long c, k;
	int r;

	/* Each value is followed by a TAB, the last one's taken back. */
	for (st = plan; st < end; st++) {
		vi = v != NULL ? &v[st->field] : &none;
		f = st->f;
		c = st->col;
		n = c < 0 ? 0 : len[c];
		if (out->cap - at <= n + f->vmax + 2) {
			out->len = at;
			buf_grow(out, n + f->vmax + 2);
			b = out->p;
		}
		d = b + at;
		if (c < 0) {
			if (v != NULL) {
				memset(vi, 0, sizeof *vi);
				vi->off = at;
			}
			b[at++] = '\t';
			continue;
		}
		p = raw[c];
		text_trim(&p, &n);
		if (n == 0 || !f->quick)
			goto other;
		if (f->type == SCHEMA_STRING) {
			if (!text_nfc_copy_quick(d, p, n))
				goto other;
			if (f->run != NULL) {
				if (!pat_run_ok(f->run, f->rmin, f->rmax, d, n))
					goto other;
			} else if (f->pattern != NULL) {
				d[n] = '\0';	/* for regexec */
				if (!pattern_ok(f, d, n))
					goto other;
			}
		} else {
			if ((k = exact(f, p, n)) < 0)
				goto other;
			n = f->vlen[k];
			copy(d, f->values[k], n);
		}
		if (v != NULL) {
			vi->present = 1;
			vi->isint = 0;
			vi->i = 0;
			vi->d = 0;
			vi->off = at;
			vi->len = n;
		}
		at += n;
		b[at++] = '\t';
		continue;
	other:
		out->len = at;
		if ((r = schema_convert(s, st->field, p, n, out, vi, why,
		    scratch)) < 0) {
			if (at > at0)	/* the TAB after the last value */
				out->p[--out->len] = '\0';
			*rc = r;
			return (long)st->field;
		}
		b = out->p;
		at = out->len;
		b[at++] = '\t';
	}
	if (at > at0)
		at--;
	b[at] = '\0';
	out->len = at;
	return -1;
}

/* compare returns <0, 0, >0; ints compare exactly. */
static int
compare(const struct schema_value *a, const struct schema_value *b,
    double num)
{
	if (b == NULL)
		return a->d < num ? -1 : a->d > num;
	if (a->isint && b->isint)
		return a->i < b->i ? -1 : a->i > b->i;
	return a->d < b->d ? -1 : a->d > b->d;
}

long
schema_check_row(const struct schema *s, const struct schema_value *v,
    const char *out, const char *const *names, struct buf *why)
{
	size_t i;

	for (i = 0; i < s->nchk; i++) {
		const struct schema_check *k = &s->chk[i];
		const struct schema_value *l = &v[k->left], *r = NULL;
		int c, ok = 0;

		if (k->right_is_field)
			r = &v[k->right];
		if (!l->present || (r != NULL && !r->present))
			continue;
		c = compare(l, r, k->num);
		switch (k->op) {
		case SCHEMA_LT: ok = c < 0; break;
		case SCHEMA_LE: ok = c <= 0; break;
		case SCHEMA_GT: ok = c > 0; break;
		case SCHEMA_GE: ok = c >= 0; break;
		case SCHEMA_EQ: ok = c == 0; break;
		case SCHEMA_NE: ok = c != 0; break;
		}
		if (ok)
			continue;
		buf_add(why, out + l->off, l->len);
		buf_printf(why, " %s ", op_fail[k->op]);
		if (r != NULL) {
			buf_printf(why, "\"%s\" (", names[k->right]);
			buf_add(why, out + r->off, r->len);
			buf_addc(why, ')');
		} else
			buf_adds(why, k->numtext);
		return (long)i;
	}
	return -1;
}
