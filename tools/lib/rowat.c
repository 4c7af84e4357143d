/* rowat — where each key's last row was read: see rowat.h. */
#include <stdlib.h>

#include "diag.h"
#include "rowat.h"

struct rowat {
	struct at {
		size_t		 file;
		unsigned long	 line;
	}		*at;
	size_t		 nat;
	char		**files;
	size_t		 nfiles;
};

struct rowat *
rowat_new(void)
{
	return xcalloc(1, sizeof(struct rowat));
}

void
rowat_free(struct rowat *a)
{
	size_t i;

	if (a == NULL)
		return;
	for (i = 0; i < a->nfiles; i++)
		free(a->files[i]);
	free(a->files);
	free(a->at);
	free(a);
}

void
rowat_file(struct rowat *a, const char *name)
{
	a->files = xrealloc(a->files, (a->nfiles + 1) * sizeof *a->files);
	a->files[a->nfiles++] = xstrdup(name);
}

void
rowat_note(struct rowat *a, size_t key, unsigned long line)
{
	if (key >= a->nat) {
		a->nat = (key + 1) * 2;
		a->at = xrealloc(a->at, a->nat * sizeof *a->at);
	}
	a->at[key].file = a->nfiles - 1;
	a->at[key].line = line;
}

void
rowat_fatal(const struct rowat *a, size_t key, const char *fmt, va_list ap)
{
	diag_vmsg(a->files[a->at[key].file], a->at[key].line, fmt, ap);
	exit(EXIT_DATA);
}
