/**
 * Chinese sentence boundaries the English may not keep. A Chinese text ends the items of a list with
 * "；" (扩大贸易规模；发展互联互通；…) where an English translation mostly keeps one sentence
 * ("…: expanding the scale of trade; developing connectivity; …"). The splitter (lib/text/segment.ts)
 * still cuts there, so that a reader can step through the clauses, but such a boundary is *soft*: it
 * separates two beads only when the English separates the two clauses too.
 *
 * How: the sentences joined at their soft boundaries are aligned as units beside the sentences as
 * split (see `alignSoftly`). The beads speak of the sentences as split, so sentence ids, and
 * `duizhao align`'s contract (every sentence once, in order), do not change: a bead holds the parts.
 *
 * A closed quotation before its speaker (“……。” 李永全说，…) is not soft, though English often joins
 * them: in fiction most closed quotations are dialogue or narration the translation keeps apart, and
 * treating them as soft cost 0.14 strict F1 on MAC-Dev (`npm run bench:soft-splits` measures both).
 *
 * A post-step around `Aligner.align` (lib/align/aligner.ts stays as it is; branch 17q works there):
 * this file is `lib/align/soft-splits.ts`, and lib/pipeline/align.ts calls `alignSoftly` for a pair's sentences.
 */
import type { Bead } from '../model';
import { softEnd } from '../text/soft-ends';

/** What this step needs of the aligner: its sentence alignment (every sentence once, in order). */
interface SentenceAligner {
  align(zh: string[], en: string[]): Bead[];
}

/**
 * Clauses a unit must have for the units' beads to be taken: three or more "；" clauses are a list,
 * which an English sentence keeps whole; two are a compound sentence, which a translator often
 * re-cuts (MAC-Dev 005: …恨不得这一切早点结束；| 她还有些神经过敏… moves its first clause into
 * the previous English sentence: taking two-clause units cost 0.002 strict F1 there, 3 gold beads).
 */
const MIN_LIST = 3;

/** Whether the boundary after sentence `i` of `zh` is soft. */
export type Softness = (zh: readonly string[], i: number) => boolean;

/** After "；" only: see the header for why a closed quotation is not soft. */
const softBoundary: Softness = (zh, i) => softEnd(zh[i]!) === 'clause';

/** Runs of sentence indices joined at soft boundaries: [[0], [1, 2, 3], [4]]. Never an empty run. */
export function softUnits(zh: readonly string[], soft: Softness = softBoundary): number[][] {
  const units: number[][] = [];
  for (let i = 0; i < zh.length; i++) {
    const last = units.at(-1);
    if (last !== undefined && soft(zh, i - 1)) last.push(i);
    else units.push([i]);
  }
  return units;
}

/**
 * The sentence beads of `zh` and `en`, the Chinese cut at a soft boundary only where the English is.
 *
 * Both alignments are made (the sentences as split, and the units), and they are compared region by
 * region between the boundaries they share. A region takes the units' beads only when there a unit
 * of several parts stays whole with exactly one English sentence (the case this is for) and no bead
 * leaves a side empty; anywhere else the sentences as split are kept. Joining units everywhere cost
 * 0.004 strict F1 on MAC-Dev's fiction, whose "；" clauses a translator often re-cuts.
 */
export function alignSoftly(
  aligner: SentenceAligner,
  zh: string[],
  en: string[],
  soft: Softness = softBoundary,
): Bead[] {
  const units = softUnits(zh, soft);
  const plain = aligner.align(zh, en);
  if (units.length === zh.length) return plain;
  const joined = unitBeads(aligner, zh, en, units);
  const unitOf = new Int32Array(zh.length);
  units.forEach((unit, u) => unit.forEach((i) => (unitOf[i] = u)));
  const wholeUnits = (b: Bead) =>
    b.zh.length > 0 && units[unitOf[b.zh[0]!]!]![0] === b.zh[0] && units[unitOf[b.zh.at(-1)!]!]!.at(-1) === b.zh.at(-1);
  const accept = (region: Bead[]) =>
    region.every((b) => b.zh.length > 0 && b.en.length > 0 && wholeUnits(b)) &&
    region.some((b) => b.en.length === 1 && b.zh.length >= MIN_LIST && unitOf[b.zh[0]!] === unitOf[b.zh.at(-1)!]);
  return regions(plain, joined).flatMap(([p, j]) => (accept(j) ? j : p));
}

/** The two alignments cut at the (zh, en) boundaries they share: pairs of bead runs covering the same sentences. */
function regions(a: readonly Bead[], b: readonly Bead[]): Array<[Bead[], Bead[]]> {
  const out: Array<[Bead[], Bead[]]> = [];
  let ra: Bead[] = [];
  let rb: Bead[] = [];
  let ka = 0;
  let kb = 0;
  let za = 0;
  let ea = 0;
  let zb = 0;
  let eb = 0;
  while (ka < a.length || kb < b.length) {
    // Advance the alignment that is behind (in Chinese, then English sentences) by one bead.
    const aBehind = kb >= b.length || (ka < a.length && (za < zb || (za === zb && ea <= eb)));
    if (aBehind) {
      const bead = a[ka++]!;
      ra.push(bead);
      za += bead.zh.length;
      ea += bead.en.length;
    } else {
      const bead = b[kb++]!;
      rb.push(bead);
      zb += bead.zh.length;
      eb += bead.en.length;
    }
    if (za === zb && ea === eb && ra.length > 0 && rb.length > 0) {
      out.push([ra, rb]);
      ra = [];
      rb = [];
    }
  }
  if (ra.length > 0 || rb.length > 0) out.push([ra, rb]);
  return out;
}

/** The beads of the units aligned to the English, in sentence ids (see the header). */
function unitBeads(aligner: SentenceAligner, zh: string[], en: string[], units: number[][]): Bead[] {
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
