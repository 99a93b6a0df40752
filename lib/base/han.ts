/**
 * Han characters, by Unicode script property rather than a block range: the CJK blocks are
 * scattered (Extension B and later lie outside the BMP, compatibility ideographs elsewhere), and
 * `\p{Script=Han}` follows Unicode as Node's ICU updates, with no table of ours to keep.
 * None of these is global (`g`), so sharing them keeps no `lastIndex` state between callers.
 */

/** Holds a Han character somewhere. */
export const HAN = /\p{Script=Han}/u;

/** Is one Han character, nothing else (test one code point at a time with it). */
export const HAN_CHAR = /^\p{Script=Han}$/u;

/** Is Han characters only, at least one. */
export const HAN_ONLY = /^\p{Script=Han}+$/u;
