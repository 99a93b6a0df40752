'use client';

import type { GlossApiAnswer, GlossBatchAnswer } from '@/app/api/_types';
import { glossAnswer, type GlossDict } from '@/lib/learner/gloss-answer';
import { batchDict } from '@/lib/learner/gloss-batch';
import type { Context } from './gloss-dom';

/**
 * The popover's dictionary of the passages the reader has in view, so a tap shows its entry in
 * the same frame instead of after a round trip (lib/learner/gloss-batch.ts). Passages are asked
 * for in fixed runs of PASSAGES_PER_BATCH pairs (stable URLs the browser revalidates by ETag) as
 * they come near the viewport; a word a batch cannot answer (not here yet, a word only listed in
 * brief, a key found under another headword) goes to `/api/gloss` as before.
 */

/** Pairs per request: about a screen of text on a phone, 13 kB compressed (docs/reader.md). */
const PASSAGES_PER_BATCH = 4;
/** How far ahead of the viewport a passage is asked for: a reader scrolling meets it ready. */
const AHEAD = '50% 0px 150% 0px';

interface Loaded {
  dict: GlossDict;
  /** Words the batch holds in full (the pairs' own words): the ones it can answer. */
  full: ReadonlySet<string>;
}

const pending = new Map<string, Promise<Loaded | null>>();
/** Batches arrived (null: refused or failed; such words go to the server one by one). */
const loaded = new Map<string, Loaded | null>();

const batchKey = (doc: string, first: number) => `${doc}\u0000${first}`;
const firstOf = (pair: number) => pair - (pair % PASSAGES_PER_BATCH);

function decode(batch: GlossBatchAnswer): Loaded {
  const skip = new Set([...batch.brief, ...batch.elsewhere]);
  return { dict: batchDict(batch.words), full: new Set(Object.keys(batch.words).filter((w) => !skip.has(w))) };
}

/** Asks for the batch holding pair `pair` of `doc`, once. */
export function requestPassage(doc: string, pair: number): void {
  if (!Number.isInteger(pair) || pair < 0) return;
  const first = firstOf(pair);
  const key = batchKey(doc, first);
  if (pending.has(key)) return;
  const params = new URLSearchParams({ doc, from: String(first), to: String(first + PASSAGES_PER_BATCH) });
  const request = fetch(`/api/gloss/batch?${params}`)
    .then((r) => (r.ok ? (r.json() as Promise<GlossBatchAnswer>) : null))
    .then((batch) => (batch ? decode(batch) : null))
    .catch(() => null)
    .then((batch) => {
      loaded.set(key, batch);
      return batch;
    });
  pending.set(key, request);
}

/**
 * The popover's answer for a word of pair `pair`, computed here from the passage's batch, or
 * undefined when the batch has not arrived or cannot answer for the word (the caller asks the
 * server). The same code as the server's answer (lib/learner/gloss-answer.ts), on the same words.
 */
export function localAnswer(
  doc: string,
  pair: number | null,
  key: string,
  context: Context | null,
  aligned: string,
): GlossApiAnswer | undefined {
  if (pair === null) return undefined;
  const batch = loaded.get(batchKey(doc, firstOf(pair)));
  if (!batch || !batch.full.has(key)) return undefined;
  return glossAnswer(
    {
      word: key,
      ...(context
        ? {
            context: {
              text: context.ctx,
              at: context.at,
              ...(context.char !== undefined ? { char: context.char } : {}),
            },
          }
        : {}),
      ...(aligned !== '' ? { aligned } : {}),
    },
    batch.dict,
  );
}

/** The pair (0-based id) an element of the reader stands in, or null. */
export function pairOf(el: Element): number | null {
  const id = Number(el.closest<HTMLElement>('.pair')?.dataset.pair);
  return Number.isInteger(id) ? id : null;
}

/**
 * Watches the reader's passages and asks for each one's batch as it comes within AHEAD of the
 * viewport, including passages drawn later (the rest of the document arrives after the first
 * view; a script switch redraws them). Returns the function that stops watching.
 */
export function watchPassages(doc: string): () => void {
  const seen = new WeakSet<Element>();
  const intersection = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        const pair = pairOf(entry.target);
        if (pair !== null) requestPassage(doc, pair);
        intersection.unobserve(entry.target);
      }
    },
    { rootMargin: AHEAD },
  );
  const observe = (root: ParentNode) => {
    for (const el of root.querySelectorAll('.pair[data-pair]')) {
      if (seen.has(el)) continue;
      seen.add(el);
      intersection.observe(el);
    }
  };
  observe(document);
  // Passages are the children of the list of pairs: watching that list alone, not its subtree,
  // keeps the reading aids (which redraw words all the time) from waking this up.
  const list = document.querySelector('.reader .pairs');
  const reader = list ?? document.querySelector('.reader') ?? document.body;
  const mutations = new MutationObserver((records) => {
    const drawn = records.some((r) =>
      [...r.addedNodes].some((n) => n instanceof Element && (n.matches('.pair') || n.querySelector('.pair'))),
    );
    if (drawn) observe(reader);
  });
  mutations.observe(reader, { childList: true, subtree: list === null });
  return () => {
    intersection.disconnect();
    mutations.disconnect();
  };
}
