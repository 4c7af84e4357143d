#include <string.h>

#include "csvw.h"
#include "rec.h"

int
csvw_risky(const char *s, size_t n)
{
	if (n == 0)
		return 0;
	return s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' ||
	    s[0] == '\t' || s[0] == '\r';
}

void
csvw_cell(struct buf *out, const char *s, size_t n, char sep, int text)
{
	int neutral = text && csvw_risky(s, n);
	int quote = 0;
	size_t i, run;

	for (i = 0; i < n && !quote; i++)
		quote = s[i] == sep || s[i] == '"' || s[i] == '\r' ||
		    s[i] == '\n';
	if (n > 0 && (s[0] == ' ' || s[n - 1] == ' '))
		quote = 1;
	if (quote)
		buf_addc(out, '"');
	if (neutral)
		buf_addc(out, '\'');
	for (i = run = 0; i < n; i++) {
		if (s[i] != '"')
			continue;
		buf_add(out, s + run, i + 1 - run);
		buf_addc(out, '"');
		run = i + 1;
	}
	buf_add(out, s + run, n - run);
	if (quote)
		buf_addc(out, '"');
}

void
csvw_tsv_cell(struct buf *out, const char *s, size_t n, int text)
{
	if (text && csvw_risky(s, n))
		buf_addc(out, '\'');
	rec_escape(out, s, n);
}
