/* splitmix.h — the test generators' random numbers: splitmix64, small,
 * fast and the same on every machine, so that a seed gives the same data
 * everywhere (tests/suite-fastpaths hashes what gen-tricky makes).  One
 * state per program: include it once, from the generator's .c. */
#ifndef LUONG_SPLITMIX_H
#define LUONG_SPLITMIX_H

#include <stdint.h>

static uint64_t rng;

static uint64_t
next(void)
{
	uint64_t z = (rng += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* pick: a number below n. */
static unsigned
pick(unsigned n)
{
	return (unsigned)(next() % n);
}

#endif
