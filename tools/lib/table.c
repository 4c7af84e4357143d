/* table — a reference table held in memory: see table.h. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cfg.h"
#include "csvin.h"
#include "diag.h"
#include "enc.h"
#include "hash.h"
#include "rec.h"
#include "table.h"
#include "text.h"

/* add_field adds a field name (YAML tables find them row by row). */
static size_t
add_field(struct table *t, const char *name)
{
	t->name = xrealloc(t->name, (t->nf + 1) * sizeof *t->name);
	t->name[t->nf] = xstrdup(name);
	return t->nf++;
}

/* add_row appends a row of NULL values and returns its index. */
static size_t
add_row(struct table *t, unsigned long line)
{
	if (t->nrows == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 64;
		t->val = xrealloc(t->val, t->cap * t->nf * sizeof *t->val);
		t->line = xrealloc(t->line, t->cap * sizeof *t->line);
	}
	memset(&t->val[t->nrows * t->nf], 0, t->nf * sizeof *t->val);
	t->line[t->nrows] = line;
	return t->nrows++;
}

/* set stores s[0..n) in NFC as value f of row i. */
static void
set(struct table *t, size_t i, size_t f, const char *s, size_t n)
{
	struct buf b = { 0 };
	size_t bad;

	/* A YAML "\0" is a NUL too: NFC, and every C string, ends there. */
	if (memchr(s, '\0', n) != NULL)
		diag_fatal(EXIT_DATA, t->path, t->line[i], "field \"%s\" holds "
		    "a NUL byte (not valid in a record stream)", t->name[f]);
	if (text_utf8_check(s, n, &bad) != 0)
		diag_fatal(EXIT_DATA, t->path, t->line[i], "field \"%s\": "
		    "invalid UTF-8", t->name[f]);
	text_nfc(&b, s, n);
	free(t->val[i * t->nf + f]);
	t->val[i * t->nf + f] = b.p != NULL ? b.p : xstrdup("");
}

static void
load_stream(struct table *t)
{
	char *paths[1];
	struct rec_reader *r;
	size_t i, k;

	paths[0] = (char *)t->path;
	r = rec_reader_open(1, paths);
	for (k = 0; k < r->nf; k++)
		add_field(t, r->name[k]);
	while (rec_next(r)) {
		i = add_row(t, r->line);
		for (k = 0; k < r->nf; k++)
			set(t, i, k, r->f[k], r->len[k]);
	}
	rec_reader_free(r);
}

/* check_header refuses a CSV table's header (at line) as a stream reader
 * does: a field with no name, or a name twice, cannot be joined by name. */
static void
check_header(const struct table *t, unsigned long line)
{
	struct hash *h = hash_new();
	size_t k, j;
	int added;

	for (k = 0; k < t->nf; k++) {
		if (t->name[k][0] == '\0')
			diag_fatal(EXIT_USAGE, t->path, line, "field %zu of the "
			    "header has no name", k + 1);
		/* Every field before k added a name: its index is its
		 * field's. */
		j = hash_add(h, t->name[k], strlen(t->name[k]), &added);
		if (!added)
			diag_fatal(EXIT_USAGE, t->path, line, "field \"%s\" "
			    "appears twice in the header (fields %zu and %zu)",
			    t->name[k], j + 1, k + 1);
	}
	hash_free(h, NULL);
}

/* csv_row takes the header, then the rows, of a CSV table. */
static void
csv_row(const struct csvin_row *row, void *arg)
{
	struct table *t = arg;
	size_t i, k;

	if (row->bad != NULL)
		diag_fatal(EXIT_DATA, t->path, row->line, "%s", row->bad);
	if (t->nf == 0) {
		for (k = 0; k < row->n; k++)
			add_field(t, row->f[k]);
		check_header(t, row->line);
		return;
	}
	if (row->n != t->nf)
		diag_fatal(EXIT_DATA, t->path, row->line, "%zu field%s, the "
		    "header has %zu", row->n, row->n == 1 ? "" : "s", t->nf);
	i = add_row(t, row->line);
	for (k = 0; k < row->n; k++)
		set(t, i, k, row->f[k], row->len[k]);
}

static void
load_csv(struct table *t)
{
	struct csvin *ci;
	struct enc_guess g;
	const char *line;
	size_t len;
	char delims[4];
	int rc;

	if ((ci = csvin_open(t->path, ENC_AUTO)) == NULL)
		diag_fatal(EXIT_USAGE, t->path, 0, "cannot open: %s",
		    strerror(errno));
	/* Every way out closes the reader first: LeakSanitizer counts what
	 * an exit leaves behind. */
	if ((rc = csvin_detect(ci, &g)) == 0) {
		csvin_close(ci);
		diag_fatal(EXIT_USAGE, t->path, 0, "cannot tell the encoding "
		    "(%s or %s?); convert the table to UTF-8",
		    enc_name(g.enc), enc_name(g.second));
	}
	if (rc > 0)
		rc = csvin_peek(ci, 1, &line, &len);
	if (rc == 0) {
		csvin_close(ci);
		diag_fatal(EXIT_USAGE, t->path, 0, "empty table: no header "
		    "line");
	}
	if (rc > 0) {
		if (csvin_sniff(line, len, delims) == 0)
			delims[0] = ',';
		rc = csvin_read(ci, 1, delims[0], csv_row, t) == 0 ? 1 : -1;
	}
	csvin_close(ci);
	if (rc < 0)
		exit(EXIT_DATA);
	if (t->nf == 0)
		diag_fatal(EXIT_USAGE, t->path, 0, "empty table: no header "
		    "line");
}

/* yaml_fields names the fields of a YAML table: every key of every row,
 * in order of first appearance, each with its index in names. */
static void
yaml_fields(struct table *t, struct cfg *c, struct hash *names)
{
	const struct cfg_node *list = c->root, *row;
	size_t i, k;
	int added;

	for (i = 0; i < list->n; i++) {
		row = list->items[i];
		cfg_want(c, row, CFG_MAP, "a table row");
		for (k = 0; k < row->n; k++) {
			const struct cfg_node *key = row->keys[k];

			cfg_want(c, key, CFG_SCALAR, "a field name");
			if (key->len == 0)
				cfg_error(c, key, "a field with no name");
			if (row->items[k]->type != CFG_SCALAR)
				cfg_error(c, row->items[k], "field \"%s\": "
				    "expected a scalar", key->str);
			hash_add(names, key->str, key->len, &added);
			if (added)
				add_field(t, key->str);
		}
	}
}

static void
load_yaml(struct table *t)
{
	struct cfg *c = cfg_load(t->path);
	const struct cfg_node *row;
	struct hash *names = hash_new();
	size_t i, k, r;

	if (c->root == NULL)
		cfg_error(c, NULL, "empty table: expected a list of rows");
	cfg_want(c, c->root, CFG_SEQ, "the table");
	yaml_fields(t, c, names);
	for (i = 0; i < c->root->n; i++) {
		row = c->root->items[i];
		r = add_row(t, row->line);
		for (k = 0; k < row->n; k++) {
			const struct cfg_node *v = row->items[k];
			size_t f = hash_find(names, row->keys[k]->str,
			    row->keys[k]->len);

			if (cfg_is_null(v))
				set(t, r, f, "", 0);
			else
				set(t, r, f, v->str, v->len);
		}
		for (k = 0; k < t->nf; k++)
			if (t->val[r * t->nf + k] == NULL)
				t->val[r * t->nf + k] = xstrdup("");
	}
	hash_free(names, NULL);
	cfg_free(c);
}

static int
ends_with(const char *s, const char *suf)
{
	size_t n = strlen(s), m = strlen(suf);

	return n >= m && strcmp(s + n - m, suf) == 0;
}

struct table *
table_load(const char *path)
{
	struct table *t = xcalloc(1, sizeof *t);

	t->path = path;
	if (ends_with(path, ".yaml") || ends_with(path, ".yml"))
		load_yaml(t);
	else if (ends_with(path, ".csv") || ends_with(path, ".csv.gz"))
		load_csv(t);
	else
		load_stream(t);
	return t;
}

void
table_free(struct table *t)
{
	size_t i;

	if (t == NULL)
		return;
	for (i = 0; i < t->nrows * t->nf; i++)
		free(t->val[i]);
	for (i = 0; i < t->nf; i++)
		free(t->name[i]);
	free(t->name);
	free(t->val);
	free(t->line);
	free(t->key);
	hash_free(t->index, NULL);
	buf_free(&t->kb);
	buf_free(&t->tmp);
	free(t);
}

int
table_field(const struct table *t, const char *name)
{
	size_t f;

	for (f = 0; f < t->nf; f++)
		if (strcmp(t->name[f], name) == 0)
			return (int)f;
	return -1;
}

const char *
table_value(const struct table *t, size_t i, size_t f)
{
	return t->val[i * t->nf + f];
}

size_t
table_where(struct table *t, size_t f, const char *value)
{
	size_t i, k, keep = 0, n = t->nrows;

	for (i = 0; i < n; i++) {
		char **row = &t->val[i * t->nf];

		if (strcmp(row[f], value) != 0) {
			for (k = 0; k < t->nf; k++)
				free(row[k]);
			continue;
		}
		if (keep != i) {
			memmove(&t->val[keep * t->nf], row,
			    t->nf * sizeof *row);
			t->line[keep] = t->line[i];
		}
		keep++;
	}
	t->nrows = keep;
	return n - keep;
}

/* make_key builds in t->kb the hash key of n values: each in NFC and
 * stream form, TAB-joined.  Returns 0, or -1 when a value is empty (a
 * missing key matches nothing). */
static int
make_key(struct table *t, char *const *v, const size_t *len, size_t n)
{
	size_t i, bad;

	buf_reset(&t->kb);
	buf_add(&t->kb, "", 0);
	for (i = 0; i < n; i++) {
		if (len[i] == 0)
			return -1;
		if (i > 0)
			buf_addc(&t->kb, '\t');
		if (text_is_ascii(v[i], len[i]) ||
		    text_utf8_check(v[i], len[i], &bad) != 0) {
			rec_escape(&t->kb, v[i], len[i]);
			continue;
		}
		buf_reset(&t->tmp);
		text_nfc(&t->tmp, v[i], len[i]);
		rec_escape(&t->kb, t->tmp.p, t->tmp.len);
	}
	return 0;
}

int
table_index(struct table *t, const size_t *fields, size_t n, size_t dup[2])
{
	char **kv = xcalloc(n, sizeof *kv);
	size_t *kl = xcalloc(n, sizeof *kl);
	size_t i, k, at;
	int added, rc = 0;

	hash_free(t->index, NULL);
	free(t->key);
	t->index = hash_new();
	t->key = xcalloc(n, sizeof *t->key);
	memcpy(t->key, fields, n * sizeof *fields);
	t->nkey = n;
	for (i = 0; i < t->nrows && rc == 0; i++) {
		for (k = 0; k < n; k++) {
			kv[k] = t->val[i * t->nf + fields[k]];
			kl[k] = strlen(kv[k]);
		}
		if (make_key(t, kv, kl, n) < 0)
			continue;
		at = hash_add(t->index, t->kb.p, t->kb.len, &added);
		if (added) {
			hash_set(t->index, at, (void *)i);
			continue;
		}
		dup[0] = (size_t)hash_val(t->index, at);
		dup[1] = i;
		rc = -1;
	}
	if (rc < 0) {
		hash_free(t->index, NULL);
		t->index = NULL;
	}
	free(kv);
	free(kl);
	return rc;
}

size_t
table_find(struct table *t, char *const *v, const size_t *len)
{
	size_t at;

	if (t->index == NULL || make_key(t, v, len, t->nkey) < 0)
		return TABLE_NONE;
	at = hash_find(t->index, t->kb.p, t->kb.len);
	return at == HASH_NONE ? TABLE_NONE : (size_t)hash_val(t->index, at);
}
