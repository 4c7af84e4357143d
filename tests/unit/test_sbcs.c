/* Unit tests for sbcs: the tables give iconv's bytes for Windows-1258,
 * TCVN3 and VISCII — on random text of all 256 bytes and of the letters,
 * precomposed vowels and combining marks the composing decoders hold back
 * and compose, whole and cut into two reads at every place, and up to a
 * byte the encoding does not have. */
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sbcs.h"
#include "unit.h"

/* ref decodes in[0..n) with iconv, flushing at the end: the bytes it
 * gives, and in *bad the offset of the byte it stops at, or n. */
static size_t
ref(iconv_t cd, const unsigned char *in, size_t n, char *out, size_t cap,
    size_t *bad)
{
	char *ip = (char *)in, *op = out;
	size_t inl = n, left = cap;

	iconv(cd, NULL, NULL, NULL, NULL);
	if (iconv(cd, &ip, &inl, &op, &left) == (size_t)-1) {
		*bad = (size_t)(ip - (char *)in);
		return (size_t)(op - out);
	}
	iconv(cd, NULL, NULL, &op, &left);
	*bad = n;
	return (size_t)(op - out);
}

/* same decodes in[0..n) with t in one read and in two, cut at every
 * place (the byte the first keeps goes with the second, as csvin does),
 * and compares with iconv. */
static void
same(const char *name, iconv_t cd, const struct sbcs *t,
    const unsigned char *in, size_t n)
{
	char want[4096], got[4096], tmp[2048];
	size_t wn, wbad, gn, used, used2, cut, k;
	int bad;

	assert_true(n <= 500);
	wn = ref(cd, in, n, want, sizeof want, &wbad);
	gn = sbcs_decode(t, (const char *)in, n, 1, got, &used, &bad);
	if (bad != (wbad < n) || (bad && used != wbad) || (!bad &&
	    used != n) || gn != wn || memcmp(got, want, wn) != 0) {
		char hex[3 * 40 + 1] = "";

		for (k = 0; k < n && k < 40; k++)
			snprintf(hex + 3 * k, 4, "%02x ", in[k]);
		fail_msg("%s: %s(%zu bytes): iconv %zu bytes (stops at %zu), "
		    "sbcs %zu (stops at %zu, bad %d)", name, hex, n, wn, wbad,
		    gn, used, bad);
	}
	for (cut = 0; cut <= n; cut++) {
		gn = sbcs_decode(t, (const char *)in, cut, 0, got, &used,
		    &bad);
		if (bad) {
			assert_true(used == wbad && gn == wn);
			assert_memory_equal(got, want, wn);
			continue;
		}
		/* The rest of the first read, then the second. */
		k = cut - used;
		memcpy(tmp, in + used, k);
		memcpy(tmp + k, in + cut, n - cut);
		gn += sbcs_decode(t, tmp, k + n - cut, 1, got + gn, &used2,
		    &bad);
		if (bad != (wbad < n) || gn != wn || memcmp(got, want, wn) != 0)
			fail_msg("%s: %zu bytes cut at %zu: iconv %zu bytes, "
			    "sbcs %zu", name, n, cut, wn, gn);
		if (bad)
			assert_int_equal(used + used2, wbad);
	}
}

static void
test_encodings(void **state)
{
	static const char *names[] = { "CP1258", "TCVN5712-1", "VISCII" };
	static const char vowels[] = "aeiouyAEIOUYdDbnhg ,\n";
	unsigned char in[500], marks[32], high[128];
	size_t e, nm, nh, b, round, n, i;
	struct sbcs *t;
	iconv_t cd;

	(void)state;
	for (e = 0; e < sizeof names / sizeof names[0]; e++) {
		t = sbcs_new(names[e]);
		cd = iconv_open("UTF-8", names[e]);
		assert_non_null(t);
		assert_true(cd != (iconv_t)-1);
		/* The encoding's combining marks and its other high bytes,
		 * as iconv decodes them. */
		for (nm = nh = 0, b = 0x80; b < 256; b++) {
			char out[16], *op = out, *ip = (char *)&in[0];
			size_t inl = 1, left = sizeof out;

			in[0] = (unsigned char)b;
			iconv(cd, NULL, NULL, NULL, NULL);
			if (iconv(cd, &ip, &inl, &op, &left) == (size_t)-1)
				continue;
			iconv(cd, NULL, NULL, &op, &left);
			if (op - out == 2 && (unsigned char)out[0] == 0xcc)
				marks[nm++] = (unsigned char)b;
			else
				high[nh++] = (unsigned char)b;
		}
		if (e < 2)	/* the two that compose */
			assert_true(nm >= 5);
		for (round = 0; round < 3000; round++) {
			n = 1 + unit_rnd(round < 1500 ? 24 : 200);
			for (i = 0; i < n; i++) {
				unsigned r = unit_rnd(10);

				if (round % 5 == 0)
					in[i] = (unsigned char)unit_rnd(256);
				else if (r < 4)
					in[i] = (unsigned char)vowels[unit_rnd(
					    sizeof vowels - 1)];
				else if (r < 7 && nm > 0)
					in[i] = marks[unit_rnd((unsigned)nm)];
				else
					in[i] = high[unit_rnd((unsigned)nh)];
			}
			same(names[e], cd, t, in, n);
		}
		iconv_close(cd);
		sbcs_free(t);
	}
	assert_null(sbcs_new("no-such-encoding"));
}

/* sbcs_take keeps a letter a mark may follow for the next read, moves
 * the offset past what it took, and tells a byte Windows-1258 lacks with
 * its offset in the input. */
static void
test_take(void **state)
{
	struct sbcs *t = sbcs_new("CP1258");
	char raw[8], dst[64];
	size_t len, k;
	unsigned long long off = 100, at = 0;
	unsigned char byte = 0;
	int bad;

	(void)state;
	assert_non_null(t);
	memcpy(raw, "ab,a", 4);		/* "a" may take a tone mark */
	len = 4;
	k = sbcs_take(t, raw, &len, &off, 0, dst, &bad, &byte, &at);
	assert_int_equal(bad, 0);
	assert_int_equal(k, 3);
	assert_memory_equal(dst, "ab,", 3);
	assert_int_equal(len, 1);
	assert_int_equal(raw[0], 'a');
	assert_true(off == 103);
	raw[1] = (char)0xec;		/* COMBINING ACUTE ACCENT: "á" */
	raw[2] = 'x';
	len = 3;
	k = sbcs_take(t, raw, &len, &off, 1, dst, &bad, &byte, &at);
	assert_int_equal(bad, 0);
	assert_int_equal(k, 3);
	assert_memory_equal(dst, "\xc3\xa1x", 3);
	assert_int_equal(len, 0);
	assert_true(off == 106);
	memcpy(raw, "ok\x81z", 4);	/* 0x81: not in Windows-1258 */
	len = 4;
	k = sbcs_take(t, raw, &len, &off, 1, dst, &bad, &byte, &at);
	assert_int_equal(bad, 1);
	assert_int_equal(byte, 0x81);
	assert_true(at == 108);
	assert_int_equal(len, 0);
	/* What sbcs_decode writes before it ("o", and "k" unless held). */
	assert_true(k >= 1 && k <= 2);
	assert_memory_equal(dst, "ok", k);
	sbcs_free(t);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_encodings),
		cmocka_unit_test(test_take),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
