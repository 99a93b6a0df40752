import { NextResponse, type NextRequest } from 'next/server';
import { getShortGlosses } from '@/lib/store/reader';
import { checkReaderGlossesRequest } from '@/lib/store/reader-input';
import { jsonError, rawSearch, serverError } from '../../_respond';

/**
 * `GET /api/reader/glosses?doc=<id>` → `{ doc, glosses }`: the short gloss of every word of a
 * document, keyed by dictionary key and reading (`合作|hé zuò`), for interlinear mode. Fetched only
 * when a reader turns that mode on.
 */
export async function GET(request: NextRequest) {
  const checked = checkReaderGlossesRequest(rawSearch(request.url));
  if (!checked.ok) return jsonError(checked.status, checked.message);
  try {
    const glosses = await getShortGlosses(checked.value);
    if (!glosses) return jsonError(404, `No document "${checked.value}".`);
    return NextResponse.json({ doc: checked.value, glosses }, { headers: { 'Cache-Control': 'public, max-age=3600' } });
  } catch (error) {
    return serverError(error);
  }
}
