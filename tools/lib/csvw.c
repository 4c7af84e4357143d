#include <string.h>

#include "csvw.h"
#include "rec.h"

/* cp_at decodes the character that begins s[0..n) into *cp and returns
 * its length (a byte that begins no valid sequence is itself, 1). */
static size_t
cp_at(const unsigned char *s, size_t n, unsigned long *cp)
{
	size_t len, i;
	unsigned long c;

	*cp = 0;
	if (n == 0)
		return 0;
	len = s[0] < 0x80 ? 1 : s[0] >= 0xc2 && s[0] < 0xe0 ? 2 :
	    s[0] >= 0xe0 && s[0] < 0xf0 ? 3 : s[0] >= 0xf0 && s[0] < 0xf5 ?
	    4 : 0;
	*cp = s[0];
	if (len <= 1 || len > n)
		return 1;
	c = s[0] & (0x7f >> len);
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 1;
		c = c << 6 | (s[i] & 0x3f);
	}
	*cp = c;
	return len;
}

/* is_blank: a character a spreadsheet may trim before it looks for a
 * formula: Unicode's White_Space, and the zero-width space and no-break
 * space (U+200B, U+FEFF). */
static int
is_blank(unsigned long c)
{
	return (c >= 0x09 && c <= 0x0d) || c == 0x20 || c == 0x85 ||
	    c == 0xa0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200b) ||
	    c == 0x2028 || c == 0x2029 || c == 0x202f || c == 0x205f ||
	    c == 0x3000 || c == 0xfeff;
}

/* is_formula: a character that starts a formula: = + - @, their
 * full-width forms (U+FF1D U+FF0B U+FF0D U+FF20, typed by East Asian
 * input methods, read by spreadsheets as the ASCII ones) and their small
 * forms (U+FE66 U+FE62 U+FE63 U+FE6B). */
static int
is_formula(unsigned long c)
{
	return c == '=' || c == '+' || c == '-' || c == '@' ||
	    c == 0xff1d || c == 0xff0b || c == 0xff0d || c == 0xff20 ||
	    c == 0xfe66 || c == 0xfe62 || c == 0xfe63 || c == 0xfe6b;
}

int
csvw_risky(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned long c;
	size_t i = 0, k;

	if (n > 0 && (p[0] == '\t' || p[0] == '\r' || p[0] == '\n'))
		return 1;
	while ((k = cp_at(p + i, n - i, &c)) > 0) {
		if (!is_blank(c))
			return is_formula(c);
		i += k;
	}
	return 0;
}

/* body appends s[0..n): a '"' doubled when quote_dq, and in a text
 * cell a "'" after each ';' that a reader splitting on ';' would make
 * the start of a risky cell. */
static void
body(struct buf *out, const char *s, size_t n, int text, int quote_dq)
{
	size_t i, run;

	for (i = run = 0; i < n; i++) {
		if (s[i] == '"' && quote_dq) {
			buf_add(out, s + run, i + 1 - run);
			buf_addc(out, '"');
			run = i + 1;
		} else if (s[i] == ';' && text && csvw_risky(s + i + 1,
		    n - i - 1)) {
			buf_add(out, s + run, i + 1 - run);
			buf_addc(out, '\'');
			run = i + 1;
		}
	}
	buf_add(out, s + run, n - run);
}

void
csvw_cell(struct buf *out, const char *s, size_t n, char sep, int text)
{
	int neutral = text && csvw_risky(s, n);
	int quote = 0;
	size_t i;

	for (i = 0; i < n && !quote; i++)
		quote = s[i] == sep || s[i] == ',' || s[i] == ';' ||
		    s[i] == '"' || s[i] == '\r' || s[i] == '\n';
	if (n > 0 && (s[0] == ' ' || s[n - 1] == ' '))
		quote = 1;
	if (quote)
		buf_addc(out, '"');
	if (neutral)
		buf_addc(out, '\'');
	body(out, s, n, text, 1);
	if (quote)
		buf_addc(out, '"');
}

void
csvw_tsv_cell(struct buf *out, const char *s, size_t n, int text)
{
	struct buf b = { 0 };

	if (text && csvw_risky(s, n))
		buf_addc(out, '\'');
	if (!text || memchr(s, ';', n) == NULL) {
		rec_escape(out, s, n);
		return;
	}
	body(&b, s, n, text, 0);
	rec_escape(out, b.p, b.len);
	buf_free(&b);
}
