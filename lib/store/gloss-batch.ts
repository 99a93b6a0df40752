/**
 * `GET /api/gloss/batch`: the popover's dictionary for a few passages of a document
 * (lib/learner/gloss-batch.ts), so a tap is answered in the browser.
 */
import { batchWords, type GlossBatch } from '@/lib/learner/gloss-batch';
import type { ViewPair } from '@/lib/reader/view';
import { serverGlossDict } from './gloss';
import { getReaderDoc } from './reader';

/** Pairs one batch may span: a few screens of text, so an answer stays a few tens of kB. */
export const MAX_BATCH_PAIRS = 16;

/** The batch of pairs [from, to) of a document, or null for an unknown document. */
export async function getGlossBatch(doc: string, from: number, to: number): Promise<GlossBatch | null> {
  const [view, { dict, headword }] = await Promise.all([getReaderDoc(doc), serverGlossDict()]);
  if (!view) return null;
  const pairs: readonly ViewPair[] = view.pairs.slice(from, to);
  return {
    doc,
    from,
    to: from + pairs.length,
    ...batchWords(
      pairs.flatMap((p) => p.zh),
      dict,
      headword,
    ),
  };
}
