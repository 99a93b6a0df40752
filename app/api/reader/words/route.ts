import { NextResponse, type NextRequest } from 'next/server';
import { getDocWords } from '@/lib/store/reader';
import { checkReaderGlossesRequest } from '@/lib/store/reader-input';
import { jsonError, rawSearch, serverError } from '../../_respond';

/**
 * `GET /api/reader/words?doc=<id>` → `{ doc, words }`: every simplified Han word of a document with
 * its running count and HSK 3.0 level (`{"合作": [3, 2]}`). The library reckons how much of a
 * document a learner knows from it (their known words never leave the browser); the reader marks
 * words by HSK 3.0 with it.
 */
export async function GET(request: NextRequest) {
  const checked = checkReaderGlossesRequest(rawSearch(request.url));
  if (!checked.ok) return jsonError(checked.status, checked.message);
  try {
    const words = await getDocWords(checked.value);
    if (!words) return jsonError(404, `No document "${checked.value}".`);
    return NextResponse.json({ doc: checked.value, words }, { headers: { 'Cache-Control': 'public, max-age=3600' } });
  } catch (error) {
    return serverError(error);
  }
}
