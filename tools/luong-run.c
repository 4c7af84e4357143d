/* luong-run — run a pipeline file (luong-pipeline(5)): load it (pipeline),
 * run it (runner) or print it as a sh script (--dry-run, pipeline_sh),
 * and log the run from the stats records its processes wrote (runlog). */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "cli.h"
#include "diag.h"
#include "pipeline.h"
#include "progress.h"
#include "pipeline_sh.h"
#include "rec.h"
#include "runlog.h"
#include "runner.h"
#include "stats.h"

static const char synopsis[] = "usage: luong-run [-q] [--dry-run] "
    "[--log file] [--no-wait] [--set name=value ...] pipeline.yaml\n";

enum { OPT_DRY_RUN = CLI_OPT_FIRST, OPT_LOG, OPT_NO_WAIT, OPT_SET };

/* The log is opened before the pipeline is read, so that a run stopped
 * by a configuration error (which exits from inside the loader) is
 * logged too, from an atexit handler. */
static struct {
	int		 fd;
	int		 done;
	const char	*file;
	const char	*pipeline;
	char		 start[32];
	struct timespec	 t0;
} lg = { -1, 0, NULL, NULL, "", { 0, 0 } };

static long long
elapsed_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long long)(t.tv_sec - lg.t0.tv_sec) * 1000 +
	    (t.tv_nsec - lg.t0.tv_nsec) / 1000000;
}

/* log_record appends the run's record to the log, if there is one: r is
 * NULL when the pipeline could not be loaded.  Returns 0, or -1 after a
 * message. */
static int
log_record(const struct runner *r, int status)
{
	struct runlog_run run = { 0 };
	struct buf why = { 0 };
	int rc, e;

	lg.done = 1;
	if (lg.fd < 0)
		return 0;
	run.start = lg.start;
	run.pipeline = lg.pipeline;
	run.status = status;
	run.duration_ms = elapsed_ms();
	run.r = r;
	rc = runlog_append(lg.fd, &run, &why);
	e = errno;
	if (close(lg.fd) != 0 && rc == 0) {
		rc = -1;
		e = errno;
	}
	lg.fd = -1;
	if (rc != 0 && why.len > 0)
		diag_msg(lg.file, 0, "not a run log: %s", why.p);
	else if (rc != 0)
		diag_msg(lg.file, 0, "write error: %s", strerror(e));
	buf_free(&why);
	return rc;
}

static void
log_at_exit(void)
{
	if (lg.fd >= 0 && !lg.done)
		log_record(NULL, EXIT_USAGE);
}

/* log_open opens the log for appending and starts the clock. */
static void
log_open(const char *file, const char *pipeline)
{
	struct timespec now;
	struct buf why = { 0 };
	struct tm tm;

	clock_gettime(CLOCK_MONOTONIC, &lg.t0);
	clock_gettime(CLOCK_REALTIME, &now);
	gmtime_r(&now.tv_sec, &tm);
	strftime(lg.start, sizeof lg.start, "%Y-%m-%dT%H:%M:%SZ", &tm);
	if (file == NULL)
		return;
	lg.fd = open(file, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0666);
	if (lg.fd < 0)
		diag_fatal(EXIT_USAGE, file, 0, "cannot open: %s",
		    strerror(errno));
	/* A file that is no run log is refused before anything runs. */
	if (runlog_check(lg.fd, &why) != 0) {
		if (why.len > 0)
			diag_fatal(EXIT_USAGE, file, 0, "not a run log: %s",
			    why.p);
		diag_fatal(EXIT_USAGE, file, 0, "cannot read: %s",
		    strerror(errno));
	}
	lg.file = file;
	lg.pipeline = pipeline;
	atexit(log_at_exit);
}

static void
std_fds(void)
{
	int fd;

	/* A pipe made while 0, 1 or 2 is closed would take its number. */
	for (fd = 0; fd < 3; fd++)
		if (fcntl(fd, F_GETFD) < 0 && errno == EBADF &&
		    open("/dev/null", O_RDWR) < 0)
			diag_fatal(EXIT_DATA, "/dev/null", 0, "cannot open: %s",
			    strerror(errno));
}

/* self_dir returns the directory of the running executable, or NULL. */
static char *
self_dir(void)
{
	char buf[PATH_MAX], *slash;
	ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);

	if (n <= 0)
		return NULL;
	buf[n] = '\0';
	if ((slash = strrchr(buf, '/')) == NULL)
		return NULL;
	slash[slash == buf] = '\0';
	return xstrdup(buf);
}

/* add_set appends a --set argument, checked, as "name=value" in NFC. */
static void
add_set(char ***sets, size_t *nset, const char *arg)
{
	struct cli_pair pr;
	struct buf b = { 0 };

	cli_pair(&pr, "--set", arg);
	buf_printf(&b, "%s=%s", pr.field, pr.value);
	if (!pipeline_set_ok(b.p))
		diag_fatal(EXIT_USAGE, NULL, 0, "--set: \"%s\" is not a "
		    "variable name", pr.field);
	cli_pair_free(&pr);
	*sets = xrealloc(*sets, (*nset + 1) * sizeof **sets);
	(*sets)[(*nset)++] = b.p;
}

/* count_run sets luong-run's own counts from the records of its stages:
 * rows read by the first, written by the last, rejected by any. */
static void
count_run(const struct runner *r, int status)
{
	const struct pipeline *p = r->p;
	size_t i, started = 0;

	for (i = 0; i < p->nsteps; i++) {
		const struct runner_stats *s = &r->procs[i].stats;

		started += r->procs[i].pid > 0;
		if (s->n == 0)
			continue;
		if (i == 0)
			stats_set("rows_read", s->value[0]);
		if (i + 1 == p->nsteps)
			stats_set("rows_written", s->value[1]);
		*stats_counter("rows_rejected") += s->value[2];
	}
	stats_set("stages", started);
	stats_set("outputs", status == 0 ? p->noutputs : 0);
}

/* say prints luong-run's own summary line for a run that ended with
 * status; unlogged: it succeeded but its log record could not be
 * written. */
static void
say(const struct pipeline *p, int status, int unlogged)
{
	const char *what = p->name != NULL ? p->name : p->file;

	if (unlogged)
		/* The reports are in place; only the log failed: say so
		 * rather than claim nothing was replaced. */
		diag_msg(NULL, 0, "%s: %zu output%s written, but the run "
		    "was not logged", what, p->noutputs,
		    p->noutputs == 1 ? "" : "s");
	else if (status == 0 && p->has_outputs)
		diag_msg(NULL, 0, "%s: %zu stage%s ok, %zu output%s written",
		    what, p->nsteps, p->nsteps == 1 ? "" : "s", p->noutputs,
		    p->noutputs == 1 ? "" : "s");
	else if (status == 0)
		diag_msg(NULL, 0, "%s: %zu stage%s ok", what, p->nsteps,
		    p->nsteps == 1 ? "" : "s");
	else
		diag_msg(NULL, 0, "%s: failed%s", what, p->has_outputs ?
		    ", no output replaced" : "");
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "dry-run",	no_argument,		NULL, OPT_DRY_RUN },
		{ "log",	required_argument,	NULL, OPT_LOG },
		{ "no-wait",	no_argument,		NULL, OPT_NO_WAIT },
		{ "quiet",	no_argument,		NULL, 'q' },
		{ "set",	required_argument,	NULL, OPT_SET },
		CLI_HELP_OPTION,
		{ NULL,		0,			NULL, 0 }
	};
	struct pipeline *p;
	struct runner *r;
	size_t i, nset = 0;
	char **sets = NULL, *selfdir;
	const char *logfile = NULL;
	int ch, dry = 0, nowait = 0, quiet = 0, unlogged, sig, status;

	cli_init("luong-run", synopsis, argv);
	std_fds();
	/* The record has the same fields however the run ends. */
	stats_counter("stages");
	stats_counter("outputs");
	while ((ch = cli_getopt(argc, argv, "q", longopts)) != -1) {
		switch (ch) {
		case OPT_DRY_RUN:
			dry = 1;
			break;
		case OPT_LOG:
			logfile = optarg;
			break;
		case OPT_NO_WAIT:
			nowait = 1;
			break;
		case OPT_SET:
			add_set(&sets, &nset, optarg);
			break;
		case 'q':
			quiet = 1;
			break;
		default:
			cli_usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (argc != 1)
		cli_usage();

	log_open(dry ? NULL : logfile, argv[0]);
	selfdir = self_dir();
	p = pipeline_load(argv[0], nset, sets, selfdir);
	free(selfdir);
	for (i = 0; i < nset; i++)
		free(sets[i]);
	free(sets);
	if (dry) {
		struct buf b = { 0 };

		pipeline_sh(&b, p);
		fwrite(b.p, 1, b.len, stdout);
		buf_free(&b);
		pipeline_free(p);
		rec_close_stdout();
		return EXIT_OK;
	}

	r = runner_new(p);
	r->no_wait = nowait;
	r->progress = progress_wanted(-1);
	status = runner_run(r);
	count_run(r, status);
	unlogged = log_record(r, status) != 0 && status == 0;
	/* Our reader went away: its choice, not a failure to tell of. */
	if (!quiet && r->signal != SIGPIPE)
		say(p, status, unlogged);
	if (unlogged)
		status = EXIT_DATA;
	sig = r->signal;
	runner_free(r);
	pipeline_free(p);
	/* Stopped by a signal: die of it, as the caller expects.  The
	 * runner ignores SIGPIPE: it is ours again to die of. */
	if (sig == SIGPIPE)
		signal(SIGPIPE, SIG_DFL);
	if (sig != 0)
		raise(sig);
	return status;
}
