/**
 * Which CC-CEDICT sense a word has in its sentence, read off the English aligned with it (word
 * links, lib/wordalign): 俄 is "Russia" where the translation says Russian, not "suddenly"; 延期
 * is "to extend" where the treaty is extended. The sense whose words the aligned English shares
 * goes first, its entry first among the word's entries; the others keep CC-CEDICT's order below.
 * Without aligned English, or when nothing matches, the entries are as CC-CEDICT orders them.
 */
import type { DictEntry } from '../model';
import { englishKey, englishTokens, senseStems } from '../wordalign/index';

/** The sense chosen, as indices into the entries returned (so always 0, 0) and the English that chose it. */
export interface ChosenSense {
  /** The aligned English words that matched the sense, as they stand in the translation. */
  english: string;
}

/** Shorter stems than this match only exactly ("in" is not a prefix match of "india"). */
const MIN_PREFIX = 4;

/**
 * How well two stems agree: 1 exactly, 0.9 when one extends the other by a suffix the stemmer keeps
 * (russia / russian), else 0.
 */
function agreement(a: string, b: string): number {
  if (a === b) return 1;
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return short.length >= MIN_PREFIX && long.startsWith(short) && long.length - short.length <= 3 ? 0.9 : 0;
}

/**
 * The entries with the sense the aligned English supports first (its entry first, that sense at the
 * head of its senses), and which English words chose it; the entries unchanged when none does.
 * A sense is scored by how many of its words the aligned English has; ties keep CC-CEDICT's order.
 */
export function chooseSense(
  entries: readonly DictEntry[],
  aligned: string,
): { entries: DictEntry[]; chosen?: ChosenSense } {
  const words = englishTokens(aligned)
    .filter((t) => /\p{L}/u.test(t.text))
    .map((t) => ({ text: t.text, key: englishKey(t.text) }));
  if (words.length === 0) return { entries: [...entries] };
  let best: { entry: number; sense: number; score: number; english: string } | null = null;
  entries.forEach((entry, e) => {
    entry.senses.forEach((sense, s) => {
      if (/^CL:/.test(sense)) return;
      const stems = new Set(senseStems(sense));
      const scored = words.map((w) => ({ w, a: Math.max(0, ...[...stems].map((stem) => agreement(stem, w.key))) }));
      const matched = scored.filter((x) => x.a > 0).map((x) => x.w);
      if (matched.length === 0) return;
      // A sense that is all match ("Russia") beats one that merely mentions the word.
      const score = scored.reduce((n, x) => n + x.a, 0) + matched.length / Math.max(1, stems.size);
      if (best === null || score > best.score)
        best = { entry: e, sense: s, score, english: matched.map((w) => w.text).join(' ') };
    });
  });
  if (best === null) return { entries: [...entries] };
  const { entry: e, sense: s, english } = best;
  const chosenEntry = entries[e]!;
  const reordered: DictEntry = {
    ...chosenEntry,
    senses: [chosenEntry.senses[s]!, ...chosenEntry.senses.filter((_, k) => k !== s)],
  };
  return { entries: [reordered, ...entries.filter((_, k) => k !== e)], chosen: { english } };
}
