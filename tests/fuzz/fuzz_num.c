/* fuzz_num — libFuzzer harness for the number parsing of ingest (num):
 * the input is one cell's text, parsed as an int and as a decimal.
 * Checked: a decimal's canonical form is a stream decimal (dec_check)
 * and parses again to itself; an int prints and parses again to itself.
 * The corpus is the numbers of the CLI tests, in their Vietnamese and
 * stream forms. */
#include <stdio.h>
#include <string.h>

#include "dec.h"
#include "num.h"
#include "harness.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	struct buf canon = { 0 }, again = { 0 };
	char tmp[32];
	long long i, j;
	double d, e;

	if (num_parse_int(s, size, &i) == 0) {
		snprintf(tmp, sizeof tmp, "%lld", i);
		fuzz_assert(num_parse_int(tmp, strlen(tmp), &j) == 0 && i == j);
	}
	buf_adds(&canon, "<");
	if (num_parse_dec(s, size, &canon, &d) == 0) {
		fuzz_assert(dec_check(canon.p + 1, canon.len - 1) == 0);
		fuzz_assert(num_parse_dec(canon.p + 1, canon.len - 1, &again,
		    &e) == 0);
		fuzz_assert(again.len == canon.len - 1 &&
		    memcmp(again.p, canon.p + 1, again.len) == 0);
		fuzz_assert(d == e || (d != d && e != e));
	} else
		fuzz_assert(canon.len == 1);
	buf_free(&canon);
	buf_free(&again);
	return 0;
}
