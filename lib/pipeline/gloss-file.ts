/**
 * `build/gloss.json`: the corpus's extract of CC-CEDICT, which is all of the dictionary the app
 * ever loads. It holds the entries of the words the texts are segmented into and of their
 * characters (collectGlossary), of the glossary's terms (the term pages look them up), and of
 * every headword of two or more characters that occurs anywhere in a sentence, across the
 * segmenter's word boundaries, so the popover can show the words a word stands in and the words
 * inside it (lib/learner/nested.ts) from the build alone. Keys are sorted by UTF-16 code units, so
 * a re-ingest writes the same bytes.
 */
import type { Dictionary } from '../dictionary/cedict';
import type { BuiltDoc, DictEntry, GlossaryEntry } from '../model';
import { collectGlossary } from './gloss';

const HAN = /\p{Script=Han}/u;

export function glossFile(docs: readonly BuiltDoc[], terms: readonly GlossaryEntry[], dict: Dictionary): Record<string, DictEntry[]> {
  const sentences = docs.flatMap((d) => d.zh.flatMap((b) => b.sentences));
  const gloss = collectGlossary(
    sentences.flatMap((s) => s.words),
    dict,
  );
  const add = (word: string): void => {
    if (gloss.has(word)) return;
    const entries = dict.lookup(word);
    if (entries.length > 0) gloss.set(word, entries);
  };
  // A glossary term segmented into several words (上海合作组织) gets its own entries too.
  for (const { term } of terms) add(term);
  const inside = new Map<string, readonly string[]>();
  for (const sentence of sentences) for (const word of headwordsIn(sentence.simplified, dict, inside)) add(word);
  return Object.fromEntries([...gloss].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * Every headword of two or more code points, with a Han character, that occurs in `text`. Each
 * occurrence of a headword is the longest match at its start or lies inside one, so the longest
 * matches and the words nested in them are all of them; `memo` keeps the nested words of a longest
 * match, which recur across a corpus.
 */
export function headwordsIn(text: string, dict: Dictionary, memo = new Map<string, readonly string[]>()): Set<string> {
  const cps = Array.from(text);
  const found = new Set<string>();
  for (let i = 0; i < cps.length; i++) {
    const longest = dict.longestMatch(cps, i);
    if (longest === null) continue;
    let words = memo.get(longest);
    if (words === undefined) {
      words = [longest, ...dict.nestedWords(longest)].filter((w) => Array.from(w).length >= 2 && HAN.test(w));
      memo.set(longest, words);
    }
    for (const w of words) found.add(w);
  }
  return found;
}
