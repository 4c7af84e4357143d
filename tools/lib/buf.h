/* buf — a growable byte buffer, always NUL-terminated after len bytes.
 * The buffer owns p; buf_free releases it. A zeroed struct buf is empty. */
#ifndef LUONG_BUF_H
#define LUONG_BUF_H

#include <stddef.h>
#include <string.h>

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

/* buf_put is buf_add, inline for hot loops: no call when there is room. */
static inline void
buf_put(struct buf *b, const void *s, size_t n)
{
	if (b->cap - b->len > n) {
		if (n > 0)	/* s may be NULL then */
			memcpy(b->p + b->len, s, n);
		b->len += n;
		b->p[b->len] = '\0';
	} else
		buf_add(b, s, n);
}

#endif
