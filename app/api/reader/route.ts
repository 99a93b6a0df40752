import type { NextRequest } from 'next/server';
import { getReaderDoc, getReaderPairsIn } from '@/lib/store/reader';
import { answerForBuild } from '../_conditional';
import { errorResponse, noSuchDocument } from '../_respond';
import type { ReaderAnswer } from '../_types';
import { readerInput } from '../_validators';

/**
 * `GET /api/reader?doc=<id>&from=<pair>&to=<pair>[&script=tw|hk]` → `{ doc, from, to, total, pairs }`:
 * pairs of a document as the reader draws them (lib/reader/view.ts), with `script` in traditional
 * characters of Taiwan or Hong Kong whatever the document is written in (lib/reader/script.ts). The reader page carries its first screen
 * in its HTML and fetches the rest here. A range past the end is cut to the end, not refused.
 * The ETag names the build and the range: a client that has them gets a 304 without a read.
 */
export async function GET(request: NextRequest) {
  // A document's pairs change when its alignment is corrected on the import page (a new build,
  // picked up without a restart), so the browser must ask again rather than keep them an hour.
  const cacheControl = 'no-cache';
  try {
    const input = readerInput(request);
    const { doc: docId, from, to, script } = input;
    return await answerForBuild<ReaderAnswer>(request, input, cacheControl, async () => {
      const doc = await getReaderDoc(docId);
      const pairs = doc && script ? await getReaderPairsIn(docId, script) : doc?.pairs;
      if (!pairs) throw noSuchDocument(docId);
      const total = pairs.length;
      const end = Math.min(to ?? total, total);
      const start = Math.min(from, end);
      return { doc: docId, from: start, to: end, total, pairs: pairs.slice(start, end) };
    });
  } catch (error) {
    return errorResponse(error);
  }
}
