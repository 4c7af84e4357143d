/* sbcs — text in a single-byte legacy encoding (Windows-1258, TCVN3,
 * VISCII) decoded to UTF-8 by tables, with the bytes glibc's iconv gives:
 * iconv's decoders for these take a character a call through a function
 * pointer, about forty instructions a byte, most of ingest's time on such
 * a file.
 *
 * The tables are asked of iconv when they are made: what each byte gives
 * alone, whether iconv holds it back (Windows-1258 and TCVN3 compose a
 * letter with a combining tone mark after it), and what each byte gives
 * with each combining mark of the encoding after it.  These decoders keep
 * nothing but the one character held back, so what a byte gives depends
 * on it and the byte after it only; test_sbcs holds the tables to iconv
 * on random and adversarial text of every encoding, cut at every place.
 *
 * Memory: about 12 KiB of tables.  */
#ifndef LUONG_SBCS_H
#define LUONG_SBCS_H

#include <stddef.h>

struct sbcs;

/* sbcs_new makes the tables of the encoding iconv calls name; NULL, with
 * nothing printed, when iconv cannot open it or it is not one the tables
 * can take (a byte giving more than a few bytes of UTF-8, more than 16
 * combining marks). */
struct sbcs *sbcs_new(const char *name);

/* sbcs_decode decodes src[0..n) into dst, which has room for 4 * n + 4
 * bytes, and returns the bytes written.  *used is the bytes of src
 * decoded: all of them, or all but the last when it may take a combining
 * mark from the next read and last is 0; or, with *bad set to 1, the
 * offset of a byte the encoding does not have (dst then has what iconv
 * gives before it: not the character it would hold back).  */
size_t sbcs_decode(const struct sbcs *t, const char *src, size_t n,
    int last, char *dst, size_t *used, int *bad);

/* sbcs_take decodes the bytes read so far, raw[0..*len) from offset
 * *off of the input, into dst (room for 4 * *len + 4), as sbcs_decode
 * does, and keeps what it leaves (an incomplete character) at raw's
 * start, *len and *off moved on.  Returns the bytes written.  At a byte
 * the encoding does not have: *bad is 1, the byte in *byte, its offset
 * in the input in *at, and *len 0 (the text before it was written). */
size_t sbcs_take(const struct sbcs *t, char *raw, size_t *len,
    unsigned long long *off, int last, char *dst, int *bad,
    unsigned char *byte, unsigned long long *at);

void sbcs_free(struct sbcs *t);

#endif
