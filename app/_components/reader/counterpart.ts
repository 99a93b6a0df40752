'use client';

import type { ReaderLinksAnswer } from '@/app/api/_types';
import type { ReaderLinks } from '@/lib/reader/word-links';

/**
 * The English a Chinese word of the reader is aligned with (word links, lib/reader/word-links.ts),
 * marked in the parallel sentence while the word is pointed at or open. The marks are a CSS Custom
 * Highlight (`::highlight(counterpart)`): ranges over the English text, so the English's DOM (and
 * React's hold on it) is never touched. The links arrive with the first word pointed at, one
 * request per document, never with the first view.
 */

const HIGHLIGHT = 'counterpart';
/** How long a word waits for the links before its entry is looked up without them. */
const WAIT_MS = 2500;

const pending = new Map<string, Promise<ReaderLinks | null>>();
/** The links that have arrived (null: none to be had), for the pointer's marks, which never wait. */
const loaded = new Map<string, ReaderLinks | null>();

function linksOf(doc: string): Promise<ReaderLinks | null> {
  let request = pending.get(doc);
  if (!request) {
    request = fetch(`/api/reader/links?doc=${encodeURIComponent(doc)}`)
      .then((r) => (r.ok ? (r.json() as Promise<ReaderLinksAnswer>) : null))
      .then((answer) => answer?.links ?? null)
      .catch(() => null)
      .then((links) => {
        loaded.set(doc, links);
        return links;
      });
    pending.set(doc, request);
  }
  return request;
}

/** The English ranges aligned with a `.w` element of the reader, in text order. */
function rangesOf(el: HTMLElement, links: ReaderLinks): Range[] {
  const pairEl = el.closest<HTMLElement>('.pair');
  const bead = el.closest<HTMLElement>('.zs')?.dataset.b;
  const pair = Number(pairEl?.dataset.pair);
  if (!pairEl || bead === undefined || !Number.isInteger(pair)) return [];
  const flat = links[pair]?.[Number(bead)];
  if (!flat || flat.length === 0) return [];
  // The word's place among the Han words of its bead: every Han word is one `.w`, in text order.
  const ordinal = [...pairEl.querySelectorAll(`.cell-zh .zs[data-b="${CSS.escape(bead)}"] .w`)].indexOf(el);
  const sentences = [...pairEl.querySelectorAll<HTMLElement>(`.cell-en .es[data-b~="${CSS.escape(bead)}"]`)];
  // A block drawn from its HTML holds several sentences in one element: offsets would not fit it.
  if (ordinal < 0 || sentences.some((s) => s.classList.contains('b-html'))) return [];
  const ranges: Range[] = [];
  for (let k = 0; k + 3 < flat.length; k += 4) {
    if (flat[k] !== ordinal) continue;
    const text = sentences[flat[k + 1]!]?.firstChild;
    const start = flat[k + 2]!;
    const end = flat[k + 3]!;
    if (!(text instanceof Text) || end > text.length || start >= end) continue;
    const range = document.createRange();
    range.setStart(text, start);
    range.setEnd(text, end);
    ranges.push(range);
  }
  return ranges;
}

/** Asks for a document's links ahead of the first word (the popover does so once the page is idle). */
export function prefetchLinks(doc: string): void {
  void linksOf(doc);
}

/**
 * Marks the English aligned with the word and gives its text ("" when none is known), at once when
 * the links are here; undefined when they are not yet (asking starts them).
 */
export function markCounterpartNow(el: HTMLElement, doc: string): string | undefined {
  const links = loaded.get(doc);
  if (links === undefined) {
    void linksOf(doc);
    return undefined;
  }
  const ranges = links ? rangesOf(el, links) : [];
  show(ranges);
  return ranges.map((r) => r.toString()).join(' ');
}

/** The English aligned with the word, without marking it; undefined while the links are not here. */
export function alignedEnglishNow(el: HTMLElement, doc: string): string | undefined {
  const links = loaded.get(doc);
  if (links === undefined) return undefined;
  return links
    ? rangesOf(el, links)
        .map((r) => r.toString())
        .join(' ')
    : '';
}

/**
 * Marks the English aligned with the word and gives its text ("" when none is known, or the
 * links take too long): the popover asks for the sense that text supports.
 */
export async function markCounterpart(el: HTMLElement, doc: string): Promise<string> {
  const links = await Promise.race([
    linksOf(doc),
    new Promise<null>((resolve) => window.setTimeout(() => resolve(null), WAIT_MS)),
  ]);
  if (!links || !el.isConnected) return '';
  const ranges = rangesOf(el, links);
  show(ranges);
  return ranges.map((r) => r.toString()).join(' ');
}

function show(ranges: readonly Range[]): void {
  if (typeof CSS === 'undefined' || !('highlights' in CSS) || typeof Highlight !== 'function') return;
  if (ranges.length > 0) CSS.highlights.set(HIGHLIGHT, new Highlight(...ranges));
  else CSS.highlights.delete(HIGHLIGHT);
}

/**
 * The reverse, for a pointer resting on the English: the English word under it and the Chinese
 * words aligned with it marked (nothing when the links have not arrived yet; asking starts them).
 * Returns whether anything is marked.
 */
export function markChineseAt(x: number, y: number, doc: string): boolean {
  const links = loaded.get(doc);
  if (!links) {
    if (links === undefined) void linksOf(doc);
    return false;
  }
  const caret = document.caretPositionFromPoint?.(x, y);
  const text = caret?.offsetNode;
  const sentence = text?.parentElement;
  const pairEl = sentence?.closest<HTMLElement>('.pair');
  const bead = sentence?.dataset.b;
  const pair = Number(pairEl?.dataset.pair);
  if (!caret || !(text instanceof Text) || !sentence?.matches('.cell-en .es') || !pairEl || bead === undefined)
    return false;
  if (sentence.classList.contains('b-html') || !Number.isInteger(pair)) return false;
  const flat = links[pair]?.[Number(bead)];
  const n = [...pairEl.querySelectorAll(`.cell-en .es[data-b~="${CSS.escape(bead)}"]`)].indexOf(sentence);
  if (!flat || n < 0) return false;
  const words = [...pairEl.querySelectorAll(`.cell-zh .zs[data-b="${CSS.escape(bead)}"] .w`)];
  const ranges: Range[] = [];
  for (let k = 0; k + 3 < flat.length; k += 4) {
    const start = flat[k + 2]!;
    const end = flat[k + 3]!;
    if (flat[k + 1] !== n || caret.offset < start || caret.offset >= end || end > text.length) continue;
    const word = words[flat[k]!];
    if (!word) continue;
    const own = document.createRange();
    own.setStart(text, start);
    own.setEnd(text, end);
    const zh = document.createRange();
    zh.selectNodeContents(word);
    ranges.push(own, zh);
  }
  show(ranges);
  return ranges.length > 0;
}

/** The word closed: its English is no longer marked. */
export function clearCounterpart(): void {
  if (typeof CSS !== 'undefined' && 'highlights' in CSS) CSS.highlights.delete(HIGHLIGHT);
}
