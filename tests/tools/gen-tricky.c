/*
 * gen-tricky — write inputs that exercise the fast paths of the stream and
 * CSV readers and writers at their edges (tests/suite-fastpaths).
 *
 *	gen-tricky csv|tsv|cp1258 rows seed
 *
 * csv: a student-level export (config/schemas/student-export.yaml) whose
 * fields hold what the readers treat apart: quotes doubled and bare,
 * delimiters and line breaks inside quotes, TABs, CRs and backslashes,
 * NFD and precomposed Vietnamese, no-break spaces, values a pattern or an
 * enum refuses, rows with text after a closing quote, too few or too many
 * fields, blank lines, CRLF and LF, and now and then a field longer than
 * the readers' buffers; padding puts the bytes that matter at every offset
 * of a 64-byte block.
 * tsv: a record stream (district, level, n, a, b) whose fields hold every
 * escape, bare backslashes, raw CRs, CRLF line ends and long fields.
 * cp1258: CSV lines of Windows-1258 letters, precomposed vowels and
 * combining tone marks in every order.
 * The same arguments give the same bytes.  Not one of luong's programs.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "splitmix.h"

#define ANY(a)	((a)[pick(sizeof (a) / sizeof (a)[0])])

static const char *district[] = { "Tân An", "Châu Thành", "Đức Hòa",
    "Đức Hoà", "H. Cần Giuộc", "Huyện Bến Lức", "THỦ THỪA", "Tan Tru",
    "Tha\xcc\xa3nh Ho\xcc\x81" "a", "Mo\xcc\xa3\xcc\x82" "c Hóa",
    "Kiến\xc2\xa0Tường", "  Vĩnh Hưng ", "Tân\tHưng", "Tân\\Thạnh",
    "Đức\\tHuệ", "Cần Đước\r", "Nowhere", "" };
static const char *level[] = { "THCS", "THPT", "Trung học cơ sở", "cấp 2",
    "Cấp III", "thcs", "Lớp 9" };
static const char *outcome[] = { "Vào lớp 10 THPT", "Học GDTX",
    "Học trung cấp", "Học sơ cấp", "Học cao đẳng", "Đi làm", "Chưa rõ",
    "Lao động", "GDTX", "học nghề", "" };
static const char *year[] = { "2022-2023", "2022 - 2023", "2022–2023",
    "2022-23", "2021-2022" };
static const char *bits[] = { "a", "Nguyễn", "Thị", "Hòa", "Ho\xcc\x80" "a",
    " ", ",", ";", "\"\"", "\t", "\\", "\\t", "\\n", "\r", "\n", "x",
    "\xc2\xa0", "ư", "ộ" };

/* padding writes n bytes of plain ASCII. */
static void
padding(unsigned n)
{
	while (n-- > 0)
		putchar('a' + (int)pick(26));
}

/* quoted writes a quoted field of random bits, quotes doubled. */
static void
quoted(unsigned nbits)
{
	putchar('"');
	padding(pick(64));
	while (nbits-- > 0)
		fputs(ANY(bits), stdout);
	putchar('"');
}

static void
csv_row(long long i)
{
	unsigned kind = pick(100);

	if (kind < 3) {		/* a blank line, or only delimiters */
		fputs(kind == 0 ? "" : ",,,,,,,,", stdout);
		fputs(pick(2) ? "\r\n" : "\n", stdout);
		return;
	}
	if (pick(50) == 0)
		printf("80%08lld", i);
	else
		printf("%s%08lld", pick(40) ? "80" : "8 ", i);
	putchar(',');
	if (pick(300) == 0) {	/* longer than the readers' buffers */
		putchar('"');
		padding(70000 + pick(300000));
		putchar('"');
	} else
		quoted(pick(6));
	printf(",%02u/%02u/2008,", pick(28) + 1, pick(12) + 1);
	printf(pick(10) ? "8079%u2%02u," : "\"8079%u2%02u\",", pick(10),
	    pick(20));
	if (kind < 6)
		fputs("\"THCS \"x", stdout);	/* text after the quote */
	else if (kind < 9)
		fputs("THCS 5'6\"", stdout);	/* a bare quote */
	else
		quoted(pick(3));
	putchar(',');
	fputs(ANY(level), stdout);
	putchar(',');
	if (pick(4) == 0) {
		putchar('"');
		fputs(ANY(district), stdout);
		putchar('"');
	} else {
		const char *d = ANY(district);

		/* Unquoted, a CR or a line break would end the row. */
		fputs(strchr(d, '\r') != NULL ? "Tân An" : d, stdout);
	}
	printf(",%s", ANY(year));
	if (kind < 12 || kind >= 14)	/* else a field short */
		printf(",%s", ANY(outcome));
	if (kind >= 9 && kind < 12)	/* a field too many */
		fputs(",extra", stdout);
	fputs(pick(3) ? "\r\n" : "\n", stdout);
}

/* tsv_field writes a field of the stream with escapes and raw CRs. */
static void
tsv_field(void)
{
	static const char *esc[] = { "\\t", "\\n", "\\r", "\\\\", "\\q", "\\",
	    "\r", "x", "ạ", "\xc2\xa0", "a\\" };
	unsigned n = pick(8);

	if (pick(500) == 0)
		padding(70000 + pick(300000));
	padding(pick(70));
	while (n-- > 0)
		fputs(pick(2) ? ANY(esc) : "b", stdout);
}

static void
tsv_row(void)
{
	const char *d = ANY(district);

	/* The district goes to luong-normalise: escape what must be. */
	for (; *d != '\0'; d++)
		switch (*d) {
		case '\t': fputs("\\t", stdout); break;
		case '\r': fputs("\\r", stdout); break;
		case '\\': fputs("\\\\", stdout); break;
		default: putchar(*d);
		}
	printf("\t%s\t%u\t", pick(2) ? "THCS" : "THPT", pick(100));
	tsv_field();
	putchar('\t');
	tsv_field();
	fputs(pick(4) ? "\n" : "\r\n", stdout);
}

static void
cp1258_row(void)
{
	/* Letters, precomposed vowels (â ê ô ă ơ ư đ) and the combining
	 * tone marks (grave, acute, tilde, hook, dot below). */
	static const unsigned char b[] = { 'a', 'e', 'o', 'u', 'y', 'i', 'A',
	    'O', 'n', 'g', 'h', ' ', 0xe2, 0xea, 0xf4, 0xe3, 0xf5, 0xfd, 0xf0,
	    0xc2, 0xd5, 0xcc, 0xec, 0xde, 0xd2, 0xf2, 0x80, 0xa0 };
	unsigned f, n;

	for (f = 0; f < 3; f++) {
		if (f > 0)
			putchar(',');
		padding(pick(20));
		for (n = pick(30); n > 0; n--)
			putchar(b[pick(sizeof b)]);
	}
	fputs(pick(2) ? "\r\n" : "\n", stdout);
}

int
main(int argc, char **argv)
{
	long long n, i;

	if (argc != 4) {
		fprintf(stderr, "usage: gen-tricky csv|tsv|cp1258 rows seed\n");
		return 2;
	}
	n = strtoll(argv[2], NULL, 10);
	rng = strtoull(argv[3], NULL, 10);
	if (strcmp(argv[1], "csv") == 0) {
		fputs("\xef\xbb\xbfMã học sinh,Họ và tên,Ngày sinh,Mã trường,"
		    "Tên trường,Cấp học,Huyện/Thị xã/Thành phố,Năm học,"
		    "Hướng đi sau tốt nghiệp\r\n", stdout);
		for (i = 0; i < n; i++)
			csv_row(i);
	} else if (strcmp(argv[1], "tsv") == 0) {
		fputs("district\tlevel\tn\ta\tb\n", stdout);
		for (i = 0; i < n; i++)
			tsv_row();
	} else if (strcmp(argv[1], "cp1258") == 0) {
		fputs("a,b,c\r\n", stdout);
		for (i = 0; i < n; i++)
			cp1258_row();
	} else {
		fprintf(stderr, "gen-tricky: %s: not csv, tsv or cp1258\n",
		    argv[1]);
		return 2;
	}
	if (fflush(stdout) != 0 || ferror(stdout)) {
		perror("gen-tricky: write error");
		return 1;
	}
	return 0;
}
