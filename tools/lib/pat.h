/* pat — a pattern that a whole value must match: a POSIX extended regular
 * expression P, compiled by regcomp(3) as "^(P)$".
 *
 * The patterns schemas have are mostly a row of literals, dots and
 * bracket expressions, each with ?, *, + or {m,n} after it or not
 * ('[A-Za-z0-9]{3,20}').  Such a pattern, up to 62 positions once its
 * bounds are written out, is matched without regexec, by a bit-parallel
 * NFA (one bit a position, a shift and an addition a byte of the value),
 * and when the NFA's sets of states are few, by the DFA they make (one
 * table lookup a byte): a hundredth of regexec's time on a code; and a
 * pattern that is one set of bytes and its bounds, by the length and a
 * lookup a byte that no byte's result waits for.  Any other
 * pattern (alternatives, groups, anchors inside, back references, GNU
 * escapes, equivalence classes, a locale with multibyte characters) goes
 * to regexec.  Both read bytes as regexec does in the C locale, the one
 * luong programs run in; test_pat holds the DFA and the NFA to regexec
 * on random patterns and values.
 *
 * Memory: 4 KiB of tables a pattern the NFA takes, and at most 16 KiB for
 * its DFA, besides regcomp's.  */
#ifndef LUONG_PAT_H
#define LUONG_PAT_H

#include <stddef.h>

struct pat;

/* pat_new compiles the pattern p.  On an error it returns NULL with
 * regerror's message in msg (size bytes). */
struct pat *pat_new(const char *p, char *msg, size_t size);

/* pat_match says whether s[0..n), which has a NUL at s[n], matches the
 * whole pattern: 1 or 0.  A value that holds a NUL never matches
 * (regexec would stop at it). */
int pat_match(const struct pat *p, const char *s, size_t n);

/* pat_match_nfa is pat_match by the NFA, never the DFA; pat_match_dfa
 * by the DFA when there is one (else the NFA), never the run; and
 * pat_match_regexec by regexec always: the references the unit tests
 * compare the run and the DFA with.  pat_match_run is pat_match by the
 * run when p is one, else by the DFA. */
int pat_match_nfa(const struct pat *p, const char *s, size_t n);
int pat_match_dfa(const struct pat *p, const char *s, size_t n);
int pat_match_run(const struct pat *p, const char *s, size_t n);
int pat_match_regexec(const struct pat *p, const char *s, size_t n);

/* pat_nfa: 1 when the NFA (or its DFA) matches p, 0 when regexec does. */
int pat_nfa(const struct pat *p);

/* pat_dfa: 1 when the DFA matches p (but for a run, pat_run). */
int pat_dfa(const struct pat *p);

/* pat_run: 1 when p is a run, one set of bytes with its bounds. */
int pat_run(const struct pat *p);

/* pat_run_set returns a run's set, 256 bytes (1: the byte is in it, 0:
 * not), with its bounds in *min and *max ((size_t)-1: none), for a
 * caller's loop to match values by itself: s[0..n) matches when n is
 * from min to max and every byte of it in the set.  NULL when p is not a
 * run.  Valid until pat_free. */
const unsigned char *pat_run_set(const struct pat *p, size_t *min,
    size_t *max);

void pat_free(struct pat *p);

#endif
