/* Unit tests for registry: loading (record stream and CSV), the schools
 * expected in a school year at the edges of their validity, the key
 * index (NFC lookups, empty values), the words of messages, and every
 * error in the file (in a child process, since they exit). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "gaz.h"
#include "registry.h"
#include "table.h"
#include "unit.h"

/* NFC and NFD spellings of "THCS Tân An". */
#define TAN_NFC		"THCS T\xc3\xa2n An"
#define TAN_NFD		"THCS Ta\xcc\x82n An"

#define HEADER	"school_id\tschool_name\tlevel\tdistrict_code\tvalid_from\t" \
		"valid_to\n"

/* write_tmp writes text to name in the test directory and returns its
 * path (a new string each time: a registry borrows its path). */
static char *
write_tmp(const char *name, const char *text)
{
	return xstrdup(unit_puts(name, text));
}

/* key_on makes school_id and level the key of reg. */
static void
key_on(struct registry *reg)
{
	size_t f[2];

	f[0] = (size_t)table_field(reg->t, "school_id");
	f[1] = (size_t)table_field(reg->t, "level");
	registry_key(reg, f, 2);
}

/* find looks up the key id, level. */
static size_t
find(struct registry *reg, const char *id, const char *level)
{
	char *v[2];
	size_t len[2];

	v[0] = (char *)id;
	v[1] = (char *)level;
	len[0] = strlen(id);
	len[1] = strlen(level);
	return registry_find(reg, v, len);
}

static void
test_load(void **state)
{
	char *path = write_tmp("r.tsv", HEADER
	    "80794201\t" TAN_NFD "\tTHCS\t794\t\t\n"
	    "80794301\tTHPT T\xc3\xa2n An\tTHPT\t794\t2019-09-01\t\n");
	struct registry *reg = registry_load(path);

	(void)state;
	assert_int_equal(reg->t->nrows, 2);
	assert_int_equal(reg->nexpected, 2);
	assert_int_equal(reg->year, -1);
	assert_int_equal(reg->expected[0], 1);
	assert_int_equal(reg->expected[1], 1);
	assert_int_equal(reg->id, 0);
	assert_int_equal(reg->name, 1);
	assert_int_equal(reg->level, 2);
	assert_int_equal(reg->code, 3);
	assert_int_equal(reg->from, 4);
	assert_int_equal(reg->to, 5);
	/* Values in NFC. */
	assert_string_equal(registry_value(reg, 0, reg->name), TAN_NFC);
	assert_string_equal(registry_value(reg, 1, reg->from), "2019-09-01");
	assert_string_equal(registry_value(reg, 1, -1), "");
	assert_int_equal(registry_line(reg, 0), 2);
	assert_int_equal(registry_line(reg, 1), 3);
	registry_free(reg);
	registry_free(NULL);
	free(path);
}

static void
test_optional(void **state)
{
	/* CSV, only the required fields, in another order. */
	char *path = write_tmp("r.csv", "level,district_code,school_id\n"
	    "THCS,794,80794201\n");
	struct registry *reg = registry_load(path);
	struct buf b = { 0 };

	(void)state;
	assert_int_equal(reg->name, -1);
	assert_int_equal(reg->from, -1);
	assert_int_equal(reg->to, -1);
	assert_int_equal(reg->id, 2);
	assert_string_equal(registry_value(reg, 0, reg->name), "");
	/* No dates: open in every year. */
	registry_year(reg, 1990);
	assert_int_equal(reg->nexpected, 1);
	key_on(reg);
	assert_int_equal(find(reg, "80794201", "THCS"), 0);
	registry_key_text(reg, 0, &b);
	unit_buf_is(&b, "school_id=80794201, level=THCS");
	buf_free(&b);
	registry_free(reg);
	free(path);
}

static void
test_year(void **state)
{
	/* Each row at an edge of the school year 2022-2023, which is
	 * [2022-09-01, 2023-09-01). */
	char *path = write_tmp("r.tsv", HEADER
	    "1\ta\tTHCS\t794\t\t\n"				/* always */
	    "2\tb\tTHCS\t794\t\t2022-09-01\n"			/* closed */
	    "3\tc\tTHCS\t794\t\t2022-09-02\n"			/* a day */
	    "4\td\tTHCS\t794\t2023-09-01\t\n"			/* opens */
	    "5\te\tTHCS\t794\t2023-08-31\t\n"			/* a day */
	    "6\tf\tTHCS\t794\t2020-09-01\t2021-09-01\n"		/* closed */
	    "7\tg\tTHCS\t794\t2023-01-09\t2023-06-01\n"		/* inside */
	    "8\th\tTHCS\t794\t2010-01-01\t2030-01-01\n");	/* around */
	struct registry *reg = registry_load(path);
	static const unsigned char want[] = { 1, 0, 1, 0, 1, 0, 1, 1 };
	struct buf b = { 0 };
	size_t i;

	(void)state;
	registry_year(reg, 2022);
	assert_int_equal(reg->year, 2022);
	for (i = 0; i < 8; i++)
		if (reg->expected[i] != want[i])
			fail_msg("row %zu: expected %d, want %d", i + 1,
			    reg->expected[i], want[i]);
	assert_int_equal(reg->nexpected, 5);
	registry_why(reg, 1, &b);
	unit_buf_is(&b, "closed before 2022-2023 (valid_to 2022-09-01)");
	buf_reset(&b);
	registry_why(reg, 3, &b);
	unit_buf_is(&b, "opens after 2022-2023 (valid_from 2023-09-01)");
	buf_reset(&b);
	registry_why(reg, 5, &b);
	unit_buf_is(&b, "closed before 2022-2023 (valid_to 2021-09-01)");
	/* Another year: the count is the year's alone. */
	registry_year(reg, 2023);
	assert_int_equal(reg->expected[3], 1);
	assert_int_equal(reg->expected[4], 1);
	assert_int_equal(reg->expected[2], 0);
	assert_int_equal(reg->expected[6], 0);
	assert_int_equal(reg->nexpected, 4);
	registry_year(reg, 2020);
	assert_int_equal(reg->expected[5], 1);
	assert_int_equal(reg->expected[1], 1);
	assert_int_equal(reg->nexpected, 5);
	buf_free(&b);
	registry_free(reg);
	free(path);
}

static void
test_key(void **state)
{
	char *path = write_tmp("r.tsv", HEADER
	    "80794201\t" TAN_NFC "\tTHCS\t794\t\t\n"
	    "80794201\t" TAN_NFC "\tTHPT\t794\t\t\n");
	struct registry *reg = registry_load(path);
	char *v[1] = { (char *)TAN_NFD };
	size_t f[1], len[1] = { strlen(TAN_NFD) };

	(void)state;
	key_on(reg);
	assert_int_equal(find(reg, "80794201", "THCS"), 0);
	assert_int_equal(find(reg, "80794201", "THPT"), 1);
	assert_int_equal(find(reg, "80794201", "thpt"), REGISTRY_NONE);
	assert_int_equal(find(reg, "80794201", ""), REGISTRY_NONE);
	assert_int_equal(find(reg, "", "THCS"), REGISTRY_NONE);
	registry_free(reg);
	free(path);

	/* Another key, the name: found in NFC whichever form it comes in. */
	path = write_tmp("r1.tsv", HEADER "1\t" TAN_NFC "\tTHCS\t794\t\t\n");
	reg = registry_load(path);
	f[0] = (size_t)reg->name;
	registry_key(reg, f, 1);
	assert_int_equal(registry_find(reg, v, len), 0);
	registry_free(reg);
	free(path);
}

static void
test_codes(void **state)
{
	char *path = write_tmp("r.tsv", HEADER "1\ta\tTHCS\t0794\t\t\n"
	    "2\tb\tTHPT\t808\t\t\n");
	struct registry *reg = registry_load(path);
	struct gaz *g = gaz_load("config/long-an/districts.yaml");

	(void)state;
	/* Leading zeros do not count, as in the gazetteer. */
	registry_codes(reg, g);
	gaz_free(g);
	registry_free(reg);
	free(path);
}

/* What a child does with the registry at path: load it, key it on
 * school_id and level, check its codes against the Long An gazetteer. */
static void
load_child(const void *arg)
{
	struct registry *reg = registry_load(arg);
	struct gaz *g;

	key_on(reg);
	g = gaz_load("config/long-an/districts.yaml");
	registry_codes(reg, g);
	gaz_free(g);
	registry_free(reg);
}

/* load_name_child loads the registry at arg and keys it on school_name. */
static void
load_name_child(const void *arg)
{
	struct registry *reg = registry_load(arg);
	size_t f[1];

	f[0] = (size_t)reg->name;
	registry_key(reg, f, 1);
	registry_free(reg);
}

/* load_fails writes text as name and runs load_child on it, which must
 * exit with status and a message containing want. */
static void
load_fails(const char *name, const char *text, int status, const char *want)
{
	char *path = write_tmp(name, text);

	unit_child_fails(load_child, path, status, want);
	free(path);
}

static void
test_errors(void **state)
{
	(void)state;
	load_fails("ok.tsv", HEADER "1\ta\tTHCS\t794\t\t\n", 0, "");
	load_fails("nocode.tsv", "school_id\tlevel\n1\tTHCS\n", 2,
	    "nocode.tsv:1: no field \"district_code\" in the header (a "
	    "registry has school_id, level and district_code)");
	load_fails("noid.csv", "level,district_code\nTHCS,794\n", 2,
	    "noid.csv:1: no field \"school_id\"");
	load_fails("empty.tsv", HEADER "1\ta\tTHCS\t\t\t\n", 2,
	    "empty.tsv:2: field \"district_code\" is empty");
	load_fails("emptyid.tsv", HEADER "1\ta\tTHCS\t794\t\t\n\tb\tTHCS\t794"
	    "\t\t\n", 2, "emptyid.tsv:3: field \"school_id\" is empty");
	load_fails("form.tsv", HEADER "1\ta\tTHCS\t794\t1/9/2022\t\n", 2,
	    "form.tsv:2: valid_from \"1/9/2022\" is not a date (YYYY-MM-DD)");
	load_fails("day.tsv", HEADER "1\ta\tTHCS\t794\t\t2023-02-29\n", 2,
	    "day.tsv:2: valid_to \"2023-02-29\" is not a date");
	load_fails("tab.csv", "school_id,level,district_code,valid_to\n"
	    "1,THCS,794,\"2023\t01\"\n", 2,
	    "tab.csv:2: valid_to \"2023\\t01\" is not a date (YYYY-MM-DD)");
	load_fails("order.tsv", HEADER "1\ta\tTHCS\t794\t2023-01-01\t"
	    "2022-09-01\n", 2, "order.tsv:2: valid_to 2022-09-01 is not after "
	    "valid_from 2023-01-01");
	load_fails("same.tsv", HEADER "1\ta\tTHCS\t794\t2023-01-01\t"
	    "2023-01-01\n", 2, "same.tsv:2: valid_to 2023-01-01 is not after "
	    "valid_from 2023-01-01");
	load_fails("dup.tsv", HEADER "1\ta\tTHCS\t794\t\t\n2\tb\tTHCS\t794\t\t"
	    "\n1\tc\tTHCS\t795\t\t2020-01-01\n", 2, "dup.tsv:4: duplicate key "
	    "school_id=1, level=THCS (first on line 2)");
	load_fails("code.tsv", HEADER "1\ta\tTHCS\t794\t\t\n2\tb\tTHCS\t999\t\t"
	    "\n", 2, "code.tsv:3: district_code \"999\" is not in the "
	    "gazetteer config/long-an/districts.yaml");
	/* What the table refuses, as table_load says. */
	load_fails("short.tsv", HEADER "1\ta\tTHCS\n", 1,
	    "short.tsv:2: 3 fields, the header has 6");
}

static void
test_key_empty(void **state)
{
	char *path = write_tmp("r.tsv", HEADER "1\t\tTHCS\t794\t\t\n");

	(void)state;
	/* A key field the registry may leave empty elsewhere. */
	unit_child_fails(load_name_child, path, 2, "r.tsv:2: key field "
	    "\"school_name\" is empty");
	free(path);
}

static int
setup(void **state)
{
	diag_init("test_registry");
	return unit_tmpdir_setup(state);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_load),
		cmocka_unit_test(test_optional),
		cmocka_unit_test(test_year),
		cmocka_unit_test(test_key),
		cmocka_unit_test(test_codes),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_key_empty),
	};

	return cmocka_run_group_tests(tests, setup, unit_tmpdir_teardown);
}
