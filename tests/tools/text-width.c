/* text-width [file] — the display width of each line, as text_width
 * counts it (combining marks 0, wide characters 2): the tests check that
 * a terminal table fits its columns with the same function that lays it
 * out.  Invalid UTF-8 is an error (exit 1). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "text.h"

int
main(int argc, char **argv)
{
	FILE *f = stdin;
	char *line = NULL;
	size_t cap = 0, bad;
	ssize_t n;
	unsigned long lineno = 0;

	diag_init("text-width");
	if (argc > 1 && (f = fopen(argv[1], "r")) == NULL)
		diag_fatal(EXIT_DATA, argv[1], 0, "cannot open");
	while ((n = getline(&line, &cap, f)) >= 0) {
		lineno++;
		if (n > 0 && line[n - 1] == '\n')
			n--;
		if (text_utf8_check(line, (size_t)n, &bad) != 0)
			diag_fatal(EXIT_DATA, argc > 1 ? argv[1] : "<stdin>",
			    lineno, "invalid UTF-8");
		printf("%zu\n", text_width(line, (size_t)n));
	}
	free(line);
	if (f != stdin)
		fclose(f);
	return ferror(stdout) || fclose(stdout) != 0 ? EXIT_DATA : EXIT_OK;
}
