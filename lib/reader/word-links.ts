/**
 * The word links of a document as the reader draws them: pointing at a Chinese word marks the
 * English it is aligned with, and the reverse. The reader's DOM has one `.w` element per Han word
 * and one `.es` element per English sentence, so a link is given in those terms: the Han word's
 * ordinal among the Han words of its sentence bead, the English sentence's ordinal in the bead, and
 * [start, end) UTF-16 offsets into that sentence's text. Neighbouring tokens linked to one word are
 * one span ("two countries"). Fetched apart from the text (`/api/reader/links`), when a word is
 * first pointed at, so the first view does not carry it.
 */
import type { BuiltDoc, WordLinks } from '../model';
import { HAN } from '../base/han';
import { englishTokens, parseLinks } from '../wordalign/index';

/**
 * Per pair (by id), per sentence bead: the links as a flat list of four numbers each, [Han word
 * ordinal, English sentence ordinal, start, end]. A bead without links is an empty list.
 */
export type ReaderLinks = Record<number, number[][]>;

const WORDLIKE = /[\p{L}\p{N}]/u;

/** The reader's links of a document, from its entry of build/wordlinks.json. */
export function readerLinks(doc: Pick<BuiltDoc, 'zh' | 'en' | 'pairs'>, links: WordLinks[string]): ReaderLinks {
  const out: ReaderLinks = {};
  doc.pairs.forEach((pair, p) => {
    const beadLinks = links[p];
    if (!beadLinks || beadLinks.every((l) => l === '')) return;
    const zhSentences = pair.zh.flatMap((b) => doc.zh[b]?.sentences ?? []);
    const enSentences = pair.en.flatMap((b) => doc.en[b]?.sentences ?? []);
    out[pair.id] = pair.sentences.map((bead, k) => {
      const text = beadLinks[k] ?? '';
      if (text === '') return [];
      // Chinese word index → its Han ordinal (-1 for punctuation, digits, Latin: no `.w` element).
      const ordinal: number[] = [];
      let han = 0;
      for (const s of bead.zh)
        for (const w of zhSentences[s]?.words ?? []) ordinal.push(HAN.test(w.original) ? han++ : -1);
      // English token index → [sentence ordinal in the bead, start, end].
      const tokens: Array<[number, number, number, boolean]> = [];
      bead.en.forEach((s, n) => {
        for (const t of englishTokens(enSentences[s] ?? '')) tokens.push([n, t.start, t.end, WORDLIKE.test(t.text)]);
      });
      const byWord = new Map<number, number[]>();
      for (const [i, j] of parseLinks(text).sure) {
        const o = ordinal[i];
        if (o === undefined || o < 0 || !tokens[j]?.[3]) continue;
        (byWord.get(o) ?? byWord.set(o, []).get(o)!).push(j);
      }
      const flat: number[] = [];
      for (const [o, js] of [...byWord].sort((a, b) => a[0] - b[0])) {
        js.sort((a, b) => a - b);
        let k0 = 0;
        // Runs of consecutive tokens in one sentence become one span.
        for (let k1 = 1; k1 <= js.length; k1++) {
          const prev = tokens[js[k1 - 1]!]!;
          const next = k1 < js.length ? tokens[js[k1]!] : undefined;
          if (next && js[k1] === js[k1 - 1]! + 1 && next[0] === prev[0]) continue;
          const first = tokens[js[k0]!]!;
          flat.push(o, first[0], first[1], prev[2]);
          k0 = k1;
        }
      }
      return flat;
    });
  });
  return out;
}
