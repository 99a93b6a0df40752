/**
 * Dictionary phrases, after decoding: a Chinese word one of whose CC-CEDICT renderings is an
 * English phrase (一转眼 "in the blink of an eye", 核电站 "nuclear power plant", 两国 "two
 * countries") that its sentence writes, word for word, and that the decoder linked the word into,
 * takes every token of it. The gold guidelines link every token of a phrase that renders a word
 * (docs/word-alignment-gold.md), while the decoder keeps only the tokens that carry most of the
 * translation; a word met once or twice has no fertility the counts could teach, and the
 * dictionary says which tokens belong together.
 *
 * Only a phrase the word already links into: a sentence may write the phrase more than once (two
 * sentences' "two countries" in one bead), and each copy belongs to the word beside it. Taking
 * every copy measured worse on the golds of joined pairs (corpus 12.43 against 11.71, MAC-Dev
 * 29.10 against 28.78).
 */
import { englishKey, type Priors } from './prior';
import type { Link } from './symmetrize';
import type { TokenPair } from './tokens';

/** Where `phrase` (English keys) occurs in `keys`, by its first position. */
function occurrences(keys: readonly string[], phrase: readonly string[]): number[] {
  const starts: number[] = [];
  for (let start = 0; start + phrase.length <= keys.length; start++) {
    let k = 0;
    while (k < phrase.length && keys[start + k] === phrase[k]) k++;
    if (k === phrase.length) starts.push(start);
  }
  return starts;
}

/**
 * The links, and for each Chinese word every token of each of its dictionary phrases that the
 * English writes and the word is linked into.
 */
export function linkSensePhrases(links: readonly Link[], pair: TokenPair, priors: Priors): Link[] {
  const n = pair.en.length;
  const decoded = new Set(links.map(([i, j]) => i * n + j));
  const seen = new Set(decoded);
  const out: Link[] = [...links];
  let keys: string[] | undefined;
  pair.zh.forEach((word, i) => {
    for (const phrase of priors.sensePhrases(word)) {
      keys ??= pair.en.map(englishKey);
      for (const start of occurrences(keys, phrase)) {
        let anchored = false;
        for (let j = start; j < start + phrase.length; j++) if (decoded.has(i * n + j)) anchored = true;
        if (!anchored) continue;
        for (let j = start; j < start + phrase.length; j++) {
          if (seen.has(i * n + j)) continue;
          seen.add(i * n + j);
          out.push([i, j]);
        }
      }
    }
  });
  return out;
}
