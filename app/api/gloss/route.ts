import { NextResponse, type NextRequest } from 'next/server';
import { lookupGloss } from '@/lib/store';
import { checkGlossRequest } from '@/lib/store/input';
import { jsonError, rawSearch, serverError } from '../_respond';

/**
 * `GET /api/gloss?w=<word>` → `{ word, entries }`: the CC-CEDICT entries of a simplified
 * headword. When the dictionary lacks the word, `characters` carries the entries of each of its
 * characters, so the popover still has something to say.
 */
export async function GET(request: NextRequest) {
  const checked = checkGlossRequest(rawSearch(request.url));
  if (!checked.ok) return jsonError(checked.status, checked.message);
  const word = checked.value;
  try {
    const entries = await lookupGloss(word);
    const chars = [...word];
    const characters =
      entries.length === 0 && chars.length > 1 && /\p{Script=Han}/u.test(word)
        ? await Promise.all(chars.map(async (char) => ({ char, entries: await lookupGloss(char) })))
        : undefined;
    return NextResponse.json(
      { word, entries, ...(characters ? { characters: characters.filter((c) => c.entries.length > 0) } : {}) },
      // The dictionary changes only with a new build: let browsers keep answers for a day.
      { headers: { 'Cache-Control': 'public, max-age=86400' } },
    );
  } catch (error) {
    return serverError(error);
  }
}
