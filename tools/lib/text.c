#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "diag.h"
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
text_utf8_check(const char *s, size_t n, size_t *bad)
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

void
text_nfc(struct buf *out, const char *s, size_t n)
{
	size_t k, i;
	utf8proc_ssize_t r;

	if (text_is_ascii(s, n)) {
		buf_add(out, s, n);
		return;
	}
	k = decompose(s, n, UTF8PROC_STABLE | UTF8PROC_DECOMPOSE);
	r = utf8proc_normalize_utf32(cp, (utf8proc_ssize_t)k,
	    UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	if (r < 0)
		return;
	for (i = 0; i < (size_t)r; i++)
		put_cp(out, cp[i]);
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

void
text_trim(const char **sp, size_t *np)
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
