/* Unit tests for enc: UTF-8 settled by the bytes, each legacy encoding
 * told from Vietnamese text converted with iconv, the scores, the
 * samples that cannot tell, and the encodings' names. */
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "enc.h"
#include "unit.h"

/* Sentences of the plan (Kế hoạch 568/KH-UBND) and of a school export. */
static const char plan[] =
    "SỞ GIÁO DỤC VÀ ĐÀO TẠO LONG AN\n"
    "Kế hoạch thực hiện Đề án Giáo dục hướng nghiệp và định hướng phân "
    "luồng học sinh trong giáo dục phổ thông giai đoạn 2023-2025.\n"
    "Mục tiêu chung: tạo bước đột phá về chất lượng giáo dục hướng "
    "nghiệp, góp phần chuyển biến mạnh mẽ công tác phân luồng.\n"
    "Mã trường,Tên trường,Huyện/Thị xã/Thành phố,Số HS tốt nghiệp\n"
    "80802201,THCS Nguyễn Văn Trỗi,Đức Hòa,215\n"
    "80807301,THPT Cần Giuộc,huyện Cần Giuộc,441\n";

/* to converts UTF-8 s into encoding (an iconv name); owned. */
static char *
to(const char *encoding, const char *s, size_t *n)
{
	iconv_t cd = iconv_open(encoding, "UTF-8");
	size_t left = strlen(s), room = 4 * left + 16;
	char *out = malloc(room), *src = (char *)s, *dst = out;

	assert_true(cd != (iconv_t)-1);
	assert_non_null(out);
	assert_true(iconv(cd, &src, &left, &dst, &room) != (size_t)-1);
	assert_true(iconv(cd, NULL, NULL, &dst, &room) != (size_t)-1);
	iconv_close(cd);
	*n = (size_t)(dst - out);
	return out;
}

static void
check(const char *encoding, enum enc want)
{
	struct enc_guess g;
	size_t n;
	char *s = to(encoding, plan, &n);

	assert_int_equal(enc_guess(s, n, 1, &g), 1);
	assert_int_equal(g.enc, want);
	assert_int_equal(g.s[want].score, 1000);
	assert_true(g.s[g.second].score <= 1000 - ENC_MARGIN);
	/* A sample of it (the text goes on) tells as well. */
	assert_int_equal(enc_guess(s, n - 50, 0, &g), 1);
	assert_int_equal(g.enc, want);
	free(s);
}

static void
test_legacy(void **state)
{
	(void)state;
	check("CP1258", ENC_CP1258);
	check("TCVN5712-1", ENC_TCVN3);
	check("VISCII", ENC_VISCII);
}

static void
test_utf8(void **state)
{
	struct enc_guess g;
	char *big;

	(void)state;
	/* Valid UTF-8, ASCII only, empty: UTF-8. */
	assert_int_equal(enc_guess(plan, strlen(plan), 1, &g), 1);
	assert_int_equal(g.enc, ENC_UTF8);
	assert_int_equal(enc_guess(LIT("id,name\n1,An\n"), 1, &g), 1);
	assert_int_equal(g.enc, ENC_UTF8);
	assert_int_equal(enc_guess(LIT(""), 1, &g), 1);
	assert_int_equal(g.enc, ENC_UTF8);
	/* A BOM settles it, whatever follows (the reader then fails). */
	assert_int_equal(enc_guess(LIT("\xef\xbb\xbf" "C\xf3"), 1, &g), 1);
	assert_int_equal(g.enc, ENC_UTF8);
	/* UTF-16 and NULs are left to the UTF-8 reader to report. */
	assert_int_equal(enc_guess(LIT("\xff\xfe" "a\0"), 1, &g), 1);
	assert_int_equal(g.enc, ENC_UTF8);
	assert_int_equal(enc_guess(LIT("C\0\xf3\0"), 1, &g), 1);
	assert_int_equal(g.enc, ENC_UTF8);
	/* "Số" cut inside its ố at the sample's edge is still UTF-8; at
	 * the end of the text it is not. */
	assert_int_equal(enc_guess(LIT("S\xe1\xbb"), 0, &g), 1);
	assert_int_equal(g.enc, ENC_UTF8);
	enc_guess(LIT("S\xe1\xbb"), 1, &g);
	assert_int_not_equal(g.enc, ENC_UTF8);
	/* Only the first ENC_SAMPLE bytes are looked at. */
	big = malloc(ENC_SAMPLE + 2);
	assert_non_null(big);
	memset(big, 'a', ENC_SAMPLE);
	memcpy(big + ENC_SAMPLE, "\xf3\n", 2);
	assert_int_equal(enc_guess(big, ENC_SAMPLE + 2, 1, &g), 1);
	assert_int_equal(g.enc, ENC_UTF8);
	free(big);
}

static void
test_scores(void **state)
{
	struct enc_guess g;

	(void)state;
	/* "Trường" in Windows-1258: T r ư ơ, a combining grave, n g, which
	 * iconv reads as T r ư ờ n g.  As VISCII it reads "TrýõÌng" (three
	 * tone marks, a capital inside). */
	assert_int_equal(enc_guess(LIT("Tr\xfd\xf5\xccng "
	    "Tr\xfd\xf5\xccng\n"), 1, &g), 1);
	assert_int_equal(g.enc, ENC_CP1258);
	assert_int_equal(g.s[ENC_CP1258].good, 4);
	assert_int_equal(g.s[ENC_CP1258].word, 0);
	assert_int_equal(g.s[ENC_CP1258].never, 0);
	assert_int_equal(g.s[ENC_VISCII].good, 0);
	assert_int_equal(g.s[ENC_VISCII].word, 6);
	assert_int_equal(g.s[ENC_VISCII].score, -1000);
	/* Symbols no Vietnamese text has (¤ ¦ ¨ ´ ¸ in Windows-1258) count
	 * double; curly quotes and a dash are punctuation. */
	enc_guess(LIT("\x93" "C\xf3\x94 \x96 \xa4"), 1, &g);
	assert_int_equal(g.s[ENC_CP1258].good, 1);
	assert_int_equal(g.s[ENC_CP1258].punct, 3);
	assert_int_equal(g.s[ENC_CP1258].never, 1);
	assert_int_equal(g.s[ENC_CP1258].score, 1000 * (4 - 2) / 5);
	/* A byte Windows-1258 does not have counts double too. */
	enc_guess(LIT("C\xf3 \x81"), 1, &g);
	assert_int_equal(g.s[ENC_CP1258].never, 1);
	/* Capitals the way TCVN3 fonts of capitals write them ("GIáO"
	 * for GIÁO) are plausible words. */
	assert_int_equal(enc_guess(LIT("S\xeb GI\xb8O D\xf4" "C\n"), 1, &g), 1);
	assert_int_equal(g.enc, ENC_TCVN3);
	assert_int_equal(g.s[ENC_TCVN3].word, 0);
	/* An abbreviation with no vowel: HĐND. */
	assert_int_equal(enc_guess(LIT("H\xd0ND\n"), 1, &g), 1);
	assert_int_equal(g.s[ENC_CP1258].good, 1);
}

static void
test_undecided(void **state)
{
	struct enc_guess g;

	(void)state;
	/* "Năm" in Windows-1258: ă is E3, which TCVN3 reads as "ó" and
	 * VISCII as "ã": Năm, Nóm, Nãm are all Vietnamese syllables. */
	assert_int_equal(enc_guess(LIT("N\xe3m\n"), 1, &g), 0);
	assert_int_equal(g.enc, ENC_CP1258);
	assert_int_equal(g.second, ENC_TCVN3);
	/* "Hoà" reads the same in Windows-1258 and VISCII (E0 is à in
	 * both): as the whole text it does not matter which, and the first
	 * is taken; as a sample of more it cannot tell. */
	assert_int_equal(enc_guess(LIT("Ho\xe0\n"), 1, &g), 1);
	assert_int_equal(g.enc, ENC_CP1258);
	assert_int_equal(g.second, ENC_VISCII);
	assert_int_equal(enc_guess(LIT("Ho\xe0\n"), 0, &g), 0);
	assert_int_equal(g.enc, ENC_CP1258);
	assert_int_equal(g.second, ENC_VISCII);
	/* No Vietnamese in any reading: symbols and letters of other
	 * languages. */
	assert_int_equal(enc_guess(LIT("\xa4\xa6\xa8 \xb4\xb8\xd7\n"), 1,
	    &g), 0);
	assert_true(g.s[g.enc].score < ENC_MIN_SCORE);
}

static int
setup(void **state)
{
	(void)state;
	diag_init("test_enc");
	return 0;
}

static void
test_names(void **state)
{
	enum enc e;

	(void)state;
	assert_int_equal(enc_parse_name("UTF-8", &e), 0);
	assert_int_equal(e, ENC_UTF8);
	assert_int_equal(enc_parse_name("cp1258", &e), 0);
	assert_int_equal(e, ENC_CP1258);
	assert_int_equal(enc_parse_name("Windows-1258", &e), 0);
	assert_int_equal(e, ENC_CP1258);
	assert_int_equal(enc_parse_name("TCVN3", &e), 0);
	assert_int_equal(e, ENC_TCVN3);
	assert_int_equal(enc_parse_name("viscii", &e), 0);
	assert_int_equal(e, ENC_VISCII);
	assert_int_equal(enc_parse_name("Auto", &e), 0);
	assert_int_equal(e, ENC_AUTO);
	assert_string_equal(enc_name(ENC_AUTO), "auto");
	assert_int_equal(enc_parse_name("latin1", &e), -1);
	assert_string_equal(enc_name(ENC_TCVN3), "tcvn3");
	/* An unknown name leaves *e alone. */
	assert_int_equal(e, ENC_AUTO);
	assert_string_equal(enc_iconv_name(ENC_UTF8), "UTF-8");
	assert_string_equal(enc_iconv_name(ENC_TCVN3), "TCVN5712-1");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_legacy),
		cmocka_unit_test(test_utf8),
		cmocka_unit_test(test_scores),
		cmocka_unit_test(test_undecided),
		cmocka_unit_test(test_names),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
