/* replay — run a libFuzzer harness over the files named, without
 * libFuzzer: the corpus test of "make check" (and of "make san", where a
 * bad access stops it). */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
main(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++) {
		FILE *fp = fopen(argv[i], "rb");
		unsigned char *p = NULL;
		size_t n = 0, cap = 0, k;

		if (fp == NULL) {
			perror(argv[i]);
			return 2;
		}
		do {
			if (n == cap) {
				cap = cap ? 2 * cap : 65536;
				if ((p = realloc(p, cap)) == NULL)
					return 2;
			}
			k = fread(p + n, 1, cap - n, fp);
			n += k;
		} while (k > 0);
		fclose(fp);
		LLVMFuzzerTestOneInput(p, n);
		free(p);
	}
	printf("%d inputs replayed\n", argc - 1);
	return 0;
}
