/* Unit tests for ingest: files through the loop, with and without a
 * schema — output, rejects, messages and counts — and the errors that
 * exit (in a child, whose exit status and message are checked). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>

#include "buf.h"
#include "csvin.h"
#include "diag.h"
#include "cli.h"
#include "ingest.h"
#include "rec.h"
#include "schema.h"
#include "stats.h"
#include "unit.h"

/* path_of names a file in the scratch directory; the last 16 names stay
 * valid, so a test can hold several at once. */
static const char *
path_of(const char *name)
{
	static char path[16][256];
	static int k;

	k = (k + 1) % 16;
	snprintf(path[k], sizeof path[k], "%s/%s", unit_tmpdir(), name);
	return path[k];
}

static const char *
write_file(const char *name, const char *data)
{
	unit_puts(name, data);
	return path_of(name);
}

/* slurp returns the contents of path, owned, "" for an empty file. */
static char *
slurp(const char *path)
{
	const char *text = unit_read(path, NULL);
	char *s;

	assert_non_null(text);
	s = strdup(text);
	assert_non_null(s);
	return s;
}

/* The counters ingest keeps, as they were before a run. */
struct counts {
	unsigned long long read, written, rejected, files, title_rows;
};

static void
counts_now(struct counts *c)
{
	c->read = *stats_counter("rows_read");
	c->written = *stats_counter("rows_written");
	c->rejected = *stats_counter("rows_rejected");
	c->files = *stats_counter("files");
	c->title_rows = *stats_counter("title_rows");
}

/* A run's output, rejects and stderr, and what the counters grew by. */
struct result {
	char		*out, *rej, *err;
	struct counts	 d;
};

static void
result_free(struct result *r)
{
	free(r->out);
	free(r->rej);
	free(r->err);
}

/* run ingests paths[0..n) with o, in this process, stderr caught. */
static void
run(const struct ingest_opts *o, const char *const *paths, int n,
    struct result *r)
{
	const char *po = path_of("out.tsv"), *pr = path_of("rej.tsv"),
	    *pe = path_of("err.txt");
	struct rec_writer *out, *rej;
	struct ingest *g;
	struct counts before, after;
	int fo, fr, fe, saved, i;

	fo = open(po, O_WRONLY | O_CREAT | O_TRUNC, 0666);
	fr = open(pr, O_WRONLY | O_CREAT | O_TRUNC, 0666);
	fe = open(pe, O_WRONLY | O_CREAT | O_TRUNC, 0666);
	assert_true(fo >= 0 && fr >= 0 && fe >= 0);
	fflush(stderr);
	saved = dup(2);
	dup2(fe, 2);
	counts_now(&before);
	out = rec_writer_new(fo, po);
	rej = rec_writer_new(fr, pr);
	g = ingest_new(o, out, rej, NULL);
	for (i = 0; i < n; i++)
		ingest_file(g, paths[i], (unsigned long long)i, NULL);
	ingest_finish(g);
	ingest_free(g);
	rec_writer_free(out);
	rec_writer_free(rej);
	counts_now(&after);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	close(fo);
	close(fr);
	close(fe);
	r->out = slurp(po);
	r->rej = slurp(pr);
	r->err = slurp(pe);
	r->d.read = after.read - before.read;
	r->d.written = after.written - before.written;
	r->d.rejected = after.rejected - before.rejected;
	r->d.files = after.files - before.files;
	r->d.title_rows = after.title_rows - before.title_rows;
}

/* What fail_of hands its child. */
struct fail_args {
	const struct ingest_opts	 *o;
	const char *const		 *paths;
	int				  n;
	const char			 *rej_path;
};

static void
fail_child(const void *arg)
{
	const struct fail_args *a = arg;
	struct rec_writer *out;
	struct cli_side *rej = NULL;
	struct ingest *g;
	int i, devnull;

	devnull = open("/dev/null", O_WRONLY);
	out = rec_writer_new(devnull, "/dev/null");
	/* As luong-ingest opens -r: a side file. */
	if (a->rej_path != NULL)
		rej = cli_side_open("-r", a->rej_path, 0, NULL);
	g = ingest_new(a->o, out, rej != NULL ? rej->w : NULL, NULL);
	for (i = 0; i < a->n; i++)
		ingest_file(g, a->paths[i], (unsigned long long)i, NULL);
}

/* fail_of runs paths[0..n) in a child, its rejects to rej_path when that
 * is not NULL; returns its exit status, and the first line of its stderr
 * in msg. */
static int
fail_of(const struct ingest_opts *o, const char *const *paths, int n,
    const char *rej_path, char *msg, size_t size)
{
	struct fail_args a = { o, paths, n, rej_path };
	int rc = unit_child(fail_child, &a, msg, size);

	unit_first_line(msg);
	return rc;
}

/* Without a schema: each file's delimiter sniffed, the header written
 * once, every value in NFC, a short row rejected by position. */
static void
test_plain(void **state)
{
	const char *paths[2];
	struct ingest_opts o = { 0 };
	struct result r;
	char want[512];

	(void)state;
	/* "Tân An" in NFD: a, then U+0302 as its own code point. */
	paths[0] = write_file("a.csv", "id,name\n1,Ta\xcc\x82n An\n3\n");
	paths[1] = write_file("b.csv", "id;name\n2;B\xc3\xacnh\n");
	run(&o, paths, 2, &r);
	assert_string_equal(r.out, "id\tname\n1\tT\xc3\xa2n An\n2\tB\xc3\xacnh\n");
	snprintf(want, sizeof want, "_file\t_line\t_field\t_reason\tid\tname\n"
	    "%s\t3\t\t1 field, the header has 2\t3\t\n", paths[0]);
	assert_string_equal(r.rej, want);
	snprintf(want, sizeof want, "test_ingest: %s:3: 1 field, the header "
	    "has 2\n", paths[0]);
	assert_string_equal(r.err, want);
	assert_int_equal(r.d.files, 2);
	assert_int_equal(r.d.read, 3);
	assert_int_equal(r.d.written, 2);
	assert_int_equal(r.d.rejected, 1);
	assert_int_equal(r.d.title_rows, 0);
	result_free(&r);
}

static const char schema_yaml[] =
    "description: test\n"
    "fields:\n"
    "  school_id:\n"
    "    header: Mã trường\n"
    "    required: true\n"
    "  graduates:\n"
    "    header: Số HS tốt nghiệp\n"
    "    type: int\n"
    "    min: 0\n"
    "  vocational:\n"
    "    header: Số HS học GDNN\n"
    "    type: int\n"
    "  has_programme:\n"
    "    header: Có chương trình\n"
    "    type: bool\n"
    "checks:\n"
    "  - vocational <= graduates\n";

/* With a schema: title rows skipped and counted, a column the schema
 * does not name dropped, values converted, every kind of bad row
 * rejected with its raw text (the mapped columns only). */
static void
test_schema(void **state)
{
	struct schema *s = schema_load(write_file("s.yaml", schema_yaml));
	struct ingest_opts o = { 0 };
	const char *paths[1];
	struct result r;
	char want[1024];

	(void)state;
	o.schema = s;
	paths[0] = write_file("s.csv",
	    "SỞ GIÁO DỤC VÀ ĐÀO TẠO LONG AN\n"
	    "\n"
	    "Mã trường,Ngày sinh,SỐ HS TỐT NGHIỆP,Số HS học GDNN\n"
	    "80794201,01/01/2005,1.234,100\n"
	    "80794202,02/02/2005,12a,1\n"
	    "80794203,03/03/2005,10,20\n"
	    "80794204,04/04/2005\n");
	run(&o, paths, 1, &r);
	assert_string_equal(r.out,
	    "school_id\tgraduates\tvocational\thas_programme\n"
	    "80794201\t1234\t100\t\n");
	snprintf(want, sizeof want,
	    "_file\t_line\t_field\t_reason\tschool_id\tgraduates\tvocational\t"
	    "has_programme\n"
	    "%s\t5\tgraduates\t\"12a\" is not a number\t80794202\t12a\t1\t\n"
	    "%s\t6\tvocational\t20 is greater than \"SỐ HS TỐT NGHIỆP\" (10)\t"
	    "80794203\t10\t20\t\n"
	    "%s\t7\t\t2 fields, the header has 4\t\t\t\t\n",
	    paths[0], paths[0], paths[0]);
	assert_string_equal(r.rej, want);
	snprintf(want, sizeof want,
	    "test_ingest: %s:5: column \"SỐ HS TỐT NGHIỆP\": \"12a\" is not "
	    "a number\n"
	    "test_ingest: %s:6: column \"Số HS học GDNN\": 20 is greater "
	    "than \"SỐ HS TỐT NGHIỆP\" (10)\n"
	    "test_ingest: %s:7: 2 fields, the header has 4\n",
	    paths[0], paths[0], paths[0]);
	assert_string_equal(r.err, want);
	assert_int_equal(r.d.files, 1);
	assert_int_equal(r.d.read, 4);
	assert_int_equal(r.d.written, 1);
	assert_int_equal(r.d.rejected, 3);
	assert_int_equal(r.d.title_rows, 2);
	result_free(&r);
	schema_free(s);
}

/* source adds where each row came from: the file and its physical line,
 * title rows counted; an explicit delimiter is not sniffed. */
static void
test_source(void **state)
{
	struct ingest_opts o = { 0 };
	const char *paths[1];
	struct result r;
	char want[512];

	(void)state;
	o.source = 1;
	o.delim = ';';
	paths[0] = write_file("src.csv", "a;b,c\n1;2,3\n\n4;5\n");
	run(&o, paths, 1, &r);
	snprintf(want, sizeof want, "a\tb,c\t_file\t_line\n"
	    "1\t2,3\t%s\t2\n4\t5\t%s\t4\n", paths[0], paths[0]);
	assert_string_equal(r.out, want);
	assert_int_equal(r.d.read, 2);
	assert_int_equal(r.d.written, 2);
	result_free(&r);
}

/* Errors that stop the run, with their exit statuses. */
static void
test_errors(void **state)
{
	struct ingest_opts o = { 0 };
	const char *paths[2];
	char msg[1024], want[1200];

	(void)state;
	paths[0] = write_file("e1.csv", "id,name,n\n1,A,2\n");
	paths[1] = write_file("e2.csv", "id,name,m\n1,A,2\n");
	assert_int_equal(fail_of(&o, paths, 2, NULL, msg, sizeof msg), 2);
	snprintf(want, sizeof want, "test_ingest: %s:1: header differs from "
	    "%s's: column 3 is \"m\", not \"n\"", paths[1], paths[0]);
	assert_string_equal(msg, want);

	paths[0] = write_file("empty.csv", "");
	assert_int_equal(fail_of(&o, paths, 1, NULL, msg, sizeof msg), 2);
	snprintf(want, sizeof want, "test_ingest: %s: empty input: no header "
	    "line", paths[0]);
	assert_string_equal(msg, want);

	paths[0] = path_of("missing.csv");
	assert_int_equal(fail_of(&o, paths, 1, NULL, msg, sizeof msg), 2);
	snprintf(want, sizeof want, "test_ingest: %s: cannot open: No such "
	    "file or directory", paths[0]);
	assert_string_equal(msg, want);

	/* Text that is not UTF-8 is a data error. */
	paths[0] = write_file("latin.csv", "a\nC\xf3\n");
	assert_int_equal(fail_of(&o, paths, 1, NULL, msg, sizeof msg), 1);
	assert_non_null(strstr(msg, "latin.csv:2: not UTF-8"));
}

/* A run that stops at an error still leaves every reject so far in its
 * rejects file: the side file's writer is flushed at exit. */
static void
test_rejects_flushed(void **state)
{
	struct ingest_opts o = { 0 };
	const char *paths[2], *rej = path_of("flushed.tsv");
	char msg[1024], want[1200], *got;

	(void)state;
	paths[0] = write_file("f1.csv", "a,b\n1\n2,3\n");
	paths[1] = write_file("f2.csv", "a,c\n1,2\n");
	assert_int_equal(fail_of(&o, paths, 2, rej, msg, sizeof msg), 2);
	got = slurp(rej);
	snprintf(want, sizeof want, "_file\t_line\t_field\t_reason\ta\tb\n"
	    "%s\t2\t\t1 field, the header has 2\t1\t\n", paths[0]);
	assert_string_equal(got, want);
	free(got);
}

static int
setup(void **state)
{
	diag_init("test_ingest");
	return unit_tmpdir_setup(state);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain),
		cmocka_unit_test(test_schema),
		cmocka_unit_test(test_source),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_rejects_flushed),
	};

	return cmocka_run_group_tests(tests, setup, unit_tmpdir_teardown);
}
