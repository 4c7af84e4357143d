/* Unit tests for pat: the run, the DFA and the NFA give regexec's answer on every
 * pattern they take — random linear patterns (literals, escapes, dots,
 * brackets with ranges, classes and negation, every quantifier and
 * bound, bytes of multibyte characters) over random values of the bytes
 * that matter to them, line breaks, NUL and bytes above 0x7f among them
 * — and leave the others to regexec. */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "pat.h"
#include "unit.h"

static struct pat *
compile(const char *p)
{
	char msg[256];
	struct pat *t = pat_new(p, msg, sizeof msg);

	if (t == NULL)
		fail_msg("pattern \"%s\": %s", p, msg);
	return t;
}

/* How many values matched, of those same looked at. */
static unsigned long hits, tries;

/* by_set matches s[0..n) by a run's set and bounds, as pat_run_set
 * says a caller may: -1 when t is not a run. */
static int
by_set(const struct pat *t, const char *s, size_t n)
{
	const unsigned char *in;
	size_t min, max, i;

	if ((in = pat_run_set(t, &min, &max)) == NULL)
		return -1;
	if (n < min || n > max)
		return 0;
	for (i = 0; i < n; i++)
		if (!in[(unsigned char)s[i]])
			return 0;
	return 1;
}

/* same checks that p gives regexec's answer on s[0..n). */
static void
same(const struct pat *t, const char *p, const char *s, size_t n)
{
	int a = pat_match(t, s, n), b = pat_match_regexec(t, s, n);
	int c = pat_match_nfa(t, s, n), d = pat_match_dfa(t, s, n);
	int e = by_set(t, s, n);

	if (pat_run(t) != (e >= 0))
		fail_msg("pattern \"%s\": a run %d, a set %d", p, pat_run(t),
		    e >= 0);
	if (e >= 0 && e != b)
		fail_msg("pattern \"%s\", value \"%.*s\" (%zu bytes): by its "
		    "set %d, regexec %d", p, (int)n, s, n, e, b);
	if (a != b || c != b || d != b)
		fail_msg("pattern \"%s\", value \"%.*s\" (%zu bytes): %s %d, "
		    "DFA %d, NFA %d, regexec %d", p, (int)n, s, n,
		    pat_run(t) ? "run" : pat_dfa(t) ? "DFA" : "NFA", a, d, c,
		    b);
	hits += a;
	tries++;
}

static void
test_known(void **state)
{
	struct pat *t;

	(void)state;
	t = compile("[A-Za-z0-9]{3,20}");
	assert_true(pat_nfa(t));
	assert_true(pat_dfa(t));
	assert_true(pat_run(t));
	assert_true(pat_match(t, LIT("80794201")));
	assert_true(pat_match(t, LIT("abc")));
	assert_false(pat_match(t, LIT("ab")));
	assert_false(pat_match(t, LIT("16/08/2005")));
	assert_false(pat_match(t, LIT("123456789012345678901")));
	assert_false(pat_match(t, LIT("abc\0def")));
	pat_free(t);
	t = compile("[A-Z]{2}[0-9]+");
	assert_true(pat_nfa(t));
	assert_false(pat_run(t));
	assert_true(pat_match(t, LIT("TA01")));
	assert_false(pat_match(t, LIT("TA01-2")));
	pat_free(t);
	/* Alternatives and groups go to regexec, anchored all the same. */
	t = compile("ab|cd");
	assert_false(pat_nfa(t));
	assert_true(pat_match(t, LIT("cd")));
	assert_false(pat_match(t, LIT("abcd")));
	pat_free(t);
	t = compile("Tr.*");
	assert_true(pat_nfa(t));
	assert_true(pat_match(t, LIT("Trần")));
	assert_false(pat_match(t, LIT("Lê")));
	pat_free(t);
	t = compile("");
	assert_true(pat_match(t, LIT("")));
	assert_false(pat_match(t, LIT("a")));
	pat_free(t);
	assert_null(pat_new("(a", (char[64]){ 0 }, 64));
}

/* piece appends one atom and maybe a quantifier to b. */
static void
piece(struct buf *b)
{
	static const char *lit[] = { "a", "b", "A", "0", "9", "-", "_", " ",
	    "\\.", "\\*", "\\[", "\\\\", "\\{", "\\$", "\xc3", "\xa0", "é",
	    "/", ",", ":" };
	static const char *br[] = { "a-z", "A-Z", "0-9", "ab", "-a", "a-",
	    "]a", "[:alpha:]", "[:digit:]", "[:alnum:]", "[:space:]",
	    "[:upper:]", "[:punct:]", "\\\\", ".", "\xc3\xa9", "!--", "^" };
	static const char *q[] = { "", "", "", "*", "+", "?", "{2}", "{0,3}",
	    "{1,}", "{3,5}", "{0}", "{0,1}", "{12}" };
	unsigned k, i;

	switch (unit_rnd(4)) {
	case 0:
		buf_adds(b, ".");
		break;
	case 1:
		buf_adds(b, "[");
		if (unit_rnd(4) == 0)
			buf_adds(b, "^");
		for (i = 0, k = 1 + unit_rnd(3); i < k; i++) {
			const char *e = br[unit_rnd(sizeof br / sizeof br[0])];

			/* A ] is itself only first, and ^ never first. */
			if ((e[0] == ']' && i > 0) || (e[0] == '^' && i == 0))
				continue;
			buf_adds(b, e);
		}
		if (b->p[b->len - 1] == '[' || b->p[b->len - 1] == '^')
			buf_adds(b, "x");
		buf_adds(b, "]");
		break;
	default:
		buf_adds(b, lit[unit_rnd(sizeof lit / sizeof lit[0])]);
	}
	buf_adds(b, q[unit_rnd(sizeof q / sizeof q[0])]);
}

/* value fills s with n bytes a pattern of pieces may or may not match. */
static void
value(char *s, size_t n)
{
	static const char bytes[] = "abzAZ09-_ .*[\\{$/,:!\"\t\n\xc3\xa0\xa9"
	    "\xff\x7f";
	size_t i;

	for (i = 0; i < n; i++)
		s[i] = bytes[unit_rnd(sizeof bytes - 1)];
	s[n] = '\0';
}

static void
test_random(void **state)
{
	struct buf p = { 0 };
	struct pat *t;
	char s[40];
	unsigned round, k, i, nfa = 0, dfa = 0, run = 0, rounds = 1500;
	size_t n;

	(void)state;
	for (round = 0; round < rounds; round++) {
		buf_reset(&p);
		buf_add(&p, "", 0);
		for (i = 0, k = unit_rnd(5); i < k; i++)
			piece(&p);
		/* A random row of pieces may be no pattern ("[a-A-Z]"). */
		if ((t = pat_new(p.p, (char[64]){ 0 }, 64)) == NULL) {
			round--;
			continue;
		}
		nfa += pat_nfa(t) != 0;
		dfa += pat_dfa(t) != 0;
		run += pat_run(t) != 0;
		for (i = 0; i < 60; i++) {
			n = unit_rnd(sizeof s - 1);
			value(s, n);
			same(t, p.p, s, n);
		}
		/* A NUL inside: never a match. */
		if (n > 0) {
			s[unit_rnd((unsigned)n)] = '\0';
			same(t, p.p, s, n);
		}
		pat_free(t);
	}
	/* Nearly every random pattern is linear, so the test is the NFA's,
	 * most have a DFA, some not, and some values match. */
	assert_true(nfa > rounds * 9 / 10);
	if (dfa < nfa / 2 || dfa == nfa)
		fail_msg("%u patterns of %u with a DFA", dfa, nfa);
	if (run < rounds / 10)
		fail_msg("%u patterns of %u are runs", run, rounds);
	assert_true(hits > tries / 50);
	buf_free(&p);
}

/* Runs, one piece each, over values of every length around their bounds
 * (the four-byte steps and the bytes after them), of bytes in the set
 * and one or two not: the run against regexec. */
static void
test_runs(void **state)
{
	struct buf p = { 0 };
	struct pat *t;
	char s[72];
	unsigned round, i, runs = 0;
	size_t n, k;

	(void)state;
	for (round = 0; round < 400; round++) {
		buf_reset(&p);
		buf_add(&p, "", 0);
		if (round % 3 == 0)	/* wide bounds, long values */
			buf_printf(&p, "%s{%u,%u}", (const char *[]){
			    "[A-Za-z0-9]", ".", "a", "[^a]", "[[:digit:]]" }[
			    unit_rnd(5)], unit_rnd(30), 30 + unit_rnd(30));
		else
			piece(&p);
		if ((t = pat_new(p.p, (char[64]){ 0 }, 64)) == NULL)
			continue;
		runs += pat_run(t) != 0;
		for (n = 0; n < sizeof s - 1; n++)
			for (i = 0; i < 4; i++) {
				value(s, n);
				/* Mostly bytes the set may have. */
				for (k = 0; k < n && i < 2; k++)
					s[k] = "aAz09"[unit_rnd(5)];
				if (i == 1 && n > 0)
					s[unit_rnd((unsigned)n)] = "\xff.\n"[
					    unit_rnd(3)];
				same(t, p.p, s, n);
			}
		pat_free(t);
	}
	assert_true(runs > 200);
	buf_free(&p);
}

/* pick: a random byte of the string bytes. */
#define pick(bytes)	((bytes)[unit_rnd(sizeof (bytes) - 1)])

/* Values that match a pattern (an example of it), and ones an edit or
 * two away: many match, many just do not. */
static void
test_near(void **state)
{
	static const char *pats[][2] = {
		{ "[A-Za-z0-9]{3,20}", "80794201" },
		{ "a?b*c+d{2,3}", "bbcdd" },
		{ "[0-9]{2}/[0-9]{2}/[0-9]{4}", "16/08/2005" },
		{ "x.?.?y", "xaby" }, { "[^a]*a", "bcda" },
		{ "a*a*a*b", "aaab" }, { "(a|b)c", "bc" },
		{ "a{0,2}a{2}", "aaa" },
		{ "[[:digit:][:upper:]]+-?[a-f]*", "A1-ff" } };
	static const char bytes[] = "aAbcdfxyz019/-F";
	char s[40];
	size_t i, j, n, k, e, at;
	struct pat *t;

	(void)state;
	hits = tries = 0;
	for (i = 0; i < sizeof pats / sizeof pats[0]; i++) {
		t = compile(pats[i][0]);
		same(t, pats[i][0], pats[i][1], strlen(pats[i][1]));
		assert_true(pat_match(t, pats[i][1], strlen(pats[i][1])));
		for (j = 0; j < 3000; j++) {
			n = strlen(pats[i][1]);
			memcpy(s, pats[i][1], n + 1);
			for (e = unit_rnd(3); e > 0; e--) {
				at = unit_rnd((unsigned)n + 1);
				switch (unit_rnd(3)) {
				case 0:		/* a byte replaced */
					if (at < n)
						s[at] = pick(bytes);
					break;
				case 1:		/* one more */
					if (n + 1 >= sizeof s)
						break;
					memmove(s + at + 1, s + at, n - at + 1);
					s[at] = pick(bytes);
					n++;
					break;
				default:	/* one fewer */
					if (at < n) {
						memmove(s + at, s + at + 1,
						    n - at);
						n--;
					}
				}
			}
			same(t, pats[i][0], s, n);
			for (k = 0; k < n && j % 7 == 0; k++)
				s[k] = pick(bytes);
			same(t, pats[i][0], s, n);
		}
		pat_free(t);
	}
	if (hits <= tries / 5)
		fail_msg("%lu of %lu values matched", hits, tries);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_known),
		cmocka_unit_test(test_random),
		cmocka_unit_test(test_near),
		cmocka_unit_test(test_runs),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
