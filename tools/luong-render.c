/* luong-render — a record stream as a report people open: an aligned
 * terminal table, TSV, CSV, Markdown, self-contained HTML with SVG charts,
 * or XLSX; Vietnamese (or English) labels and number format.
 *
 * It holds every row: it is meant for the already aggregated rows (a
 * district a level), as luong-rank writes them. */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "diag.h"
#include "fmt.h"
#include "labels.h"
#include "rec.h"
#include "report.h"
#include "rhtml.h"
#include "rtext.h"
#include "rxlsx.h"

enum format { F_TABLE, F_TSV, F_CSV, F_MD, F_HTML, F_XLSX };

static const char *const formats[] = {
	"table", "tsv", "csv", "md", "html", "xlsx", NULL
};
static const char *const layouts[] = { "report", "appendix", "plain", NULL };

/* A temporary file that is removed unless it has been renamed into place:
 * a failed run leaves the previous report as it was. */
static char *tmp_path;

static void
tmp_cleanup(void)
{
	if (tmp_path != NULL)
		unlink(tmp_path);
	free(tmp_path);
	tmp_path = NULL;
}

static void
usage_to(FILE *fp)
{
	fputs("usage: luong-render -f table|tsv|csv|md|html|xlsx [-o file] "
	    "[--box]\n"
	    "                    [--layout report|appendix|plain] "
	    "[--locale vi|en]\n"
	    "                    [--title text] [file ...]\n", fp);
}

static void __attribute__((noreturn))
usage(void)
{
	usage_to(stderr);
	exit(EXIT_USAGE);
}

/* bad_option says what getopt_long refused — its own messages are off,
 * since they name argv[0], a wrapper's path under valgrind — then prints
 * the usage. */
static void __attribute__((noreturn))
bad_option(char **argv, int missing)
{
	const char *arg = argv[optind - 1];

	if (missing)
		diag_msg(NULL, 0, "%s needs an argument", arg);
	else if (optopt == 'B' || optopt == 'h')
		diag_msg(NULL, 0, "%.*s takes no argument",
		    (int)strcspn(arg, "="), arg);
	else if (optopt == 0)
		diag_msg(NULL, 0, "unknown option %.*s",
		    (int)strcspn(arg, "="), arg);
	else
		diag_msg(NULL, 0, "unknown option -%c", optopt);
	usage();
}

static int
lookup(const char *const *list, const char *s)
{
	int i;

	for (i = 0; list[i] != NULL; i++)
		if (strcmp(list[i], s) == 0)
			return i;
	return -1;
}

/* report_time returns SOURCE_DATE_EPOCH when it is set and not empty (a
 * usage error unless it is a whole number of seconds), else the current
 * time. */
static time_t
report_time(void)
{
	const char *s = getenv("SOURCE_DATE_EPOCH");
	char *end;
	unsigned long long v;

	if (s == NULL || *s == '\0')
		return time(NULL);
	errno = 0;
	v = strtoull(s, &end, 10);
	if (*s < '0' || *s > '9' || *end != '\0' || errno != 0 ||
	    v > (unsigned long long)LLONG_MAX)
		diag_fatal(EXIT_USAGE, NULL, 0,
		    "SOURCE_DATE_EPOCH: \"%s\" is not a number of seconds", s);
	return (time_t)v;
}

static int
readable(const char *path)
{
	return access(path, R_OK) == 0;
}

/* labels_path finds labels-LOCALE.yaml: in $LUONG_CONFIG when it is set;
 * else in config/ or share/luong/ beside the program's directory or above
 * it (bin/ in the source tree, PREFIX/bin when installed). */
static char *
labels_path(const char *locale)
{
	struct buf b = { 0 };
	const char *env = getenv("LUONG_CONFIG");
	char exe[PATH_MAX], *slash;
	ssize_t n;
	int up;

	if (env != NULL && *env != '\0') {
		buf_printf(&b, "%s/labels-%s.yaml", env, locale);
		return b.p;
	}
	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		for (up = 0; up < 4 && (slash = strrchr(exe, '/')) != NULL;
		    up++) {
			*slash = '\0';
			buf_reset(&b);
			buf_printf(&b, "%s/config/labels-%s.yaml", exe, locale);
			if (readable(b.p))
				return b.p;
			buf_reset(&b);
			buf_printf(&b, "%s/share/luong/labels-%s.yaml", exe,
			    locale);
			if (readable(b.p))
				return b.p;
		}
	}
	buf_free(&b);
	diag_fatal(EXIT_USAGE, NULL, 0, "labels-%s.yaml: not found; set "
	    "LUONG_CONFIG to the directory that holds it", locale);
}

/* valid_locale: a name like "vi" or "en-GB", nothing that walks paths. */
static int
valid_locale(const char *s)
{
	size_t i;

	if (*s == '\0' || strlen(s) > 16)
		return 0;
	for (i = 0; s[i] != '\0'; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' &&
		    s[i] <= 'Z') || (s[i] == '-' && i > 0) || (s[i] == '_' &&
		    i > 0)))
			return 0;
	return 1;
}

/* out_open returns the descriptor to write to: stdout, or a temporary
 * file beside path that out_commit renames to path; -1 (printed) when the
 * file cannot be created. */
static int
out_open(const char *path)
{
	struct buf b = { 0 };
	const char *slash;
	mode_t mask;
	int fd;

	if (path == NULL)
		return STDOUT_FILENO;
	slash = strrchr(path, '/');
	if (slash != NULL)
		buf_printf(&b, "%.*s.%s.XXXXXX", (int)(slash - path + 1), path,
		    slash + 1);
	else
		buf_printf(&b, ".%s.XXXXXX", path);
	tmp_path = b.p;
	atexit(tmp_cleanup);
	if ((fd = mkstemp(tmp_path)) < 0) {
		diag_msg(path, 0, "cannot create: %s", strerror(errno));
		free(tmp_path);
		tmp_path = NULL;
		return -1;
	}
	/* mkstemp makes 0600; a report gets what the umask allows. */
	mask = umask(0);
	umask(mask);
	fchmod(fd, 0666 & ~mask);
	return fd;
}

static void
out_commit(const char *path, int fd)
{
	if (path == NULL)
		return;
	if (close(fd) != 0)
		diag_fatal(EXIT_DATA, path, 0, "write error: %s",
		    strerror(errno));
	if (rename(tmp_path, path) != 0)
		diag_fatal(EXIT_DATA, path, 0, "cannot rename into place: %s",
		    strerror(errno));
	free(tmp_path);
	tmp_path = NULL;
}

/* write_all writes p[0..n) to fd; an error is fatal (exit 1). */
static void
write_all(int fd, const char *name, const char *p, size_t n)
{
	ssize_t k;

	while (n > 0) {
		k = write(fd, p, n);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			diag_fatal(EXIT_DATA, name, 0, "write error: %s",
			    k < 0 ? strerror(errno) : "short write");
		p += k;
		n -= (size_t)k;
	}
}

/* copy_out copies the file at src to fd. */
static void
copy_out(const char *src, int fd, const char *name)
{
	char chunk[65536];
	ssize_t n;
	int in;

	if ((in = open(src, O_RDONLY)) < 0)
		diag_fatal(EXIT_DATA, src, 0, "cannot open: %s",
		    strerror(errno));
	while ((n = read(in, chunk, sizeof chunk)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			diag_fatal(EXIT_DATA, src, 0, "read error: %s",
			    strerror(errno));
		write_all(fd, name, chunk, (size_t)n);
	}
	close(in);
}

/* write_xlsx writes the workbook: into the temporary file beside -o's
 * path (fd), or into one in $TMPDIR that is then copied to standard
 * output — libxlsxwriter needs a file it can seek in. */
static void
write_xlsx(const struct report *rep, const struct labels *l, time_t when,
    const char *outpath, int fd)
{
	struct buf err = { 0 }, tmp = { 0 };
	const char *dir = getenv("TMPDIR");
	int tfd;

	if (outpath != NULL) {
		if (rxlsx_write(tmp_path, rep, l, when, &err) != 0)
			diag_fatal(EXIT_DATA, outpath, 0, "%s", err.p);
		return;
	}
	buf_printf(&tmp, "%s/luong-render.XXXXXX", dir && *dir ? dir : "/tmp");
	if ((tfd = mkstemp(tmp.p)) < 0)
		diag_fatal(EXIT_DATA, tmp.p, 0, "cannot create: %s",
		    strerror(errno));
	close(tfd);
	tmp_path = tmp.p;
	atexit(tmp_cleanup);
	if (rxlsx_write(tmp_path, rep, l, when, &err) != 0)
		diag_fatal(EXIT_DATA, "<stdout>", 0, "%s", err.p);
	copy_out(tmp_path, fd, "<stdout>");
	tmp_cleanup();
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "box",	no_argument,		NULL, 'B' },
		{ "help",	no_argument,		NULL, 'h' },
		{ "layout",	required_argument,	NULL, 'L' },
		{ "locale",	required_argument,	NULL, 'l' },
		{ "title",	required_argument,	NULL, 'T' },
		{ NULL,		0,			NULL, 0 }
	};
	const char *outpath = NULL, *locale = "vi", *title = NULL;
	const char *outname;
	int fmt = -1, layout = LAYOUT_REPORT, box = 0, ch, fd;
	int status = EXIT_OK;
	struct rec_reader *r;
	struct report *rep;
	struct labels *l;
	struct fmt_locale loc;
	struct buf out = { 0 }, err = { 0 };
	time_t when = 0;
	char *lpath;

	diag_init("luong-render");
	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":f:o:", longopts, NULL)) != -1) {
		switch (ch) {
		case ':':
			bad_option(argv, 1);
		case '?':
			bad_option(argv, 0);
		case 'B':
			box = 1;
			break;
		case 'L':
			if ((layout = lookup(layouts, optarg)) < 0)
				diag_fatal(EXIT_USAGE, NULL, 0,
				    "--layout: unknown layout \"%s\"", optarg);
			break;
		case 'T':
			title = optarg;
			break;
		case 'f':
			if ((fmt = lookup(formats, optarg)) < 0)
				diag_fatal(EXIT_USAGE, NULL, 0,
				    "-f: unknown format \"%s\"", optarg);
			break;
		case 'h':
			usage_to(stdout);
			rec_close_stdout();
			return EXIT_OK;
		case 'l':
			if (!valid_locale(optarg))
				diag_fatal(EXIT_USAGE, NULL, 0,
				    "--locale: bad locale name \"%s\"", optarg);
			locale = optarg;
			break;
		case 'o':
			outpath = optarg;
			break;
		default:
			usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (fmt < 0)
		usage();
	if (box && fmt != F_TABLE)
		diag_fatal(EXIT_USAGE, NULL, 0, "--box: only with -f table");
	if (fmt == F_XLSX && outpath == NULL && isatty(STDOUT_FILENO))
		diag_fatal(EXIT_USAGE, NULL, 0, "refusing to write XLSX to a "
		    "terminal; use -o file or redirect standard output");
	if (fmt == F_HTML || fmt == F_XLSX)
		when = report_time();
	lpath = labels_path(locale);
	l = labels_load(lpath);
	loc.decimal = l->decimal;
	loc.group = l->group;

	r = rec_reader_open(argc, argv);
	rep = report_read(r);
	if (report_build(rep, (enum report_layout)layout, l, title, &err) != 0) {
		diag_msg(r->file, 0, "%s", err.p);
		status = EXIT_DATA;
		goto done;
	}

	if ((fd = out_open(outpath)) < 0) {
		status = EXIT_DATA;
		goto done;
	}
	outname = outpath != NULL ? outpath : "<stdout>";
	switch (fmt) {
	case F_TABLE:
		rtext_table(&out, rep, l, &loc, box);
		break;
	case F_TSV:
		rtext_tsv(&out, rep, l, &loc);
		break;
	case F_CSV:
		rtext_csv(&out, rep, l, &loc);
		break;
	case F_MD:
		rtext_md(&out, rep, l, &loc);
		break;
	case F_HTML:
		rhtml_write(&out, rep, l, &loc, when);
		break;
	case F_XLSX:
		write_xlsx(rep, l, when, outpath, fd);
		break;
	}
	if (fmt != F_XLSX)
		write_all(fd, outname, out.p ? out.p : "", out.len);
	out_commit(outpath, fd);
	diag_msg(NULL, 0, "%zu row%s read, %zu table%s (%s layout) written "
	    "as %s", rep->nrows, rep->nrows == 1 ? "" : "s", rep->nt,
	    rep->nt == 1 ? "" : "s", layouts[rep->layout], formats[fmt]);

done:
	buf_free(&out);
	buf_free(&err);
	report_free(rep);
	rec_reader_free(r);
	labels_free(l);
	free(lpath);
	rec_close_stdout();
	return status;
}
