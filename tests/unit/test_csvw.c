/* Unit tests for csvw: RFC 4180 cells and formula-injection
 * neutralising.  Run from the top of the tree (make check does): the
 * payloads are tests/cli/luong-render/data/owasp-injection.tsv, OWASP's
 * list (https://owasp.org/www-community/attacks/CSV_Injection) and the
 * cases it misses. */
#include <stdlib.h>
#include <string.h>

#include "csvw.h"
#include "rec.h"
#include "unit.h"

#define PAYLOADS "tests/cli/luong-render/data/owasp-injection.tsv"

static void
csv(const char *in, int text, const char *want)
{
	struct buf b = { 0 };

	buf_adds(&b, "");
	csvw_cell(&b, in, strlen(in), ',', text);
	unit_buf_is(&b, want);
	buf_free(&b);
}

static void
tsv(const char *in, int text, const char *want)
{
	struct buf b = { 0 };

	buf_adds(&b, "");
	csvw_tsv_cell(&b, in, strlen(in), text);
	unit_buf_is(&b, want);
	buf_free(&b);
}

static void
test_quoting(void **state)
{
	(void)state;
	csv("Tân An", 1, "Tân An");
	csv("Huyện, thị xã", 1, "\"Huyện, thị xã\"");
	csv("say \"hi\"", 1, "\"say \"\"hi\"\"\"");
	csv("two\nlines", 1, "\"two\nlines\"");
	csv("cr\rhere", 1, "\"cr\rhere\"");
	csv(" padded ", 1, "\" padded \"");
	csv("", 1, "");
	csv("27,92", 0, "\"27,92\"");
}

static void
test_injection(void **state)
{
	(void)state;
	csv("=1+2", 1, "'=1+2");
	csv("+84 912", 1, "'+84 912");
	csv("-2+3", 1, "'-2+3");
	csv("@SUM(A1)", 1, "'@SUM(A1)");
	csv("\tx", 1, "'\tx");
	csv("=HYPERLINK(\"http://x\",\"y\")", 1,
	    "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
	csv("=a,b", 1, "\"'=a,b\"");
	csv("a=b", 1, "a=b");		/* only a leading one */
	/* Numbers are left alone, sign and all. */
	csv("-0,52", 0, "\"-0,52\"");
	csv("-7.14", 0, "-7.14");
	csv("+7.92", 0, "+7.92");
	assert_int_equal(csvw_risky("=", 1), 1);
	assert_int_equal(csvw_risky("\r", 1), 1);
	assert_int_equal(csvw_risky("x", 1), 0);
	assert_int_equal(csvw_risky("", 0), 0);
	/* Blanks before the formula, full-width and small forms. */
	csv(" =1+1", 1, "\"' =1+1\"");
	csv("\t =1", 1, "'\t =1");
	csv("\xc2\xa0=1", 1, "'\xc2\xa0=1");
	csv("\xef\xbc\x9d" "1+1", 1, "'\xef\xbc\x9d" "1+1");	/* ＝ */
	csv("\xe3\x80\x80\xef\xbc\xa0x", 1, "'\xe3\x80\x80\xef\xbc\xa0x");
	csv("\xef\xb9\xa6" "1", 1, "'\xef\xb9\xa6" "1");		/* ﹦ */
	assert_int_equal(csvw_risky("\n", 1), 1);
	assert_int_equal(csvw_risky("   ", 3), 0);
	assert_int_equal(csvw_risky(" x=1", 4), 0);
	assert_int_equal(csvw_risky("\xef\xbc\x91", 3), 0);	/* １ */
	/* A ';' is quoted like a ','; a risky text after it gets its "'"
	 * too, since a reader that splits on ';' starts a cell there. */
	csv("a;b", 1, "\"a;b\"");
	csv("a;=b", 1, "\"a;'=b\"");
	csv("a; -b;c", 1, "\"a;' -b;c\"");
	csv("=1+2\";=1+2", 1, "\"'=1+2\"\";'=1+2\"");
	csv("=1+2'\" ;,=1+2", 1, "\"'=1+2'\"\" ;,=1+2\"");	/* OWASP's */
	csv("1;-2", 0, "\"1;-2\"");		/* a number: never changed */
	tsv("a;=b", 1, "a;'=b");
	tsv("a;\t=b", 1, "a;'\\t=b");
	tsv("a;=b", 0, "a;=b");
}

/* The test's own idea of a dangerous cell, apart from csvw's: it begins
 * with TAB, CR or LF, or, after any of the blanks listed, with a
 * formula character — unless with the "'" that neutralises it. */
static int
dangerous(const char *s, size_t n)
{
	static const char *const blank[] = { " ", "\t", "\r", "\n", "\v",
	    "\f", "\xc2\xa0", "\xe3\x80\x80", "\xe2\x80\x83",
	    "\xe2\x80\x8b", "\xef\xbb\xbf", NULL };
	static const char *const formula[] = { "=", "+", "-", "@",
	    "\xef\xbc\x9d", "\xef\xbc\x8b", "\xef\xbc\x8d",
	    "\xef\xbc\xa0", "\xef\xb9\xa6", "\xef\xb9\xa2",
	    "\xef\xb9\xa3", "\xef\xb9\xab", NULL };
	size_t i = 0, k, len;
	int more = 1;

	if (n > 0 && (s[0] == '\t' || s[0] == '\r' || s[0] == '\n'))
		return 1;
	while (more) {
		more = 0;
		for (k = 0; blank[k] != NULL; k++) {
			len = strlen(blank[k]);
			if (i + len <= n && memcmp(s + i, blank[k], len) == 0) {
				i += len;
				more = 1;
			}
		}
	}
	for (k = 0; formula[k] != NULL; k++) {
		len = strlen(formula[k]);
		if (i + len <= n && memcmp(s + i, formula[k], len) == 0)
			return 1;
	}
	return 0;
}

/* cells splits line as a spreadsheet reader does that splits on sep and
 * honours a quote only at the start of a cell (Excel; Python's csv):
 * a quoted cell runs to its closing quote ("" a quote), and what follows
 * up to sep is added as it is.  fn(cell, n, what) is called on each. */
static void
cells(const char *line, size_t n, char sep, const char *what,
    void (*fn)(const char *, size_t, const char *))
{
	struct buf c = { 0 };
	size_t i = 0;

	for (;;) {
		buf_reset(&c);
		buf_add(&c, "", 0);
		if (i < n && line[i] == '"') {
			for (i++; i < n; i++) {
				if (line[i] == '"' && i + 1 < n &&
				    line[i + 1] == '"')
					buf_addc(&c, line[i++]);
				else if (line[i] == '"') {
					i++;
					break;
				} else
					buf_addc(&c, line[i]);
			}
		}
		while (i < n && line[i] != sep)
			buf_addc(&c, line[i++]);
		fn(c.p, c.len, what);
		if (i >= n)
			break;
		i++;
	}
	buf_free(&c);
}

static void
not_dangerous(const char *cell, size_t n, const char *what)
{
	if (dangerous(cell, n))
		fail_msg("%s: a cell \"%.*s\" a spreadsheet evaluates", what,
		    (int)n, cell);
}

/* Every payload, in a CSV and a TSV line between other fields and first
 * on it, read by a reader that splits on the format's separator and by
 * one that splits on ';': no cell it sees is a formula. */
static void
test_owasp(void **state)
{
	char *paths[1] = { (char *)PAYLOADS };
	struct rec_reader *r;
	struct buf line = { 0 };
	size_t n = 0, first;

	(void)state;
	r = rec_reader_open(1, paths);
	while (rec_next(r)) {
		const char *p = r->f[0];
		size_t len = r->len[0];

		n++;
		assert_int_equal(csvw_risky(p, len), dangerous(p, len));
		for (first = 0; first < 2; first++) {
			buf_reset(&line);
			if (!first)
				buf_adds(&line, "x,");
			csvw_cell(&line, p, len, ',', 1);
			buf_adds(&line, ",y");
			cells(line.p, line.len, ',', p, not_dangerous);
			cells(line.p, line.len, ';', p, not_dangerous);
			buf_reset(&line);
			if (!first)
				buf_adds(&line, "x\t");
			csvw_tsv_cell(&line, p, len, 1);
			buf_adds(&line, "\ty");
			cells(line.p, line.len, '\t', p, not_dangerous);
			cells(line.p, line.len, ';', p, not_dangerous);
		}
	}
	assert_true(n >= 30);
	rec_reader_free(r);
	buf_free(&line);
}

static void
test_tsv(void **state)
{
	(void)state;
	tsv("a\tb", 1, "a\\tb");
	tsv("back\\slash", 1, "back\\\\slash");
	tsv("=cmd", 1, "'=cmd");
	tsv("-3,5", 0, "-3,5");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_quoting),
		cmocka_unit_test(test_injection),
		cmocka_unit_test(test_tsv),
		cmocka_unit_test(test_owasp),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
