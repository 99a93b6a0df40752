/**
 * Pipeline stage "index": every BuiltDoc → pair records → IndexBundle.
 * `run.ts` calls `await buildIndexBundle(docs.flatMap(pairRecords))`; the search itself lives in
 * `lib/search`, which the app loads the bundle into.
 */
import type { BuiltDoc, PairRecord } from '../model';

export { buildIndexBundle } from '../search/index';

function blockAt<T>(blocks: readonly T[], index: number, doc: BuiltDoc, pairId: number, side: string): T {
  const block = blocks[index];
  // An alignment pointing outside its document is a bug upstream: fail the build, naming it.
  if (block === undefined) {
    throw new Error(`${doc.meta.id}: pair ${pairId} refers to ${side} block ${index}, which does not exist.`);
  }
  return block;
}

/**
 * One record per pair of the document, in order: the simplified text of its Chinese blocks and the
 * text of its English blocks, each joined by a newline (empty for an empty side), and the Chinese
 * as written when conversion changed it.
 */
export function pairRecords(doc: BuiltDoc): PairRecord[] {
  return doc.pairs.map((pair) => {
    const zhBlocks = pair.zh.map((i) => blockAt(doc.zh, i, doc, pair.id, 'Chinese'));
    const enBlocks = pair.en.map((i) => blockAt(doc.en, i, doc, pair.id, 'English'));
    const zh = zhBlocks.map((b) => b.simplified).join('\n');
    const zhOriginal = zhBlocks.map((b) => b.original).join('\n');
    const en = enBlocks.map((b) => b.text).join('\n');
    return zhOriginal === zh ? { docId: doc.meta.id, pair: pair.id, zh, en } : { docId: doc.meta.id, pair: pair.id, zh, zhOriginal, en };
  });
}
