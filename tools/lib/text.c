#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "diag.h"
#include "scan.h"
#include "text.h"

/* Code point scratch space, grown as needed, shared by this module. */
static utf8proc_int32_t *cp;
static size_t cpcap;

static void
cp_release(void)
{
	free(cp);
	cp = NULL;
	cpcap = 0;
}

static void
cp_reserve(size_t n)
{
	if (n <= cpcap)
		return;
	if (cp == NULL)
		atexit(cp_release);	/* so valgrind sees nothing left */
	while (cpcap < n)
		cpcap = cpcap ? cpcap * 2 : 256;
	cp = xrealloc(cp, cpcap * sizeof *cp);
}

int
text_is_ascii(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80)
			return 0;
	return 1;
}

int
text_utf8_check_ref(const char *s, size_t n, size_t *bad)
{
	size_t i = 0;
	utf8proc_int32_t c;
	utf8proc_ssize_t k;

	while (i < n) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
		    (utf8proc_ssize_t)(n - i), &c);
		if (k < 0) {
			*bad = i;
			return -1;
		}
		i += (size_t)k;
	}
	return 0;
}

/* cont: a continuation byte, 80..BF. */
#define cont(c)	(((c) & 0xc0) == 0x80)

/* seq_len returns the length of the well-formed sequence u[0..n) begins
 * with (u[0] >= 0x80), or 0: Unicode 3.1's table, as utf8proc has it (no
 * overlong forms, no surrogates, nothing above U+10FFFF). */
static inline size_t
seq_len(const unsigned char *u, size_t n)
{
	unsigned c = u[0];

	if (c < 0xc2 || c > 0xf4)
		return 0;
	if (c < 0xe0)
		return n >= 2 && cont(u[1]) ? 2 : 0;
	if (c < 0xf0)
		return n >= 3 && cont(u[1]) && cont(u[2]) &&
		    (c != 0xe0 || u[1] >= 0xa0) &&
		    (c != 0xed || u[1] <= 0x9f) ? 3 : 0;
	return n >= 4 && cont(u[1]) && cont(u[2]) && cont(u[3]) &&
	    (c != 0xf0 || u[1] >= 0x90) && (c != 0xf4 || u[1] <= 0x8f) ? 4 : 0;
}

/* seq_len_fast is seq_len with the two- and three-byte sequences of
 * Vietnamese text told by masks over four bytes at once: a lead, then
 * continuation bytes; E0 with a second byte below A0 is overlong, and ED
 * with one above 9F a surrogate (bit 5 of the second byte tells). */
static inline size_t
seq_len_fast(const unsigned char *u, size_t n)
{
	uint32_t w, t;

	if (n < 4)
		return seq_len(u, n);
	memcpy(&w, u, 4);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	w = __builtin_bswap32(w);	/* u[0] in the low bits */
#endif
	if ((w & 0xc0e0) == 0x80c0)
		return u[0] >= 0xc2 ? 2 : 0;
	if ((w & 0xc0c0f0) == 0x8080e0) {
		t = w & 0x200f;
		return t != 0 && t != 0x200d ? 3 : 0;
	}
	return seq_len(u, n);
}

int
text_utf8_check(const char *s, size_t n, size_t *bad)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, base, w, k;
	uint64_t m;

	/* Vietnamese text is checked by scan_utf8, sixty-four bytes at a
	 * time; the rest a character at a time.  There a window of 64 bytes
	 * at a time: the mask of its bytes above 0x7f takes the check from
	 * one character to the next, over the ASCII between them.  The
	 * offset of a bad sequence is its first byte's. */
	if (scan_utf8(s, n))
		return 0;
	while (i < n) {
		base = i;
		w = n - i < 64 ? n - i : 64;
		m = scan_high(s + base, w);
		for (;;) {
			if (m == 0) {
				if (i < base + w)
					i = base + w;
				break;
			}
			i = base + (size_t)__builtin_ctzll(m);
			if ((k = seq_len_fast(u + i, n - i)) == 0) {
				*bad = i;
				return -1;
			}
			i += k;
			if (i - base >= 64)
				break;
			m &= ~0ULL << (i - base);
		}
	}
	return 0;
}

/* decompose fills cp with s's code points under options; returns count. */
static size_t
decompose(const char *s, size_t n, utf8proc_option_t opt)
{
	utf8proc_ssize_t r;

	cp_reserve(n + 8);
	for (;;) {
		r = utf8proc_decompose((const utf8proc_uint8_t *)s,
		    (utf8proc_ssize_t)n, cp, (utf8proc_ssize_t)cpcap, opt);
		if (r < 0)
			return 0;	/* invalid UTF-8: callers check first */
		if ((size_t)r <= cpcap)
			return (size_t)r;
		cp_reserve((size_t)r);
	}
}

static void
put_cp(struct buf *out, utf8proc_int32_t c)
{
	utf8proc_uint8_t tmp[4];
	utf8proc_ssize_t k = utf8proc_encode_char(c, tmp);

	buf_add(out, tmp, (size_t)k);
}

/* nfc_stable: s holds only code points below U+0300 or in Latin
 * Extended Additional (U+1E00-U+1EFF), which covers precomposed
 * Vietnamese: such text is its own NFC (no combining marks, no singleton
 * or excluded decompositions, no two of them compose; test_text_nfc checks
 * every pair), so normalising it can be skipped. */
static int
nfc_stable(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;

	while (i < n) {
		if (u[i] < 0xcc) {		/* below U+0300 */
			i += u[i] < 0x80 ? 1 : 2;
			continue;
		}
		/* U+1E00-U+1EFF is e1 b8 80 .. e1 bb bf. */
		if (u[i] == 0xe1 && i + 2 < n && u[i + 1] >= 0xb8 &&
		    u[i + 1] <= 0xbb) {
			i += 3;
			continue;
		}
		return 0;
	}
	return 1;
}

void
text_nfc_ref(struct buf *out, const char *s, size_t n)
{
	size_t k, i;
	utf8proc_ssize_t r;

	k = decompose(s, n, UTF8PROC_STABLE | UTF8PROC_DECOMPOSE);
	r = utf8proc_normalize_utf32(cp, (utf8proc_ssize_t)k,
	    UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	if (r < 0)
		return;
	for (i = 0; i < (size_t)r; i++)
		put_cp(out, cp[i]);
}

/* The NFC of texts seen before that were not NFC already, by their
 * text: an export's district column spells the same few names the same
 * way row after row, and utf8proc takes fifty times as long as the
 * lookup.  A direct-mapped table in static storage (130 KiB), so that it
 * allocates nothing: a text of NFC_KEY bytes at most, whose NFC has
 * NFC_VAL at most, takes the slot its hash picks from the one there. */
#define NFC_SLOTS	512
#define NFC_KEY		64
#define NFC_VAL		192

static struct nfc_slot {
	unsigned char	 klen, vlen;	/* klen 0: empty */
	char		 key[NFC_KEY], val[NFC_VAL];
} nfc_cache[NFC_SLOTS];

static size_t
nfc_slot_of(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ u[i]) * 16777619u;
	return (h ^ (h >> 15)) % NFC_SLOTS;
}

int
text_nfc_copy_long(char *d, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	uint64_t x, y = 0;
	size_t p;

	for (p = 0;; p += 8) {
		if (p + 9 > n)
			p = n - 9;
		x = text_load64(u + p);
		y = text_load64(u + p + 1);
		if (text_bad_lead(x, y) != 0)
			return 0;
		memcpy(d + p, &x, 8);
		if (p + 9 >= n)
			break;
	}
	if (u[n - 2] >= 0xcc || u[n - 1] >= 0xcc)
		return 0;
	memcpy(d + n - 8, &y, 8);	/* p is n - 9 */
	return 1;
}

/* nfc_other is text_nfc past text_nfc_quick, out of line: the quick
 * path then saves no registers. */
static void __attribute__((noinline))
nfc_other(struct buf *out, const char *s, size_t n)
{
	size_t a, at;
	struct nfc_slot *e;

	a = scan_ascii(s, n);
	if (a == n || nfc_stable(s + a, n - a)) {
		buf_put(out, s, n);
		return;
	}
	if (n > NFC_KEY) {
		text_nfc_ref(out, s, n);
		return;
	}
	e = &nfc_cache[nfc_slot_of(s, n)];
	if (e->klen == n && memcmp(e->key, s, n) == 0) {
		buf_put(out, e->val, e->vlen);
		return;
	}
	at = out->len;
	text_nfc_ref(out, s, n);
	if (out->len - at <= NFC_VAL) {
		e->klen = (unsigned char)n;
		memcpy(e->key, s, n);
		e->vlen = (unsigned char)(out->len - at);
		if (e->vlen > 0)
			memcpy(e->val, out->p + at, e->vlen);
	}
}

void
text_nfc(struct buf *out, const char *s, size_t n)
{
	if (!text_nfc_put_quick(out, s, n))
		nfc_other(out, s, n);
}

static int
is_alnum_cp(utf8proc_int32_t c)
{
	switch (utf8proc_category(c)) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_ND:
		return 1;
	default:
		return 0;
	}
}

void
text_fold_key(struct buf *out, const char *s, size_t n)
{
	size_t k, i;
	int sep = 0, any = 0;

	k = decompose(s, n, UTF8PROC_STABLE | UTF8PROC_COMPAT |
	    UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK | UTF8PROC_DECOMPOSE);
	for (i = 0; i < k; i++) {
		utf8proc_int32_t c = cp[i];

		/* Stripping marks leaves đ, a letter of its own. */
		if (c == 0x0111 || c == 0x0110)
			c = 'd';
		if (!is_alnum_cp(c)) {
			sep = 1;
			continue;
		}
		if (sep && any)
			buf_addc(out, ' ');
		sep = 0;
		any = 1;
		put_cp(out, c);
	}
}

const unsigned char text_trim_edge[256] = { ['\t'] = 3, [' '] = 3,
    [0xc2] = 1, [0xef] = 1, [0xa0] = 2, [0xbf] = 2 };

void
text_trim_ends(const char **sp, size_t *np)
{
	const unsigned char *s = (const unsigned char *)*sp;
	size_t n = *np;

	for (;;) {
		if (n >= 1 && (s[0] == ' ' || s[0] == '\t'))
			s++, n--;
		else if (n >= 2 && s[0] == 0xc2 && s[1] == 0xa0)
			s += 2, n -= 2;
		else if (n >= 3 && s[0] == 0xef && s[1] == 0xbb && s[2] == 0xbf)
			s += 3, n -= 3;
		else
			break;
	}
	for (;;) {
		if (n >= 1 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
			n--;
		else if (n >= 2 && s[n - 2] == 0xc2 && s[n - 1] == 0xa0)
			n -= 2;
		else if (n >= 3 && s[n - 3] == 0xef && s[n - 2] == 0xbb &&
		    s[n - 1] == 0xbf)
			n -= 3;
		else
			break;
	}
	*sp = (const char *)s;
	*np = n;
}

size_t
text_width(const char *s, size_t n)
{
	size_t i = 0, w = 0;
	utf8proc_int32_t c;
	utf8proc_ssize_t k;
	int cw;

	while (i < n) {
		if ((unsigned char)s[i] < 0x80) {
			w += s[i] >= 0x20;
			i++;
			continue;
		}
		k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
		    (utf8proc_ssize_t)(n - i), &c);
		if (k < 0) {
			i++;
			w++;
			continue;
		}
		i += (size_t)k;
		cw = utf8proc_charwidth(c);
		if (cw > 0)
			w += (size_t)cw;
	}
	return w;
}

/* compose_out composes cp[0..k) (already in canonical order) and appends
 * the result to out. */
static void
compose_out(struct buf *out, size_t k)
{
	utf8proc_ssize_t r;
	size_t i;

	r = utf8proc_normalize_utf32(cp, (utf8proc_ssize_t)k,
	    UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	if (r < 0)
		return;
	for (i = 0; i < (size_t)r; i++)
		put_cp(out, cp[i]);
}

void
text_casefold(struct buf *out, const char *s, size_t n)
{
	size_t i, k;

	if (text_is_ascii(s, n)) {
		for (i = 0; i < n; i++)
			buf_addc(out, s[i] >= 'A' && s[i] <= 'Z' ?
			    (char)(s[i] + 'a' - 'A') : s[i]);
		return;
	}
	k = decompose(s, n, UTF8PROC_STABLE | UTF8PROC_DECOMPOSE |
	    UTF8PROC_CASEFOLD);
	compose_out(out, k);
}

static int
is_space_cp(utf8proc_int32_t c)
{
	switch (c) {
	case ' ': case '\t': case '\n': case '\r': case '\v': case '\f':
	case 0x85: case 0x2028: case 0x2029: case 0x200B: case 0xFEFF:
		return 1;
	default:
		return c >= 0x80 &&
		    utf8proc_category(c) == UTF8PROC_CATEGORY_ZS;
	}
}

void
text_space_collapse(struct buf *out, const char *s, size_t n)
{
	size_t i = 0;
	int pending = 0, any = 0;
	utf8proc_int32_t c;
	utf8proc_ssize_t k;

	while (i < n) {
		if ((unsigned char)s[i] < 0x80) {
			c = (unsigned char)s[i];
			k = 1;
		} else {
			k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
			    (utf8proc_ssize_t)(n - i), &c);
			if (k < 0) {		/* a stray byte: copy it */
				c = -1;
				k = 1;
			}
		}
		if (c >= 0 && is_space_cp(c)) {
			pending = 1;
		} else {
			if (pending && any)
				buf_addc(out, ' ');
			pending = 0;
			any = 1;
			buf_add(out, s + i, (size_t)k);
		}
		i += (size_t)k;
	}
}

static int
is_tone(utf8proc_int32_t c)
{
	return c == 0x0300 || c == 0x0301 || c == 0x0303 || c == 0x0309 ||
	    c == 0x0323;
}

/* The marks that make a different vowel: circumflex, breve, horn. */
static int
is_quality(utf8proc_int32_t c)
{
	return c == 0x0302 || c == 0x0306 || c == 0x031B;
}

static int
is_mark_cp(utf8proc_int32_t c)
{
	switch (utf8proc_category(c)) {
	case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC:
	case UTF8PROC_CATEGORY_ME:
		return 1;
	default:
		return 0;
	}
}

static int
is_letter_cp(utf8proc_int32_t c)
{
	switch (utf8proc_category(c)) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO:
		return 1;
	default:
		return 0;
	}
}

/* One letter of a syllable in NFD: the base at cp[at], its marks up to
 * cp[end). */
struct letter {
	size_t	at, end;
	int	base;		/* ASCII lower case, or 0 */
	int	quality;
	size_t	tone;		/* index of its tone mark in cp, or 0 */
	int	ntone;
};

#define MAX_SYLLABLE 16

static int
is_vowel(const struct letter *l)
{
	return l->base != 0 && strchr("aeiouy", l->base) != NULL;
}

/* tone_target returns the letter of L[0..nl) that carries the tone in
 * style, or -1 when the run is not a syllable we know how to place. */
static int
tone_target(const struct letter *L, int nl, enum text_tone style)
{
	int p = 0, q, nv, last = -1;

	while (p < nl && !is_vowel(&L[p]))
		p++;
	if (p == nl)
		return -1;
	/* "qu" and "gi" before another vowel are consonants: quý, giá. */
	if (p > 0 && p + 1 < nl && is_vowel(&L[p + 1]) &&
	    ((L[p - 1].base == 'q' && L[p].base == 'u') ||
	    (L[p - 1].base == 'g' && L[p].base == 'i')))
		p++;
	for (q = p; q < nl && is_vowel(&L[q]); q++)
		if (L[q].quality)
			last = q;
	nv = q - p;
	if (last >= 0)
		return last;
	if (nv == 1)
		return p;
	if (nv >= 3)
		return p + 1;
	if (q < nl)		/* a final consonant: hoàn, toán, huỳnh */
		return p + 1;
	if ((L[p].base == 'o' &&
	    (L[p + 1].base == 'a' || L[p + 1].base == 'e')) ||
	    (L[p].base == 'u' && L[p + 1].base == 'y'))
		return style == TEXT_TONE_NEW ? p + 1 : p;
	return p;
}

/* put_range appends cp[a..b) to out as UTF-8, leaving out skip (an index
 * in cp, or (size_t)-1). */
static void
put_range(struct buf *out, size_t a, size_t b, size_t skip)
{
	for (; a < b; a++)
		if (a != skip)
			put_cp(out, cp[a]);
}

void
text_tone_place(struct buf *out, const char *s, size_t n,
    enum text_tone style)
{
	struct letter L[MAX_SYLLABLE];
	struct buf tmp = { 0 };
	size_t k, i, j, tone;
	int nl, ntone, t, x, c;

	if (text_is_ascii(s, n)) {	/* no tone marks at all */
		buf_add(out, s, n);
		return;
	}
	/* Rebuild the decomposed text with each tone moved, then compose
	 * it: NFC puts the marks back in canonical order. */
	k = decompose(s, n, UTF8PROC_STABLE | UTF8PROC_DECOMPOSE);
	i = 0;
	while (i < k) {
		if (!is_letter_cp(cp[i])) {
			put_cp(&tmp, cp[i++]);
			continue;
		}
		/* A run of letters, each with its marks. */
		nl = 0;
		ntone = 0;
		tone = (size_t)-1;
		t = -1;
		for (j = i; j < k && is_letter_cp(cp[j]); nl++) {
			struct letter *l = &L[nl < MAX_SYLLABLE ? nl : 0];

			l->at = j;
			c = cp[j] < 0x80 ? cp[j] | 0x20 : 0;
			l->base = c >= 'a' && c <= 'z' ? c : 0;
			l->quality = 0;
			for (j++; j < k && is_mark_cp(cp[j]); j++) {
				if (is_quality(cp[j]))
					l->quality = 1;
				if (is_tone(cp[j])) {
					ntone++;
					tone = j;
					t = nl;
				}
			}
			l->end = j;
		}
		x = -1;
		if (nl <= MAX_SYLLABLE && ntone == 1 && is_vowel(&L[t]))
			x = tone_target(L, nl, style);
		if (x < 0) {
			put_range(&tmp, i, j, (size_t)-1);
		} else {
			for (t = 0; t < nl; t++) {
				put_range(&tmp, L[t].at, L[t].end, tone);
				if (t == x)
					put_cp(&tmp, cp[tone]);
			}
		}
		i = j;
	}
	text_nfc(out, tmp.p, tmp.len);
	buf_free(&tmp);
}

void
text_ascii_fold(struct buf *out, const char *s, size_t n)
{
	size_t k, i;
	utf8proc_ssize_t r;

	if (text_is_ascii(s, n)) {
		buf_add(out, s, n);
		return;
	}
	k = decompose(s, n, UTF8PROC_STABLE | UTF8PROC_DECOMPOSE |
	    UTF8PROC_STRIPMARK);
	r = utf8proc_normalize_utf32(cp, (utf8proc_ssize_t)k,
	    UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	if (r < 0)
		return;
	for (i = 0; i < (size_t)r; i++) {
		if (cp[i] == 0x0111)
			buf_addc(out, 'd');
		else if (cp[i] == 0x0110)
			buf_addc(out, 'D');
		else
			put_cp(out, cp[i]);
	}
}

int
text_has_diacritics(const char *s, size_t n)
{
	size_t k, i;

	if (text_is_ascii(s, n))
		return 0;
	k = decompose(s, n, UTF8PROC_STABLE | UTF8PROC_DECOMPOSE);
	for (i = 0; i < k; i++)
		if (cp[i] == 0x0111 || cp[i] == 0x0110 || is_mark_cp(cp[i]))
			return 1;
	return 0;
}

void
text_match_key(struct buf *out, const char *s, size_t n)
{
	struct buf a = { 0 }, b = { 0 };

	text_space_collapse(&a, s, n);
	text_casefold(&b, a.p ? a.p : "", a.len);
	text_tone_place(out, b.p ? b.p : "", b.len, TEXT_TONE_OLD);
	buf_free(&a);
	buf_free(&b);
}

/* to_cps decodes valid UTF-8 s into a new array of code points. */
static utf8proc_int32_t *
to_cps(const char *s, size_t n, size_t *np)
{
	utf8proc_int32_t *v = xmalloc((n + 1) * sizeof *v);
	utf8proc_ssize_t k;
	size_t i = 0, m = 0;

	while (i < n) {
		k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
		    (utf8proc_ssize_t)(n - i), &v[m]);
		if (k < 0) {		/* not UTF-8: compare the byte */
			v[m] = (unsigned char)s[i];
			k = 1;
		}
		i += (size_t)k;
		m++;
	}
	*np = m;
	return v;
}

static size_t
min3(size_t a, size_t b, size_t c)
{
	return a < b ? (a < c ? a : c) : (b < c ? b : c);
}

size_t
text_edit_distance(const char *as, size_t na, const char *bs, size_t nb)
{
	utf8proc_int32_t *a, *b;
	size_t la, lb, i, j, d, *r0, *r1, *r2, *tmp;

	a = to_cps(as, na, &la);
	b = to_cps(bs, nb, &lb);
	/* Three rows: the one before the previous is needed for swaps. */
	r0 = xcalloc(lb + 1, sizeof *r0);
	r1 = xcalloc(lb + 1, sizeof *r1);
	r2 = xcalloc(lb + 1, sizeof *r2);
	for (j = 0; j <= lb; j++)
		r1[j] = j;
	for (i = 1; i <= la; i++) {
		r2[0] = i;
		for (j = 1; j <= lb; j++) {
			d = min3(r1[j] + 1, r2[j - 1] + 1,
			    r1[j - 1] + (a[i - 1] != b[j - 1]));
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && r0[j - 2] + 1 < d)
				d = r0[j - 2] + 1;
			r2[j] = d;
		}
		tmp = r0, r0 = r1, r1 = r2, r2 = tmp;
	}
	d = r1[lb];
	free(a);
	free(b);
	free(r0);
	free(r1);
	free(r2);
	return d;
}

void
text_show(struct buf *out, const char *s, size_t n)
{
	size_t i = 0;
	utf8proc_int32_t c;
	utf8proc_ssize_t k;
	unsigned char b;

	while (i < n) {
		b = (unsigned char)s[i];
		if (b >= 0x80) {
			k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
			    (utf8proc_ssize_t)(n - i), &c);
			if (k > 0) {
				buf_add(out, s + i, (size_t)k);
				i += (size_t)k;
				continue;
			}
			buf_printf(out, "\\x%02X", b);
		} else if (b == '\t') {
			buf_add(out, "\\t", 2);
		} else if (b == '\n') {
			buf_add(out, "\\n", 2);
		} else if (b == '\r') {
			buf_add(out, "\\r", 2);
		} else if (b == '\\') {
			buf_add(out, "\\\\", 2);
		} else if (b < 0x20 || b == 0x7f) {
			buf_printf(out, "\\x%02X", b);
		} else {
			buf_addc(out, (char)b);
		}
		i++;
	}
}
