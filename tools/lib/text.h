/* text — UTF-8 and Vietnamese text, on utf8proc.
 *
 * Functions that produce text append it to a caller's struct buf, so that
 * a hot loop reuses one buffer; scratch space for code points is kept
 * inside this module (not thread-safe; luong programs are single-threaded). */
#ifndef LUONG_TEXT_H
#define LUONG_TEXT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "buf.h"

/* text_utf8_check returns 0 when s[0..n) is valid UTF-8, else -1 with
 * the offset of the first bad byte in *bad. */
int text_utf8_check(const char *s, size_t n, size_t *bad);

/* text_utf8_check_ref is text_utf8_check by utf8proc, a character at a
 * time: the reference test_text holds the fast check to. */
int text_utf8_check_ref(const char *s, size_t n, size_t *bad);

/* text_is_ascii: no byte >= 0x80. */
int text_is_ascii(const char *s, size_t n);

/* text_nfc appends the NFC form of valid UTF-8 s[0..n) to out.  NFC
 * never makes a TAB, LF, CR or backslash, nor takes one away (test_text
 * checks the decomposition of every code point): a text that needs no
 * escape in a stream needs none in NFC.  Text that is NFC already is
 * told by a quick check; the NFC of other short texts is kept, in 130 KiB
 * of static storage.  text_nfc_ref is the same by utf8proc always, the
 * reference test_text_nfc holds text_nfc to. */
void text_nfc(struct buf *out, const char *s, size_t n);
void text_nfc_ref(struct buf *out, const char *s, size_t n);

/* text_nfc_quick is text_nfc's quick check, inline for hot loops: 1 when
 * s[0..n) is its own NFC because it holds no byte from 0xcc up but an E1
 * with a B8 to BB after it and a byte after that (U+1E00-U+1EFF): text of
 * code points below U+0300 (no combining marks) and of Latin Extended
 * Additional, which covers precomposed Vietnamese (test_text_nfc checks
 * every pair of them).  0 says nothing.  Any bytes may be given, valid
 * UTF-8 or not: what it passes, text_nfc's own check passes too.
 *
 * Eight bytes a step: words of the text, looked at byte by byte at once
 * by carry-free arithmetic (no byte's result reaches the next byte's, so
 * that the byte order of the word does not matter).  A text of fewer
 * than nine bytes is looked at for bytes below 0xcc only, in two
 * overlapping words of four (or its three bytes); one of up to sixteen
 * bytes first for ASCII, in two overlapping words of eight; a longer one
 * a word at a time with the word a byte further on beside it (the byte
 * after each), the last word put against the text's end, and its last
 * two bytes, which no E1 may be. */
#define TEXT_ONES	0x0101010101010101ULL
#define TEXT_HIGH	0x8080808080808080ULL

static inline uint64_t
text_load64(const unsigned char *u)
{
	uint64_t w;

	memcpy(&w, u, 8);
	return w;
}

static inline uint64_t
text_load32(const unsigned char *u)
{
	uint32_t w;

	memcpy(&w, u, 4);
	return w;
}

/* text_ge_cc: the high bit of each byte of x at 0xcc or above. */
static inline uint64_t
text_ge_cc(uint64_t x)
{
	return x & ((x & ~TEXT_HIGH) + 0x34 * TEXT_ONES) & TEXT_HIGH;
}

/* text_bad_lead: the high bit of each byte of x from 0xcc up that is not
 * an E1 whose next byte (the same byte of y: the word a byte further on)
 * is from B8 to BB.  Of a byte b from 0xcc up, b ^ E1 is below 0x80, so
 * that it is E1 when its low seven bits carry nothing into the eighth;
 * w = (next & 0xfc) ^ 0xb8 is zero when the next byte is B8 to BB. */
static inline uint64_t
text_bad_lead(uint64_t x, uint64_t y)
{
	uint64_t ge = x & ((x & ~TEXT_HIGH) + 0x34 * TEXT_ONES);
	uint64_t z = ((x ^ 0xe1 * TEXT_ONES) & ~TEXT_HIGH) + ~TEXT_HIGH;
	uint64_t w = (y & 0xfc * TEXT_ONES) ^ 0xb8 * TEXT_ONES;

	return ge & (z | ((w & ~TEXT_HIGH) + ~TEXT_HIGH) | w) & TEXT_HIGH;
}

static inline __attribute__((always_inline)) int
text_nfc_quick(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	uint64_t x, y;
	size_t p;

	if (n < 9) {
		if (n >= 4)
			x = text_load32(u) | text_load32(u + n - 4) << 32;
		else if (n > 0)
			x = u[0] | (uint64_t)u[n / 2] << 8 |
			    (uint64_t)u[n - 1] << 16;
		else
			return 1;
		return text_ge_cc(x) == 0;
	}
	if (n <= 16 && ((text_load64(u) | text_load64(u + n - 8)) &
	    TEXT_HIGH) == 0)
		return 1;
	for (p = 0;; p += 8) {
		if (p + 9 > n)
			p = n - 9;
		x = text_load64(u + p);
		y = text_load64(u + p + 1);
		if (text_bad_lead(x, y) != 0)
			return 0;
		if (p + 9 >= n)
			break;
	}
	return u[n - 2] < 0xcc && u[n - 1] < 0xcc;
}

/* text_nfc_copy_long is text_nfc_copy_quick for n >= 9, out of line. */
int text_nfc_copy_long(char *d, const char *s, size_t n);

/* text_nfc_copy_quick copies s[0..n) to d[0..n) and returns 1 when
 * text_nfc_quick(s, n), else returns 0, d[0..n) overwritten or not: the
 * check and the copy in one pass, each word stored once looked at.  d
 * must have room for n bytes; no byte outside s[0..n) and d[0..n) is
 * read or written. */
static inline __attribute__((always_inline)) int
text_nfc_copy_quick(char *d, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	uint64_t x, y;
	uint32_t a, b;

	if (n < 9) {
		if (n >= 4) {
			memcpy(&a, u, 4);
			memcpy(&b, u + n - 4, 4);
			if (text_ge_cc(a | (uint64_t)b << 32) != 0)
				return 0;
			memcpy(d, &a, 4);
			memcpy(d + n - 4, &b, 4);
		} else if (n > 0) {
			if (text_ge_cc(u[0] | (uint64_t)u[n / 2] << 8 |
			    (uint64_t)u[n - 1] << 16) != 0)
				return 0;
			d[0] = s[0];
			d[n / 2] = s[n / 2];
			d[n - 1] = s[n - 1];
		}
		return 1;
	}
	if (n <= 16 && (((x = text_load64(u)) |
	    (y = text_load64(u + n - 8))) & TEXT_HIGH) == 0) {
		memcpy(d, &x, 8);
		memcpy(d + n - 8, &y, 8);
		return 1;
	}
	if (n <= 17) {		/* two words: from 0, and to the end */
		x = text_load64(u);
		y = text_load64(u + n - 9);
		if ((text_bad_lead(x, text_load64(u + 1)) |
		    text_bad_lead(y, text_load64(u + n - 8))) != 0 ||
		    u[n - 2] >= 0xcc || u[n - 1] >= 0xcc)
			return 0;
		memcpy(d, &x, 8);
		memcpy(d + n - 9, &y, 8);
		d[n - 1] = s[n - 1];
		return 1;
	}
	return text_nfc_copy_long(d, s, n);
}

/* text_nfc_put_quick appends s[0..n) to out and returns 1 when
 * text_nfc_quick(s, n), else appends nothing and returns 0. */
static inline __attribute__((always_inline)) int
text_nfc_put_quick(struct buf *out, const char *s, size_t n)
{
	if (out->cap - out->len <= n) {
		if (!text_nfc_quick(s, n))
			return 0;
		buf_put(out, s, n);
		return 1;
	}
	if (!text_nfc_copy_quick(out->p + out->len, s, n)) {
		out->p[out->len] = '\0';
		return 0;
	}
	out->len += n;
	out->p[out->len] = '\0';
	return 1;
}

/* text_fold_key appends the loose-matching key of s: compatibility
 * decomposition, case folding, diacritics removed (đ -> d), every run of
 * characters that are not letters or digits turned into one space, trimmed.
 * "Số HS tốt nghiệp", "so hs  tot-nghiep" and "SỐ HS TỐT NGHIỆP" share the
 * key "so hs tot nghiep". */
void text_fold_key(struct buf *out, const char *s, size_t n);

/* text_trim returns s[0..n) without leading and trailing white space
 * (ASCII space, TAB, U+00A0, U+FEFF) by adjusting *s and *n.  Inline: most
 * values start and end with none of the bytes white space starts (bit 1
 * of text_trim_edge) and ends (bit 2) with, and go no further;
 * text_trim_ends trims the others. */
extern const unsigned char text_trim_edge[256];
void text_trim_ends(const char **s, size_t *n);

static inline void
text_trim(const char **s, size_t *n)
{
	const unsigned char *u = (const unsigned char *)*s;

	const char *t;
	size_t m;

	/* Copies, so that the caller's text and length need not be kept
	 * in memory for text_trim_ends (they are when their address is
	 * taken). */
	if (*n > 0 && ((text_trim_edge[u[0]] & 1) |
	    (text_trim_edge[u[*n - 1]] & 2)) != 0) {
		t = *s;
		m = *n;
		text_trim_ends(&t, &m);
		*s = t;
		*n = m;
	}
}

/* text_width returns the display width of valid UTF-8 s[0..n): combining
 * marks count 0, East Asian wide characters 2, others 1. */
size_t text_width(const char *s, size_t n);

/* text_casefold appends s in NFC with full Unicode case folding ("ĐỨC
 * HÒA" -> "đức hòa", "ß" -> "ss"): the form to compare text in when case
 * does not matter.  Diacritics are kept. */
void text_casefold(struct buf *out, const char *s, size_t n);

/* text_space_collapse appends s with every run of white space turned into
 * one ASCII space and none at either end.  White space is ASCII space,
 * TAB, CR, LF, VT, FF, U+0085, every Unicode space separator (U+00A0 NO-
 * BREAK SPACE, U+2000..U+200A, U+202F, U+205F, U+3000, U+1680), U+2028,
 * U+2029 and the invisible U+200B and U+FEFF.  Nothing else is changed;
 * invalid UTF-8 bytes are copied as they are. */
void text_space_collapse(struct buf *out, const char *s, size_t n);

/* Where a Vietnamese syllable with two vowels and no final consonant
 * carries its tone mark when the pair is "oa", "oe" or "uy": the classic
 * style writes hòa, khỏe, thủy; the new style hoà, khoẻ, thuỷ.  Every other
 * syllable is written the same way in both styles. */
enum text_tone { TEXT_TONE_OLD, TEXT_TONE_NEW };

/* text_tone_place appends s in NFC with the tone mark (grave, acute, tilde,
 * hook above, dot below) of every Vietnamese syllable moved to the vowel
 * where style puts it: on the vowel with a quality mark (â ă ê ô ơ ư; in
 * "ươ" the ơ), else on the only vowel, else the middle one of three, else
 * the second of two before a final consonant, else the first of two except
 * "oa", "oe", "uy" in TEXT_TONE_NEW; "qu" and "gi" before a vowel count as
 * consonants.  The old and the new spelling of a syllable thus become the
 * same text ("hoà" -> "hòa" in TEXT_TONE_OLD), while the letters and the
 * tone itself never change (Thạnh stays Thạnh, Thanh stays Thanh).  A run
 * of letters with no vowel, more than one tone mark, a tone on a consonant
 * or more than 16 letters is left as it is (it is not a Vietnamese
 * syllable).  s must be valid UTF-8. */
void text_tone_place(struct buf *out, const char *s, size_t n,
    enum text_tone style);

/* text_ascii_fold appends s with its diacritics removed and đ/Đ turned
 * into d/D (utf8proc's mark stripping alone leaves đ, a letter of its
 * own): "Đức Hòa" -> "Duc Hoa".  Case, spacing and punctuation are kept;
 * a Vietnamese text comes out as ASCII.  s must be valid UTF-8. */
void text_ascii_fold(struct buf *out, const char *s, size_t n);

/* text_has_diacritics: s (valid UTF-8) has a combining mark in its
 * canonical decomposition, or a đ/Đ.  "Duc Hoa" has none, "Đuc Hoa" has. */
int text_has_diacritics(const char *s, size_t n);

/* text_match_key appends the key under which two spellings of a name are
 * the same name: white space collapsed (text_space_collapse), case folded
 * in NFC (text_casefold), tone marks in the classic place (text_tone_place,
 * TEXT_TONE_OLD).  " ĐỨC HOÀ " with a U+00A0 between the words and "Đức
 * Hòa" share the key "đức hòa"; "Thạnh Hóa" and "Thanh Hóa" do not.
 * Diacritics and punctuation are kept.  s must be valid UTF-8. */
void text_match_key(struct buf *out, const char *s, size_t n);

/* text_edit_distance returns the Damerau-Levenshtein distance (optimal
 * string alignment: insertions, deletions, substitutions and swaps of two
 * neighbours, each costing 1) between valid UTF-8 a and b, counted in
 * code points.  Memory is linear in the length of b. */
size_t text_edit_distance(const char *a, size_t na, const char *b,
    size_t nb);

/* text_show appends s[0..n) fit to quote in a message: valid UTF-8 as it
 * is, TAB, LF, CR and backslash as \t \n \r \\, other control bytes and
 * every byte that is not valid UTF-8 as \xHH.  "M\xf4c" (Windows-1258) is
 * shown as the six characters M\xF4c. */
void text_show(struct buf *out, const char *s, size_t n);

#endif
