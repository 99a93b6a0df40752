/**
 * What the dictionary popover reads from the page: which word was opened (its keys in the
 * `data-*` attributes the reader draws), the sentence around it, which character was pointed at,
 * and what Tab can reach. DOM in, plain values out; no React.
 */
import { contextWindow } from '@/lib/learner/nested';
import { wordText } from './word-context';

export const WORD = '.w';
const BLOCK = '.b';
const TABBABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select, textarea, [tabindex]:not([tabindex="-1"])';

export interface Context {
  ctx: string;
  at: number;
  char?: number;
}

/** A word opened in the popover. */
export interface Open {
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

/** What Tab can reach inside `root`, in document order (hidden elements left out). */
export function tabbables(root: ParentNode): HTMLElement[] {
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
export function charAt(el: HTMLElement, x: number, y: number): number | null {
  let index = 0;
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.parentElement?.closest('rt, .wi-py, .wi-gl') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
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

/** The word an element stands for, with the character pointed at (if any). */
export function wordOf(el: HTMLElement, byHover: boolean, char: number | null): Open {
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
