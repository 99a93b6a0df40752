/**
 * Search hits as the page and `GET /api/search` show them: each matching pair narrowed to its
 * matching sentence pairs, with the words aligned to the matches marked on the other side
 * (lib/terms/sentence-hit.ts), each sentence cut to its snippet (lib/search/snippet.ts). A hit's document is read once and its pairs' beads and word links
 * kept for the documents searched most recently.
 */
import type { SearchPairHit } from '../model';
import type { Part, SearchHit } from '../search';
import { cutSentence } from '../search/snippet';
import { sentenceHit, termPairs, type TermPair } from '../terms';
import { getDoc, getWordLinks, onNewBuild } from './index';

/** Documents whose pairs are kept: a results page names at most 20, mostly a few over and over. */
const CACHE_DOCS = 32;
const cache = new Map<string, Promise<TermPair[] | null>>();
onNewBuild(() => cache.clear());

function docPairs(docId: string): Promise<TermPair[] | null> {
  let pending = cache.get(docId);
  if (pending) cache.delete(docId); // re-inserted below: most recently used last
  pending ??= Promise.all([getDoc(docId), getWordLinks()]).then(([doc, links]) =>
    doc === null ? null : termPairs(doc, links.get(docId)),
  );
  pending.catch(() => cache.delete(docId));
  cache.set(docId, pending);
  if (cache.size > CACHE_DOCS) cache.delete(cache.keys().next().value!);
  return pending;
}

/** Where the marked parts lie in the text they cut (the parts concatenate back to it). */
function markedRanges(parts: readonly Part[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let at = 0;
  for (const part of parts) {
    if (part.mark) out.push([at, at + part.text.length]);
    at += part.text.length;
  }
  return out;
}

/**
 * The hits, in order, as sentence pairs, each sentence its snippet; `{ whole: true }` keeps the
 * sentences whole (what the answer carried before snippets were cut where it is made: the
 * benchmark's baseline for the answer's size).
 */
export async function sentenceHits(
  hits: readonly SearchHit[],
  { whole = false }: { whole?: boolean } = {},
): Promise<SearchPairHit[]> {
  return Promise.all(
    hits.map(async (hit): Promise<SearchPairHit> => {
      const pairs = await docPairs(hit.docId);
      const found = pairs?.[hit.pair];
      // A pair that is not the hit's own text (a build swapped between the two reads) is shown
      // whole from the hit, without sentences to narrow it to: never marks on the wrong text.
      const pair: TermPair =
        found !== undefined && found.zh === hit.zh && found.en === hit.en
          ? found
          : { docId: hit.docId, pair: hit.pair, zh: hit.zh, en: hit.en };
      const shown = sentenceHit(pair, markedRanges(hit.zhParts), markedRanges(hit.enParts));
      if (whole) return shown;
      // Each sentence as its snippet: the answer carries what the page shows, not whole paragraphs.
      return {
        ...shown,
        sentences: shown.sentences.map((s) => ({ ...s, zh: cutSentence(s.zh, 'zh'), en: cutSentence(s.en, 'en') })),
      };
    }),
  );
}
