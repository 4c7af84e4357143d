/* gen-xlsx — turn a CSV export into an .xlsx as a spreadsheet program
 * would save it, for the workbook benchmarks: gen-xlsx IN.csv OUT.xlsx.
 * One sheet, "Dữ liệu"; cells that are whole numbers of up to 15 digits
 * become numeric cells, every other one a shared string.  libxlsxwriter
 * holds the workbook in memory while it writes; this is a test tool. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <xlsxwriter.h>

#include "csvin.h"
#include "diag.h"
#include "enc.h"

struct gen {
	lxw_worksheet	*ws;
	lxw_row_t	 row;
	int		 bad;	/* a cell libxlsxwriter refused */
};

static int
is_int(const char *s, size_t n)
{
	size_t i;

	if (n == 0 || n > 15 || (s[0] == '0' && n > 1))
		return 0;
	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

static void
on_row(const struct csvin_row *r, void *arg)
{
	struct gen *g = arg;
	size_t i;

	lxw_error e;

	if (r->bad != NULL) {
		fprintf(stderr, "gen-xlsx: line %lu: %s\n", r->line, r->bad);
		g->bad = 1;
	}
	for (i = 0; i < r->n && !g->bad; i++) {
		if (g->row > 0 && is_int(r->f[i], r->len[i]))
			e = worksheet_write_number(g->ws, g->row, (lxw_col_t)i,
			    strtod(r->f[i], NULL), NULL);
		else
			e = worksheet_write_string(g->ws, g->row, (lxw_col_t)i,
			    r->f[i], NULL);
		/* Past row 1,048,576 (Excel's last) it refuses: say so. */
		if (e != LXW_NO_ERROR) {
			fprintf(stderr, "gen-xlsx: row %u: %s\n",
			    (unsigned)g->row + 1, lxw_strerror(e));
			g->bad = 1;
		}
	}
	g->row++;
}

int
main(int argc, char **argv)
{
	struct gen g = { NULL, 0, 0 };
	lxw_workbook *wb;
	struct csvin *ci;

	diag_init("gen-xlsx");
	if (argc != 3) {
		fprintf(stderr, "usage: gen-xlsx in.csv out.xlsx\n");
		return 2;
	}
	if ((ci = csvin_open(argv[1], ENC_UTF8)) == NULL) {
		perror(argv[1]);
		return 2;
	}
	wb = workbook_new(argv[2]);
	g.ws = workbook_add_worksheet(wb, "Dữ liệu");
	if (csvin_read(ci, 1, ',', on_row, &g) != 0 || g.bad)
		return 1;
	csvin_close(ci);
	if (workbook_close(wb) != LXW_NO_ERROR) {
		fprintf(stderr, "gen-xlsx: %s: cannot write\n", argv[2]);
		return 1;
	}
	return 0;
}
