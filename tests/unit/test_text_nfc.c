/* Unit tests for text_nfc, and for the claim its shortcut rests on: text
 * made only of code points below U+0300 or in U+1E00-U+1EFF is its own
 * NFC.  Checked here against utf8proc for every such code point and every
 * pair of them (a composition needs two). */
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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nfc),
		cmocka_unit_test(test_shortcut_ranges),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
