/* Unit tests for text: UTF-8 checking, NFC, case folding, white space,
 * tone mark placement, ASCII folding, match and fold keys, display width,
 * edit distance, quoting for messages; the fast UTF-8 check against
 * utf8proc's.
 *
 * Decomposed (NFD) text is written with escapes: U+0300 grave "\xcc\x80",
 * U+0301 acute "\xcc\x81", U+0302 circumflex "\xcc\x82", U+0303 tilde
 * "\xcc\x83", U+0309 hook "\xcc\x89", U+031B horn "\xcc\x9b", U+0323 dot
 * below "\xcc\xa3"; U+00A0 no-break space "\xc2\xa0". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "unit.h"

typedef void (*textfn)(struct buf *, const char *, size_t);

/* expect runs fn over in and compares with want, then checks that fn
 * appends (keeps what the buffer held). */
static void
expect(textfn fn, const char *in, const char *want)
{
	struct buf b = { 0 };
	const char *got;

	fn(&b, in, strlen(in));
	got = b.p != NULL ? b.p : "";
	if (strcmp(got, want) != 0 || b.len != strlen(want))
		fail_msg("\"%s\" -> \"%s\", want \"%s\"", in, got, want);
	buf_reset(&b);
	buf_adds(&b, "<");
	fn(&b, in, strlen(in));
	assert_int_equal(b.len, 1 + strlen(want));
	assert_memory_equal(b.p, "<", 1);
	buf_free(&b);
}

static void
tone_old(struct buf *b, const char *s, size_t n)
{
	text_tone_place(b, s, n, TEXT_TONE_OLD);
}

static void
tone_new(struct buf *b, const char *s, size_t n)
{
	text_tone_place(b, s, n, TEXT_TONE_NEW);
}

/* same/differ: two spellings share (or do not share) a match key. */
static void
same(const char *a, const char *b)
{
	struct buf ka = { 0 }, kb = { 0 };

	text_match_key(&ka, a, strlen(a));
	text_match_key(&kb, b, strlen(b));
	buf_addc(&ka, 0), buf_addc(&kb, 0);
	if (strcmp(ka.p, kb.p) != 0)
		fail_msg("\"%s\" (%s) and \"%s\" (%s) differ", a, ka.p, b,
		    kb.p);
	buf_free(&ka);
	buf_free(&kb);
}

static void
differ(const char *a, const char *b)
{
	struct buf ka = { 0 }, kb = { 0 };

	text_match_key(&ka, a, strlen(a));
	text_match_key(&kb, b, strlen(b));
	buf_addc(&ka, 0), buf_addc(&kb, 0);
	if (strcmp(ka.p, kb.p) == 0)
		fail_msg("\"%s\" and \"%s\" share the key %s", a, b, ka.p);
	buf_free(&ka);
	buf_free(&kb);
}

static void
test_utf8_check(void **state)
{
	size_t bad = 99;

	(void)state;
	assert_int_equal(text_utf8_check("", 0, &bad), 0);
	assert_int_equal(text_utf8_check("Đức Hòa", strlen("Đức Hòa"), &bad),
	    0);
	assert_int_equal(text_utf8_check("ab\xff" "cd", 5, &bad), -1);
	assert_int_equal(bad, 2);
	/* A truncated sequence at the end, an overlong form, a surrogate. */
	assert_int_equal(text_utf8_check("abc\xc3", 4, &bad), -1);
	assert_int_equal(bad, 3);
	assert_int_equal(text_utf8_check("\xc0\xaf", 2, &bad), -1);
	assert_int_equal(bad, 0);
	assert_int_equal(text_utf8_check("x\xed\xa0\x80", 4, &bad), -1);
	assert_int_equal(bad, 1);
	/* Windows-1258 bytes are not UTF-8. */
	assert_int_equal(text_utf8_check("M\xf4" "c", 3, &bad), -1);
	assert_int_equal(bad, 1);
	assert_int_equal(text_is_ascii("Duc Hoa", 7), 1);
	assert_int_equal(text_is_ascii("Đuc", strlen("Đuc")), 0);
}

/* utf8_same checks that the fast check and utf8proc's agree on s[0..n),
 * the offset of a bad sequence included. */
static void
utf8_same(const unsigned char *s, size_t n)
{
	size_t bf = (size_t)-1, br = (size_t)-1;
	int rf = text_utf8_check((const char *)s, n, &bf);
	int rr = text_utf8_check_ref((const char *)s, n, &br);

	if (rf != rr || (rr < 0 && bf != br)) {
		size_t i;
		char hex[256] = "";

		for (i = 0; i < n && i < 60; i++)
			snprintf(hex + 3 * i, 4, "%02x ", s[i]);
		fail_msg("%s: fast %d at %zu, utf8proc %d at %zu", hex, rf, bf,
		    rr, br);
	}
}

/* The fast UTF-8 check against utf8proc's: every lead byte with every
 * second byte, followed by continuation bytes, ASCII, too few bytes;
 * every third byte of each three- and four-byte lead; and Vietnamese
 * text with a byte replaced at every offset, after ASCII runs long
 * enough to go by the sixteen-byte steps. */
static void
test_utf8_diff(void **state)
{
	static const unsigned char tails[][3] = { { 0x80, 0x80, 0 },
	    { 0x80, 0x41, 0 }, { 0x41, 0, 0 }, { 0xbf, 0xbf, 0 },
	    { 0x8f, 0x90, 0 }, { 0, 0, 0 } };
	static const unsigned char repl[] = { 0x00, 0x41, 0x7f, 0x80, 0x9f,
	    0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4,
	    0xf5, 0xff };
	const char *viet = "Nguyễn Thị Thủy, Đức Hòa: 𝔸 € ư ơ";
	unsigned char s[160];
	size_t b0, b1, t, n, k, i, r, pre, vn = strlen(viet);

	(void)state;
	for (b0 = 0; b0 < 256; b0++)
		for (b1 = 0; b1 < 256; b1++)
			for (t = 0; t < sizeof tails / sizeof tails[0]; t++) {
				s[0] = 'x';
				s[1] = (unsigned char)b0;
				s[2] = (unsigned char)b1;
				n = 3;
				for (k = 0; k < 3 && tails[t][k] != 0; k++)
					s[n++] = tails[t][k];
				utf8_same(s, n);
				s[n++] = 'z';
				utf8_same(s, n);
			}
	for (b0 = 0xe0; b0 <= 0xf4; b0++)
		for (b1 = 0; b1 < 256; b1++) {
			/* a second byte every lead takes, then b1 third */
			s[0] = (unsigned char)b0;
			s[1] = b0 == 0xe0 || b0 == 0xf0 ? 0xa0 : 0x80;
			s[2] = (unsigned char)b1;
			s[3] = 0x80;
			s[4] = 'q';
			utf8_same(s, 3);
			utf8_same(s, 5);
		}
	for (pre = 0; pre < 40; pre += pre < 20 ? 1 : 7)
		for (i = 0; i < vn; i++)
			for (r = 0; r < sizeof repl; r++) {
				memset(s, 'a', pre);
				memcpy(s + pre, viet, vn);
				s[pre + i] = repl[r];
				utf8_same(s, pre + vn);
				utf8_same(s, pre + i + 1);
			}
}

static void
test_nfc(void **state)
{
	(void)state;
	expect(text_nfc, "", "");
	expect(text_nfc, "Tan An", "Tan An");
	expect(text_nfc, "Co\xcc\x81", "Có");
	/* ộ in NFD: o, dot below, circumflex (canonical order). */
	expect(text_nfc, "Mo\xcc\xa3\xcc\x82" "c Ho\xcc\x81" "a", "Mộc Hóa");
	/* Marks in a non-canonical order compose all the same. */
	expect(text_nfc, "Mo\xcc\x82\xcc\xa3" "c", "Mộc");
	expect(text_nfc, "Đức Hòa", "Đức Hòa");
	/* The cp1258 way: base letter + combining tone, ê precomposed. */
	expect(text_nfc, "Ki\xc3\xaa\xcc\x81n", "Kiến");
}

static void
test_casefold(void **state)
{
	(void)state;
	expect(text_casefold, "", "");
	expect(text_casefold, "TP Tan An", "tp tan an");
	expect(text_casefold, "ĐỨC HÒA", "đức hòa");
	expect(text_casefold, "THẠNH HÓA", "thạnh hóa");
	expect(text_casefold, "Thị Xã", "thị xã");
	/* NFD in, NFC out. */
	expect(text_casefold, "D\xcc\x81", "d\xcc\x81");	/* no ḓ́ */
	expect(text_casefold, "CO\xcc\x81", "có");
	expect(text_casefold, "Straße", "strasse");
	/* Spaces are not touched. */
	expect(text_casefold, " A\xc2\xa0" "B ", " a\xc2\xa0" "b ");
}

static void
test_space_collapse(void **state)
{
	(void)state;
	expect(text_space_collapse, "", "");
	expect(text_space_collapse, "   ", "");
	expect(text_space_collapse, "Châu  Thành", "Châu Thành");
	expect(text_space_collapse, " \tBến Lức ", "Bến Lức");
	expect(text_space_collapse, "Thủ\xc2\xa0Thừa", "Thủ Thừa");
	expect(text_space_collapse, "\xc2\xa0Thủ \xc2\xa0 Thừa\xc2\xa0",
	    "Thủ Thừa");
	/* BOM, zero-width space, ideographic and narrow no-break spaces,
	 * CR and LF. */
	expect(text_space_collapse, "\xef\xbb\xbf" "a\xe2\x80\x8b" "b",
	    "a b");
	expect(text_space_collapse, "a\xe3\x80\x80" "b\xe2\x80\xaf" "c\r\nd",
	    "a b c d");
	/* Not white space: the text stays as it was. */
	expect(text_space_collapse, "H.Đức_Hòa", "H.Đức_Hòa");
	/* A stray byte is copied. */
	expect(text_space_collapse, "a \xff  b", "a \xff b");
}

static void
test_tone_place(void **state)
{
	(void)state;
	/* The classic style: hòa, khỏe, thủy. */
	expect(tone_old, "hoà", "hòa");
	expect(tone_old, "hòa", "hòa");
	expect(tone_old, "thuỷ", "thủy");
	expect(tone_old, "khoẻ", "khỏe");
	expect(tone_old, "HOÀ", "HÒA");
	expect(tone_old, "THUỶ", "THỦY");
	expect(tone_old, "KhoẺ", "KhỏE");
	expect(tone_old, "Đức Hoà", "Đức Hòa");
	expect(tone_old, "Mộc Hoá", "Mộc Hóa");
	/* The new style moves them to the second vowel ... */
	expect(tone_new, "hòa", "hoà");
	expect(tone_new, "thủy", "thuỷ");
	expect(tone_new, "khỏe", "khoẻ");
	expect(tone_new, "Thạnh Hóa", "Thạnh Hoá");
	/* ... and nowhere else: a final consonant decides. */
	expect(tone_new, "hoàng", "hoàng");
	expect(tone_old, "hoàng", "hoàng");
	expect(tone_old, "hòang", "hoàng");
	expect(tone_old, "huỳnh", "huỳnh");
	expect(tone_old, "hùynh", "huỳnh");
	expect(tone_old, "toán", "toán");
	/* A vowel with a quality mark takes the tone; in ươ the ơ. */
	expect(tone_old, "người", "người");
	expect(tone_old, "ngừơi", "người");
	expect(tone_old, "Tường", "Tường");
	expect(tone_old, "Giuộc", "Giuộc");
	expect(tone_old, "Giụôc", "Giuộc");
	expect(tone_old, "thuở", "thuở");
	expect(tone_old, "thủơ", "thuở");
	expect(tone_old, "Huệ", "Huệ");
	expect(tone_old, "Hụê", "Huệ");
	expect(tone_old, "Kiến", "Kiến");
	expect(tone_old, "Kíên", "Kiến");
	/* Two vowels, no final: the first, whatever the style. */
	expect(tone_new, "mùa", "mùa");
	expect(tone_old, "muà", "mùa");
	expect(tone_old, "mía", "mía");
	expect(tone_old, "tái", "tái");
	expect(tone_old, "taí", "tái");
	/* Three vowels: the middle one. */
	expect(tone_old, "ngoài", "ngoài");
	expect(tone_old, "ngòai", "ngoài");
	/* qu and gi before a vowel are consonants. */
	expect(tone_old, "quý", "quý");
	expect(tone_old, "qúy", "quý");
	expect(tone_new, "quà", "quà");
	expect(tone_old, "gía", "giá");
	expect(tone_old, "gì", "gì");
	expect(tone_old, "gìn", "gìn");
	/* Different letters and different tones stay different. */
	expect(tone_old, "Thạnh", "Thạnh");
	expect(tone_old, "Thanh", "Thanh");
	expect(tone_old, "Thánh", "Thánh");
	/* NFD in, NFC out. */
	expect(tone_old, "ho\xcc\x80" "a", "hòa");
	expect(tone_old, "hoa\xcc\x80", "hòa");
	expect(tone_new, "ho\xcc\x80" "a", "hoà");
	expect(tone_old, "thu\xcc\x9b\xcc\x80" "a", "thừa");
	/* Not syllables: left alone. */
	expect(tone_old, "TP. Tan An", "TP. Tan An");
	expect(tone_old, "hòà", "hòà");		/* two tones */
	expect(tone_old, "ǹg", "ǹg");		/* tone on a consonant */
	expect(tone_old, "802", "802");
	expect(tone_old, "", "");
}

static void
test_ascii_fold(void **state)
{
	(void)state;
	expect(text_ascii_fold, "", "");
	expect(text_ascii_fold, "Đức Hòa", "Duc Hoa");
	expect(text_ascii_fold, "ĐỨC HÒA", "DUC HOA");
	expect(text_ascii_fold, "đ", "d");
	expect(text_ascii_fold, "Thạnh Hóa", "Thanh Hoa");
	expect(text_ascii_fold, "Cần Giuộc", "Can Giuoc");
	expect(text_ascii_fold, "Thủ Thừa", "Thu Thua");
	expect(text_ascii_fold, "Vĩnh Hưng", "Vinh Hung");
	expect(text_ascii_fold, "Ðức", "Ðuc");	/* U+00D0 is Icelandic eth */
	expect(text_ascii_fold, "TX. Kiến Tường", "TX. Kien Tuong");
	expect(text_ascii_fold, "D\xcc\x81" "uc", "Duc");
	/* Spaces and punctuation are kept. */
	expect(text_ascii_fold, "Thủ\xc2\xa0Thừa ", "Thu\xc2\xa0Thua ");
	assert_int_equal(text_has_diacritics("Duc Hoa", 7), 0);
	assert_int_equal(text_has_diacritics("", 0), 0);
	assert_int_equal(text_has_diacritics("Đuc", strlen("Đuc")), 1);
	assert_int_equal(text_has_diacritics("đ", strlen("đ")), 1);
	assert_int_equal(text_has_diacritics("Hòa", strlen("Hòa")), 1);
	assert_int_equal(text_has_diacritics("Ho\xcc\x80" "a", 5), 1);
	/* A no-break space is not a diacritic. */
	assert_int_equal(text_has_diacritics("Duc\xc2\xa0Hoa", 8), 0);
}

static void
test_match_key(void **state)
{
	(void)state;
	expect(text_match_key, "  ĐỨC\xc2\xa0HOÀ ", "đức hòa");
	expect(text_match_key, "Đức Hòa", "đức hòa");
	expect(text_match_key, "H. Đức Hoà", "h. đức hòa");
	expect(text_match_key, "", "");
	same("hòa", "hoà");
	same("thủy", "thuỷ");
	same("khỏe", "khoẻ");
	same("HÒA", "hoà");
	same("THỦY", "Thuỷ");
	same("KHỎE", "khoẺ");
	same("Mộc Hoá", "MỘC HÓA");
	same("Thạnh Hoá", "thạnh hóa");
	same("Châu  Thành", "Châu Thành");
	same("Thủ\xc2\xa0Thừa", "thủ thừa");
	same("Mo\xcc\xa3\xcc\x82" "c Hoa\xcc\x81", "Mộc Hóa");
	differ("Thạnh Hóa", "Thanh Hóa");
	differ("Thạnh", "Thanh");
	differ("Duc Hoa", "Đức Hòa");
	differ("Tân An", "Tân Ân");
	differ("Thủ Thừa", "Thu Thua");
}

static void
test_fold_key(void **state)
{
	(void)state;
	expect(text_fold_key, "Số HS tốt nghiệp", "so hs tot nghiep");
	expect(text_fold_key, "so hs  tot-nghiep", "so hs tot nghiep");
	expect(text_fold_key, "SỐ HS TỐT NGHIỆP", "so hs tot nghiep");
	expect(text_fold_key, "Đức Hòa", "duc hoa");
	expect(text_fold_key, "  H. Đức\xc2\xa0Hoà. ", "h duc hoa");
	expect(text_fold_key, "Thạnh Hóa", "thanh hoa");
	expect(text_fold_key, "Ho\xcc\x80" "a", "hoa");
	expect(text_fold_key, "", "");
	expect(text_fold_key, "---", "");
	/* Compatibility forms: full-width letters and digits. */
	expect(text_fold_key, "\xef\xbc\xa1\xef\xbc\x91", "a1");
}

static void
test_trim(void **state)
{
	const char *s;
	size_t n;

	(void)state;
	s = " \t\xc2\xa0\xef\xbb\xbf" "Bến Lức \xc2\xa0\t";
	n = strlen(s);
	text_trim(&s, &n);
	assert_int_equal(n, strlen("Bến Lức"));
	assert_memory_equal(s, "Bến Lức", n);
	s = "   ";
	n = 3;
	text_trim(&s, &n);
	assert_int_equal(n, 0);
	s = "a  b";
	n = 4;
	text_trim(&s, &n);
	assert_int_equal(n, 4);
	/* Only the given length is looked at. */
	s = "ab  cd";
	n = 4;
	text_trim(&s, &n);
	assert_int_equal(n, 2);
	s = "";
	n = 0;
	text_trim(&s, &n);
	assert_int_equal(n, 0);
}

static void
test_width(void **state)
{
	const char *nfd = "Mo\xcc\xa3\xcc\x82" "c Ho\xcc\x81" "a";

	(void)state;
	assert_int_equal(text_width("", 0), 0);
	assert_int_equal(text_width("Tan An", 6), 6);
	assert_int_equal(text_width("Mộc Hóa", strlen("Mộc Hóa")), 7);
	/* Combining marks take no column: NFD is as wide as NFC. */
	assert_int_equal(text_width(nfd, strlen(nfd)), 7);
	/* East Asian wide characters take two. */
	assert_int_equal(text_width("漢字", strlen("漢字")), 4);
	assert_int_equal(text_width("a漢b", strlen("a漢b")), 4);
	assert_int_equal(text_width("\xef\xbc\xa1", 3), 2);	/* wide A */
	/* Control characters take none; a stray byte counts one. */
	assert_int_equal(text_width("a\tb", 3), 2);
	assert_int_equal(text_width("a\xff" "b", 3), 3);
}

static void
test_edit_distance(void **state)
{
	(void)state;
	assert_int_equal(text_edit_distance("", 0, "", 0), 0);
	assert_int_equal(text_edit_distance("abc", 3, "", 0), 3);
	assert_int_equal(text_edit_distance("", 0, "ab", 2), 2);
	assert_int_equal(text_edit_distance("duc hoa", 7, "duc hoa", 7), 0);
	assert_int_equal(text_edit_distance("duc hoa", 7, "duc hua", 7), 1);
	assert_int_equal(text_edit_distance("duc hoa", 7, "duc ho", 6), 1);
	assert_int_equal(text_edit_distance("duc hoa", 7, "duc hoaa", 8), 1);
	/* A swap of neighbours is one edit, not two. */
	assert_int_equal(text_edit_distance("duc hoa", 7, "duc hao", 7), 1);
	assert_int_equal(text_edit_distance("ca", 2, "ac", 2), 1);
	assert_int_equal(text_edit_distance("ca", 2, "abc", 3), 3);
	assert_int_equal(text_edit_distance("kitten", 6, "sitting", 7), 3);
	/* Counted in code points, not bytes. */
	assert_int_equal(text_edit_distance("hòa", strlen("hòa"), "hoa", 3),
	    1);
	assert_int_equal(text_edit_distance("long an", 7, "tan an", 6), 3);
}

static void
test_show(void **state)
{
	(void)state;
	expect(text_show, "", "");
	expect(text_show, "Đức Hòa", "Đức Hòa");
	expect(text_show, "M\xf4" "c Ho\xe1", "M\\xF4c Ho\\xE1");
	expect(text_show, "a\tb\nc\rd\\e", "a\\tb\\nc\\rd\\\\e");
	expect(text_show, "x\x01y\x7f", "x\\x01y\\x7F");
	/* A truncated sequence at the end shows its bytes. */
	expect(text_show, "H\xc3", "H\\xC3");
	expect(text_show, "Thủ\xc2\xa0Thừa", "Thủ\xc2\xa0Thừa");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utf8_check),
		cmocka_unit_test(test_utf8_diff),
		cmocka_unit_test(test_nfc),
		cmocka_unit_test(test_casefold),
		cmocka_unit_test(test_space_collapse),
		cmocka_unit_test(test_tone_place),
		cmocka_unit_test(test_ascii_fold),
		cmocka_unit_test(test_match_key),
		cmocka_unit_test(test_fold_key),
		cmocka_unit_test(test_trim),
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_edit_distance),
		cmocka_unit_test(test_show),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
