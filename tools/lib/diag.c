#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"

static const char *prog = "luong";
/* The last message's text and line (diag_last). */
static char last[4096];
static unsigned long lastline;
static void (*before)(void);

void
diag_init(const char *progname)
{
	prog = progname;
}

void
diag_before(void (*fn)(void))
{
	before = fn;
}

const char *
diag_prog(void)
{
	return prog;
}

void
diag_vmsg(const char *file, unsigned long line, const char *fmt, va_list ap)
{
	/* One buffer, one write: lines from concurrent stages do not mix. */
	char buf[4096];
	int n;

	if (file != NULL && line > 0)
		n = snprintf(buf, sizeof buf, "%s: %s:%lu: ", prog, file, line);
	else if (file != NULL)
		n = snprintf(buf, sizeof buf, "%s: %s: ", prog, file);
	else
		n = snprintf(buf, sizeof buf, "%s: ", prog);
	if (n < 0 || (size_t)n >= sizeof buf)
		n = 0;
	vsnprintf(buf + n, sizeof buf - (size_t)n, fmt, ap);
	memcpy(last, buf + n, strlen(buf + n) + 1);
	lastline = file != NULL ? line : 0;
	if (before != NULL)
		before();
	fprintf(stderr, "%s\n", buf);
}

const char *
diag_last(unsigned long *line)
{
	if (line != NULL)
		*line = lastline;
	return last;
}

void
diag_at(const char *file, unsigned long line, unsigned long col,
    const char *fmt, ...)
{
	char msg[3072], loc[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	snprintf(loc, sizeof loc, "%s:%lu:%lu", file, line, col);
	diag_msg(loc, 0, "%s", msg);
}

void
diag_msg(const char *file, unsigned long line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_vmsg(file, line, fmt, ap);
	va_end(ap);
}

void
diag_fatal(int status, const char *file, unsigned long line,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_vmsg(file, line, fmt, ap);
	va_end(ap);
	exit(status);
}

static void
oom(void)
{
	diag_fatal(EXIT_DATA, NULL, 0, "out of memory");
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		oom();
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (p == NULL)
		oom();
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (p == NULL)
		oom();
	return p;
}

void *
xgrow(void *p, size_t *cap, size_t want, size_t size)
{
	size_t c = *cap;

	if (want <= c)
		return p;
	while (c < want) {
		if (c > (size_t)-1 / 2)
			oom();
		c = c ? 2 * c : 8;
	}
	if (c > (size_t)-1 / size)
		oom();
	*cap = c;
	return xrealloc(p, c * size);
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}
