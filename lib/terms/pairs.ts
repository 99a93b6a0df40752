/**
 * The text term spotting reads: pair records (lib/search/pair-records.ts), optionally with where their
 * aligned sentences lie, so that a term is looked for in the English sentence that translates
 * its own sentence instead of in the whole paragraph.
 */
import type { BuiltDoc, PairRecord } from '../model';
import { pairRecords, pairRecordsWithoutPinyin } from '../search/pair-records';

/** A sentence bead of a pair as offsets (UTF-16, end exclusive) into the record's `zh` and `en`. */
interface SentenceLink {
  zh: readonly [number, number];
  en: readonly [number, number];
  /**
   * The bead's word links (lib/wordalign), when the build has them: `starts[i]` is the record
   * offset where Chinese word i begins (one more entry: the bead's end), `links` the Pharaoh text.
   */
  words?: { starts: number[]; links: string };
}

/** A pair record, with its sentence beads when the caller has them. */
export interface TermPair extends PairRecord {
  /** In order; a side with no sentence is an empty range. Absent: the pair is one unit. */
  links?: SentenceLink[];
}

/**
 * Where each sentence of a block lies in the block's text: English sentences are the trimmed
 * segments of the text (lib/pipeline/english.ts), a table's rows leave out the cells' tabs and the
 * rows' line breaks. Null when one cannot be found in order, and the caller then treats the pair
 * as one unit rather than guess.
 */
function sentenceSpans(text: string, sentences: readonly string[], offset: number): Array<[number, number]> | null {
  const spans: Array<[number, number]> = [];
  let at = 0;
  for (const sentence of sentences) {
    const found = text.indexOf(sentence, at);
    if (found < 0) return null;
    spans.push([offset + found, offset + found + sentence.length]);
    at = found + sentence.length;
  }
  return spans;
}

function rangeOf(spans: ReadonlyArray<readonly [number, number]>, indices: readonly number[]): [number, number] | null {
  const first = spans[indices[0] ?? -1];
  const last = spans[indices[indices.length - 1] ?? -1];
  if (indices.length === 0) return [0, 0];
  if (first === undefined || last === undefined) return null;
  return [first[0], last[1]];
}

/** Record offsets where each word of a bead's sentences begins, then where the last one ends. */
function wordStarts(
  doc: BuiltDoc,
  pair: BuiltDoc['pairs'][number],
  bead: BuiltDoc['pairs'][number]['sentences'][number],
  zhSpans: ReadonlyArray<readonly [number, number]>,
): number[] {
  const sentences = pair.zh.flatMap((b) => doc.zh[b]?.sentences ?? []);
  const starts: number[] = [];
  let at = 0;
  for (const i of bead.zh) {
    // Each sentence from its own offset: a bead may cross a block boundary (the "\n" joining them).
    at = zhSpans[i]?.[0] ?? at;
    for (const w of sentences[i]?.words ?? []) {
      starts.push(at);
      at += w.simplified.length;
    }
  }
  starts.push(at);
  return starts;
}

/**
 * The document's pair records, each with its sentence beads as offsets into the record's strings,
 * and with each bead's word links when `links` (the document's entry of build/wordlinks.json) is
 * given; without their pinyin line when `options.pinyin` is false (the glossary never reads it).
 */
export function termPairs(
  doc: BuiltDoc,
  links?: readonly (readonly string[])[],
  options: { pinyin?: boolean } = {},
): TermPair[] {
  const records = (options.pinyin ?? true) ? pairRecords(doc) : pairRecordsWithoutPinyin(doc);
  return doc.pairs.map((pair, i): TermPair => {
    const record = records[i]!;
    if (pair.sentences.length === 0) return record;
    // Chinese sentences are found in their block's text like the English ones: a paragraph's
    // sentences concatenate to it, but a table's rows leave out the tabs and line breaks between them.
    const zhSpans: Array<[number, number]> = [];
    let zhAt = 0;
    for (const b of pair.zh) {
      const block = doc.zh[b];
      const spans =
        block === undefined
          ? null
          : sentenceSpans(
              block.simplified,
              block.sentences.map((s) => s.simplified),
              zhAt,
            );
      if (block === undefined || spans === null) return record;
      zhSpans.push(...spans);
      zhAt += block.simplified.length + 1;
    }
    const enSpans: Array<[number, number]> = [];
    let enAt = 0;
    for (const b of pair.en) {
      const block = doc.en[b];
      const spans = block === undefined ? null : sentenceSpans(block.text, block.sentences, enAt);
      if (block === undefined || spans === null) return record;
      enSpans.push(...spans);
      enAt += block.text.length + 1;
    }
    const sentenceLinks: SentenceLink[] = [];
    for (const [k, bead] of pair.sentences.entries()) {
      const zh = rangeOf(zhSpans, bead.zh);
      const en = rangeOf(enSpans, bead.en);
      if (zh === null || en === null) return record;
      const wordLinks = links?.[i]?.[k];
      sentenceLinks.push(
        wordLinks === undefined || bead.zh.length === 0
          ? { zh, en }
          : { zh, en, words: { starts: wordStarts(doc, pair, bead, zhSpans), links: wordLinks } },
      );
    }
    return { ...record, links: sentenceLinks };
  });
}
