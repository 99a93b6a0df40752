'use client';

import { useCallback, useEffect, useLayoutEffect, useState, type RefObject } from 'react';
import type { Open } from './gloss-dom';
import { placePopover } from './placement';

const GAP = 6;
const MARGIN = 8;

export interface Position {
  top: number;
  left: number;
  above: boolean;
}

/**
 * Where the popover goes (page coordinates), measured after layout and before paint since it
 * needs the popover's rendered size: again whenever its content changes (the lookup, the trail) and when the
 * window is resized. Null until placed for the open word, so a new word never shows at the old
 * word's place.
 */
export function usePopoverPlacement(
  open: Open | null,
  popoverRef: RefObject<HTMLDivElement | null>,
  lookup: unknown,
  trail: unknown,
): Position | null {
  const [placed, setPlaced] = useState<(Position & { el: HTMLElement }) | null>(null);

  const place = useCallback(() => {
    const pop = popoverRef.current;
    if (!open || !pop) return;
    const word = open.el.getBoundingClientRect();
    const { offsetHeight: height, offsetWidth: width } = pop;
    // The English sentence(s) sentence sync marked for this word's sentence stay in view.
    const synced = [...(open.el.closest('.pair')?.querySelectorAll<HTMLElement>('.es.synced') ?? [])].map((el) =>
      el.getBoundingClientRect(),
    );
    const at = placePopover(
      word,
      { width, height },
      { width: window.innerWidth, height: window.innerHeight },
      synced,
      GAP,
      MARGIN,
    );
    setPlaced({ el: open.el, top: at.top + window.scrollY, left: at.left + window.scrollX, above: at.above });
  }, [open, popoverRef]);

  useLayoutEffect(() => {
    if (open) place();
  }, [open, lookup, trail, place]);

  useEffect(() => {
    if (!open) return;
    window.addEventListener('resize', place);
    return () => window.removeEventListener('resize', place);
  }, [open, place]);

  return placed && open && placed.el === open.el ? placed : null;
}
