/* Unit tests for text_nfc, and for the claims its shortcuts rest on: text
 * made only of code points below U+0300 or in U+1E00-U+1EFF is its own
 * NFC (checked against utf8proc for every such code point and every pair
 * of them: a composition needs two); NFC makes and takes away no byte the
 * stream escapes (every code point); and text_nfc, with the NFC it keeps,
 * gives utf8proc's bytes. */
#include <string.h>
#include <utf8proc.h>

#include "buf.h"
#include "text.h"
#include "unit.h"

static const char *
nfc(const char *s)
{
	static struct buf b;

	buf_reset(&b);
	buf_adds(&b, "");
	text_nfc(&b, s, strlen(s));
	return b.p;
}

static void
test_nfc(void **state)
{
	(void)state;
	assert_string_equal(nfc("abc"), "abc");
	assert_string_equal(nfc(""), "");
	/* Precomposed Vietnamese stays as it is. */
	assert_string_equal(nfc("Thủ Thừa, Đức Hòa, Thạnh Hóa"),
	    "Thủ Thừa, Đức Hòa, Thạnh Hóa");
	/* NFD is composed: "Có", "Thừa", "Hòa". */
	assert_string_equal(nfc("Co\xcc\x81"), "Có");
	assert_string_equal(nfc("Thu\xcc\x9b\xcc\x80" "a"), "Thừa");
	assert_string_equal(nfc("Ho\xcc\x80" "a"), "Hòa");
	/* A combining mark after a precomposed letter. */
	assert_string_equal(nfc("\xc3\xa2\xcc\x81"), "ấ");
	/* Outside the shortcut's ranges: U+212B ANGSTROM SIGN is Å. */
	assert_string_equal(nfc("\xe2\x84\xab"), "\xc3\x85");
	/* Mixed: shortcut ranges then a mark. */
	assert_string_equal(nfc("\xe1\xba\xa1\xcc\x82"), "ậ");
}

static int
in_shortcut(utf8proc_int32_t c)
{
	return c < 0x300 || (c >= 0x1e00 && c <= 0x1eff);
}

/* reference computes NFC of the code points in[0..n) with utf8proc. */
static utf8proc_ssize_t
reference(const utf8proc_int32_t *in, int n, utf8proc_int32_t *out)
{
	utf8proc_ssize_t k = 0, r;
	int i;

	for (i = 0; i < n; i++) {
		r = utf8proc_decompose_char(in[i], out + k, 16 - k,
		    UTF8PROC_DECOMPOSE | UTF8PROC_STABLE, NULL);
		assert_true(r > 0 && k + r <= 16);
		k += r;
	}
	return utf8proc_normalize_utf32(out, k, UTF8PROC_STABLE |
	    UTF8PROC_COMPOSE);
}

static void
test_shortcut_ranges(void **state)
{
	utf8proc_int32_t cps[1200], in[2], out[16];
	utf8proc_uint8_t enc[16];
	utf8proc_ssize_t r, k;
	int n = 0, i, j;
	utf8proc_int32_t c;

	(void)state;
	for (c = 0x20; c < 0x1f00; c++)
		if (in_shortcut(c) && (c < 0x7f || c >= 0xa0))
			cps[n++] = c;
	for (i = 0; i < n; i++) {
		r = reference(&cps[i], 1, out);
		assert_true(r == 1 && out[0] == cps[i]);
		for (j = 0; j < n; j++) {
			in[0] = cps[i];
			in[1] = cps[j];
			r = reference(in, 2, out);
			assert_true(r == 2 && out[0] == in[0] &&
			    out[1] == in[1]);
		}
	}
	/* And text_nfc passes such text through. */
	k = utf8proc_encode_char(0x1ec7, enc);
	k += utf8proc_encode_char(0x01b0, enc + k);
	enc[k] = '\0';
	assert_string_equal(nfc((char *)enc), (char *)enc);
}

/* No code point decomposes into a TAB, LF, CR or backslash unless it is
 * one: so NFC (which composes only what it could decompose) neither makes
 * nor takes away a byte the stream escapes, and ingest writes the NFC of
 * a plain row's text as it is. */
static void
test_nfc_escapes(void **state)
{
	utf8proc_int32_t c, out[32];
	utf8proc_ssize_t r, i;

	(void)state;
	for (c = 0; c <= 0x10ffff; c++) {
		if (c >= 0xd800 && c <= 0xdfff)
			continue;
		r = utf8proc_decompose_char(c, out, 32, UTF8PROC_DECOMPOSE |
		    UTF8PROC_STABLE, NULL);
		assert_true(r > 0 && r <= 32);
		for (i = 0; i < r; i++)
			if ((out[i] == '\t' || out[i] == '\n' ||
			    out[i] == '\r' || out[i] == '\\') &&
			    (r != 1 || out[0] != c))
				fail_msg("U+%04X decomposes into U+%04X",
				    (unsigned)c, (unsigned)out[i]);
	}
}

/* text_nfc (its quick check, and the NFC it keeps of texts seen before)
 * against utf8proc every time: NFD and mixed Vietnamese text, each text
 * several times, more distinct texts than are kept, and texts too long
 * to keep. */
static void
test_nfc_diff(void **state)
{
	static const char *piece[] = { "a", "o", "u", "e", "i", "y", "A", "D",
	    " ", "\xcc\x80", "\xcc\x81", "\xcc\x83", "\xcc\x89", "\xcc\xa3",
	    "\xcc\x82", "\xcc\x86", "\xcc\x9b", "\xc3\xa2", "\xc6\xb0",
	    "\xc4\x91", "\xe1\xba\xa1", "\xe1\xbb\x87", "Thu", "Ho", "\t", "\\",
	    "\xe2\x84\xab", "\xef\xbc\xa1",
	    /* E1 sequences outside U+1E00-U+1EFF, for the quick check:
	     * U+1F71 (a singleton, not NFC), U+1F00, U+1DC0 (a mark),
	     * U+1E00 and U+1EFF at the range's ends; ASCII runs that put
	     * them at every offset of a word. */
	    "\xe1\xbd\xb1", "\xe1\xbc\x80", "\xe1\xb7\x80",
	    "\xe1\xb8\x80", "\xe1\xbb\xbf", "abcdefg", "xyz", "\xcb\xbf" };
	struct buf in = { 0 }, a = { 0 }, b = { 0 };
	size_t round, k, n, rep;

	(void)state;
	for (round = 0; round < 40000; round++) {
		buf_reset(&in);
		buf_add(&in, "", 0);
		n = round % 50 == 0 ? 40 + unit_rnd(40) : round % 2 ?
		    1 + unit_rnd(8) : 1 + unit_rnd(20);
		for (k = 0; k < n; k++)
			buf_adds(&in, piece[unit_rnd(sizeof piece /
			    sizeof piece[0])]);
		for (rep = 0; rep < 1 + round % 3; rep++) {
			buf_reset(&a);
			buf_reset(&b);
			buf_adds(&a, "<");
			buf_adds(&b, "<");
			text_nfc(&a, in.p, in.len);
			text_nfc_ref(&b, in.p, in.len);
			if (a.len != b.len || memcmp(a.p, b.p, a.len) != 0)
				fail_msg("\"%s\": \"%s\", utf8proc \"%s\"",
				    in.p, a.p, b.p);
		}
	}
	buf_free(&in);
	buf_free(&a);
	buf_free(&b);
}

/* quick_model is text_nfc_quick byte by byte: below nine bytes, every
 * byte below 0xcc; from nine, every byte from 0xcc up an E1 with a B8 to
 * BB after it and a byte after that. */
static int
quick_model(const unsigned char *u, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (u[i] < 0xcc)
			continue;
		if (n < 9 || u[i] != 0xe1 || i + 2 >= n ||
		    (u[i + 1] & 0xfc) != 0xb8)
			return 0;
	}
	return 1;
}

/* copies: text_nfc_copy_quick and text_nfc_put_quick say what
 * text_nfc_quick says of s[0..n), copy it when it passes, and write
 * nothing outside the n bytes (the guards about them) or, failing,
 * leave the buffer as it was; in a buffer with room and without. */
static void
copies(const char *s, size_t n)
{
	static struct buf out;
	char d[64];
	size_t i, at;
	int q = text_nfc_quick(s, n), r;

	memset(d, 0x55, sizeof d);
	r = text_nfc_copy_quick(d + 8, s, n);
	if (r != q)
		fail_msg("%zu bytes: copy %d, quick %d", n, r, q);
	for (i = 0; i < sizeof d; i++)
		if ((i < 8 || i >= 8 + n) && d[i] != 0x55)
			fail_msg("%zu bytes: byte %zu written", n, i);
	if (r && memcmp(d + 8, s, n) != 0)
		fail_msg("%zu bytes: not copied", n);
	buf_free(&out);
	buf_adds(&out, "ab");
	if (n % 2)
		buf_grow(&out, 100);	/* room, else buf_put's */
	at = out.len;
	r = text_nfc_put_quick(&out, s, n);
	if (r != q || out.len != at + (r ? n : 0) || out.p[out.len] != '\0' ||
	    memcmp(out.p, "ab", 2) != 0 || (r && memcmp(out.p + at, s, n)))
		fail_msg("%zu bytes: put %d, quick %d, length %zu", n, r, q,
		    out.len);
}

/* text_nfc_quick against its model on texts of every length up to 40 of
 * the bytes that matter to it (E1 and its neighbours, B7 to BC, 0xcc and
 * 0xcb, ASCII), valid UTF-8 or not, and its copying forms against it;
 * and what it passes that is valid UTF-8 is utf8proc's NFC of itself. */
static void
test_nfc_quick(void **state)
{
	static const unsigned char bytes[] = { 'a', ' ', 0x7f, 0x80, 0xa1,
	    0xb7, 0xb8, 0xbb, 0xbc, 0xbf, 0xc3, 0xcb, 0xcc, 0xe0, 0xe1, 0xe2,
	    0xff };
	static const char *piece[] = { "a", "Z", "\xe1\xba\xa1", "\xe1\xbb\xbf",
	    "\xe1\xb8\x80", "\xe1\xbd\xb1", "\xe1\xb7\x80", "\xc3\xa2",
	    "\xcc\x81", "\xcb\xbf", "\xe2\x84\xab" };
	unsigned char s[48];
	struct buf in = { 0 }, b = { 0 };
	size_t round, n, i;
	unsigned long passed = 0;

	(void)state;
	for (round = 0; round < 200000; round++) {
		n = round % 41;
		for (i = 0; i < n; i++)
			s[i] = bytes[unit_rnd(sizeof bytes)];
		if (text_nfc_quick((char *)s, n) != quick_model(s, n))
			fail_msg("round %zu, %zu bytes: quick %d", round, n,
			    text_nfc_quick((char *)s, n));
		copies((char *)s, n);
	}
	for (round = 0; round < 20000; round++) {
		buf_reset(&in);
		buf_add(&in, "", 0);
		for (i = 0, n = unit_rnd(16); i < n; i++)
			buf_adds(&in, piece[unit_rnd(sizeof piece /
			    sizeof piece[0])]);
		if (text_nfc_quick(in.p, in.len) != quick_model(
		    (unsigned char *)in.p, in.len))
			fail_msg("\"%s\": quick %d", in.p,
			    text_nfc_quick(in.p, in.len));
		if (in.len <= 48)
			copies(in.p, in.len);
		if (!text_nfc_quick(in.p, in.len))
			continue;
		passed++;
		buf_reset(&b);
		buf_add(&b, "", 0);
		text_nfc_ref(&b, in.p, in.len);
		if (b.len != in.len || memcmp(b.p, in.p, in.len) != 0)
			fail_msg("\"%s\" passed, its NFC is \"%s\"", in.p, b.p);
	}
	assert_true(passed > 1000);
	buf_free(&in);
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nfc),
		cmocka_unit_test(test_shortcut_ranges),
		cmocka_unit_test(test_nfc_escapes),
		cmocka_unit_test(test_nfc_diff),
		cmocka_unit_test(test_nfc_quick),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
