/* harness — the exit and resource wrappers the harnesses are linked
 * with, and their scratch directory: see harness.h. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <glob.h>
#include <iconv.h>
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csv.h>
#include <yaml.h>
#include <zlib.h>

#include "buf.h"
#include "text.h"
#include "harness.h"

/* The functions ld --wrap=NAME puts in front of the real ones (FUZZ_WRAP
 * in the Makefile names the same list). */
void __real_exit(int) __attribute__((noreturn));
void __wrap_exit(int) __attribute__((noreturn));
void *__real_malloc(size_t);
void *__wrap_malloc(size_t);
void *__real_calloc(size_t, size_t);
void *__wrap_calloc(size_t, size_t);
void *__real_realloc(void *, size_t);
void *__wrap_realloc(void *, size_t);
void __real_free(void *);
void __wrap_free(void *);
char *__real_strdup(const char *);
char *__wrap_strdup(const char *);
char *__real_strndup(const char *, size_t);
char *__wrap_strndup(const char *, size_t);
int __real_open(const char *, int, ...);
int __wrap_open(const char *, int, ...);
int __real_close(int);
int __wrap_close(int);
FILE *__real_fopen(const char *, const char *);
FILE *__wrap_fopen(const char *, const char *);
int __real_fclose(FILE *);
int __wrap_fclose(FILE *);
int __real_glob(const char *, int, int (*)(const char *, int), glob_t *);
int __wrap_glob(const char *, int, int (*)(const char *, int), glob_t *);
void __real_globfree(glob_t *);
void __wrap_globfree(glob_t *);
iconv_t __real_iconv_open(const char *, const char *);
iconv_t __wrap_iconv_open(const char *, const char *);
int __real_iconv_close(iconv_t);
int __wrap_iconv_close(iconv_t);
int __real_csv_init(struct csv_parser *, unsigned char);
int __wrap_csv_init(struct csv_parser *, unsigned char);
void __real_csv_free(struct csv_parser *);
void __wrap_csv_free(struct csv_parser *);
int __real_yaml_parser_initialize(yaml_parser_t *);
int __wrap_yaml_parser_initialize(yaml_parser_t *);
void __real_yaml_parser_delete(yaml_parser_t *);
void __wrap_yaml_parser_delete(yaml_parser_t *);
int __real_inflateInit2_(z_streamp, int, const char *, int);
int __wrap_inflateInit2_(z_streamp, int, const char *, int);
int __real_inflateEnd(z_streamp);
int __wrap_inflateEnd(z_streamp);

static int active;		/* inside fuzz_run's fn */
static jmp_buf back;
static int exit_status;

void
fuzz_fail(const char *file, int line, const char *what)
{
	fprintf(stderr, "%s:%d: property failed: %s\n", file, line, what);
	abort();
}

/* ---- blocks: the memory fn has taken and not given back ----
 * An open-addressing set of pointers (linear probing, deletion by
 * backward shift), in static storage: it must not allocate.  touched
 * lists the slots used during this input, so that clearing it costs what
 * the input allocated, not the table's size. */
#define NSLOT	(1u << 18)
#define MAXLIVE	(NSLOT / 2)

static void *slot[NSLOT];
static unsigned char dirty[NSLOT];
static unsigned touched[NSLOT];
static size_t ntouched, nlive;

static size_t
home(const void *p)
{
	unsigned long long h = (unsigned long long)(uintptr_t)p *
	    0x9E3779B97F4A7C15ull;

	return (size_t)(h >> (64 - 18));
}

static void
track(void *p)
{
	size_t i;

	if (p == NULL)
		return;
	if (nlive >= MAXLIVE)
		fuzz_fail(__FILE__, __LINE__, "more live blocks than tracked");
	for (i = home(p); slot[i] != NULL; i = (i + 1) & (NSLOT - 1))
		;
	slot[i] = p;
	if (!dirty[i]) {
		dirty[i] = 1;
		touched[ntouched++] = (unsigned)i;
	}
	nlive++;
}

static int
untrack(const void *p)
{
	size_t i, j, k;

	if (p == NULL || nlive == 0)
		return 0;
	for (i = home(p); slot[i] != p; i = (i + 1) & (NSLOT - 1))
		if (slot[i] == NULL)
			return 0;
	for (j = i;;) {
		j = (j + 1) & (NSLOT - 1);
		if (slot[j] == NULL)
			break;
		k = home(slot[j]);
		/* slot[j] stays unless its home is outside (i, j]. */
		if (i <= j ? i < k && k <= j : i < k || k <= j)
			continue;
		slot[i] = slot[j];
		i = j;
	}
	slot[i] = NULL;
	nlive--;
	return 1;
}

/* forget empties the set; with release, freeing what is in it. */
static void
forget(int release)
{
	size_t t;

	for (t = 0; t < ntouched; t++) {
		if (release && slot[touched[t]] != NULL)
			__real_free(slot[touched[t]]);
		slot[touched[t]] = NULL;
		dirty[touched[t]] = 0;
	}
	ntouched = nlive = 0;
}

void *
__wrap_malloc(size_t n)
{
	void *p = __real_malloc(n);

	if (active)
		track(p);
	return p;
}

void *
__wrap_calloc(size_t n, size_t size)
{
	void *p = __real_calloc(n, size);

	if (active)
		track(p);
	return p;
}

void *
__wrap_realloc(void *p, size_t n)
{
	int had = untrack(p);
	void *q = __real_realloc(p, n);

	if (q == NULL) {
		if (had && n != 0)
			track(p);	/* still there */
	} else if (had || (p == NULL && active))
		track(q);
	return q;
}

void
__wrap_free(void *p)
{
	untrack(p);
	__real_free(p);
}

char *
__wrap_strdup(const char *s)
{
	char *p = __real_strdup(s);

	if (active)
		track(p);
	return p;
}

char *
__wrap_strndup(const char *s, size_t n)
{
	char *p = __real_strndup(s, n);

	if (active)
		track(p);
	return p;
}

/* ---- other resources: descriptors, FILEs, parsers, streams ---- */
enum kind { R_YAML, R_CSV, R_ZLIB, R_GLOB, R_ICONV, R_FILE, R_FD, NKIND };

#define MAXRES	256

static struct res {
	enum kind	 kind;
	void		*p;
	int		 fd;
} res[MAXRES];
static size_t nres;

static void
res_add(enum kind kind, void *p, int fd)
{
	if (!active)
		return;
	if (nres == MAXRES)
		fuzz_fail(__FILE__, __LINE__, "more open resources than tracked");
	res[nres].kind = kind;
	res[nres].p = p;
	res[nres].fd = fd;
	nres++;
}

static void
res_del(enum kind kind, const void *p, int fd)
{
	size_t i;

	for (i = nres; i-- > 0;)
		if (res[i].kind == kind && res[i].p == p && res[i].fd == fd) {
			res[i] = res[--nres];
			return;
		}
}

/* release closes what fn left open, the parsers before the memory and
 * files they read, then frees its blocks. */
static void
release(void)
{
	int k;
	size_t i;

	for (k = 0; k < NKIND; k++)
		for (i = 0; i < nres; i++) {
			if (res[i].kind != (enum kind)k)
				continue;
			switch (res[i].kind) {
			case R_YAML:
				__real_yaml_parser_delete(res[i].p);
				break;
			case R_CSV:
				__real_csv_free(res[i].p);
				break;
			case R_ZLIB:
				__real_inflateEnd(res[i].p);
				break;
			case R_GLOB:
				__real_globfree(res[i].p);
				break;
			case R_ICONV:
				__real_iconv_close((iconv_t)res[i].p);
				break;
			case R_FILE:
				__real_fclose(res[i].p);
				break;
			case R_FD:
				__real_close(res[i].fd);
				break;
			case NKIND:
				break;
			}
		}
	nres = 0;
	forget(1);
}

/* allowed: path may be opened from inside fn (see harness.h). */
static int
allowed(const char *path, int write)
{
	const char *d = fuzz_dir(), *p;
	size_t n = strlen(d);

	if (write)
		return 0;
	if (path[0] == '/' && (strncmp(path, d, n) != 0 ||
	    (path[n] != '/' && path[n] != '\0')))
		return 0;
	for (p = path; *p != '\0'; p += strcspn(p, "/"), p += *p == '/')
		if (p[0] == '.' && p[1] == '.' && (p[2] == '/' || p[2] == '\0'))
			return 0;
	return 1;
}

int
__wrap_open(const char *path, int flags, ...)
{
	mode_t mode = 0;
	int fd;

	if (flags & O_CREAT) {
		va_list ap;

		va_start(ap, flags);
		mode = (mode_t)va_arg(ap, int);
		va_end(ap);
	}
	if (active && !allowed(path, (flags & O_ACCMODE) != O_RDONLY ||
	    (flags & (O_CREAT | O_TRUNC)))) {
		errno = EACCES;
		return -1;
	}
	fd = __real_open(path, flags, mode);
	if (fd >= 0)
		res_add(R_FD, NULL, fd);
	return fd;
}

int
__wrap_close(int fd)
{
	res_del(R_FD, NULL, fd);
	return __real_close(fd);
}

FILE *
__wrap_fopen(const char *path, const char *mode)
{
	FILE *fp;

	if (active && !allowed(path, strpbrk(mode, "wa+") != NULL)) {
		errno = EACCES;
		return NULL;
	}
	if ((fp = __real_fopen(path, mode)) != NULL)
		res_add(R_FILE, fp, -1);
	return fp;
}

int
__wrap_fclose(FILE *fp)
{
	res_del(R_FILE, fp, -1);
	return __real_fclose(fp);
}

int
__wrap_glob(const char *pat, int flags, int (*errfn)(const char *, int),
    glob_t *g)
{
	int r;

	if (active && !allowed(pat, 0)) {
		memset(g, 0, sizeof *g);
		return GLOB_NOMATCH;
	}
	if ((r = __real_glob(pat, flags, errfn, g)) == 0)
		res_add(R_GLOB, g, -1);
	return r;
}

void
__wrap_globfree(glob_t *g)
{
	res_del(R_GLOB, g, -1);
	__real_globfree(g);
}

iconv_t
__wrap_iconv_open(const char *to, const char *from)
{
	iconv_t cd = __real_iconv_open(to, from);

	if (cd != (iconv_t)-1)
		res_add(R_ICONV, cd, -1);
	return cd;
}

int
__wrap_iconv_close(iconv_t cd)
{
	res_del(R_ICONV, cd, -1);
	return __real_iconv_close(cd);
}

int
__wrap_csv_init(struct csv_parser *p, unsigned char options)
{
	int r = __real_csv_init(p, options);

	if (r == 0)
		res_add(R_CSV, p, -1);
	return r;
}

void
__wrap_csv_free(struct csv_parser *p)
{
	res_del(R_CSV, p, -1);
	__real_csv_free(p);
}

int
__wrap_yaml_parser_initialize(yaml_parser_t *p)
{
	int r = __real_yaml_parser_initialize(p);

	if (r)
		res_add(R_YAML, p, -1);
	return r;
}

void
__wrap_yaml_parser_delete(yaml_parser_t *p)
{
	res_del(R_YAML, p, -1);
	__real_yaml_parser_delete(p);
}

int
__wrap_inflateInit2_(z_streamp z, int bits, const char *version, int size)
{
	int r = __real_inflateInit2_(z, bits, version, size);

	if (r == Z_OK)
		res_add(R_ZLIB, z, -1);
	return r;
}

int
__wrap_inflateEnd(z_streamp z)
{
	res_del(R_ZLIB, z, -1);
	return __real_inflateEnd(z);
}

/* ---- exit ---- */
void
__wrap_exit(int status)
{
	if (!active)
		__real_exit(status);
	active = 0;
	release();
	exit_status = status;
	longjmp(back, 1);
}

/* ---- the scratch directory ---- */
static char dir[PATH_MAX];

static void
rm_tree(const char *path)
{
	struct dirent *e;
	struct stat st;
	char sub[PATH_MAX];
	DIR *d;

	if (lstat(path, &st) != 0)
		return;
	if (S_ISDIR(st.st_mode) && (d = opendir(path)) != NULL) {
		while ((e = readdir(d)) != NULL) {
			if (strcmp(e->d_name, ".") == 0 ||
			    strcmp(e->d_name, "..") == 0)
				continue;
			snprintf(sub, sizeof sub, "%s/%s", path, e->d_name);
			rm_tree(sub);
		}
		closedir(d);
		rmdir(path);
	} else
		unlink(path);
}

static void
rm_dir(void)
{
	rm_tree(dir);
}

const char *
fuzz_dir(void)
{
	const char *t = getenv("TMPDIR");
	char tmpl[PATH_MAX], *r;

	if (dir[0] != '\0')
		return dir;
	snprintf(tmpl, sizeof tmpl, "%s/luong-fuzz.XXXXXX",
	    t != NULL && *t != '\0' ? t : "/tmp");
	if (mkdtemp(tmpl) == NULL || (r = realpath(tmpl, NULL)) == NULL) {
		perror(tmpl);
		abort();
	}
	snprintf(dir, sizeof dir, "%s", r);
	__real_free(r);
	atexit(rm_dir);
	return dir;
}

void
fuzz_mkdir(const char *name)
{
	char path[PATH_MAX];

	snprintf(path, sizeof path, "%s/%s", fuzz_dir(), name);
	if (mkdir(path, 0700) != 0 && errno != EEXIST) {
		perror(path);
		abort();
	}
}

const char *
fuzz_file(const char *name, const void *data, size_t size, int mode)
{
	static char path[PATH_MAX];
	const char *p = data;
	ssize_t w;
	int fd;

	snprintf(path, sizeof path, "%s/%s", fuzz_dir(), name);
	if ((fd = __real_open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
	    0600)) < 0 || fchmod(fd, (mode_t)mode) != 0) {
		perror(path);
		abort();
	}
	while (size > 0) {
		if ((w = write(fd, p, size)) < 0) {
			if (errno == EINTR)
				continue;
			perror(path);
			abort();
		}
		p += w;
		size -= (size_t)w;
	}
	__real_close(fd);
	return path;
}

/* warm starts the library's static caches outside any input. */
static void
warm(void)
{
	static const char s[] = "E\xcc\x81 \xc4\x90\xe1\xbb\xa9\x63";	/* É Đức */
	struct buf b = { 0 };

	text_nfc(&b, s, sizeof s - 1);
	text_fold_key(&b, s, sizeof s - 1);
	text_match_key(&b, s, sizeof s - 1);
	buf_free(&b);
}

int
fuzz_run(void (*fn)(void *), void *arg, int *status)
{
	static int here = -1, there = -1;

	if (here < 0) {
		warm();
		if ((here = __real_open(".", O_RDONLY | O_DIRECTORY |
		    O_CLOEXEC)) < 0 || (there = __real_open(fuzz_dir(),
		    O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0) {
			perror("fuzz_run");
			abort();
		}
	}
	if (fchdir(there) != 0)
		abort();
	if (setjmp(back) == 0) {
		active = 1;
		fn(arg);
		active = 0;
		if (fchdir(here) != 0)
			abort();
		if (nres > 0)
			fuzz_fail(__FILE__, __LINE__, "a descriptor, FILE, "
			    "parser or stream left open");
		forget(0);
		return 0;
	}
	if (fchdir(here) != 0)
		abort();
	if (status != NULL)
		*status = exit_status;
	return 1;
}
