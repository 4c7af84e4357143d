/* Unit tests for schema: loading, loose header lookup, value conversion,
 * cross-field checks, and every loading error (in a child, whose exit
 * status and message are checked). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "schema.h"
#include "unit.h"

static const char good[] =
    "description: test\n"
    "fields:\n"
    "  school_id:\n"
    "    header: Mã trường\n"
    "    aliases: [Mã số trường]\n"
    "    required: true\n"
    "  level:\n"
    "    header: Cấp học\n"
    "    type: enum\n"
    "    required: yes\n"
    "    values:\n"
    "      THCS: [Trung học cơ sở, Cấp 2]\n"
    "      THPT: Trung học phổ thông\n"
    "  ok:\n"
    "    header: Có chương trình\n"
    "    type: bool\n"
    "  graduates:\n"
    "    header: Số HS tốt nghiệp\n"
    "    type: int\n"
    "    min: 0\n"
    "    max: 1.000\n"
    "  vocational:\n"
    "    type: int\n"
    "    min: 0\n"
    "  rate:\n"
    "    type: decimal\n"
    "    max: 100\n"
    "  note:\n"
    "checks:\n"
    "  - vocational <= graduates\n"
    "  - 50 > rate\n";

static struct schema *
load_good(void)
{
	return schema_load(unit_puts("good.yaml", good));
}

static void
test_load(void **state)
{
	struct schema *s = load_good();

	(void)state;
	assert_int_equal(s->nf, 7);
	assert_int_equal(s->nrequired, 2);
	assert_string_equal(s->f[0].name, "school_id");
	assert_string_equal(s->f[0].header, "Mã trường");
	assert_int_equal(s->f[1].type, SCHEMA_ENUM);
	assert_int_equal(s->f[1].nvalues, 2);
	assert_string_equal(s->f[1].values[1], "THPT");
	assert_int_equal(s->f[2].type, SCHEMA_BOOL);
	assert_int_equal(s->f[3].type, SCHEMA_INT);
	assert_true(s->f[3].has_min && s->f[3].has_max);
	assert_true(s->f[3].max == 1000);
	assert_string_equal(s->f[4].header, "vocational");
	assert_int_equal(s->f[5].type, SCHEMA_DECIMAL);
	assert_int_equal(s->f[6].type, SCHEMA_STRING);
	assert_int_equal(s->nchk, 2);
	assert_int_equal(s->chk[0].left, 4);
	assert_int_equal(s->chk[0].op, SCHEMA_LE);
	assert_true(s->chk[0].right_is_field);
	assert_int_equal(s->chk[0].right, 3);
	/* "50 > rate" is turned round: "rate < 50". */
	assert_int_equal(s->chk[1].left, 5);
	assert_int_equal(s->chk[1].op, SCHEMA_LT);
	assert_false(s->chk[1].right_is_field);
	assert_true(s->chk[1].num == 50);
	schema_free(s);
	schema_free(NULL);
}

static void
test_lookup(void **state)
{
	struct schema *s = load_good();
	struct buf b = { 0 };

	(void)state;
	assert_int_equal(schema_lookup(s, "Mã trường", strlen("Mã trường"),
	    &b), 0);
	assert_int_equal(schema_lookup(s, "MÃ TRƯỜNG", strlen("MÃ TRƯỜNG"),
	    &b), 0);
	/* NFD, other spacing and punctuation, no diacritics. */
	assert_int_equal(schema_lookup(s, "Ma\xcc\x83 tru\xcc\x9bo\xcc\x80ng",
	    strlen("Ma\xcc\x83 tru\xcc\x9bo\xcc\x80ng"), &b), 0);
	assert_int_equal(schema_lookup(s, " ma  so-truong. ", 16, &b), 0);
	assert_int_equal(schema_lookup(s, "so hs tot nghiep", 16, &b), 3);
	assert_int_equal(schema_lookup(s, "school_id", 9, &b), 0);
	assert_int_equal(schema_lookup(s, "Vocational", 10, &b), 4);
	assert_int_equal(schema_lookup(s, "Họ và tên", strlen("Họ và tên"),
	    &b), -1);
	assert_int_equal(schema_lookup(s, "--", 2, &b), -1);
	buf_free(&b);
	schema_free(s);
}

/* conv converts raw for field fi: returns the canonical text, or the
 * reason prefixed with "!". */
static const char *
conv(const struct schema *s, size_t fi, const char *raw)
{
	static struct buf out, why, scratch, res;
	struct schema_value v;

	buf_reset(&out);
	buf_reset(&why);
	buf_reset(&res);
	buf_adds(&out, "prefix");
	if (schema_convert(s, fi, raw, strlen(raw), &out, &v, &why,
	    &scratch) < 0) {
		assert_int_equal(out.len, 6);	/* left as it was */
		buf_addc(&res, '!');
		buf_add(&res, why.p, why.len);
		return res.p;
	}
	assert_int_equal(v.off, 6);
	assert_int_equal(v.len, out.len - 6);
	buf_add(&res, out.p + 6, out.len - 6);
	if (!v.present)
		buf_adds(&res, "<missing>");
	return res.p;
}

static void
test_convert(void **state)
{
	struct schema *s = load_good();

	(void)state;
	/* string: trimmed, NFC; required and empty is missing. */
	assert_string_equal(conv(s, 0, " 8079\xc2\xa0 "), "8079");
	assert_string_equal(conv(s, 0, "  "), "!missing value");
	assert_string_equal(conv(s, 6, "Ho\xcc\x80" "a"), "Hòa");
	assert_string_equal(conv(s, 6, ""), "<missing>");
	/* enum: value, aliases, loosely. */
	assert_string_equal(conv(s, 1, "THCS"), "THCS");
	assert_string_equal(conv(s, 1, "thcs"), "THCS");
	assert_string_equal(conv(s, 1, "Trung học cơ sở"), "THCS");
	assert_string_equal(conv(s, 1, "TRUNG HOC PHO THONG"), "THPT");
	assert_string_equal(conv(s, 1, "cấp 2"), "THCS");
	assert_string_equal(conv(s, 1, "THCS/THPT"),
	    "!\"THCS/THPT\" is not one of THCS, THPT");
	assert_string_equal(conv(s, 1, ""), "!missing value");
	/* bool. */
	assert_string_equal(conv(s, 2, "Có"), "1");
	assert_string_equal(conv(s, 2, "co\xcc\x81"), "1");
	assert_string_equal(conv(s, 2, "KHÔNG"), "0");
	assert_string_equal(conv(s, 2, "x"), "1");
	assert_string_equal(conv(s, 2, "X"), "1");
	assert_string_equal(conv(s, 2, ""), "0");
	assert_string_equal(conv(s, 2, "1"), "1");
	assert_string_equal(conv(s, 2, "0"), "0");
	assert_string_equal(conv(s, 2, "Yes"), "1");
	assert_string_equal(conv(s, 2, "false"), "0");
	assert_string_equal(conv(s, 2, "Chưa"),
	    "!\"Chưa\" is not a yes/no value");
	assert_string_equal(conv(s, 2, "-"), "!\"-\" is not a yes/no value");
	/* int: grouping, range, not a number, not whole. */
	assert_string_equal(conv(s, 3, "1.000"), "1000");
	assert_string_equal(conv(s, 3, "0"), "0");
	assert_string_equal(conv(s, 3, ""), "<missing>");
	assert_string_equal(conv(s, 3, "12a"), "!\"12a\" is not a number");
	assert_string_equal(conv(s, 3, "12,5"),
	    "!\"12,5\" is not a whole number");
	assert_string_equal(conv(s, 4, "9223372036854775807"),
	    "9223372036854775807");
	assert_string_equal(conv(s, 4, "9223372036854775808"),
	    "!\"9223372036854775808\" is out of range (at most "
	    "9223372036854775807)");
	assert_string_equal(conv(s, 4, "-9223372036854775809"),
	    "!\"-9223372036854775809\" is out of range (at least "
	    "-9223372036854775808)");
	assert_string_equal(conv(s, 4, "99999999999999999999999,5"),
	    "!\"99999999999999999999999,5\" is not a whole number");
	assert_string_equal(conv(s, 3, "-3"), "!\"-3\" is below the minimum 0");
	assert_string_equal(conv(s, 3, "1001"),
	    "!\"1001\" is above the maximum 1000");
	/* A value with a line break stays on one line in the reason. */
	assert_string_equal(conv(s, 3, "1\n2"), "!\"1\\n2\" is not a number");
	/* decimal. */
	assert_string_equal(conv(s, 5, "27,92"), "27.92");
	assert_string_equal(conv(s, 5, "27.92"), "27.92");
	assert_string_equal(conv(s, 5, "abc"), "!\"abc\" is not a number");
	assert_string_equal(conv(s, 5, "100,5"),
	    "!\"100,5\" is above the maximum 100");
	schema_free(s);
}

static const char patterns[] =
    "fields:\n"
    "  code:\n"
    "    header: Mã trường\n"
    "    pattern: '[A-Za-z0-9]{3,20}'\n"
    "    pattern_text: a code (3 to 20 letters and digits)\n"
    "  either:\n"
    "    pattern: 'ab|cd'\n"
    "  name:\n"
    "    pattern: 'Tr.*'\n";

/* conv_rc is conv's schema_convert return code. */
static int
conv_rc(const struct schema *s, size_t fi, const char *raw)
{
	struct buf out = { 0 }, why = { 0 }, scratch = { 0 };
	struct schema_value v;
	int rc = schema_convert(s, fi, raw, strlen(raw), &out, &v, &why,
	    &scratch);

	buf_free(&out);
	buf_free(&why);
	buf_free(&scratch);
	return rc;
}

static void
test_patterns(void **state)
{
	struct schema *s = schema_load(unit_puts("p.yaml", patterns));

	(void)state;
	assert_string_equal(s->f[0].pattern, "[A-Za-z0-9]{3,20}");
	assert_null(s->f[1].pattern_text);
	/* The whole trimmed value must match; the value is never told. */
	assert_string_equal(conv(s, 0, " 80794201 "), "80794201");
	assert_string_equal(conv(s, 0, "TA001"), "TA001");
	assert_string_equal(conv(s, 0, "80794201"), "80794201");
	assert_string_equal(conv(s, 0, "08/10/2005"),
	    "!not a code (3 to 20 letters and digits)");
	assert_string_equal(conv(s, 0, "80794201"), "80794201");
	assert_string_equal(conv(s, 0, "Lê Văn Cường"),
	    "!not a code (3 to 20 letters and digits)");
	assert_string_equal(conv(s, 0, "12"),
	    "!not a code (3 to 20 letters and digits)");
	assert_string_equal(conv(s, 0, "123456789012345678901"),
	    "!not a code (3 to 20 letters and digits)");
	assert_string_equal(conv(s, 0, "8079 4201"),
	    "!not a code (3 to 20 letters and digits)");
	assert_int_equal(conv_rc(s, 0, "08/10/2005"), -2);
	assert_int_equal(conv_rc(s, 0, "80794201"), 0);
	/* An empty cell is missing, not a mismatch. */
	assert_string_equal(conv(s, 0, ""), "<missing>");
	/* Anchored around the alternatives too. */
	assert_string_equal(conv(s, 1, "ab"), "ab");
	assert_string_equal(conv(s, 1, "cd"), "cd");
	assert_string_equal(conv(s, 1, "abcd"),
	    "!does not match the pattern ab|cd");
	assert_string_equal(conv(s, 1, "xcd"),
	    "!does not match the pattern ab|cd");
	/* Matched against the NFC value. */
	assert_string_equal(conv(s, 2, "Tru\xcc\x9bo\xcc\x9b\xcc\x80ng"), "Trường");
	assert_string_equal(conv(s, 2, "Hòa"),
	    "!does not match the pattern Tr.*");
	/* A NUL ends no value early. */
	assert_int_equal(conv_rc(s, 0, "abc"), 0);
	{
		struct buf out = { 0 }, why = { 0 }, scratch = { 0 };
		struct schema_value v;

		assert_int_equal(schema_convert(s, 0, "abc\0def", 7, &out, &v,
		    &why, &scratch), -2);
		buf_free(&out);
		buf_free(&why);
		buf_free(&scratch);
	}
	schema_free(s);
}

static void
test_checks(void **state)
{
	struct schema *s = load_good();
	struct schema_value v[7];
	struct buf out = { 0 }, why = { 0 }, scratch = { 0 };
	const char *names[7] = { "a", "b", "c", "Số HS tốt nghiệp",
	    "Số HS học GDNN", "f", "g" };
	const char *row[7] = { "1", "THCS", "x", "215", "251", "10", "" };
	size_t i;

	(void)state;
	for (i = 0; i < 7; i++)
		assert_int_equal(schema_convert(s, i, row[i], strlen(row[i]),
		    &out, &v[i], &why, &scratch), 0);
	assert_int_equal(schema_check_row(s, v, out.p, names, &why), 0);
	unit_buf_is(&why,
	    "251 is greater than \"Số HS tốt nghiệp\" (215)");
	/* Equal passes; a missing value is not checked. */
	v[4] = v[3];
	buf_reset(&why);
	assert_int_equal(schema_check_row(s, v, out.p, names, &why), -1);
	v[3].present = 0;
	v[4].i = 999;
	assert_int_equal(schema_check_row(s, v, out.p, names, &why), -1);
	/* rate < 50 fails on 60. */
	buf_reset(&out);
	buf_reset(&why);
	assert_int_equal(schema_convert(s, 5, "60", 2, &out, &v[5], &why,
	    &scratch), 0);
	assert_int_equal(schema_check_row(s, v, out.p, names, &why), 1);
	unit_buf_is(&why, "60 is not less than 50");
	buf_free(&out);
	buf_free(&why);
	buf_free(&scratch);
	schema_free(s);
}

static void
load_path(const void *path)
{
	schema_free(schema_load(path));
}

/* error_of loads text in a child; returns its exit status, and the first
 * line of its stderr in msg. */
static int
error_of(const char *text, char *msg, size_t n)
{
	int rc = unit_child(load_path, unit_puts("bad.yaml", text), msg, n);

	unit_first_line(msg);
	return rc;
}

/* bad checks that text fails with exit 2 and a message ending in want,
 * after the file name. */
static void
bad(const char *text, const char *want)
{
	char msg[1024], full[1200];

	assert_int_equal(error_of(text, msg, sizeof msg), 2);
	snprintf(full, sizeof full, "test_schema: %s/bad.yaml:%s",
	    unit_tmpdir(), want);
	assert_string_equal(msg, full);
}

static void
test_errors(void **state)
{
	(void)state;
	bad("fields: [a\n", "2:1: YAML error: did not find expected ',' or "
	    "']' while parsing a flow sequence");
	bad("", " empty schema: no fields");
	bad("- a\n", "1:1: schema: expected a mapping, found a list");
	bad("feilds: {}\n", "1:1: unknown key \"feilds\"");
	bad("description: x\n", "1:1: missing key \"fields\"");
	bad("fields: {}\n", "1:9: fields: none given");
	bad("fields: [a]\n", "1:9: fields: expected a mapping, found a list");
	bad("fields:\n  a:\n    tpye: int\n", "3:5: unknown key \"tpye\"");
	bad("fields:\n  a:\n    type: integer\n", "3:11: type: \"integer\" "
	    "is not one of string, int, decimal, bool, enum, school_year");
	bad("fields:\n  a:\n    type: [int]\n",
	    "3:11: type: expected a scalar, found a list");
	bad("fields:\n  a:\n    required: maybe\n",
	    "3:15: \"maybe\" is not true or false");
	bad("fields:\n  a:\n    min: 0\n",
	    "3:10: min: only an int or decimal field has a range");
	bad("fields:\n  a:\n    type: int\n    max: ten\n",
	    "4:10: max: \"ten\" is not a number");
	bad("fields:\n  a:\n    type: int\n    min: 0,5\n",
	    "4:10: min: \"0,5\" is not a whole number");
	bad("fields:\n  a:\n    type: int\n    max: 9223372036854775808\n",
	    "4:10: max: \"9223372036854775808\" is out of range (at most "
	    "9223372036854775807)");
	bad("fields:\n  a:\n    type: int\n    min: 5\n    max: 1\n",
	    "5:10: max: 1 is less than min 5");
	bad("fields:\n  a:\n    type: enum\n", " field a: an enum needs "
	    "\"values\"");
	bad("fields:\n  a:\n    values: {x: y}\n",
	    "3:13: values: only an enum field has values");
	bad("fields:\n  2a:\n", "2:3: field name \"2a\": use letters, digits "
	    "and _, starting with a letter");
	bad("fields:\n  a:\n  a:\n", "3:3: key \"a\" repeated (first on line 2)");
	bad("fields:\n  a:\n    header: Huyện\n  b:\n    aliases: [huyen]\n",
	    "5:15: alias \"huyen\" also names a");
	bad("fields:\n  a:\n    header: \"--\"\n",
	    "3:13: header \"--\" has no letters or digits");
	bad("fields:\n  a:\n    type: enum\n    values:\n      X: [y]\n"
	    "      Z: [x]\n", "6:11: alias \"x\" also names X");
	bad("fields:\n  a:\n    type: int\nchecks:\n  - a <= b\n",
	    "5:5: check \"a <= b\": no field \"b\"");
	bad("fields:\n  a:\n    type: int\nchecks:\n  - a =< 3\n",
	    "5:5: check \"a =< 3\": expected FIELD OP FIELD or FIELD OP "
	    "NUMBER, OP one of < <= > >= == !=");
	bad("fields:\n  a:\n    type: int\nchecks:\n  - a < 3 x\n",
	    "5:5: check \"a < 3 x\": expected FIELD OP FIELD or FIELD OP "
	    "NUMBER, OP one of < <= > >= == !=");
	bad("fields:\n  a:\n    type: int\nchecks:\n  - 1 < 3\n",
	    "5:5: check \"1 < 3\": compares two numbers");
	bad("fields:\n  a:\n  b:\n    type: int\nchecks:\n  - b < a\n",
	    "6:5: check \"b < a\": a is not an int or decimal field");
	bad("fields:\n  a:\nchecks: {x: 1}\n",
	    "3:9: checks: expected a list, found a mapping");
	bad("fields:\n  a:\n    header: &h x\n  b:\n    header: *h\n",
	    "5:13: YAML aliases are not supported");
	bad("fields:\n  a:\n    type: int\n    pattern: '[0-9]+'\n",
	    "4:14: pattern: only a string field has a pattern");
	bad("fields:\n  a:\n    pattern: '(a'\n",
	    "3:14: pattern \"(a\": Unmatched ( or \\(");
	bad("fields:\n  a:\n    pattern_text: a code\n",
	    "3:19: pattern_text: the field has no pattern");
	bad("fields:\n  a:\n    pattern: x\n    pattern_text: \"a\\tb\"\n",
	    "4:19: pattern_text: a TAB or line break is not allowed");
	bad("fields:\n  a:\n    pattern: ''\n", "3:14: pattern: empty");
	bad("fields:\n  a:\n    required: true\nkey: [b]\n",
	    "4:7: key: \"b\" is not a field");
	bad("fields:\n  a:\nkey: a\n", "3:6: key: field a is not required: "
	    "a row without it could not be told apart");
	bad("fields:\n  a:\n    required: true\nkey: [a, a]\n",
	    "4:10: key: field a is named twice");
	bad("fields:\n  a:\n    required: true\nkey: []\n",
	    "4:6: key: no field given");
	bad("fields:\n  a:\n    required: true\nkey: [[a]]\n",
	    "4:7: key: expected a scalar, found a list");
}

static void
test_key_year(void **state)
{
	struct schema *s = schema_load(unit_puts("key.yaml",
	    "fields:\n  id:\n    required: true\n  year:\n"
	    "    type: school_year\n    required: true\n  level:\n"
	    "    required: true\nkey: [level, id]\n"));
	struct schema *one = schema_load(unit_puts("key1.yaml",
	    "fields:\n  id:\n    required: true\nkey: id\n"));
	struct schema *none = load_good();

	(void)state;
	assert_int_equal(s->nkey, 2);
	assert_int_equal(s->key[0], 2);
	assert_int_equal(s->key[1], 0);
	assert_int_equal(one->nkey, 1);
	assert_int_equal(one->key[0], 0);
	assert_int_equal(none->nkey, 0);
	assert_int_equal(s->f[1].type, SCHEMA_SCHOOL_YEAR);
	assert_string_equal(conv(s, 1, "2022-2023"), "2022-2023");
	assert_string_equal(conv(s, 1, " 2022 - 2023 "), "2022-2023");
	assert_string_equal(conv(s, 1, "2022\xe2\x80\x93" "2023"),
	    "2022-2023");
	assert_string_equal(conv(s, 1, "2022-23"), "2022-2023");
	assert_string_equal(conv(s, 1, "2022-2024"), "!\"2022-2024\" is not "
	    "a school year (such as 2022-2023)");
	assert_string_equal(conv(s, 1, ""), "!missing value");
	schema_free(s);
	schema_free(one);
	schema_free(none);
}

/* ---- schema_convert_row against schema_convert field by field ---- */

static const char rowschema[] =
    "fields:\n"
    "  code:\n"
    "    required: true\n"
    "    pattern: '[A-Za-z0-9]{3,20}'\n"
    "  level:\n"
    "    type: enum\n"
    "    values:\n"
    "      THCS: [Trung học cơ sở, Cấp 2, C2]\n"
    "      THPT: [Trung học phổ thông, x]\n"
    "  outcome:\n"
    "    type: enum\n"
    "    required: true\n"
    "    values:\n"
    "      Vào lớp 10 THPT: [Lớp 10 THPT, Vào 10]\n"
    "      Học cao đẳng: [Cao đẳng, Học CĐ]\n"
    "      Đi làm: [Lao động]\n"
    "      A: [B]\n"
    "  district:\n"
    "  either:\n"
    "    pattern: 'ab|cd'\n"
    "  shaped:\n"
    "    pattern: '[A-Z]{2}[0-9]+'\n"
    "  any:\n"
    "    pattern: 'x*'\n"
    "  n:\n"
    "    type: int\n"
    "    min: 0\n"
    "  flag:\n"
    "    type: bool\n"
    "  share:\n"
    "    type: decimal\n"
    "    max: 100\n"
    "  year:\n"
    "    type: school_year\n"
    "  name:\n"
    "    required: true\n";

/* cell appends a value a cell of field fi might hold: the field's own
 * values, near misses, NFD, white space at either end, lengths about the
 * words of eight the fast paths read, bytes that are not UTF-8. */
static void
cell(struct buf *b, const struct schema *s, size_t fi)
{
	static const char *any[] = { "", "THCS", "THPT", "Cấp 2", "C2", "x",
	    "Trung học cơ sở", "Trung hoc co so", "thcs", "Vào lớp 10 THPT",
	    "Học cao đẳng", "Ho\xcc\x9b\xcc\xa3" "c cao \xc4\x91" "a\xcc\x86\xcc\x89" "ng",
	    "Đi làm", "A", "B", "Lao động", "80794201", "8000000001", "ab",
	    "cd", "abcd", "TA01", "T", "xxxxxxxxxxxxxxxxx", "Tân An",
	    "Cần Giuộc", "Huyện Tân Thạnh", "Mo\xcc\xa3\xcc\x82" "c Hóa",
	    "\xe1\xbd\xb1" "bc", "12", "1.234", "-3", "abc", "Có", "Không",
	    "27,92", "101", "2022-2023", "2022 - 23", "2023-2022",
	    "a\tb", "back\\slash", "\xc3", "\xff\xfe", "Ω", "a\xcc\x81" };
	static const char *pad[] = { " ", "\t", "\xc2\xa0", "\xef\xbb\xbf",
	    "  " };
	static const char alnum[] = "ABCxyz0189";
	/* What the fields of rowschema take, field by field. */
	static const char *fit[][4] = { { "80794201", "8000000001", "abc",
	    "A1b2C3d4E5f6G7h8I9j0" }, { "THCS", "THPT", "Cấp 2", "x" },
	    { "Vào lớp 10 THPT", "Học cao đẳng", "Đi làm", "B" },
	    { "Tân An", "Cần Giuộc", "Huyện Tân Thạnh", "Đức Hòa" },
	    { "ab", "cd", "ab", "cd" }, { "TA01", "XY123456789", "AB0", "" },
	    { "", "x", "xxxxxxxx", "xxxxxxxxxxxxxxxxxxxxx" },
	    { "12", "1.234", "0", "" }, { "Có", "", "x", "0" },
	    { "27,92", "100", "", "3" }, { "2022-2023", "2022 - 23",
	    "2021-2022", "" }, { "Nguyễn Văn A", "Lê Thị B", "x", "ab" } };
	size_t i, n;

	if (unit_rnd(8) == 0)
		buf_adds(b, pad[unit_rnd(sizeof pad / sizeof pad[0])]);
	if (fi < sizeof fit / sizeof fit[0] && unit_rnd(10) < 9 &&
	    strcmp(s->f[fi].name, "name") != 0) {
		buf_adds(b, fit[fi][unit_rnd(4)]);
		return;
	}
	switch (unit_rnd(4)) {
	case 0:		/* a code of any length, maybe a byte off */
		n = unit_rnd(26);
		for (i = 0; i < n; i++)
			buf_addc(b, alnum[unit_rnd(sizeof alnum - 1)]);
		if (n > 0 && unit_rnd(5) == 0)
			b->p[b->len - 1 - unit_rnd((unsigned)n)] =
			    "-. \xc3"[unit_rnd(4)];
		break;
	case 1:		/* Vietnamese of any length */
		n = unit_rnd(12);
		for (i = 0; i < n; i++)
			buf_adds(b, (const char *[]){ "a", " ", "ạ", "ệ",
			    "đ", "ơ", "Ư", "o\xcc\x81", "\xe1\xbc\x80",
			    "\xcc\x80", "Ḁ", "ỿ" }[unit_rnd(12)]);
		break;
	default:
		buf_adds(b, any[unit_rnd(sizeof any / sizeof any[0])]);
	}
	if (unit_rnd(8) == 0)
		buf_adds(b, pad[unit_rnd(sizeof pad / sizeof pad[0])]);
}

/* same_value: v and w say the same. */
static void
same_value(const struct schema_value *v, const struct schema_value *w,
    size_t fi)
{
	if (v->present != w->present || v->isint != w->isint ||
	    v->i != w->i || memcmp(&v->d, &w->d, sizeof v->d) != 0 ||
	    v->off != w->off || v->len != w->len)
		fail_msg("field %zu: present %d/%d isint %d/%d i %lld/%lld "
		    "d %g/%g off %zu/%zu len %zu/%zu", fi, v->present,
		    w->present, v->isint, w->isint, v->i, w->i, v->d, w->d,
		    v->off, w->off, v->len, w->len);
}

/* Random rows, in random orders of the fields and with columns missing,
 * through schema_convert_row (with its values and without) and through
 * schema_convert a field at a time: the same text, values, failing
 * field, return and reason. */
static void
test_convert_row(void **state)
{
	struct schema *s = schema_load(unit_puts("row.yaml", rowschema));
	struct buf cells[16], out = { 0 }, ref = { 0 }, alone = { 0 };
	struct buf why = { 0 }, rwhy = { 0 }, scratch = { 0 };
	struct schema_value v[16], w[16];
	struct schema_step plan[16];
	size_t order[16], ncol, round, i, j, k, t;
	long src[16], fail, rfail;
	char *raw[16];
	size_t len[16];
	int rc, rrc, ok = 0;

	(void)state;
	assert_true(s->nf <= 16);
	memset(cells, 0, sizeof cells);
	for (round = 0; round < 60000; round++) {
		/* The order: at random, or the patterns first as ingest has
		 * it; the columns: shuffled, one now and then missing. */
		for (i = 0; i < s->nf; i++)
			order[i] = i;
		for (i = s->nf; round % 2 && i > 1; i--) {
			j = unit_rnd((unsigned)i);
			t = order[i - 1];
			order[i - 1] = order[j];
			order[j] = t;
		}
		ncol = s->nf + 2;
		for (i = 0; i < s->nf; i++)
			src[i] = unit_rnd(12) == 0 && !s->f[i].required ? -1 :
			    (long)((i * 5 + round) % ncol);
		for (i = 0; i < ncol; i++) {
			buf_reset(&cells[i]);
			buf_add(&cells[i], "", 0);
			for (k = 0; k < s->nf && src[k] != (long)i; k++)
				;
			cell(&cells[i], s, k);
			raw[i] = cells[i].p;
			len[i] = cells[i].len;
		}
		schema_plan(s, order, src, plan);
		/* Field by field. */
		buf_reset(&ref);
		buf_adds(&ref, "prefix");
		buf_reset(&rwhy);
		rfail = -1;
		rrc = 0;
		for (j = 0; j < s->nf; j++) {
			i = order[j];
			if (j > 0)
				buf_addc(&ref, '\t');
			if (src[i] < 0) {
				memset(&w[i], 0, sizeof w[i]);
				w[i].off = ref.len;
				continue;
			}
			if ((rrc = schema_convert(s, i, raw[src[i]],
			    len[src[i]], &ref, &w[i], &rwhy, &scratch)) < 0) {
				rfail = (long)i;
				if (j > 0)
					ref.p[--ref.len] = '\0';
				break;
			}
		}
		/* By the row, with values and without. */
		buf_reset(&out);
		buf_adds(&out, "prefix");
		buf_reset(&why);
		rc = 0;
		fail = schema_convert_row(s, plan, raw, len, &out, v, &why,
		    &scratch, &rc);
		if (fail != rfail || (fail >= 0 && rc != rrc))
			fail_msg("round %zu: failed at %ld (%d), by field %ld "
			    "(%d)", round, fail, rc, rfail, rrc);
		assert_int_equal(why.len, rwhy.len);
		assert_memory_equal(why.p, rwhy.p, why.len);
		if (out.len != ref.len || memcmp(out.p, ref.p, out.len) != 0)
			fail_msg("round %zu: \"%s\", by field \"%s\"", round,
			    out.p, ref.p);
		assert_int_equal(out.p[out.len], '\0');
		for (k = 0; fail < 0 && k < s->nf; k++)
			same_value(&v[k], &w[k], k);
		buf_reset(&alone);
		buf_adds(&alone, "prefix");
		buf_reset(&why);
		rc = 0;
		assert_int_equal(schema_convert_row(s, plan, raw, len, &alone,
		    NULL, &why, &scratch, &rc), fail);
		assert_int_equal(alone.len, out.len);
		assert_memory_equal(alone.p, out.p, out.len);
		ok += fail < 0;
	}
	/* Many rows convert whole, many do not. */
	if (ok < 60000 / 20 || ok > 60000 * 19 / 20)
		fail_msg("%d rows of 60000 converted", ok);
	for (i = 0; i < 16; i++)
		buf_free(&cells[i]);
	buf_free(&out);
	buf_free(&ref);
	buf_free(&alone);
	buf_free(&why);
	buf_free(&rwhy);
	buf_free(&scratch);
	schema_free(s);
}

static int
setup(void **state)
{
	diag_init("test_schema");
	return unit_tmpdir_setup(state);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_load),
		cmocka_unit_test(test_lookup),
		cmocka_unit_test(test_convert),
		cmocka_unit_test(test_patterns),
		cmocka_unit_test(test_checks),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_key_year),
		cmocka_unit_test(test_convert_row),
	};

	return cmocka_run_group_tests(tests, setup, unit_tmpdir_teardown);
}
