/* book-dump — print a workbook's sheets and rows as the book module reads
 * them, for tests of the .xlsx and .xls readers: one line per sheet
 * ("sheet N: NAME"), then with -s N the rows of sheet N, "ROW: kind:text
 * | ...", kinds e (empty) t n b d x (error).  Exit 1 with the error. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "book.h"
#include "buf.h"
#include "diag.h"
#include "input.h"

int
main(int argc, char **argv)
{
	static const char kinds[] = "etnbdx";
	struct buf err = { 0 };
	const struct book_row *row;
	struct input *in;
	struct book *b;
	unsigned char magic[8];
	long sheet = -1;
	size_t i, k;
	ssize_t n;
	int ch, rc;

	diag_init("book-dump");
	while ((ch = getopt(argc, argv, "s:")) != -1)
		if (ch == 's')
			sheet = atol(optarg);
		else
			return 2;
	if (optind != argc - 1)
		return 2;
	if ((in = input_open(argv[optind])) == NULL) {
		perror(argv[optind]);
		return 2;
	}
	n = input_read(in, magic, sizeof magic);
	(void)n;
	input_close(in);
	in = input_open(argv[optind]);
	if ((b = book_open(in, argv[optind], book_sniff(magic, sizeof magic) ==
	    BOOK_XLS ? BOOK_XLS : BOOK_XLSX, &err)) == NULL) {
		printf("error: %s\n", err.p);
		input_close(in);
		buf_free(&err);
		return 1;
	}
	for (i = 0; i < book_nsheets(b); i++)
		printf("sheet %zu: %s\n", i + 1, book_sheet_name(b, i));
	rc = 0;
	if (sheet > 0 && (size_t)sheet <= book_nsheets(b)) {
		if (book_select(b, (size_t)sheet - 1, &err) != 0)
			rc = -1;
		while (rc == 0 && (rc = book_next(b, &row, &err)) == 1) {
			printf("%lu:", row->num);
			for (k = 0; k < row->n; k++)
				printf("%s %c:%s", k ? " |" : "",
				    kinds[row->kind[k]], row->f[k]);
			printf("\n");
			rc = 0;
		}
		if (rc < 0)
			printf("error at row %lu: %s\n", book_row_num(b), err.p);
	}
	book_close(b);
	input_close(in);
	buf_free(&err);
	return rc < 0 ? 1 : 0;
}
