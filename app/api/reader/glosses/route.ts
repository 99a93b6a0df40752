import { NextResponse, type NextRequest } from 'next/server';
import { getShortGlosses } from '@/lib/store/reader';
import { errorResponse, noSuchDocument } from '../../_respond';
import type { ReaderGlossesAnswer } from '../../_types';
import { readerDocInput } from '../../_validators';

/**
 * `GET /api/reader/glosses?doc=<id>` → `{ doc, glosses }`: the short gloss of every word of a
 * document, keyed by dictionary key and reading (`合作|hé zuò`), for interlinear mode. Fetched only
 * when a reader turns that mode on.
 */
export async function GET(request: NextRequest) {
  try {
    const doc = readerDocInput(request);
    const glosses = await getShortGlosses(doc);
    if (!glosses) throw noSuchDocument(doc);
    return NextResponse.json<ReaderGlossesAnswer>(
      { doc, glosses },
      { headers: { 'Cache-Control': 'public, max-age=3600' } },
    );
  } catch (error) {
    return errorResponse(error);
  }
}
