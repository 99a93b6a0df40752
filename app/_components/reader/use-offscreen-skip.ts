'use client';

import { useLayoutEffect, type RefObject } from 'react';

/** The attribute on the reader's root that lets pairs off screen skip layout (reader.css). */
const SKIP = 'skip';

/**
 * Lets pairs off screen skip layout, paint and hit testing (`content-visibility: auto`, switched on
 * by `data-skip` on the reader's root, reader.css): the longest document is 16,000 elements, and
 * without it every tap lays out and hit-tests all of them (a popover's placement, a class change).
 *
 * A skipped pair takes its last remembered size (`contain-intrinsic-size: auto`, which Chromium
 * records whenever the pair is laid out, skipping or not), so the page's height and every pair's
 * place stay exact: a deep link, `j`/`k` or the contents land on their pair. That holds only while
 * the remembered sizes are true, so whenever something may change the size of pairs off screen (the
 * pairs drawn, the script, the reading aids, the text size, printing; `layoutKey` changes with each)
 * skipping is off for one frame, in which every pair is laid out once and its size remembered, as
 * the page did for every such change before skipping existed. Aids drawn on pairs coming near the
 * viewport do not count: those pairs are on screen (and measured) before the reader sees them.
 */
export function useOffscreenSkip(rootRef: RefObject<HTMLElement | null>, layoutKey: unknown): void {
  useLayoutEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    delete root.dataset[SKIP];
    let second = 0;
    // The first callback runs before the next frame's layout, the second after it (and after the
    // sizes it measured were remembered).
    const first = window.requestAnimationFrame(() => {
      second = window.requestAnimationFrame(() => {
        root.dataset[SKIP] = '';
      });
    });
    return () => {
      window.cancelAnimationFrame(first);
      window.cancelAnimationFrame(second);
    };
  }, [rootRef, layoutKey]);
}
