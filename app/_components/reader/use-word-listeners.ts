'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useRef, type RefObject } from 'react';
import { STATUS_KEYS } from '@/lib/learner/known-words';
import { setWordStatus } from '@/lib/learner/known-words-store';
import { charAt, tabbables, WORD } from './gloss-dom';
import type { PopoverStore } from './popover-store';
import { useStatusChanged } from './WordStatusBar';

const HOVER_DELAY = 300;
/** Only a mouse-like pointer hovers; on touch a tap opens the word. */
const HOVER_MEDIA = '(hover: hover) and (pointer: fine)';
/**
 * A touch on a word that lifts this soon and this near where it went down is a tap, and opens the
 * word as the finger lifts; anything longer or further (a long-press, a scroll, a selection) is the
 * browser's. Chromium's own tap slop is about 15 px in device pixels, its long-press 500 ms.
 */
const TAP_MAX_MS = 500;
const TAP_SLOP_PX = 10;

/** Runs `fn` once the next frame has been painted (a task queued from that frame's animation callback). */
function afterPaint(fn: () => void): void {
  window.requestAnimationFrame(() => window.setTimeout(fn));
}

interface Handlers {
  store: PopoverStore;
  popoverRef: RefObject<HTMLDivElement | null>;
  /** A word being refocused after closing must not reopen from its own focus event. */
  refocusing: RefObject<HTMLElement | null>;
  show: (el: HTMLElement, byHover?: boolean, char?: number | null) => void;
  /** A pointer went down on a word (the click that opens it follows). */
  press: (el: HTMLElement, char: number | null) => void;
  close: (refocus: boolean) => void;
  /** Says something to screen readers (and shows it briefly). */
  announce: (message: string) => void;
}

/**
 * The popover's listeners on the document (event delegation: the thousands of word spans carry
 * no handlers). A word opens on click, tap, focus, Enter or Space, and with a mouse also by
 * resting on it; the arrow keys move a roving focus between words; Tab enters the popover and
 * leaves it where the word is; Escape and a click outside close it; a status key sets the shown
 * word's status.
 */
export function useWordListeners({ store, popoverRef, refocusing, show, press, close, announce }: Handlers): void {
  // Roving focus: exactly one word is in the tab order, so Tab enters and leaves the text once.
  // Words carry no tabindex in the HTML; the one that becomes current gets it here.
  // The words given it are remembered, so a tap does not search the whole page for them.
  const holders = useRef(new Set<HTMLElement>());
  const makeCurrent = useCallback((el: HTMLElement) => {
    for (const w of holders.current) if (w !== el) w.removeAttribute('tabindex');
    holders.current.clear();
    el.tabIndex = 0;
    holders.current.add(el);
  }, []);
  const focusWord = useCallback(
    (el: HTMLElement) => {
      makeCurrent(el);
      el.focus();
    },
    [makeCurrent],
  );
  const linkCopied = useTranslations('Reader')('linkCopied');
  const statusChanged = useStatusChanged();

  useEffect(() => {
    const first = document.querySelector<HTMLElement>(WORD);
    if (first) {
      first.tabIndex = 0;
      holders.current.add(first);
    }
    // A hover still waiting to open a word is dropped when the reader closes the popover (Escape
    // with the mouse resting on the word must not bring it back).
    let timer: number | undefined;
    // The character under the pointer when it went down on a word: the click that follows reuses
    // it instead of measuring the word's characters again (each measure may lay out the page).
    let pressed: { word: HTMLElement; char: number | null } | null = null;
    // A finger down on a word, until it lifts: whether it was a tap.
    let touch: { id: number; word: HTMLElement; x: number; y: number; at: number } | null = null;
    // The word a tap just opened, whose touchend is cancelled (see onPointerUp).
    let tapped: HTMLElement | null = null;
    const dismiss = (refocus: boolean) => {
      window.clearTimeout(timer);
      close(refocus);
    };

    /**
     * A click or a tap on a word opens it, with the character under the pointer. Focus follows, so
     * the arrow keys continue from the word just read.
     */
    const openAt = (word: HTMLElement, x: number, y: number, tap = false) => {
      const down = pressed;
      pressed = null;
      // Opened first, with the character clicked: the focus that follows would open it without.
      show(word, false, down?.word === word ? down.char : charAt(word, x, y));
      if (document.activeElement === word) return;
      // A mouse press has already moved focus to the word's pair (focusable for j / k), which
      // unmarked the sentence sentence sync had marked: focusing the word now marks it again before
      // the popover is placed off it. A tap makes no mouse press and moves no focus, so its focus
      // waits until the entry has been painted: focusing brings the page's style and layout up to
      // date and moving the tab stop restyles two words, a few ms of a phone's main thread the
      // reader would otherwise wait for. Only while that word is still the one open (Escape in
      // between gives focus back itself).
      if (!tap) {
        focusWord(word);
        return;
      }
      afterPaint(() => {
        if (store.get().open?.el === word && word.isConnected && document.activeElement !== word) {
          makeCurrent(word);
          word.focus({ preventScroll: true });
        }
      });
    };

    const onClick = (event: MouseEvent) => {
      const target = event.target as Element | null;
      const word = target?.closest<HTMLElement>(WORD);
      if (word) {
        // A tap opened it already (its touchend could not be cancelled, so the click came anyway).
        if (word === tapped) {
          tapped = null;
          return;
        }
        openAt(word, event.clientX, event.clientY);
        return;
      }
      pressed = null;
      const pairLink = target?.closest<HTMLAnchorElement>('a.pair-link');
      if (pairLink) {
        // Following the anchor marks the pair; copying the link is a convenience on top.
        navigator.clipboard?.writeText(pairLink.href).then(
          () => announce(linkCopied),
          () => undefined,
        );
      }
      // The path as dispatched: a nested word's button is already gone from the popover when
      // this runs (React re-rendered on its click), so `contains` would call it outside.
      if (popoverRef.current && event.composedPath().includes(popoverRef.current)) {
        // Working in the popover keeps it open even if a hover opened it.
        const { open } = store.get();
        if (open?.byHover) store.set({ open: { ...open, byHover: false } });
        return;
      }
      dismiss(false);
    };
    const onFocusIn = (event: FocusEvent) => {
      const target = event.target as Element | null;
      const word = target?.closest<HTMLElement>(WORD);
      if (!word) {
        // Focus went elsewhere (Tab out of the text): the popover belongs to a word, so it goes.
        if (!(popoverRef.current && target && popoverRef.current.contains(target))) dismiss(false);
        return;
      }
      if (word === refocusing.current) return;
      makeCurrent(word);
      show(word);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Tab' && tabIntoPopover(event)) return;
      const { open, trail } = store.get();
      if (event.key === 'Escape') {
        if (open) {
          event.preventDefault();
          dismiss(true);
        }
        return;
      }
      // A status key sets the status of the word shown (the open word, or one followed from it).
      const status = Object.hasOwn(STATUS_KEYS, event.key) ? STATUS_KEYS[event.key] : undefined;
      if (
        open &&
        status !== undefined &&
        !event.ctrlKey &&
        !event.metaKey &&
        !event.altKey &&
        !(event.target as Element | null)?.closest?.('input, textarea, select')
      ) {
        event.preventDefault();
        const followed = trail[trail.length - 1];
        const target = followed ? followed.word : open.simplified;
        if (setWordStatus(target, status)) announce(statusChanged(target, status));
        return;
      }
      const word = (event.target as Element | null)?.closest<HTMLElement>(WORD);
      if (!word) return;
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        show(word);
      } else if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
        const words = [...document.querySelectorAll<HTMLElement>(WORD)];
        const next = words[words.indexOf(word) + (event.key === 'ArrowRight' ? 1 : -1)];
        if (next) {
          event.preventDefault();
          focusWord(next);
        }
      }
    };
    // The popover sits at the end of the page (a portal), so Tab would skip it: Tab from the open
    // word enters it, Shift+Tab from its first control returns to the word, and Tab from its last
    // control closes it and goes on to what follows the word in the page.
    const tabIntoPopover = (event: KeyboardEvent): boolean => {
      const current = store.get().open;
      const pop = popoverRef.current;
      if (!current || !pop) return false;
      const items = tabbables(pop);
      const first = items[0];
      const last = items[items.length - 1];
      let target: HTMLElement | undefined;
      if (event.target === current.el && !event.shiftKey) target = first;
      else if (event.target === first && event.shiftKey) {
        refocusing.current = current.el;
        target = current.el;
      } else if (event.target === last && !event.shiftKey) {
        target = tabbables(document).find(
          (el) =>
            !pop.contains(el) && (current.el.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0,
        );
        dismiss(false);
      }
      if (!target) return false;
      event.preventDefault();
      target.focus();
      refocusing.current = null;
      return true;
    };
    // Hover: a mouse resting on a word opens it, without moving focus. It never replaces a
    // popover the reader clicked, focused or worked in.
    const hover = window.matchMedia(HOVER_MEDIA);
    let hovered: HTMLElement | null = null;
    const onPointerOver = (event: PointerEvent) => {
      if (event.pointerType !== 'mouse' || !hover.matches) return;
      const word = (event.target as Element | null)?.closest<HTMLElement>(WORD) ?? null;
      if (word === hovered) return;
      hovered = word;
      window.clearTimeout(timer);
      if (!word) return;
      const { clientX, clientY } = event;
      timer = window.setTimeout(() => {
        const current = store.get().open;
        if (hovered === word && (current === null || current.byHover)) show(word, true, charAt(word, clientX, clientY));
      }, HOVER_DELAY);
    };
    const onPointerDown = (event: PointerEvent) => {
      if (!event.isPrimary || event.button !== 0) return;
      const word = (event.target as Element | null)?.closest<HTMLElement>(WORD);
      if (!word) return;
      pressed = { word, char: charAt(word, event.clientX, event.clientY) };
      tapped = null;
      touch =
        event.pointerType === 'touch'
          ? { id: event.pointerId, word, x: event.clientX, y: event.clientY, at: event.timeStamp }
          : null;
      press(word, pressed.char);
    };
    // A tap opens its word as the finger lifts, and its touchend is cancelled: Chromium then makes
    // no mouse events and no click of it (mouseover, mousemove, mousedown, mouseup: hover styles,
    // hit tests and listeners, about 17 ms on a phone before the click). Pointer events come
    // before the touch events of the same touch, so the tap is known when touchend arrives.
    const onPointerUp = (event: PointerEvent) => {
      const down = touch;
      touch = null;
      if (!down || event.pointerId !== down.id) return;
      const moved = Math.hypot(event.clientX - down.x, event.clientY - down.y);
      if (event.timeStamp - down.at > TAP_MAX_MS || moved > TAP_SLOP_PX) return;
      // A word inside a link keeps the link's own tap (the click that follows it).
      if (down.word.closest('a[href]')) return;
      // A tap also ends a selection, as the click would have.
      const selection = document.getSelection();
      if (selection && !selection.isCollapsed) selection.removeAllRanges();
      tapped = down.word;
      openAt(down.word, event.clientX, event.clientY, true);
    };
    // The browser took the touch over (a scroll, a pinch): no tap.
    const onPointerCancel = () => {
      touch = null;
    };
    const onTouchEnd = (event: TouchEvent) => {
      if (!tapped || !event.cancelable) return;
      event.preventDefault();
      tapped = null;
    };
    document.addEventListener('pointerdown', onPointerDown, { passive: true });
    document.addEventListener('pointerup', onPointerUp, { passive: true });
    document.addEventListener('pointercancel', onPointerCancel, { passive: true });
    // Not passive: it cancels a tap's touchend. A touchend listener never holds up scrolling.
    document.addEventListener('touchend', onTouchEnd, { passive: false });
    document.addEventListener('click', onClick);
    document.addEventListener('focusin', onFocusIn);
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('pointerover', onPointerOver);
    return () => {
      window.clearTimeout(timer);
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('pointerup', onPointerUp);
      document.removeEventListener('pointercancel', onPointerCancel);
      document.removeEventListener('touchend', onTouchEnd);
      document.removeEventListener('click', onClick);
      document.removeEventListener('focusin', onFocusIn);
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('pointerover', onPointerOver);
    };
  }, [store, popoverRef, refocusing, show, press, close, announce, focusWord, makeCurrent, linkCopied, statusChanged]);
}
