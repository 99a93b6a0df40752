import { NextResponse, type NextRequest } from 'next/server';
import { QueryError } from '@/lib/search';
import { getDocSummary, getSearcher, servedBuildVersion } from '@/lib/store';
import { checkSearchRequest } from '@/lib/store/input';
import { jsonError, rawSearch, serverError } from '../_respond';
import { answerTag, matchesTag } from '../_conditional';

/**
 * Private: a query is the reader's own business, kept by their browser only; no-cache: asked again
 * each time, answered 304 while the build is the same (the ETag names the build and the query).
 */
const CACHE_CONTROL = 'private, no-cache';

/**
 * `GET /api/search?q=&doc=&limit=&offset=` → `{ total, hits }`. All input is checked before the
 * index is touched: a repeated, empty, overlong or badly encoded `q` is a 400, never a 500.
 */
export async function GET(request: NextRequest) {
  const checked = checkSearchRequest(rawSearch(request.url));
  if (!checked.ok) return jsonError(checked.status, checked.message);
  const { q, doc, limit, offset } = checked.value;
  try {
    const version = await servedBuildVersion();
    const tag = version === null ? undefined : answerTag(version, checked.value);
    if (tag !== undefined && matchesTag(request.headers.get('if-none-match'), tag)) {
      return new NextResponse(null, { status: 304, headers: { ETag: tag, 'Cache-Control': CACHE_CONTROL } });
    }
    if (doc !== undefined && (await getDocSummary(doc)) === null) {
      return jsonError(404, `No document with the id "${doc}".`);
    }
    const searcher = await getSearcher();
    const { total, hits } = await searcher.search(q, { limit, offset, docId: doc });
    return NextResponse.json({ total, hits }, { headers: { 'Cache-Control': CACHE_CONTROL, ...(tag === undefined ? {} : { ETag: tag }) } });
  } catch (error) {
    if (error instanceof QueryError) return jsonError(400, error.message);
    return serverError(error);
  }
}
