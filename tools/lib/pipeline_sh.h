/* pipeline_sh — a loaded pipeline as a POSIX sh script that does what
 * luong-run does and leaves the same bytes (luong-run --dry-run): the
 * steps joined by pipes, each one's failure recorded as pipefail would,
 * the final stream written to every output through a temporary file
 * beside its target, renamed only when every command succeeded.
 *
 * It only writes text: nothing is run or checked here.  The pipeline is
 * borrowed; the script is appended to a caller's buffer.  */
#ifndef LUONG_PIPELINE_SH_H
#define LUONG_PIPELINE_SH_H

#include "buf.h"

struct pipeline;

/* pipeline_sh_quote appends s as one sh word: as it is when it holds only
 * characters no shell treats specially, else in single quotes with each
 * ' written '\''.  With cmd set, s is a command name: a reserved word or a
 * word with "=" is quoted too. */
void pipeline_sh_quote(struct buf *b, const char *s, int cmd);

/* pipeline_sh appends a POSIX sh script that runs p as luong-run would
 * and leaves the same outputs: each step's failure recorded (pipefail),
 * the output directories made first, the outputs written beside their
 * targets and renamed only when every command succeeded.  Programs found
 * beside luong-run are named by their full path; the others are left to
 * the script's PATH. */
void pipeline_sh(struct buf *b, const struct pipeline *p);

#endif
