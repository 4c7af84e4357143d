/* fuzz_text — libFuzzer harness for the text normaliser (text): the
 * input is any bytes.  text_show and text_space_collapse take them as
 * they are; the rest of the module takes valid UTF-8, and the input is
 * also cut in two at its first LF for the edit distance.  Checked: what
 * comes out of valid UTF-8 is valid UTF-8; NFC is stable (the NFC of an
 * NFC text is itself); white space collapsed has no run, no space at an
 * end, and is stable; text_show writes no control byte; moving tone
 * marks changes no letter; the edit distance is 0 to itself and the same
 * both ways.  The corpus is spellings from the CLI tests. */
#include <string.h>

#include "text.h"
#include "harness.h"

/* The edit distance is quadratic: longer inputs are cut. */
#define EDIT_MAX	256

static int
valid(const struct buf *b, size_t from)
{
	size_t bad;

	return b->len == from ||
	    text_utf8_check(b->p + from, b->len - from, &bad) == 0;
}

static int
same(const struct buf *a, const struct buf *b)
{
	return a->len == b->len && (a->len == 0 ||
	    memcmp(a->p, b->p, a->len) == 0);
}

static void
spaces(const char *s, size_t n, struct buf *a, struct buf *b)
{
	size_t i;

	buf_reset(a);
	text_space_collapse(a, s, n);
	if (a->len > 0)
		fuzz_assert(a->p[0] != ' ' && a->p[a->len - 1] != ' ');
	for (i = 1; i < a->len; i++)
		fuzz_assert(!(a->p[i] == ' ' && a->p[i - 1] == ' '));
	buf_reset(b);
	text_space_collapse(b, a->p != NULL ? a->p : "", a->len);
	fuzz_assert(same(a, b));
}

static void
show(const char *s, size_t n, struct buf *a)
{
	size_t i;

	buf_reset(a);
	text_show(a, s, n);
	fuzz_assert(valid(a, 0));
	for (i = 0; i < a->len; i++)
		fuzz_assert((unsigned char)a->p[i] >= 0x20);
}

static void
valid_text(const char *s, size_t n, struct buf *a, struct buf *b,
    struct buf *c)
{
	const char *t = s, *lf;
	size_t tn = n, na, nb;
	int tone;

	buf_reset(a);
	text_nfc(a, s, n);
	fuzz_assert(valid(a, 0));
	buf_reset(b);
	text_nfc(b, a->p != NULL ? a->p : "", a->len);
	fuzz_assert(same(a, b));

	/* The letters of text_tone_place's output are the input's. */
	for (tone = TEXT_TONE_OLD; tone <= TEXT_TONE_NEW; tone++) {
		buf_reset(b);
		text_tone_place(b, s, n, (enum text_tone)tone);
		fuzz_assert(valid(b, 0));
		buf_reset(a);
		text_ascii_fold(a, b->p != NULL ? b->p : "", b->len);
		buf_reset(c);
		text_ascii_fold(c, s, n);
		fuzz_assert(same(a, c));
	}

	buf_reset(a);
	text_fold_key(a, s, n);
	fuzz_assert(valid(a, 0));
	buf_reset(a);
	text_casefold(a, s, n);
	fuzz_assert(valid(a, 0));
	buf_reset(a);
	text_match_key(a, s, n);
	fuzz_assert(valid(a, 0));
	text_has_diacritics(s, n);
	text_width(s, n);
	text_is_ascii(s, n);
	text_trim(&t, &tn);
	fuzz_assert(t >= s && t + tn <= s + n);

	lf = memchr(s, '\n', n);
	na = lf != NULL ? (size_t)(lf - s) : n / 2;
	nb = n - na - (lf != NULL);
	/* Cut at a character boundary. */
	while (na > EDIT_MAX || (na > 0 && ((unsigned char)s[na] & 0xC0) == 0x80))
		na--;
	t = s + n - nb;
	while (nb > EDIT_MAX || (nb > 0 && ((unsigned char)t[0] & 0xC0) == 0x80))
		t++, nb--;
	fuzz_assert(text_edit_distance(s, na, s, na) == 0);
	fuzz_assert(text_edit_distance(s, na, t, nb) ==
	    text_edit_distance(t, nb, s, na));
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	struct buf a = { 0 }, b = { 0 }, c = { 0 };
	size_t bad;

	show(s, size, &a);
	spaces(s, size, &a, &b);
	if (text_utf8_check(s, size, &bad) == 0)
		valid_text(s, size, &a, &b, &c);
	else
		fuzz_assert(bad < size);
	buf_free(&a);
	buf_free(&b);
	buf_free(&c);
	return 0;
}
