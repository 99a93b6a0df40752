/**
 * A run of Han characters cut into dictionary words: the cut with the fewest pieces (a character
 * the dictionary lacks is a piece of its own), and among those the one whose pieces start longest
 * from the left. Greedy longest match alone goes wrong where a long first match steals the start
 * of a longer word: 北京人民大会堂 became 北京人|民|大会|堂 (北京人 "Peking man"), where the
 * fewest pieces are 北京|人民大会堂.
 */
import type { Dictionary } from '../dictionary/cedict';

/** `chars` (code points) as dictionary words; `cover(chars).join('') === chars.join('')`. */
export function fewestWordCover(chars: readonly string[], dictionary: Dictionary): string[] {
  const n = chars.length;
  // pieces[i]: fewest pieces covering chars[i..]; next[i]: where the first of them ends.
  const pieces = new Array<number>(n + 1).fill(0);
  const next = new Array<number>(n + 1).fill(n);
  for (let i = n - 1; i >= 0; i--) {
    pieces[i] = (pieces[i + 1] ?? 0) + 1;
    next[i] = i + 1;
    // Every headword starting at i ends within the longest one, so only those ends are tried.
    const longest = Array.from(dictionary.longestMatch(chars, i) ?? '').length;
    let prefix = chars[i] ?? '';
    for (let end = i + 2; end <= i + longest; end++) {
      prefix += chars[end - 1] ?? '';
      // `<=`: among cuts of as few pieces, the longer first word wins, as greedy matching would choose.
      if (dictionary.has(prefix) && (pieces[end] ?? 0) + 1 <= (pieces[i] ?? 0)) {
        pieces[i] = (pieces[end] ?? 0) + 1;
        next[i] = end;
      }
    }
  }
  const words: string[] = [];
  for (let i = 0; i < n; i = next[i] ?? n) words.push(chars.slice(i, next[i]).join(''));
  return words;
}
