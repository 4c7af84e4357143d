/* keys — the newest submission of a record wins: the key index behind
 * luong-ingest's resubmissions (luong-schema(5), key).
 *
 * Files are read one at a time.  While a file is read, each row that
 * passed its checks claims its key for the file (keys_claim): a key the
 * same file claimed before is a duplicate, and the line that claimed it
 * is told.  When the file is done its claims are committed (keys_commit)
 * against the claims of the files before it, the newer file winning by
 * the rank the caller gives (luong-ingest: modification time, then name);
 * a file set aside drops its claims (keys_drop), and the older rows it
 * would have replaced stand.  After the last file, keys_winner says which
 * file and line holds each key.
 *
 * A key is opaque bytes: luong-ingest joins the key fields in stream form
 * with TABs, which a field in stream form never holds.
 *
 * Memory: one entry per distinct key, and one per key of the file being
 * read; never per row.  */
#ifndef LUONG_KEYS_H
#define LUONG_KEYS_H

#include <stddef.h>

struct keys;

struct keys *keys_new(void);
void keys_free(struct keys *k);

/* keys_claim claims key[0..n) at line of the current file.  Returns 0, or
 * 1 when the current file claimed it already, *first set to that line. */
int keys_claim(struct keys *k, const char *key, size_t n, unsigned long line,
    unsigned long *first);

/* keys_commit makes the current file's claims those of file, whose rank
 * orders it among the files (greater: newer); for a key held by a file of
 * greater or equal rank the older claim stands.  The next file starts
 * with no claims. */
void keys_commit(struct keys *k, size_t file, unsigned long long rank);

/* keys_drop forgets the current file's claims. */
void keys_drop(struct keys *k);

/* keys_winner finds the committed claim of key[0..n): returns 0 with
 * *file and *line set, or -1 when no committed file claims it. */
int keys_winner(const struct keys *k, const char *key, size_t n,
    size_t *file, unsigned long *line);

#endif
