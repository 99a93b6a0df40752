import { NextResponse, type NextRequest } from 'next/server';
import { QueryError } from '@/lib/search';
import { getDocSummary, getSearcher } from '@/lib/store';
import { checkSearchRequest } from '@/lib/store/input';
import { jsonError, rawSearch, serverError } from '../_respond';

/**
 * `GET /api/search?q=&doc=&limit=&offset=` → `{ total, hits }`. All input is checked before the
 * index is touched: a repeated, empty, overlong or badly encoded `q` is a 400, never a 500.
 */
export async function GET(request: NextRequest) {
  const checked = checkSearchRequest(rawSearch(request.url));
  if (!checked.ok) return jsonError(checked.status, checked.message);
  const { q, doc, limit, offset } = checked.value;
  try {
    if (doc !== undefined && (await getDocSummary(doc)) === null) {
      return jsonError(404, `No document with the id "${doc}".`);
    }
    const searcher = await getSearcher();
    const { total, hits } = await searcher.search(q, { limit, offset, docId: doc });
    return NextResponse.json({ total, hits }, { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    if (error instanceof QueryError) return jsonError(400, error.message);
    return serverError(error);
  }
}
