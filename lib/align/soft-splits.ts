/**
 * Chinese sentence boundaries the English may not keep. A Chinese text ends a clause of a list
 * with "；" (扩大贸易规模；发展互联互通；…) and closes a quotation before its speaker
 * (“……。” 李永全说，…) where an English translation mostly keeps one sentence ("…: expanding the
 * scale of trade; developing connectivity; …", '"…," said Li Yongquan'). The splitter
 * (lib/text/segment.ts) still cuts there, so that a reader can step through the clauses, but such
 * a boundary is *soft*: it separates two beads only when the English separates the two halves too.
 *
 * How: the sentences joined at their soft boundaries are aligned first, as units; a unit bead that
 * holds several parts is then aligned again part by part against its English and any English
 * beside it that the unit search left without Chinese, and that finer alignment is kept only when
 * every bead of it pairs Chinese with English (a part left alone would be a gap the translation
 * does not have); else the parts and that English make one bead. The beads speak of the sentences as split,
 * so sentence ids, and `duizhao align`'s contract (every sentence once, in order), do not change.
 *
 * A post-step around `Aligner.align` (lib/align/aligner.ts stays as it is; branch 17q works there):
 * this file is `lib/align/soft-splits.ts`, and the pipeline calls `alignSoftly` for a pair's sentences.
 */
import type { Bead } from '../model';
import { endsSoftly } from '../text/segment';

/** What this step needs of the aligner: its sentence alignment (every sentence once, in order). */
export interface SentenceAligner {
  align(zh: string[], en: string[]): Bead[];
}

/** Runs of sentence indices joined at soft boundaries: [[0], [1, 2, 3], [4]]. Never an empty run. */
export function softUnits(zh: readonly string[]): number[][] {
  const units: number[][] = [];
  for (let i = 0; i < zh.length; i++) {
    const last = units.at(-1);
    if (last !== undefined && endsSoftly(zh[i - 1]!)) last.push(i);
    else units.push([i]);
  }
  return units;
}

/** The sentence beads of `zh` and `en`, the Chinese cut at a soft boundary only where the English is. */
export function alignSoftly(aligner: SentenceAligner, zh: string[], en: string[]): Bead[] {
  const units = softUnits(zh);
  if (units.length === zh.length) return aligner.align(zh, en);
  const unitBeads = aligner.align(
    units.map((unit) => unit.map((i) => zh[i]!).join('')),
    en,
  );
  const beads: Bead[] = [];
  for (let k = 0; k < unitBeads.length; k++) {
    const bead = unitBeads[k]!;
    const ids = bead.zh.flatMap((u) => units[u]!);
    if (ids.length === bead.zh.length) {
      beads.push({ zh: ids, en: bead.en, confidence: bead.confidence });
      continue;
    }
    // English the unit alignment left without Chinese beside a bead of parts most likely belongs
    // to those parts (the unit search cannot cut a unit to give it some): it is taken in, as the
    // sentence-by-sentence search would have done.
    const before: Bead[] = [];
    while (beads.length > 0 && beads.at(-1)!.zh.length === 0) before.unshift(beads.pop()!);
    let last = k;
    while (last + 1 < unitBeads.length && unitBeads[last + 1]!.zh.length === 0) last++;
    const enIds = [...before.flatMap((b) => b.en), ...unitBeads.slice(k, last + 1).flatMap((b) => b.en)];
    k = last;
    const finer = enIds.length > 1 ? partBeads(aligner, zh, en, ids, enIds) : null;
    beads.push(...(finer ?? [{ zh: ids, en: enIds, confidence: bead.confidence }]));
  }
  return beads;
}

/** The parts `ids` aligned to the English `enIds` on their own; null when a part or an English sentence would be left alone. */
function partBeads(
  aligner: SentenceAligner,
  zh: readonly string[],
  en: readonly string[],
  ids: readonly number[],
  enIds: readonly number[],
): Bead[] | null {
  const sub = aligner.align(
    ids.map((i) => zh[i]!),
    enIds.map((j) => en[j]!),
  );
  if (sub.length < 2 || sub.some((b) => b.zh.length === 0 || b.en.length === 0)) return null;
  return sub.map((b) => ({ zh: b.zh.map((k) => ids[k]!), en: b.en.map((k) => enIds[k]!), confidence: b.confidence }));
}
