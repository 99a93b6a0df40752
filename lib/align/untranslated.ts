/**
 * Untranslated units the bead search folded into a neighbour. A source paragraph with no
 * translation costs a skip, and merging it into the next bead often costs less (its words share
 * vocabulary with the neighbour's), so the search says 2-1 where the truth is 1-0 + 1-1. Such a unit
 * is told apart by what it adds: in a true merge each unit renders its share of the other side; an
 * untranslated one adds almost nothing to how much of the other side the bead explains.
 */
import type { Bead } from '../model';

export interface Coverage {
  /** Share of the Chinese side the English renders, and the other way round, 0..1. */
  (zh: string[], en: string[]): { zh: number; en: number };
}

/** An edge unit shorter than this (Han characters, or English letters / 3) is never split out: too little evidence. */
const MIN_SIZE = 12;
/**
 * An edge unit must add at least this share of what its size predicts, or it is split out. Measured
 * on the corpus's 421 pairs of consecutive paragraphs: at 0.25, 87% of paragraphs made untranslated
 * are split out, and 4.5% of true two-into-one merges are split wrongly (0.15: 79% and 2.6%; 0.35:
 * 88% and 10%). Paragraph beads only: on the fiction development set's short sentences the same
 * rule costs 0.05 strict F1, so the sentence beads inside a pair are left as the search made them.
 */
const MIN_GAIN_RATIO = 0.25;

const hanCount = (s: string) => (s.match(/\p{Script=Han}/gu) ?? []).length;
const enSize = (s: string) => (s.match(/[A-Za-z]/g) ?? []).length / 3;

/** Units that are translated by a unit of their own when translated at all: headings. */
export interface StandsAlone {
  zh: (index: number) => boolean;
  en: (index: number) => boolean;
}

/**
 * Whether `edge`, at one end of a merged side, adds too little to the coverage of the other side to
 * be part of the translation. `others` are the rest of its side, `opposite` the other side.
 */
function addsTooLittle(
  edge: string,
  others: string[],
  opposite: string[],
  side: 'zh' | 'en',
  coverage: Coverage,
): boolean {
  const size = side === 'zh' ? hanCount : enSize;
  const edgeSize = size(edge);
  const total = edgeSize + others.reduce((n, s) => n + size(s), 0);
  if (edgeSize < MIN_SIZE || total === 0) return false;
  // How much of the opposite side is explained, with and without the edge unit.
  const measure = (units: string[]) => (side === 'zh' ? coverage(units, opposite).en : coverage(opposite, units).zh);
  const all = side === 'zh' ? measure([edge, ...others]) : measure([...others, edge]);
  const without = measure(others);
  const expected = (edgeSize / total) * all;
  return all - without < MIN_GAIN_RATIO * expected;
}

/** The four ends of a merged bead an untranslated unit can sit at, in the order they are tried. */
const EDGES: ReadonlyArray<{ side: 'zh' | 'en'; end: 'first' | 'last' }> = [
  { side: 'zh', end: 'first' },
  { side: 'zh', end: 'last' },
  { side: 'en', end: 'first' },
  { side: 'en', end: 'last' },
];

/**
 * Splits the untranslated edge units out of merged beads, as beads of their own with nothing on
 * the other side. Order and the every-unit-in-one-bead rule are kept.
 */
export function splitUntranslated(
  beads: Bead[],
  zh: string[],
  en: string[],
  coverage: Coverage,
  standsAlone?: StandsAlone,
): Bead[] {
  // A heading merged with other units, across from no heading, is one whose translation is missing
  // (a heading is rendered by a heading): too short for the coverage test, clear from the structure.
  const orphanHeading = (side: 'zh' | 'en', unit: number, opposite: number[]) =>
    standsAlone !== undefined &&
    standsAlone[side](unit) &&
    !opposite.some((o) => standsAlone[side === 'zh' ? 'en' : 'zh'](o));
  const out: Bead[] = [];
  const text = (ids: number[], side: string[]) => ids.map((i) => side[i]!);
  for (const bead of beads) {
    let zhIds = bead.zh;
    let enIds = bead.en;
    const before: Bead[] = [];
    const after: Bead[] = [];
    let changed = true;
    while (changed && zhIds.length > 0 && enIds.length > 0) {
      changed = false;
      for (const { side, end } of EDGES) {
        const ids = side === 'zh' ? zhIds : enIds;
        if (ids.length < 2) continue;
        const unit = end === 'first' ? ids[0]! : ids.at(-1)!;
        const rest = end === 'first' ? ids.slice(1) : ids.slice(0, -1);
        const [units, opposite, oppositeUnits] = side === 'zh' ? [zh, enIds, en] : [en, zhIds, zh];
        if (
          !orphanHeading(side, unit, opposite) &&
          !addsTooLittle(units[unit]!, text(rest, units), text(opposite, oppositeUnits), side, coverage)
        )
          continue;
        const alone: Bead =
          side === 'zh' ? { zh: [unit], en: [], confidence: 0 } : { zh: [], en: [unit], confidence: 0 };
        if (end === 'first') before.push(alone);
        else after.unshift(alone);
        if (side === 'zh') zhIds = rest;
        else enIds = rest;
        changed = true;
        break;
      }
    }
    const kept = zhIds === bead.zh && enIds === bead.en ? bead : { ...bead, zh: zhIds, en: enIds };
    out.push(...before, kept, ...after);
  }
  return out;
}
