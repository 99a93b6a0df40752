import { useEffect, type RefObject } from 'react';

const SENTENCE = '.zs, .es';

/** The elements markBead marked, by root and class. */
const marked = new WeakMap<ParentNode, Map<string, Element[]>>();

/**
 * Marks the sentences of one bead in a pair, on both sides, with a class (and clears it from
 * every other sentence of the page). Done on the DOM, not through React state: pointing at text
 * must not redraw thousands of words.
 */
export function markBead(root: ParentNode, className: string, pair: Element | null, beads: readonly string[]): void {
  // The elements marked last time are remembered: looking for the class among the 16,000
  // elements of the longest document on every pointer move and focus (three times a tap) costs more.
  let byClass = marked.get(root);
  if (!byClass) marked.set(root, (byClass = new Map()));
  for (const el of byClass.get(className) ?? []) el.classList.remove(className);
  const now: Element[] = [];
  byClass.set(className, now);
  if (!pair) return;
  for (const bead of beads) {
    for (const el of pair.querySelectorAll(`[data-b~="${CSS.escape(bead)}"]`)) {
      el.classList.add(className);
      now.push(el);
    }
  }
}

/**
 * Sentence sync: pointing at or focusing a sentence on one side marks its aligned sentence(s) on
 * the other (and itself), through their shared bead index (`data-b`) inside the pair.
 */
export function useSentenceSync(rootRef: RefObject<HTMLElement | null>, enabled: boolean): void {
  useEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    if (!enabled) {
      markBead(root, 'synced', null, []);
      return;
    }
    let last: Element | null = null;
    const mark = (target: EventTarget | null) => {
      const sentence = (target as Element | null)?.closest?.(SENTENCE) ?? null;
      if (sentence === last) return;
      last = sentence;
      const beads = sentence?.getAttribute('data-b')?.split(' ') ?? [];
      markBead(root, 'synced', sentence?.closest('.pair') ?? null, beads);
    };
    const onOver = (event: Event) => mark(event.target);
    // A finger leaves the page whenever it lifts: on touch the sentence tapped stays marked until
    // another is touched, as a mouse's stays while it rests there.
    const onLeave = (event: PointerEvent) => {
      if (event.pointerType !== 'touch') mark(null);
    };
    root.addEventListener('pointerover', onOver);
    root.addEventListener('focusin', onOver);
    root.addEventListener('pointerleave', onLeave);
    return () => {
      root.removeEventListener('pointerover', onOver);
      root.removeEventListener('focusin', onOver);
      root.removeEventListener('pointerleave', onLeave);
      markBead(root, 'synced', null, []);
    };
  }, [rootRef, enabled]);
}
