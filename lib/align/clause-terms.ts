/**
 * The clause term of a bead's cost, from a table: the search weighs millions of beads, and their
 * clause counts make a few hundred distinct pairs.
 */
import { clauseCost } from './clauses';

/** Clause counts below this on each side have their cost in the table (a bead's are a few dozen at most). */
const CLAUSE_TABLE_SIDE = 64;

/**
 * `weight * clauseCost(zh, en, ratio)` for whole clause counts, each worked out once per search
 * (the same function of the same numbers, so the same bits): a bead's cost took a square root and a
 * division for it, millions of times, over a few hundred distinct pairs of counts.
 */
export class ClauseTerms {
  private readonly table = new Float64Array(CLAUSE_TABLE_SIDE * CLAUSE_TABLE_SIDE).fill(NaN);

  constructor(
    private readonly weight: number,
    private readonly ratio: number,
  ) {}

  /** The term for a bead of `zh` Chinese and `en` English clauses (anything but small whole counts is worked out). */
  cost(zh: number, en: number): number {
    const inTable = zh >>> 0 === zh && en >>> 0 === en && zh < CLAUSE_TABLE_SIDE && en < CLAUSE_TABLE_SIDE;
    if (!inTable) return this.weight * clauseCost(zh, en, this.ratio);
    const k = zh * CLAUSE_TABLE_SIDE + en;
    const cached = this.table[k]!;
    if (cached === cached) return cached; // not NaN: worked out before
    return (this.table[k] = this.weight * clauseCost(zh, en, this.ratio));
  }
}
