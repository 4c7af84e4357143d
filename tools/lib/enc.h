/* enc — which encoding a Vietnamese text is in, told from a sample of its
 * bytes: UTF-8, or one of the legacy encodings csvin reads (Windows-1258,
 * TCVN3, VISCII).
 *
 * UTF-8 is settled by the bytes alone: a UTF-8 byte order mark, or a
 * sample that is valid UTF-8 (pure ASCII included).  Otherwise the sample
 * is decoded with each legacy encoding through iconv and each reading is
 * scored by how Vietnamese it looks (see enc_guess); the best reading wins
 * only when it is clearly ahead.  */
#ifndef LUONG_ENC_H
#define LUONG_ENC_H

#include <stddef.h>

#include "csvin.h"

/* How many bytes at the start of a text enc_guess looks at. */
#define ENC_SAMPLE	(64 * 1024)

/* What a reading of the sample looks like, in characters (a letter and a
 * combining tone mark after it count as two). */
struct enc_score {
	unsigned long	 good;	/* Vietnamese letters in plausible words */
	unsigned long	 word;	/* Vietnamese letters in implausible words */
	unsigned long	 punct;	/* non-ASCII punctuation Vietnamese text has */
	unsigned long	 never;	/* characters no Vietnamese text has */
	long		 score;	/* per mille, -2000 ... 1000 */
};

struct enc_guess {
	enum csvin_enc	 enc;	 /* the encoding decided, or the best one */
	enum csvin_enc	 second; /* the runner-up of a legacy guess */
	int		 decided;
	struct enc_score s[4];	 /* each legacy reading, by enum csvin_enc */
};

/* enc_guess tells the encoding of a text from its first n bytes s (up to
 * ENC_SAMPLE are looked at); whole says that s is all of the text, so
 * that a UTF-8 or multi-byte sequence cut at the end is an error rather
 * than the sample's edge.  Fills *g and returns g->decided: 1 when g->enc
 * is the encoding, 0 when the sample cannot tell (g->enc and g->second
 * are then the two best readings).
 *
 * A sample with a NUL byte, or that starts with a UTF-16 byte order mark,
 * is no text in any of the four: it is given UTF-8, whose reader reports
 * it.  A legacy reading scores each character that is not ASCII: a
 * Vietnamese letter (the precomposed letters, đ, and the combining tone
 * marks U+0300 U+0301 U+0303 U+0309 U+0323 after a vowel) is good when
 * its word is plausible (at most one tone mark, and all lower case, all
 * upper case or capitalised) and bad otherwise; the punctuation of
 * Vietnamese documents (no-break space, dashes, curly quotes, ellipsis,
 * bullet, euro and dong signs) is good; anything else (C0 and C1
 * controls, other letters, symbols, bytes the encoding does not have)
 * counts double against it.  score = 1000 * (good + punct - word -
 * 2 * never) / (good + punct + word + never).
 *
 * The best reading is decided when its score is at least ENC_MIN_SCORE
 * and ENC_MARGIN ahead of the second's, or when the sample is the whole
 * text and the two read as the same characters (then the choice does not
 * matter; the first in enum order is taken).  */
int enc_guess(const char *s, size_t n, int whole, struct enc_guess *g);

#define ENC_MIN_SCORE	500
#define ENC_MARGIN	200

#endif
