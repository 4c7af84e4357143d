/* fuzz_pipeline — libFuzzer harness for the pipeline loader
 * (luong-pipeline(5)): the input is a pipeline file, loaded as luong-run
 * loads one — without --set, then with --set inbox=inbox — to the end or
 * to the loader's exit 2 (harness.h), and a pipeline that loads is
 * written as luong-run --dry-run's script.  It is loaded in the scratch
 * directory, where the luong programs (empty scripts in bin/, luong-run's
 * own directory) and the inputs the shipped and tested pipelines name
 * exist; open(2) and glob(3) reach nothing else.  The corpus is the
 * shipped pipelines and those of the CLI tests. */
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "pipeline.h"
#include "pipeline_sh.h"
#include "harness.h"

struct arg {
	const char	*path;
	size_t		 nset;
};

static char *set[] = { "inbox=inbox" };
static char selfdir[4096];

static void
setup(void)
{
	static const char *const progs[] = { "ingest", "normalise", "rates",
	    "join", "rank", "render", "run" };
	static const char *const files[] = { "data/a.tsv", "data/b.tsv",
	    "inbox/a.csv", "inbox/b.tsv.gz",
	    "samples/long-an/thcs-2022-2023-a.csv",
	    "samples/long-an/thpt-2022-2023-a.csv",
	    "samples/long-an/thpt-2022-2023-tan-an-chau-thanh-tan-tru-thu-thua.tsv",
	    "samples/students/long-an-2022-2023.csv.gz" };
	static const char stub[] = "#!/bin/sh\nexit 0\n";
	static const char tsv[] = "a\tb\n1\t2\n";
	char name[64];
	size_t i;

	fuzz_mkdir("bin");
	for (i = 0; i < sizeof progs / sizeof *progs; i++) {
		snprintf(name, sizeof name, "bin/luong-%s", progs[i]);
		fuzz_file(name, stub, sizeof stub - 1, 0755);
	}
	snprintf(selfdir, sizeof selfdir, "%s/bin", fuzz_dir());
	fuzz_mkdir("data");
	fuzz_mkdir("inbox");
	fuzz_mkdir("out");
	fuzz_mkdir("samples");
	fuzz_mkdir("samples/long-an");
	fuzz_mkdir("samples/students");
	for (i = 0; i < sizeof files / sizeof *files; i++)
		fuzz_file(files[i], tsv, sizeof tsv - 1, 0644);
}

static void
run(void *v)
{
	const struct arg *a = v;
	struct pipeline *p = pipeline_load(a->path, a->nset, set, selfdir);
	struct buf b = { 0 };

	fuzz_assert(p->nsteps >= 1);
	pipeline_sh(&b, p);
	buf_free(&b);
	pipeline_free(p);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arg a;

	if (selfdir[0] == '\0')
		setup();
	a.path = fuzz_file("pipeline.yaml", data, size, 0600);
	for (a.nset = 0; a.nset <= 1; a.nset++)
		fuzz_run(run, &a, NULL);
	return 0;
}
