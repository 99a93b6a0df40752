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
import { collectGlossaryInto } from './gloss';
import { HAN } from '../base/han';

export function glossFile(
  docs: readonly BuiltDoc[],
  terms: readonly GlossaryEntry[],
  dict: Dictionary,
): Record<string, DictEntry[]> {
  const collector = new GlossFileCollector(dict);
  for (const doc of docs) collector.add(doc);
  return collector.finish(terms);
}

/**
 * The gloss file collected a document at a time, so the ingest need not keep every document: each
 * word's entries are CC-CEDICT's whichever document brings it first, and the keys are sorted at
 * the end, so the file is the same bytes as `glossFile` over all the documents at once.
 */
export class GlossFileCollector {
  private readonly gloss = new Map<string, DictEntry[]>();
  private readonly done = new Set<string>();
  private readonly inside = new Map<string, readonly string[]>();

  constructor(private readonly dict: Dictionary) {}

  private addWord(word: string): void {
    if (this.gloss.has(word)) return;
    const entries = this.dict.lookup(word);
    if (entries.length > 0) this.gloss.set(word, entries);
  }

  add(doc: BuiltDoc): void {
    const sentences = doc.zh.flatMap((b) => b.sentences);
    collectGlossaryInto(
      this.gloss,
      this.done,
      sentences.flatMap((s) => s.words),
      this.dict,
    );
    for (const sentence of sentences)
      for (const word of headwordsIn(sentence.simplified, this.dict, this.inside)) this.addWord(word);
  }

  finish(terms: readonly GlossaryEntry[]): Record<string, DictEntry[]> {
    // A glossary term segmented into several words (上海合作组织) gets its own entries too.
    for (const { term } of terms) this.addWord(term);
    return Object.fromEntries([...this.gloss].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }
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
