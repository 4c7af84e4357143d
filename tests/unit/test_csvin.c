/* Unit tests for csvin: decoding, line numbers, BOM, CRLF, peeking,
 * records (libcsv and the simple-line path), sniffing and splitting. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "csvin.h"
#include "diag.h"
#include "enc.h"
#include "text.h"
#include "unit.h"

/* collect appends each row as "line:f1|f2|...\n", fields in NFC; a
 * malformed row as "line:f1|...!why\n". */
static void
collect(const struct csvin_row *row, void *arg)
{
	struct buf *b = arg;
	size_t i;

	buf_printf(b, "%lu:", row->line);
	for (i = 0; i < row->n; i++) {
		if (i > 0)
			buf_addc(b, '|');
		text_nfc(b, row->f[i], row->len[i]);
	}
	if (row->bad != NULL)
		buf_printf(b, "!%s", row->bad);
	buf_addc(b, '\n');
}

/* parse reads the whole of data from line first with delim and returns
 * the rows collected (static), or "ERROR" when csvin_read failed. */
static const char *
parse_enc(const char *data, size_t n, enum enc enc, unsigned long first,
    char delim)
{
	static struct buf out;
	struct csvin *ci;
	const char *path = unit_write("in.csv", data, n);

	buf_reset(&out);
	ci = csvin_open(path, enc);
	assert_non_null(ci);
	if (csvin_read(ci, first, delim, collect, &out) < 0)
		buf_adds(&out, "ERROR");
	csvin_close(ci);
	if (out.p == NULL)
		buf_adds(&out, "");
	return out.p;
}

static const char *
parse(const char *data, char delim)
{
	return parse_enc(data, strlen(data), ENC_UTF8, 1, delim);
}

static void
test_records(void **state)
{
	(void)state;
	assert_string_equal(parse("a,b\n1,2\n", ','), "1:a|b\n2:1|2\n");
	/* CRLF, no line end at the end, blank lines skipped. */
	assert_string_equal(parse("a,b\r\n\r\n1,2\r\n\n3,4", ','),
	    "1:a|b\n3:1|2\n5:3|4\n");
	/* Quoted fields: delimiter, doubled quote, line break (numbered by
	 * the line the record starts on), CRLF kept inside quotes. */
	assert_string_equal(parse("a,b\n\"x,y\",\"say \"\"hi\"\"\"\n"
	    "\"two\nlines\",z\n\"c\r\nd\",e\r\nlast,1\n", ','),
	    "1:a|b\n2:x,y|say \"hi\"\n3:two\nlines|z\n5:c\r\nd|e\n7:last|1\n");
	/* A bare quote inside an unquoted field is kept as is. */
	assert_string_equal(parse("a,b\n5'6\",x\"y\n", ','),
	    "1:a|b\n2:5'6\"|x\"y\n");
	/* Spaces are data; empty fields are kept; a row of empty fields is
	 * not a record. */
	assert_string_equal(parse(" a , b \n,,\n,x,\n\"\",\"\"\n", ','),
	    "1: a | b \n3:|x|\n");
	/* Other delimiters. */
	assert_string_equal(parse("a;b\n1,5;2\n", ';'), "1:a|b\n2:1,5|2\n");
	assert_string_equal(parse("a\tb\n1\t\t2\n", '\t'), "1:a|b\n2:1||2\n");
	/* Text after a closing quote: that record is malformed, with the
	 * fields before the fault, and the rest of its line is skipped, never
	 * the rest of the file. */
	assert_string_equal(parse("a,b,c\n\"a\"x,1,2\n3,4,5\n", ','),
	    "1:a|b|c\n2:!text after the closing quote of field 1\n3:3|4|5\n");
	assert_string_equal(parse("a,b\n\"a\" ,b\n3,4\n", ','),
	    "1:a|b\n2:!text after the closing quote of field 1\n3:3|4\n");
	assert_string_equal(parse("a,b,c\n1,\"b\"\"c\"d,\"e\n3,4,5\n", ','),
	    "1:a|b|c\n2:1!text after the closing quote of field 2\n3:3|4|5\n");
	/* In a record that spans lines: numbered by its first line. */
	assert_string_equal(parse("a,b\n\"two\nlines\"x,1\n3,4\n", ','),
	    "1:a|b\n2:!text after the closing quote of field 1\n4:3|4\n");
	/* At the end of the text, without a line end; other delimiters. */
	assert_string_equal(parse("a,b\n\"1\"2", ','),
	    "1:a|b\n2:!text after the closing quote of field 1\n");
	assert_string_equal(parse("a;b\nx;\"1\";\"2\"3;4\n5;6\n", ';'),
	    "1:a|b\n2:x|1!text after the closing quote of field 3\n3:5|6\n");
	/* Bare quotes in unquoted fields around it are still kept, and a
	 * quote written twice is one quote. */
	assert_string_equal(parse("a,b\n5'6\",\"x\"\"y\"\n\"p\"q,r\"s\n"
	    "t\"u,\"v\"\n", ','), "1:a|b\n2:5'6\"|x\"y\n3:!text after the "
	    "closing quote of field 1\n4:t\"u|v\n");
	/* A quote left open at the end of the file. */
	assert_string_equal(parse("a,b\n1,\"open\n2,3\n", ','), "1:a|b\nERROR");
	/* A BOM is dropped; an empty file has no records. */
	assert_string_equal(parse("\xef\xbb\xbf" "a\n1\n", ','), "1:a\n2:1\n");
	assert_string_equal(parse("", ','), "");
	assert_string_equal(parse("\xef\xbb\xbf", ','), "");
	/* Invalid UTF-8 is an error. */
	assert_string_equal(parse("a\n\xf3\n", ','), "1:a\nERROR");
	/* Starting further down skips the lines above. */
	assert_string_equal(parse_enc(LIT("title,,\n\nh1,h2\n1,2\n"),
	    ENC_UTF8, 3, ','), "3:h1|h2\n4:1|2\n");
}

static void
test_encodings(void **state)
{
	(void)state;
	/* "Có,Thạnh Hóa,Đức" in each encoding (made with iconv). */
	assert_string_equal(parse_enc(LIT("C\xf3,Tha\xf2nh H\xf3" "a,\xd0\xfd\xec"
	    "c\n"), ENC_CP1258, 1, ','), "1:Có|Thạnh Hóa|Đức\n");
	assert_string_equal(parse_enc(LIT("C\xe3,Th\xb9nh H\xe3" "a,\xa7\xf8" "c\n"),
	    ENC_TCVN3, 1, ','), "1:Có|Thạnh Hóa|Đức\n");
	assert_string_equal(parse_enc(LIT("C\xf3,Th\xd5nh H\xf3" "a,\xd0\xd1" "c\n"),
	    ENC_VISCII, 1, ','), "1:Có|Thạnh Hóa|Đức\n");
	/* 0x81 is not a CP1258 byte: the error comes at its line, after the
	 * lines before it, though one read decoded them all. */
	assert_string_equal(parse_enc(LIT("a\nb\x81\n"), ENC_CP1258, 1, ','),
	    "1:a\nERROR");
	assert_string_equal(parse_enc(LIT("a,b\n1,2\n3,4\n\x81\n5,6\n"),
	    ENC_CP1258, 1, ','), "1:a|b\n2:1|2\n3:3|4\nERROR");
	assert_string_equal(parse_enc(LIT("\x81\n"), ENC_CP1258, 1, ','),
	    "ERROR");
}

static void
test_gzip(void **state)
{
	const char *path;
	struct buf out = { 0 };
	struct csvin *ci;

	(void)state;
	path = unit_write_gz("in.gz", LIT("a,b\n\"x\ny\",2\n"));
	ci = csvin_open(path, ENC_UTF8);
	assert_non_null(ci);
	assert_int_equal(csvin_read(ci, 1, ',', collect, &out), 0);
	unit_buf_is(&out, "1:a|b\n2:x\ny|2\n");
	csvin_close(ci);
	buf_free(&out);
}

static void
test_peek(void **state)
{
	const char *path, *l;
	size_t len;
	struct csvin *ci;
	struct buf out = { 0 };

	(void)state;
	path = unit_write("p.csv", LIT("T1\r\nT2\r\nh\r\n1\r\n2"));
	ci = csvin_open(path, ENC_UTF8);
	assert_int_equal(csvin_peek(ci, 2, &l, &len), 1);
	assert_int_equal(len, 2);
	assert_memory_equal(l, "T2", 2);
	assert_int_equal(csvin_peek(ci, 1, &l, &len), 1);
	assert_memory_equal(l, "T1", 2);
	assert_int_equal(csvin_peek(ci, 5, &l, &len), 1);
	assert_memory_equal(l, "2", 1);
	assert_int_equal(csvin_peek(ci, 6, &l, &len), 0);
	assert_int_equal(csvin_peek(ci, 0, &l, &len), 0);
	assert_int_equal(csvin_read(ci, 3, ',', collect, &out), 0);
	unit_buf_is(&out, "3:h\n4:1\n5:2\n");
	csvin_close(ci);
	buf_reset(&out);

	/* Lines after the peeked ones continue the count. */
	path = unit_write("q.csv", LIT("a\nb\nc\nd\n"));
	ci = csvin_open(path, ENC_UTF8);
	assert_int_equal(csvin_peek(ci, 1, &l, &len), 1);
	assert_int_equal(csvin_read(ci, 1, ',', collect, &out), 0);
	unit_buf_is(&out, "1:a\n2:b\n3:c\n4:d\n");
	csvin_close(ci);
	buf_free(&out);

	assert_null(csvin_open("/nonexistent/x.csv", ENC_UTF8));
}

static void
test_long_lines(void **state)
{
	/* Lines longer than the read buffer, and many of them. */
	size_t n = 700 * 1024, i;
	char *data = malloc(2 * n + 8);
	const char *got;

	(void)state;
	memset(data, 'x', n);
	data[n] = ',';
	memset(data + n + 1, 'y', n - 1);
	data[2 * n] = '\n';
	data[2 * n + 1] = '\0';
	got = parse_enc(data, 2 * n + 1, ENC_UTF8, 1, ',');
	assert_int_equal(strlen(got), 2 * n + 3);
	assert_memory_equal(got + n + 1, "x|y", 3);
	assert_memory_equal(got, "1:xxx", 5);
	free(data);

	data = malloc(200000 * 4 + 1);
	for (i = 0; i < 200000; i++)
		memcpy(data + 4 * i, "a,b\n", 4);
	data[800000] = '\0';
	got = parse_enc(data, 800000, ENC_UTF8, 1, ',');
	assert_string_equal(got + strlen(got) - 11, "200000:a|b\n");
	free(data);
}

static void
test_sniff(void **state)
{
	char d[4];

	(void)state;
	assert_int_equal(csvin_sniff("a,b,c", 5, d), 1);
	assert_string_equal(d, ",");
	assert_int_equal(csvin_sniff("a;b;c,d", 7, d), 2);
	assert_string_equal(d, ";,");
	assert_int_equal(csvin_sniff("a\tb\tc;d,e", 9, d), 3);
	assert_string_equal(d, "\t,;");
	/* Delimiters inside quotes do not count. */
	assert_int_equal(csvin_sniff("\"a,b,c\";d", 9, d), 1);
	assert_string_equal(d, ";");
	assert_int_equal(csvin_sniff("abc", 3, d), 0);
	assert_string_equal(d, "");
}

static void
test_split(void **state)
{
	struct csvin_row *row = csvin_row_new();

	(void)state;
	assert_int_equal(csvin_split(row, "a,\"b,c\",,d", 10, ','), 0);
	assert_int_equal(row->n, 4);
	assert_string_equal(row->f[1], "b,c");
	assert_int_equal(row->len[2], 0);
	assert_string_equal(row->f[3], "d");
	assert_int_equal(csvin_split(row, "x;y", 3, ';'), 0);
	assert_int_equal(row->n, 2);
	assert_int_equal(csvin_split(row, "\"open,x", 7, ','), -1);
	csvin_row_free(row);
	csvin_row_free(NULL);
}

/* detect_read opens path with ENC_AUTO, detects and reads it from line
 * 1 with delim: the rows collected, "ERROR" when csvin_read failed, or
 * "UNDECIDED"; *enc is the encoding detected.  Static. */
static const char *
detect_read(const char *path, char delim, enum enc *enc)
{
	static struct buf out;
	struct enc_guess g;
	struct csvin *ci;

	buf_reset(&out);
	buf_adds(&out, "");
	ci = csvin_open(path, ENC_AUTO);
	assert_non_null(ci);
	switch (csvin_detect(ci, &g)) {
	case 0:
		buf_adds(&out, "UNDECIDED");
		break;
	case 1:
		*enc = g.enc;
		if (csvin_read(ci, 1, delim, collect, &out) < 0)
			buf_adds(&out, "ERROR");
		break;
	default:
		buf_adds(&out, "READ ERROR");
	}
	csvin_close(ci);
	return out.p;
}

static void
test_detect(void **state)
{
	enum enc enc = ENC_AUTO;
	struct enc_guess g;
	struct csvin *ci;
	const char *path, *got;
	char *big;
	size_t n, i, line;

	(void)state;
	/* "Có,Thạnh Hóa,Đức" in each encoding, as in test_encodings, and in
	 * UTF-8 with a BOM. */
	path = unit_write("a.csv", LIT("C\xf3,Tha\xf2nh H\xf3" "a,\xd0\xfd\xec"
	    "c\n"));
	assert_string_equal(detect_read(path, ',', &enc), "1:Có|Thạnh Hóa|Đức\n");
	assert_int_equal(enc, ENC_CP1258);
	path = unit_write("a.csv", LIT("C\xe3,Th\xb9nh H\xe3" "a,\xa7\xf8" "c\n"));
	assert_string_equal(detect_read(path, ',', &enc), "1:Có|Thạnh Hóa|Đức\n");
	assert_int_equal(enc, ENC_TCVN3);
	path = unit_write("a.csv", LIT("C\xf3,Th\xd5nh H\xf3" "a,\xd0\xd1" "c\n"));
	assert_string_equal(detect_read(path, ',', &enc), "1:Có|Thạnh Hóa|Đức\n");
	assert_int_equal(enc, ENC_VISCII);
	path = unit_write("a.csv", LIT("\xef\xbb\xbf" "Có,Đức\n"));
	assert_string_equal(detect_read(path, ',', &enc), "1:Có|Đức\n");
	assert_int_equal(enc, ENC_UTF8);
	/* Gzipped, the decompressed bytes are looked at. */
	path = unit_write_gz("a.gz", LIT("C\xe3,Th\xb9nh H\xe3" "a,\xa7\xf8"
	    "c\n"));
	assert_string_equal(detect_read(path, ',', &enc),
	    "1:Có|Thạnh Hóa|Đức\n");
	assert_int_equal(enc, ENC_TCVN3);
	/* Too little to tell. */
	path = unit_write("a.csv", LIT("N\xe3m\n"));
	assert_string_equal(detect_read(path, ',', &enc), "UNDECIDED");

	/* A Windows-1258 file longer than the sample reads on past it, a
	 * letter and its tone mark split across the sample's edge
	 * included. */
	n = ENC_SAMPLE + 4096;
	big = malloc(n);
	assert_non_null(big);
	for (i = 0; i + 13 <= n; i += 13)
		memcpy(big + i, "Tha\xf2nh H\xf3" "a,1\n", 13);
	line = i / 13;
	n = i;
	assert_int_equal(ENC_SAMPLE % 13, 3);	/* "Tha|\xf2" at the edge */
	path = unit_write("big.csv", big, n);
	got = detect_read(path, ',', &enc);
	assert_int_equal(enc, ENC_CP1258);
	for (i = 1; i <= line; i++) {
		char want[64];

		snprintf(want, sizeof want, "%zu:Thạnh Hóa|1\n", i);
		assert_memory_equal(got, want, strlen(want));
		got += strlen(want);
	}
	assert_string_equal(got, "");
	/* UTF-8 that goes bad after the sample: the reader's error. */
	memset(big, 'a', n);
	for (i = 79; i < n; i += 80)
		big[i] = '\n';
	big[n - 2] = '\xf3';
	path = unit_write("big.csv", big, n);
	got = detect_read(path, ',', &enc);
	assert_int_equal(enc, ENC_UTF8);
	assert_string_equal(got + strlen(got) - 5, "ERROR");
	free(big);

	/* An encoding given: detect says it and reads nothing. */
	path = unit_write("a.csv", LIT("C\xf3\n"));
	ci = csvin_open(path, ENC_VISCII);
	assert_int_equal(csvin_detect(ci, &g), 1);
	assert_int_equal(g.enc, ENC_VISCII);
	csvin_close(ci);
}

static int
setup(void **state)
{
	diag_init("test_csvin");
	return unit_tmpdir_setup(state);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_records),
		cmocka_unit_test(test_encodings),
		cmocka_unit_test(test_gzip),
		cmocka_unit_test(test_peek),
		cmocka_unit_test(test_long_lines),
		cmocka_unit_test(test_sniff),
		cmocka_unit_test(test_split),
		cmocka_unit_test(test_detect),
	};

	return cmocka_run_group_tests(tests, setup, unit_tmpdir_teardown);
}
