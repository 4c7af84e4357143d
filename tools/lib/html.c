#include <string.h>

#include "html.h"

#define REPLACEMENT "\xef\xbf\xbd"	/* U+FFFD */

void
html_escape(struct buf *out, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i, run = 0;

	buf_grow(out, n);
	for (i = 0; i < n; i++) {
		const char *rep = NULL;
		size_t skip = 1;

		switch (p[i]) {
		case '&':  rep = "&amp;"; break;
		case '<':  rep = "&lt;"; break;
		case '>':  rep = "&gt;"; break;
		case '"':  rep = "&quot;"; break;
		case '\'': rep = "&#39;"; break;
		case '\t': case '\n': case '\r':
			break;
		case 0xef:
			/* U+FFFE and U+FFFF: EF BF BE, EF BF BF. */
			if (i + 2 < n && p[i + 1] == 0xbf &&
			    (p[i + 2] == 0xbe || p[i + 2] == 0xbf)) {
				rep = REPLACEMENT;
				skip = 3;
			}
			break;
		default:
			if (p[i] < 0x20)
				rep = REPLACEMENT;
			break;
		}
		if (rep == NULL)
			continue;
		buf_add(out, s + run, i - run);
		buf_adds(out, rep);
		i += skip - 1;
		run = i + 1;
	}
	buf_add(out, s + run, n - run);
}

void
html_escapes(struct buf *out, const char *s)
{
	html_escape(out, s, strlen(s));
}
