'use client';

import { useCallback, useRef, useState } from 'react';
import type { GlossApiAnswer } from '@/app/api/_types';
import { localAnswer } from './gloss-batch-cache';
import type { Context } from './gloss-dom';

export type Lookup = { state: 'loading' } | { state: 'done'; answer: GlossApiAnswer } | { state: 'failed' };

async function fetchGloss(key: string, context: Context | null, aligned: string): Promise<GlossApiAnswer> {
  const tapped = context?.char !== undefined ? `&c=${context.char}` : '';
  const english = aligned === '' ? '' : `&en=${encodeURIComponent(aligned)}`;
  const query = `w=${encodeURIComponent(key)}${context ? `&ctx=${encodeURIComponent(context.ctx)}&at=${context.at}${tapped}` : ''}${english}`;
  const response = await fetch(`/api/gloss?${query}`);
  // A key the API refuses (a headword with a digit or a dot) is simply not glossable.
  if (response.status === 400) return { word: key, entries: [], around: [], inside: [] };
  if (!response.ok) throw new Error(`gloss ${response.status}`);
  return (await response.json()) as GlossApiAnswer;
}

const cacheKeyOf = (key: string, context: Context | null, aligned: string) =>
  (context ? `${key}\u0000${context.at}\u0000${context.char ?? ''}\u0000${context.ctx}` : key) + `\u0000${aligned}`;

/**
 * The dictionary lookup of the entry shown: answered at once from the passage's batch when it has
 * arrived (gloss-batch-cache.ts), else one request per word, context and aligned English for the
 * page's life; an answer already here shown at once (going back never flashes "Looking up…"), and
 * a slow answer never landing on a later view.
 */
export function useGlossLookup(doc: string) {
  const [lookup, setLookup] = useState<Lookup>({ state: 'loading' });
  const pending = useRef(new Map<string, Promise<GlossApiAnswer>>());
  const answers = useRef(new Map<string, GlossApiAnswer>());
  // Which view a lookup answers.
  const viewId = useRef(0);

  /** The request for a word in its context: the one already made, or a new one. */
  const requestFor = useCallback((key: string, context: Context | null, aligned: string): Promise<GlossApiAnswer> => {
    const cacheKey = cacheKeyOf(key, context, aligned);
    let request = pending.current.get(cacheKey);
    if (!request) {
      request = fetchGloss(key, context, aligned);
      pending.current.set(cacheKey, request);
      request.then(
        (answer) => answers.current.set(cacheKey, answer),
        () => pending.current.delete(cacheKey),
      );
    }
    return request;
  }, []);

  /**
   * `aligned`: the English the word is aligned with in the translation, whose sense goes first.
   * `quiet`: the entry shown stays until the new answer replaces it (the same word again, its
   * senses reordered), so nothing the reader is about to click goes away meanwhile.
   * `pair`: the pair the word stands in, whose batch may answer.
   */
  const load = useCallback(
    (key: string, context: Context | null, pair: number | null, aligned = '', quiet = false) => {
      const id = ++viewId.current;
      const cacheKey = cacheKeyOf(key, context, aligned);
      const known = answers.current.get(cacheKey) ?? localAnswer(doc, pair, key, context, aligned);
      if (known) {
        answers.current.set(cacheKey, known);
        setLookup({ state: 'done', answer: known });
        return;
      }
      const request = requestFor(key, context, aligned);
      if (!quiet) setLookup({ state: 'loading' });
      request.then(
        (answer) => {
          if (viewId.current === id) setLookup({ state: 'done', answer });
        },
        () => {
          if (viewId.current === id) setLookup({ state: 'failed' });
        },
      );
    },
    [requestFor, doc],
  );

  /**
   * Looks a word up before it is opened (a finger or button is down on it): a tap takes a tenth
   * of a second from touch to click, which the answer spends on its way (or being computed from the
   * passage's batch) instead of after.
   */
  const prefetch = useCallback(
    (key: string, context: Context | null, pair: number | null, aligned = '') => {
      const cacheKey = cacheKeyOf(key, context, aligned);
      if (answers.current.has(cacheKey)) return;
      // Computed now, between finger down and the click, which then finds it here.
      const local = localAnswer(doc, pair, key, context, aligned);
      if (local) answers.current.set(cacheKey, local);
      else void requestFor(key, context, aligned).catch(() => undefined);
    },
    [requestFor, doc],
  );

  /** The popover closed: an answer still on its way is dropped. */
  const cancel = useCallback(() => {
    viewId.current++;
  }, []);

  return { lookup, load, prefetch, cancel };
}
