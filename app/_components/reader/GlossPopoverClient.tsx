'use client';

import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { contextWindow } from '@/lib/learner/nested';
import type { DictEntry } from '@/lib/model';
import type { GlossAnswer, NestedWord } from '@/lib/store/gloss';
import { SaveWordButton, type SaveLabels } from './SaveWordButton';
import { WordStatusBar, type WordStatusLabels } from './WordStatusBar';
import { placePopover } from './placement';
import { STATUS_KEYS } from '@/lib/learner/known-words';
import { setWordStatus } from '@/lib/learner/known-words-store';
import { wordText } from './word-context';
import { Link } from '@/lib/i18n/navigation';

/** The strings the reader page passes in (see GlossPopover.tsx for the rest). */
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

export interface GlossAllLabels extends GlossLabels {
  /** "HSK 1" … "HSK 6": index level − 1. */
  hsk: string[];
  hskTitle: string[];
  around: string;
  /** With `{char}` standing for the tapped character. */
  covering: string;
  inside: string;
  /** With `{word}` standing for the word to go back to. */
  back: string;
  termPage: string;
  inCorpus: string;
  wordStatus: WordStatusLabels;
  saveWord: SaveLabels;
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
  /**
   * The sentence around the word (simplified, words separated by spaces), where the key stands in
   * it and, when the reader pointed at one, where the tapped character stands in it.
   */
  context: Context | null;
  /** Opened by resting the mouse on the word: another word's hover may replace it. */
  byHover: boolean;
}

interface Context {
  ctx: string;
  at: number;
  char?: number;
}

/** A word followed from the popover's nested words. */
interface View {
  word: string;
  pinyin: string;
  /** Where it stands in the open word's context, when it does. */
  at: number | undefined;
}

const WORD = '.w';
const BLOCK = '.b';
const GAP = 6;
const MARGIN = 8;
const HOVER_DELAY = 300;
/** Only a mouse-like pointer hovers; on touch a tap opens the word. */
const HOVER_MEDIA = '(hover: hover) and (pointer: fine)';
const HAN_ONLY = /^\p{Script=Han}+$/u;
const TABBABLE = 'a[href], button:not([disabled]), input:not([disabled]), select, textarea, [tabindex]:not([tabindex="-1"])';

/** What Tab can reach inside `root`, in document order (hidden elements left out). */
function tabbables(root: ParentNode): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(TABBABLE)].filter((el) => el.getClientRects().length > 0);
}

/**
 * The sentence around a word as the gloss API wants it: the words and text of its block in
 * simplified characters, the word itself as its dictionary key, cut by `contextWindow`.
 */
function contextOf(el: HTMLElement, key: string): { ctx: string; at: number } | null {
  const block = el.closest(BLOCK) ?? el.parentElement;
  if (!block) return null;
  const pieces: string[] = [];
  let index = -1;
  const visit = (node: Node) => {
    for (const child of node.childNodes) {
      if (child instanceof HTMLElement && child.matches(WORD)) {
        if (child === el) index = pieces.length;
        pieces.push(child === el ? key : (child.dataset.s ?? wordText(child)));
      } else if (child.nodeType === Node.TEXT_NODE) pieces.push(child.textContent ?? '');
      else visit(child);
    }
  };
  visit(block);
  return index < 0 ? null : contextWindow(pieces, index);
}

/**
 * Which character of a word (code point index) is under the point (x, y), or null. The word's own
 * text only: ruby and interlinear readings inside its span are skipped. Words are a few characters,
 * so measuring each character's box is cheap and works whatever the reading aids drew.
 */
function charAt(el: HTMLElement, x: number, y: number): number | null {
  let index = 0;
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement?.closest('rt, .wi-py, .wi-gl') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent ?? '';
    let offset = 0;
    for (const cp of text) {
      range.setStart(node, offset);
      range.setEnd(node, offset + cp.length);
      for (const box of range.getClientRects()) {
        if (x >= box.left && x <= box.right && y >= box.top && y <= box.bottom) return index;
      }
      offset += cp.length;
      index++;
    }
  }
  return null;
}

function wordOf(el: HTMLElement, byHover: boolean, char: number | null): Open {
  const text = wordText(el);
  // The dictionary is keyed by simplified headwords: a word shown in traditional characters is
  // looked up by its simplified form (data-s), never by the characters on the screen.
  const key = el.dataset.k ?? el.dataset.s ?? text;
  const context = contextOf(el, key);
  // The key may be shorter than the text (a variant written with a selector): no character then.
  const tapped = context && char !== null && char < [...key].length ? { ...context, char: context.at + char } : context;
  return {
    el,
    text,
    simplified: el.dataset.s ?? text,
    key,
    pinyin: el.dataset.p ?? '',
    context: tapped,
    byHover,
  };
}

async function fetchGloss(key: string, context: Context | null): Promise<GlossAnswer> {
  const tapped = context?.char !== undefined ? `&c=${context.char}` : '';
  const query = `w=${encodeURIComponent(key)}${context ? `&ctx=${encodeURIComponent(context.ctx)}&at=${context.at}${tapped}` : ''}`;
  const response = await fetch(`/api/gloss?${query}`);
  // A key the API refuses (a headword with a digit or a dot) is simply not glossable.
  if (response.status === 400) return { word: key, entries: [], around: [], inside: [] };
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

function HskBadge({ level, labels }: { level: number | undefined; labels: GlossAllLabels }) {
  const text = level === undefined ? undefined : labels.hsk[level - 1];
  if (text === undefined || level === undefined) return null;
  return (
    <span className={`gloss-hsk gloss-hsk-${level}`} title={labels.hskTitle[level - 1]}>
      {text}
    </span>
  );
}

/** Nested words as buttons that open their entry, with the words inside each below it. */
function NestedList({ words, labels, onOpen }: { words: NestedWord[]; labels: GlossAllLabels; onOpen: (w: NestedWord) => void }) {
  return (
    <ul className="gloss-nested">
      {words.map((w, i) => (
        <li key={`${w.word}@${w.at ?? i}`}>
          <button type="button" className="gloss-nested-word" data-word={w.word} onClick={() => onOpen(w)}>
            <span className="gloss-nested-head">
              <span className="gloss-nested-hanzi" lang="zh-Hans">
                {w.word}
              </span>
              {w.pinyin ? (
                <span className="gloss-nested-pinyin" lang="zh-Latn-pinyin">
                  {w.pinyin}
                </span>
              ) : null}
              <HskBadge level={w.hsk} labels={labels} />
            </span>
            {w.senses.length > 0 ? (
              <span className="gloss-nested-senses" lang="en">
                {w.senses.join('; ')}
              </span>
            ) : null}
          </button>
          {w.inside && w.inside.length > 0 ? <NestedList words={w.inside} labels={labels} onOpen={onOpen} /> : null}
        </li>
      ))}
    </ul>
  );
}

/**
 * The dictionary popover of the reader. One instance per page; it listens on the document
 * (event delegation), so the thousands of word spans carry no handlers. A word opens on click,
 * tap, focus, Enter or Space, and with a mouse also by resting on it; arrow keys move a roving
 * focus between words; Escape and a click outside close it. It is placed below the word, or above
 * when the word is near the bottom of the viewport, and never over it. The words around and
 * inside the word open in the same popover, with a button back.
 */
export function GlossPopoverClient({
  labels,
  doc,
}: {
  labels: GlossAllLabels;
  /** The document being read: saved words name it as their source. */
  doc: { id: string; title: string };
}) {
  const [open, setOpen] = useState<Open | null>(null);
  // The words followed from the open one; the last is shown. Mirrored in a ref for the listeners.
  const [trail, setTrailState] = useState<View[]>([]);
  const trailRef = useRef<View[]>([]);
  const setTrail = useCallback((next: View[]) => {
    trailRef.current = next;
    setTrailState(next);
  }, []);
  const [lookup, setLookup] = useState<Lookup>({ state: 'loading' });
  const [position, setPosition] = useState<{ top: number; left: number; above: boolean } | null>(null);
  const [status, setStatus] = useState('');
  const popoverRef = useRef<HTMLDivElement>(null);
  const cache = useRef(new Map<string, Promise<GlossAnswer>>());
  const answers = useRef(new Map<string, GlossAnswer>());
  // The open word, readable from the document listeners without re-subscribing them.
  const openRef = useRef<Open | null>(null);
  // A word being refocused after closing must not reopen from its own focus event.
  const refocusing = useRef<HTMLElement | null>(null);
  // Where focus goes once the entry just navigated to has rendered: the back button, or the
  // nested word the reader came back from.
  const focusAfter = useRef<{ back: true } | { word: string } | null>(null);
  // Which view a lookup answers, so a slow answer never lands on a later view.
  const viewId = useRef(0);

  const load = useCallback((key: string, context: Open['context']) => {
    const id = ++viewId.current;
    const cacheKey = context ? `${key}\u0000${context.at}\u0000${context.char ?? ''}\u0000${context.ctx}` : key;
    // An answer already here is shown at once (going back never flashes "Looking up…").
    const known = answers.current.get(cacheKey);
    if (known) {
      setLookup({ state: 'done', answer: known });
      return;
    }
    let pending = cache.current.get(cacheKey);
    if (!pending) {
      pending = fetchGloss(key, context);
      cache.current.set(cacheKey, pending);
      pending.then(
        (answer) => answers.current.set(cacheKey, answer),
        () => cache.current.delete(cacheKey),
      );
    }
    setLookup({ state: 'loading' });
    pending.then(
      (answer) => {
        if (viewId.current === id) setLookup({ state: 'done', answer });
      },
      () => {
        if (viewId.current === id) setLookup({ state: 'failed' });
      },
    );
  }, []);

  const show = useCallback(
    (el: HTMLElement, byHover = false, char: number | null = null) => {
      const current = openRef.current;
      // Another character of the open word: its words are listed afresh.
      const sameChar = char === null || current?.context?.char === undefined || current.context.char - current.context.at === char;
      if (current?.el === el && sameChar) {
        // Clicked or focused after a hover: it stays until closed. Back to the word itself.
        if (!byHover) current.byHover = false;
        if (!byHover && trailRef.current.length > 0) {
          setTrail([]);
          load(current.key, current.context);
        }
        return;
      }
      const word = wordOf(el, byHover, char);
      current?.el.classList.remove('w-active');
      el.classList.add('w-active');
      openRef.current = word;
      setOpen(word);
      setTrail([]);
      setPosition(null);
      load(word.key, word.context);
    },
    [load, setTrail],
  );

  const close = useCallback((refocus: boolean) => {
    const current = openRef.current;
    if (!current) return;
    current.el.classList.remove('w-active');
    openRef.current = null;
    viewId.current++;
    setOpen(null);
    setTrail([]);
    if (refocus) {
      refocusing.current = current.el;
      current.el.focus({ preventScroll: true });
      refocusing.current = null;
    }
  }, []);

  /** Opens a nested word's entry in place, in the open word's sentence when it stands there. */
  const follow = useCallback(
    (w: NestedWord) => {
      const current = openRef.current;
      if (!current) return;
      current.byHover = false;
      focusAfter.current = { back: true };
      setTrail([...trailRef.current, { word: w.word, pinyin: w.pinyin, at: w.at }]);
      load(w.word, current.context && w.at !== undefined ? { ctx: current.context.ctx, at: w.at } : null);
    },
    [load, setTrail],
  );

  const goBack = useCallback(() => {
    const current = openRef.current;
    const trail = trailRef.current;
    if (!current || trail.length === 0) return;
    const left = trail[trail.length - 1];
    const rest = trail.slice(0, -1);
    const previous = rest[rest.length - 1];
    focusAfter.current = left ? { word: left.word } : null;
    setTrail(rest);
    if (previous) {
      load(previous.word, current.context && previous.at !== undefined ? { ctx: current.context.ctx, at: previous.at } : null);
    } else load(current.key, current.context);
  }, [load, setTrail]);

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
        // Opened first, with the character clicked: the focus that follows would open it without.
        show(word, false, charAt(word, event.clientX, event.clientY));
        // Focus follows the click, so the arrow keys continue from the word just read.
        if (document.activeElement !== word) focusWord(word);
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
      // The path as dispatched: a nested word's button is already gone from the popover when
      // this runs (React re-rendered on its click), so `contains` would call it outside.
      if (popoverRef.current && event.composedPath().includes(popoverRef.current)) {
        // Working in the popover keeps it open even if a hover opened it.
        if (openRef.current) openRef.current.byHover = false;
        return;
      }
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
      if (event.key === 'Tab' && tabIntoPopover(event)) return;
      if (event.key === 'Escape') {
        if (openRef.current) {
          event.preventDefault();
          close(true);
        }
        return;
      }
      // A status key sets the status of the word shown (the open word, or one followed from it).
      const open = openRef.current;
      const status = Object.hasOwn(STATUS_KEYS, event.key) ? STATUS_KEYS[event.key] : undefined;
      if (open && status !== undefined && !event.ctrlKey && !event.metaKey && !event.altKey && !(event.target as Element | null)?.closest?.('input, textarea, select')) {
        event.preventDefault();
        const followed = trailRef.current[trailRef.current.length - 1];
        const target = followed ? followed.word : open.simplified;
        if (setWordStatus(target, status)) {
          const name = labels.wordStatus.long[String(status)] ?? String(status);
          setStatus(labels.wordStatus.changed.replace('{word}', target).replace('{status}', name));
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
    // The popover sits at the end of the page (a portal), so Tab would skip it: Tab from the open
    // word enters it, Shift+Tab from its first control returns to the word, and Tab from its last
    // control closes it and goes on to what follows the word in the page.
    const tabIntoPopover = (event: KeyboardEvent): boolean => {
      const current = openRef.current;
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
          (el) => !pop.contains(el) && (current.el.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0,
        );
        close(false);
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
    let timer: number | undefined;
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
        const current = openRef.current;
        if (hovered === word && (current === null || current.byHover)) show(word, true, charAt(word, clientX, clientY));
      }, HOVER_DELAY);
    };
    document.addEventListener('click', onClick);
    document.addEventListener('focusin', onFocusIn);
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('pointerover', onPointerOver);
    return () => {
      window.clearTimeout(timer);
      document.removeEventListener('click', onClick);
      document.removeEventListener('focusin', onFocusIn);
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('pointerover', onPointerOver);
    };
  }, [show, close, focusWord, makeCurrent, labels.linkCopied, labels.wordStatus]);

  // Placement needs the popover's rendered size, so it runs after layout and before paint.
  const place = useCallback(() => {
    const current = openRef.current;
    const pop = popoverRef.current;
    if (!current || !pop) return;
    const word = current.el.getBoundingClientRect();
    const { offsetHeight: height, offsetWidth: width } = pop;
    // The English sentence(s) sentence sync marked for this word's sentence stay in view.
    const synced = [...(current.el.closest('.pair')?.querySelectorAll<HTMLElement>('.es.synced') ?? [])].map((el) => el.getBoundingClientRect());
    const placed = placePopover(word, { width, height }, { width: window.innerWidth, height: window.innerHeight }, synced, GAP, MARGIN);
    setPosition({ top: placed.top + window.scrollY, left: placed.left + window.scrollX, above: placed.above });
  }, []);

  useLayoutEffect(() => {
    if (open) place();
  }, [open, lookup, trail, place]);

  useEffect(() => {
    if (!open) return;
    window.addEventListener('resize', place);
    return () => window.removeEventListener('resize', place);
  }, [open, place]);

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
  if (!open) return live;

  const view = trail[trail.length - 1];
  const answer = lookup.state === 'done' ? lookup.answer : undefined;
  const entries = answer?.entries ?? [];
  // The word shown: as written in the document at the top of the trail, else the followed word.
  const shown = view ? { text: view.word, simplified: view.word, pinyin: view.pinyin } : open;
  const backTo = trail.length > 1 ? trail[trail.length - 2]?.word : open.text;
  const inside = answer?.inside ?? [];
  const onlyCharacters = inside.every((w) => [...w.word].length === 1);
  const popover = (
    <div
      ref={popoverRef}
      className={`gloss${position?.above ? ' gloss-above' : ''}`}
      role="dialog"
      aria-label={`${labels.dialog}: ${shown.text}`}
      style={position ? { top: position.top, left: position.left } : { top: 0, left: 0, visibility: 'hidden' }}
    >
      <div className="gloss-head">
        {view && backTo !== undefined ? (
          <button type="button" className="gloss-back" onClick={goBack}>
            <span aria-hidden="true">← </span>
            {labels.back.replace('{word}', backTo)}
          </button>
        ) : null}
        <p className="gloss-word" lang={shown.text === shown.simplified ? 'zh-Hans' : 'zh-Hant'}>
          {shown.text}
          {shown.simplified !== shown.text ? (
            <span className="gloss-alt" lang="zh-Hans">
              {' '}
              ({labels.simplified} {shown.simplified})
            </span>
          ) : null}
          <HskBadge level={answer?.hsk} labels={labels} />
        </p>
        {shown.pinyin ? <p className="gloss-word-pinyin">{shown.pinyin}</p> : null}
        <button type="button" className="gloss-close" onClick={() => close(true)} aria-label={labels.close}>
          ×
        </button>
      </div>
      <div className="gloss-body">
        {lookup.state === 'loading' ? <p className="gloss-note">{labels.loading}</p> : null}
        {lookup.state === 'failed' ? <p className="gloss-note">{labels.failed}</p> : null}
        {answer && entries.length > 0 ? <EntryList entries={entries} labels={labels} /> : null}
        {answer && entries.length === 0 ? <p className="gloss-note">{labels.notInDictionary}</p> : null}
        {answer?.term && answer.term.renderings.length > 0 ? (
          <section className="gloss-section gloss-renderings">
            <h3 className="gloss-section-title">{labels.inCorpus}</h3>
            <p lang="en">{answer.term.renderings.join('; ')}</p>
          </section>
        ) : null}
        {answer && answer.around.length > 0 ? (
          <section className="gloss-section gloss-around">
            <h3 className="gloss-section-title">{labels.around}</h3>
            <NestedList words={answer.around} labels={labels} onOpen={follow} />
          </section>
        ) : null}
        {answer?.covering && answer.covering.words.length > 0 ? (
          <section className="gloss-section gloss-covering">
            <h3 className="gloss-section-title">{labels.covering.replace('{char}', answer.covering.char)}</h3>
            <NestedList words={answer.covering.words} labels={labels} onOpen={follow} />
          </section>
        ) : null}
        {inside.length > 0 ? (
          <section className="gloss-section gloss-inside">
            <h3 className="gloss-section-title">{onlyCharacters ? labels.characters : labels.inside}</h3>
            <NestedList words={inside} labels={labels} onOpen={follow} />
          </section>
        ) : null}
      </div>
      {HAN_ONLY.test(shown.simplified) ? <WordStatusBar word={shown.simplified} labels={labels.wordStatus} onStatus={setStatus} /> : null}
      <div className="gloss-foot">
        <Link href={`/search?q=${encodeURIComponent(shown.simplified)}`}>{labels.searchCorpus}</Link>
        {HAN_ONLY.test(shown.simplified) ? (
          <Link className="gloss-term-link" href={`/term/${encodeURIComponent(shown.simplified)}`}>
            {labels.termPage}
          </Link>
        ) : null}
        {answer ? (
          <SaveWordButton
            el={open.el}
            word={shown.text}
            simplified={shown.simplified}
            pinyin={shown.pinyin}
            entries={entries}
            doc={doc}
            labels={labels.saveWord}
            onStatus={setStatus}
          />
        ) : null}
      </div>
    </div>
  );
  return (
    <>
      {live}
      {createPortal(popover, document.body)}
    </>
  );
}
