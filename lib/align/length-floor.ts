/**
 * A floor under the Gale–Church length cost (gale-church.ts) that needs no exponential and no
 * logarithm: the search weighs millions of beads, and for most of those that lose, their length
 * alone already says so.
 *
 * The cost is −log(2·Q̃(|δ|)), with Q̃ Abramowitz and Stegun's approximation of the normal tail,
 * φ(z)·P(t). P approximates the Mills ratio Q(z)/φ(z), which is at most √(π/2) (its value at z = 0),
 * so 2·Q̃(z) ≤ 2·φ(z)·√(π/2) = e^(−z²/2), and the cost is at least z²/2, or the cost's ceiling
 * where the probability is clamped. Checked in length-floor.test.ts over a dense grid of z and
 * random lengths, ratios and variances; MARGIN covers δ computed in another order than the cost's.
 */
/** The cost where the probability is clamped (−log 1e-12 in lengthCost). */
const CEILING = -Math.log(1e-12);
const MARGIN = 1e-9;

/** A lower bound of `lengthCost(lz, le, ratio, variance)`, for a bead that may be dropped without it. */
export function lengthCostFloor(lz: number, le: number, ratio: number, variance: number): number {
  const mean = (lz + le / ratio) / 2;
  const delta = (le - lz * ratio) / Math.sqrt(Math.max(mean, 1) * variance);
  return Math.min((delta * delta) / 2, CEILING) - MARGIN;
}
