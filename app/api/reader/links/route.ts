import { NextResponse, type NextRequest } from 'next/server';
import { getReaderLinks } from '@/lib/store/reader-links';
import { errorResponse, noSuchDocument } from '../../_respond';
import type { ReaderLinksAnswer } from '../../_types';
import { readerDocInput } from '../../_validators';

/**
 * `GET /api/reader/links?doc=<id>` → `{ doc, links }`: the word links of every sentence bead of a
 * document, as the reader marks them (lib/reader/word-links.ts). The reader asks for them when a
 * word is first pointed at, never for its first view.
 */
export async function GET(request: NextRequest) {
  try {
    const doc = readerDocInput(request);
    const links = await getReaderLinks(doc);
    if (!links) throw noSuchDocument(doc);
    return NextResponse.json<ReaderLinksAnswer>(
      { doc, links },
      { headers: { 'Cache-Control': 'public, max-age=3600' } },
    );
  } catch (error) {
    return errorResponse(error);
  }
}
