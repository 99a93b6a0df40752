import type { NextRequest } from 'next/server';
import { getGlossBatch } from '@/lib/store/gloss-batch';
import { answerForBuild } from '../../_conditional';
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
    return await answerForBuild<GlossBatchAnswer>(request, { batch: input }, CACHE_CONTROL, async () => {
      const batch = await getGlossBatch(input.doc, input.from, input.to);
      if (!batch) throw noSuchDocument(input.doc);
      return batch;
    });
  } catch (error) {
    return errorResponse(error);
  }
}
