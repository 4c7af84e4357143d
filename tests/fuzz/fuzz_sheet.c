/* fuzz_sheet — libFuzzer harness for the .xlsx worksheet reader: the input
 * is the XML of xl/worksheets/sheet1.xml, put into a workbook whose other
 * parts are fixed (two shared strings, a date style), and read to the end
 * with book_next.  Built by "make fuzz" with clang -fsanitize=fuzzer; the
 * corpus in tests/fuzz/corpus/sheet is replayed by "make check" through
 * tests/fuzz/replay.c. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <zip.h>

#include "book.h"
#include "buf.h"
#include "input.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char workbook[] =
    "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/"
    "main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships\"><sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/>"
    "</sheets></workbook>";
static const char rels[] =
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
    "relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas."
    "openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
    "Target=\"worksheets/sheet1.xml\"/></Relationships>";
static const char sst[] =
    "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
    "<si><t>a</t></si><si><r><t>b</t></r><r><t>c</t></r></si></sst>";
static const char styles[] =
    "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/"
    "2006/main\"><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/>"
    "</cellXfs></styleSheet>";

static int
add(zip_t *z, const char *name, const void *p, size_t n)
{
	zip_source_t *s = zip_source_buffer(z, p, n, 0);

	if (s == NULL || zip_file_add(z, name, s, 0) < 0) {
		zip_source_free(s);
		return -1;
	}
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *dir = getenv("TMPDIR");
	char path[4096];
	struct buf err = { 0 };
	const struct book_row *row;
	struct input *in;
	struct book *b;
	zip_t *z;
	int fd, e, rc;

	snprintf(path, sizeof path, "%s/luong-fuzz-sheet.XXXXXX",
	    dir != NULL && *dir != '\0' ? dir : "/tmp");
	if ((fd = mkstemp(path)) < 0)
		abort();
	close(fd);
	if ((z = zip_open(path, ZIP_TRUNCATE, &e)) == NULL)
		abort();
	if (add(z, "xl/workbook.xml", workbook, strlen(workbook)) ||
	    add(z, "xl/_rels/workbook.xml.rels", rels, strlen(rels)) ||
	    add(z, "xl/sharedStrings.xml", sst, strlen(sst)) ||
	    add(z, "xl/styles.xml", styles, strlen(styles)) ||
	    add(z, "xl/worksheets/sheet1.xml", data, size) || zip_close(z))
		abort();
	if ((in = input_open(path)) == NULL)
		abort();
	if ((b = book_open(in, path, BOOK_XLSX, &err)) != NULL) {
		if (book_select(b, 0, &err) == 0)
			while ((rc = book_next(b, &row, &err)) == 1)
				if (row->n == 0 || row->num == 0)
					abort();	/* never handed out */
		book_close(b);
	}
	input_close(in);
	buf_free(&err);
	unlink(path);
	return 0;
}
