'use client';

import { useCallback, useEffect, useRef, useState, useSyncExternalStore, type RefObject } from 'react';
import { pairAnchor, pairOfHash } from './lang';
import { positionStore } from './settings-store';

/** Pixels the sticky toolbar covers at the top of the window. */
const TOOLBAR_SPACE = 80;

/** The first pair whose bottom is below the sticky toolbar: where the reader is. */
export function topmostPair(root: HTMLElement): number | null {
  const top = [...root.querySelectorAll<HTMLElement>('.pair')].find(
    (el) => el.getBoundingClientRect().bottom > TOOLBAR_SPACE,
  );
  const id = top ? Number(top.dataset.pair) : NaN;
  return Number.isInteger(id) ? id : null;
}

/** Where reading starts: a deep link (#p-N), else the pair this document was left at. */
interface Start {
  target: number;
  fromHash: boolean;
}

function readStart(docId: string): Start | null {
  const fromHash = pairOfHash(window.location.hash);
  if (fromHash !== null) return { target: fromHash, fromHash: true };
  const saved = positionStore.get()[docId];
  return saved !== undefined && saved > 0 ? { target: saved, fromHash: false } : null;
}

/** Unknown on the server and while hydrating (no hash, no stored position there). */
const unknownOnServer = () => undefined;

/**
 * The start, read once per mounted reader, when it has mounted: after a client-side navigation
 * the address (and its #p-N) is the new page's only by then. A later #p-N link moves within the
 * page and does not start it again. An external store, so the first client render matches the
 * server's HTML and no effect sets state.
 */
function useStart(docId: string): Start | null | undefined {
  const [store] = useState(() => {
    let start: Start | null | undefined;
    return {
      // React subscribes once the reader has mounted: the moment to read where it starts.
      subscribe(changed: () => void) {
        if (start === undefined) {
          start = readStart(docId);
          changed();
        }
        return () => undefined;
      },
      get: () => start,
    };
  });
  return useSyncExternalStore(store.subscribe, store.get, unknownOnServer);
}

/**
 * The reader's place: the current pair (the one the keys move from), the start of reading (a deep
 * link, or where the document was left, with a note saying so), and the position remembered as
 * the reader scrolls. The start applies once its pair is drawn: the first view, or the rest once
 * fetched.
 */
export function useReadingPosition(
  docId: string,
  rootRef: RefObject<HTMLElement | null>,
  { drawnCount, initialCount, complete }: { drawnCount: number; initialCount: number; complete: boolean },
) {
  const start = useStart(docId);
  const [chosen, setCurrent] = useState<number | null>(null);
  const [resumeDismissed, setResumeDismissed] = useState(false);
  const startDrawn = start != null && start.target < drawnCount;
  const current = chosen ?? (startDrawn ? start.target : null);
  const resumed = startDrawn && !start.fromHash && !resumeDismissed ? start.target : null;

  const goTo = useCallback((id: number, focus: boolean) => {
    const el = document.getElementById(pairAnchor(id));
    if (!el) return false;
    setCurrent(id);
    el.scrollIntoView({ block: 'start' });
    if (focus) el.focus({ preventScroll: true });
    return true;
  }, []);

  // Scrolls to the start once its pair is drawn. Until then the position is not saved, so that
  // the first view's scroll never overwrites the place being resumed.
  const placed = useRef(false);
  useEffect(() => {
    if (placed.current || start === undefined) return;
    if (start === null) {
      placed.current = true;
      return;
    }
    if (start.target >= drawnCount && !complete) return;
    placed.current = true;
    if (start.target >= drawnCount) return;
    // The browser scrolled already when a linked pair was in the HTML; a fetched one needs help.
    if (!start.fromHash || start.target >= initialCount)
      document.getElementById(pairAnchor(start.target))?.scrollIntoView({ block: 'start' });
  }, [start, drawnCount, complete, initialCount]);

  // Remember the topmost pair in view, a moment after scrolling stops.
  useEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    let timer: number | undefined;
    const save = () => {
      const id = topmostPair(root);
      if (id !== null && placed.current && positionStore.get()[docId] !== id)
        positionStore.set((p) => ({ ...p, [docId]: id }));
    };
    const onScroll = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(save, 400);
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      window.removeEventListener('scroll', onScroll);
      window.clearTimeout(timer);
    };
  }, [docId, rootRef]);

  return { current, setCurrent, goTo, resumed, dismissResume: () => setResumeDismissed(true) };
}
