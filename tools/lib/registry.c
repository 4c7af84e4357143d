/* registry — the schools expected to report: see registry.h. */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "gaz.h"
#include "period.h"
#include "registry.h"
#include "table.h"
#include "text.h"

/* The fields a registry must have, in the order the message names them. */
static const char *const required[] = { "school_id", "level",
    "district_code" };

/* show returns s fit to quote in a message (text_show) in b, reused. */
static const char *
show(struct buf *b, const char *s)
{
	buf_reset(b);
	buf_add(b, "", 0);
	text_show(b, s, strlen(s));
	return b->p;
}

/* check_date refuses value f of row i unless it is empty or a date. */
static void
check_date(const struct registry *reg, size_t i, int f, struct buf *b)
{
	const char *s = registry_value(reg, i, f);
	int rc;

	if (*s == '\0' || (rc = period_date(s, strlen(s))) == 0)
		return;
	diag_fatal(EXIT_USAGE, reg->t->path, registry_line(reg, i), "%s \"%s\" "
	    "is not a date%s", reg->t->name[f], show(b, s), rc == -1 ?
	    " (YYYY-MM-DD)" : "");
}

static void
check_row(const struct registry *reg, size_t i, struct buf *b)
{
	const int req[] = { reg->id, reg->level, reg->code };
	const char *from, *to;
	size_t k;

	for (k = 0; k < sizeof req / sizeof req[0]; k++)
		if (*registry_value(reg, i, req[k]) == '\0')
			diag_fatal(EXIT_USAGE, reg->t->path,
			    registry_line(reg, i), "field \"%s\" is empty",
			    required[k]);
	check_date(reg, i, reg->from, b);
	check_date(reg, i, reg->to, b);
	from = registry_value(reg, i, reg->from);
	to = registry_value(reg, i, reg->to);
	if (*from != '\0' && *to != '\0' && strcmp(to, from) <= 0)
		diag_fatal(EXIT_USAGE, reg->t->path, registry_line(reg, i),
		    "valid_to %s is not after valid_from %s", to, from);
}

struct registry *
registry_load(const char *path)
{
	struct registry *reg = xcalloc(1, sizeof *reg);
	int *req[] = { &reg->id, &reg->level, &reg->code };
	struct buf b = { 0 };
	size_t i, k;

	reg->t = table_load(path);
	for (k = 0; k < sizeof req / sizeof req[0]; k++)
		if ((*req[k] = table_field(reg->t, required[k])) < 0)
			diag_fatal(EXIT_USAGE, path, 1, "no field \"%s\" in the "
			    "header (a registry has school_id, level and "
			    "district_code)", required[k]);
	reg->name = table_field(reg->t, "school_name");
	reg->from = table_field(reg->t, "valid_from");
	reg->to = table_field(reg->t, "valid_to");
	for (i = 0; i < reg->t->nrows; i++)
		check_row(reg, i, &b);
	buf_free(&b);
	reg->expected = xmalloc(reg->t->nrows ? reg->t->nrows : 1);
	memset(reg->expected, 1, reg->t->nrows);
	reg->nexpected = reg->t->nrows;
	reg->year = -1;
	return reg;
}

void
registry_free(struct registry *reg)
{
	if (reg == NULL)
		return;
	table_free(reg->t);
	free(reg->expected);
	free(reg->key);
	free(reg);
}

void
registry_year(struct registry *reg, int first)
{
	char start[11], end[11];
	const char *from, *to;
	size_t i;

	period_dates(first, start, end);
	reg->year = first;
	reg->nexpected = 0;
	for (i = 0; i < reg->t->nrows; i++) {
		from = registry_value(reg, i, reg->from);
		to = registry_value(reg, i, reg->to);
		/* ISO dates order as strings; the year ends before end. */
		reg->expected[i] = (*from == '\0' || strcmp(from, end) < 0) &&
		    (*to == '\0' || strcmp(to, start) > 0);
		reg->nexpected += reg->expected[i];
	}
}

void
registry_codes(const struct registry *reg, const struct gaz *g)
{
	struct buf b = { 0 };
	const char *code;
	size_t i;

	for (i = 0; i < reg->t->nrows; i++) {
		code = registry_value(reg, i, reg->code);
		if (gaz_by_code(g, code, strlen(code)) == NULL)
			diag_fatal(EXIT_USAGE, reg->t->path,
			    registry_line(reg, i), "district_code \"%s\" is not "
			    "in the gazetteer %s", show(&b, code), g->path);
	}
	buf_free(&b);
}

void
registry_key(struct registry *reg, const size_t *fields, size_t n)
{
	struct buf msg = { 0 };
	size_t i, k, dup[2];

	for (i = 0; i < reg->t->nrows; i++)
		for (k = 0; k < n; k++)
			if (*registry_value(reg, i, (int)fields[k]) == '\0')
				diag_fatal(EXIT_USAGE, reg->t->path,
				    registry_line(reg, i), "key field \"%s\" is "
				    "empty", reg->t->name[fields[k]]);
	free(reg->key);
	reg->key = xcalloc(n, sizeof *reg->key);
	memcpy(reg->key, fields, n * sizeof *fields);
	reg->nkey = n;
	if (table_index(reg->t, fields, n, dup) == 0)
		return;
	registry_key_text(reg, dup[1], &msg);
	diag_fatal(EXIT_USAGE, reg->t->path, registry_line(reg, dup[1]),
	    "duplicate key %s (first on line %lu)", msg.p,
	    registry_line(reg, dup[0]));
}

void
registry_key_text(const struct registry *reg, size_t i, struct buf *b)
{
	const char *v;
	size_t k;

	for (k = 0; k < reg->nkey; k++) {
		v = registry_value(reg, i, (int)reg->key[k]);
		buf_printf(b, "%s%s=", k > 0 ? ", " : "",
		    reg->t->name[reg->key[k]]);
		text_show(b, v, strlen(v));
	}
}

size_t
registry_find(struct registry *reg, char *const *v, const size_t *len)
{
	size_t i = table_find(reg->t, v, len);

	return i == TABLE_NONE ? REGISTRY_NONE : i;
}

const char *
registry_value(const struct registry *reg, size_t i, int f)
{
	return f < 0 ? "" : table_value(reg->t, i, (size_t)f);
}

unsigned long
registry_line(const struct registry *reg, size_t i)
{
	return reg->t->line[i];
}

void
registry_why(const struct registry *reg, size_t i, struct buf *b)
{
	const char *to = registry_value(reg, i, reg->to);
	char start[11], end[11];

	period_dates(reg->year, start, end);
	if (*to != '\0' && strcmp(to, start) <= 0) {
		buf_printf(b, "closed before ");
		period_format(b, reg->year);
		buf_printf(b, " (valid_to %s)", to);
	} else {
		buf_printf(b, "opens after ");
		period_format(b, reg->year);
		buf_printf(b, " (valid_from %s)", registry_value(reg, i,
		    reg->from));
	}
}
