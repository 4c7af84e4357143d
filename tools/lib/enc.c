#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include "diag.h"
#include "enc.h"
#include "text.h"

static const struct {
	const char	*name;
	enum enc	 enc;
} encnames[] = {
	{ "utf-8", ENC_UTF8 }, { "utf8", ENC_UTF8 },
	{ "cp1258", ENC_CP1258 }, { "windows-1258", ENC_CP1258 },
	{ "tcvn3", ENC_TCVN3 }, { "tcvn", ENC_TCVN3 },
	{ "viscii", ENC_VISCII }, { "auto", ENC_AUTO },
};

int
enc_parse_name(const char *name, enum enc *e)
{
	size_t i;

	for (i = 0; i < sizeof encnames / sizeof encnames[0]; i++)
		if (strcasecmp(name, encnames[i].name) == 0) {
			*e = encnames[i].enc;
			return 0;
		}
	return -1;
}

const char *
enc_name(enum enc e)
{
	static const char *names[] = { "utf-8", "cp1258", "tcvn3", "viscii",
	    "auto" };

	return names[e];
}

const char *
enc_iconv_name(enum enc e)
{
	/* glibc iconv's names. */
	static const char *names[] = { "UTF-8", "CP1258", "TCVN5712-1",
	    "VISCII" };

	return names[e];
}

/* utf8_cut: s[0..n) is the start of a UTF-8 sequence that the end of the
 * sample cut short.  (Whether the rest is right, the reader checks.) */
static int
utf8_cut(const unsigned char *s, size_t n)
{
	size_t need, i;

	if (n == 0)
		return 0;
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		need = 2;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		need = 3;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		need = 4;
	else
		return 0;
	if (n >= need)
		return 0;
	for (i = 1; i < n; i++)
		if ((s[i] & 0xc0) != 0x80)
			return 0;
	return 1;
}

/* decode reads s[0..n) in encoding e into code points, a byte the
 * encoding does not have as 0xffffffff (which no text has).  Returns them
 * (owned) and their count in *np. */
static uint32_t *
decode(enum enc e, const char *s, size_t n, int whole, size_t *np)
{
	iconv_t cd;
	size_t cap = n + 16, left = n, room, len = 0;
	unsigned char *out = xmalloc(cap * 4);
	uint32_t *cp;
	char *src = (char *)s, *dst;
	size_t i;

	if ((cd = iconv_open("UTF-32LE", enc_iconv_name(e))) == (iconv_t)-1)
		diag_fatal(EXIT_DATA, NULL, 0, "iconv cannot read %s: %s",
		    enc_name(e), strerror(errno));
	for (;;) {
		dst = (char *)out + len;
		room = cap * 4 - len;
		if (left == 0) {
			/* A decoder that holds a letter back for a tone
			 * mark gives it up now. */
			if (iconv(cd, NULL, NULL, &dst, &room) == (size_t)-1 &&
			    errno == E2BIG)
				goto grow;
			len = (size_t)(dst - (char *)out);
			break;
		}
		if (iconv(cd, &src, &left, &dst, &room) != (size_t)-1) {
			len = (size_t)(dst - (char *)out);
			continue;
		}
		len = (size_t)(dst - (char *)out);
		if (errno == E2BIG)
			goto grow;
		if (errno == EINVAL && !whole) {
			left = 0;	/* the sample's edge */
			continue;
		}
		/* A byte the encoding lacks: mark it and go on after it. */
		if (cap * 4 - len < 4)
			goto grow;
		memset(out + len, 0xff, 4);
		len += 4;
		src++;
		left--;
		continue;
grow:
		cap *= 2;
		out = xrealloc(out, cap * 4);
	}
	iconv_close(cd);
	cp = (uint32_t *)(void *)out;
	for (i = 0; i < len / 4; i++)
		cp[i] = (uint32_t)out[4 * i] | (uint32_t)out[4 * i + 1] << 8 |
		    (uint32_t)out[4 * i + 2] << 16 |
		    (uint32_t)out[4 * i + 3] << 24;
	*np = len / 4;
	return cp;
}

/* The precomposed letters of Vietnamese (and đ) outside U+1EA0..U+1EF9. */
static int
viet_letter(uint32_t c)
{
	static const char latin1[] = "\xc0\xc1\xc2\xc3\xc8\xc9\xca\xcc\xcd"
	    "\xd2\xd3\xd4\xd5\xd9\xda\xdd";

	if (c >= 0x1ea0 && c <= 0x1ef9)
		return 1;
	if (c >= 0xc0 && c <= 0xfd)
		return memchr(latin1, (int)(c & ~0x20u), sizeof latin1 - 1) !=
		    NULL;
	switch (c) {
	case 0x102: case 0x103:	/* Ă ă */
	case 0x110: case 0x111:	/* Đ đ */
	case 0x128: case 0x129:	/* Ĩ ĩ */
	case 0x168: case 0x169:	/* Ũ ũ */
	case 0x1a0: case 0x1a1:	/* Ơ ơ */
	case 0x1af: case 0x1b0:	/* Ư ư */
		return 1;
	}
	return 0;
}

static int
tone_mark(uint32_t c)
{
	return c == 0x300 || c == 0x301 || c == 0x303 || c == 0x309 ||
	    c == 0x323;
}

/* The punctuation of Vietnamese documents typed in Word or a spreadsheet. */
static int
viet_punct(uint32_t c)
{
	switch (c) {
	case 0xa0:			/* no-break space */
	case 0x2013: case 0x2014:	/* – — */
	case 0x2018: case 0x2019: case 0x201c: case 0x201d:
	case 0x2022: case 0x2026:	/* • … */
	case 0x20ab: case 0x20ac:	/* ₫ € */
		return 1;
	}
	return 0;
}

/* A letter's facts: a vowel (base a e i o u y), upper case, its tone
 * mark (0 for none), and its skeleton: the lower-case letter without the
 * tone, in UTF-8 ("Ờ" -> "ơ"). */
struct letter {
	int		 vowel, upper;
	uint32_t	 tone;
	char		 skel[3];
};

static struct letter
letter_of(uint32_t c)
{
	/* The letters with a quality mark: base, mark, skeleton. */
	static const struct {
		char		 base;
		uint32_t	 mark;
		const char	*skel;
	} quality[] = {
		{ 'a', 0x302, "\xc3\xa2" }, { 'a', 0x306, "\xc4\x83" },
		{ 'e', 0x302, "\xc3\xaa" }, { 'o', 0x302, "\xc3\xb4" },
		{ 'o', 0x31b, "\xc6\xa1" }, { 'u', 0x31b, "\xc6\xb0" },
	};
	struct letter l;
	utf8proc_int32_t d[4];
	utf8proc_ssize_t n = 1, i;
	size_t k;
	int last = 0;
	char base;

	memset(&l, 0, sizeof l);
	if (c < 0x80) {
		l.upper = c >= 'A' && c <= 'Z';
		base = (char)(c | 0x20);
	} else {
		n = utf8proc_decompose_char((utf8proc_int32_t)c, d, 4,
		    UTF8PROC_DECOMPOSE, &last);
		if (n < 1 || n > 4) {
			n = 1;
			d[0] = '?';
		}
		l.upper = utf8proc_get_property((utf8proc_int32_t)c)->
		    category == UTF8PROC_CATEGORY_LU;
		if (c == 0x110 || c == 0x111) {		/* Đ đ */
			memcpy(l.skel, "\xc4\x91", 2);
			return l;
		}
		base = (char)(d[0] | 0x20);
	}
	l.skel[0] = base;
	for (i = 1; i < n; i++) {
		if (tone_mark((uint32_t)d[i])) {
			l.tone = (uint32_t)d[i];
			continue;
		}
		for (k = 0; k < sizeof quality / sizeof quality[0]; k++)
			if (quality[k].base == base &&
			    quality[k].mark == (uint32_t)d[i])
				memcpy(l.skel, quality[k].skel, 2);
	}
	l.vowel = base == 'a' || base == 'e' || base == 'i' || base == 'o' ||
	    base == 'u' || base == 'y';
	return l;
}

/* in_list: s[0..n) is one of the space-separated words of list. */
static int
in_list(const char *list, const char *s, size_t n)
{
	const char *p = list, *e;

	for (;;) {
		e = strchr(p, ' ');
		if (e == NULL)
			e = p + strlen(p);
		if ((size_t)(e - p) == n && memcmp(p, s, n) == 0)
			return 1;
		if (*e == '\0')
			return 0;
		p = e + 1;
	}
}

/* syllable: s[0..n), a word's skeleton, is a Vietnamese syllable:
 * an initial consonant (or none), a vowel group, a final consonant (or
 * none); tone is the word's tone mark.  A syllable that ends in c, ch, p
 * or t takes the acute or the dot below. */
static int
syllable(const char *s, size_t n, uint32_t tone)
{
	static const char *initial[] = { "ngh", "ng", "nh", "ch", "gh",
	    "gi", "kh", "ph", "qu", "th", "tr", "b", "c", "d", "\xc4\x91",
	    "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "" };
	static const char *final[] = { "ch", "nh", "ng", "c", "m", "n", "p",
	    "t", "" };
	/* Vowel groups that end a syllable, and those a final follows. */
	static const char open[] = "a e \xc3\xaa i o \xc3\xb4 \xc6\xa1 u "
	    "\xc6\xb0 y ai ao au ay \xc3\xa2u \xc3\xa2y eo \xc3\xaau ia "
	    "iu oi \xc3\xb4i \xc6\xa1i ua \xc6\xb0" "a ui \xc6\xb0i "
	    "\xc6\xb0u uy i\xc3\xaau y\xc3\xaau u\xc3\xb4i "
	    "\xc6\xb0\xc6\xa1i \xc6\xb0\xc6\xa1u oa oe u\xc3\xaa "
	    "u\xc6\xa1 oai oay oao oeo u\xc3\xa2y uya uyu";
	static const char closed[] = "a \xc4\x83 \xc3\xa2 e \xc3\xaa i o "
	    "\xc3\xb4 \xc6\xa1 u \xc6\xb0 i\xc3\xaa y\xc3\xaa "
	    "u\xc3\xb4 \xc6\xb0\xc6\xa1 oa o\xc4\x83 oe u\xc3\xa2 "
	    "u\xc3\xaa uy uy\xc3\xaa oo";
	size_t i, j, a, b;

	for (i = 0; i < sizeof initial / sizeof initial[0]; i++) {
		a = strlen(initial[i]);
		if (a > n || memcmp(s, initial[i], a) != 0)
			continue;
		for (j = 0; j < sizeof final / sizeof final[0]; j++) {
			b = strlen(final[j]);
			if (a + b >= n || memcmp(s + n - b, final[j], b) != 0)
				continue;
			if (!in_list(b ? closed : open, s + a, n - a - b))
				continue;
			if (b > 0 && strchr("cpt", final[j][0]) != NULL &&
			    tone != 0x301 && tone != 0x323)
				continue;
			return 1;
		}
	}
	return 0;
}

/* A word being read: its letters and what makes it implausible. */
struct word {
	unsigned long	 viet;	/* Vietnamese letters and tone marks */
	int		 tones, nletters, vowels, lower, upper_after;
	int		 ascii, ascii_lower, toned_capital, prev_vowel;
	uint32_t	 tone;
	char		 skel[24];
	size_t		 slen;
};

/* word_end counts a word's Vietnamese letters as good when it is
 * plausible Vietnamese: one syllable (or, with no vowel, an abbreviation
 * such as HĐND), at most one tone mark, and all lower case, all capitals
 * or capitalised. */
static void
word_end(struct word *w, struct enc_score *sc)
{
	int ok;
	/* Capitals in TCVN3 (VN3), which has no capital letters with tone
	 * marks: a font of capitals shows "GIáO" as GIÁO. */
	int vn3caps = w->ascii && !w->ascii_lower && !w->toned_capital;

	if (w->viet == 0)
		goto out;
	ok = w->tones <= 1 && (!(w->lower && w->upper_after) || vn3caps) &&
	    (w->vowels == 0 || (w->slen < sizeof w->skel &&
	    syllable(w->skel, w->slen, w->tone)));
	if (ok)
		sc->good += w->viet;
	else
		sc->word += w->viet;
out:
	memset(w, 0, sizeof *w);
}

static void
word_add(struct word *w, const char *skel)
{
	size_t k = strlen(skel);

	if (w->slen + k < sizeof w->skel)
		memcpy(w->skel + w->slen, skel, k);
	w->slen += k;
}

static void
score(const uint32_t *cp, size_t n, struct enc_score *sc)
{
	struct word w;
	struct letter l;
	unsigned long total;
	uint32_t c;
	size_t i;

	memset(sc, 0, sizeof *sc);
	memset(&w, 0, sizeof w);
	for (i = 0; i < n; i++) {
		c = cp[i];
		if (tone_mark(c) && w.prev_vowel) {
			w.viet++;
			w.tones++;
			w.tone = c;
			w.prev_vowel = 0;
			continue;
		}
		if ((c < 0x80 && ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) ||
		    viet_letter(c)) {
			l = letter_of(c);
			if (c >= 0x80) {
				w.viet++;
				w.toned_capital |= l.upper && l.tone;
			} else {
				w.ascii = 1;
				w.ascii_lower |= !l.upper;
			}
			if (l.tone) {
				w.tones++;
				w.tone = l.tone;
			}
			w.vowels += l.vowel;
			word_add(&w, l.skel);
			if (l.upper && w.nletters > 0)
				w.upper_after = 1;
			if (!l.upper)
				w.lower = 1;
			w.nletters++;
			w.prev_vowel = l.vowel;
			continue;
		}
		word_end(&w, sc);
		if (c == '\t' || c == '\n' || c == '\r')
			continue;
		if (c >= 0x20 && c < 0x7f)
			continue;
		if (viet_punct(c))
			sc->punct++;
		else
			sc->never++;
	}
	word_end(&w, sc);
	total = sc->good + sc->punct + sc->word + sc->never;
	if (total == 0)
		sc->score = 0;
	else
		sc->score = 1000 * ((long)(sc->good + sc->punct) -
		    (long)sc->word - 2 * (long)sc->never) / (long)total;
}

/* same: two readings are the same characters. */
static int
same(const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
	return na == nb && memcmp(a, b, na * sizeof *a) == 0;
}

int
enc_guess(const char *s, size_t n, int whole, struct enc_guess *g)
{
	const unsigned char *u = (const unsigned char *)s;
	uint32_t *cp[4] = { NULL, NULL, NULL, NULL };
	size_t ncp[4] = { 0, 0, 0, 0 }, bad;
	int e, best, second, rival[4] = { 0, 0, 0, 0 };

	memset(g, 0, sizeof *g);
	g->enc = g->second = ENC_UTF8;
	g->decided = 1;
	if (n > ENC_SAMPLE) {
		n = ENC_SAMPLE;
		whole = 0;
	}
	if (n >= 3 && u[0] == 0xef && u[1] == 0xbb && u[2] == 0xbf)
		return 1;
	if (n >= 2 && ((u[0] == 0xff && u[1] == 0xfe) ||
	    (u[0] == 0xfe && u[1] == 0xff)))
		return 1;
	if (memchr(s, '\0', n) != NULL)
		return 1;
	if (text_utf8_check(s, n, &bad) == 0 ||
	    (!whole && utf8_cut(u + bad, n - bad)))
		return 1;

	best = 0;
	for (e = ENC_CP1258; e <= ENC_VISCII; e++) {
		cp[e] = decode((enum enc)e, s, n, whole, &ncp[e]);
		score(cp[e], ncp[e], &g->s[e]);
		if (best == 0 || g->s[e].score > g->s[best].score)
			best = e;
	}
	/* A rival: another reading within the margin that is not the same
	 * text.  The runner-up is the best rival, or else the best of the
	 * others. */
	g->decided = g->s[best].score >= ENC_MIN_SCORE;
	second = 0;
	for (e = ENC_CP1258; e <= ENC_VISCII; e++) {
		if (e == best)
			continue;
		rival[e] = g->s[best].score - g->s[e].score < ENC_MARGIN &&
		    !(whole && same(cp[best], ncp[best], cp[e], ncp[e]));
		if (rival[e])
			g->decided = 0;
		if (second == 0 || rival[e] > rival[second] ||
		    (rival[e] == rival[second] &&
		    g->s[e].score > g->s[second].score))
			second = e;
	}
	g->enc = (enum enc)best;
	g->second = (enum enc)second;
	for (e = ENC_CP1258; e <= ENC_VISCII; e++)
		free(cp[e]);
	return g->decided;
}
