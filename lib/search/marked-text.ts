/**
 * A hit's text as one line of plain text with its matches marked, for the command line: the
 * terminal has no highlight, so the marks are characters (or escape codes the caller chooses).
 */
import type { Part } from './match';

export interface Marks {
  open: string;
  close: string;
}

/** The parts joined on one line: a pair's blocks are joined by newlines, shown here as ¶. */
export function markedLine(parts: readonly Part[], marks: Marks): string {
  return parts
    .map((p) => (p.mark ? marks.open + p.text + marks.close : p.text))
    .join('')
    .replace(/\n/g, ' ¶ ');
}
