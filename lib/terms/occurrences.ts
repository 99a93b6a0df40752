/** Where a term occurs in a text: exact, non-overlapping, never inside a surrogate pair. */
import { LONE_SURROGATE } from '../base/unicode';

/** Whether a string can be looked for: non-empty and well-formed UTF-16 (no lone surrogate). */
export function isSearchableTerm(term: string): boolean {
  return term !== '' && !LONE_SURROGATE.test(term);
}

/**
 * UTF-16 start offsets of `term` in `text`, left to right, each match starting after the previous
 * one ends (一一 in 一一一 is found once). A well-formed term cannot match half of a surrogate pair:
 * its first unit is a BMP character or a high surrogate, which only a high surrogate equals, and a
 * term that is not well-formed is never found.
 */
export function findOccurrences(term: string, text: string): number[] {
  if (!isSearchableTerm(term)) return [];
  const starts: number[] = [];
  for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + term.length)) starts.push(at);
  return starts;
}
