/* enc — the encodings a Vietnamese text comes in (UTF-8, or one of the
 * legacy Windows-1258, TCVN3, VISCII), their names, and which one a text
 * is in, told from a sample of its bytes.  enc stands below csvin, which
 * reads text in them: it includes no csvin header.
 *
 * UTF-8 is settled by the bytes alone: a UTF-8 byte order mark, or a
 * sample that is valid UTF-8 (pure ASCII included).  Otherwise the sample
 * is decoded with each legacy encoding through iconv and each reading is
 * scored by how Vietnamese it looks (see enc_guess); the best reading wins
 * only when it is clearly ahead.  */
#ifndef LUONG_ENC_H
#define LUONG_ENC_H

#include <stddef.h>

/* The encodings a Vietnamese text is read in.  ENC_AUTO is none of them:
 * it asks for the encoding to be told from the text (enc_guess, as
 * csvin_detect does).  */
enum enc { ENC_UTF8, ENC_CP1258, ENC_TCVN3, ENC_VISCII, ENC_AUTO };

/* enc_parse_name parses an encoding name as -e takes it (utf-8, utf8,
 * cp1258, windows-1258, tcvn3, tcvn, viscii, auto; any case).  Returns 0
 * and sets *e, or -1 (*e unchanged) for an unknown name. */
int enc_parse_name(const char *name, enum enc *e);

/* enc_name returns the name enc_parse_name knows e by, for messages:
 * "utf-8", "cp1258", "tcvn3", "viscii", "auto".  Static storage. */
const char *enc_name(enum enc e);

/* enc_iconv_name returns glibc iconv's name for e ("UTF-8", "CP1258",
 * "TCVN5712-1", "VISCII"); e must not be ENC_AUTO.  Static storage. */
const char *enc_iconv_name(enum enc e);

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
	enum enc	 enc;	 /* the encoding decided, or the best one */
	enum enc	 second; /* the runner-up of a legacy guess */
	int		 decided;
	struct enc_score s[4];	 /* each legacy reading, by enum enc */
};

/* enc_guess tells the encoding of a text from its first n bytes s (up to
 * ENC_SAMPLE are looked at); whole says that s is all of the text, so
 * that a UTF-8 sequence cut at the end is an error rather than the
 * sample's edge.  Fills *g and returns g->decided: 1 when g->enc is the
 * encoding, 0 when the sample cannot tell (g->enc and g->second are then
 * the two best readings).  Nothing is printed.
 *
 * A sample with a NUL byte, or that starts with a UTF-16 byte order mark,
 * is no text in any of the four: it is given UTF-8, whose reader reports
 * it.  A legacy reading scores each character that is not ASCII:
 *   good:  a Vietnamese letter (a precomposed letter, đ, or one of the
 *          combining tone marks U+0300 U+0301 U+0303 U+0309 U+0323 after
 *          a vowel) in a plausible word: one syllable as Vietnamese spells
 *          it (initial consonant, vowel group, final consonant; a final c,
 *          ch, p or t only with the acute or the dot below) with at most
 *          one tone mark, all lower case, all capitals (TCVN3 capitals,
 *          "GIáO", included) or capitalised; or a word with no vowel
 *          (HĐND);
 *   punct: no-break space, dashes, curly quotes, ellipsis, bullet, euro
 *          and dong signs;
 *   word:  a Vietnamese letter in any other word;
 *   never: anything else (C0 and C1 controls, other letters, symbols, a
 *          byte the encoding does not have), counted double.
 * score = 1000 * (good + punct - word - 2 * never) / (good + punct + word
 * + never).
 *
 * The best reading (the first in enum order on a tie) is decided when it
 * scores at least ENC_MIN_SCORE and every other reading either scores
 * ENC_MARGIN less or, when whole, reads as the same characters (then the
 * choice does not matter). */
int enc_guess(const char *s, size_t n, int whole, struct enc_guess *g);

#define ENC_MIN_SCORE	500
#define ENC_MARGIN	200

#endif
