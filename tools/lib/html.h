/* html — text made safe for HTML and XML (and so for SVG inside HTML).
 *
 * The reports luong-render writes are polyglot: the same bytes parse as
 * HTML5 and as well-formed XML, so both escaping rules apply.  */
#ifndef LUONG_HTML_H
#define LUONG_HTML_H

#include <stddef.h>

#include "buf.h"

/* html_escape appends valid UTF-8 s[0..n) to out, fit for element content
 * and for attribute values in either quote: & < > " ' become &amp; &lt;
 * &gt; &quot; &#39;.  Characters XML 1.0 does not allow (C0 controls other
 * than TAB, LF and CR, U+FFFE, U+FFFF) become U+FFFD, so that no input can
 * make the document ill-formed. */
void html_escape(struct buf *out, const char *s, size_t n);

/* html_escapes is html_escape on a NUL-terminated string. */
void html_escapes(struct buf *out, const char *s);

#endif
