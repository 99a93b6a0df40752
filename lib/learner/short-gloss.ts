/**
 * The short gloss of interlinear mode: one meaning small enough to sit under a word. It is picked
 * from the word's CC-CEDICT entries: the entry read as the text reads the word (行长 is háng zhǎng,
 * "bank president", not xíng cháng), then its first sense that is a meaning rather than a
 * cross-reference ("variant of 着", "surname Li", "see 好 [hao3]"), trimmed of bracketed notes.
 */
import type { DictEntry } from '@/lib/model';

/** Longest gloss shown, in characters; longer ones are cut at a word boundary with an ellipsis. */
export const SHORT_GLOSS_MAX = 22;

const NOT_A_MEANING =
  /^(?:(?:old |archaic |erhua )?variant of|see |used in |surname |CL:|abbr\. for|\(old\) variant|also written|also pr\.)/iu;

function plain(pinyin: string): string {
  return pinyin.normalize('NFC').toLowerCase().replace(/\s+/gu, ' ').trim();
}

/** A sense without its bracketed notes and pinyin cross-references: "(of a river) bank" → "bank". */
function trimSense(sense: string): string {
  return (
    sense
      .replace(/\[[^\]]*\]/gu, '')
      .replace(/\([^)]*\)/gu, '')
      .replace(/\s+/gu, ' ')
      .replace(/^to be /u, 'be ')
      .trim()
      // Under a word there is room for the head of a meaning: "Xi Jinping, PRC president" → "Xi Jinping".
      .split(/\s*,\s*/u)[0]!
      .trim()
  );
}

function cut(text: string): string {
  const chars = Array.from(text);
  if (chars.length <= SHORT_GLOSS_MAX) return text;
  const head = chars.slice(0, SHORT_GLOSS_MAX - 1).join('');
  const space = head.lastIndexOf(' ');
  return `${(space > SHORT_GLOSS_MAX / 2 ? head.slice(0, space) : head).replace(/[ ,;]+$/u, '')}…`;
}

/** The short gloss of a word read as `pinyin`, or '' when its entries hold no meaning. */
export function shortGloss(entries: readonly DictEntry[], pinyin: string): string {
  const reading = plain(pinyin);
  // Exact reading first (shí dài, not the magazine Shí dài), then the same syllables in another
  // case, then the rest.
  const rank = (e: DictEntry) =>
    e.pinyin.normalize('NFC') === pinyin.normalize('NFC') ? 0 : plain(e.pinyin) === reading ? 1 : 2;
  const ordered = [...entries].sort((a, b) => rank(a) - rank(b));
  for (const entry of ordered) {
    for (const sense of entry.senses) {
      // CC-CEDICT packs near-synonyms into one sense ("to cooperate; to collaborate"): one is enough.
      for (const alternative of sense.split(/;\s*/u)) {
        if (NOT_A_MEANING.test(alternative)) continue;
        const trimmed = trimSense(alternative);
        if (trimmed !== '') return cut(trimmed);
      }
    }
  }
  return '';
}

/** Key of a short gloss: the dictionary key and the reading, since 行 read háng is not 行 read xíng. */
export function shortGlossKey(key: string, pinyin: string): string {
  return `${key}|${pinyin}`;
}
