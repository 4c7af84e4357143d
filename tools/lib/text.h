/* text — UTF-8 and Vietnamese text, on utf8proc.
 *
 * Functions that produce text append it to a caller's struct buf, so that
 * a hot loop reuses one buffer; scratch space for code points is kept
 * inside this module (not thread-safe; luong programs are single-threaded). */
#ifndef LUONG_TEXT_H
#define LUONG_TEXT_H

#include <stddef.h>

#include "buf.h"

/* text_utf8_check returns 0 when s[0..n) is valid UTF-8, else -1 with
 * the offset of the first bad byte in *bad. */
int text_utf8_check(const char *s, size_t n, size_t *bad);

/* text_is_ascii: no byte >= 0x80. */
int text_is_ascii(const char *s, size_t n);

/* text_nfc appends the NFC form of valid UTF-8 s[0..n) to out. */
void text_nfc(struct buf *out, const char *s, size_t n);

/* text_fold_key appends the loose-matching key of s: compatibility
 * decomposition, case folding, diacritics removed (đ -> d), every run of
 * characters that are not letters or digits turned into one space, trimmed.
 * "Số HS tốt nghiệp", "so hs  tot-nghiep" and "SỐ HS TỐT NGHIỆP" share the
 * key "so hs tot nghiep". */
void text_fold_key(struct buf *out, const char *s, size_t n);

/* text_trim returns s[0..n) without leading and trailing white space
 * (ASCII space, TAB, U+00A0, U+FEFF) by adjusting *s and *n. */
void text_trim(const char **s, size_t *n);

/* text_width returns the display width of valid UTF-8 s[0..n): combining
 * marks count 0, East Asian wide characters 2, others 1. */
size_t text_width(const char *s, size_t n);

#endif
