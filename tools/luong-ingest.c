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
#include "ingest.h"
#include "input.h"
#include "rec.h"
#include "schema.h"
#include "stats.h"

enum { OPT_SHEET = CLI_OPT_FIRST, OPT_SOURCE };

static const char synopsis[] =
    "usage: luong-ingest [-s schema.yaml] [-e encoding] [-d delimiter]\n"
    "                    [-r rejects.tsv] [-m max-rejects] [--sheet sheet]\n"
    "                    [--source] [file ...]\n";

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

/* open_inputs opens and closes every input, so that a missing file fails
 * before any output is written; standard input is always there. */
static void
open_inputs(int argc, char **argv)
{
	struct input *in;
	int i;

	for (i = 0; i < argc; i++) {
		if (strcmp(argv[i], "-") == 0)
			continue;
		if ((in = input_open(argv[i])) == NULL)
			diag_fatal(EXIT_USAGE, argv[i], 0, "cannot open: %s",
			    strerror(errno));
		input_close(in);
	}
}

/* The summary is said once, however the program ends after the inputs
 * were opened: a fatal error mid-file (a bad byte, a quote left open)
 * still tells how many rows were read, written and rejected so far. */
static int summarised;
/* Standard output, until main is done with it. */
static struct rec_writer *out;

static void
summary(void)
{
	unsigned long long nfiles, nread;

	if (summarised)
		return;
	summarised = 1;
	nfiles = *stats_counter("files");
	nread = *stats_counter("rows_read");
	diag_msg(NULL, 0, "%llu file%s, %llu row%s read, %llu written, %llu "
	    "rejected", nfiles, nfiles == 1 ? "" : "s", nread,
	    nread == 1 ? "" : "s", *stats_counter("rows_written"),
	    *stats_counter("rows_rejected"));
}

/* at_exit, on a fatal exit: the rows counted as written are on standard
 * output, as a stdio program's would be, then the summary.  The exit
 * status already says the run failed, so a write error here (a full disk,
 * a closed pipe: no SIGPIPE to turn 1 into 141) is not told again. */
static void
at_exit(void)
{
	if (out != NULL) {
		signal(SIGPIPE, SIG_IGN);
		(void)rec_flush_try(out);
	}
	summary();
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		CLI_HELP_OPTION,
		{ "sheet", required_argument, NULL, OPT_SHEET },
		{ "source", no_argument, NULL, OPT_SOURCE },
		{ NULL, 0, NULL, 0 },
	};
	static char *stdin_only[] = { "-" };
	struct ingest_opts o = { 0 };
	struct ingest *g;
	struct schema *schema = NULL;
	struct rec_writer *w;
	struct cli_side *rej = NULL;
	const char *schema_path = NULL, *rej_path = NULL;
	char *sheet = NULL;
	unsigned long long max_rejects = 0, nrejected;
	int ch, i, status = EXIT_OK;

	cli_init("luong-ingest", synopsis, argv);
	while ((ch = cli_getopt(argc, argv, "d:e:m:r:s:", longopts)) != -1) {
		switch (ch) {
		case 'd':
			o.delim = parse_delim(optarg);
			break;
		case 'e':
			if (enc_parse_name(optarg, &o.enc) < 0)
				diag_fatal(EXIT_USAGE, NULL, 0, "-e: unknown "
				    "encoding \"%s\" (utf-8, cp1258, tcvn3, "
				    "viscii, auto)", optarg);
			break;
		case 'm':
			max_rejects = cli_count("-m", optarg);
			break;
		case 'r':
			rej_path = optarg;
			break;
		case 's':
			schema_path = optarg;
			break;
		case OPT_SHEET:
			free(sheet);
			o.sheet = sheet = cli_text("--sheet", optarg);
			break;
		case OPT_SOURCE:
			o.source = 1;
			break;
		default:
			cli_usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (argc == 0) {
		argc = 1;
		argv = stdin_only;
	}

	if (schema_path != NULL)
		schema = schema_load(schema_path);
	o.schema = schema;
	open_inputs(argc, argv);
	cli_side_input(schema_path);
	if (rej_path != NULL)
		rej = cli_side_open("-r", rej_path, argc, argv);
	out = rec_writer_new(STDOUT_FILENO, "<stdout>");
	g = ingest_new(&o, out, rej != NULL ? rej->w : NULL);
	/* Registered after the rejects file's exit handler, so it runs
	 * before it: the summary, then any error writing the rejects. */
	if (atexit(at_exit) != 0)
		diag_fatal(EXIT_DATA, NULL, 0, "atexit failed");

	for (i = 0; i < argc; i++)
		ingest_file(g, argv[i]);

	/* A write error here is told by rec_flush, not again at exit. */
	w = out;
	out = NULL;
	rec_writer_free(w);
	cli_side_close(rej);
	summary();
	nrejected = *stats_counter("rows_rejected");
	if (nrejected > max_rejects) {
		diag_msg(NULL, 0, "%llu row%s rejected, more than the %llu that "
		    "-m allows", nrejected, nrejected == 1 ? "" : "s",
		    max_rejects);
		status = EXIT_DATA;
	}
	ingest_free(g);
	schema_free(schema);
	free(sheet);
	rec_close_stdout();
	return status;
}
