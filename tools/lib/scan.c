/* scan — byte searches, three forms each: see scan.h.
 *
 * The word form tests eight bytes at once: for each byte of x equal to c,
 * eq8 sets that byte's high bit, exactly (the sum never carries from one
 * byte into the next, so there are no false hits as in the classic
 * "has a zero byte" test).  The SSE2 form compares sixteen bytes at once.
 * Both end on a last step that overlaps the one before it, so that they
 * never read beyond s[n - 1], and hand inputs shorter than their step to
 * the next smaller form.  The bytes counted in *flags may be looked at
 * twice in the overlap; positions never are (the mask is shifted). */
#include <stdint.h>
#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && defined(__GNUC__) && !defined(SCAN_NO_AVX2)
#define SCAN_AVX2	1
#include <immintrin.h>
#endif

#include "scan.h"

#define ALWAYS	static inline __attribute__((always_inline))

/* What scan_csv tells: the quotes are among the offsets. */
#define CSV_CLASSES	(SCAN_NUL | SCAN_TAB | SCAN_LF | SCAN_CR | \
    SCAN_BACKSLASH | SCAN_HIGH)

#define W01	0x0101010101010101ULL
#define W7F	0x7f7f7f7f7f7f7f7fULL
#define W80	0x8080808080808080ULL

/* ---- the reference: one byte at a time ---- */

static unsigned
class_of(unsigned char c)
{
	switch (c) {
	case '\0': return SCAN_NUL;
	case '\t': return SCAN_TAB;
	case '\n': return SCAN_LF;
	case '\r': return SCAN_CR;
	case '\\': return SCAN_BACKSLASH;
	case '"':  return SCAN_QUOTE;
	default:   return c >= 0x80 ? SCAN_HIGH : 0;
	}
}

size_t
scan_esc_ref(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] == '\t' || s[i] == '\n' || s[i] == '\r' ||
		    s[i] == '\\')
			break;
	return i;
}

/* find_ref stores the offsets of the bytes a or b, and reports the
 * classes in want. */
static size_t
find_ref(const char *s, size_t n, unsigned char a, unsigned char b,
    unsigned want, size_t *pos, size_t max, unsigned *flags)
{
	size_t i, k = 0;
	unsigned fl = 0;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		fl |= class_of(c) & want;
		if (c == a || c == b) {
			if (k < max)
				pos[k] = i;
			k++;
		}
	}
	*flags = fl;
	return k;
}

size_t
scan_tabs_ref(const char *s, size_t n, size_t *pos, size_t max,
    unsigned *flags)
{
	return find_ref(s, n, '\t', '\t', SCAN_NUL | SCAN_CR | SCAN_BACKSLASH,
	    pos, max, flags);
}

size_t
scan_csv_ref(const char *s, size_t n, char delim, size_t *pos, size_t max,
    unsigned *flags)
{
	size_t k = find_ref(s, n, (unsigned char)delim, '"', CSV_CLASSES,
	    pos, max, flags);

	if ((*flags & SCAN_HIGH) && !scan_utf8_ref(s, n))
		*flags |= SCAN_UTF8X;
	return k;
}

size_t
scan_ascii_ref(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80)
			break;
	return i;
}

uint64_t
scan_high_ref(const char *s, size_t n)
{
	uint64_t m = 0;
	size_t i;

	for (i = 0; i < n && i < 64; i++)
		if ((unsigned char)s[i] >= 0x80)
			m |= 1ULL << i;
	return m;
}

int
scan_utf8_ref(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, k, j;

	while (i < n) {
		if (u[i] < 0x80) {
			i++;
			continue;
		}
		if (u[i] < 0xc2 || u[i] == 0xe0 || u[i] == 0xed || u[i] >= 0xf0)
			return 0;
		k = u[i] < 0xe0 ? 2 : 3;
		if (n - i < k)
			return 0;
		for (j = 1; j < k; j++)
			if ((u[i + j] & 0xc0) != 0x80)
				return 0;
		i += k;
	}
	return 1;
}

/* utf8_window checks a window of w <= 64 bytes by its masks: h, the bytes
 * of 0x80 and above; g, of 0xC0 and above (leads); t, of 0xE0 and above
 * (three-byte leads); x, the leads scan_utf8 leaves to a full check.  A
 * lead of two bytes wants a continuation byte after it, one of three two:
 * the window is well formed when the bytes wanted (and those the window
 * before wants, *carry) are exactly its continuation bytes.  *carry gets
 * what it wants of the next window.  1 when well formed. */
ALWAYS int
utf8_window(uint64_t h, uint64_t g, uint64_t t, uint64_t x, size_t w,
    uint64_t *carry)
{
	uint64_t want = (g << 1) | (t << 2) | *carry;

	if (x != 0)
		return 0;
	*carry = (g >> 63) | (t >> 62);
	if (w < 64) {
		if (want >> w != 0)
			return 0;	/* a character cut short by the end */
		*carry = 0;
	}
	return want == (h & ~g);
}

/* ---- eight bytes a word ---- */

ALWAYS uint64_t
load8(const char *p)
{
	uint64_t x;

	memcpy(&x, p, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	x = __builtin_bswap64(x);	/* byte 0 in the low bits */
#endif
	return x;
}

ALWAYS uint64_t
eq8(uint64_t x, unsigned char c)
{
	uint64_t y = x ^ (W01 * c);

	return ~(((y & W7F) + W7F) | y | W7F);
}

/* classes8 ORs into acc[] the bytes of x in each class of want. */
ALWAYS void
classes8(uint64_t x, unsigned want, uint64_t acc[7])
{
	if (want & SCAN_NUL)
		acc[0] |= eq8(x, '\0');
	if (want & SCAN_TAB)
		acc[1] |= eq8(x, '\t');
	if (want & SCAN_LF)
		acc[2] |= eq8(x, '\n');
	if (want & SCAN_CR)
		acc[3] |= eq8(x, '\r');
	if (want & SCAN_BACKSLASH)
		acc[4] |= eq8(x, '\\');
	if (want & SCAN_QUOTE)
		acc[5] |= eq8(x, '"');
	if (want & SCAN_HIGH)
		acc[6] |= x & W80;
}

ALWAYS unsigned
classes_of(const uint64_t acc[7])
{
	unsigned fl = 0, k;

	for (k = 0; k < 7; k++)
		if (acc[k] != 0)
			fl |= 1u << k;
	return fl;
}

/* positions8 stores base + the offset of each byte whose high bit is set
 * in m. */
ALWAYS size_t
positions8(uint64_t m, size_t base, size_t *pos, size_t max, size_t k)
{
	while (m != 0) {
		if (k < max)
			pos[k] = base + (size_t)__builtin_ctzll(m) / 8;
		k++;
		m &= m - 1;
	}
	return k;
}

ALWAYS size_t
find_word(const char *s, size_t n, unsigned char a, unsigned char b,
    unsigned want, size_t *pos, size_t max, unsigned *flags)
{
	uint64_t acc[7] = { 0 }, x;
	size_t i, k = 0;

	if (n < 8) {
		/* Fewer bytes than a word: the reference's loop. */
		return find_ref(s, n, a, b, want, pos, max, flags);
	}
	for (i = 0; i + 8 <= n; i += 8) {
		x = load8(s + i);
		classes8(x, want, acc);
		k = positions8(eq8(x, a) | eq8(x, b), i, pos, max, k);
	}
	if (i < n) {
		/* The last word overlaps the one before: its first bytes
		 * were done. */
		size_t j = n - 8;

		x = load8(s + j);
		classes8(x, want, acc);
		k = positions8((eq8(x, a) | eq8(x, b)) >> (8 * (i - j)), i, pos,
		    max, k);
	}
	*flags = classes_of(acc);
	return k;
}

ALWAYS uint64_t
esc8(uint64_t x)
{
	return eq8(x, '\t') | eq8(x, '\n') | eq8(x, '\r') | eq8(x, '\\');
}

ALWAYS size_t
esc_word(const char *s, size_t n)
{
	uint64_t m;
	size_t i;

	if (n < 8)
		return scan_esc_ref(s, n);
	for (i = 0; i + 8 <= n; i += 8)
		if ((m = esc8(load8(s + i))) != 0)
			return i + (size_t)__builtin_ctzll(m) / 8;
	if (i < n && (m = esc8(load8(s + n - 8)) >> (8 * (i - (n - 8)))) != 0)
		return i + (size_t)__builtin_ctzll(m) / 8;
	return n;
}

ALWAYS size_t
ascii_word(const char *s, size_t n)
{
	uint64_t m;
	size_t i;

	if (n < 8)
		return scan_ascii_ref(s, n);
	for (i = 0; i + 8 <= n; i += 8)
		if ((m = load8(s + i) & W80) != 0)
			return i + (size_t)__builtin_ctzll(m) / 8;
	if (i < n && (m = (load8(s + n - 8) & W80) >> (8 * (i - (n - 8)))) != 0)
		return i + (size_t)__builtin_ctzll(m) / 8;
	return n;
}

/* high8 gathers the high bits of x's bytes into 8 bits, byte i's in bit
 * i: the multiplier moves each to its place in the top byte, and no two
 * of its products meet, so nothing carries. */
ALWAYS uint64_t
high8(uint64_t x)
{
	return ((x & W80) * 0x0002040810204081ULL) >> 56;
}

ALWAYS uint64_t
high_word(const char *s, size_t n)
{
	uint64_t m = 0;
	size_t i;

	if (n > 64)
		n = 64;
	if (n < 8)
		return scan_high_ref(s, n);
	for (i = 0; i + 8 <= n; i += 8)
		m |= high8(load8(s + i)) << i;
	if (i < n)
		m |= (high8(load8(s + n - 8)) >> (i - (n - 8))) << i;
	return m;
}

uint64_t
scan_high_word(const char *s, size_t n)
{
	return high_word(s, n);
}

/* ge8 sets the high bit of each byte of x that is c or above (c has its
 * high bit set): the byte's high bit, and the carry into it when what its
 * low seven bits lack of c's is added to them (never beyond the byte). */
ALWAYS uint64_t
ge8(uint64_t x, unsigned char c)
{
	return x & ((x & W7F) + W01 * (0x80u - (c & 0x7fu))) & W80;
}

/* masks_word fills the masks utf8_window takes for s[0..w), w <= 64. */
ALWAYS void
masks_word(const char *s, size_t w, uint64_t m[4])
{
	uint64_t x, k[4];
	size_t i, j, sh;

	m[0] = m[1] = m[2] = m[3] = 0;
	for (i = 0; i < w; i += 8) {
		if (w - i >= 8) {
			x = load8(s + i);
			sh = 0;
		} else if (w >= 8) {
			x = load8(s + w - 8);	/* overlapping the one before */
			sh = i - (w - 8);
		} else {
			for (j = 0; j < w; j++) {
				unsigned char c = (unsigned char)s[j];

				m[0] |= (uint64_t)(c >= 0x80) << j;
				m[1] |= (uint64_t)(c >= 0xc0) << j;
				m[2] |= (uint64_t)(c >= 0xe0) << j;
				m[3] |= (uint64_t)(c == 0xc0 || c == 0xc1 ||
				    c == 0xe0 || c == 0xed || c >= 0xf0) << j;
			}
			return;
		}
		k[0] = x & W80;
		k[1] = ge8(x, 0xc0);
		k[2] = ge8(x, 0xe0);
		k[3] = eq8(x & ~W01, 0xc0) | eq8(x, 0xe0) | eq8(x, 0xed) |
		    ge8(x, 0xf0);
		for (j = 0; j < 4; j++)
			m[j] |= (high8(k[j]) >> sh) << i;
	}
}

int
scan_utf8_word(const char *s, size_t n)
{
	uint64_t m[4], carry = 0;
	size_t i, w;

	for (i = 0; i < n; i += w) {
		w = n - i < 64 ? n - i : 64;
		masks_word(s + i, w, m);
		if (!utf8_window(m[0], m[1], m[2], m[3], w, &carry))
			return 0;
	}
	return carry == 0;
}

size_t
scan_esc_word(const char *s, size_t n)
{
	return esc_word(s, n);
}

size_t
scan_tabs_word(const char *s, size_t n, size_t *pos, size_t max,
    unsigned *flags)
{
	return find_word(s, n, '\t', '\t', SCAN_NUL | SCAN_CR |
	    SCAN_BACKSLASH, pos, max, flags);
}

size_t
scan_csv_word(const char *s, size_t n, char delim, size_t *pos, size_t max,
    unsigned *flags)
{
	size_t k = find_word(s, n, (unsigned char)delim, '"', CSV_CLASSES,
	    pos, max, flags);

	if ((*flags & SCAN_HIGH) && !scan_utf8_word(s, n))
		*flags |= SCAN_UTF8X;
	return k;
}

size_t
scan_ascii_word(const char *s, size_t n)
{
	return ascii_word(s, n);
}

/* ---- sixteen bytes, SSE2 ---- */

#if defined(__SSE2__)

ALWAYS __m128i
load16(const char *p)
{
	return _mm_loadu_si128((const __m128i *)(const void *)p);
}

ALWAYS __m128i
eq16(__m128i v, unsigned char c)
{
	return _mm_cmpeq_epi8(v, _mm_set1_epi8((char)c));
}

/* rare16 marks the bytes of v in the classes of want but SCAN_HIGH (and
 * with every control class wanted, the other controls below CR too: a
 * mark only sends the flags to be told exactly, a byte at a time). */
ALWAYS __m128i
rare16(__m128i v, unsigned want)
{
	const unsigned ctl = SCAN_NUL | SCAN_TAB | SCAN_LF | SCAN_CR;
	__m128i m = _mm_setzero_si128();

	if ((want & ctl) == ctl)	/* v <= CR, unsigned */
		m = _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8('\r')), v);
	else {
		if (want & SCAN_NUL)
			m = _mm_or_si128(m, eq16(v, '\0'));
		if (want & SCAN_TAB)
			m = _mm_or_si128(m, eq16(v, '\t'));
		if (want & SCAN_LF)
			m = _mm_or_si128(m, eq16(v, '\n'));
		if (want & SCAN_CR)
			m = _mm_or_si128(m, eq16(v, '\r'));
	}
	if (want & SCAN_BACKSLASH)
		m = _mm_or_si128(m, eq16(v, '\\'));
	if (want & SCAN_QUOTE)
		m = _mm_or_si128(m, eq16(v, '"'));
	return m;
}

ALWAYS size_t
positions16(unsigned m, size_t base, size_t *pos, size_t max, size_t k)
{
	while (m != 0) {
		if (k < max)
			pos[k] = base + (size_t)__builtin_ctz(m);
		k++;
		m &= m - 1;
	}
	return k;
}

ALWAYS unsigned
match16(__m128i v, unsigned char a, unsigned char b)
{
	return (unsigned)_mm_movemask_epi8(_mm_or_si128(eq16(v, a),
	    eq16(v, b)));
}

/* find_sse2 keeps two marks: the bytes above 0x7f, common in Vietnamese
 * text, and all the other classes together, which are rare; only when
 * that one is set are the classes told apart, by the reference. */
ALWAYS size_t
find_sse2(const char *s, size_t n, unsigned char a, unsigned char b,
    unsigned want, size_t *pos, size_t max, unsigned *flags)
{
	__m128i high = _mm_setzero_si128(), rare = _mm_setzero_si128(), v;
	size_t i, k = 0;
	unsigned fl = 0;

	if (n < 16)
		return find_word(s, n, a, b, want, pos, max, flags);
	for (i = 0; i + 16 <= n; i += 16) {
		v = load16(s + i);
		high = _mm_or_si128(high, v);
		rare = _mm_or_si128(rare, rare16(v, want));
		k = positions16(match16(v, a, b), i, pos, max, k);
	}
	if (i < n) {
		size_t j = n - 16;

		v = load16(s + j);
		high = _mm_or_si128(high, v);
		rare = _mm_or_si128(rare, rare16(v, want));
		k = positions16(match16(v, a, b) >> (i - j), i, pos, max, k);
	}
	if (_mm_movemask_epi8(rare) != 0)
		find_ref(s, n, a, b, want & ~SCAN_HIGH, NULL, 0, &fl);
	if ((want & SCAN_HIGH) && _mm_movemask_epi8(high) != 0)
		fl |= SCAN_HIGH;
	*flags = fl;
	return k;
}

ALWAYS unsigned
esc16(__m128i v)
{
	return (unsigned)_mm_movemask_epi8(_mm_or_si128(
	    _mm_or_si128(eq16(v, '\t'), eq16(v, '\n')),
	    _mm_or_si128(eq16(v, '\r'), eq16(v, '\\'))));
}

/* first16 is the offset of the first byte of s[0..n) in esc16's set
 * (esc) or of 0x80 and above (not esc), or n. */
ALWAYS size_t
first16(const char *s, size_t n, int esc)
{
	unsigned m;
	size_t i;

#define MASK16(v)	(esc ? esc16(v) : (unsigned)_mm_movemask_epi8(v))
	if (n < 16)
		return esc ? esc_word(s, n) : ascii_word(s, n);
	for (i = 0; i + 16 <= n; i += 16)
		if ((m = MASK16(load16(s + i))) != 0)
			return i + (size_t)__builtin_ctz(m);
	if (i < n && (m = MASK16(load16(s + n - 16)) >> (i - (n - 16))) != 0)
		return i + (size_t)__builtin_ctz(m);
	return n;
#undef MASK16
}

static size_t
esc_sse2(const char *s, size_t n)
{
	return first16(s, n, 1);
}

static uint64_t
high_sse2(const char *s, size_t n)
{
	uint64_t m = 0;
	size_t i;

	if (n > 64)
		n = 64;
	if (n < 16)
		return high_word(s, n);
	for (i = 0; i + 16 <= n; i += 16)
		m |= (uint64_t)(unsigned)_mm_movemask_epi8(load16(s + i)) << i;
	if (i < n)
		m |= (uint64_t)((unsigned)_mm_movemask_epi8(load16(s + n -
		    16)) >> (i - (n - 16))) << i;
	return m;
}

/* utf8_block checks the block v the same way as utf8_window does, in
 * the vector registers: the leads of two bytes and more (g) and of three
 * (t), shifted to the bytes they want (with the last bytes of the block
 * before, *pg and *pt), must be v's continuation bytes; the bytes that
 * are not so, and the leads for a full check, go into *bad. */
ALWAYS void
utf8_block(__m128i v, __m128i *pg, __m128i *pt, __m128i *bad)
{
	/* Signed, C0..FF is -64..-1 and 80..BF below -64. */
	__m128i neg = _mm_cmpgt_epi8(_mm_setzero_si128(), v);
	__m128i g = _mm_and_si128(neg, _mm_cmpgt_epi8(v, _mm_set1_epi8(-65)));
	__m128i t = _mm_and_si128(neg, _mm_cmpgt_epi8(v, _mm_set1_epi8(-33)));
	__m128i cont = _mm_cmplt_epi8(v, _mm_set1_epi8(-64));
	__m128i want = _mm_or_si128(
	    _mm_or_si128(_mm_slli_si128(g, 1), _mm_srli_si128(*pg, 15)),
	    _mm_or_si128(_mm_slli_si128(t, 2), _mm_srli_si128(*pt, 14)));
	/* For a full check: C0, C1, E0, ED, and F0..FF (-16..-1). */
	__m128i x = _mm_or_si128(_mm_or_si128(eq16(_mm_and_si128(v,
	    _mm_set1_epi8((char)0xfe)), 0xc0), eq16(v, 0xe0)),
	    _mm_or_si128(eq16(v, 0xed), _mm_and_si128(neg,
	    _mm_cmpgt_epi8(v, _mm_set1_epi8(-17)))));

	*bad = _mm_or_si128(*bad, _mm_or_si128(_mm_xor_si128(want, cont), x));
	*pg = g;
	*pt = t;
}

static int
utf8_sse2(const char *s, size_t n)
{
	__m128i g = _mm_setzero_si128(), t = g, bad = g;
	char pad[16];
	size_t i;

	for (i = 0; i + 16 <= n; i += 16)
		utf8_block(load16(s + i), &g, &t, &bad);
	/* The last bytes in a block of zeros, which want nothing and are no
	 * continuation: a character cut short by the end shows. */
	memset(pad, 0, sizeof pad);
	if (n > i)
		memcpy(pad, s + i, n - i);
	utf8_block(load16(pad), &g, &t, &bad);
	return _mm_movemask_epi8(bad) == 0;
}

static size_t
ascii_sse2(const char *s, size_t n)
{
	return first16(s, n, 0);
}

static size_t
tabs_sse2(const char *s, size_t n, size_t *pos, size_t max, unsigned *flags)
{
	return find_sse2(s, n, '\t', '\t', SCAN_NUL | SCAN_CR |
	    SCAN_BACKSLASH, pos, max, flags);
}

static size_t
csv_sse2(const char *s, size_t n, char delim, size_t *pos, size_t max,
    unsigned *flags)
{
	size_t k;

	/* A TSV's TABs are in every line: not a rare class there. */
	if (delim == '\t') {
		k = find_sse2(s, n, '\t', '"', CSV_CLASSES & ~SCAN_TAB, pos,
		    max, flags);
		if (memchr(s, '\t', n) != NULL)
			*flags |= SCAN_TAB;
	} else
		k = find_sse2(s, n, (unsigned char)delim, '"', CSV_CLASSES,
		    pos, max, flags);
	if ((*flags & SCAN_HIGH) && !utf8_sse2(s, n))
		*flags |= SCAN_UTF8X;
	return k;
}

#endif	/* __SSE2__ */

/* ---- thirty-two bytes, AVX2, where the processor has it ----
 *
 * Compiled for AVX2 function by function (target attributes), so that
 * the program still runs on any x86-64; scan_simd picks the form once, by
 * what the processor says it has.  The last bytes of a line, fewer than a
 * block, are copied into a block of zeros: its positions and classes are
 * masked to the bytes that are s's, and its zeros end the UTF-8 check
 * (they want nothing and are no continuation, so a character cut short
 * by the end shows). */

#if defined(SCAN_AVX2)

#define AVX2	static inline __attribute__((always_inline, target("avx2")))
#define AVX2FN	static __attribute__((target("avx2")))

AVX2 __m256i
load32(const char *p)
{
	return _mm256_loadu_si256((const __m256i *)(const void *)p);
}

AVX2 __m256i
eq32(__m256i v, unsigned char c)
{
	return _mm256_cmpeq_epi8(v, _mm256_set1_epi8((char)c));
}

/* rare32 is rare16 on 32 bytes. */
AVX2 __m256i
rare32(__m256i v, unsigned want)
{
	const unsigned ctl = SCAN_NUL | SCAN_TAB | SCAN_LF | SCAN_CR;
	__m256i m = _mm256_setzero_si256();

	if ((want & ctl) == ctl)	/* v <= CR, unsigned */
		m = _mm256_cmpeq_epi8(_mm256_min_epu8(v,
		    _mm256_set1_epi8('\r')), v);
	else {
		if (want & SCAN_NUL)
			m = _mm256_or_si256(m, eq32(v, '\0'));
		if (want & SCAN_TAB)
			m = _mm256_or_si256(m, eq32(v, '\t'));
		if (want & SCAN_LF)
			m = _mm256_or_si256(m, eq32(v, '\n'));
		if (want & SCAN_CR)
			m = _mm256_or_si256(m, eq32(v, '\r'));
	}
	if (want & SCAN_BACKSLASH)
		m = _mm256_or_si256(m, eq32(v, '\\'));
	if (want & SCAN_QUOTE)
		m = _mm256_or_si256(m, eq32(v, '"'));
	return m;
}

AVX2 uint32_t
mask32(__m256i v)
{
	return (uint32_t)_mm256_movemask_epi8(v);
}

AVX2 size_t
positions32(uint32_t m, size_t base, size_t *pos, size_t max, size_t k)
{
	while (m != 0) {
		if (k < max)
			pos[k] = base + (size_t)__builtin_ctz(m);
		k++;
		m &= m - 1;
	}
	return k;
}

/* before1 and before2 are v moved up by one and two bytes, the last
 * bytes of p (the block before) coming in at the bottom. */
AVX2 __m256i
before1(__m256i v, __m256i p)
{
	return _mm256_alignr_epi8(v, _mm256_permute2x128_si256(p, v, 0x21),
	    15);
}

AVX2 __m256i
before2(__m256i v, __m256i p)
{
	return _mm256_alignr_epi8(v, _mm256_permute2x128_si256(p, v, 0x21),
	    14);
}

/* utf8_block32 is utf8_block on 32 bytes. */
AVX2 void
utf8_block32(__m256i v, __m256i *pg, __m256i *pt, __m256i *bad)
{
	__m256i neg = _mm256_cmpgt_epi8(_mm256_setzero_si256(), v);
	__m256i g = _mm256_and_si256(neg, _mm256_cmpgt_epi8(v,
	    _mm256_set1_epi8(-65)));
	__m256i t = _mm256_and_si256(neg, _mm256_cmpgt_epi8(v,
	    _mm256_set1_epi8(-33)));
	__m256i cont = _mm256_cmpgt_epi8(_mm256_set1_epi8(-64), v);
	__m256i want = _mm256_or_si256(before1(g, *pg), before2(t, *pt));
	__m256i x = _mm256_or_si256(_mm256_or_si256(eq32(_mm256_and_si256(v,
	    _mm256_set1_epi8((char)0xfe)), 0xc0), eq32(v, 0xe0)),
	    _mm256_or_si256(eq32(v, 0xed), _mm256_and_si256(neg,
	    _mm256_cmpgt_epi8(v, _mm256_set1_epi8(-17)))));

	*bad = _mm256_or_si256(*bad, _mm256_or_si256(_mm256_xor_si256(want,
	    cont), x));
	*pg = g;
	*pt = t;
}

/* last32 loads s[0..r), r < 32, into a block of zeros. */
AVX2 __m256i
last32(const char *s, size_t r)
{
	char pad[32];

	memset(pad, 0, sizeof pad);
	memcpy(pad, s, r);
	return load32(pad);
}

/* find_avx2 is find_sse2 on 32 bytes, with the UTF-8 check of scan_utf8
 * in the same pass when utf8 is set (SCAN_UTF8X). */
AVX2 size_t
find_avx2(const char *s, size_t n, unsigned char a, unsigned char b,
    unsigned want, int utf8, size_t *pos, size_t max, unsigned *flags)
{
	__m256i high = _mm256_setzero_si256(), rare = high, g = high,
	    t = high, bad = high, v;
	size_t i, k = 0, r;
	uint32_t tail;
	unsigned fl = 0;

	for (i = 0; i + 32 <= n; i += 32) {
		v = load32(s + i);
		high = _mm256_or_si256(high, v);
		rare = _mm256_or_si256(rare, rare32(v, want));
		k = positions32(mask32(_mm256_or_si256(eq32(v, a), eq32(v, b))),
		    i, pos, max, k);
		if (utf8)
			utf8_block32(v, &g, &t, &bad);
	}
	r = n - i;
	v = last32(s + i, r);
	tail = r == 0 ? 0 : UINT32_MAX >> (32 - r);
	high = _mm256_or_si256(high, v);
	k = positions32(mask32(_mm256_or_si256(eq32(v, a), eq32(v, b))) &
	    tail, i, pos, max, k);
	if ((mask32(rare) | (mask32(rare32(v, want)) & tail)) != 0)
		find_ref(s, n, a, b, want & ~SCAN_HIGH, NULL, 0, &fl);
	if ((want & SCAN_HIGH) && mask32(high) != 0) {
		fl |= SCAN_HIGH;
		if (utf8) {
			utf8_block32(v, &g, &t, &bad);
			if (r > 30)	/* the tail's last bytes want too */
				utf8_block32(_mm256_setzero_si256(), &g, &t,
				    &bad);
			if (mask32(bad) != 0)
				fl |= SCAN_UTF8X;
		}
	}
	*flags = fl;
	return k;
}

AVX2FN size_t
csv_avx2(const char *s, size_t n, char delim, size_t *pos, size_t max,
    unsigned *flags)
{
	size_t k;

	if (delim == '\t') {
		k = find_avx2(s, n, '\t', '"', CSV_CLASSES & ~SCAN_TAB, 1, pos,
		    max, flags);
		if (memchr(s, '\t', n) != NULL)
			*flags |= SCAN_TAB;
		return k;
	}
	return find_avx2(s, n, (unsigned char)delim, '"', CSV_CLASSES, 1, pos,
	    max, flags);
}

AVX2FN size_t
tabs_avx2(const char *s, size_t n, size_t *pos, size_t max, unsigned *flags)
{
	return find_avx2(s, n, '\t', '\t', SCAN_NUL | SCAN_CR |
	    SCAN_BACKSLASH, 0, pos, max, flags);
}

AVX2FN int
utf8_avx2(const char *s, size_t n)
{
	__m256i g = _mm256_setzero_si256(), t = g, bad = g;
	size_t i;

	for (i = 0; i + 32 <= n; i += 32)
		utf8_block32(load32(s + i), &g, &t, &bad);
	utf8_block32(last32(s + i, n - i), &g, &t, &bad);
	if (n - i > 30)
		utf8_block32(_mm256_setzero_si256(), &g, &t, &bad);
	return mask32(bad) == 0;
}

AVX2 uint32_t
esc32(__m256i v)
{
	return mask32(_mm256_or_si256(_mm256_or_si256(eq32(v, '\t'),
	    eq32(v, '\n')), _mm256_or_si256(eq32(v, '\r'), eq32(v, '\\'))));
}

/* first32 is first16 on 32 bytes. */
AVX2 size_t
first32(const char *s, size_t n, int esc)
{
	uint32_t m;
	size_t i;

#define MASK32(v)	(esc ? esc32(v) : mask32(v))
	if (n < 32)
		return first16(s, n, esc);
	for (i = 0; i + 32 <= n; i += 32)
		if ((m = MASK32(load32(s + i))) != 0)
			return i + (size_t)__builtin_ctz(m);
	if (i < n && (m = MASK32(load32(s + n - 32)) >> (i - (n - 32))) != 0)
		return i + (size_t)__builtin_ctz(m);
	return n;
#undef MASK32
}

AVX2FN size_t
esc_avx2(const char *s, size_t n)
{
	return first32(s, n, 1);
}

AVX2FN size_t
ascii_avx2(const char *s, size_t n)
{
	return first32(s, n, 0);
}

/* csvline_avx2 is scan_csvline in one pass: the line's LF, its
 * delimiters and quotes, its classes and its UTF-8, 32 bytes a step;
 * the block with the LF is masked to the bytes before it (and the UTF-8
 * check to the LF itself, where a character cut short by the line end
 * shows).  The CRs are counted, so that a CRLF line end is told from a
 * CR inside the line without a look at every line byte by byte. */
AVX2FN size_t
csvline_avx2(const char *s, size_t avail, char delim, int utf8,
    size_t *pos, size_t max, unsigned *flags, size_t *len)
{
	const unsigned want = delim == '\t' ? SCAN_NUL | SCAN_BACKSLASH :
	    SCAN_NUL | SCAN_TAB | SCAN_BACKSLASH;
	__m256i high = _mm256_setzero_si256(), rare = high, g = high,
	    t = high, bad = high, v, lb;
	uint32_t valid, lf, md, mq, below, tabs = 0, hl, rl, bl = 0;
	size_t i, k = 0, nl, l, crs = 0;
	unsigned fl = 0;

	for (i = 0;; i += 32) {
		if (i + 32 <= avail) {
			v = load32(s + i);
			valid = UINT32_MAX;
		} else if (i < avail) {
			v = last32(s + i, avail - i);
			valid = UINT32_MAX >> (32 - (avail - i));
		} else {
			*len = 0;
			return 0;
		}
		lf = mask32(eq32(v, '\n')) & valid;
		md = mask32(eq32(v, (unsigned char)delim));
		mq = mask32(eq32(v, '"'));
		if (lf != 0)
			break;
		tabs |= md;
		crs += (size_t)__builtin_popcount(mask32(eq32(v, '\r')));
		high = _mm256_or_si256(high, v);
		rare = _mm256_or_si256(rare, rare32(v, want));
		k = positions32(md | mq, i, pos, max, k);
		if (utf8)
			utf8_block32(v, &g, &t, &bad);
	}
	/* The block with the LF, at its offset b: the bytes before it. */
	nl = i + (size_t)__builtin_ctz(lf);
	below = (lf & -lf) - 1;
	tabs |= md & below;
	crs += (size_t)__builtin_popcount(mask32(eq32(v, '\r')) & below);
	k = positions32((md | mq) & below, i, pos, max, k);
	hl = (mask32(high) != 0) | (mask32(v) & below);
	rl = mask32(rare) | (mask32(rare32(v, want)) & below);
	/* The bad bytes of this block alone, to the LF. */
	if (utf8) {
		lb = _mm256_setzero_si256();
		utf8_block32(v, &g, &t, &lb);
		bl = mask32(bad) | (mask32(lb) & (below | (lf & -lf)));
	}
	/* The line's text ends before its CRLF or LF. */
	l = nl;
	if (l > 0 && s[l - 1] == '\r') {
		l--;
		crs--;
	}
	if (rl != 0)
		find_ref(s, l, (unsigned char)delim, '"', want, NULL, 0, &fl);
	if (crs > 0)
		fl |= SCAN_CR;
	if (delim == '\t' && tabs != 0)
		fl |= SCAN_TAB;
	if (hl != 0) {
		fl |= SCAN_HIGH;
		if (bl != 0)
			fl |= SCAN_UTF8X;
	}
	*flags = fl;
	*len = nl + 1;
	return k;
}

#endif	/* SCAN_AVX2 */

/* ---- the form in use ---- */

/* The level in use, -1 until the first search asks: set once, by
 * whichever thread comes first, to the same value. */
static int level = -1;

int
scan_simd(int want)
{
	int have = 0, now = __atomic_load_n(&level, __ATOMIC_RELAXED);

#if defined(__SSE2__)
	have = 1;
#endif
#if defined(SCAN_AVX2)
	__builtin_cpu_init();
	if (__builtin_cpu_supports("avx2"))
		have = 2;
#endif
	if (want < 0 && now >= 0)
		return now;
	now = want < 0 || want > have ? have : want;
	__atomic_store_n(&level, now, __ATOMIC_RELAXED);
	return now;
}

static inline int
LEVEL(void)
{
	int now = __atomic_load_n(&level, __ATOMIC_RELAXED);

	return now >= 0 ? now : scan_simd(-1);
}

size_t
scan_esc(const char *s, size_t n)
{
	switch (LEVEL()) {
#if defined(SCAN_AVX2)
	case 2: return esc_avx2(s, n);
#endif
#if defined(__SSE2__)
	case 1: return esc_sse2(s, n);
#endif
	default: return esc_word(s, n);
	}
}

size_t
scan_tabs(const char *s, size_t n, size_t *pos, size_t max, unsigned *flags)
{
	switch (LEVEL()) {
#if defined(SCAN_AVX2)
	case 2: return tabs_avx2(s, n, pos, max, flags);
#endif
#if defined(__SSE2__)
	case 1: return tabs_sse2(s, n, pos, max, flags);
#endif
	default: return scan_tabs_word(s, n, pos, max, flags);
	}
}

size_t
scan_csv(const char *s, size_t n, char delim, size_t *pos, size_t max,
    unsigned *flags)
{
	switch (LEVEL()) {
#if defined(SCAN_AVX2)
	case 2: return csv_avx2(s, n, delim, pos, max, flags);
#endif
#if defined(__SSE2__)
	case 1: return csv_sse2(s, n, delim, pos, max, flags);
#endif
	default: return scan_csv_word(s, n, delim, pos, max, flags);
	}
}

size_t
scan_ascii(const char *s, size_t n)
{
	switch (LEVEL()) {
#if defined(SCAN_AVX2)
	case 2: return ascii_avx2(s, n);
#endif
#if defined(__SSE2__)
	case 1: return ascii_sse2(s, n);
#endif
	default: return ascii_word(s, n);
	}
}

uint64_t
scan_high(const char *s, size_t n)
{
#if defined(__SSE2__)
	if (LEVEL() >= 1)
		return high_sse2(s, n);
#endif
	return high_word(s, n);
}

int
scan_utf8(const char *s, size_t n)
{
	switch (LEVEL()) {
#if defined(SCAN_AVX2)
	case 2: return utf8_avx2(s, n);
#endif
#if defined(__SSE2__)
	case 1: return utf8_sse2(s, n);
#endif
	default: return scan_utf8_word(s, n);
	}
}

/* The line scan by its parts: the LF by memchr, then scan_csv (csv). */
static size_t
csvline_parts(size_t (*csv)(const char *, size_t, char, size_t *, size_t,
    unsigned *), const char *s, size_t avail, char delim, int utf8,
    size_t *pos, size_t max, unsigned *flags, size_t *len)
{
	const char *lf = memchr(s, '\n', avail);
	size_t l, k;

	if (lf == NULL) {
		*len = 0;
		return 0;
	}
	*len = (size_t)(lf - s) + 1;
	l = *len - 1;
	if (l > 0 && s[l - 1] == '\r')
		l--;
	k = csv(s, l, delim, pos, max, flags);
	if (!utf8)
		*flags &= ~SCAN_UTF8X;
	return k;
}

size_t
scan_csvline_ref(const char *s, size_t avail, char delim, int utf8,
    size_t *pos, size_t max, unsigned *flags, size_t *len)
{
	return csvline_parts(scan_csv_ref, s, avail, delim, utf8, pos, max,
	    flags, len);
}

size_t
scan_csvline(const char *s, size_t avail, char delim, int utf8, size_t *pos,
    size_t max, unsigned *flags, size_t *len)
{
#if defined(SCAN_AVX2)
	if (LEVEL() == 2 && delim != '\n' && delim != '\r')
		return csvline_avx2(s, avail, delim, utf8, pos, max, flags,
		    len);
#endif
	return csvline_parts(scan_csv, s, avail, delim, utf8, pos, max, flags,
	    len);
}
