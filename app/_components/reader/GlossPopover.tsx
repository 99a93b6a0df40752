'use client';

import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { DictEntry } from '@/lib/model';

export interface GlossLabels {
  dialog: string;
  close: string;
  loading: string;
  failed: string;
  notInDictionary: string;
  characters: string;
  traditional: string;
  simplified: string;
  searchCorpus: string;
  linkCopied: string;
}

/** What `GET /api/gloss` answers. */
interface GlossAnswer {
  word: string;
  entries: DictEntry[];
  characters?: Array<{ char: string; entries: DictEntry[] }>;
}

type Lookup = { state: 'loading' } | { state: 'done'; answer: GlossAnswer } | { state: 'failed' };

interface Open {
  el: HTMLElement;
  /** As written in the document. */
  text: string;
  simplified: string;
  /** The dictionary headword to look up. */
  key: string;
  pinyin: string;
}

const WORD = '.w';
const GAP = 6;
const MARGIN = 8;

function wordOf(el: HTMLElement): Open {
  const text = el.textContent ?? '';
  return {
    el,
    text,
    simplified: el.dataset.s ?? text,
    key: el.dataset.k ?? text,
    pinyin: el.dataset.p ?? '',
  };
}

async function fetchGloss(key: string): Promise<GlossAnswer> {
  const response = await fetch(`/api/gloss?w=${encodeURIComponent(key)}`);
  // A key the API refuses (a headword with a digit or a dot) is simply not glossable.
  if (response.status === 400) return { word: key, entries: [] };
  if (!response.ok) throw new Error(`gloss ${response.status}`);
  return (await response.json()) as GlossAnswer;
}

function EntryList({ entries, labels }: { entries: DictEntry[]; labels: GlossLabels }) {
  return (
    <ul className="gloss-entries">
      {entries.map((entry, i) => (
        <li key={i}>
          <p className="gloss-entry-head">
            <span className="gloss-pinyin" lang="zh-Latn-pinyin">
              {entry.pinyin}
            </span>
            {entry.traditional !== entry.simplified ? (
              <span className="gloss-forms">
                <span>
                  {labels.simplified} <span lang="zh-Hans">{entry.simplified}</span>
                </span>
                <span>
                  {labels.traditional} <span lang="zh-Hant">{entry.traditional}</span>
                </span>
              </span>
            ) : null}
          </p>
          <ol className="gloss-senses" lang="en">
            {entry.senses.map((sense, j) => (
              <li key={j}>{sense}</li>
            ))}
          </ol>
        </li>
      ))}
    </ul>
  );
}

/**
 * The dictionary popover of the reader. One instance per page; it listens on the document
 * (event delegation), so the thousands of word spans carry no handlers. A word opens on click,
 * tap, focus, Enter or Space; arrow keys move a roving focus between words; Escape and a click
 * outside close it. It is placed below the word, or above when the word is near the bottom of
 * the viewport, and never over it.
 */
export function GlossPopover({ labels, locale }: { labels: GlossLabels; locale: string }) {
  const [open, setOpen] = useState<Open | null>(null);
  const [lookup, setLookup] = useState<Lookup>({ state: 'loading' });
  const [position, setPosition] = useState<{ top: number; left: number; above: boolean } | null>(null);
  const [status, setStatus] = useState('');
  const popoverRef = useRef<HTMLDivElement>(null);
  const cache = useRef(new Map<string, Promise<GlossAnswer>>());
  // The open word, readable from the document listeners without re-subscribing them.
  const openRef = useRef<Open | null>(null);
  // A word being refocused after closing must not reopen from its own focus event.
  const refocusing = useRef<HTMLElement | null>(null);

  const show = useCallback((el: HTMLElement) => {
    if (openRef.current?.el === el) return;
    const word = wordOf(el);
    openRef.current?.el.classList.remove('w-active');
    el.classList.add('w-active');
    openRef.current = word;
    setOpen(word);
    setPosition(null);
    let pending = cache.current.get(word.key);
    if (!pending) {
      pending = fetchGloss(word.key);
      cache.current.set(word.key, pending);
      pending.catch(() => cache.current.delete(word.key));
    }
    setLookup({ state: 'loading' });
    pending.then(
      (answer) => {
        if (openRef.current?.el === el) setLookup({ state: 'done', answer });
      },
      () => {
        if (openRef.current?.el === el) setLookup({ state: 'failed' });
      },
    );
  }, []);

  const close = useCallback((refocus: boolean) => {
    const current = openRef.current;
    if (!current) return;
    current.el.classList.remove('w-active');
    openRef.current = null;
    setOpen(null);
    if (refocus) {
      refocusing.current = current.el;
      current.el.focus({ preventScroll: true });
      refocusing.current = null;
    }
  }, []);

  // Roving focus: exactly one word is in the tab order, so Tab enters and leaves the text once.
  // Words carry no tabindex in the HTML; the one that becomes current gets it here.
  const makeCurrent = useCallback((el: HTMLElement) => {
    for (const w of document.querySelectorAll<HTMLElement>(`${WORD}[tabindex]`)) if (w !== el) w.removeAttribute('tabindex');
    el.tabIndex = 0;
  }, []);
  const focusWord = useCallback(
    (el: HTMLElement) => {
      makeCurrent(el);
      el.focus();
    },
    [makeCurrent],
  );

  useEffect(() => {
    const first = document.querySelector<HTMLElement>(WORD);
    if (first) first.tabIndex = 0;

    const onClick = (event: MouseEvent) => {
      const target = event.target as Element | null;
      const word = target?.closest<HTMLElement>(WORD);
      if (word) {
        // Focus follows the click, so the arrow keys continue from the word just read.
        if (document.activeElement !== word) focusWord(word);
        show(word);
        return;
      }
      const pairLink = target?.closest<HTMLAnchorElement>('a.pair-link');
      if (pairLink) {
        // Following the anchor marks the pair; copying the link is a convenience on top.
        navigator.clipboard?.writeText(pairLink.href).then(
          () => setStatus(labels.linkCopied),
          () => undefined,
        );
      }
      if (popoverRef.current && target && popoverRef.current.contains(target)) return;
      close(false);
    };
    const onFocusIn = (event: FocusEvent) => {
      const target = event.target as Element | null;
      const word = target?.closest<HTMLElement>(WORD);
      if (!word) {
        // Focus went elsewhere (Tab out of the text): the popover belongs to a word, so it goes.
        if (!(popoverRef.current && target && popoverRef.current.contains(target))) close(false);
        return;
      }
      if (word === refocusing.current) return;
      makeCurrent(word);
      show(word);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        if (openRef.current) {
          event.preventDefault();
          close(true);
        }
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
    document.addEventListener('click', onClick);
    document.addEventListener('focusin', onFocusIn);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('click', onClick);
      document.removeEventListener('focusin', onFocusIn);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [show, close, focusWord, makeCurrent, labels.linkCopied]);

  // Placement needs the popover's rendered size, so it runs after layout and before paint.
  const place = useCallback(() => {
    const current = openRef.current;
    const pop = popoverRef.current;
    if (!current || !pop) return;
    const word = current.el.getBoundingClientRect();
    const { offsetHeight: height, offsetWidth: width } = pop;
    const below = window.innerHeight - word.bottom;
    const above = word.top >= height + GAP + MARGIN && below < height + GAP + MARGIN;
    const top = (above ? word.top - GAP - height : word.bottom + GAP) + window.scrollY;
    const maxLeft = window.innerWidth - width - MARGIN;
    const left = Math.max(MARGIN, Math.min(word.left, maxLeft)) + window.scrollX;
    setPosition({ top, left, above });
  }, []);

  useLayoutEffect(() => {
    if (open) place();
  }, [open, lookup, place]);

  useEffect(() => {
    if (!open) return;
    window.addEventListener('resize', place);
    return () => window.removeEventListener('resize', place);
  }, [open, place]);

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
  if (!open) return live;

  const entries = lookup.state === 'done' ? lookup.answer.entries : [];
  const characters = lookup.state === 'done' ? (lookup.answer.characters ?? []) : [];
  const popover = (
    <div
      ref={popoverRef}
      className={`gloss${position?.above ? ' gloss-above' : ''}`}
      role="dialog"
      aria-label={`${labels.dialog}: ${open.text}`}
      style={position ? { top: position.top, left: position.left } : { top: 0, left: 0, visibility: 'hidden' }}
    >
      <div className="gloss-head">
        <p className="gloss-word" lang={open.text === open.simplified ? 'zh-Hans' : 'zh-Hant'}>
          {open.text}
          {open.simplified !== open.text ? (
            <span className="gloss-alt" lang="zh-Hans">
              {' '}
              ({labels.simplified} {open.simplified})
            </span>
          ) : null}
        </p>
        {open.pinyin ? <p className="gloss-word-pinyin">{open.pinyin}</p> : null}
        <button type="button" className="gloss-close" onClick={() => close(true)} aria-label={labels.close}>
          ×
        </button>
      </div>
      <div className="gloss-body">
        {lookup.state === 'loading' ? <p className="gloss-note">{labels.loading}</p> : null}
        {lookup.state === 'failed' ? <p className="gloss-note">{labels.failed}</p> : null}
        {lookup.state === 'done' && entries.length > 0 ? <EntryList entries={entries} labels={labels} /> : null}
        {lookup.state === 'done' && entries.length === 0 ? (
          <>
            <p className="gloss-note">{labels.notInDictionary}</p>
            {characters.length > 0 ? (
              <div className="gloss-chars">
                <p className="gloss-chars-title">{labels.characters}</p>
                {characters.map(({ char, entries: charEntries }) => (
                  <div key={char} className="gloss-char">
                    <p className="gloss-char-head" lang="zh-Hans">
                      {char}
                    </p>
                    <EntryList entries={charEntries} labels={labels} />
                  </div>
                ))}
              </div>
            ) : null}
          </>
        ) : null}
      </div>
      <p className="gloss-foot">
        <a href={`/${locale}/search?q=${encodeURIComponent(open.simplified)}`}>{labels.searchCorpus}</a>
      </p>
    </div>
  );
  return (
    <>
      {live}
      {createPortal(popover, document.body)}
    </>
  );
}
