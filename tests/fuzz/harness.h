/* harness — what the libFuzzer harnesses of tests/fuzz/ share.
 *
 * The library ends the program on a fatal error: cfg_error inside the
 * YAML loaders, diag_fatal, rec_next's malformed rows all call exit(3),
 * which libFuzzer counts as a crash, and which would leave behind what
 * the loader held.  A harness is linked with ld's --wrap for exit and
 * for every resource the library takes from libc and its libraries:
 * memory, descriptors, FILEs, libyaml parsers, zlib streams, iconv
 * descriptors, libcsv parsers and globs (FUZZ_WRAP in the Makefile).
 * Inside fuzz_run, exit releases everything fn took and has not given
 * back (while fn's frames are still there, so a parser on the stack can
 * still be deleted) and returns to fuzz_run by longjmp.  Outside it,
 * exit is exit.  The library is unchanged, and so is every program: only
 * the harnesses are linked this way.  LeakSanitizer stays on.
 *
 * Inside fuzz_run, the current directory is the harness's scratch
 * directory, and open(2), fopen(3) and glob(3) reach only it: read-only,
 * a relative path without "..", or an absolute one in the directory.  A
 * pipeline file can then neither open a device nor walk the file system.
 *
 * A block the library keeps across inputs (text.c's code point buffer)
 * must not be allocated first inside an input that exits, or the exit
 * would free it: fuzz_run starts text's buffer before the first input.
 * Another such cache would show up as a use after free under ASan.  */
#ifndef LUONG_FUZZ_HARNESS_H
#define LUONG_FUZZ_HARNESS_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* fuzz_dir returns the scratch directory, an absolute path made on first
 * use under TMPDIR (or /tmp) and removed, with what is in it, at exit. */
const char *fuzz_dir(void);

/* fuzz_file writes data[0..size) to the file name in the scratch
 * directory (made or truncated) and returns its absolute path (static
 * storage, valid until the next call).  mode is its permission bits.
 * A directory part of name must exist (fuzz_mkdir). */
const char *fuzz_file(const char *name, const void *data, size_t size,
    int mode);

/* fuzz_mkdir makes the directory name in the scratch directory. */
void fuzz_mkdir(const char *name);

/* fuzz_run calls fn(arg) in the scratch directory.  Returns 0 when fn
 * returned, or 1 when it ended in exit(3), with what it held released
 * and the exit status in *status (when status is not NULL). */
int fuzz_run(void (*fn)(void *), void *arg, int *status);

/* fuzz_assert: a property a harness checks; when it fails, the message
 * is printed and the harness aborts (a finding). */
#define fuzz_assert(c) ((c) ? (void)0 : \
	fuzz_fail(__FILE__, __LINE__, #c))
void fuzz_fail(const char *file, int line, const char *what)
    __attribute__((noreturn));

#endif
