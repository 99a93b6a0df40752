/**
 * `GET /api/gloss/batch`: the popover's dictionary for a few passages of a document
 * (lib/learner/gloss-batch.ts), so a tap is answered in the browser. The words are every stretch of
 * each Chinese block's simplified text, up to the longest word the popover looks for, that the
 * dictionary knows, across the segmenter's word boundaries (the popover offers 人民大会堂 on 民 in
 * 北京人|民|大会|堂), plus every word's own dictionary key.
 */
import { batchWord, type GlossBatch } from '@/lib/learner/gloss-batch';
import { isWordIn } from '@/lib/learner/gloss-answer';
import { MAX_NESTED_LENGTH } from '@/lib/learner/nested';
import { wordParts, type ViewPair, type ViewZhBlock } from '@/lib/reader/view';
import { serverGlossDict } from './gloss';
import { getReaderDoc } from './reader';

/** Pairs one batch may span: a few screens of text, so an answer stays a few tens of kB. */
export const MAX_BATCH_PAIRS = 16;

/** A block's characters as the popover's context holds them: simplified, whitespace left out. */
function blockCharacters(block: ViewZhBlock): string[] {
  const text = block.sentences
    .flatMap(([, words]) => words.map((w) => (typeof w === 'string' ? w : wordParts(w).simplified)))
    .join('');
  return Array.from(text.replace(/\s+/gu, ''));
}

/** The dictionary keys the popover looks words up by (ZhWord's data-k, else data-s). */
function keysOf(block: ViewZhBlock): Array<{ key: string; simplified: string }> {
  return block.sentences.flatMap(([, words]) =>
    words.flatMap((w) => {
      if (typeof w === 'string') return [];
      const { key, simplified } = wordParts(w);
      return [{ key: key ?? simplified, simplified }];
    }),
  );
}

/** The batch of pairs [from, to) of a document, or null for an unknown document. */
export async function getGlossBatch(doc: string, from: number, to: number): Promise<GlossBatch | null> {
  const [view, { dict, headword }] = await Promise.all([getReaderDoc(doc), serverGlossDict()]);
  if (!view) return null;
  const isWord = isWordIn(dict);
  const pairs: readonly ViewPair[] = view.pairs.slice(from, to);
  const blocks = pairs.flatMap((p) => p.zh);
  // The words a reader opens (the segmenter's words) in full; the stretches only listed, in brief.
  const full = new Set<string>();
  const elsewhere = new Set<string>();
  for (const { key, simplified } of blocks.flatMap(keysOf)) {
    if (key !== simplified || headword(key) !== key) elsewhere.add(key);
    else full.add(key);
  }
  const listed = new Set<string>();
  for (const chars of blocks.map(blockCharacters)) {
    for (let start = 0; start < chars.length; start++) {
      for (let end = start + 1; end <= Math.min(chars.length, start + MAX_NESTED_LENGTH); end++) {
        const stretch = chars.slice(start, end).join('');
        if (!full.has(stretch) && isWord(stretch)) listed.add(stretch);
      }
    }
  }
  const words: GlossBatch['words'] = {};
  for (const w of full) words[w] = batchWord(w, dict);
  for (const w of listed) words[w] = batchWord(w, dict, true);
  return { doc, from, to: from + pairs.length, words, brief: [...listed], elsewhere: [...elsewhere] };
}
