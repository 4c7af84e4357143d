/* scan — the byte searches under the record stream and the CSV reader:
 * where the TABs (or a CSV delimiter and its quotes) of a line are, which
 * of the bytes that matter (NUL, TAB, LF, CR, backslash, quote, a byte of
 * a multibyte character) it holds, and where the first byte a stream must
 * escape is.
 *
 * Each search has three forms that give the same answers: the byte-at-a-
 * time reference (scan_*_ref), a word-at-a-time one (scan_*_word: eight
 * bytes a step in portable C), SSE2, sixteen bytes a step, the baseline
 * of x86-64, and on x86-64 AVX2, thirty-two bytes a step, compiled
 * function by function and used only when the processor has it.
 * scan_* is the fastest form this processor runs (scan_simd); the
 * others are there for the unit tests, which give all of them the same
 * inputs (tests/unit/test_scan.c).  No form reads a byte outside
 * s[0..n), and none allocates.  */
#ifndef LUONG_SCAN_H
#define LUONG_SCAN_H

#include <stddef.h>
#include <stdint.h>

/* The classes of bytes a search reports in *flags. */
#define SCAN_NUL	0x01u
#define SCAN_TAB	0x02u
#define SCAN_LF		0x04u
#define SCAN_CR		0x08u
#define SCAN_BACKSLASH	0x10u
#define SCAN_QUOTE	0x20u
#define SCAN_HIGH	0x40u	/* a byte of 0x80 or above */
#define SCAN_UTF8X	0x80u	/* scan_csv: text scan_utf8 does not pass */

/* scan_esc returns the offset of the first byte of s[0..n) that the
 * record stream escapes (TAB, LF, CR, backslash), or n. */
size_t scan_esc(const char *s, size_t n);
size_t scan_esc_ref(const char *s, size_t n);
size_t scan_esc_word(const char *s, size_t n);

/* scan_tabs stores the offsets of the TABs of s[0..n), in order, in
 * pos[0..max) and returns how many there are (when more than max, only
 * the first max are stored).  *flags is set to the SCAN_NUL, SCAN_CR and
 * SCAN_BACKSLASH bits of the bytes s holds (no other bit). */
size_t scan_tabs(const char *s, size_t n, size_t *pos, size_t max,
    unsigned *flags);
size_t scan_tabs_ref(const char *s, size_t n, size_t *pos, size_t max,
    unsigned *flags);
size_t scan_tabs_word(const char *s, size_t n, size_t *pos, size_t max,
    unsigned *flags);

/* scan_csv is scan_tabs for the bytes that are delim or a double quote
 * (delim may be any byte but the quote), with every SCAN_ bit in *flags
 * but SCAN_QUOTE (a delim that is TAB sets SCAN_TAB), and SCAN_UTF8X when
 * s is not text scan_utf8 passes: the AVX2 form checks it in the same
 * pass, so that a CSV line is looked at once. */
size_t scan_csv(const char *s, size_t n, char delim, size_t *pos,
    size_t max, unsigned *flags);
size_t scan_csv_ref(const char *s, size_t n, char delim, size_t *pos,
    size_t max, unsigned *flags);
size_t scan_csv_word(const char *s, size_t n, char delim, size_t *pos,
    size_t max, unsigned *flags);

/* scan_csvline is scan_csv over the line s[0..avail) begins with: up to
 * its first LF, the LF and a CR before it left out; SCAN_UTF8X only when
 * utf8 asks for the check (text decoded from a legacy encoding needs
 * none).  *len gets the line's length with its LF, or 0 when
 * s[0..avail) holds no LF (and nothing else is set).  One pass over the
 * bytes, where scan_csv after a search for the LF takes two. */
size_t scan_csvline(const char *s, size_t avail, char delim, int utf8,
    size_t *pos, size_t max, unsigned *flags, size_t *len);
size_t scan_csvline_ref(const char *s, size_t avail, char delim, int utf8,
    size_t *pos, size_t max, unsigned *flags, size_t *len);
/* scan_high returns the bytes of s[0..n), n <= 64, that are 0x80 or
 * above, as a mask: bit i for s[i]. */
uint64_t scan_high(const char *s, size_t n);
uint64_t scan_high_ref(const char *s, size_t n);
uint64_t scan_high_word(const char *s, size_t n);

/* scan_utf8 returns 1 when s[0..n) is well-formed UTF-8 in which every
 * multibyte character starts with a byte from C2 to DF or E1 to EC, EE or
 * EF (two- and three-byte sequences that need no more checks than their
 * continuation bytes: all of Vietnamese), else 0: not UTF-8, or a
 * character for a full check (text_utf8_check). */
int scan_utf8(const char *s, size_t n);
int scan_utf8_ref(const char *s, size_t n);
int scan_utf8_word(const char *s, size_t n);

/* scan_ascii returns the offset of the first byte of s[0..n) that is 0x80
 * or above, or n. */
size_t scan_ascii(const char *s, size_t n);
size_t scan_ascii_ref(const char *s, size_t n);
size_t scan_ascii_word(const char *s, size_t n);

/* scan_simd sets the form scan_* use: 2 AVX2, 1 SSE2, 0 the word form;
 * a level this processor lacks is lowered to the best it has, and -1
 * keeps the one in use (the best, unless set).  Returns the level in
 * effect.  For the tests and the bench; the programs never set it. */
int scan_simd(int want);
#endif
