import type { NextRequest } from 'next/server';
import { getGlossAnswer } from '@/lib/store/gloss';
import { answerForBuild } from '../_conditional';
import { errorResponse } from '../_respond';
import type { GlossApiAnswer } from '../_types';
import { glossInput } from '../_validators';

/**
 * The answer carries the corpus glossary's renderings, which change when a document is imported
 * or its alignment corrected while the app runs (a new build, no restart): browsers ask again each
 * time and get a 304 while the build is the same (the ETag names the build and the request).
 */
const CACHE_CONTROL = 'no-cache';

/**
 * `GET /api/gloss?w=<word>[&ctx=<sentence>&at=<offset>]` → the CC-CEDICT entries of a simplified
 * headword, its HSK level and glossary entry, and the words inside it; with the sentence around
 * it (simplified, words separated by spaces, the word at code point `at`), also the longer words
 * it stands in there. See lib/store/gloss.ts for the answer's shape.
 */
export async function GET(request: NextRequest) {
  try {
    const input = glossInput(request);
    return await answerForBuild<GlossApiAnswer>(request, input, CACHE_CONTROL, () => getGlossAnswer(input));
  } catch (error) {
    return errorResponse(error);
  }
}
