import { NextResponse, type NextRequest } from 'next/server';
import { servedBuildVersion } from '@/lib/store';
import { getGlossAnswer } from '@/lib/store/gloss';
import { answerTag, matchesTag } from '../_conditional';
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
    const version = await servedBuildVersion();
    const tag = version === null ? undefined : answerTag(version, input);
    if (tag !== undefined && matchesTag(request.headers.get('if-none-match'), tag)) {
      return new NextResponse(null, { status: 304, headers: { ETag: tag, 'Cache-Control': CACHE_CONTROL } });
    }
    return NextResponse.json<GlossApiAnswer>(await getGlossAnswer(input), {
      headers: { 'Cache-Control': CACHE_CONTROL, ...(tag === undefined ? {} : { ETag: tag }) },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
