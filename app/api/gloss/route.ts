import { NextResponse, type NextRequest } from 'next/server';
import { getGlossAnswer } from '@/lib/store/gloss';
import { checkGlossRequest } from '@/lib/store/input';
import { jsonError, rawSearch, serverError } from '../_respond';

/**
 * `GET /api/gloss?w=<word>[&ctx=<sentence>&at=<offset>]` → the CC-CEDICT entries of a simplified
 * headword, its HSK level and glossary entry, and the words inside it; with the sentence around
 * it (simplified, words separated by spaces, the word at code point `at`), also the longer words
 * it stands in there. See lib/store/gloss.ts for the answer's shape.
 */
export async function GET(request: NextRequest) {
  const checked = checkGlossRequest(rawSearch(request.url));
  if (!checked.ok) return jsonError(checked.status, checked.message);
  try {
    return NextResponse.json(await getGlossAnswer(checked.value), {
      // The dictionary changes only with a new build: let browsers keep answers for a day.
      headers: { 'Cache-Control': 'public, max-age=86400' },
    });
  } catch (error) {
    return serverError(error);
  }
}
