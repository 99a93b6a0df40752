import { NextResponse, type NextRequest } from 'next/server';
import { getDocWords } from '@/lib/store/reader';
import { errorResponse, noSuchDocument } from '../../_respond';
import type { ReaderWordsAnswer } from '../../_types';
import { readerDocInput } from '../../_validators';

/**
 * `GET /api/reader/words?doc=<id>` → `{ doc, words }`: every simplified Han word of a document with
 * its running count and HSK 3.0 level (`{"合作": [3, 2]}`). The library reckons how much of a
 * document a learner knows from it (their known words never leave the browser); the reader marks
 * words by HSK 3.0 with it.
 */
export async function GET(request: NextRequest) {
  try {
    const doc = readerDocInput(request);
    const words = await getDocWords(doc);
    if (!words) throw noSuchDocument(doc);
    return NextResponse.json<ReaderWordsAnswer>(
      { doc, words },
      { headers: { 'Cache-Control': 'public, max-age=3600' } },
    );
  } catch (error) {
    return errorResponse(error);
  }
}
