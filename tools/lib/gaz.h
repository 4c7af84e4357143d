/* gaz — the gazetteer (luong-gazetteer(5)): a province's administrative
 * units with their canonical names, official codes, kinds, aliases and
 * validity dates, in the order reports list them; and the resolution of a
 * free-text name to one unit.
 *
 * A struct gaz owns everything in it; the units and their strings live
 * until gaz_free.  Every error in the file exits 2 from inside gaz_load
 * with "prog: file:line:col: message".  */
#ifndef LUONG_GAZ_H
#define LUONG_GAZ_H

#include <stddef.h>

#include "buf.h"

struct gaz_unit {
	char		 *name;		/* canonical, NFC */
	char		 *code;		/* official code, digits */
	char		 *kind;		/* "thành phố", "thị xã" or "huyện" */
	char		**alias;	/* as written, NFC */
	size_t		  nalias;
	char		 *valid_from;	/* YYYY-MM-DD, first day; or NULL */
	char		 *valid_to;	/* YYYY-MM-DD, first day no longer
					   valid (exclusive); or NULL */
	size_t		  order;	/* 0-based place in the file: the
					   report order */
	unsigned long	  line;		/* where the unit starts */
	/* Keys for matching (gaz_key): the name's and the aliases'. */
	char		 *key;
	char		 *fold;
	char		**alias_key;
};

struct gaz {
	char		 *path;
	char		 *province;	/* name, NFC */
	char		 *province_code;
	size_t		  n;
	struct gaz_unit	 *unit;		/* in report order */
	/* private */
	char		 *province_key, *province_fold;
};

/* gaz_load reads and checks a gazetteer; on any error (cannot open, YAML
 * syntax, unknown or missing key, bad code, kind or date, duplicate code,
 * two units with the same name key, an alias naming two units) it prints
 * file:line:col and the problem and exits 2. */
struct gaz *gaz_load(const char *path);
void gaz_free(struct gaz *g);

/* gaz_by_code returns the unit whose code is s[0..n) (digits; leading
 * zeros do not count), or NULL. */
const struct gaz_unit *gaz_by_code(const struct gaz *g, const char *s,
    size_t n);

/* gaz_by_name returns the unit whose canonical name is s[0..n) in NFC,
 * byte for byte, or NULL.  For free text use gaz_resolve. */
const struct gaz_unit *gaz_by_name(const struct gaz *g, const char *s,
    size_t n);

/* gaz_order returns the report order (0-based) of the unit with code or
 * canonical name s[0..n), or -1. */
long gaz_order(const struct gaz *g, const char *s, size_t n);

/* gaz_kind_prefix returns the length of the kind prefix at the start of a
 * match key (text_match_key): "huyện", "h", "thị xã", "tx", "thành phố",
 * "tp", each with or without diacritics, followed by a dot and/or a space
 * or by the end; 0 when there is none.  The name begins after it. */
size_t gaz_kind_prefix(const char *key, size_t n);

/* gaz_key appends the name key of s: its match key (text_match_key)
 * without a kind prefix.  When fold is not NULL it also appends the
 * folded form of that (text_fold_key) to fold. */
void gaz_key(struct buf *key, struct buf *fold, const char *s, size_t n);

/* How a name was resolved, in the order the steps are tried. */
enum gaz_match {
	GAZ_NONE, GAZ_EXACT, GAZ_ALIAS, GAZ_CODE, GAZ_ASCII, GAZ_FOLDED,
	GAZ_FUZZY
};
#define GAZ_NMATCH	7

/* gaz_match_name: "exact", "alias", "code", "ascii", "folded", "fuzzy";
 * "none" for GAZ_NONE. */
const char *gaz_match_name(enum gaz_match m);

#define GAZ_NCAND	3

struct gaz_result {
	enum gaz_match		 match;
	const struct gaz_unit	*unit;		/* NULL when unresolved */
	const char		*reason;	/* unresolved: why, static */
	/* Unresolved: the units that were ambiguous, or else the nearest
	 * (edit distance on the folded name or on the code), nearest
	 * first, ties in report order. */
	const struct gaz_unit	*cand[GAZ_NCAND];
	size_t			 ncand;
};

/* Flags for gaz_resolve. */
#define GAZ_FUZZY_OK	1

/* gaz_resolve resolves the free text s[0..n) to at most one unit: exact
 * name key, alias key, official code, ASCII-only input whose folded form
 * is one unit's, other input whose folded form is one unit's, and with
 * GAZ_FUZZY_OK one edit away from one unit's folded name.  When trace is
 * not NULL, every step is described there, a line each. */
void gaz_resolve(const struct gaz *g, const char *s, size_t n, int flags,
    struct gaz_result *res, struct buf *trace);

/* gaz_candidates appends the candidates of res as "Name (code), ...". */
void gaz_candidates(struct buf *out, const struct gaz_result *res);

#endif
