/* Unit tests for scan: the SSE2, word and byte-at-a-time forms of each
 * search give the same answers, on random and adversarial inputs: every
 * byte that matters at every offset of buffers of every length up to
 * several steps of each form, so that it falls at every place of a
 * 16-byte block and of an 8-byte word, in the overlapping last step and
 * in the short inputs a form hands down, at each level of scan_simd the
 * processor has (AVX2, SSE2, the word form); and scan_csvline against
 * memchr then scan_csv_ref, with every line end.  Each input is copied into a
 * buffer of exactly its length, so that under ASan (make san) a form that
 * reads one byte too far fails. */
#include <stdlib.h>
#include <string.h>

#include "scan.h"
#include "unit.h"

#define MAXN	200
#define MAXPOS	(MAXN + 1)

/* The bytes that matter to some search, and a few that do not. */
static const unsigned char special[] = { '\0', '\t', '\n', '\r', '\\', '"',
    ',', ';', 0x80, 0xc3, 0xff, 0x7f, 'a', ' ', 0x09 + 0x80, 0x5c + 0x80 };
#define NSPECIAL	(sizeof special / sizeof special[0])

/* csvline_same compares scan_csvline with its reference on s[0..n),
 * copied into a buffer of its own size. */
static void
csvline_same(const char *s, size_t n, char delim, size_t max)
{
	char *b = malloc(n ? n : 1);
	size_t pr[MAXPOS + 4], pf[MAXPOS + 4], kr, kf, lr, lf;
	unsigned fr = 0, ff = 0;
	int utf8;

	assert_non_null(b);
	memcpy(b, s, n);
	for (utf8 = 0; utf8 <= 1; utf8++) {
		kr = scan_csvline_ref(b, n, delim, utf8, pr, max, &fr, &lr);
		kf = scan_csvline(b, n, delim, utf8, pf, max, &ff, &lf);
		if (lr != lf || (lr > 0 && (kr != kf || fr != ff ||
		    memcmp(pr, pf, (kr < max ? kr : max) * sizeof *pr) != 0)))
			fail_msg("scan_csvline: length %zu, delim 0x%02x, "
			    "level %d, utf8 %d: ref %zu/%zu/0x%x, fast "
			    "%zu/%zu/0x%x", n, (unsigned char)delim,
			    scan_simd(-1), utf8, lr, kr, fr, lf, kf, ff);
		if (!utf8 && (ff & SCAN_UTF8X))
			fail_msg("scan_csvline: SCAN_UTF8X unasked");
	}
	free(b);
}

/* check_lines runs scan_csvline on s[0..n) as a line ended by LF, by
 * CRLF, followed by another line, and without a line end. */
static void
check_lines(const unsigned char *s, size_t n, char delim, size_t max)
{
	char b[MAXN + 8];

	memcpy(b, s, n);
	csvline_same(b, n, delim, max);
	memcpy(b + n, "\n", 1);
	csvline_same(b, n + 1, delim, max);
	memcpy(b + n, "\r\na,\xc3", 4);
	csvline_same(b, n + 4, delim, max);
	csvline_same(b, n + 2, delim, max);
}

/* check runs every form of every search over s[0..n), copied into a
 * buffer of its own size, and compares them: scan_* at every level this
 * processor has (scan_simd). */
static void check_level(const unsigned char *s, size_t n);

static void
check(const unsigned char *s, size_t n)
{
	int lv;

	for (lv = 2; lv >= 0; lv--)
		if (scan_simd(lv) == lv)
			check_level(s, n);
	scan_simd(2);
}

static void
check_level(const unsigned char *s, size_t n)
{
	static const char delims[] = { ',', ';', '\t', '|' };
	char *b = malloc(n ? n : 1);
	size_t pr[MAXPOS], pw[MAXPOS], pf[MAXPOS], kr, kw, kf, d, max;
	unsigned fr, fw, ff;

	assert_non_null(b);
	memcpy(b, s, n);
	kr = scan_esc_ref(b, n);
	if (scan_esc_word(b, n) != kr || scan_esc(b, n) != kr)
		fail_msg("scan_esc: length %zu: ref %zu, word %zu, fast %zu", n,
		    kr, scan_esc_word(b, n), scan_esc(b, n));
	kr = scan_ascii_ref(b, n);
	assert_int_equal(scan_ascii_word(b, n), kr);
	assert_int_equal(scan_ascii(b, n), kr);
	kr = (size_t)scan_utf8_ref(b, n);
	if ((size_t)scan_utf8_word(b, n) != kr || (size_t)scan_utf8(b, n) != kr)
		fail_msg("scan_utf8: length %zu: ref %zu, word %d, fast %d", n,
		    kr, scan_utf8_word(b, n), scan_utf8(b, n));
	for (d = 0; d <= 64 && d <= n; d += d < 20 || d + 20 > n ? 1 : 9) {
		uint64_t m = scan_high_ref(b, d);

		assert_true(scan_high_word(b, d) == m);
		assert_true(scan_high(b, d) == m);
	}
	/* Room for none of the positions, for two, and for all. */
	for (max = 0; max <= MAXPOS; max += max == 0 ? 2 : MAXPOS - 2) {
		kr = scan_tabs_ref(b, n, pr, max, &fr);
		kw = scan_tabs_word(b, n, pw, max, &fw);
		kf = scan_tabs(b, n, pf, max, &ff);
		assert_int_equal(kw, kr);
		assert_int_equal(kf, kr);
		assert_int_equal(fw, fr);
		assert_int_equal(ff, fr);
		assert_memory_equal(pw, pr, (kr < max ? kr : max) * sizeof *pr);
		assert_memory_equal(pf, pr, (kr < max ? kr : max) * sizeof *pr);
		for (d = 0; d < sizeof delims; d++) {
			check_lines(s, n, delims[d], max);
			kr = scan_csv_ref(b, n, delims[d], pr, max, &fr);
			kw = scan_csv_word(b, n, delims[d], pw, max, &fw);
			kf = scan_csv(b, n, delims[d], pf, max, &ff);
			assert_int_equal(kw, kr);
			assert_int_equal(kf, kr);
			assert_int_equal(fw, fr);
			assert_int_equal(ff, fr);
			assert_memory_equal(pw, pr, (kr < max ? kr : max) *
			    sizeof *pr);
			assert_memory_equal(pf, pr, (kr < max ? kr : max) *
			    sizeof *pr);
		}
	}
	free(b);
}

/* The reference itself, on an input whose answers are known. */
static void
test_reference(void **state)
{
	const char s[] = "a\tb\"c\\d,e\r\xc3\xa0\t";
	size_t pos[8];
	unsigned fl;

	(void)state;
	assert_int_equal(scan_esc_ref(LIT("abc")), 3);
	assert_int_equal(scan_esc_ref(LIT("ab\\c")), 2);
	assert_int_equal(scan_ascii_ref(LIT("ab\xc3\xa0")), 2);
	assert_true(scan_high_ref(LIT("ab\xc3\xa0")) == 0xc);
	assert_int_equal(scan_tabs_ref(s, sizeof s - 1, pos, 8, &fl), 2);
	assert_int_equal(pos[0], 1);
	assert_int_equal(pos[1], 12);
	assert_int_equal(fl, SCAN_CR | SCAN_BACKSLASH);
	assert_int_equal(scan_csv_ref(s, sizeof s - 1, ',', pos, 8, &fl), 2);
	assert_int_equal(pos[0], 3);
	assert_int_equal(pos[1], 7);
	assert_int_equal(fl, SCAN_TAB | SCAN_BACKSLASH | SCAN_CR | SCAN_HIGH);
	/* A count beyond max: only max stored. */
	assert_int_equal(scan_tabs_ref(LIT("\t\t\t"), pos, 1, &fl), 3);
	assert_int_equal(pos[0], 0);
}

/* One byte that matters at every offset of every length, the rest
 * plain; and two of them, at every pair of offsets of a few lengths. */
static void
test_every_offset(void **state)
{
	unsigned char s[MAXN];
	size_t n, i, j, c, c2;

	(void)state;
	/* Every length to 80 (every place in a block and a word, and in
	 * the overlapping last step), then every 13th to 200. */
	for (n = 0; n <= MAXN; n += n < 80 ? 1 : 13) {
		memset(s, 'x', sizeof s);
		check(s, n);
		for (i = 0; i < n; i++)
			for (c = 0; c < NSPECIAL; c++) {
				s[i] = special[c];
				check(s, n);
				s[i] = 'x';
			}
	}
	for (n = 15; n <= 49; n += n == 17 ? 14 : 1)
		for (i = 0; i < n; i++)
			for (j = i + 1; j < n; j++) {
				c = (i + j) % NSPECIAL;
				c2 = (i * 7 + j) % NSPECIAL;
				memset(s, 'y', sizeof s);
				s[i] = special[c];
				s[j] = special[c2];
				check(s, n);
			}
}

/* Random buffers, mostly of the bytes that matter, and all of them. */
static void
test_random(void **state)
{
	unsigned char s[MAXN];
	size_t n, i, round;

	(void)state;
	for (round = 0; round < 5000; round++) {
		n = unit_rnd(MAXN + 1);
		for (i = 0; i < n; i++)
			s[i] = round % 3 == 0 ? (unsigned char)unit_rnd(256) :
			    unit_rnd(4) == 0 ? special[unit_rnd(NSPECIAL)] :
			    'a' + unit_rnd(3);
		check(s, n);
	}
}

/* utf8_same compares scan_utf8's forms on s[0..n), in a buffer of its
 * size; returns the reference's answer. */
static int
utf8_same(const char *s, size_t n)
{
	char *b = malloc(n ? n : 1);
	int r, lv;

	assert_non_null(b);
	memcpy(b, s, n);
	r = scan_utf8_ref(b, n);
	for (lv = 2; lv >= 0; lv--) {
		if (scan_simd(lv) != lv)
			continue;
		if (scan_utf8_word(b, n) != r || scan_utf8(b, n) != r)
			fail_msg("scan_utf8: length %zu, level %d: ref %d, "
			    "word %d, fast %d", n, lv, r, scan_utf8_word(b, n),
			    scan_utf8(b, n));
		/* The same text as a CSV line: SCAN_UTF8X. */
		check_lines((const unsigned char *)b, n < MAXN ? n : MAXN,
		    ',', MAXPOS);
	}
	scan_simd(2);
	free(b);
	return r;
}

/* scan_utf8's forms on UTF-8 text of Vietnamese and other characters:
 * whole, cut short at every length, and with a byte replaced at every
 * offset, so that characters straddle every block and word boundary and
 * the 64-byte windows. */
static void
test_utf8(void **state)
{
	static const char *piece[] = { "a", "Z", " ", ",", "\xc3\xa0",
	    "\xc4\x91", "\xc6\xb0", "\xe1\xba\xa1", "\xe1\xbb\x87",
	    "\xe2\x82\xac", "\xef\xbf\xbd", "\xdf\xbf", "\xc2\x80",
	    "\xe0\xa4\x85", "\xed\x9f\xbf", "\xf0\x9f\x98\x80", "\xc0\x80",
	    "\xf4\x8f\xbf\xbf" };
	static const unsigned char repl[] = { 0x41, 0x80, 0xbf, 0xc2, 0xe1,
	    0xf0, 0xff };
	char s[220];
	size_t n, k, i, r, round, ones = 0, tries = 0;

	(void)state;
	for (round = 0; round < 400; round++) {
		n = 0;
		while (n < 200) {
			/* Mostly the characters scan_utf8 takes. */
			const char *p = piece[unit_rnd(round % 4 ? 13 :
			    sizeof piece / sizeof piece[0])];

			memcpy(s + n, p, strlen(p));
			n += strlen(p);
		}
		for (k = 0; k <= n; k++) {
			ones += (size_t)utf8_same(s, k);
			tries++;
		}
		for (i = 0; i < n && round < 40; i++)
			for (r = 0; r < sizeof repl; r++) {
				char was = s[i];

				s[i] = (char)repl[r];
				utf8_same(s, n);
				s[i] = was;
			}
	}
	/* Both answers are well tried. */
	if (ones < tries / 10 || ones > tries * 9 / 10)
		fail_msg("scan_utf8_ref said yes to %zu of %zu", ones, tries);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reference),
		cmocka_unit_test(test_every_offset),
		cmocka_unit_test(test_random),
		cmocka_unit_test(test_utf8),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
