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
 * compare the run and the DFA with. */
int pat_match_nfa(const struct pat *p, const char *s, size_t n);
int pat_match_dfa(const struct pat *p, const char *s, size_t n);
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

/* pat_run_ok matches s[0..n) by a run's set and bounds (pat_run_set):
 * the length, then every byte in the set, eight lookups a step whose
 * results are ANDed, not branched on, the last eight put against the
 * value's end (or four and four, overlapping, or one by one).  Inline,
 * for the callers that match a code on every row. */
#define PAT_IN4(u) (in[(u)[0]] & in[(u)[1]] & in[(u)[2]] & in[(u)[3]])

static inline int
pat_run_ok(const unsigned char *in, size_t min, size_t max, const char *s,
    size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned ok = 1;
	size_t i;

	if (n < min || n > max)
		return 0;
	if (n >= 8) {
		for (i = 0; i + 8 < n; i += 8)
			ok &= PAT_IN4(u + i) & PAT_IN4(u + i + 4);
		return (int)(ok & PAT_IN4(u + n - 8) & PAT_IN4(u + n - 4));
	}
	if (n >= 4)
		return (int)(PAT_IN4(u) & PAT_IN4(u + n - 4));
	for (i = 0; i < n; i++)
		ok &= in[u[i]];
	return (int)ok;
}

void pat_free(struct pat *p);

#endif
