/*
 * gen-students — write a synthetic student-level graduate export.
 *
 *	gen-students [-l THCS|THPT|both] [-n rows] [-s seed] [-y year]
 *
 * Writes CSV in the layout of config/schemas/student-export.yaml to stdout,
 * as the national school database exports it: a UTF-8 BOM, CRLF line ends,
 * and district names spelled the ways real files spell them (kind
 * prefixes, upper case, no diacritics, NFD, the old tone placement, stray
 * and non-breaking spaces).  The same seed gives the same bytes.  Each
 * district's vocational share is drawn near the plan's 2023 target, so
 * reports over this data look like real ones.  Names and dates of birth are
 * invented; ingest drops them anyway.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <utf8proc.h>

struct district {
	int		 code;
	const char	*name;		/* NFC, new tone placement */
	const char	*old;		/* old tone placement, or NULL */
	const char	*ascii;
	const char	*prefix;	/* usual kind prefix */
	double		 thcs, thpt;	/* the plan's vocational targets */
	int		 weight;	/* relative number of graduates */
};

static const struct district districts[] = {
	{ 794, "Tân An", NULL, "Tan An", "TP.", 35.09, 44.17, 9 },
	{ 808, "Châu Thành", NULL, "Chau Thanh", "H.", 32.98, 42.94, 7 },
	{ 805, "Tân Trụ", NULL, "Tan Tru", "H.", 27.50, 43.07, 4 },
	{ 804, "Thủ Thừa", NULL, "Thu Thua", "H.", 20.00, 25.55, 6 },
	{ 803, "Bến Lức", NULL, "Ben Luc", "H.", 32.01, 45.05, 10 },
	{ 806, "Cần Đước", NULL, "Can Duoc", "H.", 10.01, 45.04, 10 },
	{ 807, "Cần Giuộc", NULL, "Can Giuoc", "H.", 27.03, 29.00, 11 },
	{ 802, "Đức Hòa", "Đức Hoà", "Duc Hoa", "H.", 37.87, 43.60, 14 },
	{ 801, "Đức Huệ", NULL, "Duc Hue", "H.", 27.04, 41.22, 4 },
	{ 800, "Thạnh Hóa", "Thạnh Hoá", "Thanh Hoa", "H.", 23.20, 22.86, 4 },
	{ 799, "Tân Thạnh", NULL, "Tan Thanh", "H.", 32.86, 65.12, 5 },
	{ 798, "Mộc Hóa", "Mộc Hoá", "Moc Hoa", "H.", 28.16, 42.86, 2 },
	{ 795, "Kiến Tường", NULL, "Kien Tuong", "TX.", 29.81, 43.04, 3 },
	{ 797, "Vĩnh Hưng", NULL, "Vinh Hung", "H.", 17.47, 40.37, 3 },
	{ 796, "Tân Hưng", NULL, "Tan Hung", "H.", 29.09, 43.71, 3 },
};
#define NDISTRICTS (sizeof districts / sizeof districts[0])

static const char *family[] = { "Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh",
    "Võ", "Phan", "Trương", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương" };
static const char *middle[] = { "Văn", "Thị", "Ngọc", "Minh", "Thanh",
    "Hoàng", "Kim", "Quốc", "Thủy", "Gia" };
static const char *given[] = { "An", "Bình", "Châu", "Duy", "Hạnh", "Hòa",
    "Khoa", "Linh", "Lộc", "Mai", "Nam", "Nhi", "Phúc", "Quân", "Tâm",
    "Thảo", "Trí", "Tú", "Uyên", "Vy", "Yến", "Khỏe" };

#include "splitmix.h"

static double
uniform(void)
{
	return (double)(next() >> 11) / 9007199254740992.0;
}

static void
put_mapped(const char *s, utf8proc_option_t opt, int upper)
{
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t n;

	if (upper) {
		/* Upper-case code point by code point, then recompose. */
		utf8proc_int32_t c;
		const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
		utf8proc_ssize_t k;
		char tmp[256];
		size_t t = 0;

		while (*p && (k = utf8proc_iterate(p, -1, &c)) > 0) {
			t += (size_t)utf8proc_encode_char(utf8proc_toupper(c),
			    (utf8proc_uint8_t *)tmp + t);
			p += k;
		}
		tmp[t] = '\0';
		fputs(tmp, stdout);
		return;
	}
	n = utf8proc_map((const utf8proc_uint8_t *)s, 0, &out,
	    UTF8PROC_NULLTERM | UTF8PROC_STABLE | opt);
	if (n >= 0)
		fwrite(out, 1, (size_t)n, stdout);
	free(out);
}

/* put_district writes one of the spellings real files use. */
static void
put_district(const struct district *d)
{
	const char *name = d->name;
	unsigned r = pick(100);

	if (d->old != NULL && pick(3) == 0)
		name = d->old;
	if (r < 40) {
		fputs(name, stdout);
	} else if (r < 55) {
		printf("%s %s", d->code == 794 ? "Thành phố" : d->code == 795 ?
		    "Thị xã" : "Huyện", name);
	} else if (r < 65) {
		printf("%s %s", d->prefix, name);
	} else if (r < 72) {
		put_mapped(name, 0, 1);
	} else if (r < 80) {
		fputs(d->ascii, stdout);
	} else if (r < 88) {
		put_mapped(name, UTF8PROC_DECOMPOSE, 0);
	} else if (r < 94) {
		/* A non-breaking space between the words. */
		const char *sp = strchr(name, ' ');

		printf("%.*s\xc2\xa0%s", (int)(sp - name), name, sp + 1);
	} else {
		printf("  %s ", name);
	}
}

static const struct district *
draw_district(int total)
{
	int w = (int)pick((unsigned)total);
	size_t i;

	for (i = 0; i < NDISTRICTS; i++)
		if ((w -= districts[i].weight) < 0)
			return &districts[i];
	return &districts[NDISTRICTS - 1];
}

static const char *
draw_outcome(const char *level, double target)
{
	double u = uniform() * 100;
	/* Vocational within a few points of the district's target. */
	double voc = target + (uniform() - 0.5) * 8;

	if (strcmp(level, "THCS") == 0) {
		if (u < voc)
			return pick(4) == 0 ? "Học sơ cấp" : "Học trung cấp";
		u -= voc;
		if (u < 60)
			return "Vào lớp 10 THPT";
		if (u < 66)
			return "Học GDTX";
		return pick(3) ? "Đi làm" : "Chưa rõ";
	}
	if (u < voc)
		return "Học cao đẳng";
	u -= voc;
	if (u < 45)
		return "Học đại học";
	if (u < 50)
		return "Học trung cấp";
	return pick(3) ? "Đi làm" : "Chưa rõ";
}

static void
usage(void)
{
	fprintf(stderr, "usage: gen-students [-l THCS|THPT|both] [-n rows] "
	    "[-s seed] [-y year]\n");
	exit(2);
}

int
main(int argc, char **argv)
{
	const char *levels = "both", *year = "2022-2023";
	long long n = 1000, i;
	int ch, total = 0;
	size_t k;

	opterr = 0;	/* our own message: argv[0] may be a wrapper's path */
	while ((ch = getopt(argc, argv, "l:n:s:y:")) != -1) {
		switch (ch) {
		case 'l':
			levels = optarg;
			if (strcmp(levels, "THCS") && strcmp(levels, "THPT") &&
			    strcmp(levels, "both"))
				usage();
			break;
		case 'n':
			n = strtoll(optarg, NULL, 10);
			if (n < 0)
				usage();
			break;
		case 's':
			rng = strtoull(optarg, NULL, 10);
			break;
		case 'y':
			year = optarg;
			break;
		default:
			fprintf(stderr, "gen-students: unknown option -%c\n",
			    optopt);
			usage();
		}
	}
	if (optind != argc)
		usage();
	for (k = 0; k < NDISTRICTS; k++)
		total += districts[k].weight;
	fputs("\xef\xbb\xbfMã học sinh,Họ và tên,Ngày sinh,Mã trường,"
	    "Tên trường,Cấp học,Huyện/Thị xã/Thành phố,Năm học,"
	    "Hướng đi sau tốt nghiệp\r\n", stdout);
	for (i = 0; i < n; i++) {
		const struct district *d = draw_district(total);
		const char *level = strcmp(levels, "both") ? levels :
		    pick(5) < 3 ? "THCS" : "THPT";
		int thcs = strcmp(level, "THCS") == 0;
		unsigned school = pick(thcs ? 9 : 4) + 1;

		printf("%d%08lld,\"%s %s %s\",%02u/%02u/%d,%d%d%s%02u,",
		    80, i + 1,
		    family[pick(sizeof family / sizeof *family)],
		    middle[pick(sizeof middle / sizeof *middle)],
		    given[pick(sizeof given / sizeof *given)],
		    pick(28) + 1, pick(12) + 1, thcs ? 2008 : 2005,
		    80, d->code, thcs ? "2" : "3", school);
		printf("%s %s số %u,%s,", level, d->name, school, level);
		put_district(d);
		printf(",%s,%s\r\n", year, draw_outcome(level,
		    thcs ? d->thcs : d->thpt));
	}
	if (fflush(stdout) != 0 || ferror(stdout)) {
		perror("gen-students: write error");
		return 1;
	}
	return 0;
}
