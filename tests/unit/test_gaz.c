/* Unit tests for gaz: the shipped Long An gazetteer, lookups by code and
 * name, report order, kind prefixes, resolution of free text, and the
 * loader's errors (in a child process, since they exit 2). */
#include <string.h>

#include "diag.h"
#include "gaz.h"
#include "unit.h"

/* The tests run from the top of the tree (tests/run-all does). */
#define SHIPPED "config/long-an/districts.yaml"

static void
test_shipped(void **state)
{
	static const struct { const char *name, *code, *kind; } want[] = {
		{ "Tân An", "794", "thành phố" },
		{ "Châu Thành", "808", "huyện" },
		{ "Tân Trụ", "805", "huyện" },
		{ "Thủ Thừa", "804", "huyện" },
		{ "Bến Lức", "803", "huyện" },
		{ "Cần Đước", "806", "huyện" },
		{ "Cần Giuộc", "807", "huyện" },
		{ "Đức Hòa", "802", "huyện" },
		{ "Đức Huệ", "801", "huyện" },
		{ "Thạnh Hóa", "800", "huyện" },
		{ "Tân Thạnh", "799", "huyện" },
		{ "Mộc Hóa", "798", "huyện" },
		{ "Kiến Tường", "795", "thị xã" },
		{ "Vĩnh Hưng", "797", "huyện" },
		{ "Tân Hưng", "796", "huyện" },
	};
	struct gaz *g = gaz_load(SHIPPED);
	size_t i;

	(void)state;
	assert_string_equal(g->province, "Long An");
	assert_string_equal(g->province_code, "80");
	assert_int_equal(g->n, 15);
	for (i = 0; i < 15; i++) {
		assert_string_equal(g->unit[i].name, want[i].name);
		assert_string_equal(g->unit[i].code, want[i].code);
		assert_string_equal(g->unit[i].kind, want[i].kind);
		assert_int_equal(g->unit[i].order, i);
		assert_null(g->unit[i].valid_from);
		assert_string_equal(g->unit[i].valid_to, "2025-07-01");
		assert_int_equal(g->unit[i].nalias, i == 9 ? 1 : 0);
	}
	assert_string_equal(g->unit[9].alias[0], "Thanh Hóa");
	assert_string_equal(g->unit[9].fold, "thanh hoa");
	assert_string_equal(g->unit[0].key, "tân an");
	gaz_free(g);
	gaz_free(NULL);
}

static void
test_lookup(void **state)
{
	struct gaz *g = gaz_load(SHIPPED);

	(void)state;
	assert_string_equal(gaz_by_code(g, "802", 3)->name, "Đức Hòa");
	assert_string_equal(gaz_by_code(g, "0802", 4)->name, "Đức Hòa");
	assert_string_equal(gaz_by_code(g, "8021", 3)->name, "Đức Hòa");
	assert_null(gaz_by_code(g, "8021", 4));
	assert_null(gaz_by_code(g, "80", 2));
	assert_null(gaz_by_code(g, "8o2", 3));
	assert_null(gaz_by_code(g, "", 0));
	assert_null(gaz_by_code(g, " 802", 4));
	assert_string_equal(gaz_by_name(g, "Kiến Tường",
	    strlen("Kiến Tường"))->code, "795");
	/* The name in NFD is the same text; other spellings are for
	 * gaz_resolve. */
	assert_null(gaz_by_name(g, "Đức Hòa", 8));	/* a prefix of it */
	assert_string_equal(gaz_by_name(g, "\xc4\x90\xe1\xbb\xa9" "c Ho\xcc\x80"
	    "a", 12)->code, "802");
	assert_null(gaz_by_name(g, "Đức Hoà", strlen("Đức Hoà")));
	assert_null(gaz_by_name(g, "đức hòa", strlen("đức hòa")));
	assert_null(gaz_by_name(g, "Thanh Hóa", strlen("Thanh Hóa")));
	assert_int_equal(gaz_order(g, "Tân An", strlen("Tân An")), 0);
	assert_int_equal(gaz_order(g, "794", 3), 0);
	assert_int_equal(gaz_order(g, "Tân Hưng", strlen("Tân Hưng")), 14);
	assert_int_equal(gaz_order(g, "796", 3), 14);
	assert_int_equal(gaz_order(g, "Kiến Tường", strlen("Kiến Tường")),
	    12);
	assert_int_equal(gaz_order(g, "Long An", 7), -1);
	assert_int_equal(gaz_order(g, "80", 2), -1);
	gaz_free(g);
}

static void
prefix(const char *key, const char *rest)
{
	size_t n = strlen(key), p = gaz_kind_prefix(key, n);

	if (strcmp(key + p, rest) != 0)
		fail_msg("\"%s\": name \"%s\", want \"%s\"", key, key + p,
		    rest);
}

static void
test_kind_prefix(void **state)
{
	(void)state;
	/* Keys are lower case (text_match_key). */
	prefix("huyện đức hòa", "đức hòa");
	prefix("huyen đức hòa", "đức hòa");
	prefix("huyên đức hòa", "đức hòa");
	prefix("h. đức hòa", "đức hòa");
	prefix("h.đức hòa", "đức hòa");
	prefix("h đức hòa", "đức hòa");
	prefix("thị xã kiến tường", "kiến tường");
	prefix("thi xa kiến tường", "kiến tường");
	prefix("tx. kiến tường", "kiến tường");
	prefix("tx.kiến tường", "kiến tường");
	prefix("tx kiến tường", "kiến tường");
	prefix("thành phố tân an", "tân an");
	prefix("thanh pho tan an", "tan an");
	prefix("tp. tân an", "tân an");
	prefix("tp.tân an", "tân an");
	prefix("tp tan an", "tan an");
	/* A prefix alone leaves nothing. */
	prefix("huyện", "");
	prefix("h.", "");
	prefix("thị xã", "");
	prefix("tp", "");
	/* Not prefixes. */
	prefix("thạnh hóa", "thạnh hóa");
	prefix("thanh hóa", "thanh hóa");
	prefix("thị trấn tầm vu", "thị trấn tầm vu");
	prefix("hòa khánh", "hòa khánh");
	prefix("huyện-đức hòa", "huyện-đức hòa");
	prefix("tpx", "tpx");
	prefix("thi", "thi");
	prefix("thị.xã x", "thị.xã x");
	prefix("", "");
	/* One prefix only. */
	prefix("huyện h. x", "h. x");
}

static void
key(const char *s, const char *want_key, const char *want_fold)
{
	struct buf k = { 0 }, f = { 0 };

	gaz_key(&k, &f, s, strlen(s));
	unit_buf_is(&k, want_key);
	unit_buf_is(&f, want_fold);
	buf_free(&k);
	buf_free(&f);
}

static void
test_key(void **state)
{
	(void)state;
	key("TP. Tân An", "tân an", "tan an");
	key("  H.\xc2\xa0" "ĐỨC  HOÀ ", "đức hòa", "duc hoa");
	key("Thị xã Kiến Tường", "kiến tường", "kien tuong");
	key("Thạnh Hoá", "thạnh hóa", "thanh hoa");
	key("Huyện", "", "");
	key("", "", "");
}

static void
resolves(const struct gaz *g, const char *s, int flags, const char *code,
    enum gaz_match m)
{
	struct gaz_result r;

	gaz_resolve(g, s, strlen(s), flags, &r, NULL);
	if (r.unit == NULL)
		fail_msg("\"%s\": unresolved: %s", s, r.reason);
	if (strcmp(r.unit->code, code) != 0 || r.match != m)
		fail_msg("\"%s\": %s %s, want %s %s", s, r.unit->code,
		    gaz_match_name(r.match), code, gaz_match_name(m));
	assert_int_equal(r.ncand, 0);
}

static void
rejects(const struct gaz *g, const char *s, size_t n, int flags,
    const char *reason, const char *cands)
{
	struct gaz_result r;
	struct buf b = { 0 };

	gaz_resolve(g, s, n, flags, &r, NULL);
	if (r.unit != NULL)
		fail_msg("\"%s\" resolves to %s", s, r.unit->name);
	assert_int_equal(r.match, GAZ_NONE);
	assert_string_equal(r.reason, reason);
	gaz_candidates(&b, &r);
	unit_buf_is(&b, cands);
	buf_free(&b);
}

static void
test_resolve(void **state)
{
	struct gaz *g = gaz_load(SHIPPED);

	(void)state;
	resolves(g, "Đức Hòa", 0, "802", GAZ_EXACT);
	resolves(g, "H. Đức Hoà", 0, "802", GAZ_EXACT);
	resolves(g, "ĐỨC HÒA", 0, "802", GAZ_EXACT);
	resolves(g, "Thủ\xc2\xa0Thừa", 0, "804", GAZ_EXACT);
	resolves(g, "Thanh Hóa", 0, "800", GAZ_ALIAS);
	resolves(g, "TP Thanh Hoá", 0, "800", GAZ_ALIAS);
	resolves(g, "802", 0, "802", GAZ_CODE);
	resolves(g, "Duc Hoa", 0, "802", GAZ_ASCII);
	resolves(g, "Tp Tan An", 0, "794", GAZ_ASCII);
	resolves(g, "Thanh Hoa", 0, "800", GAZ_ASCII);
	resolves(g, "Đức Hoa", 0, "802", GAZ_FOLDED);
	resolves(g, "Duc Hao", GAZ_FUZZY_OK, "802", GAZ_FUZZY);
	resolves(g, "Ben Luc", GAZ_FUZZY_OK, "803", GAZ_ASCII);
	resolves(g, "Bn Luc", GAZ_FUZZY_OK, "803", GAZ_FUZZY);
	resolves(g, "Bến Lứcc", GAZ_FUZZY_OK, "803", GAZ_FUZZY);
	rejects(g, "Duc Hao", 7, 0, "no unit matches",
	    "Đức Hòa (802), Đức Huệ (801)");
	rejects(g, "Long An", 7, 0, "the province, not one of its units", "");
	rejects(g, "long an", 7, GAZ_FUZZY_OK,
	    "the province, not one of its units", "");
	rejects(g, "Châu Thành A", strlen("Châu Thành A"), GAZ_FUZZY_OK,
	    "no unit matches", "Châu Thành (808)");
	rejects(g, "Huyện", strlen("Huyện"), 0, "only a kind prefix, no name",
	    "");
	rejects(g, "", 0, 0, "empty value", "");
	rejects(g, " \xc2\xa0 ", 4, 0, "empty value", "");
	rejects(g, "809", 3, 0, "unknown code",
	    "Châu Thành (808), Cần Giuộc (807), Cần Đước (806)");
	rejects(g, "80", 2, 0, "the province's code, not a unit's", "");
	rejects(g, "M\xf4" "c", 3, 0, "not valid UTF-8", "");
	gaz_free(g);
}

static void
test_ambiguous(void **state)
{
	struct gaz *g;

	(void)state;
	g = gaz_load(unit_puts("twins.yaml",
	    "province: { name: X, code: 1 }\n"
	    "units:\n"
	    "  - { name: Thanh Hóa, code: 11, kind: huyện }\n"
	    "  - { name: Thạnh Hóa, code: 12, kind: huyện }\n"
	    "  - { name: Ab Cd, code: 13, kind: huyện }\n"
	    "  - { name: Ab Ce, code: 14, kind: huyện }\n"));
	resolves(g, "thanh hóa", 0, "11", GAZ_EXACT);
	resolves(g, "THẠNH HOÁ", 0, "12", GAZ_EXACT);
	resolves(g, "12", 0, "12", GAZ_CODE);
	rejects(g, "Thanh Hoa", 9, GAZ_FUZZY_OK, "ambiguous: the name "
	    "without diacritics fits several units",
	    "Thanh Hóa (11), Thạnh Hóa (12)");
	rejects(g, "Thành Hóa", strlen("Thành Hóa"), 0, "ambiguous: the "
	    "name without diacritics fits several units",
	    "Thanh Hóa (11), Thạnh Hóa (12)");
	rejects(g, "Ab Cx", 5, GAZ_FUZZY_OK,
	    "ambiguous: one edit from several units",
	    "Ab Cd (13), Ab Ce (14)");
	resolves(g, "Ab Cdx", GAZ_FUZZY_OK, "13", GAZ_FUZZY);
	gaz_free(g);
}

static void
test_trace(void **state)
{
	struct gaz *g = gaz_load(SHIPPED);
	struct gaz_result r;
	struct buf t = { 0 };

	(void)state;
	gaz_resolve(g, "TX Kien Tuong", 13, 0, &r, &t);
	unit_buf_is(&t,
	    "input      \"TX Kien Tuong\"\n"
	    "key        \"tx kien tuong\"\n"
	    "prefix     \"tx\" removed\n"
	    "name       \"kien tuong\"\n"
	    "folded     \"kien tuong\" (the name has no diacritics)\n"
	    "1 exact    no unit is named \"kien tuong\"\n"
	    "2 alias    no unit has the alias \"kien tuong\"\n"
	    "3 code     not a code\n"
	    "4 ascii    Kiến Tường (795)\n"
	    "5 folded   not reached\n"
	    "6 fuzzy    not reached\n");
	assert_int_equal(r.match, GAZ_ASCII);
	assert_string_equal(gaz_match_name(GAZ_ASCII), "ascii");
	assert_string_equal(gaz_match_name(GAZ_NONE), "none");
	assert_string_equal(gaz_match_name(GAZ_FUZZY), "fuzzy");
	buf_free(&t);
	gaz_free(g);
}

static void
load_path(const void *path)
{
	gaz_free(gaz_load(path));
}

/* load_fails loads text in a child, which must exit 2 with a message
 * that contains want. */
static void
load_fails(const char *text, const char *want)
{
	unit_child_fails(load_path, unit_puts("bad.yaml", text), 2, want);
}

static void
test_errors(void **state)
{
	(void)state;
	load_fails("province: { name: X, code: 1 }\nunits:\n"
	    "  - { name: A, code: 11, kind: huyện }\n"
	    "  - { name: B, code: 011, kind: huyện }\n",
	    "bad.yaml:4:22: duplicate code 011: \"A\" on line 3 has it");
	load_fails("province: { name: X, code: 1 }\nunits:\n"
	    "  - { name: Hòa An, code: 11, kind: huyện }\n"
	    "  - { name: H. HOÀ  AN, code: 12, kind: huyện }\n",
	    "bad.yaml:4:13: \"H. HOÀ  AN\" cannot be told apart from "
	    "\"Hòa An\" on line 3");
	load_fails("province: { name: X, code: 1 }\nunits:\n"
	    "  - { name: A, code: 11, kind: huyện, aliases: [Z] }\n"
	    "  - { name: B, code: 12, kind: huyện, aliases: [z] }\n",
	    "bad.yaml:4:49: alias \"z\" of \"B\" is also an alias of \"A\"");
	load_fails("province: { name: X, code: 1 }\nunits:\n"
	    "  - { name: A, code: 11, kind: huyện, aliases: [b] }\n"
	    "  - { name: B, code: 12, kind: huyện }\n",
	    "bad.yaml:3:49: alias \"b\" of \"A\" is the name of \"B\"");
	load_fails("province: { name: X, code: 1 }\nunits: [\n",
	    "bad.yaml:3:1: YAML error");
	load_fails("province: { name: X, code: 1 }\nunits:\n"
	    "  - { name: A, code: 11, kind: huyện, typo: 1 }\n",
	    "bad.yaml:3:39: unknown key \"typo\"");
	load_fails("province: { name: X, code: 1 }\nunits:\n"
	    "  - { name: A, kind: huyện }\n",
	    "bad.yaml:3:5: missing key \"code\"");
	load_fails("province: { name: X, code: 1 }\nunits:\n"
	    "  - { name: A, code: 11 }\n",
	    "bad.yaml:3:5: missing key \"kind\"");
	load_fails("province: { name: X }\nunits:\n"
	    "  - { name: A, code: 11, kind: huyện }\n",
	    "bad.yaml:1:11: missing key \"code\"");
	load_fails("province: { name: X, code: 1 }\nunits:\n"
	    "  - { name: '', code: 11, kind: huyện }\n",
	    "bad.yaml:3:13: \"name\" is empty");
	load_fails("province: { name: X, code: 1 }\nunits:\n"
	    "  - { name: A, code: 11, kind: xã }\n",
	    "bad.yaml:3:32: kind \"xã\" is not");
	load_fails("province: { name: X, code: 1 }\nunits:\n"
	    "  - { name: A, code: 11, kind: huyện, valid_to: 2025-13-01 }\n",
	    "bad.yaml:3:49: \"2025-13-01\" is not a date");
	load_fails("province: { name: X, code: 1 }\nunits:\n"
	    "  - { name: A, code: 11, kind: huyện, valid_to: 2025-7-1 }\n",
	    "bad.yaml:3:49: \"2025-7-1\" is not a date (YYYY-MM-DD)");
	load_fails("province: { name: X, code: 1 }\nunits: {}\n",
	    "bad.yaml:2:8: units: expected a list, found a mapping");
	load_fails("province: { name: X, code: 1 }\nunits:\n  - A\n",
	    "bad.yaml:3:5: unit: expected a mapping, found a scalar");
	load_fails("", "bad.yaml: empty gazetteer");
	load_fails("province: { name: X, code: 1 }\n",
	    "bad.yaml:1:1: missing key \"units\"");
}

static void
test_dates(void **state)
{
	struct gaz *g;

	(void)state;
	g = gaz_load(unit_puts("dates.yaml",
	    "province: { name: X, code: 1 }\n"
	    "units:\n"
	    "  - name: A\n"
	    "    code: 11\n"
	    "    kind: Huyện\n"		/* any case */
	    "    valid_from: 2024-02-29\n"	/* a leap day */
	    "    valid_to: 2025-07-01\n"
	    "  - { name: B, code: 12, kind: THỊ XÃ, aliases: ~ }\n"));
	assert_string_equal(g->unit[0].valid_from, "2024-02-29");
	assert_string_equal(g->unit[0].valid_to, "2025-07-01");
	assert_string_equal(g->unit[0].kind, "huyện");
	assert_string_equal(g->unit[1].kind, "thị xã");
	assert_null(g->unit[1].valid_to);
	assert_int_equal(g->unit[1].nalias, 0);
	gaz_free(g);
}

static int
setup(void **state)
{
	diag_init("test_gaz");
	return unit_tmpdir_setup(state);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shipped),
		cmocka_unit_test(test_lookup),
		cmocka_unit_test(test_kind_prefix),
		cmocka_unit_test(test_key),
		cmocka_unit_test(test_resolve),
		cmocka_unit_test(test_ambiguous),
		cmocka_unit_test(test_trace),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_dates),
	};

	return cmocka_run_group_tests(tests, setup, unit_tmpdir_teardown);
}
