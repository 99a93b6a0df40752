/**
 * Where the dictionary popover goes: next to the word (below it, or above when only above has
 * room), and off the sentences sentence sync has just marked — a reader who taps a word wants to
 * see its translation too. Pure geometry in viewport coordinates, so it is tested without a browser.
 */
export interface Box {
  top: number;
  left: number;
  width: number;
  height: number;
}

export interface Placement {
  top: number;
  left: number;
  above: boolean;
}

const intersects = (a: Box, b: Box) =>
  a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;

/**
 * The popover's top-left corner (viewport coordinates) for a word, a popover size, the viewport, and
 * the boxes to keep clear; the first candidate that fits the viewport and covers none of them,
 * else the plain placement by the word.
 */
export function placePopover(
  word: Box,
  pop: { width: number; height: number },
  viewport: { width: number; height: number },
  avoid: readonly Box[],
  gap: number,
  margin: number,
): Placement {
  const belowTop = word.top + word.height + gap;
  const aboveTop = word.top - gap - pop.height;
  const roomBelow = viewport.height - (word.top + word.height) >= pop.height + gap + margin;
  const roomAbove = word.top >= pop.height + gap + margin;
  const clampLeft = (left: number) => Math.max(margin, Math.min(left, viewport.width - pop.width - margin));
  const plainAbove = roomAbove && !roomBelow;
  const plain: Placement = { top: plainAbove ? aboveTop : belowTop, left: clampLeft(word.left), above: plainAbove };
  if (avoid.length === 0) return plain;

  const lefts = [clampLeft(word.left)];
  const clearLeft = Math.min(...avoid.map((b) => b.left)) - gap - pop.width;
  if (clearLeft >= margin) lefts.push(clearLeft);
  const clearRight = Math.max(...avoid.map((b) => b.left + b.width)) + gap;
  if (clearRight + pop.width <= viewport.width - margin) lefts.push(clearRight);
  const candidates: Placement[] = [];
  for (const left of lefts) {
    if (roomBelow) candidates.push({ top: belowTop, left, above: false });
    if (roomAbove) candidates.push({ top: aboveTop, left, above: true });
  }
  const fit = candidates.find(
    (c) => !avoid.some((b) => intersects({ top: c.top, left: c.left, width: pop.width, height: pop.height }, b)),
  );
  return fit ?? plain;
}
