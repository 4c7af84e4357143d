/* Unit tests for table: the three formats (record stream, CSV, YAML),
 * values in NFC, --where's filter, the key index (NFC lookups, empty
 * values, duplicate keys) and the loader's errors (in a child process,
 * since they exit). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "table.h"
#include "unit.h"

/* write_tmp writes text to name in the test directory and returns its
 * path (a new string each time: tables borrow their path). */
static char *
write_tmp(const char *name, const char *text)
{
	return xstrdup(unit_puts(name, text));
}

/* NFC and NFD spellings of "Tân An" and "Châu Thành". */
#define TAN_NFC		"T\xc3\xa2n An"
#define TAN_NFD		"Ta\xcc\x82n An"
#define CHAU_NFC	"Ch\xc3\xa2u Th\xc3\xa0nh"

static void
test_stream(void **state)
{
	char *path = write_tmp("t.tsv", "level\tdistrict\ttarget\n"
	    "THCS\t" TAN_NFD "\t35.09\nTHPT\ta\\tb\t\n");
	struct table *t = table_load(path);

	(void)state;
	assert_int_equal(t->nf, 3);
	assert_string_equal(t->name[0], "level");
	assert_string_equal(t->name[2], "target");
	assert_int_equal(t->nrows, 2);
	/* Stored in NFC, unescaped; an empty value is "", not NULL. */
	assert_string_equal(table_value(t, 0, 1), TAN_NFC);
	assert_string_equal(table_value(t, 1, 1), "a\tb");
	assert_string_equal(table_value(t, 1, 2), "");
	assert_int_equal(t->line[0], 2);
	assert_int_equal(t->line[1], 3);
	assert_int_equal(table_field(t, "district"), 1);
	assert_int_equal(table_field(t, "code"), -1);
	table_free(t);
	table_free(NULL);
	free(path);
}

static void
test_csv(void **state)
{
	/* BOM, CRLF, ";" sniffed, a quoted line break: the row after it is
	 * numbered by the line it starts on. */
	char *path = write_tmp("t.csv", "\xef\xbb\xbflevel;district;note\r\n"
	    "THCS;" TAN_NFD ";\"two\r\nlines\"\r\n\r\nTHPT;\"a;b\";27,92\r\n");
	struct table *t = table_load(path);

	(void)state;
	assert_int_equal(t->nf, 3);
	assert_string_equal(t->name[0], "level");
	assert_int_equal(t->nrows, 2);
	assert_string_equal(table_value(t, 0, 1), TAN_NFC);
	assert_string_equal(table_value(t, 0, 2), "two\r\nlines");
	assert_string_equal(table_value(t, 1, 1), "a;b");
	assert_string_equal(table_value(t, 1, 2), "27,92");
	assert_int_equal(t->line[0], 2);
	assert_int_equal(t->line[1], 5);
	table_free(t);
	free(path);
}

static void
test_yaml(void **state)
{
	char *path = write_tmp("t.yaml",
	    "- { level: THCS, district: " TAN_NFD ", target: \"35.09\" }\n"
	    "- level: THPT\n  note: x\n  target: ~\n");
	struct table *t = table_load(path);

	(void)state;
	/* Every key seen, in order of first appearance. */
	assert_int_equal(t->nf, 4);
	assert_string_equal(t->name[0], "level");
	assert_string_equal(t->name[1], "district");
	assert_string_equal(t->name[2], "target");
	assert_string_equal(t->name[3], "note");
	assert_int_equal(t->nrows, 2);
	assert_string_equal(table_value(t, 0, 1), TAN_NFC);
	assert_string_equal(table_value(t, 0, 3), "");
	assert_string_equal(table_value(t, 1, 1), "");
	assert_string_equal(table_value(t, 1, 2), "");
	assert_string_equal(table_value(t, 1, 3), "x");
	assert_int_equal(t->line[0], 1);
	assert_int_equal(t->line[1], 2);
	table_free(t);
	free(path);
}

static void
test_where(void **state)
{
	char *path = write_tmp("w.tsv", "level\tcode\nTHCS\t1\nTHPT\t2\n"
	    "THCS\t3\nTHPT\t4\nTHCS\t5\n");
	struct table *t = table_load(path);

	(void)state;
	assert_int_equal(table_where(t, 0, "THCS"), 2);
	assert_int_equal(t->nrows, 3);
	assert_string_equal(table_value(t, 0, 1), "1");
	assert_string_equal(table_value(t, 1, 1), "3");
	assert_string_equal(table_value(t, 2, 1), "5");
	assert_int_equal(t->line[1], 4);
	assert_int_equal(t->line[2], 6);
	/* Twice: both hold. */
	assert_int_equal(table_where(t, 1, "3"), 2);
	assert_int_equal(t->nrows, 1);
	assert_int_equal(t->line[0], 4);
	assert_int_equal(table_where(t, 0, "THPT"), 1);
	assert_int_equal(t->nrows, 0);
	table_free(t);
	free(path);
}

static void
test_index(void **state)
{
	char *path = write_tmp("k.tsv", "level\tdistrict\tcode\tx\n"
	    "THCS\t" TAN_NFC "\t794\t1\nTHCS\t" CHAU_NFC "\t808\t2\n"
	    "THPT\t" TAN_NFD "\t794\t3\nTHPT\t\t\t4\n");
	struct table *t = table_load(path);
	size_t key[2] = { 0, 1 }, dup[2];
	char *v[2];
	size_t len[2];

	(void)state;
	/* No index yet: nothing is found. */
	v[0] = "THCS";
	v[1] = TAN_NFC;
	len[0] = 4;
	len[1] = strlen(v[1]);
	assert_int_equal(table_find(t, v, len), TABLE_NONE);

	assert_int_equal(table_index(t, key, 2, dup), 0);
	assert_int_equal(table_find(t, v, len), 0);
	/* Looked up in NFD, the key is found; the table's NFD value was
	 * stored in NFC. */
	v[0] = "THPT";
	v[1] = TAN_NFD;
	len[1] = strlen(v[1]);
	assert_int_equal(table_find(t, v, len), 2);
	v[1] = TAN_NFC;
	len[1] = strlen(v[1]);
	assert_int_equal(table_find(t, v, len), 2);
	/* An empty value matches nothing, not the row with an empty key. */
	v[1] = "";
	len[1] = 0;
	assert_int_equal(table_find(t, v, len), TABLE_NONE);
	/* The key is the values, not their concatenation. */
	v[0] = "THCS\t" TAN_NFC;
	len[0] = strlen(v[0]);
	v[1] = "x";
	len[1] = 1;
	assert_int_equal(table_find(t, v, len), TABLE_NONE);
	/* Invalid UTF-8 is compared as it is: no match, no crash. */
	v[0] = "TH\xff" "CS";
	len[0] = strlen(v[0]);
	assert_int_equal(table_find(t, v, len), TABLE_NONE);

	/* Keyed by code alone, rows 0 and 2 collide. */
	key[0] = 2;
	assert_int_equal(table_index(t, key, 1, dup), -1);
	assert_int_equal(dup[0], 0);
	assert_int_equal(dup[1], 2);
	v[0] = "808";
	len[0] = 3;
	assert_int_equal(table_find(t, v, len), TABLE_NONE);
	/* Indexed again on another field, it works again. */
	key[0] = 3;
	assert_int_equal(table_index(t, key, 1, dup), 0);
	v[0] = "4";
	len[0] = 1;
	assert_int_equal(table_find(t, v, len), 3);
	table_free(t);
	free(path);
}

/* load_child loads the table at arg (the child of load_fails). */
static void
load_child(const void *arg)
{
	table_free(table_load(arg));
}

/* load_fails loads text as name in a child and checks it exits with
 * status and a message containing want. */
static void
load_fails(const char *name, const char *text, int status, const char *want)
{
	char *path = text != NULL ? write_tmp(name, text) :
	    xstrdup(unit_path(name));

	unit_child_fails(load_child, path, status, want);
	free(path);
}

static void
test_errors(void **state)
{
	(void)state;
	load_fails("none.tsv", NULL, 2, "none.tsv: cannot open");
	load_fails("none.csv", NULL, 2, "none.csv: cannot open");
	load_fails("none.yaml", NULL, 2, "none.yaml: cannot open");
	load_fails("empty.tsv", "", 2, "empty input: no header line");
	load_fails("empty.csv", "", 2, "empty.csv: empty table: no header "
	    "line");
	load_fails("short.tsv", "a\tb\n1\t2\n3\n", 1, "short.tsv:3: 1 field, "
	    "the header has 2");
	load_fails("short.csv", "a,b\n1,2\n3\n", 1, "short.csv:3: 1 field, "
	    "the header has 2");
	load_fails("quote.csv", "a,b\n1,\"2\n", 1, "quote.csv:2: quoted "
	    "field not closed");
	load_fails("after.csv", "a,b\n\"1\"x,2\n3,4\n", 1, "after.csv:2: "
	    "text after the closing quote of field 1");
	load_fails("bad.tsv", "a\tb\n1\tT\xff\n", 1, "bad.tsv:2: field \"b\": "
	    "invalid UTF-8");
	load_fails("map.yaml", "a: 1\n", 2, "map.yaml:1:1: the table: "
	    "expected a list, found a mapping");
	load_fails("row.yaml", "- a\n", 2, "row.yaml:1:3: a table row: "
	    "expected a mapping, found a scalar");
	load_fails("value.yaml", "- { a: [1] }\n", 2, "field \"a\": expected "
	    "a scalar");
	load_fails("null.yaml", "", 2, "empty table: expected a list of rows");
}

static int
setup(void **state)
{
	diag_init("test_table");
	return unit_tmpdir_setup(state);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_stream),
		cmocka_unit_test(test_csv),
		cmocka_unit_test(test_yaml),
		cmocka_unit_test(test_where),
		cmocka_unit_test(test_index),
		cmocka_unit_test(test_errors),
	};

	return cmocka_run_group_tests(tests, setup, unit_tmpdir_teardown);
}
