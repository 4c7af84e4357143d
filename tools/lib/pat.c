/* pat — whole-value patterns, by a bit-parallel NFA or regexec: see pat.h.
 *
 * A linear pattern is written out as a row of positions, each a set of
 * bytes that is required (matched once), optional (once or not at all)
 * or starred (any number of times): a{2,4} is a a a? a?, a+ is a a*.
 * State i of the NFA means "the first i positions are done"; the states
 * the NFA can be in make a 64-bit word, bit i for state i.  On a byte b,
 * state i goes to i + 1 when position i holds b (adv[b]), and a starred
 * position's state stays (loop[b]).  Then the closure: state i goes on to
 * i + 1 without a byte when position i may be skipped (bit i of skip).  A
 * run of such positions i..j takes a state in it on to j + 1 at once,
 * which is what a carry does: skip + (D & skip) clears each run from its
 * lowest state in D up and sets the bit after it, so skip ^ that is the
 * states reached (those of D the carry went past excepted, which D has).
 * The value matches when state "all positions done" is reached after its
 * last byte.  The NFA's sets of states then make a DFA, when they are few:
 * one table lookup a byte. */
#include <ctype.h>
#include <regex.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "pat.h"

#define MAXPOS	62
#define INF	(-1)

enum kind { REQUIRED, OPTIONAL, STARRED };

/* The most states the DFA made from the NFA may have. */
#define MAXDFA	64

struct pat {
	regex_t		 re;
	int		 nfa;		/* the tables below match it */
	uint64_t	 adv[256], loop[256], skip, start, accept;
	/* The DFA, when it has at most MAXDFA states: state 0 first; a
	 * byte's class; the next state by state and class; whether a state
	 * accepts. */
	unsigned char	*next;
	unsigned char	 cls[256];
	unsigned char	 acc[MAXDFA];
	size_t		 ncls;
	/* A run: the pattern is one set of bytes with its bounds
	 * ('[A-Za-z0-9]{3,20}'), matched by the value's length and a
	 * lookup a byte, with no state carried from byte to byte: in[b]
	 * is 1 for a byte of the set, the length from rmin to rmax. */
	int		 run;
	size_t		 rmin, rmax;
	unsigned char	 in[256];
};

/* A set of bytes, 256 bits. */
struct set {
	uint64_t	 w[4];
};

static void
set_add(struct set *s, unsigned c)
{
	s->w[c >> 6] |= 1ULL << (c & 63);
}

static int
set_has(const struct set *s, unsigned c)
{
	return (s->w[c >> 6] >> (c & 63)) & 1;
}

/* The classes of [[:name:]], as the C library has them. */
static const struct {
	const char	*name;
	int		(*is)(int);
} classes[] = {
	{ "alnum", isalnum }, { "alpha", isalpha }, { "blank", isblank },
	{ "cntrl", iscntrl }, { "digit", isdigit }, { "graph", isgraph },
	{ "lower", islower }, { "print", isprint }, { "punct", ispunct },
	{ "space", isspace }, { "upper", isupper }, { "xdigit", isxdigit },
};

/* bracket reads the bracket expression after "[" at *pp into s; 0, or
 * -1 for what the NFA leaves to regexec. */
static int
bracket(const char **pp, struct set *s)
{
	const unsigned char *p = (const unsigned char *)*pp;
	int neg = 0, first = 1;
	unsigned c, hi, k;
	size_t i, n;

	if (*p == '^') {
		neg = 1;
		p++;
	}
	for (;; first = 0) {
		c = *p;
		if (c == '\0')
			return -1;
		if (c == ']' && !first)
			break;
		if (c == '[') {
			/* [:class:]; [=e=], [.c.] and a lone [ to regexec. */
			if (p[1] != ':')
				return -1;
			for (i = 0; i < sizeof classes / sizeof classes[0];
			    i++) {
				n = strlen(classes[i].name);
				if (strncmp((const char *)p + 2,
				    classes[i].name, n) == 0 && p[2 + n] == ':' &&
				    p[3 + n] == ']')
					break;
			}
			if (i == sizeof classes / sizeof classes[0])
				return -1;
			for (k = 1; k < 256; k++)
				if (classes[i].is((int)k))
					set_add(s, k);
			p += 4 + strlen(classes[i].name);
			continue;
		}
		if (c == '-' && !first && p[1] != ']')
			return -1;	/* a range of a range, or worse */
		if (p[1] == '-' && p[2] != ']' && p[2] != '\0') {
			hi = p[2];
			/* Ranges are collation order: plain only in ASCII. */
			if (hi == '[' || c >= 0x80 || hi >= 0x80 || c > hi)
				return -1;
			for (k = c; k <= hi; k++)
				set_add(s, k);
			p += 3;
			continue;
		}
		set_add(s, c);
		p++;
	}
	if (neg)
		for (k = 0; k < 4; k++)
			s->w[k] = ~s->w[k];
	*pp = (const char *)p + 1;
	return 0;
}

/* bound reads "{m}", "{m,}" or "{m,n}" at *pp; 0, or -1. */
static int
bound(const char **pp, int *min, int *max)
{
	const char *p = *pp + 1;
	char *end;
	long m, n;

	if (!isdigit((unsigned char)*p))
		return -1;
	m = strtol(p, &end, 10);
	p = end;
	n = m;
	if (*p == ',') {
		p++;
		n = INF;
		if (isdigit((unsigned char)*p)) {
			n = strtol(p, &end, 10);
			p = end;
		}
	}
	if (*p != '}' || m > MAXPOS || (n != INF && (n < m || n > MAXPOS)))
		return -1;
	*min = (int)m;
	*max = (int)n;
	*pp = p + 1;
	return 0;
}

/* linear writes the positions of p out into the tables: 0, or -1 when p
 * is not a linear pattern of at most MAXPOS positions. */
static int
linear(struct pat *t, const char *p)
{
	static const char special[] = ".[\\()*+?{}|^$]";
	struct set s;
	unsigned c;
	int min, max, npos = 0, k, natoms = 0;

	while (*p != '\0') {
		natoms++;
		memset(&s, 0, sizeof s);
		c = (unsigned char)*p;
		if (c == '.') {
			memset(&s, 0xff, sizeof s);
			p++;
		} else if (c == '[') {
			p++;
			if (bracket(&p, &s) < 0)
				return -1;
		} else if (c == '\\') {
			if (p[1] == '\0' || strchr(special, p[1]) == NULL)
				return -1;	/* \w, \1, \< and the like */
			set_add(&s, (unsigned char)p[1]);
			p += 2;
		} else if (strchr(special, (int)c) == NULL) {
			set_add(&s, c);
			p++;
		} else
			return -1;
		min = max = 1;
		switch (*p) {
		case '*': min = 0; max = INF; p++; break;
		case '+': min = 1; max = INF; p++; break;
		case '?': min = 0; max = 1; p++; break;
		case '{':
			if (bound(&p, &min, &max) < 0)
				return -1;
			break;
		}
		if (*p == '*' || *p == '+' || *p == '?' || *p == '{')
			return -1;	/* a quantifier on a quantifier */
		/* NUL ends a string for regexec: no position takes it. */
		s.w[0] &= ~1ULL;
		if (npos + (max == INF ? min + 1 : max) > MAXPOS)
			return -1;
		for (k = 0; k < (max == INF ? min + 1 : max); k++) {
			enum kind kd = k < min ? REQUIRED : max == INF ?
			    STARRED : OPTIONAL;

			for (c = 0; c < 256; c++) {
				if (!set_has(&s, c))
					continue;
				t->adv[c] |= 1ULL << npos;
				if (kd == STARRED)
					t->loop[c] |= 1ULL << (npos + 1);
			}
			if (kd != REQUIRED)
				t->skip |= 1ULL << npos;
			npos++;
		}
	}
	t->accept = 1ULL << npos;
	t->start = 1 | (t->skip ^ (t->skip + (1 & t->skip)));
	if (natoms == 1) {
		t->run = 1;
		t->rmin = (size_t)min;
		t->rmax = max == INF ? (size_t)-1 : (size_t)max;
		for (c = 0; c < 256; c++)
			t->in[c] = (unsigned char)set_has(&s, c);
	}
	return 0;
}

/* step is the NFA's step from the states d on byte c. */
static inline uint64_t
step(const struct pat *t, uint64_t d, unsigned char c)
{
	d = ((d & t->adv[c]) << 1) | (d & t->loop[c]);
	return d | (t->skip ^ (t->skip + (d & t->skip)));
}

/* dfa makes the NFA deterministic, the subset construction: a DFA state
 * is a set of NFA states, and bytes that no position tells apart share a
 * class.  A linear pattern has few sets ('[A-Za-z0-9]{3,20}': 22, over
 * two classes); with more than MAXDFA the NFA stays the matcher. */
static void
dfa(struct pat *t)
{
	uint64_t set[MAXDFA], d;
	unsigned char rep[256];
	size_t nset = 1, i, c, k, b;

	for (b = 0; b < 256; b++) {
		for (c = 0; c < t->ncls; c++)
			if (t->adv[rep[c]] == t->adv[b] &&
			    t->loop[rep[c]] == t->loop[b])
				break;
		if (c == t->ncls)
			rep[t->ncls++] = (unsigned char)b;
		t->cls[b] = (unsigned char)c;
	}
	t->next = xcalloc(MAXDFA * t->ncls, 1);
	set[0] = t->start;
	for (i = 0; i < nset; i++) {
		t->acc[i] = (set[i] & t->accept) != 0;
		for (c = 0; c < t->ncls; c++) {
			d = step(t, set[i], rep[c]);
			for (k = 0; k < nset && set[k] != d; k++)
				;
			if (k == nset) {
				if (nset == MAXDFA) {
					free(t->next);
					t->next = NULL;
					return;
				}
				set[nset++] = d;
			}
			t->next[i * t->ncls + c] = (unsigned char)k;
		}
	}
}

struct pat *
pat_new(const char *p, char *msg, size_t size)
{
	struct pat *t = xcalloc(1, sizeof *t);
	struct buf b = { 0 };
	int rc;

	buf_printf(&b, "^(%s)$", p);
	rc = regcomp(&t->re, b.p, REG_EXTENDED | REG_NOSUB);
	buf_free(&b);
	if (rc != 0) {
		regerror(rc, &t->re, msg, size);
		free(t);
		return NULL;
	}
	/* In a multibyte locale regexec reads characters, not bytes. */
	if (MB_CUR_MAX == 1 && linear(t, p) == 0) {
		t->nfa = 1;
		dfa(t);
	}
	return t;
}

int
pat_match_regexec(const struct pat *t, const char *s, size_t n)
{
	if (memchr(s, '\0', n) != NULL)
		return 0;
	return regexec(&t->re, s, 0, NULL, 0) == 0;
}

int
pat_match_nfa(const struct pat *t, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	uint64_t d = t->start;
	size_t i;

	if (!t->nfa)
		return pat_match_regexec(t, s, n);
	for (i = 0; i < n && d != 0; i++)
		d = step(t, d, u[i]);
	return (d & t->accept) != 0;
}

int
pat_match_dfa(const struct pat *t, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i, st = 0;

	if (t->next == NULL)
		return pat_match_nfa(t, s, n);
	for (i = 0; i < n; i++)
		st = t->next[st * t->ncls + t->cls[u[i]]];
	return t->acc[st];
}

int
pat_match(const struct pat *t, const char *s, size_t n)
{
	if (t->run)
		return pat_run_ok(t->in, t->rmin, t->rmax, s, n);
	return pat_match_dfa(t, s, n);
}

int
pat_nfa(const struct pat *t)
{
	return t->nfa;
}

int
pat_dfa(const struct pat *t)
{
	return t->next != NULL;
}

int
pat_run(const struct pat *t)
{
	return t->run;
}

const unsigned char *
pat_run_set(const struct pat *t, size_t *min, size_t *max)
{
	if (!t->run)
		return NULL;
	*min = t->rmin;
	*max = t->rmax;
	return t->in;
}

void
pat_free(struct pat *t)
{
	if (t == NULL)
		return;
	regfree(&t->re);
	free(t->next);
	free(t);
}
