/* mkzip — make the zip archives the workbook tests read, from files kept
 * as text in the tree: mkzip OUT.zip DIR adds every file under DIR, named
 * by its path relative to DIR, deflated, in name order.  -b NAME:MIB adds
 * a part NAME that inflates to MIB MiB ("<sst>" then spaces: a zip bomb
 * for the size limit); -c stores the parts uncompressed; -e PART encrypts
 * PART with a password (AES-256).  Files are added in the order given by
 * sorting their names, so an archive is the same from run to run. */
#include <sys/stat.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <zip.h>

static char **names;
static size_t nnames;

static void
walk(const char *root, const char *rel)
{
	char path[8200], sub[4096];
	struct dirent *e;
	struct stat st;
	DIR *d;

	snprintf(path, sizeof path, "%s%s%s", root, *rel ? "/" : "", rel);
	if ((d = opendir(path)) == NULL) {
		perror(path);
		exit(2);
	}
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		snprintf(sub, sizeof sub, "%s%s%s", rel, *rel ? "/" : "",
		    e->d_name);
		snprintf(path, sizeof path, "%s/%s", root, sub);
		if (stat(path, &st) != 0) {
			perror(path);
			exit(2);
		}
		if (S_ISDIR(st.st_mode))
			walk(root, sub);
		else {
			names = realloc(names, (nnames + 1) * sizeof *names);
			names[nnames++] = strdup(sub);
		}
	}
	closedir(d);
}

static int
cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The bomb: a source that yields "<sst>" and then spaces. */
struct bomb {
	zip_uint64_t	size, off;
};

static zip_int64_t
bomb_cb(void *u, void *data, zip_uint64_t len, zip_source_cmd_t cmd)
{
	struct bomb *b = u;
	zip_uint64_t i;

	switch (cmd) {
	case ZIP_SOURCE_OPEN:
		b->off = 0;
		return 0;
	case ZIP_SOURCE_READ:
		if (len > b->size - b->off)
			len = b->size - b->off;
		for (i = 0; i < len; i++)
			((char *)data)[i] = b->off + i < 5 ?
			    "<sst>"[b->off + i] : ' ';
		b->off += len;
		return (zip_int64_t)len;
	case ZIP_SOURCE_CLOSE:
		return 0;
	case ZIP_SOURCE_STAT: {
		zip_stat_t *st = data;

		zip_stat_init(st);
		st->size = b->size;
		st->mtime = 0;
		st->valid |= ZIP_STAT_SIZE | ZIP_STAT_MTIME;
		return sizeof *st;
	}
	case ZIP_SOURCE_ERROR:
		return 2 * sizeof(int);
	case ZIP_SOURCE_FREE:
		return 0;
	case ZIP_SOURCE_SUPPORTS:
		return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN,
		    ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT,
		    ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
	default:
		return -1;
	}
}

int
main(int argc, char **argv)
{
	struct bomb bomb = { 0, 0 };
	const char *bname = NULL, *enc = NULL;
	char path[8200];
	zip_source_t *src;
	zip_int64_t idx;
	zip_t *z;
	size_t i;
	int err, ch, store = 0;

	while ((ch = getopt(argc, argv, "b:ce:")) != -1) {
		switch (ch) {
		case 'b': {
			char *colon = strrchr(optarg, ':');

			if (colon == NULL)
				return 2;
			*colon = '\0';
			bname = optarg;
			bomb.size = strtoull(colon + 1, NULL, 10) << 20;
			break;
		}
		case 'c':
			store = 1;
			break;
		case 'e':
			enc = optarg;
			break;
		default:
			fprintf(stderr, "usage: mkzip [-c] [-b name:MiB] "
			    "[-e part] out.zip dir\n");
			return 2;
		}
	}
	if (argc - optind != 2)
		return 2;
	remove(argv[optind]);
	if ((z = zip_open(argv[optind], ZIP_CREATE | ZIP_EXCL, &err)) ==
	    NULL) {
		fprintf(stderr, "mkzip: %s: cannot create\n", argv[optind]);
		return 1;
	}
	walk(argv[optind + 1], "");
	qsort(names, nnames, sizeof *names, cmp);
	for (i = 0; i < nnames; i++) {
		snprintf(path, sizeof path, "%s/%s", argv[optind + 1],
		    names[i]);
		if ((src = zip_source_file(z, path, 0, -1)) == NULL ||
		    (idx = zip_file_add(z, names[i], src, 0)) < 0) {
			fprintf(stderr, "mkzip: %s: %s\n", path,
			    zip_strerror(z));
			return 1;
		}
		zip_file_set_mtime(z, (zip_uint64_t)idx, 0, 0);
		zip_set_file_compression(z, (zip_uint64_t)idx, store ?
		    ZIP_CM_STORE : ZIP_CM_DEFLATE, 9);
		if (enc != NULL && strcmp(enc, names[i]) == 0 &&
		    zip_file_set_encryption(z, (zip_uint64_t)idx,
		    ZIP_EM_AES_256, "secret") != 0) {
			fprintf(stderr, "mkzip: %s\n", zip_strerror(z));
			return 1;
		}
		free(names[i]);
	}
	free(names);
	if (bname != NULL) {
		if ((src = zip_source_function(z, bomb_cb, &bomb)) == NULL ||
		    (idx = zip_file_add(z, bname, src, ZIP_FL_OVERWRITE)) < 0) {
			fprintf(stderr, "mkzip: %s\n", zip_strerror(z));
			return 1;
		}
		zip_set_file_compression(z, (zip_uint64_t)idx, ZIP_CM_DEFLATE,
		    1);
	}
	if (zip_close(z) != 0) {
		fprintf(stderr, "mkzip: %s\n", zip_strerror(z));
		return 1;
	}
	return 0;
}
