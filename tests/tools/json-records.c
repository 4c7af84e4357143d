/*
 * json-records FILE — a JSON array of flat objects whose values are all
 * strings (csv-spectrum's json/ twins) as a record stream: the header is
 * the first object's keys, in order; every object must have the same keys
 * in the same order.  For the conformance suite: luong-ingest on the CSV
 * must print exactly these bytes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "rec.h"

struct parser {
	const char	*start, *p, *end;
	const char	*path;
};

static void
fail(const struct parser *ps, const char *what)
{
	diag_fatal(EXIT_DATA, ps->path, 0, "offset %ld: %s",
	    (long)(ps->p - ps->start), what);
}

static void
ws(struct parser *ps)
{
	while (ps->p < ps->end && (*ps->p == ' ' || *ps->p == '\t' ||
	    *ps->p == '\n' || *ps->p == '\r'))
		ps->p++;
}

static int
peek(struct parser *ps)
{
	ws(ps);
	return ps->p < ps->end ? (unsigned char)*ps->p : -1;
}

static void
expect(struct parser *ps, char c)
{
	char msg[32];

	if (peek(ps) != c) {
		snprintf(msg, sizeof msg, "expected '%c'", c);
		fail(ps, msg);
	}
	ps->p++;
}

static unsigned
hex4(struct parser *ps)
{
	unsigned v = 0;
	int i;

	for (i = 0; i < 4; i++) {
		char c;

		if (ps->p >= ps->end)
			fail(ps, "short \\u escape");
		c = *ps->p++;
		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= (unsigned)(c - '0');
		else if (c >= 'a' && c <= 'f')
			v |= (unsigned)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			v |= (unsigned)(c - 'A' + 10);
		else
			fail(ps, "bad \\u escape");
	}
	return v;
}

static void
utf8(struct buf *b, unsigned c)
{
	if (c < 0x80)
		buf_addc(b, (char)c);
	else if (c < 0x800) {
		buf_addc(b, (char)(0xc0 | c >> 6));
		buf_addc(b, (char)(0x80 | (c & 0x3f)));
	} else if (c < 0x10000) {
		buf_addc(b, (char)(0xe0 | c >> 12));
		buf_addc(b, (char)(0x80 | ((c >> 6) & 0x3f)));
		buf_addc(b, (char)(0x80 | (c & 0x3f)));
	} else {
		buf_addc(b, (char)(0xf0 | c >> 18));
		buf_addc(b, (char)(0x80 | ((c >> 12) & 0x3f)));
		buf_addc(b, (char)(0x80 | ((c >> 6) & 0x3f)));
		buf_addc(b, (char)(0x80 | (c & 0x3f)));
	}
}

/* string appends the JSON string at p, unescaped, to b. */
static void
string(struct parser *ps, struct buf *b)
{
	unsigned c, lo;

	expect(ps, '"');
	for (;;) {
		if (ps->p >= ps->end)
			fail(ps, "unterminated string");
		if (*ps->p == '"') {
			ps->p++;
			return;
		}
		if (*ps->p != '\\') {
			buf_addc(b, *ps->p++);
			continue;
		}
		if (++ps->p >= ps->end)
			fail(ps, "unterminated string");
		switch (*ps->p++) {
		case '"':  buf_addc(b, '"'); break;
		case '\\': buf_addc(b, '\\'); break;
		case '/':  buf_addc(b, '/'); break;
		case 'b':  buf_addc(b, '\b'); break;
		case 'f':  buf_addc(b, '\f'); break;
		case 'n':  buf_addc(b, '\n'); break;
		case 'r':  buf_addc(b, '\r'); break;
		case 't':  buf_addc(b, '\t'); break;
		case 'u':
			c = hex4(ps);
			if (c >= 0xd800 && c < 0xdc00) {
				if (ps->end - ps->p < 6 || ps->p[0] != '\\' ||
				    ps->p[1] != 'u')
					fail(ps, "lone surrogate");
				ps->p += 2;
				lo = hex4(ps);
				if (lo < 0xdc00 || lo > 0xdfff)
					fail(ps, "bad surrogate pair");
				c = 0x10000 + ((c - 0xd800) << 10) +
				    (lo - 0xdc00);
			}
			utf8(b, c);
			break;
		default:
			fail(ps, "bad escape");
		}
	}
}

int
main(int argc, char *argv[])
{
	struct parser ps;
	struct buf text = { 0 }, key = { 0 }, val = { 0 };
	struct rec_writer *w;
	char **names = NULL, chunk[65536];
	size_t nnames = 0, i, n, *voff = NULL;
	int first = 1;
	FILE *fp;

	diag_init("json-records");
	if (argc != 2) {
		fprintf(stderr, "usage: json-records file.json\n");
		return EXIT_USAGE;
	}
	if ((fp = fopen(argv[1], "rb")) == NULL)
		diag_fatal(EXIT_USAGE, argv[1], 0, "cannot open");
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		buf_add(&text, chunk, n);
	fclose(fp);
	ps.start = ps.p = text.p ? text.p : "";
	ps.end = ps.p + text.len;
	ps.path = argv[1];
	buf_grow(&val, 0);	/* never a NULL base for empty values */
	w = rec_writer_new(1, "<stdout>");
	expect(&ps, '[');
	if (peek(&ps) == ']')
		ps.p++;
	else
		for (;;) {
			expect(&ps, '{');
			i = 0;
			buf_reset(&val);
			if (peek(&ps) != '}')
				for (;;) {
					buf_reset(&key);
					string(&ps, &key);
					if (first) {
						names = xrealloc(names,
						    (nnames + 1) *
						    sizeof *names);
						names[nnames++] = xstrndup(
						    key.p, key.len);
					} else if (i >= nnames ||
					    strcmp(names[i], key.p) != 0)
						fail(&ps, "keys differ from "
						    "the first object's");
					expect(&ps, ':');
					if (peek(&ps) != '"')
						fail(&ps, "a value is not a "
						    "string");
					if (i < nnames) {
						if (first)
							voff = xrealloc(voff,
							    (nnames + 1) *
							    sizeof *voff);
						voff[i] = val.len;
					}
					string(&ps, &val);
					voff[i + 1] = val.len;
					i++;
					if (peek(&ps) != ',')
						break;
					ps.p++;
				}
			expect(&ps, '}');
			if (i != nnames)
				fail(&ps, "keys differ from the first object's");
			if (first) {
				for (i = 0; i < nnames; i++)
					rec_puts(w, names[i]);
				rec_endrow(w);
				first = 0;
			}
			/* Value i is val[voff[i], voff[i + 1]). */
			for (i = 0; i < nnames; i++)
				rec_put(w, val.p + voff[i], voff[i + 1] -
				    voff[i]);
			rec_endrow(w);
			if (peek(&ps) != ',')
				break;
			ps.p++;
		}
	expect(&ps, ']');
	if (peek(&ps) != -1)
		fail(&ps, "text after the array");
	rec_writer_free(w);
	for (i = 0; i < nnames; i++)
		free(names[i]);
	free(names);
	free(voff);
	buf_free(&text);
	buf_free(&key);
	buf_free(&val);
	rec_close_stdout();
	return EXIT_OK;
}
