/* sbcs — a single-byte legacy encoding decoded by tables: see sbcs.h.
 *
 * An entry is what iconv gives for a byte (or a byte and the combining
 * mark after it), from its initial state and flushed: at most 4 bytes of
 * UTF-8 a byte of input, 8 for two, copied 8 at a time; and how many of
 * its last bytes iconv holds back until the next character comes, which
 * a byte it does not have then takes away (iconv stops there with the
 * held character unwritten). */
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "sbcs.h"

#define MAXCOMB	16

struct entry {
	unsigned char	 len, hold;
	char		 b[8];
};

struct sbcs {
	struct entry	 one[256];
	unsigned char	 bad[256];
	signed char	 comb[256];	/* the mark's number, or -1 */
	size_t		 ncomb;
	int		 ascii;		/* every ASCII byte gives itself */
	struct entry	*two;		/* [byte * ncomb + mark] */
};

/* conv fills e with what cd gives for in[0..n) from its initial state:
 * 0, -1 when iconv refuses it, -2 when it gives more than max bytes. */
static int
conv(iconv_t cd, const unsigned char *in, size_t n, size_t max,
    struct entry *e)
{
	char out[64], *op = out, *ip = (char *)in;
	size_t left = sizeof out, inl = n, before;

	iconv(cd, NULL, NULL, NULL, NULL);
	if (iconv(cd, &ip, &inl, &op, &left) == (size_t)-1 || inl != 0)
		return -1;
	before = (size_t)(op - out);
	if (iconv(cd, NULL, NULL, &op, &left) == (size_t)-1)
		return -1;
	if ((size_t)(op - out) > max)
		return -2;
	e->len = (unsigned char)(op - out);
	e->hold = (unsigned char)(op - out - before);
	memcpy(e->b, out, e->len);
	return 0;
}

struct sbcs *
sbcs_new(const char *name)
{
	iconv_t cd = iconv_open("UTF-8", name);
	struct sbcs *t;
	unsigned char in[2], mark[MAXCOMB];
	size_t b, c;
	int r;

	if (cd == (iconv_t)-1)
		return NULL;
	t = xcalloc(1, sizeof *t);
	for (b = 0; b < 256; b++) {
		in[0] = (unsigned char)b;
		t->comb[b] = -1;
		if ((r = conv(cd, in, 1, 4, &t->one[b])) == -2)
			goto fail;
		t->bad[b] = r < 0;
		/* A combining mark: U+0300..U+036F, cc 80 .. cd af. */
		if (r == 0 && t->one[b].len == 2 &&
		    ((unsigned char)t->one[b].b[0] == 0xcc ||
		    ((unsigned char)t->one[b].b[0] == 0xcd &&
		    (unsigned char)t->one[b].b[1] <= 0xaf))) {
			if (t->ncomb == MAXCOMB)
				goto fail;
			mark[t->ncomb] = (unsigned char)b;
			t->comb[b] = (signed char)t->ncomb++;
		}
	}
	/* TCVN3 has capital letters where ASCII has control characters. */
	t->ascii = 1;
	for (b = 0; b < 0x80; b++)
		if (t->bad[b] || t->comb[b] >= 0 || t->one[b].len != 1 ||
		    (unsigned char)t->one[b].b[0] != b)
			t->ascii = 0;
	t->two = xcalloc(256 * (t->ncomb ? t->ncomb : 1), sizeof *t->two);
	for (b = 0; b < 256; b++)
		for (c = 0; c < t->ncomb && !t->bad[b]; c++) {
			in[0] = (unsigned char)b;
			in[1] = mark[c];
			if (conv(cd, in, 2, 8, &t->two[b * t->ncomb + c]) < 0)
				goto fail;
		}
	iconv_close(cd);
	return t;
fail:
	iconv_close(cd);
	sbcs_free(t);
	return NULL;
}

size_t
sbcs_decode(const struct sbcs *t, const char *src, size_t n, int last,
    char *dst, size_t *used, int *bad)
{
	const unsigned char *u = (const unsigned char *)src;
	const struct entry *e;
	size_t i = 0, d = 0, k, hold = 0;
	int c;

	*bad = 0;
	while (i < n) {
		/* ASCII is itself, but for a byte a combining mark follows:
		 * eight bytes are copied at once, and the ones before the
		 * first that is not ASCII kept (while a word and the byte
		 * after it are there). */
		if (t->ascii && n - i > 8) {
			uint64_t w;

			memcpy(&w, src + i, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
			w = __builtin_bswap64(w);
#endif
			w &= 0x8080808080808080ULL;
			k = w != 0 ? (size_t)__builtin_ctzll(w) / 8 : 8;
			if (k > 0 && t->comb[u[i + k]] >= 0)
				k--;
			memcpy(dst + d, src + i, 8);
			d += k;
			i += k;
			if (k > 0)
				hold = t->one[u[i - 1]].hold;
			if (k == 8)
				continue;
		}
		if (t->bad[u[i]]) {
			*bad = 1;
			*used = i;
			return d - hold;
		}
		if (i + 1 < n && (c = t->comb[u[i + 1]]) >= 0) {
			e = &t->two[u[i] * t->ncomb + (size_t)c];
			k = 2;
		} else if (i + 1 == n && !last)
			break;		/* the next read may bring a mark */
		else {
			e = &t->one[u[i]];
			k = 1;
		}
		memcpy(dst + d, e->b, sizeof e->b);
		d += e->len;
		hold = e->hold;
		i += k;
	}
	*used = i;
	return d;
}

size_t
sbcs_take(const struct sbcs *t, char *raw, size_t *len,
    unsigned long long *off, int last, char *dst, int *bad,
    unsigned char *byte, unsigned long long *at)
{
	size_t used, k = sbcs_decode(t, raw, *len, last, dst, &used, bad);

	if (*bad) {
		*byte = (unsigned char)raw[used];
		*at = *off + used;
		*len = 0;
		return k;
	}
	*off += used;
	memmove(raw, raw + used, *len - used);
	*len -= used;
	return k;
}

void
sbcs_free(struct sbcs *t)
{
	if (t == NULL)
		return;
	free(t->two);
	free(t);
}
