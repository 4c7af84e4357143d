/* luong-render — a record stream as a report people open: an aligned
 * terminal table, TSV, CSV, Markdown, self-contained HTML with SVG charts,
 * XLSX, or a PDF to print and sign; Vietnamese (or English) labels and
 * number format.
 *
 * It holds every row: it is meant for the already aggregated rows (a
 * district a level), as luong-rank writes them. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include "atomic.h"
#include "buf.h"
#include "cli.h"
#include "diag.h"
#include "fmt.h"
#include "labels.h"
#include "period.h"
#include "rec.h"
#include "report.h"
#include "rhtml.h"
#include "rpdf.h"
#include "rterm.h"
#include "rtext.h"
#include "rxlsx.h"
#include "stats.h"

enum {
	OPT_BOX = CLI_OPT_FIRST, OPT_DATE, OPT_ISSUER, OPT_LAYOUT, OPT_LOCALE,
	OPT_PLACE, OPT_SORT, OPT_TITLE, OPT_WIDE
};

enum format { F_TABLE, F_TSV, F_CSV, F_MD, F_HTML, F_XLSX, F_PDF };

static const char *const formats[] = {
	"table", "tsv", "csv", "md", "html", "xlsx", "pdf", NULL
};
static const char *const layouts[] = { "report", "appendix", "plain", NULL };
static const char *const sorts[] = { "input", "rank", NULL };

static const char synopsis[] =
    "usage: luong-render -f table|tsv|csv|md|html|xlsx|pdf [-o file] [--box]\n"
    "                    [--layout report|appendix|plain] [--locale vi|en]\n"
    "                    [--sort input|rank] [--title text] [--wide]\n"
    "                    [--issuer text ...] [--place text]\n"
    "                    [--date yyyy-mm-dd] [file ...]\n";

static int
lookup(const char *const *list, const char *s)
{
	int i;

	for (i = 0; list[i] != NULL; i++)
		if (strcmp(list[i], s) == 0)
			return i;
	return -1;
}

/* The last second SOURCE_DATE_EPOCH may name: 9999-12-31 23:59:59 UTC,
 * as GCC allows.  A later year has five digits, which neither the HTML
 * page's ISO 8601 date nor an XLSX document's W3CDTF can write. */
#define EPOCH_MAX	253402300799LL

/* report_time returns SOURCE_DATE_EPOCH when it is set and not empty, else
 * the current time.  Anything but digits, or a time past EPOCH_MAX, is a
 * usage error naming the variable, as reproducible-builds tools do. */
static time_t
report_time(void)
{
	const char *s = getenv("SOURCE_DATE_EPOCH");
	char *end;
	unsigned long long v;
	struct tm tm;
	time_t t;

	if (s == NULL || *s == '\0')
		return time(NULL);
	errno = 0;
	v = strtoull(s, &end, 10);
	if (*s < '0' || *s > '9' || *end != '\0')
		diag_fatal(EXIT_USAGE, NULL, 0,
		    "SOURCE_DATE_EPOCH: \"%s\" is not a number of seconds", s);
	t = (time_t)v;
	if (errno == ERANGE || v > (unsigned long long)EPOCH_MAX ||
	    (unsigned long long)t != v || gmtime_r(&t, &tm) == NULL)
		diag_fatal(EXIT_USAGE, NULL, 0, "SOURCE_DATE_EPOCH: \"%s\" is "
		    "out of range (at most %lld, 9999-12-31 23:59:59 UTC)", s,
		    EPOCH_MAX);
	return t;
}

static int
readable(const char *path)
{
	return access(path, R_OK) == 0;
}

/* labels_path finds labels-LOCALE.yaml: in $LUONG_CONFIG when it is set;
 * else in config/ or share/luong/config/ beside the program's directory
 * or above it (bin/ in the source tree, PREFIX/bin when installed). */
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
			buf_printf(&b, "%s/share/luong/config/labels-%s.yaml", exe,
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

/* copy_out copies what the descriptor in reads, named src, to fd; then
 * closes in. */
static void
copy_out(int in, const char *src, int fd, const char *name)
{
	char chunk[65536];
	ssize_t n;

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

/* term_width: the columns a table on standard output may take: COLUMNS
 * when it is a number, else the terminal's width, else no limit (0). */
static size_t
term_width(const char *outpath)
{
	const char *s = getenv("COLUMNS");
	struct winsize ws;
	unsigned long v;
	char *end;

	if (s != NULL && *s >= '0' && *s <= '9') {
		errno = 0;
		v = strtoul(s, &end, 10);
		if (*end == '\0' && errno == 0 && v > 0 && v <= 100000)
			return (size_t)v;
	}
	if (outpath == NULL && isatty(STDOUT_FILENO) &&
	    ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	return 0;
}

/* The run's settings, from the command line. */
struct opts {
	int		 fmt, layout, box, sort, wide;
	const char	*outpath;	/* -o, or NULL: standard output */
	const char	*locale;
	char		*title;		/* --title, NFC, or NULL */
	/* The PDF's header block: --issuer (each line, NFC), --place,
	 * --date (checked, "YYYY-MM-DD"), or NULL. */
	char		**issuer;
	size_t		 nissuer;
	char		*place;
	const char	*date;
};

/* What the run holds, at file scope: a fatal exit (diag_fatal, from
 * deep inside) leaves it reachable, so a leak checker sees only leaks. */
static struct {
	struct rec_reader *r;
	char		*lpath;		/* the labels file */
	struct report	*rep;
	struct labels	*l;
	struct atomic	*out;		/* -o's temporary file */
	struct atomic	*xlsx;		/* the workbook, when to stdout */
	struct buf	 xpath;		/* its target, never committed */
	struct buf	 text;		/* a text format's bytes */
	struct rxlsx_error xerr;	/* why the workbook failed */
	struct rpdf_error perr;		/* why the PDF failed */
} S;

/* xlsx_fail says why the workbook could not be written, at the input's
 * file:line when a row is to blame, else on the output, name; exit 1. */
static void
xlsx_fail(const char *name)
{
	if (S.xerr.file != NULL)
		diag_fatal(EXIT_DATA, S.xerr.file, S.xerr.line, "%s",
		    S.xerr.msg.p);
	diag_fatal(EXIT_DATA, name, 0, "%s", S.xerr.msg.p);
}

/* write_xlsx writes the workbook: into the temporary file of -o, or into
 * one in $TMPDIR that is then copied to standard output — libxlsxwriter
 * needs a file it can seek in.  Either is removed if the program fails
 * before it is done, or is killed by a signal that atomic catches; the
 * one in $TMPDIR is removed as soon as it is whole and open for the
 * copy, so a reader that goes away (SIGPIPE) or even SIGKILL during the
 * copy leaves nothing behind. */
static void
write_xlsx(time_t when)
{
	const char *dir = getenv("TMPDIR");
	int in;

	if (S.out != NULL) {
		if (rxlsx_write(S.out->tmp, S.rep, S.l, when, &S.xerr) != 0)
			xlsx_fail(S.out->path);
		return;
	}
	/* This target is never committed: only its temporary file is
	 * used, and atomic_free removes it. */
	buf_printf(&S.xpath, "%s/luong-render.xlsx", dir && *dir ? dir :
	    "/tmp");
	if ((S.xlsx = atomic_open(S.xpath.p, 0)) == NULL)
		diag_fatal(EXIT_DATA, S.xpath.p, 0, "cannot create: %s",
		    strerror(errno));
	if (rxlsx_write(S.xlsx->tmp, S.rep, S.l, when, &S.xerr) != 0)
		xlsx_fail("<stdout>");
	if ((in = open(S.xlsx->tmp, O_RDONLY)) < 0)
		diag_fatal(EXIT_DATA, S.xlsx->tmp, 0, "cannot open: %s",
		    strerror(errno));
	atomic_free(S.xlsx);
	S.xlsx = NULL;
	copy_out(in, S.xpath.p, STDOUT_FILENO, "<stdout>");
}

/* write_pdf lays the report out as a PDF into S.text: the header block
 * from the options, else from the labels; the date line's date, else
 * the day it is in Vietnam at when.  A failure says why, at the input's
 * file:line when a row is to blame, else on the output, name; exit 1. */
static void
write_pdf(const struct opts *o, const struct fmt_locale *loc, time_t when,
    const char *name)
{
	struct rpdf_head h;
	const char **issuer;
	struct tm tm;
	size_t i;
	int rc;

	memset(&h, 0, sizeof h);
	h.nissuer = o->nissuer > 0 ? o->nissuer : labels_nissuer(S.l);
	issuer = xcalloc(h.nissuer, sizeof *issuer);
	for (i = 0; i < h.nissuer; i++)
		issuer[i] = o->nissuer > 0 ? o->issuer[i] :
		    labels_issuer(S.l, i);
	h.issuer = issuer;
	h.place = o->place != NULL ? o->place : S.l->place;
	if (o->date != NULL)
		sscanf(o->date, "%4d-%2d-%2d", &h.year, &h.month, &h.day);
	else if (period_vietnam(when, &tm) == 0) {
		h.year = tm.tm_year + 1900;
		h.month = tm.tm_mon + 1;
		h.day = tm.tm_mday;
	}
	rc = rpdf_write(&S.text, S.rep, S.l, loc, &h, when, &S.perr);
	free(issuer);
	if (rc != 0)
		diag_fatal(EXIT_DATA, S.perr.file != NULL ? S.perr.file : name,
		    S.perr.file != NULL ? S.perr.line : 0, "%s", S.perr.msg.p);
}

/* render writes the report in o->fmt: to standard output, or to a
 * temporary file renamed to -o's path once it is whole. */
static void
render(const struct opts *o, time_t when)
{
	struct fmt_locale loc = { S.l->decimal, S.l->group };
	const char *name = "<stdout>";
	int fd = STDOUT_FILENO;

	if (o->outpath != NULL) {
		if ((S.out = atomic_open(o->outpath, 0)) == NULL)
			diag_fatal(EXIT_DATA, o->outpath, 0, "cannot create: %s",
			    strerror(errno));
		fd = S.out->fd;
		name = o->outpath;
	}
	switch (o->fmt) {
	case F_TABLE:
		rterm_table(&S.text, S.rep, S.l, &loc, o->box, o->wide ? 0 :
		    term_width(o->outpath));
		break;
	case F_TSV:
		rtext_tsv(&S.text, S.rep, S.l, &loc);
		break;
	case F_CSV:
		rtext_csv(&S.text, S.rep, S.l, &loc);
		break;
	case F_MD:
		rtext_md(&S.text, S.rep, S.l, &loc);
		break;
	case F_HTML:
		rhtml_write(&S.text, S.rep, S.l, &loc, when);
		break;
	case F_XLSX:
		write_xlsx(when);
		break;
	case F_PDF:
		write_pdf(o, &loc, when, name);
		break;
	}
	if (o->fmt != F_XLSX)
		write_all(fd, name, S.text.p ? S.text.p : "", S.text.len);
	if (S.out != NULL && atomic_commit(S.out) != 0)
		diag_fatal(EXIT_DATA, name, 0, "write error: %s",
		    strerror(errno));
}

/* count_init names the program's own counts (stats.h) at the start, so
 * that its record has them all, in this order, however the run ends. */
static void
count_init(void)
{
	stats_counter("tables");
	stats_counter("total_rows");
	stats_counter("unreported_rows");
	stats_counter("charts");
}

/* count_rendered counts what a rendered report shows. */
static void
count_rendered(const struct report *rep, int fmt)
{
	unsigned long long *rows = stats_counter("rows_written");
	unsigned long long *totals = stats_counter("total_rows");
	unsigned long long *unrep = stats_counter("unreported_rows");
	unsigned long long *charts = stats_counter("charts");
	size_t i, r;

	stats_set("tables", rep->nt);
	for (i = 0; i < rep->nt; i++) {
		*rows += rep->t[i].nrow;
		for (r = 0; r < rep->t[i].nrow; r++) {
			*totals += rep->t[i].total[r] != 0;
			*unrep += rep->t[i].unreported[r] != 0;
		}
		/* Only the HTML page and the PDF draw the charts. */
		if (fmt == F_HTML || fmt == F_PDF)
			*charts += rep->t[i].nchart;
	}
}

/* nonempty returns the text of option opt, NFC and owned; an empty one
 * (or only spaces) is a usage error. */
static char *
nonempty(const char *opt, const char *arg)
{
	size_t i;

	for (i = 0; arg[i] == ' '; i++)
		;
	if (arg[i] == '\0')
		diag_fatal(EXIT_USAGE, NULL, 0, "%s: empty", opt);
	return cli_text(opt, arg);
}

static void
parse_options(int argc, char **argv, struct opts *o)
{
	static const struct option longopts[] = {
		{ "box",	no_argument,		NULL, OPT_BOX },
		{ "date",	required_argument,	NULL, OPT_DATE },
		CLI_HELP_OPTION,
		{ "issuer",	required_argument,	NULL, OPT_ISSUER },
		{ "layout",	required_argument,	NULL, OPT_LAYOUT },
		{ "locale",	required_argument,	NULL, OPT_LOCALE },
		{ "place",	required_argument,	NULL, OPT_PLACE },
		{ "sort",	required_argument,	NULL, OPT_SORT },
		{ "title",	required_argument,	NULL, OPT_TITLE },
		{ "wide",	no_argument,		NULL, OPT_WIDE },
		{ NULL,		0,			NULL, 0 }
	};
	int ch, rc;

	while ((ch = cli_getopt(argc, argv, "f:o:", longopts)) != -1) {
		switch (ch) {
		case 'f':
			if ((o->fmt = lookup(formats, optarg)) < 0)
				diag_fatal(EXIT_USAGE, NULL, 0,
				    "-f: unknown format \"%s\"", optarg);
			break;
		case 'o':
			o->outpath = optarg;
			break;
		case OPT_BOX:
			o->box = 1;
			break;
		case OPT_DATE:
			if ((rc = period_date(optarg, strlen(optarg))) != 0)
				diag_fatal(EXIT_USAGE, NULL, 0, rc == -1 ?
				    "--date: \"%s\" is not a date such as "
				    "2023-03-07" : "--date: \"%s\": no such "
				    "day", optarg);
			o->date = optarg;
			break;
		case OPT_ISSUER:
			o->issuer = xrealloc(o->issuer, (o->nissuer + 1) *
			    sizeof *o->issuer);
			o->issuer[o->nissuer++] = nonempty("--issuer", optarg);
			break;
		case OPT_LAYOUT:
			if ((o->layout = lookup(layouts, optarg)) < 0)
				diag_fatal(EXIT_USAGE, NULL, 0,
				    "--layout: unknown layout \"%s\"", optarg);
			break;
		case OPT_LOCALE:
			if (!valid_locale(optarg))
				diag_fatal(EXIT_USAGE, NULL, 0,
				    "--locale: bad locale name \"%s\"", optarg);
			o->locale = optarg;
			break;
		case OPT_PLACE:
			free(o->place);
			o->place = nonempty("--place", optarg);
			break;
		case OPT_SORT:
			if ((o->sort = lookup(sorts, optarg)) < 0)
				diag_fatal(EXIT_USAGE, NULL, 0,
				    "--sort: unknown order \"%s\"", optarg);
			break;
		case OPT_TITLE:
			free(o->title);
			o->title = cli_text("--title", optarg);
			break;
		case OPT_WIDE:
			o->wide = 1;
			break;
		default:
			cli_usage();
		}
	}
	if (o->fmt < 0)
		cli_required("-f");
	if (o->box && o->fmt != F_TABLE)
		diag_fatal(EXIT_USAGE, NULL, 0, "--box: only with -f table");
	if (o->wide && o->fmt != F_TABLE)
		diag_fatal(EXIT_USAGE, NULL, 0, "--wide: only with -f table");
	if (o->fmt == F_XLSX && o->title != NULL &&
	    rxlsx_units(o->title) > RXLSX_CELL_MAX)
		diag_fatal(EXIT_USAGE, NULL, 0, "--title: %zu characters, more "
		    "than an XLSX cell holds (%d)", rxlsx_units(o->title),
		    RXLSX_CELL_MAX);
	if ((o->fmt == F_XLSX || o->fmt == F_PDF) && o->outpath == NULL &&
	    isatty(STDOUT_FILENO))
		diag_fatal(EXIT_USAGE, NULL, 0, "refusing to write %s to a "
		    "terminal; use -o file or redirect standard output",
		    o->fmt == F_XLSX ? "XLSX" : "PDF");
}

int
main(int argc, char **argv)
{
	struct opts o = { -1, LAYOUT_REPORT, 0, 0, 0, NULL, "vi", NULL, NULL, 0,
	    NULL, NULL };
	struct buf err = { 0 };
	time_t when = 0;
	int status = EXIT_OK;

	cli_init("luong-render", synopsis, argv);
	count_init();
	parse_options(argc, argv, &o);
	argc -= optind;
	argv += optind;
	if (o.fmt == F_HTML || o.fmt == F_XLSX || o.fmt == F_PDF)
		when = report_time();
	S.lpath = labels_path(o.locale);
	S.l = labels_load(S.lpath);

	S.r = rec_reader_open(argc, argv);
	S.rep = report_read(S.r, stats_counter("rows_read"));
	if ((o.sort == 1 && report_by_rank(S.rep, S.l, &err) != 0) ||
	    report_build(S.rep, (enum report_layout)o.layout, S.l, o.title,
	    &err) != 0) {
		diag_msg(S.rep->err_line > 0 ? S.rep->err_file : S.r->file,
		    S.rep->err_line, "%s", err.p);
		status = EXIT_DATA;
	} else {
		render(&o, when);
		count_rendered(S.rep, o.fmt);
		diag_msg(NULL, 0, "%zu row%s read, %zu table%s (%s layout) "
		    "written as %s", S.rep->nrows, S.rep->nrows == 1 ? "" : "s",
		    S.rep->nt, S.rep->nt == 1 ? "" : "s",
		    layouts[S.rep->layout], formats[o.fmt]);
	}

	buf_free(&err);
	buf_free(&S.text);
	buf_free(&S.xpath);
	buf_free(&S.xerr.msg);
	buf_free(&S.perr.msg);
	atomic_free(S.out);
	report_free(S.rep);
	rec_reader_free(S.r);
	labels_free(S.l);
	free(S.lpath);
	free(o.title);
	while (o.nissuer > 0)
		free(o.issuer[--o.nissuer]);
	free(o.issuer);
	free(o.place);
	rec_close_stdout();
	return status;
}
