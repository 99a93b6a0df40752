/**
 * The ingest's index step, first half: a BuiltDoc → its pair records, the unit search returns.
 * lib/pipeline/run.ts writes `bundleLines(indexSource(records))` over every document's
 * `pairRecords`; the term pages read the same records (lib/terms/pairs.ts), so they live here in
 * lib/search, below both.
 */
import type { BuiltDoc, PairRecord, ZhBlock } from '../model';
import { hanSlots, pinyinLine, wordSyllables } from './pinyin';

function blockAt<T>(blocks: readonly T[], index: number, doc: BuiltDoc, pairId: number, side: string): T {
  const block = blocks[index];
  // An alignment pointing outside its document is a bug upstream: fail the build, naming it.
  if (block === undefined) {
    throw new Error(`${doc.meta.id}: pair ${pairId} refers to ${side} block ${index}, which does not exist.`);
  }
  return block;
}

/**
 * The toneless syllable of each Han character of a block's simplified text (null where none), read
 * off its words: the gloss stage chose each reading in context (行长 háng zhǎng), which a reading
 * derived again from the characters would not know. A word that cannot be found in the text or
 * whose reading does not line up with its characters leaves its characters without a syllable.
 */
function blockSyllables(block: ZhBlock): Array<string | null> {
  const text = block.simplified;
  const byOffset = new Map<number, string | null>();
  let cursor = 0;
  for (const word of block.sentences.flatMap((s) => s.words)) {
    const at = text.indexOf(word.simplified, cursor);
    if (word.simplified === '' || at === -1) continue;
    const syllables = wordSyllables(word.simplified, word.pinyin);
    if (syllables !== null)
      hanSlots(word.simplified).start.forEach((offset, k) => byOffset.set(at + offset, syllables[k] ?? null));
    cursor = at + word.simplified.length;
  }
  return hanSlots(text).start.map((offset) => byOffset.get(offset) ?? null);
}

/**
 * One record per pair of the document, in order: the simplified text of its Chinese blocks and the
 * text of its English blocks, each joined by a newline (empty for an empty side), the Chinese as
 * written when conversion changed it, and the pinyin line of the Chinese when it has readings.
 */
export function pairRecords(doc: BuiltDoc): PairRecord[] {
  return recordsOf(doc, true);
}

/**
 * The records of `pairRecords` without their pinyin line: the glossary reads the texts only, and
 * the pinyin line was most of the cost of making its records again at ingest.
 */
export function pairRecordsWithoutPinyin(doc: BuiltDoc): PairRecord[] {
  return recordsOf(doc, false);
}

function recordsOf(doc: BuiltDoc, withPinyin: boolean): PairRecord[] {
  return doc.pairs.map((pair) => {
    const zhBlocks = pair.zh.map((i) => blockAt(doc.zh, i, doc, pair.id, 'Chinese'));
    const enBlocks = pair.en.map((i) => blockAt(doc.en, i, doc, pair.id, 'English'));
    const zh = zhBlocks.map((b) => b.simplified).join('\n');
    const zhOriginal = zhBlocks.map((b) => b.original).join('\n');
    const en = enBlocks.map((b) => b.text).join('\n');
    // The newline between blocks is not Han, so the blocks' syllables simply follow one another.
    const pinyin = withPinyin ? pinyinLine(zh, zhBlocks.flatMap(blockSyllables)) : undefined;
    return {
      docId: doc.meta.id,
      pair: pair.id,
      zh,
      ...(zhOriginal === zh ? {} : { zhOriginal }),
      en,
      ...(pinyin === undefined ? {} : { pinyin }),
    };
  });
}
