/* cli — the command line every luong program shares.
 *
 * One shape for every main(): cli_init, a cli_getopt loop, the operands,
 * then the stream.  What a user sees is the same in every program:
 *
 *     PROG: unknown option --bogus      then the usage, exit 2
 *     PROG: unknown option -Z           then the usage, exit 2
 *     PROG: option -c requires an argument      the usage, exit 2
 *     PROG: -c is required              then the usage, exit 2
 *     --help                            the usage on stdout, exit 0
 *                                       (1 when it cannot be written)
 *
 * The usage is exactly the man page SYNOPSIS.  Text taken from the
 * command line (a field=value pair, a list item, a column name) is checked
 * to be UTF-8 and brought to NFC, as every value in the stream is, so
 * "Tân An" typed in NFD matches the stream's "Tân An".  */
#ifndef LUONG_CLI_H
#define LUONG_CLI_H

#include <getopt.h>
#include <stddef.h>

struct atomic;

/* The value cli_getopt returns for --help; put CLI_HELP_OPTION in every
 * longopts table.  Programs number their own long options from
 * CLI_OPT_FIRST. */
enum { CLI_HELP = 256, CLI_OPT_FIRST = 257 };
#define CLI_HELP_OPTION	{ "help", no_argument, NULL, CLI_HELP }

/* cli_init names the program (diag_init, and argv[0] so getopt never
 * names a path), keeps synopsis (borrowed, static: "usage: ...\n", the man
 * page SYNOPSIS) and starts the stats record (stats_init). */
void cli_init(const char *prog, const char *synopsis, char **argv);

/* cli_getopt is getopt_long, with the answers above for --help, an
 * unknown option and a missing argument.  Returns the option, or -1 at
 * the first operand or "--". */
int cli_getopt(int argc, char **argv, const char *optstring,
    const struct option *longopts);

/* cli_usage prints the usage on stderr and exits 2. */
void cli_usage(void) __attribute__((noreturn));

/* cli_required says "PROG: OPT is required", prints the usage, exits 2. */
void cli_required(const char *opt) __attribute__((noreturn));

/* cli_text returns arg checked to be UTF-8 and in NFC, owned.  Invalid
 * UTF-8 is exit 2: "PROG: OPT: not valid UTF-8". */
char *cli_text(const char *opt, const char *arg);

/* A list of items, as a comma list option gives ("-g a,b,c"), or as a
 * repeated option builds up. */
struct cli_list {
	char	**v;		/* owned, NFC */
	size_t	  n;
};

/* cli_list_add appends the items of arg, split at commas, to l.  An empty
 * item ("", "a,", "a,,b") is exit 2: "PROG: OPT: empty item in \"ARG\"". */
void cli_list_add(struct cli_list *l, const char *opt, const char *arg);
void cli_list_free(struct cli_list *l);
/* cli_list_index is the place of item in l, or -1. */
long cli_list_index(const struct cli_list *l, const char *item);

/* A field=value pair ("--total district=Toàn tỉnh"). */
struct cli_pair {
	char	*field;		/* owned, NFC, never empty */
	char	*value;		/* owned, NFC, may be empty */
};

/* cli_pair splits arg at its first "=".  No "=" or an empty field is
 * exit 2: "PROG: OPT: expected field=value, not \"ARG\"". */
void cli_pair(struct cli_pair *p, const char *opt, const char *arg);
void cli_pair_free(struct cli_pair *p);

/* cli_field_file splits "[field=]file" ("--order district=gaz.yaml"):
 * *field is the field as text (cli_text), deflt (copied) without one;
 * *file points into arg, left as it is. */
void cli_field_file(const char *opt, const char *arg, const char *deflt,
    char **field, const char **file);

/* cli_pairs_add appends the pairs of arg, a comma list of field=value
 * ("--total district=Tổng cộng,district_code=80"), to the *n pairs at *p.
 * A field named twice, in arg or in an earlier one, is exit 2 with the
 * usage: "PROG: OPT: field \"F\" named twice". */
void cli_pairs_add(struct cli_pair **p, size_t *n, const char *opt,
    const char *arg);

/* A file written beside the output (-r, -u): a record stream. */
struct cli_side {
	struct atomic		*a;
	struct rec_writer	*w;	/* writes it; owned */
};

/* cli_side_open opens path as an ATOMIC_KEEP atomic file with a record
 * writer on it: it appears whole when the program ends, however it ends,
 * with every row written so far (the writer is flushed at exit).  It must
 * not be one of the inputs (nin paths; none or "-": standard input), told
 * by device and inode, not by name: that is exit 2, "PROG: OPT PATH would
 * overwrite the input IN", before anything is written.  A file that
 * cannot be created is exit 2.  Returns it owned. */
struct cli_side *cli_side_open(const char *opt, const char *path, int nin,
    char *const *inputs);

/* cli_side_input names a file the program reads beside its stream
 * inputs (a schema, a gazetteer, a table): cli_side_open refuses a side
 * file that is it, too.  path is borrowed and must outlive the side
 * files opened after. */
void cli_side_input(const char *path);

/* cli_side_close flushes, commits (atomic_commit) and frees a side file;
 * an error is exit 1 with "PROG: PATH: write error: ...".  NULL is a
 * no-op. */
void cli_side_close(struct cli_side *s);

/* cli_count parses a count option ("-m 10"): digits only.  Anything else
 * is exit 2: "PROG: OPT \"ARG\": expected a number of rows". */
unsigned long long cli_count(const char *opt, const char *arg);

#endif
