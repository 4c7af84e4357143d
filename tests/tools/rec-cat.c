/* rec-cat [file ...] — read record streams and write them back out through
 * the library's reader and writer: the round trip the benchmarks time and
 * the tests use to check escapes survive. */
#include <stdlib.h>
#include <unistd.h>

#include "diag.h"
#include "rec.h"

int
main(int argc, char **argv)
{
	struct rec_reader *r;
	struct rec_writer *w;
	unsigned long long rows = 0;

	diag_init("rec-cat");
	r = rec_reader_open(argc - 1, argv + 1);
	w = rec_writer_new(STDOUT_FILENO, "<stdout>");
	{
		size_t i;

		for (i = 0; i < r->nf; i++)
			rec_puts(w, r->name[i]);
		rec_endrow(w);
	}
	while (rec_next(r)) {
		rec_put_span(w, r, 0, r->nf);
		rec_endrow(w);
		rows++;
	}
	rec_writer_free(w);
	rec_reader_free(r);
	return EXIT_OK;
}
