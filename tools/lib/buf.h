/* buf — a growable byte buffer, always NUL-terminated after len bytes.
 * The buffer owns p; buf_free releases it. A zeroed struct buf is empty. */
#ifndef LUONG_BUF_H
#define LUONG_BUF_H

#include <stddef.h>

struct buf {
	char	*p;
	size_t	 len;
	size_t	 cap;
};

void buf_grow(struct buf *b, size_t extra);
void buf_add(struct buf *b, const void *s, size_t n);
void buf_adds(struct buf *b, const char *s);
void buf_addc(struct buf *b, char c);
void buf_printf(struct buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void buf_reset(struct buf *b);
void buf_free(struct buf *b);

#endif
