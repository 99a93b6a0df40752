'use client';

import { startTransition, useEffect, useState } from 'react';
import type { ReaderAnswer, ReaderGlossesAnswer, ReaderWordsAnswer } from '@/app/api/_types';
import type { TraditionalScript } from '@/lib/learner/settings';
import type { ViewPair } from '@/lib/reader/view';

/** The reader's data beyond the page's HTML, from the reader APIs (app/api/reader). */

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return (await response.json()) as T;
}

const readerUrl = (docId: string, from: number, script?: TraditionalScript) =>
  `/api/reader?doc=${encodeURIComponent(docId)}&from=${from}${script ? `&script=${script}` : ''}`;

/** Every pair of the document: the first view from the HTML, the rest in one request once it is up. */
export function useDocumentPairs(
  docId: string,
  initial: ViewPair[],
  total: number,
): { pairs: ViewPair[]; failed: boolean } {
  const [pairs, setPairs] = useState<ViewPair[]>(initial);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (initial.length >= total) return;
    let cancelled = false;
    getJson<ReaderAnswer>(readerUrl(docId, initial.length)).then(
      (body) => {
        if (!cancelled) startTransition(() => setPairs([...initial, ...body.pairs]));
      },
      () => {
        if (!cancelled) setFailed(true);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [docId, initial, total]);
  return { pairs, failed };
}

/**
 * The pairs to draw: as written, or in a traditional standard the document is not written in,
 * converted on the server (OpenCC's tables stay out of the page) and fetched whole when picked.
 */
export function useScriptPairs(
  docId: string,
  script: TraditionalScript | null,
  pairs: ViewPair[],
): { drawn: ViewPair[]; failed: boolean } {
  const [converted, setConverted] = useState<{ script: TraditionalScript; pairs: ViewPair[] } | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (script === null || converted?.script === script) return;
    let cancelled = false;
    getJson<ReaderAnswer>(readerUrl(docId, 0, script)).then(
      (body) => {
        if (!cancelled) startTransition(() => setConverted({ script, pairs: body.pairs }));
      },
      () => {
        if (!cancelled) setFailed(true);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [script, converted, docId]);
  return { drawn: script !== null && converted?.script === script ? converted.pairs : pairs, failed };
}

/** An answer fetched the first time it is wanted and kept after (a reading aid turned on). */
function useFetchedOnce<T>(url: string, wanted: boolean): T | null {
  const [body, setBody] = useState<T | null>(null);
  useEffect(() => {
    if (!wanted || body !== null) return;
    let cancelled = false;
    getJson<T>(url).then(
      (answer) => {
        if (!cancelled) setBody(answer);
      },
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [wanted, body, url]);
  return body;
}

/** Interlinear glosses of the document's words, fetched the first time the mode is on. */
export function useInterlinearGlosses(docId: string, wanted: boolean): ReaderGlossesAnswer['glosses'] | null {
  return (
    useFetchedOnce<ReaderGlossesAnswer>(`/api/reader/glosses?doc=${encodeURIComponent(docId)}`, wanted)?.glosses ?? null
  );
}

/** HSK 3.0 levels of the document's words, fetched the first time that standard is chosen. */
export function useHsk3Levels(docId: string, wanted: boolean): ReaderWordsAnswer['words'] | null {
  return useFetchedOnce<ReaderWordsAnswer>(`/api/reader/words?doc=${encodeURIComponent(docId)}`, wanted)?.words ?? null;
}
