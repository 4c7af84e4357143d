/* progress — one status line on stderr, updated in place: see progress.h. */
#include <sys/ioctl.h>

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "diag.h"
#include "progress.h"

static int on;
static size_t shown;		/* columns of the line on the screen */
static size_t width = PROGRESS_MAX - 1;
static struct timespec t0, last;

int
progress_wanted(int opt)
{
	const char *e = getenv("LUONG_PROGRESS");

	if (opt >= 0)
		return opt;
	if (e != NULL && strcmp(e, "1") == 0)
		return 1;
	if (e != NULL && strcmp(e, "0") == 0)
		return 0;
	return isatty(STDERR_FILENO);
}

static double
since(const struct timespec *a)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - a->tv_sec) +
	    (double)(now.tv_nsec - a->tv_nsec) / 1e9;
}

/* put writes n bytes to stderr whole, or gives up: a status line is not
 * worth an error of its own. */
static void
put(const char *s, size_t n)
{
	ssize_t k;

	while (n > 0) {
		if ((k = write(STDERR_FILENO, s, n)) < 0) {
			if (errno == EINTR)
				continue;
			return;
		}
		s += k;
		n -= (size_t)k;
	}
}

void
progress_start(void)
{
	struct winsize ws;

	if (on)
		return;
	on = 1;
	shown = 0;
	/* A line as wide as the terminal would wrap, and "\r" would go back
	 * only to the start of its last row. */
	if (ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 1 &&
	    (size_t)ws.ws_col - 1 < PROGRESS_MAX - 1)
		width = (size_t)ws.ws_col - 1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	last = t0;
	diag_before(progress_clear);
}

int
progress_on(void)
{
	return on;
}

int
progress_due(void)
{
	return on && since(&last) * 1000 >= PROGRESS_EVERY_MS;
}

double
progress_seconds(void)
{
	return on ? since(&t0) : 0;
}

/* whole_chars is how much of s[0..n) is left when a UTF-8 character cut
 * short at its end is dropped. */
static size_t
whole_chars(const char *s, size_t n)
{
	size_t i = n, need;
	unsigned char c;

	while (i > 0 && ((unsigned char)s[i - 1] & 0xc0) == 0x80)
		i--;
	if (i == 0)
		return n;
	c = (unsigned char)s[i - 1];
	need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
	return n - (i - 1) < need ? i - 1 : n;
}

void
progress_show(const char *fmt, ...)
{
	char text[PROGRESS_MAX], line[2 * PROGRESS_MAX + 1];
	size_t n, cols, i;
	va_list ap;
	int k;

	if (!on)
		return;
	va_start(ap, fmt);
	k = vsnprintf(text, sizeof text, fmt, ap);
	va_end(ap);
	if (k < 0)
		return;
	n = strlen(text);
	if ((size_t)k >= sizeof text)
		n = whole_chars(text, n);
	/* Columns are counted as UTF-8 characters: the text is a count line
	 * or a stage's own line, with no wide or combining characters to
	 * speak of. */
	for (i = 0, cols = 0; i < n; i++)
		if (((unsigned char)text[i] & 0xc0) != 0x80) {
			if (cols == width)
				break;
			cols++;
		}
	n = i;
	line[0] = '\r';
	memcpy(line + 1, text, n);
	k = (int)(n + 1);
	for (i = cols; i < shown; i++)
		line[k++] = ' ';
	put(line, (size_t)k);
	shown = cols;
	clock_gettime(CLOCK_MONOTONIC, &last);
}

void
progress_clear(void)
{
	char line[PROGRESS_MAX + 2];
	size_t i;

	if (!on || shown == 0)
		return;
	line[0] = '\r';
	for (i = 0; i < shown; i++)
		line[i + 1] = ' ';
	line[shown + 1] = '\r';
	put(line, shown + 2);
	shown = 0;
}

void
progress_end(void)
{
	progress_clear();
	on = 0;
	diag_before(NULL);
}
