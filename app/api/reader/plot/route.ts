import { NextResponse, type NextRequest } from 'next/server';
import { getAlignmentPlot } from '@/lib/store/reader';
import { errorResponse, noSuchDocument } from '../../_respond';
import type { ReaderPlotAnswer } from '../../_types';
import { readerDocInput } from '../../_validators';

/**
 * `GET /api/reader/plot?doc=<id>` → `{ doc, beads }`: the alignment map's boxes
 * (lib/reader/plot.ts), fetched when a reader opens "About this document". A corrected alignment
 * is a new build, so the browser asks again each time (a cheap answer: one box per pair).
 */
export async function GET(request: NextRequest) {
  try {
    const doc = readerDocInput(request);
    const beads = await getAlignmentPlot(doc);
    if (!beads) throw noSuchDocument(doc);
    return NextResponse.json<ReaderPlotAnswer>({ doc, beads }, { headers: { 'Cache-Control': 'no-cache' } });
  } catch (error) {
    return errorResponse(error);
  }
}
