'use client';

import { useEffect, useState } from 'react';
import type { GlossApiAnswer } from '@/app/api/_types';
import { WORD, type Open } from './gloss-dom';
import type { PopoverStore } from './popover-store';

/**
 * What the popover draws once, hidden, before any word is opened: every part the card can show
 * (a word written in traditional with its simplified form, pinyin with tone marks, an HSK badge,
 * entries with both forms, a chosen sense, the corpus's renderings, words around, covering and
 * inside it) in every language it tags (zh-Hans, zh-Hant, zh-Latn-pinyin, en), so the fonts,
 * sizes and weights a real entry uses are all looked up. Never shown, never read by anyone.
 */
export const WARM_UP_ANSWER: GlossApiAnswer = {
  word: '国家',
  hsk: 3,
  entries: [
    {
      simplified: '国家',
      traditional: '國家',
      pinyin: 'guó jiā',
      pinyinNumbered: 'guo2 jia1',
      senses: ['country', 'nation', 'state'],
    },
    {
      simplified: '国家',
      traditional: '國家',
      pinyin: 'Guó jiā',
      pinyinNumbered: 'Guo2 jia1',
      senses: ['(surname)'],
    },
  ],
  chosen: { english: 'country' },
  term: { pinyin: 'guó jiā', renderings: ['country', 'state'] },
  around: [{ word: '国家主席', at: 0, pinyin: 'guó jiā zhǔ xí', senses: ['President of the State'], hsk: 6 }],
  covering: { char: '国', words: [{ word: '中国', at: 0, pinyin: 'Zhōng guó', senses: ['China'], hsk: 1 }] },
  inside: [
    { word: '国', pinyin: 'guó', senses: ['country; nation; state'], hsk: 2 },
    { word: '家', pinyin: 'jiā', senses: ['home; family'], hsk: 1 },
  ],
};

/** The word the warm-up card stands for: the page's first word element, with the sample's text. */
function warmUpOpen(el: HTMLElement): Open {
  return { el, text: '國家', simplified: '国家', key: '国家', pinyin: 'guó jiā', context: null, byHover: false };
}

/**
 * The popover's first draw costs a phone about 30 ms that later ones do not pay: Chromium looks up
 * the fonts of each language, size and weight the card uses (26 look-ups on the first tap of a
 * page in a trace), and React mounts the card's components for the first time. Paid here instead,
 * when the page is idle after it has loaded: the card is drawn once with WARM_UP_ANSWER, hidden
 * (laid out, so its fonts are looked up, but not painted), and removed two frames later. Skipped
 * when the reader has already opened a word. Returns the word to draw the warm-up card for, or
 * null.
 */
export function usePopoverWarmUp(store: PopoverStore): Open | null {
  const [warm, setWarm] = useState<Open | null>(null);
  useEffect(() => {
    const start = () => {
      const first = document.querySelector<HTMLElement>(WORD);
      if (first && store.get().open === null) setWarm(warmUpOpen(first));
    };
    if (typeof window.requestIdleCallback !== 'function') {
      const timer = window.setTimeout(start, 500);
      return () => window.clearTimeout(timer);
    }
    const id = window.requestIdleCallback(start, { timeout: 3000 });
    return () => window.cancelIdleCallback(id);
  }, [store]);
  useEffect(() => {
    if (!warm) return;
    // One frame lays it out (fonts looked up); the next removes it.
    let frame = window.requestAnimationFrame(() => {
      frame = window.requestAnimationFrame(() => setWarm(null));
    });
    return () => window.cancelAnimationFrame(frame);
  }, [warm]);
  return warm;
}
