/*
 * luong-ingest — school exports (CSV, TSV, .xlsx, .xls; gzip; legacy
 * encodings; title rows) to the record stream, mapped and checked by a schema.  The loop
 * over each file's rows is tools/lib/ingest.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "atomic.h"
#include "cli.h"
#include "csvin.h"
#include "diag.h"
#include "inbox.h"
#include "ingest.h"
#include "input.h"
#include "progress.h"
#include "rec.h"
#include "schema.h"
#include "stats.h"

enum { OPT_SHEET = CLI_OPT_FIRST, OPT_SOURCE, OPT_WHERE, OPT_FILES,
    OPT_SUPERSEDED, OPT_MAX_BAD, OPT_PROGRESS, OPT_NO_PROGRESS };

static const char synopsis[] =
    "usage: luong-ingest [-s schema.yaml] [-e encoding] [-d delimiter]\n"
    "                    [-r rejects.tsv] [-m max-rejects] [--sheet sheet]\n"
    "                    [--source] [--where field=value ...]\n"
    "                    [--superseded superseded.tsv] [--files files.tsv]\n"
    "                    [--max-bad-files n] [--progress | --no-progress]\n"
    "                    [file | directory ...]\n";

static char
parse_delim(const char *arg)
{
	if (strcmp(arg, "tab") == 0 || strcmp(arg, "\\t") == 0)
		return '\t';
	if (arg[0] != '\0' && arg[1] == '\0' && arg[0] != '"' &&
	    arg[0] != '\n' && arg[0] != '\r' && (unsigned char)arg[0] < 0x80)
		return arg[0];
	diag_fatal(EXIT_USAGE, NULL, 0, "-d: \"%s\" is not a delimiter: give "
	    "one character such as , or ; or tab", arg);
}

/* The summary is said once, however the program ends after the inputs
 * were opened: a fatal error mid-file (a bad byte, a quote left open)
 * still tells how many rows were read, written and rejected so far. */
static int summarised;
/* Standard output, until main is done with it. */
static struct rec_writer *out;

/* Files the run reads, the table of them (--files) and the option that
 * turns a bad file from fatal to set aside. */
static struct inbox ib;
static struct cli_side *files_side;

static void
summary(void)
{
	struct buf b = { 0 };
	unsigned long long nfiles, nread, n;

	if (summarised)
		return;
	summarised = 1;
	nfiles = *stats_counter("files");
	nread = *stats_counter("rows_read");
	buf_printf(&b, "%llu file%s, %llu row%s read, %llu written, %llu "
	    "rejected", nfiles, nfiles == 1 ? "" : "s", nread,
	    nread == 1 ? "" : "s", *stats_counter("rows_written"),
	    *stats_counter("rows_rejected"));
	if ((n = *stats_counter("rows_superseded")) > 0)
		buf_printf(&b, ", %llu superseded", n);
	if ((n = *stats_counter("files_quarantined")) > 0)
		buf_printf(&b, "; %llu file%s quarantined", n, n == 1 ? "" :
		    "s");
	if ((n = *stats_counter("rows_withdrawn")) > 0)
		buf_printf(&b, " (%llu row%s withdrawn)", n, n == 1 ? "" : "s");
	if ((n = *stats_counter("files_skipped")) > 0)
		buf_printf(&b, "; %llu skipped", n);
	diag_msg(NULL, 0, "%s", b.p);
	buf_free(&b);
}

/* write_files writes the table of files, at exit too: after a fatal
 * error it lists the files dealt with before it. */
static void
write_files(void)
{
	struct cli_side *s = files_side;

	if (s == NULL)
		return;
	files_side = NULL;
	inbox_write(&ib, s->w);
	cli_side_close(s);
}

/* at_exit, on a fatal exit: the rows counted as written are on standard
 * output, as a stdio program's would be, then the summary.  The exit
 * status already says the run failed, so a write error here (a full disk,
 * a closed pipe: no SIGPIPE to turn 1 into 141) is not told again. */
static void
at_exit(void)
{
	progress_end();
	if (out != NULL) {
		signal(SIGPIPE, SIG_IGN);
		(void)rec_flush_try(out);
	}
	write_files();
	summary();
}

/* What the command line asks for. */
struct opts {
	struct ingest_opts io;
	const char	*schema_path, *rej_path, *sup_path, *files_path;
	char		*sheet;
	unsigned long long max_rejects, max_bad;
	struct cli_pair	*where;
	const char	**wf, **wv;
	size_t		 nwhere;
	int		 progress;	/* -1: when stderr is a terminal */
};

static void
parse_options(int argc, char **argv, struct opts *o)
{
	static const struct option longopts[] = {
		CLI_HELP_OPTION,
		{ "sheet", required_argument, NULL, OPT_SHEET },
		{ "source", no_argument, NULL, OPT_SOURCE },
		{ "where", required_argument, NULL, OPT_WHERE },
		{ "files", required_argument, NULL, OPT_FILES },
		{ "superseded", required_argument, NULL, OPT_SUPERSEDED },
		{ "max-bad-files", required_argument, NULL, OPT_MAX_BAD },
		{ "progress", no_argument, NULL, OPT_PROGRESS },
		{ "no-progress", no_argument, NULL, OPT_NO_PROGRESS },
		{ NULL, 0, NULL, 0 },
	};
	size_t k;
	int ch;

	o->progress = -1;
	while ((ch = cli_getopt(argc, argv, "d:e:m:r:s:", longopts)) != -1) {
		switch (ch) {
		case 'd':
			o->io.delim = parse_delim(optarg);
			break;
		case 'e':
			if (enc_parse_name(optarg, &o->io.enc) < 0)
				diag_fatal(EXIT_USAGE, NULL, 0, "-e: unknown "
				    "encoding \"%s\" (utf-8, cp1258, tcvn3, "
				    "viscii, auto)", optarg);
			break;
		case 'm':
			o->max_rejects = cli_count("-m", optarg);
			break;
		case 'r':
			o->rej_path = optarg;
			break;
		case 's':
			o->schema_path = optarg;
			break;
		case OPT_SHEET:
			free(o->sheet);
			o->io.sheet = o->sheet = cli_text("--sheet", optarg);
			break;
		case OPT_SOURCE:
			o->io.source = 1;
			break;
		case OPT_WHERE:
			o->where = xrealloc(o->where, (o->nwhere + 1) *
			    sizeof *o->where);
			cli_pair(&o->where[o->nwhere++], "--where", optarg);
			break;
		case OPT_FILES:
			o->files_path = optarg;
			break;
		case OPT_SUPERSEDED:
			o->sup_path = optarg;
			break;
		case OPT_MAX_BAD:
			o->max_bad = cli_count("--max-bad-files", optarg);
			o->io.quarantine = 1;
			break;
		case OPT_PROGRESS:
			o->progress = 1;
			break;
		case OPT_NO_PROGRESS:
			o->progress = 0;
			break;
		default:
			cli_usage();
		}
	}
	/* ingest takes --where as two lists. */
	o->wf = xcalloc(o->nwhere + 1, sizeof *o->wf);
	o->wv = xcalloc(o->nwhere + 1, sizeof *o->wv);
	for (k = 0; k < o->nwhere; k++) {
		o->wf[k] = o->where[k].field;
		o->wv[k] = o->where[k].value;
	}
	o->io.where_field = o->wf;
	o->io.where_value = o->wv;
	o->io.nwhere = o->nwhere;
}

static void
free_options(struct opts *o)
{
	size_t k;

	for (k = 0; k < o->nwhere; k++)
		cli_pair_free(&o->where[k]);
	free(o->where);
	free(o->wf);
	free(o->wv);
	free(o->sheet);
}

/* over_limits says, after the run, what -m and --max-bad-files do not
 * allow; returns the exit status. */
static int
over_limits(const struct opts *o)
{
	/* Rows of another school year are not faults in the data. */
	unsigned long long nrejected = *stats_counter("rows_rejected") -
	    *stats_counter("rows_excluded");
	unsigned long long nbad = *stats_counter("files_quarantined");
	int status = EXIT_OK;

	if (nrejected > o->max_rejects) {
		diag_msg(NULL, 0, "%llu row%s rejected, more than the %llu that "
		    "-m allows", nrejected, nrejected == 1 ? "" : "s",
		    o->max_rejects);
		status = EXIT_DATA;
	}
	if (nbad > o->max_bad) {
		diag_msg(NULL, 0, "%llu file%s quarantined, more than the %llu "
		    "that --max-bad-files allows", nbad, nbad == 1 ? "" : "s",
		    o->max_bad);
		status = EXIT_DATA;
	}
	return status;
}

int
main(int argc, char *argv[])
{
	static char *stdin_only[] = { "-" };
	struct opts o = { 0 };
	struct ingest *g;
	struct schema *schema = NULL;
	struct rec_writer *w;
	struct cli_side *rej = NULL, *sup = NULL;
	int i, status;

	cli_init("luong-ingest", synopsis, argv);
	parse_options(argc, argv, &o);
	argc -= optind;
	argv += optind;
	if (argc == 0) {
		argc = 1;
		argv = stdin_only;
	}

	if (o.schema_path != NULL)
		schema = schema_load(o.schema_path);
	o.io.schema = schema;
	if (o.sup_path != NULL && (schema == NULL || schema->nkey == 0))
		diag_fatal(EXIT_USAGE, NULL, 0, "--superseded needs a schema "
		    "with a key (luong-schema(5))");
	/* Every operand must be there before any output is written. */
	for (i = 0; i < argc; i++)
		inbox_add(&ib, argv[i]);
	cli_side_input(o.schema_path);
	if (o.rej_path != NULL)
		rej = cli_side_open("-r", o.rej_path, argc, argv);
	if (o.sup_path != NULL)
		sup = cli_side_open("--superseded", o.sup_path, argc, argv);
	if (o.files_path != NULL)
		files_side = cli_side_open("--files", o.files_path, argc, argv);
	o.io.progress = progress_wanted(o.progress);
	out = rec_writer_new(STDOUT_FILENO, "<stdout>");
	g = ingest_new(&o.io, out, rej != NULL ? rej->w : NULL,
	    sup != NULL ? sup->w : NULL);
	/* Registered after the rejects file's exit handler, so it runs
	 * before it: the summary, then any error writing the rejects. */
	if (atexit(at_exit) != 0)
		diag_fatal(EXIT_DATA, NULL, 0, "atexit failed");
	if (o.io.progress)
		progress_start();

	ingest_inbox(g, &ib);
	progress_end();

	/* A write error here is told by rec_flush, not again at exit. */
	w = out;
	out = NULL;
	rec_writer_free(w);
	cli_side_close(rej);
	cli_side_close(sup);
	write_files();
	summary();
	status = over_limits(&o);
	ingest_free(g);
	schema_free(schema);
	inbox_free(&ib);
	free_options(&o);
	rec_close_stdout();
	return status;
}
