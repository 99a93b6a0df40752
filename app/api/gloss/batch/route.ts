import { NextResponse, type NextRequest } from 'next/server';
import { servedBuildVersion } from '@/lib/store';
import { getGlossBatch } from '@/lib/store/gloss-batch';
import { answerTag, matchesTag } from '../../_conditional';
import { errorResponse, noSuchDocument } from '../../_respond';
import type { GlossBatchAnswer } from '../../_types';
import { glossBatchInput } from '../../_validators';

/** As `/api/gloss`: the glossary's renderings change with an import (a new build), so the ETag names the build. */
const CACHE_CONTROL = 'no-cache';

/**
 * `GET /api/gloss/batch?doc=<id>&from=<pair>&to=<pair>` → the popover's dictionary of pairs
 * [from, to) (at most MAX_BATCH_PAIRS; a range past the end is cut to the end): every dictionary
 * word standing in their Chinese text, so a tap there is answered in the browser at once
 * (lib/learner/gloss-batch.ts). The reader asks for a passage as it comes into view.
 */
export async function GET(request: NextRequest) {
  try {
    const input = glossBatchInput(request);
    const version = await servedBuildVersion();
    const tag = version === null ? undefined : answerTag(version, { batch: input });
    if (tag !== undefined && matchesTag(request.headers.get('if-none-match'), tag)) {
      return new NextResponse(null, { status: 304, headers: { ETag: tag, 'Cache-Control': CACHE_CONTROL } });
    }
    const batch = await getGlossBatch(input.doc, input.from, input.to);
    if (!batch) throw noSuchDocument(input.doc);
    return NextResponse.json<GlossBatchAnswer>(batch, {
      headers: { 'Cache-Control': CACHE_CONTROL, ...(tag === undefined ? {} : { ETag: tag }) },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
