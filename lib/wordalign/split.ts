/**
 * Chinese words CC-CEDICT lacks, aligned as their dictionary parts. Such a word is mostly a
 * compound the segmenter joined (不肯, 这话, 滤去, 大叫): it occurs once or twice, so the model
 * cannot learn it from counts, while its parts (不 + 肯, 这 + 话, 滤 + 去) occur all through the
 * training text and their translations are learned there. Each part is aligned as a token of its
 * own and the word takes every link of its parts, so the links still index the tokens as given.
 *
 * A name (a word whose pinyin the English writes: 王小明 → Wang Xiaoming) stays whole, because
 * only the whole word's pinyin matches its English.
 */
import { englishKey, type Priors, romanisations } from './prior';
import type { Link } from './symmetrize';
import type { TokenPair } from './tokens';

export interface SplitPair {
  pair: TokenPair;
  /** For each Chinese token of `pair`, the index of the token it was cut from in the input. */
  origin: readonly number[];
}

/** The pair with each Chinese word CC-CEDICT lacks replaced by its dictionary parts. */
export function splitUnknownWords(pair: TokenPair, priors: Priors): SplitPair {
  const zh: string[] = [];
  const origin: number[] = [];
  let english: Set<string> | undefined;
  pair.zh.forEach((word, i) => {
    const parts = priors.unknownParts(word);
    english ??= parts && new Set(pair.en.map(englishKey));
    const isName = parts !== undefined && romanisations(word).some((form) => english!.has(form));
    for (const part of parts && !isName ? parts : [word]) {
      zh.push(part);
      origin.push(i);
    }
  });
  return { pair: { zh, en: pair.en }, origin };
}

/** Links over the parts as links over the words they were cut from, each once, sorted. */
export function joinParts(links: readonly Link[], origin: readonly number[]): Link[] {
  const seen = new Set<string>();
  const out: Link[] = [];
  for (const [i, j] of links) {
    const link = [origin[i]!, j] as const;
    const key = `${link[0]}-${j}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(link);
  }
  return out.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}
