import type { NextRequest } from 'next/server';
import { getDocSummary, getSearcher } from '@/lib/store';
import { sentenceHits } from '@/lib/store/search-hits';
import { answerForBuild } from '../_conditional';
import { errorResponse, noSuchDocument } from '../_respond';
import type { SearchAnswer } from '../_types';
import { searchInput } from '../_validators';

/**
 * Private: a query is the reader's own business, kept by their browser only; no-cache: asked again
 * each time, answered 304 while the build is the same (the ETag names the build and the query).
 */
const CACHE_CONTROL = 'private, no-cache';

/**
 * `GET /api/search?q=&doc=&limit=&offset=` → `{ total, hits }`, each hit the pair's matching
 * sentence pairs with the matches and their aligned words marked (lib/store/search-hits.ts). All input is checked before the
 * index is touched: a repeated, empty, overlong or badly encoded `q` is a 400, never a 500.
 */
export async function GET(request: NextRequest) {
  try {
    const input = searchInput(request);
    const { q, doc, limit, offset } = input;
    return await answerForBuild<SearchAnswer>(request, input, CACHE_CONTROL, async () => {
      if (doc !== undefined && (await getDocSummary(doc)) === null) throw noSuchDocument(doc);
      const searcher = await getSearcher();
      const { total, hits } = await searcher.search(q, { limit, offset, docId: doc });
      return { total, hits: await sentenceHits(hits) };
    });
  } catch (error) {
    return errorResponse(error);
  }
}
