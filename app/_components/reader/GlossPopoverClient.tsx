'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { NestedWord } from '@/lib/store/gloss';
import {
  alignedEnglishNow,
  clearCounterpart,
  markChineseAt,
  markCounterpart,
  markCounterpartNow,
  prefetchLinks,
} from './counterpart';
import { GlossCard } from './GlossCard';
import { pairOf, requestPassage, watchPassages } from './gloss-batch-cache';
import { wordOf, type Open } from './gloss-dom';
import { usePopoverStore } from './popover-store';
import { usePopoverWarmUp, WARM_UP_ANSWER } from './popover-warmup';
import { useGlossLookup } from './use-gloss-lookup';
import { usePopoverPlacement } from './use-popover-placement';
import { useWordListeners } from './use-word-listeners';

/**
 * The dictionary popover of the reader. One instance per page; it listens on the document
 * (use-word-listeners.ts), so the thousands of word spans carry no handlers. It is placed below
 * the word, or above when the word is near the bottom of the viewport, and never over it
 * (use-popover-placement.ts). The words around and inside the word open in the same popover, with
 * a button back. Which word is open and the trail followed from it live in one store
 * (popover-store.ts); the lookup in use-gloss-lookup.ts; the popover's content in GlossCard.tsx.
 */
export function GlossPopoverClient({
  doc,
}: {
  /** The document being read: saved words name it as their source. */
  doc: { id: string; title: string };
}) {
  const [{ open, trail }, store] = usePopoverStore();
  const { lookup, load, prefetch, cancel } = useGlossLookup(doc.id);
  // The English the open word is aligned with, for its lookups (see counterpart.ts).
  const aligned = useRef('');
  const [status, setStatus] = useState('');
  const popoverRef = useRef<HTMLDivElement>(null);
  // A word being refocused after closing must not reopen from its own focus event.
  const refocusing = useRef<HTMLElement | null>(null);
  // Where focus goes once the entry just navigated to has rendered: the back button, or the
  // nested word the reader came back from.
  const focusAfter = useRef<{ back: true } | { word: string } | null>(null);
  // The word a pointer went down on, as `press` read it from the page: the tap or click that
  // follows opens it without walking its sentence again.
  const pressed = useRef<{ el: HTMLElement; char: number | null; word: Open } | null>(null);

  const show = useCallback(
    (el: HTMLElement, byHover = false, char: number | null = null) => {
      const { open: current, trail: followed } = store.get();
      // Another character of the open word: its words are listed afresh.
      const sameChar =
        char === null || current?.context?.char === undefined || current.context.char - current.context.at === char;
      if (current?.el === el && sameChar) {
        // Clicked or focused after a hover: it stays until closed. Back to the word itself.
        if (!byHover && current.byHover) store.set({ open: { ...current, byHover: false } });
        if (!byHover && followed.length > 0) {
          store.set({ trail: [] });
          load(current.key, current.context, pairOf(el), aligned.current);
        }
        return;
      }
      const down = pressed.current;
      pressed.current = null;
      const word = down?.el === el && down.char === char ? { ...down.word, byHover } : wordOf(el, byHover, char);
      current?.el.classList.remove('w-active');
      el.classList.add('w-active');
      store.set({ open: word, trail: [] });
      // The English aligned with the word is marked, and chooses the sense shown first. Links not
      // here yet (the first word, right after the page loaded) never delay the entry: it shows in
      // CC-CEDICT's order and is looked up again with the sense once they arrive, if still open.
      const known = markCounterpartNow(el, doc.id);
      aligned.current = known ?? '';
      load(word.key, word.context, pairOf(el), aligned.current);
      if (known !== undefined) return;
      void markCounterpart(el, doc.id).then((english) => {
        const now = store.get();
        if (now.open?.el !== el || english === '') return;
        aligned.current = english;
        if (now.trail.length === 0) load(word.key, word.context, pairOf(el), english, true);
      });
    },
    [store, load, doc.id],
  );

  const close = useCallback(
    (refocus: boolean) => {
      const current = store.get().open;
      if (!current) return;
      current.el.classList.remove('w-active');
      clearCounterpart();
      cancel();
      store.set({ open: null, trail: [] });
      if (refocus) {
        refocusing.current = current.el;
        current.el.focus({ preventScroll: true });
        refocusing.current = null;
      }
    },
    [store, cancel],
  );

  // One function for the card's lifetime, so its memoised content is not drawn again for it.
  const closeAndRefocus = useCallback(() => close(true), [close]);

  /** Opens a nested word's entry in place, in the open word's sentence when it stands there. */
  const follow = useCallback(
    (w: NestedWord) => {
      const { open: current, trail: followed } = store.get();
      if (!current) return;
      focusAfter.current = { back: true };
      store.set({
        open: current.byHover ? { ...current, byHover: false } : current,
        trail: [...followed, { word: w.word, pinyin: w.pinyin, at: w.at }],
      });
      load(
        w.word,
        current.context && w.at !== undefined ? { ctx: current.context.ctx, at: w.at } : null,
        pairOf(current.el),
      );
    },
    [store, load],
  );

  const goBack = useCallback(() => {
    const { open: current, trail: followed } = store.get();
    if (!current || followed.length === 0) return;
    const left = followed[followed.length - 1];
    const rest = followed.slice(0, -1);
    const previous = rest[rest.length - 1];
    focusAfter.current = left ? { word: left.word } : null;
    store.set({ trail: rest });
    if (previous) {
      load(
        previous.word,
        current.context && previous.at !== undefined ? { ctx: current.context.ctx, at: previous.at } : null,
        pairOf(current.el),
      );
    } else load(current.key, current.context, pairOf(current.el), aligned.current);
  }, [store, load]);

  /** A pointer is down on a word: its lookup starts now, the popover opens on the click. */
  const press = useCallback(
    (el: HTMLElement, char: number | null) => {
      const word = wordOf(el, false, char);
      pressed.current = { el, char, word };
      const pair = pairOf(el);
      if (pair !== null) requestPassage(doc.id, pair);
      prefetch(word.key, word.context, pair, alignedEnglishNow(el, doc.id) ?? '');
    },
    [prefetch, doc.id],
  );

  useWordListeners({ store, popoverRef, refocusing, show, press, close, announce: setStatus });

  // The word links and the dictionary of the passages in view, once the page is idle: the first
  // word opened then has them at once.
  useEffect(() => {
    let stop = () => undefined as void;
    const start = () => {
      prefetchLinks(doc.id);
      stop = watchPassages(doc.id);
    };
    if (typeof window.requestIdleCallback !== 'function') {
      start();
      return () => stop();
    }
    const id = window.requestIdleCallback(start, { timeout: 3000 });
    return () => {
      window.cancelIdleCallback(id);
      stop();
    };
  }, [doc.id]);

  // A mouse resting on an English word marks the Chinese words aligned with it, unless a word was
  // opened on purpose (clicked, tapped, focused: its marks stay its own). One look per frame at most.
  useEffect(() => {
    let frame = 0;
    let marked = false;
    const onMove = (event: MouseEvent) => {
      const open = store.get().open;
      if (frame !== 0 || (open && !open.byHover)) return;
      const { clientX, clientY, target } = event;
      frame = window.requestAnimationFrame(() => {
        frame = 0;
        const overEnglish = target instanceof Element && target.closest('.cell-en') !== null;
        if (overEnglish) marked = markChineseAt(clientX, clientY, doc.id);
        else if (marked) {
          clearCounterpart();
          marked = false;
        }
      });
    };
    document.addEventListener('mousemove', onMove, { passive: true });
    return () => {
      document.removeEventListener('mousemove', onMove);
      window.cancelAnimationFrame(frame);
    };
  }, [store, doc.id]);
  const position = usePopoverPlacement(open, popoverRef, lookup, trail);
  const warm = usePopoverWarmUp(store);
  const warmRef = useRef<HTMLDivElement>(null);

  // After following a word or coming back, focus lands on the back button or on the word left,
  // once the entry has rendered, so keyboard readers keep their place.
  useEffect(() => {
    const want = focusAfter.current;
    const pop = popoverRef.current;
    if (!want || !pop || lookup.state === 'loading') return;
    focusAfter.current = null;
    const target =
      'back' in want
        ? pop.querySelector<HTMLElement>('.gloss-back')
        : [...pop.querySelectorAll<HTMLElement>('.gloss-nested-word')].find((b) => b.dataset.word === want.word);
    (target ?? pop.querySelector<HTMLElement>('.gloss-close'))?.focus({ preventScroll: true });
  }, [lookup, trail]);

  useEffect(() => {
    if (status === '') return;
    const timer = window.setTimeout(() => setStatus(''), 2500);
    return () => window.clearTimeout(timer);
  }, [status]);

  const live = (
    <div className="sr-status" role="status" aria-live="polite">
      {status}
    </div>
  );
  if (!open) {
    if (!warm) return live;
    return (
      <>
        {live}
        {createPortal(
          <GlossCard
            open={warm}
            trail={[]}
            lookup={{ state: 'done', answer: WARM_UP_ANSWER }}
            position={null}
            popoverRef={warmRef}
            doc={doc}
            onBack={() => undefined}
            onClose={() => undefined}
            onFollow={() => undefined}
            onStatus={() => undefined}
            warmUp
          />,
          document.body,
        )}
      </>
    );
  }
  return (
    <>
      {live}
      {createPortal(
        <GlossCard
          open={open}
          trail={trail}
          lookup={lookup}
          position={position}
          popoverRef={popoverRef}
          doc={doc}
          onBack={goBack}
          onClose={closeAndRefocus}
          onFollow={follow}
          onStatus={setStatus}
        />,
        document.body,
      )}
    </>
  );
}
