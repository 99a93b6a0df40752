/**
 * A rendering that is a fragment of a commoner rendering of the same term, in a sentence where the
 * commoner one is written out around it, is that commoner rendering: the word aligner linked
 * "Jinping" of "Xi Jinping" to 习近平, or "two" of "the two countries" to 两国, and left the rest
 * unlinked. Where the sentence says only "the two sides", "two" stays "two": the fragment is
 * completed only from the words actually there.
 */
import type { TermOccurrence } from '../model';

type Rendering = NonNullable<TermOccurrence['rendering']>;

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Whether `en[start, end)` is whole words: no letter or digit runs on across either edge. */
function atWordEdges(en: string, start: number, end: number): boolean {
  return !WORD_CHAR.test(en[start - 1] ?? '') && !WORD_CHAR.test(en[end] ?? '');
}

/**
 * Occurrences with each one-part rendering completed to the commonest rendering that contains its
 * key and is written out around it in its sentence. `englishOf` gives an occurrence's English (the
 * pair's text, which the offsets index). Counts are taken before any completion, so the result does
 * not depend on the order of the occurrences.
 */
export function completeFragments(
  occurrences: readonly TermOccurrence[],
  englishOf: (o: TermOccurrence) => string,
): TermOccurrence[] {
  const counts = new Map<string, number>();
  const surfaces = new Map<string, Set<string>>();
  for (const o of occurrences) {
    const r = o.rendering;
    if (!r || r.parts) continue;
    counts.set(r.key, (counts.get(r.key) ?? 0) + 1);
    const text = englishOf(o).slice(r.start, r.end).toLowerCase();
    let forms = surfaces.get(r.key);
    if (!forms) surfaces.set(r.key, (forms = new Set()));
    forms.add(text);
  }
  // Commonest first; on a tie the key seen first (Map order), so the result is deterministic.
  const byCount = [...counts].sort((a, b) => b[1] - a[1]);
  return occurrences.map((o) => {
    const r = o.rendering;
    if (!r || r.parts) return o;
    const own = counts.get(r.key) ?? 0;
    const en = englishOf(o);
    const lower = en.toLowerCase();
    for (const [key, count] of byCount) {
      if (count <= own) break;
      if (!` ${key} `.includes(` ${r.key} `)) continue;
      for (const form of surfaces.get(key) ?? []) {
        const completed = findAround(lower, form, r);
        if (completed && atWordEdges(en, completed.start, completed.end)) {
          return { ...o, rendering: { start: completed.start, end: completed.end, key } };
        }
      }
    }
    return o;
  });
}

/** Where `form` is written in `text` covering the span of `r`, if it is. */
function findAround(text: string, form: string, r: Rendering): { start: number; end: number } | undefined {
  for (let at = text.indexOf(form, Math.max(0, r.end - form.length)); at >= 0 && at <= r.start;) {
    if (at + form.length >= r.end) return { start: at, end: at + form.length };
    at = text.indexOf(form, at + 1);
  }
  return undefined;
}
