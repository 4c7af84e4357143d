#include <csv.h>
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ahead.h"
#include "csvin.h"
#include "diag.h"
#include "enc.h"
#include "input.h"
#include "sbcs.h"
#include "scan.h"
#include "text.h"

#define CHUNK		(256 * 1024)
#define RAW_CHUNK	(64 * 1024)

/* libcsv's parser states (libcsv.c); the struct is public in csv.h, the
 * names are not.  csvin needs facts libcsv's API does not give: whether a
 * record is under way (to number records by the line they start on),
 * whether the text ends inside a quoted field, and which of CSV_STRICT's
 * two faults stopped a parse.
 *
 * The parser runs with CSV_STRICT, for its one fault that matters: text
 * after the closing quote of a field, which libcsv otherwise reads as the
 * quoted field going on, so that one `"a"x` swallows the delimiters and
 * lines after it up to the next quote, often the rest of the file.
 * CSV_STRICT also stops at a quote inside an unquoted field (`5'6"`),
 * which spreadsheets write and read as is: that quote is fed again with
 * CSV_STRICT off, and parsing goes on strict. */
enum { ROW_NOT_BEGUN = 0, FIELD_BEGUN = 2, FIELD_MIGHT_HAVE_ENDED = 3 };
#define CSVIN_OPTS	(CSV_STRICT | CSV_STRICT_FINI)

struct csvin {
	struct input	*in;
	enum enc	 enc;
	iconv_t		 cd;
	struct sbcs	*sb;		/* iconv's bytes by tables, or NULL */
	/* Legacy encodings: raw bytes not yet converted (an incomplete
	 * character at the end of a read, or csvin_detect's sample: then
	 * undecoded is set), and the source offset of raw[0]. */
	char		*raw;
	size_t		 rawlen, rawcap;
	int		 undecoded;
	unsigned long long rawoff;
	/* A byte the encoding does not have: the text before it is decoded
	 * and handed out first, so that the error comes at its line, after
	 * every line before it, however the reads fell. */
	int		 bad;
	unsigned char	 badbyte;
	unsigned long long badoff;
	int		 eof;		/* everything decoded */
	/* Decoded UTF-8 text: lines are cut from t[tpos, tlen). */
	char		*t;
	size_t		 tpos, tlen, tcap, scan;
	unsigned long long toff;	/* decoded offset of t[tpos] */
	int		 bomdone;
	unsigned long	 lineno;	/* physical lines handed out */
	/* Lines read ahead by csvin_peek, with their line ends. */
	char		*peek[CSVIN_PEEK_MAX];
	size_t		 peeklen[CSVIN_PEEK_MAX];
	size_t		 npeek;
	int		 peekend;
	/* csvin_read's delimiter, and what scan_csv found in the line
	 * next_line handed out last (scanned; its text, line end left out):
	 * the offsets of its delimiters and quotes, and its bytes' classes. */
	char		 delim;
	const char	*scanned;
	size_t		*pos, npos, poscap;
	const size_t	*lpos;		/* the places: pos, or the ahead's */
	unsigned	 flags;
	struct ahead	*ahead;		/* lines read ahead, or NULL */
	/* Parsing. */
	struct csv_parser p;
	struct csvin_row row;
	unsigned long	 recline;
	char		 why[64];	/* a malformed record's row.bad */
	void		(*fn)(const struct csvin_row *, void *);
	void		*arg;
};

struct csvin *
csvin_open(const char *path, enum enc enc)
{
	struct csvin *ci;
	struct input *in;

	if ((in = input_open(path)) == NULL)
		return NULL;
	if ((ci = csvin_open_input(in, enc)) == NULL) {
		int e = errno;

		input_close(in);
		errno = e;
	}
	return ci;
}

struct csvin *
csvin_open_input(struct input *in, enum enc enc)
{
	struct csvin *ci;
	iconv_t cd = (iconv_t)-1;

	if (enc != ENC_UTF8 && enc != ENC_AUTO &&
	    (cd = iconv_open("UTF-8", enc_iconv_name(enc))) == (iconv_t)-1)
		return NULL;
	ci = xcalloc(1, sizeof *ci);
	ci->in = in;
	ci->enc = enc;
	ci->cd = cd;
	if (cd != (iconv_t)-1)
		ci->sb = sbcs_new(enc_iconv_name(enc));
	if (enc != ENC_UTF8) {
		ci->rawcap = enc == ENC_AUTO && ENC_SAMPLE > RAW_CHUNK ?
		    ENC_SAMPLE : RAW_CHUNK;
		ci->raw = xmalloc(ci->rawcap);
	}
	return ci;
}

const char *
csvin_name(const struct csvin *ci)
{
	return input_name(ci->in);
}

/* reserve makes room for n more bytes of text, and one after them: a
 * last line without a line end still has a byte after it, where its
 * last field's NUL goes (simple_line). */
static void
reserve(struct csvin *ci, size_t n)
{
	if (ci->tcap - ci->tlen > n)
		return;
	while (ci->tcap - ci->tlen <= n)
		ci->tcap = ci->tcap ? ci->tcap * 2 : CHUNK;
	ci->t = xrealloc(ci->t, ci->tcap);
}

/* room is how many bytes of text fit before the one kept spare. */
static size_t
room(const struct csvin *ci)
{
	return ci->tcap - ci->tlen - 1;
}

int
csvin_detect(struct csvin *ci, struct enc_guess *g)
{
	ssize_t r;
	int whole = 0;

	memset(g, 0, sizeof *g);
	if (ci->enc != ENC_AUTO) {
		g->enc = g->second = ci->enc;
		g->decided = 1;
		return 1;
	}
	while (ci->rawlen < ENC_SAMPLE) {
		r = input_read(ci->in, ci->raw + ci->rawlen,
		    ENC_SAMPLE - ci->rawlen);
		if (r < 0)
			return -1;
		if (r == 0) {
			whole = 1;
			break;
		}
		ci->rawlen += (size_t)r;
	}
	if (!enc_guess(ci->raw, ci->rawlen, whole, g))
		return 0;
	ci->enc = g->enc;
	if (ci->enc == ENC_UTF8) {
		/* UTF-8 is read straight into the text buffer. */
		if (ci->rawlen > 0) {	/* an empty input has no buffers */
			reserve(ci, ci->rawlen);
			memcpy(ci->t + ci->tlen, ci->raw, ci->rawlen);
			ci->tlen += ci->rawlen;
		}
		free(ci->raw);
		ci->raw = NULL;
		ci->rawlen = ci->rawcap = 0;
		return 1;
	}
	if ((ci->cd = iconv_open("UTF-8", enc_iconv_name(ci->enc))) ==
	    (iconv_t)-1) {
		diag_msg(csvin_name(ci), 0, "iconv cannot read %s: %s",
		    enc_name(ci->enc), strerror(errno));
		return -1;
	}
	ci->sb = sbcs_new(enc_iconv_name(ci->enc));
	ci->undecoded = ci->rawlen > 0;
	return 1;
}

/* pending_lines counts the line ends decoded but not yet handed out, so
 * that a decoding error can say which line it is on. */
static unsigned long
pending_lines(const struct csvin *ci)
{
	unsigned long n = 0;
	size_t i;

	for (i = ci->tpos; i < ci->tlen; i++)
		n += ci->t[i] == '\n';
	return n;
}

/* decode converts what raw holds, keeping an incomplete character for
 * the next read (by the tables: a last byte a combining mark may follow,
 * unless last is set).  A byte the encoding does not have ends the text:
 * ci->bad is set, and fill says so once the text before it is used up. */
static void
decode(struct csvin *ci, int last)
{
	char *src = ci->raw, *dst;
	size_t left = ci->rawlen, nroom;
	int bad;

	if (ci->sb != NULL) {
		reserve(ci, 4 * left + 16);
		ci->tlen += sbcs_take(ci->sb, ci->raw, &ci->rawlen,
		    &ci->rawoff, last, ci->t + ci->tlen, &bad, &ci->badbyte,
		    &ci->badoff);
		ci->bad = bad;
		return;
	}

	for (;;) {
		reserve(ci, 4 * left + 16);
		dst = ci->t + ci->tlen;
		nroom = room(ci);
		if (iconv(ci->cd, &src, &left, &dst, &nroom) != (size_t)-1 ||
		    errno == EINVAL) {
			ci->tlen = (size_t)(dst - ci->t);
			break;
		}
		ci->tlen = (size_t)(dst - ci->t);
		if (errno == E2BIG)
			continue;
		ci->bad = 1;
		ci->badbyte = (unsigned char)*src;
		ci->badoff = ci->rawoff + (unsigned long long)(src - ci->raw);
		ci->rawlen = 0;
		return;
	}
	ci->rawoff += (unsigned long long)(src - ci->raw);
	memmove(ci->raw, src, left);
	ci->rawlen = left;
}

/* bad_byte says that the text stops at a byte the encoding does not have,
 * on the line after the ones handed out (every line end before it has
 * been), and returns -1. */
static int
bad_byte(struct csvin *ci)
{
	diag_msg(csvin_name(ci), ci->lineno + 1 + pending_lines(ci),
	    "byte 0x%02x at offset %llu is not valid %s text", ci->badbyte,
	    ci->badoff, enc_name(ci->enc));
	return -1;
}

/* fill appends decoded text to t.  Returns 1 when it did, 0 at the end of
 * the input, -1 on an error (printed). */
static int
fill(struct csvin *ci)
{
	ssize_t r;
	size_t before;

	if (ci->tpos > 0) {
		memmove(ci->t, ci->t + ci->tpos, ci->tlen - ci->tpos);
		ci->tlen -= ci->tpos;
		ci->scan = ci->scan > ci->tpos ? ci->scan - ci->tpos : 0;
		ci->tpos = 0;
	}
	if (ci->eof)
		return 0;
	if (ci->bad)
		return bad_byte(ci);
	if (ci->enc == ENC_AUTO)
		diag_fatal(EXIT_DATA, csvin_name(ci), 0, "csvin: the encoding "
		    "is read before the text (csvin_detect)");
	if (ci->enc == ENC_UTF8) {
		reserve(ci, CHUNK);
		r = input_read(ci->in, ci->t + ci->tlen, room(ci));
		if (r < 0)
			return -1;
		if (r == 0) {
			ci->eof = 1;
			return 0;
		}
		ci->tlen += (size_t)r;
		return 1;
	}
	before = ci->tlen;
	while (ci->tlen == before) {
		if (ci->bad)
			return bad_byte(ci);
		if (ci->undecoded) {
			/* The sample csvin_detect read. */
			ci->undecoded = 0;
			decode(ci, 0);
			continue;
		}
		r = input_read(ci->in, ci->raw + ci->rawlen,
		    ci->rawcap - ci->rawlen);
		if (r < 0)
			return -1;
		if (r == 0) {
			char *dst;
			size_t nroom;

			if (ci->sb != NULL) {
				/* The last byte, which waited for a mark. */
				if (ci->rawlen > 0) {
					decode(ci, 1);
					if (ci->bad)
						continue;
				}
				ci->eof = 1;
				break;
			}
			if (ci->rawlen > 0) {
				diag_msg(csvin_name(ci), ci->lineno + 1 +
				    pending_lines(ci), "incomplete %s "
				    "character at the end of the file",
				    enc_name(ci->enc));
				return -1;
			}
			/* A stateful decoder may hold a letter back to see
			 * whether a tone mark follows: flush it. */
			reserve(ci, 64);
			dst = ci->t + ci->tlen;
			nroom = room(ci);
			iconv(ci->cd, NULL, NULL, &dst, &nroom);
			ci->tlen = (size_t)(dst - ci->t);
			ci->eof = 1;
			break;
		}
		ci->rawlen += (size_t)r;
		decode(ci, 0);
	}
	return ci->tlen > before;
}

/* chomp returns the length of line without its LF or CRLF. */
static size_t
chomp(const char *line, size_t n)
{
	if (n > 0 && line[n - 1] == '\n')
		n--;
	if (n > 0 && line[n - 1] == '\r')
		n--;
	return n;
}

/* scan_line scans line[0..n) (a line's text, without its line end) for
 * csvin_read's delimiter and quotes: their offsets in ci->pos, the
 * classes of its bytes in ci->flags and *flags. */
static void
scan_line(struct csvin *ci, const char *line, size_t n, unsigned *flags)
{
	ci->npos = scan_csv(line, n, ci->delim, ci->pos, ci->poscap,
	    &ci->flags);
	if (ci->npos > ci->poscap) {
		/* A wide line: room for all of them, and again. */
		ci->poscap = ci->npos + ci->npos / 2 + 16;
		free(ci->pos);
		ci->pos = xcalloc(ci->poscap, sizeof *ci->pos);
		ci->npos = scan_csv(line, n, ci->delim, ci->pos, ci->poscap,
		    &ci->flags);
	}
	ci->scanned = line;
	ci->lpos = ci->pos;
	*flags = ci->flags;
}

/* line_text checks that the line handed out last, line[0..n) with the
 * classes flags, is text: 0, or -1 when not (printed). */
static int
line_text(struct csvin *ci, const char *line, size_t n, unsigned flags)
{
	const char *nul;
	size_t bad;

	/* A NUL is never text: UTF-16 without a byte order mark, or a
	 * binary file. */
	if ((flags & SCAN_NUL) && (nul = memchr(line, '\0', n)) != NULL) {
		diag_msg(csvin_name(ci), ci->lineno, "NUL byte at offset %llu: "
		    "not text (UTF-16? convert it with iconv -f UTF-16 -t "
		    "UTF-8)", ci->toff + (unsigned long long)(nul - line));
		return -1;
	}
	if (ci->enc == ENC_UTF8 && (flags & SCAN_UTF8X) &&
	    text_utf8_check(line, n, &bad) < 0) {
		diag_msg(csvin_name(ci), ci->lineno, "not UTF-8: byte 0x%02x "
		    "at offset %llu; for a legacy encoding give -e cp1258, "
		    "-e tcvn3 or -e viscii", (unsigned char)line[bad],
		    ci->toff + bad);
		return -1;
	}
	return 0;
}

/* next_line hands out the next physical line with its line end (none on
 * a last line without one): 1, 0 at the end, -1 on an error (printed).
 * The line is valid until the next call. */
static int
next_line(struct csvin *ci, char **line, size_t *len)
{
	char *nl = NULL;
	size_t n, k = 0;
	unsigned flags;
	int r, scanned = 0;

	for (;;) {
		size_t avail = ci->tlen - ci->tpos;

		/* Three bytes tell a byte order mark, unless the text ends
		 * before them (or stops at a bad byte). */
		if (!ci->bomdone && (avail >= 3 || ci->eof || ci->bad)) {
			const unsigned char *u =
			    (const unsigned char *)ci->t + ci->tpos;

			ci->bomdone = 1;
			if (avail >= 3 && u[0] == 0xef && u[1] == 0xbb &&
			    u[2] == 0xbf) {
				ci->tpos += 3;
				ci->toff += 3;
				avail -= 3;
			} else if (avail >= 2 && ci->enc == ENC_UTF8 &&
			    ((u[0] == 0xff && u[1] == 0xfe) ||
			    (u[0] == 0xfe && u[1] == 0xff))) {
				diag_msg(csvin_name(ci), 1, "UTF-16 text is "
				    "not supported: convert it with iconv -f "
				    "UTF-16 -t UTF-8");
				return -1;
			}
			ci->scan = ci->tpos;
		}
		if (ci->bomdone) {
			if (ci->scan < ci->tpos)
				ci->scan = ci->tpos;
			/* A whole line in the text: its end and its places
			 * in one pass (a line that goes on past the text
			 * is looked for by memchr from then on). */
			if (ci->delim != 0 && ci->scan == ci->tpos) {
				k = scan_csvline(ci->t + ci->tpos, avail,
				    ci->delim, ci->enc == ENC_UTF8, ci->pos,
				    ci->poscap, &ci->flags, &n);
				if (n > 0) {
					scanned = 1;
					break;
				}
			}
			nl = memchr(ci->t + ci->scan, '\n',
			    ci->tlen - ci->scan);
			if (nl != NULL) {
				n = (size_t)(nl - (ci->t + ci->tpos)) + 1;
				break;
			}
			ci->scan = ci->tlen;
		}
		if (ci->eof) {
			if (avail == 0)
				return 0;
			n = avail;
			break;
		}
		if ((r = fill(ci)) < 0)
			return -1;
	}
	*line = ci->t + ci->tpos;
	*len = n;
	ci->lineno++;
	/* Once the delimiter is known one pass finds its places and the
	 * bytes that matter, and tells whether the UTF-8 needs a closer look
	 * (csvin_read); before, the checks look. */
	flags = SCAN_NUL | SCAN_HIGH | SCAN_UTF8X;
	if (scanned && k <= ci->poscap) {
		ci->npos = k;
		ci->scanned = *line;
		ci->lpos = ci->pos;
		flags = ci->flags;
	} else if (ci->delim != 0)
		scan_line(ci, *line, chomp(*line, n), &flags);
	if (line_text(ci, *line, n, flags) < 0)
		return -1;
	ci->tpos += n;
	ci->toff += n;
	return 1;
}

int
csvin_peek(struct csvin *ci, unsigned long k, const char **line,
    size_t *len)
{
	char *l;
	size_t n;
	int r;

	if (k < 1 || k > CSVIN_PEEK_MAX)
		return 0;
	while (ci->npeek < k && !ci->peekend) {
		if ((r = next_line(ci, &l, &n)) < 0)
			return -1;
		if (r == 0) {
			ci->peekend = 1;
			break;
		}
		ci->peek[ci->npeek] = xstrndup(l, n);
		ci->peeklen[ci->npeek++] = n;
	}
	if (ci->npeek < k)
		return 0;
	*line = ci->peek[k - 1];
	*len = chomp(ci->peek[k - 1], ci->peeklen[k - 1]);
	return 1;
}

static void
row_reset(struct csvin_row *r)
{
	r->n = 0;
	r->dlen = 0;
	r->plain = r->ascii = 0;
}

/* row_room makes room for n fields in r's arrays. */
static void
row_room(struct csvin_row *r, size_t n)
{
	if (n <= r->cap)
		return;
	while (r->cap < n)
		r->cap = r->cap ? r->cap * 2 : 16;
	r->f = xrealloc(r->f, r->cap * sizeof *r->f);
	r->len = xrealloc(r->len, r->cap * sizeof *r->len);
	r->off = xrealloc(r->off, r->cap * sizeof *r->off);
}

static void
row_add(struct csvin_row *r, const char *s, size_t n)
{
	row_room(r, r->n + 1);
	if (r->dcap - r->dlen < n + 1) {
		while (r->dcap - r->dlen < n + 1)
			r->dcap = r->dcap ? r->dcap * 2 : 4096;
		r->data = xrealloc(r->data, r->dcap);
	}
	if (n > 0)
		memcpy(r->data + r->dlen, s, n);
	r->data[r->dlen + n] = '\0';
	r->off[r->n] = r->dlen;
	r->len[r->n++] = n;
	r->dlen += n + 1;
}

/* row_finish points f[] into data, which may have moved while growing. */
static void
row_finish(struct csvin_row *r)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		r->f[i] = r->data + r->off[i];
}

/* libcsv callbacks: the field bytes are borrowed, so they are copied. */
static void
on_field(void *s, size_t n, void *data)
{
	struct csvin *ci = data;

	row_add(&ci->row, s, n);
}

/* deliver hands on the row, unless every field of it is empty. */
static void
deliver(struct csvin *ci)
{
	struct csvin_row *r = &ci->row;
	size_t i;

	for (i = 0; i < r->n; i++)
		if (r->len[i] > 0)
			break;
	if (i < r->n) {
		r->line = ci->recline;
		ci->fn(r, ci->arg);
	}
	row_reset(r);
}

static void
on_record(int c, void *data)
{
	struct csvin *ci = data;

	(void)c;
	row_finish(&ci->row);
	deliver(ci);
}

/* Space is data: libcsv would otherwise trim unquoted fields. */
static int
no_space(unsigned char c)
{
	(void)c;
	return 0;
}

/* simple_line splits a line between records whose fields are either
 * unquoted without any quote, or quoted whole with no quote inside, and
 * that has no carriage return but in its line end.  For such a line RFC
 * 4180 is nothing but cutting at delimiters and dropping the quotes,
 * which the offsets of the delimiters and quotes scan_csv found tell at
 * once, several times faster than libcsv's character-at-a-time state
 * machine: the fields are left in the line, each ended by a NUL where its
 * delimiter or closing quote was.  Any other line (a doubled quote, a
 * quoted field going on to the next line, a bare quote inside a field)
 * returns 0 with nothing changed, and libcsv takes it. */
static int
simple_line(struct csvin *ci, char *line, size_t n, char delim)
{
	struct csvin_row *r = &ci->row;
	const size_t *pos;
	size_t len = chomp(line, n), k = 0, p = 0, d, q, npos, nf = 0, i;
	unsigned fl;
	int quoted = 0;

	if (ci->p.pstate != ROW_NOT_BEGUN)
		return 0;
	if (line != ci->scanned)	/* a line csvin_peek read ahead */
		scan_line(ci, line, len, &fl);
	pos = ci->lpos;
	npos = ci->npos;
	if (ci->flags & SCAN_CR)
		return 0;
	if (len == 0)
		return 1;	/* a blank line is no record */
	/* No more fields than delimiters and one. */
	row_room(r, npos + 1);
	for (;;) {
		if (k < npos && pos[k] == p && line[p] == '"') {
			/* A quoted field: up to the next quote, which must
			 * end the field; the delimiters inside are data. */
			for (k++; k < npos && line[pos[k]] != '"'; k++)
				;
			if (k == npos)
				return 0;
			q = pos[k++];
			d = q + 1;
			quoted = 1;
			if (d < len && line[d] != delim)
				return 0;
			if (d < len)
				k++;	/* the delimiter after it */
			r->f[nf] = line + p + 1;
			r->len[nf++] = q - p - 1;
		} else {
			if (k < npos && line[pos[k]] == '"')
				return 0;	/* a bare quote inside */
			d = k < npos ? pos[k++] : len;
			r->f[nf] = line + p;
			r->len[nf++] = d - p;
		}
		if (d >= len)
			break;
		p = d + 1;
	}
	/* The line is the row's now: each field ends in a NUL. */
	for (i = 0; i < nf; i++)
		r->f[i][r->len[i]] = '\0';
	r->n = nf;
	r->ascii = !(ci->flags & SCAN_HIGH);
	/* A quoted field of a TSV may hold a TAB. */
	r->plain = !(ci->flags & (SCAN_BACKSLASH | SCAN_LF)) &&
	    (delim == '\t' ? !quoted : !(ci->flags & SCAN_TAB));
	deliver(ci);
	return 1;
}

/* malformed hands on the record under way, whose field after the ones
 * it has has text after its closing quote, with row.bad saying so, and
 * starts the parser afresh: the caller skips the rest of the line. */
static void
malformed(struct csvin *ci)
{
	struct csvin_row *r = &ci->row;

	snprintf(ci->why, sizeof ci->why, "text after the closing quote of "
	    "field %zu", r->n + 1);
	/* Without callbacks, fini drops the field under way and resets. */
	csv_fini(&ci->p, NULL, NULL, NULL);
	row_finish(r);
	r->line = ci->recline;
	r->bad = ci->why;
	ci->fn(r, ci->arg);
	r->bad = NULL;
	row_reset(r);
}

static int
feed(struct csvin *ci, char *line, size_t n, unsigned long lineno)
{
	size_t k;

	if (ci->p.pstate == ROW_NOT_BEGUN)
		ci->recline = lineno;
	if (simple_line(ci, line, n, (char)ci->p.delim_char))
		return 0;
	while ((k = csv_parse(&ci->p, line, n, on_field, on_record, ci)) !=
	    n) {
		if (csv_error(&ci->p) != CSV_EPARSE) {
			diag_msg(csvin_name(ci), lineno, "%s",
			    csv_strerror(csv_error(&ci->p)));
			return -1;
		}
		if (ci->p.pstate == FIELD_MIGHT_HAVE_ENDED) {
			malformed(ci);
			return 0;
		}
		/* A quote inside an unquoted field: kept. */
		csv_set_opts(&ci->p, CSV_STRICT_FINI);
		if (csv_parse(&ci->p, line + k, 1, on_field, on_record, ci) !=
		    1) {
			diag_msg(csvin_name(ci), lineno, "%s",
			    csv_strerror(csv_error(&ci->p)));
			return -1;
		}
		csv_set_opts(&ci->p, CSVIN_OPTS);
		line += k + 1;
		n -= k + 1;
	}
	return 0;
}

/* can_read_ahead: the rest of the input can be read by ahead.h: a file
 * read as it is stored, some of it still unread, in UTF-8 or in a legacy
 * encoding decoded by tables (its sample decoded already). */
static int
can_read_ahead(const struct csvin *ci)
{
	return (ci->enc == ENC_UTF8 || (ci->sb != NULL && !ci->undecoded &&
	    ci->rawlen <= 64 * 1024)) && ci->bomdone && !ci->eof &&
	    !ci->bad && ci->delim != '\n' && ci->delim != '\r' &&
	    input_is_file(ci->in);
}

/* read_ahead feeds the rest of the input's lines as read and scanned
 * by a thread (ahead.h), as next_line would hand them out: the same
 * lines, line numbers, offsets and checks.  Returns 0, or -1 on an error
 * (printed). */
static int
read_ahead(struct csvin *ci)
{
	struct ahead_sbcs dec = { ci->sb, ci->raw, ci->rawlen, ci->rawoff };
	unsigned long long off;
	unsigned char b;
	char *line;
	size_t n;
	int r;

	ci->ahead = ahead_start(ci->in, ci->t + ci->tpos, ci->tlen - ci->tpos,
	    ci->delim, ci->sb != NULL ? &dec : NULL);
	if (ci->ahead == NULL) {
		while ((r = next_line(ci, &line, &n)) > 0)
			if (feed(ci, line, n, ci->lineno) < 0)
				return -1;
		return r;
	}
	ci->tpos = ci->tlen = 0;
	while ((r = ahead_next(ci->ahead, &line, &n, &ci->lpos, &ci->npos,
	    &ci->flags)) > 0) {
		ci->lineno++;
		ci->scanned = line;
		if (line_text(ci, line, n, ci->flags) < 0) {
			r = -1;
			break;
		}
		ci->toff += n;
		if (feed(ci, line, n, ci->lineno) < 0) {
			r = -1;
			break;
		}
	}
	if (r == 0 && ahead_bad(ci->ahead, &b, &off)) {
		/* As bad_byte: at the line the byte is on. */
		diag_msg(csvin_name(ci), ci->lineno + 1, "byte 0x%02x at "
		    "offset %llu is not valid %s text", b, off,
		    enc_name(ci->enc));
		r = -1;
	}
	ahead_stop(ci->ahead);
	ci->ahead = NULL;
	ci->eof = 1;
	return r;
}

int
csvin_read(struct csvin *ci, unsigned long first, char delim,
    void (*fn)(const struct csvin_row *, void *), void *arg)
{
	char *line;
	size_t n, i;
	int r = 0;

	/* See ROW_NOT_BEGUN for the options. */
	if (csv_init(&ci->p, CSVIN_OPTS) != 0)
		diag_fatal(EXIT_DATA, NULL, 0, "out of memory");
	csv_set_delim(&ci->p, (unsigned char)delim);
	csv_set_space_func(&ci->p, no_space);
	ci->fn = fn;
	ci->arg = arg;
	ci->delim = delim;
	if (first < 1)
		first = 1;
	for (i = first - 1; i < ci->npeek; i++)
		if ((r = feed(ci, ci->peek[i], ci->peeklen[i], i + 1)) < 0)
			goto out;
	if (!ci->peekend) {
		/* Lines between the peeked ones and the first one wanted. */
		while (ci->lineno + 1 < first &&
		    (r = next_line(ci, &line, &n)) > 0)
			;
		if (r >= 0 && can_read_ahead(ci))
			r = read_ahead(ci);
		else
			while (r >= 0 && (r = next_line(ci, &line, &n)) > 0)
				r = feed(ci, line, n, ci->lineno);
		if (r < 0)
			goto out;
	}
	if (ci->p.pstate == FIELD_BEGUN && ci->p.quoted) {
		diag_msg(csvin_name(ci), ci->recline,
		    "quoted field not closed at the end of the file");
		r = -1;
		goto out;
	}
	if (csv_fini(&ci->p, on_field, on_record, ci) != 0) {
		diag_msg(csvin_name(ci), ci->recline, "%s",
		    csv_strerror(csv_error(&ci->p)));
		r = -1;
	}
	csv_free(&ci->p);
	return r < 0 ? -1 : 0;
out:
	/* libcsv's fini without callbacks: the broken record is dropped. */
	csv_fini(&ci->p, NULL, NULL, NULL);
	csv_free(&ci->p);
	return r < 0 ? -1 : 0;
}

void
csvin_close(struct csvin *ci)
{
	size_t i;

	if (ci == NULL)
		return;
	/* A row's fault may have jumped out of csvin_read (ingest.c). */
	ahead_stop(ci->ahead);
	input_close(ci->in);
	if (ci->cd != (iconv_t)-1)
		iconv_close(ci->cd);
	sbcs_free(ci->sb);
	for (i = 0; i < ci->npeek; i++)
		free(ci->peek[i]);
	free(ci->raw);
	free(ci->t);
	free(ci->row.data);
	free(ci->row.f);
	free(ci->row.len);
	free(ci->row.off);
	free(ci->pos);
	free(ci);
}

size_t
csvin_sniff(const char *line, size_t len, char *delims)
{
	static const char cand[] = { ',', ';', '\t' };
	size_t count[3] = { 0, 0, 0 }, i, j, n = 0;
	int inq = 0;

	for (i = 0; i < len; i++) {
		if (line[i] == '"')
			inq = !inq;
		else if (!inq)
			for (j = 0; j < 3; j++)
				count[j] += line[i] == cand[j];
	}
	/* Selection by count, the earlier candidate first on a tie. */
	for (;;) {
		size_t best = 3;

		for (j = 0; j < 3; j++)
			if (count[j] > 0 && (best == 3 || count[j] > count[best]))
				best = j;
		if (best == 3)
			break;
		delims[n++] = cand[best];
		count[best] = 0;
	}
	delims[n] = '\0';
	return n;
}

struct split_state {
	struct csvin_row *row;
	int		  done;
};

static void
split_field(void *s, size_t n, void *data)
{
	struct split_state *st = data;

	if (!st->done)
		row_add(st->row, s, n);
}

static void
split_record(int c, void *data)
{
	struct split_state *st = data;

	(void)c;
	st->done = 1;
}

int
csvin_split(struct csvin_row *row, const char *line, size_t len, char delim)
{
	struct csv_parser p;
	struct split_state st = { row, 0 };
	int r = 0;

	row_reset(row);
	if (csv_init(&p, 0) != 0)
		diag_fatal(EXIT_DATA, NULL, 0, "out of memory");
	csv_set_delim(&p, (unsigned char)delim);
	csv_set_space_func(&p, no_space);
	if (csv_parse(&p, line, len, split_field, split_record, &st) != len ||
	    (p.pstate == FIELD_BEGUN && p.quoted))
		r = -1;
	if (csv_fini(&p, split_field, split_record, &st) != 0)
		r = -1;
	csv_free(&p);
	row_finish(row);
	return r;
}

struct csvin_row *
csvin_row_new(void)
{
	return xcalloc(1, sizeof(struct csvin_row));
}

void
csvin_row_free(struct csvin_row *row)
{
	if (row == NULL)
		return;
	free(row->data);
	free(row->f);
	free(row->len);
	free(row->off);
	free(row);
}
